/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-serving-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-error.h"
#include "fd-serving-panel.h"
#include "fd-window.h"

#define RECENT_VISITS 5
#define HISTORY_LIMIT 5
#define N_RATING_BUTTONS 6   /* 1–5 and Skipped */

struct _FdServingPanel
{
  AdwBin               parent_instance;

  /* Template children */
  GtkStack            *stack;
  GtkLabel            *ticket_label;
  GtkLabel            *customer_label;
  GtkLabel            *details_label;
  GtkMenuButton       *transfer_button;
  GtkMenuButton       *more_button;
  AdwPreferencesGroup *visits_group;
  GtkListBox          *visits_list;
  AdwPreferencesGroup *history_group;
  GtkListBox          *history_list;
  AdwComboRow         *technique_row;
  AdwComboRow         *outcome_row;
  AdwEntryRow         *notes_row;
  AdwPreferencesRow   *rating_solved_row;
  GtkBox              *rating_solved_box;
  AdwPreferencesRow   *rating_staff_row;
  GtkBox              *rating_staff_box;
  AdwPreferencesGroup *questions_group;
  GtkListBox          *questions_list;
  GtkLabel            *general_error;

  /* Owned */
  FdStore             *store;
  FdVisit             *visit;
  gint64               branch_id;
  gint64               desk_id;
  GPtrArray           *answer_rows;
  GtkToggleButton     *rating_solved[N_RATING_BUTTONS];
  GtkToggleButton     *rating_staff[N_RATING_BUTTONS];
  GHashTable          *error_rows;   /* field name → AdwPreferencesRow showing its error */
};

G_DEFINE_FINAL_TYPE (FdServingPanel, fd_serving_panel, ADW_TYPE_BIN)

static void
add_toast (FdServingPanel *self,
           const char     *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), FD_TYPE_WINDOW);

  if (window != NULL)
    fd_window_add_toast (FD_WINDOW (window), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
update_actions (FdServingPanel *self)
{
  gboolean serving = self->store != NULL && self->visit != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "serving.recall", serving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "serving.no-show", serving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "serving.transfer", serving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "serving.cancel", serving);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "serving.finish", serving);
}

static char *
format_date (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL || unix_time <= 0)
    return g_strdup ("");

  local = g_date_time_to_local (utc);

  /* Translators: date and time of a past visit, in g_date_time_format() syntax */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* Field errors */

static GtkWidget *
field_widget (FdServingPanel *self,
              const char     *field)
{
  if (g_strcmp0 (field, "technique") == 0)
    return GTK_WIDGET (self->technique_row);
  if (g_strcmp0 (field, "outcome") == 0)
    return GTK_WIDGET (self->outcome_row);
  if (g_strcmp0 (field, "notes") == 0)
    return GTK_WIDGET (self->notes_row);
  if (g_strcmp0 (field, "rating_solved") == 0)
    return GTK_WIDGET (self->rating_solved_row);
  if (g_strcmp0 (field, "rating_staff") == 0)
    return GTK_WIDGET (self->rating_staff_row);
  return NULL;
}

static void
clear_errors (FdServingPanel *self)
{
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->error_rows);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GtkWidget *field = field_widget (self, key);

      gtk_widget_set_visible (value, FALSE);
      if (field != NULL)
        {
          gtk_widget_remove_css_class (field, "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
        }
    }

  gtk_widget_set_visible (GTK_WIDGET (self->general_error), FALSE);
}

static void
show_error (FdServingPanel *self,
            const GError   *error)
{
  const char *field = fd_error_get_field (error);
  GtkWidget *row = field != NULL ? g_hash_table_lookup (self->error_rows, field) : NULL;
  GtkWidget *widget = field_widget (self, field);

  if (row == NULL && g_strcmp0 (field, "answers") == 0 && self->answer_rows->len > 0)
    widget = g_ptr_array_index (self->answer_rows, 0);

  if (row == NULL)
    {
      gtk_label_set_text (self->general_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->general_error), TRUE);
    }
  else
    {
      gtk_label_set_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))), error->message);
      gtk_widget_set_visible (row, TRUE);
    }

  if (widget != NULL)
    {
      gtk_widget_add_css_class (widget, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_widget_grab_focus (widget);
    }
}

/* An error line under @field's row, in the same list, hidden until needed. */
static void
add_error_row (FdServingPanel *self,
               const char     *field,
               GtkWidget      *field_row)
{
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

/* Ratings */

static void
build_rating (GtkBox          *box,
              const char      *title,
              GtkToggleButton *buttons[N_RATING_BUTTONS])
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (box, label);

  gtk_widget_add_css_class (toggles, "linked");
  gtk_box_set_homogeneous (GTK_BOX (toggles), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (toggles), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_box_append (box, toggles);

  for (int i = 0; i < N_RATING_BUTTONS; i++)
    {
      g_autofree char *text = NULL;
      g_autofree char *description = NULL;
      GtkWidget *button;

      if (i < 5)
        {
          text = g_strdup_printf ("%d", i + 1);
          /* Translators: accessible name of a rating button, e.g. "4 of 5" */
          description = g_strdup_printf (_("%d of 5"), i + 1);
        }
      else
        {
          text = g_strdup (C_("rating", "Skipped"));
          description = g_strdup (_("The customer did not rate"));
        }

      button = gtk_toggle_button_new_with_label (text);
      gtk_widget_set_hexpand (button, i < 5);
      gtk_widget_set_tooltip_text (button, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      description, -1);
      gtk_accessible_update_relation (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                      label, NULL, -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), buttons[0]);
      gtk_box_append (GTK_BOX (toggles), button);
      buttons[i] = GTK_TOGGLE_BUTTON (button);
    }

  /* No rating until the customer gives one: Skipped is what is recorded by default. */
  gtk_toggle_button_set_active (buttons[N_RATING_BUTTONS - 1], TRUE);
}

static int
get_rating (GtkToggleButton *buttons[N_RATING_BUTTONS])
{
  for (int i = 0; i < 5; i++)
    if (gtk_toggle_button_get_active (buttons[i]))
      return i + 1;

  return 0;
}

/* Loading a visit */

static GtkStringList *
enum_labels (int          n,
             const char *(*to_label) (int))
{
  GtkStringList *list = gtk_string_list_new (NULL);

  for (int i = 0; i < n; i++)
    {
      const char *label = to_label (i);

      gtk_string_list_append (list, label != NULL ? label : "");
    }

  return list;
}

static const char *
technique_label (int value)
{
  if (value == FD_TECHNIQUE_NONE)
    return C_("technique or outcome", "Not recorded");
  return fd_technique_to_label (value);
}

static const char *
outcome_label (int value)
{
  if (value == FD_OUTCOME_NONE)
    return C_("technique or outcome", "Not recorded");
  return fd_outcome_to_label (value);
}

static void
update_questions_visible (FdServingPanel *self)
{
  gboolean questioning = adw_combo_row_get_selected (self->technique_row) == FD_TECHNIQUE_QUESTIONING;

  gtk_widget_set_visible (GTK_WIDGET (self->questions_group), questioning);
}

static void
load_questions (FdServingPanel *self)
{
  g_auto(GStrv) questions = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->questions_list);
  g_ptr_array_set_size (self->answer_rows, 0);

  if (self->store != NULL && self->branch_id > 0)
    questions = fd_store_get_questions (self->store, self->branch_id, &error);
  if (error != NULL)
    g_warning ("Could not read the questionnaire: %s", error->message);

  for (guint i = 0; questions != NULL && questions[i] != NULL; i++)
    {
      GtkWidget *row = adw_entry_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), questions[i]);
      gtk_list_box_append (self->questions_list, row);
      g_ptr_array_add (self->answer_rows, row);
    }

  if (self->answer_rows->len == 0)
    adw_preferences_group_set_description (self->questions_group,
                                           _("This branch has no questionnaire yet. Note the questions you asked in the notes."));
  else
    adw_preferences_group_set_description (self->questions_group,
                                           _("Answers are stored with the visit."));

  update_questions_visible (self);
}

static void
load_customer_history (FdServingPanel *self)
{
  gint64 customer_id = fd_visit_get_customer_id (self->visit);
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;
  guint n_visits = 0, n_entries = 0;

  clear_list_box (self->visits_list);
  clear_list_box (self->history_list);

  if (customer_id > 0)
    {
      /* One more than shown: the visit under way is among them. */
      visits = fd_store_list_customer_visits (self->store, customer_id, 0, RECENT_VISITS + 1, &error);
      if (visits == NULL)
        {
          g_warning ("Could not read the customer's visits: %s", error->message);
          g_clear_error (&error);
        }

      entries = fd_store_list_history (self->store, customer_id, HISTORY_LIMIT, &error);
      if (entries == NULL)
        g_warning ("Could not read the customer's history: %s", error->message);
    }

  for (guint i = 0; visits != NULL && i < visits->len && n_visits < RECENT_VISITS; i++)
    {
      FdVisit *visit = g_ptr_array_index (visits, i);
      g_autofree char *when = format_date (fd_visit_get_arrived_at (visit));
      g_autofree char *subtitle = NULL;
      g_autofree char *title = NULL;
      const char *notes = fd_visit_get_notes (visit);
      const char *result;
      GtkWidget *row;

      if (fd_visit_get_id (visit) == fd_visit_get_id (self->visit))
        continue;

      result = fd_visit_get_state (visit) == FD_VISIT_STATE_FINISHED
               ? outcome_label (fd_visit_get_outcome (visit))
               : fd_visit_state_to_label (fd_visit_get_state (visit));

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      /* Translators: a past visit: %1$s is its date, %2$s how it ended */
      title = g_strdup_printf (C_("visit row", "%1$s · %2$s"), when, result);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (notes != NULL && *notes != '\0')
        subtitle = g_strdup (notes);
      else if (fd_visit_get_technique (visit) != FD_TECHNIQUE_NONE)
        subtitle = g_strdup (fd_technique_to_label (fd_visit_get_technique (visit)));
      if (subtitle != NULL)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("system-users-symbolic"));
      gtk_list_box_append (self->visits_list, row);
      n_visits++;
    }

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      FdHistoryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = format_date (fd_history_entry_get_at (entry));
      const char *detail = fd_history_entry_get_detail (entry);
      GtkWidget *row;

      /* Visits are listed above, with their outcome. */
      if (g_strcmp0 (fd_history_entry_get_kind (entry), "visit") == 0)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fd_history_entry_get_title (entry));
      if (detail != NULL && *detail != '\0')
        {
          /* Translators: subtitle of a history entry: %1$s is the date, %2$s what changed */
          g_autofree char *subtitle = g_strdup_printf (C_("history", "%1$s — %2$s"), when, detail);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
      gtk_list_box_append (self->history_list, row);
      n_entries++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->visits_group), n_visits > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->history_group), n_entries > 0);
}

static void
load_menus (FdServingPanel *self)
{
  g_autoptr(GMenu) transfer = g_menu_new ();
  g_autoptr(GMenu) more = g_menu_new ();
  g_autoptr(GPtrArray) desks = NULL;
  g_autoptr(GMenuItem) cancel = NULL;
  guint n_targets = 0;

  if (self->branch_id > 0)
    desks = fd_store_list_desks (self->store, self->branch_id, NULL);

  for (guint i = 0; desks != NULL && i < desks->len; i++)
    {
      FdDesk *desk = g_ptr_array_index (desks, i);
      g_autoptr(GMenuItem) item = NULL;

      if (fd_desk_get_id (desk) == fd_visit_get_desk_id (self->visit))
        continue;

      item = g_menu_item_new (fd_desk_get_name (desk), NULL);
      g_menu_item_set_action_and_target_value (item, "serving.transfer",
                                               g_variant_new_int64 (fd_desk_get_id (desk)));
      g_menu_append_item (transfer, item);
      n_targets++;
    }

  gtk_menu_button_set_menu_model (self->transfer_button, G_MENU_MODEL (transfer));
  gtk_widget_set_sensitive (GTK_WIDGET (self->transfer_button), n_targets > 0);

  if (fd_visit_get_customer_id (self->visit) > 0)
    {
      g_autoptr(GMenuItem) open = g_menu_item_new (_("_Open Customer"), NULL);

      g_menu_item_set_action_and_target_value (open, "win.open-customer",
                                               g_variant_new_int64 (fd_visit_get_customer_id (self->visit)));
      g_menu_append_item (more, open);
    }
  if (fd_visit_get_customer_id (self->visit) > 0)
    {
      /* A complaint or compliment made at the desk: the claim remembers this visit. */
      g_autoptr(GMenuItem) claim = g_menu_item_new (_("New _Claim…"), NULL);

      g_menu_item_set_action_and_target_value (claim, "win.new-claim-for",
                                               g_variant_new ("(xx)", fd_visit_get_customer_id (self->visit),
                                                              fd_visit_get_id (self->visit)));
      g_menu_append_item (more, claim);
    }
  if (fd_visit_get_customer_id (self->visit) > 0)
    {
      /* A call back promised at the desk: the follow-up remembers this visit. */
      g_autoptr(GMenuItem) followup = g_menu_item_new (_("New _Follow-up…"), NULL);

      g_menu_item_set_action_and_target_value (followup, "win.new-followup-for",
                                               g_variant_new ("(xxx)", fd_visit_get_customer_id (self->visit),
                                                              (gint64) 0, fd_visit_get_id (self->visit)));
      g_menu_append_item (more, followup);
    }
  cancel = g_menu_item_new (_("C_ancel Visit"), "serving.cancel");
  g_menu_append_item (more, cancel);
  gtk_menu_button_set_menu_model (self->more_button, G_MENU_MODEL (more));
}

static void
reset_form (FdServingPanel *self)
{
  clear_errors (self);
  adw_combo_row_set_selected (self->technique_row, FD_TECHNIQUE_NONE);
  adw_combo_row_set_selected (self->outcome_row, FD_OUTCOME_NONE);
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), "");
  gtk_toggle_button_set_active (self->rating_solved[N_RATING_BUTTONS - 1], TRUE);
  gtk_toggle_button_set_active (self->rating_staff[N_RATING_BUTTONS - 1], TRUE);
}

static void
load_visit (FdServingPanel *self)
{
  const char *name;
  const char *purpose = fd_visit_get_purpose (self->visit);
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) labels = NULL;
  g_autofree char *details = NULL;
  g_autofree char *arrived = NULL;
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (fd_visit_get_arrived_at (self->visit));
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  name = fd_visit_get_customer_name (self->visit);
  gtk_label_set_text (self->ticket_label, fd_visit_get_ticket (self->visit));
  gtk_label_set_text (self->customer_label, name != NULL && *name != '\0' ? name : C_("customer", "Anonymous"));

  if (fd_store_list_purposes (self->store, &codes, &labels, NULL))
    for (guint i = 0; codes[i] != NULL && labels[i] != NULL; i++)
      if (g_strcmp0 (codes[i], purpose) == 0)
        purpose = labels[i];

  /* Translators: time of day a customer checked in, in g_date_time_format() syntax */
  arrived = local != NULL ? g_date_time_format (local, _("%H:%M")) : g_strdup ("");
  /* Translators: under the customer's name: %1$s is the visit's purpose, %2$s the time they arrived */
  details = g_strdup_printf (_("%1$s, arrived at %2$s"), purpose ? purpose : "", arrived);
  gtk_label_set_text (self->details_label, details);

  reset_form (self);
  load_questions (self);
  load_customer_history (self);
  load_menus (self);
}

/* Signal callbacks */

static void
on_technique_row_selected_changed_cb (FdServingPanel *self)
{
  update_questions_visible (self);
}

/* Actions */

static void
apply_result (FdServingPanel *self,
              FdVisit        *result,
              GError         *error,
              const char     *format)
{
  g_autofree char *message = NULL;

  if (result == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  message = g_strdup_printf (format, fd_visit_get_ticket (result));
  add_toast (self, message);
}

static void
recall_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FdServingPanel *self = FD_SERVING_PANEL (widget);
  g_autoptr(FdVisit) result = NULL;
  g_autoptr(GError) error = NULL;

  result = fd_store_recall (self->store, fd_visit_get_id (self->visit), 0, &error);
  /* Translators: %s is a ticket number */
  apply_result (self, result, error, _("Ticket %s called again"));
}

static void
no_show_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  FdServingPanel *self = FD_SERVING_PANEL (widget);
  g_autoptr(FdVisit) result = NULL;
  g_autoptr(GError) error = NULL;

  result = fd_store_mark_no_show (self->store, fd_visit_get_id (self->visit), 0, &error);
  /* Translators: %s is a ticket number */
  apply_result (self, result, error, _("Ticket %s marked as not shown up"));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FdServingPanel *self = FD_SERVING_PANEL (widget);
  g_autoptr(FdVisit) result = NULL;
  g_autoptr(GError) error = NULL;

  result = fd_store_cancel_visit (self->store, fd_visit_get_id (self->visit), 0, &error);
  /* Translators: %s is a ticket number */
  apply_result (self, result, error, _("Ticket %s cancelled"));
}

static void
transfer_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FdServingPanel *self = FD_SERVING_PANEL (widget);
  g_autoptr(FdVisit) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  result = fd_store_transfer (self->store, fd_visit_get_id (self->visit), g_variant_get_int64 (param), &error);
  if (result == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  /* Translators: %1$s is a ticket number, %2$s a desk's name */
  message = g_strdup_printf (_("Ticket %1$s sent to %2$s"), fd_visit_get_ticket (result),
                             fd_visit_get_desk_name (result) ? fd_visit_get_desk_name (result) : "");
  add_toast (self, message);
}

static void
finish_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FdServingPanel *self = FD_SERVING_PANEL (widget);
  g_autoptr(GPtrArray) answers = g_ptr_array_new ();
  g_autoptr(FdVisit) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  FdVisitReport report = { 0 };

  clear_errors (self);

  report.technique = adw_combo_row_get_selected (self->technique_row);
  report.outcome = adw_combo_row_get_selected (self->outcome_row);
  report.notes = gtk_editable_get_text (GTK_EDITABLE (self->notes_row));
  report.rating_solved = get_rating (self->rating_solved);
  report.rating_staff = get_rating (self->rating_staff);

  if (report.technique == FD_TECHNIQUE_QUESTIONING && self->answer_rows->len > 0)
    {
      for (guint i = 0; i < self->answer_rows->len; i++)
        g_ptr_array_add (answers, (gpointer) gtk_editable_get_text (g_ptr_array_index (self->answer_rows, i)));
      g_ptr_array_add (answers, NULL);
      report.answers = (const char * const *) answers->pdata;
    }

  result = fd_store_finish_visit (self->store, fd_visit_get_id (self->visit), &report, 0, &error);
  if (result == NULL)
    {
      show_error (self, error);
      return;
    }

  /* Translators: %s is a ticket number */
  message = g_strdup_printf (_("Visit %s finished"), fd_visit_get_ticket (result));
  add_toast (self, message);
  fd_serving_panel_set_visit (self, NULL);
}

/* GObject */

static void
fd_serving_panel_dispose (GObject *object)
{
  FdServingPanel *self = (FdServingPanel *)object;

  /* The bin's child is also a template child: detach it first so AdwBin does not
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_SERVING_PANEL);
  g_clear_object (&self->store);
  g_clear_object (&self->visit);

  G_OBJECT_CLASS (fd_serving_panel_parent_class)->dispose (object);
}

static void
fd_serving_panel_finalize (GObject *object)
{
  FdServingPanel *self = (FdServingPanel *)object;

  g_clear_pointer (&self->answer_rows, g_ptr_array_unref);
  g_clear_pointer (&self->error_rows, g_hash_table_unref);

  G_OBJECT_CLASS (fd_serving_panel_parent_class)->finalize (object);
}

static void
fd_serving_panel_class_init (FdServingPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_serving_panel_dispose;
  object_class->finalize = fd_serving_panel_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-serving-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, ticket_label);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, customer_label);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, details_label);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, transfer_button);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, more_button);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, visits_group);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, visits_list);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, history_group);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, history_list);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, technique_row);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, outcome_row);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, notes_row);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, rating_solved_row);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, rating_solved_box);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, rating_staff_row);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, rating_staff_box);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, questions_group);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, questions_list);
  gtk_widget_class_bind_template_child (widget_class, FdServingPanel, general_error);
  gtk_widget_class_bind_template_callback (widget_class, on_technique_row_selected_changed_cb);

  gtk_widget_class_install_action (widget_class, "serving.recall", NULL, recall_action);
  gtk_widget_class_install_action (widget_class, "serving.no-show", NULL, no_show_action);
  gtk_widget_class_install_action (widget_class, "serving.transfer", "x", transfer_action);
  gtk_widget_class_install_action (widget_class, "serving.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "serving.finish", NULL, finish_action);
}

static void
fd_serving_panel_init (FdServingPanel *self)
{
  g_autoptr(GtkStringList) techniques = NULL;
  g_autoptr(GtkStringList) outcomes = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->answer_rows = g_ptr_array_new ();
  self->error_rows = g_hash_table_new (g_str_hash, g_str_equal);

  /* The combo positions are the enum values. */
  techniques = enum_labels (FD_TECHNIQUE_QUESTIONING + 1, technique_label);
  adw_combo_row_set_model (self->technique_row, G_LIST_MODEL (techniques));
  outcomes = enum_labels (FD_OUTCOME_CLAIM_OPENED + 1, outcome_label);
  adw_combo_row_set_model (self->outcome_row, G_LIST_MODEL (outcomes));

  build_rating (self->rating_solved_box, _("Was the problem solved?"), self->rating_solved);
  build_rating (self->rating_staff_box, _("Did the staff do the job well?"), self->rating_staff);

  add_error_row (self, "technique", GTK_WIDGET (self->technique_row));
  add_error_row (self, "outcome", GTK_WIDGET (self->outcome_row));
  add_error_row (self, "notes", GTK_WIDGET (self->notes_row));
  add_error_row (self, "rating_solved", GTK_WIDGET (self->rating_solved_row));
  add_error_row (self, "rating_staff", GTK_WIDGET (self->rating_staff_row));

  gtk_stack_set_visible_child_name (self->stack, "idle");
  update_actions (self);
}

void
fd_serving_panel_set_store (FdServingPanel *self,
                            FdStore        *store)
{
  g_return_if_fail (FD_IS_SERVING_PANEL (self));
  g_return_if_fail (!store || FD_IS_STORE (store));

  if (g_set_object (&self->store, store))
    fd_serving_panel_set_visit (self, NULL);
}

void
fd_serving_panel_set_desk (FdServingPanel *self,
                           gint64          branch_id,
                           gint64          desk_id)
{
  g_return_if_fail (FD_IS_SERVING_PANEL (self));

  self->branch_id = branch_id;
  self->desk_id = desk_id;
}

FdVisit *
fd_serving_panel_get_visit (FdServingPanel *self)
{
  g_return_val_if_fail (FD_IS_SERVING_PANEL (self), NULL);

  return self->visit;
}

void
fd_serving_panel_set_visit (FdServingPanel *self,
                            FdVisit        *visit)
{
  gboolean same;

  g_return_if_fail (FD_IS_SERVING_PANEL (self));
  g_return_if_fail (!visit || FD_IS_VISIT (visit));

  /* Other desks' changes refresh the panel often: keep the form while it is the same visit. */
  same = self->visit != NULL && visit != NULL && fd_visit_get_id (self->visit) == fd_visit_get_id (visit);
  g_set_object (&self->visit, visit);

  if (visit == NULL)
    gtk_stack_set_visible_child_name (self->stack, "idle");
  else if (!same && self->store != NULL)
    {
      load_visit (self);
      gtk_stack_set_visible_child_name (self->stack, "serving");
    }

  update_actions (self);
}
