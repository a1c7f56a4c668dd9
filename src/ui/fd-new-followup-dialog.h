/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_NEW_FOLLOWUP_DIALOG (fd_new_followup_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdNewFollowupDialog, fd_new_followup_dialog, FD, NEW_FOLLOWUP_DIALOG, AdwWindow)

/* Adds a follow-up by hand. @customer_id (0: pick one), @claim_id and @visit_id (0: none)
 * prefill it when it comes from a customer's page, a claim or a visit. Emits "added"
 * (FdFollowup). */
GtkWidget  *fd_new_followup_dialog_new             (GtkWindow           *parent,
                                                    FdStore             *store,
                                                    gint64               customer_id,
                                                    gint64               claim_id,
                                                    gint64               visit_id);
gint64      fd_new_followup_dialog_get_customer_id (FdNewFollowupDialog *self);
/* The due time the fields say, in Unix seconds; 0 when the time is not HH:MM. */
gint64      fd_new_followup_dialog_get_due_at      (FdNewFollowupDialog *self);
void        fd_new_followup_dialog_set_due_at      (FdNewFollowupDialog *self,
                                                    gint64               due_at);
FdFollowup *fd_new_followup_dialog_get_followup    (FdNewFollowupDialog *self);

G_END_DECLS
