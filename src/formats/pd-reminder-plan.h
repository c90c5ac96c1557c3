#pragma once

#include "pd-schedule.h"

G_BEGIN_DECLS

int         pd_session_class_index       (const char         *session_name,
                                          const char * const *class_names);
void        pd_schedule_keep_class       (GPtrArray          *rows,
                                          const char * const *class_names,
                                          const char         *class_name);
gboolean    pd_schedule_keep_entry       (PdStore            *store,
                                          GPtrArray          *rows,
                                          const char         *season_id,
                                          const char         *entry_id,
                                          GError            **error);
char       *pd_reminder_key              (PdScheduleRow      *row);
GPtrArray  *pd_reminder_plan_next        (GPtrArray          *rows,
                                          GDateTime          *now,
                                          int                 minutes_before,
                                          GHashTable         *sent,
                                          GDateTime         **fire_at);
void        pd_reminder_describe         (PdScheduleRow      *row,
                                          GDateTime          *now,
                                          GTimeZone          *local_zone,
                                          char              **title,
                                          char              **body);

G_END_DECLS
