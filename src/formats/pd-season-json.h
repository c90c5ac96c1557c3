#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_SEASON_JSON_ERROR (pd_season_json_error_quark ())

typedef enum {
  PD_SEASON_JSON_ERROR_SYNTAX,
  PD_SEASON_JSON_ERROR_FORMAT,
  PD_SEASON_JSON_ERROR_VERSION,
  PD_SEASON_JSON_ERROR_VALUE,
} PdSeasonJsonError;

/* The version of the Paddock season format this build reads and writes. */
#define PD_SEASON_JSON_VERSION 1

GQuark    pd_season_json_error_quark (void);

gboolean  pd_season_json_load        (PdStore     *store,
                                      const char  *data,
                                      gsize        length,
                                      char       **season_id,
                                      GError     **error);
gboolean  pd_season_json_import      (PdStore     *store,
                                      const char  *data,
                                      gsize        length,
                                      char       **season_id,
                                      GError     **error);

G_END_DECLS
