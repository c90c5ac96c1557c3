#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-csv.h"
#include "pd-schedule.h"
#include "pd-time.h"

/*
 * The schedule of a season: its sessions in order, each with its round and
 * circuit. The command line writes it as text or JSON, and the app's
 * schedule view shows the same rows, so both agree on what "upcoming"
 * means and on how times are labelled.
 */

static void
schedule_row_free (PdScheduleRow *row)
{
  g_clear_object (&row->round);
  g_clear_object (&row->circuit);
  g_clear_object (&row->session);
  g_free (row);
}

/**
 * pd_schedule_row_end:
 *
 * Returns: (transfer full) (nullable): when the session ends, or %NULL when
 *   its start is not known. A session of unknown length counts as ending
 *   when it starts.
 */
GDateTime *
pd_schedule_row_end (PdScheduleRow *row)
{
  GDateTime *start = pd_session_get_start_utc (row->session);

  if (start == NULL)
    return NULL;
  return g_date_time_add_minutes (start, MAX (pd_session_get_duration_min (row->session), 0));
}

/**
 * pd_schedule_row_is_over:
 *
 * Returns: whether the session has ended at @now. A session known only
 *   by its day is over once that day has passed at the track.
 */
gboolean
pd_schedule_row_is_over (PdScheduleRow *row,
                         GDateTime     *now)
{
  g_autoptr(GDateTime) end = pd_schedule_row_end (row);
  const char *date;

  if (end != NULL)
    return g_date_time_compare (end, now) <= 0;

  date = pd_session_get_start_date (row->session);
  if (date == NULL)
    date = pd_round_get_end_date (row->round);

  if (date != NULL && row->circuit != NULL)
    {
      g_autoptr(GTimeZone) tz = g_time_zone_new_identifier (pd_circuit_get_zone (row->circuit));
      g_autoptr(GDateTime) midnight = tz != NULL ? pd_time_date_in_zone (date, tz) : NULL;
      g_autoptr(GDateTime) next_day = midnight != NULL ? g_date_time_add_days (midnight, 1) : NULL;

      if (next_day != NULL)
        return g_date_time_compare (next_day, now) <= 0;
    }

  return FALSE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  PdScheduleRow *ra = *(PdScheduleRow **) a;
  PdScheduleRow *rb = *(PdScheduleRow **) b;
  int cmp;

  cmp = g_strcmp0 (pd_round_get_start_date (ra->round), pd_round_get_start_date (rb->round));
  if (cmp != 0)
    return cmp;
  cmp = g_strcmp0 (pd_round_get_id (ra->round), pd_round_get_id (rb->round));
  if (cmp != 0)
    return cmp;
  return pd_session_get_position (ra->session) - pd_session_get_position (rb->session);
}

/**
 * pd_schedule_collect:
 * @season_id: the season
 * @round_number: a round number, or 0 for all rounds
 * @upcoming_after: (nullable): if set, only sessions that are not over at
 *   this instant and not cancelled
 *
 * Returns: (transfer container) (element-type PdScheduleRow): the rows, or
 *   %NULL with @error set when the season does not exist
 */
static GPtrArray *
collect (PdStore     *store,
         const char  *season_id,
         int          round_number,
         const char  *round_id,
         GDateTime   *upcoming_after,
         GError     **error)
{
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) schedule_row_free);
  gboolean round_found = FALSE;

  season = pd_store_get (store, PD_TYPE_SEASON, season_id, error);
  if (season == NULL)
    return NULL;

  rounds = pd_store_list_rounds (store, season_id, error);
  if (rounds == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);
      g_autoptr(GListModel) sessions = NULL;
      g_autoptr(PdCircuit) circuit = NULL;

      if ((round_number > 0 && pd_round_get_number (round) != round_number) ||
          (round_id != NULL && g_strcmp0 (pd_round_get_id (round), round_id) != 0))
        continue;
      round_found = TRUE;

      if (pd_round_get_circuit_id (round) != NULL)
        {
          circuit = pd_store_get (store, PD_TYPE_CIRCUIT, pd_round_get_circuit_id (round), error);
          if (circuit == NULL)
            return NULL;
        }

      sessions = pd_store_list_sessions (store, pd_round_get_id (round), error);
      if (sessions == NULL)
        return NULL;

      for (guint j = 0; j < g_list_model_get_n_items (sessions); j++)
        {
          PdScheduleRow *row = g_new0 (PdScheduleRow, 1);

          row->round = g_object_ref (round);
          row->circuit = circuit != NULL ? g_object_ref (circuit) : NULL;
          row->session = g_list_model_get_item (sessions, j);

          if (upcoming_after != NULL &&
              (pd_schedule_row_is_over (row, upcoming_after) ||
               pd_session_get_status (row->session) == PD_SESSION_STATUS_CANCELLED ||
               pd_round_get_status (round) == PD_ROUND_STATUS_CANCELLED))
            {
              schedule_row_free (row);
              continue;
            }

          g_ptr_array_add (rows, row);
        }
    }

  if (round_number > 0 && !round_found)
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND,
                   _("Season “%s” has no round %d"), season_id, round_number);
      return NULL;
    }
  if (round_id != NULL && !round_found)
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND,
                   _("Season “%s” has no round “%s”"), season_id, round_id);
      return NULL;
    }

  g_ptr_array_sort (rows, compare_rows);
  return g_steal_pointer (&rows);
}

GPtrArray *
pd_schedule_collect (PdStore     *store,
                     const char  *season_id,
                     int          round_number,
                     GDateTime   *upcoming_after,
                     GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (season_id != NULL, NULL);

  return collect (store, season_id, round_number, NULL, upcoming_after, error);
}

/**
 * pd_schedule_collect_round:
 * @round_id: a round of @season_id, numbered or not
 *
 * Returns: (transfer container) (element-type PdScheduleRow): the round's
 *   sessions
 */
GPtrArray *
pd_schedule_collect_round (PdStore     *store,
                           const char  *season_id,
                           const char  *round_id,
                           GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (season_id != NULL && round_id != NULL, NULL);

  return collect (store, season_id, 0, round_id, NULL, error);
}

static char *
format_in_zone (GDateTime  *datetime,
                GTimeZone  *zone,
                const char *format)
{
  g_autoptr(GDateTime) there = g_date_time_to_timezone (datetime, zone);

  return g_date_time_format (there, format);
}

/**
 * pd_format_clock:
 *
 * Returns: (transfer full): the time of day of @datetime in @zone, with the
 *   zone's abbreviation, such as "16:50 CEST"
 */
char *
pd_format_clock (GDateTime *datetime,
                 GTimeZone *zone)
{
  /* TRANSLATORS: a time of day with its zone, such as "16:50 CEST"; see
   * the strftime() documentation for the other conversions */
  return format_in_zone (datetime, zone, _("%H:%M %Z"));
}

/**
 * pd_format_track_and_local:
 * @track_zone: (nullable): the track's zone, %NULL when not known
 *
 * Returns: (transfer full): @start at the track and in @local_zone,
 *   labelled, such as "16:50 CEST at the track · 10:50 EDT your time"
 */
char *
pd_format_track_and_local (GDateTime *start,
                           GTimeZone *track_zone,
                           GTimeZone *local_zone)
{
  g_autofree char *track = NULL;
  g_autofree char *local = pd_format_clock (start, local_zone);

  if (track_zone == NULL)
    /* TRANSLATORS: a session's start in the user's own zone, the track's being unknown */
    return g_strdup_printf (_("%s your time"), local);

  track = pd_format_clock (start, track_zone);
  /* TRANSLATORS: a session's start at the track, then in the user's own zone */
  return g_strdup_printf (_("%s at the track · %s your time"), track, local);
}

/**
 * pd_format_day:
 * @date: "YYYY-MM-DD"
 *
 * Returns: (transfer full): the day for a heading, such as
 *   "Saturday 30 September"
 */
char *
pd_format_day (const char *date)
{
  int y, m, d;
  g_autoptr(GDateTime) dt = NULL;

  if (!pd_time_parse_date (date, &y, &m, &d))
    return g_strdup (date != NULL ? date : "");

  dt = g_date_time_new_utc (y, m, d, 12, 0, 0);
  if (dt == NULL)
    return g_strdup (date);
  /* TRANSLATORS: a day heading in a schedule, such as "Saturday 30 September" */
  return g_date_time_format (dt, _("%A %-e %B"));
}

/**
 * pd_format_date_range:
 *
 * Returns: (transfer full): the days of a round, such as "29 Sep – 1 Oct 2023"
 */
char *
pd_format_date_range (const char *start_date,
                      const char *end_date)
{
  int y1, m1, d1, y2, m2, d2;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  if (!pd_time_parse_date (start_date, &y1, &m1, &d1))
    return g_strdup (_("Dates not announced"));
  start = g_date_time_new_utc (y1, m1, d1, 12, 0, 0);
  if (start == NULL)
    return g_strdup (start_date);
  if (!pd_time_parse_date (end_date, &y2, &m2, &d2) || g_strcmp0 (start_date, end_date) == 0)
    /* TRANSLATORS: a single day, such as "29 Sep 2023" */
    return g_date_time_format (start, _("%-e %b %Y"));

  end = g_date_time_new_utc (y2, m2, d2, 12, 0, 0);
  if (end == NULL)
    return g_date_time_format (start, _("%-e %b %Y"));
  if (m1 == m2 && y1 == y2)
    /* TRANSLATORS: the first day of a range within one month, such as "21" in "21–23 Apr 2023" */
    a = g_date_time_format (start, _("%-e"));
  else
    /* TRANSLATORS: the first day of a range over two months, such as "29 Sep" in "29 Sep – 1 Oct 2023" */
    a = g_date_time_format (start, _("%-e %b"));
  /* TRANSLATORS: the last day of a range, such as "1 Oct 2023" */
  b = g_date_time_format (end, _("%-e %b %Y"));

  /* TRANSLATORS: a range of days: first day, last day */
  return g_strdup_printf (_("%s – %s"), a, b);
}

/**
 * pd_format_countdown:
 * @span: the time left
 *
 * Returns: (transfer full): such as "in 2 days, 3 h 05 min" or
 *   "in 4 min 10 s"
 */
char *
pd_format_countdown (GTimeSpan span)
{
  gint64 seconds = MAX (span, 0) / G_TIME_SPAN_SECOND;
  gint64 days = seconds / 86400;
  int hours = (seconds % 86400) / 3600;
  int minutes = (seconds % 3600) / 60;
  int secs = seconds % 60;

  if (days > 0)
    {
      g_autofree char *d = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day", "%d days", (gulong) days),
                                            (int) days);
      /* TRANSLATORS: a countdown: a number of days, then hours and minutes */
      return g_strdup_printf (_("in %s, %d h %02d min"), d, hours, minutes);
    }
  if (hours > 0)
    /* TRANSLATORS: a countdown in hours, minutes and seconds */
    return g_strdup_printf (_("in %d h %02d min %02d s"), hours, minutes, secs);

  /* TRANSLATORS: a countdown in minutes and seconds */
  return g_strdup_printf (_("in %d min %02d s"), minutes, secs);
}

static void
add_time_members (JsonBuilder *builder,
                  GDateTime   *start,
                  GTimeZone   *track_zone,
                  GTimeZone   *local_zone)
{
  g_autofree char *utc = NULL;
  g_autofree char *track = NULL;
  g_autofree char *local = NULL;

  if (start != NULL)
    {
      g_autoptr(GDateTime) in_track = track_zone != NULL ? g_date_time_to_timezone (start, track_zone) : NULL;
      g_autoptr(GDateTime) in_local = g_date_time_to_timezone (start, local_zone);

      utc = pd_time_format_rfc3339 (start);
      track = in_track != NULL ? g_date_time_format (in_track, "%Y-%m-%dT%H:%M:%S%:z") : NULL;
      local = g_date_time_format (in_local, "%Y-%m-%dT%H:%M:%S%:z");
    }

  json_builder_set_member_name (builder, "start_utc");
  utc != NULL ? json_builder_add_string_value (builder, utc) : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "start_track");
  track != NULL ? json_builder_add_string_value (builder, track) : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "start_local");
  local != NULL ? json_builder_add_string_value (builder, local) : json_builder_add_null_value (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *name,
                    const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * pd_schedule_to_json:
 * @local_zone: the zone for "start_local"
 *
 * Returns: (transfer full): an array with one object per session
 */
JsonNode *
pd_schedule_to_json (GPtrArray *rows,
                     GTimeZone *local_zone)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      PdScheduleRow *row = rows->pdata[i];
      const char *zone = row->circuit != NULL ? pd_circuit_get_zone (row->circuit) : NULL;
      g_autoptr(GTimeZone) track_zone = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;
      int number = pd_round_get_number (row->round);
      int duration = pd_session_get_duration_min (row->session);
      PdSessionStatus status = pd_session_get_status (row->session);

      /* A session of a cancelled round is cancelled too. */
      if (pd_round_get_status (row->round) == PD_ROUND_STATUS_CANCELLED)
        status = PD_SESSION_STATUS_CANCELLED;

      json_builder_begin_object (builder);
      add_string_or_null (builder, "session_id", pd_session_get_id (row->session));
      json_builder_set_member_name (builder, "round");
      number > 0 ? json_builder_add_int_value (builder, number) : json_builder_add_null_value (builder);
      add_string_or_null (builder, "round_name", pd_round_get_name (row->round));
      add_string_or_null (builder, "circuit", row->circuit != NULL ? pd_circuit_get_name (row->circuit) : NULL);
      add_string_or_null (builder, "session", pd_session_get_name (row->session));
      add_string_or_null (builder, "kind",
                          pd_enum_to_nick (PD_TYPE_SESSION_KIND, pd_session_get_kind (row->session)));
      add_string_or_null (builder, "date", pd_session_get_start_date (row->session));
      add_time_members (builder, pd_session_get_start_utc (row->session), track_zone, local_zone);
      add_string_or_null (builder, "track_zone", zone);
      add_string_or_null (builder, "local_zone", g_time_zone_get_identifier (local_zone));
      json_builder_set_member_name (builder, "duration_min");
      duration > 0 ? json_builder_add_int_value (builder, duration) : json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "driver_change");
      json_builder_add_boolean_value (builder, pd_session_get_driver_change (row->session));
      add_string_or_null (builder, "status", pd_enum_to_nick (PD_TYPE_SESSION_STATUS, status));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* The columns of the CSV form: the members of the JSON form, in order. */
static const char * const csv_columns[] = {
  "session_id", "round", "round_name", "circuit", "session", "kind", "date",
  "start_utc", "start_track", "start_local", "track_zone", "local_zone",
  "duration_min", "driver_change", "status",
};

/**
 * pd_schedule_to_csv:
 * @local_zone: the zone for "start_local"
 *
 * Returns: (transfer full): the schedule as RFC 4180 CSV for a
 *   spreadsheet: a header, then one record per session with the members
 *   of pd_schedule_to_json() as columns ("not known" is an empty field)
 */
char *
pd_schedule_to_csv (GPtrArray *rows,
                    GTimeZone *local_zone)
{
  g_autoptr(JsonNode) root = pd_schedule_to_json (rows, local_zone);
  JsonArray *array = json_node_get_array (root);
  GString *out = g_string_new (NULL);
  guint n_columns = G_N_ELEMENTS (csv_columns);

  for (guint c = 0; c < n_columns; c++)
    pd_csv_append_field (out, csv_columns[c], c + 1 == n_columns);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = json_array_get_object_element (array, i);

      for (guint c = 0; c < n_columns; c++)
        {
          JsonNode *node = json_object_get_member (object, csv_columns[c]);
          g_autofree char *field = NULL;

          g_assert (node != NULL);
          if (JSON_NODE_HOLDS_NULL (node))
            field = g_strdup ("");
          else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
            field = g_strdup (json_node_get_boolean (node) ? "true" : "false");
          else if (json_node_get_value_type (node) == G_TYPE_INT64)
            field = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
          else
            field = g_strdup (json_node_get_string (node));
          pd_csv_append_field (out, field, c + 1 == n_columns);
        }
    }

  return g_string_free (out, FALSE);
}

/**
 * pd_schedule_to_text:
 *
 * Returns: (transfer full): the schedule for a terminal, grouped by round
 *   and day, each time in the track's zone and in @local_zone
 */
char *
pd_schedule_to_text (GPtrArray *rows,
                     GTimeZone *local_zone)
{
  GString *out = g_string_new (NULL);
  PdRound *current_round = NULL;
  const char *current_day = NULL;

  for (guint i = 0; i < rows->len; i++)
    {
      PdScheduleRow *row = rows->pdata[i];
      GDateTime *start = pd_session_get_start_utc (row->session);
      const char *zone = row->circuit != NULL ? pd_circuit_get_zone (row->circuit) : NULL;
      g_autoptr(GTimeZone) track_zone = zone != NULL ? g_time_zone_new_identifier (zone) : NULL;
      const char *day = pd_session_get_start_date (row->session);
      g_autofree char *when = NULL;
      g_autoptr(GString) extras = g_string_new (NULL);
      int duration = pd_session_get_duration_min (row->session);

      if (row->round != current_round)
        {
          g_autofree char *dates = pd_format_date_range (pd_round_get_start_date (row->round),
                                                         pd_round_get_end_date (row->round));
          int number = pd_round_get_number (row->round);

          if (out->len > 0)
            g_string_append_c (out, '\n');
          if (number > 0)
            /* TRANSLATORS: a round heading: number, name, dates */
            g_string_append_printf (out, _("Round %d · %s · %s"), number,
                                    pd_round_get_name (row->round), dates);
          else
            g_string_append_printf (out, "%s · %s", pd_round_get_name (row->round), dates);
          if (row->circuit != NULL)
            g_string_append_printf (out, "\n%s (%s)", pd_circuit_get_name (row->circuit), zone);
          g_string_append_c (out, '\n');
          current_round = row->round;
          current_day = NULL;
        }

      if (g_strcmp0 (day, current_day) != 0 || (day == NULL && current_day == NULL && i == 0))
        {
          g_autofree char *heading = day != NULL ? pd_format_day (day) : g_strdup (_("Day not announced"));

          g_string_append_printf (out, "  %s\n", heading);
          current_day = day;
        }

      if (start != NULL && track_zone != NULL)
        {
          g_autofree char *track = pd_format_clock (start, track_zone);
          g_autofree char *local = pd_format_clock (start, local_zone);

          /* TRANSLATORS: a session's start at the track and in the user's zone */
          when = g_strdup_printf (_("%s track, %s local"), track, local);
        }
      else
        when = g_strdup (_("time not announced"));

      if (duration > 0)
        /* TRANSLATORS: a session's planned length in minutes */
        g_string_append_printf (extras, _(", %d min"), duration);
      if (pd_session_get_driver_change (row->session))
        g_string_append_printf (extras, ", %s", _("driver change"));
      if (pd_session_get_status (row->session) != PD_SESSION_STATUS_SCHEDULED)
        g_string_append_printf (extras, ", %s",
                                pd_session_status_to_label (pd_session_get_status (row->session)));

      g_string_append_printf (out, "    %-28s %s%s\n", when, pd_session_get_name (row->session),
                              extras->str);
    }

  return g_string_free (out, FALSE);
}
