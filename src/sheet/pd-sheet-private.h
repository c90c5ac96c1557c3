#pragma once

/*
 * The page engine the sheets share (pd-sheet.c): what a sheet of its own
 * (the standings, a session's results) needs to lay its tables out and
 * draw them. Only the sheets include this.
 */

#include <pango/pangocairo.h>

#include "pd-sheet.h"
#include "pd-store.h"

G_BEGIN_DECLS

#define PD_SHEET_MARGIN        36.0   /* half an inch all round */
#define PD_SHEET_CELL_PAD      3.0
#define PD_SHEET_CELL_VPAD     1.6
#define PD_SHEET_SECTION_GAP   10.0
#define PD_SHEET_BODY_FONT     "Sans 8"
#define PD_SHEET_BOLD_FONT     "Sans Bold 8"
#define PD_SHEET_SMALL_FONT    "Sans 7"
#define PD_SHEET_HEADING_FONT  "Sans Bold 11"
#define PD_SHEET_TITLE_FONT    "Sans Bold 16"
#define PD_SHEET_SUBTITLE_FONT "Sans 10"

/* Grey levels of text, dim text and thin rules. */
#define PD_SHEET_INK   0.10
#define PD_SHEET_DIM   0.38
#define PD_SHEET_RULE  0.55

/**
 * PdSheetColumn:
 * @field: what the sheet shows in it, the sheet's own number
 * @index: which one of a repeated field (a session of the standings)
 * @width: its width as laid out for the page
 * @right: whether its text is set right (numbers)
 * @natural: its widest text, heading included
 * @capped: its width when the page is short of room: @natural, or at
 *   most the column's maximum, the rest of a longer text cut short
 * @max: the column's maximum when room is short, 0 for none
 */
typedef struct {
  int      field;
  guint    index;
  double   width;
  gboolean right;
  double   natural;
  double   capped;
  double   max;
} PdSheetColumn;

/**
 * PdSheetClass:
 * @measure: adds the columns of the sheet's tables (pd_sheet_add_column())
 *   and measures their texts (pd_sheet_column_measure()); called once
 * @lay_out: places the sheet's paragraphs and tables on the pages, with
 *   pd_sheet_add_paragraph() and pd_sheet_add_table()
 * @draw_table_header: draws the header of table @table at 0, 0
 * @draw_row: draws row @row of table @table at 0, 0
 * @free: frees what the sheet adds to #PdSheet
 *
 * What a sheet does its own way; the engine does the rest.
 */
typedef struct {
  void (*measure)           (PdSheet *self);
  void (*lay_out)           (PdSheet *self);
  void (*draw_table_header) (PdSheet *self,
                             cairo_t *cr,
                             guint    table);
  void (*draw_row)          (PdSheet *self,
                             cairo_t *cr,
                             guint    table,
                             guint    row);
  void (*free)              (PdSheet *self);
} PdSheetClass;

/* A sheet of its own starts with this. */
struct _PdSheet
{
  const PdSheetClass *klass;
  char               *title;         /* the page header's left, and the PDF's title */
  char               *header_right;  /* the page header's right */
  char               *footer_left;   /* "Made with Paddock on ..." */

  PangoContext       *context;
  GHashTable         *fonts;         /* font → PangoFontDescription */
  GHashTable         *layouts;       /* font, text, width, how → PangoLayout, laid out once */
  GArray             *columns;       /* PdSheetColumn, all tables alike */
  guint               header_rows;   /* the lines of a table's header */
  double              row_height;
  double              table_width;   /* as laid out for the page */
  double              min_width;     /* with long texts cut short */
  gboolean            measured;

  /* The pagination of the last page size asked for. */
  double              width;
  double              height;
  double              scale;
  int                 n_pages;
  GArray             *blocks;        /* things placed on pages */
  GPtrArray          *strings;       /* texts the blocks point to */

  /* Where the next block goes, while laying out. */
  int                 page;
  double              y;
  double              top;
  double              bottom;
  double              content;
};

void           pd_sheet_init            (PdSheet            *self,
                                         const PdSheetClass *klass);

char          *pd_sheet_season_title    (PdStore            *store,
                                         PdSeason           *season);
char          *pd_sheet_format_day      (GDateTime          *day);
char          *pd_sheet_format_date     (const char         *date);
char          *pd_sheet_made_with       (void);

PangoLayout   *pd_sheet_new_layout      (PdSheet            *self,
                                         const char         *font,
                                         const char         *text,
                                         double              width,
                                         gboolean            ellipsize);
void           pd_sheet_text_size       (PdSheet            *self,
                                         const char         *font,
                                         const char         *text,
                                         double              width,
                                         double             *out_width,
                                         double             *out_height);
void           pd_sheet_show_text       (PdSheet            *self,
                                         cairo_t            *cr,
                                         const char         *font,
                                         const char         *text,
                                         double              x,
                                         double              y,
                                         double              width,
                                         PangoAlignment      alignment,
                                         gboolean            wrap);

PdSheetColumn *pd_sheet_add_column      (PdSheet            *self,
                                         int                 field,
                                         guint               index,
                                         gboolean            right,
                                         double              max);
void           pd_sheet_column_measure  (PdSheet            *self,
                                         PdSheetColumn      *column,
                                         const char         *font,
                                         const char         *text);
void           pd_sheet_columns_done    (PdSheet            *self);

const char    *pd_sheet_keep            (PdSheet            *self,
                                         char               *text);
void           pd_sheet_add_paragraph   (PdSheet            *self,
                                         const char         *font,
                                         const char         *text,
                                         gboolean            dim,
                                         double              gap_after);
void           pd_sheet_add_table       (PdSheet            *self,
                                         guint               table,
                                         const char         *title,
                                         guint               n_rows);
void           pd_sheet_add_space       (PdSheet            *self,
                                         double              space);

void           pd_sheet_begin_header    (PdSheet            *self,
                                         cairo_t            *cr);
void           pd_sheet_end_header      (PdSheet            *self,
                                         cairo_t            *cr);
void           pd_sheet_begin_row       (PdSheet            *self,
                                         cairo_t            *cr,
                                         guint               row);
void           pd_sheet_draw_cell       (PdSheet            *self,
                                         cairo_t            *cr,
                                         const PdSheetColumn *column,
                                         double              x,
                                         double              y,
                                         const char         *font,
                                         const char         *text,
                                         PangoAttrList      *attributes);

G_END_DECLS
