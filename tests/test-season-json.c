/* Tests of the season JSON reader (pd-season-json.c): what a valid file
 * stores, that loading it twice changes nothing, and that every kind of
 * error names its place in the file and leaves the database exactly as
 * it was. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "pd-rules.h"
#include "pd-season-json.h"
#include "pd-store.h"
#include "pd-test.h"

/* A document with one of everything. Each error case below changes one
 * spot of it, found by a piece of text that occurs once. */
static const char base_document[] =
  "{\n"
  "  \"format\": \"paddock-season\",\n"
  "  \"version\": 1,\n"
  "  \"_comment\": \"A test season.\",\n"
  "  \"series\": {\"id\": \"test-series\", \"name\": \"Test Series\"},\n"
  "  \"season\": {\"id\": \"test-2023\", \"series_id\": \"test-series\", \"name\": \"Test 2023\", \"year\": 2023},\n"
  "  \"circuits\": [\n"
  "    {\"id\": \"catalunya\", \"name\": \"Circuit de Barcelona-Catalunya\", \"country\": \"Spain\", \"zone\": \"Europe/Madrid\", \"length_m\": 4655, \"turns\": 14, \"latitude\": 41.57, \"longitude\": 2.26111}\n"
  "  ],\n"
  "  \"classes\": [{\"id\": \"test-2023.silver\", \"name\": \"Silver\", \"position\": 1}],\n"
  "  \"teams\": [{\"id\": \"team\", \"name\": \"Team\"}],\n"
  "  \"drivers\": [\n"
  "    {\"id\": \"andreas\", \"first_name\": \"Andreas\", \"last_name\": \"Bäckman\", \"grading\": \"silver\"},\n"
  "    {\"id\": \"jessica\", \"first_name\": \"Jessica\", \"last_name\": \"Bäckman\"}\n"
  "  ],\n"
  "  \"entries\": [\n"
  "    {\"id\": \"test-2023.e1\", \"number\": \"07\", \"team_id\": \"team\", \"class_id\": \"test-2023.silver\", \"car_model\": \"Aston Martin Vantage GT4\", \"crew_ids\": [\"jessica\", \"andreas\"]}\n"
  "  ],\n"
  "  \"rounds\": [\n"
  "    {\"id\": \"test-2023.r1\", \"number\": 1, \"name\": \"Barcelona\", \"circuit_id\": \"catalunya\", \"start_date\": \"2023-09-29\", \"end_date\": \"2023-10-01\", \"field_size\": 43,\n"
  "     \"sessions\": [\n"
  "       {\"id\": \"test-2023.r1.fp1\", \"kind\": \"practice\", \"name\": \"Free Practice 1\", \"position\": 1, \"start_date\": \"2023-09-29\", \"start_utc\": \"2023-09-29T11:20:00+02:00\", \"duration_min\": 60},\n"
  "       {\"id\": \"test-2023.r1.race1\", \"kind\": \"race\", \"name\": \"Race 1\", \"position\": 2, \"start_date\": \"2023-09-30\", \"start_utc\": \"2023-09-30T14:50:00Z\", \"duration_min\": 60, \"driver_change\": true,\n"
  "        \"results\": [\n"
  "          {\"id\": \"test-2023.r1.race1.e1\", \"entry_id\": \"test-2023.e1\", \"grid\": 34, \"road_position\": 18, \"position\": 26, \"class_position\": 20, \"driver_ids\": [\"jessica\", \"andreas\"],\n"
  "           \"penalties\": [{\"id\": \"test-2023.r1.race1.e1.pen\", \"kind\": \"time\", \"time_ms\": 11000, \"reason\": \"Pit stop 0.3 s under the minimum\"}]}\n"
  "        ]}\n"
  "     ]},\n"
  "    {\"id\": \"test-2023.r2\", \"name\": \"Cancelled event\", \"status\": \"cancelled\"}\n"
  "  ]\n"
  "}\n";

/* The harness (a child process and a TMPDIR per test, the folder with
 * its database) is pd-test.c's. */

typedef PdTestFixture Fixture;

static const PdTestFixtureOptions fixture_options = {
  .name = "season-json",
  .store = PD_TEST_STORE_EMPTY,
};

static void
add_test (const char        *path,
          PdTestFixtureFunc  func,
          gconstpointer      data)
{
  pd_test_add_fixture (path, &fixture_options, func, data, PD_TEST_FLAGS_NONE);
}


static gint64
count_rows (const char *path,
            const char *table)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
import_ok (PdStore    *store,
           const char *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *season_id = NULL;

  g_assert_true (pd_season_json_import (store, document, strlen (document), &season_id, &error));
  g_assert_no_error (error);
  g_assert_nonnull (season_id);
}

/* The base document with @find (which must occur exactly once) replaced. */
static char *
edit_document (const char *document,
               const char *find,
               const char *replace)
{
  GString *s = g_string_new (document);
  const char *first = strstr (document, find);

  g_assert_nonnull (first);
  g_assert_null (strstr (first + 1, find));
  g_string_replace (s, find, replace, 1);
  return g_string_free (s, FALSE);
}

/* Version 2 adds a season's own rules as an object and a round's crews;
 * the base document as version 2, with both. */
#define RULES_V2 "\"rules\": {\"format\": \"paddock-rules\", \"version\": 1, \"id\": \"mini\", " \
                 "\"name\": \"Mini\", \"drivers\": {\"race\": {\"points\": [10, 6, 4]}}}"
#define CREWS_V2 "\"crews\": [{\"entry_id\": \"test-2023.e1\", \"crew_ids\": [\"andreas\"]}],"

static char *
make_document_v2 (void)
{
  g_autofree char *a = edit_document (base_document, "\"version\": 1", "\"version\": 2");
  g_autofree char *b = edit_document (a, "\"year\": 2023}", "\"year\": 2023, " RULES_V2 "}");

  return edit_document (b, "\"field_size\": 43,", "\"field_size\": 43, " CREWS_V2);
}

static const char *
document_v2 (void)
{
  static char *document;

  if (document == NULL)
    document = make_document_v2 ();
  return document;
}

/* Valid documents */

static void
test_minimal (Fixture       *f,
              gconstpointer  data)
{
  const char *document = "{\"format\": \"paddock-season\", \"version\": 1,"
                         " \"season\": {\"id\": \"tiny\", \"name\": \"Tiny season\"}}";
  g_autoptr(GError) error = NULL;
  g_autofree char *season_id = NULL;
  g_autoptr(PdSeason) season = NULL;

  g_assert_true (pd_season_json_import (f->store, document, strlen (document), &season_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (season_id, ==, "tiny");

  season = pd_store_get (f->store, PD_TYPE_SEASON, "tiny", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_season_get_name (season), ==, "Tiny season");
  g_assert_cmpint (pd_season_get_year (season), ==, 0);
  g_assert_null (pd_season_get_series_id (season));
  g_assert_cmpint (count_rows (f->path, "season"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "round"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "series"), ==, 0);
}

static void
test_full (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSession) fp1 = NULL;
  g_autoptr(PdSession) race1 = NULL;
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(PdResult) result = NULL;
  g_autoptr(PdPenalty) penalty = NULL;
  g_autoptr(PdClass) klass = NULL;
  g_autoptr(PdRound) cancelled = NULL;
  g_autoptr(PdDriver) andreas = NULL;
  g_autoptr(GDateTime) fp1_start = g_date_time_new_utc (2023, 9, 29, 9, 20, 0);
  g_autoptr(GDateTime) race1_start = g_date_time_new_utc (2023, 9, 30, 14, 50, 0);
  const char * const crew[] = { "jessica", "andreas", NULL };

  import_ok (f->store, base_document);

  /* Instants with an offset are stored as the same instant in UTC. */
  fp1 = pd_store_get (f->store, PD_TYPE_SESSION, "test-2023.r1.fp1", &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (pd_session_get_start_utc (fp1), fp1_start));
  g_assert_cmpint (pd_session_get_kind (fp1), ==, PD_SESSION_KIND_PRACTICE);
  /* The parent comes from the nesting. */
  g_assert_cmpstr (pd_session_get_round_id (fp1), ==, "test-2023.r1");

  race1 = pd_store_get (f->store, PD_TYPE_SESSION, "test-2023.r1.race1", &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (pd_session_get_start_utc (race1), race1_start));
  g_assert_true (pd_session_get_driver_change (race1));
  g_assert_cmpint (pd_session_get_duration_min (race1), ==, 60);

  entry = pd_store_get (f->store, PD_TYPE_ENTRY, "test-2023.e1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_entry_get_number (entry), ==, "07");
  g_assert_cmpstr (pd_entry_get_season_id (entry), ==, "test-2023");
  g_assert_true (g_strv_equal (pd_entry_get_crew_ids (entry), crew));

  result = pd_store_get (f->store, PD_TYPE_RESULT, "test-2023.r1.race1.e1", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_result_get_session_id (result), ==, "test-2023.r1.race1");
  g_assert_cmpint (pd_result_get_position (result), ==, 26);
  g_assert_cmpint (pd_result_get_road_position (result), ==, 18);
  g_assert_cmpint (pd_result_get_grid (result), ==, 34);
  /* What the file does not give is not known, not zero. */
  g_assert_cmpint (pd_result_get_laps (result), ==, -1);
  g_assert_cmpint (pd_result_get_total_time_ms (result), ==, -1);
  g_assert_true (g_strv_equal (pd_result_get_driver_ids (result), crew));

  penalty = pd_store_get (f->store, PD_TYPE_PENALTY, "test-2023.r1.race1.e1.pen", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_penalty_get_result_id (penalty), ==, "test-2023.r1.race1.e1");
  g_assert_cmpint (pd_penalty_get_kind (penalty), ==, PD_PENALTY_KIND_TIME);
  g_assert_cmpint (pd_penalty_get_time_ms (penalty), ==, 11000);

  klass = pd_store_get (f->store, PD_TYPE_CLASS, "test-2023.silver", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_class_get_season_id (klass), ==, "test-2023");

  cancelled = pd_store_get (f->store, PD_TYPE_ROUND, "test-2023.r2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_round_get_status (cancelled), ==, PD_ROUND_STATUS_CANCELLED);
  g_assert_cmpint (pd_round_get_number (cancelled), ==, 0);

  andreas = pd_store_get (f->store, PD_TYPE_DRIVER, "andreas", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_driver_get_last_name (andreas), ==, "Bäckman");
  g_assert_cmpint (pd_driver_get_grading (andreas), ==, PD_GRADING_SILVER);
}

static void
test_version_2 (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(GHashTable) crews = NULL;
  g_autoptr(PdRules) rules = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char * const crew[] = { "andreas", NULL };
  const char *own;

  import_ok (f->store, document_v2 ());

  /* The rules object is kept as the rules text. */
  season = pd_store_get (f->store, PD_TYPE_SEASON, "test-2023", &error);
  g_assert_no_error (error);
  own = pd_season_get_rules (season);
  g_assert_nonnull (own);
  rules = pd_rules_parse (own, strlen (own), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rules->id, ==, "mini");

  crews = pd_store_list_round_crews (f->store, "test-2023.e1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (crews), ==, 1);
  g_assert_true (g_strv_equal (g_hash_table_lookup (crews, "test-2023.r1"), crew));
  /* The car's usual crew is still its own. */
  g_assert_cmpint (count_rows (f->path, "entry_crew"), ==, 3);

  first = pd_test_dump_database (f->path);
  import_ok (f->store, document_v2 ());
  second = pd_test_dump_database (f->path);
  g_assert_cmpstr (first, ==, second);
}

/* Version 1 gives a season's own rules as text. */
static void
test_version_1_rules_text (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *document = edit_document (base_document, "\"year\": 2023}",
                                             "\"year\": 2023, \"rules\": \"{\\\"format\\\": \\\"paddock-rules\\\", "
                                             "\\\"version\\\": 1, \\\"id\\\": \\\"text\\\", \\\"name\\\": \\\"Text\\\", "
                                             "\\\"drivers\\\": {\\\"race\\\": {\\\"points\\\": [3, 2, 1]}}}\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSeason) season = NULL;

  import_ok (f->store, document);
  season = pd_store_get (f->store, PD_TYPE_SEASON, "test-2023", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (pd_season_get_rules (season), "\"id\": \"text\""));
}

static void
test_load_twice (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  import_ok (f->store, base_document);
  first = pd_test_dump_database (f->path);
  import_ok (f->store, base_document);
  second = pd_test_dump_database (f->path);

  g_assert_cmpstr (first, ==, second);
  g_assert_cmpint (count_rows (f->path, "entry_crew"), ==, 2);
  g_assert_cmpint (count_rows (f->path, "result WHERE driver_list = 'jessica' || char (31) || 'andreas'"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "penalty"), ==, 1);
}

/* A document with the same ids updates what is there. */
static void
test_merge_by_id (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *moved = edit_document (base_document, "\"2023-09-30T14:50:00Z\"",
                                          "\"2023-09-30T15:05:00Z\"");
  g_autoptr(PdSession) race1 = NULL;
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2023, 9, 30, 15, 5, 0);

  import_ok (f->store, base_document);
  import_ok (f->store, moved);
  race1 = pd_store_get (f->store, PD_TYPE_SESSION, "test-2023.r1.race1", NULL);
  g_assert_true (g_date_time_equal (pd_session_get_start_utc (race1), expected));
  g_assert_cmpint (count_rows (f->path, "session"), ==, 2);
}

/* Errors */

typedef struct {
  const char *name;
  const char *find;
  const char *replace;
  GQuark    (*domain) (void);
  int         code;
  const char *place;        /* must appear in the message, as a whole */
  const char *also;         /* (nullable) must appear in the message too */
  gboolean    v2;           /* a change of the version 2 document */
} ErrorCase;

static const ErrorCase error_cases[] = {
  { "not-json", "\"name\": \"Race 1\",", "\"name\": \"Race 1\" oops,",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_SYNTAX, NULL, NULL },
  { "not-utf8", "\"Test 2023\"", "\"Test \xff\xfe 2023\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_SYNTAX, NULL, NULL },
  { "wrong-format", "\"format\": \"paddock-season\"", "\"format\": \"other-season\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "format", NULL },
  { "newer-version", "\"version\": 1", "\"version\": 3",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VERSION, NULL, "3" },
  { "version-not-a-number", "\"version\": 1", "\"version\": \"1\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "version", NULL },
  { "unknown-top-level-field", "\"_comment\":", "\"colour\": \"red\", \"_comment\":",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "colour", NULL },
  { "unknown-field", "\"name\": \"Race 1\",", "\"name\": \"Race 1\", \"colour\": \"red\",",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "rounds[0].sessions[1].colour", NULL },
  { "bad-enum", "\"kind\": \"practice\"", "\"kind\": \"practise\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "rounds[0].sessions[0].kind", "practice" },
  { "bad-zone", "\"zone\": \"Europe/Madrid\"", "\"zone\": \"Mars/Olympus\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "circuits[0].zone", "Mars/Olympus" },
  { "zone-is-a-path", "\"zone\": \"Europe/Madrid\"", "\"zone\": \"/etc/passwd\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "circuits[0].zone", "/etc/passwd" },
  { "bad-date", "\"start_date\": \"2023-09-29\", \"end_date\"", "\"start_date\": \"2023-02-29\", \"end_date\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "rounds[0].start_date", "2023-02-29" },
  { "date-with-sign", "\"start_date\": \"2023-09-29\", \"end_date\"", "\"start_date\": \"-023-09-29\", \"end_date\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "rounds[0].start_date", NULL },
  { "date-with-blanks", "\"end_date\": \"2023-10-01\"", "\"end_date\": \"2023-10- 1\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "rounds[0].end_date", NULL },
  { "time-without-offset", "\"2023-09-30T14:50:00Z\"", "\"2023-09-30T14:50:00\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "rounds[0].sessions[1].start_utc", NULL },
  { "time-not-a-time", "\"2023-09-29T11:20:00+02:00\"", "\"Friday morning\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "rounds[0].sessions[0].start_utc", NULL },
  { "dangling-entry", "\"entry_id\": \"test-2023.e1\"", "\"entry_id\": \"test-2023.nobody\"",
    pd_store_error_quark, PD_STORE_ERROR_CONSTRAINT, "rounds[0].sessions[1].results[0]", NULL },
  { "dangling-crew", "\"crew_ids\": [\"jessica\", \"andreas\"]", "\"crew_ids\": [\"jessica\", \"nobody\"]",
    pd_store_error_quark, PD_STORE_ERROR_CONSTRAINT, "entries[0]", NULL },
  { "dangling-circuit", "\"circuit_id\": \"catalunya\"", "\"circuit_id\": \"nowhere\"",
    pd_store_error_quark, PD_STORE_ERROR_CONSTRAINT, "rounds[0]", NULL },
  { "parent-id-in-member", "\"name\": \"Free Practice 1\",", "\"name\": \"Free Practice 1\", \"round_id\": \"test-2023.r1\",",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "rounds[0].sessions[0].round_id", NULL },
  { "missing-required", "\"kind\": \"race\", ", "",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "rounds[0].sessions[1]", "kind" },
  { "wrong-type", "\"number\": 1,", "\"number\": \"1\",",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "rounds[0].number", NULL },
  { "out-of-range", "\"length_m\": 4655", "\"length_m\": 99999999999",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "circuits[0].length_m", NULL },
  { "bad-id", "\"id\": \"team\"", "\"id\": \"../team\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "teams[0].id", NULL },
  { "sessions-not-a-list", "\"status\": \"cancelled\"", "\"status\": \"cancelled\", \"sessions\": {}",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "rounds[1].sessions", NULL },
  { "bad-crew-item", "[\"jessica\", \"andreas\"]}\n  ]", "[\"jessica\", 7]}\n  ]",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "entries[0].crew_ids", NULL },
  /* Version 2 in a version 1 document. */
  { "v1-crews", "\"field_size\": 43,", "\"field_size\": 43, " CREWS_V2,
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "rounds[0].crews", NULL },
  { "v1-rules-object", "\"year\": 2023}", "\"year\": 2023, " RULES_V2 "}",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "season.rules", NULL },
  /* Version 2. */
  { "v2-bad-rules", "[10, 6, 4]", "[10, \"ten\", 4]",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "season.rules", "drivers.race.points[1]", TRUE },
  { "v2-rules-not-object", RULES_V2, "\"rules\": 5",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "season.rules", NULL, TRUE },
  { "v2-crews-not-a-list", CREWS_V2, "\"crews\": {},",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "rounds[0].crews", NULL, TRUE },
  { "v2-crew-unknown-car", "{\"entry_id\": \"test-2023.e1\", \"crew_ids\"",
    "{\"entry_id\": \"test-2023.e9\", \"crew_ids\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "rounds[0].crews[0].entry_id", "test-2023.e9", TRUE },
  { "v2-crew-unknown-driver", "[\"andreas\"]}]", "[\"nobody\"]}]",
    pd_store_error_quark, PD_STORE_ERROR_CONSTRAINT, "rounds[0].crews[0]", NULL, TRUE },
  { "v2-crew-twice", "[\"andreas\"]}]",
    "[\"andreas\"]}, {\"entry_id\": \"test-2023.e1\", \"crew_ids\": [\"jessica\"]}]",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "rounds[0].crews[1].entry_id", NULL, TRUE },
  { "v2-crew-empty", "[\"andreas\"]}]", "[]}]",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_VALUE, "rounds[0].crews[0].crew_ids", NULL, TRUE },
  { "v2-crew-unknown-field", "{\"entry_id\": \"test-2023.e1\", \"crew_ids\"",
    "{\"round_id\": \"test-2023.r1\", \"entry_id\": \"test-2023.e1\", \"crew_ids\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "rounds[0].crews[0].round_id", NULL, TRUE },
  { "v2-crew-no-car", "{\"entry_id\": \"test-2023.e1\", \"crew_ids\"", "{\"crew_ids\"",
    pd_season_json_error_quark, PD_SEASON_JSON_ERROR_FORMAT, "rounds[0].crews[0]", "entry_id", TRUE },
};

/* @place appears in @message as a whole place, not as the start of a
 * longer one ("rounds[0]" is not found in "rounds[0].sessions"). */
static gboolean
message_names_place (const char *message,
                     const char *place)
{
  for (const char *p = strstr (message, place); p != NULL; p = strstr (p + 1, place))
    {
      char next = p[strlen (place)];
      char before = p > message ? p[-1] : ' ';

      if (next != '.' && next != '[' && next != '_' && !g_ascii_isalnum (next) &&
          !g_ascii_isalnum (before) && before != '.' && before != '_')
        return TRUE;
    }
  return FALSE;
}

static void
test_error (Fixture       *f,
            gconstpointer  data)
{
  const ErrorCase *c = data;
  const char *good = c->v2 ? document_v2 () : base_document;
  g_autofree char *bad = edit_document (good, c->find, c->replace);
  g_autofree char *worse = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *season_id = NULL;
  g_autoptr(GError) error = NULL;

  /* Also rename the season and a driver, which come before most errors
   * in the file: if the failed import kept them, the dump would show it. */
  worse = g_strdup (bad);
  if (strstr (worse, "\"name\": \"Test Series\"") != NULL)
    {
      char *tmp = edit_document (worse, "\"name\": \"Test Series\"", "\"name\": \"Renamed Series\"");
      g_free (worse);
      worse = tmp;
    }

  import_ok (f->store, good);
  before = pd_test_dump_database (f->path);

  g_assert_false (pd_season_json_import (f->store, worse, strlen (worse), &season_id, &error));
  g_assert_nonnull (error);
  g_test_message ("%s: %s", c->name, error->message);
  g_assert_error (error, c->domain (), c->code);
  g_assert_null (season_id);
  if (c->place != NULL && !message_names_place (error->message, c->place))
    g_error ("“%s” does not name the place %s", error->message, c->place);
  if (c->also != NULL)
    g_assert_nonnull (strstr (error->message, c->also));

  after = pd_test_dump_database (f->path);
  g_assert_cmpstr (before, ==, after);

  /* The message is translated: under sv_SE (the tests' locale) it is not
   * the English one. */
  {
    g_autofree char *saved = g_strdup (setlocale (LC_MESSAGES, NULL));
    g_autoptr(GError) english = NULL;

    g_assert_nonnull (setlocale (LC_MESSAGES, "en_US.UTF-8"));
    g_assert_false (pd_season_json_import (f->store, worse, strlen (worse), NULL, &english));
    setlocale (LC_MESSAGES, saved);
    g_assert_nonnull (english);
    g_test_message ("in English: %s", english->message);
    if (g_str_has_prefix (saved, "sv"))
      {
        const char *rest = strstr (english->message, ": ");

        g_assert_cmpstr (error->message, !=, english->message);
        /* Nor is only the "At PLACE: " part translated. */
        if (g_str_has_prefix (english->message, "At ") && rest != NULL && strlen (rest + 2) > 0 &&
            strstr (error->message, rest + 2) != NULL)
          g_error ("only partly translated: “%s”", error->message);
      }
  }

  /* The same document without the error goes in. */
  import_ok (f->store, good);
}

/* A syntax error names the line it is on. */
static void
test_error_line (Fixture       *f,
                 gconstpointer  data)
{
  const char *anchor = "\"name\": \"Race 1\",";
  g_autofree char *bad = edit_document (base_document, anchor, "\"name\": \"Race 1\" oops,");
  g_autoptr(GError) error = NULL;
  g_autofree char *line_tag = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  int line = 1;

  for (const char *p = base_document; p < strstr (base_document, anchor); p++)
    line += *p == '\n';
  g_assert_cmpint (line, >, 10);
  line_tag = g_strdup_printf (":%d:", line);

  before = pd_test_dump_database (f->path);
  g_assert_false (pd_season_json_import (f->store, bad, strlen (bad), NULL, &error));
  g_assert_error (error, PD_SEASON_JSON_ERROR, PD_SEASON_JSON_ERROR_SYNTAX);
  g_test_message ("%s", error->message);
  if (strstr (error->message, line_tag) == NULL)
    g_error ("“%s” does not give line %d", error->message, line);
  after = pd_test_dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_error_documents (Fixture       *f,
                      gconstpointer  data)
{
  /* Not a document at all, and documents of the wrong shape. */
  static const char with_nul[] = "{\"format\": \"paddock-season\"\0, \"version\": 1}";
  const struct { const char *text; gssize length; int code; } cases[] = {
    /* json-glib reads no text as a document without a root. */
    { "", -1, PD_SEASON_JSON_ERROR_FORMAT },
    { "   ", -1, PD_SEASON_JSON_ERROR_FORMAT },
    { "[]", -1, PD_SEASON_JSON_ERROR_FORMAT },
    { "\"paddock-season\"", -1, PD_SEASON_JSON_ERROR_FORMAT },
    { "{}", -1, PD_SEASON_JSON_ERROR_FORMAT },
    /* No season. */
    { "{\"format\": \"paddock-season\", \"version\": 1}", -1, PD_SEASON_JSON_ERROR_FORMAT },
    /* A NUL inside the given length. */
    { with_nul, sizeof with_nul - 1, PD_SEASON_JSON_ERROR_SYNTAX },
  };
  g_autofree char *before = NULL;

  import_ok (f->store, base_document);
  before = pd_test_dump_database (f->path);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *after = NULL;

      g_test_message ("document %u", i);
      gsize length = cases[i].length < 0 ? strlen (cases[i].text) : (gsize) cases[i].length;

      g_assert_false (pd_season_json_import (f->store, cases[i].text, length, NULL, &error));
      g_assert_nonnull (error);
      g_test_message ("%s", error->message);
      g_assert_error (error, PD_SEASON_JSON_ERROR, cases[i].code);
      after = pd_test_dump_database (f->path);
      g_assert_cmpstr (before, ==, after);
    }
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

  add_test ("/season-json/minimal", test_minimal, NULL);
  add_test ("/season-json/full", test_full, NULL);
  add_test ("/season-json/version-2", test_version_2, NULL);
  add_test ("/season-json/version-1-rules-text", test_version_1_rules_text, NULL);
  add_test ("/season-json/load-twice", test_load_twice, NULL);
  add_test ("/season-json/merge-by-id", test_merge_by_id, NULL);
  add_test ("/season-json/error/line-number", test_error_line, NULL);
  add_test ("/season-json/error/documents", test_error_documents, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/season-json/error/%s", error_cases[i].name);

      add_test (path, test_error, &error_cases[i]);
    }

  return g_test_run ();
}
