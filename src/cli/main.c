/* paddock-cli: Paddock's command-line tool. It links the core library
 * only, never GTK, so it runs on servers and in scripts. */

#define G_LOG_DOMAIN "paddock-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "pd-database.h"
#include "pd-schedule.h"
#include "pd-time.h"

/* Exit statuses: 0 done, 1 the work failed, 2 the request was wrong. */
enum {
  EXIT_OK = 0,
  EXIT_FAILED = 1,
  EXIT_USAGE = 2,
};

static char *opt_database;

static const GOptionEntry database_entries[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("Use the database at PATH"), N_("PATH") },
  { NULL }
};

typedef enum {
  FORMAT_TEXT,
  FORMAT_JSON,
} OutputFormat;

static int
usage_error (const char *message)
{
  /* TRANSLATORS: %s is the program name, then an explanation */
  g_printerr (_("%s: %s\n"), g_get_prgname (), message);
  return EXIT_USAGE;
}

static int
format_error (const char *format)
{
  g_autofree char *message = g_strdup_printf (_("Unknown format “%s”; use “text” or “json”"), format);

  return usage_error (message);
}

static gboolean
parse_format (const char   *text,
              OutputFormat *format)
{
  if (text == NULL || g_str_equal (text, "text"))
    *format = FORMAT_TEXT;
  else if (g_str_equal (text, "json"))
    *format = FORMAT_JSON;
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

static PdStore *
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
static gboolean
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
  if (!parse_format (format_text, &format))
    return format_error (format_text);

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
  if (!parse_format (format_text, &format))
    return format_error (format_text);
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

static void
print_help (FILE *stream)
{
  fprintf (stream, "%s\n  paddock-cli [--database %s] %s\n\n%s\n", _("Usage:"), _("PATH"),
           _("COMMAND [OPTIONS]"), _("Commands:"));
  fprintf (stream, "  %-10s %s\n", "seasons", _("List the seasons"));
  fprintf (stream, "  %-10s %s\n", "schedule", _("Show a season's sessions"));
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

  g_printerr (_("%s: unknown command “%s”\n"), g_get_prgname (), command);
  print_help (stderr);
  return EXIT_USAGE;
}
