/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-report-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>

#include "fd-report-chart.h"
#include "fd-report-chart-view.h"

struct _FdReportChartView
{
  GtkWidget     parent_instance;

  FdReportKind  kind;
  guint         index;
  GVariant     *report;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_INDEX,
  PROP_REPORT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdReportChartView, fd_report_chart_view, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static FdChartColor
to_chart_color (const GdkRGBA *rgba)
{
  return (FdChartColor) { rgba->red, rgba->green, rgba->blue, rgba->alpha };
}

static GdkRGBA
lookup_color (GtkStyleContext *context,
              const char      *name,
              const char      *fallback)
{
  GdkRGBA rgba;

  if (!gtk_style_context_lookup_color (context, name, &rgba))
    gdk_rgba_parse (&rgba, fallback);
  return rgba;
}

/* The chart sits on a card: its colour, made opaque over the window's (dark cards are a
 * translucent white), is what the heat map's cells fade from. */
static void
get_style (FdReportChartView  *self,
           FdReportChartStyle *style,
           char              **font_family)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));
  PangoContext *pango = gtk_widget_get_pango_context (GTK_WIDGET (self));
  const PangoFontDescription *desc = pango_context_get_font_description (pango);
  GdkRGBA fg, accent, window, card;
  double size;

  gtk_style_context_get_color (context, &fg);
  accent = lookup_color (context, "accent_bg_color", "#3584e4");
  window = lookup_color (context, "window_bg_color", "#fafafa");
  card = lookup_color (context, "card_bg_color", "#ffffff");

  window.red = card.red * card.alpha + window.red * (1 - card.alpha);
  window.green = card.green * card.alpha + window.green * (1 - card.alpha);
  window.blue = card.blue * card.alpha + window.blue * (1 - card.alpha);
  window.alpha = 1.0;

  *font_family = g_strdup (desc != NULL && pango_font_description_get_family (desc) != NULL
                           ? pango_font_description_get_family (desc) : "Sans");
  size = desc != NULL ? (double) pango_font_description_get_size (desc) / PANGO_SCALE : 10.0;
  if (desc != NULL && !pango_font_description_get_size_is_absolute (desc))
    size = size * 96.0 / 72.0;

  *style = (FdReportChartStyle) {
    .foreground = to_chart_color (&fg),
    .accent = to_chart_color (&accent),
    .background = to_chart_color (&window),
    .font_family = *font_family,
    .font_size = size > 0 ? size * 0.9 : 12.0,
  };
}

static void
update_accessible (FdReportChartView *self)
{
  g_autofree char *description = fd_report_chart_describe (self->kind, self->index, self->report);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fd_report_chart_get_title (self->kind, self->index),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  description != NULL ? description : _("No data for this period"),
                                  -1);
}

static void
on_style_manager_changed_cb (FdReportChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
fd_report_chart_view_snapshot (GtkWidget   *widget,
                               GtkSnapshot *snapshot)
{
  FdReportChartView *self = FD_REPORT_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autofree char *font_family = NULL;
  FdReportChartStyle style;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  get_style (self, &style, &font_family);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  fd_report_chart_draw (self->kind, self->index, self->report, cr, width, height, &style);
  cairo_destroy (cr);
}

static void
fd_report_chart_view_measure (GtkWidget      *widget,
                              GtkOrientation  orientation,
                              int             for_size,
                              int            *minimum,
                              int            *natural,
                              int            *minimum_baseline,
                              int            *natural_baseline)
{
  FdReportChartView *self = FD_REPORT_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 640;
    }
  else
    {
      g_autofree char *font_family = NULL;
      FdReportChartStyle style;

      get_style (self, &style, &font_family);
      *minimum = *natural = (int) ceil (fd_report_chart_get_natural_height (self->kind, self->index, self->report,
                                                                            style.font_size));
    }
}

static void
fd_report_chart_view_finalize (GObject *object)
{
  FdReportChartView *self = FD_REPORT_CHART_VIEW (object);

  g_clear_pointer (&self->report, g_variant_unref);

  G_OBJECT_CLASS (fd_report_chart_view_parent_class)->finalize (object);
}

static void
fd_report_chart_view_constructed (GObject *object)
{
  FdReportChartView *self = FD_REPORT_CHART_VIEW (object);

  G_OBJECT_CLASS (fd_report_chart_view_parent_class)->constructed (object);

  update_accessible (self);
}

static void
fd_report_chart_view_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FdReportChartView *self = FD_REPORT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_INDEX:
      g_value_set_uint (value, self->index);
      break;
    case PROP_REPORT:
      g_value_set_variant (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_report_chart_view_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FdReportChartView *self = FD_REPORT_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    case PROP_INDEX:
      self->index = g_value_get_uint (value);
      break;
    case PROP_REPORT:
      fd_report_chart_view_set_report (self, g_value_get_variant (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_report_chart_view_class_init (FdReportChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_report_chart_view_constructed;
  object_class->finalize = fd_report_chart_view_finalize;
  object_class->get_property = fd_report_chart_view_get_property;
  object_class->set_property = fd_report_chart_view_set_property;

  widget_class->snapshot = fd_report_chart_view_snapshot;
  widget_class->measure = fd_report_chart_view_measure;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, FD_REPORT_N_KINDS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_INDEX] =
    g_param_spec_uint ("index", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_variant ("report", NULL, NULL, G_VARIANT_TYPE_VARDICT, NULL,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "fd-report-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
fd_report_chart_view_init (FdReportChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  /* Colours are read when drawing: a switch to dark or high contrast only needs a redraw. */
  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (on_style_manager_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (on_style_manager_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
fd_report_chart_view_new (FdReportKind kind,
                          guint        index)
{
  g_return_val_if_fail (kind < FD_REPORT_N_KINDS, NULL);
  g_return_val_if_fail (index < fd_report_chart_count (kind), NULL);

  return g_object_new (FD_TYPE_REPORT_CHART_VIEW, "kind", kind, "index", index, NULL);
}

FdReportKind
fd_report_chart_view_get_kind (FdReportChartView *self)
{
  g_return_val_if_fail (FD_IS_REPORT_CHART_VIEW (self), 0);

  return self->kind;
}

guint
fd_report_chart_view_get_index (FdReportChartView *self)
{
  g_return_val_if_fail (FD_IS_REPORT_CHART_VIEW (self), 0);

  return self->index;
}

GVariant *
fd_report_chart_view_get_report (FdReportChartView *self)
{
  g_return_val_if_fail (FD_IS_REPORT_CHART_VIEW (self), NULL);

  return self->report;
}

void
fd_report_chart_view_set_report (FdReportChartView *self,
                                 GVariant          *report)
{
  g_return_if_fail (FD_IS_REPORT_CHART_VIEW (self));

  if (self->report == report)
    return;

  g_clear_pointer (&self->report, g_variant_unref);
  if (report != NULL)
    self->report = g_variant_ref_sink (report);

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}
