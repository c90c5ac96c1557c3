#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-calendar-view.h"
#include "pd-feed-ui.h"
#include "pd-schedule.h"
#include "pd-time.h"
#include "pd-ui-util.h"

/*
 * The season's rounds on a month grid and as a list. Choosing a round,
 * in either, shows its circuit and sessions.
 */

struct _PdCalendarView
{
  GtkWidget           parent_instance;

  AdwLeaflet         *leaflet;
  GtkCalendar        *calendar;
  GtkListView        *round_list;
  GtkWidget          *detail;
  GtkButton          *back_button;
  GtkStack           *detail_stack;
  GtkLabel           *round_title;
  GtkLabel           *round_dates;
  GtkLabel           *round_note;
  GtkListBox         *circuit_list;
  GtkListBox         *session_list;
  GtkButton          *schedule_button;

  PdStore            *store;
  GtkSingleSelection *selection;
  GHashTable         *changed;   /* sessions a feed changed, unseen */
};

G_DEFINE_FINAL_TYPE (PdCalendarView, pd_calendar_view, GTK_TYPE_WIDGET)

enum {
  SHOW_SCHEDULE,
  SHOW_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
toast_error (PdCalendarView *self,
             const GError   *error)
{
  g_signal_emit (self, signals[SHOW_TOAST], 0, error->message);
}

static PdRound *
selected_round (PdCalendarView *self)
{
  return self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;
}

/* Marks the days of the displayed month on which a round is held. */
static void
update_marks (PdCalendarView *self,
              int             year,
              int             month)
{
  GListModel *rounds = self->selection != NULL ? gtk_single_selection_get_model (self->selection) : NULL;

  gtk_calendar_clear_marks (self->calendar);
  for (guint i = 0; rounds != NULL && i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);
      int y, m, d, y2, m2, d2;
      GDate day, last;

      if (pd_round_get_status (round) == PD_ROUND_STATUS_CANCELLED ||
          !pd_time_parse_date (pd_round_get_start_date (round), &y, &m, &d))
        continue;
      if (!pd_time_parse_date (pd_round_get_end_date (round), &y2, &m2, &d2))
        y2 = y, m2 = m, d2 = d;

      g_date_clear (&day, 1);
      g_date_clear (&last, 1);
      g_date_set_dmy (&day, d, m, y);
      g_date_set_dmy (&last, d2, m2, y2);
      for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
        if (g_date_get_year (&day) == year && (int) g_date_get_month (&day) == month)
          gtk_calendar_mark_day (self->calendar, g_date_get_day (&day));
    }
}

static void
month_changed_cb (PdCalendarView *self)
{
  int year, month;

  /* GTK 4.8 has no getters for the displayed month, only properties. */
  g_object_get (self->calendar, "year", &year, "month", &month, NULL);
  update_marks (self, year, month + 1);
}

static void
show_round (PdCalendarView *self,
            PdRound        *round)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdCircuit) circuit = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();
  g_autofree char *title = NULL;
  g_autofree char *dates = NULL;
  const char *note;

  pd_ui_clear_list_box (self->circuit_list);
  pd_ui_clear_list_box (self->session_list);

  if (round == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->detail_stack, "round");

  title = pd_ui_round_title (round);
  gtk_label_set_label (self->round_title, title);

  dates = pd_format_date_range (pd_round_get_start_date (round), pd_round_get_end_date (round));
  if (pd_round_get_status (round) != PD_ROUND_STATUS_SCHEDULED)
    {
      g_autofree char *with_status = g_strdup_printf ("%s · %s", dates,
                                                      pd_round_status_to_label (pd_round_get_status (round)));
      g_free (dates);
      dates = g_steal_pointer (&with_status);
    }
  gtk_label_set_label (self->round_dates, dates);

  note = pd_round_get_note (round);
  gtk_label_set_label (self->round_note, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->round_note), note != NULL && *note != '\0');

  if (pd_round_get_circuit_id (round) != NULL)
    {
      circuit = pd_store_get (self->store, PD_TYPE_CIRCUIT, pd_round_get_circuit_id (round), &error);
      if (circuit == NULL)
        toast_error (self, error);
      g_clear_error (&error);
    }

  if (circuit != NULL)
    {
      g_autofree char *place = NULL;
      g_autofree char *length = NULL;
      g_autofree char *turns = NULL;
      const char *locality = pd_circuit_get_locality (circuit);
      const char *country = pd_circuit_get_country (circuit);

      if (locality != NULL && country != NULL)
        /* TRANSLATORS: a circuit's place: town, country */
        place = g_strdup_printf (_("%s, %s"), locality, country);
      else
        place = g_strdup (locality != NULL ? locality : country != NULL ? country : "—");

      if (pd_circuit_get_length_m (circuit) > 0)
        /* TRANSLATORS: a lap length in kilometres, such as "4.655 km" */
        length = g_strdup_printf (_("%.3f km"), pd_circuit_get_length_m (circuit) / 1000.0);
      if (pd_circuit_get_turns (circuit) > 0)
        turns = g_strdup_printf ("%d", pd_circuit_get_turns (circuit));

      gtk_list_box_append (self->circuit_list, pd_ui_value_row_new (_("Track"), pd_circuit_get_name (circuit)));
      gtk_list_box_append (self->circuit_list, pd_ui_value_row_new (_("Place"), place));
      gtk_list_box_append (self->circuit_list, pd_ui_value_row_new (_("Length"), length != NULL ? length : "—"));
      gtk_list_box_append (self->circuit_list, pd_ui_value_row_new (_("Turns"), turns != NULL ? turns : "—"));
      gtk_list_box_append (self->circuit_list, pd_ui_value_row_new (_("Time zone"), pd_circuit_get_zone (circuit)));
    }

  sessions = pd_store_list_sessions (self->store, pd_round_get_id (round), &error);
  if (sessions == NULL)
    {
      toast_error (self, error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      g_autofree char *day = NULL;
      g_autofree char *when = pd_ui_session_when (session, circuit, local_zone);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      day = pd_session_get_start_date (session) != NULL
        ? pd_format_day (pd_session_get_start_date (session))
        : g_strdup (_("Day not announced"));
      subtitle = g_strdup_printf ("%s · %s", day, when);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), pd_session_get_name (session));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      pd_feed_ui_mark_changed (row, self->changed, pd_session_get_id (session));
      gtk_list_box_append (self->session_list, row);
    }

  if (g_list_model_get_n_items (sessions) == 0)
    gtk_list_box_append (self->session_list, pd_ui_value_row_new (_("No sessions"), ""));

  gtk_widget_set_sensitive (GTK_WIDGET (self->schedule_button), g_list_model_get_n_items (sessions) > 0);
}

static void
selection_changed_cb (PdCalendarView *self)
{
  PdRound *round = selected_round (self);
  int y, m, d;

  show_round (self, round);

  /* Show the round's first day on the grid. */
  if (round != NULL && pd_time_parse_date (pd_round_get_start_date (round), &y, &m, &d))
    {
      g_autoptr(GDateTime) day = g_date_time_new_local (y, m, d, 12, 0, 0);

      /* GtkCalendar applies marks when it lays out a month, so they are
       * set before the month is shown. */
      update_marks (self, y, m);
      gtk_calendar_select_day (self->calendar, day);
    }
}

static void
round_activated_cb (PdCalendarView *self,
                    guint           position)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* A click on a day of a round selects that round. */
static void
day_selected_cb (PdCalendarView *self)
{
  g_autoptr(GDateTime) dt = gtk_calendar_get_date (self->calendar);
  g_autofree char *date = g_date_time_format (dt, "%Y-%m-%d");
  GListModel *rounds = self->selection != NULL ? gtk_single_selection_get_model (self->selection) : NULL;

  for (guint i = 0; rounds != NULL && i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);
      const char *start = pd_round_get_start_date (round);
      const char *end = pd_round_get_end_date (round) != NULL ? pd_round_get_end_date (round) : start;

      if (start != NULL && g_strcmp0 (start, date) <= 0 && g_strcmp0 (date, end) <= 0)
        {
          if (gtk_single_selection_get_selected (self->selection) != i)
            gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
schedule_clicked_cb (PdCalendarView *self)
{
  PdRound *round = selected_round (self);

  if (round != NULL)
    g_signal_emit (self, signals[SHOW_SCHEDULE], 0, pd_round_get_id (round));
}

static void
back_clicked_cb (PdCalendarView *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
setup_round_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
bind_round_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  PdRound *round = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *name = pd_ui_round_title (round);
  g_autofree char *dates = pd_format_date_range (pd_round_get_start_date (round),
                                                 pd_round_get_end_date (round));

  gtk_label_set_label (GTK_LABEL (title), name);
  if (pd_round_get_status (round) != PD_ROUND_STATUS_SCHEDULED)
    {
      g_autofree char *text = g_strdup_printf ("%s · %s", dates,
                                               pd_round_status_to_label (pd_round_get_status (round)));
      gtk_label_set_label (GTK_LABEL (subtitle), text);
    }
  else
    gtk_label_set_label (GTK_LABEL (subtitle), dates);
}

static void
pd_calendar_view_dispose (GObject *object)
{
  PdCalendarView *self = (PdCalendarView *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_CALENDAR_VIEW);
  pd_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->changed, g_hash_table_unref);

  G_OBJECT_CLASS (pd_calendar_view_parent_class)->dispose (object);
}

static void
pd_calendar_view_class_init (PdCalendarViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_calendar_view_dispose;

  /**
   * PdCalendarView::show-schedule:
   * @round_id: the round to show
   */
  signals[SHOW_SCHEDULE] = g_signal_new ("show-schedule", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * PdCalendarView::show-toast:
   * @message: a translated message for the window to show
   */
  signals[SHOW_TOAST] = g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/paddock/Paddock/ui/pd-calendar-view.ui");
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, calendar);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, round_list);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, detail);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, back_button);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, round_title);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, round_dates);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, round_note);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, circuit_list);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, session_list);
  gtk_widget_class_bind_template_child (widget_class, PdCalendarView, schedule_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pd_calendar_view_init (PdCalendarView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_round_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_round_cb), NULL);
  gtk_list_view_set_factory (self->round_list, factory);

  g_signal_connect_object (self->round_list, "activate", G_CALLBACK (round_activated_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "next-month", G_CALLBACK (month_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "prev-month", G_CALLBACK (month_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "next-year", G_CALLBACK (month_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->calendar, "prev-year", G_CALLBACK (month_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->schedule_button, "clicked", G_CALLBACK (schedule_clicked_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->back_button, "clicked", G_CALLBACK (back_clicked_cb), self, G_CONNECT_SWAPPED);
}

/**
 * pd_calendar_view_set_season:
 *
 * Shows the rounds of @season_id, with the next round to come selected, or
 * the last one of a finished season.
 */
void
pd_calendar_view_set_season (PdCalendarView *self,
                             PdStore        *store,
                             const char     *season_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) rounds = NULL;
  guint selected;

  g_return_if_fail (PD_IS_CALENDAR_VIEW (self));
  g_return_if_fail (PD_IS_STORE (store));

  g_set_object (&self->store, store);
  g_clear_pointer (&self->changed, g_hash_table_unref);
  self->changed = pd_feed_ui_changed_sessions (store, season_id);

  rounds = pd_store_list_rounds (store, season_id, &error);
  if (rounds == NULL)
    {
      toast_error (self, error);
      rounds = G_LIST_MODEL (g_list_store_new (PD_TYPE_ROUND));
    }

  selected = pd_ui_current_round (rounds);

  if (self->selection != NULL)
    g_signal_handlers_disconnect_by_data (self->selection, self);
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (rounds));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  if (g_list_model_get_n_items (rounds) > 0)
    gtk_single_selection_set_selected (self->selection, selected);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->round_list, GTK_SELECTION_MODEL (self->selection));

  selection_changed_cb (self);
}
