/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-report-section.h"
#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_REPORTS_VIEW (fd_reports_view_get_type ())

G_DECLARE_FINAL_TYPE (FdReportsView, fd_reports_view, FD, REPORTS_VIEW, AdwBin)

typedef enum
{
  FD_REPORTS_RANGE_LAST_4_WEEKS,
  FD_REPORTS_RANGE_THIS_QUARTER,
  FD_REPORTS_RANGE_LAST_12_MONTHS,
  FD_REPORTS_RANGE_CUSTOM,
} FdReportsRange;

/* The manager's page: a period and a branch, and a section per report. Reports run when
 * the page is shown (not at start-up) and again when the period, branch or waiting target
 * changes, each on a worker thread. */
FdStore         *fd_reports_view_get_store   (FdReportsView  *self);
void             fd_reports_view_set_store   (FdReportsView  *self,
                                              FdStore        *store);
FdReportSection *fd_reports_view_get_section (FdReportsView  *self,
                                              FdReportKind    kind);
/* The days covered, yyyymmdd, both included. */
void             fd_reports_view_get_days    (FdReportsView  *self,
                                              int            *from_day,
                                              int            *to_day);
void             fd_reports_view_set_range   (FdReportsView  *self,
                                              FdReportsRange  range);
/* Runs every report again (F5); also what showing the page does after changes. */
void             fd_reports_view_refresh     (FdReportsView  *self);
/* Puts the keyboard on the page (its period), where F5 and Ctrl+E work. */
void             fd_reports_view_focus       (FdReportsView  *self);
/* Writes every report shown as a PDF, off the main thread. */
void             fd_reports_view_export_pdf_async  (FdReportsView       *self,
                                                    GFile               *file,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         fd_reports_view_export_pdf_finish (FdReportsView       *self,
                                                    GAsyncResult        *result,
                                                    GError             **error);

G_END_DECLS
