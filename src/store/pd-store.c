#define G_LOG_DOMAIN "paddock-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>

#include "pd-store.h"
#include "pd-store-private.h"
#include "pd-store-internal.h"

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
  /* In a transaction of pd_store_transaction() or a bulk one: the ids
   * check_list_ids() found. They stay there until it ends: a driver named
   * by a result cannot be deleted, and the set is emptied when a record
   * is deleted or a nested transaction is rolled back. */
  GHashTable *known_ids;
};

G_DEFINE_FINAL_TYPE (PdStore, pd_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (pd-store-error-quark, pd_store_error)

typedef struct {
  const char *table;
  const char *property;
  const char *link_table;
  const char *owner_column;
  const char *extra_where;
  /* A column of the owner's own row that holds the same list, its ids
   * joined by U+001F, written with the row: a season's results are read
   * with their drivers without a walk over the link table (schema 8). */
  const char *list_column;
  /* The table the ids of a list kept only in its owner's row name. */
  const char *target_table;
} Link;

static const Link links[] = {
  { "entry", "crew-ids", "entry_crew", "entry_id", " AND round_id IS NULL", NULL, NULL },
  /* Since schema 9 a result's drivers are only in its row. */
  { "result", "driver-ids", NULL, NULL, NULL, "driver_list", "driver" },
};

#define LIST_SEPARATOR "\x1f"

/* What the row mapper needs of a record type, worked out once. */
typedef struct {
  GTypeClass  *klass;        /* keeps the pspecs alive */
  char        *table;
  GPtrArray   *columns;      /* GParamSpec, in column order */
  const char **names;        /* property names, for g_object_new_with_properties() */
  char        *insert_sql;   /* an upsert */
  char        *plain_insert_sql;
  char        *select_sql;   /* "SELECT t.a, t.b … FROM t" */
  GPtrArray   *links;        /* const Link */
  int          list_link;    /* the link with a list column, or -1 */
  GEnumClass **enum_classes; /* per column, for enum columns */
  /* The statements of pd_store_save(), prepared on first use: the upsert,
   * and for each link the statements that delete and insert its rows. */
  sqlite3_stmt  *insert_stmt;
  sqlite3_stmt  *plain_insert_stmt;
  sqlite3_stmt **link_delete_stmts;
  sqlite3_stmt **link_insert_stmts;
  /* Per column, where a row struct of pd-store.h holds its value (-1:
   * it has none), worked out on the first row saved. */
  gssize        *row_offsets;
} TypeInfo;

/* The fields of the row structs that pd_store_save_*_row() write, by
 * property. */
typedef struct {
  const char *property;
  gssize      offset;
} RowField;

static const RowField entry_row_fields[] = {
  { "id", G_STRUCT_OFFSET (PdStoreEntryRow, id) },
  { "season-id", G_STRUCT_OFFSET (PdStoreEntryRow, season_id) },
  { "number", G_STRUCT_OFFSET (PdStoreEntryRow, number) },
  { "team-id", G_STRUCT_OFFSET (PdStoreEntryRow, team_id) },
  { "class-id", G_STRUCT_OFFSET (PdStoreEntryRow, class_id) },
  { "car-model", G_STRUCT_OFFSET (PdStoreEntryRow, car_model) },
};

static const RowField result_row_fields[] = {
  { "id", G_STRUCT_OFFSET (PdStoreResultRow, id) },
  { "session-id", G_STRUCT_OFFSET (PdStoreResultRow, session_id) },
  { "entry-id", G_STRUCT_OFFSET (PdStoreResultRow, entry_id) },
  { "status", G_STRUCT_OFFSET (PdStoreResultRow, status) },
  { "laps", G_STRUCT_OFFSET (PdStoreResultRow, laps) },
  { "total-time-ms", G_STRUCT_OFFSET (PdStoreResultRow, total_time_ms) },
  { "best-lap-ms", G_STRUCT_OFFSET (PdStoreResultRow, best_lap_ms) },
  { "grid", G_STRUCT_OFFSET (PdStoreResultRow, grid) },
  { "position", G_STRUCT_OFFSET (PdStoreResultRow, position) },
  { "class-position", G_STRUCT_OFFSET (PdStoreResultRow, class_position) },
  { "road-position", G_STRUCT_OFFSET (PdStoreResultRow, road_position) },
  { "note", G_STRUCT_OFFSET (PdStoreResultRow, note) },
  { "car-number", G_STRUCT_OFFSET (PdStoreResultRow, car_number) },
  { "fastest-lap", G_STRUCT_OFFSET (PdStoreResultRow, fastest_lap) },
};

static void
type_info_free (gpointer data)
{
  TypeInfo *info = data;

  sqlite3_finalize (info->insert_stmt);
  sqlite3_finalize (info->plain_insert_stmt);
  for (guint i = 0; i < info->links->len; i++)
    {
      sqlite3_finalize (info->link_delete_stmts[i]);
      sqlite3_finalize (info->link_insert_stmts[i]);
    }
  g_free (info->link_delete_stmts);
  g_free (info->link_insert_stmts);
  g_free (info->row_offsets);
  for (guint i = 0; i < info->columns->len; i++)
    if (info->enum_classes[i] != NULL)
      g_type_class_unref (info->enum_classes[i]);
  g_free (info->enum_classes);
  g_free (info->table);
  g_ptr_array_unref (info->columns);
  g_free (info->names);
  g_free (info->insert_sql);
  g_free (info->plain_insert_sql);
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

  info->list_link = -1;
  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    if (g_str_equal (links[i].table, info->table))
      {
        if (links[i].list_column != NULL)
          info->list_link = (int) info->links->len;
        g_ptr_array_add (info->links, (gpointer) &links[i]);
      }

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
  if (info->list_link >= 0)
    {
      const Link *link = info->links->pdata[info->list_link];

      g_string_append_printf (insert, ", %s", link->list_column);
      /* A list kept only in the row is read with it, after the columns. */
      if (link->link_table == NULL)
        g_string_append_printf (select, ", %s.%s", info->table, link->list_column);
    }
  g_string_append (insert, ") VALUES (");
  for (guint i = 0; i < info->columns->len; i++)
    g_string_append (insert, i > 0 ? ", ?" : "?");
  if (info->list_link >= 0)
    g_string_append (insert, ", ?");
  g_string_append (insert, ")");
  info->plain_insert_sql = g_strdup (insert->str);
  g_string_append (insert, " ON CONFLICT (id) DO UPDATE SET ");
  for (guint i = 0, n = 0; i < info->columns->len; i++)
    {
      g_autofree char *col = column_for_property (((GParamSpec *) info->columns->pdata[i])->name);

      if (g_str_equal (col, "id"))
        continue;
      g_string_append_printf (insert, "%s%s = excluded.%s", n++ > 0 ? ", " : "", col, col);
    }
  if (info->list_link >= 0)
    {
      const char *col = ((const Link *) info->links->pdata[info->list_link])->list_column;
      g_string_append_printf (insert, ", %s = excluded.%s", col, col);
    }
  g_string_append_printf (select, " FROM %s", info->table);
  info->insert_sql = g_string_free (g_steal_pointer (&insert), FALSE);
  info->select_sql = g_string_free (g_steal_pointer (&select), FALSE);

  info->link_delete_stmts = g_new0 (sqlite3_stmt *, info->links->len);
  info->link_insert_stmts = g_new0 (sqlite3_stmt *, info->links->len);

  info->enum_classes = g_new0 (GEnumClass *, info->columns->len);
  for (guint i = 0; i < info->columns->len; i++)
    {
      GParamSpec *pspec = info->columns->pdata[i];

      if (G_TYPE_IS_ENUM (pspec->value_type))
        info->enum_classes[i] = g_type_class_ref (pspec->value_type);
    }

  g_hash_table_insert (self->types, GSIZE_TO_POINTER (type), info);
  return info;
}

static sqlite3_stmt *get_statement (PdStore *self, const char *sql, GError **error);

/* For the other parts of the store (pd-store-feeds.c). */
sqlite3_stmt *
pd_store_statement (PdStore     *self,
                    const char  *sql,
                    GError     **error)
{
  return get_statement (self, sql, error);
}

gboolean
pd_store_set_error (PdStore     *self,
                    int          rc,
                    const char  *what,
                    GError     **error)
{
  return set_sqlite_error (error, self->db, rc, what);
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

/* Binding values. "Not set" is stored as NULL: an empty string, or a
 * number equal to its property's default (-1 for "not known", ...). */

static void
bind_string (sqlite3_stmt *stmt,
             int           index,
             const char   *s)
{
  if (s == NULL || *s == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, s, -1, SQLITE_STATIC);
}

static void
bind_int64 (sqlite3_stmt *stmt,
            int           index,
            gint64        v,
            gint64        unset)
{
  if (v == unset)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_int64 (stmt, index, v);
}

static void
bind_enum (sqlite3_stmt *stmt,
           int           index,
           GEnumClass   *enum_class,
           int           v)
{
  GEnumValue *ev = g_enum_get_value (enum_class, v);

  sqlite3_bind_text (stmt, index, ev->value_nick, -1, SQLITE_STATIC);
}

static void
bind_value (sqlite3_stmt *stmt,
            int           index,
            GParamSpec   *pspec,
            GEnumClass   *enum_class,
            const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    bind_string (stmt, index, g_value_get_string (value));
  else if (type == G_TYPE_INT)
    bind_int64 (stmt, index, g_value_get_int (value), G_PARAM_SPEC_INT (pspec)->default_value);
  else if (type == G_TYPE_INT64)
    bind_int64 (stmt, index, g_value_get_int64 (value), G_PARAM_SPEC_INT64 (pspec)->default_value);
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, g_value_get_boolean (value) ? 1 : 0);
  else if (type == G_TYPE_DOUBLE)
    sqlite3_bind_double (stmt, index, g_value_get_double (value));
  else if (G_TYPE_IS_ENUM (type))
    bind_enum (stmt, index, enum_class, g_value_get_enum (value));
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

/* Binds the field of a row struct (PdStoreResultRow, ...) that holds
 * @pspec's value: the same column value as bind_value() gives for a
 * record with that value. */
static void
bind_field (sqlite3_stmt  *stmt,
            int            index,
            GParamSpec    *pspec,
            GEnumClass    *enum_class,
            gconstpointer  field)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    bind_string (stmt, index, *(const char * const *) field);
  else if (type == G_TYPE_INT)
    bind_int64 (stmt, index, *(const int *) field, G_PARAM_SPEC_INT (pspec)->default_value);
  else if (type == G_TYPE_INT64)
    bind_int64 (stmt, index, *(const gint64 *) field, G_PARAM_SPEC_INT64 (pspec)->default_value);
  else if (type == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, index, *(const gboolean *) field ? 1 : 0);
  else if (G_TYPE_IS_ENUM (type))
    bind_enum (stmt, index, enum_class, *(const int *) field);
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
  g_clear_pointer (&self->known_ids, g_hash_table_unref);
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

/* SQLite's quick_check: every page, every cell and every record, and
 * the free list. */
static gboolean
quick_check (sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA quick_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  ok = rc == SQLITE_ROW && g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  sqlite3_finalize (stmt);
  return ok;
}

/* A walk over the pages of a file that was closed cleanly, read as they
 * are on disk (see the SQLite file format): every b-tree from its root
 * (its page headers, that each cell lies within its page, the children of
 * interior pages), every overflow chain and the free list, and that every
 * page is used exactly once. Garbage over any page is found, as with
 * quick_check, at a fraction of its cost: quick_check also decodes every
 * record, and is kept for files that were not closed cleanly. */
typedef struct {
  const guint8 *data;
  gsize         page_size;
  gsize         usable;
  guint32       n_pages;
  guint8       *seen;
} PageWalk;

static inline guint32
get2 (const guint8 *p)
{
  return ((guint32) p[0] << 8) | p[1];
}

static inline guint32
get4 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static inline gboolean
get_varint (const guint8 *p,
            const guint8 *end,
            guint64      *value,
            guint        *length)
{
  guint64 x = 0;

  /* Most are one byte long. */
  if (p < end && p[0] < 0x80)
    {
      *value = p[0];
      *length = 1;
      return TRUE;
    }

  for (guint i = 0; i < 9; i++)
    {
      if (p + i >= end)
        return FALSE;
      if (i == 8)
        {
          *value = (x << 8) | p[i];
          *length = 9;
          return TRUE;
        }
      x = (x << 7) | (p[i] & 0x7f);
      if ((p[i] & 0x80) == 0)
        {
          *value = x;
          *length = i + 1;
          return TRUE;
        }
    }
  return FALSE;
}

static gboolean
mark_page (PageWalk *walk,
           guint32   pgno)
{
  if (pgno < 1 || pgno > walk->n_pages || walk->seen[pgno])
    return FALSE;
  walk->seen[pgno] = 1;
  return TRUE;
}

static const guint8 *
page_data (PageWalk *walk,
           guint32   pgno)
{
  return walk->data + (gsize) (pgno - 1) * walk->page_size;
}

static gboolean
walk_overflow (PageWalk *walk,
               guint32   pgno,
               guint64   remaining)
{
  while (remaining > 0)
    {
      if (!mark_page (walk, pgno))
        return FALSE;
      remaining -= MIN (remaining, walk->usable - 4);
      pgno = get4 (page_data (walk, pgno));
    }
  /* The last page of a chain points nowhere. */
  return pgno == 0;
}

/* Checks a record's header (see the file format): the sizes of its
 * values add up to its payload. Only a header kept whole on the page is
 * looked at. */
static gboolean
check_record (const guint8 *record,
              guint64       local,
              guint64       payload)
{
  static const guint8 sizes[] = { 0, 1, 2, 3, 4, 6, 8, 8, 0, 0 };
  guint64 header_size, total;
  guint length;
  const guint8 *p, *header_end;

  if (!get_varint (record, record + local, &header_size, &length))
    return local < payload;
  if (header_size > local)
    return header_size <= payload;
  total = header_size;
  header_end = record + header_size;
  for (p = record + length; p < header_end; p += length)
    {
      guint64 serial_type;

      if (*p < 0x80)
        {
          serial_type = *p;
          length = 1;
        }
      else if (!get_varint (p, header_end, &serial_type, &length))
        return FALSE;
      if (serial_type >= 12)
        total += (serial_type - 12) / 2;
      else if (serial_type == 10 || serial_type == 11)
        return FALSE;
      else
        total += sizes[serial_type];
    }
  return total == payload;
}

static int
compare_extents (gconstpointer a,
                 gconstpointer b)
{
  guint64 x = *(const guint64 *) a;
  guint64 y = *(const guint64 *) b;

  return (x > y) - (x < y);
}

/* Cells are mostly stored from the end of the page in the order of
 * their pointers, so the extents mostly come sorted, or reversed. */
static void
sort_extents (guint64 *extents,
              guint    n)
{
  gboolean ascending = TRUE, descending = TRUE;

  for (guint i = 1; i < n && (ascending || descending); i++)
    {
      ascending &= extents[i - 1] <= extents[i];
      descending &= extents[i - 1] >= extents[i];
    }
  if (ascending)
    return;
  if (descending)
    {
      for (guint i = 0; i < n / 2; i++)
        {
          guint64 tmp = extents[i];

          extents[i] = extents[n - 1 - i];
          extents[n - 1 - i] = tmp;
        }
      return;
    }
  qsort (extents, n, sizeof extents[0], compare_extents);
}

typedef struct {
  gint64   low;          /* keys of a table b-tree page lie in (low, high] */
  gint64   high;
  gboolean has_low;
  gboolean has_high;
} KeyRange;

/* @kind: 5 for a page of a table b-tree, 2 for an index, 0 for a root.
 * @leaf_depth: the depth of the b-tree's leaves, -1 until one is seen. */
static gboolean
walk_btree (PageWalk       *walk,
            guint32         pgno,
            guint8          kind,
            int             depth,
            int            *leaf_depth,
            const KeyRange *range)
{
  const guint8 *data, *end;
  gsize hdr, header_size, cells_end, free_bytes = 0, covered;
  guint32 n_cells, content, freeblock, previous_free = 0;
  guint n_extents = 0;
  g_autofree guint64 *extents = NULL;   /* start << 32 | end, of cells and free blocks */
  g_autofree guint32 *children = NULL;
  g_autofree gint64 *keys = NULL;
  guint8 type;
  gboolean leaf, table;

  if (depth > 40 || !mark_page (walk, pgno))
    return FALSE;

  data = page_data (walk, pgno);
  end = data + walk->usable;
  hdr = pgno == 1 ? 100 : 0;
  type = data[hdr];
  if (type != 2 && type != 5 && type != 10 && type != 13)
    return FALSE;
  leaf = type == 10 || type == 13;
  table = type == 5 || type == 13;
  if (kind != 0 && (kind == 5) != table)
    return FALSE;
  if (leaf)
    {
      if (*leaf_depth >= 0 && *leaf_depth != depth)
        return FALSE;
      *leaf_depth = depth;
    }

  header_size = leaf ? 8 : 12;
  n_cells = get2 (data + hdr + 3);
  content = get2 (data + hdr + 5);
  if (content == 0)
    content = 65536;
  cells_end = hdr + header_size + 2 * (gsize) n_cells;
  if (cells_end > content || content > walk->usable)
    return FALSE;

  /* Every cell takes at least 4 bytes, and so does every free block. */
  extents = g_new (guint64, (walk->usable - content) / 4 + 1);
  children = g_new (guint32, n_cells + 1);
  keys = g_new (gint64, n_cells + 1);

  for (guint32 i = 0; i < n_cells; i++)
    {
      guint32 offset = get2 (data + hdr + header_size + 2 * i);
      const guint8 *cell = data + offset;
      guint64 payload = 0, local = 0, max_local, min_local;
      guint64 key = 0;
      guint length;
      gsize size;

      if (offset < content || offset >= walk->usable)
        return FALSE;
      if (!leaf)
        {
          if (cell + 4 > end)
            return FALSE;
          children[i] = get4 (cell);
          cell += 4;
        }
      if (type != 5)
        {
          if (!get_varint (cell, end, &payload, &length))
            return FALSE;
          cell += length;
        }
      if (table)
        {
          /* Rowids rise along the b-tree. */
          if (!get_varint (cell, end, &key, &length))
            return FALSE;
          cell += length;
          if ((i > 0 && (gint64) key <= keys[i - 1]) ||
              (range->has_low && (gint64) key <= range->low) ||
              (range->has_high && (gint64) key > range->high))
            return FALSE;
          keys[i] = key;
        }

      /* How much of the payload is kept on the page, the rest going to
       * a chain of overflow pages. */
      if (type != 5)
        {
          max_local = table ? walk->usable - 35 : (walk->usable - 12) * 64 / 255 - 23;
          min_local = (walk->usable - 12) * 32 / 255 - 23;
          if (payload <= max_local)
            local = payload;
          else
            {
              local = min_local + (payload - min_local) % (walk->usable - 4);
              if (local > max_local)
                local = min_local;
            }
          if (local > (guint64) (end - cell) || !check_record (cell, local, payload))
            return FALSE;
          if (local < payload &&
              (cell + local + 4 > end || !walk_overflow (walk, get4 (cell + local), payload - local)))
            return FALSE;
        }

      size = MAX ((gsize) (cell - (data + offset)) + local + (local < payload ? 4 : 0), 4);
      if (offset + size > walk->usable)
        return FALSE;
      extents[n_extents++] = ((guint64) offset << 32) | (offset + size);
    }

  /* Free blocks, in rising order, and the fragments between them: with
   * the cells, they account for every byte of the content area, each
   * byte once. */
  for (freeblock = get2 (data + hdr + 1); freeblock != 0; freeblock = get2 (data + freeblock))
    {
      guint32 size;

      if (freeblock < content || freeblock <= previous_free || freeblock + 4 > walk->usable ||
          n_extents == (walk->usable - content) / 4 + 1)
        return FALSE;
      size = get2 (data + freeblock + 2);
      if (size < 4 || freeblock + size > walk->usable)
        return FALSE;
      extents[n_extents++] = ((guint64) freeblock << 32) | (freeblock + size);
      previous_free = freeblock;
    }
  sort_extents (extents, n_extents);
  covered = content;
  for (guint i = 0; i < n_extents; i++)
    {
      gsize from = extents[i] >> 32, to = extents[i] & 0xffffffff;

      if (from < covered)
        return FALSE;
      free_bytes += from - covered;
      covered = to;
    }
  free_bytes += walk->usable - covered;
  if (free_bytes != data[hdr + 7])
    return FALSE;

  if (!leaf)
    {
      KeyRange child_range = *range;

      for (guint32 i = 0; i <= n_cells; i++)
        {
          guint32 child = i < n_cells ? children[i] : get4 (data + hdr + 8);

          if (table)
            {
              child_range.has_low = i > 0 || range->has_low;
              child_range.low = i > 0 ? keys[i - 1] : range->low;
              child_range.has_high = i < n_cells || range->has_high;
              child_range.high = i < n_cells ? keys[i] : range->high;
            }
          if (!walk_btree (walk, child, table ? 5 : 2, depth + 1, leaf_depth, &child_range))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
walk_root (PageWalk *walk,
           guint32   pgno)
{
  KeyRange range = { 0, 0, FALSE, FALSE };
  int leaf_depth = -1;

  return walk_btree (walk, pgno, 0, 0, &leaf_depth, &range);
}

static gboolean
walk_pages (sqlite3    *db,
            const char *path)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autofree guint8 *seen = NULL;
  sqlite3_stmt *stmt = NULL;
  const guint8 *header;
  PageWalk walk;
  gsize size;
  guint32 trunk, n_free = 0;
  gboolean ok = TRUE;
  int rc;

  file = g_mapped_file_new (path, FALSE, NULL);
  if (file == NULL)
    return FALSE;
  header = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 100)
    return FALSE;

  walk.data = header;
  walk.page_size = get2 (header + 16) == 1 ? 65536 : get2 (header + 16);
  if (walk.page_size < 512 || (walk.page_size & (walk.page_size - 1)) != 0 ||
      size % walk.page_size != 0 || header[20] > walk.page_size - 480)
    return FALSE;
  walk.usable = walk.page_size - header[20];
  walk.n_pages = size / walk.page_size;

  /* Auto-vacuum adds pages of its own, which Paddock never turns on: such
   * a file gets the full check. */
  if (get4 (header + 52) != 0)
    return quick_check (db);

  seen = g_malloc0 (walk.n_pages + 1);
  walk.seen = seen;

  /* The schema first, then every table and index it lists. */
  if (!walk_root (&walk, 1))
    return FALSE;
  rc = sqlite3_prepare_v2 (db, "SELECT rootpage FROM sqlite_schema WHERE rootpage > 0",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return FALSE;
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    ok = walk_root (&walk, sqlite3_column_int64 (stmt, 0));
  sqlite3_finalize (stmt);
  if (!ok || rc != SQLITE_DONE)
    return FALSE;

  /* The free list: trunk pages, each listing leaf pages. */
  for (trunk = get4 (header + 32); trunk != 0; trunk = get4 (page_data (&walk, trunk)))
    {
      const guint8 *data;
      guint32 n_leaves;

      if (!mark_page (&walk, trunk))
        return FALSE;
      data = page_data (&walk, trunk);
      n_leaves = get4 (data + 4);
      if (n_leaves > walk.usable / 4 - 2)
        return FALSE;
      for (guint32 i = 0; i < n_leaves; i++)
        if (!mark_page (&walk, get4 (data + 8 + 4 * i)))
          return FALSE;
      n_free += 1 + n_leaves;
    }
  if (n_free != get4 (header + 36))
    return FALSE;

  for (guint32 pgno = 1; pgno <= walk.n_pages; pgno++)
    if (!seen[pgno])
      return FALSE;

  return TRUE;
}

/* A file checked whole once is not walked again while it stays as it was:
 * a stamp of what stat() says of it (device, inode, size, modification
 * and change times, in nanoseconds) is kept in the user's cache after a
 * walk, and the next open that finds the same stamp skips the walk. Any
 * write to the file, by Paddock or anything else, moves its change time,
 * which no program can set back. The kernel's clock for these times is
 * coarse, so a stamp is only written once the last change is older than
 * a second: a write within the same tick as the walk could otherwise
 * leave the times as they were. */
static char *
check_stamp_path (const char *absolute)
{
  g_autofree char *name = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);

  return g_build_filename (g_get_user_cache_dir (), "paddock", "checked", name, NULL);
}

static char *
check_stamp_for (const char *absolute,
                 gboolean    only_settled)
{
  GStatBuf st;

  if (g_stat (absolute, &st) != 0)
    return NULL;
  if (only_settled &&
      g_get_real_time () - ((gint64) st.st_ctim.tv_sec * G_USEC_PER_SEC + st.st_ctim.tv_nsec / 1000) <
      G_USEC_PER_SEC)
    return NULL;
  return g_strdup_printf ("paddock-check 1\n%" G_GUINT64_FORMAT " %" G_GUINT64_FORMAT " %" G_GINT64_FORMAT
                          " %" G_GINT64_FORMAT ".%09ld %" G_GINT64_FORMAT ".%09ld\n",
                          (guint64) st.st_dev, (guint64) st.st_ino, (gint64) st.st_size,
                          (gint64) st.st_mtim.tv_sec, (long) st.st_mtim.tv_nsec,
                          (gint64) st.st_ctim.tv_sec, (long) st.st_ctim.tv_nsec);
}

static gboolean
check_stamp_matches (const char *absolute)
{
  g_autofree char *path = check_stamp_path (absolute);
  g_autofree char *kept = NULL;
  g_autofree char *now = NULL;

  if (!g_file_get_contents (path, &kept, NULL, NULL))
    return FALSE;
  now = check_stamp_for (absolute, FALSE);
  return now != NULL && g_str_equal (kept, now);
}

/* Best effort: without a stamp, the next open walks the file again. */
static void
check_stamp_write (const char *absolute)
{
  g_autofree char *path = check_stamp_path (absolute);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *stamp = check_stamp_for (absolute, TRUE);

  if (stamp == NULL)
    {
      g_unlink (path);
      return;
    }
  if (g_mkdir_with_parents (dir, 0700) == 0)
    g_file_set_contents (path, stamp, -1, NULL);
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
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int rc, app_id = 0, version = 0, n_objects = 0;
  gboolean ok = FALSE;
  gboolean has_wal = g_file_test (wal, G_FILE_TEST_EXISTS);
  gboolean stamped;
  g_autofree char *name = g_filename_display_name (path);

  *is_empty = FALSE;

  /* Without a write-ahead log beside it, the file is read as immutable:
   * SQLite then creates no -shm or -wal file, and so a refused file is
   * left with nothing new next to it either. (A URI needs an absolute
   * path.) */
  uri = g_filename_to_uri (absolute, NULL, NULL);
  if (uri != NULL && !has_wal)
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
   * the whole file before anything is written to it. A write-ahead log
   * left beside the file means it was not closed cleanly (or is open
   * elsewhere): that gets SQLite's full quick_check. A file that was
   * closed cleanly gets the cheaper walk over all its pages, unless it
   * is as it was when it was last walked (see check_stamp_path()). */
  stamped = !has_wal && check_stamp_matches (absolute);
  if (!stamped && (has_wal ? !quick_check (db) : !walk_pages (db, path)))
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be opened. It was left as it is; "
                     "restore it from a backup."),
                   name);
      goto out;
    }
  if (!has_wal && !stamped)
    check_stamp_write (absolute);

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
  static gsize configured = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  /* SQLite counts every allocation under a global mutex for
   * sqlite3_memory_used(), which nothing here asks for. Only possible
   * before SQLite starts in this process; otherwise it stays on. */
  if (g_once_init_enter (&configured))
    {
      sqlite3_config (SQLITE_CONFIG_MEMSTATUS, 0);
      g_once_init_leave (&configured, 1);
    }

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

  /* A new file gets pages of 16 KiB instead of SQLite's 4 KiB: a season
   * of history is thousands of rows, and larger pages make a quarter of
   * the pages, b-tree splits and log writes for them. It has to be set
   * before the first write, and before the switch to a write-ahead log. */
  if ((is_empty && !exec_sql (self->db, "PRAGMA page_size = 16384", _("Could not set up the database"), error)) ||
      !exec_sql (self->db, "PRAGMA foreign_keys = ON", _("Could not set up the database"), error) ||
      !exec_sql (self->db, "PRAGMA journal_mode = WAL", _("Could not set up the database"), error) ||
      !exec_sql (self->db, "PRAGMA synchronous = NORMAL", _("Could not set up the database"), error) ||
      !exec_sql (self->db, "PRAGMA mmap_size = 268435456", _("Could not set up the database"), error) ||
      !pd_store_transaction (self, migrate_cb, &data, error))
    {
      if (!existed)
        {
          /* Leave nothing behind for a database that could not be made. */
          g_autofree char *wal = g_strconcat (path, "-wal", NULL);
          g_autofree char *shm = g_strconcat (path, "-shm", NULL);

          g_hash_table_remove_all (self->statements);
          g_hash_table_remove_all (self->types);
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
  gboolean ok;

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
          if (self->known_ids != NULL)
            g_hash_table_remove_all (self->known_ids);
          return FALSE;
        }
      return exec_sql (self->db, "RELEASE nested", _("Could not save the change"), error);
    }

  if (!exec_sql (self->db, "BEGIN IMMEDIATE", _("Could not start a change"), error))
    return FALSE;
  self->known_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  ok = func (self, user_data, error);
  if (ok && !exec_sql (self->db, "COMMIT", _("Could not save the change"), error))
    ok = FALSE;
  if (!ok)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  g_clear_pointer (&self->known_ids, g_hash_table_unref);
  return ok;
}

/* A look-up's outcome: @broken when a reference points nowhere, @fine
 * when it is sound, anything else an error of SQLite's. */
static gboolean
foreign_key_verdict (PdStore     *self,
                     int          rc,
                     int          broken,
                     int          fine,
                     const char  *what,
                     GError     **error)
{
  if (rc == broken)
    {
      /* The words SQLite itself uses when a statement breaks a foreign key. */
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT, _("%s: %s"), what,
                   "FOREIGN KEY constraint failed");
      return FALSE;
    }
  if (rc != fine)
    return set_sqlite_error (error, self->db, rc, what);
  return TRUE;
}

/* Whether any row of the database names a parent that is not there. */
static gboolean
check_foreign_keys (PdStore  *self,
                    GError  **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  /* A row is a reference that points nowhere. */
  return foreign_key_verdict (self, rc, SQLITE_ROW, SQLITE_DONE, _("Could not save the change"), error);
}

/**
 * pd_store_bulk_transaction:
 * @func: the work to do
 *
 * Like pd_store_transaction(), for work that writes thousands of records,
 * such as an import. Foreign keys are checked once, over the whole
 * database, before the commit, instead of by every statement (a result's
 * drivers are still looked up, once each): a reference that points nowhere still
 * rolls the whole work back. (Nothing the work does may rely on a
 * foreign key's ON DELETE action: records are only inserted and
 * updated.)
 */
gboolean
pd_store_bulk_transaction (PdStore                 *self,
                           PdStoreTransactionFunc   func,
                           gpointer                 user_data,
                           GError                 **error)
{
  gboolean ok;

  g_return_val_if_fail (PD_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  /* PRAGMA foreign_keys does nothing inside a transaction. */
  g_return_val_if_fail (sqlite3_get_autocommit (self->db), FALSE);

  /* The page cache keeps its usual size: a larger one held every page
   * written until the commit, and the fresh memory for them cost more in
   * page faults than the pages it saved from being read again (3,600
   * faults instead of 5,300 for the Ergast history). */
  if (!exec_sql (self->db, "PRAGMA foreign_keys = OFF", _("Could not start a change"), error))
    return FALSE;

  ok = exec_sql (self->db, "BEGIN IMMEDIATE", _("Could not start a change"), error);
  if (ok)
    self->known_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (ok && (!func (self, user_data, error) || !check_foreign_keys (self, error)))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      ok = FALSE;
    }
  else if (ok && !exec_sql (self->db, "COMMIT", _("Could not save the change"), error))
    {
      sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      ok = FALSE;
    }

  g_clear_pointer (&self->known_ids, g_hash_table_unref);
  sqlite3_exec (self->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
  return ok;
}

/* Writing */

/* A statement of a record type's own, prepared on first use. */
static sqlite3_stmt *
type_statement (PdStore       *self,
                sqlite3_stmt **slot,
                const char    *sql,
                GError       **error)
{
  int rc;

  /* Each use binds every parameter of these anew (and run_save() clears
   * them after its step). */
  if (*slot != NULL)
    {
      sqlite3_reset (*slot);
      return *slot;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, slot, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (error, self->db, rc, _("Could not prepare a database query"));
      return NULL;
    }
  return *slot;
}

/* A list kept only in its owner's row (written with it): each id must
 * name a record of its table, as a foreign key would have it, checked
 * by a look-up before the row is written, not kept in an index of its
 * own. */
static gboolean
check_list_ids (PdStore             *self,
                TypeInfo            *info,
                const char * const  *values,
                GError             **error)
{
  const Link *link = info->links->pdata[info->list_link];
  sqlite3_stmt *stmt;
  int rc;

  for (guint v = 0; values != NULL && values[v] != NULL; v++)
    {
      if (self->known_ids != NULL && g_hash_table_contains (self->known_ids, values[v]))
        continue;
      if (info->link_insert_stmts[info->list_link] != NULL)
        stmt = type_statement (self, &info->link_insert_stmts[info->list_link], NULL, error);
      else
        {
          g_autofree char *check_sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?", link->target_table);

          stmt = type_statement (self, &info->link_insert_stmts[info->list_link], check_sql, error);
        }
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, values[v], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      /* No row: no record of that id. */
      if (!foreign_key_verdict (self, rc, SQLITE_DONE, SQLITE_ROW, _("Could not save a record"), error))
        return FALSE;
      if (self->known_ids != NULL)
        g_hash_table_add (self->known_ids, g_strdup (values[v]));
    }
  return TRUE;
}

/* Replaces the rows of a link for one record. A record that was just
 * inserted has none to delete: its link rows could only name it through
 * a foreign key to it. */
static gboolean
save_link (PdStore             *self,
           TypeInfo            *info,
           guint                i,
           const char          *owner_id,
           const char * const  *values,
           gboolean             inserted,
           GError             **error)
{
  const Link *link = info->links->pdata[i];
  sqlite3_stmt *stmt;
  int rc;

  /* A list kept only in the row was checked and written with it. */
  if (link->link_table == NULL)
    return TRUE;

  if (!inserted)
    {
      g_autofree char *delete_sql = g_strdup_printf ("DELETE FROM %s WHERE %s = ?%s",
                                                     link->link_table, link->owner_column,
                                                     link->extra_where);

      stmt = type_statement (self, &info->link_delete_stmts[i], delete_sql, error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, rc, _("Could not save a record"));
    }

  for (guint v = 0; values != NULL && values[v] != NULL; v++)
    {
      if (info->link_insert_stmts[i] != NULL)
        stmt = type_statement (self, &info->link_insert_stmts[i], NULL, error);
      else
        {
          g_autofree char *insert_sql = g_strdup_printf ("INSERT INTO %s (%s, position, driver_id)"
                                                         " VALUES (?, ?, ?)",
                                                         link->link_table, link->owner_column);

          stmt = type_statement (self, &info->link_insert_stmts[i], insert_sql, error);
        }
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_text (stmt, 1, owner_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (stmt, 2, v + 1);
      sqlite3_bind_text (stmt, 3, values[v], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (error, self->db, rc, _("Could not save a record"));
    }

  return TRUE;
}

/* Binds a record's values to the statement of its type's insert. */
typedef void (*BindFunc) (TypeInfo     *info,
                          sqlite3_stmt *stmt,
                          gconstpointer data);

/* Saves a record: inserts it, or updates it where it is stored already;
 * then replaces its rows in each link table with the list in
 * @link_values (one per link of @info). A plain insert is tried first: a
 * new record, as almost all an import writes, is saved faster so than by
 * the upsert, which only runs when the insert breaks a constraint (the id
 * is taken). A failed statement leaves nothing behind. */
static gboolean
run_save (PdStore             *self,
          TypeInfo            *info,
          BindFunc             bind,
          gconstpointer        data,
          const char          *id,
          const char * const **link_values,
          GError             **error)
{
  gboolean inserted = TRUE;
  g_autofree char *list = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (info->list_link >= 0 && ((const Link *) info->links->pdata[info->list_link])->link_table == NULL &&
      !check_list_ids (self, info, link_values[info->list_link], error))
    return FALSE;

  /* No drivers is an empty list, not NULL (a row written before the list). */
  if (info->list_link >= 0)
    list = link_values[info->list_link] != NULL ? g_strjoinv (LIST_SEPARATOR, (char **) link_values[info->list_link])
                                                : g_strdup ("");

  stmt = type_statement (self, &info->plain_insert_stmt, info->plain_insert_sql, error);
  if (stmt == NULL)
    return FALSE;
  bind (info, stmt, data);
  if (info->list_link >= 0)
    sqlite3_bind_text (stmt, (int) info->columns->len + 1, list, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  /* The id taken, or another constraint: the upsert decides, and gives
   * the error if there is one. */
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      inserted = FALSE;
      stmt = type_statement (self, &info->insert_stmt, info->insert_sql, error);
      if (stmt == NULL)
        return FALSE;
      bind (info, stmt, data);
      if (info->list_link >= 0)
        sqlite3_bind_text (stmt, (int) info->columns->len + 1, list, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
    }
  if (rc != SQLITE_DONE)
    {
      g_autofree char *what = g_strdup_printf (_("Could not save “%s”"), id);

      set_sqlite_error (error, self->db, rc, what);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  /* Text is bound without a copy: nothing may keep it. */
  sqlite3_clear_bindings (stmt);

  for (guint i = 0; i < info->links->len; i++)
    if (!save_link (self, info, i, id, link_values[i], inserted, error))
      return FALSE;

  return TRUE;
}

static gboolean
check_id (TypeInfo    *info,
          const char  *id,
          GError     **error)
{
  if (id == NULL || *id == '\0')
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CONSTRAINT,
                   _("A record of type “%s” has no identifier"), info->table);
      return FALSE;
    }
  return TRUE;
}

static void
bind_values (TypeInfo      *info,
             sqlite3_stmt  *stmt,
             gconstpointer  data)
{
  const GValue *values = data;

  for (guint i = 0; i < info->columns->len; i++)
    bind_value (stmt, i + 1, info->columns->pdata[i], info->enum_classes[i], &values[i]);
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
  g_autofree GValue *values = NULL;
  g_autofree GStrv *link_values = NULL;
  gboolean ok;

  g_return_val_if_fail (PD_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (record), FALSE);

  info = get_type_info (self, G_OBJECT_TYPE (record));
  g_object_get (record, "id", &id, NULL);
  if (!check_id (info, id, error))
    return FALSE;

  /* The values stay set until the statement has run: text is bound
   * without a copy. */
  values = g_new0 (GValue, info->columns->len);
  for (guint i = 0; i < info->columns->len; i++)
    {
      GParamSpec *pspec = info->columns->pdata[i];

      g_value_init (&values[i], pspec->value_type);
      g_object_get_property (record, pspec->name, &values[i]);
    }
  link_values = g_new0 (GStrv, info->links->len + 1);
  for (guint i = 0; i < info->links->len; i++)
    g_object_get (record, ((const Link *) info->links->pdata[i])->property, &link_values[i], NULL);

  ok = run_save (self, info, bind_values, values, id, (const char * const **) link_values, error);

  for (guint i = 0; i < info->columns->len; i++)
    g_value_unset (&values[i]);
  for (guint i = 0; i < info->links->len; i++)
    g_strfreev (link_values[i]);
  return ok;
}

/* pd_store_save() of a record given as a row struct: the fields of
 * @fields bound straight from @row, with no GObject in between. Columns
 * that the struct lacks get their property's default. */
/* Binds the fields of a row struct; columns it has no field for get their
 * property's default. */
static void
bind_row (TypeInfo      *info,
          sqlite3_stmt  *stmt,
          gconstpointer  row)
{
  for (guint i = 0; i < info->columns->len; i++)
    {
      GParamSpec *pspec = info->columns->pdata[i];

      if (info->row_offsets[i] >= 0)
        bind_field (stmt, i + 1, pspec, info->enum_classes[i], (const guint8 *) row + info->row_offsets[i]);
      else
        {
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, pspec->value_type);
          g_param_value_set_default (pspec, &value);
          bind_value (stmt, i + 1, pspec, info->enum_classes[i], &value);
          /* Text would be bound without a copy. */
          g_assert (!G_VALUE_HOLDS_STRING (&value) || g_value_get_string (&value) == NULL);
        }
    }
}

static gboolean
save_row (PdStore             *self,
          GType                type,
          const RowField      *fields,
          gsize                n_fields,
          gconstpointer        row,
          const char          *id,
          const char * const  *link_values,
          GError             **error)
{
  TypeInfo *info = get_type_info (self, type);

  /* A row type has its one list, in its one link table. */
  g_assert (info->links->len == 1);

  if (!check_id (info, id, error))
    return FALSE;

  if (info->row_offsets == NULL)
    {
      info->row_offsets = g_new (gssize, info->columns->len);
      for (guint i = 0; i < info->columns->len; i++)
        {
          GParamSpec *pspec = info->columns->pdata[i];

          info->row_offsets[i] = -1;
          for (gsize f = 0; f < n_fields; f++)
            if (g_str_equal (fields[f].property, pspec->name))
              info->row_offsets[i] = fields[f].offset;
        }
    }

  return run_save (self, info, bind_row, row, id, &link_values, error);
}

/**
 * pd_store_save_entry_row:
 * @row: an entry, with its season, and its crew
 *
 * Like pd_store_save() of a #PdEntry with the values of @row, without
 * making one: for imports that write thousands.
 */
gboolean
pd_store_save_entry_row (PdStore                *self,
                         const PdStoreEntryRow  *row,
                         GError                **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  return save_row (self, PD_TYPE_ENTRY, entry_row_fields, G_N_ELEMENTS (entry_row_fields),
                   row, row->id, row->crew_ids, error);
}

/**
 * pd_store_save_result_row:
 * @row: a result, with its drivers
 *
 * Like pd_store_save() of a #PdResult with the values of @row, without
 * making one: for imports that write thousands.
 */
gboolean
pd_store_save_result_row (PdStore                 *self,
                          const PdStoreResultRow  *row,
                          GError                 **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), FALSE);
  g_return_val_if_fail (row != NULL, FALSE);

  return save_row (self, PD_TYPE_RESULT, result_row_fields, G_N_ELEMENTS (result_row_fields),
                   row, row->id, row->driver_ids, error);
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

  /* What was found to be there is no longer sure. */
  if (self->known_ids != NULL)
    g_hash_table_remove_all (self->known_ids);

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
  gboolean link_tables = FALSE;
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
        {
          GObject *record = g_object_new_with_properties (type, info->columns->len, info->names, values);

          if (info->list_link >= 0 && ((const Link *) info->links->pdata[info->list_link])->link_table == NULL)
            {
              const char *list = (const char *) sqlite3_column_text (stmt, (int) info->columns->len);
              g_auto(GStrv) ids = list != NULL && *list != '\0' ? g_strsplit (list, LIST_SEPARATOR, -1)
                                                                 : g_new0 (char *, 1);

              g_object_set (record, ((const Link *) info->links->pdata[info->list_link])->property, ids, NULL);
            }
          g_ptr_array_add (records, record);
        }
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
  for (guint i = 0; i < info->links->len; i++)
    link_tables |= ((const Link *) info->links->pdata[i])->link_table != NULL;
  if (link_tables && records->len > 0)
    {
      by_id = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint r = 0; r < records->len; r++)
        {
          char *id = NULL;

          g_object_get (records->pdata[r], "id", &id, NULL);
          g_hash_table_insert (by_id, id, records->pdata[r]);
        }
      for (guint i = 0; i < info->links->len; i++)
        if (((const Link *) info->links->pdata[i])->link_table != NULL &&
            !load_links (self, info, info->links->pdata[i], where, arg, by_id, error))
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

/**
 * pd_store_list_sessions_with_results:
 *
 * Returns: (transfer full) (element-type utf8 utf8): the set of the ids of
 *   the season's sessions that hold at least one result; a look-up in the
 *   index of results by session each, not the results themselves
 */
GHashTable *
pd_store_list_sessions_with_results (PdStore     *self,
                                     const char  *season_id,
                                     GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PD_IS_STORE (self), NULL);
  g_return_val_if_fail (season_id != NULL, NULL);

  stmt = get_statement (self, "SELECT session.id FROM round JOIN session ON session.round_id = round.id"
                              " WHERE round.season_id = ?"
                              " AND EXISTS (SELECT 1 FROM result WHERE result.session_id = session.id)", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, season_id, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (error, self->db, rc, _("Could not read the database"));
      return NULL;
    }
  return g_steal_pointer (&ids);
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
 * pd_store_list_season_penalties:
 *
 * Returns: (transfer full): every penalty on the season's results, in one
 *   query, by result and then by id
 */
GListModel *
pd_store_list_season_penalties (PdStore     *self,
                                const char  *season_id,
                                GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_PENALTY,
                        "result_id IN (SELECT result.id FROM result"
                        " JOIN session ON result.session_id = session.id"
                        " JOIN round ON session.round_id = round.id WHERE round.season_id = ?)", season_id,
                        "result_id, id", error);
}

/**
 * pd_store_list_season_points_penalties:
 *
 * Returns: (transfer full): the points penalties on the season's results,
 *   in one query
 */
GListModel *
pd_store_list_season_points_penalties (PdStore     *self,
                                       const char  *season_id,
                                       GError     **error)
{
  g_return_val_if_fail (PD_IS_STORE (self), NULL);

  return query_records (self, PD_TYPE_PENALTY,
                        /* The few points penalties first, then their season. */
                        "kind = 'points' AND EXISTS (SELECT 1 FROM result"
                        " JOIN session ON result.session_id = session.id"
                        " JOIN round ON session.round_id = round.id"
                        " WHERE result.id = penalty.result_id AND round.season_id = ?)", season_id,
                        "id", error);
}

/* Reading a season for scoring */

static int
property_default_int (GType       type,
                      const char *property)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_param_value_set_default (pspec, &value);
  if (G_VALUE_HOLDS_INT64 (&value))
    return g_value_get_int64 (&value);
  if (G_VALUE_HOLDS_ENUM (&value))
    return g_value_get_enum (&value);
  return g_value_get_int (&value);
}

/* What reading an enum column needs, worked out once per query. */
typedef struct {
  GEnumClass *klass;
  int         fallback;
  const char *property;
  GEnumValue *last;      /* the value of the row before, most often the same */
} EnumColumn;

static void
enum_column_init (EnumColumn *column,
                  GType       type,
                  const char *property)
{
  GTypeClass *klass = g_type_class_ref (type);

  column->klass = g_type_class_ref (G_PARAM_SPEC_VALUE_TYPE (
    g_object_class_find_property (G_OBJECT_CLASS (klass), property)));
  column->fallback = property_default_int (type, property);
  column->property = property;
  column->last = NULL;
  g_type_class_unref (klass);
}

static void
enum_column_clear (EnumColumn *column)
{
  g_clear_pointer (&column->klass, g_type_class_unref);
}

/* A column holding an enum's nick, or NULL for the property's default. */
static gboolean
column_enum (sqlite3_stmt      *stmt,
             int                column,
             EnumColumn        *info,
             int               *value,
             GError           **error)
{
  const char *nick = (const char *) sqlite3_column_text (stmt, column);
  GEnumValue *ev;

  if (nick == NULL)
    {
      *value = info->fallback;
      return TRUE;
    }

  if (info->last != NULL && strcmp (info->last->value_nick, nick) == 0)
    {
      *value = info->last->value;
      return TRUE;
    }
  ev = g_enum_get_value_by_nick (info->klass, nick);
  if (ev == NULL)
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_CORRUPT,
                   _("The database holds an unknown value “%s” for “%s”"),
                   nick, info->property);
      return FALSE;
    }
  info->last = ev;
  *value = ev->value;
  return TRUE;
}

static int
column_int_or (sqlite3_stmt *stmt,
               int           column,
               int           fallback)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL ? fallback : sqlite3_column_int (stmt, column);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

static gboolean
read_rounds (PdStore                    *self,
             const char                 *season_id,
             const PdStoreSeasonReader  *reader,
             gpointer                    user_data,
             GError                    **error)
{
  EnumColumn status_column;
  sqlite3_stmt *stmt;
  int rc;

  /* The order of pd_store_list_rounds(). */
  stmt = get_statement (self, "SELECT id, number, status FROM round WHERE season_id = ?"
                              " ORDER BY start_date, number", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, season_id, -1, SQLITE_TRANSIENT);
  enum_column_init (&status_column, PD_TYPE_ROUND, "status");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdStoreRoundRow row = { column_text (stmt, 0), column_int_or (stmt, 1, 0), 0 };
      int status;

      if (!column_enum (stmt, 2, &status_column, &status, error))
        break;
      row.status = status;
      if (!reader->round (&row, user_data, error))
        break;
    }
  enum_column_clear (&status_column);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return FALSE;
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not read the database"));
  return TRUE;
}

static gboolean
read_sessions (PdStore                    *self,
               const char                 *season_id,
               const PdStoreSeasonReader  *reader,
               gpointer                    user_data,
               GError                    **error)
{
  EnumColumn kind_column, status_column;
  sqlite3_stmt *stmt;
  int rc;

  /* The order of pd_store_list_season_sessions(). */
  stmt = get_statement (self, "SELECT id, round_id, kind, status FROM session"
                              " WHERE round_id IN (SELECT id FROM round WHERE season_id = ?)"
                              " ORDER BY start_date, start_utc, position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, season_id, -1, SQLITE_TRANSIENT);
  enum_column_init (&kind_column, PD_TYPE_SESSION, "kind");
  enum_column_init (&status_column, PD_TYPE_SESSION, "status");
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdStoreSessionRow row = { column_text (stmt, 0), column_text (stmt, 1), 0, 0 };
      int kind, status;

      if (!column_enum (stmt, 2, &kind_column, &kind, error) ||
          !column_enum (stmt, 3, &status_column, &status, error))
        break;
      row.kind = kind;
      row.status = status;
      if (!reader->session (&row, user_data, error))
        break;
    }
  enum_column_clear (&kind_column);
  enum_column_clear (&status_column);
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return FALSE;
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not read the database"));
  return TRUE;
}

static gboolean
read_entries (PdStore                    *self,
              const char                 *season_id,
              const PdStoreSeasonReader  *reader,
              gpointer                    user_data,
              GError                    **error)
{
  g_autoptr(GPtrArray) crew_ids = g_ptr_array_new_with_free_func (g_free);
  char *fields[5] = { NULL };  /* of the entry being read: id, team, class, number, model */
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;
  int rc;

  /* Each entry with its default crew, one row a driver, in one walk of
   * the season's entries in the order of their index (no sorting) and
   * a look-up of each one's crew in driving order. */
  stmt = get_statement (self, "SELECT entry.id, entry.team_id, entry.class_id, entry.number, entry.car_model,"
                              " entry_crew.driver_id FROM entry LEFT JOIN entry_crew"
                              " ON entry_crew.entry_id = entry.id AND ifnull (entry_crew.round_id, '') = ''"
                              " WHERE entry.season_id = ? ORDER BY entry.rowid, entry_crew.position", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, season_id, -1, SQLITE_TRANSIENT);

  for (;;)
    {
      const char *id;

      rc = sqlite3_step (stmt);
      id = rc == SQLITE_ROW ? column_text (stmt, 0) : NULL;
      /* The rows of an entry have ended. */
      if (fields[0] != NULL && (id == NULL || strcmp (id, fields[0]) != 0))
        {
          PdStoreEntryRow row = {
            .id = fields[0],
            .season_id = season_id,
            .team_id = fields[1],
            .class_id = fields[2],
            .number = fields[3],
            .car_model = fields[4],
          };

          g_ptr_array_add (crew_ids, NULL);
          row.crew_ids = (const char * const *) crew_ids->pdata;
          ok = reader->entry (&row, user_data, error);
          g_ptr_array_set_size (crew_ids, 0);
          for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
            g_clear_pointer (&fields[i], g_free);
          if (!ok)
            break;
        }
      if (rc != SQLITE_ROW)
        break;
      if (fields[0] == NULL)
        for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
          fields[i] = g_strdup (column_text (stmt, i));
      if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
        g_ptr_array_add (crew_ids, g_strdup (column_text (stmt, 5)));
    }
  sqlite3_reset (stmt);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_free (fields[i]);
  if (!ok)
    return FALSE;
  if (rc != SQLITE_DONE)
    return set_sqlite_error (error, self->db, rc, _("Could not read the database"));
  return TRUE;
}

/* Splits a list column (ids joined by U+001F) into @ids, in place in
 * @buffer: NULL-terminated, pointing into it. */
static const char * const *
split_list (GString    *buffer,
            GPtrArray  *ids,
            const char *list)
{
  g_string_assign (buffer, list != NULL ? list : "");
  g_ptr_array_set_size (ids, 0);
  for (char *p = buffer->str; *p != '\0';)
    {
      char *end = strchr (p, LIST_SEPARATOR[0]);

      g_ptr_array_add (ids, p);
      if (end == NULL)
        break;
      *end = '\0';
      p = end + 1;
    }
  g_ptr_array_add (ids, NULL);
  return (const char * const *) ids->pdata;
}

static gboolean
read_results (PdStore                    *self,
              const char                 *season_id,
              const PdStoreSeasonReader  *reader,
              gpointer                    user_data,
              GError                    **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  g_autoptr(GPtrArray) driver_ids = g_ptr_array_new ();
  int laps_default = property_default_int (PD_TYPE_RESULT, "laps");
  int time_default = property_default_int (PD_TYPE_RESULT, "total-time-ms");
  EnumColumn status_column;
  gboolean ok = TRUE;
  sqlite3_stmt *stmt;
  int rc = SQLITE_DONE;

  /* A join from the rounds gives a session's results together; the
   * drivers come in each result's own row (schema 9). Sessions of the
   * kinds the reader leaves out are not walked into. */
  stmt = get_statement (self,
                        "SELECT result.id, result.session_id, result.entry_id, result.status,"
                        " result.laps, result.total_time_ms, result.grid, result.position,"
                        " result.class_position, result.fastest_lap, result.car_number, result.driver_list"
                        " FROM round JOIN session ON session.round_id = round.id"
                        " JOIN result ON result.session_id = session.id"
                        " WHERE round.season_id = ?1"
                        " AND (?2 IS NULL OR instr (?2, ',' || session.kind || ',') > 0)"
                        " AND (?3 IS NULL OR session.id = ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, season_id, -1, SQLITE_TRANSIENT);
  if (reader->session_kinds != NULL)
    sqlite3_bind_text (stmt, 2, reader->session_kinds, -1, SQLITE_TRANSIENT);
  if (reader->session_id != NULL)
    sqlite3_bind_text (stmt, 3, reader->session_id, -1, SQLITE_TRANSIENT);
  enum_column_init (&status_column, PD_TYPE_RESULT, "status");

  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PdStoreResultRow row = { 0 };
      int status;

      if (!(ok = column_enum (stmt, 3, &status_column, &status, error)))
        break;
      row.id = column_text (stmt, 0);
      row.session_id = column_text (stmt, 1);
      row.entry_id = column_text (stmt, 2);
      row.car_number = column_text (stmt, 10);
      row.status = status;
      row.laps = column_int_or (stmt, 4, laps_default);
      row.total_time_ms = sqlite3_column_type (stmt, 5) == SQLITE_NULL
                          ? time_default : sqlite3_column_int64 (stmt, 5);
      row.grid = column_int_or (stmt, 6, 0);
      row.position = column_int_or (stmt, 7, 0);
      row.class_position = column_int_or (stmt, 8, 0);
      row.fastest_lap = sqlite3_column_int (stmt, 9) != 0;
      row.best_lap_ms = -1;
      row.driver_ids = split_list (list, driver_ids, column_text (stmt, 11));
      ok = reader->result (&row, user_data, error);
    }
  sqlite3_reset (stmt);
  if (ok && rc != SQLITE_DONE)
    ok = set_sqlite_error (error, self->db, rc, _("Could not read the database"));

  enum_column_clear (&status_column);
  return ok;
}

/**
 * pd_store_read_season:
 * @season_id: the season
 * @reader: what to call for each row; %FALSE from a callback stops the
 *   reading with its error; the rows of a %NULL callback are not read
 *
 * Reads what scoring needs of a season, without a GObject per record:
 * its rounds (in the order of pd_store_list_rounds()), its sessions (in
 * the order of pd_store_list_season_sessions()), its entries with their
 * default crews, and every result of its sessions (of the reader's
 * session kinds, or of its one session) with its drivers, the results of one session together,
 * in no particular order. A row's strings are the callback's only while
 * it runs.
 *
 * Returns: %TRUE when every row was read
 */
gboolean
pd_store_read_season (PdStore                    *self,
                      const char                 *season_id,
                      const PdStoreSeasonReader  *reader,
                      gpointer                    user_data,
                      GError                    **error)
{
  gboolean own_transaction = FALSE, ok;

  g_return_val_if_fail (PD_IS_STORE (self), FALSE);
  g_return_val_if_fail (season_id != NULL, FALSE);
  g_return_val_if_fail (reader != NULL, FALSE);

  /* One read transaction for the four queries, so that they see the same
   * database and take its lock once; unless the caller has one open. */
  if (sqlite3_get_autocommit (self->db))
    {
      if (!exec_sql (self->db, "BEGIN", _("Could not read the database"), error))
        return FALSE;
      own_transaction = TRUE;
    }

  ok = (reader->round == NULL || read_rounds (self, season_id, reader, user_data, error)) &&
       (reader->session == NULL || read_sessions (self, season_id, reader, user_data, error)) &&
       (reader->entry == NULL || read_entries (self, season_id, reader, user_data, error)) &&
       (reader->result == NULL || read_results (self, season_id, reader, user_data, error));

  if (own_transaction)
    sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
  return ok;
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
