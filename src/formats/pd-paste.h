#pragma once

#include "pd-enums.h"
#include "pd-timing.h"

G_BEGIN_DECLS

/**
 * PdPasteRow:
 * @line: the line of the pasted text, from 1
 * @position: the position given in a position column, else 0 (the order
 *   of the rows is the finishing order)
 * @number: the car number, as typed
 * @laps: laps, -1 when not given
 * @total_time_ms: race time; from a gap to the leader when the time
 *   column held one; 0 when not known
 * @best_lap_ms: best lap, 0 when not given
 * @has_status: whether a status was given
 * @status: the status given
 *
 * One row pasted from a spreadsheet.
 */
typedef struct {
  guint           line;
  int             position;
  char           *number;
  int             laps;
  gint64          total_time_ms;
  gint64          best_lap_ms;
  gboolean        has_status;
  PdResultStatus  status;
} PdPasteRow;

/**
 * PdPasteProblem:
 * @line: the line, from 1
 * @message: what is wrong there, translated, naming the column and value
 */
typedef struct {
  guint  line;
  char  *message;
} PdPasteProblem;

typedef struct {
  GPtrArray *rows;      /* PdPasteRow, in the pasted order */
  GPtrArray *problems;  /* PdPasteProblem, in the order of the lines */
  gboolean   header;    /* whether the first line named the columns */
} PdPaste;

PdPaste *pd_paste_parse (const char *text);
void     pd_paste_free  (PdPaste    *paste);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdPaste, pd_paste_free)

G_END_DECLS
