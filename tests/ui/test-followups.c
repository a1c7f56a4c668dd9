/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Follow-ups in the real window: adding one through the dialog, the three sections, done
 * (and a repeating one coming back), snooze, reassign, cancel, and the switcher's badge. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fd-application.h"
#include "fd-claim-page.h"
#include "fd-claims-view.h"
#include "fd-customer-page.h"
#include "fd-customer-picker.h"
#include "fd-customer-services.h"
#include "fd-customers-view.h"
#include "fd-followup-list-model.h"
#include "fd-followup-row.h"
#include "fd-followups-view.h"
#include "fd-new-followup-dialog.h"
#include "fd-new-service-dialog.h"
#include "fd-window.h"

typedef struct
{
  char     *dir;
  char     *path;
  FdStore  *store;
  FdWindow *window;
  gint64    branch_id;
  gint64    janis_id;
  gint64    sanne_id;
  gint64    anna_id;
} Fixture;

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("frontdesk-followups-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "frontdesk.db", NULL);
  fixture->store = fd_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fd_branch_set_name (draft, "Amsterdam Centrum");
  fd_branch_set_country (draft, "NL");
  fd_branch_set_address (draft, "Damrak 1, Amsterdam");
  branch = fd_store_add_branch (fixture->store, draft, &error);
  g_assert_no_error (error);
  fixture->branch_id = fd_branch_get_id (branch);
  fixture->anna_id = fd_store_add_staff (fixture->store, fixture->branch_id, "Anna de Wit", "branch_staff", &error);
  g_assert_no_error (error);

  fixture->janis_id = add_customer (fixture->store, "Jānis", "Bērziņš");
  fixture->sanne_id = add_customer (fixture->store, "Sanne", "Willems");

  fixture->window = g_object_ref_sink (fd_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 720);
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
spin (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
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

  spin ();

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

static FdFollowup *
add_followup (Fixture    *fixture,
              gint64      customer_id,
              gint64      due_at,
              const char *rrule)
{
  FdFollowupDraft draft = { FD_FOLLOWUP_CALL_BACK, customer_id, 0, 0, due_at, rrule, 0, "Ring back" };
  g_autoptr(GError) error = NULL;
  FdFollowup *followup = fd_store_add_followup (fixture->store, &draft, &error);

  g_assert_no_error (error);

  return followup;
}

static FdFollowup *
reread (Fixture *fixture,
        gint64   id)
{
  g_autoptr(GError) error = NULL;
  FdFollowup *followup = fd_store_get_followup (fixture->store, id, &error);

  g_assert_no_error (error);

  return followup;
}

/* Where @id is listed: its section, or -1. */
static int
section_of (Fixture *fixture,
            gint64   id)
{
  FdFollowupsView *view = fd_window_get_followups_view (fixture->window);
  FdFollowupSection sections[] = { FD_FOLLOWUPS_OVERDUE, FD_FOLLOWUPS_TODAY, FD_FOLLOWUPS_UPCOMING };

  for (guint s = 0; s < G_N_ELEMENTS (sections); s++)
    {
      GListModel *list = G_LIST_MODEL (fd_followups_view_get_list (view, sections[s]));

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(FdFollowup) item = g_list_model_get_item (list, i);

          if (fd_followup_get_id (item) == id)
            return sections[s];
        }
    }

  return -1;
}

/* Seconds left today: a test that wants "today" needs a few. */
static gint64
seconds_left_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return (23 - g_date_time_get_hour (now)) * 3600 + (59 - g_date_time_get_minute (now)) * 60 +
         (59 - g_date_time_get_second (now));
}

static guint
badge_number (Fixture *fixture)
{
  AdwViewStack *stack = ADW_VIEW_STACK (child_of (fixture->window, FD_TYPE_WINDOW, "view_stack"));
  AdwViewStackPage *page = adw_view_stack_get_page (stack, GTK_WIDGET (fd_window_get_followups_view (fixture->window)));

  return adw_view_stack_page_get_badge_number (page);
}

/* The dialog drops its follow-up once closed: the test keeps what "added" said. */
static void
on_added_cb (GtkWidget  *dialog,
             FdFollowup *followup,
             gint64     *id)
{
  *id = fd_followup_get_id (followup);
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(FdNewFollowupDialog) dialog = NULL;
  g_autoptr(FdFollowup) stored = NULL;
  AdwViewStack *stack = ADW_VIEW_STACK (child_of (fixture->window, FD_TYPE_WINDOW, "view_stack"));
  GtkWidget *search_entry, *add_button, *time_row;
  gint64 due = (now_unix () + 3 * 24 * 3600) / 60 * 60;
  gint64 added = 0;

  /* On the Follow-ups page the header's + (and Ctrl+N) adds a follow-up. */
  adw_view_stack_set_visible_child_name (stack, "followups");
  spin ();
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (child_of (fixture->window, FD_TYPE_WINDOW, "new_button"))),
                   ==, "win.new-followup");

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-followup", NULL);
  dialog = g_object_ref (find_toplevel (FD_TYPE_NEW_FOLLOWUP_DIALOG));
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "added", G_CALLBACK (on_added_cb), &added);

  /* No customer picked yet: nothing to add. */
  add_button = child_of (dialog, FD_TYPE_NEW_FOLLOWUP_DIALOG, "add_button");
  g_assert_false (gtk_widget_is_sensitive (add_button));

  search_entry = child_of (child_of (dialog, FD_TYPE_NEW_FOLLOWUP_DIALOG, "customer_picker"),
                           FD_TYPE_CUSTOMER_PICKER, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "berzins");
  g_signal_emit_by_name (search_entry, "activate");
  g_assert_cmpint (fd_new_followup_dialog_get_customer_id (dialog), ==, fixture->janis_id);
  g_assert_true (gtk_widget_is_sensitive (add_button));

  /* A time in the past is refused by the store, and said beside the time. */
  time_row = child_of (dialog, FD_TYPE_NEW_FOLLOWUP_DIALOG, "time_row");
  fd_new_followup_dialog_set_due_at (dialog, now_unix () - 2 * 3600);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-followup.add", NULL);
  spin ();
  g_assert_cmpint (added, ==, 0);
  g_assert_true (gtk_widget_has_css_class (time_row, "error"));
  g_assert_true (gtk_widget_get_visible (child_of (dialog, FD_TYPE_NEW_FOLLOWUP_DIALOG, "due_error")));

  /* Not a time at all: said beside it too, before the store is asked. */
  gtk_editable_set_text (GTK_EDITABLE (time_row), "25:00");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-followup.add", NULL);
  g_assert_cmpint (added, ==, 0);
  g_assert_true (gtk_widget_has_css_class (time_row, "error"));

  fd_new_followup_dialog_set_due_at (dialog, due);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_NEW_FOLLOWUP_DIALOG, "kind_row")), 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_NEW_FOLLOWUP_DIALOG, "repeat_row")), 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_NEW_FOLLOWUP_DIALOG, "assignee_row")), 1);
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, FD_TYPE_NEW_FOLLOWUP_DIALOG, "note_row")), "Insurance renews");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-followup.add", NULL);
  spin ();

  g_assert_cmpint (added, >, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  stored = reread (fixture, added);
  g_assert_cmpint (fd_followup_get_customer_id (stored), ==, fixture->janis_id);
  g_assert_cmpint (fd_followup_get_kind (stored), ==, FD_FOLLOWUP_RENEWAL_DUE);
  g_assert_cmpint (fd_followup_get_due_at (stored), ==, due);
  g_assert_cmpstr (fd_followup_get_rrule (stored), ==, "FREQ=YEARLY");
  g_assert_cmpint (fd_followup_get_assignee_id (stored), ==, fixture->anna_id);
  g_assert_cmpstr (fd_followup_get_note (stored), ==, "Insurance renews");
  g_assert_cmpint (fd_followup_get_state (stored), ==, FD_FOLLOWUP_OPEN);

  /* The view lists it among the upcoming ones. */
  g_assert_cmpint (section_of (fixture, added), ==, FD_FOLLOWUPS_UPCOMING);

  /* From a customer's page the customer is picked; a typed note is not dropped unasked. */
  g_clear_object (&dialog);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-followup-for", "(xxx)",
                              fixture->sanne_id, (gint64) 0, (gint64) 0);
  dialog = g_object_ref (find_toplevel (FD_TYPE_NEW_FOLLOWUP_DIALOG));
  g_assert_cmpint (fd_new_followup_dialog_get_customer_id (dialog), ==, fixture->sanne_id);
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, FD_TYPE_NEW_FOLLOWUP_DIALOG, "note_row")), "Half a thought");
  gtk_window_close (GTK_WINDOW (dialog));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_destroy (GTK_WINDOW (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* From a claim's page: the claim is filled in and kept. */
static void
test_create_from_claim (Fixture       *fixture,
                        gconstpointer  data)
{
  FdClaimDraft claim_draft = { fixture->branch_id, fixture->sanne_id, FD_CLAIM_KIND_COMPLAINT, "letter",
                               "slow_response", FD_CLAIM_PRIORITY_NORMAL, "Nobody called back", 0, 0 };
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdNewFollowupDialog) dialog = NULL;
  g_autoptr(FdFollowup) stored = NULL;
  g_autoptr(GError) error = NULL;
  FdClaimPage *page;
  GtkWidget *button;
  gint64 added = 0;

  claim = fd_store_open_claim (fixture->store, &claim_draft, &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-claim", "x", fd_claim_get_id (claim));
  page = fd_claims_view_get_page (fd_window_get_claims_view (fixture->window));
  button = child_of (page, FD_TYPE_CLAIM_PAGE, "followup_button");
  /* What the button does (activating it clicks only after a delay). */
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-followup-for");
  g_assert_true (gtk_widget_activate_action_variant (button, "win.new-followup-for",
                                                     gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button))));
  spin ();

  dialog = g_object_ref (find_toplevel (FD_TYPE_NEW_FOLLOWUP_DIALOG));
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "added", G_CALLBACK (on_added_cb), &added);
  g_assert_cmpint (fd_new_followup_dialog_get_customer_id (dialog), ==, fixture->sanne_id);
  g_assert_true (gtk_widget_get_visible (child_of (dialog, FD_TYPE_NEW_FOLLOWUP_DIALOG, "claim_row")));
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-followup.add", NULL);
  spin ();

  g_assert_cmpint (added, >, 0);
  stored = reread (fixture, added);
  g_assert_cmpint (fd_followup_get_claim_id (stored), ==, fd_claim_get_id (claim));
  g_assert_cmpint (fd_followup_get_customer_id (stored), ==, fixture->sanne_id);
}

/* Each follow-up in its section; the badge counts overdue and today. */
static void
test_sections (Fixture       *fixture,
               gconstpointer  data)
{
  FdFollowupsView *view = fd_window_get_followups_view (fixture->window);
  g_autoptr(FdFollowup) overdue = NULL;
  g_autoptr(FdFollowup) today = NULL;
  g_autoptr(FdFollowup) upcoming = NULL;
  g_autoptr(GError) error = NULL;
  gboolean has_today = seconds_left_today () > 600;
  guint expected;

  g_assert_cmpuint (badge_number (fixture), ==, 0);

  /* The store takes a time up to a minute past (two PCs' clocks): overdue at once. */
  overdue = add_followup (fixture, fixture->janis_id, now_unix () - 30, NULL);
  if (has_today)
    today = add_followup (fixture, fixture->sanne_id, now_unix () + 300, NULL);
  upcoming = add_followup (fixture, fixture->sanne_id, now_unix () + 3 * 24 * 3600, NULL);
  spin ();

  g_assert_cmpint (section_of (fixture, fd_followup_get_id (overdue)), ==, FD_FOLLOWUPS_OVERDUE);
  if (today != NULL)
    g_assert_cmpint (section_of (fixture, fd_followup_get_id (today)), ==, FD_FOLLOWUPS_TODAY);
  g_assert_cmpint (section_of (fixture, fd_followup_get_id (upcoming)), ==, FD_FOLLOWUPS_UPCOMING);

  expected = fd_store_count_followups (fixture->store, FD_FOLLOWUPS_OVERDUE, 0, 99, &error) +
             fd_store_count_followups (fixture->store, FD_FOLLOWUPS_TODAY, 0, 99, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected, ==, has_today ? 2 : 1);
  g_assert_cmpuint (fd_followups_view_get_attention_count (view), ==, expected);
  g_assert_cmpuint (badge_number (fixture), ==, expected);

  /* An overdue row says so in words, not only in red. */
  {
    GtkListBox *list = GTK_LIST_BOX (child_of (view, FD_TYPE_FOLLOWUPS_VIEW, "overdue_list"));
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);

    g_assert_true (FD_IS_FOLLOWUP_ROW (row));
    g_assert_true (gtk_widget_get_visible (child_of (row, FD_TYPE_FOLLOWUP_ROW, "overdue_label")));
    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (row, FD_TYPE_FOLLOWUP_ROW, "customer_label"))),
                     ==, "Jānis Bērziņš");
  }
}

/* Done takes it out; a repeating one comes back at its next date. */
static void
test_done (Fixture       *fixture,
           gconstpointer  data)
{
  FdFollowupsView *view = fd_window_get_followups_view (fixture->window);
  g_autoptr(FdFollowup) once = NULL;
  g_autoptr(FdFollowup) monthly = NULL;
  g_autoptr(FdFollowup) stored = NULL;
  g_autoptr(FdFollowup) next = NULL;
  GListModel *upcoming;
  gint64 start = now_unix () - 30;

  once = add_followup (fixture, fixture->janis_id, start, NULL);
  monthly = add_followup (fixture, fixture->sanne_id, start, "FREQ=MONTHLY");
  spin ();
  g_assert_cmpint (section_of (fixture, fd_followup_get_id (once)), ==, FD_FOLLOWUPS_OVERDUE);
  g_assert_cmpuint (badge_number (fixture), ==, 2);

  gtk_widget_activate_action (GTK_WIDGET (view), "followups.done", "x", fd_followup_get_id (once));
  spin ();
  stored = reread (fixture, fd_followup_get_id (once));
  g_assert_cmpint (fd_followup_get_state (stored), ==, FD_FOLLOWUP_DONE);
  g_assert_cmpint (section_of (fixture, fd_followup_get_id (once)), ==, -1);
  g_assert_cmpuint (badge_number (fixture), ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (view), "followups.done", "x", fd_followup_get_id (monthly));
  spin ();
  g_assert_cmpint (section_of (fixture, fd_followup_get_id (monthly)), ==, -1);
  g_assert_cmpuint (badge_number (fixture), ==, 0);

  /* The next month's one, for the same customer, in Upcoming. */
  upcoming = G_LIST_MODEL (fd_followups_view_get_list (view, FD_FOLLOWUPS_UPCOMING));
  g_assert_cmpuint (g_list_model_get_n_items (upcoming), ==, 1);
  next = g_list_model_get_item (upcoming, 0);
  g_assert_cmpint (fd_followup_get_id (next), !=, fd_followup_get_id (monthly));
  g_assert_cmpint (fd_followup_get_customer_id (next), ==, fixture->sanne_id);
  g_assert_cmpstr (fd_followup_get_rrule (next), ==, "FREQ=MONTHLY");
  g_assert_cmpint (fd_followup_get_due_at (next), >=, start + 27 * 24 * 3600);
  g_assert_cmpint (fd_followup_get_due_at (next), <=, start + 32 * 24 * 3600);
}

/* Snooze an hour from the row's menu: it moves on, and the badge with it. */
static void
test_snooze (Fixture       *fixture,
             gconstpointer  data)
{
  FdFollowupsView *view = fd_window_get_followups_view (fixture->window);
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdFollowup) stored = NULL;
  GtkListBoxRow *row;
  gint64 before, after;

  followup = add_followup (fixture, fixture->janis_id, now_unix () - 30, NULL);
  spin ();
  g_assert_cmpuint (badge_number (fixture), ==, 1);

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child_of (view, FD_TYPE_FOLLOWUPS_VIEW, "overdue_list")), 0);
  g_assert_true (FD_IS_FOLLOWUP_ROW (row));
  before = now_unix ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (row), "followup.snooze", "s", "hour"));
  after = now_unix ();
  spin ();

  stored = reread (fixture, fd_followup_get_id (followup));
  g_assert_cmpint (fd_followup_get_state (stored), ==, FD_FOLLOWUP_SNOOZED);
  g_assert_cmpint (fd_followup_get_notify_at (stored), >=, before + 3600);
  g_assert_cmpint (fd_followup_get_notify_at (stored), <=, after + 3600);
  g_assert_cmpint (section_of (fixture, fd_followup_get_id (followup)), !=, FD_FOLLOWUPS_OVERDUE);
  g_assert_cmpint (section_of (fixture, fd_followup_get_id (followup)), !=, -1);
  g_assert_cmpuint (badge_number (fixture), ==, seconds_left_today () > 3600 ? 1 : 0);
}

/* Reassign to a staff member and back to anyone; cancel takes it out. */
static void
test_reassign_and_cancel (Fixture       *fixture,
                          gconstpointer  data)
{
  FdFollowupsView *view = fd_window_get_followups_view (fixture->window);
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdFollowup) stored = NULL;
  gint64 id;

  followup = add_followup (fixture, fixture->janis_id, now_unix () + 3 * 24 * 3600, NULL);
  id = fd_followup_get_id (followup);
  spin ();

  gtk_widget_activate_action (GTK_WIDGET (view), "followups.reassign", "(xx)", id, fixture->anna_id);
  spin ();
  stored = reread (fixture, id);
  g_assert_cmpint (fd_followup_get_assignee_id (stored), ==, fixture->anna_id);
  g_clear_object (&stored);

  gtk_widget_activate_action (GTK_WIDGET (view), "followups.reassign", "(xx)", id, (gint64) 0);
  spin ();
  stored = reread (fixture, id);
  g_assert_cmpint (fd_followup_get_assignee_id (stored), ==, 0);
  g_clear_object (&stored);

  gtk_widget_activate_action (GTK_WIDGET (view), "followups.cancel", "x", id);
  spin ();
  stored = reread (fixture, id);
  g_assert_cmpint (fd_followup_get_state (stored), ==, FD_FOLLOWUP_CANCELLED);
  g_assert_cmpint (section_of (fixture, id), ==, -1);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (child_of (view, FD_TYPE_FOLLOWUPS_VIEW, "stack"))),
                   ==, "empty");
}

/* The customer's page with @customer_id open, and its Services group. */
static FdCustomerServices *
open_services (Fixture *fixture,
               gint64   customer_id)
{
  FdCustomerPage *page;
  FdCustomerServices *services;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-customer", "x", customer_id);
  spin ();
  page = fd_customers_view_get_page (fd_window_get_customers_view (fixture->window));
  services = FD_CUSTOMER_SERVICES (child_of (page, FD_TYPE_CUSTOMER_PAGE, "services"));
  g_assert_cmpint (fd_customer_services_get_customer_id (services), ==, customer_id);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (services)));

  return services;
}

static void
on_service_added_cb (GtkWidget *dialog,
                     gint64     id,
                     gint64    *added)
{
  *added = id;
}

/* Add Service… on the customer's page: errors beside their fields, then the service and
 * its "renewal due" follow-up, its lead days before, in the store. */
static void
test_service_add (Fixture       *fixture,
                  gconstpointer  data)
{
  FdCustomerServices *services = open_services (fixture, fixture->janis_id);
  g_autoptr(FdNewServiceDialog) dialog = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) renewals = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) rrules = NULL;
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(GError) error = NULL;
  FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;
  GtkListBox *list = GTK_LIST_BOX (child_of (services, FD_TYPE_CUSTOMER_SERVICES, "list"));
  GtkWidget *name_row, *time_row, *lead_spin;
  FdFollowup *renewal_due;
  gint64 renewal = (now_unix () + 60 * 24 * 3600) / 60 * 60;
  gint64 added = 0;

  g_assert_null (gtk_list_box_get_row_at_index (list, 0));

  gtk_widget_activate_action (GTK_WIDGET (services), "services.add", NULL);
  dialog = g_object_ref (find_toplevel (FD_TYPE_NEW_SERVICE_DIALOG));
  g_assert_nonnull (dialog);
  g_signal_connect (dialog, "added", G_CALLBACK (on_service_added_cb), &added);
  name_row = child_of (dialog, FD_TYPE_NEW_SERVICE_DIALOG, "name_row");
  time_row = child_of (dialog, FD_TYPE_NEW_SERVICE_DIALOG, "time_row");
  lead_spin = child_of (dialog, FD_TYPE_NEW_SERVICE_DIALOG, "lead_spin");

  /* The reminder comes FD_SERVICE_DEFAULT_LEAD_DAYS before unless said. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (lead_spin)), ==, FD_SERVICE_DEFAULT_LEAD_DAYS);

  /* No name: said beside the name, by the store. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-service.add", NULL);
  spin ();
  g_assert_cmpint (added, ==, 0);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_true (gtk_widget_get_visible (child_of (dialog, FD_TYPE_NEW_SERVICE_DIALOG, "name_error")));

  /* A renewal in the past: beside the date and time. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Home insurance");
  fd_new_service_dialog_set_next_renewal (dialog, now_unix () - 3 * 24 * 3600);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-service.add", NULL);
  spin ();
  g_assert_cmpint (added, ==, 0);
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_true (gtk_widget_has_css_class (time_row, "error"));
  g_assert_true (gtk_widget_get_visible (child_of (dialog, FD_TYPE_NEW_SERVICE_DIALOG, "renewal_error")));

  fd_new_service_dialog_set_next_renewal (dialog, renewal);
  g_assert_cmpint (fd_new_service_dialog_get_next_renewal (dialog), ==, renewal);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_NEW_SERVICE_DIALOG, "repeat_row")), 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (lead_spin), 10);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-service.add", NULL);
  spin ();
  g_assert_cmpint (added, >, 0);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  g_assert_true (fd_store_list_services (fixture->store, fixture->janis_id, &ids, &names, &rrules, &renewals, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, added);
  g_assert_cmpstr (names[0], ==, "Home insurance");
  g_assert_cmpstr (rrules[0], ==, "FREQ=MONTHLY;INTERVAL=3");
  g_assert_cmpint (g_array_index (renewals, gint64, 0), ==, renewal);

  filter.customer_id = fixture->janis_id;
  followups = fd_store_list_followups (fixture->store, &filter, NULL, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (followups->len, ==, 1);
  renewal_due = g_ptr_array_index (followups, 0);
  g_assert_cmpint (fd_followup_get_kind (renewal_due), ==, FD_FOLLOWUP_RENEWAL_DUE);
  g_assert_cmpint (fd_followup_get_service_id (renewal_due), ==, added);
  g_assert_cmpint (fd_followup_get_due_at (renewal_due), ==, renewal - 10 * 24 * 3600);

  /* The page lists it, its period in words. */
  {
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, 0);
    g_autofree char *period = fd_customer_services_describe_rule ("FREQ=MONTHLY;INTERVAL=3");

    g_assert_true (ADW_IS_ACTION_ROW (row));
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Home insurance");
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), period));
  }

  /* A typed name is not dropped unasked; Escape closes. */
  g_clear_object (&dialog);
  gtk_widget_activate_action (GTK_WIDGET (services), "services.add", NULL);
  dialog = g_object_ref (find_toplevel (FD_TYPE_NEW_SERVICE_DIALOG));
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, FD_TYPE_NEW_SERVICE_DIALOG, "name_row")), "Half a name");
  gtk_window_close (GTK_WINDOW (dialog));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_destroy (GTK_WINDOW (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  gtk_editable_set_text (GTK_EDITABLE (child_of (dialog, FD_TYPE_NEW_SERVICE_DIALOG, "name_row")), "");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
}

/* Renewed moves the next renewal one period on, and the page shows it. */
static void
test_service_renewed (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GArray) renewals = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) rrules = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) first = NULL;
  g_autoptr(GDateTime) expected = NULL;
  FdCustomerServices *services;
  GtkListBoxRow *row;
  GtkWidget *button;
  g_autofree char *subtitle_before = NULL;
  gint64 renewal = (now_unix () + 30 * 24 * 3600) / 60 * 60;
  gint64 id;

  id = fd_store_add_service (fixture->store, fixture->sanne_id, "Boiler service", "FREQ=YEARLY", renewal,
                             FD_SERVICE_DEFAULT_LEAD_DAYS, &error);
  g_assert_no_error (error);
  services = open_services (fixture, fixture->sanne_id);

  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child_of (services, FD_TYPE_CUSTOMER_SERVICES, "list")), 0);
  g_assert_true (ADW_IS_ACTION_ROW (row));
  subtitle_before = g_strdup (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)));
  g_assert_true (g_str_has_prefix (subtitle_before, "Every year"));

  /* The row's Renewed button, by what it does (activating it clicks only after a delay). */
  button = gtk_widget_get_last_child (gtk_widget_get_last_child (gtk_widget_get_first_child (GTK_WIDGET (row))));
  while (button != NULL && !GTK_IS_BUTTON (button))
    button = gtk_widget_get_prev_sibling (button);
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "services.renew");
  g_assert_true (gtk_widget_activate_action_variant (button, "services.renew",
                                                     gtk_actionable_get_action_target_value (GTK_ACTIONABLE (button))));
  spin ();

  g_assert_true (fd_store_list_services (fixture->store, fixture->sanne_id, &ids, &names, &rrules, &renewals, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_assert_cmpint (g_array_index (ids, gint64, 0), ==, id);
  first = g_date_time_to_local (g_date_time_new_from_unix_utc (renewal));
  expected = g_date_time_add_years (first, 1);
  g_assert_cmpint (g_array_index (renewals, gint64, 0), ==, g_date_time_to_unix (expected));

  /* The page followed the store. */
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (child_of (services, FD_TYPE_CUSTOMER_SERVICES, "list")), 0);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), !=, subtitle_before);
}

static void
test_describe_rule (void)
{
  struct {
    const char *rrule;
    const char *text;
  } cases[] = {
    { "FREQ=YEARLY",             "Every year" },
    { "FREQ=MONTHLY",            "Every month" },
    { "FREQ=MONTHLY;INTERVAL=3", "Every 3 months" },
    { "FREQ=MONTHLY;INTERVAL=6", "Every 6 months" },
    { "FREQ=WEEKLY;BYDAY=MO",    "FREQ=WEEKLY;BYDAY=MO" },
    { "FREQ=MONTHLY;BYMONTHDAY=1", "FREQ=MONTHLY;BYMONTHDAY=1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fd_customer_services_describe_rule (cases[i].rrule);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

static GtkWidget *
find_button_with_label (GtkWidget  *widget,
                        const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Cancel, then the toast's Undo: open again, in the store and in the list. */
static void
test_cancel_undo (Fixture       *fixture,
                  gconstpointer  data)
{
  FdFollowupsView *view = fd_window_get_followups_view (fixture->window);
  AdwViewStack *stack = ADW_VIEW_STACK (child_of (fixture->window, FD_TYPE_WINDOW, "view_stack"));
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdFollowup) stored = NULL;
  GtkWidget *undo;
  gint64 id;

  adw_view_stack_set_visible_child_name (stack, "followups");
  followup = add_followup (fixture, fixture->janis_id, now_unix () + 3 * 24 * 3600, NULL);
  id = fd_followup_get_id (followup);
  spin ();

  gtk_widget_activate_action (GTK_WIDGET (view), "followups.cancel", "x", id);
  spin ();
  stored = reread (fixture, id);
  g_assert_cmpint (fd_followup_get_state (stored), ==, FD_FOLLOWUP_CANCELLED);
  g_assert_cmpint (section_of (fixture, id), ==, -1);
  g_clear_object (&stored);

  /* The toast offers Undo; its action is what the button runs. (Emitting "clicked" on a
   * toast's button from a test races AdwToastOverlay's own dismissal animation.) */
  undo = find_button_with_label (GTK_WIDGET (fixture->window), "_Undo");
  g_assert_nonnull (undo);
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (undo)), ==, "followups.reopen");
  gtk_widget_activate_action (GTK_WIDGET (view), "followups.reopen", "x", id);
  spin ();

  stored = reread (fixture, id);
  g_assert_cmpint (fd_followup_get_state (stored), ==, FD_FOLLOWUP_OPEN);
  g_assert_cmpint (section_of (fixture, id), ==, FD_FOLLOWUPS_UPCOMING);
}

/* "Mine": the desk's staff member's own and those for anyone, never a colleague's; the
 * badge counts the same. */
static void
test_mine (Fixture       *fixture,
           gconstpointer  data)
{
  FdFollowupsView *view = fd_window_get_followups_view (fixture->window);
  FdFollowupDraft draft = { FD_FOLLOWUP_CALL_BACK, fixture->janis_id, 0, 0, 0, NULL, 0, "Ring back" };
  g_autoptr(FdFollowup) annas = NULL;
  g_autoptr(FdFollowup) anyones = NULL;
  g_autoptr(FdFollowup) bobs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 bob_id;

  bob_id = fd_store_add_staff (fixture->store, fixture->branch_id, "Bob Jansen", "branch_staff", &error);
  g_assert_no_error (error);

  draft.due_at = now_unix () - 30;
  draft.assignee_id = fixture->anna_id;
  annas = fd_store_add_followup (fixture->store, &draft, &error);
  g_assert_no_error (error);
  draft.assignee_id = 0;
  anyones = fd_store_add_followup (fixture->store, &draft, &error);
  g_assert_no_error (error);
  draft.assignee_id = bob_id;
  bobs = fd_store_add_followup (fixture->store, &draft, &error);
  g_assert_no_error (error);

  fd_store_set_current_staff (fixture->store, fixture->anna_id);
  g_object_set (view, "filter", "everyone", NULL);
  spin ();
  g_assert_cmpint (section_of (fixture, fd_followup_get_id (bobs)), ==, FD_FOLLOWUPS_OVERDUE);
  g_assert_cmpuint (badge_number (fixture), ==, 3);

  g_object_set (view, "filter", "mine", NULL);
  spin ();
  g_assert_cmpint (fd_followups_view_get_staff_id (view), ==, fixture->anna_id);
  g_assert_cmpint (section_of (fixture, fd_followup_get_id (annas)), ==, FD_FOLLOWUPS_OVERDUE);
  g_assert_cmpint (section_of (fixture, fd_followup_get_id (anyones)), ==, FD_FOLLOWUPS_OVERDUE);
  g_assert_cmpint (section_of (fixture, fd_followup_get_id (bobs)), ==, -1);
  g_assert_cmpuint (fd_followups_view_get_attention_count (view), ==, 2);
  g_assert_cmpuint (badge_number (fixture), ==, 2);
}

/* One timer for the badge while the window is shown, none once it is hidden or closed. */
static void
test_no_timer_when_closed (Fixture       *fixture,
                           gconstpointer  data)
{
  FdFollowupsView *view = fd_window_get_followups_view (fixture->window);
  g_autoptr(FdFollowup) followup = add_followup (fixture, fixture->janis_id, now_unix () + 3600, NULL);

  spin ();
  g_assert_nonnull (g_main_context_find_source_by_user_data (NULL, view));

  gtk_widget_set_visible (GTK_WIDGET (fixture->window), FALSE);
  spin ();
  g_assert_null (g_main_context_find_source_by_user_data (NULL, view));

  gtk_window_present (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_nonnull (g_main_context_find_source_by_user_data (NULL, view));

  g_object_ref (view);
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  spin ();
  g_assert_null (g_main_context_find_source_by_user_data (NULL, view));
  g_object_unref (view);
}

static void
test_format_due (void)
{
  g_autoptr(GDateTime) noon = g_date_time_new_local (2026, 3, 11, 12, 0, 0);
  gint64 now = g_date_time_to_unix (noon);
  struct {
    gint64      offset;
    const char *text;
  } cases[] = {
    { 10,                 "now" },
    { 5 * 60,             "in 5 minutes" },
    { 2 * 3600,           "in 2 hours" },
    { 22 * 3600,          "tomorrow at 10:00" },
    { -60,                "1 minute ago" },
    { -3 * 3600,          "3 hours ago" },
    { -20 * 3600,         "yesterday at 16:00" },
    { -3 * 24 * 3600,     "3 days ago" },
    { -100 * 24 * 3600,   "1 December 2025" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = fd_followup_row_format_due (now + cases[i].offset, now);

      g_assert_cmpstr (text, ==, cases[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", FALSE);

  fd_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/fd/ui/followups/create", Fixture, NULL, fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/fd/ui/followups/create-from-claim", Fixture, NULL, fixture_set_up, test_create_from_claim, fixture_tear_down);
  g_test_add ("/fd/ui/followups/sections", Fixture, NULL, fixture_set_up, test_sections, fixture_tear_down);
  g_test_add ("/fd/ui/followups/done", Fixture, NULL, fixture_set_up, test_done, fixture_tear_down);
  g_test_add ("/fd/ui/followups/snooze", Fixture, NULL, fixture_set_up, test_snooze, fixture_tear_down);
  g_test_add ("/fd/ui/followups/reassign-and-cancel", Fixture, NULL, fixture_set_up, test_reassign_and_cancel, fixture_tear_down);
  g_test_add ("/fd/ui/followups/cancel-undo", Fixture, NULL, fixture_set_up, test_cancel_undo, fixture_tear_down);
  g_test_add ("/fd/ui/followups/mine", Fixture, NULL, fixture_set_up, test_mine, fixture_tear_down);
  g_test_add ("/fd/ui/followups/no-timer-when-closed", Fixture, NULL, fixture_set_up, test_no_timer_when_closed, fixture_tear_down);
  g_test_add ("/fd/ui/followups/service-add", Fixture, NULL, fixture_set_up, test_service_add, fixture_tear_down);
  g_test_add ("/fd/ui/followups/service-renewed", Fixture, NULL, fixture_set_up, test_service_renewed, fixture_tear_down);
  g_test_add_func ("/fd/ui/followups/format-due", test_format_due);
  g_test_add_func ("/fd/ui/followups/describe-rule", test_describe_rule);

  return g_test_run ();
}
