#define G_LOG_DOMAIN "paddock-scoring"

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pd-enum-types.h"
#include "pd-rules.h"

/*
 * Reader for points rules files (docs/rules-format.md, schema in
 * data/rules.schema.json). A rules file is data, not code: the scoring
 * engine reads only the structure built here. Every decision that changes
 * one season's outcome (a half-points race, an exclusion, a deduction)
 * must name its source, so that a preset holds documented decisions and
 * nothing made up to fit a table.
 */

#define PRESET_PATH "/io/github/paddock/Paddock/rules/"

G_DEFINE_QUARK (pd-rules-error-quark, pd_rules_error)

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

  /* TRANSLATORS: %s is a place in a rules file, such as
   * "drivers.race.points[3]", then what is wrong there */
  g_set_error (error, PD_RULES_ERROR, code, _("In the rules, at %s: %s"), where, message);
  return FALSE;
}

/* The place of a member: "drivers.race", or "id" at the top level. */
static char *
join_where (const char *where,
            const char *member)
{
  if (where == NULL || *where == '\0' || g_str_equal (where, "/"))
    return g_strdup (member);
  return g_strdup_printf ("%s.%s", where, member);
}

static void
clear_session_rule (PdSessionRule *rule)
{
  g_clear_pointer (&rule->table, g_free);
}

static void
clear_scale (gpointer data)
{
  PdShortenedScale *scale = data;

  g_clear_pointer (&scale->table, g_free);
}

static void
clear_multiplier (gpointer data)
{
  g_clear_pointer (&((PdMultiplier *) data)->source, g_free);
}

static void
clear_ineligible (gpointer data)
{
  g_clear_pointer (&((PdIneligible *) data)->driver, g_free);
  g_clear_pointer (&((PdIneligible *) data)->source, g_free);
}

static void
clear_drivers_only (gpointer data)
{
  g_clear_pointer (&((PdDriversOnly *) data)->source, g_free);
}

static void
clear_adjustment (gpointer data)
{
  g_clear_pointer (&((PdAdjustment *) data)->id, g_free);
  g_clear_pointer (&((PdAdjustment *) data)->source, g_free);
}

void
pd_rules_free (PdRules *rules)
{
  if (rules == NULL)
    return;

  for (guint i = 0; i < PD_N_SESSION_KINDS; i++)
    {
      clear_session_rule (&rules->drivers.sessions[i]);
      clear_session_rule (&rules->teams.sessions[i]);
    }
  g_clear_pointer (&rules->multipliers, g_array_unref);
  g_clear_pointer (&rules->shortened, g_array_unref);
  g_clear_pointer (&rules->ineligible, g_array_unref);
  g_clear_pointer (&rules->drivers_only, g_array_unref);
  g_clear_pointer (&rules->adjustments, g_array_unref);
  g_free (rules->id);
  g_free (rules->name);
  g_free (rules->source);
  g_free (rules);
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
      {
        g_autofree char *member_where = join_where (where, l->data);
        return fail (error, PD_RULES_ERROR_FORMAT, member_where, _("unknown field"));
      }
  return TRUE;
}

static JsonObject *
get_object (JsonNode    *node,
            const char  *where,
            GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      fail (error, PD_RULES_ERROR_FORMAT, where, _("expected an object"));
      return NULL;
    }
  return json_node_get_object (node);
}

/* Points are bounded, so that no season's arithmetic can overflow: at
 * most a million, with denominators up to a thousand. */
#define MAX_POINTS 1000000
#define MAX_DENOMINATOR 1000

static gboolean
read_points (JsonNode    *node,
             const char  *where,
             PdPoints    *out,
             GError     **error)
{
  if (node != NULL && JSON_NODE_HOLDS_VALUE (node))
    {
      GType type = json_node_get_value_type (node);

      if (type == G_TYPE_INT64 && json_node_get_int (node) > -MAX_POINTS && json_node_get_int (node) < MAX_POINTS)
        {
          *out = pd_points_int (json_node_get_int (node));
          return TRUE;
        }
      if (type == G_TYPE_STRING && pd_points_parse (json_node_get_string (node), out) &&
          out->den <= MAX_DENOMINATOR && out->num > -MAX_POINTS * out->den && out->num < MAX_POINTS * out->den)
        return TRUE;
    }

  return fail (error, PD_RULES_ERROR_VALUE, where,
               _("expected points: a whole number, or text such as “4.5” or “1/7”, under a million"));
}

static gboolean
read_int (JsonObject  *object,
          const char  *member,
          int          min,
          int          max,
          int         *out,
          const char  *where,
          GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_where = join_where (where, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    return fail (error, PD_RULES_ERROR_VALUE, member_where,
                 _("expected a whole number from %d to %d"), min, max);

  *out = (int) json_node_get_int (node);
  return TRUE;
}

static gboolean
read_bool (JsonObject  *object,
           const char  *member,
           gboolean    *out,
           const char  *where,
           GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_where = join_where (where, member);

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (error, PD_RULES_ERROR_VALUE, member_where, _("expected true or false"));

  *out = json_node_get_boolean (node);
  return TRUE;
}

static const char *
read_string (JsonObject  *object,
             const char  *member,
             gboolean     required,
             const char  *where,
             GError     **error)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *member_where = join_where (where, member);

  if (node == NULL && !required)
    return "";
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING ||
      (required && *json_node_get_string (node) == '\0'))
    {
      fail (error, PD_RULES_ERROR_VALUE, member_where, _("expected text"));
      return NULL;
    }
  return json_node_get_string (node);
}

static gboolean
read_table (JsonNode    *node,
            const char  *where,
            PdPoints   **table,
            guint       *n_table,
            GError     **error)
{
  JsonArray *array;
  guint n;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, PD_RULES_ERROR_FORMAT, where, _("expected a list of points, first place first"));

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n > 200)
    return fail (error, PD_RULES_ERROR_VALUE, where, _("a points table has at most 200 places"));

  g_free (*table);
  *table = g_new0 (PdPoints, MAX (n, 1));
  *n_table = n;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item_where = g_strdup_printf ("%s[%u]", where, i);

      if (!read_points (json_array_get_element (array, i), item_where, &(*table)[i], error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_kind (JsonObject     *object,
           const char     *where,
           PdSessionKind  *kind,
           GError        **error)
{
  const char *nick = read_string (object, "session", FALSE, where, error);
  int value;

  if (nick == NULL)
    return FALSE;
  if (!json_object_has_member (object, "session"))
    {
      *kind = PD_SESSION_KIND_RACE;
      return TRUE;
    }
  if (!pd_enum_from_nick (PD_TYPE_SESSION_KIND, nick, &value))
    {
      g_autofree char *member_where = g_strdup_printf ("%s.session", where);
      return fail (error, PD_RULES_ERROR_VALUE, member_where, _("“%s” is not a kind of session"), nick);
    }
  *kind = value;
  return TRUE;
}

static gboolean
read_session_rule (JsonNode       *node,
                   const char     *where,
                   PdSessionRule  *rule,
                   GError        **error)
{
  static const char * const allowed[] = { "points", "per_class", "fastest_lap", "pole", NULL };
  static const char * const bonus_allowed[] = { "points", "top", NULL };
  static const char * const pole_allowed[] = { "points", NULL };
  JsonObject *object = get_object (node, where, error);
  JsonNode *bonus;
  g_autofree char *table_where = g_strdup_printf ("%s.points", where);

  if (object == NULL || !check_members (object, allowed, where, error))
    return FALSE;

  rule->enabled = TRUE;
  if (!read_table (json_object_get_member (object, "points"), table_where, &rule->table, &rule->n_table, error) ||
      !read_bool (object, "per_class", &rule->per_class, where, error))
    return FALSE;

  if ((bonus = json_object_get_member (object, "fastest_lap")) != NULL)
    {
      g_autofree char *bonus_where = g_strdup_printf ("%s.fastest_lap", where);
      g_autofree char *points_where = g_strdup_printf ("%s.points", bonus_where);
      JsonObject *bonus_object = get_object (bonus, bonus_where, error);

      if (bonus_object == NULL || !check_members (bonus_object, bonus_allowed, bonus_where, error) ||
          !read_points (json_object_get_member (bonus_object, "points"), points_where, &rule->fastest_lap, error) ||
          !read_int (bonus_object, "top", 0, 1000, &rule->fastest_lap_top, bonus_where, error))
        return FALSE;
    }

  if ((bonus = json_object_get_member (object, "pole")) != NULL)
    {
      g_autofree char *bonus_where = g_strdup_printf ("%s.pole", where);
      g_autofree char *points_where = g_strdup_printf ("%s.points", bonus_where);
      JsonObject *bonus_object = get_object (bonus, bonus_where, error);

      if (bonus_object == NULL || !check_members (bonus_object, pole_allowed, bonus_where, error) ||
          !read_points (json_object_get_member (bonus_object, "points"), points_where, &rule->pole, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_counting (JsonNode    *node,
               const char  *where,
               PdCounting  *counting,
               GError     **error)
{
  static const char * const allowed[] = { "best", "parts", NULL };
  static const char * const part_allowed[] = { "rounds", "best", NULL };
  JsonObject *object = get_object (node, where, error);
  JsonNode *parts;

  if (object == NULL || !check_members (object, allowed, where, error))
    return FALSE;

  counting->n_parts = 0;
  if (json_object_has_member (object, "best") && json_object_has_member (object, "parts"))
    return fail (error, PD_RULES_ERROR_FORMAT, where, _("give either “best” or “parts”, not both"));
  if (json_object_has_member (object, "best"))
    {
      counting->n_parts = 1;
      counting->parts[0].rounds = 0;
      return read_int (object, "best", 1, 1000, &counting->parts[0].best, where, error);
    }

  parts = json_object_get_member (object, "parts");
  if (parts != NULL)
    {
      g_autofree char *parts_where = g_strdup_printf ("%s.parts", where);
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (parts) || json_array_get_length (json_node_get_array (parts)) == 0 ||
          json_array_get_length (json_node_get_array (parts)) > G_N_ELEMENTS (counting->parts))
        return fail (error, PD_RULES_ERROR_FORMAT, parts_where, _("expected a list of one to four parts"));

      array = json_node_get_array (parts);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *part_where = g_strdup_printf ("%s[%u]", parts_where, i);
          JsonObject *part = get_object (json_array_get_element (array, i), part_where, error);

          if (part == NULL || !check_members (part, part_allowed, part_where, error) ||
              !read_int (part, "rounds", 0, 1000, &counting->parts[i].rounds, part_where, error) ||
              !read_int (part, "best", 0, 1000, &counting->parts[i].best, part_where, error))
            return FALSE;
          /* Only the last part may take "the rest of the season". */
          if (counting->parts[i].rounds == 0 && i + 1 < json_array_get_length (array))
            return fail (error, PD_RULES_ERROR_FORMAT, part_where,
                         _("only the last part may leave out “rounds”"));
          counting->n_parts++;
        }
    }

  return TRUE;
}

static const char * const session_members[] = { "practice", "qualifying", "race", "sprint", "warm-up" };

static gboolean
read_championship (JsonNode             *node,
                   const char           *where,
                   gboolean              teams,
                   PdChampionshipRules  *rules,
                   GError              **error)
{
  static const char * const driver_allowed[] = {
    "practice", "qualifying", "race", "sprint", "warm-up", "shared_cars", "counting", NULL
  };
  static const char * const team_allowed[] = {
    "practice", "qualifying", "race", "sprint", "warm-up", "counting", "enabled",
    "best_car_only", "fastest_lap", NULL
  };
  JsonObject *object = get_object (node, where, error);

  if (object == NULL || !check_members (object, teams ? team_allowed : driver_allowed, where, error))
    return FALSE;

  rules->enabled = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (session_members); i++)
    {
      JsonNode *session = json_object_get_member (object, session_members[i]);
      g_autofree char *session_where = g_strdup_printf ("%s.%s", where, session_members[i]);

      if (session != NULL && !read_session_rule (session, session_where, &rules->sessions[i], error))
        return FALSE;
    }

  if (json_object_has_member (object, "counting"))
    {
      g_autofree char *counting_where = g_strdup_printf ("%s.counting", where);

      if (!read_counting (json_object_get_member (object, "counting"), counting_where, &rules->counting, error))
        return FALSE;
    }

  if (!teams)
    {
      const char *shared = read_string (object, "shared_cars", FALSE, where, error);

      if (shared == NULL)
        return FALSE;
      if (!json_object_has_member (object, "shared_cars") || g_str_equal (shared, "split"))
        rules->shared_cars = PD_SHARED_CARS_SPLIT;
      else if (g_str_equal (shared, "none"))
        rules->shared_cars = PD_SHARED_CARS_NONE;
      else if (g_str_equal (shared, "full"))
        rules->shared_cars = PD_SHARED_CARS_FULL;
      else
        {
          g_autofree char *member_where = g_strdup_printf ("%s.shared_cars", where);
          return fail (error, PD_RULES_ERROR_VALUE, member_where,
                       _("expected “split”, “none” or “full”"));
        }
      return TRUE;
    }

  rules->fastest_lap = TRUE;
  return read_bool (object, "enabled", &rules->enabled, where, error) &&
         read_bool (object, "best_car_only", &rules->best_car_only, where, error) &&
         read_bool (object, "fastest_lap", &rules->fastest_lap, where, error);
}

typedef gboolean (*ItemFunc) (PdRules     *rules,
                              JsonObject  *item,
                              const char  *where,
                              GError     **error);

static gboolean
read_list (PdRules     *rules,
           JsonObject  *root,
           const char  *member,
           const char * const *allowed,
           ItemFunc     func,
           GError     **error)
{
  JsonNode *node = json_object_get_member (root, member);
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (error, PD_RULES_ERROR_FORMAT, member, _("expected a list"));

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s[%u]", member, i);
      JsonObject *item = get_object (json_array_get_element (array, i), where, error);

      if (item == NULL || !check_members (item, allowed, where, error))
        return FALSE;
      /* A decision that changes a season must say where it comes from. */
      if (g_strv_contains (allowed, "source") && read_string (item, "source", TRUE, where, error) == NULL)
        return FALSE;
      if (!func (rules, item, where, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_multiplier (PdRules     *rules,
                 JsonObject  *item,
                 const char  *where,
                 GError     **error)
{
  PdMultiplier m = { 0, PD_SESSION_KIND_RACE, pd_points_int (1), FALSE, NULL };
  gboolean bonuses = TRUE;
  g_autofree char *factor_where = g_strdup_printf ("%s.factor", where);

  if (!read_int (item, "round", 1, 1000, &m.round, where, error) ||
      !read_kind (item, where, &m.kind, error) ||
      !read_points (json_object_get_member (item, "factor"), factor_where, &m.factor, error) ||
      !read_bool (item, "bonuses", &bonuses, where, error))
    return FALSE;
  m.no_bonus = !bonuses;
  if (m.round == 0)
    return fail (error, PD_RULES_ERROR_FORMAT, where, _("the required field “%s” is missing"), "round");
  m.source = g_strdup (json_object_get_string_member (item, "source"));
  g_array_append_val (rules->multipliers, m);
  return TRUE;
}

static gboolean
read_shortened (PdRules     *rules,
                JsonObject  *item,
                const char  *where,
                GError     **error)
{
  PdShortenedScale scale = { 0 };
  g_autofree char *points_where = g_strdup_printf ("%s.points", where);

  if (!read_int (item, "below_percent", 1, 100, &scale.below_percent, where, error) ||
      !read_int (item, "min_laps", 0, 1000, &scale.min_laps, where, error) ||
      !read_table (json_object_get_member (item, "points"), points_where, &scale.table, &scale.n_table, error))
    {
      g_free (scale.table);
      return FALSE;
    }
  if (scale.below_percent == 0)
    {
      g_free (scale.table);
      return fail (error, PD_RULES_ERROR_FORMAT, where, _("the required field “%s” is missing"), "below_percent");
    }

  g_array_append_val (rules->shortened, scale);
  return TRUE;
}

static gboolean
read_ineligible (PdRules     *rules,
                 JsonObject  *item,
                 const char  *where,
                 GError     **error)
{
  PdIneligible entry = { 0, PD_SESSION_KIND_RACE, NULL, FALSE, FALSE, NULL };
  const char *driver = read_string (item, "driver", TRUE, where, error);

  if (driver == NULL ||
      !read_int (item, "round", 1, 1000, &entry.round, where, error) ||
      !read_kind (item, where, &entry.kind, error) ||
      !read_bool (item, "pass_down", &entry.pass_down, where, error) ||
      !read_bool (item, "to_co_drivers", &entry.to_co_drivers, where, error))
    return FALSE;
  if (entry.pass_down && entry.to_co_drivers)
    return fail (error, PD_RULES_ERROR_FORMAT, where,
                 _("give either “pass_down” or “to_co_drivers”, not both"));
  if (entry.round == 0)
    return fail (error, PD_RULES_ERROR_FORMAT, where, _("the required field “%s” is missing"), "round");
  entry.driver = g_strdup (driver);
  entry.source = g_strdup (json_object_get_string_member (item, "source"));
  g_array_append_val (rules->ineligible, entry);
  return TRUE;
}

static gboolean
read_drivers_only (PdRules     *rules,
                   JsonObject  *item,
                   const char  *where,
                   GError     **error)
{
  PdDriversOnly entry = { 0, PD_SESSION_KIND_RACE, NULL };

  if (!read_int (item, "round", 1, 1000, &entry.round, where, error) ||
      !read_kind (item, where, &entry.kind, error))
    return FALSE;
  if (entry.round == 0)
    return fail (error, PD_RULES_ERROR_FORMAT, where, _("the required field “%s” is missing"), "round");
  entry.source = g_strdup (json_object_get_string_member (item, "source"));
  g_array_append_val (rules->drivers_only, entry);
  return TRUE;
}

static gboolean
read_adjustment (PdRules     *rules,
                 JsonObject  *item,
                 const char  *where,
                 GError     **error)
{
  PdAdjustment adjustment = { FALSE, NULL, PD_ADJUSTMENT_DEDUCT, PD_POINTS_ZERO, 0, NULL };
  const char *championship = read_string (item, "championship", TRUE, where, error);
  const char *id = championship != NULL ? read_string (item, "id", TRUE, where, error) : NULL;
  const char *kind = id != NULL ? read_string (item, "kind", TRUE, where, error) : NULL;

  if (kind == NULL || !read_int (item, "round", 0, 1000, &adjustment.round, where, error))
    return FALSE;

  if (g_str_equal (championship, "teams"))
    adjustment.teams = TRUE;
  else if (!g_str_equal (championship, "drivers"))
    {
      g_autofree char *member_where = g_strdup_printf ("%s.championship", where);
      return fail (error, PD_RULES_ERROR_VALUE, member_where, _("expected “drivers” or “teams”"));
    }

  if (g_str_equal (kind, "exclude"))
    adjustment.kind = PD_ADJUSTMENT_EXCLUDE;
  else if (g_str_equal (kind, "reset"))
    {
      adjustment.kind = PD_ADJUSTMENT_RESET;
      if (adjustment.round < 2)
        {
          g_autofree char *member_where = g_strdup_printf ("%s.round", where);
          return fail (error, PD_RULES_ERROR_VALUE, member_where,
                       _("a reset names the round from which results count again"));
        }
    }
  else if (g_str_equal (kind, "deduct"))
    {
      g_autofree char *points_where = g_strdup_printf ("%s.points", where);

      adjustment.kind = PD_ADJUSTMENT_DEDUCT;
      if (!read_points (json_object_get_member (item, "points"), points_where, &adjustment.points, error))
        return FALSE;
    }
  else
    {
      g_autofree char *member_where = g_strdup_printf ("%s.kind", where);
      return fail (error, PD_RULES_ERROR_VALUE, member_where, _("expected “deduct”, “exclude” or “reset”"));
    }

  adjustment.id = g_strdup (id);
  adjustment.source = g_strdup (json_object_get_string_member (item, "source"));
  g_array_append_val (rules->adjustments, adjustment);
  return TRUE;
}

/**
 * pd_rules_parse:
 * @data: a rules file, UTF-8 JSON
 *
 * Returns: (transfer full) (nullable): the rules, or %NULL with @error
 *   naming the place of the first problem
 */
PdRules *
pd_rules_parse (const char  *data,
                gsize        length,
                GError     **error)
{
  static const char * const allowed[] = {
    "format", "version", "id", "name", "source", "drivers", "teams", "tie_break",
    "multipliers", "shortened", "ineligible", "drivers_only", "adjustments", "_comment", NULL
  };
  static const char * const multiplier_allowed[] = { "round", "session", "factor", "bonuses", "source", NULL };
  static const char * const shortened_allowed[] = { "below_percent", "min_laps", "points", NULL };
  static const char * const ineligible_allowed[] = { "round", "session", "driver", "pass_down", "to_co_drivers",
                                                     "source", NULL };
  static const char * const drivers_only_allowed[] = { "round", "session", "source", NULL };
  static const char * const adjustment_allowed[] = { "championship", "id", "kind", "points", "round", "source", NULL };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(PdRules) rules = NULL;
  JsonObject *root;
  JsonNode *node;
  const char *text;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  if (length > G_MAXSSIZE || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, PD_RULES_ERROR, PD_RULES_ERROR_SYNTAX, _("The rules file is not valid UTF-8 text"));
      return NULL;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      g_set_error (error, PD_RULES_ERROR, PD_RULES_ERROR_SYNTAX,
                   _("The rules file is not valid JSON: %s"), parse_error->message);
      return NULL;
    }

  root = get_object (json_parser_get_root (parser), "/", error);
  if (root == NULL)
    return NULL;

  /* The format and its version first: a newer file may well have members
   * this version does not know. */
  node = json_object_get_member (root, "format");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      !g_str_equal (json_node_get_string (node), "paddock-rules"))
    {
      fail (error, PD_RULES_ERROR_FORMAT, "format", _("this is not a Paddock rules file (expected “paddock-rules”)"));
      return NULL;
    }
  node = json_object_get_member (root, "version");
  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 1)
    {
      fail (error, PD_RULES_ERROR_FORMAT, "version", _("expected a version number"));
      return NULL;
    }
  if (json_node_get_int (node) > PD_RULES_VERSION)
    {
      g_set_error (error, PD_RULES_ERROR, PD_RULES_ERROR_VERSION,
                   _("The rules file has format version %lld; this version of Paddock reads up to version %d"),
                   (long long) json_node_get_int (node), PD_RULES_VERSION);
      return NULL;
    }
  if (!check_members (root, allowed, "", error))
    return NULL;

  rules = g_new0 (PdRules, 1);
  for (guint i = 0; i < PD_N_SESSION_KINDS; i++)
    {
      rules->drivers.sessions[i].fastest_lap = PD_POINTS_ZERO;
      rules->drivers.sessions[i].pole = PD_POINTS_ZERO;
      rules->teams.sessions[i].fastest_lap = PD_POINTS_ZERO;
      rules->teams.sessions[i].pole = PD_POINTS_ZERO;
    }
  rules->multipliers = g_array_new (FALSE, TRUE, sizeof (PdMultiplier));
  g_array_set_clear_func (rules->multipliers, clear_multiplier);
  rules->shortened = g_array_new (FALSE, TRUE, sizeof (PdShortenedScale));
  g_array_set_clear_func (rules->shortened, clear_scale);
  rules->ineligible = g_array_new (FALSE, TRUE, sizeof (PdIneligible));
  g_array_set_clear_func (rules->ineligible, clear_ineligible);
  rules->drivers_only = g_array_new (FALSE, TRUE, sizeof (PdDriversOnly));
  g_array_set_clear_func (rules->drivers_only, clear_drivers_only);
  rules->adjustments = g_array_new (FALSE, TRUE, sizeof (PdAdjustment));
  g_array_set_clear_func (rules->adjustments, clear_adjustment);

  if ((text = read_string (root, "id", TRUE, "", error)) == NULL)
    return NULL;
  rules->id = g_strdup (text);
  if ((text = read_string (root, "name", TRUE, "", error)) == NULL)
    return NULL;
  rules->name = g_strdup (text);
  if ((text = read_string (root, "source", FALSE, "", error)) == NULL)
    return NULL;
  rules->source = g_strdup (text);

  if (!read_championship (json_object_get_member (root, "drivers"), "drivers", FALSE, &rules->drivers, error))
    return NULL;
  if (json_object_has_member (root, "teams") &&
      !read_championship (json_object_get_member (root, "teams"), "teams", TRUE, &rules->teams, error))
    return NULL;

  text = read_string (root, "tie_break", FALSE, "", error);
  if (text == NULL)
    return NULL;
  if (!json_object_has_member (root, "tie_break") || g_str_equal (text, "countback"))
    rules->tie_break = PD_TIE_BREAK_COUNTBACK;
  else if (g_str_equal (text, "shared"))
    rules->tie_break = PD_TIE_BREAK_SHARED;
  else
    {
      fail (error, PD_RULES_ERROR_VALUE, "tie_break", _("expected “countback” or “shared”"));
      return NULL;
    }

  if (!read_list (rules, root, "multipliers", multiplier_allowed, read_multiplier, error) ||
      !read_list (rules, root, "shortened", shortened_allowed, read_shortened, error) ||
      !read_list (rules, root, "ineligible", ineligible_allowed, read_ineligible, error) ||
      !read_list (rules, root, "drivers_only", drivers_only_allowed, read_drivers_only, error) ||
      !read_list (rules, root, "adjustments", adjustment_allowed, read_adjustment, error))
    return NULL;

  return g_steal_pointer (&rules);
}

/**
 * pd_rules_load_preset:
 * @id: such as "f1-1975" or "gt4-european"
 *
 * Returns: (transfer full) (nullable): a preset shipped with Paddock
 */
PdRules *
pd_rules_load_preset (const char  *id,
                      GError     **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (id != NULL, NULL);

  if (strchr (id, '/') != NULL)
    {
      g_set_error (error, PD_RULES_ERROR, PD_RULES_ERROR_VALUE, _("There are no points rules “%s”"), id);
      return NULL;
    }

  path = g_strconcat (PRESET_PATH, id, ".json", NULL);
  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, PD_RULES_ERROR, PD_RULES_ERROR_VALUE, _("There are no points rules “%s”"), id);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &length);
  return pd_rules_parse (data, length, error);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * pd_rules_list_presets:
 *
 * Returns: (transfer full): the ids of the shipped presets, sorted
 */
char **
pd_rules_list_presets (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children (PRESET_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_str_has_suffix (names[i], ".json"))
      g_ptr_array_add (ids, g_strndup (names[i], strlen (names[i]) - 5));

  g_ptr_array_sort (ids, compare_strings);
  g_ptr_array_add (ids, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&ids), FALSE);
}

static char *
describe_table (const PdPoints *table,
                guint           n_table)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < n_table; i++)
    g_ptr_array_add (items, pd_points_format (table[i]));
  g_ptr_array_add (items, NULL);
  /* TRANSLATORS: the separator between the points of a table: "25, 18, 15" */
  return g_strjoinv (_(", "), (char **) items->pdata);
}

static void
describe_counting (GPtrArray        *lines,
                   const char       *who,
                   const PdCounting *counting)
{
  if (counting->n_parts == 0)
    {
      /* TRANSLATORS: %s is "Drivers" or "Teams" */
      g_ptr_array_add (lines, g_strdup_printf (_("%s: all results count"), who));
      return;
    }
  if (counting->n_parts == 1 && counting->parts[0].rounds == 0)
    {
      g_ptr_array_add (lines, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: the best %d result counts",
                                                            "%s: the best %d results count",
                                                            counting->parts[0].best),
                                               who, counting->parts[0].best));
      return;
    }
  for (guint p = 0; p < counting->n_parts; p++)
    {
      const PdCountingPart *part = &counting->parts[p];

      if (part->rounds > 0)
        g_ptr_array_add (lines, g_strdup_printf (_("%s: the best %d of the next %d rounds"),
                                                 who, part->best, part->rounds));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("%s: the best %d of the remaining rounds"), who, part->best));
    }
}

/* The decisions of the season (multipliers, ineligible finishers,
 * drivers-only sessions, adjustments), one sentence each, with their
 * sources in @sources when given. */
static void
describe_decisions (const PdRules *rules,
                    GPtrArray     *lines,
                    GPtrArray     *sources)
{
  for (guint i = 0; i < rules->multipliers->len; i++)
    {
      PdMultiplier *m = &g_array_index (rules->multipliers, PdMultiplier, i);
      g_autofree char *factor = pd_points_format (m->factor);

      /* TRANSLATORS: such as "Round 4, Race: points × 0.5" */
      g_ptr_array_add (lines, g_strdup_printf (_("Round %d, %s: points × %s"), m->round,
                                               pd_session_kind_to_label (m->kind), factor));
      if (sources != NULL)
        g_ptr_array_add (sources, g_strdup (m->source));
    }
  for (guint i = 0; i < rules->ineligible->len; i++)
    {
      PdIneligible *e = &g_array_index (rules->ineligible, PdIneligible, i);

      if (e->to_co_drivers)
        g_ptr_array_add (lines, g_strdup_printf (_("Round %d: %s does not share the car’s points; its other drivers do"),
                                                 e->round, e->driver));
      else
        g_ptr_array_add (lines, g_strdup_printf (e->pass_down
                                                 ? _("Round %d: %s cannot score; the points pass down")
                                                 : _("Round %d: %s cannot score"), e->round, e->driver));
      if (sources != NULL)
        g_ptr_array_add (sources, g_strdup (e->source));
    }
  for (guint i = 0; i < rules->drivers_only->len; i++)
    {
      PdDriversOnly *d = &g_array_index (rules->drivers_only, PdDriversOnly, i);

      /* TRANSLATORS: such as "Round 3, Race: for the drivers only, not the teams" */
      g_ptr_array_add (lines, g_strdup_printf (_("Round %d, %s: for the drivers only, not the teams"), d->round,
                                               pd_session_kind_to_label (d->kind)));
      if (sources != NULL)
        g_ptr_array_add (sources, g_strdup (d->source));
    }
  for (guint i = 0; i < rules->adjustments->len; i++)
    {
      PdAdjustment *a = &g_array_index (rules->adjustments, PdAdjustment, i);
      g_autofree char *points = pd_points_format (a->points);

      switch (a->kind)
        {
        case PD_ADJUSTMENT_EXCLUDE:
          g_ptr_array_add (lines, g_strdup_printf (_("%s is excluded from the championship"), a->id));
          break;
        case PD_ADJUSTMENT_DEDUCT:
          g_ptr_array_add (lines, g_strdup_printf (_("%s: %s points deducted"), a->id, points));
          break;
        case PD_ADJUSTMENT_RESET:
          g_ptr_array_add (lines, g_strdup_printf (_("%s: a new entry from round %d"), a->id, a->round));
          break;
        }
      if (sources != NULL)
        g_ptr_array_add (sources, g_strdup (a->source));
    }
}

/**
 * pd_rules_describe:
 *
 * Returns: (transfer full): the rules in translated sentences, one a
 *   line, for people to read in the app and on the command line
 */
char **
pd_rules_describe (const PdRules *rules)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (rules != NULL, NULL);

  for (guint k = 0; k < PD_N_SESSION_KINDS; k++)
    {
      const PdSessionRule *rule = &rules->drivers.sessions[k];
      g_autofree char *table = NULL;

      if (!rule->enabled)
        continue;
      table = describe_table (rule->table, rule->n_table);
      if (rule->per_class)
        /* TRANSLATORS: a kind of session, then its points table */
        g_ptr_array_add (lines, g_strdup_printf (_("%s: %s, in each class"), pd_session_kind_to_label (k), table));
      else
        g_ptr_array_add (lines, g_strdup_printf (_("%s: %s"), pd_session_kind_to_label (k), table));

      if (!pd_points_is_zero (rule->fastest_lap))
        {
          g_autofree char *points = pd_points_format (rule->fastest_lap);

          if (rule->fastest_lap_top > 0)
            g_ptr_array_add (lines, g_strdup_printf (_("Fastest lap: %s, only when classified in the top %d"),
                                                     points, rule->fastest_lap_top));
          else
            g_ptr_array_add (lines, g_strdup_printf (_("Fastest lap: %s, shared when tied"), points));
        }
      if (!pd_points_is_zero (rule->pole))
        {
          g_autofree char *points = pd_points_format (rule->pole);
          g_ptr_array_add (lines, g_strdup_printf (_("Pole position: %s"), points));
        }
    }

  switch (rules->drivers.shared_cars)
    {
    case PD_SHARED_CARS_SPLIT:
      g_ptr_array_add (lines, g_strdup (_("A shared car’s points are divided among its drivers")));
      break;
    case PD_SHARED_CARS_NONE:
      g_ptr_array_add (lines, g_strdup (_("A shared car scores nothing")));
      break;
    case PD_SHARED_CARS_FULL:
      g_ptr_array_add (lines, g_strdup (_("Every driver of a car scores its points")));
      break;
    }

  describe_counting (lines, _("Drivers"), &rules->drivers.counting);
  if (rules->teams.enabled)
    {
      describe_counting (lines, _("Teams"), &rules->teams.counting);
      if (rules->teams.best_car_only)
        g_ptr_array_add (lines, g_strdup (_("Teams: only the best car of a team scores")));
    }

  g_ptr_array_add (lines, g_strdup (rules->tie_break == PD_TIE_BREAK_COUNTBACK
                                    ? _("Ties: decided by the most wins, then second places, and so on")
                                    : _("Ties: equal points share a position")));

  describe_decisions (rules, lines, NULL);

  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

/**
 * pd_rules_describe_decisions:
 * @sources: (out) (transfer full): the source of each decision
 *
 * Returns: (transfer full): the decisions of the season in translated
 *   sentences, one a line, in the order of @sources
 */
char **
pd_rules_describe_decisions (const PdRules   *rules,
                             char          ***sources)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) source_lines = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (sources != NULL, NULL);

  describe_decisions (rules, lines, source_lines);
  g_ptr_array_add (lines, NULL);
  g_ptr_array_add (source_lines, NULL);
  *sources = (char **) g_ptr_array_free (g_steal_pointer (&source_lines), FALSE);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

/* Writing rules back: the season's own copy that the app edits is stored
 * as a rules file, so the writer gives back exactly what the reader takes
 * (tests/test-rules.c reads and writes every preset). */

static const char * const shared_cars_nicks[] = { "split", "none", "full" };
static const char * const adjustment_nicks[] = { "deduct", "exclude", "reset" };

/**
 * pd_points_to_text:
 *
 * Returns: (transfer full): @points exactly, as the rules format and
 *   pd_rules_parse_points() take them: "25", "4.5", "1/7"
 */
char *
pd_points_to_text (PdPoints points)
{
  gint64 den = points.den, scale = 1;
  int decimals = 0;

  if (den == 1)
    return g_strdup_printf ("%" G_GINT64_FORMAT, points.num);

  /* A denominator made of twos and fives only is a decimal; six places
   * at most, as the reader takes. */
  while (decimals < 6 && scale % den != 0)
    {
      scale *= 10;
      decimals++;
    }
  if (scale % den == 0)
    {
      gint64 value = points.num * (scale / den);
      gint64 magnitude = value < 0 ? -value : value;
      g_autofree char *fraction = g_strdup_printf ("%0*" G_GINT64_FORMAT, decimals, magnitude % scale);

      return g_strdup_printf ("%s%" G_GINT64_FORMAT ".%s", value < 0 ? "-" : "", magnitude / scale, fraction);
    }

  return g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, points.num, points.den);
}

/**
 * pd_rules_parse_points:
 * @text: "8", "4.5", "1/7", with a comma allowed for the decimal mark
 *
 * Returns: whether @text is a number of points the rules format takes
 *   (below a million, denominators up to a thousand)
 */
gboolean
pd_rules_parse_points (const char *text,
                       PdPoints   *out)
{
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));

  g_strdelimit (copy, ",", '.');
  return pd_points_parse (copy, out) && out->den <= MAX_DENOMINATOR &&
         out->num > -MAX_POINTS * out->den && out->num < MAX_POINTS * out->den;
}

/**
 * pd_rules_format_table:
 *
 * Returns: (transfer full): a points table as people type it, places
 *   apart by spaces: "25 18 15 12 10 8 6 4 2 1"
 */
char *
pd_rules_format_table (const PdPoints *table,
                       guint           n_table)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_table; i++)
    {
      g_autofree char *points = pd_points_to_text (table[i]);

      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, points);
    }
  return g_string_free (text, FALSE);
}

/**
 * pd_rules_parse_table:
 * @text: points by place, apart by spaces or semicolons: "25 18 15 12"
 *
 * Returns: whether @text is a points table; if not, @error says which
 *   place is wrong
 */
gboolean
pd_rules_parse_table (const char  *text,
                      PdPoints   **table,
                      guint       *n_table,
                      GError     **error)
{
  g_auto(GStrv) items = g_strsplit_set (text != NULL ? text : "", " \t;", -1);
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (PdPoints));

  for (guint i = 0; items[i] != NULL; i++)
    {
      PdPoints value;

      if (*items[i] == '\0')
        continue;
      if (!pd_rules_parse_points (items[i], &value))
        {
          /* TRANSLATORS: a points table typed by the user is wrong at a
           * place: %d is the place (1 = first), %s what was typed */
          g_set_error (error, PD_RULES_ERROR, PD_RULES_ERROR_VALUE,
                       _("Place %d: “%s” is not a number of points"),
                       points->len + 1, items[i]);
          return FALSE;
        }
      if (points->len == 200)
        {
          g_set_error (error, PD_RULES_ERROR, PD_RULES_ERROR_VALUE, _("A points table has at most 200 places"));
          return FALSE;
        }
      g_array_append_val (points, value);
    }

  *n_table = points->len;
  *table = g_new0 (PdPoints, MAX (points->len, 1));
  if (points->len > 0)
    memcpy (*table, points->data, points->len * sizeof (PdPoints));
  return TRUE;
}

static void
add_points (JsonBuilder *builder,
            PdPoints     points)
{
  if (points.den == 1 && points.num > -MAX_POINTS && points.num < MAX_POINTS)
    json_builder_add_int_value (builder, points.num);
  else
    {
      g_autofree char *text = pd_points_to_text (points);
      json_builder_add_string_value (builder, text);
    }
}

static void
add_table (JsonBuilder    *builder,
           const PdPoints *table,
           guint           n_table)
{
  json_builder_set_member_name (builder, "points");
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_table; i++)
    add_points (builder, table[i]);
  json_builder_end_array (builder);
}

static void
add_session (JsonBuilder          *builder,
             const char           *kind,
             const PdSessionRule  *rule)
{
  if (!rule->enabled)
    return;

  json_builder_set_member_name (builder, kind);
  json_builder_begin_object (builder);
  add_table (builder, rule->table, rule->n_table);
  if (rule->per_class)
    {
      json_builder_set_member_name (builder, "per_class");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (!pd_points_is_zero (rule->fastest_lap))
    {
      json_builder_set_member_name (builder, "fastest_lap");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "points");
      add_points (builder, rule->fastest_lap);
      if (rule->fastest_lap_top > 0)
        {
          json_builder_set_member_name (builder, "top");
          json_builder_add_int_value (builder, rule->fastest_lap_top);
        }
      json_builder_end_object (builder);
    }
  if (!pd_points_is_zero (rule->pole))
    {
      json_builder_set_member_name (builder, "pole");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "points");
      add_points (builder, rule->pole);
      json_builder_end_object (builder);
    }
  json_builder_end_object (builder);
}

static void
add_counting (JsonBuilder      *builder,
              const PdCounting *counting)
{
  if (counting->n_parts == 0)
    return;

  json_builder_set_member_name (builder, "counting");
  json_builder_begin_object (builder);
  if (counting->n_parts == 1 && counting->parts[0].rounds == 0 && counting->parts[0].best > 0)
    {
      json_builder_set_member_name (builder, "best");
      json_builder_add_int_value (builder, counting->parts[0].best);
    }
  else
    {
      json_builder_set_member_name (builder, "parts");
      json_builder_begin_array (builder);
      for (guint p = 0; p < counting->n_parts && p < G_N_ELEMENTS (counting->parts); p++)
        {
          json_builder_begin_object (builder);
          if (counting->parts[p].rounds > 0)
            {
              json_builder_set_member_name (builder, "rounds");
              json_builder_add_int_value (builder, counting->parts[p].rounds);
            }
          json_builder_set_member_name (builder, "best");
          json_builder_add_int_value (builder, counting->parts[p].best);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);
}

static void
add_championship (JsonBuilder               *builder,
                  const PdChampionshipRules *rules,
                  gboolean                   teams)
{
  json_builder_begin_object (builder);
  if (teams && !rules->enabled)
    {
      json_builder_set_member_name (builder, "enabled");
      json_builder_add_boolean_value (builder, FALSE);
      json_builder_end_object (builder);
      return;
    }
  for (guint k = 0; k < G_N_ELEMENTS (session_members); k++)
    add_session (builder, session_members[k], &rules->sessions[k]);
  if (!teams && rules->shared_cars != PD_SHARED_CARS_SPLIT)
    {
      json_builder_set_member_name (builder, "shared_cars");
      json_builder_add_string_value (builder, shared_cars_nicks[rules->shared_cars]);
    }
  add_counting (builder, &rules->counting);
  if (teams && rules->best_car_only)
    {
      json_builder_set_member_name (builder, "best_car_only");
      json_builder_add_boolean_value (builder, TRUE);
    }
  if (teams && !rules->fastest_lap)
    {
      json_builder_set_member_name (builder, "fastest_lap");
      json_builder_add_boolean_value (builder, FALSE);
    }
  json_builder_end_object (builder);
}

static void
add_item_head (JsonBuilder   *builder,
               int            round,
               PdSessionKind  kind)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "round");
  json_builder_add_int_value (builder, round);
  if (kind != PD_SESSION_KIND_RACE)
    {
      json_builder_set_member_name (builder, "session");
      json_builder_add_string_value (builder, session_members[kind]);
    }
}

static void
add_source (JsonBuilder *builder,
            const char  *source)
{
  json_builder_set_member_name (builder, "source");
  json_builder_add_string_value (builder, source != NULL ? source : "");
}

/**
 * pd_rules_to_json:
 *
 * Returns: (transfer full): @rules as a rules file (version 1) that
 *   pd_rules_parse() reads back to the same rules
 */
char *
pd_rules_to_json (const PdRules *rules)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (rules != NULL, NULL);
  G_STATIC_ASSERT (G_N_ELEMENTS (session_members) == PD_N_SESSION_KINDS);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, "paddock-rules");
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PD_RULES_VERSION);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, rules->id);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, rules->name);
  if (rules->source != NULL && *rules->source != '\0')
    {
      json_builder_set_member_name (builder, "source");
      json_builder_add_string_value (builder, rules->source);
    }
  json_builder_set_member_name (builder, "drivers");
  add_championship (builder, &rules->drivers, FALSE);
  json_builder_set_member_name (builder, "teams");
  add_championship (builder, &rules->teams, TRUE);
  json_builder_set_member_name (builder, "tie_break");
  json_builder_add_string_value (builder, rules->tie_break == PD_TIE_BREAK_SHARED ? "shared" : "countback");

  if (rules->multipliers->len > 0)
    {
      json_builder_set_member_name (builder, "multipliers");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rules->multipliers->len; i++)
        {
          const PdMultiplier *m = &g_array_index (rules->multipliers, PdMultiplier, i);

          add_item_head (builder, m->round, m->kind);
          json_builder_set_member_name (builder, "factor");
          add_points (builder, m->factor);
          if (m->no_bonus)
            {
              json_builder_set_member_name (builder, "bonuses");
              json_builder_add_boolean_value (builder, FALSE);
            }
          add_source (builder, m->source);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (rules->shortened->len > 0)
    {
      json_builder_set_member_name (builder, "shortened");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rules->shortened->len; i++)
        {
          const PdShortenedScale *scale = &g_array_index (rules->shortened, PdShortenedScale, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "below_percent");
          json_builder_add_int_value (builder, scale->below_percent);
          if (scale->min_laps > 0)
            {
              json_builder_set_member_name (builder, "min_laps");
              json_builder_add_int_value (builder, scale->min_laps);
            }
          add_table (builder, scale->table, scale->n_table);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (rules->ineligible->len > 0)
    {
      json_builder_set_member_name (builder, "ineligible");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rules->ineligible->len; i++)
        {
          const PdIneligible *e = &g_array_index (rules->ineligible, PdIneligible, i);

          add_item_head (builder, e->round, e->kind);
          json_builder_set_member_name (builder, "driver");
          json_builder_add_string_value (builder, e->driver);
          if (e->pass_down)
            {
              json_builder_set_member_name (builder, "pass_down");
              json_builder_add_boolean_value (builder, TRUE);
            }
          if (e->to_co_drivers)
            {
              json_builder_set_member_name (builder, "to_co_drivers");
              json_builder_add_boolean_value (builder, TRUE);
            }
          add_source (builder, e->source);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (rules->drivers_only->len > 0)
    {
      json_builder_set_member_name (builder, "drivers_only");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rules->drivers_only->len; i++)
        {
          const PdDriversOnly *d = &g_array_index (rules->drivers_only, PdDriversOnly, i);

          add_item_head (builder, d->round, d->kind);
          add_source (builder, d->source);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  if (rules->adjustments->len > 0)
    {
      json_builder_set_member_name (builder, "adjustments");
      json_builder_begin_array (builder);
      for (guint i = 0; i < rules->adjustments->len; i++)
        {
          const PdAdjustment *a = &g_array_index (rules->adjustments, PdAdjustment, i);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "championship");
          json_builder_add_string_value (builder, a->teams ? "teams" : "drivers");
          json_builder_set_member_name (builder, "id");
          json_builder_add_string_value (builder, a->id);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, adjustment_nicks[a->kind]);
          if (a->kind == PD_ADJUSTMENT_DEDUCT)
            {
              json_builder_set_member_name (builder, "points");
              add_points (builder, a->points);
            }
          if (a->round > 0)
            {
              json_builder_set_member_name (builder, "round");
              json_builder_add_int_value (builder, a->round);
            }
          add_source (builder, a->source);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }

  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}
