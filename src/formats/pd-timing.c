#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-timing.h"

/*
 * Lap times, race times and gaps written the ways timing sheets and people
 * write them. Al Kamel sheets use an apostrophe before the seconds
 * ("1'36.144", "4:00'04.690"), newer ones a colon ("1:45.123",
 * "5:44:41.101"); a decimal comma is taken too, for people who type
 * "1:45,123". Gaps are a time, often with a plus ("+11.2"), or laps
 * ("1 lap", "12 Laps", "-12 Laps"). Nothing from a maintained library
 * reads these, so the parser is small, strict and fuzzed
 * (tests/fuzz/fuzz-time.c).
 */

/* At most this many hours: a 24-hour race with room to spare. */
#define MAX_HOURS 999

static const char *
skip_spaces (const char *p)
{
  while (*p == ' ' || *p == '\t')
    p++;
  return p;
}

/* Reads 1 to @max_digits digits. */
static gboolean
read_number (const char **p,
             int          max_digits,
             gint64      *value,
             int         *digits)
{
  *value = 0;
  *digits = 0;
  while (g_ascii_isdigit (**p))
    {
      if (++*digits > max_digits)
        return FALSE;
      *value = *value * 10 + (**p - '0');
      (*p)++;
    }
  return *digits > 0;
}

/* A time at *p, leaving *p after it. Fields apart by ':' or '\'': up to
 * hours, minutes and seconds; the seconds may have up to three decimals.
 * A field after the first has two digits and is below 60. */
static gboolean
read_time (const char **p,
           gint64      *ms)
{
  gint64 fields[3];
  int n = 0, digits;
  gint64 fraction = 0;

  for (;;)
    {
      if (n == 3)
        return FALSE;
      if (!read_number (p, n == 0 ? 6 : 2, &fields[n], &digits))
        return FALSE;
      if (n > 0 && (digits != 2 || fields[n] >= 60))
        return FALSE;
      n++;
      if (**p == ':' || **p == '\'')
        {
          (*p)++;
          continue;
        }
      break;
    }

  if (**p == '.' || **p == ',')
    {
      int decimals = 0;

      (*p)++;
      while (g_ascii_isdigit (**p))
        {
          if (++decimals > 3)
            return FALSE;
          fraction = fraction * 10 + (**p - '0');
          (*p)++;
        }
      if (decimals == 0)
        return FALSE;
      for (; decimals < 3; decimals++)
        fraction *= 10;
    }

  switch (n)
    {
    case 1:  /* seconds */
      if (fields[0] > (gint64) MAX_HOURS * 3600)
        return FALSE;
      *ms = fields[0] * 1000 + fraction;
      return TRUE;
    case 2:  /* minutes, seconds */
      if (fields[0] > (gint64) MAX_HOURS * 60)
        return FALSE;
      *ms = (fields[0] * 60 + fields[1]) * 1000 + fraction;
      return TRUE;
    default: /* hours, minutes, seconds */
      if (fields[0] > MAX_HOURS)
        return FALSE;
      *ms = ((fields[0] * 60 + fields[1]) * 60 + fields[2]) * 1000 + fraction;
      return TRUE;
    }
}

/**
 * pd_timing_parse_time:
 * @text: "1:45.123", "1'45.123", "2:01'23.456", "5:44:41.101", "45.1"
 * @ms: (out): the time in milliseconds
 *
 * Returns: whether @text is a lap or race time; spaces around it are
 *   allowed, nothing else
 */
gboolean
pd_timing_parse_time (const char *text,
                      gint64     *ms)
{
  const char *p;
  gint64 value;

  g_return_val_if_fail (ms != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  p = skip_spaces (text);
  if (!read_time (&p, &value) || *skip_spaces (p) != '\0')
    return FALSE;
  *ms = value;
  return TRUE;
}

/**
 * pd_timing_parse_gap:
 * @text: "+11.2", "1'59.312", "1 lap", "+2 laps", "12 Laps", "-12 Laps"
 * @gap: (out): the gap
 *
 * Returns: whether @text is a gap in time or in laps
 */
gboolean
pd_timing_parse_gap (const char *text,
                     PdGap      *gap)
{
  const char *p, *word;
  gboolean negative = FALSE;
  gint64 value;
  int digits;

  g_return_val_if_fail (gap != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  p = skip_spaces (text);
  if (*p == '+')
    p++;
  else if (*p == '-')
    {
      negative = TRUE;
      p++;
    }

  /* Laps: a whole number and the word. */
  word = p;
  if (read_number (&word, 4, &value, &digits))
    {
      const char *unit = skip_spaces (word);

      if (unit != word && (g_ascii_strncasecmp (unit, "lap", 3) == 0 || g_ascii_strncasecmp (unit, "varv", 4) == 0))
        {
          const char *end = unit + (g_ascii_tolower (*unit) == 'l' ? 3 : 4);

          if (g_ascii_tolower (unit[0]) == 'l' && g_ascii_tolower (*end) == 's')
            end++;
          if (*skip_spaces (end) != '\0')
            return FALSE;
          gap->laps = TRUE;
          gap->value = negative ? -value : value;
          return TRUE;
        }
    }

  /* A car cannot be ahead of the car it trails by a time. */
  if (negative || !read_time (&p, &value) || *skip_spaces (p) != '\0')
    return FALSE;
  gap->laps = FALSE;
  gap->value = value;
  return TRUE;
}

/**
 * pd_timing_format_time:
 *
 * Returns: (transfer full): @ms as timing sheets write it: "45.123",
 *   "1:45.123", "2:01:23.456"
 */
char *
pd_timing_format_time (gint64 ms)
{
  gint64 seconds, fraction;

  if (ms < 0)
    ms = 0;
  seconds = ms / 1000;
  fraction = ms % 1000;

  if (seconds >= 3600)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d:%02d.%03d", seconds / 3600,
                            (int) (seconds / 60 % 60), (int) (seconds % 60), (int) fraction);
  if (seconds >= 60)
    return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d.%03d", seconds / 60, (int) (seconds % 60), (int) fraction);
  return g_strdup_printf ("%" G_GINT64_FORMAT ".%03d", seconds, (int) fraction);
}

/**
 * pd_timing_format_gap:
 *
 * Returns: (transfer full): "+11.200", "+1:59.312", "+1 lap", "+12 laps"
 */
char *
pd_timing_format_gap (PdGap gap)
{
  g_autofree char *time = NULL;

  if (gap.laps)
    /* TRANSLATORS: a gap in laps between two cars, such as "+2 laps" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%+lld lap", "%+lld laps",
                                         (gulong) (gap.value < 0 ? -gap.value : gap.value)),
                            (long long) gap.value);

  time = pd_timing_format_time (gap.value);
  return g_strdup_printf ("+%s", time);
}
