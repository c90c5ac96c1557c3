#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_SEASON_JSON_ERROR (pd_season_json_error_quark ())

typedef enum {
  PD_SEASON_JSON_ERROR_SYNTAX,
  PD_SEASON_JSON_ERROR_FORMAT,
  PD_SEASON_JSON_ERROR_VERSION,
  PD_SEASON_JSON_ERROR_VALUE,
  PD_SEASON_JSON_ERROR_SEASON,
} PdSeasonJsonError;

/* The version of the Paddock season format this build writes; it reads
 * this one and every earlier one (docs/season-format.md). */
#define PD_SEASON_JSON_VERSION 2

/* What an imported document held. */
typedef struct {
  guint rounds;
  guint sessions;
  guint entries;
  guint results;
  guint penalties;
} PdSeasonJsonStats;

GQuark    pd_season_json_error_quark (void);

gboolean  pd_season_json_load        (PdStore            *store,
                                      const char         *data,
                                      gsize               length,
                                      char              **season_id,
                                      GError            **error);
gboolean  pd_season_json_import      (PdStore            *store,
                                      const char         *data,
                                      gsize               length,
                                      char              **season_id,
                                      GError            **error);
gboolean  pd_season_json_import_full (PdStore            *store,
                                      const char         *data,
                                      gsize               length,
                                      const char         *expected_season_id,
                                      PdSeasonJsonStats  *stats,
                                      char              **season_id,
                                      GError            **error);

char     *pd_season_json_export      (PdStore            *store,
                                      const char         *season_id,
                                      GError            **error);

G_END_DECLS
