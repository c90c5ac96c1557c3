/* Tests of the season JSON writer (pd_season_json_export()): a season
 * exported, imported into an empty database and exported again gives the
 * same file byte for byte, and the second database holds what the first
 * held; for the embedded GT4 season, for Formula 1 seasons imported from
 * the Ergast fixture, and for a season with everything the format
 * carries (its own rules, a round's crews, final sessions, every kind of
 * penalty, results with every field). The order of the file does not
 * depend on the order the records were stored in, and a broken file or
 * one of another season changes nothing. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "pd-ergast.h"
#include "pd-rules.h"
#include "pd-season-json.h"
#include "pd-store.h"
#include "pd-test.h"

#define GT4 "gt4-european-2023"

typedef PdTestFixture Fixture;

static const PdTestFixtureOptions seeded_options = {
  .name = "season-export",
  .store = PD_TEST_STORE_SEEDED,
};

static const PdTestFixtureOptions empty_options = {
  .name = "season-export",
  .store = PD_TEST_STORE_EMPTY,
};

/* Helpers */

static char *
export_ok (PdStore    *store,
           const char *season_id)
{
  g_autoptr(GError) error = NULL;
  char *text = pd_season_json_export (store, season_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

/* A new empty database in @f's folder, named @name. */
static PdStore *
empty_store (Fixture     *f,
             const char  *name,
             char       **path_out)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  PdStore *store = pd_store_new (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  if (path_out != NULL)
    *path_out = g_steal_pointer (&path);
  return store;
}

static void
import_ok (PdStore    *store,
           const char *text,
           const char *season_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *imported = NULL;

  if (!pd_season_json_import (store, text, strlen (text), &imported, &error))
    g_error ("the exported file was refused: %s", error->message);
  g_assert_cmpstr (imported, ==, season_id);
}

/* Exports @season_id from @store, imports the file into a new empty
 * database and exports it from there: the two files are the same, byte
 * for byte. Returns the file; the database's path in @path_out. */
static char *
round_trip (Fixture     *f,
            PdStore     *store,
            const char  *season_id,
            const char  *name,
            char       **path_out)
{
  g_autofree char *first = export_ok (store, season_id);
  g_autoptr(PdStore) other = empty_store (f, name, path_out);
  g_autofree char *second = NULL;

  g_assert_true (g_utf8_validate (first, -1, NULL));
  g_assert_true (g_str_has_suffix (first, "}\n"));
  import_ok (other, first, season_id);
  second = export_ok (other, season_id);
  g_assert_cmpstr (first, ==, second);

  /* Exporting the same data twice gives the same file, too. */
  g_clear_pointer (&second, g_free);
  second = export_ok (store, season_id);
  g_assert_cmpstr (first, ==, second);

  return g_steal_pointer (&first);
}

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_parser_steal_root (parser);
}

static char *
generate (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static guint
count_results (PdStore    *store,
               const char *season_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = pd_store_list_season_results (store, season_id, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (results);
}

/* The embedded season */

static void
test_gt4 (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = round_trip (f, f->store, GT4, "copy.db", &path);
  g_autofree char *before = pd_test_dump_database (f->path);
  g_autofree char *after = pd_test_dump_database (path);
  g_autoptr(JsonNode) root = parse (text);
  JsonObject *document = json_node_get_object (root);

  g_assert_cmpstr (json_object_get_string_member (document, "format"), ==, "paddock-season");
  g_assert_cmpint (json_object_get_int_member (document, "version"), ==, PD_SEASON_JSON_VERSION);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document, "rounds")), ==, 7);
  /* Numbers as they were given, not json-glib's 17 digits. */
  g_assert_nonnull (strstr (text, "\"latitude\" : 45.6156,\n"));
  g_assert_null (strstr (text, "00000000"));

  /* The database holds only that season: the copy holds the same, row
   * for row. */
  g_assert_cmpstr (before, ==, after);
}

/* Formula 1, from the Ergast fixture: shared drives, two results of one
 * driver in a race, car numbers per race, fastest laps, sprints. */
static void
test_f1 (Fixture       *f,
         gconstpointer  data)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "ergast", "good", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) seasons = NULL;

  g_assert_true (pd_ergast_import (f->store, dir, NULL, &error));
  g_assert_no_error (error);
  seasons = pd_store_list_seasons (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 3);

  for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(PdSeason) season = g_list_model_get_item (seasons, i);
      const char *id = pd_season_get_id (season);
      g_autofree char *name = g_strdup_printf ("%s.db", id);
      g_autofree char *path = NULL;
      g_autofree char *text = round_trip (f, f->store, id, name, &path);
      g_autoptr(PdStore) copy = pd_store_new (path, NULL, NULL, &error);

      g_assert_no_error (error);
      g_test_message ("%s: %zu bytes", id, strlen (text));
      g_assert_cmpuint (count_results (copy, id), ==, count_results (f->store, id));
      g_assert_cmpuint (count_results (copy, id), >, 0);
    }

  /* 1951: Fagioli and Fangio shared car 8 at the French GP, and Fangio
   * drove car 24 there too: three results, two of them Fangio's. */
  {
    g_autofree char *text = export_ok (f->store, "f1-1951");

    g_assert_nonnull (strstr (text, "\"car_number\" : \"8\""));
    g_assert_nonnull (strstr (text, "\"fastest_lap\" : true"));
    g_assert_nonnull (strstr (text, "\"rules_id\" : \"f1-1951\""));
  }
}

/* A season with everything */

static gpointer
first_item (GListModel *model)
{
  g_assert_cmpuint (g_list_model_get_n_items (model), >, 0);
  return g_list_model_get_item (model, 0);
}

static void
save_ok (PdStore  *store,
         gpointer  record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pd_store_save (store, G_OBJECT (record), &error));
  g_assert_no_error (error);
}

static PdRound *
find_round (PdStore *store,
            int      number)
{
  return pd_test_round_by_number (store, GT4, number);
}

/* Adds to the seeded season what the embedded file does not have. */
static void
enrich (PdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSeason) season = pd_store_get (store, PD_TYPE_SEASON, GT4, &error);
  g_autoptr(PdRules) rules = pd_rules_load_preset ("club-dropped-rounds", &error);
  g_autofree char *rules_text = NULL;
  g_autoptr(GListModel) entries = pd_store_list_entries (store, GT4, &error);
  g_autoptr(PdEntry) entry = first_item (entries);
  g_autoptr(PdRound) spa = find_round (store, 3);
  g_autoptr(GListModel) sessions = pd_store_list_sessions (store, pd_round_get_id (spa), &error);
  g_autoptr(PdSession) race = NULL;
  g_autoptr(PdResult) result = NULL;
  g_autoptr(PdDriver) reserve = g_object_new (PD_TYPE_DRIVER, "id", "test-reserve", "first-name", "Åsa",
                                              "last-name", "Öberg", "nationality", "SE",
                                              "grading", PD_GRADING_PLATINUM, NULL);
  g_autoptr(PdCircuit) circuit = g_object_new (PD_TYPE_CIRCUIT, "id", "test-sydney", "name", "Sydney Motorsport Park",
                                               "zone", "Australia/Sydney", "latitude", -33.8034,
                                               "longitude", 150.871, NULL);
  g_autoptr(PdRound) show = g_object_new (PD_TYPE_ROUND, "id", "gt4-european-2023.show", "season-id", GT4,
                                          "name", "Show run", "circuit-id", "test-sydney",
                                          "start-date", "2023-12-02", "end-date", "2023-12-02",
                                          "status", PD_ROUND_STATUS_POSTPONED, "note", "Date to be confirmed",
                                          NULL);
  g_autoptr(PdSession) demo = g_object_new (PD_TYPE_SESSION, "id", "gt4-european-2023.show.demo",
                                            "round-id", "gt4-european-2023.show", "kind", PD_SESSION_KIND_WARM_UP,
                                            "name", "Demo", "status", PD_SESSION_STATUS_TENTATIVE, NULL);
  const char *crew[] = { "test-reserve", NULL, NULL };

  g_assert_no_error (error);
  g_assert_nonnull (rules);

  /* The season's own rules, as the rules editor stores them. */
  rules_text = pd_rules_to_json (rules);
  pd_season_set_rules (season, rules_text);
  save_ok (store, season);

  save_ok (store, reserve);
  save_ok (store, circuit);
  save_ok (store, show);
  save_ok (store, demo);

  /* A car with a crew of its own at Spa: the reserve and its usual first
   * driver. */
  crew[1] = pd_entry_get_crew_ids (entry)[0];
  g_assert_nonnull (crew[1]);
  g_assert_true (pd_store_set_round_crew (store, pd_entry_get_id (entry), pd_round_get_id (spa), crew, &error));
  g_assert_no_error (error);

  /* Spa's race 2, final, with a result that has every field and one
   * penalty of every kind. */
  for (guint i = 0; i < g_list_model_get_n_items (sessions) && race == NULL; i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      g_autoptr(GListModel) results = pd_store_list_results (store, pd_session_get_id (session), NULL);

      if (pd_session_get_kind (session) == PD_SESSION_KIND_RACE && g_list_model_get_n_items (results) > 0)
        {
          race = g_steal_pointer (&session);
          result = first_item (results);
        }
    }
  g_assert_nonnull (result);
  pd_session_set_final (race, TRUE);
  save_ok (store, race);

  pd_result_set_status (result, PD_RESULT_STATUS_DNF);
  pd_result_set_laps (result, 0);
  pd_result_set_total_time_ms (result, 3599999);
  pd_result_set_best_lap_ms (result, 138456);
  pd_result_set_grid (result, 1);
  pd_result_set_note (result, "Drive-through \"served\"\nthen retired – Öil");
  pd_result_set_car_number (result, "007");
  pd_result_set_fastest_lap (result, TRUE);
  save_ok (store, result);

  for (int kind = PD_PENALTY_KIND_TIME; kind <= PD_PENALTY_KIND_LAP_DELETED; kind++)
    {
      g_autofree char *id = g_strdup_printf ("%s.test-%s", pd_result_get_id (result),
                                             pd_enum_to_nick (PD_TYPE_PENALTY_KIND, kind));
      g_autoptr(PdPenalty) penalty = g_object_new (PD_TYPE_PENALTY, "id", id, "result-id", pd_result_get_id (result),
                                                   "kind", kind, "reason", "Test", "document", "Doc 12", NULL);

      if (kind == PD_PENALTY_KIND_TIME)
        pd_penalty_set_time_ms (penalty, 5000);
      else if (kind == PD_PENALTY_KIND_POSITIONS || kind == PD_PENALTY_KIND_GRID)
        pd_penalty_set_positions (penalty, 3);
      else if (kind == PD_PENALTY_KIND_POINTS)
        pd_penalty_set_points (penalty, 2500);
      save_ok (store, penalty);
    }
}

static void
test_everything (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *season;
  JsonObject *rules;

  enrich (f->store);
  text = round_trip (f, f->store, GT4, "copy.db", &path);

  /* Nothing is lost on the way: the copy holds the same rows, the
   * rules text included. */
  before = pd_test_dump_database (f->path);
  after = pd_test_dump_database (path);
  g_assert_cmpstr (before, ==, after);

  root = parse (text);
  season = json_object_get_object_member (json_node_get_object (root), "season");
  rules = json_object_get_object_member (season, "rules");
  g_assert_nonnull (rules);
  g_assert_cmpstr (json_object_get_string_member (rules, "format"), ==, "paddock-rules");
  g_assert_cmpstr (json_object_get_string_member (rules, "id"), ==, "club-dropped-rounds");

  g_assert_nonnull (strstr (text, "\"crews\" : [\n"));
  g_assert_nonnull (strstr (text, "\"final\" : true"));
  g_assert_nonnull (strstr (text, "\"note\" : \"Drive-through \\\"served\\\"\\nthen retired – Öil\""));
  g_assert_nonnull (strstr (text, "\"latitude\" : -33.8034,\n"));
  g_assert_nonnull (strstr (text, "\"status\" : \"tentative\""));
  g_assert_nonnull (strstr (text, "\"status\" : \"postponed\""));
  g_assert_nonnull (strstr (text, "\"grading\" : \"platinum\""));
  g_assert_nonnull (strstr (text, "\"laps\" : 0,"));
  for (int kind = PD_PENALTY_KIND_TIME; kind <= PD_PENALTY_KIND_LAP_DELETED; kind++)
    {
      g_autofree char *member = g_strdup_printf ("\"kind\" : \"%s\"", pd_enum_to_nick (PD_TYPE_PENALTY_KIND, kind));

      g_assert_nonnull (strstr (text, member));
    }
  /* No undo history in the file. */
  g_assert_null (strstr (text, "state_before"));
}

/* Every list of records in the document reversed (lists of ids are
 * ordered: a crew is in driving order; the rules are left alone). */
static void
reverse_lists (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "rules"))
          reverse_lists (json_object_get_member (object, l->data));
    }
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      JsonArray *reversed;

      if (n == 0 || !JSON_NODE_HOLDS_OBJECT (json_array_get_element (array, 0)))
        return;
      reversed = json_array_sized_new (n);
      for (guint i = n; i > 0; i--)
        {
          JsonNode *item = json_node_copy (json_array_get_element (array, i - 1));

          reverse_lists (item);
          json_array_add_element (reversed, item);
        }
      json_node_take_array (node, reversed);
    }
}

/* The order of the file is the data's, not the order it was stored in. */
static void
test_stable_order (Fixture       *f,
                   gconstpointer  data)
{
  g_autofree char *first = NULL;
  g_autofree char *reversed_text = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(PdStore) other = empty_store (f, "reversed.db", NULL);

  enrich (f->store);
  first = export_ok (f->store, GT4);
  root = parse (first);
  reverse_lists (root);
  reversed_text = generate (root);
  g_assert_cmpstr (reversed_text, !=, first);

  import_ok (other, reversed_text, GT4);
  second = export_ok (other, GT4);
  g_assert_cmpstr (first, ==, second);
}

static void
test_empty_season (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PdSeason) season = g_object_new (PD_TYPE_SEASON, "id", "club-2024", "name", "Club 2024", NULL);
  g_autofree char *text = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *document;

  save_ok (f->store, season);
  text = round_trip (f, f->store, "club-2024", "copy.db", NULL);
  root = parse (text);
  document = json_node_get_object (root);

  /* No series, and every list there even when empty. */
  g_assert_false (json_object_has_member (document, "series"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document, "rounds")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (document, "drivers")), ==, 0);
}

static void
test_unknown_season (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = pd_season_json_export (f->store, "nope-2099", &error);

  g_assert_null (text);
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "nope-2099"));
}

/* A broken file */

/* A file broken at its last penalty, deep inside: refused with its
 * place, and the database that holds the good file is unchanged. */
static void
test_broken_file (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *good = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *place = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(PdStore) other = NULL;
  g_autoptr(GError) error = NULL;
  JsonArray *rounds;
  JsonObject *penalty = NULL;

  enrich (f->store);
  good = export_ok (f->store, GT4);
  root = parse (good);

  /* The season renamed too, before the error: a half-stored import would
   * show it. */
  json_object_set_string_member (json_object_get_object_member (json_node_get_object (root), "season"),
                                 "name", "Renamed");
  rounds = json_object_get_array_member (json_node_get_object (root), "rounds");
  for (guint r = 0; r < json_array_get_length (rounds); r++)
    {
      JsonObject *round = json_array_get_object_element (rounds, r);
      JsonArray *sessions = json_object_has_member (round, "sessions")
                            ? json_object_get_array_member (round, "sessions") : NULL;

      for (guint s = 0; sessions != NULL && s < json_array_get_length (sessions); s++)
        {
          JsonObject *session = json_array_get_object_element (sessions, s);
          JsonArray *results = json_object_has_member (session, "results")
                               ? json_object_get_array_member (session, "results") : NULL;

          for (guint i = 0; results != NULL && i < json_array_get_length (results); i++)
            {
              JsonObject *result = json_array_get_object_element (results, i);
              JsonArray *penalties = json_object_has_member (result, "penalties")
                                     ? json_object_get_array_member (result, "penalties") : NULL;
              guint n = penalties != NULL ? json_array_get_length (penalties) : 0;

              if (n == 0)
                continue;
              penalty = json_array_get_object_element (penalties, n - 1);
              g_free (place);
              place = g_strdup_printf ("rounds[%u].sessions[%u].results[%u].penalties[%u].kind", r, s, i, n - 1);
            }
        }
    }
  g_assert_nonnull (penalty);
  json_object_set_string_member (penalty, "kind", "warning");
  bad = generate (root);

  other = empty_store (f, "copy.db", &path);
  import_ok (other, good, GT4);
  before = pd_test_dump_database (path);
  g_assert_false (pd_season_json_import (other, bad, strlen (bad), NULL, &error));
  g_assert_error (error, PD_SEASON_JSON_ERROR, PD_SEASON_JSON_ERROR_VALUE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, place));
  g_assert_nonnull (strstr (error->message, "lap-deleted"));
  after = pd_test_dump_database (path);
  g_assert_cmpstr (before, ==, after);
}

/* A file names its season: an import meant for another one is refused
 * before anything is stored. */
static void
test_expected_season (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *text = export_ok (f->store, GT4);
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(PdStore) other = empty_store (f, "copy.db", &path);
  g_autoptr(GError) error = NULL;
  g_autofree char *season_id = NULL;
  PdSeasonJsonStats stats = { 0 };

  before = pd_test_dump_database (path);
  g_assert_false (pd_season_json_import_full (other, text, strlen (text), "gt4-european-2024", &stats,
                                              &season_id, &error));
  g_assert_error (error, PD_SEASON_JSON_ERROR, PD_SEASON_JSON_ERROR_SEASON);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "gt4-european-2024"));
  g_assert_nonnull (strstr (error->message, GT4));
  g_assert_null (season_id);
  after = pd_test_dump_database (path);
  g_assert_cmpstr (before, ==, after);

  /* Into the season it holds, it goes in, created where it was not. */
  g_clear_error (&error);
  g_assert_true (pd_season_json_import_full (other, text, strlen (text), GT4, &stats, &season_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (season_id, ==, GT4);
  g_assert_cmpuint (stats.rounds, ==, 7);
  g_assert_cmpuint (stats.entries, ==, 10);
  g_assert_cmpuint (stats.results, ==, count_results (f->store, GT4));
  g_assert_cmpuint (stats.penalties, ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  pd_test_add_fixture ("/season-export/gt4", &seeded_options, test_gt4, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/season-export/f1", &empty_options, test_f1, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/season-export/everything", &seeded_options, test_everything, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/season-export/stable-order", &seeded_options, test_stable_order, NULL,
                       PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/season-export/empty-season", &empty_options, test_empty_season, NULL,
                       PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/season-export/unknown-season", &empty_options, test_unknown_season, NULL,
                       PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/season-export/broken-file", &seeded_options, test_broken_file, NULL,
                       PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/season-export/expected-season", &seeded_options, test_expected_season, NULL,
                       PD_TEST_FLAGS_NONE);

  return g_test_run ();
}
