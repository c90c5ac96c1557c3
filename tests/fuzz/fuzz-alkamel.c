/* Fuzz target for the Al Kamel classification importer (pd-alkamel.c).
 *
 * Beyond "does not crash", it checks the importer's promises: a file is
 * either refused with a PdAlkamelError or a PdCsvError whose message is
 * valid UTF-8 and names the file, or it lists at least one car; and a
 * file that is accepted is stored, in a database of the process's own,
 * with every one of its cars in the session it went to. */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "pd-alkamel.h"
#include "pd-csv.h"
#include "pd-results-table.h"

static PdStore *store;
static char *store_dir;

static void
remove_store (void)
{
  g_autofree char *path = g_strdup (pd_store_get_path (store));
  const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  g_clear_object (&store);
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);
      g_unlink (file);
    }
  g_rmdir (store_dir);
  g_clear_pointer (&store_dir, g_free);
}

static void
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (store != NULL)
    return;
  dir = g_dir_make_tmp ("paddock-fuzz-alkamel-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "fuzz.db", NULL);
  store = pd_store_new (path, NULL, NULL, &error);
  g_assert_no_error (error);
  store_dir = g_steal_pointer (&dir);
  atexit (remove_store);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PdAlkamelStats stats = { 0 };
  guint n_cars = 0;

  fuzz_init_logging ();

  if (size > 64 * 1024)
    return 0;

  if (!pd_alkamel_check ("fuzz.csv", (const char *) data, size, &n_cars, &error))
    {
      g_assert_nonnull (error);
      if (error->domain != PD_ALKAMEL_ERROR && error->domain != PD_CSV_ERROR)
        fuzz_fail ("an error of an unexpected domain: %s", error->message);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      if (strstr (error->message, "fuzz.csv") == NULL)
        fuzz_fail ("the message “%s” does not name the file", error->message);
      return 0;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_cars, >, 0);

  /* Small files are stored too, the way paddock-cli does. */
  if (n_cars > 40)
    return 0;
  open_store ();
  if (!pd_alkamel_import (store, "fuzz.csv", (const char *) data, size, "fuzz-2024", 1, "Race", &stats, &error))
    fuzz_fail ("a file that passed the check was not stored: %s", error->message);
  g_assert_cmpuint (stats.cars, ==, n_cars);
  rows = pd_results_load (store, stats.session_id, &error);
  g_assert_no_error (error);
  /* Earlier inputs' cars stay in the session too. */
  g_assert_cmpuint (rows->len, >=, n_cars);
  pd_alkamel_stats_clear (&stats);
  return 0;
}
