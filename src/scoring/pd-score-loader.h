#pragma once

#include "pd-standings.h"
#include "pd-store.h"

G_BEGIN_DECLS

PdScoreSeason *pd_score_season_load (PdStore     *store,
                                     const char  *season_id,
                                     GError     **error);
PdScoreSeason *pd_score_season_load_scoring (PdStore        *store,
                                             const char     *season_id,
                                             const PdRules  *rules,
                                             GError        **error);
gboolean       pd_score_season_reload_session (PdScoreSeason  *season,
                                               PdStore        *store,
                                               const char     *season_id,
                                               const char     *session_id,
                                               GError        **error);
PdRules       *pd_rules_for_season  (PdStore     *store,
                                     const char  *season_id,
                                     GError     **error);

char          *pd_standings_name    (PdStore         *store,
                                     PdStandingsKind  kind,
                                     const char      *id);

/* Where names come from, for a function that wants them by id. */
typedef struct {
  PdStore         *store;
  PdStandingsKind  kind;
} PdStandingsNames;

char          *pd_standings_names_get (const char    *id,
                                       gpointer       names);

G_END_DECLS
