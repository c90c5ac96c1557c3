#pragma once

#include <adwaita.h>

#include "pd-reminders.h"
#include "pd-feed-client.h"

G_BEGIN_DECLS

#define PD_TYPE_APPLICATION (pd_application_get_type ())
G_DECLARE_FINAL_TYPE (PdApplication, pd_application, PD, APPLICATION, AdwApplication)

PdApplication *pd_application_new               (void);
const char    *pd_application_get_database_path (PdApplication *self);
GSettings     *pd_application_get_settings      (PdApplication *self);
PdReminders   *pd_application_get_reminders     (PdApplication *self);
PdFeedClient  *pd_application_get_feed_client   (PdApplication *self);
gboolean       pd_application_take_startup_refresh (PdApplication *self);

G_END_DECLS
