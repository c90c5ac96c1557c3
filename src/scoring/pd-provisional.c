#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-provisional.h"

/*
 * Standings rest on provisional results while any session with results
 * in the rounds they count has not been marked final (the stewards may
 * still change it). This finds those sessions that can score (races,
 * sprints, qualifying), for the standings to say so.
 */

void
pd_provisional_free (PdProvisional *provisional)
{
  if (provisional == NULL)
    return;
  g_free (provisional->round_name);
  g_free (provisional->session_id);
  g_free (provisional->session_name);
  g_free (provisional);
}

/**
 * pd_season_provisional_sessions:
 * @after_round: the last round counted; 0 for all
 *
 * Returns: (transfer full) (element-type PdProvisional) (nullable): the
 *   sessions with results that are not final, in round and session order;
 *   %NULL with @error set when the season cannot be read
 */
GPtrArray *
pd_season_provisional_sessions (PdStore     *store,
                                const char  *season_id,
                                int          after_round,
                                GError     **error)
{
  g_autoptr(GListModel) rounds = NULL;
  g_autoptr(GListModel) sessions = NULL;
  g_autoptr(GHashTable) with_results = NULL;
  g_autoptr(GHashTable) round_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify) pd_provisional_free);

  g_return_val_if_fail (PD_IS_STORE (store), NULL);
  g_return_val_if_fail (season_id != NULL, NULL);

  if ((rounds = pd_store_list_rounds (store, season_id, error)) == NULL ||
      (sessions = pd_store_list_season_sessions (store, season_id, error)) == NULL ||
      (with_results = pd_store_list_sessions_with_results (store, season_id, error)) == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (rounds); i++)
    {
      g_autoptr(PdRound) round = g_list_model_get_item (rounds, i);

      g_hash_table_insert (round_by_id, (gpointer) pd_round_get_id (round), round);
    }

  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(PdSession) session = g_list_model_get_item (sessions, i);
      PdRound *round = g_hash_table_lookup (round_by_id, pd_session_get_round_id (session));
      PdProvisional *provisional;

      PdSessionKind kind = pd_session_get_kind (session);

      /* Practice and warm-up never score. */
      if (kind == PD_SESSION_KIND_PRACTICE || kind == PD_SESSION_KIND_WARM_UP)
        continue;
      if (pd_session_get_final (session) || round == NULL ||
          !g_hash_table_contains (with_results, pd_session_get_id (session)) ||
          (after_round > 0 && pd_round_get_number (round) > after_round))
        continue;

      provisional = g_new0 (PdProvisional, 1);
      provisional->round_number = pd_round_get_number (round);
      provisional->round_name = g_strdup (pd_round_get_name (round));
      provisional->session_id = g_strdup (pd_session_get_id (session));
      provisional->session_name = g_strdup (pd_session_get_name (session));
      g_ptr_array_add (found, provisional);
    }

  return g_steal_pointer (&found);
}

/**
 * pd_provisional_describe:
 * @provisional: (element-type PdProvisional): from
 *   pd_season_provisional_sessions()
 *
 * Returns: (transfer full) (nullable): a sentence saying which results are
 *   provisional, or %NULL when there are none
 */
char *
pd_provisional_describe (GPtrArray *provisional)
{
  g_autoptr(GString) sessions = g_string_new (NULL);

  if (provisional == NULL || provisional->len == 0)
    return NULL;

  for (guint i = 0; i < provisional->len && i < 3; i++)
    {
      PdProvisional *p = provisional->pdata[i];

      if (i > 0)
        /* TRANSLATORS: the separator between sessions in a list */
        g_string_append (sessions, _("; "));
      /* TRANSLATORS: a session in a list: the round's name, then the session's, "Spa Race 1" */
      g_string_append_printf (sessions, _("%s %s"), p->round_name, p->session_name);
    }
  if (provisional->len > 3)
    /* TRANSLATORS: more sessions than the list names */
    g_string_append_printf (sessions, g_dngettext (GETTEXT_PACKAGE, " and %u more", " and %u more",
                                                   provisional->len - 3),
                            provisional->len - 3);

  /* TRANSLATORS: %s lists sessions, such as "Spa Race 1; Spa Race 2" */
  return g_strdup_printf (_("Provisional: these standings rest on results not yet final (%s)."),
                          sessions->str);
}
