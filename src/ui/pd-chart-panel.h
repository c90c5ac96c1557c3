#pragma once

#include <adwaita.h>

#include "pd-progression-chart-widget.h"

G_BEGIN_DECLS

#define PD_TYPE_CHART_PANEL (pd_chart_panel_get_type ())
G_DECLARE_FINAL_TYPE (PdChartPanel, pd_chart_panel, PD, CHART_PANEL, GtkWidget)

void                      pd_chart_panel_show             (PdChartPanel     *self,
                                                           PdStore          *store,
                                                           const char       *season_id,
                                                           PdStandingsKind   kind,
                                                           const char       *class_id,
                                                           int               after_round);
void                      pd_chart_panel_set_mode         (PdChartPanel     *self,
                                                           PdChartMode       mode);
void                      pd_chart_panel_set_top          (PdChartPanel     *self,
                                                           guint             top);
PdProgressionChartWidget *pd_chart_panel_get_chart_widget (PdChartPanel     *self);
gboolean                  pd_chart_panel_export           (PdChartPanel     *self,
                                                           const char       *path,
                                                           PdChartFormat     format,
                                                           GError          **error);

G_END_DECLS
