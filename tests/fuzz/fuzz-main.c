/* Runs a fuzz target over every file of the corpus folders (or files)
 * given as arguments, so that the corpus is an ordinary test without
 * libFuzzer. An input that makes the target crash or abort fails the
 * test; no input at all fails it too, so that a missing corpus does not
 * pass unseen. */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <locale.h>

#include "fuzz.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(char **) a, *(char **) b);
}

static gboolean
run_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  g_print ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  /* The target gets exactly the file's bytes, as under libFuzzer: a
   * copy of just that length, so that AddressSanitizer sees an overread. */
  {
    g_autofree guint8 *copy = g_memdup2 (contents, length);
    LLVMFuzzerTestOneInput (length > 0 ? copy : (const uint8_t *) "", length);
  }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  guint n_inputs = 0;

  setlocale (LC_ALL, "");

  if (argc < 2)
    {
      g_printerr ("Usage: %s CORPUS-FOLDER-OR-FILE...\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(GDir) dir = g_dir_open (argv[i], 0, &error);
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          const char *name;

          if (dir == NULL)
            {
              g_printerr ("%s\n", error->message);
              return 1;
            }
          while ((name = g_dir_read_name (dir)) != NULL)
            g_ptr_array_add (names, g_build_filename (argv[i], name, NULL));
          g_ptr_array_sort (names, compare_names);

          for (guint j = 0; j < names->len; j++)
            {
              if (!g_file_test (names->pdata[j], G_FILE_TEST_IS_REGULAR))
                continue;
              if (!run_file (names->pdata[j]))
                return 1;
              n_inputs++;
            }
        }
      else
        {
          if (!run_file (argv[i]))
            return 1;
          n_inputs++;
        }
    }

  g_print ("# ran %u inputs\n", n_inputs);
  return n_inputs > 0 ? 0 : 1;
}
