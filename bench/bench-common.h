#pragma once

#include <glib.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* Rows of a baseline: every column's value as SQLite gave it. */
typedef struct {
  GPtrArray *values;   /* sqlite3_value, n_columns per row */
  int        n_columns;
} BenchRows;

void       bench_check         (gboolean         ok,
                                GError          *error,
                                const char      *what);
void       bench_check_sql     (sqlite3         *db,
                                int              rc,
                                const char      *what);
void       bench_copy_file     (const char      *from,
                                const char      *to);
BenchRows  bench_read_rows     (sqlite3         *db,
                                const char      *sql);
void       bench_rows_clear    (BenchRows       *rows);
sqlite3   *bench_open_baseline (const char      *path);
void       bench_insert_rows   (sqlite3         *db,
                                const char      *table,
                                const BenchRows *rows);
double     bench_median        (GArray          *values);

G_END_DECLS
