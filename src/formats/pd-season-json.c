#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pd-season-json.h"
#include "pd-time.h"

/*
 * Reader for the Paddock season format (docs/season-format.md).
 *
 * Each JSON object maps onto one model record: a member "foo_bar" sets
 * the property "foo-bar". The nesting gives the parent ids (a session in
 * a round's "sessions" gets that round's id), so a file never repeats
 * them. Every error names where in the document it is, such as
 * "rounds[5].sessions[3].start_utc". The caller's transaction is rolled
 * back on error, so nothing of a bad file is kept.
 */

G_DEFINE_QUARK (pd-season-json-error-quark, pd_season_json_error)

typedef struct {
  PdStore *store;
} Loader;

typedef struct {
  const char  *parent_property;   /* set from the enclosing record */
  const char  *required[3];       /* members that must be present */
  const char  *children[2];       /* nested arrays, walked by the caller */
} RecordKind;

static const RecordKind series_kind = { NULL, { "id", "name" }, { NULL } };
static const RecordKind season_kind = { NULL, { "id", "name" }, { NULL } };
static const RecordKind circuit_kind = { NULL, { "id", "name", "zone" }, { NULL } };
static const RecordKind class_kind = { "season-id", { "id", "name" }, { NULL } };
static const RecordKind team_kind = { NULL, { "id", "name" }, { NULL } };
static const RecordKind driver_kind = { NULL, { "id", "last_name" }, { NULL } };
static const RecordKind entry_kind = { "season-id", { "id" }, { NULL } };
static const RecordKind round_kind = { "season-id", { "id", "name" }, { "sessions" } };
static const RecordKind session_kind = { "round-id", { "id", "name", "kind" }, { "results" } };
static const RecordKind result_kind = { "session-id", { "id", "entry_id" }, { "penalties" } };
static const RecordKind penalty_kind = { "result-id", { "id", "kind" }, { NULL } };

static gboolean
fail (GError     **error,
      int          code,
      const char  *where,
      const char  *format,
      ...) G_GNUC_PRINTF (4, 5);

static gboolean
fail (GError     **error,
      int          code,
      const char  *where,
      const char  *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: %s is a place in a season file, such as
   * "rounds[5].sessions[3].start_utc", then what is wrong there */
  g_set_error (error, PD_SEASON_JSON_ERROR, code, _("At %s: %s"), where, message);
  return FALSE;
}

static gboolean
valid_id (const char *id)
{
  gsize len = strlen (id);

  if (len == 0 || len > 200)
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.", *p) == NULL)
      return FALSE;
  return TRUE;
}

static gboolean
set_member (GObject     *record,
            GParamSpec  *pspec,
            JsonNode    *node,
            const char  *where,
            GError     **error)
{
  GType type = pspec->value_type;
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);

  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_param_value_set_default (pspec, &value);
      g_object_set_property (record, pspec->name, &value);
      return TRUE;
    }

  if (type == G_TYPE_STRV)
    {
      JsonArray *array;
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
      g_auto(GStrv) strv = NULL;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return fail (error, PD_SEASON_JSON_ERROR_VALUE, where, _("expected a list of identifiers"));
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (item) || json_node_get_value_type (item) != G_TYPE_STRING ||
              !valid_id (json_node_get_string (item)))
            return fail (error, PD_SEASON_JSON_ERROR_VALUE, where,
                         _("item %u is not a valid identifier"), i);
          g_strv_builder_add (builder, json_node_get_string (item));
        }
      strv = g_strv_builder_end (builder);
      g_value_set_boxed (&value, strv);
      g_object_set_property (record, pspec->name, &value);
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return fail (error, PD_SEASON_JSON_ERROR_VALUE, where, _("expected a single value"));

  if (type == G_TYPE_STRING)
    {
      if (json_node_get_value_type (node) != G_TYPE_STRING)
        return fail (error, PD_SEASON_JSON_ERROR_VALUE, where, _("expected text"));
      g_value_set_string (&value, json_node_get_string (node));
    }
  else if (type == G_TYPE_INT || type == G_TYPE_INT64)
    {
      gint64 v, min, max;

      if (json_node_get_value_type (node) != G_TYPE_INT64)
        return fail (error, PD_SEASON_JSON_ERROR_VALUE, where, _("expected a whole number"));
      v = json_node_get_int (node);
      min = type == G_TYPE_INT ? G_PARAM_SPEC_INT (pspec)->minimum : G_PARAM_SPEC_INT64 (pspec)->minimum;
      max = type == G_TYPE_INT ? G_PARAM_SPEC_INT (pspec)->maximum : G_PARAM_SPEC_INT64 (pspec)->maximum;
      if (v < min || v > max)
        return fail (error, PD_SEASON_JSON_ERROR_VALUE, where,
                     _("%lld is out of range"), (long long) v);
      if (type == G_TYPE_INT)
        g_value_set_int (&value, (int) v);
      else
        g_value_set_int64 (&value, v);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return fail (error, PD_SEASON_JSON_ERROR_VALUE, where, _("expected true or false"));
      g_value_set_boolean (&value, json_node_get_boolean (node));
    }
  else if (type == G_TYPE_DOUBLE)
    {
      GType vt = json_node_get_value_type (node);

      if (vt != G_TYPE_DOUBLE && vt != G_TYPE_INT64)
        return fail (error, PD_SEASON_JSON_ERROR_VALUE, where, _("expected a number"));
      g_value_set_double (&value, json_node_get_double (node));
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = NULL;
      g_autoptr(GString) allowed = g_string_new (NULL);

      if (json_node_get_value_type (node) == G_TYPE_STRING)
        ev = g_enum_get_value_by_nick (klass, json_node_get_string (node));
      if (ev == NULL)
        {
          for (guint i = 0; i < klass->n_values; i++)
            g_string_append_printf (allowed, "%s“%s”", i > 0 ? ", " : "", klass->values[i].value_nick);
          return fail (error, PD_SEASON_JSON_ERROR_VALUE, where,
                       _("expected one of %s"), allowed->str);
        }
      g_value_set_enum (&value, ev->value);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      g_autoptr(GDateTime) dt = NULL;
      g_autoptr(GError) local_error = NULL;

      if (json_node_get_value_type (node) == G_TYPE_STRING)
        dt = pd_time_parse_rfc3339 (json_node_get_string (node), &local_error);
      if (dt == NULL)
        return fail (error, PD_SEASON_JSON_ERROR_VALUE, where,
                     _("expected a date and time such as “2023-09-30T14:50:00Z”"));
      g_value_set_boxed (&value, dt);
    }
  else
    g_assert_not_reached ();

  g_object_set_property (record, pspec->name, &value);
  return TRUE;
}

/* Checks that go beyond the type of a member. */
static gboolean
check_member (const char  *member,
              JsonNode    *node,
              const char  *where,
              GError     **error)
{
  const char *text;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return TRUE;
  text = json_node_get_string (node);

  if (g_str_equal (member, "id") || g_str_has_suffix (member, "_id"))
    {
      if (!valid_id (text))
        return fail (error, PD_SEASON_JSON_ERROR_VALUE, where,
                     _("“%s” is not a valid identifier (letters, digits, “-”, “_” and “.”)"), text);
    }
  else if (g_str_equal (member, "zone"))
    {
      g_autoptr(GError) zone_error = NULL;
      g_autoptr(GTimeZone) tz = pd_time_zone_new (text, &zone_error);

      if (tz == NULL)
        return fail (error, PD_SEASON_JSON_ERROR_VALUE, where, "%s", zone_error->message);
    }
  else if (g_str_has_suffix (member, "_date"))
    {
      if (!pd_time_parse_date (text, NULL, NULL, NULL))
        return fail (error, PD_SEASON_JSON_ERROR_VALUE, where,
                     _("“%s” is not a date such as “2023-09-30”"), text);
    }

  return TRUE;
}

static gboolean
load_record (Loader            *loader,
             const RecordKind  *kind,
             GType              type,
             JsonNode          *node,
             const char        *where,
             const char        *parent_id,
             char             **id_out,
             GError           **error)
{
  g_autoptr(GObject) record = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  g_autofree char *id = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return fail (error, PD_SEASON_JSON_ERROR_FORMAT, where, _("expected an object"));
  object = json_node_get_object (node);

  for (guint i = 0; i < G_N_ELEMENTS (kind->required) && kind->required[i] != NULL; i++)
    {
      JsonNode *member = json_object_get_member (object, kind->required[i]);

      if (member == NULL || JSON_NODE_HOLDS_NULL (member) ||
          (JSON_NODE_HOLDS_VALUE (member) && json_node_get_value_type (member) == G_TYPE_STRING &&
           *json_node_get_string (member) == '\0'))
        return fail (error, PD_SEASON_JSON_ERROR_FORMAT, where,
                     _("the required field “%s” is missing"), kind->required[i]);
    }

  record = g_object_new (type, NULL);
  klass = g_type_class_ref (type);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *name = l->data;
      g_autofree char *property = NULL;
      g_autofree char *member_where = NULL;
      GParamSpec *pspec;
      JsonNode *value = json_object_get_member (object, name);
      gboolean is_child = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (kind->children); i++)
        is_child |= kind->children[i] != NULL && g_str_equal (kind->children[i], name);
      if (is_child)
        continue;

      member_where = g_strdup_printf ("%s.%s", where, name);
      property = g_strdelimit (g_strdup (name), "_", '-');
      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
      /* Parent ids come from the nesting, never from the member. */
      if (pspec == NULL || strchr (name, '-') != NULL ||
          (kind->parent_property != NULL && g_str_equal (property, kind->parent_property)))
        return fail (error, PD_SEASON_JSON_ERROR_FORMAT, member_where, _("unknown field"));

      if (!check_member (name, value, member_where, error) ||
          !set_member (record, pspec, value, member_where, error))
        return FALSE;
    }

  if (kind->parent_property != NULL)
    g_object_set (record, kind->parent_property, parent_id, NULL);

  if (!pd_store_save (loader->store, record, error))
    {
      g_prefix_error (error, _("At %s: "), where);
      return FALSE;
    }

  g_object_get (record, "id", &id, NULL);
  if (id_out != NULL)
    *id_out = g_steal_pointer (&id);
  return TRUE;
}

typedef gboolean (*ChildFunc) (Loader      *loader,
                               JsonNode    *node,
                               const char  *where,
                               const char  *parent_id,
                               GError     **error);

static gboolean
load_array (Loader             *loader,
            JsonObject         *object,
            const char         *member,
            const char         *where,
            const RecordKind   *kind,
            GType               type,
            const char         *parent_id,
            ChildFunc           children,
            GError            **error)
{
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *member_where = g_strdup_printf ("%s%s%s", where, *where ? "." : "", member);
      return fail (error, PD_SEASON_JSON_ERROR_FORMAT, member_where, _("expected a list"));
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_where = g_strdup_printf ("%s%s%s[%u]", where, *where ? "." : "", member, i);
      g_autofree char *id = NULL;
      JsonNode *item = json_array_get_element (array, i);

      if (!load_record (loader, kind, type, item, item_where, parent_id, &id, error))
        return FALSE;
      if (children != NULL && !children (loader, item, item_where, id, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
load_result_children (Loader      *loader,
                      JsonNode    *node,
                      const char  *where,
                      const char  *result_id,
                      GError     **error)
{
  return load_array (loader, json_node_get_object (node), "penalties", where,
                     &penalty_kind, PD_TYPE_PENALTY, result_id, NULL, error);
}

static gboolean
load_session_children (Loader      *loader,
                       JsonNode    *node,
                       const char  *where,
                       const char  *session_id,
                       GError     **error)
{
  return load_array (loader, json_node_get_object (node), "results", where,
                     &result_kind, PD_TYPE_RESULT, session_id, load_result_children, error);
}

static gboolean
load_round_children (Loader      *loader,
                     JsonNode    *node,
                     const char  *where,
                     const char  *round_id,
                     GError     **error)
{
  return load_array (loader, json_node_get_object (node), "sessions", where,
                     &session_kind, PD_TYPE_SESSION, round_id, load_session_children, error);
}

static const char * const top_level_members[] = {
  "format", "version", "series", "season", "circuits", "classes", "teams",
  "drivers", "entries", "rounds", "_comment", NULL
};

/**
 * pd_season_json_load:
 * @store: where to write, inside the caller's transaction
 * @data: the document, UTF-8 JSON
 * @season_id: (out) (optional): the id of the season it holds
 *
 * Reads a season document into @store, merging by id: records with the
 * ids of existing ones replace them, so loading the same document twice
 * changes nothing.
 */
gboolean
pd_season_json_load (PdStore     *store,
                     const char  *data,
                     gsize        length,
                     char       **season_id,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *series_id = NULL;
  g_autofree char *id = NULL;
  Loader loader = { store };
  JsonNode *root, *node;
  JsonObject *object;

  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (length > G_MAXSSIZE || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, PD_SEASON_JSON_ERROR, PD_SEASON_JSON_ERROR_SYNTAX,
                   _("The season file is not valid UTF-8 text"));
      return FALSE;
    }

  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      /* json-glib's message already holds the line and column. */
      g_set_error (error, PD_SEASON_JSON_ERROR, PD_SEASON_JSON_ERROR_SYNTAX,
                   _("The season file is not valid JSON: %s"), parse_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return fail (error, PD_SEASON_JSON_ERROR_FORMAT, "/", _("expected an object"));
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), "paddock-season"))
    return fail (error, PD_SEASON_JSON_ERROR_FORMAT, "format",
                 _("this is not a Paddock season file (expected “paddock-season”)"));

  node = json_object_get_member (object, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    return fail (error, PD_SEASON_JSON_ERROR_FORMAT, "version", _("expected a version number"));
  if (json_node_get_int (node) > PD_SEASON_JSON_VERSION)
    {
      g_set_error (error, PD_SEASON_JSON_ERROR, PD_SEASON_JSON_ERROR_VERSION,
                   _("The season file has format version %lld; this version of Paddock reads up to version %d"),
                   (long long) json_node_get_int (node), PD_SEASON_JSON_VERSION);
      return FALSE;
    }

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (top_level_members, l->data))
      return fail (error, PD_SEASON_JSON_ERROR_FORMAT, l->data, _("unknown field"));

  node = json_object_get_member (object, "series");
  if (node != NULL && !load_record (&loader, &series_kind, PD_TYPE_SERIES, node, "series",
                                    NULL, &series_id, error))
    return FALSE;

  node = json_object_get_member (object, "season");
  if (node == NULL)
    return fail (error, PD_SEASON_JSON_ERROR_FORMAT, "season", _("the required field “%s” is missing"),
                 "season");
  if (!load_record (&loader, &season_kind, PD_TYPE_SEASON, node, "season", NULL, &id, error))
    return FALSE;

  if (!load_array (&loader, object, "circuits", "", &circuit_kind, PD_TYPE_CIRCUIT, NULL, NULL, error) ||
      !load_array (&loader, object, "classes", "", &class_kind, PD_TYPE_CLASS, id, NULL, error) ||
      !load_array (&loader, object, "teams", "", &team_kind, PD_TYPE_TEAM, NULL, NULL, error) ||
      !load_array (&loader, object, "drivers", "", &driver_kind, PD_TYPE_DRIVER, NULL, NULL, error) ||
      !load_array (&loader, object, "entries", "", &entry_kind, PD_TYPE_ENTRY, id, NULL, error) ||
      !load_array (&loader, object, "rounds", "", &round_kind, PD_TYPE_ROUND, id,
                   load_round_children, error))
    return FALSE;

  if (season_id != NULL)
    *season_id = g_steal_pointer (&id);
  return TRUE;
}

typedef struct {
  const char  *data;
  gsize        length;
  char       **season_id;
} ImportData;

static gboolean
import_cb (PdStore   *store,
           gpointer   user_data,
           GError   **error)
{
  ImportData *import = user_data;

  return pd_season_json_load (store, import->data, import->length, import->season_id, error);
}

/**
 * pd_season_json_import:
 *
 * Like pd_season_json_load(), in a transaction of its own: either the
 * whole document is stored, or nothing is.
 */
gboolean
pd_season_json_import (PdStore     *store,
                       const char  *data,
                       gsize        length,
                       char       **season_id,
                       GError     **error)
{
  ImportData import = { data, length, season_id };

  return pd_store_transaction (store, import_cb, &import, error);
}
