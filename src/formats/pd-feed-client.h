#pragma once

#include "pd-feed.h"

G_BEGIN_DECLS

/* One libsoup session for every feed the app or a command fetches. */
#define PD_TYPE_FEED_CLIENT (pd_feed_client_get_type ())
G_DECLARE_FINAL_TYPE (PdFeedClient, pd_feed_client, PD, FEED_CLIENT, GObject)

#define PD_FEED_CLIENT_DEFAULT_TIMEOUT  30                  /* seconds */
#define PD_FEED_CLIENT_DEFAULT_MAX_SIZE (16 * 1024 * 1024)  /* bytes */

PdFeedClient *pd_feed_client_new           (void);
void          pd_feed_client_set_timeout   (PdFeedClient        *self,
                                            guint                seconds);
void          pd_feed_client_set_max_size  (PdFeedClient        *self,
                                            gsize                bytes);
GDateTime    *pd_feed_client_get_checked_at (PdFeedClient       *self,
                                            const char          *season_id);

/* What a fetch got: a body, or nothing new (a 304). */
typedef struct {
  GBytes *body;           /* NULL for a 304 */
  char   *etag;
  char   *last_modified;
} PdFeedResponse;

void            pd_feed_response_free      (PdFeedResponse *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdFeedResponse, pd_feed_response_free)

void            pd_feed_client_fetch_async  (PdFeedClient        *self,
                                             const char          *url,
                                             const char          *etag,
                                             const char          *last_modified,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
PdFeedResponse *pd_feed_client_fetch_finish (PdFeedClient        *self,
                                             GAsyncResult        *result,
                                             GError             **error);

/* Fetches the feed @season_id follows, with a conditional request, and
 * merges what changed. A failure is kept with the feed (its message, in
 * the feed's row) and nothing else changes. */
void            pd_feed_client_refresh_async  (PdFeedClient        *self,
                                               PdStore             *store,
                                               const char          *season_id,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
PdFeedReport   *pd_feed_client_refresh_finish (PdFeedClient        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* Makes @season_id follow @url (created from it when missing), with a
 * first full fetch. When it fails nothing is stored. @format may be
 * %NULL to tell by the document. */
void            pd_feed_client_follow_async   (PdFeedClient        *self,
                                               PdStore             *store,
                                               const char          *season_id,
                                               const char          *url,
                                               const char          *format,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
PdFeedReport   *pd_feed_client_follow_finish  (PdFeedClient        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

/* For programs without a main loop of their own (the command line,
 * tests, benchmarks): a GAsyncReadyCallback that keeps the result in the
 * GAsyncResult * that @slot points to, and running the thread-default
 * main context until it is there. */
void            pd_feed_keep_result_cb       (GObject             *source,
                                              GAsyncResult        *result,
                                              gpointer             slot);
GAsyncResult   *pd_feed_wait                 (GAsyncResult       **slot);

G_END_DECLS
