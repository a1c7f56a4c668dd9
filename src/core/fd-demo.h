/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-store.h"

G_BEGIN_DECLS

/* Adds @n_customers deterministic, realistic customers (nl/be, sr Cyrillic and Latin, lv,
 * en; common names common) in bulk. Same @seed, same data. */
gboolean fd_demo_generate (FdStore  *store,
                           guint     n_customers,
                           guint64   seed,
                           GError  **error);

G_END_DECLS
