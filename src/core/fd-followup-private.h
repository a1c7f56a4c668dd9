/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-followup.h"

G_BEGIN_DECLS

/* The snapshot's fields, filled by the store from a row. */
struct _FdFollowup
{
  GObject          parent_instance;

  gint64           id;
  FdFollowupKind   kind;
  gint64           customer_id;
  gint64           claim_id;
  gint64           visit_id;
  gint64           service_id;
  char            *source;
  gint64           due_at;
  gint64           notify_at;
  char            *rrule;
  gint64           assignee_id;
  char            *note;
  FdFollowupState  state;
  gint64           state_at;
  char            *state_by;
  gint64           created_at;
};

G_END_DECLS
