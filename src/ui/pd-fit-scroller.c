#define G_LOG_DOMAIN "paddock"

#include "config.h"

#include "pd-fit-scroller.h"

/*
 * A scrolled window as tall as its content needs at the width it is
 * given, up to a limit, and shorter (scrolling) when the window is short.
 *
 * GtkScrolledWindow's propagate-natural-height does not do this on GTK
 * 4.8: it measures its content without a width, so text that wraps, or a
 * flow box, is measured at its narrowest, as a tall column, and leaves a
 * gap below it at any real width. This measures the content for the
 * width it will have, and keeps the scrolled window for the rest.
 */

struct _PdFitScroller
{
  GtkWidget  parent_instance;

  GtkWidget *scroller;
  GtkWidget *child;
  int        max_height;
};

G_DEFINE_FINAL_TYPE (PdFitScroller, pd_fit_scroller, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_MAX_HEIGHT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
pd_fit_scroller_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  PdFitScroller *self = PD_FIT_SCROLLER (widget);
  int content_minimum = 0, content_natural = 0;

  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    return;
  if (self->child != NULL && gtk_widget_get_visible (self->child))
    gtk_widget_measure (self->child, GTK_ORIENTATION_VERTICAL, for_size, &content_minimum, &content_natural,
                        NULL, NULL);

  /* The scrolled window's minimum is its scroll bar's: content shorter
   * than that needs no more room than its own (the rest is clipped). */
  *minimum = MIN (*minimum, content_natural);
  *natural = MAX (*minimum, self->max_height > 0 ? MIN (content_natural, self->max_height) : content_natural);
}

static void
pd_fit_scroller_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  PdFitScroller *self = PD_FIT_SCROLLER (widget);
  int minimum;

  gtk_widget_measure (self->scroller, GTK_ORIENTATION_VERTICAL, width, &minimum, NULL, NULL, NULL);
  gtk_widget_allocate (self->scroller, width, MAX (height, minimum), baseline, NULL);
}

static GtkSizeRequestMode
pd_fit_scroller_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
pd_fit_scroller_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  PdFitScroller *self = PD_FIT_SCROLLER (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      g_value_set_object (value, self->child);
      break;
    case PROP_MAX_HEIGHT:
      g_value_set_int (value, self->max_height);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_fit_scroller_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  PdFitScroller *self = PD_FIT_SCROLLER (object);

  switch (prop_id)
    {
    case PROP_CHILD:
      pd_fit_scroller_set_child (self, g_value_get_object (value));
      break;
    case PROP_MAX_HEIGHT:
      pd_fit_scroller_set_max_height (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pd_fit_scroller_dispose (GObject *object)
{
  PdFitScroller *self = PD_FIT_SCROLLER (object);

  self->child = NULL;
  g_clear_pointer (&self->scroller, gtk_widget_unparent);

  G_OBJECT_CLASS (pd_fit_scroller_parent_class)->dispose (object);
}

static void
pd_fit_scroller_class_init (PdFitScrollerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pd_fit_scroller_dispose;
  object_class->get_property = pd_fit_scroller_get_property;
  object_class->set_property = pd_fit_scroller_set_property;
  widget_class->measure = pd_fit_scroller_measure;
  widget_class->size_allocate = pd_fit_scroller_size_allocate;
  widget_class->get_request_mode = pd_fit_scroller_get_request_mode;

  properties[PROP_CHILD] =
    g_param_spec_object ("child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_HEIGHT] =
    g_param_spec_int ("max-height", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pd_fit_scroller_init (PdFitScroller *self)
{
  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
pd_fit_scroller_new (void)
{
  return g_object_new (PD_TYPE_FIT_SCROLLER, NULL);
}

void
pd_fit_scroller_set_child (PdFitScroller *self,
                           GtkWidget     *child)
{
  g_return_if_fail (PD_IS_FIT_SCROLLER (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  if (self->child == child)
    return;
  self->child = child;
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), child);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHILD]);
}

GtkWidget *
pd_fit_scroller_get_child (PdFitScroller *self)
{
  g_return_val_if_fail (PD_IS_FIT_SCROLLER (self), NULL);

  return self->child;
}

void
pd_fit_scroller_set_max_height (PdFitScroller *self,
                                int            max_height)
{
  g_return_if_fail (PD_IS_FIT_SCROLLER (self));

  if (self->max_height == max_height)
    return;
  self->max_height = max_height;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_HEIGHT]);
}

int
pd_fit_scroller_get_max_height (PdFitScroller *self)
{
  g_return_val_if_fail (PD_IS_FIT_SCROLLER (self), 0);

  return self->max_height;
}
