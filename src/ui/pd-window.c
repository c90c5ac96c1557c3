#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-calendar-view.h"
#include "pd-database.h"
#include "pd-feed-status.h"
#include "pd-results-view.h"
#include "pd-schedule-view.h"
#include "pd-standings-view.h"
#include "pd-window.h"
#include "pd-window-feeds.h"

struct _PdWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  GtkDropDown          *season_dropdown;
  AdwViewSwitcherTitle *switcher_title;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  AdwStatusPage        *error_page;
  AdwViewStack         *view_stack;
  PdCalendarView       *calendar_view;
  PdScheduleView       *schedule_view;
  PdResultsView        *results_view;
  PdStandingsView      *standings_view;
  PdFeedStatus         *feed_status;

  PdStore              *store;
  GListModel           *seasons;
  GCancellable         *cancellable;
  char                 *pending_session;  /* shown once the database is open */
};

G_DEFINE_FINAL_TYPE (PdWindow, pd_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
get_settings (PdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app != NULL ? pd_application_get_settings (PD_APPLICATION (app)) : NULL;
}

/* Callbacks */

static void
season_selected_cb (PdWindow   *self,
                    GParamSpec *pspec,
                    GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);
  g_autoptr(PdSeason) season = NULL;
  GSettings *settings;
  const char *id;

  if (self->seasons == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  season = g_list_model_get_item (self->seasons, position);
  if (season == NULL)
    return;

  id = pd_season_get_id (season);
  pd_calendar_view_set_season (self->calendar_view, self->store, id);
  pd_schedule_view_set_season (self->schedule_view, self->store, id);
  pd_results_view_set_season (self->results_view, self->store, id);
  pd_standings_view_set_season (self->standings_view, self->store, id);
  pd_window_feeds_season_shown (self, id);

  settings = get_settings (self);
  if (settings != NULL)
    g_settings_set_string (settings, "selected-season", id);
}

static void
show_schedule_cb (PdWindow       *self,
                  const char     *round_id,
                  PdCalendarView *view)
{
  pd_schedule_view_select_round (self->schedule_view, round_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "schedule");
}

static void
show_toast_cb (PdWindow   *self,
               const char *message,
               GtkWidget  *view)
{
  pd_window_add_toast (self, message);
}

static void
view_changed_cb (PdWindow     *self,
                 GParamSpec   *pspec,
                 AdwViewStack *stack)
{
  GSettings *settings = get_settings (self);
  const char *name = adw_view_stack_get_visible_child_name (stack);

  if (settings != NULL && name != NULL)
    g_settings_set_string (settings, "selected-view", name);
}

static void
setup_season_item_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (GTK_LABEL (label), 10);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 26);
  gtk_list_item_set_child (item, label);
}

static void
bind_season_item_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  PdSeason *season = gtk_list_item_get_item (item);

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), pd_season_get_name (season));
}

static void
show_seasons (PdWindow *self)
{
  g_autoptr(GError) error = NULL;
  GSettings *settings = get_settings (self);
  g_autofree char *wanted = settings != NULL ? g_settings_get_string (settings, "selected-season") : NULL;
  guint selected = 0;

  g_clear_object (&self->seasons);
  self->seasons = pd_store_list_seasons (self->store, &error);
  if (self->seasons == NULL)
    {
      pd_window_add_toast (self, error->message);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->seasons); i++)
    {
      g_autoptr(PdSeason) season = g_list_model_get_item (self->seasons, i);

      if (g_strcmp0 (pd_season_get_id (season), wanted) == 0)
        selected = i;
    }

  g_signal_handlers_block_by_func (self->season_dropdown, season_selected_cb, self);
  gtk_drop_down_set_model (self->season_dropdown, self->seasons);
  gtk_drop_down_set_selected (self->season_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->season_dropdown, season_selected_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->season_dropdown),
                            g_list_model_get_n_items (self->seasons) > 0);

  season_selected_cb (self, NULL, self->season_dropdown);

  if (settings != NULL)
    {
      g_autofree char *view = g_settings_get_string (settings, "selected-view");

      if (adw_view_stack_get_child_by_name (self->view_stack, view) != NULL)
        adw_view_stack_set_visible_child_name (self->view_stack, view);
    }

  gtk_stack_set_visible_child_name (self->main_stack, "content");
}

/* Opening the database reads and checks the whole file, and may create and
 * fill it: that runs in a worker thread, never on the main loop. */
static void
open_database_thread (GTask        *task,
                      gpointer      source_object,
                      gpointer      task_data,
                      GCancellable *cancellable)
{
  GError *error = NULL;
  PdStore *store = pd_database_open (task_data, &error);

  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   PdWindow         *self)
{
  if (g_strcmp0 (response, "quit") == 0)
    gtk_window_close (GTK_WINDOW (self));
}

static void
open_database_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  PdWindow *self = PD_WINDOW (source);
  g_autoptr(GError) error = NULL;
  PdStore *store = g_task_propagate_pointer (G_TASK (result), &error);
  GtkApplication *app;
  GtkWidget *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (store == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "error");

      dialog = adw_message_dialog_new (GTK_WINDOW (self), _("The Database Could Not Be Opened"),
                                       error->message);
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Close"),
                                        "quit", _("_Quit"),
                                        NULL);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_signal_connect_object (dialog, "response", G_CALLBACK (error_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  self->store = store;
  show_seasons (self);

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (app != NULL && pd_application_get_reminders (PD_APPLICATION (app)) != NULL)
    pd_reminders_set_store (pd_application_get_reminders (PD_APPLICATION (app)), store);
  if (self->pending_session != NULL)
    {
      g_autofree char *session_id = g_steal_pointer (&self->pending_session);

      pd_window_show_session (self, session_id);
    }
  pd_window_feeds_loaded (self);
}

static gboolean
pd_window_close_request (GtkWindow *window)
{
  PdWindow *self = PD_WINDOW (window);
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (pd_window_parent_class)->close_request (window);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PdWindow *self = PD_WINDOW (widget);

  adw_view_stack_set_visible_child_name (self->view_stack, g_variant_get_string (parameter, NULL));
}

/* Called once the window belongs to the application, whose settings and
 * database path it needs. */
static void
pd_window_load (PdWindow *self)
{
  GSettings *settings = get_settings (self);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  g_autoptr(GTask) task = NULL;
  const char *path;

  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  if (g_strcmp0 (PROFILE, "Devel") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  path = app != NULL ? pd_application_get_database_path (PD_APPLICATION (app)) : NULL;
  task = g_task_new (self, self->cancellable, open_database_cb, NULL);
  g_task_set_source_tag (task, pd_window_load);
  g_task_set_task_data (task, g_strdup (path), g_free);
  g_task_run_in_thread (task, open_database_thread);
}

static void
pd_window_dispose (GObject *object)
{
  PdWindow *self = (PdWindow *) object;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_WINDOW);

  G_OBJECT_CLASS (pd_window_parent_class)->dispose (object);
}

static void
pd_window_finalize (GObject *object)
{
  PdWindow *self = (PdWindow *) object;

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->pending_session, g_free);
  g_clear_object (&self->seasons);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pd_window_parent_class)->finalize (object);
}

static void
pd_window_class_init (PdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pd_window_dispose;
  object_class->finalize = pd_window_finalize;
  window_class->close_request = pd_window_close_request;

  g_type_ensure (PD_TYPE_CALENDAR_VIEW);
  g_type_ensure (PD_TYPE_SCHEDULE_VIEW);
  g_type_ensure (PD_TYPE_RESULTS_VIEW);
  g_type_ensure (PD_TYPE_STANDINGS_VIEW);
  g_type_ensure (PD_TYPE_FEED_STATUS);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/paddock/Paddock/ui/pd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdWindow, season_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, calendar_view);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, schedule_view);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, results_view);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, standings_view);
  gtk_widget_class_bind_template_child (widget_class, PdWindow, feed_status);

  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "calendar");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "schedule");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "results");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_4, GDK_CONTROL_MASK,
                                       "win.show-view", "s", "standings");

  pd_window_feeds_class_init (widget_class);
}

static void
pd_window_init (PdWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_season_item_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_season_item_cb), NULL);
  gtk_drop_down_set_factory (self->season_dropdown, factory);

  g_signal_connect_object (self->season_dropdown, "notify::selected",
                           G_CALLBACK (season_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar_view, "show-schedule",
                           G_CALLBACK (show_schedule_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar_view, "show-toast",
                           G_CALLBACK (show_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->schedule_view, "show-toast",
                           G_CALLBACK (show_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_view, "show-toast",
                           G_CALLBACK (show_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->results_view, "results-changed",
                           G_CALLBACK (pd_standings_view_reload_session), self->standings_view, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->standings_view, "show-toast",
                           G_CALLBACK (show_toast_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name",
                           G_CALLBACK (view_changed_cb), self, G_CONNECT_SWAPPED);
}

PdWindow *
pd_window_new (PdApplication *application)
{
  PdWindow *self = g_object_new (PD_TYPE_WINDOW, "application", application, NULL);

  pd_window_load (self);
  return self;
}

/**
 * pd_window_add_toast:
 * @message: a translated message
 *
 * Shows @message in a toast; the views raise their errors this way.
 */
void
pd_window_add_toast (PdWindow   *self,
                     const char *message)
{
  g_return_if_fail (PD_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
}

/**
 * pd_window_add_toast_object:
 * @toast: (transfer full): a toast, with a button, say
 */
void
pd_window_add_toast_object (PdWindow *self,
                            AdwToast *toast)
{
  g_return_if_fail (PD_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * pd_window_get_store:
 *
 * Returns: (transfer none) (nullable): the database, once it is open
 */
PdStore *
pd_window_get_store (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * pd_window_show_session:
 *
 * Shows @session_id in the schedule, its season chosen; once the
 * database is open when it is not yet.
 */
void
pd_window_show_session (PdWindow   *self,
                        const char *session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autoptr(PdRound) round = NULL;

  g_return_if_fail (PD_IS_WINDOW (self));
  g_return_if_fail (session_id != NULL);

  if (self->store == NULL)
    {
      g_free (self->pending_session);
      self->pending_session = g_strdup (session_id);
      return;
    }

  session = pd_store_get (self->store, PD_TYPE_SESSION, session_id, &error);
  if (session != NULL)
    round = pd_store_get (self->store, PD_TYPE_ROUND, pd_session_get_round_id (session), &error);
  if (round == NULL)
    {
      pd_window_add_toast (self, error->message);
      return;
    }

  for (guint i = 0; self->seasons != NULL && i < g_list_model_get_n_items (self->seasons); i++)
    {
      g_autoptr(PdSeason) season = g_list_model_get_item (self->seasons, i);

      if (g_strcmp0 (pd_season_get_id (season), pd_round_get_season_id (round)) == 0 &&
          gtk_drop_down_get_selected (self->season_dropdown) != i)
        gtk_drop_down_set_selected (self->season_dropdown, i);
    }

  pd_schedule_view_select_session (self->schedule_view, pd_round_get_id (round), session_id);
  adw_view_stack_set_visible_child_name (self->view_stack, "schedule");
}

/**
 * pd_window_get_cancellable:
 *
 * Returns: (transfer none): what the window cancels when it goes
 */
GCancellable *
pd_window_get_cancellable (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return self->cancellable;
}

/**
 * pd_window_get_feed_status:
 *
 * Returns: (transfer none): the strip showing the season's feed
 */
PdFeedStatus *
pd_window_get_feed_status (PdWindow *self)
{
  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  return self->feed_status;
}

/**
 * pd_window_get_season_id:
 *
 * Returns: (nullable): the id of the season shown
 */
const char *
pd_window_get_season_id (PdWindow *self)
{
  PdSeason *season;

  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  season = self->seasons != NULL ? gtk_drop_down_get_selected_item (self->season_dropdown) : NULL;
  return season != NULL ? pd_season_get_id (season) : NULL;
}

/**
 * pd_window_reschedule_reminders:
 *
 * Plans the reminders again, after sessions may have changed.
 */
void
pd_window_reschedule_reminders (PdWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (app != NULL && pd_application_get_reminders (PD_APPLICATION (app)) != NULL)
    pd_reminders_reschedule (pd_application_get_reminders (PD_APPLICATION (app)));
}

/**
 * pd_window_show_season:
 * @season_id: (nullable): the season to show, or %NULL for the one shown
 *
 * Reads the seasons again, as one may have come or changed, and shows
 * @season_id.
 */
void
pd_window_show_season (PdWindow   *self,
                       const char *season_id)
{
  g_autofree char *wanted = NULL;
  GSettings *settings;

  g_return_if_fail (PD_IS_WINDOW (self));

  if (self->store == NULL)
    return;
  wanted = g_strdup (season_id != NULL ? season_id : pd_window_get_season_id (self));
  settings = get_settings (self);
  if (settings != NULL && wanted != NULL)
    g_settings_set_string (settings, "selected-season", wanted);

  show_seasons (self);
  for (guint i = 0; wanted != NULL && i < g_list_model_get_n_items (self->seasons); i++)
    {
      g_autoptr(PdSeason) season = g_list_model_get_item (self->seasons, i);

      if (g_strcmp0 (pd_season_get_id (season), wanted) == 0 &&
          gtk_drop_down_get_selected (self->season_dropdown) != i)
        gtk_drop_down_set_selected (self->season_dropdown, i);
    }
  /* What was read or imported may have moved sessions. */
  pd_window_reschedule_reminders (self);
}
