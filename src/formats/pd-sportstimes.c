#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "pd-sportstimes.h"
#include "pd-time.h"

/*
 * Import of the sportstimes calendars, the JSON files behind
 * f1calendar.com and its sister sites (docs/sportstimes.md):
 *
 *   { "races": [ { "name": "Bahrain", "location": "Sakhir", "slug": …,
 *                  "tbc": false, "canceled": false,
 *                  "sessions": { "fp1": "2024-02-29T11:30:00Z", … } } ] }
 *
 * Every time is a UTC instant and nothing else is: no zone, no end. The
 * order and the "round" numbers of the file are not to be trusted, so the
 * races are sorted by their first session and numbered again. Names and
 * lengths of sessions come from each series' config.json, kept here.
 */

G_DEFINE_QUARK (pd-sportstimes-error-quark, pd_sportstimes_error)

void
pd_sportstimes_stats_clear (PdSportstimesStats *stats)
{
  g_clear_pointer (&stats->problems, g_ptr_array_unref);
  stats->sessions = 0;
  stats->rounds = 0;
}

/* What Paddock knows of each series */

typedef struct {
  const char *key;
  int         minutes;
} Length;

/* The sessionLengths of each series' config.json (sportstimes/f1 at
 * b42226fd, see ../shared/data/calendars/README.md), as published. */
static const Length f1_lengths[] = {
  { "fp1", 60 }, { "fp2", 60 }, { "fp3", 60 }, { "qualifying", 60 }, { "sprintQualifying", 45 },
  { "sprint", 30 }, { "gp", 120 },
};
static const Length f2_lengths[] = {
  { "practice", 45 }, { "qualifying", 30 }, { "sprint", 45 }, { "feature", 60 },
};
static const Length f3_lengths[] = {
  { "practice", 45 }, { "qualifying", 30 }, { "sprint", 40 }, { "feature", 45 },
};
static const Length fe_lengths[] = {
  { "practice1", 45 }, { "practice2", 30 }, { "practice3", 45 }, { "qualifying", 60 }, { "race", 57 },
};
static const Length indycar_lengths[] = {
  { "practice1", 45 }, { "practice2", 30 }, { "practice3", 45 }, { "qualifying", 60 }, { "warmup", 30 },
  { "race", 57 },
};
static const Length motogp_lengths[] = {
  { "fp1", 45 }, { "fp2", 30 }, { "practice", 60 }, { "qualifying1", 15 }, { "qualifying2", 15 },
  { "sprint", 60 }, { "warmup", 10 }, { "race", 60 },
};
static const Length f1_academy_lengths[] = {
  { "fp1", 40 }, { "fp2", 40 }, { "qualifying1", 15 }, { "qualifying2", 15 }, { "race1", 30 },
  { "race2", 20 }, { "race3", 30 },
};
static const Length extremee_lengths[] = {
  { "shakedown", 30 }, { "qualifying1", 90 }, { "qualifying2", 90 }, { "race1", 90 }, { "race2", 120 },
};

typedef struct {
  const char   *id;           /* the folder in _db/, and the series' id */
  const char   *name;
  const char   *short_name;
  const Length *lengths;
  gsize         n_lengths;
  int           other_min;    /* config.json's "other": any other key */
} Series;

/* Names of series are not translated. Formula 1's is the Ergast import's,
 * whose series has the same id. */
static const Series series_table[] = {
  { "f1", "Formula 1 World Championship", "Formula 1", f1_lengths, G_N_ELEMENTS (f1_lengths), 0 },
  { "f2", "FIA Formula 2 Championship", "Formula 2", f2_lengths, G_N_ELEMENTS (f2_lengths), 0 },
  { "f3", "FIA Formula 3 Championship", "Formula 3", f3_lengths, G_N_ELEMENTS (f3_lengths), 0 },
  { "fe", "FIA Formula E World Championship", "Formula E", fe_lengths, G_N_ELEMENTS (fe_lengths), 0 },
  { "indycar", "NTT IndyCar Series", "IndyCar", indycar_lengths, G_N_ELEMENTS (indycar_lengths), 45 },
  { "motogp", "MotoGP World Championship", "MotoGP", motogp_lengths, G_N_ELEMENTS (motogp_lengths), 0 },
  { "f1-academy", "F1 Academy", "F1 Academy", f1_academy_lengths, G_N_ELEMENTS (f1_academy_lengths), 0 },
  { "extremee", "Extreme E", "Extreme E", extremee_lengths, G_N_ELEMENTS (extremee_lengths), 0 },
};

static const Series *
find_series (const char *id)
{
  for (gsize i = 0; id != NULL && i < G_N_ELEMENTS (series_table); i++)
    if (g_str_equal (series_table[i].id, id))
      return &series_table[i];
  return NULL;
}

/* The length of a session of @key, 0 when the config gives none. */
static int
session_length (const Series *series,
                const char   *key)
{
  if (series == NULL)
    return 0;
  for (gsize i = 0; i < series->n_lengths; i++)
    if (g_str_equal (series->lengths[i].key, key))
      return series->lengths[i].minutes;
  return series->other_min;
}

/* Session names. The keys of every series' sessionMap, with the digits
 * at their end taken apart: "fp1" is "fp" and 1. */
typedef struct {
  const char    *key;
  const char    *name;
  const char    *numbered;   /* with the number, or NULL */
  PdSessionKind  kind;
} SessionName;

/* Names are stored as data, in English as the series publish them (as
 * every other importer stores names), not in the language Paddock runs
 * in: a season followed from a feed must not change with the language. */
static const SessionName session_names[] = {
  { "fp", "Free Practice", "Free Practice %u", PD_SESSION_KIND_PRACTICE },
  { "practice", "Practice", "Practice %u", PD_SESSION_KIND_PRACTICE },
  { "FinalPractice", "Final Practice", NULL, PD_SESSION_KIND_PRACTICE },
  { "shakedown", "Shakedown", NULL, PD_SESSION_KIND_PRACTICE },
  { "qualifying", "Qualifying", "Qualifying %u",
    PD_SESSION_KIND_QUALIFYING },
  { "sprintQualifying", "Sprint Qualifying", NULL, PD_SESSION_KIND_QUALIFYING },
  { "sprint", "Sprint", "Sprint %u", PD_SESSION_KIND_SPRINT },
  { "race", "Race", "Race %u", PD_SESSION_KIND_RACE },
  { "gp", "Grand Prix", NULL, PD_SESSION_KIND_RACE },
  /* TRANSLATORS: the long race of a Formula 2 or 3 weekend */
  { "feature", "Feature Race", NULL, PD_SESSION_KIND_RACE },
  /* TRANSLATORS: an Extreme E heat before the final */
  { "semifinal", "Semi-Final", NULL, PD_SESSION_KIND_RACE },
  { "warmup", "Warm-Up", NULL, PD_SESSION_KIND_WARM_UP },
};

/* The name and kind of a session of @key. A key Paddock does not know
 * (IndyCar's "Open Test Session 1") is its name, and a practice unless
 * its words say otherwise. */
static char *
session_name (const char    *key,
              PdSessionKind *kind)
{
  gsize length = strlen (key), base = length;
  g_autofree char *lower = NULL;

  while (base > 0 && g_ascii_isdigit (key[base - 1]) && length - base < 2)
    base--;
  for (gsize i = 0; i < G_N_ELEMENTS (session_names); i++)
    {
      const SessionName *known = &session_names[i];

      if (strlen (known->key) != base || strncmp (known->key, key, base) != 0)
        continue;
      if (base == length)
        {
          *kind = known->kind;
          return g_strdup (known->name);
        }
      if (known->numbered != NULL && key[base] != '0')
        {
          *kind = known->kind;
          /* The format is one of the table's literals above, each with
           * one %u. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
          return g_strdup_printf (known->numbered, (guint) g_ascii_strtoull (key + base, NULL, 10));
#pragma GCC diagnostic pop
        }
    }

  lower = g_ascii_strdown (key, -1);
  if (strstr (lower, "quali") != NULL)
    *kind = PD_SESSION_KIND_QUALIFYING;
  else if (strstr (lower, "sprint") != NULL)
    *kind = PD_SESSION_KIND_SPRINT;
  else if (strstr (lower, "race") != NULL)
    *kind = PD_SESSION_KIND_RACE;
  else if (strstr (lower, "warm") != NULL)
    *kind = PD_SESSION_KIND_WARM_UP;
  else
    *kind = PD_SESSION_KIND_PRACTICE;
  return g_strdup (key);
}

/* Slugs */

/* A slug of @text for an id: lowercase ASCII letters and digits, a dash
 * for each run of anything else and where a lowercase letter meets a
 * capital ("sprintQualifying" is "sprint-qualifying"). */
static char *
make_slug (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *slug = g_string_new (NULL);
  char previous = '\0';

  for (const char *p = ascii; *p != '\0' && slug->len < 64; previous = *p++)
    {
      gboolean word_starts = g_ascii_islower (previous) && g_ascii_isupper (*p);

      if (!g_ascii_isalnum (*p))
        continue;
      if (slug->len > 0 && (word_starts || !g_ascii_isalnum (previous)))
        g_string_append_c (slug, '-');
      g_string_append_c (slug, g_ascii_tolower (*p));
    }
  if (slug->len == 0)
    g_string_append_c (slug, 'x');
  return g_string_free (slug, FALSE);
}

/* Zones */

typedef struct {
  const char *slug;
  const char *zone;
} Place;

/* The zone of every "location" of the calendars (by its slug) whose zone
 * is certain: a town or a track, or a country with one zone. Countries
 * with several (the United States, Australia, Brazil, Mexico, Indonesia,
 * Argentina, Kazakhstan) and vague places ("TBC") have none: the file
 * gives no zone, and its coordinates are not to be trusted (all of
 * IndyCar's point at the Gulf, MotoGP's Kazakhstan at Watkins Glen). */
static const Place places[] = {
  { "al-ula-saudi-arabia", "Asia/Riyadh" },
  { "antofagasta-chine", "America/Santiago" },
  { "austin", "America/Chicago" },
  { "austria", "Europe/Vienna" },
  { "baku", "Asia/Baku" },
  { "barcelona", "Europe/Madrid" },
  { "berlin", "Europe/Berlin" },
  { "birmingham-alabama", "America/Chicago" },
  { "budapest", "Europe/Budapest" },
  { "cape-town", "Africa/Johannesburg" },
  { "catalunya", "Europe/Madrid" },
  { "czechia", "Europe/Prague" },
  { "detroit", "America/Detroit" },
  { "detroit-michigan", "America/Detroit" },
  { "diriyah", "Asia/Riyadh" },
  { "doha", "Asia/Qatar" },
  { "dorset-uk", "Europe/London" },
  { "dumfries-galloway-scotland", "Europe/London" },
  { "finland", "Europe/Helsinki" },
  { "fort-worth-texas", "America/Chicago" },
  { "france", "Europe/Paris" },
  { "gb", "Europe/London" },
  { "germany", "Europe/Berlin" },
  { "great-britain", "Europe/London" },
  { "hockenheim", "Europe/Berlin" },
  { "hungary", "Europe/Budapest" },
  { "hyderabad", "Asia/Kolkata" },
  { "imola", "Europe/Rome" },
  { "india", "Asia/Kolkata" },
  { "indianapolis", "America/Indiana/Indianapolis" },
  { "istanbul", "Europe/Istanbul" },
  { "italy", "Europe/Rome" },
  { "jakarta", "Asia/Jakarta" },
  { "japan", "Asia/Tokyo" },
  { "jarama", "Europe/Madrid" },
  { "jeddah", "Asia/Riyadh" },
  { "jeddah-saudi-arabia", "Asia/Riyadh" },
  { "kangerlussuaq-greenland", "America/Nuuk" },
  { "lac-rose-senegal", "Africa/Dakar" },
  { "las-vegas", "America/Los_Angeles" },
  { "le-castellet", "Europe/Paris" },
  { "london", "Europe/London" },
  { "long-beach-california", "America/Los_Angeles" },
  { "madison-illinois", "America/Chicago" },
  { "madrid", "Europe/Madrid" },
  { "malaysia", "Asia/Kuala_Lumpur" },
  { "marrakesh", "Africa/Casablanca" },
  { "melbourne", "Australia/Melbourne" },
  { "mexico-city", "America/Mexico_City" },
  { "miami", "America/New_York" },
  { "miami-ia", "America/New_York" },
  { "mid-ohio", "America/New_York" },
  { "misano", "Europe/Rome" },
  { "monte-carlo", "Europe/Monaco" },
  { "monterey-california", "America/Los_Angeles" },
  /* Montreal keeps Toronto's rules; America/Montreal is only a link. */
  { "montreal", "America/Toronto" },
  { "monza", "Europe/Rome" },
  { "mugello", "Europe/Rome" },
  { "nashville", "America/Chicago" },
  { "neom-saudi-arabia", "Asia/Riyadh" },
  { "netherlands", "Europe/Amsterdam" },
  { "nurburgring", "Europe/Berlin" },
  { "paul-ricard", "Europe/Paris" },
  { "phoenix-usa", "America/Phoenix" },
  { "portimao", "Europe/Lisbon" },
  { "portland", "America/Los_Angeles" },
  { "portland-oregon", "America/Los_Angeles" },
  { "portugal", "Europe/Lisbon" },
  { "punta-del-este-uruguay", "America/Montevideo" },
  { "qatar", "Asia/Qatar" },
  { "road-america", "America/Chicago" },
  { "rome", "Europe/Rome" },
  { "sakhir", "Asia/Bahrain" },
  { "sanya", "Asia/Shanghai" },
  { "sao-paulo", "America/Sao_Paulo" },
  { "sardinia-italy", "Europe/Rome" },
  { "sepang", "Asia/Kuala_Lumpur" },
  { "shanghai", "Asia/Shanghai" },
  { "silverstone", "Europe/London" },
  { "singapore", "Asia/Singapore" },
  { "sochi", "Europe/Moscow" },
  { "south-korea", "Asia/Seoul" },
  { "spa-francorchamps", "Europe/Brussels" },
  { "spain", "Europe/Madrid" },
  { "speedway-indiana", "America/Indiana/Indianapolis" },
  { "spielberg", "Europe/Vienna" },
  { "st-petersburg-florida", "America/New_York" },
  { "suzuka", "Asia/Tokyo" },
  { "thailand", "Asia/Bangkok" },
  { "tokyo", "Asia/Tokyo" },
  { "toronto", "America/Toronto" },
  { "united-kingdom", "Europe/London" },
  { "valencia", "Europe/Madrid" },
  { "yas-marina", "Asia/Dubai" },
  { "zandvoort", "Europe/Amsterdam" },
};

static const char *
place_zone (const char *slug)
{
  for (gsize i = 0; i < G_N_ELEMENTS (places); i++)
    if (g_str_equal (places[i].slug, slug))
      return places[i].zone;
  return NULL;
}

/* Detecting and guessing */

/**
 * pd_sportstimes_detect:
 *
 * Whether @data looks like a sportstimes calendar: an object whose
 * beginning has a "races" list. Cheap: it reads no more than the first
 * kilobytes and parses nothing.
 */
gboolean
pd_sportstimes_detect (const char *data,
                       gsize       length)
{
  static const char name[] = "\"races\"";
  gsize end = MIN (length, 4096), pos = 0;

  if (end >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    pos = 3;
  while (pos < end && g_ascii_isspace (data[pos]))
    pos++;
  if (pos >= end || data[pos] != '{')
    return FALSE;

  for (; pos + strlen (name) <= end; pos++)
    {
      gsize after = pos + strlen (name);

      if (memcmp (data + pos, name, strlen (name)) != 0)
        continue;
      while (after < end && g_ascii_isspace (data[after]))
        after++;
      if (after >= end || data[after] != ':')
        continue;
      after++;
      while (after < end && g_ascii_isspace (data[after]))
        after++;
      if (after < end && data[after] == '[')
        return TRUE;
    }
  return FALSE;
}

/**
 * pd_sportstimes_guess_series:
 * @file_name_or_url: such as "…/_db/f2/2024.json" or a URL to it
 *
 * Returns: (nullable): the series whose folder holds the file ("f2"), or
 *   %NULL when the folder is not one of a known series
 */
const char *
pd_sportstimes_guess_series (const char *file_name_or_url)
{
  g_autofree char *path = NULL;
  g_autofree char *folder = NULL;
  char *end;

  g_return_val_if_fail (file_name_or_url != NULL, NULL);

  /* A URL's query and fragment are not its path. */
  path = g_strdup (file_name_or_url);
  if (strstr (path, "://") != NULL && (end = strpbrk (path, "?#")) != NULL)
    *end = '\0';
  g_strdelimit (path, "\\", '/');
  end = strrchr (path, '/');
  if (end == NULL)
    return NULL;
  *end = '\0';
  folder = g_path_get_basename (path);
  for (gsize i = 0; i < G_N_ELEMENTS (series_table); i++)
    if (g_str_equal (series_table[i].id, folder))
      return series_table[i].id;
  return NULL;
}

/* Reading */

typedef struct {
  char            *key;
  char            *name;
  PdSessionKind    kind;
  GDateTime       *start_utc;
} Session;

typedef struct {
  guint            index;      /* in the file, from 1 */
  char            *name;
  char            *slug;       /* the key of the round's id */
  char            *location;
  gboolean         tbc;
  gboolean         canceled;
  GPtrArray       *sessions;   /* Session, by time */
  /* Set while storing */
  char            *round_id;
} Race;

static void
session_free (gpointer data)
{
  Session *session = data;

  g_free (session->key);
  g_free (session->name);
  g_clear_pointer (&session->start_utc, g_date_time_unref);
  g_free (session);
}

static void
race_free (gpointer data)
{
  Race *race = data;

  g_free (race->name);
  g_free (race->slug);
  g_free (race->location);
  g_clear_pointer (&race->sessions, g_ptr_array_unref);
  g_free (race->round_id);
  g_free (race);
}

/* The text of a string member, valid and stripped, or NULL. */
static char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);
  g_autofree char *text = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  text = g_utf8_make_valid (json_node_get_string (node), -1);
  g_strstrip (text);
  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static gboolean
member_true (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_BOOLEAN &&
         json_node_get_boolean (node);
}

static void
add_problem (PdSportstimesStats *stats,
             guint               index,
             const char         *race_name,
             char               *message)
{
  if (race_name != NULL)
    /* TRANSLATORS: a problem of a race of a calendar: its place in the file (from 1), its name, then what */
    g_ptr_array_add (stats->problems, g_strdup_printf (_("Race %u, “%s”: %s"), index, race_name, message));
  else
    /* TRANSLATORS: a problem of a race of a calendar: its place in the file (from 1), then what */
    g_ptr_array_add (stats->problems, g_strdup_printf (_("Race %u: %s"), index, message));
  g_free (message);
}

static int
compare_sessions (gconstpointer a,
                  gconstpointer b)
{
  const Session *sa = *(Session * const *) a, *sb = *(Session * const *) b;
  int c = g_date_time_compare (sa->start_utc, sb->start_utc);

  return c != 0 ? c : strcmp (sa->key, sb->key);
}

/* The years of motor racing, as the iCalendar import has them. */
static gboolean
year_is_valid (GDateTime *t)
{
  return g_date_time_get_year (t) >= 1900 && g_date_time_get_year (t) <= 2199;
}

static Race *
read_race (JsonNode           *node,
           guint               index,
           PdSportstimesStats *stats)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func (session_free);
  g_autofree char *name = NULL;
  JsonObject *object, *times;
  JsonNode *times_node;
  JsonObjectIter iter;
  const char *key;
  Race *race;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (stats, index, NULL, g_strdup (_("not an object; skipped")));
      return NULL;
    }
  object = json_node_get_object (node);
  name = member_text (object, "name");
  if (name == NULL)
    {
      add_problem (stats, index, NULL, g_strdup (_("a race without a name was skipped")));
      return NULL;
    }
  times_node = json_object_get_member (object, "sessions");
  if (times_node == NULL || !JSON_NODE_HOLDS_OBJECT (times_node))
    {
      add_problem (stats, index, name, g_strdup (_("no “sessions” object; skipped")));
      return NULL;
    }

  times = json_node_get_object (times_node);
  json_object_iter_init (&iter, times);
  while (json_object_iter_next (&iter, &key, &node))
    {
      g_autofree char *valid_key = g_utf8_make_valid (key, -1);
      g_autoptr(GDateTime) start = NULL;
      Session *session;

      g_strstrip (valid_key);
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
        start = pd_time_parse_rfc3339 (json_node_get_string (node), NULL);
      if (*valid_key == '\0')
        {
          add_problem (stats, index, name, g_strdup (_("a session without a name was left out")));
          continue;
        }
      if (start == NULL || !year_is_valid (start))
        {
          add_problem (stats, index, name,
                       g_strdup_printf (_("the time of “%s” is not a UTC date and time such as "
                                          "“2024-03-02T15:00:00Z”; the session was left out"), valid_key));
          continue;
        }
      session = g_new0 (Session, 1);
      session->key = g_steal_pointer (&valid_key);
      session->name = session_name (session->key, &session->kind);
      session->start_utc = g_steal_pointer (&start);
      g_ptr_array_add (sessions, session);
    }
  if (sessions->len == 0)
    {
      add_problem (stats, index, name, g_strdup (_("no session with a time; skipped")));
      return NULL;
    }
  g_ptr_array_sort (sessions, compare_sessions);

  race = g_new0 (Race, 1);
  race->index = index;
  race->name = g_steal_pointer (&name);
  race->location = member_text (object, "location");
  race->slug = member_text (object, "slug");
  if (race->slug == NULL)
    race->slug = member_text (object, "localeKey");
  if (race->slug == NULL)
    race->slug = g_strdup (race->name);
  race->tbc = member_true (object, "tbc");
  race->canceled = member_true (object, "canceled");
  race->sessions = g_steal_pointer (&sessions);
  return race;
}

static int
compare_races (gconstpointer a,
               gconstpointer b)
{
  const Race *ra = *(Race * const *) a, *rb = *(Race * const *) b;
  int c = g_date_time_compare (((Session *) ra->sessions->pdata[0])->start_utc,
                               ((Session *) rb->sessions->pdata[0])->start_utc);

  return c != 0 ? c : (ra->index > rb->index) - (ra->index < rb->index);
}

/* Storing */

typedef struct {
  const char         *season_id;
  const Series       *series;
  GPtrArray          *races;   /* Race, sorted */
  PdSportstimesStats *stats;
} Import;

static gboolean
save_season (PdStore  *store,
             Import   *import,
             GError  **error)
{
  g_autoptr(PdSeason) season = pd_store_find (store, PD_TYPE_SEASON, import->season_id, error);
  int year = 0;

  if (season != NULL)
    return TRUE;
  if (error != NULL && *error != NULL)
    return FALSE;

  season = pd_season_new ();
  pd_season_set_id (season, import->season_id);
  if (import->races->len > 0)
    year = g_date_time_get_year (((Session *) ((Race *) import->races->pdata[0])->sessions->pdata[0])->start_utc);
  if (import->series != NULL)
    {
      g_autoptr(PdSeries) found = pd_store_find (store, PD_TYPE_SERIES, import->series->id, error);
      g_autofree char *name = NULL;

      if (found == NULL)
        {
          g_autoptr(PdSeries) series = pd_series_new ();

          if (error != NULL && *error != NULL)
            return FALSE;
          pd_series_set_id (series, import->series->id);
          pd_series_set_name (series, import->series->name);
          pd_series_set_short_name (series, import->series->short_name);
          if (!pd_store_save (store, G_OBJECT (series), error))
            return FALSE;
        }
      pd_season_set_series_id (season, import->series->id);
      name = year > 0 ? g_strdup_printf ("%s %d", import->series->short_name, year)
                      : g_strdup (import->series->short_name);
      pd_season_set_name (season, name);
    }
  else
    pd_season_set_name (season, import->season_id);
  pd_season_set_year (season, year);
  return pd_store_save (store, G_OBJECT (season), error);
}

/* The circuit of a race's location: the stored one of that id, else a
 * new one when Paddock knows the place's zone. A place of unknown zone
 * gets no circuit (a circuit has a zone) and is reported. Sets *@tz to
 * the circuit's zone. */
static gboolean
save_circuit (PdStore     *store,
              Import      *import,
              const Race  *race,
              char       **circuit_id,
              GTimeZone  **tz,
              GError     **error)
{
  g_autoptr(PdCircuit) circuit = NULL;
  g_autofree char *id = NULL;
  const char *zone;

  *circuit_id = NULL;
  *tz = NULL;
  if (race->location == NULL)
    return TRUE;
  id = make_slug (race->location);
  circuit = pd_store_find (store, PD_TYPE_CIRCUIT, id, error);
  if (circuit != NULL)
    {
      *tz = g_time_zone_new_identifier (pd_circuit_get_zone (circuit));
      *circuit_id = g_steal_pointer (&id);
      return TRUE;
    }
  if (error != NULL && *error != NULL)
    return FALSE;
  if ((zone = place_zone (id)) == NULL)
    {
      add_problem (import->stats, race->index, race->name,
                   g_strdup_printf (_("the time zone of “%s” is not known, so the round has no circuit; "
                                      "its days are in UTC"), race->location));
      return TRUE;
    }

  circuit = pd_circuit_new ();
  pd_circuit_set_id (circuit, id);
  pd_circuit_set_name (circuit, race->location);
  pd_circuit_set_zone (circuit, zone);
  *tz = g_time_zone_new_identifier (zone);
  *circuit_id = g_steal_pointer (&id);
  return pd_store_save (store, G_OBJECT (circuit), error);
}

/* The day of @t at the track, or in UTC when its zone is not known. */
static char *
track_date (GDateTime *t,
            GTimeZone *tz)
{
  g_autoptr(GDateTime) local = tz != NULL ? g_date_time_to_timezone (t, tz) : g_date_time_to_utc (t);

  return g_date_time_format (local, "%Y-%m-%d");
}

static char *
unique_id (GHashTable *used,
           const char *base)
{
  char *id = g_strdup (base);

  for (int n = 2; g_hash_table_contains (used, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%d", base, n);
    }
  g_hash_table_add (used, g_strdup (id));
  return id;
}

static gboolean
save_sessions (PdStore     *store,
               Import      *import,
               const Race  *race,
               GTimeZone   *tz,
               GError     **error)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  PdSessionStatus status = race->canceled ? PD_SESSION_STATUS_CANCELLED
                         : race->tbc ? PD_SESSION_STATUS_TENTATIVE : PD_SESSION_STATUS_SCHEDULED;

  for (guint i = 0; i < race->sessions->len; i++)
    {
      const Session *each = race->sessions->pdata[i];
      g_autofree char *key_slug = make_slug (each->key);
      g_autofree char *base = g_strdup_printf ("%s-%s", race->round_id, key_slug);
      g_autofree char *id = unique_id (used, base);
      g_autofree char *date = track_date (each->start_utc, tz);
      g_autoptr(PdSession) session = pd_store_find (store, PD_TYPE_SESSION, id, error);

      if (session == NULL)
        {
          if (error != NULL && *error != NULL)
            return FALSE;
          session = pd_session_new ();
          pd_session_set_id (session, id);
        }
      pd_session_set_round_id (session, race->round_id);
      pd_session_set_kind (session, each->kind);
      pd_session_set_name (session, each->name);
      pd_session_set_position (session, (int) i + 1);
      pd_session_set_start_utc (session, each->start_utc);
      pd_session_set_start_date (session, date);
      /* The file has no length: a stored one, perhaps the user's, is kept. */
      if (pd_session_get_duration_min (session) <= 0)
        pd_session_set_duration_min (session, session_length (import->series, each->key));
      pd_session_set_status (session, status);
      /* The sequence is the stored one: the store raises it when the time
       * or the status changed, as for an iCalendar import. */
      if (!pd_store_save (store, G_OBJECT (session), error))
        return FALSE;
      import->stats->sessions++;
    }
  return TRUE;
}

static gboolean
import_races (PdStore   *store,
              gpointer   user_data,
              GError   **error)
{
  Import *import = user_data;
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int number = 1;

  if (!save_season (store, import, error))
    return FALSE;

  for (guint i = 0; i < import->races->len; i++)
    {
      Race *race = import->races->pdata[i];
      g_autoptr(PdRound) round = NULL;
      g_autoptr(GTimeZone) tz = NULL;
      g_autofree char *circuit_id = NULL;
      g_autofree char *slug = make_slug (race->slug);
      g_autofree char *base = g_strdup_printf ("%s-%s", import->season_id, slug);
      g_autofree char *first_day = NULL;
      g_autofree char *last_day = NULL;

      /* An id that a round of another season has (season "f1" and slug
       * "2024-x" against season "f1-2024" and slug "x") is not taken. */
      for (;;)
        {
          race->round_id = unique_id (used, base);
          round = pd_store_find (store, PD_TYPE_ROUND, race->round_id, error);
          if (round == NULL && error != NULL && *error != NULL)
            return FALSE;
          if (round == NULL || g_strcmp0 (pd_round_get_season_id (round), import->season_id) == 0)
            break;
          g_clear_object (&round);
          g_clear_pointer (&race->round_id, g_free);
        }
      if (round == NULL)
        {
          round = pd_round_new ();
          pd_round_set_id (round, race->round_id);
          pd_round_set_season_id (round, import->season_id);
        }
      if (!save_circuit (store, import, race, &circuit_id, &tz, error))
        return FALSE;

      pd_round_set_name (round, race->name);
      if (circuit_id != NULL)
        pd_round_set_circuit_id (round, circuit_id);
      /* A cancelled race is no round of the championship: number 0, as
       * the embedded season's cancelled Vallelunga event. */
      pd_round_set_number (round, race->canceled ? 0 : number++);
      pd_round_set_status (round, race->canceled ? PD_ROUND_STATUS_CANCELLED : PD_ROUND_STATUS_SCHEDULED);
      for (guint k = 0; k < race->sessions->len; k++)
        {
          g_autofree char *day = track_date (((Session *) race->sessions->pdata[k])->start_utc, tz);

          /* By time, so the first session's day is the first day. */
          if (first_day == NULL)
            first_day = g_strdup (day);
          if (last_day == NULL || strcmp (day, last_day) > 0)
            {
              g_free (last_day);
              last_day = g_steal_pointer (&day);
            }
        }
      pd_round_set_start_date (round, first_day);
      pd_round_set_end_date (round, last_day);
      if (!pd_store_save (store, G_OBJECT (round), error))
        return FALSE;
      import->stats->rounds++;

      if (!save_sessions (store, import, race, tz, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * pd_sportstimes_import:
 * @season_id: the season to import into, created when it is not there
 * @series: (nullable): the series of the calendar ("f1", "f2", "f3",
 *   "fe", "indycar", "motogp", "f1-academy", "extremee"), for the
 *   sessions' lengths and the season's series; %NULL when not known
 * @stats: (out caller-allocates): what was imported, and the problems
 *
 * Imports a sportstimes calendar into a season, in one transaction. Each
 * race or session that cannot be read is left out and reported in
 * @stats; the rest is imported. A document that is not a sportstimes
 * calendar at all imports nothing and is an error.
 */
gboolean
pd_sportstimes_import (PdStore             *store,
                       const char          *data,
                       gsize                length,
                       const char          *season_id,
                       const char          *series,
                       PdSportstimesStats  *stats,
                       GError             **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GPtrArray) races = g_ptr_array_new_with_free_func (race_free);
  JsonNode *root, *list;
  JsonArray *array;
  Import import = { 0 };

  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (season_id != NULL, FALSE);

  stats->sessions = stats->rounds = 0;
  stats->problems = g_ptr_array_new_with_free_func (g_free);

  if (*season_id == '\0')
    {
      g_set_error (error, PD_SPORTSTIMES_ERROR, PD_SPORTSTIMES_ERROR_SEASON, _("The season has no identifier"));
      return FALSE;
    }
  if (series != NULL && (import.series = find_series (series)) == NULL)
    {
      g_set_error (error, PD_SPORTSTIMES_ERROR, PD_SPORTSTIMES_ERROR_SERIES,
                   _("Unknown series “%s”; use “f1”, “f2”, “f3”, “fe”, “indycar”, “motogp”, “f1-academy” "
                     "or “extremee”"), series);
      return FALSE;
    }

  if (length > G_MAXSSIZE || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, PD_SPORTSTIMES_ERROR, PD_SPORTSTIMES_ERROR_NOT_SPORTSTIMES,
                   _("This is not a sportstimes calendar: it is not UTF-8 text"));
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &parse_error))
    {
      /* json-glib's message holds the line and column. */
      g_set_error (error, PD_SPORTSTIMES_ERROR, PD_SPORTSTIMES_ERROR_NOT_SPORTSTIMES,
                   _("This is not a sportstimes calendar: it is not valid JSON: %s"), parse_error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  list = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_member (json_node_get_object (root), "races")
                                                       : NULL;
  if (list == NULL || !JSON_NODE_HOLDS_ARRAY (list))
    {
      g_set_error (error, PD_SPORTSTIMES_ERROR, PD_SPORTSTIMES_ERROR_NOT_SPORTSTIMES,
                   _("This is not a sportstimes calendar: it is not an object with a “races” list"));
      return FALSE;
    }

  array = json_node_get_array (list);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      Race *race = read_race (json_array_get_element (array, i), i + 1, stats);

      if (race != NULL)
        g_ptr_array_add (races, race);
    }
  g_ptr_array_sort (races, compare_races);

  import.season_id = season_id;
  import.races = races;
  import.stats = stats;
  if (!pd_store_transaction (store, import_races, &import, error))
    {
      stats->sessions = stats->rounds = 0;
      return FALSE;
    }
  return TRUE;
}
