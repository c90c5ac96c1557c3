#define G_LOG_DOMAIN "paddock-scoring"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-title.h"

/*
 * Title maths. A competitor can still be champion when some outcome of
 * the sessions left makes it first, and the outcome that serves it best
 * is always the same one: it wins every session left from pole with the
 * fastest lap, and no one else is classified (everyone else retires).
 * That outcome can happen, so whoever is first in it can still take the
 * title; and nothing serves it better, because
 *
 * - its own counted points are the most they can be: a best-N or split
 *   season counts the best of its scores, and adding the highest score
 *   every session can give replaces every result worth replacing;
 * - every other competitor keeps what it has: a result without points
 *   changes no one's counted points, and only adds to nobody's finishes;
 * - its countback is the best it can be: the most wins, and the places
 *   behind the wins are compared only when the wins are level.
 *
 * So the maths is the scoring engine itself, run on that outcome: the
 * season's rules (tables per session kind, multipliers, bonuses, classes,
 * counting, tie-breaks, adjustments) apply as they do to the standings,
 * and "can still win" is exact. In that outcome the others keep their
 * points, so one run that gives everyone their best at once (see
 * outcome_init()) settles all but those whose best only draws level with
 * the one ahead; for those, their own outcome is run for the tie-break.
 *
 * Assumptions where the data cannot say:
 *
 * - A driver can drive a car alone. A shared car's points are divided
 *   (or withheld) because it was shared, so a driver's most is a whole
 *   car's points; the rules have no mandatory crew.
 * - A team runs no more cars in a session than it has run in one session
 *   so far (a competitor yet to score: as many as the most any team ran).
 * - A competitor who has not scored yet can still appear and win
 *   everything: the title is not decided while such a newcomer could
 *   still finish first.
 * - Points deductions and exclusions count from the round they are
 *   recorded at; after round N only those up to N are known. A reset of
 *   an entry (a new entrant taking over a car) always counts.
 * - A race still to come is run in full: reduced points for a race
 *   stopped short (a multiplier below 1) are not known before it, while
 *   double points are.
 *
 * The title is decided after round N when no one but the leader can
 * still finish first (or the leaders level on points and countback, as a
 * car's crew is). The decided round is the first round of the last run
 * of rounds after which that was so, which is the first such round
 * unless a later penalty opened the title again.
 */

#define NEWCOMER_ID "\001newcomer"

/* A season as it may end: what has happened, borrowed, and the sessions
 * left as some competitors take them (see outcome_init()). */
typedef struct {
  PdScoreSeason  season;
  PdScoreSeason *made;      /* owns the sessions made for the outcome */
} Outcome;

typedef struct {
  PdStandingsKind  kind;
  const char      *id;
  const char      *class_id;
  guint            cars;
} Ideal;

/* Where the maths stands after one round. */
typedef struct {
  const PdRules       *rules;       /* the adjustments known by then */
  PdStandingsKind      kind;
  const char          *class_id;
  const PdScoreSeason *season;
  int                  after_round;
  GPtrArray           *rows;        /* the standings then */
  GHashTable          *cars;        /* teams: id → most cars in a session */
  guint                most_cars;
  PdPoints             available;   /* the most a newcomer can add */
  GHashTable          *best;        /* id → PdPoints: the most each can finish with */
  PdPoints             newcomer_best;
  gboolean             newcomer_scores;
  gboolean             newcomer_can_win;
  GHashTable          *left;        /* session id → round, of the sessions left that score */
  PdStandingsRow      *top[2];      /* the two with the most points now */
} State;

static void
view_round_free (gpointer data)
{
  PdScoreRound *round = data;

  g_ptr_array_unref (round->sessions);
  g_free (round);
}

/* A session is left after @after_round when its round comes later, or
 * when it has no results yet: it has not been run, or not entered. */
static gboolean
is_left (const PdScoreRound   *round,
         const PdScoreSession *session,
         int                   after_round)
{
  return round->number > after_round || session->results->len == 0;
}

static void
add_ideal_results (PdScoreSession *session,
                   const Ideal    *ideal)
{
  const char *drivers[] = { ideal->id, NULL };

  for (guint car = 1; car <= ideal->cars; car++)
    {
      g_autofree char *result_id = g_strdup_printf ("\001outcome-%u", car);
      PdScoreResult *result;

      result = pd_score_session_add_result (session, result_id,
                                            ideal->kind == PD_STANDINGS_ENTRIES ? ideal->id : result_id,
                                            ideal->kind == PD_STANDINGS_TEAMS ? ideal->id : NULL,
                                            ideal->class_id,
                                            ideal->kind == PD_STANDINGS_DRIVERS ? drivers : NULL,
                                            car);
      result->class_position = car;
      result->grid = car;
      result->fastest_lap = car == 1;
    }
}

/* @base as it ends when the competitors of @ideals take the sessions
 * left after @after_round in the rounds up to @until; the sessions left
 * after @until stay to be run.
 *
 * With one competitor, that is the outcome that serves it best. With
 * several, each session left is run once for each of them, with that
 * one alone in it: each then ends with the most it can (its counted
 * points are its own results and the best each session can give), though
 * who is ahead of whom means nothing. One run of the engine tells every
 * competitor's best. */
static void
outcome_init (Outcome             *outcome,
              const PdScoreSeason *base,
              int                  after_round,
              int                  until,
              const Ideal         *ideals,
              guint                n_ideals)
{
  outcome->made = pd_score_season_new ();
  outcome->season.rounds = g_ptr_array_new_with_free_func (view_round_free);

  for (guint r = 0; r < base->rounds->len; r++)
    {
      PdScoreRound *round = base->rounds->pdata[r];
      PdScoreRound *view = g_new0 (PdScoreRound, 1);
      PdScoreRound *made = NULL;

      view->number = round->number;
      view->sessions = g_ptr_array_new ();
      g_ptr_array_add (outcome->season.rounds, view);

      for (guint s = 0; s < round->sessions->len; s++)
        {
          PdScoreSession *session = round->sessions->pdata[s];
          guint copies = round->number <= until ? n_ideals : 1;

          if (!is_left (round, session, after_round))
            {
              g_ptr_array_add (view->sessions, session);
              continue;
            }
          if (made == NULL)
            made = pd_score_season_add_round (outcome->made, round->number);
          for (guint i = 0; i < copies; i++)
            {
              PdScoreSession *copy = pd_score_round_add_session (made, session->session_id, session->kind);

              if (round->number <= until)
                add_ideal_results (copy, &ideals[i]);
              g_ptr_array_add (view->sessions, copy);
            }
        }
    }
}

static void
outcome_clear (Outcome *outcome)
{
  g_ptr_array_unref (outcome->season.rounds);
  pd_score_season_free (outcome->made);
}

/* The rules as they were known after @round: the points deductions and
 * exclusions recorded for later rounds are not, nor are the reduced
 * points of a later race stopped short (a multiplier below 1: nobody
 * knows before a race that it will be). Double points are announced
 * before the season, and stay. */
static PdRules *
rules_known_after (const PdRules *rules,
                   int            round)
{
  PdRules *known = g_new (PdRules, 1);
  PdPoints one = pd_points_int (1);

  *known = *rules;
  known->adjustments = g_array_new (FALSE, FALSE, sizeof (PdAdjustment));
  for (guint i = 0; i < rules->adjustments->len; i++)
    {
      PdAdjustment *adjustment = &g_array_index (rules->adjustments, PdAdjustment, i);

      if (adjustment->kind == PD_ADJUSTMENT_RESET || adjustment->round <= round)
        g_array_append_val (known->adjustments, *adjustment);
    }
  known->multipliers = g_array_new (FALSE, FALSE, sizeof (PdMultiplier));
  for (guint i = 0; i < rules->multipliers->len; i++)
    {
      PdMultiplier *multiplier = &g_array_index (rules->multipliers, PdMultiplier, i);

      if (multiplier->round <= round || pd_points_compare (multiplier->factor, one) >= 0)
        g_array_append_val (known->multipliers, *multiplier);
    }
  return known;
}

/* Frees the copy only: its strings and tables are the rules'. */
static void
rules_known_free (PdRules *known)
{
  g_array_unref (known->adjustments);
  g_array_unref (known->multipliers);
  g_free (known);
}

/* The most cars each team ran in one session up to @after_round. */
static GHashTable *
count_team_cars (const PdScoreSeason *season,
                 int                  after_round,
                 const char          *class_id,
                 guint               *most)
{
  GHashTable *cars = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) in_session = g_hash_table_new (g_str_hash, g_str_equal);

  *most = 1;
  for (guint r = 0; r < season->rounds->len; r++)
    {
      PdScoreRound *round = season->rounds->pdata[r];

      if (round->number > after_round)
        continue;
      for (guint s = 0; s < round->sessions->len; s++)
        {
          PdScoreSession *session = round->sessions->pdata[s];

          g_hash_table_remove_all (seen);
          g_hash_table_remove_all (in_session);
          for (guint i = 0; i < session->results->len; i++)
            {
              PdScoreResult *result = session->results->pdata[i];
              const char *car = result->car_key != NULL ? result->car_key : result->result_id;
              guint n, before;

              if (result->team_id == NULL || car == NULL ||
                  (class_id != NULL && g_strcmp0 (result->class_id, class_id) != 0) ||
                  !g_hash_table_add (seen, (gpointer) car))
                continue;
              n = GPOINTER_TO_UINT (g_hash_table_lookup (in_session, result->team_id)) + 1;
              g_hash_table_insert (in_session, result->team_id, GUINT_TO_POINTER (n));
              before = GPOINTER_TO_UINT (g_hash_table_lookup (cars, result->team_id));
              if (n > before)
                g_hash_table_insert (cars, result->team_id, GUINT_TO_POINTER (n));
              *most = MAX (*most, n);
            }
        }
    }
  return cars;
}

static PdStandingsRow *
find_row (GPtrArray  *rows,
          const char *id)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PdStandingsRow *row = rows->pdata[i];

      if (g_strcmp0 (row->id, id) == 0)
        return row;
    }
  return NULL;
}

static PdStandingsRow *
find_leader (GPtrArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      PdStandingsRow *row = rows->pdata[i];

      if (!row->excluded)
        return row;
    }
  return NULL;
}

/* @id's best outcome: it takes everything, with every car a team of it
 * ran in one session. */
static Ideal
ideal_for (State      *state,
           const char *id)
{
  Ideal ideal = { state->kind, id, state->class_id, 1 };

  if (state->kind == PD_STANDINGS_TEAMS)
    {
      guint cars = GPOINTER_TO_UINT (g_hash_table_lookup (state->cars, id));

      ideal.cars = cars > 0 ? cars : state->most_cars;
    }
  return ideal;
}

/* Whether @id is first, alone or sharing, when it takes everything left
 * and everyone else nothing: run in full, for the countback. */
static gboolean
state_first_in_outcome (State      *state,
                        const char *id)
{
  Ideal ideal = ideal_for (state, id);
  g_autoptr(GPtrArray) rows = NULL;
  PdStandingsRow *row;
  Outcome outcome;

  outcome_init (&outcome, state->season, state->after_round, G_MAXINT, &ideal, 1);
  rows = pd_standings_compute (state->rules, &outcome.season, state->kind, state->class_id, 0);
  outcome_clear (&outcome);

  row = find_row (rows, id);
  return row != NULL && !row->excluded && row->position == 1;
}

/* What @id can finish with: its best, when it takes everything left. */
static const PdPoints *
state_best (State      *state,
            const char *id)
{
  if (g_strcmp0 (id, NEWCOMER_ID) == 0)
    return state->newcomer_scores ? &state->newcomer_best : NULL;
  return g_hash_table_lookup (state->best, id);
}

/* Whether some outcome of what is left makes @id champion. In the one
 * that serves it best everyone else keeps the points they have (a result
 * without points changes no one's counted points), so it is champion when
 * its best beats the most anyone else has now; level, the countback or
 * the shared place decides, and that outcome is run in full. */
static gboolean
state_can_win (State      *state,
               const char *id)
{
  const PdPoints *best = state_best (state, id);
  PdStandingsRow *rival = state->top[0] != NULL && g_strcmp0 (state->top[0]->id, id) == 0 ? state->top[1]
                                                                                           : state->top[0];
  int cmp;

  if (best == NULL)
    return FALSE;
  if (rival == NULL)
    return TRUE;
  cmp = pd_points_compare (*best, rival->points);
  if (cmp != 0)
    return cmp > 0;
  return state_first_in_outcome (state, id);
}

static void
state_init (State               *state,
            const PdRules       *rules,
            PdStandingsKind      kind,
            const char          *class_id,
            const PdScoreSeason *season,
            int                  after_round)
{
  g_autoptr(GArray) ideals = g_array_new (FALSE, FALSE, sizeof (Ideal));
  g_autoptr(GPtrArray) ends = NULL;
  Ideal newcomer;
  Outcome outcome;

  memset (state, 0, sizeof *state);
  state->rules = rules;
  state->kind = kind;
  state->class_id = class_id;
  state->season = season;
  state->after_round = after_round;
  /* Before the first round nothing has counted (the engine reads 0 as
   * "every round"). */
  state->rows = after_round > 0 ? pd_standings_compute (rules, season, kind, class_id, after_round)
                                : g_ptr_array_new ();
  state->cars = count_team_cars (season, after_round, class_id, &state->most_cars);
  state->available = PD_POINTS_ZERO;
  state->newcomer_best = PD_POINTS_ZERO;
  state->best = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  state->left = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* The two ahead now; rows are in standings order, excluded ones last. */
  for (guint i = 0; i < state->rows->len && i < 2; i++)
    {
      PdStandingsRow *row = state->rows->pdata[i];

      if (!row->excluded)
        state->top[i] = row;
    }

  /* Everyone's best in one run: each who is not excluded, and one who
   * has not scored yet. */
  for (guint i = 0; i < state->rows->len; i++)
    {
      PdStandingsRow *row = state->rows->pdata[i];
      Ideal ideal = ideal_for (state, row->id);

      if (!row->excluded)
        g_array_append_val (ideals, ideal);
    }
  newcomer = ideal_for (state, NEWCOMER_ID);
  g_array_append_val (ideals, newcomer);
  outcome_init (&outcome, season, after_round, G_MAXINT, (Ideal *) ideals->data, ideals->len);
  ends = pd_standings_compute (rules, &outcome.season, kind, class_id, 0);

  for (guint i = 0; i < ends->len; i++)
    {
      PdStandingsRow *row = ends->pdata[i];
      PdStandingsRow *now;

      if (g_str_equal (row->id, NEWCOMER_ID))
        {
          state->newcomer_scores = TRUE;
          state->newcomer_best = row->points;
          state->available = row->gross;
          for (guint s = 0; s < row->scores->len; s++)
            {
              PdStandingsScore *score = &g_array_index (row->scores, PdStandingsScore, s);

              /* The id is the copy's, freed with the outcome: copied. */
              if (pd_points_compare (score->points, PD_POINTS_ZERO) > 0)
                g_hash_table_insert (state->left, g_strdup (score->session_id), GINT_TO_POINTER (score->round));
            }
        }
      /* Keyed by the id of the row now, which lives as long as the state. */
      else if ((now = find_row (state->rows, row->id)) != NULL && !now->excluded && !row->excluded)
        g_hash_table_insert (state->best, now->id, g_memdup2 (&row->points, sizeof row->points));
    }
  outcome_clear (&outcome);

  state->newcomer_can_win = state_can_win (state, NEWCOMER_ID);
}

static void
state_clear (State *state)
{
  g_ptr_array_unref (state->rows);
  g_hash_table_unref (state->cars);
  g_hash_table_unref (state->best);
  g_hash_table_unref (state->left);
}

/* Whether no one but the leaders (one, or several level on points and
 * countback, such as a car's crew) can still be champion; their ids then
 * in @champions. */
static gboolean
state_is_decided (State      *state,
                  GPtrArray  *champions)
{
  PdStandingsRow *leader = find_leader (state->rows);

  g_ptr_array_set_size (champions, 0);
  if (leader == NULL || state->newcomer_can_win)
    return FALSE;

  /* A leader can always still win: everyone else scoring nothing. The
   * others can win only if one of them can. */
  for (guint i = 0; i < state->rows->len; i++)
    {
      PdStandingsRow *row = state->rows->pdata[i];

      if (row->excluded)
        continue;
      if (row->position == leader->position)
        {
          g_ptr_array_add (champions, row->id);
          continue;
        }
      if (state_can_win (state, row->id))
        {
          g_ptr_array_set_size (champions, 0);
          return FALSE;
        }
    }
  return TRUE;
}

static gboolean
same_ids (GPtrArray          *ids,
          const char * const *others)
{
  if (others == NULL || ids->len != g_strv_length ((char **) others))
    return FALSE;
  for (guint i = 0; i < ids->len; i++)
    if (!g_strv_contains (others, ids->pdata[i]))
      return FALSE;
  return TRUE;
}

/* The last round with any result: where a season in progress stands. */
static int
last_round_run (const PdScoreSeason *season)
{
  int last = 0;

  for (guint r = 0; r < season->rounds->len; r++)
    {
      PdScoreRound *round = season->rounds->pdata[r];

      for (guint s = 0; s < round->sessions->len; s++)
        if (((PdScoreSession *) round->sessions->pdata[s])->results->len > 0)
          last = MAX (last, round->number);
    }
  return last;
}

/* Whether the title was decided after @round too, for @champions. */
static gboolean
decided_after (const PdRules       *rules,
               const PdScoreSeason *season,
               PdStandingsKind      kind,
               const char          *class_id,
               int                  round,
               const char * const  *champions)
{
  PdRules *known = rules_known_after (rules, round);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  gboolean decided;
  State state;

  state_init (&state, known, kind, class_id, season, round);
  decided = state_is_decided (&state, ids) && same_ids (ids, champions);
  state_clear (&state);
  rules_known_free (known);
  return decided;
}

/* Whether the title can be decided for @id at the next round: it takes
 * everything left up to that round, then no one else can still win. */
static gboolean
can_clinch_at (State      *state,
               const char *id,
               int         round)
{
  Ideal ideal = ideal_for (state, id);
  g_autoptr(GPtrArray) champions = g_ptr_array_new ();
  gboolean decided;
  Outcome outcome;
  State next;

  outcome_init (&outcome, state->season, state->after_round, round, &ideal, 1);
  state_init (&next, state->rules, state->kind, state->class_id, &outcome.season, round);
  decided = state_is_decided (&next, champions) &&
            g_ptr_array_find_with_equal_func (champions, id, g_str_equal, NULL);
  state_clear (&next);
  outcome_clear (&outcome);
  return decided;
}

static void
contender_free (gpointer data)
{
  PdTitleContender *contender = data;

  g_free (contender->id);
  g_free (contender);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/**
 * pd_title_compute:
 * @rules: the season's points rules
 * @season: its results, and the rounds and sessions still to come
 * @kind: drivers, teams or entries
 * @class_id: (nullable): the title of this class only
 * @after_round: the maths after this round; 0 for after the last round
 *   with results
 *
 * Returns: (transfer full): who can still take the title, what each
 *   needs, and whether and when it was decided
 */
PdTitle *
pd_title_compute (const PdRules       *rules,
                  const PdScoreSeason *season,
                  PdStandingsKind      kind,
                  const char          *class_id,
                  int                  after_round)
{
  PdTitle *title;
  PdRules *known;
  PdStandingsRow *leader, *next = NULL;
  g_autoptr(GHashTable) rounds_left = g_hash_table_new (NULL, NULL);
  GHashTableIter iter;
  gpointer value;
  g_autoptr(GPtrArray) champions = g_ptr_array_new ();
  State state;

  g_return_val_if_fail (rules != NULL && season != NULL, NULL);

  title = g_new0 (PdTitle, 1);
  title->contenders = g_ptr_array_new_with_free_func (contender_free);
  title->after_round = after_round > 0 ? after_round : last_round_run (season);
  title->available = PD_POINTS_ZERO;

  known = rules_known_after (rules, title->after_round);
  state_init (&state, known, kind, class_id, season, title->after_round);

  title->available = state.available;
  title->newcomer_can_win = state.newcomer_can_win;
  title->sessions_left = g_hash_table_size (state.left);
  g_hash_table_iter_init (&iter, state.left);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      int round = GPOINTER_TO_INT (value);

      g_hash_table_add (rounds_left, GINT_TO_POINTER (round));
      if (round <= title->after_round)
        title->missing_results = TRUE;
      else if (title->next_round == 0 || round < title->next_round)
        title->next_round = round;
    }
  title->rounds_left = g_hash_table_size (rounds_left);
  title->over = title->sessions_left == 0;

  leader = find_leader (state.rows);
  for (guint i = 0; leader != NULL && i < state.rows->len && next == NULL; i++)
    {
      PdStandingsRow *row = state.rows->pdata[i];

      if (row != leader && !row->excluded)
        next = row;
    }

  for (guint i = 0; i < state.rows->len; i++)
    {
      PdStandingsRow *row = state.rows->pdata[i];
      PdTitleContender *contender = g_new0 (PdTitleContender, 1);

      contender->id = g_strdup (row->id);
      contender->position = row->excluded ? 0 : row->position;
      contender->points = row->points;
      contender->best = row->points;
      contender->behind = PD_POINTS_ZERO;
      if (row == leader && next != NULL)
        contender->behind = pd_points_sub (leader->points, next->points);
      else if (leader != NULL && !row->excluded)
        contender->behind = pd_points_sub (leader->points, row->points);

      if (!row->excluded)
        {
          const PdPoints *best = state_best (&state, row->id);

          contender->best = best != NULL ? *best : row->points;
          contender->can_win = state_can_win (&state, row->id);
        }
      g_ptr_array_add (title->contenders, contender);
    }

  if (state_is_decided (&state, champions))
    {
      g_autoptr(GArray) numbers = g_array_new (FALSE, FALSE, sizeof (int));

      title->champion_ids = g_new0 (char *, champions->len + 1);
      for (guint i = 0; i < champions->len; i++)
        title->champion_ids[i] = g_strdup (champions->pdata[i]);
      title->decided_round = title->after_round;

      /* Back through the earlier rounds while it was already decided. */
      for (guint r = 0; r < season->rounds->len; r++)
        {
          int number = ((PdScoreRound *) season->rounds->pdata[r])->number;

          if (number < title->after_round)
            g_array_append_val (numbers, number);
        }
      g_array_sort (numbers, compare_ints);
      for (guint r = numbers->len; r > 0; r--)
        {
          int number = g_array_index (numbers, int, r - 1);

          if (!decided_after (rules, season, kind, class_id, number, (const char * const *) title->champion_ids))
            break;
          title->decided_round = number;
        }
    }
  else if (title->next_round > 0)
    {
      for (guint i = 0; i < title->contenders->len; i++)
        {
          PdTitleContender *contender = title->contenders->pdata[i];

          if (contender->can_win)
            contender->can_clinch_next = can_clinch_at (&state, contender->id, title->next_round);
        }
    }

  state_clear (&state);
  rules_known_free (known);
  return title;
}

void
pd_title_free (PdTitle *title)
{
  if (title == NULL)
    return;
  g_ptr_array_unref (title->contenders);
  g_strfreev (title->champion_ids);
  g_free (title);
}

/**
 * pd_title_count_can_win:
 *
 * Returns: how many of the standings' competitors can still be champion
 */
guint
pd_title_count_can_win (const PdTitle *title)
{
  guint n = 0;

  g_return_val_if_fail (title != NULL, 0);

  for (guint i = 0; i < title->contenders->len; i++)
    n += ((PdTitleContender *) title->contenders->pdata[i])->can_win;
  return n;
}

/**
 * pd_title_is_champion:
 *
 * Returns: whether the title was decided for @id (alone or sharing it)
 */
gboolean
pd_title_is_champion (const PdTitle *title,
                      const char    *id)
{
  g_return_val_if_fail (title != NULL, FALSE);

  return title->champion_ids != NULL && id != NULL &&
         g_strv_contains ((const char * const *) title->champion_ids, id);
}

/* For a plural of points: whole points by their number, fractions as
 * many. */
static gulong
points_plural (PdPoints points)
{
  if (points.den == 1 && points.num >= 0)
    return (gulong) MIN (points.num, G_MAXLONG);
  return 2;
}

/* The names of @ids, joined for a list: "A, B, C". */
static char *
join_names (GPtrArray       *ids,
            guint            max,
            PdTitleNameFunc  name,
            gpointer         user_data)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < ids->len && i < max; i++)
    {
      g_autofree char *text = name (ids->pdata[i], user_data);

      if (out->len > 0)
        /* TRANSLATORS: between the names of a list, "A, B, C" */
        g_string_append (out, _(", "));
      g_string_append (out, text);
    }
  return g_string_free (out, FALSE);
}

/**
 * pd_title_describe:
 * @name: gives a competitor's name from its id
 *
 * Returns: (transfer full): one sentence on the title: when it was
 *   decided and for whom, or how much is left to score
 */
char *
pd_title_describe (const PdTitle   *title,
                   PdTitleNameFunc  name,
                   gpointer         user_data)
{
  g_autofree char *available = NULL;

  g_return_val_if_fail (title != NULL && name != NULL, NULL);

  if (title->decided_round > 0)
    {
      g_autoptr(GPtrArray) ids = g_ptr_array_new ();
      g_autofree char *names = NULL;

      for (guint i = 0; title->champion_ids[i] != NULL; i++)
        g_ptr_array_add (ids, title->champion_ids[i]);
      names = join_names (ids, G_MAXUINT, name, user_data);
      /* TRANSLATORS: %d is a round number, %s the champion's name (or the champions', "A, B") */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Decided at round %d; champion: %s",
                                           "Decided at round %d; champions: %s", ids->len),
                              title->decided_round, names);
    }
  if (title->over)
    return g_strdup (_("No one scored"));

  available = pd_points_format (title->available);
  /* TRANSLATORS: the first %s is a number of points, %u a number of rounds */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s points still available in %u round",
                                       "%s points still available in %u rounds", title->rounds_left),
                          available, title->rounds_left);
}

/* Whether another competitor shares the first place with @contender. */
static gboolean
shares_lead (const PdTitle          *title,
             const PdTitleContender *contender)
{
  for (guint i = 0; i < title->contenders->len; i++)
    {
      const PdTitleContender *other = title->contenders->pdata[i];

      if (other != contender && other->position == 1)
        return TRUE;
    }
  return FALSE;
}

/**
 * pd_title_describe_contender:
 * @name: gives a competitor's name from its id
 *
 * Returns: (transfer full): what @contender needs, or why it is out of
 *   contention
 */
char *
pd_title_describe_contender (const PdTitle          *title,
                             const PdTitleContender *contender,
                             PdTitleNameFunc         name,
                             gpointer                user_data)
{
  g_autofree char *gap = NULL;
  g_autofree char *best = NULL;
  g_autofree char *leader = NULL;
  gboolean level;

  g_return_val_if_fail (title != NULL && contender != NULL && name != NULL, NULL);

  gap = pd_points_format (contender->behind);
  best = pd_points_format (contender->best);
  level = pd_points_is_zero (contender->behind);
  for (guint i = 0; i < title->contenders->len && leader == NULL; i++)
    {
      PdTitleContender *first = title->contenders->pdata[i];

      if (first->position > 0)
        leader = name (first->id, user_data);
    }

  if (contender->position == 0)
    return g_strdup (_("Excluded from the championship"));
  if (title->decided_round > 0 && pd_title_is_champion (title, contender->id))
    /* TRANSLATORS: %d is a round number */
    return g_strdup_printf (_("Champion, decided at round %d"), title->decided_round);
  if (!contender->can_win)
    {
      if (title->over || title->decided_round > 0)
        return g_strdup (_("Out of contention"));
      /* TRANSLATORS: %s is a number of points */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Out of contention: %s point at most",
                                           "Out of contention: %s points at most", points_plural (contender->best)),
                              best);
    }
  if (contender->position == 1 && shares_lead (title, contender))
    return g_strdup (_("Level on points for the lead"));
  if (contender->position == 1 && level)
    return g_strdup (_("Level on points, ahead on the countback"));
  if (contender->position == 1)
    /* TRANSLATORS: %s is a number of points */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Leads by %s point", "Leads by %s points",
                                         points_plural (contender->behind)), gap);
  if (level)
    /* TRANSLATORS: %s is the leader's name */
    return g_strdup_printf (_("Level on points with %s, behind on the countback"), leader);
  /* TRANSLATORS: the first %s is a number of points, the second the leader's name */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Must make up %s point on %s",
                                       "Must make up %s points on %s", points_plural (contender->behind)),
                          gap, leader);
}

/**
 * pd_title_describe_clinch:
 *
 * Returns: (transfer full) (nullable): that @contender can clinch the
 *   title at the next round, or %NULL
 */
char *
pd_title_describe_clinch (const PdTitle          *title,
                          const PdTitleContender *contender)
{
  g_return_val_if_fail (title != NULL && contender != NULL, NULL);

  if (!contender->can_clinch_next)
    return NULL;
  /* TRANSLATORS: %d is a round number */
  return g_strdup_printf (_("Can clinch the title at round %d"), title->next_round);
}

/**
 * pd_title_describe_others:
 * @max_names: how many to name; the rest are counted
 * @name: gives a competitor's name from its id
 *
 * Returns: (transfer full) (nullable): who is out of contention while
 *   the title is open, or %NULL
 */
char *
pd_title_describe_others (const PdTitle   *title,
                          guint            max_names,
                          PdTitleNameFunc  name,
                          gpointer         user_data)
{
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autofree char *names = NULL;

  g_return_val_if_fail (title != NULL && name != NULL, NULL);

  if (title->decided_round > 0 || title->over)
    return NULL;
  for (guint i = 0; i < title->contenders->len; i++)
    {
      PdTitleContender *contender = title->contenders->pdata[i];

      if (!contender->can_win && contender->position > 0)
        g_ptr_array_add (ids, contender->id);
    }
  if (ids->len == 0)
    return NULL;

  names = join_names (ids, MAX (max_names, 1), name, user_data);
  if (ids->len <= MAX (max_names, 1))
    /* TRANSLATORS: %s is a list of names */
    return g_strdup_printf (_("Out of contention: %s"), names);
  /* TRANSLATORS: %s is a list of names, %u how many more there are */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Out of contention: %s and %u more",
                                       "Out of contention: %s and %u more", ids->len - MAX (max_names, 1)),
                          names, ids->len - MAX (max_names, 1));
}

/**
 * pd_title_describe_note:
 *
 * Returns: (transfer full) (nullable): a note on what the maths assumed,
 *   or %NULL
 */
char *
pd_title_describe_note (const PdTitle *title)
{
  g_return_val_if_fail (title != NULL, NULL);

  if (title->decided_round > 0 || !title->missing_results)
    return NULL;
  return g_strdup (_("Sessions of rounds already run that have no results yet count as still to come."));
}
