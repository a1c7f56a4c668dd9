/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_BOARD_WINDOW (fd_board_window_get_type ())

G_DECLARE_FINAL_TYPE (FdBoardWindow, fd_board_window, FD, BOARD_WINDOW, AdwWindow)

/* The waiting-room board of @branch_id: tickets being served and at which desk, and the
 * next ones. It follows the store by itself. */
FdBoardWindow *fd_board_window_new         (FdStore       *store,
                                            gint64         branch_id);
/* What the board shows; element type FdVisit. */
GListModel    *fd_board_window_get_serving (FdBoardWindow *self);
GListModel    *fd_board_window_get_next    (FdBoardWindow *self);

G_END_DECLS
