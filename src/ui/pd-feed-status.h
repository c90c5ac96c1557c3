#pragma once

#include <adwaita.h>

#include "pd-store.h"

G_BEGIN_DECLS

#define PD_TYPE_FEED_STATUS (pd_feed_status_get_type ())
G_DECLARE_FINAL_TYPE (PdFeedStatus, pd_feed_status, PD, FEED_STATUS, GtkWidget)

gboolean pd_feed_status_set_season (PdFeedStatus *self,
                                    PdStore      *store,
                                    const char   *season_id);
void     pd_feed_status_set_busy   (PdFeedStatus *self,
                                    gboolean      busy);

G_END_DECLS
