#pragma once

#include <cairo.h>

#include "pd-standings-sheet.h"
#include "pd-standings.h"
#include "pd-store.h"

G_BEGIN_DECLS

/*
 * The progression chart: the points (or the position) of the leading
 * competitors of a championship after each round.
 */

typedef enum {
  PD_CHART_POINTS,
  PD_CHART_POSITION,
} PdChartMode;

typedef enum {
  PD_CHART_PNG,
  PD_CHART_SVG,
  PD_CHART_PDF,
} PdChartFormat;

#define PD_CHART_TOP_DEFAULT 6
#define PD_CHART_TOP_MAX     20

/* One line of the chart. Competitors whose standings were the same after
 * every round (the drivers of one car) share a line. */
typedef struct {
  GStrv      ids;          /* the competitors, in standings order */
  int        position;     /* in the standings the chart ends on; 0 when excluded */
  gboolean   shared;
  PdPoints  *points;       /* after each round of the chart (n_rounds) */
  int       *positions;    /* after each round; 0 while not in the standings */
  char      *name;         /* NULL until named (pd_progression_chart_new) */
} PdProgressionSeries;

typedef struct {
  GArray    *rounds;       /* int: the round numbers along the axis */
  guint      n_scored;     /* the first n_scored rounds have values; the
                            * others are still to come */
  GPtrArray *series;       /* PdProgressionSeries, the leader first */
} PdProgression;

PdProgression *pd_progression_compute (const PdRules       *rules,
                                       const PdScoreSeason *season,
                                       PdStandingsKind      kind,
                                       const char          *class_id,
                                       int                  after_round,
                                       guint                top);
void           pd_progression_free    (PdProgression       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdProgression, pd_progression_free)

/* How the chart is drawn. */
typedef struct {
  gboolean    dark;        /* light text and colours for a dark background */
  gboolean    background;  /* paint the background (exports); a widget draws on its own */
  gboolean    title;       /* the season and championship above the chart */
  const char *font_family; /* NULL: "Sans" */
  double      font_size;   /* of the body text, in the units drawn in; 0: 11 */
} PdChartStyle;

typedef struct _PdProgressionChart PdProgressionChart;

PdProgressionChart  *pd_progression_chart_new      (PdStore             *store,
                                                    const char          *season_id,
                                                    const PdRules       *rules,
                                                    const PdScoreSeason *season,
                                                    PdStandingsKind      kind,
                                                    const char          *class_id,
                                                    int                  after_round,
                                                    guint                top);
PdProgressionChart  *pd_progression_chart_load     (PdStore             *store,
                                                    const char          *season_id,
                                                    PdStandingsKind      kind,
                                                    const char          *class_id,
                                                    int                  after_round,
                                                    guint                top,
                                                    GError             **error);
void                 pd_progression_chart_free     (PdProgressionChart  *self);
const PdProgression *pd_progression_chart_get_data (PdProgressionChart  *self);
void                 pd_progression_chart_set_mode (PdProgressionChart  *self,
                                                    PdChartMode          mode);
PdChartMode          pd_progression_chart_get_mode (PdProgressionChart  *self);
const char          *pd_progression_chart_get_title (PdProgressionChart *self);
char                *pd_progression_chart_describe (PdProgressionChart  *self);
void                 pd_progression_chart_draw     (PdProgressionChart  *self,
                                                    cairo_t             *cr,
                                                    double               width,
                                                    double               height,
                                                    const PdChartStyle  *style);
void                 pd_progression_chart_get_export_size (PdPaper       paper,
                                                           double       *width,
                                                           double       *height);
gboolean             pd_progression_chart_write    (PdProgressionChart  *self,
                                                    const char          *path,
                                                    PdChartFormat        format,
                                                    PdPaper              paper,
                                                    GError             **error);

gboolean             pd_chart_format_from_string   (const char          *text,
                                                    PdChartFormat       *format);
gboolean             pd_chart_format_from_path     (const char          *path,
                                                    PdChartFormat       *format);
gboolean             pd_chart_mode_from_string     (const char          *text,
                                                    PdChartMode         *mode);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdProgressionChart, pd_progression_chart_free)

G_END_DECLS
