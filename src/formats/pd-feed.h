#pragma once

#include "pd-store.h"
#include "pd-store-feeds.h"

G_BEGIN_DECLS

#define PD_FEED_ERROR (pd_feed_error_quark ())

typedef enum {
  PD_FEED_ERROR_URL,          /* not an http or https URL */
  PD_FEED_ERROR_UNREACHABLE,  /* no answer: host unknown, refused, no network */
  PD_FEED_ERROR_HTTP,         /* an answer other than 200 or 304 */
  PD_FEED_ERROR_TIMEOUT,
  PD_FEED_ERROR_TOO_LARGE,
  PD_FEED_ERROR_TRUNCATED,
  PD_FEED_ERROR_REDIRECTS,
  PD_FEED_ERROR_TLS,
  PD_FEED_ERROR_FORMAT,       /* a body that is not a season, a calendar */
  PD_FEED_ERROR_NOT_FOLLOWED,
} PdFeedError;

/* What applying a feed did. */
typedef struct {
  char      *season_id;
  char      *format;        /* as detected */
  guint      added;
  guint      changed;
  guint      removed;
  guint      conflicts;
  GPtrArray *changes;       /* PdStoreFeedChange *: as recorded */
  GPtrArray *problems;      /* char *: what the feed held that could not be read */
  gboolean   not_modified;  /* the server said nothing changed (304) */
  gboolean   created;       /* the season was not here before */
} PdFeedReport;

GQuark       pd_feed_error_quark      (void);

gboolean     pd_feed_check_url        (const char          *url,
                                       GError             **error);
const char  *pd_feed_detect_format    (const char          *data,
                                       gsize                length);

/* Reads a whole feed into a season of @store (created when missing),
 * merging with what is there: a field changed here since the last
 * refresh is kept, and listed as a conflict when the feed changed it
 * too. Records the changes and, when @url is not %NULL, the feed the
 * season follows (with @etag and @last_modified). All or nothing. */
gboolean     pd_feed_apply            (PdStore             *store,
                                       const char          *season_id,
                                       const char          *url,
                                       const char          *format,
                                       const char          *data,
                                       gsize                length,
                                       const char          *etag,
                                       const char          *last_modified,
                                       GDateTime           *now,
                                       PdFeedReport        *report,
                                       GError             **error);

/* A try that changed nothing: a 304 (@message %NULL) or a failure. Only
 * the feed's own row is written: when it was tried, and why it failed. */
gboolean     pd_feed_record_try       (PdStore             *store,
                                       const char          *season_id,
                                       GDateTime           *now,
                                       const char          *message,
                                       GError             **error);

gboolean     pd_feed_resolve_conflict (PdStore             *store,
                                       const PdStoreFeedConflict *conflict,
                                       gboolean             take_feed,
                                       GError             **error);

char        *pd_feed_describe_change  (const PdStoreFeedChange *change,
                                       GTimeZone           *zone);
char        *pd_feed_describe_conflict (const PdStoreFeedConflict *conflict,
                                       GTimeZone           *zone);
char        *pd_feed_summarize        (const PdFeedReport  *report);

void         pd_feed_report_clear     (PdFeedReport        *report);
void         pd_feed_report_free      (PdFeedReport        *report);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdFeedReport, pd_feed_report_free)

G_END_DECLS
