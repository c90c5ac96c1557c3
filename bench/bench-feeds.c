/* Issue 6's speed goals, measured in one process:
 *
 * 1. A refresh that gets 304 (pd_feed_client_refresh_async() of a season
 *    that follows a feed on a SoupServer on loopback), against a bare
 *    libsoup request to the same server (a GET with If-None-Match, its
 *    empty body read): goal at most 2 times the baseline, and no database
 *    write (the database file and its write-ahead log are as they were,
 *    size and modification time, after every refresh).
 * 2. Importing a whole season file (62 cars, 12 races with results, as
 *    Paddock exports it) into an empty database, against SQLite inserting
 *    the same rows (every table the import fills, prepared INSERTs in one
 *    transaction, into a copy of the same empty database, with the same
 *    pragmas, foreign keys and trigger): goal at most 3 times.
 *
 * The two sides of each alternate; medians, and the median of the ratios.
 *
 *   bench-feeds [RUNS]
 */

#include "config.h"

#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "bench-common.h"
#include "pd-alkamel.h"
#include "pd-feed-client.h"
#include "pd-model-types.h"
#include "pd-season-json.h"
#include "pd-test.h"

#define SEASON  "bench-2024"
#define N_CARS  62
#define N_RACES 12
#define ETAG    "\"bench\""

/* The tables a season file fills, each after those it refers to. */
static const char * const tables[] = {
  "series", "season", "circuit", "class", "team", "driver", "round", "session", "entry", "entry_crew",
  "result", "penalty",
};

static char *document;  /* the season file */

static void
serve_cb (SoupServer        *server,
          SoupServerMessage *msg,
          const char        *path,
          GHashTable        *query,
          gpointer           user_data)
{
  const char *match = soup_message_headers_get_one (soup_server_message_get_request_headers (msg),
                                                    "If-None-Match");

  soup_message_headers_replace (soup_server_message_get_response_headers (msg), "ETag", ETAG);
  if (g_strcmp0 (match, ETAG) == 0)
    {
      soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }
  soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, document, strlen (document));
}

/* The season: 62 cars, 12 races imported from made-up Al Kamel sheets,
 * exported as a season file. */
static char *
make_document (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = pd_store_new (path, NULL, NULL, &error);
  g_autoptr(PdSeason) season = NULL;
  char *text;

  bench_check (store != NULL, error, path);
  season = g_object_new (PD_TYPE_SEASON, "id", SEASON, "name", "Bench Series 2024", "year", 2024,
                         "rules-id", "gt4-european", NULL);
  bench_check (pd_store_save (store, G_OBJECT (season), &error), error, "season");
  for (guint race = 1; race <= N_RACES; race++)
    {
      g_autofree char *sheet = pd_test_alkamel_sheet (N_CARS, race);
      PdAlkamelStats stats = { 0 };

      bench_check (pd_alkamel_import (store, "classification.csv", sheet, strlen (sheet), SEASON, (int) race,
                                      "Race", &stats, &error), error, "import");
      pd_alkamel_stats_clear (&stats);
    }
  text = pd_season_json_export (store, SEASON, &error);
  bench_check (text != NULL, error, "export");
  return text;
}

/* Size and modification time of the database and its log. */
static char *
file_state (const char *path)
{
  GString *state = g_string_new (NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *name = g_strconcat (path, i == 0 ? "" : "-wal", NULL);
      GStatBuf buf;

      if (g_stat (name, &buf) == 0)
        g_string_append_printf (state, "%s %" G_GINT64_FORMAT " %ld.%09ld\n", name, (gint64) buf.st_size,
                                (long) buf.st_mtim.tv_sec, (long) buf.st_mtim.tv_nsec);
    }
  return g_string_free (state, FALSE);
}

static double
time_refresh (PdFeedClient *client,
              PdStore      *store)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(PdFeedReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  pd_feed_client_refresh_async (client, store, SEASON, NULL, pd_feed_keep_result_cb, &result);
  report = pd_feed_client_refresh_finish (client, pd_feed_wait (&result), &error);
  bench_check (report != NULL && report->not_modified, error, "refresh");
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
read_to_end (GInputStream *stream)
{
  char buffer[8192];

  while (g_input_stream_read (stream, buffer, sizeof buffer, NULL, NULL) > 0)
    ;
}

static double
time_bare_request (SoupSession *session,
                   const char  *url)
{
  g_autoptr(SoupMessage) msg = soup_message_new (SOUP_METHOD_GET, url);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  soup_message_headers_replace (soup_message_get_request_headers (msg), "If-None-Match", ETAG);
  soup_session_send_async (session, msg, G_PRIORITY_DEFAULT, NULL, pd_feed_keep_result_cb, &result);
  stream = soup_session_send_finish (session, pd_feed_wait (&result), &error);
  bench_check (stream != NULL && soup_message_get_status (msg) == SOUP_STATUS_NOT_MODIFIED, error, "request");
  read_to_end (stream);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_import (const char *empty,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autofree char *season_id = NULL;
  PdSeasonJsonStats stats = { 0 };
  gint64 start;

  bench_copy_file (empty, path);
  start = g_get_monotonic_time ();
  store = pd_store_new (path, NULL, NULL, &error);
  bench_check (store != NULL, error, path);
  bench_check (pd_season_json_import_full (store, document, strlen (document), SEASON, &stats, &season_id, &error),
               error, "import");
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_inserts (const char      *empty,
              const char      *path,
              const BenchRows *rows)
{
  sqlite3 *db;
  gint64 start;
  double ms;

  bench_copy_file (empty, path);
  start = g_get_monotonic_time ();
  db = bench_open_baseline (path);
  bench_check_sql (db, sqlite3_exec (db, "PRAGMA foreign_keys = ON; BEGIN", NULL, NULL, NULL), "begin");
  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    bench_insert_rows (db, tables[t], &rows[t]);
  bench_check_sql (db, sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), "commit");
  sqlite3_close (db);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  return ms;
}

static void
report_pair (const char *name,
             GArray     *ours,
             GArray     *theirs,
             GArray     *ratios,
             double      goal,
             const char *extra)
{
  double ratio = bench_median (ratios);

  printf ("%-36s paddock %8.2f ms   baseline %8.2f ms   ratio %5.2fx  (goal <= %gx%s: %s)\n", name,
          bench_median (ours), bench_median (theirs), ratio, goal, extra, ratio <= goal ? "met" : "NOT met");
  fflush (stdout);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("paddock-bench-feeds-XXXXXX", &error);
  g_autofree char *source = NULL, *empty = NULL, *followed = NULL, *ours = NULL, *theirs = NULL;
  g_autofree char *url = NULL, *before = NULL, *after = NULL;
  g_autoptr(SoupServer) server = NULL;
  g_autoptr(SoupSession) session = NULL;
  g_autoptr(PdFeedClient) client = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autoslist(GUri) uris = NULL;
  guint runs = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 15;
  guint n_rows = 0;
  BenchRows rows[G_N_ELEMENTS (tables)];

  bench_check (dir != NULL, error, "temporary folder");
  runs = MAX (runs, 1);
  source = g_build_filename (dir, "source.db", NULL);
  empty = g_build_filename (dir, "empty.db", NULL);
  followed = g_build_filename (dir, "followed.db", NULL);
  ours = g_build_filename (dir, "paddock.db", NULL);
  theirs = g_build_filename (dir, "baseline.db", NULL);
  document = make_document (source);
  {
    g_autoptr(PdStore) made = pd_store_new (empty, NULL, NULL, &error);
    bench_check (made != NULL, error, empty);
  }

  /* 1. Refreshes answered 304. */
  server = soup_server_new (NULL, NULL);
  soup_server_add_handler (server, NULL, serve_cb, NULL, NULL);
  bench_check (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error), error, "server");
  uris = soup_server_get_uris (server);
  url = g_strdup_printf ("http://127.0.0.1:%d/season.json", g_uri_get_port (uris->data));
  client = pd_feed_client_new ();
  session = soup_session_new ();
  bench_copy_file (empty, followed);
  store = pd_store_new (followed, NULL, NULL, &error);
  bench_check (store != NULL, error, followed);
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(PdFeedReport) report = NULL;

    pd_feed_client_follow_async (client, store, SEASON, url, NULL, NULL, pd_feed_keep_result_cb, &result);
    report = pd_feed_client_follow_finish (client, pd_feed_wait (&result), &error);
    bench_check (report != NULL, error, "follow");
  }
  {
    g_autoptr(GArray) ta = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) tb = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
    guint n = runs * 20;

    /* Warm: a connection open on each side. */
    time_refresh (client, store);
    time_bare_request (session, url);
    before = file_state (followed);
    for (guint i = 0; i < n; i++)
      {
        double a = time_refresh (client, store);
        double b = time_bare_request (session, url);
        double r = a / b;

        g_array_append_val (ta, a);
        g_array_append_val (tb, b);
        g_array_append_val (ratios, r);
      }
    after = file_state (followed);
    printf ("%u refreshes and requests, alternating; %u imports and baselines; medians.\n"
            "The season: %d cars, %d races, a file of %zu bytes.\n\n", n, runs, N_CARS, N_RACES, strlen (document));
    report_pair ("refresh answered 304", ta, tb, ratios, 2,
                 g_str_equal (before, after) ? " and no database write" : " and no database write (WRITTEN)");
    if (!g_str_equal (before, after))
      {
        fprintf (stderr, "the database changed:\n%s---\n%s", before, after);
        return 1;
      }
  }
  g_clear_object (&store);

  /* 2. The season file imported. */
  {
    g_autoptr(GArray) ta = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) tb = g_array_new (FALSE, FALSE, sizeof (double));
    g_autoptr(GArray) ratios = g_array_new (FALSE, FALSE, sizeof (double));
    sqlite3 *db = NULL;

    /* The rows the import stores. */
    time_import (empty, ours);
    bench_check_sql (db, sqlite3_open (ours, &db), ours);
    for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
      {
        g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s", tables[t]);

        rows[t] = bench_read_rows (db, sql);
        n_rows += rows[t].values->len / MAX (rows[t].n_columns, 1);
      }
    sqlite3_close (db);

    time_inserts (empty, theirs, rows);
    for (guint i = 0; i < runs; i++)
      {
        double a = time_import (empty, ours);
        double b = time_inserts (empty, theirs, rows);
        double r = a / b;

        g_array_append_val (ta, a);
        g_array_append_val (tb, b);
        g_array_append_val (ratios, r);
      }
    {
      g_autofree char *name = g_strdup_printf ("import season file (%u rows)", n_rows);
      report_pair (name, ta, tb, ratios, 3, "");
    }
    for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
      bench_rows_clear (&rows[t]);
  }

  g_free (document);
  pd_test_remove_tree (dir);
  return 0;
}
