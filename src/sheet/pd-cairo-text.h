#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* What the standings sheet and the progression chart share to draw
 * text and to write their files. */

PangoContext   *pd_cairo_text_context_new (void);
cairo_status_t  pd_cairo_append_bytes_cb  (void                *closure,
                                           const unsigned char *data,
                                           unsigned int         length);

G_END_DECLS
