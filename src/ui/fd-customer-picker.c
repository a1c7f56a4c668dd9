/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-customer-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-customer-picker.h"

/* A few rows to pick from; more means the search needs another word. */
#define RESULTS_LIMIT 5

struct _FdCustomerPicker
{
  AdwBin          parent_instance;

  /* Template children */
  GtkSearchEntry *search_entry;
  GtkListBox     *results_list;
  GtkLabel       *customer_error;

  /* Owned */
  FdStore        *store;
  FdCustomer     *prefilled;    /* shown while the search is empty */
  char           *query;        /* what the results were found for */

  guint           skip_repeated_search : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER,
  PROP_CUSTOMER_ID,
  PROP_SKIP_REPEATED_SEARCH,
  N_PROPS
};

enum {
  PICKED,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdCustomerPicker, fd_customer_picker, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GtkWidget *
new_customer_row (FdCustomer *customer)
{
  g_autofree char *name = fd_customer_dup_display_name (customer);
  const char *email = fd_customer_get_email (customer);
  const char *phone = fd_customer_get_phone (customer);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  if (email != NULL && *email != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), email);
  else if (phone != NULL && *phone != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), phone);
  g_object_set_data_full (G_OBJECT (row), "fd-customer", g_object_ref (customer), g_object_unref);

  return row;
}

static GtkWidget *
new_hint_row (void)
{
  GtkWidget *label = gtk_label_new (_("Type part of the customer’s name, e-mail address or phone number."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
fill_results (FdCustomerPicker *self,
              GPtrArray        *customers)
{
  GtkListBoxRow *row;

  /* Rows only: the placeholder is a child too, and stays. */
  while ((row = gtk_list_box_get_row_at_index (self->results_list, 0)) != NULL)
    gtk_list_box_remove (self->results_list, GTK_WIDGET (row));

  if (customers == NULL && self->prefilled != NULL)
    {
      GtkWidget *prefilled = new_customer_row (self->prefilled);

      gtk_list_box_append (self->results_list, prefilled);
      gtk_list_box_select_row (self->results_list, GTK_LIST_BOX_ROW (prefilled));
    }

  for (guint i = 0; customers != NULL && i < customers->len; i++)
    gtk_list_box_append (self->results_list, new_customer_row (g_ptr_array_index (customers, i)));
}

static void
run_search (FdCustomerPicker *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *query = g_strstrip (g_strdup (text));
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  /* Enter searches at once; the entry's delayed search for the same text must not undo
   * the pick Enter made. */
  if (self->skip_repeated_search)
    {
      if (g_strcmp0 (query, self->query) == 0)
        return;
      g_free (self->query);
      self->query = g_strdup (query);
    }

  if (self->store != NULL && *query != '\0')
    {
      found = fd_store_search_customers (self->store, query, RESULTS_LIMIT, &error);
      if (found == NULL)
        {
          gtk_label_set_text (self->customer_error, error->message);
          gtk_widget_set_visible (GTK_WIDGET (self->customer_error), TRUE);
        }
    }

  fill_results (self, found);
}

/* Signal callbacks */

static void
on_search_entry_search_changed_cb (FdCustomerPicker *self)
{
  run_search (self);
}

static void
on_search_entry_activate_cb (FdCustomerPicker *self)
{
  GtkListBoxRow *first;

  /* The search may still be waiting for its delay: Enter searches now. */
  run_search (self);

  first = gtk_list_box_get_row_at_index (self->results_list, 0);
  if (first == NULL)
    return;

  /* Enter picks the first match; the form moves on to its next field. */
  gtk_list_box_select_row (self->results_list, first);
  g_signal_emit (self, signals[PICKED], 0);
}

static void
on_results_list_row_selected_cb (FdCustomerPicker *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

/* GtkWidget */

static gboolean
fd_customer_picker_grab_focus (GtkWidget *widget)
{
  FdCustomerPicker *self = FD_CUSTOMER_PICKER (widget);

  return gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GObject */

static void
fd_customer_picker_dispose (GObject *object)
{
  FdCustomerPicker *self = (FdCustomerPicker *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CUSTOMER_PICKER);
  g_clear_object (&self->store);
  g_clear_object (&self->prefilled);

  G_OBJECT_CLASS (fd_customer_picker_parent_class)->dispose (object);
}

static void
fd_customer_picker_finalize (GObject *object)
{
  FdCustomerPicker *self = (FdCustomerPicker *)object;

  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (fd_customer_picker_parent_class)->finalize (object);
}

static void
fd_customer_picker_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  FdCustomerPicker *self = FD_CUSTOMER_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CUSTOMER:
      g_value_set_object (value, fd_customer_picker_get_customer (self));
      break;

    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, fd_customer_picker_get_customer_id (self));
      break;

    case PROP_SKIP_REPEATED_SEARCH:
      g_value_set_boolean (value, self->skip_repeated_search);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_picker_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  FdCustomerPicker *self = FD_CUSTOMER_PICKER (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_customer_picker_set_store (self, g_value_get_object (value));
      break;

    case PROP_SKIP_REPEATED_SEARCH:
      if (self->skip_repeated_search != g_value_get_boolean (value))
        {
          self->skip_repeated_search = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_picker_class_init (FdCustomerPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_customer_picker_dispose;
  object_class->finalize = fd_customer_picker_finalize;
  object_class->get_property = fd_customer_picker_get_property;
  object_class->set_property = fd_customer_picker_set_property;

  widget_class->grab_focus = fd_customer_picker_grab_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /* The picked customer, or NULL. */
  properties[PROP_CUSTOMER] =
    g_param_spec_object ("customer", NULL, NULL,
                         FD_TYPE_CUSTOMER,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* The picked customer's id, or 0. */
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /* Whether a search for the text the results already show is skipped, which keeps the
   * pick; otherwise the results are found again, with nothing picked. */
  properties[PROP_SKIP_REPEATED_SEARCH] =
    g_param_spec_boolean ("skip-repeated-search", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * FdCustomerPicker::picked:
   *
   * Emitted when Enter in the search entry picks the first match.
   */
  signals[PICKED] =
    g_signal_new ("picked",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-customer-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPicker, results_list);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerPicker, customer_error);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_row_selected_cb);
}

static void
fd_customer_picker_init (FdCustomerPicker *self)
{
  self->skip_repeated_search = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->results_list, new_hint_row ());
}

FdStore *
fd_customer_picker_get_store (FdCustomerPicker *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_PICKER (self), NULL);

  return self->store;
}

void
fd_customer_picker_set_store (FdCustomerPicker *self,
                              FdStore          *store)
{
  g_return_if_fail (FD_IS_CUSTOMER_PICKER (self));
  g_return_if_fail (!store || FD_IS_STORE (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

FdCustomer *
fd_customer_picker_get_customer (FdCustomerPicker *self)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (FD_IS_CUSTOMER_PICKER (self), NULL);

  row = gtk_list_box_get_selected_row (self->results_list);

  return row != NULL ? g_object_get_data (G_OBJECT (row), "fd-customer") : NULL;
}

gint64
fd_customer_picker_get_customer_id (FdCustomerPicker *self)
{
  FdCustomer *customer;

  g_return_val_if_fail (FD_IS_CUSTOMER_PICKER (self), 0);

  customer = fd_customer_picker_get_customer (self);

  return customer != NULL ? fd_customer_get_id (customer) : 0;
}

void
fd_customer_picker_set_customer (FdCustomerPicker *self,
                                 FdCustomer       *customer)
{
  g_return_if_fail (FD_IS_CUSTOMER_PICKER (self));
  g_return_if_fail (!customer || FD_IS_CUSTOMER (customer));

  g_set_object (&self->prefilled, customer);
  fill_results (self, NULL);
}

void
fd_customer_picker_show_error (FdCustomerPicker *self,
                               const char       *message)
{
  GtkWidget *list;

  g_return_if_fail (FD_IS_CUSTOMER_PICKER (self));

  list = GTK_WIDGET (self->results_list);
  gtk_label_set_text (self->customer_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_error), TRUE);

  gtk_widget_add_css_class (list, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (list),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_widget_grab_focus (list);
}

void
fd_customer_picker_clear_error (FdCustomerPicker *self)
{
  g_return_if_fail (FD_IS_CUSTOMER_PICKER (self));

  gtk_widget_remove_css_class (GTK_WIDGET (self->results_list), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->results_list), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_widget_set_visible (GTK_WIDGET (self->customer_error), FALSE);
}
