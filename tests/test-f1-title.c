/* The title maths against history: for every Formula 1 season in the
 * Ergast data, the round after which Paddock says the title was decided
 * is compared with the record.
 *
 * The record is derived here, independently of Paddock's scoring and of
 * its rules files, from the official tables: the standings after every
 * round (Ergast's driver_standings.csv and constructor_standings.csv, the
 * counted points after each race, as the FIA published them), the points
 * each result scored (results.csv, sprint_results.csv and
 * constructor_results.csv) and the points systems of the eras as the
 * shared data's README gives them (the most one Grand Prix can give, and
 * which results count). After round N the title is decided when no one
 * but the official leader can still finish ahead: for each other
 * competitor, its best final total is its results so far plus the most
 * every round left can give, counted by the era's rule (best N, split
 * season), and it must be below the leader's official total, or equal and
 * lost on countback even if it won every race left. The record's round
 * is the first of the last run of rounds after which the title was
 * decided.
 *
 * A derivation and not a list of "clinched at" rounds from the press:
 * no such list could be found in a form that covers every season with a
 * source, and the press writes "clinched" loosely (by the end of a race
 * weekend, or ignoring that a tie would go to countback). The definition
 * above is the one the record books use ("no longer mathematically
 * possible for another driver to beat him"), applied to the official
 * tables.
 *
 * Paddock's side: the season as the Ergast import stores it, its rules
 * preset, and pd_title_compute() after the last round; its decided round
 * and champion. Every season must agree, but for the exceptions listed
 * below, each with its reason. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "pd-csv.h"
#include "pd-score-loader.h"
#include "pd-test.h"
#include "pd-title.h"

#define FIRST_YEAR 1950
#define LAST_YEAR 2024
#define EPSILON 0.005

/* Where Paddock's decided round differs from the record, and why. The
 * list ends in an entry that matches no year. */
static const struct {
  int         year;
  gboolean    teams;
  const char *why;
} exceptions[] = {
  { 1997, FALSE, "Schumacher was excluded from the championship after the season (FIA World Motor Sport Council, "
                 "11 November 1997); the rules record the exclusion for the whole season, so Paddock leaves him out "
                 "of every round's standings, while he led the official table until the last race" },
  { 0, FALSE, NULL },
};

/* The eras' points systems: the most one competitor can score in one
 * Grand Prix (a win and the fastest lap where it scored; a constructor's
 * two best cars from 1979), and the results that count (the same for the
 * constructors until 1978, all of them from 1979). */
typedef struct {
  int first;
  int last;
  int win;         /* drivers */
  int team_win;    /* constructors: 0 when there was no championship */
  int parts[2][2]; /* { rounds, best } per part; { 0, 0 }: all */
} Era;

static const Era eras[] = {
  { 1950, 1953, 9, 0, { { 0, 4 } } },
  { 1954, 1957, 9, 0, { { 0, 5 } } },
  /* Constructors: the best car of each, no fastest-lap point. */
  { 1958, 1958, 9, 8, { { 0, 6 } } },
  { 1959, 1959, 9, 8, { { 0, 5 } } },
  { 1960, 1960, 8, 8, { { 0, 6 } } },
  /* 1961: 9 for a win for the drivers, 8 for the constructors. */
  { 1961, 1961, 9, 8, { { 0, 5 } } },
  { 1962, 1962, 9, 9, { { 0, 5 } } },
  { 1963, 1965, 9, 9, { { 0, 6 } } },
  { 1966, 1966, 9, 9, { { 0, 5 } } },
  { 1967, 1967, 9, 9, { { 6, 5 }, { 0, 4 } } },
  { 1968, 1968, 9, 9, { { 6, 5 }, { 0, 5 } } },
  { 1969, 1969, 9, 9, { { 6, 5 }, { 0, 4 } } },
  { 1970, 1970, 9, 9, { { 7, 6 }, { 0, 5 } } },
  { 1971, 1971, 9, 9, { { 6, 5 }, { 0, 4 } } },
  { 1972, 1972, 9, 9, { { 6, 5 }, { 0, 5 } } },
  { 1973, 1974, 9, 9, { { 8, 7 }, { 0, 6 } } },
  { 1975, 1975, 9, 9, { { 7, 6 }, { 0, 6 } } },
  { 1976, 1976, 9, 9, { { 8, 7 }, { 0, 7 } } },
  { 1977, 1977, 9, 9, { { 9, 8 }, { 0, 7 } } },
  { 1978, 1978, 9, 9, { { 8, 7 }, { 0, 7 } } },
  /* From 1979 every constructor's car scores and all its results count. */
  { 1979, 1979, 9, 15, { { 7, 4 }, { 0, 4 } } },
  { 1980, 1980, 9, 15, { { 7, 5 }, { 0, 5 } } },
  { 1981, 1990, 9, 15, { { 0, 11 } } },
  { 1991, 2002, 10, 16, { { 0, 0 } } },
  { 2003, 2009, 10, 18, { { 0, 0 } } },
  { 2010, 2018, 25, 43, { { 0, 0 } } },
  { 2019, 2024, 26, 44, { { 0, 0 } } },
};

/* Sprints: 3-2-1 in 2021, 8-7-...-1 from 2022. */
static int
sprint_most (int  year,
             gboolean teams)
{
  if (year == 2021)
    return teams ? 5 : 3;
  return year >= 2022 ? (teams ? 15 : 8) : 0;
}

static const Era *
find_era (int year)
{
  for (guint i = 0; i < G_N_ELEMENTS (eras); i++)
    if (year >= eras[i].first && year <= eras[i].last)
      return &eras[i];
  g_error ("no era for %d", year);
}

/* The official data */

typedef struct {
  int    round;
  int    competitor;
  double points;
  int    position;   /* finishing position; 0 when not classified */
} Score;

typedef struct {
  int     competitor;
  double  points;
  int     wins;
  int     position;  /* 0: excluded ("D") */
} Standing;

typedef struct {
  int         n_rounds;
  int         race_ids[40];      /* by round */
  gboolean    sprint[40];        /* by round */
  gboolean    drivers_only[40];  /* by round: the Indianapolis 500 */
  GArray     *scores;            /* Score, races and sprints */
  GArray     *race_scores;       /* Score, races only (for countback) */
  GArray     *team_scores;       /* Score, a constructor's points in a race */
  GArray     *team_finishes;     /* Score, each of a constructor's cars in a race */
} Year;

static char *ergast_dir;
static PdStore *store;
static Year years[LAST_YEAR - FIRST_YEAR + 1];
static GHashTable *race_year;       /* raceId → year */
static GHashTable *race_round;      /* raceId → round */
static GHashTable *standings;       /* "d"/"c" raceId → GArray of Standing */
static GHashTable *driver_refs;     /* driverId → driverRef */
static GHashTable *constructor_refs;

static PdCsvReader *
open_csv (const char *name,
          char      **data)
{
  g_autofree char *path = g_build_filename (ergast_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  PdCsvReader *reader;
  gsize length;

  g_assert_true (g_file_get_contents (path, data, &length, &error));
  reader = pd_csv_reader_new (name, *data, length, ',', PD_CSV_HEADER | PD_CSV_NULL_MARKER, &error);
  g_assert_no_error (error);
  return reader;
}

static int
column (PdCsvReader *reader,
        const char  *name)
{
  int c = pd_csv_reader_column (reader, name);

  g_assert_cmpint (c, >=, 0);
  return c;
}

static int
get_int (PdCsvReader *reader,
         int          c)
{
  const char *text = pd_csv_reader_get (reader, c);

  return text != NULL ? atoi (text) : 0;
}

static void
read_refs (const char *file,
           const char *id_column,
           const char *ref_column,
           GHashTable *refs)
{
  g_autofree char *data = NULL;
  g_autoptr(PdCsvReader) reader = open_csv (file, &data);
  int c_id = column (reader, id_column), c_ref = column (reader, ref_column);

  while (pd_csv_reader_next (reader, NULL))
    g_hash_table_insert (refs, GINT_TO_POINTER (get_int (reader, c_id)),
                         g_strdup (pd_csv_reader_get (reader, c_ref)));
}

static void
read_races (void)
{
  g_autofree char *data = NULL;
  g_autoptr(PdCsvReader) reader = open_csv ("races.csv", &data);
  int c_id = column (reader, "raceId"), c_year = column (reader, "year"), c_round = column (reader, "round");
  int c_name = column (reader, "name");

  while (pd_csv_reader_next (reader, NULL))
    {
      int year = get_int (reader, c_year), round = get_int (reader, c_round), id = get_int (reader, c_id);
      Year *y;

      if (year < FIRST_YEAR || year > LAST_YEAR)
        continue;
      y = &years[year - FIRST_YEAR];
      g_assert_cmpint (round, >, 0);
      g_assert_cmpint (round, <, (int) G_N_ELEMENTS (y->race_ids));
      y->race_ids[round] = id;
      y->drivers_only[round] = g_strcmp0 (pd_csv_reader_get (reader, c_name), "Indianapolis 500") == 0;
      y->n_rounds = MAX (y->n_rounds, round);
      g_hash_table_insert (race_year, GINT_TO_POINTER (id), GINT_TO_POINTER (year));
      g_hash_table_insert (race_round, GINT_TO_POINTER (id), GINT_TO_POINTER (round));
    }
}

/* Results and their points, per driver (or per constructor, from its
 * own file, one score per race). */
static void
read_scores (const char *file,
             const char *competitor_column,
             gboolean    sprint,
             gboolean    teams)
{
  g_autofree char *data = NULL;
  g_autoptr(PdCsvReader) reader = open_csv (file, &data);
  int c_race = column (reader, "raceId"), c_who = column (reader, competitor_column);
  int c_points = column (reader, "points");
  int c_position = teams ? -1 : column (reader, "position");
  int c_constructor = teams || sprint ? -1 : column (reader, "constructorId");

  while (pd_csv_reader_next (reader, NULL))
    {
      int race = get_int (reader, c_race);
      int year = GPOINTER_TO_INT (g_hash_table_lookup (race_year, GINT_TO_POINTER (race)));
      const char *points = pd_csv_reader_get (reader, c_points);
      Score score;
      Year *y;

      if (year == 0)
        continue;
      y = &years[year - FIRST_YEAR];
      score.round = GPOINTER_TO_INT (g_hash_table_lookup (race_round, GINT_TO_POINTER (race)));
      score.competitor = get_int (reader, c_who);
      score.points = points != NULL ? g_ascii_strtod (points, NULL) : 0;
      score.position = c_position >= 0 ? get_int (reader, c_position) : 0;
      if (sprint)
        y->sprint[score.round] = TRUE;
      g_array_append_val (teams ? y->team_scores : y->scores, score);
      if (!sprint && !teams)
        {
          g_array_append_val (y->race_scores, score);
          score.competitor = get_int (reader, c_constructor);
          g_array_append_val (y->team_finishes, score);
        }
    }
}

static void
read_standings (const char *file,
                const char *competitor_column,
                const char *prefix)
{
  g_autofree char *data = NULL;
  g_autoptr(PdCsvReader) reader = open_csv (file, &data);
  int c_race = column (reader, "raceId"), c_who = column (reader, competitor_column);
  int c_points = column (reader, "points"), c_text = column (reader, "positionText");
  int c_wins = column (reader, "wins");

  while (pd_csv_reader_next (reader, NULL))
    {
      g_autofree char *key = g_strdup_printf ("%s%d", prefix, get_int (reader, c_race));
      GArray *list = g_hash_table_lookup (standings, key);
      const char *text = pd_csv_reader_get (reader, c_text);
      Standing standing;

      standing.competitor = get_int (reader, c_who);
      standing.points = g_ascii_strtod (pd_csv_reader_get (reader, c_points), NULL);
      standing.wins = get_int (reader, c_wins);
      standing.position = text != NULL && g_ascii_isdigit (text[0]) ? atoi (text) : 0;
      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (Standing));
          g_hash_table_insert (standings, g_steal_pointer (&key), list);
        }
      g_array_append_val (list, standing);
    }
}

/* The record */

/* The best total of @points (per round) under the era's counting: the
 * best k of each part's rounds. */
static double
counted_total (const Era *era,
               gboolean   all,
               GArray    *points,     /* Score */
               int        n_rounds)
{
  double total = 0;
  int start = 1;

  for (guint p = 0; p < G_N_ELEMENTS (era->parts); p++)
    {
      int rounds = all ? 0 : era->parts[p][0], best = all ? 0 : era->parts[p][1];
      int end = rounds > 0 ? start + rounds - 1 : n_rounds;
      g_autoptr(GArray) in_part = g_array_new (FALSE, FALSE, sizeof (double));

      if (p > 0 && era->parts[p][1] == 0 && era->parts[p][0] == 0)
        break;
      for (guint i = 0; i < points->len; i++)
        {
          Score *s = &g_array_index (points, Score, i);

          if (s->round >= start && s->round <= end)
            g_array_append_val (in_part, s->points);
        }
      /* Highest first. */
      for (guint i = 0; i < in_part->len; i++)
        for (guint j = i + 1; j < in_part->len; j++)
          if (g_array_index (in_part, double, j) > g_array_index (in_part, double, i))
            {
              double t = g_array_index (in_part, double, i);

              g_array_index (in_part, double, i) = g_array_index (in_part, double, j);
              g_array_index (in_part, double, j) = t;
            }
      for (guint i = 0; i < in_part->len && (best == 0 || i < (guint) best); i++)
        total += g_array_index (in_part, double, i);
      if (rounds == 0)
        break;
      start = end + 1;
    }
  return total;
}

/* Finishes in each place, races only, up to @round; @extra_wins more. */
static void
finishes (Year     *y,
          gboolean  teams,
          int       competitor,
          int       round,
          int       extra_wins,
          int      *count,
          int       n)
{
  GArray *scores = teams ? y->team_finishes : y->race_scores;

  memset (count, 0, n * sizeof (int));
  count[1] = extra_wins;
  for (guint i = 0; i < scores->len; i++)
    {
      Score *s = &g_array_index (scores, Score, i);

      if (s->competitor == competitor && s->round <= round && s->position > 0 && s->position < n)
        count[s->position]++;
    }
}

/* Whether @chaser, winning every race left, beats @leader on countback. */
static gboolean
wins_countback (Year     *y,
                gboolean  teams,
                int       chaser,
                int       leader,
                int       round)
{
  int a[64], b[64];

  finishes (y, teams, chaser, round, y->n_rounds - round, a, G_N_ELEMENTS (a));
  finishes (y, teams, leader, round, 0, b, G_N_ELEMENTS (b));
  for (guint p = 1; p < G_N_ELEMENTS (a); p++)
    if (a[p] != b[p])
      return a[p] > b[p];
  /* Level on everything: a shared place, so not lost. */
  return TRUE;
}

/* Whether the title was decided after @round by the official tables; the
 * leader in @champion. */
static gboolean
record_decided (int       year,
                gboolean  teams,
                int       round,
                int      *champion)
{
  Year *y = &years[year - FIRST_YEAR];
  const Era *era = find_era (year);
  g_autofree char *key = g_strdup_printf ("%s%d", teams ? "c" : "d", y->race_ids[round]);
  GArray *table = g_hash_table_lookup (standings, key);
  GArray *scores = teams ? y->team_scores : y->scores;
  int most = teams ? era->team_win : era->win;
  Standing *leader = NULL;

  g_assert_nonnull (table);
  for (guint i = 0; i < table->len; i++)
    if (g_array_index (table, Standing, i).position == 1)
      leader = &g_array_index (table, Standing, i);
  g_assert_nonnull (leader);
  *champion = leader->competitor;

  for (guint i = 0; i < table->len; i++)
    {
      Standing *other = &g_array_index (table, Standing, i);
      g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (Score));
      double best;

      if (other == leader || other->position == 0)
        continue;
      for (guint s = 0; s < scores->len; s++)
        {
          Score *score = &g_array_index (scores, Score, s);

          if (score->competitor == other->competitor && score->round <= round)
            g_array_append_val (points, *score);
        }
      for (int r = round + 1; r <= y->n_rounds; r++)
        {
          /* 2014: double points at the last race; the Indianapolis 500
           * counted for the drivers only. */
          Score future = { r, other->competitor, year == 2014 && r == y->n_rounds ? 2 * most : most, 1 };

          if (teams && y->drivers_only[r])
            continue;
          Score sprint = { r, other->competitor, sprint_most (year, teams), 0 };

          g_array_append_val (points, future);
          if (y->sprint[r])
            g_array_append_val (points, sprint);
        }
      /* From 1979 every result of a constructor counted. */
      best = counted_total (era, teams && year >= 1979, points, y->n_rounds);
      if (best > leader->points + EPSILON)
        return FALSE;
      if (fabs (best - leader->points) <= EPSILON && wins_countback (y, teams, other->competitor, leader->competitor, round))
        return FALSE;
    }
  return TRUE;
}

/* The first round of the last run of rounds after which it was decided. */
static int
record_round (int       year,
              gboolean  teams,
              int      *champion)
{
  Year *y = &years[year - FIRST_YEAR];
  int decided = 0;

  g_assert_true (record_decided (year, teams, y->n_rounds, champion));
  for (int round = y->n_rounds; round >= 1; round--)
    {
      int leader;

      if (!record_decided (year, teams, round, &leader) || leader != *champion)
        break;
      decided = round;
    }
  return decided;
}

/* Paddock */

/* The round Paddock says the title was decided at, seen from the end of
 * the season. As the season went, the title must have been open after
 * the round before it and decided after it. */
static int
paddock_round (int              year,
               PdStandingsKind  kind,
               char          ***champions)
{
  g_autofree char *season_id = g_strdup_printf ("f1-%d", year);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdRules) rules = pd_rules_for_season (store, season_id, &error);
  g_autoptr(PdScoreSeason) season = NULL;
  g_autoptr(PdTitle) title = NULL;
  int round;

  g_assert_no_error (error);
  season = pd_score_season_load (store, season_id, &error);
  g_assert_no_error (error);
  title = pd_title_compute (rules, season, kind, NULL, 0);
  g_assert_true (title->over);
  round = title->decided_round;
  g_assert_cmpint (round, >, 0);

  {
    g_autoptr(PdTitle) then = pd_title_compute (rules, season, kind, NULL, round);
    g_autoptr(PdTitle) before = round > 1 ? pd_title_compute (rules, season, kind, NULL, round - 1) : NULL;

    g_assert_cmpint (then->decided_round, ==, round);
    g_assert_true (g_strv_equal ((const char * const *) then->champion_ids,
                                 (const char * const *) title->champion_ids));
    if (before != NULL)
      {
        g_assert_cmpint (before->decided_round, ==, 0);
        g_assert_cmpuint (pd_title_count_can_win (before) + before->newcomer_can_win, >, 1);
      }
  }

  *champions = g_steal_pointer (&title->champion_ids);
  return round;
}

/* Who besides the leader can still win after @round, as Paddock sees it:
 * for a report of a difference. */
static char *
paddock_contenders (int              year,
                    PdStandingsKind  kind,
                    int              round)
{
  g_autofree char *season_id = g_strdup_printf ("f1-%d", year);
  g_autoptr(PdRules) rules = pd_rules_for_season (store, season_id, NULL);
  g_autoptr(PdScoreSeason) season = pd_score_season_load (store, season_id, NULL);
  g_autoptr(PdTitle) title = pd_title_compute (rules, season, kind, NULL, round);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < title->contenders->len; i++)
    {
      PdTitleContender *c = title->contenders->pdata[i];
      g_autofree char *points = pd_points_format (c->points);
      g_autofree char *best = pd_points_format (c->best);

      if (c->can_win)
        g_string_append_printf (out, " %s %s (at most %s);", c->id, points, best);
    }
  if (title->newcomer_can_win)
    g_string_append (out, " a newcomer;");
  return g_string_free (out, FALSE);
}

static const char *
find_exception (int      year,
                gboolean teams)
{
  for (guint i = 0; i < G_N_ELEMENTS (exceptions); i++)
    if (exceptions[i].year == year && exceptions[i].teams == teams)
      return exceptions[i].why;
  return NULL;
}

static void
test_history (gconstpointer data)
{
  gboolean teams = GPOINTER_TO_INT (data);
  g_autoptr(GString) report = g_string_new (NULL);
  guint agree = 0, explained = 0, seasons = 0, final_round = 0;

  for (int year = teams ? 1958 : FIRST_YEAR; year <= LAST_YEAR; year++)
    {
      GHashTable *refs = teams ? constructor_refs : driver_refs;
      g_auto(GStrv) champions = NULL;
      int champion = 0;
      int record = record_round (year, teams, &champion);
      int ours = paddock_round (year, teams ? PD_STANDINGS_TEAMS : PD_STANDINGS_DRIVERS, &champions);
      const char *ref = g_hash_table_lookup (refs, GINT_TO_POINTER (champion));
      const char *why = find_exception (year, teams);
      gboolean same = ours == record && champions != NULL && g_strv_length (champions) == 1 &&
                      g_strcmp0 (champions[0], ref) == 0;

      seasons++;
      final_round += record == years[year - FIRST_YEAR].n_rounds;
      if (same)
        agree++;
      else if (why != NULL)
        {
          explained++;
          g_string_append_printf (report, "%d: Paddock round %d, record %d (%s), explained: %s\n", year, ours,
                                  record, ref, why);
        }
      else
        {
          g_autofree char *open = paddock_contenders (year, teams ? PD_STANDINGS_TEAMS : PD_STANDINGS_DRIVERS,
                                                      MIN (ours, record));

          g_string_append_printf (report, "%d: Paddock round %d (%s), record round %d (%s): NOT EXPLAINED; "
                                  "after round %d Paddock has as possible champions:%s\n", year, ours,
                                  champions != NULL ? champions[0] : "open", record, ref, MIN (ours, record), open);
        }
      g_test_message ("%d: decided at round %d of %d (%s)%s", year, record, years[year - FIRST_YEAR].n_rounds, ref,
                      same ? "" : why != NULL ? ", an explained exception" : ", DISAGREES");
    }

  g_test_message ("%s: %u of %u seasons agree with the record; %u explained exceptions; "
                  "%u titles decided at the last round",
                  teams ? "constructors" : "drivers", agree, seasons, explained, final_round);
  if (report->len > 0)
    g_test_message ("differences:\n%s", report->str);
  g_assert_cmpuint (seasons, >, 60);
  g_assert_cmpuint (agree + explained, ==, seasons);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *tmpdir = NULL;
  int status;

  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  ergast_dir = g_strdup (g_getenv ("PADDOCK_ERGAST_DIR"));
  store = pd_test_ergast_store (&tmpdir);

  race_year = g_hash_table_new (NULL, NULL);
  race_round = g_hash_table_new (NULL, NULL);
  standings = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_array_unref);
  driver_refs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  constructor_refs = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      years[i].scores = g_array_new (FALSE, FALSE, sizeof (Score));
      years[i].race_scores = g_array_new (FALSE, FALSE, sizeof (Score));
      years[i].team_scores = g_array_new (FALSE, FALSE, sizeof (Score));
      years[i].team_finishes = g_array_new (FALSE, FALSE, sizeof (Score));
    }
  read_races ();
  read_refs ("drivers.csv", "driverId", "driverRef", driver_refs);
  read_refs ("constructors.csv", "constructorId", "constructorRef", constructor_refs);
  read_scores ("results.csv", "driverId", FALSE, FALSE);
  read_scores ("sprint_results.csv", "driverId", TRUE, FALSE);
  read_scores ("constructor_results.csv", "constructorId", FALSE, TRUE);
  read_standings ("driver_standings.csv", "driverId", "d");
  read_standings ("constructor_standings.csv", "constructorId", "c");

  g_test_add_data_func ("/f1-title/drivers", GINT_TO_POINTER (FALSE), test_history);
  g_test_add_data_func ("/f1-title/constructors", GINT_TO_POINTER (TRUE), test_history);
  status = g_test_run ();

  g_clear_object (&store);
  pd_test_remove_tree (tmpdir);
  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    {
      g_array_unref (years[i].scores);
      g_array_unref (years[i].race_scores);
      g_array_unref (years[i].team_scores);
      g_array_unref (years[i].team_finishes);
    }
  g_hash_table_unref (race_year);
  g_hash_table_unref (race_round);
  g_hash_table_unref (standings);
  g_hash_table_unref (driver_refs);
  g_hash_table_unref (constructor_refs);
  g_free (ergast_dir);
  return status;
}
