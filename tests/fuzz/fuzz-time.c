/* Fuzz target for the parsers of pd-time.c: RFC 3339 instants, local
 * wall-clock times, calendar dates and zone names.
 *
 * Also the timing-sheet values of pd-timing.c: lap and race times and
 * gaps.
 *
 * Beyond "does not crash", it checks what each parser promises: an
 * instant comes back in UTC and what it formats parses again to the
 * same instant; a date is a real calendar date written YYYY-MM-DD. */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <stdio.h>
#include <string.h>

#include "fuzz.h"
#include "pd-time.h"
#include "pd-timing.h"

static void
check_rfc3339 (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dt = pd_time_parse_rfc3339 (text, &error);
  g_autofree char *formatted = NULL;
  g_autoptr(GDateTime) again = NULL;

  if (dt == NULL)
    {
      g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_TIME);
      return;
    }
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 0);

  formatted = pd_time_format_rfc3339 (dt);
  g_assert_nonnull (formatted);
  g_assert_true (g_str_has_suffix (formatted, "Z"));
  again = pd_time_parse_rfc3339 (formatted, &error);
  if (again == NULL)
    fuzz_fail ("“%s” parsed, but its formatted form “%s” does not: %s", text, formatted, error->message);
  /* Formatting keeps whole seconds. */
  g_assert_cmpint (g_date_time_to_unix (again), ==, g_date_time_to_unix (dt));
}

static void
check_date (const char *text)
{
  int y = -1, m = -1, d = -1;
  char canonical[32];

  if (!pd_time_parse_date (text, &y, &m, &d))
    return;

  g_assert_true (g_date_valid_dmy (d, m, y));
  /* What was accepted is exactly the date, in YYYY-MM-DD. */
  g_snprintf (canonical, sizeof canonical, "%04d-%02d-%02d", y, m, d);
  if (strcmp (canonical, text) != 0)
    fuzz_fail ("“%s” accepted as the date %s", text, canonical);
}

static void
check_local (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) dt = pd_time_from_local ("Europe/Madrid", text, &error);

  if (dt == NULL)
    g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_TIME);
  else
    g_assert_cmpint (g_date_time_get_utc_offset (dt), ==, 0);
}

static void
check_zone (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = NULL;

  /* Keep the fuzzer away from long walks of the zone folder. */
  if (strlen (text) > 64)
    return;

  tz = pd_time_zone_new (text, &error);
  if (tz == NULL)
    {
      g_assert_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_ZONE);
      return;
    }
  /* Never a path outside the zone database. */
  g_assert_true (text[0] != '/');
  g_assert_null (strstr (text, ".."));
}

/* A time or gap that is read is formatted, and what is formatted reads
 * back to the same value. */
static void
check_timing (const char *text)
{
  gint64 ms = -1;
  PdGap gap = { FALSE, -1 };

  if (pd_timing_parse_time (text, &ms))
    {
      g_autofree char *formatted = pd_timing_format_time (ms);
      gint64 again = -1;

      g_assert_cmpint (ms, >=, 0);
      if (!pd_timing_parse_time (formatted, &again) || again != ms)
        fuzz_fail ("time “%s” read as %" G_GINT64_FORMAT " ms, but “%s” does not read back", text, ms, formatted);
    }

  if (pd_timing_parse_gap (text, &gap))
    {
      g_autofree char *formatted = pd_timing_format_gap (gap);
      PdGap again = { FALSE, -1 };

      g_assert_true (gap.laps || gap.value >= 0);
      if (!pd_timing_parse_gap (formatted, &again) || again.laps != gap.laps || again.value != gap.value)
        fuzz_fail ("gap “%s” read, but “%s” does not read back", text, formatted);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = NULL;

  fuzz_init_logging ();

  if (size > 128)
    return 0;

  /* The parsers take C strings: the input up to its first NUL. */
  text = g_strndup ((const char *) data, size);

  check_rfc3339 (text);
  check_date (text);
  check_local (text);
  check_zone (text);
  check_timing (text);

  return 0;
}
