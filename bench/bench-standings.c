/* Standings of every season in a database, with each season's rules:
 * drivers' and teams' tables. Used by bench/run against a GROUP BY in
 * sqlite3 over the same rows. Prints how many tables it computed. */

#include "config.h"

#include <stdio.h>

#include "pd-score-loader.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PdStore) store = NULL;
  g_autoptr(GListModel) seasons = NULL;
  guint tables = 0, rows = 0;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  store = pd_store_new (argv[1], NULL, NULL, &error);
  if (store == NULL || (seasons = pd_store_list_seasons (store, &error)) == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return 1;
    }

  for (guint i = 0; i < g_list_model_get_n_items (seasons); i++)
    {
      g_autoptr(PdSeason) season = g_list_model_get_item (seasons, i);
      g_autoptr(PdRules) rules = pd_rules_for_season (store, pd_season_get_id (season), NULL);
      g_autoptr(PdScoreSeason) score = NULL;

      if (rules == NULL)
        continue;
      score = pd_score_season_load_scoring (store, pd_season_get_id (season), rules, &error);
      if (score == NULL)
        {
          fprintf (stderr, "%s\n", error->message);
          return 1;
        }
      for (int kind = PD_STANDINGS_DRIVERS; kind <= PD_STANDINGS_TEAMS; kind++)
        {
          g_autoptr(GPtrArray) table = pd_standings_compute (rules, score, kind, NULL, 0);

          rows += table->len;
          tables++;
        }
    }

  printf ("%u tables, %u rows\n", tables, rows);
  return 0;
}
