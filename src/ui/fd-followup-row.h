/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_FOLLOWUP_ROW (fd_followup_row_get_type ())

G_DECLARE_FINAL_TYPE (FdFollowupRow, fd_followup_row, FD, FOLLOWUP_ROW, GtkListBoxRow)

/* One follow-up in the Follow-ups view. Its buttons name the view's actions
 * (followups.done, followups.snooze, followups.snooze-until, followups.reassign,
 * followups.cancel) and the window's (win.open-customer, win.open-claim) with its id. */
GtkWidget  *fd_followup_row_new          (void);
FdFollowup *fd_followup_row_get_followup (FdFollowupRow      *self);
/* Rows never query: the names come with the follow-up. @staff_ids (gint64) and
 * @staff_names are the branch's staff, to reassign to. */
void        fd_followup_row_set_followup (FdFollowupRow      *self,
                                          FdFollowup         *followup,
                                          const char         *customer_name,
                                          const char         *claim_reference,
                                          const char         *assignee_name,
                                          GArray             *staff_ids,
                                          const char * const *staff_names,
                                          gint64              now);
/* When @due is, seen from @now, in words: "in 2 hours", "yesterday at 16:00". */
char       *fd_followup_row_format_due   (gint64              due,
                                          gint64              now);

G_END_DECLS
