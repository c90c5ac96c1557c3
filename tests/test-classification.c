/* Tests of pd-classification: a session's overall and class order from
 * laps, times, statuses, penalties and recorded positions.
 *
 * Every expected position is worked out by hand from the field the test
 * builds (the arithmetic is in the comments), never taken from the
 * program's output. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "pd-classification.h"

/* A classified car with laps and a race time. */
static PdClassifyEntry
timed (const char *id,
       const char *class_id,
       int         laps,
       gint64      time_ms)
{
  return (PdClassifyEntry) {
    .result_id = id,
    .class_id = class_id,
    .status = PD_RESULT_STATUS_CLASSIFIED,
    .laps = laps,
    .total_time_ms = time_ms,
  };
}

/* A car of which only the official positions are known. */
static PdClassifyEntry
recorded (const char *id,
          const char *class_id,
          int         position,
          int         class_position)
{
  return (PdClassifyEntry) {
    .result_id = id,
    .class_id = class_id,
    .status = PD_RESULT_STATUS_CLASSIFIED,
    .laps = -1,
    .total_time_ms = -1,
    .recorded_position = position,
    .recorded_class_position = class_position,
  };
}

static const PdClassifyOutcome *
find (GArray     *outcomes,
      const char *id)
{
  for (guint i = 0; i < outcomes->len; i++)
    {
      const PdClassifyOutcome *outcome = &g_array_index (outcomes, PdClassifyOutcome, i);

      if (g_strcmp0 (outcome->result_id, id) == 0)
        return outcome;
    }
  g_error ("no outcome for %s", id);
  return NULL;
}

/* The identifiers in classification order, space-separated, so that a
 * failure shows the whole order at once. */
static char *
order_string (GArray *outcomes)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < outcomes->len; i++)
    {
      if (i > 0)
        g_string_append_c (s, ' ');
      g_string_append (s, g_array_index (outcomes, PdClassifyOutcome, i).result_id);
    }
  return g_string_free (s, FALSE);
}

#define assert_order(outcomes, expected) \
  G_STMT_START { \
    g_autofree char *got_ = order_string (outcomes); \
    g_assert_cmpstr (got_, ==, (expected)); \
  } G_STMT_END

static void
assert_outcome (GArray         *outcomes,
                const char     *id,
                int             position,
                int             class_position,
                int             road_position,
                PdResultStatus  status,
                gboolean        is_recorded)
{
  const PdClassifyOutcome *outcome = find (outcomes, id);

  g_test_message ("%s: %d/%d road %d status %d recorded %d", id, outcome->position,
                  outcome->class_position, outcome->road_position, outcome->status,
                  outcome->recorded);
  g_assert_cmpint (outcome->position, ==, position);
  g_assert_cmpint (outcome->class_position, ==, class_position);
  g_assert_cmpint (outcome->road_position, ==, road_position);
  g_assert_cmpint (outcome->status, ==, status);
  g_assert_cmpint (outcome->recorded, ==, is_recorded);
}

static void
test_empty (void)
{
  g_autoptr(GArray) none = pd_classify (NULL, 0, NULL);
  PdClassifyEntry unused = timed ("a", NULL, 1, 1000);
  PdClassifyOptions options = { .min_distance_percent = 75 };
  g_autoptr(GArray) zero = pd_classify (&unused, 0, &options);

  g_assert_nonnull (none);
  g_assert_cmpuint (none->len, ==, 0);
  g_assert_nonnull (zero);
  g_assert_cmpuint (zero->len, ==, 0);
}

static void
test_invalid (void)
{
  PdClassifyOptions options = { .min_distance_percent = 101 };
  PdClassifyEntry entry = timed ("a", NULL, 1, 1000);

  g_test_expect_message ("paddock-scoring", G_LOG_LEVEL_CRITICAL, "*entries != NULL*");
  g_assert_null (pd_classify (NULL, 3, NULL));
  g_test_assert_expected_messages ();

  g_test_expect_message ("paddock-scoring", G_LOG_LEVEL_CRITICAL, "*min_percent*");
  g_assert_null (pd_classify (&entry, 1, &options));
  g_test_assert_expected_messages ();
}

static void
test_laps_before_time (void)
{
  /* "long" did one lap more in more time: laps decide before time. */
  PdClassifyEntry entries[] = {
    timed ("short", NULL, 24, 3500000),
    timed ("long", NULL, 25, 3650000),
    timed ("long-slower", NULL, 25, 3650001),
  };
  g_autoptr(GArray) outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);

  assert_order (outcomes, "long long-slower short");
  assert_outcome (outcomes, "long", 1, 0, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "long-slower", 2, 0, 2, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "short", 3, 0, 3, PD_RESULT_STATUS_CLASSIFIED, FALSE);
}

static void
test_lapped_car_behind (void)
{
  /* "penalised" gets a minute on a lead-lap time: it drops behind "b"
   * (3 600 000 + 60 000 > 3 610 000) but never behind the lapped car,
   * whose time is smaller but whose laps are fewer. */
  PdClassifyEntry entries[] = {
    timed ("lapped", NULL, 21, 3590000),
    timed ("b", NULL, 22, 3610000),
    timed ("penalised", NULL, 22, 3600000),
  };
  g_autoptr(GArray) outcomes = NULL;

  entries[2].penalty_time_ms = 60000;
  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);

  assert_order (outcomes, "b penalised lapped");
  assert_outcome (outcomes, "b", 1, 0, 2, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "penalised", 2, 0, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "lapped", 3, 0, 3, PD_RESULT_STATUS_CLASSIFIED, FALSE);
}

/*
 * The seeds' case (004: Spa 2023, Race 2): 62 cars; car X is 18th on the
 * road and 16th in Silver; an 11 s penalty drops it to 26th overall and
 * 20th in Silver.
 *
 * The classes by road position:
 *
 *   1–17   SSSPSSSSSSPSSSSSS   15 Silver, 2 Pro-Am
 *   18     S                   car X
 *   19–26  SPSPPSSP            4 Silver, 4 Pro-Am, within 11 s of X
 *   27–62  (SPA × 11) PPP      11 Silver, 14 Pro-Am, 11 Am
 *
 * On the road: 17 cars ahead of X, 15 of them Silver, so X is 18th
 * overall and 15 + 1 = 16th in Silver.
 *
 * X's time is T; the eight cars behind it finish at T + 0.4 s … T + 10.999 s
 * and the 27th at T + 11.001 s. With 11 s added X's time is T + 11.000 s:
 * behind the eight (all < T + 11 s), ahead of the 27th. X passes no one and
 * is passed by 8 cars: 17 + 8 = 25 ahead, so 26th overall; 15 + 4 = 19
 * Silver cars ahead, so 20th in Silver. The eight move up one each (19th
 * to 18th, …, 26th to 25th); the 27th stays 27th.
 *
 * The last seven cars are a lap or two down with smaller times, to keep
 * laps before time in a full field.
 */
static const char seed_classes[] = "SSSPSSSSSSPSSSSSS" "S" "SPSPPSSP"
                                   "SPASPASPASPASPASPASPASPASPASPASPAPPP";

#define SEED_CARS 62
#define SEED_X 18
#define SEED_T G_GINT64_CONSTANT (3672000)

static const char *
seed_class_id (int road)
{
  switch (seed_classes[road - 1])
    {
    case 'S':
      return "silver";
    case 'P':
      return "pro-am";
    case 'A':
      return "am";
    default:
      g_assert_not_reached ();
    }
}

/* Car ids are "road-NN" by road position; the input is shuffled (road
 * car k at index 17·k mod 62, a permutation since 17 and 62 are coprime)
 * so that the order comes from the times, not from the input. */
static void
build_seed_field (PdClassifyEntry  entries[SEED_CARS],
                  char            *ids[SEED_CARS],
                  gint64           penalty_ms)
{
  static const gint64 behind_x[] = { 400, 1800, 3100, 4700, 6000, 7900, 9500, 10999 };

  g_assert_cmpuint (strlen (seed_classes), ==, SEED_CARS);

  for (int road = 1; road <= SEED_CARS; road++)
    {
      int laps = 22;
      gint64 time_ms;
      guint index = (guint) ((road - 1) * 17 % SEED_CARS);

      if (road < SEED_X)
        time_ms = 3630000 + (road - 1) * 2500;
      else if (road == SEED_X)
        time_ms = SEED_T;
      else if (road <= 26)
        time_ms = SEED_T + behind_x[road - 19];
      else if (road <= 55)
        time_ms = SEED_T + 11001 + (road - 27) * 1700;
      else if (road <= 59)
        {
          laps = 21;
          time_ms = 3640000 + (road - 56) * 3000;
        }
      else
        {
          laps = 20;
          time_ms = 3600000 + (road - 60) * 3000;
        }

      ids[index] = g_strdup_printf ("road-%02d", road);
      entries[index] = timed (ids[index], seed_class_id (road), laps, time_ms);
      if (road == SEED_X)
        entries[index].penalty_time_ms = penalty_ms;
    }
}

static void
free_ids (char *ids[SEED_CARS])
{
  for (guint i = 0; i < SEED_CARS; i++)
    g_free (ids[i]);
}

static void
test_seed_time_penalty (void)
{
  PdClassifyEntry entries[SEED_CARS];
  char *ids[SEED_CARS];
  g_autoptr(GArray) outcomes = NULL;
  int silver_ahead = 0;
  int silver_ahead_on_road = 0;

  /* The field is as the comment says: 15 + 1 + 4 + 11 = 31 Silver. */
  for (int road = 1; road <= SEED_CARS; road++)
    {
      if (seed_classes[road - 1] != 'S')
        continue;
      if (road < SEED_X)
        silver_ahead_on_road++;
    }
  g_assert_cmpint (silver_ahead_on_road, ==, 15);

  build_seed_field (entries, ids, 11000);
  outcomes = pd_classify (entries, SEED_CARS, NULL);
  g_assert_cmpuint (outcomes->len, ==, SEED_CARS);

  assert_outcome (outcomes, "road-18", 26, 20, 18, PD_RESULT_STATUS_CLASSIFIED, FALSE);

  /* The eight cars within 11 s move up one; the 27th does not move. */
  assert_outcome (outcomes, "road-19", 18, 16, 19, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "road-26", 25, 6, 26, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "road-27", 27, 21, 27, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "road-17", 17, 15, 17, PD_RESULT_STATUS_CLASSIFIED, FALSE);

  /* The lapped cars, with smaller times, stay at the back. */
  assert_outcome (outcomes, "road-56", 56, 10, 56, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "road-62", 62, 20, 62, PD_RESULT_STATUS_CLASSIFIED, FALSE);

  /* The class of X has the right count ahead of it. */
  for (guint i = 0; i < outcomes->len; i++)
    {
      const PdClassifyOutcome *outcome = &g_array_index (outcomes, PdClassifyOutcome, i);

      if (g_str_equal (outcome->result_id, "road-18"))
        {
          g_assert_cmpuint (i, ==, 25);
          break;
        }
      if (outcome->position < 26 && seed_classes[atoi (outcome->result_id + 5) - 1] == 'S')
        silver_ahead++;
    }
  g_assert_cmpint (silver_ahead, ==, 19);

  /* Positions run 1 to 62 without gaps, in the order returned. */
  for (guint i = 0; i < outcomes->len; i++)
    g_assert_cmpint (g_array_index (outcomes, PdClassifyOutcome, i).position, ==, (int) i + 1);

  free_ids (ids);
}

static void
test_seed_penalty_removed (void)
{
  PdClassifyEntry entries[SEED_CARS];
  char *ids[SEED_CARS];
  g_autoptr(GArray) outcomes = NULL;

  build_seed_field (entries, ids, 0);
  outcomes = pd_classify (entries, SEED_CARS, NULL);

  assert_outcome (outcomes, "road-18", 18, 16, 18, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "road-19", 19, 17, 19, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "road-26", 26, 6, 26, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const PdClassifyOutcome *outcome = &g_array_index (outcomes, PdClassifyOutcome, i);
      g_autofree char *id = g_strdup_printf ("road-%02u", i + 1);

      g_assert_cmpstr (outcome->result_id, ==, id);
      g_assert_cmpint (outcome->position, ==, outcome->road_position);
    }

  free_ids (ids);
}

static void
test_seed_penalty_boundary (void)
{
  PdClassifyEntry entries[SEED_CARS];
  char *ids[SEED_CARS];
  g_autoptr(GArray) outcomes = NULL;

  /* 11.002 s puts X at T + 11.002 s, behind the 27th (T + 11.001 s) too:
   * 27th overall, and 21st in Silver since the 27th is Silver. */
  build_seed_field (entries, ids, 11002);
  outcomes = pd_classify (entries, SEED_CARS, NULL);
  assert_outcome (outcomes, "road-18", 27, 21, 18, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "road-27", 26, 20, 27, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  free_ids (ids);
}

static void
test_position_penalty (void)
{
  /* Time order a b c d e f. "b" drops 2 places: a c d b e f; "c" and
   * "d" move up one each. */
  PdClassifyEntry entries[] = {
    timed ("a", NULL, 10, 1000),
    timed ("b", NULL, 10, 2000),
    timed ("c", NULL, 10, 3000),
    timed ("d", NULL, 10, 4000),
    timed ("e", NULL, 10, 5000),
    timed ("f", NULL, 10, 6000),
  };
  g_autoptr(GArray) outcomes = NULL;

  entries[1].penalty_positions = 2;
  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (outcomes, "a c d b e f");
  assert_outcome (outcomes, "b", 4, 0, 2, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "c", 2, 0, 3, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "d", 3, 0, 4, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "e", 5, 0, 5, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  g_clear_pointer (&outcomes, g_array_unref);

  /* Two neighbours with 2 places each both end 2 places down, in their
   * order: from a b c d e f, "a" 1st → 3rd and "b" 2nd → 4th. */
  entries[0].penalty_positions = 2;
  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (outcomes, "c d a b e f");
  g_clear_pointer (&outcomes, g_array_unref);

  /* A penalty past the end of the field leaves the car last. */
  entries[0].penalty_positions = 0;
  entries[1].penalty_positions = 0;
  entries[4].penalty_positions = 5;
  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (outcomes, "a b c d f e");
  assert_outcome (outcomes, "e", 6, 0, 5, PD_RESULT_STATUS_CLASSIFIED, FALSE);
}

static void
test_position_penalty_time_first (void)
{
  /* The time penalty is applied before the position penalty: "a" with
   * +2.5 s falls behind "b" and "c" (1000 + 2500 > 3000), then 1 place
   * more behind "d". */
  PdClassifyEntry entries[] = {
    timed ("a", NULL, 10, 1000),
    timed ("b", NULL, 10, 2000),
    timed ("c", NULL, 10, 3000),
    timed ("d", NULL, 10, 4000),
    timed ("e", NULL, 10, 5000),
  };
  g_autoptr(GArray) outcomes = NULL;

  entries[0].penalty_time_ms = 2500;
  entries[0].penalty_positions = 1;
  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (outcomes, "b c d a e");
  assert_outcome (outcomes, "a", 4, 0, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
}

static void
test_dsq_and_exclusion (void)
{
  /* Time order: a b c d e f g. "b" is disqualified by a penalty, "d" was
   * entered as DSQ, "c" is excluded by a penalty, "f" was entered as
   * excluded. The others close up: a e g are 1 2 3; the disqualified
   * follow in time order, then the excluded. */
  PdClassifyEntry entries[] = {
    timed ("a", "am", 10, 1000),
    timed ("b", "am", 10, 2000),
    timed ("c", "am", 10, 3000),
    timed ("d", "am", 10, 4000),
    timed ("e", "am", 10, 5000),
    timed ("f", "am", 10, 6000),
    timed ("g", "am", 10, 7000),
  };
  g_autoptr(GArray) outcomes = NULL;

  entries[1].disqualified = TRUE;
  entries[2].excluded = TRUE;
  entries[3].status = PD_RESULT_STATUS_DSQ;
  entries[5].status = PD_RESULT_STATUS_EXCLUDED;
  /* Exclusion outweighs a disqualification on the same car. */
  entries[2].disqualified = TRUE;

  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (outcomes, "a e g b d c f");
  assert_outcome (outcomes, "a", 1, 1, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "e", 2, 2, 4, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "g", 3, 3, 5, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  /* Disqualified by a penalty: 2nd on the road (d and f are out on the
   * road already, as entered). */
  assert_outcome (outcomes, "b", 0, 0, 2, PD_RESULT_STATUS_DSQ, FALSE);
  assert_outcome (outcomes, "c", 0, 0, 3, PD_RESULT_STATUS_EXCLUDED, FALSE);
  assert_outcome (outcomes, "d", 0, 0, 0, PD_RESULT_STATUS_DSQ, FALSE);
  assert_outcome (outcomes, "f", 0, 0, 0, PD_RESULT_STATUS_EXCLUDED, FALSE);
}

static void
test_dns (void)
{
  PdClassifyEntry entries[] = {
    { .result_id = "dns-1", .class_id = "silver", .status = PD_RESULT_STATUS_DNS,
      .laps = -1, .total_time_ms = -1 },
    timed ("a", "silver", 10, 2000),
    { .result_id = "dsq", .class_id = "silver", .status = PD_RESULT_STATUS_DSQ,
      .laps = 10, .total_time_ms = 1000 },
    { .result_id = "dns-2", .class_id = "silver", .status = PD_RESULT_STATUS_DNS,
      .laps = 0, .total_time_ms = -1 },
    timed ("b", "silver", 10, 3000),
    { .result_id = "nc", .class_id = "silver", .status = PD_RESULT_STATUS_NOT_CLASSIFIED,
      .laps = 3, .total_time_ms = 900 },
  };
  g_autoptr(GArray) outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);

  /* Classified, then not classified (with a number), then the cars that
   * did not start in input order, then the disqualified. */
  assert_order (outcomes, "a b nc dns-1 dns-2 dsq");
  assert_outcome (outcomes, "a", 1, 1, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "b", 2, 2, 2, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "nc", 3, 0, 3, PD_RESULT_STATUS_NOT_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "dns-1", 0, 0, 0, PD_RESULT_STATUS_DNS, FALSE);
  assert_outcome (outcomes, "dns-2", 0, 0, 0, PD_RESULT_STATUS_DNS, FALSE);
  assert_outcome (outcomes, "dsq", 0, 0, 0, PD_RESULT_STATUS_DSQ, FALSE);
}

static void
test_min_distance (void)
{
  /* The winner did 20 laps; 75 % of 20 is 15. "fifteen" is classified,
   * "fourteen" is not; the DNF with 16 laps is classified and keeps DNF;
   * the DNF with 10 laps is not classified and keeps DNF. "entered-nc"
   * has the full distance but was entered as not classified, so it
   * follows the classified cars too. The not-classified cars are
   * numbered after the classified ones by laps, then time. */
  PdClassifyEntry entries[] = {
    timed ("fourteen", "silver", 14, 3000000),
    timed ("winner", "silver", 20, 3600000),
    { .result_id = "dnf-16", .class_id = "silver", .status = PD_RESULT_STATUS_DNF,
      .laps = 16, .total_time_ms = -1 },
    timed ("fifteen", "silver", 15, 3500000),
    { .result_id = "dnf-10", .class_id = "silver", .status = PD_RESULT_STATUS_DNF,
      .laps = 10, .total_time_ms = -1 },
    { .result_id = "entered-nc", .class_id = "silver", .status = PD_RESULT_STATUS_NOT_CLASSIFIED,
      .laps = 20, .total_time_ms = 3700000 },
  };
  PdClassifyOptions options = { .min_distance_percent = 75 };
  g_autoptr(GArray) outcomes = pd_classify (entries, G_N_ELEMENTS (entries), &options);
  g_autoptr(GArray) no_minimum = NULL;

  assert_order (outcomes, "winner dnf-16 fifteen entered-nc fourteen dnf-10");
  assert_outcome (outcomes, "winner", 1, 1, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "dnf-16", 2, 2, 2, PD_RESULT_STATUS_DNF, FALSE);
  assert_outcome (outcomes, "fifteen", 3, 3, 3, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "entered-nc", 4, 0, 4, PD_RESULT_STATUS_NOT_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "fourteen", 5, 0, 5, PD_RESULT_STATUS_NOT_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "dnf-10", 6, 0, 6, PD_RESULT_STATUS_DNF, FALSE);

  /* Without a minimum every car that ran is classified, except the one
   * the timekeepers entered as not classified. */
  no_minimum = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (no_minimum, "winner dnf-16 fifteen fourteen dnf-10 entered-nc");
  assert_outcome (no_minimum, "fourteen", 4, 4, 4, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (no_minimum, "dnf-10", 5, 5, 5, PD_RESULT_STATUS_DNF, FALSE);
  assert_outcome (no_minimum, "entered-nc", 6, 0, 6, PD_RESULT_STATUS_NOT_CLASSIFIED, FALSE);
}

static void
test_min_distance_rounding (void)
{
  /* F1's 90 %, rounded down to whole laps: 90 % of 57 is 51.3, so 51 laps
   * (89.5 %) are enough and 50 are not. A not-classified car with more
   * laps than the winner does not set the distance: with it counted, 90 %
   * of 70 would be 63 and nobody but the winner would be classified. */
  PdClassifyEntry entries[] = {
    timed ("winner", NULL, 57, 5400000),
    { .result_id = "fifty-one", .status = PD_RESULT_STATUS_DNF, .laps = 51, .total_time_ms = -1 },
    { .result_id = "fifty", .status = PD_RESULT_STATUS_DNF, .laps = 50, .total_time_ms = -1 },
    { .result_id = "seventy", .status = PD_RESULT_STATUS_NOT_CLASSIFIED,
      .laps = 70, .total_time_ms = -1 },
  };
  PdClassifyOptions options = { .min_distance_percent = 90 };
  g_autoptr(GArray) outcomes = pd_classify (entries, G_N_ELEMENTS (entries), &options);

  assert_order (outcomes, "winner fifty-one seventy fifty");
  assert_outcome (outcomes, "fifty-one", 2, 0, 2, PD_RESULT_STATUS_DNF, FALSE);
  assert_outcome (outcomes, "seventy", 3, 0, 3, PD_RESULT_STATUS_NOT_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "fifty", 4, 0, 4, PD_RESULT_STATUS_DNF, FALSE);
}

static void
test_three_classes (void)
{
  /* Overall: s1 p1 a1 s2 p2 none a2 s3. Each class counts its own cars;
   * the car without a class has an overall position only. */
  PdClassifyEntry entries[] = {
    timed ("s3", "silver", 20, 8000),
    timed ("a2", "am", 20, 7000),
    timed ("none", NULL, 20, 6000),
    timed ("p2", "pro-am", 20, 5000),
    timed ("s2", "silver", 20, 4000),
    timed ("a1", "am", 20, 3000),
    timed ("p1", "pro-am", 20, 2000),
    timed ("s1", "silver", 20, 1000),
  };
  g_autoptr(GArray) outcomes = NULL;

  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (outcomes, "s1 p1 a1 s2 p2 none a2 s3");
  assert_outcome (outcomes, "s1", 1, 1, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "p1", 2, 1, 2, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "a1", 3, 1, 3, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "s2", 4, 2, 4, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "p2", 5, 2, 5, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "none", 6, 0, 6, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "a2", 7, 2, 7, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "s3", 8, 3, 8, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  g_clear_pointer (&outcomes, g_array_unref);

  /* A penalty on s1 (+2.5 s: 3500, behind a1, ahead of s2) changes the
   * overall order only: s1 is still 1st in silver, p1 and a1 move up
   * overall and keep their class positions. */
  entries[7].penalty_time_ms = 2500;
  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (outcomes, "p1 a1 s1 s2 p2 none a2 s3");
  assert_outcome (outcomes, "s1", 3, 1, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "p1", 1, 1, 2, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  g_clear_pointer (&outcomes, g_array_unref);

  /* +4.5 s puts s1 behind s2 (1000 + 4500 > 4000): s2 leads silver. */
  entries[7].penalty_time_ms = 4500;
  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (outcomes, "p1 a1 s2 p2 s1 none a2 s3");
  assert_outcome (outcomes, "s2", 3, 1, 4, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "s1", 5, 2, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "s3", 8, 3, 8, PD_RESULT_STATUS_CLASSIFIED, FALSE);
}

static void
test_recorded_only (void)
{
  /* The seeds give only the Bäckmans' positions: 26th overall, 20th in
   * Silver, nothing else. That stays as it is, shown as recorded. Two
   * more recorded cars come in any order and are returned by position. */
  PdClassifyEntry entries[] = {
    recorded ("backman", "silver", 26, 20),
    recorded ("winner", "silver", 1, 1),
    recorded ("pro-am", "pro-am", 7, 2),
  };
  g_autoptr(GArray) outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);

  assert_order (outcomes, "winner pro-am backman");
  assert_outcome (outcomes, "backman", 26, 20, 0, PD_RESULT_STATUS_CLASSIFIED, TRUE);
  assert_outcome (outcomes, "winner", 1, 1, 0, PD_RESULT_STATUS_CLASSIFIED, TRUE);
  assert_outcome (outcomes, "pro-am", 7, 2, 0, PD_RESULT_STATUS_CLASSIFIED, TRUE);
}

static void
test_recorded_only_penalties (void)
{
  /* A recorded position already includes the time and position
   * penalties, so they do not move it; a disqualification still takes
   * the position away. */
  PdClassifyEntry entries[] = {
    recorded ("backman", "silver", 26, 20),
    recorded ("thrown-out", "silver", 3, 3),
  };
  g_autoptr(GArray) outcomes = NULL;

  entries[0].penalty_time_ms = 11000;
  entries[0].penalty_positions = 3;
  entries[1].disqualified = TRUE;
  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (outcomes, "backman thrown-out");
  assert_outcome (outcomes, "backman", 26, 20, 0, PD_RESULT_STATUS_CLASSIFIED, TRUE);
  assert_outcome (outcomes, "thrown-out", 0, 0, 0, PD_RESULT_STATUS_DSQ, FALSE);
}

static void
test_recorded_mixed (void)
{
  /* "r2" is recorded 2nd overall (2nd in silver), "r5" 5th overall with
   * no class position given. The timed cars fill 1, 3, 4, 6, 7 in time
   * order. In silver: t1 1st, r2 recorded 2nd, then t3 and r5 follow in
   * overall order as 3rd and 4th; t4 is pro-am; "r9" is recorded 9th,
   * past the end of the timed cars, and keeps 9th. */
  PdClassifyEntry entries[] = {
    recorded ("r5", "silver", 5, 0),
    timed ("t4", "pro-am", 20, 4000),
    timed ("t1", "silver", 20, 1000),
    recorded ("r9", "pro-am", 9, 3),
    timed ("t6", "silver", 19, 100),
    timed ("t3", "silver", 20, 3000),
    recorded ("r2", "silver", 2, 2),
    timed ("t5", "pro-am", 20, 5000),
  };
  g_autoptr(GArray) outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);

  assert_order (outcomes, "t1 r2 t3 t4 r5 t5 t6 r9");
  assert_outcome (outcomes, "t1", 1, 1, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "r2", 2, 2, 0, PD_RESULT_STATUS_CLASSIFIED, TRUE);
  assert_outcome (outcomes, "t3", 3, 3, 3, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "t4", 4, 1, 4, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "r5", 5, 4, 0, PD_RESULT_STATUS_CLASSIFIED, TRUE);
  assert_outcome (outcomes, "t5", 6, 2, 6, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "t6", 7, 5, 7, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "r9", 9, 3, 0, PD_RESULT_STATUS_CLASSIFIED, TRUE);
}

static void
test_recorded_not_classified (void)
{
  /* Al Kamel numbers the not-classified cars after the classified ones;
   * a recorded not-classified car keeps its number and gets no class
   * position. */
  PdClassifyEntry entries[] = {
    recorded ("nc", "silver", 3, 0),
    recorded ("first", "silver", 1, 1),
    recorded ("second", "silver", 2, 2),
  };
  g_autoptr(GArray) outcomes = NULL;

  entries[0].status = PD_RESULT_STATUS_NOT_CLASSIFIED;
  outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);
  assert_order (outcomes, "first second nc");
  assert_outcome (outcomes, "nc", 3, 0, 0, PD_RESULT_STATUS_NOT_CLASSIFIED, TRUE);
}

static void
test_nothing_known (void)
{
  /* Car numbers typed in finishing order before any time: nothing known,
   * so they follow the timed cars in input order. A penalty of one place
   * still moves "typed-1" behind "typed-2". */
  PdClassifyEntry entries[] = {
    { .result_id = "typed-1", .status = PD_RESULT_STATUS_CLASSIFIED, .laps = -1,
      .total_time_ms = -1, .penalty_positions = 1 },
    { .result_id = "typed-2", .status = PD_RESULT_STATUS_CLASSIFIED, .laps = -1,
      .total_time_ms = -1 },
    timed ("timed", NULL, 5, 1000),
    { .result_id = "typed-3", .status = PD_RESULT_STATUS_CLASSIFIED, .laps = -1,
      .total_time_ms = -1 },
  };
  g_autoptr(GArray) outcomes = pd_classify (entries, G_N_ELEMENTS (entries), NULL);

  assert_order (outcomes, "timed typed-2 typed-1 typed-3");
  assert_outcome (outcomes, "timed", 1, 0, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "typed-2", 2, 0, 3, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "typed-1", 3, 0, 2, PD_RESULT_STATUS_CLASSIFIED, FALSE);
  assert_outcome (outcomes, "typed-3", 4, 0, 4, PD_RESULT_STATUS_CLASSIFIED, FALSE);
}

static void
test_stable_ties (void)
{
  /* Equal laps and time keep the input order, whichever way round, and
   * a tie reached through a time penalty does too. */
  PdClassifyEntry forward[] = {
    timed ("x", NULL, 10, 5000),
    timed ("y", NULL, 10, 5000),
    timed ("z", NULL, 10, 5000),
    timed ("w", NULL, 10, 4000),
  };
  PdClassifyEntry backward[] = {
    forward[2], forward[1], forward[0], forward[3],
  };
  g_autoptr(GArray) a = pd_classify (forward, G_N_ELEMENTS (forward), NULL);
  g_autoptr(GArray) b = pd_classify (backward, G_N_ELEMENTS (backward), NULL);
  g_autoptr(GArray) c = NULL;

  assert_order (a, "w x y z");
  assert_order (b, "w z y x");
  assert_outcome (a, "y", 3, 0, 3, PD_RESULT_STATUS_CLASSIFIED, FALSE);

  /* "w" with +1 s ties at 5000 and, being last in the input, comes last. */
  forward[3].penalty_time_ms = 1000;
  c = pd_classify (forward, G_N_ELEMENTS (forward), NULL);
  assert_order (c, "x y z w");
  assert_outcome (c, "w", 4, 0, 1, PD_RESULT_STATUS_CLASSIFIED, FALSE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/classification/empty", test_empty);
  g_test_add_func ("/classification/invalid", test_invalid);
  g_test_add_func ("/classification/laps-before-time", test_laps_before_time);
  g_test_add_func ("/classification/lapped-car-behind", test_lapped_car_behind);
  g_test_add_func ("/classification/seed/time-penalty", test_seed_time_penalty);
  g_test_add_func ("/classification/seed/penalty-removed", test_seed_penalty_removed);
  g_test_add_func ("/classification/seed/penalty-boundary", test_seed_penalty_boundary);
  g_test_add_func ("/classification/position-penalty", test_position_penalty);
  g_test_add_func ("/classification/position-penalty/after-time", test_position_penalty_time_first);
  g_test_add_func ("/classification/dsq-and-exclusion", test_dsq_and_exclusion);
  g_test_add_func ("/classification/dns", test_dns);
  g_test_add_func ("/classification/min-distance", test_min_distance);
  g_test_add_func ("/classification/min-distance/rounding", test_min_distance_rounding);
  g_test_add_func ("/classification/three-classes", test_three_classes);
  g_test_add_func ("/classification/recorded/only", test_recorded_only);
  g_test_add_func ("/classification/recorded/penalties", test_recorded_only_penalties);
  g_test_add_func ("/classification/recorded/mixed", test_recorded_mixed);
  g_test_add_func ("/classification/recorded/not-classified", test_recorded_not_classified);
  g_test_add_func ("/classification/nothing-known", test_nothing_known);
  g_test_add_func ("/classification/stable-ties", test_stable_ties);

  return g_test_run ();
}
