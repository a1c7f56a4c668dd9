/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-report-chart-view.h"
#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_REPORT_SECTION (fd_report_section_get_type ())

G_DECLARE_FINAL_TYPE (FdReportSection, fd_report_section, FD, REPORT_SECTION, AdwBin)

/* One report in the Reports view: its key figures as large numbers, its charts and every
 * table (what a screen reader reads), run off the main thread; the figures shown stay until
 * the new ones arrive. Exports its tables as CSV. */
GtkWidget         *fd_report_section_new               (FdReportKind     kind);
FdReportKind       fd_report_section_get_kind          (FdReportSection *self);
/* (nullable): the report shown; NULL until the first one arrives. */
GVariant          *fd_report_section_get_report        (FdReportSection *self);
gboolean           fd_report_section_get_running       (FdReportSection *self);
/* Runs the report for these days (yyyymmdd) and branch (0: all), cancelling a run still
 * going; the figures shown are replaced when it finishes. */
void               fd_report_section_run               (FdReportSection *self,
                                                        FdStore         *store,
                                                        int              from_day,
                                                        int              to_day,
                                                        gint64           branch_id);
/* Puts @widget in the header, before the export button (the waiting target). */
void               fd_report_section_add_header_widget (FdReportSection *self,
                                                        GtkWidget       *widget);
/* Writes the report's CSV to @file; the file chooser's answer ends here. */
gboolean           fd_report_section_write_csv         (FdReportSection *self,
                                                        GFile           *file,
                                                        GError         **error);
FdReportChartView *fd_report_section_get_chart         (FdReportSection *self,
                                                        guint            index);
/* (nullable): the GtkGrid of the table @key ("busiest", "by_weekday"); row 0 is the header. */
GtkGrid           *fd_report_section_get_table         (FdReportSection *self,
                                                        const char      *key);

G_END_DECLS
