/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-serving-panel.h"
#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_RECEPTION_VIEW (fd_reception_view_get_type ())

G_DECLARE_FINAL_TYPE (FdReceptionView, fd_reception_view, FD, RECEPTION_VIEW, AdwBin)

FdStore        *fd_reception_view_get_store         (FdReceptionView *self);
void            fd_reception_view_set_store         (FdReceptionView *self,
                                                     FdStore         *store);
gint64          fd_reception_view_get_branch_id     (FdReceptionView *self);
gint64          fd_reception_view_get_desk_id       (FdReceptionView *self);
void            fd_reception_view_set_desk_id       (FdReceptionView *self,
                                                     gint64           desk_id);
GListModel     *fd_reception_view_get_queue         (FdReceptionView *self);
FdServingPanel *fd_reception_view_get_serving_panel (FdReceptionView *self);

G_END_DECLS
