/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-report-print"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fd-error.h"
#include "fd-report-chart.h"
#include "fd-report-format.h"
#include "fd-report-print.h"

/* A4 in points, with the letter's margins. */
#define PAGE_WIDTH     595.28
#define PAGE_HEIGHT    841.89
#define MARGIN_X        48.0
#define MARGIN_TOP      48.0
#define MARGIN_BOTTOM   52.0
#define CHART_HEIGHT   170.0
#define FIGURES_PER_ROW  4
#define ROW_GAP          2.0

#define FONT            "DejaVu Sans, Sans"

typedef struct
{
  cairo_t    *cr;
  double      y;
  int         page;
  const char *report_title;
  const char *range;
  const char *branch;
} Printer;

static PangoLayout *
new_layout (Printer    *p,
            const char *text,
            const char *font,
            double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (p->cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, desc);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int h;

  pango_layout_get_size (layout, NULL, &h);
  return (double) h / PANGO_SCALE;
}

static double
layout_width (PangoLayout *layout)
{
  int w;

  pango_layout_get_size (layout, &w, NULL);
  return (double) w / PANGO_SCALE;
}

static void
show (Printer     *p,
      PangoLayout *layout,
      double       x,
      double       y)
{
  cairo_move_to (p->cr, x, y);
  pango_cairo_show_layout (p->cr, layout);
}

static void
draw_footer (Printer *p)
{
  /* Translators: the footer of a page of the reports' PDF: %d is the page number */
  g_autofree char *text = g_strdup_printf (_("Frontdesk reports · %s · %s · page %d"), p->range, p->branch, p->page);
  g_autoptr(PangoLayout) layout = new_layout (p, text, FONT " 7", PAGE_WIDTH - 2 * MARGIN_X);

  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (p->cr, 0.45, 0.45, 0.48);
  show (p, layout, MARGIN_X, PAGE_HEIGHT - MARGIN_BOTTOM + 18);
}

static void
new_page (Printer *p)
{
  if (p->page > 0)
    cairo_show_page (p->cr);
  p->page++;
  p->y = MARGIN_TOP;
  draw_footer (p);
}

/* Starts a new page, with a line saying which report goes on, unless @height still fits. */
static void
ensure_space (Printer *p,
              double   height)
{
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;

  if (p->y + height <= PAGE_HEIGHT - MARGIN_BOTTOM)
    return;

  new_page (p);
  /* Translators: heads a page where a report goes on from the page before: "Peaks (continued)" */
  text = g_strdup_printf (_("%s (continued)"), p->report_title);
  layout = new_layout (p, text, FONT " Bold 9", 0);
  cairo_set_source_rgb (p->cr, 0.45, 0.45, 0.48);
  show (p, layout, MARGIN_X, p->y);
  p->y += layout_height (layout) + 10;
}

static void
draw_heading (Printer    *p,
              const char *text,
              const char *font,
              double      gap_after)
{
  g_autoptr(PangoLayout) layout = new_layout (p, text, font, PAGE_WIDTH - 2 * MARGIN_X);

  /* A heading is never left alone at the bottom of a page: a few lines follow it. */
  ensure_space (p, layout_height (layout) + 90);
  cairo_set_source_rgb (p->cr, 0.11, 0.25, 0.45);
  show (p, layout, MARGIN_X, p->y);
  p->y += layout_height (layout) + gap_after;
}

static void
draw_title (Printer      *p,
            FdReportKind  kind)
{
  g_autofree char *subtitle = g_strdup_printf ("%s · %s", p->range, p->branch);
  g_autoptr(PangoLayout) title = new_layout (p, fd_report_kind_to_label (kind), FONT " Bold 20", 0);
  g_autoptr(PangoLayout) sub = new_layout (p, subtitle, FONT " 9.5", PAGE_WIDTH - 2 * MARGIN_X);

  cairo_set_source_rgb (p->cr, 0.11, 0.25, 0.45);
  show (p, title, MARGIN_X, p->y);
  p->y += layout_height (title) + 4;
  cairo_set_source_rgb (p->cr, 0.33, 0.33, 0.36);
  show (p, sub, MARGIN_X, p->y);
  p->y += layout_height (sub) + 8;

  cairo_set_source_rgb (p->cr, 0.11, 0.25, 0.45);
  cairo_set_line_width (p->cr, 1.2);
  cairo_move_to (p->cr, MARGIN_X, p->y);
  cairo_line_to (p->cr, PAGE_WIDTH - MARGIN_X, p->y);
  cairo_stroke (p->cr);
  p->y += 14;
}

/* The scalars as large figures with their labels, four to a row. */
static void
draw_figures (Printer      *p,
              FdReportKind  kind,
              GVariant     *report)
{
  double cell_w = (PAGE_WIDTH - 2 * MARGIN_X) / FIGURES_PER_ROW;
  double row_h = 0;
  GVariantIter iter;
  const char *key;
  GVariant *value;
  int column = 0;

  g_variant_iter_init (&iter, report);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) number = NULL;
      g_autoptr(PangoLayout) label = NULL;
      double h;

      if (fd_report_value_is_table (value))
        continue;

      text = fd_report_format_value (kind, key, value, NULL);
      number = new_layout (p, text, FONT " Bold 13", cell_w - 6);
      label = new_layout (p, fd_report_key_to_label (key), FONT " 7.5", cell_w - 10);
      h = layout_height (number) + 2 + layout_height (label);

      if (column == 0)
        ensure_space (p, h + 10);

      cairo_set_source_rgb (p->cr, 0.12, 0.12, 0.14);
      show (p, number, MARGIN_X + column * cell_w, p->y);
      cairo_set_source_rgb (p->cr, 0.40, 0.40, 0.43);
      show (p, label, MARGIN_X + column * cell_w, p->y + layout_height (number) + 2);
      row_h = MAX (row_h, h);

      if (++column == FIGURES_PER_ROW)
        {
          p->y += row_h + 12;
          row_h = 0;
          column = 0;
        }
    }
  if (column > 0)
    p->y += row_h + 12;
  p->y += 6;
}

static void
draw_charts (Printer      *p,
             FdReportKind  kind,
             GVariant     *report)
{
  FdReportChartStyle style;

  fd_report_chart_style_init_print (&style);

  for (guint i = 0; i < fd_report_chart_count (kind); i++)
    {
      double height = MIN (fd_report_chart_get_natural_height (kind, i, report, style.font_size), CHART_HEIGHT);

      draw_heading (p, fd_report_chart_get_title (kind, i), FONT " Bold 10.5", 8);
      ensure_space (p, height + 14);
      cairo_save (p->cr);
      cairo_translate (p->cr, MARGIN_X, p->y);
      fd_report_chart_draw (kind, i, report, p->cr, PAGE_WIDTH - 2 * MARGIN_X, height, &style);
      cairo_restore (p->cr);
      p->y += height + 18;
    }
}

/* A table of text: @header and @rows (GStrv each), columns as wide as their widest cell,
 * narrowed to the page when needed; the header is repeated on each page. */
static void
draw_text_table (Printer    *p,
                 GStrv       header,
                 GPtrArray  *rows)
{
  guint n_cols = g_strv_length (header);
  g_autofree double *widths = g_new0 (double, n_cols);
  double total = 0, avail = PAGE_WIDTH - 2 * MARGIN_X, row_h;

  for (guint r = 0; r < rows->len; r++)
    {
      GStrv cells = g_ptr_array_index (rows, r);

      for (guint c = 0; c < n_cols; c++)
        {
          g_autoptr(PangoLayout) layout = new_layout (p, cells[c], FONT " 7.5", 0);

          widths[c] = MAX (widths[c], layout_width (layout));
        }
    }
  /* A column is as wide as its values; its header wraps over lines rather than widen it
   * past a cap, lowered until the table fits the page. */
  {
    g_autofree double *values = g_memdup2 (widths, n_cols * sizeof (double));

    for (double cap = 70; cap >= 30; cap -= 5)
      {
        total = 0;
        for (guint c = 0; c < n_cols; c++)
          {
            g_autoptr(PangoLayout) layout = new_layout (p, header[c], FONT " Bold 7.5", 0);

            widths[c] = MAX (values[c], MIN (layout_width (layout), cap));
            total += widths[c] + 10;
          }
        if (total <= avail)
          break;
      }
  }
  for (guint c = 0; c < n_cols; c++)
    widths[c] = (widths[c] + 10) * (total > avail ? avail / total : 1.0);

  for (guint r = 0; r <= rows->len; r++)
    {
      gboolean is_header = r == 0;
      GStrv cells = is_header ? header : g_ptr_array_index (rows, r - 1);
      g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
      double x = MARGIN_X;
      int page = p->page;

      row_h = 0;
      for (guint c = 0; c < n_cols; c++)
        {
          PangoLayout *layout = new_layout (p, cells[c], is_header ? FONT " Bold 7.5" : FONT " 7.5", widths[c] - 6);

          /* Numbers line up on the right, names on the left. */
          if (c > 0 && !is_header)
            pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          else if (c > 0)
            pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
          row_h = MAX (row_h, layout_height (layout));
          g_ptr_array_add (layouts, layout);
        }

      ensure_space (p, row_h + ROW_GAP * 2 + (is_header ? 3 * row_h : 0));
      if (!is_header && p->page != page)
        {
          /* The header again, at the top of the new page. */
          double hx = MARGIN_X, hh = 0;

          for (guint c = 0; c < n_cols; c++)
            {
              g_autoptr(PangoLayout) h = new_layout (p, header[c], FONT " Bold 7.5", widths[c] - 6);

              if (c > 0)
                pango_layout_set_alignment (h, PANGO_ALIGN_RIGHT);
              cairo_set_source_rgb (p->cr, 0.12, 0.12, 0.14);
              show (p, h, hx + 3, p->y + ROW_GAP);
              hh = MAX (hh, layout_height (h));
              hx += widths[c];
            }
          p->y += hh + 2 * ROW_GAP;
          cairo_set_source_rgb (p->cr, 0.55, 0.55, 0.58);
          cairo_set_line_width (p->cr, 0.6);
          cairo_move_to (p->cr, MARGIN_X, p->y);
          cairo_line_to (p->cr, MARGIN_X + avail, p->y);
          cairo_stroke (p->cr);
        }

      if (!is_header && r % 2 == 0)
        {
          cairo_set_source_rgb (p->cr, 0.95, 0.96, 0.97);
          cairo_rectangle (p->cr, MARGIN_X, p->y, avail, row_h + 2 * ROW_GAP);
          cairo_fill (p->cr);
        }

      cairo_set_source_rgb (p->cr, 0.12, 0.12, 0.14);
      for (guint c = 0; c < n_cols; c++)
        {
          show (p, g_ptr_array_index (layouts, c), x + 3, p->y + ROW_GAP);
          x += widths[c];
        }
      p->y += row_h + 2 * ROW_GAP;

      if (is_header)
        {
          cairo_set_source_rgb (p->cr, 0.55, 0.55, 0.58);
          cairo_set_line_width (p->cr, 0.6);
          cairo_move_to (p->cr, MARGIN_X, p->y);
          cairo_line_to (p->cr, MARGIN_X + avail, p->y);
          cairo_stroke (p->cr);
        }
    }
  p->y += 14;
}

static void
draw_table (Printer      *p,
            FdReportKind  kind,
            const char   *key,
            GVariant     *rows)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gsize n = g_variant_n_children (rows);

  if (n == 0)
    return;

  {
    g_autoptr(GVariant) first = g_variant_get_child_value (rows, 0);
    GVariantIter iter;
    const char *column;

    g_variant_iter_init (&iter, first);
    while (g_variant_iter_next (&iter, "{&sv}", &column, NULL))
      if (fd_report_column_is_shown (column))
        {
          g_ptr_array_add (columns, (gpointer) column);
          g_ptr_array_add (header, g_strdup (fd_report_key_to_label (column)));
        }
    g_ptr_array_add (header, NULL);

    for (gsize i = 0; i < n; i++)
      {
        g_autoptr(GVariant) row = g_variant_get_child_value (rows, i);
        GStrv line = g_new0 (char *, columns->len + 1);

        for (guint c = 0; c < columns->len; c++)
          {
            g_autoptr(GVariant) value = g_variant_lookup_value (row, g_ptr_array_index (columns, c), NULL);

            line[c] = fd_report_format_value (kind, g_ptr_array_index (columns, c), value, row);
          }
        g_ptr_array_add (cells, line);
      }

    draw_heading (p, fd_report_key_to_label (key), FONT " Bold 10.5", 6);
    draw_text_table (p, (GStrv) header->pdata, cells);
    /* header's strings were borrowed by nobody: free them. */
    for (guint i = 0; i + 1 < header->len; i++)
      g_free (g_ptr_array_index (header, i));
  }
}

/* The peaks' 168 cells read better as the heat map they are: weekdays × hours. */
static void
draw_peaks_matrix (Printer  *p,
                   GVariant *rows)
{
  double cells[7][24] = { { 0 } };
  int first = 24, last = -1;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gsize n = g_variant_n_children (rows);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, i);
      gint64 weekday = 0, hour = 0, visits = 0;

      if (!g_variant_lookup (row, "weekday", "x", &weekday) || !g_variant_lookup (row, "hour", "x", &hour) ||
          !g_variant_lookup (row, "visits", "x", &visits) || weekday < 1 || weekday > 7 || hour < 0 || hour > 23)
        continue;
      cells[weekday - 1][hour] = visits;
      if (visits > 0)
        {
          first = MIN (first, hour);
          last = MAX (last, hour);
        }
    }
  if (last < first)
    return;

  g_ptr_array_add (header, g_strdup (fd_report_key_to_label ("weekday")));
  for (int h = first; h <= last; h++)
    g_ptr_array_add (header, g_strdup_printf ("%02d", h));
  g_ptr_array_add (header, NULL);

  for (int d = 0; d < 7; d++)
    {
      GStrv line = g_new0 (char *, last - first + 3);

      line[0] = g_strdup (fd_report_weekday_name (d + 1, TRUE));
      for (int h = first; h <= last; h++)
        line[h - first + 1] = g_strdup_printf ("%.0f", cells[d][h]);
      g_ptr_array_add (lines, line);
    }

  draw_heading (p, fd_report_key_to_label ("cells"), FONT " Bold 10.5", 6);
  draw_text_table (p, (GStrv) header->pdata, lines);
}

static void
draw_report (Printer      *p,
             FdReportKind  kind,
             GVariant     *report)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  p->report_title = fd_report_kind_to_label (kind);
  new_page (p);
  draw_title (p, kind);
  draw_figures (p, kind, report);
  draw_charts (p, kind, report);

  g_variant_iter_init (&iter, report);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      if (!fd_report_value_is_table (value))
        continue;
      if (kind == FD_REPORT_PEAKS && g_str_equal (key, "cells"))
        draw_peaks_matrix (p, value);
      else
        draw_table (p, kind, key, value);
    }
}

gboolean
fd_report_print_write_pdf (GVariant * const  *reports,
                           int                from_day,
                           int                to_day,
                           const char        *branch_name,
                           const char        *path,
                           GError           **error)
{
  g_autofree char *range = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  Printer p = { 0 };

  g_return_val_if_fail (reports != NULL, FALSE);
  g_return_val_if_fail (branch_name != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  range = fd_report_format_range (from_day, to_day);

  surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, _("Frontdesk Reports"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Frontdesk");
  p.cr = cairo_create (surface);
  p.range = range;
  p.branch = branch_name;

  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    if (reports[kind] != NULL)
      draw_report (&p, kind, reports[kind]);

  if (p.page == 0)
    new_page (&p);

  cairo_destroy (p.cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      /* Translators: %s is the path of the PDF file, the second %s why it failed */
      g_set_error (error, FD_ERROR, FD_ERROR_FAILED, _("Could not write %s: %s"), path,
                   cairo_status_to_string (status));
      return FALSE;
    }

  return TRUE;
}

gboolean
fd_report_print_run_to_pdf (FdStore     *store,
                            int          from_day,
                            int          to_day,
                            gint64       branch_id,
                            const char  *path,
                            GError     **error)
{
  GVariant *reports[FD_REPORT_N_KINDS] = { NULL };
  g_autofree char *branch_name = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (FD_IS_STORE (store), FALSE);

  if (branch_id > 0)
    {
      g_autoptr(FdBranch) branch = fd_store_get_branch (store, branch_id, error);

      if (branch == NULL)
        return FALSE;
      branch_name = g_strdup (fd_branch_get_name (branch));
    }
  else
    branch_name = g_strdup (_("All Branches"));

  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    if ((reports[kind] = fd_store_run_report (store, kind, from_day, to_day, branch_id, error)) == NULL)
      goto out;

  ok = fd_report_print_write_pdf (reports, from_day, to_day, branch_name, path, error);

out:
  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    g_clear_pointer (&reports[kind], g_variant_unref);
  return ok;
}
