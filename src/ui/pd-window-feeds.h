#pragma once

#include "pd-window.h"

G_BEGIN_DECLS

/* The window's part in following feeds and moving seasons in and out
 * (pd-window-feeds.c, pd-window-transfer.c); pd-window.c calls these. */
void pd_window_feeds_class_init     (GtkWidgetClass *widget_class);
void pd_window_feeds_season_shown   (PdWindow       *self,
                                     const char     *season_id);
void pd_window_feeds_loaded         (PdWindow       *self);
void pd_window_refresh_feeds        (PdWindow       *self);
AdwToast *pd_window_feeds_last_toast (PdWindow      *self);
void pd_window_transfer_class_init  (GtkWidgetClass *widget_class);

/* Reads a season file, a calendar or a sportstimes file into the
 * database, as "Import…" does once a file is chosen. */
char    *pd_window_import_data      (PdWindow       *self,
                                     const char     *name,
                                     const char     *data,
                                     gsize           length,
                                     char          **summary,
                                     GError        **error);
char    *pd_window_export_text      (PdStore        *store,
                                     const char     *season_id,
                                     const char     *format,
                                     GError        **error);

G_END_DECLS
