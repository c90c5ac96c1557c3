/* The app under Xvfb: opens on the demo season, lists its rounds, shows
 * Barcelona's schedule and Spa's Race 2 classification, and writes a
 * screenshot of each view (wide, narrow and dark) into the build folder. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <locale.h>

#include "pd-alkamel.h"
#include "pd-application.h"
#include "pd-changes-window.h"
#include "pd-chart-panel.h"
#include "pd-calendar-view.h"
#include "pd-entry-list-window.h"
#include "pd-preferences-window.h"
#include "pd-reminders.h"
#include "pd-feed-status.h"
#include "pd-follow-dialog.h"
#include "pd-results-editor-view.h"
#include "pd-results-view.h"
#include "pd-rules-editor.h"
#include "pd-schedule-view.h"
#include "pd-season-json.h"
#include "pd-standings-view.h"
#include "pd-test.h"
#include "pd-user-prefs.h"
#include "pd-window.h"
#include "pd-window-feeds.h"

static PdApplication *app;
static PdWindow *window;
static char *tmpdir;
static gboolean swedish;

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The text of every label that is shown, one a line. */
static void
collect_text (GtkWidget *root,
              GString   *out)
{
  if (!gtk_widget_get_mapped (root))
    return;

  if (GTK_IS_LABEL (root))
    g_string_append_printf (out, "%s\n", gtk_label_get_text (GTK_LABEL (root)));
  else if (ADW_IS_PREFERENCES_ROW (root))
    g_string_append_printf (out, "%s\n", adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
  if (ADW_IS_ACTION_ROW (root) && adw_action_row_get_subtitle (ADW_ACTION_ROW (root)) != NULL)
    g_string_append_printf (out, "%s\n", adw_action_row_get_subtitle (ADW_ACTION_ROW (root)));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_text (child, out);
}

static char *
shown_text (GtkWidget *root)
{
  GString *out = g_string_new (NULL);

  collect_text (root, out);
  return g_string_free (out, FALSE);
}

static gboolean
timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms, so that layout and drawing catch up. */
static void
settle (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, timeout_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
view_is_shown (gpointer data)
{
  GtkWidget *widget = data;

  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

static void
wait_for (gboolean (*condition) (gpointer),
          gpointer   data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  settle (200);
}

static void
screenshot_widget (GtkWidget  *widget,
                   const char *name)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, swedish ? "-sv" : "");
  g_autofree char *path = g_build_filename (g_getenv ("PADDOCK_SCREENSHOT_DIR"), file, NULL);

  g_assert_cmpint (width, >, 0);
  /* A widget just rebuilt has nothing to draw until its next frame. */
  for (int tries = 0; node == NULL && tries < 50; tries++)
    {
      if (tries > 0)
        settle (100);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
    }
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
screenshot (const char *name)
{
  screenshot_widget (GTK_WIDGET (window), name);
}

static void
show_view (const char *name,
           GType       type)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), type);

  g_assert_nonnull (view);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", name);
  wait_for (view_is_shown, view, name);
}

static void
test_calendar (void)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), PD_TYPE_CALENDAR_VIEW);
  GtkListView *list = GTK_LIST_VIEW (find_widget (view, GTK_TYPE_LIST_VIEW));
  GListModel *rounds = G_LIST_MODEL (gtk_list_view_get_model (list));
  g_autofree char *text = NULL;
  guint championship = 0, cancelled = 0;

  show_view ("calendar", PD_TYPE_CALENDAR_VIEW);

  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);

      championship += pd_round_get_number (round) > 0;
      cancelled += pd_round_get_status (round) == PD_ROUND_STATUS_CANCELLED;
    }
  g_assert_cmpuint (championship, ==, 6);
  g_assert_cmpuint (cancelled, ==, 1);

  /* The rows the user sees, and the round opened at "now" (30 September
   * 2023): Barcelona, with its circuit. */
  text = shown_text (view);
  for (int n = 1; n <= 6; n++)
    {
      g_autofree char *heading = g_strdup_printf (swedish ? "Omgång %d · " : "Round %d · ", n);
      g_assert_nonnull (strstr (text, heading));
    }
  g_assert_nonnull (strstr (text, "Circuit de Barcelona-Catalunya"));
  g_assert_nonnull (strstr (text, "Europe/Madrid"));
  g_assert_nonnull (strstr (text, swedish ? "4,655 km" : "4.655 km"));

  screenshot ("calendar");
}

static void
test_schedule (void)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), PD_TYPE_SCHEDULE_VIEW);
  g_autofree char *text = NULL;

  show_view ("schedule", PD_TYPE_SCHEDULE_VIEW);
  pd_schedule_view_select_round (PD_SCHEDULE_VIEW (view), "gt4-european-2023.r6");
  settle (200);

  text = shown_text (view);
  g_test_message ("%s", text);

  /* Race 1 at 16:50 track time; the test's own zone is New York. */
  g_assert_nonnull (strstr (text, swedish ? "16:50 CEST på banan" : "16:50 CEST at the track"));
  g_assert_nonnull (strstr (text, swedish ? "10:50 EDT din tid" : "10:50 EDT your time"));
  /* Qualifying 2's time was never published. */
  g_assert_nonnull (strstr (text, swedish ? "Tiden inte meddelad" : "Time not announced"));
  /* "Now" is 12:00Z on the Saturday: Race 1 starts in 2 h 50 min. */
  g_assert_nonnull (strstr (text, swedish ? "om 2 h 50 min 00 s" : "in 2 h 50 min 00 s"));

  screenshot ("schedule");
}

/* A sheet exported as a PDF, and the same sheet printed through
 * GtkPrintOperation to a file. */
typedef struct {
  char *dir;
  char *exported;
  char *printed;
} SheetFiles;

static void
sheet_files_init (SheetFiles *files)
{
  files->dir = g_dir_make_tmp ("paddock-sheet-XXXXXX", NULL);
  g_assert_nonnull (files->dir);
  files->exported = g_build_filename (files->dir, "exported.pdf", NULL);
  files->printed = g_build_filename (files->dir, "printed.pdf", NULL);
}

/* The text of both, which must be the same; the files are removed. */
static char *
sheet_files_text (SheetFiles *files)
{
  char *exported_text = pd_test_pdf_text (files->exported);
  g_autofree char *printed_text = pd_test_pdf_text (files->printed);

  g_test_message ("%s", exported_text);
  g_assert_cmpstr (exported_text, ==, printed_text);
  g_assert_cmpint (g_remove (files->exported), ==, 0);
  g_assert_cmpint (g_remove (files->printed), ==, 0);
  g_assert_cmpint (g_rmdir (files->dir), ==, 0);
  g_clear_pointer (&files->exported, g_free);
  g_clear_pointer (&files->printed, g_free);
  g_clear_pointer (&files->dir, g_free);
  return exported_text;
}

/* The lines of a CSV file a view exported, which must end in CRLF. */
static char **
read_csv (const char *path)
{
  g_autofree char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_cmpint (g_remove (path), ==, 0);
  return g_strsplit (text, "\r\n", -1);
}

static void
test_results (void)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), PD_TYPE_RESULTS_VIEW);
  g_autofree char *text = NULL;

  show_view ("results", PD_TYPE_RESULTS_VIEW);
  pd_results_view_select_session (PD_RESULTS_VIEW (view), "gt4-european-2023.r3", "gt4-european-2023.r3.race2");
  settle (300);

  text = shown_text (view);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Andreas Bäckman"));
  g_assert_nonnull (strstr (text, "\n26\n"));
  g_assert_nonnull (strstr (text, "\n20\n"));
  g_assert_nonnull (strstr (text, "\n34\n"));
  g_assert_nonnull (strstr (text, swedish ? "18 på vägen" : "18 on the road"));
  g_assert_nonnull (strstr (text, "+11 s"));

  screenshot ("results");

  /* The menu beside Edit Results offers the exports and printing. */
  {
    GtkMenuButton *menu = NULL;
    g_autoptr(GString) items = g_string_new (NULL);
    GMenuModel *model;

    for (GtkWidget *w = gtk_widget_get_first_child (gtk_widget_get_first_child (gtk_widget_get_first_child (view)));
         w != NULL; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_MENU_BUTTON (w) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (w)) != NULL)
        menu = GTK_MENU_BUTTON (w);
    g_assert_nonnull (menu);
    g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (menu)));
    model = gtk_menu_button_get_menu_model (menu);
    for (int i = 0; i < g_menu_model_get_n_items (model); i++)
      {
        g_autoptr(GMenuModel) section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);

        for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
          {
            g_autofree char *label = NULL;
            g_autofree char *action = NULL;

            g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_LABEL, "s", &label));
            g_assert_true (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &action));
            g_string_append_printf (items, "%s=%s\n", label, action);
          }
      }
    g_assert_cmpstr (items->str, ==, swedish ? "Exportera _PDF…=results.export-pdf\n"
                                               "Exportera _CSV…=results.export-csv\n"
                                               "Skriv _ut…=results.print\n"
                                             : "Export _PDF…=results.export-pdf\n"
                                               "Export _CSV…=results.export-csv\n"
                                               "_Print…=results.print\n");
  }

  /* The classification sheet: exported as a PDF, and printed through
   * GtkPrintOperation to a file, it reads the same. */
  {
    SheetFiles files;
    g_autoptr(GError) error = NULL;
    g_autofree char *sheet = NULL;

    sheet_files_init (&files);
    g_assert_true (pd_results_view_export_pdf (PD_RESULTS_VIEW (view), files.exported, &error));
    g_assert_no_error (error);
    g_assert_true (pd_results_view_print (PD_RESULTS_VIEW (view), GTK_PRINT_OPERATION_ACTION_EXPORT, files.printed,
                                          &error));
    g_assert_no_error (error);
    sheet = sheet_files_text (&files);
    g_assert_nonnull (strstr (sheet, "GT4 European Series 2023"));
    g_assert_nonnull (strstr (sheet, swedish ? "Omgång 3, Spa-Francorchamps: Race 2"
                                             : "Round 3, Spa-Francorchamps: Race 2"));
    g_assert_nonnull (strstr (sheet, swedish ? "Slutgiltig resultatlista" : "Final classification"));
    g_assert_true (g_regex_match_simple ("\n +26 +Silver +20 +Jessica Bäckman / Andreas Bäckman ", sheet, 0, 0));
    g_assert_nonnull (strstr (sheet, swedish ? "[1] Jessica Bäckman / Andreas Bäckman: 18 på vägen; Tidsstraff, +11 s"
                                             : "[1] Jessica Bäckman / Andreas Bäckman: 18 on the road; Time penalty, +11 s"));
    g_assert_nonnull (strstr (sheet, swedish ? "Sida 1 av 1" : "Page 1 of 1"));
  }

  /* The classification as CSV, with each kind of column headings. */
  {
    g_autofree char *dir = g_dir_make_tmp ("paddock-csv-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "results.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) stable = NULL;
    g_auto(GStrv) translated = NULL;
    const char *row = "26,Silver,20,,,Aston Martin Vantage GT4,Jessica Bäckman / Andreas Bäckman,classified,,,,"
                      "false,time 11000 ms (Pit stop 0.3 s under the minimum time)";

    g_assert_true (pd_results_view_export_csv (PD_RESULTS_VIEW (view), path, PD_CSV_HEADERS_STABLE, &error));
    g_assert_no_error (error);
    stable = read_csv (path);
    g_assert_cmpstr (stable[0], ==, "position,class,class_position,number,team,car,drivers,status,laps,"
                                    "total_time_ms,best_lap_ms,fastest_lap,penalties");
    g_assert_cmpstr (stable[1], ==, row);
    g_assert_true (pd_results_view_export_csv (PD_RESULTS_VIEW (view), path, PD_CSV_HEADERS_TRANSLATED, &error));
    g_assert_no_error (error);
    translated = read_csv (path);
    g_assert_cmpstr (translated[0], ==, swedish ? "Placering,Klass,Placering i klassen,Nummer,Team,Bil,Förare,Status,"
                                                  "Varv,Total tid (ms),Bästa varv (ms),Snabbaste varv,Straff"
                                                : "Position,Class,Class position,Number,Team,Car,Drivers,Status,Laps,"
                                                  "Total time (ms),Best lap (ms),Fastest lap,Penalties");
    g_assert_cmpstr (translated[1], ==, row);
    g_assert_cmpstr (translated[2], ==, "");
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }
}

/* Picks a points rules preset in the standings view's popover and uses it. */
static void
choose_preset (GtkWidget  *view,
               const char *id)
{
  GtkWidget *button = find_widget (view, GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  GtkDropDown *presets = GTK_DROP_DOWN (find_widget (gtk_popover_get_child (popover), GTK_TYPE_DROP_DOWN));
  /* The preset chooser and its button share a row. */
  GtkWidget *use = gtk_widget_get_next_sibling (GTK_WIDGET (presets));
  GListModel *ids = gtk_drop_down_get_model (presets);
  gboolean found = FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (ids); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (ids, i);

      if (g_str_equal (gtk_string_object_get_string (item), id))
        {
          gtk_drop_down_set_selected (presets, i);
          found = TRUE;
        }
    }
  g_assert_true (found);
  g_assert_true (GTK_IS_BUTTON (use) && !GTK_IS_TOGGLE_BUTTON (use));
  g_signal_emit_by_name (use, "clicked");
  settle (300);
}

static void
test_standings (void)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), PD_TYPE_STANDINGS_VIEW);
  g_autofree char *drivers = NULL;
  g_autofree char *silver = NULL;

  show_view ("standings", PD_TYPE_STANDINGS_VIEW);

  /* With the seeds' partial results: #2 Schrey/Piana won Race 2 at
   * Barcelona (25) and were second of the Silver cars known to have
   * finished Race 1 (18): 43, level, so their position is shared. */
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 0, NULL, 0);
  settle (300);
  drivers = shown_text (view);
  g_test_message ("%s", drivers);
  g_assert_nonnull (strstr (drivers, "Michael Schrey\n43\n"));
  g_assert_nonnull (strstr (drivers, "=1\n"));
  g_assert_nonnull (strstr (drivers, swedish ? "O6 Race 2" : "R6 Race 2"));

  /* The Silver class, cars: the Bäckmans' car has no points from Spa
   * (20th and 24th in class; points go to the top 10). */
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 2, "gt4-european-2023.silver", 0);
  settle (300);
  silver = shown_text (view);
  g_test_message ("%s", silver);
  g_assert_nonnull (strstr (silver, "#2 Schrey / Piana\n43\n"));
  g_assert_nonnull (strstr (silver, "Bäckman / Bäckman\n0\n"));

  /* The title fight above the table: the seeds have results at Spa and
   * Barcelona only, so the other rounds' sessions (and Barcelona's
   * qualifying) are still to come: four rounds of 1 + 1 + 25 + 25, and
   * 1 + 1, 210 points. */
  g_assert_nonnull (strstr (silver, swedish ? "Titeln\n210 poäng kvar att ta i 5 omgångar\n"
                                            : "Title\n210 points still available in 5 rounds\n"));
  g_assert_nonnull (strstr (silver, swedish ? "#2 Schrey / Piana\n43 poäng nu, högst 253\nLeder med 18 poäng\n"
                                            : "#2 Schrey / Piana\n43 points now, 253 at most\nLeads by 18 points\n"));
  g_assert_nonnull (strstr (silver, swedish ? "#3 Lariche / Consani\n25 poäng nu, högst 235\n"
                                              "Måste ta in 18 poäng på #2 Schrey / Piana\n"
                                            : "#3 Lariche / Consani\n25 points now, 235 at most\n"
                                              "Must make up 18 points on #2 Schrey / Piana\n"));
  g_assert_nonnull (strstr (silver, swedish ? "Pass i omgångar som redan körts men som saknar resultat"
                                            : "Sessions of rounds already run that have no results yet"));

  /* All classes: a title fight per class, each a line until opened. */
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 0, NULL, 0);
  settle (300);
  {
    g_autofree char *classes = shown_text (view);

    g_assert_nonnull (strstr (classes, swedish ? "Silver\n210 poäng kvar att ta i 5 omgångar\n"
                                               : "Silver\n210 points still available in 5 rounds\n"));
    g_assert_nonnull (strstr (classes, "\nPro-Am\n"));
    g_assert_null (strstr (classes, swedish ? "Leder med" : "Leads by"));
  }
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 2, "gt4-european-2023.silver", 0);
  settle (300);

  screenshot ("standings");

  /* The standings sheet: exported as a PDF, and printed through
   * GtkPrintOperation to a file, it reads the same. */
  {
    SheetFiles files;
    g_autoptr(GError) error = NULL;
    g_autofree char *exported_text = NULL;

    sheet_files_init (&files);
    g_assert_true (pd_standings_view_export_pdf (PD_STANDINGS_VIEW (view), files.exported, &error));
    g_assert_no_error (error);
    g_assert_true (pd_standings_view_print (PD_STANDINGS_VIEW (view), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            files.printed, &error));
    g_assert_no_error (error);
    exported_text = sheet_files_text (&files);
    g_assert_nonnull (strstr (exported_text, "GT4 European Series 2023"));
    g_assert_nonnull (strstr (exported_text, "Michael Schrey / Gabriele Piana"));
    g_assert_nonnull (strstr (exported_text, "Andreas Bäckman / Jessica Bäckman"));
    g_assert_nonnull (strstr (exported_text, swedish ? "Sida 1 av 1" : "Page 1 of 1"));
  }

  /* The Silver cars as CSV, with each kind of column headings: the same
   * rows, numbers with a decimal point. */
  {
    g_autofree char *dir = g_dir_make_tmp ("paddock-csv-XXXXXX", NULL);
    g_autofree char *path = g_build_filename (dir, "standings.csv", NULL);
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) stable = NULL;
    g_auto(GStrv) translated = NULL;

    g_assert_true (pd_standings_view_export_csv (PD_STANDINGS_VIEW (view), path, PD_CSV_HEADERS_STABLE, &error));
    g_assert_no_error (error);
    stable = read_csv (path);
    g_assert_cmpstr (stable[0], ==, "position,name,ref,points,wins,R3,R6");
    g_assert_cmpstr (stable[1], ==, "1,#2 Schrey / Piana,gt4-european-2023.2,43.00,1,,43.00");
    g_assert_true (pd_standings_view_export_csv (PD_STANDINGS_VIEW (view), path, PD_CSV_HEADERS_TRANSLATED, &error));
    g_assert_no_error (error);
    translated = read_csv (path);
    g_assert_cmpstr (translated[0], ==, swedish ? "Placering,Namn,Id,Poäng,Segrar,Omgång 3,Omgång 6"
                                                : "Position,Name,Identifier,Points,Wins,Round 3,Round 6");
    g_assert_cmpuint (g_strv_length (translated), ==, g_strv_length (stable));
    for (guint i = 1; stable[i] != NULL; i++)
      g_assert_cmpstr (translated[i], ==, stable[i]);
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }

  /* The season's points rules, shown with the standings. */
  {
    GtkLabel *rules = NULL;
    GtkWidget *button = find_widget (view, GTK_TYPE_MENU_BUTTON);
    GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
    g_autofree char *after = NULL;

    rules = GTK_LABEL (find_widget (gtk_popover_get_child (popover), GTK_TYPE_LABEL));
    g_assert_nonnull (strstr (gtk_label_get_text (rules), "GT4 European Series"));
    g_assert_nonnull (strstr (gtk_label_get_text (rules), "25, 18, 15, 12, 10, 8, 6, 4, 2, 1"));

    /* Picking another preset changes the standings at once: the club
     * scale gives 20 for a win, split between a car's two drivers. */
    pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 0, NULL, 0);
    choose_preset (view, "club-dropped-rounds");
    settle (300);
    after = shown_text (view);
    g_assert_nonnull (strstr (after, "Josh Rattican\n10\n"));
    g_assert_nonnull (strstr (gtk_label_get_text (rules), "Club championship with dropped rounds"));
  }
}

static gboolean
is_narrow (gpointer data);

static gboolean
is_wide (gpointer data)
{
  return !is_narrow (data);
}

/* The progression chart of the seeded season: shown in the standings
 * view (light, dark and narrow), described for screen readers, and
 * exported. */
static void
test_standings_chart (void)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), PD_TYPE_STANDINGS_VIEW);
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (find_widget (GTK_WIDGET (window),
                                                                      ADW_TYPE_VIEW_SWITCHER_TITLE));
  AdwStyleManager *style = adw_style_manager_get_default ();
  PdChartPanel *panel;
  PdProgressionChartWidget *chart;
  const PdProgression *data;
  const char *summary;
  int width, height;

  show_view ("standings", PD_TYPE_STANDINGS_VIEW);
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 0, NULL, 0);
  panel = pd_standings_view_show_chart (PD_STANDINGS_VIEW (view), TRUE);
  chart = pd_chart_panel_get_chart_widget (panel);
  wait_for (view_is_shown, chart, "the chart");
  g_assert_true (gtk_widget_get_focusable (GTK_WIDGET (chart)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (chart)), ==, GTK_ACCESSIBLE_ROLE_IMG);

  /* The six leading cars' lines (their drivers share them), over the
   * six rounds; #2 Schrey/Piana lead with 43 after Barcelona. */
  data = pd_progression_chart_get_data (pd_progression_chart_widget_get_chart (chart));
  g_assert_cmpuint (data->series->len, ==, 6);
  g_assert_cmpuint (data->rounds->len, ==, 6);
  summary = pd_progression_chart_widget_get_summary (chart);
  g_test_message ("%s", summary);
  g_assert_nonnull (strstr (summary, swedish ? "Gabriele Piana / Michael Schrey leder med 43 poäng efter omgång 6."
                                             : "Gabriele Piana / Michael Schrey leads with 43 points after round 6."));
  screenshot ("standings-chart");

  /* Following the view's choosers: the Silver class, after round 6. */
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 0, "gt4-european-2023.silver", 6);
  settle (200);
  data = pd_progression_chart_get_data (pd_progression_chart_widget_get_chart (chart));
  g_assert_cmpuint (data->series->len, ==, 3);
  g_assert_cmpstr (((PdProgressionSeries *) data->series->pdata[2])->name, ==, "Andreas Bäckman / Jessica Bäckman");

  /* Positions, in the dark style. */
  pd_chart_panel_set_mode (panel, PD_CHART_POSITION);
  g_assert_cmpint (pd_progression_chart_get_mode (pd_progression_chart_widget_get_chart (chart)), ==,
                   PD_CHART_POSITION);
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_FORCE_DARK);
  settle (300);
  g_assert_true (adw_style_manager_get_dark (style));
  screenshot ("standings-chart-dark");
  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);

  /* Narrow: the legend goes under the chart. */
  pd_chart_panel_set_mode (panel, PD_CHART_POINTS);
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 0, NULL, 0);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  wait_for (is_narrow, title, "the narrow layout");
  settle (300);
  /* The page scrolls to the chart when it takes the focus. */
  g_assert_true (gtk_widget_grab_focus (GTK_WIDGET (chart)));
  settle (300);
  g_assert_true (gtk_widget_has_focus (GTK_WIDGET (chart)));
  screenshot ("standings-chart-narrow");
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  wait_for (is_wide, title, "the wide layout");

  /* Exported: a PDF whose text names the leaders, a PNG at two pixels a
   * point. */
  {
    g_autofree char *dir = g_dir_make_tmp ("paddock-chart-XXXXXX", NULL);
    g_autofree char *pdf = g_build_filename (dir, "chart.pdf", NULL);
    g_autofree char *png = g_build_filename (dir, "chart.png", NULL);
    g_autofree char *text = NULL;
    g_autoptr(GError) error = NULL;
    cairo_surface_t *image;

    g_assert_true (pd_chart_panel_export (panel, pdf, PD_CHART_PDF, &error));
    g_assert_no_error (error);
    text = pd_test_pdf_text (pdf);
    g_assert_nonnull (strstr (text, "GT4 European Series 2023"));
    g_assert_nonnull (strstr (text, "Gabriele Piana / Michael Schrey"));
    g_assert_true (pd_chart_panel_export (panel, png, PD_CHART_PNG, &error));
    g_assert_no_error (error);
    image = cairo_image_surface_create_from_png (png);
    g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
    g_assert_cmpint (cairo_image_surface_get_width (image), >, cairo_image_surface_get_height (image));
    cairo_surface_destroy (image);
    g_assert_cmpint (g_remove (pdf), ==, 0);
    g_assert_cmpint (g_remove (png), ==, 0);
    g_assert_cmpint (g_rmdir (dir), ==, 0);
  }

  pd_standings_view_show_chart (PD_STANDINGS_VIEW (view), FALSE);
  settle (200);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (chart)));
}

static PdRulesEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (PD_IS_RULES_EDITOR (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return PD_RULES_EDITOR (toplevel);
    }
  return NULL;
}

static gboolean
editor_is_shown (gpointer data)
{
  PdRulesEditor *editor = find_editor ();

  return editor != NULL && gtk_widget_get_mapped (GTK_WIDGET (editor));
}

/* Types into an entry row and presses Enter (the row's apply). */
static void
type_and_apply (AdwEntryRow *row,
                const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text);
  g_signal_emit_by_name (row, "apply");
  settle (300);
}

/* The season's rules edited in the app: a table, the counting, a bonus;
 * the standings follow at once, a wrong value changes nothing, and the
 * rules are stored with the season. */
static void
test_rules_editor (void)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), PD_TYPE_STANDINGS_VIEW);
  GtkWidget *menu = find_widget (view, GTK_TYPE_MENU_BUTTON);
  GtkPopover *popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu));
  GtkLabel *rules_label = GTK_LABEL (find_widget (gtk_popover_get_child (popover), GTK_TYPE_LABEL));
  GtkWidget *edit = gtk_widget_get_last_child (gtk_popover_get_child (popover));
  PdRulesEditor *editor;
  GtkWidget *race, *counting_row;
  AdwEntryRow *table;
  GtkSpinButton *best;
  g_autofree char *before = NULL;
  g_autofree char *wrong = NULL;
  g_autofree char *doubled = NULL;
  g_autofree char *best_one = NULL;

  show_view ("standings", PD_TYPE_STANDINGS_VIEW);
  choose_preset (view, "gt4-european");
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 0, NULL, 0);
  settle (300);
  before = shown_text (view);
  g_assert_nonnull (strstr (before, "Michael Schrey\n43\n"));

  g_assert_true (GTK_IS_BUTTON (edit));
  g_signal_emit_by_name (edit, "clicked");
  wait_for (editor_is_shown, NULL, "the rules editor");
  editor = find_editor ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (editor)) == GTK_WINDOW (window));

  /* The drivers' page comes first, the race first on it. */
  race = find_widget (GTK_WIDGET (editor), ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (race);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (race)), ==, pd_session_kind_to_label (PD_SESSION_KIND_RACE));
  g_assert_true (adw_expander_row_get_enable_expansion (ADW_EXPANDER_ROW (race)));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (race), TRUE);
  table = ADW_ENTRY_ROW (find_widget (race, ADW_TYPE_ENTRY_ROW));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (table)), ==, "25 18 15 12 10 8 6 4 2 1");
  settle (300);
  screenshot_widget (GTK_WIDGET (editor), "rules-editor");

  /* Not a table: marked on its row, nothing changes. */
  type_and_apply (table, "50 36 30 24 zwanzig 16");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (table), "error"));
  wrong = shown_text (view);
  g_assert_nonnull (strstr (wrong, "Michael Schrey\n43\n"));

  /* Double points: the standings follow at once (25 + 18 → 50 + 36). */
  type_and_apply (table, "50 36 30 24 20 16 12 8 4 2");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (table), "error"));
  doubled = shown_text (view);
  g_test_message ("%s", doubled);
  g_assert_nonnull (strstr (doubled, "Michael Schrey\n86\n"));
  /* Stored with the season: the view read the rules back from the database. */
  g_assert_nonnull (strstr (gtk_label_get_text (rules_label), "50, 36, 30, 24, 20, 16, 12, 8, 4, 2"));

  /* Only the best result counts: 50, with 36 dropped in brackets. */
  counting_row = find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW);
  adw_combo_row_set_selected (ADW_COMBO_ROW (counting_row), 1);
  settle (100);
  best = GTK_SPIN_BUTTON (find_widget (gtk_widget_get_next_sibling (counting_row), GTK_TYPE_SPIN_BUTTON));
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_next_sibling (counting_row)));
  gtk_spin_button_set_value (best, 1);
  settle (300);
  best_one = shown_text (view);
  g_test_message ("%s", best_one);
  g_assert_nonnull (strstr (best_one, "Michael Schrey\n50\n"));
  g_assert_nonnull (strstr (best_one, "(36)\n"));
  g_assert_nonnull (strstr (gtk_label_get_text (rules_label), swedish ? "bästa 1 resultat räknas" : "the best 1 result counts"));

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (editor), "teams");
  settle (300);
  screenshot_widget (GTK_WIDGET (editor), "rules-editor-teams");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (editor), "general");
  settle (300);
  screenshot_widget (GTK_WIDGET (editor), "rules-editor-general");

  gtk_window_destroy (GTK_WINDOW (editor));
  settle (100);
}

/* The cell of the results editor for @column (its "pd-column") of car
 * @number. */
static GtkEntry *
find_cell (GtkWidget  *root,
           int         column,
           const char *number)
{
  g_autofree char *suffix = g_strdup_printf (".%s", number);

  if (GTK_IS_ENTRY (root) && GPOINTER_TO_INT (g_object_get_data (G_OBJECT (root), "pd-column")) == column &&
      g_object_get_data (G_OBJECT (root), "pd-result-id") != NULL &&
      g_str_has_suffix (g_object_get_data (G_OBJECT (root), "pd-result-id"), suffix))
    return GTK_ENTRY (root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkEntry *found = find_cell (child, column, number);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Types into a cell and presses Enter. */
static void
type_in_cell (GtkWidget  *editor,
              int         column,
              const char *number,
              const char *text)
{
  GtkEntry *cell = find_cell (editor, column, number);

  if (cell == NULL)
    g_error ("no cell %d of car %s", column, number);
  gtk_editable_set_text (GTK_EDITABLE (cell), text);
  g_signal_emit_by_name (cell, "activate");
  settle (150);
}

static void
type_car (GtkEntry   *entry,
          const char *number)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), number);
  g_signal_emit_by_name (entry, "activate");
  settle (100);
}

/* A team manager enters Paul Ricard's Race 1 (no result stored yet):
 * cars in order, then times; a +11 s penalty moves #2 from first to
 * third overall and second in the Silver class, and the standings
 * follow; undo brings them back. */
static void
test_results_editor (void)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), PD_TYPE_RESULTS_VIEW);
  GtkWidget *standings = find_widget (GTK_WIDGET (window), PD_TYPE_STANDINGS_VIEW);
  GtkWidget *editor;
  GtkToggleButton *edit = NULL;
  GtkEntry *car_entry;
  g_autofree char *entered = NULL;
  g_autofree char *table = NULL;
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  static const char * const order[] = { "2", "42", "12", "3", "77" };

  /* The standard rules again (the rules editor test changed them). */
  show_view ("standings", PD_TYPE_STANDINGS_VIEW);
  choose_preset (standings, "gt4-european");
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (standings), 0, NULL, 0);

  show_view ("results", PD_TYPE_RESULTS_VIEW);
  pd_results_view_select_session (PD_RESULTS_VIEW (view), "gt4-european-2023.r2", "gt4-european-2023.r2.race1");
  settle (200);
  /* The toggle beside the session chooser, by its (translated) label. */
  edit = GTK_TOGGLE_BUTTON (find_button (view, _("_Edit Results")));
  g_assert_nonnull (edit);
  gtk_toggle_button_set_active (edit, TRUE);
  settle (300);
  editor = find_widget (view, PD_TYPE_RESULTS_EDITOR_VIEW);
  g_assert_true (gtk_widget_get_mapped (editor));

  /* Car numbers in finishing order, Enter after each. */
  car_entry = GTK_ENTRY (find_widget (editor, GTK_TYPE_ENTRY));
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    type_car (car_entry, order[i]);
  settle (200);
  entered = shown_text (editor);
  g_test_message ("%s", entered);
  g_assert_nonnull (strstr (entered, "Michael Schrey / Gabriele Piana"));
  g_assert_true (pd_results_editor_get_results (pd_results_editor_view_get_editor (PD_RESULTS_EDITOR_VIEW (editor)))->len == 5);
  g_ptr_array_unref (pd_results_editor_get_results (pd_results_editor_view_get_editor (PD_RESULTS_EDITOR_VIEW (editor))));

  /* Alt+Up on a cell of #77 (last typed, no times yet) moves it one place up;
   * the focus stays with its cell. */
  {
    PdResultsEditor *core = pd_results_editor_view_get_editor (PD_RESULTS_EDITOR_VIEW (editor));
    g_autoptr(GPtrArray) before = pd_results_editor_get_results (core);
    g_autoptr(GPtrArray) moved = NULL;
    guint n = before->len;

    g_assert_cmpstr (pd_result_get_car_number (before->pdata[n - 1]), ==, "77");
    gtk_widget_grab_focus (GTK_WIDGET (find_cell (editor, 4, "77")));
    gtk_widget_activate_action (editor, "editor.move-up", NULL);
    settle (300);
    moved = pd_results_editor_get_results (core);
    g_assert_cmpstr (pd_result_get_car_number (moved->pdata[n - 2]), ==, "77");
    g_assert_cmpstr (pd_result_get_car_number (moved->pdata[n - 1]), ==,
                     pd_result_get_car_number (before->pdata[n - 2]));
    gtk_widget_activate_action (editor, "editor.undo", NULL);
    settle (300);
  }

  /* Not a time: marked on its cell, not saved. */
  type_in_cell (editor, 4, "2", "25");
  type_in_cell (editor, 5, "2", "1:00:0x");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (find_cell (editor, 5, "2")), "error"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (GTK_WIDGET (find_cell (editor, 5, "2"))));
  type_in_cell (editor, 5, "2", "1:00:00.000");
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (find_cell (editor, 5, "2")), "error"));
  type_in_cell (editor, 5, "42", "+5.0");
  type_in_cell (editor, 5, "12", "+10.0");
  type_in_cell (editor, 5, "3", "+20.0");
  type_in_cell (editor, 5, "77", "+30.0");

  /* Race 1 at Paul Ricard: #2 Silver winner, 25 more for Schrey. */
  show_view ("standings", PD_TYPE_STANDINGS_VIEW);
  table = shown_text (standings);
  g_assert_nonnull (strstr (table, "Michael Schrey\n68\n"));

  /* +11 s for #2: 1:00:11, behind #42 (+5) and #12 (+10). */
  show_view ("results", PD_TYPE_RESULTS_VIEW);
  {
    /* The penalty form, last under the table: car (#2 leads, first in
     * the list), kind (time, first), value, reason, document, Add. */
    GtkFlowBox *form = GTK_FLOW_BOX (gtk_widget_get_last_child (gtk_widget_get_first_child (editor)));
    GtkWidget *car = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (form, 0));
    GtkWidget *value = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (form, 2));
    GtkWidget *add = gtk_flow_box_child_get_child (gtk_flow_box_get_child_at_index (form, 5));

    g_assert_true (GTK_IS_DROP_DOWN (car) && GTK_IS_ENTRY (value) && GTK_IS_BUTTON (add));
    gtk_drop_down_set_selected (GTK_DROP_DOWN (car), 0);
    gtk_editable_set_text (GTK_EDITABLE (value), "11");
    g_signal_emit_by_name (add, "clicked");
    settle (300);
  }
  after = shown_text (editor);
  g_test_message ("%s", after);
  g_assert_nonnull (strstr (after, swedish ? "Bil 2: 1 → 3 totalt, 1 → 2 i klassen" : "Car 2: 1 → 3 overall, 1 → 2 in class"));
  screenshot ("results-editor");

  show_view ("standings", PD_TYPE_STANDINGS_VIEW);
  g_free (table);
  table = shown_text (standings);
  g_assert_nonnull (strstr (table, "Michael Schrey\n61\n"));

  /* Ctrl+Z: the penalty is undone, and the standings with it. */
  show_view ("results", PD_TYPE_RESULTS_VIEW);
  gtk_widget_activate_action (editor, "editor.undo", NULL);
  settle (300);
  show_view ("standings", PD_TYPE_STANDINGS_VIEW);
  undone = shown_text (standings);
  g_assert_nonnull (strstr (undone, "Michael Schrey\n68\n"));

  /* Rows pasted from a spreadsheet, with a preview first. */
  show_view ("results", PD_TYPE_RESULTS_VIEW);
  {
    GtkWidget *paste = find_button (editor, _("_Paste Rows…"));
    GListModel *toplevels = gtk_window_get_toplevels ();
    AdwMessageDialog *dialog = NULL;
    GtkTextView *text_view;
    GtkLabel *preview;
    g_autofree char *pasted = NULL;

    g_assert_nonnull (paste);
    g_signal_emit_by_name (paste, "clicked");
    settle (300);
    for (guint i = 0; i < g_list_model_get_n_items (toplevels) && dialog == NULL; i++)
      {
        g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

        if (ADW_IS_MESSAGE_DIALOG (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
          dialog = ADW_MESSAGE_DIALOG (toplevel);
      }
    g_assert_nonnull (dialog);
    text_view = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (dialog), GTK_TYPE_TEXT_VIEW));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "No.\tLaps\tTime\n36\t25\t+4x\n", -1);
    g_assert_false (adw_message_dialog_get_response_enabled (dialog, "paste"));
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (text_view), "No.\tLaps\tTime\n36\t25\t1:00:40.000\n", -1);
    g_assert_true (adw_message_dialog_get_response_enabled (dialog, "paste"));
    preview = GTK_LABEL (gtk_widget_get_last_child (adw_message_dialog_get_extra_child (dialog)));
    g_assert_nonnull (strstr (gtk_label_get_text (preview), "36"));
    settle (200);
    screenshot_widget (GTK_WIDGET (dialog), "paste-rows");
    adw_message_dialog_response (dialog, "paste");
    settle (300);
    pasted = shown_text (editor);
    g_assert_nonnull (strstr (pasted, "Antoine Leclerc / Jean-Bernard Bouvet"));
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find_cell (editor, 5, "36"))), ==, "1:00:40.000");
  }


  /* An Al Kamel file imported into the session: one edit, undone whole. */
  {
    g_autofree char *path = g_build_filename (g_getenv ("PADDOCK_TEST_DATA"), "alkamel", "gt4-spa-race2.csv", NULL);
    g_autoptr(GFile) file = g_file_new_for_path (path);
    g_autofree char *imported = NULL;
    g_autofree char *taken_back = NULL;

    pd_results_editor_view_import_file (PD_RESULTS_EDITOR_VIEW (editor), file);
    settle (300);
    imported = shown_text (editor);
    g_assert_nonnull (strstr (imported, "Andreas Bäckman / Jessica Bäckman"));
    g_assert_nonnull (strstr (imported, "gt4-spa-race2.csv"));
    gtk_widget_activate_action (editor, "editor.undo", NULL);
    settle (300);
    taken_back = shown_text (editor);
    g_assert_null (strstr (taken_back, "Andreas Bäckman / Jessica Bäckman"));
  }

  gtk_toggle_button_set_active (edit, FALSE);
  settle (200);
}

static GtkWidget *
find_by_tooltip (GtkWidget  *root,
                 const char *tooltip)
{
  if (g_strcmp0 (gtk_widget_get_tooltip_text (root), tooltip) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_tooltip (child, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static PdEntryListWindow *
find_entry_list (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (PD_IS_ENTRY_LIST_WINDOW (toplevel) && gtk_widget_get_visible (GTK_WIDGET (toplevel)))
        return PD_ENTRY_LIST_WINDOW (toplevel);
    }
  return NULL;
}

static gboolean
entry_list_is_shown (gpointer data)
{
  PdEntryListWindow *list = find_entry_list ();

  return list != NULL && gtk_widget_get_mapped (GTK_WIDGET (list));
}

/* The entry row titled @title of the open car (by its number). */
static AdwEntryRow *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  if (ADW_IS_ENTRY_ROW (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_ENTRY_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwEntryRow *found = find_entry_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The entry list: a car added (a number in use refused), its team and
 * a driver typed, a driver reused from the seeds; undo takes it back;
 * the results of a session show the names. */
static void
test_entry_list (void)
{
  GtkWidget *view = find_widget (GTK_WIDGET (window), PD_TYPE_RESULTS_VIEW);
  PdEntryListWindow *list;
  GtkEntry *number;
  g_autofree char *shown = NULL;
  g_autofree char *undone = NULL;
  guint n_cars;

  show_view ("results", PD_TYPE_RESULTS_VIEW);
  /* The entry list button, by its tooltip (an icon button). */
  g_signal_emit_by_name (find_by_tooltip (view, _("Entry List: the season’s cars, teams and crews")), "clicked");
  wait_for (entry_list_is_shown, NULL, "the entry list");
  list = find_entry_list ();
  n_cars = pd_entry_list_get_entries (pd_entry_list_window_get_list (list))->len;
  g_ptr_array_unref (pd_entry_list_get_entries (pd_entry_list_window_get_list (list)));

  /* Car 2 exists: refused, marked, nothing added. */
  number = GTK_ENTRY (find_widget (GTK_WIDGET (list), GTK_TYPE_ENTRY));
  gtk_editable_set_text (GTK_EDITABLE (number), "2");
  g_signal_emit_by_name (number, "activate");
  settle (200);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (number), "error"));
  {
    g_autoptr(GPtrArray) entries = pd_entry_list_get_entries (pd_entry_list_window_get_list (list));
    g_assert_cmpuint (entries->len, ==, n_cars);
  }

  /* Car 101: added and opened, its team first. */
  gtk_editable_set_text (GTK_EDITABLE (number), "101");
  g_signal_emit_by_name (number, "activate");
  settle (300);
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (number), "error"));
  type_and_apply (find_entry_row (GTK_WIDGET (list), _("_Team")), "Paddock Test Racing");
  type_and_apply (find_entry_row (GTK_WIDGET (list), _("Car _Model")), "Toyota GR Supra GT4");
  type_and_apply (find_entry_row (GTK_WIDGET (list), _("Add a _Driver")), "Jessica Bäckman");
  type_and_apply (find_entry_row (GTK_WIDGET (list), _("Add a _Driver")), "Anna SVENSSON");
  shown = shown_text (GTK_WIDGET (list));
  g_test_message ("%s", shown);
  g_assert_nonnull (strstr (shown, "#101 · Paddock Test Racing"));
  g_assert_nonnull (strstr (shown, "Toyota GR Supra GT4 · Jessica Bäckman / Anna Svensson"));
  screenshot_widget (GTK_WIDGET (list), "entry-list");

  /* Ctrl+Z: Anna Svensson is gone again, the rest stays. */
  gtk_widget_activate_action (GTK_WIDGET (list), "list.undo", NULL);
  settle (300);
  undone = shown_text (GTK_WIDGET (list));
  g_assert_nonnull (strstr (undone, "#101 · Paddock Test Racing"));
  g_assert_nonnull (strstr (undone, "Toyota GR Supra GT4 · Jessica Bäckman\n"));
  g_assert_null (strstr (undone, "Svensson"));

  gtk_window_close (GTK_WINDOW (list));
  settle (200);
}

static gboolean
is_narrow (gpointer data)
{
  AdwViewSwitcherTitle *title = data;

  return adw_view_switcher_title_get_title_visible (title);
}

static void
test_narrow_and_dark (void)
{
  AdwViewSwitcherTitle *title = ADW_VIEW_SWITCHER_TITLE (find_widget (GTK_WIDGET (window),
                                                                      ADW_TYPE_VIEW_SWITCHER_TITLE));
  AdwLeaflet *leaflet = ADW_LEAFLET (find_widget (GTK_WIDGET (window), ADW_TYPE_LEAFLET));

  show_view ("calendar", PD_TYPE_CALENDAR_VIEW);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 720);
  wait_for (is_narrow, title, "the narrow layout");
  settle (300);

  /* At 360 px the view switcher moves to the bottom and the calendar
   * shows one pane at a time. */
  g_assert_true (adw_leaflet_get_folded (leaflet));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  screenshot ("narrow");

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  show_view ("schedule", PD_TYPE_SCHEDULE_VIEW);
  settle (400);
  g_assert_true (adw_style_manager_get_dark (adw_style_manager_get_default ()));
  screenshot ("dark");
}

/* A small season to show a title decided before the end, and one still
 * open: three drivers, three races of 10-6-4 with the last to come. */
static const char title_season[] =
  "{\"format\": \"paddock-season\", \"version\": 1,"
  " \"season\": {\"id\": \"title-2024\", \"name\": \"Title Test 2024\", \"year\": 2024,"
  "  \"rules\": \"{\\\"format\\\": \\\"paddock-rules\\\", \\\"version\\\": 1, \\\"id\\\": \\\"t\\\","
  " \\\"name\\\": \\\"10-6-4\\\", \\\"drivers\\\": {\\\"race\\\": {\\\"points\\\": [10, 6, 4]}}}\"},"
  " \"drivers\": [{\"id\": \"t.a\", \"first_name\": \"Åsa\", \"last_name\": \"Berg\"},"
  "  {\"id\": \"t.b\", \"first_name\": \"Björn\", \"last_name\": \"Ek\"},"
  "  {\"id\": \"t.c\", \"first_name\": \"Claire\", \"last_name\": \"Dubois\"}],"
  " \"entries\": [{\"id\": \"t.1\", \"number\": \"1\", \"crew_ids\": [\"t.a\"]},"
  "  {\"id\": \"t.2\", \"number\": \"2\", \"crew_ids\": [\"t.b\"]},"
  "  {\"id\": \"t.3\", \"number\": \"3\", \"crew_ids\": [\"t.c\"]}],"
  " \"rounds\": ["
  "  {\"id\": \"t.r1\", \"number\": 1, \"name\": \"Anderstorp\", \"sessions\": [{\"id\": \"t.r1.race\","
  "   \"kind\": \"race\", \"name\": \"Race\", \"results\": ["
  "    {\"id\": \"t.r1.1\", \"entry_id\": \"t.1\", \"status\": \"classified\", \"position\": 1},"
  "    {\"id\": \"t.r1.2\", \"entry_id\": \"t.2\", \"status\": \"classified\", \"position\": 2},"
  "    {\"id\": \"t.r1.3\", \"entry_id\": \"t.3\", \"status\": \"classified\", \"position\": 3}]}]},"
  "  {\"id\": \"t.r2\", \"number\": 2, \"name\": \"Falkenberg\", \"sessions\": [{\"id\": \"t.r2.race\","
  "   \"kind\": \"race\", \"name\": \"Race\", \"results\": ["
  "    {\"id\": \"t.r2.1\", \"entry_id\": \"t.1\", \"status\": \"classified\", \"position\": 1},"
  "    {\"id\": \"t.r2.3\", \"entry_id\": \"t.3\", \"status\": \"classified\", \"position\": 2},"
  "    {\"id\": \"t.r2.2\", \"entry_id\": \"t.2\", \"status\": \"classified\", \"position\": 3}]}]},"
  "  {\"id\": \"t.r3\", \"number\": 3, \"name\": \"Karlskoga\", \"sessions\": [{\"id\": \"t.r3.race\","
  "   \"kind\": \"race\", \"name\": \"Race\"}]}]}";

static gboolean
standings_shown (gpointer data)
{
  GtkWidget *view = find_widget (data, PD_TYPE_STANDINGS_VIEW);

  return view != NULL && view_is_shown (view);
}

/* The title fight of a season of three races, after round 1 (open) and
 * after round 2 (decided, with a race to go); wide, narrow and dark. The
 * season is stored beside the seeds and shown in a window of its own. */
static void
test_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = pd_store_new (g_getenv ("PADDOCK_DATABASE"), NULL, NULL, &error);
  GSettings *settings = pd_application_get_settings (app);
  g_autofree char *season_id = NULL;
  g_autofree char *open = NULL;
  g_autofree char *decided = NULL;
  PdWindow *other;
  GtkWidget *view;

  g_assert_no_error (error);
  g_assert_true (pd_season_json_load (store, title_season, sizeof title_season - 1, &season_id, &error));
  g_assert_no_error (error);
  g_settings_set_string (settings, "selected-season", season_id);
  g_settings_set_string (settings, "selected-view", "standings");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  other = pd_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (other), 1100, 760);
  gtk_window_present (GTK_WINDOW (other));
  wait_for (standings_shown, other, "the standings of the title season");
  view = find_widget (GTK_WIDGET (other), PD_TYPE_STANDINGS_VIEW);

  /* After round 1: Berg 10, Ek 6, Dubois 4; 20 left. Berg clinches by
   * winning round 2 (20 to Ek's 16 at most). */
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 0, NULL, 1);
  settle (300);
  open = shown_text (view);
  g_test_message ("%s", open);
  g_assert_nonnull (strstr (open, swedish ? "Titeln\n20 poäng kvar att ta i 2 omgångar\n"
                                          : "Title\n20 points still available in 2 rounds\n"));
  g_assert_nonnull (strstr (open, swedish ? "Åsa Berg\n10 poäng nu, högst 30\nLeder med 4 poäng\n"
                                            "Kan säkra titeln i omgång 2\n"
                                          : "Åsa Berg\n10 points now, 30 at most\nLeads by 4 points\n"
                                            "Can clinch the title at round 2\n"));
  g_assert_nonnull (strstr (open, swedish ? "Björn Ek\n6 poäng nu, högst 26\nMåste ta in 4 poäng på Åsa Berg\n"
                                          : "Björn Ek\n6 points now, 26 at most\nMust make up 4 points on Åsa Berg\n"));
  g_assert_nonnull (strstr (open, swedish ? "Claire Dubois\n4 poäng nu, högst 24\nMåste ta in 6 poäng på Åsa Berg\n"
                                          : "Claire Dubois\n4 points now, 24 at most\nMust make up 6 points on Åsa Berg\n"));
  g_assert_nonnull (strstr (open, swedish ? "Det kan också den som ännu inte tagit poäng.\n"
                                          : "So could anyone yet to score.\n"));
  /* The title fight never makes the window taller than asked for. */
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (other)), <=, 800);
  screenshot_widget (GTK_WIDGET (other), "standings-title");

  gtk_window_set_default_size (GTK_WINDOW (other), 360, 720);
  wait_for (is_narrow, ADW_VIEW_SWITCHER_TITLE (find_widget (GTK_WIDGET (other), ADW_TYPE_VIEW_SWITCHER_TITLE)),
            "the narrow layout");
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (other)), <=, 800);
  screenshot_widget (GTK_WIDGET (other), "standings-title-narrow");

  /* After round 2: Berg 20; Ek and Dubois 10, and 20 at most with the
   * last race, level with Berg but one win to her two: decided, with a
   * race to go. */
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (GTK_WINDOW (other), 1100, 760);
  pd_standings_view_set_filter (PD_STANDINGS_VIEW (view), 0, NULL, 0);
  settle (400);
  decided = shown_text (view);
  g_test_message ("%s", decided);
  g_assert_nonnull (strstr (decided, swedish ? "Titeln\nAvgjord i omgång 2; mästare: Åsa Berg\n"
                                             : "Title\nDecided at round 2; champion: Åsa Berg\n"));
  g_assert_null (strstr (decided, swedish ? "kvar att ta" : "still available"));
  screenshot_widget (GTK_WIDGET (other), "standings-title-dark");

  gtk_window_destroy (GTK_WINDOW (other));
  g_settings_reset (settings, "selected-season");
  g_settings_reset (settings, "selected-view");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}


/* Preferences: from app.preferences, its rows write the settings. */
static PdPreferencesWindow *
find_preferences (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) toplevel = g_list_model_get_item (toplevels, i);

      if (PD_IS_PREFERENCES_WINDOW (toplevel))
        return PD_PREFERENCES_WINDOW (toplevel);
    }
  return NULL;
}

static gboolean
preferences_shown (gpointer data)
{
  PdPreferencesWindow *preferences = find_preferences ();

  return preferences != NULL && view_is_shown (preferences);
}

/* The row titled @title under @root. */
static AdwPreferencesRow *
find_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return ADW_PREFERENCES_ROW (root);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwPreferencesRow *found = find_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The combo row titled @title under @root. */
static AdwComboRow *
find_combo_row (GtkWidget  *root,
                const char *title)
{
  AdwPreferencesRow *row = find_row (root, title);

  g_assert_true (ADW_IS_COMBO_ROW (row));
  return ADW_COMBO_ROW (row);
}

/* Selects the item of @row whose label starts with @prefix. */
static void
choose (AdwComboRow *row,
        const char  *prefix)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (item), prefix))
        {
          adw_combo_row_set_selected (row, i);
          settle (100);
          return;
        }
    }
  g_error ("No “%s” to choose", prefix);
}

static char *
combo_labels (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", gtk_string_object_get_string (item));
    }
  return g_string_free (out, FALSE);
}

static void
test_preferences (void)
{
  GSettings *settings = pd_application_get_settings (app);
  PdPreferencesWindow *preferences;
  AdwComboRow *remind;
  AdwComboRow *refresh;
  GtkWidget *season_switch;
  g_autofree char *text = NULL;
  g_autofree char *remind_labels = NULL;
  g_autofree char *refresh_labels = NULL;
  g_auto(GStrv) seasons = NULL;

  /* Ctrl+comma opens it. */
  {
    g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.preferences");
    g_assert_cmpstr (accels[0], ==, "<Control>comma");
  }
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  wait_for (preferences_shown, NULL, "the preferences");
  preferences = find_preferences ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (preferences)) == GTK_WINDOW (window));

  text = shown_text (GTK_WIDGET (preferences));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, swedish ? "Påminnelser\n" : "Reminders\n"));
  g_assert_nonnull (strstr (text, "GT4 European Series 2023\n"));
  g_assert_nonnull (strstr (text, swedish ? "Varje timme\n" : "Every hour\n"));

  remind = find_combo_row (GTK_WIDGET (preferences), swedish ? "_Påminn mig" : "_Remind Me");
  refresh = find_combo_row (GTK_WIDGET (preferences), swedish ? "_Kontrollera följda säsonger" : "_Check Followed Seasons");
  g_assert_nonnull (remind);
  g_assert_nonnull (refresh);
  remind_labels = combo_labels (remind);
  refresh_labels = combo_labels (refresh);
  g_assert_cmpstr (remind_labels, ==, swedish ? "Av|5 minuter före|10 minuter före|15 minuter före|30 minuter före|1 timme före"
                                              : "Off|5 minutes before|10 minutes before|15 minutes before|"
                                                "30 minutes before|1 hour before");
  g_assert_cmpstr (refresh_labels, ==, swedish ? "Bara vid start|Var 15:e minut|Var 30:e minut|Varje timme|"
                                                 "Var 3:e timme|Var 6:e timme|En gång om dagen"
                                               : "Only at start-up|Every 15 minutes|Every 30 minutes|Every hour|"
                                                 "Every 3 hours|Every 6 hours|Once a day");
  g_assert_cmpuint (adw_combo_row_get_selected (remind), ==, 0);
  g_assert_cmpuint (adw_combo_row_get_selected (refresh), ==, 3);

  /* Each row writes its key. */
  choose (remind, swedish ? "10 minuter" : "10 minutes");
  g_assert_cmpint (g_settings_get_int (settings, "reminder-minutes"), ==, 10);
  choose (refresh, swedish ? "Var 6:e" : "Every 6");
  g_assert_cmpint (g_settings_get_int (settings, "refresh-interval-minutes"), ==, 360);
  season_switch = find_widget (GTK_WIDGET (find_row (GTK_WIDGET (preferences), "GT4 European Series 2023")),
                               GTK_TYPE_SWITCH);
  g_assert_nonnull (season_switch);
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (season_switch)));
  gtk_switch_set_active (GTK_SWITCH (season_switch), TRUE);
  seasons = g_settings_get_strv (settings, "reminder-seasons");
  g_assert_cmpuint (g_strv_length (seasons), ==, 1);
  g_assert_cmpstr (seasons[0], ==, "gt4-european-2023");
  settle (300);
  screenshot_widget (GTK_WIDGET (preferences), "preferences");

  gtk_window_close (GTK_WINDOW (preferences));
  settle (200);
  g_assert_null (find_preferences ());
  g_settings_reset (settings, "refresh-interval-minutes");
}

/* A stand-in for the desktop's notification server on the test's own
 * session bus (dbus-run-session has none): it records what Paddock sends
 * through GLib's freedesktop backend, and clicks as the desktop would. */
typedef struct {
  guint  owner_id;
  guint  object_id;
  gboolean owned;
  GPtrArray *summaries;
  GPtrArray *bodies;
  GPtrArray *actions;
} FakeServer;

static FakeServer notify_server;

static const char notifications_xml[] =
  "<node><interface name='org.freedesktop.Notifications'>"
  " <method name='Notify'><arg type='s' direction='in'/><arg type='u' direction='in'/>"
  "  <arg type='s' direction='in'/><arg type='s' direction='in'/><arg type='s' direction='in'/>"
  "  <arg type='as' direction='in'/><arg type='a{sv}' direction='in'/><arg type='i' direction='in'/>"
  "  <arg type='u' direction='out'/></method>"
  " <method name='CloseNotification'><arg type='u' direction='in'/></method>"
  " <method name='GetCapabilities'><arg type='as' direction='out'/></method>"
  " <method name='GetServerInformation'><arg type='s' direction='out'/><arg type='s' direction='out'/>"
  "  <arg type='s' direction='out'/><arg type='s' direction='out'/></method>"
  " <signal name='ActionInvoked'><arg type='u'/><arg type='s'/></signal>"
  "</interface></node>";

static void
fake_method_cb (GDBusConnection       *connection,
                const char            *sender,
                const char            *path,
                const char            *interface,
                const char            *method,
                GVariant              *parameters,
                GDBusMethodInvocation *invocation,
                gpointer               user_data)
{
  if (g_str_equal (method, "Notify"))
    {
      const char *summary, *body;
      g_autofree const char **actions = NULL;

      g_variant_get (parameters, "(&su&s&s&s^a&s@a{sv}i)", NULL, NULL, NULL, &summary, &body, &actions, NULL, NULL);
      g_ptr_array_add (notify_server.summaries, g_strdup (summary));
      g_ptr_array_add (notify_server.bodies, g_strdup (body));
      g_ptr_array_add (notify_server.actions, g_strjoinv (",", (char **) actions));
      g_dbus_method_invocation_return_value (invocation, g_variant_new ("(u)", notify_server.summaries->len));
    }
  else if (g_str_equal (method, "GetCapabilities"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new_parsed ("(['body', 'actions'],)"));
  else if (g_str_equal (method, "GetServerInformation"))
    g_dbus_method_invocation_return_value (invocation, g_variant_new ("(ssss)", "fake", "paddock", "1", "1.2"));
  else
    g_dbus_method_invocation_return_value (invocation, NULL);
}

static void
name_acquired_cb (GDBusConnection *connection,
                  const char      *name,
                  gpointer         user_data)
{
  notify_server.owned = TRUE;
}

static gboolean
server_ready (gpointer data)
{
  return notify_server.owned;
}

static gboolean
notified (gpointer data)
{
  return notify_server.summaries->len >= GPOINTER_TO_UINT (data);
}

static void
fake_server_start (void)
{
  static const GDBusInterfaceVTable vtable = { fake_method_cb, NULL, NULL, { 0 } };
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (app));
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (notifications_xml, NULL);
  g_autoptr(GError) error = NULL;

  /* The suite runs under dbus-run-session (build-aux/test). */
  g_assert_nonnull (connection);
  notify_server.summaries = g_ptr_array_new_with_free_func (g_free);
  notify_server.bodies = g_ptr_array_new_with_free_func (g_free);
  notify_server.actions = g_ptr_array_new_with_free_func (g_free);
  notify_server.object_id = g_dbus_connection_register_object (connection, "/org/freedesktop/Notifications",
                                                        info->interfaces[0], &vtable, NULL, NULL, &error);
  g_assert_no_error (error);
  notify_server.owner_id = g_bus_own_name_on_connection (connection, "org.freedesktop.Notifications",
                                                  G_BUS_NAME_OWNER_FLAGS_NONE, name_acquired_cb, NULL, NULL, NULL);
  wait_for (server_ready, NULL, "the fake notification server");
}

static void
fake_server_stop (void)
{
  GDBusConnection *connection = g_application_get_dbus_connection (G_APPLICATION (app));

  g_bus_unown_name (notify_server.owner_id);
  g_dbus_connection_unregister_object (connection, notify_server.object_id);
  g_clear_pointer (&notify_server.summaries, g_ptr_array_unref);
  g_clear_pointer (&notify_server.bodies, g_ptr_array_unref);
  g_clear_pointer (&notify_server.actions, g_ptr_array_unref);
}

static char *
next_reminder (PdReminders *reminders)
{
  g_auto(GStrv) ids = NULL;
  GDateTime *next = pd_reminders_get_next (reminders, &ids);
  g_autofree char *when = next != NULL ? g_date_time_format_iso8601 (next) : g_strdup ("none");
  g_autofree char *list = g_strjoinv (",", ids);

  return g_strdup_printf ("%s %s", when, list);
}

static gboolean
schedule_shown (gpointer data)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (data)), "schedule") == 0;
}

/* The row a reminder opened in the schedule. */
static GtkWidget *
find_css (GtkWidget  *root,
          const char *css_class)
{
  if (gtk_widget_has_css_class (root, css_class))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_css (child, css_class);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static guint
count_css (GtkWidget  *root,
           const char *css_class)
{
  guint n = gtk_widget_get_mapped (root) && gtk_widget_has_css_class (root, css_class);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_css (child, css_class);
  return n;
}

static GtkWidget *
find_type_name (GtkWidget  *root,
                const char *name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_type_name (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Closes the toast shown and those queued behind it, as the user would
 * with their close buttons. */
static void
dismiss_toasts (void)
{
  GtkWidget *toast;

  for (int i = 0; i < 30 && (toast = find_type_name (GTK_WIDGET (window), "AdwToastWidget")) != NULL; i++)
    {
      GtkWidget *close = NULL;

      /* The close button is the toast's last button (the first may be
       * the toast's own action). */
      for (GtkWidget *child = gtk_widget_get_first_child (toast); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BUTTON (child))
          close = child;
      g_assert_nonnull (close);
      g_signal_emit_by_name (close, "clicked");
      settle (400);
    }
  g_assert_null (find_type_name (GTK_WIDGET (window), "AdwToastWidget"));
}

/* My car (#2, Silver), chosen in the schedule: Up Next says so, the
 * results mark it and can show it alone; the reminders follow its class,
 * a reminder is sent to the notification server and clicking it opens
 * the session. Runs last: it adds results and a session to the season. */
static void
test_my_car (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = pd_store_new (g_getenv ("PADDOCK_DATABASE"), NULL, NULL, &error);
  GSettings *settings = pd_application_get_settings (app);
  PdReminders *reminders = pd_application_get_reminders (app);
  GtkWidget *schedule = find_widget (GTK_WIDGET (window), PD_TYPE_SCHEDULE_VIEW);
  GtkWidget *results = find_widget (GTK_WIDGET (window), PD_TYPE_RESULTS_VIEW);
  AdwViewStack *stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  GtkWidget *only_mine;
  g_autofree char *car = NULL;
  g_autofree char *up_next = NULL;
  g_autofree char *marked = NULL;
  g_autofree char *alone = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *pro_am_plan = NULL;
  g_autofree char *pro_am_up_next = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (reminders);

  /* Spa's Race 2, the whole field, from the Al Kamel fixture. */
  {
    g_autofree char *path = g_build_filename (g_getenv ("PADDOCK_TEST_DATA"), "alkamel", "gt4-spa-race2.csv", NULL);
    g_autofree char *data = NULL;
    gsize length;
    PdAlkamelStats stats = { 0 };

    g_assert_true (g_file_get_contents (path, &data, &length, NULL));
    g_assert_true (pd_alkamel_import (store, path, data, length, "gt4-european-2023", 3, "Race 2", &stats, &error));
    g_assert_no_error (error);
    pd_alkamel_stats_clear (&stats);
  }

  /* The car chosen in the schedule's "My Car" row, once the toasts of
   * the earlier tests are closed, for clean screenshots. */
  show_view ("schedule", PD_TYPE_SCHEDULE_VIEW);
  dismiss_toasts ();
  choose (find_combo_row (schedule, swedish ? "_Min bil" : "_My Car"), "#2 ·");
  car = pd_user_prefs_get_my_car (settings, "gt4-european-2023");
  g_assert_cmpstr (car, ==, "gt4-european-2023.2");
  pd_schedule_view_select_round (PD_SCHEDULE_VIEW (schedule), "gt4-european-2023.r6");
  settle (300);
  up_next = shown_text (schedule);
  g_test_message ("%s", up_next);
  g_assert_nonnull (strstr (up_next, swedish ? "För #2 · Hofor Racing by Bonk Motorsport · Silver\n"
                                             : "For #2 · Hofor Racing by Bonk Motorsport · Silver\n"));
  /* The switch set in the preferences test. */
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (find_widget (schedule, GTK_TYPE_SWITCH))));
  g_assert_nonnull (strstr (up_next, swedish ? "10 minuter före varje pass\n" : "10 minutes before each session\n"));
  screenshot ("schedule-my-car");

  /* The results: #2's row marked, then alone. */
  show_view ("results", PD_TYPE_RESULTS_VIEW);
  pd_results_view_select_session (PD_RESULTS_VIEW (results), "gt4-european-2023.r3", "gt4-european-2023.r3.race1");
  pd_results_view_select_session (PD_RESULTS_VIEW (results), "gt4-european-2023.r3", "gt4-european-2023.r3.race2");
  settle (400);
  marked = shown_text (results);
  g_assert_nonnull (strstr (marked, "Grégoire Demoustier"));
  g_assert_cmpuint (count_css (results, "my-car"), ==, 1);
  {
    g_autofree char *row = shown_text (find_css (results, "my-car"));
    g_assert_nonnull (strstr (row, "Michael Schrey"));
    g_assert_nonnull (strstr (row, "Hofor Racing by Bonk Motorsport"));
  }
  dismiss_toasts ();
  screenshot ("results-my-car");

  only_mine = find_by_tooltip (results, swedish ? "Visa bara din bil" : "Show only your car");
  g_assert_nonnull (only_mine);
  g_assert_true (gtk_widget_get_visible (only_mine));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (only_mine), TRUE);
  settle (300);
  alone = shown_text (results);
  g_assert_nonnull (strstr (alone, "Michael Schrey"));
  g_assert_null (strstr (alone, "Grégoire Demoustier"));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (only_mine), FALSE);

  /* Reminders: 10 minutes before Race 1 (16:50 CEST), at "now" 12:00 UTC. */
  plan = next_reminder (reminders);
  g_assert_cmpstr (plan, ==, "2023-09-30T14:40:00Z gt4-european-2023.r6.race1");

  /* A Pro-Am warm-up: not #2's. The reminders and Up Next follow the car. */
  {
    g_autoptr(PdSession) session = pd_session_new ();
    g_autoptr(GDateTime) start = g_date_time_new_from_iso8601 ("2023-09-30T13:00:00Z", NULL);

    pd_session_set_id (session, "gt4-european-2023.r6.warm-up-pro-am");
    pd_session_set_round_id (session, "gt4-european-2023.r6");
    pd_session_set_kind (session, PD_SESSION_KIND_WARM_UP);
    pd_session_set_name (session, "Warm-up Pro-Am");
    /* Between Qualifying 2 and Race 1, as the time says. */
    pd_session_set_position (session, 4);
    pd_session_set_start_utc (session, start);
    pd_session_set_start_date (session, "2023-09-30");
    pd_session_set_duration_min (session, 15);
    g_assert_true (pd_store_save (store, G_OBJECT (session), &error));
    g_assert_no_error (error);
  }
  pd_reminders_reschedule (reminders);
  g_clear_pointer (&plan, g_free);
  plan = next_reminder (reminders);
  g_assert_cmpstr (plan, ==, "2023-09-30T14:40:00Z gt4-european-2023.r6.race1");
  pd_user_prefs_set_my_car (settings, "gt4-european-2023", "gt4-european-2023.42");
  pro_am_plan = next_reminder (reminders);
  g_assert_cmpstr (pro_am_plan, ==, "2023-09-30T12:50:00Z gt4-european-2023.r6.warm-up-pro-am");
  show_view ("schedule", PD_TYPE_SCHEDULE_VIEW);
  pro_am_up_next = shown_text (schedule);
  g_assert_nonnull (strstr (pro_am_up_next, "Warm-up Pro-Am · "));
  pd_user_prefs_set_my_car (settings, "gt4-european-2023", "gt4-european-2023.2");
  settle (200);
  {
    g_autofree char *silver_up_next = shown_text (schedule);

    g_assert_null (strstr (silver_up_next, "Warm-up Pro-Am"));
    g_assert_nonnull (strstr (silver_up_next, "Race 1 · "));
  }

  /* The schedule's switch, with reminders off, turns them on. */
  g_settings_set_int (settings, "reminder-minutes", 0);
  pd_user_prefs_set_reminded (settings, "gt4-european-2023", FALSE);
  settle (100);
  {
    GtkSwitch *sw = GTK_SWITCH (find_widget (schedule, GTK_TYPE_SWITCH));

    g_assert_false (gtk_switch_get_active (sw));
    gtk_switch_set_active (sw, TRUE);
    g_assert_cmpint (g_settings_get_int (settings, "reminder-minutes"), ==, 10);
    g_assert_true (pd_user_prefs_get_reminded (settings, "gt4-european-2023"));
  }

  /* Sent at 14:41 UTC (nine minutes before) through GLib's freedesktop
   * backend, once. */
  fake_server_start ();
  g_setenv ("PADDOCK_NOW", "2023-09-30T14:41:00Z", TRUE);
  g_assert_cmpuint (pd_reminders_send_due (reminders), ==, 1);
  g_assert_cmpuint (pd_reminders_send_due (reminders), ==, 0);
  g_setenv ("PADDOCK_NOW", "2023-09-30T12:00:00Z", TRUE);
  wait_for (notified, GUINT_TO_POINTER (1), "the notification");
  g_assert_cmpuint (notify_server.summaries->len, ==, 1);
  g_assert_cmpstr (notify_server.summaries->pdata[0], ==, swedish ? "Race 1 börjar om 9 minuter" : "Race 1 starts in 9 minutes");
  g_assert_cmpstr (notify_server.bodies->pdata[0], ==, swedish ? "Barcelona · Circuit de Barcelona-Catalunya\n"
                                                          "16:50 CEST på banan · 10:50 EDT din tid"
                                                        : "Barcelona · Circuit de Barcelona-Catalunya\n"
                                                          "16:50 CEST at the track · 10:50 EDT your time");
  g_assert_true (g_str_has_prefix (notify_server.actions->pdata[0], "default,"));

  /* Clicked, in the Calendar: the schedule opens on Barcelona, Race 1 marked. */
  show_view ("calendar", PD_TYPE_CALENDAR_VIEW);
  g_assert_true (g_dbus_connection_emit_signal (g_application_get_dbus_connection (G_APPLICATION (app)), NULL,
                                                "/org/freedesktop/Notifications", "org.freedesktop.Notifications",
                                                "ActionInvoked", g_variant_new ("(us)", 1, "default"), &error));
  g_assert_no_error (error);
  wait_for (schedule_shown, stack, "the schedule");
  {
    GtkWidget *row = find_css (schedule, "shown-session");

    g_assert_nonnull (row);
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Race 1");
    /* Focused, and so scrolled into view. */
    settle (500);
    g_assert_true (gtk_widget_has_focus (row));
  }
  dismiss_toasts ();
  screenshot ("schedule-reminded");
  fake_server_stop ();

  g_settings_reset (settings, "my-cars");
  g_settings_reset (settings, "reminder-minutes");
  g_settings_reset (settings, "reminder-seasons");
  settle (200);
  g_assert_true (gtk_widget_get_visible (only_mine) == FALSE);
}

/* Following a feed, through the app: a SoupServer on loopback serves a
 * small season; the follow dialog reads it, a refresh brings a moved race
 * and a name changed both here and in the feed, the Changes window lists
 * them and settles the conflict, and the highlights go once seen. */

#define FEED_SEASON "club-2026"

typedef struct {
  char  *body;
  guint  status;
} FeedServer;

static void
feed_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  FeedServer *feed = user_data;

  if (!g_str_equal (path, "/season.json"))
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }
  soup_server_message_set_status (msg, feed->status, NULL);
  if (feed->status == SOUP_STATUS_OK)
    soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, feed->body, strlen (feed->body));
}

/* One round at Knutstorp, a practice and a race whose start varies, and
 * one car, classified in the race when @with_result. */
static char *
feed_season (const char *practice_name,
             const char *race_start,
             gboolean    with_result)
{
  return g_strdup_printf (
    "{\"format\": \"paddock-season\", \"version\": 2,"
    " \"series\": {\"id\": \"club\", \"name\": \"Club Series\"},"
    " \"season\": {\"id\": \"" FEED_SEASON "\", \"series_id\": \"club\", \"name\": \"Club Series 2026\", \"year\": 2026},"
    " \"circuits\": [{\"id\": \"knutstorp\", \"name\": \"Ring Knutstorp\", \"zone\": \"Europe/Stockholm\"}],"
    " \"teams\": [{\"id\": \"team-a\", \"name\": \"Team A\"}],"
    " \"drivers\": [{\"id\": \"anna-backman\", \"first_name\": \"Anna\", \"last_name\": \"Bäckman\"}],"
    " \"entries\": [{\"id\": \"" FEED_SEASON ".7\", \"number\": \"7\", \"team_id\": \"team-a\","
    " \"crew_ids\": [\"anna-backman\"]}],"
    " \"rounds\": [{\"id\": \"" FEED_SEASON ".r1\", \"number\": 1, \"name\": \"Knutstorp\","
    " \"circuit_id\": \"knutstorp\", \"start_date\": \"2026-05-16\", \"end_date\": \"2026-05-17\","
    " \"sessions\": ["
    "{\"id\": \"" FEED_SEASON ".r1.fp\", \"kind\": \"practice\", \"name\": \"%s\", \"position\": 1,"
    " \"start_date\": \"2026-05-16\", \"start_utc\": \"2026-05-16T08:00:00Z\", \"duration_min\": 30},"
    "{\"id\": \"" FEED_SEASON ".r1.race\", \"kind\": \"race\", \"name\": \"Race\", \"position\": 2,"
    " \"start_date\": \"2026-05-17\", \"start_utc\": \"%s\", \"duration_min\": 45%s}]}]}",
    practice_name, race_start,
    with_result ? ", \"results\": [{\"id\": \"" FEED_SEASON ".r1.race.7\", \"entry_id\": \"" FEED_SEASON ".7\","
                  " \"status\": \"classified\", \"laps\": 20, \"total_time_ms\": 2400000, \"position\": 1}]"
                : "");
}

static GtkWindow *
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static gboolean
follow_dialog_gone (gpointer data)
{
  return find_toplevel (PD_TYPE_FOLLOW_DIALOG) == NULL;
}

static gboolean
follow_dialog_failed (gpointer data)
{
  return pd_follow_dialog_get_error (data) != NULL;
}

static gboolean
window_shows (gpointer data)
{
  g_autofree char *text = shown_text (GTK_WIDGET (window));

  return strstr (text, data) != NULL;
}

/* The toast may wait behind others the tests before raised. */
static gboolean
feed_toast_says (gpointer data)
{
  AdwToast *toast = pd_window_feeds_last_toast (window);

  return toast != NULL && strstr (adw_toast_get_title (toast), data) != NULL;
}

/* The row of the session named @title in @root, or NULL. */
static GtkWidget *
find_titled_row (GtkWidget  *root,
          const char *title)
{
  if (ADW_IS_PREFERENCES_ROW (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_titled_row (child, title);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
test_feeds (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  FeedServer feed = { feed_season ("Practice", "2026-05-17T14:50:00Z", FALSE), SOUP_STATUS_OK };
  PdStore *store = pd_window_get_store (window);
  g_autoptr(GSList) uris = NULL;
  g_autofree char *base = NULL;
  g_autofree char *url = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(PdSession) practice = NULL;
  g_autoptr(PdStoreFeed) stored = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *imported = NULL;
  const char *summary_text = swedish ? "club-2026: 1 ändring, 1 konflikt att lösa" : "club-2026: 1 change, 1 conflict to resolve";
  PdFollowDialog *dialog;
  PdChangesWindow *changes;
  GtkWidget *view, *row;

  soup_server_add_handler (server, NULL, feed_handler, &feed, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (server);
  base = g_uri_to_string (uris->data);
  g_slist_free_full (g_steal_pointer (&uris), (GDestroyNotify) g_uri_unref);
  url = g_strconcat (base, "season.json", NULL);
  missing = g_strconcat (base, "missing.json", NULL);
  show_view ("calendar", PD_TYPE_CALENDAR_VIEW);

  /* The dialog, from the menu's action; a page that is not there is an
   * error in the dialog, and nothing is stored. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.follow-feed", NULL);
  dialog = PD_FOLLOW_DIALOG (find_toplevel (PD_TYPE_FOLLOW_DIALOG));
  g_assert_nonnull (dialog);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, -1);
  pd_follow_dialog_set_url (dialog, "ftp://example.org/season.json");
  pd_follow_dialog_follow (dialog);
  g_assert_nonnull (pd_follow_dialog_get_error (dialog));
  pd_follow_dialog_set_url (dialog, missing);
  {
    /* The season row holds the season shown; this feed is another one. */
    GtkWidget *season_row = find_titled_row (GTK_WIDGET (dialog), swedish ? "Säsongs-id" : "Season Identifier");

    g_assert_nonnull (season_row);
    gtk_editable_set_text (GTK_EDITABLE (season_row), FEED_SEASON);
  }
  pd_follow_dialog_follow (dialog);
  wait_for (follow_dialog_failed, dialog, "the follow dialog to fail");
  g_test_message ("follow error: %s", pd_follow_dialog_get_error (dialog));
  g_assert_nonnull (strstr (pd_follow_dialog_get_error (dialog), "404"));
  g_assert_nonnull (strstr (pd_follow_dialog_get_error (dialog), swedish ? "Inget sparades." : "Nothing was stored."));
  g_assert_null (pd_store_get_feed (store, FEED_SEASON, NULL));
  /* The dialog grows to show the error on the next frames. */
  settle (500);
  screenshot_widget (GTK_WIDGET (dialog), "feed-follow-dialog");

  /* The real address: the dialog closes and the season is shown. */
  pd_follow_dialog_set_url (dialog, url);
  pd_follow_dialog_follow (dialog);
  wait_for (follow_dialog_gone, NULL, "the follow dialog to close");
  g_assert_cmpstr (pd_window_get_season_id (window), ==, FEED_SEASON);
  stored = pd_store_get_feed (store, FEED_SEASON, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->url, ==, url);
  text = shown_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (text, url));
  g_assert_nonnull (strstr (text, swedish ? "Senast uppdaterad " : "Last refreshed "));
  g_assert_nonnull (strstr (text, "Ring Knutstorp"));
  g_clear_pointer (&text, g_free);

  /* Renamed here, then renamed and moved in the feed. */
  practice = pd_store_get (store, PD_TYPE_SESSION, FEED_SEASON ".r1.fp", &error);
  g_assert_no_error (error);
  pd_session_set_name (practice, "Free Practice");
  g_assert_true (pd_store_save (store, G_OBJECT (practice), &error));
  g_assert_no_error (error);
  g_free (feed.body);
  feed.body = feed_season ("Practice 1", "2026-05-17T15:05:00Z", FALSE);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh-feeds", NULL);
  wait_for (feed_toast_says, (gpointer) summary_text, "the refresh's toast");
  g_assert_cmpstr (adw_toast_get_button_label (pd_window_feeds_last_toast (window)), ==, swedish ? "_Visa" : "_Show");

  /* The race is highlighted in the calendar and in the schedule. */
  view = find_widget (GTK_WIDGET (window), PD_TYPE_CALENDAR_VIEW);
  row = find_titled_row (view, "Race");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "feed-changed"));
  g_assert_nonnull (find_titled_row (view, "Free Practice"));
  screenshot ("feed-calendar");
  show_view ("schedule", PD_TYPE_SCHEDULE_VIEW);
  view = find_widget (GTK_WIDGET (window), PD_TYPE_SCHEDULE_VIEW);
  row = find_titled_row (view, "Race");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "feed-changed"));
  show_view ("calendar", PD_TYPE_CALENDAR_VIEW);

  /* The Changes window: the conflict on top, then the changes. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-changes", "s", "");
  changes = PD_CHANGES_WINDOW (find_toplevel (PD_TYPE_CHANGES_WINDOW));
  g_assert_nonnull (changes);
  wait_for (view_is_shown, changes, "the Changes window");
  text = shown_text (GTK_WIDGET (changes));
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, swedish ? "Att avgöra" : "To Decide"));
  g_assert_nonnull (strstr (text, "Free Practice"));
  g_assert_nonnull (strstr (text, "Practice 1"));
  g_assert_nonnull (strstr (text, swedish ? "Race flyttades från " : "Race moved from "));
  screenshot_widget (GTK_WIDGET (changes), "feed-changes");
  g_clear_pointer (&text, g_free);
  /* Opening it marks nothing seen yet. */
  conflicts = pd_store_list_feed_changes (store, FEED_SEASON, TRUE, &error);
  g_assert_cmpuint (conflicts->len, >, 0);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* "Use Feed's" takes the feed's name; the conflict goes. */
  pd_changes_window_resolve (changes, 0, TRUE);
  conflicts = pd_store_list_feed_conflicts (store, FEED_SEASON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  g_clear_object (&practice);
  practice = pd_store_get (store, PD_TYPE_SESSION, FEED_SEASON ".r1.fp", &error);
  g_assert_cmpstr (pd_session_get_name (practice), ==, "Practice 1");
  text = shown_text (GTK_WIDGET (changes));
  g_assert_null (strstr (text, swedish ? "Att avgöra" : "To Decide"));
  g_clear_pointer (&text, g_free);

  /* Closed, the changes are seen and the highlights go. */
  gtk_window_close (GTK_WINDOW (changes));
  settle (200);
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = pd_store_list_feed_changes (store, FEED_SEASON, TRUE, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
  row = find_titled_row (find_widget (GTK_WIDGET (window), PD_TYPE_CALENDAR_VIEW), "Race");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_has_css_class (row, "feed-changed"));

  /* A failure: a toast, and the strip says why. */
  feed.status = SOUP_STATUS_INTERNAL_SERVER_ERROR;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh-feeds", NULL);
  wait_for (window_shows, (gpointer) (swedish ? "Den senaste uppdateringen misslyckades" : "The last refresh failed"),
            "the failed refresh");
  text = shown_text (GTK_WIDGET (window));
  g_assert_nonnull (strstr (text, "500"));
  g_clear_pointer (&text, g_free);
  g_assert_true (feed_toast_says ("500 Internal Server Error"));
  screenshot ("feed-failed");

  /* A result the feed adds marks its session, the race, and only it. */
  g_free (feed.body);
  feed.body = feed_season ("Practice 1", "2026-05-17T15:05:00Z", TRUE);
  feed.status = SOUP_STATUS_OK;
  gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh-feeds", NULL);
  wait_for (feed_toast_says, (gpointer) (swedish ? "club-2026: 1 ändring" : "club-2026: 1 change"),
            "the refresh that adds a result");
  row = find_titled_row (find_widget (GTK_WIDGET (window), PD_TYPE_CALENDAR_VIEW), "Race");
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "feed-changed"));
  row = find_titled_row (find_widget (GTK_WIDGET (window), PD_TYPE_CALENDAR_VIEW), "Practice 1");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_has_css_class (row, "feed-changed"));

  /* Export and import: the season's calendar read back as another season;
   * a file of another kind stores nothing. */
  ics = pd_window_export_text (store, FEED_SEASON, "ics", &error);
  g_assert_no_error (error);
  csv = pd_window_export_text (store, FEED_SEASON, "csv", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (csv, "Practice 1"));
  imported = pd_window_import_data (window, "Club Copy.ics", ics, strlen (ics), &summary, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (imported, ==, "club-copy");
  g_assert_cmpstr (summary, ==, swedish ? "Importerade 2 pass till club-copy" : "Imported 2 sessions into club-copy");
  g_assert_null (pd_window_import_data (window, "notes.txt", "hello", 5, &summary, &error));
  g_assert_error (error, PD_FEED_ERROR, PD_FEED_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "notes.txt"));
  g_clear_error (&error);

  /* Stop following: the strip goes, the season stays. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.unfollow-feed", NULL);
  g_assert_null (pd_store_get_feed (store, FEED_SEASON, NULL));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (pd_window_get_feed_status (window))));
  g_assert_cmpstr (pd_window_get_season_id (window), ==, FEED_SEASON);

  soup_server_disconnect (server);
  g_free (feed.body);
}

static gboolean
content_loaded (gpointer data)
{
  GtkWidget *stack = find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK);

  return stack != NULL && gtk_widget_get_mapped (stack) && gtk_widget_get_width (stack) > 0;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  int status;

  swedish = g_str_has_prefix (setlocale (LC_ALL, ""), "sv");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PADDOCK_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  gtk_test_init (&argc, &argv, NULL);
  /* gtk_test_init() switches to the C locale; the test wants the real one. */
  setlocale (LC_ALL, "");
  adw_init ();

  /* Notifications go to the fake server of /app/my-car. */
  g_setenv ("GNOTIFICATION_BACKEND", "freedesktop", TRUE);

  tmpdir = g_dir_make_tmp ("paddock-app-XXXXXX", &error);
  g_assert_no_error (error);
  db = g_build_filename (tmpdir, "paddock.db", NULL);
  g_setenv ("PADDOCK_DATABASE", db, TRUE);

  app = pd_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  window = pd_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  wait_for (content_loaded, NULL, "the season to load");

  g_test_add_func ("/app/calendar", test_calendar);
  g_test_add_func ("/app/schedule", test_schedule);
  g_test_add_func ("/app/results", test_results);
  g_test_add_func ("/app/standings-chart", test_standings_chart);
  g_test_add_func ("/app/standings", test_standings);
  g_test_add_func ("/app/rules-editor", test_rules_editor);
  g_test_add_func ("/app/results-editor", test_results_editor);
  g_test_add_func ("/app/entry-list", test_entry_list);
  g_test_add_func ("/app/narrow-and-dark", test_narrow_and_dark);
  g_test_add_func ("/app/title", test_title);
  g_test_add_func ("/app/preferences", test_preferences);
  g_test_add_func ("/app/my-car", test_my_car);
  /* After my-car: it leaves a season of its own selected. */
  g_test_add_func ("/app/feeds", test_feeds);
  status = g_test_run ();

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (app);
  g_unlink (db);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_unlink (wal);
    g_unlink (shm);
  }
  g_rmdir (tmpdir);
  return status;
}
