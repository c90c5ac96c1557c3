#define G_LOG_DOMAIN "paddock-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "pd-store.h"
#include "pd-store-private.h"

/*
 * PdStore owns the one SQLite connection of the process.
 *
 * Records are mapped to rows generically, through their GObject
 * properties: PdFooBar lives in table "foo_bar", each property in the
 * column of the same name with dashes as underscores. String-list
 * properties (a car's crew, the drivers of a result) live in link tables
 * described by `links` below. Statements are prepared once and cached.
 */

struct _PdStore
{
  GObject     parent_instance;

  char       *path;
  sqlite3    *db;
  GHashTable *statements;   /* SQL text → sqlite3_stmt */
  GHashTable *types;        /* GType → TypeInfo */
  int         schema_version;
  guint       created : 1;
};

G_DEFINE_FINAL_TYPE (PdStore, pd_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (pd-store-error-quark, pd_store_error)

typedef struct {
  const char *table;
  const char *property;
  const char *link_table;
  const char *owner_column;
  const char *extra_where;
} Link;

static const Link links[] = {
  { "entry", "crew-ids", "entry_crew", "entry_id", " AND round_id IS NULL" },
  { "result", "driver-ids", "result_driver", "result_id", "" },
};

/* What the row mapper needs of a record type, worked out once. */
typedef struct {
  GTypeClass  *klass;        /* keeps the pspecs alive */
  char        *table;
  GPtrArray   *columns;      /* GParamSpec, in column order */
  const char **names;        /* property names, for g_object_new_with_properties() */
  char        *insert_sql;
  char        *select_sql;   /* "SELECT t.a, t.b … FROM t" */
  GPtrArray   *links;        /* const Link */
} TypeInfo;

static void
type_info_free (gpointer data)
{
  TypeInfo *info = data;

  g_free (info->table);
  g_ptr_array_unref (info->columns);
  g_free (info->names);
  g_free (info->insert_sql);
  g_free (info->select_sql);
  g_ptr_array_unref (info->links);
  g_type_class_unref (info->klass);
  g_free (info);
}

/* Helpers */

static gboolean
set_sqlite_error (GError     **error,
                  sqlite3     *db,
                  int          rc,
                  const char  *what)
{
  int code;

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      code = PD_STORE_ERROR_NOT_PADDOCK;
      break;
    case SQLITE_CORRUPT:
      code = PD_STORE_ERROR_CORRUPT;
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      code = PD_STORE_ERROR_BUSY;
      break;
    case SQLITE_CONSTRAINT:
      code = PD_STORE_ERROR_CONSTRAINT;
      break;
    default:
      code = PD_STORE_ERROR_FAILED;
      break;
    }

  /* TRANSLATORS: the first %s says what was being done, the second is
   * SQLite's own (English) explanation */
  g_set_error (error, PD_STORE_ERROR, code, _("%s: %s"), what,
               db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  return FALSE;
}

static char *
table_for_type (GType type)
{
  const char *name = g_type_name (type);
  GString *table = g_string_new (NULL);

  g_assert (g_str_has_prefix (name, "Pd"));

  for (const char *p = name + 2; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p) && table->len > 0)
        g_string_append_c (table, '_');
      g_string_append_c (table, g_ascii_tolower (*p));
    }

  return g_string_free (table, FALSE);
}

static char *
column_for_property (const char *property)
{
  return g_strdelimit (g_strdup (property), "-", '_');
}

/* The properties kept in the record's own table, in a stable order. */
static GPtrArray *
column_properties (GType type)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  g_autofree GParamSpec **pspecs = NULL;
  GPtrArray *columns = g_ptr_array_new ();
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);
  for (guint i = 0; i < n; i++)
    if (pspecs[i]->value_type != G_TYPE_STRV)
      g_ptr_array_add (columns, pspecs[i]);

  return columns;
}

static TypeInfo *
get_type_info (PdStore *self,
               GType    type)
{
  TypeInfo *info = g_hash_table_lookup (self->types, GSIZE_TO_POINTER (type));
  g_autoptr(GString) insert = NULL;
  g_autoptr(GString) select = NULL;

  if (info != NULL)
    return info;

  info = g_new0 (TypeInfo, 1);
  info->klass = g_type_class_ref (type);
  info->table = table_for_type (type);
  info->columns = column_properties (type);
  info->names = g_new0 (const char *, info->columns->len + 1);
  info->links = g_ptr_array_new ();

  insert = g_string_new (NULL);
  select = g_string_new ("SELECT ");
  g_string_append_printf (insert, "INSERT INTO %s (", info->table);
  for (guint i = 0; i < info->columns->len; i++)
    {
      GParamSpec *pspec = info->columns->pdata[i];
      g_autofree char *col = column_for_property (pspec->name);

      info->names[i] = pspec->name;
      g_string_append_printf (insert, "%s%s", i > 0 ? ", " : "", col);
      g_string_append_printf (select, "%s%s.%s", i > 0 ? ", " : "", info->table, col);
    }
  g_string_append (insert, ") VALUES (");
  for (guint i = 0; i < info->columns->len; i++)
    g_string_append (insert, i > 0 ? ", ?" : "?");
  g_string_append (insert, ") ON CONFLICT (id) DO UPDATE SET ");
  for (guint i = 0, n = 0; i < info->columns->len; i++)
    {
      g_autofree char *col = column_for_property (((GParamSpec *) info->columns->pdata[i])->name);

      if (g_str_equal (col, "id"))
        continue;
      g_string_append_printf (insert, "%s%s = excluded.%s", n++ > 0 ? ", " : "", col, col);
    }
  g_string_append_printf (select, " FROM %s", info->table);
  info->insert_sql = g_string_free (g_steal_pointer (&insert), FALSE);
  info->select_sql = g_string_free (g_steal_pointer (&select), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    if (g_str_equal (links[i].table, info->table))
      g_ptr_array_add (info->links, (gpointer) &links[i]);

  g_hash_table_insert (self->types, GSIZE_TO_POINTER (type), info);
  return info;
}

static sqlite3_stmt *
get_statement (PdStore     *self,
               const char  *sql,
               GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("Could not prepare a database query"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

static gboolean
exec_sql (sqlite3     *db,
          const char  *sql,
          const char  *what,
          GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (error, db, rc, what);
  return TRUE;
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            GParamSpec   *pspec,
            const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *s = g_value_get_string (value);

      /* An empty string means "not set", like NULL. */
      if (s == NULL || *s == '\0')
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_text (stmt, index, s, -1, SQLITE_TRANSIENT);
    }
  else if (type == G_TYPE_INT)
    {
      int v = g_value_get_int (value);

      if (v == G_PARAM_SPEC_INT (pspec)->default_value)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int (stmt, index, v);
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 v = g_value_get_int64 (value);

      if (v == G_PARAM_SPEC_INT64 (pspec)->default_value)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, v);
    }
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (type == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, g_value_get_double (value));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value (klass, g_value_get_enum (value));

      sqlite3_bind_text (stmt, index, ev->value_nick, -1, SQLITE_STATIC);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *dt = g_value_get_boxed (value);

      if (dt == NULL)
        sqlite3_bind_null (stmt, index);
      else
        sqlite3_bind_int64 (stmt, index, g_date_time_to_unix (dt));
    }
  else
    g_assert_not_reached ();
}

static gboolean
read_value (sqlite3_stmt  *stmt,
            int            column,
            GParamSpec    *pspec,
            GValue        *value,
            GError       **error)
{
  GType type = pspec->value_type;

  g_value_init (value, type);
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    {
      g_param_value_set_default (pspec, value);
      return TRUE;
    }

  if (type == G_TYPE_STRING)
    g_value_set_string (value, (const char *) sqlite3_column_text (stmt, column));
  else if (type == G_TYPE_INT)
    g_value_set_int (value, sqlite3_column_int (stmt, column));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, sqlite3_column_int64 (stmt, column));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, sqlite3_column_int (stmt, column) != 0);
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, sqlite3_column_double (stmt, column));
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      const char *nick = (const char *) sqlite3_column_text (stmt, column);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, nick);

      if (ev == NULL)
        {
          g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CORRUPT,
                       _("The database holds an unknown value “%s” for “%s”"),
                       nick, pspec->name);
          return FALSE;
        }
      g_value_set_enum (value, ev->value);
    }
  else if (type == G_TYPE_DATE_TIME)
    g_value_take_boxed (value, g_date_time_new_from_unix_utc (sqlite3_column_int64 (stmt, column)));
  else
    g_assert_not_reached ();

  return TRUE;
}

/* Construction */

static void
pd_store_finalize (GObject *object)
{
  PdStore *self = (PdStore *) object;

  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->types, g_hash_table_unref);
  if (self->db != NULL)
    sqlite3_close (self->db);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (pd_store_parent_class)->finalize (object);
}

static void
pd_store_class_init (PdStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pd_store_finalize;
}

static void
statement_free (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
pd_store_init (PdStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, statement_free);
  self->types = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, type_info_free);
}

/**
 * pd_store_resolve_path:
 * @explicit_path: (nullable): a path given on the command line
 *
 * The one rule the app and the tool share: the path given, else
 * `PADDOCK_DATABASE`, else `$XDG_DATA_HOME/paddock/paddock.db`.
 *
 * Returns: (transfer full): the database path
 */
char *
pd_store_resolve_path (const char *explicit_path)
{
  const char *env;

  if (explicit_path != NULL && *explicit_path != '\0')
    return g_strdup (explicit_path);

  env = g_getenv ("PADDOCK_DATABASE");
  if (env != NULL && *env != '\0')
    return g_strdup (env);

  return g_build_filename (g_get_user_data_dir (), "paddock", "paddock.db", NULL);
}

/* Looks at an existing file without writing to it, and refuses what is not
 * a Paddock database this version can open. Returns TRUE with *is_empty set
 * when the file holds no schema at all (a new database). */
static gboolean
inspect_existing (const char  *path,
                  gboolean    *is_empty,
                  GError     **error)
{
  g_autofree char *uri = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc, app_id = 0, version = 0, n_objects = 0;
  gboolean ok = FALSE;
  g_autofree char *name = g_filename_display_name (path);

  *is_empty = FALSE;

  /* Without a write-ahead log beside it, the file is read as immutable:
   * SQLite then creates no -shm or -wal file, and so a refused file is
   * left with nothing new next to it either. */
  uri = g_filename_to_uri (path, NULL, NULL);
  if (uri != NULL && !g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      char *immutable = g_strconcat (uri, "?immutable=1", NULL);
      g_free (uri);
      uri = immutable;
    }
  if (uri != NULL)
    rc = sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  else
    rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_FAILED,
                   _("Could not open “%s”: %s"), name, sqlite3_errstr (rc));
      goto out;
    }

  rc = sqlite3_prepare_v2 (db,
                           "SELECT (SELECT application_id FROM pragma_application_id),"
                           " (SELECT user_version FROM pragma_user_version),"
                           " (SELECT count(*) FROM sqlite_schema)",
                           -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
        g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_PADDOCK,
                     _("“%s” is not a Paddock database, or it is damaged. It was left as it is."),
                     name);
      else
        g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_FAILED,
                     _("Could not read “%s”: %s"), name, sqlite3_errmsg (db));
      goto out;
    }

  app_id = sqlite3_column_int (stmt, 0);
  version = sqlite3_column_int (stmt, 1);
  n_objects = sqlite3_column_int (stmt, 2);
  g_clear_pointer (&stmt, sqlite3_finalize);

  if (app_id == 0 && version == 0 && n_objects == 0)
    {
      *is_empty = TRUE;
      ok = TRUE;
      goto out;
    }

  if (app_id != PD_STORE_APPLICATION_ID)
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_PADDOCK,
                   _("“%s” is an SQLite database, but not a Paddock database. It was left as it is."),
                   name);
      goto out;
    }

  if (version > pd_store_get_latest_version ())
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_TOO_NEW,
                   _("“%s” was written by a newer version of Paddock (database version %d; "
                     "this version reads up to %d). Update Paddock to open it. "
                     "It was left as it is."),
                   name, version, pd_store_get_latest_version ());
      goto out;
    }

  /* A damaged page deeper in the file does not show in the header; check
   * the whole file before anything is written to it. */
  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW ||
      g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened. It was left as it is; "
                     "restore it from a backup."),
                   name);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

typedef struct {
  PdStoreSeedFunc seed;
  gpointer        seed_data;
  gboolean        created;
} MigrateData;

static gboolean
migrate_cb (PdStore   *self,
            gpointer   user_data,
            GError   **error)
{
  MigrateData *data = user_data;
  int version = pd_store_get_schema_version (self);

  if (version > pd_store_get_latest_version ())
    {
      /* Another process upgraded it between our check and our lock. */
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_TOO_NEW,
                   _("The database was upgraded by a newer version of Paddock while opening it"));
      return FALSE;
    }

  if (!pd_store_migrate_db (self->db, pd_store_get_latest_version (), error))
    return FALSE;

  data->created = (version == 0);
  if (data->created && data->seed != NULL)
    return data->seed (self, data->seed_data, error);

  return TRUE;
}

/**
 * pd_store_new:
 * @path: the database file; created when it does not exist
 * @seed: (nullable): fills a database that is being created
 * @seed_data: data for @seed
 *
 * Opens a Paddock database, upgrading its schema in one transaction.
 * A file that is not a Paddock database, that is damaged, or that was
 * written by a newer Paddock is refused and left byte for byte as it was.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL with @error set
 */
PdStore *
pd_store_new (const char       *path,
              PdStoreSeedFunc   seed,
              gpointer          seed_data,
              GError          **error)
{
  g_autoptr(PdStore) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  gboolean existed, is_empty = TRUE;
  MigrateData data = { seed, seed_data, FALSE };
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_name (path);
  existed = g_file_test (path, G_FILE_TEST_EXISTS);
  if (existed && !inspect_existing (path, &is_empty, error))
    return NULL;

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder for “%s”: %s"), name, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (PD_TYPE_STORE, NULL);
  self->path = g_strdup (path);

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *what = g_strdup_printf (_("Could not open “%s”"), name);
      set_sqlite_error (error, self->db, rc, what);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_busy_timeout (self->db, 5000);

  if (!exec_sql (self->db, "PRAGMA foreign_keys = ON", _("Could not set up the database"), error) ||
      !exec_sql (self->db, "PRAGMA journal_mode = WAL", _("Could not set up the database"), error) ||
      !exec_sql (self->db, "PRAGMA synchronous = NORMAL", _("Could not set up the database"), error) ||
      !pd_store_transaction (self, migrate_cb, &data, error))
    {
      if (!existed)
        {
          /* Leave nothing behind for a database that could not be made. */
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          g_hash_table_remove_all (self->statements);
          sqlite3_close (self->db);
          self->db = NULL;
          g_unlink (path);
          g_unlink (wal);
          g_unlink (shm);
        }
      return NULL;
    }

  self->created = data.created;
  self->schema_version = pd_store_get_latest_version ();

  return g_steal_pointer (&self);
}

const char *
pd_store_get_path (PdStore *self)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return self->path;
}

/**
 * pd_store_get_schema_version:
 *
 * Returns: the database's `PRAGMA user_version`, read now
 */
int
pd_store_get_schema_version (PdStore *self)
{
  sqlite3_stmt *stmt;
  int version = -1;

  g_return_val_if_fail (PD_IS_STORE (self), -1);

  stmt = get_statement (self, "PRAGMA user_version", NULL);
  if (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int (stmt, 0);
  if (stmt != NULL)
    sqlite3_reset (stmt);

  return version;
}

/**
 * pd_store_get_was_created:
 *
 * Returns: whether opening the store created a new database
 */
gboolean
pd_store_get_was_created (PdStore *self)
{
  g_return_val_if_fail (PD_IS_STORE (self), FALSE);

  return self->created;
}

/**
 * pd_store_transaction:
 * @func: the work to do
 *
 * Runs @func in one write transaction (`BEGIN IMMEDIATE`): committed if it
 * returns %TRUE, rolled back whole if it returns %FALSE. Called within
 * another transaction, it is a savepoint of that one.
 */
gboolean
pd_store_transaction (PdStore                 *self,
                      PdStoreTransactionFunc   func,
                      gpointer                 user_data,
                      GError                 **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  /* Within another transaction, a savepoint: the work is undone on its
   * own when it fails, and stored with the outer transaction. */
  if (!sqlite3_get_autocommit (self->db))
    {
      if (!exec_sql (self->db, "SAVEPOINT nested", _("Could not start a change"), error))
        return FALSE;
      if (!func (self, user_data, error))
        {
          sqlite3_exec (self->db, "ROLLBACK TO nested; RELEASE nested", NULL, NULL, NULL);
          return FALSE;
        }
      return exec_sql (self->db, "RELEASE nested", _("Could not save the change"), error);
    }

  if (!exec_sql (self->db, "BEGIN IMMEDIATE", _("Could not start a change"), error))
    return FALSE;

  if (!func (self, user_data, error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  if (!exec_sql (self->db, "COMMIT", _("Could not save the change"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Writing */

static gboolean
save_link (PdStore     *self,
           const Link  *link,
           const char  *owner_id,
           const char * const *values,
           GError     **error)
{
  g_autofree char *delete_sql = NULL;
  g_autofree char *insert_sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?%s",
                                link->link_table, link->owner_column, link->extra_where);
  stmt = get_statement (self, delete_sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not save a record"));

  insert_sql = g_strdup_printf ("INSERT INTO %s (%s, position, driver_id) VALUES (?, ?, ?)",
                                link->link_table, link->owner_column);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      stmt = get_statement (self, insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, i + 1);
      sqlite3_bind_text (stmt, 3, values[i], -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, rc, _("Could not save a record"));
    }

  return TRUE;
}

/**
 * pd_store_save:
 * @record: a model record (#PdSeason, #PdRound, ...) with an id
 *
 * Inserts @record, or updates the row with the same id.
 */
gboolean
pd_store_save (PdStore  *self,
               GObject  *record,
               GError  **error)
{
  TypeInfo *info;
  g_autofree char *id = NULL;
  g_autofree char *what = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  info = get_type_info (self, G_OBJECT_TYPE (record));
  g_object_get (record, "id", &id, NULL);

  if (id == NULL || *id == '\0')
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT,
                   _("A record of type “%s” has no identifier"), info->table);
      return FALSE;
    }

  stmt = get_statement (self, info->insert_sql, error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < info->columns->len; i++)
    {
      GParamSpec *pspec = info->columns->pdata[i];
      g_auto(GValue) value = G_VALUE_INIT;

      g_value_init (&value, pspec->value_type);
      g_object_get_property (record, pspec->name, &value);
      bind_value (stmt, i + 1, pspec, &value);
    }

  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      what = g_strdup_printf (_("Could not save “%s”"), id);
      return set_sqlite_error (error, self->db, rc, what);
    }

  for (guint i = 0; i < info->links->len; i++)
    {
      const Link *link = info->links->pdata[i];
      g_auto(GStrv) values = NULL;

      g_object_get (record, link->property, &values, NULL);
      if (!save_link (self, link, id, (const char * const *) values, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * pd_store_delete:
 *
 * Deletes the record of @record_type with @id, and what depends on it.
 */
gboolean
pd_store_delete (PdStore     *self,
                 GType        record_type,
                 const char  *id,
                 GError     **error)
{
  g_autofree char *table = table_for_type (record_type);
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?", table);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_STORE (self), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stmt = get_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not delete a record"));

  return TRUE;
}

/* Reading */

/* Reads the link table of @link for every record the WHERE clause
 * selects, in one query, and sets each record's list. */
static gboolean
load_links (PdStore     *self,
            TypeInfo    *info,
            const Link  *link,
            const char  *where,
            const char  *arg,
            GHashTable  *by_id,
            GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GHashTable) lists = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_strv_builder_unref);
  GHashTableIter iter;
  gpointer key, value;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strdup_printf ("SELECT %s, driver_id FROM %s WHERE %s IN (SELECT id FROM %s%s%s)%s"
                         " ORDER BY %s, position",
                         link->owner_column, link->link_table, link->owner_column, info->table,
                         where != NULL ? " WHERE " : "", where != NULL ? where : "",
                         link->extra_where, link->owner_column);
  stmt = get_statement (self, sql, error);
  if (stmt == NULL)
    return FALSE;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *owner = (const char *) sqlite3_column_text (stmt, 0);
      GStrvBuilder *builder = g_hash_table_lookup (lists, owner);

      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          g_hash_table_insert (lists, g_strdup (owner), builder);
        }
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not read the database"));

  g_hash_table_iter_init (&iter, lists);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GObject *record = g_hash_table_lookup (by_id, key);
      g_auto(GStrv) values = g_strv_builder_end (value);

      if (record != NULL)
        g_object_set (record, link->property, values, NULL);
    }

  return TRUE;
}

/* Runs SELECT over @type's table with an optional WHERE clause taking
 * one text parameter, and returns the records in a GListStore. */
static GListModel *
query_records (PdStore     *self,
               GType        type,
               const char  *where,
               const char  *arg,
               const char  *order_by,
               GError     **error)
{
  TypeInfo *info = get_type_info (self, type);
  g_autoptr(GListStore) store = g_list_store_new (type);
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GString) sql = g_string_new (info->select_sql);
  g_autofree GValue *values = g_new0 (GValue, info->columns->len);
  sqlite3_stmt *stmt;
  int rc;

  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  if (order_by != NULL)
    g_string_append_printf (sql, " ORDER BY %s", order_by);

  stmt = get_statement (self, sql->str, error);
  if (stmt == NULL)
    return NULL;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_TRANSIENT);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean ok = TRUE;

      for (guint i = 0; i < info->columns->len && ok; i++)
        ok = read_value (stmt, i, info->columns->pdata[i], &values[i], error);
      if (ok)
        g_ptr_array_add (records, g_object_new_with_properties (type, info->columns->len,
                                                                info->names, values));
      for (guint i = 0; i < info->columns->len; i++)
        if (G_IS_VALUE (&values[i]))
          g_value_unset (&values[i]);
      if (!ok)
        {
          sqlite3_reset (stmt);
          return NULL;
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the database"));
      return NULL;
    }

  /* The lists in link tables come in one query per link, not one per
   * record. */
  if (info->links->len > 0 && records->len > 0)
    {
      by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint r = 0; r < records->len; r++)
        {
          char *id = NULL;

          g_object_get (records->pdata[r], "id", &id, NULL);
          g_hash_table_insert (by_id, id, records->pdata[r]);
        }
      for (guint i = 0; i < info->links->len; i++)
        if (!load_links (self, info, info->links->pdata[i], where, arg, by_id, error))
          return NULL;
    }

  g_list_store_splice (store, 0, 0, records->pdata, records->len);
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * pd_store_get:
 * @record_type: the record's type, such as %PD_TYPE_ROUND
 * @id: its identifier
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with
 *   %PD_STORE_ERROR_NOT_FOUND when there is none with that id
 */
gpointer
pd_store_get (PdStore     *self,
              GType        record_type,
              const char  *id,
              GError     **error)
{
  g_autoptr(GListModel) found = NULL;
  g_autofree char *table = NULL;

  g_return_val_if_fail (PD_IS_STORE (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  found = query_records (self, record_type, "id = ?", id, NULL, error);
  if (found == NULL)
    return NULL;

  if (g_list_model_get_n_items (found) == 0)
    {
      table = table_for_type (record_type);
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND,
                   _("There is no %s with the identifier “%s”"), table, id);
      return NULL;
    }

  return g_list_model_get_item (found, 0);
}

GListModel *
pd_store_list_seasons (PdStore  *self,
                       GError  **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_SEASON, NULL, NULL, "year DESC, name", error);
}

/**
 * pd_store_list_rounds:
 *
 * Returns: (transfer full): the season's rounds by date, championship
 *   and non-championship events alike
 */
GListModel *
pd_store_list_rounds (PdStore     *self,
                      const char  *season_id,
                      GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_ROUND, "season_id = ?", season_id,
                        "start_date, number", error);
}

GListModel *
pd_store_list_sessions (PdStore     *self,
                        const char  *round_id,
                        GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_SESSION, "round_id = ?", round_id,
                        "position, start_date, start_utc", error);
}

GListModel *
pd_store_list_season_sessions (PdStore     *self,
                               const char  *season_id,
                               GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_SESSION,
                        "round_id IN (SELECT id FROM round WHERE season_id = ?)", season_id,
                        "start_date, start_utc, position", error);
}

GListModel *
pd_store_list_classes (PdStore     *self,
                       const char  *season_id,
                       GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_CLASS, "season_id = ?", season_id, "position, name", error);
}

GListModel *
pd_store_list_entries (PdStore     *self,
                       const char  *season_id,
                       GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  /* Numbers sort as numbers where they are numbers ("2" before "10"). */
  return query_records (self, PD_TYPE_ENTRY, "season_id = ?", season_id,
                        "number IS NULL, CAST (number AS INTEGER), number, id", error);
}

GListModel *
pd_store_list_results (PdStore     *self,
                       const char  *session_id,
                       GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_RESULT, "session_id = ?", session_id,
                        "position IS NULL, position, class_position IS NULL, class_position, id",
                        error);
}

/**
 * pd_store_list_season_results:
 *
 * Returns: (transfer full): every result of the season's sessions, in one
 *   query, for work over the whole season such as standings
 */
GListModel *
pd_store_list_season_results (PdStore     *self,
                              const char  *season_id,
                              GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_RESULT,
                        "session_id IN (SELECT session.id FROM session JOIN round ON session.round_id = round.id"
                        " WHERE round.season_id = ?)", season_id,
                        "session_id, position IS NULL, position, id", error);
}

GListModel *
pd_store_list_penalties (PdStore     *self,
                         const char  *result_id,
                         GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_PENALTY, "result_id = ?", result_id, "id", error);
}

/**
 * pd_store_list_edits:
 *
 * Returns: (transfer full): the session's kept edits, in order
 */
GListModel *
pd_store_list_edits (PdStore     *self,
                     const char  *session_id,
                     GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_EDIT, "session_id = ?", session_id, "seq", error);
}

/* Crews of one round: entry_crew rows with a round_id. */

/**
 * pd_store_list_round_crews:
 * @entry_id: an entry
 *
 * Returns: (transfer full) (nullable): round id → (array zero-terminated)
 *   driver ids, for each round where the car had a crew of its own; %NULL
 *   with @error set on failure
 */
GHashTable *
pd_store_list_round_crews (PdStore     *self,
                           const char  *entry_id,
                           GError     **error)
{
  g_autoptr(GHashTable) builders = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_strv_builder_unref);
  GHashTable *crews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  GHashTableIter iter;
  gpointer key, value;
  int rc;

  g_return_val_if_fail (PD_IS_STORE (self), NULL);
  g_return_val_if_fail (entry_id != NULL, NULL);

  stmt = get_statement (self, "SELECT round_id, driver_id FROM entry_crew"
                              " WHERE entry_id = ? AND round_id IS NOT NULL ORDER BY round_id, position", error);
  if (stmt == NULL)
    {
      g_hash_table_unref (crews);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, entry_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *round_id = (const char *) sqlite3_column_text (stmt, 0);
      GStrvBuilder *builder = g_hash_table_lookup (builders, round_id);

      if (builder == NULL)
        {
          builder = g_strv_builder_new ();
          g_hash_table_insert (builders, g_strdup (round_id), builder);
        }
      g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      g_hash_table_unref (crews);
      set_sqlite_error (error, self->db, rc, _("Could not read the database"));
      return NULL;
    }

  g_hash_table_iter_init (&iter, builders);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (crews, g_strdup (key), g_strv_builder_end (value));
  return crews;
}

/**
 * pd_store_set_round_crew:
 * @driver_ids: (nullable) (array zero-terminated): the crew of that round,
 *   in driving order; %NULL or empty: the round has the car's usual crew
 *
 * Call it within a transaction.
 */
gboolean
pd_store_set_round_crew (PdStore             *self,
                         const char          *entry_id,
                         const char          *round_id,
                         const char * const  *driver_ids,
                         GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_STORE (self), FALSE);
  g_return_val_if_fail (entry_id != NULL && round_id != NULL, FALSE);

  stmt = get_statement (self, "DELETE FROM entry_crew WHERE entry_id = ? AND round_id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, entry_id, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, round_id, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not save a record"));

  for (guint i = 0; driver_ids != NULL && driver_ids[i] != NULL; i++)
    {
      stmt = get_statement (self, "INSERT INTO entry_crew (entry_id, round_id, position, driver_id)"
                                  " VALUES (?, ?, ?, ?)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, entry_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 2, round_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 3, i + 1);
      sqlite3_bind_text (stmt, 4, driver_ids[i], -1, SQLITE_TRANSIENT);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, rc, _("Could not save a record"));
    }
  return TRUE;
}

/**
 * pd_store_find:
 *
 * Like pd_store_get(), but a record that is not there is no error.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL when there is
 *   none of that id (@error unset) or it cannot be read (@error set)
 */
gpointer
pd_store_find (PdStore     *self,
               GType        record_type,
               const char  *id,
               GError     **error)
{
  GError *local_error = NULL;
  gpointer record = pd_store_get (self, record_type, id, &local_error);

  if (record == NULL && !g_error_matches (local_error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  g_clear_error (&local_error);
  return record;
}
