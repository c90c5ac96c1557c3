/* Tests of the Ergast import (pd-ergast.c): what the hand-made fixture in
 * tests/data/ergast/good stores, that importing twice changes nothing,
 * that a circuit already stored is kept, that every malformed variant in
 * tests/data/ergast/broken names its file and line and leaves the
 * database exactly as it was, and the whole real history from
 * PADDOCK_ERGAST_DIR. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "pd-csv.h"
#include "pd-ergast.h"
#include "pd-store.h"
#include "pd-test.h"
#include "pd-time.h"

/* The harness (a child process and a TMPDIR per test, the folder with
 * its database) is pd-test.c's. */

typedef PdTestFixture Fixture;

static const PdTestFixtureOptions fixture_options = {
  .name = "ergast",
  .store = PD_TEST_STORE_EMPTY,
};

static void
add_test (const char        *path,
          PdTestFixtureFunc  func,
          gconstpointer      data)
{
  pd_test_add_fixture (path, &fixture_options, func, data, PD_TEST_FLAGS_NONE);
}


static guint
count_rows (const char *path,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\"", table);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  guint n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static char *
fixture_dir (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "ergast", name, NULL);
}

/* A copy of the good fixture in @f's folder, with the files of
 * broken/@variant (when given) put in place of their namesakes. */
static char *
make_variant (Fixture    *f,
              const char *variant)
{
  g_autofree char *good = fixture_dir ("good");
  char *dir = g_build_filename (f->dir, variant != NULL ? variant : "good", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;

  g_assert_cmpint (g_mkdir (dir, 0700), ==, 0);
  listing = g_dir_open (good, 0, NULL);
  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *from = g_build_filename (good, name, NULL);
      g_autofree char *to = g_build_filename (dir, name, NULL);
      pd_test_copy_file (from, to);
    }

  if (variant != NULL)
    {
      g_autofree char *broken = g_test_build_filename (G_TEST_DIST, "data", "ergast", "broken",
                                                       variant, NULL);
      g_autoptr(GDir) overlay = g_dir_open (broken, 0, NULL);

      g_assert_nonnull (overlay);
      while ((name = g_dir_read_name (overlay)) != NULL)
        {
          g_autofree char *from = g_build_filename (broken, name, NULL);
          g_autofree char *to = g_build_filename (dir, name, NULL);
          pd_test_copy_file (from, to);
        }
    }

  return dir;
}

static void
import_ok (PdStore       *store,
           const char    *dir,
           PdErgastStats *stats)
{
  g_autoptr(GError) error = NULL;

  if (!pd_ergast_import (store, dir, stats, &error))
    g_error ("import of %s failed: %s", dir, error->message);
}

/* Finders */

static PdResult *
find_result (PdStore    *store,
             const char *session_id,
             const char *driver_id,
             const char *car_number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = pd_store_list_results (store, session_id, &error);
  PdResult *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);
      const char * const *drivers = pd_result_get_driver_ids (result);

      if (drivers != NULL && g_strv_contains (drivers, driver_id) &&
          (car_number == NULL || g_strcmp0 (pd_result_get_car_number (result), car_number) == 0))
        {
          g_assert_null (found);  /* one only */
          found = g_object_ref (result);
        }
    }
  if (found == NULL)
    g_error ("no result of %s (car %s) in %s", driver_id, car_number ? car_number : "any", session_id);
  return found;
}

static gpointer
get_record (PdStore    *store,
            GType       type,
            const char *id)
{
  g_autoptr(GError) error = NULL;
  gpointer record = pd_store_get (store, type, id, &error);

  if (record == NULL)
    g_error ("%s: %s", id, error->message);
  return record;
}

static char *
format_start (PdSession *session)
{
  GDateTime *start = pd_session_get_start_utc (session);

  return start != NULL ? pd_time_format_rfc3339 (start) : NULL;
}

/* Checks the cars of @session_id with @car_number: their drivers, in
 * any order, each with @position. */
static void
assert_shared_car (PdStore    *store,
                   const char *session_id,
                   const char *car_number,
                   int         position,
                   const char *driver1,
                   const char *driver2)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = pd_store_list_results (store, session_id, &error);
  g_autoptr(GPtrArray) drivers = g_ptr_array_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);
      const char * const *ids = pd_result_get_driver_ids (result);

      if (g_strcmp0 (pd_result_get_car_number (result), car_number) != 0)
        continue;
      g_assert_nonnull (ids);
      g_assert_cmpuint (g_strv_length ((char **) ids), ==, 1);
      g_assert_cmpint (pd_result_get_position (result), ==, position);
      g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_CLASSIFIED);
      g_ptr_array_add (drivers, (gpointer) g_intern_string (ids[0]));
    }

  g_assert_cmpuint (drivers->len, ==, 2);
  g_assert_true (g_ptr_array_find (drivers, g_intern_string (driver1), NULL));
  g_assert_true (g_ptr_array_find (drivers, g_intern_string (driver2), NULL));
}

static void
assert_sessions (PdStore            *store,
                 const char         *round_id,
                 const char * const *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = pd_store_list_sessions (store, round_id, &error);
  guint n = g_strv_length ((char **) expected);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      g_autofree char *id = g_strdup_printf ("%s.%s", round_id, expected[i]);

      g_assert_cmpstr (pd_session_get_id (session), ==, id);
      g_assert_cmpint (pd_session_get_position (session), ==, i + 1);
    }
}

/* The fixture */

static void
test_fixture (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *dir = make_variant (f, NULL);
  PdErgastStats stats = { 0 };
  g_autoptr(PdSeries) series = NULL;
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(PdCircuit) circuit = NULL;
  g_autoptr(PdRound) round = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autoptr(PdResult) result = NULL;
  g_autoptr(PdDriver) driver = NULL;
  g_autoptr(PdTeam) team = NULL;
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(GListModel) seasons = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  const char * const sao_paulo[] = { "fp1", "fp2", "sprint", "quali", "race", NULL };
  const char * const monza[] = { "fp1", "fp2", "fp3", "quali", "race", NULL };
  const char * const melbourne[] = { "quali", "race", NULL };
  const char * const race_only[] = { "race", NULL };

  import_ok (f->store, dir, &stats);
  g_assert_cmpuint (stats.seasons, ==, 3);
  g_assert_cmpuint (stats.rounds, ==, 6);
  g_assert_cmpuint (stats.sessions, ==, 15);
  g_assert_cmpuint (stats.circuits, ==, 5);
  g_assert_cmpuint (stats.circuits_kept, ==, 0);
  g_assert_cmpuint (stats.teams, ==, 8);
  g_assert_cmpuint (stats.drivers, ==, 13);
  g_assert_cmpuint (stats.entries, ==, 16);
  g_assert_cmpuint (stats.race_results, ==, 25);
  g_assert_cmpuint (stats.sprint_results, ==, 4);
  g_assert_cmpuint (stats.qualifying_results, ==, 8);
  g_assert_cmpuint (stats.results, ==, 37);
  /* The counts are what is in the database. */
  g_assert_cmpuint (count_rows (f->path, "result"), ==, 37);
  g_assert_cmpuint (count_rows (f->path, "session"), ==, 15);
  g_assert_cmpuint (count_rows (f->path, "entry"), ==, 16);

  series = get_record (f->store, PD_TYPE_SERIES, "f1");
  g_assert_cmpstr (pd_series_get_name (series), ==, "Formula 1 World Championship");
  g_assert_cmpstr (pd_series_get_short_name (series), ==, "F1");

  seasons = pd_store_list_seasons (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 3);
  season = get_record (f->store, PD_TYPE_SEASON, "f1-1951");
  g_assert_cmpstr (pd_season_get_name (season), ==, "Formula 1 1951");
  g_assert_cmpstr (pd_season_get_series_id (season), ==, "f1");
  g_assert_cmpint (pd_season_get_year (season), ==, 1951);
  g_assert_cmpstr (pd_season_get_rules_id (season), ==, "f1-1951");

  /* Circuits, with the zone and the country code Ergast does not have. */
  circuit = get_record (f->store, PD_TYPE_CIRCUIT, "reims");
  g_assert_cmpstr (pd_circuit_get_name (circuit), ==, "Reims-Gueux");
  g_assert_cmpstr (pd_circuit_get_locality (circuit), ==, "Reims");
  g_assert_cmpstr (pd_circuit_get_country (circuit), ==, "France");
  g_assert_cmpstr (pd_circuit_get_country_code (circuit), ==, "FR");
  g_assert_cmpstr (pd_circuit_get_zone (circuit), ==, "Europe/Paris");
  g_assert_cmpfloat_with_epsilon (pd_circuit_get_latitude (circuit), 49.2542, 1e-9);
  g_assert_cmpfloat_with_epsilon (pd_circuit_get_longitude (circuit), 3.93083, 1e-9);
  g_clear_object (&circuit);
  circuit = get_record (f->store, PD_TYPE_CIRCUIT, "silverstone");
  g_assert_cmpstr (pd_circuit_get_country_code (circuit), ==, "GB");
  g_assert_cmpstr (pd_circuit_get_zone (circuit), ==, "Europe/London");
  g_clear_object (&circuit);
  circuit = get_record (f->store, PD_TYPE_CIRCUIT, "interlagos");
  g_assert_cmpstr (pd_circuit_get_name (circuit), ==, "Autódromo José Carlos Pace");
  g_assert_cmpstr (pd_circuit_get_zone (circuit), ==, "America/Sao_Paulo");

  /* A 1950s round: only the race, on its day, with no time. */
  round = get_record (f->store, PD_TYPE_ROUND, "f1-1951.r04");
  g_assert_cmpstr (pd_round_get_season_id (round), ==, "f1-1951");
  g_assert_cmpint (pd_round_get_number (round), ==, 4);
  g_assert_cmpstr (pd_round_get_name (round), ==, "French Grand Prix");
  g_assert_cmpstr (pd_round_get_circuit_id (round), ==, "reims");
  g_assert_cmpstr (pd_round_get_start_date (round), ==, "1951-07-01");
  g_assert_cmpstr (pd_round_get_end_date (round), ==, "1951-07-01");
  assert_sessions (f->store, "f1-1951.r04", race_only);
  session = get_record (f->store, PD_TYPE_SESSION, "f1-1951.r04.race");
  g_assert_cmpint (pd_session_get_kind (session), ==, PD_SESSION_KIND_RACE);
  g_assert_cmpstr (pd_session_get_name (session), ==, "Grand Prix");
  g_assert_null (pd_session_get_start_utc (session));
  g_assert_cmpstr (pd_session_get_start_date (session), ==, "1951-07-01");
  g_clear_object (&session);

  /* The shared car #8, both drivers first; Fangio's second car, #24. */
  assert_shared_car (f->store, "f1-1951.r04.race", "8", 1, "fagioli", "fangio");
  assert_shared_car (f->store, "f1-1951.r04.race", "24", 11, "fagioli", "fangio");
  result = find_result (f->store, "f1-1951.r04.race", "fangio", "8");
  g_assert_cmpstr (pd_result_get_id (result), ==, "f1-1951.r04.race.20186");
  g_assert_cmpstr (pd_result_get_entry_id (result), ==, "f1-1951.alfa.fangio");
  g_assert_cmpint (pd_result_get_laps (result), ==, 77);
  g_assert_cmpint (pd_result_get_total_time_ms (result), ==, 12131000);
  g_assert_cmpint (pd_result_get_best_lap_ms (result), ==, -1);
  g_assert_cmpint (pd_result_get_grid (result), ==, 7);
  g_assert_null (pd_result_get_note (result));
  g_clear_object (&result);
  result = find_result (f->store, "f1-1951.r04.race", "fangio", "24");
  g_assert_cmpstr (pd_result_get_entry_id (result), ==, "f1-1951.alfa.fangio");
  g_assert_cmpint (pd_result_get_total_time_ms (result), ==, -1);
  /* "+22 Laps" says no more than the laps do. */
  g_assert_null (pd_result_get_note (result));
  g_clear_object (&result);

  entry = get_record (f->store, PD_TYPE_ENTRY, "f1-1951.alfa.fangio");
  g_assert_cmpstr (pd_entry_get_season_id (entry), ==, "f1-1951");
  g_assert_cmpstr (pd_entry_get_team_id (entry), ==, "alfa");
  g_assert_cmpstr (pd_entry_get_car_model (entry), ==, "Alfa Romeo");
  g_assert_null (pd_entry_get_number (entry));
  g_assert_cmpstrv (pd_entry_get_crew_ids (entry), ((const char * const[]) { "fangio", NULL }));
  g_clear_object (&entry);

  /* Statuses from positionText, notes from status.csv. */
  result = find_result (f->store, "f1-1951.r04.race", "ascari", "12");
  g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_DNF);
  g_assert_cmpint (pd_result_get_position (result), ==, 0);
  g_assert_cmpstr (pd_result_get_note (result), ==, "Gearbox");
  g_clear_object (&result);
  result = find_result (f->store, "f1-1951.r04.race", "farina", NULL);
  g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_CLASSIFIED);
  g_assert_cmpint (pd_result_get_position (result), ==, 5);
  g_assert_null (pd_result_get_note (result));
  g_clear_object (&result);
  result = find_result (f->store, "f1-1951.r05.race", "fagioli", NULL);
  g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_NOT_CLASSIFIED);
  g_assert_null (pd_result_get_car_number (result));
  g_assert_cmpstr (pd_result_get_note (result), ==, "Not classified");
  g_clear_object (&result);
  result = find_result (f->store, "f1-1951.r05.race", "ascari", NULL);
  g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_DNS);
  g_assert_cmpstr (pd_result_get_note (result), ==, "Did not qualify");
  g_assert_cmpint (pd_result_get_grid (result), ==, 0);
  g_assert_cmpint (pd_result_get_laps (result), ==, 0);
  g_clear_object (&result);
  result = find_result (f->store, "f1-2024.r21.race", "albon", NULL);
  g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_DNS);
  g_assert_cmpstr (pd_result_get_note (result), ==, "Withdrew");
  g_clear_object (&result);
  result = find_result (f->store, "f1-2024.r21.race", "hulkenberg", NULL);
  g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_DSQ);
  g_assert_cmpint (pd_result_get_position (result), ==, 0);
  g_clear_object (&result);
  result = find_result (f->store, "f1-2024.r21.race", "sainz", NULL);
  g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_DNF);
  /* A pit-lane start: grid 0, not known. */
  g_assert_cmpint (pd_result_get_grid (result), ==, 0);
  g_assert_cmpint (pd_result_get_best_lap_ms (result), ==, 84201);
  g_assert_false (pd_result_get_fastest_lap (result));
  g_clear_object (&result);

  /* A modern round: five sessions in the order they ran (the 2024 sprint
   * before the Grand Prix qualifying), UTC times from races.csv. */
  assert_sessions (f->store, "f1-2024.r21", sao_paulo);
  session = get_record (f->store, PD_TYPE_SESSION, "f1-2024.r21.sprint");
  g_assert_cmpint (pd_session_get_kind (session), ==, PD_SESSION_KIND_SPRINT);
  g_assert_cmpstr (pd_session_get_name (session), ==, "Sprint");
  start = format_start (session);
  g_assert_cmpstr (start, ==, "2024-11-02T14:00:00Z");
  g_clear_pointer (&start, g_free);
  g_clear_object (&session);
  session = get_record (f->store, PD_TYPE_SESSION, "f1-2024.r21.fp2");
  g_assert_cmpint (pd_session_get_kind (session), ==, PD_SESSION_KIND_PRACTICE);
  g_assert_cmpstr (pd_session_get_name (session), ==, "Practice 2");
  g_clear_object (&session);
  session = get_record (f->store, PD_TYPE_SESSION, "f1-2024.r21.quali");
  g_assert_cmpint (pd_session_get_kind (session), ==, PD_SESSION_KIND_QUALIFYING);
  g_assert_cmpstr (pd_session_get_name (session), ==, "Qualifying");
  start = format_start (session);
  g_assert_cmpstr (start, ==, "2024-11-02T18:00:00Z");
  g_clear_pointer (&start, g_free);
  g_clear_object (&session);

  assert_sessions (f->store, "f1-2024.r16", monza);
  g_clear_object (&round);
  round = get_record (f->store, PD_TYPE_ROUND, "f1-2024.r16");
  g_assert_cmpstr (pd_round_get_start_date (round), ==, "2024-08-30");
  g_assert_cmpstr (pd_round_get_end_date (round), ==, "2024-09-01");
  session = get_record (f->store, PD_TYPE_SESSION, "f1-2024.r16.fp3");
  start = format_start (session);
  g_assert_cmpstr (start, ==, "2024-08-31T10:30:00Z");
  g_assert_cmpstr (pd_session_get_start_date (session), ==, "2024-08-31");
  g_clear_pointer (&start, g_free);
  g_clear_object (&session);

  /* Times, the fastest lap and the best lap. */
  result = find_result (f->store, "f1-2024.r16.race", "norris", NULL);
  g_assert_cmpstr (pd_result_get_id (result), ==, "f1-2024.r16.race.26587");
  g_assert_cmpint (pd_result_get_position (result), ==, 3);
  g_assert_cmpint (pd_result_get_grid (result), ==, 1);
  g_assert_cmpint (pd_result_get_laps (result), ==, 53);
  g_assert_cmpint (pd_result_get_total_time_ms (result), ==, 4486880);
  g_assert_cmpint (pd_result_get_best_lap_ms (result), ==, 81432);
  g_assert_true (pd_result_get_fastest_lap (result));
  g_assert_cmpstr (pd_result_get_car_number (result), ==, "4");
  g_assert_cmpstr (pd_result_get_entry_id (result), ==, "f1-2024.mclaren.norris");
  g_clear_object (&result);
  result = find_result (f->store, "f1-2024.r16.race", "leclerc", NULL);
  g_assert_cmpint (pd_result_get_position (result), ==, 1);
  g_assert_false (pd_result_get_fastest_lap (result));
  g_clear_object (&result);

  /* Sprint and qualifying results. */
  result = find_result (f->store, "f1-2024.r21.sprint", "norris", NULL);
  g_assert_cmpstr (pd_result_get_id (result), ==, "f1-2024.r21.sprint.321");
  g_assert_cmpint (pd_result_get_position (result), ==, 1);
  g_assert_cmpint (pd_result_get_best_lap_ms (result), ==, 71917);
  g_assert_cmpint (pd_result_get_total_time_ms (result), ==, 1786045);
  g_clear_object (&result);
  result = find_result (f->store, "f1-2024.r16.quali", "hamilton", NULL);
  g_assert_cmpstr (pd_result_get_id (result), ==, "f1-2024.r16.quali.10377");
  g_assert_cmpint (pd_result_get_position (result), ==, 6);
  /* The best of Q1 1:20.477, Q2 1:19.641 and Q3 1:19.513. */
  g_assert_cmpint (pd_result_get_best_lap_ms (result), ==, 79513);
  g_assert_cmpint (pd_result_get_laps (result), ==, -1);
  g_clear_object (&result);
  result = find_result (f->store, "f1-2024.r21.quali", "max_verstappen", NULL);
  g_assert_cmpint (pd_result_get_position (result), ==, 12);
  g_assert_cmpint (pd_result_get_best_lap_ms (result), ==, 87771);
  g_clear_object (&result);

  /* 2025's short rows: no session columns at all; qualifying from its
   * rows alone, without a day. */
  assert_sessions (f->store, "f1-2025.r01", melbourne);
  session = get_record (f->store, PD_TYPE_SESSION, "f1-2025.r01.race");
  start = format_start (session);
  g_assert_cmpstr (start, ==, "2025-03-16T04:00:00Z");
  g_clear_pointer (&start, g_free);
  g_clear_object (&session);
  session = get_record (f->store, PD_TYPE_SESSION, "f1-2025.r01.quali");
  g_assert_null (pd_session_get_start_utc (session));
  g_assert_null (pd_session_get_start_date (session));
  g_clear_object (&session);
  assert_sessions (f->store, "f1-2025.r02", race_only);
  g_clear_object (&round);
  round = get_record (f->store, PD_TYPE_ROUND, "f1-2025.r02");
  g_assert_cmpstr (pd_round_get_name (round), ==, "Brazilian Grand Prix");
  g_assert_cmpstr (pd_round_get_end_date (round), ==, "2025-11-09");
  /* 2025 gives the running order to cars that are not classified too. */
  result = find_result (f->store, "f1-2025.r01.race", "sainz", NULL);
  g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_DNF);
  g_assert_cmpint (pd_result_get_position (result), ==, 0);
  g_assert_cmpstr (pd_result_get_entry_id (result), ==, "f1-2025.williams.sainz");
  g_clear_object (&result);
  result = find_result (f->store, "f1-2025.r01.race", "hamilton", NULL);
  g_assert_cmpstr (pd_result_get_entry_id (result), ==, "f1-2025.ferrari.hamilton");
  g_assert_cmpint (pd_result_get_position (result), ==, 10);
  g_clear_object (&result);

  /* Drivers and teams, with nationalities as ISO codes. */
  driver = get_record (f->store, PD_TYPE_DRIVER, "gonzalez");
  g_assert_cmpstr (pd_driver_get_first_name (driver), ==, "José Froilán");
  g_assert_cmpstr (pd_driver_get_last_name (driver), ==, "González");
  g_assert_cmpstr (pd_driver_get_nationality (driver), ==, "AR");
  g_clear_object (&driver);
  driver = get_record (f->store, PD_TYPE_DRIVER, "leclerc");
  g_assert_cmpstr (pd_driver_get_nationality (driver), ==, "MC");
  g_clear_object (&driver);
  driver = get_record (f->store, PD_TYPE_DRIVER, "nobody");
  g_assert_null (pd_driver_get_first_name (driver));
  g_assert_null (pd_driver_get_nationality (driver));
  team = get_record (f->store, PD_TYPE_TEAM, "haas");
  g_assert_cmpstr (pd_team_get_name (team), ==, "Haas F1 Team");
  g_assert_cmpstr (pd_team_get_nationality (team), ==, "US");
}

/* Importing the same files again changes nothing. */
static void
test_twice (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *dir = make_variant (f, NULL);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  PdErgastStats stats1 = { 0 }, stats2 = { 0 };

  import_ok (f->store, dir, &stats1);
  first = pd_test_dump_database (f->path);
  import_ok (f->store, dir, &stats2);
  second = pd_test_dump_database (f->path);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpuint (stats1.results, ==, stats2.results);
  g_assert_cmpuint (stats1.entries, ==, stats2.entries);
  /* The second time, every circuit is already there. */
  g_assert_cmpuint (stats2.circuits_kept, ==, stats2.circuits);
}

/* A circuit the user already has stays as they made it, and its zone
 * is the one the sessions' days are reckoned in. */
static void
test_keeps_circuit (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = make_variant (f, NULL);
  g_autoptr(PdCircuit) mine = pd_circuit_new ();
  g_autoptr(PdCircuit) after = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autoptr(GError) error = NULL;
  PdErgastStats stats = { 0 };

  pd_circuit_set_id (mine, "monza");
  pd_circuit_set_name (mine, "My Monza");
  /* Far enough west (UTC-11) that the 10:30Z practice is on the day
   * before. */
  pd_circuit_set_zone (mine, "Pacific/Pago_Pago");
  pd_circuit_set_length_m (mine, 5793);
  g_assert_true (pd_store_save (f->store, G_OBJECT (mine), &error));
  g_assert_no_error (error);

  import_ok (f->store, dir, &stats);
  g_assert_cmpuint (stats.circuits_kept, ==, 1);

  after = get_record (f->store, PD_TYPE_CIRCUIT, "monza");
  g_assert_cmpstr (pd_circuit_get_name (after), ==, "My Monza");
  g_assert_cmpstr (pd_circuit_get_zone (after), ==, "Pacific/Pago_Pago");
  g_assert_cmpint (pd_circuit_get_length_m (after), ==, 5793);
  g_assert_null (pd_circuit_get_country_code (after));

  /* 2024-08-31T10:30Z is 23:30 on the 30th in Pago Pago. */
  session = get_record (f->store, PD_TYPE_SESSION, "f1-2024.r16.fp3");
  g_assert_cmpstr (pd_session_get_start_date (session), ==, "2024-08-30");
  g_clear_object (&session);
  /* 2024-08-30T11:30Z is 00:30 on the 30th. */
  session = get_record (f->store, PD_TYPE_SESSION, "f1-2024.r16.fp1");
  g_assert_cmpstr (pd_session_get_start_date (session), ==, "2024-08-30");
}

/* A circuit missing from the zone table goes in when the user already
 * has it, with its own zone. */
static void
test_unknown_circuit_stored (Fixture       *f,
                             gconstpointer  data)
{
  g_autofree char *dir = make_variant (f, "unknown-zone");
  g_autoptr(PdCircuit) madring = pd_circuit_new ();
  g_autoptr(PdCircuit) after = NULL;
  g_autoptr(GError) error = NULL;

  pd_circuit_set_id (madring, "madring");
  pd_circuit_set_name (madring, "Madring");
  pd_circuit_set_zone (madring, "Europe/Madrid");
  g_assert_true (pd_store_save (f->store, G_OBJECT (madring), &error));
  g_assert_no_error (error);

  import_ok (f->store, dir, NULL);
  after = get_record (f->store, PD_TYPE_CIRCUIT, "madring");
  g_assert_cmpstr (pd_circuit_get_zone (after), ==, "Europe/Madrid");
  g_assert_cmpuint (count_rows (f->path, "circuit"), ==, 6);
}

/* qualifying.csv is optional. */
static void
test_no_qualifying (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *dir = make_variant (f, NULL);
  g_autofree char *qualifying = g_build_filename (dir, "qualifying.csv", NULL);
  const char * const melbourne[] = { "race", NULL };
  const char * const monza[] = { "fp1", "fp2", "fp3", "quali", "race", NULL };
  PdErgastStats stats = { 0 };

  g_assert_cmpint (g_unlink (qualifying), ==, 0);
  import_ok (f->store, dir, &stats);
  g_assert_cmpuint (stats.qualifying_results, ==, 0);
  g_assert_cmpuint (stats.results, ==, 29);
  g_assert_cmpuint (count_rows (f->path, "result"), ==, 29);
  /* Without its rows, 2025's qualifying has nothing to show it was held;
   * 2024's has its day in races.csv. */
  assert_sessions (f->store, "f1-2025.r01", melbourne);
  assert_sessions (f->store, "f1-2024.r16", monza);
}

/* Errors */

typedef struct {
  const char *variant;
  const char *file;
  guint       line;        /* 0: the message names no line */
  GQuark    (*domain) (void);
  int         code;
  const char *also;        /* (nullable) must appear in the English message too */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "unterminated-quote", "qualifying.csv", 9, pd_csv_error_quark, PD_CSV_ERROR_UNTERMINATED_QUOTE, NULL },
  { "stray-quote", "results.csv", 14, pd_csv_error_quark, PD_CSV_ERROR_STRAY_QUOTE, NULL },
  { "invalid-utf8", "drivers.csv", 8, pd_csv_error_quark, PD_CSV_ERROR_INVALID_UTF8, NULL },
  { "unknown-race", "results.csv", 18, pd_ergast_error_quark, PD_ERGAST_ERROR_REFERENCE, "9999" },
  { "unknown-status", "results.csv", 3, pd_ergast_error_quark, PD_ERGAST_ERROR_REFERENCE, "777" },
  { "bad-round", "races.csv", 5, pd_ergast_error_quark, PD_ERGAST_ERROR_VALUE, "sixteen" },
  { "bad-lap-time", "results.csv", 15, pd_ergast_error_quark, PD_ERGAST_ERROR_VALUE, "1:81.432" },
  { "bad-position-text", "results.csv", 22, pd_ergast_error_quark, PD_ERGAST_ERROR_VALUE, "“X”" },
  { "duplicate-round", "races.csv", 6, pd_ergast_error_quark, PD_ERGAST_ERROR_DUPLICATE, " 5" },
  { "unknown-zone", "circuits.csv", 7, pd_ergast_error_quark, PD_ERGAST_ERROR_NO_ZONE, "madring" },
  { "too-many-fields", "sprint_results.csv", 3, pd_ergast_error_quark, PD_ERGAST_ERROR_FORMAT, NULL },
  { "missing-column", "constructors.csv", 1, pd_ergast_error_quark, PD_ERGAST_ERROR_FORMAT, "“name”" },
};

static gboolean
import_variant (PdStore     *store,
                const char  *dir,
                const char  *messages_locale,
                GError     **error)
{
  g_autofree char *saved = g_strdup (setlocale (LC_MESSAGES, NULL));
  gboolean ok;

  g_assert_nonnull (setlocale (LC_MESSAGES, messages_locale));
  ok = pd_ergast_import (store, dir, NULL, error);
  setlocale (LC_MESSAGES, saved);
  return ok;
}

static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  const ErrorCase *c = data;
  g_autofree char *dir = make_variant (f, c->variant);
  g_autofree char *good = make_variant (f, NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *place = g_strdup_printf ("%s, line %u: ", c->file, c->line);
  g_autofree char *line_tag = g_strdup_printf (" %u:", c->line);
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) english = NULL;

  /* An empty database stays empty: the files before the broken one, and
   * the rows before the broken one, are all rolled back. */
  before = pd_test_dump_database (f->path);
  g_assert_false (pd_ergast_import (f->store, dir, NULL, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", c->variant, error->message);
  g_assert_error (error, c->domain (), c->code);
  after = pd_test_dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_rows (f->path, "series"), ==, 0);

  /* In the tests' locale, the message names the file and the line. */
  g_assert_nonnull (strstr (error->message, c->file));
  g_assert_nonnull (strstr (error->message, line_tag));

  /* In English, exactly as "results.csv, line 1234: …". */
  g_assert_false (import_variant (f->store, dir, "en_US.UTF-8", &english));
  g_test_message ("in English: %s", english->message);
  if (!g_str_has_prefix (english->message, place))
    g_error ("“%s” does not start with “%s”", english->message, place);
  g_assert_cmpuint (strlen (english->message), >, strlen (place));
  if (c->also != NULL && strstr (english->message, c->also) == NULL)
    g_error ("“%s” does not say “%s”", english->message, c->also);

  /* Over a database that holds the good files, nothing changes either. */
  import_ok (f->store, good, NULL);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  g_clear_error (&error);
  before = pd_test_dump_database (f->path);
  g_assert_false (pd_ergast_import (f->store, dir, NULL, &error));
  g_assert_error (error, c->domain (), c->code);
  after = pd_test_dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* A file that is not there is named, and nothing is stored. */
static void
test_missing_file (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = make_variant (f, NULL);
  g_autofree char *results = g_build_filename (dir, "results.csv", NULL);
  g_autofree char *before = pd_test_dump_database (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_unlink (results), ==, 0);
  g_assert_false (pd_ergast_import (f->store, dir, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "results.csv"));
  after = pd_test_dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
}

/* The tables */

static void
test_tables (Fixture       *f,
             gconstpointer  data)
{
  /* Every zone of the table is one the system knows. */
  const char * const refs[] = {
    "monza", "catalunya", "spa", "albert_park", "americas", "baku", "indianapolis",
    "interlagos", "villeneuve", "yas_marina", "vegas", "ain-diab", NULL
  };
  const char * const zones[] = {
    "Europe/Rome", "Europe/Madrid", "Europe/Brussels", "Australia/Melbourne", "America/Chicago",
    "Asia/Baku", "America/Indiana/Indianapolis", "America/Sao_Paulo", "America/Toronto",
    "Asia/Dubai", "America/Los_Angeles", "Africa/Casablanca", NULL
  };

  for (guint i = 0; refs[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimeZone) tz = NULL;

      g_assert_cmpstr (pd_ergast_circuit_zone (refs[i]), ==, zones[i]);
      tz = pd_time_zone_new (zones[i], &error);
      g_assert_no_error (error);
    }
  g_assert_null (pd_ergast_circuit_zone ("madring"));
  g_assert_null (pd_ergast_circuit_zone (NULL));

  g_assert_cmpstr (pd_ergast_country_code ("UK"), ==, "GB");
  g_assert_cmpstr (pd_ergast_country_code ("UAE"), ==, "AE");
  g_assert_cmpstr (pd_ergast_country_code ("United States"), ==, "US");
  g_assert_null (pd_ergast_country_code ("Atlantis"));

  g_assert_cmpstr (pd_ergast_nationality_code ("British"), ==, "GB");
  g_assert_cmpstr (pd_ergast_nationality_code ("German"), ==, "DE");
  g_assert_cmpstr (pd_ergast_nationality_code ("Argentinian "), ==, "AR");
  g_assert_cmpstr (pd_ergast_nationality_code ("New Zealander"), ==, "NZ");
  g_assert_cmpstr (pd_ergast_nationality_code ("Monegasque"), ==, "MC");
  g_assert_null (pd_ergast_nationality_code ("Atlantean"));
  g_assert_null (pd_ergast_nationality_code (NULL));
}

/* The whole real history */

static char *
real_dir (void)
{
  const char *dir = g_getenv ("PADDOCK_ERGAST_DIR");
  g_autofree char *races = NULL;

  /* Never skipped: the data is beside every clone, in CI too. */
  if (dir == NULL || *dir == '\0')
    g_error ("PADDOCK_ERGAST_DIR is not set (tests/meson.build sets it to ../shared/data/ergast)");
  races = g_build_filename (dir, "races.csv", NULL);
  if (!g_file_test (races, G_FILE_TEST_IS_REGULAR))
    g_error ("PADDOCK_ERGAST_DIR=%s holds no races.csv", dir);
  return g_strdup (dir);
}

static PdRound *
find_round (PdStore    *store,
            const char *season_id,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rounds = pd_store_list_rounds (store, season_id, &error);
  PdRound *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);

      if (g_str_equal (pd_round_get_name (round), name))
        {
          g_assert_null (found);
          found = g_object_ref (round);
        }
    }
  if (found == NULL)
    g_error ("no round “%s” in %s", name, season_id);
  return found;
}

static void
test_full_history (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *dir = real_dir ();
  g_autoptr(GListModel) seasons = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdRound) round = NULL;
  g_autoptr(PdCircuit) circuit = NULL;
  g_autoptr(PdResult) result = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autofree char *race_id = NULL;
  g_autofree char *start = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  PdErgastStats stats = { 0 };
  guint n_rounds = 0;
  gint64 t0;

  t0 = g_get_monotonic_time ();
  import_ok (f->store, dir, &stats);
  g_test_message ("full import: %.2f s, %u seasons, %u rounds, %u sessions, %u entries, %u results",
                  (g_get_monotonic_time () - t0) / 1e6, stats.seasons, stats.rounds,
                  stats.sessions, stats.entries, stats.results);

  g_assert_cmpuint (stats.seasons, ==, 76);
  g_assert_cmpuint (stats.circuits, ==, 77);
  g_assert_cmpuint (stats.race_results, ==, 27118);
  g_assert_cmpuint (stats.sprint_results, ==, 420);
  g_assert_cmpuint (stats.qualifying_results, ==, 10854);
  g_assert_cmpuint (count_rows (f->path, "result"), ==, 27118 + 420 + 10854);

  /* f1-1950 … f1-2025, and 1,125 races from 1950 to 2024. */
  seasons = pd_store_list_seasons (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 76);
  for (int year = 1950; year <= 2025; year++)
    {
      g_autofree char *id = g_strdup_printf ("f1-%d", year);
      g_autoptr(PdSeason) season = get_record (f->store, PD_TYPE_SEASON, id);
      g_autoptr(GListModel) rounds = pd_store_list_rounds (f->store, id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (pd_season_get_year (season), ==, year);
      if (year <= 2024)
        n_rounds += g_list_model_get_n_items (rounds);
      else
        g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 24);
    }
  g_assert_cmpuint (n_rounds, ==, 1125);

  /* 2008, round 18: the Brazilian Grand Prix at Interlagos, where
   * Hamilton's fifth place made him champion. */
  round = get_record (f->store, PD_TYPE_ROUND, "f1-2008.r18");
  g_assert_cmpstr (pd_round_get_name (round), ==, "Brazilian Grand Prix");
  g_assert_cmpstr (pd_round_get_circuit_id (round), ==, "interlagos");
  circuit = get_record (f->store, PD_TYPE_CIRCUIT, "interlagos");
  g_assert_cmpstr (pd_circuit_get_zone (circuit), ==, "America/Sao_Paulo");
  result = find_result (f->store, "f1-2008.r18.race", "hamilton", NULL);
  g_assert_cmpint (pd_result_get_position (result), ==, 5);
  g_assert_cmpint (pd_result_get_status (result), ==, PD_RESULT_STATUS_CLASSIFIED);
  g_clear_object (&result);
  g_clear_object (&round);

  /* The 2024 Abu Dhabi race, at 13:00 UTC. */
  round = find_round (f->store, "f1-2024", "Abu Dhabi Grand Prix");
  race_id = g_strdup_printf ("%s.race", pd_round_get_id (round));
  session = get_record (f->store, PD_TYPE_SESSION, race_id);
  start = format_start (session);
  g_assert_cmpstr (start, ==, "2024-12-08T13:00:00Z");
  g_clear_object (&round);

  /* 1951 French GP: car #8 shared by Fagioli and Fangio, both first. */
  round = find_round (f->store, "f1-1951", "French Grand Prix");
  g_clear_pointer (&race_id, g_free);
  race_id = g_strdup_printf ("%s.race", pd_round_get_id (round));
  assert_shared_car (f->store, race_id, "8", 1, "fagioli", "fangio");

  /* And again: nothing changes. */
  first = pd_test_dump_database (f->path);
  t0 = g_get_monotonic_time ();
  import_ok (f->store, dir, NULL);
  g_test_message ("second full import: %.2f s", (g_get_monotonic_time () - t0) / 1e6);
  second = pd_test_dump_database (f->path);
  g_assert_true (g_str_equal (first, second));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PADDOCK_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL && *localedir != '\0')
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  add_test ("/ergast/fixture", test_fixture, NULL);
  add_test ("/ergast/twice", test_twice, NULL);
  add_test ("/ergast/keeps-circuit", test_keeps_circuit, NULL);
  add_test ("/ergast/unknown-circuit-stored", test_unknown_circuit_stored, NULL);
  add_test ("/ergast/no-qualifying", test_no_qualifying, NULL);
  add_test ("/ergast/tables", test_tables, NULL);
  add_test ("/ergast/error/missing-file", test_missing_file, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ergast/error/%s", error_cases[i].variant);

      add_test (path, test_error, &error_cases[i]);
    }
  /* The whole history: too many records for the slow unwinder. */
  pd_test_add_fixture ("/ergast/full-history", &fixture_options, test_full_history, NULL,
                       PD_TEST_FAST_UNWIND);

  return g_test_run ();
}
