/* Fuzz target for the sportstimes calendar import
 * (pd_sportstimes_import()), its detection and its series guess.
 *
 * Each input gets a fresh in-memory store. Beyond "does not crash", it
 * checks the import's promises: a refused document leaves the store
 * empty; an accepted one reports each problem as valid UTF-8 naming its
 * race, and importing it again is accepted too, with the same counts,
 * and changes nothing (the season file exported before and after is the
 * same). */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <string.h>

#include "fuzz.h"
#include "pd-season-json.h"
#include "pd-sportstimes.h"
#include "pd-store.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autofree char *text = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  PdSportstimesStats stats = { 0 };
  const char *series;
  guint sessions, rounds;

  fuzz_init_logging ();

  if (size > 256 * 1024)
    return 0;

  /* The cheap checks read no further than they should. */
  pd_sportstimes_detect ((const char *) data, size);
  text = g_strndup ((const char *) data, size);
  series = pd_sportstimes_guess_series (text);
  if (series != NULL && strstr (text, series) == NULL)
    fuzz_fail ("guessed the series “%s”, which the name does not hold", series);

  store = pd_store_new (":memory:", NULL, NULL, &error);
  g_assert_no_error (error);

  /* The first byte chooses the series, so that the lengths are read too. */
  series = size > 0 && data[0] % 2 == 0 ? "indycar" : NULL;
  if (!pd_sportstimes_import (store, (const char *) data, size, "fuzz", series, &stats, &error))
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_cmpuint (fuzz_n_seasons (store), ==, 0);
      pd_sportstimes_stats_clear (&stats);
      return 0;
    }
  for (guint i = 0; i < stats.problems->len; i++)
    if (!g_utf8_validate (stats.problems->pdata[i], -1, NULL))
      fuzz_fail ("a problem that is not UTF-8");
  g_assert_cmpuint (fuzz_n_seasons (store), ==, 1);
  sessions = stats.sessions;
  rounds = stats.rounds;
  pd_sportstimes_stats_clear (&stats);

  once = pd_season_json_export (store, "fuzz", &error);
  if (once == NULL)
    fuzz_fail ("accepted, but not exported: %s", error->message);
  if (!pd_sportstimes_import (store, (const char *) data, size, "fuzz", series, &stats, &error))
    fuzz_fail ("accepted once, refused the second time: %s", error->message);
  if (stats.sessions != sessions || stats.rounds != rounds)
    fuzz_fail ("%u sessions in %u rounds the first time, %u in %u the second", sessions, rounds, stats.sessions,
               stats.rounds);
  pd_sportstimes_stats_clear (&stats);
  twice = pd_season_json_export (store, "fuzz", &error);
  if (twice == NULL || strcmp (once, twice) != 0)
    fuzz_fail ("importing again changed the season:\n%s\n%s", once, twice != NULL ? twice : error->message);
  return 0;
}
