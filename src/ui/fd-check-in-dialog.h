/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CHECK_IN_DIALOG (fd_check_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdCheckInDialog, fd_check_in_dialog, FD, CHECK_IN_DIALOG, AdwWindow)

GtkWidget *fd_check_in_dialog_new             (GtkWindow       *parent,
                                               FdStore         *store,
                                               gint64           branch_id);
/* The customer who will be checked in: 0 for an anonymous walk-in. */
gint64     fd_check_in_dialog_get_customer_id (FdCheckInDialog *self);
/* The visit once checked in, else NULL. */
FdVisit   *fd_check_in_dialog_get_visit       (FdCheckInDialog *self);

G_END_DECLS
