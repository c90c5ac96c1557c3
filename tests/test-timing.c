/* Tests of the timing-sheet values (pd-timing.c): lap and race times and
 * gaps written the ways Al Kamel sheets and people write them, what is
 * refused, and that what is formatted reads back. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pd-timing.h"
#include "pd-test.h"

static void
test_times (void)
{
  static const struct { const char *text; gint64 ms; } cases[] = {
    { "1:45.123", 105123 },
    { "1'45.123", 105123 },
    { "1'36.144", 96144 },
    { "2:01'23.456", 7283456 },
    { "4:00'04.690", 14404690 },
    { "5:44'41.101", 20681101 },
    { "5:44:41.101", 20681101 },
    { "45.1", 45100 },
    { "45.12", 45120 },
    { "0.001", 1 },
    { "59", 59000 },
    { "1:45", 105000 },
    { " 1:45,123 ", 105123 },
    { "24:00:00.000", 86400000 },
    { "100:00.5", 6000500 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 ms = -1;

      g_test_message ("%s", cases[i].text);
      g_assert_true (pd_timing_parse_time (cases[i].text, &ms));
      g_assert_cmpint (ms, ==, cases[i].ms);
    }
}

static void
test_not_times (void)
{
  static const char * const cases[] = {
    "", " ", "abc", "1:60.000", "1:5.123", "1:045.1", "1.2345", "1:45.", ".5", "1::45", "1:45:", "1:2:3:4",
    "-1:45.123", "+1:45.123", "1:45.123x", "1 :45", "1:45.1.2", "1000:00:00", "1e3", "1 lap", "１:45",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 ms = 42;

      g_test_message ("“%s”", cases[i]);
      g_assert_false (pd_timing_parse_time (cases[i], &ms));
      g_assert_cmpint (ms, ==, 42);
    }
  g_assert_false (pd_timing_parse_time (NULL, &(gint64) { 0 }));
}

static void
test_gaps (void)
{
  static const struct { const char *text; gboolean laps; gint64 value; } cases[] = {
    { "+11.2", FALSE, 11200 },
    { "11.2", FALSE, 11200 },
    { "28.869", FALSE, 28869 },
    { "1'59.312", FALSE, 119312 },
    { "+1:59.312", FALSE, 119312 },
    { "1 lap", TRUE, 1 },
    { "+1 lap", TRUE, 1 },
    { "1 Laps", TRUE, 1 },
    { "12 Laps", TRUE, 12 },
    { "-12 Laps", TRUE, -12 },
    { "2 LAPS", TRUE, 2 },
    { "3 varv", TRUE, 3 },
  };
  static const char * const wrong[] = {
    "", "+", "lap", "1 lapse", "1lap", "-11.2", "1 lap 2", "++1.0", "1.5 laps", "12345 laps",
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      PdGap gap = { FALSE, -1 };

      g_test_message ("%s", cases[i].text);
      g_assert_true (pd_timing_parse_gap (cases[i].text, &gap));
      g_assert_cmpint (gap.laps, ==, cases[i].laps);
      g_assert_cmpint (gap.value, ==, cases[i].value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
    {
      PdGap gap;

      g_test_message ("“%s”", wrong[i]);
      g_assert_false (pd_timing_parse_gap (wrong[i], &gap));
    }
}

static void
test_format (void)
{
  static const struct { gint64 ms; const char *text; } cases[] = {
    { 0, "0.000" }, { 45100, "45.100" }, { 105123, "1:45.123" }, { 7283456, "2:01:23.456" },
    { 20681101, "5:44:41.101" }, { 3600000, "1:00:00.000" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pd_timing_format_time (cases[i].ms);
      gint64 back = -1;

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (pd_timing_parse_time (text, &back));
      g_assert_cmpint (back, ==, cases[i].ms);
    }

  {
    g_autofree char *time = pd_timing_format_gap ((PdGap) { FALSE, 11200 });
    g_autofree char *one = pd_timing_format_gap ((PdGap) { TRUE, 1 });
    g_autofree char *two = pd_timing_format_gap ((PdGap) { TRUE, 2 });
    PdGap gap;

    g_assert_cmpstr (time, ==, "+11.200");
    /* The tests run in Swedish: "varv", which the parser reads back. */
    g_assert_cmpstr (one, ==, "+1 varv");
    g_assert_cmpstr (two, ==, "+2 varv");
    g_assert_true (pd_timing_parse_gap (two, &gap));
    g_assert_true (gap.laps && gap.value == 2);
  }
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  g_test_add_func ("/timing/times", test_times);
  g_test_add_func ("/timing/not-times", test_not_times);
  g_test_add_func ("/timing/gaps", test_gaps);
  g_test_add_func ("/timing/format", test_format);

  return g_test_run ();
}
