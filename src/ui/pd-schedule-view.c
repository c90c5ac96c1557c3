#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-reminder-plan.h"
#include "pd-feed-ui.h"
#include "pd-schedule-view.h"
#include "pd-schedule.h"
#include "pd-ui-util.h"
#include "pd-user-prefs.h"

/*
 * A round's sessions by day, each in the track's zone and the user's, and
 * "Up next" for the whole season with a countdown that ticks while the
 * view is shown.
 */

#define UP_NEXT_COUNT 3

typedef struct {
  GtkLabel  *label;
  GDateTime *start;   /* NULL when only the day is known */
  GDateTime *end;
} Countdown;

struct _PdScheduleView
{
  GtkWidget       parent_instance;

  AdwPreferencesGroup *up_next_group;
  GtkListBox     *up_next_list;
  AdwComboRow    *my_car_row;
  AdwActionRow   *remind_row;
  GtkSwitch      *remind_switch;
  GtkLabel       *round_heading;
  GtkDropDown    *round_dropdown;
  GtkLabel       *zones_label;
  GtkBox         *days_box;

  PdStore        *store;
  char           *season_id;
  GListModel     *rounds;
  GArray         *countdowns;
  guint           tick_id;
  GSettings      *settings;
  GPtrArray      *car_ids;        /* the choices of my_car_row; NULL first */
  char           *shown_session;  /* the session a reminder opened */
  guint           focus_id;
  guint           focus_tries;
  GHashTable     *changed;   /* sessions a feed changed, unseen */
};

G_DEFINE_FINAL_TYPE (PdScheduleView, pd_schedule_view, GTK_TYPE_WIDGET)

enum {
  SHOW_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void my_car_selected_cb (PdScheduleView *self);
static void select_my_car      (PdScheduleView *self);
static void remind_toggled_cb  (PdScheduleView *self);

static void
countdown_clear (gpointer data)
{
  Countdown *countdown = data;

  g_clear_pointer (&countdown->start, g_date_time_unref);
  g_clear_pointer (&countdown->end, g_date_time_unref);
}

static void
toast_error (PdScheduleView *self,
             const GError   *error)
{
  g_signal_emit (self, signals[SHOW_TOAST], 0, error->message);
}

static void
update_countdowns (PdScheduleView *self)
{
  g_autoptr(GDateTime) now = pd_ui_now ();

  for (guint i = 0; i < self->countdowns->len; i++)
    {
      Countdown *countdown = &g_array_index (self->countdowns, Countdown, i);
      g_autofree char *text = NULL;

      if (countdown->start == NULL)
        text = g_strdup (_("Time not announced"));
      else if (g_date_time_compare (countdown->start, now) <= 0)
        text = g_strdup (C_("session", "Running now"));
      else
        text = pd_format_countdown (g_date_time_difference (countdown->start, now));

      gtk_label_set_label (countdown->label, text);
    }
}

static gboolean
tick_cb (gpointer user_data)
{
  update_countdowns (user_data);
  return G_SOURCE_CONTINUE;
}

static void
pd_schedule_view_map (GtkWidget *widget)
{
  PdScheduleView *self = PD_SCHEDULE_VIEW (widget);

  GTK_WIDGET_CLASS (pd_schedule_view_parent_class)->map (widget);

  /* Tick only while the countdown can be seen. */
  update_countdowns (self);
  if (self->tick_id == 0)
    self->tick_id = g_timeout_add_seconds (1, tick_cb, self);
}

static void
pd_schedule_view_unmap (GtkWidget *widget)
{
  PdScheduleView *self = PD_SCHEDULE_VIEW (widget);

  g_clear_handle_id (&self->tick_id, g_source_remove);

  GTK_WIDGET_CLASS (pd_schedule_view_parent_class)->unmap (widget);
}

static char *
session_details (PdScheduleRow *row,
                 GTimeZone     *local_zone)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *when = pd_ui_session_when (row->session, row->circuit, local_zone);
  int duration = pd_session_get_duration_min (row->session);

  g_string_append (text, when);
  if (duration > 0)
    {
      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%d minute", "%d minutes", duration), duration);
    }
  if (pd_session_get_driver_change (row->session))
    {
      g_string_append (text, " · ");
      g_string_append (text, _("Driver change"));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
show_up_next (PdScheduleView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GDateTime) now = pd_ui_now ();
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();

  g_autofree char *car_id = pd_user_prefs_get_my_car (self->settings, self->season_id);
  g_autoptr(PdEntry) car = car_id != NULL ? pd_store_get (self->store, PD_TYPE_ENTRY, car_id, NULL) : NULL;
  g_autofree char *described = car != NULL ? pd_user_prefs_describe_car (self->store, car) : NULL;
  /* TRANSLATORS: under "Up Next": the user's car, such as "For #2 · Team · Silver" */
  g_autofree char *for_car = described != NULL ? g_strdup_printf (_("For %s"), described) : NULL;

  pd_ui_clear_list_box (self->up_next_list);
  g_array_set_size (self->countdowns, 0);
  adw_preferences_group_set_description (self->up_next_group, for_car);

  rows = pd_schedule_collect (self->store, self->season_id, 0, now, &error);
  /* With a car chosen, the sessions of other classes are left out. */
  if (rows == NULL || !pd_schedule_keep_entry (self->store, rows, self->season_id, car_id, &error))
    {
      toast_error (self, error);
      return;
    }

  if (rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The season is over"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("All of its sessions have been held."));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("emblem-ok-symbolic"));
      gtk_list_box_append (self->up_next_list, row);
      return;
    }

  for (guint i = 0; i < MIN (rows->len, UP_NEXT_COUNT); i++)
    {
      PdScheduleRow *srow = rows->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *label = gtk_label_new (NULL);
      g_autofree char *round_title = pd_ui_round_title (srow->round);
      g_autofree char *title = g_strdup_printf ("%s · %s", pd_session_get_name (srow->session), round_title);
      g_autofree char *details = session_details (srow, local_zone);
      g_autofree char *day = pd_session_get_start_date (srow->session) != NULL
        ? pd_format_day (pd_session_get_start_date (srow->session))
        : g_strdup (_("Day not announced"));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", day, details);
      Countdown countdown = { GTK_LABEL (label), NULL, NULL };

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_add_css_class (label, "numeric");
      gtk_widget_add_css_class (label, "accent");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
      pd_feed_ui_mark_changed (row, self->changed, pd_session_get_id (srow->session));
      gtk_list_box_append (self->up_next_list, row);

      if (pd_session_get_start_utc (srow->session) != NULL)
        {
          countdown.start = g_date_time_ref (pd_session_get_start_utc (srow->session));
          countdown.end = pd_schedule_row_end (srow);
        }
      g_array_append_val (self->countdowns, countdown);
    }

  update_countdowns (self);
}

static void
show_round (PdScheduleView *self,
            PdRound        *round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();
  g_autoptr(GDateTime) now = pd_ui_now ();
  g_autofree char *heading = NULL;
  GtkWidget *list = NULL;
  const char *current_day = NULL;
  gboolean first = TRUE;

  pd_ui_remove_children (GTK_WIDGET (self->days_box));
  gtk_label_set_label (self->zones_label, "");

  if (round == NULL)
    {
      gtk_label_set_label (self->round_heading, _("No rounds"));
      return;
    }

  heading = pd_ui_round_title (round);
  gtk_label_set_label (self->round_heading, heading);

  rows = pd_schedule_collect_round (self->store, self->season_id, pd_round_get_id (round), &error);
  if (rows == NULL)
    {
      toast_error (self, error);
      return;
    }

  if (rows->len > 0 && ((PdScheduleRow *) rows->pdata[0])->circuit != NULL)
    {
      PdCircuit *circuit = ((PdScheduleRow *) rows->pdata[0])->circuit;
      g_autofree char *zones = g_strdup_printf (_("Times at %s are in %s; yours are in %s."),
                                                pd_circuit_get_name (circuit),
                                                pd_circuit_get_zone (circuit),
                                                g_time_zone_get_identifier (local_zone));
      gtk_label_set_label (self->zones_label, zones);
    }

  if (rows->len == 0)
    {
      GtkWidget *empty = pd_ui_boxed_list_new ();
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     pd_round_get_status (round) == PD_ROUND_STATUS_CANCELLED
                                     ? _("This event was cancelled")
                                     : _("No sessions announced"));
      gtk_list_box_append (GTK_LIST_BOX (empty), row);
      gtk_box_append (self->days_box, empty);
      return;
    }

  for (guint i = 0; i < rows->len; i++)
    {
      PdScheduleRow *srow = rows->pdata[i];
      const char *day = pd_session_get_start_date (srow->session);
      g_autofree char *details = session_details (srow, local_zone);
      GtkWidget *row = adw_action_row_new ();
      PdSessionStatus status = pd_session_get_status (srow->session);
      const char *state = NULL;

      if (first || g_strcmp0 (day, current_day) != 0)
        {
          g_autofree char *title = day != NULL ? pd_format_day (day) : g_strdup (_("Day not announced"));
          GtkWidget *label = gtk_label_new (title);

          gtk_label_set_xalign (GTK_LABEL (label), 0);
          gtk_widget_add_css_class (label, "heading");
          list = pd_ui_boxed_list_new ();
          gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
          gtk_box_append (self->days_box, label);
          gtk_box_append (self->days_box, list);
          current_day = day;
          first = FALSE;
        }

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_session_get_name (srow->session));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), details);
      if (g_strcmp0 (pd_session_get_id (srow->session), self->shown_session) == 0)
        gtk_widget_add_css_class (row, "shown-session");

      if (status != PD_SESSION_STATUS_SCHEDULED)
        state = pd_session_status_to_label (status);
      else if (pd_schedule_row_is_over (srow, now))
        state = C_("session", "Over");

      if (state != NULL)
        {
          GtkWidget *label = gtk_label_new (state);

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      pd_feed_ui_mark_changed (row, self->changed, pd_session_get_id (srow->session));
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

static void
round_selected_cb (PdScheduleView *self)
{
  show_round (self, gtk_drop_down_get_selected_item (self->round_dropdown));
}

/* The season's cars in the "My Car" row, the user's selected. */
static void
show_cars (PdScheduleView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GListModel) entries = pd_store_list_entries (self->store, self->season_id, NULL);

  g_ptr_array_set_size (self->car_ids, 0);
  g_ptr_array_add (self->car_ids, NULL);
  gtk_string_list_append (labels, C_("car", "None"));
  for (guint i = 0; entries != NULL && i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PdEntry) entry = g_list_model_get_item (entries, i);
      g_autofree char *label = pd_user_prefs_describe_car (self->store, entry);

      g_ptr_array_add (self->car_ids, g_strdup (pd_entry_get_id (entry)));
      gtk_string_list_append (labels, label);
    }

  g_signal_handlers_block_by_func (self->my_car_row, my_car_selected_cb, self);
  adw_combo_row_set_model (self->my_car_row, G_LIST_MODEL (labels));
  g_signal_handlers_unblock_by_func (self->my_car_row, my_car_selected_cb, self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->my_car_row), self->settings != NULL);
  select_my_car (self);
}

/* The user's car selected in the "My Car" row. The row's model stays:
 * this runs while the row changes its selection. */
static void
select_my_car (PdScheduleView *self)
{
  g_autofree char *car_id = pd_user_prefs_get_my_car (self->settings, self->season_id);
  guint selected = 0;

  for (guint i = 1; i < self->car_ids->len; i++)
    if (g_strcmp0 (self->car_ids->pdata[i], car_id) == 0)
      selected = i;

  if (adw_combo_row_get_selected (self->my_car_row) == selected)
    return;
  g_signal_handlers_block_by_func (self->my_car_row, my_car_selected_cb, self);
  adw_combo_row_set_selected (self->my_car_row, selected);
  g_signal_handlers_unblock_by_func (self->my_car_row, my_car_selected_cb, self);
}

/* The reminder switch, and when its reminders come. */
static void
show_reminder (PdScheduleView *self)
{
  int minutes = self->settings != NULL ? g_settings_get_int (self->settings, "reminder-minutes") : 0;
  g_autofree char *when = pd_user_prefs_reminder_label (minutes);
  /* TRANSLATORS: under "Remind Me of This Season's Sessions", such as "10 minutes before each session" */
  g_autofree char *subtitle = minutes > 0 ? g_strdup_printf (_("%s each session"), when)
                                          : g_strdup (_("Reminders are off: choose when in Preferences"));

  g_signal_handlers_block_by_func (self->remind_switch, remind_toggled_cb, self);
  gtk_switch_set_active (self->remind_switch, pd_user_prefs_get_reminded (self->settings, self->season_id));
  g_signal_handlers_unblock_by_func (self->remind_switch, remind_toggled_cb, self);
  adw_action_row_set_subtitle (self->remind_row, subtitle);
  gtk_widget_set_sensitive (GTK_WIDGET (self->remind_row), self->settings != NULL);
}

static void
my_car_selected_cb (PdScheduleView *self)
{
  guint selected = adw_combo_row_get_selected (self->my_car_row);

  if (self->settings != NULL && self->season_id != NULL && selected < self->car_ids->len)
    pd_user_prefs_set_my_car (self->settings, self->season_id, self->car_ids->pdata[selected]);
}

static void
remind_toggled_cb (PdScheduleView *self)
{
  gboolean active = gtk_switch_get_active (self->remind_switch);

  if (self->settings == NULL || self->season_id == NULL)
    return;

  /* Asking for reminders while they are off turns them on, 10 minutes
   * before; Preferences chooses another time. */
  if (active && g_settings_get_int (self->settings, "reminder-minutes") <= 0)
    g_settings_set_int (self->settings, "reminder-minutes", 10);
  pd_user_prefs_set_reminded (self->settings, self->season_id, active);
}

/* The user's choices changed, here or in another window. */
static void
prefs_changed_cb (PdScheduleView *self)
{
  if (self->store == NULL || self->season_id == NULL)
    return;
  select_my_car (self);
  show_reminder (self);
  show_up_next (self);
}

static void
pd_schedule_view_dispose (GObject *object)
{
  PdScheduleView *self = (PdScheduleView *) object;

  g_clear_handle_id (&self->tick_id, g_source_remove);
  g_clear_handle_id (&self->focus_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_SCHEDULE_VIEW);
  pd_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->rounds);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pd_schedule_view_parent_class)->dispose (object);
}

static void
pd_schedule_view_finalize (GObject *object)
{
  PdScheduleView *self = (PdScheduleView *) object;

  g_clear_pointer (&self->countdowns, g_array_unref);
  g_clear_pointer (&self->season_id, g_free);
  g_clear_pointer (&self->car_ids, g_ptr_array_unref);
  g_clear_pointer (&self->shown_session, g_free);
  g_clear_pointer (&self->changed, g_hash_table_unref);

  G_OBJECT_CLASS (pd_schedule_view_parent_class)->finalize (object);
}

static void
pd_schedule_view_class_init (PdScheduleViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_schedule_view_dispose;
  object_class->finalize = pd_schedule_view_finalize;
  widget_class->map = pd_schedule_view_map;
  widget_class->unmap = pd_schedule_view_unmap;

  signals[SHOW_TOAST] = g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/paddock/Paddock/ui/pd-schedule-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdScheduleView, up_next_group);
  gtk_widget_class_bind_template_child (widget_class, PdScheduleView, up_next_list);
  gtk_widget_class_bind_template_child (widget_class, PdScheduleView, my_car_row);
  gtk_widget_class_bind_template_child (widget_class, PdScheduleView, remind_row);
  gtk_widget_class_bind_template_child (widget_class, PdScheduleView, remind_switch);
  gtk_widget_class_bind_template_child (widget_class, PdScheduleView, round_heading);
  gtk_widget_class_bind_template_child (widget_class, PdScheduleView, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdScheduleView, zones_label);
  gtk_widget_class_bind_template_child (widget_class, PdScheduleView, days_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pd_schedule_view_init (PdScheduleView *self)
{
  g_autoptr(GtkListItemFactory) factory = pd_ui_round_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->countdowns = g_array_new (FALSE, TRUE, sizeof (Countdown));
  g_array_set_clear_func (self->countdowns, countdown_clear);

  gtk_drop_down_set_factory (self->round_dropdown, factory);
  g_signal_connect_object (self->round_dropdown, "notify::selected", G_CALLBACK (round_selected_cb),
                           self, G_CONNECT_SWAPPED);

  self->car_ids = g_ptr_array_new_with_free_func (g_free);
  self->settings = pd_user_prefs_get_settings ();
  if (self->settings != NULL)
    {
      g_object_ref (self->settings);
      g_signal_connect_object (self->settings, "changed::my-cars", G_CALLBACK (prefs_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::reminder-seasons", G_CALLBACK (prefs_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::reminder-minutes", G_CALLBACK (prefs_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
  g_signal_connect_object (self->my_car_row, "notify::selected", G_CALLBACK (my_car_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->remind_switch, "notify::active", G_CALLBACK (remind_toggled_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * pd_schedule_view_set_season:
 *
 * Shows the season's next sessions, and the sessions of its next round.
 */
void
pd_schedule_view_set_season (PdScheduleView *self,
                             PdStore        *store,
                             const char     *season_id)
{
  g_autoptr(GError) error = NULL;
  guint selected;

  g_return_if_fail (PD_IS_SCHEDULE_VIEW (self));
  g_return_if_fail (PD_IS_STORE (store));

  g_set_object (&self->store, store);
  g_free (self->season_id);
  self->season_id = g_strdup (season_id);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  self->changed = pd_feed_ui_changed_sessions (store, season_id);

  g_clear_object (&self->rounds);
  self->rounds = pd_store_list_rounds (store, season_id, &error);
  if (self->rounds == NULL)
    {
      toast_error (self, error);
      self->rounds = G_LIST_MODEL (g_list_store_new (PD_TYPE_ROUND));
    }

  selected = pd_ui_current_round (self->rounds);

  g_signal_handlers_block_by_func (self->round_dropdown, round_selected_cb, self);
  gtk_drop_down_set_model (self->round_dropdown, self->rounds);
  gtk_drop_down_set_selected (self->round_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->round_dropdown, round_selected_cb, self);

  show_cars (self);
  show_reminder (self);
  show_up_next (self);
  round_selected_cb (self);
}

/**
 * pd_schedule_view_select_round:
 *
 * Shows the sessions of @round_id.
 */
void
pd_schedule_view_select_round (PdScheduleView *self,
                               const char     *round_id)
{
  g_return_if_fail (PD_IS_SCHEDULE_VIEW (self));

  for (guint i = 0; self->rounds != NULL && i < g_list_model_get_n_items (self->rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (self->rounds, i);

      if (g_strcmp0 (pd_round_get_id (round), round_id) == 0)
        {
          gtk_drop_down_set_selected (self->round_dropdown, i);
          return;
        }
    }
}

/* Focuses the session a reminder opened, which scrolls it into view,
 * once it has a size: the view is usually shown just after. */
static gboolean
focus_shown_session_cb (gpointer user_data)
{
  PdScheduleView *self = user_data;
  GtkWidget *row = NULL;

  for (GtkWidget *day = gtk_widget_get_first_child (GTK_WIDGET (self->days_box)); day != NULL && row == NULL;
       day = gtk_widget_get_next_sibling (day))
    for (GtkWidget *child = GTK_IS_LIST_BOX (day) ? gtk_widget_get_first_child (day) : NULL;
         child != NULL && row == NULL; child = gtk_widget_get_next_sibling (child))
      if (gtk_widget_has_css_class (child, "shown-session"))
        row = child;

  if (row != NULL && gtk_widget_get_mapped (row) && gtk_widget_get_width (row) > 0)
    gtk_widget_grab_focus (row);
  else if (row != NULL && ++self->focus_tries < 40)
    return G_SOURCE_CONTINUE;

  self->focus_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * pd_schedule_view_select_session:
 *
 * Shows the sessions of @round_id, @session_id marked: the session a
 * reminder opened.
 */
void
pd_schedule_view_select_session (PdScheduleView *self,
                                 const char     *round_id,
                                 const char     *session_id)
{
  g_return_if_fail (PD_IS_SCHEDULE_VIEW (self));

  g_free (self->shown_session);
  self->shown_session = g_strdup (session_id);
  pd_schedule_view_select_round (self, round_id);
  /* The round may have been shown already. */
  round_selected_cb (self);

  self->focus_tries = 0;
  if (self->focus_id == 0)
    self->focus_id = g_timeout_add (50, focus_shown_session_cb, self);
}
