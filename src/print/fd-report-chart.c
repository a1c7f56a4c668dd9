/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-report-chart"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <pango/pangocairo.h>

#include "fd-report-chart.h"

typedef enum
{
  CHART_HEAT_MAP,
  CHART_GROUPED_BARS,
  CHART_BARS,
} ChartType;

#define MAX_SERIES 2

typedef struct
{
  FdReportKind  kind;
  ChartType     type;
  const char   *title;
  const char   *table;
  const char   *label_key;
  const char   *series[MAX_SERIES];
  const char   *series_names[MAX_SERIES];
} ChartSpec;

/* Each report's charts; their tables in the view and the PDF hold every number. */
static const ChartSpec charts[] = {
  { FD_REPORT_PEAKS, CHART_HEAT_MAP, N_("Visits by Weekday and Hour"), "cells", NULL,
    { "visits" }, { NULL } },
  { FD_REPORT_SEASONS, CHART_GROUPED_BARS, N_("Visits per Month"), "months", "month",
    { "visits", "visits_year_before" }, { N_("This year"), N_("Year before") } },
  { FD_REPORT_SEASONS, CHART_GROUPED_BARS, N_("Claims per Month"), "months", "month",
    { "claims", "claims_year_before" }, { N_("This year"), N_("Year before") } },
  { FD_REPORT_WAITING, CHART_GROUPED_BARS, N_("Wait by Hour of Arrival"), "by_hour", "hour",
    { "median_wait_s", "p90_wait_s" }, { N_("Median"), N_("90th percentile") } },
  { FD_REPORT_WAITING, CHART_GROUPED_BARS, N_("Wait and Service Time by Weekday"), "by_weekday", "weekday",
    { "median_wait_s", "median_service_s" }, { N_("Median wait"), N_("Median service time") } },
  { FD_REPORT_CLAIMS, CHART_BARS, N_("Claims by Category"), "by_category", "category",
    { "claims" }, { NULL } },
  { FD_REPORT_CLAIMS, CHART_BARS, N_("Open Claims by Age"), "open_by_age", "age",
    { "claims" }, { NULL } },
  { FD_REPORT_SATISFACTION, CHART_BARS, N_("Median Service Time by Technique"), "by_technique", "technique",
    { "median_service_s" }, { NULL } },
  { FD_REPORT_SATISFACTION, CHART_GROUPED_BARS, N_("Average Ratings by Technique"), "by_technique", "technique",
    { "avg_rating_solved", "avg_rating_staff" }, { N_("Problem solved"), N_("Staff") } },
  { FD_REPORT_SATISFACTION, CHART_GROUPED_BARS, N_("Average Ratings by Month"), "by_month", "month",
    { "avg_rating_solved", "avg_rating_staff" }, { N_("Problem solved"), N_("Staff") } },
  { FD_REPORT_CUSTOMERS, CHART_GROUPED_BARS, N_("Customers by Age Group"), "by_age_group", "age_group",
    { "new", "returning" }, { N_("New"), N_("Returning") } },
  { FD_REPORT_CUSTOMERS, CHART_GROUPED_BARS, N_("Customers by Preferred Channel"), "by_channel", "channel",
    { "new", "returning" }, { N_("New"), N_("Returning") } },
};

static const ChartSpec *
find_chart (FdReportKind kind,
            guint        index)
{
  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (charts[i].kind == kind && index-- == 0)
      return &charts[i];

  return NULL;
}

guint
fd_report_chart_count (FdReportKind kind)
{
  guint n = 0;

  for (guint i = 0; i < G_N_ELEMENTS (charts); i++)
    if (charts[i].kind == kind)
      n++;

  return n;
}

const char *
fd_report_chart_get_title (FdReportKind kind,
                           guint        index)
{
  const ChartSpec *spec = find_chart (kind, index);

  g_return_val_if_fail (spec != NULL, NULL);

  return _(spec->title);
}

void
fd_report_chart_style_init_print (FdReportChartStyle *style)
{
  *style = (FdReportChartStyle) {
    .foreground = { 0.12, 0.12, 0.14, 1.0 },
    .accent = { 0.21, 0.52, 0.89, 1.0 },   /* GNOME's blue 3 */
    .background = { 1.0, 1.0, 1.0, 1.0 },
    .font_family = "DejaVu Sans, Sans",
    .font_size = 7.5,
  };
}

/* Drawing helpers */

static void
set_color (cairo_t            *cr,
           const FdChartColor *color,
           double              alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static FdChartColor
mix (const FdChartColor *a,
     const FdChartColor *b,
     double              t)
{
  return (FdChartColor) {
    a->red + (b->red - a->red) * t,
    a->green + (b->green - a->green) * t,
    a->blue + (b->blue - a->blue) * t,
    1.0,
  };
}

static double
luminance (const FdChartColor *c)
{
  return 0.2126 * c->red + 0.7152 * c->green + 0.0722 * c->blue;
}

static PangoLayout *
new_layout (cairo_t                  *cr,
            const FdReportChartStyle *style,
            double                    scale,
            gboolean                  bold,
            const char               *text)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) desc = pango_font_description_from_string (style->font_family != NULL ? style->font_family : "Sans");
  double size = style->font_size > 0 ? style->font_size : 9.0;

  pango_font_description_set_absolute_size (desc, size * scale * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, desc);
  pango_layout_set_text (layout, text, -1);
  return layout;
}

static void
text_size (PangoLayout *layout,
           double      *width,
           double      *height)
{
  int w, h;

  pango_layout_get_pixel_size (layout, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/* Draws @text with its top-left (@align 0), centre (0.5) or right end (1) at @x. */
static void
draw_text (cairo_t                  *cr,
           const FdReportChartStyle *style,
           const char               *text,
           double                    x,
           double                    y,
           double                    align,
           double                    max_width)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, style, 1.0, FALSE, text);
  double w;

  if (max_width > 0)
    {
      pango_layout_set_width (layout, (int) (max_width * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
    }
  text_size (layout, &w, NULL);
  cairo_move_to (cr, x - w * align, y);
  pango_cairo_show_layout (cr, layout);
}

static double
line_height (cairo_t                  *cr,
             const FdReportChartStyle *style)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, style, 1.0, FALSE, "0Ag");
  double h;

  text_size (layout, NULL, &h);
  return h;
}

static void
draw_empty (cairo_t                  *cr,
            double                    width,
            double                    height,
            const FdReportChartStyle *style)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, style, 1.2, FALSE, _("No data for this period"));
  double w, h;

  text_size (layout, &w, &h);
  set_color (cr, &style->foreground, 0.55);
  cairo_move_to (cr, (width - w) / 2, (height - h) / 2);
  pango_cairo_show_layout (cr, layout);
}

static void
rounded_rect (cairo_t *cr,
              double   x,
              double   y,
              double   w,
              double   h,
              double   r)
{
  r = MIN (r, MIN (w, h) / 2);
  if (r <= 0.5)
    {
      cairo_rectangle (cr, x, y, w, h);
      return;
    }
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

/* A round step for about @n_ticks grid lines up to @max; durations step in minutes. */
static double
nice_step (double            max,
           int               n_ticks,
           FdReportValueKind kind)
{
  double raw = max / n_ticks, magnitude, fraction;

  if (kind == FD_REPORT_VALUE_DURATION && raw >= 30)
    {
      static const double minutes[] = { 1, 2, 5, 10, 15, 30, 60, 120, 240, 480, 1440, 2880, 10080 };

      for (guint i = 0; i < G_N_ELEMENTS (minutes); i++)
        if (minutes[i] * 60 >= raw)
          return minutes[i] * 60;
      return ceil (raw / 86400) * 86400;
    }
  if (kind == FD_REPORT_VALUE_AVERAGE && raw <= 1)
    return raw <= 0.5 ? 0.5 : 1;
  if (raw <= 0)
    return 1;

  magnitude = pow (10, floor (log10 (raw)));
  fraction = raw / magnitude;
  if (fraction <= 1)
    fraction = 1;
  else if (fraction <= 2)
    fraction = 2;
  else if (fraction <= 5)
    fraction = 5;
  else
    fraction = 10;

  /* Counts step by whole numbers. */
  if (kind == FD_REPORT_VALUE_COUNT)
    return MAX (1, fraction * magnitude);
  return fraction * magnitude;
}

static char *
tick_label (FdReportValueKind kind,
            double            value)
{
  if (kind == FD_REPORT_VALUE_SHARE)
    /* Translators: a percentage on a chart's axis: "80 %" */
    return g_strdup_printf (C_("share", "%.0f %%"), value * 100);
  return fd_report_format_number (kind, value);
}

static void
draw_legend (cairo_t                  *cr,
             const FdReportChartStyle *style,
             const FdChartColor       *colors,
             const char * const       *names,
             guint                     n,
             double                    x,
             double                    y,
             double                    box)
{
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PangoLayout) layout = new_layout (cr, style, 1.0, FALSE, names[i]);
      double w;

      text_size (layout, &w, NULL);
      cairo_set_source_rgba (cr, colors[i].red, colors[i].green, colors[i].blue, colors[i].alpha);
      rounded_rect (cr, x, y + 2, box, box, 2);
      cairo_fill (cr);
      set_color (cr, &style->foreground, 0.85);
      cairo_move_to (cr, x + box + 5, y);
      pango_cairo_show_layout (cr, layout);
      x += box + 5 + w + 16;
    }
}

void
fd_report_chart_draw_heat_map (cairo_t                  *cr,
                               double                    width,
                               double                    height,
                               const FdReportChartStyle *style,
                               const double             *values,
                               guint                     n_rows,
                               guint                     n_cols,
                               const char * const       *row_labels,
                               const char * const       *col_labels)
{
  double lh = line_height (cr, style);
  double label_width = 0, max = 0, gap, cell_w, cell_h, x0, legend_y, grid_h;
  FdChartColor empty;

  g_return_if_fail (cr != NULL && style != NULL);

  for (guint i = 0; i < n_rows * n_cols; i++)
    if (!isnan (values[i]))
      max = MAX (max, values[i]);

  if (n_rows == 0 || n_cols == 0 || max <= 0)
    {
      draw_empty (cr, width, height, style);
      return;
    }

  for (guint r = 0; r < n_rows; r++)
    {
      g_autoptr(PangoLayout) layout = new_layout (cr, style, 1.0, FALSE, row_labels[r]);
      double w;

      text_size (layout, &w, NULL);
      label_width = MAX (label_width, w);
    }

  x0 = label_width + 8;
  legend_y = height - lh;
  grid_h = legend_y - lh - 10;
  gap = 2;
  cell_w = (width - x0) / n_cols;
  cell_h = grid_h / n_rows;
  empty = mix (&style->background, &style->foreground, 0.06);

  for (guint r = 0; r < n_rows; r++)
    {
      set_color (cr, &style->foreground, 0.85);
      draw_text (cr, style, row_labels[r], label_width, r * cell_h + (cell_h - lh) / 2, 1.0, 0);

      for (guint c = 0; c < n_cols; c++)
        {
          double v = values[r * n_cols + c];
          double x = x0 + c * cell_w, y = r * cell_h;
          FdChartColor fill = empty;
          double t = 0;

          if (!isnan (v) && v > 0)
            {
              t = 0.15 + 0.85 * v / max;
              fill = mix (&style->background, &style->accent, t);
            }
          cairo_set_source_rgba (cr, fill.red, fill.green, fill.blue, 1.0);
          rounded_rect (cr, x + gap / 2, y + gap / 2, cell_w - gap, cell_h - gap, 3);
          cairo_fill (cr);

          /* The count, where it fits: the colour is never the only way to read it. */
          if (!isnan (v) && v > 0 && cell_w >= lh * 1.9 && cell_h >= lh * 1.1)
            {
              g_autofree char *text = fd_report_format_number (FD_REPORT_VALUE_COUNT, v);
              g_autoptr(PangoLayout) layout = new_layout (cr, style, 0.85, FALSE, text);
              double w, h;

              text_size (layout, &w, &h);
              if (w <= cell_w - 4)
                {
                  if ((luminance (&fill) < 0.5) == (luminance (&style->background) < 0.5) || t < 0.5)
                    set_color (cr, &style->foreground, 0.9);
                  else
                    set_color (cr, &style->background, 1.0);
                  cairo_move_to (cr, x + (cell_w - w) / 2, y + (cell_h - h) / 2);
                  pango_cairo_show_layout (cr, layout);
                }
            }
        }
    }

  /* Column labels under the grid, as many as fit. */
  {
    double widest = 0;
    guint every;

    for (guint c = 0; c < n_cols; c++)
      {
        g_autoptr(PangoLayout) layout = new_layout (cr, style, 1.0, FALSE, col_labels[c]);
        double w;

        text_size (layout, &w, NULL);
        widest = MAX (widest, w);
      }
    every = MAX (1, (guint) ceil ((widest + 6) / cell_w));
    set_color (cr, &style->foreground, 0.75);
    for (guint c = 0; c < n_cols; c += every)
      draw_text (cr, style, col_labels[c], x0 + c * cell_w + cell_w / 2, grid_h + 4, 0.5, 0);
  }

  /* Legend: fewer → more. */
  {
    g_autoptr(PangoLayout) fewer = new_layout (cr, style, 0.9, FALSE, C_("heat map legend", "Fewer"));
    g_autoptr(PangoLayout) more = new_layout (cr, style, 0.9, FALSE, C_("heat map legend", "More"));
    double fw, mw, steps = 5, box = lh * 0.8, x;

    text_size (fewer, &fw, NULL);
    text_size (more, &mw, NULL);
    x = width - mw - 6 - steps * (box + 2) - 6 - fw;
    set_color (cr, &style->foreground, 0.75);
    cairo_move_to (cr, x, legend_y);
    pango_cairo_show_layout (cr, fewer);
    x += fw + 6;
    for (int i = 0; i < steps; i++)
      {
        FdChartColor fill = mix (&style->background, &style->accent, 0.15 + 0.85 * i / (steps - 1));

        cairo_set_source_rgba (cr, fill.red, fill.green, fill.blue, 1.0);
        rounded_rect (cr, x, legend_y + (lh - box) / 2, box, box, 2);
        cairo_fill (cr);
        x += box + 2;
      }
    set_color (cr, &style->foreground, 0.75);
    cairo_move_to (cr, x + 4, legend_y);
    pango_cairo_show_layout (cr, more);
  }
}

static void
series_colors (const FdReportChartStyle *style,
               FdChartColor             *colors)
{
  colors[0] = style->accent;
  colors[1] = mix (&style->background, &style->foreground, 0.4);
}

void
fd_report_chart_draw_grouped_bars (cairo_t                  *cr,
                                   double                    width,
                                   double                    height,
                                   const FdReportChartStyle *style,
                                   FdReportValueKind         value_kind,
                                   const double             *values,
                                   guint                     n_series,
                                   guint                     n_groups,
                                   const char * const       *series_names,
                                   const char * const       *group_labels)
{
  double lh = line_height (cr, style);
  double max = 0, step, top_value, axis_width = 0, x0, y0, plot_h, plot_top, slot, bar_w, widest = 0;
  FdChartColor colors[MAX_SERIES];
  int n_ticks;
  guint every;

  g_return_if_fail (cr != NULL && style != NULL);
  g_return_if_fail (n_series >= 1 && n_series <= MAX_SERIES);

  for (guint i = 0; i < n_series * n_groups; i++)
    if (!isnan (values[i]))
      max = MAX (max, values[i]);

  if (n_groups == 0 || max <= 0)
    {
      draw_empty (cr, width, height, style);
      return;
    }

  series_colors (style, colors);

  /* Ratings run from 1 to 5: their axis always ends at 5. */
  if (value_kind == FD_REPORT_VALUE_AVERAGE && max <= 5)
    {
      step = 1;
      n_ticks = 5;
    }
  else
    {
      step = nice_step (max, 4, value_kind);
      n_ticks = (int) ceil (max / step - 1e-9);
    }
  top_value = n_ticks * step;

  for (int t = 0; t <= n_ticks; t++)
    {
      g_autofree char *text = tick_label (value_kind, t * step);
      g_autoptr(PangoLayout) layout = new_layout (cr, style, 1.0, FALSE, text);
      double w;

      text_size (layout, &w, NULL);
      axis_width = MAX (axis_width, w);
    }

  plot_top = n_series > 1 ? lh + 10 : lh / 2;
  x0 = axis_width + 8;
  y0 = height - lh - 6;
  plot_h = y0 - plot_top;
  slot = (width - x0) / n_groups;
  bar_w = MIN (slot * 0.8 / n_series, lh * 2.5);

  if (n_series > 1)
    draw_legend (cr, style, colors, series_names, n_series, x0, 0, lh * 0.8);

  /* Grid lines and their values. */
  cairo_set_line_width (cr, 1.0);
  for (int t = 0; t <= n_ticks; t++)
    {
      g_autofree char *text = tick_label (value_kind, t * step);
      double y = round (y0 - plot_h * t / n_ticks) + 0.5;

      set_color (cr, &style->foreground, t == 0 ? 0.35 : 0.1);
      cairo_move_to (cr, x0, y);
      cairo_line_to (cr, width, y);
      cairo_stroke (cr);
      set_color (cr, &style->foreground, 0.7);
      draw_text (cr, style, text, axis_width, y - lh / 2, 1.0, 0);
    }

  for (guint g = 0; g < n_groups; g++)
    {
      double gx = x0 + g * slot + (slot - bar_w * n_series) / 2;

      for (guint s = 0; s < n_series; s++)
        {
          double v = values[s * n_groups + g];
          double h;

          if (isnan (v) || v <= 0)
            continue;
          h = plot_h * v / top_value;
          cairo_set_source_rgba (cr, colors[s].red, colors[s].green, colors[s].blue, colors[s].alpha);
          rounded_rect (cr, gx + s * bar_w + 0.5, y0 - h, bar_w - 1, h, MIN (3, bar_w / 4));
          cairo_fill (cr);
        }
    }

  for (guint g = 0; g < n_groups; g++)
    {
      g_autoptr(PangoLayout) layout = new_layout (cr, style, 1.0, FALSE, group_labels[g]);
      double w;

      text_size (layout, &w, NULL);
      widest = MAX (widest, w);
    }
  every = MAX (1, (guint) ceil ((widest + 6) / slot));
  set_color (cr, &style->foreground, 0.75);
  for (guint g = 0; g < n_groups; g += every)
    draw_text (cr, style, group_labels[g], x0 + g * slot + slot / 2, y0 + 4, 0.5,
               every == 1 ? slot : 0);
}

void
fd_report_chart_draw_bars (cairo_t                  *cr,
                           double                    width,
                           double                    height,
                           const FdReportChartStyle *style,
                           FdReportValueKind         value_kind,
                           const double             *values,
                           guint                     n_bars,
                           const char * const       *labels)
{
  double lh = line_height (cr, style);
  double max = 0, label_width = 0, value_width = 0, row_h, bar_h, x0, bar_space;

  g_return_if_fail (cr != NULL && style != NULL);

  for (guint i = 0; i < n_bars; i++)
    if (!isnan (values[i]))
      max = MAX (max, values[i]);

  if (n_bars == 0 || max <= 0)
    {
      draw_empty (cr, width, height, style);
      return;
    }

  for (guint i = 0; i < n_bars; i++)
    {
      g_autoptr(PangoLayout) label = new_layout (cr, style, 1.0, FALSE, labels[i]);
      g_autofree char *text = isnan (values[i]) ? g_strdup ("—") : fd_report_format_number (value_kind, values[i]);
      g_autoptr(PangoLayout) value = new_layout (cr, style, 1.0, TRUE, text);
      double w;

      text_size (label, &w, NULL);
      label_width = MAX (label_width, w);
      text_size (value, &w, NULL);
      value_width = MAX (value_width, w);
    }

  label_width = MIN (label_width, width * 0.4);
  x0 = label_width + 10;
  bar_space = MAX (width - x0 - value_width - 8, 1);
  row_h = MIN (height / n_bars, lh * 2.4);
  bar_h = MAX (MIN (row_h * 0.7, lh * 1.5), 2);

  for (guint i = 0; i < n_bars; i++)
    {
      double y = i * row_h, w = 0;
      g_autofree char *text = isnan (values[i]) ? g_strdup ("—") : fd_report_format_number (value_kind, values[i]);
      g_autoptr(PangoLayout) value = new_layout (cr, style, 1.0, TRUE, text);
      double vh;

      set_color (cr, &style->foreground, 0.85);
      draw_text (cr, style, labels[i], label_width, y + (row_h - lh) / 2, 1.0, label_width);

      set_color (cr, &style->foreground, 0.06);
      rounded_rect (cr, x0, y + (row_h - bar_h) / 2, bar_space, bar_h, 3);
      cairo_fill (cr);

      if (!isnan (values[i]) && values[i] > 0)
        {
          w = MAX (bar_space * values[i] / max, 2);
          set_color (cr, &style->accent, 1.0);
          rounded_rect (cr, x0, y + (row_h - bar_h) / 2, w, bar_h, 3);
          cairo_fill (cr);
        }

      text_size (value, NULL, &vh);
      set_color (cr, &style->foreground, 0.9);
      cairo_move_to (cr, x0 + w + 6, y + (row_h - vh) / 2);
      pango_cairo_show_layout (cr, value);
    }
}

/* From reports to charts */

static GVariant *
lookup_table (GVariant   *report,
              const char *table)
{
  GVariant *rows;

  if (report == NULL)
    return NULL;

  rows = g_variant_lookup_value (report, table, G_VARIANT_TYPE ("aa{sv}"));
  return rows;
}

static double
row_number (GVariant   *row,
            const char *key)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (row, key, NULL);
  double number;

  if (!fd_report_value_get_double (value, &number))
    return NAN;
  return number;
}

/* The short form a chart's axis shows for a row: "Mon", "Jan", "09". */
static char *
axis_label (FdReportKind  kind,
            const char   *key,
            GVariant     *row)
{
  g_autoptr(GVariant) value = g_variant_lookup_value (row, key, NULL);
  double number;

  if (value == NULL)
    return g_strdup ("—");
  if (g_str_equal (key, "weekday") && fd_report_value_get_double (value, &number))
    return g_strdup (fd_report_weekday_name ((int) number, TRUE));
  if (g_str_equal (key, "hour") && fd_report_value_get_double (value, &number))
    return g_strdup_printf ("%02d", (int) number);
  if (g_str_equal (key, "month") && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return fd_report_format_month (g_variant_get_string (value, NULL), TRUE);

  return fd_report_format_value (kind, key, value, row);
}

typedef struct
{
  guint      n;
  GPtrArray *labels;       /* char * */
  GArray    *values;       /* double, series-major */
} Series;

static void
series_clear (Series *s)
{
  g_clear_pointer (&s->labels, g_ptr_array_unref);
  g_clear_pointer (&s->values, g_array_unref);
}

static guint
spec_n_series (const ChartSpec *spec)
{
  return spec->series[1] != NULL ? 2 : 1;
}

static void
collect_series (const ChartSpec *spec,
                GVariant        *report,
                Series          *out)
{
  g_autoptr(GVariant) rows = lookup_table (report, spec->table);
  guint n_series = spec_n_series (spec);
  gsize n = rows != NULL ? g_variant_n_children (rows) : 0;

  out->n = n;
  out->labels = g_ptr_array_new_with_free_func (g_free);
  out->values = g_array_sized_new (FALSE, TRUE, sizeof (double), n * n_series);
  g_array_set_size (out->values, n * n_series);

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, i);

      g_ptr_array_add (out->labels, axis_label (spec->kind, spec->label_key, row));
      for (guint s = 0; s < n_series; s++)
        g_array_index (out->values, double, s * n + i) = row_number (row, spec->series[s]);
    }
  g_ptr_array_add (out->labels, NULL);
}

/* Peaks: weekdays × the hours anything happened in (at least 08–18). */
static void
collect_heat_map (GVariant *report,
                  double    cells[7][24],
                  int      *first_hour,
                  int      *last_hour)
{
  g_autoptr(GVariant) rows = lookup_table (report, "cells");
  gsize n = rows != NULL ? g_variant_n_children (rows) : 0;
  int first = 8, last = 18;

  for (int d = 0; d < 7; d++)
    for (int h = 0; h < 24; h++)
      cells[d][h] = 0;

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, i);
      double weekday = row_number (row, "weekday"), hour = row_number (row, "hour");
      double visits = row_number (row, "visits");

      if (isnan (weekday) || isnan (hour) || weekday < 1 || weekday > 7 || hour < 0 || hour > 23)
        continue;
      cells[(int) weekday - 1][(int) hour] = isnan (visits) ? 0 : visits;
      if (visits > 0)
        {
          first = MIN (first, (int) hour);
          last = MAX (last, (int) hour);
        }
    }

  *first_hour = first;
  *last_hour = last;
}

double
fd_report_chart_get_natural_height (FdReportKind  kind,
                                    guint         index,
                                    GVariant     *report,
                                    double        font_size)
{
  const ChartSpec *spec = find_chart (kind, index);
  double line = (font_size > 0 ? font_size : 9.0) * 1.25;

  g_return_val_if_fail (spec != NULL, 0);

  switch (spec->type)
    {
    case CHART_HEAT_MAP:
      return line * 7 * 1.9 + line * 3;
    case CHART_BARS:
      {
        g_autoptr(GVariant) rows = lookup_table (report, spec->table);
        gsize n = rows != NULL ? g_variant_n_children (rows) : 0;

        return MAX (n, 3) * line * 2.4;
      }
    case CHART_GROUPED_BARS:
    default:
      return line * 16;
    }
}

void
fd_report_chart_draw (FdReportKind              kind,
                      guint                     index,
                      GVariant                 *report,
                      cairo_t                  *cr,
                      double                    width,
                      double                    height,
                      const FdReportChartStyle *style)
{
  const ChartSpec *spec = find_chart (kind, index);

  g_return_if_fail (spec != NULL);
  g_return_if_fail (cr != NULL && style != NULL);

  if (report == NULL)
    {
      draw_empty (cr, width, height, style);
      return;
    }

  cairo_save (cr);

  if (spec->type == CHART_HEAT_MAP)
    {
      double cells[7][24];
      int first, last, n_cols;
      g_autofree double *values = NULL;
      g_autoptr(GPtrArray) col_labels = g_ptr_array_new_with_free_func (g_free);
      const char *row_labels[7];

      collect_heat_map (report, cells, &first, &last);
      n_cols = last - first + 1;
      values = g_new (double, 7 * n_cols);
      for (int d = 0; d < 7; d++)
        {
          row_labels[d] = fd_report_weekday_name (d + 1, TRUE);
          for (int c = 0; c < n_cols; c++)
            values[d * n_cols + c] = cells[d][first + c];
        }
      for (int c = 0; c < n_cols; c++)
        g_ptr_array_add (col_labels, g_strdup_printf ("%02d", first + c));

      fd_report_chart_draw_heat_map (cr, width, height, style, values, 7, n_cols, row_labels,
                                     (const char * const *) col_labels->pdata);
    }
  else
    {
      Series series = { 0 };
      FdReportValueKind value_kind = fd_report_value_kind_for_key (spec->series[0]);

      collect_series (spec, report, &series);
      if (spec->type == CHART_BARS)
        fd_report_chart_draw_bars (cr, width, height, style, value_kind,
                                   (const double *) (gpointer) series.values->data, series.n,
                                   (const char * const *) series.labels->pdata);
      else
        {
          const char *names[MAX_SERIES] = { NULL };

          for (guint s = 0; s < spec_n_series (spec); s++)
            names[s] = _(spec->series_names[s]);
          fd_report_chart_draw_grouped_bars (cr, width, height, style, value_kind,
                                             (const double *) (gpointer) series.values->data,
                                             spec_n_series (spec), series.n, names,
                                             (const char * const *) series.labels->pdata);
        }
      series_clear (&series);
    }

  cairo_restore (cr);
}

char *
fd_report_chart_describe (FdReportKind  kind,
                          guint         index,
                          GVariant     *report)
{
  const ChartSpec *spec = find_chart (kind, index);
  g_autoptr(GVariant) rows = NULL;
  g_autoptr(GVariant) best = NULL;
  double best_value = 0;
  gsize n;

  g_return_val_if_fail (spec != NULL, NULL);

  if (report == NULL || (rows = lookup_table (report, spec->table)) == NULL)
    return NULL;

  n = g_variant_n_children (rows);
  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, i);
      double v = row_number (row, spec->series[0]);

      if (!isnan (v) && v > best_value)
        {
          best_value = v;
          g_clear_pointer (&best, g_variant_unref);
          best = g_steal_pointer (&row);
        }
    }

  if (best == NULL)
    return NULL;

  if (spec->type == CHART_HEAT_MAP)
    {
      g_autoptr(GVariant) weekday = g_variant_lookup_value (best, "weekday", NULL);
      g_autoptr(GVariant) hour = g_variant_lookup_value (best, "hour", NULL);
      g_autofree char *day = fd_report_format_value (kind, "weekday", weekday, best);
      g_autofree char *time = fd_report_format_value (kind, "hour", hour, best);
      int visits = (int) best_value;

      /* Translators: describes a heat map to screen readers: "Busiest: Monday at 10:00, 42 visits." */
      return g_strdup_printf (ngettext ("Busiest: %1$s at %2$s, %3$d visit.",
                                        "Busiest: %1$s at %2$s, %3$d visits.", visits),
                              day, time, visits);
    }
  else
    {
      g_autoptr(GVariant) label_value = g_variant_lookup_value (best, spec->label_key, NULL);
      g_autofree char *label = fd_report_format_value (kind, spec->label_key, label_value, best);
      g_autofree char *value = fd_report_format_number (fd_report_value_kind_for_key (spec->series[0]), best_value);

      if (spec->series_names[0] != NULL)
        /* Translators: describes a chart to screen readers: %1$s is a series ("This year"),
         * %2$s where it is highest ("March 2026"), %3$s its value: "This year — highest: March 2026, 1200." */
        return g_strdup_printf (_("%1$s — highest: %2$s, %3$s."), _(spec->series_names[0]), label, value);

      /* Translators: describes a chart to screen readers: "Highest: Slow response, 14." */
      return g_strdup_printf (_("Highest: %1$s, %2$s."), label, value);
    }
}
