#pragma once

#include "pd-rules.h"

G_BEGIN_DECLS

/*
 * The scoring engine's input: a season's results as plain data, without
 * the database, so that standings are a pure function of rules and
 * results.
 */

typedef struct {
  char      *result_id;
  char      *entry_id;
  char      *team_id;      /* NULL: no team */
  char      *class_id;     /* NULL: no class */
  char      *car_key;      /* results with one key in a session are one car; NULL: its own car */
  char     **driver_ids;
  int        position;     /* classified position, 0 when not classified */
  int        class_position; /* recorded class position, 0 when derived */
  int        grid;         /* 0 when not known */
  gboolean   fastest_lap;
  PdPoints   deducted;     /* a points penalty on this result: taken from
                            * what it scores (its drivers, car and team) */
  char      *car_number;   /* the number it raced with; NULL: not known */
} PdScoreResult;

typedef struct {
  char          *session_id;
  PdSessionKind  kind;
  int            completed_percent;  /* of the planned distance; 0 = full or not known */
  int            completed_laps;
  GPtrArray     *results;            /* PdScoreResult */
} PdScoreSession;

typedef struct {
  int        number;
  GPtrArray *sessions;               /* PdScoreSession */
} PdScoreRound;

typedef struct {
  GPtrArray *rounds;                 /* PdScoreRound, by number */
  GPtrArray *kept;                   /* what borrowed results point into, freed with the season */
} PdScoreSeason;

PdScoreSeason  *pd_score_season_new         (void);
void            pd_score_season_free        (PdScoreSeason  *season);
PdScoreRound   *pd_score_season_add_round   (PdScoreSeason  *season,
                                             int             number);
PdScoreSession *pd_score_round_add_session  (PdScoreRound   *round,
                                             const char     *session_id,
                                             PdSessionKind   kind);
PdScoreResult  *pd_score_session_add_result (PdScoreSession *session,
                                             const char     *result_id,
                                             const char     *entry_id,
                                             const char     *team_id,
                                             const char     *class_id,
                                             const char * const *driver_ids,
                                             int             position);

PdScoreResult  *pd_score_session_add_borrowed (PdScoreSession     *session,
                                               const char         *result_id,
                                               const char         *entry_id,
                                               const char         *team_id,
                                               const char         *class_id,
                                               char              **driver_ids,
                                               int                 position);
void            pd_score_season_keep        (PdScoreSeason  *season,
                                             gpointer        data,
                                             GDestroyNotify  destroy);
void            pd_score_season_take_kept   (PdScoreSeason  *season,
                                             PdScoreSeason  *from);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdScoreSeason, pd_score_season_free)

typedef enum {
  PD_STANDINGS_DRIVERS,
  PD_STANDINGS_TEAMS,
  PD_STANDINGS_ENTRIES,
} PdStandingsKind;

/* One scoring result of a competitor: counted or dropped. */
typedef struct {
  int            round;
  const char    *session_id;   /* borrowed from the season */
  PdSessionKind  kind;
  int            position;     /* finishing position, 0 when none */
  PdPoints       points;
  gboolean       counted;
} PdStandingsScore;

typedef struct {
  char     *id;
  PdPoints  points;        /* counted, after adjustments */
  PdPoints  gross;         /* every result, before drops and adjustments */
  PdPoints  deducted;
  int       position;      /* equal for a shared position; 0 when excluded */
  gboolean  shared;        /* shares its position with another */
  gboolean  excluded;
  int       wins;
  int       tie_place;     /* when level on points with the row above and
                            * placed by countback: the finishing place whose
                            * count decided (1 = more wins); 0 otherwise */
  GArray   *scores;        /* PdStandingsScore, by round */
  GArray   *finishes;      /* int: number of race finishes in each place, [0] unused */
} PdStandingsRow;

GPtrArray *pd_standings_compute (const PdRules       *rules,
                                 const PdScoreSeason *season,
                                 PdStandingsKind      kind,
                                 const char          *class_id,
                                 int                  after_round);

G_END_DECLS
