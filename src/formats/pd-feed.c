/* pd-feed.c: reading a followed feed into a season, and what changed.
 *
 * A feed's document is first read into an empty database in memory, by
 * the importer of its format (pd-season-json.c, pd-ics.c,
 * pd-sportstimes.c), so that a document that cannot be read changes
 * nothing. Then its records are merged, field by field, into the
 * season: a three-way merge against the base, the values the last
 * refresh took from the feed (kept as JSON in the feed's row).
 *
 *   feed = base             the feed did not change it: the local value stays
 *   local = base, or none   not edited here: the feed's value is taken
 *   local = feed            nothing to do
 *   otherwise               changed here and there: the local value stays,
 *                           and the conflict waits for the user's choice
 *
 * A record the feed no longer has is removed only when it was not edited
 * here and nothing of the user's hangs on it (a session with results).
 * Circuits, teams, drivers and series are shared by seasons: added when
 * missing, never removed.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pd-enums.h"
#include "pd-feed.h"
#include "pd-ics.h"
#include "pd-model-types.h"
#include "pd-season-json.h"
#include "pd-sportstimes.h"
#include "pd-time.h"

G_DEFINE_QUARK (pd-feed-error-quark, pd_feed_error)

typedef struct {
  const char *name;
  GType     (*get_type) (void);
  gboolean    shared;    /* by seasons: added when missing, never removed */
} Kind;

/* In the order records can be written: each after what it refers to. */
static const Kind kinds[] = {
  { "series", pd_series_get_type, TRUE },
  { "season", pd_season_get_type, FALSE },
  { "circuit", pd_circuit_get_type, TRUE },
  { "class", pd_class_get_type, FALSE },
  { "team", pd_team_get_type, TRUE },
  { "driver", pd_driver_get_type, TRUE },
  { "round", pd_round_get_type, FALSE },
  { "session", pd_session_get_type, FALSE },
  { "entry", pd_entry_get_type, FALSE },
  { "result", pd_result_get_type, FALSE },
  { "penalty", pd_penalty_get_type, FALSE },
};

#define ROUND_CREWS "round-crews"

/* What a calendar (iCalendar, sportstimes) says of rounds and sessions;
 * the other fields are the user's. */
static const char * const calendar_round_fields[] = {
  "number", "name", "circuit-id", "start-date", "end-date", NULL
};
static const char * const calendar_session_fields[] = {
  "round-id", "kind", "name", "position", "start-utc", "start-date", "duration-min", "status", NULL
};

typedef struct {
  PdStore      *store;
  PdStore      *staging;   /* the feed's document, read */
  const char   *season_id;
  gboolean      calendar;
  gboolean      new_season;  /* not here before: its records are no news */
  char         *at;
  GHashTable   *feed;      /* "kind:id" → GObject, from the feed */
  GHashTable   *local;     /* "kind:id" → GObject, the season here */
  JsonObject   *base;      /* "kind:id" → { field: value }, may be NULL */
  JsonBuilder  *new_base;
  PdFeedReport *report;
} Merge;

GQuark pd_feed_error_quark (void);

static const Kind *
kind_named (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].name, name))
      return &kinds[i];
  return NULL;
}

/* Values as text */

/* A property's value as text, in one form for equal values: NULL for
 * nothing (an empty string, list or time). */
static char *
value_to_text (const GValue *value)
{
  GType type = G_VALUE_TYPE (value);

  if (type == G_TYPE_STRING)
    {
      const char *text = g_value_get_string (value);
      return text != NULL && *text != '\0' ? g_strdup (text) : NULL;
    }
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (value));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (value) ? "true" : "false");
  if (type == G_TYPE_DOUBLE)
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, g_value_get_double (value)));
    }
  if (G_TYPE_IS_ENUM (type))
    return g_strdup (pd_enum_to_nick (type, g_value_get_enum (value)));
  if (type == G_TYPE_DATE_TIME)
    {
      GDateTime *datetime = g_value_get_boxed (value);
      return datetime != NULL ? pd_time_format_rfc3339 (datetime) : NULL;
    }
  if (type == G_TYPE_STRV)
    {
      const char * const *list = g_value_get_boxed (value);
      return list != NULL && list[0] != NULL ? g_strjoinv ("\n", (char **) list) : NULL;
    }
  g_return_val_if_reached (NULL);
}

static gboolean
value_from_text (GValue      *value,
                 const char  *text)
{
  GType type = G_VALUE_TYPE (value);
  gint64 number;

  if (type == G_TYPE_STRING)
    g_value_set_string (value, text);
  else if (type == G_TYPE_INT)
    {
      if (text != NULL && !g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &number, NULL))
        return FALSE;
      g_value_set_int (value, text != NULL ? (int) number : 0);
    }
  else if (type == G_TYPE_INT64)
    {
      if (text != NULL && !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, &number, NULL))
        return FALSE;
      g_value_set_int64 (value, text != NULL ? number : 0);
    }
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, g_strcmp0 (text, "true") == 0);
  else if (type == G_TYPE_DOUBLE)
    g_value_set_double (value, text != NULL ? g_ascii_strtod (text, NULL) : 0.0);
  else if (G_TYPE_IS_ENUM (type))
    {
      int nick_value = 0;
      if (text != NULL && !pd_enum_from_nick (type, text, &nick_value))
        return FALSE;
      g_value_set_enum (value, nick_value);
    }
  else if (type == G_TYPE_DATE_TIME)
    {
      g_autoptr(GDateTime) datetime = text != NULL ? pd_time_parse_rfc3339 (text, NULL) : NULL;
      if (text != NULL && datetime == NULL)
        return FALSE;
      g_value_set_boxed (value, datetime);
    }
  else if (type == G_TYPE_STRV)
    {
      g_auto(GStrv) list = text != NULL ? g_strsplit (text, "\n", -1) : g_new0 (char *, 1);
      g_value_set_boxed (value, list);
    }
  else
    return FALSE;
  return TRUE;
}

static char *
property_text (GObject     *record,
               const char  *field)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), field);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, pspec->value_type);
  g_object_get_property (record, field, &value);
  return value_to_text (&value);
}

static int
compare_string_ptrs (gconstpointer a,
                     gconstpointer b,
                     gpointer      user_data)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* An entry's crews of single rounds as text: "round=driver,driver" lines
 * in the order of the rounds' ids; NULL for none. */
static char *
round_crews_text (PdStore     *store,
                  const char  *entry_id)
{
  g_autoptr(GHashTable) crews = pd_store_list_round_crews (store, entry_id, NULL);
  g_autofree gpointer *rounds = NULL;
  GString *text;
  guint n = 0;

  if (crews == NULL || g_hash_table_size (crews) == 0)
    return NULL;
  rounds = g_hash_table_get_keys_as_array (crews, &n);
  g_qsort_with_data (rounds, (int) n, sizeof (gpointer), compare_string_ptrs, NULL);
  text = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *drivers = g_strjoinv (",", g_hash_table_lookup (crews, rounds[i]));
      g_string_append_printf (text, "%s%s=%s", i > 0 ? "\n" : "", (const char *) rounds[i], drivers);
    }
  return g_string_free (text, FALSE);
}

/* Sets an entry's crews of single rounds to @text's, clearing the others. */
static gboolean
set_round_crews (PdStore     *store,
                 const char  *entry_id,
                 const char  *text,
                 GError     **error)
{
  g_autoptr(GHashTable) crews = pd_store_list_round_crews (store, entry_id, error);
  g_auto(GStrv) lines = text != NULL ? g_strsplit (text, "\n", -1) : NULL;
  GHashTableIter iter;
  gpointer round_id;

  if (crews == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, crews);
  while (g_hash_table_iter_next (&iter, &round_id, NULL))
    if (!pd_store_set_round_crew (store, entry_id, round_id, NULL, error))
      return FALSE;
  for (guint i = 0; lines != NULL && lines[i] != NULL; i++)
    {
      const char *equals = strchr (lines[i], '=');
      g_autofree char *round = NULL;
      g_auto(GStrv) drivers = NULL;

      if (equals == NULL)
        continue;
      round = g_strndup (lines[i], (gsize) (equals - lines[i]));
      drivers = g_strsplit (equals + 1, ",", -1);
      if (!pd_store_set_round_crew (store, entry_id, round, (const char * const *) drivers, error))
        return FALSE;
    }
  return TRUE;
}

static const char *record_id (GObject *record);

/* A field of a record of @store as text: a property, or an entry's
 * crews of single rounds. */
static char *
field_text (PdStore     *store,
            GObject     *record,
            const char  *field)
{
  if (g_str_equal (field, ROUND_CREWS))
    return round_crews_text (store, record_id (record));
  return property_text (record, field);
}

/* The id of a record, borrowed from it. */
static const char *
record_id (GObject *record)
{
  const char *id = NULL;

  if (PD_IS_SERIES (record))
    id = pd_series_get_id (PD_SERIES (record));
  else if (PD_IS_SEASON (record))
    id = pd_season_get_id (PD_SEASON (record));
  else if (PD_IS_CIRCUIT (record))
    id = pd_circuit_get_id (PD_CIRCUIT (record));
  else if (PD_IS_CLASS (record))
    id = pd_class_get_id (PD_CLASS (record));
  else if (PD_IS_TEAM (record))
    id = pd_team_get_id (PD_TEAM (record));
  else if (PD_IS_DRIVER (record))
    id = pd_driver_get_id (PD_DRIVER (record));
  else if (PD_IS_ROUND (record))
    id = pd_round_get_id (PD_ROUND (record));
  else if (PD_IS_SESSION (record))
    id = pd_session_get_id (PD_SESSION (record));
  else if (PD_IS_ENTRY (record))
    id = pd_entry_get_id (PD_ENTRY (record));
  else if (PD_IS_RESULT (record))
    id = pd_result_get_id (PD_RESULT (record));
  else if (PD_IS_PENALTY (record))
    id = pd_penalty_get_id (PD_PENALTY (record));
  return id != NULL ? id : "";
}

/* The fields a feed of this kind speaks for, other than the id. */
static GPtrArray *
fields_of (const Kind *kind,
           gboolean    calendar)
{
  GPtrArray *fields = g_ptr_array_new ();

  if (calendar && g_str_equal (kind->name, "round"))
    for (guint i = 0; calendar_round_fields[i] != NULL; i++)
      g_ptr_array_add (fields, (gpointer) calendar_round_fields[i]);
  else if (calendar && g_str_equal (kind->name, "session"))
    for (guint i = 0; calendar_session_fields[i] != NULL; i++)
      g_ptr_array_add (fields, (gpointer) calendar_session_fields[i]);
  else
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (kind->get_type ());
      guint n = 0;
      g_autofree GParamSpec **pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n);

      for (guint i = 0; i < n; i++)
        {
          /* The store raises a session's sequence itself. */
          if (g_str_equal (pspecs[i]->name, "id") ||
              (g_str_equal (kind->name, "session") && g_str_equal (pspecs[i]->name, "sequence")))
            continue;
          g_ptr_array_add (fields, (gpointer) g_intern_string (pspecs[i]->name));
        }
      /* Not a property: the crews a car had in single rounds. */
      if (g_str_equal (kind->name, "entry"))
        g_ptr_array_add (fields, (gpointer) ROUND_CREWS);
    }
  return fields;
}

/* Whether the merge looks at @kind at all. */
static gboolean
kind_merged (const Kind *kind,
             gboolean    calendar)
{
  if (!calendar)
    return TRUE;
  return g_str_equal (kind->name, "round") || g_str_equal (kind->name, "session") ||
         g_str_equal (kind->name, "circuit") || g_str_equal (kind->name, "season") ||
         g_str_equal (kind->name, "series");
}

/* Whether the fields of a record of @kind that is here already are
 * merged; otherwise the record is only added when missing. */
static gboolean
kind_updated (const Kind *kind,
              gboolean    calendar)
{
  if (calendar)
    return g_str_equal (kind->name, "round") || g_str_equal (kind->name, "session");
  return !kind->shared;
}

/* Reading a season */

static void
add_record (GHashTable  *set,
            const char  *kind,
            gpointer     record)
{
  if (record == NULL)
    return;
  g_hash_table_replace (set, g_strdup_printf ("%s:%s", kind, record_id (record)), g_object_ref (record));
}

static gboolean
add_found (PdStore     *store,
           GHashTable  *set,
           const char  *kind_name,
           const char  *id,
           GError     **error)
{
  const Kind *kind = kind_named (kind_name);
  g_autofree char *key = NULL;
  g_autoptr(GObject) record = NULL;

  if (id == NULL || *id == '\0')
    return TRUE;
  key = g_strdup_printf ("%s:%s", kind_name, id);
  if (g_hash_table_contains (set, key))
    return TRUE;
  record = pd_store_find (store, kind->get_type (), id, error);
  if (record == NULL)
    return error == NULL || *error == NULL;
  g_hash_table_insert (set, g_steal_pointer (&key), g_steal_pointer (&record));
  return TRUE;
}

static gboolean
add_list (GHashTable  *set,
          const char  *kind,
          GListModel  *list)
{
  if (list == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(GObject) record = g_list_model_get_item (list, i);
      add_record (set, kind, record);
    }
  g_object_unref (list);
  return TRUE;
}

/* Every record of @season_id in @store, and the shared ones it uses. */
static GHashTable *
read_season (PdStore     *store,
             const char  *season_id,
             GError     **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(PdSeason) season = pd_store_find (store, PD_TYPE_SEASON, season_id, error);
  g_autoptr(GPtrArray) records = NULL;
  GHashTableIter iter;
  gpointer key, value;

  if (season == NULL)
    return error == NULL || *error == NULL ? g_steal_pointer (&set) : NULL;
  add_record (set, "season", season);
  if (!add_found (store, set, "series", pd_season_get_series_id (season), error) ||
      !add_list (set, "round", pd_store_list_rounds (store, season_id, error)) ||
      !add_list (set, "session", pd_store_list_season_sessions (store, season_id, error)) ||
      !add_list (set, "class", pd_store_list_classes (store, season_id, error)) ||
      !add_list (set, "entry", pd_store_list_entries (store, season_id, error)) ||
      !add_list (set, "result", pd_store_list_season_results (store, season_id, error)) ||
      !add_list (set, "penalty", pd_store_list_season_penalties (store, season_id, error)))
    return NULL;

  /* The shared records they use. */
  records = g_ptr_array_new_with_free_func (g_object_unref);
  g_hash_table_iter_init (&iter, set);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_ptr_array_add (records, g_object_ref (value));
  for (guint i = 0; i < records->len; i++)
    {
      GObject *record = records->pdata[i];

      if (PD_IS_ROUND (record) &&
          !add_found (store, set, "circuit", pd_round_get_circuit_id (PD_ROUND (record)), error))
        return NULL;
      if (PD_IS_ENTRY (record))
        {
          const char * const *crew = pd_entry_get_crew_ids (PD_ENTRY (record));

          if (!add_found (store, set, "team", pd_entry_get_team_id (PD_ENTRY (record)), error))
            return NULL;
          g_autoptr(GHashTable) round_crews = NULL;
          GHashTableIter crews_iter;
          gpointer round_crew;

          for (guint k = 0; crew != NULL && crew[k] != NULL; k++)
            if (!add_found (store, set, "driver", crew[k], error))
              return NULL;
          /* And those who drove it in single rounds. */
          if ((round_crews = pd_store_list_round_crews (store, record_id (record), error)) == NULL)
            return NULL;
          g_hash_table_iter_init (&crews_iter, round_crews);
          while (g_hash_table_iter_next (&crews_iter, NULL, &round_crew))
            for (const char * const *d = round_crew; *d != NULL; d++)
              if (!add_found (store, set, "driver", *d, error))
                return NULL;
        }
      if (PD_IS_RESULT (record))
        {
          const char * const *drivers = pd_result_get_driver_ids (PD_RESULT (record));

          for (guint k = 0; drivers != NULL && drivers[k] != NULL; k++)
            if (!add_found (store, set, "driver", drivers[k], error))
              return NULL;
        }
    }
  return g_steal_pointer (&set);
}

/* Labels: a record as people name it */

static GObject *
lookup (Merge       *merge,
        const char  *kind,
        const char  *id)
{
  g_autofree char *key = g_strdup_printf ("%s:%s", kind, id != NULL ? id : "");
  GObject *record = g_hash_table_lookup (merge->feed, key);

  return record != NULL ? record : g_hash_table_lookup (merge->local, key);
}

static char *
label_of (Merge   *merge,
          GObject *record)
{
  if (PD_IS_ROUND (record))
    return g_strdup (pd_round_get_name (PD_ROUND (record)) != NULL ? pd_round_get_name (PD_ROUND (record))
                                                                   : record_id (record));
  if (PD_IS_SESSION (record))
    {
      PdSession *session = PD_SESSION (record);
      GObject *round = lookup (merge, "round", pd_session_get_round_id (session));
      const char *name = pd_session_get_name (session) != NULL ? pd_session_get_name (session) : record_id (record);

      if (round != NULL && pd_round_get_name (PD_ROUND (round)) != NULL)
        return g_strdup_printf ("%s · %s", pd_round_get_name (PD_ROUND (round)), name);
      return g_strdup (name);
    }
  if (PD_IS_ENTRY (record))
    return g_strdup_printf ("#%s", pd_entry_get_number (PD_ENTRY (record)) != NULL
                                   ? pd_entry_get_number (PD_ENTRY (record)) : "?");
  if (PD_IS_RESULT (record))
    {
      PdResult *result = PD_RESULT (record);
      GObject *session = lookup (merge, "session", pd_result_get_session_id (result));
      GObject *entry = lookup (merge, "entry", pd_result_get_entry_id (result));
      g_autofree char *session_label = session != NULL ? label_of (merge, session) : g_strdup (pd_result_get_session_id (result));
      const char *number = pd_result_get_car_number (result);

      if (number == NULL && entry != NULL)
        number = pd_entry_get_number (PD_ENTRY (entry));
      return g_strdup_printf ("%s · #%s", session_label, number != NULL ? number : "?");
    }
  if (PD_IS_PENALTY (record))
    {
      GObject *result = lookup (merge, "result", pd_penalty_get_result_id (PD_PENALTY (record)));
      return result != NULL ? label_of (merge, result) : g_strdup (record_id (record));
    }
  if (g_object_class_find_property (G_OBJECT_GET_CLASS (record), "name") != NULL)
    {
      g_autofree char *name = property_text (record, "name");
      if (name != NULL)
        return g_steal_pointer (&name);
    }
  if (PD_IS_DRIVER (record))
    return g_strdup_printf ("%s %s", pd_driver_get_first_name (PD_DRIVER (record)) ?: "",
                            pd_driver_get_last_name (PD_DRIVER (record)) ?: "");
  return g_strdup (record_id (record));
}

/* Merging */

static gboolean
record_change (Merge       *merge,
               const char  *kind,
               GObject     *record,
               const char  *what,
               const char  *field,
               const char  *before,
               const char  *after,
               GError     **error)
{
  g_autofree char *label = label_of (merge, record);
  PdStoreFeedChange change = {
    0, (char *) merge->season_id, merge->at, (char *) what, (char *) kind, (char *) record_id (record),
    (char *) field, (char *) before, (char *) after, label, FALSE
  };
  PdStoreFeedChange *copy;

  if (!pd_store_add_feed_change (merge->store, &change, error))
    return FALSE;
  copy = g_new0 (PdStoreFeedChange, 1);
  copy->season_id = g_strdup (change.season_id);
  copy->at = g_strdup (change.at);
  copy->kind = g_strdup (change.kind);
  copy->record_type = g_strdup (change.record_type);
  copy->record_id = g_strdup (change.record_id);
  copy->field = g_strdup (field);
  copy->before = g_strdup (before);
  copy->after = g_strdup (after);
  copy->label = g_steal_pointer (&label);
  g_ptr_array_add (merge->report->changes, copy);
  return TRUE;
}

static gboolean
record_conflict (Merge       *merge,
                 const char  *kind,
                 GObject     *record,
                 const char  *field,
                 const char  *local,
                 const char  *remote,
                 GError     **error)
{
  g_autofree char *label = label_of (merge, record);
  PdStoreFeedConflict conflict = {
    (char *) merge->season_id, (char *) kind, (char *) record_id (record), (char *) field,
    (char *) local, (char *) remote, label, merge->at
  };

  merge->report->conflicts++;
  return pd_store_save_feed_conflict (merge->store, &conflict, error) &&
         record_change (merge, kind, record, "conflict", field, local, remote, error);
}

/* Records that are shown to people as changes; the shared ones and the
 * season itself are not. */
static gboolean
kind_reported (const Kind *kind)
{
  return !kind->shared && !g_str_equal (kind->name, "season");
}

static gboolean
merge_record (Merge       *merge,
              const Kind  *kind,
              GPtrArray   *fields,
              const char  *key,
              GObject     *remote,
              GError     **error)
{
  GObject *local = g_hash_table_lookup (merge->local, key);
  JsonObject *base = merge->base != NULL && json_object_has_member (merge->base, key)
                     ? json_object_get_object_member (merge->base, key) : NULL;
  gboolean changed = FALSE;

  /* The new base: the feed's values. */
  json_builder_set_member_name (merge->new_base, key);
  json_builder_begin_object (merge->new_base);
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *text = field_text (merge->staging, remote, fields->pdata[i]);

      json_builder_set_member_name (merge->new_base, fields->pdata[i]);
      if (text != NULL)
        json_builder_add_string_value (merge->new_base, text);
      else
        json_builder_add_null_value (merge->new_base);
    }
  json_builder_end_object (merge->new_base);

  if (local == NULL)
    {
      if (base != NULL && kind_updated (kind, merge->calendar))
        {
          /* Removed here since the last refresh: not brought back. */
          return record_conflict (merge, kind->name, remote, "*", NULL, "present", error);
        }
      if (!pd_store_save (merge->store, remote, error))
        return FALSE;
      if (PD_IS_ENTRY (remote) && !merge->calendar)
        {
          g_autofree char *crews = round_crews_text (merge->staging, record_id (remote));

          if (crews != NULL && !set_round_crews (merge->store, record_id (remote), crews, error))
            return FALSE;
        }
      g_hash_table_insert (merge->local, g_strdup (key), g_object_ref (remote));
      if (!kind_reported (kind) || merge->new_season)
        return TRUE;
      merge->report->added++;
      return record_change (merge, kind->name, remote, "added", NULL, NULL, NULL, error);
    }

  if (!kind_updated (kind, merge->calendar))
    return TRUE;

  for (guint i = 0; i < fields->len; i++)
    {
      const char *field = fields->pdata[i];
      g_autofree char *feed_text = field_text (merge->staging, remote, field);
      g_autofree char *local_text = field_text (merge->store, local, field);
      gboolean has_base = base != NULL && json_object_has_member (base, field);
      const char *base_text = has_base ? json_object_get_string_member (base, field) : NULL;

      if (g_strcmp0 (feed_text, local_text) == 0)
        continue;
      if (has_base && g_strcmp0 (feed_text, base_text) == 0)
        continue;  /* the feed did not change it: the local edit stays */
      if (has_base && g_strcmp0 (local_text, base_text) != 0)
        {
          if (!record_conflict (merge, kind->name, local, field, local_text, feed_text, error))
            return FALSE;
          continue;
        }

      if (g_str_equal (field, ROUND_CREWS))
        {
          if (!set_round_crews (merge->store, record_id (local), feed_text, error))
            return FALSE;
        }
      else
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (remote), field);
          g_auto(GValue) value = G_VALUE_INIT;

          g_value_init (&value, pspec->value_type);
          g_object_get_property (remote, field, &value);
          g_object_set_property (local, field, &value);
          changed = TRUE;
        }
      if (kind_reported (kind))
        {
          merge->report->changed++;
          if (!record_change (merge, kind->name, local, "changed", field, local_text, feed_text, error))
            return FALSE;
        }
    }
  if (changed && !pd_store_save (merge->store, local, error))
    return FALSE;
  return TRUE;
}

/* Whether anything of the user's hangs on @record: results of a
 * session, sessions of a round. */
static gboolean
has_dependents (Merge       *merge,
                GObject     *record,
                gboolean    *has,
                GError     **error)
{
  g_autoptr(GListModel) list = NULL;

  *has = FALSE;
  if (PD_IS_SESSION (record))
    list = pd_store_list_results (merge->store, record_id (record), error);
  else if (PD_IS_ROUND (record))
    list = pd_store_list_sessions (merge->store, record_id (record), error);
  else
    return TRUE;
  if (list == NULL)
    return FALSE;
  *has = g_list_model_get_n_items (list) > 0;
  return TRUE;
}

static gboolean
remove_record (Merge       *merge,
               const Kind  *kind,
               GPtrArray   *fields,
               const char  *key,
               GError     **error)
{
  GObject *local = g_hash_table_lookup (merge->local, key);
  JsonObject *base = json_object_get_object_member (merge->base, key);
  gboolean has = FALSE;

  if (local == NULL)
    return TRUE;
  for (guint i = 0; i < fields->len; i++)
    {
      g_autofree char *local_text = field_text (merge->store, local, fields->pdata[i]);

      if (json_object_has_member (base, fields->pdata[i]) &&
          g_strcmp0 (local_text, json_object_get_string_member (base, fields->pdata[i])) != 0)
        return record_conflict (merge, kind->name, local, "*", "present", NULL, error);
    }
  if (!has_dependents (merge, local, &has, error))
    return FALSE;
  if (has)
    return record_conflict (merge, kind->name, local, "*", "present", NULL, error);

  merge->report->removed++;
  if (!record_change (merge, kind->name, local, "removed", NULL, NULL, NULL, error))
    return FALSE;
  return pd_store_delete (merge->store, kind->get_type (), record_id (local), error);
}

static int
compare_keys (gconstpointer a,
              gconstpointer b)
{
  return compare_string_ptrs (a, b, NULL);
}

static GPtrArray *
keys_of_kind (GHashTable  *set,
              JsonObject  *object,
              const Kind  *kind)
{
  g_autofree char *prefix = g_strdup_printf ("%s:", kind->name);
  GPtrArray *keys = g_ptr_array_new ();

  if (set != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, set);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (g_str_has_prefix (key, prefix))
          g_ptr_array_add (keys, key);
    }
  if (object != NULL)
    {
      g_autoptr(GList) members = json_object_get_members (object);

      for (GList *l = members; l != NULL; l = l->next)
        if (g_str_has_prefix (l->data, prefix))
          g_ptr_array_add (keys, l->data);
    }
  g_ptr_array_sort (keys, compare_keys);
  return keys;
}

static gboolean
merge_cb (PdStore   *store,
          gpointer   user_data,
          GError   **error)
{
  Merge *merge = user_data;
  GPtrArray *removals[G_N_ELEMENTS (kinds)] = { NULL };
  gboolean ok = TRUE;

  merge->local = read_season (store, merge->season_id, error);
  if (merge->local == NULL)
    return FALSE;
  {
    g_autofree char *key = g_strdup_printf ("season:%s", merge->season_id);
    merge->new_season = !g_hash_table_contains (merge->local, key);
    merge->report->created = merge->new_season;
  }

  json_builder_begin_object (merge->new_base);
  for (guint k = 0; k < G_N_ELEMENTS (kinds) && ok; k++)
    {
      const Kind *kind = &kinds[k];
      g_autoptr(GPtrArray) fields = NULL;
      g_autoptr(GPtrArray) keys = NULL;

      if (!kind_merged (kind, merge->calendar))
        continue;
      fields = fields_of (kind, merge->calendar);
      keys = keys_of_kind (merge->feed, NULL, kind);
      for (guint i = 0; i < keys->len && ok; i++)
        ok = merge_record (merge, kind, fields, keys->pdata[i],
                           g_hash_table_lookup (merge->feed, keys->pdata[i]), error);

      /* What the feed had last time and has no more. */
      removals[k] = g_ptr_array_new ();
      if (merge->base != NULL && kind_updated (kind, merge->calendar) && !kind->shared)
        {
          g_autoptr(GPtrArray) before = keys_of_kind (NULL, merge->base, kind);

          for (guint i = 0; i < before->len; i++)
            if (!g_hash_table_contains (merge->feed, before->pdata[i]))
              g_ptr_array_add (removals[k], before->pdata[i]);
        }
    }
  json_builder_end_object (merge->new_base);

  /* Removed in the reverse order: what refers to a record first. */
  for (guint k = G_N_ELEMENTS (kinds); k-- > 0;)
    {
      if (removals[k] == NULL)
        continue;
      if (ok)
        {
          g_autoptr(GPtrArray) fields = fields_of (&kinds[k], merge->calendar);

          for (guint i = 0; i < removals[k]->len && ok; i++)
            ok = remove_record (merge, &kinds[k], fields, removals[k]->pdata[i], error);
        }
      g_ptr_array_unref (removals[k]);
    }
  return ok;
}

/* Formats */

/**
 * pd_feed_detect_format:
 *
 * Returns: "ics", "sportstimes" or "paddock" by the look of @data, or
 *   %NULL when it looks like none of them
 */
const char *
pd_feed_detect_format (const char *data,
                       gsize       length)
{
  gsize i = 0;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    i = 3;
  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (length - i >= 15 && g_ascii_strncasecmp (data + i, "BEGIN:VCALENDAR", 15) == 0)
    return "ics";
  if (i < length && data[i] == '{')
    return pd_sportstimes_detect (data, length) ? "sportstimes" : "paddock";
  return NULL;
}

/* Reads @data into the empty @staging as season @season_id. */
static gboolean
read_into (PdStore       *staging,
           const char    *format,
           const char    *data,
           gsize          length,
           const char    *season_id,
           PdFeedReport  *report,
           GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_str_equal (format, "paddock"))
    {
      g_autofree char *imported_id = NULL;
      PdSeasonJsonStats stats = { 0 };

      if (pd_season_json_import_full (staging, data, length, season_id, &stats, &imported_id, &local_error))
        return TRUE;
    }
  else if (g_str_equal (format, "ics"))
    {
      PdIcsStats stats = { 0 };
      gboolean ok = pd_ics_import (staging, data, length, season_id, &stats, &local_error);

      for (guint i = 0; ok && i < stats.problems->len; i++)
        g_ptr_array_add (report->problems, g_strdup (stats.problems->pdata[i]));
      pd_ics_stats_clear (&stats);
      if (ok)
        return TRUE;
    }
  else if (g_str_equal (format, "sportstimes"))
    {
      PdSportstimesStats stats = { 0 };
      gboolean ok = pd_sportstimes_import (staging, data, length, season_id, NULL, &stats, &local_error);

      for (guint i = 0; ok && i < stats.problems->len; i++)
        g_ptr_array_add (report->problems, g_strdup (stats.problems->pdata[i]));
      pd_sportstimes_stats_clear (&stats);
      if (ok)
        return TRUE;
    }
  else
    {
      g_set_error (error, PD_FEED_ERROR, PD_FEED_ERROR_FORMAT,
                   _("“%s” is not a format Paddock can follow; use “paddock”, “ics” or “sportstimes”"), format);
      return FALSE;
    }

  g_set_error_literal (error, PD_FEED_ERROR, PD_FEED_ERROR_FORMAT, local_error->message);
  return FALSE;
}

static char *
now_text (GDateTime *now)
{
  g_autoptr(GDateTime) current = now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();

  return pd_time_format_rfc3339 (current);
}

/**
 * pd_feed_check_url:
 *
 * Only http and https URLs are followed.
 */
gboolean
pd_feed_check_url (const char  *url,
                   GError     **error)
{
  g_autoptr(GUri) uri = url != NULL ? g_uri_parse (url, G_URI_FLAGS_NONE, NULL) : NULL;
  const char *scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;

  if (uri == NULL || scheme == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (scheme, "http") != 0 && g_ascii_strcasecmp (scheme, "https") != 0))
    {
      g_set_error (error, PD_FEED_ERROR, PD_FEED_ERROR_URL,
                   _("“%s” is not a web address Paddock can follow: it must begin with https:// or http://"),
                   url != NULL ? url : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * pd_feed_apply:
 * @url: (nullable): the feed the season follows from now on, or %NULL
 *   for a one-off import (then the season's feed, if any, is kept)
 * @format: (nullable): "paddock", "ics", "sportstimes", or %NULL to tell
 *   by the look of @data
 * @report: (out caller-allocates): what changed
 */
gboolean
pd_feed_apply (PdStore        *store,
               const char     *season_id,
               const char     *url,
               const char     *format,
               const char     *data,
               gsize           length,
               const char     *etag,
               const char     *last_modified,
               GDateTime      *now,
               PdFeedReport   *report,
               GError        **error)
{
  g_autoptr(PdStore) staging = NULL;
  g_autoptr(PdStoreFeed) feed = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *base_text = NULL;
  g_autofree char *at = now_text (now);
  GHashTable *feed_set = NULL;
  Merge merge = { 0 };
  gboolean ok;

  memset (report, 0, sizeof *report);
  report->changes = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_store_feed_change_free);
  report->problems = g_ptr_array_new_with_free_func (g_free);
  report->season_id = g_strdup (season_id);

  if (format == NULL && (format = pd_feed_detect_format (data, length)) == NULL)
    {
      g_set_error_literal (error, PD_FEED_ERROR, PD_FEED_ERROR_FORMAT,
                           _("This is neither a Paddock season file, an iCalendar calendar nor a sportstimes "
                             "calendar"));
      return FALSE;
    }
  report->format = g_strdup (format);

  if ((feed = pd_store_get_feed (store, season_id, error)) == NULL && error != NULL && *error != NULL)
    return FALSE;

  /* The document, read whole before anything here changes. */
  if ((staging = pd_store_new (":memory:", NULL, NULL, error)) == NULL ||
      !read_into (staging, format, data, length, season_id, report, error) ||
      (feed_set = read_season (staging, season_id, error)) == NULL)
    return FALSE;

  /* The base counts only for the same feed in the same format. */
  if (feed != NULL && feed->base != NULL && (url == NULL || g_strcmp0 (feed->url, url) == 0) &&
      g_strcmp0 (feed->format, format) == 0)
    {
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, feed->base, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        merge.base = json_node_get_object (json_parser_get_root (parser));
    }

  merge.store = store;
  merge.staging = staging;
  merge.season_id = season_id;
  merge.calendar = !g_str_equal (format, "paddock");
  merge.at = at;
  merge.feed = feed_set;
  merge.new_base = builder;
  merge.report = report;

  /* The feed's row is written in the same transaction. */
  ok = pd_store_transaction (store, merge_cb, &merge, error);
  g_clear_pointer (&merge.local, g_hash_table_unref);
  g_hash_table_unref (feed_set);
  if (!ok)
    {
      g_ptr_array_set_size (report->changes, 0);
      report->added = report->changed = report->removed = report->conflicts = 0;
      report->created = FALSE;
      return FALSE;
    }

  if (url == NULL && feed == NULL)
    return TRUE;

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  base_text = json_generator_to_data (generator, NULL);
  {
    PdStoreFeed row = {
      (char *) season_id, (char *) (url != NULL ? url : feed->url), (char *) format,
      (char *) (url != NULL ? etag : feed->etag), (char *) (url != NULL ? last_modified : feed->last_modified),
      at, at, NULL, base_text
    };

    /* A one-off import of another document leaves the followed feed's
     * conditional request as it was, but its base is now this. */
    if (!pd_store_save_feed (store, &row, error))
      return FALSE;
  }
  return TRUE;
}

gboolean
pd_feed_record_try (PdStore     *store,
                    const char  *season_id,
                    GDateTime   *now,
                    const char  *message,
                    GError     **error)
{
  g_autoptr(PdStoreFeed) feed = pd_store_get_feed (store, season_id, error);
  g_autofree char *at = now_text (now);
  /* Saved again whole, base and all. */

  if (feed == NULL)
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      return TRUE;  /* not followed (yet): nothing to keep */
    }
  g_free (feed->checked_at);
  feed->checked_at = g_strdup (at);
  g_free (feed->error);
  feed->error = g_strdup (message);
  if (message == NULL)
    {
      g_free (feed->refreshed_at);
      feed->refreshed_at = g_strdup (at);
    }
  return pd_store_save_feed (store, feed, error);
}

typedef struct {
  const PdStoreFeedConflict *conflict;
  gboolean                   take_feed;
} Resolve;

static gboolean
resolve_cb (PdStore   *store,
            gpointer   user_data,
            GError   **error)
{
  Resolve *resolve = user_data;
  const PdStoreFeedConflict *conflict = resolve->conflict;
  const Kind *kind = kind_named (conflict->record_type);

  if (resolve->take_feed && kind != NULL)
    {
      g_autoptr(GObject) record = pd_store_find (store, kind->get_type (), conflict->record_id, error);

      if (record == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (g_str_equal (conflict->field, "*"))
        {
          /* The feed removed it: remove it here too. A record removed
           * here that the feed still has comes back at the next refresh
           * without a base for it. */
          if (record != NULL && conflict->remote == NULL &&
              !pd_store_delete (store, kind->get_type (), conflict->record_id, error))
            return FALSE;
          if (record == NULL && conflict->remote != NULL)
            {
              g_autoptr(PdStoreFeed) feed = pd_store_get_feed (store, conflict->season_id, error);
              g_autoptr(JsonParser) parser = json_parser_new ();
              g_autofree char *key = g_strdup_printf ("%s:%s", conflict->record_type, conflict->record_id);

              if (feed == NULL && error != NULL && *error != NULL)
                return FALSE;
              if (feed != NULL && feed->base != NULL && json_parser_load_from_data (parser, feed->base, -1, NULL) &&
                  JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
                {
                  g_autoptr(JsonGenerator) generator = json_generator_new ();
                  JsonObject *base = json_node_get_object (json_parser_get_root (parser));

                  json_object_remove_member (base, key);
                  json_generator_set_root (generator, json_parser_get_root (parser));
                  g_free (feed->base);
                  feed->base = json_generator_to_data (generator, NULL);
                  if (!pd_store_save_feed (store, feed, error))
                    return FALSE;
                }
            }
        }
      else if (record != NULL && g_str_equal (conflict->field, ROUND_CREWS))
        {
          if (!set_round_crews (store, conflict->record_id, conflict->remote, error))
            return FALSE;
        }
      else if (record != NULL)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (record), conflict->field);
          g_auto(GValue) value = G_VALUE_INIT;

          if (pspec == NULL)
            {
              g_set_error (error, PD_FEED_ERROR, PD_FEED_ERROR_FORMAT, _("A %s has no field “%s”"),
                           conflict->record_type, conflict->field);
              return FALSE;
            }
          g_value_init (&value, pspec->value_type);
          if (!value_from_text (&value, conflict->remote))
            {
              g_set_error (error, PD_FEED_ERROR, PD_FEED_ERROR_FORMAT, _("“%s” is not a value for “%s”"),
                           conflict->remote, conflict->field);
              return FALSE;
            }
          g_object_set_property (record, conflict->field, &value);
          if (!pd_store_save (store, record, error))
            return FALSE;
        }
    }
  return pd_store_delete_feed_conflict (store, conflict->season_id, conflict->record_type,
                                        conflict->record_id, conflict->field, error);
}

/**
 * pd_feed_resolve_conflict:
 * @take_feed: %TRUE to take the feed's value, %FALSE to keep the local one
 */
gboolean
pd_feed_resolve_conflict (PdStore                    *store,
                          const PdStoreFeedConflict  *conflict,
                          gboolean                    take_feed,
                          GError                    **error)
{
  Resolve resolve = { conflict, take_feed };

  return pd_store_transaction (store, resolve_cb, &resolve, error);
}

/* Describing */

static char *
format_instant (const char *text,
                GTimeZone  *zone)
{
  g_autoptr(GDateTime) instant = text != NULL ? pd_time_parse_rfc3339 (text, NULL) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (instant == NULL)
    return g_strdup (text != NULL ? text : "—");
  local = zone != NULL ? g_date_time_to_timezone (instant, zone) : g_date_time_to_local (instant);
  /* TRANSLATORS: a session's start in a list of changes, strftime format */
  return g_date_time_format (local, _("%a %-d %b %H:%M"));
}

/* A field's name for people. */
static const char *
field_label (const char *field)
{
  static const struct { const char *field; const char *label; } labels[] = {
    { "name", N_("name") },
    { "start-utc", N_("start") },
    { "start-date", N_("day") },
    { "duration-min", N_("duration") },
    { "status", N_("status") },
    { "number", N_("number") },
    { "circuit-id", N_("circuit") },
    { "round-id", N_("round") },
    { "kind", N_("kind") },
    { "position", N_("position") },
    { "class-position", N_("class position") },
    { "laps", N_("laps") },
    { "total-time-ms", N_("race time") },
    { "best-lap-ms", N_("best lap") },
    { "grid", N_("grid") },
    { "time-ms", N_("time") },
    { "points", N_("points") },
    { "reason", N_("reason") },
    { "end-date", N_("last day") },
    { ROUND_CREWS, N_("crews by round") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _(labels[i].label);
  return field;
}

static char *
format_value (const char *field,
              const char *text,
              GTimeZone  *zone)
{
  if (g_strcmp0 (field, "start-utc") == 0)
    return format_instant (text, zone);
  if (g_strcmp0 (field, "status") == 0 && text != NULL)
    {
      if (g_str_equal (text, "scheduled"))
        return g_strdup (C_("session status", "scheduled"));
      if (g_str_equal (text, "tentative"))
        return g_strdup (C_("session status", "tentative"));
      if (g_str_equal (text, "postponed"))
        return g_strdup (C_("session status", "postponed"));
      if (g_str_equal (text, "cancelled"))
        return g_strdup (C_("session status", "cancelled"));
    }
  return g_strdup (text != NULL ? text : "—");
}

/**
 * pd_feed_describe_change:
 * @zone: (nullable): the zone times are shown in; %NULL for local time
 *
 * Returns: (transfer full): one line saying what a refresh changed
 */
char *
pd_feed_describe_change (const PdStoreFeedChange *change,
                         GTimeZone               *zone)
{
  const char *label = change->label != NULL ? change->label : change->record_id;
  const char *type = change->record_type;

  if (g_str_equal (change->kind, "added"))
    {
      if (g_str_equal (type, "result"))
        return g_strdup_printf (_("Result added: %s"), label);
      if (g_str_equal (type, "penalty"))
        return g_strdup_printf (_("Penalty applied: %s"), label);
      if (g_str_equal (type, "entry"))
        return g_strdup_printf (_("Car added: %s"), label);
      return g_strdup_printf (_("%s added"), label);
    }
  if (g_str_equal (change->kind, "removed"))
    {
      if (g_str_equal (type, "penalty"))
        return g_strdup_printf (_("Penalty withdrawn: %s"), label);
      return g_strdup_printf (_("%s removed"), label);
    }
  if (g_str_equal (change->kind, "conflict"))
    {
      PdStoreFeedConflict conflict = {
        change->season_id, change->record_type, change->record_id, change->field,
        change->before, change->after, change->label, change->at
      };
      return pd_feed_describe_conflict (&conflict, zone);
    }

  if (g_strcmp0 (change->field, "start-utc") == 0 && g_str_equal (type, "session"))
    {
      g_autofree char *before = format_instant (change->before, zone);
      g_autofree char *after = format_instant (change->after, zone);

      if (change->before == NULL)
        return g_strdup_printf (_("%s now at %s"), label, after);
      /* TRANSLATORS: a session moved: its name, then the old and new start */
      return g_strdup_printf (_("%s moved from %s to %s"), label, before, after);
    }
  if (g_strcmp0 (change->field, "status") == 0 && g_str_equal (type, "session") && change->after != NULL)
    {
      if (g_str_equal (change->after, "cancelled"))
        return g_strdup_printf (_("%s cancelled"), label);
      if (g_str_equal (change->after, "postponed"))
        return g_strdup_printf (_("%s postponed"), label);
      if (g_str_equal (change->after, "tentative"))
        return g_strdup_printf (_("%s is now provisional"), label);
      return g_strdup_printf (_("%s confirmed"), label);
    }

  {
    g_autofree char *before = format_value (change->field, change->before, zone);
    g_autofree char *after = format_value (change->field, change->after, zone);

    /* TRANSLATORS: a change: what changed, its field, old value, new value */
    return g_strdup_printf (_("%s: %s changed from %s to %s"), label,
                            change->field != NULL ? field_label (change->field) : "", before, after);
  }
}

char *
pd_feed_describe_conflict (const PdStoreFeedConflict *conflict,
                           GTimeZone                 *zone)
{
  const char *label = conflict->label != NULL ? conflict->label : conflict->record_id;

  if (g_str_equal (conflict->field, "*"))
    {
      if (conflict->remote == NULL)
        return g_strdup_printf (_("%s: removed from the feed, kept here because you changed it or it has results"),
                                label);
      return g_strdup_printf (_("%s: you removed it here, the feed still has it"), label);
    }
  {
    g_autofree char *local = format_value (conflict->field, conflict->local, zone);
    g_autofree char *remote = format_value (conflict->field, conflict->remote, zone);

    /* TRANSLATORS: a field changed here and in the feed: what, the field, the value here, the feed's */
    return g_strdup_printf (_("%s: %s changed here and in the feed (yours: %s, the feed’s: %s); yours was kept"),
                            label, field_label (conflict->field), local, remote);
  }
}

/**
 * pd_feed_summarize:
 *
 * Returns: (transfer full): one line for a toast or a command's output
 */
char *
pd_feed_summarize (const PdFeedReport *report)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint changes = report->added + report->changed + report->removed;

  if (report->created)
    /* TRANSLATORS: a season's id */
    return g_strdup_printf (_("%s was created from the feed"), report->season_id);
  if (changes == 0 && report->conflicts == 0)
    return g_strdup_printf (_("%s is up to date"), report->season_id);
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%s: %u change", "%s: %u changes", changes),
                          report->season_id, changes);
  if (report->conflicts > 0)
    {
      g_string_append (text, ", ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u conflict to resolve",
                                                 "%u conflicts to resolve", report->conflicts),
                              report->conflicts);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
pd_feed_report_clear (PdFeedReport *report)
{
  g_clear_pointer (&report->season_id, g_free);
  g_clear_pointer (&report->format, g_free);
  g_clear_pointer (&report->changes, g_ptr_array_unref);
  g_clear_pointer (&report->problems, g_ptr_array_unref);
}

void
pd_feed_report_free (PdFeedReport *report)
{
  if (report == NULL)
    return;
  pd_feed_report_clear (report);
  g_free (report);
}
