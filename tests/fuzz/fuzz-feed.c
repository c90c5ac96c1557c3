/* Fuzz target for following a feed (pd_feed_apply()): the format told
 * by the content, the document read into a season, then merged with
 * what is there.
 *
 * An input is two documents, split at the first line "----": the feed
 * as first read, then as refreshed. Beyond "does not crash", it checks
 * the merge's promises: a refused document changes nothing stored (the
 * season's export and its list of changes stay as they were); every
 * description of a change is valid UTF-8; and a document merged twice
 * changes nothing the second time (no change, no conflict). */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <string.h>

#include "fuzz.h"
#include "pd-feed.h"
#include "pd-season-json.h"
#include "pd-store.h"

#define SEASON "fuzz"
#define URL "https://feed.invalid/season"

static guint
n_changes (PdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = pd_store_list_feed_changes (store, SEASON, FALSE, &error);

  g_assert_no_error (error);
  return changes->len;
}

static char *
export_or_null (PdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) seasons = pd_store_list_seasons (store, &error);

  g_assert_no_error (error);
  if (g_list_model_get_n_items (seasons) == 0)
    return NULL;
  return pd_season_json_export (store, SEASON, NULL);
}

/* Merges @data; returns whether it was accepted. */
static gboolean
apply (PdStore    *store,
       const char *data,
       gsize       length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = export_or_null (store);
  guint changes = n_changes (store);
  PdFeedReport report = { 0 };
  gboolean ok = pd_feed_apply (store, SEASON, URL, NULL, data, length, NULL, NULL, NULL, &report, &error);

  if (!ok)
    {
      g_autofree char *after = export_or_null (store);

      g_assert_nonnull (error);
      if (!g_utf8_validate (error->message, -1, NULL))
        fuzz_fail ("an error that is not UTF-8");
      if (g_strcmp0 (before, after) != 0)
        fuzz_fail ("refused, but the season changed");
      if (n_changes (store) != changes)
        fuzz_fail ("refused, but changes were recorded");
      pd_feed_report_clear (&report);
      return FALSE;
    }
  for (guint i = 0; i < report.changes->len; i++)
    {
      g_autofree char *line = pd_feed_describe_change (report.changes->pdata[i], NULL);

      if (!g_utf8_validate (line, -1, NULL))
        fuzz_fail ("a change described not in UTF-8");
    }
  pd_feed_report_clear (&report);
  return TRUE;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  const char *text = (const char *) data;
  const char *split = NULL;
  gsize first_length = size, second_offset = size;

  fuzz_init_logging ();

  if (size > 128 * 1024)
    return 0;
  for (gsize i = 0; i + 5 <= size; i++)
    if ((i == 0 || text[i - 1] == '\n') && memcmp (text + i, "----\n", 5) == 0)
      {
        split = text + i;
        break;
      }
  if (split != NULL)
    {
      first_length = (gsize) (split - text);
      second_offset = first_length + 5;
    }

  store = pd_store_new (":memory:", NULL, NULL, &error);
  g_assert_no_error (error);

  if (!apply (store, text, first_length))
    return 0;
  if (second_offset < size && apply (store, text + second_offset, size - second_offset))
    {
      /* The same document again: nothing to change. */
      PdFeedReport report = { 0 };

      if (!pd_feed_apply (store, SEASON, URL, NULL, text + second_offset, size - second_offset, NULL, NULL, NULL,
                          &report, &error))
        fuzz_fail ("accepted once, refused the second time: %s", error->message);
      if (report.changes->len != 0 || report.conflicts != 0)
        fuzz_fail ("merged twice, %u changes and %u conflicts the second time",
                   report.changes->len, report.conflicts);
      pd_feed_report_clear (&report);
    }
  return 0;
}
