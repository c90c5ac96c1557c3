#define G_LOG_DOMAIN "paddock-model"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "pd-enums.h"
#include "pd-enum-types.h"

/**
 * pd_enum_to_nick:
 * @enum_type: a #GEnum type
 * @value: one of its values
 *
 * Returns: (transfer none) (nullable): the value's nick, as the store and the
 *   formats write it, or %NULL if @value is not a member of @enum_type
 */
const char *
pd_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  /* The class of a registered enum lives as long as the program, so the
   * nick stays valid after the reference is dropped. */
  return ev != NULL ? ev->value_nick : NULL;
}

/**
 * pd_enum_from_nick:
 * @enum_type: a #GEnum type
 * @nick: a nick such as "warm-up"
 * @value: (out): where to store the value
 *
 * Returns: %TRUE if @nick names a value of @enum_type
 */
gboolean
pd_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *ev;

  g_return_val_if_fail (value != NULL, FALSE);

  if (nick == NULL)
    return FALSE;

  klass = g_type_class_ref (enum_type);
  ev = g_enum_get_value_by_nick (klass, nick);
  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

const char *
pd_session_kind_to_label (PdSessionKind kind)
{
  switch (kind)
    {
    case PD_SESSION_KIND_PRACTICE: return _("Practice");
    case PD_SESSION_KIND_QUALIFYING: return _("Qualifying");
    case PD_SESSION_KIND_RACE: return _("Race");
    case PD_SESSION_KIND_SPRINT: return _("Sprint");
    case PD_SESSION_KIND_WARM_UP: return _("Warm-up");
    default: return "";
    }
}

const char *
pd_session_status_to_label (PdSessionStatus status)
{
  switch (status)
    {
    case PD_SESSION_STATUS_SCHEDULED: return C_("session status", "Scheduled");
    case PD_SESSION_STATUS_TENTATIVE: return C_("session status", "Tentative");
    case PD_SESSION_STATUS_POSTPONED: return C_("session status", "Postponed");
    case PD_SESSION_STATUS_CANCELLED: return C_("session status", "Cancelled");
    default: return "";
    }
}

const char *
pd_round_status_to_label (PdRoundStatus status)
{
  switch (status)
    {
    case PD_ROUND_STATUS_SCHEDULED: return C_("round status", "Scheduled");
    case PD_ROUND_STATUS_POSTPONED: return C_("round status", "Postponed");
    case PD_ROUND_STATUS_CANCELLED: return C_("round status", "Cancelled");
    default: return "";
    }
}

const char *
pd_result_status_to_label (PdResultStatus status)
{
  switch (status)
    {
    case PD_RESULT_STATUS_CLASSIFIED: return C_("result status", "Classified");
    case PD_RESULT_STATUS_NOT_CLASSIFIED: return C_("result status", "Not classified");
    /* TRANSLATORS: "Did not finish", shown in a narrow results column */
    case PD_RESULT_STATUS_DNF: return C_("result status", "DNF");
    /* TRANSLATORS: "Did not start", shown in a narrow results column */
    case PD_RESULT_STATUS_DNS: return C_("result status", "DNS");
    /* TRANSLATORS: "Disqualified", shown in a narrow results column */
    case PD_RESULT_STATUS_DSQ: return C_("result status", "DSQ");
    case PD_RESULT_STATUS_EXCLUDED: return C_("result status", "Excluded");
    default: return "";
    }
}

const char *
pd_penalty_kind_to_label (PdPenaltyKind kind)
{
  switch (kind)
    {
    case PD_PENALTY_KIND_TIME: return _("Time penalty");
    case PD_PENALTY_KIND_POSITIONS: return _("Position penalty");
    case PD_PENALTY_KIND_GRID: return _("Grid penalty");
    case PD_PENALTY_KIND_POINTS: return _("Points deduction");
    case PD_PENALTY_KIND_DISQUALIFICATION: return _("Disqualification");
    case PD_PENALTY_KIND_EXCLUSION: return _("Exclusion from the championship");
    case PD_PENALTY_KIND_LAP_DELETED: return _("Lap time deleted");
    default: return "";
    }
}

const char *
pd_grading_to_label (PdGrading grading)
{
  switch (grading)
    {
    case PD_GRADING_NONE: return "";
    case PD_GRADING_BRONZE: return C_("grading", "Bronze");
    case PD_GRADING_SILVER: return C_("grading", "Silver");
    case PD_GRADING_GOLD: return C_("grading", "Gold");
    case PD_GRADING_PLATINUM: return C_("grading", "Platinum");
    default: return "";
    }
}

/**
 * pd_result_status_from_text:
 * @text: a status as timing sheets and people write it: "Classified",
 *   "Not classified", "NC", "Retired", "DNF", "Not started", "DNS",
 *   "Disqualified", "DSQ", "DQ", "Excluded", "EX", the nicks the store
 *   writes ("not-classified"), or the status's label in the user's
 *   language; any case, spaces around allowed
 *
 * Returns: whether @text is a result status
 */
gboolean
pd_result_status_from_text (const char     *text,
                            PdResultStatus *status)
{
  static const struct { const char *text; PdResultStatus status; } words[] = {
    { "classified", PD_RESULT_STATUS_CLASSIFIED },
    { "finished", PD_RESULT_STATUS_CLASSIFIED },
    { "not classified", PD_RESULT_STATUS_NOT_CLASSIFIED },
    { "not-classified", PD_RESULT_STATUS_NOT_CLASSIFIED },
    { "nc", PD_RESULT_STATUS_NOT_CLASSIFIED },
    { "retired", PD_RESULT_STATUS_DNF },
    { "dnf", PD_RESULT_STATUS_DNF },
    { "ret", PD_RESULT_STATUS_DNF },
    { "not started", PD_RESULT_STATUS_DNS },
    { "dns", PD_RESULT_STATUS_DNS },
    { "disqualified", PD_RESULT_STATUS_DSQ },
    { "dsq", PD_RESULT_STATUS_DSQ },
    { "dq", PD_RESULT_STATUS_DSQ },
    { "excluded", PD_RESULT_STATUS_EXCLUDED },
    { "ex", PD_RESULT_STATUS_EXCLUDED },
  };
  g_autofree char *copy = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *folded = g_utf8_casefold (copy, -1);

  g_return_val_if_fail (status != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (folded, words[i].text))
      {
        *status = words[i].status;
        return TRUE;
      }

  /* The labels the app shows, in the user's language. */
  for (int s = PD_RESULT_STATUS_CLASSIFIED; s <= PD_RESULT_STATUS_EXCLUDED; s++)
    {
      g_autofree char *label = g_utf8_casefold (pd_result_status_to_label (s), -1);

      if (*folded != '\0' && g_str_equal (folded, label))
        {
          *status = s;
          return TRUE;
        }
    }
  return FALSE;
}
