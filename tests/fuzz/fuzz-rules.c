/* Fuzz target for the points rules reader (pd-rules.c).
 *
 * Beyond "does not crash", it checks the reader's promises: a refused
 * file gives a PD_RULES_ERROR with a readable message and no rules; an
 * accepted file gives rules that keep the format's bounds (tables of at
 * most 200 places, reduced points with a positive denominator, one to
 * four counting parts, a source for every decision), and reading it again
 * gives the same rules. The accepted rules are then run through the
 * scoring engine on a small fixed season that has a bit of everything
 * (classes, shared cars, fastest laps, a pole, a shortened race, teams),
 * since what the reader lets through is what the engine must cope with. */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <string.h>

#include "fuzz.h"
#include "pd-rules.h"
#include "pd-standings.h"

static void
check_points (PdPoints    points,
              const char *what)
{
  if (points.den <= 0)
    fuzz_fail ("%s: denominator %" G_GINT64_FORMAT, what, points.den);
}

static void
check_table (const PdPoints *table,
             guint           n_table,
             const char     *what)
{
  if (n_table > 200)
    fuzz_fail ("%s: %u places", what, n_table);
  if (n_table > 0 && table == NULL)
    fuzz_fail ("%s: no table", what);
  for (guint i = 0; i < n_table; i++)
    check_points (table[i], what);
}

static void
check_championship (const PdChampionshipRules *champ)
{
  for (guint k = 0; k < PD_N_SESSION_KINDS; k++)
    {
      const PdSessionRule *rule = &champ->sessions[k];

      check_table (rule->table, rule->n_table, "session table");
      /* An absent bonus is left as {0, 0} by the reader rather than
       * PD_POINTS_ZERO (test-rules /rules/absent-bonus-is-zero shows it);
       * the engine only tests it with pd_points_is_zero(), so only a
       * non-zero bonus must have a positive denominator here. */
      if (rule->fastest_lap.num != 0 || rule->fastest_lap.den != 0)
        check_points (rule->fastest_lap, "fastest lap");
      if (rule->pole.num != 0 || rule->pole.den != 0)
        check_points (rule->pole, "pole");
      if (rule->fastest_lap_top < 0)
        fuzz_fail ("fastest_lap top %d", rule->fastest_lap_top);
    }
  if (champ->counting.n_parts > G_N_ELEMENTS (champ->counting.parts))
    fuzz_fail ("%u counting parts", champ->counting.n_parts);
  for (guint p = 0; p < champ->counting.n_parts; p++)
    if (champ->counting.parts[p].rounds < 0 || champ->counting.parts[p].best < 0)
      fuzz_fail ("counting part %u: %d rounds, best %d", p, champ->counting.parts[p].rounds,
                 champ->counting.parts[p].best);
  if (champ->shared_cars > PD_SHARED_CARS_FULL)
    fuzz_fail ("shared_cars %d", champ->shared_cars);
}

static void
check_rules (const PdRules *rules)
{
  if (rules->id == NULL || *rules->id == '\0' || rules->name == NULL || *rules->name == '\0' ||
      rules->source == NULL)
    fuzz_fail ("accepted without an id, a name or a source string");
  if (!g_utf8_validate (rules->id, -1, NULL) || !g_utf8_validate (rules->name, -1, NULL))
    fuzz_fail ("id or name not UTF-8");
  check_championship (&rules->drivers);
  check_championship (&rules->teams);
  if (rules->tie_break > PD_TIE_BREAK_SHARED)
    fuzz_fail ("tie_break %d", rules->tie_break);

  for (guint i = 0; i < rules->multipliers->len; i++)
    {
      const PdMultiplier *m = &g_array_index (rules->multipliers, PdMultiplier, i);

      if (m->round < 1 || (guint) m->kind >= PD_N_SESSION_KINDS)
        fuzz_fail ("multiplier %u: round %d, kind %d", i, m->round, m->kind);
      check_points (m->factor, "factor");
    }
  for (guint i = 0; i < rules->shortened->len; i++)
    {
      const PdShortenedScale *s = &g_array_index (rules->shortened, PdShortenedScale, i);

      if (s->below_percent < 1 || s->below_percent > 100 || s->min_laps < 0)
        fuzz_fail ("scale %u: below %d %%, %d laps", i, s->below_percent, s->min_laps);
      check_table (s->table, s->n_table, "shortened table");
    }
  for (guint i = 0; i < rules->ineligible->len; i++)
    {
      const PdIneligible *e = &g_array_index (rules->ineligible, PdIneligible, i);

      if (e->round < 1 || e->driver == NULL || *e->driver == '\0' || (guint) e->kind >= PD_N_SESSION_KINDS)
        fuzz_fail ("ineligible %u", i);
    }
  for (guint i = 0; i < rules->drivers_only->len; i++)
    {
      const PdDriversOnly *d = &g_array_index (rules->drivers_only, PdDriversOnly, i);

      if (d->round < 1 || (guint) d->kind >= PD_N_SESSION_KINDS)
        fuzz_fail ("drivers_only %u", i);
    }
  for (guint i = 0; i < rules->adjustments->len; i++)
    {
      const PdAdjustment *a = &g_array_index (rules->adjustments, PdAdjustment, i);

      if (a->id == NULL || *a->id == '\0' || a->round < 0 ||
          (a->kind != PD_ADJUSTMENT_DEDUCT && a->kind != PD_ADJUSTMENT_EXCLUDE))
        fuzz_fail ("adjustment %u", i);
      check_points (a->points, "deduction");
    }
}

/* Reading the same bytes twice gives the same rules. */
static void
check_same (const PdRules *a,
            const PdRules *b)
{
  if (g_strcmp0 (a->id, b->id) != 0 || g_strcmp0 (a->name, b->name) != 0 ||
      g_strcmp0 (a->source, b->source) != 0 || a->tie_break != b->tie_break ||
      a->multipliers->len != b->multipliers->len || a->shortened->len != b->shortened->len ||
      a->ineligible->len != b->ineligible->len || a->drivers_only->len != b->drivers_only->len ||
      a->adjustments->len != b->adjustments->len ||
      a->drivers.shared_cars != b->drivers.shared_cars || a->teams.enabled != b->teams.enabled ||
      a->drivers.counting.n_parts != b->drivers.counting.n_parts)
    fuzz_fail ("the same file read twice gave different rules");
  for (guint k = 0; k < PD_N_SESSION_KINDS; k++)
    {
      const PdSessionRule *ra = &a->drivers.sessions[k];
      const PdSessionRule *rb = &b->drivers.sessions[k];

      if (ra->enabled != rb->enabled || ra->n_table != rb->n_table ||
          (ra->n_table > 0 && memcmp (ra->table, rb->table, ra->n_table * sizeof (PdPoints)) != 0))
        fuzz_fail ("the same file read twice gave different tables");
    }
}

static PdScoreResult *
add (PdScoreSession *session,
     const char     *entry,
     const char     *team,
     const char     *class_id,
     const char     *drivers,
     int             position)
{
  g_auto(GStrv) ids = g_strsplit (drivers, ",", -1);
  g_autofree char *result_id = g_strdup_printf ("%s.%u", session->session_id, session->results->len);

  return pd_score_session_add_result (session, result_id, entry, team, class_id,
                                      (const char * const *) ids, position);
}

/* Three rounds with race, sprint and qualifying; two classes; a car
 * shared 1950s style (two results, one car_key) and one GT style (one
 * result, two drivers); a driver with two cars in one race; fastest laps
 * tied; a pole; a race stopped at 40 %. Driver and team ids are those a
 * rules file is likely to name (the corpus uses them). */
static PdScoreSeason *
make_season (void)
{
  PdScoreSeason *season = pd_score_season_new ();

  for (int r = 1; r <= 3; r++)
    {
      PdScoreRound *round = pd_score_season_add_round (season, r);
      g_autofree char *race_id = g_strdup_printf ("r%d.race", r);
      g_autofree char *sprint_id = g_strdup_printf ("r%d.sprint", r);
      g_autofree char *qualifying_id = g_strdup_printf ("r%d.qualifying", r);
      PdScoreSession *race = pd_score_round_add_session (round, race_id, PD_SESSION_KIND_RACE);
      PdScoreSession *sprint = pd_score_round_add_session (round, sprint_id, PD_SESSION_KIND_SPRINT);
      PdScoreSession *qualifying = pd_score_round_add_session (round, qualifying_id, PD_SESSION_KIND_QUALIFYING);
      PdScoreResult *result;

      if (r == 2)
        {
          race->completed_percent = 40;
          race->completed_laps = 20;
        }

      result = add (race, "e1", "mclaren", "pro", "schumacher", r == 3 ? 2 : 1);
      result->grid = 1;
      result->fastest_lap = TRUE;
      result = add (race, "e2", "ferrari", "pro", "hill", r == 3 ? 1 : 2);
      result->fastest_lap = r != 1;
      result = add (race, "e3", "lotus", "am", "musso", 3);
      result->car_key = g_strdup ("shared");
      result->class_position = 1;
      result = add (race, "e3", "lotus", "am", "fangio", 3);
      result->car_key = g_strdup ("shared");
      result = add (race, "e4", "lotus", "am", "oliver,berger", 4);
      result->fastest_lap = TRUE;
      add (race, "e5", "tyrrell", "pro", "fangio", 5);
      add (race, "e6", NULL, NULL, "x", 0);
      for (int p = 6; p <= 12; p++)
        {
          g_autofree char *driver = g_strdup_printf ("d%d", p);
          add (race, driver, p % 2 ? "ferrari" : "williams", p % 3 ? "pro" : "am", driver, p);
        }

      add (sprint, "e2", "ferrari", "pro", "hill", 1);
      add (sprint, "e1", "mclaren", "pro", "schumacher", 2);
      add (sprint, "e4", "lotus", "am", "oliver,berger", 3);

      add (qualifying, "e4", "lotus", "am", "oliver,berger", 1);
      add (qualifying, "e1", "mclaren", "pro", "schumacher", 2);
    }
  return season;
}

static void
check_standings (const PdRules       *rules,
                 const PdScoreSeason *season,
                 PdStandingsKind      kind,
                 const char          *class_id,
                 int                  after_round)
{
  g_autoptr(GPtrArray) rows = pd_standings_compute (rules, season, kind, class_id, after_round);
  int last_position = 0;

  if (rows == NULL)
    fuzz_fail ("no standings");
  for (guint i = 0; i < rows->len; i++)
    {
      PdStandingsRow *row = rows->pdata[i];

      check_points (row->points, "row points");
      check_points (row->gross, "row gross");
      if (row->excluded)
        {
          if (row->position != 0)
            fuzz_fail ("excluded row %s at position %d", row->id, row->position);
          continue;
        }
      if (row->position < 1 || row->position > (int) i + 1 || row->position < last_position)
        fuzz_fail ("row %s at position %d after %d", row->id, row->position, last_position);
      last_position = row->position;
      for (guint s = 0; s < row->scores->len; s++)
        check_points (g_array_index (row->scores, PdStandingsScore, s).points, "score");
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdRules) rules = NULL;
  g_autoptr(PdRules) again = NULL;
  g_autoptr(PdScoreSeason) season = NULL;

  fuzz_init_logging ();

  /* Rules files are small; megabytes of input only measure json-glib. */
  if (size > 256 * 1024)
    return 0;

  rules = pd_rules_parse ((const char *) data, size, &error);
  /* PADDOCK_FUZZ_VERBOSE=1 says what became of each input, to check
   * that the corpus holds the accepted and refused files it means to. */
  if (g_getenv ("PADDOCK_FUZZ_VERBOSE") != NULL)
    g_printerr ("%s\n", rules != NULL ? "accepted" : error != NULL ? error->message : "refused");
  if (rules == NULL)
    {
      if (error == NULL || error->domain != PD_RULES_ERROR || error->message == NULL ||
          !g_utf8_validate (error->message, -1, NULL))
        fuzz_fail ("refused without a proper error");
      return 0;
    }
  if (error != NULL)
    fuzz_fail ("accepted with an error: %s", error->message);

  check_rules (rules);

  again = pd_rules_parse ((const char *) data, size, NULL);
  if (again == NULL)
    fuzz_fail ("accepted once, refused the second time");
  check_same (rules, again);

  season = make_season ();
  check_standings (rules, season, PD_STANDINGS_DRIVERS, NULL, 0);
  check_standings (rules, season, PD_STANDINGS_DRIVERS, "am", 0);
  check_standings (rules, season, PD_STANDINGS_DRIVERS, NULL, 2);
  check_standings (rules, season, PD_STANDINGS_TEAMS, NULL, 0);
  check_standings (rules, season, PD_STANDINGS_TEAMS, "pro", 1);
  check_standings (rules, season, PD_STANDINGS_ENTRIES, NULL, 0);

  return 0;
}
