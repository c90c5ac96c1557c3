/* Tests of pd-reminder-plan: which session a driver is reminded of next,
 * and when, with fixed "now" instants on both sides of the European and
 * American changes of clock; which sessions belong to the user's car's
 * class; and the text of the notification, under the Swedish locale (the
 * times) with English and Swedish messages.
 *
 * Expected instants: Barcelona's Race 1 is 16:50 CEST = 14:50 UTC; Europe
 * left summer time on 29 October 2023 (03:00 CEST = 01:00 UTC) and began
 * it on 26 March 2023 (02:00 CET = 01:00 UTC); New York left it on
 * 5 November 2023 (02:00 EDT = 06:00 UTC). */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pd-database.h"
#include "pd-reminder-plan.h"
#include "pd-test.h"
#include "pd-time.h"

typedef PdTestFixture Fixture;

static const PdTestFixtureOptions fixture_options = {
  .name = "reminder-plan",
  .store = PD_TEST_STORE_SEEDED,
};

static GDateTime *
instant (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDateTime *dt = pd_time_parse_rfc3339 (text, &error);

  g_assert_no_error (error);
  return dt;
}

static char *saved_messages_locale;

static void
use_messages (const char *locale)
{
  saved_messages_locale = g_strdup (setlocale (LC_MESSAGES, NULL));
  g_assert_nonnull (setlocale (LC_MESSAGES, locale));
}

static void
restore_messages (void)
{
  setlocale (LC_MESSAGES, saved_messages_locale);
  g_clear_pointer (&saved_messages_locale, g_free);
}

static void
row_free (PdScheduleRow *row)
{
  g_clear_object (&row->round);
  g_clear_object (&row->circuit);
  g_clear_object (&row->session);
  g_free (row);
}

/* A row made up in memory: a session at @start_utc (NULL: time not
 * known) at a circuit in @zone (NULL: no circuit). */
static PdScheduleRow *
made_up_row (const char *id,
             const char *name,
             const char *start_utc,
             const char *zone)
{
  PdScheduleRow *row = g_new0 (PdScheduleRow, 1);
  g_autoptr(GDateTime) start = start_utc != NULL ? instant (start_utc) : NULL;

  row->round = pd_round_new ();
  pd_round_set_id (row->round, "r");
  pd_round_set_name (row->round, "Barcelona");
  if (zone != NULL)
    {
      row->circuit = pd_circuit_new ();
      pd_circuit_set_name (row->circuit, "Circuit de Barcelona-Catalunya");
      pd_circuit_set_zone (row->circuit, zone);
    }
  row->session = pd_session_new ();
  pd_session_set_id (row->session, id);
  pd_session_set_name (row->session, name);
  pd_session_set_start_utc (row->session, start);
  return row;
}

static GPtrArray *
made_up_rows (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
}

/* The ids of @rows, comma-separated. */
static char *
ids (GPtrArray *rows)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < rows->len; i++)
    {
      PdScheduleRow *row = rows->pdata[i];

      g_string_append_printf (out, "%s%s", i > 0 ? "," : "", pd_session_get_id (row->session));
    }
  return g_strdup (out->str);
}

/* The next reminder for @rows at @now: "WHEN ids", WHEN in UTC, or "none". */
static char *
plan (GPtrArray  *rows,
      const char *now,
      int         minutes,
      GHashTable *sent)
{
  g_autoptr(GDateTime) at = instant (now);
  g_autoptr(GDateTime) fire_at = NULL;
  g_autoptr(GPtrArray) due = pd_reminder_plan_next (rows, at, minutes, sent, &fire_at);
  g_autofree char *when = NULL;
  g_autofree char *list = NULL;

  g_assert_nonnull (due);
  if (fire_at == NULL)
    {
      g_assert_cmpuint (due->len, ==, 0);
      return g_strdup ("none");
    }
  g_assert_cmpuint (due->len, >, 0);
  when = pd_time_format_rfc3339 (fire_at);
  list = ids (due);
  return g_strdup_printf ("%s %s", when, list);
}

#define assert_plan(rows, now, minutes, sent, expected) \
  G_STMT_START { \
    g_autofree char *_got = plan (rows, now, minutes, sent); \
    g_assert_cmpstr (_got, ==, expected); \
  } G_STMT_END

/* The seeded season's Barcelona weekend, at the app test's "now"
 * (Saturday 12:00 UTC, after Qualifying 1). */
static void
test_seeded (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = instant ("2023-09-30T12:00:00Z");
  g_autoptr(GPtrArray) rows = pd_schedule_collect (f->store, PD_DEFAULT_SEASON_ID, 0, NULL, &error);
  g_autoptr(GHashTable) sent = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_assert_no_error (error);
  /* Race 1, 16:50 CEST: 10 minutes before is 14:40 UTC. Qualifying 2's
   * time was never published: no reminder. */
  assert_plan (rows, "2023-09-30T12:00:00Z", 10, NULL, "2023-09-30T14:40:00Z gt4-european-2023.r6.race1");
  assert_plan (rows, "2023-09-30T12:00:00Z", 60, NULL, "2023-09-30T13:50:00Z gt4-european-2023.r6.race1");
  /* Off. */
  assert_plan (rows, "2023-09-30T12:00:00Z", 0, NULL, "none");
  /* Opened 5 minutes before the start, with a 10-minute reminder: at once. */
  assert_plan (rows, "2023-09-30T14:45:00Z", 10, NULL, "2023-09-30T14:45:00Z gt4-european-2023.r6.race1");
  /* Once sent, the next is Race 2 (Sunday 11:20 CEST = 09:20 UTC). */
  g_hash_table_add (sent, g_strdup ("gt4-european-2023.r6.race1@2023-09-30T14:50:00Z"));
  assert_plan (rows, "2023-09-30T14:45:00Z", 10, sent, "2023-10-01T09:10:00Z gt4-european-2023.r6.race2");
  /* A session started is never reminded of. */
  assert_plan (rows, "2023-09-30T14:50:00Z", 10, NULL, "2023-10-01T09:10:00Z gt4-european-2023.r6.race2");
  /* The key names the start, so a moved session is reminded of again. */
  {
    PdScheduleRow *race1 = NULL;
    g_autofree char *key = NULL;

    for (guint i = 0; i < rows->len; i++)
      if (g_str_equal (pd_session_get_id (((PdScheduleRow *) rows->pdata[i])->session), "gt4-european-2023.r6.race1"))
        race1 = rows->pdata[i];
    g_assert_nonnull (race1);
    key = pd_reminder_key (race1);
    g_assert_cmpstr (key, ==, "gt4-european-2023.r6.race1@2023-09-30T14:50:00Z");
    {
      g_autoptr(GDateTime) later = instant ("2023-09-30T15:05:00Z");
      pd_session_set_start_utc (race1->session, later);
    }
    assert_plan (rows, "2023-09-30T14:45:00Z", 10, sent, "2023-09-30T14:55:00Z gt4-european-2023.r6.race1");
  }
  /* After the last round: the cancelled Vallelunga event (28 October)
   * has no reminder, nothing is left. */
  assert_plan (rows, "2023-10-01T12:00:00Z", 10, NULL, "none");
}

/* The season's sessions per class: named in the session's name. */
static void
add_session (PdStore    *store,
             const char *id,
             const char *name,
             const char *start_utc,
             int         position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSession) session = pd_session_new ();
  g_autoptr(GDateTime) start = instant (start_utc);

  pd_session_set_id (session, id);
  pd_session_set_round_id (session, "gt4-european-2023.r6");
  pd_session_set_kind (session, PD_SESSION_KIND_WARM_UP);
  pd_session_set_name (session, name);
  pd_session_set_position (session, position);
  pd_session_set_start_utc (session, start);
  pd_session_set_start_date (session, "2023-09-30");
  g_assert_true (pd_store_save (store, G_OBJECT (session), &error));
  g_assert_no_error (error);
}

static char *
plan_for_car (PdStore    *store,
              const char *entry_id,
              const char *now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) at = instant (now);
  g_autoptr(GPtrArray) rows = pd_schedule_collect (store, PD_DEFAULT_SEASON_ID, 6, at, &error);
  g_autoptr(GDateTime) fire_at = NULL;
  g_autoptr(GPtrArray) due = NULL;
  g_autofree char *all = NULL;
  g_autofree char *when = NULL;
  g_autofree char *first = NULL;

  g_assert_no_error (error);
  g_assert_true (pd_schedule_keep_entry (store, rows, PD_DEFAULT_SEASON_ID, entry_id, &error));
  g_assert_no_error (error);
  all = ids (rows);
  due = pd_reminder_plan_next (rows, at, 10, NULL, &fire_at);
  g_assert_nonnull (fire_at);
  when = pd_time_format_rfc3339 (fire_at);
  first = ids (due);
  return g_strdup_printf ("%s %s | %s", when, first, all);
}

static void
test_my_car (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *silver = NULL;
  g_autofree char *pro_am = NULL;
  g_autofree char *am = NULL;
  g_autofree char *no_class = NULL;
  g_autofree char *anyone = NULL;
  g_autofree char *gone = NULL;

  /* Without class sessions, every car is reminded of every session. */
  g_assert_cmpstr ((no_class = plan_for_car (f->store, "gt4-european-2023.36", "2023-09-30T12:00:00Z")), ==,
                   "2023-09-30T14:40:00Z gt4-european-2023.r6.race1 | "
                   "gt4-european-2023.r6.q2,gt4-european-2023.r6.race1,gt4-european-2023.r6.race2");
  g_clear_pointer (&no_class, g_free);

  add_session (f->store, "r6.wu-pro-am", "Warm-up Pro-Am", "2023-09-30T13:00:00Z", 10);
  add_session (f->store, "r6.wu-silver", "Warm-up (Silver)", "2023-09-30T13:30:00Z", 11);
  add_session (f->store, "r6.wu-am", "AM warm-up", "2023-09-30T14:00:00Z", 12);
  add_session (f->store, "r6.test-silver-am", "Test – Silver/Am", "2023-09-30T14:10:00Z", 13);
  add_session (f->store, "r6.amateur", "Amateur parade", "2023-09-30T14:20:00Z", 14);

  /* #2, Silver: its own warm-up and the test for Silver and Am. */
  silver = plan_for_car (f->store, "gt4-european-2023.2", "2023-09-30T12:00:00Z");
  g_assert_cmpstr (silver, ==, "2023-09-30T13:20:00Z r6.wu-silver | gt4-european-2023.r6.q2,gt4-european-2023.r6.race1,"
                               "gt4-european-2023.r6.race2,r6.wu-silver,r6.test-silver-am,r6.amateur");
  /* #36, Pro-Am: "Pro-Am" is its class, and not the Am class's. */
  pro_am = plan_for_car (f->store, "gt4-european-2023.36", "2023-09-30T12:00:00Z");
  g_assert_cmpstr (pro_am, ==, "2023-09-30T12:50:00Z r6.wu-pro-am | gt4-european-2023.r6.q2,"
                               "gt4-european-2023.r6.race1,gt4-european-2023.r6.race2,r6.wu-pro-am,r6.amateur");
  /* #10, Am: "AM warm-up" in any case, not "Pro-Am", not "Amateur". */
  am = plan_for_car (f->store, "gt4-european-2023.10", "2023-09-30T12:00:00Z");
  g_assert_cmpstr (am, ==, "2023-09-30T13:50:00Z r6.wu-am | gt4-european-2023.r6.q2,gt4-european-2023.r6.race1,"
                           "gt4-european-2023.r6.race2,r6.wu-am,r6.test-silver-am,r6.amateur");
  /* #5 has no class: only the sessions for every car. */
  no_class = plan_for_car (f->store, "gt4-european-2023.5", "2023-09-30T12:00:00Z");
  g_assert_cmpstr (no_class, ==, "2023-09-30T14:10:00Z r6.amateur | gt4-european-2023.r6.q2,"
                                 "gt4-european-2023.r6.race1,gt4-european-2023.r6.race2,r6.amateur");
  /* No car, or a car no longer in the list: everything. */
  anyone = plan_for_car (f->store, NULL, "2023-09-30T12:00:00Z");
  g_assert_cmpstr (anyone, ==, "2023-09-30T12:50:00Z r6.wu-pro-am | gt4-european-2023.r6.q2,"
                               "gt4-european-2023.r6.race1,gt4-european-2023.r6.race2,r6.wu-pro-am,"
                               "r6.wu-silver,r6.wu-am,r6.test-silver-am,r6.amateur");
  gone = plan_for_car (f->store, "no-such-car", "2023-09-30T12:00:00Z");
  g_assert_cmpstr (gone, ==, anyone);
}

static void
test_class_index (void)
{
  const char * const classes[] = { "Silver", "Pro-Am", "Am", NULL };

  g_assert_cmpint (pd_session_class_index ("Qualifying Pro-Am", classes), ==, 1);
  g_assert_cmpint (pd_session_class_index ("Qualifying – Am", classes), ==, 2);
  g_assert_cmpint (pd_session_class_index ("SILVER CUP RACE", classes), ==, 0);
  g_assert_cmpint (pd_session_class_index ("Race 1", classes), ==, -1);
  g_assert_cmpint (pd_session_class_index ("Amateur test", classes), ==, -1);
  /* Two classes: not one class's. */
  g_assert_cmpint (pd_session_class_index ("Silver and Am qualifying", classes), ==, -1);
  g_assert_cmpint (pd_session_class_index (NULL, classes), ==, -1);
}

/* Across Europe's change of clock in October: the session is at 10:00
 * CET on the Sunday the clocks went back; Saturday evening's "now" is
 * still summer time there, New York's too. */
static void
test_dst_autumn (void)
{
  g_autoptr(GPtrArray) rows = made_up_rows ();
  g_autoptr(GTimeZone) new_york = pd_time_zone_new ("America/New_York", NULL);
  g_autoptr(GDateTime) now = instant ("2023-10-28T22:00:00Z");
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_ptr_array_add (rows, made_up_row ("sun", "Race 2", "2023-10-29T09:00:00Z", "Europe/Madrid"));
  g_ptr_array_add (rows, made_up_row ("night", "Night practice", "2023-10-29T00:30:00Z", "Europe/Madrid"));
  g_ptr_array_add (rows, made_up_row ("tbc", "Qualifying", NULL, "Europe/Madrid"));

  assert_plan (rows, "2023-10-28T22:00:00Z", 30, NULL, "2023-10-29T00:00:00Z night");
  /* The night session over, the reminder of the Sunday race is 30
   * minutes before 10:00 CET, i.e. 08:30 UTC (not 07:30: no longer
   * summer time). */
  assert_plan (rows, "2023-10-29T00:30:00Z", 30, NULL, "2023-10-29T08:30:00Z sun");

  use_messages ("en_US.UTF-8");
  pd_reminder_describe (rows->pdata[0], now, new_york, &title, &body);
  /* 11 hours before. */
  g_assert_cmpstr (title, ==, "Race 2 starts in 660 minutes");
  g_assert_cmpstr (body, ==, "Barcelona · Circuit de Barcelona-Catalunya\n"
                             "10:00 CET at the track · 05:00 EDT your time");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  /* Before the change: 02:30 CEST at the track. */
  pd_reminder_describe (rows->pdata[1], now, new_york, &title, &body);
  g_assert_cmpstr (body, ==, "Barcelona · Circuit de Barcelona-Catalunya\n"
                             "02:30 CEST at the track · 20:30 EDT your time");
  restore_messages ();
}

/* Across the change of clock in March, when Europe and America are three
 * weeks apart. The reminder of a 09:00 CEST session, an hour before, is
 * 06:00 UTC, fixed from a "now" still in winter time. */
static void
test_dst_spring (void)
{
  g_autoptr(GPtrArray) rows = made_up_rows ();
  g_autoptr(GTimeZone) stockholm = pd_time_zone_new ("Europe/Stockholm", NULL);
  g_autoptr(GTimeZone) new_york = pd_time_zone_new ("America/New_York", NULL);
  g_autoptr(GDateTime) now = instant ("2023-03-26T06:00:00Z");
  g_autoptr(GDateTime) late = instant ("2023-03-26T06:59:30Z");
  g_autoptr(GDateTime) start = instant ("2023-03-26T07:00:00Z");
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;

  g_ptr_array_add (rows, made_up_row ("fp1", "Free Practice 1", "2023-03-26T07:00:00Z", "Europe/Madrid"));
  g_ptr_array_add (rows, made_up_row ("fp1-other", "Free Practice 1", "2023-03-26T07:00:00Z", "Europe/London"));
  g_ptr_array_add (rows, made_up_row ("away", "Race", "2023-03-26T07:00:00Z", NULL));

  /* Three sessions at the same instant: one reminder time for all. */
  assert_plan (rows, "2023-03-25T23:30:00Z", 60, NULL, "2023-03-26T06:00:00Z fp1,fp1-other,away");

  use_messages ("en_US.UTF-8");
  pd_reminder_describe (rows->pdata[0], now, new_york, &title, &body);
  g_assert_cmpstr (title, ==, "Free Practice 1 starts in 60 minutes");
  g_assert_cmpstr (body, ==, "Barcelona · Circuit de Barcelona-Catalunya\n"
                             "09:00 CEST at the track · 03:00 EDT your time");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  /* London went to BST the same night; a Stockholm user is an hour ahead. */
  pd_reminder_describe (rows->pdata[1], now, stockholm, &title, &body);
  g_assert_cmpstr (body, ==, "Barcelona · Circuit de Barcelona-Catalunya\n"
                             "08:00 BST at the track · 09:00 CEST your time");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  /* Without a track, only the user's time. 30 seconds left: "1 minute". */
  pd_reminder_describe (rows->pdata[2], late, stockholm, &title, &body);
  g_assert_cmpstr (title, ==, "Race starts in 1 minute");
  g_assert_cmpstr (body, ==, "Barcelona\n09:00 CEST your time");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  restore_messages ();

  /* In Swedish. */
  use_messages ("sv_SE.UTF-8");
  pd_reminder_describe (rows->pdata[0], now, new_york, &title, &body);
  g_assert_cmpstr (title, ==, "Free Practice 1 börjar om 60 minuter");
  g_assert_cmpstr (body, ==, "Barcelona · Circuit de Barcelona-Catalunya\n"
                             "09:00 CEST på banan · 03:00 EDT din tid");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&body, g_free);
  pd_reminder_describe (rows->pdata[0], start, new_york, &title, &body);
  restore_messages ();
  g_assert_cmpstr (title, ==, "Free Practice 1 börjar nu");
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
  /* The times are formatted the Swedish way, whatever the messages. */
  g_assert_cmpstr (setlocale (LC_TIME, NULL), ==, "sv_SE.UTF-8");

  pd_test_add_fixture ("/reminder-plan/seeded", &fixture_options, test_seeded, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/reminder-plan/my-car", &fixture_options, test_my_car, NULL, PD_TEST_FLAGS_NONE);
  g_test_add_func ("/reminder-plan/class-index", test_class_index);
  g_test_add_func ("/reminder-plan/dst-autumn", test_dst_autumn);
  g_test_add_func ("/reminder-plan/dst-spring", test_dst_spring);

  return g_test_run ();
}
