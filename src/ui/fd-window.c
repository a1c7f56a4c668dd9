/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-application.h"
#include "fd-board-window.h"
#include "fd-claims-view.h"
#include "fd-followups-view.h"
#include "fd-new-claim-dialog.h"
#include "fd-new-followup-dialog.h"
#include "fd-reception-view.h"
#include "fd-reports-view.h"
#include "fd-window.h"

struct _FdWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template children */
  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *view_stack;
  GtkToggleButton      *search_button;
  GtkWidget            *new_button;
  FdReceptionView      *reception_view;
  FdCustomersView      *customers_view;
  FdClaimsView         *claims_view;
  FdFollowupsView      *followups_view;
  FdReportsView        *reports_view;
  AdwViewStackPage     *followups_stack_page;

  /* Owned */
  FdStore              *store;
  GArray               *merges;   /* MergeRecord: what Undo may still reverse */

  guint                 close_confirmed : 1;
  guint                 corrupt : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdWindow, fd_window, ADW_TYPE_APPLICATION_WINDOW)

/* A merge of customers made in this window: its Undo works until the window closes
 * (closing does not undo it). */
typedef struct
{
  gint64 merge_id;
  gint64 survivor_id;
} MergeRecord;

static GParamSpec *properties[N_PROPS];

static GSettings *
get_settings (FdWindow *self)
{
  /* Not gtk_window_get_application(): "application" is set only after constructed(). */
  GApplication *app = g_application_get_default ();

  if (!FD_IS_APPLICATION (app))
    return NULL;

  return fd_application_get_settings (FD_APPLICATION (app));
}

static gboolean
on_customers_page (FdWindow *self)
{
  return adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->customers_view);
}

static gboolean
on_claims_page (FdWindow *self)
{
  return adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->claims_view);
}

static gboolean
on_followups_page (FdWindow *self)
{
  return adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->followups_view);
}

static gboolean
on_reception_page (FdWindow *self)
{
  return adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->reception_view);
}

/* The header's + adds what the page lists. */
static void
update_new_button (FdWindow *self)
{
  const char *label = _("New Customer");
  const char *tooltip = _("New Customer (Ctrl+N)");
  const char *action = "win.new-customer";

  if (on_claims_page (self))
    {
      label = _("New Claim");
      tooltip = _("New Claim (Ctrl+N)");
      action = "win.new-claim";
    }
  else if (on_followups_page (self))
    {
      label = _("New Follow-up");
      tooltip = _("New Follow-up (Ctrl+N)");
      action = "win.new-followup";
    }

  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->new_button), action);
  gtk_widget_set_tooltip_text (self->new_button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
}

static void
update_actions (FdWindow *self)
{
  gboolean writable = self->store != NULL && !self->corrupt;
  gboolean customers = on_customers_page (self);
  gboolean claims = on_claims_page (self);
  gboolean followups = on_followups_page (self);

  /* Customer actions switch to the Customers page themselves: they work from anywhere. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-customer", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.search", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-customer", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-merge", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-customer", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-claim", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-claim-for", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-claim", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-followup", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-followup-for", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-board",
                                 writable && fd_reception_view_get_branch_id (self->reception_view) > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->search_button), writable && customers);
  gtk_widget_set_visible (GTK_WIDGET (self->search_button), customers);
  gtk_widget_set_visible (self->new_button, customers || claims || followups);
  update_new_button (self);
}

static void
show_customers (FdWindow *self)
{
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->customers_view));
}

static void
restore_window_state (FdWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  width = g_settings_get_int (settings, "window-width");
  height = g_settings_get_int (settings, "window-height");

  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_window_state (FdWindow *self)
{
  GSettings *settings = get_settings (self);
  int width, height;

  if (settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (settings);
  g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_apply (settings);
}

static void
close_after_leave_cb (FdCustomerPage *page,
                      gboolean        proceed,
                      gpointer        user_data)
{
  g_autoptr(FdWindow) self = user_data;

  if (!proceed)
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static gboolean
fd_window_close_request (GtkWindow *window)
{
  FdWindow *self = FD_WINDOW (window);
  FdCustomerPage *page = fd_customers_view_get_page (self->customers_view);

  if (!self->close_confirmed && fd_customer_page_get_modified (page))
    {
      /* Unsaved edits are never dropped silently: ask first, close from the answer. */
      fd_customer_page_confirm_leave (page, close_after_leave_cb, g_object_ref (self));
      return TRUE;
    }

  save_window_state (self);

  return GTK_WINDOW_CLASS (fd_window_parent_class)->close_request (window);
}

static void
on_view_stack_visible_child_changed_cb (FdWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  update_actions (self);

  /* The keyboard follows to the page shown, not stay on one hidden behind it (where Ctrl+N
   * and the other shortcuts would be lost). */
  if (on_claims_page (self) && (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->claims_view))))
    fd_claims_view_focus (self->claims_view);
  else if (on_followups_page (self) &&
           (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->followups_view))))
    fd_followups_view_focus (self->followups_view);
  else if (adw_view_stack_get_visible_child (self->view_stack) == GTK_WIDGET (self->reports_view) &&
           (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->reports_view))))
    fd_reports_view_focus (self->reports_view);
}

static void
on_corrupt_dialog_response_cb (FdWindow   *self,
                               const char *response)
{
  /* Unsaved edits cannot be saved into a damaged file: close without asking. */
  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_store_corrupt_cb (FdWindow     *self,
                     const GError *error,
                     FdStore      *store)
{
  GtkWidget *dialog;

  if (self->corrupt)
    return;

  g_warning ("Database %s is damaged: %s", fd_store_get_path (store), error->message);

  /* Nothing more may be written: no edits behind the dialog, and its only way out quits. */
  self->corrupt = TRUE;
  update_actions (self);
  gtk_widget_set_sensitive (GTK_WIDGET (self->view_stack), FALSE);

  /* The message is already translated by core and names the problem. */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Database Damaged"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "quit", _("_Quit"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "quit");
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_corrupt_dialog_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_customer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FdWindow *self = FD_WINDOW (widget);

  show_customers (self);
  fd_customers_view_new_customer (self->customers_view);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FdWindow *self = FD_WINDOW (widget);

  if (on_claims_page (self))
    {
      fd_claims_view_focus_search (self->claims_view);
      return;
    }

  show_customers (self);
  fd_customers_view_focus_search (self->customers_view);
}

static void
open_customer_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  FdWindow *self = FD_WINDOW (widget);

  show_customers (self);
  fd_customers_view_open_customer (self->customers_view, g_variant_get_int64 (param));
}

static void
show_claims (FdWindow *self)
{
  adw_view_stack_set_visible_child (self->view_stack, GTK_WIDGET (self->claims_view));
}

static void
on_new_claim_dialog_opened_cb (FdWindow *self,
                               FdClaim  *claim)
{
  g_autofree char *message = NULL;

  show_claims (self);
  fd_claims_view_open_claim (self->claims_view, fd_claim_get_id (claim));

  /* Translators: %s is the new claim's reference, e.g. K-2026-0417-E */
  message = g_strdup_printf (_("Claim %s opened"), fd_claim_get_reference (claim));
  fd_window_add_toast (self, adw_toast_new (message));
}

static void
present_new_claim (FdWindow *self,
                   gint64    customer_id,
                   gint64    visit_id)
{
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = fd_new_claim_dialog_new (GTK_WINDOW (self), self->store, customer_id, visit_id);
  g_signal_connect_object (dialog, "opened", G_CALLBACK (on_new_claim_dialog_opened_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_claim_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  present_new_claim (FD_WINDOW (widget), 0, 0);
}

/* From a customer's page or a visit: (customer id, visit id), 0 for none. */
static void
new_claim_for_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  gint64 customer_id = 0, visit_id = 0;

  g_variant_get (param, "(xx)", &customer_id, &visit_id);
  present_new_claim (FD_WINDOW (widget), customer_id, visit_id);
}

static void
open_claim_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FdWindow *self = FD_WINDOW (widget);

  show_claims (self);
  fd_claims_view_open_claim (self->claims_view, g_variant_get_int64 (param));
}

static void
on_new_followup_dialog_added_cb (FdWindow   *self,
                                 FdFollowup *followup)
{
  fd_window_add_toast (self, adw_toast_new (_("Follow-up added")));
}

static void
present_new_followup (FdWindow *self,
                      gint64    customer_id,
                      gint64    claim_id,
                      gint64    visit_id)
{
  GtkWidget *dialog;

  if (self->store == NULL)
    return;

  dialog = fd_new_followup_dialog_new (GTK_WINDOW (self), self->store, customer_id, claim_id, visit_id);
  g_signal_connect_object (dialog, "added", G_CALLBACK (on_new_followup_dialog_added_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_followup_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  present_new_followup (FD_WINDOW (widget), 0, 0, 0);
}

/* From a customer's page, a claim or a visit: (customer id, claim id, visit id), 0 for none. */
static void
new_followup_for_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gint64 customer_id = 0, claim_id = 0, visit_id = 0;

  g_variant_get (param, "(xxx)", &customer_id, &claim_id, &visit_id);
  present_new_followup (FD_WINDOW (widget), customer_id, claim_id, visit_id);
}

/* The badge counts what needs doing today: overdue and due today. */
static void
on_followups_view_attention_count_changed_cb (FdWindow *self)
{
  guint count = fd_followups_view_get_attention_count (self->followups_view);

  adw_view_stack_page_set_badge_number (self->followups_stack_page, count);
  adw_view_stack_page_set_needs_attention (self->followups_stack_page, count > 0);
}

static void
open_board_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FdWindow *self = FD_WINDOW (widget);
  gint64 branch_id = fd_reception_view_get_branch_id (self->reception_view);
  FdBoardWindow *board;

  if (self->store == NULL || branch_id <= 0)
    return;

  /* Not transient: the board goes to its own screen in the waiting room. */
  board = fd_board_window_new (self->store, branch_id);
  gtk_window_set_application (GTK_WINDOW (board), gtk_window_get_application (GTK_WINDOW (self)));
  gtk_window_present (GTK_WINDOW (board));
}

static void
on_reception_view_branch_changed_cb (FdWindow *self)
{
  update_actions (self);
}

/* Ctrl+N adds what the page is about: a check-in at the desk, a customer in the list, a
 * claim among the claims. */
static gboolean
new_shortcut_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  FdWindow *self = FD_WINDOW (widget);

  if (on_reception_page (self))
    return gtk_widget_activate_action (GTK_WIDGET (self->reception_view), "reception.check-in", NULL);

  if (on_claims_page (self))
    return gtk_widget_activate_action (widget, "win.new-claim", NULL);

  if (on_followups_page (self))
    return gtk_widget_activate_action (widget, "win.new-followup", NULL);

  return gtk_widget_activate_action (widget, "win.new-customer", NULL);
}

static gboolean
call_next_shortcut_cb (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   user_data)
{
  FdWindow *self = FD_WINDOW (widget);

  if (!on_reception_page (self))
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self->reception_view), "reception.call-next", NULL);
}

static void
restore_customer_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  FdWindow *self = FD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (param);

  if (self->store == NULL)
    return;

  if (!fd_store_restore_customer (self->store, id, &error))
    {
      fd_window_add_toast (self, adw_toast_new (error->message));
      return;
    }

  fd_window_add_toast (self, adw_toast_new (_("Customer restored")));
  fd_customers_view_open_customer (self->customers_view, id);
}

static void
customers_merged_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  FdWindow *self = FD_WINDOW (widget);
  MergeRecord record = { 0, 0 };
  AdwToast *toast;

  g_variant_get (param, "(xx)", &record.merge_id, &record.survivor_id);
  g_array_append_val (self->merges, record);

  toast = adw_toast_new (_("Customers merged"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-merge");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (record.merge_id));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  fd_window_add_toast (self, toast);
}

static void
undo_merge_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FdWindow *self = FD_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  gint64 merge_id = g_variant_get_int64 (param);
  gint64 survivor_id = 0;
  guint i;

  if (self->store == NULL)
    return;

  /* Only this window's own merges. */
  for (i = 0; i < self->merges->len; i++)
    if (g_array_index (self->merges, MergeRecord, i).merge_id == merge_id)
      break;
  if (i == self->merges->len)
    return;
  survivor_id = g_array_index (self->merges, MergeRecord, i).survivor_id;

  if (!fd_store_undo_merge (self->store, merge_id, &error))
    {
      fd_window_add_toast (self, adw_toast_new (error->message));
      return;
    }
  g_array_remove_index (self->merges, i);

  fd_window_add_toast (self, adw_toast_new (_("Merge undone")));
  fd_customers_view_open_customer (self->customers_view, survivor_id);
}

static void
fd_window_constructed (GObject *object)
{
  FdWindow *self = (FdWindow *)object;

  G_OBJECT_CLASS (fd_window_parent_class)->constructed (object);

  restore_window_state (self);
}

static void
fd_window_dispose (GObject *object)
{
  FdWindow *self = (FdWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->merges, g_array_unref);

  G_OBJECT_CLASS (fd_window_parent_class)->dispose (object);
}

static void
fd_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FdWindow *self = FD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  FdWindow *self = FD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_set_object (&self->store, g_value_get_object (value));
      if (self->store != NULL)
        g_signal_connect_object (self->store, "corrupt", G_CALLBACK (on_store_corrupt_cb), self,
                                 G_CONNECT_SWAPPED);
      fd_customers_view_set_store (self->customers_view, self->store);
      fd_reception_view_set_store (self->reception_view, self->store);
      fd_claims_view_set_store (self->claims_view, self->store);
      fd_followups_view_set_store (self->followups_view, self->store);
      fd_reports_view_set_store (self->reports_view, self->store);
      update_actions (self);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_window_class_init (FdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = fd_window_constructed;
  object_class->dispose = fd_window_dispose;
  object_class->get_property = fd_window_get_property;
  object_class->set_property = fd_window_set_property;

  window_class->close_request = fd_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_CUSTOMERS_VIEW);
  g_type_ensure (FD_TYPE_RECEPTION_VIEW);
  g_type_ensure (FD_TYPE_CLAIMS_VIEW);
  g_type_ensure (FD_TYPE_FOLLOWUPS_VIEW);
  g_type_ensure (FD_TYPE_REPORTS_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, reception_view);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, customers_view);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, claims_view);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, followups_view);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, followups_stack_page);
  gtk_widget_class_bind_template_child (widget_class, FdWindow, reports_view);
  gtk_widget_class_bind_template_callback (widget_class, on_view_stack_visible_child_changed_cb);

  gtk_widget_class_install_action (widget_class, "win.new-customer", NULL, new_customer_action);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "win.restore-customer", "x", restore_customer_action);
  gtk_widget_class_install_action (widget_class, "win.customers-merged", "(xx)", customers_merged_action);
  gtk_widget_class_install_action (widget_class, "win.undo-merge", "x", undo_merge_action);
  gtk_widget_class_install_action (widget_class, "win.open-customer", "x", open_customer_action);
  gtk_widget_class_install_action (widget_class, "win.open-board", NULL, open_board_action);
  gtk_widget_class_install_action (widget_class, "win.new-claim", NULL, new_claim_action);
  gtk_widget_class_install_action (widget_class, "win.new-claim-for", "(xx)", new_claim_for_action);
  gtk_widget_class_install_action (widget_class, "win.open-claim", "x", open_claim_action);
  gtk_widget_class_install_action (widget_class, "win.new-followup", NULL, new_followup_action);
  gtk_widget_class_install_action (widget_class, "win.new-followup-for", "(xxx)", new_followup_for_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, new_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, call_next_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, call_next_shortcut_cb, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
fd_window_init (FdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->merges = g_array_new (FALSE, FALSE, sizeof (MergeRecord));

  g_object_bind_property (self->search_button, "active",
                          self->customers_view, "search-mode",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* Finding a customer is what the desk does all day: the search starts open. */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->search_button), TRUE);

  g_signal_connect_object (self->reception_view, "notify::branch-id",
                           G_CALLBACK (on_reception_view_branch_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->followups_view, "notify::attention-count",
                           G_CALLBACK (on_followups_view_attention_count_changed_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

FdWindow *
fd_window_new (AdwApplication *application,
               FdStore        *store)
{
  g_return_val_if_fail (!application || ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  return g_object_new (FD_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
}

FdStore *
fd_window_get_store (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);

  return self->store;
}

FdReceptionView *
fd_window_get_reception_view (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);

  return self->reception_view;
}

FdCustomersView *
fd_window_get_customers_view (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);

  return self->customers_view;
}

FdClaimsView *
fd_window_get_claims_view (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);

  return self->claims_view;
}

FdFollowupsView *
fd_window_get_followups_view (FdWindow *self)
{
  g_return_val_if_fail (FD_IS_WINDOW (self), NULL);

  return self->followups_view;
}

void
fd_window_add_toast (FdWindow *self,
                     AdwToast *toast)
{
  g_return_if_fail (FD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
