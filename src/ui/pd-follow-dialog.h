#pragma once

#include <adwaita.h>

#include "pd-feed-client.h"

G_BEGIN_DECLS

#define PD_TYPE_FOLLOW_DIALOG (pd_follow_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PdFollowDialog, pd_follow_dialog, PD, FOLLOW_DIALOG, AdwWindow)

PdFollowDialog *pd_follow_dialog_new     (GtkWindow      *parent,
                                          PdFeedClient   *client,
                                          PdStore        *store,
                                          const char     *season_id);
void            pd_follow_dialog_set_url (PdFollowDialog *self,
                                          const char     *url);
void            pd_follow_dialog_follow  (PdFollowDialog *self);
const char     *pd_follow_dialog_get_error (PdFollowDialog *self);

G_END_DECLS
