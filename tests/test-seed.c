/* The embedded GT4 European Series 2023, checked fact by fact from a new
 * database (never from the JSON file).
 *
 * Every expected value comes from the sources the issue names:
 * - the Swedish release before Barcelona (shared/seeds/000_…): calendar,
 *   Barcelona timetable "alla tidsangivelser avser svensk tid", 43 cars,
 *   4,655 km and 14 turns;
 * - the English release after Spa (shared/seeds/004_…): days of the Spa
 *   sessions, the Bäckmans' results, 62 cars, the +11 s penalty;
 * - season-facts.json: Vallelunga cancelled, the classes;
 * - public facts about the circuits: their IANA zones.
 * Swedish time in late September is CEST, +02:00, so 11:20 there is
 * 09:20 UTC. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "pd-database.h"
#include "pd-store.h"
#include "pd-test.h"

/* The harness (a child process and a TMPDIR per test, the folder with
 * its database) is pd-test.c's. */

typedef PdTestFixture Fixture;

/* Every test starts from a database the fixture has just created. */
static void
assert_created (Fixture *f)
{
  g_assert_true (pd_store_get_was_created (f->store));
}

static const PdTestFixtureOptions fixture_options = {
  .name = "seed",
  .store = PD_TEST_STORE_SEEDED,
  .after_set_up = assert_created,
};

static void
add_test (const char        *path,
          PdTestFixtureFunc  func,
          gconstpointer      data)
{
  pd_test_add_fixture (path, &fixture_options, func, data, PD_TEST_FLAGS_NONE);
}

static gint64
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static PdRound *
round_by_number (PdStore *store,
                 int      number)
{
  return pd_test_round_by_number (store, PD_DEFAULT_SEASON_ID, number);
}

static GListModel *
sessions_of (PdStore *store,
             PdRound *round)
{
  g_autoptr(GError) error = NULL;
  GListModel *sessions = pd_store_list_sessions (store, pd_round_get_id (round), &error);

  g_assert_no_error (error);
  g_assert_nonnull (sessions);
  return sessions;
}

static PdSession *
session_named (GListModel *sessions,
               const char *name)
{
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);

      if (g_strcmp0 (pd_session_get_name (session), name) == 0)
        return g_steal_pointer (&session);
    }
  g_error ("no session named “%s”", name);
  return NULL;
}

static void
assert_start (PdSession  *session,
              const char *expected_utc)
{
  GDateTime *start = pd_session_get_start_utc (session);

  if (expected_utc == NULL)
    g_assert_null (start);
  else
    {
      g_autofree char *text = NULL;

      g_assert_nonnull (start);
      text = g_date_time_format (start, "%Y-%m-%dT%H:%M:%SZ");
      g_assert_cmpint (g_date_time_get_utc_offset (start), ==, 0);
      g_assert_cmpstr (text, ==, expected_utc);
    }
}

/* The season and its rounds */

static void
test_season (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSeason) season = pd_store_get (f->store, PD_TYPE_SEASON, "gt4-european-2023", &error);
  g_autoptr(GListModel) seasons = pd_store_list_seasons (f->store, &error);

  g_assert_no_error (error);
  g_assert_nonnull (season);
  g_assert_cmpstr (PD_DEFAULT_SEASON_ID, ==, "gt4-european-2023");
  g_assert_cmpint (pd_season_get_year (season), ==, 2023);
  g_assert_nonnull (strstr (pd_season_get_name (season), "GT4 European Series"));
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 1);
}

typedef struct {
  int         number;
  const char *name;
  const char *start;
  const char *end;
  const char *zone;
  const char *country;
} RoundFact;

/* The calendar of both releases, with the countries they give. */
static const RoundFact calendar[] = {
  { 1, "Monza", "2023-04-21", "2023-04-23", "Europe/Rome", "Italy" },
  { 2, "Paul Ricard", "2023-06-02", "2023-06-04", "Europe/Paris", "France" },
  { 3, "Spa-Francorchamps", "2023-06-29", "2023-07-02", "Europe/Brussels", "Belgium" },
  { 4, "Misano", "2023-07-14", "2023-07-16", "Europe/Rome", "Italy" },
  { 5, "Hockenheim", "2023-09-01", "2023-09-03", "Europe/Berlin", "Germany" },
  { 6, "Barcelona", "2023-09-29", "2023-10-01", "Europe/Madrid", "Spain" },
};

static void
test_rounds (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rounds = pd_store_list_rounds (f->store, PD_DEFAULT_SEASON_ID, &error);
  guint n_championship = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);
      n_championship += pd_round_get_number (round) > 0;
    }
  g_assert_cmpuint (n_championship, ==, 6);

  for (guint i = 0; i < G_N_ELEMENTS (calendar); i++)
    {
      const RoundFact *fact = &calendar[i];
      g_autoptr(PdRound) round = round_by_number (f->store, fact->number);
      g_autoptr(PdCircuit) circuit = NULL;

      g_test_message ("round %d", fact->number);
      g_assert_nonnull (strstr (pd_round_get_name (round), fact->name));
      g_assert_cmpstr (pd_round_get_start_date (round), ==, fact->start);
      g_assert_cmpstr (pd_round_get_end_date (round), ==, fact->end);
      g_assert_cmpint (pd_round_get_status (round), ==, PD_ROUND_STATUS_SCHEDULED);
      g_assert_cmpstr (pd_round_get_season_id (round), ==, PD_DEFAULT_SEASON_ID);

      circuit = pd_store_get (f->store, PD_TYPE_CIRCUIT, pd_round_get_circuit_id (round), &error);
      g_assert_no_error (error);
      g_assert_cmpstr (pd_circuit_get_zone (circuit), ==, fact->zone);
      g_assert_cmpstr (pd_circuit_get_country (circuit), ==, fact->country);
    }
}

static void
test_vallelunga (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GListModel) rounds = pd_store_list_rounds (f->store, PD_DEFAULT_SEASON_ID, NULL);
  g_autoptr(PdRound) vallelunga = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);

      if (strstr (pd_round_get_name (round), "Vallelunga") != NULL)
        {
          g_assert_null (vallelunga);
          vallelunga = g_steal_pointer (&round);
        }
    }

  g_assert_nonnull (vallelunga);
  /* Not a championship round, and cancelled (season-facts.json). */
  g_assert_cmpint (pd_round_get_number (vallelunga), ==, 0);
  g_assert_cmpint (pd_round_get_status (vallelunga), ==, PD_ROUND_STATUS_CANCELLED);
  g_assert_cmpstr (pd_round_get_start_date (vallelunga), ==, "2023-10-28");
  g_assert_cmpstr (pd_round_get_end_date (vallelunga), ==, "2023-10-29");
  /* 7 rounds in all: six and Vallelunga. */
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 7);
}

static void
test_classes (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) classes = pd_store_list_classes (f->store, PD_DEFAULT_SEASON_ID, &error);
  const char * const names[] = { "Silver", "Pro-Am", "Am" };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (classes), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(PdClass) klass = g_list_model_get_item (classes, i);
      g_assert_cmpstr (pd_class_get_name (klass), ==, names[i]);
    }
}

static void
test_barcelona_circuit (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PdRound) round = round_by_number (f->store, 6);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdCircuit) circuit = pd_store_get (f->store, PD_TYPE_CIRCUIT, pd_round_get_circuit_id (round), &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (pd_circuit_get_name (circuit), "Barcelona"));
  g_assert_cmpstr (pd_circuit_get_zone (circuit), ==, "Europe/Madrid");
  /* "Längd: 4,655 km", "Antal kurvor: 14". */
  g_assert_cmpint (pd_circuit_get_length_m (circuit), ==, 4655);
  g_assert_cmpint (pd_circuit_get_turns (circuit), ==, 14);
  g_assert_cmpstr (pd_circuit_get_country (circuit), ==, "Spain");
  g_assert_cmpstr (pd_circuit_get_country_code (circuit), ==, "ES");
  /* Montmeló, near Barcelona. */
  g_assert_cmpfloat (pd_circuit_get_latitude (circuit), >, 41.0);
  g_assert_cmpfloat (pd_circuit_get_latitude (circuit), <, 42.0);
  g_assert_cmpfloat (pd_circuit_get_longitude (circuit), >, 2.0);
  g_assert_cmpfloat (pd_circuit_get_longitude (circuit), <, 2.5);
}

/* Barcelona's timetable, "alla tidsangivelser avser svensk tid". */
static void
test_barcelona_sessions (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(PdRound) round = round_by_number (f->store, 6);
  g_autoptr(GListModel) sessions = sessions_of (f->store, round);
  struct {
    const char   *name;
    PdSessionKind kind;
    const char   *utc;          /* NULL: the time is not known */
    const char   *date;
    int           minutes;
    gboolean      driver_change;
  } expected[] = {
    { "Free Practice 1", PD_SESSION_KIND_PRACTICE, "2023-09-29T09:20:00Z", "2023-09-29", 60, FALSE },
    { "Free Practice 2", PD_SESSION_KIND_PRACTICE, "2023-09-29T13:40:00Z", "2023-09-29", 60, FALSE },
    { "Qualifying 1", PD_SESSION_KIND_QUALIFYING, "2023-09-30T09:25:00Z", "2023-09-30", 20, FALSE },
    { "Qualifying 2", PD_SESSION_KIND_QUALIFYING, NULL, "2023-09-30", 20, FALSE },
    { "Race 1", PD_SESSION_KIND_RACE, "2023-09-30T14:50:00Z", "2023-09-30", 60, TRUE },
    { "Race 2", PD_SESSION_KIND_RACE, "2023-10-01T09:20:00Z", "2023-10-01", 60, TRUE },
  };

  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      /* In the order of the weekend. */
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);

      g_test_message ("%s", expected[i].name);
      g_assert_cmpstr (pd_session_get_name (session), ==, expected[i].name);
      g_assert_cmpint (pd_session_get_kind (session), ==, expected[i].kind);
      assert_start (session, expected[i].utc);
      g_assert_cmpstr (pd_session_get_start_date (session), ==, expected[i].date);
      g_assert_cmpint (pd_session_get_duration_min (session), ==, expected[i].minutes);
      g_assert_cmpint (pd_session_get_driver_change (session), ==, expected[i].driver_change);
      g_assert_cmpint (pd_session_get_status (session), ==, PD_SESSION_STATUS_SCHEDULED);
      g_assert_cmpstr (pd_session_get_round_id (session), ==, pd_round_get_id (round));
    }

  g_assert_cmpint (pd_round_get_field_size (round), ==, 43);
}

static void
test_barcelona_race1_in_zones (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(PdRound) round = round_by_number (f->store, 6);
  g_autoptr(GListModel) sessions = sessions_of (f->store, round);
  g_autoptr(PdSession) race1 = session_named (sessions, "Race 1");
  g_autoptr(PdCircuit) circuit = pd_store_get (f->store, PD_TYPE_CIRCUIT, pd_round_get_circuit_id (round), NULL);
  g_autoptr(GTimeZone) track = g_time_zone_new_identifier (pd_circuit_get_zone (circuit));
  g_autoptr(GTimeZone) sweden = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) at_track = g_date_time_to_timezone (pd_session_get_start_utc (race1), track);
  g_autoptr(GDateTime) in_sweden = g_date_time_to_timezone (pd_session_get_start_utc (race1), sweden);
  g_autofree char *track_text = g_date_time_format (at_track, "%H:%M %:z");
  g_autofree char *sweden_text = g_date_time_format (in_sweden, "%H:%M");

  g_assert_cmpstr (track_text, ==, "16:50 +02:00");
  /* As the release says: 16:50 Swedish time. */
  g_assert_cmpstr (sweden_text, ==, "16:50");
}

/* The English release gives Spa's days but not its times. */
static void
test_spa_sessions (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PdRound) round = round_by_number (f->store, 3);
  g_autoptr(GListModel) sessions = sessions_of (f->store, round);
  struct { const char *name; const char *date; } expected[] = {
    { "Free Practice 1", "2023-06-29" },   /* Thursday */
    { "Free Practice 2", "2023-06-29" },
    { "Qualifying 1", "2023-06-30" },      /* Friday morning */
    { "Qualifying 2", "2023-06-30" },
    { "Race 1", "2023-07-01" },            /* Saturday evening */
    { "Race 2", "2023-07-02" },            /* Sunday */
  };

  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);

      g_assert_cmpstr (pd_session_get_name (session), ==, expected[i].name);
      g_assert_null (pd_session_get_start_utc (session));
      g_assert_cmpstr (pd_session_get_start_date (session), ==, expected[i].date);
    }
  g_assert_cmpint (pd_round_get_field_size (round), ==, 62);
}

/* Only Barcelona's times were published: no other round has one. */
static void
test_no_invented_times (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GListModel) rounds = pd_store_list_rounds (f->store, PD_DEFAULT_SEASON_ID, NULL);
  guint n_timed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);
      g_autoptr(GListModel) sessions = sessions_of (f->store, round);

      for (guint j = 0; j < g_list_model_get_n_items (sessions); j++)
        {
          g_autoptr(PdSession) session = g_list_model_get_item (sessions, j);

          if (pd_session_get_start_utc (session) != NULL)
            {
              g_assert_cmpint (pd_round_get_number (round), ==, 6);
              n_timed++;
            }
        }
    }
  g_assert_cmpuint (n_timed, ==, 5);
}

/* The Bäckman siblings' car */

static PdEntry *
find_backman_entry (PdStore *store)
{
  g_autoptr(GListModel) entries = pd_store_list_entries (store, PD_DEFAULT_SEASON_ID, NULL);
  PdEntry *found = NULL;

  g_assert_nonnull (entries);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PdEntry) entry = g_list_model_get_item (entries, i);
      const char * const *crew = pd_entry_get_crew_ids (entry);

      for (guint c = 0; crew != NULL && crew[c] != NULL; c++)
        {
          g_autoptr(PdDriver) driver = pd_store_get (store, PD_TYPE_DRIVER, crew[c], NULL);

          g_assert_nonnull (driver);
          if (g_strcmp0 (pd_driver_get_last_name (driver), "B\xc3\xa4" "ckman") == 0)
            {
              g_assert_true (found == NULL || found == entry);
              if (found == NULL)
                found = g_object_ref (entry);
            }
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
test_backman_entry (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(PdEntry) entry = find_backman_entry (f->store);
  g_autoptr(PdClass) klass = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *crew = pd_entry_get_crew_ids (entry);
  gboolean has_andreas = FALSE, has_jessica = FALSE;

  klass = pd_store_get (f->store, PD_TYPE_CLASS, pd_entry_get_class_id (entry), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_class_get_name (klass), ==, "Silver");
  g_assert_cmpstr (pd_entry_get_car_model (entry), ==, "Aston Martin Vantage GT4");
  /* Neither release gives the car's number. */
  g_assert_true (pd_entry_get_number (entry) == NULL || *pd_entry_get_number (entry) == '\0');

  g_assert_cmpuint (g_strv_length ((char **) crew), ==, 2);
  for (guint i = 0; crew[i] != NULL; i++)
    {
      g_autoptr(PdDriver) driver = pd_store_get (f->store, PD_TYPE_DRIVER, crew[i], &error);

      g_assert_no_error (error);
      g_assert_cmpstr (pd_driver_get_last_name (driver), ==, "Bäckman");
      g_assert_true (g_utf8_validate (pd_driver_get_last_name (driver), -1, NULL));
      has_andreas |= g_strcmp0 (pd_driver_get_first_name (driver), "Andreas") == 0;
      has_jessica |= g_strcmp0 (pd_driver_get_first_name (driver), "Jessica") == 0;
    }
  g_assert_true (has_andreas);
  g_assert_true (has_jessica);
}

static PdResult *
backman_result (PdStore    *store,
                GListModel *sessions,
                const char *session_name,
                PdEntry    *entry)
{
  g_autoptr(PdSession) session = session_named (sessions, session_name);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = pd_store_list_results (store, pd_session_get_id (session), &error);
  PdResult *found = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);

      if (g_strcmp0 (pd_result_get_entry_id (result), pd_entry_get_id (entry)) == 0)
        {
          g_assert_null (found);
          found = g_steal_pointer (&result);
        }
    }
  if (found == NULL)
    g_error ("no Bäckman result in %s", session_name);
  return found;
}

static char *
driver_first_name (PdStore    *store,
                   const char *id)
{
  g_autoptr(PdDriver) driver = pd_store_get (store, PD_TYPE_DRIVER, id, NULL);

  g_assert_nonnull (driver);
  return g_strdup (pd_driver_get_first_name (driver));
}

static GListModel *
penalties_of (PdStore  *store,
              PdResult *result)
{
  g_autoptr(GError) error = NULL;
  GListModel *penalties = pd_store_list_penalties (store, pd_result_get_id (result), &error);

  g_assert_no_error (error);
  return penalties;
}

static void
test_backman_spa_results (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PdEntry) entry = find_backman_entry (f->store);
  g_autoptr(PdRound) spa = round_by_number (f->store, 3);
  g_autoptr(GListModel) sessions = sessions_of (f->store, spa);
  g_autoptr(PdResult) fp1 = backman_result (f->store, sessions, "Free Practice 1", entry);
  g_autoptr(PdResult) fp2 = backman_result (f->store, sessions, "Free Practice 2", entry);
  g_autoptr(PdResult) q1 = backman_result (f->store, sessions, "Qualifying 1", entry);
  g_autoptr(PdResult) q2 = backman_result (f->store, sessions, "Qualifying 2", entry);
  g_autoptr(PdResult) race1 = backman_result (f->store, sessions, "Race 1", entry);
  g_autoptr(PdResult) race2 = backman_result (f->store, sessions, "Race 2", entry);
  g_autoptr(GListModel) penalties = NULL;
  g_autofree char *q1_driver = NULL;
  g_autofree char *q2_driver = NULL;

  /* "Free practice 1: 20th place", "Free practice 2: 3rd place", in the
   * Silver class; no overall position is given. */
  g_assert_cmpint (pd_result_get_class_position (fp1), ==, 20);
  g_assert_cmpint (pd_result_get_position (fp1), ==, 0);
  g_assert_cmpint (pd_result_get_class_position (fp2), ==, 3);
  g_assert_cmpint (pd_result_get_position (fp2), ==, 0);

  /* "Andreas qualified 15th overall", 10th in class. */
  g_assert_cmpint (pd_result_get_position (q1), ==, 15);
  g_assert_cmpint (pd_result_get_class_position (q1), ==, 10);
  g_assert_cmpuint (g_strv_length ((char **) pd_result_get_driver_ids (q1)), ==, 1);
  q1_driver = driver_first_name (f->store, pd_result_get_driver_ids (q1)[0]);
  g_assert_cmpstr (q1_driver, ==, "Andreas");
  penalties = penalties_of (f->store, q1);
  g_assert_cmpuint (g_list_model_get_n_items (penalties), ==, 0);
  g_clear_object (&penalties);

  /* Jessica: 34th overall, 24th in class, her best lap deleted. */
  g_assert_cmpint (pd_result_get_position (q2), ==, 34);
  g_assert_cmpint (pd_result_get_class_position (q2), ==, 24);
  g_assert_cmpuint (g_strv_length ((char **) pd_result_get_driver_ids (q2)), ==, 1);
  q2_driver = driver_first_name (f->store, pd_result_get_driver_ids (q2)[0]);
  g_assert_cmpstr (q2_driver, ==, "Jessica");
  penalties = penalties_of (f->store, q2);
  g_assert_cmpuint (g_list_model_get_n_items (penalties), ==, 1);
  {
    g_autoptr(PdPenalty) penalty = g_list_model_get_item (penalties, 0);
    g_assert_cmpint (pd_penalty_get_kind (penalty), ==, PD_PENALTY_KIND_LAP_DELETED);
  }
  g_clear_object (&penalties);

  /* Race 1: from 15th on the grid to 24th in the Silver class. */
  g_assert_cmpint (pd_result_get_class_position (race1), ==, 24);
  g_assert_cmpint (pd_result_get_grid (race1), ==, 15);
  g_assert_cmpint (pd_result_get_position (race1), ==, 0);

  /* Race 2: 34th on the grid, 18th on the road, +11 s for a pit stop
   * 0.3 s under the minimum, so 26th overall and 20th in class. */
  g_assert_cmpint (pd_result_get_grid (race2), ==, 34);
  g_assert_cmpint (pd_result_get_road_position (race2), ==, 18);
  g_assert_cmpint (pd_result_get_position (race2), ==, 26);
  g_assert_cmpint (pd_result_get_class_position (race2), ==, 20);
  penalties = penalties_of (f->store, race2);
  g_assert_cmpuint (g_list_model_get_n_items (penalties), ==, 1);
  {
    g_autoptr(PdPenalty) penalty = g_list_model_get_item (penalties, 0);
    g_autofree char *reason = g_utf8_strdown (pd_penalty_get_reason (penalty), -1);

    g_assert_cmpint (pd_penalty_get_kind (penalty), ==, PD_PENALTY_KIND_TIME);
    g_assert_cmpint (pd_penalty_get_time_ms (penalty), ==, 11000);
    g_assert_nonnull (strstr (reason, "pit stop"));
  }
}

/* No source gives a total time, a lap count or a lap time. */
static void
test_nothing_invented (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GListModel) sessions = pd_store_list_season_sessions (f->store, PD_DEFAULT_SEASON_ID, NULL);
  guint n_results = 0;

  g_assert_nonnull (sessions);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GListModel) results = pd_store_list_results (f->store, pd_session_get_id (session), NULL);

      for (guint j = 0; j < g_list_model_get_n_items (results); j++)
        {
          g_autoptr(PdResult) result = g_list_model_get_item (results, j);

          n_results++;
          g_assert_cmpint (pd_result_get_laps (result), ==, -1);
          g_assert_cmpint (pd_result_get_total_time_ms (result), ==, -1);
          g_assert_cmpint (pd_result_get_best_lap_ms (result), ==, -1);
        }
    }
  g_assert_cmpuint (n_results, >=, 6);

  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM result WHERE laps IS NOT NULL"
                                       " OR total_time_ms IS NOT NULL OR best_lap_ms IS NOT NULL"), ==, 0);
}

static char *
row_counts (const char *path)
{
  const char * const tables[] = {
    "series", "season", "circuit", "round", "session", "class", "team", "driver",
    "entry", "entry_crew", "result", "penalty",
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", tables[i]);
      g_string_append_printf (out, "%s=%" G_GINT64_FORMAT " ", tables[i], query_int (path, sql));
    }
  return g_string_free (out, FALSE);
}

static void
test_not_seeded_twice (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *before = row_counts (f->path);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  g_clear_object (&f->store);
  f->store = pd_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (pd_store_get_was_created (f->store));
  g_clear_object (&f->store);

  f->store = pd_database_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_false (pd_store_get_was_created (f->store));

  after = row_counts (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (query_int (f->path, "SELECT count(*) FROM season"), ==, 1);
}

/* The path rule of pd_database_open(): PADDOCK_DATABASE, then the data
 * folder (isolated for this test). */
static void
test_open_default_path (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *dir = g_dir_make_tmp ("paddock-test-seed-env-XXXXXX", NULL);
  g_autofree char *env_path = g_build_filename (dir, "from-env.db", NULL);
  g_autofree char *default_path = g_build_filename (g_get_user_data_dir (), "paddock", "paddock.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;

  g_setenv ("PADDOCK_DATABASE", env_path, TRUE);
  store = pd_database_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_store_get_path (store), ==, env_path);
  g_assert_true (g_file_test (env_path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (default_path, G_FILE_TEST_EXISTS));
  g_clear_object (&store);

  g_unsetenv ("PADDOCK_DATABASE");
  store = pd_database_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_store_get_path (store), ==, default_path);
  g_assert_true (g_file_test (default_path, G_FILE_TEST_IS_REGULAR));
  g_clear_object (&store);

  pd_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) add_test ("/seed/" path, func, NULL)

  ADD ("season", test_season);
  ADD ("rounds", test_rounds);
  ADD ("vallelunga", test_vallelunga);
  ADD ("classes", test_classes);
  ADD ("barcelona/circuit", test_barcelona_circuit);
  ADD ("barcelona/sessions", test_barcelona_sessions);
  ADD ("barcelona/race1-in-zones", test_barcelona_race1_in_zones);
  ADD ("spa/sessions", test_spa_sessions);
  ADD ("no-invented-times", test_no_invented_times);
  ADD ("backman/entry", test_backman_entry);
  ADD ("backman/spa-results", test_backman_spa_results);
  ADD ("nothing-invented", test_nothing_invented);
  ADD ("not-seeded-twice", test_not_seeded_twice);
  ADD ("open-default-path", test_open_default_path);

#undef ADD

  return g_test_run ();
}
