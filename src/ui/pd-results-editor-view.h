#pragma once

#include <adwaita.h>

#include "pd-results-editor.h"
#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_RESULTS_EDITOR_VIEW (pd_results_editor_view_get_type ())
G_DECLARE_FINAL_TYPE (PdResultsEditorView, pd_results_editor_view, PD, RESULTS_EDITOR_VIEW, GtkWidget)

GtkWidget       *pd_results_editor_view_new         (void);
void             pd_results_editor_view_set_session (PdResultsEditorView *self,
                                                     PdStore             *store,
                                                     const char          *session_id);
PdResultsEditor *pd_results_editor_view_get_editor  (PdResultsEditorView *self);

void             pd_results_editor_view_import_file (PdResultsEditorView *self,
                                                     GFile               *file);

G_END_DECLS
