#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "pd-csv.h"
#include "pd-ergast.h"
#include "pd-ergast-fixes.h"
#include "pd-time.h"

/*
 * Import of the Ergast Formula 1 database in its CSV form (the files of
 * ../shared/data/ergast): circuits, constructors, drivers, races, results,
 * sprint results, statuses and, when present, qualifying.
 *
 * Every record gets a stable id made from Ergast's own stable ones (the
 * "refs" of circuits, constructors and drivers; year and round for rounds;
 * resultId and qualifyId for results), so that importing again updates in
 * place. The whole import is one transaction: a malformed file, named with
 * its line, leaves the database as it was.
 *
 * What Ergast does not have is added here: the IANA zone of each circuit
 * and the ISO 3166-1 codes of countries and nationalities. The points
 * column is never read; scoring derives points from positions and rules.
 */

G_DEFINE_QUARK (pd-ergast-error-quark, pd_ergast_error)

/* Facts that Ergast's files do not hold */

typedef struct {
  const char *key;
  const char *value;
} Pair;

/* The zone each circuit of circuits.csv is in. */
static const Pair circuit_zones[] = {
  { "adelaide", "Australia/Adelaide" },
  { "ain-diab", "Africa/Casablanca" },
  { "aintree", "Europe/London" },
  { "albert_park", "Australia/Melbourne" },
  { "americas", "America/Chicago" },
  { "anderstorp", "Europe/Stockholm" },
  { "avus", "Europe/Berlin" },
  { "bahrain", "Asia/Bahrain" },
  { "baku", "Asia/Baku" },
  { "boavista", "Europe/Lisbon" },
  { "brands_hatch", "Europe/London" },
  { "bremgarten", "Europe/Zurich" },
  { "buddh", "Asia/Kolkata" },
  { "catalunya", "Europe/Madrid" },
  { "charade", "Europe/Paris" },
  { "dallas", "America/Chicago" },
  { "detroit", "America/Detroit" },
  { "dijon", "Europe/Paris" },
  { "donington", "Europe/London" },
  { "essarts", "Europe/Paris" },
  { "estoril", "Europe/Lisbon" },
  { "fuji", "Asia/Tokyo" },
  { "galvez", "America/Argentina/Buenos_Aires" },
  { "george", "Africa/Johannesburg" },
  { "hockenheimring", "Europe/Berlin" },
  { "hungaroring", "Europe/Budapest" },
  { "imola", "Europe/Rome" },
  { "indianapolis", "America/Indiana/Indianapolis" },
  { "interlagos", "America/Sao_Paulo" },
  { "istanbul", "Europe/Istanbul" },
  { "jacarepagua", "America/Sao_Paulo" },
  { "jarama", "Europe/Madrid" },
  { "jeddah", "Asia/Riyadh" },
  { "jerez", "Europe/Madrid" },
  { "kyalami", "Africa/Johannesburg" },
  { "las_vegas", "America/Los_Angeles" },
  { "lemans", "Europe/Paris" },
  { "long_beach", "America/Los_Angeles" },
  { "losail", "Asia/Qatar" },
  { "magny_cours", "Europe/Paris" },
  { "marina_bay", "Asia/Singapore" },
  { "miami", "America/New_York" },
  { "monaco", "Europe/Monaco" },
  { "monsanto", "Europe/Lisbon" },
  { "montjuic", "Europe/Madrid" },
  { "monza", "Europe/Rome" },
  { "mosport", "America/Toronto" },
  { "mugello", "Europe/Rome" },
  { "nivelles", "Europe/Brussels" },
  { "nurburgring", "Europe/Berlin" },
  { "okayama", "Asia/Tokyo" },
  { "pedralbes", "Europe/Madrid" },
  { "pescara", "Europe/Rome" },
  { "phoenix", "America/Phoenix" },
  { "portimao", "Europe/Lisbon" },
  { "red_bull_ring", "Europe/Vienna" },
  { "reims", "Europe/Paris" },
  { "ricard", "Europe/Paris" },
  { "riverside", "America/Los_Angeles" },
  { "rodriguez", "America/Mexico_City" },
  { "sebring", "America/New_York" },
  { "sepang", "Asia/Kuala_Lumpur" },
  { "shanghai", "Asia/Shanghai" },
  { "silverstone", "Europe/London" },
  { "sochi", "Europe/Moscow" },
  { "spa", "Europe/Brussels" },
  { "suzuka", "Asia/Tokyo" },
  { "tremblant", "America/Toronto" },
  { "valencia", "Europe/Madrid" },
  { "vegas", "America/Los_Angeles" },
  /* Montreal keeps Toronto's rules; America/Montreal is only a link. */
  { "villeneuve", "America/Toronto" },
  { "watkins_glen", "America/New_York" },
  { "yas_marina", "Asia/Dubai" },
  { "yeongam", "Asia/Seoul" },
  { "zandvoort", "Europe/Amsterdam" },
  { "zeltweg", "Europe/Vienna" },
  { "zolder", "Europe/Brussels" },
};

/* The country names of circuits.csv. */
static const Pair country_codes[] = {
  { "Argentina", "AR" }, { "Australia", "AU" }, { "Austria", "AT" }, { "Azerbaijan", "AZ" },
  { "Bahrain", "BH" }, { "Belgium", "BE" }, { "Brazil", "BR" }, { "Canada", "CA" },
  { "China", "CN" }, { "France", "FR" }, { "Germany", "DE" }, { "Hungary", "HU" },
  { "India", "IN" }, { "Italy", "IT" }, { "Japan", "JP" }, { "Korea", "KR" },
  { "Malaysia", "MY" }, { "Mexico", "MX" }, { "Monaco", "MC" }, { "Morocco", "MA" },
  { "Netherlands", "NL" }, { "Portugal", "PT" }, { "Qatar", "QA" }, { "Russia", "RU" },
  { "Saudi Arabia", "SA" }, { "Singapore", "SG" }, { "South Africa", "ZA" }, { "Spain", "ES" },
  { "Sweden", "SE" }, { "Switzerland", "CH" }, { "Turkey", "TR" }, { "UAE", "AE" },
  { "UK", "GB" }, { "USA", "US" }, { "United States", "US" },
};

/* The nationalities of drivers.csv and constructors.csv. Countries that no
 * longer exist get the code of the country in their place today (East
 * Germany: DE; Rhodesia: ZW), since ISO 3166-1 withdrew theirs; a double
 * nationality gets the first. */
static const Pair nationality_codes[] = {
  { "American", "US" }, { "American-Italian", "US" }, { "Argentine", "AR" },
  { "Argentine-Italian", "AR" }, { "Argentinian", "AR" }, { "Australian", "AU" },
  { "Austrian", "AT" }, { "Belgian", "BE" }, { "Brazilian", "BR" }, { "British", "GB" },
  { "Canadian", "CA" }, { "Chilean", "CL" }, { "Chinese", "CN" }, { "Colombian", "CO" },
  { "Czech", "CZ" }, { "Danish", "DK" }, { "Dutch", "NL" }, { "East German", "DE" },
  { "Finnish", "FI" }, { "French", "FR" }, { "German", "DE" }, { "Hong Kong", "HK" },
  { "Hungarian", "HU" }, { "Indian", "IN" }, { "Indonesian", "ID" }, { "Irish", "IE" },
  { "Italian", "IT" }, { "Japanese", "JP" }, { "Liechtensteiner", "LI" },
  { "Malaysian", "MY" }, { "Mexican", "MX" }, { "Monegasque", "MC" },
  { "New Zealander", "NZ" }, { "Polish", "PL" }, { "Portuguese", "PT" },
  { "Rhodesian", "ZW" }, { "Russian", "RU" }, { "South African", "ZA" },
  { "Spanish", "ES" }, { "Swedish", "SE" }, { "Swiss", "CH" }, { "Thai", "TH" },
  { "Uruguayan", "UY" }, { "Venezuelan", "VE" },
};

static const char *
lookup_pair (const Pair  *pairs,
             gsize        n_pairs,
             const char  *key)
{
  if (key == NULL)
    return NULL;
  for (gsize i = 0; i < n_pairs; i++)
    if (g_str_equal (pairs[i].key, key))
      return pairs[i].value;
  return NULL;
}

/**
 * pd_ergast_circuit_zone:
 * @circuit_ref: an Ergast circuitRef, such as "monza"
 *
 * Returns: (nullable): the IANA zone of the circuit, such as "Europe/Rome"
 */
const char *
pd_ergast_circuit_zone (const char *circuit_ref)
{
  return lookup_pair (circuit_zones, G_N_ELEMENTS (circuit_zones), circuit_ref);
}

/**
 * pd_ergast_country_code:
 * @country: a country as circuits.csv names it, such as "UK"
 *
 * Returns: (nullable): its ISO 3166-1 alpha-2 code, such as "GB"
 */
const char *
pd_ergast_country_code (const char *country)
{
  return lookup_pair (country_codes, G_N_ELEMENTS (country_codes), country);
}

/**
 * pd_ergast_nationality_code:
 * @nationality: a nationality as Ergast writes it, such as "British"
 *
 * Returns: (nullable): the ISO 3166-1 alpha-2 code of the country, such
 *   as "GB"
 */
const char *
pd_ergast_nationality_code (const char *nationality)
{
  g_autofree char *trimmed = NULL;

  if (nationality == NULL)
    return NULL;
  /* drivers.csv has "Argentinian " once. */
  trimmed = g_strstrip (g_strdup (nationality));
  return lookup_pair (nationality_codes, G_N_ELEMENTS (nationality_codes), trimmed);
}

/* The files */

typedef enum {
  FILE_STATUS,
  FILE_CIRCUITS,
  FILE_CONSTRUCTORS,
  FILE_DRIVERS,
  FILE_RACES,
  FILE_RESULTS,
  FILE_SPRINT_RESULTS,
  FILE_QUALIFYING,
  N_FILES
} FileId;

static const struct {
  const char *name;
  gboolean    optional;
} files[N_FILES] = {
  [FILE_STATUS] = { "status.csv", FALSE },
  [FILE_CIRCUITS] = { "circuits.csv", FALSE },
  [FILE_CONSTRUCTORS] = { "constructors.csv", FALSE },
  [FILE_DRIVERS] = { "drivers.csv", FALSE },
  [FILE_RACES] = { "races.csv", FALSE },
  [FILE_RESULTS] = { "results.csv", FALSE },
  [FILE_SPRINT_RESULTS] = { "sprint_results.csv", FALSE },
  [FILE_QUALIFYING] = { "qualifying.csv", TRUE },
};

/* The sessions a race may have, in races.csv's order. */
typedef enum {
  SLOT_FP1,
  SLOT_FP2,
  SLOT_FP3,
  SLOT_QUALI,
  SLOT_SPRINT,
  SLOT_RACE,
  N_SLOTS
} Slot;

static const struct {
  const char    *suffix;
  PdSessionKind  kind;
  const char    *name;       /* as the series calls it; data, not UI text */
  const char    *date_column;
  const char    *time_column;
} slots[N_SLOTS] = {
  [SLOT_FP1] = { "fp1", PD_SESSION_KIND_PRACTICE, "Practice 1", "fp1_date", "fp1_time" },
  [SLOT_FP2] = { "fp2", PD_SESSION_KIND_PRACTICE, "Practice 2", "fp2_date", "fp2_time" },
  [SLOT_FP3] = { "fp3", PD_SESSION_KIND_PRACTICE, "Practice 3", "fp3_date", "fp3_time" },
  [SLOT_QUALI] = { "quali", PD_SESSION_KIND_QUALIFYING, "Qualifying", "quali_date", "quali_time" },
  [SLOT_SPRINT] = { "sprint", PD_SESSION_KIND_SPRINT, "Sprint", "sprint_date", "sprint_time" },
  [SLOT_RACE] = { "race", PD_SESSION_KIND_RACE, "Grand Prix", "date", "time" },
};

/* The import's state */

typedef struct {
  char      *ref;
  GTimeZone *zone;
} Circuit;

typedef struct {
  char *ref;
  char *name;
} Constructor;

typedef struct {
  gboolean   present;
  char      *date;         /* the day as races.csv gives it, or NULL */
  GDateTime *start;        /* UTC, NULL without a time */
  char      *local_date;   /* the day in the track's zone, or NULL */
  char      *session_id;
} SlotInfo;

typedef struct {
  int       year;
  int       round;
  guint     line;
  char     *season_id;
  char     *round_id;
  char     *name;
  Circuit  *circuit;
  gboolean  has_quali_rows;
  gboolean  has_sprint_rows;
  SlotInfo  slots[N_SLOTS];
} Race;

typedef struct {
  PdStore       *store;
  /* Mapped, not read: the pages of a file in the page cache are mapped
   * many at a time, where a copy of it costs a page fault a page. */
  GMappedFile   *files[N_FILES];
  const char    *contents[N_FILES]; /* NULL: the file is not there */
  gsize          lengths[N_FILES];
  GHashTable    *statuses;       /* statusId → status text */
  GHashTable    *circuits;       /* circuitId → Circuit */
  GHashTable    *constructors;   /* constructorId → Constructor */
  GHashTable    *drivers;        /* driverId → driverRef */
  GHashTable    *races;          /* raceId → Race */
  GHashTable    *round_ids;      /* round id → Race, to find a round given twice */
  GHashTable    *years;          /* year → year */
  GHashTable    *entries;        /* entry ids already saved */
  GString       *id;            /* the id being built, reused row to row */
  GArray        *results;       /* PendingResult, saved once all are read */
  GStringChunk  *strings;       /* the results' own strings */
  PdErgastStats  stats;
} Import;

/* A result read and checked, kept until every file is read: they are
 * saved in the order of their ids, which is the order of every b-tree
 * they go in (the results' ids and sessions, their drivers), so that
 * each is written at its end instead of all over it. Its strings are the
 * import's or in Import.strings. */
typedef struct {
  const char *id;
  const char *session_id;
  const char *entry_id;
  const char *car_number;
  const char *note;
  const char *driver_id;
  gint64      total_time_ms;
  gint64      best_lap_ms;
  /* Small, as the files' columns are (laps to 9999, places to 999): of
   * tens of thousands of these, each byte is tens of kilobytes. */
  gint16      laps;
  gint16      grid;
  gint16      position;
  guint8      status;
  guint8      fastest_lap;
} PendingResult;

static void
circuit_free (gpointer data)
{
  Circuit *circuit = data;

  g_free (circuit->ref);
  g_clear_pointer (&circuit->zone, g_time_zone_unref);
  g_free (circuit);
}

static void
constructor_free (gpointer data)
{
  Constructor *constructor = data;

  g_free (constructor->ref);
  g_free (constructor->name);
  g_free (constructor);
}

static void
race_free (gpointer data)
{
  Race *race = data;

  for (guint i = 0; i < N_SLOTS; i++)
    {
      g_free (race->slots[i].date);
      g_clear_pointer (&race->slots[i].start, g_date_time_unref);
      g_free (race->slots[i].local_date);
      g_free (race->slots[i].session_id);
    }
  g_free (race->season_id);
  g_free (race->round_id);
  g_free (race->name);
  g_free (race);
}

static void
import_init (Import  *imp,
             PdStore *store)
{
  memset (imp, 0, sizeof *imp);
  imp->store = store;
  imp->statuses = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  imp->circuits = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, circuit_free);
  imp->constructors = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, constructor_free);
  imp->drivers = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
  imp->races = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, race_free);
  imp->round_ids = g_hash_table_new (g_str_hash, g_str_equal);
  imp->years = g_hash_table_new (g_direct_hash, g_direct_equal);
  imp->entries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  imp->id = g_string_sized_new (64);
  imp->results = g_array_new (FALSE, FALSE, sizeof (PendingResult));
  imp->strings = g_string_chunk_new (65536);
}

static void
import_clear (Import *imp)
{
  for (guint i = 0; i < N_FILES; i++)
    g_clear_pointer (&imp->files[i], g_mapped_file_unref);
  g_clear_pointer (&imp->round_ids, g_hash_table_unref);
  g_clear_pointer (&imp->statuses, g_hash_table_unref);
  g_clear_pointer (&imp->circuits, g_hash_table_unref);
  g_clear_pointer (&imp->constructors, g_hash_table_unref);
  g_clear_pointer (&imp->drivers, g_hash_table_unref);
  g_clear_pointer (&imp->races, g_hash_table_unref);
  g_clear_pointer (&imp->years, g_hash_table_unref);
  g_clear_pointer (&imp->entries, g_hash_table_unref);
  if (imp->id != NULL)
    g_string_free (g_steal_pointer (&imp->id), TRUE);
  g_clear_pointer (&imp->results, g_array_unref);
  g_clear_pointer (&imp->strings, g_string_chunk_free);
}

/* Reading rows and values. Every error names the file and the line of the
 * row, through pd_csv_reader_set_error(). */

static PdCsvReader *
open_file (Import   *imp,
           FileId    file,
           GError  **error)
{
  return pd_csv_reader_new (files[file].name, imp->contents[file], imp->lengths[file], ',',
                            PD_CSV_HEADER | PD_CSV_NULL_MARKER, error);
}

/* Finds the columns of @names in the header; each must be there. */
static gboolean
find_columns (PdCsvReader        *reader,
              const char * const *names,
              int                *columns,
              GError            **error)
{
  for (guint i = 0; names[i] != NULL; i++)
    {
      columns[i] = pd_csv_reader_column (reader, names[i]);
      if (columns[i] < 0)
        {
          pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_FORMAT,
                                   _("there is no column “%s”"), names[i]);
          return FALSE;
        }
    }
  return TRUE;
}

/* Reads the next row. Rows may be short of trailing columns (the 2025
 * rows of races.csv stop after "url"), but never longer than the header.
 * Returns FALSE at the end, with *error still unset, or on an error. */
static gboolean
next_row (PdCsvReader  *reader,
          GError      **error)
{
  if (!pd_csv_reader_next (reader, error))
    return FALSE;
  if (pd_csv_reader_get_n_fields (reader) > pd_csv_reader_get_n_columns (reader))
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_FORMAT,
                               _("the row has more fields than the header has columns"));
      return FALSE;
    }
  return TRUE;
}

/* A field's text; NULL for \N, an empty field or a field the row lacks. */
static const char *
field (PdCsvReader *reader,
       int          column)
{
  const char *text = pd_csv_reader_get (reader, column);

  return text != NULL && *text != '\0' ? text : NULL;
}

static gboolean
require (PdCsvReader  *reader,
         int           column,
         const char   *name,
         const char  **text,
         GError      **error)
{
  *text = field (reader, column);
  if (*text == NULL)
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_FORMAT,
                               _("the row has no value for “%s”"), name);
      return FALSE;
    }
  return TRUE;
}

/* The common case of a whole number, plain digits, read without
 * g_ascii_string_to_signed()'s work; FALSE for anything else, which is
 * left to it. */
static gboolean
parse_digits (const char *text,
              gint64     *value)
{
  gint64 v = 0;
  guint n = 0;

  for (; g_ascii_isdigit (text[n]); n++)
    {
      if (n == 18)
        return FALSE;
      v = v * 10 + (text[n] - '0');
    }
  if (n == 0 || text[n] != '\0')
    return FALSE;
  *value = v;
  return TRUE;
}

/* Reads a whole number in [min, max]; a missing one is an error when
 * @required, else @fallback. */
static gboolean
get_int (PdCsvReader  *reader,
         int           column,
         const char   *name,
         gboolean      required,
         gint64        min,
         gint64        max,
         gint64        fallback,
         gint64       *value,
         GError      **error)
{
  const char *text = field (reader, column);

  if (text == NULL)
    {
      if (required)
        return require (reader, column, name, &text, error);
      *value = fallback;
      return TRUE;
    }

  if (!parse_digits (text, value) &&
      !g_ascii_string_to_signed (text, 10, G_MININT64, G_MAXINT64, value, NULL))
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_VALUE,
                               _("the %s “%s” is not a whole number"), name, text);
      return FALSE;
    }
  if (*value < min || *value > max)
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_VALUE,
                               _("the %s “%s” is out of range"), name, text);
      return FALSE;
    }
  return TRUE;
}

/* An Ergast id (circuitId, raceId, ...): a positive whole number. */
static gboolean
get_id (PdCsvReader  *reader,
        int           column,
        const char   *name,
        int          *id,
        GError      **error)
{
  gint64 value;

  if (!get_int (reader, column, name, TRUE, 1, G_MAXINT, 0, &value, error))
    return FALSE;
  *id = (int) value;
  return TRUE;
}

/* Looks up the record another file gives for an id of this row. */
static gpointer
get_reference (PdCsvReader  *reader,
               int           column,
               const char   *name,
               GHashTable   *table,
               FileId        file,
               GError      **error)
{
  int id;
  gpointer found;

  if (!get_id (reader, column, name, &id, error))
    return NULL;
  found = g_hash_table_lookup (table, GINT_TO_POINTER (id));
  if (found == NULL)
    /* TRANSLATORS: such as "the raceId “1234” is not in races.csv" */
    pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_REFERENCE,
                             _("the %s “%s” is not in %s"), name, field (reader, column),
                             files[file].name);
  return found;
}

static gboolean
valid_ref (const char *ref)
{
  gsize len = strlen (ref);

  if (len == 0 || len > 100)
    return FALSE;
  for (const char *p = ref; *p != '\0'; p++)
    if (!g_ascii_isalnum (*p) && strchr ("-_.", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* A "ref" (circuitRef, constructorRef, driverRef), which becomes an id. */
static gboolean
get_ref (PdCsvReader  *reader,
         int           column,
         const char   *name,
         const char  **ref,
         GError      **error)
{
  if (!require (reader, column, name, ref, error))
    return FALSE;
  if (!valid_ref (*ref))
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_VALUE,
                               _("“%s” is not a valid identifier (letters, digits, “-”, “_” and “.”)"),
                               *ref);
      return FALSE;
    }
  return TRUE;
}

static gboolean
get_double (PdCsvReader  *reader,
            int           column,
            const char   *name,
            double       *value,
            GError      **error)
{
  const char *text = field (reader, column);
  char *end = NULL;

  *value = 0.0;
  if (text == NULL)
    return TRUE;
  *value = g_ascii_strtod (text, &end);
  if (end == text || *end != '\0' || !isfinite (*value))
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_VALUE,
                               _("the %s “%s” is not a number"), name, text);
      return FALSE;
    }
  return TRUE;
}

/* Reads up to @max_digits digits; FALSE when there are none. */
static gboolean
scan_digits (const char **p,
             guint        max_digits,
             gint64      *value,
             guint       *n_digits)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (**p - '0');
      (*p)++;
      n++;
    }
  if (n_digits != NULL)
    *n_digits = n;
  return n > 0 && !g_ascii_isdigit (**p);
}

/* A lap time as Ergast writes it: "1:27.452", "59.123" or "1:02:03.456"
 * (hours, minutes and seconds), with up to three decimals. */
static gboolean
parse_lap_time (const char *text,
                gint64     *ms)
{
  const char *p = text;
  gint64 parts[3];
  guint n_parts = 0;
  gint64 fraction = 0;
  guint n_digits = 0;

  for (;;)
    {
      if (n_parts == G_N_ELEMENTS (parts) || !scan_digits (&p, 4, &parts[n_parts], NULL))
        return FALSE;
      n_parts++;
      if (*p != ':')
        break;
      p++;
    }
  if (*p == '.')
    {
      p++;
      if (!scan_digits (&p, 3, &fraction, &n_digits))
        return FALSE;
      for (guint i = n_digits; i < 3; i++)
        fraction *= 10;
    }
  if (*p != '\0')
    return FALSE;

  /* Only the first part may be 60 or more. */
  for (guint i = 1; i < n_parts; i++)
    if (parts[i] >= 60)
      return FALSE;

  *ms = 0;
  for (guint i = 0; i < n_parts; i++)
    *ms = *ms * 60 + parts[i];
  *ms = *ms * 1000 + fraction;
  return TRUE;
}

static gboolean
get_lap_time (PdCsvReader  *reader,
              int           column,
              const char   *name,
              gint64       *ms,
              GError      **error)
{
  const char *text = field (reader, column);

  *ms = -1;
  if (text == NULL)
    return TRUE;
  if (!parse_lap_time (text, ms))
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_VALUE,
                               _("the %s “%s” is not a lap time such as “1:27.452”"), name, text);
      return FALSE;
    }
  return TRUE;
}

/* A time of day, "HH:MM:SS" or "HH:MM". */
static gboolean
parse_time_of_day (const char *text,
                   int        *hour,
                   int        *minute,
                   int        *second)
{
  gsize len = strlen (text);

  if ((len != 5 && len != 8) ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) || text[2] != ':' ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]) ||
      (len == 8 && (text[5] != ':' || !g_ascii_isdigit (text[6]) || !g_ascii_isdigit (text[7]))))
    return FALSE;

  *hour = (text[0] - '0') * 10 + (text[1] - '0');
  *minute = (text[3] - '0') * 10 + (text[4] - '0');
  *second = len == 8 ? (text[6] - '0') * 10 + (text[7] - '0') : 0;
  return *hour < 24 && *minute < 60 && *second < 60;
}

/* Reads a session's date and, when given, its time (UTC in races.csv). */
static gboolean
get_session_start (PdCsvReader  *reader,
                   int           date_column,
                   int           time_column,
                   const char   *date_name,
                   const char   *time_name,
                   SlotInfo     *slot,
                   GError      **error)
{
  const char *date = field (reader, date_column);
  const char *time = field (reader, time_column);
  int year, month, day, hour, minute, second;

  if (date == NULL)
    return TRUE;
  if (!pd_time_parse_date (date, &year, &month, &day))
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_VALUE,
                               _("the %s “%s” is not a date such as “2008-11-02”"), date_name, date);
      return FALSE;
    }
  slot->present = TRUE;
  slot->date = g_strdup (date);

  if (time == NULL)
    return TRUE;
  if (!parse_time_of_day (time, &hour, &minute, &second))
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_VALUE,
                               _("the %s “%s” is not a time of day such as “17:00:00”"), time_name, time);
      return FALSE;
    }
  slot->start = g_date_time_new_utc (year, month, day, hour, minute, second);
  return slot->start != NULL;
}

/* Ends a loop over next_row(): TRUE at the end of the file, FALSE with
 * the error that stopped it. */
static gboolean
finish_rows (GError  *local_error,
             GError **error)
{
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  return TRUE;
}

/* The files, one by one, in the order their records depend on each other */

static gboolean
read_statuses (Import  *imp,
               GError **error)
{
  static const char * const names[] = { "statusId", "status", NULL };
  int col[G_N_ELEMENTS (names)];
  g_autoptr(PdCsvReader) reader = open_file (imp, FILE_STATUS, error);
  GError *local_error = NULL;

  if (reader == NULL || !find_columns (reader, names, col, error))
    return FALSE;

  while (next_row (reader, &local_error))
    {
      int id;
      const char *text;

      if (!get_id (reader, col[0], "statusId", &id, error) ||
          !require (reader, col[1], "status", &text, error))
        return FALSE;
      if (g_hash_table_contains (imp->statuses, GINT_TO_POINTER (id)))
        {
          pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_DUPLICATE,
                                   _("the %s “%s” is given twice"), "statusId", field (reader, col[0]));
          return FALSE;
        }
      g_hash_table_insert (imp->statuses, GINT_TO_POINTER (id), g_strdup (text));
    }
  return finish_rows (local_error, error);
}

static gboolean
save_series (Import  *imp,
             GError **error)
{
  g_autoptr(PdSeries) series = pd_series_new ();

  pd_series_set_id (series, PD_ERGAST_SERIES_ID);
  pd_series_set_name (series, "Formula 1 World Championship");
  pd_series_set_short_name (series, "F1");
  return pd_store_save (imp->store, G_OBJECT (series), error);
}

static gboolean
read_circuits (Import  *imp,
               GError **error)
{
  static const char * const names[] = {
    "circuitId", "circuitRef", "name", "location", "country", "lat", "lng", NULL
  };
  int col[G_N_ELEMENTS (names)];
  g_autoptr(PdCsvReader) reader = open_file (imp, FILE_CIRCUITS, error);
  GError *local_error = NULL;

  if (reader == NULL || !find_columns (reader, names, col, error))
    return FALSE;

  while (next_row (reader, &local_error))
    {
      g_autoptr(PdCircuit) circuit = NULL;
      g_autoptr(GError) get_error = NULL;
      g_autoptr(GError) zone_error = NULL;
      g_autoptr(GTimeZone) tz = NULL;
      const char *ref, *name, *zone;
      double lat, lng;
      int id;
      Circuit *entry;

      if (!get_id (reader, col[0], "circuitId", &id, error) ||
          !get_ref (reader, col[1], "circuitRef", &ref, error) ||
          !require (reader, col[2], "name", &name, error) ||
          !get_double (reader, col[5], "lat", &lat, error) ||
          !get_double (reader, col[6], "lng", &lng, error))
        return FALSE;
      if (g_hash_table_contains (imp->circuits, GINT_TO_POINTER (id)))
        {
          pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_DUPLICATE,
                                   _("the %s “%s” is given twice"), "circuitId", field (reader, col[0]));
          return FALSE;
        }

      /* A circuit already stored is the user's: it stays as it is, and
       * its zone is the one its sessions are in. */
      circuit = pd_store_get (imp->store, PD_TYPE_CIRCUIT, ref, &get_error);
      if (circuit == NULL && !g_error_matches (get_error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&get_error));
          return FALSE;
        }

      if (circuit != NULL)
        {
          zone = pd_circuit_get_zone (circuit);
          imp->stats.circuits_kept++;
        }
      else
        {
          const char *country = field (reader, col[4]);

          zone = pd_ergast_circuit_zone (ref);
          if (zone == NULL)
            {
              pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_NO_ZONE,
                                       _("the time zone of the circuit “%s” is not known; add the circuit with its zone, then import again"),
                                       ref);
              return FALSE;
            }
          circuit = pd_circuit_new ();
          pd_circuit_set_id (circuit, ref);
          pd_circuit_set_name (circuit, name);
          pd_circuit_set_locality (circuit, field (reader, col[3]));
          pd_circuit_set_country (circuit, country);
          pd_circuit_set_country_code (circuit, pd_ergast_country_code (country));
          pd_circuit_set_zone (circuit, zone);
          pd_circuit_set_latitude (circuit, lat);
          pd_circuit_set_longitude (circuit, lng);
          if (!pd_store_save (imp->store, G_OBJECT (circuit), error))
            return FALSE;
        }

      tz = pd_time_zone_new (zone, &zone_error);
      if (tz == NULL)
        {
          pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_NO_ZONE,
                                   "%s", zone_error->message);
          return FALSE;
        }

      entry = g_new0 (Circuit, 1);
      entry->ref = g_strdup (ref);
      entry->zone = g_steal_pointer (&tz);
      g_hash_table_insert (imp->circuits, GINT_TO_POINTER (id), entry);
      imp->stats.circuits++;
    }
  return finish_rows (local_error, error);
}

static gboolean
read_constructors (Import  *imp,
                   GError **error)
{
  static const char * const names[] = { "constructorId", "constructorRef", "name", "nationality", NULL };
  int col[G_N_ELEMENTS (names)];
  g_autoptr(PdCsvReader) reader = open_file (imp, FILE_CONSTRUCTORS, error);
  GError *local_error = NULL;

  if (reader == NULL || !find_columns (reader, names, col, error))
    return FALSE;

  while (next_row (reader, &local_error))
    {
      g_autoptr(PdTeam) team = pd_team_new ();
      const char *ref, *name;
      Constructor *constructor;
      int id;

      if (!get_id (reader, col[0], "constructorId", &id, error) ||
          !get_ref (reader, col[1], "constructorRef", &ref, error) ||
          !require (reader, col[2], "name", &name, error))
        return FALSE;
      if (g_hash_table_contains (imp->constructors, GINT_TO_POINTER (id)))
        {
          pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_DUPLICATE,
                                   _("the %s “%s” is given twice"), "constructorId", field (reader, col[0]));
          return FALSE;
        }

      pd_team_set_id (team, ref);
      pd_team_set_name (team, name);
      pd_team_set_nationality (team, pd_ergast_nationality_code (field (reader, col[3])));
      if (!pd_store_save (imp->store, G_OBJECT (team), error))
        return FALSE;

      constructor = g_new0 (Constructor, 1);
      constructor->ref = g_strdup (ref);
      constructor->name = g_strdup (name);
      g_hash_table_insert (imp->constructors, GINT_TO_POINTER (id), constructor);
      imp->stats.teams++;
    }
  return finish_rows (local_error, error);
}

static gboolean
read_drivers (Import  *imp,
              GError **error)
{
  static const char * const names[] = {
    "driverId", "driverRef", "forename", "surname", "nationality", NULL
  };
  int col[G_N_ELEMENTS (names)];
  g_autoptr(PdCsvReader) reader = open_file (imp, FILE_DRIVERS, error);
  GError *local_error = NULL;

  if (reader == NULL || !find_columns (reader, names, col, error))
    return FALSE;

  while (next_row (reader, &local_error))
    {
      g_autoptr(PdDriver) driver = pd_driver_new ();
      const char *ref, *surname;
      int id;

      if (!get_id (reader, col[0], "driverId", &id, error) ||
          !get_ref (reader, col[1], "driverRef", &ref, error) ||
          !require (reader, col[3], "surname", &surname, error))
        return FALSE;
      if (g_hash_table_contains (imp->drivers, GINT_TO_POINTER (id)))
        {
          pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_DUPLICATE,
                                   _("the %s “%s” is given twice"), "driverId", field (reader, col[0]));
          return FALSE;
        }

      pd_driver_set_id (driver, ref);
      pd_driver_set_first_name (driver, field (reader, col[2]));
      pd_driver_set_last_name (driver, surname);
      pd_driver_set_nationality (driver, pd_ergast_nationality_code (field (reader, col[4])));
      if (!pd_store_save (imp->store, G_OBJECT (driver), error))
        return FALSE;

      g_hash_table_insert (imp->drivers, GINT_TO_POINTER (id), g_strdup (ref));
      imp->stats.drivers++;
    }
  return finish_rows (local_error, error);
}

static gboolean
read_races (Import  *imp,
            GError **error)
{
  static const char * const names[] = {
    "raceId", "year", "round", "circuitId", "name", "date", NULL
  };
  int col[G_N_ELEMENTS (names)];
  int slot_columns[N_SLOTS][2];
  g_autoptr(PdCsvReader) reader = open_file (imp, FILE_RACES, error);
  GError *local_error = NULL;

  if (reader == NULL || !find_columns (reader, names, col, error))
    return FALSE;
  /* Older copies of the database have no session columns at all. */
  for (guint s = 0; s < N_SLOTS; s++)
    {
      slot_columns[s][0] = pd_csv_reader_column (reader, slots[s].date_column);
      slot_columns[s][1] = pd_csv_reader_column (reader, slots[s].time_column);
    }

  while (next_row (reader, &local_error))
    {
      Race *race, *other;
      const char *name;
      gint64 year, round;
      int id;

      if (!get_id (reader, col[0], "raceId", &id, error) ||
          !get_int (reader, col[1], "year", TRUE, 1000, 9999, 0, &year, error) ||
          !get_int (reader, col[2], "round", TRUE, 1, 999, 0, &round, error))
        return FALSE;
      if (g_hash_table_contains (imp->races, GINT_TO_POINTER (id)))
        {
          pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_DUPLICATE,
                                   _("the %s “%s” is given twice"), "raceId", field (reader, col[0]));
          return FALSE;
        }

      race = g_new0 (Race, 1);
      g_hash_table_insert (imp->races, GINT_TO_POINTER (id), race);
      race->year = year;
      race->round = round;
      race->line = pd_csv_reader_get_line (reader);
      race->season_id = g_strdup_printf (PD_ERGAST_SERIES_ID "-%d", race->year);
      race->round_id = g_strdup_printf ("%s.r%02d", race->season_id, race->round);

      race->circuit = get_reference (reader, col[3], "circuitId", imp->circuits, FILE_CIRCUITS, error);
      if (race->circuit == NULL ||
          !require (reader, col[4], "name", &name, error))
        return FALSE;
      race->name = g_strdup (name);

      for (guint s = 0; s < N_SLOTS; s++)
        if (!get_session_start (reader, slot_columns[s][0], slot_columns[s][1],
                                slots[s].date_column, slots[s].time_column, &race->slots[s], error))
          return FALSE;
      /* Every race has its day, even where nothing else is known. */
      if (!race->slots[SLOT_RACE].present)
        {
          const char *date;

          return require (reader, col[5], "date", &date, error);
        }

      other = g_hash_table_lookup (imp->round_ids, race->round_id);
      if (other != NULL)
        {
          pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_DUPLICATE,
                                   _("round %d of %d is also on line %u"),
                                   race->round, race->year, other->line);
          return FALSE;
        }
      g_hash_table_insert (imp->round_ids, race->round_id, race);
      g_hash_table_add (imp->years, GINT_TO_POINTER (race->year));
    }
  return finish_rows (local_error, error);
}

/* Marks the races that have rows in qualifying.csv or sprint_results.csv,
 * which have that session even where races.csv gives no date for it. Ids
 * that races.csv lacks are left to the full reading of the file. */
static gboolean
scan_session_rows (Import  *imp,
                   FileId   file,
                   GError **error)
{
  static const char * const names[] = { "raceId", NULL };
  int col[G_N_ELEMENTS (names)];
  g_autoptr(PdCsvReader) reader = NULL;
  GError *local_error = NULL;

  if (imp->contents[file] == NULL)
    return TRUE;
  reader = open_file (imp, file, error);
  if (reader == NULL || !find_columns (reader, names, col, error))
    return FALSE;

  while (next_row (reader, &local_error))
    {
      const char *text = field (reader, col[0]);
      gint64 id;
      Race *race;

      if (text == NULL || !g_ascii_string_to_signed (text, 10, 1, G_MAXINT, &id, NULL))
        continue;
      race = g_hash_table_lookup (imp->races, GINT_TO_POINTER ((int) id));
      if (race == NULL)
        continue;
      if (file == FILE_QUALIFYING)
        race->has_quali_rows = TRUE;
      else
        race->has_sprint_rows = TRUE;
    }
  return finish_rows (local_error, error);
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  int x = GPOINTER_TO_INT (*(gpointer *) a);
  int y = GPOINTER_TO_INT (*(gpointer *) b);

  return (x > y) - (x < y);
}

static int
compare_races (gconstpointer a,
               gconstpointer b)
{
  const Race *x = *(Race **) a;
  const Race *y = *(Race **) b;

  if (x->year != y->year)
    return (x->year > y->year) - (x->year < y->year);
  return (x->round > y->round) - (x->round < y->round);
}

/* The usual order of sessions on one day when races.csv gives no times:
 * practice, then qualifying before the sprint, except from 2024, when
 * the sprint moved before the Grand Prix qualifying. */
static int
slot_rank (Slot slot,
           int  year)
{
  if (year >= 2024 && slot == SLOT_SPRINT)
    return SLOT_QUALI;
  if (year >= 2024 && slot == SLOT_QUALI)
    return SLOT_SPRINT;
  return slot;
}

typedef struct {
  const Race *race;
  Slot        slot;
} SlotRef;

/* Orders a round's sessions by day, then by time (sessions of a day
 * without a time first), then in the usual order. */
static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const SlotRef *x = a;
  const SlotRef *y = b;
  const SlotInfo *sx = &x->race->slots[x->slot];
  const SlotInfo *sy = &y->race->slots[y->slot];
  int cmp;

  cmp = g_strcmp0 (sx->local_date, sy->local_date);
  if (cmp != 0)
    return cmp;
  if ((sx->start != NULL) != (sy->start != NULL))
    return sx->start != NULL ? 1 : -1;
  if (sx->start != NULL)
    {
      cmp = g_date_time_compare (sx->start, sy->start);
      if (cmp != 0)
        return cmp;
    }
  return slot_rank (x->slot, x->race->year) - slot_rank (y->slot, y->race->year);
}

static char *
format_date (GDateTime *dt)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_date_time_get_year (dt),
                          g_date_time_get_month (dt), g_date_time_get_day_of_month (dt));
}

static gboolean
save_round (Import  *imp,
            Race    *race,
            GError **error)
{
  g_autoptr(PdRound) round = pd_round_new ();
  SlotRef order[N_SLOTS];
  guint n = 0;
  const char *first_date = NULL;

  race->slots[SLOT_QUALI].present |= race->has_quali_rows;
  race->slots[SLOT_SPRINT].present |= race->has_sprint_rows;

  for (guint s = 0; s < N_SLOTS; s++)
    {
      SlotInfo *info = &race->slots[s];

      if (!info->present)
        continue;

      /* The day in the track's zone: from the instant where there is one;
       * races.csv gives the day of the event otherwise. */
      if (info->start != NULL)
        {
          g_autoptr(GDateTime) local = g_date_time_to_timezone (info->start, race->circuit->zone);

          info->local_date = format_date (local);
        }
      else
        info->local_date = g_strdup (info->date);

      info->session_id = g_strdup_printf ("%s.%s", race->round_id, slots[s].suffix);
      if (info->local_date != NULL &&
          (first_date == NULL || strcmp (info->local_date, first_date) < 0))
        first_date = info->local_date;
      order[n++] = (SlotRef) { race, s };
    }

  pd_round_set_id (round, race->round_id);
  pd_round_set_season_id (round, race->season_id);
  pd_round_set_number (round, race->round);
  pd_round_set_name (round, race->name);
  pd_round_set_circuit_id (round, race->circuit->ref);
  pd_round_set_start_date (round, first_date);
  pd_round_set_end_date (round, race->slots[SLOT_RACE].local_date);
  if (!pd_store_save (imp->store, G_OBJECT (round), error))
    return FALSE;
  imp->stats.rounds++;

  qsort (order, n, sizeof order[0], compare_slots);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PdSession) session = pd_session_new ();
      const SlotInfo *info = &race->slots[order[i].slot];

      pd_session_set_id (session, info->session_id);
      pd_session_set_round_id (session, race->round_id);
      pd_session_set_kind (session, slots[order[i].slot].kind);
      pd_session_set_name (session, slots[order[i].slot].name);
      pd_session_set_position (session, i + 1);
      pd_session_set_start_utc (session, info->start);
      pd_session_set_start_date (session, info->local_date);
      if (!pd_store_save (imp->store, G_OBJECT (session), error))
        return FALSE;
      imp->stats.sessions++;
    }

  return TRUE;
}

static gboolean
save_seasons_and_rounds (Import  *imp,
                         GError **error)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  g_autoptr(GPtrArray) races = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  /* g_hash_table_get_values_as_ptr_array() needs GLib 2.76. */
  g_hash_table_iter_init (&iter, imp->years);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (years, value);
  g_hash_table_iter_init (&iter, imp->races);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (races, value);

  g_ptr_array_sort (years, compare_ints);
  for (guint i = 0; i < years->len; i++)
    {
      g_autoptr(PdSeason) season = pd_season_new ();
      int year = GPOINTER_TO_INT (years->pdata[i]);
      g_autofree char *id = g_strdup_printf (PD_ERGAST_SERIES_ID "-%d", year);
      g_autofree char *name = g_strdup_printf ("Formula 1 %d", year);

      pd_season_set_id (season, id);
      pd_season_set_series_id (season, PD_ERGAST_SERIES_ID);
      pd_season_set_name (season, name);
      pd_season_set_year (season, year);
      /* The points rules of that year: a preset of the same name. */
      pd_season_set_rules_id (season, id);
      if (!pd_store_save (imp->store, G_OBJECT (season), error))
        return FALSE;
      imp->stats.seasons++;
    }

  g_ptr_array_sort (races, compare_races);
  for (guint i = 0; i < races->len; i++)
    if (!save_round (imp, races->pdata[i], error))
      return FALSE;

  return TRUE;
}

/* A copy of a field that lives as long as the import. */
static const char *
keep_string (Import     *imp,
             const char *text)
{
  return text != NULL ? g_string_chunk_insert_const (imp->strings, text) : NULL;
}

static int
compare_pending_results (gconstpointer a,
                         gconstpointer b)
{
  const PendingResult *x = a;
  const PendingResult *y = b;

  return strcmp (x->id, y->id);
}

/* Saves the results of every file, in the order of their ids. */
static gboolean
save_results (Import  *imp,
              GError **error)
{
  g_array_sort (imp->results, compare_pending_results);
  for (guint i = 0; i < imp->results->len; i++)
    {
      PendingResult *result = &g_array_index (imp->results, PendingResult, i);
      const char *drivers[] = { result->driver_id, NULL };
      PdStoreResultRow row = {
        .id = result->id,
        .session_id = result->session_id,
        .entry_id = result->entry_id,
        .status = result->status,
        .laps = result->laps,
        .total_time_ms = result->total_time_ms,
        .grid = result->grid,
        .position = result->position,
        .fastest_lap = result->fastest_lap,
        .car_number = result->car_number,
        .driver_ids = drivers,
        .best_lap_ms = result->best_lap_ms,
        .note = result->note,
      };

      if (!pd_store_save_result_row (imp->store, &row, error))
        return FALSE;
    }
  return TRUE;
}

/* "SESSION.ID", the id of a result, in imp->id. */
static void
set_result_id (Import     *imp,
               const char *session_id,
               int         id)
{
  char digits[16];
  int n = 0;

  g_string_assign (imp->id, session_id);
  g_string_append_c (imp->id, '.');
  do
    {
      digits[n++] = '0' + id % 10;
      id /= 10;
    }
  while (id > 0);
  while (n > 0)
    g_string_append_c (imp->id, digits[--n]);
}

/* What every file of results gives: the result's id, its session, car
 * and driver; the rest not known until set. */
static void
pending_result_init (Import        *imp,
                     PendingResult *result,
                     const char    *session_id,
                     int            id,
                     const char    *entry_id,
                     const char    *driver_ref,
                     const char    *car_number)
{
  set_result_id (imp, session_id, id);
  result->driver_id = driver_ref;
  result->id = g_string_chunk_insert_len (imp->strings, imp->id->str, imp->id->len);
  result->session_id = session_id;
  result->entry_id = entry_id;
  result->car_number = keep_string (imp, car_number);
  result->laps = -1;
  result->total_time_ms = -1;
  result->best_lap_ms = -1;
}

/* The car a driver drove for a constructor in a season. Numbers changed
 * from race to race in early years, so the entry has none; each result
 * keeps its own. */
static const char *
ensure_entry (Import       *imp,
              const Race   *race,
              Constructor  *constructor,
              const char   *driver_ref,
              GError      **error)
{
  const char *crew[] = { driver_ref, NULL };
  PdStoreEntryRow entry = { 0 };
  char *id;

  /* Built by hand: this runs for every row of the results. */
  g_string_assign (imp->id, race->season_id);
  g_string_append_c (imp->id, '.');
  g_string_append (imp->id, constructor->ref);
  g_string_append_c (imp->id, '.');
  g_string_append (imp->id, driver_ref);
  id = g_hash_table_lookup (imp->entries, imp->id->str);
  if (id != NULL)
    return id;

  id = g_strndup (imp->id->str, imp->id->len);
  g_hash_table_add (imp->entries, id);
  entry.id = id;
  entry.season_id = race->season_id;
  entry.team_id = constructor->ref;
  entry.car_model = constructor->name;
  entry.crew_ids = crew;
  if (!pd_store_save_entry_row (imp->store, &entry, error))
    return NULL;

  imp->stats.entries++;
  return id;
}

/* Whether a status only says how far behind a finisher was: "+1 Lap". */
static gboolean
is_laps_behind (const char *status)
{
  const char *p = status;

  if (*p++ != '+' || !g_ascii_isdigit (*p))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  return g_str_equal (p, " Lap") || g_str_equal (p, " Laps");
}

/* Reads positionText: a number for a classified car, else a letter. */
static gboolean
get_status (PdCsvReader     *reader,
            int              column,
            PdResultStatus  *status,
            gint64          *position,
            GError         **error)
{
  const char *text;

  if (!require (reader, column, "positionText", &text, error))
    return FALSE;

  *position = 0;
  if (g_ascii_string_to_signed (text, 10, 1, 999, position, NULL))
    *status = PD_RESULT_STATUS_CLASSIFIED;
  else if (g_str_equal (text, "R"))
    *status = PD_RESULT_STATUS_DNF;
  else if (g_str_equal (text, "D"))
    *status = PD_RESULT_STATUS_DSQ;
  else if (g_str_equal (text, "E"))
    *status = PD_RESULT_STATUS_EXCLUDED;
  /* W: withdrawn; F: failed to qualify. Neither started. */
  else if (g_str_equal (text, "W") || g_str_equal (text, "F"))
    *status = PD_RESULT_STATUS_DNS;
  else if (g_str_equal (text, "N"))
    *status = PD_RESULT_STATUS_NOT_CLASSIFIED;
  else
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_VALUE,
                               _("the %s “%s” is not a position or one of R, D, E, W, F and N"),
                               "positionText", text);
      return FALSE;
    }
  return TRUE;
}

/* Checks that each id of a file is given once: two rows with one id
 * would be one result, the second silently replacing the first. */
static gboolean
check_unique (PdCsvReader  *reader,
              GHashTable   *seen,
              int           column,
              const char   *name,
              int           id,
              GError      **error)
{
  if (!g_hash_table_add (seen, GINT_TO_POINTER (id)))
    {
      pd_csv_reader_set_error (reader, error, PD_ERGAST_ERROR, PD_ERGAST_ERROR_DUPLICATE,
                               _("the %s “%s” is given twice"), name, field (reader, column));
      return FALSE;
    }
  return TRUE;
}

/* results.csv and sprint_results.csv, which share their columns (in a
 * different order). */
static gboolean
read_results (Import  *imp,
              FileId   file,
              Slot     slot,
              GError **error)
{
  enum {
    C_ID, C_RACE, C_DRIVER, C_CONSTRUCTOR, C_NUMBER, C_GRID, C_POSITION, C_POSITION_TEXT,
    C_LAPS, C_MILLISECONDS, C_FASTEST_LAP_TIME, C_RANK, C_STATUS,
  };
  static const char * const names[] = {
    "resultId", "raceId", "driverId", "constructorId", "number", "grid", "position",
    "positionText", "laps", "milliseconds", "fastestLapTime", "rank", "statusId", NULL
  };
  int col[G_N_ELEMENTS (names)];
  g_autoptr(PdCsvReader) reader = open_file (imp, file, error);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  GError *local_error = NULL;

  if (reader == NULL || !find_columns (reader, names, col, error))
    return FALSE;

  while (next_row (reader, &local_error))
    {
      const char *driver_ref, *entry_id, *status_text = NULL, *note = NULL, *position_text;
      PendingResult result = { 0 };
      Constructor *constructor;
      PdResultStatus status;
      gint64 grid, position, text_position, laps, ms, best_lap, rank;
      int id;
      Race *race;

      if (!get_id (reader, col[C_ID], names[C_ID], &id, error) ||
          !check_unique (reader, seen, col[C_ID], names[C_ID], id, error) ||
          (race = get_reference (reader, col[C_RACE], "raceId", imp->races, FILE_RACES, error)) == NULL ||
          (driver_ref = get_reference (reader, col[C_DRIVER], "driverId", imp->drivers,
                                       FILE_DRIVERS, error)) == NULL ||
          (constructor = get_reference (reader, col[C_CONSTRUCTOR], "constructorId",
                                        imp->constructors, FILE_CONSTRUCTORS, error)) == NULL ||
          !get_int (reader, col[C_GRID], "grid", FALSE, 0, 999, 0, &grid, error) ||
          !get_int (reader, col[C_POSITION], "position", FALSE, 1, 999, 0, &position, error) ||
          !get_status (reader, col[C_POSITION_TEXT], &status, &text_position, error) ||
          !get_int (reader, col[C_LAPS], "laps", FALSE, 0, 9999, -1, &laps, error) ||
          !get_int (reader, col[C_MILLISECONDS], "milliseconds", FALSE, 0, G_MAXINT64, -1, &ms, error) ||
          !get_lap_time (reader, col[C_FASTEST_LAP_TIME], "fastestLapTime", &best_lap, error) ||
          !get_int (reader, col[C_RANK], "rank", FALSE, 0, 999, 0, &rank, error))
        return FALSE;

      if (field (reader, col[C_STATUS]) != NULL)
        {
          status_text = get_reference (reader, col[C_STATUS], "statusId", imp->statuses,
                                       FILE_STATUS, error);
          if (status_text == NULL)
            return FALSE;
        }

      entry_id = ensure_entry (imp, race, constructor, driver_ref, error);
      if (entry_id == NULL)
        return FALSE;

      /* The status says more than positionText where it is not a plain
       * finish; a car that failed to qualify says so whatever the cause. */
      position_text = field (reader, col[C_POSITION_TEXT]);
      if (status_text != NULL && !g_str_equal (status_text, "Finished") && !is_laps_behind (status_text))
        note = status_text;
      if (g_str_equal (position_text, "F") &&
          (note == NULL || (strstr (note, "qualify") == NULL && strstr (note, "107%") == NULL)))
        note = "Did not qualify";

      pending_result_init (imp, &result, race->slots[slot].session_id, id, entry_id, driver_ref,
                           field (reader, col[C_NUMBER]));
      /* Only a classified car has a position; 2025's rows give the
       * running order to the others too. */
      if (status == PD_RESULT_STATUS_CLASSIFIED)
        result.position = position > 0 ? position : text_position;
      result.status = status;
      result.grid = grid;
      result.laps = laps;
      result.total_time_ms = ms;
      result.best_lap_ms = best_lap;
      result.fastest_lap = rank == 1;
      /* A note is a status from status.csv or a string of this file. */
      result.note = note;
      g_array_append_val (imp->results, result);

      imp->stats.results++;
      if (slot == SLOT_RACE)
        imp->stats.race_results++;
      else
        imp->stats.sprint_results++;
    }
  return finish_rows (local_error, error);
}

static gboolean
read_qualifying (Import  *imp,
                 GError **error)
{
  enum { C_ID, C_RACE, C_DRIVER, C_CONSTRUCTOR, C_NUMBER, C_POSITION, C_Q1, C_Q2, C_Q3 };
  static const char * const names[] = {
    "qualifyId", "raceId", "driverId", "constructorId", "number", "position", "q1", "q2", "q3", NULL
  };
  int col[G_N_ELEMENTS (names)];
  g_autoptr(PdCsvReader) reader = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);
  GError *local_error = NULL;

  if (imp->contents[FILE_QUALIFYING] == NULL)
    return TRUE;
  reader = open_file (imp, FILE_QUALIFYING, error);
  if (reader == NULL || !find_columns (reader, names, col, error))
    return FALSE;

  while (next_row (reader, &local_error))
    {
      const char *driver_ref, *entry_id;
      PendingResult result = { 0 };
      Constructor *constructor;
      gint64 position, best_lap = -1;
      int id;
      Race *race;

      if (!get_id (reader, col[C_ID], names[C_ID], &id, error) ||
          !check_unique (reader, seen, col[C_ID], names[C_ID], id, error) ||
          (race = get_reference (reader, col[C_RACE], "raceId", imp->races, FILE_RACES, error)) == NULL ||
          (driver_ref = get_reference (reader, col[C_DRIVER], "driverId", imp->drivers,
                                       FILE_DRIVERS, error)) == NULL ||
          (constructor = get_reference (reader, col[C_CONSTRUCTOR], "constructorId",
                                        imp->constructors, FILE_CONSTRUCTORS, error)) == NULL ||
          !get_int (reader, col[C_POSITION], "position", FALSE, 1, 999, 0, &position, error))
        return FALSE;

      /* The best lap is the best of the parts of qualifying. */
      for (guint q = C_Q1; q <= C_Q3; q++)
        {
          gint64 lap;

          if (!get_lap_time (reader, col[q], names[q], &lap, error))
            return FALSE;
          if (lap >= 0 && (best_lap < 0 || lap < best_lap))
            best_lap = lap;
        }

      entry_id = ensure_entry (imp, race, constructor, driver_ref, error);
      if (entry_id == NULL)
        return FALSE;

      pending_result_init (imp, &result, race->slots[SLOT_QUALI].session_id, id, entry_id, driver_ref,
                           field (reader, col[C_NUMBER]));
      result.status = position > 0 ? PD_RESULT_STATUS_CLASSIFIED : PD_RESULT_STATUS_NOT_CLASSIFIED;
      result.position = position;
      result.best_lap_ms = best_lap;
      g_array_append_val (imp->results, result);

      imp->stats.results++;
      imp->stats.qualifying_results++;
    }
  return finish_rows (local_error, error);
}

static gboolean
import_cb (PdStore   *store,
           gpointer   user_data,
           GError   **error)
{
  Import *imp = user_data;

  return read_statuses (imp, error) &&
         save_series (imp, error) &&
         read_circuits (imp, error) &&
         read_constructors (imp, error) &&
         read_drivers (imp, error) &&
         read_races (imp, error) &&
         scan_session_rows (imp, FILE_QUALIFYING, error) &&
         scan_session_rows (imp, FILE_SPRINT_RESULTS, error) &&
         save_seasons_and_rounds (imp, error) &&
         read_results (imp, FILE_RESULTS, SLOT_RACE, error) &&
         read_results (imp, FILE_SPRINT_RESULTS, SLOT_SPRINT, error) &&
         read_qualifying (imp, error) &&
         save_results (imp, error) &&
         pd_ergast_fixes_apply (store, NULL, error);
}

/**
 * pd_ergast_import:
 * @dir: a folder holding Ergast's CSV files
 * @stats: (out caller-allocates) (optional): what was read and stored
 *
 * Imports the Formula 1 seasons of @dir into @store, in one transaction:
 * either all of it is stored, or, on any error, nothing. Records are
 * updated in place, so importing the same files again changes nothing;
 * circuits already stored are left as they are.
 *
 * Returns: %TRUE on success
 */
gboolean
pd_ergast_import (PdStore        *store,
                  const char     *dir,
                  PdErgastStats  *stats,
                  GError        **error)
{
  Import imp;
  gboolean ok = TRUE;

  g_return_val_if_fail (PD_IS_STORE (store), FALSE);
  g_return_val_if_fail (dir != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  import_init (&imp, store);

  /* All files are read before the transaction starts, so that a missing
   * one holds no lock. */
  for (guint i = 0; i < N_FILES && ok; i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].name, NULL);
      g_autoptr(GError) local_error = NULL;

      imp.files[i] = g_mapped_file_new (path, FALSE, &local_error);
      if (imp.files[i] == NULL)
        {
          if (files[i].optional && g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
            continue;
          g_propagate_error (error, g_steal_pointer (&local_error));
          ok = FALSE;
          continue;
        }
      /* An empty file maps to NULL. */
      imp.contents[i] = g_mapped_file_get_contents (imp.files[i]);
      if (imp.contents[i] == NULL)
        imp.contents[i] = "";
      imp.lengths[i] = g_mapped_file_get_length (imp.files[i]);
    }

  /* Room for every row of the files of results at once: an array that
   * doubles as it fills is copied each time into memory never touched. */
  if (ok)
    {
      const FileId result_files[] = { FILE_RESULTS, FILE_SPRINT_RESULTS, FILE_QUALIFYING };
      gsize lines = 0;

      for (guint f = 0; f < G_N_ELEMENTS (result_files); f++)
        {
          const char *p = imp.contents[result_files[f]], *end;

          if (p == NULL)
            continue;
          for (end = p + imp.lengths[result_files[f]]; (p = memchr (p, '\n', end - p)) != NULL; p++)
            lines++;
        }
      g_array_unref (imp.results);
      imp.results = g_array_sized_new (FALSE, FALSE, sizeof (PendingResult), MIN (lines, 1 << 20));
    }

  if (ok)
    ok = pd_store_bulk_transaction (store, import_cb, &imp, error);
  if (ok && stats != NULL)
    *stats = imp.stats;

  import_clear (&imp);
  return ok;
}
