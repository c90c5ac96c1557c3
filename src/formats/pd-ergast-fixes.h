#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_ERGAST_FIXES_ERROR (pd_ergast_fixes_error_quark ())

typedef enum {
  PD_ERGAST_FIXES_ERROR_SYNTAX,   /* not UTF-8 or not JSON */
  PD_ERGAST_FIXES_ERROR_FORMAT,   /* not a corrections file, or a member missing or wrong */
  PD_ERGAST_FIXES_ERROR_VERSION,  /* a newer version of the format */
} PdErgastFixesError;

/* The corrections compiled into the core library. */
#define PD_ERGAST_FIXES_RESOURCE "/io/github/paddock/Paddock/ergast-corrections.json"

/**
 * PdErgastFixesStats:
 * @applied: corrections that changed the store
 * @skipped: corrections whose race is stored but whose row is not as they
 *   expect (already corrected, or the data changed): left alone
 * @absent: corrections whose race or driver is not stored at all
 */
typedef struct {
  guint applied;
  guint skipped;
  guint absent;
} PdErgastFixesStats;

GQuark    pd_ergast_fixes_error_quark (void);

gboolean  pd_ergast_fixes_apply       (PdStore             *store,
                                       PdErgastFixesStats  *stats,
                                       GError             **error);
gboolean  pd_ergast_fixes_apply_data  (PdStore             *store,
                                       const char          *data,
                                       gsize                length,
                                       PdErgastFixesStats  *stats,
                                       GError             **error);

G_END_DECLS
