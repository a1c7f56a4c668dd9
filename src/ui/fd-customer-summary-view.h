/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CUSTOMER_SUMMARY_VIEW (fd_customer_summary_view_get_type ())

G_DECLARE_FINAL_TYPE (FdCustomerSummaryView, fd_customer_summary_view, FD, CUSTOMER_SUMMARY_VIEW, AdwBin)

/* The figures at the top of a customer's page: customer since, visits and claims in the
 * last 12 months, what is open, average ratings, preferred channel and language, age
 * group. Follows the store's changes. */
FdStore   *fd_customer_summary_view_get_store       (FdCustomerSummaryView *self);
void       fd_customer_summary_view_set_store       (FdCustomerSummaryView *self,
                                                     FdStore               *store);
gint64     fd_customer_summary_view_get_customer_id (FdCustomerSummaryView *self);
/* @customer_id 0: none; the group hides. */
void       fd_customer_summary_view_set_customer_id (FdCustomerSummaryView *self,
                                                     gint64                 customer_id);
void       fd_customer_summary_view_reload          (FdCustomerSummaryView *self);

G_END_DECLS
