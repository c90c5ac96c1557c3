#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* The nicks glib-mkenums derives from these names ("warm-up",
 * "not-classified", ...) are what the store and the JSON formats write,
 * so renaming a value is a format change. */

typedef enum {
  PD_ROUND_STATUS_SCHEDULED,
  PD_ROUND_STATUS_POSTPONED,
  PD_ROUND_STATUS_CANCELLED,
} PdRoundStatus;

typedef enum {
  PD_SESSION_KIND_PRACTICE,
  PD_SESSION_KIND_QUALIFYING,
  PD_SESSION_KIND_RACE,
  PD_SESSION_KIND_SPRINT,
  PD_SESSION_KIND_WARM_UP,
} PdSessionKind;

typedef enum {
  PD_SESSION_STATUS_SCHEDULED,
  PD_SESSION_STATUS_TENTATIVE,
  PD_SESSION_STATUS_POSTPONED,
  PD_SESSION_STATUS_CANCELLED,
} PdSessionStatus;

typedef enum {
  PD_RESULT_STATUS_CLASSIFIED,
  PD_RESULT_STATUS_NOT_CLASSIFIED,
  PD_RESULT_STATUS_DNF,
  PD_RESULT_STATUS_DNS,
  PD_RESULT_STATUS_DSQ,
  PD_RESULT_STATUS_EXCLUDED,
} PdResultStatus;

typedef enum {
  PD_PENALTY_KIND_TIME,
  PD_PENALTY_KIND_POSITIONS,
  PD_PENALTY_KIND_GRID,
  PD_PENALTY_KIND_POINTS,
  PD_PENALTY_KIND_DISQUALIFICATION,
  PD_PENALTY_KIND_EXCLUSION,
  PD_PENALTY_KIND_LAP_DELETED,
} PdPenaltyKind;

typedef enum {
  PD_GRADING_NONE,
  PD_GRADING_BRONZE,
  PD_GRADING_SILVER,
  PD_GRADING_GOLD,
  PD_GRADING_PLATINUM,
} PdGrading;

const char *pd_enum_to_nick   (GType       enum_type,
                               int         value);
gboolean    pd_enum_from_nick (GType       enum_type,
                               const char *nick,
                               int        *value);

const char *pd_session_kind_to_label   (PdSessionKind   kind);
const char *pd_session_status_to_label (PdSessionStatus status);
const char *pd_round_status_to_label   (PdRoundStatus   status);
const char *pd_result_status_to_label  (PdResultStatus  status);
const char *pd_penalty_kind_to_label   (PdPenaltyKind   kind);
const char *pd_grading_to_label        (PdGrading       grading);

gboolean    pd_result_status_from_text (const char     *text,
                                        PdResultStatus *status);

G_END_DECLS
