/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-visit.h"

G_BEGIN_DECLS

/* The snapshot's fields, filled by the store from a row. */
struct _FdVisit
{
  GObject       parent_instance;

  gint64        id;
  gint64        branch_id;
  gint64        customer_id;
  char         *customer_name;
  char         *ticket;
  char         *purpose;
  FdPriority    priority;
  FdVisitState  state;
  gint64        arrived_at;
  gint64        called_at;
  gint64        finished_at;
  gint64        desk_id;
  char         *desk_name;
  gint64        staff_id;
  FdTechnique   technique;
  FdOutcome     outcome;
  char         *notes;
  int           rating_solved;
  int           rating_staff;
};

gboolean fd_visit_state_from_code (const char   *code,
                                   FdVisitState *state);

G_END_DECLS
