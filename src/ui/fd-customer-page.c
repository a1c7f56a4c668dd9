/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-customer-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-error.h"
#include "fd-customer-page.h"
#include "fd-customer-history.h"
#include "fd-customer-services.h"
#include "fd-customer-summary-view.h"
#include "fd-merge-dialog.h"

#define DUPLICATES_DELAY_MS 300
#define DUPLICATES_LIMIT    5

struct _FdCustomerPage
{
  AdwBin               parent_instance;

  /* Template children */
  GtkStack            *stack;
  GtkLabel            *title_label;
  GtkScrolledWindow   *scroller;
  AdwPreferencesGroup *duplicates_group;
  GtkListBox          *duplicates_list;
  AdwComboRow         *kind_row;
  AdwEntryRow         *given_name_row;
  AdwPreferencesRow   *given_name_error_row;
  GtkLabel            *given_name_error;
  AdwEntryRow         *family_name_row;
  AdwPreferencesRow   *family_name_error_row;
  GtkLabel            *family_name_error;
  AdwEntryRow         *birth_year_row;
  AdwPreferencesRow   *birth_year_error_row;
  GtkLabel            *birth_year_error;
  AdwComboRow         *language_row;
  AdwPreferencesRow   *language_error_row;
  GtkLabel            *language_error;
  AdwEntryRow         *email_row;
  AdwPreferencesRow   *email_error_row;
  GtkLabel            *email_error;
  AdwEntryRow         *phone_row;
  AdwPreferencesRow   *phone_error_row;
  GtkLabel            *phone_error;
  AdwComboRow         *channel_row;
  GtkTextView         *address_view;
  GtkLabel            *address_error;
  GtkTextView         *notes_view;
  GtkLabel            *notes_error;
  FdCustomerServices  *services;
  FdCustomerSummaryView *summary;
  FdCustomerHistory   *history;

  /* Owned */
  FdStore             *store;
  FdCustomer          *customer;
  GPtrArray           *duplicates;
  guint                duplicates_source;

  guint                loading : 1;
  guint                modified : 1;
  guint                folded : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_EDITING,
  PROP_MODIFIED,
  PROP_FOLDED,
  N_PROPS
};

enum {
  ARCHIVED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdCustomerPage, fd_customer_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static const FdCustomerKind kinds[] = {
  FD_CUSTOMER_KIND_PERSON,
  FD_CUSTOMER_KIND_ORGANISATION,
  FD_CUSTOMER_KIND_INTERNAL,
};

static const FdChannel channels[] = {
  FD_CHANNEL_NONE,
  FD_CHANNEL_IN_PERSON,
  FD_CHANNEL_PHONE,
  FD_CHANNEL_EMAIL,
  FD_CHANNEL_LETTER,
};

typedef struct
{
  FdCustomerPageLeaveFunc func;
  gpointer                user_data;
} LeaveData;

static void
update_actions (FdCustomerPage *self)
{
  gboolean editing = fd_customer_page_get_editing (self);
  gboolean stored = editing && fd_customer_get_id (self->customer) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.save",
                                 editing && (self->modified || fd_customer_get_id (self->customer) <= 0));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.archive", stored);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customer.merge",
                                 stored && fd_customer_get_archived_at (self->customer) == 0);
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_buffer_text (GtkTextView *view,
                 const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text ? text : "", -1);
}

static guint
language_position (const char *code)
{
  const char * const *languages = fd_languages ();

  if (is_blank (code))
    return 0;

  for (guint i = 0; languages[i] != NULL; i++)
    {
      if (g_str_equal (languages[i], code))
        return i + 1;
    }

  return 0;
}

/* Parses the year field: TRUE with 0 for an empty field, FALSE for text that is no number. */
static gboolean
parse_birth_year (const char *text,
                  int        *year)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  guint64 value = 0;

  *year = 0;

  if (*stripped == '\0')
    return TRUE;

  if (!g_ascii_string_to_unsigned (stripped, 10, 0, G_MAXINT, &value, NULL))
    return FALSE;

  *year = (int) value;

  return TRUE;
}

/* Only fields the user changed are written into the copy, so a NULL read back as "" does not
 * count as an edit. */
static void
apply_text (FdCustomer  *draft,
            const char  *original,
            const char  *text,
            void       (*setter) (FdCustomer *, const char *))
{
  if (g_strcmp0 (original ? original : "", text) != 0)
    setter (draft, text);
}

static FdCustomer *
build_draft (FdCustomerPage *self,
             gboolean       *year_ok)
{
  FdCustomer *self_customer = self->customer;
  g_autoptr(FdCustomer) draft = fd_customer_copy (self_customer);
  g_autofree char *address = dup_buffer_text (self->address_view);
  g_autofree char *notes = dup_buffer_text (self->notes_view);
  const char * const *languages = fd_languages ();
  guint kind_pos = adw_combo_row_get_selected (self->kind_row);
  guint language_pos = adw_combo_row_get_selected (self->language_row);
  guint channel_pos = adw_combo_row_get_selected (self->channel_row);
  int year = 0;

  if (kind_pos < G_N_ELEMENTS (kinds))
    fd_customer_set_kind (draft, kinds[kind_pos]);

  apply_text (draft, fd_customer_get_given_name (self_customer),
              gtk_editable_get_text (GTK_EDITABLE (self->given_name_row)),
              fd_customer_set_given_name);
  apply_text (draft, fd_customer_get_family_name (self_customer),
              gtk_editable_get_text (GTK_EDITABLE (self->family_name_row)),
              fd_customer_set_family_name);
  apply_text (draft, fd_customer_get_email (self_customer),
              gtk_editable_get_text (GTK_EDITABLE (self->email_row)),
              fd_customer_set_email);
  apply_text (draft, fd_customer_get_phone (self_customer),
              gtk_editable_get_text (GTK_EDITABLE (self->phone_row)),
              fd_customer_set_phone);
  apply_text (draft, fd_customer_get_address (self_customer), address, fd_customer_set_address);
  apply_text (draft, fd_customer_get_notes (self_customer), notes, fd_customer_set_notes);

  if (language_pos != language_position (fd_customer_get_language (self_customer)))
    {
      if (language_pos == 0 || language_pos == GTK_INVALID_LIST_POSITION)
        fd_customer_set_language (draft, NULL);
      else
        fd_customer_set_language (draft, languages[language_pos - 1]);
    }

  if (channel_pos < G_N_ELEMENTS (channels))
    fd_customer_set_channel (draft, channels[channel_pos]);

  *year_ok = parse_birth_year (gtk_editable_get_text (GTK_EDITABLE (self->birth_year_row)), &year);
  if (*year_ok)
    fd_customer_set_birth_year (draft, year);

  return g_steal_pointer (&draft);
}

static gboolean
find_field (FdCustomerPage  *self,
            const char      *field,
            GtkWidget      **row,
            GtkWidget      **error_row,
            GtkLabel       **label)
{
  struct {
    const char *field;
    GtkWidget  *row;
    GtkWidget  *error_row;
    GtkLabel   *label;
  } fields[] = {
    { "given_name", GTK_WIDGET (self->given_name_row), GTK_WIDGET (self->given_name_error_row), self->given_name_error },
    { "family_name", GTK_WIDGET (self->family_name_row), GTK_WIDGET (self->family_name_error_row), self->family_name_error },
    { "birth_year", GTK_WIDGET (self->birth_year_row), GTK_WIDGET (self->birth_year_error_row), self->birth_year_error },
    { "language", GTK_WIDGET (self->language_row), GTK_WIDGET (self->language_error_row), self->language_error },
    { "email", GTK_WIDGET (self->email_row), GTK_WIDGET (self->email_error_row), self->email_error },
    { "phone", GTK_WIDGET (self->phone_row), GTK_WIDGET (self->phone_error_row), self->phone_error },
    { "address", GTK_WIDGET (self->address_view), GTK_WIDGET (self->address_error), self->address_error },
    { "notes", GTK_WIDGET (self->notes_view), GTK_WIDGET (self->notes_error), self->notes_error },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (field == NULL || g_str_equal (fields[i].field, field))
        {
          *row = fields[i].row;
          *error_row = fields[i].error_row;
          *label = fields[i].label;
          return TRUE;
        }
    }

  return FALSE;
}

static void
clear_errors (FdCustomerPage *self)
{
  const char *names[] = { "given_name", "family_name", "birth_year", "language",
                          "email", "phone", "address", "notes" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *row, *error_row;
      GtkLabel *label;

      find_field (self, names[i], &row, &error_row, &label);
      gtk_widget_remove_css_class (row, "error");
      gtk_widget_set_visible (error_row, FALSE);
      gtk_label_set_text (label, "");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

static void
show_toast (FdCustomerPage *self,
            AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

static void
show_error_toast (FdCustomerPage *self,
                  const char     *message)
{
  show_toast (self, adw_toast_new (message));
}

/* Puts @message beside the field it is about; FALSE when the page has no such field. */
static gboolean
show_field_error (FdCustomerPage *self,
                  const char     *field,
                  const char     *message)
{
  GtkWidget *row, *error_row;
  GtkLabel *label;

  if (field == NULL || !find_field (self, field, &row, &error_row, &label))
    return FALSE;

  gtk_label_set_text (label, message);
  gtk_widget_set_visible (error_row, TRUE);
  gtk_widget_add_css_class (row, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_widget_grab_focus (row);

  return TRUE;
}

static void
set_modified (FdCustomerPage *self,
              gboolean        modified)
{
  modified = !!modified;

  if (self->modified == modified)
    return;

  self->modified = modified;
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
update_title (FdCustomerPage *self)
{
  g_autofree char *name = NULL;

  if (self->customer != NULL && fd_customer_get_id (self->customer) > 0)
    name = fd_customer_dup_display_name (self->customer);

  if (is_blank (name))
    gtk_label_set_text (self->title_label, _("New Customer"));
  else
    gtk_label_set_text (self->title_label, name);
}

static void
update_modified (FdCustomerPage *self)
{
  g_autoptr(FdCustomer) draft = NULL;
  gboolean year_ok;

  if (self->customer == NULL)
    {
      set_modified (self, FALSE);
      return;
    }

  draft = build_draft (self, &year_ok);
  set_modified (self, !year_ok || !fd_customer_equal_content (draft, self->customer));
}

/* Rows only: the placeholder is a child too, and stays. */
static void
clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static char *
dup_contact_line (FdCustomer *customer)
{
  const char *email = fd_customer_get_email (customer);
  const char *phone = fd_customer_get_phone (customer);

  if (!is_blank (email) && !is_blank (phone))
    /* Translators: a customer's e-mail address and phone number on one line */
    return g_strdup_printf (C_("contact line", "%1$s · %2$s"), email, phone);
  if (!is_blank (email))
    return g_strdup (email);
  if (!is_blank (phone))
    return g_strdup (phone);

  return NULL;
}

static void
show_duplicates (FdCustomerPage *self,
                 GPtrArray      *duplicates)
{
  clear_list_box (self->duplicates_list);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);

  if (duplicates == NULL || duplicates->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), FALSE);
      return;
    }

  self->duplicates = g_ptr_array_ref (duplicates);

  for (guint i = 0; i < duplicates->len; i++)
    {
      FdCustomer *customer = g_ptr_array_index (duplicates, i);
      g_autofree char *name = fd_customer_dup_display_name (customer);
      g_autofree char *contact = dup_contact_line (customer);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
      if (contact != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), contact);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_widget_set_tooltip_text (row, _("Open this customer instead"));
      gtk_list_box_append (self->duplicates_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_group), TRUE);
}

static gboolean
find_duplicates_cb (gpointer user_data)
{
  FdCustomerPage *self = user_data;
  g_autoptr(FdCustomer) draft = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  gboolean year_ok;

  self->duplicates_source = 0;

  if (self->customer == NULL || self->store == NULL || fd_customer_get_id (self->customer) > 0)
    return G_SOURCE_REMOVE;

  draft = build_draft (self, &year_ok);
  found = fd_store_find_duplicates (self->store, draft, DUPLICATES_LIMIT, &error);

  if (error != NULL)
    g_debug ("Could not look for duplicates: %s", error->message);

  show_duplicates (self, found);

  return G_SOURCE_REMOVE;
}

static void
fill_fields (FdCustomerPage *self)
{
  FdCustomer *customer = self->customer;
  int year = fd_customer_get_birth_year (customer);
  g_autofree char *year_text = year > 0 ? g_strdup_printf ("%d", year) : g_strdup ("");
  guint kind_pos = 0;
  guint channel_pos = 0;

  self->loading = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i] == fd_customer_get_kind (customer))
      kind_pos = i;
  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    if (channels[i] == fd_customer_get_channel (customer))
      channel_pos = i;

  adw_combo_row_set_selected (self->kind_row, kind_pos);
  gtk_editable_set_text (GTK_EDITABLE (self->given_name_row),
                         fd_customer_get_given_name (customer) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->family_name_row),
                         fd_customer_get_family_name (customer) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->birth_year_row), year_text);
  adw_combo_row_set_selected (self->language_row,
                              language_position (fd_customer_get_language (customer)));
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), fd_customer_get_email (customer) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), fd_customer_get_phone (customer) ?: "");
  adw_combo_row_set_selected (self->channel_row, channel_pos);
  set_buffer_text (self->address_view, fd_customer_get_address (customer));
  set_buffer_text (self->notes_view, fd_customer_get_notes (customer));

  self->loading = FALSE;
}

static void
fill_combo (AdwComboRow *row,
            GtkStringList *labels)
{
  adw_combo_row_set_model (row, G_LIST_MODEL (labels));
}

static void
leave_data_free (gpointer  data,
                 GClosure *closure)
{
  g_free (data);
}

static void
finish_leave (FdCustomerPage *self,
              LeaveData      *data,
              gboolean        proceed)
{
  data->func (self, proceed, data->user_data);
}

static void
on_leave_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             gpointer          user_data)
{
  LeaveData *data = user_data;
  g_autoptr(FdCustomerPage) self = g_object_ref (g_object_get_data (G_OBJECT (dialog), "page"));

  if (g_str_equal (response, "save"))
    finish_leave (self, data, fd_customer_page_save (self));
  else if (g_str_equal (response, "discard"))
    {
      set_modified (self, FALSE);
      finish_leave (self, data, TRUE);
    }
  else
    finish_leave (self, data, FALSE);
}

static void
on_field_changed_cb (FdCustomerPage *self)
{
  if (self->loading || self->customer == NULL)
    return;

  update_modified (self);
}

static void
on_identity_changed_cb (FdCustomerPage *self)
{
  if (self->loading || self->customer == NULL)
    return;

  update_modified (self);

  /* Only a record being created can turn out to be a duplicate. */
  if (fd_customer_get_id (self->customer) > 0 || self->store == NULL)
    return;

  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  self->duplicates_source = g_timeout_add (DUPLICATES_DELAY_MS, find_duplicates_cb, self);
}

static void
on_open_duplicate_cb (FdCustomerPage *self,
                      gboolean        proceed,
                      gpointer        user_data)
{
  g_autoptr(FdCustomer) customer = user_data;

  if (proceed)
    fd_customer_page_load (self, customer);
}

static void
on_duplicates_list_row_activated_cb (FdCustomerPage *self,
                                     GtkListBoxRow  *row)
{
  int index = gtk_list_box_row_get_index (row);
  g_autoptr(FdCustomer) fresh = NULL;
  g_autoptr(GError) error = NULL;
  FdCustomer *customer;

  if (self->duplicates == NULL || index < 0 || (guint) index >= self->duplicates->len)
    return;

  customer = g_ptr_array_index (self->duplicates, index);
  fresh = fd_store_get_customer (self->store, fd_customer_get_id (customer), &error);
  if (fresh == NULL)
    {
      show_error_toast (self, error->message);
      return;
    }

  fd_customer_page_confirm_leave (self, on_open_duplicate_cb, g_steal_pointer (&fresh));
}

static void
on_buffer_changed_cb (GtkTextBuffer  *buffer,
                      FdCustomerPage *self)
{
  on_field_changed_cb (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  fd_customer_page_save (FD_CUSTOMER_PAGE (widget));
}

static void
archive_after_leave_cb (FdCustomerPage *self,
                        gboolean        proceed,
                        gpointer        user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  AdwToast *toast;
  gint64 id;

  if (!proceed || self->customer == NULL)
    return;

  id = fd_customer_get_id (self->customer);
  if (id <= 0)
    return;

  if (!fd_store_archive_customer (self->store, id, &error))
    {
      show_error_toast (self, error->message);
      return;
    }

  name = fd_customer_dup_display_name (self->customer);

  toast = adw_toast_new (_("Customer archived"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.restore-customer");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  show_toast (self, toast);

  fd_customer_page_clear (self);
  g_signal_emit (self, signals[ARCHIVED], 0, id);
}

static void
on_merge_dialog_merged_cb (FdMergeDialog  *dialog,
                           gint64          merge_id,
                           FdCustomerPage *self)
{
  g_autoptr(FdCustomer) merged = NULL;
  g_autoptr(GError) error = NULL;
  gint64 survivor_id;

  if (self->customer == NULL)
    return;

  survivor_id = fd_customer_get_id (self->customer);
  if ((merged = fd_store_get_customer (self->store, survivor_id, &error)) != NULL)
    fd_customer_page_load (self, merged);
  /* The window keeps the merge, so it can be undone until the window closes. */
  gtk_widget_activate_action (GTK_WIDGET (self), "win.customers-merged", "(xx)", merge_id, survivor_id);
}

static void
merge_after_leave_cb (FdCustomerPage *self,
                      gboolean        proceed,
                      gpointer        user_data)
{
  FdMergeDialog *dialog;
  GtkRoot *root;

  if (!proceed || self->customer == NULL || fd_customer_get_id (self->customer) <= 0)
    return;

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = fd_merge_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->customer);
  g_signal_connect_object (dialog, "merged", G_CALLBACK (on_merge_dialog_merged_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  fd_customer_page_confirm_leave (FD_CUSTOMER_PAGE (widget), merge_after_leave_cb, NULL);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  fd_customer_page_confirm_leave (FD_CUSTOMER_PAGE (widget), archive_after_leave_cb, NULL);
}

static void
fd_customer_page_dispose (GObject *object)
{
  FdCustomerPage *self = (FdCustomerPage *)object;

  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  /* The bin's child is also a template child: detach it first so AdwBin does not
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CUSTOMER_PAGE);
  g_clear_pointer (&self->duplicates, g_ptr_array_unref);
  g_clear_object (&self->customer);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_customer_page_parent_class)->dispose (object);
}

static void
fd_customer_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdCustomerPage *self = FD_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_EDITING:
      g_value_set_boolean (value, fd_customer_page_get_editing (self));
      break;

    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FdCustomerPage *self = FD_CUSTOMER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_customer_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_FOLDED:
      if (self->folded != !!g_value_get_boolean (value))
        {
          self->folded = !!g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_page_class_init (FdCustomerPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_customer_page_dispose;
  object_class->get_property = fd_customer_page_get_property;
  object_class->set_property = fd_customer_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdCustomerPage::archived:
   * @id: the archived customer's id
   *
   * Emitted after the shown customer was archived and the page cleared.
   */
  signals[ARCHIVED] =
    g_signal_new ("archived",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (FD_TYPE_CUSTOMER_HISTORY);
  g_type_ensure (FD_TYPE_CUSTOMER_SERVICES);
  g_type_ensure (FD_TYPE_CUSTOMER_SUMMARY_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-customer-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, duplicates_group);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, duplicates_list);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, given_name_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, given_name_error_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, given_name_error);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, family_name_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, family_name_error_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, family_name_error);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, birth_year_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, birth_year_error_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, birth_year_error);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, language_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, language_error_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, language_error);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, email_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, email_error_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, email_error);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, phone_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, phone_error_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, phone_error);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, address_view);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, address_error);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, notes_view);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, notes_error);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, services);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, summary);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPage, history);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_identity_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_duplicates_list_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "customer.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "customer.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "customer.merge", NULL, merge_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "customer.save", NULL);
}

static void
fd_customer_page_init (FdCustomerPage *self)
{
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) language_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) channel_labels = gtk_string_list_new (NULL);
  const char * const *languages = fd_languages ();

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, fd_customer_kind_to_label (kinds[i]));

  /* Translators: preferred language of a customer who has not said */
  gtk_string_list_append (language_labels, fd_language_to_label (NULL));
  for (guint i = 0; languages[i] != NULL; i++)
    gtk_string_list_append (language_labels, fd_language_to_label (languages[i]));

  for (guint i = 0; i < G_N_ELEMENTS (channels); i++)
    gtk_string_list_append (channel_labels, fd_channel_to_label (channels[i]));

  fill_combo (self->kind_row, kind_labels);
  fill_combo (self->language_row, language_labels);
  fill_combo (self->channel_row, channel_labels);

  g_signal_connect_object (gtk_text_view_get_buffer (self->address_view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (self->notes_view), "changed",
                           G_CALLBACK (on_buffer_changed_cb), self, 0);

  update_actions (self);
}

FdStore *
fd_customer_page_get_store (FdCustomerPage *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_PAGE (self), NULL);

  return self->store;
}

void
fd_customer_page_set_store (FdCustomerPage *self,
                            FdStore        *store)
{
  g_return_if_fail (FD_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (!store || FD_IS_STORE (store));

  if (self->store == store)
    return;

  fd_customer_page_clear (self);
  g_set_object (&self->store, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * fd_customer_page_get_customer:
 *
 * Returns: (transfer none) (nullable): the stored snapshot being edited; for a new
 *   customer an empty one with id 0, and %NULL when nothing is open.
 */
FdCustomer *
fd_customer_page_get_customer (FdCustomerPage *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_PAGE (self), NULL);

  return self->customer;
}

/* Shows @customer (or a blank new customer when %NULL) without asking: callers first
 * use fd_customer_page_confirm_leave(). */
void
fd_customer_page_load (FdCustomerPage *self,
                       FdCustomer     *customer)
{
  gboolean was_editing;

  g_return_if_fail (FD_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (!customer || FD_IS_CUSTOMER (customer));

  was_editing = fd_customer_page_get_editing (self);

  g_clear_handle_id (&self->duplicates_source, g_source_remove);
  g_clear_object (&self->customer);
  self->customer = customer ? g_object_ref (customer) : fd_customer_new ();

  clear_errors (self);
  show_duplicates (self, NULL);
  fill_fields (self);
  fd_customer_summary_view_set_customer_id (self->summary, MAX (fd_customer_get_id (self->customer), 0));
  fd_customer_summary_view_reload (self->summary);
  fd_customer_history_set_customer_id (self->history, MAX (fd_customer_get_id (self->customer), 0));
  fd_customer_history_reload (self->history);
  fd_customer_services_set_customer_id (self->services, fd_customer_get_id (self->customer));
  update_title (self);
  set_modified (self, FALSE);

  gtk_stack_set_visible_child_name (self->stack, "editor");
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);

  if (!was_editing)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);

  update_actions (self);

  if (fd_customer_get_id (self->customer) <= 0)
    gtk_widget_grab_focus (GTK_WIDGET (self->given_name_row));
}

void
fd_customer_page_clear (FdCustomerPage *self)
{
  g_return_if_fail (FD_IS_CUSTOMER_PAGE (self));

  g_clear_handle_id (&self->duplicates_source, g_source_remove);

  if (self->customer == NULL)
    return;

  g_clear_object (&self->customer);
  show_duplicates (self, NULL);
  fd_customer_summary_view_set_customer_id (self->summary, 0);
  fd_customer_history_set_customer_id (self->history, 0);
  fd_customer_services_set_customer_id (self->services, 0);
  set_modified (self, FALSE);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
  update_actions (self);
}

gboolean
fd_customer_page_get_editing (FdCustomerPage *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_PAGE (self), FALSE);

  return self->customer != NULL;
}

gboolean
fd_customer_page_get_modified (FdCustomerPage *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_PAGE (self), FALSE);

  return self->modified;
}

/* Validates and writes the form. On an invalid value the message goes beside its field and
 * nothing is written. Returns TRUE when the record was saved. */
gboolean
fd_customer_page_save (FdCustomerPage *self)
{
  g_autoptr(FdCustomer) draft = NULL;
  g_autoptr(FdCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gboolean year_ok;

  g_return_val_if_fail (FD_IS_CUSTOMER_PAGE (self), FALSE);

  if (self->customer == NULL || self->store == NULL)
    return FALSE;

  clear_errors (self);

  draft = build_draft (self, &year_ok);
  if (!year_ok)
    {
      show_field_error (self, "birth_year", _("Enter the year of birth as a number, for example 1984."));
      return FALSE;
    }

  if (fd_customer_get_id (self->customer) > 0)
    saved = fd_store_update_customer (self->store, draft, &error);
  else
    saved = fd_store_add_customer (self->store, draft, &error);

  if (saved == NULL)
    {
      if (!g_error_matches (error, FD_ERROR, FD_ERROR_INVALID) ||
          !show_field_error (self, fd_error_get_field (error), error->message))
        show_error_toast (self, error->message);
      return FALSE;
    }

  name = fd_customer_dup_display_name (saved);
  fd_customer_page_load (self, saved);

  /* Translators: %s is the customer's name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  show_toast (self, adw_toast_new (message));

  return TRUE;
}

/* Runs @func once it is safe to replace what the page shows: at once when nothing is
 * unsaved, else after asking Save / Discard / Cancel. */
void
fd_customer_page_confirm_leave (FdCustomerPage          *self,
                                FdCustomerPageLeaveFunc  func,
                                gpointer                 user_data)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  LeaveData *data;
  GtkWidget *dialog;
  GtkRoot *root;

  g_return_if_fail (FD_IS_CUSTOMER_PAGE (self));
  g_return_if_fail (func != NULL);

  if (self->customer != NULL)
    update_modified (self);

  if (self->customer == NULL || !self->modified)
    {
      func (self, TRUE, user_data);
      return;
    }

  name = fd_customer_get_id (self->customer) > 0 ? fd_customer_dup_display_name (self->customer) : NULL;
  if (is_blank (name))
    body = g_strdup (_("The new customer has not been saved. Unsaved changes will be lost if you discard them."));
  else
    /* Translators: %s is the customer's name */
    body = g_strdup_printf (_("“%s” has unsaved changes. They will be lost if you discard them."), name);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (LeaveData, 1);
  data->func = func;
  data->user_data = user_data;

  g_object_set_data_full (G_OBJECT (dialog), "page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_leave_dialog_response_cb),
                         data, leave_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
