/* Tests of the entry list editor's core (pd-entry-list.c): cars added and
 * changed, a number used twice refused with nothing changed, teams and
 * drivers reused by name across seasons, a crew of one round, a car with
 * results kept, and undo/redo through all of it. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <string.h>

#include "pd-entry-list.h"
#include "pd-results-editor.h"
#include "pd-test.h"

static const PdTestFixtureOptions seeded_store = {
  .name = "entry-list",
  .store = PD_TEST_STORE_SEEDED,
};

#define SEASON "gt4-european-2023"

static PdEntryList *
entry_list (PdTestFixture *f,
            const char    *season_id)
{
  g_autoptr(GError) error = NULL;
  PdEntryList *list = pd_entry_list_new (f->store, season_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (list);
  return list;
}

/* "number:team:class:crew,crew" for every car, to compare states. */
static char *
describe (PdEntryList *list)
{
  g_autoptr(GPtrArray) entries = pd_entry_list_get_entries (list);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      PdEntry *entry = entries->pdata[i];
      g_autofree char *crew = NULL;

      crew = pd_entry_get_crew_ids (entry) != NULL ? g_strjoinv (",", (char **) pd_entry_get_crew_ids (entry))
                                                  : g_strdup ("");
      g_string_append_printf (out, "%s:%s:%s:%s:%s\n", pd_entry_get_number (entry),
                              pd_entry_get_team_id (entry), pd_entry_get_class_id (entry),
                              pd_entry_get_car_model (entry), crew);
    }
  return g_string_free (out, FALSE);
}

static void
test_add_and_duplicate (PdTestFixture *f,
                        gconstpointer  data)
{
  g_autoptr(PdEntryList) list = entry_list (f, SEASON);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = describe (list);
  g_autofree char *after = NULL;
  g_autofree char *id = NULL;
  g_autoptr(PdEntry) entry = NULL;

  /* Car 2 is Hofor Racing's: a second car 2 is refused, naming it. */
  g_assert_null (pd_entry_list_add_car (list, " 2 ", &error));
  g_assert_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "2"));
  g_assert_nonnull (strstr (error->message, "Hofor"));
  g_clear_error (&error);
  after = describe (list);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (pd_entry_list_can_undo (list));

  g_assert_null (pd_entry_list_add_car (list, "", &error));
  g_assert_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_null (pd_entry_list_add_car (list, "#123456789", &error));
  g_assert_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE);
  g_clear_error (&error);

  id = pd_entry_list_add_car (list, "#99", &error);
  g_assert_no_error (error);
  entry = pd_entry_list_get_entry (list, id);
  g_assert_cmpstr (pd_entry_get_number (entry), ==, "99");
  g_assert_nonnull (strstr (pd_entry_list_get_undo_description (list), "99"));

  /* Renumbering onto a number in use is refused too. */
  g_assert_false (pd_entry_list_set_number (list, id, "3", &error));
  g_assert_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_DUPLICATE);
  g_clear_error (&error);
  g_assert_true (pd_entry_list_set_number (list, id, "98", &error));
  g_assert_no_error (error);
  g_clear_object (&entry);
  entry = pd_entry_list_get_entry (list, id);
  g_assert_cmpstr (pd_entry_get_number (entry), ==, "98");

  /* Undo both: the list is as it was; redo brings them back. */
  g_assert_true (pd_entry_list_undo (list, &error));
  g_assert_true (pd_entry_list_undo (list, &error));
  g_assert_no_error (error);
  g_clear_pointer (&after, g_free);
  after = describe (list);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (pd_entry_list_undo (list, &error));
  g_assert_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_NOTHING);
  g_clear_error (&error);
  g_assert_true (pd_entry_list_redo (list, &error));
  g_assert_true (pd_entry_list_redo (list, &error));
  g_clear_object (&entry);
  entry = pd_entry_list_get_entry (list, id);
  g_assert_cmpstr (pd_entry_get_number (entry), ==, "98");
  g_assert_false (pd_entry_list_can_redo (list));
}

static void
test_teams_and_drivers_reused (PdTestFixture *f,
                               gconstpointer  data)
{
  g_autoptr(PdEntryList) list = entry_list (f, SEASON);
  g_autoptr(PdEntryList) other = NULL;
  g_autoptr(PdSeason) season = g_object_new (PD_TYPE_SEASON, "id", "club-2024", "name", "Club 2024", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(PdTeam) team = NULL;
  g_autoptr(PdDriver) driver = NULL;
  g_autofree char *car = NULL;
  g_autofree char *other_car = NULL;
  g_autofree char *driver_id = NULL;
  g_auto(GStrv) crew = NULL;

  car = pd_entry_list_add_car (list, "101", &error);
  g_assert_no_error (error);
  g_assert_true (pd_entry_list_set_team (list, car, "  Street Art Racing ", &error));
  g_assert_no_error (error);
  entry = pd_entry_list_get_entry (list, car);
  team = pd_entry_list_get_team (list, pd_entry_get_team_id (entry));
  g_assert_cmpstr (pd_team_get_name (team), ==, "Street Art Racing");

  /* Another season: the same team by name, and a seeded driver. */
  g_assert_true (pd_store_save (f->store, G_OBJECT (season), &error));
  other = entry_list (f, "club-2024");
  other_car = pd_entry_list_add_car (other, "7", &error);
  g_assert_true (pd_entry_list_set_team (other, other_car, "street art racing", &error));
  g_clear_object (&entry);
  entry = pd_entry_list_get_entry (other, other_car);
  g_assert_cmpstr (pd_entry_get_team_id (entry), ==, pd_team_get_id (team));
  driver_id = pd_entry_list_add_driver (other, other_car, NULL, "Jessica Bäckman", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (driver_id, ==, "jessica-backman");
  driver = pd_entry_list_get_driver (other, driver_id);
  g_assert_cmpstr (pd_driver_get_first_name (driver), ==, "Jessica");

  /* Twice in one crew: refused. */
  g_assert_null (pd_entry_list_add_driver (other, other_car, NULL, "Jessica Bäckman", &error));
  g_assert_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* A new driver, written as timing sheets do. */
  g_free (driver_id);
  driver_id = pd_entry_list_add_driver (other, other_car, NULL, "Simon DOLAN", &error);
  g_assert_no_error (error);
  g_clear_object (&driver);
  driver = pd_entry_list_get_driver (other, driver_id);
  g_assert_cmpstr (pd_driver_get_last_name (driver), ==, "Dolan");
  crew = pd_entry_list_get_crew (other, other_car, NULL);
  g_assert_cmpuint (g_strv_length (crew), ==, 2);
  g_assert_cmpstr (crew[1], ==, driver_id);

  /* Nationality and grading, checked. */
  g_assert_false (pd_entry_list_set_nationality (other, driver_id, "Sweden", &error));
  g_assert_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE);
  g_clear_error (&error);
  g_assert_true (pd_entry_list_set_nationality (other, driver_id, "gb", &error));
  g_assert_true (pd_entry_list_set_grading (other, driver_id, PD_GRADING_BRONZE, &error));
  g_assert_no_error (error);
  g_clear_object (&driver);
  driver = pd_entry_list_get_driver (other, driver_id);
  g_assert_cmpstr (pd_driver_get_nationality (driver), ==, "GB");
  g_assert_cmpint (pd_driver_get_grading (driver), ==, PD_GRADING_BRONZE);

  /* Undo the new driver's addition: the driver is gone again. */
  g_assert_true (pd_entry_list_undo (other, &error));
  g_assert_true (pd_entry_list_undo (other, &error));
  g_assert_true (pd_entry_list_undo (other, &error));
  g_assert_no_error (error);
  g_clear_object (&driver);
  driver = pd_entry_list_get_driver (other, driver_id);
  g_assert_null (driver);
  g_clear_pointer (&crew, g_strfreev);
  crew = pd_entry_list_get_crew (other, other_car, NULL);
  g_assert_cmpuint (g_strv_length (crew), ==, 1);
}

static void
test_round_crew (PdTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(PdEntryList) list = entry_list (f, SEASON);
  g_autoptr(PdSession) session = g_object_new (PD_TYPE_SESSION, "id", SEASON ".r5.test", "round-id", SEASON ".r5",
                                               "name", "Test", "kind", PD_SESSION_KIND_RACE, NULL);
  g_autoptr(PdResultsEditor) editor = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) usual = NULL;
  g_auto(GStrv) crew = NULL;
  g_autofree char *stand_in = NULL;
  const char *car = SEASON ".2";

  usual = pd_entry_list_get_crew (list, car, NULL);
  g_assert_cmpuint (g_strv_length (usual), ==, 2);
  g_assert_false (pd_entry_list_has_round_crew (list, car, SEASON ".r5"));

  /* At Hockenheim one driver is replaced by a stand-in. */
  g_assert_true (pd_entry_list_remove_driver (list, car, SEASON ".r5", usual[1], &error));
  g_assert_no_error (error);
  stand_in = pd_entry_list_add_driver (list, car, SEASON ".r5", "Stand IN", &error);
  g_assert_no_error (error);
  crew = pd_entry_list_get_crew (list, car, SEASON ".r5");
  g_assert_cmpuint (g_strv_length (crew), ==, 2);
  g_assert_cmpstr (crew[0], ==, usual[0]);
  g_assert_cmpstr (crew[1], ==, stand_in);
  g_assert_true (pd_entry_list_has_round_crew (list, car, SEASON ".r5"));
  g_clear_pointer (&crew, g_strfreev);
  crew = pd_entry_list_get_crew (list, car, NULL);
  g_assert_true (g_strv_equal ((const char * const *) crew, (const char * const *) usual));

  /* A result entered in that round has the round's crew. */
  g_assert_true (pd_store_save (f->store, G_OBJECT (session), &error));
  editor = pd_results_editor_new (f->store, SEASON ".r5.test", &error);
  g_assert_no_error (error);
  g_assert_true (pd_results_editor_add_car (editor, "2", &error));
  g_assert_no_error (error);
  results = pd_results_editor_get_results (editor);
  g_assert_cmpstr (pd_result_get_driver_ids (results->pdata[0])[1], ==, stand_in);

  /* Back to the usual crew, and undone. */
  g_assert_true (pd_entry_list_reset_round_crew (list, car, SEASON ".r5", &error));
  g_assert_false (pd_entry_list_has_round_crew (list, car, SEASON ".r5"));
  g_assert_true (pd_entry_list_undo (list, &error));
  g_assert_no_error (error);
  g_assert_true (pd_entry_list_has_round_crew (list, car, SEASON ".r5"));
}

static void
test_remove (PdTestFixture *f,
             gconstpointer  data)
{
  g_autoptr(PdEntryList) list = entry_list (f, SEASON);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdEntry) entry = NULL;
  g_autofree char *car = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_auto(GStrv) crew = NULL;

  /* The Bäckman car has results at Spa: kept. */
  g_assert_false (pd_entry_list_remove_car (list, SEASON ".backman", &error));
  g_assert_error (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_HAS_RESULTS);
  g_assert_nonnull (strstr (error->message, " 6 "));
  g_clear_error (&error);
  entry = pd_entry_list_get_entry (list, SEASON ".backman");
  g_assert_nonnull (entry);

  /* A car without results, with a crew of its own at one round. */
  car = pd_entry_list_add_car (list, "55", &error);
  g_free (pd_entry_list_add_driver (list, car, NULL, "Anna Svensson", &error));
  g_free (pd_entry_list_add_driver (list, car, SEASON ".r4", "Bo Berg", &error));
  g_assert_no_error (error);
  before = describe (list);
  g_assert_true (pd_entry_list_remove_car (list, car, &error));
  g_assert_no_error (error);
  g_clear_object (&entry);
  entry = pd_entry_list_get_entry (list, car);
  g_assert_null (entry);

  g_assert_true (pd_entry_list_undo (list, &error));
  g_assert_no_error (error);
  after = describe (list);
  g_assert_cmpstr (after, ==, before);
  crew = pd_entry_list_get_crew (list, car, SEASON ".r4");
  g_assert_cmpuint (g_strv_length (crew), ==, 2);
  g_assert_cmpstr (crew[1], ==, "bo-berg");

  g_assert_true (pd_entry_list_redo (list, &error));
  g_clear_object (&entry);
  entry = pd_entry_list_get_entry (list, car);
  g_assert_null (entry);
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  pd_test_add_fixture ("/entry-list/add-and-duplicate", &seeded_store, test_add_and_duplicate, NULL,
                       PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/entry-list/teams-and-drivers-reused", &seeded_store, test_teams_and_drivers_reused,
                       NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/entry-list/round-crew", &seeded_store, test_round_crew, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/entry-list/remove", &seeded_store, test_remove, NULL, PD_TEST_FLAGS_NONE);

  return g_test_run ();
}
