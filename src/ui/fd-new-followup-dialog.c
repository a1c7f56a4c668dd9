/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-new-followup-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-customer-picker.h"
#include "fd-date-time.h"
#include "fd-error.h"
#include "fd-new-followup-dialog.h"

struct _FdNewFollowupDialog
{
  AdwWindow         parent_instance;

  /* Template children */
  GtkWidget        *add_button;
  FdCustomerPicker *customer_picker;
  AdwComboRow      *kind_row;
  AdwActionRow     *claim_row;
  AdwActionRow     *date_row;
  GtkMenuButton    *date_button;
  GtkPopover       *date_popover;
  GtkCalendar      *date_calendar;
  AdwEntryRow      *time_row;
  GtkLabel         *due_error;
  AdwComboRow      *repeat_row;
  AdwComboRow      *assignee_row;
  AdwEntryRow      *note_row;
  GtkLabel         *error_label;

  /* Owned */
  FdStore          *store;
  gint64            claim_id;
  gint64            visit_id;
  GArray           *staff_ids;    /* gint64, after "Anyone" */
  FdFollowup       *followup;

  guint             close_confirmed : 1;
};

enum {
  ADDED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdNewFollowupDialog, fd_new_followup_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static const FdFollowupKind kinds[] = {
  FD_FOLLOWUP_CALL_BACK,
  FD_FOLLOWUP_RENEWAL_DUE,
  FD_FOLLOWUP_CLAIM_DUE,
  FD_FOLLOWUP_SATISFACTION_SURVEY,
  FD_FOLLOWUP_OTHER,
};

static const struct {
  const char *rrule;
  const char *label;
} repeats[] = {
  { NULL,                      NC_("follow-up repeat", "Never") },
  { "FREQ=MONTHLY",            NC_("follow-up repeat", "Every Month") },
  { "FREQ=MONTHLY;INTERVAL=3", NC_("follow-up repeat", "Every 3 Months") },
  { "FREQ=YEARLY",             NC_("follow-up repeat", "Every Year") },
};

static void
update_actions (FdNewFollowupDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "new-followup.add",
                                 self->followup == NULL && self->store != NULL &&
                                 fd_customer_picker_get_customer (self->customer_picker) != NULL);
}

/* Errors beside their fields */

static GtkWidget *
field_widget (FdNewFollowupDialog *self,
              const char          *field)
{
  if (g_strcmp0 (field, "kind") == 0)
    return GTK_WIDGET (self->kind_row);
  if (g_strcmp0 (field, "claim") == 0 || g_strcmp0 (field, "claim_id") == 0)
    return GTK_WIDGET (self->claim_row);
  if (g_strcmp0 (field, "due_at") == 0 || g_strcmp0 (field, "due") == 0)
    return GTK_WIDGET (self->time_row);
  if (g_strcmp0 (field, "rrule") == 0)
    return GTK_WIDGET (self->repeat_row);
  if (g_strcmp0 (field, "assignee") == 0 || g_strcmp0 (field, "assignee_id") == 0)
    return GTK_WIDGET (self->assignee_row);
  if (g_strcmp0 (field, "note") == 0)
    return GTK_WIDGET (self->note_row);
  return NULL;
}

static GtkLabel *
field_label (FdNewFollowupDialog *self,
             GtkWidget           *widget)
{
  if (widget == GTK_WIDGET (self->time_row) || widget == GTK_WIDGET (self->date_row) ||
      widget == GTK_WIDGET (self->repeat_row))
    return self->due_error;
  return self->error_label;
}

static void
clear_errors (FdNewFollowupDialog *self)
{
  GtkWidget *fields[] = { GTK_WIDGET (self->kind_row), GTK_WIDGET (self->claim_row),
                          GTK_WIDGET (self->date_row), GTK_WIDGET (self->time_row),
                          GTK_WIDGET (self->repeat_row), GTK_WIDGET (self->assignee_row),
                          GTK_WIDGET (self->note_row) };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      gtk_widget_remove_css_class (fields[i], "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (fields[i]), GTK_ACCESSIBLE_STATE_INVALID);
    }

  fd_customer_picker_clear_error (self->customer_picker);
  gtk_widget_set_visible (GTK_WIDGET (self->due_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* The message sits under the field's group; the field it names is marked invalid. */
static void
show_field_error (FdNewFollowupDialog *self,
                  GtkWidget           *widget,
                  const char          *message)
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
show_error (FdNewFollowupDialog *self,
            const GError        *error)
{
  const char *field = fd_error_get_field (error);

  if (g_strcmp0 (field, "customer") == 0 || g_strcmp0 (field, "customer_id") == 0)
    fd_customer_picker_show_error (self->customer_picker, error->message);
  else
    show_field_error (self, field_widget (self, field), error->message);
}

/* The due date and time */

static void
update_date_label (FdNewFollowupDialog *self)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (self->date_calendar);
  /* Translators: the due date of a new follow-up, in g_date_time_format() syntax,
   * e.g. "Fri 14 March 2027" */
  g_autofree char *text = g_date_time_format (day, C_("follow-up date", "%a %-d %B %Y"));

  gtk_menu_button_set_label (self->date_button, text);
}

/* Tomorrow at nine: a promise made today is rarely kept within the hour. */
static gint64
default_due (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) morning = fd_date_time_new_on_day (tomorrow, 9, 0);

  return g_date_time_to_unix (morning);
}

/* Choices */

static void
fill_choices (FdNewFollowupDialog *self)
{
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) repeat_labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, fd_followup_kind_to_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));

  for (guint i = 0; i < G_N_ELEMENTS (repeats); i++)
    gtk_string_list_append (repeat_labels, g_dpgettext2 (GETTEXT_PACKAGE, "follow-up repeat", repeats[i].label));
  adw_combo_row_set_model (self->repeat_row, G_LIST_MODEL (repeat_labels));
}

/* Anyone at the branch, or one of its staff; the desk's own staff member first chosen. */
static void
fill_staff (FdNewFollowupDialog *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) roles = NULL;
  g_autoptr(GError) error = NULL;
  gint64 branch = fd_store_get_current_branch (self->store);
  gint64 current = fd_store_get_current_staff (self->store);
  guint selected = 0;

  /* Translators: a follow-up for anyone at the branch, not one staff member */
  gtk_string_list_append (labels, C_("follow-up assignee", "Anyone"));
  if (branch > 0 && !fd_store_list_staff (self->store, branch, &ids, &names, &roles, &error))
    show_error (self, error);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      g_array_append_val (self->staff_ids, id);
      gtk_string_list_append (labels, names[i]);
      if (id == current)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->assignee_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->assignee_row, selected);
}

static void
show_claim (FdNewFollowupDialog *self)
{
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->claim_row), self->claim_id > 0);
  if (self->claim_id <= 0)
    return;

  claim = fd_store_get_claim (self->store, self->claim_id, &error);
  if (claim == NULL)
    {
      show_error (self, error);
      return;
    }

  adw_action_row_set_subtitle (self->claim_row, fd_claim_get_reference (claim));
  /* A claim's follow-up is most often about its deadline. */
  adw_combo_row_set_selected (self->kind_row, 2);
}

/* Signal callbacks */

/* Enter picked the first match: on to the follow-up itself. */
static void
on_customer_picker_picked_cb (FdNewFollowupDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
}

static void
on_customer_picker_notify_customer_id_cb (FdNewFollowupDialog *self)
{
  update_actions (self);
}

static void
on_date_calendar_day_selected_cb (FdNewFollowupDialog *self)
{
  update_date_label (self);
}

/* Actions */

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  FdNewFollowupDialog *self = FD_NEW_FOLLOWUP_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  FdFollowupDraft draft = { 0 };
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint repeat = adw_combo_row_get_selected (self->repeat_row);
  guint assignee = adw_combo_row_get_selected (self->assignee_row);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  g_autofree char *clean_note = g_strstrip (g_strdup (note != NULL ? note : ""));

  if (self->store == NULL || self->followup != NULL)
    return;

  clear_errors (self);

  draft.due_at = fd_new_followup_dialog_get_due_at (self);
  if (draft.due_at == 0)
    {
      show_field_error (self, GTK_WIDGET (self->time_row), _("Enter the time as HH:MM, for example 17:00."));
      return;
    }

  draft.kind = kind < G_N_ELEMENTS (kinds) ? kinds[kind] : FD_FOLLOWUP_CALL_BACK;
  draft.customer_id = fd_new_followup_dialog_get_customer_id (self);
  draft.claim_id = self->claim_id;
  draft.visit_id = self->visit_id;
  draft.rrule = repeat < G_N_ELEMENTS (repeats) ? repeats[repeat].rrule : NULL;
  draft.assignee_id = assignee > 0 && assignee != GTK_INVALID_LIST_POSITION && assignee - 1 < self->staff_ids->len
                        ? g_array_index (self->staff_ids, gint64, assignee - 1) : 0;
  draft.note = *clean_note != '\0' ? clean_note : NULL;

  self->followup = fd_store_add_followup (self->store, &draft, &error);
  if (self->followup == NULL)
    {
      show_error (self, error);
      return;
    }

  update_actions (self);
  g_signal_emit (self, signals[ADDED], 0, self->followup);
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_discard_dialog_response_cb (FdNewFollowupDialog *self,
                               const char          *response)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

/* A typed note is not dropped without asking. */
static gboolean
fd_new_followup_dialog_close_request (GtkWindow *window)
{
  FdNewFollowupDialog *self = FD_NEW_FOLLOWUP_DIALOG (window);
  g_autofree char *note = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->note_row)));
  GtkWidget *dialog;

  if (self->close_confirmed || self->followup != NULL || *g_strstrip (note) == '\0')
    return GTK_WINDOW_CLASS (fd_new_followup_dialog_parent_class)->close_request (window);

  dialog = adw_message_dialog_new (window, _("Discard the Follow-up?"),
                                   _("The follow-up has not been added. The note you have written will be lost."));
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
fd_new_followup_dialog_dispose (GObject *object)
{
  FdNewFollowupDialog *self = (FdNewFollowupDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_NEW_FOLLOWUP_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->followup);

  G_OBJECT_CLASS (fd_new_followup_dialog_parent_class)->dispose (object);
}

static void
fd_new_followup_dialog_finalize (GObject *object)
{
  FdNewFollowupDialog *self = (FdNewFollowupDialog *)object;

  g_clear_pointer (&self->staff_ids, g_array_unref);

  G_OBJECT_CLASS (fd_new_followup_dialog_parent_class)->finalize (object);
}

static void
fd_new_followup_dialog_class_init (FdNewFollowupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fd_new_followup_dialog_dispose;
  object_class->finalize = fd_new_followup_dialog_finalize;

  window_class->close_request = fd_new_followup_dialog_close_request;

  /**
   * FdNewFollowupDialog::added:
   * @followup: the stored FdFollowup
   *
   * Emitted once the follow-up is stored, before the dialog closes.
   */
  signals[ADDED] =
    g_signal_new ("added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, FD_TYPE_FOLLOWUP);

  g_type_ensure (FD_TYPE_CUSTOMER_PICKER);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-new-followup-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, customer_picker);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, claim_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, date_button);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, date_popover);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, date_calendar);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, due_error);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, repeat_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, FdNewFollowupDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_picker_picked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_customer_picker_notify_customer_id_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_date_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "new-followup.add", NULL, add_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "new-followup.add", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "new-followup.add", NULL);
}

static void
fd_new_followup_dialog_init (FdNewFollowupDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);
  fill_choices (self);
  fd_new_followup_dialog_set_due_at (self, default_due ());
}

GtkWidget *
fd_new_followup_dialog_new (GtkWindow *parent,
                            FdStore   *store,
                            gint64     customer_id,
                            gint64     claim_id,
                            gint64     visit_id)
{
  FdNewFollowupDialog *self;
  g_autoptr(FdCustomer) prefilled = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  self = g_object_new (FD_TYPE_NEW_FOLLOWUP_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  self->claim_id = claim_id;
  self->visit_id = visit_id;
  fd_customer_picker_set_store (self->customer_picker, store);
  fill_staff (self);
  show_claim (self);

  if (customer_id > 0)
    {
      prefilled = fd_store_get_customer (store, customer_id, &error);
      if (prefilled == NULL)
        show_error (self, error);
    }

  fd_customer_picker_set_customer (self->customer_picker, prefilled);
  update_actions (self);

  if (prefilled != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->customer_picker));

  return GTK_WIDGET (self);
}

gint64
fd_new_followup_dialog_get_customer_id (FdNewFollowupDialog *self)
{
  g_return_val_if_fail (FD_IS_NEW_FOLLOWUP_DIALOG (self), 0);

  return fd_customer_picker_get_customer_id (self->customer_picker);
}

gint64
fd_new_followup_dialog_get_due_at (FdNewFollowupDialog *self)
{
  g_return_val_if_fail (FD_IS_NEW_FOLLOWUP_DIALOG (self), 0);

  return fd_date_time_get_fields (self->date_calendar, GTK_EDITABLE (self->time_row));
}

/* Minutes only: the seconds of @due_at are dropped, as the fields show none. */
void
fd_new_followup_dialog_set_due_at (FdNewFollowupDialog *self,
                                   gint64               due_at)
{
  g_return_if_fail (FD_IS_NEW_FOLLOWUP_DIALOG (self));

  if (fd_date_time_set_fields (self->date_calendar, GTK_EDITABLE (self->time_row), due_at))
    update_date_label (self);
}

FdFollowup *
fd_new_followup_dialog_get_followup (FdNewFollowupDialog *self)
{
  g_return_val_if_fail (FD_IS_NEW_FOLLOWUP_DIALOG (self), NULL);

  return self->followup;
}
