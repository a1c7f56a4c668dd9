/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_BRANCH_DIALOG (fd_branch_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdBranchDialog, fd_branch_dialog, FD, BRANCH_DIALOG, AdwWindow)

GtkWidget *fd_branch_dialog_new        (GtkWindow      *parent,
                                        FdStore        *store);
/* The branch once added, else NULL. */
FdBranch  *fd_branch_dialog_get_branch (FdBranchDialog *self);

G_END_DECLS
