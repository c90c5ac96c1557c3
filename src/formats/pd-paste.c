#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-paste.h"

/*
 * Rows pasted from a spreadsheet into the results editor, read for a
 * preview before anything is stored. Spreadsheets copy cells apart by
 * tabs and rows by line breaks. A first row that names its columns
 * ("Pos", "No.", "Laps", "Time", "Gap", "Best lap", "Status", in English
 * or Swedish) says which is which; without one the columns are the car
 * number, laps, time, best lap and status, in that order, after a first
 * column that counts 1, 2, 3 … when there is one. The time column may
 * hold gaps to the leader ("+11.2", "1 lap"), as classifications print
 * them. Every cell that is not what its column holds is reported with
 * its line; the caller stores nothing while there are problems.
 */

typedef enum {
  COL_IGNORED,
  COL_POSITION,
  COL_NUMBER,
  COL_LAPS,
  COL_TIME,
  COL_GAP,
  COL_BEST,
  COL_STATUS,
} Column;

static const struct {
  const char *name;
  Column      column;
} header_names[] = {
  { "pos", COL_POSITION }, { "pos.", COL_POSITION }, { "position", COL_POSITION }, { "p", COL_POSITION },
  { "plac", COL_POSITION }, { "plac.", COL_POSITION }, { "placering", COL_POSITION },
  { "no", COL_NUMBER }, { "no.", COL_NUMBER }, { "nr", COL_NUMBER }, { "nr.", COL_NUMBER },
  { "number", COL_NUMBER }, { "car", COL_NUMBER }, { "#", COL_NUMBER }, { "bil", COL_NUMBER },
  { "nummer", COL_NUMBER }, { "startnummer", COL_NUMBER },
  { "laps", COL_LAPS }, { "lap", COL_LAPS }, { "varv", COL_LAPS },
  { "time", COL_TIME }, { "total", COL_TIME }, { "total time", COL_TIME }, { "race time", COL_TIME },
  { "tid", COL_TIME }, { "total tid", COL_TIME }, { "total_time", COL_TIME },
  { "gap", COL_GAP }, { "diff", COL_GAP }, { "interval", COL_GAP }, { "gap_first", COL_GAP },
  { "avstånd", COL_GAP },
  { "best", COL_BEST }, { "best lap", COL_BEST }, { "fastest lap", COL_BEST }, { "fl", COL_BEST },
  { "fl_time", COL_BEST }, { "bästa", COL_BEST }, { "bästa varv", COL_BEST }, { "snabbaste varv", COL_BEST },
  { "status", COL_STATUS },
};

static void
row_free (gpointer data)
{
  PdPasteRow *row = data;

  g_free (row->number);
  g_free (row);
}

static void
problem_free (gpointer data)
{
  PdPasteProblem *problem = data;

  g_free (problem->message);
  g_free (problem);
}

void
pd_paste_free (PdPaste *paste)
{
  if (paste == NULL)
    return;
  g_ptr_array_unref (paste->rows);
  g_ptr_array_unref (paste->problems);
  g_free (paste);
}

static void
add_problem (PdPaste    *paste,
             guint       line,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (PdPaste    *paste,
             guint       line,
             const char *format,
             ...)
{
  PdPasteProblem *problem = g_new0 (PdPasteProblem, 1);
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  problem->line = line;
  /* TRANSLATORS: a line of pasted text, then what is wrong on it */
  problem->message = g_strdup_printf (_("Line %u: %s"), line, message);
  g_ptr_array_add (paste->problems, problem);
}

static const char *
column_label (Column column)
{
  switch (column)
    {
    case COL_POSITION: return C_("column", "Pos.");
    case COL_NUMBER: return C_("column", "No.");
    case COL_LAPS: return C_("column", "Laps");
    case COL_TIME: return C_("column", "Time");
    case COL_GAP: return C_("column", "Gap");
    case COL_BEST: return C_("column", "Best Lap");
    case COL_STATUS: return C_("column", "Status");
    default: return "";
    }
}

static Column
header_column (const char *cell)
{
  g_autofree char *copy = g_strstrip (g_strdup (cell));
  g_autofree char *folded = g_utf8_casefold (copy, -1);

  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (g_str_equal (folded, header_names[i].name))
      return header_names[i].column;
  return COL_IGNORED;
}

static gboolean
parse_count (const char *text,
             int         max,
             int        *out)
{
  gint64 value = 0;

  if (*text == '\0')
    return FALSE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) || (value = value * 10 + (*p - '0')) > max)
      return FALSE;
  *out = (int) value;
  return TRUE;
}

/* The lines of @text, without empty ones; a line's number in @numbers. */
static GPtrArray *
split_lines (const char *text,
             GArray     *numbers)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  const char *p = text;
  guint line = 1;

  while (*p != '\0')
    {
      gsize n = strcspn (p, "\r\n");
      g_autofree char *content = g_strndup (p, n);
      gboolean blank = TRUE;

      for (const char *c = content; *c != '\0'; c++)
        if (!g_ascii_isspace (*c))
          blank = FALSE;
      if (!blank)
        {
          g_ptr_array_add (lines, g_steal_pointer (&content));
          g_array_append_val (numbers, line);
        }

      p += n;
      if (*p == '\r' && p[1] == '\n')
        p += 2;
      else if (*p != '\0')
        p++;
      line++;
    }
  return lines;
}

static gboolean
counts_from_one (GPtrArray *cells_by_line,
                 guint      first)
{
  for (guint i = first; i < cells_by_line->len; i++)
    {
      char **cells = cells_by_line->pdata[i];
      g_autofree char *cell = g_strstrip (g_strdup (cells[0]));
      int value;

      if (g_strv_length (cells) < 2 || !parse_count (cell, 10000, &value) || value != (int) (i - first + 1))
        return FALSE;
    }
  return cells_by_line->len > first;
}

/**
 * pd_paste_parse:
 * @text: rows copied from a spreadsheet, UTF-8
 *
 * Returns: (transfer full): the rows and the problems found
 */
PdPaste *
pd_paste_parse (const char *text)
{
  PdPaste *paste = g_new0 (PdPaste, 1);
  g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) cells_by_line = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GArray) columns = g_array_new (FALSE, TRUE, sizeof (Column));
  static const Column default_order[] = { COL_NUMBER, COL_LAPS, COL_TIME, COL_BEST, COL_STATUS };
  gint64 leader_time = 0;
  int leader_laps = -1;
  guint first = 0;

  paste->rows = g_ptr_array_new_with_free_func (row_free);
  paste->problems = g_ptr_array_new_with_free_func (problem_free);

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    {
      add_problem (paste, 1, "%s", _("the pasted text is not valid UTF-8"));
      return paste;
    }

  lines = split_lines (text, numbers);
  for (guint i = 0; i < lines->len; i++)
    g_ptr_array_add (cells_by_line, g_strsplit (lines->pdata[i], "\t", -1));
  if (lines->len == 0)
    return paste;

  /* A header names at least one column it knows. */
  {
    char **cells = cells_by_line->pdata[0];

    for (guint c = 0; cells[c] != NULL; c++)
      {
        Column column = header_column (cells[c]);

        g_array_append_val (columns, column);
        if (column != COL_IGNORED)
          paste->header = TRUE;
      }
  }

  if (paste->header)
    {
      gboolean has_number = FALSE;

      first = 1;
      for (guint c = 0; c < columns->len; c++)
        has_number |= g_array_index (columns, Column, c) == COL_NUMBER;
      if (!has_number)
        {
          add_problem (paste, g_array_index (numbers, guint, 0),
                       _("the first line names columns, but none of them is the car number (No.)"));
          return paste;
        }
    }
  else
    {
      gboolean position = counts_from_one (cells_by_line, 0);
      Column column = COL_POSITION;

      g_array_set_size (columns, 0);
      if (position)
        g_array_append_val (columns, column);
      g_array_append_vals (columns, default_order, G_N_ELEMENTS (default_order));
    }

  for (guint i = first; i < cells_by_line->len; i++)
    {
      char **cells = cells_by_line->pdata[i];
      guint line = g_array_index (numbers, guint, i);
      PdPasteRow *row = g_new0 (PdPasteRow, 1);
      gboolean has_gap = FALSE;
      gboolean number_problem = FALSE;
      g_autofree char *gap_text = NULL;
      PdGap gap = { FALSE, 0 };

      row->line = line;
      row->laps = -1;
      row->number = g_strdup ("");
      g_ptr_array_add (paste->rows, row);

      for (guint c = 0; cells[c] != NULL; c++)
        {
          g_autofree char *cell = g_strstrip (g_strdup (cells[c]));
          Column column = c < columns->len ? g_array_index (columns, Column, c) : COL_IGNORED;

          if (*cell == '\0' && column != COL_NUMBER)
            continue;

          switch (column)
            {
            case COL_IGNORED:
              break;
            case COL_POSITION:
              if (!parse_count (cell, 10000, &row->position) || row->position == 0)
                add_problem (paste, line, _("%s “%s” is not a position"), column_label (column), cell);
              break;
            case COL_NUMBER:
              if (*cell == '#')
                memmove (cell, cell + 1, strlen (cell));
              if (*cell == '\0')
                break;
              if (strlen (cell) > 8 || strpbrk (cell, " \"") != NULL)
                {
                  add_problem (paste, line, _("%s “%s” is not a car number"), column_label (column), cells[c]);
                  number_problem = TRUE;
                }
              else
                {
                  g_free (row->number);
                  row->number = g_strdup (cell);
                }
              break;
            case COL_LAPS:
              if (!parse_count (cell, 100000, &row->laps))
                {
                  row->laps = -1;
                  add_problem (paste, line, _("%s “%s” is not a number of laps"), column_label (column), cell);
                }
              break;
            case COL_TIME:
            case COL_GAP:
              /* Times; gaps to the leader, as classifications print
               * them below the winner's time. */
              if (column == COL_TIME && pd_timing_parse_time (cell, &row->total_time_ms))
                break;
              if (pd_timing_parse_gap (cell, &gap))
                {
                  has_gap = TRUE;
                  g_free (gap_text);
                  gap_text = g_strdup (cell);
                }
              else
                add_problem (paste, line, _("%s “%s” is not a time such as 1:45.123 or a gap such as +11.2"),
                             column_label (column), cell);
              break;
            case COL_BEST:
              if (!pd_timing_parse_time (cell, &row->best_lap_ms))
                {
                  row->best_lap_ms = 0;
                  add_problem (paste, line, _("%s “%s” is not a lap time such as 1:45.123"),
                               column_label (column), cell);
                }
              break;
            case COL_STATUS:
              if (pd_result_status_from_text (cell, &row->status))
                row->has_status = TRUE;
              else
                add_problem (paste, line, _("%s “%s” is not a status such as Classified, DNF, DNS or DSQ"),
                             column_label (column), cell);
              break;
            }
        }

      if (*row->number == '\0')
        {
          if (!number_problem)
            add_problem (paste, line, _("the car number (No.) is missing"));
        }
      else if (g_hash_table_contains (seen, row->number))
        add_problem (paste, line, _("car %s is pasted twice"), row->number);
      else
        g_hash_table_add (seen, row->number);

      /* The leader is the first row with a time of its own. */
      if (has_gap && !gap.laps && leader_time > 0 && row->total_time_ms == 0)
        row->total_time_ms = leader_time + gap.value;
      else if (has_gap && gap.laps && leader_laps >= 0 && row->laps < 0 && gap.value <= leader_laps)
        row->laps = leader_laps - (int) gap.value;
      else if (has_gap && !gap.laps && leader_time == 0 && gap.value > 0)
        add_problem (paste, line, _("a gap of %s needs the leader’s time on an earlier line"), gap_text);
      if (leader_time == 0 && row->total_time_ms > 0 && !has_gap)
        {
          leader_time = row->total_time_ms;
          leader_laps = row->laps;
        }
    }

  return paste;
}
