/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_DESK (fd_desk_get_type ())

G_DECLARE_FINAL_TYPE (FdDesk, fd_desk, FD, DESK, GObject)

/* A desk (counter) of a branch. Properties "id", "branch-id", "name". */
FdDesk     *fd_desk_new           (gint64      id,
                                   gint64      branch_id,
                                   const char *name);
gint64      fd_desk_get_id        (FdDesk *self);
gint64      fd_desk_get_branch_id (FdDesk *self);
const char *fd_desk_get_name      (FdDesk *self);

G_END_DECLS
