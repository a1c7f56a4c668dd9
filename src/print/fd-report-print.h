/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-report.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* The manager's reports on A4 paper as a PDF: per report its title, the days and branch it
 * covers, the key figures, the charts (as the Reports view draws them) and every table. */

/* @reports holds FD_REPORT_N_KINDS reports in FdReportKind order; NULL ones are left out.
 * @branch_name is what the reports cover ("All Branches" or one branch's name). An
 * unwritable path is an error, never a crash. Safe to call from a worker thread. */
gboolean fd_report_print_write_pdf  (GVariant * const  *reports,
                                     int                from_day,
                                     int                to_day,
                                     const char        *branch_name,
                                     const char        *path,
                                     GError           **error);
/* Runs every report on @store (branch 0: all) and writes them: for frontdesk-cli. */
gboolean fd_report_print_run_to_pdf (FdStore           *store,
                                     int                from_day,
                                     int                to_day,
                                     gint64             branch_id,
                                     const char        *path,
                                     GError           **error);

G_END_DECLS
