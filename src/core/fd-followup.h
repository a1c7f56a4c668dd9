/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  FD_FOLLOWUP_CALL_BACK,
  FD_FOLLOWUP_RENEWAL_DUE,
  FD_FOLLOWUP_CLAIM_DUE,
  FD_FOLLOWUP_SATISFACTION_SURVEY,
  FD_FOLLOWUP_OTHER,
} FdFollowupKind;

typedef enum
{
  FD_FOLLOWUP_OPEN,
  FD_FOLLOWUP_SNOOZED,
  FD_FOLLOWUP_DONE,
  FD_FOLLOWUP_CANCELLED,
} FdFollowupState;

#define FD_TYPE_FOLLOWUP (fd_followup_get_type ())

G_DECLARE_FINAL_TYPE (FdFollowup, fd_followup, FD, FOLLOWUP, GObject)

/* Something promised to a customer: call back, a renewal, a claim's deadline, a
 * satisfaction survey. Stable codes (database, JSON, CLI): call_back, renewal_due,
 * claim_due, satisfaction_survey, other; open, snoozed, done, cancelled. */
const char     *fd_followup_kind_to_code    (FdFollowupKind  kind);
gboolean        fd_followup_kind_from_code  (const char     *code,
                                             FdFollowupKind *kind);
const char     *fd_followup_kind_to_label   (FdFollowupKind  kind);
const char     *fd_followup_state_to_code   (FdFollowupState state);
gboolean        fd_followup_state_from_code (const char      *code,
                                             FdFollowupState *state);
const char     *fd_followup_state_to_label  (FdFollowupState state);

gint64          fd_followup_get_id          (FdFollowup *self);
FdFollowupKind  fd_followup_get_kind        (FdFollowup *self);
gint64          fd_followup_get_customer_id (FdFollowup *self);
gint64          fd_followup_get_claim_id    (FdFollowup *self);   /* 0: none */
gint64          fd_followup_get_visit_id    (FdFollowup *self);   /* 0: none */
gint64          fd_followup_get_service_id  (FdFollowup *self);   /* 0: none */
/* What made it: NULL by hand, else claim_ack, claim_resolve, claim_satisfaction, renewal. */
const char     *fd_followup_get_source      (FdFollowup *self);
gint64          fd_followup_get_due_at      (FdFollowup *self);
/* When it is next announced: the due time, or the end of a snooze. */
gint64          fd_followup_get_notify_at   (FdFollowup *self);
const char     *fd_followup_get_rrule       (FdFollowup *self);   /* NULL: once */
gint64          fd_followup_get_assignee_id (FdFollowup *self);   /* 0: anyone */
const char     *fd_followup_get_note        (FdFollowup *self);
FdFollowupState fd_followup_get_state       (FdFollowup *self);
/* When the state last changed, and by whom. */
gint64          fd_followup_get_state_at    (FdFollowup *self);
const char     *fd_followup_get_state_by    (FdFollowup *self);
gint64          fd_followup_get_created_at  (FdFollowup *self);

G_END_DECLS
