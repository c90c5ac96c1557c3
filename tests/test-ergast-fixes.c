/* Tests of the corrections to the Ergast data (pd-ergast-fixes.c,
 * data/ergast-corrections.json): the shipped file reads and covers every
 * race of 1950-1959; the import applies it (tests/data/ergast-fixes: the
 * 1954 British GP, seven drivers sharing the fastest lap; the 1956 Monaco
 * GP, Fangio's fastest lap in Collins's car; the 2011 Canadian GP,
 * Karthikeyan's penalty); a correction whose row is not as it expects is
 * left out; applying twice changes nothing; a malformed file changes
 * nothing; and, on the whole Ergast history, every shipped correction is
 * applied. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "pd-ergast.h"
#include "pd-ergast-fixes.h"
#include "pd-store.h"
#include "pd-test.h"

typedef PdTestFixture Fixture;

static const PdTestFixtureOptions fixture_options = {
  .name = "ergast-fixes",
  .store = PD_TEST_STORE_EMPTY,
};

static void
add_test (const char        *path,
          PdTestFixtureFunc  func)
{
  pd_test_add_fixture (path, &fixture_options, func, NULL, PD_TEST_FLAGS_NONE);
}

static void
import_dir (PdStore    *store,
            const char *dir)
{
  g_autoptr(GError) error = NULL;

  if (!pd_ergast_import (store, dir, NULL, &error))
    g_error ("import of %s failed: %s", dir, error->message);
}

static void
import_fixture (PdStore *store)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "ergast-fixes", NULL);

  import_dir (store, dir);
}

typedef struct {
  const char         *data;
  PdErgastFixesStats *stats;
} Apply;

static gboolean
apply_cb (PdStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Apply *apply = user_data;

  if (apply->data == NULL)
    return pd_ergast_fixes_apply (store, apply->stats, error);
  return pd_ergast_fixes_apply_data (store, apply->data, strlen (apply->data), apply->stats, error);
}

/* Applies @data (NULL: the shipped corrections) in a transaction, as the
 * import does. */
static gboolean
apply (PdStore             *store,
       const char          *data,
       PdErgastFixesStats  *stats,
       GError             **error)
{
  Apply closure = { data, stats };

  return pd_store_transaction (store, apply_cb, &closure, error);
}

static void
apply_ok (PdStore            *store,
          const char         *data,
          PdErgastFixesStats *stats)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (apply (store, data, stats, &error));
  g_assert_no_error (error);
}

static char *
race_session (int year,
              int round)
{
  return g_strdup_printf (PD_ERGAST_SERIES_ID "-%d.r%02d.race", year, round);
}

/* The one result of @driver (in car @number, unless NULL) in a race. */
static PdResult *
find_result (PdStore    *store,
             int         year,
             int         round,
             const char *driver,
             const char *number)
{
  g_autofree char *session_id = race_session (year, round);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = pd_store_list_results (store, session_id, &error);
  PdResult *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);
      const char * const *drivers = pd_result_get_driver_ids (result);

      if (drivers == NULL || !g_strv_contains (drivers, driver) ||
          (number != NULL && g_strcmp0 (pd_result_get_car_number (result), number) != 0))
        continue;
      if (found != NULL)
        g_error ("%d round %d: %s has more than one result", year, round, driver);
      found = g_steal_pointer (&result);
    }
  if (found == NULL)
    g_error ("%d round %d: no result of %s", year, round, driver);
  return found;
}

static gboolean
has_fastest_lap (PdStore    *store,
                 int         year,
                 int         round,
                 const char *driver,
                 const char *number)
{
  g_autoptr(PdResult) result = find_result (store, year, round, driver, number);

  return pd_result_get_fastest_lap (result);
}

static guint
count_fastest_laps (PdStore *store,
                    int      year,
                    int      round)
{
  g_autofree char *session_id = race_session (year, round);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = pd_store_list_results (store, session_id, &error);
  guint n = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);

      n += pd_result_get_fastest_lap (result);
    }
  return n;
}

static void
assert_place (PdStore    *store,
              int         year,
              int         round,
              const char *driver,
              int         position,
              int         road_position)
{
  g_autoptr(PdResult) result = find_result (store, year, round, driver, NULL);

  g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_CLASSIFIED);
  g_assert_cmpint (pd_result_get_position (result), ==, position);
  g_assert_cmpint (pd_result_get_road_position (result), ==, road_position);
}

/* The shipped file, read with json-glib: its list of corrections. */
static JsonArray *
shipped_corrections (JsonParser **parser)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  const char *data;

  bytes = g_resources_lookup_data (PD_ERGAST_FIXES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  g_assert_no_error (error);
  data = g_bytes_get_data (bytes, &length);
  *parser = json_parser_new ();
  g_assert_true (json_parser_load_from_data (*parser, data, length, &error));
  g_assert_no_error (error);
  return json_object_get_array_member (json_node_get_object (json_parser_get_root (*parser)), "corrections");
}

/* The shipped corrections read, each with its source, and every race of
 * 1950-1959 has its fastest lap; on a store without those seasons they
 * find nothing to change. */
static void
test_shipped (Fixture       *f,
              gconstpointer  data)
{
  /* Races per season, from shared/data/ergast/README.md. */
  static const int races[] = { 7, 8, 8, 9, 9, 7, 8, 8, 11, 9 };
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *corrections = shipped_corrections (&parser);
  g_autoptr(GHashTable) rounds = g_hash_table_new (g_direct_hash, g_direct_equal);
  PdErgastFixesStats stats = { 0, };
  guint n = json_array_get_length (corrections);

  apply_ok (f->store, NULL, &stats);
  g_assert_cmpuint (stats.applied, ==, 0);
  g_assert_cmpuint (stats.skipped, ==, 0);
  g_assert_cmpuint (stats.absent, ==, n);

  for (guint i = 0; i < n; i++)
    {
      JsonObject *fix = json_array_get_object_element (corrections, i);
      int year = json_object_get_int_member (fix, "year");
      int round = json_object_get_int_member (fix, "round");

      g_assert_nonnull (strstr (json_object_get_string_member (fix, "source"), "https://"));
      if (g_str_equal (json_object_get_string_member (fix, "kind"), "fastest-lap"))
        g_hash_table_add (rounds, GINT_TO_POINTER (year * 100 + round));
    }
  for (int year = 1950; year <= 1959; year++)
    for (int round = 1; round <= races[year - 1950] + 1; round++)
      g_assert_cmpint (g_hash_table_contains (rounds, GINT_TO_POINTER (year * 100 + round)), ==,
                       round <= races[year - 1950]);
  /* And Hamilton's at the 2024 Monaco GP. */
  g_assert_true (g_hash_table_contains (rounds, GINT_TO_POINTER (2024 * 100 + 8)));
  g_assert_cmpuint (g_hash_table_size (rounds), ==, 84 + 1);
}

/* The import applies the corrections of the races it stores. */
static void
test_import (Fixture       *f,
             gconstpointer  data)
{
  static const char * const holders_1954[][2] = {
    { "gonzalez", "9" }, { "hawthorn", "11" }, { "marimon", "33" }, { "fangio", "1" },
    { "moss", "7" }, { "behra", "17" }, { "ascari", "31" },
  };

  import_fixture (f->store);

  /* 1954 British GP: seven drivers tied, four finishers and three who
   * retired. */
  for (guint i = 0; i < G_N_ELEMENTS (holders_1954); i++)
    g_assert_true (has_fastest_lap (f->store, 1954, 5, holders_1954[i][0], holders_1954[i][1]));
  g_assert_cmpuint (count_fastest_laps (f->store, 1954, 5), ==, 7);

  /* 1956 Monaco GP: Fangio set it in Collins's car (26), not his own. */
  g_assert_true (has_fastest_lap (f->store, 1956, 2, "fangio", "26"));
  g_assert_false (has_fastest_lap (f->store, 1956, 2, "fangio", "20"));
  g_assert_false (has_fastest_lap (f->store, 1956, 2, "collins", "26"));
  g_assert_cmpuint (count_fastest_laps (f->store, 1956, 2), ==, 1);

  /* 2011 Canadian GP: Karthikeyan from 14th to 17th, the three behind
   * him one place up; each keeps the place it finished in on the road. */
  assert_place (f->store, 2011, 7, "liuzzi", 13, 0);
  assert_place (f->store, 2011, 7, "ambrosio", 14, 15);
  assert_place (f->store, 2011, 7, "glock", 15, 16);
  assert_place (f->store, 2011, 7, "trulli", 16, 17);
  assert_place (f->store, 2011, 7, "karthikeyan", 17, 14);
  assert_place (f->store, 2011, 7, "resta", 18, 0);
  /* Ergast knows that race's fastest lap: nothing added. */
  g_assert_cmpuint (count_fastest_laps (f->store, 2011, 7), ==, 1);
}

/* Importing again, or applying the corrections again, changes nothing:
 * each correction finds its row already corrected and leaves it. */
static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *corrections = shipped_corrections (&parser);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  PdErgastFixesStats stats = { 0, };

  import_fixture (f->store);
  first = pd_test_dump_database (f->path);
  import_fixture (f->store);
  second = pd_test_dump_database (f->path);
  g_assert_cmpstr (first, ==, second);

  apply_ok (f->store, NULL, &stats);
  third = pd_test_dump_database (f->path);
  g_assert_cmpstr (first, ==, third);
  g_assert_cmpuint (stats.applied, ==, 0);
  /* 7 fastest laps in 1954, 1 in 1956, Karthikeyan's place. */
  g_assert_cmpuint (stats.skipped, ==, 9);
  g_assert_cmpuint (stats.absent, ==, json_array_get_length (corrections) - 9);
}

#define HEAD "{\"format\": \"paddock-ergast-corrections\", \"version\": 1, \"corrections\": ["
#define TAIL "]}"
#define SOURCE "\"source\": \"a test\""

/* Corrections whose row is not as they expect are left out: a fastest
 * lap already known, a driver or car not in the race, a position that is
 * not the expected one; the fastest laps of a race go together. */
static void
test_not_as_expected (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PdResult) fangio = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  PdErgastFixesStats stats = { 0, };

  import_fixture (f->store);
  before = pd_test_dump_database (f->path);

  apply_ok (f->store,
            HEAD
            /* The 2011 Canadian GP has its fastest lap from Ergast. */
            "{\"kind\": \"fastest-lap\", \"year\": 2011, \"round\": 7, \"driver\": \"trulli\", "
            "\"position_text\": \"16\", " SOURCE "},"
            /* Already at 17th. */
            "{\"kind\": \"position\", \"year\": 2011, \"round\": 7, \"driver\": \"karthikeyan\", "
            "\"from\": 14, \"to\": 17, " SOURCE "},"
            /* Places 19 and 20 are retirements. */
            "{\"kind\": \"position\", \"year\": 2011, \"round\": 7, \"driver\": \"resta\", "
            "\"from\": 18, \"to\": 20, " SOURCE "},"
            /* Not stored at all. */
            "{\"kind\": \"position\", \"year\": 1999, \"round\": 3, \"driver\": \"hill\", "
            "\"from\": 1, \"to\": 2, " SOURCE "}"
            TAIL,
            &stats);
  g_assert_cmpuint (stats.applied, ==, 0);
  g_assert_cmpuint (stats.skipped, ==, 3);
  g_assert_cmpuint (stats.absent, ==, 1);
  after = pd_test_dump_database (f->path);
  g_assert_cmpstr (before, ==, after);

  /* The 1956 Monaco GP without its fastest lap, as Ergast has it. */
  fangio = find_result (f->store, 1956, 2, "fangio", "26");
  pd_result_set_fastest_lap (fangio, FALSE);
  g_assert_true (pd_store_save (f->store, G_OBJECT (fangio), &error));
  g_assert_no_error (error);

  /* One holder not there as expected (Castellotti was 4th): the race's
   * corrections are left out together. */
  apply_ok (f->store,
            HEAD
            "{\"kind\": \"fastest-lap\", \"year\": 1956, \"round\": 2, \"driver\": \"fangio\", "
            "\"number\": \"26\", \"position_text\": \"2\", " SOURCE "},"
            "{\"kind\": \"fastest-lap\", \"year\": 1956, \"round\": 2, \"driver\": \"castellotti\", "
            "\"number\": \"20\", \"position_text\": \"3\", " SOURCE "}"
            TAIL,
            &stats);
  g_assert_cmpuint (stats.applied, ==, 0);
  g_assert_cmpuint (stats.skipped, ==, 2);
  g_assert_cmpuint (count_fastest_laps (f->store, 1956, 2), ==, 0);

  /* A car the driver did not drive; a driver with two results and no
   * car to choose; a driver not in the race; a retirement that was a
   * finish. */
  apply_ok (f->store,
            HEAD
            "{\"kind\": \"fastest-lap\", \"year\": 1956, \"round\": 2, \"driver\": \"fangio\", "
            "\"number\": \"99\", \"position_text\": \"2\", " SOURCE "}"
            TAIL, &stats);
  g_assert_cmpuint (stats.skipped, ==, 1);
  apply_ok (f->store,
            HEAD
            "{\"kind\": \"fastest-lap\", \"year\": 1956, \"round\": 2, \"driver\": \"fangio\", "
            "\"position_text\": \"2\", " SOURCE "}"
            TAIL, &stats);
  g_assert_cmpuint (stats.skipped, ==, 1);
  apply_ok (f->store,
            HEAD
            "{\"kind\": \"fastest-lap\", \"year\": 1956, \"round\": 2, \"driver\": \"karthikeyan\", "
            "\"position_text\": \"2\", " SOURCE "}"
            TAIL, &stats);
  g_assert_cmpuint (stats.skipped, ==, 1);
  apply_ok (f->store,
            HEAD
            "{\"kind\": \"fastest-lap\", \"year\": 1956, \"round\": 2, \"driver\": \"fangio\", "
            "\"number\": \"26\", \"position_text\": \"R\", " SOURCE "}"
            TAIL, &stats);
  g_assert_cmpuint (stats.skipped, ==, 1);
  g_assert_cmpuint (count_fastest_laps (f->store, 1956, 2), ==, 0);

  /* As expected: applied once, then left alone. */
  for (guint i = 0; i < 2; i++)
    {
      apply_ok (f->store,
                HEAD
                "{\"kind\": \"fastest-lap\", \"year\": 1956, \"round\": 2, \"driver\": \"fangio\", "
                "\"number\": \"26\", \"position_text\": \"2\", " SOURCE "}"
                TAIL, &stats);
      g_assert_cmpuint (stats.applied, ==, i == 0 ? 1 : 0);
      g_assert_cmpuint (stats.skipped, ==, i == 0 ? 0 : 1);
      g_assert_true (has_fastest_lap (f->store, 1956, 2, "fangio", "26"));
      g_assert_cmpuint (count_fastest_laps (f->store, 1956, 2), ==, 1);
    }
}

/* A driver moved up: the cars in between move down one place; a road
 * position already known is kept. Applying again changes nothing. */
static void
test_move_up (Fixture       *f,
              gconstpointer  data)
{
  static const char *move =
    HEAD
    "{\"kind\": \"position\", \"year\": 2011, \"round\": 7, \"driver\": \"trulli\", "
    "\"number\": \"21\", \"from\": 16, \"to\": 13, " SOURCE "}"
    TAIL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  PdErgastFixesStats stats = { 0, };

  import_fixture (f->store);
  apply_ok (f->store, move, &stats);
  g_assert_cmpuint (stats.applied, ==, 1);
  assert_place (f->store, 2011, 7, "trulli", 13, 17);
  assert_place (f->store, 2011, 7, "liuzzi", 14, 13);
  assert_place (f->store, 2011, 7, "ambrosio", 15, 15);
  assert_place (f->store, 2011, 7, "glock", 16, 16);
  assert_place (f->store, 2011, 7, "karthikeyan", 17, 14);

  first = pd_test_dump_database (f->path);
  apply_ok (f->store, move, &stats);
  g_assert_cmpuint (stats.applied, ==, 0);
  g_assert_cmpuint (stats.skipped, ==, 1);
  second = pd_test_dump_database (f->path);
  g_assert_cmpstr (first, ==, second);
}

typedef struct {
  const char *data;
  int         code;
} Malformed;

static const Malformed malformed[] = {
  { "{\"format\": ", PD_ERGAST_FIXES_ERROR_SYNTAX },
  { "{\"format\": \"paddock-ergast-corrections\", \"version\": 1, \"corrections\": [], \"x\": \"\xff\"}",
    PD_ERGAST_FIXES_ERROR_SYNTAX },
  { "[]", PD_ERGAST_FIXES_ERROR_FORMAT },
  { "{\"format\": \"paddock-rules\", \"version\": 1, \"corrections\": []}", PD_ERGAST_FIXES_ERROR_FORMAT },
  { "{\"format\": \"paddock-ergast-corrections\", \"version\": 2, \"corrections\": []}", PD_ERGAST_FIXES_ERROR_VERSION },
  { "{\"format\": \"paddock-ergast-corrections\", \"version\": 1}", PD_ERGAST_FIXES_ERROR_FORMAT },
  { "{\"format\": \"paddock-ergast-corrections\", \"version\": 1, \"corrections\": [], \"extra\": 1}",
    PD_ERGAST_FIXES_ERROR_FORMAT },
  /* The first correction is good: nothing is applied all the same. */
  { HEAD "{\"kind\": \"fastest-lap\", \"year\": 1956, \"round\": 2, \"driver\": \"fangio\", \"number\": \"26\", "
    "\"position_text\": \"2\", " SOURCE "}, {\"kind\": \"position\", \"year\": 2011, \"round\": 7, "
    "\"driver\": \"trulli\", \"from\": 16, \"to\": 13}" TAIL, PD_ERGAST_FIXES_ERROR_FORMAT },
  { HEAD "{\"kind\": \"position\", \"year\": 2011, \"round\": 7, \"driver\": \"trulli\", \"from\": 16, "
    "\"to\": 13, \"source\": \"\"}" TAIL, PD_ERGAST_FIXES_ERROR_FORMAT },
  { HEAD "{\"kind\": \"penalty\", \"year\": 2011, \"round\": 7, \"driver\": \"trulli\", " SOURCE "}" TAIL,
    PD_ERGAST_FIXES_ERROR_FORMAT },
  { HEAD "{\"kind\": \"position\", \"year\": 2011, \"round\": 7, \"driver\": \"trulli\", \"from\": 16, "
    "\"to\": 16, " SOURCE "}" TAIL, PD_ERGAST_FIXES_ERROR_FORMAT },
  { HEAD "{\"kind\": \"position\", \"year\": 2011, \"round\": 0, \"driver\": \"trulli\", \"from\": 16, "
    "\"to\": 13, " SOURCE "}" TAIL, PD_ERGAST_FIXES_ERROR_FORMAT },
  { HEAD "{\"kind\": \"fastest-lap\", \"year\": 1956, \"round\": 2, \"driver\": \"fangio\", "
    "\"position_text\": \"X\", " SOURCE "}" TAIL, PD_ERGAST_FIXES_ERROR_FORMAT },
  { HEAD "{\"kind\": \"fastest-lap\", \"year\": 1956, \"round\": 2, \"driver\": \"fangio\", "
    "\"position_text\": \"2\", \"from\": 1, " SOURCE "}" TAIL, PD_ERGAST_FIXES_ERROR_FORMAT },
  { HEAD "{\"kind\": \"fastest-lap\", \"year\": \"1956\", \"round\": 2, \"driver\": \"fangio\", "
    "\"position_text\": \"2\", " SOURCE "}" TAIL, PD_ERGAST_FIXES_ERROR_FORMAT },
};

/* A malformed file is refused whole, naming what is wrong, and the store
 * is left as it was. */
static void
test_malformed (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *before = NULL;

  import_fixture (f->store);
  /* Without the fastest lap of the first good correction above. */
  {
    g_autoptr(PdResult) fangio = find_result (f->store, 1956, 2, "fangio", "26");
    g_autoptr(GError) error = NULL;

    pd_result_set_fastest_lap (fangio, FALSE);
    g_assert_true (pd_store_save (f->store, G_OBJECT (fangio), &error));
    g_assert_no_error (error);
  }
  before = pd_test_dump_database (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (malformed); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;
      PdErgastFixesStats stats = { 7, 7, 7 };

      g_test_message ("case %u", i);
      g_assert_false (apply (f->store, malformed[i].data, &stats, &error));
      g_assert_error (error, PD_ERGAST_FIXES_ERROR, malformed[i].code);
      g_assert_true (g_str_has_prefix (error->message, "Ergast corrections"));
      /* Untouched on failure. */
      g_assert_cmpuint (stats.applied, ==, 7);
      after = pd_test_dump_database (f->path);
      g_assert_cmpstr (before, ==, after);
    }
}

static char *
real_dir (void)
{
  const char *dir = g_getenv ("PADDOCK_ERGAST_DIR");

  /* Never skipped: the data is beside every clone, in CI too. */
  if (dir == NULL || *dir == '\0')
    g_error ("PADDOCK_ERGAST_DIR is not set (tests/meson.build sets it to ../shared/data/ergast)");
  return g_strdup (dir);
}

/* On the whole Ergast history, every shipped correction finds its row
 * and is applied; applying them again changes nothing. */
static void
test_full_history (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = real_dir ();
  g_autoptr(JsonParser) parser = NULL;
  JsonArray *corrections = shipped_corrections (&parser);
  PdErgastFixesStats stats = { 0, };
  guint n = json_array_get_length (corrections);

  import_dir (f->store, dir);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *fix = json_array_get_object_element (corrections, i);
      int year = json_object_get_int_member (fix, "year");
      int round = json_object_get_int_member (fix, "round");
      const char *driver = json_object_get_string_member (fix, "driver");
      const char *number = json_object_get_string_member_with_default (fix, "number", NULL);
      g_autoptr(PdResult) result = find_result (f->store, year, round, driver, number);

      if (g_str_equal (json_object_get_string_member (fix, "kind"), "fastest-lap"))
        g_assert_true (pd_result_get_fastest_lap (result));
      else
        g_assert_cmpint (pd_result_get_position (result), ==, json_object_get_int_member (fix, "to"));
    }

  /* Hamilton's point at the 2024 Monaco GP, seventh. */
  g_assert_true (has_fastest_lap (f->store, 2024, 8, "hamilton", "44"));
  g_assert_cmpuint (count_fastest_laps (f->store, 2024, 8), ==, 1);

  apply_ok (f->store, NULL, &stats);
  g_assert_cmpuint (stats.applied, ==, 0);
  g_assert_cmpuint (stats.skipped, ==, n);
  g_assert_cmpuint (stats.absent, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/ergast-fixes/shipped", test_shipped);
  add_test ("/ergast-fixes/import", test_import);
  add_test ("/ergast-fixes/twice", test_twice);
  add_test ("/ergast-fixes/not-as-expected", test_not_as_expected);
  add_test ("/ergast-fixes/move-up", test_move_up);
  add_test ("/ergast-fixes/malformed", test_malformed);
  /* The whole history: too many records for the slow unwinder. */
  pd_test_add_fixture ("/ergast-fixes/full-history", &fixture_options, test_full_history, NULL,
                       PD_TEST_FAST_UNWIND);

  return g_test_run ();
}
