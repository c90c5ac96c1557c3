#pragma once

#include <adwaita.h>

#include "pd-csv.h"
#include "pd-chart-panel.h"
#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_STANDINGS_VIEW (pd_standings_view_get_type ())
G_DECLARE_FINAL_TYPE (PdStandingsView, pd_standings_view, PD, STANDINGS_VIEW, GtkWidget)

void pd_standings_view_set_season (PdStandingsView *self,
                                   PdStore         *store,
                                   const char      *season_id);
void pd_standings_view_reload     (PdStandingsView *self);
void pd_standings_view_reload_session (PdStandingsView *self,
                                       const char      *session_id);
void pd_standings_view_set_filter (PdStandingsView *self,
                                   int              kind,
                                   const char      *class_id,
                                   int              after_round);
gboolean pd_standings_view_export_pdf (PdStandingsView  *self,
                                       const char       *path,
                                       GError          **error);
gboolean pd_standings_view_export_csv (PdStandingsView  *self,
                                       const char       *path,
                                       PdCsvHeaders      headers,
                                       GError          **error);
gboolean pd_standings_view_print  (PdStandingsView          *self,
                                   GtkPrintOperationAction   action,
                                   const char               *export_path,
                                   GError                  **error);
PdChartPanel *pd_standings_view_show_chart (PdStandingsView *self,
                                            gboolean         chart);

G_END_DECLS
