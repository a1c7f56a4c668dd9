/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  FD_CLAIM_KIND_COMPLAINT,
  FD_CLAIM_KIND_COMPLIMENT,
  FD_CLAIM_KIND_SUGGESTION,
  FD_CLAIM_KIND_REQUEST,
} FdClaimKind;

typedef enum
{
  FD_CLAIM_STATUS_NEW,
  FD_CLAIM_STATUS_ACKNOWLEDGED,
  FD_CLAIM_STATUS_IN_PROGRESS,
  FD_CLAIM_STATUS_WAITING_FOR_CUSTOMER,
  FD_CLAIM_STATUS_RESOLVED,
  FD_CLAIM_STATUS_CLOSED,
} FdClaimStatus;

typedef enum
{
  FD_CLAIM_PRIORITY_LOW,
  FD_CLAIM_PRIORITY_NORMAL,
  FD_CLAIM_PRIORITY_HIGH,
} FdClaimPriority;

#define FD_TYPE_CLAIM (fd_claim_get_type ())

G_DECLARE_FINAL_TYPE (FdClaim, fd_claim, FD, CLAIM, GObject)

/* Stable codes (database, JSON, CLI) and translated labels. */
const char     *fd_claim_kind_to_code       (FdClaimKind kind);
gboolean        fd_claim_kind_from_code     (const char *code, FdClaimKind *kind);
const char     *fd_claim_kind_to_label      (FdClaimKind kind);
const char     *fd_claim_status_to_code     (FdClaimStatus status);
gboolean        fd_claim_status_from_code   (const char *code, FdClaimStatus *status);
const char     *fd_claim_status_to_label    (FdClaimStatus status);
const char     *fd_claim_priority_to_code   (FdClaimPriority priority);
const char     *fd_claim_priority_to_label  (FdClaimPriority priority);
gboolean        fd_claim_priority_from_code (const char *code, FdClaimPriority *priority);
/* The causes of dissatisfaction of the seeds, by code: poor_service, treated_as_number,
 * not_right_first_time, bad_result, concern_unresolved, impolite, price_higher_than_agreed,
 * slow_response, other. NULL-terminated. */
const char * const *fd_claim_default_categories (void);
const char     *fd_claim_category_to_label  (const char *code);

/* The workflow: new → acknowledged → in progress ⇄ waiting for customer → resolved →
 * closed, and reopen (resolved or closed → in progress). */
gboolean        fd_claim_status_can_move    (FdClaimStatus from,
                                             FdClaimStatus to);

gint64          fd_claim_get_id             (FdClaim *self);
const char     *fd_claim_get_reference      (FdClaim *self);
gint64          fd_claim_get_branch_id      (FdClaim *self);
gint64          fd_claim_get_customer_id    (FdClaim *self);
FdClaimKind     fd_claim_get_kind           (FdClaim *self);
const char     *fd_claim_get_channel        (FdClaim *self);   /* in_person, phone, email, letter */
const char     *fd_claim_get_category       (FdClaim *self);
FdClaimPriority fd_claim_get_priority       (FdClaim *self);
FdClaimStatus   fd_claim_get_status         (FdClaim *self);
const char     *fd_claim_get_summary        (FdClaim *self);
gint64          fd_claim_get_received_at    (FdClaim *self);
gint64          fd_claim_get_ack_due_at     (FdClaim *self);
gint64          fd_claim_get_due_at         (FdClaim *self);
gint64          fd_claim_get_closed_at      (FdClaim *self);
const char     *fd_claim_get_problem        (FdClaim *self);
const char     *fd_claim_get_solution       (FdClaim *self);
const char     *fd_claim_get_benefit        (FdClaim *self);
gint64          fd_claim_get_visit_id       (FdClaim *self);   /* 0: not opened from a visit */
gint64          fd_claim_get_assignee_id    (FdClaim *self);   /* 0: nobody */
/* The department or staff member concerned; a compliment rewards them. */
const char     *fd_claim_get_concerns       (FdClaim *self);
int             fd_claim_get_satisfaction   (FdClaim *self);   /* 1–5, 0: not asked */
gint64          fd_claim_get_acknowledged_at (FdClaim *self);
gint64          fd_claim_get_resolved_at    (FdClaim *self);
/* Open (not resolved or closed) and past its resolution date at @now. */
gboolean        fd_claim_is_overdue         (FdClaim *self,
                                             gint64   now);

G_END_DECLS
