#pragma once

#include <gio/gio.h>

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_REMINDERS (pd_reminders_get_type ())
G_DECLARE_FINAL_TYPE (PdReminders, pd_reminders, PD, REMINDERS, GObject)

PdReminders *pd_reminders_new        (GApplication  *application,
                                      GSettings     *settings);
void         pd_reminders_set_store  (PdReminders   *self,
                                      PdStore       *store);
void         pd_reminders_reschedule (PdReminders   *self);
GDateTime   *pd_reminders_get_next   (PdReminders   *self,
                                      GStrv         *session_ids);
guint        pd_reminders_send_due   (PdReminders   *self);

G_END_DECLS
