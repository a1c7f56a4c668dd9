/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CUSTOMER_PICKER (fd_customer_picker_get_type ())

G_DECLARE_FINAL_TYPE (FdCustomerPicker, fd_customer_picker, FD, CUSTOMER_PICKER, AdwBin)

/* A search entry over a short list of matching customers, one of which is picked. Notifies
 * "customer" and "customer-id" when the pick changes; emits "picked" when Enter in the entry
 * picks the first match, so the form can move on to its next field. */
FdStore    *fd_customer_picker_get_store       (FdCustomerPicker *self);
void        fd_customer_picker_set_store       (FdCustomerPicker *self,
                                                FdStore          *store);
FdCustomer *fd_customer_picker_get_customer    (FdCustomerPicker *self);
gint64      fd_customer_picker_get_customer_id (FdCustomerPicker *self);
/* Shows @customer, picked, while the search is empty: the customer a form was opened for. */
void        fd_customer_picker_set_customer    (FdCustomerPicker *self,
                                                FdCustomer       *customer);
/* The message sits under the list, which is marked invalid and focused. */
void        fd_customer_picker_show_error      (FdCustomerPicker *self,
                                                const char       *message);
void        fd_customer_picker_clear_error     (FdCustomerPicker *self);

G_END_DECLS
