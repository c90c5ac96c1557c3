/* The harness shared by the core test programs (pd-test.h). */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "pd-database.h"
#include "pd-ergast.h"
#include <sqlite3.h>

#include "pd-test.h"

void
pd_test_remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          pd_test_remove_tree (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/* Each test runs in a child process of its own (g_test_trap_subprocess),
 * with TMPDIR in a folder that the parent removes afterwards: a failed
 * assertion fails that one test, the others still run and report, and
 * nothing is left behind in /tmp. */

typedef struct {
  GTestDataFunc               func;
  PdTestFixtureFunc           fixture_func;
  const PdTestFixtureOptions *options;
  gconstpointer               data;
  PdTestFlags                 flags;
} TestCase;

/* Never freed: GTest keeps pointers to them until the program ends. */
static TestCase test_cases[256];
static guint n_test_cases;

static void
run_in_child (const TestCase *tc)
{
  PdTestFixture f = { 0 };

  if (tc->func != NULL)
    {
      tc->func (tc->data);
      return;
    }

  pd_test_fixture_set_up (&f, tc->options);
  tc->fixture_func (&f, tc->data);
  pd_test_fixture_tear_down (&f, tc->options);
}

static void
run_test_cb (gconstpointer user_data)
{
  const TestCase *tc = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *saved_tmpdir = NULL;
  g_autofree char *saved_lsan = NULL;

  if (g_test_subprocess ())
    {
      run_in_child (tc);
      return;
    }

  tmp = g_dir_make_tmp ("paddock-test-XXXXXX", &error);
  g_assert_no_error (error);
  saved_tmpdir = g_strdup (g_getenv ("TMPDIR"));
  g_setenv ("TMPDIR", tmp, TRUE);

  /* LeakSanitizer's slow unwinder (tests/meson.build asks for it, so that
   * the suppressions match GLib's stacks) records every allocation's
   * stack at about 16 times the cost: too slow for the 40,000 records of
   * the whole Ergast history under the test timeout. A test marked
   * PD_TEST_FAST_UNWIND unwinds the fast way in its child; leaks are found
   * just the same, only their stacks are shorter. */
  saved_lsan = g_strdup (g_getenv ("LSAN_OPTIONS"));
  if ((tc->flags & PD_TEST_FAST_UNWIND) != 0 && saved_lsan != NULL &&
      strstr (saved_lsan, "fast_unwind_on_malloc=0") != NULL)
    {
      g_autoptr(GString) options = g_string_new (saved_lsan);

      g_string_replace (options, "fast_unwind_on_malloc=0", "fast_unwind_on_malloc=1", 0);
      g_setenv ("LSAN_OPTIONS", options->str, TRUE);
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);

  if (saved_lsan != NULL)
    g_setenv ("LSAN_OPTIONS", saved_lsan, TRUE);
  if (saved_tmpdir != NULL)
    g_setenv ("TMPDIR", saved_tmpdir, TRUE);
  else
    g_unsetenv ("TMPDIR");
  pd_test_remove_tree (tmp);

  if (!g_test_trap_has_passed ())
    g_test_fail ();
}

static TestCase *
add_test_case (const char    *path,
               gconstpointer  data,
               PdTestFlags    flags)
{
  TestCase *tc;

  g_assert_cmpuint (n_test_cases, <, G_N_ELEMENTS (test_cases));
  tc = &test_cases[n_test_cases++];
  tc->data = data;
  tc->flags = flags;
  g_test_add_data_func (path, tc, run_test_cb);
  return tc;
}

void
pd_test_add_isolated_full (const char    *path,
                           GTestDataFunc  func,
                           gconstpointer  data,
                           PdTestFlags    flags)
{
  add_test_case (path, data, flags)->func = func;
}

void
pd_test_add_isolated (const char    *path,
                      GTestDataFunc  func,
                      gconstpointer  data)
{
  pd_test_add_isolated_full (path, func, data, PD_TEST_FLAGS_NONE);
}

void
pd_test_add_fixture (const char                 *path,
                     const PdTestFixtureOptions *options,
                     PdTestFixtureFunc           func,
                     gconstpointer               data,
                     PdTestFlags                 flags)
{
  TestCase *tc = add_test_case (path, data, flags);

  tc->fixture_func = func;
  tc->options = options;
}

void
pd_test_fixture_set_up (PdTestFixture              *f,
                        const PdTestFixtureOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *template = g_strdup_printf ("paddock-test-%s-XXXXXX", options->name);

  f->dir = g_dir_make_tmp (template, &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "paddock.db", NULL);

  switch (options->store)
    {
    case PD_TEST_STORE_NONE:
      break;
    case PD_TEST_STORE_EMPTY:
      f->store = pd_store_new (f->path, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (f->store);
      break;
    case PD_TEST_STORE_SEEDED:
      f->store = pd_database_open (f->path, &error);
      g_assert_no_error (error);
      g_assert_nonnull (f->store);
      break;
    default:
      g_assert_not_reached ();
    }

  if (options->after_set_up != NULL)
    options->after_set_up (f);
}

void
pd_test_fixture_tear_down (PdTestFixture              *f,
                           const PdTestFixtureOptions *options)
{
  g_clear_object (&f->store);
  pd_test_remove_tree (f->dir);
  if (options->after_tear_down != NULL)
    options->after_tear_down (f);
  g_free (f->dir);
  g_free (f->path);
}

/* Copies a file whole: a fixture, or a database closed by its store. */
void
pd_test_copy_file (const char *from,
                   const char *to)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  g_file_get_contents (from, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (to, contents, length, &error);
  g_assert_no_error (error);
}

/**
 * pd_test_dump_database:
 *
 * Every row of every table, through a connection of its own, in a fixed
 * order (by every column) and with each value's type: two dumps are equal
 * when the databases hold the same data.
 *
 * Returns: (transfer full): the dump
 */
char *
pd_test_dump_database (const char *path)
{
  GString *out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, >=, 11);

  for (guint t = 0; t < tables->len; t++)
    {
      g_autofree char *probe = g_strdup_printf ("SELECT * FROM \"%s\"", (char *) tables->pdata[t]);
      g_autoptr(GString) sql = g_string_new (probe);
      int n_columns;

      g_assert_cmpint (sqlite3_prepare_v2 (db, probe, -1, &stmt, NULL), ==, SQLITE_OK);
      n_columns = sqlite3_column_count (stmt);
      sqlite3_finalize (stmt);

      /* Ordered by every column, so that the order is total. */
      g_string_append (sql, " ORDER BY ");
      for (int c = 1; c <= n_columns; c++)
        g_string_append_printf (sql, "%s%d", c > 1 ? ", " : "", c);

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      g_string_append_printf (out, "[%s]\n", (char *) tables->pdata[t]);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          for (int c = 0; c < n_columns; c++)
            {
              int type = sqlite3_column_type (stmt, c);

              if (type == SQLITE_NULL)
                g_string_append (out, "NULL");
              else
                g_string_append_printf (out, "%d:%s", type, (const char *) sqlite3_column_text (stmt, c));
              g_string_append_c (out, c + 1 < n_columns ? '|' : '\n');
            }
        }
      sqlite3_finalize (stmt);
    }

  sqlite3_close (db);
  return g_string_free (out, FALSE);
}

/**
 * pd_test_init:
 *
 * Sets a test program up as Paddock runs: the locale of the environment
 * (the tests run in sv_SE.UTF-8, never C), the translations of the
 * build, then GTest.
 */
void
pd_test_init (int    *argc,
              char ***argv)
{
  const char *localedir = g_getenv ("PADDOCK_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL && *localedir != '\0')
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (argc, argv, NULL);
}

/* Made-up names for pd_test_alkamel_sheet(): 16 × 12 drivers, enough for
 * 62 cars of three. */
static const char * const first_names[] = {
  "Anna", "Björn", "Claire", "Dario", "Elin", "Fabio", "Greta", "Hugo",
  "Ines", "Jonas", "Karin", "Luca", "Maja", "Nils", "Olga", "Pablo",
};
static const char * const last_names[] = {
  "ÅBERG", "BERG", "CONSANI", "DUBOIS", "EK", "FALK", "GRÖN", "HOLM",
  "LINDQVIST", "MORI", "NORD", "ÖST",
};
static const char * const vehicles[] = {
  "BMW M4 GT4", "Audi R8 LMS GT4", "Mercedes-AMG GT4", "Porsche 718 Cayman GT4",
  "McLaren Artura GT4", "Aston Martin Vantage AMR GT4",
};
static const char * const class_names[] = { "Silver", "Pro-Am", "Am" };

/**
 * pd_test_alkamel_sheet:
 * @n_cars: the cars of the field, at most 97
 * @race: which race: the finishing order is shuffled by it
 *
 * An Al Kamel classification (the layout of
 * tests/data/alkamel/gt4-spa-race2.csv) of a made-up field: every race
 * has the same cars, numbers, teams, classes and crews (two drivers, three
 * in every fourth car), in an order of its own; the last two cars are
 * not classified and not started.
 *
 * Returns: (transfer full): the sheet
 */
char *
pd_test_alkamel_sheet (guint n_cars,
                       guint race)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (race);
  g_autofree guint *order = g_new (guint, n_cars);
  GString *out = g_string_new ("\xef\xbb\xbf" "POSITION;NUMBER;TEAM;DRIVER_1;DRIVER_2;DRIVER_3;DRIVER_4;"
                               "VEHICLE;TYRES;CLASS;GROUP;DIVISION;STATUS;LAPS;TOTAL_TIME;GAP_FIRST;"
                               "GAP_PREVIOUS;FL_LAPNUM;FL_TIME;FL_KPH;\n");
  gint64 leader_ms = 3600000 + g_rand_int_range (rand, 0, 60000);

  g_assert_cmpuint (n_cars, >=, 3);
  g_assert_cmpuint (n_cars, <=, 97);

  for (guint i = 0; i < n_cars; i++)
    order[i] = i;
  for (guint i = n_cars - 1; i > 0; i--)
    {
      guint j = g_rand_int_range (rand, 0, (gint32) i + 1);
      guint swap = order[i];

      order[i] = order[j];
      order[j] = swap;
    }

  for (guint place = 0; place < n_cars; place++)
    {
      guint car = order[place];
      guint n_drivers = car % 4 == 0 ? 3 : 2;
      gboolean started = place + 1 < n_cars;
      gboolean classified = place + 2 < n_cars;
      gint64 ms = leader_ms + place * 1733 + g_rand_int_range (rand, 0, 1000);
      g_autofree char *time = NULL;
      g_autofree char *best = NULL;

      /* 37 and 97 are coprime: distinct numbers from 1 to 97. */
      g_string_append_printf (out, "%u;%u;%s %u Racing;", place + 1, car * 37 % 97 + 1,
                              car % 3 == 0 ? "Équipe" : "Team", car / 2);
      for (guint d = 0; d < 4; d++)
        {
          guint k = car * 3 + d;

          if (d < n_drivers)
            g_string_append_printf (out, "%s %s", first_names[k % G_N_ELEMENTS (first_names)],
                                    last_names[k / G_N_ELEMENTS (first_names)]);
          g_string_append_c (out, ';');
        }
      g_string_append_printf (out, "%s;P;%s;;;", vehicles[car % G_N_ELEMENTS (vehicles)],
                              class_names[car % G_N_ELEMENTS (class_names)]);
      if (!started)
        {
          g_string_append (out, "Not started;0;;;;;;;\n");
          continue;
        }
      time = g_strdup_printf ("%d:%02d'%02d.%03d", (int) (ms / 3600000), (int) (ms / 60000 % 60),
                              (int) (ms / 1000 % 60), (int) (ms % 1000));
      ms = 145000 + g_rand_int_range (rand, 0, 3000);
      best = g_strdup_printf ("%d'%02d.%03d", (int) (ms / 60000), (int) (ms / 1000 % 60), (int) (ms % 1000));
      g_string_append_printf (out, "%s;%d;%s;;;7;%s;173.9;\n", classified ? "Classified" : "Not classified",
                              classified ? 25 : 12, time, best);
    }
  return g_string_free (out, FALSE);
}

/* Runs a program found in PATH and returns what it printed; the test
 * fails when it cannot run or does not exit with status 0. */
static char *
run_tool (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

char *
pd_test_pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-layout", path, "-", NULL };

  return run_tool (argv);
}

char *
pd_test_pdf_info (const char *path)
{
  const char *argv[] = { "pdfinfo", path, NULL };

  return run_tool (argv);
}

/**
 * pd_test_write_sheet:
 * @dir: the test's folder
 * @name: the PDF's name, such as "club-2024-0-a4.pdf"
 * @info: (out) (optional): what pdfinfo says of the PDF
 *
 * Writes @sheet as a PDF into @dir and reads it back with pdftotext; with
 * PADDOCK_SHEET_DIR set, keeps a copy there, to look at.
 *
 * Returns: (transfer full): the text, its pages ended by form feeds
 */
char *
pd_test_write_sheet (PdSheet     *sheet,
                     const char  *dir,
                     const char  *name,
                     PdPaper      paper,
                     char       **info)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, name, NULL);
  char *text;

  g_assert_nonnull (sheet);
  g_assert_true (pd_sheet_write_pdf (sheet, path, paper, &error));
  g_assert_no_error (error);
  text = pd_test_pdf_text (path);
  if (g_getenv ("PADDOCK_SHEET_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("PADDOCK_SHEET_DIR"), name, NULL);
      g_autoptr(GFile) from = g_file_new_for_path (path);
      g_autoptr(GFile) to = g_file_new_for_path (copy);

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    }
  if (info != NULL)
    {
      g_free (*info);
      *info = pd_test_pdf_info (path);
    }
  g_test_message ("%s", text);
  return text;
}

/* How many times @needle stands in @haystack, apart. */
guint
pd_test_count (const char *haystack,
               const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + strlen (needle), needle))
    n++;
  return n;
}

/**
 * pd_test_sheet_pages:
 * @text: a sheet's text from pd_test_write_sheet()
 * @info: what pdfinfo says of it
 *
 * Splits a sheet into its pages, checking that pdfinfo counts as many and
 * that each ends with its "page X of Y" footer (in Swedish: the tests
 * run under sv_SE.UTF-8).
 *
 * Returns: (transfer full): the pages' texts
 */
char **
pd_test_sheet_pages (const char *text,
                     const char *info)
{
  char **pages = g_strsplit (text, "\f", -1);
  guint n_pages = g_strv_length (pages) - 1;   /* pdftotext ends each page with a form feed */
  g_autofree char *pages_line = g_strdup_printf ("Pages:           %u\n", n_pages);

  g_assert_nonnull (strstr (info, pages_line));
  g_free (pages[n_pages]);
  pages[n_pages] = NULL;
  for (guint p = 0; p < n_pages; p++)
    {
      g_autofree char *footer = g_strdup_printf ("Sida %u av %u", p + 1, n_pages);

      g_assert_nonnull (strstr (pages[p], footer));
    }
  return pages;
}

/**
 * pd_test_rules_new:
 * @body: the members of a rules file after "name"
 *
 * Returns: (transfer full): the rules; the test fails when they do not
 *   parse
 */
PdRules *
pd_test_rules_new (const char *body)
{
  g_autofree char *document = g_strdup_printf ("{\"format\": \"paddock-rules\", \"version\": 1,"
                                               " \"id\": \"test\", \"name\": \"Test\", %s}", body);
  g_autoptr(GError) error = NULL;
  PdRules *rules = pd_rules_parse (document, strlen (document), &error);

  if (error != NULL)
    g_error ("%s\n%s", error->message, document);
  g_assert_nonnull (rules);
  return rules;
}

/**
 * pd_test_ergast_store:
 * @dir: (out): the temporary folder of the database
 *
 * Returns: (transfer full): a new store with the Ergast data of
 *   PADDOCK_ERGAST_DIR imported; remove @dir after closing it
 */
PdStore *
pd_test_ergast_store (char **dir)
{
  const char *ergast_dir = g_getenv ("PADDOCK_ERGAST_DIR");
  g_autofree char *db = NULL;
  g_autoptr(GError) error = NULL;
  PdStore *store;

  g_assert_nonnull (ergast_dir);
  g_assert_true (g_file_test (ergast_dir, G_FILE_TEST_IS_DIR));
  *dir = g_dir_make_tmp ("paddock-f1-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (*dir, "f1.db", NULL);
  store = pd_store_new (db, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (pd_ergast_import (store, ergast_dir, NULL, &error));
  g_assert_no_error (error);
  return store;
}

/**
 * pd_test_round_by_number:
 *
 * Returns: (transfer full): the round of @season_id numbered @number,
 *   which must be there and be the only one with that number
 */
PdRound *
pd_test_round_by_number (PdStore    *store,
                         const char *season_id,
                         int         number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rounds = pd_store_list_rounds (store, season_id, &error);
  PdRound *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);

      if (pd_round_get_number (round) == number)
        {
          /* Each number is used once. */
          g_assert_null (found);
          found = g_object_ref (round);
        }
    }
  g_assert_nonnull (found);
  return found;
}
