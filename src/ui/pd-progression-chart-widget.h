#pragma once

#include <adwaita.h>

#include "pd-progression-chart.h"

G_BEGIN_DECLS

#define PD_TYPE_PROGRESSION_CHART_WIDGET (pd_progression_chart_widget_get_type ())
G_DECLARE_FINAL_TYPE (PdProgressionChartWidget, pd_progression_chart_widget, PD, PROGRESSION_CHART_WIDGET, GtkWidget)

GtkWidget          *pd_progression_chart_widget_new         (void);
void                pd_progression_chart_widget_set_chart   (PdProgressionChartWidget *self,
                                                             PdProgressionChart       *chart);
PdProgressionChart *pd_progression_chart_widget_get_chart   (PdProgressionChartWidget *self);
void                pd_progression_chart_widget_set_mode    (PdProgressionChartWidget *self,
                                                             PdChartMode               mode);
const char         *pd_progression_chart_widget_get_summary (PdProgressionChartWidget *self);

G_END_DECLS
