/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CLAIM_PAGE (fd_claim_page_get_type ())

G_DECLARE_FINAL_TYPE (FdClaimPage, fd_claim_page, FD, CLAIM_PAGE, AdwBin)

FdStore *fd_claim_page_get_store (FdClaimPage *self);
void     fd_claim_page_set_store (FdClaimPage *self,
                                  FdStore     *store);
FdClaim *fd_claim_page_get_claim (FdClaimPage *self);
/* Shows @claim (NULL: nothing). What is typed in the resolution form stays for the same
 * claim. */
void     fd_claim_page_load      (FdClaimPage *self,
                                  FdClaim     *claim);
/* Reads the shown claim, its thread and history again from the store. */
void     fd_claim_page_reload    (FdClaimPage *self);

G_END_DECLS
