/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-paged-list"

#include "config.h"

#include "fd-paged-list.h"

static void
set_has_more (FdPagedList *list,
              gboolean     has_more)
{
  if (list->has_more == !!has_more)
    return;

  list->has_more = !!has_more;
  g_object_notify_by_pspec (list->owner, list->has_more_pspec);
}

static void
set_error (FdPagedList  *list,
           const GError *error)
{
  const char *message = error != NULL ? error->message : NULL;

  if (g_strcmp0 (list->error, message) == 0)
    return;

  /* Logged as the owner. */
  if (error != NULL)
    g_log (list->log_domain, G_LOG_LEVEL_WARNING, "Could not read %s: %s", list->what, error->message);

  g_free (list->error);
  list->error = g_strdup (message);
  g_object_notify_by_pspec (list->owner, list->error_pspec);
}

static gboolean
load_more_cb (gpointer user_data)
{
  FdPagedList *list = user_data;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  gpointer last;
  guint position = list->items->len;
  guint added;

  list->load_source = 0;

  if (!list->has_more || list->store == NULL)
    return G_SOURCE_REMOVE;

  last = position > 0 ? g_ptr_array_index (list->items, position - 1) : NULL;
  page = list->funcs->fetch (list->owner, last, list->page_size, &error);
  set_error (list, error);

  if (page == NULL)
    {
      set_has_more (list, FALSE);
      return G_SOURCE_REMOVE;
    }

  added = page->len;
  list->funcs->remember (list->owner, page);
  g_ptr_array_extend_and_steal (list->items, g_steal_pointer (&page));
  set_has_more (list, added >= list->page_size);

  if (added > 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (list->owner), position, 0, added);
      g_object_notify_by_pspec (list->owner, list->n_items_pspec);
    }

  return G_SOURCE_REMOVE;
}

static gboolean
reload_cb (gpointer user_data)
{
  FdPagedList *list = user_data;

  list->reload_source = 0;
  fd_paged_list_reload (list);
  return G_SOURCE_REMOVE;
}

void
fd_paged_list_init (FdPagedList            *list,
                    gpointer                owner,
                    const FdPagedListFuncs *funcs,
                    const char             *log_domain,
                    const char             *what,
                    guint                   page_size,
                    GParamSpec             *has_more_pspec,
                    GParamSpec             *error_pspec,
                    GParamSpec             *n_items_pspec)
{
  g_assert (G_IS_LIST_MODEL (owner));
  g_assert (funcs != NULL && funcs->fetch != NULL && funcs->forget != NULL && funcs->remember != NULL);

  list->owner = owner;
  list->funcs = funcs;
  list->log_domain = log_domain;
  list->what = what;
  list->page_size = page_size;
  list->has_more_pspec = has_more_pspec;
  list->error_pspec = error_pspec;
  list->n_items_pspec = n_items_pspec;
  list->items = g_ptr_array_new_with_free_func (g_object_unref);
}

void
fd_paged_list_dispose (FdPagedList *list)
{
  g_clear_handle_id (&list->load_source, g_source_remove);
  g_clear_handle_id (&list->reload_source, g_source_remove);
  g_clear_object (&list->store);
}

void
fd_paged_list_finalize (FdPagedList *list)
{
  g_clear_pointer (&list->items, g_ptr_array_unref);
  g_clear_pointer (&list->error, g_free);
}

gpointer
fd_paged_list_get_item (FdPagedList *list,
                        guint        position)
{
  if (position >= list->items->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (list->items, position));
}

void
fd_paged_list_reset (FdPagedList *list,
                     guint        limit)
{
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  guint old_len = list->items->len;

  g_clear_handle_id (&list->load_source, g_source_remove);
  g_clear_handle_id (&list->reload_source, g_source_remove);

  if (list->store != NULL)
    {
      if (list->funcs->prepare != NULL)
        list->funcs->prepare (list->owner);
      page = list->funcs->fetch (list->owner, NULL, limit, &error);
    }

  list->funcs->forget (list->owner);
  g_ptr_array_set_size (list->items, 0);
  set_error (list, error);

  if (page != NULL)
    {
      list->funcs->remember (list->owner, page);
      g_ptr_array_extend_and_steal (list->items, g_steal_pointer (&page));
    }

  set_has_more (list, error == NULL && list->items->len >= limit);

  if (old_len != 0 || list->items->len != 0)
    {
      g_list_model_items_changed (G_LIST_MODEL (list->owner), 0, old_len, list->items->len);
      if (old_len != list->items->len)
        g_object_notify_by_pspec (list->owner, list->n_items_pspec);
    }
}

void
fd_paged_list_reload (FdPagedList *list)
{
  /* As many rows as were shown, so the list keeps its place. */
  fd_paged_list_reset (list, MAX (list->page_size, list->items->len));
}

/* A burst of changes (a bulk import, another process's transaction) reloads once. */
void
fd_paged_list_queue_reload (FdPagedList *list)
{
  if (list->reload_source == 0)
    list->reload_source = g_idle_add (reload_cb, list);
}

/* From an idle: the caller (a view scrolled near the end) may be in the middle of a layout,
 * and never sees items-changed from inside its own call. */
void
fd_paged_list_load_more (FdPagedList *list)
{
  if (list->has_more && list->load_source == 0)
    list->load_source = g_idle_add (load_more_cb, list);
}
