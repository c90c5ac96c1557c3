/* Tests of the CSV reader (pd-csv.c): RFC 4180 fields and quoting, line
 * endings, the byte order mark, NULL markers, header lookup, short rows,
 * and errors that name their line; and of the writer: quoting, CRLF, and
 * headers stable or translated. */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "pd-csv.h"
#include "pd-test.h"

/* Reads all of @text; each record becomes its fields joined with '|',
 * NULL shown as "<null>", followed by "@LINE". */
static char *
read_all (const char  *text,
          gssize       length,
          char         separator,
          PdCsvFlags   flags,
          GError     **error)
{
  g_autoptr(PdCsvReader) reader = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  GError *local_error = NULL;

  reader = pd_csv_reader_new (NULL, text, length < 0 ? strlen (text) : (gsize) length,
                              separator, flags, error);
  if (reader == NULL)
    return NULL;

  while (pd_csv_reader_next (reader, &local_error))
    {
      for (guint i = 0; i < pd_csv_reader_get_n_fields (reader); i++)
        {
          const char *field = pd_csv_reader_get (reader, i);
          g_string_append_printf (out, "%s%s", i > 0 ? "|" : "", field != NULL ? field : "<null>");
        }
      g_string_append_printf (out, "@%u\n", pd_csv_reader_get_line (reader));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_reads (const char *text,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = read_all (text, -1, ',', PD_CSV_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, expected);
}

static void
test_plain (void)
{
  assert_reads ("a,b,c\n1,2,3\n", "a|b|c@1\n1|2|3@2\n");
  /* No line break after the last record. */
  assert_reads ("a,b\n1,2", "a|b@1\n1|2@2\n");
  /* Empty fields, at the start, the middle and the end. */
  assert_reads (",x,,\n", "|x||@1\n");
  /* Spaces are kept. */
  assert_reads (" a , b \n", " a | b @1\n");
  /* Nothing at all, or only a line break. */
  assert_reads ("", "");
  assert_reads ("\n", "");
  /* One field per record. */
  assert_reads ("x\ny\n", "x@1\ny@2\n");
}

static void
test_quoted (void)
{
  /* Separators, doubled quotes and line breaks inside quotes. */
  assert_reads ("\"a,b\",\"say \"\"hi\"\"\",\"\"\n", "a,b|say \"hi\"|@1\n");
  assert_reads ("\"two\nlines\",x\nnext,y\n", "two\nlines|x@1\nnext|y@3\n");
  /* A record after a field over three lines starts on line 4. */
  assert_reads ("\"1\n2\n3\"\n4\n", "1\n2\n3@1\n4@4\n");
  /* A CRLF inside quotes is kept as it is. */
  assert_reads ("\"a\r\nb\"\r\nc\r\n", "a\r\nb@1\nc@3\n");
  /* A quoted field at the very end, without a line break. */
  assert_reads ("x,\"end\"", "x|end@1\n");
  /* Only a doubled quote. */
  assert_reads ("\"\"\"\"\n", "\"@1\n");
  /* Non-ASCII text. */
  assert_reads ("\"São Paulo\",Montmeló\n", "São Paulo|Montmeló@1\n");
}

static void
test_line_endings (void)
{
  assert_reads ("a,b\r\n1,2\r\n", "a|b@1\n1|2@2\n");
  /* Mixed. */
  assert_reads ("a\r\nb\nc\r\n", "a@1\nb@2\nc@3\n");
  /* A CR at the very end ends the record. */
  assert_reads ("a,b\r", "a|b@1\n");
  /* A lone CR inside a line is text. */
  assert_reads ("a\rb,c\n", "a\rb|c@1\n");
  /* Blank lines between records are skipped; lines still count. */
  assert_reads ("a\n\n\r\nb\n\n", "a@1\nb@4\n");
}

static void
test_bom (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdCsvReader) reader = NULL;
  const char text[] = "\xef\xbb\xbfname,ref\nMonza,monza\n";

  reader = pd_csv_reader_new ("bom.csv", text, strlen (text), ',', PD_CSV_HEADER, &error);
  g_assert_no_error (error);
  /* The BOM is not part of the first column's name. */
  g_assert_cmpint (pd_csv_reader_column (reader, "name"), ==, 0);
  g_assert_cmpint (pd_csv_reader_column (reader, "ref"), ==, 1);
  g_assert_true (pd_csv_reader_next (reader, &error));
  g_assert_cmpstr (pd_csv_reader_get (reader, 0), ==, "Monza");
  g_assert_cmpuint (pd_csv_reader_get_line (reader), ==, 2);
  g_assert_false (pd_csv_reader_next (reader, &error));
  g_assert_no_error (error);

  /* A BOM alone is an empty file. */
  assert_reads ("\xef\xbb\xbf", "");
}

static void
test_null_marker (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *with = read_all ("1,\\N,\"\\N\",\\Nx,\n", -1, ',', PD_CSV_NULL_MARKER, &error);
  g_autofree char *without = NULL;

  g_assert_no_error (error);
  /* Only an unquoted \N is NULL; an empty field stays empty. */
  g_assert_cmpstr (with, ==, "1|<null>|\\N|\\Nx|@1\n");

  without = read_all ("1,\\N\n", -1, ',', PD_CSV_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (without, ==, "1|\\N@1\n");
}

static void
test_separator (void)
{
  g_autoptr(GError) error = NULL;
  /* Al Kamel's files: ';' between fields, commas inside them. */
  g_autofree char *got = read_all ("POSITION;NUMBER;TEAM\n1;\"7\";Team A, B\n2;;\"x;y\"\n",
                                   -1, ';', PD_CSV_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "POSITION|NUMBER|TEAM@1\n1|7|Team A, B@2\n2||x;y@3\n");

  g_clear_pointer (&got, g_free);
  got = read_all ("a\tb\n", -1, '\t', PD_CSV_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "a|b@1\n");
}

static void
test_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdCsvReader) reader = NULL;
  const char text[] =
    "raceId,year,round,name,url,year\n"
    "1145,2025,1,Australian Grand Prix,https://example.org/\n"
    "1146,2025\n"
    "1147,2025,3,x,y,2026,\n";

  reader = pd_csv_reader_new ("races.csv", text, strlen (text), ',',
                              PD_CSV_HEADER | PD_CSV_NULL_MARKER, &error);
  g_assert_no_error (error);
  g_assert_nonnull (reader);
  g_assert_cmpuint (pd_csv_reader_get_n_columns (reader), ==, 6);
  g_assert_cmpint (pd_csv_reader_column (reader, "raceId"), ==, 0);
  g_assert_cmpint (pd_csv_reader_column (reader, "name"), ==, 3);
  /* A repeated name finds its first column; names are exact. */
  g_assert_cmpint (pd_csv_reader_column (reader, "year"), ==, 1);
  g_assert_cmpint (pd_csv_reader_column (reader, "Year"), ==, -1);
  g_assert_cmpint (pd_csv_reader_column (reader, "fp1_date"), ==, -1);

  /* The header is not a record. */
  g_assert_true (pd_csv_reader_next (reader, &error));
  g_assert_cmpuint (pd_csv_reader_get_line (reader), ==, 2);
  g_assert_cmpuint (pd_csv_reader_get_n_fields (reader), ==, 5);
  g_assert_cmpstr (pd_csv_reader_get (reader, pd_csv_reader_column (reader, "name")), ==,
                   "Australian Grand Prix");
  /* A short row: the missing fields are NULL, as is any index outside. */
  g_assert_null (pd_csv_reader_get (reader, 5));
  g_assert_null (pd_csv_reader_get (reader, -1));
  g_assert_null (pd_csv_reader_get (reader, pd_csv_reader_column (reader, "fp1_date")));

  g_assert_true (pd_csv_reader_next (reader, &error));
  g_assert_cmpuint (pd_csv_reader_get_n_fields (reader), ==, 2);
  g_assert_cmpstr (pd_csv_reader_get (reader, 1), ==, "2025");
  g_assert_null (pd_csv_reader_get (reader, 2));

  /* A long row is the caller's to judge: all of its fields are there. */
  g_assert_true (pd_csv_reader_next (reader, &error));
  g_assert_cmpuint (pd_csv_reader_get_n_fields (reader), ==, 7);
  g_assert_cmpstr (pd_csv_reader_get (reader, 6), ==, "");

  g_assert_false (pd_csv_reader_next (reader, &error));
  g_assert_no_error (error);
  /* And stays at the end. */
  g_assert_false (pd_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

/* The message names @line, with the file's name when the reader has one:
 * the checks do not depend on the language of the message. */
static void
assert_error_line (const GError *error,
                   const char   *name,
                   guint         line)
{
  g_autofree char *tag = g_strdup_printf (" %u:", line);

  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  if (strstr (error->message, tag) == NULL)
    g_error ("“%s” does not name line %u", error->message, line);
  if (name != NULL)
    g_assert_true (g_str_has_prefix (error->message, name));
}

typedef struct {
  const char *name;
  const char *text;
  gsize       length;    /* 0: strlen */
  int         code;
  guint       line;
} BadCase;

static const BadCase bad_cases[] = {
  /* The line the quote opens on, however far the text runs after it. */
  { "unterminated", "a,b\n1,\"2\n3\n4\n", 0, PD_CSV_ERROR_UNTERMINATED_QUOTE, 2 },
  { "unterminated-at-end", "a,b\n1,\"", 0, PD_CSV_ERROR_UNTERMINATED_QUOTE, 2 },
  { "unterminated-after-doubled", "x\n\"a\"\"\n", 0, PD_CSV_ERROR_UNTERMINATED_QUOTE, 2 },
  { "stray-quote", "a,b\n1,2\n3,4\"5\n", 0, PD_CSV_ERROR_STRAY_QUOTE, 3 },
  /* The line the stray quote is on, after a field over two lines. */
  { "stray-quote-later-line", "a,b\n\"1\n1\",x\"y\n", 0, PD_CSV_ERROR_STRAY_QUOTE, 3 },
  { "text-after-quote", "a,b\n\"1\"2,3\n", 0, PD_CSV_ERROR_STRAY_QUOTE, 2 },
  { "space-after-quote", "\"1\" ,2\n", 0, PD_CSV_ERROR_STRAY_QUOTE, 1 },
  { "invalid-utf8", "a,b\n1,2\n3,\xe9t\xe9\n", 0, PD_CSV_ERROR_INVALID_UTF8, 3 },
  { "truncated-utf8", "a,b\nS\xc3", 0, PD_CSV_ERROR_INVALID_UTF8, 2 },
  { "overlong-utf8", "\xc0\xaf\n", 0, PD_CSV_ERROR_INVALID_UTF8, 1 },
  { "nul", "a,b\n1,2\0,3\n", 10, PD_CSV_ERROR_INVALID_UTF8, 2 },
};

static void
test_errors (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      gsize length = c->length > 0 ? c->length : strlen (c->text);
      g_autoptr(GError) error = NULL;
      g_autoptr(GError) again = NULL;
      g_autoptr(PdCsvReader) reader = NULL;
      gboolean failed = FALSE;

      g_test_message ("case %s", c->name);
      reader = pd_csv_reader_new ("data.csv", c->text, length, ',', PD_CSV_FLAGS_NONE, &error);
      if (reader != NULL)
        {
          while (pd_csv_reader_next (reader, &error))
            ;
          failed = error != NULL;
          /* A failed reader stays failed, with the same error. */
          g_assert_false (pd_csv_reader_next (reader, &again));
          g_assert_nonnull (again);
          g_assert_cmpstr (again->message, ==, error->message);
        }
      else
        failed = TRUE;

      g_assert_true (failed);
      g_assert_error (error, PD_CSV_ERROR, c->code);
      assert_error_line (error, "data.csv", c->line);
    }
}

/* The messages in English, word for word. */
static void
test_messages (void)
{
  g_autofree char *saved = g_strdup (setlocale (LC_MESSAGES, NULL));
  g_autoptr(GError) named = NULL;
  g_autoptr(GError) unnamed = NULL;
  g_autoptr(GError) caller = NULL;
  g_autoptr(PdCsvReader) reader = NULL;
  g_autoptr(PdCsvReader) bad = NULL;
  const char text[] = "a,b\n1,2\n3,4\n";

  g_assert_nonnull (setlocale (LC_MESSAGES, "en_US.UTF-8"));

  bad = pd_csv_reader_new ("results.csv", "a\n\"x\n", 5, ',', PD_CSV_FLAGS_NONE, &named);
  g_assert_nonnull (bad);
  g_assert_true (pd_csv_reader_next (bad, &named));
  g_assert_false (pd_csv_reader_next (bad, &named));
  g_assert_cmpstr (named->message, ==, "results.csv, line 2: a quoted field is not closed");

  g_assert_null (pd_csv_reader_new (NULL, "\xff", 1, ',', PD_CSV_FLAGS_NONE, &unnamed));
  g_assert_cmpstr (unnamed->message, ==, "Line 1: the text is not valid UTF-8");

  /* A caller's own error about the current record reads the same way. */
  reader = pd_csv_reader_new ("races.csv", text, strlen (text), ',', PD_CSV_HEADER, &caller);
  g_assert_no_error (caller);
  g_assert_true (pd_csv_reader_next (reader, &caller));
  g_assert_true (pd_csv_reader_next (reader, &caller));
  pd_csv_reader_set_error (reader, &caller, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           "the round “%s” is not a whole number", pd_csv_reader_get (reader, 0));
  g_assert_error (caller, G_FILE_ERROR, G_FILE_ERROR_INVAL);
  g_assert_cmpstr (caller->message, ==, "races.csv, line 3: the round “3” is not a whole number");

  setlocale (LC_MESSAGES, saved);
}

static void
test_no_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdCsvReader) reader = NULL;

  /* With a header expected, an empty file is an error. */
  g_assert_null (pd_csv_reader_new ("empty.csv", "", 0, ',', PD_CSV_HEADER, &error));
  g_assert_error (error, PD_CSV_ERROR, PD_CSV_ERROR_NO_HEADER);
  assert_error_line (error, "empty.csv", 1);
  g_clear_error (&error);

  g_assert_null (pd_csv_reader_new ("blank.csv", "\n\n", 2, ',', PD_CSV_HEADER, &error));
  g_assert_error (error, PD_CSV_ERROR, PD_CSV_ERROR_NO_HEADER);
  g_clear_error (&error);

  /* An error in the header is given by pd_csv_reader_new(). */
  g_assert_null (pd_csv_reader_new ("bad.csv", "a,\"b\n", 5, ',', PD_CSV_HEADER, &error));
  g_assert_error (error, PD_CSV_ERROR, PD_CSV_ERROR_UNTERMINATED_QUOTE);
  g_clear_error (&error);

  /* Without a header, no column is found by name. */
  reader = pd_csv_reader_new (NULL, "a,b\n", 4, ',', PD_CSV_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pd_csv_reader_column (reader, "a"), ==, -1);
  g_assert_cmpuint (pd_csv_reader_get_n_columns (reader), ==, 0);
  g_assert_true (pd_csv_reader_next (reader, &error));
  g_assert_cmpstr (pd_csv_reader_get (reader, 0), ==, "a");
}

/* The data is read up to the length given, not to a NUL. */
static void
test_length (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *got = read_all ("a,b\nc,d", 5, ',', PD_CSV_FLAGS_NONE, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (got, ==, "a|b@1\nc@2\n");
}

/* A field of a record stays valid until the next record is read, however
 * much the buffer grew for it. */
static void
test_long_fields (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(PdCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;
  const char *first, *second;

  g_string_append (text, "short,\"");
  for (guint i = 0; i < 100000; i++)
    g_string_append (text, i % 1000 == 0 ? "\"\"" : "x");
  g_string_append (text, "\",end\n");

  reader = pd_csv_reader_new (NULL, text->str, text->len, ',', PD_CSV_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (pd_csv_reader_next (reader, &error));
  g_assert_cmpuint (pd_csv_reader_get_n_fields (reader), ==, 3);
  first = pd_csv_reader_get (reader, 0);
  second = pd_csv_reader_get (reader, 1);
  g_assert_cmpstr (first, ==, "short");
  g_assert_cmpuint (strlen (second), ==, 100000);
  g_assert_cmpint (second[0], ==, '"');
  g_assert_cmpstr (pd_csv_reader_get (reader, 2), ==, "end");
}

/* The writer: a field is quoted only when it must be, quotes doubled,
 * every record ended by CRLF; the reader gives back what was written. */
static void
test_write (void)
{
  static const char * const fields[] = {
    "plain", "Bäckman", "Hofor Racing, Bonk", "say \"hi\"", "two\nlines", "cr\ronly", " spaces kept ", "",
    "\"", "a,\"b\"\r\nc",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) expected = g_string_new (NULL);
  g_autoptr(PdCsvReader) reader = NULL;
  g_autoptr(GError) error = NULL;

  for (guint round = 0; round < 2; round++)
    for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
      pd_csv_append_field (out, fields[i], i + 1 == G_N_ELEMENTS (fields));
  pd_csv_append_field (out, NULL, TRUE);

  g_string_append (expected, "plain,Bäckman,\"Hofor Racing, Bonk\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\ronly\","
                             " spaces kept ,,\"\"\"\",\"a,\"\"b\"\"\r\nc\"\r\n");
  g_string_append (expected, expected->str);
  g_string_append (expected, "\r\n");
  g_assert_cmpstr (out->str, ==, expected->str);

  reader = pd_csv_reader_new (NULL, out->str, out->len, ',', PD_CSV_FLAGS_NONE, &error);
  g_assert_no_error (error);
  for (guint round = 0; round < 2; round++)
    {
      g_assert_true (pd_csv_reader_next (reader, &error));
      g_assert_cmpuint (pd_csv_reader_get_n_fields (reader), ==, G_N_ELEMENTS (fields));
      for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
        g_assert_cmpstr (pd_csv_reader_get (reader, i), ==, fields[i]);
    }
  /* The empty record at the end is a blank line to the reader. */
  g_assert_false (pd_csv_reader_next (reader, &error));
  g_assert_no_error (error);
}

/* Headers: the stable names whatever the language; the translated ones
 * in the user's (this test runs under sv_SE.UTF-8). */
static void
test_write_header (void)
{
  static const PdCsvColumn columns[] = {
    { "position", NC_("csv column", "Position") },
    { "class", NC_("csv column", "Class") },
    { "total_time_ms", NC_("csv column", "Total time (ms)") },
  };
  g_autoptr(GString) out = g_string_new (NULL);
  PdCsvHeaders headers = PD_CSV_HEADERS_TRANSLATED;

  pd_csv_append_header (out, columns, G_N_ELEMENTS (columns), PD_CSV_HEADERS_STABLE, TRUE);
  g_assert_cmpstr (out->str, ==, "position,class,total_time_ms\r\n");
  g_string_truncate (out, 0);
  pd_csv_append_header (out, columns, G_N_ELEMENTS (columns), PD_CSV_HEADERS_TRANSLATED, FALSE);
  pd_csv_append_field (out, "R3", TRUE);
  g_assert_cmpstr (out->str, ==, "Placering,Klass,Total tid (ms),R3\r\n");

  g_assert_true (pd_csv_headers_from_string ("stable", &headers));
  g_assert_cmpint (headers, ==, PD_CSV_HEADERS_STABLE);
  g_assert_true (pd_csv_headers_from_string ("translated", &headers));
  g_assert_cmpint (headers, ==, PD_CSV_HEADERS_TRANSLATED);
  g_assert_false (pd_csv_headers_from_string ("Translated", &headers));
  g_assert_false (pd_csv_headers_from_string (NULL, &headers));
  g_assert_cmpint (headers, ==, PD_CSV_HEADERS_TRANSLATED);
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  g_test_add_func ("/csv/plain", test_plain);
  g_test_add_func ("/csv/quoted", test_quoted);
  g_test_add_func ("/csv/line-endings", test_line_endings);
  g_test_add_func ("/csv/bom", test_bom);
  g_test_add_func ("/csv/null-marker", test_null_marker);
  g_test_add_func ("/csv/separator", test_separator);
  g_test_add_func ("/csv/header", test_header);
  g_test_add_func ("/csv/no-header", test_no_header);
  g_test_add_func ("/csv/length", test_length);
  g_test_add_func ("/csv/long-fields", test_long_fields);
  g_test_add_func ("/csv/errors", test_errors);
  g_test_add_func ("/csv/messages", test_messages);
  g_test_add_func ("/csv/write", test_write);
  g_test_add_func ("/csv/write-header", test_write_header);

  return g_test_run ();
}
