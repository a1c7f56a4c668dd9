/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CUSTOMER_LIST (fd_customer_list_get_type ())

G_DECLARE_FINAL_TYPE (FdCustomerList, fd_customer_list, FD, CUSTOMER_LIST, GObject)

/* A lazy GListModel of FdCustomer. With no query: every active customer in name order,
 * keyset-paged. With a query: the search results, fetched a page at a time as the view
 * scrolls. Properties: "store", "query", "n-items", "ready" (the position index is built),
 * "complete" (n-items counts every match, not just those fetched so far). */
FdCustomerList *fd_customer_list_new       (FdStore        *store);
FdStore        *fd_customer_list_get_store (FdCustomerList *self);
const char     *fd_customer_list_get_query (FdCustomerList *self);
void            fd_customer_list_set_query (FdCustomerList *self,
                                            const char     *query);
gboolean        fd_customer_list_get_ready (FdCustomerList *self);
gboolean        fd_customer_list_get_complete (FdCustomerList *self);

G_END_DECLS
