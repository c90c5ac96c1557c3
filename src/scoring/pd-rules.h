#pragma once

#include "pd-enums.h"
#include "pd-points.h"

G_BEGIN_DECLS

#define PD_RULES_ERROR (pd_rules_error_quark ())

typedef enum {
  PD_RULES_ERROR_SYNTAX,
  PD_RULES_ERROR_FORMAT,
  PD_RULES_ERROR_VERSION,
  PD_RULES_ERROR_VALUE,
} PdRulesError;

#define PD_RULES_VERSION 1
#define PD_N_SESSION_KINDS (PD_SESSION_KIND_WARM_UP + 1)

typedef enum {
  PD_SHARED_CARS_SPLIT,   /* a car's points divided among its drivers */
  PD_SHARED_CARS_NONE,    /* a car with several drivers scores nothing */
  PD_SHARED_CARS_FULL,    /* every driver of a car gets its points */
} PdSharedCars;

typedef enum {
  PD_TIE_BREAK_COUNTBACK, /* most wins, then most second places, ... */
  PD_TIE_BREAK_SHARED,    /* equal points share a position */
} PdTieBreak;

/* Which results count: all, the best N, or per part of a split season. */
typedef struct {
  int rounds;             /* rounds in this part; 0 = the rest of the season */
  int best;               /* results that count in it; 0 = all */
} PdCountingPart;

typedef struct {
  PdCountingPart parts[4];
  guint          n_parts; /* 0 = all results count */
} PdCounting;

typedef struct {
  gboolean  enabled;
  PdPoints *table;        /* points by position, 1st first */
  guint     n_table;
  gboolean  per_class;    /* positions within the class, not overall */
  PdPoints  fastest_lap;  /* bonus; zero for none */
  int       fastest_lap_top;  /* only when classified in the top N; 0 = anyone */
  PdPoints  pole;         /* bonus for the first on the grid; zero for none */
} PdSessionRule;

/* A graded scale for a race stopped short: below `below_percent` of the
 * distance (and from `min_laps` laps) the table is replaced. */
typedef struct {
  int       below_percent;
  int       min_laps;
  PdPoints *table;
  guint     n_table;
} PdShortenedScale;

typedef struct {
  int            round;
  PdSessionKind  kind;
  PdPoints       factor;
  gboolean       no_bonus;  /* no fastest-lap or pole points either */
  char          *source;
} PdMultiplier;

typedef struct {
  int            round;
  PdSessionKind  kind;
  char          *driver;  /* a driver who cannot score there */
  gboolean       pass_down;
  gboolean       to_co_drivers;  /* only this driver: the car's points go to its other drivers */
  char          *source;
} PdIneligible;

typedef struct {
  int            round;
  PdSessionKind  kind;
  char          *source;
} PdDriversOnly;

typedef enum {
  PD_ADJUSTMENT_DEDUCT,
  PD_ADJUSTMENT_EXCLUDE,
  PD_ADJUSTMENT_RESET,    /* results before `round` do not count (a new entry) */
} PdAdjustmentKind;

typedef struct {
  gboolean          teams;  /* FALSE: a driver */
  char             *id;
  PdAdjustmentKind  kind;
  PdPoints          points; /* deducted (DEDUCT) */
  int               round;  /* from this round on; 0 = the whole season */
  char             *source;
} PdAdjustment;

typedef struct {
  PdSessionRule sessions[PD_N_SESSION_KINDS];
  PdSharedCars  shared_cars;
  PdCounting    counting;
  gboolean      best_car_only;      /* teams: only the best car of a team scores */
  gboolean      fastest_lap;        /* teams: whether fastest-lap points count */
  gboolean      enabled;
} PdChampionshipRules;

typedef struct {
  char                *id;
  char                *name;
  char                *source;
  PdChampionshipRules  drivers;
  PdChampionshipRules  teams;
  PdTieBreak           tie_break;
  GArray              *multipliers;  /* PdMultiplier */
  GArray              *shortened;    /* PdShortenedScale */
  GArray              *ineligible;   /* PdIneligible */
  GArray              *drivers_only; /* PdDriversOnly */
  GArray              *adjustments;  /* PdAdjustment */
} PdRules;

GQuark   pd_rules_error_quark (void);
PdRules *pd_rules_parse       (const char  *data,
                               gsize        length,
                               GError     **error);
PdRules *pd_rules_load_preset (const char  *id,
                               GError     **error);
char   **pd_rules_list_presets (void);
void     pd_rules_free        (PdRules     *rules);
char    *pd_rules_to_json     (const PdRules *rules);

char    *pd_rules_format_table (const PdPoints *table,
                                guint           n_table);
gboolean pd_rules_parse_table  (const char     *text,
                                PdPoints      **table,
                                guint          *n_table,
                                GError        **error);
char    *pd_points_to_text     (PdPoints        points);
gboolean pd_rules_parse_points (const char     *text,
                                PdPoints       *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdRules, pd_rules_free)

G_END_DECLS

G_BEGIN_DECLS

char **pd_rules_describe           (const PdRules   *rules);
char **pd_rules_describe_decisions (const PdRules   *rules,
                                    char          ***sources);

G_END_DECLS
