#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pd-csv.h"

/*
 * A small CSV reader after RFC 4180: fields separated by one ASCII
 * character (a comma unless told otherwise; Al Kamel timing files use
 * ';'), records ended by LF or CRLF, fields that start with a double quote
 * run to the matching quote and may hold separators, quotes (doubled) and
 * line breaks. Beyond the RFC it takes a UTF-8 byte order mark, skips
 * blank lines between records, and can read MySQL's unquoted \N as NULL.
 *
 * It is strict where a lenient reader would guess: a quote inside an
 * unquoted field, text after a closing quote, an unclosed quote and
 * invalid UTF-8 are errors naming the line, since a guess there silently
 * shifts the columns of every field after it.
 *
 * Hand-written rather than taken from a library: none that Debian ships
 * has a pkg-config file, and this is small enough to fuzz whole.
 */

G_DEFINE_QUARK (pd-csv-error-quark, pd_csv_error)

struct _PdCsvReader
{
  char        *name;
  const char  *data;
  gsize        length;
  gsize        pos;
  char         separator;
  PdCsvFlags   flags;

  guint        line;          /* the line of data[pos], from 1 */
  guint        record_line;   /* the line the current record starts on */
  GError      *failure;       /* once failed, the reader stays failed */

  GString     *buffer;        /* the current record's fields, each ended by NUL */
  GArray      *offsets;       /* gssize into buffer for each field, -1 for NULL */
  GPtrArray   *fields;        /* const char * into buffer, NULL for NULL */

  GHashTable  *columns;       /* header name → index + 1 */
  guint        n_columns;
};

static void set_error_at_valist (PdCsvReader  *self,
                                 guint         line,
                                 GError      **error,
                                 GQuark        domain,
                                 int           code,
                                 const char   *format,
                                 va_list       args) G_GNUC_PRINTF (6, 0);

static void
set_error_at_valist (PdCsvReader  *self,
                     guint         line,
                     GError      **error,
                     GQuark        domain,
                     int           code,
                     const char   *format,
                     va_list       args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);

  if (self->name != NULL)
    /* TRANSLATORS: a file name, a line number in that file, then what is
     * wrong there, such as "results.csv, line 1234: a quoted field is not
     * closed" */
    g_set_error (error, domain, code, _("%s, line %u: %s"), self->name, line, message);
  else
    /* TRANSLATORS: a line number, then what is wrong on that line */
    g_set_error (error, domain, code, _("Line %u: %s"), line, message);
}

static gboolean fail_at (PdCsvReader  *self,
                         guint         line,
                         GError      **error,
                         int           code,
                         const char   *format,
                         ...) G_GNUC_PRINTF (5, 6);

/* Records a reading error: it is returned now and on any later call. */
static gboolean
fail_at (PdCsvReader  *self,
         guint         line,
         GError      **error,
         int           code,
         const char   *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_clear_error (&self->failure);
  set_error_at_valist (self, line, &self->failure, PD_CSV_ERROR, code, format, args);
  va_end (args);

  if (error != NULL)
    *error = g_error_copy (self->failure);
  return FALSE;
}

/* Whether data[pos] ends a record: LF, CRLF, or a CR that ends the data. */
static inline gboolean
at_line_end (PdCsvReader *self,
             gsize        pos)
{
  const char *data = self->data;

  return data[pos] == '\n' ||
         (data[pos] == '\r' && (pos + 1 == self->length || data[pos + 1] == '\n'));
}

/* Reads the quoted field that starts at self->pos into the buffer. */
static gboolean
read_quoted (PdCsvReader  *self,
             GError      **error)
{
  const char *data = self->data;
  gsize len = self->length;
  gsize pos = self->pos + 1;
  guint quote_line = self->line;

  for (;;)
    {
      const char *quote = pos < len ? memchr (data + pos, '"', len - pos) : NULL;

      if (quote == NULL)
        return fail_at (self, quote_line, error, PD_CSV_ERROR_UNTERMINATED_QUOTE,
                        _("a quoted field is not closed"));

      for (const char *p = data + pos; p < quote; p++)
        self->line += *p == '\n';
      g_string_append_len (self->buffer, data + pos, quote - (data + pos));
      pos = (quote - data) + 1;

      /* A doubled quote is one quote of the text. */
      if (pos < len && data[pos] == '"')
        {
          g_string_append_c (self->buffer, '"');
          pos++;
          continue;
        }
      break;
    }

  self->pos = pos;
  if (pos < len && data[pos] != self->separator && !at_line_end (self, pos))
    return fail_at (self, self->line, error, PD_CSV_ERROR_STRAY_QUOTE,
                    _("there is text after the closing quote of a field"));
  return TRUE;
}

/* Appends @n bytes of @text and a NUL to the buffer, growing it once. */
static inline void
buffer_append (GString    *buffer,
               const char *text,
               gsize       n)
{
  gsize start = buffer->len;

  g_string_set_size (buffer, start + n);
  memcpy (buffer->str + start, text, n);
  g_string_append_c (buffer, '\0');
}

/* Reads the unquoted field that starts at self->pos; *is_null tells
 * whether it was the NULL marker. */
static gboolean
read_plain (PdCsvReader  *self,
            gboolean     *is_null,
            GError      **error)
{
  const char *data = self->data;
  const char separator = self->separator;
  gsize len = self->length;
  gsize start = self->pos;
  gsize pos = start;

  /* Most bytes are none of the four that matter: a tight loop over them,
   * then a closer look at the one it stopped at. */
  for (;;)
    {
      while (pos < len && data[pos] != separator && data[pos] != '\n' &&
             data[pos] != '\r' && data[pos] != '"')
        pos++;
      if (pos < len && data[pos] == '\r' && !at_line_end (self, pos))
        {
          pos++;
          continue;
        }
      break;
    }
  if (pos < len && data[pos] == '"')
    return fail_at (self, self->line, error, PD_CSV_ERROR_STRAY_QUOTE,
                    _("a double quote inside a field that does not start with one"));

  *is_null = (self->flags & PD_CSV_NULL_MARKER) != 0 && pos - start == 2 &&
             data[start] == '\\' && data[start + 1] == 'N';
  if (!*is_null)
    buffer_append (self->buffer, data + start, pos - start);
  self->pos = pos;
  return TRUE;
}

/**
 * pd_csv_reader_new:
 * @name: (nullable): the file's name, for messages ("results.csv, line 3: …")
 * @data: the text; it must outlive the reader, which does not copy it
 * @length: its length in bytes
 * @separator: the field separator, an ASCII character such as ',' or ';'
 *
 * Checks that @data is UTF-8 (a NUL byte is refused too, since fields are
 * C strings) and, with %PD_CSV_HEADER, reads the header.
 *
 * Returns: (transfer full) (nullable): the reader, or %NULL with @error set
 */
PdCsvReader *
pd_csv_reader_new (const char   *name,
                   const char   *data,
                   gsize         length,
                   char          separator,
                   PdCsvFlags    flags,
                   GError      **error)
{
  g_autoptr(PdCsvReader) self = NULL;
  const char *invalid = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (separator > 0 && separator != '"' && separator != '\n' &&
                        separator != '\r', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (PdCsvReader, 1);
  self->name = g_strdup (name);
  self->data = data != NULL ? data : "";
  self->length = length;
  self->separator = separator;
  self->flags = flags;
  self->line = 1;
  self->record_line = 1;
  self->buffer = g_string_new (NULL);
  self->offsets = g_array_new (FALSE, FALSE, sizeof (gssize));
  self->fields = g_ptr_array_new ();

  if (!g_utf8_validate_len (self->data, length, &invalid))
    {
      guint line = 1;

      for (const char *p = self->data; p < invalid; p++)
        line += *p == '\n';
      fail_at (self, line, error, PD_CSV_ERROR_INVALID_UTF8, _("the text is not valid UTF-8"));
      return NULL;
    }

  if (length >= 3 && memcmp (self->data, "\xef\xbb\xbf", 3) == 0)
    self->pos = 3;

  if (flags & PD_CSV_HEADER)
    {
      g_autoptr(GError) local_error = NULL;

      if (!pd_csv_reader_next (self, &local_error))
        {
          if (local_error != NULL)
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            fail_at (self, self->line, error, PD_CSV_ERROR_NO_HEADER,
                     _("the file is empty; a first line naming the columns was expected"));
          return NULL;
        }

      self->columns = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      self->n_columns = self->fields->len;
      for (guint i = 0; i < self->fields->len; i++)
        {
          const char *column = self->fields->pdata[i];

          /* A repeated name finds its first column. */
          if (column != NULL && !g_hash_table_contains (self->columns, column))
            g_hash_table_insert (self->columns, g_strdup (column), GUINT_TO_POINTER (i + 1));
        }
    }

  return g_steal_pointer (&self);
}

void
pd_csv_reader_free (PdCsvReader *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_clear_error (&self->failure);
  g_string_free (self->buffer, TRUE);
  g_array_unref (self->offsets);
  g_ptr_array_unref (self->fields);
  g_clear_pointer (&self->columns, g_hash_table_unref);
  g_free (self);
}

/**
 * pd_csv_reader_next:
 *
 * Reads the next record. Its fields stay valid until the next call.
 *
 * Returns: %TRUE with a record; %FALSE at the end of the data (@error not
 *   set) or on an error (@error set, and set again by any later call)
 */
gboolean
pd_csv_reader_next (PdCsvReader  *self,
                    GError      **error)
{
  const char *data;
  gsize len;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failure != NULL)
    {
      if (error != NULL)
        *error = g_error_copy (self->failure);
      return FALSE;
    }

  data = self->data;
  len = self->length;
  g_string_truncate (self->buffer, 0);
  g_array_set_size (self->offsets, 0);
  g_ptr_array_set_size (self->fields, 0);

  /* Blank lines between records carry nothing. */
  while (self->pos < len && at_line_end (self, self->pos))
    {
      if (data[self->pos] == '\r')
        self->pos++;
      if (self->pos < len && data[self->pos] == '\n')
        {
          self->pos++;
          self->line++;
        }
    }
  if (self->pos >= len)
    return FALSE;

  self->record_line = self->line;
  for (;;)
    {
      gssize offset = self->buffer->len;
      gboolean is_null = FALSE;
      gboolean quoted = self->pos < len && data[self->pos] == '"';

      if (quoted)
        {
          if (!read_quoted (self, error))
            return FALSE;
        }
      else if (!read_plain (self, &is_null, error))
        return FALSE;

      /* A plain field is ended already (unless it was the NULL marker). */
      if (quoted)
        g_string_append_c (self->buffer, '\0');
      if (is_null)
        offset = -1;
      g_array_append_val (self->offsets, offset);

      if (self->pos < len && data[self->pos] == self->separator)
        {
          /* A separator at the very end still opens an (empty) field. */
          self->pos++;
          continue;
        }

      /* The end of the record: a line break, or the end of the data. */
      if (self->pos < len && data[self->pos] == '\r')
        self->pos++;
      if (self->pos < len && data[self->pos] == '\n')
        {
          self->pos++;
          self->line++;
        }
      break;
    }

  /* Pointers into the buffer only now that it no longer moves. */
  g_ptr_array_set_size (self->fields, self->offsets->len);
  for (guint i = 0; i < self->offsets->len; i++)
    {
      gssize offset = g_array_index (self->offsets, gssize, i);

      self->fields->pdata[i] = offset < 0 ? NULL : self->buffer->str + offset;
    }

  return TRUE;
}

/**
 * pd_csv_reader_get_line:
 *
 * Returns: the line, from 1, that the current record starts on
 */
guint
pd_csv_reader_get_line (PdCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->record_line;
}

/**
 * pd_csv_reader_get_n_fields:
 *
 * Returns: the number of fields of the current record, which may differ
 *   from the number of columns of the header
 */
guint
pd_csv_reader_get_n_fields (PdCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->fields->len;
}

/**
 * pd_csv_reader_get:
 * @index: a field index from 0, such as one from pd_csv_reader_column();
 *   a negative one is allowed and gives %NULL
 *
 * Returns: (nullable): the field's text; %NULL for the NULL marker and for
 *   a field the record does not have (a short row)
 */
const char *
pd_csv_reader_get (PdCsvReader *self,
                   int          index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index < 0 || (guint) index >= self->fields->len)
    return NULL;
  return self->fields->pdata[index];
}

/**
 * pd_csv_reader_get_n_columns:
 *
 * Returns: the number of columns of the header, 0 without one
 */
guint
pd_csv_reader_get_n_columns (PdCsvReader *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_columns;
}

/**
 * pd_csv_reader_column:
 * @name: a column name of the header, compared exactly
 *
 * Returns: the column's index, or -1 when the header has no such column
 *   (or the reader was made without %PD_CSV_HEADER)
 */
int
pd_csv_reader_column (PdCsvReader *self,
                      const char  *name)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  if (self->columns == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->columns, name)) - 1;
}

/**
 * pd_csv_reader_set_error:
 * @format: what is wrong with the current record, a translated message
 *
 * Sets @error to @format's message, prefixed with the file's name and the
 * line of the current record, the way the reader's own errors read; for
 * callers that find a record's content wrong.
 */
void
pd_csv_reader_set_error (PdCsvReader  *self,
                         GError      **error,
                         GQuark        domain,
                         int           code,
                         const char   *format,
                         ...)
{
  va_list args;

  g_return_if_fail (self != NULL);

  va_start (args, format);
  set_error_at_valist (self, self->record_line, error, domain, code, format, args);
  va_end (args);
}

/*
 * The writer: RFC 4180 with UTF-8 text (the MIME type's charset
 * parameter; RFC 4180 itself names US-ASCII only). Every record, the last
 * one too, ends in CRLF; a field is quoted when it holds a comma, a
 * double quote, CR or LF, and a double quote inside is doubled; any other
 * field, spaces and all, is written as it is. No byte order mark: scripts
 * read the first column's name as it is.
 */

/**
 * pd_csv_append_field:
 * @field: (nullable): the field's text; %NULL is an empty field
 * @last: whether @field ends its record
 *
 * Writes one field of RFC 4180 CSV to @out: quoted when it holds a comma,
 * a quote or a line break, with "\r\n" after the last field of a record.
 */
void
pd_csv_append_field (GString    *out,
                     const char *field,
                     gboolean    last)
{
  if (field == NULL)
    field = "";
  if (strpbrk (field, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = field; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, field);
  g_string_append (out, last ? "\r\n" : ",");
}

/**
 * pd_csv_append_header:
 * @columns: (array length=n_columns): the columns
 * @last: whether the header ends with these columns
 *
 * Writes the names of @columns as fields of a CSV header: their stable
 * names, or their names in the user's language.
 */
void
pd_csv_append_header (GString           *out,
                      const PdCsvColumn *columns,
                      guint              n_columns,
                      PdCsvHeaders       headers,
                      gboolean           last)
{
  for (guint c = 0; c < n_columns; c++)
    pd_csv_append_field (out,
                         headers == PD_CSV_HEADERS_TRANSLATED
                         ? g_dpgettext2 (GETTEXT_PACKAGE, "csv column", columns[c].translated)
                         : columns[c].stable,
                         last && c + 1 == n_columns);
}

/**
 * pd_csv_headers_from_string:
 * @text: "stable" or "translated"
 *
 * Returns: whether @text names a kind of header
 */
gboolean
pd_csv_headers_from_string (const char   *text,
                            PdCsvHeaders *headers)
{
  g_return_val_if_fail (headers != NULL, FALSE);

  if (g_strcmp0 (text, "stable") == 0)
    *headers = PD_CSV_HEADERS_STABLE;
  else if (g_strcmp0 (text, "translated") == 0)
    *headers = PD_CSV_HEADERS_TRANSLATED;
  else
    return FALSE;
  return TRUE;
}
