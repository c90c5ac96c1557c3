/* paddock-cli: Paddock's command-line tool. It links the core library
 * only, never GTK, so it runs on servers and in scripts. */

#define G_LOG_DOMAIN "paddock-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pd-alkamel.h"
#include "pd-csv.h"
#include "pd-database.h"
#include "pd-entry-list.h"
#include "pd-ergast.h"
#include "pd-provisional.h"
#include "pd-results-sheet.h"
#include "pd-results-table.h"
#include "pd-schedule.h"
#include "pd-progression-chart.h"
#include "pd-sportstimes.h"
#include "pd-season-json.h"
#include "pd-standings-sheet.h"
#include "pd-standings-table.h"
#include "pd-score-loader.h"
#include "pd-time.h"
#include "pd-timing.h"
#include "pd-cli.h"

char **pd_cli_original_argv;

static char *opt_database;

static const GOptionEntry database_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("Use the database at PATH"), N_("PATH") },
  { NULL }
};

typedef enum {
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_CSV,
} OutputFormat;

int
usage_error (const char *message)
{
  /* TRANSLATORS: %s is the program name, then an explanation */
  g_printerr (_("%s: %s\n"), g_get_prgname (), message);
  return EXIT_USAGE;
}

static int
format_error (const char *format,
              gboolean    with_csv)
{
  g_autofree char *message = NULL;

  if (with_csv)
    message = g_strdup_printf (_("Unknown format “%s”; use “text”, “csv” or “json”"), format);
  else
    message = g_strdup_printf (_("Unknown format “%s”; use “text” or “json”"), format);
  return usage_error (message);
}

/* Only the commands that write CSV take "csv". */
static gboolean
parse_format (const char   *text,
              gboolean      with_csv,
              OutputFormat *format)
{
  if (text == NULL || g_str_equal (text, "text"))
    *format = FORMAT_TEXT;
  else if (g_str_equal (text, "json"))
    *format = FORMAT_JSON;
  else if (with_csv && g_str_equal (text, "csv"))
    *format = FORMAT_CSV;
  else
    return FALSE;
  return TRUE;
}

static void
print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

PdStore *
open_store (int *status)
{
  g_autoptr(GError) error = NULL;
  PdStore *store = pd_database_open (opt_database, &error);

  if (store == NULL)
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      *status = EXIT_FAILED;
    }
  return store;
}

/* Parses a command's own options; returns FALSE with *status set on error. */
gboolean
parse_options (const char          *parameter,
               const char          *summary,
               const GOptionEntry  *entries,
               int                 *argc,
               char              ***argv,
               int                 *status)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, database_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      *status = usage_error (error->message);
      return FALSE;
    }
  return TRUE;
}

/* What the commands that write a sheet or CSV share: --format with "pdf"
 * (which needs --output, and takes --paper) and --headers for CSV.
 * Returns FALSE with *status set when the request is wrong. */
static gboolean
parse_output_options (const char   *format_text,
                      const char   *output,
                      const char   *paper_text,
                      const char   *headers_text,
                      OutputFormat *format,
                      gboolean     *pdf,
                      PdPaper      *paper,
                      PdCsvHeaders *headers,
                      int          *status)
{
  *pdf = g_strcmp0 (format_text, "pdf") == 0;
  *paper = pd_paper_default ();
  *headers = PD_CSV_HEADERS_STABLE;
  if (!*pdf && !parse_format (format_text, TRUE, format))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown format “%s”; use “text”, “csv”, “json” or “pdf”"),
                                                  format_text);
      *status = usage_error (message);
      return FALSE;
    }
  /* A PDF goes to a file, never to the terminal. */
  if (*pdf && (output == NULL || *output == '\0'))
    *status = usage_error (_("--format pdf needs --output FILE"));
  else if (!*pdf && output != NULL)
    *status = usage_error (_("--output is for --format pdf"));
  else if (!*pdf && paper_text != NULL)
    *status = usage_error (_("--paper is for --format pdf"));
  else if (headers_text != NULL && (*pdf || *format != FORMAT_CSV))
    *status = usage_error (_("--headers is for --format csv"));
  else if (paper_text != NULL && !pd_paper_from_string (paper_text, paper))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown paper “%s”; use “a4” or “letter”"), paper_text);
      *status = usage_error (message);
    }
  else if (headers_text != NULL && !pd_csv_headers_from_string (headers_text, headers))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown headers “%s”; use “stable” or “translated”"),
                                                  headers_text);
      *status = usage_error (message);
    }
  else
    return TRUE;
  return FALSE;
}

/* Writes a sheet to @output; a wrong season, round or session is a
 * usage error. */
static int
write_sheet (PdSheet    *sheet,
             GError     *error,
             const char *output,
             PdPaper     paper)
{
  g_autoptr(GError) local_error = error;

  if (sheet == NULL && g_error_matches (local_error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND))
    return usage_error (local_error->message);
  if (sheet == NULL || !pd_sheet_write_pdf (sheet, output, paper, &local_error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), local_error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

static int
cmd_seasons (int    argc,
             char **argv)
{
  g_autofree char *format_text = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(PdStore) store = NULL;
  g_autoptr(GListModel) seasons = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  OutputFormat format;
  int status = EXIT_OK;

  if (!parse_options ("", _("Lists the seasons in the database."), entries, &argc, &argv, &status))
    return status;
  if (argc > 1)
    return usage_error (_("“seasons” takes no arguments"));
  if (!parse_format (format_text, FALSE, &format))
    return format_error (format_text, FALSE);

  store = open_store (&status);
  if (store == NULL)
    return status;

  seasons = pd_store_list_seasons (store, &error);
  if (seasons == NULL)
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(PdSeason) season = g_list_model_get_item (seasons, i);
      g_autoptr(GListModel) rounds = pd_store_list_rounds (store, pd_season_get_id (season), NULL);
      guint n_rounds = 0;

      for (guint j = 0; rounds != NULL && j < g_list_model_get_n_items (rounds); j++)
        {
          g_autoptr(PdRound) round = g_list_model_get_item (rounds, j);
          n_rounds += pd_round_get_number (round) > 0;
        }

      if (format == FORMAT_TEXT)
        {
          g_autofree char *count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u round", "%u rounds",
                                                                 n_rounds), n_rounds);
          g_print ("%-24s %s (%s)\n", pd_season_get_id (season), pd_season_get_name (season), count);
          continue;
        }

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, pd_season_get_id (season));
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, pd_season_get_name (season));
      json_builder_set_member_name (builder, "series_id");
      json_builder_add_string_value (builder, pd_season_get_series_id (season));
      json_builder_set_member_name (builder, "year");
      json_builder_add_int_value (builder, pd_season_get_year (season));
      json_builder_set_member_name (builder, "rounds");
      json_builder_add_int_value (builder, n_rounds);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (builder);
      print_json (root);
    }

  return EXIT_OK;
}

static int
cmd_schedule (int    argc,
              char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *zone_text = NULL;
  g_autofree char *now_text = NULL;
  int round_number = 0;
  gboolean upcoming = FALSE;
  const GOptionEntry entries[] = {
    { "round", 0, 0, G_OPTION_ARG_INT, &round_number, N_("Only round N"), N_("N") },
    { "tz", 0, 0, G_OPTION_ARG_STRING, &zone_text, N_("Show local times in ZONE (default: yours)"), N_("ZONE") },
    { "upcoming", 0, 0, G_OPTION_ARG_NONE, &upcoming, N_("Only sessions that are not over"), NULL },
    { "now", 0, 0, G_OPTION_ARG_STRING, &now_text, N_("Take TIME as the current time (RFC 3339)"), N_("TIME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(GTimeZone) local_zone = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  OutputFormat format;
  int status = EXIT_OK;

  if (!parse_options (_("SEASON"), _("Shows a season's sessions, in the track's time and yours."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (_("Name one season, such as “gt4-european-2023” (see “paddock-cli seasons”)"));
  if (!parse_format (format_text, FALSE, &format))
    return format_error (format_text, FALSE);
  if (round_number < 0)
    return usage_error (_("A round number is 1 or more"));

  /* Everything the user typed is checked before the database is opened. */
  if (zone_text != NULL)
    {
      local_zone = pd_time_zone_new (zone_text, &error);
      if (local_zone == NULL)
        return usage_error (error->message);
    }
  else
    local_zone = g_time_zone_new_local ();

  if (now_text != NULL)
    {
      now = pd_time_parse_rfc3339 (now_text, &error);
      if (now == NULL)
        return usage_error (error->message);
    }
  else
    now = g_date_time_new_now_utc ();

  store = open_store (&status);
  if (store == NULL)
    return status;

  rows = pd_schedule_collect (store, argv[1], round_number, upcoming ? now : NULL, &error);
  if (rows == NULL)
    {
      if (g_error_matches (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND))
        return usage_error (error->message);
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonNode) root = pd_schedule_to_json (rows, local_zone);
      print_json (root);
    }
  else if (rows->len == 0)
    g_print ("%s\n", upcoming ? _("No sessions to come: the season is over.") : _("No sessions."));
  else
    {
      g_autofree char *text = pd_schedule_to_text (rows, local_zone);
      g_print ("%s", text);
    }

  return EXIT_OK;
}

/* Pads to a number of characters, not bytes: "Räikkönen" is 9 wide. */
static char *
pad_to_width (const char *text,
              int         width)
{
  GString *out = g_string_new (text);
  long len = g_utf8_strlen (text, -1);

  for (; len < width; len++)
    g_string_append_c (out, ' ');
  return g_string_free (out, FALSE);
}

/* The season's class by its name (any case) or id, or NULL. */
static char *
find_class (PdStore    *store,
            const char *season_id,
            const char *text)
{
  g_autoptr(GListModel) classes = pd_store_list_classes (store, season_id, NULL);
  g_autofree char *wanted = g_utf8_casefold (text, -1);

  for (guint i = 0; classes != NULL && i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PdClass) klass = g_list_model_get_item (classes, i);
      g_autofree char *name = g_utf8_casefold (pd_class_get_name (klass), -1);

      if (g_str_equal (name, wanted) || g_str_equal (pd_class_get_id (klass), text))
        return g_strdup (pd_class_get_id (klass));
    }
  return NULL;
}

/* Whether any of a competitor's results is not final yet. */
static gboolean
row_is_provisional (PdStandingsRow *row,
                    GHashTable     *provisional_ids)
{
  for (guint s = 0; s < row->scores->len; s++)
    if (g_hash_table_contains (provisional_ids, g_array_index (row->scores, PdStandingsScore, s).session_id))
      return TRUE;
  return FALSE;
}

/* The chart's options, checked: its format from --format or else from
 * the output's extension, its mode and how many lines. Returns a
 * message when they are wrong. */
static char *
parse_chart_options (const char    *format_text,
                     const char    *output,
                     const char    *mode_text,
                     int            top,
                     PdChartFormat *format,
                     PdChartMode   *mode)
{
  if (output == NULL || *output == '\0')
    return g_strdup (_("The chart needs --output FILE"));
  if (format_text != NULL && !pd_chart_format_from_string (format_text, format))
    return g_strdup_printf (_("Unknown chart format “%s”; use “png”, “svg” or “pdf”"), format_text);
  if (format_text == NULL && !pd_chart_format_from_path (output, format))
    return g_strdup (_("Name the chart’s format with --format png, svg or pdf, or end the file’s name in one"));
  if (mode_text != NULL && !pd_chart_mode_from_string (mode_text, mode))
    return g_strdup_printf (_("Unknown chart mode “%s”; use “points” or “position”"), mode_text);
  if (top != -1 && (top < 1 || top > PD_CHART_TOP_MAX))
    return g_strdup_printf (_("--top is a number from 1 to %d"), PD_CHART_TOP_MAX);
  return NULL;
}

/* standings --chart: the progression chart as PNG, SVG or PDF. */
static int
write_chart (PdStore         *store,
             const char      *season_id,
             PdStandingsKind  kind,
             const char      *class_id,
             int              after_round,
             int              top,
             PdChartMode      mode,
             PdChartFormat    format,
             PdPaper          paper,
             const char      *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdProgressionChart) chart = pd_progression_chart_load (store, season_id, kind, class_id, after_round,
                                                                   top, &error);

  if (chart == NULL && g_error_matches (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND))
    return usage_error (error->message);
  if (chart != NULL)
    pd_progression_chart_set_mode (chart, mode);
  if (chart == NULL || !pd_progression_chart_write (chart, output, format, paper, &error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}

static void
add_points_json (JsonBuilder *builder,
                 const char  *member,
                 PdPoints     points)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_double_value (builder, pd_points_to_double (points));
}

/* The title maths as data: the same in every language. */
static void
add_title_json (JsonBuilder     *builder,
                const PdTitle   *title,
                PdStore         *store,
                PdStandingsKind  kind)
{
  g_autofree char *available = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                                title->available.num, title->available.den);

  json_builder_set_member_name (builder, "title");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "after_round");
  json_builder_add_int_value (builder, title->after_round);
  json_builder_set_member_name (builder, "over");
  json_builder_add_boolean_value (builder, title->over);
  add_points_json (builder, "points_available", title->available);
  json_builder_set_member_name (builder, "points_available_exact");
  json_builder_add_string_value (builder, available);
  json_builder_set_member_name (builder, "rounds_left");
  json_builder_add_int_value (builder, title->rounds_left);
  json_builder_set_member_name (builder, "sessions_left");
  json_builder_add_int_value (builder, title->sessions_left);
  json_builder_set_member_name (builder, "next_round");
  title->next_round > 0 ? json_builder_add_int_value (builder, title->next_round)
                        : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "decided_round");
  title->decided_round > 0 ? json_builder_add_int_value (builder, title->decided_round)
                           : json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "champions");
  json_builder_begin_array (builder);
  for (guint i = 0; title->champion_ids != NULL && title->champion_ids[i] != NULL; i++)
    json_builder_add_string_value (builder, title->champion_ids[i]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "newcomer_can_win");
  json_builder_add_boolean_value (builder, title->newcomer_can_win);
  json_builder_set_member_name (builder, "contenders");
  json_builder_begin_array (builder);
  for (guint i = 0; i < title->contenders->len; i++)
    {
      PdTitleContender *contender = title->contenders->pdata[i];
      g_autofree char *name = pd_standings_name (store, kind, contender->id);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "ref");
      json_builder_add_string_value (builder, contender->id);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "position");
      contender->position > 0 ? json_builder_add_int_value (builder, contender->position)
                              : json_builder_add_null_value (builder);
      add_points_json (builder, "points", contender->points);
      add_points_json (builder, "max_points", contender->best);
      json_builder_set_member_name (builder, "can_win");
      json_builder_add_boolean_value (builder, contender->can_win);
      json_builder_set_member_name (builder, "can_clinch_next");
      json_builder_add_boolean_value (builder, contender->can_clinch_next);
      /* The leader's lead over the next; the others' gap to the leader. */
      add_points_json (builder, "gap", contender->behind);
      /* What one who can still win must make up on the leader. */
      json_builder_set_member_name (builder, "needs");
      if (contender->can_win && contender->position > 1 && title->decided_round == 0)
        json_builder_add_double_value (builder, pd_points_to_double (contender->behind));
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* "Title:" and a line for each who can still win, as on the sheet. */
static void
print_title (const PdTitle   *title,
             PdStore         *store,
             PdStandingsKind  kind)
{
  g_autoptr(GPtrArray) lines = pd_standings_title_lines (store, kind, title, NULL);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    g_print ("%s%s\n", i == 0 ? "\n" : "  ", (char *) lines->pdata[i]);
}

static int
cmd_standings (int    argc,
               char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *class_text = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *headers_text = NULL;
  g_autofree char *chart_mode_text = NULL;
  gboolean chart = FALSE;
  int top = -1;
  int after_round = 0;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text, N_("Drivers, teams or entries"), N_("KIND") },
    { "class", 0, 0, G_OPTION_ARG_STRING, &class_text, N_("Only the class NAME"), N_("NAME") },
    { "after-round", 0, 0, G_OPTION_ARG_INT, &after_round, N_("The standings after round N"), N_("N") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text, csv, json or pdf; png or svg for the chart"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF or the chart to FILE"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text, N_("Paper of the PDF: a4 or letter (the locale’s by default)"),
      N_("PAPER") },
    { "headers", 0, 0, G_OPTION_ARG_STRING, &headers_text,
      N_("Column names of the CSV: stable (the default) or translated"), N_("HEADERS") },
    { "chart", 0, 0, G_OPTION_ARG_NONE, &chart,
      N_("Write the progression chart (png, svg or pdf) instead of the table"), NULL },
    { "chart-mode", 0, 0, G_OPTION_ARG_STRING, &chart_mode_text,
      N_("What the chart shows by round: points or position"), N_("MODE") },
    { "top", 0, 0, G_OPTION_ARG_INT, &top, N_("How many leaders the chart shows (6 by default)"), N_("N") },
    { NULL }
  };
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdRules) rules = NULL;
  g_autoptr(PdScoreSeason) season = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) rounds = NULL;
  g_autoptr(GPtrArray) provisional = NULL;
  g_autoptr(PdTitle) title = NULL;
  g_autoptr(GHashTable) provisional_ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) provisional_rounds = g_hash_table_new (NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *class_id = NULL;
  PdStandingsKind kind = PD_STANDINGS_DRIVERS;
  OutputFormat format = FORMAT_TEXT;
  PdPaper paper = pd_paper_default ();
  PdCsvHeaders headers = PD_CSV_HEADERS_STABLE;
  PdChartFormat chart_format = PD_CHART_PDF;
  PdChartMode chart_mode = PD_CHART_POINTS;
  gboolean pdf = FALSE;
  int status = EXIT_OK;

  if (!parse_options (_("SEASON"), _("Shows a season's championship standings, computed from its results."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (_("Name one season, such as “gt4-european-2023” (see “paddock-cli seasons”)"));
  /* PNG and SVG are the chart's formats; with --chart, PDF is too. */
  chart = chart || g_strcmp0 (format_text, "png") == 0 || g_strcmp0 (format_text, "svg") == 0;
  if (chart)
    {
      g_autofree char *message = parse_chart_options (format_text, output, chart_mode_text, top,
                                                      &chart_format, &chart_mode);
      if (message != NULL)
        return usage_error (message);
      if (headers_text != NULL)
        return usage_error (_("--headers is for --format csv"));
      if (paper_text != NULL && !pd_paper_from_string (paper_text, &paper))
        {
          g_autofree char *paper_message = g_strdup_printf (_("Unknown paper “%s”; use “a4” or “letter”"),
                                                            paper_text);
          return usage_error (paper_message);
        }
    }
  else if (chart_mode_text != NULL || top != -1)
    return usage_error (_("--chart-mode and --top are for the chart (--chart)"));
  else if (!parse_output_options (format_text, output, paper_text, headers_text, &format, &pdf, &paper, &headers,
                                  &status))
    return status;
  if (after_round < 0)
    return usage_error (_("A round number is 1 or more"));
  if (kind_text == NULL || g_str_equal (kind_text, "drivers"))
    kind = PD_STANDINGS_DRIVERS;
  else if (g_str_equal (kind_text, "teams"))
    kind = PD_STANDINGS_TEAMS;
  else if (g_str_equal (kind_text, "entries"))
    kind = PD_STANDINGS_ENTRIES;
  else
    {
      g_autofree char *message = g_strdup_printf (_("Unknown kind “%s”; use “drivers”, “teams” or “entries”"),
                                                  kind_text);
      return usage_error (message);
    }

  store = open_store (&status);
  if (store == NULL)
    return status;

  if (class_text != NULL)
    {
      class_id = find_class (store, argv[1], class_text);
      if (class_id == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Season “%s” has no class “%s”"), argv[1], class_text);
          return usage_error (message);
        }
    }

  if (chart)
    return write_chart (store, argv[1], kind, class_id, after_round, MAX (top, 0), chart_mode, chart_format, paper,
                        output);
  if (pdf)
    {
      g_autoptr(PdStandingsSheet) sheet = pd_standings_sheet_new (store, argv[1], kind, class_id, after_round,
                                                                  &error);

      return write_sheet ((PdSheet *) sheet, g_steal_pointer (&error), output, paper);
    }

  rules = pd_rules_for_season (store, argv[1], &error);
  season = rules != NULL ? pd_score_season_load_scoring (store, argv[1], rules, &error) : NULL;
  if (season == NULL)
    {
      if (g_error_matches (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND))
        return usage_error (error->message);
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  rows = pd_standings_compute (rules, season, kind, class_id, after_round);
  /* The title maths goes with the text and JSON; a CSV file is the table. */
  if (format != FORMAT_CSV)
    title = pd_title_compute (rules, season, kind, class_id, after_round);
  rounds = pd_standings_rounds (rows);
  provisional = pd_season_provisional_sessions (store, argv[1], after_round, NULL);
  for (guint i = 0; provisional != NULL && i < provisional->len; i++)
    {
      PdProvisional *p = provisional->pdata[i];

      g_hash_table_add (provisional_ids, p->session_id);
      g_hash_table_add (provisional_rounds, GINT_TO_POINTER (p->round_number));
    }

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      /* The standings, and the title maths beside them. */
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "standings");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rows->len; i++)
        {
          PdStandingsRow *row = rows->pdata[i];
          g_autofree char *name = pd_standings_name (store, kind, row->id);
          g_autofree char *pos = pd_standings_row_position_text (row);
          g_autofree char *exact = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT,
                                                    row->points.num, row->points.den);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "position");
          row->excluded ? json_builder_add_null_value (builder) : json_builder_add_int_value (builder, row->position);
          json_builder_set_member_name (builder, "position_text");
          json_builder_add_string_value (builder, pos);
          json_builder_set_member_name (builder, "points");
          json_builder_add_double_value (builder, pd_points_to_double (row->points));
          json_builder_set_member_name (builder, "points_exact");
          json_builder_add_string_value (builder, exact);
          json_builder_set_member_name (builder, "name");
          json_builder_add_string_value (builder, name);
          json_builder_set_member_name (builder, "ref");
          json_builder_add_string_value (builder, row->id);
          json_builder_set_member_name (builder, "wins");
          json_builder_add_int_value (builder, row->wins);
          json_builder_set_member_name (builder, "excluded");
          json_builder_add_boolean_value (builder, row->excluded);
          json_builder_set_member_name (builder, "tie_break_place");
          row->tie_place > 0 ? json_builder_add_int_value (builder, row->tie_place)
                             : json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "provisional");
          json_builder_add_boolean_value (builder, row_is_provisional (row, provisional_ids));
          json_builder_set_member_name (builder, "rounds");
          json_builder_begin_array (builder);
          for (guint r = 0; r < rounds->len; r++)
            {
              int round = g_array_index (rounds, int, r);
              PdPoints counted, dropped;

              pd_standings_row_round_points (row, round, &counted, &dropped);
              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "round");
              json_builder_add_int_value (builder, round);
              json_builder_set_member_name (builder, "counted");
              json_builder_add_double_value (builder, pd_points_to_double (counted));
              json_builder_set_member_name (builder, "dropped");
              json_builder_add_double_value (builder, pd_points_to_double (dropped));
              json_builder_set_member_name (builder, "provisional");
              json_builder_add_boolean_value (builder,
                                              g_hash_table_contains (provisional_rounds, GINT_TO_POINTER (round)));
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_title_json (builder, title, store, kind);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      print_json (root);
      return EXIT_OK;
    }

  if (format == FORMAT_CSV)
    {
      g_autofree char *csv = pd_standings_to_csv (store, kind, rows, headers);

      fputs (csv, stdout);
      return EXIT_OK;
    }

  if (rows->len == 0)
    g_print ("%s\n", _("No points scored yet."));
  for (guint i = 0; i < rows->len; i++)
    {
      PdStandingsRow *row = rows->pdata[i];
      g_autofree char *name = pd_standings_name (store, kind, row->id);
      g_autofree char *pos = pd_standings_row_position_text (row);
      g_autofree char *points = pd_points_format (row->points);
      g_autoptr(GString) dropped = g_string_new (NULL);
      g_autofree char *padded = pad_to_width (name, 32);

      for (guint s = 0; s < row->scores->len; s++)
        {
          PdStandingsScore *score = &g_array_index (row->scores, PdStandingsScore, s);

          if (!score->counted && !pd_points_is_zero (score->points))
            {
              g_autofree char *p = pd_points_format (score->points);
              g_string_append_printf (dropped, " (%s)", p);
            }
        }
      g_print ("%4s  %s %8s%s\n", pos, padded, points, dropped->str);
    }
  print_title (title, store, kind);
  {
    g_autofree char *note = pd_provisional_describe (provisional);

    if (note != NULL)
      g_print ("\n%s\n", note);
  }

  return EXIT_OK;
}

typedef struct {
  PdSeason *season;
} SaveSeason;

static gboolean
save_season_cb (PdStore   *store,
                gpointer   user_data,
                GError   **error)
{
  SaveSeason *save = user_data;

  return pd_store_save (store, G_OBJECT (save->season), error);
}

static int
cmd_rules (int    argc,
           char **argv)
{
  g_autofree char *preset = NULL;
  g_autofree char *file = NULL;
  gboolean list = FALSE;
  const GOptionEntry entries[] = {
    { "preset", 0, 0, G_OPTION_ARG_STRING, &preset, N_("Give the season the preset ID"), N_("ID") },
    { "file", 0, 0, G_OPTION_ARG_FILENAME, &file, N_("Give the season the rules in FILE"), N_("FILE") },
    { "list-presets", 0, 0, G_OPTION_ARG_NONE, &list, N_("List the presets"), NULL },
    { NULL }
  };
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(PdRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  int status = EXIT_OK;

  if (!parse_options (_("[SEASON]"), _("Shows a season's points rules, or gives it a preset or a rules file."),
                      entries, &argc, &argv, &status))
    return status;

  if (list)
    {
      g_auto(GStrv) presets = pd_rules_list_presets ();

      for (guint i = 0; presets[i] != NULL; i++)
        g_print ("%s\n", presets[i]);
      return EXIT_OK;
    }

  if (argc != 2)
    return usage_error (_("Name one season, such as “gt4-european-2023” (see “paddock-cli seasons”)"));
  if (preset != NULL && file != NULL)
    return usage_error (_("Give either --preset or --file, not both"));

  /* The new rules are read and checked before the database is touched. */
  if (preset != NULL && (rules = pd_rules_load_preset (preset, &error)) == NULL)
    return usage_error (error->message);
  if (file != NULL)
    {
      gsize length;

      if (!g_file_get_contents (file, &contents, &length, &error) ||
          (rules = pd_rules_parse (contents, length, &error)) == NULL)
        return usage_error (error->message);
    }

  store = open_store (&status);
  if (store == NULL)
    return status;
  season = pd_store_get (store, PD_TYPE_SEASON, argv[1], &error);
  if (season == NULL)
    return usage_error (error->message);

  if (preset != NULL || file != NULL)
    {
      SaveSeason save = { season };

      if (preset != NULL)
        {
          pd_season_set_rules_id (season, preset);
          pd_season_set_rules (season, NULL);
        }
      else
        pd_season_set_rules (season, contents);

      if (!pd_store_transaction (store, save_season_cb, &save, &error))
        {
          g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
          return EXIT_FAILED;
        }
    }
  else if ((rules = pd_rules_for_season (store, argv[1], &error)) == NULL)
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  lines = pd_rules_describe (rules);
  g_print ("%s\n", rules->name);
  for (guint i = 0; lines[i] != NULL; i++)
    g_print ("  %s\n", lines[i]);
  return EXIT_OK;
}

static int
import_ergast (const char *dir)
{
  g_autoptr(PdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  PdErgastStats stats = { 0 };
  int status = EXIT_OK;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *message = g_strdup_printf (_("“%s” is not a folder"), dir);
      return usage_error (message);
    }

  store = open_store (&status);
  if (store == NULL)
    return status;

  if (!pd_ergast_import (store, dir, &stats, &error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      g_printerr (_("%s: nothing was imported\n"), g_get_prgname ());
      return EXIT_FAILED;
    }

  /* TRANSLATORS: a summary after an import */
  g_print (_("Imported %u seasons, %u rounds and %u results.\n"), stats.seasons, stats.rounds, stats.results);
  return EXIT_OK;
}

/* Reads a file, or fetches an http(s) URL (in paddock-cli-full), whole. */
static gboolean
read_source (const char  *path_or_url,
             char       **data,
             gsize       *length,
             GError     **error)
{
  if (strstr (path_or_url, "://") == NULL)
    return g_file_get_contents (path_or_url, data, length, error);
  return pd_cli_fetch (path_or_url, data, length, error);
}

/* Reads a file to import whole, then opens the database: a file that
 * cannot be read creates no database. Returns the exit status. */
int
read_then_open (const char  *file,
                char       **data,
                gsize       *length,
                PdStore    **store)
{
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  /* A web address is fetched once (see pd-cli-feeds.c). */
  if (!read_source (file, data, length, &error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }
  *store = open_store (&status);
  return status;
}

static int
import_alkamel (const char *file,
                const char *season_id,
                int         round,
                const char *session_name)
{
  g_autoptr(PdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *name = g_path_get_basename (file);
  PdAlkamelStats stats = { 0 };
  gsize length;
  int status = EXIT_OK;

  if (season_id == NULL || round <= 0 || session_name == NULL || *session_name == '\0')
    return usage_error (_("An Al Kamel classification needs --season SEASON, --round N and --session NAME"));
  if ((status = read_then_open (file, &data, &length, &store)) != EXIT_OK)
    return status;

  if (!pd_alkamel_import (store, name, data, length, season_id, round, session_name, &stats, &error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      g_printerr (_("%s: nothing was imported\n"), g_get_prgname ());
      return EXIT_FAILED;
    }

  /* TRANSLATORS: a summary after an import: cars, then the session's id */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u car into %s", "Imported %u cars into %s", stats.cars),
           stats.cars, stats.session_id);
  /* TRANSLATORS: what an import created: cars, teams, drivers, classes */
  g_print (_(" (new: %u cars, %u teams, %u drivers, %u classes).\n"), stats.entries_created, stats.teams_created,
           stats.drivers_created, stats.classes_created);
  pd_alkamel_stats_clear (&stats);
  return EXIT_OK;
}

static int
import_paddock (const char *file,
                const char *season_id)
{
  g_autoptr(PdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *imported_id = NULL;
  PdSeasonJsonStats stats = { 0 };
  gsize length;
  int status = EXIT_OK;

  if ((status = read_then_open (file, &data, &length, &store)) != EXIT_OK)
    return status;

  /* A Paddock file names its season; --season only makes sure it is the
   * one meant (see docs/season-format.md). */
  if (!pd_season_json_import_full (store, data, length, season_id, &stats, &imported_id, &error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      g_printerr (_("%s: nothing was imported\n"), g_get_prgname ());
      return g_error_matches (error, PD_SEASON_JSON_ERROR, PD_SEASON_JSON_ERROR_SEASON) ? EXIT_USAGE : EXIT_FAILED;
    }

  /* TRANSLATORS: a summary after an import: the season's id, then how many of each its file held */
  g_print (_("Imported %s (rounds: %u, sessions: %u, cars: %u, results: %u, penalties: %u).\n"), imported_id,
           stats.rounds, stats.sessions, stats.entries, stats.results, stats.penalties);
  return EXIT_OK;
}

/* The season of a sportstimes file named as in its repository,
 * ".../f1/2024.json": "f1-2024"; NULL for another name. */
static char *
sportstimes_season (const char *file,
                    const char *series)
{
  g_autofree char *name = g_path_get_basename (file);

  if (series == NULL || strlen (name) != strlen ("2024.json") || !g_str_has_suffix (name, ".json") ||
      !g_ascii_isdigit (name[0]) || !g_ascii_isdigit (name[1]) || !g_ascii_isdigit (name[2]) ||
      !g_ascii_isdigit (name[3]))
    return NULL;
  return g_strdup_printf ("%s-%.4s", series, name);
}

static int
import_sportstimes (const char *file,
                    const char *season_id,
                    const char *series)
{
  g_autoptr(PdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *derived_id = NULL;
  PdSportstimesStats stats = { 0 };
  gsize length;
  int status = EXIT_OK;

  if (series == NULL)
    series = pd_sportstimes_guess_series (file);
  if (season_id == NULL || *season_id == '\0')
    season_id = derived_id = sportstimes_season (file, series);
  if (season_id == NULL)
    return usage_error (_("A sportstimes calendar needs --season SEASON, unless its path names the series and "
                          "year, such as “f1/2024.json”"));
  if ((status = read_then_open (file, &data, &length, &store)) != EXIT_OK)
    return status;

  /* As for iCalendar: what cannot be read is reported and left out, the
   * rest is imported (docs/sportstimes.md). */
  if (!pd_sportstimes_import (store, data, length, season_id, series, &stats, &error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      g_printerr (_("%s: nothing was imported\n"), g_get_prgname ());
      pd_sportstimes_stats_clear (&stats);
      /* An unknown --series is a wrong request. */
      return g_error_matches (error, PD_SPORTSTIMES_ERROR, PD_SPORTSTIMES_ERROR_SERIES) ? EXIT_USAGE : EXIT_FAILED;
    }
  for (guint i = 0; i < stats.problems->len; i++)
    g_printerr (_("%s: %s: %s\n"), g_get_prgname (), file, (const char *) stats.problems->pdata[i]);

  g_print (_("Imported %u sessions in %u rounds into %s"), stats.sessions, stats.rounds, season_id);
  if (stats.problems->len > 0)
    /* TRANSLATORS: follows “Imported N sessions in N rounds into SEASON” */
    g_print (g_dngettext (GETTEXT_PACKAGE, " (%u problem, see above)", " (%u problems, see above)",
                          stats.problems->len),
             stats.problems->len);
  g_print (".\n");
  pd_sportstimes_stats_clear (&stats);
  return EXIT_OK;
}

static int
cmd_import (int    argc,
            char **argv)
{
  g_autofree char *season_id = NULL;
  g_autofree char *session_name = NULL;
  g_autofree char *series = NULL;
  int round = 0;
  const GOptionEntry entries[] = {
    { "season", 0, 0, G_OPTION_ARG_STRING, &season_id, N_("alkamel, ics, paddock, sportstimes: into the season SEASON"), N_("SEASON") },
    { "series", 0, 0, G_OPTION_ARG_STRING, &series, N_("sportstimes: the calendar's series (f1, f2, f3, fe, indycar, motogp, f1-academy, extremee)"), N_("SERIES") },
    { "round", 0, 0, G_OPTION_ARG_INT, &round, N_("alkamel: into round N"), N_("N") },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_name, N_("alkamel: into the session NAME"), N_("NAME") },
    { NULL }
  };
  int status = EXIT_OK;

  if (!parse_options (_("FORMAT PATH"),
                      _("Imports seasons or results. Formats: paddock (a Paddock season file), ics (an iCalendar "
                        "file of sessions, with --season), sportstimes (a calendar of f1calendar.com and its "
                        "sister sites, with --season unless its path is SERIES/YEAR.json), ergast (a folder of "
                        "Ergast CSV files), alkamel (an Al Kamel classification CSV, with --season, --round and "
                        "--session)."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return usage_error (_("Name a format and a path, such as “import ergast DIR”"));
  if (series != NULL && !g_str_equal (argv[1], "sportstimes"))
    return usage_error (_("--series is for “import sportstimes”"));
  if (g_str_equal (argv[1], "paddock"))
    {
      if (round != 0 || session_name != NULL)
        return usage_error (_("--round and --session are for “import alkamel”"));
      return import_paddock (argv[2], season_id);
    }
  if (g_str_equal (argv[1], "ics"))
    {
      if (round != 0 || session_name != NULL)
        return usage_error (_("--round and --session are for “import alkamel”"));
      return pd_cli_import_ics (argv[2], season_id);
    }
  if (g_str_equal (argv[1], "sportstimes"))
    {
      if (round != 0 || session_name != NULL)
        return usage_error (_("--round and --session are for “import alkamel”"));
      return import_sportstimes (argv[2], season_id, series);
    }
  if (g_str_equal (argv[1], "ergast"))
    return import_ergast (argv[2]);
  if (g_str_equal (argv[1], "alkamel"))
    return import_alkamel (argv[2], season_id, round, session_name);

  {
    g_autofree char *message = g_strdup_printf (_("Unknown import format “%s”; use “paddock”, “ics”, “sportstimes”, “ergast” or “alkamel”"), argv[1]);
    return usage_error (message);
  }
}

static int
cmd_results (int    argc,
             char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *session_name = NULL;
  g_autofree char *output = NULL;
  g_autofree char *paper_text = NULL;
  g_autofree char *headers_text = NULL;
  int round = 0;
  const GOptionEntry entries[] = {
    { "round", 0, 0, G_OPTION_ARG_INT, &round, N_("The round N"), N_("N") },
    { "session", 0, 0, G_OPTION_ARG_STRING, &session_name, N_("The session NAME, such as “Race 2”"), N_("NAME") },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text, csv, json or pdf"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write the PDF to FILE"), N_("FILE") },
    { "paper", 0, 0, G_OPTION_ARG_STRING, &paper_text, N_("Paper of the PDF: a4 or letter (the locale’s by default)"),
      N_("PAPER") },
    { "headers", 0, 0, G_OPTION_ARG_STRING, &headers_text,
      N_("Column names of the CSV: stable (the default) or translated"), N_("HEADERS") },
    { NULL }
  };
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  OutputFormat format;
  PdPaper paper;
  PdCsvHeaders headers;
  gboolean pdf;
  int status = EXIT_OK;

  if (!parse_options (_("SEASON"), _("Shows a session's classification."), entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (_("Name one season, such as “gt4-european-2023” (see “paddock-cli seasons”)"));
  if (round <= 0 || session_name == NULL)
    return usage_error (_("Name a session with --round N and --session NAME"));
  if (!parse_output_options (format_text, output, paper_text, headers_text, &format, &pdf, &paper, &headers, &status))
    return status;

  store = open_store (&status);
  if (store == NULL)
    return status;

  session = pd_results_find_session (store, argv[1], round, session_name, &error);
  if (pdf)
    {
      g_autoptr(PdSheet) sheet = session != NULL ? pd_results_sheet_new (store, pd_session_get_id (session), &error)
                                                 : NULL;

      return write_sheet (sheet, g_steal_pointer (&error), output, paper);
    }
  rows = session != NULL ? pd_results_load (store, pd_session_get_id (session), &error) : NULL;
  if (rows == NULL)
    {
      if (g_error_matches (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND))
        return usage_error (error->message);
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonNode) root = pd_results_to_json (rows);
      print_json (root);
      return EXIT_OK;
    }
  if (format == FORMAT_CSV)
    {
      g_autofree char *csv = pd_results_to_csv (rows, headers);
      fputs (csv, stdout);
      return EXIT_OK;
    }

  if (rows->len == 0)
    g_print ("%s\n", _("No results stored for this session."));
  for (guint i = 0; i < rows->len; i++)
    {
      PdResultRow *row = rows->pdata[i];
      PdResult *result = row->result;
      g_autofree char *pos = pd_result_get_position (result) > 0
                             ? g_strdup_printf ("%d", pd_result_get_position (result)) : g_strdup ("–");
      g_autofree char *class_pos = pd_result_get_class_position (result) > 0
                                   ? g_strdup_printf ("%s %d", row->class_name, pd_result_get_class_position (result))
                                   : g_strdup (row->class_name);
      g_autofree char *drivers = g_strjoinv (" / ", row->driver_names);
      g_autofree char *number = *row->number != '\0' ? g_strdup_printf ("#%s", row->number) : g_strdup ("");
      g_autofree char *time = NULL;
      g_autofree char *padded_class = pad_to_width (class_pos, 12);
      g_autofree char *padded_drivers = pad_to_width (drivers, 36);

      if (pd_result_get_status (result) != PD_RESULT_STATUS_CLASSIFIED)
        time = g_strdup (pd_result_status_to_label (pd_result_get_status (result)));
      else if (pd_result_get_total_time_ms (result) > 0)
        time = pd_timing_format_time (pd_result_get_total_time_ms (result));
      else
        time = g_strdup ("");
      g_autofree char *laps = pd_result_get_laps (result) >= 0
                              /* TRANSLATORS: laps in a row of a classification */
                              ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d lap", "%d laps",
                                                              pd_result_get_laps (result)),
                                                 pd_result_get_laps (result))
                              : g_strdup ("");
      g_autofree char *padded_laps = pad_to_width (laps, 9);

      g_print ("%4s  %s %5s  %s %s  %s", pos, padded_class, number, padded_drivers, padded_laps, time);
      for (guint p = 0; p < row->penalties->len; p++)
        {
          PdPenalty *penalty = row->penalties->pdata[p];
          const char *label = pd_penalty_kind_to_label (pd_penalty_get_kind (penalty));

          if (pd_penalty_get_time_ms (penalty) > 0)
            {
              g_autofree char *penalty_time = pd_timing_format_time (pd_penalty_get_time_ms (penalty));
              g_print ("  [%s +%s]", label, penalty_time);
            }
          else if (pd_penalty_get_positions (penalty) > 0)
            g_print ("  [%s %d]", label, pd_penalty_get_positions (penalty));
          else
            g_print ("  [%s]", label);
        }
      g_print ("\n");
    }
  return EXIT_OK;
}

/* A driver's name for people. */
static char *
driver_display_name (PdEntryList *list,
                     const char  *driver_id)
{
  g_autoptr(PdDriver) driver = pd_entry_list_get_driver (list, driver_id);

  if (driver == NULL)
    return g_strdup (driver_id);
  if (pd_driver_get_first_name (driver) == NULL)
    return g_strdup (pd_driver_get_last_name (driver));
  return g_strdup_printf ("%s %s", pd_driver_get_first_name (driver), pd_driver_get_last_name (driver));
}

static void
add_crew_json (JsonBuilder  *builder,
               PdEntryList  *list,
               char        **crew)
{
  json_builder_begin_array (builder);
  for (guint d = 0; crew[d] != NULL; d++)
    {
      g_autoptr(PdDriver) driver = pd_entry_list_get_driver (list, crew[d]);
      g_autofree char *name = driver_display_name (list, crew[d]);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_string_value (builder, crew[d]);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, name);
      json_builder_set_member_name (builder, "nationality");
      json_builder_add_string_value (builder, driver != NULL ? pd_driver_get_nationality (driver) : NULL);
      json_builder_set_member_name (builder, "grading");
      json_builder_add_string_value (builder, pd_enum_to_nick (PD_TYPE_GRADING,
                                                               driver != NULL ? pd_driver_get_grading (driver) : 0));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static char *
crew_text (PdEntryList  *list,
           char        **crew)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint d = 0; crew[d] != NULL; d++)
    {
      g_autoptr(PdDriver) driver = pd_entry_list_get_driver (list, crew[d]);
      g_autofree char *name = driver_display_name (list, crew[d]);
      GString *text = g_string_new (name);

      if (driver != NULL && pd_driver_get_nationality (driver) != NULL)
        g_string_append_printf (text, " (%s)", pd_driver_get_nationality (driver));
      if (driver != NULL && pd_driver_get_grading (driver) != PD_GRADING_NONE)
        g_string_append_printf (text, " %s", pd_grading_to_label (pd_driver_get_grading (driver)));
      g_ptr_array_add (names, g_string_free (text, FALSE));
    }
  g_ptr_array_add (names, NULL);
  return g_strjoinv (", ", (char **) names->pdata);
}

/* Prints the entry list, or one car of it. */
static void
print_entries (PdStore      *store,
               PdEntryList  *list,
               const char   *only_id,
               OutputFormat  format)
{
  g_autoptr(GPtrArray) entries = pd_entry_list_get_entries (list);
  g_autoptr(GListModel) rounds = pd_store_list_rounds (store, pd_entry_list_get_season_id (list), NULL);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GString) csv = g_string_new (NULL);

  json_builder_begin_array (builder);
  if (format == FORMAT_CSV)
    {
      const char *headings[] = { "number", "team", "car", "class", "drivers" };

      for (guint h = 0; h < G_N_ELEMENTS (headings); h++)
        pd_csv_append_field (csv, headings[h], h + 1 == G_N_ELEMENTS (headings));
    }

  for (guint i = 0; i < entries->len; i++)
    {
      PdEntry *entry = entries->pdata[i];
      g_autoptr(PdTeam) team = pd_entry_list_get_team (list, pd_entry_get_team_id (entry));
      g_autoptr(PdClass) klass = pd_entry_get_class_id (entry) != NULL
                                 ? pd_store_find (store, PD_TYPE_CLASS, pd_entry_get_class_id (entry), NULL) : NULL;
      g_auto(GStrv) crew = pd_entry_list_get_crew (list, pd_entry_get_id (entry), NULL);
      g_autofree char *drivers = crew_text (list, crew);
      const char *number = pd_entry_get_number (entry) != NULL ? pd_entry_get_number (entry) : "";

      if (only_id != NULL && g_strcmp0 (pd_entry_get_id (entry), only_id) != 0)
        continue;

      if (format == FORMAT_JSON)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "number");
          json_builder_add_string_value (builder, pd_entry_get_number (entry));
          json_builder_set_member_name (builder, "team");
          json_builder_add_string_value (builder, team != NULL ? pd_team_get_name (team) : NULL);
          json_builder_set_member_name (builder, "car");
          json_builder_add_string_value (builder, pd_entry_get_car_model (entry));
          json_builder_set_member_name (builder, "class");
          json_builder_add_string_value (builder, klass != NULL ? pd_class_get_name (klass) : NULL);
          json_builder_set_member_name (builder, "drivers");
          add_crew_json (builder, list, crew);
          json_builder_set_member_name (builder, "round_crews");
          json_builder_begin_object (builder);
          for (guint r = 0; rounds != NULL && r < g_list_model_get_n_items (rounds); r++)
            {
              g_autoptr(PdRound) round = g_list_model_get_item (rounds, r);
              g_autofree char *key = g_strdup_printf ("%d", pd_round_get_number (round));
              g_auto(GStrv) own = NULL;

              if (!pd_entry_list_has_round_crew (list, pd_entry_get_id (entry), pd_round_get_id (round)))
                continue;
              own = pd_entry_list_get_crew (list, pd_entry_get_id (entry), pd_round_get_id (round));
              json_builder_set_member_name (builder, key);
              add_crew_json (builder, list, own);
            }
          json_builder_end_object (builder);
          json_builder_end_object (builder);
        }
      else if (format == FORMAT_CSV)
        {
          pd_csv_append_field (csv, number, FALSE);
          pd_csv_append_field (csv, team != NULL ? pd_team_get_name (team) : "", FALSE);
          pd_csv_append_field (csv, pd_entry_get_car_model (entry) ? pd_entry_get_car_model (entry) : "", FALSE);
          pd_csv_append_field (csv, klass != NULL ? pd_class_get_name (klass) : "", FALSE);
          pd_csv_append_field (csv, drivers, TRUE);
        }
      else
        {
          g_autofree char *padded_team = pad_to_width (team != NULL ? pd_team_get_name (team) : "", 36);
          g_autofree char *padded_class = pad_to_width (klass != NULL ? pd_class_get_name (klass) : "", 8);

          g_print ("%5s  %s %s %s\n", number, padded_team, padded_class, drivers);
          for (guint r = 0; rounds != NULL && r < g_list_model_get_n_items (rounds); r++)
            {
              g_autoptr(PdRound) round = g_list_model_get_item (rounds, r);
              g_auto(GStrv) own = NULL;
              g_autofree char *own_text = NULL;

              if (!pd_entry_list_has_round_crew (list, pd_entry_get_id (entry), pd_round_get_id (round)))
                continue;
              own = pd_entry_list_get_crew (list, pd_entry_get_id (entry), pd_round_get_id (round));
              own_text = crew_text (list, own);
              /* TRANSLATORS: a car's crew in one round: the round's number, then the drivers */
              g_print (_("       round %d: %s\n"), pd_round_get_number (round), own_text);
            }
        }
    }

  if (format == FORMAT_JSON)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      print_json (root);
    }
  else if (format == FORMAT_CSV)
    fwrite (csv->str, 1, csv->len, stdout);
}

/* "NAME=VALUE" → the driver's id in @crew whose name or id is NAME. */
static const char *
crew_member (PdEntryList  *list,
             char        **crew,
             const char   *name)
{
  g_autofree char *wanted = g_utf8_casefold (name, -1);

  for (guint d = 0; crew[d] != NULL; d++)
    {
      g_autofree char *full = driver_display_name (list, crew[d]);
      g_autofree char *folded = g_utf8_casefold (full, -1);

      if (g_str_equal (folded, wanted) || g_str_equal (crew[d], name))
        return crew[d];
    }
  return NULL;
}

static int
cmd_entries (int    argc,
             char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *number = NULL;
  g_autofree char *new_number = NULL;
  g_autofree char *team = NULL;
  g_autofree char *model = NULL;
  g_autofree char *class_text = NULL;
  g_auto(GStrv) drivers = NULL;
  g_auto(GStrv) nationalities = NULL;
  g_auto(GStrv) gradings = NULL;
  gboolean remove = FALSE;
  int round_number = 0;
  const GOptionEntry entries[] = {
    { "car", 0, 0, G_OPTION_ARG_STRING, &number, N_("The car NUMBER to add or change"), N_("NUMBER") },
    { "number", 0, 0, G_OPTION_ARG_STRING, &new_number, N_("Give the car a new NUMBER"), N_("NUMBER") },
    { "team", 0, 0, G_OPTION_ARG_STRING, &team, N_("The car's team (an empty NAME: none)"), N_("NAME") },
    { "model", 0, 0, G_OPTION_ARG_STRING, &model, N_("The car model"), N_("MODEL") },
    { "class", 0, 0, G_OPTION_ARG_STRING, &class_text, N_("The car's class (“none”: no class)"), N_("NAME") },
    { "driver", 0, 0, G_OPTION_ARG_STRING_ARRAY, &drivers, N_("Add a driver to the crew (repeatable)"), N_("NAME") },
    { "round", 0, 0, G_OPTION_ARG_INT, &round_number, N_("Drivers for round N only"), N_("N") },
    { "nationality", 0, 0, G_OPTION_ARG_STRING_ARRAY, &nationalities,
      N_("A crew member's nationality, such as “Jessica Bäckman=SE”"), N_("DRIVER=CODE") },
    { "grading", 0, 0, G_OPTION_ARG_STRING_ARRAY, &gradings,
      N_("A crew member's grading: platinum, gold, silver, bronze or none"), N_("DRIVER=GRADING") },
    { "remove", 0, 0, G_OPTION_ARG_NONE, &remove, N_("Remove the car"), NULL },
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text, N_("Output format: text, csv or json"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdEntryList) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *entry_id = NULL;
  g_autofree char *round_id = NULL;
  g_autofree char *class_id = NULL;
  OutputFormat format;
  int status = EXIT_OK;
  gboolean ok = TRUE;

  if (!parse_options (_("SEASON"), _("Shows a season's entry list, or adds, changes or removes a car."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (_("Name one season, such as “gt4-european-2023” (see “paddock-cli seasons”)"));
  if (!parse_format (format_text, TRUE, &format))
    return format_error (format_text, TRUE);
  if (number == NULL && (new_number || team || model || class_text || drivers || nationalities || gradings || remove))
    return usage_error (_("Name the car to change with --car NUMBER"));
  if (round_number < 0)
    return usage_error (_("A round number is 1 or more"));

  store = open_store (&status);
  if (store == NULL)
    return status;
  list = pd_entry_list_new (store, argv[1], &error);
  if (list == NULL)
    return usage_error (error->message);

  if (number == NULL)
    {
      print_entries (store, list, NULL, format);
      return EXIT_OK;
    }

  /* The round and class named must be the season's. */
  if (round_number > 0)
    {
      g_autoptr(GListModel) rounds = pd_store_list_rounds (store, argv[1], NULL);

      for (guint i = 0; rounds != NULL && i < g_list_model_get_n_items (rounds) && round_id == NULL; i++)
        {
          g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);

          if (pd_round_get_number (round) == round_number)
            round_id = g_strdup (pd_round_get_id (round));
        }
      if (round_id == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Season “%s” has no round %d"), argv[1], round_number);
          return usage_error (message);
        }
    }
  if (class_text != NULL && g_ascii_strcasecmp (class_text, "none") != 0)
    {
      class_id = find_class (store, argv[1], class_text);
      if (class_id == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Season “%s” has no class “%s”"), argv[1], class_text);
          return usage_error (message);
        }
    }

  {
    g_autoptr(GPtrArray) cars = pd_entry_list_get_entries (list);

    for (guint i = 0; i < cars->len && entry_id == NULL; i++)
      if (g_strcmp0 (pd_entry_get_number (cars->pdata[i]), g_strstrip (number)) == 0 ||
          (number[0] == '#' && g_strcmp0 (pd_entry_get_number (cars->pdata[i]), number + 1) == 0))
        entry_id = g_strdup (pd_entry_get_id (cars->pdata[i]));
  }

  if (remove)
    {
      if (entry_id == NULL)
        {
          g_autofree char *message = g_strdup_printf (_("Season “%s” has no car %s"), argv[1], number);
          return usage_error (message);
        }
      if (!pd_entry_list_remove_car (list, entry_id, &error))
        {
          g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
          return EXIT_FAILED;
        }
      return EXIT_OK;
    }

  /* Every change in turn; one refused undoes those made before it, so
   * that a command changes all it names or nothing. */
  if (entry_id == NULL)
    ok = (entry_id = pd_entry_list_add_car (list, number, &error)) != NULL;
  if (ok && new_number != NULL)
    ok = pd_entry_list_set_number (list, entry_id, new_number, &error);
  if (ok && team != NULL)
    ok = pd_entry_list_set_team (list, entry_id, team, &error);
  if (ok && model != NULL)
    ok = pd_entry_list_set_car_model (list, entry_id, model, &error);
  if (ok && class_text != NULL)
    ok = pd_entry_list_set_class (list, entry_id, class_id, &error);
  for (guint i = 0; ok && drivers != NULL && drivers[i] != NULL; i++)
    {
      g_autofree char *driver = pd_entry_list_add_driver (list, entry_id, round_id, drivers[i], &error);
      ok = driver != NULL;
    }
  for (guint pass = 0; pass < 2 && ok; pass++)
    {
      char **settings = pass == 0 ? nationalities : gradings;

      for (guint i = 0; ok && settings != NULL && settings[i] != NULL; i++)
        {
          g_auto(GStrv) crew = pd_entry_list_get_crew (list, entry_id, round_id);
          g_auto(GStrv) pair = g_strsplit (settings[i], "=", 2);
          const char *driver = pair[0] != NULL && pair[1] != NULL ? crew_member (list, crew, g_strstrip (pair[0])) : NULL;
          int grading = 0;

          if (driver == NULL)
            {
              g_set_error (&error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
                           _("“%s” does not name a driver of car %s as DRIVER=VALUE"), settings[i], number);
              ok = FALSE;
            }
          else if (pass == 0)
            ok = pd_entry_list_set_nationality (list, driver, pair[1], &error);
          else if (!pd_enum_from_nick (PD_TYPE_GRADING, g_strstrip (pair[1]), &grading))
            {
              g_set_error (&error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE,
                           _("“%s” is not a grading: use platinum, gold, silver, bronze or none"), pair[1]);
              ok = FALSE;
            }
          else
            ok = pd_entry_list_set_grading (list, driver, grading, &error);
        }
    }

  if (!ok)
    {
      while (pd_entry_list_can_undo (list))
        pd_entry_list_undo (list, NULL);
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return g_error_matches (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_VALUE) ||
             g_error_matches (error, PD_ENTRY_LIST_ERROR, PD_ENTRY_LIST_ERROR_DUPLICATE) ? EXIT_USAGE : EXIT_FAILED;
    }

  print_entries (store, list, entry_id, format);
  return EXIT_OK;
}


static int
cmd_export (int    argc,
            char **argv)
{
  g_autofree char *format_text = NULL;
  g_autofree char *output = NULL;
  int reminder = -1;
  gboolean ics = FALSE;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format_text,
      N_("paddock (the whole season, the default), csv or ics (its sessions)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE instead of the standard output"),
      N_("FILE") },
    { "reminder", 0, 0, G_OPTION_ARG_INT, &reminder,
      N_("ics: a reminder MINUTES before each session"), N_("MINUTES") },
    { NULL }
  };
  g_autoptr(PdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean csv = FALSE;
  int status = EXIT_OK;

  if (!parse_options (_("SEASON"), _("Writes a season to a file: the whole season as a Paddock season file, or "
                                     "its sessions as CSV or iCalendar."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (_("Name one season, such as “gt4-european-2023” (see “paddock-cli seasons”)"));
  if (format_text != NULL && g_str_equal (format_text, "csv"))
    csv = TRUE;
  else if (format_text != NULL && g_str_equal (format_text, "ics"))
    ics = TRUE;
  else if (format_text != NULL && !g_str_equal (format_text, "paddock"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown export format “%s”; use “paddock”, “csv” or “ics”"),
                                                  format_text);
      return usage_error (message);
    }
  if (output != NULL && *output == '\0')
    return usage_error (_("--output needs a file name"));
  if (reminder != -1 && (!ics || reminder < 0 || reminder > 7 * 24 * 60))
    return usage_error (_("--reminder is for “--format ics”, in minutes from 0 to 10080"));

  store = open_store (&status);
  if (store == NULL)
    return status;

  if (csv)
    {
      g_autoptr(GPtrArray) rows = pd_schedule_collect (store, argv[1], 0, NULL, &error);
      g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();

      if (rows != NULL)
        text = pd_schedule_to_csv (rows, local_zone);
    }
  else if (ics)
    text = pd_cli_export_ics (store, argv[1], reminder, &error);
  else
    text = pd_season_json_export (store, argv[1], &error);
  if (text == NULL)
    {
      if (g_error_matches (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND))
        return usage_error (error->message);
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  /* The file is replaced whole, or not at all. */
  if (output != NULL && !g_file_set_contents (output, text, -1, &error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }
  if (output == NULL)
    fwrite (text, 1, strlen (text), stdout);
  return EXIT_OK;
}

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  paddock-cli [--database %s] %s\n\n%s\n", _("Usage:"), _("PATH"),
           _("COMMAND [OPTIONS]"), _("Commands:"));
  fprintf (stream, "  %-10s %s\n", "seasons", _("List the seasons"));
  fprintf (stream, "  %-10s %s\n", "schedule", _("Show a season's sessions"));
  fprintf (stream, "  %-10s %s\n", "standings", _("Show a season's championship standings"));
  fprintf (stream, "  %-10s %s\n", "rules", _("Show or set a season's points rules"));
  fprintf (stream, "  %-10s %s\n", "results", _("Show a session's classification"));
  fprintf (stream, "  %-10s %s\n", "entries", _("Show or change a season's entry list"));
  fprintf (stream, "  %-10s %s\n", "import", _("Import seasons or results (paddock FILE, ics FILE, sportstimes FILE, ergast DIR, alkamel FILE)"));
  fprintf (stream, "  %-10s %s\n", "export", _("Write a season to a file (paddock, csv, ics)"));
  fprintf (stream, "  %-10s %s\n", "follow", _("Make a season follow a feed at a web address"));
  fprintf (stream, "  %-10s %s\n", "unfollow", _("Stop following a season’s feed"));
  fprintf (stream, "  %-10s %s\n", "refresh", _("Read followed feeds again and print what changed"));
  fprintf (stream, "  %-10s %s\n", "changes", _("List what refreshing a season changed, and its conflicts"));
  fprintf (stream, "\n%s\n", _("“paddock-cli COMMAND --help” describes a command’s options."));
}

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("PADDOCK_LOCALEDIR");
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *command = NULL;
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("paddock-cli");
  pd_cli_original_argv = argv;

  /* Options before the command are global; only --database is. */
  for (i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--database") && i + 1 < argc)
        opt_database = g_strdup (argv[++i]);
      else if (g_str_has_prefix (argv[i], "--database="))
        opt_database = g_strdup (argv[i] + strlen ("--database="));
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          print_help (stdout);
          return EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--version"))
        {
          g_print ("paddock-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
        }
      else
        break;
    }

  if (i >= argc)
    {
      print_help (stderr);
      return EXIT_USAGE;
    }

  command = argv[i];
  g_ptr_array_add (args, (char *) "paddock-cli");
  for (int j = i + 1; j < argc; j++)
    g_ptr_array_add (args, argv[j]);
  g_ptr_array_add (args, NULL);
  argc = args->len - 1;
  argv = (char **) args->pdata;

  if (g_str_equal (command, "seasons"))
    return cmd_seasons (argc, argv);
  if (g_str_equal (command, "schedule"))
    return cmd_schedule (argc, argv);
  if (g_str_equal (command, "standings"))
    return cmd_standings (argc, argv);
  if (g_str_equal (command, "entries"))
    return cmd_entries (argc, argv);
  if (g_str_equal (command, "import"))
    return cmd_import (argc, argv);
  if (g_str_equal (command, "export"))
    return cmd_export (argc, argv);
  if (g_str_equal (command, "rules"))
    return cmd_rules (argc, argv);
  if (g_str_equal (command, "results"))
    return cmd_results (argc, argv);
  if (g_str_equal (command, "follow"))
    return cmd_follow (argc, argv);
  if (g_str_equal (command, "unfollow"))
    return cmd_unfollow (argc, argv);
  if (g_str_equal (command, "refresh"))
    return cmd_refresh (argc, argv);
  if (g_str_equal (command, "changes"))
    return cmd_changes (argc, argv);

  g_printerr (_("%s: unknown command “%s”\n"), g_get_prgname (), command);
  print_help (stderr);
  return EXIT_USAGE;
}
