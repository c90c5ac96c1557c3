/* pd-cli-full.c: what paddock-cli does with libsoup and libical: the
 * feeds (follow, refresh, changes, unfollow), reading a URL, and
 * iCalendar files. Built into paddock-cli-full only, so that paddock-cli
 * itself loads neither (nor ICU and the C++ library under libical) for
 * its other commands; it runs paddock-cli-full for these (see
 * pd-cli-exec.c). */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "pd-cli.h"
#include "pd-feed-client.h"
#include "pd-ics.h"

/* Fetches @url whole, as g_file_get_contents() reads a file. */
gboolean
pd_cli_fetch (const char  *url,
              char       **data,
              gsize       *length,
              GError     **error)
{
  g_autoptr(PdFeedClient) client = pd_feed_client_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PdFeedResponse) response = NULL;

  pd_feed_client_fetch_async (client, url, NULL, NULL, NULL, pd_feed_keep_result_cb, &result);
  response = pd_feed_client_fetch_finish (client, pd_feed_wait (&result), error);
  if (response == NULL)
    return FALSE;
  /* A copy that ends in a NUL, as g_file_get_contents() gives. */
  *data = g_malloc (g_bytes_get_size (response->body) + 1);
  memcpy (*data, g_bytes_get_data (response->body, NULL), g_bytes_get_size (response->body));
  (*data)[g_bytes_get_size (response->body)] = '\0';
  *length = g_bytes_get_size (response->body);
  return TRUE;
}

static void
print_report (const PdFeedReport *report)
{
  g_autofree char *summary = pd_feed_summarize (report);

  g_print ("%s\n", summary);
  for (guint i = 0; i < report->changes->len; i++)
    {
      g_autofree char *line = pd_feed_describe_change (report->changes->pdata[i], NULL);
      g_print ("  %s\n", line);
    }
  for (guint i = 0; i < report->problems->len; i++)
    g_printerr (_("%s: %s: %s\n"), g_get_prgname (), report->season_id, (const char *) report->problems->pdata[i]);
}

int
cmd_follow (int    argc,
            char **argv)
{
  g_autofree char *format = NULL;
  const GOptionEntry entries[] = {
    { "format", 0, 0, G_OPTION_ARG_STRING, &format,
      N_("The feed’s format: paddock, ics or sportstimes (told by its content when left out)"), N_("FORMAT") },
    { NULL }
  };
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdFeedClient) client = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PdFeedReport) report = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!parse_options (_("SEASON URL"),
                      _("Makes SEASON follow the feed at URL (a Paddock season file, an iCalendar calendar or a "
                        "sportstimes calendar, over https or http), reading it now. The season is created when "
                        "it does not exist. “paddock-cli refresh” reads it again."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 3)
    return usage_error (_("Name a season and a web address, such as “follow f1-2026 https://example.org/f1.ics”"));
  if (format != NULL && !g_str_equal (format, "paddock") && !g_str_equal (format, "ics") &&
      !g_str_equal (format, "sportstimes"))
    {
      g_autofree char *message = g_strdup_printf (_("Unknown feed format “%s”; use “paddock”, “ics” or “sportstimes”"),
                                                  format);
      return usage_error (message);
    }
  if (!pd_feed_check_url (argv[2], &error))
    return usage_error (error->message);
  if ((store = open_store (&status)) == NULL)
    return status;

  client = pd_feed_client_new ();
  pd_feed_client_follow_async (client, store, argv[1], argv[2], format, NULL, pd_feed_keep_result_cb, &result);
  report = pd_feed_client_follow_finish (client, pd_feed_wait (&result), &error);
  if (report == NULL)
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      g_printerr (_("%s: nothing was stored\n"), g_get_prgname ());
      return EXIT_FAILED;
    }
  /* TRANSLATORS: a season's id, then a web address */
  g_print (_("%s follows %s.\n"), argv[1], argv[2]);
  print_report (report);
  return EXIT_OK;
}

int
cmd_refresh (int    argc,
             char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdFeedClient) client = NULL;
  g_autoptr(GPtrArray) season_ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!parse_options (_("[SEASON]"),
                      _("Reads again the feed SEASON follows, or every followed feed, asking only for what "
                        "changed, and prints the changes. Exit status 1 when a feed could not be read."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc > 2)
    return usage_error (_("Name one season, or none to refresh every followed season"));
  if ((store = open_store (&status)) == NULL)
    return status;

  if (argc == 2)
    g_ptr_array_add (season_ids, g_strdup (argv[1]));
  else
    {
      g_autoptr(GPtrArray) feeds = pd_store_list_feeds (store, &error);

      if (feeds == NULL)
        {
          g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
          return EXIT_FAILED;
        }
      for (guint i = 0; i < feeds->len; i++)
        g_ptr_array_add (season_ids, g_strdup (((PdStoreFeed *) feeds->pdata[i])->season_id));
      if (feeds->len == 0)
        g_print ("%s\n", _("No season follows a feed."));
    }

  client = pd_feed_client_new ();
  for (guint i = 0; i < season_ids->len; i++)
    {
      g_autoptr(GAsyncResult) result = NULL;
      g_autoptr(PdFeedReport) report = NULL;
      g_autoptr(GError) refresh_error = NULL;

      pd_feed_client_refresh_async (client, store, season_ids->pdata[i], NULL, pd_feed_keep_result_cb, &result);
      report = pd_feed_client_refresh_finish (client, pd_feed_wait (&result), &refresh_error);
      if (report == NULL)
        {
          g_printerr (_("%s: %s: %s\n"), g_get_prgname (), (const char *) season_ids->pdata[i],
                      refresh_error->message);
          status = EXIT_FAILED;
          continue;
        }
      if (report->not_modified)
        /* TRANSLATORS: a season's id */
        g_print (_("%s: not changed since the last refresh\n"), (const char *) season_ids->pdata[i]);
      else
        print_report (report);
    }
  return status;
}

int
pd_cli_import_ics (const char *file,
                   const char *season_id)
{
  g_autoptr(PdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  PdIcsStats stats = { 0 };
  gsize length;
  int status = EXIT_OK;

  if (season_id == NULL || *season_id == '\0')
    return usage_error (_("An iCalendar file needs --season SEASON, the season to import it into"));
  if ((status = read_then_open (file, &data, &length, &store)) != EXIT_OK)
    return status;

  /* What cannot be read is reported and left out; the rest is imported
   * (docs/ics.md): exit status 0, with the problems on stderr. */
  if (!pd_ics_import (store, data, length, season_id, &stats, &error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      g_printerr (_("%s: nothing was imported\n"), g_get_prgname ());
      pd_ics_stats_clear (&stats);
      return EXIT_FAILED;
    }
  for (guint i = 0; i < stats.problems->len; i++)
    g_printerr (_("%s: %s: %s\n"), g_get_prgname (), file, (const char *) stats.problems->pdata[i]);

  /* TRANSLATORS: a summary after an iCalendar import: sessions, rounds, then the season */
  g_print (_("Imported %u sessions in %u rounds into %s"), stats.sessions, stats.rounds, season_id);
  if (stats.problems->len > 0)
    /* TRANSLATORS: follows “Imported N sessions in N rounds into SEASON” */
    g_print (g_dngettext (GETTEXT_PACKAGE, " (%u event or part of one left out, see above)",
                          " (%u events or parts of events left out, see above)", stats.problems->len),
             stats.problems->len);
  g_print (".\n");
  pd_ics_stats_clear (&stats);
  return EXIT_OK;
}

/* The events' DTSTAMP: now, or SOURCE_DATE_EPOCH for files that do not
 * change from one run to the next. */
char *
pd_cli_export_ics (PdStore     *store,
                   const char  *season_id,
                   int          reminder,
                   GError     **error)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) stamp = NULL;
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64, &seconds, NULL))
    stamp = g_date_time_new_from_unix_utc ((gint64) seconds);
  return pd_ics_export (store, season_id, reminder, stamp, error);
}

int
cmd_unfollow (int    argc,
              char **argv)
{
  const GOptionEntry entries[] = { { NULL } };
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdStoreFeed) feed = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!parse_options (_("SEASON"),
                      _("Stops following SEASON’s feed. What the feed brought stays."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (_("Name the season that should stop following its feed"));
  if ((store = open_store (&status)) == NULL)
    return status;
  feed = pd_store_get_feed (store, argv[1], &error);
  if (feed == NULL)
    {
      if (error == NULL)
        error = g_error_new (PD_FEED_ERROR, PD_FEED_ERROR_NOT_FOLLOWED, _("The season “%s” does not follow a feed"),
                             argv[1]);
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }
  if (!pd_store_delete_feed (store, argv[1], &error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }
  /* TRANSLATORS: a season's id, then a web address */
  g_print (_("%s no longer follows %s.\n"), argv[1], feed->url);
  return EXIT_OK;
}

int
cmd_changes (int    argc,
             char **argv)
{
  gboolean unseen_only = FALSE, mark_seen = FALSE;
  int take = 0, keep = 0;
  const GOptionEntry entries[] = {
    { "unseen", 0, 0, G_OPTION_ARG_NONE, &unseen_only, N_("Only the changes not marked as seen"), NULL },
    { "mark-seen", 0, 0, G_OPTION_ARG_NONE, &mark_seen, N_("Mark the changes as seen"), NULL },
    { "take-feed", 0, 0, G_OPTION_ARG_INT, &take, N_("Resolve conflict N with the feed’s value"), N_("N") },
    { "keep-mine", 0, 0, G_OPTION_ARG_INT, &keep, N_("Resolve conflict N by keeping your value"), N_("N") },
    { NULL }
  };
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdStoreFeed) feed = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_OK;

  if (!parse_options (_("SEASON"),
                      _("Lists what refreshing SEASON’s feed changed, the latest first, and the fields changed both "
                        "here and in the feed, numbered, which wait for your choice."),
                      entries, &argc, &argv, &status))
    return status;
  if (argc != 2)
    return usage_error (_("Name a season"));
  if (take < 0 || keep < 0 || (take > 0 && keep > 0))
    return usage_error (_("Give either --take-feed N or --keep-mine N, with N from the list of conflicts"));
  if ((store = open_store (&status)) == NULL)
    return status;

  if ((feed = pd_store_get_feed (store, argv[1], &error)) == NULL && error != NULL)
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }
  if ((conflicts = pd_store_list_feed_conflicts (store, argv[1], &error)) == NULL)
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }

  if (take > 0 || keep > 0)
    {
      guint n = (guint) (take > 0 ? take : keep);
      g_autofree char *text = NULL;

      if (n > conflicts->len)
        {
          g_autofree char *message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                   "There is no conflict %u: %s has %u",
                                                                   "There is no conflict %u: %s has %u",
                                                                   conflicts->len),
                                                      n, argv[1], conflicts->len);
          return usage_error (message);
        }
      if (!pd_feed_resolve_conflict (store, conflicts->pdata[n - 1], take > 0, &error))
        {
          g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
          return EXIT_FAILED;
        }
      text = pd_feed_describe_conflict (conflicts->pdata[n - 1], NULL);
      g_print (take > 0 ? _("Took the feed’s value: %s\n") : _("Kept your value: %s\n"), text);
      return EXIT_OK;
    }

  if (feed != NULL)
    {
      /* TRANSLATORS: a season's id, then a web address */
      g_print (_("%s follows %s\n"), argv[1], feed->url);
      if (feed->refreshed_at != NULL)
        g_print (_("Last refreshed: %s\n"), feed->refreshed_at);
      if (feed->error != NULL)
        g_print (_("The last try failed (%s): %s\n"), feed->checked_at, feed->error);
    }

  if ((changes = pd_store_list_feed_changes (store, argv[1], unseen_only, &error)) == NULL)
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }
  for (guint i = 0; i < changes->len; i++)
    {
      PdStoreFeedChange *change = changes->pdata[i];
      g_autofree char *line = pd_feed_describe_change (change, NULL);

      g_print ("%s  %s%s\n", change->at, line, change->seen ? "" : _(" (new)"));
    }
  if (changes->len == 0)
    g_print ("%s\n", _("No changes."));

  if (conflicts->len > 0)
    {
      g_print ("\n%s\n", _("Changed here and in the feed; your values were kept:"));
      for (guint i = 0; i < conflicts->len; i++)
        {
          g_autofree char *line = pd_feed_describe_conflict (conflicts->pdata[i], NULL);
          g_print ("  %u. %s\n", i + 1, line);
        }
    }

  if (mark_seen && !pd_store_mark_feed_changes_seen (store, argv[1], &error))
    {
      g_printerr (_("%s: %s\n"), g_get_prgname (), error->message);
      return EXIT_FAILED;
    }
  return EXIT_OK;
}
