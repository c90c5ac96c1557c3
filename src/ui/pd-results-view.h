#pragma once

#include <adwaita.h>

#include "pd-csv.h"
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
gboolean pd_results_view_export_pdf (PdResultsView  *self,
                                     const char     *path,
                                     GError        **error);
gboolean pd_results_view_export_csv (PdResultsView  *self,
                                     const char     *path,
                                     PdCsvHeaders    headers,
                                     GError        **error);
gboolean pd_results_view_print      (PdResultsView            *self,
                                     GtkPrintOperationAction   action,
                                     const char               *export_path,
                                     GError                  **error);

G_END_DECLS
