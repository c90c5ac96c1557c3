#pragma once

#include <adwaita.h>

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_CALENDAR_VIEW (pd_calendar_view_get_type ())
G_DECLARE_FINAL_TYPE (PdCalendarView, pd_calendar_view, PD, CALENDAR_VIEW, GtkWidget)

void pd_calendar_view_set_season (PdCalendarView *self,
                                  PdStore        *store,
                                  const char     *season_id);

G_END_DECLS
