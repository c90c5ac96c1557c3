/* Tests of the SQLite store: a new database, the path rule, migrations
 * from every earlier version, the refusals that leave a file untouched,
 * transactions, and the round trip of every record type. Each test works
 * in a fresh temporary folder. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "pd-store.h"
#include "pd-score-loader.h"
#include "pd-store-private.h"
#include "pd-test.h"

/* The harness (a child process and a TMPDIR per test, the folder with
 * its database) is pd-test.c's. */

typedef PdTestFixture Fixture;

/* The tear-down leaves nothing of the folder behind. */
static void
assert_removed (Fixture *f)
{
  g_assert_false (g_file_test (f->dir, G_FILE_TEST_EXISTS));
}

static const PdTestFixtureOptions fixture_options = {
  .name = "store",
  .store = PD_TEST_STORE_NONE,
  .after_tear_down = assert_removed,
};

static void
add_test (const char        *path,
          PdTestFixtureFunc  func,
          gconstpointer      data)
{
  pd_test_add_fixture (path, &fixture_options, func, data, PD_TEST_FLAGS_NONE);
}

static char *
sibling (const char *path,
         const char *suffix)
{
  return g_strconcat (path, suffix, NULL);
}

/* Runs SQL on a connection of our own, failing the test on error. */
static void
exec_raw (sqlite3    *db,
          const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

static sqlite3 *
open_raw (const char *path,
          int         flags)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, flags, NULL), ==, SQLITE_OK);
  return db;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

/* Counts rows through a read-only connection of its own, so that only
 * committed data is seen. */
static gint64
count_rows (const char *path,
            const char *table)
{
  sqlite3 *db = open_raw (path, SQLITE_OPEN_READONLY);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  gint64 n = query_int (db, sql);

  sqlite3_close (db);
  return n;
}

static PdStore *
open_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  PdStore *store = pd_store_new (path, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static void
save_ok (PdStore  *store,
         gpointer  record)
{
  g_autoptr(GError) error = NULL;
  gboolean ok = pd_store_save (store, G_OBJECT (record), &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static PdSeries *
make_series (const char *id,
             const char *name)
{
  PdSeries *series = pd_series_new ();

  pd_series_set_id (series, id);
  pd_series_set_name (series, name);
  return series;
}

static PdSeason *
make_season (const char *id,
             const char *series_id)
{
  PdSeason *season = pd_season_new ();

  pd_season_set_id (season, id);
  pd_season_set_series_id (season, series_id);
  pd_season_set_name (season, id);
  pd_season_set_year (season, 2023);
  return season;
}

static PdEntry *
make_entry (const char *id,
            const char *season_id,
            const char *number)
{
  PdEntry *entry = pd_entry_new ();

  pd_entry_set_id (entry, id);
  pd_entry_set_season_id (entry, season_id);
  pd_entry_set_number (entry, number);
  return entry;
}

/* Reads a whole file, to compare it byte for byte afterwards. */
static GBytes *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
assert_file_unchanged (const char *path,
                       GBytes     *before)
{
  g_autoptr(GBytes) after = read_file (path);
  g_autofree char *wal = sibling (path, "-wal");
  g_autofree char *journal = sibling (path, "-journal");
  gsize n_before, n_after;
  const guint8 *a = g_bytes_get_data (before, &n_before);
  const guint8 *b = g_bytes_get_data (after, &n_after);

  g_assert_cmpuint (n_after, ==, n_before);
  g_assert_true (n_before == 0 || memcmp (a, b, n_before) == 0);
  /* Nor was anything left beside it to be replayed into it later. (A
   * read-only look at a database in WAL mode may leave an empty log.) */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GBytes) log = read_file (wal);
      g_assert_cmpuint (g_bytes_get_size (log), ==, 0);
    }
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
assert_refused (const char *path,
                int         code)
{
  g_autoptr(GBytes) before = read_file (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = pd_store_new (path, NULL, NULL, &error);

  g_assert_null (store);
  g_assert_error (error, PD_STORE_ERROR, code);
  g_test_message ("refused: %s", error->message);
  /* The message names the file, so the user knows which one. */
  g_assert_nonnull (strstr (error->message, path));
  assert_file_unchanged (path, before);
}

/* A new database */

static void
test_new_database (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdRound) orphan = pd_round_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *journal_mode = NULL;
  sqlite3 *db;

  g_assert_true (pd_store_get_was_created (store));
  g_assert_cmpint (pd_store_get_schema_version (store), ==, pd_store_get_latest_version ());
  g_assert_cmpint (pd_store_get_latest_version (), >=, 1);
  g_assert_cmpstr (pd_store_get_path (store), ==, f->path);
  g_assert_true (g_file_test (f->path, G_FILE_TEST_IS_REGULAR));

  /* What is written in the file, seen from another connection. */
  db = open_raw (f->path, SQLITE_OPEN_READONLY);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, pd_store_get_latest_version ());
  g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, PD_STORE_APPLICATION_ID);
  journal_mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"), >=, 11);
  sqlite3_close (db);

  /* "PRAGMA foreign_keys" belongs to a connection, so another one
   * cannot see the store's: check what it does instead. A round of a
   * season that does not exist is refused. */
  pd_round_set_id (orphan, "orphan");
  pd_round_set_season_id (orphan, "no-such-season");
  pd_round_set_name (orphan, "Orphan");
  g_assert_false (pd_store_save (store, G_OBJECT (orphan), &error));
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (count_rows (f->path, "round"), ==, 0);
}

static void
test_new_database_in_new_folder (Fixture       *f,
                                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "a", "b", "paddock.db", NULL);
  g_autoptr(PdStore) store = open_store (path);

  g_assert_cmpstr (pd_store_get_path (store), ==, path);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_reopen (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdSeries) series = make_series ("gt4-european", "GT4 European Series");
  g_autoptr(PdSeries) read = NULL;

  save_ok (store, series);
  g_clear_object (&store);

  store = open_store (f->path);
  g_assert_false (pd_store_get_was_created (store));
  g_assert_cmpint (pd_store_get_schema_version (store), ==, pd_store_get_latest_version ());
  read = pd_store_get (store, PD_TYPE_SERIES, "gt4-european", NULL);
  g_assert_nonnull (read);
  g_assert_cmpstr (pd_series_get_name (read), ==, "GT4 European Series");
}

/* The path rule: explicit, else PADDOCK_DATABASE, else the data folder.
 * G_TEST_OPTION_ISOLATE_DIRS gives this test an XDG_DATA_HOME of its own. */
static void
test_resolve_path (Fixture       *f,
                   gconstpointer  data)
{
  /* GLib's isolated data folder, which is what XDG_DATA_HOME gives
   * outside the test (the CLI tests set the variable itself). */
  const char *data_home = g_get_user_data_dir ();
  g_autofree char *expected_default = NULL;
  g_autofree char *p = NULL;

  g_assert_nonnull (strstr (data_home, ".dirs"));
  expected_default = g_build_filename (data_home, "paddock", "paddock.db", NULL);

  g_setenv ("PADDOCK_DATABASE", "/tmp/from-env.db", TRUE);
  p = pd_store_resolve_path ("/tmp/explicit.db");
  g_assert_cmpstr (p, ==, "/tmp/explicit.db");
  g_clear_pointer (&p, g_free);

  p = pd_store_resolve_path (NULL);
  g_assert_cmpstr (p, ==, "/tmp/from-env.db");
  g_clear_pointer (&p, g_free);

  /* An empty path is no path. */
  p = pd_store_resolve_path ("");
  g_assert_cmpstr (p, ==, "/tmp/from-env.db");
  g_clear_pointer (&p, g_free);

  g_setenv ("PADDOCK_DATABASE", "", TRUE);
  p = pd_store_resolve_path (NULL);
  g_assert_cmpstr (p, ==, expected_default);
  g_clear_pointer (&p, g_free);

  g_unsetenv ("PADDOCK_DATABASE");
  p = pd_store_resolve_path (NULL);
  g_assert_cmpstr (p, ==, expected_default);
  g_clear_pointer (&p, g_free);

  p = pd_store_resolve_path ("relative.db");
  g_assert_cmpstr (p, ==, "relative.db");
}

/* Migrations */

/* A row valid at schema version @version, or NULL at version 0. A step
 * that changes the series table must add its own row here. */
static const char *
row_at_version (int version)
{
  if (version < 1)
    return NULL;
  return "INSERT INTO series (id, name, short_name) VALUES ('old-series', 'Séries d’autrefois', 'Old')";
}

static void
test_migrate_from_every_version (Fixture       *f,
                                 gconstpointer  data)
{
  int latest = pd_store_get_latest_version ();

  for (int k = 0; k < latest; k++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PdStore) store = NULL;
      g_autoptr(PdSeries) series = NULL;
      g_autofree char *path = g_strdup_printf ("%s/from-%d.db", f->dir, k);
      sqlite3 *db = open_raw (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

      g_test_message ("from version %d to %d", k, latest);
      exec_raw (db, "BEGIN");
      g_assert_true (pd_store_migrate_db (db, k, &error));
      g_assert_no_error (error);
      exec_raw (db, "COMMIT");
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, k);
      if (row_at_version (k) != NULL)
        exec_raw (db, row_at_version (k));
      sqlite3_close (db);

      store = pd_store_new (path, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_nonnull (store);
      g_assert_cmpint (pd_store_get_schema_version (store), ==, latest);
      /* Version 0 is an empty file: a new database. */
      g_assert_cmpint (pd_store_get_was_created (store), ==, k == 0);

      if (k >= 1)
        {
          series = pd_store_get (store, PD_TYPE_SERIES, "old-series", &error);
          g_assert_no_error (error);
          g_assert_nonnull (series);
          g_assert_cmpstr (pd_series_get_name (series), ==, "Séries d’autrefois");
          g_assert_cmpstr (pd_series_get_short_name (series), ==, "Old");
        }
      g_clear_object (&store);

      db = open_raw (path, SQLITE_OPEN_READONLY);
      g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, latest);
      g_assert_cmpint (query_int (db, "PRAGMA application_id"), ==, PD_STORE_APPLICATION_ID);
      g_assert_cmpint (query_int (db, "SELECT count(*) FROM series"), ==, k >= 1 ? 1 : 0);
      sqlite3_close (db);
    }
}

/* Version 5 rebuilt result_driver without a rowid: the drivers of a
 * result stored at version 4 come through in their order. */
static void
test_migrate_result_drivers (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdResult) result = NULL;
  g_autoptr(GListModel) entries = NULL;
  sqlite3 *db = open_raw (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  const char * const *drivers;

  exec_raw (db, "BEGIN");
  g_assert_true (pd_store_migrate_db (db, 4, &error));
  g_assert_no_error (error);
  exec_raw (db, "INSERT INTO season (id, name) VALUES ('s', 'S')");
  exec_raw (db, "INSERT INTO round (id, season_id, name) VALUES ('s.r1', 's', 'R1')");
  exec_raw (db, "INSERT INTO session (id, round_id, kind, name) VALUES ('s.r1.race', 's.r1', 'race', 'Race')");
  exec_raw (db, "INSERT INTO driver (id, last_name) VALUES ('a', 'A'), ('b', 'B'), ('c', 'C')");
  exec_raw (db, "INSERT INTO entry (id, season_id) VALUES ('s.7', 's')");
  exec_raw (db, "INSERT INTO result (id, session_id, entry_id) VALUES ('s.r1.race.7', 's.r1.race', 's.7')");
  exec_raw (db, "INSERT INTO result_driver (result_id, position, driver_id)"
                " VALUES ('s.r1.race.7', 2, 'a'), ('s.r1.race.7', 1, 'c'), ('s.r1.race.7', 3, 'b')");
  exec_raw (db, "COMMIT");
  sqlite3_close (db);

  store = pd_store_new (f->path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_store_get_schema_version (store), ==, pd_store_get_latest_version ());
  result = pd_store_get (store, PD_TYPE_RESULT, "s.r1.race.7", &error);
  g_assert_no_error (error);
  drivers = pd_result_get_driver_ids (result);
  g_assert_nonnull (drivers);
  g_assert_cmpuint (g_strv_length ((char **) drivers), ==, 3);
  g_assert_cmpstr (drivers[0], ==, "c");
  g_assert_cmpstr (drivers[1], ==, "a");
  g_assert_cmpstr (drivers[2], ==, "b");
  entries = pd_store_list_entries (store, "s", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  g_clear_object (&store);

  /* Version 9 keeps them in the result's row only. */
  db = open_raw (f->path, SQLITE_OPEN_READONLY);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name LIKE 'result_driver%'"), ==, 0);
  g_assert_cmpint (query_int (db, "SELECT driver_list = 'c' || char (31) || 'a' || char (31) || 'b' FROM result"), ==, 1);
  sqlite3_close (db);
}

/* Version 6 added a session's sequence: a session stored at version 5
 * starts at 0, and the trigger raises it when its time, day, duration or
 * status changes, whoever writes the row, never for other columns. */
static void
test_migrate_session_sequence (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autoptr(PdSession) session = NULL;
  sqlite3 *db = open_raw (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  exec_raw (db, "BEGIN");
  g_assert_true (pd_store_migrate_db (db, 5, &error));
  g_assert_no_error (error);
  exec_raw (db, "INSERT INTO season (id, name) VALUES ('s', 'S')");
  exec_raw (db, "INSERT INTO round (id, season_id, name) VALUES ('s.r1', 's', 'R1')");
  exec_raw (db, "INSERT INTO session (id, round_id, kind, name, start_utc, duration_min)"
                " VALUES ('s.r1.race', 's.r1', 'race', 'Race', 1700000000, 60)");
  exec_raw (db, "COMMIT");
  sqlite3_close (db);

  store = pd_store_new (f->path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_store_get_schema_version (store), ==, pd_store_get_latest_version ());
  session = pd_store_get (store, PD_TYPE_SESSION, "s.r1.race", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_session_get_sequence (session), ==, 0);

  /* The name is no change of the event's time. */
  pd_session_set_name (session, "Feature race");
  g_assert_true (pd_store_save (store, G_OBJECT (session), &error));
  g_clear_object (&session);
  session = pd_store_get (store, PD_TYPE_SESSION, "s.r1.race", &error);
  g_assert_cmpint (pd_session_get_sequence (session), ==, 0);

  pd_session_set_duration_min (session, 90);
  g_assert_true (pd_store_save (store, G_OBJECT (session), &error));
  g_clear_object (&session);
  g_clear_object (&store);

  /* Written by hand, the trigger still counts. */
  db = open_raw (f->path, SQLITE_OPEN_READWRITE);
  g_assert_cmpint (query_int (db, "SELECT sequence FROM session"), ==, 1);
  exec_raw (db, "UPDATE session SET status = 'cancelled'");
  g_assert_cmpint (query_int (db, "SELECT sequence FROM session"), ==, 2);
  exec_raw (db, "UPDATE session SET name = 'Race'");
  g_assert_cmpint (query_int (db, "SELECT sequence FROM session"), ==, 2);
  sqlite3_close (db);
}

/* Migrating a second time from the latest version does nothing. */
static void
test_migrate_idempotent (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = open_raw (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  int latest = pd_store_get_latest_version ();
  gint64 n_objects;

  exec_raw (db, "BEGIN");
  g_assert_true (pd_store_migrate_db (db, latest, &error));
  exec_raw (db, "COMMIT");
  n_objects = query_int (db, "SELECT count(*) FROM sqlite_schema");
  exec_raw (db, "BEGIN");
  g_assert_true (pd_store_migrate_db (db, latest, &error));
  g_assert_no_error (error);
  exec_raw (db, "COMMIT");
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM sqlite_schema"), ==, n_objects);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, latest);
  sqlite3_close (db);
}

/* Refusals: each leaves the file byte for byte as it was. */

static void
test_refuse_too_new (Fixture       *f,
                     gconstpointer  data)
{
  sqlite3 *db = open_raw (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", pd_store_get_latest_version () + 1);
  g_autofree char *app_id = g_strdup_printf ("PRAGMA application_id = %d", PD_STORE_APPLICATION_ID);

  /* As a newer Paddock would leave it: in WAL mode. */
  exec_raw (db, "PRAGMA journal_mode = WAL");
  exec_raw (db, app_id);
  exec_raw (db, sql);
  exec_raw (db, "CREATE TABLE from_the_future (id TEXT PRIMARY KEY, x BLOB)");
  exec_raw (db, "INSERT INTO from_the_future VALUES ('a', x'00ff')");
  sqlite3_close (db);

  assert_refused (f->path, PD_STORE_ERROR_TOO_NEW);
}

static void
test_refuse_other_application (Fixture       *f,
                               gconstpointer  data)
{
  sqlite3 *db = open_raw (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  exec_raw (db, "CREATE TABLE contacts (name TEXT, phone TEXT)");
  exec_raw (db, "INSERT INTO contacts VALUES ('Jessica', '+46 8 000 00 00')");
  sqlite3_close (db);

  assert_refused (f->path, PD_STORE_ERROR_NOT_PADDOCK);
}

/* Another application's database in WAL mode: opening it must not
 * change it either (no checkpoint of its log). */
static void
test_refuse_other_application_id (Fixture       *f,
                                  gconstpointer  data)
{
  sqlite3 *db = open_raw (f->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);

  exec_raw (db, "PRAGMA journal_mode = WAL");
  exec_raw (db, "PRAGMA application_id = 1234");
  exec_raw (db, "PRAGMA user_version = 1");
  sqlite3_close (db);

  assert_refused (f->path, PD_STORE_ERROR_NOT_PADDOCK);
}

static void
test_refuse_text_file (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *short_path = g_build_filename (f->dir, "short.txt", NULL);

  for (int i = 0; i < 200; i++)
    g_string_append_printf (text, "Line %d: this is a text file, not a database.\n", i);
  g_assert_true (g_file_set_contents (f->path, text->str, text->len, NULL));
  assert_refused (f->path, PD_STORE_ERROR_NOT_PADDOCK);

  /* Shorter than an SQLite header. */
  g_assert_true (g_file_set_contents (short_path, "hello\n", -1, NULL));
  assert_refused (short_path, PD_STORE_ERROR_NOT_PADDOCK);
}

static gboolean
fill_drivers_cb (PdStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  for (int i = 0; i < 600; i++)
    {
      g_autoptr(PdDriver) driver = pd_driver_new ();
      g_autofree char *id = g_strdup_printf ("driver-%04d", i);
      g_autofree char *name = g_strdup_printf ("Driver number %d with a fairly long last name to fill pages", i);

      pd_driver_set_id (driver, id);
      pd_driver_set_first_name (driver, "Förnamn");
      pd_driver_set_last_name (driver, name);
      if (!pd_store_save (store, G_OBJECT (driver), error))
        return FALSE;
    }
  return TRUE;
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = sibling (f->path, "-wal");
  g_autoptr(GBytes) contents = NULL;
  g_autofree guint8 *bytes = NULL;
  gsize length;
  gint64 page_size, n_pages, victim;
  sqlite3 *db;

  g_assert_true (pd_store_transaction (store, fill_drivers_cb, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Everything into the main file, and out of WAL mode, so that the
   * damage below is all there is. */
  db = open_raw (f->path, SQLITE_OPEN_READWRITE);
  exec_raw (db, "PRAGMA wal_checkpoint(TRUNCATE)");
  exec_raw (db, "PRAGMA journal_mode = DELETE");
  page_size = query_int (db, "PRAGMA page_size");
  n_pages = query_int (db, "PRAGMA page_count");
  sqlite3_close (db);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (n_pages, >=, 10);

  contents = read_file (f->path);
  length = g_bytes_get_size (contents);
  g_assert_cmpint (length, ==, page_size * n_pages);
  bytes = g_memdup2 (g_bytes_get_data (contents, NULL), length);

  /* Garbage over a page in the middle: the header at the start of the
   * file is fine, so only a check of the whole file finds it. */
  victim = n_pages / 2;
  for (gint64 i = 0; i < page_size; i++)
    bytes[victim * page_size + i] = (guint8) (0xA5 ^ (i * 7));
  g_assert_true (g_file_set_contents (f->path, (char *) bytes, length, NULL));

  {
    g_autoptr(GBytes) before = read_file (f->path);
    g_autoptr(GError) open_error = NULL;
    g_autoptr(PdStore) refused = pd_store_new (f->path, NULL, NULL, &open_error);

    g_assert_null (refused);
    g_assert_nonnull (open_error);
    g_test_message ("refused: %s", open_error->message);
    g_assert_true (g_error_matches (open_error, PD_STORE_ERROR, PD_STORE_ERROR_CORRUPT) ||
                   g_error_matches (open_error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_PADDOCK));
    g_assert_nonnull (strstr (open_error->message, f->path));
    assert_file_unchanged (f->path, before);
  }
}

/* A file walked once is not walked again while it stays as it was (a
 * stamp in the user's cache); damage written into it in place after that
 * moves its change time, and it is walked, and refused, again. */
static void
test_refuse_corrupt_after_stamp (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *stamps = g_build_filename (g_get_user_cache_dir (), "paddock", "checked", NULL);
  g_autofree char *wal = sibling (f->path, "-wal");
  g_autoptr(GDir) dir = NULL;
  gint64 page_size, n_pages;
  guint8 garbage[512];
  int fd;

  g_assert_true (pd_store_transaction (store, fill_drivers_cb, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);
  /* Read from the file's header (see SQLite's file format), so that no
   * other connection leaves a write-ahead log beside it. */
  {
    g_autoptr(GBytes) contents = read_file (f->path);
    const guint8 *header = g_bytes_get_data (contents, NULL);

    page_size = (header[16] << 8) | header[17];
    n_pages = g_bytes_get_size (contents) / page_size;
  }
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_cmpint (n_pages, >=, 10);

  /* A stamp is only kept for a file whose last change is a second old. */
  g_usleep (1100 * 1000);
  store = open_store (f->path);
  g_clear_object (&store);
  dir = g_dir_open (stamps, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (g_dir_read_name (dir));

  /* Opened again, as it was: fine. */
  store = open_store (f->path);
  g_clear_object (&store);

  /* Garbage over a page in the middle, written in place. */
  for (guint i = 0; i < sizeof garbage; i++)
    garbage[i] = (guint8) (0xA5 ^ (i * 7));
  fd = g_open (f->path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  for (gint64 off = 0; off < page_size; off += sizeof garbage)
    g_assert_cmpint (pwrite (fd, garbage, sizeof garbage, (n_pages / 2) * page_size + off), ==, sizeof garbage);
  g_assert_cmpint (close (fd), ==, 0);

  {
    g_autoptr(GBytes) before = read_file (f->path);
    g_autoptr(GError) open_error = NULL;
    g_autoptr(PdStore) refused = pd_store_new (f->path, NULL, NULL, &open_error);

    g_assert_null (refused);
    g_assert_true (g_error_matches (open_error, PD_STORE_ERROR, PD_STORE_ERROR_CORRUPT) ||
                   g_error_matches (open_error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_PADDOCK));
    assert_file_unchanged (f->path, before);
  }
}

static void
test_empty_file_is_new (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PdStore) store = NULL;

  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));
  store = open_store (f->path);
  g_assert_true (pd_store_get_was_created (store));
  g_assert_cmpint (pd_store_get_schema_version (store), ==, pd_store_get_latest_version ());
  g_clear_object (&store);
  g_assert_cmpint (count_rows (f->path, "series"), ==, 0);
}

/* Creation that fails leaves nothing behind. */

static gboolean
failing_seed_cb (PdStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  g_autoptr(PdSeries) series = make_series ("half-done", "Half done");
  guint *calls = user_data;

  (*calls)++;
  /* Something is written before the failure. */
  if (!pd_store_save (store, G_OBJECT (series), error))
    return FALSE;
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the seed failed on purpose");
  return FALSE;
}

static gboolean
counting_seed_cb (PdStore   *store,
                  gpointer   user_data,
                  GError   **error)
{
  g_autoptr(PdSeries) series = make_series ("seeded", "Seeded");
  guint *calls = user_data;

  (*calls)++;
  return pd_store_save (store, G_OBJECT (series), error);
}

static void
test_failed_creation_leaves_nothing (Fixture       *f,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autofree char *wal = sibling (f->path, "-wal");
  g_autofree char *shm = sibling (f->path, "-shm");
  g_autofree char *journal = sibling (f->path, "-journal");
  guint calls = 0;

  store = pd_store_new (f->path, failing_seed_cb, &calls, &error);
  g_assert_null (store);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_false (g_file_test (f->path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (shm, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
}

static void
test_seed_runs_once (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  guint calls = 0;

  store = pd_store_new (f->path, counting_seed_cb, &calls, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_true (pd_store_get_was_created (store));
  g_clear_object (&store);

  store = pd_store_new (f->path, counting_seed_cb, &calls, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (calls, ==, 1);
  g_assert_false (pd_store_get_was_created (store));
  g_clear_object (&store);
  g_assert_cmpint (count_rows (f->path, "series"), ==, 1);
}

/* Transactions */

static gboolean
save_then_fail_cb (PdStore   *store,
                   gpointer   user_data,
                   GError   **error)
{
  g_autoptr(PdSeries) series = make_series ("s", "Series");
  g_autoptr(PdSeason) season = make_season ("s-2023", "s");

  if (!pd_store_save (store, G_OBJECT (series), error) ||
      !pd_store_save (store, G_OBJECT (season), error))
    return FALSE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "changed my mind");
  return FALSE;
}

static void
test_transaction_rolled_back (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSeries) read = NULL;

  g_assert_false (pd_store_transaction (store, save_then_fail_cb, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_assert_cmpint (count_rows (f->path, "series"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "season"), ==, 0);
  read = pd_store_get (store, PD_TYPE_SERIES, "s", &error);
  g_assert_null (read);
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* The store is usable after a rollback. */
  {
    g_autoptr(PdSeries) series = make_series ("after", "After");
    save_ok (store, series);
    g_assert_cmpint (count_rows (f->path, "series"), ==, 1);
  }
}

static gboolean
save_then_violate_cb (PdStore   *store,
                      gpointer   user_data,
                      GError   **error)
{
  g_autoptr(PdSeries) series = make_series ("s", "Series");
  g_autoptr(PdSeason) season = make_season ("s-2023", "s");
  g_autoptr(PdRound) round = pd_round_new ();

  if (!pd_store_save (store, G_OBJECT (series), error) ||
      !pd_store_save (store, G_OBJECT (season), error))
    return FALSE;

  /* A circuit that does not exist. */
  pd_round_set_id (round, "s-2023.r1");
  pd_round_set_season_id (round, "s-2023");
  pd_round_set_name (round, "Nowhere");
  pd_round_set_circuit_id (round, "no-such-circuit");
  return pd_store_save (store, G_OBJECT (round), error);
}

static void
test_transaction_foreign_key (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;

  g_assert_false (pd_store_transaction (store, save_then_violate_cb, NULL, &error));
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT);
  g_test_message ("%s", error->message);

  g_assert_cmpint (count_rows (f->path, "series"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "season"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "round"), ==, 0);
}

static gboolean
two_cars_cb (PdStore   *store,
             gpointer   user_data,
             GError   **error)
{
  const char *second_season = user_data;
  g_autoptr(PdSeries) series = make_series ("s", "Series");
  g_autoptr(PdSeason) season = make_season ("s-2023", "s");
  g_autoptr(PdSeason) other = make_season ("s-2024", "s");
  g_autoptr(PdEntry) first = make_entry ("s-2023.a", "s-2023", "42");
  g_autoptr(PdEntry) second = make_entry ("s-2023.b", second_season, "42");

  return pd_store_save (store, G_OBJECT (series), error) &&
         pd_store_save (store, G_OBJECT (season), error) &&
         pd_store_save (store, G_OBJECT (other), error) &&
         pd_store_save (store, G_OBJECT (first), error) &&
         pd_store_save (store, G_OBJECT (second), error);
}

static void
test_car_number_unique (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;

  /* The same number twice in one season. */
  g_assert_false (pd_store_transaction (store, two_cars_cb, (gpointer) "s-2023", &error));
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "entry"), ==, 0);

  /* The same number in two seasons is fine. */
  g_assert_true (pd_store_transaction (store, two_cars_cb, (gpointer) "s-2024", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "entry"), ==, 2);

  /* Cars whose number is not known: as many as there are. */
  {
    g_autoptr(PdEntry) a = make_entry ("s-2023.unknown-a", "s-2023", NULL);
    g_autoptr(PdEntry) b = make_entry ("s-2023.unknown-b", "s-2023", "");
    g_autoptr(PdEntry) c = make_entry ("s-2023.unknown-c", "s-2023", NULL);

    save_ok (store, a);
    save_ok (store, b);
    save_ok (store, c);
    g_assert_cmpint (count_rows (f->path, "entry"), ==, 5);
  }
}

/* Round trips */

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRV)
    {
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);
      return (sa == NULL && sb == NULL) || (sa != NULL && sb != NULL && g_strv_equal (sa, sb));
    }
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *da = g_value_get_boxed (a);
      GDateTime *db = g_value_get_boxed (b);
      return (da == NULL && db == NULL) || (da != NULL && db != NULL && g_date_time_equal (da, db));
    }
  if (type == G_TYPE_DOUBLE)
    return g_value_get_double (a) == g_value_get_double (b);
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* Every property of @read equals that of @saved. */
static void
assert_records_equal (GObject *saved,
                      GObject *read)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  g_assert_true (G_OBJECT_TYPE (saved) == G_OBJECT_TYPE (read));
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (saved), &n);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;

      g_value_init (&a, pspecs[i]->value_type);
      g_value_init (&b, pspecs[i]->value_type);
      g_object_get_property (saved, pspecs[i]->name, &a);
      g_object_get_property (read, pspecs[i]->name, &b);
      if (!values_equal (pspecs[i], &a, &b))
        {
          g_autofree char *sa = g_strdup_value_contents (&a);
          g_autofree char *sb = g_strdup_value_contents (&b);
          g_error ("%s:%s saved %s, read back %s", G_OBJECT_TYPE_NAME (saved),
                   pspecs[i]->name, sa, sb);
        }
    }
}

/* Gives every property that is not a reference a value other than its
 * default, so that the round trip checks each column. */
static void
fill_record (GObject *record)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);
  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GType type = pspec->value_type;

      if (g_str_equal (pspec->name, "id") || g_str_has_suffix (pspec->name, "-id") ||
          g_str_has_suffix (pspec->name, "-ids"))
        continue;

      if (type == G_TYPE_STRING)
        {
          g_autofree char *s = g_strdup_printf ("%s: Bäckman “quoted” ' ; DROP TABLE x; --", pspec->name);
          g_object_set (record, pspec->name, s, NULL);
        }
      else if (type == G_TYPE_INT)
        g_object_set (record, pspec->name, 17, NULL);
      else if (type == G_TYPE_INT64)
        g_object_set (record, pspec->name, G_GINT64_CONSTANT (5000000000), NULL);
      else if (type == G_TYPE_BOOLEAN)
        g_object_set (record, pspec->name, TRUE, NULL);
      else if (type == G_TYPE_DOUBLE)
        g_object_set (record, pspec->name, -41.57, NULL);
      else if (G_TYPE_IS_ENUM (type))
        {
          GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
          g_object_set (record, pspec->name, klass->values[klass->n_values - 1].value, NULL);
        }
      else if (type == G_TYPE_DATE_TIME)
        {
          /* Given in Madrid time; an instant all the same. */
          g_autoptr(GTimeZone) madrid = g_time_zone_new_identifier ("Europe/Madrid");
          g_autoptr(GDateTime) dt = g_date_time_new (madrid, 2023, 9, 30, 16, 50, 0);
          g_object_set (record, pspec->name, dt, NULL);
        }
      else
        g_error ("unknown property type %s", g_type_name (type));
    }
}

static void
round_trip (PdStore *store,
            gpointer record)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GObject) read = NULL;

  save_ok (store, record);
  g_object_get (record, "id", &id, NULL);
  read = pd_store_get (store, G_OBJECT_TYPE (record), id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (read);
  g_assert_true (read != record);
  assert_records_equal (record, read);
}

static void
test_round_trip_all_types (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdSeries) series = pd_series_new ();
  g_autoptr(PdSeason) season = pd_season_new ();
  g_autoptr(PdCircuit) circuit = pd_circuit_new ();
  g_autoptr(PdRound) round = pd_round_new ();
  g_autoptr(PdSession) session = pd_session_new ();
  g_autoptr(PdClass) klass = pd_class_new ();
  g_autoptr(PdTeam) team = pd_team_new ();
  g_autoptr(PdDriver) andreas = pd_driver_new ();
  g_autoptr(PdDriver) jessica = pd_driver_new ();
  g_autoptr(PdEntry) entry = pd_entry_new ();
  g_autoptr(PdResult) result = pd_result_new ();
  g_autoptr(PdPenalty) penalty = pd_penalty_new ();
  const char * const crew[] = { "jessica-backman", "andreas-backman", NULL };
  const char * const drove[] = { "jessica-backman", "andreas-backman", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSession) read_session = NULL;
  g_autoptr(PdEntry) read_entry = NULL;

  fill_record (G_OBJECT (series));
  pd_series_set_id (series, "series");
  round_trip (store, series);

  fill_record (G_OBJECT (season));
  pd_season_set_id (season, "season");
  pd_season_set_series_id (season, "series");
  pd_season_set_rules_id (season, "rules-v1");
  round_trip (store, season);

  fill_record (G_OBJECT (circuit));
  pd_circuit_set_id (circuit, "circuit");
  round_trip (store, circuit);

  fill_record (G_OBJECT (round));
  pd_round_set_id (round, "round");
  pd_round_set_season_id (round, "season");
  pd_round_set_circuit_id (round, "circuit");
  round_trip (store, round);

  fill_record (G_OBJECT (session));
  pd_session_set_id (session, "session");
  pd_session_set_round_id (session, "round");
  round_trip (store, session);

  fill_record (G_OBJECT (klass));
  pd_class_set_id (klass, "class");
  pd_class_set_season_id (klass, "season");
  round_trip (store, klass);

  fill_record (G_OBJECT (team));
  pd_team_set_id (team, "team");
  round_trip (store, team);

  fill_record (G_OBJECT (andreas));
  pd_driver_set_id (andreas, "andreas-backman");
  pd_driver_set_first_name (andreas, "Andreas");
  pd_driver_set_last_name (andreas, "Bäckman");
  round_trip (store, andreas);
  fill_record (G_OBJECT (jessica));
  pd_driver_set_id (jessica, "jessica-backman");
  round_trip (store, jessica);

  fill_record (G_OBJECT (entry));
  pd_entry_set_id (entry, "entry");
  pd_entry_set_season_id (entry, "season");
  pd_entry_set_team_id (entry, "team");
  pd_entry_set_class_id (entry, "class");
  pd_entry_set_crew_ids (entry, crew);
  round_trip (store, entry);

  fill_record (G_OBJECT (result));
  pd_result_set_id (result, "result");
  pd_result_set_session_id (result, "session");
  pd_result_set_entry_id (result, "entry");
  pd_result_set_driver_ids (result, drove);
  round_trip (store, result);

  fill_record (G_OBJECT (penalty));
  pd_penalty_set_id (penalty, "penalty");
  pd_penalty_set_result_id (penalty, "result");
  round_trip (store, penalty);

  /* The instant comes back in UTC. */
  read_session = pd_store_get (store, PD_TYPE_SESSION, "session", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_to_unix (pd_session_get_start_utc (read_session)), ==, 1696085400);
  g_assert_cmpint (g_date_time_get_utc_offset (pd_session_get_start_utc (read_session)), ==, 0);

  /* A crew that changes is replaced, not added to, and keeps its order. */
  {
    const char * const new_crew[] = { "andreas-backman", NULL };
    pd_entry_set_crew_ids (entry, new_crew);
    save_ok (store, entry);
    read_entry = pd_store_get (store, PD_TYPE_ENTRY, "entry", &error);
    g_assert_no_error (error);
    g_assert_true (g_strv_equal (pd_entry_get_crew_ids (read_entry), new_crew));
    g_assert_cmpint (count_rows (f->path, "entry_crew"), ==, 1);
  }

  /* A crew of a driver that does not exist is refused. */
  {
    const char * const ghost[] = { "andreas-backman", "nobody", NULL };
    g_autoptr(PdEntry) entry2 = make_entry ("entry2", "season", "7");

    pd_entry_set_crew_ids (entry2, ghost);
    g_assert_false (pd_store_save (store, G_OBJECT (entry2), &error));
    g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT);
    g_clear_error (&error);
  }

  /* Reading back what does not exist. */
  {
    g_autoptr(PdRound) none = pd_store_get (store, PD_TYPE_ROUND, "no-such-round", &error);
    g_assert_null (none);
    g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND);
  }
}

/* A record with nothing but its required fields reads back with the
 * "not known" values, not zeros that look like data. */
static void
test_round_trip_unknowns (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdSeries) series = make_series ("s", "S");
  g_autoptr(PdSeason) season = make_season ("s-2023", "s");
  g_autoptr(PdRound) round = pd_round_new ();
  g_autoptr(PdSession) session = pd_session_new ();
  g_autoptr(PdEntry) entry = make_entry ("e", "s-2023", NULL);
  g_autoptr(PdResult) result = pd_result_new ();
  g_autoptr(PdResult) read = NULL;
  g_autoptr(PdSession) read_session = NULL;
  g_autoptr(GError) error = NULL;

  pd_round_set_id (round, "r");
  pd_round_set_season_id (round, "s-2023");
  pd_round_set_name (round, "R");
  pd_session_set_id (session, "q");
  pd_session_set_round_id (session, "r");
  pd_session_set_name (session, "Q");
  pd_session_set_start_date (session, "2023-06-30");
  pd_result_set_id (result, "res");
  pd_result_set_session_id (result, "q");
  pd_result_set_entry_id (result, "e");
  pd_result_set_class_position (result, 24);

  save_ok (store, series);
  save_ok (store, season);
  save_ok (store, round);
  save_ok (store, session);
  save_ok (store, entry);
  save_ok (store, result);

  read = pd_store_get (store, PD_TYPE_RESULT, "res", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_result_get_laps (read), ==, -1);
  g_assert_cmpint (pd_result_get_total_time_ms (read), ==, -1);
  g_assert_cmpint (pd_result_get_best_lap_ms (read), ==, -1);
  g_assert_cmpint (pd_result_get_position (read), ==, 0);
  g_assert_cmpint (pd_result_get_class_position (read), ==, 24);

  read_session = pd_store_get (store, PD_TYPE_SESSION, "q", &error);
  g_assert_no_error (error);
  g_assert_null (pd_session_get_start_utc (read_session));
  g_assert_cmpstr (pd_session_get_start_date (read_session), ==, "2023-06-30");

  {
    sqlite3 *db = open_raw (f->path, SQLITE_OPEN_READONLY);
    /* Stored as NULL, not as -1 or 0. */
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM result WHERE laps IS NULL AND "
                                    "total_time_ms IS NULL AND best_lap_ms IS NULL AND position IS NULL"), ==, 1);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM session WHERE start_utc IS NULL"), ==, 1);
    g_assert_cmpint (query_int (db, "SELECT count(*) FROM entry WHERE number IS NULL"), ==, 1);
    sqlite3_close (db);
  }
}

static void
test_upsert (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdSeries) series = make_series ("gt4", "First name");
  g_autoptr(PdSeries) read = NULL;

  save_ok (store, series);
  pd_series_set_name (series, "Second name");
  pd_series_set_short_name (series, "GT4");
  save_ok (store, series);
  g_assert_cmpint (count_rows (f->path, "series"), ==, 1);
  read = pd_store_get (store, PD_TYPE_SERIES, "gt4", NULL);
  g_assert_cmpstr (pd_series_get_name (read), ==, "Second name");
  g_assert_cmpstr (pd_series_get_short_name (read), ==, "GT4");
  g_clear_object (&read);

  /* A field cleared is cleared in the row too. */
  pd_series_set_short_name (series, NULL);
  save_ok (store, series);
  read = pd_store_get (store, PD_TYPE_SERIES, "gt4", NULL);
  g_assert_null (pd_series_get_short_name (read));
  g_assert_cmpint (count_rows (f->path, "series"), ==, 1);
}

static void
test_save_without_id (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdSeries) series = pd_series_new ();
  g_autoptr(GError) error = NULL;

  pd_series_set_name (series, "No id");
  g_assert_false (pd_store_save (store, G_OBJECT (series), &error));
  g_assert_nonnull (error);
  g_assert_cmpint (count_rows (f->path, "series"), ==, 0);
}

static void
test_delete_cascades (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdSeries) series = make_series ("s", "S");
  g_autoptr(PdSeason) season = make_season ("s-2023", "s");
  g_autoptr(PdEntry) entry = make_entry ("e", "s-2023", "1");
  g_autoptr(PdDriver) driver = pd_driver_new ();
  g_autoptr(GError) error = NULL;
  const char * const crew[] = { "d", NULL };
  const char * const round_ids[] = { "r1", "r2" };

  pd_driver_set_id (driver, "d");
  pd_driver_set_last_name (driver, "Driver");
  pd_entry_set_crew_ids (entry, crew);
  save_ok (store, series);
  save_ok (store, season);
  save_ok (store, driver);
  save_ok (store, entry);

  for (guint r = 0; r < G_N_ELEMENTS (round_ids); r++)
    {
      g_autoptr(PdRound) round = pd_round_new ();

      pd_round_set_id (round, round_ids[r]);
      pd_round_set_season_id (round, "s-2023");
      pd_round_set_name (round, round_ids[r]);
      save_ok (store, round);

      for (int i = 1; i <= 3; i++)
        {
          g_autoptr(PdSession) session = pd_session_new ();
          g_autoptr(PdResult) result = pd_result_new ();
          g_autoptr(PdPenalty) penalty = pd_penalty_new ();
          g_autofree char *sid = g_strdup_printf ("%s.s%d", round_ids[r], i);
          g_autofree char *rid = g_strdup_printf ("%s.res", sid);
          g_autofree char *pid = g_strdup_printf ("%s.pen", sid);

          pd_session_set_id (session, sid);
          pd_session_set_round_id (session, round_ids[r]);
          pd_session_set_name (session, sid);
          save_ok (store, session);
          pd_result_set_id (result, rid);
          pd_result_set_session_id (result, sid);
          pd_result_set_entry_id (result, "e");
          pd_result_set_driver_ids (result, crew);
          save_ok (store, result);
          pd_penalty_set_id (penalty, pid);
          pd_penalty_set_result_id (penalty, rid);
          pd_penalty_set_kind (penalty, PD_PENALTY_KIND_TIME);
          pd_penalty_set_time_ms (penalty, 11000);
          save_ok (store, penalty);
        }
    }

  g_assert_cmpint (count_rows (f->path, "session"), ==, 6);
  g_assert_true (pd_store_delete (store, PD_TYPE_ROUND, "r1", &error));
  g_assert_no_error (error);

  /* The round, its sessions, their results and penalties are gone;
   * the other round and what is not the round's stay. */
  g_assert_cmpint (count_rows (f->path, "round"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "session"), ==, 3);
  g_assert_cmpint (count_rows (f->path, "result"), ==, 3);
  g_assert_cmpint (count_rows (f->path, "penalty"), ==, 3);
  g_assert_cmpint (count_rows (f->path, "entry"), ==, 1);
  g_assert_cmpint (count_rows (f->path, "driver"), ==, 1);
  {
    g_autoptr(GListModel) sessions = pd_store_list_sessions (store, "r1", &error);
    g_assert_no_error (error);
    g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 0);
  }

  /* Deleting what is not there is no error and changes nothing. */
  g_assert_true (pd_store_delete (store, PD_TYPE_ROUND, "r1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "round"), ==, 1);

  /* A season takes its rounds, classes and entries with it. */
  g_assert_true (pd_store_delete (store, PD_TYPE_SEASON, "s-2023", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "round"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "session"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "entry"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "entry_crew"), ==, 0);
  g_assert_cmpint (count_rows (f->path, "series"), ==, 1);
}

/* A driver who drove cannot be deleted from under a result. */
static void
test_delete_referenced (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdSeries) series = make_series ("s", "S");
  g_autoptr(PdSeason) season = make_season ("s-2023", "s");
  g_autoptr(PdEntry) entry = make_entry ("e", "s-2023", "1");
  g_autoptr(PdDriver) driver = pd_driver_new ();
  g_autoptr(GError) error = NULL;
  const char * const crew[] = { "d", NULL };

  pd_driver_set_id (driver, "d");
  pd_driver_set_last_name (driver, "Driver");
  pd_entry_set_crew_ids (entry, crew);
  save_ok (store, series);
  save_ok (store, season);
  save_ok (store, driver);
  save_ok (store, entry);

  g_assert_false (pd_store_delete (store, PD_TYPE_DRIVER, "d", &error));
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT);
  g_assert_cmpint (count_rows (f->path, "driver"), ==, 1);
}

static void
test_lists (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdSeries) series = make_series ("s", "S");
  g_autoptr(PdSeason) season = make_season ("s-2023", "s");
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  /* Numbers sort as numbers; unknown numbers last. */
  const char * const numbers[] = { "10", NULL, "2", "007", "1" };
  const char * const expected[] = { "1", "2", "007", "10", NULL };

  save_ok (store, series);
  save_ok (store, season);
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      g_autofree char *id = g_strdup_printf ("e%u", i);
      g_autoptr(PdEntry) entry = make_entry (id, "s-2023", numbers[i]);
      save_ok (store, entry);
    }

  entries = pd_store_list_entries (store, "s-2023", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, G_N_ELEMENTS (expected));
  g_assert_true (g_list_model_get_item_type (entries) == PD_TYPE_ENTRY);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(PdEntry) entry = g_list_model_get_item (entries, i);
      g_assert_cmpstr (pd_entry_get_number (entry), ==, expected[i]);
    }
}

static char *
drivers_read (PdStore    *store,
              const char *result_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdScoreSeason) score = pd_score_season_load (store, "s", &error);

  g_assert_no_error (error);
  for (guint r = 0; r < score->rounds->len; r++)
    {
      PdScoreRound *round = score->rounds->pdata[r];

      for (guint s = 0; s < round->sessions->len; s++)
        {
          PdScoreSession *session = round->sessions->pdata[s];

          for (guint i = 0; i < session->results->len; i++)
            {
              PdScoreResult *result = session->results->pdata[i];

              if (g_str_equal (result->result_id, result_id))
                return g_strjoinv (",", (char **) result->driver_ids);
            }
        }
    }
  return NULL;
}

/* In a bulk transaction: a driver found once is not looked up again, and
 * one who is not there still rolls everything back. */
static gboolean
bulk_results_cb (PdStore   *store,
                 gpointer   user_data,
                 GError   **error)
{
  const char * const *last_drivers = user_data;
  const char *c[] = { "c", NULL };
  PdStoreResultRow row = { .session_id = "s.r1.race", .entry_id = "s.1", .laps = -1,
                           .total_time_ms = -1, .best_lap_ms = -1 };
  const char *ids[] = { "s.r1.race.2", "s.r1.race.3", "s.r1.race.4" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      row.id = ids[i];
      row.position = i + 2;
      row.driver_ids = i + 1 < G_N_ELEMENTS (ids) ? c : last_drivers;
      if (!pd_store_save_result_row (store, &row, error))
        return FALSE;
    }
  return TRUE;
}

/* A result's drivers are kept in its own row (schema 8, and only there
 * since 9), and follow every save, by record or by row. A driver who is
 * not there cannot be named, and a driver named cannot be deleted. */
static void
test_driver_list (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdResult) result = NULL;
  g_autofree char *read = NULL;
  const char *ab[] = { "a", "b", NULL }, *b[] = { "b", NULL }, *c[] = { "c", NULL }, *nobody[] = { "nobody", NULL };
  PdStoreResultRow row = { 0 };
  sqlite3 *db;

  g_clear_object (&store);
  db = open_raw (f->path, SQLITE_OPEN_READWRITE);
  exec_raw (db,
            "INSERT INTO season (id, name) VALUES ('s', 'S');"
            "INSERT INTO round (id, season_id, number, name, start_date, status) VALUES"
            " ('s.r1', 's', 1, 'One', '2023-04-01', 'scheduled');"
            "INSERT INTO session (id, round_id, kind, name, position, start_date, status) VALUES"
            " ('s.r1.race', 's.r1', 'race', 'Race', 1, '2023-04-02', 'scheduled');"
            "INSERT INTO driver (id, last_name) VALUES ('a', 'A'), ('b', 'B'), ('c', 'C');"
            "INSERT INTO entry (id, season_id) VALUES ('s.1', 's');");
  sqlite3_close (db);
  store = open_store (f->path);

  result = g_object_new (PD_TYPE_RESULT, "id", "s.r1.race.1", "session-id", "s.r1.race", "entry-id", "s.1",
                         "position", 1, "driver-ids", ab, NULL);
  g_assert_true (pd_store_save (store, G_OBJECT (result), &error));
  g_assert_no_error (error);
  read = drivers_read (store, "s.r1.race.1");
  g_assert_cmpstr (read, ==, "a,b");

  pd_result_set_driver_ids (result, b);
  g_assert_true (pd_store_save (store, G_OBJECT (result), &error));
  g_clear_pointer (&read, g_free);
  read = drivers_read (store, "s.r1.race.1");
  g_assert_cmpstr (read, ==, "b");

  row.id = "s.r1.race.1";
  row.session_id = "s.r1.race";
  row.entry_id = "s.1";
  row.laps = -1;
  row.total_time_ms = -1;
  row.best_lap_ms = -1;
  row.position = 1;
  row.driver_ids = c;
  g_assert_true (pd_store_save_result_row (store, &row, &error));
  g_assert_no_error (error);
  g_clear_pointer (&read, g_free);
  read = drivers_read (store, "s.r1.race.1");
  g_assert_cmpstr (read, ==, "c");

  /* Nobody of that id: refused, by record and by row; nothing changes. */
  row.driver_ids = nobody;
  g_assert_false (pd_store_save_result_row (store, &row, &error));
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  pd_result_set_driver_ids (result, nobody);
  g_assert_false (pd_store_save (store, G_OBJECT (result), &error));
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_clear_pointer (&read, g_free);
  read = drivers_read (store, "s.r1.race.1");
  g_assert_cmpstr (read, ==, "c");

  /* c drives it; a and b no longer do. */
  g_assert_false (pd_store_delete (store, PD_TYPE_DRIVER, "c", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_true (pd_store_delete (store, PD_TYPE_DRIVER, "a", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "driver"), ==, 2);

  g_assert_false (pd_store_bulk_transaction (store, bulk_results_cb, nobody, &error));
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f->path, "result"), ==, 1);
  g_assert_true (pd_store_bulk_transaction (store, bulk_results_cb, b, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f->path, "result"), ==, 4);
  g_clear_pointer (&read, g_free);
  read = drivers_read (store, "s.r1.race.4");
  g_assert_cmpstr (read, ==, "b");
}

/* The scoring input read as rows (pd_store_read_season(), through
 * pd_score_season_load()): championship rounds only, in the order of
 * their dates; sessions that are not cancelled; results in their
 * recorded order, a result without drivers taking its car's crew; and in
 * a session typed in as times, positions derived with the penalties. */
static void
test_read_season (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdScoreSeason) score = NULL;
  g_autoptr(PdRules) rules = NULL;
  g_autoptr(GError) error = NULL;
  PdScoreRound *round;
  PdScoreSession *session;
  PdScoreResult *result;
  sqlite3 *db;

  g_clear_object (&store);
  db = open_raw (f->path, SQLITE_OPEN_READWRITE);
  exec_raw (db,
            "INSERT INTO season (id, name) VALUES ('s', 'S'), ('other', 'O');"
            "INSERT INTO round (id, season_id, number, name, start_date, status) VALUES"
            " ('s.r2', 's', 2, 'Two', '2023-05-01', 'scheduled'),"
            " ('s.r1', 's', 1, 'One', '2023-04-01', 'scheduled'),"
            " ('s.x', 's', 0, 'Outside', '2023-04-15', 'scheduled'),"
            " ('s.r3', 's', 3, 'Three', '2023-06-01', 'cancelled');"
            "INSERT INTO session (id, round_id, kind, name, position, start_date, status) VALUES"
            " ('s.r1.race', 's.r1', 'race', 'Race', 2, '2023-04-02', 'scheduled'),"
            " ('s.r1.quali', 's.r1', 'qualifying', 'Q', 1, '2023-04-01', 'scheduled'),"
            " ('s.r1.fp', 's.r1', 'practice', 'FP', 0, '2023-04-01', 'cancelled'),"
            " ('s.r2.race', 's.r2', 'race', 'Race', 1, '2023-05-01', 'scheduled'),"
            " ('s.x.race', 's.x', 'race', 'Race', 1, '2023-04-15', 'scheduled');"
            "INSERT INTO driver (id, last_name) VALUES ('a', 'A'), ('b', 'B'), ('c', 'C');"
            "INSERT INTO team (id, name) VALUES ('t', 'T');"
            "INSERT INTO class (id, season_id, name) VALUES ('s.am', 's', 'Am');"
            "INSERT INTO entry (id, season_id, team_id, class_id) VALUES"
            " ('s.1', 's', 't', 's.am'), ('s.2', 's', NULL, NULL), ('other.9', 'other', NULL, NULL);"
            "INSERT INTO entry_crew (entry_id, round_id, position, driver_id) VALUES"
            " ('s.1', NULL, 2, 'b'), ('s.1', NULL, 1, 'a'), ('s.1', 's.r2', 1, 'c'), ('s.2', NULL, 1, 'c');"
            "INSERT INTO result (id, session_id, entry_id, status, laps, total_time_ms, position, grid, fastest_lap) VALUES"
            " ('s.r1.race.b', 's.r1.race', 's.2', 'classified', NULL, NULL, 2, 1, 0),"
            " ('s.r1.race.a', 's.r1.race', 's.1', 'classified', NULL, NULL, 1, 2, 1),"
            " ('s.r1.race.c', 's.r1.race', 'other.9', 'classified', NULL, NULL, 3, 3, 0),"
            " ('s.r2.race.a', 's.r2.race', 's.1', 'classified', 20, 3600000, NULL, 0, 0),"
            " ('s.r2.race.b', 's.r2.race', 's.2', 'classified', 20, 3605000, NULL, 0, 0),"
            " ('s.x.race.a', 's.x.race', 's.1', 'classified', NULL, NULL, 1, 0, 0),"
            " ('s.r1.quali.b', 's.r1.quali', 's.2', 'classified', NULL, NULL, 1, 0, 0);"
            "UPDATE result SET driver_list = 'b' || char (31) || 'a' WHERE id = 's.r1.race.a';"
            "INSERT INTO penalty (id, result_id, kind, time_ms) VALUES ('p', 's.r2.race.a', 'time', 10000);");
  sqlite3_close (db);

  store = open_store (f->path);
  score = pd_score_season_load (store, "s", &error);
  g_assert_no_error (error);
  g_assert_nonnull (score);

  /* Rounds 1 and 2, by date; not the round outside the championship, nor
   * the cancelled one. */
  g_assert_cmpuint (score->rounds->len, ==, 2);
  round = score->rounds->pdata[0];
  g_assert_cmpint (round->number, ==, 1);
  g_assert_cmpuint (round->sessions->len, ==, 2);
  session = round->sessions->pdata[0];
  g_assert_cmpstr (session->session_id, ==, "s.r1.quali");
  g_assert_cmpuint (session->results->len, ==, 1);
  session = round->sessions->pdata[1];
  g_assert_cmpstr (session->session_id, ==, "s.r1.race");
  g_assert_cmpint (session->kind, ==, PD_SESSION_KIND_RACE);

  /* By position; the entry of another season is left out. */
  g_assert_cmpuint (session->results->len, ==, 2);
  result = session->results->pdata[0];
  g_assert_cmpstr (result->result_id, ==, "s.r1.race.a");
  g_assert_cmpstr (result->entry_id, ==, "s.1");
  g_assert_cmpstr (result->team_id, ==, "t");
  g_assert_cmpstr (result->class_id, ==, "s.am");
  g_assert_cmpint (result->position, ==, 1);
  g_assert_cmpint (result->grid, ==, 2);
  g_assert_true (result->fastest_lap);
  g_assert_cmpuint (g_strv_length (result->driver_ids), ==, 2);
  g_assert_cmpstr (result->driver_ids[0], ==, "b");
  g_assert_cmpstr (result->driver_ids[1], ==, "a");
  result = session->results->pdata[1];
  g_assert_cmpstr (result->result_id, ==, "s.r1.race.b");
  g_assert_null (result->team_id);
  g_assert_cmpint (result->grid, ==, 1);
  g_assert_cmpuint (g_strv_length (result->driver_ids), ==, 1);
  g_assert_cmpstr (result->driver_ids[0], ==, "c");

  /* Typed in as times: the 10 s penalty puts s.2 first. The default
   * crew, not the one of round 2. */
  round = score->rounds->pdata[1];
  g_assert_cmpint (round->number, ==, 2);
  session = round->sessions->pdata[0];
  g_assert_cmpuint (session->results->len, ==, 2);
  result = session->results->pdata[0];
  g_assert_cmpstr (result->result_id, ==, "s.r2.race.a");
  g_assert_cmpint (result->position, ==, 2);
  g_assert_cmpuint (g_strv_length (result->driver_ids), ==, 2);
  g_assert_cmpstr (result->driver_ids[0], ==, "a");
  g_assert_cmpstr (result->driver_ids[1], ==, "b");
  result = session->results->pdata[1];
  g_assert_cmpstr (result->result_id, ==, "s.r2.race.b");
  g_assert_cmpint (result->position, ==, 1);

  /* For standings under rules that give qualifying no points, without
   * the qualifying session; the races as they were. */
  g_clear_pointer (&score, pd_score_season_free);
  rules = pd_rules_load_preset ("f1-2023", &error);
  g_assert_no_error (error);
  score = pd_score_season_load_scoring (store, "s", rules, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (score->rounds->len, ==, 2);
  round = score->rounds->pdata[0];
  g_assert_cmpuint (round->sessions->len, ==, 1);
  session = round->sessions->pdata[0];
  g_assert_cmpstr (session->session_id, ==, "s.r1.race");
  g_assert_cmpuint (session->results->len, ==, 2);
  g_assert_cmpstr (((PdScoreResult *) session->results->pdata[0])->result_id, ==, "s.r1.race.a");
  round = score->rounds->pdata[1];
  g_assert_cmpuint (((PdScoreSession *) round->sessions->pdata[0])->results->len, ==, 2);

  g_clear_pointer (&score, pd_score_season_free);
  g_assert_null (pd_score_season_load (store, "missing", &error));
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND);
}

/* Rounds, sessions and results of a season as read, in one string. */
static char *
score_season_text (PdScoreSeason *season)
{
  GString *text = g_string_new (NULL);

  for (guint r = 0; r < season->rounds->len; r++)
    {
      PdScoreRound *round = season->rounds->pdata[r];

      g_string_append_printf (text, "round %d\n", round->number);
      for (guint s = 0; s < round->sessions->len; s++)
        {
          PdScoreSession *session = round->sessions->pdata[s];

          g_string_append_printf (text, " %s\n", session->session_id);
          for (guint i = 0; i < session->results->len; i++)
            {
              PdScoreResult *result = session->results->pdata[i];
              g_autofree char *drivers = result->driver_ids != NULL ? g_strjoinv ("+", result->driver_ids)
                                                                    : g_strdup ("");

              g_string_append_printf (text, "  %s %s %s %d %d %s\n", result->result_id, result->entry_id,
                                      result->team_id != NULL ? result->team_id : "-", result->position,
                                      result->grid, drivers);
            }
        }
    }
  return g_string_free (text, FALSE);
}

/* After the results of one session changed, reading that session again
 * gives the season as reading it whole does: the other sessions kept,
 * a new session and new cars taken in; many times over too (past the
 * point where it reads the season whole). */
static void
test_reload_session (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(PdStore) store = open_store (f->path);
  g_autoptr(PdScoreSeason) shown = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_clear_object (&store);
  db = open_raw (f->path, SQLITE_OPEN_READWRITE);
  exec_raw (db,
            "INSERT INTO season (id, name) VALUES ('s', 'S');"
            "INSERT INTO round (id, season_id, number, name, start_date, status) VALUES"
            " ('s.r1', 's', 1, 'One', '2023-04-01', 'scheduled'),"
            " ('s.r2', 's', 2, 'Two', '2023-05-01', 'scheduled');"
            "INSERT INTO session (id, round_id, kind, name, position, start_date, status) VALUES"
            " ('s.r1.race', 's.r1', 'race', 'Race', 1, '2023-04-02', 'scheduled'),"
            " ('s.r2.race', 's.r2', 'race', 'Race', 1, '2023-05-01', 'scheduled');"
            "INSERT INTO driver (id, last_name) VALUES ('a', 'A'), ('b', 'B'), ('c', 'C');"
            "INSERT INTO team (id, name) VALUES ('t', 'T'), ('u', 'U');"
            "INSERT INTO entry (id, season_id, team_id) VALUES ('s.1', 's', 't'), ('s.2', 's', 'u');"
            "INSERT INTO entry_crew (entry_id, round_id, position, driver_id) VALUES"
            " ('s.1', NULL, 1, 'a'), ('s.2', NULL, 1, 'b');"
            "INSERT INTO result (id, session_id, entry_id, position, grid, driver_list) VALUES"
            " ('s.r1.race.1', 's.r1.race', 's.1', 1, 2, 'a'), ('s.r1.race.2', 's.r1.race', 's.2', 2, 1, 'b'),"
            " ('s.r2.race.1', 's.r2.race', 's.1', 2, 1, 'a'), ('s.r2.race.2', 's.r2.race', 's.2', 1, 2, 'b');");
  sqlite3_close (db);
  store = open_store (f->path);
  shown = pd_score_season_load (store, "s", &error);
  g_assert_no_error (error);

  for (int i = 0; i < 40; i++)
    {
      g_autoptr(PdScoreSeason) whole = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *reloaded = NULL;
      const char *changed = i == 0 ? "s.r3.race" : "s.r2.race";

      db = open_raw (f->path, SQLITE_OPEN_READWRITE);
      if (i == 0)
        /* A new round, a new session, a new car, with a new driver. */
        exec_raw (db,
                  "INSERT INTO round (id, season_id, number, name, start_date, status) VALUES"
                  " ('s.r3', 's', 3, 'Three', '2023-06-01', 'scheduled');"
                  "INSERT INTO session (id, round_id, kind, name, position, start_date, status) VALUES"
                  " ('s.r3.race', 's.r3', 'race', 'Race', 1, '2023-06-01', 'scheduled');"
                  "INSERT INTO entry (id, season_id, team_id) VALUES ('s.3', 's', 'u');"
                  "INSERT INTO result (id, session_id, entry_id, position, grid, driver_list) VALUES"
                  " ('s.r3.race.1', 's.r3.race', 's.1', 2, 1, 'a'), ('s.r3.race.3', 's.r3.race', 's.3', 1, 2, 'c');");
      else
        /* The two cars of round 2 change places. */
        exec_raw (db, "UPDATE result SET position = 3 - position, grid = grid + 1 WHERE session_id = 's.r2.race'");
      sqlite3_close (db);

      g_assert_true (pd_score_season_reload_session (shown, store, "s", changed, &error));
      g_assert_no_error (error);
      whole = pd_score_season_load (store, "s", &error);
      g_assert_no_error (error);
      expected = score_season_text (whole);
      reloaded = score_season_text (shown);
      g_assert_cmpstr (reloaded, ==, expected);
    }
  g_assert_cmpuint (shown->rounds->len, ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) add_test ("/store/" path, func, NULL)

  ADD ("new-database", test_new_database);
  ADD ("new-database-in-new-folder", test_new_database_in_new_folder);
  ADD ("reopen", test_reopen);
  ADD ("resolve-path", test_resolve_path);
  ADD ("migrate/from-every-version", test_migrate_from_every_version);
  ADD ("migrate/idempotent", test_migrate_idempotent);
  ADD ("migrate/result-drivers", test_migrate_result_drivers);
  ADD ("reload-session", test_reload_session);
  ADD ("migrate/session-sequence", test_migrate_session_sequence);
  ADD ("refuse/too-new", test_refuse_too_new);
  ADD ("refuse/other-application", test_refuse_other_application);
  ADD ("refuse/other-application-id", test_refuse_other_application_id);
  ADD ("refuse/text-file", test_refuse_text_file);
  ADD ("refuse/corrupt", test_refuse_corrupt);
  ADD ("refuse/corrupt-after-stamp", test_refuse_corrupt_after_stamp);
  ADD ("empty-file-is-new", test_empty_file_is_new);
  ADD ("create/failed-leaves-nothing", test_failed_creation_leaves_nothing);
  ADD ("create/seed-runs-once", test_seed_runs_once);
  ADD ("transaction/rolled-back", test_transaction_rolled_back);
  ADD ("transaction/foreign-key", test_transaction_foreign_key);
  ADD ("constraint/car-number", test_car_number_unique);
  ADD ("round-trip/all-types", test_round_trip_all_types);
  ADD ("round-trip/unknowns", test_round_trip_unknowns);
  ADD ("upsert", test_upsert);
  ADD ("save-without-id", test_save_without_id);
  ADD ("delete/cascades", test_delete_cascades);
  ADD ("delete/referenced", test_delete_referenced);
  ADD ("lists/entries-order", test_lists);
  ADD ("read-season", test_read_season);
  ADD ("driver-list", test_driver_list);

#undef ADD

  return g_test_run ();
}
