/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-report-format"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "fd-claim-message.h"
#include "fd-claim.h"
#include "fd-customer.h"
#include "fd-visit.h"

#include "fd-report-format.h"

static const char * const weekdays[] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

static const char * const weekdays_short[] = {
  NC_("abbreviated weekday", "Mon"), NC_("abbreviated weekday", "Tue"),
  NC_("abbreviated weekday", "Wed"), NC_("abbreviated weekday", "Thu"),
  NC_("abbreviated weekday", "Fri"), NC_("abbreviated weekday", "Sat"),
  NC_("abbreviated weekday", "Sun"),
};

static const char * const months[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"), NC_("month", "July"),
  NC_("month", "August"), NC_("month", "September"), NC_("month", "October"),
  NC_("month", "November"), NC_("month", "December"),
};

static const char * const months_short[] = {
  NC_("abbreviated month", "Jan"), NC_("abbreviated month", "Feb"),
  NC_("abbreviated month", "Mar"), NC_("abbreviated month", "Apr"),
  NC_("abbreviated month", "May"), NC_("abbreviated month", "Jun"),
  NC_("abbreviated month", "Jul"), NC_("abbreviated month", "Aug"),
  NC_("abbreviated month", "Sep"), NC_("abbreviated month", "Oct"),
  NC_("abbreviated month", "Nov"), NC_("abbreviated month", "Dec"),
};

FdReportValueKind
fd_report_value_kind_for_key (const char *key)
{
  g_return_val_if_fail (key != NULL, FD_REPORT_VALUE_TEXT);

  if (g_str_has_suffix (key, "_s"))
    return FD_REPORT_VALUE_DURATION;
  if (g_str_has_prefix (key, "share_") || g_str_equal (key, "first_contact_resolution"))
    return FD_REPORT_VALUE_SHARE;
  if (g_str_has_prefix (key, "avg_"))
    return FD_REPORT_VALUE_AVERAGE;

  return FD_REPORT_VALUE_COUNT;
}

char *
fd_report_format_duration (double seconds)
{
  gint64 s = (gint64) llround (MAX (seconds, 0));

  if (s < 60)
    /* Translators: a duration in a report, in seconds: "45 s" */
    return g_strdup_printf (C_("duration", "%d s"), (int) s);
  if (s < 3600)
    {
      if (s % 60 == 0)
        /* Translators: a duration in a report, whole minutes: "7 min" */
        return g_strdup_printf (C_("duration", "%d min"), (int) (s / 60));
      /* Translators: a duration in a report: "7 min 20 s" */
      return g_strdup_printf (C_("duration", "%d min %d s"), (int) (s / 60), (int) (s % 60));
    }
  if (s < 2 * 86400)
    /* Translators: a long duration in a report: "3 h 5 min" */
    return g_strdup_printf (C_("duration", "%d h %d min"), (int) (s / 3600), (int) (s % 3600 / 60));

  /* Translators: a duration of days in a report (time to resolve a claim): "4.5 days" */
  return g_strdup_printf (C_("duration", "%.1f days"), s / 86400.0);
}

char *
fd_report_format_number (FdReportValueKind kind,
                         double            value)
{
  switch (kind)
    {
    case FD_REPORT_VALUE_DURATION:
      return fd_report_format_duration (value);
    case FD_REPORT_VALUE_SHARE:
      /* Translators: a share in a report, as a percentage: "84.2 %" */
      return g_strdup_printf (C_("share", "%.1f %%"), value * 100.0);
    case FD_REPORT_VALUE_AVERAGE:
      return g_strdup_printf ("%.1f", value);
    case FD_REPORT_VALUE_COUNT:
    case FD_REPORT_VALUE_TEXT:
    default:
      if (fabs (value - round (value)) < 1e-9)
        return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) llround (value));
      return g_strdup_printf ("%.1f", value);
    }
}

const char *
fd_report_weekday_name (int      weekday,
                        gboolean abbreviated)
{
  guint i = (guint) weekday - 1;

  if (i >= G_N_ELEMENTS (weekdays))
    return "—";

  if (abbreviated)
    return g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated weekday", weekdays_short[i]);
  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekdays[i]);
}

char *
fd_report_format_month (const char *month,
                        gboolean    abbreviated)
{
  int year = 0, m = 0;

  if (month == NULL || sscanf (month, "%d-%d", &year, &m) != 2 || m < 1 || m > 12)
    return g_strdup (month != NULL ? month : "—");

  if (abbreviated)
    return g_strdup (g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month", months_short[m - 1]));

  /* Translators: a month in a report: %1$s is the month's name, %2$d the year ("January 2026") */
  return g_strdup_printf (_("%1$s %2$d"), g_dpgettext2 (GETTEXT_PACKAGE, "month", months[m - 1]), year);
}

gboolean
fd_report_value_is_table (GVariant *value)
{
  return value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE ("aa{sv}"));
}

gboolean
fd_report_value_get_double (GVariant *value,
                            double   *number)
{
  g_autoptr(GVariant) inner = NULL;

  if (value == NULL)
    return FALSE;

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_MAYBE))
    {
      inner = g_variant_get_maybe (value);
      if (inner == NULL)
        return FALSE;
      value = inner;
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    return FALSE;

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    *number = (double) g_variant_get_int64 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    *number = g_variant_get_double (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    *number = g_variant_get_int32 (value);
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_UINT32))
    *number = g_variant_get_uint32 (value);
  else
    return FALSE;

  return TRUE;
}

gboolean
fd_report_column_is_shown (const char *key)
{
  return !g_str_equal (key, "branch_id") && !g_str_equal (key, "staff_id") && !g_str_equal (key, "label");
}

static char *
format_age (const char *age)
{
  if (g_str_equal (age, "0-2"))
    return g_strdup (C_("claim age", "0–2 days"));
  if (g_str_equal (age, "3-7"))
    return g_strdup (C_("claim age", "3–7 days"));
  if (g_str_equal (age, "8-30"))
    return g_strdup (C_("claim age", "8–30 days"));
  if (g_str_equal (age, "30+"))
    return g_strdup (C_("claim age", "Over 30 days"));
  return g_strdup (age);
}

static char *
format_code (FdReportKind  report,
             const char   *key,
             const char   *code,
             GVariant     *row)
{
  if (g_str_equal (key, "month"))
    return fd_report_format_month (code, FALSE);
  if (g_str_equal (key, "age"))
    return format_age (code);
  if (g_str_equal (key, "age_group"))
    return g_strdup (fd_age_group_to_label (code));
  if (g_str_equal (key, "category"))
    {
      const char *label = NULL;

      /* A branch's own categories have names the row carries. */
      if (row != NULL && g_variant_lookup (row, "label", "&s", &label) && *label)
        return g_strdup (label);
      return g_strdup (fd_claim_category_to_label (code));
    }
  if (g_str_equal (key, "kind") && report == FD_REPORT_CLAIMS)
    {
      FdClaimKind kind;

      if (fd_claim_kind_from_code (code, &kind))
        return g_strdup (fd_claim_kind_to_label (kind));
    }
  /* Customers who never said, visits with no technique recorded. */
  if (g_str_equal (code, "unknown") || g_str_equal (code, "none"))
    return g_strdup (C_("report value", "Unknown"));
  if (g_str_equal (key, "channel"))
    {
      FdChannel channel;

      if (report == FD_REPORT_CLAIMS)
        return g_strdup (fd_claim_channel_to_label (code));
      if (fd_channel_from_code (code, &channel))
        return g_strdup (fd_channel_to_label (channel));
    }
  if (g_str_equal (key, "technique"))
    {
      FdTechnique technique;

      if (fd_technique_from_code (code, &technique))
        return g_strdup (fd_technique_to_label (technique));
    }

  return g_strdup (code);
}

char *
fd_report_format_value (FdReportKind  report,
                        const char   *key,
                        GVariant     *value,
                        GVariant     *row)
{
  g_autoptr(GVariant) inner = NULL;
  double number;

  g_return_val_if_fail (key != NULL, NULL);

  if (value == NULL)
    return g_strdup ("—");

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_MAYBE))
    {
      inner = g_variant_get_maybe (value);
      if (inner == NULL)
        return g_strdup ("—");
      value = inner;
    }

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      const char *text = g_variant_get_string (value, NULL);

      if (text == NULL || *text == '\0')
        return g_strdup ("—");
      return format_code (report, key, text, row);
    }

  if (!fd_report_value_get_double (value, &number))
    return g_variant_print (value, FALSE);

  if (g_str_equal (key, "weekday"))
    return g_strdup (fd_report_weekday_name ((int) number, FALSE));
  if (g_str_equal (key, "hour"))
    /* Translators: an hour of the day in a report: "09:00" */
    return g_strdup_printf (C_("hour of day", "%02d:00"), (int) number);

  return fd_report_format_number (fd_report_value_kind_for_key (key), number);
}

static char *
format_day (int day)
{
  int year = day / 10000, month = day / 100 % 100, d = day % 100;

  if (month < 1 || month > 12)
    return g_strdup_printf ("%d", day);

  /* Translators: a day in a report's range: %1$d is the day, %2$s the abbreviated month,
   * %3$d the year ("23 Nov 2026") */
  return g_strdup_printf (_("%1$d %2$s %3$d"), d,
                          g_dpgettext2 (GETTEXT_PACKAGE, "abbreviated month", months_short[month - 1]),
                          year);
}

char *
fd_report_format_range (int from_day,
                        int to_day)
{
  g_autofree char *from = format_day (from_day);
  g_autofree char *to = format_day (to_day);

  /* Translators: the days a report covers, both included: "1 Oct 2026 – 23 Nov 2026" */
  return g_strdup_printf (_("%1$s – %2$s"), from, to);
}
