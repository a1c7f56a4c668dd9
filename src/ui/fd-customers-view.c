/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-customers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-customer-row.h"
#include "fd-customers-view.h"

struct _FdCustomersView
{
  AdwBin              parent_instance;

  /* Template children */
  AdwLeaflet         *leaflet;
  GtkWidget          *list_pane;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkStack           *list_stack;
  GtkListView        *list_view;
  AdwStatusPage      *empty_page;
  GtkLabel           *count_label;
  FdCustomerPage     *page;

  /* Owned */
  FdStore            *store;
  FdCustomerList     *customers;
  GtkNoSelection     *selection;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH_MODE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdCustomersView, fd_customers_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
update_actions (FdCustomersView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "customers.go-back",
                                 adw_leaflet_get_folded (self->leaflet));
}

static void
update_count (FdCustomersView *self)
{
  g_autofree char *count = NULL;
  const char *query = NULL;
  gboolean complete = TRUE;
  guint n_items = 0;

  if (self->customers != NULL)
    {
      n_items = g_list_model_get_n_items (G_LIST_MODEL (self->customers));
      query = fd_customer_list_get_query (self->customers);
      complete = fd_customer_list_get_complete (self->customers);
    }

  if (query == NULL || *query == '\0')
    /* Translators: number of customers in the list */
    count = g_strdup_printf (ngettext ("%'u customer", "%'u customers", n_items), n_items);
  else if (!complete && n_items == 0)
    count = g_strdup (_("Searching…"));
  else if (!complete)
    /* Translators: a search found this many customers so far, and there are more */
    count = g_strdup_printf (ngettext ("More than %'u result", "More than %'u results", n_items), n_items);
  else
    /* Translators: number of customers found by a search */
    count = g_strdup_printf (ngettext ("%'u result", "%'u results", n_items), n_items);

  gtk_label_set_text (self->count_label, count);

  /* A search still going keeps its (empty) list rather than saying "No results". */
  if (n_items > 0 || !complete)
    {
      gtk_stack_set_visible_child_name (self->list_stack, "list");
      return;
    }

  if (query == NULL || *query == '\0')
    {
      adw_status_page_set_icon_name (self->empty_page, "system-users-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Customers"));
      adw_status_page_set_description (self->empty_page,
                                       _("Add the first customer with the + button or Ctrl+N."));
    }
  else
    {
      /* Translators: %s is what the user searched for */
      g_autofree char *description = g_markup_printf_escaped (_("No customer matches “%s”. Try part of a name, an e-mail address or a phone number."), query);

      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, description);
    }

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
show_page (FdCustomersView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->page));
}

static void
show_list (FdCustomersView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
open_after_leave_cb (FdCustomerPage *page,
                     gboolean        proceed,
                     gpointer        user_data)
{
  g_autoptr(FdCustomer) customer = user_data;
  FdCustomersView *self = FD_CUSTOMERS_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (page), FD_TYPE_CUSTOMERS_VIEW));

  if (!proceed || self == NULL)
    return;

  fd_customer_page_load (page, customer);
  show_page (self);
}

static void
new_after_leave_cb (FdCustomerPage *page,
                    gboolean        proceed,
                    gpointer        user_data)
{
  FdCustomersView *self = FD_CUSTOMERS_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (page), FD_TYPE_CUSTOMERS_VIEW));

  if (!proceed || self == NULL)
    return;

  fd_customer_page_load (page, NULL);
  show_page (self);
}

static void
back_after_leave_cb (FdCustomerPage *page,
                     gboolean        proceed,
                     gpointer        user_data)
{
  FdCustomersView *self = FD_CUSTOMERS_VIEW (gtk_widget_get_ancestor (GTK_WIDGET (page), FD_TYPE_CUSTOMERS_VIEW));

  if (!proceed || self == NULL)
    return;

  fd_customer_page_clear (page);
  show_list (self);
}

static void
open_position (FdCustomersView *self,
               guint            position)
{
  g_autoptr(FdCustomer) customer = NULL;

  if (self->customers == NULL)
    return;

  customer = g_list_model_get_item (G_LIST_MODEL (self->customers), position);
  if (customer == NULL)
    return;

  fd_customer_page_confirm_leave (self->page, open_after_leave_cb, g_steal_pointer (&customer));
}

static void
on_search_entry_search_changed_cb (FdCustomersView *self,
                                   GtkSearchEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self->customers == NULL)
    return;

  fd_customer_list_set_query (self->customers, text);
  update_count (self);
}

static void
on_search_entry_activate_cb (FdCustomersView *self,
                             GtkSearchEntry  *entry)
{
  open_position (self, 0);
}

static void
on_list_view_activate_cb (FdCustomersView *self,
                          guint            position,
                          GtkListView     *list_view)
{
  open_position (self, position);
}

static void
on_leaflet_folded_changed_cb (FdCustomersView *self)
{
  update_actions (self);
}

static void
on_page_archived_cb (FdCustomersView *self,
                     gint64           id,
                     FdCustomerPage  *page)
{
  show_list (self);
}

static void
on_customers_items_changed_cb (FdCustomersView *self)
{
  update_count (self);
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  FdCustomersView *self = FD_CUSTOMERS_VIEW (widget);

  fd_customer_page_confirm_leave (self->page, back_after_leave_cb, NULL);
}

static void
fd_customers_view_dispose (GObject *object)
{
  FdCustomersView *self = (FdCustomersView *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  /* The bin's child is also a template child: detach it first so AdwBin does not
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CUSTOMERS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->customers);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_customers_view_parent_class)->dispose (object);
}

static void
fd_customers_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdCustomersView *self = FD_CUSTOMERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH_MODE:
      g_value_set_boolean (value, gtk_search_bar_get_search_mode (self->search_bar));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customers_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdCustomersView *self = FD_CUSTOMERS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_customers_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_SEARCH_MODE:
      gtk_search_bar_set_search_mode (self->search_bar, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
on_search_bar_search_mode_changed_cb (FdCustomersView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCH_MODE]);
}

static void
fd_customers_view_class_init (FdCustomersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_customers_view_dispose;
  object_class->get_property = fd_customers_view_get_property;
  object_class->set_property = fd_customers_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SEARCH_MODE] =
    g_param_spec_boolean ("search-mode", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_CUSTOMER_PAGE);
  g_type_ensure (FD_TYPE_CUSTOMER_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-customers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCustomersView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FdCustomersView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, FdCustomersView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, FdCustomersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdCustomersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FdCustomersView, list_view);
  gtk_widget_class_bind_template_child (widget_class, FdCustomersView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FdCustomersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, FdCustomersView, page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_page_archived_cb);

  gtk_widget_class_install_action (widget_class, "customers.go-back", NULL, go_back_action);
}

static void
fd_customers_view_init (FdCustomersView *self)
{
  g_autoptr(GtkListItemFactory) factory = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  factory = gtk_builder_list_item_factory_new_from_resource (NULL, RESOURCE_PREFIX "/ui/fd-customer-row-item.ui");
  gtk_list_view_set_factory (self->list_view, factory);

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (on_search_bar_search_mode_changed_cb), self,
                           G_CONNECT_SWAPPED);

  g_object_bind_property (self->leaflet, "folded", self->page, "folded", G_BINDING_SYNC_CREATE);

  update_count (self);
  update_actions (self);
}

FdStore *
fd_customers_view_get_store (FdCustomersView *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMERS_VIEW (self), NULL);

  return self->store;
}

void
fd_customers_view_set_store (FdCustomersView *self,
                             FdStore         *store)
{
  g_return_if_fail (FD_IS_CUSTOMERS_VIEW (self));
  g_return_if_fail (!store || FD_IS_STORE (store));

  if (self->store == store)
    return;

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->customers);
  g_set_object (&self->store, store);

  fd_customer_page_set_store (self->page, store);

  if (store != NULL)
    {
      /* The lazy model goes straight into the view: a filter or sort model on top would read
       * every row. No selection: with single-click activation it would only follow the
       * pointer, not the customer that is open. */
      self->customers = fd_customer_list_new (store);
      g_signal_connect_object (self->customers, "items-changed",
                               G_CALLBACK (on_customers_items_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->customers, "notify::complete",
                               G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);

      self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->customers)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }

  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * fd_customers_view_get_list:
 *
 * Returns: (transfer none) (nullable): the model the list view shows
 */
FdCustomerList *
fd_customers_view_get_list (FdCustomersView *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMERS_VIEW (self), NULL);

  return self->customers;
}

FdCustomerPage *
fd_customers_view_get_page (FdCustomersView *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMERS_VIEW (self), NULL);

  return self->page;
}

GtkEditable *
fd_customers_view_get_search (FdCustomersView *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMERS_VIEW (self), NULL);

  return GTK_EDITABLE (self->search_entry);
}

void
fd_customers_view_focus_search (FdCustomersView *self)
{
  g_return_if_fail (FD_IS_CUSTOMERS_VIEW (self));

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
fd_customers_view_new_customer (FdCustomersView *self)
{
  g_return_if_fail (FD_IS_CUSTOMERS_VIEW (self));

  if (self->store == NULL)
    return;

  fd_customer_page_confirm_leave (self->page, new_after_leave_cb, NULL);
}

void
fd_customers_view_open_customer (FdCustomersView *self,
                                 gint64           id)
{
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FD_IS_CUSTOMERS_VIEW (self));

  if (self->store == NULL)
    return;

  customer = fd_store_get_customer (self->store, id, &error);
  if (customer == NULL)
    {
      g_warning ("Could not open customer %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }

  fd_customer_page_confirm_leave (self->page, open_after_leave_cb, g_steal_pointer (&customer));
}
