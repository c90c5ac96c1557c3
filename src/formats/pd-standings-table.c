#define G_LOG_DOMAIN "paddock-formats"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-score-loader.h"
#include "pd-standings-sheet.h"
#include "pd-standings-table.h"

/*
 * Championship standings as a table of plain values, for the command
 * line (paddock-cli standings) and the app's CSV export: one column per
 * round with a row's points there, the dropped ones in brackets.
 */

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

/**
 * pd_standings_rounds:
 * @rows: (element-type PdStandingsRow): standings
 *
 * Returns: (transfer full) (element-type int): the rounds the rows scored
 *   in, in order
 */
GArray *
pd_standings_rounds (GPtrArray *rows)
{
  GArray *rounds = g_array_new (FALSE, FALSE, sizeof (int));

  for (guint i = 0; i < rows->len; i++)
    {
      PdStandingsRow *row = rows->pdata[i];

      for (guint s = 0; s < row->scores->len; s++)
        {
          int round = g_array_index (row->scores, PdStandingsScore, s).round;
          gboolean seen = FALSE;

          for (guint r = 0; r < rounds->len && !seen; r++)
            seen = g_array_index (rounds, int, r) == round;
          if (!seen)
            g_array_append_val (rounds, round);
        }
    }
  g_array_sort (rounds, compare_ints);
  return rounds;
}

/**
 * pd_standings_row_round_points:
 * @counted: (out): the points of @round that count
 * @dropped: (out): those that do not
 *
 * Sums a row's points in one round.
 *
 * Returns: whether the row has a result in @round (that may have scored
 *   nothing)
 */
gboolean
pd_standings_row_round_points (const PdStandingsRow *row,
                               int                   round,
                               PdPoints             *counted,
                               PdPoints             *dropped)
{
  gboolean any = FALSE;

  *counted = PD_POINTS_ZERO;
  *dropped = PD_POINTS_ZERO;
  for (guint s = 0; s < row->scores->len; s++)
    {
      PdStandingsScore *score = &g_array_index (row->scores, PdStandingsScore, s);

      if (score->round != round)
        continue;
      any = TRUE;
      if (score->counted)
        *counted = pd_points_add (*counted, score->points);
      else
        *dropped = pd_points_add (*dropped, score->points);
    }
  return any;
}

/* Points as a number a spreadsheet reads in any locale: "43.50". */
static char *
points_text (PdPoints points,
             gboolean dropped)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (number, sizeof number, "%.2f", pd_points_to_double (points));
  return dropped ? g_strdup_printf ("(%s)", number) : g_strdup (number);
}

static const PdCsvColumn standings_columns[] = {
  { "position", NC_("csv column", "Position") },
  { "name", NC_("csv column", "Name") },
  /* TRANSLATORS: a CSV column: the identifier of a driver, team or car in Paddock's database */
  { "ref", NC_("csv column", "Identifier") },
  { "points", NC_("csv column", "Points") },
  { "wins", NC_("csv column", "Wins") },
};

/**
 * pd_standings_to_csv:
 * @kind: what @rows are standings of, for their names
 * @rows: (element-type PdStandingsRow): the standings
 * @headers: the header's column names: stable ones, or names for people
 *
 * Returns: (transfer full): the standings as RFC 4180 CSV, UTF-8: a row
 *   per competitor with position ("=3" when shared), name, identifier,
 *   points, wins, and the points of each round ("(12)" when dropped,
 *   nothing in a round without a result),
 *   numbers with a decimal point whatever the language. The fields are
 *   the same whatever the header.
 */
char *
pd_standings_to_csv (PdStore         *store,
                     PdStandingsKind  kind,
                     GPtrArray       *rows,
                     PdCsvHeaders     headers)
{
  g_autoptr(GArray) rounds = pd_standings_rounds (rows);
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (rows != NULL, NULL);

  pd_csv_append_header (out, standings_columns, G_N_ELEMENTS (standings_columns), headers, rounds->len == 0);
  for (guint r = 0; r < rounds->len; r++)
    {
      int round = g_array_index (rounds, int, r);
      g_autofree char *heading = headers == PD_CSV_HEADERS_TRANSLATED
                                 /* TRANSLATORS: a CSV column: a round's points, such as "Round 3" */
                                 ? g_strdup_printf (C_("csv column", "Round %d"), round)
                                 : g_strdup_printf ("R%d", round);

      pd_csv_append_field (out, heading, r + 1 == rounds->len);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      PdStandingsRow *row = rows->pdata[i];
      g_autofree char *name = pd_standings_name (store, kind, row->id);
      g_autofree char *position = pd_standings_row_position_text (row);
      g_autofree char *points = points_text (row->points, FALSE);
      g_autofree char *wins = g_strdup_printf ("%d", row->wins);

      pd_csv_append_field (out, position, FALSE);
      pd_csv_append_field (out, name, FALSE);
      pd_csv_append_field (out, row->id, FALSE);
      pd_csv_append_field (out, points, FALSE);
      pd_csv_append_field (out, wins, rounds->len == 0);
      for (guint r = 0; r < rounds->len; r++)
        {
          PdPoints counted, dropped;
          g_autofree char *cell = NULL;

          /* Nothing in a round without a result, 0.00 for one without points. */
          if (!pd_standings_row_round_points (row, g_array_index (rounds, int, r), &counted, &dropped))
            cell = g_strdup ("");
          else
            cell = pd_points_is_zero (dropped) ? points_text (counted, FALSE) : points_text (dropped, TRUE);
          pd_csv_append_field (out, cell, r + 1 == rounds->len);
        }
    }
  return g_string_free (out, FALSE);
}
