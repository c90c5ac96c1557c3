#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-changes-window.h"
#include "pd-feed-ui.h"
#include "pd-feed.h"
#include "pd-ui-util.h"

/*
 * What refreshing a season's feed changed, the latest first, with the
 * conflicts (fields changed here and in the feed) on top, each waiting
 * for the user's choice. The changes count as seen once the window is
 * closed, not when it opens: the user has read them by then.
 */

struct _PdChangesWindow
{
  AdwWindow        parent_instance;

  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  GtkWidget       *conflict_group;
  GtkListBox      *conflict_list;
  GtkListBox      *change_list;

  PdStore         *store;
  char            *season_id;
  GPtrArray       *conflicts;   /* PdStoreFeedConflict *, as shown */
};

G_DEFINE_FINAL_TYPE (PdChangesWindow, pd_changes_window, ADW_TYPE_WINDOW)

enum {
  SEASON_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
conflict_clicked_cb (GtkButton       *button,
                     PdChangesWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "conflict"));
  gboolean take_feed = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "take-feed"));

  pd_changes_window_resolve (self, index, take_feed);
}

static GtkWidget *
conflict_button_new (PdChangesWindow *self,
                     const char      *label,
                     guint            index,
                     gboolean         take_feed)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data (G_OBJECT (button), "conflict", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "take-feed", GINT_TO_POINTER (take_feed));
  g_signal_connect_object (button, "clicked", G_CALLBACK (conflict_clicked_cb), self, 0);
  return button;
}

static void
reload (PdChangesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();

  pd_ui_clear_list_box (self->conflict_list);
  pd_ui_clear_list_box (self->change_list);

  g_clear_pointer (&self->conflicts, g_ptr_array_unref);
  self->conflicts = pd_store_list_feed_conflicts (self->store, self->season_id, &error);
  if (self->conflicts != NULL)
    changes = pd_store_list_feed_changes (self->store, self->season_id, FALSE, &error);
  if (changes == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  for (guint i = 0; i < self->conflicts->len; i++)
    {
      g_autofree char *text = pd_feed_describe_conflict (self->conflicts->pdata[i], local_zone);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *keep = conflict_button_new (self, _("_Keep Mine"), i, FALSE);
      GtkWidget *take = conflict_button_new (self, _("_Use Feed’s"), i, TRUE);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (take, "suggested-action");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), keep);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), take);
      gtk_list_box_append (self->conflict_list, row);
    }
  gtk_widget_set_visible (self->conflict_group, self->conflicts->len > 0);

  for (guint i = 0; i < changes->len; i++)
    {
      const PdStoreFeedChange *change = changes->pdata[i];
      g_autofree char *text = pd_feed_describe_change (change, local_zone);
      g_autofree char *when = pd_feed_ui_format_time (change->at);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);
      adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      if (!change->seen)
        {
          GtkWidget *dot = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

          gtk_widget_add_css_class (dot, "unseen-dot");
          gtk_widget_set_valign (dot, GTK_ALIGN_CENTER);
          gtk_widget_set_halign (dot, GTK_ALIGN_CENTER);
          gtk_widget_set_tooltip_text (dot, C_("change", "New"));
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), dot);
          gtk_widget_add_css_class (row, "unseen");
          gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                          /* TRANSLATORS: read out for a change not seen before */
                                          C_("change", "New"), -1);
        }
      gtk_list_box_append (self->change_list, row);
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    changes->len > 0 || self->conflicts->len > 0 ? "changes" : "empty");
}

/**
 * pd_changes_window_resolve:
 * @conflict: the conflict's position in the list
 * @take_feed: %TRUE to take the feed's value, %FALSE to keep the user's
 *
 * Settles a conflict, as its buttons do.
 */
void
pd_changes_window_resolve (PdChangesWindow *self,
                           guint            conflict,
                           gboolean         take_feed)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PD_IS_CHANGES_WINDOW (self));
  g_return_if_fail (self->conflicts != NULL && conflict < self->conflicts->len);

  if (!pd_feed_resolve_conflict (self->store, self->conflicts->pdata[conflict], take_feed, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  reload (self);
  g_signal_emit (self, signals[SEASON_CHANGED], 0, self->season_id);
}

static gboolean
pd_changes_window_close_request (GtkWindow *window)
{
  PdChangesWindow *self = PD_CHANGES_WINDOW (window);
  g_autoptr(GError) error = NULL;

  /* The user has seen the changes now; the highlights go. */
  if (!pd_store_mark_feed_changes_seen (self->store, self->season_id, &error))
    g_warning ("Could not mark the changes of %s as seen: %s", self->season_id, error->message);
  else
    g_signal_emit (self, signals[SEASON_CHANGED], 0, self->season_id);

  return GTK_WINDOW_CLASS (pd_changes_window_parent_class)->close_request (window);
}

static void
pd_changes_window_dispose (GObject *object)
{
  PdChangesWindow *self = (PdChangesWindow *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->conflicts, g_ptr_array_unref);

  G_OBJECT_CLASS (pd_changes_window_parent_class)->dispose (object);
}

static void
pd_changes_window_finalize (GObject *object)
{
  PdChangesWindow *self = (PdChangesWindow *) object;

  g_clear_pointer (&self->season_id, g_free);

  G_OBJECT_CLASS (pd_changes_window_parent_class)->finalize (object);
}

static void
pd_changes_window_class_init (PdChangesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = pd_changes_window_dispose;
  object_class->finalize = pd_changes_window_finalize;
  window_class->close_request = pd_changes_window_close_request;

  /**
   * PdChangesWindow::season-changed:
   * @season_id: the season whose changes were seen or settled
   */
  signals[SEASON_CHANGED] = g_signal_new ("season-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static GtkWidget *
group_new (const char  *title,
           const char  *description,
           GtkListBox **list)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  *list = GTK_LIST_BOX (pd_ui_boxed_list_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (*list), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), GTK_WIDGET (*list));
  return group;
}

static void
pd_changes_window_init (PdChangesWindow *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  GtkWidget *empty = adw_status_page_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Changes"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);

  gtk_box_append (GTK_BOX (content), adw_header_bar_new ());
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->toast_overlay), TRUE);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->toast_overlay));

  self->stack = GTK_STACK (gtk_stack_new ());
  adw_toast_overlay_set_child (self->toast_overlay, GTK_WIDGET (self->stack));

  adw_status_page_set_icon_name (ADW_STATUS_PAGE (empty), "emblem-ok-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Changes"));
  adw_status_page_set_description (ADW_STATUS_PAGE (empty), _("The feed has not changed this season yet."));
  gtk_stack_add_named (self->stack, empty, "empty");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  self->conflict_group = group_new (_("To Decide"),
                                    _("Changed here and in the feed. Your value is kept until you choose."),
                                    &self->conflict_list);
  gtk_box_append (GTK_BOX (box), self->conflict_group);
  gtk_box_append (GTK_BOX (box), group_new (_("Changes"), _("What the feed changed, the latest first."),
                                            &self->change_list));
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "changes");

  adw_window_set_content (ADW_WINDOW (self), content);
}

/**
 * pd_changes_window_new:
 * @season_id: a season that follows a feed
 *
 * Returns: (transfer none): a window listing @season_id's changes, not
 *   shown yet
 */
PdChangesWindow *
pd_changes_window_new (GtkWindow  *parent,
                       PdStore    *store,
                       const char *season_id)
{
  PdChangesWindow *self;
  g_autoptr(PdSeason) season = NULL;

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (season_id != NULL, NULL);

  self = g_object_new (PD_TYPE_CHANGES_WINDOW, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->season_id = g_strdup (season_id);

  season = pd_store_get (store, PD_TYPE_SEASON, season_id, NULL);
  if (season != NULL)
    {
      /* TRANSLATORS: the Changes window's title; %s is a season's name */
      g_autofree char *title = g_strdup_printf (_("Changes in %s"), pd_season_get_name (season));
      gtk_window_set_title (GTK_WINDOW (self), title);
    }

  reload (self);
  return self;
}
