/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-customer-summary-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-customer-summary-view.h"

struct _FdCustomerSummaryView
{
  AdwBin               parent_instance;

  /* Template children */
  AdwPreferencesGroup *group;
  GtkFlowBox          *box;

  /* Owned */
  FdStore             *store;
  GSignalGroup        *store_signals;
  gint64               customer_id;
  guint                reload_source;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdCustomerSummaryView, fd_customer_summary_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);

  if (local == NULL)
    return g_strdup ("");
  /* Translators: the day a customer became one, in g_date_time_format() syntax, e.g. "14 March 2021" */
  return g_date_time_format (local, _("%-d %B %Y"));
}

static void
clear_flow_box (GtkFlowBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_flow_box_remove (box, child);
}

/* One figure of the summary: its value large, what it is small below. */
static void
add_figure (FdCustomerSummaryView *self,
            const char        *caption,
            const char        *value)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value_label = gtk_label_new (value);
  GtkWidget *caption_label = gtk_label_new (caption);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_margin_start (value_label, 12);
  gtk_widget_set_margin_end (value_label, 12);
  gtk_widget_set_margin_top (value_label, 10);
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (value_label), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (value_label, "heading");
  gtk_widget_set_margin_start (caption_label, 12);
  gtk_widget_set_margin_end (caption_label, 12);
  gtk_widget_set_margin_bottom (caption_label, 10);
  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_label_set_wrap (GTK_LABEL (caption_label), TRUE);
  gtk_widget_add_css_class (caption_label, "caption");
  gtk_widget_add_css_class (caption_label, "dim-label");
  gtk_box_append (GTK_BOX (box), value_label);
  gtk_box_append (GTK_BOX (box), caption_label);
  gtk_widget_set_tooltip_text (box, value);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, caption,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, value, -1);
  gtk_flow_box_append (self->box, box);
}

static char *
format_count (guint n)
{
  return g_strdup_printf ("%u", n);
}

static void
load_summary (FdCustomerSummaryView *self)
{
  g_autoptr(FdCustomerSummary) summary = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *since = NULL;
  g_autofree char *visits = NULL;
  g_autofree char *claims = NULL;
  g_autofree char *open_claims = NULL;
  g_autofree char *open_followups = NULL;
  g_autofree char *ratings = NULL;
  const char *language;

  clear_flow_box (self->box);
  summary = fd_store_get_customer_summary (self->store, self->customer_id, 0, &error);
  if (summary == NULL)
    {
      g_warning ("Could not read the customer's summary: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->group), FALSE);
      return;
    }

  since = format_day (summary->customer_since);
  visits = format_count (summary->visits_last_year);
  claims = format_count (summary->claims_last_year);
  open_claims = format_count (summary->open_claims);
  open_followups = format_count (summary->open_followups);
  if (summary->rated_visits > 0)
    /* Translators: average ratings out of 5: problem solved, then staff, e.g. “4.5 / 4.0” */
    ratings = g_strdup_printf (_("%.1f / %.1f"), summary->avg_rating_solved, summary->avg_rating_staff);
  else
    ratings = g_strdup (C_("ratings", "None yet"));
  language = summary->language ? fd_language_to_label (summary->language) : C_("language", "Not set");

  add_figure (self, _("Customer since"), since);
  add_figure (self, _("Visits in the last 12 months"), visits);
  add_figure (self, _("Claims in the last 12 months"), claims);
  add_figure (self, _("Open claims"), open_claims);
  add_figure (self, _("Open follow-ups"), open_followups);
  add_figure (self, _("Average rating: solved / staff"), ratings);
  add_figure (self, _("Preferred channel"),
              summary->channel != FD_CHANNEL_NONE ? fd_channel_to_label (summary->channel)
                                                  : C_("channel", "Not set"));
  add_figure (self, _("Preferred language"), language);
  add_figure (self, _("Age group"), fd_age_group_to_label (summary->age_group));
  gtk_widget_set_visible (GTK_WIDGET (self->group), TRUE);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  FdCustomerSummaryView *self = user_data;

  self->reload_source = 0;
  fd_customer_summary_view_reload (self);
  return G_SOURCE_REMOVE;
}

/* A burst of changes reloads once. */
static void
on_store_changed_cb (FdCustomerSummaryView *self)
{
  if (self->customer_id > 0 && self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_LOW, reload_idle_cb, self, NULL);
}

static void
fd_customer_summary_view_dispose (GObject *object)
{
  FdCustomerSummaryView *self = FD_CUSTOMER_SUMMARY_VIEW (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  /* The bin's child is a template child: let it go first, as AdwBin would later. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CUSTOMER_SUMMARY_VIEW);

  G_OBJECT_CLASS (fd_customer_summary_view_parent_class)->dispose (object);
}

static void
fd_customer_summary_view_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  FdCustomerSummaryView *self = FD_CUSTOMER_SUMMARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_summary_view_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  FdCustomerSummaryView *self = FD_CUSTOMER_SUMMARY_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_customer_summary_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_CUSTOMER_ID:
      fd_customer_summary_view_set_customer_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_summary_view_class_init (FdCustomerSummaryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_customer_summary_view_dispose;
  object_class->get_property = fd_customer_summary_view_get_property;
  object_class->set_property = fd_customer_summary_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/frontdesk/Frontdesk/ui/fd-customer-summary-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCustomerSummaryView, group);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerSummaryView, box);
}

static void
fd_customer_summary_view_init (FdCustomerSummaryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store_signals = g_signal_group_new (FD_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "customers-changed", G_CALLBACK (on_store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "visits-changed", G_CALLBACK (on_store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "claims-changed", G_CALLBACK (on_store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "followups-changed", G_CALLBACK (on_store_changed_cb), self);
  gtk_widget_set_visible (GTK_WIDGET (self->group), FALSE);
}

FdStore *
fd_customer_summary_view_get_store (FdCustomerSummaryView *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_SUMMARY_VIEW (self), NULL);
  return self->store;
}

void
fd_customer_summary_view_set_store (FdCustomerSummaryView *self,
                                    FdStore               *store)
{
  g_return_if_fail (FD_IS_CUSTOMER_SUMMARY_VIEW (self));
  g_return_if_fail (store == NULL || FD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_signal_group_set_target (self->store_signals, store);
  fd_customer_summary_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
fd_customer_summary_view_get_customer_id (FdCustomerSummaryView *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_SUMMARY_VIEW (self), 0);
  return self->customer_id;
}

void
fd_customer_summary_view_set_customer_id (FdCustomerSummaryView *self,
                                          gint64                 customer_id)
{
  g_return_if_fail (FD_IS_CUSTOMER_SUMMARY_VIEW (self));

  if (self->customer_id == customer_id)
    return;
  self->customer_id = customer_id;
  fd_customer_summary_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

void
fd_customer_summary_view_reload (FdCustomerSummaryView *self)
{
  g_return_if_fail (FD_IS_CUSTOMER_SUMMARY_VIEW (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  clear_flow_box (self->box);
  if (self->store == NULL || self->customer_id <= 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->group), FALSE);
      return;
    }
  load_summary (self);
}
