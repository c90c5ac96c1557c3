#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-changes-window.h"
#include "pd-feed-client.h"
#include "pd-follow-dialog.h"
#include "pd-window-feeds.h"

/*
 * The window's side of following feeds: the actions (follow, refresh,
 * stop following, changes), the refreshes running in the background and
 * the toasts that tell what they brought. Nothing here waits on the
 * network: each refresh is a task of the application's one feed client.
 */

#define RUNNING_KEY "pd-feeds-running"
#define TOAST_KEY "pd-feeds-toast"

typedef struct {
  PdWindow *window;
  char     *season_id;
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_object_unref (refresh->window);
  g_free (refresh->season_id);
  g_free (refresh);
}

static PdFeedClient *
feed_client (PdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? pd_application_get_feed_client (PD_APPLICATION (app)) : NULL;
}

static guint
running (PdWindow *self)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), RUNNING_KEY));
}

static void
set_running (PdWindow *self,
             guint     count)
{
  g_object_set_data (G_OBJECT (self), RUNNING_KEY, GUINT_TO_POINTER (count));
  pd_feed_status_set_busy (pd_window_get_feed_status (self), count > 0);
}

/* A toast about feeds replaces the one before it, which it makes stale,
 * instead of queuing behind it. */
static void
show_feed_toast (PdWindow *self,
                 AdwToast *toast)
{
  AdwToast *previous = g_object_get_data (G_OBJECT (self), TOAST_KEY);

  if (previous != NULL)
    adw_toast_dismiss (previous);
  g_object_set_data_full (G_OBJECT (self), TOAST_KEY, g_object_ref (toast), g_object_unref);
  pd_window_add_toast_object (self, toast);
}

/**
 * pd_window_feeds_last_toast:
 *
 * Returns: (transfer none) (nullable): the last toast about feeds, which
 *   may wait behind others
 */
AdwToast *
pd_window_feeds_last_toast (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return g_object_get_data (G_OBJECT (self), TOAST_KEY);
}

/**
 * pd_window_feeds_season_shown:
 *
 * Shows the feed of the season now shown, and enables the actions that
 * need one.
 */
void
pd_window_feeds_season_shown (PdWindow   *self,
                              const char *season_id)
{
  gboolean followed = pd_feed_status_set_season (pd_window_get_feed_status (self),
                                                 pd_window_get_store (self), season_id);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.unfollow-feed", followed);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-changes", followed);
}

static void
refresh_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Refresh *refresh = user_data;
  PdWindow *self = refresh->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdFeedReport) report = pd_feed_client_refresh_finish (PD_FEED_CLIENT (source), result, &error);
  gboolean shown;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      refresh_free (refresh);
      return;
    }

  set_running (self, running (self) - 1);
  shown = g_strcmp0 (pd_window_get_season_id (self), refresh->season_id) == 0;

  if (report == NULL)
    {
      /* TRANSLATORS: a season's id, then why its feed could not be read */
      g_autofree char *message = g_strdup_printf (_("%s: %s"), refresh->season_id, error->message);

      show_feed_toast (self, adw_toast_new (message));
    }
  else if (!report->not_modified &&
           report->added + report->changed + report->removed + report->conflicts > 0)
    {
      g_autofree char *summary = pd_feed_summarize (report);
      AdwToast *toast = adw_toast_new (summary);

      adw_toast_set_button_label (toast, _("_Show"));
      adw_toast_set_action_name (toast, "win.show-changes");
      adw_toast_set_action_target_value (toast, g_variant_new_string (refresh->season_id));
      adw_toast_set_timeout (toast, 10);
      show_feed_toast (self, toast);

      /* The views show what the feed brought, highlighted; reminders
       * follow sessions it moved. */
      if (shown)
        pd_window_show_season (self, NULL);
      else
        pd_window_reschedule_reminders (self);
    }

  /* When it was read, or why it failed. */
  if (shown)
    pd_window_feeds_season_shown (self, refresh->season_id);
  refresh_free (refresh);
}

/**
 * pd_window_refresh_feeds:
 *
 * Reads again every followed feed, in the background.
 */
void
pd_window_refresh_feeds (PdWindow *self)
{
  g_autoptr(GPtrArray) feeds = NULL;
  g_autoptr(GError) error = NULL;
  PdStore *store = pd_window_get_store (self);
  PdFeedClient *client = feed_client (self);

  g_return_if_fail (PD_IS_WINDOW (self));

  /* One round of refreshes at a time. */
  if (store == NULL || client == NULL || running (self) > 0)
    return;

  feeds = pd_store_list_feeds (store, &error);
  if (feeds == NULL)
    {
      pd_window_add_toast (self, error->message);
      return;
    }

  set_running (self, feeds->len);
  for (guint i = 0; i < feeds->len; i++)
    {
      Refresh *refresh = g_new0 (Refresh, 1);
      const PdStoreFeed *feed = feeds->pdata[i];

      refresh->window = g_object_ref (self);
      refresh->season_id = g_strdup (feed->season_id);
      pd_feed_client_refresh_async (client, store, feed->season_id, pd_window_get_cancellable (self),
                                    refresh_cb, refresh);
    }
}

/**
 * pd_window_feeds_loaded:
 *
 * The database is open: the first window refreshes the feeds once.
 */
void
pd_window_feeds_loaded (PdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && pd_application_take_startup_refresh (PD_APPLICATION (app)))
    pd_window_refresh_feeds (self);
}

static void
followed_cb (PdWindow   *self,
             const char *season_id)
{
  /* TRANSLATORS: a season's id */
  g_autofree char *message = g_strdup_printf (_("%s follows the feed now"), season_id);

  pd_window_show_season (self, season_id);
  show_feed_toast (self, adw_toast_new (message));
}

static void
follow_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdWindow *self = PD_WINDOW (widget);
  PdFeedClient *client = feed_client (self);
  PdFollowDialog *dialog;

  if (pd_window_get_store (self) == NULL || client == NULL)
    return;

  dialog = pd_follow_dialog_new (GTK_WINDOW (self), client, pd_window_get_store (self),
                                 pd_window_get_season_id (self));
  g_signal_connect_object (dialog, "followed", G_CALLBACK (followed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  pd_window_refresh_feeds (PD_WINDOW (widget));
}

static void
unfollow_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  PdWindow *self = PD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *season_id = g_strdup (pd_window_get_season_id (self));
  g_autofree char *message = NULL;

  if (season_id == NULL || pd_window_get_store (self) == NULL)
    return;

  if (!pd_store_delete_feed (pd_window_get_store (self), season_id, &error))
    {
      pd_window_add_toast (self, error->message);
      return;
    }

  /* TRANSLATORS: a season's id */
  message = g_strdup_printf (_("%s no longer follows a feed. What it brought stays."), season_id);
  pd_window_add_toast (self, message);
  pd_window_feeds_season_shown (self, season_id);
}

static void
season_changed_cb (PdWindow   *self,
                   const char *season_id)
{
  if (g_strcmp0 (pd_window_get_season_id (self), season_id) == 0)
    pd_window_show_season (self, NULL);
}

static void
show_changes_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  PdWindow *self = PD_WINDOW (widget);
  const char *season_id = g_variant_get_string (parameter, NULL);
  PdChangesWindow *changes;

  /* An empty id: the season shown. */
  if (*season_id == '\0')
    season_id = pd_window_get_season_id (self);
  if (season_id == NULL || pd_window_get_store (self) == NULL)
    return;

  changes = pd_changes_window_new (GTK_WINDOW (self), pd_window_get_store (self), season_id);
  g_signal_connect_object (changes, "season-changed", G_CALLBACK (season_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (changes));
}

void
pd_window_feeds_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.follow-feed", NULL, follow_action);
  gtk_widget_class_install_action (widget_class, "win.refresh-feeds", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.unfollow-feed", NULL, unfollow_action);
  gtk_widget_class_install_action (widget_class, "win.show-changes", "s", show_changes_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh-feeds", NULL);

  pd_window_transfer_class_init (widget_class);
}
