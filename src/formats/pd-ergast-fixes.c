#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pd-ergast.h"
#include "pd-ergast-fixes.h"

/*
 * Corrections to the Ergast data (data/ergast-corrections.json, described
 * in docs/ergast-import.md): facts about Formula 1 races that Ergast's
 * results.csv lacks or gets wrong, each with its source. The Ergast
 * import applies them at its end, inside its transaction.
 *
 * - "fastest-lap": the driver's result set the race's fastest lap, which
 *   scored a point in 1950-1959 and 2019-2024. Ergast does not say who
 *   set it in the 1950s and at the 2024 Monaco GP.
 * - "position": the stewards changed the driver's place after the race;
 *   the cars in between move up (or down) one place.
 *
 * A correction changes a row only when it finds that row as it expects,
 * so that a copy of Ergast that has been fixed since is not corrected
 * twice, and applying the corrections twice changes nothing. The
 * fastest-lap corrections of one race (several when drivers tied) apply
 * together or not at all: a share of the point depends on all of them.
 *
 * The file is compiled into the core library; its messages are for
 * developers, so they are not translated.
 */

G_DEFINE_QUARK (pd-ergast-fixes-error-quark, pd_ergast_fixes_error)

#define FORMAT_NAME "paddock-ergast-corrections"
#define FORMAT_VERSION 1

typedef enum {
  FIX_FASTEST_LAP,
  FIX_POSITION,
} FixKind;

typedef struct {
  FixKind  kind;
  int      year;
  int      round;
  char    *driver;         /* Ergast driverRef, the driver's id in the store */
  char    *number;         /* the car number, NULL: any car of the driver */
  char    *position_text;  /* fastest-lap: Ergast's positionText of the row */
  int      from;           /* position: the place Ergast gives */
  int      to;             /* position: the official place */
} Fix;

static void
fix_free (gpointer data)
{
  Fix *fix = data;

  g_free (fix->driver);
  g_free (fix->number);
  g_free (fix->position_text);
  g_free (fix);
}

/* Reading the file */

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

  g_set_error (error, PD_ERGAST_FIXES_ERROR, code, "Ergast corrections, at %s: %s", where, message);
  return FALSE;
}

static gboolean
check_members (JsonObject          *object,
               const char * const  *allowed,
               const char          *where,
               GError             **error)
{
  g_autoptr(GList) members = json_object_get_members (object);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (allowed, l->data))
      return fail (error, PD_ERGAST_FIXES_ERROR_FORMAT, where, "unknown member “%s”", (char *) l->data);
  return TRUE;
}

static gboolean
get_int (JsonObject  *object,
         const char  *member,
         int          min,
         int          max,
         const char  *where,
         int         *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    return fail (error, PD_ERGAST_FIXES_ERROR_FORMAT, where,
                 "“%s” must be a whole number from %d to %d", member, min, max);
  *out = (int) json_node_get_int (node);
  return TRUE;
}

/* Text that is not empty; NULL in *out when absent and not @required. */
static gboolean
get_text (JsonObject  *object,
          const char  *member,
          gboolean     required,
          const char  *where,
          char       **out,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = NULL;
  if (node == NULL && !required)
    return TRUE;
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    return fail (error, PD_ERGAST_FIXES_ERROR_FORMAT, where, "“%s” must be text, not empty", member);
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

/* A positionText as Ergast writes it: a place, or R, D, E, W, F or N. */
static gboolean
valid_position_text (const char *text)
{
  return g_ascii_string_to_signed (text, 10, 1, 999, NULL, NULL) ||
         (strlen (text) == 1 && strchr ("RDEWFN", text[0]) != NULL);
}

static Fix *
read_fix (JsonNode    *node,
          const char  *where,
          GError     **error)
{
  static const char * const fastest_lap_members[] = {
    "kind", "year", "round", "driver", "number", "position_text", "source", "_comment", NULL
  };
  static const char * const position_members[] = {
    "kind", "year", "round", "driver", "number", "from", "to", "source", "_comment", NULL
  };
  g_autoptr(GError) local_error = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *source = NULL;
  JsonObject *object;
  Fix *fix;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, PD_ERGAST_FIXES_ERROR_FORMAT, where, "expected an object");
      return NULL;
    }
  object = json_node_get_object (node);
  if (!get_text (object, "kind", TRUE, where, &kind, error))
    return NULL;

  fix = g_new0 (Fix, 1);
  if (g_str_equal (kind, "fastest-lap"))
    fix->kind = FIX_FASTEST_LAP;
  else if (g_str_equal (kind, "position"))
    fix->kind = FIX_POSITION;
  else
    {
      fix_free (fix);
      fail (error, PD_ERGAST_FIXES_ERROR_FORMAT, where, "unknown kind “%s”", kind);
      return NULL;
    }

  /* Every correction says where its fact comes from. */
  if (!check_members (object, fix->kind == FIX_FASTEST_LAP ? fastest_lap_members : position_members,
                      where, &local_error) ||
      !get_int (object, "year", 1950, 9999, where, &fix->year, &local_error) ||
      !get_int (object, "round", 1, 999, where, &fix->round, &local_error) ||
      !get_text (object, "driver", TRUE, where, &fix->driver, &local_error) ||
      !get_text (object, "number", FALSE, where, &fix->number, &local_error) ||
      !get_text (object, "source", TRUE, where, &source, &local_error))
    goto failed;

  if (fix->kind == FIX_FASTEST_LAP)
    {
      if (!get_text (object, "position_text", TRUE, where, &fix->position_text, &local_error))
        goto failed;
      if (!valid_position_text (fix->position_text))
        {
          fail (&local_error, PD_ERGAST_FIXES_ERROR_FORMAT, where,
                "“position_text” must be a place or one of R, D, E, W, F and N");
          goto failed;
        }
    }
  else
    {
      if (!get_int (object, "from", 1, 999, where, &fix->from, &local_error) ||
          !get_int (object, "to", 1, 999, where, &fix->to, &local_error))
        goto failed;
      if (fix->from == fix->to)
        {
          fail (&local_error, PD_ERGAST_FIXES_ERROR_FORMAT, where, "“from” and “to” are the same place");
          goto failed;
        }
    }
  return fix;

failed:
  fix_free (fix);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return NULL;
}

/* Reads a corrections file into a list of Fix. */
static GPtrArray *
read_fixes (const char  *data,
            gsize        length,
            GError     **error)
{
  static const char * const members[] = { "format", "version", "corrections", "_comment", NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GPtrArray) fixes = g_ptr_array_new_with_free_func (fix_free);
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *format = NULL;
  JsonObject *root;
  JsonNode *node;
  JsonArray *array;
  int version;

  if (length > G_MAXSSIZE || !g_utf8_validate (data, length, NULL) ||
      !json_parser_load_from_data (parser, data, length, &parse_error))
    {
      g_set_error (error, PD_ERGAST_FIXES_ERROR, PD_ERGAST_FIXES_ERROR_SYNTAX,
                   "Ergast corrections: not a UTF-8 JSON document%s%s",
                   parse_error != NULL ? ": " : "", parse_error != NULL ? parse_error->message : "");
      return NULL;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, PD_ERGAST_FIXES_ERROR_FORMAT, "/", "expected an object");
      return NULL;
    }
  root = json_node_get_object (node);
  if (!check_members (root, members, "/", error) ||
      !get_text (root, "format", TRUE, "/", &format, error))
    return NULL;
  if (!g_str_equal (format, FORMAT_NAME))
    {
      fail (error, PD_ERGAST_FIXES_ERROR_FORMAT, "format", "expected “" FORMAT_NAME "”");
      return NULL;
    }
  if (!get_int (root, "version", 1, G_MAXINT, "/", &version, error))
    return NULL;
  if (version > FORMAT_VERSION)
    {
      g_set_error (error, PD_ERGAST_FIXES_ERROR, PD_ERGAST_FIXES_ERROR_VERSION,
                   "Ergast corrections: version %d is newer than this Paddock reads (%d)",
                   version, FORMAT_VERSION);
      return NULL;
    }

  node = json_object_get_member (root, "corrections");
  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (error, PD_ERGAST_FIXES_ERROR_FORMAT, "corrections", "expected a list");
      return NULL;
    }
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("corrections[%u]", i);
      Fix *fix = read_fix (json_array_get_element (array, i), where, error);

      if (fix == NULL)
        return NULL;
      g_ptr_array_add (fixes, fix);
    }

  return g_steal_pointer (&fixes);
}

/* Finding the rows */

/* The results of the race of round @round of @year, as the Ergast import
 * stores them; NULL in *results when that race is not stored. */
static gboolean
get_race_results (PdStore     *store,
                  int          year,
                  int          round,
                  GListModel **results,
                  GError     **error)
{
  g_autofree char *season_id = g_strdup_printf (PD_ERGAST_SERIES_ID "-%d", year);
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autofree char *round_id = NULL;
  g_autofree char *session_id = NULL;

  *results = NULL;
  rounds = pd_store_list_rounds (store, season_id, error);
  if (rounds == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (rounds) && round_id == NULL; i++)
    {
      g_autoptr(PdRound) item = g_list_model_get_item (rounds, i);

      if (pd_round_get_number (item) == round)
        round_id = g_strdup (pd_round_get_id (item));
    }
  if (round_id == NULL)
    return TRUE;

  sessions = pd_store_list_sessions (store, round_id, error);
  if (sessions == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (sessions) && session_id == NULL; i++)
    {
      g_autoptr(PdSession) item = g_list_model_get_item (sessions, i);

      if (pd_session_get_kind (item) == PD_SESSION_KIND_RACE)
        session_id = g_strdup (pd_session_get_id (item));
    }
  if (session_id == NULL)
    return TRUE;

  *results = pd_store_list_results (store, session_id, error);
  return *results != NULL;
}

/* The one result of the fix's driver (in the fix's car, when it names
 * one); NULL when there is none, or more than one. */
static PdResult *
find_row (GListModel *results,
          const Fix  *fix)
{
  PdResult *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);
      const char * const *drivers = pd_result_get_driver_ids (result);

      if (drivers == NULL || !g_strv_contains (drivers, fix->driver) ||
          (fix->number != NULL && g_strcmp0 (pd_result_get_car_number (result), fix->number) != 0))
        continue;
      if (found != NULL)
        {
          g_object_unref (found);
          return NULL;
        }
      found = g_steal_pointer (&result);
    }
  return found;
}

/* Whether a stored result is what Ergast's positionText says: a place,
 * or the status the import gives each letter. */
static gboolean
has_position_text (PdResult   *result,
                   const char *text)
{
  PdResultStatus status = pd_result_get_status (result);
  gint64 place;

  if (g_ascii_string_to_signed (text, 10, 1, 999, &place, NULL))
    return status == PD_RESULT_STATUS_CLASSIFIED && pd_result_get_position (result) == place;

  switch (text[0])
    {
    case 'R':
      return status == PD_RESULT_STATUS_DNF;
    case 'D':
      return status == PD_RESULT_STATUS_DSQ;
    case 'E':
      return status == PD_RESULT_STATUS_EXCLUDED;
    case 'W':
    case 'F':
      return status == PD_RESULT_STATUS_DNS;
    case 'N':
      return status == PD_RESULT_STATUS_NOT_CLASSIFIED;
    default:
      return FALSE;
    }
}

/* Applying */

/* The fastest-lap corrections of one race, together: only where no result
 * of the race holds the fastest lap yet, and only when every holder's row
 * is there as expected. */
static gboolean
apply_fastest_laps (PdStore             *store,
                    GPtrArray           *group,
                    PdErgastFixesStats  *stats,
                    GError             **error)
{
  const Fix *first = group->pdata[0];
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  if (!get_race_results (store, first->year, first->round, &results, error))
    return FALSE;
  if (results == NULL)
    {
      stats->absent += group->len;
      return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);

      if (pd_result_get_fastest_lap (result))
        {
          g_debug ("%d round %d: the fastest lap is already known; %u corrections left out",
                   first->year, first->round, group->len);
          stats->skipped += group->len;
          return TRUE;
        }
    }

  for (guint i = 0; i < group->len; i++)
    {
      const Fix *fix = group->pdata[i];
      PdResult *row = find_row (results, fix);

      if (row == NULL || !has_position_text (row, fix->position_text) ||
          g_ptr_array_find (rows, row, NULL))
        {
          g_debug ("%d round %d: %s (car %s) is not there as %s; %u corrections left out",
                   fix->year, fix->round, fix->driver, fix->number != NULL ? fix->number : "any",
                   fix->position_text, group->len);
          g_clear_object (&row);
          stats->skipped += group->len;
          return TRUE;
        }
      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      pd_result_set_fastest_lap (rows->pdata[i], TRUE);
      if (!pd_store_save (store, rows->pdata[i], error))
        return FALSE;
    }
  stats->applied += group->len;
  return TRUE;
}

/* A place changed after the race: the driver goes from `from` to `to`,
 * the classified cars in between move one place towards `from`. Each row
 * that moves keeps the place it crossed the line in as its road position
 * when it has none. Applied only while the driver is still at `from`,
 * alone there, with every place in between taken. */
static gboolean
apply_position (PdStore             *store,
                const Fix           *fix,
                PdErgastFixesStats  *stats,
                GError             **error)
{
  g_autoptr(GListModel) results = NULL;
  g_autoptr(PdResult) target = NULL;
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  int low = MIN (fix->from, fix->to), high = MAX (fix->from, fix->to);
  int step = fix->to > fix->from ? -1 : 1;
  g_autofree gboolean *taken = g_new0 (gboolean, high - low + 1);
  guint at_from = 0;

  if (!get_race_results (store, fix->year, fix->round, &results, error))
    return FALSE;
  if (results == NULL)
    {
      stats->absent++;
      return TRUE;
    }

  target = find_row (results, fix);
  if (target == NULL || pd_result_get_status (target) != PD_RESULT_STATUS_CLASSIFIED ||
      pd_result_get_position (target) != fix->from)
    {
      g_debug ("%d round %d: %s is not classified %d; correction left out",
               fix->year, fix->round, fix->driver, fix->from);
      stats->skipped++;
      return TRUE;
    }

  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      g_autoptr(PdResult) result = g_list_model_get_item (results, i);
      int position = pd_result_get_position (result);

      if (pd_result_get_status (result) != PD_RESULT_STATUS_CLASSIFIED || position < low || position > high)
        continue;
      taken[position - low] = TRUE;
      if (position == fix->from)
        at_from++;
      else
        g_ptr_array_add (moved, g_steal_pointer (&result));
    }

  for (int p = low; p <= high; p++)
    if (!taken[p - low] || at_from != 1)
      {
        g_debug ("%d round %d: the places from %d to %d are not as expected; correction left out",
                 fix->year, fix->round, fix->from, fix->to);
        stats->skipped++;
        return TRUE;
      }

  for (guint i = 0; i < moved->len; i++)
    {
      PdResult *result = moved->pdata[i];
      int position = pd_result_get_position (result);

      if (pd_result_get_road_position (result) == 0)
        pd_result_set_road_position (result, position);
      pd_result_set_position (result, position + step);
      if (!pd_store_save (store, G_OBJECT (result), error))
        return FALSE;
    }
  if (pd_result_get_road_position (target) == 0)
    pd_result_set_road_position (target, fix->from);
  pd_result_set_position (target, fix->to);
  if (!pd_store_save (store, G_OBJECT (target), error))
    return FALSE;

  stats->applied++;
  return TRUE;
}

/**
 * pd_ergast_fixes_apply_data:
 * @data: a corrections file (the format of data/ergast-corrections.json)
 * @stats: (out caller-allocates) (optional): what was applied
 *
 * Applies the corrections of @data to the Formula 1 seasons that the
 * Ergast import stored. Call it inside a transaction, as the import does
 * (pd_store_transaction()), so that the corrections are saved with the
 * data they correct.
 *
 * Returns: %TRUE on success; %FALSE if @data is not a corrections file or
 *   the store fails, with nothing applied when @data is malformed
 */
gboolean
pd_ergast_fixes_apply_data (PdStore             *store,
                            const char          *data,
                            gsize                length,
                            PdErgastFixesStats  *stats,
                            GError             **error)
{
  g_autoptr(GPtrArray) fixes = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  PdErgastFixesStats local_stats = { 0, };

  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  fixes = read_fixes (data, length, error);
  if (fixes == NULL)
    return FALSE;

  /* The fastest-lap corrections by race, in the file's order. */
  for (guint i = 0; i < fixes->len; i++)
    {
      Fix *fix = fixes->pdata[i];
      gpointer key = GINT_TO_POINTER (fix->year * 1000 + fix->round);
      GPtrArray *group;

      if (fix->kind != FIX_FASTEST_LAP)
        continue;
      group = g_hash_table_lookup (groups, key);
      if (group == NULL)
        {
          group = g_ptr_array_new ();
          g_hash_table_insert (groups, key, group);
          g_ptr_array_add (order, group);
        }
      g_ptr_array_add (group, fix);
    }

  for (guint i = 0; i < order->len; i++)
    if (!apply_fastest_laps (store, order->pdata[i], &local_stats, error))
      return FALSE;

  for (guint i = 0; i < fixes->len; i++)
    {
      Fix *fix = fixes->pdata[i];

      if (fix->kind == FIX_POSITION && !apply_position (store, fix, &local_stats, error))
        return FALSE;
    }

  if (stats != NULL)
    *stats = local_stats;
  return TRUE;
}

/**
 * pd_ergast_fixes_apply:
 * @stats: (out caller-allocates) (optional): what was applied
 *
 * Applies the corrections that Paddock ships (data/ergast-corrections.json)
 * to the Formula 1 seasons that the Ergast import stored; see
 * pd_ergast_fixes_apply_data().
 *
 * Returns: %TRUE on success
 */
gboolean
pd_ergast_fixes_apply (PdStore             *store,
                       PdErgastFixesStats  *stats,
                       GError             **error)
{
  g_autoptr(GBytes) bytes = NULL;
  const char *data;
  gsize length;

  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  bytes = g_resources_lookup_data (PD_ERGAST_FIXES_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  return pd_ergast_fixes_apply_data (store, data, length, stats, error);
}
