#pragma once

#include <adwaita.h>

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_SCHEDULE_VIEW (pd_schedule_view_get_type ())
G_DECLARE_FINAL_TYPE (PdScheduleView, pd_schedule_view, PD, SCHEDULE_VIEW, GtkWidget)

void pd_schedule_view_set_season   (PdScheduleView *self,
                                    PdStore        *store,
                                    const char     *season_id);
void pd_schedule_view_select_round (PdScheduleView *self,
                                    const char     *round_id);
void pd_schedule_view_select_session (PdScheduleView *self,
                                      const char     *round_id,
                                      const char     *session_id);

G_END_DECLS
