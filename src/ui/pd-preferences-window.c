#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-preferences-window.h"
#include "pd-user-prefs.h"

/*
 * Preferences: when reminders come and of which seasons, and how often
 * the seasons that follow a feed are checked. Every row writes its
 * GSettings key at once, as GNOME's preferences do.
 */

struct _PdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  AdwComboRow          *reminder_row;
  AdwPreferencesGroup  *seasons_group;
  AdwComboRow          *refresh_row;

  GSettings            *settings;
  GArray               *reminder_values;
  GArray               *refresh_values;
};

G_DEFINE_FINAL_TYPE (PdPreferencesWindow, pd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const int reminder_choices[] = { 0, 5, 10, 15, 30, 60 };
static const int refresh_choices[] = { 0, 15, 30, 60, 180, 360, 1440 };

static char *
refresh_label (int minutes)
{
  if (minutes <= 0)
    return g_strdup (_("Only at start-up"));
  if (minutes == 1440)
    return g_strdup (_("Once a day"));
  if (minutes % 60 == 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every hour", "Every %d hours", minutes / 60),
                            minutes / 60);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Every %d minute", "Every %d minutes", minutes), minutes);
}

/* Fills @row with @choices, and the key's value in its place when it is
 * another one (set with gsettings), and selects the key's value. */
static void
fill_choices (PdPreferencesWindow *self,
              AdwComboRow         *row,
              GArray              *values,
              const int           *choices,
              guint                n_choices,
              const char          *key,
              char              *(*label) (int))
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  int current = g_settings_get_int (self->settings, key);
  guint selected = 0;
  guint at = 0;

  g_array_append_vals (values, choices, n_choices);
  while (at < values->len && g_array_index (values, int, at) < current)
    at++;
  if (at == values->len || g_array_index (values, int, at) != current)
    g_array_insert_val (values, at, current);
  selected = at;

  for (guint i = 0; i < values->len; i++)
    {
      g_autofree char *text = label (g_array_index (values, int, i));

      gtk_string_list_append (labels, text);
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

static void
choice_selected_cb (AdwComboRow         *row,
                    GParamSpec          *pspec,
                    PdPreferencesWindow *self)
{
  GArray *values = row == self->reminder_row ? self->reminder_values : self->refresh_values;
  const char *key = row == self->reminder_row ? "reminder-minutes" : "refresh-interval-minutes";
  guint selected = adw_combo_row_get_selected (row);

  if (selected < values->len)
    g_settings_set_int (self->settings, key, g_array_index (values, int, selected));
}

static void
season_switch_cb (GtkSwitch           *sw,
                  GParamSpec          *pspec,
                  PdPreferencesWindow *self)
{
  pd_user_prefs_set_reminded (self->settings, g_object_get_data (G_OBJECT (sw), "pd-season-id"),
                              gtk_switch_get_active (sw));
}

/* A switch row per season. */
static void
fill_seasons (PdPreferencesWindow *self,
              PdStore             *store)
{
  g_autoptr(GListModel) seasons = store != NULL ? pd_store_list_seasons (store, NULL) : NULL;

  if (seasons == NULL || g_list_model_get_n_items (seasons) == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->seasons_group), FALSE);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(PdSeason) season = g_list_model_get_item (seasons, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *sw = gtk_switch_new ();
      g_autofree char *car_id = pd_user_prefs_get_my_car (self->settings, pd_season_get_id (season));
      g_autoptr(PdEntry) car = car_id != NULL ? pd_store_get (store, PD_TYPE_ENTRY, car_id, NULL) : NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_season_get_name (season));
      if (car != NULL)
        {
          g_autofree char *described = pd_user_prefs_describe_car (store, car);
          /* TRANSLATORS: under a season in Preferences: the user's car in it */
          g_autofree char *subtitle = g_strdup_printf (_("Your car: %s"), described);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      gtk_switch_set_active (GTK_SWITCH (sw), pd_user_prefs_get_reminded (self->settings, pd_season_get_id (season)));
      g_object_set_data_full (G_OBJECT (sw), "pd-season-id", g_strdup (pd_season_get_id (season)), g_free);
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (season_switch_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
      adw_preferences_group_add (self->seasons_group, row);
    }
}

static void
pd_preferences_window_dispose (GObject *object)
{
  PdPreferencesWindow *self = (PdPreferencesWindow *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pd_preferences_window_parent_class)->dispose (object);
}

static void
pd_preferences_window_finalize (GObject *object)
{
  PdPreferencesWindow *self = (PdPreferencesWindow *) object;

  g_clear_pointer (&self->reminder_values, g_array_unref);
  g_clear_pointer (&self->refresh_values, g_array_unref);

  G_OBJECT_CLASS (pd_preferences_window_parent_class)->finalize (object);
}

static void
pd_preferences_window_class_init (PdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_preferences_window_dispose;
  object_class->finalize = pd_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/paddock/Paddock/ui/pd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, reminder_row);
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, seasons_group);
  gtk_widget_class_bind_template_child (widget_class, PdPreferencesWindow, refresh_row);
}

static void
pd_preferences_window_init (PdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->reminder_values = g_array_new (FALSE, FALSE, sizeof (int));
  self->refresh_values = g_array_new (FALSE, FALSE, sizeof (int));
}

/**
 * pd_preferences_window_new:
 * @parent: (nullable): the window it belongs to
 * @store: (nullable): the database, for the seasons to choose from
 *
 * Returns: (transfer floating): the Preferences window
 */
GtkWidget *
pd_preferences_window_new (GtkWindow *parent,
                           GSettings *settings,
                           PdStore   *store)
{
  PdPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);
  self->settings = g_object_ref (settings);

  fill_choices (self, self->reminder_row, self->reminder_values, reminder_choices,
                G_N_ELEMENTS (reminder_choices), "reminder-minutes", pd_user_prefs_reminder_label);
  fill_choices (self, self->refresh_row, self->refresh_values, refresh_choices,
                G_N_ELEMENTS (refresh_choices), "refresh-interval-minutes", refresh_label);
  g_signal_connect_object (self->reminder_row, "notify::selected", G_CALLBACK (choice_selected_cb), self, 0);
  g_signal_connect_object (self->refresh_row, "notify::selected", G_CALLBACK (choice_selected_cb), self, 0);
  fill_seasons (self, store);

  return GTK_WIDGET (self);
}
