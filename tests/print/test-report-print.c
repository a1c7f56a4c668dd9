/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fd-report-chart.h"
#include "fd-report-format.h"
#include "fd-report-print.h"

/* The reports as a PDF, read back with pdftotext: every report starts a page of its own
 * with its title, the period and branch, its key figures and its tables' rows; and the
 * values read as the Reports view shows them. */

static char *
run (const char * const *argv)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static char *
page_text (const char *pdf,
           int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);
  const char *argv[] = { "pdftotext", "-layout", "-f", number, "-l", number, pdf, "-", NULL };

  return run (argv);
}

static int
pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *out = run (argv);
  const char *line = strstr (out, "Pages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

/* A small report of each kind, as the store returns them. */
static GVariant *
row (const char *first_key,
     ...)
{
  g_auto(GVariantDict) dict = G_VARIANT_DICT_INIT (NULL);
  const char *key = first_key;
  va_list args;

  va_start (args, first_key);
  while (key != NULL)
    {
      g_variant_dict_insert_value (&dict, key, va_arg (args, GVariant *));
      key = va_arg (args, const char *);
    }
  va_end (args);
  return g_variant_dict_end (&dict);
}

static GVariant *
table (GVariant *first,
       ...)
{
  GVariantBuilder builder;
  va_list args;

  g_variant_builder_init (&builder, G_VARIANT_TYPE ("aa{sv}"));
  va_start (args, first);
  for (GVariant *r = first; r != NULL; r = va_arg (args, GVariant *))
    g_variant_builder_add_value (&builder, r);
  va_end (args);
  return g_variant_builder_end (&builder);
}

static GVariant *
peaks_report (void)
{
  GVariantBuilder cells;

  g_variant_builder_init (&cells, G_VARIANT_TYPE ("aa{sv}"));
  for (int d = 1; d <= 7; d++)
    for (int h = 0; h < 24; h++)
      g_variant_builder_add_value (&cells, row ("weekday", g_variant_new_int64 (d), "hour", g_variant_new_int64 (h),
                                                "visits", g_variant_new_int64 (d <= 5 && h >= 9 && h <= 16 ? d * h : 0),
                                                NULL));
  return row ("cells", g_variant_builder_end (&cells),
              "busiest", table (row ("weekday", g_variant_new_int64 (5), "hour", g_variant_new_int64 (16),
                                     "visits", g_variant_new_int64 (80), NULL), NULL),
              "visits", g_variant_new_int64 (4321), NULL);
}

static GVariant *
waiting_report (void)
{
  return row ("median_wait_s", g_variant_new_double (440),
              "share_called_within_target", g_variant_new_double (0.825),
              "target_s", g_variant_new_int64 (600),
              "by_hour", table (row ("hour", g_variant_new_int64 (9), "called", g_variant_new_int64 (12),
                                     "median_wait_s", g_variant_new_double (300),
                                     "p90_wait_s", g_variant_new_double (900), NULL),
                                row ("hour", g_variant_new_int64 (10), "called", g_variant_new_int64 (20),
                                     "median_wait_s", g_variant_new_double (440),
                                     "p90_wait_s", g_variant_new_maybe (G_VARIANT_TYPE_DOUBLE, NULL), NULL),
                                NULL),
              NULL);
}

static GVariant *
seasons_report (void)
{
  GVariantBuilder months;

  g_variant_builder_init (&months, G_VARIANT_TYPE ("aa{sv}"));
  for (int m = 1; m <= 12; m++)
    {
      g_autofree char *month = g_strdup_printf ("2026-%02d", m);

      g_variant_builder_add_value (&months, row ("month", g_variant_new_string (month),
                                                 "visits", g_variant_new_int64 (100 + m * 10),
                                                 "claims", g_variant_new_int64 (m),
                                                 "visits_year_before", g_variant_new_int64 (90 + m * 12),
                                                 "claims_year_before", g_variant_new_int64 (m + 1), NULL));
    }
  return row ("visits", g_variant_new_int64 (2580), "months", g_variant_builder_end (&months), NULL);
}

static GVariant *
simple_report (const char *table_key,
               const char *label_key,
               const char *code,
               const char *value_key)
{
  return row ("rated_visits", g_variant_new_int64 (7),
              table_key, table (row (label_key, g_variant_new_string (code),
                                     value_key, g_variant_new_int64 (7), NULL), NULL),
              NULL);
}

static void
make_reports (GVariant **reports)
{
  reports[FD_REPORT_PEAKS] = g_variant_ref_sink (peaks_report ());
  reports[FD_REPORT_SEASONS] = g_variant_ref_sink (seasons_report ());
  reports[FD_REPORT_WAITING] = g_variant_ref_sink (waiting_report ());
  reports[FD_REPORT_CLAIMS] = g_variant_ref_sink (simple_report ("by_category", "category", "slow_response", "claims"));
  reports[FD_REPORT_SATISFACTION] = g_variant_ref_sink (simple_report ("by_technique", "technique", "empathy", "visits"));
  reports[FD_REPORT_CUSTOMERS] = g_variant_ref_sink (simple_report ("by_age_group", "age_group", "25_34", "visitors"));
}

static void
free_reports (GVariant **reports)
{
  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    g_clear_pointer (&reports[kind], g_variant_unref);
}

static void
test_pdf (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fd-report-print-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "reports.pdf", NULL);
  GVariant *reports[FD_REPORT_N_KINDS] = { NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *all = NULL;
  int pages, page = 1;

  make_reports (reports);
  g_assert_true (fd_report_print_write_pdf (reports, 20260101, 20261231, "Amsterdam Centrum", pdf, &error));
  g_assert_no_error (error);

  pages = pdf_pages (pdf);
  g_assert_cmpint (pages, >=, FD_REPORT_N_KINDS);

  /* Each report starts a new page headed by its title, the period and the branch. */
  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    {
      gboolean found = FALSE;

      for (; page <= pages && !found; page++)
        {
          g_autofree char *text = page_text (pdf, page);
          g_auto(GStrv) lines = g_strsplit (text, "\n", 3);
          g_autofree char *first = g_strstrip (g_strdup (lines[0] != NULL ? lines[0] : ""));

          if (g_strcmp0 (first, fd_report_kind_to_label (kind)) == 0)
            {
              found = TRUE;
              g_assert_nonnull (strstr (text, "1 Jan 2026 – 31 Dec 2026"));
              g_assert_nonnull (strstr (text, "Amsterdam Centrum"));
            }
        }
      g_assert_true (found);
    }

  {
    const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

    all = run (argv);
  }
  /* Key figures and cells read as the view shows them. */
  g_assert_nonnull (strstr (all, "4321"));
  g_assert_nonnull (strstr (all, "7 min 20 s"));
  g_assert_nonnull (strstr (all, "82.5 %"));
  g_assert_nonnull (strstr (all, "Friday"));
  g_assert_nonnull (strstr (all, fd_claim_category_to_label ("slow_response")));
  g_assert_nonnull (strstr (all, "December 2026"));
  /* Chart titles. */
  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    for (guint i = 0; i < fd_report_chart_count (kind); i++)
      g_assert_nonnull (strstr (all, fd_report_chart_get_title (kind, i)));

  free_reports (reports);
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_formats (void)
{
  g_autofree char *a = fd_report_format_duration (440);
  g_autofree char *b = fd_report_format_duration (45);
  g_autofree char *c = fd_report_format_duration (3900);
  g_autofree char *d = fd_report_format_number (FD_REPORT_VALUE_SHARE, 0.8257);
  g_autofree char *e = fd_report_format_number (FD_REPORT_VALUE_AVERAGE, 4.1337);
  g_autofree char *f = fd_report_format_value (FD_REPORT_WAITING, "p90_wait_s",
                                               g_variant_new_maybe (G_VARIANT_TYPE_DOUBLE, NULL), NULL);
  g_autofree char *g = fd_report_format_month ("2026-03", FALSE);
  g_autofree char *h = fd_report_format_duration (600);

  g_assert_cmpstr (a, ==, "7 min 20 s");
  g_assert_cmpstr (b, ==, "45 s");
  g_assert_cmpstr (c, ==, "1 h 5 min");
  g_assert_cmpstr (h, ==, "10 min");
  g_assert_cmpstr (d, ==, "82.6 %");
  g_assert_cmpstr (e, ==, "4.1");
  g_assert_cmpstr (f, ==, "—");
  g_assert_cmpstr (g, ==, "March 2026");
}

static void
test_unwritable (void)
{
  GVariant *reports[FD_REPORT_N_KINDS] = { NULL };
  g_autoptr(GError) error = NULL;

  make_reports (reports);
  g_assert_false (fd_report_print_write_pdf (reports, 20260101, 20261231, "x", "/nonexistent-dir/r.pdf", &error));
  g_assert_nonnull (error);
  free_reports (reports);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fd/report-print/pdf", test_pdf);
  g_test_add_func ("/fd/report-print/formats", test_formats);
  g_test_add_func ("/fd/report-print/unwritable", test_unwritable);

  return g_test_run ();
}
