#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-reminder-plan.h"
#include "pd-time.h"

/*
 * What a driver is reminded of, and when: pure functions over schedule
 * rows, so that the app's timer and the tests agree. The app collects the
 * rows of the seasons the user follows, keeps those of the user's car,
 * asks for the next reminder, and sleeps until then.
 *
 * Sessions carry no class of their own: a session is taken to be for one
 * class when its name says so ("Qualifying Pro-Am", "Am Warm-up"), the
 * way series name them in their timetables. "Pro-Am" does not name "Am":
 * a hyphen joins words instead of parting them.
 */

static gboolean
is_word_boundary (const char *start,
                  const char *p)
{
  gunichar c;

  if (p < start || *p == '\0')
    return TRUE;
  c = g_utf8_get_char (p);
  return !g_unichar_isalnum (c) && c != '-';
}

/* Whether @needle stands as a whole word (or words) in @haystack, both
 * case-folded. */
static gboolean
has_word (const char *haystack,
          const char *needle)
{
  gsize len = strlen (needle);

  if (len == 0)
    return FALSE;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    {
      const char *before = p > haystack ? g_utf8_find_prev_char (haystack, p) : NULL;

      if ((before == NULL || is_word_boundary (haystack, before)) && is_word_boundary (haystack, p + len))
        return TRUE;
    }

  return FALSE;
}

static gboolean
names_class (const char *folded_session,
             const char *class_name)
{
  g_autofree char *folded_class = NULL;

  if (class_name == NULL)
    return FALSE;
  folded_class = g_utf8_casefold (class_name, -1);
  return has_word (folded_session, folded_class);
}

/**
 * pd_session_class_index:
 * @session_name: a session's name, such as "Qualifying Pro-Am"
 * @class_names: (array zero-terminated=1): the season's classes
 *
 * Returns: the index in @class_names of the one class @session_name
 *   names, or -1 when it names none (a session for every car) or more
 *   than one
 */
int
pd_session_class_index (const char         *session_name,
                        const char * const *class_names)
{
  g_autofree char *folded = NULL;
  int found = -1;

  if (session_name == NULL || class_names == NULL)
    return -1;

  folded = g_utf8_casefold (session_name, -1);
  for (int i = 0; class_names[i] != NULL; i++)
    if (names_class (folded, class_names[i]))
      {
        if (found >= 0)
          return -1;
        found = i;
      }

  return found;
}

/**
 * pd_schedule_keep_class:
 * @rows: (element-type PdScheduleRow): rows of one season
 * @class_names: (array zero-terminated=1): the season's classes
 * @class_name: (nullable): the class of the user's car
 *
 * Removes from @rows the sessions meant for other classes than
 * @class_name: a session that names a class of the season and not
 * @class_name. Sessions for every car stay. A car without a class keeps
 * only those.
 */
void
pd_schedule_keep_class (GPtrArray          *rows,
                        const char * const *class_names,
                        const char         *class_name)
{
  g_return_if_fail (rows != NULL);

  if (class_names == NULL)
    return;

  for (guint i = rows->len; i > 0; i--)
    {
      PdScheduleRow *row = rows->pdata[i - 1];
      g_autofree char *folded = g_utf8_casefold (pd_session_get_name (row->session) != NULL
                                                 ? pd_session_get_name (row->session) : "", -1);
      gboolean specific = FALSE;

      for (guint c = 0; class_names[c] != NULL && !specific; c++)
        specific = names_class (folded, class_names[c]);

      if (specific && !names_class (folded, class_name))
        g_ptr_array_remove_index (rows, i - 1);
    }
}

/**
 * pd_schedule_keep_entry:
 * @rows: (element-type PdScheduleRow): rows of @season_id
 * @entry_id: (nullable): the user's car
 *
 * pd_schedule_keep_class() for the class of @entry_id. Without a car, or
 * when the car is no longer in the entry list, @rows stay as they are.
 *
 * Returns: %FALSE with @error set when the database cannot be read
 */
gboolean
pd_schedule_keep_entry (PdStore     *store,
                        GPtrArray   *rows,
                        const char  *season_id,
                        const char  *entry_id,
                        GError     **error)
{
  g_autoptr(PdEntry) entry = NULL;
  g_autoptr(PdClass) klass = NULL;
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (rows != NULL && season_id != NULL, FALSE);

  if (entry_id == NULL || *entry_id == '\0')
    return TRUE;

  entry = pd_store_get (store, PD_TYPE_ENTRY, entry_id, &local_error);
  if (entry == NULL || g_strcmp0 (pd_entry_get_season_id (entry), season_id) != 0)
    {
      if (local_error != NULL && !g_error_matches (local_error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      return TRUE;
    }

  classes = pd_store_list_classes (store, season_id, error);
  if (classes == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PdClass) c = g_list_model_get_item (classes, i);

      g_ptr_array_add (names, g_strdup (pd_class_get_name (c)));
      if (g_strcmp0 (pd_class_get_id (c), pd_entry_get_class_id (entry)) == 0)
        g_set_object (&klass, c);
    }
  g_ptr_array_add (names, NULL);

  pd_schedule_keep_class (rows, (const char * const *) names->pdata,
                          klass != NULL ? pd_class_get_name (klass) : NULL);
  return TRUE;
}

/**
 * pd_reminder_key:
 *
 * Returns: (transfer full): what a reminder was sent for: the session and
 *   its start, so that a session moved after its reminder is reminded of
 *   again
 */
char *
pd_reminder_key (PdScheduleRow *row)
{
  GDateTime *start = pd_session_get_start_utc (row->session);
  g_autofree char *when = start != NULL ? pd_time_format_rfc3339 (start) : g_strdup ("");

  return g_strconcat (pd_session_get_id (row->session), "@", when, NULL);
}

/**
 * pd_reminder_plan_next:
 * @rows: (element-type PdScheduleRow): the sessions to remind of, of any
 *   number of seasons, already filtered to the user's car
 * @now: the current instant
 * @minutes_before: how long before a session's start its reminder is due;
 *   0 or less turns reminders off
 * @sent: (nullable) (element-type utf8 utf8): pd_reminder_key() of the
 *   reminders already sent
 * @fire_at: (out) (transfer full) (optional) (nullable): when the next
 *   reminders are due, %NULL when there are none
 *
 * A session is reminded of @minutes_before its start. One whose reminder
 * time has passed but which has not started yet (the app was opened in
 * between) is due at once, at @now. Sessions without a known time,
 * cancelled sessions and sessions of cancelled rounds have no reminder.
 *
 * Returns: (transfer container) (element-type PdScheduleRow): the rows of
 *   @rows whose reminders are due at @fire_at, in the order of @rows;
 *   empty when there are none
 */
GPtrArray *
pd_reminder_plan_next (GPtrArray   *rows,
                       GDateTime   *now,
                       int          minutes_before,
                       GHashTable  *sent,
                       GDateTime  **fire_at)
{
  g_autoptr(GPtrArray) due = g_ptr_array_new ();
  g_autoptr(GDateTime) earliest = NULL;

  g_return_val_if_fail (rows != NULL && now != NULL, NULL);

  for (guint i = 0; minutes_before > 0 && i < rows->len; i++)
    {
      PdScheduleRow *row = rows->pdata[i];
      GDateTime *start = pd_session_get_start_utc (row->session);
      g_autoptr(GDateTime) at = NULL;
      int cmp;

      if (start == NULL || g_date_time_compare (start, now) <= 0 ||
          pd_session_get_status (row->session) == PD_SESSION_STATUS_CANCELLED ||
          pd_round_get_status (row->round) == PD_ROUND_STATUS_CANCELLED)
        continue;

      if (sent != NULL)
        {
          g_autofree char *key = pd_reminder_key (row);

          if (g_hash_table_contains (sent, key))
            continue;
        }

      at = g_date_time_add_minutes (start, -minutes_before);
      if (g_date_time_compare (at, now) < 0)
        {
          g_date_time_unref (at);
          at = g_date_time_ref (now);
        }

      cmp = earliest != NULL ? g_date_time_compare (at, earliest) : -1;
      if (cmp < 0)
        {
          g_ptr_array_set_size (due, 0);
          g_clear_pointer (&earliest, g_date_time_unref);
          earliest = g_steal_pointer (&at);
        }
      if (cmp <= 0)
        g_ptr_array_add (due, row);
    }

  if (fire_at != NULL)
    *fire_at = g_steal_pointer (&earliest);
  return g_steal_pointer (&due);
}

/**
 * pd_reminder_describe:
 * @now: the instant the reminder is shown
 * @title: (out) (transfer full): such as "Race 1 starts in 10 minutes"
 * @body: (out) (transfer full): the round and the track, then the start
 *   at the track and in @local_zone
 *
 * The text of a reminder's notification.
 */
void
pd_reminder_describe (PdScheduleRow  *row,
                      GDateTime      *now,
                      GTimeZone      *local_zone,
                      char          **title,
                      char          **body)
{
  GDateTime *start = pd_session_get_start_utc (row->session);
  const char *name = pd_session_get_name (row->session);
  const char *zone = row->circuit != NULL ? pd_circuit_get_zone (row->circuit) : NULL;
  g_autoptr(GTimeZone) track_zone = zone != NULL ? pd_time_zone_new (zone, NULL) : NULL;
  g_autofree char *when = NULL;
  g_autofree char *where = NULL;
  GTimeSpan left;
  int minutes;

  g_return_if_fail (row != NULL && start != NULL && now != NULL);
  g_return_if_fail (title != NULL && body != NULL);

  /* Rounded up: a reminder 9 min 30 s before says "10 minutes". */
  left = g_date_time_difference (start, now);
  minutes = left > 0 ? (int) ((left + G_TIME_SPAN_MINUTE - 1) / G_TIME_SPAN_MINUTE) : 0;
  if (minutes > 0)
    /* TRANSLATORS: a reminder's title: a session's name and the minutes
     * left before it starts */
    *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s starts in %d minute", "%s starts in %d minutes",
                                           minutes), name, minutes);
  else
    /* TRANSLATORS: a reminder's title: a session's name */
    *title = g_strdup_printf (_("%s is starting"), name);

  if (row->circuit != NULL)
    /* TRANSLATORS: where a reminded session is held: the round's name, then the track's */
    where = g_strdup_printf (_("%s · %s"), pd_round_get_name (row->round), pd_circuit_get_name (row->circuit));
  else
    where = g_strdup (pd_round_get_name (row->round));
  when = pd_format_track_and_local (start, track_zone, local_zone);
  *body = g_strconcat (where, "\n", when, NULL);
}
