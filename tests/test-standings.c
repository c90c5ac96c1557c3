/* Tests of the scoring engine (pd-standings.c): one small season per
 * kind of rule, written here, with the expected points and positions
 * worked out by hand in the comments (not taken from the program).
 *
 * Points are exact fractions: an expectation "57/7" is 8 + 1/7.
 *
 * Each test runs in a child process of its own, so that one failed
 * assertion fails that test only and the others still run and report. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "pd-standings.h"
#include "pd-test.h"

/* Rules */

/* A rules file around @body: the members after "name". */
static PdRules *
rules_new (const char *body)
{
  return pd_test_rules_new (body);
}

/* Seasons */

static PdScoreRound *
get_round (PdScoreSeason *season,
           int            number)
{
  for (guint i = 0; i < season->rounds->len; i++)
    {
      PdScoreRound *round = season->rounds->pdata[i];

      if (round->number == number)
        return round;
    }
  return pd_score_season_add_round (season, number);
}

static PdScoreSession *
add_session (PdScoreSeason *season,
             int            round_number,
             PdSessionKind  kind)
{
  PdScoreRound *round = get_round (season, round_number);
  g_autofree char *id = g_strdup_printf ("r%d.s%u", round_number, round->sessions->len + 1);

  return pd_score_round_add_session (round, id, kind);
}

static PdScoreSession *
add_race (PdScoreSeason *season,
          int            round_number)
{
  return add_session (season, round_number, PD_SESSION_KIND_RACE);
}

/* A result of the drivers in @drivers (comma-separated), entry "e-" and
 * the drivers, in @team (nullable) and @class_id (nullable). */
static PdScoreResult *
add_result_full (PdScoreSession *session,
                 const char     *drivers,
                 const char     *team,
                 const char     *class_id,
                 int             position)
{
  g_auto(GStrv) driver_ids = g_strsplit (drivers, ",", -1);
  g_autofree char *result_id = g_strdup_printf ("%s.%u", session->session_id, session->results->len + 1);
  g_autofree char *entry_id = g_strdup_printf ("e-%s", drivers);

  return pd_score_session_add_result (session, result_id, entry_id, team, class_id,
                                      (const char * const *) driver_ids, position);
}

static PdScoreResult *
add_result (PdScoreSession *session,
            const char     *drivers,
            const char     *team,
            int             position)
{
  return add_result_full (session, drivers, team, NULL, position);
}

/* A race whose results are @drivers in finishing order, a NULL-ended
 * list, one driver per car and no team. */
static PdScoreSession G_GNUC_NULL_TERMINATED *
add_race_order (PdScoreSeason *season,
                int            round_number,
                ...)
{
  PdScoreSession *session = add_race (season, round_number);
  va_list args;
  const char *driver;
  int position = 0;

  va_start (args, round_number);
  while ((driver = va_arg (args, const char *)) != NULL)
    add_result (session, driver, NULL, ++position);
  va_end (args);
  return session;
}

/* Standings */

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

static char *
describe (GPtrArray *rows)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      PdStandingsRow *row = rows->pdata[i];

      g_string_append_printf (out, "  %2d %-12s %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT
                              " (gross %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT ")%s%s wins %d tie_place %d\n",
                              row->position, row->id, row->points.num, row->points.den,
                              row->gross.num, row->gross.den,
                              row->shared ? " shared" : "", row->excluded ? " excluded" : "",
                              row->wins, row->tie_place);
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
compute (const PdRules       *rules,
         const PdScoreSeason *season,
         PdStandingsKind      kind,
         const char          *class_id,
         int                  after_round)
{
  GPtrArray *rows = pd_standings_compute (rules, season, kind, class_id, after_round);
  g_autofree char *text = NULL;

  g_assert_nonnull (rows);
  text = describe (rows);
  g_test_message ("standings (%s%s%s, after round %d):\n%s",
                  kind == PD_STANDINGS_DRIVERS ? "drivers" : kind == PD_STANDINGS_TEAMS ? "teams" : "entries",
                  class_id != NULL ? ", class " : "", class_id != NULL ? class_id : "", after_round, text);
  return rows;
}

/* @id's row has @num/@den points and position @position (-1: any). */
static void
check_row_at (const char *file,
              int         line,
              GPtrArray  *rows,
              const char *id,
              int         position,
              gint64      num,
              gint64      den)
{
  PdStandingsRow *row = find_row (rows, id);
  PdPoints expected = pd_points_new (num, den);
  g_autofree char *text = describe (rows);

  if (row == NULL)
    g_error ("%s:%d: no row %s in\n%s", file, line, id, text);
  if (pd_points_compare (row->points, expected) != 0)
    g_error ("%s:%d: %s has %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " points, expected %"
             G_GINT64_FORMAT "/%" G_GINT64_FORMAT ", in\n%s",
             file, line, id, row->points.num, row->points.den, expected.num, expected.den, text);
  if (position >= 0 && row->position != position)
    g_error ("%s:%d: %s is at position %d, expected %d, in\n%s", file, line, id, row->position, position, text);
}

#define check_row(rows, id, position, num, den) \
  check_row_at (__FILE__, __LINE__, rows, id, position, num, den)

/* The rows are in this order, a NULL-ended list of ids. */
static void G_GNUC_NULL_TERMINATED
check_order (GPtrArray *rows,
             ...)
{
  g_autofree char *text = describe (rows);
  va_list args;
  const char *id;
  guint i = 0;

  va_start (args, rows);
  while ((id = va_arg (args, const char *)) != NULL)
    {
      if (i >= rows->len || g_strcmp0 (((PdStandingsRow *) rows->pdata[i])->id, id) != 0)
        g_error ("expected %s at index %u in\n%s", id, i, text);
      i++;
    }
  va_end (args);
  if (i != rows->len)
    g_error ("%u rows expected, %u in\n%s", i, rows->len, text);
}

static PdStandingsScore *
get_score (PdStandingsRow *row,
           guint           i)
{
  g_assert_cmpuint (i, <, row->scores->len);
  return &g_array_index (row->scores, PdStandingsScore, i);
}

static void
check_points (PdPoints points,
              gint64   num,
              gint64   den)
{
  PdPoints expected = pd_points_new (num, den);

  if (pd_points_compare (points, expected) != 0)
    g_error ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT " points, expected %" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
             points.num, points.den, expected.num, expected.den);
}

/* A points table */

static void
test_table (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [10, 6, 4, 3, 2, 1]}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) after1 = NULL;
  PdScoreSession *race1, *qualifying;
  PdStandingsRow *a;

  /* Round 1: A 1st 10, B 2nd 6, C 3rd 4, then 4th to 6th for fillers,
   * E 7th (beyond the table: 0), D not classified (0). */
  race1 = add_race_order (season, 1, "a", "b", "c", "f4", "f5", "f6", "e", NULL);
  add_result (race1, "d", NULL, 0);
  /* A qualifying without a table gives nothing, even to its winner. */
  qualifying = add_session (season, 1, PD_SESSION_KIND_QUALIFYING);
  add_result (qualifying, "d", NULL, 1);
  /* Round 2: B 1st 10, C 2nd 6, A 3rd 4. */
  add_race_order (season, 2, "b", "c", "a", NULL);

  /* A = 10 + 4 = 14, B = 6 + 10 = 16, C = 4 + 6 = 10; f4 3, f5 2, f6 1;
   * E and D 0: E is ahead of D on countback (a 7th place against
   * nothing), so D's tie_place is 7. */
  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_order (rows, "b", "a", "c", "f4", "f5", "f6", "e", "d", NULL);
  check_row (rows, "b", 1, 16, 1);
  check_row (rows, "a", 2, 14, 1);
  check_row (rows, "c", 3, 10, 1);
  check_row (rows, "f4", 4, 3, 1);
  check_row (rows, "f5", 5, 2, 1);
  check_row (rows, "f6", 6, 1, 1);
  check_row (rows, "e", 7, 0, 1);
  check_row (rows, "d", 8, 0, 1);
  g_assert_cmpint (find_row (rows, "d")->tie_place, ==, 7);
  g_assert_cmpint (find_row (rows, "e")->tie_place, ==, 0);
  g_assert_false (find_row (rows, "d")->shared);

  a = find_row (rows, "a");
  g_assert_cmpint (a->wins, ==, 1);
  g_assert_cmpint (find_row (rows, "b")->wins, ==, 1);
  g_assert_cmpint (find_row (rows, "c")->wins, ==, 0);
  check_points (a->gross, 14, 1);
  check_points (a->deducted, 0, 1);
  g_assert_false (a->excluded);
  g_assert_cmpint (a->tie_place, ==, 0);
  /* One score per race, all counted, by round. */
  g_assert_cmpuint (a->scores->len, ==, 2);
  g_assert_cmpint (get_score (a, 0)->round, ==, 1);
  g_assert_cmpint (get_score (a, 0)->position, ==, 1);
  g_assert_cmpint (get_score (a, 0)->kind, ==, PD_SESSION_KIND_RACE);
  g_assert_cmpstr (get_score (a, 0)->session_id, ==, race1->session_id);
  check_points (get_score (a, 0)->points, 10, 1);
  g_assert_true (get_score (a, 0)->counted);
  g_assert_cmpint (get_score (a, 1)->round, ==, 2);
  g_assert_cmpint (get_score (a, 1)->position, ==, 3);
  check_points (get_score (a, 1)->points, 4, 1);
  g_assert_true (get_score (a, 1)->counted);
  /* Finishes by place: A was 1st once and 3rd once. */
  g_assert_cmpint (g_array_index (a->finishes, int, 1), ==, 1);
  g_assert_cmpint (g_array_index (a->finishes, int, 3), ==, 1);

  /* After round 1: A 10, B 6, C 4; round 2 not there at all. */
  after1 = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 1);
  check_row (after1, "a", 1, 10, 1);
  check_row (after1, "b", 2, 6, 1);
  check_row (after1, "c", 3, 4, 1);
  g_assert_cmpuint (find_row (after1, "a")->scores->len, ==, 1);
  g_assert_cmpint (find_row (after1, "b")->wins, ==, 0);

  /* No teams' championship in these rules. */
  {
    g_autoptr(GPtrArray) teams = compute (rules, season, PD_STANDINGS_TEAMS, NULL, 0);
    g_assert_cmpuint (teams->len, ==, 0);
  }
}

/* Per-class tables: three classes, positions counted within the class,
 * recorded class positions taken as they are, class standings. */
static void
test_classes (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [25, 18, 15, 12, 10, 8, 6, 4, 2, 1],"
                                        " \"per_class\": true}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) overall = NULL;
  g_autoptr(GPtrArray) silver = NULL;
  g_autoptr(GPtrArray) pro_am = NULL;
  g_autoptr(GPtrArray) am = NULL;
  PdScoreSession *race;
  PdScoreResult *result;

  /* Round 1, overall order: s1 (Silver), p1 (Pro-Am), s2 (Silver),
   * a1 (Am), p2 (Pro-Am), s3 (Silver), a2 (Am); a3 (Am) not classified.
   * In class: Silver s1 25, s2 18, s3 15; Pro-Am p1 25, p2 18; Am a1 25,
   * a2 18, a3 0. */
  race = add_race (season, 1);
  add_result_full (race, "s1", NULL, "silver", 1);
  add_result_full (race, "p1", NULL, "pro-am", 2);
  add_result_full (race, "s2", NULL, "silver", 3);
  add_result_full (race, "a1", NULL, "am", 4);
  add_result_full (race, "p2", NULL, "pro-am", 5);
  add_result_full (race, "s3", NULL, "silver", 6);
  add_result_full (race, "a2", NULL, "am", 7);
  add_result_full (race, "a3", NULL, "am", 0);

  /* Round 2, partial data: only the class positions are known, as the
   * timekeepers recorded them. Silver s2 1st 25, s3 2nd 18; Pro-Am p2
   * 1st 25, p1 2nd 18; Am a3 1st 25, a2 2nd 18, a1 3rd 15. */
  race = add_race (season, 2);
  result = add_result_full (race, "s2", NULL, "silver", 0);
  result->class_position = 1;
  result = add_result_full (race, "s3", NULL, "silver", 0);
  result->class_position = 2;
  result = add_result_full (race, "p2", NULL, "pro-am", 0);
  result->class_position = 1;
  result = add_result_full (race, "p1", NULL, "pro-am", 0);
  result->class_position = 2;
  result = add_result_full (race, "a3", NULL, "am", 0);
  result->class_position = 1;
  result = add_result_full (race, "a2", NULL, "am", 0);
  result->class_position = 2;
  result = add_result_full (race, "a1", NULL, "am", 0);
  result->class_position = 3;

  /* Totals: s1 25; s2 18 + 25 = 43; s3 15 + 18 = 33; p1 25 + 18 = 43;
   * p2 18 + 25 = 43; a1 25 + 15 = 40; a2 18 + 18 = 36; a3 0 + 25 = 25. */

  /* Silver: s2 43, s3 33, s1 25; wins in class: s1 and s2 one each. */
  silver = compute (rules, season, PD_STANDINGS_DRIVERS, "silver", 0);
  check_order (silver, "s2", "s3", "s1", NULL);
  check_row (silver, "s2", 1, 43, 1);
  check_row (silver, "s3", 2, 33, 1);
  check_row (silver, "s1", 3, 25, 1);
  g_assert_cmpint (find_row (silver, "s2")->wins, ==, 1);
  g_assert_cmpint (find_row (silver, "s1")->wins, ==, 1);
  g_assert_cmpint (find_row (silver, "s3")->wins, ==, 0);

  /* Pro-Am: p1 and p2 43 each, each with one class win and one class
   * second: countback cannot separate them, so they share 1st. */
  pro_am = compute (rules, season, PD_STANDINGS_DRIVERS, "pro-am", 0);
  check_order (pro_am, "p1", "p2", NULL);
  check_row (pro_am, "p1", 1, 43, 1);
  check_row (pro_am, "p2", 1, 43, 1);
  g_assert_true (find_row (pro_am, "p1")->shared);
  g_assert_true (find_row (pro_am, "p2")->shared);
  g_assert_cmpint (find_row (pro_am, "p2")->tie_place, ==, 0);

  /* Am: a1 40, a2 36, a3 25. */
  am = compute (rules, season, PD_STANDINGS_DRIVERS, "am", 0);
  check_order (am, "a1", "a2", "a3", NULL);
  check_row (am, "a1", 1, 40, 1);
  check_row (am, "a2", 2, 36, 1);
  check_row (am, "a3", 3, 25, 1);

  /* Overall, the same points. 43 for p1, s2 and p2: countback by
   * overall finishing places: p1 was 2nd, s2 3rd, p2 5th (round 2 has
   * no overall places), so p1, s2 (decided at place 2), p2 (at place
   * 3). Then a1 40, a2 36, s3 33; s1 and a3 25: s1 won round 1
   * overall, a3 has no overall finish: s1 ahead, decided at place 1. */
  overall = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_order (overall, "p1", "s2", "p2", "a1", "a2", "s3", "s1", "a3", NULL);
  check_row (overall, "p1", 1, 43, 1);
  check_row (overall, "s2", 2, 43, 1);
  check_row (overall, "p2", 3, 43, 1);
  check_row (overall, "a1", 4, 40, 1);
  check_row (overall, "a2", 5, 36, 1);
  check_row (overall, "s3", 6, 33, 1);
  check_row (overall, "s1", 7, 25, 1);
  check_row (overall, "a3", 8, 25, 1);
  g_assert_cmpint (find_row (overall, "s2")->tie_place, ==, 2);
  g_assert_cmpint (find_row (overall, "p2")->tie_place, ==, 3);
  g_assert_cmpint (find_row (overall, "a3")->tie_place, ==, 1);
  g_assert_cmpint (find_row (overall, "s1")->wins, ==, 1);
}

/* Class standings show the championship's points of the class's
 * competitors: viewing a class must not change anyone's points. With an
 * overall table, a car 2nd overall and 1st of its class scores 2nd
 * place points, in the overall and in the class standings alike. */
static void
test_class_view_overall_table (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [25, 18, 15]}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) overall = NULL;
  g_autoptr(GPtrArray) am = NULL;
  PdScoreSession *race = add_race (season, 1);

  /* pro 1st 25; am1 2nd 18; am2 3rd 15: points by overall position, as
   * the table is not per class. */
  add_result_full (race, "pro", NULL, "pro", 1);
  add_result_full (race, "am1", NULL, "am", 2);
  add_result_full (race, "am2", NULL, "am", 3);

  overall = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (overall, "pro", 1, 25, 1);
  check_row (overall, "am1", 2, 18, 1);
  check_row (overall, "am2", 3, 15, 1);

  /* The Am class: am1 18 and am2 15, ranked 1st and 2nd of the class. */
  am = compute (rules, season, PD_STANDINGS_DRIVERS, "am", 0);
  check_order (am, "am1", "am2", NULL);
  check_row (am, "am1", 1, 18, 1);
  check_row (am, "am2", 2, 15, 1);
}

/* The cars that have no class, in a season with classes: "" views them,
 * with places and per-class points counted among them alone; no car of
 * a class is in that view, and none of them in a class's. */
static void
test_class_view_unclassed (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [25, 18, 15], \"per_class\": true}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) silver = NULL;
  g_autoptr(GPtrArray) all = NULL;
  PdScoreSession *race = add_race (season, 1);

  add_result_full (race, "s1", NULL, "silver", 1);
  add_result_full (race, "x1", NULL, NULL, 2);
  add_result_full (race, "s2", NULL, "silver", 3);
  add_result_full (race, "x2", NULL, NULL, 4);

  none = compute (rules, season, PD_STANDINGS_DRIVERS, "", 0);
  check_order (none, "x1", "x2", NULL);
  check_row (none, "x1", 1, 25, 1);
  check_row (none, "x2", 2, 18, 1);
  silver = compute (rules, season, PD_STANDINGS_DRIVERS, "silver", 0);
  check_order (silver, "s1", "s2", NULL);
  all = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_assert_cmpuint (all->len, ==, 4);
  check_row (all, "x2", -1, 18, 1);
}

/* The same with a per-class table and a fastest-lap bonus: each class's
 * fastest driver (flagged in the results) gets the bonus in their class,
 * and so the same points overall. */
static void
test_class_view_fastest_lap (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [10, 6], \"per_class\": true,"
                                        " \"fastest_lap\": {\"points\": 1}}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) overall = NULL;
  g_autoptr(GPtrArray) pro = NULL;
  PdScoreSession *race = add_race (season, 1);

  /* pro1 1st of Pro (10) with Pro's fastest lap (+1) = 11; pro2 6;
   * am1 1st of Am (10) with Am's fastest lap (+1) = 11; am2 6. */
  add_result_full (race, "pro1", NULL, "pro", 1)->fastest_lap = TRUE;
  add_result_full (race, "pro2", NULL, "pro", 2);
  add_result_full (race, "am1", NULL, "am", 3)->fastest_lap = TRUE;
  add_result_full (race, "am2", NULL, "am", 4);

  pro = compute (rules, season, PD_STANDINGS_DRIVERS, "pro", 0);
  check_row (pro, "pro1", 1, 11, 1);
  check_row (pro, "pro2", 2, 6, 1);

  overall = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (overall, "pro1", -1, 11, 1);
  check_row (overall, "am1", -1, 11, 1);
  check_row (overall, "pro2", -1, 6, 1);
  check_row (overall, "am2", -1, 6, 1);
}

/* Fastest lap for anyone: a driver who retired still gets it (1959
 * French GP, Moss). */
static void
test_fastest_lap_anyone (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [8, 6, 4, 3, 2],"
                                        " \"fastest_lap\": {\"points\": 1}}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  PdScoreSession *race = add_race_order (season, 1, "a", "b", "c", NULL);

  /* a 8, b 6, c 4, moss (retired, fastest lap) 0 + 1 = 1. */
  add_result (race, "moss", NULL, 0)->fastest_lap = TRUE;

  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (rows, "a", 1, 8, 1);
  check_row (rows, "b", 2, 6, 1);
  check_row (rows, "c", 3, 4, 1);
  check_row (rows, "moss", 4, 1, 1);
}

/* Fastest lap only in the top 10 (2019–2024): a driver 11th with the
 * fastest lap gets nothing, and nobody else gets it either. */
static void
test_fastest_lap_top (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [25, 18, 15, 12, 10, 8, 6, 4, 2, 1],"
                                        " \"fastest_lap\": {\"points\": 1, \"top\": 10}}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  PdScoreSession *race1, *race2;

  /* Round 1: d1 … d10 score 25 … 1; d11 11th with the fastest lap: 0,
   * and no bonus for anyone. */
  race1 = add_race_order (season, 1, "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", NULL);
  ((PdScoreResult *) race1->results->pdata[10])->fastest_lap = TRUE;
  /* Round 2: the same order; d10 10th with the fastest lap: 1 + 1. */
  race2 = add_race_order (season, 2, "d1", "d2", "d3", "d4", "d5", "d6", "d7", "d8", "d9", "d10", "d11", NULL);
  ((PdScoreResult *) race2->results->pdata[9])->fastest_lap = TRUE;

  /* d1 25 + 25 = 50; d10 1 + 2 = 3; d11 0. */
  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (rows, "d1", 1, 50, 1);
  check_row (rows, "d9", 9, 4, 1);
  check_row (rows, "d10", 10, 3, 1);
  check_row (rows, "d11", 11, 0, 1);
  check_points (get_score (find_row (rows, "d1"), 0)->points, 25, 1);
  check_points (get_score (find_row (rows, "d10"), 0)->points, 1, 1);
  check_points (get_score (find_row (rows, "d10"), 1)->points, 2, 1);
  check_points (get_score (find_row (rows, "d11"), 0)->points, 0, 1);
}

/* 1954 British GP: seven drivers shared the fastest lap, 1/7 point each,
 * exactly. */
static void
test_fastest_lap_split (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [8, 6, 4, 3, 2],"
                                        " \"fastest_lap\": {\"points\": 1}}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  PdScoreSession *race = add_race_order (season, 1, "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", NULL);
  PdPoints sum = PD_POINTS_ZERO;

  for (guint i = 0; i < 7; i++)
    ((PdScoreResult *) race->results->pdata[i])->fastest_lap = TRUE;

  /* p1 8 + 1/7 = 57/7; p2 6 + 1/7 = 43/7; p3 4 + 1/7 = 29/7; p4 3 + 1/7
   * = 22/7; p5 2 + 1/7 = 15/7; p6 and p7 1/7 each (p6 ahead on
   * countback, decided at place 6); p8 0. */
  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_order (rows, "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", NULL);
  check_row (rows, "p1", 1, 57, 7);
  check_row (rows, "p2", 2, 43, 7);
  check_row (rows, "p3", 3, 29, 7);
  check_row (rows, "p4", 4, 22, 7);
  check_row (rows, "p5", 5, 15, 7);
  check_row (rows, "p6", 6, 1, 7);
  check_row (rows, "p7", 7, 1, 7);
  check_row (rows, "p8", 8, 0, 1);
  g_assert_cmpint (find_row (rows, "p7")->tie_place, ==, 6);

  /* The whole race gave 8 + 6 + 4 + 3 + 2 + 1 = 24 points, exactly. */
  for (guint i = 0; i < rows->len; i++)
    sum = pd_points_add (sum, ((PdStandingsRow *) rows->pdata[i])->points);
  check_points (sum, 24, 1);
}

/* A pole bonus to the first on the grid, wherever they finish. */
static void
test_pole (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [10, 6, 4], \"pole\": {\"points\": 1}}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  PdScoreSession *race;

  /* Round 1: a (grid 2) wins 10; b (pole) 2nd 6 + 1 = 7. */
  race = add_race (season, 1);
  add_result (race, "a", NULL, 1)->grid = 2;
  add_result (race, "b", NULL, 2)->grid = 1;
  /* Round 2: a wins 10; b (pole) retires: 0 + 1. */
  race = add_race (season, 2);
  add_result (race, "a", NULL, 1)->grid = 2;
  add_result (race, "b", NULL, 0)->grid = 1;

  /* a 20, b 8. */
  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (rows, "a", 1, 20, 1);
  check_row (rows, "b", 2, 8, 1);
}

/* Double points in round 2's race (2014 Abu Dhabi), half points without
 * bonuses in round 3 (1975 Spain; 2021 Belgium, no fastest-lap point). */
static void
test_multipliers (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new (
    "\"drivers\": {\"race\": {\"points\": [9, 6, 4], \"fastest_lap\": {\"points\": 1}, \"pole\": {\"points\": 1}},"
    "              \"sprint\": {\"points\": [3, 2, 1]}},"
    "\"multipliers\": ["
    "  {\"round\": 2, \"session\": \"race\", \"factor\": 2, \"source\": \"test: double points\"},"
    "  {\"round\": 3, \"factor\": \"1/2\", \"bonuses\": false, \"source\": \"test: stopped early\"}"
    "]");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  PdScoreSession *race;
  PdScoreResult *a;

  /* Round 1: a wins from pole with the fastest lap: 9 + 1 + 1 = 11;
   * b 6; c 4. */
  race = add_race (season, 1);
  a = add_result (race, "a", NULL, 1);
  a->grid = 1;
  a->fastest_lap = TRUE;
  add_result (race, "b", NULL, 2);
  add_result (race, "c", NULL, 3);

  /* Round 2, double points: b 9 × 2 = 18; a 6 × 2 = 12 plus the pole
   * and the fastest lap, not doubled: 14; c 4 × 2 = 8. The round's
   * sprint is not doubled: a 3, b 2, c 1. */
  race = add_race (season, 2);
  add_result (race, "b", NULL, 1);
  a = add_result (race, "a", NULL, 2);
  a->grid = 1;
  a->fastest_lap = TRUE;
  add_result (race, "c", NULL, 3);
  race = add_session (season, 2, PD_SESSION_KIND_SPRINT);
  add_result (race, "a", NULL, 1);
  add_result (race, "b", NULL, 2);
  add_result (race, "c", NULL, 3);

  /* Round 3, half points and no bonuses: c 9/2; a 6/2 = 3 (pole and
   * fastest lap give nothing); b 4/2 = 2. */
  race = add_race (season, 3);
  add_result (race, "c", NULL, 1);
  a = add_result (race, "a", NULL, 2);
  a->grid = 1;
  a->fastest_lap = TRUE;
  add_result (race, "b", NULL, 3);

  /* a 11 + 14 + 3 + 3 = 31; b 6 + 18 + 2 + 2 = 28;
   * c 4 + 8 + 1 + 9/2 = 35/2. */
  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_order (rows, "a", "b", "c", NULL);
  check_row (rows, "a", 1, 31, 1);
  check_row (rows, "b", 2, 28, 1);
  check_row (rows, "c", 3, 35, 2);
  /* c's half-points win: 4.5, exactly. */
  check_points (get_score (find_row (rows, "c"), 3)->points, 9, 2);
}

/* The 2022– graded scale for races stopped short. */
static void
test_shortened (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new (
    "\"drivers\": {\"race\": {\"points\": [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]}},"
    "\"shortened\": ["
    "  {\"below_percent\": 25, \"min_laps\": 2, \"points\": [6, 4, 3, 2, 1]},"
    "  {\"below_percent\": 50, \"min_laps\": 2, \"points\": [13, 10, 8, 6, 5, 4, 3, 2, 1]},"
    "  {\"below_percent\": 75, \"min_laps\": 2, \"points\": [19, 14, 12, 9, 8, 6, 5, 3, 2, 1]}"
    "]");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  PdScoreSession *race;

  /* Round 1: stopped at 40 % (28 laps): the 25–50 % scale: a 13, b 10,
   * c 8. */
  race = add_race_order (season, 1, "a", "b", "c", NULL);
  race->completed_percent = 40;
  race->completed_laps = 28;
  /* Round 2: 3 %, one lap, under min_laps: nobody scores. */
  race = add_race_order (season, 2, "a", "b", "c", NULL);
  race->completed_percent = 3;
  race->completed_laps = 1;
  /* Round 3: full distance (0 = full or not known): a 25, b 18, c 15. */
  add_race_order (season, 3, "a", "b", "c", NULL);
  /* Round 4: 60 %: the 50–75 % scale: c 19, a 14, b 12. */
  race = add_race_order (season, 4, "c", "a", "b", NULL);
  race->completed_percent = 60;
  race->completed_laps = 30;
  /* Round 5: exactly 25 % is not below 25 %: the 25–50 % scale: b 13,
   * a 10, c 8. */
  race = add_race_order (season, 5, "b", "a", "c", NULL);
  race->completed_percent = 25;
  race->completed_laps = 10;
  /* Round 6: 100 % is the full table: a 25, b 18, c 15. */
  race = add_race_order (season, 6, "a", "b", "c", NULL);
  race->completed_percent = 100;
  race->completed_laps = 57;

  /* a 13 + 0 + 25 + 14 + 10 + 25 = 87; b 10 + 0 + 18 + 12 + 13 + 18 = 71;
   * c 8 + 0 + 15 + 19 + 8 + 15 = 65. */
  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (rows, "a", 1, 87, 1);
  check_row (rows, "b", 2, 71, 1);
  check_row (rows, "c", 3, 65, 1);
  check_points (get_score (find_row (rows, "a"), 1)->points, 0, 1);
}

/* Shared cars, one result naming both drivers of a car (GT style), in
 * the three modes. */
static void
test_shared_cars_modes (gconstpointer data)
{
  static const struct {
    const char *mode;
    gint64      num, den;   /* each driver of the shared car */
  } modes[] = {
    { "full", 25, 1 },       /* each driver gets the car's points */
    { "split", 25, 2 },      /* 25 / 2 each */
    { "none", 0, 1 },        /* a shared car scores nothing (1958–) */
  };

  for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
    {
      g_autofree char *body = g_strdup_printf ("\"drivers\": {\"race\": {\"points\": [25, 18]}, \"shared_cars\": \"%s\"},"
                                               " \"teams\": {}", modes[i].mode);
      g_autoptr(PdRules) rules = rules_new (body);
      g_autoptr(PdScoreSeason) season = pd_score_season_new ();
      g_autoptr(GPtrArray) drivers = NULL;
      g_autoptr(GPtrArray) entries = NULL;
      g_autoptr(GPtrArray) teams = NULL;
      PdScoreSession *race = add_race (season, 1);

      g_test_message ("shared_cars %s", modes[i].mode);
      /* Car 7 (x and y) wins: 25; car 8 (z alone) 2nd: 18. */
      add_result (race, "x,y", "team-7", 1);
      add_result (race, "z", "team-8", 2);

      drivers = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
      check_row (drivers, "x", -1, modes[i].num, modes[i].den);
      check_row (drivers, "y", -1, modes[i].num, modes[i].den);
      check_row (drivers, "z", -1, 18, 1);
      /* The two drivers of a car share their position. */
      g_assert_cmpint (find_row (drivers, "x")->position, ==, find_row (drivers, "y")->position);
      /* Both have the win. */
      g_assert_cmpint (find_row (drivers, "x")->wins, ==, 1);
      g_assert_cmpint (find_row (drivers, "y")->wins, ==, 1);

      /* The entry and the team get the car's points once, whatever the
       * drivers get. */
      entries = compute (rules, season, PD_STANDINGS_ENTRIES, NULL, 0);
      check_row (entries, "e-x,y", 1, 25, 1);
      check_row (entries, "e-z", 2, 18, 1);
      teams = compute (rules, season, PD_STANDINGS_TEAMS, NULL, 0);
      check_row (teams, "team-7", 1, 25, 1);
      check_row (teams, "team-8", 2, 18, 1);
    }
}

/* With shared_cars "full" (GT series) every driver of the car gets the
 * car's points, and a pole bonus is part of them: each driver of the car
 * on pole gets the whole bonus, as the entry does. */
static void
test_shared_cars_full_bonus (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [25, 18], \"pole\": {\"points\": 1}},"
                                        " \"shared_cars\": \"full\"}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) drivers = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  PdScoreSession *race = add_race (season, 1);

  /* Car x,y from pole wins: 25 + 1 = 26 for the car, so 26 for x and
   * for y; z 18. */
  add_result (race, "x,y", NULL, 1)->grid = 1;
  add_result (race, "z", NULL, 2)->grid = 2;

  entries = compute (rules, season, PD_STANDINGS_ENTRIES, NULL, 0);
  check_row (entries, "e-x,y", 1, 26, 1);
  drivers = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (drivers, "x", 1, 26, 1);
  check_row (drivers, "y", 1, 26, 1);
  check_row (drivers, "z", 3, 18, 1);
}

/* The 1950s way: one result per driver of a shared car (Ergast's data),
 * with one car_key. The car's points are split; the fastest lap goes to
 * the driver who set it. */
static void
test_shared_cars_1950s (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [8, 6, 4, 3, 2],"
                                        " \"fastest_lap\": {\"points\": 1}}, \"shared_cars\": \"split\"}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  PdScoreSession *race;
  PdScoreResult *result;

  /* Round 1 (1956 Argentina): car 34, Musso then Fangio, wins: 8 → 4 +
   * 4; Fangio set the fastest lap: + 1 = 5. Moss 2nd: 6. */
  race = add_race (season, 1);
  result = add_result (race, "musso", NULL, 1);
  result->car_key = g_strdup ("34");
  result = add_result (race, "fangio", NULL, 1);
  result->car_key = g_strdup ("34");
  result->fastest_lap = TRUE;
  add_result (race, "moss", NULL, 2);

  /* Round 2: a car shared by three drivers 3rd: 4 → 4/3 each; Moss
   * wins 8; x 2nd 6. */
  race = add_race (season, 2);
  add_result (race, "moss", NULL, 1);
  add_result (race, "x", NULL, 2);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const crew[] = { "a", "b", "c" };

      result = add_result (race, crew[i], NULL, 3);
      result->car_key = g_strdup ("3-drivers");
    }

  /* musso 4, fangio 5, moss 6 + 8 = 14, x 6, a, b, c 4/3 each. */
  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (rows, "moss", 1, 14, 1);
  check_row (rows, "x", -1, 6, 1);
  check_row (rows, "fangio", -1, 5, 1);
  check_row (rows, "musso", -1, 4, 1);
  check_row (rows, "a", -1, 4, 3);
  check_row (rows, "b", -1, 4, 3);
  check_row (rows, "c", -1, 4, 3);
  /* The shared win counts as a win for both. */
  g_assert_cmpint (find_row (rows, "musso")->wins, ==, 1);
  g_assert_cmpint (find_row (rows, "fangio")->wins, ==, 1);
}

/* Fangio's 1956 season, as Ergast has it: shared drives are separate
 * results, and the best-5 rule drops per result, not per race: 30, not
 * 31.5. One driver has two results in one race: two scores. */
static void
test_best_n_per_result (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [8, 6, 4, 3, 2],"
                                        " \"fastest_lap\": {\"points\": 1}}, \"shared_cars\": \"split\","
                                        " \"counting\": {\"best\": 5}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) after5 = NULL;
  PdStandingsRow *fangio;
  PdScoreSession *race;
  PdScoreResult *result;
  guint n_round2 = 0, n_round2_counted = 0;

  /* R1 Argentina: own car 30 retired (0); Musso's car 34, shared, won:
   * 8/2 = 4, plus the fastest lap 1: 5. */
  race = add_race (season, 1);
  result = add_result (race, "musso", NULL, 1);
  result->car_key = g_strdup ("r1-34");
  result = add_result (race, "fangio", NULL, 1);
  result->car_key = g_strdup ("r1-34");
  result->fastest_lap = TRUE;
  add_result (race, "behra", NULL, 2);
  result = add_result (race, "fangio", NULL, 0);
  result->car_key = g_strdup ("r1-30");

  /* R2 Monaco: Moss wins; Collins's car 26, taken over by Fangio, 2nd:
   * 6/2 = 3 each, and Fangio's fastest lap in it: 4; Fangio's own car 20,
   * taken over by Castellotti, 4th: 3/2 = 1.5 each. Behra 3rd. */
  race = add_race (season, 2);
  add_result (race, "moss", NULL, 1);
  result = add_result (race, "collins", NULL, 2);
  result->car_key = g_strdup ("r2-26");
  result = add_result (race, "fangio", NULL, 2);
  result->car_key = g_strdup ("r2-26");
  result->fastest_lap = TRUE;
  add_result (race, "behra", NULL, 3);
  result = add_result (race, "fangio", NULL, 4);
  result->car_key = g_strdup ("r2-20");
  result = add_result (race, "castellotti", NULL, 4);
  result->car_key = g_strdup ("r2-20");

  /* R3 Indianapolis: Fangio not there. */
  add_race_order (season, 3, "flaherty", NULL);
  /* R4 Belgium: retired, 0. */
  race = add_race_order (season, 4, "collins", NULL);
  add_result (race, "fangio", NULL, 0);
  /* R5 France: 4th, 3, with the fastest lap: 4. */
  race = add_race_order (season, 5, "collins", "castellotti", "behra", "fangio", NULL);
  ((PdScoreResult *) race->results->pdata[3])->fastest_lap = TRUE;
  /* R6 Britain: won, 8. */
  add_race_order (season, 6, "fangio", NULL);
  /* R7 Germany: won with the fastest lap, 9. */
  race = add_race_order (season, 7, "fangio", NULL);
  ((PdScoreResult *) race->results->pdata[0])->fastest_lap = TRUE;
  /* R8 Italy: own car 8th, 0; Collins's car, shared, 2nd: 6/2 = 3.
   * Places 3 to 7 are others'. */
  race = add_race (season, 8);
  add_result (race, "moss", NULL, 1);
  result = add_result (race, "collins", NULL, 2);
  result->car_key = g_strdup ("r8-26");
  result = add_result (race, "fangio", NULL, 2);
  result->car_key = g_strdup ("r8-26");
  for (int p = 3; p <= 7; p++)
    {
      g_autofree char *other = g_strdup_printf ("other%d", p);
      add_result (race, other, NULL, p);
    }
  add_result (race, "fangio", NULL, 8);

  /* Fangio's scores: 5, 0 (R1); 4, 3/2 (R2); 0 (R4); 4; 8; 9; 3, 0 (R8).
   * Best five: 9 + 8 + 5 + 4 + 4 = 30. Per race it would have been
   * 9 + 8 + 5.5 (R2) + 5 + 4 = 31.5. Gross: 5 + 4 + 3/2 + 4 + 8 + 9 + 3
   * = 69/2. */
  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  fangio = find_row (rows, "fangio");
  g_assert_nonnull (fangio);
  check_row (rows, "fangio", 1, 30, 1);
  check_points (fangio->gross, 69, 2);
  g_assert_cmpuint (fangio->scores->len, ==, 10);
  g_assert_cmpint (fangio->wins, ==, 3);

  /* Round 2: two scores, the 4 counted, the 1.5 dropped. */
  for (guint i = 0; i < fangio->scores->len; i++)
    {
      PdStandingsScore *score = get_score (fangio, i);

      if (score->round != 2)
        continue;
      n_round2++;
      if (score->counted)
        {
          n_round2_counted++;
          check_points (score->points, 4, 1);
        }
      else
        check_points (score->points, 3, 2);
    }
  g_assert_cmpuint (n_round2, ==, 2);
  g_assert_cmpuint (n_round2_counted, ==, 1);

  /* After round 5: 5, 0, 4, 3/2, 0, 4: best five 5 + 4 + 4 + 3/2 + 0 =
   * 29/2. */
  after5 = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 5);
  check_row (after5, "fangio", -1, 29, 2);
}

/* A split season (1967): best 5 of the first 6 rounds and best 4 of the
 * other 5. */
static void
test_split_season (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [9, 6, 4, 3, 2, 1]},"
                                        " \"counting\": {\"parts\": [{\"rounds\": 6, \"best\": 5}, {\"best\": 4}]}}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) after8 = NULL;
  static const int places[] = { 1, 1, 2, 3, 4, 5, 1, 1, 1, 1, 2 };
  PdStandingsRow *a;

  /* Driver a finishes 1st, 1st, 2nd, 3rd, 4th, 5th in rounds 1–6:
   * 9, 9, 6, 4, 3, 2 (best 5: 31, the 2 dropped), and 1st ×4, 2nd in
   * rounds 7–11: 9, 9, 9, 9, 6 (best 4: 36, the 6 dropped). Total 67,
   * gross 33 + 42 = 75; best 9 of the season would be 70, so the parts
   * matter. The places ahead of a are taken by w and a filler. */
  for (guint i = 0; i < G_N_ELEMENTS (places); i++)
    {
      PdScoreSession *race = add_race (season, i + 1);

      for (int p = 1; p <= places[i]; p++)
        add_result (race, p == places[i] ? "a" : (p == 1 ? "w" : "filler"), NULL, p);
    }

  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  a = find_row (rows, "a");
  check_row (rows, "a", -1, 67, 1);
  check_points (a->gross, 75, 1);
  g_assert_cmpuint (a->scores->len, ==, 11);
  for (guint i = 0; i < a->scores->len; i++)
    {
      PdStandingsScore *score = get_score (a, i);

      /* Dropped: round 6 (2 points) and round 11 (6 points). */
      g_assert_cmpint (score->counted, ==, score->round != 6 && score->round != 11);
    }

  /* After round 8: rounds 1–6 best 5 = 31; rounds 7–8 (the part runs
   * to the season's end) 9 + 9 = 18; 49. */
  after8 = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 8);
  check_row (after8, "a", -1, 49, 1);
}

/* Teams, 1961: their own table (8 for a win, 9 for the drivers), only
 * the best car of each team scoring, by its finishing place. */
static void
test_teams_best_car (gconstpointer data)
{
  static const char teams_body[] =
    "\"drivers\": {\"race\": {\"points\": [9, 6, 4, 3, 2, 1]}, \"shared_cars\": \"none\"},"
    "\"teams\": {\"race\": {\"points\": [8, 6, 4, 3, 2, 1]}, \"best_car_only\": %s%s}";
  g_autofree char *best_body = g_strdup_printf (teams_body, "true", "");
  g_autofree char *all_body = g_strdup_printf (teams_body, "false", "");
  g_autofree char *counting_body = g_strdup_printf (teams_body, "true", ", \"counting\": {\"best\": 1}");
  g_autoptr(PdRules) best = rules_new (best_body);
  g_autoptr(PdRules) all = rules_new (all_body);
  g_autoptr(PdRules) counting = rules_new (counting_body);
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) drivers = NULL;
  g_autoptr(GPtrArray) teams_best = NULL;
  g_autoptr(GPtrArray) teams_all = NULL;
  g_autoptr(GPtrArray) teams_counting = NULL;
  PdScoreSession *race;

  /* Round 1: P. Hill (Ferrari) 1st, von Trips (Ferrari) 2nd, Moss
   * (Lotus) 3rd, Ginther (Ferrari) 4th, Gurney (Porsche) 5th, Clark
   * (Lotus) 6th, Brabham (Cooper) 7th. */
  race = add_race (season, 1);
  add_result (race, "hill", "ferrari", 1);
  add_result (race, "trips", "ferrari", 2);
  add_result (race, "moss", "lotus", 3);
  add_result (race, "ginther", "ferrari", 4);
  add_result (race, "gurney", "porsche", 5);
  add_result (race, "clark", "lotus", 6);
  add_result (race, "brabham", "cooper", 7);
  /* Round 2: Moss 1st, Ginther 2nd, Clark 3rd, Hill 4th, Brabham 5th,
   * Gurney 6th. */
  race = add_race (season, 2);
  add_result (race, "moss", "lotus", 1);
  add_result (race, "ginther", "ferrari", 2);
  add_result (race, "clark", "lotus", 3);
  add_result (race, "hill", "ferrari", 4);
  add_result (race, "brabham", "cooper", 5);
  add_result (race, "gurney", "porsche", 6);

  /* Drivers, 9-6-4-3-2-1: Moss 4 + 9 = 13; Hill 9 + 3 = 12; Ginther
   * 3 + 6 = 9; von Trips 6; Clark 1 + 4 = 5; Gurney 2 + 1 = 3;
   * Brabham 0 + 2 = 2. */
  drivers = compute (best, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_order (drivers, "moss", "hill", "ginther", "trips", "clark", "gurney", "brabham", NULL);
  check_row (drivers, "moss", 1, 13, 1);
  check_row (drivers, "hill", 2, 12, 1);
  check_row (drivers, "ginther", 3, 9, 1);
  check_row (drivers, "trips", 4, 6, 1);
  check_row (drivers, "clark", 5, 5, 1);

  /* Teams, best car only, 8-6-4-3-2-1 by the car's place: round 1
   * Ferrari 8 (1st), Lotus 4 (3rd), Porsche 2 (5th), Cooper 0 (7th);
   * round 2 Lotus 8, Ferrari 6, Cooper 2 (5th), Porsche 1 (6th).
   * Ferrari 14, Lotus 12, Porsche 3, Cooper 2. */
  teams_best = compute (best, season, PD_STANDINGS_TEAMS, NULL, 0);
  check_order (teams_best, "ferrari", "lotus", "porsche", "cooper", NULL);
  check_row (teams_best, "ferrari", 1, 14, 1);
  check_row (teams_best, "lotus", 2, 12, 1);
  check_row (teams_best, "porsche", 3, 3, 1);
  check_row (teams_best, "cooper", 4, 2, 1);
  /* One score per team and session. */
  g_assert_cmpuint (find_row (teams_best, "ferrari")->scores->len, ==, 2);

  /* Every car: round 1 Ferrari 8 + 6 + 3 = 17, Lotus 4 + 1 = 5,
   * Porsche 2; round 2 Lotus 8 + 4 = 12, Ferrari 6 + 3 = 9, Cooper 2,
   * Porsche 1. Ferrari 26, Lotus 17, Porsche 3, Cooper 2. */
  teams_all = compute (all, season, PD_STANDINGS_TEAMS, NULL, 0);
  check_row (teams_all, "ferrari", 1, 26, 1);
  check_row (teams_all, "lotus", 2, 17, 1);
  check_row (teams_all, "porsche", 3, 3, 1);
  check_row (teams_all, "cooper", 4, 2, 1);

  /* The teams' own counting, best 1: Ferrari max (8, 6) = 8, Lotus
   * max (4, 8) = 8, Porsche 2, Cooper 2. Ferrari and Lotus level:
   * countback over every car's finishes: Ferrari 1st ×1, 2nd ×2;
   * Lotus 1st ×1, 2nd ×0: Ferrari ahead, decided at place 2. Porsche
   * and Cooper level on 2: Porsche 5th and 6th, Cooper 5th and 7th:
   * decided at place 6. */
  teams_counting = compute (counting, season, PD_STANDINGS_TEAMS, NULL, 0);
  check_order (teams_counting, "ferrari", "lotus", "porsche", "cooper", NULL);
  check_row (teams_counting, "ferrari", 1, 8, 1);
  check_row (teams_counting, "lotus", 2, 8, 1);
  check_row (teams_counting, "porsche", 3, 2, 1);
  check_row (teams_counting, "cooper", 4, 2, 1);
  g_assert_cmpint (find_row (teams_counting, "lotus")->tie_place, ==, 2);
  g_assert_cmpint (find_row (teams_counting, "cooper")->tie_place, ==, 6);
  check_points (find_row (teams_counting, "ferrari")->gross, 14, 1);
}

/* Fastest lap not counting for teams (1958–59), and counting (2019–). */
static void
test_teams_fastest_lap (gconstpointer data)
{
  static const char body[] =
    "\"drivers\": {\"race\": {\"points\": [8, 6, 4, 3, 2], \"fastest_lap\": {\"points\": 1}}},"
    "\"teams\": {\"best_car_only\": true, \"fastest_lap\": %s}";
  g_autofree char *without_body = g_strdup_printf (body, "false");
  g_autofree char *with_body = g_strdup_printf (body, "true");
  g_autoptr(PdRules) without = rules_new (without_body);
  g_autoptr(PdRules) with = rules_new (with_body);
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) drivers = NULL;
  g_autoptr(GPtrArray) teams_without = NULL;
  g_autoptr(GPtrArray) teams_with = NULL;
  PdScoreSession *race = add_race (season, 1);

  /* Moss (Vanwall) 1st 8; Hawthorn (Ferrari) 2nd 6 + fastest lap 1 = 7;
   * Brooks (Vanwall) 3rd 4. */
  add_result (race, "moss", "vanwall", 1);
  add_result (race, "hawthorn", "ferrari", 2)->fastest_lap = TRUE;
  add_result (race, "brooks", "vanwall", 3);

  drivers = compute (without, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (drivers, "moss", 1, 8, 1);
  check_row (drivers, "hawthorn", 2, 7, 1);
  check_row (drivers, "brooks", 3, 4, 1);

  /* Teams with the drivers' table: Vanwall 8 (best car), Ferrari 6. */
  teams_without = compute (without, season, PD_STANDINGS_TEAMS, NULL, 0);
  check_row (teams_without, "vanwall", 1, 8, 1);
  check_row (teams_without, "ferrari", 2, 6, 1);

  /* With the fastest lap for teams: Ferrari 7. */
  teams_with = compute (with, season, PD_STANDINGS_TEAMS, NULL, 0);
  check_row (teams_with, "vanwall", 1, 8, 1);
  check_row (teams_with, "ferrari", 2, 7, 1);
}

/* A drivers-only race (the Indianapolis 500, 1950–1960) scores for the
 * drivers and not for the teams. */
static void
test_drivers_only (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [8, 6, 4, 3, 2]}},"
                                        " \"teams\": {},"
                                        " \"drivers_only\": [{\"round\": 2, \"source\": \"test: Indianapolis\"}]");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) drivers = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  PdScoreSession *race;
  PdStandingsRow *kurtis;

  /* Round 1: Moss (Vanwall) 8, Behra (BRM) 6. Round 2 (Indianapolis):
   * Bryan (Kurtis) 8, Moss (Vanwall, say) 6. */
  race = add_race (season, 1);
  add_result (race, "moss", "vanwall", 1);
  add_result (race, "behra", "brm", 2);
  race = add_race (season, 2);
  add_result (race, "bryan", "kurtis", 1);
  add_result (race, "moss", "vanwall", 2);

  /* Drivers: Moss 8 + 6 = 14, Bryan 8, Behra 6. */
  drivers = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (drivers, "moss", 1, 14, 1);
  check_row (drivers, "bryan", 2, 8, 1);
  check_row (drivers, "behra", 3, 6, 1);

  /* Teams: round 2 not counted: Vanwall 8, BRM 6; Kurtis nothing. */
  teams = compute (rules, season, PD_STANDINGS_TEAMS, NULL, 0);
  check_row (teams, "vanwall", 1, 8, 1);
  check_row (teams, "brm", 2, 6, 1);
  kurtis = find_row (teams, "kurtis");
  if (kurtis != NULL)
    check_points (kurtis->points, 0, 1);
}

/* Ineligible finishers: with pass-down the next cars move up (1967
 * German GP, Formula 2 cars); without it nobody gets the place's points
 * (1984 Italian GP, non-nominated cars). */
static void
test_ineligible (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new (
    "\"drivers\": {\"race\": {\"points\": [9, 6, 4, 3, 2, 1], \"pole\": {\"points\": 1}}},"
    "\"teams\": {},"
    "\"ineligible\": ["
    "  {\"round\": 1, \"driver\": \"oliver\", \"pass_down\": true, \"source\": \"test: a Formula 2 car\"},"
    "  {\"round\": 2, \"driver\": \"berger\", \"pass_down\": false, \"source\": \"test: not nominated\"}"
    "]");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  PdScoreSession *race;

  /* Round 1: hulme 1st 9, brabham 2nd 6, amon 3rd 4, oliver 4th
   * (ineligible; he is on pole too, which gives nothing), surtees 5th
   * moves up to 4th place points 3, hill 6th → 2, rindt 7th → 1. */
  race = add_race_order (season, 1, "hulme", "brabham", "amon", "oliver", "surtees", "hill", "rindt", NULL);
  ((PdScoreResult *) race->results->pdata[3])->grid = 1;
  /* Round 2: prost 1st 9, berger 2nd ineligible (0, and the 6 is
   * given to nobody), lauda 3rd 4, alboreto 4th 3. */
  race = add_race (season, 2);
  add_result (race, "prost", "mclaren", 1);
  add_result (race, "berger", "ats", 2);
  add_result (race, "lauda", "mclaren", 3);
  add_result (race, "alboreto", "ferrari", 4);

  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (rows, "hulme", -1, 9, 1);
  check_row (rows, "brabham", -1, 6, 1);
  check_row (rows, "amon", -1, 4, 1);
  check_row (rows, "oliver", -1, 0, 1);
  check_row (rows, "surtees", -1, 3, 1);
  check_row (rows, "hill", -1, 2, 1);
  check_row (rows, "rindt", -1, 1, 1);
  check_row (rows, "prost", -1, 9, 1);
  check_row (rows, "berger", -1, 0, 1);
  check_row (rows, "lauda", -1, 4, 1);
  check_row (rows, "alboreto", -1, 3, 1);
  /* The places stay as they were run: Oliver and Berger keep their
   * finishes for countback, Surtees is still 5th. */
  g_assert_cmpint (get_score (find_row (rows, "surtees"), 0)->position, ==, 5);
  g_assert_cmpint (g_array_index (find_row (rows, "berger")->finishes, int, 2), ==, 1);

  /* Teams (all cars): McLaren 9 + 4 = 13, ATS 0, Ferrari 3. */
  teams = compute (rules, season, PD_STANDINGS_TEAMS, NULL, 0);
  check_row (teams, "mclaren", 1, 13, 1);
  check_row (teams, "ferrari", 2, 3, 1);
}

/* With only the best car of a team scoring, an ineligible car whose
 * points pass down does not stop its team's eligible car from scoring:
 * it is not the team's best car in the championship. */
static void
test_ineligible_best_car (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new (
    "\"drivers\": {\"race\": {\"points\": [9, 6, 4, 3, 2, 1]}},"
    "\"teams\": {\"best_car_only\": true},"
    "\"ineligible\": [{\"round\": 1, \"driver\": \"oliver\", \"pass_down\": true, \"source\": \"test: F2\"}]");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) drivers = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  PdScoreSession *race = add_race (season, 1);

  /* hulme (Brabham) 9, amon (Ferrari) 6, surtees (Honda) 4, oliver
   * (Lotus, Formula 2: ineligible, passed down) nothing, clark (Lotus)
   * 5th moves up to 4th place points: 3. */
  add_result (race, "hulme", "brabham", 1);
  add_result (race, "amon", "ferrari", 2);
  add_result (race, "surtees", "honda", 3);
  add_result (race, "oliver", "lotus", 4);
  add_result (race, "clark", "lotus", 5);

  drivers = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (drivers, "clark", 4, 3, 1);

  /* Lotus's best eligible car is Clark's: 3. */
  teams = compute (rules, season, PD_STANDINGS_TEAMS, NULL, 0);
  check_row (teams, "brabham", 1, 9, 1);
  check_row (teams, "lotus", 4, 3, 1);
}

/* 1957 British GP: car 16 (Trintignant, Collins) 4th: the official
 * classification gives Trintignant all 3 points and Collins none. A
 * driver left out of a shared car's points: its other drivers share
 * them. Three drivers, one left out: 6 → 3 + 3 + 0. */
static void
test_ineligible_to_co_drivers (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new (
    "\"drivers\": {\"race\": {\"points\": [8, 6, 4, 3, 2]}, \"shared_cars\": \"split\"},"
    "\"ineligible\": [{\"round\": 1, \"driver\": \"collins\", \"to_co_drivers\": true, \"source\": \"test\"},"
    "                {\"round\": 2, \"driver\": \"c\", \"to_co_drivers\": true, \"source\": \"test\"}]");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) rows = NULL;
  PdScoreSession *race;
  PdScoreResult *result;

  race = add_race (season, 1);
  add_result (race, "moss", NULL, 1);
  result = add_result (race, "trintignant", NULL, 4);
  result->car_key = g_strdup ("16");
  result = add_result (race, "collins", NULL, 4);
  result->car_key = g_strdup ("16");

  race = add_race (season, 2);
  add_result (race, "x", NULL, 1);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const crew[] = { "a", "b", "c" };

      result = add_result (race, crew[i], NULL, 2);
      result->car_key = g_strdup ("2-drivers");
    }

  rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_row (rows, "trintignant", -1, 3, 1);
  check_row (rows, "collins", -1, 0, 1);
  check_row (rows, "a", -1, 3, 1);
  check_row (rows, "b", -1, 3, 1);
  check_row (rows, "c", -1, 0, 1);
  /* Collins is still classified 4th for countback. */
  g_assert_cmpuint (find_row (rows, "collins")->scores->len, ==, 1);
}

/* Adjustments: a team's deduction (2000 McLaren −10), a later one that
 * after_round leaves out, and a driver's exclusion with the results
 * kept (1997 M. Schumacher). */
static void
test_adjustments (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new (
    "\"drivers\": {\"race\": {\"points\": [10, 6, 4]}},"
    "\"teams\": {},"
    "\"adjustments\": ["
    "  {\"championship\": \"teams\", \"id\": \"mclaren\", \"kind\": \"deduct\", \"points\": 10, \"source\": \"test\"},"
    "  {\"championship\": \"teams\", \"id\": \"ferrari\", \"kind\": \"deduct\", \"points\": \"2.5\", \"round\": 2,"
    "   \"source\": \"test\"},"
    "  {\"championship\": \"drivers\", \"id\": \"schumacher\", \"kind\": \"exclude\", \"source\": \"test\"}"
    "]");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) drivers = NULL;
  g_autoptr(GPtrArray) teams = NULL;
  g_autoptr(GPtrArray) drivers1 = NULL;
  g_autoptr(GPtrArray) teams1 = NULL;
  PdStandingsRow *schumacher, *mclaren;
  PdScoreSession *race;

  /* Round 1: Schumacher (Ferrari) 10, Villeneuve (Williams) 6,
   * Coulthard (McLaren) 4. Round 2: Villeneuve 10, Schumacher 6,
   * Häkkinen (McLaren) 4. */
  race = add_race (season, 1);
  add_result (race, "schumacher", "ferrari", 1);
  add_result (race, "villeneuve", "williams", 2);
  add_result (race, "coulthard", "mclaren", 3);
  race = add_race (season, 2);
  add_result (race, "villeneuve", "williams", 1);
  add_result (race, "schumacher", "ferrari", 2);
  add_result (race, "hakkinen", "mclaren", 3);

  /* Drivers: Villeneuve 16, 1st; Coulthard and Häkkinen 4 each, each
   * one 3rd place: shared 2nd; Schumacher (16) excluded: position 0,
   * listed last, his results kept. */
  drivers = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_order (drivers, "villeneuve", "coulthard", "hakkinen", "schumacher", NULL);
  check_row (drivers, "villeneuve", 1, 16, 1);
  check_row (drivers, "coulthard", 2, 4, 1);
  check_row (drivers, "hakkinen", 2, 4, 1);
  g_assert_true (find_row (drivers, "coulthard")->shared);
  g_assert_true (find_row (drivers, "hakkinen")->shared);
  schumacher = find_row (drivers, "schumacher");
  g_assert_true (schumacher->excluded);
  g_assert_cmpint (schumacher->position, ==, 0);
  g_assert_false (schumacher->shared);
  g_assert_cmpuint (schumacher->scores->len, ==, 2);
  check_points (schumacher->gross, 16, 1);
  g_assert_cmpint (schumacher->wins, ==, 1);
  /* Nobody moves up into his places: Villeneuve keeps 6 for round 1. */
  check_points (get_score (find_row (drivers, "villeneuve"), 0)->points, 6, 1);

  /* Teams: Williams 16; Ferrari 10 + 6 − 2.5 = 27/2; McLaren 4 + 4 − 10
   * = −2. */
  teams = compute (rules, season, PD_STANDINGS_TEAMS, NULL, 0);
  check_order (teams, "williams", "ferrari", "mclaren", NULL);
  check_row (teams, "williams", 1, 16, 1);
  check_row (teams, "ferrari", 2, 27, 2);
  check_row (teams, "mclaren", 3, -2, 1);
  mclaren = find_row (teams, "mclaren");
  check_points (mclaren->gross, 8, 1);
  check_points (mclaren->deducted, 10, 1);

  /* After round 1: Ferrari's deduction (from round 2) not yet: Ferrari
   * 10, Williams 6, McLaren 4 − 10 = −6; the exclusion (the whole
   * season) stands: Villeneuve 6 1st, Coulthard 4 2nd. */
  teams1 = compute (rules, season, PD_STANDINGS_TEAMS, NULL, 1);
  check_row (teams1, "ferrari", 1, 10, 1);
  check_row (teams1, "williams", 2, 6, 1);
  check_row (teams1, "mclaren", 3, -6, 1);
  check_points (find_row (teams1, "ferrari")->deducted, 0, 1);
  drivers1 = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 1);
  check_order (drivers1, "villeneuve", "coulthard", "schumacher", NULL);
  check_row (drivers1, "villeneuve", 1, 6, 1);
  check_row (drivers1, "coulthard", 2, 4, 1);
  g_assert_true (find_row (drivers1, "schumacher")->excluded);
}

/* The season of the tie-break tests: a and b level on 12 (a has a win),
 * c and d level on 8 (d has a second place). */
static PdScoreSeason *
tie_season (void)
{
  PdScoreSeason *season = pd_score_season_new ();

  /* 10-6-4-3-2-1.
   * R1: a 1st 10, b 2nd 6, c 3rd 4, e 4th 3, d 5th 2.
   * R2: e 1st 10, b 2nd 6, c 3rd 4, f 4th 3, a 5th 2.
   * R3: e 1st 10, d 2nd 6, f 3rd 4.
   * a 12, b 12, c 8, d 8, e 23, f 7. */
  add_race_order (season, 1, "a", "b", "c", "e", "d", NULL);
  add_race_order (season, 2, "e", "b", "c", "f", "a", NULL);
  add_race_order (season, 3, "e", "d", "f", NULL);
  return season;
}

/* Countback: more wins ahead, then more seconds. */
static void
test_countback (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [10, 6, 4, 3, 2, 1]}},"
                                        " \"tie_break\": \"countback\"");
  g_autoptr(PdScoreSeason) season = tie_season ();
  g_autoptr(GPtrArray) rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);

  /* e 23 1st; a 12 2nd (one win); b 12 3rd (no win: decided at place
   * 1); d 8 4th (a second place); c 8 5th (two thirds: decided at place
   * 2); f 7 6th. */
  check_order (rows, "e", "a", "b", "d", "c", "f", NULL);
  check_row (rows, "e", 1, 23, 1);
  check_row (rows, "a", 2, 12, 1);
  check_row (rows, "b", 3, 12, 1);
  check_row (rows, "d", 4, 8, 1);
  check_row (rows, "c", 5, 8, 1);
  check_row (rows, "f", 6, 7, 1);
  g_assert_cmpint (find_row (rows, "a")->tie_place, ==, 0);
  g_assert_cmpint (find_row (rows, "b")->tie_place, ==, 1);
  g_assert_cmpint (find_row (rows, "d")->tie_place, ==, 0);
  g_assert_cmpint (find_row (rows, "c")->tie_place, ==, 2);
  for (guint i = 0; i < rows->len; i++)
    g_assert_false (((PdStandingsRow *) rows->pdata[i])->shared);
}

/* Shared: equal points share a position (F1DB's way). */
static void
test_tie_shared (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [10, 6, 4, 3, 2, 1]}},"
                                        " \"tie_break\": \"shared\"");
  g_autoptr(PdScoreSeason) season = tie_season ();
  g_autoptr(GPtrArray) rows = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);

  /* e 1st; a and b equal 2nd; c and d equal 4th; f 6th. */
  check_row (rows, "e", 1, 23, 1);
  check_row (rows, "a", 2, 12, 1);
  check_row (rows, "b", 2, 12, 1);
  check_row (rows, "c", 4, 8, 1);
  check_row (rows, "d", 4, 8, 1);
  check_row (rows, "f", 6, 7, 1);
  g_assert_false (find_row (rows, "e")->shared);
  g_assert_true (find_row (rows, "a")->shared);
  g_assert_true (find_row (rows, "b")->shared);
  g_assert_true (find_row (rows, "c")->shared);
  g_assert_true (find_row (rows, "d")->shared);
  g_assert_false (find_row (rows, "f")->shared);
  for (guint i = 0; i < rows->len; i++)
    g_assert_cmpint (((PdStandingsRow *) rows->pdata[i])->tie_place, ==, 0);

  /* Four drivers level (1950: four equal 9th on 4 points): one
   * position for all four, the next row after them. */
  {
    g_autoptr(PdScoreSeason) four = pd_score_season_new ();
    g_autoptr(GPtrArray) four_rows = NULL;

    add_race_order (four, 1, "w", "p", "q", "z", NULL);   /* w 10, p 6, q 4, z 3 */
    add_race_order (four, 2, "r", "w", "s", NULL);         /* r 10, w 6, s 4 */
    add_race_order (four, 3, "s", "t", NULL);              /* s 10, t 6 */
    /* w 16, s 14, r 10, p 6, t 6, q 4, z 3: p and t share 4th. Now
     * make four level: u and v 6 each too. */
    add_race_order (four, 4, "u", "x", NULL);              /* u 10, x 6 */
    add_race_order (four, 5, "y", "v", NULL);              /* y 10, v 6 */
    four_rows = compute (rules, four, PD_STANDINGS_DRIVERS, NULL, 0);
    /* 10: r, u, y (three equal 3rd); 6: p, t, v, x (four equal 6th);
     * then q 4 10th, z 3 11th. */
    check_row (four_rows, "w", 1, 16, 1);
    check_row (four_rows, "s", 2, 14, 1);
    check_row (four_rows, "r", 3, 10, 1);
    check_row (four_rows, "u", 3, 10, 1);
    check_row (four_rows, "y", 3, 10, 1);
    check_row (four_rows, "p", 6, 6, 1);
    check_row (four_rows, "t", 6, 6, 1);
    check_row (four_rows, "v", 6, 6, 1);
    check_row (four_rows, "x", 6, 6, 1);
    check_row (four_rows, "q", 10, 4, 1);
    check_row (four_rows, "z", 11, 3, 1);
  }
}

/* Entries' standings: one score per car and session, with its bonuses;
 * the drivers' rules. */
static void
test_entries (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [25, 18, 15], \"per_class\": true},"
                                        " \"qualifying\": {\"points\": [1], \"per_class\": true},"
                                        " \"shared_cars\": \"full\"}");
  g_autoptr(PdScoreSeason) season = pd_score_season_new ();
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) silver = NULL;
  PdScoreSession *session;

  /* Round 1 qualifying: car 8 fastest of Silver (1), car 7 2nd (0); car
   * 9 fastest of Am (1). Race: car 7 1st of Silver 25, car 8 2nd 18;
   * car 9 1st of Am 25. Round 2 race: car 8 25, car 7 18; car 9 25. */
  session = add_session (season, 1, PD_SESSION_KIND_QUALIFYING);
  add_result_full (session, "x,y", "t1", "silver", 2);
  add_result_full (session, "z,w", "t2", "silver", 1);
  add_result_full (session, "v", "t2", "am", 3);
  session = add_race (season, 1);
  add_result_full (session, "x,y", "t1", "silver", 1);
  add_result_full (session, "z,w", "t2", "silver", 2);
  add_result_full (session, "v", "t2", "am", 3);
  session = add_race (season, 2);
  add_result_full (session, "z,w", "t2", "silver", 1);
  add_result_full (session, "x,y", "t1", "silver", 2);
  add_result_full (session, "v", "t2", "am", 3);

  /* Car 7 (e-x,y) 25 + 18 = 43; car 8 (e-z,w) 1 + 18 + 25 = 44; car 9
   * (e-v) 1 + 25 + 25 = 51. */
  entries = compute (rules, season, PD_STANDINGS_ENTRIES, NULL, 0);
  check_order (entries, "e-v", "e-z,w", "e-x,y", NULL);
  check_row (entries, "e-v", 1, 51, 1);
  check_row (entries, "e-z,w", 2, 44, 1);
  check_row (entries, "e-x,y", 3, 43, 1);
  /* A score per session: qualifying and two races. */
  g_assert_cmpuint (find_row (entries, "e-z,w")->scores->len, ==, 3);

  /* Silver only: car 8 44, car 7 43. */
  silver = compute (rules, season, PD_STANDINGS_ENTRIES, "silver", 0);
  check_order (silver, "e-z,w", "e-x,y", NULL);
  check_row (silver, "e-z,w", 1, 44, 1);
  check_row (silver, "e-x,y", 2, 43, 1);
}

/* Standings are a pure function: computing twice gives the same, and
 * neither the season nor the rules change. */
static void
test_pure (gconstpointer data)
{
  g_autoptr(PdRules) rules = rules_new ("\"drivers\": {\"race\": {\"points\": [10, 6, 4, 3, 2, 1]},"
                                        " \"counting\": {\"best\": 2}}, \"teams\": {}");
  g_autoptr(PdScoreSeason) season = tie_season ();
  g_autoptr(GPtrArray) first = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autoptr(GPtrArray) second = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autofree char *first_text = describe (first);
  g_autofree char *second_text = describe (second);

  g_assert_cmpstr (first_text, ==, second_text);

  /* An empty season: no rows. */
  {
    g_autoptr(PdScoreSeason) empty = pd_score_season_new ();
    g_autoptr(GPtrArray) rows = compute (rules, empty, PD_STANDINGS_DRIVERS, NULL, 0);
    g_autoptr(GPtrArray) teams = compute (rules, empty, PD_STANDINGS_TEAMS, NULL, 0);

    g_assert_cmpuint (rows->len, ==, 0);
    g_assert_cmpuint (teams->len, ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  pd_test_add_isolated ("/standings/table", test_table, NULL);
  pd_test_add_isolated ("/standings/classes", test_classes, NULL);
  pd_test_add_isolated ("/standings/class-view/overall-table", test_class_view_overall_table, NULL);
  pd_test_add_isolated ("/standings/class-view/unclassed", test_class_view_unclassed, NULL);
  pd_test_add_isolated ("/standings/class-view/fastest-lap", test_class_view_fastest_lap, NULL);
  pd_test_add_isolated ("/standings/fastest-lap/anyone", test_fastest_lap_anyone, NULL);
  pd_test_add_isolated ("/standings/fastest-lap/top", test_fastest_lap_top, NULL);
  pd_test_add_isolated ("/standings/fastest-lap/split", test_fastest_lap_split, NULL);
  pd_test_add_isolated ("/standings/pole", test_pole, NULL);
  pd_test_add_isolated ("/standings/multipliers", test_multipliers, NULL);
  pd_test_add_isolated ("/standings/shortened", test_shortened, NULL);
  pd_test_add_isolated ("/standings/shared-cars/modes", test_shared_cars_modes, NULL);
  pd_test_add_isolated ("/standings/shared-cars/full-bonus", test_shared_cars_full_bonus, NULL);
  pd_test_add_isolated ("/standings/shared-cars/1950s", test_shared_cars_1950s, NULL);
  pd_test_add_isolated ("/standings/counting/best-n-per-result", test_best_n_per_result, NULL);
  pd_test_add_isolated ("/standings/counting/split-season", test_split_season, NULL);
  pd_test_add_isolated ("/standings/teams/best-car", test_teams_best_car, NULL);
  pd_test_add_isolated ("/standings/teams/fastest-lap", test_teams_fastest_lap, NULL);
  pd_test_add_isolated ("/standings/teams/drivers-only", test_drivers_only, NULL);
  pd_test_add_isolated ("/standings/ineligible/pass-down", test_ineligible, NULL);
  pd_test_add_isolated ("/standings/ineligible/best-car", test_ineligible_best_car, NULL);
  pd_test_add_isolated ("/standings/ineligible/to-co-drivers", test_ineligible_to_co_drivers, NULL);
  pd_test_add_isolated ("/standings/adjustments", test_adjustments, NULL);
  pd_test_add_isolated ("/standings/tie-break/countback", test_countback, NULL);
  pd_test_add_isolated ("/standings/tie-break/shared", test_tie_shared, NULL);
  pd_test_add_isolated ("/standings/entries", test_entries, NULL);
  pd_test_add_isolated ("/standings/pure", test_pure, NULL);

  return g_test_run ();
}
