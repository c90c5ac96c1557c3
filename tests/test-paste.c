/* Tests of the spreadsheet paste reader (pd-paste.c): columns named by a
 * header or taken in the default order, gaps to the leader turned into
 * times and laps, and every cell that is not what its column holds
 * reported with its line (in Swedish, as the tests run). */

#define G_LOG_DOMAIN "paddock-test"

#include "config.h"

#include <string.h>

#include "pd-paste.h"
#include "pd-test.h"

static PdPasteRow *
row_at (PdPaste *paste,
        guint    i)
{
  g_assert_cmpuint (i, <, paste->rows->len);
  return paste->rows->pdata[i];
}

static void
assert_no_problems (PdPaste *paste)
{
  for (guint i = 0; i < paste->problems->len; i++)
    g_test_message ("%s", ((PdPasteProblem *) paste->problems->pdata[i])->message);
  g_assert_cmpuint (paste->problems->len, ==, 0);
}

static void
test_header (void)
{
  g_autoptr(PdPaste) paste = pd_paste_parse (
    "Pos\tNo.\tDriver\tLaps\tTime\tBest lap\tStatus\r\n"
    "1\t2\tSchrey\t25\t1:01:12.345\t2:25.101\tClassified\r\n"
    "2\t#42\tDemoustier\t25\t+1.675\t2:25.300\t\r\n"
    "\r\n"
    "3\t89\tBäckman\t\t1 lap\t2:27.500\t\r\n"
    "4\t3\tLariche\t12\t\t\tDNF\r\n");
  PdPasteRow *row;

  assert_no_problems (paste);
  g_assert_true (paste->header);
  g_assert_cmpuint (paste->rows->len, ==, 4);

  row = row_at (paste, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpint (row->position, ==, 1);
  g_assert_cmpstr (row->number, ==, "2");
  g_assert_cmpint (row->laps, ==, 25);
  g_assert_cmpint (row->total_time_ms, ==, 3672345);
  g_assert_cmpint (row->best_lap_ms, ==, 145101);
  g_assert_true (row->has_status && row->status == PD_RESULT_STATUS_CLASSIFIED);

  /* A gap in time: the leader's time and the gap. */
  row = row_at (paste, 1);
  g_assert_cmpstr (row->number, ==, "42");
  g_assert_cmpint (row->total_time_ms, ==, 3672345 + 1675);
  g_assert_false (row->has_status);

  /* A gap in laps: the leader's laps less one; the blank line counts. */
  row = row_at (paste, 2);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpint (row->laps, ==, 24);
  g_assert_cmpint (row->total_time_ms, ==, 0);

  row = row_at (paste, 3);
  g_assert_true (row->has_status && row->status == PD_RESULT_STATUS_DNF);
  g_assert_cmpint (row->laps, ==, 12);
}

/* Car numbers one a line: the finishing order. */
static void
test_numbers_only (void)
{
  g_autoptr(PdPaste) paste = pd_paste_parse ("2\n42\n\n12\n007\n");

  assert_no_problems (paste);
  g_assert_false (paste->header);
  g_assert_cmpuint (paste->rows->len, ==, 4);
  g_assert_cmpstr (row_at (paste, 0)->number, ==, "2");
  g_assert_cmpint (row_at (paste, 0)->position, ==, 0);
  g_assert_cmpint (row_at (paste, 0)->laps, ==, -1);
  g_assert_cmpstr (row_at (paste, 3)->number, ==, "007");
  g_assert_cmpuint (row_at (paste, 3)->line, ==, 5);
}

/* Without a header, a first column counting 1, 2, 3 is the position. */
static void
test_default_order (void)
{
  g_autoptr(PdPaste) counted = pd_paste_parse ("1\t2\t25\t1:01:12.345\n2\t42\t25\t1:01:14.020\n");
  g_autoptr(PdPaste) numbers = pd_paste_parse ("2\t25\t1:01:12.345\t2:25.101\tclassified\n"
                                               "42\t24\t\t\tNC\n");

  assert_no_problems (counted);
  g_assert_cmpint (row_at (counted, 1)->position, ==, 2);
  g_assert_cmpstr (row_at (counted, 1)->number, ==, "42");
  g_assert_cmpint (row_at (counted, 1)->total_time_ms, ==, 3674020);

  assert_no_problems (numbers);
  g_assert_cmpstr (row_at (numbers, 0)->number, ==, "2");
  g_assert_cmpint (row_at (numbers, 0)->position, ==, 0);
  g_assert_cmpint (row_at (numbers, 0)->best_lap_ms, ==, 145101);
  g_assert_cmpint (row_at (numbers, 1)->status, ==, PD_RESULT_STATUS_NOT_CLASSIFIED);
}

typedef struct {
  const char *text;
  guint       line;
  const char *says;   /* a piece of the Swedish message */
} Problem;

static const Problem problems[] = {
  { "No.\tTime\n2\t1:0x.5\n", 2, "”1:0x.5” är inte en tid" },
  { "No.\tLaps\n2\t25\n3\tmany\n", 3, "”many”" },
  { "No.\tStatus\n2\tWinner\n", 2, "”Winner”" },
  { "2\n42\n2\n", 3, "bil 2" },
  { "Pos\tLaps\n1\t25\n", 1, "bilnumret" },
  { "No.\tLaps\n\t25\n", 2, "bilnumret" },
  { "No.\tGap\n2\t+1.5\n", 2, "+1.5" },
  { "No.\tBest lap\n2\t1:45.1234\n", 2, "1:45.1234" },
};

static void
test_problem (gconstpointer data)
{
  const Problem *p = data;
  g_autoptr(PdPaste) paste = pd_paste_parse (p->text);
  PdPasteProblem *problem;
  g_autofree char *where = g_strdup_printf ("Rad %u: ", p->line);

  g_assert_cmpuint (paste->problems->len, >=, 1);
  problem = paste->problems->pdata[0];
  g_test_message ("%s", problem->message);
  g_assert_cmpuint (problem->line, ==, p->line);
  g_assert_true (g_str_has_prefix (problem->message, where));
  if (strstr (problem->message, p->says) == NULL)
    g_error ("“%s” does not say “%s”", problem->message, p->says);
}

static void
test_not_utf8 (void)
{
  g_autoptr(PdPaste) paste = pd_paste_parse ("2\tCaf\xe9\n");

  g_assert_cmpuint (paste->rows->len, ==, 0);
  g_assert_cmpuint (paste->problems->len, ==, 1);
}

static void
test_empty (void)
{
  g_autoptr(PdPaste) paste = pd_paste_parse ("\n \n\t\n");

  g_assert_cmpuint (paste->rows->len, ==, 0);
  g_assert_cmpuint (paste->problems->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  pd_test_init (&argc, &argv);

  g_test_add_func ("/paste/header", test_header);
  g_test_add_func ("/paste/numbers-only", test_numbers_only);
  g_test_add_func ("/paste/default-order", test_default_order);
  g_test_add_func ("/paste/not-utf8", test_not_utf8);
  g_test_add_func ("/paste/empty", test_empty);
  for (guint i = 0; i < G_N_ELEMENTS (problems); i++)
    {
      g_autofree char *path = g_strdup_printf ("/paste/problem/%u", i);
      g_test_add_data_func (path, &problems[i], test_problem);
    }

  return g_test_run ();
}
