/* Tests of the iCalendar import and export (pd-ics.c): the export read
 * back with libical, the import of our own fixture with each quirk of
 * real calendars and of the real calendars in ../shared/data/calendars,
 * and the round trip. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "pd-ics.h"
#include "pd-store.h"
#include "pd-test.h"

#define GT4 "gt4-european-2023"

typedef PdTestFixture Fixture;

static const PdTestFixtureOptions seeded_options = {
  .name = "ics",
  .store = PD_TEST_STORE_SEEDED,
};

static const PdTestFixtureOptions empty_options = {
  .name = "ics",
  .store = PD_TEST_STORE_EMPTY,
};

static GDateTime *
stamp (void)
{
  return g_date_time_new_utc (2026, 1, 2, 3, 4, 5);
}

static char *
export_ok (PdStore    *store,
           const char *season_id,
           int         reminder)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = stamp ();
  char *text = pd_ics_export (store, season_id, reminder, now, &error);

  g_assert_no_error (error);
  g_assert_nonnull (text);
  return text;
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (c), uid) == 0)
      return c;
  return NULL;
}

/* The first session of GT4 with a time. */
static PdSession *
timed_session (PdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) sessions = pd_store_list_season_sessions (store, GT4, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);

      if (pd_session_get_start_utc (session) != NULL)
        return g_steal_pointer (&session);
    }
  g_assert_not_reached ();
}

static void
save_ok (PdStore *store,
         gpointer record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (pd_store_save (store, G_OBJECT (record), &error));
  g_assert_no_error (error);
}

static int
stored_sequence (PdStore    *store,
                 const char *session_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSession) session = pd_store_get (store, PD_TYPE_SESSION, session_id, &error);

  g_assert_no_error (error);
  return pd_session_get_sequence (session);
}

static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(PdSession) session = timed_session (f->store);
  g_autofree char *uid = g_strdup_printf ("%s@paddock", pd_session_get_id (session));
  g_autofree char *first = export_ok (f->store, GT4, 30);
  g_autofree char *again = export_ok (f->store, GT4, 30);
  g_autofree char *moved_text = NULL;
  icalcomponent *calendar = icalparser_parse_string (first);
  icalcomponent *moved, *event;
  icalproperty *prop;
  icalparameter *tzid;
  icaltimezone *zone;
  struct icaltimetype start;
  guint n_events = 0, n_zones = 0;

  /* Stable: the same file twice. */
  g_assert_cmpstr (first, ==, again);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_nonnull (strstr (first, "PRODID:-//Paddock//"));

  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      g_assert_true (g_str_has_suffix (icalcomponent_get_uid (c), "@paddock"));
      g_assert_true (g_str_has_prefix (icalcomponent_get_summary (c), "GT4 European Series — "));
      g_assert_cmpint (icalcomponent_get_status (c), ==, ICAL_STATUS_CONFIRMED);
      g_assert_nonnull (icalcomponent_get_first_component (c, ICAL_VALARM_COMPONENT));
      n_events++;
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(GListModel) sessions = pd_store_list_season_sessions (f->store, GT4, &error);

    guint n_dated = 0;

    for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
      {
        g_autoptr(PdSession) each = g_list_model_get_item (sessions, i);

        n_dated += pd_session_get_start_utc (each) != NULL || pd_session_get_start_date (each) != NULL;
      }
    /* Every session with a day, no other. */
    g_assert_cmpuint (n_dated, >, 0);
    g_assert_cmpuint (n_events, ==, n_dated);
  }
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT); c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT))
    n_zones++;
  g_assert_cmpuint (n_zones, >=, 1);

  /* The timed session: at its instant, in its track's zone, through the
   * file's own VTIMEZONE. */
  event = find_event (calendar, uid);
  g_assert_nonnull (event);
  prop = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  tzid = icalproperty_get_first_parameter (prop, ICAL_TZID_PARAMETER);
  g_assert_nonnull (tzid);
  zone = icalcomponent_get_timezone (calendar, icalparameter_get_tzid (tzid));
  g_assert_nonnull (zone);
  start = icalproperty_get_dtstart (prop);
  g_assert_cmpint (icaltime_as_timet_with_zone (start, zone), ==,
                   g_date_time_to_unix (pd_session_get_start_utc (session)));
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 0);
  prop = icalcomponent_get_first_property (icalcomponent_get_first_component (event, ICAL_VALARM_COMPONENT),
                                           ICAL_TRIGGER_PROPERTY);
  g_assert_cmpint (icaldurationtype_as_int (icalproperty_get_trigger (prop).duration), ==, -30 * 60);
  icalcomponent_free (calendar);

  /* Moved by ten minutes and made tentative: SEQUENCE 2 (two saves
   * that change it); saved unchanged, it stays. */
  {
    g_autoptr(GDateTime) later = g_date_time_add_minutes (pd_session_get_start_utc (session), 10);

    pd_session_set_start_utc (session, later);
    save_ok (f->store, session);
    g_assert_cmpint (stored_sequence (f->store, pd_session_get_id (session)), ==, 1);
    save_ok (f->store, session);
    g_assert_cmpint (stored_sequence (f->store, pd_session_get_id (session)), ==, 1);
    /* A record with an older sequence does not lower it. */
    pd_session_set_status (session, PD_SESSION_STATUS_TENTATIVE);
    save_ok (f->store, session);
    g_assert_cmpint (stored_sequence (f->store, pd_session_get_id (session)), ==, 2);
  }
  moved_text = export_ok (f->store, GT4, -1);
  g_assert_null (strstr (moved_text, "VALARM"));
  moved = icalparser_parse_string (moved_text);
  event = find_event (moved, uid);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 2);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_TENTATIVE);
  icalcomponent_free (moved);

  pd_session_set_status (session, PD_SESSION_STATUS_CANCELLED);
  save_ok (f->store, session);
  moved_text = (g_free (moved_text), export_ok (f->store, GT4, -1));
  moved = icalparser_parse_string (moved_text);
  event = find_event (moved, uid);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 3);
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
  icalcomponent_free (moved);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *first = export_ok (f->store, GT4, 10);
  g_autofree char *path = g_build_filename (f->dir, "copy.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) other = pd_store_new (path, NULL, NULL, &error);
  g_autofree char *second = NULL;
  g_autofree char *third = NULL;
  PdIcsStats stats = { 0 };

  g_assert_no_error (error);
  g_assert_true (pd_ics_import (other, first, strlen (first), GT4, &stats, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (stats.problems->len, ==, 0);
  g_assert_cmpuint (stats.sessions, >, 0);
  pd_ics_stats_clear (&stats);
  second = export_ok (other, GT4, 10);
  g_assert_cmpstr (second, ==, first);

  /* Importing again changes nothing, and raises no SEQUENCE. */
  g_assert_true (pd_ics_import (other, first, strlen (first), GT4, &stats, &error));
  pd_ics_stats_clear (&stats);
  third = export_ok (other, GT4, 10);
  g_assert_cmpstr (third, ==, first);
}

/* Problems as "line: text" for the assertions. */
static void
assert_problem_lines (PdIcsStats  *stats,
                      const guint *lines,
                      guint        n_lines)
{
  for (guint i = 0; i < stats->problems->len; i++)
    g_test_message ("%s", (const char *) stats->problems->pdata[i]);
  g_assert_cmpuint (stats->problems->len, ==, n_lines);
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *prefix = g_strdup_printf ("Rad %u: ", lines[i]);

      g_assert_true (g_str_has_prefix (stats->problems->pdata[i], prefix));
    }
}

static void
import_file (PdStore    *store,
             const char *path,
             const char *season_id,
             PdIcsStats *stats)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, &error));
  g_assert_no_error (error);
  g_assert_true (pd_ics_import (store, data, length, season_id, stats, &error));
  g_assert_no_error (error);
}

static gint64
session_start (PdStore    *store,
               const char *season_id,
               const char *uid)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, uid, -1);
  g_autofree char *id = g_strdup_printf ("%s-%.12s", season_id, hash);
  g_autoptr(PdSession) session = pd_store_get (store, PD_TYPE_SESSION, id, &error);

  g_assert_no_error (error);
  return pd_session_get_start_utc (session) != NULL ? g_date_time_to_unix (pd_session_get_start_utc (session)) : -1;
}

static gint64
utc (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) t = g_date_time_new_utc (year, month, day, hour, minute, 0);

  return g_date_time_to_unix (t);
}

static void
test_quirks (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "ics", "quirks.ics", NULL);
  static const guint lines[] = { 53, 59, 65, 68, 75 };
  PdIcsStats stats = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSeason) season = NULL;
  g_autoptr(GListModel) rounds = NULL;

  import_file (f->store, path, "quirks", &stats);
  g_assert_cmpuint (stats.sessions, ==, 5);
  g_assert_cmpuint (stats.rounds, ==, 3);
  assert_problem_lines (&stats, lines, G_N_ELEMENTS (lines));
  g_assert_nonnull (strstr (stats.problems->pdata[0], "America/Soa_Paulo"));
  pd_ics_stats_clear (&stats);

  season = pd_store_get (f->store, PD_TYPE_SEASON, "quirks", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pd_season_get_name (season), ==, "Quirks Cup 2024");
  rounds = pd_store_list_rounds (f->store, "quirks", &error);
  g_assert_cmpuint (g_list_model_get_n_items (rounds), ==, 3);

  /* A quoted custom fixed-offset zone, and an Olson one with no
   * VTIMEZONE, across the change to summer time. */
  g_assert_cmpint (session_start (f->store, "quirks", "quirk-1@example.org"), ==, utc (2024, 3, 8, 12, 45));
  g_assert_cmpint (session_start (f->store, "quirks", "quirk-3"), ==, utc (2024, 3, 30, 14, 0));
  g_assert_cmpint (session_start (f->store, "quirks", "quirk-4"), ==, utc (2024, 3, 31, 13, 0));
  /* The all-day test, with its unreadable end: a day, no time. */
  g_assert_cmpint (session_start (f->store, "quirks", "quirk-7"), ==, -1);
  {
    g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, "quirk-4", -1);
    g_autofree char *id = g_strdup_printf ("quirks-%.12s", hash);
    g_autoptr(PdSession) race = pd_store_get (f->store, PD_TYPE_SESSION, id, &error);

    g_assert_cmpint (pd_session_get_status (race), ==, PD_SESSION_STATUS_CANCELLED);
    g_assert_cmpint (pd_session_get_kind (race), ==, PD_SESSION_KIND_RACE);
    g_assert_cmpint (pd_session_get_duration_min (race), ==, 120);
  }
}

static void
test_real_calendars (Fixture       *f,
                     gconstpointer  data)
{
  const char *dir = g_getenv ("PADDOCK_CALENDARS_DIR");
  static const guint robin_lines[] = { 11, 6, 14, 22, 30, 38, 46, 55, 64, 73, 87, 1023, 1032, 1041, 1050, 1059 };
  static const struct {
    const char  *file;
    guint        sessions, rounds;
    const guint *lines;
    guint        n_lines;
  } files[] = {
    { "nixxo_MotoGP_2024_calendar.ics", 160, 20, NULL, 0 },
    { "nixxo_MotoGP_sprint-and-race_2024_calendar.ics", 40, 20, NULL, 0 },
    { "robinvenables_F1_2023.ics", 113, 23, robin_lines, G_N_ELEMENTS (robin_lines) },
  };

  if (dir == NULL)
    g_error ("PADDOCK_CALENDARS_DIR is not set (tests/meson.build sets it to ../shared/data/calendars/ics)");
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *path = g_build_filename (dir, files[i].file, NULL);
      g_autofree char *season_id = g_strdup_printf ("real-%u", i);
      PdIcsStats stats = { 0 };

      g_test_message ("%s", files[i].file);
      import_file (f->store, path, season_id, &stats);
      g_assert_cmpuint (stats.sessions, ==, files[i].sessions);
      g_assert_cmpuint (stats.rounds, ==, files[i].rounds);
      assert_problem_lines (&stats, files[i].lines, files[i].n_lines);
      pd_ics_stats_clear (&stats);
    }
  /* MotoGP Qatar 2024, FP1 at 15:45 in "UTC+03:00". */
  g_assert_cmpint (session_start (f->store, "real-0", "9d847b7f-5579-477b-a8e0-908bbee3d966@9d84.org"), ==,
                   utc (2024, 3, 8, 12, 45));
  /* F1 Australia 2023, FP1 at 12:30 in Australia/Melbourne (no
   * VTIMEZONE; summer time, UTC+11), and Saudi Arabia's race given in
   * Asia/Qatar at 20:00 (UTC+3). */
  g_assert_cmpint (session_start (f->store, "real-2", "cc093828-26ed-37bc-b3b2-51d50e6d35ae"), ==,
                   utc (2023, 3, 31, 1, 30));
  g_assert_cmpint (session_start (f->store, "real-2", "85775c56-70cd-32d6-a9d5-0317e82c50ac"), ==,
                   utc (2023, 3, 19, 17, 0));
}

static void
test_not_icalendar (Fixture       *f,
                    gconstpointer  data)
{
  static const char with_nul[] = "BEGIN:VCALENDAR\r\n\0BEGIN:VEVENT\r\n";
  static const char * const texts[] = {
    "",
    "{\"format\": \"paddock-season\"}",
    "BEGIN:VEVENT\r\nEND:VEVENT\r\n",
    with_nul,
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GListModel) seasons = NULL;
      PdIcsStats stats = { 0 };
      gsize length = i == 3 ? sizeof with_nul - 1 : strlen (texts[i]);

      g_assert_false (pd_ics_import (f->store, texts[i], length, "nothing", &stats, &error));
      g_assert_error (error, PD_ICS_ERROR, PD_ICS_ERROR_NOT_ICALENDAR);
      g_assert_cmpuint (stats.sessions, ==, 0);
      pd_ics_stats_clear (&stats);
      seasons = pd_store_list_seasons (f->store, &error);
      g_assert_cmpuint (g_list_model_get_n_items (seasons), ==, 0);
    }
}

static void
test_scan_lines (void)
{
  static const char text[] = "BEGIN:VCALENDAR\nBEGIN:VEVENT\r\nSUMMARY:a\r\n  folded\nDTSTART:20240101\r\n"
                             "DTEND:20240102\nEND:VEVENT\n\nBEGIN:VEVENT\nDTEND:1\nEND:VEVENT\nEND:VCALENDAR";
  gboolean is_calendar;
  g_autoptr(GArray) lines = pd_ics_scan_lines (text, strlen (text), &is_calendar);

  g_assert_true (is_calendar);
  g_assert_cmpuint (lines->len, ==, 2);
  g_assert_cmpuint (g_array_index (lines, PdIcsEventLines, 0).begin, ==, 2);
  g_assert_cmpuint (g_array_index (lines, PdIcsEventLines, 0).dtstart, ==, 5);
  g_assert_cmpuint (g_array_index (lines, PdIcsEventLines, 0).dtend, ==, 6);
  g_assert_cmpuint (g_array_index (lines, PdIcsEventLines, 1).begin, ==, 9);
  g_assert_cmpuint (g_array_index (lines, PdIcsEventLines, 1).dtstart, ==, 0);
  g_assert_cmpuint (g_array_index (lines, PdIcsEventLines, 1).dtend, ==, 10);
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  g_test_add_func ("/ics/scan-lines", test_scan_lines);
  pd_test_add_fixture ("/ics/export", &seeded_options, test_export, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/ics/round-trip", &seeded_options, test_round_trip, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/ics/quirks", &empty_options, test_quirks, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/ics/real-calendars", &empty_options, test_real_calendars, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/ics/not-icalendar", &empty_options, test_not_icalendar, NULL, PD_TEST_FLAGS_NONE);

  return g_test_run ();
}
