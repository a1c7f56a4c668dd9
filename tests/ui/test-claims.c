/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Claims in the real window: opening one through the dialog, replying from a template,
 * resolving it with the explanation formula, and the lazy list's filter and paging. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fd-application.h"
#include "fd-claim-list-model.h"
#include "fd-claim-page.h"
#include "fd-claim-row.h"
#include "fd-claims-view.h"
#include "fd-customer-picker.h"
#include "fd-new-claim-dialog.h"
#include "fd-reply-dialog.h"
#include "fd-reply-template.h"
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
} Fixture;

static gint64
add_customer (FdStore    *store,
              const char *given_name,
              const char *family_name,
              const char *language)
{
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(FdCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;

  fd_customer_set_given_name (draft, given_name);
  fd_customer_set_family_name (draft, family_name);
  fd_customer_set_language (draft, language);
  fd_customer_set_address (draft, "Keizersgracht 1\n1015 CJ Amsterdam");
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

  fixture->dir = g_dir_make_tmp ("frontdesk-claims-XXXXXX", &error);
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

  fixture->janis_id = add_customer (fixture->store, "Jānis", "Bērziņš", "lv");
  fixture->sanne_id = add_customer (fixture->store, "Sanne", "Willems", "nl");

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

static guint
position_of (const char * const *codes,
             const char         *code)
{
  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i;

  g_assert_not_reached ();
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

static FdClaim *
open_claim (Fixture        *fixture,
            gint64          customer_id,
            FdClaimKind     kind,
            const char     *summary)
{
  FdClaimDraft draft = { fixture->branch_id, customer_id, kind, "letter", "slow_response",
                         FD_CLAIM_PRIORITY_NORMAL, summary, 0, 0 };
  g_autoptr(GError) error = NULL;
  FdClaim *claim = fd_store_open_claim (fixture->store, &draft, &error);

  g_assert_no_error (error);

  return claim;
}

/* The page shows @claim, as the list does after a click. */
static FdClaimPage *
show_claim (Fixture *fixture,
            FdClaim *claim)
{
  FdClaimsView *view = fd_window_get_claims_view (fixture->window);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-claim", "x", fd_claim_get_id (claim));
  g_assert_true (adw_view_stack_get_visible_child (ADW_VIEW_STACK (child_of (fixture->window, FD_TYPE_WINDOW, "view_stack")))
                 == GTK_WIDGET (view));
  g_assert_cmpint (fd_claim_get_id (fd_claim_page_get_claim (fd_claims_view_get_page (view))), ==,
                   fd_claim_get_id (claim));

  return fd_claims_view_get_page (view);
}

static void
test_open (Fixture       *fixture,
           gconstpointer  data)
{
  FdClaimsView *view = fd_window_get_claims_view (fixture->window);
  g_autoptr(FdNewClaimDialog) dialog = NULL;
  g_autoptr(FdClaim) stored = NULL;
  g_autoptr(FdClaim) first = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *search_entry, *open_button;
  FdClaim *claim;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fd_claims_view_get_list (view))), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-claim", NULL);
  dialog = g_object_ref (find_toplevel (FD_TYPE_NEW_CLAIM_DIALOG));
  g_assert_nonnull (dialog);

  /* No customer picked yet: nothing to open. */
  open_button = child_of (dialog, FD_TYPE_NEW_CLAIM_DIALOG, "open_button");
  g_assert_cmpint (fd_new_claim_dialog_get_customer_id (dialog), ==, 0);
  g_assert_false (gtk_widget_is_sensitive (open_button));

  /* Type, Enter: the first match is picked. */
  search_entry = child_of (child_of (dialog, FD_TYPE_NEW_CLAIM_DIALOG, "customer_picker"),
                           FD_TYPE_CUSTOMER_PICKER, "search_entry");
  gtk_editable_set_text (GTK_EDITABLE (search_entry), "berzins");
  g_signal_emit_by_name (search_entry, "activate");
  g_assert_cmpint (fd_new_claim_dialog_get_customer_id (dialog), ==, fixture->janis_id);
  g_assert_true (gtk_widget_is_sensitive (open_button));

  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_NEW_CLAIM_DIALOG, "kind_row")), 0);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_NEW_CLAIM_DIALOG, "channel_row")),
                              position_of (fd_claim_channels (), "phone"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_NEW_CLAIM_DIALOG, "category_row")),
                              position_of (fd_claim_default_categories (), "impolite"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_NEW_CLAIM_DIALOG, "priority_row")), 2);
  set_text (child_of (dialog, FD_TYPE_NEW_CLAIM_DIALOG, "summary_view"), "The clerk shouted at me");
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-claim.open", NULL);
  spin ();

  claim = fd_new_claim_dialog_get_claim (dialog);
  g_assert_nonnull (claim);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  /* In the database as typed, at the current branch. */
  stored = fd_store_get_claim (fixture->store, fd_claim_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_claim_get_customer_id (stored), ==, fixture->janis_id);
  g_assert_cmpint (fd_claim_get_branch_id (stored), ==, fixture->branch_id);
  g_assert_cmpint (fd_claim_get_kind (stored), ==, FD_CLAIM_KIND_COMPLAINT);
  g_assert_cmpstr (fd_claim_get_channel (stored), ==, "phone");
  g_assert_cmpstr (fd_claim_get_category (stored), ==, "impolite");
  g_assert_cmpint (fd_claim_get_priority (stored), ==, FD_CLAIM_PRIORITY_HIGH);
  g_assert_cmpint (fd_claim_get_status (stored), ==, FD_CLAIM_STATUS_NEW);
  g_assert_cmpstr (fd_claim_get_summary (stored), ==, "The clerk shouted at me");

  /* The window shows it on the Claims page, and the list has it. */
  g_assert_cmpint (fd_claim_get_id (fd_claim_page_get_claim (fd_claims_view_get_page (view))), ==,
                   fd_claim_get_id (claim));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (fd_claims_view_get_page (view), FD_TYPE_CLAIM_PAGE,
                                                            "reference_label"))),
                   ==, fd_claim_get_reference (claim));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (fd_claims_view_get_list (view))), ==, 1);
  first = g_list_model_get_item (G_LIST_MODEL (fd_claims_view_get_list (view)), 0);
  g_assert_cmpint (fd_claim_get_id (first), ==, fd_claim_get_id (claim));

  /* From a customer's page the dialog comes with the customer picked; a typed summary is
   * not thrown away without asking. */
  g_clear_object (&dialog);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-claim-for", "(xx)",
                              fixture->sanne_id, (gint64) 0);
  dialog = g_object_ref (find_toplevel (FD_TYPE_NEW_CLAIM_DIALOG));
  g_assert_cmpint (fd_new_claim_dialog_get_customer_id (dialog), ==, fixture->sanne_id);
  set_text (child_of (dialog, FD_TYPE_NEW_CLAIM_DIALOG, "summary_view"), "Half a thought");
  gtk_window_close (GTK_WINDOW (dialog));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_destroy (GTK_WINDOW (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  spin ();
}

/* From a visit being served: the claim remembers the visit. */
static void
test_open_from_visit (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FdNewClaimDialog) dialog = NULL;
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(FdClaim) stored = NULL;
  g_autoptr(GError) error = NULL;

  visit = fd_store_check_in (fixture->store, fixture->branch_id, fixture->sanne_id, "information",
                             FD_PRIORITY_NONE, 0, &error);
  g_assert_no_error (error);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-claim-for", "(xx)",
                              fixture->sanne_id, fd_visit_get_id (visit));
  dialog = g_object_ref (find_toplevel (FD_TYPE_NEW_CLAIM_DIALOG));
  g_assert_cmpint (fd_new_claim_dialog_get_customer_id (dialog), ==, fixture->sanne_id);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_NEW_CLAIM_DIALOG, "kind_row")), 1);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "new-claim.open", NULL);
  g_assert_nonnull (fd_new_claim_dialog_get_claim (dialog));

  stored = fd_store_get_claim (fixture->store, fd_claim_get_id (fd_new_claim_dialog_get_claim (dialog)), &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_claim_get_visit_id (stored), ==, fd_visit_get_id (visit));
  g_assert_cmpint (fd_claim_get_kind (stored), ==, FD_CLAIM_KIND_COMPLIMENT);
  g_assert_cmpstr (fd_claim_get_channel (stored), ==, "in_person");
  spin ();
}

static void
test_reply (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(FdClaim) claim = open_claim (fixture, fixture->sanne_id, FD_CLAIM_KIND_COMPLAINT,
                                         "Three calls, no answer");
  FdClaimPage *page = show_claim (fixture, claim);
  g_autoptr(FdReplyDialog) dialog = NULL;
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "not-there.pdf", NULL);
  const char * const *templates = fd_reply_template_codes ();
  GtkWidget *body_view, *template_row;
  FdClaimMessage *message;

  gtk_widget_activate_action (GTK_WIDGET (page), "claim.reply", NULL);
  dialog = g_object_ref (find_toplevel (FD_TYPE_REPLY_DIALOG));
  g_assert_nonnull (dialog);

  /* The customer's language, and a template that fits a new claim, already filled in. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_REPLY_DIALOG, "language_row"))),
                    ==, position_of (fd_languages (), "nl"));
  template_row = child_of (dialog, FD_TYPE_REPLY_DIALOG, "template_row");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (template_row)), ==,
                    position_of (templates, "acknowledgement") + 1);

  /* Another template, then back: untouched text is replaced without asking. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_row), position_of (templates, "request_information") + 1);
  adw_combo_row_set_selected (ADW_COMBO_ROW (template_row), position_of (templates, "acknowledgement") + 1);
  body_view = child_of (dialog, FD_TYPE_REPLY_DIALOG, "body_view");
  body = text_of (body_view);
  g_assert_nonnull (strstr (body, fd_claim_get_reference (claim)));
  g_assert_false (fd_reply_dialog_get_modified (dialog));

  /* A missing attachment: the core's error beside the list, everything typed kept. */
  g_clear_pointer (&body, g_free);
  set_text (body_view, "Beste Sanne, wij hebben uw klacht ontvangen. Referentie: ");
  {
    GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (body_view));
    GtkTextIter end;

    gtk_text_buffer_get_end_iter (buffer, &end);
    gtk_text_buffer_insert (buffer, &end, fd_claim_get_reference (claim), -1);
  }
  fd_reply_dialog_add_attachment (dialog, missing);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "reply.send", NULL);
  g_assert_null (fd_reply_dialog_get_message (dialog));
  g_assert_true (gtk_widget_get_visible (child_of (dialog, FD_TYPE_REPLY_DIALOG, "attachments_error")));
  g_assert_true (gtk_widget_has_css_class (child_of (dialog, FD_TYPE_REPLY_DIALOG, "attachments_list"), "error"));
  body = text_of (body_view);
  g_assert_true (g_str_has_prefix (body, "Beste Sanne"));
  messages = fd_store_list_messages (fixture->store, fd_claim_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 0);
  g_clear_pointer (&messages, g_ptr_array_unref);

  /* Closing now would lose the text: the dialog asks and stays. */
  g_assert_true (fd_reply_dialog_get_modified (dialog));
  gtk_window_close (GTK_WINDOW (dialog));
  spin ();
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_destroy (GTK_WINDOW (find_toplevel (ADW_TYPE_MESSAGE_DIALOG)));

  /* Without the attachment it goes into the thread. */
  gtk_widget_activate_action (GTK_WIDGET (dialog), "reply.remove-attachment", "u", 0);
  gtk_widget_activate_action (GTK_WIDGET (dialog), "reply.send", NULL);
  message = fd_reply_dialog_get_message (dialog);
  g_assert_nonnull (message);
  spin ();
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));

  messages = fd_store_list_messages (fixture->store, fd_claim_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (messages->len, ==, 1);
  message = g_ptr_array_index (messages, 0);
  g_assert_cmpint (fd_claim_message_get_direction (message), ==, FD_MESSAGE_OUT);
  g_assert_cmpstr (fd_claim_message_get_template (message), ==, "acknowledgement");
  g_assert_cmpstr (fd_claim_message_get_language (message), ==, "nl");
  g_assert_nonnull (strstr (fd_claim_message_get_body (message), fd_claim_get_reference (claim)));
  g_assert_true (g_str_has_prefix (fd_claim_message_get_body (message), "Beste Sanne"));

  /* The page's thread shows it. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (child_of (page, FD_TYPE_CLAIM_PAGE, "thread_list")), 0));
}

static GtkToggleButton *
satisfaction_button (FdClaimPage *page,
                     int          value)
{
  GtkWidget *box = child_of (page, FD_TYPE_CLAIM_PAGE, "satisfaction_box");
  /* The box holds the question, then the linked buttons 1–5. */
  GtkWidget *button = gtk_widget_get_first_child (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box)));

  for (int i = 1; i < value; i++)
    button = gtk_widget_get_next_sibling (button);

  return GTK_TOGGLE_BUTTON (button);
}

static FdClaim *
reread (Fixture *fixture,
        FdClaim *claim)
{
  g_autoptr(GError) error = NULL;
  FdClaim *stored = fd_store_get_claim (fixture->store, fd_claim_get_id (claim), &error);

  g_assert_no_error (error);

  return stored;
}

static void
test_resolve (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(FdClaim) claim = open_claim (fixture, fixture->janis_id, FD_CLAIM_KIND_COMPLAINT,
                                         "Invoice higher than agreed");
  FdClaimPage *page = show_claim (fixture, claim);
  GtkWidget *resolve_group = child_of (page, FD_TYPE_CLAIM_PAGE, "resolve_group");
  g_autoptr(FdClaim) stored = NULL;

  /* Only transitions the workflow allows are offered; a refused one is said, not lost. */
  gtk_widget_activate_action (GTK_WIDGET (page), "claim.move", "i", FD_CLAIM_STATUS_CLOSED);
  g_assert_true (gtk_widget_get_visible (child_of (page, FD_TYPE_CLAIM_PAGE, "error_label")));
  stored = reread (fixture, claim);
  g_assert_cmpint (fd_claim_get_status (stored), ==, FD_CLAIM_STATUS_NEW);
  g_clear_object (&stored);

  gtk_widget_activate_action (GTK_WIDGET (page), "claim.move", "i", FD_CLAIM_STATUS_ACKNOWLEDGED);
  stored = reread (fixture, claim);
  g_assert_cmpint (fd_claim_get_status (stored), ==, FD_CLAIM_STATUS_ACKNOWLEDGED);
  g_assert_false (gtk_widget_get_visible (child_of (page, FD_TYPE_CLAIM_PAGE, "error_label")));
  g_clear_object (&stored);

  /* Resolving opens the form first and writes nothing. */
  g_assert_false (gtk_widget_get_visible (resolve_group));
  gtk_widget_activate_action (GTK_WIDGET (page), "claim.move", "i", FD_CLAIM_STATUS_RESOLVED);
  g_assert_true (gtk_widget_get_visible (resolve_group));
  stored = reread (fixture, claim);
  g_assert_cmpint (fd_claim_get_status (stored), ==, FD_CLAIM_STATUS_ACKNOWLEDGED);
  g_clear_object (&stored);

  /* An empty explanation is refused beside the field. */
  gtk_widget_activate_action (GTK_WIDGET (page), "claim.resolve", NULL);
  g_assert_true (gtk_widget_get_visible (child_of (page, FD_TYPE_CLAIM_PAGE, "resolve_error")));
  g_assert_true (gtk_widget_get_visible (resolve_group));

  set_text (child_of (page, FD_TYPE_CLAIM_PAGE, "problem_view"), "The invoice was 40 euro too high");
  set_text (child_of (page, FD_TYPE_CLAIM_PAGE, "solution_view"), "We credited 40 euro");
  set_text (child_of (page, FD_TYPE_CLAIM_PAGE, "benefit_view"), "You pay what we agreed");
  gtk_widget_activate_action (GTK_WIDGET (page), "claim.resolve", NULL);
  g_assert_false (gtk_widget_get_visible (resolve_group));
  g_assert_true (gtk_widget_get_visible (child_of (page, FD_TYPE_CLAIM_PAGE, "resolution_group")));

  stored = reread (fixture, claim);
  g_assert_cmpint (fd_claim_get_status (stored), ==, FD_CLAIM_STATUS_RESOLVED);
  g_assert_cmpstr (fd_claim_get_problem (stored), ==, "The invoice was 40 euro too high");
  g_assert_cmpstr (fd_claim_get_solution (stored), ==, "We credited 40 euro");
  g_assert_cmpstr (fd_claim_get_benefit (stored), ==, "You pay what we agreed");
  g_clear_object (&stored);

  /* Satisfaction, asked after the resolution. */
  gtk_toggle_button_set_active (satisfaction_button (page, 4), TRUE);
  stored = reread (fixture, claim);
  g_assert_cmpint (fd_claim_get_satisfaction (stored), ==, 4);
  g_clear_object (&stored);

  /* The history has every step. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (child_of (page, FD_TYPE_CLAIM_PAGE, "history_list")), 2));
}

static void
test_edit (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(FdClaim) claim = open_claim (fixture, fixture->janis_id, FD_CLAIM_KIND_COMPLIMENT,
                                         "Very kind help at desk 2");
  FdClaimPage *page = show_claim (fixture, claim);
  GtkWidget *concerns_row = child_of (page, FD_TYPE_CLAIM_PAGE, "concerns_row");
  g_autoptr(FdClaim) stored = NULL;

  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (page, FD_TYPE_CLAIM_PAGE, "priority_row")),
                              FD_CLAIM_PRIORITY_HIGH);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (page, FD_TYPE_CLAIM_PAGE, "category_row")),
                              position_of (fd_claim_default_categories (), "other"));
  gtk_editable_set_text (GTK_EDITABLE (concerns_row), "Desk 2, Ana");
  g_signal_emit_by_name (concerns_row, "apply");

  stored = reread (fixture, claim);
  g_assert_cmpint (fd_claim_get_priority (stored), ==, FD_CLAIM_PRIORITY_HIGH);
  g_assert_cmpstr (fd_claim_get_category (stored), ==, "other");
  g_assert_cmpstr (fd_claim_get_concerns (stored), ==, "Desk 2, Ana");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (concerns_row)), ==, "Desk 2, Ana");
  g_clear_object (&stored);

  /* A branch's own category, added elsewhere, is offered by the page, the filter and the
   * new-claim dialog, under its own name. */
  {
    GtkWidget *category_row = child_of (page, FD_TYPE_CLAIM_PAGE, "category_row");
    FdClaimsView *view = fd_window_get_claims_view (fixture->window);
    GListModel *filter_labels;
    g_autoptr(GError) error = NULL;
    g_autoptr(FdNewClaimDialog) dialog = NULL;
    GListModel *labels;
    guint n;

    g_assert_true (fd_store_set_claim_category (fixture->store, "opening_hours", "Opening hours", &error));
    g_assert_no_error (error);
    spin ();

    labels = adw_combo_row_get_model (ADW_COMBO_ROW (category_row));
    n = g_list_model_get_n_items (labels);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), n - 1), ==, "Opening hours");
    adw_combo_row_set_selected (ADW_COMBO_ROW (category_row), n - 1);
    stored = reread (fixture, claim);
    g_assert_cmpstr (fd_claim_get_category (stored), ==, "opening_hours");

    filter_labels = adw_combo_row_get_model (ADW_COMBO_ROW (child_of (view, FD_TYPE_CLAIMS_VIEW, "category_row")));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (filter_labels),
                                                 g_list_model_get_n_items (filter_labels) - 1),
                     ==, "Opening hours");
    g_assert_cmpstr (fd_claim_list_model_get_category_label (fd_claims_view_get_list (view), "opening_hours"),
                     ==, "Opening hours");

    gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-claim", NULL);
    dialog = g_object_ref (find_toplevel (FD_TYPE_NEW_CLAIM_DIALOG));
    labels = adw_combo_row_get_model (ADW_COMBO_ROW (child_of (dialog, FD_TYPE_NEW_CLAIM_DIALOG, "category_row")));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), g_list_model_get_n_items (labels) - 1),
                     ==, "Opening hours");
    gtk_window_destroy (GTK_WINDOW (dialog));
    spin ();
  }
}

static void
wait_for_items (GListModel *model,
                guint       n_items)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_list_model_get_n_items (model) < n_items && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_list (Fixture       *fixture,
           gconstpointer  data)
{
  FdClaimFilter filter = FD_CLAIM_FILTER_INIT;
  g_autoptr(FdClaimListModel) model = NULL;
  g_autoptr(FdClaim) wanted = NULL;
  g_autoptr(FdClaim) found = NULL;
  g_autoptr(GError) error = NULL;
  FdClaimsView *view = fd_window_get_claims_view (fixture->window);
  GListModel *shown;
  GtkAdjustment *adjustment;
  guint n_acknowledged = 0;

  /* 130 claims, every third of them acknowledged. */
  for (guint i = 0; i < 130; i++)
    {
      g_autoptr(FdClaim) claim = open_claim (fixture, i % 2 ? fixture->janis_id : fixture->sanne_id,
                                             FD_CLAIM_KIND_REQUEST, "A copy of the contract");

      if (i % 3 == 0)
        {
          g_autoptr(FdClaim) moved = fd_store_move_claim (fixture->store, fd_claim_get_id (claim),
                                                          FD_CLAIM_STATUS_ACKNOWLEDGED, NULL, &error);
          g_assert_no_error (error);
          n_acknowledged++;
        }
      if (i == 77)
        wanted = g_object_ref (claim);
    }
  spin ();

  /* One page at first, the next appended on request, never everything. */
  model = fd_claim_list_model_new (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, FD_CLAIM_LIST_MODEL_PAGE_SIZE);
  g_assert_true (fd_claim_list_model_get_has_more (model));
  g_assert_nonnull (fd_claim_list_model_get_customer_name (model, fixture->janis_id));
  fd_claim_list_model_load_more (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, FD_CLAIM_LIST_MODEL_PAGE_SIZE);
  wait_for_items (G_LIST_MODEL (model), 2 * FD_CLAIM_LIST_MODEL_PAGE_SIZE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2 * FD_CLAIM_LIST_MODEL_PAGE_SIZE);
  fd_claim_list_model_load_more (model);
  wait_for_items (G_LIST_MODEL (model), 130);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 130);
  g_assert_false (fd_claim_list_model_get_has_more (model));

  /* The status filter gives only matching claims. */
  filter.status = FD_CLAIM_STATUS_ACKNOWLEDGED;
  fd_claim_list_model_set_filter (model, &filter);
  fd_claim_list_model_load_more (model);
  spin ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_acknowledged);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(FdClaim) claim = g_list_model_get_item (G_LIST_MODEL (model), i);

      g_assert_cmpint (fd_claim_get_status (claim), ==, FD_CLAIM_STATUS_ACKNOWLEDGED);
    }

  /* A reference, typed any way, finds its claim first. */
  fd_claim_list_model_set_query (model, fd_claim_get_reference (wanted));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), >=, 1);
  found = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (fd_claim_get_id (found), ==, fd_claim_get_id (wanted));

  /* The view: its Status filter row narrows its list the same way. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-claim", "x", fd_claim_get_id (wanted));
  shown = G_LIST_MODEL (fd_claims_view_get_list (view));
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, FD_CLAIM_LIST_MODEL_PAGE_SIZE);
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (view, FD_TYPE_CLAIMS_VIEW, "status_row")),
                              FD_CLAIM_STATUS_NEW + 1);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, FD_CLAIM_LIST_MODEL_PAGE_SIZE);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(FdClaim) claim = g_list_model_get_item (shown, i);

      g_assert_cmpint (fd_claim_get_status (claim), ==, FD_CLAIM_STATUS_NEW);
    }

  /* Scrolled to the end, the list reads the next page by itself. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (child_of (view, FD_TYPE_CLAIMS_VIEW, "status_row")), 0);
  gtk_widget_activate_action (GTK_WIDGET (view), "claims.go-back", NULL);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (child_of (view, FD_TYPE_CLAIMS_VIEW,
                                                                                   "list_scroller")));
  for (int i = 0; i < 50 && gtk_adjustment_get_upper (adjustment) <= gtk_adjustment_get_page_size (adjustment); i++)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, FD_CLAIM_LIST_MODEL_PAGE_SIZE);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  wait_for_items (shown, 2 * FD_CLAIM_LIST_MODEL_PAGE_SIZE);
  g_assert_cmpuint (g_list_model_get_n_items (shown), >=, 2 * FD_CLAIM_LIST_MODEL_PAGE_SIZE);
}

/* Overdue claims stand out, in words as well as colour; what is due today says so. */
static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  FdClaimDraft draft = { fixture->branch_id, fixture->janis_id, FD_CLAIM_KIND_COMPLAINT, "letter",
                         "slow_response", FD_CLAIM_PRIORITY_NORMAL, "Still no answer", now - 40 * 24 * 3600, 0 };
  FdClaimFilter filter = FD_CLAIM_FILTER_INIT;
  FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;
  g_autoptr(FdClaim) late = NULL;
  g_autoptr(FdClaim) today = open_claim (fixture, fixture->sanne_id, FD_CLAIM_KIND_REQUEST, "A copy");
  g_autoptr(FdClaim) due_today = NULL;
  g_autoptr(FdClaim) shown = NULL;
  g_autoptr(FdClaimListModel) model = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) local = g_date_time_new_now_local ();
  g_autofree char *text = NULL;
  GtkWidget *row;

  late = fd_store_open_claim (fixture->store, &draft, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_claim_row_get_due (late, now, &text), ==, FD_CLAIM_DUE_OVERDUE);
  g_assert_cmpstr (text, ==, C_("claim due", "Overdue"));
  g_clear_pointer (&text, g_free);

  row = g_object_ref_sink (fd_claim_row_new ());
  fd_claim_row_set_claim (FD_CLAIM_ROW (row), late, "Jānis Bērziņš", NULL);
  g_assert_true (gtk_widget_has_css_class (row, "fd-claim-overdue"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (row, FD_TYPE_CLAIM_ROW, "due_label"))), ==,
                   C_("claim due", "Overdue"));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (row, FD_TYPE_CLAIM_ROW, "customer_label"))), ==,
                   "Jānis Bērziņš");
  fd_claim_row_set_claim (FD_CLAIM_ROW (row), today, "Sanne Willems", "Copies");
  g_assert_false (gtk_widget_has_css_class (row, "fd-claim-overdue"));
  g_object_unref (row);

  /* Due in a minute is due today (unless the day ends first). */
  if (g_date_time_get_hour (local) < 23 || g_date_time_get_minute (local) < 58)
    {
      changes.due_at = now + 60;
      due_today = fd_store_update_claim (fixture->store, fd_claim_get_id (today), &changes, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (fd_claim_row_get_due (due_today, now, &text), ==, FD_CLAIM_DUE_TODAY);
      g_assert_cmpstr (text, ==, C_("claim due", "Due today"));
    }

  /* The overdue filter keeps only the late one. */
  model = fd_claim_list_model_new (fixture->store);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  filter.overdue = TRUE;
  fd_claim_list_model_set_filter (model, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  shown = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_cmpint (fd_claim_get_id (shown), ==, fd_claim_get_id (late));
}

/* Switching to Claims takes the keyboard along, so Ctrl+N there opens a claim. */
static void
test_focus (Fixture       *fixture,
            gconstpointer  data)
{
  FdClaimsView *view = fd_window_get_claims_view (fixture->window);
  AdwViewStack *stack = ADW_VIEW_STACK (child_of (fixture->window, FD_TYPE_WINDOW, "view_stack"));
  GtkWidget *focus;

  adw_view_stack_set_visible_child_name (stack, "customers");
  spin ();
  adw_view_stack_set_visible_child_name (stack, "claims");
  spin ();

  focus = gtk_root_get_focus (GTK_ROOT (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, child_of (view, FD_TYPE_CLAIMS_VIEW, "search_entry")));
}

/* A status change takes a comment into the history; the due date is edited beside its row. */
static void
test_comment_and_due (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(FdClaim) claim = open_claim (fixture, fixture->sanne_id, FD_CLAIM_KIND_REQUEST, "Opening hours at Easter");
  FdClaimPage *page = show_claim (fixture, claim);
  GtkWidget *comment_entry = child_of (page, FD_TYPE_CLAIM_PAGE, "move_comment_entry");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 20);
  g_autoptr(GDateTime) wanted = NULL;
  g_autoptr(GDateTime) too_early = g_date_time_new_local (2001, 2, 3, 10, 0, 0);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(FdClaim) stored = NULL;
  FdHistoryEntry *last;

  gtk_editable_set_text (GTK_EDITABLE (comment_entry), "Called her back about the hours");
  gtk_widget_activate_action (GTK_WIDGET (page), "claim.move", "i", FD_CLAIM_STATUS_ACKNOWLEDGED);
  stored = reread (fixture, claim);
  g_assert_cmpint (fd_claim_get_status (stored), ==, FD_CLAIM_STATUS_ACKNOWLEDGED);
  g_clear_object (&stored);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (comment_entry)), ==, "");

  history = fd_store_list_claim_history (fixture->store, fd_claim_get_id (claim), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, >, 0);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_nonnull (strstr (fd_history_entry_get_detail (last), "Called her back about the hours"));
  g_clear_pointer (&history, g_ptr_array_unref);

  /* The due date: a day and a time. */
  wanted = g_date_time_new_local (g_date_time_get_year (later), g_date_time_get_month (later),
                                  g_date_time_get_day_of_month (later), 16, 30, 0);
  gtk_calendar_select_day (GTK_CALENDAR (child_of (page, FD_TYPE_CLAIM_PAGE, "due_calendar")), later);
  gtk_editable_set_text (GTK_EDITABLE (child_of (page, FD_TYPE_CLAIM_PAGE, "due_time_entry")), "16:30");
  gtk_widget_activate_action (GTK_WIDGET (page), "claim.set-due", NULL);
  stored = reread (fixture, claim);
  g_assert_cmpint (fd_claim_get_due_at (stored), ==, g_date_time_to_unix (wanted));
  g_clear_object (&stored);
  g_assert_false (gtk_widget_get_visible (child_of (page, FD_TYPE_CLAIM_PAGE, "due_error_row")));

  history = fd_store_list_claim_history (fixture->store, fd_claim_get_id (claim), &error);
  g_assert_no_error (error);
  last = g_ptr_array_index (history, history->len - 1);
  g_assert_cmpstr (fd_history_entry_get_title (last), ==, _("Due date changed"));

  /* Before the claim came in: the core refuses, beside the row; nothing changes. */
  gtk_calendar_select_day (GTK_CALENDAR (child_of (page, FD_TYPE_CLAIM_PAGE, "due_calendar")), too_early);
  gtk_widget_activate_action (GTK_WIDGET (page), "claim.set-due", NULL);
  g_assert_true (gtk_widget_get_visible (child_of (page, FD_TYPE_CLAIM_PAGE, "due_error_row")));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (child_of (page, FD_TYPE_CLAIM_PAGE, "due_error"))), !=, "");
  stored = reread (fixture, claim);
  g_assert_cmpint (fd_claim_get_due_at (stored), ==, g_date_time_to_unix (wanted));
  g_clear_object (&stored);

  /* A time that is not HH:MM is not sent at all. */
  gtk_calendar_select_day (GTK_CALENDAR (child_of (page, FD_TYPE_CLAIM_PAGE, "due_calendar")), later);
  gtk_editable_set_text (GTK_EDITABLE (child_of (page, FD_TYPE_CLAIM_PAGE, "due_time_entry")), "25:00");
  gtk_widget_activate_action (GTK_WIDGET (page), "claim.set-due", NULL);
  g_assert_true (gtk_widget_has_css_class (child_of (page, FD_TYPE_CLAIM_PAGE, "due_time_entry"), "error"));
  stored = reread (fixture, claim);
  g_assert_cmpint (fd_claim_get_due_at (stored), ==, g_date_time_to_unix (wanted));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "test", FALSE);

  fd_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add ("/fd/ui/claims/open", Fixture, NULL, fixture_set_up, test_open, fixture_tear_down);
  g_test_add ("/fd/ui/claims/open-from-visit", Fixture, NULL, fixture_set_up, test_open_from_visit, fixture_tear_down);
  g_test_add ("/fd/ui/claims/reply", Fixture, NULL, fixture_set_up, test_reply, fixture_tear_down);
  g_test_add ("/fd/ui/claims/resolve", Fixture, NULL, fixture_set_up, test_resolve, fixture_tear_down);
  g_test_add ("/fd/ui/claims/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  g_test_add ("/fd/ui/claims/list", Fixture, NULL, fixture_set_up, test_list, fixture_tear_down);
  g_test_add ("/fd/ui/claims/due", Fixture, NULL, fixture_set_up, test_due, fixture_tear_down);
  g_test_add ("/fd/ui/claims/comment-and-due", Fixture, NULL, fixture_set_up, test_comment_and_due, fixture_tear_down);
  g_test_add ("/fd/ui/claims/focus", Fixture, NULL, fixture_set_up, test_focus, fixture_tear_down);

  return g_test_run ();
}
