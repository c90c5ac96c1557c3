#pragma once

#include <adwaita.h>

#include "pd-application.h"
#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_WINDOW (pd_window_get_type ())
G_DECLARE_FINAL_TYPE (PdWindow, pd_window, PD, WINDOW, AdwApplicationWindow)

PdWindow *pd_window_new       (PdApplication *application);
void      pd_window_add_toast (PdWindow      *self,
                               const char    *message);
PdStore  *pd_window_get_store (PdWindow      *self);
void      pd_window_show_session (PdWindow   *self,
                                  const char *session_id);

G_END_DECLS
