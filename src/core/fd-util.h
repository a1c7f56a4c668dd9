/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Small helpers shared within src/core. */

/* The index of @code in @codes (of @n), for the stable codes enums are stored as. */
static inline gboolean
fd_code_lookup (const char * const *codes,
                guint               n,
                const char         *code,
                int                *value)
{
  for (guint i = 0; code && i < n; i++)
    if (g_str_equal (codes[i], code))
      {
        *value = i;
        return TRUE;
      }
  return FALSE;
}

G_END_DECLS
