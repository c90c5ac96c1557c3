/* Tests of pd-time: zones, RFC 3339 instants, wall clocks across the two
 * daylight-saving changes of 2023, and calendar dates.
 *
 * Expected instants are worked out from the rules of the zones (EU summer
 * time: from 01:00 UTC on the last Sunday of March, 26 March 2023, to
 * 01:00 UTC on the last Sunday of October, 29 October 2023), not taken
 * from the program's output. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pd-test.h"
#include "pd-time.h"

/* 2023-09-30T14:50:00Z, Race 1 at Barcelona. */
#define RACE1_UNIX G_GINT64_CONSTANT (1696085400)

static void
assert_utc (GDateTime  *dt,
            int         year,
            int         month,
            int         day,
            int         hour,
            int         minute)
{
  g_autoptr(GDateTime) expected = g_date_time_new_utc (year, month, day, hour, minute, 0);

  g_assert_nonnull (dt);
  if (!g_date_time_equal (dt, expected))
    {
      g_autofree char *got = g_date_time_format_iso8601 (dt);
      g_autofree char *want = g_date_time_format_iso8601 (expected);
      g_error ("got %s, expected %s", got, want);
    }
}

static void
test_zone_valid (gconstpointer data)
{
  const char * const zones[] = { "Europe/Madrid", "Europe/Stockholm", "America/New_York", "UTC" };

  for (guint i = 0; i < G_N_ELEMENTS (zones); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimeZone) tz = pd_time_zone_new (zones[i], &error);

      g_assert_no_error (error);
      g_assert_nonnull (tz);
      g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, zones[i]);
    }

  /* And it is the real zone, not UTC under another name. */
  {
    g_autoptr(GTimeZone) madrid = pd_time_zone_new ("Europe/Madrid", NULL);
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (RACE1_UNIX);
    g_autoptr(GDateTime) there = g_date_time_to_timezone (utc, madrid);

    g_assert_cmpint (g_date_time_get_utc_offset (there), ==, 2 * G_TIME_SPAN_HOUR);
    g_assert_cmpint (g_date_time_get_hour (there), ==, 16);
  }
}

static void
test_zone_invalid (gconstpointer data)
{
  /* Unknown names, paths (GLib would read any file as a zone) and
   * relative escapes out of the zone folder. */
  const char * const bad[] = {
    "Mars/Olympus", "", "/etc/passwd", "../x", "Europe/../../etc/passwd",
    "/usr/share/zoneinfo/Europe/Madrid", "Europe/Madrid/", "Mars/Base",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GTimeZone) tz = pd_time_zone_new (bad[i], &error);

      g_test_message ("zone “%s”", bad[i]);
      g_assert_null (tz);
      g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_ZONE);
      /* The message names what was given. */
      g_assert_nonnull (strstr (error->message, bad[i]));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GTimeZone) tz = pd_time_zone_new (NULL, &error);

    g_assert_null (tz);
    g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_ZONE);
  }
}

static void
test_rfc3339_parse (gconstpointer data)
{
  /* The same instant, written four ways. */
  const char * const same[] = {
    "2023-09-30T14:50:00Z",
    "2023-09-30T16:50:00+02:00",
    "2023-09-30T10:50:00-04:00",
    "2023-09-30T14:50:00+00:00",
    "2023-09-30T14:50:00.000Z",
  };

  for (guint i = 0; i < G_N_ELEMENTS (same); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) dt = pd_time_parse_rfc3339 (same[i], &error);

      g_test_message ("“%s”", same[i]);
      g_assert_no_error (error);
      g_assert_nonnull (dt);
      g_assert_cmpint (g_date_time_to_unix (dt), ==, RACE1_UNIX);
      /* Returned in UTC. */
      g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 0);
    }

  /* An offset that crosses midnight. */
  {
    g_autoptr(GDateTime) dt = pd_time_parse_rfc3339 ("2023-10-01T01:30:00+05:30", NULL);
    assert_utc (dt, 2023, 9, 30, 20, 0);
  }
}

static void
test_rfc3339_refuse (gconstpointer data)
{
  const char * const bad[] = {
    "2023-09-30T14:50:00",          /* no offset: ambiguous */
    "2023-09-30T16:50",             /* no offset, no seconds */
    "2023-09-30",                   /* a date only */
    "14:50:00Z",                    /* a time only */
    "yesterday",
    "",
    "2023-09-30T14:50:00ZZ",
    "2023-13-01T00:00:00Z",         /* month 13 */
    "2023-02-29T12:00:00Z",         /* not a leap year */
    "2023-09-30T25:00:00Z",
    "2023-09-30T14:60:00Z",
    "2023-09-30T14:50:00+25:00",
    "not a date at all, but long enough +02:00",
    "2023-09-30T14:50:00 +02:00",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) dt = pd_time_parse_rfc3339 (bad[i], &error);

      g_test_message ("“%s”", bad[i]);
      g_assert_null (dt);
      g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_TIME);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }

  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GDateTime) dt = pd_time_parse_rfc3339 (NULL, &error);

    g_assert_null (dt);
    g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_TIME);
  }
}

static void
test_rfc3339_format (gconstpointer data)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (RACE1_UNIX);
  g_autoptr(GTimeZone) madrid = g_time_zone_new_identifier ("Europe/Madrid");
  g_autoptr(GTimeZone) new_york = g_time_zone_new_identifier ("America/New_York");
  g_autoptr(GDateTime) in_madrid = g_date_time_to_timezone (utc, madrid);
  g_autoptr(GDateTime) in_new_york = g_date_time_to_timezone (utc, new_york);
  g_autoptr(GDateTime) parsed = NULL;
  g_autofree char *s_utc = pd_time_format_rfc3339 (utc);
  g_autofree char *s_madrid = pd_time_format_rfc3339 (in_madrid);
  g_autofree char *s_new_york = pd_time_format_rfc3339 (in_new_york);
  g_autofree char *s_parsed = NULL;

  g_assert_cmpstr (s_utc, ==, "2023-09-30T14:50:00Z");
  g_assert_cmpstr (s_madrid, ==, "2023-09-30T16:50:00+02:00");
  g_assert_cmpstr (s_new_york, ==, "2023-09-30T10:50:00-04:00");

  /* What the parser returns formats back with "Z". */
  parsed = pd_time_parse_rfc3339 ("2023-09-30T16:50:00+02:00", NULL);
  s_parsed = pd_time_format_rfc3339 (parsed);
  g_assert_cmpstr (s_parsed, ==, "2023-09-30T14:50:00Z");
}

/* RFC 3339 has four-digit years: a year before 1000 is written with
 * leading zeros, and what is written must parse again. */
static void
test_rfc3339_format_small_year (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dt = pd_time_parse_rfc3339 ("0999-06-01T12:00:00Z", &error);
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) again = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (dt);
  text = pd_time_format_rfc3339 (dt);
  g_assert_cmpstr (text, ==, "0999-06-01T12:00:00Z");
  again = pd_time_parse_rfc3339 (text, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (dt, again));
}

typedef struct {
  const char *local;
  int         year, month, day, hour, minute;   /* expected, UTC */
  int         offset_hours;                     /* at that instant */
} LocalCase;

static void
check_local_cases (const char      *zone,
                   const LocalCase *cases,
                   guint            n_cases)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zone);

  g_assert_nonnull (tz);
  for (guint i = 0; i < n_cases; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) dt = pd_time_from_local (zone, cases[i].local, &error);
      g_autoptr(GDateTime) back = NULL;
      g_autofree char *back_text = NULL;
      g_autofree char *expected_back = NULL;

      g_test_message ("%s %s", zone, cases[i].local);
      g_assert_no_error (error);
      assert_utc (dt, cases[i].year, cases[i].month, cases[i].day, cases[i].hour, cases[i].minute);
      g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 0);

      /* And back to the wall clock, with the offset in force then. */
      back = g_date_time_to_timezone (dt, tz);
      g_assert_cmpint (g_date_time_get_utc_offset (back), ==, cases[i].offset_hours * G_TIME_SPAN_HOUR);
      back_text = g_date_time_format (back, "%Y-%m-%dT%H:%M");
      expected_back = g_strndup (cases[i].local, 16);
      g_assert_cmpstr (back_text, ==, expected_back);
    }
}

static void
test_dst_spring (gconstpointer data)
{
  /* 26 March 2023: at 01:00 UTC clocks go from 02:00 to 03:00 local in
   * both zones (CET → CEST). */
  const LocalCase cases[] = {
    { "2023-03-26T00:00:00", 2023, 3, 25, 23, 0, 1 },
    { "2023-03-26T01:59:00", 2023, 3, 26, 0, 59, 1 },
    { "2023-03-26T03:00:00", 2023, 3, 26, 1, 0, 2 },
    { "2023-03-26T12:00:00", 2023, 3, 26, 10, 0, 2 },
  };

  check_local_cases ("Europe/Madrid", cases, G_N_ELEMENTS (cases));
  check_local_cases ("Europe/Stockholm", cases, G_N_ELEMENTS (cases));
}

static void
test_dst_autumn (gconstpointer data)
{
  /* 29 October 2023: at 01:00 UTC clocks go from 03:00 back to 02:00. */
  const LocalCase cases[] = {
    { "2023-10-29T01:59:00", 2023, 10, 28, 23, 59, 2 },
    { "2023-10-29T03:00:00", 2023, 10, 29, 2, 0, 1 },
    { "2023-10-29T12:00:00", 2023, 10, 29, 11, 0, 1 },
  };
  const char * const zones[] = { "Europe/Madrid", "Europe/Stockholm" };

  check_local_cases ("Europe/Madrid", cases, G_N_ELEMENTS (cases));
  check_local_cases ("Europe/Stockholm", cases, G_N_ELEMENTS (cases));

  for (guint z = 0; z < G_N_ELEMENTS (zones); z++)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (zones[z]);
      /* The hour from 02:00 to 03:00 happens twice: first in summer
       * time (00:xxZ), then in winter time (01:xxZ). */
      g_autoptr(GDateTime) first = g_date_time_new_utc (2023, 10, 29, 0, 30, 0);
      g_autoptr(GDateTime) second = g_date_time_new_utc (2023, 10, 29, 1, 30, 0);
      g_autoptr(GDateTime) first_local = g_date_time_to_timezone (first, tz);
      g_autoptr(GDateTime) second_local = g_date_time_to_timezone (second, tz);
      g_autofree char *a = g_date_time_format (first_local, "%H:%M %:z");
      g_autofree char *b = g_date_time_format (second_local, "%H:%M %:z");
      g_autoptr(GDateTime) ambiguous = pd_time_from_local (zones[z], "2023-10-29T02:30:00", NULL);

      g_assert_cmpstr (a, ==, "02:30 +02:00");
      g_assert_cmpstr (b, ==, "02:30 +01:00");

      /* A wall clock in the repeated hour is one of the two instants. */
      g_assert_nonnull (ambiguous);
      g_assert_true (g_date_time_equal (ambiguous, first) || g_date_time_equal (ambiguous, second));
    }
}

static void
test_barcelona_race1 (gconstpointer data)
{
  /* The Swedish release gives Race 1 as 16:50 Swedish time. */
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) start = pd_time_from_local ("Europe/Stockholm", "2023-09-30T16:50:00", &error);
  g_autoptr(GTimeZone) madrid = g_time_zone_new_identifier ("Europe/Madrid");
  g_autoptr(GTimeZone) stockholm = g_time_zone_new_identifier ("Europe/Stockholm");
  g_autoptr(GDateTime) at_track = NULL;
  g_autoptr(GDateTime) in_sweden = NULL;
  g_autoptr(GDateTime) winter = g_date_time_new_utc (2023, 3, 26, 0, 59, 0);
  g_autoptr(GDateTime) winter_madrid = g_date_time_to_timezone (winter, madrid);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_to_unix (start), ==, RACE1_UNIX);
  text = pd_time_format_rfc3339 (start);
  g_assert_cmpstr (text, ==, "2023-09-30T14:50:00Z");

  at_track = g_date_time_to_timezone (start, madrid);
  g_assert_cmpint (g_date_time_get_hour (at_track), ==, 16);
  g_assert_cmpint (g_date_time_get_minute (at_track), ==, 50);
  g_assert_cmpint (g_date_time_get_utc_offset (at_track), ==, 2 * G_TIME_SPAN_HOUR);

  in_sweden = g_date_time_to_timezone (start, stockholm);
  g_assert_cmpint (g_date_time_get_hour (in_sweden), ==, 16);
  g_assert_cmpint (g_date_time_get_utc_offset (in_sweden), ==, 2 * G_TIME_SPAN_HOUR);

  /* Before the spring change Madrid is at +01:00. */
  g_assert_cmpint (g_date_time_get_utc_offset (winter_madrid), ==, 1 * G_TIME_SPAN_HOUR);
  g_assert_cmpint (g_date_time_get_hour (winter_madrid), ==, 1);
  g_assert_cmpint (g_date_time_get_minute (winter_madrid), ==, 59);
}

static void
test_from_local_invalid (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dt = NULL;

  dt = pd_time_from_local ("Mars/Olympus", "2023-09-30T16:50:00", &error);
  g_assert_null (dt);
  g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_ZONE);
  g_clear_error (&error);

  /* A local time with an offset is not a local time. */
  dt = pd_time_from_local ("Europe/Madrid", "2023-09-30T16:50:00+02:00", &error);
  g_assert_null (dt);
  g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_TIME);
  g_clear_error (&error);

  dt = pd_time_from_local ("Europe/Madrid", "2023-09-30", &error);
  g_assert_null (dt);
  g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_TIME);
  g_clear_error (&error);

  dt = pd_time_from_local ("Europe/Madrid", NULL, &error);
  g_assert_null (dt);
  g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_TIME);
}

/* pd-time.h documents the local form as "YYYY-MM-DDTHH:MM[:SS]", and
 * the error message gives "2023-09-30T16:50" as its example. */
static void
test_from_local_without_seconds (gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dt = pd_time_from_local ("Europe/Stockholm", "2023-09-30T16:50", &error);

  g_assert_no_error (error);
  g_assert_nonnull (dt);
  g_assert_cmpint (g_date_time_to_unix (dt), ==, RACE1_UNIX);
}

static void
test_parse_date (gconstpointer data)
{
  const char * const valid[] = { "2023-09-30", "2024-02-29", "2023-01-01", "2023-12-31", "2000-02-29" };
  const char * const invalid[] = {
    "2023-02-29",      /* 2023 is not a leap year */
    "1900-02-29",      /* nor is 1900 */
    "2023-09-31", "2023-13-01", "2023-00-10", "2023-09-00",
    "2023-9-30", "23-09-30", "20230930", "2023/09/30",
    "2023-09-30T", "2023-09-30 ", "", "yesterday",
    /* Only digits belong in YYYY-MM-DD: no signs, no blanks. */
    " 2023-09-3", "2023- 9-30", "2023-09- 3", "+023-09-30", "2023-+9-30", "-023-09-30",
  };
  int y = 0, m = 0, d = 0;

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      g_test_message ("“%s”", valid[i]);
      g_assert_true (pd_time_parse_date (valid[i], &y, &m, &d));
    }
  g_assert_true (pd_time_parse_date ("2024-02-29", &y, &m, &d));
  g_assert_cmpint (y, ==, 2024);
  g_assert_cmpint (m, ==, 2);
  g_assert_cmpint (d, ==, 29);
  /* The outputs are optional. */
  g_assert_true (pd_time_parse_date ("2023-09-30", NULL, NULL, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      y = m = d = -7;
      g_test_message ("“%s”", invalid[i]);
      g_assert_false (pd_time_parse_date (invalid[i], &y, &m, &d));
      /* Nothing is written on failure. */
      g_assert_cmpint (y, ==, -7);
      g_assert_cmpint (m, ==, -7);
      g_assert_cmpint (d, ==, -7);
    }
  g_assert_false (pd_time_parse_date (NULL, &y, &m, &d));
}

static void
test_date_in_zone (gconstpointer data)
{
  g_autoptr(GTimeZone) madrid = g_time_zone_new_identifier ("Europe/Madrid");
  g_autoptr(GDateTime) midnight = pd_time_date_in_zone ("2023-09-30", madrid);
  g_autoptr(GDateTime) winter = pd_time_date_in_zone ("2023-10-29", madrid);
  g_autoptr(GDateTime) none = pd_time_date_in_zone ("2023-02-29", madrid);

  /* Midnight in Madrid on 30 September is 22:00 UTC the day before. */
  assert_utc (midnight, 2023, 9, 29, 22, 0);
  /* On the autumn change midnight is still summer time. */
  assert_utc (winter, 2023, 10, 28, 22, 0);
  g_assert_null (none);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  pd_test_add_isolated ("/time/zone/valid", test_zone_valid, NULL);
  pd_test_add_isolated ("/time/zone/invalid", test_zone_invalid, NULL);
  pd_test_add_isolated ("/time/rfc3339/parse", test_rfc3339_parse, NULL);
  pd_test_add_isolated ("/time/rfc3339/refuse", test_rfc3339_refuse, NULL);
  pd_test_add_isolated ("/time/rfc3339/format", test_rfc3339_format, NULL);
  pd_test_add_isolated ("/time/rfc3339/format-small-year", test_rfc3339_format_small_year, NULL);
  pd_test_add_isolated ("/time/dst/spring-2023", test_dst_spring, NULL);
  pd_test_add_isolated ("/time/dst/autumn-2023", test_dst_autumn, NULL);
  pd_test_add_isolated ("/time/barcelona-race1", test_barcelona_race1, NULL);
  pd_test_add_isolated ("/time/from-local/invalid", test_from_local_invalid, NULL);
  pd_test_add_isolated ("/time/from-local/without-seconds", test_from_local_without_seconds, NULL);
  pd_test_add_isolated ("/time/date/parse", test_parse_date, NULL);
  pd_test_add_isolated ("/time/date/in-zone", test_date_in_zone, NULL);

  return g_test_run ();
}
