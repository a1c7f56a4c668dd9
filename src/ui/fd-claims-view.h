/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-claim-list-model.h"
#include "fd-claim-page.h"
#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_CLAIMS_VIEW (fd_claims_view_get_type ())

G_DECLARE_FINAL_TYPE (FdClaimsView, fd_claims_view, FD, CLAIMS_VIEW, AdwBin)

FdStore          *fd_claims_view_get_store    (FdClaimsView *self);
void              fd_claims_view_set_store    (FdClaimsView *self,
                                               FdStore      *store);
FdClaimListModel *fd_claims_view_get_list     (FdClaimsView *self);
FdClaimPage      *fd_claims_view_get_page     (FdClaimsView *self);
void              fd_claims_view_focus_search (FdClaimsView *self);
void              fd_claims_view_focus        (FdClaimsView *self);
void              fd_claims_view_open_claim   (FdClaimsView *self,
                                               gint64        id);

G_END_DECLS
