/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-customer-row"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "fd-customer-row.h"

struct _FdCustomerRow
{
  GtkWidget   parent_instance;

  /* Template children */
  GtkLabel   *name_label;
  GtkLabel   *contact_label;
  GtkImage   *kind_icon;

  /* Owned */
  FdCustomer *customer;
  int         shown_kind;
};

enum {
  PROP_0,
  PROP_CUSTOMER,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdCustomerRow, fd_customer_row, GTK_TYPE_WIDGET)

static GParamSpec *properties[N_PROPS];

static const char *
kind_icon_name (FdCustomerKind kind)
{
  switch (kind)
    {
    case FD_CUSTOMER_KIND_ORGANISATION:
      return "network-workgroup-symbolic";
    case FD_CUSTOMER_KIND_INTERNAL:
      return "user-home-symbolic";
    case FD_CUSTOMER_KIND_PERSON:
    default:
      return "avatar-default-symbolic";
    }
}

static void
update (FdCustomerRow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *contact = NULL;
  const char *email, *phone, *icon;
  FdCustomerKind kind;

  if (self->customer == NULL)
    {
      gtk_label_set_text (self->name_label, "");
      gtk_label_set_text (self->contact_label, "");
      gtk_image_clear (self->kind_icon);
      self->shown_kind = -1;
      return;
    }

  name = fd_customer_dup_display_name (self->customer);
  email = fd_customer_get_email (self->customer);
  phone = fd_customer_get_phone (self->customer);

  if (email != NULL && *email != '\0' && phone != NULL && *phone != '\0')
    /* Translators: a customer's e-mail address and phone number on one line */
    contact = g_strdup_printf (C_("contact line", "%1$s · %2$s"), email, phone);
  else if (email != NULL && *email != '\0')
    contact = g_strdup (email);
  else if (phone != NULL && *phone != '\0')
    contact = g_strdup (phone);

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->contact_label, contact ? contact : "");
  gtk_widget_set_visible (GTK_WIDGET (self->contact_label), contact != NULL);

  kind = fd_customer_get_kind (self->customer);
  if ((int) kind == self->shown_kind)
    return;

  /* About 200 rows are bound at start-up: skip the icon work when the kind is unchanged, and
   * only explain the less common kinds with a tooltip. */
  self->shown_kind = kind;
  icon = kind_icon_name (kind);
  gtk_image_set_from_icon_name (self->kind_icon, icon);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->kind_icon),
                               kind == FD_CUSTOMER_KIND_PERSON ? NULL : fd_customer_kind_to_label (kind));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->kind_icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, fd_customer_kind_to_label (kind),
                                  -1);
}

static void
fd_customer_row_dispose (GObject *object)
{
  FdCustomerRow *self = (FdCustomerRow *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CUSTOMER_ROW);

  /* Only bound children are dropped above; the unnamed box is ours to unparent. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->customer);

  G_OBJECT_CLASS (fd_customer_row_parent_class)->dispose (object);
}

static void
fd_customer_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FdCustomerRow *self = FD_CUSTOMER_ROW (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER:
      g_value_set_object (value, self->customer);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FdCustomerRow *self = FD_CUSTOMER_ROW (object);

  switch (prop_id)
    {
    case PROP_CUSTOMER:
      fd_customer_row_set_customer (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_row_class_init (FdCustomerRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_customer_row_dispose;
  object_class->get_property = fd_customer_row_get_property;
  object_class->set_property = fd_customer_row_set_property;

  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         FD_TYPE_CUSTOMER,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-customer-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCustomerRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerRow, contact_label);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerRow, kind_icon);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "fd-customer-row");
}

static void
fd_customer_row_init (FdCustomerRow *self)
{
  GtkLayoutManager *layout;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown_kind = -1;

  layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 12);
}

FdCustomer *
fd_customer_row_get_customer (FdCustomerRow *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_ROW (self), NULL);

  return self->customer;
}

void
fd_customer_row_set_customer (FdCustomerRow *self,
                              FdCustomer    *customer)
{
  g_return_if_fail (FD_IS_CUSTOMER_ROW (self));
  g_return_if_fail (!customer || FD_IS_CUSTOMER (customer));

  if (!g_set_object (&self->customer, customer))
    return;

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
}
