#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-entry-list-window.h"
#include "pd-results-editor-view.h"
#include "pd-results-sheet.h"
#include "pd-results-table.h"
#include "pd-results-view.h"
#include "pd-ui-export.h"
#include "pd-ui-util.h"
#include "pd-user-prefs.h"

/*
 * A session's stored classification, read-only. Positions are shown as
 * recorded; where a source gives only some of them (as the press
 * releases do), the rest stay empty rather than guessed.
 */

enum {
  COL_POSITION,
  COL_CLASS_POSITION,
  COL_CLASS,
  COL_NUMBER,
  COL_DRIVERS,
  COL_TEAM,
  COL_CAR,
  COL_GRID,
  COL_STATUS,
  COL_NOTES,
  N_COLUMNS
};

/* One row of the table, as the strings it shows. */
#define PD_TYPE_RESULTS_ITEM (pd_results_item_get_type ())
G_DECLARE_FINAL_TYPE (PdResultsItem, pd_results_item, PD, RESULTS_ITEM, GObject)

struct _PdResultsItem
{
  GObject  parent_instance;
  char    *columns[N_COLUMNS];
  char    *entry_id;
};

G_DEFINE_FINAL_TYPE (PdResultsItem, pd_results_item, G_TYPE_OBJECT)

static void
pd_results_item_finalize (GObject *object)
{
  PdResultsItem *self = (PdResultsItem *) object;

  for (guint i = 0; i < N_COLUMNS; i++)
    g_free (self->columns[i]);
  g_free (self->entry_id);

  G_OBJECT_CLASS (pd_results_item_parent_class)->finalize (object);
}

static void
pd_results_item_class_init (PdResultsItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_results_item_finalize;
}

static void
pd_results_item_init (PdResultsItem *self)
{
}

struct _PdResultsView
{
  GtkWidget       parent_instance;

  GtkDropDown    *round_dropdown;
  GtkDropDown    *session_dropdown;
  GtkLabel       *summary_label;
  GtkStack       *results_stack;
  GtkColumnView  *column_view;
  GtkToggleButton *edit_button;
  GtkButton       *entry_list_button;
  GtkToggleButton *only_mine_button;
  PdResultsEditorView *editor_view;

  PdStore        *store;
  char           *season_id;
  GListModel     *rounds;
  GListModel     *sessions;
  GListStore     *items;
  GtkCustomFilter *mine_filter;
  GSettings      *settings;
  char           *my_car;  /* the user's car in the season, or NULL */
};

G_DEFINE_FINAL_TYPE (PdResultsView, pd_results_view, GTK_TYPE_WIDGET)

enum {
  SHOW_TOAST,
  RESULTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast_error (PdResultsView *self,
             const GError  *error)
{
  g_signal_emit (self, signals[SHOW_TOAST], 0, error->message);
}

static char *
number_or_dash (int value)
{
  return value > 0 ? g_strdup_printf ("%d", value) : g_strdup ("—");
}

static char *
lookup_name (PdStore     *store,
             GHashTable  *cache,
             GType        type,
             const char  *id)
{
  char *name;

  if (id == NULL)
    return NULL;

  name = g_hash_table_lookup (cache, id);
  if (name == NULL)
    {
      g_autoptr(GObject) record = pd_store_get (store, type, id, NULL);

      if (record == NULL)
        name = g_strdup (id);
      else if (PD_IS_DRIVER (record))
        name = pd_ui_driver_name (PD_DRIVER (record));
      else
        g_object_get (record, "name", &name, NULL);
      g_hash_table_insert (cache, g_strdup (id), name);
    }

  return name;
}

static void
show_session (PdResultsView *self,
              PdSession     *session)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n;

  g_list_store_remove_all (self->items);
  gtk_label_set_label (self->summary_label, "");

  if (session == NULL)
    {
      gtk_stack_set_visible_child_name (self->results_stack, "empty");
      return;
    }

  results = pd_store_list_results (self->store, pd_session_get_id (session), &error);
  if (results == NULL)
    {
      toast_error (self, error);
      return;
    }

  n = g_list_model_get_n_items (results);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);
      g_autoptr(PdEntry) entry = pd_store_get (self->store, PD_TYPE_ENTRY, pd_result_get_entry_id (result), NULL);
      g_autoptr(GListModel) penalties = pd_store_list_penalties (self->store, pd_result_get_id (result), NULL);
      g_autoptr(PdResultsItem) item = g_object_new (PD_TYPE_RESULTS_ITEM, NULL);
      g_autoptr(GPtrArray) names_list = g_ptr_array_new ();
      g_autoptr(GPtrArray) penalty_list = g_ptr_array_new_with_free_func (g_object_unref);
      const char * const *drivers = pd_result_get_driver_ids (result);
      const char *number;

      if (entry != NULL && (drivers == NULL || drivers[0] == NULL))
        drivers = pd_entry_get_crew_ids (entry);
      for (guint d = 0; drivers != NULL && drivers[d] != NULL; d++)
        g_ptr_array_add (names_list, lookup_name (self->store, names, PD_TYPE_DRIVER, drivers[d]));
      g_ptr_array_add (names_list, NULL);

      for (guint p = 0; penalties != NULL && p < g_list_model_get_n_items (penalties); p++)
        g_ptr_array_add (penalty_list, g_list_model_get_item (penalties, p));

      number = entry != NULL ? pd_entry_get_number (entry) : NULL;
      item->columns[COL_POSITION] = number_or_dash (pd_result_get_position (result));
      item->columns[COL_CLASS_POSITION] = number_or_dash (pd_result_get_class_position (result));
      item->columns[COL_CLASS] = g_strdup (entry != NULL
                                           ? lookup_name (self->store, names, PD_TYPE_CLASS, pd_entry_get_class_id (entry))
                                           : NULL);
      item->columns[COL_NUMBER] = g_strdup (number != NULL ? number : "—");
      /* TRANSLATORS: the separator between the drivers of a car */
      item->columns[COL_DRIVERS] = g_strjoinv (_(" / "), (char **) names_list->pdata);
      item->columns[COL_TEAM] = g_strdup (entry != NULL
                                          ? lookup_name (self->store, names, PD_TYPE_TEAM, pd_entry_get_team_id (entry))
                                          : NULL);
      item->columns[COL_CAR] = g_strdup (entry != NULL ? pd_entry_get_car_model (entry) : NULL);
      item->columns[COL_GRID] = number_or_dash (pd_result_get_grid (result));
      item->columns[COL_STATUS] = g_strdup (pd_result_status_to_label (pd_result_get_status (result)));
      item->columns[COL_NOTES] = pd_result_describe_notes (result, penalty_list);
      item->entry_id = g_strdup (pd_result_get_entry_id (result));
      g_list_store_append (self->items, item);
    }

  if (n > 0)
    {
      g_autofree char *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "%u car with a stored result. Positions are as recorded.",
                                                               "%u cars with a stored result. Positions are as recorded.",
                                                               n), n);
      gtk_label_set_label (self->summary_label, summary);
    }
  gtk_stack_set_visible_child_name (self->results_stack, n > 0 ? "table" : "empty");
}

static void
session_selected_cb (PdResultsView *self)
{
  PdSession *session = gtk_drop_down_get_selected_item (self->session_dropdown);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-pdf", session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-csv", session != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.print", session != NULL);

  if (gtk_toggle_button_get_active (self->edit_button) && session != NULL)
    {
      pd_results_editor_view_set_session (self->editor_view, self->store, pd_session_get_id (session));
      gtk_stack_set_visible_child_name (self->results_stack, "editor");
      gtk_label_set_label (self->summary_label,
                           _("Type car numbers in finishing order. Every change is saved at once; Ctrl+Z undoes it."));
      return;
    }
  pd_results_editor_view_set_session (self->editor_view, NULL, NULL);
  show_session (self, session);
}

static void
edit_toggled_cb (PdResultsView *self)
{
  session_selected_cb (self);
}

/* The entry list changed: names, crews and classes shown follow. */
static void
entry_list_changed_cb (PdResultsView *self)
{
  session_selected_cb (self);
  g_signal_emit (self, signals[RESULTS_CHANGED], 0, NULL);
}

static void
entry_list_cb (PdResultsView *self)
{
  g_autoptr(GError) error = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *window;

  if (self->store == NULL || self->season_id == NULL)
    return;
  window = pd_entry_list_window_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->season_id,
                                     &error);
  if (window == NULL)
    {
      g_signal_emit (self, signals[SHOW_TOAST], 0, error->message);
      return;
    }
  g_signal_connect_object (pd_entry_list_window_get_list (PD_ENTRY_LIST_WINDOW (window)), "changed",
                           G_CALLBACK (entry_list_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));
}

static void
editor_toast_cb (PdResultsView *self,
                 const char    *message)
{
  g_signal_emit (self, signals[SHOW_TOAST], 0, message);
}

static void
editor_results_changed_cb (PdResultsView *self,
                           const char    *session_id)
{
  g_signal_emit (self, signals[RESULTS_CHANGED], 0, session_id);
}

static gboolean
session_has_results (PdResultsView *self,
                     PdSession     *session)
{
  g_autoptr(GListModel) results = pd_store_list_results (self->store, pd_session_get_id (session), NULL);

  return results != NULL && g_list_model_get_n_items (results) > 0;
}

static void
round_selected_cb (PdResultsView *self)
{
  PdRound *round = gtk_drop_down_get_selected_item (self->round_dropdown);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_clear_object (&self->sessions);
  if (round != NULL)
    self->sessions = pd_store_list_sessions (self->store, pd_round_get_id (round), &error);
  if (self->sessions == NULL)
    {
      if (error != NULL)
        toast_error (self, error);
      self->sessions = G_LIST_MODEL (g_list_store_new (PD_TYPE_SESSION));
    }

  /* Open on the last session that has results. */
  for (guint i = 0; i < g_list_model_get_n_items (self->sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (self->sessions, i);

      if (session_has_results (self, session))
        selected = i;
    }

  g_signal_handlers_block_by_func (self->session_dropdown, session_selected_cb, self);
  gtk_drop_down_set_model (self->session_dropdown, self->sessions);
  gtk_drop_down_set_selected (self->session_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->session_dropdown, session_selected_cb, self);

  session_selected_cb (self);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_session_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  user_data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       pd_session_get_name (gtk_list_item_get_item (item)));
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COL_NOTES || column == COL_DRIVERS ||
                                           column == COL_TEAM || column == COL_CAR ||
                                           column == COL_CLASS || column == COL_STATUS ? 0 : 1);
  if (column == COL_NOTES)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  else
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  PdResultsItem *row = gtk_list_item_get_item (item);
  const char *text = row->columns[GPOINTER_TO_UINT (user_data)];
  GtkWidget *label = gtk_list_item_get_child (item);
  GtkWidget *cell = gtk_widget_get_parent (label);
  GtkWidget *row_widget = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  PdResultsView *self = g_object_get_data (G_OBJECT (factory), "pd-results-view");
  gboolean mine = self != NULL && self->my_car != NULL && g_strcmp0 (row->entry_id, self->my_car) == 0;

  gtk_label_set_label (GTK_LABEL (label), text != NULL ? text : "");

  /* GTK 4.8 has no GtkColumnViewRow: the row is the cells' parent, and
   * rows are reused, so the mark is set or cleared on every bind. */
  if (row_widget != NULL)
    {
      if (mine)
        gtk_widget_add_css_class (row_widget, "my-car");
      else
        gtk_widget_remove_css_class (row_widget, "my-car");
    }
}

static gboolean
mine_filter_cb (gpointer item,
                gpointer user_data)
{
  PdResultsView *self = user_data;

  return !gtk_toggle_button_get_active (self->only_mine_button) ||
         g_strcmp0 (PD_RESULTS_ITEM (item)->entry_id, self->my_car) == 0;
}

/* The user's car in the season: the "My Car" button is shown when there
 * is one, and its row is marked. */
static void
update_my_car (PdResultsView *self)
{
  g_free (self->my_car);
  self->my_car = pd_user_prefs_get_my_car (self->settings, self->season_id);
  if (self->my_car == NULL)
    gtk_toggle_button_set_active (self->only_mine_button, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->only_mine_button), self->my_car != NULL);
}

static void
my_car_changed_cb (PdResultsView *self)
{
  update_my_car (self);
  if (self->store != NULL)
    session_selected_cb (self);
}

static void
only_mine_toggled_cb (PdResultsView *self)
{
  gtk_filter_changed (GTK_FILTER (self->mine_filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
add_column (PdResultsView *self,
            guint          column,
            const char    *title,
            gboolean       expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GUINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (column));
  g_object_set_data (G_OBJECT (factory), "pd-results-view", self);
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

/* The session the view shows, or NULL with @error set. */
static PdSession *
current_session (PdResultsView  *self,
                 GError        **error)
{
  PdSession *session = self->store != NULL ? gtk_drop_down_get_selected_item (self->session_dropdown) : NULL;

  if (session == NULL)
    g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No session is chosen."));
  return session;
}

/**
 * pd_results_view_export_pdf:
 *
 * Writes the classification of the session shown as a PDF sheet, on the
 * locale's paper.
 *
 * Returns: whether the file was written
 */
gboolean
pd_results_view_export_pdf (PdResultsView  *self,
                            const char     *path,
                            GError        **error)
{
  PdSession *session;
  g_autoptr(PdSheet) sheet = NULL;

  g_return_val_if_fail (PD_IS_RESULTS_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  session = current_session (self, error);
  sheet = session != NULL ? pd_results_sheet_new (self->store, pd_session_get_id (session), error) : NULL;
  return sheet != NULL && pd_sheet_write_pdf (sheet, path, pd_paper_default (), error);
}

/**
 * pd_results_view_export_csv:
 * @headers: the column names: stable ones, or the user's language's
 *
 * Writes the classification of the session shown as CSV (RFC 4180,
 * UTF-8).
 *
 * Returns: whether the file was written
 */
gboolean
pd_results_view_export_csv (PdResultsView  *self,
                            const char     *path,
                            PdCsvHeaders    headers,
                            GError        **error)
{
  PdSession *session;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;

  g_return_val_if_fail (PD_IS_RESULTS_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  session = current_session (self, error);
  rows = session != NULL ? pd_results_load (self->store, pd_session_get_id (session), error) : NULL;
  if (rows == NULL)
    return FALSE;
  csv = pd_results_to_csv (rows, headers);
  return g_file_set_contents (path, csv, -1, error);
}

/**
 * pd_results_view_print:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_path
 * @export_path: (nullable): the PDF to write when exporting
 *
 * Prints the classification of the session shown through
 * GtkPrintOperation, on the pages of its PDF sheet.
 *
 * Returns: whether it was printed (or exported)
 */
gboolean
pd_results_view_print (PdResultsView            *self,
                       GtkPrintOperationAction   action,
                       const char               *export_path,
                       GError                  **error)
{
  PdSession *session;
  PdSheet *sheet;

  g_return_val_if_fail (PD_IS_RESULTS_VIEW (self), FALSE);

  session = current_session (self, error);
  sheet = session != NULL ? pd_results_sheet_new (self->store, pd_session_get_id (session), error) : NULL;
  return sheet != NULL && pd_ui_print_sheet (GTK_WIDGET (self), sheet, action, export_path, error);
}

static gboolean
save_pdf (GtkWidget     *view,
          const char    *path,
          PdCsvHeaders   headers,
          GError       **error)
{
  return pd_results_view_export_pdf (PD_RESULTS_VIEW (view), path, error);
}

static gboolean
save_csv (GtkWidget     *view,
          const char    *path,
          PdCsvHeaders   headers,
          GError       **error)
{
  return pd_results_view_export_csv (PD_RESULTS_VIEW (view), path, headers, error);
}

static const PdUiExport pdf_export = {
  N_("Export Classification as PDF"), N_("PDF documents"), "application/pdf", FALSE, save_pdf,
};

static const PdUiExport csv_export = {
  N_("Export Classification as CSV"), N_("CSV files"), "text/csv", TRUE, save_csv,
};

/* Export PDF… and Export CSV…: the session's classification, offered
 * as "SESSION-ID.pdf" or ".csv". */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdSession *session = current_session (PD_RESULTS_VIEW (widget), NULL);
  gboolean csv = g_str_equal (action_name, "results.export-csv");
  g_autofree char *name = NULL;

  if (session == NULL)
    return;
  name = g_strdup_printf ("%s.%s", pd_session_get_id (session), csv ? "csv" : "pdf");
  pd_ui_export_run (widget, csv ? &csv_export : &pdf_export, name);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PdResultsView *self = PD_RESULTS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (current_session (self, NULL) == NULL)
    return;

  if (!pd_results_view_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The classification could not be printed: %s"), error->message);

      g_signal_emit (self, signals[SHOW_TOAST], 0, message);
    }
}

static void
pd_results_view_dispose (GObject *object)
{
  PdResultsView *self = (PdResultsView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_RESULTS_VIEW);
  pd_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->rounds);
  g_clear_object (&self->sessions);
  g_clear_object (&self->items);
  g_clear_object (&self->mine_filter);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (pd_results_view_parent_class)->dispose (object);
}

static void
pd_results_view_finalize (GObject *object)
{
  PdResultsView *self = (PdResultsView *) object;

  g_clear_pointer (&self->season_id, g_free);
  g_clear_pointer (&self->my_car, g_free);

  G_OBJECT_CLASS (pd_results_view_parent_class)->finalize (object);
}

static void
pd_results_view_class_init (PdResultsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_results_view_dispose;
  object_class->finalize = pd_results_view_finalize;

  signals[SHOW_TOAST] = g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * PdResultsView::results-changed:
   * @session_id: (nullable): the session whose results changed; %NULL
   *   when it may be any (the entry list changed)
   *
   * Results were entered or corrected in the editor.
   */
  signals[RESULTS_CHANGED] = g_signal_new ("results-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "results.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "results.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "results.print", NULL, print_action);

  g_type_ensure (PD_TYPE_RESULTS_EDITOR_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/paddock/Paddock/ui/pd-results-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdResultsView, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdResultsView, session_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdResultsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PdResultsView, results_stack);
  gtk_widget_class_bind_template_child (widget_class, PdResultsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PdResultsView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PdResultsView, entry_list_button);
  gtk_widget_class_bind_template_child (widget_class, PdResultsView, only_mine_button);
  gtk_widget_class_bind_template_child (widget_class, PdResultsView, editor_view);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pd_results_view_init (PdResultsView *self)
{
  g_autoptr(GtkListItemFactory) round_factory = pd_ui_round_factory_new ();
  g_autoptr(GtkListItemFactory) session_factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_drop_down_set_factory (self->round_dropdown, round_factory);
  g_signal_connect (session_factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (session_factory, "bind", G_CALLBACK (bind_session_cb), NULL);
  gtk_drop_down_set_factory (self->session_dropdown, session_factory);
  g_signal_connect_object (self->edit_button, "toggled", G_CALLBACK (edit_toggled_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry_list_button, "clicked", G_CALLBACK (entry_list_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor_view, "results-changed", G_CALLBACK (editor_results_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->editor_view, "show-toast", G_CALLBACK (editor_toast_cb), self, G_CONNECT_SWAPPED);

  self->items = g_list_store_new (PD_TYPE_RESULTS_ITEM);
  self->mine_filter = gtk_custom_filter_new (mine_filter_cb, self, NULL);
  selection = gtk_no_selection_new (G_LIST_MODEL (gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                                                             g_object_ref (GTK_FILTER (self->mine_filter)))));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  /* TRANSLATORS: column heading, short for "position" */
  add_column (self, COL_POSITION, C_("column", "Pos."), FALSE);
  /* TRANSLATORS: column heading: the position within the car's class */
  add_column (self, COL_CLASS_POSITION, C_("column", "In class"), FALSE);
  add_column (self, COL_CLASS, C_("column", "Class"), FALSE);
  /* TRANSLATORS: column heading, short for "car number" */
  add_column (self, COL_NUMBER, C_("column", "No."), FALSE);
  add_column (self, COL_DRIVERS, C_("column", "Drivers"), TRUE);
  add_column (self, COL_TEAM, C_("column", "Team"), FALSE);
  add_column (self, COL_CAR, C_("column", "Car"), FALSE);
  add_column (self, COL_GRID, C_("column", "Grid"), FALSE);
  add_column (self, COL_STATUS, C_("column", "Status"), FALSE);
  add_column (self, COL_NOTES, C_("column", "Penalties and notes"), TRUE);

  g_signal_connect_object (self->round_dropdown, "notify::selected", G_CALLBACK (round_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->session_dropdown, "notify::selected", G_CALLBACK (session_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->only_mine_button, "toggled", G_CALLBACK (only_mine_toggled_cb), self,
                           G_CONNECT_SWAPPED);
  self->settings = pd_user_prefs_get_settings ();
  if (self->settings != NULL)
    g_signal_connect_object (g_object_ref (self->settings), "changed::my-cars", G_CALLBACK (my_car_changed_cb), self,
                             G_CONNECT_SWAPPED);
}

/**
 * pd_results_view_set_season:
 *
 * Shows the results of @season_id, opening on the last round that has any.
 */
void
pd_results_view_set_season (PdResultsView *self,
                            PdStore       *store,
                            const char    *season_id)
{
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_return_if_fail (PD_IS_RESULTS_VIEW (self));
  g_return_if_fail (PD_IS_STORE (store));

  g_set_object (&self->store, store);
  g_free (self->season_id);
  self->season_id = g_strdup (season_id);
  update_my_car (self);

  g_clear_object (&self->rounds);
  self->rounds = pd_store_list_rounds (store, season_id, &error);
  if (self->rounds == NULL)
    {
      toast_error (self, error);
      self->rounds = G_LIST_MODEL (g_list_store_new (PD_TYPE_ROUND));
    }

  for (guint i = 0; i < g_list_model_get_n_items (self->rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (self->rounds, i);
      g_autoptr(GListModel) sessions = pd_store_list_sessions (store, pd_round_get_id (round), NULL);

      for (guint j = 0; sessions != NULL && j < g_list_model_get_n_items (sessions); j++)
        {
          g_autoptr(PdSession) session = g_list_model_get_item (sessions, j);

          if (session_has_results (self, session))
            selected = i;
        }
    }

  g_signal_handlers_block_by_func (self->round_dropdown, round_selected_cb, self);
  gtk_drop_down_set_model (self->round_dropdown, self->rounds);
  gtk_drop_down_set_selected (self->round_dropdown, selected);
  g_signal_handlers_unblock_by_func (self->round_dropdown, round_selected_cb, self);

  round_selected_cb (self);
}

/**
 * pd_results_view_select_session:
 *
 * Shows the classification of @session_id in @round_id.
 */
void
pd_results_view_select_session (PdResultsView *self,
                                const char    *round_id,
                                const char    *session_id)
{
  g_return_if_fail (PD_IS_RESULTS_VIEW (self));

  for (guint i = 0; self->rounds != NULL && i < g_list_model_get_n_items (self->rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (self->rounds, i);

      if (g_strcmp0 (pd_round_get_id (round), round_id) == 0)
        gtk_drop_down_set_selected (self->round_dropdown, i);
    }

  for (guint i = 0; self->sessions != NULL && i < g_list_model_get_n_items (self->sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (self->sessions, i);

      if (g_strcmp0 (pd_session_get_id (session), session_id) == 0)
        gtk_drop_down_set_selected (self->session_dropdown, i);
    }
}
