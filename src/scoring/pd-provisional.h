#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

/* A session whose results count but are not final yet. */
typedef struct {
  int   round_number;
  char *round_name;
  char *session_id;
  char *session_name;
} PdProvisional;

void       pd_provisional_free              (PdProvisional *provisional);
GPtrArray *pd_season_provisional_sessions   (PdStore       *store,
                                             const char    *season_id,
                                             int            after_round,
                                             GError       **error);
char      *pd_provisional_describe          (GPtrArray     *provisional);

G_END_DECLS
