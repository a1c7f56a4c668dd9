/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-customer-summary"

#include "config.h"

#include "fd-customer-summary.h"
#include "fd-report-private.h"

G_DEFINE_BOXED_TYPE (FdCustomerSummary, fd_customer_summary,
                     fd_customer_summary_copy, fd_customer_summary_free)

FdCustomerSummary *
fd_customer_summary_new (void)
{
  return g_new0 (FdCustomerSummary, 1);
}

FdCustomerSummary *
fd_customer_summary_copy (const FdCustomerSummary *self)
{
  FdCustomerSummary *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->language = g_strdup (self->language);
  copy->age_group = g_strdup (self->age_group);
  return copy;
}

void
fd_customer_summary_free (FdCustomerSummary *self)
{
  if (self == NULL)
    return;
  g_free (self->language);
  g_free (self->age_group);
  g_free (self);
}

/* The groups of the reports (fd-report.h): age is the year minus the birth year. */
const char *
fd_customer_age_group (int birth_year,
                       int year)
{
  /* The reports' groups, so that a customer's page and the reports agree. */
  return _fd_age_group_to_code (_fd_age_group_for (birth_year, year));
}
