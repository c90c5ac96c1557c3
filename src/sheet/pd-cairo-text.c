#define G_LOG_DOMAIN "paddock-sheet"

#include "config.h"

#include <pango/pangocairo.h>

#include "pd-cairo-text.h"

/**
 * pd_cairo_text_context_new:
 *
 * A Pango context for text drawn with cairo at any scale and on any
 * surface: 72 units an inch, so that a font's size is in the units drawn
 * in, with unhinted metrics, so that a layout measured once is the same
 * on every surface and at every scale it is drawn.
 *
 * Returns: (transfer full): the context
 */
PangoContext *
pd_cairo_text_context_new (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  cairo_font_options_destroy (options);
  return context;
}

/**
 * pd_cairo_append_bytes_cb:
 * @closure: a #GByteArray
 *
 * A cairo write function that keeps what a surface writes in memory, so
 * that the file is written whole or not at all.
 */
cairo_status_t
pd_cairo_append_bytes_cb (void                *closure,
                          const unsigned char *data,
                          unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}
