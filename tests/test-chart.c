/* Tests of the progression chart (pd-progression-chart.c): its data for
 * a small season with best-2 counting, worked out by hand below (not
 * taken from the program), and the files it writes, read back: a PNG
 * through cairo, an SVG as XML, a PDF through pdftotext. The test runs
 * under LC_ALL=sv_SE.UTF-8 (tests/meson.build), so the texts are
 * Swedish. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "pd-progression-chart.h"
#include "pd-test.h"

static const PdTestFixtureOptions seeded_store = {
  .name = "chart",
  .store = PD_TEST_STORE_SEEDED,
};

/* 10, 6, 4, 3, 2, 1 a race, each driver of a shared car scoring in full,
 * the best two results counting. */
static PdRules *
best_two_rules (void)
{
  static const char document[] =
    "{\"format\": \"paddock-rules\", \"version\": 1, \"id\": \"test\", \"name\": \"Test\","
    " \"drivers\": {\"race\": {\"points\": [10, 6, 4, 3, 2, 1]}, \"shared_cars\": \"full\","
    " \"counting\": {\"best\": 2}}}";
  g_autoptr(GError) error = NULL;
  PdRules *rules = pd_rules_parse (document, strlen (document), &error);

  g_assert_no_error (error);
  return rules;
}

/* A season from one line a round: the cars in finishing order, a car as
 * "driver" or "driver+driver", then ":class". A round with an empty line
 * has a race without results yet. */
static PdScoreSeason *
season_new (const char * const *rounds)
{
  PdScoreSeason *season = pd_score_season_new ();

  for (int r = 0; rounds[r] != NULL; r++)
    {
      PdScoreRound *round = pd_score_season_add_round (season, r + 1);
      g_autofree char *session_id = g_strdup_printf ("r%d", r + 1);
      PdScoreSession *race = pd_score_round_add_session (round, session_id, PD_SESSION_KIND_RACE);
      g_auto(GStrv) cars = g_strsplit (rounds[r], " ", -1);
      int position = 0;

      for (int c = 0; cars[c] != NULL; c++)
        {
          g_auto(GStrv) car_class = NULL;
          g_auto(GStrv) drivers = NULL;
          g_autofree char *result_id = NULL;
          g_autofree char *entry_id = NULL;

          if (*cars[c] == '\0')
            continue;
          car_class = g_strsplit (cars[c], ":", 2);
          drivers = g_strsplit (car_class[0], "+", -1);
          result_id = g_strdup_printf ("%s.%d", session_id, ++position);
          entry_id = g_strdup_printf ("e-%s", car_class[0]);
          pd_score_session_add_result (race, result_id, entry_id, NULL, car_class[1],
                                       (const char * const *) drivers, position);
        }
    }
  return season;
}

/*
 * The season of the data tests:
 *
 *   R1: ann bob dan+eve cid     10, 6, 4, 3
 *   R2: ann bob dan+eve cid     10, 6, 4, 3
 *   R3: bob cid dan+eve ann fay 10, 6, 4, 3, 2
 *   R4: dan+eve bob cid ann fay 10, 6, 4, 3, 2
 *   R5: no results yet
 *
 * Best two after each round:
 *   ann: 10 | 20 | 20 (3 dropped)        | 20 (3, 3 dropped)
 *   bob:  6 | 12 | 16 (10 + 6)           | 16 (10 + 6; 6, 6 dropped)
 *   dan, eve: 4 | 8 | 8                  | 14 (10 + 4)
 *   cid:  3 |  6 |  9 (6 + 3)            | 10 (6 + 4)
 *   fay:  - |  - |  2                    |  4
 * Positions: R1, R2: ann 1, bob 2, dan and eve =3, cid 5; R3: ann 1,
 * bob 2, cid 3, dan and eve =4, fay 6; R4: ann 1, bob 2, dan and eve
 * =3, cid 5, fay 6. Running sums would give bob 28 and ann 26 after R4.
 * cid is the Am class; the others Pro.
 */
static const char * const best_two_season[] = {
  "ann:pro bob:pro dan+eve:pro cid:am",
  "ann:pro bob:pro dan+eve:pro cid:am",
  "bob:pro cid:am dan+eve:pro ann:pro fay:pro",
  "dan+eve:pro bob:pro cid:am ann:pro fay:pro",
  "",
  NULL
};

static void
check_series (const PdProgression *data,
              guint                index,
              const char          *ids,
              int                  position,
              const int           *points,
              const int           *positions)
{
  PdProgressionSeries *series;
  g_autofree char *joined = NULL;

  g_assert_cmpuint (index, <, data->series->len);
  series = data->series->pdata[index];
  joined = g_strjoinv (",", series->ids);
  g_assert_cmpstr (joined, ==, ids);
  g_assert_cmpint (series->position, ==, position);
  for (guint r = 0; r < data->rounds->len; r++)
    {
      g_assert_cmpint (series->points[r].den, ==, 1);
      g_assert_cmpint (series->points[r].num, ==, points[r]);
      g_assert_cmpint (series->positions[r], ==, positions[r]);
    }
}

static void
test_best_n (gconstpointer user_data)
{
  g_autoptr(PdRules) rules = best_two_rules ();
  g_autoptr(PdScoreSeason) season = season_new (best_two_season);
  g_autoptr(PdProgression) data = pd_progression_compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0, 0);

  /* Five rounds along the axis, four of them with results. */
  g_assert_cmpuint (data->rounds->len, ==, 5);
  g_assert_cmpint (g_array_index (data->rounds, int, 4), ==, 5);
  g_assert_cmpuint (data->n_scored, ==, 4);

  /* Dan and Eve share a line; the default top 6 holds all five lines. */
  g_assert_cmpuint (data->series->len, ==, 5);
  check_series (data, 0, "ann", 1, (int[]) { 10, 20, 20, 20, 0 }, (int[]) { 1, 1, 1, 1, 0 });
  check_series (data, 1, "bob", 2, (int[]) { 6, 12, 16, 16, 0 }, (int[]) { 2, 2, 2, 2, 0 });
  check_series (data, 2, "dan,eve", 3, (int[]) { 4, 8, 8, 14, 0 }, (int[]) { 3, 3, 4, 3, 0 });
  check_series (data, 3, "cid", 5, (int[]) { 3, 6, 9, 10, 0 }, (int[]) { 5, 5, 3, 5, 0 });
  /* Fay, not in the standings before R3: no position, no points. */
  check_series (data, 4, "fay", 6, (int[]) { 0, 0, 2, 4, 0 }, (int[]) { 0, 0, 6, 6, 0 });
  /* Dan and Eve's =3 is their own: no other line shares it. */
  for (guint i = 0; i < data->series->len; i++)
    g_assert_false (((PdProgressionSeries *) data->series->pdata[i])->shared);
}

static void
test_top (gconstpointer user_data)
{
  g_autoptr(PdRules) rules = best_two_rules ();
  g_autoptr(PdScoreSeason) season = season_new (best_two_season);
  g_autoptr(PdProgression) two = pd_progression_compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0, 2);
  g_autoptr(PdProgression) three = pd_progression_compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0, 3);

  g_assert_cmpuint (two->series->len, ==, 2);
  check_series (two, 1, "bob", 2, (int[]) { 6, 12, 16, 16, 0 }, (int[]) { 2, 2, 2, 2, 0 });
  /* A shared line counts once. */
  g_assert_cmpuint (three->series->len, ==, 3);
  check_series (three, 2, "dan,eve", 3, (int[]) { 4, 8, 8, 14, 0 }, (int[]) { 3, 3, 4, 3, 0 });
}

static void
test_after_round_and_class (gconstpointer user_data)
{
  g_autoptr(PdRules) rules = best_two_rules ();
  g_autoptr(PdScoreSeason) season = season_new (best_two_season);
  g_autoptr(PdProgression) after3 = pd_progression_compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 3, 0);
  g_autoptr(PdProgression) am = pd_progression_compute (rules, season, PD_STANDINGS_DRIVERS, "am", 0, 0);
  g_autoptr(PdProgression) pro = pd_progression_compute (rules, season, PD_STANDINGS_DRIVERS, "pro", 2, 0);

  /* After round 3: three rounds, the order of then (cid third). */
  g_assert_cmpuint (after3->rounds->len, ==, 3);
  g_assert_cmpuint (after3->n_scored, ==, 3);
  check_series (after3, 2, "cid", 3, (int[]) { 3, 6, 9 }, (int[]) { 5, 5, 3 });
  check_series (after3, 3, "dan,eve", 4, (int[]) { 4, 8, 8 }, (int[]) { 3, 3, 4 });

  /* The Am class: cid alone, first in it throughout. */
  g_assert_cmpuint (am->series->len, ==, 1);
  check_series (am, 0, "cid", 1, (int[]) { 3, 6, 9, 10, 0 }, (int[]) { 1, 1, 1, 1, 0 });

  /* Pro after round 2: fay has not raced yet. */
  g_assert_cmpuint (pro->series->len, ==, 3);
  check_series (pro, 2, "dan,eve", 3, (int[]) { 4, 8 }, (int[]) { 3, 3 });
}

static void
test_no_results (gconstpointer user_data)
{
  static const char * const empty[] = { "", "", NULL };
  g_autoptr(PdRules) rules = best_two_rules ();
  g_autoptr(PdScoreSeason) season = season_new (empty);
  g_autoptr(PdProgression) data = pd_progression_compute (rules, season, PD_STANDINGS_DRIVERS, NULL, 0, 0);

  g_assert_cmpuint (data->rounds->len, ==, 2);
  g_assert_cmpuint (data->n_scored, ==, 0);
  g_assert_cmpuint (data->series->len, ==, 0);
}

static void
test_formats (gconstpointer user_data)
{
  PdChartFormat format = PD_CHART_PDF;
  PdChartMode mode = PD_CHART_POINTS;

  g_assert_true (pd_chart_format_from_path ("/tmp/a.PNG", &format));
  g_assert_cmpint (format, ==, PD_CHART_PNG);
  g_assert_true (pd_chart_format_from_path ("chart.svg", &format));
  g_assert_cmpint (format, ==, PD_CHART_SVG);
  g_assert_true (pd_chart_format_from_path ("x.y/chart.pdf", &format));
  g_assert_cmpint (format, ==, PD_CHART_PDF);
  g_assert_false (pd_chart_format_from_path ("x.png/chart", &format));
  g_assert_false (pd_chart_format_from_path ("chart.jpeg", &format));
  g_assert_false (pd_chart_format_from_string ("PNG", &format));
  g_assert_true (pd_chart_mode_from_string ("position", &mode));
  g_assert_cmpint (mode, ==, PD_CHART_POSITION);
  g_assert_false (pd_chart_mode_from_string ("laps", &mode));
}

static PdProgressionChart *
gt4_chart (PdTestFixture *f,
           const char    *class_id)
{
  g_autoptr(GError) error = NULL;
  PdProgressionChart *chart = pd_progression_chart_load (f->store, "gt4-european-2023", PD_STANDINGS_DRIVERS,
                                                         class_id, 0, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (chart);
  return chart;
}

/* The seeded season: the names, the rounds' names and the description
 * a screen reader reads. */
static void
test_named (PdTestFixture *f,
            gconstpointer  user_data)
{
  g_autoptr(PdProgressionChart) chart = gt4_chart (f, "gt4-european-2023.silver");
  g_autoptr(GError) error = NULL;
  g_autoptr(PdProgressionChart) unknown = NULL;
  const PdProgression *data = pd_progression_chart_get_data (chart);
  g_autofree char *description = pd_progression_chart_describe (chart);

  g_assert_cmpstr (pd_progression_chart_get_title (chart), ==, "GT4 European Series 2023");
  g_assert_cmpuint (data->rounds->len, ==, 6);
  g_assert_cmpuint (data->series->len, ==, 3);
  g_assert_cmpstr (((PdProgressionSeries *) data->series->pdata[0])->name, ==, "Gabriele Piana / Michael Schrey");
  g_assert_cmpstr (description, ==,
                   "Gabriele Piana / Michael Schrey leder med 43 poäng efter omgång 6. "
                   "3. Benjamin Lariche / Robert Consani, 25. "
                   "5. Andreas Bäckman / Jessica Bäckman, 0.");

  unknown = pd_progression_chart_load (f->store, "no-such-season", PD_STANDINGS_DRIVERS, NULL, 0, 0, &error);
  g_assert_null (unknown);
  g_assert_error (error, PD_STORE_ERROR, PD_STORE_ERROR_NOT_FOUND);
}

static char *
write_chart (PdTestFixture      *f,
             PdProgressionChart *chart,
             PdChartFormat       format,
             const char         *name)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (pd_progression_chart_write (chart, path, format, PD_PAPER_A4, &error));
  g_assert_no_error (error);
  /* PADDOCK_CHART_DIR keeps a copy of each file, to look at. */
  if (g_getenv ("PADDOCK_CHART_DIR") != NULL)
    {
      g_autofree char *copy = g_build_filename (g_getenv ("PADDOCK_CHART_DIR"), name, NULL);
      g_autoptr(GFile) from = g_file_new_for_path (path);
      g_autoptr(GFile) to = g_file_new_for_path (copy);

      g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL));
    }
  return path;
}

static void
test_png (PdTestFixture *f,
          gconstpointer  user_data)
{
  g_autoptr(PdProgressionChart) chart = gt4_chart (f, NULL);
  g_autofree char *path = write_chart (f, chart, PD_CHART_PNG, "chart.png");
  g_autofree char *contents = NULL;
  g_autoptr(GHashTable) colours = g_hash_table_new (NULL, NULL);
  cairo_surface_t *image;
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 8, "\x89PNG\r\n\x1a\n", 8);

  /* A4 sideways, two pixels a point: 841.89 × 595.28 points. */
  image = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1684);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1191);

  /* Drawn on: white, the text and grid, and the six lines' colours. */
  {
    const guint8 *pixels = cairo_image_surface_get_data (image);
    int stride = cairo_image_surface_get_stride (image);

    for (int y = 0; y < cairo_image_surface_get_height (image); y += 2)
      for (int x = 0; x < cairo_image_surface_get_width (image); x += 2)
        g_hash_table_add (colours, GUINT_TO_POINTER (((const guint32 *) (pixels + y * stride))[x] & 0xffffff));
    g_assert_true (g_hash_table_contains (colours, GUINT_TO_POINTER (0xffffff)));
    /* The leader's blue and the second's vermilion. */
    g_assert_true (g_hash_table_contains (colours, GUINT_TO_POINTER (0x0072b2)));
    g_assert_true (g_hash_table_contains (colours, GUINT_TO_POINTER (0xd55e00)));
  }
  cairo_surface_destroy (image);
}

typedef struct {
  GString  *text;      /* of <title> and <desc> */
  gboolean  in_text;
  gboolean  root_svg;
  guint     depth;
} SvgReader;

static void
svg_start_cb (GMarkupParseContext  *context,
              const char           *element,
              const char          **names,
              const char          **values,
              gpointer              user_data,
              GError              **error)
{
  SvgReader *reader = user_data;

  if (reader->depth++ == 0)
    reader->root_svg = g_str_equal (element, "svg");
  reader->in_text = g_str_equal (element, "title") || g_str_equal (element, "desc");
}

static void
svg_end_cb (GMarkupParseContext  *context,
            const char           *element,
            gpointer              user_data,
            GError              **error)
{
  SvgReader *reader = user_data;

  reader->depth--;
  reader->in_text = FALSE;
}

static void
svg_text_cb (GMarkupParseContext  *context,
             const char           *text,
             gsize                 length,
             gpointer              user_data,
             GError              **error)
{
  SvgReader *reader = user_data;

  if (reader->in_text)
    g_string_append_len (reader->text, text, length);
}

static void
test_svg (PdTestFixture *f,
          gconstpointer  user_data)
{
  static const GMarkupParser parser = { svg_start_cb, svg_end_cb, svg_text_cb, NULL, NULL };
  g_autoptr(PdProgressionChart) chart = gt4_chart (f, NULL);
  g_autofree char *path = write_chart (f, chart, PD_CHART_SVG, "chart.svg");
  g_autofree char *contents = NULL;
  g_autoptr(GMarkupParseContext) context = NULL;
  g_autoptr(GError) error = NULL;
  SvgReader reader = { g_string_new (NULL), FALSE, FALSE, 0 };
  gsize length;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "<?xml"));

  /* Well-formed XML with an svg root, whose title and description name
   * the season and the leaders. */
  context = g_markup_parse_context_new (&parser, 0, &reader, NULL);
  g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_true (reader.root_svg);
  g_assert_cmpuint (reader.depth, ==, 0);
  g_test_message ("%s", reader.text->str);
  g_assert_nonnull (strstr (reader.text->str, "GT4 European Series 2023: Förare · poäng efter varje omgång"));
  g_assert_nonnull (strstr (reader.text->str, "Gabriele Piana / Michael Schrey leder med 43 poäng"));
  g_assert_nonnull (strstr (reader.text->str, "Josh Rattican / Tom Emson, 25."));
  /* A4 sideways, in points. */
  g_assert_nonnull (strstr (contents, "width=\"841.8898pt\" height=\"595.2756pt\""));
  g_string_free (reader.text, TRUE);
}

static void
test_pdf (PdTestFixture *f,
          gconstpointer  user_data)
{
  g_autoptr(PdProgressionChart) chart = gt4_chart (f, "gt4-european-2023.silver");
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;

  pd_progression_chart_set_mode (chart, PD_CHART_POSITION);
  path = write_chart (f, chart, PD_CHART_PDF, "chart.pdf");
  text = pd_test_pdf_text (path);
  info = pd_test_pdf_info (path);
  g_test_message ("%s\n%s", text, info);

  g_assert_nonnull (strstr (info, "Pages:           1\n"));
  g_assert_nonnull (strstr (info, "Title:           GT4 European Series 2023\n"));
  g_assert_nonnull (strstr (info, "841.89 x 595.276 pts (A4)"));
  g_assert_nonnull (strstr (text, "GT4 European Series 2023"));
  g_assert_nonnull (strstr (text, "Förare · Silver · placering efter varje omgång"));
  g_assert_nonnull (strstr (text, "Gabriele Piana / Michael Schrey"));
  g_assert_nonnull (strstr (text, "Andreas Bäckman / Jessica Bäckman"));
  /* Swedish rounds ("O" for omgång), their names, and the places. */
  g_assert_nonnull (strstr (text, "O6"));
  g_assert_nonnull (strstr (text, "Barcelona"));
  g_assert_nonnull (strstr (text, "P1"));
  g_assert_nonnull (strstr (text, "P5"));
}

/* A file that cannot be written: an error, and nothing written. */
static void
test_write_error (PdTestFixture *f,
                  gconstpointer  user_data)
{
  g_autoptr(PdProgressionChart) chart = gt4_chart (f, NULL);
  g_autofree char *path = g_build_filename (f->dir, "no-such-folder", "chart.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (pd_progression_chart_write (chart, path, PD_CHART_PNG, PD_PAPER_A4, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

/* Any size, however small, and a chart with nothing in it, draw without
 * a cairo error. */
static void
test_sizes (PdTestFixture *f,
            gconstpointer  user_data)
{
  static const char * const empty[] = { "", NULL };
  static const double sizes[][2] = { { 1, 1 }, { 40, 30 }, { 200, 120 }, { 360, 500 }, { 1600, 300 } };
  g_autoptr(PdProgressionChart) chart = gt4_chart (f, NULL);
  g_autoptr(PdRules) rules = best_two_rules ();
  g_autoptr(PdScoreSeason) season = season_new (empty);
  g_autoptr(PdProgressionChart) nothing = pd_progression_chart_new (f->store, "gt4-european-2023", rules, season,
                                                                    PD_STANDINGS_DRIVERS, NULL, 0, 0);
  g_autofree char *description = pd_progression_chart_describe (nothing);

  g_assert_cmpstr (description, ==, "Inget resultat den här säsongen har gett poäng än.");
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    for (int mode = PD_CHART_POINTS; mode <= PD_CHART_POSITION; mode++)
      {
        cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) sizes[i][0],
                                                               (int) sizes[i][1]);
        cairo_t *cr = cairo_create (surface);
        PdChartStyle style = { mode == PD_CHART_POSITION, TRUE, i % 2 == 0, "Sans", 0 };

        pd_progression_chart_set_mode (chart, mode);
        pd_progression_chart_draw (chart, cr, sizes[i][0], sizes[i][1], &style);
        pd_progression_chart_draw (nothing, cr, sizes[i][0], sizes[i][1], NULL);
        g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
        cairo_destroy (cr);
        cairo_surface_destroy (surface);
      }
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  pd_test_add_isolated ("/chart/data/best-n", test_best_n, NULL);
  pd_test_add_isolated ("/chart/data/top", test_top, NULL);
  pd_test_add_isolated ("/chart/data/after-round-and-class", test_after_round_and_class, NULL);
  pd_test_add_isolated ("/chart/data/no-results", test_no_results, NULL);
  pd_test_add_isolated ("/chart/formats", test_formats, NULL);
  pd_test_add_fixture ("/chart/named", &seeded_store, test_named, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/chart/png", &seeded_store, test_png, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/chart/svg", &seeded_store, test_svg, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/chart/pdf", &seeded_store, test_pdf, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/chart/write-error", &seeded_store, test_write_error, NULL, PD_TEST_FLAGS_NONE);
  pd_test_add_fixture ("/chart/sizes", &seeded_store, test_sizes, NULL, PD_TEST_FLAGS_NONE);

  return g_test_run ();
}
