#pragma once

#include "pd-standings.h"
#include "pd-store.h"

G_BEGIN_DECLS

PdScoreSeason *pd_score_season_load (PdStore     *store,
                                     const char  *season_id,
                                     GError     **error);
PdRules       *pd_rules_for_season  (PdStore     *store,
                                     const char  *season_id,
                                     GError     **error);

char          *pd_standings_name    (PdStore         *store,
                                     PdStandingsKind  kind,
                                     const char      *id);

G_END_DECLS
