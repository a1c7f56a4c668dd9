/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-application.h"
#include "fd-claims-preferences.h"
#include "fd-error.h"
#include "fd-preferences-window.h"

struct _FdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  AdwActionRow         *path_row;
  AdwActionRow         *count_row;
  AdwPreferencesGroup  *window_group;
  GtkSwitch            *maximized_switch;
  AdwPreferencesGroup  *background_group;
  GtkSwitch            *background_switch;
  AdwPreferencesPage   *branch_page;
  AdwPreferencesGroup  *hours_group;
  AdwEntryRow          *name_row;
  AdwEntryRow          *address_row;
  AdwEntryRow          *phone_row;
  AdwEntryRow          *email_row;
  GtkListBox           *desks_list;
  AdwEntryRow          *new_desk_row;
  GtkListBox           *staff_list;
  AdwEntryRow          *new_staff_row;
  AdwComboRow          *staff_role_row;
  GtkListBox           *purposes_list;
  AdwEntryRow          *new_purpose_code_row;
  AdwEntryRow          *new_purpose_label_row;
  GtkListBox           *questions_list;
  AdwEntryRow          *new_question_row;
  FdClaimsPreferences  *claims_page;

  /* Not owned: children of hours_group, for weekdays 1 … 7 at [0] … [6] */
  GtkSwitch            *open_switches[7];
  GtkEntry             *opens_entries[7];
  GtkEntry             *closes_entries[7];
  GtkWidget            *hours_error_row;

  /* Owned */
  FdStore              *store;
  FdBranch             *branch;
  GPtrArray            *questions;     /* the questionnaire being edited, saved on demand */
  GHashTable           *error_rows;    /* field key → row showing its error, after the field */
};

G_DEFINE_FINAL_TYPE (FdPreferencesWindow, fd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Weekdays 1 (Monday) … 7 (Sunday), as fd_branch_get_hours() numbers them. */
static const char * const weekday_names[] = {
  N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"),
  N_("Friday"), N_("Saturday"), N_("Sunday"),
};

/* Role codes of fd_store_add_staff(), in the order of the role row's model. */
static const struct {
  const char *code;
  const char *label;
} staff_roles[] = {
  { "receptionist", NC_("staff role", "Receptionist") },
  { "branch_staff", NC_("staff role", "Branch staff") },
  { "manager", NC_("staff role", "Manager") },
};

static void
add_toast (FdPreferencesWindow *self,
           const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static gint64
branch_id (FdPreferencesWindow *self)
{
  return self->branch != NULL ? fd_branch_get_id (self->branch) : 0;
}

static void
update_actions (FdPreferencesWindow *self)
{
  gboolean branch = self->store != NULL && self->branch != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "branch.save", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "branch.add-desk", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "branch.add-staff", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "branch.add-purpose", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "branch.add-question", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "branch.move-question-up", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "branch.move-question-down", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "branch.remove-question", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "branch.save-questions", branch);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Errors beside their field */

static GtkWidget *
new_error_row (GtkWidget *field)
{
  GtkWidget *row = adw_preferences_row_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_visible (row, FALSE);
  g_object_set_data (G_OBJECT (row), "fd-field", field);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  label, NULL, -1);

  return row;
}

/* Puts an error row right after @field, a row of a list box. */
static void
add_error_row (FdPreferencesWindow *self,
               const char          *key,
               GtkWidget           *field)
{
  GtkWidget *row = new_error_row (field);

  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (field)), row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (field)) + 1);
  g_hash_table_insert (self->error_rows, (gpointer) key, row);
}

static void
clear_errors (FdPreferencesWindow *self,
              const char * const  *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    {
      GtkWidget *row = g_hash_table_lookup (self->error_rows, keys[i]);
      GtkWidget *field = g_object_get_data (G_OBJECT (row), "fd-field");

      gtk_widget_set_visible (row, FALSE);
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Shows @message beside the field @key; one the page has no field for becomes a toast. */
static void
show_error (FdPreferencesWindow *self,
            const char          *key,
            const char          *message)
{
  GtkWidget *row = key != NULL ? g_hash_table_lookup (self->error_rows, key) : NULL;
  GtkWidget *field;

  if (row == NULL)
    {
      add_toast (self, message);
      return;
    }

  field = g_object_get_data (G_OBJECT (row), "fd-field");
  gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), message);
  gtk_widget_set_visible (row, TRUE);
  gtk_widget_add_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                               GTK_ACCESSIBLE_INVALID_TRUE, -1);
  gtk_widget_grab_focus (field);
}

/* Opening hours */

static char *
format_time (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

/* HH:MM or H:MM, 00:00 … 24:00, as minutes after midnight. */
static gboolean
parse_time (const char *text,
            int        *minutes)
{
  guint64 hours, mins;
  char *end = NULL;

  text = text != NULL ? text : "";
  while (g_ascii_isspace (*text))
    text++;
  if (!g_ascii_isdigit (*text))
    return FALSE;
  hours = g_ascii_strtoull (text, &end, 10);
  if (*end != ':' && *end != '.')
    return FALSE;
  text = end + 1;
  if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]))
    return FALSE;
  mins = g_ascii_strtoull (text, &end, 10);
  while (g_ascii_isspace (*end))
    end++;
  if (*end != '\0' || mins > 59 || hours > 24 || (hours == 24 && mins > 0))
    return FALSE;

  *minutes = (int) (hours * 60 + mins);
  return TRUE;
}

static void
on_open_switch_active_changed_cb (GtkSwitch  *open_switch,
                                  GParamSpec *pspec,
                                  gpointer    user_data)
{
  FdPreferencesWindow *self = user_data;

  for (int d = 0; d < 7; d++)
    if (self->open_switches[d] == open_switch)
      {
        gboolean open = gtk_switch_get_active (open_switch);

        gtk_widget_set_sensitive (GTK_WIDGET (self->opens_entries[d]), open);
        gtk_widget_set_sensitive (GTK_WIDGET (self->closes_entries[d]), open);
      }
}

static GtkEntry *
new_time_entry (const char *accessible_label,
                const char *tooltip,
                const char *name)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), 5);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), 5);
  gtk_entry_set_max_length (GTK_ENTRY (entry), 5);
  gtk_entry_set_input_purpose (GTK_ENTRY (entry), GTK_INPUT_PURPOSE_DIGITS);
  gtk_entry_set_alignment (GTK_ENTRY (entry), 0.5);
  gtk_widget_set_valign (entry, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (entry, tooltip);
  gtk_widget_set_name (entry, name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible_label, -1);

  return GTK_ENTRY (entry);
}

static void
build_hours (FdPreferencesWindow *self)
{
  GtkWidget *first_row = NULL;

  for (int d = 0; d < 7; d++)
    {
      const char *day = gettext (weekday_names[d]);
      g_autofree char *open_label = NULL;
      g_autofree char *opens_label = NULL;
      g_autofree char *closes_label = NULL;
      g_autofree char *name = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dash;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), day);

      /* Translators: accessible label of a time entry; %s is a weekday, e.g. "Opens on Monday" */
      opens_label = g_strdup_printf (_("Opens on %s"), day);
      name = g_strdup_printf ("opens-%d", d + 1);
      self->opens_entries[d] = new_time_entry (opens_label, _("Opening time, as HH:MM"), name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->opens_entries[d]));

      dash = gtk_label_new ("–");
      gtk_accessible_update_property (GTK_ACCESSIBLE (dash), GTK_ACCESSIBLE_PROPERTY_LABEL, _("to"), -1);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dash);

      /* Translators: accessible label of a time entry; %s is a weekday, e.g. "Closes on Monday" */
      closes_label = g_strdup_printf (_("Closes on %s"), day);
      g_free (name);
      name = g_strdup_printf ("closes-%d", d + 1);
      self->closes_entries[d] = new_time_entry (closes_label, _("Closing time, as HH:MM"), name);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->closes_entries[d]));

      self->open_switches[d] = GTK_SWITCH (gtk_switch_new ());
      gtk_widget_set_valign (GTK_WIDGET (self->open_switches[d]), GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->open_switches[d]), _("Open on this day"));
      /* Translators: accessible label of a switch; %s is a weekday, e.g. "Open on Monday" */
      open_label = g_strdup_printf (_("Open on %s"), day);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->open_switches[d]),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, open_label, -1);
      g_free (name);
      name = g_strdup_printf ("open-%d", d + 1);
      gtk_widget_set_name (GTK_WIDGET (self->open_switches[d]), name);
      g_signal_connect (self->open_switches[d], "notify::active",
                        G_CALLBACK (on_open_switch_active_changed_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->open_switches[d]));

      adw_preferences_group_add (self->hours_group, row);
      if (first_row == NULL)
        first_row = row;
    }

  self->hours_error_row = new_error_row (first_row);
  adw_preferences_group_add (self->hours_group, self->hours_error_row);
  g_hash_table_insert (self->error_rows, (gpointer) "hours", self->hours_error_row);
}

/* Branch details */

static void
load_details (FdPreferencesWindow *self)
{
  if (self->branch == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), fd_branch_get_name (self->branch));
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), fd_branch_get_address (self->branch) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->phone_row), fd_branch_get_phone (self->branch) ?: "");
  gtk_editable_set_text (GTK_EDITABLE (self->email_row), fd_branch_get_email (self->branch) ?: "");

  for (int d = 0; d < 7; d++)
    {
      int opens = -1, closes = -1;
      gboolean open = fd_branch_get_hours (self->branch, d + 1, &opens, &closes) && opens >= 0;
      g_autofree char *opens_text = open ? format_time (opens) : g_strdup ("09:00");
      g_autofree char *closes_text = open ? format_time (closes) : g_strdup ("17:00");

      gtk_editable_set_text (GTK_EDITABLE (self->opens_entries[d]), opens_text);
      gtk_editable_set_text (GTK_EDITABLE (self->closes_entries[d]), closes_text);
      gtk_switch_set_active (self->open_switches[d], open);
      on_open_switch_active_changed_cb (self->open_switches[d], NULL, self);
    }
}

/* Lists: desks, staff, purposes */

static GtkWidget *
new_list_row (const char *title,
              const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
add_placeholder (GtkListBox *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_list_box_set_placeholder (list, label);
}

static const char *
role_label (const char *code)
{
  for (guint i = 0; i < G_N_ELEMENTS (staff_roles); i++)
    if (g_strcmp0 (staff_roles[i].code, code) == 0)
      return g_dpgettext2 (NULL, "staff role", staff_roles[i].label);

  return code;
}

static void
reload_lists (FdPreferencesWindow *self)
{
  g_autoptr(GPtrArray) desks = NULL;
  g_autoptr(GArray) staff_ids = NULL;
  g_auto(GStrv) staff_names = NULL;
  g_auto(GStrv) staff_roles_ = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) labels = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->desks_list);
  clear_list_box (self->staff_list);
  clear_list_box (self->purposes_list);

  if (self->store == NULL)
    return;

  if (self->branch != NULL)
    {
      desks = fd_store_list_desks (self->store, branch_id (self), &error);
      if (desks == NULL)
        g_warning ("Could not read the desks: %s", error->message);
      g_clear_error (&error);

      for (guint i = 0; desks != NULL && i < desks->len; i++)
        gtk_list_box_append (self->desks_list,
                             new_list_row (fd_desk_get_name (g_ptr_array_index (desks, i)), NULL));

      if (!fd_store_list_staff (self->store, branch_id (self), &staff_ids, &staff_names, &staff_roles_, &error))
        g_warning ("Could not read the staff: %s", error->message);
      g_clear_error (&error);

      for (guint i = 0; staff_names != NULL && staff_names[i] != NULL; i++)
        gtk_list_box_append (self->staff_list, new_list_row (staff_names[i], role_label (staff_roles_[i])));
    }

  if (!fd_store_list_purposes (self->store, &codes, &labels, &error))
    g_warning ("Could not read the visit purposes: %s", error->message);

  for (guint i = 0; codes != NULL && codes[i] != NULL && labels[i] != NULL; i++)
    gtk_list_box_append (self->purposes_list, new_list_row (labels[i], codes[i]));
}

/* The questionnaire */

static GtkWidget *
new_icon_button (const char *icon_name,
                 const char *tooltip,
                 const char *action_name,
                 guint       index)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 ((gint32) index));

  return button;
}

static void
show_questions (FdPreferencesWindow *self)
{
  clear_list_box (self->questions_list);

  for (guint i = 0; i < self->questions->len; i++)
    {
      GtkWidget *row = new_list_row (g_ptr_array_index (self->questions, i), NULL);
      GtkWidget *up, *down;
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      GtkWidget *prefix = gtk_label_new (number);

      gtk_widget_add_css_class (prefix, "dim-label");
      gtk_widget_add_css_class (prefix, "numeric");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), prefix);

      up = new_icon_button ("go-up-symbolic", _("Move up"), "branch.move-question-up", i);
      gtk_widget_set_sensitive (up, i > 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
      down = new_icon_button ("go-down-symbolic", _("Move down"), "branch.move-question-down", i);
      gtk_widget_set_sensitive (down, i + 1 < self->questions->len);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 new_icon_button ("user-trash-symbolic", _("Remove question"),
                                                  "branch.remove-question", i));
      gtk_list_box_append (self->questions_list, row);
    }
}

static void
load_questions (FdPreferencesWindow *self)
{
  g_auto(GStrv) questions = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_set_size (self->questions, 0);

  if (self->store != NULL && self->branch != NULL)
    {
      questions = fd_store_get_questions (self->store, branch_id (self), &error);
      if (questions == NULL && error != NULL)
        g_warning ("Could not read the questionnaire: %s", error->message);
    }

  for (guint i = 0; questions != NULL && questions[i] != NULL; i++)
    g_ptr_array_add (self->questions, g_strdup (questions[i]));

  show_questions (self);
}

/* Signal callbacks */

static void
on_store_branches_changed_cb (FdPreferencesWindow *self)
{
  reload_lists (self);
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  static const char * const keys[] = { "name", "address", "phone", "email", "hours", NULL };
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  g_autoptr(FdBranch) draft = NULL;
  g_autoptr(FdBranch) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->branch == NULL)
    return;

  clear_errors (self, keys);

  draft = fd_branch_new ();
  fd_branch_set_id (draft, branch_id (self));
  fd_branch_set_country (draft, fd_branch_get_country (self->branch));
  fd_branch_set_name (draft, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  fd_branch_set_address (draft, gtk_editable_get_text (GTK_EDITABLE (self->address_row)));
  fd_branch_set_phone (draft, gtk_editable_get_text (GTK_EDITABLE (self->phone_row)));
  fd_branch_set_email (draft, gtk_editable_get_text (GTK_EDITABLE (self->email_row)));

  for (int d = 0; d < 7; d++)
    {
      int opens = -1, closes = -1;

      if (gtk_switch_get_active (self->open_switches[d]) &&
          (!parse_time (gtk_editable_get_text (GTK_EDITABLE (self->opens_entries[d])), &opens) ||
           !parse_time (gtk_editable_get_text (GTK_EDITABLE (self->closes_entries[d])), &closes)))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a weekday */
          message = g_strdup_printf (_("Enter the hours of %s as HH:MM, for example 09:00 and 17:30."),
                                     gettext (weekday_names[d]));
          show_error (self, "hours", message);
          return;
        }

      fd_branch_set_hours (draft, d + 1, opens, closes);
    }

  saved = fd_store_update_branch (self->store, draft, &error);
  if (saved == NULL)
    {
      show_error (self, fd_error_get_field (error), error->message);
      return;
    }

  g_set_object (&self->branch, saved);
  load_details (self);
  add_toast (self, _("Branch details saved"));
}

static void
add_desk_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  static const char * const keys[] = { "desk", NULL };
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  g_autoptr(FdDesk) desk = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->branch == NULL)
    return;

  clear_errors (self, keys);
  desk = fd_store_add_desk (self->store, branch_id (self),
                            gtk_editable_get_text (GTK_EDITABLE (self->new_desk_row)), &error);
  if (desk == NULL)
    {
      show_error (self, "desk", error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_desk_row), "");
  reload_lists (self);
}

static void
add_staff_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  static const char * const keys[] = { "staff", NULL };
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  guint role = adw_combo_row_get_selected (self->staff_role_row);

  if (self->store == NULL || self->branch == NULL || role >= G_N_ELEMENTS (staff_roles))
    return;

  clear_errors (self, keys);
  if (fd_store_add_staff (self->store, branch_id (self),
                          gtk_editable_get_text (GTK_EDITABLE (self->new_staff_row)),
                          staff_roles[role].code, &error) == 0)
    {
      show_error (self, "staff", error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_staff_row), "");
  reload_lists (self);
}

static void
add_purpose_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  static const char * const keys[] = { "purpose-code", "purpose-label", NULL };
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  clear_errors (self, keys);
  if (!fd_store_add_purpose (self->store,
                             gtk_editable_get_text (GTK_EDITABLE (self->new_purpose_code_row)),
                             gtk_editable_get_text (GTK_EDITABLE (self->new_purpose_label_row)),
                             &error))
    {
      show_error (self, g_strcmp0 (fd_error_get_field (error), "label") == 0 ? "purpose-label" : "purpose-code",
                  error->message);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->new_purpose_code_row), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_purpose_label_row), "");
  reload_lists (self);
}

static void
add_question_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  static const char * const keys[] = { "questions", NULL };
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  g_autofree char *question = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_question_row))));

  clear_errors (self, keys);
  if (*question == '\0')
    {
      show_error (self, "questions", _("Type the question first."));
      return;
    }

  g_ptr_array_add (self->questions, g_steal_pointer (&question));
  gtk_editable_set_text (GTK_EDITABLE (self->new_question_row), "");
  show_questions (self);
}

static void
move_question (FdPreferencesWindow *self,
               guint                from,
               guint                to)
{
  gpointer question;

  if (from >= self->questions->len || to >= self->questions->len)
    return;

  question = g_ptr_array_steal_index (self->questions, from);
  g_ptr_array_insert (self->questions, (int) to, question);
  show_questions (self);

  /* The rows were rebuilt: keep the keyboard on the question that moved. */
  gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->questions_list, (int) to)));
}

static void
move_question_up_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gint32 index = g_variant_get_int32 (param);

  if (index > 0)
    move_question (FD_PREFERENCES_WINDOW (widget), (guint) index, (guint) index - 1);
}

static void
move_question_down_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  gint32 index = g_variant_get_int32 (param);

  if (index >= 0)
    move_question (FD_PREFERENCES_WINDOW (widget), (guint) index, (guint) index + 1);
}

static void
remove_question_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  gint32 index = g_variant_get_int32 (param);

  if (index < 0 || (guint) index >= self->questions->len)
    return;

  g_ptr_array_remove_index (self->questions, (guint) index);
  show_questions (self);
}

static void
save_questions_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  static const char * const keys[] = { "questions", NULL };
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  g_autoptr(GPtrArray) questions = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  if (self->store == NULL || self->branch == NULL)
    return;

  clear_errors (self, keys);
  for (guint i = 0; i < self->questions->len; i++)
    g_ptr_array_add (questions, g_ptr_array_index (self->questions, i));
  g_ptr_array_add (questions, NULL);

  if (!fd_store_set_questions (self->store, branch_id (self),
                               (const char * const *) questions->pdata, &error))
    {
      show_error (self, "questions", error->message);
      return;
    }

  load_questions (self);
  add_toast (self, _("Questionnaire saved"));
}

static void
copy_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  g_autofree char *display = NULL;

  if (self->store == NULL)
    return;

  display = g_filename_display_name (fd_store_get_path (self->store));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), display);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("File name copied")));
}

static void
on_unsaved_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               gpointer          user_data)
{
  g_autoptr(FdPreferencesWindow) self = user_data;

  if (g_str_equal (response, "cancel"))
    return;

  if (g_str_equal (response, "save") && !fd_claims_preferences_save_template (self->claims_page))
    {
      adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->claims_page));
      return;
    }

  fd_claims_preferences_revert_template (self->claims_page);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* An edited reply template is not lost by closing the window: ask first. */
static gboolean
fd_preferences_window_close_request (GtkWindow *window)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (window);
  AdwMessageDialog *dialog;

  if (self->claims_page == NULL || !fd_claims_preferences_get_template_modified (self->claims_page))
    {
      GtkWindowClass *parent_class = GTK_WINDOW_CLASS (fd_preferences_window_parent_class);

      return parent_class->close_request != NULL ? parent_class->close_request (window) : FALSE;
    }

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (window, _("Save Changes to the Template?"),
                                                       _("A reply template has changes that are not saved.")));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_unsaved_dialog_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));

  return TRUE;
}

static void
fd_preferences_window_dispose (GObject *object)
{
  FdPreferencesWindow *self = (FdPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->branch);
  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->error_rows, g_hash_table_unref);

  G_OBJECT_CLASS (fd_preferences_window_parent_class)->dispose (object);
}

static void
fd_preferences_window_class_init (FdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = fd_preferences_window_dispose;
  window_class->close_request = fd_preferences_window_close_request;

  g_type_ensure (FD_TYPE_CLAIMS_PREFERENCES);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, path_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, count_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, window_group);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, maximized_switch);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, background_group);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, background_switch);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, branch_page);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, hours_group);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, desks_list);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, new_desk_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, staff_list);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, new_staff_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, staff_role_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, purposes_list);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, new_purpose_code_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, new_purpose_label_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, questions_list);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, new_question_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, claims_page);

  gtk_widget_class_install_action (widget_class, "preferences.copy-path", NULL, copy_path_action);
  gtk_widget_class_install_action (widget_class, "branch.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "branch.add-desk", NULL, add_desk_action);
  gtk_widget_class_install_action (widget_class, "branch.add-staff", NULL, add_staff_action);
  gtk_widget_class_install_action (widget_class, "branch.add-purpose", NULL, add_purpose_action);
  gtk_widget_class_install_action (widget_class, "branch.add-question", NULL, add_question_action);
  gtk_widget_class_install_action (widget_class, "branch.move-question-up", "i", move_question_up_action);
  gtk_widget_class_install_action (widget_class, "branch.move-question-down", "i", move_question_down_action);
  gtk_widget_class_install_action (widget_class, "branch.remove-question", "i", remove_question_action);
  gtk_widget_class_install_action (widget_class, "branch.save-questions", NULL, save_questions_action);
}

static void
fd_preferences_window_init (FdPreferencesWindow *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->questions = g_ptr_array_new_with_free_func (g_free);
  self->error_rows = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (staff_roles); i++)
    gtk_string_list_append (roles, g_dpgettext2 (NULL, "staff role", staff_roles[i].label));
  adw_combo_row_set_model (self->staff_role_row, G_LIST_MODEL (roles));

  add_placeholder (self->desks_list, _("No desks yet."));
  add_placeholder (self->staff_list, _("No staff yet."));
  add_placeholder (self->purposes_list, _("No visit purposes yet."));
  add_placeholder (self->questions_list, _("No questions yet. Add the first one below."));

  add_error_row (self, "name", GTK_WIDGET (self->name_row));
  add_error_row (self, "address", GTK_WIDGET (self->address_row));
  add_error_row (self, "phone", GTK_WIDGET (self->phone_row));
  add_error_row (self, "email", GTK_WIDGET (self->email_row));
  add_error_row (self, "desk", GTK_WIDGET (self->new_desk_row));
  add_error_row (self, "staff", GTK_WIDGET (self->new_staff_row));
  add_error_row (self, "purpose-code", GTK_WIDGET (self->new_purpose_code_row));
  add_error_row (self, "purpose-label", GTK_WIDGET (self->new_purpose_label_row));
  add_error_row (self, "questions", GTK_WIDGET (self->new_question_row));
  build_hours (self);

  update_actions (self);
}

GtkWidget *
fd_preferences_window_new (GtkWindow *parent,
                           FdStore   *store)
{
  FdPreferencesWindow *self;
  g_autofree char *display = NULL;
  g_autofree char *count = NULL;
  GApplication *app = g_application_get_default ();
  GSettings *settings = NULL;
  guint n_customers;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  self = g_object_new (FD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);
  g_signal_connect_object (store, "branches-changed", G_CALLBACK (on_store_branches_changed_cb), self,
                           G_CONNECT_SWAPPED);

  if (fd_store_get_current_branch (store) > 0)
    {
      g_autoptr(GError) error = NULL;

      self->branch = fd_store_get_branch (store, fd_store_get_current_branch (store), &error);
      if (self->branch == NULL)
        g_warning ("Could not read the branch: %s", error->message);
    }

  /* Without a branch there is nothing to set up yet: Reception offers to add one. */
  gtk_widget_set_visible (GTK_WIDGET (self->branch_page), self->branch != NULL);
  load_details (self);
  reload_lists (self);
  load_questions (self);
  update_actions (self);
  fd_claims_preferences_set_store (self->claims_page, store);

  display = g_filename_display_name (fd_store_get_path (store));
  adw_action_row_set_subtitle (self->path_row, display);

  n_customers = fd_store_count_customers (store);
  /* Translators: number of customers that are not archived */
  count = g_strdup_printf (ngettext ("%'u customer", "%'u customers", n_customers), n_customers);
  adw_action_row_set_subtitle (self->count_row, count);

  if (FD_IS_APPLICATION (app))
    settings = fd_application_get_settings (FD_APPLICATION (app));

  /* The application writes or removes the autostart file when run-in-background changes. */
  if (settings != NULL)
    {
      g_settings_bind (settings, "window-maximized", self->maximized_switch, "active", G_SETTINGS_BIND_DEFAULT);
      g_settings_bind (settings, "run-in-background", self->background_switch, "active", G_SETTINGS_BIND_DEFAULT);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->window_group), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->background_group), FALSE);
    }

  return GTK_WIDGET (self);
}
