/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-customer-summary"

#include "config.h"

#include "fd-customer-summary.h"

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
  int age = year - birth_year;

  if (birth_year <= 0 || age < 0)
    return "unknown";
  if (age < 25)
    return "under_25";
  if (age < 35)
    return "25_34";
  if (age < 45)
    return "35_44";
  if (age < 55)
    return "45_54";
  if (age < 65)
    return "55_64";
  return "65_plus";
}
