#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-feed-ui.h"
#include "pd-model-types.h"
#include "pd-store-feeds.h"
#include "pd-time.h"

/*
 * What the views share to show a followed season's changes: which of its
 * sessions a refresh changed that the user has not seen yet, and how a
 * time of the feed reads.
 */

/* The session a changed record belongs to: the session itself, or the
 * session of a result, or of a penalty's result. A record removed since
 * has none. */
static char *
session_of (PdStore    *store,
            const char *record_type,
            const char *record_id)
{
  g_autoptr(GObject) record = NULL;
  g_autoptr(GObject) result = NULL;

  if (g_strcmp0 (record_type, "session") == 0)
    return g_strdup (record_id);

  if (g_strcmp0 (record_type, "result") == 0)
    {
      record = pd_store_get (store, PD_TYPE_RESULT, record_id, NULL);
      return record != NULL ? g_strdup (pd_result_get_session_id (PD_RESULT (record))) : NULL;
    }

  if (g_strcmp0 (record_type, "penalty") == 0)
    {
      record = pd_store_get (store, PD_TYPE_PENALTY, record_id, NULL);
      if (record != NULL)
        result = pd_store_get (store, PD_TYPE_RESULT, pd_penalty_get_result_id (PD_PENALTY (record)), NULL);
      return result != NULL ? g_strdup (pd_result_get_session_id (PD_RESULT (result))) : NULL;
    }

  return NULL;
}

/**
 * pd_feed_ui_changed_sessions:
 *
 * Returns: (transfer full): the ids of the sessions of @season_id with
 *   changes not seen yet, as a set; empty for a season that follows no
 *   feed, or when the changes cannot be read
 */
GHashTable *
pd_feed_ui_changed_sessions (PdStore    *store,
                             const char *season_id)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) changes = NULL;

  if (store == NULL || season_id == NULL)
    return set;

  /* Highlights are a help, not the data: when they cannot be read the
   * views still show the season. */
  changes = pd_store_list_feed_changes (store, season_id, TRUE, NULL);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const PdStoreFeedChange *change = changes->pdata[i];
      char *session_id = session_of (store, change->record_type, change->record_id);

      if (session_id != NULL)
        g_hash_table_add (set, session_id);
    }

  return set;
}

/**
 * pd_feed_ui_mark_changed:
 *
 * Highlights @row, the row of @session_id, when a refresh changed that
 * session and the user has not seen the change yet.
 */
void
pd_feed_ui_mark_changed (GtkWidget  *row,
                         GHashTable *changed,
                         const char *session_id)
{
  if (changed == NULL || session_id == NULL || !g_hash_table_contains (changed, session_id))
    return;

  gtk_widget_add_css_class (row, "feed-changed");
  gtk_widget_set_tooltip_text (row, _("Changed by the feed since you last looked"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  /* TRANSLATORS: read out for a session a feed changed */
                                  C_("session", "Changed"), -1);
}

/**
 * pd_feed_ui_format_time:
 * @iso8601: (nullable): a UTC time, as the feed tables keep it
 *
 * Returns: (transfer full): the time as people read it: how long ago
 *   when it was within the hour, else the local date and time
 */
char *
pd_feed_ui_format_time (const char *iso8601)
{
  g_autoptr(GDateTime) when = iso8601 != NULL ? pd_time_parse_rfc3339 (iso8601, NULL) : NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) local = NULL;
  GTimeSpan ago;

  if (when == NULL)
    return g_strdup (_("never"));

  /* Refreshes are stamped by the clock, so this is too (not PADDOCK_NOW). */
  ago = g_date_time_difference (now, when);
  if (ago >= 0 && ago < G_TIME_SPAN_MINUTE)
    return g_strdup (_("just now"));
  if (ago >= 0 && ago < G_TIME_SPAN_HOUR)
    {
      int minutes = ago / G_TIME_SPAN_MINUTE;

      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago", minutes), minutes);
    }

  local = g_date_time_to_local (when);
  /* TRANSLATORS: a date and time in the user's zone, see g_date_time_format() */
  return g_date_time_format (local, _("%-e %B %Y, %H:%M"));
}
