/* Tests of the sportstimes calendar import (pd-sportstimes.c), on real
 * calendars copied into tests/data/sportstimes (see its README) and on
 * small documents written here. The expected values are the files' own:
 * their names, slugs and UTC instants, and the lengths of each series'
 * config.json. The tests run in Swedish; names are stored in English. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <string.h>

#include "pd-season-json.h"
#include "pd-sportstimes.h"
#include "pd-store.h"
#include "pd-test.h"

typedef PdTestFixture Fixture;

static const PdTestFixtureOptions empty_options = {
  .name = "sportstimes",
  .store = PD_TEST_STORE_EMPTY,
};

static void
import_text (PdStore            *store,
             const char         *text,
             const char         *season_id,
             const char         *series,
             PdSportstimesStats *stats)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pd_sportstimes_import (store, text, strlen (text), season_id, series, stats, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < stats->problems->len; i++)
    g_test_message ("%s", (const char *) stats->problems->pdata[i]);
}

static void
import_fixture (PdStore            *store,
                const char         *series,
                const char         *year,
                PdSportstimesStats *stats)
{
  g_autofree char *name = g_strconcat (year, ".json", NULL);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "sportstimes", series, name, NULL);
  g_autofree char *season_id = g_strdup_printf ("%s-%s", series, year);
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pd_sportstimes_detect (data, strlen (data)));
  g_assert_cmpstr (pd_sportstimes_guess_series (path), ==, series);
  import_text (store, data, season_id, series, stats);
}

static gpointer
get_ok (PdStore    *store,
        GType       type,
        const char *id)
{
  g_autoptr(GError) error = NULL;
  gpointer record = pd_store_get (store, type, id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (record);
  return record;
}

static GListModel *
rounds_of (PdStore    *store,
           const char *season_id)
{
  g_autoptr(GError) error = NULL;
  GListModel *rounds = pd_store_list_rounds (store, season_id, &error);

  g_assert_no_error (error);
  return rounds;
}

static gint64
utc (const char *text)
{
  g_autoptr(GDateTime) t = g_date_time_new_from_iso8601 (text, NULL);

  g_assert_nonnull (t);
  return g_date_time_to_unix (t);
}

static void
assert_session (PdStore         *store,
                const char      *id,
                const char      *name,
                PdSessionKind    kind,
                const char      *start,
                int              duration,
                PdSessionStatus  status)
{
  g_autoptr(PdSession) session = get_ok (store, PD_TYPE_SESSION, id);

  g_assert_cmpstr (pd_session_get_name (session), ==, name);
  g_assert_cmpint (pd_session_get_kind (session), ==, kind);
  g_assert_nonnull (pd_session_get_start_utc (session));
  g_assert_cmpint (g_date_time_to_unix (pd_session_get_start_utc (session)), ==, utc (start));
  g_assert_cmpint (pd_session_get_duration_min (session), ==, duration);
  g_assert_cmpint (pd_session_get_status (session), ==, status);
}

static char *
export_season (PdStore    *store,
               const char *season_id)
{
  g_autoptr(GError) error = NULL;
  char *text = pd_season_json_export (store, season_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* F1 2023: 22 races numbered 1–24 in the file; 1–22 here, by time. */
static void
test_f1_2023 (Fixture       *f,
              gconstpointer  data)
{
  PdSportstimesStats stats = { 0 };
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(PdRound) first = NULL;
  g_autoptr(PdRound) last = NULL;
  g_autoptr(PdCircuit) circuit = NULL;
  g_autoptr(PdSeason) season = NULL;
  g_autofree char *previous = NULL;

  import_fixture (f->store, "f1", "2023", &stats);
  g_assert_cmpuint (stats.rounds, ==, 22);
  g_assert_cmpuint (stats.sessions, ==, 110);
  g_assert_cmpuint (stats.problems->len, ==, 0);
  pd_sportstimes_stats_clear (&stats);

  season = get_ok (f->store, PD_TYPE_SEASON, "f1-2023");
  g_assert_cmpstr (pd_season_get_series_id (season), ==, "f1");
  g_assert_cmpstr (pd_season_get_name (season), ==, "Formula 1 2023");
  g_assert_cmpint (pd_season_get_year (season), ==, 2023);

  rounds = rounds_of (f->store, "f1-2023");
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 22);
  for (guint i = 0; i < 22; i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);

      /* Listed by day: numbered 1, 2, … 22 in that order. */
      g_assert_cmpint (pd_round_get_number (round), ==, (int) i + 1);
      g_assert_cmpint (pd_round_get_status (round), ==, PD_ROUND_STATUS_SCHEDULED);
      g_assert_true (previous == NULL || strcmp (previous, pd_round_get_start_date (round)) < 0);
      g_free (previous);
      previous = g_strdup (pd_round_get_start_date (round));
    }

  first = pd_test_round_by_number (f->store, "f1-2023", 1);
  g_assert_cmpstr (pd_round_get_id (first), ==, "f1-2023-bahrain-grand-prix");
  g_assert_cmpstr (pd_round_get_name (first), ==, "Bahrain");
  g_assert_cmpstr (pd_round_get_start_date (first), ==, "2023-03-03");
  g_assert_cmpstr (pd_round_get_end_date (first), ==, "2023-03-05");
  circuit = get_ok (f->store, PD_TYPE_CIRCUIT, pd_round_get_circuit_id (first));
  g_assert_cmpstr (pd_circuit_get_name (circuit), ==, "Sakhir");
  g_assert_cmpstr (pd_circuit_get_zone (circuit), ==, "Asia/Bahrain");
  last = pd_test_round_by_number (f->store, "f1-2023", 22);
  g_assert_cmpstr (pd_round_get_name (last), ==, "Abu Dhabi");

  assert_session (f->store, "f1-2023-bahrain-grand-prix-fp1", "Free Practice 1", PD_SESSION_KIND_PRACTICE,
                  "2023-03-03T11:30:00Z", 60, PD_SESSION_STATUS_SCHEDULED);
  assert_session (f->store, "f1-2023-bahrain-grand-prix-gp", "Grand Prix", PD_SESSION_KIND_RACE,
                  "2023-03-05T15:00:00Z", 120, PD_SESSION_STATUS_SCHEDULED);
  /* Las Vegas: the race at 06:00 UTC on Sunday is Saturday night at the
   * track, whose day the round and session have. */
  {
    g_autoptr(PdRound) vegas = get_ok (f->store, PD_TYPE_ROUND, "f1-2023-las-vegas-grand-prix");
    g_autoptr(PdSession) race = get_ok (f->store, PD_TYPE_SESSION, "f1-2023-las-vegas-grand-prix-gp");

    g_assert_cmpint (g_date_time_to_unix (pd_session_get_start_utc (race)), ==, utc ("2023-11-19T06:00:00Z"));
    g_assert_cmpstr (pd_session_get_start_date (race), ==, "2023-11-18");
    g_assert_cmpstr (pd_round_get_end_date (vegas), ==, "2023-11-18");
  }
}

/* F1 2024 is not in round order in the file. */
static void
test_f1_2024_order (Fixture       *f,
                    gconstpointer  data)
{
  static const struct {
    int         number;
    const char *name;
  } expected[] = {
    { 1, "Bahrain" }, { 2, "Saudi Arabian" }, { 3, "Australian" }, { 4, "Japanese" }, { 5, "Chinese" },
    { 6, "Miami" }, { 7, "Emilia Romagna Grand Prix" }, { 8, "Monaco" }, { 24, "Abu Dhabi" },
  };
  PdSportstimesStats stats = { 0 };

  import_fixture (f->store, "f1", "2024", &stats);
  g_assert_cmpuint (stats.rounds, ==, 24);
  g_assert_cmpuint (stats.problems->len, ==, 0);
  pd_sportstimes_stats_clear (&stats);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(PdRound) round = pd_test_round_by_number (f->store, "f1-2024", expected[i].number);

      g_assert_cmpstr (pd_round_get_name (round), ==, expected[i].name);
    }
  /* Sprint weekends: the sprint's qualifying and the sprint, by time. */
  assert_session (f->store, "f1-2024-chinese-grand-prix-sprint-qualifying", "Sprint Qualifying",
                  PD_SESSION_KIND_QUALIFYING, "2024-04-19T07:30:00Z", 45, PD_SESSION_STATUS_SCHEDULED);
  assert_session (f->store, "f1-2024-chinese-grand-prix-sprint", "Sprint", PD_SESSION_KIND_SPRINT,
                  "2024-04-20T03:00:00Z", 30, PD_SESSION_STATUS_SCHEDULED);
  {
    g_autoptr(PdSession) sprint = get_ok (f->store, PD_TYPE_SESSION, "f1-2024-chinese-grand-prix-sprint");
    g_autoptr(PdSession) fp1 = get_ok (f->store, PD_TYPE_SESSION, "f1-2024-chinese-grand-prix-fp1");

    g_assert_cmpint (pd_session_get_position (fp1), ==, 1);
    g_assert_cmpint (pd_session_get_position (sprint), ==, 3);
  }
}

/* F2 2023: the cancelled Imola round is kept, cancelled, outside the
 * numbering; Monaco after it is round 5. */
static void
test_f2_canceled (Fixture       *f,
                  gconstpointer  data)
{
  PdSportstimesStats stats = { 0 };
  g_autoptr(PdRound) imola = NULL;
  g_autoptr(PdRound) monaco = NULL;
  g_autoptr(GListModel) rounds = NULL;

  import_fixture (f->store, "f2", "2023", &stats);
  g_assert_cmpuint (stats.rounds, ==, 14);
  g_assert_cmpuint (stats.problems->len, ==, 0);
  pd_sportstimes_stats_clear (&stats);

  rounds = rounds_of (f->store, "f2-2023");
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 14);
  imola = get_ok (f->store, PD_TYPE_ROUND, "f2-2023-emilia-romagna");
  g_assert_cmpint (pd_round_get_status (imola), ==, PD_ROUND_STATUS_CANCELLED);
  g_assert_cmpint (pd_round_get_number (imola), ==, 0);
  monaco = pd_test_round_by_number (f->store, "f2-2023", 5);
  g_assert_cmpstr (pd_round_get_id (monaco), ==, "f2-2023-monaco");
  g_object_unref (pd_test_round_by_number (f->store, "f2-2023", 13));

  assert_session (f->store, "f2-2023-emilia-romagna-feature", "Feature Race", PD_SESSION_KIND_RACE,
                  "2023-05-21T08:10:00Z", 60, PD_SESSION_STATUS_CANCELLED);
  assert_session (f->store, "f2-2023-emilia-romagna-practice", "Practice", PD_SESSION_KIND_PRACTICE,
                  "2023-05-19T09:05:00Z", 45, PD_SESSION_STATUS_CANCELLED);
  assert_session (f->store, "f2-2023-monaco-sprint", "Sprint", PD_SESSION_KIND_SPRINT,
                  "2023-05-27T12:15:00Z", 45, PD_SESSION_STATUS_SCHEDULED);
}

/* MotoGP 2024: its session keys, and places of unknown zone. */
static void
test_motogp (Fixture       *f,
             gconstpointer  data)
{
  PdSportstimesStats stats = { 0 };
  g_autoptr(PdRound) qatar = NULL;
  g_autoptr(PdRound) kazakhstan = NULL;
  gboolean named = FALSE;

  import_fixture (f->store, "motogp", "2024", &stats);
  g_assert_cmpuint (stats.rounds, ==, 21);
  /* The places named by a country with several zones: the United
   * States, Indonesia, Australia and Kazakhstan. */
  g_assert_cmpuint (stats.problems->len, ==, 4);
  for (guint i = 0; i < stats.problems->len; i++)
    {
      const char *problem = stats.problems->pdata[i];

      g_assert_true (g_str_has_prefix (problem, "Lopp "));
      named |= strstr (problem, "”Grand Prix of Kazakhstan”") != NULL && strstr (problem, "”Kazakhstan”") != NULL;
    }
  g_assert_true (named);
  pd_sportstimes_stats_clear (&stats);

  qatar = pd_test_round_by_number (f->store, "motogp-2024", 1);
  g_assert_cmpstr (pd_round_get_id (qatar), ==, "motogp-2024-grand-prix-of-qatar");
  g_assert_cmpstr (pd_round_get_circuit_id (qatar), ==, "qatar");
  kazakhstan = get_ok (f->store, PD_TYPE_ROUND, "motogp-2024-grand-prix-of-kazakhstan");
  g_assert_null (pd_round_get_circuit_id (kazakhstan));
  g_assert_cmpint (pd_round_get_number (kazakhstan), ==, 21);

  assert_session (f->store, "motogp-2024-grand-prix-of-qatar-fp1", "Free Practice 1", PD_SESSION_KIND_PRACTICE,
                  "2024-03-08T12:45:00Z", 45, PD_SESSION_STATUS_SCHEDULED);
  assert_session (f->store, "motogp-2024-grand-prix-of-qatar-qualifying1", "Qualifying 1", PD_SESSION_KIND_QUALIFYING,
                  "2024-03-09T11:40:00Z", 15, PD_SESSION_STATUS_SCHEDULED);
  assert_session (f->store, "motogp-2024-grand-prix-of-qatar-sprint", "Sprint", PD_SESSION_KIND_SPRINT,
                  "2024-03-09T16:00:00Z", 60, PD_SESSION_STATUS_SCHEDULED);
  assert_session (f->store, "motogp-2024-grand-prix-of-qatar-race", "Race", PD_SESSION_KIND_RACE,
                  "2024-03-10T17:00:00Z", 60, PD_SESSION_STATUS_SCHEDULED);
  /* Kazakhstan was provisional (tbc). */
  assert_session (f->store, "motogp-2024-grand-prix-of-kazakhstan-race", "Race", PD_SESSION_KIND_RACE,
                  "2024-11-22T08:00:00Z", 60, PD_SESSION_STATUS_TENTATIVE);
}

/* IndyCar 2024: free-text session keys, no locations. */
static void
test_indycar (Fixture       *f,
              gconstpointer  data)
{
  PdSportstimesStats stats = { 0 };
  g_autoptr(PdRound) challenge = NULL;

  import_fixture (f->store, "indycar", "2024", &stats);
  g_assert_cmpuint (stats.rounds, ==, 18);
  g_assert_cmpuint (stats.problems->len, ==, 0);
  pd_sportstimes_stats_clear (&stats);

  challenge = get_ok (f->store, PD_TYPE_ROUND, "indycar-2024-1-million-challenge");
  g_assert_cmpstr (pd_round_get_name (challenge), ==, "$1 Million Challenge");
  g_assert_cmpint (pd_round_get_number (challenge), ==, 2);
  g_assert_null (pd_round_get_circuit_id (challenge));
  /* A key Paddock does not know is the name, as written; a practice. Its
   * length is IndyCar's "other". */
  assert_session (f->store, "indycar-2024-1-million-challenge-open-test-session-1", "Open Test Session 1",
                  PD_SESSION_KIND_PRACTICE, "2024-03-22T16:00:00Z", 45, PD_SESSION_STATUS_SCHEDULED);
  assert_session (f->store, "indycar-2024-1-million-challenge-qualifying", "Qualifying", PD_SESSION_KIND_QUALIFYING,
                  "2024-03-24T00:00:00Z", 60, PD_SESSION_STATUS_SCHEDULED);
}

/* Formula E 2022: tbc races, and two races of one slug. */
static void
test_tbc (Fixture       *f,
          gconstpointer  data)
{
  PdSportstimesStats stats = { 0 };
  g_autoptr(PdRound) second = NULL;
  g_autoptr(PdCircuit) london = NULL;

  import_fixture (f->store, "fe", "2022", &stats);
  g_assert_cmpuint (stats.rounds, ==, 16);
  pd_sportstimes_stats_clear (&stats);

  second = get_ok (f->store, PD_TYPE_ROUND, "fe-2022-diriyah-eprix-2");
  g_assert_cmpint (pd_round_get_number (second), ==, 2);
  assert_session (f->store, "fe-2022-diriyah-eprix-2-practice3", "Practice 3", PD_SESSION_KIND_PRACTICE,
                  "2022-01-29T10:30:00Z", 45, PD_SESSION_STATUS_SCHEDULED);
  /* The first New York race is confirmed, the second is not. */
  assert_session (f->store, "fe-2022-nyc-eprix-race", "Race", PD_SESSION_KIND_RACE,
                  "2022-07-16T17:00:00Z", 57, PD_SESSION_STATUS_SCHEDULED);
  assert_session (f->store, "fe-2022-nyc-eprix-2-race", "Race", PD_SESSION_KIND_RACE,
                  "2022-07-17T12:00:00Z", 57, PD_SESSION_STATUS_TENTATIVE);
  london = get_ok (f->store, PD_TYPE_CIRCUIT, "gb");
  g_assert_cmpstr (pd_circuit_get_zone (london), ==, "Europe/London");
}

/* Importing again changes nothing; a changed file moves and cancels the
 * same sessions, and raises their sequence. */
static void
test_again (Fixture       *f,
            gconstpointer  data)
{
  static const char first[] =
    "{\"races\": ["
    " {\"name\": \"Later\", \"location\": \"Monza\", \"slug\": \"later\", \"round\": 1,"
    "  \"sessions\": {\"race\": \"2024-09-01T13:00:00Z\"}},"
    " {\"name\": \"Earlier\", \"location\": \"Imola\", \"localeKey\": \"earlier\", \"round\": 2,"
    "  \"sessions\": {\"gp\": \"2024-05-19T13:00:00Z\", \"fp1\": \"2024-05-17T11:30:00Z\"}}]}";
  static const char moved[] =
    "{\"races\": ["
    " {\"name\": \"Later\", \"location\": \"Monza\", \"slug\": \"later\", \"canceled\": true,"
    "  \"sessions\": {\"race\": \"2024-09-01T13:00:00Z\"}},"
    " {\"name\": \"Earlier\", \"location\": \"Imola\", \"localeKey\": \"earlier\","
    "  \"sessions\": {\"gp\": \"2024-05-19T13:05:00Z\", \"fp1\": \"2024-05-17T11:30:00Z\"}}]}";
  PdSportstimesStats stats = { 0 };
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autoptr(PdRound) earlier = NULL;
  g_autoptr(PdSession) gp = NULL;
  g_autoptr(PdSession) fp1 = NULL;
  g_autoptr(PdSession) race = NULL;

  import_text (f->store, first, "test", NULL, &stats);
  g_assert_cmpuint (stats.sessions, ==, 3);
  pd_sportstimes_stats_clear (&stats);
  earlier = get_ok (f->store, PD_TYPE_ROUND, "test-earlier");
  g_assert_cmpint (pd_round_get_number (earlier), ==, 1);
  /* Without a series: no length, and the season named by its id. */
  assert_session (f->store, "test-earlier-gp", "Grand Prix", PD_SESSION_KIND_RACE, "2024-05-19T13:00:00Z", 0,
                  PD_SESSION_STATUS_SCHEDULED);

  once = export_season (f->store, "test");
  import_text (f->store, first, "test", NULL, &stats);
  pd_sportstimes_stats_clear (&stats);
  twice = export_season (f->store, "test");
  g_assert_cmpstr (twice, ==, once);

  import_text (f->store, moved, "test", NULL, &stats);
  pd_sportstimes_stats_clear (&stats);
  gp = get_ok (f->store, PD_TYPE_SESSION, "test-earlier-gp");
  g_assert_cmpint (g_date_time_to_unix (pd_session_get_start_utc (gp)), ==, utc ("2024-05-19T13:05:00Z"));
  g_assert_cmpint (pd_session_get_sequence (gp), ==, 1);
  fp1 = get_ok (f->store, PD_TYPE_SESSION, "test-earlier-fp1");
  g_assert_cmpint (pd_session_get_sequence (fp1), ==, 0);
  race = get_ok (f->store, PD_TYPE_SESSION, "test-later-race");
  g_assert_cmpint (pd_session_get_status (race), ==, PD_SESSION_STATUS_CANCELLED);
  g_assert_cmpint (pd_session_get_sequence (race), ==, 1);
}

/* Idempotence on a real calendar, through the season file. */
static void
test_again_real (Fixture       *f,
                 gconstpointer  data)
{
  PdSportstimesStats stats = { 0 };
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;

  import_fixture (f->store, "f1", "2024", &stats);
  pd_sportstimes_stats_clear (&stats);
  once = export_season (f->store, "f1-2024");
  import_fixture (f->store, "f1", "2024", &stats);
  g_assert_cmpuint (stats.sessions, ==, 120);
  pd_sportstimes_stats_clear (&stats);
  twice = export_season (f->store, "f1-2024");
  g_assert_cmpstr (twice, ==, once);
}

/* A round id that another season's round has is not taken over. */
static void
test_other_season (Fixture       *f,
                   gconstpointer  data)
{
  PdSportstimesStats stats = { 0 };
  g_autoptr(PdRound) theirs = NULL;
  g_autoptr(PdRound) ours = NULL;

  import_text (f->store, "{\"races\": [{\"name\": \"X\", \"slug\": \"2024-x\", "
               "\"sessions\": {\"race\": \"2024-06-02T12:00:00Z\"}}]}", "f1", NULL, &stats);
  pd_sportstimes_stats_clear (&stats);
  import_text (f->store, "{\"races\": [{\"name\": \"Y\", \"slug\": \"x\", "
               "\"sessions\": {\"race\": \"2024-06-09T12:00:00Z\"}}]}", "f1-2024", NULL, &stats);
  pd_sportstimes_stats_clear (&stats);

  theirs = get_ok (f->store, PD_TYPE_ROUND, "f1-2024-x");
  g_assert_cmpstr (pd_round_get_season_id (theirs), ==, "f1");
  g_assert_cmpstr (pd_round_get_name (theirs), ==, "X");
  ours = get_ok (f->store, PD_TYPE_ROUND, "f1-2024-x-2");
  g_assert_cmpstr (pd_round_get_season_id (ours), ==, "f1-2024");
  assert_session (f->store, "f1-2024-x-2-race", "Race", PD_SESSION_KIND_RACE, "2024-06-09T12:00:00Z", 0,
                  PD_SESSION_STATUS_SCHEDULED);
  assert_session (f->store, "f1-2024-x-race", "Race", PD_SESSION_KIND_RACE, "2024-06-02T12:00:00Z", 0,
                  PD_SESSION_STATUS_SCHEDULED);
}

/* What cannot be read is reported by race, and the rest imported. */
static void
test_problems (Fixture       *f,
               gconstpointer  data)
{
  static const char text[] =
    "{\"races\": ["
    " {\"name\": \"Good\", \"sessions\": {\"race\": \"2024-06-02T12:00:00Z\","
    "                                   \"qualifying\": \"2024-13-01T12:00:00Z\"}},"
    " {\"sessions\": {\"race\": \"2024-06-09T12:00:00Z\"}},"
    " {\"name\": \"No sessions\"},"
    " 42,"
    " {\"name\": \"Local\", \"sessions\": {\"race\": \"2024-06-16T12:00:00\"}},"
    " {\"name\": \"Millis\", \"sessions\": {\"race\": \"2022-03-06T15:00:00.000Z\"}}]}";
  static const char * const prefixes[] = {
    "Lopp 1, ”Good”: ", "Lopp 2: ", "Lopp 3, ”No sessions”: ", "Lopp 4: ", "Lopp 5, ”Local”: ",
    "Lopp 5, ”Local”: ",
  };
  PdSportstimesStats stats = { 0 };

  import_text (f->store, text, "bad", "motogp", &stats);
  g_assert_cmpuint (stats.rounds, ==, 2);
  g_assert_cmpuint (stats.sessions, ==, 2);
  g_assert_cmpuint (stats.problems->len, ==, G_N_ELEMENTS (prefixes));
  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    g_assert_true (g_str_has_prefix (stats.problems->pdata[i], prefixes[i]));
  g_assert_nonnull (strstr (stats.problems->pdata[0], "”qualifying”"));
  pd_sportstimes_stats_clear (&stats);

  assert_session (f->store, "bad-good-race", "Race", PD_SESSION_KIND_RACE, "2024-06-02T12:00:00Z", 60,
                  PD_SESSION_STATUS_SCHEDULED);
  assert_session (f->store, "bad-millis-race", "Race", PD_SESSION_KIND_RACE, "2022-03-06T15:00:00Z", 60,
                  PD_SESSION_STATUS_SCHEDULED);
}

/* A document that is not a calendar imports nothing. */
static void
test_not_sportstimes (Fixture       *f,
                      gconstpointer  data)
{
  static const char * const texts[] = {
    "",
    "{\"races\": [\n  {\"name\": \"x\",\n   \"sessions\": {\"race\": 2024-01-01}}]}",
    "{\"format\": \"paddock-season\"}",
    "[{\"races\": []}]",
    "{\"races\": {}}",
    "{\"races\": [] \xff}",
  };
  g_autofree char *before = NULL;
  PdSportstimesStats stats = { 0 };

  import_text (f->store, "{\"races\": [{\"name\": \"Kept\", \"sessions\": {\"race\": \"2024-06-02T12:00:00Z\"}}]}",
               "kept", NULL, &stats);
  pd_sportstimes_stats_clear (&stats);
  before = export_season (f->store, "kept");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) seasons = NULL;
      g_autofree char *after = NULL;

      g_assert_false (pd_sportstimes_import (f->store, texts[i], strlen (texts[i]), "kept", NULL, &stats, &error));
      g_assert_error (error, PD_SPORTSTIMES_ERROR, PD_SPORTSTIMES_ERROR_NOT_SPORTSTIMES);
      g_test_message ("%s", error->message);
      if (i == 1)
        /* json-glib's place: line 3, column 35. */
        g_assert_nonnull (strstr (error->message, ":3:"));
      g_assert_cmpuint (stats.sessions, ==, 0);
      pd_sportstimes_stats_clear (&stats);
      seasons = pd_store_list_seasons (f->store, &error);
      g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 1);
      after = export_season (f->store, "kept");
      g_assert_cmpstr (after, ==, before);
    }

  {
    g_autoptr(GError) error = NULL;

    g_assert_false (pd_sportstimes_import (f->store, "{\"races\": []}", 13, "", NULL, &stats, &error));
    g_assert_error (error, PD_SPORTSTIMES_ERROR, PD_SPORTSTIMES_ERROR_SEASON);
    pd_sportstimes_stats_clear (&stats);
    g_clear_error (&error);
    g_assert_false (pd_sportstimes_import (f->store, "{\"races\": []}", 13, "x", "wec", &stats, &error));
    g_assert_error (error, PD_SPORTSTIMES_ERROR, PD_SPORTSTIMES_ERROR_SERIES);
    pd_sportstimes_stats_clear (&stats);
  }
}

static void
test_detect (void)
{
  static const struct {
    const char *text;
    gboolean    is;
  } cases[] = {
    { "{\"races\": []}", TRUE },
    { "\xef\xbb\xbf\n  { \"races\" :\n[ {", TRUE },
    { "{\"name\": \"x\", \"races\": [", TRUE },
    { "{\"races\": {}}", FALSE },
    { "[\"races\", []]", FALSE },
    { "BEGIN:VCALENDAR", FALSE },
    { "", FALSE },
    { "{\"races\"", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpint (pd_sportstimes_detect (cases[i].text, strlen (cases[i].text)), ==, cases[i].is);
}

static void
test_guess_series (void)
{
  static const struct {
    const char *name;
    const char *series;
  } cases[] = {
    { "../shared/data/calendars/sportstimes-f1/f2/2024.json", "f2" },
    { "f1-academy/2025.json", "f1-academy" },
    { "https://raw.githubusercontent.com/sportstimes/f1/main/_db/motogp/2024.json?token=1#x", "motogp" },
    { "https://raw.githubusercontent.com/sportstimes/f1/main/_db/2024.json", NULL },
    { "C:\\calendars\\indycar\\2024.json", "indycar" },
    { "2024.json", NULL },
    { "wec/2024.json", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_assert_cmpstr (pd_sportstimes_guess_series (cases[i].name), ==, cases[i].series);
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  g_test_add_func ("/sportstimes/detect", test_detect);
  g_test_add_func ("/sportstimes/guess-series", test_guess_series);
  pd_test_add_fixture ("/sportstimes/f1-2023", &empty_options, test_f1_2023, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sportstimes/f1-2024-order", &empty_options, test_f1_2024_order, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sportstimes/f2-canceled", &empty_options, test_f2_canceled, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sportstimes/motogp", &empty_options, test_motogp, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sportstimes/indycar", &empty_options, test_indycar, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sportstimes/tbc", &empty_options, test_tbc, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sportstimes/again", &empty_options, test_again, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sportstimes/again-real", &empty_options, test_again_real, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sportstimes/other-season", &empty_options, test_other_season, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sportstimes/problems", &empty_options, test_problems, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sportstimes/not-sportstimes", &empty_options, test_not_sportstimes, NULL,
                       PD_TEST_FLAGS_NONE);

  return g_test_run ();
}
