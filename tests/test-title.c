/* Tests of the title maths (pd-title.c): small seasons written here, one
 * per kind of rule, with who can still win, what each can reach and when
 * the title was decided worked out by hand in the comments.
 *
 * A season is written as its sessions, "ROUND KIND: CAR CAR ...", one
 * car per finishing place; a session with no cars is still to be run. A
 * car is its drivers joined by "+", then "/TEAM" and "@CLASS" if it has
 * them; "^" after it: from pole, "*": the fastest lap; "~" before it:
 * not classified. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <string.h>

#include "pd-test.h"
#include "pd-title.h"

/* One car of a session: "a+b/t1@silver^*", "~c". */
static void
add_car (PdScoreSession *session,
         const char     *token,
         int            *position)
{
  g_autofree char *text = g_strdup (token);
  g_autofree char *id = g_strdup_printf ("%s.%u", session->session_id, session->results->len + 1);
  g_auto(GStrv) drivers = NULL;
  gboolean classified = text[0] != '~';
  gboolean pole = FALSE, fastest = FALSE;
  char *name = classified ? text : text + 1;
  char *class_id, *team_id;
  gsize len = strlen (name);
  PdScoreResult *result;

  for (; len > 0 && (name[len - 1] == '^' || name[len - 1] == '*'); len--)
    {
      pole |= name[len - 1] == '^';
      fastest |= name[len - 1] == '*';
      name[len - 1] = '\0';
    }
  if ((class_id = strchr (name, '@')) != NULL)
    *class_id++ = '\0';
  if ((team_id = strchr (name, '/')) != NULL)
    *team_id++ = '\0';
  drivers = g_strsplit (name, "+", -1);

  result = pd_score_session_add_result (session, id, name, team_id, class_id,
                                        (const char * const *) drivers, classified ? ++(*position) : 0);
  result->grid = pole ? 1 : 0;
  result->fastest_lap = fastest;
}

static PdSessionKind
kind_from_name (const char *name)
{
  if (g_str_equal (name, "race"))
    return PD_SESSION_KIND_RACE;
  if (g_str_equal (name, "qualifying"))
    return PD_SESSION_KIND_QUALIFYING;
  if (g_str_equal (name, "sprint"))
    return PD_SESSION_KIND_SPRINT;
  g_error ("no session kind %s", name);
}

/* A season from its sessions, separated by ";" (see the top). */
static PdScoreSeason *
season_new (const char *text)
{
  PdScoreSeason *season = pd_score_season_new ();
  g_auto(GStrv) sessions = g_strsplit (text, ";", -1);

  for (guint i = 0; sessions[i] != NULL; i++)
    {
      g_auto(GStrv) parts = g_strsplit (g_strstrip (sessions[i]), ":", 2);
      g_auto(GStrv) head = NULL;
      g_auto(GStrv) cars = NULL;
      PdScoreRound *round = NULL;
      PdScoreSession *session;
      g_autofree char *session_id = NULL;
      int number, position = 0;

      g_assert_cmpuint (g_strv_length (parts), ==, 2);
      head = g_strsplit (parts[0], " ", 2);
      number = atoi (head[0]);
      g_assert_cmpint (number, >, 0);
      for (guint r = 0; r < season->rounds->len; r++)
        if (((PdScoreRound *) season->rounds->pdata[r])->number == number)
          round = season->rounds->pdata[r];
      if (round == NULL)
        round = pd_score_season_add_round (season, number);
      session_id = g_strdup_printf ("r%d-%u", number, round->sessions->len + 1);
      session = pd_score_round_add_session (round, session_id, kind_from_name (head[1]));

      cars = g_strsplit (g_strstrip (parts[1]), " ", -1);
      for (guint c = 0; cars[c] != NULL; c++)
        if (*cars[c] != '\0')
          add_car (session, cars[c], &position);
    }
  return season;
}

static PdTitleContender *
find (PdTitle    *title,
      const char *id)
{
  for (guint i = 0; i < title->contenders->len; i++)
    {
      PdTitleContender *contender = title->contenders->pdata[i];

      if (g_str_equal (contender->id, id))
        return contender;
    }
  g_error ("no contender %s", id);
}

static char *
describe (PdTitle *title)
{
  GString *out = g_string_new (NULL);
  g_autofree char *available = pd_points_format (title->available);
  g_autofree char *champions = title->champion_ids != NULL ? g_strjoinv (",", title->champion_ids) : NULL;

  g_string_append_printf (out, "after %d, next %d: %s available in %u sessions, %u rounds; over %d; "
                          "decided %d (%s); newcomer %d\n",
                          title->after_round, title->next_round, available, title->sessions_left,
                          title->rounds_left, title->over, title->decided_round, champions,
                          title->newcomer_can_win);
  for (guint i = 0; i < title->contenders->len; i++)
    {
      PdTitleContender *c = title->contenders->pdata[i];
      g_autofree char *points = pd_points_format (c->points);
      g_autofree char *best = pd_points_format (c->best);
      g_autofree char *behind = pd_points_format (c->behind);

      g_string_append_printf (out, "  %d %-6s %s, best %s, gap %s%s%s\n", c->position, c->id, points, best,
                              behind, c->can_win ? ", can win" : "", c->can_clinch_next ? ", can clinch" : "");
    }
  return g_string_free (out, FALSE);
}

static PdTitle *
compute (const PdRules       *rules,
         const PdScoreSeason *season,
         PdStandingsKind      kind,
         const char          *class_id,
         int                  after_round)
{
  PdTitle *title = pd_title_compute (rules, season, kind, class_id, after_round);
  g_autofree char *text = NULL;

  g_assert_nonnull (title);
  text = describe (title);
  g_test_message ("title%s%s after round %d:\n%s", class_id != NULL ? " of " : "", class_id != NULL ? class_id : "",
                  after_round, text);
  return title;
}

/* Exact: @expected is "8", "4.5" or "1/7". */
static gboolean
same_points (PdPoints    points,
             const char *expected)
{
  PdPoints parsed;

  g_assert_true (pd_points_parse (expected, &parsed));
  return pd_points_compare (points, parsed) == 0;
}

/* @id's numbers: points now, the most it can reach, its gap, and
 * whether it can still win. */
static void
check_at (const char *file,
          int         line,
          PdTitle    *title,
          const char *id,
          const char *points,
          const char *best,
          const char *behind,
          gboolean    can_win)
{
  PdTitleContender *c = find (title, id);
  g_autofree char *p = pd_points_format (c->points);
  g_autofree char *b = pd_points_format (c->best);
  g_autofree char *g = pd_points_format (c->behind);
  g_autofree char *text = describe (title);

  if (!same_points (c->points, points) || !same_points (c->best, best) || !same_points (c->behind, behind) ||
      c->can_win != can_win)
    g_error ("%s:%d: %s: %s, best %s, gap %s, can win %d; expected %s, %s, %s, %d in\n%s", file, line, id,
             p, b, g, c->can_win, points, best, behind, can_win, text);
}

#define check(title, id, points, best, behind, can_win) \
  check_at (__FILE__, __LINE__, title, id, points, best, behind, can_win)

static void
check_available (PdTitle    *title,
                 const char *points,
                 guint       sessions,
                 guint       rounds,
                 int         next)
{
  g_autofree char *available = pd_points_format (title->available);

  if (!same_points (title->available, points))
    g_error ("%s points available, expected %s", available, points);
  g_assert_cmpuint (title->sessions_left, ==, sessions);
  g_assert_cmpuint (title->rounds_left, ==, rounds);
  g_assert_cmpint (title->next_round, ==, next);
  g_assert_cmpint (title->over, ==, sessions == 0);
}

static void
check_decided (PdTitle    *title,
               int         round,
               const char *champions)
{
  g_autofree char *ids = title->champion_ids != NULL ? g_strjoinv (",", title->champion_ids) : NULL;

  g_assert_cmpint (title->decided_round, ==, round);
  g_assert_cmpstr (ids, ==, champions);
}

#define RACES_10_6_4 "\"drivers\": {\"race\": {\"points\": [10, 6, 4]}}"

/* Four rounds, all results count, 10-6-4. */
static void
test_open (gconstpointer data)
{
  g_autoptr(PdRules) rules = pd_test_rules_new (RACES_10_6_4);
  g_autoptr(PdScoreSeason) two = season_new ("1 race: a b c; 2 race: a b c; 3 race: ; 4 race:");
  g_autoptr(PdScoreSeason) four = season_new ("1 race: a b c; 2 race: a b c; 3 race: b a c; 4 race: a c b");
  g_autoptr(PdTitle) after2 = compute (rules, two, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autoptr(PdTitle) after2_of_four = compute (rules, four, PD_STANDINGS_DRIVERS, NULL, 2);
  g_autoptr(PdTitle) after3 = compute (rules, four, PD_STANDINGS_DRIVERS, NULL, 3);
  g_autoptr(PdTitle) after4 = compute (rules, four, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autofree char *text2 = describe (after2);
  g_autofree char *text2_of_four = describe (after2_of_four);

  /* After round 2 (the last with results): a 20, b 12, c 8; two races
   * of 10 left. b can reach 32 and c 28, past a's 20: all three can
   * win, and so could a newcomer (20, level with a on points and on
   * countback: two wins each, a shared first place). */
  g_assert_cmpint (after2->after_round, ==, 2);
  check_available (after2, "20", 2, 2, 3);
  check (after2, "a", "20", "40", "8", TRUE);
  check (after2, "b", "12", "32", "8", TRUE);
  check (after2, "c", "8", "28", "12", TRUE);
  g_assert_true (after2->newcomer_can_win);
  check_decided (after2, 0, NULL);
  /* a wins round 3: a 30, b 12 + 10 = 22 at most, c 18, a newcomer 10:
   * decided. b winning round 3 (22 to a's 20) decides nothing. */
  g_assert_true (find (after2, "a")->can_clinch_next);
  g_assert_false (find (after2, "b")->can_clinch_next);
  g_assert_false (find (after2, "c")->can_clinch_next);

  /* The same after round 2 of the finished season: what came later is
   * still to come. */
  g_assert_cmpstr (text2_of_four, ==, text2);

  /* After round 3 (b a c): a 26, b 22, c 12; 10 left. b can reach 32;
   * c 22 and a newcomer 10 are out. Whoever wins round 4 is champion. */
  check_available (after3, "10", 1, 1, 4);
  check (after3, "a", "26", "36", "4", TRUE);
  check (after3, "b", "22", "32", "4", TRUE);
  check (after3, "c", "12", "22", "14", FALSE);
  g_assert_false (after3->newcomer_can_win);
  check_decided (after3, 0, NULL);
  g_assert_true (find (after3, "a")->can_clinch_next);
  g_assert_true (find (after3, "b")->can_clinch_next);
  g_assert_false (find (after3, "c")->can_clinch_next);

  /* Over: a 36, b 26, c 16; decided at the last round. */
  check_available (after4, "0", 0, 0, 0);
  check (after4, "a", "36", "36", "10", TRUE);
  check (after4, "b", "26", "26", "10", FALSE);
  check_decided (after4, 4, "a");
}

/* A title decided before the end, and found from the end. */
static void
test_decided_early (gconstpointer data)
{
  g_autoptr(PdRules) rules = pd_test_rules_new (RACES_10_6_4);
  g_autoptr(PdScoreSeason) season = season_new ("1 race: a b c; 2 race: a b c; 3 race: a c b; 4 race: b c a");
  g_autoptr(PdTitle) after2 = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 2);
  g_autoptr(PdTitle) after3 = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 3);
  g_autoptr(PdTitle) end = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);

  /* After round 2: a 20, b 12 (32 at most): open; a clinches by winning
   * round 3. */
  check_decided (after2, 0, NULL);
  check (after2, "b", "12", "32", "8", TRUE);
  g_assert_true (find (after2, "a")->can_clinch_next);

  /* After round 3: a 30, b 16 and c 14 (26 and 24 at most), a newcomer
   * 10: decided at round 3, with a round to go. */
  check_available (after3, "10", 1, 1, 4);
  check_decided (after3, 3, "a");
  check (after3, "a", "30", "40", "14", TRUE);
  check (after3, "b", "16", "26", "14", FALSE);
  check (after3, "c", "14", "24", "16", FALSE);
  g_assert_false (find (after3, "a")->can_clinch_next);

  /* At the end: a 34, b 26, c 20; still decided at round 3. */
  check_decided (end, 3, "a");
  check (end, "b", "26", "26", "8", FALSE);
}

/* Best 2 results count: a leader who can gain nothing more, a chaser
 * held back by its drops, and a tie decided by countback on third
 * places. */
static void
test_best_n (gconstpointer data)
{
  g_autoptr(PdRules) rules = pd_test_rules_new ("\"drivers\": {\"race\": {\"points\": [10, 6, 4]},"
                                        " \"counting\": {\"best\": 2}}");
  g_autoptr(PdScoreSeason) season = season_new ("1 race: a b c; 2 race: a c b; 3 race: b a c; 4 race:");
  g_autoptr(PdTitle) title = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autoptr(PdRules) all = pd_test_rules_new (RACES_10_6_4);
  g_autoptr(PdTitle) all_count = compute (all, season, PD_STANDINGS_DRIVERS, NULL, 0);

  /* a 10 10 (6): 20, and a win in round 4 replaces nothing: 20 at most.
   * b (6) (4) 10: 16; with a win 10 + 10 = 20, level with a: wins 2 and
   * 2, second places 1 and 1, third places a 0, b 1: b is champion.
   * c (4) 6 (4): 10; with a win 10 + 6 = 16, out. A newcomer reaches
   * 10. */
  check_available (title, "10", 1, 1, 4);
  check (title, "a", "20", "20", "4", TRUE);
  check (title, "b", "16", "20", "4", TRUE);
  check (title, "c", "10", "16", "10", FALSE);
  g_assert_false (title->newcomer_can_win);
  check_decided (title, 0, NULL);
  /* a clinches by winning round 4 (b then 16). So does b (b 20, a 20,
   * ahead on countback). */
  g_assert_true (find (title, "a")->can_clinch_next);
  g_assert_true (find (title, "b")->can_clinch_next);

  /* Every result counting: a 26, b 20, c 14; b reaches 30, c 24: out. */
  check (all_count, "a", "26", "36", "6", TRUE);
  check (all_count, "b", "20", "30", "6", TRUE);
  check (all_count, "c", "14", "24", "12", FALSE);
}

/* A chaser who can only draw level: out under countback, still in
 * (sharing the title) when ties stand. */
static void
test_ties (gconstpointer data)
{
  g_autoptr(PdRules) countback = pd_test_rules_new ("\"drivers\": {\"race\": {\"points\": [10, 5]}}");
  g_autoptr(PdRules) shared = pd_test_rules_new ("\"drivers\": {\"race\": {\"points\": [10, 5]}}, \"tie_break\": \"shared\"");
  g_autoptr(PdScoreSeason) season = season_new ("1 race: a b; 2 race: a b; 3 race: b a");
  g_autoptr(PdTitle) by_countback = compute (countback, season, PD_STANDINGS_DRIVERS, NULL, 2);
  g_autoptr(PdTitle) by_countback_end = compute (countback, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autoptr(PdTitle) level = compute (shared, season, PD_STANDINGS_DRIVERS, NULL, 2);
  g_autoptr(PdTitle) level_end = compute (shared, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autoptr(PdScoreSeason) tied = season_new ("1 race: a b; 2 race: b a");
  g_autoptr(PdTitle) tied_end = compute (shared, tied, PD_STANDINGS_DRIVERS, NULL, 0);

  /* After round 2: a 20, b 10; b reaches 20 with one win to a's two:
   * out by countback; a newcomer 10. Decided at round 2 (after round 1,
   * a 10, b 5 and 20 left: open), a round before the end. */
  check (by_countback, "b", "10", "20", "10", FALSE);
  check_decided (by_countback, 2, "a");
  check_decided (by_countback_end, 2, "a");

  /* Ties standing: b could share the title, so it is open until the
   * end; then a 25, b 20: decided at round 3. */
  check (level, "b", "10", "20", "10", TRUE);
  check_decided (level, 0, NULL);
  check_decided (level_end, 3, "a");

  /* A title shared at the end: a 15, b 15, both champions. */
  check (tied_end, "a", "15", "15", "0", TRUE);
  check (tied_end, "b", "15", "15", "0", TRUE);
  check_decided (tied_end, 2, "a,b");
}

/* Classes with shared cars, GT4-style: per-class points to every
 * driver of a car, a point for the fastest qualifier of each class. */
static void
test_classes (gconstpointer data)
{
  g_autoptr(PdRules) rules = pd_test_rules_new ("\"drivers\": {\"race\": {\"points\": [25, 18, 15], \"per_class\": true},"
                                        " \"qualifying\": {\"points\": [1], \"per_class\": true},"
                                        " \"shared_cars\": \"full\"}");
  g_autoptr(PdScoreSeason) season = season_new (
    "1 qualifying: s3+s4@silver s1+s2@silver a1@am a2@am;"
    "1 race: s1+s2@silver s3+s4@silver a2@am a1@am;"
    "2 qualifying: s1+s2@silver a1@am s3+s4@silver a2@am;"
    "2 race: s1+s2@silver a1@am a2@am ~s3+s4@silver;"
    "3 qualifying: ; 3 race:");
  g_autoptr(PdTitle) silver1 = compute (rules, season, PD_STANDINGS_DRIVERS, "silver", 1);
  g_autoptr(PdTitle) silver = compute (rules, season, PD_STANDINGS_DRIVERS, "silver", 0);
  g_autoptr(PdTitle) am = compute (rules, season, PD_STANDINGS_DRIVERS, "am", 0);

  /* After round 1, Silver: s1 and s2 25, s3 and s4 18 + 1 = 19; two
   * rounds of 1 + 25 left. */
  check_available (silver1, "52", 4, 2, 2);
  check (silver1, "s1", "25", "77", "0", TRUE);
  check (silver1, "s3", "19", "71", "6", TRUE);

  /* After round 2, Silver: s1 and s2 25 + 1 + 25 = 51, s3 and s4 19
   * (car not classified); 26 left: s3 reaches 45, a newcomer 26. The
   * crew of the leading car is champion, decided at round 2. */
  check_available (silver, "26", 2, 1, 3);
  check (silver, "s1", "51", "77", "0", TRUE);
  check (silver, "s2", "51", "77", "0", TRUE);
  check (silver, "s4", "19", "45", "32", FALSE);
  check_decided (silver, 2, "s1,s2");

  /* Am: a1 18 + 1 (round 1 qualifying) + 1 + 25 = 45, a2 25 + 18 = 43;
   * open. */
  check (am, "a1", "45", "71", "2", TRUE);
  check (am, "a2", "43", "69", "2", TRUE);
  check_decided (am, 0, NULL);
}

/* Teams: a team scores with every car it runs. */
static void
test_teams (gconstpointer data)
{
  g_autoptr(PdRules) rules = pd_test_rules_new ("\"drivers\": {\"race\": {\"points\": [10, 6, 4, 3]}}, \"teams\": {}");
  g_autoptr(PdScoreSeason) season = season_new ("1 race: a/t1 b/t1 c/t2 d/t3; 2 race: c/t2 d/t3 a/t1 b/t1; 3 race:");
  g_autoptr(PdTitle) title = compute (rules, season, PD_STANDINGS_TEAMS, NULL, 0);

  /* t1 16 + 7 = 23, t2 4 + 10 = 14, t3 3 + 6 = 9. Round 3: t1 can take
   * 10 + 6 with its two cars, t2 and t3 10 with their one: t2 reaches
   * 24, past 23; t3 19. A new team of two cars: 16. */
  check_available (title, "16", 1, 1, 3);
  check (title, "t1", "23", "39", "9", TRUE);
  check (title, "t2", "14", "24", "9", TRUE);
  check (title, "t3", "9", "19", "14", FALSE);
  g_assert_false (title->newcomer_can_win);
  g_assert_true (find (title, "t1")->can_clinch_next);
  g_assert_true (find (title, "t2")->can_clinch_next);
}

/* Bonuses and multipliers: what is still available. */
static void
test_available (gconstpointer data)
{
  g_autoptr(PdRules) rules = pd_test_rules_new (
    "\"drivers\": {\"race\": {\"points\": [25, 18], \"fastest_lap\": {\"points\": 1, \"top\": 10},"
    " \"pole\": {\"points\": 3}}, \"sprint\": {\"points\": [8, 7]}},"
    " \"multipliers\": [{\"round\": 3, \"factor\": 2, \"source\": \"a test\"},"
    " {\"round\": 4, \"factor\": \"1/2\", \"bonuses\": false, \"source\": \"a test\"}]");
  g_autoptr(PdScoreSeason) season = season_new ("1 race: a^* b; 2 sprint: ; 2 race: ; 3 race: ; 4 race:");
  g_autoptr(PdTitle) title = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);

  /* a 25 + 3 + 1 = 29, b 18. Left: the sprint 8, round 2's race 25 + 3
   * + 1 = 29, round 3's 50 + 4 = 54, and round 4's 29: half points for a
   * race stopped short are not known before it is run. 120 in four
   * sessions of three rounds. */
  check_available (title, "120", 4, 3, 2);
  check (title, "a", "29", "149", "11", TRUE);
  check (title, "b", "18", "138", "11", TRUE);

  /* Once round 4 is run, its half points count: b wins it, 12.5. */
  {
    g_autoptr(PdScoreSeason) run = season_new ("1 race: a^* b; 2 sprint: ; 2 race: ; 3 race: ; 4 race: b a");
    g_autoptr(PdTitle) after4 = compute (rules, run, PD_STANDINGS_DRIVERS, NULL, 4);

    /* a 29 + 9 = 38, b 18 + 12.5 = 30.5; rounds 2 and 3 left (their
     * sessions have no results): 8 + 29 + 54 = 91, and no round comes
     * after round 4. */
    check_available (after4, "91", 3, 2, 0);
    g_assert_true (after4->missing_results);
    check (after4, "a", "38", "129", "7.5", TRUE);
    check (after4, "b", "30.5", "121.5", "7.5", TRUE);
  }
}

/* A points deduction counts from the round it is recorded at. */
static void
test_deduction (gconstpointer data)
{
  g_autoptr(PdRules) rules = pd_test_rules_new (
    "\"drivers\": {\"race\": {\"points\": [10, 6, 4]}},"
    " \"adjustments\": [{\"championship\": \"drivers\", \"id\": \"a\", \"kind\": \"deduct\", \"points\": 5,"
    " \"round\": 3, \"source\": \"a test\"}]");
  g_autoptr(PdScoreSeason) season = season_new ("1 race: a b c; 2 race: a b c; 3 race: a b c; 4 race: b a c");
  g_autoptr(PdTitle) after2 = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 2);
  g_autoptr(PdTitle) after3 = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 3);
  g_autoptr(PdTitle) end = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);

  /* After round 2 the deduction is not known: a 20, b 12. */
  check (after2, "a", "20", "40", "8", TRUE);
  /* After round 3: a 30 - 5 = 25, b 18 reaches 28: open (without the
   * deduction it would have been decided: 30 to 28). */
  check (after3, "a", "25", "35", "7", TRUE);
  check (after3, "b", "18", "28", "7", TRUE);
  check_decided (after3, 0, NULL);
  /* At the end a 31, b 28: decided at round 4. */
  check_decided (end, 4, "a");
}

/* A session of a round already run that has no results yet is still to
 * come; after the last round, nothing is. */
static void
test_session_left (gconstpointer data)
{
  g_autoptr(PdRules) rules = pd_test_rules_new (RACES_10_6_4);
  g_autoptr(PdScoreSeason) season = season_new ("1 race: a b; 1 race: ; 2 race: b a");
  g_autoptr(PdTitle) title = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 2);
  g_autoptr(PdScoreSeason) empty = season_new ("1 race: ; 2 race:");
  g_autoptr(PdTitle) before = compute (rules, empty, PD_STANDINGS_DRIVERS, NULL, 0);

  /* a 16, b 16: one win and one second place each, level, a shared
   * first place; round 1's second race is left, though no round comes
   * after round 2. */
  check_available (title, "10", 1, 1, 0);
  g_assert_true (title->missing_results);
  check (title, "a", "16", "26", "0", TRUE);
  check (title, "b", "16", "26", "0", TRUE);
  g_assert_true (title->newcomer_can_win == FALSE);

  /* Nothing run: no one in the standings; anyone can win. */
  g_assert_cmpint (before->after_round, ==, 0);
  check_available (before, "20", 2, 2, 1);
  g_assert_false (before->missing_results);
  g_assert_cmpuint (before->contenders->len, ==, 0);
  g_assert_true (before->newcomer_can_win);
  check_decided (before, 0, NULL);
}

/* Names for the sentences: the id in capitals. */
static char *
upper_name (const char *id,
            gpointer    user_data)
{
  return g_ascii_strup (id, -1);
}

/* The sentences, in Swedish (the tests run in sv_SE). */
static void
test_describe (gconstpointer data)
{
  g_autoptr(PdRules) rules = pd_test_rules_new (RACES_10_6_4);
  g_autoptr(PdScoreSeason) season = season_new ("1 race: a b c; 2 race: a b c; 3 race: b a c; 4 race:");
  g_autoptr(PdTitle) title = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autoptr(PdScoreSeason) done = season_new ("1 race: a b c; 2 race: a b c; 3 race: a c b; 4 race: b c a");
  g_autoptr(PdTitle) end = compute (rules, done, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autoptr(PdScoreSeason) gap = season_new ("1 race: a b c d; 2 race: a b c d; 2 race: ; 3 race:");
  g_autoptr(PdTitle) open = compute (rules, gap, PD_STANDINGS_DRIVERS, NULL, 2);
  g_autofree char *summary = pd_title_describe (title, upper_name, NULL);
  g_autofree char *a = pd_title_describe_contender (title, find (title, "a"), upper_name, NULL);
  g_autofree char *b = pd_title_describe_contender (title, find (title, "b"), upper_name, NULL);
  g_autofree char *c = pd_title_describe_contender (title, find (title, "c"), upper_name, NULL);
  g_autofree char *clinch = pd_title_describe_clinch (title, find (title, "b"));
  g_autofree char *no_clinch = pd_title_describe_clinch (title, find (title, "c"));
  g_autofree char *others = pd_title_describe_others (title, 5, upper_name, NULL);
  g_autofree char *no_note = pd_title_describe_note (title);
  g_autofree char *end_summary = pd_title_describe (end, upper_name, NULL);
  g_autofree char *champion = pd_title_describe_contender (end, find (end, "a"), upper_name, NULL);
  g_autofree char *beaten = pd_title_describe_contender (end, find (end, "b"), upper_name, NULL);
  g_autofree char *no_others = pd_title_describe_others (end, 5, upper_name, NULL);
  g_autofree char *note = pd_title_describe_note (open);
  g_autofree char *two_of_three = pd_title_describe_others (open, 1, upper_name, NULL);

  g_assert_cmpstr (summary, ==, "10 poäng kvar att ta i 1 omgång");
  g_assert_cmpstr (a, ==, "Leder med 4 poäng");
  g_assert_cmpstr (b, ==, "Måste ta in 4 poäng på A");
  g_assert_cmpstr (c, ==, "Ur räkningen: högst 22 poäng");
  g_assert_cmpstr (clinch, ==, "Kan säkra titeln i omgång 4");
  g_assert_null (no_clinch);
  g_assert_cmpstr (others, ==, "Ur räkningen: C");
  g_assert_null (no_note);
  g_assert_cmpstr (end_summary, ==, "Avgjord i omgång 3; mästare: A");
  g_assert_cmpstr (champion, ==, "Mästare, avgjort i omgång 3");
  g_assert_cmpstr (beaten, ==, "Ur räkningen");
  g_assert_null (no_others);

  /* After round 2, one of its races without results: a 20, b 12, c 8,
   * d 0; 20 left: c reaches 28, and d 20, level with a and ahead on
   * countback (two wins each, then d's fourth places): all can win. */
  g_assert_cmpstr (note, ==, "Pass i omgångar som redan körts men som saknar resultat räknas som kvar att köra.");
  g_assert_null (two_of_three);
  {
    g_autoptr(PdScoreSeason) more = season_new ("1 race: a b c d e; 2 race: a b c d e; 3 race: a b c d e;"
                                                "4 race: ; 5 race:");
    g_autoptr(PdTitle) late = compute (rules, more, PD_STANDINGS_DRIVERS, NULL, 0);
    g_autofree char *listed = pd_title_describe_others (late, 1, upper_name, NULL);

    /* a 30, b 18, c 12, d and e 0; 20 left: b and c can still pass a,
     * d and e cannot. */
    g_assert_cmpstr (listed, ==, "Ur räkningen: D och 1 till");
  }
}

/* The maths reads the season and the rules, and changes neither. */
static void
test_pure (gconstpointer data)
{
  g_autoptr(PdRules) rules = pd_test_rules_new ("\"drivers\": {\"race\": {\"points\": [10, 6, 4]}, \"counting\": {\"best\": 2}},"
                                        " \"adjustments\": [{\"championship\": \"drivers\", \"id\": \"a\","
                                        " \"kind\": \"deduct\", \"points\": 1, \"round\": 4, \"source\": \"a test\"}]");
  g_autoptr(PdScoreSeason) season = season_new ("1 race: a b c; 2 race: a c b; 3 race: b a c; 4 race:");
  g_autoptr(GPtrArray) before = pd_standings_compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autoptr(PdTitle) first = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autoptr(PdTitle) second = compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autoptr(GPtrArray) after = pd_standings_compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  g_autofree char *first_text = describe (first);
  g_autofree char *second_text = describe (second);

  g_assert_cmpstr (first_text, ==, second_text);
  g_assert_cmpuint (rules->adjustments->len, ==, 1);
  g_assert_cmpuint (season->rounds->len, ==, 4);
  g_assert_cmpuint (((PdScoreSession *) ((PdScoreRound *) season->rounds->pdata[3])->sessions->pdata[0])->results->len,
                    ==, 0);
  g_assert_cmpuint (before->len, ==, after->len);
  for (guint i = 0; i < before->len; i++)
    {
      PdStandingsRow *x = before->pdata[i];
      PdStandingsRow *y = after->pdata[i];

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpint (pd_points_compare (x->points, y->points), ==, 0);
    }
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  pd_test_add_isolated ("/title/open", test_open, NULL);
  pd_test_add_isolated ("/title/decided-early", test_decided_early, NULL);
  pd_test_add_isolated ("/title/best-n", test_best_n, NULL);
  pd_test_add_isolated ("/title/ties", test_ties, NULL);
  pd_test_add_isolated ("/title/classes", test_classes, NULL);
  pd_test_add_isolated ("/title/teams", test_teams, NULL);
  pd_test_add_isolated ("/title/available", test_available, NULL);
  pd_test_add_isolated ("/title/deduction", test_deduction, NULL);
  pd_test_add_isolated ("/title/session-left", test_session_left, NULL);
  pd_test_add_isolated ("/title/describe", test_describe, NULL);
  pd_test_add_isolated ("/title/pure", test_pure, NULL);

  return g_test_run ();
}
