/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-customer-list"

#include "config.h"

#include "fd-customer-list.h"
#include "fd-store-private.h"

/* Rows per page, and pages kept: scrolling the whole list never holds more than
 * PAGE_SIZE × MAX_PAGES customers. */
#define PAGE_SIZE        100
#define MAX_PAGES        40
#define SEARCH_PAGE      50
/* Fetch the next search page when the view comes this close to the end. */
#define SEARCH_LOOKAHEAD 20
/* Index entries one page of search may examine: a few milliseconds. A page that runs out
 * of budget comes back short, and the rest follows from an idle callback. */
#define SEARCH_BUDGET    20000

struct _FdCustomerList
{
  GObject           parent_instance;

  FdStore          *store;
  char             *query;
  guint             n_items;

  /* Browsing: Page by number, least recently used first in lru. */
  GHashTable       *pages;
  GQueue            lru;
  GArray           *positions;       /* FdCustomerKey of every PAGE_SIZE-th row, or NULL */
  GCancellable     *positions_cancellable;
  gboolean          gave_placeholders;

  /* Searching: results so far, grown a page at a time. */
  FdCustomerSearch *search;
  GPtrArray        *results;
  guint             more_source;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_QUERY,
  PROP_N_ITEMS,
  PROP_READY,
  PROP_COMPLETE,
  N_PROPS
};

typedef struct
{
  GPtrArray     *rows;
  FdCustomerKey  last;   /* where the next page starts */
} Page;

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->rows);
  _fd_customer_key_clear (&page->last);
  g_free (page);
}

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdCustomerList, fd_customer_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static void build_positions (FdCustomerList *self);

static gboolean
is_searching (FdCustomerList *self)
{
  return self->search != NULL;
}

static void
drop_pages (FdCustomerList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
  self->gave_placeholders = FALSE;
}

static void
cache_page (FdCustomerList *self,
            guint           page,
            Page           *rows)
{
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_tail (&self->lru, GUINT_TO_POINTER (page));

  while (self->lru.length > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_head (&self->lru));
}

static Page *
lookup_page (FdCustomerList *self,
             guint           page)
{
  Page *rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));

  if (rows != NULL)
    {
      /* Keep the LRU honest; the queue is short (MAX_PAGES). */
      g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
      g_queue_push_tail (&self->lru, GUINT_TO_POINTER (page));
    }
  return rows;
}

/* Loads one page by a keyset seek: from the position index, or just after the previous
 * page when that one is cached. Returns NULL when neither is known yet. */
static Page *
load_page (FdCustomerList *self,
           guint           page)
{
  g_autoptr(GError) error = NULL;
  const FdCustomerKey *from = NULL;
  gboolean inclusive = TRUE;
  Page *previous;
  Page *loaded;

  if (page == 0)
    from = NULL;
  else if (self->positions && page < self->positions->len)
    from = &g_array_index (self->positions, FdCustomerKey, page);
  else if ((previous = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page - 1))) &&
           previous->rows->len == PAGE_SIZE)
    {
      from = &previous->last;
      inclusive = FALSE;
    }
  else
    return NULL;

  loaded = g_new0 (Page, 1);
  loaded->rows = _fd_store_customer_page (self->store, from, inclusive, PAGE_SIZE, &loaded->last, &error);
  if (loaded->rows == NULL)
    {
      g_warning ("Cannot read customers: %s", error->message);
      g_free (loaded);
      return NULL;
    }
  return loaded;
}

static GType
fd_customer_list_get_item_type (GListModel *model)
{
  return FD_TYPE_CUSTOMER;
}

static guint
fd_customer_list_get_n_items (GListModel *model)
{
  return FD_CUSTOMER_LIST (model)->n_items;
}

static void keep_filling (FdCustomerList *self);

static gboolean
load_more_cb (gpointer user_data)
{
  FdCustomerList *self = user_data;
  g_autoptr(GPtrArray) more = NULL;
  g_autoptr(GError) error = NULL;
  guint old = self->n_items;

  self->more_source = 0;
  if (!(more = _fd_customer_search_next (self->search, SEARCH_PAGE, SEARCH_BUDGET, &error)))
    {
      g_warning ("Cannot search customers: %s", error->message);
      return G_SOURCE_REMOVE;
    }

  g_ptr_array_extend_and_steal (self->results, g_steal_pointer (&more));
  self->n_items = self->results->len;
  if (self->n_items != old)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old, 0, self->n_items - old);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
  keep_filling (self);
  if (!_fd_customer_search_has_more (self->search))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
  return G_SOURCE_REMOVE;
}

/* A page that ran out of its scan budget came back short: fetch on until the view has a
 * screenful, one budgeted step per idle callback so typing stays fluid. */
static void
keep_filling (FdCustomerList *self)
{
  if (self->results->len < SEARCH_PAGE &&
      _fd_customer_search_has_more (self->search) &&
      self->more_source == 0)
    self->more_source = g_idle_add (load_more_cb, self);
}

static gpointer
get_search_item (FdCustomerList *self,
                 guint           position)
{
  if (position + SEARCH_LOOKAHEAD >= self->results->len &&
      _fd_customer_search_has_more (self->search) &&
      self->more_source == 0)
    self->more_source = g_idle_add (load_more_cb, self);

  if (position >= self->results->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->results, position));
}

static gpointer
fd_customer_list_get_item (GListModel *model,
                           guint       position)
{
  FdCustomerList *self = FD_CUSTOMER_LIST (model);
  guint page = position / PAGE_SIZE;
  Page *rows;

  if (is_searching (self))
    return get_search_item (self, position);

  if (position >= self->n_items)
    return NULL;

  if (!(rows = lookup_page (self, page)))
    {
      if ((rows = load_page (self, page)))
        cache_page (self, page, rows);
    }

  if (rows == NULL || position % PAGE_SIZE >= rows->rows->len)
    {
      /* Far from anything loaded before the position index is ready: an empty row now,
       * the real one when the index arrives (items-changed then). */
      self->gave_placeholders = TRUE;
      return fd_customer_new ();
    }

  return g_object_ref (g_ptr_array_index (rows->rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fd_customer_list_get_item_type;
  iface->get_n_items = fd_customer_list_get_n_items;
  iface->get_item = fd_customer_list_get_item;
}

static void
positions_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(FdCustomerList) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *positions;

  if (!(positions = _fd_store_build_positions_finish (FD_STORE (object), result, &error)))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("Cannot index customer positions: %s", error->message);
      return;
    }

  g_clear_object (&self->positions_cancellable);
  g_clear_pointer (&self->positions, g_array_unref);
  self->positions = positions;

  if (self->gave_placeholders && !is_searching (self))
    {
      drop_pages (self);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, self->n_items, self->n_items);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_READY]);
}

/* Stale positions stay in use meanwhile: a key is still a valid place to seek from. */
static void
build_positions (FdCustomerList *self)
{
  g_cancellable_cancel (self->positions_cancellable);
  g_clear_object (&self->positions_cancellable);
  self->positions_cancellable = g_cancellable_new ();

  _fd_store_build_positions_async (self->store, PAGE_SIZE, self->positions_cancellable,
                                   positions_cb, g_object_ref (self));
}

/* Starts over after the query or the data changed: one items-changed for everything. */
static void
reload (FdCustomerList *self)
{
  guint old = self->n_items;

  drop_pages (self);
  g_clear_handle_id (&self->more_source, g_source_remove);
  g_clear_pointer (&self->search, _fd_customer_search_free);
  g_clear_pointer (&self->results, g_ptr_array_unref);

  if (self->query != NULL)
    {
      g_autoptr(GError) error = NULL;

      self->search = _fd_customer_search_new (self->store, self->query);
      self->results = _fd_customer_search_next (self->search, SEARCH_PAGE, SEARCH_BUDGET, &error);
      if (self->results == NULL)
        {
          g_warning ("Cannot search customers: %s", error->message);
          self->results = g_ptr_array_new_with_free_func (g_object_unref);
        }
      self->n_items = self->results->len;
      keep_filling (self);
    }
  else
    self->n_items = fd_store_count_customers (self->store);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, old, self->n_items);
  if (old != self->n_items)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
on_store_customers_changed_cb (FdCustomerList *self,
                               FdStore        *store)
{
  reload (self);
  build_positions (self);
}

static void
fd_customer_list_dispose (GObject *object)
{
  FdCustomerList *self = FD_CUSTOMER_LIST (object);

  g_cancellable_cancel (self->positions_cancellable);
  g_clear_object (&self->positions_cancellable);
  g_clear_handle_id (&self->more_source, g_source_remove);
  g_clear_pointer (&self->search, _fd_customer_search_free);
  g_clear_pointer (&self->results, g_ptr_array_unref);
  if (self->pages)
    drop_pages (self);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_customer_list_parent_class)->dispose (object);
}

static void
fd_customer_list_finalize (GObject *object)
{
  FdCustomerList *self = FD_CUSTOMER_LIST (object);

  g_clear_pointer (&self->pages, g_hash_table_unref);
  g_clear_pointer (&self->positions, g_array_unref);
  g_free (self->query);

  G_OBJECT_CLASS (fd_customer_list_parent_class)->finalize (object);
}

static void
fd_customer_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdCustomerList *self = FD_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:   g_value_set_object (value, self->store); break;
    case PROP_QUERY:   g_value_set_string (value, self->query); break;
    case PROP_N_ITEMS: g_value_set_uint (value, self->n_items); break;
    case PROP_READY:   g_value_set_boolean (value, fd_customer_list_get_ready (self)); break;
    case PROP_COMPLETE: g_value_set_boolean (value, fd_customer_list_get_complete (self)); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_list_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  FdCustomerList *self = FD_CUSTOMER_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE: self->store = g_value_dup_object (value); break;
    case PROP_QUERY: fd_customer_list_set_query (self, g_value_get_string (value)); break;
    default:         G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_list_constructed (GObject *object)
{
  FdCustomerList *self = FD_CUSTOMER_LIST (object);

  G_OBJECT_CLASS (fd_customer_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "customers-changed",
                           G_CALLBACK (on_store_customers_changed_cb), self, G_CONNECT_SWAPPED);
  self->n_items = fd_store_count_customers (self->store);
  build_positions (self);
}

static void
fd_customer_list_class_init (FdCustomerListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fd_customer_list_constructed;
  object_class->dispose = fd_customer_list_dispose;
  object_class->finalize = fd_customer_list_finalize;
  object_class->get_property = fd_customer_list_get_property;
  object_class->set_property = fd_customer_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_QUERY] =
    g_param_spec_string ("query", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_READY] =
    g_param_spec_boolean ("ready", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, TRUE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_customer_list_init (FdCustomerList *self)
{
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) page_free);
  g_queue_init (&self->lru);
}

FdCustomerList *
fd_customer_list_new (FdStore *store)
{
  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  return g_object_new (FD_TYPE_CUSTOMER_LIST, "store", store, NULL);
}

FdStore *
fd_customer_list_get_store (FdCustomerList *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_LIST (self), NULL);
  return self->store;
}

const char *
fd_customer_list_get_query (FdCustomerList *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_LIST (self), NULL);
  return self->query;
}

/**
 * fd_customer_list_set_query:
 * @query: (nullable): search text; %NULL or blank lists everyone in name order
 */
void
fd_customer_list_set_query (FdCustomerList *self,
                            const char     *query)
{
  g_autofree char *clean = NULL;

  g_return_if_fail (FD_IS_CUSTOMER_LIST (self));

  clean = g_strstrip (g_strdup (query ? query : ""));
  if (*clean == '\0')
    g_clear_pointer (&clean, g_free);

  if (g_strcmp0 (clean, self->query) == 0)
    return;

  g_free (self->query);
  self->query = g_steal_pointer (&clean);
  reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_QUERY]);
}

/**
 * fd_customer_list_get_ready:
 *
 * Returns: whether any position can be shown at once (the position index is built)
 */
gboolean
fd_customer_list_get_ready (FdCustomerList *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_LIST (self), FALSE);
  return self->positions != NULL;
}

/**
 * fd_customer_list_get_complete:
 *
 * Returns: whether every item is counted: always when browsing; for a search, once its
 *   last page has been fetched (before that, n-items is what was found so far)
 */
gboolean
fd_customer_list_get_complete (FdCustomerList *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_LIST (self), TRUE);
  return self->search == NULL || !_fd_customer_search_has_more (self->search);
}
