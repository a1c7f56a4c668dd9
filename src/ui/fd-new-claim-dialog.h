/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_NEW_CLAIM_DIALOG (fd_new_claim_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdNewClaimDialog, fd_new_claim_dialog, FD, NEW_CLAIM_DIALOG, AdwWindow)

/* Opens a claim at the current branch. @customer_id (0: pick one) and @visit_id (0: none)
 * prefill it when it comes from a customer's page or a visit. Emits "opened" (FdClaim). */
GtkWidget *fd_new_claim_dialog_new             (GtkWindow        *parent,
                                                FdStore          *store,
                                                gint64            customer_id,
                                                gint64            visit_id);
gint64     fd_new_claim_dialog_get_customer_id (FdNewClaimDialog *self);
FdClaim   *fd_new_claim_dialog_get_claim       (FdNewClaimDialog *self);

G_END_DECLS
