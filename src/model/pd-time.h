#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PD_TIME_ERROR (pd_time_error_quark ())

typedef enum {
  PD_TIME_ERROR_INVALID_ZONE,
  PD_TIME_ERROR_INVALID_TIME,
} PdTimeError;

GQuark      pd_time_error_quark     (void);

GTimeZone  *pd_time_zone_new        (const char  *identifier,
                                     GError     **error);
GDateTime  *pd_time_parse_rfc3339   (const char  *text,
                                     GError     **error);
char       *pd_time_format_rfc3339  (GDateTime   *datetime);
GDateTime  *pd_time_from_local      (const char  *zone,
                                     const char  *local_iso,
                                     GError     **error);
gboolean    pd_time_parse_date      (const char  *text,
                                     int         *year,
                                     int         *month,
                                     int         *day);
GDateTime  *pd_time_date_in_zone    (const char  *date,
                                     GTimeZone   *zone);

G_END_DECLS
