#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_ERGAST_ERROR (pd_ergast_error_quark ())

typedef enum {
  PD_ERGAST_ERROR_FORMAT,       /* a column or a value is missing, a row is too long */
  PD_ERGAST_ERROR_VALUE,        /* a value is not what its column holds */
  PD_ERGAST_ERROR_REFERENCE,    /* an id that its file does not have */
  PD_ERGAST_ERROR_DUPLICATE,    /* an id or a round given twice */
  PD_ERGAST_ERROR_NO_ZONE,      /* a circuit whose time zone is not known */
} PdErgastError;

/* The series all Ergast seasons belong to, and the prefix of their ids
 * ("f1-1950" … "f1-2025"). */
#define PD_ERGAST_SERIES_ID "f1"

/**
 * PdErgastStats:
 *
 * What one import read and stored. Records that were already stored are
 * counted too: importing the same files twice gives the same counts.
 * @circuits_kept counts the circuits left as they were stored.
 */
typedef struct {
  guint seasons;
  guint rounds;
  guint sessions;
  guint circuits;
  guint circuits_kept;
  guint teams;
  guint drivers;
  guint entries;
  guint results;          /* race, sprint and qualifying results together */
  guint race_results;
  guint sprint_results;
  guint qualifying_results;
} PdErgastStats;

GQuark       pd_ergast_error_quark (void);

gboolean     pd_ergast_import      (PdStore        *store,
                                    const char     *dir,
                                    PdErgastStats  *stats,
                                    GError        **error);

const char  *pd_ergast_circuit_zone        (const char *circuit_ref);
const char  *pd_ergast_country_code        (const char *country);
const char  *pd_ergast_nationality_code    (const char *nationality);

G_END_DECLS
