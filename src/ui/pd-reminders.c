#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include "pd-reminder-plan.h"
#include "pd-reminders.h"
#include "pd-ui-util.h"
#include "pd-user-prefs.h"

/*
 * Reminders while the app runs: a GLib timeout until the next reminder of
 * the seasons in "reminder-seasons" (pd_reminder_plan_next() says which
 * and when), then a GNotification per session whose default action,
 * app.show-session, opens it. The plan is made again when the settings
 * change, when the window says the database changed, and at least every
 * RECHECK_SECONDS: paddock-cli (a refresh in a timer, say) may move a
 * session from another process, and a suspended machine's timeouts run
 * late.
 */

#define RECHECK_SECONDS (15 * 60)

struct _PdReminders
{
  GObject       parent_instance;

  GApplication *application;  /* weak: the application owns us */
  GSettings    *settings;
  PdStore      *store;
  GHashTable   *sent;         /* pd_reminder_key()s */
  guint         timeout_id;
  GDateTime    *next;
  GStrv         next_ids;
};

G_DEFINE_FINAL_TYPE (PdReminders, pd_reminders, G_TYPE_OBJECT)

/* The upcoming sessions of the reminded seasons, each season's filtered
 * to the user's car: rows in @flat, owned by the arrays in @owners. */
static void
collect_rows (PdReminders *self,
              GDateTime   *now,
              GPtrArray   *owners,
              GPtrArray   *flat)
{
  g_auto(GStrv) seasons = g_settings_get_strv (self->settings, "reminder-seasons");

  for (guint i = 0; seasons[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *car = pd_user_prefs_get_my_car (self->settings, seasons[i]);
      GPtrArray *rows = pd_schedule_collect (self->store, seasons[i], 0, now, &error);

      /* A season removed since it was chosen has nothing to remind of. */
      if (rows == NULL || !pd_schedule_keep_entry (self->store, rows, seasons[i], car, &error))
        {
          if (!g_error_matches (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND))
            g_warning ("Reminders of %s: %s", seasons[i], error->message);
          g_clear_pointer (&rows, g_ptr_array_unref);
          continue;
        }
      g_ptr_array_add (owners, rows);
      for (guint j = 0; j < rows->len; j++)
        g_ptr_array_add (flat, rows->pdata[j]);
    }
}

/* The reminders due next, with @fire_at; an empty array when none. */
static GPtrArray *
plan (PdReminders  *self,
      GDateTime    *now,
      GPtrArray    *owners,
      GPtrArray    *flat,
      GDateTime   **fire_at)
{
  int minutes = g_settings_get_int (self->settings, "reminder-minutes");

  *fire_at = NULL;
  if (self->store != NULL && minutes > 0)
    collect_rows (self, now, owners, flat);
  return pd_reminder_plan_next (flat, now, minutes, self->sent, fire_at);
}

static gboolean
timeout_cb (gpointer user_data)
{
  PdReminders *self = user_data;

  self->timeout_id = 0;
  pd_reminders_send_due (self);
  pd_reminders_reschedule (self);
  return G_SOURCE_REMOVE;
}

static void
settings_changed_cb (PdReminders *self)
{
  pd_reminders_reschedule (self);
}

static void
pd_reminders_dispose (GObject *object)
{
  PdReminders *self = (PdReminders *) object;

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->settings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pd_reminders_parent_class)->dispose (object);
}

static void
pd_reminders_finalize (GObject *object)
{
  PdReminders *self = (PdReminders *) object;

  g_clear_pointer (&self->sent, g_hash_table_unref);
  g_clear_pointer (&self->next, g_date_time_unref);
  g_clear_pointer (&self->next_ids, g_strfreev);

  G_OBJECT_CLASS (pd_reminders_parent_class)->finalize (object);
}

static void
pd_reminders_class_init (PdRemindersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = pd_reminders_dispose;
  object_class->finalize = pd_reminders_finalize;
}

static void
pd_reminders_init (PdReminders *self)
{
  self->sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * pd_reminders_new:
 * @application: the application that sends the notifications
 *
 * Returns: (transfer full): reminders following @settings; they plan
 *   nothing until they have a store
 */
PdReminders *
pd_reminders_new (GApplication *application,
                  GSettings    *settings)
{
  PdReminders *self;

  g_return_val_if_fail (G_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PD_TYPE_REMINDERS, NULL);
  g_set_weak_pointer (&self->application, application);
  self->settings = g_object_ref (settings);
  g_signal_connect_object (settings, "changed::reminder-minutes", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::reminder-seasons", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (settings, "changed::my-cars", G_CALLBACK (settings_changed_cb), self,
                           G_CONNECT_SWAPPED);
  return self;
}

/**
 * pd_reminders_set_store:
 *
 * Plans from @store's sessions from now on.
 */
void
pd_reminders_set_store (PdReminders *self,
                        PdStore     *store)
{
  g_return_if_fail (PD_IS_REMINDERS (self));
  g_return_if_fail (store == NULL || PD_IS_STORE (store));

  g_set_object (&self->store, store);
  pd_reminders_reschedule (self);
}

/**
 * pd_reminders_reschedule:
 *
 * Plans the next reminder again: to be called when sessions may have
 * changed (an import, a refresh, an edit).
 */
void
pd_reminders_reschedule (PdReminders *self)
{
  g_autoptr(GDateTime) now = pd_ui_now ();
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) flat = g_ptr_array_new ();
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GDateTime *fire_at = NULL;
  guint seconds = RECHECK_SECONDS;

  g_return_if_fail (PD_IS_REMINDERS (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_pointer (&self->next, g_date_time_unref);
  g_clear_pointer (&self->next_ids, g_strfreev);

  due = plan (self, now, owners, flat, &fire_at);
  self->next = fire_at;
  for (guint i = 0; i < due->len; i++)
    g_strv_builder_add (ids, pd_session_get_id (((PdScheduleRow *) due->pdata[i])->session));
  self->next_ids = g_strv_builder_end (ids);

  if (self->store == NULL || g_settings_get_int (self->settings, "reminder-minutes") <= 0)
    return;

  if (fire_at != NULL)
    {
      /* Rounded up, so that the reminder is due when the timer runs. */
      GTimeSpan span = g_date_time_difference (fire_at, now);

      seconds = MIN (seconds, (guint) ((MAX (span, 0) + G_TIME_SPAN_SECOND - 1) / G_TIME_SPAN_SECOND));
    }
  self->timeout_id = g_timeout_add_seconds (seconds, timeout_cb, self);
}

/**
 * pd_reminders_get_next:
 * @session_ids: (out) (optional) (transfer full): the sessions reminded of then
 *
 * Returns: (transfer none) (nullable): when the next reminders are due,
 *   as last planned; %NULL when none are
 */
GDateTime *
pd_reminders_get_next (PdReminders *self,
                       GStrv       *session_ids)
{
  g_return_val_if_fail (PD_IS_REMINDERS (self), NULL);

  if (session_ids != NULL)
    *session_ids = g_strdupv (self->next_ids);
  return self->next;
}

/**
 * pd_reminders_send_due:
 *
 * Sends a notification for each reminder due at pd_ui_now(), once.
 *
 * Returns: how many were sent
 */
guint
pd_reminders_send_due (PdReminders *self)
{
  g_autoptr(GDateTime) now = pd_ui_now ();
  g_autoptr(GPtrArray) owners = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) flat = g_ptr_array_new ();
  g_autoptr(GPtrArray) due = NULL;
  g_autoptr(GDateTime) fire_at = NULL;
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();

  g_return_val_if_fail (PD_IS_REMINDERS (self), 0);

  due = plan (self, now, owners, flat, &fire_at);
  if (fire_at == NULL || g_date_time_compare (fire_at, now) > 0 || self->application == NULL)
    return 0;

  for (guint i = 0; i < due->len; i++)
    {
      PdScheduleRow *row = due->pdata[i];
      const char *id = pd_session_get_id (row->session);
      g_autoptr(GNotification) notification = NULL;
      g_autofree char *title = NULL;
      g_autofree char *body = NULL;
      g_autofree char *notification_id = g_strconcat ("reminder-", id, NULL);

      pd_reminder_describe (row, now, local_zone, &title, &body);
      notification = g_notification_new (title);
      g_notification_set_body (notification, body);
      g_notification_set_default_action_and_target (notification, "app.show-session", "s", id);
      g_application_send_notification (self->application, notification_id, notification);
      g_hash_table_add (self->sent, pd_reminder_key (row));
    }

  return due->len;
}
