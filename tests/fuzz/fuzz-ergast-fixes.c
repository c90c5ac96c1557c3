/* Fuzz target for the reader of the Ergast corrections
 * (pd-ergast-fixes.c).
 *
 * Beyond "does not crash", it checks the reader's promises on a small
 * race stored for it (the 2011 Canadian GP's last five finishers and a
 * retirement): a refused file gives a PD_ERGAST_FIXES_ERROR with a
 * readable message and changes nothing; an accepted one only ever moves
 * classified cars among the places they held and sets fastest laps, and
 * applying it again changes nothing more. */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <string.h>

#include "fuzz.h"
#include "pd-ergast-fixes.h"

static const struct {
  const char *driver;
  const char *number;
  int         position;  /* 0: retired */
} cars[] = {
  { "liuzzi", "23", 13 }, { "karthikeyan", "22", 14 }, { "ambrosio", "25", 15 },
  { "glock", "24", 16 }, { "trulli", "21", 17 }, { "maldonado", "12", 0 },
};

#define SESSION "f1-2011.r07.race"

static void
save (PdStore *store,
      gpointer record)
{
  g_autoptr(GError) error = NULL;

  if (!pd_store_save (store, G_OBJECT (record), &error))
    fuzz_fail ("could not set up the store: %s", error->message);
  g_object_unref (record);
}

static PdStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  PdStore *store = pd_store_new (":memory:", NULL, NULL, &error);
  PdSeries *series = pd_series_new ();
  PdSeason *season = pd_season_new ();
  PdRound *round = pd_round_new ();
  PdSession *session = pd_session_new ();
  PdTeam *team = pd_team_new ();

  if (store == NULL)
    fuzz_fail ("no store: %s", error->message);
  pd_series_set_id (series, "f1");
  pd_series_set_name (series, "Formula 1");
  save (store, series);
  pd_season_set_id (season, "f1-2011");
  pd_season_set_series_id (season, "f1");
  pd_season_set_name (season, "Formula 1 2011");
  save (store, season);
  pd_round_set_id (round, "f1-2011.r07");
  pd_round_set_season_id (round, "f1-2011");
  pd_round_set_number (round, 7);
  pd_round_set_name (round, "Canadian Grand Prix");
  save (store, round);
  pd_session_set_id (session, SESSION);
  pd_session_set_round_id (session, "f1-2011.r07");
  pd_session_set_kind (session, PD_SESSION_KIND_RACE);
  pd_session_set_name (session, "Grand Prix");
  save (store, session);
  pd_team_set_id (team, "team");
  pd_team_set_name (team, "Team");
  save (store, team);

  for (guint i = 0; i < G_N_ELEMENTS (cars); i++)
    {
      g_autofree char *entry_id = g_strdup_printf ("f1-2011.team.%s", cars[i].driver);
      g_autofree char *result_id = g_strdup_printf (SESSION ".%u", i);
      const char *crew[] = { cars[i].driver, NULL };
      PdDriver *driver = pd_driver_new ();
      PdEntry *entry = pd_entry_new ();
      PdResult *result = pd_result_new ();

      pd_driver_set_id (driver, cars[i].driver);
      pd_driver_set_last_name (driver, cars[i].driver);
      save (store, driver);
      pd_entry_set_id (entry, entry_id);
      pd_entry_set_season_id (entry, "f1-2011");
      pd_entry_set_team_id (entry, "team");
      pd_entry_set_crew_ids (entry, crew);
      save (store, entry);
      pd_result_set_id (result, result_id);
      pd_result_set_session_id (result, SESSION);
      pd_result_set_entry_id (result, entry_id);
      pd_result_set_driver_ids (result, crew);
      pd_result_set_car_number (result, cars[i].number);
      pd_result_set_status (result, cars[i].position > 0 ? PD_RESULT_STATUS_CLASSIFIED : PD_RESULT_STATUS_DNF);
      pd_result_set_position (result, cars[i].position);
      save (store, result);
    }
  return store;
}

static int
compare_lines (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char **) a, *(const char **) b);
}

/* The race as text: each result's id, position, road position and
 * fastest lap. */
static char *
describe (PdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = pd_store_list_results (store, SESSION, &error);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  guint taken = 0;

  if (results == NULL)
    fuzz_fail ("could not list the results: %s", error->message);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);
      int position = pd_result_get_position (result);

      /* Only the places held before, each once. */
      if (position != 0 && (position < 13 || position > 17 || (taken & (1u << position))))
        fuzz_fail ("%s: place %d", pd_result_get_id (result), position);
      if (position != 0)
        taken |= 1u << position;
      g_ptr_array_add (lines, g_strdup_printf ("%s %d %d %d", pd_result_get_id (result), position,
                                               pd_result_get_road_position (result),
                                               pd_result_get_fastest_lap (result)));
    }
  g_ptr_array_sort (lines, compare_lines);
  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *again = NULL;
  PdErgastFixesStats stats = { 0, }, second = { 0, };

  fuzz_init_logging ();

  /* The corrections file is small; megabytes only measure json-glib. */
  if (size > 256 * 1024)
    return 0;

  store = new_store ();
  before = describe (store);

  if (!pd_ergast_fixes_apply_data (store, (const char *) data, size, &stats, &error))
    {
      if (error == NULL || error->domain != PD_ERGAST_FIXES_ERROR ||
          !g_utf8_validate (error->message, -1, NULL))
        fuzz_fail ("refused without a PD_ERGAST_FIXES_ERROR");
      after = describe (store);
      if (!g_str_equal (before, after))
        fuzz_fail ("a refused file changed the store");
      return 0;
    }

  after = describe (store);
  if (stats.applied == 0 && !g_str_equal (before, after))
    fuzz_fail ("nothing applied, yet the store changed");

  /* Applying again finds every row already corrected. */
  if (!pd_ergast_fixes_apply_data (store, (const char *) data, size, &second, &error))
    fuzz_fail ("accepted once, refused the second time: %s", error->message);
  again = describe (store);
  if (second.applied != 0 || !g_str_equal (after, again))
    fuzz_fail ("applying again changed the store (%u applied)", second.applied);
  return 0;
}
