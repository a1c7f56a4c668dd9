/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-new-claim-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-customer-picker.h"
#include "fd-error.h"
#include "fd-new-claim-dialog.h"

struct _FdNewClaimDialog
{
  AdwWindow         parent_instance;

  /* Template children */
  GtkWidget        *open_button;
  FdCustomerPicker *customer_picker;
  AdwComboRow      *kind_row;
  AdwComboRow      *channel_row;
  AdwComboRow      *category_row;
  AdwComboRow      *priority_row;
  GtkTextView      *summary_view;
  GtkLabel         *error_label;

  /* Owned */
  FdStore          *store;
  gint64            visit_id;
  FdClaim          *claim;
  GStrv             category_codes;

  guint             close_confirmed : 1;
};

enum {
  OPENED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdNewClaimDialog, fd_new_claim_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static const FdClaimKind kinds[] = {
  FD_CLAIM_KIND_COMPLAINT,
  FD_CLAIM_KIND_COMPLIMENT,
  FD_CLAIM_KIND_SUGGESTION,
  FD_CLAIM_KIND_REQUEST,
};

static const FdClaimPriority priorities[] = {
  FD_CLAIM_PRIORITY_LOW,
  FD_CLAIM_PRIORITY_NORMAL,
  FD_CLAIM_PRIORITY_HIGH,
};

static void
update_actions (FdNewClaimDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-claim.open",
                                 self->claim == NULL && self->store != NULL &&
                                 fd_customer_picker_get_customer (self->customer_picker) != NULL);
}

static void
clear_errors (FdNewClaimDialog *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->kind_row), GTK_WIDGET (self->channel_row),
                          GTK_WIDGET (self->category_row), GTK_WIDGET (self->priority_row),
                          GTK_WIDGET (self->summary_view) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_widget_remove_css_class (fields[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_STATE_INVALID);
    }

  fd_customer_picker_clear_error (self->customer_picker);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static GtkWidget *
field_widget (FdNewClaimDialog *self,
              const char       *field)
{
  if (g_strcmp0 (field, "kind") == 0)
    return GTK_WIDGET (self->kind_row);
  if (g_strcmp0 (field, "channel") == 0)
    return GTK_WIDGET (self->channel_row);
  if (g_strcmp0 (field, "category") == 0)
    return GTK_WIDGET (self->category_row);
  if (g_strcmp0 (field, "priority") == 0)
    return GTK_WIDGET (self->priority_row);
  if (g_strcmp0 (field, "summary") == 0)
    return GTK_WIDGET (self->summary_view);
  return NULL;
}

/* The message sits under the form (under the customer list for the customer); the field it
 * names is marked invalid. */
static void
show_error (FdNewClaimDialog *self,
            const GError     *error)
{
  const char *field = fd_error_get_field (error);
  GtkWidget *widget;

  if (g_strcmp0 (field, "customer") == 0 || g_strcmp0 (field, "customer_id") == 0)
    {
      fd_customer_picker_show_error (self->customer_picker, error->message);
      return;
    }

  widget = field_widget (self, field);
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);

  if (widget == NULL)
    return;

  gtk_widget_add_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_widget_grab_focus (widget);
}

static char *
dup_summary (FdNewClaimDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->summary_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static GtkStringList *
new_labels (void)
{
  return gtk_string_list_new (NULL);
}

static void
fill_choices (FdNewClaimDialog *self)
{
  g_autoptr(GtkStringList) kind_labels = new_labels ();
  g_autoptr(GtkStringList) channel_labels = new_labels ();
  g_autoptr(GtkStringList) priority_labels = new_labels ();
  const char * const *channels = fd_claim_channels ();

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, fd_claim_kind_to_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));

  for (guint i = 0; channels[i] != NULL; i++)
    gtk_string_list_append (channel_labels, fd_claim_channel_to_label (channels[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channel_labels));


  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    gtk_string_list_append (priority_labels, fd_claim_priority_to_label (priorities[i]));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priority_labels));
  adw_combo_row_set_selected (self->priority_row, 1);
}

/* The branch's categories, as it names them. */
static void
fill_categories (FdNewClaimDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;

  if (!fd_store_list_claim_categories (self->store, &self->category_codes, &names, &error))
    show_error (self, error);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    gtk_string_list_append (labels, names[i]);
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (labels));
}

/* Signal callbacks */

/* Enter picked the first match: on to the claim itself. */
static void
on_customer_picker_picked_cb (FdNewClaimDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
}

static void
on_customer_picker_notify_customer_id_cb (FdNewClaimDialog *self)
{
  update_actions (self);
}

/* Actions */

static const char *
selected_code (const char * const *codes,
               AdwComboRow        *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) codes))
    return NULL;

  return codes[selected];
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FdNewClaimDialog *self = FD_NEW_CLAIM_DIALOG (widget);
  g_autofree char *summary = dup_summary (self);
  g_autoptr(GError) error = NULL;
  FdClaimDraft draft = { 0 };
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint priority = adw_combo_row_get_selected (self->priority_row);

  if (self->store == NULL || self->claim != NULL)
    return;

  clear_errors (self);

  draft.branch_id = fd_store_get_current_branch (self->store);
  draft.customer_id = fd_new_claim_dialog_get_customer_id (self);
  draft.kind = kind < G_N_ELEMENTS (kinds) ? kinds[kind] : FD_CLAIM_KIND_COMPLAINT;
  draft.channel = selected_code (fd_claim_channels (), self->channel_row);
  draft.category = self->category_codes != NULL
                     ? selected_code ((const char * const *) self->category_codes, self->category_row) : NULL;
  draft.priority = priority < G_N_ELEMENTS (priorities) ? priorities[priority] : FD_CLAIM_PRIORITY_NORMAL;
  draft.summary = summary;
  draft.received_at = 0;
  draft.visit_id = self->visit_id;

  self->claim = fd_store_open_claim (self->store, &draft, &error);
  if (self->claim == NULL)
    {
      show_error (self, error);
      return;
    }

  update_actions (self);
  g_signal_emit (self, signals[OPENED], 0, self->claim);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_discard_dialog_response_cb (FdNewClaimDialog *self,
                               const char       *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* A typed summary is not dropped without asking. */
static gboolean
fd_new_claim_dialog_close_request (GtkWindow *window)
{
  FdNewClaimDialog *self = FD_NEW_CLAIM_DIALOG (window);
  g_autofree char *summary = dup_summary (self);
  GtkWidget *dialog;

  if (self->close_confirmed || self->claim != NULL || *g_strstrip (summary) == '\0')
    return GTK_WINDOW_CLASS (fd_new_claim_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard the Claim?"),
                                   _("The claim has not been opened. What you have written will be lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Writing"),
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
fd_new_claim_dialog_dispose (GObject *object)
{
  FdNewClaimDialog *self = (FdNewClaimDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_NEW_CLAIM_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->claim);

  G_OBJECT_CLASS (fd_new_claim_dialog_parent_class)->dispose (object);
}

static void
fd_new_claim_dialog_finalize (GObject *object)
{
  FdNewClaimDialog *self = (FdNewClaimDialog *)object;

  g_clear_pointer (&self->category_codes, g_strfreev);

  G_OBJECT_CLASS (fd_new_claim_dialog_parent_class)->finalize (object);
}

static void
fd_new_claim_dialog_class_init (FdNewClaimDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fd_new_claim_dialog_dispose;
  object_class->finalize = fd_new_claim_dialog_finalize;

  window_class->close_request = fd_new_claim_dialog_close_request;

  /**
   * FdNewClaimDialog::opened:
   * @claim: the stored FdClaim
   *
   * Emitted once the claim is stored, before the dialog closes.
   */
  signals[OPENED] =
    g_signal_new ("opened",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FD_TYPE_CLAIM);

  g_type_ensure (FD_TYPE_CUSTOMER_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-new-claim-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdNewClaimDialog, open_button);
  gtk_widget_class_bind_template_child (widget_class, FdNewClaimDialog, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, FdNewClaimDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewClaimDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewClaimDialog, category_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewClaimDialog, priority_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewClaimDialog, summary_view);
  gtk_widget_class_bind_template_child (widget_class, FdNewClaimDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_picker_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_picker_notify_customer_id_cb);

  gtk_widget_class_install_action (widget_class, "new-claim.open", NULL, open_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "new-claim.open", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "new-claim.open", NULL);
}

static void
fd_new_claim_dialog_init (FdNewClaimDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_window_set_default_widget (GTK_WINDOW (self), self->open_button);
  fill_choices (self);
}

GtkWidget *
fd_new_claim_dialog_new (GtkWindow *parent,
                         FdStore   *store,
                         gint64     customer_id,
                         gint64     visit_id)
{
  FdNewClaimDialog *self;
  g_autoptr(FdCustomer) prefilled = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  self = g_object_new (FD_TYPE_NEW_CLAIM_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->visit_id = visit_id;
  fd_customer_picker_set_store (self->customer_picker, store);
  fill_categories (self);

  if (customer_id > 0)
    {
      prefilled = fd_store_get_customer (store, customer_id, &error);
      if (prefilled == NULL)
        show_error (self, error);
    }

  /* At the desk the customer is in front of the clerk. */
  if (visit_id > 0)
    adw_combo_row_set_selected (self->channel_row, 0);

  fd_customer_picker_set_customer (self->customer_picker, prefilled);
  update_actions (self);

  if (prefilled != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->customer_picker));

  return GTK_WIDGET (self);
}

gint64
fd_new_claim_dialog_get_customer_id (FdNewClaimDialog *self)
{
  g_return_val_if_fail (FD_IS_NEW_CLAIM_DIALOG (self), 0);

  return fd_customer_picker_get_customer_id (self->customer_picker);
}

FdClaim *
fd_new_claim_dialog_get_claim (FdNewClaimDialog *self)
{
  g_return_val_if_fail (FD_IS_NEW_CLAIM_DIALOG (self), NULL);

  return self->claim;
}
