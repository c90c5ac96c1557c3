#define G_LOG_DOMAIN "paddock-sheet"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <langinfo.h>
#include <math.h>
#include <locale.h>
#include <stdint.h>
#include <string.h>

#include <cairo-pdf.h>

#include "pd-cairo-text.h"
#include "pd-sheet-private.h"

/*
 * The page engine of the printed sheets: the paper, the page header and
 * footer ("page X of Y"), paragraphs, and tables that go on from page to
 * page repeating their header, drawn with cairo and Pango onto any cairo_t
 * of a given page size, so that the PDF export and GtkPrintOperation's
 * draw-page give the same pages. A sheet (the standings, a session's
 * results) says what its tables hold and how a row looks (PdSheetClass);
 * the engine places everything on the pages.
 *
 * All sizes are in points (1/72 inch): the PDF surface's unit, and the
 * unit the app asks GtkPrintOperation for. Text is laid out on a Pango
 * context of our own at 72 dpi with unhinted metrics, so that a layout
 * measured once is the same on every surface it is drawn on.
 */

#define MARGIN PD_SHEET_MARGIN

/* Something placed on a page. */
typedef enum {
  BLOCK_PARAGRAPH,
  BLOCK_HEADING,
  BLOCK_TABLE_HEADER,
  BLOCK_ROW,
} BlockKind;

typedef struct {
  int          page;
  BlockKind    kind;
  double       y;
  double       height;
  guint        table;
  guint        row;
  const char  *font;         /* paragraphs and headings */
  const char  *text;
  gboolean     dim;
} Block;

/* ---------------------------------------------------------------------- */
/* Paper */

/* Territories that use US Letter (CLDR's list). */
static const char * const letter_territories[] = {
  "US", "CA", "MX", "PH", "CL", "CO", "VE", "CR", "GT", "SV", "PA", "PR", "DO", "NI", "BZ", NULL
};

/**
 * pd_paper_default:
 *
 * Returns: the paper of the user's locale (LC_PAPER): Letter in the
 *   territories that use it, A4 elsewhere
 */
PdPaper
pd_paper_default (void)
{
  const char *locale;
  const char *underscore;

#ifdef _NL_PAPER_WIDTH
  {
    /* glibc keeps the paper size in the locale itself, in millimetres. */
    int width = (int) (intptr_t) nl_langinfo (_NL_PAPER_WIDTH);

    if (width == 216)
      return PD_PAPER_LETTER;
    if (width == 210)
      return PD_PAPER_A4;
  }
#endif

  locale = setlocale (LC_PAPER, NULL);
  underscore = locale != NULL ? strchr (locale, '_') : NULL;
  if (underscore != NULL && strlen (underscore) >= 3)
    for (guint i = 0; letter_territories[i] != NULL; i++)
      if (strncmp (underscore + 1, letter_territories[i], 2) == 0)
        return PD_PAPER_LETTER;
  return PD_PAPER_A4;
}

/**
 * pd_paper_from_string:
 * @text: "a4" or "letter", in any case
 *
 * Returns: whether @text names a paper
 */
gboolean
pd_paper_from_string (const char *text,
                      PdPaper    *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (text != NULL && g_ascii_strcasecmp (text, "a4") == 0)
    *paper = PD_PAPER_A4;
  else if (text != NULL && g_ascii_strcasecmp (text, "letter") == 0)
    *paper = PD_PAPER_LETTER;
  else
    return FALSE;
  return TRUE;
}

void
pd_paper_get_size (PdPaper  paper,
                   double  *width,
                   double  *height)
{
  if (paper == PD_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      /* 210 × 297 mm */
      *width = 595.2756;
      *height = 841.8898;
    }
}

/* ---------------------------------------------------------------------- */
/* What every sheet says the same way */

/**
 * pd_sheet_season_title:
 *
 * Returns: (transfer full): the season's name, which usually holds the
 *   series' name; "Series: Season" when it does not
 */
char *
pd_sheet_season_title (PdStore  *store,
                       PdSeason *season)
{
  g_autoptr(PdSeries) series = NULL;
  const char *name = pd_season_get_name (season);

  if (pd_season_get_series_id (season) != NULL)
    series = pd_store_get (store, PD_TYPE_SERIES, pd_season_get_series_id (season), NULL);
  if (series != NULL && pd_series_get_name (series) != NULL && name != NULL &&
      strstr (name, pd_series_get_name (series)) == NULL)
    /* TRANSLATORS: a printed sheet's title: the series, then the season */
    return g_strdup_printf (_("%s: %s"), pd_series_get_name (series), name);
  return g_strdup (name != NULL ? name : pd_season_get_id (season));
}

/**
 * pd_sheet_format_day:
 *
 * Returns: (transfer full): a day as people read it: "1 October 2023"
 */
char *
pd_sheet_format_day (GDateTime *day)
{
  /* TRANSLATORS: a date on a printed sheet; see strftime(3), %-d is the day without padding */
  return g_date_time_format (day, _("%-d %B %Y"));
}

/**
 * pd_sheet_format_date:
 * @date: (nullable): a day as YYYY-MM-DD
 *
 * Returns: (transfer full) (nullable): the day as people read it, or
 *   %NULL when @date is not one
 */
char *
pd_sheet_format_date (const char *date)
{
  int y, m, d;
  g_autoptr(GDateTime) day = NULL;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  day = g_date_time_new_local (y, m, d, 12, 0, 0);
  return day != NULL ? pd_sheet_format_day (day) : NULL;
}

/**
 * pd_sheet_made_with:
 *
 * Returns: (transfer full): the page footer's "Made with Paddock on" the
 *   day the sheet is made: SOURCE_DATE_EPOCH when set, for sheets that
 *   must come out the same twice
 */
char *
pd_sheet_made_with (void)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;

  if (epoch != NULL && *epoch != '\0')
    now = g_date_time_new_from_unix_utc (g_ascii_strtoll (epoch, NULL, 10));
  if (now == NULL)
    now = g_date_time_new_now_local ();
  today = pd_sheet_format_day (now);
  /* TRANSLATORS: the page footer of a printed sheet; %s is today's date */
  return g_strdup_printf (_("Made with Paddock on %s"), today);
}

/* ---------------------------------------------------------------------- */
/* The sheet */

/**
 * pd_sheet_init:
 * @klass: the sheet's own ways, static
 *
 * Sets up the engine's part of a sheet allocated zeroed.
 */
void
pd_sheet_init (PdSheet            *self,
               const PdSheetClass *klass)
{
  self->klass = klass;
  self->header_rows = 1;
  self->columns = g_array_new (FALSE, TRUE, sizeof (PdSheetColumn));
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  self->strings = g_ptr_array_new_with_free_func (g_free);
  self->fonts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) pango_font_description_free);
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

void
pd_sheet_free (PdSheet *self)
{
  if (self == NULL)
    return;

  if (self->klass->free != NULL)
    self->klass->free (self);
  g_free (self->title);
  g_free (self->header_right);
  g_free (self->footer_left);
  g_hash_table_unref (self->layouts);
  g_hash_table_unref (self->fonts);
  g_clear_object (&self->context);
  g_array_unref (self->columns);
  g_array_unref (self->blocks);
  g_ptr_array_unref (self->strings);
  g_free (self);
}

const char *
pd_sheet_get_title (PdSheet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/* ---------------------------------------------------------------------- */
/* Text */

/**
 * pd_sheet_new_layout:
 * @width: the width to set the text in, or 0 for none
 * @ellipsize: whether a text wider than @width is cut short ("…") rather
 *   than wrapped
 *
 * Returns: (transfer full): @text laid out in @font
 */
PangoLayout *
pd_sheet_new_layout (PdSheet    *self,
                     const char *font,
                     const char *text,
                     double      width,
                     gboolean    ellipsize)
{
  PangoLayout *layout;
  PangoFontDescription *description = g_hash_table_lookup (self->fonts, font);

  if (description == NULL)
    {
      description = pango_font_description_from_string (font);
      g_hash_table_insert (self->fonts, g_strdup (font), description);
    }
  if (self->context == NULL)
    self->context = pd_cairo_text_context_new ();
  layout = pango_layout_new (self->context);
  pango_layout_set_font_description (layout, description);
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      if (ellipsize)
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      else
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

/* A layout made once for each text, font, width and setting, kept by the
 * sheet: a table repeats its numbers and names from page to page, and it
 * is measured before it is drawn. (Pango lays a layout out again by
 * itself when the context changes.) */
static PangoLayout *
cached_layout (PdSheet        *self,
               const char     *font,
               const char     *text,
               double          width,
               gboolean        ellipsize,
               PangoAlignment  alignment)
{
  g_autofree char *key = g_strdup_printf ("%s\x1f%s\x1f%.3f\x1f%d\x1f%d", font, text != NULL ? text : "",
                                          width, ellipsize, alignment);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);

  if (layout == NULL)
    {
      layout = pd_sheet_new_layout (self, font, text, width, ellipsize);
      pango_layout_set_alignment (layout, alignment);
      g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
    }
  return layout;
}

/**
 * pd_sheet_text_size:
 * @width: the width to wrap the text in, or -1 for none
 *
 * Measures @text set in @font.
 */
void
pd_sheet_text_size (PdSheet    *self,
                    const char *font,
                    const char *text,
                    double      width,
                    double     *out_width,
                    double     *out_height)
{
  PangoLayout *layout = cached_layout (self, font, text, width, FALSE, PANGO_ALIGN_LEFT);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (out_width != NULL)
    *out_width = (double) logical.width / PANGO_SCALE;
  if (out_height != NULL)
    *out_height = (double) logical.height / PANGO_SCALE;
}

/**
 * pd_sheet_show_text:
 * @wrap: whether a text wider than @width wraps, rather than being cut
 *   short
 *
 * Draws @text with its top left corner at @x, @y.
 */
void
pd_sheet_show_text (PdSheet        *self,
                    cairo_t        *cr,
                    const char     *font,
                    const char     *text,
                    double          x,
                    double          y,
                    double          width,
                    PangoAlignment  alignment,
                    gboolean        wrap)
{
  PangoLayout *layout = cached_layout (self, font, text, width, !wrap, alignment);

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* ---------------------------------------------------------------------- */
/* Columns */

/**
 * pd_sheet_add_column:
 * @max: the column's width when the page is short of room, or 0 to keep
 *   its texts whole
 *
 * Adds a column to the sheet's tables, measured by its texts
 * (pd_sheet_column_measure()).
 *
 * Returns: (transfer none): the column, valid until the next one is added
 */
PdSheetColumn *
pd_sheet_add_column (PdSheet  *self,
                     int       field,
                     guint     index,
                     gboolean  right,
                     double    max)
{
  PdSheetColumn column = { field, index, 0, right, 0, 0, max };

  g_array_append_val (self->columns, column);
  return &g_array_index (self->columns, PdSheetColumn, self->columns->len - 1);
}

/**
 * pd_sheet_column_measure:
 *
 * Widens @column to hold @text in @font.
 */
void
pd_sheet_column_measure (PdSheet       *self,
                         PdSheetColumn *column,
                         const char    *font,
                         const char    *text)
{
  double width;

  if (text == NULL || *text == '\0')
    return;
  pd_sheet_text_size (self, font, text, -1, &width, NULL);
  column->natural = MAX (column->natural, width + 2 * PD_SHEET_CELL_PAD);
}

/**
 * pd_sheet_columns_done:
 *
 * Ends the measuring: the columns' widths when room is short, the table's
 * width then, and the height of a row.
 */
void
pd_sheet_columns_done (PdSheet *self)
{
  double line;

  self->min_width = 0;
  for (guint c = 0; c < self->columns->len; c++)
    {
      PdSheetColumn *column = &g_array_index (self->columns, PdSheetColumn, c);

      column->capped = column->max > 0 ? MIN (column->natural, column->max) : column->natural;
      column->width = column->capped;
      self->min_width += column->capped;
    }
  self->table_width = self->min_width;

  pd_sheet_text_size (self, PD_SHEET_BODY_FONT, "Åg", -1, NULL, &line);
  self->row_height = ceil (line + 2 * PD_SHEET_CELL_VPAD);
}

static void
measure (PdSheet *self)
{
  if (self->measured)
    return;
  self->measured = TRUE;
  self->klass->measure (self);
}

/* Long texts are cut short only when the page has no room for them: what
 * room is left goes to them, the first columns first. */
static void
fit_columns (PdSheet *self,
             double   content)
{
  double slack = content - self->min_width;

  self->table_width = 0;
  for (guint c = 0; c < self->columns->len; c++)
    {
      PdSheetColumn *column = &g_array_index (self->columns, PdSheetColumn, c);

      column->width = column->capped;
      if (slack > 0 && column->natural > column->capped)
        {
          double more = MIN (slack, column->natural - column->capped);

          column->width += more;
          slack -= more;
        }
      self->table_width += column->width;
    }
}

/* ---------------------------------------------------------------------- */
/* Pagination */

static void
add_block (PdSheet     *self,
           BlockKind    kind,
           double       height,
           guint        table,
           guint        row,
           const char  *font,
           const char  *text,
           gboolean     dim)
{
  Block block = { self->page, kind, self->y, height, table, row, font, text, dim };

  g_array_append_val (self->blocks, block);
}

static void
new_page (PdSheet *self)
{
  self->page++;
  self->y = self->top;
}

/**
 * pd_sheet_keep:
 * @text: (transfer full): a text made while laying out
 *
 * Returns: (transfer none): @text, kept as long as the pagination
 */
const char *
pd_sheet_keep (PdSheet *self,
               char    *text)
{
  g_ptr_array_add (self->strings, text);
  return text;
}

/**
 * pd_sheet_add_paragraph:
 * @text: kept by the caller (or by pd_sheet_keep()) until the sheet is
 *   laid out again
 * @gap_after: the space below it
 *
 * Places a paragraph, wrapped to the page's width, on the next page when
 * it does not fit on this one.
 */
void
pd_sheet_add_paragraph (PdSheet    *self,
                        const char *font,
                        const char *text,
                        gboolean    dim,
                        double      gap_after)
{
  double height;

  pd_sheet_text_size (self, font, text, self->content, NULL, &height);
  if (self->y + height > self->bottom && self->y > self->top)
    new_page (self);
  add_block (self, BLOCK_PARAGRAPH, height, 0, 0, font, text, dim);
  self->y += height + gap_after;
}

void
pd_sheet_add_space (PdSheet *self,
                    double   space)
{
  self->y += space;
}

/* A table's heading and header, at its top and again on each page the
 * table goes on to. */
static void
add_table_top (PdSheet    *self,
               guint       table,
               const char *title,
               double      heading_height,
               double      header_height)
{
  add_block (self, BLOCK_HEADING, heading_height, table, 0, PD_SHEET_HEADING_FONT, title, FALSE);
  self->y += heading_height + 3;
  add_block (self, BLOCK_TABLE_HEADER, header_height, table, 0, NULL, NULL, FALSE);
  self->y += header_height;
}

/**
 * pd_sheet_add_table:
 * @table: the sheet's own number of the table, passed back to its
 *   draw_table_header and draw_row
 * @title: the table's heading, kept as for pd_sheet_add_paragraph()
 * @n_rows: its rows
 *
 * Places a table under its heading: the heading never ends a page (it
 * comes with the header and a few rows), and a table that goes on to the
 * next page repeats its heading, "(continued)", and its header there.
 */
void
pd_sheet_add_table (PdSheet    *self,
                    guint       table,
                    const char *title,
                    guint       n_rows)
{
  double heading_height, row_height, header_height, needed;
  const char *continued;

  pd_sheet_text_size (self, PD_SHEET_HEADING_FONT, "Åg", -1, NULL, &heading_height);
  row_height = self->row_height * self->scale;
  header_height = row_height * self->header_rows;

  needed = heading_height + 3 + header_height + row_height * MIN (n_rows, 3);
  if (self->y + needed > self->bottom && self->y > self->top)
    new_page (self);
  add_table_top (self, table, title, heading_height, header_height);

  /* TRANSLATORS: a table of a printed sheet (a class of the standings) continued on the next page */
  continued = pd_sheet_keep (self, g_strdup_printf (_("%s (continued)"), title));
  for (guint r = 0; r < n_rows; r++)
    {
      if (self->y + row_height > self->bottom)
        {
          new_page (self);
          add_table_top (self, table, continued, heading_height, header_height);
        }
      add_block (self, BLOCK_ROW, row_height, table, r, NULL, NULL, FALSE);
      self->y += row_height;
    }
  self->y += 4;
}

/**
 * pd_sheet_wants_landscape:
 * @width: the page's width in points, portrait
 * @height: the page's height in points, portrait
 *
 * Returns: whether the sheet's tables are too wide for the page upright
 */
gboolean
pd_sheet_wants_landscape (PdSheet *self,
                          double   width,
                          double   height)
{
  g_return_val_if_fail (self != NULL, FALSE);

  measure (self);
  return self->min_width > MIN (width, height) - 2 * MARGIN;
}

/**
 * pd_sheet_paginate:
 * @width: the page's width in points
 * @height: the page's height in points
 *
 * Lays the sheet out on pages of that size: a table wider than the page
 * is drawn smaller, a table that goes on to the next page repeats its
 * heading and header there.
 *
 * Returns: the number of pages, at least 1
 */
int
pd_sheet_paginate (PdSheet *self,
                   double   width,
                   double   height)
{
  double small;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (width > 2 * MARGIN && height > 4 * MARGIN, 0);

  if (self->n_pages > 0 && self->width == width && self->height == height)
    return self->n_pages;

  measure (self);
  g_array_set_size (self->blocks, 0);
  g_ptr_array_set_size (self->strings, 0);
  self->width = width;
  self->height = height;

  self->content = width - 2 * MARGIN;
  fit_columns (self, self->content);
  self->scale = self->table_width > 0 ? MIN (1.0, self->content / self->table_width) : 1.0;
  pd_sheet_text_size (self, PD_SHEET_SMALL_FONT, "Åg", -1, NULL, &small);
  self->top = MARGIN + small + 10;
  self->bottom = height - MARGIN - small - 10;
  self->page = 0;
  self->y = self->top;

  self->klass->lay_out (self);

  self->n_pages = self->page + 1;
  return self->n_pages;
}

/* ---------------------------------------------------------------------- */
/* Drawing */

/**
 * pd_sheet_begin_header:
 *
 * Draws the band behind a table's header, and sets the ink for its text.
 */
void
pd_sheet_begin_header (PdSheet *self,
                       cairo_t *cr)
{
  cairo_set_source_rgb (cr, 0.86, 0.87, 0.89);
  cairo_rectangle (cr, 0, 0, self->table_width, self->row_height * self->header_rows);
  cairo_fill (cr);
  cairo_set_source_rgb (cr, PD_SHEET_INK, PD_SHEET_INK, PD_SHEET_INK);
}

/**
 * pd_sheet_end_header:
 *
 * Draws the rule under a table's header.
 */
void
pd_sheet_end_header (PdSheet *self,
                     cairo_t *cr)
{
  double bottom = self->row_height * self->header_rows;

  cairo_set_source_rgb (cr, PD_SHEET_INK, PD_SHEET_INK, PD_SHEET_INK);
  cairo_set_line_width (cr, 0.8);
  cairo_move_to (cr, 0, bottom);
  cairo_line_to (cr, self->table_width, bottom);
  cairo_stroke (cr);
}

/**
 * pd_sheet_begin_row:
 * @row: the row's index in its table
 *
 * Shades every other row, and sets the ink for its text.
 */
void
pd_sheet_begin_row (PdSheet *self,
                    cairo_t *cr,
                    guint    row)
{
  if (row % 2 == 1)
    {
      cairo_set_source_rgb (cr, 0.95, 0.95, 0.96);
      cairo_rectangle (cr, 0, 0, self->table_width, self->row_height);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, PD_SHEET_INK, PD_SHEET_INK, PD_SHEET_INK);
}

/**
 * pd_sheet_draw_cell:
 * @x: the column's left edge
 * @y: the top of the cell's line
 * @attributes: (nullable): such as bold for a mark
 *
 * Draws a cell's text on one line, set as the column is, cut short when
 * the column is narrower.
 */
void
pd_sheet_draw_cell (PdSheet             *self,
                    cairo_t             *cr,
                    const PdSheetColumn *column,
                    double               x,
                    double               y,
                    const char          *font,
                    const char          *text,
                    PangoAttrList       *attributes)
{
  PangoAlignment alignment;
  double width;

  if (text == NULL || *text == '\0')
    return;
  alignment = column->right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
  width = column->width - 2 * PD_SHEET_CELL_PAD;
  cairo_move_to (cr, x + PD_SHEET_CELL_PAD, y + PD_SHEET_CELL_VPAD);
  if (attributes != NULL)
    {
      g_autoptr(PangoLayout) layout = pd_sheet_new_layout (self, font, text, width, TRUE);

      pango_layout_set_alignment (layout, alignment);
      pango_layout_set_attributes (layout, attributes);
      pango_cairo_show_layout (cr, layout);
    }
  else
    pango_cairo_show_layout (cr, cached_layout (self, font, text, width, TRUE, alignment));
}

/**
 * pd_sheet_draw_page:
 * @cr: where to draw, in points, with the page's top left corner at 0, 0
 * @width: the page's width in points
 * @height: the page's height in points
 * @page: the page, from 0
 *
 * Draws one page of the sheet, laid out for that page size (see
 * pd_sheet_paginate()): the PDF export and printing both draw with this.
 */
void
pd_sheet_draw_page (PdSheet *self,
                    cairo_t *cr,
                    double   width,
                    double   height,
                    int      page)
{
  int n_pages;
  double small, half = (width - 2 * MARGIN) / 2;
  g_autofree char *page_text = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  n_pages = pd_sheet_paginate (self, width, height);
  if (page < 0 || page >= n_pages)
    return;

  cairo_save (cr);
  pango_cairo_update_context (cr, self->context);
  pd_sheet_text_size (self, PD_SHEET_SMALL_FONT, "Åg", -1, NULL, &small);

  /* The page header and footer. */
  cairo_set_source_rgb (cr, PD_SHEET_DIM, PD_SHEET_DIM, PD_SHEET_DIM);
  pd_sheet_show_text (self, cr, PD_SHEET_SMALL_FONT, self->title, MARGIN, MARGIN, half, PANGO_ALIGN_LEFT, FALSE);
  pd_sheet_show_text (self, cr, PD_SHEET_SMALL_FONT, self->header_right, width / 2, MARGIN, half,
                      PANGO_ALIGN_RIGHT, FALSE);
  pd_sheet_show_text (self, cr, PD_SHEET_SMALL_FONT, self->footer_left, MARGIN, height - MARGIN - small, half,
                      PANGO_ALIGN_LEFT, FALSE);
  /* TRANSLATORS: the page footer of a printed sheet */
  page_text = g_strdup_printf (_("Page %d of %d"), page + 1, n_pages);
  pd_sheet_show_text (self, cr, PD_SHEET_SMALL_FONT, page_text, width / 2, height - MARGIN - small, half,
                      PANGO_ALIGN_RIGHT, FALSE);
  cairo_set_line_width (cr, 0.5);
  cairo_move_to (cr, MARGIN, MARGIN + small + 4);
  cairo_line_to (cr, width - MARGIN, MARGIN + small + 4);
  cairo_move_to (cr, MARGIN, height - MARGIN - small - 4);
  cairo_line_to (cr, width - MARGIN, height - MARGIN - small - 4);
  cairo_stroke (cr);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      Block *block = &g_array_index (self->blocks, Block, b);

      if (block->page != page)
        continue;

      switch (block->kind)
        {
        case BLOCK_PARAGRAPH:
        case BLOCK_HEADING:
          if (block->dim)
            cairo_set_source_rgb (cr, PD_SHEET_DIM, PD_SHEET_DIM, PD_SHEET_DIM);
          else
            cairo_set_source_rgb (cr, PD_SHEET_INK, PD_SHEET_INK, PD_SHEET_INK);
          pd_sheet_show_text (self, cr, block->font, block->text, MARGIN, block->y, width - 2 * MARGIN,
                              PANGO_ALIGN_LEFT, block->kind == BLOCK_PARAGRAPH);
          break;

        case BLOCK_TABLE_HEADER:
        case BLOCK_ROW:
          cairo_save (cr);
          cairo_translate (cr, MARGIN, block->y);
          cairo_scale (cr, self->scale, self->scale);
          if (block->kind == BLOCK_TABLE_HEADER)
            self->klass->draw_table_header (self, cr, block->table);
          else
            self->klass->draw_row (self, cr, block->table, block->row);
          cairo_restore (cr);
          break;
        }
    }

  cairo_restore (cr);
}

/**
 * pd_sheet_write_pdf:
 * @path: the file to write
 * @paper: the paper; a table too wide for it upright turns it sideways
 *
 * Writes the sheet as a PDF with its fonts embedded. The file is
 * replaced whole or not at all.
 *
 * Returns: whether the file was written
 */
gboolean
pd_sheet_write_pdf (PdSheet     *self,
                    const char  *path,
                    PdPaper      paper,
                    GError     **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;
  double width, height;
  int n_pages;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pd_paper_get_size (paper, &width, &height);
  if (pd_sheet_wants_landscape (self, width, height))
    {
      double portrait_width = width;

      width = height;
      height = portrait_width;
    }
  n_pages = pd_sheet_paginate (self, width, height);

  surface = cairo_pdf_surface_create_for_stream (pd_cairo_append_bytes_cb, bytes, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Paddock");
  cr = cairo_create (surface);
  for (int page = 0; page < n_pages; page++)
    {
      pd_sheet_draw_page (self, cr, width, height, page);
      cairo_show_page (cr);
    }
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not draw the sheet: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }

  return g_file_set_contents (path, (const char *) bytes->data, bytes->len, error);
}
