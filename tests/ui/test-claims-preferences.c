/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Preferences → Claims: deadlines, the branch's closed days, categories and reply templates,
 * each checked in the store after going through the page. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fd-application.h"
#include "fd-claims-preferences.h"
#include "fd-preferences-window.h"
#include "fd-reply-template.h"

typedef struct
{
  char                *dir;
  FdStore             *store;
  GtkWidget           *window;
  FdClaimsPreferences *page;
  gint64               branch_id;
} Fixture;

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("frontdesk-claims-prefs-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "frontdesk.db", NULL);
  fixture->store = fd_store_open (path, &error);
  g_assert_no_error (error);

  fd_branch_set_name (draft, "Riga Centrs");
  fd_branch_set_country (draft, "LV");
  fd_branch_set_address (draft, "Brīvības iela 1, Rīga");
  branch = fd_store_add_branch (fixture->store, draft, &error);
  g_assert_no_error (error);
  fixture->branch_id = fd_branch_get_id (branch);

  fixture->window = g_object_ref_sink (fd_preferences_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 700, 800);
  gtk_window_present (GTK_WINDOW (fixture->window));
  fixture->page = FD_CLAIMS_PREFERENCES (gtk_widget_get_template_child (fixture->window, FD_TYPE_PREFERENCES_WINDOW,
                                                                         "claims_page"));
  g_assert_true (FD_IS_CLAIMS_PREFERENCES (fixture->page));
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (fixture->window),
                                           ADW_PREFERENCES_PAGE (fixture->page));
  spin ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  g_autoptr(GDir) dir = NULL;
  const char *name;

  for (const GList *l = toplevels; l != NULL; l = l->next)
    gtk_window_destroy (GTK_WINDOW (l->data));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->store);
  spin ();

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static GtkWidget *
child_of (Fixture    *fixture,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (fixture->page), FD_TYPE_CLAIMS_PREFERENCES, name);

  g_assert_true (GTK_IS_WIDGET (child));

  return GTK_WIDGET (child);
}

/* A widget built in code, by its widget name. */
static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkSpinButton *
days_spin (Fixture    *fixture,
           const char *what,
           int         priority)
{
  g_autofree char *name = g_strdup_printf ("%s-days-%d", what, priority);
  GtkWidget *spin_button = find_named (GTK_WIDGET (fixture->page), name);

  g_assert_true (GTK_IS_SPIN_BUTTON (spin_button));

  return GTK_SPIN_BUTTON (spin_button);
}

static gpointer
find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static guint
position_of (const char * const *codes,
             const char         *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i;

  g_assert_not_reached ();
}

static void
test_deadlines (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  GtkSpinButton *resolve;
  GtkWidget *row, *error_row;
  int ack = -1, days = -1;

  /* Suggestions of high priority: resolve within 7 working days. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fixture, "kind_row")), FD_CLAIM_KIND_SUGGESTION);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (days_spin (fixture, "ack", FD_CLAIM_PRIORITY_HIGH)), ==, 1);
  gtk_spin_button_set_value (days_spin (fixture, "resolve", FD_CLAIM_PRIORITY_HIGH), 7);
  g_assert_true (fd_store_get_claim_deadline (fixture->store, FD_CLAIM_KIND_SUGGESTION, FD_CLAIM_PRIORITY_HIGH,
                                              &ack, &days, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ack, ==, 1);
  g_assert_cmpint (days, ==, 7);
  /* Other kinds keep theirs. */
  g_assert_true (fd_store_get_claim_deadline (fixture->store, FD_CLAIM_KIND_COMPLAINT, FD_CLAIM_PRIORITY_HIGH,
                                              &ack, &days, &error));
  g_assert_cmpint (days, ==, 5);

  /* Resolving before the acknowledgement is due is refused beside the row, and not stored. */
  resolve = days_spin (fixture, "resolve", FD_CLAIM_PRIORITY_NORMAL);
  gtk_spin_button_set_value (resolve, 1);
  row = gtk_widget_get_ancestor (GTK_WIDGET (resolve), ADW_TYPE_ACTION_ROW);
  error_row = g_object_get_data (G_OBJECT (row), "fd-error-row");
  g_assert_nonnull (error_row);
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row)))), !=, "");
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (resolve), "error"));
  g_assert_true (fd_store_get_claim_deadline (fixture->store, FD_CLAIM_KIND_SUGGESTION, FD_CLAIM_PRIORITY_NORMAL,
                                              &ack, &days, &error));
  g_assert_cmpint (ack, ==, 2);
  g_assert_cmpint (days, ==, 10);

  /* A good value takes the error away. */
  gtk_spin_button_set_value (resolve, 12);
  g_assert_false (gtk_widget_get_visible (error_row));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (resolve), "error"));
  g_assert_true (fd_store_get_claim_deadline (fixture->store, FD_CLAIM_KIND_SUGGESTION, FD_CLAIM_PRIORITY_NORMAL,
                                              &ack, &days, &error));
  g_assert_cmpint (days, ==, 12);

  /* Back to complaints: the rows show their values. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fixture, "kind_row")), FD_CLAIM_KIND_COMPLAINT);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (resolve), ==, 10);
}

static void
test_closed_days (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) picked = g_date_time_new_local (2031, 5, 16, 0, 0, 0);
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  GtkListBox *list = GTK_LIST_BOX (child_of (fixture, "closed_days_list"));
  GDate *day;

  g_assert_true (gtk_widget_get_visible (child_of (fixture, "closed_days_group")));
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  gtk_calendar_select_day (GTK_CALENDAR (child_of (fixture, "closed_day_calendar")), picked);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "claims-preferences.add-closed-day", NULL);

  days = fd_store_list_closed_days (fixture->store, fixture->branch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 1);
  day = &g_array_index (days, GDate, 0);
  g_assert_cmpint (g_date_get_year (day), ==, 2031);
  g_assert_cmpint (g_date_get_month (day), ==, 5);
  g_assert_cmpint (g_date_get_day (day), ==, 16);
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_null (gtk_list_box_get_row_at_index (list, 1));

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "claims-preferences.remove-closed-day", "u",
                              g_date_get_julian (day));
  g_clear_pointer (&days, g_array_unref);
  days = fd_store_list_closed_days (fixture->store, fixture->branch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (days->len, ==, 0);
  g_assert_null (gtk_list_box_get_row_at_index (list, 0));
}

static void
test_categories (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkListBox *list = GTK_LIST_BOX (child_of (fixture, "categories_list"));
  GtkWidget *first = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  GtkWidget *name_row = child_of (fixture, "new_category_row");
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) labels = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *too_long = NULL;
  const char *first_code = fd_claim_default_categories ()[0];
  guint n;

  g_assert_true (ADW_IS_ENTRY_ROW (first));

  /* Rename the first one. */
  gtk_editable_set_text (GTK_EDITABLE (first), "Service quality");
  g_signal_emit_by_name (first, "apply");
  g_assert_true (fd_store_list_claim_categories (fixture->store, &codes, &labels, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (codes[0], ==, first_code);
  g_assert_cmpstr (labels[0], ==, "Service quality");
  g_clear_pointer (&codes, g_strfreev);
  g_clear_pointer (&labels, g_strfreev);

  /* Emptied, it is called by its default name again, and the row says so. */
  gtk_editable_set_text (GTK_EDITABLE (first), "");
  g_signal_emit_by_name (first, "apply");
  g_assert_true (fd_store_list_claim_categories (fixture->store, &codes, &labels, &error));
  g_assert_cmpstr (labels[0], ==, fd_claim_category_to_label (first_code));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gtk_list_box_get_row_at_index (list, 0))), ==, labels[0]);
  n = g_strv_length (codes);
  g_clear_pointer (&codes, g_strfreev);
  g_clear_pointer (&labels, g_strfreev);

  /* A name the core refuses: the error beside the row, nothing stored. */
  too_long = g_strnfill (120, 'x');
  gtk_editable_set_text (GTK_EDITABLE (first), too_long);
  g_signal_emit_by_name (first, "apply");
  g_assert_true (gtk_widget_get_visible (g_object_get_data (G_OBJECT (first), "fd-error-row")));
  g_assert_true (fd_store_list_claim_categories (fixture->store, &codes, &labels, &error));
  g_assert_cmpstr (labels[0], ==, fd_claim_category_to_label (first_code));
  g_clear_pointer (&codes, g_strfreev);
  g_clear_pointer (&labels, g_strfreev);

  /* A new one, its code made from its name. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Opening hours & holidays");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "claims-preferences.add-category", NULL);
  g_assert_true (fd_store_list_claim_categories (fixture->store, &codes, &labels, &error));
  g_assert_cmpuint (g_strv_length (codes), ==, n + 1);
  g_assert_cmpstr (codes[n], ==, "opening_hours_holidays");
  g_assert_cmpstr (labels[n], ==, "Opening hours & holidays");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (name_row)), ==, "");
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, (int) n));

  /* Without a name nothing is added. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "claims-preferences.add-category", NULL);
  g_assert_true (gtk_widget_get_visible (g_object_get_data (G_OBJECT (name_row), "fd-error-row")));
  g_assert_null (gtk_list_box_get_row_at_index (list, (int) n + 1));
}

static char *
text_of (GtkWidget *text_view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_text (GtkWidget  *text_view,
          const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (text_view)), text, -1);
}

static void
assert_template (Fixture    *fixture,
                 const char *code,
                 const char *language,
                 const char *subject,
                 const char *body)
{
  g_autofree char *stored_subject = NULL;
  g_autofree char *stored_body = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_store_get_reply_template (fixture->store, code, language, &stored_subject, &stored_body, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stored_subject, ==, subject);
  g_assert_cmpstr (stored_body, ==, body);
}

static void
test_templates (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const *codes = fd_reply_template_codes ();
  const char *default_subject = NULL, *default_body = NULL;
  const char *lv_subject = NULL, *lv_body = NULL;
  GtkWidget *body_view = child_of (fixture, "body_view");
  GtkWidget *subject_row = child_of (fixture, "subject_row");
  GtkWidget *error_label = child_of (fixture, "template_error");
  AdwMessageDialog *dialog;
  g_autofree char *shown = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fixture, "template_row")),
                              position_of (codes, "resolution"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fixture, "language_row")),
                              position_of (fd_languages (), "nl"));
  g_assert_true (fd_reply_template_get_default ("resolution", "nl", &default_subject, &default_body));
  shown = text_of (body_view);
  g_assert_cmpstr (shown, ==, default_body);
  g_assert_false (fd_claims_preferences_get_template_modified (fixture->page));

  /* Edited and saved. */
  gtk_editable_set_text (GTK_EDITABLE (subject_row), "Uw klacht {reference} is opgelost");
  set_text (body_view, "Beste {customer_name},\n\n{solution}\n\nMet vriendelijke groet,\n{staff_name}");
  g_assert_true (fd_claims_preferences_get_template_modified (fixture->page));
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "claims-preferences.save-template", NULL);
  g_assert_false (gtk_widget_get_visible (error_label));
  g_assert_false (fd_claims_preferences_get_template_modified (fixture->page));
  assert_template (fixture, "resolution", "nl", "Uw klacht {reference} is opgelost",
                   "Beste {customer_name},\n\n{solution}\n\nMet vriendelijke groet,\n{staff_name}");

  /* An unknown placeholder: refused, said beside the text, nothing stored. */
  set_text (body_view, "Beste {klantnaam}, het is opgelost.");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "claims-preferences.save-template", NULL);
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "klantnaam"));
  g_assert_true (gtk_widget_has_css_class (body_view, "error"));
  assert_template (fixture, "resolution", "nl", "Uw klacht {reference} is opgelost",
                   "Beste {customer_name},\n\n{solution}\n\nMet vriendelijke groet,\n{staff_name}");

  /* A placeholder button puts a known one in. */
  set_text (body_view, "Beste ");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "claims-preferences.insert-placeholder", "s",
                              "customer_name");
  g_clear_pointer (&shown, g_free);
  shown = text_of (body_view);
  g_assert_cmpstr (shown, ==, "Beste {customer_name}");

  /* Another language while edited: asked first; Cancel keeps the edits and the choice. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fixture, "language_row")),
                              position_of (fd_languages (), "lv"));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  spin ();
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child_of (fixture, "language_row"))), ==,
                    position_of (fd_languages (), "nl"));
  g_assert_true (fd_claims_preferences_get_template_modified (fixture->page));

  /* Closing the window asks too, and the window stays. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_true (gtk_widget_get_visible (fixture->window));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  spin ();

  /* Discard: the other language shows, as stored. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fixture, "language_row")),
                              position_of (fd_languages (), "lv"));
  dialog = find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "discard");
  spin ();
  g_assert_true (fd_reply_template_get_default ("resolution", "lv", &lv_subject, &lv_body));
  g_clear_pointer (&shown, g_free);
  shown = text_of (body_view);
  g_assert_cmpstr (shown, ==, lv_body);
  g_assert_false (fd_claims_preferences_get_template_modified (fixture->page));

  /* Back to Dutch, and its default restored. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (fixture, "language_row")),
                              position_of (fd_languages (), "nl"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (subject_row)), ==, "Uw klacht {reference} is opgelost");
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "claims-preferences.restore-template", NULL);
  assert_template (fixture, "resolution", "nl", default_subject, default_body);
  g_clear_pointer (&shown, g_free);
  shown = text_of (body_view);
  g_assert_cmpstr (shown, ==, default_body);
  g_assert_false (fd_claims_preferences_get_template_modified (fixture->page));
}

/* The satisfaction survey's delay: the spin button writes the store, 0 switches it off,
 * and the field has a label of its own. */
static void
test_satisfaction_days (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkSpinButton *spin_button = GTK_SPIN_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (fixture->page),
                                                                               FD_TYPE_CLAIMS_PREFERENCES,
                                                                               "satisfaction_spin"));
  g_autoptr(GError) error = NULL;

  g_assert_true (GTK_IS_SPIN_BUTTON (spin_button));
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_button), ==, fd_store_get_satisfaction_days (fixture->store));
  gtk_test_accessible_assert_property (spin_button, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Days after resolution for the satisfaction survey");

  gtk_spin_button_set_value (spin_button, 14);
  spin ();
  g_assert_cmpint (fd_store_get_satisfaction_days (fixture->store), ==, 14);

  gtk_spin_button_set_value (spin_button, 0);
  spin ();
  g_assert_cmpint (fd_store_get_satisfaction_days (fixture->store), ==, 0);

  /* A value set elsewhere shows when the page is opened again. */
  g_assert_true (fd_store_set_satisfaction_days (fixture->store, 30, &error));
  g_assert_no_error (error);
  fd_claims_preferences_set_store (fixture->page, NULL);
  fd_claims_preferences_set_store (fixture->page, fixture->store);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spin_button), ==, 30);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", FALSE);

  fd_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/fd/ui/claims-preferences/deadlines", Fixture, NULL, fixture_set_up, test_deadlines, fixture_tear_down);
  g_test_add ("/fd/ui/claims-preferences/closed-days", Fixture, NULL, fixture_set_up, test_closed_days, fixture_tear_down);
  g_test_add ("/fd/ui/claims-preferences/categories", Fixture, NULL, fixture_set_up, test_categories, fixture_tear_down);
  g_test_add ("/fd/ui/claims-preferences/templates", Fixture, NULL, fixture_set_up, test_templates, fixture_tear_down);
  g_test_add ("/fd/ui/claims-preferences/satisfaction-days", Fixture, NULL, fixture_set_up, test_satisfaction_days, fixture_tear_down);

  return g_test_run ();
}
