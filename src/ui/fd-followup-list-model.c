/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-followup-list-model"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-followup-list-model.h"

struct _FdFollowupListModel
{
  GObject            parent_instance;

  FdStore           *store;
  FdFollowupSection  section;
  gint64             assignee_id;
  gboolean           with_unassigned;
  GPtrArray         *items;       /* FdFollowup, in list order */
  GHashTable        *names;       /* customer id → display name */
  GHashTable        *references;  /* claim id → reference */
  char              *error;
  guint              load_source;
  guint              reload_source;

  guint              has_more : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_SECTION,
  PROP_HAS_MORE,
  PROP_ERROR,
  PROP_N_ITEMS,
  N_PROPS
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (FdFollowupListModel, fd_followup_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static GParamSpec *properties[N_PROPS];

static GPtrArray *
fetch (FdFollowupListModel  *self,
       FdFollowup           *after,
       guint                 limit,
       GError              **error)
{
  FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;

  filter.section = self->section;
  filter.assignee_id = self->assignee_id;
  filter.with_unassigned = self->with_unassigned && self->assignee_id > 0;

  return fd_store_list_followups (self->store, &filter, after, limit, error);
}

static void
set_has_more (FdFollowupListModel *self,
              gboolean             has_more)
{
  if (self->has_more == !!has_more)
    return;

  self->has_more = !!has_more;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_MORE]);
}

static void
set_error (FdFollowupListModel *self,
           const GError        *error)
{
  const char *message = error != NULL ? error->message : NULL;

  if (g_strcmp0 (self->error, message) == 0)
    return;

  if (error != NULL)
    g_warning ("Could not read follow-ups: %s", error->message);

  g_free (self->error);
  self->error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static gint64 *
new_key (gint64 id)
{
  gint64 *key = g_new (gint64, 1);

  *key = id;
  return key;
}

/* Rows never query: the customers' names and the claims' references are read here, once each. */
static void
remember_names (FdFollowupListModel *self,
                GPtrArray           *followups)
{
  for (guint i = 0; i < followups->len; i++)
    {
      FdFollowup *followup = g_ptr_array_index (followups, i);
      gint64 customer_id = fd_followup_get_customer_id (followup);
      gint64 claim_id = fd_followup_get_claim_id (followup);

      if (customer_id > 0 && !g_hash_table_contains (self->names, &customer_id))
        {
          g_autoptr(FdCustomer) customer = fd_store_get_customer (self->store, customer_id, NULL);

          g_hash_table_insert (self->names, new_key (customer_id),
                               customer != NULL ? fd_customer_dup_display_name (customer) : NULL);
        }

      if (claim_id > 0 && !g_hash_table_contains (self->references, &claim_id))
        {
          g_autoptr(FdClaim) claim = fd_store_get_claim (self->store, claim_id, NULL);

          g_hash_table_insert (self->references, new_key (claim_id),
                               claim != NULL ? g_strdup (fd_claim_get_reference (claim)) : NULL);
        }
    }
}

/* Replaces every row by the first @limit matching ones, in one items-changed. */
static void
reload_rows (FdFollowupListModel *self,
             guint                limit)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  guint old_len = self->items->len;

  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);

  if (self->store != NULL)
    page = fetch (self, NULL, limit, &error);

  g_hash_table_remove_all (self->names);
  g_hash_table_remove_all (self->references);
  g_ptr_array_set_size (self->items, 0);
  set_error (self, error);

  if (page != NULL)
    {
      remember_names (self, page);
      g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&page));
    }

  set_has_more (self, error == NULL && self->items->len >= limit);

  if (old_len != 0 || self->items->len != 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, self->items->len);
      if (old_len != self->items->len)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

static gboolean
load_more_cb (gpointer user_data)
{
  FdFollowupListModel *self = user_data;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  FdFollowup *last;
  guint position = self->items->len;
  guint added;

  self->load_source = 0;

  if (!self->has_more || self->store == NULL)
    return G_SOURCE_REMOVE;

  last = position > 0 ? g_ptr_array_index (self->items, position - 1) : NULL;
  page = fetch (self, last, FD_FOLLOWUP_LIST_MODEL_PAGE_SIZE, &error);
  set_error (self, error);

  if (page == NULL)
    {
      set_has_more (self, FALSE);
      return G_SOURCE_REMOVE;
    }

  added = page->len;
  remember_names (self, page);
  g_ptr_array_extend_and_steal (self->items, g_steal_pointer (&page));
  set_has_more (self, added >= FD_FOLLOWUP_LIST_MODEL_PAGE_SIZE);

  if (added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), position, 0, added);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  return G_SOURCE_REMOVE;
}

static gboolean
reload_cb (gpointer user_data)
{
  FdFollowupListModel *self = user_data;

  self->reload_source = 0;
  fd_followup_list_model_reload (self);
  return G_SOURCE_REMOVE;
}

/* A burst of changes (a bulk import, another process's transaction) reloads once. */
static void
on_store_followups_changed_cb (FdFollowupListModel *self)
{
  if (self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

/* GListModel */

static GType
fd_followup_list_model_get_item_type (GListModel *model)
{
  return FD_TYPE_FOLLOWUP;
}

static guint
fd_followup_list_model_get_n_items (GListModel *model)
{
  return FD_FOLLOWUP_LIST_MODEL (model)->items->len;
}

static gpointer
fd_followup_list_model_get_item (GListModel *model,
                                 guint       position)
{
  FdFollowupListModel *self = FD_FOLLOWUP_LIST_MODEL (model);

  if (position >= self->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = fd_followup_list_model_get_item_type;
  iface->get_n_items = fd_followup_list_model_get_n_items;
  iface->get_item = fd_followup_list_model_get_item;
}

/* GObject */

static void
fd_followup_list_model_constructed (GObject *object)
{
  FdFollowupListModel *self = (FdFollowupListModel *)object;

  G_OBJECT_CLASS (fd_followup_list_model_parent_class)->constructed (object);

  if (self->store == NULL)
    return;

  /* Follow-ups change here and in other processes (once watched); claims and customers
   * rename what the rows show. */
  g_signal_connect_object (self->store, "followups-changed",
                           G_CALLBACK (on_store_followups_changed_cb), self, G_CONNECT_SWAPPED);

  reload_rows (self, FD_FOLLOWUP_LIST_MODEL_PAGE_SIZE);
}

static void
fd_followup_list_model_dispose (GObject *object)
{
  FdFollowupListModel *self = (FdFollowupListModel *)object;

  g_clear_handle_id (&self->load_source, g_source_remove);
  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_followup_list_model_parent_class)->dispose (object);
}

static void
fd_followup_list_model_finalize (GObject *object)
{
  FdFollowupListModel *self = (FdFollowupListModel *)object;

  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->references, g_hash_table_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (fd_followup_list_model_parent_class)->finalize (object);
}

static void
fd_followup_list_model_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  FdFollowupListModel *self = FD_FOLLOWUP_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SECTION:
      g_value_set_int (value, self->section);
      break;

    case PROP_HAS_MORE:
      g_value_set_boolean (value, self->has_more);
      break;

    case PROP_ERROR:
      g_value_set_string (value, self->error);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->items->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_followup_list_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  FdFollowupListModel *self = FD_FOLLOWUP_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SECTION:
      self->section = g_value_get_int (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_followup_list_model_class_init (FdFollowupListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = fd_followup_list_model_constructed;
  object_class->dispose = fd_followup_list_model_dispose;
  object_class->finalize = fd_followup_list_model_finalize;
  object_class->get_property = fd_followup_list_model_get_property;
  object_class->set_property = fd_followup_list_model_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_SECTION] =
    g_param_spec_int ("section", NULL, NULL,
                      FD_FOLLOWUPS_OVERDUE, FD_FOLLOWUPS_ALL, FD_FOLLOWUPS_PENDING,
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
fd_followup_list_model_init (FdFollowupListModel *self)
{
  self->section = FD_FOLLOWUPS_PENDING;
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->references = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

FdFollowupListModel *
fd_followup_list_model_new (FdStore           *store,
                            FdFollowupSection  section)
{
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  return g_object_new (FD_TYPE_FOLLOWUP_LIST_MODEL,
                       "store", store,
                       "section", section,
                       NULL);
}

FdStore *
fd_followup_list_model_get_store (FdFollowupListModel *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self), NULL);

  return self->store;
}

FdFollowupSection
fd_followup_list_model_get_section (FdFollowupListModel *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self), FD_FOLLOWUPS_PENDING);

  return self->section;
}

gint64
fd_followup_list_model_get_assignee_id (FdFollowupListModel *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self), 0);

  return self->assignee_id;
}

/* @assignee_id 0: everyone's, else that staff member's own. */
void
fd_followup_list_model_set_assignee_id (FdFollowupListModel *self,
                                        gint64               assignee_id)
{
  g_return_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self));

  fd_followup_list_model_set_assignee (self, assignee_id, FALSE);
}

gboolean
fd_followup_list_model_get_with_unassigned (FdFollowupListModel *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self), FALSE);

  return self->with_unassigned;
}

/* @assignee_id 0: everyone's; else that staff member's, and with @with_unassigned also
 * those for anyone at the branch ("mine"). One reload for both. */
void
fd_followup_list_model_set_assignee (FdFollowupListModel *self,
                                     gint64               assignee_id,
                                     gboolean             with_unassigned)
{
  g_return_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self));

  with_unassigned = !!with_unassigned;
  if (self->assignee_id == assignee_id && self->with_unassigned == with_unassigned)
    return;

  self->assignee_id = assignee_id;
  self->with_unassigned = with_unassigned;
  reload_rows (self, FD_FOLLOWUP_LIST_MODEL_PAGE_SIZE);
}

gboolean
fd_followup_list_model_get_has_more (FdFollowupListModel *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self), FALSE);

  return self->has_more;
}

const char *
fd_followup_list_model_get_error (FdFollowupListModel *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self), NULL);

  return self->error;
}

const char *
fd_followup_list_model_get_customer_name (FdFollowupListModel *self,
                                          gint64               customer_id)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self), NULL);

  return g_hash_table_lookup (self->names, &customer_id);
}

const char *
fd_followup_list_model_get_claim_reference (FdFollowupListModel *self,
                                            gint64               claim_id)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self), NULL);

  return g_hash_table_lookup (self->references, &claim_id);
}

/* Reads the next page soon, from an idle: the caller may be in the middle of a layout, and
 * never sees items-changed from inside its own call. */
void
fd_followup_list_model_load_more (FdFollowupListModel *self)
{
  g_return_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self));

  if (self->has_more && self->load_source == 0)
    self->load_source = g_idle_add (load_more_cb, self);
}

void
fd_followup_list_model_reload (FdFollowupListModel *self)
{
  guint limit;

  g_return_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self));

  /* As many rows as were shown, so the list keeps its place. */
  limit = MAX (FD_FOLLOWUP_LIST_MODEL_PAGE_SIZE, self->items->len);
  reload_rows (self, limit);
}
