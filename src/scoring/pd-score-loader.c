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

/* The loader's copy of what it reads: strings in one chunk, results by
 * session until every row is read. */
typedef struct {
  const char  *id;
  const char  *team_id;
  const char  *class_id;
  guint        crew_ids;      /* where they start in Loader.lists */
} EntryInput;

typedef struct {
  const char      *id;
  const char      *entry_id;
  const char      *car_number;
  guint            driver_ids;  /* where they start in Loader.lists */
  PdResultStatus   status;
  int              laps;
  gint64           total_time_ms;
  int              grid;
  int              position;
  int              class_position;
  gboolean         fastest_lap;
} ResultInput;

typedef struct {
  PdScoreSession *session;
  GArray         *results;    /* ResultInput */
} SessionInput;

typedef struct {
  PdStore        *store;
  PdScoreSeason  *score;
  GStringChunk   *strings;
  GHashTable     *rounds;       /* round id → PdScoreRound, championship rounds only */
  GHashTable     *sessions;     /* session id → SessionInput, scoring sessions only */
  GPtrArray      *session_list; /* SessionInput, in the order read */
  GHashTable     *entries;      /* entry id → EntryInput */
  GPtrArray      *lists;        /* NULL-terminated lists of ids, one after the other */
  GHashTable     *deducted;     /* result id → PdPoints, its points penalties */
  SessionInput   *last_session; /* of the last result, which the next one most often shares */
  const char     *session_kinds; /* of the sessions read; NULL: all */
} Loader;

static void
session_input_free (gpointer data)
{
  SessionInput *input = data;

  g_array_unref (input->results);
  g_free (input);
}

static const char *
intern (Loader     *loader,
        const char *text)
{
  return text != NULL ? g_string_chunk_insert (loader->strings, text) : NULL;
}

/* Copies @strv to the end of the loader's lists; returns where it starts.
 * (The lists are only read once they are complete, as the array may
 * move while it grows.) */
static guint
intern_strv (Loader             *loader,
             const char * const *strv)
{
  guint start = loader->lists->len;

  for (guint i = 0; strv[i] != NULL; i++)
    g_ptr_array_add (loader->lists, (gpointer) intern (loader, strv[i]));
  g_ptr_array_add (loader->lists, NULL);
  return start;
}

static const char * const *
get_strv (Loader *loader,
          guint   start)
{
  return (const char * const *) &loader->lists->pdata[start];
}

static gboolean
round_cb (const PdStoreRoundRow  *row,
          gpointer                user_data,
          GError                **error)
{
  Loader *loader = user_data;

  /* Only championship rounds score; they are ordered by number. */
  if (row->number > 0 && row->status != PD_ROUND_STATUS_CANCELLED)
    g_hash_table_insert (loader->rounds, (gpointer) intern (loader, row->id),
                         pd_score_season_add_round (loader->score, row->number));
  return TRUE;
}

static gboolean
session_cb (const PdStoreSessionRow  *row,
            gpointer                  user_data,
            GError                  **error)
{
  Loader *loader = user_data;
  PdScoreRound *round = g_hash_table_lookup (loader->rounds, row->round_id);
  SessionInput *input;

  if (round == NULL || row->status == PD_SESSION_STATUS_CANCELLED)
    return TRUE;
  if (loader->session_kinds != NULL)
    {
      g_autofree char *nick = g_strconcat (",", pd_enum_to_nick (PD_TYPE_SESSION_KIND, row->kind), ",", NULL);

      if (strstr (loader->session_kinds, nick) == NULL)
        return TRUE;
    }

  input = g_new0 (SessionInput, 1);
  input->session = pd_score_round_add_session (round, row->id, row->kind);
  input->results = g_array_new (FALSE, FALSE, sizeof (ResultInput));
  g_hash_table_insert (loader->sessions, input->session->session_id, input);
  g_ptr_array_add (loader->session_list, input);
  return TRUE;
}

static gboolean
entry_cb (const PdStoreEntryRow  *row,
          gpointer                user_data,
          GError                **error)
{
  Loader *loader = user_data;
  EntryInput *entry = g_new (EntryInput, 1);

  entry->id = intern (loader, row->id);
  entry->team_id = intern (loader, row->team_id);
  entry->class_id = intern (loader, row->class_id);
  entry->crew_ids = intern_strv (loader, row->crew_ids);
  g_hash_table_insert (loader->entries, (gpointer) entry->id, entry);
  return TRUE;
}

static gboolean
result_cb (const PdStoreResultRow  *row,
           gpointer                 user_data,
           GError                 **error)
{
  Loader *loader = user_data;
  SessionInput *input = loader->last_session;
  ResultInput result;

  if (input == NULL || strcmp (input->session->session_id, row->session_id) != 0)
    {
      input = g_hash_table_lookup (loader->sessions, row->session_id);
      if (input == NULL)
        return TRUE;
      loader->last_session = input;
    }

  result.id = intern (loader, row->id);
  result.entry_id = intern (loader, row->entry_id);
  result.car_number = intern (loader, row->car_number);
  result.driver_ids = intern_strv (loader, row->driver_ids);
  result.status = row->status;
  result.laps = row->laps;
  result.total_time_ms = row->total_time_ms;
  result.grid = row->grid;
  result.position = row->position;
  result.class_position = row->class_position;
  result.fastest_lap = row->fastest_lap;
  g_array_append_val (input->results, result);
  return TRUE;
}

/* The store's order of a session's results: by recorded position, those
 * without one last, then by id. */
static int
compare_results (gconstpointer a,
                 gconstpointer b)
{
  const ResultInput *x = a;
  const ResultInput *y = b;

  if ((x->position == 0) != (y->position == 0))
    return x->position == 0 ? 1 : -1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return strcmp (x->id, y->id);
}

/* Positions as recorded, or derived from laps, times and penalties when
 * none is recorded (results typed in as times, not as an order). An
 * official order that is recorded always wins: it already holds the
 * stewards' decisions. */
static gboolean
derive_positions (Loader       *loader,
                  GArray       *results,
                  int          *positions,
                  int          *class_positions,
                  GError      **error)
{
  g_autoptr(GArray) outcomes = NULL;
  g_autofree PdClassifyEntry *entries = g_new0 (PdClassifyEntry, results->len);
  gboolean any_recorded = FALSE, any_timed = FALSE;

  for (guint i = 0; i < results->len; i++)
    {
      ResultInput *result = &g_array_index (results, ResultInput, i);

      positions[i] = result->position;
      class_positions[i] = result->class_position;
      any_recorded |= positions[i] > 0;
      any_timed |= result->laps >= 0 || result->total_time_ms >= 0;
    }
  if (any_recorded || !any_timed)
    return TRUE;

  for (guint i = 0; i < results->len; i++)
    {
      ResultInput *result = &g_array_index (results, ResultInput, i);
      EntryInput *entry = g_hash_table_lookup (loader->entries, result->entry_id);
      g_autoptr(GListModel) penalties = pd_store_list_penalties (loader->store, result->id, error);

      if (penalties == NULL)
        return FALSE;

      entries[i].result_id = result->id;
      entries[i].class_id = entry != NULL ? entry->class_id : NULL;
      entries[i].status = result->status;
      entries[i].laps = result->laps;
      entries[i].total_time_ms = result->total_time_ms;
      entries[i].recorded_class_position = result->class_position;
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

/* "team#number#position", the key of a car shared by the rows of its
 * drivers. (Made for tens of thousands of results: no printf.) */
static char *
car_key (const char *team_id,
         const char *car_number,
         int         position)
{
  char digits[16];
  int n = 0;
  gsize team_len = team_id != NULL ? strlen (team_id) : 0;
  gsize number_len = strlen (car_number);
  char *key, *p;

  do
    {
      digits[n++] = '0' + position % 10;
      position /= 10;
    }
  while (position > 0 && n < (int) sizeof digits);

  p = key = g_malloc (team_len + number_len + n + 3);
  memcpy (p, team_id != NULL ? team_id : "", team_len);
  p += team_len;
  *p++ = '#';
  memcpy (p, car_number, number_len);
  p += number_len;
  *p++ = '#';
  while (n > 0)
    *p++ = digits[--n];
  *p = '\0';
  return key;
}

static gboolean
add_session_results (Loader        *loader,
                     SessionInput  *input,
                     GError       **error)
{
  GArray *results = input->results;
  g_autofree int *positions = NULL;
  g_autofree int *class_positions = NULL;

  if (results->len == 0)
    return TRUE;

  g_array_sort (results, compare_results);
  positions = g_new0 (int, results->len);
  class_positions = g_new0 (int, results->len);
  if (!derive_positions (loader, results, positions, class_positions, error))
    return FALSE;

  for (guint i = 0; i < results->len; i++)
    {
      ResultInput *result = &g_array_index (results, ResultInput, i);
      EntryInput *entry = g_hash_table_lookup (loader->entries, result->entry_id);
      const char * const *drivers = get_strv (loader, result->driver_ids);
      PdResultStatus status = result->status;
      int position = positions[i];
      PdScoreResult *scored;

      if (entry == NULL)
        continue;
      if (drivers[0] == NULL)
        drivers = get_strv (loader, entry->crew_ids);
      /* Disqualified and excluded cars keep no position that scores. */
      if (status == PD_RESULT_STATUS_DSQ || status == PD_RESULT_STATUS_EXCLUDED || status == PD_RESULT_STATUS_DNS)
        position = 0;

      scored = pd_score_session_add_borrowed (input->session, result->id, entry->id,
                                              entry->team_id, entry->class_id,
                                              (char **) drivers, position);
      scored->grid = result->grid;
      scored->fastest_lap = result->fastest_lap;
      scored->car_number = (char *) result->car_number;
      if (loader->deducted != NULL && g_hash_table_contains (loader->deducted, result->id))
        scored->deducted = *(PdPoints *) g_hash_table_lookup (loader->deducted, result->id);
      if (position > 0 || status == PD_RESULT_STATUS_CLASSIFIED)
        scored->class_position = class_positions[i];

      /* Rows of one shared car: the same team and number, finishing
       * together (early Formula 1 lists each driver of a car apart). */
      if (result->car_number != NULL && position > 0)
        scored->car_key = car_key (entry->team_id, result->car_number, position);
      else
        scored->car_key = g_strdup (entry->id);
    }

  return TRUE;
}

/* Points penalties, in one query for the season (most have none). */
static gboolean
read_points_penalties (Loader      *loader,
                       const char  *season_id,
                       GError     **error)
{
  g_autoptr(GListModel) penalties = pd_store_list_season_points_penalties (loader->store, season_id, error);
  guint n;

  if (penalties == NULL)
    return FALSE;
  n = g_list_model_get_n_items (penalties);
  if (n == 0)
    return TRUE;

  loader->deducted = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdPenalty) penalty = g_list_model_get_item (penalties, i);
      PdPoints *sum = g_hash_table_lookup (loader->deducted, pd_penalty_get_result_id (penalty));

      if (sum == NULL)
        {
          sum = g_new (PdPoints, 1);
          *sum = PD_POINTS_ZERO;
          g_hash_table_insert (loader->deducted, g_strdup (pd_penalty_get_result_id (penalty)), sum);
        }
      /* Stored in thousandths of a point. */
      *sum = pd_points_add (*sum, pd_points_new (pd_penalty_get_points (penalty), 1000));
    }
  return TRUE;
}

static PdScoreSeason *
load_season (PdStore     *store,
             const char  *season_id,
             const char  *session_kinds,
             const char  *only_session_id,
             GError     **error)
{
  const PdStoreSeasonReader reader = { round_cb, session_cb, entry_cb, result_cb, session_kinds, only_session_id };
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(PdScoreSeason) score = NULL;
  Loader loader = { 0 };
  gboolean ok;

  g_return_val_if_fail (PD_IS_STORE (store), NULL);

  season = pd_store_get (store, PD_TYPE_SEASON, season_id, error);
  if (season == NULL)
    return NULL;

  /* Rows, not a GObject per record: a season of Formula 1 history has
   * thousands of results. */
  score = pd_score_season_new ();
  loader.store = store;
  loader.score = score;
  loader.strings = g_string_chunk_new (16384);
  loader.rounds = g_hash_table_new (g_str_hash, g_str_equal);
  loader.sessions = g_hash_table_new (g_str_hash, g_str_equal);
  loader.session_list = g_ptr_array_new_with_free_func (session_input_free);
  loader.entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  loader.lists = g_ptr_array_new ();
  loader.session_kinds = session_kinds;

  ok = pd_store_read_season (store, season_id, &reader, &loader, error);
  if (ok)
    ok = read_points_penalties (&loader, season_id, error);
  for (guint i = 0; ok && i < loader.session_list->len; i++)
    ok = add_session_results (&loader, loader.session_list->pdata[i], error);

  g_hash_table_unref (loader.rounds);
  g_hash_table_unref (loader.sessions);
  g_ptr_array_unref (loader.session_list);
  g_hash_table_unref (loader.entries);
  g_clear_pointer (&loader.deducted, g_hash_table_unref);
  /* The results point into the strings and lists read: they are the
   * season's now. (The lists no longer grow.) */
  pd_score_season_keep (score, loader.lists, (GDestroyNotify) g_ptr_array_unref);
  pd_score_season_keep (score, loader.strings, (GDestroyNotify) g_string_chunk_free);

  return ok ? g_steal_pointer (&score) : NULL;
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
  g_return_val_if_fail (PD_IS_STORE (store), NULL);

  return load_season (store, season_id, NULL, NULL, error);
}

/**
 * pd_score_season_load_scoring:
 * @rules: the rules the standings will be computed with
 *
 * Like pd_score_season_load(), with only the sessions that count in
 * standings under @rules: those of a kind that scores for drivers or
 * teams, and every race, whose finishes decide ties. (Formula 1 history
 * has qualifying results for a quarter of its rows, and no points for
 * them.) The tables of pd_standings_compute() come out the same from
 * either. The title maths too, but for one case: a round whose only
 * results so far are of a session that scores nothing (qualifying before
 * the race) is not yet counted as run, as it changed no one's points.
 *
 * Returns: (transfer full) (nullable): the season's championship rounds
 *   with their scoring sessions and their results
 */
PdScoreSeason *
pd_score_season_load_scoring (PdStore        *store,
                              const char     *season_id,
                              const PdRules  *rules,
                              GError        **error)
{
  g_autoptr(GString) kinds = g_string_new (",");

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  for (int k = 0; k < PD_N_SESSION_KINDS; k++)
    if (k == PD_SESSION_KIND_RACE || rules->drivers.sessions[k].enabled || rules->teams.sessions[k].enabled)
      g_string_append_printf (kinds, "%s,", pd_enum_to_nick (PD_TYPE_SESSION_KIND, k));

  return load_season (store, season_id, kinds->str, NULL, error);
}

/* More reloads than this, and the season is read whole again: each keeps
 * the strings it read until then. */
#define MAX_SESSION_RELOADS 32

/**
 * pd_score_season_reload_session:
 * @season: the season as pd_score_season_load() read it from @store
 * @session_id: the session whose results changed
 *
 * Brings @season up to date after the results of one session changed
 * (an edit, an import), reading the results of that session only: the
 * season's rounds, sessions and entries are read again (a changed
 * session may be new, or have brought new cars), the results of its
 * other sessions are kept as they were read. What comes out is what
 * pd_score_season_load() would read now, as long as only @session_id's
 * results changed since @season was read.
 *
 * Returns: %TRUE when @season was brought up to date; %FALSE with @error
 *   set, and @season as it was, when the store could not be read
 */
gboolean
pd_score_season_reload_session (PdScoreSeason  *season,
                                PdStore        *store,
                                const char     *season_id,
                                const char     *session_id,
                                GError        **error)
{
  g_autoptr(PdScoreSeason) fresh = NULL;
  g_autoptr(GHashTable) old_sessions = g_hash_table_new (g_str_hash, g_str_equal);
  GPtrArray *swap;

  g_return_val_if_fail (season != NULL, FALSE);
  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (session_id != NULL, FALSE);

  /* Read whole after many reloads: nothing of the old season is pointed
   * into any more, and it all goes. */
  if (season->kept != NULL && season->kept->len > MAX_SESSION_RELOADS)
    {
      fresh = load_season (store, season_id, NULL, NULL, error);
      if (fresh == NULL)
        return FALSE;
      swap = season->kept;
      season->kept = fresh->kept;
      fresh->kept = swap;
    }
  else
    {
      fresh = load_season (store, season_id, NULL, session_id, error);
      if (fresh == NULL)
        return FALSE;

      /* The other sessions' results move over from @season, as read. */
      for (guint r = 0; r < season->rounds->len; r++)
        {
          PdScoreRound *round = season->rounds->pdata[r];

          for (guint s = 0; s < round->sessions->len; s++)
            {
              PdScoreSession *session = round->sessions->pdata[s];

              g_hash_table_insert (old_sessions, session->session_id, session);
            }
        }
      for (guint r = 0; r < fresh->rounds->len; r++)
        {
          PdScoreRound *round = fresh->rounds->pdata[r];

          for (guint s = 0; s < round->sessions->len; s++)
            {
              PdScoreSession *session = round->sessions->pdata[s];
              PdScoreSession *old = g_hash_table_lookup (old_sessions, session->session_id);

              if (old == NULL || g_str_equal (session->session_id, session_id))
                continue;
              swap = session->results;
              session->results = old->results;
              old->results = swap;
            }
        }

      /* What the moved results point into stays, with what the new ones
       * point into. */
      pd_score_season_take_kept (season, fresh);
    }

  /* @season takes the new rounds; the old ones go with @fresh. */
  swap = season->rounds;
  season->rounds = fresh->rounds;
  fresh->rounds = swap;
  return TRUE;
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

/**
 * pd_standings_names_get:
 * @id: a driver, team or entry id from a standings row
 * @names: (type PdStandingsNames): where and what kind
 *
 * pd_standings_name() as a #PdTitleNameFunc.
 *
 * Returns: (transfer full): the competitor's name
 */
char *
pd_standings_names_get (const char *id,
                        gpointer    names)
{
  PdStandingsNames *n = names;

  return pd_standings_name (n->store, n->kind, id);
}
