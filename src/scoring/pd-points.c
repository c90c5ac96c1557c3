#define G_LOG_DOMAIN "paddock-scoring"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pd-points.h"

static gint64
gcd64 (gint64 a,
       gint64 b)
{
  a = a < 0 ? -a : a;
  b = b < 0 ? -b : b;
  while (b != 0)
    {
      gint64 t = a % b;
      a = b;
      b = t;
    }
  return a;
}

/**
 * pd_points_new:
 * @den: must not be zero
 *
 * Returns: @num / @den, reduced
 */
PdPoints
pd_points_new (gint64 num,
               gint64 den)
{
  gint64 g;

  g_return_val_if_fail (den != 0, PD_POINTS_ZERO);

  if (den < 0)
    {
      /* -G_MININT64 does not exist; such a fraction is not points. */
      if (num == G_MININT64 || den == G_MININT64)
        return PD_POINTS_ZERO;
      num = -num;
      den = -den;
    }
  g = gcd64 (num, den);
  if (g > 1)
    {
      num /= g;
      den /= g;
    }
  return (PdPoints) { num, den };
}

PdPoints
pd_points_int (gint64 value)
{
  return (PdPoints) { value, 1 };
}

/* An exact result that does not fit in 64 bits cannot come from real
 * rules (the reader bounds points and denominators), but it must not be
 * undefined behaviour either: it is rounded to millionths instead. */
static PdPoints
approximate (long double value)
{
  long double scaled = value * 1000000.0L;

  if (scaled > (long double) G_MAXINT64)
    scaled = (long double) G_MAXINT64;
  else if (scaled < (long double) -G_MAXINT64)
    scaled = (long double) -G_MAXINT64;
  return pd_points_new ((gint64) scaled, 1000000);
}

PdPoints
pd_points_add (PdPoints a,
               PdPoints b)
{
  gint64 g, x, y, num, den;

  /* Whole points, most of them: their sum is whole too. */
  if (a.den == 1 && b.den == 1 && !__builtin_add_overflow (a.num, b.num, &num))
    return (PdPoints) { num, 1 };

  g = gcd64 (a.den, b.den);

  if (__builtin_mul_overflow (a.num, b.den / g, &x) ||
      __builtin_mul_overflow (b.num, a.den / g, &y) ||
      __builtin_add_overflow (x, y, &num) ||
      __builtin_mul_overflow (a.den / g, b.den, &den))
    return approximate ((long double) a.num / a.den + (long double) b.num / b.den);

  return pd_points_new (num, den);
}

PdPoints
pd_points_sub (PdPoints a,
               PdPoints b)
{
  return pd_points_add (a, (PdPoints) { -b.num, b.den });
}

PdPoints
pd_points_mul (PdPoints a,
               PdPoints b)
{
  gint64 g1 = gcd64 (a.num, b.den);
  gint64 g2 = gcd64 (b.num, a.den);
  gint64 num, den;

  if (g1 == 0)
    g1 = 1;
  if (g2 == 0)
    g2 = 1;
  if (__builtin_mul_overflow (a.num / g1, b.num / g2, &num) ||
      __builtin_mul_overflow (a.den / g2, b.den / g1, &den))
    return approximate (((long double) a.num / a.den) * ((long double) b.num / b.den));

  return pd_points_new (num, den);
}

PdPoints
pd_points_div_int (PdPoints a,
                   gint64   divisor)
{
  g_return_val_if_fail (divisor != 0, PD_POINTS_ZERO);

  return pd_points_mul (a, pd_points_new (1, divisor));
}

int
pd_points_compare (PdPoints a,
                   PdPoints b)
{
  PdPoints d = pd_points_sub (a, b);

  return d.num > 0 ? 1 : d.num < 0 ? -1 : 0;
}

gboolean
pd_points_is_zero (PdPoints a)
{
  return a.num == 0;
}

double
pd_points_to_double (PdPoints a)
{
  return (double) a.num / (double) a.den;
}

/**
 * pd_points_format:
 *
 * Returns: (transfer full): the points for people, with at most two
 *   decimals and none when whole: "8", "4.5", "4.14"; the decimal mark
 *   is the locale's
 */
char *
pd_points_format (PdPoints a)
{
  if (a.den == 1)
    return g_strdup_printf ("%" G_GINT64_FORMAT, a.num);

  if (a.den == 2 || a.den == 4 || a.den == 5 || a.den == 10 || a.den == 20 ||
      a.den == 25 || a.den == 50 || a.den == 100)
    {
      char *text = g_strdup_printf ("%.2f", pd_points_to_double (a));
      gsize len = strlen (text);

      /* "4.50" → "4.5": exact values drop trailing zeros. */
      while (len > 0 && text[len - 1] == '0')
        text[--len] = '\0';
      return text;
    }

  return g_strdup_printf ("%.2f", pd_points_to_double (a));
}

/**
 * pd_points_parse:
 * @text: "8", "-10", "4.5", "0.25" or "1/7"
 *
 * Returns: whether @text is a number of points
 */
gboolean
pd_points_parse (const char *text,
                 PdPoints   *out)
{
  gint64 whole = 0, num, den = 1;
  const char *p = text;
  gboolean negative = FALSE;
  int digits = 0;

  g_return_val_if_fail (out != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (*p == '-')
    {
      negative = TRUE;
      p++;
    }
  if (!g_ascii_isdigit (*p))
    return FALSE;
  for (; g_ascii_isdigit (*p); p++)
    {
      if (++digits > 12)
        return FALSE;
      whole = whole * 10 + (*p - '0');
    }
  num = whole;

  if (*p == '.')
    {
      int decimals = 0;

      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++decimals > 6)
            return FALSE;
          num = num * 10 + (*p - '0');
          den *= 10;
        }
      if (decimals == 0)
        return FALSE;
    }
  else if (*p == '/')
    {
      int den_digits = 0;

      den = 0;
      for (p++; g_ascii_isdigit (*p); p++)
        {
          if (++den_digits > 6)
            return FALSE;
          den = den * 10 + (*p - '0');
        }
      if (den == 0)
        return FALSE;
    }

  if (*p != '\0')
    return FALSE;

  *out = pd_points_new (negative ? -num : num, den);
  return TRUE;
}
