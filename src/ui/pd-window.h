#pragma once

#include <adwaita.h>

#include "pd-application.h"
#include "pd-feed-status.h"
#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_WINDOW (pd_window_get_type ())
G_DECLARE_FINAL_TYPE (PdWindow, pd_window, PD, WINDOW, AdwApplicationWindow)

PdWindow *pd_window_new       (PdApplication *application);
void      pd_window_add_toast (PdWindow      *self,
                               const char    *message);
void      pd_window_add_toast_object (PdWindow   *self,
                                      AdwToast   *toast);
PdStore      *pd_window_get_store       (PdWindow   *self);
GCancellable *pd_window_get_cancellable (PdWindow   *self);
PdFeedStatus *pd_window_get_feed_status (PdWindow   *self);
const char   *pd_window_get_season_id   (PdWindow   *self);
void          pd_window_show_season     (PdWindow   *self,
                                         const char *season_id);
void          pd_window_reschedule_reminders (PdWindow *self);
void          pd_window_show_session    (PdWindow   *self,
                                         const char *session_id);

G_END_DECLS
