/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-merge-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-customer-picker.h"
#include "fd-error.h"
#include "fd-merge-dialog.h"

/* The fields a merge chooses between, as FdCustomer property names. */
typedef struct
{
  const char *property;
  const char *label;
} MergeField;

static const MergeField merge_fields[] = {
  { "kind", N_("Kind") },
  { "given-name", N_("Given Name") },
  { "family-name", N_("Family Name") },
  { "birth-year", N_("Year of Birth") },
  { "language", N_("Preferred Language") },
  { "email", N_("E-mail") },
  { "phone", N_("Phone") },
  { "channel", N_("Preferred Channel") },
  { "address", N_("Address") },
  { "notes", N_("Notes") },
};

struct _FdMergeDialog
{
  AdwWindow            parent_instance;

  /* Template children */
  AdwWindowTitle      *window_title;
  FdCustomerPicker    *picker;
  AdwPreferencesGroup *duplicate_group;
  AdwPreferencesGroup *fields_group;
  GtkListBox          *fields_list;
  GtkLabel            *same_label;
  GtkLabel            *error_label;

  /* Owned */
  FdStore             *store;
  FdCustomer          *survivor;
  FdCustomer          *duplicate;
  GPtrArray           *take_buttons;   /* per differing field: the duplicate's toggle */
  GPtrArray           *take_fields;    /* the matching property names (static strings) */
};

enum {
  MERGED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdMergeDialog, fd_merge_dialog, ADW_TYPE_WINDOW)

static guint signals[N_SIGNALS];

static void
update_actions (FdMergeDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "merge.merge", self->duplicate != NULL);
}

/* A field's value in words, for the choice. */
static char *
describe_value (FdCustomer *customer,
                const char *property)
{
  if (g_str_equal (property, "kind"))
    return g_strdup (fd_customer_kind_to_label (fd_customer_get_kind (customer)));
  if (g_str_equal (property, "channel"))
    return fd_customer_get_channel (customer) != FD_CHANNEL_NONE
      ? g_strdup (fd_channel_to_label (fd_customer_get_channel (customer))) : NULL;
  if (g_str_equal (property, "language"))
    return fd_customer_get_language (customer)
      ? g_strdup (fd_language_to_label (fd_customer_get_language (customer))) : NULL;
  if (g_str_equal (property, "birth-year"))
    return fd_customer_get_birth_year (customer) != 0
      ? g_strdup_printf ("%d", fd_customer_get_birth_year (customer)) : NULL;
  {
    g_autofree char *text = NULL;

    g_object_get (customer, property, &text, NULL);
    if (text == NULL || *text == '\0')
      return NULL;
    /* One line: an address keeps its lines apart with commas. */
    return g_strdelimit (g_steal_pointer (&text), "\n", ',');
  }
}

static gboolean
values_differ (FdCustomer *a,
               FdCustomer *b,
               const char *property)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (a), property);
  g_auto(GValue) x = G_VALUE_INIT;
  g_auto(GValue) y = G_VALUE_INIT;

  g_value_init (&x, pspec->value_type);
  g_value_init (&y, pspec->value_type);
  g_object_get_property (G_OBJECT (a), property, &x);
  g_object_get_property (G_OBJECT (b), property, &y);
  return g_param_values_cmp (pspec, &x, &y) != 0;
}

static GtkWidget *
create_choice (const char *value,
               const char *whose)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *label = gtk_label_new (value ? value : C_("field value", "Empty"));

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
  if (value == NULL)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_button_set_child (GTK_BUTTON (button), label);
  {
    /* Translators: tooltip of a value to keep: %1$s is whose (“This record”), %2$s the value */
    g_autofree char *tooltip = g_strdup_printf (_("%1$s: %2$s"), whose, value ? value : C_("field value", "Empty"));

    gtk_widget_set_tooltip_text (button, tooltip);
    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  }
  return button;
}

static void
clear_fields (FdMergeDialog *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->fields_list))) != NULL)
    gtk_list_box_remove (self->fields_list, child);
  g_ptr_array_set_size (self->take_buttons, 0);
  g_ptr_array_set_size (self->take_fields, 0);
}

/* One row per differing field: this record's value or the duplicate's. */
static void
fill_fields (FdMergeDialog *self)
{
  clear_fields (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (self->duplicate == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->fields_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->same_label), FALSE);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (merge_fields); i++)
    {
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;
      GtkWidget *row, *box, *keep, *take;

      if (!values_differ (self->survivor, self->duplicate, merge_fields[i].property))
        continue;

      ours = describe_value (self->survivor, merge_fields[i].property);
      theirs = describe_value (self->duplicate, merge_fields[i].property);
      row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(merge_fields[i].label));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      keep = create_choice (ours, _("This record"));
      take = create_choice (theirs, _("Duplicate"));
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (take), GTK_TOGGLE_BUTTON (keep));
      /* An empty value gives way to the duplicate's; otherwise this record's stays. */
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (ours == NULL ? take : keep), TRUE);
      gtk_box_append (GTK_BOX (box), keep);
      gtk_box_append (GTK_BOX (box), take);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      gtk_list_box_append (self->fields_list, row);

      g_ptr_array_add (self->take_buttons, take);
      g_ptr_array_add (self->take_fields, (gpointer) merge_fields[i].property);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->fields_group), self->take_buttons->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->same_label), self->take_buttons->len == 0);
}

static void
on_picker_notify_customer_id_cb (FdMergeDialog *self)
{
  FdCustomer *picked = fd_customer_picker_get_customer (self->picker);

  fd_customer_picker_clear_error (self->picker);
  g_clear_object (&self->duplicate);
  if (picked != NULL && fd_customer_get_id (picked) == fd_customer_get_id (self->survivor))
    fd_customer_picker_show_error (self->picker, _("A customer cannot be merged with itself."));
  else if (picked != NULL)
    self->duplicate = g_object_ref (picked);
  fill_fields (self);
  update_actions (self);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  FdMergeDialog *self = FD_MERGE_DIALOG (widget);
  g_autoptr(FdCustomer) fields = NULL;
  g_autoptr(GError) error = NULL;
  gint64 merge_id = 0;

  if (self->duplicate == NULL)
    return;

  fields = fd_customer_copy (self->survivor);
  for (guint i = 0; i < self->take_buttons->len; i++)
    if (gtk_toggle_button_get_active (self->take_buttons->pdata[i]))
      {
        const char *property = self->take_fields->pdata[i];
        GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (fields), property);
        g_auto(GValue) value = G_VALUE_INIT;

        g_value_init (&value, pspec->value_type);
        g_object_get_property (G_OBJECT (self->duplicate), property, &value);
        g_object_set_property (G_OBJECT (fields), property, &value);
      }

  if (!fd_store_merge_customers (self->store, fd_customer_get_id (self->survivor),
                                 fd_customer_get_id (self->duplicate), fields, &merge_id, &error))
    {
      if (g_strcmp0 (fd_error_get_field (error), "duplicate") == 0)
        fd_customer_picker_show_error (self->picker, error->message);
      else
        {
          gtk_label_set_label (self->error_label, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
        }
      return;
    }

  g_signal_emit (self, signals[MERGED], 0, merge_id);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
fd_merge_dialog_dispose (GObject *object)
{
  FdMergeDialog *self = FD_MERGE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_MERGE_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->survivor);
  g_clear_object (&self->duplicate);

  G_OBJECT_CLASS (fd_merge_dialog_parent_class)->dispose (object);
}

static void
fd_merge_dialog_finalize (GObject *object)
{
  FdMergeDialog *self = FD_MERGE_DIALOG (object);

  g_clear_pointer (&self->take_buttons, g_ptr_array_unref);
  g_clear_pointer (&self->take_fields, g_ptr_array_unref);

  G_OBJECT_CLASS (fd_merge_dialog_parent_class)->finalize (object);
}

static void
fd_merge_dialog_class_init (FdMergeDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_merge_dialog_dispose;
  object_class->finalize = fd_merge_dialog_finalize;

  /**
   * FdMergeDialog::merged:
   * @merge_id: the merge, for fd_store_undo_merge()
   */
  signals[MERGED] =
    g_signal_new ("merged",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (FD_TYPE_CUSTOMER_PICKER);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/frontdesk/Frontdesk/ui/fd-merge-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdMergeDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, FdMergeDialog, picker);
  gtk_widget_class_bind_template_child (widget_class, FdMergeDialog, duplicate_group);
  gtk_widget_class_bind_template_child (widget_class, FdMergeDialog, fields_group);
  gtk_widget_class_bind_template_child (widget_class, FdMergeDialog, fields_list);
  gtk_widget_class_bind_template_child (widget_class, FdMergeDialog, same_label);
  gtk_widget_class_bind_template_child (widget_class, FdMergeDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_picker_notify_customer_id_cb);

  gtk_widget_class_install_action (widget_class, "merge.merge", NULL, merge_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "merge.merge", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "merge.merge", NULL);
}

static void
fd_merge_dialog_init (FdMergeDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->take_buttons = g_ptr_array_new ();
  self->take_fields = g_ptr_array_new ();
  update_actions (self);
}

FdMergeDialog *
fd_merge_dialog_new (GtkWindow  *parent,
                     FdStore    *store,
                     FdCustomer *survivor)
{
  FdMergeDialog *self;
  g_autofree char *name = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (FD_IS_CUSTOMER (survivor), NULL);

  self = g_object_new (FD_TYPE_MERGE_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->survivor = g_object_ref (survivor);
  fd_customer_picker_set_store (self->picker, store);

  name = fd_customer_dup_display_name (survivor);
  adw_window_title_set_subtitle (self->window_title, name);
  /* Translators: %s is the name of the customer that stays */
  description = g_strdup_printf (_("Find the duplicate record. Its visits, claims, follow-ups, services "
                                   "and changes move to %s, and it is archived. The merge can be undone "
                                   "until the main window is closed."), name);
  adw_preferences_group_set_description (self->duplicate_group, description);
  return self;
}
