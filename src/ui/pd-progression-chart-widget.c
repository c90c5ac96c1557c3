#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-progression-chart-widget.h"

/*
 * The progression chart in the app: the core's drawing function, drawn
 * into GtkSnapshot's cairo node at the widget's size, in the light or
 * dark colours as libadwaita's style is, with the widget's font.
 *
 * It takes the keyboard focus, so that a screen reader reaches it, and
 * says what it shows (the leader and the points) as its accessible
 * description.
 */

struct _PdProgressionChartWidget
{
  GtkWidget           parent_instance;

  PdProgressionChart *chart;
  PdChartMode         mode;
  char               *summary;
};

G_DEFINE_FINAL_TYPE (PdProgressionChartWidget, pd_progression_chart_widget, GTK_TYPE_WIDGET)

static void
update_accessible (PdProgressionChartWidget *self)
{
  g_free (self->summary);
  self->summary = self->chart != NULL ? pd_progression_chart_describe (self->chart) : g_strdup ("");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
pd_progression_chart_widget_snapshot (GtkWidget   *widget,
                                      GtkSnapshot *snapshot)
{
  PdProgressionChartWidget *self = PD_PROGRESSION_CHART_WIDGET (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  PangoContext *context = gtk_widget_get_pango_context (widget);
  const PangoFontDescription *font = pango_context_get_font_description (context);
  PdChartStyle style = { 0 };
  double size;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  /* The UI's font, in pixels (the chart's unit here), a little smaller
   * than the body text. */
  size = (double) pango_font_description_get_size (font) / PANGO_SCALE;
  if (!pango_font_description_get_size_is_absolute (font))
    size *= pango_cairo_context_get_resolution (context) > 0 ? pango_cairo_context_get_resolution (context) / 72.0
                                                              : 96.0 / 72.0;
  style.dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style.background = TRUE;
  style.title = FALSE;
  style.font_family = pango_font_description_get_family (font);
  style.font_size = size > 0 ? size * 0.9 : 0;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  pd_progression_chart_draw (self->chart, cr, width, height, &style);
  cairo_destroy (cr);
}

static void
pd_progression_chart_widget_measure (GtkWidget      *widget,
                                     GtkOrientation  orientation,
                                     int             for_size,
                                     int            *minimum,
                                     int            *natural,
                                     int            *minimum_baseline,
                                     int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 720;
    }
  else
    {
      /* Tall enough for the lines and a legend under them when narrow;
       * the page scrolls when the window is shorter. */
      *minimum = 340;
      *natural = 420;
    }
}

static void
dark_changed_cb (PdProgressionChartWidget *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
pd_progression_chart_widget_finalize (GObject *object)
{
  PdProgressionChartWidget *self = (PdProgressionChartWidget *) object;

  g_clear_pointer (&self->chart, pd_progression_chart_free);
  g_free (self->summary);

  G_OBJECT_CLASS (pd_progression_chart_widget_parent_class)->finalize (object);
}

static void
pd_progression_chart_widget_class_init (PdProgressionChartWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pd_progression_chart_widget_finalize;
  widget_class->snapshot = pd_progression_chart_widget_snapshot;
  widget_class->measure = pd_progression_chart_widget_measure;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pd_progression_chart_widget_init (PdProgressionChartWidget *self)
{
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progression chart"),
                                  -1);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark", G_CALLBACK (dark_changed_cb),
                           self, G_CONNECT_SWAPPED);
}

GtkWidget *
pd_progression_chart_widget_new (void)
{
  return g_object_new (PD_TYPE_PROGRESSION_CHART_WIDGET, NULL);
}

/**
 * pd_progression_chart_widget_set_chart:
 * @chart: (transfer full) (nullable): the chart to show
 */
void
pd_progression_chart_widget_set_chart (PdProgressionChartWidget *self,
                                       PdProgressionChart       *chart)
{
  g_return_if_fail (PD_IS_PROGRESSION_CHART_WIDGET (self));

  g_clear_pointer (&self->chart, pd_progression_chart_free);
  self->chart = chart;
  if (chart != NULL)
    pd_progression_chart_set_mode (chart, self->mode);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pd_progression_chart_widget_get_chart:
 *
 * Returns: (transfer none) (nullable): the chart shown
 */
PdProgressionChart *
pd_progression_chart_widget_get_chart (PdProgressionChartWidget *self)
{
  g_return_val_if_fail (PD_IS_PROGRESSION_CHART_WIDGET (self), NULL);

  return self->chart;
}

void
pd_progression_chart_widget_set_mode (PdProgressionChartWidget *self,
                                      PdChartMode               mode)
{
  g_return_if_fail (PD_IS_PROGRESSION_CHART_WIDGET (self));

  self->mode = mode;
  if (self->chart != NULL)
    pd_progression_chart_set_mode (self->chart, mode);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * pd_progression_chart_widget_get_summary:
 *
 * Returns: what the chart shows in sentences: its accessible description
 */
const char *
pd_progression_chart_widget_get_summary (PdProgressionChartWidget *self)
{
  g_return_val_if_fail (PD_IS_PROGRESSION_CHART_WIDGET (self), NULL);

  return self->summary != NULL ? self->summary : "";
}
