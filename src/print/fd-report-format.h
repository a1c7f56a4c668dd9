/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fd-report.h"

G_BEGIN_DECLS

/* How the Reports view, its charts and the PDF show a report's values, so all three say
 * the same: seconds as "7 min 20 s", shares as percentages, averages with one decimal,
 * codes (weekday, month, category, technique, …) as their translated names. */

typedef enum
{
  FD_REPORT_VALUE_COUNT,
  FD_REPORT_VALUE_DURATION,   /* seconds */
  FD_REPORT_VALUE_SHARE,      /* 0–1 */
  FD_REPORT_VALUE_AVERAGE,    /* one decimal */
  FD_REPORT_VALUE_TEXT,
} FdReportValueKind;

FdReportValueKind fd_report_value_kind_for_key (const char   *key);

/* "7 min 20 s", "1 h 5 min", "45 s"; translated. */
char       *fd_report_format_duration     (double        seconds);
/* @value as the number it is for @kind, without its unit for counts: "84.2 %", "4.3". */
char       *fd_report_format_number       (FdReportValueKind kind,
                                           double        value);
/* A scalar or a table cell: @key names it, @row (nullable) is its row, for codes whose
 * names live in another column (a claim category's label). "—" when there is no value. */
char       *fd_report_format_value        (FdReportKind  report,
                                           const char   *key,
                                           GVariant     *value,
                                           GVariant     *row);
/* Whether a column is shown: ids and the raw labels another column already shows are not. */
gboolean    fd_report_column_is_shown     (const char   *key);
/* Weekday 1 (Monday) – 7, translated; @abbreviated: "Mon". */
const char *fd_report_weekday_name        (int           weekday,
                                           gboolean      abbreviated);
/* "YYYY-MM" as "January 2026", or with @abbreviated the month alone: "Jan". */
char       *fd_report_format_month        (const char   *month,
                                           gboolean      abbreviated);
/* Whether @key of @report is a table (aa{sv}) rather than a scalar. */
gboolean    fd_report_value_is_table      (GVariant     *value);
/* The number in @value (x, d, mx, md, i, u); FALSE when it is nothing or not a number. */
gboolean    fd_report_value_get_double    (GVariant     *value,
                                           double       *number);
/* A day as yyyymmdd, shown as a date: "23 Nov 2026"; and "from – to" for a range. */
char       *fd_report_format_range        (int           from_day,
                                           int           to_day);

G_END_DECLS
