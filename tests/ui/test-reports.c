/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Reports page in the real window, on a small database with known visits: each of the
 * six reports arrives with its charts and the tables a screen reader reads, a new period
 * runs them again, and a report exports as CSV and the page as PDF. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "fd-report-chart.h"
#include "fd-report-format.h"
#include "fd-reports-view.h"
#include "fd-window.h"

typedef struct
{
  char          *dir;
  char          *path;
  FdStore       *store;
  FdWindow      *window;
  FdReportsView *view;
  gint64         branch_id;
  int            weekday;     /* of the three recent visits, at 10:00 */
} Fixture;

static gint64
add_customer (FdStore    *store,
              const char *given_name,
              const char *family_name)
{
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(FdCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;

  fd_customer_set_given_name (draft, given_name);
  fd_customer_set_family_name (draft, family_name);
  saved = fd_store_add_customer (store, draft, &error);
  g_assert_no_error (error);

  return fd_customer_get_id (saved);
}

/* A visit from arrival at @at: called after @wait seconds, served for @service. */
static void
add_visit (Fixture     *fixture,
           gint64       desk_id,
           gint64       customer_id,
           gint64       at,
           int          wait,
           int          service,
           FdTechnique  technique)
{
  FdVisitReport report = { .technique = technique, .outcome = FD_OUTCOME_RESOLVED,
                           .rating_solved = 5, .rating_staff = 4 };
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(FdVisit) called = NULL;
  g_autoptr(FdVisit) finished = NULL;
  g_autoptr(GError) error = NULL;

  visit = fd_store_check_in (fixture->store, fixture->branch_id, customer_id, "information",
                             FD_PRIORITY_NONE, at, &error);
  g_assert_no_error (error);
  called = fd_store_call (fixture->store, fixture->branch_id, desk_id, NULL, at + wait, &error);
  g_assert_no_error (error);
  finished = fd_store_finish_visit (fixture->store, fd_visit_get_id (called), &report, at + wait + service, &error);
  g_assert_no_error (error);
}

static gint64
local_time (GDateTime *day,
            int        hour,
            int        minute)
{
  g_autoptr(GDateTime) moment = g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                                       g_date_time_get_day_of_month (day), hour, minute, 0);

  return g_date_time_to_unix (moment);
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
any_running (Fixture *fixture)
{
  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    if (fd_report_section_get_running (fd_reports_view_get_section (fixture->view, kind)))
      return TRUE;

  return FALSE;
}

static void
wait_for_reports (Fixture *fixture)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  spin ();
  while (any_running (fixture))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  spin ();
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(FdDesk) desk = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) recent = g_date_time_add_days (now, -3);
  g_autoptr(GDateTime) long_ago = g_date_time_add_days (now, -200);
  g_autoptr(FdClaim) claim = NULL;
  FdClaimDraft claim_draft = { 0 };
  gint64 janis, sanne;

  fixture->dir = g_dir_make_tmp ("frontdesk-reports-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "frontdesk.db", NULL);
  fixture->store = fd_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fd_branch_set_name (draft, "Amsterdam Centrum");
  fd_branch_set_country (draft, "NL");
  fd_branch_set_address (draft, "Damrak 1, Amsterdam");
  branch = fd_store_add_branch (fixture->store, draft, &error);
  g_assert_no_error (error);
  fixture->branch_id = fd_branch_get_id (branch);
  desk = fd_store_add_desk (fixture->store, fixture->branch_id, "Desk 1", &error);
  g_assert_no_error (error);

  janis = add_customer (fixture->store, "Jānis", "Bērziņš");
  sanne = add_customer (fixture->store, "Sanne", "Willems");

  /* Three visits three days ago between 10:00 and 11:00, one seven months ago. */
  fixture->weekday = g_date_time_get_day_of_week (recent);
  add_visit (fixture, fd_desk_get_id (desk), janis, local_time (recent, 10, 5), 120, 600, FD_TECHNIQUE_EMPATHY);
  add_visit (fixture, fd_desk_get_id (desk), sanne, local_time (recent, 10, 20), 300, 900, FD_TECHNIQUE_EMPATHY);
  add_visit (fixture, fd_desk_get_id (desk), 0, local_time (recent, 10, 40), 900, 300, FD_TECHNIQUE_EXPLANATION);
  add_visit (fixture, fd_desk_get_id (desk), janis, local_time (long_ago, 14, 0), 60, 600, FD_TECHNIQUE_QUESTIONING);

  claim_draft.branch_id = fixture->branch_id;
  claim_draft.customer_id = sanne;
  claim_draft.kind = FD_CLAIM_KIND_COMPLAINT;
  claim_draft.channel = "email";
  claim_draft.category = "slow_response";
  claim_draft.priority = FD_CLAIM_PRIORITY_NORMAL;
  claim_draft.summary = "No answer for three weeks";
  claim_draft.received_at = local_time (recent, 11, 0);
  claim = fd_store_open_claim (fixture->store, &claim_draft, &error);
  g_assert_no_error (error);

  fixture->window = g_object_ref_sink (fd_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->view = FD_REPORTS_VIEW (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), FD_TYPE_WINDOW,
                                                                  "reports_view"));
  g_assert_true (FD_IS_REPORTS_VIEW (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  spin ();
  g_clear_object (&fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);

  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static void
show_reports (Fixture *fixture)
{
  AdwViewStack *stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window), FD_TYPE_WINDOW,
                                                                      "view_stack"));

  adw_view_stack_set_visible_child_name (stack, "reports");
  wait_for_reports (fixture);
}

static const char *
cell_text (GtkGrid *grid,
           int      column,
           int      row)
{
  GtkWidget *cell = gtk_grid_get_child_at (grid, column, row);

  return GTK_IS_LABEL (cell) ? gtk_label_get_label (GTK_LABEL (cell)) : NULL;
}

static int
count_rows (GtkGrid *grid)
{
  int rows = 0;

  while (gtk_grid_get_child_at (grid, 0, rows) != NULL)
    rows++;
  return rows - 1;   /* without the header */
}

/* The row whose first cells read @first (and @second, unless NULL); -1 when there is none. */
static int
find_row (GtkGrid    *grid,
          const char *first,
          const char *second)
{
  for (int row = 1; gtk_grid_get_child_at (grid, 0, row) != NULL; row++)
    if (g_strcmp0 (cell_text (grid, 0, row), first) == 0 &&
        (second == NULL || g_strcmp0 (cell_text (grid, 1, row), second) == 0))
      return row;

  return -1;
}

/* The column headed @label; -1 when there is none. */
static int
find_column (GtkGrid    *grid,
             const char *label)
{
  for (int column = 0; gtk_grid_get_child_at (grid, column, 0) != NULL; column++)
    if (g_strcmp0 (cell_text (grid, column, 0), label) == 0)
      return column;

  return -1;
}

static GtkGrid *
table (Fixture      *fixture,
       FdReportKind  kind,
       const char   *key)
{
  GtkGrid *grid = fd_report_section_get_table (fd_reports_view_get_section (fixture->view, kind), key);

  g_assert_true (GTK_IS_GRID (grid));
  gtk_test_accessible_assert_role (grid, GTK_ACCESSIBLE_ROLE_TABLE);
  gtk_test_accessible_assert_property (grid, GTK_ACCESSIBLE_PROPERTY_LABEL, fd_report_key_to_label (key));
  return grid;
}

static gint64
report_int (Fixture      *fixture,
            FdReportKind  kind,
            const char   *key)
{
  GVariant *report = fd_report_section_get_report (fd_reports_view_get_section (fixture->view, kind));
  gint64 value = -1;

  g_assert_nonnull (report);
  g_assert_true (g_variant_lookup (report, key, "x", &value));
  return value;
}

static void
test_each_report (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *weekday = fd_report_weekday_name (fixture->weekday, FALSE);
  GtkGrid *grid;
  int row;

  /* Nothing runs before the page is shown: start-up pays nothing for reports. */
  g_assert_false (any_running (fixture));
  g_assert_null (fd_report_section_get_report (fd_reports_view_get_section (fixture->view, FD_REPORT_PEAKS)));

  show_reports (fixture);
  /* The keyboard follows to the page, where F5 and Ctrl+E work. */
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), GTK_WIDGET (fixture->view)));

  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    {
      FdReportSection *section = fd_reports_view_get_section (fixture->view, kind);

      g_assert_nonnull (fd_report_section_get_report (section));
      g_assert_cmpuint (fd_report_chart_count (kind), >, 0);
      for (guint i = 0; i < fd_report_chart_count (kind); i++)
        {
          FdReportChartView *chart = fd_report_section_get_chart (section, i);

          g_assert_true (FD_IS_REPORT_CHART_VIEW (chart));
          g_assert_true (fd_report_chart_view_get_report (chart) == fd_report_section_get_report (section));
          gtk_test_accessible_assert_role (chart, GTK_ACCESSIBLE_ROLE_IMG);
          gtk_test_accessible_assert_property (chart, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                               fd_report_chart_get_title (kind, i));
        }
    }

  /* Peaks: three visits at 10:00 on that weekday, and it is the busiest slot. */
  g_assert_cmpint (report_int (fixture, FD_REPORT_PEAKS, "visits"), ==, 3);
  grid = table (fixture, FD_REPORT_PEAKS, "cells");
  row = find_row (grid, weekday, "10:00");
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (cell_text (grid, find_column (grid, fd_report_key_to_label ("visits")), row), ==, "3");
  /* Empty hours are left out of the table. */
  g_assert_cmpint (count_rows (grid), ==, 1);
  grid = table (fixture, FD_REPORT_PEAKS, "busiest");
  g_assert_cmpint (find_row (grid, weekday, "10:00"), ==, 1);
  {
    g_autofree char *description = fd_report_chart_describe (FD_REPORT_PEAKS, 0,
                                                             fd_report_section_get_report (fd_reports_view_get_section (fixture->view, FD_REPORT_PEAKS)));
    g_autofree char *expected = g_strdup_printf ("Busiest: %s at 10:00, 3 visits.", weekday);

    g_assert_cmpstr (description, ==, expected);
    gtk_test_accessible_assert_property (fd_report_section_get_chart (fd_reports_view_get_section (fixture->view, FD_REPORT_PEAKS), 0),
                                         GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, expected);
  }

  /* Seasons: this month's row counts the visits of the last four weeks it holds. */
  grid = table (fixture, FD_REPORT_SEASONS, "months");
  g_assert_cmpint (count_rows (grid), >=, 1);
  g_assert_cmpint (report_int (fixture, FD_REPORT_SEASONS, "visits"), ==, 3);

  /* Waiting: the weekday's row has the three called visits; waits 2, 5 and 15 minutes. */
  grid = table (fixture, FD_REPORT_WAITING, "by_weekday");
  row = find_row (grid, weekday, NULL);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (cell_text (grid, find_column (grid, fd_report_key_to_label ("called")), row), ==, "3");
  g_assert_cmpstr (cell_text (grid, find_column (grid, fd_report_key_to_label ("median_wait_s")), row), ==, "5 min");

  /* Claims: the one complaint, by its category's name. */
  grid = table (fixture, FD_REPORT_CLAIMS, "by_category");
  row = find_row (grid, fd_claim_category_to_label ("slow_response"), NULL);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (cell_text (grid, find_column (grid, fd_report_key_to_label ("claims")), row), ==, "1");

  /* Satisfaction: empathy served two visits, with their ratings' averages. */
  grid = table (fixture, FD_REPORT_SATISFACTION, "by_technique");
  row = find_row (grid, fd_technique_to_label (FD_TECHNIQUE_EMPATHY), NULL);
  g_assert_cmpint (row, >, 0);
  g_assert_cmpstr (cell_text (grid, find_column (grid, fd_report_key_to_label ("visits")), row), ==, "2");
  g_assert_cmpstr (cell_text (grid, find_column (grid, fd_report_key_to_label ("avg_rating_solved")), row), ==, "5.0");

  /* Customers: two named visitors. */
  g_assert_cmpint (report_int (fixture, FD_REPORT_CUSTOMERS, "visitors"), ==, 2);
  grid = table (fixture, FD_REPORT_CUSTOMERS, "by_age_group");
  g_assert_cmpint (count_rows (grid), >=, 1);
}

static void
test_range_reruns (Fixture       *fixture,
                   gconstpointer  data)
{
  FdReportSection *peaks = fd_reports_view_get_section (fixture->view, FD_REPORT_PEAKS);
  GVariant *before;
  int from_4_weeks, from_12_months, to_day;

  show_reports (fixture);
  before = fd_report_section_get_report (peaks);
  g_assert_nonnull (before);
  g_assert_cmpint (report_int (fixture, FD_REPORT_PEAKS, "visits"), ==, 3);
  fd_reports_view_get_days (fixture->view, &from_4_weeks, &to_day);

  /* A longer period runs every report again; the old figures stay until the new arrive. */
  fd_reports_view_set_range (fixture->view, FD_REPORTS_RANGE_LAST_12_MONTHS);
  g_assert_true (fd_report_section_get_running (peaks));
  g_assert_true (fd_report_section_get_report (peaks) == before);
  fd_reports_view_get_days (fixture->view, &from_12_months, NULL);
  g_assert_cmpint (from_12_months, <, from_4_weeks);

  wait_for_reports (fixture);
  g_assert_true (fd_report_section_get_report (peaks) != before);
  g_assert_cmpint (report_int (fixture, FD_REPORT_PEAKS, "visits"), ==, 4);
  g_assert_cmpint (report_int (fixture, FD_REPORT_SEASONS, "visits"), ==, 4);

  /* The custom period starts from the one shown. */
  fd_reports_view_set_range (fixture->view, FD_REPORTS_RANGE_CUSTOM);
  wait_for_reports (fixture);
  {
    int from_custom, to_custom;

    fd_reports_view_get_days (fixture->view, &from_custom, &to_custom);
    g_assert_cmpint (from_custom, ==, from_12_months);
    g_assert_cmpint (to_custom, ==, to_day);
  }
  g_assert_cmpint (report_int (fixture, FD_REPORT_PEAKS, "visits"), ==, 4);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *csv_path = g_build_filename (fixture->dir, "peaks.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->dir, "reports.pdf", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;

  show_reports (fixture);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "reports.refresh", NULL));
  wait_for_reports (fixture);

  /* CSV: the key figures first, then the tables with their column keys. */
  g_assert_true (fd_report_section_write_csv (fd_reports_view_get_section (fixture->view, FD_REPORT_PEAKS),
                                              csv_file, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (csv_path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "metric,value\r\n"));
  g_assert_nonnull (strstr (contents, "weekday,hour,visits\r\n"));
  g_clear_pointer (&contents, g_free);

  /* PDF, written off the main thread from the reports shown. */
  fd_reports_view_export_pdf_async (fixture->view, pdf_file, NULL, store_result_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (fd_reports_view_export_pdf_finish (fixture->view, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf_path, &contents, &length, &error));
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/fd/reports/each-report", test_each_report);
  ADD ("/fd/reports/range-reruns", test_range_reruns);
  ADD ("/fd/reports/export", test_export);

  return g_test_run ();
}
