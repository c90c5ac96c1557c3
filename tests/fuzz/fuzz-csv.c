/* Fuzz target for the CSV reader (pd-csv.c).
 *
 * The first byte of the input picks the separator and the flags; the rest
 * is the text. Beyond "does not crash", it checks the reader's promises:
 * every field is valid UTF-8 without a NUL; records start on strictly
 * rising lines within the text; an error is a PdCsvError naming a line
 * within the text, and stays; and what was read, written back with every
 * field quoted, reads again to the same records. */

#define G_LOG_DOMAIN "paddock-fuzz"

#include <glib.h>
#include <string.h>

#include "fuzz.h"
#include "pd-csv.h"

/* One record: its fields, NULL for the NULL marker. */
static void
record_free (gpointer data)
{
  g_ptr_array_unref (data);
}

static guint
count_lines (const char *text,
             gsize       length)
{
  guint lines = 1;

  for (gsize i = 0; i < length; i++)
    lines += text[i] == '\n';
  return lines;
}

/* Reads all records; NULL on an error, which is checked here. */
static GPtrArray *
read_records (const char *text,
              gsize       length,
              char        separator,
              PdCsvFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again = NULL;
  g_autoptr(PdCsvReader) reader = NULL;
  g_autoptr(GPtrArray) records = g_ptr_array_new_with_free_func (record_free);
  guint max_line = count_lines (text, length);
  guint last_line = 0;

  reader = pd_csv_reader_new ("fuzz.csv", text, length, separator, flags, &error);
  if (reader == NULL)
    {
      g_assert_error (error, PD_CSV_ERROR, error->code);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return NULL;
    }

  if (flags & PD_CSV_HEADER)
    {
      last_line = pd_csv_reader_get_line (reader);
      g_assert_cmpuint (pd_csv_reader_get_n_columns (reader), >=, 1);
      g_assert_cmpint (pd_csv_reader_column (reader, ""), >=, -1);
    }

  while (pd_csv_reader_next (reader, &error))
    {
      GPtrArray *fields = g_ptr_array_new_with_free_func (g_free);
      guint line = pd_csv_reader_get_line (reader);

      if (line <= last_line || line > max_line)
        fuzz_fail ("a record on line %u after one on line %u, in %u lines", line, last_line, max_line);
      last_line = line;

      g_assert_cmpuint (pd_csv_reader_get_n_fields (reader), >=, 1);
      for (guint i = 0; i < pd_csv_reader_get_n_fields (reader); i++)
        {
          const char *field = pd_csv_reader_get (reader, i);

          if (field != NULL && !g_utf8_validate (field, -1, NULL))
            fuzz_fail ("field %u of line %u is not UTF-8", i, line);
          g_ptr_array_add (fields, g_strdup (field));
        }
      g_assert_null (pd_csv_reader_get (reader, pd_csv_reader_get_n_fields (reader)));
      g_assert_null (pd_csv_reader_get (reader, -1));
      g_ptr_array_add (records, fields);
    }

  if (error != NULL)
    {
      g_assert_true (error->domain == PD_CSV_ERROR);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      g_assert_true (g_str_has_prefix (error->message, "fuzz.csv"));
      /* The failure stays. */
      g_assert_false (pd_csv_reader_next (reader, &again));
      g_assert_nonnull (again);
      g_assert_cmpstr (again->message, ==, error->message);
      return NULL;
    }

  /* The end stays the end. */
  g_assert_false (pd_csv_reader_next (reader, &again));
  g_assert_no_error (again);
  return g_steal_pointer (&records);
}

/* Writes @records back, every field quoted, NULL as the bare marker. */
static char *
write_records (GPtrArray *records,
               char       separator)
{
  GString *out = g_string_new (NULL);

  for (guint r = 0; r < records->len; r++)
    {
      GPtrArray *fields = records->pdata[r];

      for (guint i = 0; i < fields->len; i++)
        {
          const char *field = fields->pdata[i];

          if (i > 0)
            g_string_append_c (out, separator);
          if (field == NULL)
            {
              g_string_append (out, "\\N");
              continue;
            }
          g_string_append_c (out, '"');
          for (const char *p = field; *p != '\0'; p++)
            {
              if (*p == '"')
                g_string_append_c (out, '"');
              g_string_append_c (out, *p);
            }
          g_string_append_c (out, '"');
        }
      g_string_append (out, r % 2 == 0 ? "\n" : "\r\n");
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_records (GPtrArray *a,
                     GPtrArray *b)
{
  if (a->len != b->len)
    fuzz_fail ("%u records read back as %u", a->len, b->len);
  for (guint r = 0; r < a->len; r++)
    {
      GPtrArray *x = a->pdata[r];
      GPtrArray *y = b->pdata[r];

      if (x->len != y->len)
        fuzz_fail ("record %u: %u fields read back as %u", r, x->len, y->len);
      for (guint i = 0; i < x->len; i++)
        if (g_strcmp0 (x->pdata[i], y->pdata[i]) != 0)
          fuzz_fail ("record %u, field %u: “%s” read back as “%s”", r, i,
                     (char *) x->pdata[i], (char *) y->pdata[i]);
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static const char separators[] = { ',', ';', '\t', '|' };
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autofree char *written = NULL;
  const char *text;
  gsize length;
  PdCsvFlags flags;
  char separator;

  fuzz_init_logging ();

  if (size < 1 || size > 256 * 1024)
    return 0;

  separator = separators[data[0] & 3];
  flags = ((data[0] >> 2) & 1 ? PD_CSV_NULL_MARKER : 0) | ((data[0] >> 3) & 1 ? PD_CSV_HEADER : 0);
  text = (const char *) data + 1;
  length = size - 1;

  records = read_records (text, length, separator, flags);
  if (records == NULL || (flags & PD_CSV_HEADER))
    return 0;

  /* What was read reads back the same. */
  written = write_records (records, separator);
  again = read_records (written, strlen (written), separator, flags | PD_CSV_NULL_MARKER);
  if (again == NULL)
    fuzz_fail ("the records, written back, do not read: %s", written);
  if (!(flags & PD_CSV_NULL_MARKER))
    {
      /* Without the marker no field is NULL; none was written bare. */
      for (guint r = 0; r < again->len; r++)
        {
          GPtrArray *fields = again->pdata[r];
          for (guint i = 0; i < fields->len; i++)
            g_assert_nonnull (fields->pdata[i]);
        }
    }
  assert_same_records (records, again);

  return 0;
}
