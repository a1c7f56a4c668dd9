/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-followup-list-model"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-followup-list-model.h"
#include "fd-paged-list.h"

struct _FdFollowupListModel
{
  GObject            parent_instance;

  FdPagedList        list;        /* FdFollowup */
  FdFollowupSection  section;
  gint64             assignee_id;
  gboolean           with_unassigned;
  GHashTable        *names;       /* customer id → display name */
  GHashTable        *references;  /* claim id → reference */
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
fetch (gpointer   owner,
       gpointer   after,
       guint      limit,
       GError   **error)
{
  FdFollowupListModel *self = owner;
  FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;

  filter.section = self->section;
  filter.assignee_id = self->assignee_id;
  filter.with_unassigned = self->with_unassigned && self->assignee_id > 0;

  return fd_store_list_followups (self->list.store, &filter, after, limit, error);
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
remember_names (gpointer   owner,
                GPtrArray *followups)
{
  FdFollowupListModel *self = owner;

  for (guint i = 0; i < followups->len; i++)
    {
      FdFollowup *followup = g_ptr_array_index (followups, i);
      gint64 customer_id = fd_followup_get_customer_id (followup);
      gint64 claim_id = fd_followup_get_claim_id (followup);

      if (customer_id > 0 && !g_hash_table_contains (self->names, &customer_id))
        {
          g_autoptr(FdCustomer) customer = fd_store_get_customer (self->list.store, customer_id, NULL);

          g_hash_table_insert (self->names, new_key (customer_id),
                               customer != NULL ? fd_customer_dup_display_name (customer) : NULL);
        }

      if (claim_id > 0 && !g_hash_table_contains (self->references, &claim_id))
        {
          g_autoptr(FdClaim) claim = fd_store_get_claim (self->list.store, claim_id, NULL);

          g_hash_table_insert (self->references, new_key (claim_id),
                               claim != NULL ? g_strdup (fd_claim_get_reference (claim)) : NULL);
        }
    }
}

static void
forget_names (gpointer owner)
{
  FdFollowupListModel *self = owner;

  g_hash_table_remove_all (self->names);
  g_hash_table_remove_all (self->references);
}

static const FdPagedListFuncs paged_list_funcs = {
  .fetch = fetch,
  .forget = forget_names,
  .remember = remember_names,
};

static void
on_store_followups_changed_cb (FdFollowupListModel *self)
{
  fd_paged_list_queue_reload (&self->list);
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
  return FD_FOLLOWUP_LIST_MODEL (model)->list.items->len;
}

static gpointer
fd_followup_list_model_get_item (GListModel *model,
                                 guint       position)
{
  return fd_paged_list_get_item (&FD_FOLLOWUP_LIST_MODEL (model)->list, position);
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

  if (self->list.store == NULL)
    return;

  /* Follow-ups change here and in other processes (once watched); claims and customers
   * rename what the rows show. */
  g_signal_connect_object (self->list.store, "followups-changed",
                           G_CALLBACK (on_store_followups_changed_cb), self, G_CONNECT_SWAPPED);

  fd_paged_list_reset (&self->list, FD_FOLLOWUP_LIST_MODEL_PAGE_SIZE);
}

static void
fd_followup_list_model_dispose (GObject *object)
{
  FdFollowupListModel *self = (FdFollowupListModel *)object;

  fd_paged_list_dispose (&self->list);

  G_OBJECT_CLASS (fd_followup_list_model_parent_class)->dispose (object);
}

static void
fd_followup_list_model_finalize (GObject *object)
{
  FdFollowupListModel *self = (FdFollowupListModel *)object;

  fd_paged_list_finalize (&self->list);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->references, g_hash_table_unref);

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
      g_value_set_object (value, self->list.store);
      break;

    case PROP_SECTION:
      g_value_set_int (value, self->section);
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
fd_followup_list_model_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  FdFollowupListModel *self = FD_FOLLOWUP_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->list.store = g_value_dup_object (value);
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
  fd_paged_list_init (&self->list, self, &paged_list_funcs, G_LOG_DOMAIN, "follow-ups",
                      FD_FOLLOWUP_LIST_MODEL_PAGE_SIZE,
                      properties[PROP_HAS_MORE], properties[PROP_ERROR], properties[PROP_N_ITEMS]);
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

  return self->list.store;
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
  fd_paged_list_reset (&self->list, FD_FOLLOWUP_LIST_MODEL_PAGE_SIZE);
}

gboolean
fd_followup_list_model_get_has_more (FdFollowupListModel *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self), FALSE);

  return self->list.has_more;
}

const char *
fd_followup_list_model_get_error (FdFollowupListModel *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self), NULL);

  return self->list.error;
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

  fd_paged_list_load_more (&self->list);
}

void
fd_followup_list_model_reload (FdFollowupListModel *self)
{
  g_return_if_fail (FD_IS_FOLLOWUP_LIST_MODEL (self));

  fd_paged_list_reload (&self->list);
}
