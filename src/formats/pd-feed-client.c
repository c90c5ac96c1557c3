/* pd-feed-client.c: fetching followed feeds with libsoup.
 *
 * One SoupSession, asynchronous, with conditional requests (If-None-Match,
 * If-Modified-Since), an I/O timeout, a size limit on the body (checked on
 * the announced length and while reading), http and https only, and every
 * failure told in one translated sentence naming the address.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libsoup/soup.h>

#include "pd-feed-client.h"

struct _PdFeedClient
{
  GObject      parent_instance;
  SoupSession *session;
  gsize        max_size;
  GHashTable  *checked;  /* season id → GDateTime: the last try answered 304 */
};

G_DEFINE_FINAL_TYPE (PdFeedClient, pd_feed_client, G_TYPE_OBJECT)

#define READ_CHUNK 65536

static void
pd_feed_client_finalize (GObject *object)
{
  PdFeedClient *self = PD_FEED_CLIENT (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->checked, g_hash_table_unref);
  G_OBJECT_CLASS (pd_feed_client_parent_class)->finalize (object);
}

static void
pd_feed_client_class_init (PdFeedClientClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = pd_feed_client_finalize;
}

static void
pd_feed_client_init (PdFeedClient *self)
{
  g_autofree char *agent = g_strdup_printf ("Paddock/%s ", PACKAGE_VERSION);

  /* A trailing space: libsoup appends its own name and version. */
  self->session = soup_session_new_with_options ("timeout", PD_FEED_CLIENT_DEFAULT_TIMEOUT,
                                                 "user-agent", agent,
                                                 NULL);
  self->max_size = PD_FEED_CLIENT_DEFAULT_MAX_SIZE;
  self->checked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_date_time_unref);
}

/**
 * pd_feed_client_get_checked_at:
 *
 * Returns: (transfer none) (nullable): when a refresh of @season_id last
 *   found nothing new (a 304, which is not written to the database)
 */
GDateTime *
pd_feed_client_get_checked_at (PdFeedClient *self,
                               const char   *season_id)
{
  g_return_val_if_fail (PD_IS_FEED_CLIENT (self), NULL);
  return g_hash_table_lookup (self->checked, season_id);
}

PdFeedClient *
pd_feed_client_new (void)
{
  return g_object_new (PD_TYPE_FEED_CLIENT, NULL);
}

void
pd_feed_client_set_timeout (PdFeedClient *self,
                            guint         seconds)
{
  g_return_if_fail (PD_IS_FEED_CLIENT (self));
  soup_session_set_timeout (self->session, seconds);
}

void
pd_feed_client_set_max_size (PdFeedClient *self,
                             gsize         bytes)
{
  g_return_if_fail (PD_IS_FEED_CLIENT (self));
  self->max_size = bytes;
}

void
pd_feed_response_free (PdFeedResponse *response)
{
  if (response == NULL)
    return;
  g_clear_pointer (&response->body, g_bytes_unref);
  g_free (response->etag);
  g_free (response->last_modified);
  g_free (response);
}

/* Fetching */

typedef struct {
  char          *url;
  SoupMessage   *message;
  GInputStream  *stream;
  GByteArray    *body;
  goffset        announced;  /* Content-Length, -1 when not given */
  gboolean       not_modified;
} Fetch;

static void
fetch_free (Fetch *fetch)
{
  g_free (fetch->url);
  g_clear_object (&fetch->message);
  g_clear_object (&fetch->stream);
  g_clear_pointer (&fetch->body, g_byte_array_unref);
  g_free (fetch);
}

/* Turns what libsoup or GIO said into one of ours, naming the address. */
static GError *
translate_error (const char   *url,
                 const GError *error)
{
  if (error->domain == PD_FEED_ERROR)
    return g_error_copy (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    return g_error_new (PD_FEED_ERROR, PD_FEED_ERROR_TIMEOUT,
                        _("%s did not answer in time"), url);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PARTIAL_INPUT) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CONNECTION_CLOSED) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    return g_error_new (PD_FEED_ERROR, PD_FEED_ERROR_TRUNCATED,
                        _("The answer from %s was cut off before its end"), url);
  if (g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_TOO_MANY_REDIRECTS) ||
      g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_REDIRECT_NO_LOCATION) ||
      g_error_matches (error, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_REDIRECT_BAD_URI))
    return g_error_new (PD_FEED_ERROR, PD_FEED_ERROR_REDIRECTS,
                        _("%s sends Paddock from one address to another without end, or to one it cannot follow"),
                        url);
  if (error->domain == G_TLS_ERROR)
    return g_error_new (PD_FEED_ERROR, PD_FEED_ERROR_TLS,
                        _("The secure connection to %s could not be trusted: %s"), url, error->message);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return g_error_copy (error);
  return g_error_new (PD_FEED_ERROR, PD_FEED_ERROR_UNREACHABLE,
                      _("%s could not be reached: %s"), url, error->message);
}

static void
fetch_fail (GTask        *task,
            const GError *error)
{
  Fetch *fetch = g_task_get_task_data (task);

  g_task_return_error (task, translate_error (fetch->url, error));
  g_object_unref (task);
}

static void
too_large (GTask *task)
{
  PdFeedClient *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autofree char *limit = g_format_size (self->max_size);

  g_task_return_new_error (task, PD_FEED_ERROR, PD_FEED_ERROR_TOO_LARGE,
                           _("What %s sends is larger than %s, the most Paddock reads from a feed"),
                           fetch->url, limit);
  g_object_unref (task);
}

/* Returns the answer of @task's message, with @body (NULL for a 304). */
static void
fetch_return (GTask  *task,
              GBytes *body)
{
  Fetch *fetch = g_task_get_task_data (task);
  SoupMessageHeaders *headers = soup_message_get_response_headers (fetch->message);
  PdFeedResponse *response = g_new0 (PdFeedResponse, 1);

  response->body = body;
  response->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  response->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  g_task_return_pointer (task, response, (GDestroyNotify) pd_feed_response_free);
  g_object_unref (task);
}

static void
read_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  PdFeedClient *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (source), result, &error);

  if (chunk == NULL)
    {
      fetch_fail (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) > 0)
    {
      if (fetch->body->len + g_bytes_get_size (chunk) > self->max_size)
        {
          too_large (task);
          return;
        }
      g_byte_array_append (fetch->body, g_bytes_get_data (chunk, NULL), g_bytes_get_size (chunk));
      g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                       g_task_get_cancellable (task), read_ready_cb, task);
      return;
    }

  /* The end: as long as announced? */
  if (fetch->announced >= 0 && (goffset) fetch->body->len < fetch->announced)
    {
      g_task_return_new_error (task, PD_FEED_ERROR, PD_FEED_ERROR_TRUNCATED,
                               _("The answer from %s was cut off before its end"), fetch->url);
      g_object_unref (task);
      return;
    }

  fetch_return (task, fetch->not_modified ? NULL : g_byte_array_free_to_bytes (g_steal_pointer (&fetch->body)));
}

static void
send_ready_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  GTask *task = user_data;
  PdFeedClient *self = g_task_get_source_object (task);
  Fetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  guint status;

  fetch->stream = soup_session_send_finish (SOUP_SESSION (source), result, &error);
  if (fetch->stream == NULL)
    {
      fetch_fail (task, error);
      return;
    }

  status = soup_message_get_status (fetch->message);
  headers = soup_message_get_response_headers (fetch->message);
  /* A 304 has no body, but it is read to its end all the same: then the
   * connection is kept for the next request. */
  fetch->not_modified = status == SOUP_STATUS_NOT_MODIFIED;
  if (status != SOUP_STATUS_OK && !fetch->not_modified)
    {
      const char *reason = soup_message_get_reason_phrase (fetch->message);

      /* TRANSLATORS: an address, then an HTTP status code and its reason, e.g. “404 Not Found” */
      g_task_return_new_error (task, PD_FEED_ERROR, PD_FEED_ERROR_HTTP, _("%s answered %u %s"),
                               fetch->url, status, reason != NULL && *reason != '\0'
                                                   ? reason : soup_status_get_phrase (status));
      g_object_unref (task);
      return;
    }

  fetch->announced = soup_message_headers_get_encoding (headers) == SOUP_ENCODING_CONTENT_LENGTH
                     ? soup_message_headers_get_content_length (headers) : -1;
  if (fetch->announced > (goffset) self->max_size)
    {
      too_large (task);
      return;
    }
  fetch->body = g_byte_array_new ();
  g_input_stream_read_bytes_async (fetch->stream, READ_CHUNK, G_PRIORITY_DEFAULT,
                                   g_task_get_cancellable (task), read_ready_cb, task);
}

/**
 * pd_feed_client_fetch_async:
 * @etag: (nullable): of the copy Paddock has, for a conditional request
 * @last_modified: (nullable): likewise
 */
void
pd_feed_client_fetch_async (PdFeedClient        *self,
                            const char          *url,
                            const char          *etag,
                            const char          *last_modified,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  SoupMessageHeaders *headers;
  Fetch *fetch;

  g_task_set_source_tag (task, pd_feed_client_fetch_async);
  fetch = g_new0 (Fetch, 1);
  fetch->url = g_strdup (url);
  fetch->announced = -1;
  g_task_set_task_data (task, fetch, (GDestroyNotify) fetch_free);

  if (!pd_feed_check_url (url, &error) ||
      (fetch->message = soup_message_new (SOUP_METHOD_GET, url)) == NULL)
    {
      if (error == NULL)
        pd_feed_check_url (NULL, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  headers = soup_message_get_request_headers (fetch->message);
  if (etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", etag);
  if (last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", last_modified);
  soup_message_headers_replace (headers, "Accept",
                                "application/json, text/calendar;q=0.9, */*;q=0.5");
  soup_session_send_async (self->session, fetch->message, G_PRIORITY_DEFAULT, cancellable,
                           send_ready_cb, task);
}

/**
 * pd_feed_client_fetch_finish:
 *
 * Returns: (transfer full): the answer; its body is %NULL for a 304
 */
PdFeedResponse *
pd_feed_client_fetch_finish (PdFeedClient  *self,
                             GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Refreshing and following */

typedef struct {
  PdStore *store;
  char    *season_id;
  char    *url;
  char    *format;
  gboolean follow;
  gboolean had_error;  /* the last try failed */
} Refresh;

static void
refresh_free (Refresh *refresh)
{
  g_clear_object (&refresh->store);
  g_free (refresh->season_id);
  g_free (refresh->url);
  g_free (refresh->format);
  g_free (refresh);
}

static void
refresh_fetched_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Refresh *refresh = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdFeedResponse) response = pd_feed_client_fetch_finish (PD_FEED_CLIENT (source), result, &error);
  g_autoptr(PdFeedReport) report = g_new0 (PdFeedReport, 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  if (response != NULL && response->body == NULL)
    {
      /* 304: nothing new, and nothing written, unless the last try
       * had failed: then that is over. The time of the try is kept in
       * memory (pd_feed_client_get_checked_at()). */
      g_hash_table_replace (PD_FEED_CLIENT (source)->checked, g_strdup (refresh->season_id),
                            g_date_time_ref (now));
      report->season_id = g_strdup (refresh->season_id);
      report->format = g_strdup (refresh->format);
      report->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_store_feed_change_free);
      report->problems = g_ptr_array_new_with_free_func (g_free);
      report->not_modified = TRUE;
      if (refresh->had_error && !pd_feed_record_try (refresh->store, refresh->season_id, now, NULL, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }
      g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) pd_feed_report_free);
      return;
    }

  if (response != NULL)
    {
      gsize length = 0;
      const char *data = g_bytes_get_data (response->body, &length);

      if (pd_feed_apply (refresh->store, refresh->season_id, refresh->url, refresh->format,
                         data != NULL ? data : "", length, response->etag, response->last_modified, now,
                         report, &error))
        {
          g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) pd_feed_report_free);
          return;
        }
      if (error->domain == PD_FEED_ERROR)
        {
          g_autoptr(GError) format_error = g_error_new (PD_FEED_ERROR, PD_FEED_ERROR_FORMAT,
                                                        _("What %s sends cannot be read: %s"),
                                                        refresh->url, error->message);
          g_clear_error (&error);
          error = g_steal_pointer (&format_error);
        }
    }

  /* A failure: kept with a followed feed, so that the app can tell why;
   * a first follow stores nothing. */
  if (!refresh->follow && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    pd_feed_record_try (refresh->store, refresh->season_id, now, error->message, NULL);
  g_task_return_error (task, g_steal_pointer (&error));
}

void
pd_feed_client_refresh_async (PdFeedClient        *self,
                              PdStore             *store,
                              const char          *season_id,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStoreFeed) feed = pd_store_get_feed_head (store, season_id, &error);
  Refresh *refresh;

  g_task_set_source_tag (task, pd_feed_client_refresh_async);
  if (feed == NULL)
    {
      if (error == NULL)
        error = g_error_new (PD_FEED_ERROR, PD_FEED_ERROR_NOT_FOLLOWED,
                             _("The season “%s” does not follow a feed"), season_id);
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  refresh = g_new0 (Refresh, 1);
  refresh->store = g_object_ref (store);
  refresh->season_id = g_strdup (season_id);
  refresh->url = g_strdup (feed->url);
  refresh->format = g_strdup (feed->format);
  refresh->had_error = feed->error != NULL;
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);
  /* Without a base (never read whole), ask for the whole document. */
  pd_feed_client_fetch_async (self, feed->url, feed->has_base ? feed->etag : NULL,
                              feed->has_base ? feed->last_modified : NULL,
                              cancellable, refresh_fetched_cb, task);
}

/**
 * pd_feed_client_refresh_finish:
 *
 * Returns: (transfer full): what changed; not_modified for a 304
 */
PdFeedReport *
pd_feed_client_refresh_finish (PdFeedClient  *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pd_feed_client_follow_async (PdFeedClient        *self,
                             PdStore             *store,
                             const char          *season_id,
                             const char          *url,
                             const char          *format,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  Refresh *refresh = g_new0 (Refresh, 1);

  g_task_set_source_tag (task, pd_feed_client_follow_async);
  refresh->store = g_object_ref (store);
  refresh->season_id = g_strdup (season_id);
  refresh->url = g_strdup (url);
  refresh->format = g_strdup (format);
  refresh->follow = TRUE;
  g_task_set_task_data (task, refresh, (GDestroyNotify) refresh_free);
  pd_feed_client_fetch_async (self, url, NULL, NULL, cancellable, refresh_fetched_cb, task);
}

PdFeedReport *
pd_feed_client_follow_finish (PdFeedClient  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

void
pd_feed_keep_result_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      slot)
{
  *(GAsyncResult **) slot = g_object_ref (result);
}

GAsyncResult *
pd_feed_wait (GAsyncResult **slot)
{
  GMainContext *context = g_main_context_get_thread_default ();

  while (*slot == NULL)
    g_main_context_iteration (context, TRUE);
  return *slot;
}
