/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-visit"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-visit-private.h"
#include "fd-util.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_TICKET,
  PROP_CUSTOMER_ID,
  PROP_CUSTOMER_NAME,
  PROP_PURPOSE,
  PROP_STATE,
  PROP_ARRIVED_AT,
  PROP_CALLED_AT,
  PROP_DESK_NAME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdVisit, fd_visit, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char * const state_codes[] = { "waiting", "called", "finished", "no_show", "cancelled" };
static const char * const priority_codes[] = { "none", "appointment", "assistance" };
static const char * const technique_codes[] = { "none", "explanation", "empathy", "questioning" };
static const char * const outcome_codes[] = { "none", "resolved", "follow_up", "referred", "claim_opened" };

const char *
fd_visit_state_to_code (FdVisitState state)
{
  g_return_val_if_fail (state <= FD_VISIT_STATE_CANCELLED, NULL);
  return state_codes[state];
}

gboolean
fd_visit_state_from_code (const char   *code,
                          FdVisitState *state)
{
  return fd_code_lookup (state_codes, G_N_ELEMENTS (state_codes), code, (int *) state);
}

const char *
fd_visit_state_to_label (FdVisitState state)
{
  switch (state)
    {
    case FD_VISIT_STATE_WAITING:   return C_("visit state", "Waiting");
    case FD_VISIT_STATE_CALLED:    return C_("visit state", "Being served");
    case FD_VISIT_STATE_FINISHED:  return C_("visit state", "Finished");
    case FD_VISIT_STATE_NO_SHOW:   return C_("visit state", "No-show");
    case FD_VISIT_STATE_CANCELLED: return C_("visit state", "Cancelled");
    default:                       g_return_val_if_reached (NULL);
    }
}

const char *
fd_priority_to_code (FdPriority priority)
{
  g_return_val_if_fail (priority <= FD_PRIORITY_ASSISTANCE, NULL);
  return priority_codes[priority];
}

gboolean
fd_priority_from_code (const char *code,
                       FdPriority *priority)
{
  return fd_code_lookup (priority_codes, G_N_ELEMENTS (priority_codes), code, (int *) priority);
}

const char *
fd_priority_to_label (FdPriority priority)
{
  switch (priority)
    {
    case FD_PRIORITY_NONE:        return C_("priority", "None");
    case FD_PRIORITY_APPOINTMENT: return C_("priority", "Appointment");
    case FD_PRIORITY_ASSISTANCE:  return C_("priority", "Assistance needed");
    default:                      g_return_val_if_reached (NULL);
    }
}

const char *
fd_technique_to_code (FdTechnique technique)
{
  g_return_val_if_fail (technique <= FD_TECHNIQUE_QUESTIONING, NULL);
  return technique_codes[technique];
}

gboolean
fd_technique_from_code (const char  *code,
                        FdTechnique *technique)
{
  return fd_code_lookup (technique_codes, G_N_ELEMENTS (technique_codes), code, (int *) technique);
}

const char *
fd_technique_to_label (FdTechnique technique)
{
  switch (technique)
    {
    case FD_TECHNIQUE_NONE:        return C_("technique", "Not recorded");
    case FD_TECHNIQUE_EXPLANATION: return C_("technique", "Explanation");
    case FD_TECHNIQUE_EMPATHY:     return C_("technique", "Empathy");
    case FD_TECHNIQUE_QUESTIONING: return C_("technique", "Questioning");
    default:                       g_return_val_if_reached (NULL);
    }
}

const char *
fd_outcome_to_code (FdOutcome outcome)
{
  g_return_val_if_fail (outcome <= FD_OUTCOME_CLAIM_OPENED, NULL);
  return outcome_codes[outcome];
}

gboolean
fd_outcome_from_code (const char *code,
                      FdOutcome  *outcome)
{
  return fd_code_lookup (outcome_codes, G_N_ELEMENTS (outcome_codes), code, (int *) outcome);
}

const char *
fd_outcome_to_label (FdOutcome outcome)
{
  switch (outcome)
    {
    case FD_OUTCOME_NONE:         return C_("outcome", "Not recorded");
    case FD_OUTCOME_RESOLVED:     return C_("outcome", "Resolved");
    case FD_OUTCOME_FOLLOW_UP:    return C_("outcome", "Follow-up needed");
    case FD_OUTCOME_REFERRED:     return C_("outcome", "Referred");
    case FD_OUTCOME_CLAIM_OPENED: return C_("outcome", "Claim opened");
    default:                      g_return_val_if_reached (NULL);
    }
}

static void
fd_visit_finalize (GObject *object)
{
  FdVisit *self = FD_VISIT (object);

  g_free (self->customer_name);
  g_free (self->ticket);
  g_free (self->purpose);
  g_free (self->desk_name);
  g_free (self->notes);
  G_OBJECT_CLASS (fd_visit_parent_class)->finalize (object);
}

static void
fd_visit_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FdVisit *self = FD_VISIT (object);

  switch (prop_id)
    {
    case PROP_ID:            g_value_set_int64 (value, self->id); break;
    case PROP_TICKET:        g_value_set_string (value, self->ticket); break;
    case PROP_CUSTOMER_ID:   g_value_set_int64 (value, self->customer_id); break;
    case PROP_CUSTOMER_NAME: g_value_set_string (value, self->customer_name); break;
    case PROP_PURPOSE:       g_value_set_string (value, self->purpose); break;
    case PROP_STATE:         g_value_set_int (value, self->state); break;
    case PROP_ARRIVED_AT:    g_value_set_int64 (value, self->arrived_at); break;
    case PROP_CALLED_AT:     g_value_set_int64 (value, self->called_at); break;
    case PROP_DESK_NAME:     g_value_set_string (value, self->desk_name); break;
    default:                 G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_visit_class_init (FdVisitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fd_visit_finalize;
  object_class->get_property = fd_visit_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_TICKET] = g_param_spec_string ("ticket", NULL, NULL, NULL, ro);
  properties[PROP_CUSTOMER_ID] = g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CUSTOMER_NAME] = g_param_spec_string ("customer-name", NULL, NULL, NULL, ro);
  properties[PROP_PURPOSE] = g_param_spec_string ("purpose", NULL, NULL, NULL, ro);
  properties[PROP_STATE] = g_param_spec_int ("state", NULL, NULL, 0, FD_VISIT_STATE_CANCELLED, 0, ro);
  properties[PROP_ARRIVED_AT] = g_param_spec_int64 ("arrived-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_CALLED_AT] = g_param_spec_int64 ("called-at", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_DESK_NAME] = g_param_spec_string ("desk-name", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_visit_init (FdVisit *self)
{
}

#define GETTER(type, name) \
  type fd_visit_get_##name (FdVisit *self) \
  { \
    g_return_val_if_fail (FD_IS_VISIT (self), 0); \
    return self->name; \
  }

GETTER (gint64, id)
GETTER (gint64, branch_id)
GETTER (gint64, customer_id)
GETTER (const char *, customer_name)
GETTER (const char *, ticket)
GETTER (const char *, purpose)
GETTER (FdPriority, priority)
GETTER (FdVisitState, state)
GETTER (gint64, arrived_at)
GETTER (gint64, called_at)
GETTER (gint64, finished_at)
GETTER (gint64, desk_id)
GETTER (const char *, desk_name)
GETTER (gint64, staff_id)
GETTER (FdTechnique, technique)
GETTER (FdOutcome, outcome)
GETTER (const char *, notes)
GETTER (int, rating_solved)
GETTER (int, rating_staff)
