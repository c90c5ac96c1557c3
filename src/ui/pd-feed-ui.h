#pragma once

#include <adwaita.h>

#include "pd-store.h"

G_BEGIN_DECLS

GHashTable *pd_feed_ui_changed_sessions (PdStore    *store,
                                         const char *season_id);
void        pd_feed_ui_mark_changed     (GtkWidget  *row,
                                         GHashTable *changed,
                                         const char *session_id);
char       *pd_feed_ui_format_time      (const char *iso8601);

G_END_DECLS
