#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "pd-ics.h"
#include "pd-schedule.h"
#include "pd-time.h"

/*
 * iCalendar import and export of a season's sessions (docs/ics.md).
 *
 * libical parses the file and converts times, with the calendar's own
 * VTIMEZONEs or its builtin Olson zones. What libical does not give is
 * where in the file an event is: pd_ics_scan_lines() finds the line of
 * each VEVENT and of its DTSTART and DTEND, so that each thing that cannot
 * be read is reported with its line.
 */

G_DEFINE_QUARK (pd-ics-error-quark, pd_ics_error)

#define SEPARATOR " — "

void
pd_ics_stats_clear (PdIcsStats *stats)
{
  g_clear_pointer (&stats->problems, g_ptr_array_unref);
  stats->sessions = 0;
  stats->rounds = 0;
}

/* Lines */

static gboolean
starts_with_name (const char *line,
                  gsize       length,
                  const char *name)
{
  gsize n = strlen (name);

  return length > n && g_ascii_strncasecmp (line, name, n) == 0 && (line[n] == ':' || line[n] == ';');
}

/**
 * pd_ics_scan_lines:
 * @is_calendar: (out): whether the first line is BEGIN:VCALENDAR
 *
 * Returns: (transfer full): a #PdIcsEventLines per VEVENT, in file order
 */
GArray *
pd_ics_scan_lines (const char *data,
                   gsize       length,
                   gboolean   *is_calendar)
{
  GArray *events = g_array_new (FALSE, TRUE, sizeof (PdIcsEventLines));
  PdIcsEventLines *current = NULL;
  gsize pos = 0;
  guint line = 0;
  gboolean first = TRUE;

  *is_calendar = FALSE;
  /* A UTF-8 byte order mark. */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;

  while (pos < length)
    {
      const char *start = data + pos;
      const char *end = memchr (start, '\n', length - pos);
      gsize n = end != NULL ? (gsize) (end - start) : length - pos;

      pos += n + (end != NULL);
      line++;
      if (n > 0 && start[n - 1] == '\r')
        n--;
      /* A folded line continues the one before; an empty line is none. */
      if (n == 0 || start[0] == ' ' || start[0] == '\t')
        continue;

      if (first)
        {
          *is_calendar = n == strlen ("BEGIN:VCALENDAR") && g_ascii_strncasecmp (start, "BEGIN:VCALENDAR", n) == 0;
          first = FALSE;
        }
      if (n == strlen ("BEGIN:VEVENT") && g_ascii_strncasecmp (start, "BEGIN:VEVENT", n) == 0)
        {
          PdIcsEventLines lines = { line, 0, 0 };

          g_array_append_val (events, lines);
          current = &g_array_index (events, PdIcsEventLines, events->len - 1);
        }
      else if (n == strlen ("END:VEVENT") && g_ascii_strncasecmp (start, "END:VEVENT", n) == 0)
        current = NULL;
      else if (current != NULL && current->dtstart == 0 && starts_with_name (start, n, "DTSTART"))
        current->dtstart = line;
      else if (current != NULL && current->dtend == 0 && starts_with_name (start, n, "DTEND"))
        current->dtend = line;
    }

  return events;
}

/* Reading an event */

typedef struct {
  char            *uid;
  char            *summary;
  char            *location;
  char            *round_name;
  char            *session_name;
  char            *series_name;
  char            *zone;        /* an IANA zone for the circuit */
  PdSessionKind    kind;
  PdSessionStatus  status;
  GDateTime       *start_utc;   /* NULL for a day */
  char            *start_date;
  gint64           sort_key;
  int              duration_min;
  int              sequence;
  guint            line;
  /* Set while grouping */
  char            *round_id;
  char            *session_id;
} Event;

static void
event_free (gpointer data)
{
  Event *event = data;

  g_free (event->uid);
  g_free (event->summary);
  g_free (event->location);
  g_free (event->round_name);
  g_free (event->session_name);
  g_free (event->series_name);
  g_free (event->zone);
  g_clear_pointer (&event->start_utc, g_date_time_unref);
  g_free (event->start_date);
  g_free (event->round_id);
  g_free (event->session_id);
  g_free (event);
}

static char *
valid_text (const char *text)
{
  g_autofree char *valid = NULL;

  if (text == NULL)
    return NULL;
  valid = g_utf8_make_valid (text, -1);
  g_strstrip (valid);
  if (*valid == '\0')
    return NULL;
  return g_steal_pointer (&valid);
}

static void
add_problem (PdIcsStats *stats,
             guint       line,
             char       *message)
{
  /* TRANSLATORS: a problem found in a calendar file: its line, then what */
  g_ptr_array_add (stats->problems, g_strdup_printf (_("Line %u: %s"), line, message));
  g_free (message);
}

/* The session kind a summary names, by its words (docs/ics.md). */
static gboolean
kind_from_summary (const char    *summary,
                   PdSessionKind *kind)
{
  g_autofree char *lower = g_utf8_strdown (summary, -1);
  g_auto(GStrv) words = NULL;
  gboolean sprint = FALSE, qualifying = FALSE, race = FALSE, practice = FALSE, warm_up = FALSE;

  g_strdelimit (lower, "[](),:-/–—", ' ');
  words = g_strsplit_set (lower, " \t", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      const char *w = words[i];

      if (g_str_has_prefix (w, "warm") || g_str_equal (w, "wup"))
        warm_up = TRUE;
      else if (g_str_has_prefix (w, "quali") || g_str_equal (w, "shootout") ||
               (w[0] == 'q' && g_ascii_isdigit (w[1]) && w[2] == '\0'))
        qualifying = TRUE;
      else if (g_str_equal (w, "sprint") || g_str_equal (w, "spr"))
        sprint = TRUE;
      else if (g_str_has_prefix (w, "race") || g_str_equal (w, "rac") || g_str_equal (w, "gp") ||
               g_str_equal (w, "feature") || (g_str_equal (w, "grand") && words[i + 1] != NULL &&
                                              g_str_equal (words[i + 1], "prix")))
        race = TRUE;
      else if (g_str_has_prefix (w, "practi") || g_str_equal (w, "pr") || g_str_has_prefix (w, "test") ||
               g_str_equal (w, "shakedown") ||
               (w[0] == 'f' && w[1] == 'p' && (w[2] == '\0' || (g_ascii_isdigit (w[2]) && w[3] == '\0'))))
        practice = TRUE;
    }

  if (warm_up)
    *kind = PD_SESSION_KIND_WARM_UP;
  else if (qualifying)
    *kind = PD_SESSION_KIND_QUALIFYING;
  else if (sprint)
    *kind = PD_SESSION_KIND_SPRINT;
  else if (race)
    *kind = PD_SESSION_KIND_RACE;
  else if (practice)
    *kind = PD_SESSION_KIND_PRACTICE;
  else
    return FALSE;
  return TRUE;
}

static gboolean
time_is_valid (struct icaltimetype t)
{
  /* The years of motor racing, well inside what GDateTime and libical
   * hold, so that a day after the last is still a date. */
  return !icaltime_is_null_time (t) && t.year >= 1900 && t.year <= 2199 && t.month >= 1 && t.month <= 12 &&
         t.day >= 1 && g_date_valid_dmy (t.day, t.month, t.year) &&
         t.hour >= 0 && t.hour < 24 && t.minute >= 0 && t.minute < 60 && t.second >= 0 && t.second <= 60;
}

/* The zone of a DATE-TIME property: NULL for UTC or floating, else the
 * calendar's VTIMEZONE of that TZID or libical's builtin Olson zone.
 * Sets *@tzid to the TZID given. */
static gboolean
property_zone (icalcomponent  *calendar,
               icalproperty   *prop,
               icaltimezone  **zone,
               const char    **tzid)
{
  icalparameter *param = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);

  *zone = NULL;
  *tzid = NULL;
  if (param == NULL)
    return TRUE;
  *tzid = icalparameter_get_tzid (param);
  if (*tzid == NULL || **tzid == '\0')
    return FALSE;
  *zone = icalcomponent_get_timezone (calendar, *tzid);
  if (*zone == NULL)
    *zone = icaltimezone_get_builtin_timezone (*tzid);
  return *zone != NULL;
}

/* A circuit zone for an event: the Olson TZID when libical knows it, a
 * fixed Etc/GMT zone for a whole-hour offset, else UTC. */
static char *
circuit_zone (const char *tzid,
              gint64      utc,
              gint64      local)
{
  gint64 offset = local - utc;

  if (tzid != NULL && icaltimezone_get_builtin_timezone (tzid) != NULL)
    return g_strdup (tzid);
  if (offset != 0 && offset % 3600 == 0 && ABS (offset) <= 14 * 3600)
    /* The POSIX sign: Etc/GMT-3 is three hours ahead of UTC. */
    return g_strdup_printf ("Etc/GMT%+d", (int) (-offset / 3600));
  return g_strdup ("UTC");
}

/* The offset of a VTIMEZONE whose observances have no DTSTART, as some
 * generators write a fixed offset (TZOFFSETTO with only an RDATE), which
 * libical cannot expand. */
static gboolean
fixed_offset (icaltimezone *zone,
              int          *offset)
{
  icalcomponent *vtimezone = icaltimezone_get_component (zone);
  icalcomponent *observance;
  icalproperty *to;

  if (vtimezone == NULL)
    return FALSE;
  observance = icalcomponent_get_first_component (vtimezone, ICAL_ANY_COMPONENT);
  if (observance == NULL || icalcomponent_get_first_property (observance, ICAL_DTSTART_PROPERTY) != NULL ||
      icalcomponent_get_next_component (vtimezone, ICAL_ANY_COMPONENT) != NULL ||
      (to = icalcomponent_get_first_property (observance, ICAL_TZOFFSETTO_PROPERTY)) == NULL)
    return FALSE;
  *offset = icalproperty_get_tzoffsetto (to);
  return TRUE;
}

static gint64
utc_seconds (struct icaltimetype t,
             icaltimezone       *zone)
{
  int offset;

  if (zone != NULL && fixed_offset (zone, &offset))
    {
      t.zone = NULL;
      return (gint64) icaltime_as_timet_with_zone (t, icaltimezone_get_utc_timezone ()) - offset;
    }
  return (gint64) icaltime_as_timet_with_zone (t, zone != NULL ? zone : icaltimezone_get_utc_timezone ());
}

static void
split_summary (Event *event)
{
  g_auto(GStrv) parts = g_strsplit (event->summary, SEPARATOR, 3);

  if (g_strv_length (parts) == 3)
    {
      event->series_name = valid_text (parts[0]);
      event->round_name = valid_text (parts[1]);
      event->session_name = valid_text (parts[2]);
    }
}

static char *
round_name_from_description (const char *description)
{
  g_autofree char *first = NULL;
  const char *newline;

  if (description == NULL)
    return NULL;
  newline = strchr (description, '\n');
  first = g_strndup (description, newline != NULL ? (gsize) (newline - description) : strlen (description));
  if (g_str_has_prefix (first, "Event:"))
    return valid_text (first + strlen ("Event:"));
  return valid_text (first);
}

static Event *
read_event (icalcomponent         *calendar,
            icalcomponent         *vevent,
            const PdIcsEventLines *lines,
            PdIcsStats            *stats)
{
  g_autoptr(GDateTime) start = NULL;
  Event *event;
  icalproperty *prop;
  icaltimezone *zone = NULL;
  const char *tzid = NULL;
  struct icaltimetype dtstart;
  guint line = lines->dtstart != 0 ? lines->dtstart : lines->begin;
  g_autofree char *summary = valid_text (icalcomponent_get_summary (vevent));
  PdSessionKind kind;

  if (summary == NULL)
    {
      add_problem (stats, lines->begin, g_strdup (_("an event without a summary was skipped")));
      return NULL;
    }

  prop = icalcomponent_get_first_property (vevent, ICAL_DTSTART_PROPERTY);
  if (prop == NULL)
    {
      add_problem (stats, lines->begin, g_strdup_printf (_("“%s” has no start; skipped"), summary));
      return NULL;
    }
  if (!property_zone (calendar, prop, &zone, &tzid))
    {
      if (tzid == NULL || *tzid == '\0')
        add_problem (stats, line, g_strdup_printf (_("the start of “%s” names an empty time zone; skipped"),
                                                   summary));
      else
        {
          g_autofree char *valid_tzid = g_utf8_make_valid (tzid, -1);

          add_problem (stats, line, g_strdup_printf (_("the start of “%s” is in an unknown time zone, “%s”; "
                                                       "skipped"), summary, valid_tzid));
        }
      return NULL;
    }
  dtstart = icalproperty_get_dtstart (prop);
  if (!time_is_valid (dtstart))
    {
      add_problem (stats, line, g_strdup_printf (_("the start of “%s” is not a valid date; skipped"), summary));
      return NULL;
    }

  event = g_new0 (Event, 1);
  event->line = lines->begin;
  event->summary = g_steal_pointer (&summary);
  event->uid = valid_text (icalcomponent_get_uid (vevent));
  event->location = valid_text (icalcomponent_get_location (vevent));
  event->sequence = MAX (icalcomponent_get_sequence (vevent), 0);
  switch (icalcomponent_get_status (vevent))
    {
    case ICAL_STATUS_CANCELLED:
      event->status = PD_SESSION_STATUS_CANCELLED;
      break;
    case ICAL_STATUS_TENTATIVE:
      event->status = PD_SESSION_STATUS_TENTATIVE;
      break;
    default:
      event->status = PD_SESSION_STATUS_SCHEDULED;
      break;
    }
  event->start_date = g_strdup_printf ("%04d-%02d-%02d", dtstart.year, dtstart.month, dtstart.day);

  if (dtstart.is_date)
    {
      event->sort_key = g_date_time_to_unix (start = g_date_time_new_utc (dtstart.year, dtstart.month, dtstart.day,
                                                                          0, 0, 0));
      event->zone = g_strdup (tzid != NULL && zone != NULL && icaltimezone_get_builtin_timezone (tzid) ? tzid
                                                                                                        : "UTC");
    }
  else
    {
      gint64 utc = utc_seconds (dtstart, icaltime_is_utc (dtstart) ? NULL : zone);
      struct icaltimetype wall = dtstart;

      wall.zone = NULL;
      event->start_utc = g_date_time_new_from_unix_utc (utc);
      event->sort_key = utc;
      event->zone = circuit_zone (tzid, utc, utc_seconds (wall, NULL));
    }

  /* The end: DTEND or DURATION; unreadable, the duration stays unknown. */
  prop = icalcomponent_get_first_property (vevent, ICAL_DTEND_PROPERTY);
  if (prop != NULL && !dtstart.is_date)
    {
      icaltimezone *end_zone = NULL;
      const char *end_tzid = NULL;
      struct icaltimetype dtend = icalproperty_get_dtend (prop);

      if (!property_zone (calendar, prop, &end_zone, &end_tzid) || !time_is_valid (dtend) || dtend.is_date)
        add_problem (stats, lines->dtend != 0 ? lines->dtend : lines->begin,
                     g_strdup_printf (_("the end of “%s” cannot be read; its duration is left unknown"),
                                      event->summary));
      else
        {
          gint64 end = utc_seconds (dtend, icaltime_is_utc (dtend) ? NULL : end_zone);

          if (end > event->sort_key && end - event->sort_key < 7 * 24 * 3600)
            event->duration_min = (int) ((end - event->sort_key) / 60);
        }
    }
  else if (prop != NULL && !time_is_valid (icalproperty_get_dtend (prop)))
    add_problem (stats, lines->dtend != 0 ? lines->dtend : lines->begin,
                 g_strdup_printf (_("the end of “%s” is not a valid date; the event is kept as one day"),
                                  event->summary));
  else if (prop == NULL && !dtstart.is_date &&
           (prop = icalcomponent_get_first_property (vevent, ICAL_DURATION_PROPERTY)) != NULL)
    {
      int seconds = icaldurationtype_as_int (icalproperty_get_duration (prop));

      if (seconds > 0 && seconds < 7 * 24 * 3600)
        event->duration_min = seconds / 60;
    }

  /* Reported after what is wrong with its times. */
  if (!kind_from_summary (event->summary, &kind))
    {
      add_problem (stats, lines->begin,
                   g_strdup_printf (_("“%s” names no session (practice, qualifying, sprint, race or warm-up); "
                                      "skipped"), event->summary));
      event_free (event);
      return NULL;
    }
  event->kind = kind;

  split_summary (event);
  if (event->round_name == NULL)
    {
      icalproperty *description = icalcomponent_get_first_property (vevent, ICAL_DESCRIPTION_PROPERTY);

      event->round_name = round_name_from_description (description != NULL
                                                       ? icalproperty_get_description (description) : NULL);
      if (event->round_name == NULL)
        event->round_name = g_strdup (event->location != NULL ? event->location : event->summary);
    }
  if (event->session_name == NULL)
    event->session_name = g_strdup (event->summary);

  return event;
}

/* Storing */

/* A slug of @text: lowercase ASCII letters and digits, dashes between. */
static char *
slugify (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && slug->len > 0)
            g_string_append_c (slug, '-');
          g_string_append_c (slug, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
      if (slug->len >= 48)
        break;
    }
  if (slug->len == 0)
    g_string_append (slug, "x");
  return g_string_free (slug, FALSE);
}

static int
compare_events (gconstpointer a,
                gconstpointer b)
{
  const Event *ea = *(Event * const *) a, *eb = *(Event * const *) b;
  int c = g_strcmp0 (ea->start_date, eb->start_date);

  /* By day; on a day, those without a time first (as the export). */
  if (c != 0)
    return c;
  if ((ea->start_utc == NULL) != (eb->start_utc == NULL))
    return ea->start_utc == NULL ? -1 : 1;
  if (ea->sort_key != eb->sort_key)
    return ea->sort_key < eb->sort_key ? -1 : 1;
  return ea->line < eb->line ? -1 : ea->line > eb->line;
}

typedef struct {
  const char *season_id;
  GPtrArray  *events;         /* Event, sorted */
  const char *calendar_name;
  PdIcsStats *stats;
  gboolean    season_exists;
} Import;

static gboolean
save_season (PdStore     *store,
             Import      *import,
             GError     **error)
{
  g_autoptr(PdSeason) season = pd_season_new ();
  const char *series_name = NULL;

  for (guint i = 0; i < import->events->len && series_name == NULL; i++)
    series_name = ((Event *) import->events->pdata[i])->series_name;

  if (series_name != NULL)
    {
      g_autofree char *series_id = slugify (series_name);
      g_autoptr(PdSeries) found = pd_store_find (store, PD_TYPE_SERIES, series_id, error);

      if (found == NULL)
        {
          g_autoptr(PdSeries) series = pd_series_new ();

          if (error != NULL && *error != NULL)
            return FALSE;
          pd_series_set_id (series, series_id);
          pd_series_set_name (series, series_name);
          if (!pd_store_save (store, G_OBJECT (series), error))
            return FALSE;
        }
      pd_season_set_series_id (season, series_id);
    }
  pd_season_set_id (season, import->season_id);
  pd_season_set_name (season, import->calendar_name != NULL ? import->calendar_name : import->season_id);
  return pd_store_save (store, G_OBJECT (season), error);
}

static gboolean
save_circuit (PdStore     *store,
              Event       *event,
              char       **circuit_id,
              GError     **error)
{
  g_autoptr(PdCircuit) circuit = NULL;

  *circuit_id = NULL;
  if (event->location == NULL)
    return TRUE;
  *circuit_id = slugify (event->location);
  circuit = pd_store_find (store, PD_TYPE_CIRCUIT, *circuit_id, error);
  if (circuit != NULL)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;
  circuit = pd_circuit_new ();
  pd_circuit_set_id (circuit, *circuit_id);
  pd_circuit_set_name (circuit, event->location);
  pd_circuit_set_zone (circuit, event->zone);
  return pd_store_save (store, G_OBJECT (circuit), error);
}

/* The id of an event's session: Paddock's own from a UID it wrote, else
 * one made from the UID, so that importing again updates it. */
static char *
session_id_for (const Import *import,
                const Event  *event)
{
  g_autofree char *hash = NULL;

  if (event->uid != NULL && g_str_has_suffix (event->uid, "@paddock") && strlen (event->uid) > strlen ("@paddock"))
    return g_strndup (event->uid, strlen (event->uid) - strlen ("@paddock"));
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1,
                                        event->uid != NULL ? event->uid : event->summary, -1);
  return g_strdup_printf ("%s-%.12s", import->season_id, hash);
}

static gboolean
import_events (PdStore   *store,
               gpointer   user_data,
               GError   **error)
{
  Import *import = user_data;
  g_autoptr(PdSeason) season = pd_store_find (store, PD_TYPE_SEASON, import->season_id, error);
  g_autoptr(GHashTable) used_round_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) existing_rounds = NULL;
  int next_number;
  guint i = 0;

  if (season == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      if (!save_season (store, import, error))
        return FALSE;
    }
  if ((existing_rounds = pd_store_list_rounds (store, import->season_id, error)) == NULL)
    return FALSE;
  next_number = (int) g_list_model_get_n_items (existing_rounds) + 1;

  /* One round per run of events with the same round name and location
   * within a week of the run's first event. */
  while (i < import->events->len)
    {
      Event *first = import->events->pdata[i];
      g_autoptr(PdRound) round = NULL;
      g_autofree char *circuit_id = NULL;
      g_autofree char *round_id = NULL;
      g_autofree char *base = NULL;
      guint end = i + 1, position = 1;

      while (end < import->events->len)
        {
          Event *next = import->events->pdata[end];

          if (g_strcmp0 (next->round_name, first->round_name) != 0 ||
              g_strcmp0 (next->location, first->location) != 0 ||
              next->sort_key - first->sort_key > 7 * 24 * 3600)
            break;
          end++;
        }

      /* The round of a session already stored is kept. */
      for (guint k = i; k < end && round == NULL; k++)
        {
          g_autofree char *session_id = session_id_for (import, import->events->pdata[k]);
          g_autoptr(PdSession) stored = pd_store_find (store, PD_TYPE_SESSION, session_id, error);

          if (stored == NULL && error != NULL && *error != NULL)
            return FALSE;
          if (stored != NULL)
            {
              round = pd_store_find (store, PD_TYPE_ROUND, pd_session_get_round_id (stored), error);
              if (round != NULL && g_strcmp0 (pd_round_get_season_id (round), import->season_id) != 0)
                g_clear_object (&round);
            }
        }

      if (!save_circuit (store, first, &circuit_id, error))
        return FALSE;

      if (round == NULL)
        {
          g_autofree char *slug = slugify (first->round_name);

          base = g_strdup_printf ("%s-%s", import->season_id, slug);
          round_id = g_strdup (base);
          for (int n = 2; g_hash_table_contains (used_round_ids, round_id); n++)
            {
              g_free (round_id);
              round_id = g_strdup_printf ("%s-%d", base, n);
            }
          round = pd_store_find (store, PD_TYPE_ROUND, round_id, error);
          if (round == NULL)
            {
              if (error != NULL && *error != NULL)
                return FALSE;
              round = pd_round_new ();
              pd_round_set_id (round, round_id);
              pd_round_set_season_id (round, import->season_id);
              pd_round_set_number (round, next_number++);
            }
        }
      g_hash_table_add (used_round_ids, g_strdup (pd_round_get_id (round)));
      pd_round_set_name (round, first->round_name);
      if (circuit_id != NULL)
        pd_round_set_circuit_id (round, circuit_id);
      pd_round_set_start_date (round, first->start_date);
      pd_round_set_end_date (round, ((Event *) import->events->pdata[end - 1])->start_date);
      for (guint k = i; k < end; k++)
        if (g_strcmp0 (((Event *) import->events->pdata[k])->start_date, pd_round_get_end_date (round)) > 0)
          pd_round_set_end_date (round, ((Event *) import->events->pdata[k])->start_date);
      if (!pd_store_save (store, G_OBJECT (round), error))
        return FALSE;
      import->stats->rounds++;

      for (; i < end; i++, position++)
        {
          Event *event = import->events->pdata[i];
          g_autofree char *session_id = session_id_for (import, event);
          g_autoptr(PdSession) session = pd_store_find (store, PD_TYPE_SESSION, session_id, error);

          if (session == NULL)
            {
              if (error != NULL && *error != NULL)
                return FALSE;
              session = pd_session_new ();
              pd_session_set_id (session, session_id);
            }
          pd_session_set_round_id (session, pd_round_get_id (round));
          pd_session_set_kind (session, event->kind);
          pd_session_set_name (session, event->session_name);
          pd_session_set_position (session, (int) position);
          pd_session_set_start_utc (session, event->start_utc);
          pd_session_set_start_date (session, event->start_date);
          /* A day gives no duration: a stored one is kept. */
          if (event->start_utc != NULL || pd_session_get_duration_min (session) <= 0)
            pd_session_set_duration_min (session, event->duration_min);
          pd_session_set_status (session, event->status);
          /* The store keeps the larger of this and its own, and raises
           * it when the time or status changed. */
          pd_session_set_sequence (session, event->sequence);
          if (!pd_store_save (store, G_OBJECT (session), error))
            return FALSE;
          import->stats->sessions++;
        }
    }

  return TRUE;
}

/**
 * pd_ics_import:
 * @season_id: the season to import into, created when it is not there
 * @stats: (out caller-allocates): what was imported, and the problems
 *
 * Imports the sessions of an iCalendar file into a season, in one
 * transaction. Each event that cannot be read is left out and reported in
 * @stats with its line; the rest is imported. A file that is not an
 * iCalendar file at all imports nothing and is an error.
 */
gboolean
pd_ics_import (PdStore     *store,
               const char  *data,
               gsize        length,
               const char  *season_id,
               PdIcsStats  *stats,
               GError     **error)
{
  g_autoptr(GArray) lines = NULL;
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func (event_free);
  g_autofree char *text = NULL;
  g_autofree char *calendar_name = NULL;
  icalcomponent *root, *calendar;
  gboolean is_calendar;
  guint index = 0;
  Import import = { 0 };

  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (season_id != NULL, FALSE);

  stats->sessions = stats->rounds = 0;
  stats->problems = g_ptr_array_new_with_free_func (g_free);

  if (*season_id == '\0')
    {
      g_set_error (error, PD_ICS_ERROR, PD_ICS_ERROR_SEASON, _("The season has no identifier"));
      return FALSE;
    }

  lines = pd_ics_scan_lines (data, length, &is_calendar);
  if (!is_calendar || memchr (data, '\0', length) != NULL)
    {
      g_set_error (error, PD_ICS_ERROR, PD_ICS_ERROR_NOT_ICALENDAR,
                   _("This is not an iCalendar file: it does not begin with BEGIN:VCALENDAR"));
      return FALSE;
    }

  text = g_strndup (data, length);
  root = icalparser_parse_string (text);
  calendar = root;
  if (root != NULL && icalcomponent_isa (root) != ICAL_VCALENDAR_COMPONENT)
    calendar = icalcomponent_get_first_component (root, ICAL_VCALENDAR_COMPONENT);
  if (calendar == NULL)
    {
      if (root != NULL)
        icalcomponent_free (root);
      g_set_error (error, PD_ICS_ERROR, PD_ICS_ERROR_NOT_ICALENDAR,
                   _("This is not an iCalendar file: it holds no calendar"));
      return FALSE;
    }

  for (icalproperty *p = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY); p != NULL;
       p = icalcomponent_get_next_property (calendar, ICAL_X_PROPERTY))
    if (g_strcmp0 (icalproperty_get_x_name (p), "X-WR-CALNAME") == 0 && calendar_name == NULL)
      calendar_name = valid_text (icalproperty_get_x (p));

  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT), index++)
    {
      PdIcsEventLines unknown = { 0, 0, 0 };
      const PdIcsEventLines *event_lines = index < lines->len ? &g_array_index (lines, PdIcsEventLines, index)
                                                              : &unknown;
      Event *event = read_event (calendar, c, event_lines, stats);

      if (event != NULL)
        g_ptr_array_add (events, event);
    }
  icalcomponent_free (root);

  g_ptr_array_sort (events, compare_events);
  import.season_id = season_id;
  import.events = events;
  import.calendar_name = calendar_name;
  import.stats = stats;
  if (!pd_store_transaction (store, import_events, &import, error))
    {
      stats->sessions = stats->rounds = 0;
      return FALSE;
    }
  return TRUE;
}

/* Export */

static icalproperty *
local_time_property (icalproperty *(*new_prop) (struct icaltimetype),
                     GDateTime    *utc,
                     const char   *zone_name,
                     icaltimezone *zone)
{
  struct icaltimetype t = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (utc), 0, zone);
  icalproperty *prop;

  t.zone = NULL;
  prop = new_prop (t);
  icalproperty_add_parameter (prop, icalparameter_new_tzid (zone_name));
  return prop;
}

static struct icaltimetype
date_value (const char *date,
            int         add_days)
{
  struct icaltimetype t = icaltime_null_date ();
  int year = 0, month = 0, day = 0;

  if (pd_time_parse_date (date, &year, &month, &day))
    {
      t.year = year;
      t.month = month;
      t.day = day;
      icaltime_adjust (&t, add_days, 0, 0, 0);
    }
  return t;
}

/* The order of the events, the import's: by day, those without a time
 * first, then by time and id. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  PdSession *sa = (*(PdScheduleRow * const *) a)->session, *sb = (*(PdScheduleRow * const *) b)->session;
  GDateTime *ta = pd_session_get_start_utc (sa), *tb = pd_session_get_start_utc (sb);
  int c = g_strcmp0 (pd_session_get_start_date (sa), pd_session_get_start_date (sb));

  if (c != 0)
    return c;
  if ((ta == NULL) != (tb == NULL))
    return ta == NULL ? -1 : 1;
  if (ta != NULL && (c = g_date_time_compare (ta, tb)) != 0)
    return c;
  return g_strcmp0 (pd_session_get_id (sa), pd_session_get_id (sb));
}

/**
 * pd_ics_export:
 * @reminder_min: minutes before each session for a reminder, or -1 for none
 * @stamp: (nullable): the DTSTAMP of each event; %NULL for now
 *
 * Returns: (transfer full): the season's sessions as an iCalendar file
 */
char *
pd_ics_export (PdStore     *store,
               const char  *season_id,
               int          reminder_min,
               GDateTime   *stamp,
               GError     **error)
{
  g_autoptr(GPtrArray) rows = pd_schedule_collect (store, season_id, 0, NULL, error);
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(PdSeries) series = NULL;
  g_autoptr(GHashTable) zones = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDateTime) now = NULL;
  icalcomponent *calendar;
  struct icaltimetype dtstamp;
  char *text;

  if (rows == NULL)
    return NULL;
  g_ptr_array_sort (rows, compare_rows);
  if ((season = pd_store_get (store, PD_TYPE_SEASON, season_id, error)) == NULL)
    return NULL;
  if (pd_season_get_series_id (season) != NULL &&
      (series = pd_store_find (store, PD_TYPE_SERIES, pd_season_get_series_id (season), error)) == NULL &&
      error != NULL && *error != NULL)
    return NULL;

  if (stamp == NULL)
    stamp = now = g_date_time_new_now_utc ();
  dtstamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (stamp), 0,
                                           icaltimezone_get_utc_timezone ());

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//Paddock//Paddock " PACKAGE_VERSION "//EN"),
                                  icalproperty_new_calscale ("GREGORIAN"),
                                  (void *) 0);
  {
    icalproperty *name = icalproperty_new_x (pd_season_get_name (season));

    icalproperty_set_x_name (name, "X-WR-CALNAME");
    icalcomponent_add_property (calendar, name);
  }

  /* One VTIMEZONE per track zone, with the zone's plain name as TZID. */
  for (guint i = 0; i < rows->len; i++)
    {
      PdScheduleRow *row = rows->pdata[i];
      const char *zone_name = row->circuit != NULL ? pd_circuit_get_zone (row->circuit) : NULL;
      icaltimezone *zone;
      icalcomponent *vtimezone;
      icalproperty *tzid;

      /* UTC has no VTIMEZONE: its sessions are written in UTC. */
      if (zone_name == NULL || pd_session_get_start_utc (row->session) == NULL ||
          g_hash_table_contains (zones, zone_name) ||
          (zone = icaltimezone_get_builtin_timezone (zone_name)) == NULL ||
          icaltimezone_get_component (zone) == NULL)
        continue;
      vtimezone = icalcomponent_new_clone (icaltimezone_get_component (zone));
      if ((tzid = icalcomponent_get_first_property (vtimezone, ICAL_TZID_PROPERTY)) != NULL)
        icalproperty_set_tzid (tzid, zone_name);
      else
        icalcomponent_add_property (vtimezone, icalproperty_new_tzid (zone_name));
      icalcomponent_add_component (calendar, vtimezone);
      g_hash_table_insert (zones, (gpointer) zone_name, zone);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      PdScheduleRow *row = rows->pdata[i];
      PdSession *session = row->session;
      GDateTime *start = pd_session_get_start_utc (session);
      const char *zone_name = row->circuit != NULL ? pd_circuit_get_zone (row->circuit) : NULL;
      icaltimezone *zone = zone_name != NULL ? g_hash_table_lookup (zones, zone_name) : NULL;
      g_autofree char *uid = g_strdup_printf ("%s@paddock", pd_session_get_id (session));
      g_autofree char *summary = NULL;
      icalcomponent *event;
      icalproperty_status status;

      if (start == NULL && pd_session_get_start_date (session) == NULL)
        continue;
      summary = g_strconcat (series != NULL ? pd_series_get_name (series) : pd_season_get_name (season), SEPARATOR,
                             pd_round_get_name (row->round), SEPARATOR, pd_session_get_name (session), NULL);

      event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
      icalcomponent_add_property (event, icalproperty_new_uid (uid));
      icalcomponent_add_property (event, icalproperty_new_dtstamp (dtstamp));
      if (start != NULL)
        {
          g_autoptr(GDateTime) end = g_date_time_add_minutes (start, MAX (pd_session_get_duration_min (session), 0));

          if (zone != NULL)
            {
              icalcomponent_add_property (event, local_time_property (icalproperty_new_dtstart, start, zone_name, zone));
              if (pd_session_get_duration_min (session) > 0)
                icalcomponent_add_property (event, local_time_property (icalproperty_new_dtend, end, zone_name, zone));
            }
          else
            {
              icaltimezone *utc = icaltimezone_get_utc_timezone ();

              icalcomponent_add_property (event, icalproperty_new_dtstart (
                icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (start), 0, utc)));
              if (pd_session_get_duration_min (session) > 0)
                icalcomponent_add_property (event, icalproperty_new_dtend (
                  icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (end), 0, utc)));
            }
        }
      else
        {
          icalcomponent_add_property (event, icalproperty_new_dtstart (date_value (pd_session_get_start_date (session), 0)));
          icalcomponent_add_property (event, icalproperty_new_dtend (date_value (pd_session_get_start_date (session), 1)));
        }
      icalcomponent_add_property (event, icalproperty_new_sequence (pd_session_get_sequence (session)));
      icalcomponent_add_property (event, icalproperty_new_summary (summary));
      if (row->circuit != NULL)
        icalcomponent_add_property (event, icalproperty_new_location (pd_circuit_get_name (row->circuit)));
      switch (pd_session_get_status (session))
        {
        case PD_SESSION_STATUS_CANCELLED:
          status = ICAL_STATUS_CANCELLED;
          break;
        case PD_SESSION_STATUS_TENTATIVE:
        case PD_SESSION_STATUS_POSTPONED:
          status = ICAL_STATUS_TENTATIVE;
          break;
        default:
          status = ICAL_STATUS_CONFIRMED;
          break;
        }
      icalcomponent_add_property (event, icalproperty_new_status (status));

      if (reminder_min >= 0 && status != ICAL_STATUS_CANCELLED)
        {
          struct icaltriggertype trigger = { icaltime_null_time (), icaldurationtype_null_duration () };
          icalcomponent *alarm;

          trigger.duration = icaldurationtype_from_int (-reminder_min * 60);
          alarm = icalcomponent_vanew (ICAL_VALARM_COMPONENT,
                                       icalproperty_new_action (ICAL_ACTION_DISPLAY),
                                       icalproperty_new_trigger (trigger),
                                       icalproperty_new_description (summary),
                                       (void *) 0);
          icalcomponent_add_component (event, alarm);
        }
      icalcomponent_add_component (calendar, event);
    }

  text = g_strdup (icalcomponent_as_ical_string (calendar));
  icalcomponent_free (calendar);
  return text;
}
