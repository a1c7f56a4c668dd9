/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_FOLLOWUP_NOTIFIER (fd_followup_notifier_get_type ())

G_DECLARE_FINAL_TYPE (FdFollowupNotifier, fd_followup_notifier, FD, FOLLOWUP_NOTIFIER, GObject)

/* Decides, without any UI, when a follow-up is announced and to whom; whoever connects
 * delivers (libnotify in the app, a list in tests).
 *
 * It sleeps until the next announcement time on a timer of the real-time clock, which
 * fires on time after a suspend and is re-armed when the clock is set, and re-checks when
 * the store changes. It never polls.
 *
 * Signals:
 * - "announce" (FdFollowup *followup): one follow-up fell due.
 * - "announce-group" (guint count, GPtrArray *followups): several fell due while Frontdesk
 *   was not running, or at once: one message rather than a burst.
 *
 * Each announcement is recorded in the database (fd_store_take_due_followups()), so it is
 * made exactly once per @recipient — across restarts, and across processes: a follow-up
 * for a staff member is announced once to that person, one for anyone once to every
 * recipient (each running Frontdesk on the database). */
FdFollowupNotifier *fd_followup_notifier_new           (FdStore            *store,
                                                        const char         *recipient,
                                                        gint64              staff_id);
/* Starts: what is already due is announced now (grouped when more than one), then it
 * waits for the next. */
void                fd_followup_notifier_start         (FdFollowupNotifier *self);
/* Looks again now (after a resume from suspend, say). */
void                fd_followup_notifier_check         (FdFollowupNotifier *self);
/* When it will next wake (Unix seconds), 0 when nothing is pending. */
gint64              fd_followup_notifier_get_next_wake (FdFollowupNotifier *self);
/* The recipient of this process: "user@host". */
char               *fd_followup_notifier_default_recipient (void);

G_END_DECLS
