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

/**
 * PdCsvHeaders:
 * @PD_CSV_HEADERS_STABLE: English names that stay the same in every
 *   language and every version, for scripts and spreadsheets that look
 *   columns up by name ("position", "total_time_ms")
 * @PD_CSV_HEADERS_TRANSLATED: the column names in the user's language,
 *   for people
 *
 * The first line of an exported CSV file.
 */
typedef enum {
  PD_CSV_HEADERS_STABLE,
  PD_CSV_HEADERS_TRANSLATED,
} PdCsvHeaders;

/**
 * PdCsvColumn:
 * @stable: the stable name
 * @translated: the name for people, marked with NC_("csv column", ...)
 *
 * A column of an exported CSV file.
 */
typedef struct {
  const char *stable;
  const char *translated;
} PdCsvColumn;

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
void          pd_csv_append_header        (GString           *out,
                                           const PdCsvColumn *columns,
                                           guint              n_columns,
                                           PdCsvHeaders       headers,
                                           gboolean           last);
gboolean      pd_csv_headers_from_string  (const char   *text,
                                           PdCsvHeaders *headers);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdCsvReader, pd_csv_reader_free)

G_END_DECLS
