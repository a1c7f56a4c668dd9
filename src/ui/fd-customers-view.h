/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-customer-list.h"
#include "fd-customer-page.h"
#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CUSTOMERS_VIEW (fd_customers_view_get_type ())

G_DECLARE_FINAL_TYPE (FdCustomersView, fd_customers_view, FD, CUSTOMERS_VIEW, AdwBin)

FdStore        *fd_customers_view_get_store     (FdCustomersView *self);
void            fd_customers_view_set_store     (FdCustomersView *self,
                                                 FdStore         *store);
FdCustomerList *fd_customers_view_get_list      (FdCustomersView *self);
FdCustomerPage *fd_customers_view_get_page      (FdCustomersView *self);
GtkEditable    *fd_customers_view_get_search    (FdCustomersView *self);
void            fd_customers_view_focus_search  (FdCustomersView *self);
void            fd_customers_view_new_customer  (FdCustomersView *self);
void            fd_customers_view_open_customer (FdCustomersView *self,
                                                 gint64           id);

G_END_DECLS
