#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

/* A season that follows a feed (see pd-feed.h). */
typedef struct {
  char *season_id;
  char *url;
  char *format;         /* "paddock", "ics", "sportstimes" */
  char *etag;           /* of the last answer, for If-None-Match */
  char *last_modified;  /* of the last answer, for If-Modified-Since */
  char *checked_at;     /* ISO 8601 UTC: the last try */
  char *refreshed_at;   /* ISO 8601 UTC: the last try that got an answer */
  char *error;          /* why the last try failed, translated; NULL when it did not */
  char *base;           /* what the last refresh took from the feed (pd-feed.c) */
  gboolean has_base;    /* base is set (also when not read: pd_store_get_feed_head()) */
} PdStoreFeed;

/* What a refresh changed. @kind: "added", "changed", "removed", or
 * "conflict" (changed here and in the feed: the local value was kept). */
typedef struct {
  gint64    id;
  char     *season_id;
  char     *at;
  char     *kind;
  char     *record_type;  /* the table: "session", "result", ... */
  char     *record_id;
  char     *field;        /* the property changed, NULL for a whole record */
  char     *before;
  char     *after;
  char     *label;        /* the record as people name it, when it was recorded */
  gboolean  seen;
} PdStoreFeedChange;

/* A field changed both here and in the feed since the last refresh. */
typedef struct {
  char *season_id;
  char *record_type;
  char *record_id;
  char *field;
  char *local;
  char *remote;
  char *label;
  char *at;
} PdStoreFeedConflict;

void         pd_store_feed_free             (PdStoreFeed          *feed);
void         pd_store_feed_change_free      (PdStoreFeedChange    *change);
void         pd_store_feed_conflict_free    (PdStoreFeedConflict  *conflict);

PdStoreFeed *pd_store_get_feed              (PdStore              *self,
                                             const char           *season_id,
                                             GError              **error);
PdStoreFeed *pd_store_get_feed_head         (PdStore              *self,
                                             const char           *season_id,
                                             GError              **error);
GPtrArray   *pd_store_list_feeds            (PdStore              *self,
                                             GError              **error);
gboolean     pd_store_save_feed             (PdStore              *self,
                                             const PdStoreFeed    *feed,
                                             GError              **error);
gboolean     pd_store_delete_feed           (PdStore              *self,
                                             const char           *season_id,
                                             GError              **error);

gboolean     pd_store_add_feed_change       (PdStore              *self,
                                             const PdStoreFeedChange *change,
                                             GError              **error);
GPtrArray   *pd_store_list_feed_changes     (PdStore              *self,
                                             const char           *season_id,
                                             gboolean              unseen_only,
                                             GError              **error);
gboolean     pd_store_mark_feed_changes_seen (PdStore             *self,
                                             const char           *season_id,
                                             GError              **error);

gboolean     pd_store_save_feed_conflict    (PdStore              *self,
                                             const PdStoreFeedConflict *conflict,
                                             GError              **error);
GPtrArray   *pd_store_list_feed_conflicts   (PdStore              *self,
                                             const char           *season_id,
                                             GError              **error);
gboolean     pd_store_delete_feed_conflict  (PdStore              *self,
                                             const char           *season_id,
                                             const char           *record_type,
                                             const char           *record_id,
                                             const char           *field,
                                             GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdStoreFeed, pd_store_feed_free)

G_END_DECLS
