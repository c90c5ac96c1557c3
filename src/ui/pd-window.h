#pragma once

#include <adwaita.h>

#include "pd-application.h"

G_BEGIN_DECLS

#define PD_TYPE_WINDOW (pd_window_get_type ())
G_DECLARE_FINAL_TYPE (PdWindow, pd_window, PD, WINDOW, AdwApplicationWindow)

PdWindow *pd_window_new       (PdApplication *application);
void      pd_window_add_toast (PdWindow      *self,
                               const char    *message);

G_END_DECLS
