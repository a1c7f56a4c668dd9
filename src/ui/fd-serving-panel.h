/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_SERVING_PANEL (fd_serving_panel_get_type ())

G_DECLARE_FINAL_TYPE (FdServingPanel, fd_serving_panel, FD, SERVING_PANEL, AdwBin)

void     fd_serving_panel_set_store  (FdServingPanel *self,
                                      FdStore        *store);
/* Where the panel serves: questions and transfer targets come from the branch. */
void     fd_serving_panel_set_desk   (FdServingPanel *self,
                                      gint64          branch_id,
                                      gint64          desk_id);
FdVisit *fd_serving_panel_get_visit  (FdServingPanel *self);
/* Shows @visit (NULL: nobody). The same visit again keeps what was typed in the form. */
void     fd_serving_panel_set_visit  (FdServingPanel *self,
                                      FdVisit        *visit);

G_END_DECLS
