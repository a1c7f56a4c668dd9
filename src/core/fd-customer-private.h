/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-customer.h"

G_BEGIN_DECLS

/* Fills a new snapshot straight from stored values, without property notifications:
 * list pages make a hundred of these at a time. Texts are copied; NULL or empty is unset. */
void _fd_customer_load (FdCustomer     *self,
                        gint64          id,
                        FdCustomerKind  kind,
                        FdChannel       channel,
                        int             birth_year,
                        gint64          created_at,
                        gint64          updated_at,
                        gint64          archived_at,
                        const char     *given_name,
                        const char     *family_name,
                        const char     *email,
                        const char     *phone,
                        const char     *address,
                        const char     *language,
                        const char     *notes);

G_END_DECLS
