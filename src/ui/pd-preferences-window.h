#pragma once

#include <adwaita.h>

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_PREFERENCES_WINDOW (pd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (PdPreferencesWindow, pd_preferences_window, PD, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *pd_preferences_window_new (GtkWindow *parent,
                                      GSettings *settings,
                                      PdStore   *store);

G_END_DECLS
