/* Fuzz target for the spreadsheet paste reader (pd-paste.c).
 *
 * Beyond "does not crash", it checks the reader's promises: text that is
 * not UTF-8 gives one problem and no rows; otherwise every row and every
 * problem names a line of the text, rows come in the order of their
 * lines, each problem's message is valid UTF-8, and the values read are
 * in range (laps -1 or more, times not negative). */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <string.h>

#include "fuzz.h"
#include "pd-paste.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;
  g_autoptr(PdPaste) paste = NULL;
  guint lines = 1, last = 0;

  fuzz_init_logging ();

  if (size > 16 * 1024)
    return 0;

  /* The reader takes a C string: the input up to its first NUL. */
  text = g_strndup ((const char *) data, size);
  for (const char *p = text; *p != '\0'; p++)
    lines += *p == '\n' || (*p == '\r' && p[1] != '\n');

  paste = pd_paste_parse (text);
  g_assert_nonnull (paste);

  if (!g_utf8_validate (text, -1, NULL))
    {
      g_assert_cmpuint (paste->rows->len, ==, 0);
      g_assert_cmpuint (paste->problems->len, ==, 1);
      return 0;
    }

  for (guint i = 0; i < paste->rows->len; i++)
    {
      PdPasteRow *row = paste->rows->pdata[i];

      if (row->line < 1 || row->line > lines || row->line <= last)
        fuzz_fail ("row %u is on line %u of %u, after line %u", i, row->line, lines, last);
      last = row->line;
      g_assert_nonnull (row->number);
      g_assert_true (g_utf8_validate (row->number, -1, NULL));
      g_assert_cmpint (row->laps, >=, -1);
      g_assert_cmpint (row->total_time_ms, >=, 0);
      g_assert_cmpint (row->best_lap_ms, >=, 0);
      g_assert_cmpint (row->position, >=, 0);
    }

  for (guint i = 0; i < paste->problems->len; i++)
    {
      PdPasteProblem *problem = paste->problems->pdata[i];

      if (problem->line < 1 || problem->line > lines)
        fuzz_fail ("a problem on line %u of %u", problem->line, lines);
      g_assert_true (g_utf8_validate (problem->message, -1, NULL));
    }

  return 0;
}
