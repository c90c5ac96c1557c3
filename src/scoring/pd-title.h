#pragma once

#include "pd-standings.h"

G_BEGIN_DECLS

/*
 * Title maths: who can still be champion, what they need, and the round
 * after which the title was decided. A pure function of the rules and
 * the results, like the standings it rests on.
 */

typedef struct {
  char     *id;
  int       position;        /* in the standings now; 0 when excluded */
  PdPoints  points;          /* counted now */
  PdPoints  best;            /* the most it can finish with, counted, by
                              * taking everything that is left */
  PdPoints  behind;          /* counted points behind the leader (for the
                              * leader: ahead of the next one) */
  gboolean  can_win;         /* some outcome of what is left makes it
                              * champion, alone or sharing the title */
  gboolean  can_clinch_next; /* some outcome of the next round decides
                              * the title for it */
} PdTitleContender;

typedef struct {
  int        after_round;     /* the round the maths is after */
  int        next_round;      /* the next round with points to score; 0 when
                               * none comes after the round looked at */
  guint      rounds_left;     /* rounds with a session that still scores */
  guint      sessions_left;
  PdPoints   available;       /* the most one competitor can still add,
                               * before the counting rules */
  gboolean   over;            /* nothing is left to score */
  int        decided_round;   /* the round after which no one but the
                               * leaders could still be champion; 0 while
                               * the title is open */
  char     **champion_ids;    /* when decided: the leader, or the leaders
                               * level on points (a shared car's crew) */
  gboolean   newcomer_can_win;/* one who has not scored yet still could */
  gboolean   missing_results; /* some sessions left are in rounds already
                               * run: their results are not entered */
  GPtrArray *contenders;      /* PdTitleContender, in the standings' order */
} PdTitle;

PdTitle *pd_title_compute            (const PdRules          *rules,
                                      const PdScoreSeason    *season,
                                      PdStandingsKind         kind,
                                      const char             *class_id,
                                      int                     after_round);
void     pd_title_free               (PdTitle                *title);
guint    pd_title_count_can_win      (const PdTitle          *title);
gboolean pd_title_is_champion        (const PdTitle          *title,
                                      const char             *id);

/* A competitor's name, from its id. */
typedef char *(*PdTitleNameFunc) (const char *id,
                                  gpointer    user_data);

char    *pd_title_describe           (const PdTitle          *title,
                                      PdTitleNameFunc         name,
                                      gpointer                user_data);
char    *pd_title_describe_contender (const PdTitle          *title,
                                      const PdTitleContender *contender,
                                      PdTitleNameFunc         name,
                                      gpointer                user_data);
char    *pd_title_describe_clinch    (const PdTitle          *title,
                                      const PdTitleContender *contender);
char    *pd_title_describe_others    (const PdTitle          *title,
                                      guint                   max_names,
                                      PdTitleNameFunc         name,
                                      gpointer                user_data);
char    *pd_title_describe_note      (const PdTitle          *title);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdTitle, pd_title_free)

G_END_DECLS
