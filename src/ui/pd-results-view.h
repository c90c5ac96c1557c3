#pragma once

#include <adwaita.h>

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_RESULTS_VIEW (pd_results_view_get_type ())
G_DECLARE_FINAL_TYPE (PdResultsView, pd_results_view, PD, RESULTS_VIEW, GtkWidget)

void pd_results_view_set_season     (PdResultsView *self,
                                     PdStore       *store,
                                     const char    *season_id);
void pd_results_view_select_session (PdResultsView *self,
                                     const char    *round_id,
                                     const char    *session_id);

G_END_DECLS
