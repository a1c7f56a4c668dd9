/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CUSTOMER_SERVICES (fd_customer_services_get_type ())

G_DECLARE_FINAL_TYPE (FdCustomerServices, fd_customer_services, FD, CUSTOMER_SERVICES, AdwBin)

FdStore   *fd_customer_services_get_store       (FdCustomerServices *self);
void       fd_customer_services_set_store       (FdCustomerServices *self,
                                                 FdStore            *store);
gint64     fd_customer_services_get_customer_id (FdCustomerServices *self);
/* @customer_id 0: none (a customer not saved yet); the group hides. */
void       fd_customer_services_set_customer_id (FdCustomerServices *self,
                                                 gint64              customer_id);
/* How often a service renews, in words ("Every year"); an unknown rule as it is. */
char      *fd_customer_services_describe_rule   (const char         *rrule);

G_END_DECLS
