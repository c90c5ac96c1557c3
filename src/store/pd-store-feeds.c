/* pd-store-feeds.c: the seasons that follow a feed, what refreshing them
 * changed, and what waits for the user's choice (schema 7). */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-store-feeds.h"
#include "pd-store-internal.h"

static char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const unsigned char *text = sqlite3_column_text (stmt, column);

  return text != NULL ? g_strdup ((const char *) text) : NULL;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (stmt, index);
}

/* Runs @stmt, which returns no rows. */
static gboolean
step_done (PdStore       *self,
           sqlite3_stmt  *stmt,
           const char    *what,
           GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return pd_store_set_error (self, rc, what, error);
  return TRUE;
}

void
pd_store_feed_free (PdStoreFeed *feed)
{
  if (feed == NULL)
    return;
  g_free (feed->season_id);
  g_free (feed->url);
  g_free (feed->format);
  g_free (feed->etag);
  g_free (feed->last_modified);
  g_free (feed->checked_at);
  g_free (feed->refreshed_at);
  g_free (feed->error);
  g_free (feed->base);
  g_free (feed);
}

void
pd_store_feed_change_free (PdStoreFeedChange *change)
{
  if (change == NULL)
    return;
  g_free (change->season_id);
  g_free (change->at);
  g_free (change->kind);
  g_free (change->record_type);
  g_free (change->record_id);
  g_free (change->field);
  g_free (change->before);
  g_free (change->after);
  g_free (change->label);
  g_free (change);
}

void
pd_store_feed_conflict_free (PdStoreFeedConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->season_id);
  g_free (conflict->record_type);
  g_free (conflict->record_id);
  g_free (conflict->field);
  g_free (conflict->local);
  g_free (conflict->remote);
  g_free (conflict->label);
  g_free (conflict->at);
  g_free (conflict);
}

#define FEED_COLUMNS "season_id, url, format, etag, last_modified, checked_at, refreshed_at, error, base"
/* The same without the base, which may be large, but with whether it is set. */
#define FEED_HEAD_COLUMNS "season_id, url, format, etag, last_modified, checked_at, refreshed_at, error, NULL, " \
                          "base IS NOT NULL"

static PdStoreFeed *
feed_from_row (sqlite3_stmt *stmt)
{
  PdStoreFeed *feed = g_new0 (PdStoreFeed, 1);

  feed->season_id = column_text (stmt, 0);
  feed->url = column_text (stmt, 1);
  feed->format = column_text (stmt, 2);
  feed->etag = column_text (stmt, 3);
  feed->last_modified = column_text (stmt, 4);
  feed->checked_at = column_text (stmt, 5);
  feed->refreshed_at = column_text (stmt, 6);
  feed->error = column_text (stmt, 7);
  feed->base = column_text (stmt, 8);
  feed->has_base = sqlite3_column_count (stmt) > 9 ? sqlite3_column_int (stmt, 9) != 0 : feed->base != NULL;
  return feed;
}

/* Reads the rows of @stmt with @from_row; NULL on an error. */
static GPtrArray *
read_rows (PdStore         *self,
           sqlite3_stmt    *stmt,
           gpointer       (*from_row) (sqlite3_stmt *),
           GDestroyNotify   free_func,
           GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      pd_store_set_error (self, rc, _("Could not read the followed feeds"), error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

static PdStoreFeed *
get_one (PdStore     *self,
         const char  *sql,
         const char  *season_id,
         GError     **error)
{
  sqlite3_stmt *stmt = pd_store_statement (self, sql, error);
  g_autoptr(GPtrArray) rows = NULL;

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, season_id);
  rows = read_rows (self, stmt, (gpointer (*) (sqlite3_stmt *)) feed_from_row,
                    (GDestroyNotify) pd_store_feed_free, error);
  if (rows == NULL || rows->len == 0)
    return NULL;
  return g_ptr_array_steal_index (rows, 0);
}

/**
 * pd_store_get_feed:
 *
 * Returns: (transfer full) (nullable): the feed @season_id follows; %NULL
 * without an error when it follows none.
 */
PdStoreFeed *
pd_store_get_feed (PdStore     *self,
                   const char  *season_id,
                   GError     **error)
{
  return get_one (self, "SELECT " FEED_COLUMNS " FROM feed WHERE season_id = ?", season_id, error);
}

/**
 * pd_store_get_feed_head:
 *
 * Like pd_store_get_feed(), without reading the base (@has_base says
 * whether there is one): what a refresh needs to ask for what changed.
 */
PdStoreFeed *
pd_store_get_feed_head (PdStore     *self,
                        const char  *season_id,
                        GError     **error)
{
  return get_one (self, "SELECT " FEED_HEAD_COLUMNS " FROM feed WHERE season_id = ?", season_id, error);
}

/* Returns: (transfer full) (element-type PdStoreFeed): every followed
 * feed, by season, without their bases. */
GPtrArray *
pd_store_list_feeds (PdStore  *self,
                     GError  **error)
{
  sqlite3_stmt *stmt = pd_store_statement (self, "SELECT " FEED_HEAD_COLUMNS " FROM feed ORDER BY season_id", error);

  if (stmt == NULL)
    return NULL;
  return read_rows (self, stmt, (gpointer (*) (sqlite3_stmt *)) feed_from_row,
                    (GDestroyNotify) pd_store_feed_free, error);
}

gboolean
pd_store_save_feed (PdStore            *self,
                    const PdStoreFeed  *feed,
                    GError            **error)
{
  /* A feed read without its base (pd_store_get_feed_head()) keeps the
   * stored one. */
  sqlite3_stmt *stmt = pd_store_statement (self,
                                           "INSERT INTO feed (" FEED_COLUMNS ") "
                                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                                           "ON CONFLICT (season_id) DO UPDATE SET url = ?2, format = ?3, etag = ?4, "
                                           "last_modified = ?5, checked_at = ?6, refreshed_at = ?7, error = ?8, "
                                           "base = CASE WHEN ?10 THEN base ELSE ?9 END", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, feed->season_id);
  bind_text (stmt, 2, feed->url);
  bind_text (stmt, 3, feed->format);
  bind_text (stmt, 4, feed->etag);
  bind_text (stmt, 5, feed->last_modified);
  bind_text (stmt, 6, feed->checked_at);
  bind_text (stmt, 7, feed->refreshed_at);
  bind_text (stmt, 8, feed->error);
  bind_text (stmt, 9, feed->base);
  sqlite3_bind_int (stmt, 10, feed->base == NULL && feed->has_base);
  return step_done (self, stmt, _("Could not save a followed feed"), error);
}

/* Stops following; what the feed brought stays. */
gboolean
pd_store_delete_feed (PdStore     *self,
                      const char  *season_id,
                      GError     **error)
{
  sqlite3_stmt *stmt = pd_store_statement (self, "DELETE FROM feed WHERE season_id = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, season_id);
  return step_done (self, stmt, _("Could not save a followed feed"), error);
}

gboolean
pd_store_add_feed_change (PdStore                  *self,
                          const PdStoreFeedChange  *change,
                          GError                  **error)
{
  sqlite3_stmt *stmt = pd_store_statement (self,
                                           "INSERT INTO feed_change (season_id, at, kind, record_type, record_id, "
                                           "field, before, after, label, seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                                           error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, change->season_id);
  bind_text (stmt, 2, change->at);
  bind_text (stmt, 3, change->kind);
  bind_text (stmt, 4, change->record_type);
  bind_text (stmt, 5, change->record_id);
  bind_text (stmt, 6, change->field);
  bind_text (stmt, 7, change->before);
  bind_text (stmt, 8, change->after);
  bind_text (stmt, 9, change->label);
  sqlite3_bind_int (stmt, 10, change->seen);
  return step_done (self, stmt, _("Could not save what a refresh changed"), error);
}

static PdStoreFeedChange *
change_from_row (sqlite3_stmt *stmt)
{
  PdStoreFeedChange *change = g_new0 (PdStoreFeedChange, 1);

  change->id = sqlite3_column_int64 (stmt, 0);
  change->season_id = column_text (stmt, 1);
  change->at = column_text (stmt, 2);
  change->kind = column_text (stmt, 3);
  change->record_type = column_text (stmt, 4);
  change->record_id = column_text (stmt, 5);
  change->field = column_text (stmt, 6);
  change->before = column_text (stmt, 7);
  change->after = column_text (stmt, 8);
  change->label = column_text (stmt, 9);
  change->seen = sqlite3_column_int (stmt, 10) != 0;
  return change;
}

/* Returns: (transfer full) (element-type PdStoreFeedChange): the changes
 * refreshes made to @season_id, the latest first. */
GPtrArray *
pd_store_list_feed_changes (PdStore     *self,
                            const char  *season_id,
                            gboolean     unseen_only,
                            GError     **error)
{
  sqlite3_stmt *stmt = pd_store_statement (self,
                                           "SELECT id, season_id, at, kind, record_type, record_id, field, before, "
                                           "after, label, seen FROM feed_change "
                                           "WHERE season_id = ?1 AND (?2 = 0 OR seen = 0) ORDER BY id DESC", error);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, season_id);
  sqlite3_bind_int (stmt, 2, unseen_only);
  return read_rows (self, stmt, (gpointer (*) (sqlite3_stmt *)) change_from_row,
                    (GDestroyNotify) pd_store_feed_change_free, error);
}

gboolean
pd_store_mark_feed_changes_seen (PdStore     *self,
                                 const char  *season_id,
                                 GError     **error)
{
  sqlite3_stmt *stmt = pd_store_statement (self, "UPDATE feed_change SET seen = 1 WHERE season_id = ? AND seen = 0",
                                           error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, season_id);
  return step_done (self, stmt, _("Could not save what a refresh changed"), error);
}

gboolean
pd_store_save_feed_conflict (PdStore                    *self,
                             const PdStoreFeedConflict  *conflict,
                             GError                    **error)
{
  sqlite3_stmt *stmt = pd_store_statement (self,
                                           "INSERT OR REPLACE INTO feed_conflict (season_id, record_type, record_id, "
                                           "field, local, remote, label, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, conflict->season_id);
  bind_text (stmt, 2, conflict->record_type);
  bind_text (stmt, 3, conflict->record_id);
  bind_text (stmt, 4, conflict->field);
  bind_text (stmt, 5, conflict->local);
  bind_text (stmt, 6, conflict->remote);
  bind_text (stmt, 7, conflict->label);
  bind_text (stmt, 8, conflict->at);
  return step_done (self, stmt, _("Could not save what a refresh changed"), error);
}

static PdStoreFeedConflict *
conflict_from_row (sqlite3_stmt *stmt)
{
  PdStoreFeedConflict *conflict = g_new0 (PdStoreFeedConflict, 1);

  conflict->season_id = column_text (stmt, 0);
  conflict->record_type = column_text (stmt, 1);
  conflict->record_id = column_text (stmt, 2);
  conflict->field = column_text (stmt, 3);
  conflict->local = column_text (stmt, 4);
  conflict->remote = column_text (stmt, 5);
  conflict->label = column_text (stmt, 6);
  conflict->at = column_text (stmt, 7);
  return conflict;
}

/* Returns: (transfer full) (element-type PdStoreFeedConflict) */
GPtrArray *
pd_store_list_feed_conflicts (PdStore     *self,
                              const char  *season_id,
                              GError     **error)
{
  sqlite3_stmt *stmt = pd_store_statement (self,
                                           "SELECT season_id, record_type, record_id, field, local, remote, label, at "
                                           "FROM feed_conflict WHERE season_id = ? ORDER BY at, record_type, record_id, field",
                                           error);

  if (stmt == NULL)
    return NULL;
  bind_text (stmt, 1, season_id);
  return read_rows (self, stmt, (gpointer (*) (sqlite3_stmt *)) conflict_from_row,
                    (GDestroyNotify) pd_store_feed_conflict_free, error);
}

gboolean
pd_store_delete_feed_conflict (PdStore     *self,
                               const char  *season_id,
                               const char  *record_type,
                               const char  *record_id,
                               const char  *field,
                               GError     **error)
{
  sqlite3_stmt *stmt = pd_store_statement (self,
                                           "DELETE FROM feed_conflict WHERE season_id = ? AND record_type = ? "
                                           "AND record_id = ? AND field = ?", error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, season_id);
  bind_text (stmt, 2, record_type);
  bind_text (stmt, 3, record_id);
  bind_text (stmt, 4, field);
  return step_done (self, stmt, _("Could not save what a refresh changed"), error);
}
