/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "fd-report.h"

G_BEGIN_DECLS

#define FD_TYPE_REPORT_CHART_VIEW (fd_report_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (FdReportChartView, fd_report_chart_view, FD, REPORT_CHART_VIEW, GtkWidget)

/* One chart of a report (fd-report-chart.h), drawn in the style's colours, light or dark;
 * an image to screen readers, named by its title and described by its highest value. */
GtkWidget    *fd_report_chart_view_new        (FdReportKind       kind,
                                               guint              index);
FdReportKind  fd_report_chart_view_get_kind   (FdReportChartView *self);
guint         fd_report_chart_view_get_index  (FdReportChartView *self);
GVariant     *fd_report_chart_view_get_report (FdReportChartView *self);
void          fd_report_chart_view_set_report (FdReportChartView *self,
                                               GVariant          *report);

G_END_DECLS
