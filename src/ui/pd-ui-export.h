#pragma once

#include <adwaita.h>

#include "pd-csv.h"
#include "pd-sheet.h"

G_BEGIN_DECLS

/**
 * PdUiExportFunc:
 * @view: the view that exports
 * @path: the file to write
 * @headers: the column headings the user chose, for CSV
 *
 * Writes what @view shows to @path.
 *
 * Returns: whether the file was written
 */
typedef gboolean (*PdUiExportFunc) (GtkWidget     *view,
                                    const char    *path,
                                    PdCsvHeaders   headers,
                                    GError       **error);

/**
 * PdUiExport:
 * @title: the save dialog's title, marked with N_()
 * @filter_name: the name of the kind of file, marked with N_()
 * @mime_type: the kind of file
 * @headers_choice: whether the dialog offers the choice of column
 *   headings (CSV)
 * @save: writes the file
 *
 * One way a view exports what it shows.
 */
typedef struct {
  const char     *title;
  const char     *filter_name;
  const char     *mime_type;
  gboolean        headers_choice;
  PdUiExportFunc  save;
} PdUiExport;

void     pd_ui_export_run  (GtkWidget               *view,
                            const PdUiExport        *export,
                            const char              *file_name);
gboolean pd_ui_print_sheet (GtkWidget               *widget,
                            PdSheet                 *sheet,
                            GtkPrintOperationAction  action,
                            const char              *export_path,
                            GError                 **error);

G_END_DECLS
