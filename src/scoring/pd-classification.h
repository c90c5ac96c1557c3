#pragma once

#include <glib.h>

#include "pd-enums.h"

G_BEGIN_DECLS

/*
 * A session's classification as a pure function: results and their
 * penalties in, overall and class order out. No database, no UI, so that
 * the results editor, the importers and the standings all derive the same
 * order from the same data (DESIGN.md: "Overall and class positions are
 * derived, never typed twice").
 */

/**
 * PdClassifyEntry:
 * @result_id: identifier of the result; the outcome borrows this pointer
 * @class_id: the car's class, %NULL when it has none
 * @status: the status as entered
 * @laps: laps completed, -1 when not known
 * @total_time_ms: race time in milliseconds, -1 when not known
 * @recorded_position: official overall position when only that is known,
 *   else 0
 * @recorded_class_position: official class position when only that is
 *   known, else 0
 * @penalty_time_ms: sum of the time penalties, added to the race time
 * @penalty_positions: places dropped after the time order
 * @disqualified: whether a disqualification penalty applies
 * @excluded: whether an exclusion penalty applies
 *
 * One result of a session, with its penalties summed up by kind.
 */
typedef struct {
  const char     *result_id;
  const char     *class_id;
  PdResultStatus  status;
  int             laps;
  gint64          total_time_ms;
  int             recorded_position;
  int             recorded_class_position;
  gint64          penalty_time_ms;
  int             penalty_positions;
  gboolean        disqualified;
  gboolean        excluded;
} PdClassifyEntry;

/**
 * PdClassifyOutcome:
 * @result_id: borrowed from the entry
 * @position: overall position, 1-based; 0 for none (DNS, DSQ, excluded)
 * @class_position: position within its class; 0 for none (no class, not
 *   classified, DNS, DSQ, excluded)
 * @road_position: the position the same rules give without any penalty;
 *   0 when not derived (recorded positions, DNS, DSQ or excluded as
 *   entered)
 * @status: the resulting status; may become %PD_RESULT_STATUS_DSQ,
 *   %PD_RESULT_STATUS_EXCLUDED or %PD_RESULT_STATUS_NOT_CLASSIFIED
 * @recorded: whether @position was taken as recorded rather than derived
 */
typedef struct {
  const char     *result_id;
  int             position;
  int             class_position;
  int             road_position;
  PdResultStatus  status;
  gboolean        recorded;
} PdClassifyOutcome;

/**
 * PdClassifyOptions:
 * @min_distance_percent: a car is classified only with at least this
 *   share of the winner's laps, rounded down to whole laps as the F1
 *   sporting regulations do (90 % of 57 laps needs 51); 0 for no minimum
 */
typedef struct {
  int min_distance_percent;
} PdClassifyOptions;

GArray *pd_classify (const PdClassifyEntry   *entries,
                     guint                    n_entries,
                     const PdClassifyOptions *options);

G_END_DECLS
