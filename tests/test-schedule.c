/* Tests of pd-schedule: which sessions a schedule holds, what "upcoming"
 * means, the JSON rows the command line writes, and the clock, day,
 * countdown and date-range formats, under the Swedish locale.
 *
 * Expected times follow from the Swedish release (Barcelona, 16:50 Swedish
 * time for Race 1 = 14:50 UTC) and the zones' rules; expected texts follow
 * from the formats in pd-schedule.c and the C library's sv_SE and en_US
 * locale data (`LC_ALL=sv_SE.UTF-8 locale day mon abmon`). */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "pd-database.h"
#include "pd-schedule.h"
#include "pd-test.h"
#include "pd-time.h"

/* The harness (a child process and a TMPDIR per test, the folder with
 * its database) is pd-test.c's. */

typedef PdTestFixture Fixture;

static const PdTestFixtureOptions fixture_options = {
  .name = "schedule",
  .store = PD_TEST_STORE_SEEDED,
};

static void
add_test (const char        *path,
          PdTestFixtureFunc  func,
          gconstpointer      data)
{
  pd_test_add_fixture (path, &fixture_options, func, data, PD_TEST_FLAGS_NONE);
}

/* Messages in English, dates and times in Swedish: the message catalogue
 * may be filled in later, the C library's locale data is there now. */
static char *saved_messages_locale;

static void
use_english_messages (void)
{
  saved_messages_locale = g_strdup (setlocale (LC_MESSAGES, NULL));
  g_assert_nonnull (setlocale (LC_MESSAGES, "en_US.UTF-8"));
}

static void
restore_messages (void)
{
  setlocale (LC_MESSAGES, saved_messages_locale);
  g_clear_pointer (&saved_messages_locale, g_free);
}

static GDateTime *
instant (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDateTime *dt = pd_time_parse_rfc3339 (text, &error);

  g_assert_no_error (error);
  return dt;
}

static GPtrArray *
collect (PdStore    *store,
         int         round,
         const char *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) upcoming_after = now != NULL ? instant (now) : NULL;
  GPtrArray *rows = pd_schedule_collect (store, PD_DEFAULT_SEASON_ID, round, upcoming_after, &error);

  g_assert_no_error (error);
  g_assert_nonnull (rows);
  return rows;
}

/* "Round:Session" for each row, such as "6:Race 1,6:Race 2". */
static char *
row_names (GPtrArray *rows)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      PdScheduleRow *row = rows->pdata[i];

      g_assert_true (PD_IS_ROUND (row->round));
      g_assert_true (PD_IS_SESSION (row->session));
      g_assert_cmpstr (pd_session_get_round_id (row->session), ==, pd_round_get_id (row->round));
      if (row->circuit != NULL)
        g_assert_cmpstr (pd_circuit_get_id (row->circuit), ==, pd_round_get_circuit_id (row->round));
      g_string_append_printf (s, "%s%d:%s", i > 0 ? "," : "", pd_round_get_number (row->round),
                              pd_session_get_name (row->session));
    }
  return g_string_free (s, FALSE);
}

static void
test_collect_round (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = collect (f->store, 6, NULL);
  g_autofree char *names = row_names (rows);

  g_assert_cmpstr (names, ==,
                   "6:Free Practice 1,6:Free Practice 2,6:Qualifying 1,6:Qualifying 2,6:Race 1,6:Race 2");
  for (guint i = 0; i < rows->len; i++)
    {
      PdScheduleRow *row = rows->pdata[i];

      g_assert_nonnull (row->circuit);
      g_assert_cmpstr (pd_circuit_get_zone (row->circuit), ==, "Europe/Madrid");
    }
}

static void
test_collect_season (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = collect (f->store, 0, NULL);

  /* Six sessions in each of the six rounds; Vallelunga has none. */
  g_assert_cmpuint (rows->len, ==, 36);
  /* In the order of the calendar. */
  for (guint i = 1; i < rows->len; i++)
    {
      PdScheduleRow *a = rows->pdata[i - 1];
      PdScheduleRow *b = rows->pdata[i];

      g_assert_cmpint (pd_round_get_number (a->round), <=, pd_round_get_number (b->round));
      if (pd_round_get_number (a->round) == pd_round_get_number (b->round))
        g_assert_cmpint (pd_session_get_position (a->session), <, pd_session_get_position (b->session));
    }
}

static void
test_upcoming (Fixture       *f,
               gconstpointer  data)
{
  /* Race 1 runs from 14:50 to 15:50 UTC: at 15:00 it is still to be
   * counted; the practices and Q1 are over; Q2's time is not known, but
   * its day (30 September at the track) is not over. */
  g_autoptr(GPtrArray) round6 = collect (f->store, 6, "2023-09-30T15:00:00Z");
  g_autoptr(GPtrArray) season = collect (f->store, 0, "2023-09-30T15:00:00Z");
  g_autoptr(GPtrArray) just_before_end = collect (f->store, 6, "2023-09-30T15:49:59Z");
  g_autoptr(GPtrArray) at_end = collect (f->store, 6, "2023-09-30T15:50:00Z");
  g_autoptr(GPtrArray) after = collect (f->store, 0, "2023-12-01T00:00:00Z");
  g_autoptr(GPtrArray) before = collect (f->store, 0, "2023-01-01T00:00:00Z");
  g_autofree char *names = row_names (round6);
  g_autofree char *season_names = row_names (season);
  g_autofree char *before_end = row_names (just_before_end);
  g_autofree char *ended = row_names (at_end);

  g_assert_cmpstr (names, ==, "6:Qualifying 2,6:Race 1,6:Race 2");
  /* Nothing of the cancelled Vallelunga event is upcoming. */
  g_assert_cmpstr (season_names, ==, names);
  g_assert_nonnull (strstr (before_end, "6:Race 1"));
  g_assert_null (strstr (ended, "6:Race 1"));
  g_assert_nonnull (strstr (ended, "6:Race 2"));

  /* After the season: nothing, as an empty list and not an error. */
  g_assert_cmpuint (after->len, ==, 0);
  /* Before it: everything. */
  g_assert_cmpuint (before->len, ==, 36);
}

/* Spa's sessions are known by their day only: one is over when its day
 * has passed at the track (Europe/Brussels, +02:00 in summer). */
static void
test_upcoming_day_only (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) late_saturday = collect (f->store, 3, "2023-07-01T21:59:59Z");
  g_autoptr(GPtrArray) sunday = collect (f->store, 3, "2023-07-01T22:00:00Z");
  g_autofree char *a = row_names (late_saturday);
  g_autofree char *b = row_names (sunday);

  g_assert_cmpstr (a, ==, "3:Race 1,3:Race 2");
  g_assert_cmpstr (b, ==, "3:Race 2");
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  rows = pd_schedule_collect (f->store, "no-such-season", 0, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "no-such-season"));
  g_clear_error (&error);

  rows = pd_schedule_collect (f->store, PD_DEFAULT_SEASON_ID, 7, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "7"));
  g_clear_error (&error);

  rows = pd_schedule_collect (f->store, PD_DEFAULT_SEASON_ID, 99, NULL, &error);
  g_assert_null (rows);
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND);
}

static JsonObject *
find_session (JsonArray  *array,
              const char *name)
{
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (g_strcmp0 (json_object_get_string_member (o, "session"), name) == 0)
        return o;
    }
  g_error ("no session “%s” in the JSON", name);
  return NULL;
}

static void
test_to_json (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = collect (f->store, 6, NULL);
  g_autoptr(GTimeZone) new_york = pd_time_zone_new ("America/New_York", NULL);
  g_autoptr(JsonNode) root = pd_schedule_to_json (rows, new_york);
  const char * const required[] = {
    "round", "round_name", "circuit", "session", "kind", "start_utc", "start_track",
    "track_zone", "start_local", "duration_min", "driver_change", "status",
  };
  JsonArray *array;
  JsonObject *race1, *q2, *fp1;

  g_assert_true (JSON_NODE_HOLDS_ARRAY (root));
  array = json_node_get_array (root);
  g_assert_cmpuint (json_array_get_length (array), ==, 6);

  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      for (guint k = 0; k < G_N_ELEMENTS (required); k++)
        if (!json_object_has_member (o, required[k]))
          g_error ("row %u has no “%s”", i, required[k]);
      g_assert_cmpint (json_object_get_int_member (o, "round"), ==, 6);
      g_assert_cmpstr (json_object_get_string_member (o, "round_name"), ==, "Barcelona");
      g_assert_cmpstr (json_object_get_string_member (o, "track_zone"), ==, "Europe/Madrid");
      g_assert_nonnull (strstr (json_object_get_string_member (o, "circuit"), "Barcelona"));
    }

  race1 = find_session (array, "Race 1");
  g_assert_cmpstr (json_object_get_string_member (race1, "kind"), ==, "race");
  g_assert_cmpstr (json_object_get_string_member (race1, "start_utc"), ==, "2023-09-30T14:50:00Z");
  g_assert_cmpstr (json_object_get_string_member (race1, "start_track"), ==, "2023-09-30T16:50:00+02:00");
  g_assert_cmpstr (json_object_get_string_member (race1, "start_local"), ==, "2023-09-30T10:50:00-04:00");
  g_assert_cmpint (json_object_get_int_member (race1, "duration_min"), ==, 60);
  g_assert_true (json_object_get_boolean_member (race1, "driver_change"));
  g_assert_cmpstr (json_object_get_string_member (race1, "status"), ==, "scheduled");

  /* Q2's time is not known: null, not midnight. */
  q2 = find_session (array, "Qualifying 2");
  g_assert_true (json_object_get_null_member (q2, "start_utc"));
  g_assert_true (json_object_get_null_member (q2, "start_track"));
  g_assert_true (json_object_get_null_member (q2, "start_local"));
  g_assert_cmpstr (json_object_get_string_member (q2, "kind"), ==, "qualifying");
  g_assert_cmpint (json_object_get_int_member (q2, "duration_min"), ==, 20);

  fp1 = find_session (array, "Free Practice 1");
  g_assert_cmpstr (json_object_get_string_member (fp1, "start_utc"), ==, "2023-09-29T09:20:00Z");
  g_assert_cmpstr (json_object_get_string_member (fp1, "start_track"), ==, "2023-09-29T11:20:00+02:00");
  g_assert_false (json_object_get_boolean_member (fp1, "driver_change"));
}

static void
test_to_json_cancelled (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = collect (f->store, 0, NULL);
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(JsonNode) root = pd_schedule_to_json (rows, utc);
  JsonArray *array = json_node_get_array (root);

  /* Every row is written, each start either null or in UTC with "Z". */
  g_assert_cmpuint (json_array_get_length (array), ==, rows->len);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);

      if (!json_object_get_null_member (o, "start_utc"))
        {
          const char *s = json_object_get_string_member (o, "start_utc");
          g_assert_true (g_str_has_suffix (s, "Z"));
          g_assert_cmpuint (strlen (s), ==, 20);
        }
    }
}

static void
test_format_clock (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) race1 = instant ("2023-09-30T14:50:00Z");
  g_autoptr(GDateTime) winter = instant ("2023-10-29T02:00:00Z");
  g_autoptr(GTimeZone) madrid = pd_time_zone_new ("Europe/Madrid", NULL);
  g_autoptr(GTimeZone) stockholm = pd_time_zone_new ("Europe/Stockholm", NULL);
  g_autoptr(GTimeZone) new_york = pd_time_zone_new ("America/New_York", NULL);
  g_autofree char *track = pd_format_clock (race1, madrid);
  g_autofree char *sweden = pd_format_clock (race1, stockholm);
  g_autofree char *usa = pd_format_clock (race1, new_york);
  g_autofree char *after_change = pd_format_clock (winter, madrid);

  /* Under LC_ALL=sv_SE.UTF-8, with the Swedish catalogue if there is one. */
  g_assert_cmpstr (setlocale (LC_TIME, NULL), ==, "sv_SE.UTF-8");
  g_assert_cmpstr (track, ==, "16:50 CEST");
  g_assert_cmpstr (sweden, ==, "16:50 CEST");
  g_assert_cmpstr (usa, ==, "10:50 EDT");
  g_assert_cmpstr (after_change, ==, "03:00 CET");
}

static void
test_format_day (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *swedish = NULL;
  g_autofree char *english = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *saved_time = g_strdup (setlocale (LC_TIME, NULL));

  use_english_messages ();
  /* Day and month names from the C library's sv_SE data. */
  swedish = pd_format_day ("2023-09-30");
  g_assert_cmpstr (swedish, ==, "lördag 30 september");

  g_assert_nonnull (setlocale (LC_TIME, "en_US.UTF-8"));
  english = pd_format_day ("2023-09-30");
  g_assert_cmpstr (english, ==, "Saturday 30 September");
  setlocale (LC_TIME, saved_time);

  /* What is not a date is shown as it is. */
  bad = pd_format_day ("someday");
  g_assert_cmpstr (bad, ==, "someday");
  restore_messages ();
}

static void
test_format_countdown (Fixture       *f,
                       gconstpointer  data)
{
  const struct { GTimeSpan span; const char *text; } cases[] = {
    { 2 * G_TIME_SPAN_DAY + 3 * G_TIME_SPAN_HOUR + 5 * G_TIME_SPAN_MINUTE + 59 * G_TIME_SPAN_SECOND,
      "in 2 days, 3 h 05 min" },
    { G_TIME_SPAN_DAY, "in 1 day, 0 h 00 min" },
    { G_TIME_SPAN_DAY - G_TIME_SPAN_SECOND, "in 23 h 59 min 59 s" },
    { G_TIME_SPAN_HOUR, "in 1 h 00 min 00 s" },
    { 4 * G_TIME_SPAN_MINUTE + 10 * G_TIME_SPAN_SECOND, "in 4 min 10 s" },
    { 999 * G_TIME_SPAN_MILLISECOND, "in 0 min 00 s" },
    { 0, "in 0 min 00 s" },
    /* Nothing is shown as negative. */
    { -5 * G_TIME_SPAN_MINUTE, "in 0 min 00 s" },
  };

  use_english_messages ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = pd_format_countdown (cases[i].span);
      g_assert_cmpstr (text, ==, cases[i].text);
    }
  restore_messages ();
}

static void
test_format_date_range (Fixture       *f,
                        gconstpointer  data)
{
  g_autofree char *saved_time = g_strdup (setlocale (LC_TIME, NULL));
  const struct { const char *start, *end, *swedish, *english; } cases[] = {
    /* Over two months, as in the doc comment: "29 Sep – 1 Oct 2023". */
    { "2023-09-29", "2023-10-01", "29 sep – 1 okt 2023", "29 Sep – 1 Oct 2023" },
    { "2023-04-21", "2023-04-23", "21 – 23 apr 2023", "21 – 23 Apr 2023" },
    { "2023-06-29", "2023-07-02", "29 jun – 2 jul 2023", "29 Jun – 2 Jul 2023" },
    { "2023-05-01", "2023-05-01", "1 maj 2023", "1 May 2023" },
    { "2023-05-01", NULL, "1 maj 2023", "1 May 2023" },
  };

  use_english_messages ();
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *swedish = NULL;
      g_autofree char *english = NULL;

      g_assert_nonnull (setlocale (LC_TIME, "sv_SE.UTF-8"));
      swedish = pd_format_date_range (cases[i].start, cases[i].end);
      g_assert_nonnull (setlocale (LC_TIME, "en_US.UTF-8"));
      english = pd_format_date_range (cases[i].start, cases[i].end);
      g_assert_cmpstr (swedish, ==, cases[i].swedish);
      g_assert_cmpstr (english, ==, cases[i].english);
    }

  {
    g_autofree char *none = pd_format_date_range (NULL, NULL);
    g_autofree char *bad = pd_format_date_range ("2023-02-30", "2023-03-01");
    g_assert_cmpstr (none, ==, "Dates not announced");
    g_assert_cmpstr (bad, ==, "Dates not announced");
  }

  setlocale (LC_TIME, saved_time);
  restore_messages ();
}

/* Dates as the store may hold them from an older or careless file: shown
 * somehow, never a crash or a GLib warning (fatal in these tests). */
static void
test_format_odd_dates (Fixture       *f,
                       gconstpointer  data)
{
  const char * const odd[] = { "-023-09-30", "+023-09-30", "0000-01-01", "2023-9-30", "", "9999-12-31" };

  use_english_messages ();
  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      g_autofree char *day = NULL;
      g_autofree char *range = NULL;
      g_autofree char *range2 = NULL;

      g_test_message ("“%s”", odd[i]);
      day = pd_format_day (odd[i]);
      range = pd_format_date_range (odd[i], "2023-10-01");
      range2 = pd_format_date_range ("2023-09-29", odd[i]);
      g_assert_nonnull (day);
      g_assert_nonnull (range);
      g_assert_nonnull (range2);
      g_assert_true (g_utf8_validate (day, -1, NULL));
    }
  restore_messages ();
}

static void
test_to_text (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = collect (f->store, 6, NULL);
  g_autoptr(GTimeZone) stockholm = pd_time_zone_new ("Europe/Stockholm", NULL);
  g_autofree char *text = NULL;

  use_english_messages ();
  text = pd_schedule_to_text (rows, stockholm);
  g_test_message ("%s", text);
  /* Day headings from the sv_SE locale, times in both zones. */
  g_assert_nonnull (strstr (text, "fredag 29 september"));
  g_assert_nonnull (strstr (text, "lördag 30 september"));
  g_assert_nonnull (strstr (text, "söndag 1 oktober"));
  g_assert_nonnull (strstr (text, "16:50 CEST"));
  g_assert_nonnull (strstr (text, "Race 1"));
  g_assert_nonnull (strstr (text, "Europe/Madrid"));
  /* Q2's time is not announced, and is not shown as midnight. */
  g_assert_nonnull (strstr (text, "time not announced"));
  g_assert_null (strstr (text, "00:00"));
  restore_messages ();
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("PADDOCK_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL && *localedir != '\0')
    bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) add_test ("/schedule/" path, func, NULL)

  ADD ("collect/round", test_collect_round);
  ADD ("collect/season", test_collect_season);
  ADD ("collect/upcoming", test_upcoming);
  ADD ("collect/upcoming-day-only", test_upcoming_day_only);
  ADD ("collect/not-found", test_not_found);
  ADD ("json/round6", test_to_json);
  ADD ("json/all", test_to_json_cancelled);
  ADD ("text/round6", test_to_text);
  ADD ("format/clock", test_format_clock);
  ADD ("format/day", test_format_day);
  ADD ("format/countdown", test_format_countdown);
  ADD ("format/date-range", test_format_date_range);
  ADD ("format/odd-dates", test_format_odd_dates);

#undef ADD

  return g_test_run ();
}
