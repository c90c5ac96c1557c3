#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_SPORTSTIMES_ERROR (pd_sportstimes_error_quark ())

typedef enum {
  PD_SPORTSTIMES_ERROR_NOT_SPORTSTIMES,  /* not JSON, or no "races" list */
  PD_SPORTSTIMES_ERROR_SEASON,           /* no season id */
  PD_SPORTSTIMES_ERROR_SERIES,           /* a series Paddock does not know */
} PdSportstimesError;

/* What an import of a sportstimes calendar did. */
typedef struct {
  guint      sessions;   /* sessions imported */
  guint      rounds;     /* rounds they are in, cancelled ones too */
  GPtrArray *problems;   /* char *: one translated message per race or
                          * session that could not be read, naming the
                          * race by its place in the file and its name */
} PdSportstimesStats;

GQuark       pd_sportstimes_error_quark   (void);

gboolean     pd_sportstimes_import        (PdStore             *store,
                                           const char          *data,
                                           gsize                length,
                                           const char          *season_id,
                                           const char          *series,
                                           PdSportstimesStats  *stats,
                                           GError             **error);
void         pd_sportstimes_stats_clear   (PdSportstimesStats  *stats);

gboolean     pd_sportstimes_detect        (const char          *data,
                                           gsize                length);
const char  *pd_sportstimes_guess_series  (const char          *file_name_or_url);

G_END_DECLS
