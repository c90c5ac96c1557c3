#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * PdPoints:
 * @num: numerator
 * @den: denominator, always positive
 *
 * An exact number of points. Championships divide points: a fastest lap
 * shared by seven drivers is worth 1/7 each, a car shared by three gives
 * each 1/3 of its points, a shortened race gives half. Floating point
 * would make 7 × 1/7 differ from 1, so points are kept as reduced
 * fractions and rounded only when shown.
 */
typedef struct {
  gint64 num;
  gint64 den;
} PdPoints;

#define PD_POINTS_ZERO ((PdPoints) { 0, 1 })

PdPoints  pd_points_new        (gint64       num,
                                gint64       den);
PdPoints  pd_points_int        (gint64       value);
PdPoints  pd_points_add        (PdPoints     a,
                                PdPoints     b);
PdPoints  pd_points_sub        (PdPoints     a,
                                PdPoints     b);
PdPoints  pd_points_mul        (PdPoints     a,
                                PdPoints     b);
PdPoints  pd_points_div_int    (PdPoints     a,
                                gint64       divisor);
int       pd_points_compare    (PdPoints     a,
                                PdPoints     b);
gboolean  pd_points_is_zero    (PdPoints     a);
double    pd_points_to_double  (PdPoints     a);
char     *pd_points_format     (PdPoints     a);
gboolean  pd_points_parse      (const char  *text,
                                PdPoints    *out);

G_END_DECLS
