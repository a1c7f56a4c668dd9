/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"
#include "fd-claims-view.h"
#include "fd-customers-view.h"
#include "fd-followups-view.h"
#include "fd-reception-view.h"

G_BEGIN_DECLS

#define FD_TYPE_WINDOW (fd_window_get_type ())

G_DECLARE_FINAL_TYPE (FdWindow, fd_window, FD, WINDOW, AdwApplicationWindow)

FdWindow        *fd_window_new                (AdwApplication *application,
                                               FdStore        *store);
FdStore         *fd_window_get_store          (FdWindow       *self);
FdReceptionView *fd_window_get_reception_view (FdWindow       *self);
FdCustomersView *fd_window_get_customers_view (FdWindow       *self);
FdClaimsView    *fd_window_get_claims_view    (FdWindow       *self);
FdFollowupsView *fd_window_get_followups_view (FdWindow       *self);
void             fd_window_add_toast          (FdWindow       *self,
                                               AdwToast       *toast);

G_END_DECLS
