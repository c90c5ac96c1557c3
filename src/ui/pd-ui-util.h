#pragma once

#include <adwaita.h>

#include "pd-store.h"

G_BEGIN_DECLS

GDateTime *pd_ui_now             (void);
char      *pd_ui_round_title     (PdRound    *round);
char      *pd_ui_driver_name     (PdDriver   *driver);
GtkWidget *pd_ui_boxed_list_new  (void);
void       pd_ui_remove_children (GtkWidget  *box);

G_END_DECLS

G_BEGIN_DECLS

char      *pd_ui_session_when      (PdSession  *session,
                                    PdCircuit  *circuit,
                                    GTimeZone  *local_zone);
GtkWidget *pd_ui_value_row_new     (const char *title,
                                    const char *value);
void       pd_ui_clear_list_box    (GtkListBox *list);
void       pd_ui_unparent_children (GtkWidget  *widget);
guint      pd_ui_current_round     (GListModel *rounds);
GtkListItemFactory *pd_ui_round_factory_new (void);
gboolean   pd_ui_save              (PdStore    *store,
                                    gpointer    object,
                                    GError    **error);

G_END_DECLS
