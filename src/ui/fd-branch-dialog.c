/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-branch-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-application.h"
#include "fd-branch-dialog.h"
#include "fd-error.h"

struct _FdBranchDialog
{
  AdwWindow     parent_instance;

  /* Template children */
  AdwEntryRow  *name_row;
  AdwComboRow  *country_row;
  AdwEntryRow  *address_row;
  AdwEntryRow  *phone_row;
  AdwEntryRow  *email_row;
  AdwEntryRow  *desk_row;
  GtkLabel     *general_error;
  GtkWidget    *add_button;

  /* Owned */
  FdStore      *store;
  FdBranch     *branch;
  GHashTable   *error_rows;   /* field name → AdwPreferencesRow showing its error */
};

G_DEFINE_FINAL_TYPE (FdBranchDialog, fd_branch_dialog, ADW_TYPE_WINDOW)

/* The countries Frontdesk is used in first; codes are ISO 3166 alpha-2. */
static const struct {
  const char *code;
  const char *name;
} countries[] = {
  { "NL", NC_("country", "Netherlands") },
  { "BE", NC_("country", "Belgium") },
  { "RS", NC_("country", "Serbia") },
  { "LV", NC_("country", "Latvia") },
  { "LT", NC_("country", "Lithuania") },
  { "EE", NC_("country", "Estonia") },
  { "DE", NC_("country", "Germany") },
  { "LU", NC_("country", "Luxembourg") },
  { "HR", NC_("country", "Croatia") },
  { "BA", NC_("country", "Bosnia and Herzegovina") },
  { "ME", NC_("country", "Montenegro") },
};

static GtkWidget *
field_widget (FdBranchDialog *self,
              const char     *field)
{
  if (g_strcmp0 (field, "name") == 0)
    return GTK_WIDGET (self->name_row);
  if (g_strcmp0 (field, "country") == 0)
    return GTK_WIDGET (self->country_row);
  if (g_strcmp0 (field, "address") == 0)
    return GTK_WIDGET (self->address_row);
  if (g_strcmp0 (field, "phone") == 0)
    return GTK_WIDGET (self->phone_row);
  if (g_strcmp0 (field, "email") == 0)
    return GTK_WIDGET (self->email_row);
  if (g_strcmp0 (field, "desk") == 0)
    return GTK_WIDGET (self->desk_row);
  return NULL;
}

static void
add_error_row (FdBranchDialog *self,
               const char     *field)
{
  GtkWidget *field_row = field_widget (self, field);
  GtkWidget *list = gtk_widget_get_parent (field_row);
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field_row), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  label, NULL, -1);
  gtk_list_box_insert (GTK_LIST_BOX (list), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field_row)) + 1);
  g_hash_table_insert (self->error_rows, (gpointer) field, row);
}

static void
clear_errors (FdBranchDialog *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->error_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *field = field_widget (self, key);

      gtk_widget_set_visible (value, FALSE);
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
}

static void
show_error (FdBranchDialog *self,
            const char     *field,
            const char     *message)
{
  GtkWidget *row = field != NULL ? g_hash_table_lookup (self->error_rows, field) : NULL;
  GtkWidget *widget = field_widget (self, field);

  if (row == NULL)
    {
      gtk_label_set_text (self->general_error, message);
      gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
      return;
    }

  gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), message);
  gtk_widget_set_visible (row, TRUE);
  gtk_widget_add_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_widget_grab_focus (widget);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *param)
{
  FdBranchDialog *self = FD_BRANCH_DIALOG (widget);
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdDesk) desk = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *desk_name = NULL;
  GApplication *app = g_application_get_default ();
  guint country = adw_combo_row_get_selected (self->country_row);

  if (self->store == NULL || self->branch != NULL)
    return;

  clear_errors (self);

  desk_name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->desk_row))));
  if (*desk_name == '\0')
    {
      show_error (self, "desk", _("Give the first desk a name, for example “Desk 1”."));
      return;
    }

  fd_branch_set_name (draft, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  fd_branch_set_country (draft, country < G_N_ELEMENTS (countries) ? countries[country].code : NULL);
  fd_branch_set_address (draft, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  fd_branch_set_phone (draft, gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  fd_branch_set_email (draft, gtk_editable_get_text (GTK_EDITABLE (self->email_row)));

  self->branch = fd_store_add_branch (self->store, draft, &error);
  if (self->branch == NULL)
    {
      show_error (self, fd_error_get_field (error), error->message);
      return;
    }

  /* A branch added here is the one this computer works at. */
  if (!fd_store_set_current_branch (self->store, fd_branch_get_id (self->branch), &error))
    {
      g_warning ("Could not make the new branch current: %s", error->message);
      g_clear_error (&error);
    }
  else if (FD_IS_APPLICATION (app) && fd_application_get_settings (FD_APPLICATION (app)) != NULL)
    g_settings_set_int64 (fd_application_get_settings (FD_APPLICATION (app)), "branch-id",
                          fd_branch_get_id (self->branch));

  desk = fd_store_add_desk (self->store, fd_branch_get_id (self->branch), desk_name, &error);
  if (desk == NULL)
    g_warning ("Could not add the first desk: %s", error->message);

  gtk_window_close (GTK_WINDOW (self));
}

static void
fd_branch_dialog_dispose (GObject *object)
{
  FdBranchDialog *self = (FdBranchDialog *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_BRANCH_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->branch);

  G_OBJECT_CLASS (fd_branch_dialog_parent_class)->dispose (object);
}

static void
fd_branch_dialog_finalize (GObject *object)
{
  FdBranchDialog *self = (FdBranchDialog *)object;

  g_clear_pointer (&self->error_rows, g_hash_table_unref);

  G_OBJECT_CLASS (fd_branch_dialog_parent_class)->finalize (object);
}

static void
fd_branch_dialog_class_init (FdBranchDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_branch_dialog_dispose;
  object_class->finalize = fd_branch_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-branch-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, FdBranchDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, FdBranchDialog, country_row);
  gtk_widget_class_bind_template_child (widget_class, FdBranchDialog, address_row);
  gtk_widget_class_bind_template_child (widget_class, FdBranchDialog, phone_row);
  gtk_widget_class_bind_template_child (widget_class, FdBranchDialog, email_row);
  gtk_widget_class_bind_template_child (widget_class, FdBranchDialog, desk_row);
  gtk_widget_class_bind_template_child (widget_class, FdBranchDialog, general_error);
  gtk_widget_class_bind_template_child (widget_class, FdBranchDialog, add_button);

  gtk_widget_class_install_action (widget_class, "branch.add", NULL, add_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fd_branch_dialog_init (FdBranchDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  const char * const *languages = g_get_language_names ();
  guint guess = 0;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->error_rows = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (countries); i++)
    {
      /* Translators: a country in a list, with its two-letter code, e.g. "Latvia (LV)" */
      g_autofree char *label = g_strdup_printf (_("%1$s (%2$s)"),
                                                g_dpgettext2 (GETTEXT_PACKAGE, "country", countries[i].name),
                                                countries[i].code);

      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (names));

  /* A first guess from the user's language: Latvian → Latvia, Serbian → Serbia. */
  if (languages[0] != NULL && g_str_has_prefix (languages[0], "lv"))
    guess = 3;
  else if (languages[0] != NULL && g_str_has_prefix (languages[0], "sr"))
    guess = 2;
  adw_combo_row_set_selected (self->country_row, guess);

  /* Translators: the default name of a branch's first desk */
  gtk_editable_set_text (GTK_EDITABLE (self->desk_row), _("Desk 1"));

  add_error_row (self, "name");
  add_error_row (self, "country");
  add_error_row (self, "address");
  add_error_row (self, "phone");
  add_error_row (self, "email");
  add_error_row (self, "desk");

  gtk_window_set_default_widget (GTK_WINDOW (self), self->add_button);
}

GtkWidget *
fd_branch_dialog_new (GtkWindow *parent,
                      FdStore   *store)
{
  FdBranchDialog *self;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  self = g_object_new (FD_TYPE_BRANCH_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  return GTK_WIDGET (self);
}

FdBranch *
fd_branch_dialog_get_branch (FdBranchDialog *self)
{
  g_return_val_if_fail (FD_IS_BRANCH_DIALOG (self), NULL);

  return self->branch;
}
