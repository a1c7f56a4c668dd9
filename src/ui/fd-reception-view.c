/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-reception-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-application.h"
#include "fd-branch-dialog.h"
#include "fd-check-in-dialog.h"
#include "fd-reception-view.h"
#include "fd-window.h"

/* Waiting times are shown in minutes: a tick every 30 s keeps them at most half a minute off. */
#define TICK_SECONDS 30

struct _FdReceptionView
{
  AdwBin               parent_instance;

  /* Template children */
  GtkStack            *stack;
  AdwLeaflet          *leaflet;
  GtkWidget           *serving_page;
  GtkWidget           *queue_page;
  AdwButtonContent    *show_queue_content;
  GtkListBox          *branch_list;
  GtkLabel            *branch_label;
  GtkLabel            *waiting_label;
  GtkDropDown         *desk_dropdown;
  FdServingPanel      *serving_panel;
  AdwPreferencesGroup *queue_group;
  GtkListBox          *queue_list;

  /* Owned */
  FdStore             *store;
  FdBranch            *branch;
  GListStore          *queue;
  GArray              *desk_ids;
  gint64               desk_id;
  guint                tick_source;

  guint                filling_desks : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_DESK_ID,
  PROP_BRANCH_ID,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdReceptionView, fd_reception_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void refresh_visits (FdReceptionView *self);

static GSettings *
get_settings (void)
{
  GApplication *app = g_application_get_default ();

  if (!FD_IS_APPLICATION (app))
    return NULL;

  return fd_application_get_settings (FD_APPLICATION (app));
}

static gboolean
settings_has_key (GSettings  *settings,
                  const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "settings-schema", &schema, NULL);

  return schema != NULL && g_settings_schema_has_key (schema, key);
}

static void
add_toast (FdReceptionView *self,
           const char      *message)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), FD_TYPE_WINDOW);

  if (window != NULL)
    fd_window_add_toast (FD_WINDOW (window), adw_toast_new (message));
  else
    g_message ("%s", message);
}

static gint64
get_branch_id (FdReceptionView *self)
{
  return self->branch != NULL ? fd_branch_get_id (self->branch) : 0;
}

static void
update_actions (FdReceptionView *self)
{
  gboolean branch = self->store != NULL && self->branch != NULL;
  gboolean waiting = self->queue != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->queue)) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.add-branch", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.add-desk", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.check-in", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.call-next", branch && waiting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.call-ticket", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.cancel-visit", branch);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reception.copy-branch-card", branch);
}

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* Queue rows */

static char *
format_estimate (FdReceptionView *self,
                 FdVisit         *visit)
{
  g_autoptr(GError) error = NULL;
  int low = 0, high = 0;

  if (!fd_store_estimate_wait (self->store, visit, &low, &high, &error))
    {
      g_debug ("No wait estimate for %s: %s", fd_visit_get_ticket (visit), error->message);
      return NULL;
    }

  /* An estimate is a range, never one number that would read as a promise. */
  /* Translators: the estimated remaining wait, a range of minutes, e.g. "10–20 min more" */
  return g_strdup_printf (_("%1$d–%2$d min more"), low, MAX (low, high));
}

static char *
format_waited (gint64 arrived_at)
{
  gint64 minutes = MAX (0, (g_get_real_time () / G_USEC_PER_SEC - arrived_at) / 60);

  if (minutes < 1)
    return g_strdup (_("Just arrived"));

  /* Translators: how long a customer has been waiting so far */
  return g_strdup_printf (ngettext ("Waiting %d minute", "Waiting %d minutes", (int) minutes),
                          (int) minutes);
}

static const char *
purpose_label (FdStore    *store,
               const char *code)
{
  static GHashTable *labels;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) names = NULL;

  if (code == NULL)
    return "";

  /* Purposes are few and their labels fixed for the session; custom ones are added rarely. */
  if (labels == NULL)
    labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  if (!g_hash_table_contains (labels, code) &&
      fd_store_list_purposes (store, &codes, &names, NULL))
    {
      for (guint i = 0; codes[i] != NULL && names[i] != NULL; i++)
        g_hash_table_replace (labels, g_strdup (codes[i]), g_strdup (names[i]));
    }

  return g_hash_table_contains (labels, code) ? g_hash_table_lookup (labels, code) : code;
}

static void
update_queue_row (FdReceptionView *self,
                  GtkWidget       *row)
{
  FdVisit *visit = g_object_get_data (G_OBJECT (row), "fd-visit");
  const char *purpose = purpose_label (self->store, fd_visit_get_purpose (visit));
  g_autofree char *what = NULL;
  g_autofree char *waited = format_waited (fd_visit_get_arrived_at (visit));
  g_autofree char *estimate = format_estimate (self, visit);
  g_autofree char *when = NULL;
  g_autofree char *subtitle = NULL;

  if (fd_visit_get_priority (visit) != FD_PRIORITY_NONE)
    /* Translators: a queue row: %1$s is the visit's purpose, %2$s its priority */
    what = g_strdup_printf (C_("queue row", "%1$s · %2$s"), purpose,
                            fd_priority_to_label (fd_visit_get_priority (visit)));
  else
    what = g_strdup (purpose);

  if (estimate != NULL)
    /* Translators: a queue row: %1$s is how long the customer waited, %2$s the estimate */
    when = g_strdup_printf (C_("queue row", "%1$s · %2$s"), waited, estimate);
  else
    when = g_strdup (waited);

  subtitle = g_strdup_printf ("%s\n%s", what, when);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
}

static GtkWidget *
create_queue_row (gpointer item,
                  gpointer user_data)
{
  FdReceptionView *self = user_data;
  FdVisit *visit = item;
  const char *ticket = fd_visit_get_ticket (visit);
  const char *name = fd_visit_get_customer_name (visit);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) call = NULL;
  g_autoptr(GMenuItem) cancel = NULL;
  g_autofree char *menu_label = NULL;
  GtkWidget *row, *ticket_label, *menu_button;

  row = adw_action_row_new ();
  g_object_set_data_full (G_OBJECT (row), "fd-visit", g_object_ref (visit), g_object_unref);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 name != NULL && *name != '\0' ? name : C_("customer", "Anonymous"));

  ticket_label = gtk_label_new (ticket);
  gtk_widget_add_css_class (ticket_label, "fd-ticket");
  gtk_label_set_width_chars (GTK_LABEL (ticket_label), 5);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), ticket_label);

  call = g_menu_item_new (_("_Call to My Desk"), NULL);
  g_menu_item_set_action_and_target_value (call, "reception.call-ticket", g_variant_new_string (ticket));
  g_menu_append_item (menu, call);
  cancel = g_menu_item_new (_("C_ancel Visit"), NULL);
  g_menu_item_set_action_and_target_value (cancel, "reception.cancel-visit",
                                           g_variant_new_int64 (fd_visit_get_id (visit)));
  g_menu_append_item (menu, cancel);

  menu_button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_widget_set_valign (menu_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (menu_button, "flat");
  /* Translators: tooltip of the menu button of a queue row; %s is the ticket number */
  menu_label = g_strdup_printf (_("Actions for Ticket %s"), ticket);
  gtk_widget_set_tooltip_text (menu_button, menu_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, menu_label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), menu_button);

  update_queue_row (self, row);

  return row;
}

static gint64
focused_visit_id (FdReceptionView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row;
  FdVisit *visit;

  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->queue_list)))
    return 0;

  row = gtk_widget_get_ancestor (focus, ADW_TYPE_ACTION_ROW);
  visit = row != NULL ? g_object_get_data (G_OBJECT (row), "fd-visit") : NULL;

  return visit != NULL ? fd_visit_get_id (visit) : 0;
}

static void
refocus_visit (FdReceptionView *self,
               gint64           visit_id)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      FdVisit *visit = g_object_get_data (G_OBJECT (row), "fd-visit");

      if (visit != NULL && fd_visit_get_id (visit) == visit_id)
        {
          gtk_widget_grab_focus (row);
          return;
        }
    }
}

static void
update_show_queue_label (FdReceptionView *self,
                         guint            n_waiting)
{
  g_autofree char *label = NULL;

  /* Translators: the button that shows the queue on a narrow screen; %u is the number
   * of customers waiting, e.g. "_Queue (4)" */
  label = g_strdup_printf (ngettext ("_Queue (%u)", "_Queue (%u)", n_waiting), n_waiting);
  adw_button_content_set_label (self->show_queue_content, label);
}

static void
refresh_visits (FdReceptionView *self)
{
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GPtrArray) serving = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  FdVisit *mine = NULL;
  gint64 focused;
  guint n_waiting;

  if (self->store == NULL || self->branch == NULL)
    {
      g_list_store_remove_all (self->queue);
      fd_serving_panel_set_visit (self->serving_panel, NULL);
      update_actions (self);
      return;
    }

  queue = fd_store_list_queue (self->store, get_branch_id (self), &error);
  if (queue == NULL)
    {
      g_warning ("Could not read the queue: %s", error->message);
      return;
    }

  /* Replacing the rows would drop keyboard focus: put it back on the same visit. */
  focused = focused_visit_id (self);
  g_list_store_splice (self->queue, 0, g_list_model_get_n_items (G_LIST_MODEL (self->queue)),
                       queue->pdata, queue->len);
  if (focused > 0)
    refocus_visit (self, focused);

  n_waiting = queue->len;
  if (n_waiting > 0)
    /* Translators: number of customers in the queue */
    description = g_strdup_printf (ngettext ("%u customer waiting", "%u customers waiting", n_waiting),
                                   n_waiting);
  else
    description = g_strdup (_("Nobody is waiting."));
  adw_preferences_group_set_description (self->queue_group, description);
  /* Also at the top, where it stays in sight while a visit fills the page. */
  gtk_label_set_text (self->waiting_label, description);
  update_show_queue_label (self, n_waiting);

  serving = fd_store_list_serving (self->store, get_branch_id (self), &error);
  if (serving == NULL)
    {
      g_warning ("Could not read the visits being served: %s", error->message);
      return;
    }

  for (guint i = 0; i < serving->len && self->desk_id > 0; i++)
    {
      FdVisit *visit = g_ptr_array_index (serving, i);

      if (fd_visit_get_desk_id (visit) == self->desk_id)
        {
          mine = visit;
          break;
        }
    }

  fd_serving_panel_set_visit (self->serving_panel, mine);
  update_actions (self);
}

static gboolean
tick_cb (gpointer user_data)
{
  FdReceptionView *self = user_data;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->queue_list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_object_get_data (G_OBJECT (row), "fd-visit") != NULL)
        update_queue_row (self, row);
    }

  return G_SOURCE_CONTINUE;
}

/* Branch and desks */

static void
save_desk (FdReceptionView *self)
{
  GSettings *settings = get_settings ();

  /* The desk is a property of this computer, not of the database. */
  if (settings_has_key (settings, "desk-id"))
    g_settings_set_int64 (settings, "desk-id", self->desk_id);
}

static gint64
saved_desk (FdReceptionView *self)
{
  GSettings *settings = get_settings ();

  if (self->desk_id > 0)
    return self->desk_id;

  if (settings_has_key (settings, "desk-id"))
    return g_settings_get_int64 (settings, "desk-id");

  return 0;
}

static void
reload_desks (FdReceptionView *self)
{
  g_autoptr(GPtrArray) desks = NULL;
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  gint64 wanted = saved_desk (self);
  guint selected = GTK_INVALID_LIST_POSITION;

  g_array_set_size (self->desk_ids, 0);

  if (self->branch != NULL)
    desks = fd_store_list_desks (self->store, get_branch_id (self), &error);
  if (error != NULL)
    g_warning ("Could not read the desks: %s", error->message);

  for (guint i = 0; desks != NULL && i < desks->len; i++)
    {
      FdDesk *desk = g_ptr_array_index (desks, i);
      gint64 id = fd_desk_get_id (desk);

      gtk_string_list_append (names, fd_desk_get_name (desk));
      g_array_append_val (self->desk_ids, id);
      if (id == wanted)
        selected = i;
    }

  /* A remembered desk of another branch, or none yet: the first desk. */
  if (selected == GTK_INVALID_LIST_POSITION && self->desk_ids->len > 0)
    selected = 0;

  self->filling_desks = TRUE;
  gtk_drop_down_set_model (self->desk_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->desk_dropdown, selected);
  self->filling_desks = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->desk_dropdown), self->desk_ids->len > 0);

  fd_reception_view_set_desk_id (self, selected != GTK_INVALID_LIST_POSITION
                                         ? g_array_index (self->desk_ids, gint64, selected) : 0);
}

static void
fill_branch_list (FdReceptionView *self,
                  GPtrArray       *branches)
{
  clear_list_box (self->branch_list);

  for (guint i = 0; i < branches->len; i++)
    {
      FdBranch *branch = g_ptr_array_index (branches, i);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fd_branch_get_name (branch));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), fd_branch_get_address (branch));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_object_set_data_full (G_OBJECT (row), "fd-branch", g_object_ref (branch), g_object_unref);
      gtk_list_box_append (self->branch_list, row);
    }
}

static void
reload_branch (FdReceptionView *self)
{
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *settings = get_settings ();
  gint64 before = get_branch_id (self);
  gint64 current;

  g_clear_object (&self->branch);

  if (self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "no-branch");
      update_actions (self);
      return;
    }

  current = fd_store_get_current_branch (self->store);

  /* A branch chosen on this computer before, in a database that forgot it. */
  if (current == 0 && settings_has_key (settings, "branch-id") &&
      g_settings_get_int64 (settings, "branch-id") > 0 &&
      fd_store_set_current_branch (self->store, g_settings_get_int64 (settings, "branch-id"), NULL))
    current = fd_store_get_current_branch (self->store);

  if (current > 0)
    self->branch = fd_store_get_branch (self->store, current, &error);

  if (self->branch != NULL)
    {
      gtk_label_set_text (self->branch_label, fd_branch_get_name (self->branch));
      gtk_stack_set_visible_child_name (self->stack, "reception");
    }
  else
    {
      branches = fd_store_list_branches (self->store, &error);
      if (branches == NULL)
        g_warning ("Could not read the branches: %s", error->message);

      if (branches != NULL && branches->len > 0)
        {
          fill_branch_list (self, branches);
          gtk_stack_set_visible_child_name (self->stack, "choose-branch");
        }
      else
        gtk_stack_set_visible_child_name (self->stack, "no-branch");
    }

  fd_serving_panel_set_desk (self->serving_panel, get_branch_id (self), self->desk_id);
  reload_desks (self);
  refresh_visits (self);

  if (before != get_branch_id (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BRANCH_ID]);
}

/* Signal callbacks */

static void
on_store_visits_changed_cb (FdReceptionView *self)
{
  refresh_visits (self);
}

static void
on_store_branches_changed_cb (FdReceptionView *self)
{
  reload_branch (self);
}

static void
on_leaflet_folded_changed_cb (FdReceptionView *self)
{
  /* Side by side there is nothing to switch; folded, the visit being served comes first. */
  if (!adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child (self->leaflet, self->serving_page);
}

static void
on_branch_list_row_activated_cb (FdReceptionView *self,
                                 GtkListBoxRow   *row)
{
  FdBranch *branch = g_object_get_data (G_OBJECT (row), "fd-branch");
  GSettings *settings = get_settings ();
  g_autoptr(GError) error = NULL;

  if (branch == NULL || self->store == NULL)
    return;

  if (!fd_store_set_current_branch (self->store, fd_branch_get_id (branch), &error))
    {
      add_toast (self, error->message);
      return;
    }

  if (settings_has_key (settings, "branch-id"))
    g_settings_set_int64 (settings, "branch-id", fd_branch_get_id (branch));

  reload_branch (self);
}

static void
on_desk_dropdown_selected_changed_cb (FdReceptionView *self)
{
  guint selected = gtk_drop_down_get_selected (self->desk_dropdown);

  if (self->filling_desks || selected >= self->desk_ids->len)
    return;

  fd_reception_view_set_desk_id (self, g_array_index (self->desk_ids, gint64, selected));
  save_desk (self);
}

static void
on_add_desk_response_cb (AdwMessageDialog *dialog,
                         const char       *response,
                         gpointer          user_data)
{
  g_autoptr(FdReceptionView) self = user_data;
  g_autoptr(FdDesk) desk = NULL;
  g_autoptr(GError) error = NULL;
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "fd-entry");

  if (!g_str_equal (response, "add") || self->store == NULL || self->branch == NULL)
    return;

  desk = fd_store_add_desk (self->store, get_branch_id (self), gtk_editable_get_text (entry), &error);
  if (desk == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  self->desk_id = fd_desk_get_id (desk);
  save_desk (self);
  reload_desks (self);
}

/* Actions */

static void
add_branch_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FdReceptionView *self = FD_RECEPTION_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (fd_branch_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                        self->store)));
}

static void
add_desk_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FdReceptionView *self = FD_RECEPTION_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog, *entry;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Add Desk"),
                                   _("Customers are called to a desk by its name, as it is signposted in the branch."));
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("For example “Desk 3”"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Desk name"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "fd-entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_add_desk_response_cb), g_object_ref (self));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
check_in_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FdReceptionView *self = FD_RECEPTION_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  if (self->store == NULL || self->branch == NULL)
    return;

  gtk_window_present (GTK_WINDOW (fd_check_in_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                          self->store, get_branch_id (self))));
}

static void
call (FdReceptionView *self,
      const char      *ticket)
{
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL || self->branch == NULL)
    return;

  if (self->desk_id <= 0)
    {
      add_toast (self, _("Choose the desk you serve at first"));
      return;
    }

  visit = fd_store_call (self->store, get_branch_id (self), self->desk_id, ticket, 0, &error);
  if (visit == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  /* The store's signal normally did this already; a direct refresh keeps it certain. */
  refresh_visits (self);

  /* Translators: %1$s is a ticket number, %2$s a desk's name */
  message = g_strdup_printf (_("Ticket %1$s called to %2$s"), fd_visit_get_ticket (visit),
                             fd_visit_get_desk_name (visit) ? fd_visit_get_desk_name (visit) : "");
  add_toast (self, message);
}

static void
call_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  call (FD_RECEPTION_VIEW (widget), NULL);
}

static void
call_ticket_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *param)
{
  call (FD_RECEPTION_VIEW (widget), g_variant_get_string (param, NULL));
}

static void
cancel_visit_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FdReceptionView *self = FD_RECEPTION_VIEW (widget);
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL)
    return;

  visit = fd_store_cancel_visit (self->store, g_variant_get_int64 (param), 0, &error);
  if (visit == NULL)
    {
      add_toast (self, error->message);
      return;
    }

  refresh_visits (self);

  /* Translators: %s is a ticket number */
  message = g_strdup_printf (_("Ticket %s cancelled"), fd_visit_get_ticket (visit));
  add_toast (self, message);
}

static void
show_queue_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FdReceptionView *self = FD_RECEPTION_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->queue_page);
}

static void
show_serving_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FdReceptionView *self = FD_RECEPTION_VIEW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->serving_page);
}

static void
copy_branch_card_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  FdReceptionView *self = FD_RECEPTION_VIEW (widget);
  g_autofree char *text = NULL;

  if (self->branch == NULL)
    return;

  text = fd_branch_dup_card_text (self->branch);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  add_toast (self, _("Branch address and opening hours copied"));
}

/* GObject */

static void
fd_reception_view_dispose (GObject *object)
{
  FdReceptionView *self = (FdReceptionView *)object;

  g_clear_handle_id (&self->tick_source, g_source_remove);
  /* The bin's child is also a template child: detach it first so AdwBin does not
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_RECEPTION_VIEW);
  g_clear_object (&self->store);
  g_clear_object (&self->branch);
  g_clear_object (&self->queue);

  G_OBJECT_CLASS (fd_reception_view_parent_class)->dispose (object);
}

static void
fd_reception_view_finalize (GObject *object)
{
  FdReceptionView *self = (FdReceptionView *)object;

  g_clear_pointer (&self->desk_ids, g_array_unref);

  G_OBJECT_CLASS (fd_reception_view_parent_class)->finalize (object);
}

static void
fd_reception_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdReceptionView *self = FD_RECEPTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_DESK_ID:
      g_value_set_int64 (value, self->desk_id);
      break;

    case PROP_BRANCH_ID:
      g_value_set_int64 (value, get_branch_id (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_reception_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdReceptionView *self = FD_RECEPTION_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_reception_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_DESK_ID:
      fd_reception_view_set_desk_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_reception_view_class_init (FdReceptionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_reception_view_dispose;
  object_class->finalize = fd_reception_view_finalize;
  object_class->get_property = fd_reception_view_get_property;
  object_class->set_property = fd_reception_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_DESK_ID] =
    g_param_spec_int64 ("desk-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_BRANCH_ID] =
    g_param_spec_int64 ("branch-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_SERVING_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-reception-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, stack);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, serving_page);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, queue_page);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, show_queue_content);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, branch_list);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, branch_label);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, desk_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, serving_panel);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, queue_group);
  gtk_widget_class_bind_template_child (widget_class, FdReceptionView, queue_list);
  gtk_widget_class_bind_template_callback (widget_class, on_branch_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_desk_dropdown_selected_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "reception.add-branch", NULL, add_branch_action);
  gtk_widget_class_install_action (widget_class, "reception.add-desk", NULL, add_desk_action);
  gtk_widget_class_install_action (widget_class, "reception.check-in", NULL, check_in_action);
  gtk_widget_class_install_action (widget_class, "reception.call-next", NULL, call_next_action);
  gtk_widget_class_install_action (widget_class, "reception.call-ticket", "s", call_ticket_action);
  gtk_widget_class_install_action (widget_class, "reception.cancel-visit", "x", cancel_visit_action);
  gtk_widget_class_install_action (widget_class, "reception.copy-branch-card", NULL, copy_branch_card_action);
  gtk_widget_class_install_action (widget_class, "reception.show-queue", NULL, show_queue_action);
  gtk_widget_class_install_action (widget_class, "reception.show-serving", NULL, show_serving_action);
}

static void
fd_reception_view_init (FdReceptionView *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->queue = g_list_store_new (FD_TYPE_VISIT);
  self->desk_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  gtk_list_box_bind_model (self->queue_list, G_LIST_MODEL (self->queue),
                           create_queue_row, self, NULL);

  placeholder = gtk_label_new (_("Nobody is waiting. Check customers in as they arrive."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_list_box_set_placeholder (self->queue_list, placeholder);

  self->tick_source = g_timeout_add_seconds (TICK_SECONDS, tick_cb, self);

  update_show_queue_label (self, 0);
  update_actions (self);
}

FdStore *
fd_reception_view_get_store (FdReceptionView *self)
{
  g_return_val_if_fail (FD_IS_RECEPTION_VIEW (self), NULL);

  return self->store;
}

void
fd_reception_view_set_store (FdReceptionView *self,
                             FdStore         *store)
{
  g_return_if_fail (FD_IS_RECEPTION_VIEW (self));
  g_return_if_fail (!store || FD_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "visits-changed", G_CALLBACK (on_store_visits_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "branches-changed", G_CALLBACK (on_store_branches_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  fd_serving_panel_set_store (self->serving_panel, store);
  reload_branch (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
fd_reception_view_get_branch_id (FdReceptionView *self)
{
  g_return_val_if_fail (FD_IS_RECEPTION_VIEW (self), 0);

  return get_branch_id (self);
}

gint64
fd_reception_view_get_desk_id (FdReceptionView *self)
{
  g_return_val_if_fail (FD_IS_RECEPTION_VIEW (self), 0);

  return self->desk_id;
}

void
fd_reception_view_set_desk_id (FdReceptionView *self,
                               gint64           desk_id)
{
  g_return_if_fail (FD_IS_RECEPTION_VIEW (self));

  if (self->desk_id == desk_id)
    return;

  self->desk_id = desk_id;

  for (guint i = 0; i < self->desk_ids->len; i++)
    if (g_array_index (self->desk_ids, gint64, i) == desk_id &&
        gtk_drop_down_get_selected (self->desk_dropdown) != i)
      gtk_drop_down_set_selected (self->desk_dropdown, i);

  fd_serving_panel_set_desk (self->serving_panel, get_branch_id (self), desk_id);
  refresh_visits (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESK_ID]);
}

GListModel *
fd_reception_view_get_queue (FdReceptionView *self)
{
  g_return_val_if_fail (FD_IS_RECEPTION_VIEW (self), NULL);

  return G_LIST_MODEL (self->queue);
}

FdServingPanel *
fd_reception_view_get_serving_panel (FdReceptionView *self)
{
  g_return_val_if_fail (FD_IS_RECEPTION_VIEW (self), NULL);

  return self->serving_panel;
}
