#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-follow-dialog.h"

/*
 * "Follow a Feed": a web address, the season that follows it and the
 * feed's format. The first reading runs while the dialog stays open, with
 * a spinner; a failure is shown in the dialog, and nothing is stored.
 */

struct _PdFollowDialog
{
  AdwWindow     parent_instance;

  AdwEntryRow  *url_row;
  AdwEntryRow  *season_row;
  AdwComboRow  *format_row;
  GtkLabel     *error_label;
  GtkButton    *follow_button;
  GtkSpinner   *spinner;

  PdFeedClient *client;
  PdStore      *store;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (PdFollowDialog, pd_follow_dialog, ADW_TYPE_WINDOW)

enum {
  FOLLOWED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The formats, in the order of the format row; NULL tells by content. */
static const char *const formats[] = { NULL, "paddock", "ics", "sportstimes" };

static void
set_busy (PdFollowDialog *self,
          gboolean        busy)
{
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->follow_button), !busy);
  /* Not insensitive: GTK 4.8 warns when a focused text loses its
   * sensitivity. */
  gtk_editable_set_editable (GTK_EDITABLE (self->url_row), !busy);
  gtk_editable_set_editable (GTK_EDITABLE (self->season_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->format_row), !busy);
}

static void
show_error (PdFollowDialog *self,
            const char     *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
follow_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(PdFollowDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(PdFeedReport) report = pd_feed_client_follow_finish (PD_FEED_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (report == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s\nNothing was stored."), error->message);

      show_error (self, message);
      return;
    }

  g_signal_emit (self, signals[FOLLOWED], 0, report->season_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * pd_follow_dialog_follow:
 *
 * Starts following what the dialog holds, as its Follow button does.
 */
void
pd_follow_dialog_follow (PdFollowDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *season_id = NULL;
  guint format;

  g_return_if_fail (PD_IS_FOLLOW_DIALOG (self));

  url = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->url_row))));
  season_id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->season_row))));
  format = adw_combo_row_get_selected (self->format_row);

  if (!pd_feed_check_url (url, &error))
    {
      show_error (self, error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->url_row));
      return;
    }
  if (*season_id == '\0')
    {
      show_error (self, _("Name the season that follows the feed, such as “f1-2026”."));
      gtk_widget_grab_focus (GTK_WIDGET (self->season_row));
      return;
    }

  show_error (self, NULL);
  set_busy (self, TRUE);
  pd_feed_client_follow_async (self->client, self->store, season_id, url,
                               format < G_N_ELEMENTS (formats) ? formats[format] : NULL,
                               self->cancellable, follow_cb, g_object_ref (self));
}

static void
pd_follow_dialog_dispose (GObject *object)
{
  PdFollowDialog *self = (PdFollowDialog *) object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pd_follow_dialog_parent_class)->dispose (object);
}

static void
pd_follow_dialog_finalize (GObject *object)
{
  PdFollowDialog *self = (PdFollowDialog *) object;

  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (pd_follow_dialog_parent_class)->finalize (object);
}

static void
pd_follow_dialog_class_init (PdFollowDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_follow_dialog_dispose;
  object_class->finalize = pd_follow_dialog_finalize;

  /**
   * PdFollowDialog::followed:
   * @season_id: the season that now follows the feed
   */
  signals[FOLLOWED] = g_signal_new ("followed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pd_follow_dialog_init (PdFollowDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *group = adw_preferences_group_new ();
  const char *format_names[] = {
    C_("feed format", "Tell by Content"),
    C_("feed format", "Paddock Season File"),
    C_("feed format", "iCalendar"),
    C_("feed format", "sportstimes Calendar"),
    NULL
  };
  g_autoptr(GtkStringList) format_list = gtk_string_list_new (format_names);

  self->cancellable = g_cancellable_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Follow a Feed"));
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (self), 480, -1);
  gtk_window_set_resizable (GTK_WINDOW (self), FALSE);

  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->follow_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Follow")));
  gtk_widget_add_css_class (GTK_WIDGET (self->follow_button), "suggested-action");
  g_signal_connect_object (self->follow_button, "clicked", G_CALLBACK (pd_follow_dialog_follow), self,
                           G_CONNECT_SWAPPED);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->follow_button));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->spinner), _("Reading the feed…"));
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->spinner));
  gtk_box_append (GTK_BOX (content), header);

  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_widget_set_margin_top (body, 12);
  gtk_widget_set_margin_bottom (body, 18);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Paddock reads the feed now and again at every refresh. Changes the "
                                           "feed makes are listed; what you changed yourself is kept."));

  self->url_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->url_row), _("Web Address"));
  gtk_editable_set_text (GTK_EDITABLE (self->url_row), "https://");
  adw_entry_row_set_activates_default (self->url_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->url_row));

  self->season_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->season_row), _("Season Identifier"));
  adw_entry_row_set_activates_default (self->season_row, TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->season_row));

  self->format_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->format_row), _("Format"));
  adw_combo_row_set_model (self->format_row, G_LIST_MODEL (format_list));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (self->format_row));
  gtk_box_append (GTK_BOX (body), group);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_selectable (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->error_label), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Error"), -1);
  gtk_box_append (GTK_BOX (body), GTK_WIDGET (self->error_label));
  gtk_box_append (GTK_BOX (content), body);

  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->follow_button));
}

/**
 * pd_follow_dialog_new:
 * @season_id: (nullable): the season to suggest
 *
 * Returns: (transfer none): a dialog over @parent, not shown yet
 */
PdFollowDialog *
pd_follow_dialog_new (GtkWindow    *parent,
                      PdFeedClient *client,
                      PdStore      *store,
                      const char   *season_id)
{
  PdFollowDialog *self;

  g_return_val_if_fail (PD_IS_FEED_CLIENT (client), NULL);
  g_return_val_if_fail (PD_IS_STORE (store), NULL);

  self = g_object_new (PD_TYPE_FOLLOW_DIALOG, "transient-for", parent, NULL);
  self->client = g_object_ref (client);
  self->store = g_object_ref (store);
  gtk_editable_set_text (GTK_EDITABLE (self->season_row), season_id != NULL ? season_id : "");
  return self;
}

void
pd_follow_dialog_set_url (PdFollowDialog *self,
                          const char     *url)
{
  g_return_if_fail (PD_IS_FOLLOW_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->url_row), url);
}

/**
 * pd_follow_dialog_get_error:
 *
 * Returns: (nullable): the error the dialog shows, if any
 */
const char *
pd_follow_dialog_get_error (PdFollowDialog *self)
{
  g_return_val_if_fail (PD_IS_FOLLOW_DIALOG (self), NULL);

  return gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ? gtk_label_get_label (self->error_label) : NULL;
}
