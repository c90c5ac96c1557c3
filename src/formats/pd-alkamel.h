#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_ALKAMEL_ERROR (pd_alkamel_error_quark ())

typedef enum {
  PD_ALKAMEL_ERROR_FORMAT,     /* not a classification: a column missing, no rows */
  PD_ALKAMEL_ERROR_VALUE,      /* a value that is not what its column holds */
  PD_ALKAMEL_ERROR_DUPLICATE,  /* a car or a position given twice */
} PdAlkamelError;

/**
 * PdAlkamelStats:
 *
 * What one import read and what it had to create; importing the same
 * file again reads as many cars and creates nothing.
 */
typedef struct {
  guint    cars;
  guint    classified;
  guint    entries_created;
  guint    teams_created;
  guint    drivers_created;
  guint    classes_created;
  gboolean season_created;
  gboolean round_created;
  gboolean session_created;
  char    *session_id;      /* the session the results went to */
} PdAlkamelStats;

GQuark   pd_alkamel_error_quark (void);

gboolean pd_alkamel_import      (PdStore         *store,
                                 const char      *file_name,
                                 const char      *data,
                                 gsize            length,
                                 const char      *season_id,
                                 int              round_number,
                                 const char      *session_name,
                                 PdAlkamelStats  *stats,
                                 GError         **error);
gboolean pd_alkamel_check       (const char      *file_name,
                                 const char      *data,
                                 gsize            length,
                                 guint           *n_cars,
                                 GError         **error);
void     pd_alkamel_stats_clear (PdAlkamelStats  *stats);

char    *pd_make_id             (const char      *text);
char    *pd_clean_car_number    (const char      *text);
gboolean pd_is_car_number       (const char      *clean);
void     pd_split_driver_name   (const char      *full,
                                 char           **first,
                                 char           **last);

G_END_DECLS
