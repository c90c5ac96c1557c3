#pragma once

#include "pd-csv.h"
#include "pd-standings.h"
#include "pd-store.h"

G_BEGIN_DECLS

GArray *pd_standings_rounds           (GPtrArray            *rows);
gboolean pd_standings_row_round_points (const PdStandingsRow *row,
                                       int                   round,
                                       PdPoints             *counted,
                                       PdPoints             *dropped);
char   *pd_standings_to_csv           (PdStore              *store,
                                       PdStandingsKind       kind,
                                       GPtrArray            *rows,
                                       PdCsvHeaders          headers);

G_END_DECLS
