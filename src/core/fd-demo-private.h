/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the demo's generators (fd-demo.c, fd-demo-claims.c). */

/* splitmix64: fast, and the same numbers on every platform for a seed. */
typedef struct
{
  guint64 state;
} Rng;

static inline guint64
rng_next (Rng *rng)
{
  guint64 z = (rng->state += 0x9E3779B97F4A7C15ull);

  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

static inline double
rng_double (Rng *rng)
{
  return (rng_next (rng) >> 11) * (1.0 / 9007199254740992.0);
}

static inline guint
rng_range (Rng   *rng,
           guint  n)
{
  return (guint) (rng_next (rng) % n);
}

static inline const char *
pick_weighted (Rng                *rng,
               const char * const *codes,
               const double       *weights,
               guint               n)
{
  double r = rng_double (rng);

  for (guint i = 0; i < n - 1; i++)
    {
      if (r < weights[i])
        return codes[i];
      r -= weights[i];
    }
  return codes[n - 1];
}

/* Serbian Latin to Cyrillic: names, and the demo claims' texts. */
char *_fd_demo_to_cyrillic (const char *latin);

G_END_DECLS
