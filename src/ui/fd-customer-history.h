/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CUSTOMER_HISTORY (fd_customer_history_get_type ())

G_DECLARE_FINAL_TYPE (FdCustomerHistory, fd_customer_history, FD, CUSTOMER_HISTORY, AdwBin)

/* A customer's summary figures and their timeline, newest first: filtered by kind and
 * period (a preset, or days chosen in two calendars), searched, read a page at a time as
 * the scrolled window that holds it nears the list's end, or as "Show More" is pressed.
 * Follows the store's changes. */
FdStore   *fd_customer_history_get_store       (FdCustomerHistory *self);
void       fd_customer_history_set_store       (FdCustomerHistory *self,
                                                FdStore           *store);
gint64     fd_customer_history_get_customer_id (FdCustomerHistory *self);
/* @customer_id 0: none (a customer not saved yet); everything hides. */
void       fd_customer_history_set_customer_id (FdCustomerHistory *self,
                                                gint64             customer_id);
/* Reads the summary and the first page again. */
void       fd_customer_history_reload          (FdCustomerHistory *self);

G_END_DECLS
