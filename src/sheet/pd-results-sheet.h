#pragma once

#include "pd-sheet.h"
#include "pd-store.h"

G_BEGIN_DECLS

PdSheet *pd_results_sheet_new (PdStore     *store,
                               const char  *session_id,
                               GError     **error);

G_END_DECLS
