#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n.h>

#include "pd-ui-export.h"

/*
 * What the views that export share: the save dialog (a
 * GtkFileChooserNative, with the choice of CSV column headings), the toast
 * that says how it went, and printing a sheet through GtkPrintOperation
 * with the very function that draws its PDF.
 */

typedef struct {
  GtkWidget        *view;
  const PdUiExport *export;
} ExportRun;

static void
export_response_cb (GtkNativeDialog *dialog,
                    int              response,
                    gpointer         user_data)
{
  ExportRun *run = user_data;
  g_autoptr(GtkWidget) view = run->view;
  const PdUiExport *export = run->export;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  PdCsvHeaders headers = PD_CSV_HEADERS_TRANSLATED;

  g_free (run);
  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      if (export->headers_choice)
        pd_csv_headers_from_string (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "headers"), &headers);
    }
  g_object_unref (dialog);
  if (file == NULL)
    return;

  path = g_file_get_path (file);
  name = g_file_get_basename (file);
  if (path != NULL && export->save (view, path, headers, &error))
    /* TRANSLATORS: %s is a file name */
    message = g_strdup_printf (_("Saved as “%s”"), name);
  else
    /* TRANSLATORS: a file name, then what went wrong */
    message = g_strdup_printf (_("“%s” could not be saved: %s"), name,
                               error != NULL ? error->message : _("not a local file"));
  g_signal_emit_by_name (view, "show-toast", message);
}

/**
 * pd_ui_export_run:
 * @view: a view with a "show-toast" signal
 * @export: (not nullable): how it exports, static
 * @file_name: the name the dialog suggests
 *
 * Asks where to save, then saves and says so in a toast.
 */
void
pd_ui_export_run (GtkWidget        *view,
                  const PdUiExport *export,
                  const char       *file_name)
{
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  ExportRun *run;

  g_return_if_fail (GTK_IS_WIDGET (view));
  g_return_if_fail (export != NULL);

  dialog = gtk_file_chooser_native_new (_(export->title), GTK_WINDOW (gtk_widget_get_root (view)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_filter_set_name (filter, _(export->filter_name));
  gtk_file_filter_add_mime_type (filter, export->mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);
  if (export->headers_choice)
    {
      const char *options[] = { "translated", "stable", NULL };
      const char *labels[] = { _("Translated"), _("Stable (for spreadsheets and scripts)"), NULL };

      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "headers", _("Column headings"), options, labels);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "headers", "translated");
    }

  run = g_new0 (ExportRun, 1);
  run->view = g_object_ref (view);
  run->export = export;
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), run);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PdSheet           *sheet)
{
  gtk_print_operation_set_n_pages (operation,
                                   pd_sheet_paginate (sheet, gtk_print_context_get_width (context),
                                                      gtk_print_context_get_height (context)));
}

/* What is printed is what is exported: the same function draws both. */
static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              PdSheet           *sheet)
{
  pd_sheet_draw_page (sheet, gtk_print_context_get_cairo_context (context), gtk_print_context_get_width (context),
                      gtk_print_context_get_height (context), page);
}

/**
 * pd_ui_print_sheet:
 * @widget: the widget whose window the print dialog belongs to
 * @sheet: (transfer full): the sheet
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT with @export_path
 * @export_path: (nullable): the PDF to write when exporting
 *
 * Prints @sheet through GtkPrintOperation, on the locale's paper, turned
 * sideways when the sheet is too wide for it upright, as its PDF is.
 *
 * Returns: whether it was printed (or exported)
 */
gboolean
pd_ui_print_sheet (GtkWidget                *widget,
                   PdSheet                  *sheet,
                   GtkPrintOperationAction   action,
                   const char               *export_path,
                   GError                  **error)
{
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  GtkPrintOperationResult result;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (sheet != NULL, FALSE);

  g_object_set_data_full (G_OBJECT (operation), "pd-sheet", sheet, (GDestroyNotify) pd_sheet_free);

  /* The page setup's paper is the locale's; a wide table turns it. */
  if (pd_sheet_wants_landscape (sheet, gtk_page_setup_get_paper_width (setup, GTK_UNIT_POINTS),
                                gtk_page_setup_get_paper_height (setup, GTK_UNIT_POINTS)))
    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);

  gtk_print_operation_set_job_name (operation, pd_sheet_get_title (sheet));
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* The sheet keeps its own margins, as in the PDF. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (export_path != NULL)
    gtk_print_operation_set_export_filename (operation, export_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), sheet);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), sheet);

  result = gtk_print_operation_run (operation, action, GTK_WINDOW (gtk_widget_get_root (widget)), error);
  return result != GTK_PRINT_OPERATION_RESULT_ERROR;
}
