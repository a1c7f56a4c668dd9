/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-new-service-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-date-time.h"
#include "fd-error.h"
#include "fd-new-service-dialog.h"

struct _FdNewServiceDialog
{
  AdwWindow       parent_instance;

  /* Template children */
  GtkWidget      *add_button;
  AdwEntryRow    *name_row;
  GtkLabel       *name_error;
  AdwComboRow    *repeat_row;
  AdwActionRow   *date_row;
  GtkMenuButton  *date_button;
  GtkCalendar    *date_calendar;
  AdwEntryRow    *time_row;
  GtkLabel       *renewal_error;
  AdwActionRow   *lead_row;
  GtkSpinButton  *lead_spin;
  GtkLabel       *lead_error;
  GtkLabel       *error_label;

  /* Owned */
  FdStore        *store;
  gint64          customer_id;
  gint64          service_id;

  guint           close_confirmed : 1;
};

enum {
  ADDED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdNewServiceDialog, fd_new_service_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

/* The periods a service renews by, as iCalendar rules; a year is the usual contract. */
static const struct {
  const char *rrule;
  const char *label;
} repeats[] = {
  { "FREQ=MONTHLY",            NC_("service repeat", "Every Month") },
  { "FREQ=MONTHLY;INTERVAL=3", NC_("service repeat", "Every 3 Months") },
  { "FREQ=MONTHLY;INTERVAL=6", NC_("service repeat", "Every 6 Months") },
  { "FREQ=YEARLY",             NC_("service repeat", "Every Year") },
};

#define DEFAULT_REPEAT 3

static void
update_actions (FdNewServiceDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-service.add",
                                 self->service_id == 0 && self->store != NULL && self->customer_id > 0);
}

/* Errors beside their fields */

static GtkWidget *
field_widget (FdNewServiceDialog *self,
              const char         *field)
{
  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "next_renewal") == 0 || g_strcmp0 (field, "due_at") == 0)
    return GTK_WIDGET (self->time_row);
  if (g_strcmp0 (field, "rrule") == 0)
    return GTK_WIDGET (self->repeat_row);
  if (g_strcmp0 (field, "lead_days") == 0)
    return GTK_WIDGET (self->lead_spin);
  return NULL;
}

static GtkLabel *
field_label (FdNewServiceDialog *self,
             GtkWidget          *widget)
{
  if (widget == GTK_WIDGET (self->name_row))
    return self->name_error;
  if (widget == GTK_WIDGET (self->time_row) || widget == GTK_WIDGET (self->repeat_row))
    return self->renewal_error;
  if (widget == GTK_WIDGET (self->lead_spin))
    return self->lead_error;
  return self->error_label;
}

static void
clear_errors (FdNewServiceDialog *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->name_row), GTK_WIDGET (self->repeat_row),
                          GTK_WIDGET (self->time_row), GTK_WIDGET (self->lead_spin) };
  GtkWidget *labels[] = { GTK_WIDGET (self->name_error), GTK_WIDGET (self->renewal_error),
                          GTK_WIDGET (self->lead_error), GTK_WIDGET (self->error_label) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_widget_remove_css_class (fields[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_STATE_INVALID);
    }
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    gtk_widget_set_visible (labels[i], FALSE);
}

/* The message sits under the field's group; the field it names is marked invalid. */
static void
show_field_error (FdNewServiceDialog *self,
                  GtkWidget          *widget,
                  const char         *message)
{
  GtkLabel *label = field_label (self, widget);

  gtk_label_set_text (label, message);
  gtk_widget_set_visible (GTK_WIDGET (label), TRUE);

  if (widget == NULL)
    return;

  gtk_widget_add_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_widget_grab_focus (widget);
}

static void
show_error (FdNewServiceDialog *self,
            const GError       *error)
{
  show_field_error (self, field_widget (self, fd_error_get_field (error)), error->message);
}

/* The next renewal's date and time */

static void
update_date_label (FdNewServiceDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->date_calendar);
  /* Translators: a service's next renewal date, in g_date_time_format() syntax,
   * e.g. "Fri 14 March 2027" */
  g_autofree char *text = g_date_time_format (day, C_("service renewal date", "%a %-d %B %Y"));

  gtk_menu_button_set_label (self->date_button, text);
}

/* A year from today at nine: most services are yearly contracts. */
static gint64
default_renewal (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) next = g_date_time_add_years (now, 1);
  g_autoptr(GDateTime) morning = fd_date_time_new_on_day (next, 9, 0);

  return g_date_time_to_unix (morning);
}

/* Signal callbacks */

static void
on_date_calendar_day_selected_cb (FdNewServiceDialog *self)
{
  update_date_label (self);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  FdNewServiceDialog *self = FD_NEW_SERVICE_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  guint repeat = adw_combo_row_get_selected (self->repeat_row);
  gint64 next_renewal;
  int lead_days;

  if (self->store == NULL || self->service_id != 0)
    return;

  clear_errors (self);

  next_renewal = fd_new_service_dialog_get_next_renewal (self);
  if (next_renewal == 0)
    {
      show_field_error (self, GTK_WIDGET (self->time_row), _("Enter the time as HH:MM, for example 09:00."));
      return;
    }

  /* A number typed but not yet taken by the spin button counts too. */
  gtk_spin_button_update (self->lead_spin);
  lead_days = gtk_spin_button_get_value_as_int (self->lead_spin);

  self->service_id = fd_store_add_service (self->store, self->customer_id, name,
                                           repeats[repeat < G_N_ELEMENTS (repeats) ? repeat : DEFAULT_REPEAT].rrule,
                                           next_renewal, lead_days, &error);
  if (self->service_id == 0)
    {
      show_error (self, error);
      return;
    }

  update_actions (self);
  g_signal_emit (self, signals[ADDED], 0, self->service_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_discard_dialog_response_cb (FdNewServiceDialog *self,
                               const char         *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* A typed name is not dropped without asking. */
static gboolean
fd_new_service_dialog_close_request (GtkWindow *window)
{
  FdNewServiceDialog *self = FD_NEW_SERVICE_DIALOG (window);
  g_autofree char *name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  GtkWidget *dialog;

  if (self->close_confirmed || self->service_id != 0 || *g_strstrip (name) == '\0')
    return GTK_WINDOW_CLASS (fd_new_service_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard the Service?"),
                                   _("The service has not been added. What you have typed will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_discard_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

/* GObject */

static void
fd_new_service_dialog_dispose (GObject *object)
{
  FdNewServiceDialog *self = (FdNewServiceDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_NEW_SERVICE_DIALOG);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_new_service_dialog_parent_class)->dispose (object);
}

static void
fd_new_service_dialog_class_init (FdNewServiceDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fd_new_service_dialog_dispose;

  window_class->close_request = fd_new_service_dialog_close_request;

  /**
   * FdNewServiceDialog::added:
   * @id: the stored service's id
   *
   * Emitted once the service is stored, before the dialog closes.
   */
  signals[ADDED] =
    g_signal_new ("added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-new-service-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, name_error);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, renewal_error);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, lead_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, lead_spin);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, lead_error);
  gtk_widget_class_bind_template_child (widget_class, FdNewServiceDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_date_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "new-service.add", NULL, add_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "new-service.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "new-service.add", NULL);
}

static void
fd_new_service_dialog_init (FdNewServiceDialog *self)
{
  g_autoptr(GtkStringList) repeat_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (repeats); i++)
    gtk_string_list_append (repeat_labels, g_dpgettext2 (GETTEXT_PACKAGE, "service repeat", repeats[i].label));
  adw_combo_row_set_model (self->repeat_row, G_LIST_MODEL (repeat_labels));
  adw_combo_row_set_selected (self->repeat_row, DEFAULT_REPEAT);

  gtk_spin_button_set_value (self->lead_spin, FD_SERVICE_DEFAULT_LEAD_DAYS);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);
  fd_new_service_dialog_set_next_renewal (self, default_renewal ());
  update_actions (self);
}

GtkWidget *
fd_new_service_dialog_new (GtkWindow *parent,
                           FdStore   *store,
                           gint64     customer_id)
{
  FdNewServiceDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  self = g_object_new (FD_TYPE_NEW_SERVICE_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->customer_id = customer_id;
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return GTK_WIDGET (self);
}

gint64
fd_new_service_dialog_get_next_renewal (FdNewServiceDialog *self)
{
  g_return_val_if_fail (FD_IS_NEW_SERVICE_DIALOG (self), 0);

  return fd_date_time_get_fields (self->date_calendar, GTK_EDITABLE (self->time_row));
}

/* Minutes only: the seconds of @next_renewal are dropped, as the fields show none. */
void
fd_new_service_dialog_set_next_renewal (FdNewServiceDialog *self,
                                        gint64              next_renewal)
{
  g_return_if_fail (FD_IS_NEW_SERVICE_DIALOG (self));

  if (fd_date_time_set_fields (self->date_calendar, GTK_EDITABLE (self->time_row), next_renewal))
    update_date_label (self);
}

gint64
fd_new_service_dialog_get_service_id (FdNewServiceDialog *self)
{
  g_return_val_if_fail (FD_IS_NEW_SERVICE_DIALOG (self), 0);

  return self->service_id;
}
