#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-schedule.h"
#include "pd-time.h"
#include "pd-ui-util.h"

/**
 * pd_ui_now:
 *
 * The current instant. `PADDOCK_NOW` (RFC 3339) fixes it, so that tests and
 * screenshots show the same countdowns on every run.
 *
 * Returns: (transfer full): now, in UTC
 */
GDateTime *
pd_ui_now (void)
{
  const char *fixed = g_getenv ("PADDOCK_NOW");

  if (fixed != NULL && *fixed != '\0')
    {
      GDateTime *now = pd_time_parse_rfc3339 (fixed, NULL);

      if (now != NULL)
        return now;
      g_warning ("PADDOCK_NOW=%s is not an RFC 3339 time; using the clock", fixed);
    }

  return g_date_time_new_now_utc ();
}

/**
 * pd_ui_round_title:
 *
 * Returns: (transfer full): such as "Round 6 · Barcelona", or the name
 *   alone for an event outside the championship
 */
char *
pd_ui_round_title (PdRound *round)
{
  int number = pd_round_get_number (round);

  if (number > 0)
    /* TRANSLATORS: a round's number and name, such as "Round 6 · Barcelona" */
    return g_strdup_printf (_("Round %d · %s"), number, pd_round_get_name (round));

  return g_strdup (pd_round_get_name (round));
}

/**
 * pd_ui_driver_name:
 *
 * Returns: (transfer full): the driver's full name
 */
char *
pd_ui_driver_name (PdDriver *driver)
{
  const char *first = pd_driver_get_first_name (driver);
  const char *last = pd_driver_get_last_name (driver);

  if (first == NULL || *first == '\0')
    return g_strdup (last);

  /* TRANSLATORS: a driver's name: first name, last name */
  return g_strdup_printf (_("%s %s"), first, last);
}

GtkWidget *
pd_ui_boxed_list_new (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  return list;
}

void
pd_ui_remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    gtk_box_remove (GTK_BOX (box), child);
}

/**
 * pd_ui_session_when:
 *
 * Returns: (transfer full): a session's start at the track and in the
 *   user's zone, labelled, such as
 *   "16:50 CEST at the track · 16:50 CEST your time", or that the time is
 *   not known
 */
char *
pd_ui_session_when (PdSession *session,
                    PdCircuit *circuit,
                    GTimeZone *local_zone)
{
  GDateTime *start = pd_session_get_start_utc (session);
  g_autoptr(GTimeZone) track_zone = NULL;

  if (circuit != NULL)
    track_zone = g_time_zone_new_identifier (pd_circuit_get_zone (circuit));

  if (start == NULL || track_zone == NULL)
    return g_strdup (_("Time not announced"));

  return pd_format_track_and_local (start, track_zone, local_zone);
}

/**
 * pd_ui_value_row_new:
 *
 * Returns: (transfer floating): a row with a title and a value at its end
 */
GtkWidget *
pd_ui_value_row_new (const char *title,
                     const char *value)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label = gtk_label_new (value);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (label, value);
  gtk_widget_add_css_class (label, "dim-label");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
  return row;
}

void
pd_ui_clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* For a widget's dispose: a template's top widget that has no id is not
 * unparented by gtk_widget_dispose_template(). */
void
pd_ui_unparent_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_widget_unparent (child);
}

/**
 * pd_ui_current_round:
 * @rounds: a season's rounds, by date
 *
 * Returns: the position of the first round that is not over at
 *   pd_ui_now(), or of the last one held in a finished season; cancelled
 *   events are passed over. 0 when there is none.
 */
guint
pd_ui_current_round (GListModel *rounds)
{
  g_autoptr(GDateTime) now = pd_ui_now ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  guint current = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);
      const char *end = pd_round_get_end_date (round);

      if (pd_round_get_status (round) == PD_ROUND_STATUS_CANCELLED)
        continue;
      current = i;
      if (end != NULL && g_strcmp0 (end, today) >= 0)
        break;
    }

  return current;
}

static void
setup_round_label_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_list_item_set_child (item, label);
}

static void
bind_round_label_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     gpointer                  user_data)
{
  g_autofree char *title = pd_ui_round_title (gtk_list_item_get_item (item));

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), title);
}

/**
 * pd_ui_round_factory_new:
 *
 * Returns: (transfer full): a factory showing #PdRound items by title, for
 *   the round choosers
 */
GtkListItemFactory *
pd_ui_round_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_round_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_round_label_cb), NULL);
  return factory;
}

static gboolean
save_cb (PdStore   *store,
         gpointer   object,
         GError   **error)
{
  return pd_store_save (store, object, error);
}

/**
 * pd_ui_save:
 * @object: a record of the store
 *
 * Saves @object in a transaction of its own, as every edit in the app is.
 */
gboolean
pd_ui_save (PdStore  *store,
            gpointer  object,
            GError  **error)
{
  return pd_store_transaction (store, save_cb, object, error);
}
