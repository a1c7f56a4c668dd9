/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-customer-services"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-customer-services.h"
#include "fd-new-service-dialog.h"

struct _FdCustomerServices
{
  AdwBin               parent_instance;

  /* Template children */
  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkLabel            *error_label;

  /* Owned */
  FdStore             *store;
  gint64               customer_id;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdCustomerServices, fd_customer_services, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

/* Helpers */

static void
add_toast (FdCustomerServices *self,
           const char         *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static char *
format_day (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup ("");

  /* Translators: a service's renewal date in g_date_time_format() syntax, e.g. "14 March 2027" */
  return g_date_time_format (local, C_("service renewal date", "%-d %B %Y"));
}

static void
update_actions (FdCustomerServices *self)
{
  gboolean ready = self->store != NULL && self->customer_id > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.add", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "services.renew", ready);
}

static GtkWidget *
new_service_row (gint64      id,
                 const char *name,
                 const char *rrule,
                 gint64      next_renewal)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (C_("service", "_Renewed"));
  g_autofree char *period = fd_customer_services_describe_rule (rrule);
  g_autofree char *day = format_day (next_renewal);
  g_autofree char *subtitle = NULL;
  g_autofree char *button_label = NULL;

  /* Translators: under a service's name: how often it renews ("Every year") and its next
   * renewal date ("14 March 2027") */
  subtitle = g_strdup_printf (_("%s · next renewal %s"), period, day);
  /* Translators: accessible label and tooltip of a service's Renewed button; %s is the service */
  button_label = g_strdup_printf (_("Record that “%s” was renewed"), name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, button_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, button_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "services.renew");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  gtk_widget_set_name (row, name);

  return row;
}

static void
clear_list (FdCustomerServices *self)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder is a child too, and stays. */
  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
}

static void
reload (FdCustomerServices *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) renewals = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) rrules = NULL;
  g_autoptr(GError) error = NULL;
  guint n_rules;

  clear_list (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), self->store != NULL && self->customer_id > 0);
  update_actions (self);

  if (self->store == NULL || self->customer_id <= 0)
    return;

  if (!fd_store_list_services (self->store, self->customer_id, &ids, &names, &rrules, &renewals, &error))
    {
      g_warning ("Could not read the services: %s", error->message);
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  /* A service without a rule leaves a NULL in @rrules, which ends the vector early. */
  n_rules = rrules != NULL ? g_strv_length (rrules) : 0;
  for (guint i = 0; i < ids->len; i++)
    gtk_list_box_append (self->list,
                         new_service_row (g_array_index (ids, gint64, i), names[i],
                                          i < n_rules ? rrules[i] : NULL,
                                          g_array_index (renewals, gint64, i)));
}

/* Signal callbacks */

static void
on_store_followups_changed_cb (FdCustomerServices *self)
{
  /* Adding a service or recording a renewal changes its follow-up: the store says so
   * with this signal. */
  reload (self);
}

static void
on_dialog_added_cb (FdCustomerServices *self,
                    gint64              id)
{
  add_toast (self, _("Service added"));
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  FdCustomerServices *self = FD_CUSTOMER_SERVICES (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  if (self->store == NULL || self->customer_id <= 0)
    return;

  dialog = fd_new_service_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->store, self->customer_id);
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_dialog_added_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
renew_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  FdCustomerServices *self = FD_CUSTOMER_SERVICES (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *message = NULL;
  gint64 next;

  if (self->store == NULL)
    return;

  next = fd_store_record_renewal (self->store, g_variant_get_int64 (param), &error);
  if (next == 0)
    {
      add_toast (self, error->message);
      return;
    }

  day = format_day (next);
  /* Translators: %s is a service's next renewal date, e.g. "14 March 2028" */
  message = g_strdup_printf (_("Renewed. The next renewal is on %s."), day);
  add_toast (self, message);
}

/* GObject */

static void
fd_customer_services_dispose (GObject *object)
{
  FdCustomerServices *self = (FdCustomerServices *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CUSTOMER_SERVICES);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_customer_services_parent_class)->dispose (object);
}

static void
fd_customer_services_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  FdCustomerServices *self = FD_CUSTOMER_SERVICES (object);

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
fd_customer_services_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  FdCustomerServices *self = FD_CUSTOMER_SERVICES (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_customer_services_set_store (self, g_value_get_object (value));
      break;

    case PROP_CUSTOMER_ID:
      fd_customer_services_set_customer_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_services_class_init (FdCustomerServicesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_customer_services_dispose;
  object_class->get_property = fd_customer_services_get_property;
  object_class->set_property = fd_customer_services_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-customer-services.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCustomerServices, group);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerServices, list);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerServices, error_label);

  gtk_widget_class_install_action (widget_class, "services.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "services.renew", "x", renew_action);
}

static void
fd_customer_services_init (FdCustomerServices *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No renewable services yet."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);

  update_actions (self);
}

FdStore *
fd_customer_services_get_store (FdCustomerServices *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_SERVICES (self), NULL);

  return self->store;
}

void
fd_customer_services_set_store (FdCustomerServices *self,
                                FdStore            *store)
{
  g_return_if_fail (FD_IS_CUSTOMER_SERVICES (self));
  g_return_if_fail (!store || FD_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "followups-changed", G_CALLBACK (on_store_followups_changed_cb), self,
                             G_CONNECT_SWAPPED);

  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
fd_customer_services_get_customer_id (FdCustomerServices *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_SERVICES (self), 0);

  return self->customer_id;
}

void
fd_customer_services_set_customer_id (FdCustomerServices *self,
                                      gint64              customer_id)
{
  g_return_if_fail (FD_IS_CUSTOMER_SERVICES (self));

  customer_id = MAX (customer_id, 0);
  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

/* The rules the new-service dialog writes, in words; others (from the CLI) as written. */
char *
fd_customer_services_describe_rule (const char *rrule)
{
  g_auto(GStrv) parts = NULL;
  const char *freq = NULL;
  guint64 interval = 0;
  gboolean other = FALSE;

  if (rrule == NULL || *rrule == '\0')
    return g_strdup (C_("service repeat", "Once"));

  parts = g_strsplit (rrule, ";", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_has_prefix (parts[i], "FREQ=") && freq == NULL)
        freq = parts[i] + strlen ("FREQ=");
      else if (g_str_has_prefix (parts[i], "INTERVAL=") && interval == 0 &&
               g_ascii_string_to_unsigned (parts[i] + strlen ("INTERVAL="), 10, 1, 1000, &interval, NULL))
        ;
      else
        other = TRUE;
    }

  if (!other && g_strcmp0 (freq, "YEARLY") == 0)
    {
      if (interval == 0)
        return g_strdup (C_("service repeat", "Every year"));
      /* Translators: how often a service renews */
      return g_strdup_printf (ngettext ("Every %u year", "Every %u years", (gulong) interval), (guint) interval);
    }

  if (!other && g_strcmp0 (freq, "MONTHLY") == 0)
    {
      if (interval == 0)
        return g_strdup (C_("service repeat", "Every month"));
      /* Translators: how often a service renews */
      return g_strdup_printf (ngettext ("Every %u month", "Every %u months", (gulong) interval), (guint) interval);
    }

  return g_strdup (rrule);
}
