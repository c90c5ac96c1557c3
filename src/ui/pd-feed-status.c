#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-feed-status.h"
#include "pd-feed-ui.h"
#include "pd-store-feeds.h"

/*
 * A strip above the views of a season that follows a feed: where the
 * feed is, when it was last read, why the last try failed, and buttons
 * to read it now and to see what it changed. Hidden for other seasons.
 */

struct _PdFeedStatus
{
  GtkWidget  parent_instance;

  GtkWidget *box;
  GtkImage  *icon;
  GtkLabel  *url_label;
  GtkLabel  *state_label;
  GtkButton *changes_button;
  GtkStack  *refresh_stack;
};

G_DEFINE_FINAL_TYPE (PdFeedStatus, pd_feed_status, GTK_TYPE_WIDGET)

static void
pd_feed_status_dispose (GObject *object)
{
  PdFeedStatus *self = (PdFeedStatus *) object;

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (pd_feed_status_parent_class)->dispose (object);
}

static void
pd_feed_status_class_init (PdFeedStatusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_feed_status_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "feedstatus");
}

static void
pd_feed_status_init (PdFeedStatus *self)
{
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *refresh = gtk_button_new_from_icon_name ("view-refresh-symbolic");
  GtkWidget *spinner = gtk_spinner_new ();

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (self->box, "feed-status");
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->icon = GTK_IMAGE (gtk_image_new_from_icon_name ("emblem-shared-symbolic"));
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->icon));

  self->url_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->url_label, 0);
  gtk_label_set_ellipsize (self->url_label, PANGO_ELLIPSIZE_MIDDLE);
  gtk_label_set_selectable (self->url_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->url_label), "heading");
  self->state_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->state_label, 0);
  gtk_label_set_wrap (self->state_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "caption");
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->url_label));
  gtk_box_append (GTK_BOX (texts), GTK_WIDGET (self->state_label));
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), texts);

  self->changes_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_("_Changes")));
  gtk_widget_set_valign (GTK_WIDGET (self->changes_button), GTK_ALIGN_CENTER);
  gtk_actionable_set_detailed_action_name (GTK_ACTIONABLE (self->changes_button), "win.show-changes::");
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->changes_button));

  /* The button turns into a spinner while the feed is being read. */
  gtk_widget_set_tooltip_text (refresh, _("Refresh Now"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (refresh), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Refresh Now"), -1);
  gtk_widget_add_css_class (refresh, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (refresh), "win.refresh-feeds");
  gtk_spinner_set_spinning (GTK_SPINNER (spinner), TRUE);
  gtk_widget_set_tooltip_text (spinner, _("Refreshing…"));
  self->refresh_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (self->refresh_stack, refresh, "idle");
  gtk_stack_add_named (self->refresh_stack, spinner, "busy");
  gtk_widget_set_valign (GTK_WIDGET (self->refresh_stack), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->refresh_stack));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * pd_feed_status_set_season:
 *
 * Shows the feed @season_id follows, or hides the strip when it follows
 * none.
 *
 * Returns: whether @season_id follows a feed
 */
gboolean
pd_feed_status_set_season (PdFeedStatus *self,
                           PdStore      *store,
                           const char   *season_id)
{
  g_autoptr(PdStoreFeed) feed = NULL;
  g_autoptr(GPtrArray) unseen = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *state = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *when = NULL;
  guint n_unseen, n_conflicts;

  g_return_val_if_fail (PD_IS_FEED_STATUS (self), FALSE);

  if (store != NULL && season_id != NULL)
    feed = pd_store_get_feed (store, season_id, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), feed != NULL);
  if (feed == NULL)
    return FALSE;

  gtk_label_set_label (self->url_label, feed->url);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->url_label), feed->url);

  when = pd_feed_ui_format_time (feed->refreshed_at);
  if (feed->error != NULL)
    {
      g_autofree char *tried = pd_feed_ui_format_time (feed->checked_at);

      /* TRANSLATORS: why reading a feed failed, when that was, then when it last worked */
      state = g_strdup_printf (_("The last refresh failed (%s): %s. Last refreshed %s."), tried, feed->error, when);
    }
  else
    /* TRANSLATORS: %s is a time, such as "just now" or "5 minutes ago" */
    state = g_strdup_printf (_("Last refreshed %s"), when);
  gtk_label_set_label (self->state_label, state);
  gtk_image_set_from_icon_name (self->icon, feed->error != NULL ? "dialog-warning-symbolic" : "emblem-shared-symbolic");
  if (feed->error != NULL)
    gtk_widget_add_css_class (self->box, "failed");
  else
    gtk_widget_remove_css_class (self->box, "failed");

  unseen = pd_store_list_feed_changes (store, season_id, TRUE, NULL);
  conflicts = pd_store_list_feed_conflicts (store, season_id, NULL);
  n_unseen = unseen != NULL ? unseen->len : 0;
  n_conflicts = conflicts != NULL ? conflicts->len : 0;
  if (n_conflicts > 0)
    changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Changes (%u to decide)", "_Changes (%u to decide)",
                                            n_conflicts), n_conflicts);
  else if (n_unseen > 0)
    changes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "_Changes (%u new)", "_Changes (%u new)", n_unseen),
                               n_unseen);
  else
    changes = g_strdup (_("_Changes"));
  gtk_button_set_label (self->changes_button, changes);
  if (n_conflicts > 0 || n_unseen > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->changes_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->changes_button), "suggested-action");

  return TRUE;
}

/**
 * pd_feed_status_set_busy:
 *
 * Shows a spinner in place of the refresh button while feeds are read.
 */
void
pd_feed_status_set_busy (PdFeedStatus *self,
                         gboolean      busy)
{
  g_return_if_fail (PD_IS_FEED_STATUS (self));

  gtk_stack_set_visible_child_name (self->refresh_stack, busy ? "busy" : "idle");
}
