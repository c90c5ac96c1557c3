#pragma once

#include <json-glib/json-glib.h>

#include "pd-csv.h"
#include "pd-store.h"

G_BEGIN_DECLS

/**
 * PdResultRow:
 *
 * One car's result in a session with the names people read: its class,
 * team, car and drivers, and the penalties it was given.
 */
typedef struct {
  PdResult   *result;
  char       *class_name;    /* "" when the season has no classes */
  char       *team_name;
  char       *car_model;
  char       *number;
  char      **driver_names;  /* "Michael Schrey" */
  GPtrArray  *penalties;     /* PdPenalty */
} PdResultRow;

PdSession *pd_results_find_session (PdStore     *store,
                                    const char  *season_id,
                                    int          round_number,
                                    const char  *session_name,
                                    GError     **error);
GPtrArray *pd_results_load         (PdStore     *store,
                                    const char  *session_id,
                                    GError     **error);
JsonNode  *pd_results_to_json      (GPtrArray   *rows);
char      *pd_results_to_csv       (GPtrArray   *rows,
                                    PdCsvHeaders headers);
char      *pd_penalty_describe     (PdPenalty   *penalty);
char      *pd_result_describe_notes (PdResult   *result,
                                    GPtrArray   *penalties);

G_END_DECLS
