/* Tests of the standings sheet (pd-standings-sheet.c), read back from the
 * PDF through pdftotext -layout: the seeded GT4 season in a section per
 * class, and a made-up club season of 62 cars and 12 races that breaks
 * across pages (header repeated, page X of Y), goes landscape and drops
 * each driver's two worst results (in brackets). The test runs under
 * LC_ALL=sv_SE.UTF-8 (tests/meson.build), so the sheet is Swedish. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pd-standings-sheet.h"
#include "pd-test.h"

static const PdTestFixtureOptions seeded_store = {
  .name = "sheet",
  .store = PD_TEST_STORE_SEEDED,
};

static const PdTestFixtureOptions empty_store = {
  .name = "sheet",
  .store = PD_TEST_STORE_EMPTY,
};

#define N_CARS   62
#define N_ROUNDS 12

static char *
write_sheet_after (PdTestFixture   *f,
                   const char      *season_id,
                   PdStandingsKind  kind,
                   const char      *class_id,
                   int              after_round,
                   PdPaper          paper,
                   char           **info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStandingsSheet) sheet = pd_standings_sheet_new (f->store, season_id, kind, class_id, after_round,
                                                              &error);
  g_autofree char *name = g_strdup_printf ("%s-%d-%d%s.pdf", season_id, kind, after_round,
                                           paper == PD_PAPER_A4 ? "-a4" : "");

  g_assert_no_error (error);
  return pd_test_write_sheet ((PdSheet *) sheet, f->dir, name, paper, info);
}

static char *
write_sheet (PdTestFixture   *f,
             const char      *season_id,
             PdStandingsKind  kind,
             const char      *class_id,
             PdPaper          paper,
             char           **info)
{
  return write_sheet_after (f, season_id, kind, class_id, 0, paper, info);
}

static void
test_paper (void)
{
  PdPaper paper = PD_PAPER_LETTER;
  double width, height;

  g_assert_true (pd_paper_from_string ("A4", &paper));
  g_assert_cmpint (paper, ==, PD_PAPER_A4);
  g_assert_true (pd_paper_from_string ("letter", &paper));
  g_assert_cmpint (paper, ==, PD_PAPER_LETTER);
  g_assert_false (pd_paper_from_string ("a5", &paper));
  g_assert_false (pd_paper_from_string (NULL, &paper));

  pd_paper_get_size (PD_PAPER_LETTER, &width, &height);
  g_assert_cmpfloat (width, ==, 612);
  g_assert_cmpfloat (height, ==, 792);

  /* sv_SE prints on A4. */
  g_assert_cmpint (pd_paper_default (), ==, PD_PAPER_A4);
}

/* The seeds: the Silver and Pro-Am classes, each a section; #2 Schrey and
 * Piana, 43 points (18 + 25 at Barcelona), sharing first place. */
static void
test_seeded (PdTestFixture *f,
             gconstpointer  data)
{
  g_autofree char *info = NULL;
  g_autofree char *text = write_sheet (f, "gt4-european-2023", PD_STANDINGS_DRIVERS, NULL, PD_PAPER_A4, &info);
  g_autofree char *entries = NULL;

  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "(A4)"));
  g_assert_nonnull (strstr (info, "GT4 European Series 2023"));   /* the PDF's title */
  g_assert_nonnull (strstr (text, "GT4 European Series 2023"));
  g_assert_nonnull (strstr (text, "Förarställning efter omgång 6 av 6: Barcelona, 1 oktober 2023"));
  g_assert_nonnull (strstr (text, "Omgångar: 3 Spa-Francorchamps · 6 Barcelona"));
  g_assert_nonnull (strstr (text, "\nSilver\n"));
  g_assert_nonnull (strstr (text, "\nPro-Am\n"));
  /* Cars without a class (#5, #77, #78) in a section of their own, last,
   * without title maths. */
  g_assert_nonnull (strstr (text, "\nUtan klass\n"));
  g_assert_true (g_regex_match_simple ("Utan klass\\n[^\\0]*Jamie Day +5 +Mirage Racing", text, 0, 0));
  g_assert_null (strstr (text, "Titeln i Utan klass"));
  g_assert_nonnull (strstr (text, "Plac. Förare"));
  g_assert_nonnull (strstr (text, "Poäng"));
  g_assert_true (g_regex_match_simple ("=1 +Michael Schrey +2 +Hofor Racing by Bonk Motorsport +18 +25 +43\n",
                                       text, 0, 0));
  g_assert_true (g_regex_match_simple ("Jessica Bäckman +SE ", text, 0, 0));
  g_assert_nonnull (strstr (text, "Sida 1 av 1"));

  /* The cars of one class: crews, numbers and teams. */
  entries = write_sheet (f, "gt4-european-2023", PD_STANDINGS_ENTRIES, "gt4-european-2023.silver",
                         PD_PAPER_LETTER, &info);
  g_assert_nonnull (strstr (info, "612 x 792"));
  g_assert_nonnull (strstr (entries, "Bilställning"));
  g_assert_true (g_regex_match_simple ("1 +2 +Michael Schrey / Gabriele Piana +Hofor", entries, 0, 0));
  g_assert_nonnull (strstr (entries, "Andreas Bäckman / Jessica Bäckman"));
  g_assert_null (strstr (entries, "Pro-Am"));
}

static const char * const first_names[] = {
  "Kimi", "Jessica", "Ayrton", "Åsa", "Mika", "Sébastien", "Jenson", "Émilie", "Nico", "Zoë", "Björn",
};
static const char * const last_names[] = {
  "Räikkönen", "Bäckman", "Senna", "Öberg", "Häkkinen", "Loeb", "Button", "Dupré", "Rosberg", "Åkesson",
  "Grönholm", "Ekström", "Nyström", "Lindqvist", "Peterson", "Nilsson", "Svensson", "Larsson", "Müller",
  "Jönsson", "Ståhl", "Fröberg", "Kärrstedt", "Wästberg", "Ågren", "Sjöberg", "Hellström", "Björklund",
  "Lundgren", "Dahlström", "Eklöf",
};

static gboolean
save (PdStore  *store,
      gpointer  record,
      GError  **error)
{
  gboolean saved = pd_store_save (store, G_OBJECT (record), error);

  g_object_unref (record);
  return saved;
}

/* A club season: 62 cars in 31 teams, 12 races, points for the first 30
 * (30, 29, ... 1), the best 10 results count, and a 5-point deduction. */
static gboolean
make_club_season_cb (PdStore   *store,
                     gpointer   user_data,
                     GError   **error)
{
  static const char rules[] =
    "{ \"format\": \"paddock-rules\", \"version\": 1, \"id\": \"club\", \"name\": \"Club\","
    "  \"drivers\": { \"race\": { \"points\": [30, 29, 28, 27, 26, 25, 24, 23, 22, 21, 20, 19, 18, 17, 16,"
    "                                     15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1] },"
    "                \"shared_cars\": \"split\", \"counting\": { \"best\": 10 } },"
    "  \"tie_break\": \"countback\", \"teams\": { \"enabled\": false },"
    "  \"adjustments\": [ { \"championship\": \"drivers\", \"id\": \"club.d3\", \"kind\": \"deduct\","
    "                     \"points\": 5, \"source\": \"Stewards’ decision 12\" } ] }";
  PdSeries *series = pd_series_new ();
  PdSeason *season = pd_season_new ();

  pd_series_set_id (series, "club");
  pd_series_set_name (series, "Nordic Club Series");
  if (!save (store, series, error))
    return FALSE;
  pd_season_set_id (season, "club-2024");
  pd_season_set_series_id (season, "club");
  pd_season_set_name (season, "Nordic Club Series 2024");
  pd_season_set_year (season, 2024);
  pd_season_set_rules (season, rules);
  if (!save (store, season, error))
    return FALSE;

  for (int t = 0; t < N_CARS / 2; t++)
    {
      PdTeam *team = pd_team_new ();
      g_autofree char *id = g_strdup_printf ("club.t%d", t);
      g_autofree char *name = g_strdup_printf ("Team %s Racing", last_names[t % G_N_ELEMENTS (last_names)]);

      pd_team_set_id (team, id);
      pd_team_set_name (team, name);
      if (!save (store, team, error))
        return FALSE;
    }

  for (int c = 0; c < N_CARS; c++)
    {
      PdDriver *driver = pd_driver_new ();
      PdEntry *entry = pd_entry_new ();
      g_autofree char *driver_id = g_strdup_printf ("club.d%d", c);
      g_autofree char *entry_id = g_strdup_printf ("club.e%d", c);
      g_autofree char *team_id = g_strdup_printf ("club.t%d", c / 2);
      g_autofree char *number = g_strdup_printf ("%d", c + 1);
      const char *crew[] = { driver_id, NULL };

      pd_driver_set_id (driver, driver_id);
      pd_driver_set_first_name (driver, first_names[c % G_N_ELEMENTS (first_names)]);
      pd_driver_set_last_name (driver, last_names[c % G_N_ELEMENTS (last_names)]);
      pd_driver_set_nationality (driver, c % 3 == 0 ? "FI" : "SE");
      if (!save (store, driver, error))
        return FALSE;
      pd_entry_set_id (entry, entry_id);
      pd_entry_set_season_id (entry, "club-2024");
      pd_entry_set_number (entry, number);
      pd_entry_set_team_id (entry, team_id);
      pd_entry_set_crew_ids (entry, crew);
      if (!save (store, entry, error))
        return FALSE;
    }

  for (int r = 1; r <= N_ROUNDS; r++)
    {
      PdRound *round = pd_round_new ();
      PdSession *session = pd_session_new ();
      g_autofree char *round_id = g_strdup_printf ("club.r%d", r);
      g_autofree char *session_id = g_strdup_printf ("club.r%d.race", r);
      g_autofree char *name = g_strdup_printf ("Ring %d", r);
      g_autofree char *date = g_strdup_printf ("2024-%02d-15", r);

      pd_round_set_id (round, round_id);
      pd_round_set_season_id (round, "club-2024");
      pd_round_set_number (round, r);
      pd_round_set_name (round, name);
      pd_round_set_start_date (round, date);
      pd_round_set_end_date (round, date);
      if (!save (store, round, error))
        return FALSE;
      pd_session_set_id (session, session_id);
      pd_session_set_round_id (session, round_id);
      pd_session_set_kind (session, PD_SESSION_KIND_RACE);
      pd_session_set_name (session, "Race");
      pd_session_set_position (session, 1);
      pd_session_set_final (session, TRUE);
      if (!save (store, session, error))
        return FALSE;

      /* Car 1 (Räikkönen) wins all but the last two races, where it is
       * 12th and 13th: those two are the ones dropped. The rest rotate. */
      for (int p = 0; p < N_CARS; p++)
        {
          PdResult *result = pd_result_new ();
          g_autofree char *result_id = g_strdup_printf ("club.r%d.%d", r, p);
          g_autofree char *car_id = NULL;
          int car;

          if (r <= N_ROUNDS - 2)
            car = p == 0 ? 0 : 1 + (p - 1 + r * 5) % (N_CARS - 1);
          else if (p == 10 + (r - N_ROUNDS + 2))
            car = 0;
          else
            {
              int slot = p < 10 + (r - N_ROUNDS + 2) ? p : p - 1;
              car = 1 + (slot + r * 5) % (N_CARS - 1);
            }
          car_id = g_strdup_printf ("club.e%d", car);
          pd_result_set_id (result, result_id);
          pd_result_set_session_id (result, session_id);
          pd_result_set_entry_id (result, car_id);
          pd_result_set_status (result, PD_RESULT_STATUS_CLASSIFIED);
          pd_result_set_position (result, p + 1);
          pd_result_set_grid (result, p + 1);
          pd_result_set_fastest_lap (result, p == 1);
          if (!save (store, result, error))
            return FALSE;
        }
    }
  return TRUE;
}

static void
test_full_field (PdTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  g_assert_true (pd_store_transaction (f->store, make_club_season_cb, NULL, &error));
  g_assert_no_error (error);

  text = write_sheet (f, "club-2024", PD_STANDINGS_DRIVERS, NULL, PD_PAPER_A4, &info);

  /* Twelve race columns wide enough for "(19)" do not fit upright: A4
   * landscape. */
  g_assert_nonnull (strstr (info, "841.89 x 595.276 pts (A4)"));
  pages = pd_test_sheet_pages (text, info);
  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, >=, 2);

  for (guint p = 0; p < n_pages; p++)
    {
      g_assert_nonnull (strstr (pages[p], "Nordic Club Series 2024"));
      g_assert_nonnull (strstr (pages[p], "Förarställning efter omgång 12 av 12"));
      g_assert_cmpuint (pd_test_count (pages[p], "Plac. Förare"), ==, pd_test_count (pages[p], "\nTotalt"));
    }
  g_assert_cmpuint (pd_test_count (pages[0], "\nTotalt\n"), ==, 1);
  g_assert_cmpuint (pd_test_count (pages[1], "\nTotalt (forts.)\n"), ==, 1);

  /* Every car, once. */
  for (int c = 0; c < N_CARS; c++)
    {
      g_autofree char *pattern = g_strdup_printf ("\\s%s %s\\s+%d\\s", first_names[c % G_N_ELEMENTS (first_names)],
                                                  last_names[c % G_N_ELEMENTS (last_names)], c + 1);
      g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
      g_autoptr(GMatchInfo) match = NULL;
      int found = 0;

      for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        found++;
      g_assert_cmpint (found, ==, 1);
    }

  /* Räikkönen: ten wins, 300 points; his 12th and 13th places (19 and
   * 18) are dropped, in brackets. */
  g_assert_true (g_regex_match_simple ("\n +1 Kimi Räikkönen +1 +Team Räikkönen Racing +FI( +30){10} +\\(19\\) +\\(18\\) +300\n",
                                       text, 0, 0));
  g_assert_nonnull (strstr (text, "Jessica Bäckman"));

  /* The deduction, with its source, and what the marks mean. */
  g_assert_nonnull (strstr (text, "club.d3: 5 poäng avdragna (Stewards’ decision 12)"));
  g_assert_nonnull (strstr (text, "ett struket resultat som inte räknas"));
  g_assert_nonnull (strstr (text, "Omgångar: 1 Ring 1 · 2 Ring 2"));
}

/* The title maths under each section: open in the seeded season (its
 * rounds without results count as still to come), and in the club season
 * after two rounds; decided at round 8 of 12 at the end. */
static void
test_title (PdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *seeded = write_sheet (f, "gt4-european-2023", PD_STANDINGS_DRIVERS, NULL, PD_PAPER_A4, NULL);
  g_autofree char *early = NULL;
  g_autofree char *end = NULL;
  g_autofree char *silver = NULL;

  /* Silver: 210 points in rounds 1, 2, 4, 5 and 6 (four rounds of 1 + 1
   * + 25 + 25, and Barcelona's two qualifyings); #2's crew level in the
   * lead, #3's 18 behind. Then the Pro-Am section's own. */
  silver = g_strstr_len (seeded, -1, "\nPro-Am\n") != NULL
           ? g_strndup (seeded, g_strstr_len (seeded, -1, "\nPro-Am\n") - seeded) : NULL;
  g_assert_nonnull (silver);
  g_assert_nonnull (strstr (silver, "\nTiteln i Silver: 210 poäng kvar att ta i 5 omgångar\n"
                                    "Gabriele Piana: Delar ledningen på lika poäng\n"
                                    "Michael Schrey: Delar ledningen på lika poäng\n"
                                    "Benjamin Lariche: Måste ta in 18 poäng på Gabriele Piana\n"));
  g_assert_nonnull (strstr (silver, "\nDet kan också den som ännu inte tagit poäng.\n"));
  g_assert_nonnull (strstr (silver, "Pass i omgångar som redan körts men som saknar resultat räknas som kvar"));
  g_assert_nonnull (strstr (seeded, "\nTiteln i Pro-Am: 210 poäng kvar att ta i 5 omgångar\n"));

  g_assert_true (pd_store_transaction (f->store, make_club_season_cb, NULL, &error));
  g_assert_no_error (error);

  /* After round 2: Räikkönen 60 (two wins), car 2 53 (a 24, then a
   * 29); ten races of 30 left, so all 62 can still win: ten named, the
   * rest counted. */
  early = write_sheet_after (f, "club-2024", PD_STANDINGS_DRIVERS, NULL, 2, PD_PAPER_A4, NULL);
  g_assert_nonnull (strstr (early, "\nTiteln: 300 poäng kvar att ta i 10 omgångar\n"
                                   "Kimi Räikkönen: Leder med 7 poäng\n"));
  g_assert_nonnull (strstr (early, "\n52 till kan fortfarande vinna\n"));
  g_assert_null (strstr (early, "Ur räkningen"));

  /* At the end: Räikkönen 30 a win, each other car's points rising by 5
   * a race to 29 at best, so with the best ten counting no one could
   * reach his 240 after round 8 (four wins and the best six of eight:
   * 120 + 29 + 24 + 19 + 14 + 9 + 4 = 219); after round 7 one could
   * (150 + 95 = 245 over his 210). */
  end = write_sheet (f, "club-2024", PD_STANDINGS_DRIVERS, NULL, PD_PAPER_A4, NULL);
  g_assert_nonnull (strstr (end, "\nTiteln: Avgjord i omgång 8; mästare: Kimi Räikkönen\n"));
  g_assert_null (strstr (end, "Leder med"));
}

/* A season without a result: one page that says so. */
static void
test_no_results (PdTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStandingsSheet) sheet = NULL;
  g_autofree char *path = g_build_filename (f->dir, "none.pdf", NULL);
  g_autofree char *text = NULL;
  PdSeason *season = pd_season_new ();

  pd_season_set_id (season, "empty");
  pd_season_set_name (season, "Tom säsong");
  pd_season_set_rules_id (season, "club-dropped-rounds");
  g_assert_true (save (f->store, season, &error));
  sheet = pd_standings_sheet_new (f->store, "empty", PD_STANDINGS_TEAMS, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_standings_sheet_paginate (sheet, 612, 792), ==, 1);
  g_assert_true (pd_standings_sheet_write_pdf (sheet, path, PD_PAPER_LETTER, &error));
  text = pd_test_pdf_text (path);
  g_assert_nonnull (strstr (text, "Teamställning före första omgången"));
  g_assert_nonnull (strstr (text, "Sida 1 av 1"));

  /* A season that is not there; a folder that is not there. */
  g_assert_null (pd_standings_sheet_new (f->store, "nope", PD_STANDINGS_DRIVERS, NULL, 0, &error));
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_free (path);
  path = g_build_filename (f->dir, "no-such-folder", "x.pdf", NULL);
  g_assert_false (pd_standings_sheet_write_pdf (sheet, path, PD_PAPER_A4, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

int
main (int    argc,
      char **argv)
{
  pd_test_init (&argc, &argv);

  g_test_add_func ("/sheet/paper", test_paper);
  pd_test_add_fixture ("/sheet/seeded", &seeded_store, test_seeded, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sheet/full-field", &empty_store, test_full_field, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sheet/no-results", &empty_store, test_no_results, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/sheet/title", &seeded_store, test_title, NULL, PD_TEST_FLAGS_NONE);

  return g_test_run ();
}
