#define G_LOG_DOMAIN "paddock-scoring"

#include "config.h"

#include <string.h>

#include "pd-standings.h"

/*
 * Standings are a pure function of a season's results and its rules: no
 * database, no UI. The steps:
 *
 * 1. For each scoring session, the results are grouped into cars (a car
 *    shared by several drivers may have one result per driver, as in
 *    Ergast's 1950s data, or one result naming all its drivers).
 * 2. Cars are given points by position (overall or within their class),
 *    skipping ineligible cars whose points pass down, times the session's
 *    multiplier, plus fastest-lap and pole bonuses.
 * 3. Each competitor collects one score per result (a driver per car, a
 *    team per session, an entry per session); the counting rule (best N,
 *    split season) marks which scores count.
 * 4. Adjustments deduct points or exclude a competitor; the rows are
 *    ordered by points, then by the tie-break.
 */

/* Input */

/* A result is allocated in one block with the strings it is given (see
 * pd_score_session_add_result()); a string set later by the caller lies
 * outside the block, and is the result's own to free. */
typedef struct {
  PdScoreResult  result;
  gsize          size;      /* of the whole block */
  gboolean       borrowed;  /* its strings and list are the season's (kept) */
} ResultBlock;

static void
free_unless_within (const ResultBlock *block,
                    gpointer           data)
{
  if ((const char *) data < (const char *) block || (const char *) data >= (const char *) block + block->size)
    g_free (data);
}

static void
score_result_free (gpointer data)
{
  ResultBlock *block = data;
  PdScoreResult *result = &block->result;

  /* (A borrowed result's car number is the season's too.) */
  if (block->borrowed)
    {
      g_free (result->car_key);
      g_free (block);
      return;
    }
  free_unless_within (block, result->result_id);
  free_unless_within (block, result->entry_id);
  free_unless_within (block, result->team_id);
  free_unless_within (block, result->class_id);
  free_unless_within (block, result->car_key);
  free_unless_within (block, result->car_number);
  if (result->driver_ids != NULL)
    {
      if ((char *) result->driver_ids >= (char *) block && (char *) result->driver_ids < (char *) block + block->size)
        {
          for (guint i = 0; result->driver_ids[i] != NULL; i++)
            free_unless_within (block, result->driver_ids[i]);
        }
      else
        g_strfreev (result->driver_ids);
    }
  g_free (block);
}

static void
score_session_free (gpointer data)
{
  PdScoreSession *session = data;

  g_free (session->session_id);
  g_ptr_array_unref (session->results);
  g_free (session);
}

static void
score_round_free (gpointer data)
{
  PdScoreRound *round = data;

  g_ptr_array_unref (round->sessions);
  g_free (round);
}

PdScoreSeason *
pd_score_season_new (void)
{
  PdScoreSeason *season = g_new0 (PdScoreSeason, 1);

  season->rounds = g_ptr_array_new_with_free_func (score_round_free);
  return season;
}

void
pd_score_season_free (PdScoreSeason *season)
{
  if (season == NULL)
    return;
  g_ptr_array_unref (season->rounds);
  g_clear_pointer (&season->kept, g_ptr_array_unref);
  g_free (season);
}

typedef struct {
  gpointer       data;
  GDestroyNotify destroy;
} Kept;

static void
kept_free (gpointer data)
{
  Kept *kept = data;

  kept->destroy (kept->data);
  g_free (kept);
}

/**
 * pd_score_season_keep:
 * @data: what results added by pd_score_session_add_borrowed() point into
 *
 * Makes @season free @data with @destroy when it is freed itself, after
 * its results.
 */
void
pd_score_season_keep (PdScoreSeason  *season,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  Kept *kept = g_new (Kept, 1);

  kept->data = data;
  kept->destroy = destroy;
  if (season->kept == NULL)
    season->kept = g_ptr_array_new_with_free_func (kept_free);
  g_ptr_array_add (season->kept, kept);
}

/**
 * pd_score_season_take_kept:
 * @from: a season whose results now point into what it keeps, or no
 *   longer do
 *
 * Makes @season keep what @from keeps: it is freed with @season, not
 * with @from.
 */
void
pd_score_season_take_kept (PdScoreSeason *season,
                           PdScoreSeason *from)
{
  if (from->kept == NULL || from->kept->len == 0)
    return;
  if (season->kept == NULL)
    season->kept = g_ptr_array_new_with_free_func (kept_free);
  while (from->kept->len > 0)
    g_ptr_array_add (season->kept, g_ptr_array_steal_index_fast (from->kept, from->kept->len - 1));
}

/**
 * pd_score_session_add_borrowed:
 * @driver_ids: (nullable) (array zero-terminated): the drivers
 *
 * Like pd_score_session_add_result(), without copying the strings and
 * the list, which must live as long as the season (see
 * pd_score_season_keep()): for a loader that has them in memory of its
 * own already. A car key set later is still the result's to free; a car
 * number set later is the season's, as the strings are.
 */
PdScoreResult *
pd_score_session_add_borrowed (PdScoreSession  *session,
                               const char      *result_id,
                               const char      *entry_id,
                               const char      *team_id,
                               const char      *class_id,
                               char           **driver_ids,
                               int              position)
{
  ResultBlock *block = g_new0 (ResultBlock, 1);
  PdScoreResult *result = &block->result;

  block->size = sizeof *block;
  block->borrowed = TRUE;
  result->result_id = (char *) result_id;
  result->entry_id = (char *) entry_id;
  result->team_id = (char *) team_id;
  result->class_id = (char *) class_id;
  result->driver_ids = driver_ids;
  result->position = MAX (position, 0);
  result->deducted = PD_POINTS_ZERO;
  g_ptr_array_add (session->results, result);
  return result;
}

PdScoreRound *
pd_score_season_add_round (PdScoreSeason *season,
                           int            number)
{
  PdScoreRound *round = g_new0 (PdScoreRound, 1);

  round->number = number;
  round->sessions = g_ptr_array_new_with_free_func (score_session_free);
  g_ptr_array_add (season->rounds, round);
  return round;
}

PdScoreSession *
pd_score_round_add_session (PdScoreRound  *round,
                            const char    *session_id,
                            PdSessionKind  kind)
{
  PdScoreSession *session = g_new0 (PdScoreSession, 1);

  session->session_id = g_strdup (session_id);
  session->kind = kind;
  session->results = g_ptr_array_new_with_free_func (score_result_free);
  g_ptr_array_add (round->sessions, session);
  return session;
}

PdScoreResult *
pd_score_session_add_result (PdScoreSession     *session,
                             const char         *result_id,
                             const char         *entry_id,
                             const char         *team_id,
                             const char         *class_id,
                             const char * const *driver_ids,
                             int                 position)
{
  const char *strings[] = { result_id, entry_id, team_id, class_id };
  char **fields[G_N_ELEMENTS (strings)];
  guint n_drivers = driver_ids != NULL ? g_strv_length ((char **) driver_ids) : 0;
  gsize size = sizeof (ResultBlock) + (driver_ids != NULL ? (n_drivers + 1) * sizeof (char *) : 0);
  ResultBlock *block;
  PdScoreResult *result;
  char *p;

  /* One allocation for the result, its list of drivers and the copies of
   * its strings: a season of history has tens of thousands. */
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    size += strings[i] != NULL ? strlen (strings[i]) + 1 : 0;
  for (guint i = 0; i < n_drivers; i++)
    size += strlen (driver_ids[i]) + 1;

  block = g_malloc0 (size);
  block->size = size;
  result = &block->result;
  p = (char *) (block + 1);
  if (driver_ids != NULL)
    {
      result->driver_ids = (char **) p;
      p += (n_drivers + 1) * sizeof (char *);
    }

  fields[0] = &result->result_id;
  fields[1] = &result->entry_id;
  fields[2] = &result->team_id;
  fields[3] = &result->class_id;
  for (guint i = 0; i < G_N_ELEMENTS (strings); i++)
    if (strings[i] != NULL)
      {
        gsize length = strlen (strings[i]) + 1;

        *fields[i] = memcpy (p, strings[i], length);
        p += length;
      }
  for (guint i = 0; i < n_drivers; i++)
    {
      gsize length = strlen (driver_ids[i]) + 1;

      result->driver_ids[i] = memcpy (p, driver_ids[i], length);
      p += length;
    }

  result->position = MAX (position, 0);
  result->deducted = PD_POINTS_ZERO;
  g_ptr_array_add (session->results, result);
  return result;
}

/* Working state */

typedef struct {
  GPtrArray  *rows;        /* PdScoreResult of this car */
  const char *class_id;    /* of its first result */
  int         position;    /* 0 when not classified */
  int         place;       /* scoring place (overall or in class), 0 for none */
  int         class_place; /* place within its class, 0 for none */
  gboolean    ineligible;
  gboolean    pass_down;
  PdPoints    points;      /* position points, after the multiplier */
} Car;

static void
car_free (gpointer data)
{
  Car *car = data;

  g_ptr_array_unref (car->rows);
  g_free (car);
}

static void
row_free (gpointer data)
{
  PdStandingsRow *row = data;

  g_free (row->id);
  g_array_unref (row->scores);
  g_array_unref (row->finishes);
  g_free (row);
}

static void
add_finish (PdStandingsRow *row,
            int             position)
{
  if (position <= 0)
    return;
  /* The array clears what it grows by. */
  if (row->finishes->len <= (guint) position)
    g_array_set_size (row->finishes, position + 1);
  g_array_index (row->finishes, int, position)++;
}

static void
add_score (PdStandingsRow *row,
           int             round,
           PdScoreSession *session,
           int             position,
           PdPoints        points)
{
  PdStandingsScore score = { round, session->session_id, session->kind, position, points, TRUE };

  g_array_append_val (row->scores, score);
}

static gboolean
is_drivers_only (const PdRules  *rules,
                 int             round,
                 PdSessionKind   kind)
{
  for (guint i = 0; i < rules->drivers_only->len; i++)
    {
      PdDriversOnly *d = &g_array_index (rules->drivers_only, PdDriversOnly, i);

      if (d->round == round && d->kind == kind)
        return TRUE;
    }
  return FALSE;
}

static const PdIneligible *
find_ineligible (const PdRules *rules,
                 int            round,
                 PdSessionKind  kind,
                 Car           *car)
{
  for (guint i = 0; i < rules->ineligible->len; i++)
    {
      PdIneligible *entry = &g_array_index (rules->ineligible, PdIneligible, i);

      /* A driver left out of a shared car's points only: the car scores. */
      if (entry->round != round || entry->kind != kind || entry->to_co_drivers)
        continue;
      for (guint r = 0; r < car->rows->len; r++)
        {
          PdScoreResult *result = car->rows->pdata[r];

          if (result->driver_ids != NULL &&
              g_strv_contains ((const char * const *) result->driver_ids, entry->driver))
            return entry;
        }
    }
  return NULL;
}

/* The factor for one session, and whether its bonuses are awarded. */
static PdPoints
session_factor (const PdRules *rules,
                int            round,
                PdSessionKind  kind,
                gboolean      *bonuses)
{
  PdPoints factor = pd_points_int (1);

  *bonuses = TRUE;
  for (guint i = 0; i < rules->multipliers->len; i++)
    {
      PdMultiplier *m = &g_array_index (rules->multipliers, PdMultiplier, i);

      if (m->round == round && m->kind == kind)
        {
          factor = pd_points_mul (factor, m->factor);
          if (m->no_bonus)
            *bonuses = FALSE;
        }
    }
  return factor;
}

/* The table for a race stopped short, if a graded scale applies. */
static void
session_table (const PdRules        *rules,
               const PdSessionRule  *rule,
               PdScoreSession       *session,
               const PdPoints      **table,
               guint                *n_table)
{
  const PdShortenedScale *best = NULL;

  *table = rule->table;
  *n_table = rule->n_table;

  if (session->kind != PD_SESSION_KIND_RACE || session->completed_percent <= 0 ||
      session->completed_percent >= 100)
    return;

  for (guint i = 0; i < rules->shortened->len; i++)
    {
      const PdShortenedScale *scale = &g_array_index (rules->shortened, PdShortenedScale, i);

      if (session->completed_percent < scale->below_percent &&
          (best == NULL || scale->below_percent < best->below_percent))
        best = scale;
    }

  if (best == NULL)
    return;
  if (session->completed_laps < best->min_laps)
    {
      *table = NULL;
      *n_table = 0;
      return;
    }
  *table = best->table;
  *n_table = best->n_table;
}

static int
compare_cars (gconstpointer a,
              gconstpointer b)
{
  const Car *ca = *(const Car **) a;
  const Car *cb = *(const Car **) b;

  /* Classified cars by position; the rest after them. */
  if (ca->position == 0 || cb->position == 0)
    return (ca->position == 0) - (cb->position == 0);
  return ca->position - cb->position;
}

/* What scoring a session works with, kept from session to session so
 * that its tables and cars are allocated once per standings, not once per
 * session. Each session starts by clearing it. */
typedef struct {
  GArray     *keyed;           /* KeyedResult, this session's */
  guint8      seen[512];       /* a bit per hash of a car key, this session's */
  GPtrArray  *car_of;          /* Car of each result, this session's */
  GArray     *class_counters;  /* ClassCount: cars placed in each class */
  GArray     *fastest_counts;  /* ClassCount: results sharing a fastest lap */
  GHashTable *team_scored;     /* team ids */
  GHashTable *session_points;  /* team id → PdPoints */
  GPtrArray  *car_pool;        /* Car, owned */
  GPtrArray  *cars;            /* this session's, from the pool */
  /* The room a row's arrays take at once, so that they do not grow a
   * step at a time: a score per session, a count per finishing place. */
  guint       n_sessions;
  guint       max_field;
} Scratch;

static PdStandingsRow *
get_row (const Scratch *scratch,
         GHashTable    *rows,
         const char    *id)
{
  PdStandingsRow *row = g_hash_table_lookup (rows, id);

  if (row == NULL)
    {
      row = g_new0 (PdStandingsRow, 1);
      row->id = g_strdup (id);
      row->points = PD_POINTS_ZERO;
      row->gross = PD_POINTS_ZERO;
      row->deducted = PD_POINTS_ZERO;
      row->scores = g_array_sized_new (FALSE, TRUE, sizeof (PdStandingsScore), scratch->n_sessions);
      row->finishes = g_array_sized_new (FALSE, TRUE, sizeof (int), scratch->max_field + 1);
      g_hash_table_insert (rows, row->id, row);
    }
  return row;
}

/* A result with the key of its car, and where it is in its session. */
typedef struct {
  const char *key;
  guint       index;
} KeyedResult;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const KeyedResult *x = a;
  const KeyedResult *y = b;
  int cmp = strcmp (x->key, y->key);

  return cmp != 0 ? cmp : (x->index > y->index) - (x->index < y->index);
}

/* A count per class ("" for none): a session has a handful of classes,
 * found faster along a short list than through a hash table. */
typedef struct {
  const char *class_id;
  int         count;
} ClassCount;

static int *
class_count (GArray     *counts,
             const char *class_id)
{
  ClassCount fresh = { class_id, 0 };

  for (guint i = 0; i < counts->len; i++)
    {
      ClassCount *c = &g_array_index (counts, ClassCount, i);

      if (c->class_id == class_id || strcmp (c->class_id, class_id) == 0)
        return &c->count;
    }
  g_array_append_val (counts, fresh);
  return &g_array_index (counts, ClassCount, counts->len - 1).count;
}

static void
scratch_init (Scratch *scratch)
{
  scratch->keyed = g_array_new (FALSE, FALSE, sizeof (KeyedResult));
  scratch->car_of = g_ptr_array_new ();
  scratch->class_counters = g_array_new (FALSE, FALSE, sizeof (ClassCount));
  scratch->fastest_counts = g_array_new (FALSE, FALSE, sizeof (ClassCount));
  scratch->team_scored = g_hash_table_new (g_str_hash, g_str_equal);
  scratch->session_points = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  scratch->car_pool = g_ptr_array_new_with_free_func (car_free);
  scratch->cars = g_ptr_array_new ();
  scratch->n_sessions = 0;
  scratch->max_field = 0;
}

static void
scratch_clear (Scratch *scratch)
{
  g_array_unref (scratch->keyed);
  g_ptr_array_unref (scratch->car_of);
  g_array_unref (scratch->class_counters);
  g_array_unref (scratch->fastest_counts);
  g_hash_table_unref (scratch->team_scored);
  g_hash_table_unref (scratch->session_points);
  g_ptr_array_unref (scratch->car_pool);
  g_ptr_array_unref (scratch->cars);
}

static void
scratch_reset (Scratch *scratch)
{
  GHashTable *tables[] = { scratch->team_scored, scratch->session_points };

  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    if (g_hash_table_size (tables[i]) > 0)
      g_hash_table_remove_all (tables[i]);
  g_array_set_size (scratch->class_counters, 0);
  g_array_set_size (scratch->fastest_counts, 0);
  g_ptr_array_set_size (scratch->cars, 0);
}

static Car *
new_car (Scratch *scratch)
{
  guint n = scratch->cars->len;
  Car *car;

  if (n < scratch->car_pool->len)
    {
      GPtrArray *rows;

      car = scratch->car_pool->pdata[n];
      rows = car->rows;
      g_ptr_array_set_size (rows, 0);
      memset (car, 0, sizeof *car);
      car->rows = rows;
    }
  else
    {
      car = g_new0 (Car, 1);
      car->rows = g_ptr_array_new ();
      g_ptr_array_add (scratch->car_pool, car);
    }
  g_ptr_array_add (scratch->cars, car);
  return car;
}

/* Groups a session's results into cars, over the whole field: places,
 * points and bonuses are the same whether one class is looked at or all. */
static GPtrArray *
group_cars (PdScoreSession *session,
            Scratch        *scratch)
{
  GArray *keyed = scratch->keyed;
  GPtrArray *car_of = scratch->car_of;
  guint n = session->results->len;

  /* The results that share a key are one car: sorted by key, they come
   * together, each car's in the session's order, the first of them
   * leading. A session has a few dozen results, most of them a car of
   * their own: a sort is cheaper than a hash table filled anew for each
   * session. A result without a key is a car of its own. */
  gboolean shared = FALSE;

  g_array_set_size (keyed, 0);
  g_ptr_array_set_size (car_of, n);
  memset (scratch->seen, 0, sizeof scratch->seen);
  for (guint i = 0; i < n; i++)
    {
      PdScoreResult *result = session->results->pdata[i];
      KeyedResult k = { result->car_key != NULL ? result->car_key : result->result_id, i };

      car_of->pdata[i] = NULL;
      if (k.key != NULL)
        {
          guint bit = g_str_hash (k.key) % (8 * sizeof scratch->seen);

          /* Keys of different hashes differ: only a repeated hash needs
           * the sort. */
          shared |= (scratch->seen[bit / 8] & (1 << (bit % 8))) != 0;
          scratch->seen[bit / 8] |= 1 << (bit % 8);
          g_array_append_val (keyed, k);
        }
    }
  if (shared)
    g_array_sort (keyed, compare_keyed);
  else
    g_array_set_size (keyed, 0);
  /* Each result points at the first result of its car, for now. */
  for (guint k = 0, lead = 0; k < keyed->len; k++)
    {
      KeyedResult *x = &g_array_index (keyed, KeyedResult, k);

      if (k == 0 || strcmp (x->key, g_array_index (keyed, KeyedResult, k - 1).key) != 0)
        lead = x->index;
      car_of->pdata[x->index] = GUINT_TO_POINTER (lead + 1);
    }

  for (guint i = 0; i < n; i++)
    {
      PdScoreResult *result = session->results->pdata[i];
      guint lead = car_of->pdata[i] != NULL ? GPOINTER_TO_UINT (car_of->pdata[i]) - 1 : i;
      Car *car;

      if (lead == i)
        {
          car = new_car (scratch);
          car->points = PD_POINTS_ZERO;
          car->class_id = result->class_id;
        }
      else
        car = car_of->pdata[lead];
      car_of->pdata[i] = car;
      g_ptr_array_add (car->rows, result);
      if (result->position > 0 && (car->position == 0 || result->position < car->position))
        car->position = result->position;
    }

  /* Results mostly come in their order already. */
  for (guint i = 1; i < scratch->cars->len; i++)
    if (compare_cars (&scratch->cars->pdata[i - 1], &scratch->cars->pdata[i]) > 0)
      {
        g_ptr_array_sort (scratch->cars, compare_cars);
        break;
      }
  return scratch->cars;
}

static gboolean
in_view (Car        *car,
         const char *class_id)
{
  /* "" is the cars without a class (no class has that id). */
  return class_id == NULL || g_strcmp0 (car->class_id != NULL ? car->class_id : "", class_id) == 0;
}

static gboolean
fastest_lap_qualifies (const PdSessionRule *rule,
                       PdScoreResult       *result)
{
  return result->fastest_lap &&
         (rule->fastest_lap_top == 0 || (result->position > 0 && result->position <= rule->fastest_lap_top));
}

/* Counts the drivers of a car: they share its points. */
static guint
car_driver_count (Car *car)
{
  guint n = 0;

  for (guint r = 0; r < car->rows->len; r++)
    {
      PdScoreResult *result = car->rows->pdata[r];
      n += result->driver_ids != NULL ? g_strv_length (result->driver_ids) : 0;
    }
  return n;
}

/* Whether @driver_id is left out of the car's points in this session,
 * which its other drivers share instead. */
static gboolean
left_out_of_car (const PdRules *rules,
                 int            round,
                 PdSessionKind  kind,
                 const char    *driver_id)
{
  for (guint i = 0; i < rules->ineligible->len; i++)
    {
      PdIneligible *entry = &g_array_index (rules->ineligible, PdIneligible, i);

      if (entry->to_co_drivers && entry->round == round && entry->kind == kind &&
          g_strcmp0 (entry->driver, driver_id) == 0)
        return TRUE;
    }
  return FALSE;
}

static guint
car_sharing_count (const PdRules *rules,
                   int            round,
                   PdSessionKind  kind,
                   Car           *car)
{
  guint n = 0;

  for (guint r = 0; r < car->rows->len; r++)
    {
      PdScoreResult *result = car->rows->pdata[r];

      for (guint d = 0; result->driver_ids != NULL && result->driver_ids[d] != NULL; d++)
        if (!left_out_of_car (rules, round, kind, result->driver_ids[d]))
          n++;
    }
  return n;
}

static int
compare_scores_desc (gconstpointer a,
                     gconstpointer b)
{
  const PdStandingsScore *sa = *(const PdStandingsScore **) a;
  const PdStandingsScore *sb = *(const PdStandingsScore **) b;

  return pd_points_compare (sb->points, sa->points);
}

/* Marks the scores that count under the counting rule. */
static void
apply_counting (PdStandingsRow    *row,
                const PdCounting  *counting,
                const GArray      *round_numbers)
{
  guint start = 0;

  if (counting->n_parts == 0)
    return;

  for (guint i = 0; i < row->scores->len; i++)
    g_array_index (row->scores, PdStandingsScore, i).counted = FALSE;

  for (guint p = 0; p < counting->n_parts; p++)
    {
      const PdCountingPart *part = &counting->parts[p];
      guint end = part->rounds > 0 ? MIN (start + part->rounds, round_numbers->len) : round_numbers->len;
      int first = start < round_numbers->len ? g_array_index (round_numbers, int, start) : G_MAXINT;
      int last = end > 0 && end <= round_numbers->len ? g_array_index (round_numbers, int, end - 1) : G_MININT;
      g_autoptr(GPtrArray) in_part = g_ptr_array_new ();

      for (guint i = 0; i < row->scores->len; i++)
        {
          PdStandingsScore *score = &g_array_index (row->scores, PdStandingsScore, i);

          if (score->round >= first && score->round <= last)
            g_ptr_array_add (in_part, score);
        }

      /* Scores of equal points are interchangeable, so a stable sort keeps
       * the earlier one, as the official tables show. */
      g_ptr_array_sort (in_part, compare_scores_desc);
      for (guint i = 0; i < in_part->len; i++)
        ((PdStandingsScore *) in_part->pdata[i])->counted = part->best == 0 || i < (guint) part->best;

      start = end;
    }
}

typedef struct {
  PdTieBreak tie_break;
} SortData;

/* Compares the number of finishes in each place, first places first.
 * Returns the place that decides (positive if a is ahead), or 0. */
static int
countback (const PdStandingsRow *a,
           const PdStandingsRow *b,
           int                  *place)
{
  guint n = MAX (a->finishes->len, b->finishes->len);

  for (guint p = 1; p < n; p++)
    {
      int ca = p < a->finishes->len ? g_array_index (a->finishes, int, p) : 0;
      int cb = p < b->finishes->len ? g_array_index (b->finishes, int, p) : 0;

      if (ca != cb)
        {
          *place = p;
          return ca > cb ? 1 : -1;
        }
    }
  *place = 0;
  return 0;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const PdStandingsRow *ra = *(const PdStandingsRow **) a;
  const PdStandingsRow *rb = *(const PdStandingsRow **) b;
  SortData *data = user_data;
  int cmp, place;

  if (ra->excluded != rb->excluded)
    return ra->excluded ? 1 : -1;

  cmp = pd_points_compare (rb->points, ra->points);
  if (cmp != 0)
    return cmp;

  if (data->tie_break == PD_TIE_BREAK_COUNTBACK && (cmp = countback (ra, rb, &place)) != 0)
    return -cmp;

  return strcmp (ra->id, rb->id);
}

/* Scores one session for one championship kind. */
static void
score_session (const PdRules             *rules,
               const PdChampionshipRules *champ,
               PdStandingsKind            kind,
               int                        round,
               PdScoreSession            *session,
               const char                *class_id,
               GHashTable                *rows,
               Scratch                   *scratch)
{
  const PdSessionRule *rule = &champ->sessions[session->kind];
  GPtrArray *cars;
  GArray *class_counters = scratch->class_counters;
  GArray *fastest_counts = scratch->fastest_counts;
  GHashTable *team_scored = scratch->team_scored;
  GHashTable *session_points = scratch->session_points;
  const PdPoints *table;
  guint n_table;
  PdPoints factor;
  gboolean bonuses, per_class;
  int passed_down = 0;

  scratch_reset (scratch);
  cars = group_cars (session, scratch);

  /* Teams without their own table use the drivers' one. */
  if (kind == PD_STANDINGS_TEAMS && !rule->enabled)
    rule = &rules->drivers.sessions[session->kind];
  if (kind == PD_STANDINGS_TEAMS && is_drivers_only (rules, round, session->kind))
    return;

  session_table (rules, rule, session, &table, &n_table);
  factor = session_factor (rules, round, session->kind, &bonuses);
  per_class = rule->per_class;

  /* Places. Overall, a car's place is its position less the ineligible
   * cars ahead of it whose points pass down (a position also counts the
   * cars a partial result does not list). Within a class, the place the
   * timekeepers recorded, or else the count along the overall order. */
  for (guint c = 0; c < cars->len; c++)
    {
      Car *car = cars->pdata[c];
      PdScoreResult *first = car->rows->pdata[0];
      const PdIneligible *ineligible = find_ineligible (rules, round, session->kind, car);
      int *counter;

      if (car->position == 0 && first->class_position == 0)
        continue;

      counter = class_count (class_counters, car->class_id != NULL ? car->class_id : "");

      car->class_place = first->class_position > 0 ? first->class_position : ++(*counter);
      car->ineligible = ineligible != NULL;
      car->pass_down = car->ineligible && ineligible->pass_down;
      if (car->pass_down)
        {
          passed_down++;
          if (first->class_position == 0)
            (*counter)--;
          car->class_place = 0;
          continue;
        }

      car->place = per_class ? car->class_place : car->position > 0 ? car->position - passed_down : 0;
      if (rule->enabled && !car->ineligible && table != NULL && car->place > 0 && car->place <= (int) n_table)
        car->points = pd_points_mul (table[car->place - 1], factor);
    }

  /* Race finishes decide ties by countback, scoring or not; in a
   * class's standings, the places within the class. */
  if (session->kind == PD_SESSION_KIND_RACE)
    for (guint c = 0; c < cars->len; c++)
      {
        Car *car = cars->pdata[c];
        int finish = class_id != NULL ? car->class_place : car->position;

        if (!in_view (car, class_id))
          continue;
        for (guint r = 0; r < car->rows->len; r++)
          {
            PdScoreResult *result = car->rows->pdata[r];
            int row_finish = class_id != NULL ? finish : result->position;

            if (kind == PD_STANDINGS_DRIVERS)
              for (guint d = 0; result->driver_ids != NULL && result->driver_ids[d] != NULL; d++)
                add_finish (get_row (scratch, rows, result->driver_ids[d]), row_finish);
            else if (r == 0 && kind == PD_STANDINGS_TEAMS && result->team_id != NULL)
              add_finish (get_row (scratch, rows, result->team_id), finish);
            else if (r == 0 && kind == PD_STANDINGS_ENTRIES && result->entry_id != NULL)
              add_finish (get_row (scratch, rows, result->entry_id), finish);
          }
      }

  if (!rule->enabled)
    return;

  /* The fastest-lap bonus is split among the results that share it,
   * within each class where the table is per class. */
  if (!bonuses || pd_points_is_zero (rule->fastest_lap) ||
      (kind == PD_STANDINGS_TEAMS && !champ->fastest_lap))
    rule = NULL;
  else
    for (guint c = 0; c < cars->len; c++)
      {
        Car *car = cars->pdata[c];

        for (guint r = 0; r < car->rows->len; r++)
          if (fastest_lap_qualifies (rule, car->rows->pdata[r]))
            {
              (*class_count (fastest_counts, per_class && car->class_id != NULL ? car->class_id : ""))++;
            }
      }

  for (guint c = 0; c < cars->len; c++)
    {
      Car *car = cars->pdata[c];
      PdScoreResult *first = car->rows->pdata[0];
      const PdSessionRule *session_rule = &champ->sessions[session->kind];
      guint n_drivers = car_driver_count (car);
      guint n_sharing = car_sharing_count (rules, round, session->kind, car);
      PdPoints car_total = car->points;
      gboolean shown = in_view (car, class_id);

      if (kind == PD_STANDINGS_TEAMS && !session_rule->enabled)
        session_rule = &rules->drivers.sessions[session->kind];

      for (guint r = 0; r < car->rows->len; r++)
        {
          PdScoreResult *result = car->rows->pdata[r];
          guint n_row = result->driver_ids != NULL ? g_strv_length (result->driver_ids) : 0;
          PdPoints bonus = PD_POINTS_ZERO;

          if (rule != NULL && fastest_lap_qualifies (rule, result))
            {
              int *count = class_count (fastest_counts, per_class && car->class_id != NULL ? car->class_id : "");

              bonus = pd_points_add (bonus, pd_points_div_int (rule->fastest_lap, *count));
            }
          if (bonuses && result->grid == 1 && !pd_points_is_zero (session_rule->pole) && !car->ineligible)
            bonus = pd_points_add (bonus, session_rule->pole);
          car_total = pd_points_sub (pd_points_add (car_total, bonus), result->deducted);

          if (kind != PD_STANDINGS_DRIVERS || !shown)
            continue;

          /* Each driver of a row has a score of their own for it. */
          for (guint d = 0; d < n_row; d++)
            {
              PdPoints share = PD_POINTS_ZERO;

              switch (rules->drivers.shared_cars)
                {
                case PD_SHARED_CARS_SPLIT:
                  /* Divided among the drivers who share it. */
                  share = left_out_of_car (rules, round, session->kind, result->driver_ids[d])
                          ? pd_points_div_int (bonus, n_row)
                          : pd_points_add (pd_points_div_int (car->points, MAX (n_sharing, 1)),
                                           pd_points_div_int (bonus, n_row));
                  break;
                case PD_SHARED_CARS_NONE:
                  share = n_drivers > 1 ? PD_POINTS_ZERO
                                        : pd_points_add (car->points, pd_points_div_int (bonus, n_row));
                  break;
                case PD_SHARED_CARS_FULL:
                  /* Every driver of the car is credited with all of it. */
                  share = pd_points_add (car->points, bonus);
                  break;
                }
              share = pd_points_sub (share, result->deducted);
              add_score (get_row (scratch, rows, result->driver_ids[d]), round, session, result->position, share);
            }
        }

      if (!shown)
        continue;

      if (kind == PD_STANDINGS_TEAMS && first->team_id != NULL)
        {
          PdPoints *sum;

          /* Only the best car of a team scores, where the rules say so; a
           * car whose points passed down does not count as that car. */
          if (car->pass_down)
            continue;
          if (champ->best_car_only && g_hash_table_contains (team_scored, first->team_id))
            continue;
          if (car->position > 0 || !pd_points_is_zero (car_total))
            g_hash_table_add (team_scored, first->team_id);
          sum = g_hash_table_lookup (session_points, first->team_id);
          if (sum == NULL)
            {
              sum = g_new0 (PdPoints, 1);
              *sum = PD_POINTS_ZERO;
              g_hash_table_insert (session_points, first->team_id, sum);
            }
          *sum = pd_points_add (*sum, car_total);
        }
      else if (kind == PD_STANDINGS_ENTRIES && first->entry_id != NULL)
        add_score (get_row (scratch, rows, first->entry_id), round, session, car->position, car_total);
    }

  if (kind == PD_STANDINGS_TEAMS)
    {
      GHashTableIter iter;
      gpointer key, value;

      g_hash_table_iter_init (&iter, session_points);
      while (g_hash_table_iter_next (&iter, &key, &value))
        add_score (get_row (scratch, rows, key), round, session, 0, *(PdPoints *) value);
    }
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/**
 * pd_standings_compute:
 * @rules: the season's points rules
 * @season: its results
 * @kind: drivers, teams or entries
 * @class_id: (nullable): standings within this class only; "" for the
 *   cars that have no class
 * @after_round: the last round to count; 0 for all
 *
 * Returns: (transfer container) (element-type PdStandingsRow): the
 *   standings, first first
 */
GPtrArray *
pd_standings_compute (const PdRules       *rules,
                      const PdScoreSeason *season,
                      PdStandingsKind      kind,
                      const char          *class_id,
                      int                  after_round)
{
  g_autoptr(GHashTable) rows = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, row_free);
  g_autoptr(GArray) round_numbers = g_array_new (FALSE, FALSE, sizeof (int));
  Scratch scratch;
  const PdChampionshipRules *champ;
  GPtrArray *result;
  SortData sort_data;
  GHashTableIter iter;
  gpointer value;

  g_return_val_if_fail (rules != NULL && season != NULL, NULL);

  champ = kind == PD_STANDINGS_TEAMS ? &rules->teams : &rules->drivers;
  if (kind == PD_STANDINGS_TEAMS && !champ->enabled)
    return g_ptr_array_new_with_free_func (row_free);

  scratch_init (&scratch);
  for (guint r = 0; r < season->rounds->len; r++)
    {
      PdScoreRound *round = season->rounds->pdata[r];

      scratch.n_sessions += round->sessions->len;
      for (guint s = 0; s < round->sessions->len; s++)
        scratch.max_field = MAX (scratch.max_field, ((PdScoreSession *) round->sessions->pdata[s])->results->len);
    }
  for (guint r = 0; r < season->rounds->len; r++)
    {
      PdScoreRound *round = season->rounds->pdata[r];

      g_array_append_val (round_numbers, round->number);
      if (after_round > 0 && round->number > after_round)
        continue;
      for (guint s = 0; s < round->sessions->len; s++)
        score_session (rules, champ, kind, round->number, round->sessions->pdata[s], class_id, rows, &scratch);
    }
  scratch_clear (&scratch);
  g_array_sort (round_numbers, compare_ints);

  result = g_ptr_array_new_with_free_func (row_free);
  g_hash_table_iter_init (&iter, rows);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      PdStandingsRow *row = value;

      apply_counting (row, &champ->counting, round_numbers);

      /* A new entry that takes over a car scores from its first round only. */
      for (guint a = 0; a < rules->adjustments->len; a++)
        {
          PdAdjustment *adjustment = &g_array_index (rules->adjustments, PdAdjustment, a);

          if (adjustment->kind != PD_ADJUSTMENT_RESET || kind == PD_STANDINGS_ENTRIES ||
              adjustment->teams != (kind == PD_STANDINGS_TEAMS) || g_strcmp0 (adjustment->id, row->id) != 0)
            continue;
          for (guint i = 0; i < row->scores->len; i++)
            if (g_array_index (row->scores, PdStandingsScore, i).round < adjustment->round)
              g_array_index (row->scores, PdStandingsScore, i).counted = FALSE;
        }
      for (guint i = 0; i < row->scores->len; i++)
        {
          PdStandingsScore *score = &g_array_index (row->scores, PdStandingsScore, i);

          row->gross = pd_points_add (row->gross, score->points);
          if (score->counted)
            row->points = pd_points_add (row->points, score->points);
        }
      row->wins = row->finishes->len > 1 ? g_array_index (row->finishes, int, 1) : 0;

      for (guint a = 0; a < rules->adjustments->len; a++)
        {
          PdAdjustment *adjustment = &g_array_index (rules->adjustments, PdAdjustment, a);

          if (kind == PD_STANDINGS_ENTRIES || adjustment->teams != (kind == PD_STANDINGS_TEAMS) ||
              g_strcmp0 (adjustment->id, row->id) != 0 ||
              (after_round > 0 && adjustment->round > after_round))
            continue;
          if (adjustment->kind == PD_ADJUSTMENT_EXCLUDE)
            row->excluded = TRUE;
          else if (adjustment->kind == PD_ADJUSTMENT_RESET)
            continue;
          else
            {
              row->deducted = pd_points_add (row->deducted, adjustment->points);
              row->points = pd_points_sub (row->points, adjustment->points);
            }
        }

      g_hash_table_iter_steal (&iter);
      g_ptr_array_add (result, row);
    }

  sort_data.tie_break = rules->tie_break;
  g_ptr_array_sort_with_data (result, compare_rows, &sort_data);

  for (guint i = 0; i < result->len; i++)
    {
      PdStandingsRow *row = result->pdata[i];
      PdStandingsRow *above = i > 0 ? result->pdata[i - 1] : NULL;
      int place = 0;

      if (row->excluded)
        {
          row->position = 0;
          continue;
        }

      row->position = i + 1;
      if (above != NULL && !above->excluded && pd_points_compare (row->points, above->points) == 0)
        {
          if (rules->tie_break == PD_TIE_BREAK_SHARED || countback (above, row, &place) == 0)
            {
              row->position = above->position;
              row->shared = above->shared = TRUE;
            }
          else
            row->tie_place = place;
        }
    }

  return result;
}
