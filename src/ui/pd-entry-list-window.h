#pragma once

#include <adwaita.h>

#include "pd-entry-list.h"

G_BEGIN_DECLS

#define PD_TYPE_ENTRY_LIST_WINDOW (pd_entry_list_window_get_type ())
G_DECLARE_FINAL_TYPE (PdEntryListWindow, pd_entry_list_window, PD, ENTRY_LIST_WINDOW, AdwWindow)

GtkWidget   *pd_entry_list_window_new       (GtkWindow         *parent,
                                             PdStore           *store,
                                             const char        *season_id,
                                             GError           **error);
PdEntryList *pd_entry_list_window_get_list  (PdEntryListWindow *self);

G_END_DECLS
