/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-claim.h"

G_BEGIN_DECLS

/* The snapshot's fields, filled by the store from a row. */
struct _FdClaim
{
  GObject          parent_instance;

  gint64           id;
  char            *reference;
  gint64           branch_id;
  gint64           customer_id;
  FdClaimKind      kind;
  char            *channel;
  char            *category;
  FdClaimPriority  priority;
  FdClaimStatus    status;
  char            *summary;
  gint64           received_at;
  gint64           ack_due_at;
  gint64           due_at;
  gint64           closed_at;
  char            *problem;
  char            *solution;
  char            *benefit;
  gint64           visit_id;
  gint64           assignee_id;
  char            *concerns;
  int              satisfaction;
  gint64           acknowledged_at;
  gint64           resolved_at;
};

G_END_DECLS
