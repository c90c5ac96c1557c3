#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PdGap:
 * @laps: whether the gap is in laps (@value is laps) or in time (@value
 *   is milliseconds)
 * @value: the gap; laps may be negative (a car not classified with more
 *   laps than the car above it), times are not
 *
 * A gap as timing sheets give it: "+11.2", "1'59.312", "1 lap", "12 Laps".
 */
typedef struct {
  gboolean laps;
  gint64   value;
} PdGap;

gboolean  pd_timing_parse_time  (const char *text,
                                 gint64     *ms);
gboolean  pd_timing_parse_gap   (const char *text,
                                 PdGap      *gap);
char     *pd_timing_format_time (gint64      ms);
char     *pd_timing_format_gap  (PdGap       gap);

G_END_DECLS
