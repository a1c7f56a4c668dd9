/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "fd-report-format.h"
#include "fd-report.h"

G_BEGIN_DECLS

/* The charts of the reports, drawn with cairo and Pango into a box of a given size, so the
 * Reports view (in the style's colours, light or dark) and the PDF (on white) look alike. */

typedef struct
{
  double red, green, blue, alpha;
} FdChartColor;

typedef struct
{
  FdChartColor  foreground;   /* text, axes; the second series is drawn with it, faint */
  FdChartColor  accent;       /* the first series and the heat map's hottest cells */
  FdChartColor  background;   /* what the chart is drawn on */
  const char   *font_family;  /* NULL: "Sans" */
  double        font_size;    /* in the cairo_t's units; 0: 9 */
} FdReportChartStyle;

/* A report's charts, in their order: how many, their titles, and one drawn. */
guint   fd_report_chart_count            (FdReportKind              kind);
const char *fd_report_chart_get_title    (FdReportKind              kind,
                                          guint                     index);
void    fd_report_chart_draw             (FdReportKind              kind,
                                          guint                     index,
                                          GVariant                 *report,
                                          cairo_t                  *cr,
                                          double                    width,
                                          double                    height,
                                          const FdReportChartStyle *style);
/* The height the chart looks best at, for text of @font_size (in the cairo_t's units). */
double  fd_report_chart_get_natural_height (FdReportKind            kind,
                                          guint                     index,
                                          GVariant                 *report,
                                          double                    font_size);
/* One sentence saying what the chart shows most, for screen readers (its table has the
 * rest); NULL when the report has no data for it. */
char   *fd_report_chart_describe         (FdReportKind              kind,
                                          guint                     index,
                                          GVariant                 *report);

/* The drawing primitives. @values of the heat map are row-major (@n_rows × @n_cols); the
 * grouped bars' are series-major (@n_series × @n_groups). NaN is "no value". */
void    fd_report_chart_draw_heat_map    (cairo_t                  *cr,
                                          double                    width,
                                          double                    height,
                                          const FdReportChartStyle *style,
                                          const double             *values,
                                          guint                     n_rows,
                                          guint                     n_cols,
                                          const char * const       *row_labels,
                                          const char * const       *col_labels);
void    fd_report_chart_draw_grouped_bars (cairo_t                  *cr,
                                          double                    width,
                                          double                    height,
                                          const FdReportChartStyle *style,
                                          FdReportValueKind         value_kind,
                                          const double             *values,
                                          guint                     n_series,
                                          guint                     n_groups,
                                          const char * const       *series_names,
                                          const char * const       *group_labels);
void    fd_report_chart_draw_bars        (cairo_t                  *cr,
                                          double                    width,
                                          double                    height,
                                          const FdReportChartStyle *style,
                                          FdReportValueKind         value_kind,
                                          const double             *values,
                                          guint                     n_bars,
                                          const char * const       *labels);

/* The charts' style on paper: black on white with a blue accent. */
void    fd_report_chart_style_init_print (FdReportChartStyle       *style);

G_END_DECLS
