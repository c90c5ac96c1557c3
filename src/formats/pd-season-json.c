#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pd-rules.h"
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
  PdStore            *store;
  int                 version;             /* of the document */
  const char         *expected_season_id;  /* (nullable) */
  PdSeasonJsonStats  *stats;               /* (nullable) */
  char               *season_id;           /* once the season is read */
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
/* A round's "crews" are not records of their own: see load_crews(). */
static const RecordKind round_kind = { "season-id", { "id", "name" }, { "sessions", "crews" } };
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

/* A list of identifiers, such as a crew. */
static gboolean
read_id_list (JsonNode     *node,
              const char   *where,
              GStrv        *out,
              GError      **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

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
  *out = g_strv_builder_end (builder);
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
      g_auto(GStrv) strv = NULL;

      if (!read_id_list (node, where, &strv, error))
        return FALSE;
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

/* The season's own points rules: in version 2 the rules document itself
 * (an object), in both versions also its text. Either is checked by the
 * rules reader, and kept as text, as the rules editor keeps it. */
static gboolean
set_rules (Loader      *loader,
           GObject     *record,
           JsonNode    *node,
           const char  *where,
           GError     **error)
{
  g_autofree char *text = NULL;
  g_autoptr(PdRules) rules = NULL;
  g_autoptr(GError) rules_error = NULL;

  if (JSON_NODE_HOLDS_NULL (node))
    {
      g_object_set (record, "rules", NULL, NULL);
      return TRUE;
    }

  if (loader->version >= 2 && JSON_NODE_HOLDS_OBJECT (node))
    {
      g_autoptr(JsonGenerator) generator = json_generator_new ();

      json_generator_set_root (generator, node);
      json_generator_set_pretty (generator, TRUE);
      json_generator_set_indent (generator, 2);
      text = json_generator_to_data (generator, NULL);
    }
  else if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
    text = g_strdup (json_node_get_string (node));
  else if (loader->version >= 2)
    return fail (error, PD_SEASON_JSON_ERROR_VALUE, where, _("expected points rules (an object)"));
  else
    return fail (error, PD_SEASON_JSON_ERROR_VALUE, where, _("expected text"));

  if (*text != '\0' && (rules = pd_rules_parse (text, strlen (text), &rules_error)) == NULL)
    return fail (error, PD_SEASON_JSON_ERROR_VALUE, where, "%s", rules_error->message);

  g_object_set (record, "rules", text, NULL);
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
      char property[64];
      gsize length = strlen (name);
      g_autofree char *member_where = NULL;
      GParamSpec *pspec = NULL;
      JsonNode *value = json_object_get_member (object, name);
      gboolean is_child = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (kind->children); i++)
        is_child |= kind->children[i] != NULL && g_str_equal (kind->children[i], name);
      if (is_child)
        continue;

      member_where = g_strconcat (where, ".", name, NULL);
      if (kind == &season_kind && g_str_equal (name, "rules"))
        {
          if (!set_rules (loader, record, value, member_where, error))
            return FALSE;
          continue;
        }
      /* The property of a member: "session_id" is "session-id". */
      if (length < sizeof property)
        {
          for (gsize i = 0; i <= length; i++)
            property[i] = name[i] == '_' ? '-' : name[i];
          pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), property);
        }
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

  if (loader->stats != NULL)
    {
      loader->stats->rounds += kind == &round_kind;
      loader->stats->sessions += kind == &session_kind;
      loader->stats->entries += kind == &entry_kind;
      loader->stats->results += kind == &result_kind;
      loader->stats->penalties += kind == &penalty_kind;
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

/* The crews that cars of the season had in one round instead of their
 * usual ones (version 2): a list of {"entry_id", "crew_ids"}, at most one
 * per car. A crew listed replaces the car's crew of that round. */
static gboolean
load_crews (Loader      *loader,
            JsonObject  *round,
            const char  *where,
            const char  *round_id,
            GError     **error)
{
  g_autofree char *crews_where = g_strdup_printf ("%s.crews", where);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  JsonNode *node = json_object_get_member (round, "crews");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (loader->version < 2)
    return fail (error, PD_SEASON_JSON_ERROR_FORMAT, crews_where, _("unknown field"));
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, PD_SEASON_JSON_ERROR_FORMAT, crews_where, _("expected a list"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_where = g_strdup_printf ("%s[%u]", crews_where, i);
      g_autoptr(GList) members = NULL;
      g_autoptr(PdEntry) entry = NULL;
      g_autoptr(GError) store_error = NULL;
      g_auto(GStrv) crew = NULL;
      JsonNode *item = json_array_get_element (array, i);
      JsonObject *object;
      JsonNode *entry_node, *crew_node;
      const char *entry_id;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return fail (error, PD_SEASON_JSON_ERROR_FORMAT, item_where, _("expected an object"));
      object = json_node_get_object (item);

      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        if (!g_str_equal (l->data, "entry_id") && !g_str_equal (l->data, "crew_ids"))
          {
            g_autofree char *member_where = g_strdup_printf ("%s.%s", item_where, (char *) l->data);
            return fail (error, PD_SEASON_JSON_ERROR_FORMAT, member_where, _("unknown field"));
          }

      entry_node = json_object_get_member (object, "entry_id");
      crew_node = json_object_get_member (object, "crew_ids");
      if (entry_node == NULL || JSON_NODE_HOLDS_NULL (entry_node))
        return fail (error, PD_SEASON_JSON_ERROR_FORMAT, item_where,
                     _("the required field “%s” is missing"), "entry_id");
      if (crew_node == NULL || JSON_NODE_HOLDS_NULL (crew_node))
        return fail (error, PD_SEASON_JSON_ERROR_FORMAT, item_where,
                     _("the required field “%s” is missing"), "crew_ids");

      {
        g_autofree char *member_where = g_strdup_printf ("%s.entry_id", item_where);

        if (!JSON_NODE_HOLDS_VALUE (entry_node) || json_node_get_value_type (entry_node) != G_TYPE_STRING)
          return fail (error, PD_SEASON_JSON_ERROR_VALUE, member_where, _("expected text"));
        entry_id = json_node_get_string (entry_node);
        if (!check_member ("entry_id", entry_node, member_where, error))
          return FALSE;
        /* A car of this season, listed once. */
        entry = pd_store_find (loader->store, PD_TYPE_ENTRY, entry_id, &store_error);
        if (store_error != NULL)
          return fail (error, PD_SEASON_JSON_ERROR_VALUE, member_where, "%s", store_error->message);
        if (entry == NULL)
          return fail (error, PD_SEASON_JSON_ERROR_VALUE, member_where,
                       _("“%s” is not a car of this season"), entry_id);
        if (g_strcmp0 (pd_entry_get_season_id (entry), loader->season_id) != 0)
          return fail (error, PD_SEASON_JSON_ERROR_VALUE, member_where,
                       _("“%s” is not a car of this season"), entry_id);
        if (!g_hash_table_add (seen, g_strdup (entry_id)))
          return fail (error, PD_SEASON_JSON_ERROR_VALUE, member_where,
                       _("the car “%s” has two crews in this round"), entry_id);
      }

      {
        g_autofree char *member_where = g_strdup_printf ("%s.crew_ids", item_where);

        if (!read_id_list (crew_node, member_where, &crew, error))
          return FALSE;
        if (crew[0] == NULL)
          return fail (error, PD_SEASON_JSON_ERROR_VALUE, member_where,
                       _("a crew has at least one driver"));
      }

      if (!pd_store_set_round_crew (loader->store, entry_id, round_id, (const char * const *) crew, error))
        {
          g_prefix_error (error, _("At %s: "), item_where);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
load_round_children (Loader      *loader,
                     JsonNode    *node,
                     const char  *where,
                     const char  *round_id,
                     GError     **error)
{
  return load_crews (loader, json_node_get_object (node), where, round_id, error) &&
         load_array (loader, json_node_get_object (node), "sessions", where,
                     &session_kind, PD_TYPE_SESSION, round_id, load_session_children, error);
}

static const char * const top_level_members[] = {
  "format", "version", "series", "season", "circuits", "classes", "teams",
  "drivers", "entries", "rounds", "_comment", NULL
};

/* The season id a document holds, if it holds one where it should. */
static const char *
peek_season_id (JsonObject *document)
{
  JsonNode *season = json_object_get_member (document, "season");
  JsonNode *id;

  if (season == NULL || !JSON_NODE_HOLDS_OBJECT (season))
    return NULL;
  id = json_object_get_member (json_node_get_object (season), "id");
  if (id == NULL || !JSON_NODE_HOLDS_VALUE (id) || json_node_get_value_type (id) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (id);
}

static gboolean
load_document (Loader       *loader,
               const char   *data,
               gsize         length,
               GError      **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GList) members = NULL;
  g_autofree char *series_id = NULL;
  const char *file_season_id;
  JsonNode *root, *node;
  JsonObject *object;

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
  loader->version = (int) json_node_get_int (node);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (top_level_members, l->data))
      return fail (error, PD_SEASON_JSON_ERROR_FORMAT, l->data, _("unknown field"));

  /* A file of another season than the one asked for is refused before
   * anything of it is read. */
  file_season_id = peek_season_id (object);
  if (loader->expected_season_id != NULL && file_season_id != NULL &&
      !g_str_equal (file_season_id, loader->expected_season_id))
    return fail (error, PD_SEASON_JSON_ERROR_SEASON, "season.id",
                 _("the file holds the season “%s”, not “%s”"), file_season_id, loader->expected_season_id);

  node = json_object_get_member (object, "series");
  if (node != NULL && !load_record (loader, &series_kind, PD_TYPE_SERIES, node, "series",
                                    NULL, &series_id, error))
    return FALSE;

  node = json_object_get_member (object, "season");
  if (node == NULL)
    return fail (error, PD_SEASON_JSON_ERROR_FORMAT, "season", _("the required field “%s” is missing"),
                 "season");
  if (!load_record (loader, &season_kind, PD_TYPE_SEASON, node, "season", NULL, &loader->season_id, error))
    return FALSE;

  return load_array (loader, object, "circuits", "", &circuit_kind, PD_TYPE_CIRCUIT, NULL, NULL, error) &&
         load_array (loader, object, "classes", "", &class_kind, PD_TYPE_CLASS, loader->season_id, NULL, error) &&
         load_array (loader, object, "teams", "", &team_kind, PD_TYPE_TEAM, NULL, NULL, error) &&
         load_array (loader, object, "drivers", "", &driver_kind, PD_TYPE_DRIVER, NULL, NULL, error) &&
         load_array (loader, object, "entries", "", &entry_kind, PD_TYPE_ENTRY, loader->season_id, NULL, error) &&
         load_array (loader, object, "rounds", "", &round_kind, PD_TYPE_ROUND, loader->season_id,
                     load_round_children, error);
}

/**
 * pd_season_json_load:
 * @store: where to write, inside the caller's transaction
 * @data: the document, UTF-8 JSON
 * @season_id: (out) (optional): the id of the season it holds
 *
 * Reads a season document (version 1 or 2) into @store, merging by id:
 * records with the ids of existing ones replace them, so loading the
 * same document twice changes nothing.
 */
gboolean
pd_season_json_load (PdStore     *store,
                     const char  *data,
                     gsize        length,
                     char       **season_id,
                     GError     **error)
{
  Loader loader = { store, 0, NULL, NULL, NULL };
  gboolean ok;

  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  ok = load_document (&loader, data, length, error);
  if (ok && season_id != NULL)
    *season_id = g_steal_pointer (&loader.season_id);
  g_free (loader.season_id);
  return ok;
}

typedef struct {
  Loader       loader;
  const char  *data;
  gsize        length;
} ImportData;

static gboolean
import_cb (PdStore   *store,
           gpointer   user_data,
           GError   **error)
{
  ImportData *import = user_data;

  return load_document (&import->loader, import->data, import->length, error);
}

/**
 * pd_season_json_import_full:
 * @expected_season_id: (nullable): the season the document must hold;
 *   a document of another season is refused with
 *   %PD_SEASON_JSON_ERROR_SEASON
 * @stats: (out caller-allocates) (optional): what the document held
 * @season_id: (out) (optional): the id of the season it holds
 *
 * Like pd_season_json_load(), in a transaction of its own: either the
 * whole document is stored, or nothing is.
 */
gboolean
pd_season_json_import_full (PdStore            *store,
                            const char         *data,
                            gsize               length,
                            const char         *expected_season_id,
                            PdSeasonJsonStats  *stats,
                            char              **season_id,
                            GError            **error)
{
  ImportData import = { { store, 0, expected_season_id, stats, NULL }, data, length };
  gboolean ok;

  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  ok = pd_store_transaction (store, import_cb, &import, error);
  if (ok && season_id != NULL)
    *season_id = g_steal_pointer (&import.loader.season_id);
  g_free (import.loader.season_id);
  return ok;
}

/**
 * pd_season_json_import:
 *
 * pd_season_json_import_full() of a document of any season.
 */
gboolean
pd_season_json_import (PdStore     *store,
                       const char  *data,
                       gsize        length,
                       char       **season_id,
                       GError     **error)
{
  return pd_season_json_import_full (store, data, length, NULL, NULL, season_id, error);
}

/* Writing */

/* A car's crew in one round, for a round's "crews". */
typedef struct {
  char  *entry_id;
  GStrv  crew_ids;
} RoundCrew;

static void
round_crew_free (gpointer data)
{
  RoundCrew *crew = data;

  g_free (crew->entry_id);
  g_strfreev (crew->crew_ids);
  g_free (crew);
}

typedef struct {
  JsonBuilder *builder;
  GHashTable  *sessions;    /* round id → GPtrArray of PdSession, in order */
  GHashTable  *results;     /* session id → GPtrArray of PdResult, in order */
  GHashTable  *penalties;   /* result id → GPtrArray of PdPenalty, by id */
  GHashTable  *crews;       /* round id → GPtrArray of RoundCrew, in entry order */
  GHashTable  *circuit_ids; /* the records the season refers to: sets of ids */
  GHashTable  *team_ids;
  GHashTable  *driver_ids;
} Writer;

static void
writer_clear (Writer *writer)
{
  g_clear_object (&writer->builder);
  g_clear_pointer (&writer->sessions, g_hash_table_unref);
  g_clear_pointer (&writer->results, g_hash_table_unref);
  g_clear_pointer (&writer->penalties, g_hash_table_unref);
  g_clear_pointer (&writer->crews, g_hash_table_unref);
  g_clear_pointer (&writer->circuit_ids, g_hash_table_unref);
  g_clear_pointer (&writer->team_ids, g_hash_table_unref);
  g_clear_pointer (&writer->driver_ids, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Writer, writer_clear)

static int
compare_param_ids (gconstpointer a,
                   gconstpointer b)
{
  const GParamSpec *pa = *(GParamSpec * const *) a;
  const GParamSpec *pb = *(GParamSpec * const *) b;

  return (pa->param_id > pb->param_id) - (pa->param_id < pb->param_id);
}

static gboolean
is_required (const RecordKind *kind,
             const char       *member)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind->required) && kind->required[i] != NULL; i++)
    if (g_str_equal (kind->required[i], member))
      return TRUE;
  return FALSE;
}

/* Whether a value says nothing the reader would not assume without it:
 * its field's default ("not known", false, the first value of an
 * enumeration), empty text or an empty list. */
static gboolean
is_unset (GParamSpec   *pspec,
          const GValue *value)
{
  if (G_VALUE_HOLDS_STRING (value))
    return g_value_get_string (value) == NULL || *g_value_get_string (value) == '\0';
  if (G_VALUE_HOLDS (value, G_TYPE_STRV))
    return g_value_get_boxed (value) == NULL || *(char **) g_value_get_boxed (value) == NULL;
  return g_param_value_defaults (pspec, value);
}

/* The season's own rules: the rules document itself where the text is
 * one (it always is when Paddock stored it), else the text. */
static void
add_rules (JsonBuilder *builder,
           const char  *text)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();

  if (json_parser_load_from_data (parser, text, -1, NULL) &&
      json_parser_get_root (parser) != NULL && JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    json_builder_add_value (builder, json_parser_steal_root (parser));
  else
    json_builder_add_string_value (builder, text);
}

static void
add_value (JsonBuilder  *builder,
           const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    json_builder_add_string_value (builder, g_value_get_string (value));
  else if (type == G_TYPE_INT)
    json_builder_add_int_value (builder, g_value_get_int (value));
  else if (type == G_TYPE_INT64)
    json_builder_add_int_value (builder, g_value_get_int64 (value));
  else if (type == G_TYPE_BOOLEAN)
    json_builder_add_boolean_value (builder, g_value_get_boolean (value));
  else if (type == G_TYPE_DOUBLE)
    json_builder_add_double_value (builder, g_value_get_double (value));
  else if (G_TYPE_IS_ENUM (type))
    json_builder_add_string_value (builder, pd_enum_to_nick (type, g_value_get_enum (value)));
  else if (type == G_TYPE_DATE_TIME)
    {
      g_autoptr(GDateTime) utc = g_date_time_to_utc (g_value_get_boxed (value));
      g_autofree char *text = pd_time_format_rfc3339 (utc);

      json_builder_add_string_value (builder, text);
    }
  else if (type == G_TYPE_STRV)
    {
      const char * const *strv = g_value_get_boxed (value);

      json_builder_begin_array (builder);
      for (guint i = 0; strv[i] != NULL; i++)
        json_builder_add_string_value (builder, strv[i]);
      json_builder_end_array (builder);
    }
  else
    g_assert_not_reached ();
}

/* The members of @record, as the reader reads them: one per field, in
 * the order of model.json, without the parent's id that the nesting
 * gives; a field that is not set is left out unless @kind requires it. */
static void
add_members (JsonBuilder       *builder,
             const RecordKind  *kind,
             GObject           *record)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (record), &n);
  qsort (pspecs, n, sizeof *pspecs, compare_param_ids);

  for (guint i = 0; i < n; i++)
    {
      GParamSpec *pspec = pspecs[i];
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *member = NULL;

      if (kind->parent_property != NULL && g_str_equal (pspec->name, kind->parent_property))
        continue;
      member = g_strdelimit (g_strdup (pspec->name), "-", '_');
      g_value_init (&value, pspec->value_type);
      g_object_get_property (record, pspec->name, &value);
      if (is_unset (pspec, &value) && !is_required (kind, member))
        continue;

      json_builder_set_member_name (builder, member);
      if (kind == &season_kind && g_str_equal (member, "rules"))
        add_rules (builder, g_value_get_string (&value));
      else
        add_value (builder, &value);
    }
}

static void
add_record (JsonBuilder      *builder,
            const RecordKind *kind,
            gpointer          record)
{
  json_builder_begin_object (builder);
  add_members (builder, kind, record);
  json_builder_end_object (builder);
}

/* Items of a list model, sorted. */
static GPtrArray *
sorted_items (GListModel   *model,
              GCompareFunc  compare)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  if (compare != NULL)
    g_ptr_array_sort (items, compare);
  return items;
}

static int
compare_ids (const char *a,
             const char *b)
{
  return strcmp (a, b);
}

static int
compare_classes (gconstpointer a,
                 gconstpointer b)
{
  PdClass *ca = *(PdClass **) a, *cb = *(PdClass **) b;
  int pa = pd_class_get_position (ca), pb = pd_class_get_position (cb);

  if (pa != pb)
    return pa < pb ? -1 : 1;
  return compare_ids (pd_class_get_id (ca), pd_class_get_id (cb));
}

/* Rounds by date, as the app lists them; then by number and id, so that
 * the order is total. */
static int
compare_rounds (gconstpointer a,
                gconstpointer b)
{
  PdRound *ra = *(PdRound **) a, *rb = *(PdRound **) b;
  int c = g_strcmp0 (pd_round_get_start_date (ra), pd_round_get_start_date (rb));

  if (c != 0)
    return c;
  if (pd_round_get_number (ra) != pd_round_get_number (rb))
    return pd_round_get_number (ra) < pd_round_get_number (rb) ? -1 : 1;
  return compare_ids (pd_round_get_id (ra), pd_round_get_id (rb));
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  PdSession *sa = *(PdSession **) a, *sb = *(PdSession **) b;
  GDateTime *ta = pd_session_get_start_utc (sa), *tb = pd_session_get_start_utc (sb);
  int c;

  if (pd_session_get_position (sa) != pd_session_get_position (sb))
    return pd_session_get_position (sa) < pd_session_get_position (sb) ? -1 : 1;
  c = g_strcmp0 (pd_session_get_start_date (sa), pd_session_get_start_date (sb));
  if (c != 0)
    return c;
  if ((ta == NULL) != (tb == NULL))
    return ta == NULL ? -1 : 1;
  if (ta != NULL && (c = g_date_time_compare (ta, tb)) != 0)
    return c;
  return compare_ids (pd_session_get_id (sa), pd_session_get_id (sb));
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Appends @record to the list of @key in @table, made when missing. */
static void
group_add (GHashTable  *table,
           const char  *key,
           gpointer     record,
           GDestroyNotify free_func)
{
  GPtrArray *list = g_hash_table_lookup (table, key);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func (free_func);
      g_hash_table_insert (table, g_strdup (key), list);
    }
  g_ptr_array_add (list, record);
}

static GPtrArray *
group_get (GHashTable *table,
           const char *key)
{
  return g_hash_table_lookup (table, key);
}

static void
add_ids (GHashTable         *set,
         const char * const *ids)
{
  for (guint i = 0; ids != NULL && ids[i] != NULL; i++)
    g_hash_table_add (set, g_strdup (ids[i]));
}

/* The records of @type whose ids are in @set, by id, as an array member
 * of the document. */
static gboolean
add_referenced (Writer            *writer,
                PdStore           *store,
                const char        *member,
                const RecordKind  *kind,
                GType              type,
                GHashTable        *set,
                GError           **error)
{
  g_autofree const char **ids = (const char **) g_hash_table_get_keys_as_array (set, NULL);
  guint n = g_hash_table_size (set);

  qsort (ids, n, sizeof *ids, compare_strings);
  json_builder_set_member_name (writer->builder, member);
  json_builder_begin_array (writer->builder);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) record = pd_store_get (store, type, ids[i], error);

      if (record == NULL)
        return FALSE;
      add_record (writer->builder, kind, record);
    }
  json_builder_end_array (writer->builder);
  return TRUE;
}

/* Reads what the season holds besides its rounds and entries, grouped by
 * parent, and the ids of the circuits, teams and drivers it refers to. */
static gboolean
collect (Writer      *writer,
         PdStore     *store,
         const char  *season_id,
         GPtrArray   *rounds,
         GPtrArray   *entries,
         GError     **error)
{
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GListModel) penalties = NULL;

  writer->sessions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  writer->results = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  writer->penalties = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  writer->crews = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  writer->circuit_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->team_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  writer->driver_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* One query each for the season's sessions, results and penalties;
   * results and penalties come in the order they are written in. */
  if ((sessions = pd_store_list_season_sessions (store, season_id, error)) == NULL ||
      (results = pd_store_list_season_results (store, season_id, error)) == NULL ||
      (penalties = pd_store_list_season_penalties (store, season_id, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      PdSession *session = g_list_model_get_item (sessions, i);

      group_add (writer->sessions, pd_session_get_round_id (session), session, g_object_unref);
    }
  for (guint i = 0; i < rounds->len; i++)
    {
      GPtrArray *list = group_get (writer->sessions, pd_round_get_id (rounds->pdata[i]));

      if (list != NULL)
        g_ptr_array_sort (list, compare_sessions);
      if (pd_round_get_circuit_id (rounds->pdata[i]) != NULL)
        g_hash_table_add (writer->circuit_ids, g_strdup (pd_round_get_circuit_id (rounds->pdata[i])));
    }

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      PdResult *result = g_list_model_get_item (results, i);

      add_ids (writer->driver_ids, pd_result_get_driver_ids (result));
      group_add (writer->results, pd_result_get_session_id (result), result, g_object_unref);
    }
  for (guint i = 0; i < g_list_model_get_n_items (penalties); i++)
    {
      PdPenalty *penalty = g_list_model_get_item (penalties, i);

      group_add (writer->penalties, pd_penalty_get_result_id (penalty), penalty, g_object_unref);
    }

  for (guint i = 0; i < entries->len; i++)
    {
      PdEntry *entry = entries->pdata[i];
      g_autoptr(GHashTable) own = pd_store_list_round_crews (store, pd_entry_get_id (entry), error);
      GHashTableIter iter;
      gpointer round_id, crew_ids;

      if (own == NULL)
        return FALSE;
      if (pd_entry_get_team_id (entry) != NULL)
        g_hash_table_add (writer->team_ids, g_strdup (pd_entry_get_team_id (entry)));
      add_ids (writer->driver_ids, pd_entry_get_crew_ids (entry));

      g_hash_table_iter_init (&iter, own);
      while (g_hash_table_iter_next (&iter, &round_id, &crew_ids))
        {
          RoundCrew *crew = g_new0 (RoundCrew, 1);

          crew->entry_id = g_strdup (pd_entry_get_id (entry));
          crew->crew_ids = g_strdupv (crew_ids);
          add_ids (writer->driver_ids, crew_ids);
          group_add (writer->crews, round_id, crew, round_crew_free);
        }
    }

  return TRUE;
}

static void
add_round (Writer  *writer,
           PdRound *round)
{
  JsonBuilder *builder = writer->builder;
  GPtrArray *crews = group_get (writer->crews, pd_round_get_id (round));
  GPtrArray *sessions = group_get (writer->sessions, pd_round_get_id (round));

  json_builder_begin_object (builder);
  add_members (builder, &round_kind, G_OBJECT (round));

  if (crews != NULL)
    {
      json_builder_set_member_name (builder, "crews");
      json_builder_begin_array (builder);
      for (guint i = 0; i < crews->len; i++)
        {
          RoundCrew *crew = crews->pdata[i];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "entry_id");
          json_builder_add_string_value (builder, crew->entry_id);
          json_builder_set_member_name (builder, "crew_ids");
          json_builder_begin_array (builder);
          for (guint d = 0; crew->crew_ids[d] != NULL; d++)
            json_builder_add_string_value (builder, crew->crew_ids[d]);
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (sessions != NULL)
    {
      json_builder_set_member_name (builder, "sessions");
      json_builder_begin_array (builder);
      for (guint s = 0; s < sessions->len; s++)
        {
          PdSession *session = sessions->pdata[s];
          GPtrArray *results = group_get (writer->results, pd_session_get_id (session));

          json_builder_begin_object (builder);
          add_members (builder, &session_kind, G_OBJECT (session));
          if (results != NULL)
            {
              json_builder_set_member_name (builder, "results");
              json_builder_begin_array (builder);
              for (guint r = 0; r < results->len; r++)
                {
                  PdResult *result = results->pdata[r];
                  GPtrArray *penalties = group_get (writer->penalties, pd_result_get_id (result));

                  json_builder_begin_object (builder);
                  add_members (builder, &result_kind, G_OBJECT (result));
                  if (penalties != NULL)
                    {
                      json_builder_set_member_name (builder, "penalties");
                      json_builder_begin_array (builder);
                      for (guint p = 0; p < penalties->len; p++)
                        add_record (builder, &penalty_kind, penalties->pdata[p]);
                      json_builder_end_array (builder);
                    }
                  json_builder_end_object (builder);
                }
              json_builder_end_array (builder);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);
}

/* The shortest text that reads back as @value, as JavaScript and Python
 * write numbers: json-glib writes 17 digits, "45.615600000000001" for a
 * latitude given as 45.6156. */
static char *
shortest_double (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, sizeof buffer, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  /* Still a number with a fraction, as json-glib reads it back. */
  if (strpbrk (buffer, ".eE") == NULL)
    return g_strconcat (buffer, ".0", NULL);
  return g_strdup (buffer);
}

static gboolean
is_fraction (const char *token,
             gsize       length)
{
  gboolean fraction = FALSE;

  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    {
      if (strchr (".eE", token[i]) != NULL)
        fraction = TRUE;
      else if (!g_ascii_isdigit (token[i]) && strchr ("+-", token[i]) == NULL)
        return FALSE;
    }
  return fraction;
}

/* Rewrites each number with a fraction in json-glib's pretty output in
 * its shortest form. The generator puts every member and every array
 * item on a line of its own, and escapes line breaks and quotes inside
 * text, so a line that ends in a bare number (after `" : ` or alone)
 * holds exactly one, never text that looks like one. */
static char *
shorten_doubles (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));
  const char *line = text;

  while (*line != '\0')
    {
      const char *end = strchr (line, '\n');
      const char *token, *token_end;
      gsize length = end != NULL ? (gsize) (end - line) : strlen (line);
      const char *separator = g_strrstr_len (line, length, "\" : ");

      token = separator != NULL ? separator + 4 : line;
      while (token < line + length && *token == ' ')
        token++;
      token_end = line + length;
      if (token_end > token && token_end[-1] == ',')
        token_end--;

      if (is_fraction (token, token_end - token))
        {
          g_autofree char *number = g_strndup (token, token_end - token);
          g_autofree char *shortest = shortest_double (g_ascii_strtod (number, NULL));

          g_string_append_len (out, line, token - line);
          g_string_append (out, shortest);
          g_string_append_len (out, token_end, line + length - token_end);
        }
      else
        g_string_append_len (out, line, length);

      if (end == NULL)
        break;
      g_string_append_c (out, '\n');
      line = end + 1;
    }

  return g_string_free (out, FALSE);
}

/**
 * pd_season_json_export:
 * @season_id: the season to write
 *
 * Writes a whole season as a Paddock season document, in the newest
 * version of the format: the season with its rules, series, classes,
 * entries, rounds with their crews, sessions, results and penalties, and
 * the circuits, teams and drivers they refer to. The undo history of
 * results is not part of it. The document is the same for the same
 * data, byte for byte: members in the order of the model's fields,
 * lists in a fixed order (classes by position, rounds by date, sessions
 * by position, results by position, everything else by id), and no
 * time of writing; pd_season_json_import() of it into an empty database
 * stores exactly what this one holds of the season.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with
 *   @error set (%PD_STORE_ERROR_NOT_FOUND when there is no such season)
 */
char *
pd_season_json_export (PdStore     *store,
                       const char  *season_id,
                       GError     **error)
{
  g_auto(Writer) writer = { 0 };
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(PdSeries) series = NULL;
  g_autoptr(GListModel) class_model = NULL;
  g_autoptr(GListModel) entry_model = NULL;
  g_autoptr(GListModel) round_model = NULL;
  g_autoptr(GPtrArray) classes = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) rounds = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  JsonBuilder *builder;

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (season_id != NULL, NULL);

  season = pd_store_get (store, PD_TYPE_SEASON, season_id, error);
  if (season == NULL)
    return NULL;
  if (pd_season_get_series_id (season) != NULL &&
      (series = pd_store_get (store, PD_TYPE_SERIES, pd_season_get_series_id (season), error)) == NULL)
    return NULL;

  if ((class_model = pd_store_list_classes (store, season_id, error)) == NULL ||
      (entry_model = pd_store_list_entries (store, season_id, error)) == NULL ||
      (round_model = pd_store_list_rounds (store, season_id, error)) == NULL)
    return NULL;
  classes = sorted_items (class_model, compare_classes);
  /* Entries come by number, then id: a total order already. */
  entries = sorted_items (entry_model, NULL);
  rounds = sorted_items (round_model, compare_rounds);

  if (!collect (&writer, store, season_id, rounds, entries, error))
    return NULL;

  writer.builder = builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "paddock-season");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PD_SEASON_JSON_VERSION);
  if (series != NULL)
    {
      json_builder_set_member_name (builder, "series");
      add_record (builder, &series_kind, series);
    }
  json_builder_set_member_name (builder, "season");
  add_record (builder, &season_kind, season);

  if (!add_referenced (&writer, store, "circuits", &circuit_kind, PD_TYPE_CIRCUIT, writer.circuit_ids, error))
    return NULL;

  json_builder_set_member_name (builder, "classes");
  json_builder_begin_array (builder);
  for (guint i = 0; i < classes->len; i++)
    add_record (builder, &class_kind, classes->pdata[i]);
  json_builder_end_array (builder);

  if (!add_referenced (&writer, store, "teams", &team_kind, PD_TYPE_TEAM, writer.team_ids, error) ||
      !add_referenced (&writer, store, "drivers", &driver_kind, PD_TYPE_DRIVER, writer.driver_ids, error))
    return NULL;

  json_builder_set_member_name (builder, "entries");
  json_builder_begin_array (builder);
  for (guint i = 0; i < entries->len; i++)
    add_record (builder, &entry_kind, entries->pdata[i]);
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "rounds");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rounds->len; i++)
    add_round (&writer, rounds->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  generator = json_generator_new ();
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);

  {
    g_autofree char *shortened = shorten_doubles (text);

    return g_strconcat (shortened, "\n", NULL);
  }
}
