/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-check-in-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-check-in-dialog.h"

/* A few rows to pick from at the counter; more means the search needs another word. */
#define RESULTS_LIMIT 5

struct _FdCheckInDialog
{
  AdwWindow       parent_instance;

  /* Template children */
  GtkWidget      *check_in_button;
  GtkWidget      *cancel_button;
  GtkStack       *stack;
  GtkSearchEntry *search_entry;
  GtkListBox     *results_list;
  AdwComboRow    *purpose_row;
  AdwComboRow    *priority_row;
  GtkLabel       *error_label;
  AdwStatusPage  *done_page;
  GtkLabel       *ticket_label;
  GtkWidget      *done_button;

  /* Owned */
  FdStore        *store;
  gint64          branch_id;
  GStrv           purpose_codes;
  GtkWidget      *anonymous_row;
  FdVisit        *visit;
};

G_DEFINE_FINAL_TYPE (FdCheckInDialog, fd_check_in_dialog, ADW_TYPE_WINDOW)

static const FdPriority priorities[] = {
  FD_PRIORITY_NONE,
  FD_PRIORITY_APPOINTMENT,
  FD_PRIORITY_ASSISTANCE,
};

static void
update_actions (FdCheckInDialog *self)
{
  gboolean form = self->visit == NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check-in.check-in",
                                 form && self->store != NULL &&
                                 gtk_list_box_get_selected_row (self->results_list) != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "check-in.copy-ticket", !form);
}

static GtkWidget *
new_anonymous_row (void)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), C_("customer", "Anonymous"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A walk-in who does not give a name"));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("avatar-default-symbolic"));

  return row;
}

static void
fill_results (FdCheckInDialog *self,
              GPtrArray       *customers)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->results_list))) != NULL)
    gtk_list_box_remove (self->results_list, child);

  for (guint i = 0; customers != NULL && i < customers->len; i++)
    {
      FdCustomer *customer = g_ptr_array_index (customers, i);
      g_autofree char *name = fd_customer_dup_display_name (customer);
      const char *email = fd_customer_get_email (customer);
      const char *phone = fd_customer_get_phone (customer);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (email != NULL && *email != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), email);
      else if (phone != NULL && *phone != '\0')
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), phone);
      g_object_set_data_full (G_OBJECT (row), "fd-customer", g_object_ref (customer), g_object_unref);
      gtk_list_box_append (self->results_list, row);
    }

  /* Anonymous stays last, and is what an empty search checks in. */
  self->anonymous_row = new_anonymous_row ();
  gtk_list_box_append (self->results_list, self->anonymous_row);

  if (customers == NULL || customers->len == 0)
    gtk_list_box_select_row (self->results_list, GTK_LIST_BOX_ROW (self->anonymous_row));

  update_actions (self);
}

static void
run_search (FdCheckInDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store != NULL && *query != '\0')
    {
      found = fd_store_search_customers (self->store, query, RESULTS_LIMIT, &error);
      if (found == NULL)
        g_warning ("Search failed: %s", error->message);
    }

  fill_results (self, found);
}

static void
show_error (FdCheckInDialog *self,
            const char      *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Signal callbacks */

static void
on_search_entry_search_changed_cb (FdCheckInDialog *self)
{
  run_search (self);
}

static void
on_search_entry_activate_cb (FdCheckInDialog *self)
{
  GtkListBoxRow *first;

  /* The search may still be waiting for its delay: Enter searches now. */
  run_search (self);

  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first == NULL)
    return;

  /* Enter picks the first match; a second Enter checks in. */
  gtk_list_box_select_row (self->results_list, first);
  gtk_widget_grab_focus (self->check_in_button);
}

static void
on_results_list_row_selected_cb (FdCheckInDialog *self)
{
  update_actions (self);
}

/* Actions */

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FdCheckInDialog *self = FD_CHECK_IN_DIALOG (widget);
  guint purpose = adw_combo_row_get_selected (self->purpose_row);
  guint priority = adw_combo_row_get_selected (self->priority_row);
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const char *name;

  if (self->store == NULL || self->visit != NULL)
    return;

  show_error (self, NULL);

  self->visit = fd_store_check_in (self->store, self->branch_id,
                                   fd_check_in_dialog_get_customer_id (self),
                                   self->purpose_codes != NULL && purpose < g_strv_length (self->purpose_codes)
                                     ? self->purpose_codes[purpose] : NULL,
                                   priority < G_N_ELEMENTS (priorities) ? priorities[priority] : FD_PRIORITY_NONE,
                                   0, &error);
  if (self->visit == NULL)
    {
      show_error (self, error->message);
      return;
    }

  gtk_label_set_text (self->ticket_label, fd_visit_get_ticket (self->visit));
  name = fd_visit_get_customer_name (self->visit);
  if (name != NULL && *name != '\0')
    /* Translators: %s is the customer's name */
    description = g_strdup_printf (_("Give %s this ticket number. It will be called on the board."), name);
  else
    description = g_strdup (_("Give the customer this ticket number. It will be called on the board."));
  adw_status_page_set_description (self->done_page, description);

  gtk_stack_set_visible_child_name (self->stack, "done");
  gtk_widget_set_visible (self->check_in_button, FALSE);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->done_button);
  gtk_widget_grab_focus (self->done_button);
  update_actions (self);
}

static void
copy_ticket_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  FdCheckInDialog *self = FD_CHECK_IN_DIALOG (widget);

  if (self->visit == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), fd_visit_get_ticket (self->visit));
}

static void
new_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  /* The customer form lives on the Customers page; check in once it is saved. */
  if (parent != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.new-customer", NULL);
  gtk_window_close (GTK_WINDOW (widget));
}

/* GObject */

static void
fd_check_in_dialog_dispose (GObject *object)
{
  FdCheckInDialog *self = (FdCheckInDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CHECK_IN_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->visit);

  G_OBJECT_CLASS (fd_check_in_dialog_parent_class)->dispose (object);
}

static void
fd_check_in_dialog_finalize (GObject *object)
{
  FdCheckInDialog *self = (FdCheckInDialog *)object;

  g_clear_pointer (&self->purpose_codes, g_strfreev);

  G_OBJECT_CLASS (fd_check_in_dialog_parent_class)->finalize (object);
}

static void
fd_check_in_dialog_class_init (FdCheckInDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_check_in_dialog_dispose;
  object_class->finalize = fd_check_in_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-check-in-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, check_in_button);
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, purpose_row);
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, done_page);
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, ticket_label);
  gtk_widget_class_bind_template_child (widget_class, FdCheckInDialog, done_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_row_selected_cb);

  gtk_widget_class_install_action (widget_class, "check-in.check-in", NULL, check_in_action);
  gtk_widget_class_install_action (widget_class, "check-in.copy-ticket", NULL, copy_ticket_action);
  gtk_widget_class_install_action (widget_class, "check-in.new-customer", NULL, new_customer_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_check_in_dialog_init (FdCheckInDialog *self)
{
  g_autoptr(GtkStringList) priority_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    gtk_string_list_append (priority_labels,
                            priorities[i] == FD_PRIORITY_NONE ? C_("priority", "None")
                                                              : fd_priority_to_label (priorities[i]));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priority_labels));

  gtk_window_set_default_widget (GTK_WINDOW (self), self->check_in_button);
  fill_results (self, NULL);
}

GtkWidget *
fd_check_in_dialog_new (GtkWindow *parent,
                        FdStore   *store,
                        gint64     branch_id)
{
  FdCheckInDialog *self;
  g_autoptr(GtkStringList) purposes = gtk_string_list_new (NULL);
  g_auto(GStrv) labels = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  self = g_object_new (FD_TYPE_CHECK_IN_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->branch_id = branch_id;

  if (!fd_store_list_purposes (store, &self->purpose_codes, &labels, &error))
    g_warning ("Could not read the visit purposes: %s", error->message);

  for (guint i = 0; labels != NULL && labels[i] != NULL; i++)
    gtk_string_list_append (purposes, labels[i]);
  adw_combo_row_set_model (self->purpose_row, G_LIST_MODEL (purposes));

  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return GTK_WIDGET (self);
}

gint64
fd_check_in_dialog_get_customer_id (FdCheckInDialog *self)
{
  GtkListBoxRow *row;
  FdCustomer *customer;

  g_return_val_if_fail (FD_IS_CHECK_IN_DIALOG (self), 0);

  row = gtk_list_box_get_selected_row (self->results_list);
  customer = row != NULL ? g_object_get_data (G_OBJECT (row), "fd-customer") : NULL;

  return customer != NULL ? fd_customer_get_id (customer) : 0;
}

FdVisit *
fd_check_in_dialog_get_visit (FdCheckInDialog *self)
{
  g_return_val_if_fail (FD_IS_CHECK_IN_DIALOG (self), NULL);

  return self->visit;
}
