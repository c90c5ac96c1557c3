#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-paste.h"
#include "pd-results-editor-view.h"
#include "pd-score-loader.h"
#include "pd-timing.h"
#include "pd-ui-util.h"

/*
 * Entering a session's results, keyboard first: type a car number and
 * Enter, in finishing order; then laps, time (or gap), best lap and
 * status in the table, each applied with Enter or on leaving the cell; a
 * car moved with Alt+Up and Alt+Down or dragged by its number. A
 * value that is not one is marked on its cell with the reason and not
 * saved. Penalties below the table re-classify at once and say how the
 * car moved. Every change is stored at once (pd-results-editor.c keeps
 * each edit for undo, Ctrl+Z, and redo, Ctrl+Shift+Z, across restarts).
 */

enum {
  COL_POSITION,
  COL_CLASS,
  COL_NUMBER,
  COL_DRIVERS,
  COL_LAPS,
  COL_TIME,
  COL_BEST,
  COL_GRID,
  COL_STATUS,
  COL_PENALTIES,
  COL_POINTS,
};

struct _PdResultsEditorView
{
  GtkWidget        parent_instance;

  GtkEntry        *car_entry;
  GtkButton       *undo_button;
  GtkButton       *redo_button;
  GtkSwitch       *final_switch;
  GtkLabel        *message_label;
  GtkColumnView   *column_view;
  GtkDropDown     *penalty_car;
  GtkDropDown     *penalty_kind;
  GtkEntry        *penalty_value;
  GtkEntry        *penalty_reason;
  GtkEntry        *penalty_document;
  GtkListBox      *penalty_list;

  PdStore         *store;
  PdResultsEditor *editor;
  GListStore      *rows;
  GHashTable      *names;       /* id → name, classes and drivers */
  GHashTable      *points;      /* entry id → its points in this session, as shown */
};

G_DEFINE_FINAL_TYPE (PdResultsEditorView, pd_results_editor_view, GTK_TYPE_WIDGET)

enum {
  SHOW_TOAST,
  RESULTS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const PdPenaltyKind penalty_kinds[] = {
  PD_PENALTY_KIND_TIME, PD_PENALTY_KIND_POSITIONS, PD_PENALTY_KIND_GRID, PD_PENALTY_KIND_POINTS,
  PD_PENALTY_KIND_DISQUALIFICATION, PD_PENALTY_KIND_EXCLUSION,
};

static void
say (PdResultsEditorView *self,
     const char          *message,
     gboolean             error)
{
  gtk_label_set_label (self->message_label, message);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "error");
  g_signal_emit (self, signals[SHOW_TOAST], 0, message);
}

static const char *
cached_name (PdResultsEditorView *self,
             GType                type,
             const char          *id)
{
  char *name;

  if (id == NULL)
    return "";
  name = g_hash_table_lookup (self->names, id);
  if (name == NULL)
    {
      g_autoptr(GObject) record = pd_store_get (self->store, type, id, NULL);

      if (record == NULL)
        name = g_strdup (id);
      else if (PD_IS_DRIVER (record))
        name = pd_ui_driver_name (PD_DRIVER (record));
      else
        g_object_get (record, "name", &name, NULL);
      g_hash_table_insert (self->names, g_strdup (id), name);
    }
  return name;
}

static char *
drivers_text (PdResultsEditorView *self,
              PdResult            *result)
{
  const char * const *ids = pd_result_get_driver_ids (result);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_ptr_array_add (names, (gpointer) cached_name (self, PD_TYPE_DRIVER, ids[i]));
  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: the separator between the drivers of a car */
  return g_strjoinv (_(" / "), (char **) names->pdata);
}

static char *
penalties_text (PdResultsEditorView *self,
                PdResult            *result)
{
  g_autoptr(GPtrArray) penalties = pd_results_editor_get_penalties (self->editor, pd_result_get_id (result));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < penalties->len; i++)
    {
      PdPenalty *penalty = penalties->pdata[i];

      if (i > 0)
        g_string_append (text, "; ");
      if (pd_penalty_get_time_ms (penalty) > 0)
        {
          g_autofree char *time = pd_timing_format_time (pd_penalty_get_time_ms (penalty));
          g_string_append_printf (text, "+%s", time);
        }
      else
        g_string_append (text, pd_penalty_kind_to_label (pd_penalty_get_kind (penalty)));
    }
  return g_string_free (text, FALSE);
}

static char *
cell_text (PdResultsEditorView *self,
           PdResult            *result,
           int                  column)
{
  PdEntry *entry = pd_results_editor_get_entry (self->editor, pd_result_get_entry_id (result));

  switch (column)
    {
    case COL_POSITION:
      return pd_result_get_position (result) > 0 ? g_strdup_printf ("%d", pd_result_get_position (result))
                                                 : g_strdup ("—");
    case COL_CLASS:
      if (entry == NULL || pd_entry_get_class_id (entry) == NULL)
        return g_strdup ("");
      if (pd_result_get_class_position (result) > 0)
        /* TRANSLATORS: a class position, then the class: "2 Silver" */
        return g_strdup_printf (_("%d %s"), pd_result_get_class_position (result),
                                cached_name (self, PD_TYPE_CLASS, pd_entry_get_class_id (entry)));
      return g_strdup (cached_name (self, PD_TYPE_CLASS, pd_entry_get_class_id (entry)));
    case COL_NUMBER:
      return g_strdup (pd_result_get_car_number (result) != NULL ? pd_result_get_car_number (result) : "");
    case COL_DRIVERS:
      return drivers_text (self, result);
    case COL_LAPS:
      return pd_result_get_laps (result) > 0 ? g_strdup_printf ("%d", pd_result_get_laps (result)) : g_strdup ("");
    case COL_TIME:
      return pd_result_get_total_time_ms (result) > 0 ? pd_timing_format_time (pd_result_get_total_time_ms (result))
                                                      : g_strdup ("");
    case COL_BEST:
      return pd_result_get_best_lap_ms (result) > 0 ? pd_timing_format_time (pd_result_get_best_lap_ms (result))
                                                    : g_strdup ("");
    case COL_GRID:
      return pd_result_get_grid (result) > 0 ? g_strdup_printf ("%d", pd_result_get_grid (result)) : g_strdup ("");
    case COL_STATUS:
      return g_strdup (pd_result_status_to_label (pd_result_get_status (result)));
    case COL_PENALTIES:
      return penalties_text (self, result);
    case COL_POINTS:
      return g_strdup (g_hash_table_lookup (self->points, pd_result_get_entry_id (result)) ?: "");
    default:
      return g_strdup ("");
    }
}

static PdResultsField
column_field (int column)
{
  switch (column)
    {
    case COL_LAPS: return PD_RESULTS_FIELD_LAPS;
    case COL_TIME: return PD_RESULTS_FIELD_TIME;
    case COL_BEST: return PD_RESULTS_FIELD_BEST_LAP;
    case COL_GRID: return PD_RESULTS_FIELD_GRID;
    default: return PD_RESULTS_FIELD_STATUS;
    }
}

static gboolean
is_editable (int column)
{
  return column == COL_LAPS || column == COL_TIME || column == COL_BEST || column == COL_GRID ||
         column == COL_STATUS;
}

/* Stores what was typed in a cell; a value that is not one stays, marked. */
static void
apply_cell (PdResultsEditorView *self,
            GtkEntry            *cell)
{
  const char *result_id = g_object_get_data (G_OBJECT (cell), "pd-result-id");
  const char *bound = g_object_get_data (G_OBJECT (cell), "pd-bound-text");
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "pd-column"));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (cell));
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (self->editor == NULL || result_id == NULL || g_strcmp0 (bound, text) == 0)
    return;

  id = g_strdup (result_id);
  if (!pd_results_editor_set_field (self->editor, id, column_field (column), text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (cell), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (cell), error->message);
      say (self, error->message, TRUE);
    }
}

static void
cell_activate_cb (GtkEntry            *cell,
                  PdResultsEditorView *self)
{
  apply_cell (self, cell);
}

static void
cell_leave_cb (GtkEventControllerFocus *controller,
               PdResultsEditorView     *self)
{
  apply_cell (self, GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

/* The index of a result in the session's order, or -1. */
static int
result_index (PdResultsEditorView *self,
              const char          *result_id)
{
  g_autoptr(GPtrArray) results = pd_results_editor_get_results (self->editor);

  for (guint i = 0; i < results->len; i++)
    if (g_strcmp0 (pd_result_get_id (results->pdata[i]), result_id) == 0)
      return i;
  return -1;
}

/* Moves a car to another place in the order (before penalties). */
static gboolean
move_result (PdResultsEditorView *self,
             const char          *result_id,
             int                  to_index)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup (result_id);

  if (self->editor == NULL || id == NULL || to_index < 0 || result_index (self, id) == to_index)
    return FALSE;
  if (!pd_results_editor_move (self->editor, id, to_index, &error))
    {
      say (self, error->message, TRUE);
      return FALSE;
    }
  return TRUE;
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 gpointer       user_data)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  const char *result_id = g_object_get_data (G_OBJECT (widget), "pd-result-id");

  return result_id != NULL ? gdk_content_provider_new_typed (G_TYPE_STRING, result_id) : NULL;
}

static gboolean
drop_cb (GtkDropTarget       *target,
         const GValue        *value,
         double               x,
         double               y,
         PdResultsEditorView *self)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  const char *onto = g_object_get_data (G_OBJECT (widget), "pd-result-id");

  if (self->editor == NULL || onto == NULL)
    return FALSE;
  return move_result (self, g_value_get_string (value), result_index (self, onto));
}

/* The cell of a result and column, when it is on screen. */
static GtkWidget *
find_cell (GtkWidget  *widget,
           const char *result_id,
           int         column)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "pd-result-id"), result_id) == 0 &&
          GPOINTER_TO_INT (g_object_get_data (G_OBJECT (child), "pd-column")) == column &&
          gtk_widget_get_focusable (child))
        return child;
      if ((found = find_cell (child, result_id, column)) != NULL)
        return found;
    }
  return NULL;
}

/* Alt+Up and Alt+Down: the car of the focused cell one place up or down;
 * the focus stays on its cell. */
static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PdResultsEditorView *self = PD_RESULTS_EDITOR_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autofree char *result_id = NULL;
  int column = 0;
  int index;

  for (; focus != NULL && focus != widget; focus = gtk_widget_get_parent (focus))
    if (g_object_get_data (G_OBJECT (focus), "pd-result-id") != NULL)
      break;
  if (focus == NULL || focus == widget || self->editor == NULL)
    return;

  result_id = g_strdup (g_object_get_data (G_OBJECT (focus), "pd-result-id"));
  column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (focus), "pd-column"));
  index = result_index (self, result_id) + (g_str_equal (action_name, "editor.move-up") ? -1 : 1);
  if (index < 0 || index >= (int) g_list_model_get_n_items (G_LIST_MODEL (self->rows)))
    return;
  if (move_result (self, result_id, index))
    {
      GtkWidget *cell = find_cell (GTK_WIDGET (self->column_view), result_id, column);

      if (cell != NULL)
        gtk_widget_grab_focus (cell);
    }
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "pd-column"));
  PdResultsEditorView *self = user_data;
  GtkWidget *widget;

  if (is_editable (column))
    {
      GtkEventController *focus = gtk_event_controller_focus_new ();

      widget = gtk_entry_new ();
      gtk_entry_set_has_frame (GTK_ENTRY (widget), FALSE);
      gtk_editable_set_width_chars (GTK_EDITABLE (widget), column == COL_LAPS || column == COL_GRID ? 4 : 10);
      g_object_set_data (G_OBJECT (widget), "pd-column", GINT_TO_POINTER (column));
      g_signal_connect (widget, "activate", G_CALLBACK (cell_activate_cb), self);
      g_signal_connect (focus, "leave", G_CALLBACK (cell_leave_cb), self);
      gtk_widget_add_controller (widget, focus);
    }
  else
    {
      widget = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (widget), column == COL_DRIVERS || column == COL_PENALTIES ? 0 : 1);
      if (column == COL_POSITION || column == COL_NUMBER || column == COL_POINTS)
        gtk_widget_add_css_class (widget, "numeric");
      if (column == COL_NUMBER)
        {
          /* A car is dragged by its number to another row. */
          GtkDragSource *source = gtk_drag_source_new ();

          gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
          g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), NULL);
          gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (source));
          gtk_widget_set_cursor_from_name (widget, "grab");
        }
    }
  {
    GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

    g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
    gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (target));
  }
  gtk_list_item_set_child (item, widget);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "pd-column"));
  const char *title = g_object_get_data (G_OBJECT (factory), "pd-title");
  PdResultsEditorView *self = user_data;
  PdResult *result = gtk_list_item_get_item (item);
  GtkWidget *widget = gtk_list_item_get_child (item);
  g_autofree char *text = cell_text (self, result, column);

  g_object_set_data_full (G_OBJECT (widget), "pd-result-id", g_strdup (pd_result_get_id (result)), g_free);
  if (is_editable (column))
    {
      g_autofree char *number = cell_text (self, result, COL_NUMBER);
      g_autofree char *label = g_strdup_printf ("%s, %s", title, number);

      g_object_set_data_full (G_OBJECT (widget), "pd-bound-text", g_strdup (text), g_free);
      gtk_editable_set_text (GTK_EDITABLE (widget), text);
      gtk_widget_remove_css_class (widget, "error");
      gtk_widget_set_tooltip_text (widget, NULL);
      /* For screen readers: the column and the car. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  else
    gtk_label_set_label (GTK_LABEL (widget), text);
}

static void
add_column (PdResultsEditorView *self,
            int                  column,
            const char          *title,
            gboolean             expand)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_object_set_data (G_OBJECT (factory), "pd-column", GINT_TO_POINTER (column));
  g_object_set_data_full (G_OBJECT (factory), "pd-title", g_strdup (title), g_free);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), self);
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
remove_penalty_cb (GtkButton           *button,
                   PdResultsEditorView *self)
{
  g_autofree char *id = g_strdup (g_object_get_data (G_OBJECT (button), "pd-penalty-id"));
  g_autoptr(GError) error = NULL;

  if (!pd_results_editor_remove_penalty (self->editor, id, &error))
    say (self, error->message, TRUE);
}

/* Each car's points from this session, by the season's rules: the whole
 * season is scored, as the standings are, so that shared points, bonuses
 * and class tables come out as they will count. */
static void
update_points (PdResultsEditorView *self)
{
  const char *session_id = pd_results_editor_get_session_id (self->editor);
  g_autoptr(PdSession) session = NULL;
  g_autoptr(PdRound) round = NULL;
  g_autoptr(PdScoreSeason) season = NULL;
  g_autoptr(PdRules) rules = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_hash_table_remove_all (self->points);
  session = (PdSession *) pd_store_get (self->store, PD_TYPE_SESSION, session_id, NULL);
  if (session != NULL)
    round = (PdRound *) pd_store_get (self->store, PD_TYPE_ROUND, pd_session_get_round_id (session), NULL);
  if (round == NULL)
    return;
  season = pd_score_season_load (self->store, pd_round_get_season_id (round), NULL);
  rules = pd_rules_for_season (self->store, pd_round_get_season_id (round), NULL);
  if (season == NULL || rules == NULL)
    return;

  rows = pd_standings_compute (rules, season, PD_STANDINGS_ENTRIES, NULL, 0);
  for (guint i = 0; i < rows->len; i++)
    {
      PdStandingsRow *row = rows->pdata[i];

      for (guint s = 0; s < row->scores->len; s++)
        {
          PdStandingsScore *score = &g_array_index (row->scores, PdStandingsScore, s);

          if (g_strcmp0 (score->session_id, session_id) == 0 && score->points.num != 0)
            g_hash_table_insert (self->points, g_strdup (row->id), pd_points_format (score->points));
        }
    }
}

/* Shows the editor's state: the table, the penalties, undo and redo. */
static void
refresh (PdResultsEditorView *self)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GPtrArray) penalties = NULL;
  g_autoptr(GtkStringList) cars = gtk_string_list_new (NULL);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->penalty_list))) != NULL)
    gtk_list_box_remove (self->penalty_list, child);

  if (self->editor == NULL)
    {
      g_list_store_remove_all (self->rows);
      return;
    }

  update_points (self);
  results = pd_results_editor_get_results (self->editor);
  g_list_store_splice (self->rows, 0, g_list_model_get_n_items (G_LIST_MODEL (self->rows)),
                       results->pdata, results->len);
  for (guint i = 0; i < results->len; i++)
    {
      g_autofree char *number = cell_text (self, results->pdata[i], COL_NUMBER);
      gtk_string_list_append (cars, number);
    }
  {
    /* The same car stays chosen when the order changes. */
    GtkStringObject *chosen = gtk_drop_down_get_selected_item (self->penalty_car);
    g_autofree char *number = chosen != NULL ? g_strdup (gtk_string_object_get_string (chosen)) : NULL;

    gtk_drop_down_set_model (self->penalty_car, G_LIST_MODEL (cars));
    for (guint i = 0; number != NULL && i < results->len; i++)
      if (g_strcmp0 (gtk_string_list_get_string (cars, i), number) == 0)
        gtk_drop_down_set_selected (self->penalty_car, i);
  }

  penalties = pd_results_editor_get_penalties (self->editor, NULL);
  for (guint i = 0; i < penalties->len; i++)
    {
      PdPenalty *penalty = penalties->pdata[i];
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
      g_autofree char *title = NULL;
      g_autofree char *what = NULL;
      const char *number = "";

      for (guint r = 0; r < results->len; r++)
        if (g_str_equal (pd_result_get_id (results->pdata[r]), pd_penalty_get_result_id (penalty)))
          number = pd_result_get_car_number (results->pdata[r]);
      if (pd_penalty_get_time_ms (penalty) > 0)
        {
          g_autofree char *time = pd_timing_format_time (pd_penalty_get_time_ms (penalty));
          what = g_strdup_printf ("%s +%s", pd_penalty_kind_to_label (pd_penalty_get_kind (penalty)), time);
        }
      else if (pd_penalty_get_positions (penalty) > 0)
        what = g_strdup_printf ("%s %d", pd_penalty_kind_to_label (pd_penalty_get_kind (penalty)),
                                pd_penalty_get_positions (penalty));
      else
        what = g_strdup (pd_penalty_kind_to_label (pd_penalty_get_kind (penalty)));
      /* TRANSLATORS: a penalty in the list: the car number, then the penalty */
      title = g_strdup_printf (_("#%s: %s"), number != NULL ? number : "", what);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (pd_penalty_get_reason (penalty) != NULL || pd_penalty_get_document (penalty) != NULL)
        {
          g_autofree char *subtitle = g_strdup_printf ("%s%s%s",
                                                       pd_penalty_get_reason (penalty) ? pd_penalty_get_reason (penalty) : "",
                                                       pd_penalty_get_reason (penalty) && pd_penalty_get_document (penalty) ? " — " : "",
                                                       pd_penalty_get_document (penalty) ? pd_penalty_get_document (penalty) : "");
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_tooltip_text (remove, _("Remove Penalty"));
      g_object_set_data_full (G_OBJECT (remove), "pd-penalty-id", g_strdup (pd_penalty_get_id (penalty)), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_penalty_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
      gtk_list_box_append (self->penalty_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->penalty_list), penalties->len > 0);

  gtk_widget_set_sensitive (GTK_WIDGET (self->undo_button), pd_results_editor_can_undo (self->editor));
  gtk_widget_set_sensitive (GTK_WIDGET (self->redo_button), pd_results_editor_can_redo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", pd_results_editor_can_undo (self->editor));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", pd_results_editor_can_redo (self->editor));
  g_signal_handlers_block_matched (self->final_switch, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
  gtk_switch_set_active (self->final_switch, pd_results_editor_get_final (self->editor));
  g_signal_handlers_unblock_matched (self->final_switch, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
}

static void
editor_changed_cb (PdResultsEditorView *self)
{
  refresh (self);
  g_signal_emit (self, signals[RESULTS_CHANGED], 0, pd_results_editor_get_session_id (self->editor));
}

static void
car_activate_cb (PdResultsEditorView *self)
{
  g_autofree char *number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->car_entry)));
  g_autoptr(GError) error = NULL;

  if (self->editor == NULL)
    return;
  if (pd_results_editor_add_car (self->editor, number, &error))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->car_entry), "");
      gtk_widget_remove_css_class (GTK_WIDGET (self->car_entry), "error");
      gtk_label_set_label (self->message_label, "");
      return;
    }

  gtk_widget_add_css_class (GTK_WIDGET (self->car_entry), "error");
  if (g_error_matches (error, PD_RESULTS_EDITOR_ERROR, PD_RESULTS_EDITOR_ERROR_NO_CAR))
    {
      /* A car not in the entry list: offered to be added. */
      g_autofree char *message = g_strdup_printf (_("Car %s is not in the entry list. Press Enter again to add it."),
                                                  number);
      if (g_strcmp0 (g_object_get_data (G_OBJECT (self->car_entry), "pd-offered"), number) == 0)
        {
          g_clear_error (&error);
          if (pd_results_editor_add_new_car (self->editor, number, &error))
            {
              g_object_set_data (G_OBJECT (self->car_entry), "pd-offered", NULL);
              gtk_editable_set_text (GTK_EDITABLE (self->car_entry), "");
              gtk_widget_remove_css_class (GTK_WIDGET (self->car_entry), "error");
              gtk_label_set_label (self->message_label, "");
              return;
            }
          say (self, error->message, TRUE);
          return;
        }
      g_object_set_data_full (G_OBJECT (self->car_entry), "pd-offered", g_strdup (number), g_free);
      say (self, message, TRUE);
      return;
    }
  say (self, error->message, TRUE);
}

static char *
place_text (int place)
{
  return place > 0 ? g_strdup_printf ("%d", place) : g_strdup ("—");
}

static void
add_penalty_cb (PdResultsEditorView *self)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *result_id = NULL;
  guint car = gtk_drop_down_get_selected (self->penalty_car);
  guint kind = gtk_drop_down_get_selected (self->penalty_kind);
  int position = 0, class_position = 0;

  if (self->editor == NULL)
    return;
  results = pd_results_editor_get_results (self->editor);
  if (car >= results->len || kind >= G_N_ELEMENTS (penalty_kinds))
    return;
  result_id = g_strdup (pd_result_get_id (results->pdata[car]));
  position = pd_result_get_position (results->pdata[car]);
  class_position = pd_result_get_class_position (results->pdata[car]);
  g_clear_pointer (&results, g_ptr_array_unref);

  if (!pd_results_editor_add_penalty (self->editor, result_id, penalty_kinds[kind],
                                      gtk_editable_get_text (GTK_EDITABLE (self->penalty_value)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->penalty_reason)),
                                      gtk_editable_get_text (GTK_EDITABLE (self->penalty_document)), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->penalty_value), "error");
      say (self, error->message, TRUE);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->penalty_value), "error");
  gtk_editable_set_text (GTK_EDITABLE (self->penalty_value), "");
  gtk_editable_set_text (GTK_EDITABLE (self->penalty_reason), "");
  gtk_editable_set_text (GTK_EDITABLE (self->penalty_document), "");

  /* Before and after: how the car moved. */
  results = pd_results_editor_get_results (self->editor);
  for (guint i = 0; i < results->len; i++)
    if (g_str_equal (pd_result_get_id (results->pdata[i]), result_id))
      {
        PdResult *result = results->pdata[i];
        g_autofree char *from = place_text (position);
        g_autofree char *to = place_text (pd_result_get_position (result));
        g_autofree char *class_from = place_text (class_position);
        g_autofree char *class_to = place_text (pd_result_get_class_position (result));
        g_autofree char *message = NULL;

        /* TRANSLATORS: after a penalty: the car, its overall position
         * before and after, its class position before and after */
        message = g_strdup_printf (_("Car %s: %s → %s overall, %s → %s in class"),
                                   pd_result_get_car_number (result), from, to, class_from, class_to);
        say (self, message, FALSE);
      }
}

/* The preview of what is pasted: rows, new cars, or the problems. */
static void
paste_changed_cb (GtkTextBuffer *buffer,
                  AdwMessageDialog *dialog)
{
  PdResultsEditorView *self = g_object_get_data (G_OBJECT (dialog), "pd-view");
  GtkLabel *preview = g_object_get_data (G_OBJECT (dialog), "pd-preview");
  g_autofree char *text = NULL;
  g_autoptr(PdPaste) paste = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GtkTextIter start, end;
  guint new_cars = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  paste = pd_paste_parse (text);

  if (paste->problems->len > 0)
    {
      for (guint i = 0; i < paste->problems->len && i < 5; i++)
        g_string_append_printf (out, "%s%s", i > 0 ? "\n" : "",
                                ((PdPasteProblem *) paste->problems->pdata[i])->message);
      gtk_widget_add_css_class (GTK_WIDGET (preview), "error");
    }
  else
    {
      g_autoptr(GPtrArray) numbers = g_ptr_array_new ();

      for (guint i = 0; i < paste->rows->len; i++)
        {
          PdPasteRow *row = paste->rows->pdata[i];
          g_ptr_array_add (numbers, row->number);
          if (!pd_results_editor_has_car_number (self->editor, row->number))
            new_cars++;
        }
      g_ptr_array_add (numbers, NULL);
      if (paste->rows->len > 0)
        {
          g_autofree char *list = g_strjoinv (", ", (char **) numbers->pdata);
          g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE, "%u row: %s", "%u rows: %s", paste->rows->len),
                                  paste->rows->len, list);
          if (new_cars > 0)
            {
              g_string_append_c (out, '\n');
              g_string_append_printf (out, g_dngettext (GETTEXT_PACKAGE,
                                                        "%u car is not in the entry list and will be added to it",
                                                        "%u cars are not in the entry list and will be added to it",
                                                        new_cars), new_cars);
            }
        }
      gtk_widget_remove_css_class (GTK_WIDGET (preview), "error");
    }

  gtk_label_set_label (preview, out->str);
  adw_message_dialog_set_response_enabled (dialog, "paste", paste->rows->len > 0 && paste->problems->len == 0);
}

static void
paste_response_cb (AdwMessageDialog    *dialog,
                   const char          *response,
                   PdResultsEditorView *self)
{
  GtkTextBuffer *buffer = g_object_get_data (G_OBJECT (dialog), "pd-buffer");
  g_autofree char *text = NULL;
  g_autoptr(PdPaste) paste = NULL;
  g_autoptr(GError) error = NULL;
  GtkTextIter start, end;

  if (!g_str_equal (response, "paste") || self->editor == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  paste = pd_paste_parse (text);
  if (!pd_results_editor_apply_paste (self->editor, paste, TRUE, &error))
    say (self, error->message, TRUE);
}

static void
paste_cb (PdResultsEditorView *self)
{
  GtkWidget *dialog;
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *text_view = gtk_text_view_new ();
  GtkWidget *preview = gtk_label_new (NULL);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->editor == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, _("Paste Rows"),
                                   _("Paste rows copied from a spreadsheet. A first row may name the columns "
                                     "(Pos., No., Laps, Time, Gap, Best lap, Status); without one they are the "
                                     "car number, laps, time, best lap and status. Nothing is stored before you "
                                     "add the rows."));
  gtk_text_view_set_monospace (GTK_TEXT_VIEW (text_view), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text_view), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Pasted rows"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), text_view);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scrolled), 320);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_label_set_xalign (GTK_LABEL (preview), 0);
  gtk_label_set_wrap (GTK_LABEL (preview), TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_box_append (GTK_BOX (box), preview);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "paste", _("_Add Rows"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "paste", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "paste", FALSE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  g_object_set_data (G_OBJECT (dialog), "pd-view", self);
  g_object_set_data (G_OBJECT (dialog), "pd-preview", preview);
  g_object_set_data (G_OBJECT (dialog), "pd-buffer", gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)));
  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), "changed",
                    G_CALLBACK (paste_changed_cb), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (paste_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
final_cb (PdResultsEditorView *self)
{
  g_autoptr(GError) error = NULL;

  if (self->editor != NULL &&
      !pd_results_editor_set_final (self->editor, gtk_switch_get_active (self->final_switch), &error))
    say (self, error->message, TRUE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  PdResultsEditorView *self = PD_RESULTS_EDITOR_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (self->editor == NULL)
    return;
  if (g_str_equal (action_name, "editor.undo"))
    ok = pd_results_editor_undo (self->editor, &error);
  else
    ok = pd_results_editor_redo (self->editor, &error);
  if (!ok)
    say (self, error->message, TRUE);
}

/**
 * pd_results_editor_view_import_file:
 *
 * Imports an Al Kamel classification file into the session edited, as
 * one edit, and says how it went.
 */
void
pd_results_editor_view_import_file (PdResultsEditorView *self,
                                    GFile               *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *message = NULL;
  gsize length;
  guint cars = 0;

  g_return_if_fail (PD_IS_RESULTS_EDITOR_VIEW (self));

  if (self->editor == NULL)
    return;
  if (!g_file_load_contents (file, NULL, &contents, &length, NULL, &error) ||
      !pd_results_editor_import_alkamel (self->editor, name, contents, length, &cars, &error))
    {
      say (self, error->message, TRUE);
      return;
    }
  /* TRANSLATORS: after an import: the number of cars, the file's name */
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u car imported from %s. Ctrl+Z undoes it.",
                                          "%u cars imported from %s. Ctrl+Z undoes it.", cars),
                             cars, name);
  say (self, message, FALSE);
}

static void
import_response_cb (GtkNativeDialog     *chooser,
                    int                  response,
                    PdResultsEditorView *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        pd_results_editor_view_import_file (self, file);
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
import_cb (PdResultsEditorView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_("Import a Classification"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Timing sheets (CSV)"));
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_filter_add_pattern (filter, "*.CSV");
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (import_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static GtkWidget *
labelled_entry (GtkEntry  **entry,
                const char *placeholder,
                int         width)
{
  *entry = GTK_ENTRY (gtk_entry_new ());
  gtk_entry_set_placeholder_text (*entry, placeholder);
  gtk_editable_set_width_chars (GTK_EDITABLE (*entry), width);
  gtk_accessible_update_property (GTK_ACCESSIBLE (*entry), GTK_ACCESSIBLE_PROPERTY_LABEL, placeholder, -1);
  return GTK_WIDGET (*entry);
}

static void
pd_results_editor_view_dispose (GObject *object)
{
  PdResultsEditorView *self = (PdResultsEditorView *) object;

  pd_ui_unparent_children (GTK_WIDGET (self));
  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  g_clear_object (&self->store);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->points, g_hash_table_unref);

  G_OBJECT_CLASS (pd_results_editor_view_parent_class)->dispose (object);
}

static void
pd_results_editor_view_class_init (PdResultsEditorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_results_editor_view_dispose;

  signals[SHOW_TOAST] = g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * PdResultsEditorView::results-changed:
   * @session_id: the session
   *
   * The session's stored results changed: the standings follow.
   */
  signals[RESULTS_CHANGED] = g_signal_new ("results-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.move-up", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "editor.move-down", NULL, move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, GDK_ALT_MASK, "editor.move-up", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, GDK_ALT_MASK, "editor.move-down", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "editor.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "editor.redo", NULL);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pd_results_editor_view_init (PdResultsEditorView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *penalty_bar = gtk_flow_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *final_label = gtk_label_new_with_mnemonic (_("_Final"));
  GtkWidget *add = gtk_button_new_with_mnemonic (_("_Add Penalty"));
  GtkWidget *heading = gtk_label_new (_("Penalties"));
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  GtkNoSelection *selection;

  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->rows = g_list_store_new (PD_TYPE_RESULT);
  self->points = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  /* Cars in finishing order, undo and redo, provisional or final. */
  gtk_box_append (GTK_BOX (bar), labelled_entry (&self->car_entry, _("Car number, then Enter"), 14));
  g_signal_connect_swapped (self->car_entry, "activate", G_CALLBACK (car_activate_cb), self);
  self->undo_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-undo-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), _("Undo (Ctrl+Z)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->undo_button), "editor.undo");
  self->redo_button = GTK_BUTTON (gtk_button_new_from_icon_name ("edit-redo-symbolic"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->redo_button), _("Redo (Ctrl+Shift+Z)"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->redo_button), "editor.redo");
  {
    GtkWidget *paste = gtk_button_new_with_mnemonic (_("_Paste Rows…"));

    gtk_widget_set_tooltip_text (paste, _("Rows copied from a spreadsheet, with a preview"));
    g_signal_connect_swapped (paste, "clicked", G_CALLBACK (paste_cb), self);
    gtk_box_append (GTK_BOX (bar), paste);
  }
  {
    GtkWidget *import = gtk_button_new_from_icon_name ("document-open-symbolic");

    /* TRANSLATORS: tooltip of a button */
    gtk_widget_set_tooltip_text (import, _("Import a Classification (Al Kamel CSV)…"));
    gtk_accessible_update_property (GTK_ACCESSIBLE (import), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Import a Classification"), -1);
    g_signal_connect_swapped (import, "clicked", G_CALLBACK (import_cb), self);
    gtk_box_append (GTK_BOX (bar), import);
  }
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->undo_button));
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->redo_button));
  self->final_switch = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->final_switch), GTK_ALIGN_CENTER);
  gtk_widget_set_halign (final_label, GTK_ALIGN_END);
  gtk_widget_set_hexpand (final_label, TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (final_label), GTK_WIDGET (self->final_switch));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->final_switch), _("Off while the classification is provisional"));
  g_signal_connect_swapped (self->final_switch, "notify::active", G_CALLBACK (final_cb), self);
  gtk_box_append (GTK_BOX (bar), final_label);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->final_switch));
  gtk_box_append (GTK_BOX (box), bar);

  self->message_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->message_label, 0);
  gtk_label_set_wrap (self->message_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->message_label));

  /* The classification, edited in place. */
  self->column_view = GTK_COLUMN_VIEW (gtk_column_view_new (NULL));
  gtk_column_view_set_show_row_separators (self->column_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->column_view), "data-table");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->column_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Results being entered"), -1);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  add_column (self, COL_POSITION, C_("column", "Pos."), FALSE);
  add_column (self, COL_CLASS, C_("column", "Class"), FALSE);
  add_column (self, COL_NUMBER, C_("column", "No."), FALSE);
  add_column (self, COL_DRIVERS, C_("column", "Drivers"), TRUE);
  add_column (self, COL_LAPS, C_("column", "Laps"), FALSE);
  add_column (self, COL_TIME, C_("column", "Time or Gap"), FALSE);
  add_column (self, COL_BEST, C_("column", "Best Lap"), FALSE);
  add_column (self, COL_GRID, C_("column", "Grid"), FALSE);
  add_column (self, COL_STATUS, C_("column", "Status"), FALSE);
  add_column (self, COL_PENALTIES, C_("column", "Penalties"), FALSE);
  add_column (self, COL_POINTS, C_("column", "Points"), FALSE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->column_view));
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);

  /* Penalties: the ledger and a form to add one. */
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);
  self->penalty_list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->penalty_list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->penalty_list), "boxed-list");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->penalty_list));

  self->penalty_car = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->penalty_car), _("Car"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->penalty_car), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Car"), -1);
  for (guint i = 0; i < G_N_ELEMENTS (penalty_kinds); i++)
    gtk_string_list_append (kinds, pd_penalty_kind_to_label (penalty_kinds[i]));
  self->penalty_kind = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (kinds)), NULL));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->penalty_kind), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Kind of penalty"), -1);
  /* A flow box, so that the form wraps in a narrow window. */
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (penalty_bar), GTK_SELECTION_NONE);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (penalty_bar), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (penalty_bar), 6);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (penalty_bar), 6);
  gtk_flow_box_append (GTK_FLOW_BOX (penalty_bar), GTK_WIDGET (self->penalty_car));
  gtk_flow_box_append (GTK_FLOW_BOX (penalty_bar), GTK_WIDGET (self->penalty_kind));
  gtk_flow_box_append (GTK_FLOW_BOX (penalty_bar), labelled_entry (&self->penalty_value, _("Seconds or places"), 10));
  gtk_flow_box_append (GTK_FLOW_BOX (penalty_bar), labelled_entry (&self->penalty_reason, _("Reason"), 14));
  gtk_flow_box_append (GTK_FLOW_BOX (penalty_bar), labelled_entry (&self->penalty_document, _("Document"), 8));
  g_signal_connect_swapped (add, "clicked", G_CALLBACK (add_penalty_cb), self);
  g_signal_connect_swapped (self->penalty_value, "activate", G_CALLBACK (add_penalty_cb), self);
  gtk_flow_box_append (GTK_FLOW_BOX (penalty_bar), add);
  gtk_box_append (GTK_BOX (box), penalty_bar);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.undo", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.redo", FALSE);
}

GtkWidget *
pd_results_editor_view_new (void)
{
  return g_object_new (PD_TYPE_RESULTS_EDITOR_VIEW, NULL);
}

/**
 * pd_results_editor_view_set_session:
 * @session_id: (nullable): the session to edit, or %NULL for none
 */
void
pd_results_editor_view_set_session (PdResultsEditorView *self,
                                    PdStore             *store,
                                    const char          *session_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PD_IS_RESULTS_EDITOR_VIEW (self));

  if (self->editor != NULL)
    g_signal_handlers_disconnect_by_data (self->editor, self);
  g_clear_object (&self->editor);
  g_set_object (&self->store, store);
  g_hash_table_remove_all (self->names);
  gtk_label_set_label (self->message_label, "");

  if (store != NULL && session_id != NULL)
    {
      self->editor = pd_results_editor_new (store, session_id, &error);
      if (self->editor == NULL)
        say (self, error->message, TRUE);
      else
        g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (editor_changed_cb), self);
    }
  refresh (self);
}

/**
 * pd_results_editor_view_get_editor:
 *
 * Returns: (transfer none) (nullable): the editor of the session shown
 */
PdResultsEditor *
pd_results_editor_view_get_editor (PdResultsEditorView *self)
{
  g_return_val_if_fail (PD_IS_RESULTS_EDITOR_VIEW (self), NULL);

  return self->editor;
}
