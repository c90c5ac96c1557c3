/* What the benchmarks share: failing loudly, copying databases, the rows
 * of a bare-SQLite baseline, medians. */

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "bench-common.h"
#include "pd-test.h"

void
bench_check (gboolean    ok,
       GError     *error,
       const char *what)
{
  if (!ok)
    {
      fprintf (stderr, "%s: %s\n", what, error != NULL ? error->message : "failed");
      exit (1);
    }
}

void
bench_check_sql (sqlite3    *db,
           int         rc,
           const char *what)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "%s: %s\n", what, sqlite3_errmsg (db));
      exit (1);
    }
}

/* A database closed by its store, copied with nothing of the last copy
 * left beside it. */
void
bench_copy_file (const char *from,
           const char *to)
{
  pd_test_copy_file (from, to);
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *side = g_strconcat (to, i == 0 ? "-wal" : "-shm", NULL);
      g_unlink (side);
    }
}

/* Rows of the baseline: every column's value as SQLite gave it. */
void
bench_rows_clear (BenchRows *rows)
{
  g_ptr_array_unref (rows->values);
}

BenchRows
bench_read_rows (sqlite3    *db,
           const char *sql)
{
  BenchRows rows = { g_ptr_array_new_with_free_func ((GDestroyNotify) sqlite3_value_free), 0 };
  sqlite3_stmt *stmt = NULL;
  int rc;

  bench_check_sql (db, sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), sql);
  rows.n_columns = sqlite3_column_count (stmt);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    for (int c = 0; c < rows.n_columns; c++)
      g_ptr_array_add (rows.values, sqlite3_value_dup (sqlite3_column_value (stmt, c)));
  bench_check_sql (db, rc, sql);
  sqlite3_finalize (stmt);
  return rows;
}

sqlite3 *
bench_open_baseline (const char *path)
{
  sqlite3 *db = NULL;

  if (sqlite3_open (path, &db) != SQLITE_OK)
    bench_check_sql (db, SQLITE_ERROR, path);
  bench_check_sql (db, sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL", NULL, NULL, NULL),
             "pragmas");
  return db;
}

/* The bare inserts: one prepared statement per table, one transaction. */
void
bench_insert_rows (sqlite3    *db,
             const char *table,
             const BenchRows *rows)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  sqlite3_stmt *stmt = NULL;

  g_string_append_printf (sql, "INSERT INTO %s VALUES (", table);
  for (int c = 0; c < rows->n_columns; c++)
    g_string_append (sql, c > 0 ? ", ?" : "?");
  g_string_append (sql, ")");
  bench_check_sql (db, sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), sql->str);
  for (guint i = 0; i < rows->values->len; i += rows->n_columns)
    {
      for (int c = 0; c < rows->n_columns; c++)
        sqlite3_bind_value (stmt, c + 1, rows->values->pdata[i + c]);
      bench_check_sql (db, sqlite3_step (stmt), table);
      sqlite3_reset (stmt);
    }
  sqlite3_finalize (stmt);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

double
bench_median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len % 2 == 1)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) + g_array_index (values, double, values->len / 2)) / 2;
}

