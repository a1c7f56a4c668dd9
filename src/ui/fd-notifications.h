/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_NOTIFICATIONS (fd_notifications_get_type ())

G_DECLARE_FINAL_TYPE (FdNotifications, fd_notifications, FD, NOTIFICATIONS, GObject)

/* Delivers what FdFollowupNotifier announces as desktop notifications (libnotify), with
 * the actions Open, Snooze 1 Hour and Done. Done and Snooze change the store here; Open is
 * left to whoever shows windows, through the "open" signal:
 *
 * - "open" (gint64 followup_id, const char *activation_token): @followup_id is 0 for a
 *   group ("5 follow-ups overdue"); @activation_token is the notification server's token
 *   for focusing a window, or NULL.
 *
 * A missing or refusing notification server is logged once and otherwise ignored: the
 * follow-ups are still in the store and the Follow-ups view. */
FdNotifications *fd_notifications_new          (FdStore         *store,
                                                const char      *recipient,
                                                gint64           staff_id);
void             fd_notifications_start        (FdNotifications *self);
/* Looks for due follow-ups now (after a resume, say). */
void             fd_notifications_check        (FdNotifications *self);
/* Notifications shown and not yet closed. */
guint            fd_notifications_get_n_shown  (FdNotifications *self);

G_END_DECLS
