/* Fuzz target for the iCalendar import (pd_ics_import()) and its
 * hand-written line scanner (pd_ics_scan_lines()).
 *
 * Each input gets a fresh in-memory store. Beyond "does not crash", it
 * checks the import's promises: a refused file leaves the store empty;
 * an accepted one reports each problem as valid UTF-8 naming a line, and
 * importing it again is accepted too, with the same counts; and the
 * season it made exports to a file that imports with no problem. */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <string.h>

#include "fuzz.h"
#include "pd-ics.h"
#include "pd-store.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autoptr(GArray) lines = NULL;
  PdIcsStats stats = { 0 };
  gboolean is_calendar;
  guint sessions;

  fuzz_init_logging ();

  if (size > 256 * 1024)
    return 0;

  /* The scanner: lines within the input, in order. */
  lines = pd_ics_scan_lines ((const char *) data, size, &is_calendar);
  for (guint i = 0; i < lines->len; i++)
    {
      PdIcsEventLines *l = &g_array_index (lines, PdIcsEventLines, i);

      if (l->begin == 0 || l->begin > size || (i > 0 && l->begin <= g_array_index (lines, PdIcsEventLines, i - 1).begin) ||
          (l->dtstart != 0 && l->dtstart <= l->begin) || (l->dtend != 0 && l->dtend <= l->begin))
        fuzz_fail ("event %u: lines out of order", i);
    }

  store = pd_store_new (":memory:", NULL, NULL, &error);
  g_assert_no_error (error);

  if (!pd_ics_import (store, (const char *) data, size, "fuzz", &stats, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (fuzz_n_seasons (store), ==, 0);
      pd_ics_stats_clear (&stats);
      return 0;
    }
  for (guint i = 0; i < stats.problems->len; i++)
    if (!g_utf8_validate (stats.problems->pdata[i], -1, NULL))
      fuzz_fail ("a problem that is not UTF-8");
  g_assert_cmpuint (fuzz_n_seasons (store), ==, 1);
  sessions = stats.sessions;
  pd_ics_stats_clear (&stats);

  if (!pd_ics_import (store, (const char *) data, size, "fuzz", &stats, &error))
    fuzz_fail ("accepted once, refused the second time: %s", error->message);
  if (stats.sessions != sessions)
    fuzz_fail ("%u sessions the first time, %u the second", sessions, stats.sessions);
  pd_ics_stats_clear (&stats);

  {
    g_autoptr(GDateTime) stamp = g_date_time_new_from_unix_utc (0);
    g_autofree char *text = pd_ics_export (store, "fuzz", 10, stamp, &error);
    g_autoptr(PdStore) other = pd_store_new (":memory:", NULL, NULL, &error);

    if (text == NULL)
      fuzz_fail ("accepted, but not exported: %s", error->message);
    if (!pd_ics_import (other, text, strlen (text), "fuzz", &stats, &error))
      fuzz_fail ("the exported file was refused: %s\n%s", error->message, text);
    if (stats.problems->len != 0)
      fuzz_fail ("the exported file has problems: %s\n%s", (char *) stats.problems->pdata[0], text);
    pd_ics_stats_clear (&stats);
  }
  return 0;
}
