/* Tests of the points rules reader (pd-rules.c, format in
 * docs/rules-format.md): what a file with every feature gives, the
 * defaults of a minimal one, the shipped presets, and that every kind of
 * error is refused with the place of the problem named in the message.
 *
 * Each test runs in a child process of its own, so that one failed
 * assertion fails that test only and the others still run and report. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pd-rules.h"
#include "pd-test.h"

/* A file with one of everything. Each error case below changes one spot
 * of it, found by a piece of text that occurs exactly once. */
static const char base_document[] =
  "{\n"
  "  \"format\": \"paddock-rules\",\n"
  "  \"version\": 1,\n"
  "  \"_comment\": \"Every feature of the format, for the test.\",\n"
  "  \"id\": \"test-everything\",\n"
  "  \"name\": \"Test Everything\",\n"
  "  \"source\": \"Written for test-rules.c\",\n"
  "  \"drivers\": {\n"
  "    \"race\": {\n"
  "      \"points\": [25, 18, \"15\", \"4.5\", \"1/7\", -1],\n"
  "      \"per_class\": true,\n"
  "      \"fastest_lap\": {\"points\": 1, \"top\": 10},\n"
  "      \"pole\": {\"points\": \"1/2\"}\n"
  "    },\n"
  "    \"sprint\": {\"points\": [8, 7, 6, 5, 4, 3, 2, 1]},\n"
  "    \"qualifying\": {\"points\": [3], \"per_class\": false},\n"
  "    \"practice\": {\"points\": []},\n"
  "    \"warm-up\": {\"points\": [2], \"fastest_lap\": {\"points\": \"0.25\"}},\n"
  "    \"shared_cars\": \"full\",\n"
  "    \"counting\": {\"parts\": [{\"rounds\": 6, \"best\": 5}, {\"best\": 4}]}\n"
  "  },\n"
  "  \"teams\": {\n"
  "    \"enabled\": true,\n"
  "    \"best_car_only\": true,\n"
  "    \"fastest_lap\": false,\n"
  "    \"race\": {\"points\": [8, 6, 4, 3, 2, 1]},\n"
  "    \"counting\": {\"best\": 11}\n"
  "  },\n"
  "  \"tie_break\": \"shared\",\n"
  "  \"multipliers\": [\n"
  "    {\"round\": 3, \"session\": \"race\", \"factor\": 2, \"source\": \"Double points in the last race\"},\n"
  "    {\"round\": 4, \"factor\": \"1/2\", \"bonuses\": false, \"source\": \"Stopped before 75 %\"},\n"
  "    {\"round\": 5, \"session\": \"sprint\", \"factor\": \"1.5\", \"bonuses\": true, \"source\": \"A sprint worth more\"}\n"
  "  ],\n"
  "  \"shortened\": [\n"
  "    {\"below_percent\": 25, \"min_laps\": 2, \"points\": [6, 4, 3, 2, 1]},\n"
  "    {\"below_percent\": 50, \"points\": [13, 10, 8, 6, 5, 4, 3, 2, 1]}\n"
  "  ],\n"
  "  \"ineligible\": [\n"
  "    {\"round\": 6, \"driver\": \"oliver\", \"pass_down\": true, \"source\": \"A Formula 2 car\"},\n"
  "    {\"round\": 7, \"session\": \"sprint\", \"driver\": \"berger\", \"source\": \"Not nominated\"}\n"
  "  ],\n"
  "  \"drivers_only\": [\n"
  "    {\"round\": 2, \"session\": \"race\", \"source\": \"The Indianapolis 500\"}\n"
  "  ],\n"
  "  \"adjustments\": [\n"
  "    {\"championship\": \"teams\", \"id\": \"mclaren\", \"kind\": \"deduct\", \"points\": 10, \"round\": 9, \"source\": \"A court decision\"},\n"
  "    {\"championship\": \"drivers\", \"id\": \"schumacher\", \"kind\": \"exclude\", \"source\": \"A World Council decision\"},\n"
  "    {\"championship\": \"teams\", \"id\": \"tyrrell\", \"kind\": \"deduct\", \"points\": \"2.5\", \"round\": 0, \"source\": \"A stewards' decision\"}\n"
  "  ]\n"
  "}\n";

static const char minimal_document[] =
  "{\"format\": \"paddock-rules\", \"version\": 1, \"id\": \"minimal\", \"name\": \"Minimal\","
  " \"drivers\": {\"race\": {\"points\": [10, 6, 4, 3, 2, 1]}}}";

/* @document with the only occurrence of @find replaced by @replace. */
static char *
edit_document (const char *document,
               const char *find,
               const char *replace)
{
  const char *at = strstr (document, find);
  GString *out;

  g_assert_nonnull (at);
  /* The text to find is unique, so that the edit is the intended one. */
  g_assert_null (strstr (at + 1, find));

  out = g_string_new_len (document, at - document);
  g_string_append (out, replace);
  g_string_append (out, at + strlen (find));
  return g_string_free (out, FALSE);
}

static PdRules *
parse_ok (const char *document)
{
  g_autoptr(GError) error = NULL;
  PdRules *rules = pd_rules_parse (document, strlen (document), &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  return rules;
}

#define assert_points(p, n, d) \
  G_STMT_START { \
    PdPoints _p = (p); \
    g_assert_cmpint (_p.num, ==, (n)); \
    g_assert_cmpint (_p.den, ==, (d)); \
  } G_STMT_END

/* Valid files */

static void
test_full (gconstpointer data)
{
  g_autoptr(PdRules) rules = parse_ok (base_document);
  const PdSessionRule *race = &rules->drivers.sessions[PD_SESSION_KIND_RACE];
  const PdSessionRule *sprint = &rules->drivers.sessions[PD_SESSION_KIND_SPRINT];
  const PdSessionRule *qualifying = &rules->drivers.sessions[PD_SESSION_KIND_QUALIFYING];
  const PdSessionRule *practice = &rules->drivers.sessions[PD_SESSION_KIND_PRACTICE];
  const PdSessionRule *warm_up = &rules->drivers.sessions[PD_SESSION_KIND_WARM_UP];
  const PdSessionRule *team_race = &rules->teams.sessions[PD_SESSION_KIND_RACE];
  const PdMultiplier *m;
  const PdShortenedScale *scale;
  const PdIneligible *ineligible;
  const PdDriversOnly *drivers_only;
  const PdAdjustment *adjustment;

  g_assert_cmpstr (rules->id, ==, "test-everything");
  g_assert_cmpstr (rules->name, ==, "Test Everything");
  g_assert_cmpstr (rules->source, ==, "Written for test-rules.c");

  /* The drivers' race: whole numbers, text numbers, a fraction, a
   * negative value; per class; both bonuses. */
  g_assert_true (rules->drivers.enabled);
  g_assert_true (race->enabled);
  g_assert_cmpuint (race->n_table, ==, 6);
  assert_points (race->table[0], 25, 1);
  assert_points (race->table[1], 18, 1);
  assert_points (race->table[2], 15, 1);
  assert_points (race->table[3], 9, 2);
  assert_points (race->table[4], 1, 7);
  assert_points (race->table[5], -1, 1);
  g_assert_true (race->per_class);
  assert_points (race->fastest_lap, 1, 1);
  g_assert_cmpint (race->fastest_lap_top, ==, 10);
  assert_points (race->pole, 1, 2);

  /* Each kind of session goes to its own slot. */
  g_assert_true (sprint->enabled);
  g_assert_cmpuint (sprint->n_table, ==, 8);
  assert_points (sprint->table[0], 8, 1);
  assert_points (sprint->table[7], 1, 1);
  g_assert_false (sprint->per_class);
  g_assert_true (pd_points_is_zero (sprint->fastest_lap));
  g_assert_true (pd_points_is_zero (sprint->pole));

  g_assert_true (qualifying->enabled);
  g_assert_cmpuint (qualifying->n_table, ==, 1);
  assert_points (qualifying->table[0], 3, 1);
  g_assert_false (qualifying->per_class);

  /* An empty table: the session is scored (for bonuses) but gives no
   * position points. */
  g_assert_true (practice->enabled);
  g_assert_cmpuint (practice->n_table, ==, 0);

  g_assert_true (warm_up->enabled);
  g_assert_cmpuint (warm_up->n_table, ==, 1);
  assert_points (warm_up->table[0], 2, 1);
  assert_points (warm_up->fastest_lap, 1, 4);
  g_assert_cmpint (warm_up->fastest_lap_top, ==, 0);

  g_assert_cmpint (rules->drivers.shared_cars, ==, PD_SHARED_CARS_FULL);
  g_assert_cmpuint (rules->drivers.counting.n_parts, ==, 2);
  g_assert_cmpint (rules->drivers.counting.parts[0].rounds, ==, 6);
  g_assert_cmpint (rules->drivers.counting.parts[0].best, ==, 5);
  g_assert_cmpint (rules->drivers.counting.parts[1].rounds, ==, 0);
  g_assert_cmpint (rules->drivers.counting.parts[1].best, ==, 4);

  /* The teams: their own table and counting. */
  g_assert_true (rules->teams.enabled);
  g_assert_true (rules->teams.best_car_only);
  g_assert_false (rules->teams.fastest_lap);
  g_assert_true (team_race->enabled);
  g_assert_cmpuint (team_race->n_table, ==, 6);
  assert_points (team_race->table[0], 8, 1);
  g_assert_false (rules->teams.sessions[PD_SESSION_KIND_SPRINT].enabled);
  g_assert_cmpuint (rules->teams.counting.n_parts, ==, 1);
  g_assert_cmpint (rules->teams.counting.parts[0].rounds, ==, 0);
  g_assert_cmpint (rules->teams.counting.parts[0].best, ==, 11);

  g_assert_cmpint (rules->tie_break, ==, PD_TIE_BREAK_SHARED);

  /* Multipliers: the session defaults to the race; bonuses to true. */
  g_assert_cmpuint (rules->multipliers->len, ==, 3);
  m = &g_array_index (rules->multipliers, PdMultiplier, 0);
  g_assert_cmpint (m->round, ==, 3);
  g_assert_cmpint (m->kind, ==, PD_SESSION_KIND_RACE);
  assert_points (m->factor, 2, 1);
  g_assert_false (m->no_bonus);
  m = &g_array_index (rules->multipliers, PdMultiplier, 1);
  g_assert_cmpint (m->round, ==, 4);
  g_assert_cmpint (m->kind, ==, PD_SESSION_KIND_RACE);
  assert_points (m->factor, 1, 2);
  g_assert_true (m->no_bonus);
  m = &g_array_index (rules->multipliers, PdMultiplier, 2);
  g_assert_cmpint (m->round, ==, 5);
  g_assert_cmpint (m->kind, ==, PD_SESSION_KIND_SPRINT);
  assert_points (m->factor, 3, 2);
  g_assert_false (m->no_bonus);

  /* Graded scales; min_laps defaults to 0. */
  g_assert_cmpuint (rules->shortened->len, ==, 2);
  scale = &g_array_index (rules->shortened, PdShortenedScale, 0);
  g_assert_cmpint (scale->below_percent, ==, 25);
  g_assert_cmpint (scale->min_laps, ==, 2);
  g_assert_cmpuint (scale->n_table, ==, 5);
  assert_points (scale->table[0], 6, 1);
  scale = &g_array_index (rules->shortened, PdShortenedScale, 1);
  g_assert_cmpint (scale->below_percent, ==, 50);
  g_assert_cmpint (scale->min_laps, ==, 0);
  g_assert_cmpuint (scale->n_table, ==, 9);
  assert_points (scale->table[8], 1, 1);

  /* Ineligible finishers: pass_down defaults to false. */
  g_assert_cmpuint (rules->ineligible->len, ==, 2);
  ineligible = &g_array_index (rules->ineligible, PdIneligible, 0);
  g_assert_cmpint (ineligible->round, ==, 6);
  g_assert_cmpint (ineligible->kind, ==, PD_SESSION_KIND_RACE);
  g_assert_cmpstr (ineligible->driver, ==, "oliver");
  g_assert_true (ineligible->pass_down);
  ineligible = &g_array_index (rules->ineligible, PdIneligible, 1);
  g_assert_cmpint (ineligible->round, ==, 7);
  g_assert_cmpint (ineligible->kind, ==, PD_SESSION_KIND_SPRINT);
  g_assert_cmpstr (ineligible->driver, ==, "berger");
  g_assert_false (ineligible->pass_down);

  g_assert_cmpuint (rules->drivers_only->len, ==, 1);
  drivers_only = &g_array_index (rules->drivers_only, PdDriversOnly, 0);
  g_assert_cmpint (drivers_only->round, ==, 2);
  g_assert_cmpint (drivers_only->kind, ==, PD_SESSION_KIND_RACE);

  /* Adjustments: round defaults to 0, the whole season. */
  g_assert_cmpuint (rules->adjustments->len, ==, 3);
  adjustment = &g_array_index (rules->adjustments, PdAdjustment, 0);
  g_assert_true (adjustment->teams);
  g_assert_cmpstr (adjustment->id, ==, "mclaren");
  g_assert_cmpint (adjustment->kind, ==, PD_ADJUSTMENT_DEDUCT);
  assert_points (adjustment->points, 10, 1);
  g_assert_cmpint (adjustment->round, ==, 9);
  adjustment = &g_array_index (rules->adjustments, PdAdjustment, 1);
  g_assert_false (adjustment->teams);
  g_assert_cmpstr (adjustment->id, ==, "schumacher");
  g_assert_cmpint (adjustment->kind, ==, PD_ADJUSTMENT_EXCLUDE);
  g_assert_cmpint (adjustment->round, ==, 0);
  adjustment = &g_array_index (rules->adjustments, PdAdjustment, 2);
  g_assert_true (adjustment->teams);
  g_assert_cmpstr (adjustment->id, ==, "tyrrell");
  assert_points (adjustment->points, 5, 2);
  g_assert_cmpint (adjustment->round, ==, 0);
}

/* What a file leaves out. */
static void
test_minimal (gconstpointer data)
{
  g_autoptr(PdRules) rules = parse_ok (minimal_document);

  g_assert_cmpstr (rules->id, ==, "minimal");
  g_assert_cmpstr (rules->name, ==, "Minimal");
  g_assert_nonnull (rules->source);
  g_assert_cmpstr (rules->source, ==, "");

  g_assert_true (rules->drivers.enabled);
  g_assert_true (rules->drivers.sessions[PD_SESSION_KIND_RACE].enabled);
  g_assert_false (rules->drivers.sessions[PD_SESSION_KIND_RACE].per_class);
  g_assert_false (rules->drivers.sessions[PD_SESSION_KIND_SPRINT].enabled);
  g_assert_false (rules->drivers.sessions[PD_SESSION_KIND_QUALIFYING].enabled);
  g_assert_cmpint (rules->drivers.shared_cars, ==, PD_SHARED_CARS_SPLIT);
  g_assert_cmpuint (rules->drivers.counting.n_parts, ==, 0);

  /* No "teams": no teams' championship. */
  g_assert_false (rules->teams.enabled);

  g_assert_cmpint (rules->tie_break, ==, PD_TIE_BREAK_COUNTBACK);
  g_assert_cmpuint (rules->multipliers->len, ==, 0);
  g_assert_cmpuint (rules->shortened->len, ==, 0);
  g_assert_cmpuint (rules->ineligible->len, ==, 0);
  g_assert_cmpuint (rules->drivers_only->len, ==, 0);
  g_assert_cmpuint (rules->adjustments->len, ==, 0);
}

/* Every PdPoints the reader gives keeps the type's promise of a positive
 * denominator, also where the file says nothing: an absent bonus is
 * PD_POINTS_ZERO (0/1), not 0/0, which pd_points_format() would show as
 * "-nan" and any arithmetic would turn into a division by zero. */
static void
test_absent_bonus_is_zero (gconstpointer data)
{
  g_autoptr(PdRules) rules = parse_ok (minimal_document);

  for (guint k = 0; k < PD_N_SESSION_KINDS; k++)
    {
      g_test_message ("session kind %u", k);
      assert_points (rules->drivers.sessions[k].fastest_lap, 0, 1);
      assert_points (rules->drivers.sessions[k].pole, 0, 1);
      assert_points (rules->teams.sessions[k].fastest_lap, 0, 1);
      assert_points (rules->teams.sessions[k].pole, 0, 1);
    }
}

/* "teams": {} is a teams' championship with the drivers' tables, all
 * cars scoring, fastest laps counting. */
static void
test_teams_defaults (gconstpointer data)
{
  g_autofree char *document = edit_document (minimal_document, "}}}", "}}, \"teams\": {}}");
  g_autoptr(PdRules) rules = parse_ok (document);

  g_assert_true (rules->teams.enabled);
  g_assert_false (rules->teams.best_car_only);
  g_assert_true (rules->teams.fastest_lap);
  g_assert_false (rules->teams.sessions[PD_SESSION_KIND_RACE].enabled);
  g_assert_cmpuint (rules->teams.counting.n_parts, ==, 0);
}

/* "counting": {} and an empty list are all results counted. */
static void
test_counting_variants (gconstpointer data)
{
  g_autofree char *all = edit_document (minimal_document, "}}}", "}, \"counting\": {}}}");
  g_autofree char *best = edit_document (minimal_document, "}}}", "}, \"counting\": {\"best\": 11}}}");
  g_autofree char *parts = edit_document (minimal_document, "}}}",
                                          "}, \"counting\": {\"parts\": [{\"rounds\": 7, \"best\": 4},"
                                          " {\"rounds\": 8, \"best\": 4}, {\"rounds\": 1}, {\"best\": 0}]}}}");
  g_autoptr(PdRules) r_all = parse_ok (all);
  g_autoptr(PdRules) r_best = parse_ok (best);
  g_autoptr(PdRules) r_parts = parse_ok (parts);

  g_assert_cmpuint (r_all->drivers.counting.n_parts, ==, 0);
  g_assert_cmpuint (r_best->drivers.counting.n_parts, ==, 1);
  g_assert_cmpint (r_best->drivers.counting.parts[0].best, ==, 11);
  g_assert_cmpint (r_best->drivers.counting.parts[0].rounds, ==, 0);
  /* Four parts, the most there can be (1979: 7:4 | 8:4). */
  g_assert_cmpuint (r_parts->drivers.counting.n_parts, ==, 4);
  g_assert_cmpint (r_parts->drivers.counting.parts[1].rounds, ==, 8);
  g_assert_cmpint (r_parts->drivers.counting.parts[2].best, ==, 0);
}

/* Every shipped preset is read, and the list holds every F1 season. */
static void
test_presets (gconstpointer data)
{
  g_auto(GStrv) ids = pd_rules_list_presets ();
  guint n = g_strv_length (ids);

  g_assert_cmpuint (n, >=, 76 + 4);
  for (int year = 1950; year <= 2025; year++)
    {
      g_autofree char *id = g_strdup_printf ("f1-%d", year);

      if (!g_strv_contains ((const char * const *) ids, id))
        g_error ("no preset %s", id);
    }
  g_assert_true (g_strv_contains ((const char * const *) ids, "gt4-european"));

  /* Sorted. */
  for (guint i = 1; i < n; i++)
    g_assert_cmpint (strcmp (ids[i - 1], ids[i]), <, 0);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PdRules) rules = pd_rules_load_preset (ids[i], &error);

      g_test_message ("preset %s", ids[i]);
      g_assert_no_error (error);
      g_assert_nonnull (rules);
      g_assert_cmpstr (rules->id, ==, ids[i]);
      /* Every decision in a preset names its source (the reader makes
       * sure), and the preset itself says where its rules come from. */
      g_assert_cmpstr (rules->source, !=, "");
    }
}

/* The writer gives back what the reader takes: every preset and the file
 * with every feature, written, read and written again, give the same
 * text, the same rules in sentences, and the sources of every decision. */
static void
check_round_trip (const PdRules *rules)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *first = pd_rules_to_json (rules);
  g_autoptr(PdRules) again = pd_rules_parse (first, strlen (first), &error);
  g_autofree char *second = NULL;
  g_auto(GStrv) before = NULL;
  g_auto(GStrv) after = NULL;

  g_assert_no_error (error);
  second = pd_rules_to_json (again);
  g_assert_cmpstr (first, ==, second);

  before = pd_rules_describe (rules);
  after = pd_rules_describe (again);
  g_assert_cmpuint (g_strv_length (before), ==, g_strv_length (after));
  for (guint i = 0; before[i] != NULL; i++)
    g_assert_cmpstr (before[i], ==, after[i]);

  g_assert_cmpuint (again->adjustments->len, ==, rules->adjustments->len);
  for (guint i = 0; i < rules->adjustments->len; i++)
    g_assert_cmpstr (g_array_index (again->adjustments, PdAdjustment, i).source, ==,
                     g_array_index (rules->adjustments, PdAdjustment, i).source);
  g_assert_cmpuint (again->multipliers->len, ==, rules->multipliers->len);
  for (guint i = 0; i < rules->multipliers->len; i++)
    g_assert_cmpint (pd_points_compare (g_array_index (again->multipliers, PdMultiplier, i).factor,
                                        g_array_index (rules->multipliers, PdMultiplier, i).factor), ==, 0);
  g_assert_cmpint (again->teams.enabled, ==, rules->teams.enabled);
  g_assert_cmpint (again->drivers.counting.n_parts, ==, rules->drivers.counting.n_parts);
}

static void
test_write_presets (gconstpointer data)
{
  g_auto(GStrv) ids = pd_rules_list_presets ();

  for (guint i = 0; ids[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PdRules) rules = pd_rules_load_preset (ids[i], &error);

      g_test_message ("preset %s", ids[i]);
      g_assert_no_error (error);
      check_round_trip (rules);
    }
}

static void
test_write_everything (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdRules) rules = pd_rules_parse (base_document, strlen (base_document), &error);
  g_autofree char *json = NULL;

  g_assert_no_error (error);
  check_round_trip (rules);

  /* Exact points stay exact: a seventh is written as a fraction. */
  json = pd_rules_to_json (rules);
  g_test_message ("%s", json);
  g_assert_nonnull (strstr (json, "\"source\" : \"Written for test-rules.c\""));
  g_assert_nonnull (strstr (json, "\"1/7\""));
  g_assert_nonnull (strstr (json, "\"4.5\""));
  g_assert_nonnull (strstr (json, "\"source\" : \"Stopped before 75 %\""));
}

static void
test_points_text (gconstpointer data)
{
  static const struct { gint64 num, den; const char *text; } cases[] = {
    { 25, 1, "25" }, { -10, 1, "-10" }, { 9, 2, "4.5" }, { 1, 4, "0.25" }, { -1, 2, "-0.5" },
    { 1, 7, "1/7" }, { 29, 7, "29/7" }, { 1, 3, "1/3" }, { 1, 1000, "0.001" }, { 0, 1, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PdPoints points = pd_points_new (cases[i].num, cases[i].den), back;
      g_autofree char *text = pd_points_to_text (points);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (pd_rules_parse_points (text, &back));
      g_assert_cmpint (pd_points_compare (points, back), ==, 0);
    }
}

/* A table as the app's editor takes it: places apart by spaces, exact
 * values, a comma as the decimal mark; a wrong place is named. */
static void
test_table_text (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree PdPoints *table = NULL;
  g_autofree char *text = NULL;
  guint n = 0;

  g_assert_true (pd_rules_parse_table (" 25 18  15 4,5 1/7 ", &table, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);
  g_assert_cmpint (pd_points_compare (table[3], pd_points_new (9, 2)), ==, 0);
  g_assert_cmpint (pd_points_compare (table[4], pd_points_new (1, 7)), ==, 0);
  text = pd_rules_format_table (table, n);
  g_assert_cmpstr (text, ==, "25 18 15 4.5 1/7");
  g_clear_pointer (&table, g_free);

  g_assert_true (pd_rules_parse_table ("", &table, &n, &error));
  g_assert_cmpuint (n, ==, 0);
  g_clear_pointer (&table, g_free);

  g_assert_false (pd_rules_parse_table ("25 18 ten 12", &table, &n, &error));
  g_assert_error (error, PD_RULES_ERROR, PD_RULES_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "3"));
  g_assert_nonnull (strstr (error->message, "ten"));
  g_assert_null (table);
  g_clear_error (&error);

  g_assert_false (pd_rules_parse_table ("25 1/0", &table, &n, &error));
  g_assert_nonnull (strstr (error->message, "1/0"));
  g_clear_error (&error);
  g_assert_false (pd_rules_parse_table ("1000000", &table, &n, &error));
  g_assert_nonnull (error);
}

/* Some presets, checked against data/README.md's table of eras. */
static void
test_preset_eras (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdRules) f1956 = pd_rules_load_preset ("f1-1956", &error);
  g_autoptr(PdRules) f1967 = NULL;
  g_autoptr(PdRules) f1961 = NULL;
  g_autoptr(PdRules) f2019 = NULL;

  g_assert_no_error (error);
  assert_points (f1956->drivers.sessions[PD_SESSION_KIND_RACE].table[0], 8, 1);
  assert_points (f1956->drivers.sessions[PD_SESSION_KIND_RACE].fastest_lap, 1, 1);
  g_assert_cmpint (f1956->drivers.shared_cars, ==, PD_SHARED_CARS_SPLIT);
  g_assert_cmpuint (f1956->drivers.counting.n_parts, ==, 1);
  g_assert_cmpint (f1956->drivers.counting.parts[0].best, ==, 5);

  f1967 = pd_rules_load_preset ("f1-1967", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f1967->drivers.shared_cars, ==, PD_SHARED_CARS_NONE);
  g_assert_cmpuint (f1967->drivers.counting.n_parts, ==, 2);
  g_assert_cmpint (f1967->drivers.counting.parts[0].rounds, ==, 6);
  g_assert_cmpint (f1967->drivers.counting.parts[0].best, ==, 5);
  g_assert_cmpint (f1967->drivers.counting.parts[1].best, ==, 4);
  g_assert_true (f1967->teams.best_car_only);

  f1961 = pd_rules_load_preset ("f1-1961", &error);
  g_assert_no_error (error);
  assert_points (f1961->drivers.sessions[PD_SESSION_KIND_RACE].table[0], 9, 1);
  g_assert_true (f1961->teams.enabled);
  assert_points (f1961->teams.sessions[PD_SESSION_KIND_RACE].table[0], 8, 1);

  f2019 = pd_rules_load_preset ("f1-2019", &error);
  g_assert_no_error (error);
  g_assert_cmpint (f2019->drivers.sessions[PD_SESSION_KIND_RACE].fastest_lap_top, ==, 10);
  g_assert_true (f2019->teams.fastest_lap);
}

static void
test_preset_unknown (gconstpointer data)
{
  static const char * const ids[] = { "no-such-rules", "../rules/f1-1950", "f1-1950/", "" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PdRules) rules = pd_rules_load_preset (ids[i], &error);

      g_assert_null (rules);
      g_assert_error (error, PD_RULES_ERROR, PD_RULES_ERROR_VALUE);
    }
}

/* Parsing does not depend on a terminating NUL: only @length bytes are
 * read. */
static void
test_length (gconstpointer data)
{
  g_autofree char *padded = g_strconcat (minimal_document, "garbage that is not JSON", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdRules) rules = pd_rules_parse (padded, strlen (minimal_document), &error);

  g_assert_no_error (error);
  g_assert_nonnull (rules);
  g_clear_pointer (&rules, pd_rules_free);

  /* An empty file: json-glib reads it as a document without a root, so
   * it is refused as "not an object" rather than as a syntax error. */
  rules = pd_rules_parse ("", 0, &error);
  g_assert_null (rules);
  g_assert_nonnull (error);
  g_assert_true (g_error_matches (error, PD_RULES_ERROR, PD_RULES_ERROR_SYNTAX) ||
                 g_error_matches (error, PD_RULES_ERROR, PD_RULES_ERROR_FORMAT));
}

/* Errors */

typedef struct {
  const char *name;
  const char *find;         /* in base_document */
  const char *replace;
  int         code;
  const char *place;        /* (nullable) must appear in the message, as a whole */
  const char *also;         /* (nullable) must appear in the message too */
  gboolean    minimal;      /* edit minimal_document instead */
} ErrorCase;

#define ADJ0 "{\"championship\": \"teams\", \"id\": \"mclaren\", \"kind\": \"deduct\", \"points\": 10, \"round\": 9, "
#define MUL0 "{\"round\": 3, \"session\": \"race\", \"factor\": 2, "
#define PARTS "{\"parts\": [{\"rounds\": 6, \"best\": 5}, {\"best\": 4}]}"

static const ErrorCase error_cases[] = {
  /* Not a rules file at all. */
  { "not-json", "\"version\": 1,", "\"version\": 1 oops,", PD_RULES_ERROR_SYNTAX, NULL, NULL },
  { "not-utf8", "\"Test Everything\"", "\"Test \xff\xfe Everything\"", PD_RULES_ERROR_SYNTAX, NULL, NULL },
  { "wrong-format", "\"format\": \"paddock-rules\"", "\"format\": \"paddock-season\"",
    PD_RULES_ERROR_FORMAT, "format", NULL },
  { "format-not-text", "\"format\": \"paddock-rules\"", "\"format\": 1", PD_RULES_ERROR_FORMAT, "format", NULL },
  { "no-format", "\"format\": \"paddock-rules\",", "", PD_RULES_ERROR_FORMAT, "format", NULL },
  { "newer-version", "\"version\": 1", "\"version\": 2", PD_RULES_ERROR_VERSION, NULL, "2" },
  { "version-not-a-number", "\"version\": 1", "\"version\": \"1\"", PD_RULES_ERROR_FORMAT, "version", NULL },
  { "version-zero", "\"version\": 1", "\"version\": 0", PD_RULES_ERROR_FORMAT, "version", NULL },
  { "no-version", "\"version\": 1,", "", PD_RULES_ERROR_FORMAT, "version", NULL },

  /* Unknown members, at every level. A root member is named as it is
   * written, as the season reader and the rest of this reader do
   * ("format", "tie_break"). */
  { "unknown-top-level-field", "\"_comment\":", "\"colour\": \"red\", \"_comment\":",
    PD_RULES_ERROR_FORMAT, "colour", NULL },
  { "unknown-drivers-field", "\"shared_cars\": \"full\"", "\"shared_cars\": \"full\", \"enabled\": true",
    PD_RULES_ERROR_FORMAT, "drivers.enabled", NULL },
  { "unknown-teams-field", "\"best_car_only\": true,", "\"best_car_only\": true, \"shared_cars\": \"split\",",
    PD_RULES_ERROR_FORMAT, "teams.shared_cars", NULL },
  { "unknown-session-field", "\"per_class\": true,", "\"per_class\": true, \"perclass\": true,",
    PD_RULES_ERROR_FORMAT, "drivers.race.perclass", NULL },
  { "unknown-session-kind", "\"sprint\": {\"points\"", "\"feature\": {\"points\"",
    PD_RULES_ERROR_FORMAT, "drivers.feature", NULL },
  { "unknown-bonus-field", "{\"points\": 1, \"top\": 10}", "{\"points\": 1, \"top\": 10, \"split\": true}",
    PD_RULES_ERROR_FORMAT, "drivers.race.fastest_lap.split", NULL },
  { "unknown-counting-field", PARTS, "{\"worst\": 2}", PD_RULES_ERROR_FORMAT, "drivers.counting.worst", NULL },
  { "unknown-part-field", "{\"best\": 4}]", "{\"best\": 4, \"of\": 5}]",
    PD_RULES_ERROR_FORMAT, "drivers.counting.parts[1].of", NULL },
  { "unknown-item-field", "\"id\": \"schumacher\",", "\"id\": \"schumacher\", \"reason\": \"x\",",
    PD_RULES_ERROR_FORMAT, "adjustments[1].reason", NULL },
  { "unknown-shortened-field", "{\"below_percent\": 50,", "{\"below_percent\": 50, \"source\": \"x\",",
    PD_RULES_ERROR_FORMAT, "shortened[1].source", NULL },

  /* Required members and their types. */
  { "no-id", "\"id\": \"test-everything\",", "", PD_RULES_ERROR_VALUE, "id", NULL },
  { "empty-name", "\"name\": \"Test Everything\"", "\"name\": \"\"", PD_RULES_ERROR_VALUE, NULL, "name" },
  { "source-not-text", "\"source\": \"Written for test-rules.c\"", "\"source\": [\"x\"]",
    PD_RULES_ERROR_VALUE, NULL, "source" },
  { "no-drivers", ", \"drivers\": {\"race\": {\"points\": [10, 6, 4, 3, 2, 1]}}", "", PD_RULES_ERROR_FORMAT,
    "drivers", NULL, TRUE },
  { "drivers-not-object", "{\"race\": {\"points\": [10, 6, 4, 3, 2, 1]}}", "[]", PD_RULES_ERROR_FORMAT,
    "drivers", NULL, TRUE },
  { "teams-not-object", "}}}", "}}, \"teams\": []}", PD_RULES_ERROR_FORMAT, "teams", NULL, TRUE },
  { "multipliers-not-list", "}}}", "}}, \"multipliers\": {}}", PD_RULES_ERROR_FORMAT, "multipliers", NULL, TRUE },
  { "adjustments-not-list", "}}}", "}}, \"adjustments\": \"none\"}", PD_RULES_ERROR_FORMAT, "adjustments", NULL,
    TRUE },
  { "adjustment-not-object", "}}}", "}}, \"adjustments\": [[]]}", PD_RULES_ERROR_FORMAT, "adjustments[0]", NULL,
    TRUE },
  { "session-not-object", "\"sprint\": {\"points\": [8, 7, 6, 5, 4, 3, 2, 1]}", "\"sprint\": [8, 7, 6]",
    PD_RULES_ERROR_FORMAT, "drivers.sprint", NULL },
  { "no-table", "\"sprint\": {\"points\": [8, 7, 6, 5, 4, 3, 2, 1]}", "\"sprint\": {}",
    PD_RULES_ERROR_FORMAT, "drivers.sprint.points", NULL },
  { "table-not-list", "\"points\": [3]", "\"points\": 3", PD_RULES_ERROR_FORMAT, "drivers.qualifying.points", NULL },

  /* Points. */
  { "points-not-a-number", "\"15\"", "\"fifteen\"", PD_RULES_ERROR_VALUE, "drivers.race.points[2]", NULL },
  { "points-float", "\"15\"", "15.5", PD_RULES_ERROR_VALUE, "drivers.race.points[2]", NULL },
  { "points-null", "\"15\"", "null", PD_RULES_ERROR_VALUE, "drivers.race.points[2]", NULL },
  { "points-bool", "\"15\"", "true", PD_RULES_ERROR_VALUE, "drivers.race.points[2]", NULL },
  { "points-division-by-zero", "\"1/7\"", "\"1/0\"", PD_RULES_ERROR_VALUE, "drivers.race.points[4]", NULL },
  { "points-exponent", "\"1/7\"", "\"1e3\"", PD_RULES_ERROR_VALUE, "drivers.race.points[4]", NULL },
  { "points-too-big", "[25, 18,", "[1000000, 18,", PD_RULES_ERROR_VALUE, "drivers.race.points[0]", NULL },
  { "points-too-small", "[25, 18,", "[-1000000, 18,", PD_RULES_ERROR_VALUE, "drivers.race.points[0]", NULL },
  /* The most negative 64-bit number: refused, with no overflow on the
   * way (the test runs under UBSan too). */
  { "points-int64-min", "[25, 18,", "[-9223372036854775808, 18,", PD_RULES_ERROR_VALUE,
    "drivers.race.points[0]", NULL },
  /* The same bound for points written as text: a million, or a huge
   * fraction, is no championship's points, and would overflow the exact
   * arithmetic once multiplied and summed. */
  { "points-text-too-big", "[25, 18,", "[\"1000000\", 18,", PD_RULES_ERROR_VALUE, "drivers.race.points[0]", NULL },
  { "points-text-huge", "[25, 18,", "[\"999999999999\", 18,", PD_RULES_ERROR_VALUE, "drivers.race.points[0]", NULL },
  { "table-too-long", "\"points\": [2],",
    "\"points\": [1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,"
    "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,"
    "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,"
    "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1],",
    PD_RULES_ERROR_VALUE, "drivers.warm-up.points", NULL },
  { "bool-not-bool", "\"per_class\": true,", "\"per_class\": \"yes\",", PD_RULES_ERROR_VALUE,
    "drivers.race.per_class", NULL },

  /* Bonuses. */
  { "bonus-not-object", "\"pole\": {\"points\": \"1/2\"}", "\"pole\": 1", PD_RULES_ERROR_FORMAT,
    "drivers.race.pole", NULL },
  { "bonus-without-points", "{\"points\": 1, \"top\": 10}", "{\"top\": 10}", PD_RULES_ERROR_VALUE,
    "drivers.race.fastest_lap.points", NULL },
  { "bonus-bad-points", "{\"points\": \"1/2\"}", "{\"points\": \"half\"}", PD_RULES_ERROR_VALUE,
    "drivers.race.pole.points", NULL },
  { "bonus-top-negative", "{\"points\": 1, \"top\": 10}", "{\"points\": 1, \"top\": -1}", PD_RULES_ERROR_VALUE,
    "drivers.race.fastest_lap.top", NULL },
  { "bonus-top-text", "{\"points\": 1, \"top\": 10}", "{\"points\": 1, \"top\": \"10\"}", PD_RULES_ERROR_VALUE,
    "drivers.race.fastest_lap.top", NULL },
  /* The engine has no "top" condition for the pole bonus: accepting it
   * would drop a condition the file states. */
  { "pole-top-unsupported", "{\"points\": \"1/2\"}", "{\"points\": \"1/2\", \"top\": 10}", PD_RULES_ERROR_FORMAT,
    "drivers.race.pole.top", NULL },

  /* Shared cars and tie-break. */
  { "bad-shared-cars", "\"shared_cars\": \"full\"", "\"shared_cars\": \"half\"", PD_RULES_ERROR_VALUE,
    "drivers.shared_cars", NULL },
  { "shared-cars-not-text", "\"shared_cars\": \"full\"", "\"shared_cars\": true", PD_RULES_ERROR_VALUE,
    "drivers.shared_cars", NULL },
  { "bad-tie-break", "\"tie_break\": \"shared\"", "\"tie_break\": \"coin-toss\"", PD_RULES_ERROR_VALUE,
    "tie_break", NULL },
  { "tie-break-not-text", "\"tie_break\": \"shared\"", "\"tie_break\": 1", PD_RULES_ERROR_VALUE, "tie_break", NULL },

  /* Counting. */
  { "counting-not-object", PARTS, "5", PD_RULES_ERROR_FORMAT, "drivers.counting", NULL },
  { "counting-best-zero", PARTS, "{\"best\": 0}", PD_RULES_ERROR_VALUE, "drivers.counting.best", NULL },
  { "counting-best-text", PARTS, "{\"best\": \"5\"}", PD_RULES_ERROR_VALUE, "drivers.counting.best", NULL },
  { "counting-parts-empty", PARTS, "{\"parts\": []}", PD_RULES_ERROR_FORMAT, "drivers.counting.parts", NULL },
  { "counting-parts-not-list", PARTS, "{\"parts\": {\"best\": 4}}", PD_RULES_ERROR_FORMAT,
    "drivers.counting.parts", NULL },
  { "counting-five-parts", PARTS,
    "{\"parts\": [{\"rounds\": 1}, {\"rounds\": 1}, {\"rounds\": 1}, {\"rounds\": 1}, {\"best\": 1}]}",
    PD_RULES_ERROR_FORMAT, "drivers.counting.parts", NULL },
  { "counting-part-not-object", PARTS, "{\"parts\": [{\"rounds\": 6, \"best\": 5}, 4]}", PD_RULES_ERROR_FORMAT,
    "drivers.counting.parts[1]", NULL },
  { "counting-part-negative", PARTS, "{\"parts\": [{\"rounds\": -6, \"best\": 5}, {\"best\": 4}]}",
    PD_RULES_ERROR_VALUE, "drivers.counting.parts[0].rounds", NULL },
  { "counting-part-best-negative", PARTS, "{\"parts\": [{\"rounds\": 6, \"best\": 5}, {\"best\": -4}]}",
    PD_RULES_ERROR_VALUE, "drivers.counting.parts[1].best", NULL },
  { "teams-counting", "{\"best\": 11}", "{\"best\": 1001}", PD_RULES_ERROR_VALUE, "teams.counting.best", NULL },
  /* "best" and "parts" together: one of them would be ignored. */
  { "counting-best-and-parts", PARTS, "{\"best\": 5, \"parts\": [{\"rounds\": 6, \"best\": 5}, {\"best\": 4}]}",
    PD_RULES_ERROR_FORMAT, "drivers.counting", NULL },
  /* A part without "rounds" takes the rest of the season, so it can only
   * be the last: every part after it would be empty, and its results
   * never counted. */
  { "counting-rest-not-last", PARTS, "{\"parts\": [{\"best\": 5}, {\"rounds\": 6, \"best\": 4}]}",
    PD_RULES_ERROR_FORMAT, "drivers.counting.parts[0]", NULL },

  /* Teams' own members. */
  { "teams-enabled-not-bool", "\"enabled\": true,", "\"enabled\": 1,", PD_RULES_ERROR_VALUE, "teams.enabled", NULL },
  { "teams-best-car-not-bool", "\"best_car_only\": true,", "\"best_car_only\": \"true\",", PD_RULES_ERROR_VALUE,
    "teams.best_car_only", NULL },

  /* Lists of decisions: each must say where it comes from. */
  { "multiplier-not-object", MUL0, "7, " MUL0, PD_RULES_ERROR_FORMAT, "multipliers[0]", NULL },
  { "multiplier-no-source", MUL0 "\"source\": \"Double points in the last race\"", MUL0 "\"bonuses\": true",
    PD_RULES_ERROR_VALUE, "multipliers[0].source", NULL },
  { "multiplier-empty-source", "\"source\": \"Stopped before 75 %\"", "\"source\": \"\"",
    PD_RULES_ERROR_VALUE, "multipliers[1].source", NULL },
  { "multiplier-round-zero", "{\"round\": 3,", "{\"round\": 0,", PD_RULES_ERROR_VALUE, "multipliers[0].round", NULL },
  { "multiplier-round-text", "{\"round\": 3,", "{\"round\": \"3\",", PD_RULES_ERROR_VALUE,
    "multipliers[0].round", NULL },
  { "multiplier-round-missing", "{\"round\": 3,", "{", PD_RULES_ERROR_FORMAT, "multipliers[0]", "round" },
  { "multiplier-bad-session", "\"session\": \"sprint\", \"factor\"", "\"session\": \"feature\", \"factor\"",
    PD_RULES_ERROR_VALUE, "multipliers[2].session", "feature" },
  { "multiplier-no-factor", "\"factor\": 2, ", "", PD_RULES_ERROR_VALUE, "multipliers[0].factor", NULL },
  { "multiplier-bad-factor", "\"factor\": \"1/2\"", "\"factor\": \"1/2.\"", PD_RULES_ERROR_VALUE,
    "multipliers[1].factor", NULL },
  { "multiplier-bad-bonuses", "\"bonuses\": false", "\"bonuses\": 0", PD_RULES_ERROR_VALUE,
    "multipliers[1].bonuses", NULL },

  { "shortened-no-percent", "{\"below_percent\": 50,", "{", PD_RULES_ERROR_FORMAT, "shortened[1]", "below_percent" },
  { "shortened-percent-zero", "{\"below_percent\": 50,", "{\"below_percent\": 0,", PD_RULES_ERROR_VALUE,
    "shortened[1].below_percent", NULL },
  { "shortened-percent-over", "{\"below_percent\": 50,", "{\"below_percent\": 101,", PD_RULES_ERROR_VALUE,
    "shortened[1].below_percent", NULL },
  { "shortened-laps-negative", "\"min_laps\": 2", "\"min_laps\": -2", PD_RULES_ERROR_VALUE,
    "shortened[0].min_laps", NULL },
  { "shortened-no-points", ", \"points\": [6, 4, 3, 2, 1]", "", PD_RULES_ERROR_FORMAT, "shortened[0].points", NULL },
  { "shortened-bad-points", "[6, 4, 3, 2, 1]", "[6, 4, \"3,5\", 2, 1]", PD_RULES_ERROR_VALUE,
    "shortened[0].points[2]", NULL },

  { "ineligible-no-source", ", \"source\": \"A Formula 2 car\"", "", PD_RULES_ERROR_VALUE,
    "ineligible[0].source", NULL },
  { "ineligible-no-driver", "\"driver\": \"berger\", ", "", PD_RULES_ERROR_VALUE, "ineligible[1].driver", NULL },
  { "ineligible-no-round", "{\"round\": 6, ", "{", PD_RULES_ERROR_FORMAT, "ineligible[0]", "round" },
  { "ineligible-bad-pass-down", "\"pass_down\": true", "\"pass_down\": \"true\"", PD_RULES_ERROR_VALUE,
    "ineligible[0].pass_down", NULL },
  { "ineligible-pass-down-and-co-drivers", "\"pass_down\": true", "\"pass_down\": true, \"to_co_drivers\": true",
    PD_RULES_ERROR_FORMAT, "ineligible[0]", "to_co_drivers" },
  { "ineligible-bad-co-drivers", "\"pass_down\": true", "\"to_co_drivers\": 1", PD_RULES_ERROR_VALUE,
    "ineligible[0].to_co_drivers", NULL },

  { "drivers-only-no-source", ", \"source\": \"The Indianapolis 500\"", "", PD_RULES_ERROR_VALUE,
    "drivers_only[0].source", NULL },
  { "drivers-only-bad-session", "\"session\": \"race\", \"source\": \"The Indianapolis 500\"",
    "\"session\": \"Race\", \"source\": \"The Indianapolis 500\"", PD_RULES_ERROR_VALUE, "drivers_only[0].session", NULL },
  { "drivers-only-round-too-big", "{\"round\": 2, ", "{\"round\": 1001, ", PD_RULES_ERROR_VALUE,
    "drivers_only[0].round", NULL },

  /* A decision without a documented source is refused. */
  { "adjustment-no-source", ADJ0 "\"source\": \"A court decision\"", ADJ0 "\"source\": null",
    PD_RULES_ERROR_VALUE, "adjustments[0].source", NULL },
  { "adjustment-source-missing", ", \"round\": 9, \"source\": \"A court decision\"", ", \"round\": 9",
    PD_RULES_ERROR_VALUE, "adjustments[0].source", NULL },
  { "adjustment-bad-championship", "\"championship\": \"drivers\"", "\"championship\": \"constructors\"",
    PD_RULES_ERROR_VALUE, "adjustments[1].championship", NULL },
  { "adjustment-no-championship", "\"championship\": \"drivers\", ", "", PD_RULES_ERROR_VALUE,
    "adjustments[1].championship", NULL },
  { "adjustment-no-id", "\"id\": \"tyrrell\", ", "", PD_RULES_ERROR_VALUE, "adjustments[2].id", NULL },
  { "adjustment-bad-kind", "\"kind\": \"exclude\"", "\"kind\": \"ban\"", PD_RULES_ERROR_VALUE,
    "adjustments[1].kind", NULL },
  { "adjustment-deduct-no-points", "\"points\": 10, \"round\": 9", "\"round\": 9", PD_RULES_ERROR_VALUE,
    "adjustments[0].points", NULL },
  { "adjustment-bad-round", "\"round\": 0, ", "\"round\": -1, ", PD_RULES_ERROR_VALUE, "adjustments[2].round", NULL },
};

/* @place appears in @message as a whole place, not as the end or the
 * start of a longer one ("rounds[0]" is not found in "rounds[0].session"
 * nor "id" in "drivers.id"). */
static gboolean
message_names_place (const char *message,
                     const char *place)
{
  for (const char *p = strstr (message, place); p != NULL; p = strstr (p + 1, place))
    {
      char next = p[strlen (place)];
      char before = p > message ? p[-1] : ' ';

      if (next != '.' && next != '[' && next != '_' && next != '-' && !g_ascii_isalnum (next) &&
          !g_ascii_isalnum (before) && before != '.' && before != '_' && before != '-' && before != '/')
        return TRUE;
    }
  return FALSE;
}

static void
test_error (gconstpointer data)
{
  const ErrorCase *c = data;
  g_autofree char *bad = edit_document (c->minimal ? minimal_document : base_document, c->find, c->replace);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdRules) rules = NULL;

  rules = pd_rules_parse (bad, strlen (bad), &error);
  if (rules != NULL)
    g_error ("accepted: %s", bad);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_error (error, PD_RULES_ERROR, c->code);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (c->place != NULL && !message_names_place (error->message, c->place))
    g_error ("“%s” does not name the place %s", error->message, c->place);
  if (c->also != NULL && strstr (error->message, c->also) == NULL)
    g_error ("“%s” does not say “%s”", error->message, c->also);
}

/* A file that is not an object, or is something else entirely. */
static void
test_not_an_object (gconstpointer data)
{
  static const char * const documents[] = { "[]", "null", "42", "\"paddock-rules\"" };

  for (guint i = 0; i < G_N_ELEMENTS (documents); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PdRules) rules = pd_rules_parse (documents[i], strlen (documents[i]), &error);

      g_assert_null (rules);
      g_assert_error (error, PD_RULES_ERROR, PD_RULES_ERROR_FORMAT);
    }
}

/* A much newer version is refused as a version, whatever else it holds:
 * its members may mean things this reader does not know. */
static void
test_newer_version (gconstpointer data)
{
  static const char document[] =
    "{\"format\": \"paddock-rules\", \"version\": 7, \"id\": \"future\", \"name\": \"Future\","
    " \"drivers\": {\"race\": {\"points\": [1]}}, \"sprints\": {\"points\": [3, 2, 1]}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(PdRules) rules = pd_rules_parse (document, strlen (document), &error);

  g_assert_null (rules);
  g_assert_error (error, PD_RULES_ERROR, PD_RULES_ERROR_VERSION);
  g_assert_nonnull (strstr (error->message, "7"));
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  pd_test_add_isolated ("/rules/full", test_full, NULL);
  pd_test_add_isolated ("/rules/minimal", test_minimal, NULL);
  pd_test_add_isolated ("/rules/absent-bonus-is-zero", test_absent_bonus_is_zero, NULL);
  pd_test_add_isolated ("/rules/teams-defaults", test_teams_defaults, NULL);
  pd_test_add_isolated ("/rules/counting-variants", test_counting_variants, NULL);
  pd_test_add_isolated ("/rules/presets", test_presets, NULL);
  pd_test_add_isolated ("/rules/preset-eras", test_preset_eras, NULL);
  pd_test_add_isolated ("/rules/write/presets", test_write_presets, NULL);
  pd_test_add_isolated ("/rules/write/everything", test_write_everything, NULL);
  pd_test_add_isolated ("/rules/write/points-text", test_points_text, NULL);
  pd_test_add_isolated ("/rules/write/table-text", test_table_text, NULL);
  pd_test_add_isolated ("/rules/preset-unknown", test_preset_unknown, NULL);
  pd_test_add_isolated ("/rules/length", test_length, NULL);
  pd_test_add_isolated ("/rules/error/not-an-object", test_not_an_object, NULL);
  pd_test_add_isolated ("/rules/error/newer-version-first", test_newer_version, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (error_cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/rules/error/%s", error_cases[i].name);
      pd_test_add_isolated (path, test_error, &error_cases[i]);
    }

  return g_test_run ();
}
