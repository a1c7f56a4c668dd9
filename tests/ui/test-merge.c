/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "fd-customer-history.h"
#include "fd-customer-page.h"
#include "fd-customer-picker.h"
#include "fd-customer-summary-view.h"
#include "fd-customers-view.h"
#include "fd-date-time.h"
#include "fd-merge-dialog.h"
#include "fd-window.h"

/* The customer page's summary and history, and merging a duplicate from it: the dialog,
 * the choice of values, the toast's Undo. FD_TEST_SCREENSHOTS=DIR saves the page as PNG. */

typedef struct
{
  char     *dir;
  char     *path;
  FdStore  *store;
  FdWindow *window;
  gint64    survivor_id;
  gint64    duplicate_id;
} Fixture;

static gint64
add_customer (FdStore    *store,
              const char *given_name,
              const char *family_name,
              const char *email,
              const char *phone,
              int         birth_year)
{
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(FdCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;

  fd_customer_set_given_name (draft, given_name);
  fd_customer_set_family_name (draft, family_name);
  fd_customer_set_email (draft, email);
  fd_customer_set_phone (draft, phone);
  fd_customer_set_birth_year (draft, birth_year);
  fd_customer_set_language (draft, "nl");
  fd_customer_set_channel (draft, FD_CHANNEL_EMAIL);
  saved = fd_store_add_customer (store, draft, &error);
  g_assert_no_error (error);
  return fd_customer_get_id (saved);
}

/* A finished visit, a claim with a letter and a follow-up. */
static void
add_history (Fixture *fixture,
             gint64   branch_id,
             gint64   desk_id,
             gint64   customer_id,
             int      rating)
{
  FdVisitReport report = { FD_TECHNIQUE_EXPLANATION, FD_OUTCOME_RESOLVED, NULL, rating, rating, NULL, 0 };
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  FdClaimDraft claim_draft = { branch_id, customer_id, FD_CLAIM_KIND_COMPLAINT, "letter", "slow_response",
                               FD_CLAIM_PRIORITY_NORMAL, "Meter reading never answered", now - 3600, 0 };
  FdFollowupDraft followup = { FD_FOLLOWUP_CALL_BACK, customer_id, 0, 0, now + 86400, NULL, 0, "Call about the meter" };
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(FdVisit) called = NULL;
  g_autoptr(FdVisit) finished = NULL;
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdClaimMessage) message = NULL;
  g_autoptr(FdFollowup) added = NULL;
  g_autoptr(GError) error = NULL;

  visit = fd_store_check_in (fixture->store, branch_id, customer_id, "information", FD_PRIORITY_NONE, now - 7200, &error);
  g_assert_no_error (error);
  called = fd_store_call (fixture->store, branch_id, desk_id, fd_visit_get_ticket (visit), now - 7000, &error);
  g_assert_no_error (error);
  finished = fd_store_finish_visit (fixture->store, fd_visit_get_id (visit), &report, now - 6400, &error);
  g_assert_no_error (error);
  claim = fd_store_open_claim (fixture->store, &claim_draft, &error);
  g_assert_no_error (error);
  {
    FdMessageDraft letter = { fd_claim_get_id (claim), FD_MESSAGE_IN, "letter", now - 3000, "Meter",
                              "The meter reading is wrong.", NULL, NULL, NULL };

    message = fd_store_add_message (fixture->store, &letter, &error);
    g_assert_no_error (error);
  }
  added = fd_store_add_followup (fixture->store, &followup, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(FdDesk) desk = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("frontdesk-ui-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "frontdesk.db", NULL);
  fixture->store = fd_store_open (fixture->path, &error);
  g_assert_no_error (error);

  fd_branch_set_name (draft, "Utrecht Centrum");
  fd_branch_set_country (draft, "NL");
  branch = fd_store_add_branch (fixture->store, draft, &error);
  g_assert_no_error (error);
  desk = fd_store_add_desk (fixture->store, fd_branch_get_id (branch), "Desk 1", &error);
  g_assert_no_error (error);

  fixture->survivor_id = add_customer (fixture->store, "Anna", "de Vries", "anna@example.nl", NULL, 1984);
  fixture->duplicate_id = add_customer (fixture->store, "Anna", "de Vries", "a.devries@example.nl",
                                        "+31 30 123 4567", 1984);
  add_customer (fixture->store, "Pieter", "Jansen", NULL, NULL, 0);
  add_history (fixture, fd_branch_get_id (branch), fd_desk_get_id (desk), fixture->survivor_id, 5);
  add_history (fixture, fd_branch_get_id (branch), fd_desk_get_id (desk), fixture->duplicate_id, 3);

  fixture->window = g_object_ref_sink (fd_window_new (NULL, fixture->store));
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 800);
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

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

/* With FD_TEST_SCREENSHOTS=DIR, the window as it is drawn, for a look at the layout. */
static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  const char *dir = g_getenv ("FD_TEST_SCREENSHOTS");
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = NULL;
  GskRenderer *renderer;
  int width, height;

  if (dir == NULL)
    return;

  spin (300);
  paintable = gtk_widget_paintable_new (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  file = g_build_filename (dir, name, NULL);
  gdk_texture_save_to_png (texture, file);
}

static FdCustomerPage *
open_customer (Fixture *fixture,
               gint64   id)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-customer", "x", id);
  return fd_customers_view_get_page (fd_window_get_customers_view (fixture->window));
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

static guint
count_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child))
      n++;
  return n;
}

static AdwActionRow *
find_row (GtkWidget  *list,
          const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (list); child; child = gtk_widget_get_next_sibling (child))
    if (ADW_IS_ACTION_ROW (child) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
      return ADW_ACTION_ROW (child);
  return NULL;
}

static void
collect_toggles (GtkWidget *widget,
                 GPtrArray *out)
{
  if (GTK_IS_TOGGLE_BUTTON (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_toggles (child, out);
}

static FdMergeDialog *
find_merge_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (const GList *l = toplevels; l != NULL; l = l->next)
    if (FD_IS_MERGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;
  return NULL;
}

static void
test_summary_and_history (Fixture       *fixture,
                          gconstpointer  data)
{
  FdCustomerPage *page = open_customer (fixture, fixture->survivor_id);
  GtkWidget *history = child_of (page, FD_TYPE_CUSTOMER_PAGE, "history");
  GtkWidget *summary = child_of (page, FD_TYPE_CUSTOMER_PAGE, "summary");
  GtkWidget *summary_box = child_of (summary, FD_TYPE_CUSTOMER_SUMMARY_VIEW, "box");
  GtkWidget *list = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "history_list");
  GtkWidget *search = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "search_entry");
  GtkWidget *kinds = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "kind_dropdown");
  guint all;

  g_assert_true (gtk_widget_get_visible (child_of (summary, FD_TYPE_CUSTOMER_SUMMARY_VIEW, "group")));
  g_assert_nonnull (gtk_flow_box_get_child_at_index (GTK_FLOW_BOX (summary_box), 8));
  /* visit, claim, letter, follow-up and the claim's own two, creation */
  all = count_rows (list);
  g_assert_cmpuint (all, >=, 6);
  g_assert_nonnull (find_row (list, "Visit: Information"));
  save_screenshot (GTK_WIDGET (fixture->window), "customer-page.png");
  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
      GTK_SCROLLED_WINDOW (child_of (page, FD_TYPE_CUSTOMER_PAGE, "scroller")));

    spin (100);
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    save_screenshot (GTK_WIDGET (fixture->window), "customer-page-history.png");
  }

  /* Kinds: only the visit. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kinds), 1);
  g_assert_cmpuint (count_rows (list), ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (kinds), 0);
  g_assert_cmpuint (count_rows (list), ==, all);

  /* Search, folded. */
  gtk_editable_set_text (GTK_EDITABLE (search), "MËTER");
  g_signal_emit_by_name (search, "search-changed");
  /* The claim, its letter and the follow-up. */
  g_assert_cmpuint (count_rows (list), ==, 3);
  gtk_editable_set_text (GTK_EDITABLE (search), "nothing at all");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (count_rows (list), ==, 0);

  /* Another customer starts unfiltered. */
  page = open_customer (fixture, fixture->duplicate_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "");
  g_assert_cmpuint (count_rows (list), >=, 6);
}

/* A customer with a call back at noon on each of the @n days after today, noted "Call on
 * day N". */
static gint64
add_customer_with_calls (Fixture *fixture,
                         int      n)
{
  gint64 id = add_customer (fixture->store, "Lotte", "Bakker", "lotte@example.nl", NULL, 1990);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  for (int day = 1; day <= n; day++)
    {
      g_autoptr(GDateTime) date = g_date_time_add_days (now, day);
      g_autoptr(GDateTime) noon = fd_date_time_new_from_day (fd_date_time_to_day (date));
      g_autofree char *note = g_strdup_printf ("Call on day %d", day);
      FdFollowupDraft draft = { FD_FOLLOWUP_CALL_BACK, id, 0, 0, g_date_time_to_unix (noon), NULL, 0, note };
      g_autoptr(FdFollowup) followup = NULL;
      g_autoptr(GError) error = NULL;

      followup = fd_store_add_followup (fixture->store, &draft, &error);
      g_assert_no_error (error);
    }
  return id;
}

static int
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) date = g_date_time_add_days (now, days);

  return fd_date_time_to_day (date);
}

static void
select_day (GtkWidget *calendar,
            int        day)
{
  fd_date_time_select_calendar_day (GTK_CALENDAR (calendar), day);
  g_assert_cmpint (fd_date_time_get_calendar_day (GTK_CALENDAR (calendar)), ==, day);
}

static void
scroll_to_end (FdCustomerPage *page)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (child_of (page, FD_TYPE_CUSTOMER_PAGE, "scroller")));

  spin (100);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
}

static void
test_history_custom_period (Fixture       *fixture,
                            gconstpointer  data)
{
  gint64 id = add_customer_with_calls (fixture, 20);
  FdCustomerPage *page = open_customer (fixture, id);
  GtkWidget *history = child_of (page, FD_TYPE_CUSTOMER_PAGE, "history");
  GtkWidget *list = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "history_list");
  GtkWidget *period = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "period_dropdown");
  GtkWidget *custom_box = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "custom_box");
  GtkWidget *from_button = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "from_button");
  GtkWidget *to_button = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "to_button");
  GtkWidget *from_calendar = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "from_calendar");
  GtkWidget *to_calendar = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "to_calendar");
  GtkWidget *range_error = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "range_error");
  GtkWidget *search = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "search_entry");
  GListModel *periods = gtk_drop_down_get_model (GTK_DROP_DOWN (period));
  guint custom = g_list_model_get_n_items (periods) - 1;
  g_autofree char *from_label = NULL;

  /* The calls and the record's creation. */
  g_assert_cmpuint (count_rows (list), ==, 21);
  g_assert_false (gtk_widget_get_visible (custom_box));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (periods), custom), ==, "Custom…");

  /* Custom starts as the last 30 days, up to today: only the creation. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (period), custom);
  g_assert_true (gtk_widget_get_visible (custom_box));
  g_assert_cmpint (fd_date_time_get_calendar_day (GTK_CALENDAR (to_calendar)), ==, day_from_today (0));
  g_assert_cmpint (fd_date_time_get_calendar_day (GTK_CALENDAR (from_calendar)), ==, day_from_today (-30));
  g_assert_nonnull (gtk_menu_button_get_label (GTK_MENU_BUTTON (from_button)));
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_nonnull (find_row (list, "Record created"));

  /* A first day after the last is refused, beside the buttons. */
  select_day (from_calendar, day_from_today (10));
  g_assert_true (gtk_widget_get_visible (range_error));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (range_error)), ==, "The last day comes before the first day.");
  g_assert_false (gtk_widget_get_visible (list));
  gtk_test_accessible_assert_state (to_button, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE);
  if (g_getenv ("FD_TEST_SCREENSHOTS") != NULL)
    scroll_to_end (page);
  save_screenshot (GTK_WIDGET (fixture->window), "customer-page-history-refused.png");

  /* Days 10 to 12, both included. */
  select_day (to_calendar, day_from_today (12));
  g_assert_false (gtk_widget_get_visible (range_error));
  g_assert_true (gtk_widget_get_visible (list));
  gtk_test_accessible_assert_state (to_button, GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_FALSE);
  g_assert_cmpuint (count_rows (list), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *note = g_strdup_printf ("Call on day %u", 12 - i);
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), i);

      /* Newest first. */
      g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), note));
    }
  /* The buttons say their days, to screen readers too. */
  {
    g_autoptr(GDateTime) day10 = fd_date_time_new_from_day (day_from_today (10));
    g_autofree char *text = g_date_time_format (day10, "%e %b %Y");

    from_label = g_strdup_printf ("First day: %s", text);
    gtk_test_accessible_assert_property (from_button, GTK_ACCESSIBLE_PROPERTY_LABEL, from_label);
  }
  if (g_getenv ("FD_TEST_SCREENSHOTS") != NULL)
    scroll_to_end (page);
  save_screenshot (GTK_WIDGET (fixture->window), "customer-page-history-custom.png");

  /* And searched within them. */
  gtk_editable_set_text (GTK_EDITABLE (search), "day 11");
  g_signal_emit_by_name (search, "search-changed");
  g_assert_cmpuint (count_rows (list), ==, 1);

  /* Another customer starts with any time again. */
  open_customer (fixture, fixture->survivor_id);
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (period)), ==, 0);
  g_assert_false (gtk_widget_get_visible (custom_box));
}

static void
test_history_lazy (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 id = add_customer_with_calls (fixture, 150);
  FdCustomerPage *page = open_customer (fixture, id);
  GtkWidget *history = child_of (page, FD_TYPE_CUSTOMER_PAGE, "history");
  GtkWidget *list = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "history_list");
  GtkWidget *more_button = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "more_button");
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (
    GTK_SCROLLED_WINDOW (child_of (page, FD_TYPE_CUSTOMER_PAGE, "scroller")));
  guint shown, before;

  /* Shown at the top of the page: a page or two, never all 151. */
  spin (300);
  shown = count_rows (list);
  g_assert_cmpuint (shown, >=, 30);
  g_assert_cmpuint (shown, <=, 60);
  g_assert_cmpuint (shown % 30, ==, 0);
  g_assert_true (gtk_widget_get_visible (more_button));

  /* Scrolled to the end: the next page comes by itself. */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
  spin (300);
  before = shown;
  shown = count_rows (list);
  g_assert_cmpuint (shown, >, before);
  g_assert_cmpuint (shown, <=, before + 60);
  save_screenshot (GTK_WIDGET (fixture->window), "customer-page-history-lazy.png");

  /* From the keyboard: Show More. */
  before = shown;
  g_assert_true (gtk_widget_activate_action (history, "history.more", NULL));
  g_assert_cmpuint (count_rows (list), ==, before + 30);

  /* Down to the end, a page at a time; then the button goes. */
  for (int i = 0; i < 10 && gtk_widget_get_visible (more_button); i++)
    {
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment));
      spin (200);
    }
  g_assert_cmpuint (count_rows (list), ==, 151);
  g_assert_false (gtk_widget_get_visible (more_button));
}

static void
test_merge_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  FdCustomerPage *page = open_customer (fixture, fixture->survivor_id);
  GtkWidget *history = child_of (page, FD_TYPE_CUSTOMER_PAGE, "history");
  GtkWidget *list = child_of (history, FD_TYPE_CUSTOMER_HISTORY, "history_list");
  g_autoptr(FdCustomer) duplicate = fd_store_get_customer (fixture->store, fixture->duplicate_id, NULL);
  g_autoptr(FdCustomer) survivor = NULL;
  g_autoptr(FdCustomer) archived = NULL;
  g_autoptr(GPtrArray) toggles = g_ptr_array_new ();
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  FdMergeDialog *dialog;
  GtkWidget *fields_list;
  AdwActionRow *phone_row, *email_row;
  guint before = count_rows (list);

  gtk_widget_activate_action (GTK_WIDGET (page), "customer.merge", NULL);
  dialog = find_merge_dialog ();
  g_assert_nonnull (dialog);
  /* Nothing picked: nothing to merge. */
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.merge", NULL) &&
                  find_merge_dialog () == NULL);

  fd_customer_picker_set_customer (FD_CUSTOMER_PICKER (child_of (dialog, FD_TYPE_MERGE_DIALOG, "picker")), duplicate);
  fields_list = child_of (dialog, FD_TYPE_MERGE_DIALOG, "fields_list");
  g_assert_true (gtk_widget_get_visible (child_of (dialog, FD_TYPE_MERGE_DIALOG, "fields_group")));
  /* Only the fields that differ: e-mail and phone. */
  g_assert_cmpuint (count_rows (fields_list), ==, 2);
  email_row = find_row (fields_list, "E-mail");
  phone_row = find_row (fields_list, "Phone");
  g_assert_nonnull (email_row);
  g_assert_nonnull (phone_row);
  /* The survivor has no phone: the duplicate's is chosen; its own e-mail stays. */
  collect_toggles (GTK_WIDGET (phone_row), toggles);
  g_assert_cmpuint (toggles->len, ==, 2);
  g_assert_true (gtk_toggle_button_get_active (toggles->pdata[1]));
  g_ptr_array_set_size (toggles, 0);
  collect_toggles (GTK_WIDGET (email_row), toggles);
  g_assert_true (gtk_toggle_button_get_active (toggles->pdata[0]));
  /* Take the duplicate's e-mail too. */
  gtk_toggle_button_set_active (toggles->pdata[1], TRUE);
  save_screenshot (GTK_WIDGET (dialog), "merge-dialog.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "merge.merge", NULL));
  g_assert_null (find_merge_dialog ());

  survivor = fd_store_get_customer (fixture->store, fixture->survivor_id, &error);
  g_assert_cmpstr (fd_customer_get_email (survivor), ==, "a.devries@example.nl");
  g_assert_cmpstr (fd_customer_get_phone (survivor), ==, "+31 30 123 4567");
  archived = fd_store_get_customer (fixture->store, fixture->duplicate_id, &error);
  g_assert_cmpint (fd_customer_get_archived_at (archived), !=, 0);
  visits = fd_store_list_customer_visits (fixture->store, fixture->survivor_id, 0, 10, &error);
  g_assert_cmpuint (visits->len, ==, 2);
  g_clear_pointer (&visits, g_ptr_array_unref);

  /* The page shows the merged record and its whole history. */
  spin (100);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (page, FD_TYPE_CUSTOMER_PAGE, "phone_row"))),
                   ==, "+31 30 123 4567");
  g_assert_cmpuint (count_rows (list), >, before);
  g_assert_nonnull (find_row (list, "Duplicate record merged in"));
  save_screenshot (GTK_WIDGET (fixture->window), "customer-page-merged.png");

  /* What the toast's Undo button activates: the first merge of this database. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-merge", "x", (gint64) 1);
  g_clear_object (&survivor);
  g_clear_object (&archived);
  survivor = fd_store_get_customer (fixture->store, fixture->survivor_id, &error);
  archived = fd_store_get_customer (fixture->store, fixture->duplicate_id, &error);
  g_assert_cmpstr (fd_customer_get_email (survivor), ==, "anna@example.nl");
  g_assert_null (fd_customer_get_phone (survivor));
  g_assert_cmpint (fd_customer_get_archived_at (archived), ==, 0);
  visits = fd_store_list_customer_visits (fixture->store, fixture->duplicate_id, 0, 10, &error);
  g_assert_cmpuint (visits->len, ==, 1);
  spin (100);
  page = fd_customers_view_get_page (fd_window_get_customers_view (fixture->window));
  g_assert_cmpint (fd_customer_get_id (fd_customer_page_get_customer (page)), ==, fixture->survivor_id);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (child_of (page, FD_TYPE_CUSTOMER_PAGE, "email_row"))),
                   ==, "anna@example.nl");
  g_assert_null (find_row (list, "Duplicate record merged in"));

  /* A second Undo does nothing; nor does one for a merge this window did not make. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-merge", "x", (gint64) 1);
  g_assert_true (fd_store_merge_customers (fixture->store, fixture->survivor_id, fixture->duplicate_id,
                                           NULL, NULL, &error));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.undo-merge", "x", (gint64) 2);
  g_clear_object (&archived);
  archived = fd_store_get_customer (fixture->store, fixture->duplicate_id, &error);
  g_assert_cmpint (fd_customer_get_archived_at (archived), !=, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "test", FALSE);
  g_setenv ("LC_ALL", "C.UTF-8", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/fd/ui/customer/summary-and-history", Fixture, NULL, fixture_set_up, test_summary_and_history, fixture_tear_down);
  g_test_add ("/fd/ui/customer/history-custom-period", Fixture, NULL, fixture_set_up, test_history_custom_period, fixture_tear_down);
  g_test_add ("/fd/ui/customer/history-lazy", Fixture, NULL, fixture_set_up, test_history_lazy, fixture_tear_down);
  g_test_add ("/fd/ui/customer/merge-and-undo", Fixture, NULL, fixture_set_up, test_merge_and_undo, fixture_tear_down);

  return g_test_run ();
}
