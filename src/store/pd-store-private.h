#pragma once

/* For tests only: build a database at an older schema version, so that
 * every migration step can be checked from each earlier version. */

#include <sqlite3.h>

#include "pd-store.h"

G_BEGIN_DECLS

gboolean  pd_store_migrate_db (sqlite3  *db,
                               int       target_version,
                               GError  **error);

G_END_DECLS
