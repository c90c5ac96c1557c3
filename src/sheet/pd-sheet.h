#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

/* Paper sizes for the printed sheets, in points (1/72 inch), portrait. */
typedef enum {
  PD_PAPER_A4,
  PD_PAPER_LETTER,
} PdPaper;

PdPaper   pd_paper_default      (void);
gboolean  pd_paper_from_string  (const char  *text,
                                 PdPaper     *paper);
void      pd_paper_get_size     (PdPaper      paper,
                                 double      *width,
                                 double      *height);

/**
 * PdSheet:
 *
 * A printed sheet: the standings sheet (pd-standings-sheet.h) or a
 * session's results sheet (pd-results-sheet.h). Both are laid out and
 * drawn by the same page engine, so the PDF export and printing through
 * GtkPrintOperation give the same pages.
 */
typedef struct _PdSheet PdSheet;

void        pd_sheet_free            (PdSheet     *self);
const char *pd_sheet_get_title       (PdSheet     *self);
gboolean    pd_sheet_wants_landscape (PdSheet     *self,
                                      double       width,
                                      double       height);
int         pd_sheet_paginate        (PdSheet     *self,
                                      double       width,
                                      double       height);
void        pd_sheet_draw_page       (PdSheet     *self,
                                      cairo_t     *cr,
                                      double       width,
                                      double       height,
                                      int          page);
gboolean    pd_sheet_write_pdf       (PdSheet     *self,
                                      const char  *path,
                                      PdPaper      paper,
                                      GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdSheet, pd_sheet_free)

G_END_DECLS
