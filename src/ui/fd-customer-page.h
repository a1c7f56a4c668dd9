/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CUSTOMER_PAGE (fd_customer_page_get_type ())

G_DECLARE_FINAL_TYPE (FdCustomerPage, fd_customer_page, FD, CUSTOMER_PAGE, AdwBin)

/* Called once the user has decided: @proceed is FALSE when they cancelled. */
typedef void (*FdCustomerPageLeaveFunc) (FdCustomerPage *page,
                                         gboolean        proceed,
                                         gpointer        user_data);

FdStore    *fd_customer_page_get_store     (FdCustomerPage          *self);
void        fd_customer_page_set_store     (FdCustomerPage          *self,
                                            FdStore                 *store);
FdCustomer *fd_customer_page_get_customer  (FdCustomerPage          *self);
void        fd_customer_page_load          (FdCustomerPage          *self,
                                            FdCustomer              *customer);
void        fd_customer_page_clear         (FdCustomerPage          *self);
gboolean    fd_customer_page_get_editing   (FdCustomerPage          *self);
gboolean    fd_customer_page_get_modified  (FdCustomerPage          *self);
gboolean    fd_customer_page_save          (FdCustomerPage          *self);
void        fd_customer_page_confirm_leave (FdCustomerPage          *self,
                                            FdCustomerPageLeaveFunc  func,
                                            gpointer                 user_data);

G_END_DECLS
