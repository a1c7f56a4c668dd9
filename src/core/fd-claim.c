/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-claim"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-claim-private.h"
#include "fd-util.h"

enum {
  PROP_0,
  PROP_REFERENCE,
  PROP_STATUS,
  PROP_SUMMARY,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdClaim, fd_claim, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const char * const kind_codes[] = { "complaint", "compliment", "suggestion", "request" };
static const char * const status_codes[] = {
  "new", "acknowledged", "in_progress", "waiting_for_customer", "resolved", "closed"
};
static const char * const priority_codes[] = { "low", "normal", "high" };
static const char * const categories[] = {
  "poor_service", "treated_as_number", "not_right_first_time", "bad_result",
  "concern_unresolved", "impolite", "price_higher_than_agreed", "slow_response", "other", NULL
};

const char *
fd_claim_kind_to_code (FdClaimKind kind)
{
  g_return_val_if_fail (kind <= FD_CLAIM_KIND_REQUEST, NULL);
  return kind_codes[kind];
}

gboolean
fd_claim_kind_from_code (const char  *code,
                         FdClaimKind *kind)
{
  return fd_code_lookup (kind_codes, G_N_ELEMENTS (kind_codes), code, (int *) kind);
}

const char *
fd_claim_kind_to_label (FdClaimKind kind)
{
  switch (kind)
    {
    case FD_CLAIM_KIND_COMPLAINT:  return C_("claim kind", "Complaint");
    case FD_CLAIM_KIND_COMPLIMENT: return C_("claim kind", "Compliment");
    case FD_CLAIM_KIND_SUGGESTION: return C_("claim kind", "Suggestion");
    case FD_CLAIM_KIND_REQUEST:    return C_("claim kind", "Request");
    default:                       g_return_val_if_reached (NULL);
    }
}

const char *
fd_claim_status_to_code (FdClaimStatus status)
{
  g_return_val_if_fail (status <= FD_CLAIM_STATUS_CLOSED, NULL);
  return status_codes[status];
}

gboolean
fd_claim_status_from_code (const char    *code,
                           FdClaimStatus *status)
{
  return fd_code_lookup (status_codes, G_N_ELEMENTS (status_codes), code, (int *) status);
}

const char *
fd_claim_status_to_label (FdClaimStatus status)
{
  switch (status)
    {
    case FD_CLAIM_STATUS_NEW:                  return C_("claim status", "New");
    case FD_CLAIM_STATUS_ACKNOWLEDGED:         return C_("claim status", "Acknowledged");
    case FD_CLAIM_STATUS_IN_PROGRESS:          return C_("claim status", "In progress");
    case FD_CLAIM_STATUS_WAITING_FOR_CUSTOMER: return C_("claim status", "Waiting for customer");
    case FD_CLAIM_STATUS_RESOLVED:             return C_("claim status", "Resolved");
    case FD_CLAIM_STATUS_CLOSED:               return C_("claim status", "Closed");
    default:                                   g_return_val_if_reached (NULL);
    }
}

const char *
fd_claim_priority_to_code (FdClaimPriority priority)
{
  g_return_val_if_fail (priority <= FD_CLAIM_PRIORITY_HIGH, NULL);
  return priority_codes[priority];
}

gboolean
fd_claim_priority_from_code (const char      *code,
                             FdClaimPriority *priority)
{
  return fd_code_lookup (priority_codes, G_N_ELEMENTS (priority_codes), code, (int *) priority);
}

const char *
fd_claim_priority_to_label (FdClaimPriority priority)
{
  switch (priority)
    {
    case FD_CLAIM_PRIORITY_LOW:    return C_("claim priority", "Low");
    case FD_CLAIM_PRIORITY_NORMAL: return C_("claim priority", "Normal");
    case FD_CLAIM_PRIORITY_HIGH:   return C_("claim priority", "High");
    default:                       g_return_val_if_reached (NULL);
    }
}

const char * const *
fd_claim_default_categories (void)
{
  return categories;
}

const char *
fd_claim_category_to_label (const char *code)
{
  if (g_strcmp0 (code, "poor_service") == 0)             return C_("claim category", "Poor service");
  if (g_strcmp0 (code, "treated_as_number") == 0)        return C_("claim category", "Treated as a number");
  if (g_strcmp0 (code, "not_right_first_time") == 0)     return C_("claim category", "Not right the first time");
  if (g_strcmp0 (code, "bad_result") == 0)               return C_("claim category", "Bad result");
  if (g_strcmp0 (code, "concern_unresolved") == 0)       return C_("claim category", "Concern unresolved");
  if (g_strcmp0 (code, "impolite") == 0)                 return C_("claim category", "Impolite treatment");
  if (g_strcmp0 (code, "price_higher_than_agreed") == 0) return C_("claim category", "Price higher than agreed");
  if (g_strcmp0 (code, "slow_response") == 0)            return C_("claim category", "Slow response");
  if (g_strcmp0 (code, "other") == 0)                    return C_("claim category", "Other");
  return code;
}

/**
 * fd_claim_status_can_move:
 *
 * Returns: whether the workflow allows going from @from to @to
 */
gboolean
fd_claim_status_can_move (FdClaimStatus from,
                          FdClaimStatus to)
{
  switch (from)
    {
    case FD_CLAIM_STATUS_NEW:
      return to == FD_CLAIM_STATUS_ACKNOWLEDGED;
    case FD_CLAIM_STATUS_ACKNOWLEDGED:
      return to == FD_CLAIM_STATUS_IN_PROGRESS || to == FD_CLAIM_STATUS_RESOLVED;
    case FD_CLAIM_STATUS_IN_PROGRESS:
      return to == FD_CLAIM_STATUS_WAITING_FOR_CUSTOMER || to == FD_CLAIM_STATUS_RESOLVED;
    case FD_CLAIM_STATUS_WAITING_FOR_CUSTOMER:
      return to == FD_CLAIM_STATUS_IN_PROGRESS || to == FD_CLAIM_STATUS_RESOLVED;
    case FD_CLAIM_STATUS_RESOLVED:
      return to == FD_CLAIM_STATUS_CLOSED || to == FD_CLAIM_STATUS_IN_PROGRESS;
    case FD_CLAIM_STATUS_CLOSED:
      return to == FD_CLAIM_STATUS_IN_PROGRESS;   /* reopen */
    default:
      return FALSE;
    }
}

static void
fd_claim_finalize (GObject *object)
{
  FdClaim *self = FD_CLAIM (object);

  g_free (self->reference);
  g_free (self->channel);
  g_free (self->category);
  g_free (self->summary);
  g_free (self->problem);
  g_free (self->solution);
  g_free (self->benefit);
  g_free (self->concerns);
  G_OBJECT_CLASS (fd_claim_parent_class)->finalize (object);
}

static void
fd_claim_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  FdClaim *self = FD_CLAIM (object);

  switch (prop_id)
    {
    case PROP_REFERENCE: g_value_set_string (value, self->reference); break;
    case PROP_STATUS:    g_value_set_int (value, self->status); break;
    case PROP_SUMMARY:   g_value_set_string (value, self->summary); break;
    default:             G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_claim_class_init (FdClaimClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fd_claim_finalize;
  object_class->get_property = fd_claim_get_property;

  properties[PROP_REFERENCE] = g_param_spec_string ("reference", NULL, NULL, NULL, ro);
  properties[PROP_STATUS] = g_param_spec_int ("status", NULL, NULL, 0, FD_CLAIM_STATUS_CLOSED, 0, ro);
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_claim_init (FdClaim *self)
{
}

#define GETTER(type, name) \
  type fd_claim_get_##name (FdClaim *self) \
  { \
    g_return_val_if_fail (FD_IS_CLAIM (self), 0); \
    return self->name; \
  }

GETTER (gint64, id)
GETTER (const char *, reference)
GETTER (gint64, branch_id)
GETTER (gint64, customer_id)
GETTER (FdClaimKind, kind)
GETTER (const char *, channel)
GETTER (const char *, category)
GETTER (FdClaimPriority, priority)
GETTER (FdClaimStatus, status)
GETTER (const char *, summary)
GETTER (gint64, received_at)
GETTER (gint64, ack_due_at)
GETTER (gint64, due_at)
GETTER (gint64, closed_at)
GETTER (const char *, problem)
GETTER (const char *, solution)
GETTER (const char *, benefit)

GETTER (gint64, visit_id)
GETTER (gint64, assignee_id)
GETTER (const char *, concerns)
GETTER (int, satisfaction)
GETTER (gint64, acknowledged_at)
GETTER (gint64, resolved_at)

gboolean
fd_claim_is_overdue (FdClaim *self,
                     gint64   now)
{
  g_return_val_if_fail (FD_IS_CLAIM (self), FALSE);
  return self->status != FD_CLAIM_STATUS_RESOLVED && self->status != FD_CLAIM_STATUS_CLOSED &&
         self->due_at < now;
}
