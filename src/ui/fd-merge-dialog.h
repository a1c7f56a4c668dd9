/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_MERGE_DIALOG (fd_merge_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdMergeDialog, fd_merge_dialog, FD, MERGE_DIALOG, AdwWindow)

/* Merges a duplicate into @survivor: the duplicate is picked, then, for each field that
 * differs, the value the merged record keeps. Emits "merged" (the merge's id) and closes. */
FdMergeDialog *fd_merge_dialog_new (GtkWindow  *parent,
                                    FdStore    *store,
                                    FdCustomer *survivor);

G_END_DECLS
