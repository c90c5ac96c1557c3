/* Tests of exact points (pd-points.c): the arithmetic that championships
 * need (a fastest lap split seven ways, a car shared by three drivers,
 * half points), comparison, reading points from a rules file and showing
 * them in the user's locale.
 *
 * The test environment sets LC_ALL=sv_SE.UTF-8, whose decimal mark is a
 * comma: "4,5", not "4.5". */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "pd-points.h"

#define assert_points(p, n, d) \
  G_STMT_START { \
    PdPoints _p = (p); \
    g_assert_cmpint (_p.num, ==, (n)); \
    g_assert_cmpint (_p.den, ==, (d)); \
  } G_STMT_END

/* Fractions are kept reduced, with a positive denominator. */
static void
test_new (void)
{
  assert_points (pd_points_new (4, 8), 1, 2);
  assert_points (pd_points_new (3, -6), -1, 2);
  assert_points (pd_points_new (-3, -6), 1, 2);
  assert_points (pd_points_new (0, 7), 0, 1);
  assert_points (pd_points_new (14, 7), 2, 1);
  assert_points (pd_points_int (25), 25, 1);
  assert_points (PD_POINTS_ZERO, 0, 1);
  g_assert_true (pd_points_is_zero (PD_POINTS_ZERO));
  g_assert_true (pd_points_is_zero (pd_points_new (0, 3)));
  g_assert_false (pd_points_is_zero (pd_points_new (1, 7)));
}

/* 1954 British GP: seven drivers shared the fastest lap, 1/7 point each.
 * Seven shares make the whole point again, exactly. */
static void
test_sevenths (void)
{
  PdPoints seventh = pd_points_div_int (pd_points_int (1), 7);
  PdPoints sum = PD_POINTS_ZERO;

  assert_points (seventh, 1, 7);
  for (int i = 0; i < 7; i++)
    sum = pd_points_add (sum, seventh);
  assert_points (sum, 1, 1);
  g_assert_cmpint (pd_points_compare (sum, pd_points_int (1)), ==, 0);

  /* 7 × 1/7 by multiplication too. */
  assert_points (pd_points_mul (pd_points_int (7), seventh), 1, 1);

  /* A driver's 1950s total: 4 + 1/7 = 29/7. */
  assert_points (pd_points_add (pd_points_int (4), seventh), 29, 7);
}

/* A car shared by three drivers: 4 points become 4/3 each, and the three
 * shares add up to 4. */
static void
test_thirds (void)
{
  PdPoints third = pd_points_new (1, 3);
  PdPoints share = pd_points_div_int (pd_points_int (4), 3);

  assert_points (pd_points_add (pd_points_add (third, third), third), 1, 1);
  assert_points (share, 4, 3);
  assert_points (pd_points_add (pd_points_add (share, share), share), 4, 1);
}

/* Half points: a win worth 9 gives 4.5; 1/2 × 1/3 = 1/6; 2 × 1/2 = 1. */
static void
test_half (void)
{
  PdPoints half = pd_points_new (1, 2);

  assert_points (pd_points_mul (pd_points_int (9), half), 9, 2);
  assert_points (pd_points_div_int (pd_points_int (9), 2), 9, 2);
  assert_points (pd_points_mul (half, pd_points_new (1, 3)), 1, 6);
  assert_points (pd_points_mul (pd_points_int (2), half), 1, 1);
  assert_points (pd_points_mul (PD_POINTS_ZERO, half), 0, 1);
  assert_points (pd_points_mul (pd_points_new (-10, 1), half), -5, 1);
  /* 9/2 − 9/2 = 0, and 0 is 0/1. */
  assert_points (pd_points_sub (pd_points_new (9, 2), pd_points_new (9, 2)), 0, 1);
  /* A deduction: 4.5 − 10 = −11/2. */
  assert_points (pd_points_sub (pd_points_new (9, 2), pd_points_int (10)), -11, 2);
  g_assert_cmpfloat_with_epsilon (pd_points_to_double (pd_points_new (9, 2)), 4.5, 1e-12);
}

static void
test_compare (void)
{
  g_assert_cmpint (pd_points_compare (pd_points_int (8), pd_points_int (6)), ==, 1);
  g_assert_cmpint (pd_points_compare (pd_points_int (6), pd_points_int (8)), ==, -1);
  g_assert_cmpint (pd_points_compare (pd_points_new (9, 2), pd_points_new (18, 4)), ==, 0);
  /* 1/7 < 1/6 although 7 > 6. */
  g_assert_cmpint (pd_points_compare (pd_points_new (1, 7), pd_points_new (1, 6)), ==, -1);
  /* 30 against 31.5 (Fangio 1956, per result against per race). */
  g_assert_cmpint (pd_points_compare (pd_points_int (30), pd_points_new (63, 2)), ==, -1);
  g_assert_cmpint (pd_points_compare (pd_points_int (-10), PD_POINTS_ZERO), ==, -1);
  g_assert_cmpint (pd_points_compare (pd_points_new (29, 7), pd_points_new (29, 7)), ==, 0);
}

typedef struct {
  const char *text;
  gint64      num;
  gint64      den;
} ParseCase;

static void
test_parse (void)
{
  static const ParseCase good[] = {
    { "8", 8, 1 },
    { "0", 0, 1 },
    { "-10", -10, 1 },
    { "4.5", 9, 2 },
    { "0.25", 1, 4 },
    { "1.50", 3, 2 },
    { "1/7", 1, 7 },
    { "-1/7", -1, 7 },
    { "2/4", 1, 2 },
    { "14/7", 2, 1 },
    { "007", 7, 1 },
    { "0.000001", 1, 1000000 },
    { "999999999999", G_GINT64_CONSTANT (999999999999), 1 },
  };
  static const char * const bad[] = {
    "",          /* nothing */
    "1/0",       /* no division by zero */
    "abc",
    "4.",        /* a decimal mark needs decimals */
    ".5",
    "1e3",       /* no exponents */
    "4,5",       /* the file's decimal mark is always a full stop */
    "+5",
    " 5",
    "5 ",
    "-",
    "1/",
    "1/-7",
    "1/2/3",
    "4.5/2",
    "0x10",
    "1234567890123",       /* 13 digits: overlong */
    "99999999999999999999999999",
    "1.1234567",           /* 7 decimals: overlong */
    "1/1234567",           /* 7-digit denominator: overlong */
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      PdPoints p = { 42, 42 };

      g_test_message ("parsing “%s”", good[i].text);
      g_assert_true (pd_points_parse (good[i].text, &p));
      assert_points (p, good[i].num, good[i].den);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      PdPoints p = { 42, 42 };

      g_test_message ("refusing “%s”", bad[i]);
      g_assert_false (pd_points_parse (bad[i], &p));
      /* A refusal leaves the output alone. */
      assert_points (p, 42, 42);
    }

  {
    PdPoints p = { 42, 42 };
    g_assert_false (pd_points_parse (NULL, &p));
  }
}

/* Shown with at most two decimals and none when whole, with the locale's
 * decimal mark (sv_SE: a comma). */
static void
test_format (void)
{
  static const struct {
    PdPoints    points;
    const char *text;
  } cases[] = {
    { { 8, 1 }, "8" },
    { { 0, 1 }, "0" },
    { { -10, 1 }, "-10" },
    { { 9, 2 }, "4,5" },        /* half of 9 */
    { { 29, 7 }, "4,14" },      /* 4 + 1/7 */
    { { 1, 7 }, "0,14" },
    { { 4, 3 }, "1,33" },       /* 4 shared by three */
    { { 2, 3 }, "0,67" },
    { { 1, 4 }, "0,25" },
    { { 3, 4 }, "0,75" },
    { { 1, 5 }, "0,2" },
    { { -11, 2 }, "-5,5" },
    { { 63, 2 }, "31,5" },
  };
  const char *numeric = setlocale (LC_NUMERIC, NULL);

  /* The test runs under the Swedish locale; without it the expected
   * texts below would be wrong, so say so rather than fail obscurely. */
  if (numeric == NULL || !g_str_has_prefix (numeric, "sv_SE"))
    {
      g_test_skip ("needs LC_ALL=sv_SE.UTF-8");
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pd_points_format (cases[i].points);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

/* Reading what is shown back is not the point of the format (it rounds),
 * but whatever the rules file writes is read exactly and shown sensibly. */
static void
test_parse_format (void)
{
  PdPoints p;
  g_autofree char *seventh = NULL;
  g_autofree char *half = NULL;

  if (!g_str_has_prefix (setlocale (LC_NUMERIC, NULL), "sv_SE"))
    {
      g_test_skip ("needs LC_ALL=sv_SE.UTF-8");
      return;
    }

  g_assert_true (pd_points_parse ("1/7", &p));
  seventh = pd_points_format (p);
  g_assert_cmpstr (seventh, ==, "0,14");
  g_assert_true (pd_points_parse ("4.5", &p));
  half = pd_points_format (p);
  g_assert_cmpstr (half, ==, "4,5");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/points/new", test_new);
  g_test_add_func ("/points/sevenths", test_sevenths);
  g_test_add_func ("/points/thirds", test_thirds);
  g_test_add_func ("/points/half", test_half);
  g_test_add_func ("/points/compare", test_compare);
  g_test_add_func ("/points/parse", test_parse);
  g_test_add_func ("/points/format", test_format);
  g_test_add_func ("/points/parse-format", test_parse_format);

  return g_test_run ();
}
