#pragma once

/* Shared by the files of the store, not by its users. */

#include <sqlite3.h>

#include "pd-store.h"

G_BEGIN_DECLS

/* A prepared statement kept for the life of the store, reset and
 * without bindings. */
sqlite3_stmt *pd_store_statement (PdStore     *self,
                                  const char  *sql,
                                  GError     **error);
/* Sets @error from SQLite's code @rc; always returns %FALSE. */
gboolean      pd_store_set_error (PdStore     *self,
                                  int          rc,
                                  const char  *what,
                                  GError     **error);

G_END_DECLS
