/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-followup-list-model.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* The view switcher's badge counts at most this many: overdue and due today. */
#define FD_FOLLOWUPS_VIEW_BADGE_CAP 99

#define FD_TYPE_FOLLOWUPS_VIEW (fd_followups_view_get_type ())

G_DECLARE_FINAL_TYPE (FdFollowupsView, fd_followups_view, FD, FOLLOWUPS_VIEW, AdwBin)

FdStore             *fd_followups_view_get_store           (FdFollowupsView   *self);
void                 fd_followups_view_set_store           (FdFollowupsView   *self,
                                                            FdStore           *store);
FdFollowupListModel *fd_followups_view_get_list            (FdFollowupsView   *self,
                                                            FdFollowupSection  section);
/* Overdue and due today for the assignee shown, at most FD_FOLLOWUPS_VIEW_BADGE_CAP. */
guint                fd_followups_view_get_attention_count (FdFollowupsView   *self);
/* The staff member "Mine" means; 0 when this desk does not know who works at it. */
gint64               fd_followups_view_get_staff_id        (FdFollowupsView   *self);
/* Reads every section and count again (the time moves them from section to section). */
void                 fd_followups_view_refresh             (FdFollowupsView   *self);
void                 fd_followups_view_focus               (FdFollowupsView   *self);

G_END_DECLS
