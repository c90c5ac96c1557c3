#define G_LOG_DOMAIN "paddock-scoring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-classification.h"
#include "pd-score-loader.h"

/*
 * Reads the scoring engine's input from the store. The engine itself
 * (pd-standings.c) never sees the database; this is the one place that
 * turns stored rounds, sessions, entries and results into its plain data.
 */

/* Positions as recorded, or derived from laps, times and penalties when
 * none is recorded (results typed in as times, not as an order). An
 * official order that is recorded always wins: it already holds the
 * stewards' decisions. */
static gboolean
derive_positions (PdStore     *store,
                  GPtrArray   *results,
                  GHashTable  *entry_by_id,
                  int         *positions,
                  int         *class_positions,
                  GError     **error)
{
  g_autoptr(GArray) outcomes = NULL;
  g_autofree PdClassifyEntry *entries = g_new0 (PdClassifyEntry, results->len);
  gboolean any_recorded = FALSE, any_timed = FALSE;

  for (guint i = 0; i < results->len; i++)
    {
      PdResult *result = results->pdata[i];

      positions[i] = pd_result_get_position (result);
      class_positions[i] = pd_result_get_class_position (result);
      any_recorded |= positions[i] > 0;
      any_timed |= pd_result_get_laps (result) >= 0 || pd_result_get_total_time_ms (result) >= 0;
    }
  if (any_recorded || !any_timed)
    return TRUE;

  for (guint i = 0; i < results->len; i++)
    {
      PdResult *result = results->pdata[i];
      PdEntry *entry = g_hash_table_lookup (entry_by_id, pd_result_get_entry_id (result));
      g_autoptr(GListModel) penalties = pd_store_list_penalties (store, pd_result_get_id (result), error);

      if (penalties == NULL)
        return FALSE;

      entries[i].result_id = pd_result_get_id (result);
      entries[i].class_id = entry != NULL ? pd_entry_get_class_id (entry) : NULL;
      entries[i].status = pd_result_get_status (result);
      entries[i].laps = pd_result_get_laps (result);
      entries[i].total_time_ms = pd_result_get_total_time_ms (result);
      entries[i].recorded_class_position = pd_result_get_class_position (result);
      for (guint p = 0; p < g_list_model_get_n_items (penalties); p++)
        {
          g_autoptr(PdPenalty) penalty = g_list_model_get_item (penalties, p);

          switch (pd_penalty_get_kind (penalty))
            {
            case PD_PENALTY_KIND_TIME:
              entries[i].penalty_time_ms += pd_penalty_get_time_ms (penalty);
              break;
            case PD_PENALTY_KIND_POSITIONS:
              entries[i].penalty_positions += pd_penalty_get_positions (penalty);
              break;
            case PD_PENALTY_KIND_DISQUALIFICATION:
              entries[i].disqualified = TRUE;
              break;
            case PD_PENALTY_KIND_EXCLUSION:
              entries[i].excluded = TRUE;
              break;
            default:
              break;
            }
        }
    }

  outcomes = pd_classify (entries, results->len, NULL);
  for (guint o = 0; o < outcomes->len; o++)
    {
      PdClassifyOutcome *outcome = &g_array_index (outcomes, PdClassifyOutcome, o);

      for (guint i = 0; i < results->len; i++)
        if (entries[i].result_id == outcome->result_id)
          {
            gboolean scores = outcome->status == PD_RESULT_STATUS_CLASSIFIED ||
                              outcome->status == PD_RESULT_STATUS_DNF;

            positions[i] = scores ? outcome->position : 0;
            class_positions[i] = scores ? outcome->class_position : 0;
          }
    }
  return TRUE;
}

static gboolean
add_session_results (PdStore         *store,
                     PdScoreSession  *session,
                     GPtrArray       *results,
                     GHashTable      *entry_by_id,
                     GError         **error)
{
  g_autofree int *positions = g_new0 (int, results->len);
  g_autofree int *class_positions = g_new0 (int, results->len);

  if (!derive_positions (store, results, entry_by_id, positions, class_positions, error))
    return FALSE;

  for (guint i = 0; i < results->len; i++)
    {
      PdResult *result = results->pdata[i];
      PdEntry *entry = g_hash_table_lookup (entry_by_id, pd_result_get_entry_id (result));
      const char * const *drivers = pd_result_get_driver_ids (result);
      PdResultStatus status = pd_result_get_status (result);
      int position = positions[i];
      PdScoreResult *scored;

      if (entry == NULL)
        continue;
      if (drivers == NULL || drivers[0] == NULL)
        drivers = pd_entry_get_crew_ids (entry);
      /* Disqualified and excluded cars keep no position that scores. */
      if (status == PD_RESULT_STATUS_DSQ || status == PD_RESULT_STATUS_EXCLUDED || status == PD_RESULT_STATUS_DNS)
        position = 0;

      scored = pd_score_session_add_result (session, pd_result_get_id (result), pd_entry_get_id (entry),
                                            pd_entry_get_team_id (entry), pd_entry_get_class_id (entry),
                                            drivers, position);
      scored->grid = pd_result_get_grid (result);
      scored->fastest_lap = pd_result_get_fastest_lap (result);
      if (position > 0 || status == PD_RESULT_STATUS_CLASSIFIED)
        scored->class_position = class_positions[i];

      /* Rows of one shared car: the same team and number, finishing
       * together (early Formula 1 lists each driver of a car apart). */
      if (pd_result_get_car_number (result) != NULL && position > 0)
        scored->car_key = g_strdup_printf ("%s#%s#%d",
                                           pd_entry_get_team_id (entry) != NULL ? pd_entry_get_team_id (entry) : "",
                                           pd_result_get_car_number (result), position);
      else
        scored->car_key = g_strdup (pd_entry_get_id (entry));
    }

  return TRUE;
}

/**
 * pd_score_season_load:
 *
 * Returns: (transfer full) (nullable): the season's championship rounds
 *   with their sessions and results
 */
PdScoreSeason *
pd_score_season_load (PdStore     *store,
                      const char  *season_id,
                      GError     **error)
{
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GHashTable) entry_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) round_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) session_by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) by_session = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                            (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(PdScoreSeason) score = pd_score_season_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (PD_IS_STORE (store), NULL);

  season = pd_store_get (store, PD_TYPE_SEASON, season_id, error);
  if (season == NULL ||
      (rounds = pd_store_list_rounds (store, season_id, error)) == NULL ||
      (sessions = pd_store_list_season_sessions (store, season_id, error)) == NULL ||
      (entries = pd_store_list_entries (store, season_id, error)) == NULL ||
      (results = pd_store_list_season_results (store, season_id, error)) == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      PdEntry *entry = g_list_model_get_item (entries, i);

      g_hash_table_insert (entry_by_id, (gpointer) pd_entry_get_id (entry), entry);
      g_object_unref (entry);  /* the list keeps it alive */
    }

  /* Only championship rounds score; they are ordered by number. */
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);

      if (pd_round_get_number (round) > 0 && pd_round_get_status (round) != PD_ROUND_STATUS_CANCELLED)
        g_hash_table_insert (round_by_id, g_strdup (pd_round_get_id (round)),
                             pd_score_season_add_round (score, pd_round_get_number (round)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      PdScoreRound *round = g_hash_table_lookup (round_by_id, pd_session_get_round_id (session));

      if (round == NULL || pd_session_get_status (session) == PD_SESSION_STATUS_CANCELLED)
        continue;
      g_hash_table_insert (session_by_id, g_strdup (pd_session_get_id (session)),
                           pd_score_round_add_session (round, pd_session_get_id (session),
                                                       pd_session_get_kind (session)));
    }

  /* Results by session, in the store's order (by position). */
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      PdResult *result = g_list_model_get_item (results, i);
      GPtrArray *list;

      if (!g_hash_table_contains (session_by_id, pd_result_get_session_id (result)))
        {
          g_object_unref (result);
          continue;
        }
      list = g_hash_table_lookup (by_session, pd_result_get_session_id (result));
      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (by_session, (gpointer) pd_result_get_session_id (result), list);
        }
      g_ptr_array_add (list, result);
    }

  g_hash_table_iter_init (&iter, by_session);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!add_session_results (store, g_hash_table_lookup (session_by_id, key), value, entry_by_id, error))
      return NULL;

  return g_steal_pointer (&score);
}

/**
 * pd_rules_for_season:
 *
 * Returns: (transfer full) (nullable): the points rules the season names
 */
PdRules *
pd_rules_for_season (PdStore     *store,
                     const char  *season_id,
                     GError     **error)
{
  g_autoptr(PdSeason) season = pd_store_get (store, PD_TYPE_SEASON, season_id, error);

  if (season == NULL)
    return NULL;

  /* The season's own rules, if it has been given any, come first. */
  if (pd_season_get_rules (season) != NULL)
    {
      const char *rules = pd_season_get_rules (season);
      return pd_rules_parse (rules, strlen (rules), error);
    }

  if (pd_season_get_rules_id (season) == NULL)
    {
      g_set_error (error, PD_RULES_ERROR, PD_RULES_ERROR_VALUE,
                   _("Season “%s” has no points rules"), season_id);
      return NULL;
    }

  return pd_rules_load_preset (pd_season_get_rules_id (season), error);
}

static char *
driver_name (PdStore    *store,
             const char *id,
             gboolean    last_only)
{
  g_autoptr(PdDriver) driver = pd_store_get (store, PD_TYPE_DRIVER, id, NULL);

  if (driver == NULL)
    return g_strdup (id);
  if (last_only || pd_driver_get_first_name (driver) == NULL)
    return g_strdup (pd_driver_get_last_name (driver));
  /* TRANSLATORS: a driver's name: first name, last name */
  return g_strdup_printf (_("%s %s"), pd_driver_get_first_name (driver), pd_driver_get_last_name (driver));
}

/**
 * pd_standings_name:
 * @kind: what @id names
 * @id: a driver, team or entry id from a standings row
 *
 * Returns: (transfer full): the name people read for a competitor: a
 *   driver's full name, a team's name, or a car's number and crew
 */
char *
pd_standings_name (PdStore         *store,
                   PdStandingsKind  kind,
                   const char      *id)
{
  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if (kind == PD_STANDINGS_DRIVERS)
    return driver_name (store, id, FALSE);

  if (kind == PD_STANDINGS_TEAMS)
    {
      g_autoptr(PdTeam) team = pd_store_get (store, PD_TYPE_TEAM, id, NULL);

      return g_strdup (team != NULL ? pd_team_get_name (team) : id);
    }

  {
    g_autoptr(PdEntry) entry = pd_store_get (store, PD_TYPE_ENTRY, id, NULL);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
    g_autofree char *crew = NULL;
    const char * const *crew_ids;

    if (entry == NULL)
      return g_strdup (id);

    crew_ids = pd_entry_get_crew_ids (entry);
    for (guint i = 0; crew_ids != NULL && crew_ids[i] != NULL; i++)
      g_ptr_array_add (names, driver_name (store, crew_ids[i], TRUE));
    g_ptr_array_add (names, NULL);
    crew = g_strjoinv (" / ", (char **) names->pdata);
    if (*crew == '\0')
      {
        g_free (crew);
        crew = g_strdup (pd_entry_get_car_model (entry) != NULL ? pd_entry_get_car_model (entry) : id);
      }

    if (pd_entry_get_number (entry) != NULL)
      /* TRANSLATORS: a car in the standings: its number, then its drivers */
      return g_strdup_printf (_("#%s %s"), pd_entry_get_number (entry), crew);
    return g_steal_pointer (&crew);
  }
}
