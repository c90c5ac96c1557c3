#pragma once

#include <json-glib/json-glib.h>

#include "pd-store.h"

G_BEGIN_DECLS

/**
 * PdScheduleRow:
 *
 * One session of a season's schedule, with the round and circuit it
 * belongs to, so that it can be shown or written without more queries.
 */
typedef struct {
  PdRound   *round;
  PdCircuit *circuit;
  PdSession *session;
} PdScheduleRow;

GPtrArray  *pd_schedule_collect        (PdStore        *store,
                                        const char     *season_id,
                                        int             round_number,
                                        GDateTime      *upcoming_after,
                                        GError        **error);
GPtrArray  *pd_schedule_collect_round  (PdStore        *store,
                                        const char     *season_id,
                                        const char     *round_id,
                                        GError        **error);
gboolean    pd_schedule_row_is_over    (PdScheduleRow  *row,
                                        GDateTime      *now);
GDateTime  *pd_schedule_row_end        (PdScheduleRow  *row);
JsonNode   *pd_schedule_to_json        (GPtrArray      *rows,
                                        GTimeZone      *local_zone);
char       *pd_schedule_to_csv         (GPtrArray      *rows,
                                        GTimeZone      *local_zone);
char       *pd_schedule_to_text        (GPtrArray      *rows,
                                        GTimeZone      *local_zone);
char       *pd_format_clock            (GDateTime      *datetime,
                                        GTimeZone      *zone);
char       *pd_format_track_and_local  (GDateTime      *start,
                                        GTimeZone      *track_zone,
                                        GTimeZone      *local_zone);
char       *pd_format_day              (const char     *date);
char       *pd_format_date_range       (const char     *start_date,
                                        const char     *end_date);
char       *pd_format_countdown        (GTimeSpan       span);

G_END_DECLS
