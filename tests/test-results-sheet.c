/* Tests of a session's results sheet (pd-results-sheet.c), read back
 * from the PDF through pdftotext -layout: the seeded Spa Race 2 with its
 * +11 s penalty as a note; the Al Kamel fixture of the same race with
 * times, gaps, laps down, the fastest lap, a not-classified and a
 * not-started car, and a penalty with its document; a made-up field of 62
 * cars that goes on to a second page, repeating its header; and a session
 * without results. The test runs under LC_ALL=sv_SE.UTF-8
 * (tests/meson.build), so the sheet is Swedish. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <string.h>

#include "pd-alkamel.h"
#include "pd-results-editor.h"
#include "pd-results-sheet.h"
#include "pd-results-table.h"
#include "pd-test.h"

static const PdTestFixtureOptions seeded_store = {
  .name = "results-sheet",
  .store = PD_TEST_STORE_SEEDED,
};

static const PdTestFixtureOptions empty_store = {
  .name = "results-sheet",
  .store = PD_TEST_STORE_EMPTY,
};

/* Writes the sheet of @session_id and reads it back; @info gets what
 * pdfinfo says of it. */
static char *
write_sheet (PdTestFixture  *f,
             const char     *session_id,
             PdPaper         paper,
             char          **info)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSheet) sheet = pd_results_sheet_new (f->store, session_id, &error);
  g_autofree char *name = g_strdup_printf ("results-%s.pdf", session_id);

  g_assert_no_error (error);
  return pd_test_write_sheet (sheet, f->dir, name, paper, info);
}

static void
assert_matches (const char *pattern,
                const char *text)
{
  if (!g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0))
    g_error ("/%s/ is not in the sheet", pattern);
}

/* The seeds' Spa Race 2, as the Bäckman release gives it: 26th overall
 * and 20th in Silver after +11 s for a pit stop 0.3 s under the minimum,
 * 18th on the road; no laps or times were published. */
static void
test_seeded (PdTestFixture *f,
             gconstpointer  data)
{
  g_autofree char *info = NULL;
  g_autofree char *text = write_sheet (f, "gt4-european-2023.r3.race2", PD_PAPER_A4, &info);

  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "595.276 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "GT4 European Series 2023"));
  g_assert_nonnull (strstr (text, "GT4 European Series 2023"));
  g_assert_nonnull (strstr (text, "Omgång 3, Spa-Francorchamps: Race 2"));
  g_assert_nonnull (strstr (text, "Circuit de Spa-Francorchamps, Stavelot, Belgium · 2 juli 2023 · 60 minuter"));
  g_assert_nonnull (strstr (text, "Slutgiltig resultatlista"));
  g_assert_null (strstr (text, "Preliminär"));
  assert_matches ("^ *Plac\\. +Klass +I klass +Förare +Bil +Anm\\.$", text);
  assert_matches ("^ *26 +Silver +20 +Jessica Bäckman / Andreas Bäckman +Aston Martin Vantage GT4 +\\[1\\]$", text);
  /* The note: the place on the road, then the penalty's kind, value and
   * reason. */
  assert_matches ("^\\[1\\] Jessica Bäckman / Andreas Bäckman: 18 på vägen; Tidsstraff, \\+11 s: "
                  "Pit stop 0.3 s under the minimum time$", text);
  g_assert_nonnull (strstr (text, "Sida 1 av 1"));
}

static void
import_fixture (PdTestFixture *f,
                const char    *file,
                const char    *season_id,
                int            round,
                const char    *session_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "alkamel", file, NULL);
  g_autofree char *data = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  g_assert_true (pd_alkamel_import (f->store, file, data, length, season_id, round, session_name, NULL, &error));
  g_assert_no_error (error);
}

/* An import names a new season by its id: a name for people instead. */
static void
rename_season (PdTestFixture *f,
               const char    *season_id,
               const char    *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdSeason) season = pd_store_get (f->store, PD_TYPE_SEASON, season_id, &error);

  g_assert_no_error (error);
  pd_season_set_name (season, name);
  g_assert_true (pd_store_save (f->store, G_OBJECT (season), &error));
  g_assert_no_error (error);
}

/* The Al Kamel fixture of Spa Race 2, with +5 s for #77 (from
 * 1:01:32.000 to 1:01:37.000, still fifth: the next car is a lap down). */
static void
test_imported (PdTestFixture *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdResultsEditor) editor = NULL;
  g_autoptr(GPtrArray) results = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *id_77 = NULL;

  import_fixture (f, "gt4-spa-race2.csv", "gt4-test-2023", 3, "Race 2");
  rename_season (f, "gt4-test-2023", "GT4 Test Series 2023");
  editor = pd_results_editor_new (f->store, "gt4-test-2023.r3.race-2", &error);
  g_assert_no_error (error);
  results = pd_results_editor_get_results (editor);
  for (guint i = 0; i < results->len; i++)
    if (g_strcmp0 (pd_result_get_car_number (results->pdata[i]), "77") == 0 ||
        g_str_has_suffix (pd_result_get_entry_id (results->pdata[i]), ".77"))
      id_77 = pd_result_get_id (results->pdata[i]);
  g_assert_nonnull (id_77);
  g_assert_true (pd_results_editor_add_penalty (editor, id_77, PD_PENALTY_KIND_TIME, "5", "Track limits, turn 4",
                                                "23", &error));
  g_assert_no_error (error);

  text = write_sheet (f, "gt4-test-2023.r3.race-2", PD_PAPER_A4, &info);

  g_assert_nonnull (strstr (text, "\nGT4 Test Series 2023\n"));
  /* Imported, not marked final: provisional, on every page's header. */
  g_assert_nonnull (strstr (text, "Preliminär resultatlista"));
  g_assert_cmpuint (pd_test_count (text, "Omgång 3: Race 2 · Preliminär resultatlista"), ==, 1);
  g_assert_nonnull (strstr (text, "Diff: till vinnaren · Int.: till bilen före · fetstil: snabbaste varvet · "
                                  "[1]: se anmärkningarna under tabellen"));
  assert_matches ("^ *Plac\\. +Nr +Klass +I klass +Förare +Team +Bil +Varv +Tid +Diff +Int\\. +Bästa varv "
                  "+Status +Anm\\.$", text);

  /* The winner: its time, no gap. */
  assert_matches ("^ *1 +2 +Silver +1 +Michael Schrey / Gabriele Piana +Hofor Racing by Bonk Motorsport +BMW M4 GT4 "
                  "+25 +1:01:12\\.345 +2:25\\.101$", text);
  assert_matches ("^ *2 +42 +Pro-Am +1 +Grégoire Demoustier / Erwan Bastard .* 25 +1:01:14\\.020 +\\+1\\.675 "
                  "+\\+1\\.675 +2:25\\.300$", text);
  /* #77 with its 5 s: 24.655 behind the winner, 5.100 behind #10. */
  assert_matches ("^ *5 +77 +Silver +3 +Josh Rattican / Tom Emson .* 25 +1:01:37\\.000 +\\+24\\.655 +\\+5\\.100 "
                  "+2:25\\.900 +\\[1\\]$", text);
  /* Lapped cars: "+1 varv" in Swedish. */
  assert_matches ("^ *6 +89 +Silver +4 +Andreas Bäckman / Jessica Bäckman .* 24 +1:01:40\\.000 +\\+1 varv "
                  "+\\+1 varv +2:27\\.500$", text);
  assert_matches ("^ *7 +36 .* 24 +1:02:01\\.100 +\\+1 varv +\\+21\\.100 +2:27\\.800$", text);
  /* Not classified after 12 laps; not started. */
  assert_matches ("^ *8 +3 +Silver +Benjamin Lariche .* 12 +33:10\\.200 +\\+13 varv +\\+12 varv +2:28\\.000 "
                  "+Inte klassad$", text);
  assert_matches ("^ +78 +Am +Alex Denning / Jack Mitchell +Elite Motorsport +McLaren Artura GT4 +Startade inte$", text);

  /* The fastest lap (#12's 2:25.044, not the winner's), and the
   * penalty's note with its document. */
  g_assert_nonnull (strstr (text, "Snabbaste varv: 2:25.044, #12 Berkay Besler / Tom Edgar"));
  assert_matches ("^\\[1\\] #77 Josh Rattican / Tom Emson: Tidsstraff, \\+5 s: Track limits, turn 4 "
                  "\\(dokument 23\\)$", text);

  /* Too wide to stand upright. */
  g_assert_nonnull (strstr (info, "841.89 x 595.276 pts (A4)"));

  /* Marked final, it says so. */
  g_assert_true (pd_results_editor_set_final (editor, TRUE, &error));
  g_assert_no_error (error);
  g_free (text);
  text = write_sheet (f, "gt4-test-2023.r3.race-2", PD_PAPER_LETTER, NULL);
  g_assert_nonnull (strstr (text, "Slutgiltig resultatlista"));
  g_assert_null (strstr (text, "Preliminär"));
}

/* A practice session: the cars in the order of their best laps, the gaps
 * between best laps, no race time. */
static void
test_practice (PdTestFixture *f,
               gconstpointer  data)
{
  g_autofree char *text = NULL;

  import_fixture (f, "hockenheim-fp1.csv", "hockenheim-2023", 5, "Free Practice 1");
  text = write_sheet (f, "hockenheim-2023.r5.free-practice-1", PD_PAPER_A4, NULL);

  g_assert_nonnull (strstr (text, "Omgång 5: Free Practice 1"));
  g_assert_nonnull (strstr (text, "Diff: till den snabbaste · Int.: till bilen före"));
  assert_matches ("^ *Plac\\. +Nr +Klass +I klass +Förare +Team +Bil +Varv +Diff +Int\\. +Bästa varv$", text);
  assert_matches ("^ *1 +21 +Silver +1 +Aino Virtanen / Lars Öberg .* 28 +1:47\\.210$", text);
  assert_matches ("^ *3 +31 +Pro-Am +1 +Jonas Keller / Heidi Ammann .* 28 +\\+0\\.390 +\\+0\\.250 +1:47\\.600$", text);
  g_assert_nonnull (strstr (text, "Snabbaste varv: 1:47.210, #21 Aino Virtanen / Lars Öberg"));
  g_assert_null (strstr (text, "59:40.100"));
}

#define N_CARS 62

/* A field of 62 cars: two pages in landscape, the header on each, every
 * car once, and "page X of Y". */
static void
test_full_field (PdTestFixture *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sheet = pd_test_alkamel_sheet (N_CARS, 3);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;

  g_assert_true (pd_alkamel_import (f->store, "race.csv", sheet, strlen (sheet), "club-2024", 1, "Race 1", NULL,
                                    &error));
  g_assert_no_error (error);
  rename_season (f, "club-2024", "Nordic Club Series 2024");
  rows = pd_results_load (f->store, "club-2024.r1.race-1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, N_CARS);

  text = write_sheet (f, "club-2024.r1.race-1", PD_PAPER_A4, &info);
  g_assert_nonnull (strstr (info, "841.89 x 595.276 pts (A4)"));
  pages = pd_test_sheet_pages (text, info);
  n_pages = g_strv_length (pages);
  g_assert_cmpuint (n_pages, >=, 2);

  for (guint p = 0; p < n_pages; p++)
    {
      g_assert_nonnull (strstr (pages[p], "Omgång 1: Race 1 · Preliminär resultatlista"));
      g_assert_nonnull (strstr (pages[p], "Nordic Club Series 2024"));
      g_assert_cmpuint (pd_test_count (pages[p], "Plac. "), ==, 1);
    }
  g_assert_cmpuint (pd_test_count (pages[0], "\nPreliminär resultatlista\n"), ==, 1);
  g_assert_cmpuint (pd_test_count (pages[1], "\nPreliminär resultatlista (forts.)\n"), ==, 1);

  /* Every car once, in the order of the classification, with its laps
   * and time; the last two not classified and not started. */
  for (guint i = 0; i < rows->len; i++)
    {
      PdResultRow *row = rows->pdata[i];
      g_autofree char *pattern = NULL;
      g_autoptr(GRegex) regex = NULL;
      g_autoptr(GMatchInfo) match = NULL;
      int found = 0;

      if (i + 2 < rows->len)
        pattern = g_strdup_printf ("^ *%u +%s +%s +\\d+ +%s .* 25 +1:0\\d:\\d\\d\\.\\d\\d\\d ", i + 1, row->number,
                                   row->class_name, row->driver_names[0]);
      else
        pattern = g_strdup_printf ("^ *%u +%s +%s +\\d+ +%s .*%s$", i + 1, row->number, row->class_name,
                                   row->driver_names[0], i + 1 == rows->len ? "Startade inte" : "Inte klassad");
      regex = g_regex_new (pattern, G_REGEX_MULTILINE, 0, NULL);
      for (g_regex_match (regex, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
        found++;
      if (found != 1)
        g_error ("/%s/ found %d times", pattern, found);
    }
}

/* A session without results, and a session that is not there. */
static void
test_empty (PdTestFixture *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = write_sheet (f, "gt4-european-2023.r6.fp1", PD_PAPER_A4, NULL);

  g_assert_nonnull (strstr (text, "Omgång 6, Barcelona: Free Practice 1"));
  g_assert_nonnull (strstr (text, "Ingen resultatlista har sparats för det här passet."));
  g_assert_nonnull (strstr (text, "Sida 1 av 1"));

  g_assert_null (pd_results_sheet_new (f->store, "gt4-european-2023.r9.race1", &error));
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND);
}

int
main (int    argc,
      char **argv)
{
  pd_test_init (&argc, &argv);

  pd_test_add_fixture ("/results-sheet/seeded", &seeded_store, test_seeded, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-sheet/imported", &empty_store, test_imported, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-sheet/practice", &empty_store, test_practice, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-sheet/full-field", &empty_store, test_full_field, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/results-sheet/empty", &seeded_store, test_empty, NULL, PD_TEST_FLAGS_NONE);

  return g_test_run ();
}
