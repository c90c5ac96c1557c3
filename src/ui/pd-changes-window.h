#pragma once

#include <adwaita.h>

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_CHANGES_WINDOW (pd_changes_window_get_type ())
G_DECLARE_FINAL_TYPE (PdChangesWindow, pd_changes_window, PD, CHANGES_WINDOW, AdwWindow)

PdChangesWindow *pd_changes_window_new             (GtkWindow       *parent,
                                                    PdStore         *store,
                                                    const char      *season_id);
void             pd_changes_window_resolve         (PdChangesWindow *self,
                                                    guint            conflict,
                                                    gboolean         take_feed);

G_END_DECLS
