/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The manager's reports. A report covers local calendar days from–to (both included,
 * written as yyyymmdd integers) at one branch or all (branch 0), and comes back as a
 * GVariant dictionary (a{sv}) whose keys are the JSON keys of `frontdesk-cli report`:
 * scalars (int64 "x", double "d", string "s", or a maybe "mx"/"md" that is nothing when
 * there is no data) and tables (aa{sv}: rows whose keys are the table's columns, in
 * order). The CLI, the CSV and PDF exports and the Reports view all read this one value.
 *
 *   peaks         cells [{weekday 1–7, hour 0–23, visits}] (all 168), busiest (top 5),
 *                 visits
 *   seasons       months [{month "YYYY-MM", visits, claims, visits_year_before,
 *                 claims_year_before}], visits, claims, visits_year_before,
 *                 claims_year_before
 *   waiting       median_wait_s, p90_wait_s, median_service_s, p90_service_s,
 *                 share_called_within_target, target_s, called, served;
 *                 by_weekday [{weekday, called, median_wait_s, p90_wait_s,
 *                 median_service_s, p90_service_s, share_called_within_target}],
 *                 by_hour [{hour, …}], by_weekday_hour [{weekday, hour, …}] (non-empty)
 *   claims        claims, by_category [{category, label, claims}], by_kind [{kind, claims}],
 *                 by_channel [{channel, claims}], by_age_group [{age_group, claims}],
 *                 open_claims, open_by_age [{age "0-2"|"3-7"|"8-30"|"30+", claims}] (open
 *                 now), resolved, resolved_past_due, share_closed_past_due, median_ack_s,
 *                 median_resolution_s, visits_finished, visits_first_contact,
 *                 first_contact_resolution
 *   satisfaction  rated_visits, avg_rating_solved, avg_rating_staff, rated_claims,
 *                 avg_claim_satisfaction, by_month [{month, rated_visits,
 *                 avg_rating_solved, avg_rating_staff}], by_branch [{branch_id, branch, …}],
 *                 by_technique [{technique, visits, median_service_s, avg_rating_solved,
 *                 avg_rating_staff, share_resolved}], by_staff [{staff_id, staff, …}]
 *   customers     visitors, new, returning, anonymous_visits, by_age_group [{age_group,
 *                 visitors, new, returning}], by_channel [{channel, visitors, new,
 *                 returning}]
 *
 * Percentiles interpolate linearly between ranks (the median of 60 and 90 is 75), as
 * PostgreSQL's percentile_cont does. */

typedef enum
{
  FD_REPORT_PEAKS,
  FD_REPORT_SEASONS,
  FD_REPORT_WAITING,
  FD_REPORT_CLAIMS,
  FD_REPORT_SATISFACTION,
  FD_REPORT_CUSTOMERS,
  FD_REPORT_N_KINDS,
} FdReportKind;

const char *fd_report_kind_to_code   (FdReportKind  kind);
gboolean    fd_report_kind_from_code (const char   *code,
                                      FdReportKind *kind);
const char *fd_report_kind_to_label  (FdReportKind  kind);

/* Translated heading of a table or a column key ("by_technique", "median_wait_s"). */
const char *fd_report_key_to_label   (const char   *key);

/* Age groups of customers, by age in the year of the visit or claim. */
const char *fd_age_group_to_label    (const char   *code);

/* The report's tables, in their order, as CSV: one block per table (the scalars first,
 * as metric,value), separated by an empty line; @table names one table alone. */
char       *fd_report_to_csv         (FdReportKind  kind,
                                      GVariant     *report,
                                      const char   *table);

G_END_DECLS
