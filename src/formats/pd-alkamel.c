#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "pd-alkamel.h"
#include "pd-csv.h"
#include "pd-enums.h"
#include "pd-timing.h"

/*
 * Al Kamel Systems classification sheets, the timing format of SRO, WEC,
 * ELMS and IMSA (03_Classification_Race.CSV and the like): ';' separated,
 * with or without a UTF-8 byte order mark, a header row that names the
 * columns (the parser goes by names, never by place, and ignores spaces
 * around them), one row per car with one to five drivers, times such as
 * "5:44'41.101" and statuses "Classified", "Not classified", "Not
 * started". Older sheets name drivers DRIVER_1 … DRIVER_5 ("Simon DOLAN",
 * surname in capitals); newer ones DRIVER1_FIRSTNAME and
 * DRIVER1_SECONDNAME.
 *
 * The whole file is read and checked before anything is stored; then one
 * transaction creates what is missing (season, round, session, classes,
 * teams, drivers, cars) and writes the session's results. A file that is
 * not what it claims is refused with its line and problem, and nothing
 * is stored.
 */

#define MAX_DRIVERS 5

G_DEFINE_QUARK (pd-alkamel-error-quark, pd_alkamel_error)

typedef struct {
  char *first;
  char *last;
} Name;

typedef struct {
  guint           line;
  int             position;      /* 0: none given */
  char           *number;
  char           *team;
  char           *vehicle;
  char           *class_name;
  Name            drivers[MAX_DRIVERS];
  guint           n_drivers;
  PdResultStatus  status;
  int             laps;
  gint64          total_ms;
  gint64          best_ms;
  int             class_position;
} Row;

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->number);
  g_free (row->team);
  g_free (row->vehicle);
  g_free (row->class_name);
  for (guint i = 0; i < row->n_drivers; i++)
    {
      g_free (row->drivers[i].first);
      g_free (row->drivers[i].last);
    }
  g_free (row);
}

/**
 * pd_make_id:
 * @text: a name, such as "Saintéloc Junior Team" or "Pro-Am"
 *
 * Returns: (transfer full): an identifier made of it, lower-case ASCII
 *   words joined by hyphens: "sainteloc-junior-team", "pro-am"; "" when
 *   @text has no letter or digit
 */
char *
pd_make_id (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text != NULL ? text : "", "C");
  GString *id = g_string_new (NULL);
  gboolean gap = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (gap && id->len > 0)
            g_string_append_c (id, '-');
          g_string_append_c (id, g_ascii_tolower (*p));
          gap = FALSE;
        }
      else
        gap = TRUE;
    }
  return g_string_free (id, FALSE);
}

/* "DOLAN" → "Dolan", "VAN DER LINDE" → "Van Der Linde", "O'CONNOR" →
 * "O'Connor": surnames that sheets write in capitals. */
static char *
title_case (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean start = TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (out, start ? g_unichar_totitle (c) : g_unichar_tolower (c));
      start = !g_unichar_isalpha (c);
    }
  return g_string_free (out, FALSE);
}

static gboolean
is_capitals (const char *word)
{
  gboolean letters = FALSE;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_islower (c))
        return FALSE;
      if (g_unichar_isalpha (c))
        letters = TRUE;
    }
  return letters;
}

/* "Simon DOLAN" → Simon, Dolan; "Jean-Eric VERGNE" → Jean-Eric, Vergne;
 * a name without capitals ends in its surname. */
static void
split_name (const char *full,
            Name       *name)
{
  g_auto(GStrv) words = g_strsplit (full, " ", -1);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();
  guint n, surname;

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_ptr_array_add (kept, words[i]);
  n = kept->len;
  g_ptr_array_add (kept, NULL);

  surname = n;
  while (surname > 0 && is_capitals (kept->pdata[surname - 1]))
    surname--;
  if (surname == 0 || surname == n)
    surname = n > 1 ? n - 1 : 0;

  {
    g_autofree char *last = g_strjoinv (" ", (char **) kept->pdata + surname);

    kept->pdata[surname] = NULL;
    name->first = g_strjoinv (" ", (char **) kept->pdata);
    name->last = is_capitals (last) ? title_case (last) : g_steal_pointer (&last);
  }
  if (is_capitals (name->first))
    {
      char *first = title_case (name->first);
      g_free (name->first);
      name->first = first;
    }
}

typedef struct {
  int position;
  int number;
  int team;
  int vehicle;
  int class_name;
  int status;
  int laps;
  int total_time;
  int gap_first;
  int best_lap;
  int driver[MAX_DRIVERS];
  int first_name[MAX_DRIVERS];
  int second_name[MAX_DRIVERS];
} Columns;

static int
find_column (GPtrArray  *names,
             const char *name)
{
  for (guint i = 0; i < names->len; i++)
    if (g_ascii_strcasecmp (names->pdata[i], name) == 0)
      return (int) i;
  return -1;
}

static gboolean
read_header (PdCsvReader  *reader,
             const char   *file_name,
             Columns      *col,
             GError      **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  static const char * const required[] = { "POSITION", "NUMBER", "STATUS" };

  if (!pd_csv_reader_next (reader, error))
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_FORMAT,
                     _("%s: the file is empty; an Al Kamel classification starts with a row of column names"),
                     file_name != NULL ? file_name : "");
      return FALSE;
    }

  for (guint i = 0; i < pd_csv_reader_get_n_fields (reader); i++)
    g_ptr_array_add (names, g_strstrip (g_strdup (pd_csv_reader_get (reader, i))));

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (find_column (names, required[i]) < 0)
      {
        pd_csv_reader_set_error (reader, error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_FORMAT,
                                 _("the column “%s” is missing: this is not an Al Kamel classification"),
                                 required[i]);
        return FALSE;
      }

  col->position = find_column (names, "POSITION");
  col->number = find_column (names, "NUMBER");
  col->team = find_column (names, "TEAM");
  col->vehicle = find_column (names, "VEHICLE");
  col->class_name = find_column (names, "CLASS");
  col->status = find_column (names, "STATUS");
  col->laps = find_column (names, "LAPS");
  col->total_time = find_column (names, "TOTAL_TIME");
  col->gap_first = find_column (names, "GAP_FIRST");
  col->best_lap = find_column (names, "FL_TIME");
  for (int d = 0; d < MAX_DRIVERS; d++)
    {
      g_autofree char *driver = g_strdup_printf ("DRIVER_%d", d + 1);
      g_autofree char *first = g_strdup_printf ("DRIVER%d_FIRSTNAME", d + 1);
      g_autofree char *second = g_strdup_printf ("DRIVER%d_SECONDNAME", d + 1);

      col->driver[d] = find_column (names, driver);
      col->first_name[d] = find_column (names, first);
      col->second_name[d] = find_column (names, second);
    }
  return TRUE;
}

/* A field, without the spaces around it; "" when the row is short. */
static char *
get_field (PdCsvReader *reader,
           int          column)
{
  const char *value = pd_csv_reader_get (reader, column);

  return g_strstrip (g_strdup (value != NULL ? value : ""));
}

static gboolean
read_int_field (PdCsvReader  *reader,
                int           column,
                const char   *name,
                int           max,
                int          *out,
                GError      **error)
{
  g_autofree char *text = get_field (reader, column);
  gint64 value = 0;

  *out = 0;
  if (*text == '\0')
    return TRUE;
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) || (value = value * 10 + (*p - '0')) > max)
      {
        pd_csv_reader_set_error (reader, error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_VALUE,
                                 _("%s “%s” is not a whole number from 0 to %d"), name, text, max);
        return FALSE;
      }
  *out = (int) value;
  return TRUE;
}

static gboolean
read_time_field (PdCsvReader  *reader,
                 int           column,
                 const char   *name,
                 gint64       *out,
                 GError      **error)
{
  g_autofree char *text = get_field (reader, column);

  *out = 0;
  if (*text == '\0')
    return TRUE;
  if (!pd_timing_parse_time (text, out))
    {
      pd_csv_reader_set_error (reader, error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_VALUE,
                               _("%s “%s” is not a time such as 1'36.144 or 4:00'04.690"), name, text);
      return FALSE;
    }
  return TRUE;
}

static gboolean
read_row (PdCsvReader  *reader,
          const Columns *col,
          Row          *row,
          GError      **error)
{
  g_autofree char *status = NULL;
  g_autofree char *gap = NULL;

  row->line = pd_csv_reader_get_line (reader);
  row->number = get_field (reader, col->number);
  row->team = get_field (reader, col->team);
  row->vehicle = get_field (reader, col->vehicle);
  row->class_name = get_field (reader, col->class_name);

  if (*row->number == '\0')
    {
      pd_csv_reader_set_error (reader, error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_VALUE,
                               _("the car has no number"));
      return FALSE;
    }

  status = get_field (reader, col->status);
  if (!pd_result_status_from_text (status, &row->status))
    {
      pd_csv_reader_set_error (reader, error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_VALUE,
                               _("the status “%s” is not one of Classified, Not classified, Not started, "
                                 "Retired, Disqualified or Excluded"), status);
      return FALSE;
    }

  if (!read_int_field (reader, col->position, "POSITION", 1000, &row->position, error) ||
      !read_int_field (reader, col->laps, "LAPS", 100000, &row->laps, error) ||
      !read_time_field (reader, col->total_time, "TOTAL_TIME", &row->total_ms, error) ||
      !read_time_field (reader, col->best_lap, "FL_TIME", &row->best_ms, error))
    return FALSE;

  if (row->status == PD_RESULT_STATUS_CLASSIFIED && row->position == 0)
    {
      pd_csv_reader_set_error (reader, error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_VALUE,
                               _("car %s is classified but has no position"), row->number);
      return FALSE;
    }

  /* Gaps are not stored (they follow from laps and times), but a gap
   * that is not one says the file is not what it claims. */
  gap = get_field (reader, col->gap_first);
  if (*gap != '\0' && !pd_timing_parse_gap (gap, &(PdGap) { 0 }))
    {
      pd_csv_reader_set_error (reader, error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_VALUE,
                               _("GAP_FIRST “%s” is not a gap such as 28.869 or 1 Laps"), gap);
      return FALSE;
    }

  for (int d = 0; d < MAX_DRIVERS; d++)
    {
      g_autofree char *full = get_field (reader, col->driver[d]);
      g_autofree char *first = get_field (reader, col->first_name[d]);
      g_autofree char *second = get_field (reader, col->second_name[d]);
      Name *name = &row->drivers[row->n_drivers];

      if (*second != '\0')
        {
          name->first = g_steal_pointer (&first);
          name->last = is_capitals (second) ? title_case (second) : g_steal_pointer (&second);
          row->n_drivers++;
        }
      else if (*full != '\0')
        {
          split_name (full, name);
          row->n_drivers++;
        }
    }
  return TRUE;
}

static gboolean
is_blank_row (PdCsvReader *reader)
{
  for (guint i = 0; i < pd_csv_reader_get_n_fields (reader); i++)
    {
      const char *field = pd_csv_reader_get (reader, i);

      for (const char *p = field; p != NULL && *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *ra = *(const Row **) a;
  const Row *rb = *(const Row **) b;

  /* Rows without a position after the others, in the file's order. */
  if ((ra->position == 0) != (rb->position == 0))
    return ra->position == 0 ? 1 : -1;
  if (ra->position != rb->position)
    return ra->position - rb->position;
  return (int) ra->line - (int) rb->line;
}

/* Reads and checks the whole file. */
static GPtrArray *
read_rows (const char  *file_name,
           const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(PdCsvReader) reader = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (row_free);
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) positions = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) class_counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GError *local_error = NULL;
  Columns col;

  reader = pd_csv_reader_new (file_name, data, length, ';', PD_CSV_FLAGS_NONE, error);
  if (reader == NULL || !read_header (reader, file_name, &col, error))
    return NULL;

  while (pd_csv_reader_next (reader, &local_error))
    {
      Row *row, *other;

      if (is_blank_row (reader))
        continue;

      row = g_new0 (Row, 1);
      g_ptr_array_add (rows, row);
      if (!read_row (reader, &col, row, error))
        return NULL;

      if ((other = g_hash_table_lookup (numbers, row->number)) != NULL)
        {
          pd_csv_reader_set_error (reader, error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_DUPLICATE,
                                   _("car %s is listed twice (first on line %u)"), row->number, other->line);
          return NULL;
        }
      g_hash_table_insert (numbers, row->number, row);
      if (row->position > 0 &&
          (other = g_hash_table_lookup (positions, GINT_TO_POINTER (row->position))) != NULL)
        {
          pd_csv_reader_set_error (reader, error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_DUPLICATE,
                                   _("position %d is given twice (first on line %u)"), row->position, other->line);
          return NULL;
        }
      if (row->position > 0)
        g_hash_table_insert (positions, GINT_TO_POINTER (row->position), row);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (rows->len == 0)
    {
      g_set_error (error, PD_ALKAMEL_ERROR, PD_ALKAMEL_ERROR_FORMAT,
                   _("%s: the classification has no cars"), file_name != NULL ? file_name : "");
      return NULL;
    }

  /* Class positions follow the overall order. */
  g_ptr_array_sort (rows, compare_rows);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *row = rows->pdata[i];
      int count;

      if (*row->class_name == '\0')
        continue;
      count = GPOINTER_TO_INT (g_hash_table_lookup (class_counts, row->class_name)) + 1;
      g_hash_table_replace (class_counts, g_strdup (row->class_name), GINT_TO_POINTER (count));
      row->class_position = count;
    }

  return g_steal_pointer (&rows);
}

/* Storing. */

typedef struct {
  GPtrArray      *rows;
  const char     *season_id;
  int             round_number;
  const char     *session_name;
  PdAlkamelStats *stats;
  /* Teams and drivers known to be stored: those of the season's cars
   * (the database's foreign keys hold them there) and those met on the
   * way, so that a season's next race looks none of them up again. */
  GHashTable     *known_teams;
  GHashTable     *known_drivers;
} Import;

static PdSessionKind
guess_kind (const char *name)
{
  g_autofree char *lower = g_utf8_strdown (name, -1);

  if (strstr (lower, "sprint") != NULL)
    return PD_SESSION_KIND_SPRINT;
  if (strstr (lower, "qual") != NULL || strstr (lower, "kval") != NULL)
    return PD_SESSION_KIND_QUALIFYING;
  if (strstr (lower, "warm") != NULL)
    return PD_SESSION_KIND_WARM_UP;
  if (strstr (lower, "practice") != NULL || strstr (lower, "träning") != NULL ||
      g_str_has_prefix (lower, "fp") || g_str_has_prefix (lower, "free"))
    return PD_SESSION_KIND_PRACTICE;
  return PD_SESSION_KIND_RACE;
}

static PdSeason *
ensure_season (PdStore  *store,
               Import   *imp,
               GError  **error)
{
  GError *local_error = NULL;
  g_autoptr(PdSeason) season = pd_store_find (store, PD_TYPE_SEASON, imp->season_id, &local_error);
  gsize len = strlen (imp->season_id);
  int year = 0;

  if (season != NULL || local_error != NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return g_steal_pointer (&season);
    }

  /* "gt4-european-2024": the year from the id, when it ends in one. */
  if (len >= 4 && g_ascii_isdigit (imp->season_id[len - 1]) && g_ascii_isdigit (imp->season_id[len - 2]) &&
      g_ascii_isdigit (imp->season_id[len - 3]) && g_ascii_isdigit (imp->season_id[len - 4]) &&
      (len == 4 || !g_ascii_isdigit (imp->season_id[len - 5])))
    year = atoi (imp->season_id + len - 4);

  season = g_object_new (PD_TYPE_SEASON, "id", imp->season_id, "name", imp->season_id, "year", year, NULL);
  if (!pd_store_save (store, G_OBJECT (season), error))
    return NULL;
  imp->stats->season_created = TRUE;
  return g_steal_pointer (&season);
}

typedef struct {
  int   number;
  char *id;     /* of the first round with that number */
} RoundFinder;

static gboolean
find_round_cb (const PdStoreRoundRow  *row,
               gpointer                user_data,
               GError                **error)
{
  RoundFinder *finder = user_data;

  if (finder->id == NULL && row->number == finder->number)
    finder->id = g_strdup (row->id);
  return TRUE;
}

static PdRound *
ensure_round (PdStore  *store,
              Import   *imp,
              GError  **error)
{
  const PdStoreSeasonReader round_rows = { .round = find_round_cb };
  RoundFinder finder = { imp->round_number, NULL };
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  PdRound *round;

  /* The season's rounds as rows, the one wanted as a record. */
  if (!pd_store_read_season (store, imp->season_id, &round_rows, &finder, error))
    return NULL;
  if (finder.id != NULL)
    {
      round = pd_store_get (store, PD_TYPE_ROUND, finder.id, error);
      g_free (finder.id);
      return round;
    }

  id = g_strdup_printf ("%s.r%d", imp->season_id, imp->round_number);
  /* TRANSLATORS: the name of a round created by an import, such as "Round 3" */
  name = g_strdup_printf (_("Round %d"), imp->round_number);
  round = g_object_new (PD_TYPE_ROUND, "id", id, "season-id", imp->season_id, "number", imp->round_number,
                        "name", name, NULL);
  if (!pd_store_save (store, G_OBJECT (round), error))
    {
      g_object_unref (round);
      return NULL;
    }
  imp->stats->round_created = TRUE;
  return round;
}

static PdSession *
ensure_session (PdStore  *store,
                Import   *imp,
                PdRound  *round,
                GError  **error)
{
  g_autoptr(GListModel) sessions = pd_store_list_sessions (store, pd_round_get_id (round), error);
  g_autofree char *wanted = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *id = NULL;
  PdSession *session;
  guint n;

  if (sessions == NULL)
    return NULL;
  wanted = g_utf8_casefold (imp->session_name, -1);
  n = g_list_model_get_n_items (sessions);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdSession) candidate = g_list_model_get_item (sessions, i);
      g_autofree char *name = g_utf8_casefold (pd_session_get_name (candidate) != NULL
                                               ? pd_session_get_name (candidate) : "", -1);

      if (g_str_equal (name, wanted))
        return g_steal_pointer (&candidate);
    }

  slug = pd_make_id (imp->session_name);
  id = g_strdup_printf ("%s.%s", pd_round_get_id (round), *slug != '\0' ? slug : "session");
  session = g_object_new (PD_TYPE_SESSION, "id", id, "round-id", pd_round_get_id (round),
                          "name", imp->session_name, "kind", guess_kind (imp->session_name),
                          "position", (int) n + 1, NULL);
  if (!pd_store_save (store, G_OBJECT (session), error))
    {
      g_object_unref (session);
      return NULL;
    }
  imp->stats->session_created = TRUE;
  return session;
}

static char *
ensure_class (PdStore     *store,
              Import      *imp,
              GHashTable  *classes,
              const char  *name,
              GError     **error)
{
  g_autofree char *key = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *new_id = NULL;
  g_autoptr(PdClass) klass = NULL;
  const char *id;

  if (*name == '\0')
    return g_strdup ("");
  key = g_utf8_casefold (name, -1);
  if ((id = g_hash_table_lookup (classes, key)) != NULL)
    return g_strdup (id);

  slug = pd_make_id (name);
  new_id = g_strdup_printf ("%s.%s", imp->season_id, *slug != '\0' ? slug : "class");
  klass = g_object_new (PD_TYPE_CLASS, "id", new_id, "season-id", imp->season_id, "name", name,
                        "position", (int) g_hash_table_size (classes) + 1, NULL);
  if (!pd_store_save (store, G_OBJECT (klass), error))
    return NULL;
  imp->stats->classes_created++;
  g_hash_table_insert (classes, g_steal_pointer (&key), g_strdup (pd_class_get_id (klass)));
  return g_strdup (pd_class_get_id (klass));
}

static char *
ensure_team (PdStore     *store,
             Import      *imp,
             const char  *name,
             GError     **error)
{
  g_autofree char *id = pd_make_id (name);
  GError *local_error = NULL;
  g_autoptr(PdTeam) team = NULL;

  if (*id == '\0' || g_hash_table_contains (imp->known_teams, id))
    return g_steal_pointer (&id);
  team = pd_store_find (store, PD_TYPE_TEAM, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (team == NULL)
    {
      team = g_object_new (PD_TYPE_TEAM, "id", id, "name", name, NULL);
      if (!pd_store_save (store, G_OBJECT (team), error))
        return NULL;
      imp->stats->teams_created++;
    }
  g_hash_table_add (imp->known_teams, g_strdup (id));
  return g_steal_pointer (&id);
}

static char *
ensure_driver (PdStore     *store,
               Import      *imp,
               const Name  *name,
               GError     **error)
{
  g_autofree char *full = g_strdup_printf ("%s %s", name->first, name->last);
  g_autofree char *id = pd_make_id (full);
  GError *local_error = NULL;
  g_autoptr(PdDriver) driver = NULL;

  if (*id == '\0' || g_hash_table_contains (imp->known_drivers, id))
    return g_steal_pointer (&id);
  driver = pd_store_find (store, PD_TYPE_DRIVER, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (driver == NULL)
    {
      driver = g_object_new (PD_TYPE_DRIVER, "id", id, "first-name", name->first, "last-name", name->last, NULL);
      if (!pd_store_save (store, G_OBJECT (driver), error))
        return NULL;
      imp->stats->drivers_created++;
    }
  g_hash_table_add (imp->known_drivers, g_strdup (id));
  return g_steal_pointer (&id);
}

/* A car of the season's entry list, as read or made here: a row, not a
 * record (the whole list is read for every import). */
typedef struct {
  char  *id;
  char  *season_id;
  char  *team_id;
  char  *class_id;
  char  *number;
  char  *car_model;
  GStrv  crew_ids;  /* never NULL */
} Car;

static void
car_free (gpointer data)
{
  Car *car = data;

  g_free (car->id);
  g_free (car->season_id);
  g_free (car->team_id);
  g_free (car->class_id);
  g_free (car->number);
  g_free (car->car_model);
  g_strfreev (car->crew_ids);
  g_free (car);
}

static Car *
car_new (const PdStoreEntryRow *row)
{
  Car *car = g_new0 (Car, 1);

  car->id = g_strdup (row->id);
  car->season_id = g_strdup (row->season_id);
  car->team_id = g_strdup (row->team_id);
  car->class_id = g_strdup (row->class_id);
  car->number = g_strdup (row->number);
  car->car_model = g_strdup (row->car_model);
  car->crew_ids = g_strdupv ((char **) row->crew_ids);
  return car;
}

static gboolean
save_car (PdStore    *store,
          const Car  *car,
          GError    **error)
{
  PdStoreEntryRow row = {
    .id = car->id,
    .season_id = car->season_id,
    .team_id = car->team_id,
    .class_id = car->class_id,
    .number = car->number,
    .car_model = car->car_model,
    .crew_ids = (const char * const *) car->crew_ids,
  };

  return pd_store_save_entry_row (store, &row, error);
}

typedef struct {
  Import     *imp;
  GHashTable *by_number;  /* number → Car */
} CarReader;

static gboolean
car_row_cb (const PdStoreEntryRow  *row,
            gpointer                user_data,
            GError                **error)
{
  CarReader *reader = user_data;

  if (row->team_id != NULL)
    g_hash_table_add (reader->imp->known_teams, g_strdup (row->team_id));
  for (guint d = 0; row->crew_ids[d] != NULL; d++)
    g_hash_table_add (reader->imp->known_drivers, g_strdup (row->crew_ids[d]));
  if (row->number != NULL)
    g_hash_table_insert (reader->by_number, g_strdup (row->number), car_new (row));
  return TRUE;
}

/* Results are saved as rows too: one import writes dozens. */
static gboolean
save_result (PdStore   *store,
             PdResult  *result,
             GError   **error)
{
  const char *empty[] = { NULL };
  PdStoreResultRow row = {
    .id = pd_result_get_id (result),
    .session_id = pd_result_get_session_id (result),
    .entry_id = pd_result_get_entry_id (result),
    .status = pd_result_get_status (result),
    .laps = pd_result_get_laps (result),
    .total_time_ms = pd_result_get_total_time_ms (result),
    .grid = pd_result_get_grid (result),
    .position = pd_result_get_position (result),
    .class_position = pd_result_get_class_position (result),
    .fastest_lap = pd_result_get_fastest_lap (result),
    .car_number = pd_result_get_car_number (result),
    .driver_ids = pd_result_get_driver_ids (result) != NULL ? pd_result_get_driver_ids (result) : empty,
    .best_lap_ms = pd_result_get_best_lap_ms (result),
    .road_position = pd_result_get_road_position (result),
    .note = pd_result_get_note (result),
  };

  return pd_store_save_result_row (store, &row, error);
}

static gboolean
import_cb (PdStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Import *imp = user_data;
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(PdRound) round = NULL;
  g_autoptr(PdSession) session = NULL;
  g_autoptr(GListModel) classes = NULL;
  g_autoptr(GListModel) results = NULL;
  g_autoptr(GHashTable) class_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) entry_by_number = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, car_free);
  CarReader cars = { imp, entry_by_number };
  const PdStoreSeasonReader car_rows = { .entry = car_row_cb };
  g_autoptr(GHashTable) result_by_entry = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  gint64 fastest = 0;

  if ((season = ensure_season (store, imp, error)) == NULL ||
      (round = ensure_round (store, imp, error)) == NULL ||
      (session = ensure_session (store, imp, round, error)) == NULL ||
      (classes = pd_store_list_classes (store, imp->season_id, error)) == NULL ||
      !pd_store_read_season (store, imp->season_id, &car_rows, &cars, error) ||
      (results = pd_store_list_results (store, pd_session_get_id (session), error)) == NULL)
    return FALSE;

  imp->stats->session_id = g_strdup (pd_session_get_id (session));
  for (guint i = 0; i < g_list_model_get_n_items (classes); i++)
    {
      g_autoptr(PdClass) klass = g_list_model_get_item (classes, i);
      g_hash_table_insert (class_ids, g_utf8_casefold (pd_class_get_name (klass), -1),
                           g_strdup (pd_class_get_id (klass)));
    }
  for (guint i = 0; i < g_list_model_get_n_items (results); i++)
    {
      PdResult *result = g_list_model_get_item (results, i);
      g_hash_table_insert (result_by_entry, g_strdup (pd_result_get_entry_id (result)), result);
    }

  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *row = imp->rows->pdata[i];
      if (row->best_ms > 0 && (fastest == 0 || row->best_ms < fastest))
        fastest = row->best_ms;
    }

  for (guint i = 0; i < imp->rows->len; i++)
    {
      Row *row = imp->rows->pdata[i];
      g_autoptr(GPtrArray) driver_ids = g_ptr_array_new_with_free_func (g_free);
      g_autofree char *class_id = ensure_class (store, imp, class_ids, row->class_name, error);
      g_autofree char *team_id = class_id != NULL ? ensure_team (store, imp, row->team, error) : NULL;
      Car *entry;
      PdResult *result;

      if (class_id == NULL || team_id == NULL)
        return FALSE;
      for (guint d = 0; d < row->n_drivers; d++)
        {
          char *driver_id = ensure_driver (store, imp, &row->drivers[d], error);

          if (driver_id == NULL)
            return FALSE;
          if (*driver_id != '\0' && !g_ptr_array_find_with_equal_func (driver_ids, driver_id, g_str_equal, NULL))
            g_ptr_array_add (driver_ids, driver_id);
          else
            g_free (driver_id);
        }
      g_ptr_array_add (driver_ids, NULL);

      entry = g_hash_table_lookup (entry_by_number, row->number);
      if (entry == NULL)
        {
          g_autofree char *slug = pd_make_id (row->number);
          g_autofree char *entry_id = g_strdup_printf ("%s.%s", imp->season_id, *slug != '\0' ? slug : "car");

          PdStoreEntryRow new_row = {
            .id = entry_id,
            .season_id = imp->season_id,
            .number = row->number,
            .team_id = *team_id != '\0' ? team_id : NULL,
            .class_id = *class_id != '\0' ? class_id : NULL,
            .car_model = *row->vehicle != '\0' ? row->vehicle : NULL,
            .crew_ids = (const char * const *) driver_ids->pdata,
          };

          entry = car_new (&new_row);
          if (!save_car (store, entry, error))
            {
              car_free (entry);
              return FALSE;
            }
          imp->stats->entries_created++;
          g_hash_table_insert (entry_by_number, g_strdup (row->number), entry);
        }
      else
        {
          /* A car known already: drivers new to its crew join it. */
          g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
          gboolean changed = FALSE;

          g_strv_builder_addv (builder, (const char **) entry->crew_ids);
          for (guint d = 0; d + 1 < driver_ids->len; d++)
            if (!g_strv_contains ((const char * const *) entry->crew_ids, driver_ids->pdata[d]))
              {
                g_strv_builder_add (builder, driver_ids->pdata[d]);
                changed = TRUE;
              }
          if (changed)
            {
              g_strfreev (entry->crew_ids);
              entry->crew_ids = g_strv_builder_end (builder);
              if (!save_car (store, entry, error))
                return FALSE;
            }
        }

      result = g_hash_table_lookup (result_by_entry, entry->id);
      if (result == NULL)
        {
          g_autofree char *slug = pd_make_id (row->number);
          g_autofree char *result_id = g_strdup_printf ("%s.%s", pd_session_get_id (session),
                                                        *slug != '\0' ? slug : "car");

          result = g_object_new (PD_TYPE_RESULT, "id", result_id, "session-id", pd_session_get_id (session),
                                 "entry-id", entry->id, NULL);
          g_hash_table_insert (result_by_entry, g_strdup (entry->id), result);
        }
      g_object_set (result,
                    "status", row->status,
                    "position", row->position,
                    "class-position", row->class_position,
                    "laps", row->laps,
                    "total-time-ms", row->total_ms,
                    "best-lap-ms", row->best_ms,
                    "car-number", row->number,
                    "driver-ids", driver_ids->pdata,
                    "fastest-lap", fastest > 0 && row->best_ms == fastest,
                    NULL);
      if (!save_result (store, result, error))
        return FALSE;

      imp->stats->cars++;
      if (row->status == PD_RESULT_STATUS_CLASSIFIED)
        imp->stats->classified++;
    }

  return TRUE;
}

/**
 * pd_alkamel_import:
 * @file_name: (nullable): the file's name, for messages
 * @data: the file's content
 * @season_id: the season, created when there is none with this id
 * @round_number: the round, created when the season has none numbered so
 * @session_name: the session of the round ("Race 1"), created when the
 *   round has none of this name (any case)
 * @stats: (out) (optional): what was read and created; clear it with
 *   pd_alkamel_stats_clear()
 *
 * Reads an Al Kamel classification and stores it as the session's
 * results, in one transaction. Cars are matched to the season's entries
 * by number; cars, teams, drivers and classes that are missing are
 * created. Importing the same file twice changes nothing.
 *
 * Returns: whether the results were stored; if not, @error names the
 *   line and the problem and nothing was stored
 */
gboolean
pd_alkamel_import (PdStore         *store,
                   const char      *file_name,
                   const char      *data,
                   gsize            length,
                   const char      *season_id,
                   int              round_number,
                   const char      *session_name,
                   PdAlkamelStats  *stats,
                   GError         **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  PdAlkamelStats local_stats = { 0 };
  Import imp;
  gboolean ok;

  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);
  g_return_val_if_fail (season_id != NULL && *season_id != '\0', FALSE);
  g_return_val_if_fail (round_number > 0, FALSE);
  g_return_val_if_fail (session_name != NULL && *session_name != '\0', FALSE);

  rows = read_rows (file_name, data, length, error);
  if (rows == NULL)
    return FALSE;

  imp = (Import) { rows, season_id, round_number, session_name, &local_stats,
                   g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                   g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  ok = pd_store_transaction (store, import_cb, &imp, error);
  g_hash_table_unref (imp.known_teams);
  g_hash_table_unref (imp.known_drivers);
  if (ok && stats != NULL)
    *stats = local_stats;
  else
    pd_alkamel_stats_clear (&local_stats);
  return ok;
}

/**
 * pd_alkamel_check:
 * @n_cars: (out) (optional): the cars the file lists
 *
 * Reads and checks an Al Kamel classification without storing anything,
 * as pd_alkamel_import() does first: for a preview, and for the fuzzer.
 *
 * Returns: whether the file can be imported; if not, @error says where
 *   and why
 */
gboolean
pd_alkamel_check (const char  *file_name,
                  const char  *data,
                  gsize        length,
                  guint       *n_cars,
                  GError     **error)
{
  g_autoptr(GPtrArray) rows = read_rows (file_name, data, length, error);

  if (rows == NULL)
    return FALSE;
  if (n_cars != NULL)
    *n_cars = rows->len;
  return TRUE;
}

void
pd_alkamel_stats_clear (PdAlkamelStats *stats)
{
  g_clear_pointer (&stats->session_id, g_free);
}

/**
 * pd_split_driver_name:
 * @full: a driver's name as a timing sheet or a person writes it
 * @first: (out): the first name(s), maybe empty
 * @last: (out): the surname
 *
 * "Simon DOLAN" → Simon, Dolan; "Jean-Eric Vergne" → Jean-Eric, Vergne.
 */
void
pd_split_driver_name (const char  *full,
                      char       **first,
                      char       **last)
{
  Name name = { NULL, NULL };

  split_name (full, &name);
  *first = name.first;
  *last = name.last;
}

/**
 * pd_clean_car_number:
 * @text: (nullable): a car number as typed, " #7 "
 *
 * Returns: (transfer full): the number trimmed, without a leading "#"
 *   ("7"); maybe empty
 */
char *
pd_clean_car_number (const char *text)
{
  char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (*clean == '#')
    memmove (clean, clean + 1, strlen (clean));
  return g_strstrip (clean);
}

/**
 * pd_is_car_number:
 * @clean: a number from pd_clean_car_number()
 *
 * Returns: whether @clean can be a car number: up to eight characters,
 *   with a letter or digit
 */
gboolean
pd_is_car_number (const char *clean)
{
  g_autofree char *slug = pd_make_id (clean);

  return *slug != '\0' && strlen (clean) <= 8;
}
