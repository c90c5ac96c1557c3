#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pd-rules-editor.h"
#include "pd-ui-util.h"

/*
 * The season's points rules, edited in place: the tables, bonuses and
 * counting of the drivers' and the teams' championships, shared cars and
 * ties. Like GNOME's preferences, every change applies at once: it is
 * written to the season (its own copy of the rules, in one transaction)
 * and "rules-changed" tells the standings to follow. A value that is not
 * one is marked on its row, told in a toast, and changes nothing.
 *
 * The decisions of a season (double points, exclusions, deductions) each
 * need a source; they are shown and kept as they are, and are changed in
 * a rules file (paddock-cli rules SEASON --file FILE).
 */

#define N_CHAMPIONSHIPS 2       /* drivers, teams */
#define N_EDITED_KINDS 3

static const PdSessionKind edited_kinds[N_EDITED_KINDS] = {
  PD_SESSION_KIND_RACE, PD_SESSION_KIND_SPRINT, PD_SESSION_KIND_QUALIFYING,
};

typedef struct {
  AdwExpanderRow *expander;
  AdwEntryRow    *table;
  GtkSwitch      *per_class;
  AdwEntryRow    *fastest_lap;
  GtkSpinButton  *fastest_lap_top;
  AdwEntryRow    *pole;
} SessionRows;

enum {
  COUNT_ALL,
  COUNT_BEST,
  COUNT_SPLIT,
};

typedef struct {
  AdwComboRow   *mode;
  GtkWidget     *best_row;
  GtkSpinButton *best;
  GtkWidget     *first_rounds_row;
  GtkSpinButton *first_rounds;
  GtkWidget     *first_best_row;
  GtkSpinButton *first_best;
  GtkWidget     *rest_best_row;
  GtkSpinButton *rest_best;
} CountingRows;

struct _PdRulesEditor
{
  AdwPreferencesWindow  parent_instance;

  PdStore              *store;
  char                 *season_id;
  PdRules              *rules;
  gboolean              loading;   /* rows being filled: nothing to save */

  SessionRows           sessions[N_CHAMPIONSHIPS][N_EDITED_KINDS];
  CountingRows          counting[N_CHAMPIONSHIPS];
  AdwComboRow          *shared_cars;
  GtkSwitch            *teams_enabled;
  GtkSwitch            *best_car_only;
  GtkSwitch            *teams_fastest_lap;
  GPtrArray            *teams_groups;  /* insensitive without a teams' championship */
  AdwEntryRow          *name;
  AdwComboRow          *tie_break;
};

G_DEFINE_FINAL_TYPE (PdRulesEditor, pd_rules_editor, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  RULES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static PdChampionshipRules *
championship (PdRulesEditor *self,
              int            c)
{
  return c == 0 ? &self->rules->drivers : &self->rules->teams;
}

static PdSessionRule *
session_rule (PdRulesEditor *self,
              int            c,
              int            k)
{
  return &championship (self, c)->sessions[edited_kinds[k]];
}

/* Which championship and kind of session a row belongs to. */
static void
set_slot (gpointer object,
          int      c,
          int      k)
{
  g_object_set_data (G_OBJECT (object), "pd-slot", GINT_TO_POINTER (1 + c * N_EDITED_KINDS + k));
}

static void
get_slot (gpointer  object,
          int      *c,
          int      *k)
{
  int slot = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (object), "pd-slot")) - 1;

  g_assert (slot >= 0 && slot < N_CHAMPIONSHIPS * N_EDITED_KINDS);
  *c = slot / N_EDITED_KINDS;
  *k = slot % N_EDITED_KINDS;
}

static void
show_error (PdRulesEditor *self,
            const char    *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), toast);
}

/* Writes the rules to the season, in one transaction; the standings
 * follow through "rules-changed". */
static void
save (PdRulesEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(PdRules) check = NULL;
  g_autofree char *json = NULL;

  if (self->loading)
    return;

  json = pd_rules_to_json (self->rules);
  /* What is stored must read back: the season would have no rules. */
  check = pd_rules_parse (json, strlen (json), &error);
  if (check != NULL)
    season = pd_store_get (self->store, PD_TYPE_SEASON, self->season_id, &error);
  if (season != NULL)
    {
      pd_season_set_rules_id (season, self->rules->id);
      pd_season_set_rules (season, json);
    }
  if (season == NULL || !pd_ui_save (self->store, season, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[RULES_CHANGED], 0);
}

static void
set_error_state (GtkWidget *row,
                 gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
set_entry_text (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  set_error_state (GTK_WIDGET (row), FALSE);
}

static void
set_points_text (AdwEntryRow *row,
                 PdPoints     points)
{
  g_autofree char *text = pd_points_is_zero (points) ? g_strdup ("") : pd_points_to_text (points);

  set_entry_text (row, text);
}

/* An empty bonus is no bonus. */
static gboolean
parse_bonus (const char *text,
             PdPoints   *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));

  if (*copy == '\0')
    {
      *out = PD_POINTS_ZERO;
      return TRUE;
    }
  return pd_rules_parse_points (copy, out);
}

static void
update_subtitle (PdRulesEditor *self,
                 int            c,
                 int            k)
{
  PdSessionRule *rule = session_rule (self, c, k);
  AdwExpanderRow *expander = self->sessions[c][k].expander;
  g_autofree char *table = NULL;

  if (!rule->enabled)
    {
      adw_expander_row_set_subtitle (expander, c == 0 ? _("Does not score")
                                                      : _("Scores as for the drivers"));
      return;
    }

  table = pd_rules_format_table (rule->table, rule->n_table);
  if (rule->n_table == 0)
    adw_expander_row_set_subtitle (expander, _("No points by place"));
  else if (rule->per_class)
    {
      /* TRANSLATORS: a points table, such as "25 18 15 12", given in each class */
      g_autofree char *text = g_strdup_printf (_("%s, in each class"), table);
      adw_expander_row_set_subtitle (expander, text);
    }
  else
    adw_expander_row_set_subtitle (expander, table);
}

static void
load_session (PdRulesEditor *self,
              int            c,
              int            k)
{
  PdSessionRule *rule = session_rule (self, c, k);
  SessionRows *rows = &self->sessions[c][k];
  g_autofree char *table = pd_rules_format_table (rule->table, rule->n_table);

  adw_expander_row_set_enable_expansion (rows->expander, rule->enabled);
  set_entry_text (rows->table, table);
  gtk_switch_set_active (rows->per_class, rule->per_class);
  set_points_text (rows->fastest_lap, rule->fastest_lap);
  gtk_spin_button_set_value (rows->fastest_lap_top, rule->fastest_lap_top);
  /* The top N only matters when there is a bonus. */
  gtk_widget_set_sensitive (gtk_widget_get_ancestor (GTK_WIDGET (rows->fastest_lap_top), ADW_TYPE_ACTION_ROW),
                            !pd_points_is_zero (rule->fastest_lap));
  set_points_text (rows->pole, rule->pole);
  update_subtitle (self, c, k);
}

static void
load_counting (PdRulesEditor *self,
               int            c)
{
  const PdCounting *counting = &championship (self, c)->counting;
  CountingRows *rows = &self->counting[c];
  guint mode;

  if (counting->n_parts == 0)
    mode = COUNT_ALL;
  else if (counting->n_parts == 1 && counting->parts[0].rounds == 0)
    mode = COUNT_BEST;
  else
    mode = COUNT_SPLIT;

  adw_combo_row_set_selected (rows->mode, mode);
  if (mode == COUNT_BEST)
    gtk_spin_button_set_value (rows->best, counting->parts[0].best);
  if (mode == COUNT_SPLIT)
    {
      gtk_spin_button_set_value (rows->first_rounds, counting->parts[0].rounds);
      gtk_spin_button_set_value (rows->first_best, counting->parts[0].best);
      gtk_spin_button_set_value (rows->rest_best, counting->n_parts > 1 ? counting->parts[1].best : 0);
    }
  gtk_widget_set_visible (rows->best_row, mode == COUNT_BEST);
  gtk_widget_set_visible (rows->first_rounds_row, mode == COUNT_SPLIT);
  gtk_widget_set_visible (rows->first_best_row, mode == COUNT_SPLIT);
  gtk_widget_set_visible (rows->rest_best_row, mode == COUNT_SPLIT);
}

static void
load_teams (PdRulesEditor *self)
{
  gtk_switch_set_active (self->teams_enabled, self->rules->teams.enabled);
  gtk_switch_set_active (self->best_car_only, self->rules->teams.best_car_only);
  gtk_switch_set_active (self->teams_fastest_lap, self->rules->teams.fastest_lap);
  for (guint i = 0; i < self->teams_groups->len; i++)
    gtk_widget_set_sensitive (self->teams_groups->pdata[i], self->rules->teams.enabled);
}

/* Fills every row from the rules. */
static void
load (PdRulesEditor *self)
{
  self->loading = TRUE;
  for (int c = 0; c < N_CHAMPIONSHIPS; c++)
    {
      for (int k = 0; k < N_EDITED_KINDS; k++)
        load_session (self, c, k);
      load_counting (self, c);
    }
  adw_combo_row_set_selected (self->shared_cars, self->rules->drivers.shared_cars);
  load_teams (self);
  set_entry_text (self->name, self->rules->name);
  adw_combo_row_set_selected (self->tie_break, self->rules->tie_break);
  self->loading = FALSE;
}

static void
copy_session_rule (PdSessionRule       *to,
                   const PdSessionRule *from)
{
  g_free (to->table);
  *to = *from;
  to->table = g_memdup2 (from->table, MAX (from->n_table, 1) * sizeof (PdPoints));
}

static void
enable_expansion_cb (AdwExpanderRow *expander,
                     GParamSpec     *pspec,
                     PdRulesEditor  *self)
{
  int c, k;
  PdSessionRule *rule;

  if (self->loading)
    return;

  get_slot (expander, &c, &k);
  rule = session_rule (self, c, k);
  rule->enabled = adw_expander_row_get_enable_expansion (expander);

  /* A team's own rule starts from the drivers' one it replaces. */
  if (c == 1 && rule->enabled && rule->n_table == 0 && session_rule (self, 0, k)->enabled)
    {
      copy_session_rule (rule, session_rule (self, 0, k));
      self->loading = TRUE;
      load_session (self, c, k);
      self->loading = FALSE;
    }

  update_subtitle (self, c, k);
  save (self);
}

static void
table_changed_cb (GtkEditable *editable,
                  PdRulesEditor *self)
{
  g_autofree PdPoints *table = NULL;
  guint n_table;

  if (self->loading)
    return;
  set_error_state (GTK_WIDGET (editable),
                   !pd_rules_parse_table (gtk_editable_get_text (editable), &table, &n_table, NULL));
}

static void
table_apply_cb (AdwEntryRow   *row,
                PdRulesEditor *self)
{
  g_autoptr(GError) error = NULL;
  PdPoints *table = NULL;
  PdSessionRule *rule;
  guint n_table;
  int c, k;

  get_slot (row, &c, &k);
  if (!pd_rules_parse_table (gtk_editable_get_text (GTK_EDITABLE (row)), &table, &n_table, &error))
    {
      /* TRANSLATORS: a kind of session ("Race"), then what is wrong with its points table */
      g_autofree char *message = g_strdup_printf (_("%s points: %s"), pd_session_kind_to_label (edited_kinds[k]),
                                                  error->message);
      set_error_state (GTK_WIDGET (row), TRUE);
      show_error (self, message);
      return;
    }

  rule = session_rule (self, c, k);
  g_free (rule->table);
  rule->table = table;
  rule->n_table = n_table;
  set_error_state (GTK_WIDGET (row), FALSE);
  update_subtitle (self, c, k);
  save (self);
}

static void
bonus_changed_cb (GtkEditable   *editable,
                  PdRulesEditor *self)
{
  PdPoints points;

  if (!self->loading)
    set_error_state (GTK_WIDGET (editable), !parse_bonus (gtk_editable_get_text (editable), &points));
}

static void
bonus_apply_cb (AdwEntryRow   *row,
                PdRulesEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  gboolean pole = g_object_get_data (G_OBJECT (row), "pd-pole") != NULL;
  PdSessionRule *rule;
  PdPoints points;
  int c, k;

  get_slot (row, &c, &k);
  if (!parse_bonus (text, &points))
    {
      g_autofree char *message = NULL;

      /* TRANSLATORS: %s is what was typed as a bonus */
      message = g_strdup_printf (_("“%s” is not a number of points"), text);
      set_error_state (GTK_WIDGET (row), TRUE);
      show_error (self, message);
      return;
    }

  rule = session_rule (self, c, k);
  if (pole)
    rule->pole = points;
  else
    {
      rule->fastest_lap = points;
      gtk_widget_set_sensitive (gtk_widget_get_ancestor (GTK_WIDGET (self->sessions[c][k].fastest_lap_top),
                                                         ADW_TYPE_ACTION_ROW),
                                !pd_points_is_zero (points));
    }
  set_error_state (GTK_WIDGET (row), FALSE);
  save (self);
}

static void
per_class_cb (GtkSwitch     *toggle,
              GParamSpec    *pspec,
              PdRulesEditor *self)
{
  int c, k;

  if (self->loading)
    return;
  get_slot (toggle, &c, &k);
  session_rule (self, c, k)->per_class = gtk_switch_get_active (toggle);
  update_subtitle (self, c, k);
  save (self);
}

static void
top_changed_cb (GtkSpinButton *spin,
                PdRulesEditor *self)
{
  int c, k;

  if (self->loading)
    return;
  get_slot (spin, &c, &k);
  session_rule (self, c, k)->fastest_lap_top = gtk_spin_button_get_value_as_int (spin);
  save (self);
}

static void
counting_changed_cb (GObject       *object,
                     GParamSpec    *pspec,
                     PdRulesEditor *self)
{
  int c = GPOINTER_TO_INT (g_object_get_data (object, "pd-championship"));
  CountingRows *rows = &self->counting[c];
  PdCounting *counting = &championship (self, c)->counting;

  if (self->loading)
    return;

  switch (adw_combo_row_get_selected (rows->mode))
    {
    case COUNT_ALL:
      counting->n_parts = 0;
      break;
    case COUNT_BEST:
      counting->n_parts = 1;
      counting->parts[0].rounds = 0;
      counting->parts[0].best = gtk_spin_button_get_value_as_int (rows->best);
      break;
    default:
      /* The first part and the rest; further parts of a rules file stay. */
      if (counting->n_parts < 2)
        {
          counting->n_parts = 2;
          counting->parts[1].rounds = 0;
        }
      counting->parts[0].rounds = gtk_spin_button_get_value_as_int (rows->first_rounds);
      counting->parts[0].best = gtk_spin_button_get_value_as_int (rows->first_best);
      counting->parts[1].best = gtk_spin_button_get_value_as_int (rows->rest_best);
      break;
    }

  self->loading = TRUE;
  load_counting (self, c);
  self->loading = FALSE;
  save (self);
}

static void
spin_counting_cb (GtkSpinButton *spin,
                  PdRulesEditor *self)
{
  counting_changed_cb (G_OBJECT (spin), NULL, self);
}

static void
teams_changed_cb (GtkSwitch     *toggle,
                  GParamSpec    *pspec,
                  PdRulesEditor *self)
{
  PdChampionshipRules *teams = &self->rules->teams;

  if (self->loading)
    return;

  if (toggle == self->teams_enabled)
    {
      teams->enabled = gtk_switch_get_active (toggle);
      for (guint i = 0; i < self->teams_groups->len; i++)
        gtk_widget_set_sensitive (self->teams_groups->pdata[i], teams->enabled);
    }
  else if (toggle == self->best_car_only)
    teams->best_car_only = gtk_switch_get_active (toggle);
  else
    teams->fastest_lap = gtk_switch_get_active (toggle);
  save (self);
}

static void
combo_changed_cb (AdwComboRow   *row,
                  GParamSpec    *pspec,
                  PdRulesEditor *self)
{
  if (self->loading)
    return;
  if (row == self->shared_cars)
    self->rules->drivers.shared_cars = adw_combo_row_get_selected (row);
  else
    self->rules->tie_break = adw_combo_row_get_selected (row);
  save (self);
}

static void
name_apply_cb (AdwEntryRow   *row,
               PdRulesEditor *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (*name == '\0')
    {
      set_error_state (GTK_WIDGET (row), TRUE);
      show_error (self, _("The rules need a name"));
      return;
    }
  set_error_state (GTK_WIDGET (row), FALSE);
  g_free (self->rules->name);
  self->rules->name = g_steal_pointer (&name);
  save (self);
}

/* Building the pages. */

static void
add_row (GtkWidget *parent,
         GtkWidget *row)
{
  if (ADW_IS_EXPANDER_ROW (parent))
    adw_expander_row_add_row (ADW_EXPANDER_ROW (parent), row);
  else
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (parent), row);
}

static AdwEntryRow *
add_entry_row (GtkWidget  *parent,
               const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  add_row (parent, row);
  return ADW_ENTRY_ROW (row);
}

static GtkSwitch *
add_switch_row (GtkWidget  *parent,
                const char *title,
                const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *toggle = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggle), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
  add_row (parent, row);
  return GTK_SWITCH (toggle);
}

static GtkSpinButton *
add_spin_row (GtkWidget   *parent,
              const char  *title,
              const char  *subtitle,
              int          min,
              int          max,
              GtkWidget  **row_out)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  add_row (parent, row);
  if (row_out != NULL)
    *row_out = row;
  return GTK_SPIN_BUTTON (spin);
}

static AdwComboRow *
add_combo_row (GtkWidget          *parent,
               const char         *title,
               const char * const *items)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr(GtkStringList) model = gtk_string_list_new (items);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (model));
  add_row (parent, row);
  return ADW_COMBO_ROW (row);
}

static GtkWidget *
add_group (AdwPreferencesPage *page,
           const char         *title,
           const char         *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  if (title != NULL)
    adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  adw_preferences_page_add (page, ADW_PREFERENCES_GROUP (group));
  return group;
}

static void
add_session_rows (PdRulesEditor *self,
                  GtkWidget     *group,
                  int            c,
                  int            k)
{
  SessionRows *rows = &self->sessions[c][k];
  GtkWidget *expander = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), pd_session_kind_to_label (edited_kinds[k]));
  adw_expander_row_set_show_enable_switch (ADW_EXPANDER_ROW (expander), TRUE);
  add_row (group, expander);
  rows->expander = ADW_EXPANDER_ROW (expander);

  rows->table = add_entry_row (expander, _("Points by Place, First Place First"));
  rows->per_class = add_switch_row (expander, _("Places Within Each Class"),
                                    _("Off: places in the whole field"));
  rows->fastest_lap = add_entry_row (expander, _("Fastest Lap Points"));
  rows->fastest_lap_top = add_spin_row (expander, _("Fastest Lap Only in the Top"),
                                        _("0: any driver, even one who retired"), 0, 200, NULL);
  rows->pole = add_entry_row (expander, _("Pole Position Points"));
  g_object_set_data (G_OBJECT (rows->pole), "pd-pole", GINT_TO_POINTER (TRUE));

  set_slot (expander, c, k);
  set_slot (rows->table, c, k);
  set_slot (rows->per_class, c, k);
  set_slot (rows->fastest_lap, c, k);
  set_slot (rows->fastest_lap_top, c, k);
  set_slot (rows->pole, c, k);

  g_signal_connect (expander, "notify::enable-expansion", G_CALLBACK (enable_expansion_cb), self);
  g_signal_connect (rows->table, "changed", G_CALLBACK (table_changed_cb), self);
  g_signal_connect (rows->table, "apply", G_CALLBACK (table_apply_cb), self);
  g_signal_connect (rows->per_class, "notify::active", G_CALLBACK (per_class_cb), self);
  g_signal_connect (rows->fastest_lap, "changed", G_CALLBACK (bonus_changed_cb), self);
  g_signal_connect (rows->fastest_lap, "apply", G_CALLBACK (bonus_apply_cb), self);
  g_signal_connect (rows->fastest_lap_top, "value-changed", G_CALLBACK (top_changed_cb), self);
  g_signal_connect (rows->pole, "changed", G_CALLBACK (bonus_changed_cb), self);
  g_signal_connect (rows->pole, "apply", G_CALLBACK (bonus_apply_cb), self);
}

static void
add_counting_rows (PdRulesEditor *self,
                   GtkWidget     *group,
                   int            c)
{
  const char * const modes[] = {
    _("All Results"), _("The Best Results"), _("The Best of Each Part of the Season"), NULL
  };
  CountingRows *rows = &self->counting[c];

  rows->mode = add_combo_row (group, _("Results That Count"), modes);
  rows->best = add_spin_row (group, _("Best Results"), NULL, 1, 1000, &rows->best_row);
  rows->first_rounds = add_spin_row (group, _("Rounds in the First Part"), NULL, 1, 1000, &rows->first_rounds_row);
  rows->first_best = add_spin_row (group, _("Best Results of the First Part"), _("0: all of them"),
                                   0, 1000, &rows->first_best_row);
  rows->rest_best = add_spin_row (group, _("Best Results of the Rest"), _("0: all of them"),
                                  0, 1000, &rows->rest_best_row);

  g_object_set_data (G_OBJECT (rows->mode), "pd-championship", GINT_TO_POINTER (c));
  g_object_set_data (G_OBJECT (rows->best), "pd-championship", GINT_TO_POINTER (c));
  g_object_set_data (G_OBJECT (rows->first_rounds), "pd-championship", GINT_TO_POINTER (c));
  g_object_set_data (G_OBJECT (rows->first_best), "pd-championship", GINT_TO_POINTER (c));
  g_object_set_data (G_OBJECT (rows->rest_best), "pd-championship", GINT_TO_POINTER (c));
  g_signal_connect (rows->mode, "notify::selected", G_CALLBACK (counting_changed_cb), self);
  g_signal_connect (rows->best, "value-changed", G_CALLBACK (spin_counting_cb), self);
  g_signal_connect (rows->first_rounds, "value-changed", G_CALLBACK (spin_counting_cb), self);
  g_signal_connect (rows->first_best, "value-changed", G_CALLBACK (spin_counting_cb), self);
  g_signal_connect (rows->rest_best, "value-changed", G_CALLBACK (spin_counting_cb), self);
}

static AdwPreferencesPage *
add_page (PdRulesEditor *self,
          const char    *name,
          const char    *title,
          const char    *icon_name)
{
  GtkWidget *page = adw_preferences_page_new ();

  adw_preferences_page_set_name (ADW_PREFERENCES_PAGE (page), name);
  adw_preferences_page_set_title (ADW_PREFERENCES_PAGE (page), title);
  adw_preferences_page_set_icon_name (ADW_PREFERENCES_PAGE (page), icon_name);
  adw_preferences_page_set_use_underline (ADW_PREFERENCES_PAGE (page), TRUE);
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (page));
  return ADW_PREFERENCES_PAGE (page);
}

static void
build_drivers_page (PdRulesEditor *self)
{
  AdwPreferencesPage *page = add_page (self, "drivers", _("_Drivers"), "avatar-default-symbolic");
  GtkWidget *group = add_group (page, _("Sessions That Score"),
                                _("Points by place apart by spaces, such as “25 18 15”; exact values such as 4.5 or 1/7. Leave a bonus empty for none. Press Enter to apply."));
  const char * const shared[] = {
    _("Divided Among Its Drivers"), _("Nothing"), _("All of Them to Each Driver"), NULL
  };

  for (int k = 0; k < N_EDITED_KINDS; k++)
    add_session_rows (self, group, 0, k);

  group = add_group (page, _("Counting"), NULL);
  add_counting_rows (self, group, 0);

  group = add_group (page, _("Shared Cars"), NULL);
  self->shared_cars = add_combo_row (group, _("The Points of a Car With Several Drivers"), shared);
  g_signal_connect (self->shared_cars, "notify::selected", G_CALLBACK (combo_changed_cb), self);
}

static void
build_teams_page (PdRulesEditor *self)
{
  AdwPreferencesPage *page = add_page (self, "teams", _("_Teams"), "system-users-symbolic");
  GtkWidget *group = add_group (page, NULL, NULL);

  self->teams_enabled = add_switch_row (group, _("Teams’ Championship"), NULL);
  group = add_group (page, _("Sessions That Score"),
                     _("Switched off, a session scores for the teams as it does for the drivers."));
  g_ptr_array_add (self->teams_groups, group);
  self->best_car_only = add_switch_row (group, _("Only the Best Car of a Team Scores"), NULL);
  self->teams_fastest_lap = add_switch_row (group, _("Fastest Lap Points Count"), NULL);
  for (int k = 0; k < N_EDITED_KINDS; k++)
    add_session_rows (self, group, 1, k);

  group = add_group (page, _("Counting"), NULL);
  g_ptr_array_add (self->teams_groups, group);
  add_counting_rows (self, group, 1);

  g_signal_connect (self->teams_enabled, "notify::active", G_CALLBACK (teams_changed_cb), self);
  g_signal_connect (self->best_car_only, "notify::active", G_CALLBACK (teams_changed_cb), self);
  g_signal_connect (self->teams_fastest_lap, "notify::active", G_CALLBACK (teams_changed_cb), self);
}

static void
build_general_page (PdRulesEditor *self)
{
  AdwPreferencesPage *page = add_page (self, "general", _("_General"), "emblem-system-symbolic");
  GtkWidget *group = add_group (page, _("Rules"), NULL);
  const char * const ties[] = {
    _("Countback"), _("Shared Positions"), NULL
  };
  g_auto(GStrv) sources = NULL;
  g_auto(GStrv) decisions = pd_rules_describe_decisions (self->rules, &sources);

  self->name = add_entry_row (group, _("_Name"));
  g_signal_connect (self->name, "apply", G_CALLBACK (name_apply_cb), self);
  self->tie_break = add_combo_row (group, _("Ties"), ties);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->tie_break),
                               _("Countback: most wins, then most second places, and so on"));
  g_signal_connect (self->tie_break, "notify::selected", G_CALLBACK (combo_changed_cb), self);
  if (self->rules->source != NULL && *self->rules->source != '\0')
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Source"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), self->rules->source);
      add_row (group, row);
    }

  group = add_group (page, _("Decisions of the Season"),
                     _("Each names its source and is kept as it is; change them in a rules file with “paddock-cli rules”."));
  for (guint i = 0; decisions[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), decisions[i]);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), sources[i]);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
      add_row (group, row);
    }
  if (decisions[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("None"));
      gtk_widget_add_css_class (row, "dim-label");
      add_row (group, row);
    }
}

static void
pd_rules_editor_finalize (GObject *object)
{
  PdRulesEditor *self = (PdRulesEditor *) object;

  g_clear_object (&self->store);
  g_clear_pointer (&self->season_id, g_free);
  g_clear_pointer (&self->rules, pd_rules_free);
  g_clear_pointer (&self->teams_groups, g_ptr_array_unref);

  G_OBJECT_CLASS (pd_rules_editor_parent_class)->finalize (object);
}

static void
pd_rules_editor_class_init (PdRulesEditorClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_rules_editor_finalize;

  /**
   * PdRulesEditor::rules-changed:
   *
   * The season's rules were changed and stored.
   */
  signals[RULES_CHANGED] = g_signal_new ("rules-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
pd_rules_editor_init (PdRulesEditor *self)
{
  self->teams_groups = g_ptr_array_new ();
}

/**
 * pd_rules_editor_new:
 * @rules: the season's rules now; the editor works on a copy
 *
 * Returns: (transfer full) (nullable): an editor of @season_id's points
 *   rules, or %NULL with @error if the rules cannot be written
 */
PdRulesEditor *
pd_rules_editor_new (PdStore        *store,
                     const char     *season_id,
                     const PdRules  *rules,
                     GError        **error)
{
  g_autofree char *json = NULL;
  g_autoptr(PdRules) copy = NULL;
  PdRulesEditor *self;

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (season_id != NULL, NULL);
  g_return_val_if_fail (rules != NULL, NULL);

  /* A copy through the writer: what is edited is what will be stored. */
  json = pd_rules_to_json (rules);
  copy = pd_rules_parse (json, strlen (json), error);
  if (copy == NULL)
    return NULL;

  self = g_object_new (PD_TYPE_RULES_EDITOR,
                       "title", _("Points Rules"),
                       "default-width", 640,
                       "default-height", 720,
                       "modal", TRUE,
                       NULL);
  self->store = g_object_ref (store);
  self->season_id = g_strdup (season_id);
  self->rules = g_steal_pointer (&copy);

  build_drivers_page (self);
  build_teams_page (self);
  build_general_page (self);
  load (self);
  return self;
}

/**
 * pd_rules_editor_get_rules:
 *
 * Returns: (transfer none): the rules as edited so far
 */
const PdRules *
pd_rules_editor_get_rules (PdRulesEditor *self)
{
  g_return_val_if_fail (PD_IS_RULES_EDITOR (self), NULL);

  return self->rules;
}
