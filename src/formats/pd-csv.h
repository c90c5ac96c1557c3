#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PD_CSV_ERROR (pd_csv_error_quark ())

typedef enum {
  PD_CSV_ERROR_INVALID_UTF8,
  PD_CSV_ERROR_UNTERMINATED_QUOTE,
  PD_CSV_ERROR_STRAY_QUOTE,
  PD_CSV_ERROR_NO_HEADER,
} PdCsvError;

/**
 * PdCsvFlags:
 * @PD_CSV_FLAGS_NONE: no header, every field is text
 * @PD_CSV_HEADER: the first record names the columns; it is read by
 *   pd_csv_reader_new() and never returned by pd_csv_reader_next()
 * @PD_CSV_NULL_MARKER: an unquoted `\N` is NULL, as MySQL and Ergast
 *   write it; a quoted `"\N"` stays text
 */
typedef enum {
  PD_CSV_FLAGS_NONE = 0,
  PD_CSV_HEADER = 1 << 0,
  PD_CSV_NULL_MARKER = 1 << 1,
} PdCsvFlags;

typedef struct _PdCsvReader PdCsvReader;

GQuark        pd_csv_error_quark          (void);

PdCsvReader  *pd_csv_reader_new           (const char   *name,
                                           const char   *data,
                                           gsize         length,
                                           char          separator,
                                           PdCsvFlags    flags,
                                           GError      **error);
void          pd_csv_reader_free          (PdCsvReader  *self);

gboolean      pd_csv_reader_next          (PdCsvReader  *self,
                                           GError      **error);
guint         pd_csv_reader_get_line      (PdCsvReader  *self);
guint         pd_csv_reader_get_n_fields  (PdCsvReader  *self);
const char   *pd_csv_reader_get           (PdCsvReader  *self,
                                           int           index);

guint         pd_csv_reader_get_n_columns (PdCsvReader  *self);
int           pd_csv_reader_column        (PdCsvReader  *self,
                                           const char   *name);

void          pd_csv_reader_set_error     (PdCsvReader  *self,
                                           GError      **error,
                                           GQuark        domain,
                                           int           code,
                                           const char   *format,
                                           ...) G_GNUC_PRINTF (5, 6);

void          pd_csv_append_field         (GString      *out,
                                           const char   *field,
                                           gboolean      last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdCsvReader, pd_csv_reader_free)

G_END_DECLS
