/* Tests of the Al Kamel classification importer (pd-alkamel.c) on
 * fixtures written in that format (tests/data/alkamel/README.md): a byte
 * order mark, CRLF, the older and the newer layout, a not-classified and
 * a not-started car, a four- and a five-driver crew, cars matched to the
 * entry list by number, importing twice, and broken files that are
 * refused with their line and store nothing. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pd-alkamel.h"
#include "pd-database.h"
#include "pd-results-table.h"
#include "pd-test.h"

static const PdTestFixtureOptions empty_store = {
  .name = "alkamel",
  .store = PD_TEST_STORE_EMPTY,
};

static const PdTestFixtureOptions seeded_store = {
  .name = "alkamel",
  .store = PD_TEST_STORE_SEEDED,
};

static gboolean
import_file (PdTestFixture   *f,
             const char      *file,
             const char      *season_id,
             int              round,
             const char      *session,
             PdAlkamelStats  *stats,
             GError         **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "alkamel", file, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  return pd_alkamel_import (f->store, file, data, length, season_id, round, session, stats, error);
}

static GPtrArray *
load_results (PdTestFixture *f,
              const char    *season_id,
              int            round,
              const char    *session_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSession) session = pd_results_find_session (f->store, season_id, round, session_name, &error);
  GPtrArray *rows;

  g_assert_no_error (error);
  rows = pd_results_load (f->store, pd_session_get_id (session), &error);
  g_assert_no_error (error);
  return rows;
}

static PdResultRow *
find_car (GPtrArray  *rows,
          const char *number)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PdResultRow *row = rows->pdata[i];

      if (g_str_equal (row->number, number))
        return row;
    }
  g_error ("no car %s", number);
  return NULL;
}

/* The GT4 sheet: a BOM, CRLF, three classes; the season, round and
 * session are created. */
static void
test_gt4 (PdTestFixture *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PdSession) session = NULL;
  PdAlkamelStats stats = { 0 };
  PdResultRow *row;

  g_assert_true (import_file (f, "gt4-spa-race2.csv", "gt4-test-2023", 3, "Race 2", &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.cars, ==, 9);
  g_assert_cmpuint (stats.classified, ==, 7);
  g_assert_cmpuint (stats.entries_created, ==, 9);
  g_assert_cmpuint (stats.drivers_created, ==, 18);
  g_assert_cmpuint (stats.classes_created, ==, 3);
  g_assert_true (stats.season_created && stats.round_created && stats.session_created);
  g_assert_cmpstr (stats.session_id, ==, "gt4-test-2023.r3.race-2");
  pd_alkamel_stats_clear (&stats);

  session = pd_store_get (f->store, PD_TYPE_SESSION, "gt4-test-2023.r3.race-2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_session_get_kind (session), ==, PD_SESSION_KIND_RACE);

  rows = load_results (f, "gt4-test-2023", 3, "race 2");
  g_assert_cmpuint (rows->len, ==, 9);

  /* The first row: the BOM did not stick to POSITION. */
  row = rows->pdata[0];
  g_assert_cmpstr (row->number, ==, "2");
  g_assert_cmpint (pd_result_get_position (row->result), ==, 1);
  g_assert_cmpstr (row->class_name, ==, "Silver");
  g_assert_cmpstr (row->team_name, ==, "Hofor Racing by Bonk Motorsport");
  g_assert_cmpstr (row->car_model, ==, "BMW M4 GT4");
  g_assert_cmpstr (row->driver_names[0], ==, "Michael Schrey");
  g_assert_cmpstr (row->driver_names[1], ==, "Gabriele Piana");
  g_assert_null (row->driver_names[2]);
  g_assert_cmpint (pd_result_get_total_time_ms (row->result), ==, 3672345);
  g_assert_cmpint (pd_result_get_best_lap_ms (row->result), ==, 145101);
  g_assert_cmpint (pd_result_get_laps (row->result), ==, 25);

  /* Class positions follow the overall order. */
  g_assert_cmpint (pd_result_get_class_position (find_car (rows, "42")->result), ==, 1);
  g_assert_cmpint (pd_result_get_class_position (find_car (rows, "12")->result), ==, 2);
  g_assert_cmpint (pd_result_get_class_position (find_car (rows, "36")->result), ==, 2);
  g_assert_cmpint (pd_result_get_class_position (find_car (rows, "89")->result), ==, 4);
  g_assert_cmpint (pd_result_get_class_position (find_car (rows, "3")->result), ==, 5);

  row = find_car (rows, "89");
  g_assert_cmpstr (row->driver_names[0], ==, "Andreas Bäckman");
  g_assert_cmpstr (row->team_name, ==, "Toksport WRT");
  row = find_car (rows, "42");
  g_assert_cmpstr (row->driver_names[0], ==, "Grégoire Demoustier");
  g_assert_cmpstr (row->team_name, ==, "Saintéloc Junior Team");

  g_assert_cmpint (pd_result_get_status (find_car (rows, "3")->result), ==, PD_RESULT_STATUS_NOT_CLASSIFIED);
  g_assert_cmpint (pd_result_get_laps (find_car (rows, "3")->result), ==, 12);
  g_assert_cmpint (pd_result_get_status (find_car (rows, "78")->result), ==, PD_RESULT_STATUS_DNS);
  g_assert_cmpint (pd_result_get_total_time_ms (find_car (rows, "78")->result), ==, 0);

  /* The fastest lap of the race: #12's 2'25.044, and no one else's. */
  for (guint i = 0; i < rows->len; i++)
    {
      PdResultRow *r = rows->pdata[i];
      g_assert_cmpint (pd_result_get_fastest_lap (r->result), ==, g_str_equal (r->number, "12"));
    }
}

/* Importing the same file twice changes nothing and creates nothing. */
static void
test_twice (PdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  PdAlkamelStats stats = { 0 };

  g_assert_true (import_file (f, "gt4-spa-race2.csv", "gt4-test-2023", 3, "Race 2", NULL, &error));
  g_assert_no_error (error);
  first = pd_test_dump_database (f->path);

  g_assert_true (import_file (f, "gt4-spa-race2.csv", "gt4-test-2023", 3, "RACE 2", &stats, &error));
  g_assert_no_error (error);
  second = pd_test_dump_database (f->path);
  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (stats.cars, ==, 9);
  g_assert_cmpuint (stats.entries_created + stats.drivers_created + stats.teams_created + stats.classes_created, ==, 0);
  g_assert_false (stats.season_created || stats.round_created || stats.session_created);
  pd_alkamel_stats_clear (&stats);
}

/* A four-driver crew, lap gaps, a car number with leading zeros and a car
 * without a class. */
static void
test_endurance (PdTestFixture *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PdEntry) entry = NULL;
  PdResultRow *row;

  g_assert_true (import_file (f, "endurance-4h.csv", "elms-test-2014", 1, "Race", NULL, &error));
  g_assert_no_error (error);
  rows = load_results (f, "elms-test-2014", 1, "Race");
  g_assert_cmpuint (rows->len, ==, 5);

  row = find_car (rows, "38");
  g_assert_cmpuint (g_strv_length (row->driver_names), ==, 4);
  g_assert_cmpstr (row->driver_names[3], ==, "Claire Dubois");
  g_assert_cmpint (pd_result_get_total_time_ms (row->result), ==, 14404690);
  g_assert_cmpint (pd_result_get_best_lap_ms (row->result), ==, 96144);
  g_assert_true (pd_result_get_fastest_lap (row->result));
  entry = pd_store_get (f->store, PD_TYPE_ENTRY, "elms-test-2014.38", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length ((char **) pd_entry_get_crew_ids (entry)), ==, 4);

  row = find_car (rows, "007");
  g_assert_cmpint (pd_result_get_position (row->result), ==, 3);
  g_assert_cmpint (pd_result_get_class_position (row->result), ==, 1);

  row = find_car (rows, "55");
  g_assert_cmpstr (row->class_name, ==, "");
  g_assert_cmpint (pd_result_get_class_position (row->result), ==, 0);

  row = find_car (rows, "21");
  g_assert_cmpint (pd_result_get_status (row->result), ==, PD_RESULT_STATUS_NOT_CLASSIFIED);
  g_assert_cmpstr (row->driver_names[0], ==, "Nils Åberg");
  g_assert_cmpstr (row->driver_names[1], ==, "Per Öst");
}

/* The newer layout: first and second names in columns of their own,
 * spaces after the separators, ':' times, five drivers. */
static void
test_newer_layout (PdTestFixture *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PdResultRow *row;

  g_assert_true (import_file (f, "imsa-layout.csv", "imsa-test-2024", 1, "Race", NULL, &error));
  g_assert_no_error (error);
  rows = load_results (f, "imsa-test-2024", 1, "Race");
  g_assert_cmpuint (rows->len, ==, 3);

  row = rows->pdata[0];
  g_assert_cmpstr (row->number, ==, "10");
  g_assert_cmpstr (row->team_name, ==, "Sunrise Racing");
  g_assert_cmpstr (row->car_model, ==, "Cadillac V-Series.R");
  g_assert_cmpuint (g_strv_length (row->driver_names), ==, 5);
  g_assert_cmpstr (row->driver_names[0], ==, "Ana Silva");
  g_assert_cmpstr (row->driver_names[4], ==, "Eli Moore");
  g_assert_cmpint (pd_result_get_total_time_ms (row->result), ==, 86462500);

  row = find_car (rows, "31");
  g_assert_cmpuint (g_strv_length (row->driver_names), ==, 3);
  g_assert_true (pd_result_get_fastest_lap (row->result));
  g_assert_cmpint (pd_result_get_status (find_car (rows, "64")->result), ==, PD_RESULT_STATUS_DNF);
}

/* Cars are matched to the season's entry list by number: the embedded
 * GT4 European 2023 season knows all of them but #89. */
static void
test_entry_list (PdTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  PdAlkamelStats stats = { 0 };

  g_assert_true (import_file (f, "gt4-spa-race2.csv", "gt4-european-2023", 3, "Race 2", &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.entries_created, ==, 1);
  g_assert_false (stats.season_created || stats.round_created || stats.session_created);
  /* The classes of the season, by name. */
  g_assert_cmpuint (stats.classes_created, ==, 0);

  rows = load_results (f, "gt4-european-2023", 3, "Race 2");
  g_assert_cmpstr (pd_result_get_entry_id (find_car (rows, "2")->result), ==, "gt4-european-2023.2");
  g_assert_cmpstr (pd_result_get_entry_id (find_car (rows, "89")->result), ==, "gt4-european-2023.89");
  pd_alkamel_stats_clear (&stats);
}

typedef struct {
  const char *file;
  int         code;   /* -1: an error of the CSV reader */
  int         line;
  const char *what;   /* what the message quotes, if anything */
} Broken;

static const Broken broken[] = {
  { "broken-no-number.csv", PD_ALKAMEL_ERROR_FORMAT, 1, "NUMBER" },
  { "broken-time.csv", PD_ALKAMEL_ERROR_VALUE, 3, "40'0x.500" },
  { "broken-duplicate.csv", PD_ALKAMEL_ERROR_DUPLICATE, 4, "7" },
  { "broken-status.csv", PD_ALKAMEL_ERROR_VALUE, 3, "Winner" },
  { "broken-quote.csv", -1, 3, NULL },
  { "broken-encoding.csv", -1, 2, NULL },
};

/* A broken file names its line and problem (in the language of the
 * tests, Swedish), and nothing is stored: not the good rows before it,
 * not the season it would have created. */
static void
test_broken (PdTestFixture *f,
             gconstpointer  data)
{
  const Broken *b = data;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *where = NULL;

  g_assert_true (import_file (f, "gt4-spa-race2.csv", "gt4-test-2023", 3, "Race 2", NULL, &error));
  g_assert_no_error (error);
  before = pd_test_dump_database (f->path);

  g_assert_false (import_file (f, b->file, "gt4-test-2023", 3, "Race 2", NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (b->code >= 0)
    g_assert_error (error, PD_ALKAMEL_ERROR, b->code);
  where = g_strdup_printf ("%s, rad %d: ", b->file, b->line);
  if (!g_str_has_prefix (error->message, where))
    g_error ("“%s” does not start with “%s”", error->message, where);
  if (b->what != NULL && strstr (error->message + strlen (where), b->what) == NULL)
    g_error ("“%s” does not name “%s”", error->message, b->what);
  g_clear_error (&error);

  g_assert_false (import_file (f, b->file, "new-season", 1, "Race", NULL, &error));
  g_clear_error (&error);
  after = pd_test_dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* The message says what is wrong in Swedish, as the tests run. */
static void
test_swedish (PdTestFixture *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (import_file (f, "broken-status.csv", "x", 1, "Race", NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "statusen ”Winner” är inte"));
}

static void
test_make_id (void)
{
  g_autofree char *a = pd_make_id ("Saintéloc Junior Team");
  g_autofree char *b = pd_make_id ("  Pro-Am ");
  g_autofree char *c = pd_make_id ("Andreas Bäckman");
  g_autofree char *d = pd_make_id ("!!!");
  g_autofree char *e = pd_make_id ("007");

  g_assert_cmpstr (a, ==, "sainteloc-junior-team");
  g_assert_cmpstr (b, ==, "pro-am");
  g_assert_cmpstr (c, ==, "andreas-backman");
  g_assert_cmpstr (d, ==, "");
  g_assert_cmpstr (e, ==, "007");
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  g_test_add_func ("/alkamel/make-id", test_make_id);
  pd_test_add_fixture ("/alkamel/gt4", &empty_store, test_gt4, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/alkamel/twice", &empty_store, test_twice, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/alkamel/endurance", &empty_store, test_endurance, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/alkamel/newer-layout", &empty_store, test_newer_layout, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/alkamel/entry-list", &seeded_store, test_entry_list, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/alkamel/swedish", &empty_store, test_swedish, NULL, PD_TEST_FLAGS_NONE);
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *path = g_strdup_printf ("/alkamel/broken/%s", broken[i].file);
      pd_test_add_fixture (path, &empty_store, test_broken, &broken[i], PD_TEST_FLAGS_NONE);
    }

  return g_test_run ();
}
