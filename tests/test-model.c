/* Tests of the generated record types (src/model/model.json) and of the
 * enums in pd-enums.h.
 *
 * The accessors are found by name in the program's own symbol table
 * (the test is linked with export_dynamic), so a field added to
 * model.json is tested here without editing this file. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>
#include <locale.h>
#include <string.h>

#include "pd-enums.h"
#include "pd-model-types.h"
#include "pd-test.h"

static GType
record_type (guint index)
{
  /* A function, not a table: the GTypes exist only once registered. */
  switch (index)
    {
    case 0: return PD_TYPE_SERIES;
    case 1: return PD_TYPE_SEASON;
    case 2: return PD_TYPE_CIRCUIT;
    case 3: return PD_TYPE_ROUND;
    case 4: return PD_TYPE_SESSION;
    case 5: return PD_TYPE_CLASS;
    case 6: return PD_TYPE_TEAM;
    case 7: return PD_TYPE_DRIVER;
    case 8: return PD_TYPE_ENTRY;
    case 9: return PD_TYPE_RESULT;
    case 10: return PD_TYPE_PENALTY;
    default: return G_TYPE_INVALID;
    }
}

#define N_RECORD_TYPES 11

/* "PdFooBar" → "foo_bar", the prefix of the generated functions. */
static char *
type_prefix (GType type)
{
  const char *name = g_type_name (type);
  GString *s = g_string_new (NULL);

  g_assert_true (g_str_has_prefix (name, "Pd"));
  for (const char *p = name + 2; *p != '\0'; p++)
    {
      if (g_ascii_isupper (*p) && s->len > 0)
        g_string_append_c (s, '_');
      g_string_append_c (s, g_ascii_tolower (*p));
    }
  return g_string_free (s, FALSE);
}

static gpointer
find_accessor (GType        type,
               GParamSpec  *pspec,
               const char  *verb)
{
  static GModule *self_module;
  g_autofree char *prefix = type_prefix (type);
  g_autofree char *field = g_strdelimit (g_strdup (pspec->name), "-", '_');
  g_autofree char *symbol = g_strdup_printf ("pd_%s_%s_%s", prefix, verb, field);
  gpointer func = NULL;

  if (self_module == NULL)
    self_module = g_module_open (NULL, 0);
  g_assert_nonnull (self_module);

  if (!g_module_symbol (self_module, symbol, &func))
    g_error ("%s has no accessor %s()", g_type_name (type), symbol);
  g_assert_nonnull (func);
  return func;
}

/* Records every "notify" of an object, by property name. */
typedef struct {
  GPtrArray *names;
} Notifications;

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  Notifications *n = user_data;

  g_ptr_array_add (n->names, g_strdup (pspec->name));
}

static guint
notify_count (Notifications *n,
              const char    *name)
{
  guint count = 0;

  for (guint i = 0; i < n->names->len; i++)
    if (g_str_equal (n->names->pdata[i], name))
      count++;
  return count;
}

/* Asserts that exactly @expected notifications arrived since the last call,
 * all of them for @name, and forgets them. */
static void
assert_notified (Notifications *n,
                 const char    *name,
                 guint          expected)
{
  if (n->names->len != expected || notify_count (n, name) != expected)
    {
      g_autoptr(GString) got = g_string_new (NULL);

      for (guint i = 0; i < n->names->len; i++)
        g_string_append_printf (got, " %s", (char *) n->names->pdata[i]);
      g_error ("expected %u notify::%s, got %u notifications:%s",
               expected, name, n->names->len, got->str);
    }
  g_ptr_array_set_size (n->names, 0);
}

typedef void        (*SetString) (gpointer, const char *);
typedef const char *(*GetString) (gpointer);
typedef void        (*SetInt) (gpointer, int);
typedef int         (*GetInt) (gpointer);
typedef void        (*SetInt64) (gpointer, gint64);
typedef gint64      (*GetInt64) (gpointer);
typedef void        (*SetDouble) (gpointer, double);
typedef double      (*GetDouble) (gpointer);
typedef void        (*SetDateTime) (gpointer, GDateTime *);
typedef GDateTime  *(*GetDateTime) (gpointer);
typedef void        (*SetStrv) (gpointer, const char * const *);
typedef const char * const *(*GetStrv) (gpointer);

static void
check_string (GObject       *object,
              GParamSpec    *pspec,
              Notifications *n,
              SetString      set,
              GetString      get)
{
  /* Non-ASCII on purpose: names such as "Bäckman" must survive. */
  char *source = g_strdup_printf ("Bäckman %s", pspec->name);
  g_autofree char *expected = g_strdup (source);
  g_autofree char *same = g_strdup (source);

  set (object, source);
  assert_notified (n, pspec->name, 1);
  g_assert_cmpstr (get (object), ==, expected);
  g_assert_true (get (object) != source);

  /* The record keeps its own copy. */
  memset (source, 'X', strlen (source));
  g_free (source);
  g_assert_cmpstr (get (object), ==, expected);

  /* An equal string in other memory is no change. */
  set (object, same);
  assert_notified (n, pspec->name, 0);

  set (object, "other");
  assert_notified (n, pspec->name, 1);
  g_assert_cmpstr (get (object), ==, "other");

  set (object, NULL);
  assert_notified (n, pspec->name, 1);
  g_assert_null (get (object));
  set (object, NULL);
  assert_notified (n, pspec->name, 0);
}

static void
check_int (GObject       *object,
           GParamSpec    *pspec,
           Notifications *n,
           SetInt         set,
           GetInt         get)
{
  GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
  int value = ispec->default_value == 42 ? 43 : 42;

  g_assert_cmpint (value, >=, ispec->minimum);
  g_assert_cmpint (value, <=, ispec->maximum);

  set (object, value);
  assert_notified (n, pspec->name, 1);
  g_assert_cmpint (get (object), ==, value);
  set (object, value);
  assert_notified (n, pspec->name, 0);

  set (object, ispec->default_value);
  assert_notified (n, pspec->name, 1);
  g_assert_cmpint (get (object), ==, ispec->default_value);
}

static void
check_int64 (GObject       *object,
             GParamSpec    *pspec,
             Notifications *n,
             SetInt64       set,
             GetInt64       get)
{
  GParamSpecInt64 *ispec = G_PARAM_SPEC_INT64 (pspec);
  /* Larger than 32 bits, so that a truncation shows. */
  gint64 value = G_GINT64_CONSTANT (86400000) * 365 * 10 + 11000;

  set (object, value);
  assert_notified (n, pspec->name, 1);
  g_assert_cmpint (get (object), ==, value);
  set (object, value);
  assert_notified (n, pspec->name, 0);

  set (object, ispec->default_value);
  assert_notified (n, pspec->name, 1);
  g_assert_cmpint (get (object), ==, ispec->default_value);
}

static void
check_boolean (GObject       *object,
               GParamSpec    *pspec,
               Notifications *n,
               SetInt         set,
               GetInt         get)
{
  g_assert_false (get (object));

  set (object, TRUE);
  assert_notified (n, pspec->name, 1);
  g_assert_true (get (object));

  /* Any non-zero value is TRUE, and no change. */
  set (object, 2);
  assert_notified (n, pspec->name, 0);
  g_assert_cmpint (get (object), ==, TRUE);

  set (object, FALSE);
  assert_notified (n, pspec->name, 1);
  g_assert_false (get (object));
}

static void
check_double (GObject       *object,
              GParamSpec    *pspec,
              Notifications *n,
              SetDouble      set,
              GetDouble      get)
{
  set (object, 41.57);
  assert_notified (n, pspec->name, 1);
  g_assert_cmpfloat (get (object), ==, 41.57);
  set (object, 41.57);
  assert_notified (n, pspec->name, 0);
  set (object, -2.26111);
  assert_notified (n, pspec->name, 1);
  g_assert_cmpfloat (get (object), ==, -2.26111);
}

static void
check_enum (GObject       *object,
            GParamSpec    *pspec,
            Notifications *n,
            SetInt         set,
            GetInt         get)
{
  GParamSpecEnum *espec = G_PARAM_SPEC_ENUM (pspec);
  GEnumClass *klass = espec->enum_class;

  g_assert_cmpint (get (object), ==, espec->default_value);

  /* Every value, from the last down to the default: each differs from
   * the one before, so each notifies once. */
  g_assert_cmpuint (klass->n_values, >, 1);
  g_assert_cmpint (klass->values[0].value, ==, espec->default_value);
  for (int i = klass->n_values - 1; i >= 0; i--)
    {
      int value = klass->values[i].value;

      set (object, value);
      assert_notified (n, pspec->name, 1);
      g_assert_cmpint (get (object), ==, value);
      set (object, value);
      assert_notified (n, pspec->name, 0);
    }
}

static void
check_datetime (GObject       *object,
                GParamSpec    *pspec,
                Notifications *n,
                SetDateTime    set,
                GetDateTime    get)
{
  GDateTime *source = g_date_time_new_utc (2023, 9, 30, 14, 50, 0);
  g_autoptr(GDateTime) expected = g_date_time_new_utc (2023, 9, 30, 14, 50, 0);
  g_autoptr(GTimeZone) madrid = g_time_zone_new_identifier ("Europe/Madrid");
  g_autoptr(GDateTime) same_instant = NULL;
  g_autoptr(GDateTime) other = g_date_time_new_utc (2023, 10, 1, 9, 20, 0);

  g_assert_nonnull (madrid);
  same_instant = g_date_time_new (madrid, 2023, 9, 30, 16, 50, 0);

  g_assert_null (get (object));
  set (object, source);
  assert_notified (n, pspec->name, 1);
  g_assert_true (g_date_time_equal (get (object), expected));

  /* The record holds its own reference. */
  g_date_time_unref (source);
  g_assert_true (g_date_time_equal (get (object), expected));
  g_assert_cmpint (g_date_time_to_unix (get (object)), ==, 1696085400);

  /* The same instant, seen in another zone, is no change. */
  set (object, same_instant);
  assert_notified (n, pspec->name, 0);

  set (object, other);
  assert_notified (n, pspec->name, 1);
  g_assert_true (g_date_time_equal (get (object), other));

  set (object, NULL);
  assert_notified (n, pspec->name, 1);
  g_assert_null (get (object));
  set (object, NULL);
  assert_notified (n, pspec->name, 0);
}

static void
check_strv (GObject       *object,
            GParamSpec    *pspec,
            Notifications *n,
            SetStrv        set,
            GetStrv        get)
{
  /* Not in alphabetical order: the order is data (driving order). */
  char **source = g_strsplit ("jessica-backman,andreas-backman,z", ",", -1);
  const char * const expected[] = { "jessica-backman", "andreas-backman", "z", NULL };
  g_auto(GStrv) same = g_strdupv ((char **) expected);
  const char * const shorter[] = { "jessica-backman", "andreas-backman", NULL };
  const char * const empty[] = { NULL };

  g_assert_null (get (object));
  set (object, (const char * const *) source);
  assert_notified (n, pspec->name, 1);
  g_assert_true (g_strv_equal (get (object), expected));
  g_assert_true ((gpointer) get (object) != (gpointer) source);

  /* The record keeps its own deep copy. */
  source[0][0] = 'X';
  g_free (source[2]);
  source[2] = NULL;
  g_strfreev (source);
  g_assert_true (g_strv_equal (get (object), expected));

  set (object, (const char * const *) same);
  assert_notified (n, pspec->name, 0);

  set (object, shorter);
  assert_notified (n, pspec->name, 1);
  g_assert_true (g_strv_equal (get (object), shorter));

  set (object, empty);
  assert_notified (n, pspec->name, 1);
  g_assert_nonnull (get (object));
  g_assert_null (get (object)[0]);

  set (object, NULL);
  assert_notified (n, pspec->name, 1);
  g_assert_null (get (object));
}

static void
test_record_properties (gconstpointer data)
{
  GType type = record_type (GPOINTER_TO_UINT (data));
  g_autoptr(GObject) object = NULL;
  g_autoptr(GTypeClass) klass = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  Notifications n = { g_ptr_array_new_with_free_func (g_free) };
  guint n_pspecs;
  gboolean has_id = FALSE;

  g_assert_true (G_TYPE_IS_OBJECT (type));
  g_assert_true (G_TYPE_IS_FINAL (type));

  object = g_object_new (type, NULL);
  klass = g_type_class_ref (type);
  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  g_assert_cmpuint (n_pspecs, >, 1);

  g_signal_connect (object, "notify", G_CALLBACK (notify_cb), &n);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GParamSpec *pspec = pspecs[i];
      GType vt = pspec->value_type;
      gpointer set = find_accessor (type, pspec, "set");
      gpointer get = find_accessor (type, pspec, "get");
      g_auto(GValue) value = G_VALUE_INIT;
      g_auto(GValue) fallback = G_VALUE_INIT;

      g_test_message ("%s:%s", g_type_name (type), pspec->name);
      has_id |= g_str_equal (pspec->name, "id");

      g_assert_true (pspec->owner_type == type);
      g_assert_true ((pspec->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE);
      /* Setters compare before they notify, so notify is explicit. */
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
      g_assert_nonnull (g_param_spec_get_blurb (pspec));

      /* A new record holds the documented "not known" value. */
      g_value_init (&value, vt);
      g_value_init (&fallback, vt);
      g_object_get_property (object, pspec->name, &value);
      g_param_value_set_default (pspec, &fallback);
      g_assert_cmpint (g_param_values_cmp (pspec, &value, &fallback), ==, 0);
      if (vt == G_TYPE_INT64 || vt == G_TYPE_INT)
        {
          /* model.json: "-1 when not known" is the default where 0 is a
           * real value; elsewhere 0 is. */
          gboolean minus_one = strstr (g_param_spec_get_blurb (pspec), "-1 when") != NULL;
          gint64 def = vt == G_TYPE_INT ? G_PARAM_SPEC_INT (pspec)->default_value
                                        : G_PARAM_SPEC_INT64 (pspec)->default_value;
          g_assert_cmpint (def, ==, minus_one ? -1 : 0);
        }

      if (vt == G_TYPE_STRING)
        check_string (object, pspec, &n, set, get);
      else if (vt == G_TYPE_INT)
        check_int (object, pspec, &n, set, get);
      else if (vt == G_TYPE_INT64)
        check_int64 (object, pspec, &n, set, get);
      else if (vt == G_TYPE_BOOLEAN)
        check_boolean (object, pspec, &n, set, get);
      else if (vt == G_TYPE_DOUBLE)
        check_double (object, pspec, &n, set, get);
      else if (G_TYPE_IS_ENUM (vt))
        check_enum (object, pspec, &n, set, get);
      else if (vt == G_TYPE_DATE_TIME)
        check_datetime (object, pspec, &n, set, get);
      else if (vt == G_TYPE_STRV)
        check_strv (object, pspec, &n, set, get);
      else
        g_error ("%s:%s has a type the test does not know: %s",
                 g_type_name (type), pspec->name, g_type_name (vt));

      /* Through GObject too: setting the current value does not notify. */
      g_value_unset (&value);
      g_value_init (&value, vt);
      g_object_get_property (object, pspec->name, &value);
      g_object_set_property (object, pspec->name, &value);
      assert_notified (&n, pspec->name, 0);
    }

  g_assert_true (has_id);
  g_signal_handlers_disconnect_by_func (object, notify_cb, &n);
  g_ptr_array_unref (n.names);
  g_assert_finalize_object (g_steal_pointer (&object));
}

/* GObject's own path: g_object_set() of a new value notifies once. */
static void
test_record_gobject_set (gconstpointer data)
{
  g_autoptr(PdSession) session = pd_session_new ();
  Notifications n = { g_ptr_array_new_with_free_func (g_free) };
  g_autoptr(GDateTime) start = g_date_time_new_utc (2023, 9, 30, 14, 50, 0);

  g_signal_connect (session, "notify", G_CALLBACK (notify_cb), &n);
  g_object_set (session, "kind", PD_SESSION_KIND_RACE, NULL);
  assert_notified (&n, "kind", 1);
  g_assert_cmpint (pd_session_get_kind (session), ==, PD_SESSION_KIND_RACE);
  g_object_set (session, "kind", PD_SESSION_KIND_RACE, NULL);
  assert_notified (&n, "kind", 0);

  g_object_set (session, "start-utc", start, NULL);
  assert_notified (&n, "start-utc", 1);
  g_assert_true (g_date_time_equal (pd_session_get_start_utc (session), start));

  g_signal_handlers_disconnect_by_func (session, notify_cb, &n);
  g_ptr_array_unref (n.names);
}

/* The enums: the nicks are a file format, so they are spelt out here. */

typedef const char *(*LabelFunc) (int value);

typedef struct {
  GType     (*get_type) (void);
  LabelFunc   label;
  const char *nicks[10];
} EnumCase;

static const EnumCase enum_cases[] = {
  { pd_round_status_get_type, (LabelFunc) pd_round_status_to_label,
    { "scheduled", "postponed", "cancelled" } },
  { pd_session_kind_get_type, (LabelFunc) pd_session_kind_to_label,
    { "practice", "qualifying", "race", "sprint", "warm-up" } },
  { pd_session_status_get_type, (LabelFunc) pd_session_status_to_label,
    { "scheduled", "tentative", "postponed", "cancelled" } },
  { pd_result_status_get_type, (LabelFunc) pd_result_status_to_label,
    { "classified", "not-classified", "dnf", "dns", "dsq", "excluded" } },
  { pd_penalty_kind_get_type, (LabelFunc) pd_penalty_kind_to_label,
    { "time", "positions", "grid", "points", "disqualification", "exclusion", "lap-deleted" } },
  { pd_grading_get_type, (LabelFunc) pd_grading_to_label,
    { "none", "bronze", "silver", "gold", "platinum" } },
};

static void
test_enum_nicks (gconstpointer data)
{
  const EnumCase *c = data;
  GType type = c->get_type ();
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  g_autoptr(GHashTable) labels = g_hash_table_new (g_str_hash, g_str_equal);
  guint n_nicks = 0;
  int value;

  while (n_nicks < G_N_ELEMENTS (c->nicks) && c->nicks[n_nicks] != NULL)
    n_nicks++;
  g_assert_cmpuint (klass->n_values, ==, n_nicks);

  for (guint i = 0; i < n_nicks; i++)
    {
      const char *nick = pd_enum_to_nick (type, (int) i);
      const char *label = c->label ((int) i);

      /* Values are numbered from 0 in the order of the header. */
      g_assert_cmpstr (nick, ==, c->nicks[i]);
      value = -1;
      g_assert_true (pd_enum_from_nick (type, nick, &value));
      g_assert_cmpint (value, ==, (int) i);

      g_assert_nonnull (label);
      /* "No grading" is the one value shown as nothing at all. */
      if (type == pd_grading_get_type () && i == PD_GRADING_NONE)
        g_assert_cmpstr (label, ==, "");
      else
        {
          g_assert_cmpstr (label, !=, "");
          g_assert_true (g_utf8_validate (label, -1, NULL));
          /* Two values never share a label. */
          g_assert_false (g_hash_table_contains (labels, label));
          g_hash_table_add (labels, (gpointer) label);
        }
    }

  /* What is not a member is refused, and leaves the output alone. */
  g_assert_null (pd_enum_to_nick (type, (int) n_nicks));
  g_assert_null (pd_enum_to_nick (type, -1));
  value = 1234;
  g_assert_false (pd_enum_from_nick (type, "no-such-value", &value));
  g_assert_false (pd_enum_from_nick (type, "", &value));
  g_assert_false (pd_enum_from_nick (type, NULL, &value));
  /* Nicks are matched exactly: "Race" is not "race". */
  {
    g_autofree char *upper = g_ascii_strup (c->nicks[0], -1);
    g_assert_false (pd_enum_from_nick (type, upper, &value));
  }
  g_assert_cmpint (value, ==, 1234);
  g_assert_cmpstr (c->label ((int) n_nicks), ==, "");
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  for (guint i = 0; i < N_RECORD_TYPES; i++)
    {
      g_autofree char *prefix = type_prefix (record_type (i));
      g_autofree char *path = g_strdup_printf ("/model/%s/properties", prefix);

      pd_test_add_isolated (path, test_record_properties, GUINT_TO_POINTER (i));
    }
  g_assert_true (record_type (N_RECORD_TYPES) == G_TYPE_INVALID);
  pd_test_add_isolated ("/model/session/gobject-set", test_record_gobject_set, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (enum_cases); i++)
    {
      g_autofree char *name = g_strdup (g_type_name (enum_cases[i].get_type ()));
      g_autofree char *path = g_strdup_printf ("/model/enum/%s", name);

      pd_test_add_isolated (path, test_enum_nicks, &enum_cases[i]);
    }

  return g_test_run ();
}
