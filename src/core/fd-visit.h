/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  FD_VISIT_STATE_WAITING,     /* checked in, in the queue */
  FD_VISIT_STATE_CALLED,      /* called to a desk: the visit is under way */
  FD_VISIT_STATE_FINISHED,
  FD_VISIT_STATE_NO_SHOW,
  FD_VISIT_STATE_CANCELLED,
} FdVisitState;

typedef enum
{
  FD_PRIORITY_NONE,
  FD_PRIORITY_APPOINTMENT,
  FD_PRIORITY_ASSISTANCE,     /* assistance needed: older or disabled customers */
} FdPriority;

typedef enum
{
  FD_TECHNIQUE_NONE,
  FD_TECHNIQUE_EXPLANATION,
  FD_TECHNIQUE_EMPATHY,
  FD_TECHNIQUE_QUESTIONING,
} FdTechnique;

typedef enum
{
  FD_OUTCOME_NONE,
  FD_OUTCOME_RESOLVED,
  FD_OUTCOME_FOLLOW_UP,
  FD_OUTCOME_REFERRED,
  FD_OUTCOME_CLAIM_OPENED,
} FdOutcome;

#define FD_TYPE_VISIT (fd_visit_get_type ())

G_DECLARE_FINAL_TYPE (FdVisit, fd_visit, FD, VISIT, GObject)

/* Stable codes for the database, JSON and the CLI, and translated labels. */
const char   *fd_visit_state_to_code   (FdVisitState state);
const char   *fd_visit_state_to_label  (FdVisitState state);
const char   *fd_priority_to_code      (FdPriority priority);
gboolean      fd_priority_from_code    (const char *code, FdPriority *priority);
const char   *fd_priority_to_label     (FdPriority priority);
const char   *fd_technique_to_code     (FdTechnique technique);
gboolean      fd_technique_from_code   (const char *code, FdTechnique *technique);
const char   *fd_technique_to_label    (FdTechnique technique);
const char   *fd_outcome_to_code       (FdOutcome outcome);
gboolean      fd_outcome_from_code     (const char *code, FdOutcome *outcome);
const char   *fd_outcome_to_label      (FdOutcome outcome);

/* A visit: one customer (or an anonymous walk-in) at the front desk, from check-in to the
 * end. Immutable snapshot; changes go through the store. Times are Unix seconds, 0 = not yet. */
gint64        fd_visit_get_id            (FdVisit *self);
gint64        fd_visit_get_branch_id     (FdVisit *self);
gint64        fd_visit_get_customer_id   (FdVisit *self);   /* 0 = anonymous */
const char   *fd_visit_get_customer_name (FdVisit *self);   /* NULL when anonymous */
const char   *fd_visit_get_ticket        (FdVisit *self);   /* "A-017" */
const char   *fd_visit_get_purpose       (FdVisit *self);   /* a purpose code */
FdPriority    fd_visit_get_priority      (FdVisit *self);
FdVisitState  fd_visit_get_state         (FdVisit *self);
gint64        fd_visit_get_arrived_at    (FdVisit *self);
gint64        fd_visit_get_called_at     (FdVisit *self);
gint64        fd_visit_get_finished_at   (FdVisit *self);
gint64        fd_visit_get_desk_id       (FdVisit *self);
const char   *fd_visit_get_desk_name     (FdVisit *self);
gint64        fd_visit_get_staff_id      (FdVisit *self);
FdTechnique   fd_visit_get_technique     (FdVisit *self);
FdOutcome     fd_visit_get_outcome       (FdVisit *self);
const char   *fd_visit_get_notes         (FdVisit *self);
int           fd_visit_get_rating_solved (FdVisit *self);   /* 1–5, 0 = skipped */
int           fd_visit_get_rating_staff  (FdVisit *self);

G_END_DECLS
