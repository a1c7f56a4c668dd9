/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-reply-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-error.h"
#include "fd-reply-dialog.h"
#include "fd-reply-template.h"

struct _FdReplyDialog
{
  AdwWindow          parent_instance;

  /* Template children */
  AdwWindowTitle    *window_title;
  GtkWidget         *send_button;
  AdwComboRow       *direction_row;
  AdwComboRow       *channel_row;
  AdwComboRow       *template_row;
  AdwComboRow       *language_row;
  AdwEntryRow       *subject_row;
  AdwPreferencesRow *subject_error_row;
  GtkLabel          *subject_error;
  GtkTextView       *body_view;
  GtkLabel          *body_error;
  GtkListBox        *attachments_list;
  GtkLabel          *attachments_error;
  GtkLabel          *error_label;

  /* Owned */
  FdStore           *store;
  FdClaim           *claim;
  FdClaimMessage    *message;
  GPtrArray         *attachments;     /* file paths */
  char              *filled_subject;  /* the text the template last put in, to spot edits */
  char              *filled_body;

  guint              loading : 1;
  guint              close_confirmed : 1;
};

enum {
  SENT,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdReplyDialog, fd_reply_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static const FdMessageDirection directions[] = {
  FD_MESSAGE_OUT,
  FD_MESSAGE_IN,
};

/* Helpers */

static char *
dup_body (FdReplyDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static const char *
selected_string (const char * const *codes,
                 AdwComboRow        *row,
                 guint               offset)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset ||
      selected - offset >= g_strv_length ((char **) codes))
    return NULL;

  return codes[selected - offset];
}

/* Template codes come after "None". */
static const char *
selected_template (FdReplyDialog *self)
{
  return selected_string (fd_reply_template_codes (), self->template_row, 1);
}

static const char *
selected_language (FdReplyDialog *self)
{
  return selected_string (fd_languages (), self->language_row, 0);
}

static guint
position_of (const char * const *codes,
             const char         *code)
{
  for (guint i = 0; code != NULL && codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static void
clear_errors (FdReplyDialog *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->subject_row), GTK_WIDGET (self->body_view),
                          GTK_WIDGET (self->attachments_list) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_widget_remove_css_class (fields[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_STATE_INVALID);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->subject_error_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->body_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->attachments_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* The core's message goes beside the field it names; nothing typed is touched. */
static void
show_error (FdReplyDialog *self,
            const GError  *error)
{
  const char *field = fd_error_get_field (error);
  GtkWidget *widget = NULL;
  GtkLabel *label = self->error_label;
  GtkWidget *shown = GTK_WIDGET (self->error_label);

  if (g_strcmp0 (field, "subject") == 0)
    {
      widget = GTK_WIDGET (self->subject_row);
      label = self->subject_error;
      shown = GTK_WIDGET (self->subject_error_row);
    }
  else if (g_strcmp0 (field, "body") == 0)
    {
      widget = GTK_WIDGET (self->body_view);
      label = self->body_error;
      shown = GTK_WIDGET (label);
    }
  else if (field != NULL && g_str_has_prefix (field, "attachment"))
    {
      widget = GTK_WIDGET (self->attachments_list);
      label = self->attachments_error;
      shown = GTK_WIDGET (label);
    }

  gtk_label_set_text (label, error->message);
  gtk_widget_set_visible (shown, TRUE);

  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                                   -1);
      gtk_widget_grab_focus (widget);
    }
}

static void
set_text (FdReplyDialog *self,
          const char    *subject,
          const char    *body)
{
  g_free (self->filled_subject);
  g_free (self->filled_body);
  self->filled_subject = g_strdup (subject != NULL ? subject : "");
  self->filled_body = g_strdup (body != NULL ? body : "");

  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), self->filled_subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), self->filled_body, -1);
}

static gboolean
text_edited (FdReplyDialog *self)
{
  g_autofree char *body = dup_body (self);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));

  return g_strcmp0 (subject, self->filled_subject != NULL ? self->filled_subject : "") != 0 ||
         g_strcmp0 (body, self->filled_body != NULL ? self->filled_body : "") != 0;
}

static void
fill_from_template (FdReplyDialog *self)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;
  const char *code = selected_template (self);

  if (code == NULL || self->store == NULL)
    return;

  clear_errors (self);
  if (!fd_store_fill_reply (self->store, fd_claim_get_id (self->claim), code,
                            selected_language (self), &subject, &body, &error))
    {
      show_error (self, error);
      return;
    }

  set_text (self, subject, body);
}

static void
on_replace_dialog_response_cb (FdReplyDialog *self,
                               const char    *response)
{
  if (g_strcmp0 (response, "replace") == 0)
    fill_from_template (self);
}

/* A template replaces the text; what the user wrote is only replaced when they say so. */
static void
ask_replace (FdReplyDialog *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Replace the Text?"),
                                   _("The template replaces the subject and text you have written."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep My Text"),
                                    "replace", _("_Replace"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "replace",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_replace_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_attachment_row (const char *path,
                    guint       index)
{
  g_autofree char *name = g_path_get_basename (path);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), path);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));

  /* Translators: accessible name of the button removing an attachment; %s is its file name */
  remove_label = g_strdup_printf (_("Remove “%s”"), name);
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "reply.remove-attachment");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (index));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
fill_attachments (FdReplyDialog *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->attachments_list, 0)) != NULL)
    gtk_list_box_remove (self->attachments_list, GTK_WIDGET (row));

  for (guint i = 0; i < self->attachments->len; i++)
    gtk_list_box_append (self->attachments_list,
                         new_attachment_row (g_ptr_array_index (self->attachments, i), i));

  gtk_widget_set_visible (GTK_WIDGET (self->attachments_list), self->attachments->len > 0);
}

/* A first template that fits where the claim stands. */
static const char *
suggest_template (FdClaim *claim)
{
  if (fd_claim_get_kind (claim) == FD_CLAIM_KIND_COMPLIMENT)
    return "compliment_thanks";

  switch (fd_claim_get_status (claim))
    {
    case FD_CLAIM_STATUS_NEW:
      return "acknowledgement";
    case FD_CLAIM_STATUS_RESOLVED:
    case FD_CLAIM_STATUS_CLOSED:
      return "resolution";
    case FD_CLAIM_STATUS_ACKNOWLEDGED:
    case FD_CLAIM_STATUS_IN_PROGRESS:
    case FD_CLAIM_STATUS_WAITING_FOR_CUSTOMER:
    default:
      return NULL;
    }
}

static const char *
customer_language (FdReplyDialog *self)
{
  g_autoptr(FdCustomer) customer = NULL;
  const char *language;

  if (fd_claim_get_customer_id (self->claim) > 0)
    customer = fd_store_get_customer (self->store, fd_claim_get_customer_id (self->claim), NULL);

  language = customer != NULL ? fd_customer_get_language (customer) : NULL;

  /* A code from fd_languages(), which lives as long as the program. */
  if (language != NULL && position_of (fd_languages (), language) != GTK_INVALID_LIST_POSITION)
    return fd_languages ()[position_of (fd_languages (), language)];

  return "en";
}

static void
fill_form (FdReplyDialog *self)
{
  const char * const *templates = fd_reply_template_codes ();
  const char * const *languages = fd_languages ();
  const char * const *channels = fd_claim_channels ();
  g_autoptr(GtkStringList) template_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) language_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) channel_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) direction_labels = gtk_string_list_new (NULL);
  guint position;

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (directions); i++)
    gtk_string_list_append (direction_labels, fd_message_direction_to_label (directions[i]));
  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (direction_labels));

  for (guint i = 0; channels[i] != NULL; i++)
    gtk_string_list_append (channel_labels, fd_claim_channel_to_label (channels[i]));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channel_labels));
  position = position_of (channels, fd_claim_get_channel (self->claim));
  adw_combo_row_set_selected (self->channel_row, position != GTK_INVALID_LIST_POSITION ? position : 0);

  /* Translators: no template: the message is typed from scratch */
  gtk_string_list_append (template_labels, C_("template", "None"));
  for (guint i = 0; templates[i] != NULL; i++)
    gtk_string_list_append (template_labels, fd_reply_template_to_label (templates[i]));
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (template_labels));
  position = position_of (templates, suggest_template (self->claim));
  adw_combo_row_set_selected (self->template_row, position != GTK_INVALID_LIST_POSITION ? position + 1 : 0);

  for (guint i = 0; languages[i] != NULL; i++)
    gtk_string_list_append (language_labels, fd_language_to_label (languages[i]));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (language_labels));
  position = position_of (languages, customer_language (self));
  adw_combo_row_set_selected (self->language_row, position != GTK_INVALID_LIST_POSITION ? position : 0);

  adw_window_title_set_subtitle (self->window_title, fd_claim_get_reference (self->claim));

  self->loading = FALSE;

  fill_from_template (self);
}

/* Signal callbacks */

static void
on_template_changed_cb (FdReplyDialog *self)
{
  if (self->loading || selected_template (self) == NULL)
    return;

  if (text_edited (self))
    ask_replace (self);
  else
    fill_from_template (self);
}

static void
on_discard_dialog_response_cb (FdReplyDialog *self,
                               const char    *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
fd_reply_dialog_close_request (GtkWindow *window)
{
  FdReplyDialog *self = FD_REPLY_DIALOG (window);
  GtkWidget *dialog;

  if (self->close_confirmed || self->message != NULL || !fd_reply_dialog_get_modified (self))
    return GTK_WINDOW_CLASS (fd_reply_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard the Message?"),
                                   _("What you have written and attached will be lost."));
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

static void
on_file_dialog_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            gpointer         user_data)
{
  g_autoptr(FdReplyDialog) self = user_data;
  g_autoptr(GListModel) files = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

  for (guint i = 0; files != NULL && i < g_list_model_get_n_items (files); i++)
    {
      g_autoptr(GFile) file = g_list_model_get_item (files, i);
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        fd_reply_dialog_add_attachment (self, path);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

/* Actions */

static void
send_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FdReplyDialog *self = FD_REPLY_DIALOG (widget);
  g_autofree char *body = dup_body (self);
  g_autoptr(GPtrArray) paths = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  FdMessageDraft draft = { 0 };
  guint direction = adw_combo_row_get_selected (self->direction_row);
  const char *subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));

  if (self->store == NULL || self->message != NULL)
    return;

  clear_errors (self);

  for (guint i = 0; i < self->attachments->len; i++)
    g_ptr_array_add (paths, g_ptr_array_index (self->attachments, i));
  g_ptr_array_add (paths, NULL);

  draft.claim_id = fd_claim_get_id (self->claim);
  draft.direction = direction < G_N_ELEMENTS (directions) ? directions[direction] : FD_MESSAGE_OUT;
  draft.channel = selected_string (fd_claim_channels (), self->channel_row, 0);
  draft.subject = *subject != '\0' ? subject : NULL;
  draft.body = body;
  draft.language = selected_language (self);
  draft.template_code = selected_template (self);
  draft.attachments = self->attachments->len > 0 ? (const char * const *) paths->pdata : NULL;

  self->message = fd_store_add_message (self->store, &draft, &error);
  if (self->message == NULL)
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[SENT], 0, self->message);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_attachments_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Attach Files"), GTK_WINDOW (widget),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Attach"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (on_file_dialog_response_cb), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
remove_attachment_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  FdReplyDialog *self = FD_REPLY_DIALOG (widget);
  guint index = g_variant_get_uint32 (param);

  if (index >= self->attachments->len)
    return;

  g_ptr_array_remove_index (self->attachments, index);
  clear_errors (self);
  fill_attachments (self);
}

/* GObject */

static void
fd_reply_dialog_dispose (GObject *object)
{
  FdReplyDialog *self = (FdReplyDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_REPLY_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->claim);
  g_clear_object (&self->message);

  G_OBJECT_CLASS (fd_reply_dialog_parent_class)->dispose (object);
}

static void
fd_reply_dialog_finalize (GObject *object)
{
  FdReplyDialog *self = (FdReplyDialog *)object;

  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->filled_subject, g_free);
  g_clear_pointer (&self->filled_body, g_free);

  G_OBJECT_CLASS (fd_reply_dialog_parent_class)->finalize (object);
}

static void
fd_reply_dialog_class_init (FdReplyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fd_reply_dialog_dispose;
  object_class->finalize = fd_reply_dialog_finalize;

  window_class->close_request = fd_reply_dialog_close_request;

  /**
   * FdReplyDialog::sent:
   * @message: the stored FdClaimMessage
   *
   * Emitted once the message is in the claim's thread, before the dialog closes.
   */
  signals[SENT] =
    g_signal_new ("sent",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FD_TYPE_CLAIM_MESSAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-reply-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, send_button);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, direction_row);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, channel_row);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, template_row);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, language_row);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, subject_row);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, subject_error_row);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, subject_error);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, body_view);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, body_error);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, attachments_list);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, attachments_error);
  gtk_widget_class_bind_template_child (widget_class, FdReplyDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_template_changed_cb);

  gtk_widget_class_install_action (widget_class, "reply.send", NULL, send_action);
  gtk_widget_class_install_action (widget_class, "reply.add-attachments", NULL, add_attachments_action);
  gtk_widget_class_install_action (widget_class, "reply.remove-attachment", "u", remove_attachment_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "reply.send", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "reply.send", NULL);
}

static void
fd_reply_dialog_init (FdReplyDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->attachments = g_ptr_array_new_with_free_func (g_free);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->send_button);
  fill_attachments (self);
}

GtkWidget *
fd_reply_dialog_new (GtkWindow *parent,
                     FdStore   *store,
                     FdClaim   *claim)
{
  FdReplyDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (FD_IS_CLAIM (claim), NULL);

  self = g_object_new (FD_TYPE_REPLY_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->claim = g_object_ref (claim);

  fill_form (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));

  return GTK_WIDGET (self);
}

void
fd_reply_dialog_add_attachment (FdReplyDialog *self,
                                const char    *path)
{
  g_return_if_fail (FD_IS_REPLY_DIALOG (self));
  g_return_if_fail (path != NULL);

  g_ptr_array_add (self->attachments, g_strdup (path));
  clear_errors (self);
  fill_attachments (self);
}

FdClaimMessage *
fd_reply_dialog_get_message (FdReplyDialog *self)
{
  g_return_val_if_fail (FD_IS_REPLY_DIALOG (self), NULL);

  return self->message;
}

gboolean
fd_reply_dialog_get_modified (FdReplyDialog *self)
{
  g_autofree char *body = NULL;

  g_return_val_if_fail (FD_IS_REPLY_DIALOG (self), FALSE);

  if (self->attachments->len > 0)
    return TRUE;

  body = dup_body (self);

  /* Untouched template text costs nothing to lose. */
  return text_edited (self) &&
         (*gtk_editable_get_text (GTK_EDITABLE (self->subject_row)) != '\0' || *body != '\0');
}
