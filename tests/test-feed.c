/* Following a season from a URL: a SoupServer on loopback (port 0)
 * serving season files, calendars and faults, and the feed client
 * fetching, merging and recording what changed. */

#include "config.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "pd-database.h"
#include "pd-feed-client.h"
#include "pd-model-types.h"
#include "pd-season-json.h"
#include "pd-test.h"

#define SEASON "club-2026"

/* A small season in the Paddock format: one round, two sessions, one
 * car; the race's start, a result and a penalty vary. */
typedef struct {
  const char *race_start;
  const char *race_name;
  const char *race_status;
  gboolean    with_result;
  gboolean    with_penalty;
  gboolean    with_practice;
  const char *round_crew;    /* a crew of round 1 only, or NULL */
} Doc;

static char *
season_doc (const Doc *doc)
{
  GString *text = g_string_new (NULL);

  g_string_append (text,
    "{\"format\": \"paddock-season\", \"version\": 2,"
    " \"series\": {\"id\": \"club\", \"name\": \"Club Series\"},"
    " \"season\": {\"id\": \"" SEASON "\", \"series_id\": \"club\", \"name\": \"Club Series 2026\", \"year\": 2026},"
    " \"circuits\": [{\"id\": \"knutstorp\", \"name\": \"Ring Knutstorp\", \"zone\": \"Europe/Stockholm\"}],"
    " \"teams\": [{\"id\": \"team-a\", \"name\": \"Team A\"}],"
    " \"drivers\": [{\"id\": \"anna-backman\", \"first_name\": \"Anna\", \"last_name\": \"Bäckman\"},"
    " {\"id\": \"bo-ek\", \"first_name\": \"Bo\", \"last_name\": \"Ek\"}],"
    " \"entries\": [{\"id\": \"" SEASON ".7\", \"number\": \"7\", \"team_id\": \"team-a\","
    " \"crew_ids\": [\"anna-backman\"]}],"
    " \"rounds\": [{\"id\": \"" SEASON ".r1\", \"number\": 1, \"name\": \"Knutstorp\","
    " \"circuit_id\": \"knutstorp\", \"start_date\": \"2026-05-16\", \"end_date\": \"2026-05-17\",");
  if (doc->round_crew != NULL)
    g_string_append_printf (text, " \"crews\": [{\"entry_id\": \"" SEASON ".7\", \"crew_ids\": [\"%s\"]}],",
                            doc->round_crew);
  g_string_append (text, " \"sessions\": [");
  if (doc->with_practice)
    g_string_append (text,
      "{\"id\": \"" SEASON ".r1.fp\", \"kind\": \"practice\", \"name\": \"Practice\", \"position\": 1,"
      " \"start_utc\": \"2026-05-16T08:00:00Z\", \"duration_min\": 30},");
  g_string_append_printf (text,
    "{\"id\": \"" SEASON ".r1.race\", \"kind\": \"race\", \"name\": \"%s\", \"position\": 2,"
    " \"start_utc\": \"%s\", \"duration_min\": 45, \"status\": \"%s\"",
    doc->race_name != NULL ? doc->race_name : "Race", doc->race_start, doc->race_status != NULL ? doc->race_status : "scheduled");
  if (doc->with_result)
    {
      g_string_append (text,
        ", \"results\": [{\"id\": \"" SEASON ".r1.race.7\", \"entry_id\": \"" SEASON ".7\", \"status\": \"classified\","
        " \"laps\": 20, \"total_time_ms\": 2400000, \"position\": 1");
      if (doc->with_penalty)
        g_string_append (text,
          ", \"penalties\": [{\"id\": \"" SEASON ".r1.race.7.p1\", \"kind\": \"time\", \"time_ms\": 11000,"
          " \"reason\": \"Track limits\", \"document\": \"12\"}]");
      g_string_append (text, "}]");
    }
  g_string_append (text, "}]}]}");
  return g_string_free (text, FALSE);
}

static const Doc v1 = { "2026-05-17T14:50:00Z", NULL, NULL, FALSE, FALSE, TRUE, NULL };

/* The server */

typedef struct {
  PdTestFixture  f;
  SoupServer    *server;
  char          *base_url;
  char          *body;         /* what /feed serves */
  char          *etag;
  guint          requests;
  guint          conditional;  /* requests that came with If-None-Match */
  GPtrArray     *stalled;      /* messages paused for ever */
  PdFeedClient  *client;
  GSocketService *raw;         /* a server that sends a cut-off answer */
  char          *raw_url;
} Fixture;

static void
feed_handler (SoupServer        *server,
              SoupServerMessage *msg,
              const char        *path,
              GHashTable        *query,
              gpointer           user_data)
{
  Fixture *fx = user_data;
  SoupMessageHeaders *request = soup_server_message_get_request_headers (msg);
  SoupMessageHeaders *response = soup_server_message_get_response_headers (msg);
  const char *match = soup_message_headers_get_one (request, "If-None-Match");

  fx->requests++;
  if (match != NULL)
    fx->conditional++;

  if (g_str_equal (path, "/feed"))
    {
      if (match != NULL && g_strcmp0 (match, fx->etag) == 0)
        {
          soup_server_message_set_status (msg, SOUP_STATUS_NOT_MODIFIED, NULL);
          return;
        }
      soup_message_headers_replace (response, "ETag", fx->etag);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, fx->body, strlen (fx->body));
    }
  else if (g_str_equal (path, "/error"))
    soup_server_message_set_status (msg, SOUP_STATUS_INTERNAL_SERVER_ERROR, NULL);
  else if (g_str_equal (path, "/missing"))
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
  else if (g_str_equal (path, "/loop"))
    {
      soup_message_headers_replace (response, "Location", "/loop2");
      soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
    }
  else if (g_str_equal (path, "/loop2"))
    {
      soup_message_headers_replace (response, "Location", "/loop");
      soup_server_message_set_status (msg, SOUP_STATUS_FOUND, NULL);
    }
  else if (g_str_equal (path, "/stall"))
    {
      g_ptr_array_add (fx->stalled, g_object_ref (msg));
      soup_server_message_pause (msg);
    }
  else if (g_str_equal (path, "/invalid"))
    {
      static const char invalid[] = "{\"format\": \"paddock-season\", \"version\": 2, \"season\": ";
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_STATIC, invalid, strlen (invalid));
    }
  else if (g_str_equal (path, "/large"))
    {
      g_autofree char *large = g_strnfill (64 * 1024, ' ');
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      soup_server_message_set_response (msg, "application/json", SOUP_MEMORY_COPY, large, strlen (large));
    }
  else if (g_str_equal (path, "/large-chunked"))
    {
      SoupMessageBody *body = soup_server_message_get_response_body (msg);

      soup_message_headers_set_encoding (response, SOUP_ENCODING_CHUNKED);
      soup_server_message_set_status (msg, SOUP_STATUS_OK, NULL);
      for (int i = 0; i < 16; i++)
        {
          g_autofree char *chunk = g_strnfill (4096, ' ');
          soup_message_body_append (body, SOUP_MEMORY_COPY, chunk, strlen (chunk));
        }
      soup_message_body_complete (body);
    }
  else
    soup_server_message_set_status (msg, SOUP_STATUS_NOT_FOUND, NULL);
}

/* Answers every connection with a Content-Length of 1000 and 20 bytes. */
static gboolean
raw_run_cb (GThreadedSocketService *service,
            GSocketConnection      *connection,
            GObject                *source,
            gpointer                user_data)
{
  static const char answer[] = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                               "Content-Length: 1000\r\nConnection: close\r\n\r\n{\"format\": \"paddock";
  GOutputStream *out = g_io_stream_get_output_stream (G_IO_STREAM (connection));
  char buffer[4096];

  /* Read the request (enough of it), answer, close. */
  g_input_stream_read (g_io_stream_get_input_stream (G_IO_STREAM (connection)), buffer, sizeof buffer, NULL, NULL);
  g_output_stream_write_all (out, answer, strlen (answer), NULL, NULL, NULL);
  g_io_stream_close (G_IO_STREAM (connection), NULL, NULL);
  return TRUE;
}

static const PdTestFixtureOptions options = { "feed", PD_TEST_STORE_EMPTY, NULL, NULL };

static void
fixture_set_up (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoslist(GUri) uris = NULL;
  guint16 port;

  pd_test_fixture_set_up (&fx->f, &options);
  fx->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (fx->server, NULL, feed_handler, fx, NULL);
  g_assert_true (soup_server_listen_local (fx->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (fx->server);
  g_assert_nonnull (uris);
  fx->base_url = g_strdup_printf ("http://127.0.0.1:%d", g_uri_get_port (uris->data));
  fx->body = season_doc (&v1);
  fx->etag = g_strdup ("\"v1\"");
  fx->stalled = g_ptr_array_new_with_free_func (g_object_unref);
  fx->client = pd_feed_client_new ();

  /* In a thread of its own: it reads and writes blocking. */
  fx->raw = g_threaded_socket_service_new (2);
  port = g_socket_listener_add_any_inet_port (G_SOCKET_LISTENER (fx->raw), NULL, &error);
  g_assert_no_error (error);
  g_signal_connect (fx->raw, "run", G_CALLBACK (raw_run_cb), NULL);
  g_socket_service_start (fx->raw);
  fx->raw_url = g_strdup_printf ("http://127.0.0.1:%u/feed", port);
}

static void
fixture_tear_down (Fixture       *fx,
                   gconstpointer  data)
{
  g_clear_object (&fx->client);
  for (guint i = 0; i < fx->stalled->len; i++)
    soup_server_message_unpause (fx->stalled->pdata[i]);
  g_ptr_array_unref (fx->stalled);
  soup_server_disconnect (fx->server);
  g_clear_object (&fx->server);
  g_socket_service_stop (fx->raw);
  g_socket_listener_close (G_SOCKET_LISTENER (fx->raw));
  g_clear_object (&fx->raw);
  g_free (fx->raw_url);
  g_free (fx->base_url);
  g_free (fx->body);
  g_free (fx->etag);
  pd_test_fixture_tear_down (&fx->f, &options);
}

static void
set_feed (Fixture    *fx,
          const Doc  *doc,
          const char *etag)
{
  g_free (fx->body);
  fx->body = doc != NULL ? season_doc (doc) : NULL;
  g_free (fx->etag);
  fx->etag = g_strdup (etag);
}

/* Running the client to its end */

static PdFeedReport *
follow (Fixture     *fx,
        const char  *path_or_url,
        GError     **error)
{
  g_autofree char *url = g_str_has_prefix (path_or_url, "/") ? g_strconcat (fx->base_url, path_or_url, NULL)
                                                              : g_strdup (path_or_url);
  g_autoptr(GAsyncResult) result = NULL;

  pd_feed_client_follow_async (fx->client, fx->f.store, SEASON, url, NULL, NULL, pd_feed_keep_result_cb, &result);
  return pd_feed_client_follow_finish (fx->client, pd_feed_wait (&result), error);
}

static PdFeedReport *
refresh (Fixture  *fx,
         GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  pd_feed_client_refresh_async (fx->client, fx->f.store, SEASON, NULL, pd_feed_keep_result_cb, &result);
  return pd_feed_client_refresh_finish (fx->client, pd_feed_wait (&result), error);
}

static char *
export (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  char *text = pd_season_json_export (fx->f.store, SEASON, &error);

  g_assert_no_error (error);
  return text;
}

static guint
count_changes (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) changes = pd_store_list_feed_changes (fx->f.store, SEASON, FALSE, &error);

  g_assert_no_error (error);
  return changes->len;
}

/* The description of each change of @report, one per line. */
static char *
describe (const PdFeedReport *report)
{
  g_autoptr(GTimeZone) stockholm = g_time_zone_new_identifier ("Europe/Stockholm");
  GString *text = g_string_new (NULL);

  g_assert_nonnull (stockholm);
  for (guint i = 0; i < report->changes->len; i++)
    {
      g_autofree char *line = pd_feed_describe_change (report->changes->pdata[i], stockholm);
      g_string_append_printf (text, "%s\n", line);
    }
  return g_string_free (text, FALSE);
}

/* Tests */

static void
test_follow_then_not_modified (Fixture       *fx,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdFeedReport) first = follow (fx, "/feed", &error);
  g_autoptr(PdFeedReport) second = NULL;
  g_autoptr(PdStoreFeed) feed = NULL;
  g_autoptr(PdSession) race = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *base_before = NULL;
  g_autofree char *dump_before = NULL;
  g_autofree char *dump_after = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpstr (first->format, ==, "paddock");
  /* A new season is not a list of changes. */
  g_assert_cmpuint (first->changes->len, ==, 0);
  g_assert_true (first->created);
  {
    g_autofree char *summary = pd_feed_summarize (first);
    g_assert_cmpstr (summary, ==, SEASON " skapades från flödet");
  }
  race = pd_store_get (fx->f.store, PD_TYPE_SESSION, SEASON ".r1.race", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_session_get_name (race), ==, "Race");

  feed = pd_store_get_feed (fx->f.store, SEASON, &error);
  g_assert_no_error (error);
  g_assert_nonnull (feed);
  g_assert_cmpstr (feed->etag, ==, "\"v1\"");
  g_assert_null (feed->error);
  g_assert_nonnull (feed->refreshed_at);
  base_before = g_strdup (feed->base);
  before = export (fx);
  dump_before = pd_test_dump_database (fx->f.path);

  /* The same document again: a conditional request, a 304, nothing
   * written: the database is as it was. */
  second = refresh (fx, &error);
  g_assert_no_error (error);
  g_assert_true (second->not_modified);
  dump_after = pd_test_dump_database (fx->f.path);
  g_assert_cmpstr (dump_before, ==, dump_after);
  g_assert_nonnull (pd_feed_client_get_checked_at (fx->client, SEASON));
  g_assert_cmpuint (fx->conditional, ==, 1);
  after = export (fx);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_changes (fx), ==, 0);
  g_clear_pointer (&feed, pd_store_feed_free);
  feed = pd_store_get_feed (fx->f.store, SEASON, &error);
  g_assert_cmpstr (feed->base, ==, base_before);
}

static void
test_changes_listed (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdFeedReport) first = follow (fx, "/feed", &error);
  g_autoptr(PdFeedReport) second = NULL;
  g_autoptr(PdFeedReport) third = NULL;
  g_autoptr(GPtrArray) unseen = NULL;
  g_autofree char *lines = NULL;
  g_autofree char *summary = NULL;
  Doc v2 = v1, v3;

  g_assert_no_error (error);

  /* The race moves from 16:50 to 17:05 Swedish time, a result and a
   * penalty appear. */
  v2.race_start = "2026-05-17T15:05:00Z";
  v2.with_result = TRUE;
  v2.with_penalty = TRUE;
  set_feed (fx, &v2, "\"v2\"");
  second = refresh (fx, &error);
  g_assert_no_error (error);
  g_assert_false (second->not_modified);
  lines = describe (second);
  g_test_message ("%s", lines);
  g_assert_nonnull (strstr (lines, "Knutstorp · Race flyttades från sön 17 maj 16:50 till sön 17 maj 17:05"));
  g_assert_nonnull (strstr (lines, "Resultat tillagt: Knutstorp · Race · #7"));
  g_assert_nonnull (strstr (lines, "Bestraffning utdömd: Knutstorp · Race · #7"));
  g_assert_cmpuint (second->changed, ==, 1);
  g_assert_cmpuint (second->added, ==, 2);
  summary = pd_feed_summarize (second);
  g_assert_cmpstr (summary, ==, SEASON ": 3 ändringar");

  unseen = pd_store_list_feed_changes (fx->f.store, SEASON, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (unseen->len, ==, 3);
  g_assert_true (pd_store_mark_feed_changes_seen (fx->f.store, SEASON, &error));
  g_clear_pointer (&unseen, g_ptr_array_unref);
  unseen = pd_store_list_feed_changes (fx->f.store, SEASON, TRUE, &error);
  g_assert_cmpuint (unseen->len, ==, 0);
  g_assert_cmpuint (count_changes (fx), ==, 3);

  /* Cancelled, the penalty withdrawn and the practice dropped. */
  v3 = v2;
  v3.race_status = "cancelled";
  v3.with_penalty = FALSE;
  v3.with_practice = FALSE;
  set_feed (fx, &v3, "\"v3\"");
  third = refresh (fx, &error);
  g_assert_no_error (error);
  g_clear_pointer (&lines, g_free);
  lines = describe (third);
  g_test_message ("%s", lines);
  g_assert_nonnull (strstr (lines, "Knutstorp · Race ställdes in"));
  g_assert_nonnull (strstr (lines, "Bestraffning återkallad: Knutstorp · Race · #7"));
  g_assert_nonnull (strstr (lines, "Knutstorp · Practice togs bort"));
  g_assert_null (pd_store_find (fx->f.store, PD_TYPE_SESSION, SEASON ".r1.fp", &error));
  g_assert_no_error (error);
  g_assert_null (pd_store_find (fx->f.store, PD_TYPE_PENALTY, SEASON ".r1.race.7.p1", &error));
  g_assert_no_error (error);
}

static void
test_local_edit_kept (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdFeedReport) first = follow (fx, "/feed", &error);
  g_autoptr(PdFeedReport) second = NULL;
  g_autoptr(PdFeedReport) third = NULL;
  g_autoptr(PdSession) race = NULL;
  g_autoptr(PdSession) stored = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  g_autofree char *text = NULL;
  Doc v2 = v1, v3 = v1;

  g_assert_no_error (error);

  /* The user renames the race here. */
  race = pd_store_get (fx->f.store, PD_TYPE_SESSION, SEASON ".r1.race", &error);
  g_assert_no_error (error);
  pd_session_set_name (race, "Feature Race");
  g_assert_true (pd_store_save (fx->f.store, G_OBJECT (race), &error));

  /* The feed moves the race, and renames it too. */
  v2.race_start = "2026-05-17T15:05:00Z";
  v2.race_name = "Main Race";
  set_feed (fx, &v2, "\"v2\"");
  second = refresh (fx, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->conflicts, ==, 1);
  g_assert_cmpuint (second->changed, ==, 1);

  stored = pd_store_get (fx->f.store, PD_TYPE_SESSION, SEASON ".r1.race", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_session_get_name (stored), ==, "Feature Race");
  {
    g_autofree char *start = g_date_time_format_iso8601 (pd_session_get_start_utc (stored));
    g_assert_cmpstr (start, ==, "2026-05-17T15:05:00Z");
  }

  conflicts = pd_store_list_feed_conflicts (fx->f.store, SEASON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  text = pd_feed_describe_conflict (conflicts->pdata[0], NULL);
  g_assert_nonnull (strstr (text, "Feature Race"));
  g_assert_nonnull (strstr (text, "Main Race"));

  /* The feed changes something else: the name stays the user's, and the
   * conflict waits. */
  v3 = v2;
  v3.race_start = "2026-05-17T15:10:00Z";
  set_feed (fx, &v3, "\"v3\"");
  third = refresh (fx, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (third->conflicts, ==, 0);
  g_clear_object (&stored);
  stored = pd_store_get (fx->f.store, PD_TYPE_SESSION, SEASON ".r1.race", &error);
  g_assert_cmpstr (pd_session_get_name (stored), ==, "Feature Race");

  /* The user takes the feed's. */
  g_assert_true (pd_feed_resolve_conflict (fx->f.store, conflicts->pdata[0], TRUE, &error));
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = pd_store_get (fx->f.store, PD_TYPE_SESSION, SEASON ".r1.race", &error);
  g_assert_cmpstr (pd_session_get_name (stored), ==, "Main Race");
  g_clear_pointer (&conflicts, g_ptr_array_unref);
  conflicts = pd_store_list_feed_conflicts (fx->f.store, SEASON, &error);
  g_assert_cmpuint (conflicts->len, ==, 0);
}

static char *
calendar_doc (const char *race_start,
              const char *race_status)
{
  return g_strdup_printf ("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//Club//EN\r\n"
                          "X-WR-CALNAME:Club 2026\r\n"
                          "BEGIN:VEVENT\r\nUID:club-fp@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
                          "DTSTART:20260516T080000Z\r\nDTEND:20260516T083000Z\r\n"
                          "SUMMARY:Knutstorp - Practice\r\nLOCATION:Ring Knutstorp\r\nEND:VEVENT\r\n"
                          "BEGIN:VEVENT\r\nUID:club-race@example.org\r\nDTSTAMP:20260101T000000Z\r\n"
                          "DTSTART:%s\r\nDURATION:PT45M\r\nSTATUS:%s\r\n"
                          "SUMMARY:Knutstorp - Race\r\nLOCATION:Ring Knutstorp\r\nEND:VEVENT\r\n"
                          "END:VCALENDAR\r\n", race_start, race_status);
}

/* Following an iCalendar: times and statuses come from the feed, what
 * a calendar does not say (a driver change) stays the user's. */
static void
test_calendar (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdFeedReport) first = NULL;
  g_autoptr(PdFeedReport) second = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(PdSession) race = NULL;
  g_autofree char *lines = NULL;
  PdSession *found = NULL;

  g_free (fx->body);
  fx->body = calendar_doc ("20260517T145000Z", "CONFIRMED");
  first = follow (fx, "/feed", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->format, ==, "ics");

  sessions = pd_store_list_season_sessions (fx->f.store, SEASON, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      if (pd_session_get_kind (session) == PD_SESSION_KIND_RACE)
        found = session;
    }
  g_assert_nonnull (found);
  race = pd_store_get (fx->f.store, PD_TYPE_SESSION, pd_session_get_id (found), &error);
  g_assert_no_error (error);
  pd_session_set_driver_change (race, TRUE);
  g_assert_true (pd_store_save (fx->f.store, G_OBJECT (race), &error));

  set_feed (fx, NULL, "\"c2\"");
  g_free (fx->body);
  fx->body = calendar_doc ("20260517T150500Z", "CANCELLED");
  second = refresh (fx, &error);
  g_assert_no_error (error);
  lines = describe (second);
  g_test_message ("%s", lines);
  g_assert_nonnull (strstr (lines, "flyttades från sön 17 maj 16:50 till sön 17 maj 17:05"));
  g_assert_nonnull (strstr (lines, "ställdes in"));
  g_assert_cmpuint (second->conflicts, ==, 0);

  g_clear_object (&race);
  race = pd_store_get (fx->f.store, PD_TYPE_SESSION, pd_session_get_id (found), &error);
  g_assert_true (pd_session_get_driver_change (race));
  g_assert_cmpint (pd_session_get_status (race), ==, PD_SESSION_STATUS_CANCELLED);
}

/* Following a sportstimes calendar (f1calendar.com's data): told by its
 * content; a moved Grand Prix listed. */
static void
test_sportstimes (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdFeedReport) first = NULL;
  g_autoptr(PdFeedReport) second = NULL;
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "sportstimes", "f1", "2024.json",
                                            NULL);
  g_autofree char *text = NULL;
  g_autofree char *lines = NULL;
  g_auto(GStrv) parts = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_free (fx->body);
  fx->body = g_strdup (text);
  first = follow (fx, "/feed", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first->format, ==, "sportstimes");
  g_assert_cmpuint (first->changes->len, ==, 0);

  /* Bahrain's Grand Prix an hour later. */
  parts = g_strsplit (text, "\"gp\": \"2024-03-02T15:00:00Z\"", 2);
  g_assert_cmpuint (g_strv_length (parts), ==, 2);
  g_free (fx->body);
  fx->body = g_strjoinv ("\"gp\": \"2024-03-02T16:00:00Z\"", parts);
  g_free (fx->etag);
  fx->etag = g_strdup ("\"s2\"");
  second = refresh (fx, &error);
  g_assert_no_error (error);
  lines = describe (second);
  g_test_message ("%s", lines);
  g_assert_cmpuint (second->changed, ==, 1);
  g_assert_cmpuint (second->changes->len, ==, 1);
  g_assert_nonnull (strstr (lines, "Bahrain · Grand Prix flyttades från lör 2 mar 16:00 till lör 2 mar 17:00"));
}

static char *
round_crew_of_7 (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) crews = pd_store_list_round_crews (fx->f.store, SEASON ".7", &error);
  const char * const *crew;

  g_assert_no_error (error);
  crew = g_hash_table_lookup (crews, SEASON ".r1");
  return crew != NULL ? g_strjoinv (",", (char **) crew) : NULL;
}

/* Crews of single rounds come with the season, and change with it. */
static void
test_round_crews (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdFeedReport) first = NULL;
  g_autoptr(PdFeedReport) second = NULL;
  g_autoptr(PdFeedReport) third = NULL;
  g_autofree char *crew = NULL;
  Doc doc = v1;

  doc.round_crew = "bo-ek";
  set_feed (fx, &doc, "\"k1\"");
  first = follow (fx, "/feed", &error);
  g_assert_no_error (error);
  crew = round_crew_of_7 (fx);
  g_assert_cmpstr (crew, ==, "bo-ek");

  doc.round_crew = "anna-backman";
  set_feed (fx, &doc, "\"k2\"");
  second = refresh (fx, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (second->changes->len, ==, 1);
  g_clear_pointer (&crew, g_free);
  crew = round_crew_of_7 (fx);
  g_assert_cmpstr (crew, ==, "anna-backman");

  doc.round_crew = NULL;
  set_feed (fx, &doc, "\"k3\"");
  third = refresh (fx, &error);
  g_assert_no_error (error);
  g_clear_pointer (&crew, g_free);
  crew = round_crew_of_7 (fx);
  g_assert_null (crew);
}

/* A whole season followed is the season published: the follower's
 * export is the publisher's, byte for byte (the embedded GT4 season:
 * classes, crews that change by round, results, penalties). */
static void
test_whole_season (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *publisher_path = g_build_filename (fx->f.dir, "publisher.db", NULL);
  g_autoptr(PdStore) publisher = pd_database_open (publisher_path, &error);
  g_autofree char *published = NULL;
  g_autofree char *followed = NULL;
  g_autoptr(PdFeedReport) first = NULL;
  g_autoptr(PdFeedReport) second = NULL;

  g_assert_no_error (error);
  published = pd_season_json_export (publisher, PD_DEFAULT_SEASON_ID, &error);
  g_assert_no_error (error);
  g_free (fx->body);
  fx->body = g_strdup (published);

  {
    g_autofree char *url = g_strconcat (fx->base_url, "/feed", NULL);
    g_autoptr(GAsyncResult) result = NULL;

    pd_feed_client_follow_async (fx->client, fx->f.store, PD_DEFAULT_SEASON_ID, url, NULL, NULL,
                                 pd_feed_keep_result_cb, &result);
    first = pd_feed_client_follow_finish (fx->client, pd_feed_wait (&result), &error);
  }
  g_assert_no_error (error);
  followed = pd_season_json_export (fx->f.store, PD_DEFAULT_SEASON_ID, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (followed, ==, published);

  /* Read whole again (another ETag): nothing changes. */
  g_free (fx->etag);
  fx->etag = g_strdup ("\"again\"");
  {
    g_autoptr(GAsyncResult) result = NULL;

    pd_feed_client_refresh_async (fx->client, fx->f.store, PD_DEFAULT_SEASON_ID, NULL, pd_feed_keep_result_cb,
                                  &result);
    second = pd_feed_client_refresh_finish (fx->client, pd_feed_wait (&result), &error);
  }
  g_assert_no_error (error);
  g_assert_false (second->not_modified);
  g_assert_cmpuint (second->changes->len, ==, 0);
  g_assert_cmpuint (second->conflicts, ==, 0);
}

/* A failed refresh: a message naming the address and saying what went
 * wrong, kept with the feed; nothing else changes. */
static void
check_failure (Fixture     *fx,
               const char  *path_or_url,
               int          code,
               const char  *words)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdFeedReport) first = follow (fx, "/feed", &error);
  g_autoptr(PdFeedReport) report = NULL;
  g_autoptr(PdStoreFeed) feed = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *url = g_str_has_prefix (path_or_url, "/") ? g_strconcat (fx->base_url, path_or_url, NULL)
                                                              : g_strdup (path_or_url);
  guint changes;

  g_assert_no_error (error);
  before = export (fx);
  changes = count_changes (fx);

  /* Following another address that fails stores nothing. */
  report = follow (fx, url, &error);
  g_assert_null (report);
  g_test_message ("%s", error != NULL ? error->message : "(no error)");
  g_assert_error (error, PD_FEED_ERROR, code);
  g_assert_nonnull (strstr (error->message, words));
  feed = pd_store_get_feed (fx->f.store, SEASON, NULL);
  g_assert_cmpstr (feed->url, !=, url);
  g_clear_error (&error);

  /* The followed feed moves to the failing address: the refresh fails,
   * the reason is kept. */
  g_free (feed->url);
  feed->url = g_strdup (url);
  g_assert_true (pd_store_save_feed (fx->f.store, feed, &error));
  report = refresh (fx, &error);
  g_assert_null (report);
  g_assert_error (error, PD_FEED_ERROR, code);
  g_clear_pointer (&feed, pd_store_feed_free);
  feed = pd_store_get_feed (fx->f.store, SEASON, NULL);
  g_assert_cmpstr (feed->error, ==, error->message);

  after = export (fx);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpuint (count_changes (fx), ==, changes);
}

static void
test_server_error (Fixture *fx, gconstpointer data)
{
  check_failure (fx, "/error", PD_FEED_ERROR_HTTP, "500");
}

static void
test_not_found (Fixture *fx, gconstpointer data)
{
  check_failure (fx, "/missing", PD_FEED_ERROR_HTTP, "404");
}

static void
test_timeout (Fixture *fx, gconstpointer data)
{
  pd_feed_client_set_timeout (fx->client, 1);
  check_failure (fx, "/stall", PD_FEED_ERROR_TIMEOUT, "/stall");
}

static void
test_truncated (Fixture *fx, gconstpointer data)
{
  check_failure (fx, fx->raw_url, PD_FEED_ERROR_TRUNCATED, "avbrutet");
}

static void
test_too_large (Fixture *fx, gconstpointer data)
{
  g_autofree char *limit = g_format_size (16 * 1024);

  pd_feed_client_set_max_size (fx->client, 16 * 1024);
  check_failure (fx, "/large", PD_FEED_ERROR_TOO_LARGE, limit);
}

static void
test_too_large_chunked (Fixture *fx, gconstpointer data)
{
  pd_feed_client_set_max_size (fx->client, 16 * 1024);
  check_failure (fx, "/large-chunked", PD_FEED_ERROR_TOO_LARGE, "/large-chunked");
}

static void
test_redirect_loop (Fixture *fx, gconstpointer data)
{
  check_failure (fx, "/loop", PD_FEED_ERROR_REDIRECTS, "/loop");
}

static void
test_invalid (Fixture *fx, gconstpointer data)
{
  check_failure (fx, "/invalid", PD_FEED_ERROR_FORMAT, "/invalid");
}

static void
test_unreachable (Fixture *fx, gconstpointer data)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  guint16 port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u/feed", port);

  g_assert_no_error (error);
  /* Nothing listens there any more. */
  g_socket_listener_close (listener);
  check_failure (fx, url, PD_FEED_ERROR_UNREACHABLE, "127.0.0.1");
}

/* https with a certificate no one vouches for: refused, said so. */
static void
test_tls (Fixture *fx, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cert = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "tls", "cert.pem", NULL);
  g_autofree char *key = g_build_filename (g_getenv ("G_TEST_SRCDIR"), "data", "tls", "key.pem", NULL);
  g_autoptr(GTlsCertificate) certificate = g_tls_certificate_new_from_files (cert, key, &error);
  g_autoptr(SoupServer) secure = NULL;
  g_autoslist(GUri) uris = NULL;
  g_autofree char *url = NULL;

  g_assert_no_error (error);
  g_assert_true (g_tls_backend_supports_tls (g_tls_backend_get_default ()));
  secure = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (secure, NULL, feed_handler, fx, NULL);
  g_assert_true (soup_server_listen_local (secure, 0, SOUP_SERVER_LISTEN_IPV4_ONLY | SOUP_SERVER_LISTEN_HTTPS,
                                           &error));
  g_assert_no_error (error);
  uris = soup_server_get_uris (secure);
  url = g_strdup_printf ("https://127.0.0.1:%d/feed", g_uri_get_port (uris->data));
  check_failure (fx, url, PD_FEED_ERROR_TLS, url);
  soup_server_disconnect (secure);
}

static void
test_bad_scheme (Fixture *fx, gconstpointer data)
{
  check_failure (fx, "ftp://example.org/feed.json", PD_FEED_ERROR_URL, "https://");
}

int
main (int    argc,
      char **argv)
{
  pd_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/feed/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("follow-then-304", test_follow_then_not_modified);
  ADD ("changes-listed", test_changes_listed);
  ADD ("local-edit-kept", test_local_edit_kept);
  ADD ("calendar", test_calendar);
  ADD ("sportstimes", test_sportstimes);
  ADD ("whole-season", test_whole_season);
  ADD ("round-crews", test_round_crews);
  ADD ("fail/500", test_server_error);
  ADD ("fail/404", test_not_found);
  ADD ("fail/timeout", test_timeout);
  ADD ("fail/truncated", test_truncated);
  ADD ("fail/too-large", test_too_large);
  ADD ("fail/too-large-chunked", test_too_large_chunked);
  ADD ("fail/redirect-loop", test_redirect_loop);
  ADD ("fail/invalid-json", test_invalid);
  ADD ("fail/unreachable", test_unreachable);
  ADD ("fail/tls", test_tls);
  ADD ("fail/scheme", test_bad_scheme);
#undef ADD
  return g_test_run ();
}
