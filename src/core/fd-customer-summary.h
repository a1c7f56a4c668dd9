/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "fd-customer.h"

G_BEGIN_DECLS

#define FD_TYPE_CUSTOMER_SUMMARY (fd_customer_summary_get_type ())

/* The figures at the top of a customer's page (fd_store_get_customer_summary()). */
typedef struct
{
  gint64     customer_since;     /* the record's creation, or its first visit or claim if earlier */
  guint      visits_last_year;   /* visits arrived in the last 12 months */
  guint      claims_last_year;   /* claims received in the last 12 months */
  guint      open_claims;        /* neither resolved nor closed */
  guint      open_followups;     /* open or snoozed */
  guint      rated_visits;       /* visits with a rating; the averages are 0 without */
  double     avg_rating_solved;
  double     avg_rating_staff;
  FdChannel  channel;
  char      *language;           /* a language code, or NULL */
  char      *age_group;          /* "under_25", "25_34", …, "65_plus" or "unknown" */
} FdCustomerSummary;

GType              fd_customer_summary_get_type (void) G_GNUC_CONST;
FdCustomerSummary *fd_customer_summary_new      (void);
FdCustomerSummary *fd_customer_summary_copy     (const FdCustomerSummary *self);
void               fd_customer_summary_free     (FdCustomerSummary       *self);
/* The age group code of someone born in @birth_year (0: unknown) in @year. */
const char        *fd_customer_age_group        (int                      birth_year,
                                                 int                      year);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdCustomerSummary, fd_customer_summary_free)

G_END_DECLS
