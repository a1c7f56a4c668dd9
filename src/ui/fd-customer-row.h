/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fd-customer.h"

G_BEGIN_DECLS

#define FD_TYPE_CUSTOMER_ROW (fd_customer_row_get_type ())

G_DECLARE_FINAL_TYPE (FdCustomerRow, fd_customer_row, FD, CUSTOMER_ROW, GtkWidget)

FdCustomer *fd_customer_row_get_customer (FdCustomerRow *self);
void        fd_customer_row_set_customer (FdCustomerRow *self,
                                          FdCustomer    *customer);

G_END_DECLS
