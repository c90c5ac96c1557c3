#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-entry-list-window.h"
#include "pd-ui-util.h"

/*
 * A season's entry list: every car with its number, team, car model and
 * class, and its crew, the usual one or a round's own, with each driver's
 * nationality and grading. Every change is stored at once
 * (pd-entry-list.c); Ctrl+Z and Ctrl+Shift+Z undo and redo, and a
 * removed car is announced with an Undo button.
 */

struct _PdEntryListWindow
{
  AdwWindow          parent_instance;

  AdwToastOverlay   *toasts;
  GtkListBox        *cars;
  GtkEntry          *number_entry;
  GtkDropDown       *round_dropdown;
  GtkButton         *undo_button;
  GtkButton         *redo_button;

  PdStore           *store;
  PdEntryList       *list;
  GPtrArray         *round_ids;   /* NULL first: the usual crews */
  GPtrArray         *class_ids;   /* NULL first: no class */
  GHashTable        *expanded;    /* entry ids of the cars shown open */
  char              *focus_key;   /* the field to focus again after a change */
  GHashTable        *focusable;   /* focus key → widget, of the list shown */
};

G_DEFINE_FINAL_TYPE (PdEntryListWindow, pd_entry_list_window, ADW_TYPE_WINDOW)

static void rebuild (PdEntryListWindow *self);

static void
toast (PdEntryListWindow *self,
       const char        *message)
{
  AdwToast *t = adw_toast_new (message);

  adw_toast_set_timeout (t, 5);
  adw_toast_overlay_add_toast (self->toasts, t);
}

/* Says what went wrong; nothing was stored. */
static gboolean
check (PdEntryListWindow *self,
       gboolean           ok,
       GError            *error)
{
  if (!ok && error != NULL)
    toast (self, error->message);
  return ok;
}

static const char *
selected_round (PdEntryListWindow *self)
{
  guint i = gtk_drop_down_get_selected (self->round_dropdown);

  return self->round_ids != NULL && i < self->round_ids->len ? self->round_ids->pdata[i] : NULL;
}

static char *
driver_name (PdEntryListWindow *self,
             const char        *driver_id)
{
  g_autoptr(PdDriver) driver = pd_entry_list_get_driver (self->list, driver_id);

  return driver != NULL ? pd_ui_driver_name (driver) : g_strdup (driver_id);
}

/* Remembers a field by car and name, to focus it again after a change. */
static void
register_field (PdEntryListWindow *self,
                GtkWidget         *widget,
                const char        *entry_id,
                const char        *field)
{
  char *key = g_strdup_printf ("%s/%s", entry_id, field);

  g_object_set_data_full (G_OBJECT (widget), "pd-focus-key", g_strdup (key), g_free);
  g_object_set_data_full (G_OBJECT (widget), "pd-entry-id", g_strdup (entry_id), g_free);
  g_hash_table_insert (self->focusable, key, widget);
}

static void
remember_focus (PdEntryListWindow *self,
                GtkWidget         *widget)
{
  g_free (self->focus_key);
  self->focus_key = g_strdup (g_object_get_data (G_OBJECT (widget), "pd-focus-key"));
}

static const char *
entry_id_of (GtkWidget *widget)
{
  return g_object_get_data (G_OBJECT (widget), "pd-entry-id");
}

static void
number_apply_cb (AdwEntryRow       *row,
                 PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (entry_id_of (GTK_WIDGET (row)));

  remember_focus (self, GTK_WIDGET (row));
  if (!check (self, pd_entry_list_set_number (self->list, id, gtk_editable_get_text (GTK_EDITABLE (row)), &error),
              error))
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
}

static void
team_apply_cb (AdwEntryRow       *row,
               PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (entry_id_of (GTK_WIDGET (row)));

  remember_focus (self, GTK_WIDGET (row));
  check (self, pd_entry_list_set_team (self->list, id, gtk_editable_get_text (GTK_EDITABLE (row)), &error), error);
}

static void
model_apply_cb (AdwEntryRow       *row,
                PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (entry_id_of (GTK_WIDGET (row)));

  remember_focus (self, GTK_WIDGET (row));
  check (self, pd_entry_list_set_car_model (self->list, id, gtk_editable_get_text (GTK_EDITABLE (row)), &error),
         error);
}

static void
class_selected_cb (AdwComboRow       *row,
                   GParamSpec        *pspec,
                   PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (entry_id_of (GTK_WIDGET (row)));
  guint i = adw_combo_row_get_selected (row);

  if (i >= self->class_ids->len)
    return;
  remember_focus (self, GTK_WIDGET (row));
  check (self, pd_entry_list_set_class (self->list, id, self->class_ids->pdata[i], &error), error);
}

static void
add_driver_apply_cb (AdwEntryRow       *row,
                     PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (entry_id_of (GTK_WIDGET (row)));
  g_autofree char *driver = NULL;

  remember_focus (self, GTK_WIDGET (row));
  driver = pd_entry_list_add_driver (self->list, id, selected_round (self),
                                     gtk_editable_get_text (GTK_EDITABLE (row)), &error);
  check (self, driver != NULL, error);
}

static void
remove_driver_cb (GtkButton         *button,
                  PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (entry_id_of (GTK_WIDGET (button)));
  g_autofree char *driver = g_strdup (g_object_get_data (G_OBJECT (button), "pd-driver-id"));

  check (self, pd_entry_list_remove_driver (self->list, id, selected_round (self), driver, &error), error);
}

static void
nationality_activate_cb (GtkEntry          *entry,
                         PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *driver = g_strdup (g_object_get_data (G_OBJECT (entry), "pd-driver-id"));

  remember_focus (self, GTK_WIDGET (entry));
  if (!check (self, pd_entry_list_set_nationality (self->list, driver, gtk_editable_get_text (GTK_EDITABLE (entry)),
                                                   &error), error))
    gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
}

static void
grading_selected_cb (GtkDropDown       *dropdown,
                     GParamSpec        *pspec,
                     PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *driver = g_strdup (g_object_get_data (G_OBJECT (dropdown), "pd-driver-id"));

  remember_focus (self, GTK_WIDGET (dropdown));
  check (self, pd_entry_list_set_grading (self->list, driver, gtk_drop_down_get_selected (dropdown), &error), error);
}

static void
usual_crew_cb (GtkButton         *button,
               PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (entry_id_of (GTK_WIDGET (button)));

  check (self, pd_entry_list_reset_round_crew (self->list, id, selected_round (self), &error), error);
}

static void
undo_toast_cb (AdwToast          *t,
               PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;

  check (self, pd_entry_list_undo (self->list, &error), error);
}

static void
remove_car_cb (GtkButton         *button,
               PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (entry_id_of (GTK_WIDGET (button)));

  if (check (self, pd_entry_list_remove_car (self->list, id, &error), error))
    {
      AdwToast *t = adw_toast_new (pd_entry_list_get_undo_description (self->list));

      adw_toast_set_button_label (t, _("_Undo"));
      g_signal_connect_object (t, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);
      adw_toast_overlay_add_toast (self->toasts, t);
    }
}

static void
add_car_cb (PdEntryListWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = pd_entry_list_add_car (self->list, gtk_editable_get_text (GTK_EDITABLE (self->number_entry)),
                                               &error);

  if (!check (self, id != NULL, error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->number_entry), "error");
      return;
    }
  gtk_widget_remove_css_class (GTK_WIDGET (self->number_entry), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), "");
  /* The new car opens, its team first. */
  g_hash_table_add (self->expanded, g_strdup (id));
  g_free (self->focus_key);
  self->focus_key = g_strdup_printf ("%s/team", id);
  rebuild (self);
}

static void
expanded_cb (AdwExpanderRow    *row,
             GParamSpec        *pspec,
             PdEntryListWindow *self)
{
  const char *id = entry_id_of (GTK_WIDGET (row));

  if (adw_expander_row_get_expanded (row))
    g_hash_table_add (self->expanded, g_strdup (id));
  else
    g_hash_table_remove (self->expanded, id);
}

static GtkWidget *
entry_row (PdEntryListWindow *self,
           const char        *title,
           const char        *text,
           const char        *entry_id,
           const char        *field,
           GCallback          apply)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  register_field (self, row, entry_id, field);
  g_signal_connect (row, "apply", apply, self);
  return row;
}

static GtkWidget *
driver_row (PdEntryListWindow *self,
            const char        *entry_id,
            const char        *driver_id)
{
  g_autoptr(PdDriver) driver = pd_entry_list_get_driver (self->list, driver_id);
  g_autofree char *name = driver_name (self, driver_id);
  g_autofree char *nationality_label = NULL;
  g_autofree char *grading_label = NULL;
  g_autofree char *remove_label = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GtkStringList) gradings = gtk_string_list_new (NULL);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *nationality = gtk_entry_new ();
  GtkWidget *grading;
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);

  gtk_editable_set_text (GTK_EDITABLE (nationality),
                         driver != NULL && pd_driver_get_nationality (driver) ? pd_driver_get_nationality (driver) : "");
  gtk_editable_set_width_chars (GTK_EDITABLE (nationality), 3);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (nationality), 3);
  /* TRANSLATORS: placeholder of a country code entry, as in "SE" */
  gtk_entry_set_placeholder_text (GTK_ENTRY (nationality), _("SE"));
  gtk_widget_set_valign (nationality, GTK_ALIGN_CENTER);
  /* TRANSLATORS: accessible name: the nationality of a driver */
  nationality_label = g_strdup_printf (_("Nationality of %s, a country code"), name);
  gtk_widget_set_tooltip_text (nationality, nationality_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (nationality), GTK_ACCESSIBLE_PROPERTY_LABEL, nationality_label, -1);
  g_object_set_data_full (G_OBJECT (nationality), "pd-driver-id", g_strdup (driver_id), g_free);
  key = g_strdup_printf ("nationality-%s", driver_id);
  register_field (self, nationality, entry_id, key);
  g_signal_connect (nationality, "activate", G_CALLBACK (nationality_activate_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), nationality);

  for (PdGrading g = PD_GRADING_NONE; g <= PD_GRADING_PLATINUM; g++)
    gtk_string_list_append (gradings, g == PD_GRADING_NONE ? C_("grading", "No grading") : pd_grading_to_label (g));
  grading = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (gradings)), NULL);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (grading), driver != NULL ? pd_driver_get_grading (driver) : 0);
  gtk_widget_set_valign (grading, GTK_ALIGN_CENTER);
  /* TRANSLATORS: accessible name: the FIA grading of a driver */
  grading_label = g_strdup_printf (_("Grading of %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grading), GTK_ACCESSIBLE_PROPERTY_LABEL, grading_label, -1);
  g_object_set_data_full (G_OBJECT (grading), "pd-driver-id", g_strdup (driver_id), g_free);
  g_free (key);
  key = g_strdup_printf ("grading-%s", driver_id);
  register_field (self, grading, entry_id, key);
  g_signal_connect (grading, "notify::selected", G_CALLBACK (grading_selected_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), grading);

  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  /* TRANSLATORS: a button: take a driver out of a car's crew */
  remove_label = g_strdup_printf (_("Remove %s from the Crew"), name);
  gtk_widget_set_tooltip_text (remove, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  g_object_set_data_full (G_OBJECT (remove), "pd-entry-id", g_strdup (entry_id), g_free);
  g_object_set_data_full (G_OBJECT (remove), "pd-driver-id", g_strdup (driver_id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_driver_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static GtkWidget *
car_row (PdEntryListWindow *self,
         PdEntry           *entry,
         GListModel        *class_names)
{
  const char *id = pd_entry_get_id (entry);
  const char *round_id = selected_round (self);
  g_autoptr(PdTeam) team = pd_entry_list_get_team (self->list, pd_entry_get_team_id (entry));
  g_auto(GStrv) crew = pd_entry_list_get_crew (self->list, id, round_id);
  g_autoptr(GPtrArray) subtitle = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *title = NULL;
  g_autofree char *subtitle_text = NULL;
  g_autofree char *crew_text = NULL;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *klass = adw_combo_row_new ();
  GtkWidget *add_driver;
  GtkWidget *remove_row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_with_mnemonic (_("_Remove Car"));
  guint class_index = 0;

  /* TRANSLATORS: a car in the entry list: its number and team */
  title = team != NULL ? g_strdup_printf (_("#%s · %s"), pd_entry_get_number (entry), pd_team_get_name (team))
                       : g_strdup_printf ("#%s", pd_entry_get_number (entry) ? pd_entry_get_number (entry) : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  for (guint i = 0; crew[i] != NULL; i++)
    g_ptr_array_add (names, driver_name (self, crew[i]));
  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: the separator between the drivers of a car */
  crew_text = g_strjoinv (_(" / "), (char **) names->pdata);
  if (pd_entry_get_car_model (entry) != NULL)
    g_ptr_array_add (subtitle, g_strdup (pd_entry_get_car_model (entry)));
  for (guint i = 1; i < self->class_ids->len; i++)
    if (g_strcmp0 (self->class_ids->pdata[i], pd_entry_get_class_id (entry)) == 0)
      {
        class_index = i;
        g_ptr_array_add (subtitle, g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (class_names), i)));
      }
  if (*crew_text != '\0')
    g_ptr_array_add (subtitle, g_strdup (crew_text));
  g_ptr_array_add (subtitle, NULL);
  subtitle_text = g_strjoinv (" · ", (char **) subtitle->pdata);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle_text);
  g_object_set_data_full (G_OBJECT (row), "pd-entry-id", g_strdup (id), g_free);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), g_hash_table_contains (self->expanded, id));
  g_signal_connect (row, "notify::expanded", G_CALLBACK (expanded_cb), self);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            entry_row (self, _("_Number"), pd_entry_get_number (entry), id, "number",
                                       G_CALLBACK (number_apply_cb)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            entry_row (self, _("_Team"), team != NULL ? pd_team_get_name (team) : NULL, id, "team",
                                       G_CALLBACK (team_apply_cb)));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            entry_row (self, _("Car _Model"), pd_entry_get_car_model (entry), id, "model",
                                       G_CALLBACK (model_apply_cb)));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (klass), _("Class"));
  adw_combo_row_set_model (ADW_COMBO_ROW (klass), class_names);
  adw_combo_row_set_selected (ADW_COMBO_ROW (klass), class_index);
  register_field (self, klass, id, "class");
  g_signal_connect (klass, "notify::selected", G_CALLBACK (class_selected_cb), self);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), klass);

  for (guint i = 0; crew[i] != NULL; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row), driver_row (self, id, crew[i]));
  add_driver = entry_row (self, round_id != NULL ? _("Add a Driver for This Round") : _("Add a _Driver"), NULL, id,
                          "add-driver", G_CALLBACK (add_driver_apply_cb));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), add_driver);

  if (round_id != NULL && pd_entry_list_has_round_crew (self->list, id, round_id))
    {
      GtkWidget *usual_row = adw_action_row_new ();
      GtkWidget *usual = gtk_button_new_with_mnemonic (_("_Usual Crew"));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (usual_row), _("The car has a crew of its own in this round"));
      gtk_widget_set_valign (usual, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (usual), "pd-entry-id", g_strdup (id), g_free);
      g_signal_connect (usual, "clicked", G_CALLBACK (usual_crew_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (usual_row), usual);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), usual_row);
    }

  gtk_widget_add_css_class (remove, "destructive-action");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (remove), "pd-entry-id", g_strdup (id), g_free);
  g_signal_connect (remove, "clicked", G_CALLBACK (remove_car_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (remove_row), remove);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), remove_row);
  return row;
}

/* Shows the stored list again, open cars open and the focus kept. */
static void
rebuild (PdEntryListWindow *self)
{
  g_autoptr(GPtrArray) entries = pd_entry_list_get_entries (self->list);
  g_autoptr(GtkStringList) class_names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) classes = pd_store_list_classes (self->store, pd_entry_list_get_season_id (self->list), NULL);
  GtkWidget *child;
  GtkWidget *focus;

  g_hash_table_remove_all (self->focusable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->cars))) != NULL)
    gtk_list_box_remove (self->cars, child);

  g_ptr_array_set_size (self->class_ids, 0);
  g_ptr_array_add (self->class_ids, NULL);
  gtk_string_list_append (class_names, C_("class", "None"));
  for (guint i = 0; classes != NULL && i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PdClass) klass = g_list_model_get_item (classes, i);

      g_ptr_array_add (self->class_ids, g_strdup (pd_class_get_id (klass)));
      gtk_string_list_append (class_names, pd_class_get_name (klass));
    }

  for (guint i = 0; i < entries->len; i++)
    gtk_list_box_append (self->cars, car_row (self, entries->pdata[i], G_LIST_MODEL (class_names)));

  gtk_widget_set_sensitive (GTK_WIDGET (self->undo_button), pd_entry_list_can_undo (self->list));
  gtk_widget_set_sensitive (GTK_WIDGET (self->redo_button), pd_entry_list_can_redo (self->list));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.undo", pd_entry_list_can_undo (self->list));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "list.redo", pd_entry_list_can_redo (self->list));

  focus = self->focus_key != NULL ? g_hash_table_lookup (self->focusable, self->focus_key) : NULL;
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
  g_clear_pointer (&self->focus_key, g_free);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PdEntryListWindow *self = PD_ENTRY_LIST_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (g_str_equal (action_name, "list.undo"))
    check (self, pd_entry_list_undo (self->list, &error), error);
  else
    check (self, pd_entry_list_redo (self->list, &error), error);
}

static void
pd_entry_list_window_dispose (GObject *object)
{
  PdEntryListWindow *self = (PdEntryListWindow *) object;

  if (self->list != NULL)
    g_signal_handlers_disconnect_by_data (self->list, self);
  g_clear_object (&self->list);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pd_entry_list_window_parent_class)->dispose (object);
}

static void
pd_entry_list_window_finalize (GObject *object)
{
  PdEntryListWindow *self = (PdEntryListWindow *) object;

  g_clear_pointer (&self->round_ids, g_ptr_array_unref);
  g_clear_pointer (&self->class_ids, g_ptr_array_unref);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
  g_clear_pointer (&self->focusable, g_hash_table_unref);
  g_free (self->focus_key);

  G_OBJECT_CLASS (pd_entry_list_window_parent_class)->finalize (object);
}

static void
pd_entry_list_window_class_init (PdEntryListWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_entry_list_window_dispose;
  object_class->finalize = pd_entry_list_window_finalize;

  gtk_widget_class_install_action (widget_class, "list.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "list.redo", NULL, undo_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "list.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "list.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "list.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_entry_list_window_init (PdEntryListWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Car"));
  GtkWidget *round_label = gtk_label_new_with_mnemonic (_("Crews _for"));

  self->expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->focusable = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->class_ids = g_ptr_array_new_with_free_func (g_free);

  gtk_window_set_title (GTK_WINDOW (self), _("Entry List"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);

  self->undo_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-undo-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), _("Undo (Ctrl+Z)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->undo_button), "list.undo");
  self->redo_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-redo-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), _("Redo (Ctrl+Shift+Z)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->redo_button), "list.redo");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->undo_button));
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), GTK_WIDGET (self->redo_button));
  gtk_box_append (GTK_BOX (box), header);

  /* A new car by its number; which crews are shown. */
  self->number_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (self->number_entry, _("New car number"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->number_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("New car number"), -1);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->number_entry), 12);
  g_signal_connect_swapped (self->number_entry, "activate", G_CALLBACK (add_car_cb), self);
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_car_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->number_entry));
  gtk_box_append (GTK_BOX (bar), add);
  gtk_widget_set_hexpand (round_label, TRUE);
  gtk_widget_set_halign (round_label, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bar), round_label);
  self->round_dropdown = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (round_label), GTK_WIDGET (self->round_dropdown));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->round_dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Crews for"), -1);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->round_dropdown));
  gtk_box_append (GTK_BOX (content), bar);

  self->cars = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->cars, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->cars), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->cars), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Cars"), -1);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->cars));

  gtk_widget_set_margin_top (content, 12);
  gtk_widget_set_margin_bottom (content, 12);
  gtk_widget_set_margin_start (content, 12);
  gtk_widget_set_margin_end (content, 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), content);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);

  self->toasts = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toasts, scrolled);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->toasts));
  adw_window_set_content (ADW_WINDOW (self), box);
}

/**
 * pd_entry_list_window_new:
 *
 * Returns: (transfer floating) (nullable): the entry list window of
 *   @season_id, or %NULL with @error set when it cannot be read
 */
GtkWidget *
pd_entry_list_window_new (GtkWindow   *parent,
                          PdStore     *store,
                          const char  *season_id,
                          GError     **error)
{
  g_autoptr(PdEntryList) list = pd_entry_list_new (store, season_id, error);
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GtkStringList) round_names = gtk_string_list_new (NULL);
  PdEntryListWindow *self;

  if (list == NULL)
    return NULL;

  self = g_object_new (PD_TYPE_ENTRY_LIST_WINDOW, "transient-for", parent, "modal", parent != NULL, NULL);
  self->store = g_object_ref (store);
  self->list = g_steal_pointer (&list);
  g_signal_connect_swapped (self->list, "changed", G_CALLBACK (rebuild), self);

  self->round_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->round_ids, NULL);
  gtk_string_list_append (round_names, _("Every Round"));
  rounds = pd_store_list_rounds (store, season_id, NULL);
  for (guint i = 0; rounds != NULL && i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);
      g_autofree char *name = NULL;

      if (pd_round_get_number (round) <= 0)
        continue;
      /* TRANSLATORS: a round in a list: its number and name */
      name = g_strdup_printf (_("Round %d · %s"), pd_round_get_number (round), pd_round_get_name (round));
      g_ptr_array_add (self->round_ids, g_strdup (pd_round_get_id (round)));
      gtk_string_list_append (round_names, name);
    }
  gtk_drop_down_set_model (self->round_dropdown, G_LIST_MODEL (round_names));
  g_signal_connect_swapped (self->round_dropdown, "notify::selected", G_CALLBACK (rebuild), self);

  rebuild (self);
  return GTK_WIDGET (self);
}

/**
 * pd_entry_list_window_get_list:
 *
 * Returns: (transfer none): the entry list edited
 */
PdEntryList *
pd_entry_list_window_get_list (PdEntryListWindow *self)
{
  g_return_val_if_fail (PD_IS_ENTRY_LIST_WINDOW (self), NULL);

  return self->list;
}
