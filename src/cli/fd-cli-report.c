/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-error.h"
#include "fd-report-print.h"
#include "fd-report.h"
#include "fd-store.h"

#include "fd-cli-private.h"

/* `frontdesk-cli report NAME`: the manager's reports, as JSON, CSV or a text summary.
 * The numbers are the ones the Reports view shows: both run fd_store_run_report(). */

static int
date_to_day (const GDate *date)
{
  return g_date_get_year (date) * 10000 + g_date_get_month (date) * 100 + g_date_get_day (date);
}

/* Default range: the twelve months up to and including today (or --to). */
static gboolean
parse_range (const char  *from_text,
             const char  *to_text,
             int         *from_day,
             int         *to_day,
             GError     **error)
{
  GDate from, to;

  if (to_text != NULL)
    {
      if (!_fd_cli_parse_date (to_text, "--to", &to, error))
        return FALSE;
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&to, 1);
      g_date_set_dmy (&to, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  if (from_text != NULL)
    {
      if (!_fd_cli_parse_date (from_text, "--from", &from, error))
        return FALSE;
    }
  else
    {
      from = to;
      g_date_subtract_years (&from, 1);
      g_date_add_days (&from, 1);
    }

  *from_day = date_to_day (&from);
  *to_day = date_to_day (&to);
  return TRUE;
}

/* Text: a value of the report as a person reads it. */
static char *
format_value (const char *key,
              GVariant   *value)
{
  g_autoptr(GVariant) inner = NULL;

  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("md")))
    {
      if (!(inner = g_variant_get_maybe (value)))
        return g_strdup ("—");
      value = inner;
    }
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_strdup_printf ("%lld", (long long) g_variant_get_int64 (value));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return g_strdup (g_variant_get_string (value, NULL));
  if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      double v = g_variant_get_double (value);

      if (g_str_has_prefix (key, "share_") || g_str_equal (key, "first_contact_resolution"))
        return g_strdup_printf ("%.1f %%", v * 100);
      if (g_str_has_suffix (key, "_s"))
        {
          gint64 seconds = (gint64) (v + 0.5);

          if (seconds >= 86400)
            /* Translators: a duration in days and hours */
            return g_strdup_printf (_("%lld d %lld h"), (long long) (seconds / 86400),
                                    (long long) (seconds % 86400 / 3600));
          if (seconds >= 3600)
            /* Translators: a duration in hours and minutes */
            return g_strdup_printf (_("%lld h %02lld min"), (long long) (seconds / 3600),
                                    (long long) (seconds % 3600 / 60));
          /* Translators: a duration in minutes and seconds */
          return g_strdup_printf (_("%lld min %02lld s"), (long long) (seconds / 60),
                                  (long long) (seconds % 60));
        }
      return g_strdup_printf ("%.2f", v);
    }
  return g_variant_print (value, FALSE);
}

static void
append_table (GString    *out,
              const char *key,
              GVariant   *rows)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gsize n_columns = 0;

  g_string_append_printf (out, "\n%s\n", fd_report_key_to_label (key));
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, i);
      GStrvBuilder *cells = g_strv_builder_new ();

      n_columns = g_variant_n_children (row);
      if (i == 0)
        {
          GStrvBuilder *header = g_strv_builder_new ();

          for (gsize c = 0; c < n_columns; c++)
            {
              const char *column;
              g_autoptr(GVariant) value = NULL;

              g_variant_get_child (row, c, "{&sv}", &column, &value);
              g_strv_builder_add (header, fd_report_key_to_label (column));
            }
          g_ptr_array_add (lines, g_strv_builder_end (header));
          g_strv_builder_unref (header);
        }
      for (gsize c = 0; c < n_columns; c++)
        {
          const char *column;
          g_autoptr(GVariant) value = NULL;
          g_autofree char *text = NULL;

          g_variant_get_child (row, c, "{&sv}", &column, &value);
          text = format_value (column, value);
          g_strv_builder_add (cells, text);
        }
      g_ptr_array_add (lines, g_strv_builder_end (cells));
      g_strv_builder_unref (cells);
    }
  if (lines->len > 0)
    _fd_cli_append_table (out, lines, n_columns);
}

static void
print_text (FdReportKind  kind,
            GVariant     *report,
            int           from_day,
            int           to_day)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  guint width;

  g_string_append_printf (out, "%s, %04d-%02d-%02d – %04d-%02d-%02d\n\n",
                          fd_report_kind_to_label (kind),
                          from_day / 10000, from_day / 100 % 100, from_day % 100,
                          to_day / 10000, to_day / 100 % 100, to_day % 100);
  for (gsize i = 0; i < g_variant_n_children (report); i++)
    {
      const char *key;
      g_autoptr(GVariant) value = NULL;

      g_variant_get_child (report, i, "{&sv}", &key, &value);
      if (!g_variant_is_of_type (value, G_VARIANT_TYPE ("aa{sv}")))
        g_ptr_array_add (labels, (gpointer) fd_report_key_to_label (key));
    }
  width = _fd_cli_max_width ((const char * const *) labels->pdata, labels->len);

  for (gsize i = 0; i < g_variant_n_children (report); i++)
    {
      const char *key;
      g_autoptr(GVariant) value = NULL;
      g_autofree char *text = NULL;

      g_variant_get_child (report, i, "{&sv}", &key, &value);
      if (g_variant_is_of_type (value, G_VARIANT_TYPE ("aa{sv}")))
        continue;
      text = format_value (key, value);
      _fd_cli_add_row (out, fd_report_key_to_label (key), width, text);
    }
  for (gsize i = 0; i < g_variant_n_children (report); i++)
    {
      const char *key;
      g_autoptr(GVariant) value = NULL;

      g_variant_get_child (report, i, "{&sv}", &key, &value);
      /* The heat map's 168 cells are for JSON and CSV; text shows the busiest. */
      if (g_variant_is_of_type (value, G_VARIANT_TYPE ("aa{sv}")) &&
          !(kind == FD_REPORT_PEAKS && g_str_equal (key, "cells")))
        append_table (out, key, value);
    }
  _fd_cli_print ("%s", out->str);
}

static void
print_json (FdReportKind  kind,
            GVariant     *report)
{
  g_autoptr(JsonNode) node = NULL;

  /* peaks is the array of its cells; the others are objects. */
  if (kind == FD_REPORT_PEAKS)
    {
      g_autoptr(GVariant) cells = g_variant_lookup_value (report, "cells", G_VARIANT_TYPE ("aa{sv}"));
      node = json_gvariant_serialize (cells);
    }
  else
    node = json_gvariant_serialize (report);
  _fd_cli_print_json (node);
}

int
_fd_cli_report (FdCli  *cli,
                char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GVariant) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *table = NULL;
  g_autofree char *pdf = NULL;
  gboolean json = FALSE, csv = FALSE, help_shown = FALSE, all = FALSE;
  gint64 branch_id = 0;
  FdReportKind kind;
  int from_day, to_day;
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("First day of the range, YYYY-MM-DD (default: a year before --to)"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Last day of the range, included (default: today)"), N_("DATE") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print JSON"), NULL },
    { "csv", 0, 0, G_OPTION_ARG_NONE, &csv, N_("Print CSV"), NULL },
    { "table", 0, 0, G_OPTION_ARG_STRING, &table,
      N_("With --csv, print only this table (such as by_technique)"), N_("NAME") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf,
      N_("With the name all, write every report to a PDF file"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "report",
                              N_("NAME — peaks, seasons, waiting, claims, satisfaction, customers, or all with --pdf"),
                              N_("Prints a report over local calendar days, at all branches or "
                                 "at the one given with --branch."),
                              entries, &help_shown, &error))
    return _fd_cli_fail (error);
  if (help_shown)
    return FD_CLI_EXIT_OK;

  all = g_strcmp0 (args[1], "all") == 0;
  if ((all || pdf) && !(all && pdf))
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("The PDF holds every report: use “report all --pdf FILE”."));
      return _fd_cli_fail (error);
    }
  if (!all && (args[1] == NULL || !fd_report_kind_from_code (args[1], &kind)))
    {
      g_autofree char *shown = args[1] ? g_utf8_make_valid (args[1], -1) : NULL;

      if (shown)
        /* Translators: %s is what the user typed; keep the report names as they are */
        g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     _("Unknown report “%s”: expected peaks, seasons, waiting, claims, "
                       "satisfaction or customers."), shown);
      else
        g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                             _("Name a report: peaks, seasons, waiting, claims, satisfaction "
                               "or customers."));
      return _fd_cli_fail (error);
    }
  if (json && csv)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Choose one of --json and --csv."));
      return _fd_cli_fail (error);
    }

  if (!_fd_cli_no_extra_arguments (args, 2, &error) ||
      !parse_range (from_text, to_text, &from_day, &to_day, &error) ||
      !(store = _fd_cli_open_store (cli, &error)))
    return _fd_cli_fail (error);
  if (cli->branch != NULL)
    {
      g_autoptr(FdBranch) branch = NULL;

      if (!_fd_cli_parse_id_of (cli->branch, FD_CLI_ID_BRANCH, &branch_id, &error) ||
          !(branch = fd_store_get_branch (store, branch_id, &error)))
        return _fd_cli_fail (error);
    }

  if (all)
    {
      if (!fd_report_print_run_to_pdf (store, from_day, to_day, branch_id, pdf, &error))
        return _fd_cli_fail (error);
      return FD_CLI_EXIT_OK;
    }
  if (!(report = fd_store_run_report (store, kind, from_day, to_day, branch_id, &error)))
    return _fd_cli_fail (error);

  if (json)
    print_json (kind, report);
  else if (csv)
    {
      g_autofree char *text = fd_report_to_csv (kind, report, table);
      _fd_cli_print ("%s", text);
    }
  else
    print_text (kind, report, from_day, to_day);
  return FD_CLI_EXIT_OK;
}
