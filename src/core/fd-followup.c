/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-followup"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-followup-private.h"
#include "fd-util.h"

G_DEFINE_FINAL_TYPE (FdFollowup, fd_followup, G_TYPE_OBJECT)

static const char * const kind_codes[] = {
  "call_back", "renewal_due", "claim_due", "satisfaction_survey", "other"
};
static const char * const state_codes[] = { "open", "snoozed", "done", "cancelled" };

const char *
fd_followup_kind_to_code (FdFollowupKind kind)
{
  g_return_val_if_fail (kind <= FD_FOLLOWUP_OTHER, NULL);
  return kind_codes[kind];
}

gboolean
fd_followup_kind_from_code (const char     *code,
                            FdFollowupKind *kind)
{
  return fd_code_lookup (kind_codes, G_N_ELEMENTS (kind_codes), code, (int *) kind);
}

const char *
fd_followup_kind_to_label (FdFollowupKind kind)
{
  switch (kind)
    {
    case FD_FOLLOWUP_CALL_BACK:           return C_("follow-up kind", "Call back");
    case FD_FOLLOWUP_RENEWAL_DUE:         return C_("follow-up kind", "Renewal due");
    case FD_FOLLOWUP_CLAIM_DUE:           return C_("follow-up kind", "Claim due");
    case FD_FOLLOWUP_SATISFACTION_SURVEY: return C_("follow-up kind", "Satisfaction survey");
    case FD_FOLLOWUP_OTHER:               return C_("follow-up kind", "Other");
    default:                              g_return_val_if_reached (NULL);
    }
}

const char *
fd_followup_state_to_code (FdFollowupState state)
{
  g_return_val_if_fail (state <= FD_FOLLOWUP_CANCELLED, NULL);
  return state_codes[state];
}

gboolean
fd_followup_state_from_code (const char      *code,
                             FdFollowupState *state)
{
  return fd_code_lookup (state_codes, G_N_ELEMENTS (state_codes), code, (int *) state);
}

const char *
fd_followup_state_to_label (FdFollowupState state)
{
  switch (state)
    {
    case FD_FOLLOWUP_OPEN:      return C_("follow-up state", "Open");
    case FD_FOLLOWUP_SNOOZED:   return C_("follow-up state", "Snoozed");
    case FD_FOLLOWUP_DONE:      return C_("follow-up state", "Done");
    case FD_FOLLOWUP_CANCELLED: return C_("follow-up state", "Cancelled");
    default:                    g_return_val_if_reached (NULL);
    }
}

static void
fd_followup_finalize (GObject *object)
{
  FdFollowup *self = FD_FOLLOWUP (object);

  g_free (self->source);
  g_free (self->rrule);
  g_free (self->note);
  g_free (self->state_by);
  G_OBJECT_CLASS (fd_followup_parent_class)->finalize (object);
}

static void
fd_followup_class_init (FdFollowupClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_followup_finalize;
}

static void
fd_followup_init (FdFollowup *self)
{
}

#define GETTER(type, name) \
  type fd_followup_get_##name (FdFollowup *self) \
  { \
    g_return_val_if_fail (FD_IS_FOLLOWUP (self), 0); \
    return self->name; \
  }

GETTER (gint64, id)
GETTER (FdFollowupKind, kind)
GETTER (gint64, customer_id)
GETTER (gint64, claim_id)
GETTER (gint64, visit_id)
GETTER (gint64, service_id)
GETTER (const char *, source)
GETTER (gint64, due_at)
GETTER (gint64, notify_at)
GETTER (const char *, rrule)
GETTER (gint64, assignee_id)
GETTER (const char *, note)
GETTER (FdFollowupState, state)
GETTER (gint64, state_at)
GETTER (const char *, state_by)
GETTER (gint64, created_at)
