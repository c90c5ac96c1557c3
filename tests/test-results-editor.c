/* Tests of the results editor's core (pd-results-editor.c): cars typed in
 * finishing order, values typed the ways timing sheets write them and
 * refused when they are not values, the +11 s penalty that reorders the
 * classification, and undo/redo through every edit, also with a new
 * editor (a restart). Every edit is in the database when it returns. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <string.h>

#include "pd-alkamel.h"
#include "pd-provisional.h"
#include "pd-results-editor.h"
#include "pd-score-loader.h"
#include "pd-test.h"

static const PdTestFixtureOptions seeded_store = {
  .name = "results-editor",
  .store = PD_TEST_STORE_SEEDED,
};

#define SEASON "gt4-european-2023"

/* A session of the embedded season with the cars of the Al Kamel fixture
 * (tests/data/alkamel/gt4-spa-race2.csv), times and all. */
static PdResultsEditor *
imported_session (PdTestFixture *f)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "alkamel", "gt4-spa-race2.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr(GError) error = NULL;
  PdAlkamelStats stats = { 0 };
  PdResultsEditor *editor;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (pd_alkamel_import (f->store, "gt4-spa-race2.csv", data, length, SEASON, 4, "Race 2", &stats, &error));
  g_assert_no_error (error);
  editor = pd_results_editor_new (f->store, stats.session_id, &error);
  g_assert_no_error (error);
  pd_alkamel_stats_clear (&stats);
  return editor;
}

/* A new, empty session of the embedded season. */
static PdResultsEditor *
empty_session (PdTestFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSession) session = g_object_new (PD_TYPE_SESSION, "id", SEASON ".r1.test", "round-id", SEASON ".r1",
                                               "name", "Test", "kind", PD_SESSION_KIND_RACE, NULL);
  PdResultsEditor *editor;

  g_assert_true (pd_store_save (f->store, G_OBJECT (session), &error));
  g_assert_no_error (error);
  editor = pd_results_editor_new (f->store, SEASON ".r1.test", &error);
  g_assert_no_error (error);
  return editor;
}

static PdResult *
car (PdResultsEditor *editor,
     const char      *number)
{
  g_autoptr(GPtrArray) results = pd_results_editor_get_results (editor);

  for (guint i = 0; i < results->len; i++)
    if (g_strcmp0 (pd_result_get_car_number (results->pdata[i]), number) == 0)
      return results->pdata[i];  /* the editor holds a reference too */
  g_error ("no car %s", number);
  return NULL;
}

/* "2 42 12": the numbers in classified order. */
static char *
order (PdResultsEditor *editor)
{
  g_autoptr(GPtrArray) results = pd_results_editor_get_results (editor);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < results->len; i++)
    g_string_append_printf (out, "%s%s", i > 0 ? " " : "", pd_result_get_car_number (results->pdata[i]));
  return g_string_free (out, FALSE);
}

/* Cars typed in finishing order, Enter after each. */
static void
test_typed_order (PdTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(PdResultsEditor) editor = empty_session (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *first = NULL;
  g_autofree char *moved = NULL;

  g_assert_true (pd_results_editor_add_car (editor, "2", &error));
  g_assert_true (pd_results_editor_add_car (editor, "#42", &error));
  g_assert_true (pd_results_editor_add_car (editor, " 12 ", &error));
  g_assert_true (pd_results_editor_add_car (editor, "3", &error));
  g_assert_no_error (error);
  first = order (editor);
  g_assert_cmpstr (first, ==, "2 42 12 3");
  g_assert_cmpint (pd_result_get_position (car (editor, "12")), ==, 3);
  /* #2, #12 and #3 are Silver cars; #42 is Pro-Am. */
  g_assert_cmpint (pd_result_get_class_position (car (editor, "12")), ==, 2);
  g_assert_cmpint (pd_result_get_class_position (car (editor, "42")), ==, 1);
  g_assert_cmpint (pd_result_get_class_position (car (editor, "3")), ==, 3);
  g_assert_cmpstr (pd_result_get_entry_id (car (editor, "42")), ==, SEASON ".42");

  /* Drag or keyboard: #3 up to second. */
  g_assert_true (pd_results_editor_move (editor, pd_result_get_id (car (editor, "3")), 1, &error));
  moved = order (editor);
  g_assert_cmpstr (moved, ==, "2 3 42 12");
  g_assert_cmpint (pd_result_get_class_position (car (editor, "3")), ==, 2);

  /* Not in the entry list: refused, and offered to be added. */
  g_assert_false (pd_results_editor_add_car (editor, "999", &error));
  g_assert_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_NO_CAR);
  g_assert_nonnull (strstr (error->message, "999"));
  g_clear_error (&error);
  g_assert_true (pd_results_editor_add_new_car (editor, "999", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_result_get_position (car (editor, "999")), ==, 5);

  /* A car already in: refused. */
  g_assert_false (pd_results_editor_add_car (editor, "2", &error));
  g_assert_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_DUPLICATE);
}

/* Values as timing sheets write them; a value that is not one changes
 * nothing, in the editor or in the file. */
static void
test_values (PdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(PdResultsEditor) editor = empty_session (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;

  g_assert_true (pd_results_editor_add_car (editor, "2", &error));
  g_assert_true (pd_results_editor_add_car (editor, "42", &error));
  /* A copy: each edit reads the session back, with new objects. */
  id = g_strdup (pd_result_get_id (car (editor, "2")));
  g_assert_true (pd_results_editor_set_field (editor, id, PD_RESULTS_FIELD_LAPS, "25", &error));
  g_assert_true (pd_results_editor_set_field (editor, id, PD_RESULTS_FIELD_TIME, "1:01'12.345", &error));
  g_assert_true (pd_results_editor_set_field (editor, id, PD_RESULTS_FIELD_BEST_LAP, "2:25.101", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_result_get_total_time_ms (car (editor, "2")), ==, 3672345);
  g_assert_cmpint (pd_result_get_best_lap_ms (car (editor, "2")), ==, 145101);
  g_assert_true (pd_result_get_fastest_lap (car (editor, "2")));

  /* A gap to the leader: his laps, his time plus the gap. */
  g_free (id);
  id = g_strdup (pd_result_get_id (car (editor, "42")));
  g_assert_true (pd_results_editor_set_field (editor, id, PD_RESULTS_FIELD_TIME, "+1.675", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pd_result_get_total_time_ms (car (editor, "42")), ==, 3674020);
  g_assert_cmpint (pd_result_get_laps (car (editor, "42")), ==, 25);
  g_assert_true (pd_results_editor_set_field (editor, id, PD_RESULTS_FIELD_TIME, "1 lap", &error));
  g_assert_cmpint (pd_result_get_laps (car (editor, "42")), ==, 24);
  g_assert_true (pd_results_editor_set_field (editor, id, PD_RESULTS_FIELD_STATUS, "dnf", &error));
  g_assert_cmpint (pd_result_get_status (car (editor, "42")), ==, PD_RESULT_STATUS_DNF);
  g_assert_no_error (error);

  before = pd_test_dump_database (f->path);
  g_assert_false (pd_results_editor_set_field (editor, id, PD_RESULTS_FIELD_TIME, "1:0x.5", &error));
  g_assert_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "”1:0x.5”"));
  g_clear_error (&error);
  g_assert_false (pd_results_editor_set_field (editor, id, PD_RESULTS_FIELD_LAPS, "many", &error));
  g_clear_error (&error);
  g_assert_false (pd_results_editor_set_field (editor, id, PD_RESULTS_FIELD_STATUS, "won", &error));
  g_clear_error (&error);
  g_assert_false (pd_results_editor_add_penalty (editor, id, PD_PENALTY_KIND_TIME, "eleven", NULL, NULL, &error));
  g_clear_error (&error);
  after = pd_test_dump_database (f->path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (pd_result_get_laps (car (editor, "42")), ==, 24);
}

/* The seeds' case: +11 s reorders the classification, overall and in
 * the class, and undo and redo walk it back and forth. */
static void
test_penalty_and_undo (PdTestFixture *f,
                       gconstpointer  data)
{
  g_autoptr(PdResultsEditor) editor = imported_session (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) penalties = NULL;
  g_autofree char *start = NULL;
  g_autofree char *penalised = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *id = g_strdup (pd_result_get_id (car (editor, "2")));

  start = order (editor);
  g_assert_cmpstr (start, ==, "2 42 12 10 77 89 36 3 78");
  g_assert_cmpint (pd_result_get_class_position (car (editor, "2")), ==, 1);

  /* 1:01'12.345 + 11 s = 1:01'23.345: behind #42 and #12, ahead of #10. */
  g_assert_true (pd_results_editor_add_penalty (editor, id, PD_PENALTY_KIND_TIME, "+11", "Pit stop under the minimum",
                                                "Doc. 42", &error));
  g_assert_no_error (error);
  penalised = order (editor);
  g_assert_cmpstr (penalised, ==, "42 12 2 10 77 89 36 3 78");
  g_assert_cmpint (pd_result_get_position (car (editor, "2")), ==, 3);
  g_assert_cmpint (pd_result_get_class_position (car (editor, "2")), ==, 2);
  g_assert_cmpint (pd_result_get_class_position (car (editor, "12")), ==, 1);
  penalties = pd_results_editor_get_penalties (editor, id);
  g_assert_cmpuint (penalties->len, ==, 1);
  g_assert_cmpint (pd_penalty_get_time_ms (penalties->pdata[0]), ==, 11000);
  g_assert_cmpstr (pd_penalty_get_document (penalties->pdata[0]), ==, "Doc. 42");

  g_assert_true (pd_results_editor_can_undo (editor));
  g_assert_false (pd_results_editor_can_redo (editor));
  g_assert_true (pd_results_editor_undo (editor, &error));
  g_assert_no_error (error);
  undone = order (editor);
  g_assert_cmpstr (undone, ==, start);
  g_assert_cmpuint (pd_results_editor_get_penalties (editor, NULL)->len, ==, 0);
  g_ptr_array_unref (pd_results_editor_get_penalties (editor, NULL));
  g_assert_true (pd_results_editor_can_redo (editor));

  g_assert_true (pd_results_editor_redo (editor, &error));
  redone = order (editor);
  g_assert_cmpstr (redone, ==, penalised);

  /* Removing the penalty classifies again too. */
  g_clear_pointer (&penalties, g_ptr_array_unref);
  penalties = pd_results_editor_get_penalties (editor, id);
  g_assert_true (pd_results_editor_remove_penalty (editor, pd_penalty_get_id (penalties->pdata[0]), &error));
  g_free (undone);
  undone = order (editor);
  g_assert_cmpstr (undone, ==, start);
}

/* Undo across a restart: a new editor finds every kept edit. A new edit
 * after an undo drops what could have been redone. */
static void
test_undo_after_restart (PdTestFixture *f,
                         gconstpointer  data)
{
  g_autoptr(PdResultsEditor) editor = empty_session (f);
  g_autoptr(PdResultsEditor) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *two = NULL;

  g_assert_true (pd_results_editor_add_car (editor, "2", &error));
  g_assert_true (pd_results_editor_add_car (editor, "42", &error));
  g_assert_true (pd_results_editor_add_car (editor, "12", &error));
  g_clear_object (&editor);

  again = pd_results_editor_new (f->store, SEASON ".r1.test", &error);
  g_assert_no_error (error);
  g_assert_true (pd_results_editor_can_undo (again));
  g_assert_true (pd_results_editor_undo (again, &error));
  two = order (again);
  g_assert_cmpstr (two, ==, "2 42");
  g_assert_true (pd_results_editor_undo (again, &error));
  g_assert_true (pd_results_editor_undo (again, &error));
  g_assert_cmpuint (pd_results_editor_get_results (again)->len, ==, 0);
  g_ptr_array_unref (pd_results_editor_get_results (again));
  g_assert_false (pd_results_editor_undo (again, &error));
  g_assert_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_NOTHING);
  g_clear_error (&error);

  g_assert_true (pd_results_editor_redo (again, &error));
  g_assert_true (pd_results_editor_add_car (again, "77", &error));
  g_assert_false (pd_results_editor_can_redo (again));
  g_clear_object (&again);

  editor = pd_results_editor_new (f->store, SEASON ".r1.test", &error);
  g_assert_no_error (error);
  g_free (two);
  two = order (editor);
  g_assert_cmpstr (two, ==, "2 77");
  g_assert_false (pd_results_editor_can_redo (editor));
}

/* Rows pasted from a spreadsheet: one edit (one undo); a car not in the
 * entry list is refused unless it may be added; a paste with a problem
 * changes nothing. */
static void
test_paste (PdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(PdResultsEditor) editor = empty_session (f);
  g_autoptr(PdPaste) paste = pd_paste_parse ("Pos\tNo.\tLaps\tTime\tBest lap\n"
                                             "1\t42\t25\t1:01:14.020\t2:25.300\n"
                                             "2\t2\t25\t+0.500\t2:25.101\n"
                                             "3\t999\t24\t1 lap\t\n");
  g_autoptr(PdPaste) broken = pd_paste_parse ("No.\tTime\n2\tsoon\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pasted = NULL;

  g_assert_cmpuint (paste->problems->len, ==, 0);
  before = pd_test_dump_database (f->path);
  g_assert_false (pd_results_editor_apply_paste (editor, paste, FALSE, &error));
  g_assert_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_NO_CAR);
  g_clear_error (&error);
  g_assert_false (pd_results_editor_apply_paste (editor, broken, TRUE, &error));
  g_assert_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE);
  g_clear_error (&error);
  after = pd_test_dump_database (f->path);
  g_assert_cmpstr (before, ==, after);

  g_assert_true (pd_results_editor_apply_paste (editor, paste, TRUE, &error));
  g_assert_no_error (error);
  pasted = order (editor);
  g_assert_cmpstr (pasted, ==, "42 2 999");
  g_assert_cmpint (pd_result_get_total_time_ms (car (editor, "2")), ==, 3674520);
  g_assert_cmpint (pd_result_get_laps (car (editor, "999")), ==, 24);
  g_assert_true (pd_result_get_fastest_lap (car (editor, "2")));

  /* One undo takes the whole paste back. */
  g_assert_true (pd_results_editor_undo (editor, &error));
  g_assert_cmpuint (pd_results_editor_get_results (editor)->len, ==, 0);
  g_ptr_array_unref (pd_results_editor_get_results (editor));
}

static void
test_final (PdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(PdResultsEditor) editor = empty_session (f);
  g_autoptr(PdResultsEditor) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (pd_results_editor_get_final (editor));
  g_assert_true (pd_results_editor_set_final (editor, TRUE, &error));
  g_assert_no_error (error);
  again = pd_results_editor_new (f->store, SEASON ".r1.test", &error);
  g_assert_true (pd_results_editor_get_final (again));
}

/* The standings say when they rest on results that are not final: a
 * race with results counts until it is marked final; practice never. */
static void
test_provisional (PdTestFixture *f,
                  gconstpointer  data)
{
  g_autoptr(PdResultsEditor) editor = empty_session (f);
  g_autoptr(PdResultsEditor) imported = imported_session (f);
  g_autoptr(PdResultsEditor) practice = NULL;
  g_autoptr(PdSession) fp = g_object_new (PD_TYPE_SESSION, "id", SEASON ".r1.fp-test", "round-id", SEASON ".r1",
                                          "name", "Practice", "kind", PD_SESSION_KIND_PRACTICE, NULL);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  /* The embedded season's results are final; the imported race is not. */
  found = pd_season_provisional_sessions (f->store, SEASON, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_null (pd_provisional_describe (found));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = pd_season_provisional_sessions (f->store, SEASON, 0, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (((PdProvisional *) found->pdata[0])->round_number, ==, 4);
  g_assert_true (pd_results_editor_set_final (imported, TRUE, &error));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = pd_season_provisional_sessions (f->store, SEASON, 0, &error);
  g_assert_cmpuint (found->len, ==, 0);

  /* A session without results is not provisional; with one it is. */
  g_assert_true (pd_store_save (f->store, G_OBJECT (fp), &error));
  practice = pd_results_editor_new (f->store, SEASON ".r1.fp-test", &error);
  g_assert_no_error (error);
  g_assert_true (pd_results_editor_add_car (practice, "2", &error));
  g_assert_true (pd_results_editor_add_car (editor, "2", &error));
  g_assert_no_error (error);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = pd_season_provisional_sessions (f->store, SEASON, 1, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (((PdProvisional *) found->pdata[0])->session_id, ==, SEASON ".r1.test");
  text = pd_provisional_describe (found);
  g_assert_nonnull (strstr (text, "Test"));

  g_assert_true (pd_results_editor_set_final (editor, TRUE, &error));
  g_clear_pointer (&found, g_ptr_array_unref);
  found = pd_season_provisional_sessions (f->store, SEASON, 0, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

/* An Al Kamel file imported from the editor is one edit: undone and
 * redone whole; a broken file changes nothing. */
static void
test_import_alkamel (PdTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(PdResultsEditor) editor = empty_session (f);
  g_autoptr(PdResultsEditor) again = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "alkamel", "gt4-spa-race2.csv", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint cars = 0;

  g_assert_true (pd_results_editor_add_car (editor, "2", &error));
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  /* A broken line: refused with its line, the session as it was. */
  {
    g_autofree char *broken = g_strconcat (contents, "1;2;3\n", NULL);

    g_assert_false (pd_results_editor_import_alkamel (editor, "broken.csv", broken, strlen (broken), NULL, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
    results = pd_results_editor_get_results (editor);
    g_assert_cmpuint (results->len, ==, 1);
    g_clear_pointer (&results, g_ptr_array_unref);
  }

  g_assert_true (pd_results_editor_import_alkamel (editor, "gt4-spa-race2.csv", contents, length, &cars, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (cars, ==, 9);
  results = pd_results_editor_get_results (editor);
  g_assert_cmpuint (results->len, ==, 9);
  g_assert_cmpint (pd_result_get_position (results->pdata[0]), ==, 1);
  g_clear_pointer (&results, g_ptr_array_unref);

  /* One undo takes the whole file back, also after a restart. */
  again = pd_results_editor_new (f->store, SEASON ".r1.test", &error);
  g_assert_true (pd_results_editor_undo (again, &error));
  g_assert_no_error (error);
  results = pd_results_editor_get_results (again);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpstr (pd_result_get_car_number (results->pdata[0]), ==, "2");
  g_clear_pointer (&results, g_ptr_array_unref);
  g_assert_true (pd_results_editor_redo (again, &error));
  results = pd_results_editor_get_results (again);
  g_assert_cmpuint (results->len, ==, 9);
}

/* A driver's points in the season's standings. */
static PdPoints
driver_points (PdStore    *store,
               const char *driver_id)
{
  g_autoptr(PdScoreSeason) season = pd_score_season_load (store, SEASON, NULL);
  g_autoptr(PdRules) rules = pd_rules_for_season (store, SEASON, NULL);
  g_autoptr(GPtrArray) rows = pd_standings_compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);

  for (guint i = 0; i < rows->len; i++)
    if (g_str_equal (((PdStandingsRow *) rows->pdata[i])->id, driver_id))
      return ((PdStandingsRow *) rows->pdata[i])->points;
  return PD_POINTS_ZERO;
}

/* A points penalty takes its points from the car's drivers in the
 * standings; removing it gives them back. */
static void
test_points_penalty (PdTestFixture *f,
                     gconstpointer  data)
{
  g_autoptr(PdResultsEditor) editor = imported_session (f);
  g_autoptr(GPtrArray) results = pd_results_editor_get_results (editor);
  g_autoptr(GPtrArray) penalties = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *car_2 = NULL;
  PdPoints before, after;

  for (guint i = 0; i < results->len; i++)
    if (g_strcmp0 (pd_result_get_car_number (results->pdata[i]), "2") == 0)
      car_2 = g_strdup (pd_result_get_id (results->pdata[i]));
  g_assert_nonnull (car_2);

  before = driver_points (f->store, "michael-schrey");
  g_assert_false (pd_results_editor_add_penalty (editor, car_2, PD_PENALTY_KIND_POINTS, "-3", "x", NULL, &error));
  g_assert_error (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_true (pd_results_editor_add_penalty (editor, car_2, PD_PENALTY_KIND_POINTS, "5", "Unsafe release",
                                                "Doc 12", &error));
  g_assert_no_error (error);
  after = driver_points (f->store, "michael-schrey");
  g_assert_cmpint (pd_points_compare (pd_points_add (after, pd_points_int (5)), before), ==, 0);
  /* Also Piana, his co-driver. */
  g_assert_cmpint (pd_points_compare (pd_points_add (driver_points (f->store, "gabriele-piana"), pd_points_int (5)),
                                      before), ==, 0);

  penalties = pd_results_editor_get_penalties (editor, car_2);
  g_assert_cmpuint (penalties->len, ==, 1);
  g_assert_true (pd_results_editor_remove_penalty (editor, pd_penalty_get_id (penalties->pdata[0]), &error));
  g_assert_cmpint (pd_points_compare (driver_points (f->store, "michael-schrey"), before), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  pd_test_add_fixture ("/results-editor/typed-order", &seeded_store, test_typed_order, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-editor/import-alkamel", &seeded_store, test_import_alkamel, NULL,
                       PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-editor/points-penalty", &seeded_store, test_points_penalty, NULL,
                       PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-editor/provisional", &seeded_store, test_provisional, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-editor/values", &seeded_store, test_values, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-editor/penalty-and-undo", &seeded_store, test_penalty_and_undo, NULL,
                       PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-editor/undo-after-restart", &seeded_store, test_undo_after_restart, NULL,
                       PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-editor/final", &seeded_store, test_final, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-editor/paste", &seeded_store, test_paste, NULL, PD_TEST_FLAGS_NONE);

  return g_test_run ();
}
