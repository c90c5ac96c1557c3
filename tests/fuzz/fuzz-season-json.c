/* Fuzz target for the season JSON reader.
 *
 * Each input gets a fresh in-memory store, so that nothing one input
 * stores can make another fail or pass. Beyond "does not crash", it
 * checks the reader's promises: a refused document leaves the store as
 * it was (empty), and a document that was accepted is accepted again,
 * changing nothing (load twice); and the writer's: the season of an
 * accepted document, exported, imported into another empty store and
 * exported again, gives the same file. */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <string.h>

#include "fuzz.h"
#include "pd-season-json.h"
#include "pd-store.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autofree char *season_id = NULL;
  gboolean ok;

  fuzz_init_logging ();

  /* Season files are small; megabytes of input only measure json-glib. */
  if (size > 256 * 1024)
    return 0;

  store = pd_store_new (":memory:", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  ok = pd_season_json_import (store, (const char *) data, size, &season_id, &error);
  if (!ok)
    {
      /* Refused with a message, and nothing kept. */
      g_assert_nonnull (error);
      g_assert_nonnull (error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_null (season_id);
      g_assert_cmpuint (fuzz_n_seasons (store), ==, 0);
      return 0;
    }

  g_assert_no_error (error);
  g_assert_nonnull (season_id);
  g_assert_cmpuint (fuzz_n_seasons (store), >=, 1);

  /* Loading the same document again is accepted too. */
  {
    g_autofree char *again_id = NULL;
    g_autoptr(GError) again_error = NULL;

    if (!pd_season_json_import (store, (const char *) data, size, &again_id, &again_error))
      fuzz_fail ("accepted once, refused the second time: %s", again_error->message);
    g_assert_cmpstr (again_id, ==, season_id);
  }

  /* Export and import are inverses. */
  {
    g_autoptr(GError) export_error = NULL;
    g_autoptr(PdStore) other = pd_store_new (":memory:", NULL, NULL, &export_error);
    g_autofree char *first = pd_season_json_export (store, season_id, &export_error);
    g_autofree char *second = NULL;

    if (first == NULL)
      fuzz_fail ("accepted, but not exported: %s", export_error->message);
    if (!pd_season_json_import (other, first, strlen (first), NULL, &export_error))
      fuzz_fail ("the exported file was refused: %s\n%s", export_error->message, first);
    second = pd_season_json_export (other, season_id, &export_error);
    if (second == NULL || strcmp (first, second) != 0)
      fuzz_fail ("exported, imported and exported again, the file changed:\n%s\n%s", first,
                 second != NULL ? second : export_error->message);
  }

  return 0;
}
