#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-csv.h"
#include "pd-enums.h"
#include "pd-points.h"
#include "pd-results-table.h"
#include "pd-score-loader.h"

/*
 * A session's classification with the names people read, for the command
 * line (paddock-cli results) and the exports: one row per car in the
 * order of the classification, with its class, team, car, drivers and
 * penalties. JSON and CSV keys are stable English names, whatever the
 * language, so that scripts can read them.
 */

static void
row_free (gpointer data)
{
  PdResultRow *row = data;

  g_clear_object (&row->result);
  g_free (row->class_name);
  g_free (row->team_name);
  g_free (row->car_model);
  g_free (row->number);
  g_strfreev (row->driver_names);
  g_clear_pointer (&row->penalties, g_ptr_array_unref);
  g_free (row);
}

static char *
session_names (GListModel *sessions)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      g_ptr_array_add (names, (gpointer) pd_session_get_name (session));
    }
  g_ptr_array_add (names, NULL);
  /* TRANSLATORS: the separator in a list of names: "Race 1, Race 2" */
  return g_strjoinv (_(", "), (char **) names->pdata);
}

/**
 * pd_results_find_session:
 * @session_name: such as "Race 2", in any case
 *
 * Returns: (transfer full) (nullable): the session, or %NULL with a
 *   %PD_STORE_ERROR_NOT_FOUND error that says what there is instead
 */
PdSession *
pd_results_find_session (PdStore     *store,
                         const char  *season_id,
                         int          round_number,
                         const char  *session_name,
                         GError     **error)
{
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(PdRound) round = NULL;
  g_autofree char *wanted = g_utf8_casefold (session_name, -1);
  g_autofree char *names = NULL;

  season = pd_store_get (store, PD_TYPE_SEASON, season_id, error);
  if (season == NULL)
    return NULL;
  rounds = pd_store_list_rounds (store, season_id, error);
  if (rounds == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (rounds) && round == NULL; i++)
    {
      g_autoptr(PdRound) candidate = g_list_model_get_item (rounds, i);

      if (pd_round_get_number (candidate) == round_number)
        round = g_steal_pointer (&candidate);
    }
  if (round == NULL)
    {
      g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND,
                   _("Season “%s” has no round %d"), season_id, round_number);
      return NULL;
    }

  sessions = pd_store_list_sessions (store, pd_round_get_id (round), error);
  if (sessions == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      g_autofree char *name = g_utf8_casefold (pd_session_get_name (session) != NULL
                                               ? pd_session_get_name (session) : "", -1);

      if (g_str_equal (name, wanted) || g_str_equal (pd_session_get_id (session), session_name))
        return g_steal_pointer (&session);
    }

  names = session_names (sessions);
  g_set_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND,
               _("Round %d of “%s” has no session “%s”; it has: %s"), round_number, season_id, session_name,
               *names != '\0' ? names : _("no sessions"));
  return NULL;
}

/* The classified order: positions first, then the cars without one. */
static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  PdResult *ra = (*(PdResultRow **) a)->result;
  PdResult *rb = (*(PdResultRow **) b)->result;
  int pa = pd_result_get_position (ra), pb = pd_result_get_position (rb);

  if ((pa > 0) != (pb > 0))
    return pa > 0 ? -1 : 1;
  if (pa != pb)
    return pa - pb;
  if (pd_result_get_status (ra) != pd_result_get_status (rb))
    return (int) pd_result_get_status (ra) - (int) pd_result_get_status (rb);
  return pd_result_get_laps (rb) - pd_result_get_laps (ra);
}

/**
 * pd_results_load:
 *
 * Returns: (transfer full) (element-type PdResultRow): the session's
 *   results in classified order
 */
GPtrArray *
pd_results_load (PdStore     *store,
                 const char  *session_id,
                 GError     **error)
{
  g_autoptr(GListModel) results = pd_store_list_results (store, session_id, error);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) classes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (results == NULL)
    return NULL;

  rows = g_ptr_array_new_with_free_func (row_free);
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      PdResultRow *row = g_new0 (PdResultRow, 1);
      g_autoptr(PdEntry) entry = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new ();
      g_autoptr(GListModel) penalties = NULL;
      const char * const *driver_ids;
      const char *class_id = NULL, *team_id = NULL;

      g_ptr_array_add (rows, row);
      row->result = g_list_model_get_item (results, i);
      entry = pd_store_get (store, PD_TYPE_ENTRY, pd_result_get_entry_id (row->result), error);
      if (entry == NULL)
        return NULL;

      row->number = g_strdup (pd_result_get_car_number (row->result) != NULL
                              ? pd_result_get_car_number (row->result)
                              : pd_entry_get_number (entry) != NULL ? pd_entry_get_number (entry) : "");
      row->car_model = g_strdup (pd_entry_get_car_model (entry) != NULL ? pd_entry_get_car_model (entry) : "");

      class_id = pd_entry_get_class_id (entry);
      if (class_id != NULL && !g_hash_table_contains (classes, class_id))
        {
          g_autoptr(PdClass) klass = pd_store_get (store, PD_TYPE_CLASS, class_id, NULL);
          g_hash_table_insert (classes, g_strdup (class_id), g_strdup (klass != NULL ? pd_class_get_name (klass) : ""));
        }
      row->class_name = g_strdup (class_id != NULL ? g_hash_table_lookup (classes, class_id) : "");

      team_id = pd_entry_get_team_id (entry);
      if (team_id != NULL && !g_hash_table_contains (teams, team_id))
        {
          g_autoptr(PdTeam) team = pd_store_get (store, PD_TYPE_TEAM, team_id, NULL);
          g_hash_table_insert (teams, g_strdup (team_id), g_strdup (team != NULL ? pd_team_get_name (team) : team_id));
        }
      row->team_name = g_strdup (team_id != NULL ? g_hash_table_lookup (teams, team_id) : "");

      /* The drivers of this result; else the car's crew. */
      driver_ids = pd_result_get_driver_ids (row->result);
      if (driver_ids == NULL || driver_ids[0] == NULL)
        driver_ids = pd_entry_get_crew_ids (entry);
      for (guint d = 0; driver_ids != NULL && driver_ids[d] != NULL; d++)
        g_ptr_array_add (names, pd_standings_name (store, PD_STANDINGS_DRIVERS, driver_ids[d]));
      g_ptr_array_add (names, NULL);
      row->driver_names = (char **) g_ptr_array_free (g_steal_pointer (&names), FALSE);

      penalties = pd_store_list_penalties (store, pd_result_get_id (row->result), error);
      if (penalties == NULL)
        return NULL;
      row->penalties = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint p = 0; p < g_list_model_get_n_items (penalties); p++)
        g_ptr_array_add (row->penalties, g_list_model_get_item (penalties, p));
    }

  g_ptr_array_sort (rows, compare_rows);
  return g_steal_pointer (&rows);
}

static char *
format_seconds (gint64 ms)
{
  if (ms % 1000 == 0)
    /* TRANSLATORS: a whole number of seconds, such as "11 s" */
    return g_strdup_printf (_("%d s"), (int) (ms / 1000));

  /* TRANSLATORS: seconds with decimals, such as "11.2 s" */
  return g_strdup_printf (_("%.3f s"), ms / 1000.0);
}

/**
 * pd_penalty_describe:
 *
 * Returns: (transfer full): the penalty for people: its kind, its value,
 *   the reason and the document, such as "Time penalty, +11 s: Pit stop
 *   0.3 s under the minimum time (document 42)"
 */
char *
pd_penalty_describe (PdPenalty *penalty)
{
  const char *reason = pd_penalty_get_reason (penalty);
  const char *document = pd_penalty_get_document (penalty);
  const char *label = pd_penalty_kind_to_label (pd_penalty_get_kind (penalty));
  g_autofree char *value = NULL;
  g_autofree char *what = NULL;

  switch (pd_penalty_get_kind (penalty))
    {
    case PD_PENALTY_KIND_TIME:
      {
        g_autofree char *seconds = format_seconds (pd_penalty_get_time_ms (penalty));
        /* TRANSLATORS: a time penalty, such as "+11 s" */
        value = g_strdup_printf (_("+%s"), seconds);
      }
      break;
    case PD_PENALTY_KIND_POSITIONS:
    case PD_PENALTY_KIND_GRID:
      /* TRANSLATORS: the places a position or grid penalty costs */
      value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d place", "%d places", pd_penalty_get_positions (penalty)),
                               pd_penalty_get_positions (penalty));
      break;
    case PD_PENALTY_KIND_POINTS:
      {
        int thousandths = pd_penalty_get_points (penalty);
        g_autofree char *points = pd_points_format (pd_points_new (thousandths, 1000));

        /* TRANSLATORS: the points a penalty takes away, such as "5 points"; %s may be "0.5" */
        value = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s point", "%s points",
                                              thousandths == 1000 ? 1 : 2), points);
      }
      break;
    default:
      break;
    }

  /* TRANSLATORS: a penalty's kind and its value, such as "Time penalty, +11 s" */
  what = value != NULL ? g_strdup_printf (_("%s, %s"), label, value) : g_strdup (label);
  if (reason != NULL && *reason != '\0')
    {
      char *with_reason = g_strdup_printf (_("%s: %s"), what, reason);

      g_free (what);
      what = with_reason;
    }
  if (document != NULL && *document != '\0')
    /* TRANSLATORS: a penalty, then the reference of the stewards' document that gives it */
    return g_strdup_printf (_("%s (document %s)"), what, document);
  return g_steal_pointer (&what);
}

/**
 * pd_result_describe_notes:
 * @penalties: (element-type PdPenalty): the result's penalties
 *
 * Returns: (transfer full): what the classification notes of a result:
 *   its place on the road when penalties changed it, its penalties and
 *   its note, "; " apart; "" for nothing
 */
char *
pd_result_describe_notes (PdResult  *result,
                          GPtrArray *penalties)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);

  /* Where the car crossed the line, when penalties moved it. */
  if (pd_result_get_road_position (result) > 0 && pd_result_get_road_position (result) != pd_result_get_position (result) &&
      pd_result_get_status (result) != PD_RESULT_STATUS_DNS)
    /* TRANSLATORS: the position in which a car crossed the line, before penalties */
    g_ptr_array_add (notes, g_strdup_printf (_("%d on the road"), pd_result_get_road_position (result)));
  for (guint p = 0; penalties != NULL && p < penalties->len; p++)
    g_ptr_array_add (notes, pd_penalty_describe (penalties->pdata[p]));
  if (pd_result_get_note (result) != NULL && *pd_result_get_note (result) != '\0')
    g_ptr_array_add (notes, g_strdup (pd_result_get_note (result)));
  g_ptr_array_add (notes, NULL);
  /* TRANSLATORS: the separator between the notes on a result */
  return g_strjoinv (_("; "), (char **) notes->pdata);
}

static void
add_int_or_null (JsonBuilder *builder,
                 const char  *member,
                 gint64       value)
{
  json_builder_set_member_name (builder, member);
  if (value > 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_string_or_null (JsonBuilder *builder,
                    const char  *member,
                    const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL && *value != '\0')
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

/**
 * pd_results_to_json:
 *
 * Returns: (transfer full): an array with one object per car: position,
 *   class, class_position, number, team, car, drivers, status, laps,
 *   total_time_ms, best_lap_ms, fastest_lap, penalties
 */
JsonNode *
pd_results_to_json (GPtrArray *rows)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      PdResultRow *row = rows->pdata[i];
      PdResult *result = row->result;

      json_builder_begin_object (builder);
      add_int_or_null (builder, "position", pd_result_get_position (result));
      add_string_or_null (builder, "class", row->class_name);
      add_int_or_null (builder, "class_position", pd_result_get_class_position (result));
      add_string_or_null (builder, "number", row->number);
      add_string_or_null (builder, "team", row->team_name);
      add_string_or_null (builder, "car", row->car_model);
      json_builder_set_member_name (builder, "drivers");
      json_builder_begin_array (builder);
      for (guint d = 0; row->driver_names[d] != NULL; d++)
        json_builder_add_string_value (builder, row->driver_names[d]);
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "status");
      json_builder_add_string_value (builder, pd_enum_to_nick (PD_TYPE_RESULT_STATUS, pd_result_get_status (result)));
      /* Laps not known (as for the seeds' partial results): null. */
      json_builder_set_member_name (builder, "laps");
      if (pd_result_get_laps (result) >= 0)
        json_builder_add_int_value (builder, pd_result_get_laps (result));
      else
        json_builder_add_null_value (builder);
      add_int_or_null (builder, "total_time_ms", pd_result_get_total_time_ms (result));
      add_int_or_null (builder, "best_lap_ms", pd_result_get_best_lap_ms (result));
      json_builder_set_member_name (builder, "fastest_lap");
      json_builder_add_boolean_value (builder, pd_result_get_fastest_lap (result));
      json_builder_set_member_name (builder, "penalties");
      json_builder_begin_array (builder);
      for (guint p = 0; p < row->penalties->len; p++)
        {
          PdPenalty *penalty = row->penalties->pdata[p];

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, pd_enum_to_nick (PD_TYPE_PENALTY_KIND, pd_penalty_get_kind (penalty)));
          add_int_or_null (builder, "time_ms", pd_penalty_get_time_ms (penalty));
          add_int_or_null (builder, "positions", pd_penalty_get_positions (penalty));
          add_int_or_null (builder, "points", pd_penalty_get_points (penalty));
          add_string_or_null (builder, "reason", pd_penalty_get_reason (penalty));
          add_string_or_null (builder, "document", pd_penalty_get_document (penalty));
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

static void
append_number (GString *out,
               gint64   value)
{
  g_autofree char *text = value > 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : g_strdup ("");

  pd_csv_append_field (out, text, FALSE);
}

/* The columns of a session's CSV: the JSON keys, and names for people. */
static const PdCsvColumn results_columns[] = {
  { "position", NC_("csv column", "Position") },
  { "class", NC_("csv column", "Class") },
  { "class_position", NC_("csv column", "Class position") },
  { "number", NC_("csv column", "Number") },
  { "team", NC_("csv column", "Team") },
  { "car", NC_("csv column", "Car") },
  { "drivers", NC_("csv column", "Drivers") },
  { "status", NC_("csv column", "Status") },
  { "laps", NC_("csv column", "Laps") },
  { "total_time_ms", NC_("csv column", "Total time (ms)") },
  { "best_lap_ms", NC_("csv column", "Best lap (ms)") },
  { "fastest_lap", NC_("csv column", "Fastest lap") },
  { "penalties", NC_("csv column", "Penalties") },
};

/**
 * pd_results_to_csv:
 * @headers: the header's column names: the JSON keys, or names for people
 *
 * Returns: (transfer full): the rows as RFC 4180 CSV, UTF-8; drivers apart
 *   by " / ", penalties by "; ". The fields are the same whatever the
 *   header.
 */
char *
pd_results_to_csv (GPtrArray    *rows,
                   PdCsvHeaders  headers)
{
  GString *out = g_string_new (NULL);

  pd_csv_append_header (out, results_columns, G_N_ELEMENTS (results_columns), headers, TRUE);

  for (guint i = 0; i < rows->len; i++)
    {
      PdResultRow *row = rows->pdata[i];
      PdResult *result = row->result;
      g_autofree char *drivers = g_strjoinv (" / ", row->driver_names);
      g_autofree char *laps = pd_result_get_laps (result) >= 0 ? g_strdup_printf ("%d", pd_result_get_laps (result))
                                                                : g_strdup ("");
      g_autoptr(GString) penalties = g_string_new (NULL);

      for (guint p = 0; p < row->penalties->len; p++)
        {
          PdPenalty *penalty = row->penalties->pdata[p];

          if (p > 0)
            g_string_append (penalties, "; ");
          g_string_append (penalties, pd_enum_to_nick (PD_TYPE_PENALTY_KIND, pd_penalty_get_kind (penalty)));
          if (pd_penalty_get_time_ms (penalty) > 0)
            g_string_append_printf (penalties, " %" G_GINT64_FORMAT " ms", pd_penalty_get_time_ms (penalty));
          if (pd_penalty_get_positions (penalty) > 0)
            g_string_append_printf (penalties, " %d", pd_penalty_get_positions (penalty));
          if (pd_penalty_get_reason (penalty) != NULL && *pd_penalty_get_reason (penalty) != '\0')
            g_string_append_printf (penalties, " (%s)", pd_penalty_get_reason (penalty));
        }

      append_number (out, pd_result_get_position (result));
      pd_csv_append_field (out, row->class_name, FALSE);
      append_number (out, pd_result_get_class_position (result));
      pd_csv_append_field (out, row->number, FALSE);
      pd_csv_append_field (out, row->team_name, FALSE);
      pd_csv_append_field (out, row->car_model, FALSE);
      pd_csv_append_field (out, drivers, FALSE);
      pd_csv_append_field (out, pd_enum_to_nick (PD_TYPE_RESULT_STATUS, pd_result_get_status (result)), FALSE);
      pd_csv_append_field (out, laps, FALSE);
      append_number (out, pd_result_get_total_time_ms (result));
      append_number (out, pd_result_get_best_lap_ms (result));
      pd_csv_append_field (out, pd_result_get_fastest_lap (result) ? "true" : "false", FALSE);
      pd_csv_append_field (out, penalties->str, TRUE);
    }
  return g_string_free (out, FALSE);
}
