#define G_LOG_DOMAIN "paddock-model"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pd-time.h"

/*
 * Instants are UTC; every conversion to a wall clock goes through
 * GTimeZone and GDateTime, which know the daylight-saving rules of the
 * zone at the instant in question.
 */

G_DEFINE_QUARK (pd-time-error-quark, pd_time_error)

/**
 * pd_time_zone_new:
 * @identifier: an IANA zone such as "Europe/Madrid", or "UTC"
 *
 * Unlike g_time_zone_new(), refuses an identifier the system's zone
 * database does not know instead of silently falling back to UTC.
 *
 * Returns: (transfer full) (nullable): the zone
 */
GTimeZone *
pd_time_zone_new (const char  *identifier,
                  GError     **error)
{
  /* Each zone is read from the system's database once: an import asks
   * for the zone of every round. (Zones are immutable.) */
  static GMutex lock;
  static GHashTable *zones;
  GTimeZone *tz = NULL;

  if (identifier != NULL && *identifier != '\0' &&
      /* A path would make GLib read any file as a zone. */
      identifier[0] != '/' && strstr (identifier, "..") == NULL)
    {
      g_mutex_lock (&lock);
      if (zones == NULL)
        zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_time_zone_unref);
      tz = g_hash_table_lookup (zones, identifier);
      if (tz == NULL && (tz = g_time_zone_new_identifier (identifier)) != NULL)
        g_hash_table_insert (zones, g_strdup (identifier), tz);
      if (tz != NULL)
        g_time_zone_ref (tz);
      g_mutex_unlock (&lock);
    }

  if (tz == NULL)
    g_set_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_ZONE,
                 _("“%s” is not a known time zone (expected a name such as “Europe/Madrid”)"),
                 identifier != NULL ? identifier : "");

  return tz;
}

/**
 * pd_time_parse_rfc3339:
 * @text: such as "2023-09-30T14:50:00Z" or "2023-09-30T16:50:00+02:00"
 *
 * Parses a date and time with an explicit offset; a time without one is
 * ambiguous and refused.
 *
 * Returns: (transfer full) (nullable): the instant, in UTC
 */
GDateTime *
pd_time_parse_rfc3339 (const char  *text,
                       GError     **error)
{
  g_autoptr(GDateTime) dt = NULL;
  gsize len;

  len = text != NULL ? strlen (text) : 0;
  /* The shortest form is YYYY-MM-DDTHH:MM:SSZ; an offset must be given. */
  if (len >= 20 && len < 64 &&
      (text[10] == 'T' || text[10] == 't' || text[10] == ' ') &&
      (text[len - 1] == 'Z' || text[len - 1] == 'z' || text[len - 6] == '+' || text[len - 6] == '-'))
    dt = g_date_time_new_from_iso8601 (text, NULL);

  if (dt == NULL)
    {
      g_set_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_TIME,
                   _("“%s” is not a date and time in RFC 3339 form (such as “2023-09-30T14:50:00Z”)"),
                   text != NULL ? text : "");
      return NULL;
    }

  return g_date_time_to_utc (dt);
}

/**
 * pd_time_format_rfc3339:
 *
 * Returns: (transfer full): @datetime as RFC 3339, with "Z" for UTC and
 *   the offset otherwise
 */
char *
pd_time_format_rfc3339 (GDateTime *datetime)
{
  g_return_val_if_fail (datetime != NULL, NULL);

  g_autofree char *clock = NULL;
  g_autofree char *time_of_day = g_date_time_format (datetime, "%H:%M:%S");
  g_autofree char *offset = NULL;

  /* strftime's %Y does not pad years before 1000, which RFC 3339 needs. */
  clock = g_strdup_printf ("%04d-%02d-%02dT%s",
                           g_date_time_get_year (datetime),
                           g_date_time_get_month (datetime),
                           g_date_time_get_day_of_month (datetime),
                           time_of_day);
  if (g_date_time_get_utc_offset (datetime) == 0 &&
      g_strcmp0 (g_time_zone_get_identifier (g_date_time_get_timezone (datetime)), "UTC") == 0)
    return g_strconcat (clock, "Z", NULL);

  offset = g_date_time_format (datetime, "%:z");
  return g_strconcat (clock, offset, NULL);
}

/**
 * pd_time_from_local:
 * @zone: an IANA zone
 * @local_iso: a wall-clock time there, "YYYY-MM-DDTHH:MM[:SS]"
 *
 * Returns: (transfer full) (nullable): the instant, in UTC
 */
GDateTime *
pd_time_from_local (const char  *zone,
                    const char  *local_iso,
                    GError     **error)
{
  g_autoptr(GTimeZone) tz = pd_time_zone_new (zone, error);
  g_autoptr(GDateTime) dt = NULL;

  if (tz == NULL)
    return NULL;

  if (local_iso != NULL && strlen (local_iso) >= 16 && strlen (local_iso) < 64 &&
      local_iso[10] == 'T' && strpbrk (local_iso + 10, "Zz+-") == NULL)
    {
      /* GLib wants the seconds; "HH:MM" means "HH:MM:00". */
      g_autofree char *full = strlen (local_iso) == 16 ? g_strconcat (local_iso, ":00", NULL)
                                                       : g_strdup (local_iso);
      dt = g_date_time_new_from_iso8601 (full, tz);
    }

  if (dt == NULL)
    {
      g_set_error (error, PD_TIME_ERROR, PD_TIME_ERROR_INVALID_TIME,
                   _("“%s” is not a local date and time (such as “2023-09-30T16:50”)"),
                   local_iso != NULL ? local_iso : "");
      return NULL;
    }

  return g_date_time_to_utc (dt);
}

/**
 * pd_time_parse_date:
 * @text: "YYYY-MM-DD"
 *
 * Returns: whether @text is a valid calendar date
 */
gboolean
pd_time_parse_date (const char *text,
                    int        *year,
                    int        *month,
                    int        *day)
{
  int y, m, d;

  /* Exactly YYYY-MM-DD: sscanf() would also take blanks and signs. */
  if (text == NULL || strlen (text) != 10)
    return FALSE;
  for (int i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? text[i] != '-' : !g_ascii_isdigit (text[i]))
      return FALSE;

  y = atoi (text);
  m = atoi (text + 5);
  d = atoi (text + 8);
  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  if (year != NULL)
    *year = y;
  if (month != NULL)
    *month = m;
  if (day != NULL)
    *day = d;
  return TRUE;
}

/**
 * pd_time_date_in_zone:
 * @date: "YYYY-MM-DD"
 *
 * Returns: (transfer full) (nullable): midnight of @date in @zone
 */
GDateTime *
pd_time_date_in_zone (const char *date,
                      GTimeZone  *zone)
{
  int y, m, d;

  if (!pd_time_parse_date (date, &y, &m, &d))
    return NULL;

  return g_date_time_new (zone, y, m, d, 0, 0, 0);
}
