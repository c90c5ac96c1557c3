#pragma once

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_ICS_ERROR (pd_ics_error_quark ())

typedef enum {
  PD_ICS_ERROR_NOT_ICALENDAR,
  PD_ICS_ERROR_SEASON,
} PdIcsError;

/* What an import of a calendar did. */
typedef struct {
  guint      sessions;   /* sessions imported */
  guint      rounds;     /* rounds they are in */
  GPtrArray *problems;   /* char *: one translated message per thing that
                          * could not be read, naming its line */
} PdIcsStats;

GQuark   pd_ics_error_quark  (void);

gboolean pd_ics_import       (PdStore     *store,
                              const char  *data,
                              gsize        length,
                              const char  *season_id,
                              PdIcsStats  *stats,
                              GError     **error);
void     pd_ics_stats_clear  (PdIcsStats  *stats);

char    *pd_ics_export       (PdStore     *store,
                              const char  *season_id,
                              int          reminder_min,
                              GDateTime   *stamp,
                              GError     **error);

/* The hand-written part of the reading, exposed for its fuzz target:
 * the physical line (from 1) on which each VEVENT begins and on which
 * its properties named in @names begin, by event, in file order. */
typedef struct {
  guint begin;
  guint dtstart;
  guint dtend;
} PdIcsEventLines;

GArray  *pd_ics_scan_lines   (const char  *data,
                              gsize        length,
                              gboolean    *is_calendar);

G_END_DECLS
