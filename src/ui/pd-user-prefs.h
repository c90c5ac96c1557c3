#pragma once

#include <adwaita.h>

#include "pd-store.h"

G_BEGIN_DECLS

GSettings *pd_user_prefs_get_settings      (void);
char      *pd_user_prefs_get_my_car        (GSettings  *settings,
                                            const char *season_id);
void       pd_user_prefs_set_my_car        (GSettings  *settings,
                                            const char *season_id,
                                            const char *entry_id);
gboolean   pd_user_prefs_get_reminded      (GSettings  *settings,
                                            const char *season_id);
void       pd_user_prefs_set_reminded      (GSettings  *settings,
                                            const char *season_id,
                                            gboolean    reminded);
char      *pd_user_prefs_describe_car      (PdStore    *store,
                                            PdEntry    *entry);
char      *pd_user_prefs_reminder_label    (int         minutes);

G_END_DECLS
