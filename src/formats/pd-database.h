#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_DEFAULT_SEASON_ID "gt4-european-2023"

PdStore *pd_database_open (const char  *explicit_path,
                           GError     **error);

G_END_DECLS
