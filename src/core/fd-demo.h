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

/* Adds branches in the Netherlands, Flanders, Serbia and Latvia with desks, staff, the
 * questionnaire, and @n_visits visits over the three years before @until (Unix seconds)
 * with realistic weekday, hour and seasonal peaks, spread over the existing customers.
 * Deterministic for a seed and @until. */
gboolean fd_demo_generate_visits (FdStore  *store,
                                  guint     n_visits,
                                  guint64   seed,
                                  gint64    until,
                                  GError  **error);

/* Adds @n_claims claims over the three years before @until, spread over the existing
 * branches and customers, each with its thread (about three letters, e-mails or call
 * notes in the customer's language, written from the reply templates) and history: old
 * ones mostly closed, recent ones open, a few overdue. Deterministic for a seed and @until. */
gboolean fd_demo_generate_claims (FdStore  *store,
                                  guint     n_claims,
                                  guint64   seed,
                                  gint64    until,
                                  GError  **error);

G_END_DECLS
