/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-claims-preferences"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "fd-calendar.h"
#include "fd-claims-preferences.h"
#include "fd-error.h"
#include "fd-reply-template.h"

#define N_PRIORITIES 3

struct _FdClaimsPreferences
{
  AdwPreferencesPage   parent_instance;

  /* Template children */
  AdwPreferencesGroup *deadlines_group;
  AdwComboRow         *kind_row;
  AdwActionRow        *satisfaction_row;
  GtkSpinButton       *satisfaction_spin;
  AdwPreferencesGroup *closed_days_group;
  GtkPopover          *closed_day_popover;
  GtkCalendar         *closed_day_calendar;
  GtkListBox          *closed_days_list;
  GtkListBox          *categories_list;
  AdwEntryRow         *new_category_row;
  AdwEntryRow         *new_category_code_row;
  AdwComboRow         *template_row;
  AdwComboRow         *language_row;
  AdwEntryRow         *subject_row;
  GtkTextView         *body_view;
  GtkLabel            *template_error;
  GtkFlowBox          *placeholders_box;

  /* Not owned: built in init, children of deadlines_group, by FdClaimPriority */
  GtkWidget           *deadline_rows[N_PRIORITIES];
  GtkSpinButton       *ack_spins[N_PRIORITIES];
  GtkSpinButton       *resolve_spins[N_PRIORITIES];

  /* Owned */
  FdStore             *store;
  GStrv                category_codes;   /* as the list shows them, to rebuild only on change */
  GStrv                category_labels;
  char                *shown_subject;    /* the template as loaded, to notice edits */
  char                *shown_body;
  guint                shown_template;   /* positions in template_row and language_row */
  guint                shown_language;

  guint                loading : 1;
};

G_DEFINE_FINAL_TYPE (FdClaimsPreferences, fd_claims_preferences, ADW_TYPE_PREFERENCES_PAGE)

static const FdClaimKind kinds[] = {
  FD_CLAIM_KIND_COMPLAINT,
  FD_CLAIM_KIND_COMPLIMENT,
  FD_CLAIM_KIND_SUGGESTION,
  FD_CLAIM_KIND_REQUEST,
};

/* Helpers */

static void
add_toast (FdClaimsPreferences *self,
           const char          *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
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
update_actions (FdClaimsPreferences *self)
{
  gboolean store = self->store != NULL;
  gboolean branch = store && fd_store_get_current_branch (self->store) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims-preferences.add-closed-day", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims-preferences.remove-closed-day", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims-preferences.add-category", store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims-preferences.save-template", store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims-preferences.restore-template", store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims-preferences.insert-placeholder", store);
  gtk_widget_set_sensitive (GTK_WIDGET (self->satisfaction_row), store);
}

/* Errors beside their field: a row right after the field's row, made on first use. */

static GtkWidget *
ensure_error_row (GtkWidget *row)
{
  GtkWidget *error_row = g_object_get_data (G_OBJECT (row), "fd-error-row");
  GtkWidget *label;

  if (error_row != NULL)
    return error_row;

  error_row = adw_preferences_row_new ();
  label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "field-error");
  gtk_widget_add_css_class (label, "error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_visible (error_row, FALSE);
  gtk_list_box_insert (GTK_LIST_BOX (gtk_widget_get_parent (row)), error_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + 1);
  g_object_set_data (G_OBJECT (row), "fd-error-row", error_row);

  return error_row;
}

static void
mark_invalid (GtkWidget *field,
              gboolean   invalid)
{
  if (invalid)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
    }
}

/* Shows @message under @row; @field (the row or a control in it) is marked invalid. */
static void
show_row_error (GtkWidget  *row,
                GtkWidget  *field,
                const char *message)
{
  GtkWidget *error_row = ensure_error_row (row);
  GtkWidget *label = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row));

  gtk_label_set_text (GTK_LABEL (label), message);
  gtk_widget_set_visible (error_row, TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  label, NULL, -1);
  mark_invalid (field, TRUE);
}

static void
clear_row_error (GtkWidget *row,
                 GtkWidget *field)
{
  GtkWidget *error_row = g_object_get_data (G_OBJECT (row), "fd-error-row");

  if (error_row != NULL)
    gtk_widget_set_visible (error_row, FALSE);
  mark_invalid (field, FALSE);
}

/* Deadlines */

static FdClaimKind
selected_kind (FdClaimsPreferences *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return kinds[selected < G_N_ELEMENTS (kinds) ? selected : 0];
}

static void
clear_deadline_error (FdClaimsPreferences *self,
                      int                  priority)
{
  clear_row_error (self->deadline_rows[priority], GTK_WIDGET (self->ack_spins[priority]));
  mark_invalid (GTK_WIDGET (self->resolve_spins[priority]), FALSE);
}

static void
load_deadlines (FdClaimsPreferences *self)
{
  if (self->store == NULL)
    return;

  self->loading = TRUE;
  for (int p = 0; p < N_PRIORITIES; p++)
    {
      g_autoptr(GError) error = NULL;
      int ack = 0, resolve = 0;

      clear_deadline_error (self, p);
      if (!fd_store_get_claim_deadline (self->store, selected_kind (self), p, &ack, &resolve, &error))
        {
          g_warning ("Could not read a claim deadline: %s", error->message);
          continue;
        }
      gtk_spin_button_set_value (self->ack_spins[p], ack);
      gtk_spin_button_set_value (self->resolve_spins[p], resolve);
    }
  self->loading = FALSE;
}

static void
save_deadline (FdClaimsPreferences *self,
               int                  priority)
{
  FdClaimKind kind = selected_kind (self);
  int ack = gtk_spin_button_get_value_as_int (self->ack_spins[priority]);
  int resolve = gtk_spin_button_get_value_as_int (self->resolve_spins[priority]);
  int stored_ack = -1, stored_resolve = -1;
  g_autoptr(GError) error = NULL;
  GtkWidget *field;

  clear_deadline_error (self, priority);

  /* The store announces every change, and the reload sets the same values again. */
  if (fd_store_get_claim_deadline (self->store, kind, priority, &stored_ack, &stored_resolve, NULL) &&
      stored_ack == ack && stored_resolve == resolve)
    return;

  if (fd_store_set_claim_deadline (self->store, kind, priority, ack, resolve, &error))
    return;

  field = g_strcmp0 (fd_error_get_field (error), "resolve_days") == 0 ? GTK_WIDGET (self->resolve_spins[priority])
                                                                      : GTK_WIDGET (self->ack_spins[priority]);
  show_row_error (self->deadline_rows[priority], field, error->message);
}

static void
on_deadline_spin_value_changed_cb (GtkSpinButton *spin,
                                   gpointer       user_data)
{
  FdClaimsPreferences *self = user_data;

  if (self->loading || self->store == NULL)
    return;

  save_deadline (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (spin), "fd-priority")));
}

static void
on_kind_row_selected_cb (FdClaimsPreferences *self)
{
  load_deadlines (self);
}

/* Scrolling the page over a spin button would change a deadline, and save it, unseen: the
 * wheel only counts once the field has the keyboard. */
static gboolean
on_spin_scroll_cb (GtkEventControllerScroll *controller,
                   double                    dx,
                   double                    dy,
                   gpointer                  user_data)
{
  GtkWidget *spin = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *scroller;
  GtkAdjustment *adjustment;

  if ((gtk_widget_get_state_flags (spin) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0)
    return FALSE;

  /* The page scrolls on instead, by the step a GtkScrolledWindow takes for a wheel click. */
  scroller = gtk_widget_get_ancestor (spin, GTK_TYPE_SCROLLED_WINDOW);
  if (scroller != NULL)
    {
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                dy * pow (gtk_adjustment_get_page_size (adjustment), 2.0 / 3.0));
    }

  return TRUE;
}

static GtkWidget *
new_days_spin (FdClaimsPreferences *self,
               int                  priority,
               int                  upper,
               const char          *caption,
               const char          *accessible_label,
               const char          *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (caption);
  GtkWidget *spin = gtk_spin_button_new_with_range (0, upper, 1);
  GtkEventController *scroll;

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);

  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_spin_button_set_update_policy (GTK_SPIN_BUTTON (spin), GTK_UPDATE_IF_VALID);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 3);
  gtk_widget_set_name (spin, name);
  gtk_widget_set_tooltip_text (spin, accessible_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  g_object_set_data (G_OBJECT (spin), "fd-priority", GINT_TO_POINTER (priority));
  g_signal_connect (spin, "value-changed", G_CALLBACK (on_deadline_spin_value_changed_cb), self);
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_spin_scroll_cb), NULL);
  gtk_widget_add_controller (spin, scroll);
  gtk_box_append (GTK_BOX (box), spin);

  return box;
}

static void
build_deadlines (FdClaimsPreferences *self)
{
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, fd_claim_kind_to_label (kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));

  /* High first: the shortest deadlines lead. */
  for (int p = N_PRIORITIES - 1; p >= 0; p--)
    {
      const char *priority = fd_claim_priority_to_label (p);
      g_autofree char *ack_label = NULL;
      g_autofree char *resolve_label = NULL;
      g_autofree char *ack_name = g_strdup_printf ("ack-days-%d", p);
      g_autofree char *resolve_name = g_strdup_printf ("resolve-days-%d", p);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *ack, *resolve;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), priority);
      /* Translators: accessible label of a number field; %s is a claim priority, e.g. "High" */
      ack_label = g_strdup_printf (_("Working days to acknowledge, priority %s"), priority);
      /* Translators: accessible label of a number field; %s is a claim priority, e.g. "High" */
      resolve_label = g_strdup_printf (_("Working days to resolve, priority %s"), priority);

      ack = new_days_spin (self, p, 60, C_("deadline", "Acknowledge"), ack_label, ack_name);
      resolve = new_days_spin (self, p, 365, C_("deadline", "Resolve"), resolve_label, resolve_name);
      self->ack_spins[p] = GTK_SPIN_BUTTON (gtk_widget_get_last_child (ack));
      self->resolve_spins[p] = GTK_SPIN_BUTTON (gtk_widget_get_last_child (resolve));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), ack);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), resolve);

      adw_preferences_group_add (self->deadlines_group, row);
      self->deadline_rows[p] = row;
    }
}

/* Satisfaction survey */

static void
load_satisfaction (FdClaimsPreferences *self)
{
  if (self->store == NULL)
    return;

  self->loading = TRUE;
  clear_row_error (GTK_WIDGET (self->satisfaction_row), GTK_WIDGET (self->satisfaction_spin));
  gtk_spin_button_set_value (self->satisfaction_spin, fd_store_get_satisfaction_days (self->store));
  self->loading = FALSE;
}

static void
on_satisfaction_spin_value_changed_cb (FdClaimsPreferences *self)
{
  g_autoptr(GError) error = NULL;
  int days = gtk_spin_button_get_value_as_int (self->satisfaction_spin);

  if (self->loading || self->store == NULL)
    return;

  clear_row_error (GTK_WIDGET (self->satisfaction_row), GTK_WIDGET (self->satisfaction_spin));
  if (days == fd_store_get_satisfaction_days (self->store))
    return;

  if (!fd_store_set_satisfaction_days (self->store, days, &error))
    show_row_error (GTK_WIDGET (self->satisfaction_row), GTK_WIDGET (self->satisfaction_spin), error->message);
}

/* Closed days */

static gint64
branch_id (FdClaimsPreferences *self)
{
  return self->store != NULL ? fd_store_get_current_branch (self->store) : 0;
}

static void
describe_closed_days (FdClaimsPreferences *self)
{
  g_autoptr(FdBranch) branch = fd_store_get_branch (self->store, branch_id (self), NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GArray) holidays = NULL;
  g_autofree char *description = NULL;
  guint n = 0;

  if (branch != NULL)
    holidays = fd_calendar_list_holidays (fd_branch_get_country (branch), g_date_time_get_year (now));
  n = holidays != NULL ? holidays->len : 0;

  if (n > 0)
    /* Translators: %u is the number of public holidays this year in the branch's country */
    description = g_strdup_printf (ngettext ("Days the branch is closed besides its weekly hours, which claims’ deadlines skip. "
                                             "The public holidays of its country are already counted: %u this year.",
                                             "Days the branch is closed besides its weekly hours, which claims’ deadlines skip. "
                                             "The public holidays of its country are already counted: %u this year.", n), n);
  else
    description = g_strdup (_("Days the branch is closed besides its weekly hours, which claims’ deadlines skip. "
                              "The public holidays of its country are already counted."));

  adw_preferences_group_set_description (self->closed_days_group, description);
}

static char *
format_day (const GDate *day)
{
  g_autoptr(GDateTime) date = g_date_time_new_local (g_date_get_year (day), g_date_get_month (day),
                                                     g_date_get_day (day), 12, 0, 0);

  /* Translators: a closed day, in g_date_time_format() syntax, e.g. "Friday 24 December 2027" */
  return g_date_time_format (date, _("%A %-d %B %Y"));
}

static GtkWidget *
new_closed_day_row (const GDate *day)
{
  g_autofree char *text = format_day (day);
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), text);

  /* Translators: a button's tooltip and accessible label; %s is a date */
  remove_label = g_strdup_printf (_("Remove the closed day %s"), text);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, remove_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "claims-preferences.remove-closed-day");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button),
                                          g_variant_new_uint32 (g_date_get_julian (day)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static void
load_closed_days (FdClaimsPreferences *self)
{
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->closed_days_list);
  gtk_widget_set_visible (GTK_WIDGET (self->closed_days_group), branch_id (self) > 0);
  if (branch_id (self) <= 0)
    return;

  describe_closed_days (self);
  days = fd_store_list_closed_days (self->store, branch_id (self), &error);
  if (days == NULL)
    {
      g_warning ("Could not read the closed days: %s", error->message);
      return;
    }

  for (guint i = 0; i < days->len; i++)
    gtk_list_box_append (self->closed_days_list, new_closed_day_row (&g_array_index (days, GDate, i)));
}

static void
on_closed_day_popover_show_cb (FdClaimsPreferences *self)
{
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();

  gtk_calendar_select_day (self->closed_day_calendar, today);
  gtk_widget_grab_focus (GTK_WIDGET (self->closed_day_calendar));
}

static void
on_closed_day_calendar_day_selected_cb (FdClaimsPreferences *self)
{
  /* Nothing to do: the Add button reads the date, so the arrow keys can wander. */
}

/* Categories */

static gboolean
strv_equal0 (GStrv a,
             GStrv b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strv_equal ((const char * const *) a, (const char * const *) b);
}

static void
on_category_row_apply_cb (AdwEntryRow *row,
                          gpointer     user_data)
{
  FdClaimsPreferences *self = user_data;
  const char *code = g_object_get_data (G_OBJECT (row), "fd-code");
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  g_autoptr(GError) error = NULL;

  clear_row_error (GTK_WIDGET (row), GTK_WIDGET (row));
  if (!fd_store_set_claim_category (self->store, code, *label != '\0' ? label : NULL, &error))
    {
      show_row_error (GTK_WIDGET (row), GTK_WIDGET (row), error->message);
      gtk_widget_grab_focus (GTK_WIDGET (row));
      return;
    }

  /* An emptied name shows the default it went back to. */
  if (*label == '\0' && self->category_codes != NULL)
    for (guint i = 0; self->category_codes[i] != NULL; i++)
      if (g_str_equal (self->category_codes[i], code))
        gtk_editable_set_text (GTK_EDITABLE (row), self->category_labels[i]);

  add_toast (self, *label != '\0' ? _("Category renamed") : _("Category name restored"));
}

static GtkWidget *
new_category_row (const char *code,
                  const char *label)
{
  const char *default_label = fd_claim_category_to_label (code);
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), default_label != NULL ? default_label : code);
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), label);
  gtk_widget_set_tooltip_text (row, _("Type a new name and press Enter; leave it empty for the default name"));
  g_object_set_data_full (G_OBJECT (row), "fd-code", g_strdup (code), g_free);

  return row;
}

static void
load_categories (FdClaimsPreferences *self,
                 gboolean             force)
{
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) labels = NULL;
  g_autoptr(GError) error = NULL;

  if (!fd_store_list_claim_categories (self->store, &codes, &labels, &error))
    {
      g_warning ("Could not read the claim categories: %s", error->message);
      return;
    }

  /* Claims change often; rebuilding the rows then would drop a name being typed. */
  if (!force && strv_equal0 (codes, self->category_codes) && strv_equal0 (labels, self->category_labels))
    return;

  /* A rename: only the rows whose names changed, so the keyboard stays where it was. */
  if (!force && strv_equal0 (codes, self->category_codes))
    {
      for (guint i = 0; codes[i] != NULL; i++)
        if (g_strcmp0 (labels[i], self->category_labels[i]) != 0)
          gtk_editable_set_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (self->categories_list, (int) i)),
                                 labels[i]);

      g_strfreev (self->category_labels);
      self->category_labels = g_steal_pointer (&labels);
      return;
    }

  clear_list_box (self->categories_list);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      GtkWidget *row = new_category_row (codes[i], labels[i]);

      g_signal_connect (row, "apply", G_CALLBACK (on_category_row_apply_cb), self);
      gtk_list_box_append (self->categories_list, row);
    }

  g_strfreev (self->category_codes);
  g_strfreev (self->category_labels);
  self->category_codes = g_steal_pointer (&codes);
  self->category_labels = g_steal_pointer (&labels);
}

/* A code from a name: lower-case ASCII letters, digits and single underscores. */
static char *
derive_code (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *code = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && code->len < 40; p++)
    {
      char c = g_ascii_tolower (*p);

      if (g_ascii_isalnum (c))
        g_string_append_c (code, c);
      else if (code->len > 0 && code->str[code->len - 1] != '_')
        g_string_append_c (code, '_');
    }

  while (code->len > 0 && code->str[code->len - 1] == '_')
    g_string_truncate (code, code->len - 1);

  return g_string_free (code, FALSE);
}

static gboolean
has_category (FdClaimsPreferences *self,
              const char          *code)
{
  return self->category_codes != NULL &&
         g_strv_contains ((const char * const *) self->category_codes, code);
}

/* A derived code that is taken gets a number: opening_hours_2. */
static char *
free_code (FdClaimsPreferences *self,
           const char          *base)
{
  char *code = g_strdup (base);

  for (guint n = 2; *base != '\0' && has_category (self, code); n++)
    {
      g_free (code);
      code = g_strdup_printf ("%.36s_%u", base, n);
    }

  return code;
}

static void
on_new_category_row_entry_activated_cb (FdClaimsPreferences *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "claims-preferences.add-category", NULL);
}

/* Reply templates */

static const char *
shown_template_code (FdClaimsPreferences *self)
{
  const char * const *codes = fd_reply_template_codes ();

  return self->shown_template < g_strv_length ((char **) codes) ? codes[self->shown_template] : codes[0];
}

static const char *
shown_language (FdClaimsPreferences *self)
{
  const char * const *languages = fd_languages ();

  return self->shown_language < g_strv_length ((char **) languages) ? languages[self->shown_language] : languages[0];
}

static void
clear_template_error (FdClaimsPreferences *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->template_error), FALSE);
  mark_invalid (GTK_WIDGET (self->body_view), FALSE);
  mark_invalid (GTK_WIDGET (self->subject_row), FALSE);
}

static void
load_template (FdClaimsPreferences *self)
{
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  self->shown_template = adw_combo_row_get_selected (self->template_row);
  self->shown_language = adw_combo_row_get_selected (self->language_row);
  clear_template_error (self);

  if (self->store == NULL)
    return;

  if (!fd_store_get_reply_template (self->store, shown_template_code (self), shown_language (self),
                                    &subject, &body, &error))
    {
      g_warning ("Could not read a reply template: %s", error->message);
      return;
    }

  g_free (self->shown_subject);
  g_free (self->shown_body);
  self->shown_subject = g_strdup (subject != NULL ? subject : "");
  self->shown_body = g_strdup (body != NULL ? body : "");

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->subject_row), self->shown_subject);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), self->shown_body, -1);
  self->loading = FALSE;
}

static void
show_template_choice (FdClaimsPreferences *self,
                      guint                template,
                      guint                language)
{
  self->loading = TRUE;
  adw_combo_row_set_selected (self->template_row, template);
  adw_combo_row_set_selected (self->language_row, language);
  self->loading = FALSE;
}

static void
on_discard_dialog_response_cb (AdwMessageDialog *dialog,
                               const char       *response,
                               gpointer          user_data)
{
  g_autoptr(FdClaimsPreferences) self = user_data;
  guint wanted_template = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "fd-template"));
  guint wanted_language = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "fd-language"));

  if (g_str_equal (response, "save") && !fd_claims_preferences_save_template (self))
    response = "cancel";

  if (g_str_equal (response, "cancel"))
    {
      show_template_choice (self, self->shown_template, self->shown_language);
      return;
    }

  show_template_choice (self, wanted_template, wanted_language);
  load_template (self);
}

/* The template or language picked changed while the text shown has edits: ask first. */
static void
ask_discard (FdClaimsPreferences *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;
  g_autofree char *body = NULL;

  /* Translators: %1$s is a reply template's name, %2$s a language, e.g. "Acknowledgement", "Dutch" */
  body = g_strdup_printf (_("The template “%1$s” in %2$s has changes that are not saved."),
                          fd_reply_template_to_label (shown_template_code (self)),
                          fd_language_to_label (shown_language (self)));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Changes to the Template?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "fd-template",
                     GUINT_TO_POINTER (adw_combo_row_get_selected (self->template_row)));
  g_object_set_data (G_OBJECT (dialog), "fd-language",
                     GUINT_TO_POINTER (adw_combo_row_get_selected (self->language_row)));
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_dialog_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_template_choice_selected_cb (FdClaimsPreferences *self)
{
  if (self->loading || self->store == NULL)
    return;

  if (adw_combo_row_get_selected (self->template_row) == self->shown_template &&
      adw_combo_row_get_selected (self->language_row) == self->shown_language)
    return;

  if (fd_claims_preferences_get_template_modified (self))
    ask_discard (self);
  else
    load_template (self);
}

static void
on_template_text_changed_cb (FdClaimsPreferences *self)
{
  if (!self->loading)
    clear_template_error (self);
}

static void
build_templates (FdClaimsPreferences *self)
{
  const char * const *codes = fd_reply_template_codes ();
  const char * const *languages = fd_languages ();
  const char * const *placeholders = fd_reply_template_placeholders ();
  g_autoptr(GtkStringList) template_labels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) language_labels = gtk_string_list_new (NULL);

  for (guint i = 0; codes[i] != NULL; i++)
    gtk_string_list_append (template_labels, fd_reply_template_to_label (codes[i]));
  for (guint i = 0; languages[i] != NULL; i++)
    gtk_string_list_append (language_labels, fd_language_to_label (languages[i]));

  self->loading = TRUE;
  adw_combo_row_set_model (self->template_row, G_LIST_MODEL (template_labels));
  adw_combo_row_set_model (self->language_row, G_LIST_MODEL (language_labels));
  self->loading = FALSE;

  for (guint i = 0; placeholders[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("{%s}", placeholders[i]);
      /* Translators: tooltip of a button; %s is a placeholder such as {customer_name} */
      g_autofree char *tooltip = g_strdup_printf (_("Put %s into the text"), text);
      GtkWidget *button = gtk_button_new_with_label (text);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "monospace");
      gtk_widget_set_tooltip_text (button, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "claims-preferences.insert-placeholder");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (placeholders[i]));
      gtk_flow_box_append (self->placeholders_box, button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->body_view), "changed",
                            G_CALLBACK (on_template_text_changed_cb), self);
}

/* Signal callbacks */

static void
on_store_claims_changed_cb (FdClaimsPreferences *self)
{
  load_deadlines (self);
  load_categories (self, FALSE);
}

static void
on_store_branches_changed_cb (FdClaimsPreferences *self)
{
  load_closed_days (self);
}

/* Actions */

static void
add_closed_day_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  FdClaimsPreferences *self = FD_CLAIMS_PREFERENCES (widget);
  g_autoptr(GDateTime) picked = gtk_calendar_get_date (self->closed_day_calendar);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *message = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (picked), g_date_time_get_month (picked),
                  g_date_time_get_year (picked));
  gtk_popover_popdown (self->closed_day_popover);

  if (!fd_store_set_closed_day (self->store, branch_id (self), &day, TRUE, &error))
    {
      add_toast (self, error->message);
      return;
    }

  text = format_day (&day);
  /* Translators: %s is a date */
  message = g_strdup_printf (_("The branch is closed on %s"), text);
  add_toast (self, message);
}

static void
remove_closed_day_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  FdClaimsPreferences *self = FD_CLAIMS_PREFERENCES (widget);
  g_autoptr(GError) error = NULL;
  GDate day;

  g_date_clear (&day, 1);
  g_date_set_julian (&day, g_variant_get_uint32 (param));

  if (!fd_store_set_closed_day (self->store, branch_id (self), &day, FALSE, &error))
    add_toast (self, error->message);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->closed_days_list));
}

static void
add_category_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FdClaimsPreferences *self = FD_CLAIMS_PREFERENCES (widget);
  GtkWidget *name_row = GTK_WIDGET (self->new_category_row);
  GtkWidget *code_row = GTK_WIDGET (self->new_category_code_row);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (name_row))));
  g_autofree char *typed_code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (code_row))));
  g_autofree char *code = NULL;
  g_autoptr(GError) error = NULL;

  clear_row_error (name_row, name_row);
  clear_row_error (code_row, code_row);

  if (*name == '\0')
    {
      show_row_error (name_row, name_row, _("Type the category’s name first."));
      gtk_widget_grab_focus (name_row);
      return;
    }

  if (*typed_code != '\0' && has_category (self, typed_code))
    {
      /* Translators: %s is a category code such as opening_hours */
      g_autofree char *message = g_strdup_printf (_("There is already a category with the code “%s”."), typed_code);

      show_row_error (code_row, code_row, message);
      gtk_widget_grab_focus (code_row);
      return;
    }

  if (*typed_code != '\0')
    code = g_steal_pointer (&typed_code);
  else
    {
      g_autofree char *derived = derive_code (name);

      code = free_code (self, derived);
    }

  if (!fd_store_set_claim_category (self->store, code, name, &error))
    {
      GtkWidget *row = g_strcmp0 (fd_error_get_field (error), "label") == 0 ? name_row : code_row;

      show_row_error (row, row, error->message);
      gtk_widget_grab_focus (row);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (name_row), "");
  gtk_editable_set_text (GTK_EDITABLE (code_row), "");
  load_categories (self, FALSE);
  add_toast (self, _("Category added"));
}

static void
save_template_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  FdClaimsPreferences *self = FD_CLAIMS_PREFERENCES (widget);

  if (fd_claims_preferences_save_template (self))
    add_toast (self, _("Template saved"));
}

static void
restore_template_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  FdClaimsPreferences *self = FD_CLAIMS_PREFERENCES (widget);
  g_autoptr(GError) error = NULL;

  clear_template_error (self);
  if (!fd_store_set_reply_template (self->store, shown_template_code (self), shown_language (self),
                                    NULL, NULL, &error))
    {
      gtk_label_set_text (self->template_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->template_error), TRUE);
      return;
    }

  load_template (self);
  add_toast (self, _("The built-in text is back"));
}

static void
insert_placeholder_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  FdClaimsPreferences *self = FD_CLAIMS_PREFERENCES (widget);
  g_autofree char *text = g_strdup_printf ("{%s}", g_variant_get_string (param, NULL));

  gtk_text_buffer_insert_at_cursor (gtk_text_view_get_buffer (self->body_view), text, -1);
  gtk_widget_grab_focus (GTK_WIDGET (self->body_view));
}

/* GObject */

static void
fd_claims_preferences_dispose (GObject *object)
{
  FdClaimsPreferences *self = (FdClaimsPreferences *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CLAIMS_PREFERENCES);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_claims_preferences_parent_class)->dispose (object);
}

static void
fd_claims_preferences_finalize (GObject *object)
{
  FdClaimsPreferences *self = (FdClaimsPreferences *)object;

  g_clear_pointer (&self->category_codes, g_strfreev);
  g_clear_pointer (&self->category_labels, g_strfreev);
  g_clear_pointer (&self->shown_subject, g_free);
  g_clear_pointer (&self->shown_body, g_free);

  G_OBJECT_CLASS (fd_claims_preferences_parent_class)->finalize (object);
}

static void
fd_claims_preferences_class_init (FdClaimsPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_claims_preferences_dispose;
  object_class->finalize = fd_claims_preferences_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-claims-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, deadlines_group);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, satisfaction_spin);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, closed_days_group);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, closed_day_popover);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, closed_day_calendar);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, closed_days_list);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, categories_list);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, new_category_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, new_category_code_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, template_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, language_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, subject_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, body_view);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, template_error);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsPreferences, placeholders_box);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_satisfaction_spin_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_closed_day_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_closed_day_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_category_row_entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_template_choice_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_template_text_changed_cb);

  gtk_widget_class_install_action (widget_class, "claims-preferences.add-closed-day", NULL, add_closed_day_action);
  gtk_widget_class_install_action (widget_class, "claims-preferences.remove-closed-day", "u", remove_closed_day_action);
  gtk_widget_class_install_action (widget_class, "claims-preferences.add-category", NULL, add_category_action);
  gtk_widget_class_install_action (widget_class, "claims-preferences.save-template", NULL, save_template_action);
  gtk_widget_class_install_action (widget_class, "claims-preferences.restore-template", NULL, restore_template_action);
  gtk_widget_class_install_action (widget_class, "claims-preferences.insert-placeholder", "s", insert_placeholder_action);
}

static void
fd_claims_preferences_init (FdClaimsPreferences *self)
{
  GtkWidget *placeholder;
  GtkEventController *scroll;

  gtk_widget_init_template (GTK_WIDGET (self));

  placeholder = gtk_label_new (_("No closed days of its own yet."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->closed_days_list, placeholder);

  build_deadlines (self);
  build_templates (self);

  /* As for the deadlines: the wheel changes the days only once the field has the keyboard. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect (scroll, "scroll", G_CALLBACK (on_spin_scroll_cb), NULL);
  gtk_widget_add_controller (GTK_WIDGET (self->satisfaction_spin), scroll);
  update_actions (self);
}

FdStore *
fd_claims_preferences_get_store (FdClaimsPreferences *self)
{
  g_return_val_if_fail (FD_IS_CLAIMS_PREFERENCES (self), NULL);

  return self->store;
}

void
fd_claims_preferences_set_store (FdClaimsPreferences *self,
                                 FdStore             *store)
{
  g_return_if_fail (FD_IS_CLAIMS_PREFERENCES (self));
  g_return_if_fail (!store || FD_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "claims-changed", G_CALLBACK (on_store_claims_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "branches-changed", G_CALLBACK (on_store_branches_changed_cb), self,
                               G_CONNECT_SWAPPED);
      load_deadlines (self);
      load_satisfaction (self);
      load_closed_days (self);
      load_categories (self, TRUE);
      load_template (self);
    }

  update_actions (self);
}

gboolean
fd_claims_preferences_get_template_modified (FdClaimsPreferences *self)
{
  g_autofree char *body = NULL;

  g_return_val_if_fail (FD_IS_CLAIMS_PREFERENCES (self), FALSE);

  if (self->store == NULL || self->shown_body == NULL)
    return FALSE;

  body = dup_buffer_text (self->body_view);

  return g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->subject_row)), self->shown_subject) != 0 ||
         g_strcmp0 (body, self->shown_body) != 0;
}

gboolean
fd_claims_preferences_save_template (FdClaimsPreferences *self)
{
  const char *subject;
  g_autofree char *body = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (FD_IS_CLAIMS_PREFERENCES (self), FALSE);

  if (self->store == NULL)
    return FALSE;

  clear_template_error (self);
  subject = gtk_editable_get_text (GTK_EDITABLE (self->subject_row));
  body = dup_buffer_text (self->body_view);

  if (!fd_store_set_reply_template (self->store, shown_template_code (self), shown_language (self),
                                    subject, body, &error))
    {
      /* The core names the first unknown placeholder; mark the field that has it. */
      GtkWidget *field = fd_reply_template_check (subject, NULL) ? GTK_WIDGET (self->body_view)
                                                                  : GTK_WIDGET (self->subject_row);

      gtk_label_set_text (self->template_error, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->template_error), TRUE);
      mark_invalid (field, TRUE);
      gtk_widget_grab_focus (field);
      return FALSE;
    }

  g_free (self->shown_subject);
  g_free (self->shown_body);
  self->shown_subject = g_strdup (subject);
  self->shown_body = g_steal_pointer (&body);

  return TRUE;
}

void
fd_claims_preferences_revert_template (FdClaimsPreferences *self)
{
  g_return_if_fail (FD_IS_CLAIMS_PREFERENCES (self));

  show_template_choice (self, self->shown_template, self->shown_language);
  load_template (self);
}
