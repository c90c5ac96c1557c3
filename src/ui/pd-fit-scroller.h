#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define PD_TYPE_FIT_SCROLLER (pd_fit_scroller_get_type ())
G_DECLARE_FINAL_TYPE (PdFitScroller, pd_fit_scroller, PD, FIT_SCROLLER, GtkWidget)

GtkWidget *pd_fit_scroller_new            (void);
void       pd_fit_scroller_set_child      (PdFitScroller *self,
                                           GtkWidget     *child);
GtkWidget *pd_fit_scroller_get_child      (PdFitScroller *self);
void       pd_fit_scroller_set_max_height (PdFitScroller *self,
                                           int            max_height);
int        pd_fit_scroller_get_max_height (PdFitScroller *self);

G_END_DECLS
