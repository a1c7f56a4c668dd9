/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The reception in the real window: check-in through the dialog, calling, finishing,
 * the waiting-room board, and changes made by another process arriving by themselves. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fd-application.h"
#include "fd-board-window.h"
#include "fd-branch-dialog.h"
#include "fd-check-in-dialog.h"
#include "fd-preferences-window.h"
#include "fd-reception-view.h"
#include "fd-serving-panel.h"
#include "fd-window.h"

#define WAIT_TIMEOUT_US (5 * G_USEC_PER_SEC)
/* Another process's change must show within a second; two allow for a loaded machine. */
#define WATCH_TIMEOUT_US (2 * G_USEC_PER_SEC)

typedef struct
{
  char     *dir;
  char     *path;
  FdStore  *store;
  FdWindow *window;
  gint64    branch_id;
  gint64    desk1_id;
  gint64    desk2_id;
  gint64    djordje_id;
  gint64    janis_id;
} Fixture;

static gint64
add_customer (FdStore    *store,
              const char *given_name,
              const char *family_name)
{
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(FdCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;

  fd_customer_set_given_name (draft, given_name);
  fd_customer_set_family_name (draft, family_name);
  saved = fd_store_add_customer (store, draft, &error);
  g_assert_no_error (error);

  return fd_customer_get_id (saved);
}

static void
add_branch (Fixture *fixture)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(FdDesk) desk1 = NULL;
  g_autoptr(FdDesk) desk2 = NULL;
  g_autoptr(GError) error = NULL;
  const char * const questions[] = { "What is the problem?", "Since when?", NULL };

  fd_branch_set_name (draft, "Rīga Centrs");
  fd_branch_set_country (draft, "LV");
  fd_branch_set_address (draft, "Brīvības iela 1, Rīga");
  branch = fd_store_add_branch (fixture->store, draft, &error);
  g_assert_no_error (error);
  fixture->branch_id = fd_branch_get_id (branch);

  desk1 = fd_store_add_desk (fixture->store, fixture->branch_id, "Desk 1", &error);
  g_assert_no_error (error);
  desk2 = fd_store_add_desk (fixture->store, fixture->branch_id, "Desk 2", &error);
  g_assert_no_error (error);
  fixture->desk1_id = fd_desk_get_id (desk1);
  fixture->desk2_id = fd_desk_get_id (desk2);

  g_assert_true (fd_store_set_questions (fixture->store, fixture->branch_id, questions, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("frontdesk-reception-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "frontdesk.db", NULL);
  fixture->store = fd_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fixture->djordje_id = add_customer (fixture->store, "Đorđe", "Đorđević");
  fixture->janis_id = add_customer (fixture->store, "Jānis", "Bērziņš");

  if (g_strcmp0 (data, "no-branch") != 0)
    add_branch (fixture);

  fixture->window = g_object_ref_sink (fd_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
destroy_other_windows (Fixture *fixture)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    if (l->data != (gpointer) fixture->window)
      gtk_window_destroy (GTK_WINDOW (l->data));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  destroy_other_windows (fixture);
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

static FdReceptionView *
get_view (Fixture *fixture)
{
  return fd_window_get_reception_view (fixture->window);
}

static GtkWidget *
child_of (gpointer    widget,
          GType       type,
          const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_true (GTK_IS_WIDGET (child));

  return GTK_WIDGET (child);
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

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static FdVisit *
check_in (Fixture *fixture,
          gint64   customer_id)
{
  g_autoptr(GError) error = NULL;
  FdVisit *visit = fd_store_check_in (fixture->store, fixture->branch_id, customer_id,
                                      "information", FD_PRIORITY_NONE, 0, &error);

  g_assert_no_error (error);

  return visit;
}

static gboolean
queue_has_ticket (FdReceptionView *view,
                  const char      *ticket)
{
  GListModel *queue = fd_reception_view_get_queue (view);

  for (guint i = 0; i < g_list_model_get_n_items (queue); i++)
    {
      g_autoptr(FdVisit) visit = g_list_model_get_item (queue, i);

      if (g_strcmp0 (fd_visit_get_ticket (visit), ticket) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_check_in (Fixture       *fixture,
               gconstpointer  data)
{
  FdReceptionView *view = get_view (fixture);
  FdCheckInDialog *dialog;
  GtkWidget *search_entry;
  FdVisit *visit;

  g_assert_cmpint (fd_reception_view_get_branch_id (view), ==, fixture->branch_id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child_of (view, FD_TYPE_RECEPTION_VIEW, "stack"))),
                   ==, "reception");
  g_assert_cmpuint (g_list_model_get_n_items (fd_reception_view_get_queue (view)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (view), "reception.check-in", NULL);
  dialog = find_toplevel (FD_TYPE_CHECK_IN_DIALOG);
  g_assert_nonnull (dialog);

  /* An empty search checks in an anonymous walk-in. */
  g_assert_cmpint (fd_check_in_dialog_get_customer_id (dialog), ==, 0);

  /* Type, Enter: the first match is picked. */
  search_entry = child_of (dialog, FD_TYPE_CHECK_IN_DIALOG, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "berzins");
  g_signal_emit_by_name (search_entry, "activate");
  g_assert_cmpint (fd_check_in_dialog_get_customer_id (dialog), ==, fixture->janis_id);

  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_CHECK_IN_DIALOG, "purpose_row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_CHECK_IN_DIALOG, "priority_row")), 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "check-in.check-in", NULL);

  visit = fd_check_in_dialog_get_visit (dialog);
  g_assert_nonnull (visit);
  g_assert_cmpint (fd_visit_get_customer_id (visit), ==, fixture->janis_id);
  g_assert_cmpint (fd_visit_get_priority (visit), ==, FD_PRIORITY_APPOINTMENT);
  g_assert_cmpstr (fd_visit_get_purpose (visit), ==, "purchase");

  /* The ticket, large and copyable. */
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child_of (dialog, FD_TYPE_CHECK_IN_DIALOG, "stack"))),
                   ==, "done");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (dialog, FD_TYPE_CHECK_IN_DIALOG, "ticket_label"))),
                   ==, fd_visit_get_ticket (visit));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (child_of (dialog, FD_TYPE_CHECK_IN_DIALOG, "ticket_label"))));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "check-in.copy-ticket", NULL);

  g_assert_true (queue_has_ticket (view, fd_visit_get_ticket (visit)));
  g_assert_cmpuint (g_list_model_get_n_items (fd_reception_view_get_queue (view)), ==, 1);

  gtk_window_close (GTK_WINDOW (dialog));
  spin ();
  g_assert_null (find_toplevel (FD_TYPE_CHECK_IN_DIALOG));
}

static GtkToggleButton *
rating_button (FdServingPanel *panel,
               const char     *box_name,
               int             value)
{
  GtkWidget *box = child_of (panel, FD_TYPE_SERVING_PANEL, box_name);
  /* The box holds the question, then the linked buttons 1–5 and Skipped. */
  GtkWidget *toggles = gtk_widget_get_next_sibling (gtk_widget_get_first_child (box));
  GtkWidget *button = gtk_widget_get_first_child (toggles);

  for (int i = 1; i < value; i++)
    button = gtk_widget_get_next_sibling (button);

  return GTK_TOGGLE_BUTTON (button);
}

static void
test_serve (Fixture       *fixture,
            gconstpointer  data)
{
  FdReceptionView *view = get_view (fixture);
  FdServingPanel *panel = fd_reception_view_get_serving_panel (view);
  g_autoptr(FdVisit) first = check_in (fixture, fixture->djordje_id);
  g_autoptr(FdVisit) second = check_in (fixture, 0);
  g_autoptr(FdVisit) saved = NULL;
  g_auto(GStrv) answers = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *technique_row, *questions_list;
  FdBoardWindow *board;
  GListModel *serving;
  gint64 visit_id;

  g_assert_cmpint (fd_reception_view_get_desk_id (view), ==, fixture->desk1_id);
  g_assert_cmpuint (g_list_model_get_n_items (fd_reception_view_get_queue (view)), ==, 2);
  g_assert_null (fd_serving_panel_get_visit (panel));

  gtk_widget_activate_action (GTK_WIDGET (view), "reception.call-next", NULL);
  g_assert_nonnull (fd_serving_panel_get_visit (panel));
  visit_id = fd_visit_get_id (fd_serving_panel_get_visit (panel));
  g_assert_cmpint (visit_id, ==, fd_visit_get_id (first));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (panel, FD_TYPE_SERVING_PANEL, "ticket_label"))),
                   ==, fd_visit_get_ticket (first));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (panel, FD_TYPE_SERVING_PANEL, "customer_label"))),
                   ==, fd_visit_get_customer_name (first));
  g_assert_cmpuint (g_list_model_get_n_items (fd_reception_view_get_queue (view)), ==, 1);

  /* The board shows the called ticket at its desk, and the next one. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-board", NULL);
  board = find_toplevel (FD_TYPE_BOARD_WINDOW);
  g_assert_nonnull (board);
  serving = fd_board_window_get_serving (board);
  g_assert_cmpuint (g_list_model_get_n_items (serving), ==, 1);
  {
    g_autoptr(FdVisit) shown = g_list_model_get_item (serving, 0);
    g_autoptr(FdVisit) next = g_list_model_get_item (fd_board_window_get_next (board), 0);
    GtkWidget *row = gtk_widget_get_first_child (child_of (board, FD_TYPE_BOARD_WINDOW, "serving_box"));

    g_assert_cmpstr (fd_visit_get_ticket (shown), ==, fd_visit_get_ticket (first));
    g_assert_cmpstr (fd_visit_get_desk_name (shown), ==, "Desk 1");
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (row))), ==,
                     fd_visit_get_ticket (first));
    g_assert_cmpstr (fd_visit_get_ticket (next), ==, fd_visit_get_ticket (second));
  }
  gtk_widget_activate_action (GTK_WIDGET (board), "board.toggle-fullscreen", NULL);

  /* Without a technique, finishing is refused beside the field. */
  technique_row = child_of (panel, FD_TYPE_SERVING_PANEL, "technique_row");
  gtk_widget_activate_action (GTK_WIDGET (panel), "serving.finish", NULL);
  g_assert_true (gtk_widget_has_css_class (technique_row, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (technique_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  g_assert_nonnull (fd_serving_panel_get_visit (panel));

  /* Questioning shows the branch's questionnaire, one answer per question. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (technique_row), FD_TECHNIQUE_QUESTIONING);
  g_assert_true (gtk_widget_get_visible (child_of (panel, FD_TYPE_SERVING_PANEL, "questions_group")));
  questions_list = child_of (panel, FD_TYPE_SERVING_PANEL, "questions_list");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_first_child (questions_list)), "The invoice");
  gtk_editable_set_text (GTK_EDITABLE (gtk_widget_get_next_sibling (gtk_widget_get_first_child (questions_list))),
                         "March");
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (panel, FD_TYPE_SERVING_PANEL, "outcome_row")),
                              FD_OUTCOME_RESOLVED);
  gtk_editable_set_text (GTK_EDITABLE (child_of (panel, FD_TYPE_SERVING_PANEL, "notes_row")), "Explained the invoice");
  gtk_toggle_button_set_active (rating_button (panel, "rating_solved_box", 4), TRUE);
  gtk_widget_activate_action (GTK_WIDGET (panel), "serving.finish", NULL);
  g_assert_false (gtk_widget_has_css_class (technique_row, "error"));
  g_assert_null (fd_serving_panel_get_visit (panel));

  saved = fd_store_get_visit (fixture->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_visit_get_state (saved), ==, FD_VISIT_STATE_FINISHED);
  g_assert_cmpint (fd_visit_get_technique (saved), ==, FD_TECHNIQUE_QUESTIONING);
  g_assert_cmpint (fd_visit_get_outcome (saved), ==, FD_OUTCOME_RESOLVED);
  g_assert_cmpint (fd_visit_get_rating_solved (saved), ==, 4);
  g_assert_cmpint (fd_visit_get_rating_staff (saved), ==, 0);
  g_assert_cmpstr (fd_visit_get_notes (saved), ==, "Explained the invoice");
  answers = fd_store_get_visit_answers (fixture->store, visit_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstrv (answers, ((const char *[]) { "The invoice", "March", NULL }));

  /* The board followed by itself. */
  g_assert_cmpuint (g_list_model_get_n_items (serving), ==, 0);

  /* Calling a specific ticket, then a no-show. */
  gtk_widget_activate_action (GTK_WIDGET (view), "reception.call-ticket", "s", fd_visit_get_ticket (second));
  g_assert_cmpint (fd_visit_get_id (fd_serving_panel_get_visit (panel)), ==, fd_visit_get_id (second));
  g_assert_cmpuint (g_list_model_get_n_items (serving), ==, 1);
  gtk_widget_activate_action (GTK_WIDGET (panel), "serving.transfer", "x", fixture->desk2_id);
  g_assert_null (fd_serving_panel_get_visit (panel));
  fd_reception_view_set_desk_id (view, fixture->desk2_id);
  g_assert_cmpint (fd_visit_get_id (fd_serving_panel_get_visit (panel)), ==, fd_visit_get_id (second));
  gtk_widget_activate_action (GTK_WIDGET (panel), "serving.no-show", NULL);
  g_assert_null (fd_serving_panel_get_visit (panel));
  g_clear_object (&saved);
  saved = fd_store_get_visit (fixture->store, fd_visit_get_id (second), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_visit_get_state (saved), ==, FD_VISIT_STATE_NO_SHOW);
}

typedef struct
{
  FdReceptionView *view;
  guint            n_items;
} QueueWait;

static gboolean
wait_for_queue (FdReceptionView *view,
                guint            n_items)
{
  gint64 end = g_get_monotonic_time () + WATCH_TIMEOUT_US;

  while (g_list_model_get_n_items (fd_reception_view_get_queue (view)) != n_items)
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }

  return TRUE;
}

/* Another process checks a customer in: the view's queue follows without being told. */
static void
test_other_process (Fixture       *fixture,
                    gconstpointer  data)
{
  FdReceptionView *view = get_view (fixture);
  g_autoptr(FdStore) other = NULL;
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  const char *build_dir = g_getenv ("FRONTDESK_BUILD_DIR");
  g_autofree char *cli = build_dir ? g_build_filename (build_dir, "src", "cli", "frontdesk-cli", NULL) : NULL;

  fd_store_watch (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (fd_reception_view_get_queue (view)), ==, 0);

  /* A second connection, as another Frontdesk would have. */
  other = fd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  visit = fd_store_check_in (other, fixture->branch_id, fixture->janis_id, "information",
                             FD_PRIORITY_NONE, 0, &error);
  g_assert_no_error (error);
  g_assert_true (wait_for_queue (view, 1));
  g_assert_true (queue_has_ticket (view, fd_visit_get_ticket (visit)));

  /* The command-line tool, a real other process. */
  if (cli != NULL && g_file_test (cli, G_FILE_TEST_IS_EXECUTABLE))
    {
      const char *argv[] = { cli, "--db", fixture->path, "visit", "checkin", "--anonymous",
                             "--purpose", "information", NULL };
      g_autofree char *out = NULL;
      g_autofree char *err = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, &err, &status, &error));
      g_assert_no_error (error);
      if (!g_spawn_check_wait_status (status, NULL))
        g_error ("frontdesk-cli failed: %s", err);
      g_assert_true (wait_for_queue (view, 2));
    }
  else
    g_test_message ("frontdesk-cli not found; FRONTDESK_BUILD_DIR is %s", build_dir ? build_dir : "unset");
}

static void
test_add_branch (Fixture       *fixture,
                 gconstpointer  data)
{
  FdReceptionView *view = get_view (fixture);
  GtkStack *stack = GTK_STACK (child_of (view, FD_TYPE_RECEPTION_VIEW, "stack"));
  g_autoptr(FdBranchDialog) dialog = NULL;
  GtkWidget *name_row;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "no-branch");
  g_assert_cmpint (fd_reception_view_get_branch_id (view), ==, 0);
  /* Nothing to check in to yet. */
  gtk_widget_activate_action (GTK_WIDGET (view), "reception.check-in", NULL);
  g_assert_null (find_toplevel (FD_TYPE_CHECK_IN_DIALOG));

  gtk_widget_activate_action (GTK_WIDGET (view), "reception.add-branch", NULL);
  /* Held: the dialog closes itself once the branch is saved. */
  dialog = g_object_ref (find_toplevel (FD_TYPE_BRANCH_DIALOG));

  /* No name: the error sits beside the field. */
  name_row = child_of (dialog, FD_TYPE_BRANCH_DIALOG, "name_row");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "branch.add", NULL);
  g_assert_null (fd_branch_dialog_get_branch (dialog));
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));

  gtk_editable_set_text (GTK_EDITABLE (name_row), "Beograd Centar");
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, FD_TYPE_BRANCH_DIALOG, "address_row")),
                         "Кнеза Михаила 1, Београд");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "branch.add", NULL);
  g_assert_nonnull (fd_branch_dialog_get_branch (dialog));
  spin ();

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "reception");
  g_assert_cmpint (fd_reception_view_get_branch_id (view), >, 0);
  g_assert_cmpint (fd_reception_view_get_desk_id (view), >, 0);

  /* The address card is one click away. */
  gtk_widget_activate_action (GTK_WIDGET (view), "reception.copy-branch-card", NULL);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_preferences_branch (Fixture       *fixture,
                         gconstpointer  data)
{
  GtkWidget *prefs = fd_preferences_window_new (GTK_WINDOW (fixture->window), fixture->store);
  GtkWidget *question_row = child_of (prefs, FD_TYPE_PREFERENCES_WINDOW, "new_question_row");
  GtkWidget *desk_row = child_of (prefs, FD_TYPE_PREFERENCES_WINDOW, "new_desk_row");
  g_auto(GStrv) questions = NULL;
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(GPtrArray) desks = NULL;
  g_autoptr(GError) error = NULL;
  int opens = -1, closes = -1;

  gtk_window_present (GTK_WINDOW (prefs));
  spin ();

  /* The questionnaire: two more questions, the last moved up one place, then saved. */
  gtk_editable_set_text (GTK_EDITABLE (question_row), "Is it under warranty?");
  gtk_widget_activate_action (prefs, "branch.add-question", NULL);
  gtk_editable_set_text (GTK_EDITABLE (question_row), "Do you have the receipt?");
  gtk_widget_activate_action (prefs, "branch.add-question", NULL);
  gtk_widget_activate_action (prefs, "branch.move-question-up", "i", 3);

  /* Nothing is written before Save. */
  questions = fd_store_get_questions (fixture->store, fixture->branch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (questions), ==, 2);
  g_clear_pointer (&questions, g_strfreev);

  gtk_widget_activate_action (prefs, "branch.save-questions", NULL);
  questions = fd_store_get_questions (fixture->store, fixture->branch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (questions), ==, 4);
  g_assert_cmpstr (questions[0], ==, "What is the problem?");
  g_assert_cmpstr (questions[1], ==, "Since when?");
  g_assert_cmpstr (questions[2], ==, "Do you have the receipt?");
  g_assert_cmpstr (questions[3], ==, "Is it under warranty?");

  /* Opening hours: a closing time before the opening one stays beside the hours, unsaved. */
  gtk_switch_set_active (GTK_SWITCH (find_named (prefs, "open-6")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (find_named (prefs, "opens-6")), "10:00");
  gtk_editable_set_text (GTK_EDITABLE (find_named (prefs, "closes-6")), "9:00");
  gtk_widget_activate_action (prefs, "branch.save", NULL);
  branch = fd_store_get_branch (fixture->store, fixture->branch_id, &error);
  g_assert_no_error (error);
  g_assert_true (!fd_branch_get_hours (branch, 6, &opens, &closes) || opens < 0);
  g_clear_object (&branch);

  gtk_editable_set_text (GTK_EDITABLE (find_named (prefs, "closes-6")), "14:30");
  gtk_switch_set_active (GTK_SWITCH (find_named (prefs, "open-7")), FALSE);
  gtk_widget_activate_action (prefs, "branch.save", NULL);
  branch = fd_store_get_branch (fixture->store, fixture->branch_id, &error);
  g_assert_no_error (error);
  g_assert_true (fd_branch_get_hours (branch, 6, &opens, &closes));
  g_assert_cmpint (opens, ==, 10 * 60);
  g_assert_cmpint (closes, ==, 14 * 60 + 30);
  g_assert_true (!fd_branch_get_hours (branch, 7, &opens, &closes) || opens < 0);
  g_assert_cmpstr (fd_branch_get_name (branch), ==, "Rīga Centrs");

  /* A desk added here is in the store at once; an empty name is refused beside the field. */
  gtk_widget_activate_action (prefs, "branch.add-desk", NULL);
  g_assert_true (gtk_widget_has_css_class (desk_row, "error"));
  gtk_editable_set_text (GTK_EDITABLE (desk_row), "Desk 3");
  gtk_widget_activate_action (prefs, "branch.add-desk", NULL);
  g_assert_false (gtk_widget_has_css_class (desk_row, "error"));
  desks = fd_store_list_desks (fixture->store, fixture->branch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (desks->len, ==, 3);

  gtk_window_destroy (GTK_WINDOW (prefs));
  spin ();
}

/* The same switch as the board's: the string as the Serbian catalogue has it. libc's dgettext,
 * not g_dgettext(): GLib decides once per process not to translate when the UI language has
 * no catalogue (here C.UTF-8), which would hide the catalogue this test reads. */
static char *
serbian (const char *msgid)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));
  char *translated;

  g_setenv ("LANGUAGE", "sr", TRUE);
  textdomain (textdomain (NULL));
  translated = g_strdup (dgettext (GETTEXT_PACKAGE, msgid));
  if (saved != NULL)
    g_setenv ("LANGUAGE", saved, TRUE);
  else
    g_unsetenv ("LANGUAGE");
  textdomain (textdomain (NULL));

  return translated;
}

static void
test_board_language (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FdBranch) branch = fd_store_get_branch (fixture->store, fixture->branch_id, NULL);
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) saved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *expected = serbian ("Next");
  g_autofree char *ui_next = g_strdup (dgettext (GETTEXT_PACKAGE, "Next"));
  FdBoardWindow *board;

  if (g_strcmp0 (expected, "Next") == 0)
    {
      g_test_skip ("The Serbian catalogue has no translation of “Next”");
      return;
    }

  fd_branch_set_id (draft, fixture->branch_id);
  fd_branch_set_name (draft, "Beograd Centar");
  fd_branch_set_country (draft, "RS");
  fd_branch_set_address (draft, fd_branch_get_address (branch));
  saved = fd_store_update_branch (fixture->store, draft, &error);
  g_assert_no_error (error);

  board = fd_board_window_new (fixture->store, fixture->branch_id);
  gtk_window_present (GTK_WINDOW (board));
  spin ();

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (board, FD_TYPE_BOARD_WINDOW, "next_heading"))),
                   ==, expected);
  /* The rest of the program keeps its own language. */
  g_assert_cmpstr (dgettext (GETTEXT_PACKAGE, "Next"), ==, ui_next);

  gtk_window_destroy (GTK_WINDOW (board));
  spin ();
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", FALSE);

  fd_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/fd/ui/reception/check-in", Fixture, NULL, fixture_set_up, test_check_in, fixture_tear_down);
  g_test_add ("/fd/ui/reception/serve", Fixture, NULL, fixture_set_up, test_serve, fixture_tear_down);
  g_test_add ("/fd/ui/reception/other-process", Fixture, NULL, fixture_set_up, test_other_process, fixture_tear_down);
  g_test_add ("/fd/ui/reception/add-branch", Fixture, "no-branch", fixture_set_up, test_add_branch, fixture_tear_down);
  g_test_add ("/fd/ui/board/language", Fixture, NULL, fixture_set_up, test_board_language, fixture_tear_down);
  g_test_add ("/fd/ui/preferences/branch", Fixture, NULL, fixture_set_up, test_preferences_branch, fixture_tear_down);

  return g_test_run ();
}
