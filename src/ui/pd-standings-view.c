#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-chart-panel.h"
#include "pd-fit-scroller.h"
#include "pd-provisional.h"
#include "pd-rules-editor.h"
#include "pd-score-loader.h"
#include "pd-standings-sheet.h"
#include "pd-standings-table.h"
#include "pd-standings-view.h"
#include "pd-ui-export.h"
#include "pd-title.h"
#include "pd-ui-util.h"

/*
 * The championship standings, computed from the season's results and its
 * points rules each time a choice changes (the engine takes milliseconds
 * even for a long season). One column per session that scores; dropped
 * results in brackets; how a tie was decided in the last column.
 */

/* One row of the table. */
#define PD_TYPE_STANDINGS_ITEM (pd_standings_item_get_type ())
G_DECLARE_FINAL_TYPE (PdStandingsItem, pd_standings_item, PD, STANDINGS_ITEM, GObject)

struct _PdStandingsItem
{
  GObject    parent_instance;
  int        position;      /* for sorting; excluded rows last */
  char      *position_text;
  char      *name;
  PdPoints   points;
  char      *points_text;
  int        wins;
  char      *notes;
  GPtrArray *cells;         /* one text per session column */
};

G_DEFINE_FINAL_TYPE (PdStandingsItem, pd_standings_item, G_TYPE_OBJECT)

static void
pd_standings_item_finalize (GObject *object)
{
  PdStandingsItem *self = (PdStandingsItem *) object;

  g_free (self->position_text);
  g_free (self->name);
  g_free (self->points_text);
  g_free (self->notes);
  g_ptr_array_unref (self->cells);

  G_OBJECT_CLASS (pd_standings_item_parent_class)->finalize (object);
}

static void
pd_standings_item_class_init (PdStandingsItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_standings_item_finalize;
}

static void
pd_standings_item_init (PdStandingsItem *self)
{
  self->cells = g_ptr_array_new_with_free_func (g_free);
}

enum {
  COLUMN_POSITION = -1,
  COLUMN_NAME = -2,
  COLUMN_POINTS = -3,
  COLUMN_WINS = -4,
  COLUMN_NOTES = -5,
};

struct _PdStandingsView
{
  GtkWidget       parent_instance;

  GtkDropDown    *kind_dropdown;
  GtkDropDown    *class_dropdown;
  GtkDropDown    *round_dropdown;
  GtkMenuButton  *rules_button;
  GtkLabel       *rules_label;
  GtkDropDown    *preset_dropdown;
  GtkButton      *preset_button;
  GtkButton      *edit_button;
  GtkLabel       *summary_label;
  GtkWidget      *provisional_box;
  GtkLabel       *provisional_label;
  GtkWidget      *title_scroller;
  GtkWidget      *title_box;
  GtkStack       *stack;
  AdwStatusPage  *empty_page;
  GtkColumnView  *column_view;
  GtkToggleButton *chart_button;
  PdChartPanel   *chart_panel;

  PdStore        *store;
  char           *season_id;
  PdRules        *rules;
  PdScoreSeason  *season;
  GPtrArray      *class_ids;     /* NULL first: all classes */
  GArray         *round_numbers; /* 0 first: all rounds */
  GHashTable     *session_names; /* session id → name */
  GListStore     *items;
};

G_DEFINE_FINAL_TYPE (PdStandingsView, pd_standings_view, GTK_TYPE_WIDGET)

enum {
  SHOW_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The sessions that scored, in order: (round, session) pairs. */
typedef struct {
  int         round;
  const char *session_id;
} SessionColumn;

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const SessionColumn *ca = a;
  const SessionColumn *cb = b;

  if (ca->round != cb->round)
    return ca->round - cb->round;
  return g_strcmp0 (ca->session_id, cb->session_id);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  int column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COLUMN_NAME || column == COLUMN_NOTES ? 0 : 1);
  if (column != COLUMN_NAME && column != COLUMN_NOTES)
    gtk_widget_add_css_class (label, "numeric");
  if (column == COLUMN_POINTS)
    gtk_widget_add_css_class (label, "heading");
  if (column == COLUMN_NOTES)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_list_item_set_child (item, label);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  PdStandingsItem *row = gtk_list_item_get_item (item);
  int column = GPOINTER_TO_INT (user_data);
  const char *text;

  switch (column)
    {
    case COLUMN_POSITION: text = row->position_text; break;
    case COLUMN_NAME: text = row->name; break;
    case COLUMN_POINTS: text = row->points_text; break;
    case COLUMN_NOTES: text = row->notes; break;
    case COLUMN_WINS:
      {
        g_autofree char *wins = g_strdup_printf ("%d", row->wins);
        gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), wins);
        return;
      }
    default:
      text = (guint) column < row->cells->len ? row->cells->pdata[column] : "";
      break;
    }

  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const PdStandingsItem *ia = a;
  const PdStandingsItem *ib = b;

  switch (GPOINTER_TO_INT (user_data))
    {
    case COLUMN_NAME:
      return g_utf8_collate (ia->name, ib->name);
    case COLUMN_POINTS:
      return -pd_points_compare (ia->points, ib->points);
    case COLUMN_WINS:
      return ib->wins - ia->wins;
    default:
      return ia->position - ib->position;
    }
}

static void
add_column (PdStandingsView *self,
            int              column,
            const char      *title,
            gboolean         expand,
            gboolean         sortable)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (column));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (column));
  view_column = gtk_column_view_column_new (title, g_object_ref (factory));
  gtk_column_view_column_set_expand (view_column, expand);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  if (sortable)
    {
      g_autoptr(GtkSorter) sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (column), NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
    }
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
remove_columns (PdStandingsView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->column_view, column);
    }
}

/* Says when the standings rest on results that are not final yet. */
static void
update_provisional (PdStandingsView *self,
                    int              after_round)
{
  g_autoptr(GPtrArray) provisional = NULL;
  g_autofree char *text = NULL;

  provisional = pd_season_provisional_sessions (self->store, self->season_id, after_round, NULL);
  text = pd_provisional_describe (provisional);
  gtk_label_set_label (self->provisional_label, text != NULL ? text : "");
  gtk_widget_set_visible (self->provisional_box, text != NULL);
}

/* The table, or the chart of the same standings; or the empty page
 * when nothing has scored. */
static void
show_page (PdStandingsView *self,
           PdStandingsKind  kind,
           const char      *class_id,
           int              after_round,
           gboolean         scored)
{
  gboolean chart = scored && gtk_toggle_button_get_active (self->chart_button);

  if (chart)
    pd_chart_panel_show (self->chart_panel, self->store, self->season_id, kind, class_id, after_round);
  gtk_stack_set_visible_child_name (self->stack, !scored ? "empty" : chart ? "chart" : "table");
}

/* The title fight */

/* How many of those who can still win get a card of their own. */
#define TITLE_CARDS 6

static GtkWidget *
title_label (const char *text,
             const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* Not narrower than a short sentence: the cards wrap to the next line
   * first. */
  gtk_label_set_width_chars (GTK_LABEL (label), css_class != NULL && g_str_equal (css_class, "heading") ? 0 : 24);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* One who can still win: its name, its points and the most it can reach,
 * what it needs, and whether it can clinch the title next. */
static GtkWidget *
contender_card (PdTitle          *title,
                PdTitleContender *contender,
                PdStandingsNames *names)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *name = pd_standings_names_get (contender->id, names);
  g_autofree char *points = pd_points_format (contender->points);
  g_autofree char *best = pd_points_format (contender->best);
  g_autofree char *need = pd_title_describe_contender (title, contender, pd_standings_names_get, names);
  g_autofree char *clinch = pd_title_describe_clinch (title, contender);
  g_autofree char *reach = NULL;

  /* TRANSLATORS: a contender's points now, then the most it can finish with */
  reach = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point now, %s at most", "%s points now, %s at most",
                                        contender->points.den == 1 ? (gulong) ABS (contender->points.num) : 2),
                           points, best);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "title-card");
  gtk_box_append (GTK_BOX (card), title_label (name, "heading"));
  gtk_box_append (GTK_BOX (card), title_label (reach, "numeric"));
  gtk_box_append (GTK_BOX (card), title_label (need, NULL));
  if (clinch != NULL)
    gtk_box_append (GTK_BOX (card), title_label (clinch, "accent"));
  return card;
}

/* The title of one class (@class_name, or NULL for the standings shown):
 * a line saying how it stands, and, while it is open, who can still win
 * and what each needs. */
static GtkWidget *
title_section (PdStandingsView *self,
               PdTitle         *title,
               PdStandingsKind  kind,
               const char      *class_name,
               gboolean         expanded)
{
  PdStandingsNames names = { self->store, kind };
  g_autofree char *summary = pd_title_describe (title, pd_standings_names_get, &names);
  g_autofree char *others = pd_title_describe_others (title, 8, pd_standings_names_get, &names);
  g_autofree char *note = pd_title_describe_note (title);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = g_object_new (GTK_TYPE_IMAGE,
                                  "icon-name", title->decided_round > 0 ? "starred-symbolic"
                                                                        : "view-list-ordered-symbolic",
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                  NULL);
  GtkWidget *summary_label = title_label (summary, NULL);
  GtkWidget *expander, *body, *cards;
  guint shown = 0, more = 0;

  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), title_label (class_name != NULL ? class_name : _("Title"), "heading"));
  gtk_widget_set_hexpand (summary_label, TRUE);
  gtk_box_append (GTK_BOX (header), summary_label);
  if (title->decided_round > 0)
    {
      gtk_widget_add_css_class (icon, "accent");
      return header;
    }

  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (body, 6);
  cards = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (cards), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (cards), TRUE);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (cards), 4);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (cards), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (cards), 6);
  for (guint i = 0; i < title->contenders->len; i++)
    {
      PdTitleContender *contender = title->contenders->pdata[i];

      if (!contender->can_win)
        continue;
      if (shown++ < TITLE_CARDS)
        gtk_flow_box_append (GTK_FLOW_BOX (cards), contender_card (title, contender, &names));
      else
        more++;
    }
  gtk_box_append (GTK_BOX (body), cards);
  if (more > 0)
    {
      /* TRANSLATORS: after the cards of those who can still win */
      g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u more can still win",
                                                            "%u more can still win", more), more);
      gtk_box_append (GTK_BOX (body), title_label (text, NULL));
    }
  if (title->newcomer_can_win)
    gtk_box_append (GTK_BOX (body), title_label (_("So could anyone yet to score."), NULL));
  if (others != NULL)
    gtk_box_append (GTK_BOX (body), title_label (others, "dim-label"));
  if (note != NULL)
    gtk_box_append (GTK_BOX (body), title_label (note, "dim-label"));

  expander = gtk_expander_new (NULL);
  gtk_expander_set_label_widget (GTK_EXPANDER (expander), header);
  gtk_expander_set_child (GTK_EXPANDER (expander), body);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), expanded);
  return expander;
}

/* Who can still take the title, per class shown: the one class chosen,
 * or each class of the season with all of them shown. */
static void
update_title (PdStandingsView *self,
              PdStandingsKind  kind,
              const char      *class_id,
              int              after_round)
{
  GtkWidget *child;
  GListModel *class_names = gtk_drop_down_get_model (self->class_dropdown);
  guint first = class_id != NULL || self->class_ids->len <= 1 ? 0 : 1;
  guint last = first == 0 ? 0 : self->class_ids->len - 1;
  gboolean any = FALSE;

  while ((child = gtk_widget_get_first_child (self->title_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->title_box), child);

  for (guint i = first; i <= last; i++)
    {
      const char *id = first == 0 ? class_id : self->class_ids->pdata[i];
      g_autoptr(PdTitle) title = pd_title_compute (self->rules, self->season, kind, id, after_round);
      g_autoptr(GtkStringObject) name = first == 0 ? NULL : g_list_model_get_item (class_names, i);

      if (title->contenders->len == 0 || (title->over && title->decided_round == 0))
        continue;
      gtk_box_append (GTK_BOX (self->title_box),
                      title_section (self, title, kind, name != NULL ? gtk_string_object_get_string (name) : NULL,
                                     first == 0));
      any = TRUE;
    }
  gtk_widget_set_visible (self->title_scroller, any);
}

static void
update (PdStandingsView *self)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (SessionColumn));
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  PdStandingsKind kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint class_index = gtk_drop_down_get_selected (self->class_dropdown);
  guint round_index = gtk_drop_down_get_selected (self->round_dropdown);
  const char *class_id = NULL;
  int after_round = 0;

  g_list_store_remove_all (self->items);
  remove_columns (self);
  gtk_label_set_label (self->summary_label, "");

  if (self->rules == NULL || self->season == NULL)
    {
      gtk_widget_set_visible (self->title_scroller, FALSE);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  if (self->class_ids != NULL && class_index < self->class_ids->len)
    class_id = self->class_ids->pdata[class_index];
  if (self->round_numbers != NULL && round_index < self->round_numbers->len)
    after_round = g_array_index (self->round_numbers, int, round_index);

  rows = pd_standings_compute (self->rules, self->season, kind, class_id, after_round);
  update_provisional (self, after_round);
  update_title (self, kind, class_id, after_round);

  for (guint i = 0; i < rows->len; i++)
    {
      PdStandingsRow *row = rows->pdata[i];

      for (guint s = 0; s < row->scores->len; s++)
        {
          PdStandingsScore *score = &g_array_index (row->scores, PdStandingsScore, s);
          SessionColumn column = { score->round, score->session_id };

          if (!g_hash_table_contains (seen, score->session_id))
            {
              g_hash_table_add (seen, (gpointer) score->session_id);
              g_array_append_val (columns, column);
            }
        }
    }
  g_array_sort (columns, compare_columns);

  add_column (self, COLUMN_POSITION, C_("column", "Pos."), FALSE, TRUE);
  add_column (self, COLUMN_NAME, C_("column", "Name"), TRUE, TRUE);
  add_column (self, COLUMN_POINTS, C_("column", "Points"), FALSE, TRUE);
  add_column (self, COLUMN_WINS, C_("column", "Wins"), FALSE, TRUE);
  for (guint c = 0; c < columns->len; c++)
    {
      SessionColumn *column = &g_array_index (columns, SessionColumn, c);
      const char *name = g_hash_table_lookup (self->session_names, column->session_id);
      /* TRANSLATORS: a standings column: round number and session, such as "R6 Race 1" */
      g_autofree char *title = g_strdup_printf (_("R%d %s"), column->round, name != NULL ? name : "");

      add_column (self, c, title, FALSE, FALSE);
    }
  add_column (self, COLUMN_NOTES, C_("column", "Notes"), TRUE, FALSE);

  for (guint i = 0; i < rows->len; i++)
    {
      PdStandingsRow *row = rows->pdata[i];
      g_autoptr(PdStandingsItem) item = g_object_new (PD_TYPE_STANDINGS_ITEM, NULL);

      item->position = row->excluded ? G_MAXINT : row->position;
      item->position_text = pd_standings_row_position_text (row);
      item->name = pd_standings_name (self->store, kind, row->id);
      item->points = row->points;
      item->points_text = pd_points_format (row->points);
      item->wins = row->wins;
      item->notes = pd_standings_row_note (row);

      for (guint c = 0; c < columns->len; c++)
        g_ptr_array_add (item->cells,
                         pd_standings_row_session_text (row, g_array_index (columns, SessionColumn, c).session_id));

      g_list_store_append (self->items, item);
    }

  if (rows->len > 0)
    {
      /* TRANSLATORS: %s is the name of the points rules, such as "GT4 European Series" */
      g_autofree char *summary = g_strdup_printf (_("Computed from the stored results with the points rules “%s”."),
                                                  self->rules->name);
      gtk_label_set_label (self->summary_label, summary);
    }
  show_page (self, kind, class_id, after_round, rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standings.export-pdf", rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standings.export-csv", rows->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "standings.print", rows->len > 0);
}

static void
choice_changed_cb (PdStandingsView *self)
{
  update (self);
}

/* Gives the season a shipped preset, in one transaction, and shows the
 * standings under it at once. */
static void
use_preset_cb (PdStandingsView *self)
{
  GtkStringObject *item = gtk_drop_down_get_selected_item (self->preset_dropdown);
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *season_id = NULL;

  if (item == NULL || self->store == NULL || self->season_id == NULL)
    return;

  season = pd_store_get (self->store, PD_TYPE_SEASON, self->season_id, &error);
  if (season != NULL)
    {
      pd_season_set_rules_id (season, gtk_string_object_get_string (item));
      pd_season_set_rules (season, NULL);
    }
  if (season == NULL || !pd_ui_save (self->store, season, &error))
    {
      g_signal_emit (self, signals[SHOW_TOAST], 0, error->message);
      return;
    }

  gtk_menu_button_popdown (self->rules_button);
  season_id = g_strdup (self->season_id);
  pd_standings_view_set_season (self, self->store, season_id);
}

/* Reads the season's rules and shows them in the popover. */
static gboolean
load_rules (PdStandingsView *self)
{
  g_autoptr(GError) error = NULL;
  GListModel *presets = gtk_drop_down_get_model (self->preset_dropdown);

  g_clear_pointer (&self->rules, pd_rules_free);
  self->rules = pd_rules_for_season (self->store, self->season_id, &error);
  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_button), self->rules != NULL);
  if (self->rules == NULL)
    {
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_label_set_label (self->rules_label, error->message);
      return FALSE;
    }

  adw_status_page_set_description (self->empty_page, _("No result of this season has scored points yet."));
  {
    g_auto(GStrv) lines = pd_rules_describe (self->rules);
    g_autofree char *body = g_strjoinv ("\n• ", lines);
    g_autofree char *text = g_strdup_printf ("%s\n• %s", self->rules->name, body);

    gtk_label_set_label (self->rules_label, text);
  }
  for (guint i = 0; presets != NULL && i < g_list_model_get_n_items (presets); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (presets, i);

      if (g_strcmp0 (gtk_string_object_get_string (item), self->rules->id) == 0)
        gtk_drop_down_set_selected (self->preset_dropdown, i);
    }
  return TRUE;
}

/* The editor stored new rules: the same choices, new standings. */
static void
rules_changed_cb (PdStandingsView *self)
{
  load_rules (self);
  update (self);
}

static void
edit_rules_cb (PdStandingsView *self)
{
  g_autoptr(GError) error = NULL;
  PdRulesEditor *editor;

  if (self->rules == NULL)
    return;

  editor = pd_rules_editor_new (self->store, self->season_id, self->rules, &error);
  if (editor == NULL)
    {
      g_signal_emit (self, signals[SHOW_TOAST], 0, error->message);
      return;
    }
  gtk_menu_button_popdown (self->rules_button);
  gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (editor, "rules-changed", G_CALLBACK (rules_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

/* What the table shows now: the championship, the class and the round. */
static PdStandingsKind
current_choice (PdStandingsView  *self,
                const char      **class_id,
                int              *after_round)
{
  guint class_index = gtk_drop_down_get_selected (self->class_dropdown);
  guint round_index = gtk_drop_down_get_selected (self->round_dropdown);

  *class_id = NULL;
  *after_round = 0;
  if (self->class_ids != NULL && class_index < self->class_ids->len)
    *class_id = self->class_ids->pdata[class_index];
  if (self->round_numbers != NULL && round_index < self->round_numbers->len)
    *after_round = g_array_index (self->round_numbers, int, round_index);
  return gtk_drop_down_get_selected (self->kind_dropdown);
}

/* The sheet of what the table shows now: the same choices. */
static PdStandingsSheet *
current_sheet (PdStandingsView  *self,
               GError          **error)
{
  const char *class_id;
  int after_round;
  PdStandingsKind kind = current_choice (self, &class_id, &after_round);

  return pd_standings_sheet_new (self->store, self->season_id, kind, class_id, after_round, error);
}

/**
 * pd_standings_view_export_pdf:
 *
 * Writes the standings as the table shows them as a PDF sheet, on the
 * locale's paper.
 *
 * Returns: whether the file was written
 */
gboolean
pd_standings_view_export_pdf (PdStandingsView  *self,
                              const char       *path,
                              GError          **error)
{
  g_autoptr(PdStandingsSheet) sheet = NULL;

  g_return_val_if_fail (PD_IS_STANDINGS_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* A few tens of milliseconds even for a long season with a full grid. */
  sheet = current_sheet (self, error);
  return sheet != NULL && pd_standings_sheet_write_pdf (sheet, path, pd_paper_default (), error);
}

/**
 * pd_standings_view_export_csv:
 * @headers: the column names: stable ones, or the user's language's
 *
 * Writes the standings as the table shows them as CSV (RFC 4180, UTF-8).
 *
 * Returns: whether the file was written
 */
gboolean
pd_standings_view_export_csv (PdStandingsView  *self,
                              const char       *path,
                              PdCsvHeaders      headers,
                              GError          **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *csv = NULL;
  const char *class_id;
  int after_round;
  PdStandingsKind kind;

  g_return_val_if_fail (PD_IS_STANDINGS_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (self->rules == NULL || self->season == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("No result of this season has scored points yet."));
      return FALSE;
    }
  kind = current_choice (self, &class_id, &after_round);
  rows = pd_standings_compute (self->rules, self->season, kind, class_id, after_round);
  csv = pd_standings_to_csv (self->store, kind, rows, headers);
  return g_file_set_contents (path, csv, -1, error);
}

static gboolean
save_pdf (GtkWidget     *view,
          const char    *path,
          PdCsvHeaders   headers,
          GError       **error)
{
  return pd_standings_view_export_pdf (PD_STANDINGS_VIEW (view), path, error);
}

static gboolean
save_csv (GtkWidget     *view,
          const char    *path,
          PdCsvHeaders   headers,
          GError       **error)
{
  return pd_standings_view_export_csv (PD_STANDINGS_VIEW (view), path, headers, error);
}

static const PdUiExport pdf_export = {
  N_("Export Standings as PDF"), N_("PDF documents"), "application/pdf", FALSE, save_pdf,
};

static const PdUiExport csv_export = {
  N_("Export Standings as CSV"), N_("CSV files"), "text/csv", TRUE, save_csv,
};

/* Export PDF… and Export CSV…: the standings as the table shows them. */
static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdStandingsView *self = PD_STANDINGS_VIEW (widget);
  gboolean csv = g_str_equal (action_name, "standings.export-csv");
  g_autofree char *name = NULL;

  if (self->store == NULL || self->season_id == NULL)
    return;

  if (csv)
    /* TRANSLATORS: the suggested file name of standings exported as CSV; %s is the season's id */
    name = g_strdup_printf (_("%s-standings.csv"), self->season_id);
  else
    /* TRANSLATORS: the suggested file name of exported standings; %s is the season's id */
    name = g_strdup_printf (_("%s-standings.pdf"), self->season_id);
  pd_ui_export_run (widget, csv ? &csv_export : &pdf_export, name);
}

/**
 * pd_standings_view_print:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_path
 * @export_path: (nullable): the PDF to write when exporting
 *
 * Prints the standings as the table shows them, through
 * GtkPrintOperation, on the sheet's pages.
 *
 * Returns: whether it was printed (or exported)
 */
gboolean
pd_standings_view_print (PdStandingsView          *self,
                         GtkPrintOperationAction   action,
                         const char               *export_path,
                         GError                  **error)
{
  PdStandingsSheet *sheet;

  g_return_val_if_fail (PD_IS_STANDINGS_VIEW (self), FALSE);

  sheet = current_sheet (self, error);
  return sheet != NULL && pd_ui_print_sheet (GTK_WIDGET (self), (PdSheet *) sheet, action, export_path, error);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  PdStandingsView *self = PD_STANDINGS_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->season_id == NULL)
    return;

  if (!pd_standings_view_print (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    {
      g_autofree char *message = g_strdup_printf (_("The standings could not be printed: %s"), error->message);

      g_signal_emit (self, signals[SHOW_TOAST], 0, message);
    }
}

static void
chart_toast_cb (PdStandingsView *self,
                const char      *message)
{
  g_signal_emit (self, signals[SHOW_TOAST], 0, message);
}

static void
pd_standings_view_dispose (GObject *object)
{
  PdStandingsView *self = (PdStandingsView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_STANDINGS_VIEW);
  pd_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->items);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pd_standings_view_parent_class)->dispose (object);
}

static void
pd_standings_view_finalize (GObject *object)
{
  PdStandingsView *self = (PdStandingsView *) object;

  g_clear_pointer (&self->season_id, g_free);
  g_clear_pointer (&self->rules, pd_rules_free);
  g_clear_pointer (&self->season, pd_score_season_free);
  g_clear_pointer (&self->class_ids, g_ptr_array_unref);
  g_clear_pointer (&self->round_numbers, g_array_unref);
  g_clear_pointer (&self->session_names, g_hash_table_unref);

  G_OBJECT_CLASS (pd_standings_view_parent_class)->finalize (object);
}

static void
pd_standings_view_class_init (PdStandingsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_standings_view_dispose;
  object_class->finalize = pd_standings_view_finalize;

  signals[SHOW_TOAST] = g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "standings.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "standings.export-csv", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "standings.print", NULL, print_action);

  g_type_ensure (PD_TYPE_FIT_SCROLLER);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/paddock/Paddock/ui/pd-standings-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, class_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, round_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, provisional_box);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, provisional_label);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, title_scroller);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, title_box);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, rules_button);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, rules_label);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, preset_dropdown);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, preset_button);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, edit_button);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, stack);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, chart_button);
  gtk_widget_class_bind_template_child (widget_class, PdStandingsView, chart_panel);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pd_standings_view_init (PdStandingsView *self)
{
  g_autoptr(GtkSortListModel) sorted = NULL;
  GtkNoSelection *selection;

  g_type_ensure (PD_TYPE_CHART_PANEL);
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->chart_button, "toggled", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->chart_panel, "show-toast", G_CALLBACK (chart_toast_cb),
                           self, G_CONNECT_SWAPPED);

  self->items = g_list_store_new (PD_TYPE_STANDINGS_ITEM);
  sorted = gtk_sort_list_model_new (g_object_ref (G_LIST_MODEL (self->items)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&sorted)));
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->preset_button, "clicked", G_CALLBACK (use_preset_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->edit_button, "clicked", G_CALLBACK (edit_rules_cb),
                           self, G_CONNECT_SWAPPED);
  {
    g_auto(GStrv) presets = pd_rules_list_presets ();
    g_autoptr(GtkStringList) list = gtk_string_list_new ((const char * const *) presets);
    g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

    gtk_drop_down_set_model (self->preset_dropdown, G_LIST_MODEL (list));
    gtk_drop_down_set_expression (self->preset_dropdown, expression);
  }
  g_signal_connect_object (self->class_dropdown, "notify::selected", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->round_dropdown, "notify::selected", G_CALLBACK (choice_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

/**
 * pd_standings_view_set_season:
 *
 * Shows the standings of @season_id after its last round.
 */
void
pd_standings_view_set_season (PdStandingsView *self,
                              PdStore         *store,
                              const char      *season_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GtkStringList) class_names = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) round_names = gtk_string_list_new (NULL);
  int zero = 0;

  g_return_if_fail (PD_IS_STANDINGS_VIEW (self));

  g_set_object (&self->store, store);
  g_free (self->season_id);
  self->season_id = g_strdup (season_id);
  g_clear_pointer (&self->rules, pd_rules_free);
  g_clear_pointer (&self->season, pd_score_season_free);
  g_clear_pointer (&self->class_ids, g_ptr_array_unref);
  g_clear_pointer (&self->round_numbers, g_array_unref);
  g_clear_pointer (&self->session_names, g_hash_table_unref);

  if (load_rules (self))
    {
      self->season = pd_score_season_load (store, season_id, &error);
      if (self->season == NULL)
        g_signal_emit (self, signals[SHOW_TOAST], 0, error->message);
    }
  g_clear_error (&error);

  self->session_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sessions = pd_store_list_season_sessions (store, season_id, NULL);
  for (guint i = 0; sessions != NULL && i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      g_hash_table_insert (self->session_names, g_strdup (pd_session_get_id (session)),
                           g_strdup (pd_session_get_name (session)));
    }

  self->class_ids = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->class_ids, NULL);
  gtk_string_list_append (class_names, _("All Classes"));
  classes = pd_store_list_classes (store, season_id, NULL);
  for (guint i = 0; classes != NULL && i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PdClass) klass = g_list_model_get_item (classes, i);
      g_ptr_array_add (self->class_ids, g_strdup (pd_class_get_id (klass)));
      gtk_string_list_append (class_names, pd_class_get_name (klass));
    }

  self->round_numbers = g_array_new (FALSE, FALSE, sizeof (int));
  g_array_append_val (self->round_numbers, zero);
  gtk_string_list_append (round_names, _("All Rounds"));
  for (guint i = 0; self->season != NULL && i < self->season->rounds->len; i++)
    {
      PdScoreRound *round = self->season->rounds->pdata[i];
      g_autofree char *label = g_strdup_printf (_("After Round %d"), round->number);

      g_array_append_val (self->round_numbers, round->number);
      gtk_string_list_append (round_names, label);
    }

  g_signal_handlers_block_by_func (self->class_dropdown, choice_changed_cb, self);
  g_signal_handlers_block_by_func (self->round_dropdown, choice_changed_cb, self);
  gtk_drop_down_set_model (self->class_dropdown, G_LIST_MODEL (class_names));
  gtk_drop_down_set_selected (self->class_dropdown, 0);
  /* Hide the flow box's cell too, or it leaves a gap. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->class_dropdown)), self->class_ids->len > 1);
  gtk_drop_down_set_model (self->round_dropdown, G_LIST_MODEL (round_names));
  gtk_drop_down_set_selected (self->round_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->class_dropdown, choice_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->round_dropdown, choice_changed_cb, self);

  update (self);
}

/**
 * pd_standings_view_reload:
 *
 * Reads the season's results again, after they were edited, and shows
 * the standings with the same choices.
 */
void
pd_standings_view_reload (PdStandingsView *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PD_IS_STANDINGS_VIEW (self));

  if (self->store == NULL || self->season_id == NULL || self->rules == NULL)
    return;
  g_clear_pointer (&self->season, pd_score_season_free);
  self->season = pd_score_season_load (self->store, self->season_id, &error);
  if (self->season == NULL)
    g_signal_emit (self, signals[SHOW_TOAST], 0, error->message);
  update (self);
}

/**
 * pd_standings_view_reload_session:
 * @session_id: (nullable): the session whose results changed; %NULL when
 *   it may be any
 *
 * Like pd_standings_view_reload(), reading only the results of
 * @session_id again (pd_score_season_reload_session()): after an edit
 * or an import, the standings follow within a frame.
 */
void
pd_standings_view_reload_session (PdStandingsView *self,
                                  const char      *session_id)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PD_IS_STANDINGS_VIEW (self));

  if (session_id == NULL || self->season == NULL)
    {
      pd_standings_view_reload (self);
      return;
    }
  if (self->store == NULL || self->season_id == NULL || self->rules == NULL)
    return;
  if (!pd_score_season_reload_session (self->season, self->store, self->season_id, session_id, &error))
    g_signal_emit (self, signals[SHOW_TOAST], 0, error->message);
  update (self);
}

/**
 * pd_standings_view_set_filter:
 * @kind: a #PdStandingsKind
 * @class_id: (nullable): a class, or %NULL for all
 * @after_round: a round number, or 0 for all
 *
 * Chooses what the table shows, as the choosers above it do.
 */
void
pd_standings_view_set_filter (PdStandingsView *self,
                              int              kind,
                              const char      *class_id,
                              int              after_round)
{
  g_return_if_fail (PD_IS_STANDINGS_VIEW (self));

  gtk_drop_down_set_selected (self->kind_dropdown, kind);
  for (guint i = 0; self->class_ids != NULL && i < self->class_ids->len; i++)
    if (g_strcmp0 (self->class_ids->pdata[i], class_id) == 0)
      gtk_drop_down_set_selected (self->class_dropdown, i);
  for (guint i = 0; self->round_numbers != NULL && i < self->round_numbers->len; i++)
    if (g_array_index (self->round_numbers, int, i) == after_round)
      gtk_drop_down_set_selected (self->round_dropdown, i);
}

/**
 * pd_standings_view_show_chart:
 * @chart: whether to show the progression chart instead of the table
 *
 * Returns: (transfer none): the chart's panel
 */
PdChartPanel *
pd_standings_view_show_chart (PdStandingsView *self,
                              gboolean         chart)
{
  g_return_val_if_fail (PD_IS_STANDINGS_VIEW (self), NULL);

  gtk_toggle_button_set_active (self->chart_button, chart);
  if (!chart)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_prev_sibling (GTK_WIDGET (self->chart_button))),
                                  TRUE);
  return self->chart_panel;
}
