#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-chart-panel.h"
#include "pd-standings-sheet.h"
#include "pd-ui-util.h"

/*
 * The standings view's chart page: the progression chart of what the
 * view's choosers say (championship, class, after which round), with
 * its own choice of points or position and of how many leaders, and
 * Export Chart… to PNG, SVG or PDF.
 */

struct _PdChartPanel
{
  GtkWidget                 parent_instance;

  GtkToggleButton          *points_button;
  GtkToggleButton          *position_button;
  GtkSpinButton            *top_spin;
  PdProgressionChartWidget *chart_widget;

  PdStore                  *store;
  char                     *season_id;
  PdStandingsKind           kind;
  char                     *class_id;
  int                       after_round;
};

G_DEFINE_FINAL_TYPE (PdChartPanel, pd_chart_panel, GTK_TYPE_WIDGET)

enum {
  SHOW_TOAST,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The export's file types, in the order of the dialog's filters. */
static const struct {
  PdChartFormat  format;
  const char    *mime_type;
  const char    *extension;
} file_types[] = {
  { PD_CHART_PNG, "image/png", "png" },
  { PD_CHART_SVG, "image/svg+xml", "svg" },
  { PD_CHART_PDF, "application/pdf", "pdf" },
};

static const char *
file_type_name (PdChartFormat format)
{
  switch (format)
    {
    case PD_CHART_SVG:
      return _("SVG images");
    case PD_CHART_PDF:
      return _("PDF documents");
    case PD_CHART_PNG:
    default:
      return _("PNG images");
    }
}

static void
reload (PdChartPanel *self)
{
  g_autoptr(GError) error = NULL;
  PdProgressionChart *chart = NULL;

  if (self->store != NULL && self->season_id != NULL)
    {
      chart = pd_progression_chart_load (self->store, self->season_id, self->kind, self->class_id,
                                         self->after_round, gtk_spin_button_get_value_as_int (self->top_spin),
                                         &error);
      if (chart == NULL)
        g_signal_emit (self, signals[SHOW_TOAST], 0, error->message);
    }
  pd_progression_chart_widget_set_chart (self->chart_widget, chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", chart != NULL);
}

static void
mode_toggled_cb (PdChartPanel *self)
{
  pd_progression_chart_widget_set_mode (self->chart_widget,
                                        gtk_toggle_button_get_active (self->position_button)
                                        ? PD_CHART_POSITION : PD_CHART_POINTS);
}

static void
top_changed_cb (PdChartPanel *self)
{
  reload (self);
}

/**
 * pd_chart_panel_export:
 * @path: the file to write
 * @format: PNG, SVG or PDF
 *
 * Writes the chart shown, with its title, on the locale's paper turned
 * sideways (two pixels a point in a PNG).
 *
 * Returns: whether the file was written
 */
gboolean
pd_chart_panel_export (PdChartPanel      *self,
                       const char        *path,
                       PdChartFormat      format,
                       GError           **error)
{
  PdProgressionChart *chart;

  g_return_val_if_fail (PD_IS_CHART_PANEL (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  chart = pd_progression_chart_widget_get_chart (self->chart_widget);
  if (chart == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There is no chart to save"));
      return FALSE;
    }
  return pd_progression_chart_write (chart, path, format, pd_paper_default (), error);
}

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(PdChartPanel) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkFileFilter *filter;
  PdChartFormat format = PD_CHART_PNG;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (dialog));
  if (filter != NULL)
    format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (filter), "pd-format"));
  g_object_unref (dialog);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  /* The name's extension decides; a name without one gets the
   * filter's. */
  if (path != NULL && !pd_chart_format_from_path (path, &format))
    {
      char *named = g_strconcat (path, ".", file_types[format].extension, NULL);

      g_free (path);
      path = named;
    }

  if (path != NULL && pd_chart_panel_export (self, path, format, &error))
    {
      g_autofree char *name = g_path_get_basename (path);
      /* TRANSLATORS: %s is a file name */
      g_autofree char *message = g_strdup_printf (_("Chart saved as “%s”"), name);

      g_signal_emit (self, signals[SHOW_TOAST], 0, message);
    }
  else
    {
      g_autofree char *message = g_strdup_printf (_("The chart could not be saved: %s"),
                                                  error != NULL ? error->message : _("not a local file"));

      g_signal_emit (self, signals[SHOW_TOAST], 0, message);
    }
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PdChartPanel *self = PD_CHART_PANEL (widget);
  GtkFileChooserNative *dialog;
  g_autofree char *name = NULL;

  if (pd_progression_chart_widget_get_chart (self->chart_widget) == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Chart"), GTK_WINDOW (gtk_widget_get_root (widget)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (file_types); i++)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, file_type_name (file_types[i].format));
      gtk_file_filter_add_mime_type (filter, file_types[i].mime_type);
      g_object_set_data (G_OBJECT (filter), "pd-format", GINT_TO_POINTER (file_types[i].format));
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
    }
  /* TRANSLATORS: the suggested file name of an exported chart; %s is the season's id */
  name = g_strdup_printf (_("%s-chart.png"), self->season_id);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
pd_chart_panel_dispose (GObject *object)
{
  PdChartPanel *self = (PdChartPanel *) object;

  gtk_widget_dispose_template (GTK_WIDGET (self), PD_TYPE_CHART_PANEL);
  pd_ui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pd_chart_panel_parent_class)->dispose (object);
}

static void
pd_chart_panel_finalize (GObject *object)
{
  PdChartPanel *self = (PdChartPanel *) object;

  g_free (self->season_id);
  g_free (self->class_id);

  G_OBJECT_CLASS (pd_chart_panel_parent_class)->finalize (object);
}

static void
pd_chart_panel_class_init (PdChartPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_chart_panel_dispose;
  object_class->finalize = pd_chart_panel_finalize;

  signals[SHOW_TOAST] = g_signal_new ("show-toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);

  g_type_ensure (PD_TYPE_PROGRESSION_CHART_WIDGET);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/paddock/Paddock/ui/pd-chart-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, PdChartPanel, points_button);
  gtk_widget_class_bind_template_child (widget_class, PdChartPanel, position_button);
  gtk_widget_class_bind_template_child (widget_class, PdChartPanel, top_spin);
  gtk_widget_class_bind_template_child (widget_class, PdChartPanel, chart_widget);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
pd_chart_panel_init (PdChartPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (self->position_button, "toggled", G_CALLBACK (mode_toggled_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->top_spin, "value-changed", G_CALLBACK (top_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", FALSE);
}

/**
 * pd_chart_panel_show:
 * @class_id: (nullable): one class, or %NULL for the whole field
 * @after_round: the last round, or 0 for the whole season
 *
 * Shows the chart of these standings, read from @store.
 */
void
pd_chart_panel_show (PdChartPanel    *self,
                     PdStore         *store,
                     const char      *season_id,
                     PdStandingsKind  kind,
                     const char      *class_id,
                     int              after_round)
{
  g_return_if_fail (PD_IS_CHART_PANEL (self));

  g_set_object (&self->store, store);
  g_free (self->season_id);
  self->season_id = g_strdup (season_id);
  g_free (self->class_id);
  self->class_id = g_strdup (class_id);
  self->kind = kind;
  self->after_round = after_round;
  reload (self);
}

void
pd_chart_panel_set_mode (PdChartPanel *self,
                         PdChartMode   mode)
{
  g_return_if_fail (PD_IS_CHART_PANEL (self));

  gtk_toggle_button_set_active (mode == PD_CHART_POSITION ? self->position_button : self->points_button, TRUE);
}

void
pd_chart_panel_set_top (PdChartPanel *self,
                        guint         top)
{
  g_return_if_fail (PD_IS_CHART_PANEL (self));

  gtk_spin_button_set_value (self->top_spin, top);
}

PdProgressionChartWidget *
pd_chart_panel_get_chart_widget (PdChartPanel *self)
{
  g_return_val_if_fail (PD_IS_CHART_PANEL (self), NULL);

  return self->chart_widget;
}
