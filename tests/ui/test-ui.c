/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "fd-application.h"
#include "fd-customer-page.h"
#include "fd-customers-view.h"
#include "fd-error.h"
#include "fd-preferences-window.h"
#include "fd-window.h"

#define WAIT_TIMEOUT_US (5 * G_USEC_PER_SEC)

typedef struct
{
  char     *dir;
  char     *path;
  FdStore  *store;
  FdWindow *window;
  gint64    djordje_id;
  gint64    janis_id;
} Fixture;

typedef gboolean (*Condition) (Fixture *fixture, gconstpointer data);

static gint64
add_customer (FdStore    *store,
              const char *given_name,
              const char *family_name,
              const char *email)
{
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(FdCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;

  fd_customer_set_given_name (draft, given_name);
  fd_customer_set_family_name (draft, family_name);
  if (email != NULL)
    fd_customer_set_email (draft, email);

  saved = fd_store_add_customer (store, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);

  return fd_customer_get_id (saved);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("frontdesk-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "frontdesk.db", NULL);
  fixture->store = fd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);

  fixture->djordje_id = add_customer (fixture->store, "Đorđe", "Đorđević", "djordje@example.rs");
  add_customer (fixture->store, "Јован", "Јовановић", NULL);
  fixture->janis_id = add_customer (fixture->store, "Jānis", "Bērziņš", "janis@example.lv");
  add_customer (fixture->store, "Anna", "de Vries", "anna@example.nl");
  add_customer (fixture->store, "Pieter", "Jansen", NULL);

  fixture->window = g_object_ref_sink (fd_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->window);
  g_clear_object (&fixture->store);

  while (g_main_context_iteration (NULL, FALSE))
    ;

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (fixture->dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (fixture->dir);

  g_clear_pointer (&fixture->path, g_free);
  g_clear_pointer (&fixture->dir, g_free);
}

static gboolean
wait_for (Fixture       *fixture,
          Condition      condition,
          gconstpointer  data)
{
  gint64 end = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (!condition (fixture, data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

static FdCustomersView *
get_view (Fixture *fixture)
{
  return fd_window_get_customers_view (fixture->window);
}

static FdCustomerPage *
get_page (Fixture *fixture)
{
  return fd_customers_view_get_page (get_view (fixture));
}

static GtkWidget *
page_child (Fixture    *fixture,
            const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (get_page (fixture)),
                                                  FD_TYPE_CUSTOMER_PAGE, name);

  g_assert_true (GTK_IS_WIDGET (child));

  return GTK_WIDGET (child);
}

static gboolean
query_applied (Fixture       *fixture,
               gconstpointer  data)
{
  FdCustomerList *list = fd_customers_view_get_list (get_view (fixture));

  return g_strcmp0 (fd_customer_list_get_query (list) ? fd_customer_list_get_query (list) : "",
                    data) == 0;
}

static char **
search (Fixture    *fixture,
        const char *text)
{
  GListModel *list = G_LIST_MODEL (fd_customers_view_get_list (get_view (fixture)));
  GPtrArray *names = g_ptr_array_new ();

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.search", NULL);
  gtk_editable_set_text (fd_customers_view_get_search (get_view (fixture)), text);
  /* GtkSearchEntry emits search-changed after its own delay: run the loop until it did. */
  g_assert_true (wait_for (fixture, query_applied, text));

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(FdCustomer) customer = g_list_model_get_item (list, i);

      g_assert_true (FD_IS_CUSTOMER (customer));
      g_ptr_array_add (names, g_strdup_printf ("%s %s",
                                               fd_customer_get_given_name (customer),
                                               fd_customer_get_family_name (customer)));
    }
  g_ptr_array_add (names, NULL);

  return (char **) g_ptr_array_free (names, FALSE);
}

static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *list_view;
  GtkSelectionModel *selection;
  g_auto(GStrv) djordj = NULL;
  g_auto(GStrv) berzins = NULL;
  g_auto(GStrv) cyrillic = NULL;
  g_auto(GStrv) everyone = NULL;

  /* The view shows the lazy core model itself, never a filter or sort model over it. */
  list_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (get_view (fixture)),
                                                         FD_TYPE_CUSTOMERS_VIEW, "list_view"));
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (list_view));
  g_assert_true (GTK_IS_NO_SELECTION (selection));
  g_assert_true (FD_IS_CUSTOMER_LIST (gtk_no_selection_get_model (GTK_NO_SELECTION (selection))));

  djordj = search (fixture, "djordj");
  g_assert_cmpstrv (djordj, ((const char *[]) { "Đorđe Đorđević", NULL }));

  berzins = search (fixture, "berzins");
  g_assert_cmpstrv (berzins, ((const char *[]) { "Jānis Bērziņš", NULL }));

  cyrillic = search (fixture, "Ђорђевић");
  g_assert_cmpstrv (cyrillic, ((const char *[]) { "Đorđe Đorđević", NULL }));

  everyone = search (fixture, "");
  g_assert_cmpuint (g_strv_length (everyone), ==, 5);
}

static void
test_invalid_email (Fixture       *fixture,
                    gconstpointer  data)
{
  FdCustomerPage *page = get_page (fixture);
  guint before = fd_store_count_customers (fixture->store);
  GtkWidget *email_row, *error_row, *error_label;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-customer", NULL);
  g_assert_true (fd_customer_page_get_editing (page));
  g_assert_cmpint (fd_customer_get_id (fd_customer_page_get_customer (page)), ==, 0);

  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "given_name_row")), "Marta");
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "family_name_row")), "Kalniņa");
  email_row = page_child (fixture, "email_row");
  gtk_editable_set_text (GTK_EDITABLE (email_row), "not-an-email");
  g_assert_true (fd_customer_page_get_modified (page));

  gtk_widget_activate_action (GTK_WIDGET (page), "customer.save", NULL);

  error_row = page_child (fixture, "email_error_row");
  error_label = page_child (fixture, "email_error");
  g_assert_true (gtk_widget_get_visible (error_row));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (error_label)), !=, "");
  g_assert_true (gtk_widget_has_css_class (email_row, "error"));
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "given_name_error_row")));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (email_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);

  g_assert_cmpuint (fd_store_count_customers (fixture->store), ==, before);
  /* The edits are still there, unsaved. */
  g_assert_true (fd_customer_page_get_modified (page));
  g_assert_cmpint (fd_customer_get_id (fd_customer_page_get_customer (page)), ==, 0);

  /* Fixing the field and saving writes the record and clears the error. */
  gtk_editable_set_text (GTK_EDITABLE (email_row), "marta@example.lv");
  gtk_widget_activate_action (GTK_WIDGET (page), "customer.save", NULL);
  g_assert_false (gtk_widget_get_visible (error_row));
  g_assert_cmpuint (fd_store_count_customers (fixture->store), ==, before + 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fd_customers_view_get_list (get_view (fixture)))), ==, before + 1);
  g_assert_false (fd_customer_page_get_modified (page));
  g_assert_cmpint (fd_customer_get_id (fd_customer_page_get_customer (page)), >, 0);
}

static void
test_archive_undo (Fixture       *fixture,
                   gconstpointer  data)
{
  FdCustomerPage *page = get_page (fixture);
  guint before = fd_store_count_customers (fixture->store);

  fd_customers_view_open_customer (get_view (fixture), fixture->janis_id);
  g_assert_true (fd_customer_page_get_editing (page));
  g_assert_cmpint (fd_customer_get_id (fd_customer_page_get_customer (page)), ==, fixture->janis_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (page_child (fixture, "family_name_row"))), ==, "Bērziņš");

  gtk_widget_activate_action (GTK_WIDGET (page), "customer.archive", NULL);
  g_assert_cmpuint (fd_store_count_customers (fixture->store), ==, before - 1);
  g_assert_false (fd_customer_page_get_editing (page));

  /* What the toast's Undo button activates. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.restore-customer", "x",
                              fixture->janis_id);
  g_assert_cmpuint (fd_store_count_customers (fixture->store), ==, before);
  g_assert_true (fd_customer_page_get_editing (page));
  g_assert_cmpint (fd_customer_get_id (fd_customer_page_get_customer (page)), ==, fixture->janis_id);
}

static AdwMessageDialog *
find_message_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
        return l->data;
    }

  return NULL;
}

/* What clicking a response button does: answer, then close. */
static void
respond (const char *response)
{
  AdwMessageDialog *dialog = find_message_dialog ();

  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_unsaved_changes (Fixture       *fixture,
                      gconstpointer  data)
{
  FdCustomerPage *page = get_page (fixture);
  GtkWidget *given_name_row;

  fd_customers_view_open_customer (get_view (fixture), fixture->djordje_id);
  given_name_row = page_child (fixture, "given_name_row");
  gtk_editable_set_text (GTK_EDITABLE (given_name_row), "Đorđije");
  g_assert_true (fd_customer_page_get_modified (page));

  /* Leaving asks; Cancel keeps the edits on screen. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-customer", NULL);
  respond ("cancel");
  g_assert_cmpint (fd_customer_get_id (fd_customer_page_get_customer (page)), ==, fixture->djordje_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (given_name_row)), ==, "Đorđije");

  /* Closing the window asks too; Cancel keeps it open. */
  gtk_window_close (GTK_WINDOW (fixture->window));
  respond ("cancel");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));

  /* Discard drops the edits and goes on to the new customer. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-customer", NULL);
  respond ("discard");
  g_assert_cmpint (fd_customer_get_id (fd_customer_page_get_customer (page)), ==, 0);
  g_assert_false (fd_customer_page_get_modified (page));

  while (g_main_context_iteration (NULL, FALSE))
    ;
  g_assert_null (find_message_dialog ());
}

/* A damage report from the background check: say so, offer only Quit, write nothing. */
static void
test_corrupt (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = g_error_new_literal (FD_ERROR, FD_ERROR_CORRUPT, "The file is damaged.");
  AdwMessageDialog *dialog;

  g_test_expect_message ("fd-window", G_LOG_LEVEL_WARNING, "*is damaged: The file is damaged.");
  g_signal_emit_by_name (fixture->store, "corrupt", error);
  g_test_assert_expected_messages ();

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (fixture->window));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "The file is damaged.");
  g_assert_true (adw_message_dialog_has_response (dialog, "quit"));
  g_assert_false (adw_message_dialog_has_response (dialog, "close"));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (get_view (fixture))));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-customer", NULL);
  g_assert_null (fd_customer_page_get_customer (get_page (fixture)));

  respond ("quit");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (fixture->window)));
}

static gboolean
duplicates_shown (Fixture       *fixture,
                  gconstpointer  data)
{
  return gtk_widget_get_visible (page_child (fixture, "duplicates_group"));
}

static void
test_duplicates (Fixture       *fixture,
                 gconstpointer  data)
{
  FdCustomerPage *page = get_page (fixture);
  GtkListBox *list;
  GtkListBoxRow *row;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-customer", NULL);
  gtk_editable_set_text (GTK_EDITABLE (page_child (fixture, "email_row")), "janis@example.lv");
  g_assert_true (wait_for (fixture, duplicates_shown, NULL));

  list = GTK_LIST_BOX (page_child (fixture, "duplicates_list"));
  row = gtk_list_box_get_row_at_index (list, 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), !=, "");

  /* Opening the existing record asks about the typed draft first. */
  g_signal_emit_by_name (list, "row-activated", row);
  respond ("discard");
  g_assert_cmpint (fd_customer_get_id (fd_customer_page_get_customer (page)), ==, fixture->janis_id);
  g_assert_false (gtk_widget_get_visible (page_child (fixture, "duplicates_group")));
}

/* What "Customers" must read as in each language: the catalogue is the reference, so a
 * window that ignored it — or a catalogue that lost the string — fails. */
static const char * const customers_title[][2] = {
  { "nl", "Klanten" },
  { "sr", "Клијенти" },
  { "sr@latin", "Klijenti" },
  { "lv", "Klienti" },
};

static const char *test_language;

static void
test_translated (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *expected = NULL;
  AdwViewStack *stack;
  AdwViewStackPage *stack_page;

  for (guint i = 0; i < G_N_ELEMENTS (customers_title); i++)
    if (g_str_equal (customers_title[i][0], test_language))
      expected = customers_title[i][1];
  g_assert_nonnull (expected);

  stack = ADW_VIEW_STACK (gtk_widget_get_template_child (GTK_WIDGET (fixture->window),
                                                         FD_TYPE_WINDOW, "view_stack"));
  stack_page = adw_view_stack_get_page (stack, GTK_WIDGET (get_view (fixture)));

  g_assert_cmpstr (adw_view_stack_page_get_title (stack_page), ==, expected);
}

static void
test_preferences (Fixture       *fixture,
                  gconstpointer  data)
{
  GtkWidget *prefs = fd_preferences_window_new (GTK_WINDOW (fixture->window), fixture->store);
  GObject *path_row = gtk_widget_get_template_child (prefs, FD_TYPE_PREFERENCES_WINDOW, "path_row");
  g_autofree char *display = g_filename_display_name (fd_store_get_path (fixture->store));

  gtk_window_present (GTK_WINDOW (prefs));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (path_row)), ==, display);
  gtk_window_destroy (GTK_WINDOW (prefs));
}

static void
test_help_overlay (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX "/gtk/help-overlay.ui");
  GObject *overlay = gtk_builder_get_object (builder, "help_overlay");

  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

static AdwAboutWindow *
find_about_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    {
      if (ADW_IS_ABOUT_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* One application per process: a refused file shows the reason and stays untouched. */
static void
test_app_refused_database (void)
{
  static const char garbage[] = "this is not a database, and must stay exactly like this\n";
  g_autoptr(FdApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("frontdesk-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.db", NULL);
  g_autofree char *contents = NULL;
  AdwMessageDialog *dialog;
  AdwAboutWindow *about;

  g_assert_true (g_file_set_contents (path, garbage, -1, NULL));
  g_setenv ("FRONTDESK_DB", path, TRUE);

  app = fd_application_new ();
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), !=, "");
  g_assert_null (fd_application_get_store (app));
  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    g_assert_false (FD_IS_WINDOW (l->data));
  respond ("close");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, garbage);

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_about_window ();
  g_assert_nonnull (about);
  gtk_window_destroy (GTK_WINDOW (about));

  g_unlink (path);
  g_rmdir (dir);
  g_unsetenv ("FRONTDESK_DB");
}

int
main (int   argc,
      char *argv[])
{
  gboolean i18n = FALSE;
  int n_args = 1;

  /* --i18n LANGUAGE runs the translated-window test alone, in that language. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--i18n") && i + 1 < argc)
        {
          i18n = TRUE;
          test_language = argv[++i];
        }
      else
        argv[n_args++] = argv[i];
    }
  argv[n_args] = NULL;
  argc = n_args;

  if (i18n)
    {
      g_setenv ("LANGUAGE", test_language, TRUE);
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
    }
  g_setenv ("GTK_A11Y", "test", FALSE);

  fd_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  if (i18n)
    {
      g_test_add ("/fd/ui/i18n/translated", Fixture, NULL, fixture_set_up, test_translated, fixture_tear_down);
      return g_test_run ();
    }

  g_test_add ("/fd/ui/search", Fixture, NULL, fixture_set_up, test_search, fixture_tear_down);
  g_test_add ("/fd/ui/invalid-email", Fixture, NULL, fixture_set_up, test_invalid_email, fixture_tear_down);
  g_test_add ("/fd/ui/archive-undo", Fixture, NULL, fixture_set_up, test_archive_undo, fixture_tear_down);
  g_test_add ("/fd/ui/unsaved-changes", Fixture, NULL, fixture_set_up, test_unsaved_changes, fixture_tear_down);
  g_test_add ("/fd/ui/duplicates", Fixture, NULL, fixture_set_up, test_duplicates, fixture_tear_down);
  g_test_add ("/fd/ui/corrupt", Fixture, NULL, fixture_set_up, test_corrupt, fixture_tear_down);
  g_test_add ("/fd/ui/preferences", Fixture, NULL, fixture_set_up, test_preferences, fixture_tear_down);
  g_test_add_func ("/fd/ui/help-overlay", test_help_overlay);
  g_test_add_func ("/fd/ui/app/refused-database", test_app_refused_database);

  return g_test_run ();
}
