#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-application.h"
#include "pd-preferences-window.h"
#include "pd-reminders.h"
#include "pd-feed-client.h"
#include "pd-window.h"
#include "pd-window-feeds.h"

struct _PdApplication
{
  AdwApplication  parent_instance;

  char           *database_path;
  GSettings      *settings;
  PdReminders    *reminders;

  PdFeedClient   *feed_client;        /* one session for every feed */
  guint           refresh_id;         /* the refresh timer */
  gboolean        started_refresh;    /* the start-up refresh was done */
};

G_DEFINE_FINAL_TYPE (PdApplication, pd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Use the database at PATH"), N_("PATH") },
  { NULL }
};

static int
pd_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  PdApplication *self = PD_APPLICATION (application);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "database", "^ay", &path))
    {
      g_free (self->database_path);
      self->database_path = g_steal_pointer (&path);
    }

  return G_APPLICATION_CLASS (pd_application_parent_class)->handle_local_options (application, options);
}

static void
pd_application_activate (GApplication *application)
{
  PdApplication *self = PD_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (pd_window_new (self));

  gtk_window_present (window);
}

/* Feeds are read again every refresh-interval-minutes, by the window in
 * front; 0 reads them only at start-up. */
static gboolean
refresh_timeout_cb (gpointer user_data)
{
  GtkWindow *window = gtk_application_get_active_window (user_data);

  if (PD_IS_WINDOW (window))
    pd_window_refresh_feeds (PD_WINDOW (window));
  return G_SOURCE_CONTINUE;
}

static void
schedule_refresh (PdApplication *self)
{
  int minutes = self->settings != NULL ? g_settings_get_int (self->settings, "refresh-interval-minutes") : 60;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (minutes > 0)
    self->refresh_id = g_timeout_add_seconds ((guint) minutes * 60, refresh_timeout_cb, self);
}

static void
pd_application_startup (GApplication *application)
{
  PdApplication *self = PD_APPLICATION (application);
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (pd_application_parent_class)->startup (application);

  /* The schema id is the same for the .Devel flavour, so both share
   * window sizes; it may be missing when run from a bare build tree. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, "io.github.paddock.Paddock", TRUE);
  if (schema != NULL)
    self->settings = g_settings_new_full (schema, NULL, NULL);
  else
    g_warning ("GSettings schema io.github.paddock.Paddock not found; settings are not kept");

  /* Reminders run while the app does; they plan once a window has
   * opened the database (pd_application_get_reminders()). */
  if (self->settings != NULL)
    self->reminders = pd_reminders_new (application, self->settings);

  gtk_window_set_default_icon_name (APP_ID);

  if (self->settings != NULL)
    g_signal_connect_object (self->settings, "changed::refresh-interval-minutes",
                             G_CALLBACK (schedule_refresh), self, G_CONNECT_SWAPPED);
  schedule_refresh (self);
}

static void
pd_application_shutdown (GApplication *application)
{
  PdApplication *self = PD_APPLICATION (application);

  g_clear_handle_id (&self->refresh_id, g_source_remove);

  G_APPLICATION_CLASS (pd_application_parent_class)->shutdown (application);
}

static void
pd_application_finalize (GObject *object)
{
  PdApplication *self = (PdApplication *) object;

  g_clear_pointer (&self->database_path, g_free);
  g_clear_object (&self->reminders);
  g_clear_object (&self->settings);
  g_clear_object (&self->feed_client);
  g_clear_handle_id (&self->refresh_id, g_source_remove);

  G_OBJECT_CLASS (pd_application_parent_class)->finalize (object);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GApplication *app = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (app));

  /* Closing the windows lets each save its size first. */
  for (GList *l = windows; l != NULL; l = windows)
    {
      windows = l->next;
      gtk_window_close (l->data);
    }
  g_application_quit (app);
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  const char *developers[] = { "Paddock contributors", NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Paddock"),
                         "application-icon", APP_ID,
                         "developer-name", _("Paddock contributors"),
                         "version", PACKAGE_VERSION,
                         "comments", _("Manage motorsport seasons: calendar, sessions, results and standings."),
                         "website", "https://github.com/paddock/paddock",
                         "issue-url", "https://github.com/paddock/paddock/issues",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "developers", developers,
                         /* TRANSLATORS: your name(s), one per line, shown in the About window */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

/* The main window, made when there is none (a notification clicked
 * while Paddock had no window). */
static PdWindow *
main_window (PdApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (PD_IS_WINDOW (l->data))
      return l->data;

  return pd_window_new (self);
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  PdApplication *self = user_data;
  PdWindow *window = main_window (self);
  GtkWidget *preferences;

  if (self->settings == NULL)
    return;
  preferences = pd_preferences_window_new (GTK_WINDOW (window), self->settings, pd_window_get_store (window));
  gtk_window_present (GTK_WINDOW (preferences));
}

/* The default action of a reminder: the session in the schedule. */
static void
show_session_action (GSimpleAction *action,
                     GVariant      *parameter,
                     gpointer       user_data)
{
  PdWindow *window = main_window (user_data);

  pd_window_show_session (window, g_variant_get_string (parameter, NULL));
  gtk_window_present (GTK_WINDOW (window));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "show-session", show_session_action, "s" },
};

static void
pd_application_class_init (PdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = pd_application_finalize;
  app_class->activate = pd_application_activate;
  app_class->startup = pd_application_startup;
  app_class->shutdown = pd_application_shutdown;
  app_class->handle_local_options = pd_application_handle_local_options;
}

static void
pd_application_init (PdApplication *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);

  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit",
                                         (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences",
                                         (const char *[]) { "<Control>comma", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "window.close",
                                         (const char *[]) { "<Control>w", NULL });

  self->feed_client = pd_feed_client_new ();
}

PdApplication *
pd_application_new (void)
{
  return g_object_new (PD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       /* The .Devel flavour shares the resources. */
                       "resource-base-path", "/io/github/paddock/Paddock",
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       NULL);
}

/**
 * pd_application_get_database_path:
 *
 * Returns: (nullable): the path given with --database, if any
 */
const char *
pd_application_get_database_path (PdApplication *self)
{
  g_return_val_if_fail (PD_IS_APPLICATION (self), NULL);

  return self->database_path;
}

/**
 * pd_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the app's settings
 */
GSettings *
pd_application_get_settings (PdApplication *self)
{
  g_return_val_if_fail (PD_IS_APPLICATION (self), NULL);

  return self->settings;
}

/**
 * pd_application_get_reminders:
 *
 * Returns: (transfer none) (nullable): the reminders, %NULL without settings
 */
PdReminders *
pd_application_get_reminders (PdApplication *self)
{
  g_return_val_if_fail (PD_IS_APPLICATION (self), NULL);

  return self->reminders;
}

/**
 * pd_application_get_feed_client:
 *
 * Returns: (transfer none): the client every window reads feeds with
 */
PdFeedClient *
pd_application_get_feed_client (PdApplication *self)
{
  g_return_val_if_fail (PD_IS_APPLICATION (self), NULL);

  return self->feed_client;
}

/**
 * pd_application_take_startup_refresh:
 *
 * Returns: %TRUE the first time only: the first window to open its
 *   database refreshes the feeds
 */
gboolean
pd_application_take_startup_refresh (PdApplication *self)
{
  g_return_val_if_fail (PD_IS_APPLICATION (self), FALSE);

  if (self->started_refresh)
    return FALSE;
  self->started_refresh = TRUE;
  return TRUE;
}
