#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "pd-feed.h"
#include "pd-ics.h"
#include "pd-schedule.h"
#include "pd-season-json.h"
#include "pd-window-feeds.h"

/*
 * "Import…" and "Export Season…": seasons in and out of the database as
 * files, read and written off the main loop. A file that cannot be read
 * changes nothing, and says why in a dialog.
 */

static void
show_error (PdWindow   *self,
            const char *heading,
            const char *message)
{
  GtkWidget *dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A season id from a file's name: "F1 2026.ics" gives "f1-2026". */
static char *
season_id_from_name (const char *name)
{
  g_autofree char *base = g_path_get_basename (name);
  char *dot = strrchr (base, '.');
  GString *id = g_string_new (NULL);

  if (dot != NULL && dot != base)
    *dot = '\0';
  for (const char *p = base; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (id, g_ascii_tolower (*p));
      else if (id->len > 0 && id->str[id->len - 1] != '-')
        g_string_append_c (id, '-');
    }
  while (id->len > 0 && id->str[id->len - 1] == '-')
    g_string_truncate (id, id->len - 1);
  if (id->len == 0)
    g_string_append (id, "imported");
  return g_string_free (id, FALSE);
}

/**
 * pd_window_import_data:
 * @name: the file's name: an iCalendar or sportstimes file goes into the
 *   season named after it, created when missing
 * @summary: (out): what was imported, translated
 *
 * Returns: the id of the season imported into, or %NULL with @error set
 *   (and nothing stored)
 */
char *
pd_window_import_data (PdWindow    *self,
                       const char  *name,
                       const char  *data,
                       gsize        length,
                       char       **summary,
                       GError     **error)
{
  PdStore *store = pd_window_get_store (self);
  const char *format = pd_feed_detect_format (data, length);
  g_autofree char *season_id = NULL;

  g_return_val_if_fail (PD_IS_WINDOW (self), NULL);

  if (store == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED, _("The database is not open yet"));
      return NULL;
    }

  if (g_strcmp0 (format, "paddock") == 0)
    {
      PdSeasonJsonStats stats = { 0 };

      if (!pd_season_json_import_full (store, data, length, NULL, &stats, &season_id, error))
        return NULL;
      /* TRANSLATORS: a summary after an import: the season's id, then how many of each its file held */
      *summary = g_strdup_printf (_("Imported %s (rounds: %u, sessions: %u, cars: %u, results: %u, penalties: %u)"),
                                  season_id, stats.rounds, stats.sessions, stats.entries, stats.results,
                                  stats.penalties);
    }
  else if (g_strcmp0 (format, "ics") == 0)
    {
      PdIcsStats stats = { 0 };
      g_autofree char *sessions = NULL;

      season_id = season_id_from_name (name);
      if (!pd_ics_import (store, data, length, season_id, &stats, error))
        {
          pd_ics_stats_clear (&stats);
          return NULL;
        }
      /* TRANSLATORS: a summary after an iCalendar import: sessions, then the season */
      sessions = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Imported %u session into %s",
                                               "Imported %u sessions into %s", stats.sessions),
                                  stats.sessions, season_id);
      if (stats.problems != NULL && stats.problems->len > 0)
        /* TRANSLATORS: an import's summary, then how many things in the file could not be read */
        *summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s; %u thing could not be read",
                                                 "%s; %u things could not be read", stats.problems->len),
                                    sessions, stats.problems->len);
      else
        *summary = g_steal_pointer (&sessions);
      pd_ics_stats_clear (&stats);
    }
  else if (g_strcmp0 (format, "sportstimes") == 0)
    {
      PdFeedReport report = { 0 };

      /* TODO: once pd_sportstimes_import() is on main, call it here as the
       * other formats call their importers. pd_feed_apply() without a URL
       * imports any of the three formats into a season, by content. */
      season_id = season_id_from_name (name);
      if (!pd_feed_apply (store, season_id, NULL, NULL, data, length, NULL, NULL, NULL, &report, error))
        {
          pd_feed_report_clear (&report);
          return NULL;
        }
      *summary = pd_feed_summarize (&report);
      pd_feed_report_clear (&report);
    }
  else
    {
      g_set_error (error, PD_FEED_ERROR, PD_FEED_ERROR_FORMAT,
                   _("“%s” is not a Paddock season file, an iCalendar calendar or a sportstimes calendar"), name);
      return NULL;
    }

  return g_steal_pointer (&season_id);
}

typedef struct {
  PdWindow *window;
  char     *name;
} Transfer;

static void
transfer_free (Transfer *transfer)
{
  g_object_unref (transfer->window);
  g_free (transfer->name);
  g_free (transfer);
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Transfer *transfer = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *season_id = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &data, &length, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (transfer->window, _("Could Not Import"), error->message);
      transfer_free (transfer);
      return;
    }

  season_id = pd_window_import_data (transfer->window, transfer->name, data, length, &summary, &error);
  if (season_id == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("%s\nNothing was stored."), error->message);

      show_error (transfer->window, _("Could Not Import"), message);
    }
  else
    {
      pd_window_show_season (transfer->window, season_id);
      pd_window_add_toast (transfer->window, summary);
    }
  transfer_free (transfer);
}

/* Adds a filter to @chooser, which keeps it; @format is the export's. */
static GtkFileFilter *
add_filter (GtkFileChooserNative *chooser,
            const char           *name,
            const char           *pattern,
            const char           *format)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_pattern (filter, pattern);
  if (format != NULL)
    g_object_set_data (G_OBJECT (filter), "format", (gpointer) format);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  return filter;
}

static void
import_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PdWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  Transfer *transfer;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file == NULL)
    return;

  transfer = g_new0 (Transfer, 1);
  transfer->window = g_object_ref (self);
  transfer->name = g_file_get_basename (file);
  g_file_load_contents_async (file, pd_window_get_cancellable (self), loaded_cb, transfer);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkFileChooserNative *chooser = gtk_file_chooser_native_new (_("Import a Season or Calendar"), GTK_WINDOW (widget),
                                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), NULL);
  GtkFileFilter *known = add_filter (chooser, _("Seasons and Calendars"), "*.json", NULL);

  gtk_file_filter_add_pattern (known, "*.ics");
  gtk_file_filter_add_mime_type (known, "text/calendar");
  add_filter (chooser, _("All Files"), "*", NULL);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (import_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/**
 * pd_window_export_text:
 * @format: "paddock", "ics" or "csv"
 *
 * Returns: (transfer full): @season_id in @format, or %NULL with @error set
 */
char *
pd_window_export_text (PdStore     *store,
                       const char  *season_id,
                       const char  *format,
                       GError     **error)
{
  if (g_strcmp0 (format, "ics") == 0)
    return pd_ics_export (store, season_id, -1, NULL, error);

  if (g_strcmp0 (format, "csv") == 0)
    {
      g_autoptr(GPtrArray) rows = pd_schedule_collect (store, season_id, 0, NULL, error);
      g_autoptr(GTimeZone) local_zone = g_time_zone_new_local ();

      return rows != NULL ? pd_schedule_to_csv (rows, local_zone) : NULL;
    }

  return pd_season_json_export (store, season_id, error);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  Transfer *transfer = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (source), result, NULL, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (transfer->window, _("Could Not Export"), error->message);
    }
  else
    {
      /* TRANSLATORS: a file's name */
      g_autofree char *message = g_strdup_printf (_("Exported to %s"), transfer->name);

      pd_window_add_toast (transfer->window, message);
    }
  transfer_free (transfer);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    PdWindow        *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *name = NULL;
  GtkFileFilter *filter;
  const char *format = NULL;
  gsize length;
  Transfer *transfer;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  if (filter != NULL)
    format = g_object_get_data (G_OBJECT (filter), "format");
  g_object_unref (chooser);
  if (file == NULL || pd_window_get_season_id (self) == NULL)
    return;

  /* The chosen type, else the file's extension. */
  name = g_file_get_basename (file);
  if (format == NULL)
    format = g_str_has_suffix (name, ".ics") ? "ics" : g_str_has_suffix (name, ".csv") ? "csv" : "paddock";

  text = pd_window_export_text (pd_window_get_store (self), pd_window_get_season_id (self), format, &error);
  if (text == NULL)
    {
      show_error (self, _("Could Not Export"), error->message);
      return;
    }

  length = strlen (text);
  transfer = g_new0 (Transfer, 1);
  transfer->window = g_object_ref (self);
  transfer->name = g_steal_pointer (&name);
  /* The file is replaced whole, or not at all. */
  g_file_replace_contents_async (file, g_steal_pointer (&text), length, NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                 pd_window_get_cancellable (self), saved_cb, transfer);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdWindow *self = PD_WINDOW (widget);
  const char *season_id = pd_window_get_season_id (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkFileFilter *paddock;

  if (season_id == NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Export Season"), GTK_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), NULL);
  paddock = add_filter (chooser, _("Paddock Season File"), "*.json", "paddock");
  add_filter (chooser, _("iCalendar (Sessions)"), "*.ics", "ics");
  add_filter (chooser, _("CSV (Sessions)"), "*.csv", "csv");
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), paddock);
  name = g_strdup_printf ("%s.json", season_id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (export_response_cb), widget, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

void
pd_window_transfer_class_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.export-season", NULL, export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.import", NULL);
}
