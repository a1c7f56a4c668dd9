/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-claim-list-model"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-claim-list-model.h"
#include "fd-paged-list.h"

struct _FdClaimListModel
{
  GObject        parent_instance;

  FdPagedList    list;       /* FdClaim */
  FdClaimFilter  filter;
  char          *category;   /* owns filter.category */
  char          *query;
  GHashTable    *names;      /* customer id → display name */
  GHashTable    *categories; /* category code → the branch's label */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_HAS_MORE,
  PROP_ERROR,
  PROP_N_ITEMS,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdClaimListModel, fd_claim_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static gboolean
is_searching (FdClaimListModel *self)
{
  return self->query != NULL && *self->query != '\0';
}

static GPtrArray *
fetch (gpointer   owner,
       gpointer   after,
       guint      limit,
       GError   **error)
{
  FdClaimListModel *self = owner;

  if (is_searching (self))
    return fd_store_search_claims (self->list.store, self->query,
                                   after != NULL ? fd_claim_get_id (after) : 0,
                                   limit, error);

  return fd_store_list_claims_page (self->list.store, &self->filter, after, limit, error);
}

/* Rows never query: the names their claims show are read here, once per customer. */
static void
remember_names (gpointer   owner,
                GPtrArray *claims)
{
  FdClaimListModel *self = owner;

  for (guint i = 0; i < claims->len; i++)
    {
      gint64 customer_id = fd_claim_get_customer_id (g_ptr_array_index (claims, i));
      g_autoptr(FdCustomer) customer = NULL;
      gint64 *key;

      if (customer_id <= 0 || g_hash_table_contains (self->names, &customer_id))
        continue;

      customer = fd_store_get_customer (self->list.store, customer_id, NULL);
      key = g_new (gint64, 1);
      *key = customer_id;
      g_hash_table_insert (self->names, key,
                           customer != NULL ? fd_customer_dup_display_name (customer) : NULL);
    }
}

/* Categories are few and editable: their labels are read again with every reload. */
static void
remember_categories (gpointer owner)
{
  FdClaimListModel *self = owner;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) labels = NULL;
  g_autoptr(GError) error = NULL;

  g_hash_table_remove_all (self->categories);

  if (!fd_store_list_claim_categories (self->list.store, &codes, &labels, &error))
    {
      g_warning ("Could not read the claim categories: %s", error->message);
      return;
    }

  for (guint i = 0; codes[i] != NULL; i++)
    g_hash_table_insert (self->categories, g_strdup (codes[i]), g_strdup (labels[i]));
}

static void
forget_names (gpointer owner)
{
  FdClaimListModel *self = owner;

  g_hash_table_remove_all (self->names);
}

static const FdPagedListFuncs paged_list_funcs = {
  .fetch = fetch,
  .prepare = remember_categories,
  .forget = forget_names,
  .remember = remember_names,
};

static void
on_store_claims_changed_cb (FdClaimListModel *self)
{
  fd_paged_list_queue_reload (&self->list);
}

/* GListModel */

static GType
fd_claim_list_model_get_item_type (GListModel *model)
{
  return FD_TYPE_CLAIM;
}

static guint
fd_claim_list_model_get_n_items (GListModel *model)
{
  return FD_CLAIM_LIST_MODEL (model)->list.items->len;
}

static gpointer
fd_claim_list_model_get_item (GListModel *model,
                              guint       position)
{
  return fd_paged_list_get_item (&FD_CLAIM_LIST_MODEL (model)->list, position);
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fd_claim_list_model_get_item_type;
  iface->get_n_items = fd_claim_list_model_get_n_items;
  iface->get_item = fd_claim_list_model_get_item;
}

/* GObject */

static void
fd_claim_list_model_constructed (GObject *object)
{
  FdClaimListModel *self = (FdClaimListModel *)object;

  G_OBJECT_CLASS (fd_claim_list_model_parent_class)->constructed (object);

  if (self->list.store == NULL)
    return;

  /* Claims and their correspondence change here and in other processes (once watched). */
  if (g_signal_lookup ("claims-changed", FD_TYPE_STORE) != 0)
    g_signal_connect_object (self->list.store, "claims-changed",
                             G_CALLBACK (on_store_claims_changed_cb), self, G_CONNECT_SWAPPED);

  fd_paged_list_reset (&self->list, FD_CLAIM_LIST_MODEL_PAGE_SIZE);
}

static void
fd_claim_list_model_dispose (GObject *object)
{
  FdClaimListModel *self = (FdClaimListModel *)object;

  fd_paged_list_dispose (&self->list);

  G_OBJECT_CLASS (fd_claim_list_model_parent_class)->dispose (object);
}

static void
fd_claim_list_model_finalize (GObject *object)
{
  FdClaimListModel *self = (FdClaimListModel *)object;

  fd_paged_list_finalize (&self->list);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->categories, g_hash_table_unref);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->query, g_free);

  G_OBJECT_CLASS (fd_claim_list_model_parent_class)->finalize (object);
}

static void
fd_claim_list_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FdClaimListModel *self = FD_CLAIM_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->list.store);
      break;

    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->list.has_more);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->list.error);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->list.items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_claim_list_model_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FdClaimListModel *self = FD_CLAIM_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->list.store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_claim_list_model_class_init (FdClaimListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fd_claim_list_model_constructed;
  object_class->dispose = fd_claim_list_model_dispose;
  object_class->finalize = fd_claim_list_model_finalize;
  object_class->get_property = fd_claim_list_model_get_property;
  object_class->set_property = fd_claim_list_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_HAS_MORE] =
    g_param_spec_boolean ("has-more", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_ERROR] =
    g_param_spec_string ("error", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL,
                       0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_claim_list_model_init (FdClaimListModel *self)
{
  FdClaimFilter any = FD_CLAIM_FILTER_INIT;

  self->filter = any;
  fd_paged_list_init (&self->list, self, &paged_list_funcs, G_LOG_DOMAIN, "claims",
                      FD_CLAIM_LIST_MODEL_PAGE_SIZE,
                      properties[PROP_HAS_MORE], properties[PROP_ERROR], properties[PROP_N_ITEMS]);
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->categories = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

FdClaimListModel *
fd_claim_list_model_new (FdStore *store)
{
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  return g_object_new (FD_TYPE_CLAIM_LIST_MODEL,
                       "store", store,
                       NULL);
}

FdStore *
fd_claim_list_model_get_store (FdClaimListModel *self)
{
  g_return_val_if_fail (FD_IS_CLAIM_LIST_MODEL (self), NULL);

  return self->list.store;
}

/* The filter's category stays owned by the model. */
void
fd_claim_list_model_get_filter (FdClaimListModel *self,
                                FdClaimFilter    *filter)
{
  g_return_if_fail (FD_IS_CLAIM_LIST_MODEL (self));
  g_return_if_fail (filter != NULL);

  *filter = self->filter;
}

void
fd_claim_list_model_set_filter (FdClaimListModel    *self,
                                const FdClaimFilter *filter)
{
  FdClaimFilter any = FD_CLAIM_FILTER_INIT;

  g_return_if_fail (FD_IS_CLAIM_LIST_MODEL (self));

  if (filter == NULL)
    filter = &any;

  if (filter->status == self->filter.status &&
      filter->kind == self->filter.kind &&
      g_strcmp0 (filter->category, self->category) == 0 &&
      filter->assignee_id == self->filter.assignee_id &&
      filter->branch_id == self->filter.branch_id &&
      !!filter->overdue == !!self->filter.overdue)
    return;

  if (filter->category != self->category)
    {
      g_free (self->category);
      self->category = g_strdup (filter->category);
    }
  self->filter = *filter;
  self->filter.category = self->category;

  fd_paged_list_reset (&self->list, FD_CLAIM_LIST_MODEL_PAGE_SIZE);
}

const char *
fd_claim_list_model_get_query (FdClaimListModel *self)
{
  g_return_val_if_fail (FD_IS_CLAIM_LIST_MODEL (self), NULL);

  return self->query;
}

/* A non-empty @query searches claims and their correspondence; the filter applies to the
 * list without a query. */
void
fd_claim_list_model_set_query (FdClaimListModel *self,
                               const char       *query)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (FD_IS_CLAIM_LIST_MODEL (self));

  stripped = g_strstrip (g_strdup (query != NULL ? query : ""));

  if (g_strcmp0 (self->query != NULL ? self->query : "", stripped) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&stripped);

  fd_paged_list_reset (&self->list, FD_CLAIM_LIST_MODEL_PAGE_SIZE);
}

gboolean
fd_claim_list_model_get_has_more (FdClaimListModel *self)
{
  g_return_val_if_fail (FD_IS_CLAIM_LIST_MODEL (self), FALSE);

  return self->list.has_more;
}

const char *
fd_claim_list_model_get_error (FdClaimListModel *self)
{
  g_return_val_if_fail (FD_IS_CLAIM_LIST_MODEL (self), NULL);

  return self->list.error;
}

const char *
fd_claim_list_model_get_customer_name (FdClaimListModel *self,
                                       gint64            customer_id)
{
  g_return_val_if_fail (FD_IS_CLAIM_LIST_MODEL (self), NULL);

  return g_hash_table_lookup (self->names, &customer_id);
}

/* Reads the next page soon, from an idle. GtkListView asks get_item() for up to 200 rows it
 * may never show, so asking is no sign of scrolling. */
void
fd_claim_list_model_load_more (FdClaimListModel *self)
{
  g_return_if_fail (FD_IS_CLAIM_LIST_MODEL (self));

  fd_paged_list_load_more (&self->list);
}

/* A category's label as the branch names it, read with the rows. */
const char *
fd_claim_list_model_get_category_label (FdClaimListModel *self,
                                        const char       *code)
{
  g_return_val_if_fail (FD_IS_CLAIM_LIST_MODEL (self), NULL);

  return code != NULL ? g_hash_table_lookup (self->categories, code) : NULL;
}

void
fd_claim_list_model_reload (FdClaimListModel *self)
{
  g_return_if_fail (FD_IS_CLAIM_LIST_MODEL (self));

  fd_paged_list_reload (&self->list);
}
