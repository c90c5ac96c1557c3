#define G_LOG_DOMAIN "paddock-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pangocairo.h>

#include "pd-cairo-text.h"
#include "pd-progression-chart.h"
#include "pd-score-loader.h"
#include "pd-standings-sheet.h"

/*
 * The progression chart: how the title fight went, round by round. The
 * data are the standings computed after each round in turn, so that
 * best-N counting and dropped results are what the table said at the
 * time, not a running sum of every result.
 *
 * One drawing function draws on any cairo_t at any size: the app's
 * widget (GtkSnapshot's cairo node), and the PNG, SVG and PDF exports.
 * Sizes are in the units of the surface drawn on (pixels in the app,
 * points in the files); the text is sized in those units too, on a
 * Pango context of the chart's own at 72 units an inch, so that it
 * measures the same on every surface.
 *
 * Lines differ by colour (the Okabe–Ito colours, told apart also with
 * colour blindness), by dash and by marker shape, so that they can be
 * told apart in grey too; each line's value stands at its end.
 */

/* ---------------------------------------------------------------------- */
/* The data */

static void
series_free (gpointer data)
{
  PdProgressionSeries *series = data;

  g_strfreev (series->ids);
  g_free (series->points);
  g_free (series->positions);
  g_free (series->name);
  g_free (series);
}

void
pd_progression_free (PdProgression *self)
{
  if (self == NULL)
    return;

  g_array_unref (self->rounds);
  g_ptr_array_unref (self->series);
  g_free (self);
}

static gboolean
same_progress (const PdProgressionSeries *a,
               const PdProgressionSeries *b,
               guint                      n_rounds)
{
  for (guint i = 0; i < n_rounds; i++)
    if (a->positions[i] != b->positions[i] || pd_points_compare (a->points[i], b->points[i]) != 0)
      return FALSE;
  return a->position == b->position;
}

/**
 * pd_progression_compute:
 * @class_id: (nullable): one class, or %NULL for the whole field
 * @after_round: the last round of the chart, or 0 for the whole season
 * @top: how many lines, the leader first; 0 for the default
 *
 * The points and positions of the leading competitors after each round,
 * each from the standings computed after that round (see
 * pd_standings_compute()). Competitors level after every round, such as
 * the drivers of one car, share a line and count as one of @top.
 *
 * Returns: (transfer full): the chart's data
 */
PdProgression *
pd_progression_compute (const PdRules       *rules,
                        const PdScoreSeason *season,
                        PdStandingsKind      kind,
                        const char          *class_id,
                        int                  after_round,
                        guint                top)
{
  PdProgression *self;
  g_autoptr(GPtrArray) final = NULL;
  g_autoptr(GPtrArray) after = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
  g_autoptr(GPtrArray) kept = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  int last_scored = 0;

  g_return_val_if_fail (rules != NULL, NULL);
  g_return_val_if_fail (season != NULL, NULL);

  if (top == 0)
    top = PD_CHART_TOP_DEFAULT;

  self = g_new0 (PdProgression, 1);
  self->rounds = g_array_new (FALSE, FALSE, sizeof (int));
  self->series = g_ptr_array_new_with_free_func (series_free);

  for (guint r = 0; r < season->rounds->len; r++)
    {
      PdScoreRound *round = season->rounds->pdata[r];

      if (after_round <= 0 || round->number <= after_round)
        g_array_append_val (self->rounds, round->number);
    }

  final = pd_standings_compute (rules, season, kind, class_id, after_round);
  for (guint i = 0; i < final->len; i++)
    {
      PdStandingsRow *row = final->pdata[i];

      for (guint s = 0; s < row->scores->len; s++)
        last_scored = MAX (last_scored, g_array_index (row->scores, PdStandingsScore, s).round);
    }
  while (self->n_scored < self->rounds->len && g_array_index (self->rounds, int, self->n_scored) <= last_scored)
    self->n_scored++;

  /* The standings after each round that has results: what the table
   * said then, with the counting rules of then. */
  for (guint i = 0; i < self->n_scored; i++)
    {
      GPtrArray *rows = pd_standings_compute (rules, season, kind, class_id,
                                              g_array_index (self->rounds, int, i));
      GHashTable *by_id = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint r = 0; r < rows->len; r++)
        g_hash_table_insert (by_id, ((PdStandingsRow *) rows->pdata[r])->id, rows->pdata[r]);
      g_ptr_array_add (kept, rows);
      g_ptr_array_add (after, by_id);
    }

  for (guint i = 0; i < final->len && self->n_scored > 0; i++)
    {
      PdStandingsRow *row = final->pdata[i];
      PdProgressionSeries *series;
      PdProgressionSeries *previous = self->series->len > 0 ? self->series->pdata[self->series->len - 1] : NULL;

      if (row->excluded)
        continue;

      series = g_new0 (PdProgressionSeries, 1);
      series->position = row->position;
      series->points = g_new0 (PdPoints, self->rounds->len);
      series->positions = g_new0 (int, self->rounds->len);
      for (guint r = 0; r < self->rounds->len; r++)
        {
          PdStandingsRow *then = r < self->n_scored ? g_hash_table_lookup (after->pdata[r], row->id) : NULL;

          series->points[r] = then != NULL ? then->points : PD_POINTS_ZERO;
          series->positions[r] = then != NULL && !then->excluded ? then->position : 0;
        }

      if (previous != NULL && same_progress (previous, series, self->rounds->len))
        {
          guint n = g_strv_length (previous->ids);

          previous->ids = g_renew (char *, previous->ids, n + 2);
          previous->ids[n] = g_strdup (row->id);
          previous->ids[n + 1] = NULL;
          series_free (series);
          continue;
        }
      if (self->series->len >= top)
        {
          series_free (series);
          break;
        }
      series->ids = g_new0 (char *, 2);
      series->ids[0] = g_strdup (row->id);
      g_ptr_array_add (self->series, series);
    }

  /* A position shared with another line (a tie between co-drivers is
   * one line already). */
  for (guint i = 0; i < self->series->len; i++)
    {
      PdProgressionSeries *a = self->series->pdata[i];

      for (guint j = 0; j < self->series->len; j++)
        if (i != j && a->position == ((PdProgressionSeries *) self->series->pdata[j])->position)
          a->shared = TRUE;
    }

  return self;
}

/* ---------------------------------------------------------------------- */
/* Formats and modes */

gboolean
pd_chart_format_from_string (const char    *text,
                             PdChartFormat *format)
{
  g_return_val_if_fail (format != NULL, FALSE);

  if (g_strcmp0 (text, "png") == 0)
    *format = PD_CHART_PNG;
  else if (g_strcmp0 (text, "svg") == 0)
    *format = PD_CHART_SVG;
  else if (g_strcmp0 (text, "pdf") == 0)
    *format = PD_CHART_PDF;
  else
    return FALSE;
  return TRUE;
}

/**
 * pd_chart_format_from_path:
 *
 * Returns: whether @path ends in ".png", ".svg" or ".pdf" (in any case),
 *   and which
 */
gboolean
pd_chart_format_from_path (const char    *path,
                           PdChartFormat *format)
{
  const char *dot;
  g_autofree char *extension = NULL;

  g_return_val_if_fail (format != NULL, FALSE);

  dot = path != NULL ? strrchr (path, '.') : NULL;
  if (dot == NULL || strchr (dot, G_DIR_SEPARATOR) != NULL)
    return FALSE;
  extension = g_ascii_strdown (dot + 1, -1);
  return pd_chart_format_from_string (extension, format);
}

gboolean
pd_chart_mode_from_string (const char  *text,
                           PdChartMode *mode)
{
  g_return_val_if_fail (mode != NULL, FALSE);

  if (g_strcmp0 (text, "points") == 0)
    *mode = PD_CHART_POINTS;
  else if (g_strcmp0 (text, "position") == 0)
    *mode = PD_CHART_POSITION;
  else
    return FALSE;
  return TRUE;
}

/* ---------------------------------------------------------------------- */
/* The chart: the data with names */

struct _PdProgressionChart
{
  PdProgression   *data;
  PdChartMode      mode;
  char            *title;
  char            *subtitle[2];   /* by mode */
  GPtrArray       *round_names;   /* per round of the chart; "" when not known */
  PangoContext    *context;
};

void
pd_progression_chart_free (PdProgressionChart *self)
{
  if (self == NULL)
    return;

  pd_progression_free (self->data);
  g_free (self->title);
  g_free (self->subtitle[0]);
  g_free (self->subtitle[1]);
  g_ptr_array_unref (self->round_names);
  g_clear_object (&self->context);
  g_free (self);
}

static const char *
kind_name (PdStandingsKind kind)
{
  switch (kind)
    {
    case PD_STANDINGS_TEAMS:
      return _("Teams");
    case PD_STANDINGS_ENTRIES:
      return _("Cars");
    case PD_STANDINGS_DRIVERS:
    default:
      return _("Drivers");
    }
}

/* The rounds' names as the axis shows them, without the words that
 * all of them end in: "Bahrain Grand Prix" → "Bahrain". */
static void
strip_common_ending (GPtrArray *names)
{
  const char *first = NULL;
  guint n = 0;

  for (guint i = 0; i < names->len; i++)
    if (*(const char *) names->pdata[i] != '\0')
      {
        first = first != NULL ? first : names->pdata[i];
        n++;
      }
  if (n < 2)
    return;

  /* The longest ending of whole words first. */
  for (const char *ending = strchr (first, ' '); ending != NULL; ending = strchr (ending + 1, ' '))
    {
      gsize length = strlen (ending);
      gboolean everywhere = TRUE;

      for (guint i = 0; i < names->len && everywhere; i++)
        {
          const char *name = names->pdata[i];

          if (*name != '\0')
            everywhere = strlen (name) > length && g_str_has_suffix (name, ending);
        }
      if (!everywhere)
        continue;
      for (guint i = 0; i < names->len; i++)
        {
          char *name = names->pdata[i];

          if (*name != '\0')
            name[strlen (name) - length] = '\0';
        }
      return;
    }
}

/**
 * pd_progression_chart_new:
 * @store: where the names of the competitors, rounds and season are
 * @class_id: (nullable): one class, or %NULL for the whole field
 * @after_round: the last round, or 0 for the whole season
 * @top: how many lines; 0 for the default
 *
 * The chart of the standings the app shows from @rules and @season,
 * named from @store.
 *
 * Returns: (transfer full): the chart
 */
PdProgressionChart *
pd_progression_chart_new (PdStore             *store,
                          const char          *season_id,
                          const PdRules       *rules,
                          const PdScoreSeason *season,
                          PdStandingsKind      kind,
                          const char          *class_id,
                          int                  after_round,
                          guint                top)
{
  PdProgressionChart *self;
  g_autoptr(PdSeason) record = NULL;
  g_autoptr(PdClass) klass = NULL;
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  const char *kind_text = kind_name (kind);

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (season_id != NULL, NULL);

  self = g_new0 (PdProgressionChart, 1);
  self->data = pd_progression_compute (rules, season, kind, class_id, after_round, top);
  self->round_names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < self->data->series->len; i++)
    {
      PdProgressionSeries *series = self->data->series->pdata[i];
      g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

      for (guint n = 0; series->ids[n] != NULL; n++)
        g_ptr_array_add (parts, pd_standings_name (store, kind, series->ids[n]));
      g_ptr_array_add (parts, NULL);
      series->name = g_strjoinv (" / ", (char **) parts->pdata);
    }

  rounds = pd_store_list_rounds (store, season_id, NULL);
  for (guint i = 0; rounds != NULL && i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);

      if (pd_round_get_number (round) > 0 && pd_round_get_status (round) != PD_ROUND_STATUS_CANCELLED)
        g_hash_table_insert (names, GINT_TO_POINTER (pd_round_get_number (round)),
                             g_strdup (pd_round_get_name (round)));
    }
  for (guint i = 0; i < self->data->rounds->len; i++)
    {
      const char *name = g_hash_table_lookup (names, GINT_TO_POINTER (g_array_index (self->data->rounds, int, i)));

      g_ptr_array_add (self->round_names, g_strdup (name != NULL ? name : ""));
    }
  strip_common_ending (self->round_names);

  record = pd_store_get (store, PD_TYPE_SEASON, season_id, NULL);
  self->title = g_strdup (record != NULL && pd_season_get_name (record) != NULL ? pd_season_get_name (record)
                                                                                : season_id);
  if (class_id != NULL)
    klass = pd_store_get (store, PD_TYPE_CLASS, class_id, NULL);
  if (klass != NULL && pd_class_get_name (klass) != NULL)
    {
      /* TRANSLATORS: under the progression chart's title: "Drivers · Silver · points after each round" */
      self->subtitle[PD_CHART_POINTS] = g_strdup_printf (_("%s · %s · points after each round"), kind_text,
                                                         pd_class_get_name (klass));
      self->subtitle[PD_CHART_POSITION] = g_strdup_printf (_("%s · %s · position after each round"), kind_text,
                                                           pd_class_get_name (klass));
    }
  else
    {
      /* TRANSLATORS: under the progression chart's title: "Drivers · points after each round" */
      self->subtitle[PD_CHART_POINTS] = g_strdup_printf (_("%s · points after each round"), kind_text);
      self->subtitle[PD_CHART_POSITION] = g_strdup_printf (_("%s · position after each round"), kind_text);
    }

  return self;
}

/**
 * pd_progression_chart_load:
 *
 * pd_progression_chart_new() with the season's rules and results read
 * from @store.
 *
 * Returns: (transfer full) (nullable): the chart, or %NULL with @error set
 */
PdProgressionChart *
pd_progression_chart_load (PdStore          *store,
                           const char       *season_id,
                           PdStandingsKind   kind,
                           const char       *class_id,
                           int               after_round,
                           guint             top,
                           GError          **error)
{
  g_autoptr(PdRules) rules = NULL;
  g_autoptr(PdScoreSeason) season = NULL;

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (season_id != NULL, NULL);

  if ((rules = pd_rules_for_season (store, season_id, error)) == NULL ||
      (season = pd_score_season_load (store, season_id, error)) == NULL)
    return NULL;
  return pd_progression_chart_new (store, season_id, rules, season, kind, class_id, after_round, top);
}

const PdProgression *
pd_progression_chart_get_data (PdProgressionChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->data;
}

void
pd_progression_chart_set_mode (PdProgressionChart *self,
                               PdChartMode         mode)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (mode == PD_CHART_POINTS || mode == PD_CHART_POSITION);

  self->mode = mode;
}

PdChartMode
pd_progression_chart_get_mode (PdProgressionChart *self)
{
  g_return_val_if_fail (self != NULL, PD_CHART_POINTS);

  return self->mode;
}

const char *
pd_progression_chart_get_title (PdProgressionChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

static char *
position_text (const PdProgressionSeries *series)
{
  if (series->shared)
    return g_strdup_printf ("=%d", series->position);
  return g_strdup_printf ("%d", series->position);
}

/* Whole points take the plural of their number; fractions the plural. */
static gulong
plural_count (PdPoints points)
{
  return points.den == 1 && points.num >= 0 ? (gulong) points.num : 2;
}

/**
 * pd_progression_chart_describe:
 *
 * What the chart shows, in sentences, for those who do not see it: the
 * leader and their points, then the others.
 *
 * Returns: (transfer full): the text
 */
char *
pd_progression_chart_describe (PdProgressionChart *self)
{
  PdProgression *data;
  PdProgressionSeries *leader;
  PdPoints points;
  g_autofree char *points_text = NULL;
  g_autoptr(GString) text = NULL;
  int last_round;

  g_return_val_if_fail (self != NULL, NULL);

  data = self->data;
  if (data->series->len == 0)
    return g_strdup (_("No result of this season has scored points yet."));

  last_round = g_array_index (data->rounds, int, data->n_scored - 1);
  leader = data->series->pdata[0];
  points = leader->points[data->n_scored - 1];
  points_text = pd_points_format (points);
  text = g_string_new (NULL);
  g_string_append_printf (text,
                          /* TRANSLATORS: the progression chart described: the leader's name(s), points, round */
                          g_dngettext (GETTEXT_PACKAGE, "%s leads with %s point after round %d.",
                                       "%s leads with %s points after round %d.", plural_count (points)),
                          leader->name, points_text, last_round);

  for (guint i = 1; i < data->series->len; i++)
    {
      PdProgressionSeries *series = data->series->pdata[i];
      g_autofree char *position = position_text (series);
      g_autofree char *value = pd_points_format (series->points[data->n_scored - 1]);

      g_string_append_c (text, ' ');
      /* TRANSLATORS: one competitor in the progression chart's description: position, name(s), points */
      g_string_append_printf (text, _("%s. %s, %s."), position, series->name, value);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* ---------------------------------------------------------------------- */
/* Drawing */

typedef struct {
  double r, g, b;
} Rgb;

#define RGB(hex) { ((hex) >> 16) / 255.0, (((hex) >> 8) & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }
#define N_COLOURS 8

typedef struct {
  Rgb background;
  Rgb foreground;
  Rgb dim;
  Rgb grid;
  Rgb series[N_COLOURS];
} Palette;

/* The Okabe–Ito colours, darkened where they were too light on white and
 * lightened on dark, each at least 3:1 against its background (WCAG's
 * contrast for graphics). The background is libadwaita's view colour. */
static const Palette light_palette = {
  RGB (0xffffff), RGB (0x1e1e1e), RGB (0x5e5e5e), RGB (0xdedede),
  { RGB (0x0072b2), RGB (0xd55e00), RGB (0x007a5a), RGB (0xb5528e),
    RGB (0x9c6b00), RGB (0x2e86c1), RGB (0x444444), RGB (0x7a6e00) },
};

static const Palette dark_palette = {
  RGB (0x1e1e1e), RGB (0xffffff), RGB (0xb0b0b0), RGB (0x3a3a3a),
  { RGB (0x56b4e9), RGB (0xe69f00), RGB (0x1fbf8f), RGB (0xf0e442),
    RGB (0xdb8ec0), RGB (0xff7a3d), RGB (0xd0d0d0), RGB (0x8fa8ff) },
};

/* Dashes in line widths: solid, dashed, dotted, dash-dot, long dash,
 * dash-dot-dot. */
static const double dash_0[] = { 0 };
static const double dash_1[] = { 3.2, 1.8 };
static const double dash_2[] = { 0.01, 1.9 };
static const double dash_3[] = { 4.0, 1.6, 0.01, 1.6 };
static const double dash_4[] = { 6.0, 2.0 };
static const double dash_5[] = { 4.0, 1.5, 0.01, 1.5, 0.01, 1.5 };

static const struct {
  const double *dashes;
  int           n;
} dash_styles[] = {
  { dash_0, 0 }, { dash_1, 2 }, { dash_2, 2 }, { dash_3, 4 }, { dash_4, 2 }, { dash_5, 6 },
};

enum {
  MARKER_CIRCLE,
  MARKER_SQUARE,
  MARKER_TRIANGLE,
  MARKER_DIAMOND,
  MARKER_TRIANGLE_DOWN,
  MARKER_CROSS,
  MARKER_PLUS,
  N_MARKERS
};

typedef struct {
  PdProgressionChart *self;
  cairo_t            *cr;
  const Palette      *palette;
  const char         *family;
  double              size;       /* body text */
  double              line;       /* line width */
  double              left, right, top, bottom;  /* the plot */
  double              min, max;   /* of the value axis */
  double              step;       /* between ticks */
} Drawing;

static PangoLayout *
new_layout (Drawing    *d,
            const char *text,
            double      scale,
            gboolean    bold,
            double      width)
{
  PangoLayout *layout = pango_layout_new (d->self->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, d->family);
  pango_font_description_set_absolute_size (font, d->size * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  return layout;
}

static void
layout_size (PangoLayout *layout,
             double      *width,
             double      *height)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double) logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double) logical.height / PANGO_SCALE;
}

static double
text_width (Drawing    *d,
            const char *text,
            double      scale,
            gboolean    bold)
{
  g_autoptr(PangoLayout) layout = new_layout (d, text, scale, bold, -1);
  double width;

  layout_size (layout, &width, NULL);
  return width;
}

static double
line_height (Drawing *d,
             double   scale)
{
  g_autoptr(PangoLayout) layout = new_layout (d, "Åg", scale, FALSE, -1);
  double height;

  layout_size (layout, NULL, &height);
  return height;
}

static void
set_colour (cairo_t   *cr,
            const Rgb *colour)
{
  cairo_set_source_rgb (cr, colour->r, colour->g, colour->b);
}

/* Text with its top left (or, with @align 0.5 and 1, top centre or top
 * right) at @x, @y. */
static void
show_text (Drawing    *d,
           const char *text,
           double      x,
           double      y,
           double      scale,
           gboolean    bold,
           double      width,
           double      align)
{
  g_autoptr(PangoLayout) layout = new_layout (d, text, scale, bold, width);
  double w;

  layout_size (layout, &w, NULL);
  cairo_move_to (d->cr, x - w * align, y);
  pango_cairo_show_layout (d->cr, layout);
}

static char *
round_label (int number)
{
  /* TRANSLATORS: a round on the progression chart's axis: "R6" (round 6); keep it short */
  return g_strdup_printf (C_("chart round", "R%d"), number);
}

static char *
value_text (PdProgressionChart        *self,
            const PdProgressionSeries *series,
            guint                      round)
{
  if (self->mode == PD_CHART_POSITION)
    /* TRANSLATORS: a position at the end of a line of the progression chart: "P1" */
    return g_strdup_printf (C_("chart position", "P%d"), series->positions[round]);
  return pd_points_format (series->points[round]);
}

static gboolean
has_value (PdProgressionChart        *self,
           const PdProgressionSeries *series,
           guint                      round)
{
  return round < self->data->n_scored && (self->mode == PD_CHART_POINTS || series->positions[round] > 0);
}

static double
series_value (PdProgressionChart        *self,
              const PdProgressionSeries *series,
              guint                      round)
{
  if (self->mode == PD_CHART_POSITION)
    return series->positions[round];
  return pd_points_to_double (series->points[round]);
}

static double
round_x (Drawing *d,
         guint    round)
{
  guint n = d->self->data->rounds->len;
  double inset = d->size * 0.9;

  if (n <= 1)
    return (d->left + d->right) / 2;
  return d->left + inset + round * (d->right - d->left - 2 * inset) / (n - 1);
}

static double
value_y (Drawing *d,
         double   value)
{
  double fraction = d->max > d->min ? (value - d->min) / (d->max - d->min) : 0.5;
  /* The first and the last place stand clear of the plot's edges, so
   * that their markers do too. */
  double inset = d->self->mode == PD_CHART_POSITION ? d->size * 0.7 : 0;

  /* Position 1 at the top; the most points at the top. */
  if (d->self->mode == PD_CHART_POSITION)
    return d->top + inset + fraction * (d->bottom - d->top - 2 * inset);
  return d->bottom - fraction * (d->bottom - d->top);
}

/* 1, 2 or 5 times a power of ten, at least @rough. */
static double
nice_step (double rough)
{
  double power, fraction;

  if (rough <= 0)
    return 1;
  power = pow (10, floor (log10 (rough)));
  fraction = rough / power;
  if (fraction <= 1)
    return power;
  if (fraction <= 2)
    return 2 * power;
  if (fraction <= 5)
    return 5 * power;
  return 10 * power;
}

static void
value_range (Drawing *d)
{
  PdProgression *data = d->self->data;
  double low = G_MAXDOUBLE, high = -G_MAXDOUBLE;

  for (guint s = 0; s < data->series->len; s++)
    for (guint r = 0; r < data->n_scored; r++)
      if (has_value (d->self, data->series->pdata[s], r))
        {
          double v = series_value (d->self, data->series->pdata[s], r);

          low = MIN (low, v);
          high = MAX (high, v);
        }

  if (d->self->mode == PD_CHART_POSITION)
    {
      /* From first to the last place shown, a tick for each place while
       * they fit, else for the first and every fifth, tenth… */
      d->min = 1;
      d->max = MAX (high, MAX (2, data->series->len));
      d->step = d->max <= 12 ? 1 : nice_step ((d->max - 1) / 8);
      return;
    }

  low = MIN (low, 0);
  high = MAX (high, low + 1);
  d->step = nice_step ((high - low) / 5);
  d->min = floor (low / d->step) * d->step;
  d->max = ceil (high / d->step) * d->step;
}

/* The value of the axis' tick @index, or a value past the axis' end
 * when there are no more: the first place and every step's multiple for
 * positions, every step from the lowest for points. */
static double
tick_value (Drawing *d,
            int      index)
{
  if (d->self->mode == PD_CHART_POSITION && d->step > 1)
    return index == 0 ? 1 : index * d->step;
  return d->min + index * d->step;
}

static gboolean
tick_exists (Drawing *d,
             int      index)
{
  return tick_value (d, index) <= d->max + d->step * 1e-6;
}

static char *
tick_text (Drawing *d,
           double   value)
{
  if (d->step < 1)
    return g_strdup_printf ("%.*f", d->step < 0.1 ? 2 : 1, value);
  return g_strdup_printf ("%.0f", value);
}

static void
marker_path (cairo_t *cr,
             int      marker,
             double   x,
             double   y,
             double   r)
{
  switch (marker)
    {
    case MARKER_SQUARE:
      r *= 0.9;
      cairo_rectangle (cr, x - r, y - r, 2 * r, 2 * r);
      break;
    case MARKER_TRIANGLE:
    case MARKER_TRIANGLE_DOWN:
      {
        double sign = marker == MARKER_TRIANGLE ? 1 : -1;

        r *= 1.2;
        cairo_move_to (cr, x, y - sign * r);
        cairo_line_to (cr, x + r * 0.95, y + sign * r * 0.7);
        cairo_line_to (cr, x - r * 0.95, y + sign * r * 0.7);
        cairo_close_path (cr);
      }
      break;
    case MARKER_DIAMOND:
      r *= 1.25;
      cairo_move_to (cr, x, y - r);
      cairo_line_to (cr, x + r, y);
      cairo_line_to (cr, x, y + r);
      cairo_line_to (cr, x - r, y);
      cairo_close_path (cr);
      break;
    case MARKER_CROSS:
    case MARKER_PLUS:
      {
        /* A thick X or +, as a filled outline. */
        double a = r * 1.15, t = r * 0.42;

        cairo_save (cr);
        cairo_translate (cr, x, y);
        if (marker == MARKER_CROSS)
          cairo_rotate (cr, G_PI / 4);
        cairo_move_to (cr, -t, -a);
        cairo_line_to (cr, t, -a);
        cairo_line_to (cr, t, -t);
        cairo_line_to (cr, a, -t);
        cairo_line_to (cr, a, t);
        cairo_line_to (cr, t, t);
        cairo_line_to (cr, t, a);
        cairo_line_to (cr, -t, a);
        cairo_line_to (cr, -t, t);
        cairo_line_to (cr, -a, t);
        cairo_line_to (cr, -a, -t);
        cairo_line_to (cr, -t, -t);
        cairo_close_path (cr);
        cairo_restore (cr);
      }
      break;
    case MARKER_CIRCLE:
    default:
      cairo_new_sub_path (cr);
      cairo_arc (cr, x, y, r, 0, 2 * G_PI);
      break;
    }
}

static void
draw_marker (Drawing *d,
             guint    index,
             double   x,
             double   y)
{
  cairo_t *cr = d->cr;

  marker_path (cr, index % N_MARKERS, x, y, d->line * 1.75);
  set_colour (cr, &d->palette->series[index % N_COLOURS]);
  cairo_fill_preserve (cr);
  set_colour (cr, &d->palette->background);
  cairo_set_line_width (cr, d->line * 0.45);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);
}

static void
set_dash (Drawing *d,
          guint    index)
{
  guint style = index % G_N_ELEMENTS (dash_styles);
  double dashes[6];

  for (int i = 0; i < dash_styles[style].n; i++)
    dashes[i] = dash_styles[style].dashes[i] * d->line;
  cairo_set_dash (d->cr, dashes, dash_styles[style].n, 0);
}

/* A line's sample in the legend: a piece of it with its marker. */
static void
draw_sample (Drawing *d,
             guint    index,
             double   x,
             double   y,
             double   width)
{
  cairo_t *cr = d->cr;

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_width (cr, d->line);
  set_dash (d, index);
  set_colour (cr, &d->palette->series[index % N_COLOURS]);
  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x + width, y);
  cairo_stroke (cr);
  draw_marker (d, index, x + width / 2, y);
}

static void
draw_series (Drawing *d,
             guint    index)
{
  PdProgressionChart *self = d->self;
  PdProgressionSeries *series = self->data->series->pdata[index];
  cairo_t *cr = d->cr;
  gboolean pen_down = FALSE;

  cairo_new_path (cr);
  for (guint r = 0; r < self->data->n_scored; r++)
    {
      double x, y;

      if (!has_value (self, series, r))
        {
          pen_down = FALSE;
          continue;
        }
      x = round_x (d, r);
      y = value_y (d, series_value (self, series, r));
      if (pen_down)
        cairo_line_to (cr, x, y);
      else
        cairo_move_to (cr, x, y);
      pen_down = TRUE;
    }

  /* A halo of the background first, so that crossing lines stay apart. */
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_width (cr, d->line * 2.2);
  set_colour (cr, &d->palette->background);
  cairo_stroke_preserve (cr);
  cairo_set_line_width (cr, d->line);
  set_dash (d, index);
  set_colour (cr, &d->palette->series[index % N_COLOURS]);
  cairo_stroke (cr);

  for (guint r = 0; r < self->data->n_scored; r++)
    if (has_value (self, series, r))
      draw_marker (d, index, round_x (d, r), value_y (d, series_value (self, series, r)));
}

typedef struct {
  guint   series;
  double  point_y;
  double  y;
  char   *text;
} EndLabel;

static int
compare_end_labels (gconstpointer a,
                    gconstpointer b)
{
  const EndLabel *la = a;
  const EndLabel *lb = b;

  if (la->point_y != lb->point_y)
    return la->point_y < lb->point_y ? -1 : 1;
  return (int) la->series - (int) lb->series;
}

static void
end_label_clear (gpointer data)
{
  g_free (((EndLabel *) data)->text);
}

/* Whether a label's line ends near another's. */
static gboolean
crowded (GArray *labels,
         guint   index,
         double  height)
{
  EndLabel *label = &g_array_index (labels, EndLabel, index);

  for (guint i = 0; i < labels->len; i++)
    if (i != index && fabs (g_array_index (labels, EndLabel, i).point_y - label->point_y) < height)
      return TRUE;
  return FALSE;
}

/* Each line's last value beside its end, moved apart where they would
 * overlap, with a thin tie to the line's end when moved. */
static void
draw_end_labels (Drawing *d,
                 double   x)
{
  PdProgressionChart *self = d->self;
  g_autoptr(GArray) labels = g_array_new (FALSE, TRUE, sizeof (EndLabel));
  double height = line_height (d, 0.92);
  cairo_t *cr = d->cr;

  g_array_set_clear_func (labels, end_label_clear);
  for (guint s = 0; s < self->data->series->len; s++)
    {
      PdProgressionSeries *series = self->data->series->pdata[s];

      for (int r = (int) self->data->n_scored - 1; r >= 0; r--)
        if (has_value (self, series, r))
          {
            EndLabel label = { s, 0, 0, value_text (self, series, r) };

            label.point_y = value_y (d, series_value (self, series, r));
            label.y = label.point_y - height / 2;
            g_array_append_val (labels, label);
            break;
          }
    }
  if (labels->len == 0)
    return;
  g_array_sort (labels, compare_end_labels);

  /* Down, then up again from the bottom. */
  for (guint i = 1; i < labels->len; i++)
    {
      EndLabel *above = &g_array_index (labels, EndLabel, i - 1);
      EndLabel *label = &g_array_index (labels, EndLabel, i);

      label->y = MAX (label->y, above->y + height);
    }
  g_array_index (labels, EndLabel, labels->len - 1).y =
    MIN (g_array_index (labels, EndLabel, labels->len - 1).y, d->bottom + height / 2 - height);
  for (int i = (int) labels->len - 2; i >= 0; i--)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);
      EndLabel *below = &g_array_index (labels, EndLabel, i + 1);

      label->y = MIN (label->y, below->y - height);
    }

  for (guint i = 0; i < labels->len; i++)
    {
      EndLabel *label = &g_array_index (labels, EndLabel, i);
      double mid = label->y + height / 2;
      double text_x = x + d->size * 1.1;

      if (fabs (mid - label->point_y) > 0.5)
        {
          set_colour (cr, &d->palette->series[label->series % N_COLOURS]);
          cairo_set_dash (cr, NULL, 0, 0);
          cairo_set_line_width (cr, d->line * 0.4);
          cairo_move_to (cr, x + d->line * 2.2, label->point_y);
          cairo_line_to (cr, text_x - d->size * 0.2, mid);
          cairo_stroke (cr);
        }
      /* The line's marker before its value where the values are
       * crowded, to tell lines ending together apart. */
      if (crowded (labels, i, height))
        draw_marker (d, label->series, text_x + d->line * 1.8, mid);
      set_colour (cr, &d->palette->foreground);
      show_text (d, label->text, text_x + d->line * 4.4, label->y, 0.92, TRUE, -1, 0);
    }
}

/* The legend entry's text: position and name. */
static char *
legend_text (const PdProgressionSeries *series)
{
  g_autofree char *position = position_text (series);

  /* TRANSLATORS: a progression chart's legend: position, then name(s) */
  return g_strdup_printf (C_("chart legend", "%s  %s"), position, series->name);
}

/**
 * pd_progression_chart_draw:
 * @cr: where to draw, with the chart's top left corner at 0, 0
 * @width: the chart's width, in @cr's units
 * @height: the chart's height
 * @style: (nullable): colours, fonts and what to draw; %NULL for the
 *   light style with background and title
 *
 * Draws the chart: the value axis (points, or positions with the first
 * at the top), a column per round labelled "R1" and with the round's
 * name where there is room, a line per competitor with its value at its
 * end, and a legend (beside the chart when it is wide, under it when
 * narrow). The app, printing and the exports all draw with this.
 */
void
pd_progression_chart_draw (PdProgressionChart *self,
                           cairo_t            *cr,
                           double              width,
                           double              height,
                           const PdChartStyle *style)
{
  static const PdChartStyle default_style = { FALSE, TRUE, TRUE, NULL, 0 };
  PdProgression *data;
  Drawing d = { 0 };
  double pad, x0, y0, x1, y1, small_height, body_height;
  double legend_width = 0, legend_row = 0, sample = 0, end_width = 0, tick_width = 0;
  double step, label_width = 0, name_height = 0;
  guint label_every = 1, legend_columns = 1, legend_rows = 0;
  gboolean legend_beside;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    style = &default_style;
  if (self->context == NULL)
    self->context = pd_cairo_text_context_new ();
  data = self->data;

  d.self = self;
  d.cr = cr;
  d.palette = style->dark ? &dark_palette : &light_palette;
  d.family = style->font_family != NULL ? style->font_family : "Sans";
  d.size = style->font_size > 0 ? style->font_size : 11;
  d.line = MAX (1.0, d.size * 0.2);
  pad = d.size * 1.2;

  cairo_save (cr);
  pango_cairo_update_context (cr, self->context);
  if (style->background)
    {
      set_colour (cr, &d.palette->background);
      cairo_paint (cr);
    }

  x0 = pad;
  y0 = pad * 0.8;
  x1 = width - pad;
  y1 = height - pad * 0.8;
  body_height = line_height (&d, 1);
  small_height = line_height (&d, 0.85);

  if (style->title)
    {
      set_colour (cr, &d.palette->foreground);
      show_text (&d, self->title, x0, y0, 1.45, TRUE, x1 - x0, 0);
      y0 += line_height (&d, 1.45) + 1;
      set_colour (cr, &d.palette->dim);
      show_text (&d, self->subtitle[self->mode], x0, y0, 1, FALSE, x1 - x0, 0);
      y0 += body_height + d.size * 0.8;
    }

  if (data->series->len == 0 || x1 - x0 < d.size * 8 || y1 - y0 < d.size * 6)
    {
      set_colour (cr, &d.palette->dim);
      show_text (&d, _("No result of this season has scored points yet."), width / 2,
                 (y0 + y1 - body_height) / 2, 1, FALSE, x1 - x0, 0.5);
      cairo_restore (cr);
      return;
    }

  /* The legend: beside the chart when there is room for both, else
   * under it, in as many columns as fit. */
  sample = d.size * 2.6;
  legend_row = body_height * 1.35;
  for (guint s = 0; s < data->series->len; s++)
    {
      g_autofree char *text = legend_text (data->series->pdata[s]);

      /* The leader's in bold. */
      legend_width = MAX (legend_width, sample + d.size * 0.6 + text_width (&d, text, 1, s == 0));
    }
  legend_beside = x1 - x0 >= d.size * 52;
  if (legend_beside)
    {
      legend_width = MIN (legend_width, (x1 - x0) * 0.34);
      legend_rows = data->series->len;
    }
  else
    {
      double column_width = legend_width + d.size * 1.5;

      legend_columns = CLAMP ((guint) ((x1 - x0 + d.size * 1.5) / column_width), 1, data->series->len);
      legend_width = MIN (legend_width, x1 - x0);
      legend_rows = (data->series->len + legend_columns - 1) / legend_columns;
      y1 -= legend_rows * legend_row + d.size * 0.6;
    }

  /* The axes' room: the ticks' values on the left, the round labels
   * under, the values at the lines' ends on the right. */
  d.self = self;
  value_range (&d);
  for (int t = 0; tick_exists (&d, t); t++)
    {
      g_autofree char *text = tick_text (&d, tick_value (&d, t));

      tick_width = MAX (tick_width, text_width (&d, text, 0.85, FALSE));
    }
  for (guint s = 0; s < data->series->len; s++)
    for (guint r = 0; r < data->n_scored; r++)
      if (has_value (self, data->series->pdata[s], r))
        {
          g_autofree char *text = value_text (self, data->series->pdata[s], r);

          end_width = MAX (end_width, d.line * 4.4 + text_width (&d, text, 0.92, TRUE));
        }

  d.left = x0 + tick_width + d.size * 0.6;
  d.right = x1 - (legend_beside ? legend_width + d.size * 1.6 : 0) - end_width - d.size * 1.4;
  d.top = y0 + small_height + d.size * 0.9;

  for (guint r = 0; r < data->rounds->len; r++)
    {
      g_autofree char *text = round_label (g_array_index (data->rounds, int, r));

      label_width = MAX (label_width, text_width (&d, text, 0.85, FALSE));
    }
  d.bottom = y1 - small_height - d.size * 0.5;
  step = data->rounds->len > 1 ? (d.right - d.left - 1.8 * d.size) / (data->rounds->len - 1) : d.right - d.left;
  /* The rounds' names under their numbers when there is room for a few
   * letters of each. */
  if (step >= d.size * 4.2)
    {
      name_height = small_height;
      d.bottom -= name_height;
    }
  while (label_every * step < label_width + d.size * 0.5 && label_every < data->rounds->len)
    label_every++;

  /* The grid: a line per tick across, a line per round up. */
  cairo_set_line_width (cr, 1);
  cairo_set_dash (cr, NULL, 0, 0);
  for (int t = 0; tick_exists (&d, t); t++)
    {
      g_autofree char *text = tick_text (&d, tick_value (&d, t));
      double y = round (value_y (&d, tick_value (&d, t))) + 0.5;

      set_colour (cr, &d.palette->grid);
      cairo_move_to (cr, d.left, y);
      cairo_line_to (cr, d.right + end_width + d.size * 1.2, y);
      cairo_stroke (cr);
      set_colour (cr, &d.palette->dim);
      show_text (&d, text, d.left - d.size * 0.5, y - small_height / 2, 0.85, FALSE, -1, 1);
    }
  for (guint r = 0; r < data->rounds->len; r++)
    {
      double x = round (round_x (&d, r)) + 0.5;
      gboolean future = r >= data->n_scored;

      set_colour (cr, &d.palette->grid);
      cairo_move_to (cr, x, d.top);
      cairo_line_to (cr, x, d.bottom);
      cairo_stroke (cr);
      /* Every label_every-th round and the last, the one before the
       * last giving way when they would touch. */
      if (r != data->rounds->len - 1 && (r % label_every != 0 || data->rounds->len - 1 - r < label_every))
        continue;
      {
        g_autofree char *text = round_label (g_array_index (data->rounds, int, r));
        const char *name = self->round_names->pdata[r];

        /* Rounds still to come, fainter. */
        cairo_set_source_rgba (cr, d.palette->dim.r, d.palette->dim.g, d.palette->dim.b, future ? 0.6 : 1);
        show_text (&d, text, x, d.bottom + d.size * 0.4, 0.85, !future, -1, 0.5);
        if (name_height > 0 && *name != '\0')
          show_text (&d, name, x, d.bottom + d.size * 0.4 + small_height, 0.85, FALSE, step - d.size * 0.4, 0.5);
      }
    }

  /* The value axis' name, above it. */
  set_colour (cr, &d.palette->dim);
  show_text (&d, self->mode == PD_CHART_POSITION ? C_("chart axis", "Position") : C_("chart axis", "Points"),
             x0, y0, 0.85, TRUE, -1, 0);

  /* The lines, the leader's last so that it is on top. */
  for (guint s = data->series->len; s > 0; s--)
    draw_series (&d, s - 1);
  draw_end_labels (&d, round_x (&d, data->n_scored - 1));

  /* The legend. Beside the chart a long name goes on to a second line. */
  {
    double ly = d.top;

    for (guint s = 0; s < data->series->len; s++)
      {
        g_autofree char *text = legend_text (data->series->pdata[s]);
        g_autoptr(PangoLayout) layout = NULL;
        double lx, text_room, text_height;

        if (legend_beside)
          {
            lx = x1 - legend_width;
            text_room = legend_width - sample - d.size * 0.6;
          }
        else
          {
            double column_width = (x1 - x0) / legend_columns;

            lx = x0 + (s % legend_columns) * column_width;
            ly = y1 + d.size * 0.6 + (s / legend_columns) * legend_row;
            text_room = column_width - sample - d.size * 1.2;
          }
        layout = new_layout (&d, text, 1, s == 0, text_room);
        if (legend_beside)
          {
            pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
            pango_layout_set_height (layout, -2);
          }
        layout_size (layout, NULL, &text_height);
        draw_sample (&d, s, lx, ly + body_height / 2, sample);
        set_colour (cr, &d.palette->foreground);
        cairo_move_to (cr, lx + sample + d.size * 0.6, ly);
        pango_cairo_show_layout (cr, layout);
        if (legend_beside)
          ly += text_height + legend_row - body_height;
      }
  }

  cairo_restore (cr);
}

/* ---------------------------------------------------------------------- */
/* Files */

/**
 * pd_progression_chart_get_export_size:
 *
 * The size of an exported chart, in points: the paper turned sideways,
 * so that a PDF prints as it is. A PNG has two pixels a point.
 */
void
pd_progression_chart_get_export_size (PdPaper  paper,
                                      double  *width,
                                      double  *height)
{
  g_return_if_fail (width != NULL && height != NULL);

  pd_paper_get_size (paper, height, width);
}

/* An SVG file's title and description, for screen readers and searches:
 * cairo draws the text as glyph outlines, so the names are nowhere else
 * in the file as text. They go first in the root element. */
static GByteArray *
add_svg_title (PdProgressionChart *self,
               GByteArray         *bytes)
{
  const char *data = (const char *) bytes->data;
  const char *svg = g_strstr_len (data, bytes->len, "<svg");
  const char *end = svg != NULL ? memchr (svg, '>', bytes->len - (svg - data)) : NULL;
  g_autofree char *description = pd_progression_chart_describe (self);
  g_autofree char *title = g_markup_printf_escaped ("\n<title>%s: %s</title>\n<desc>%s</desc>", self->title,
                                                    self->subtitle[self->mode], description);
  GByteArray *out;

  if (end == NULL)
    return NULL;
  out = g_byte_array_sized_new (bytes->len + strlen (title));
  g_byte_array_append (out, bytes->data, end + 1 - data);
  g_byte_array_append (out, (const guint8 *) title, strlen (title));
  g_byte_array_append (out, (const guint8 *) end + 1, bytes->len - (end + 1 - data));
  return out;
}

/**
 * pd_progression_chart_write:
 * @path: the file to write
 * @format: PNG, SVG or PDF
 * @paper: the paper whose size, sideways, the chart has
 *
 * Writes the chart at the export size (see
 * pd_progression_chart_get_export_size()) in the light style, with its
 * title. The file is replaced whole or not at all.
 *
 * Returns: whether the file was written
 */
gboolean
pd_progression_chart_write (PdProgressionChart  *self,
                            const char          *path,
                            PdChartFormat        format,
                            PdPaper              paper,
                            GError             **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pd_progression_chart_get_export_size (paper, &width, &height);
  switch (format)
    {
    case PD_CHART_PNG:
      surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) ceil (width * 2), (int) ceil (height * 2));
      break;
    case PD_CHART_SVG:
      surface = cairo_svg_surface_create_for_stream (pd_cairo_append_bytes_cb, bytes, width, height);
      break;
    case PD_CHART_PDF:
    default:
      surface = cairo_pdf_surface_create_for_stream (pd_cairo_append_bytes_cb, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subtitle[self->mode]);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Paddock");
      break;
    }

  cr = cairo_create (surface);
  if (format == PD_CHART_PNG)
    cairo_scale (cr, 2, 2);
  pd_progression_chart_draw (self, cr, width, height, NULL);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (format == PD_CHART_PNG && status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, pd_cairo_append_bytes_cb, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && format == PD_CHART_SVG)
    {
      GByteArray *titled = add_svg_title (self, bytes);

      if (titled == NULL)
        status = CAIRO_STATUS_WRITE_ERROR;
      else
        {
          g_byte_array_unref (bytes);
          bytes = titled;
        }
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the progression chart: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_set_contents (path, (const char *) bytes->data, bytes->len, error);
}
