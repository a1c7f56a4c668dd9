/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fd-store.h"

G_BEGIN_DECLS

/* The rows, pages and reloads a paged list model keeps: the model embeds an FdPagedList and
 * implements GListModel over its items. Not a GObject: signals and notifications go out on
 * the owner. */

typedef struct
{
  /* The rows after @after (NULL: the first ones), at most @limit; NULL with @error set. */
  GPtrArray *(*fetch)    (gpointer   owner,
                          gpointer   after,
                          guint      limit,
                          GError   **error);
  /* Optional: a reload is about to fetch; re-read what is read once per reload. */
  void       (*prepare)  (gpointer   owner);
  /* The rows are dropped: forget what was read for them. */
  void       (*forget)   (gpointer   owner);
  /* Read what @page's rows show, so rows never query. */
  void       (*remember) (gpointer   owner,
                          GPtrArray *page);
} FdPagedListFuncs;

typedef struct
{
  GObject                *owner;           /* a GListModel, not owned */
  const FdPagedListFuncs *funcs;
  const char             *log_domain;
  const char             *what;            /* "claims", in the log */
  guint                   page_size;
  GParamSpec             *has_more_pspec;  /* the owner's */
  GParamSpec             *error_pspec;
  GParamSpec             *n_items_pspec;

  FdStore                *store;
  GPtrArray              *items;           /* in list order */
  char                   *error;
  guint                   load_source;
  guint                   reload_source;

  guint                   has_more : 1;
} FdPagedList;

void     fd_paged_list_init         (FdPagedList            *list,
                                     gpointer                owner,
                                     const FdPagedListFuncs *funcs,
                                     const char             *log_domain,
                                     const char             *what,
                                     guint                   page_size,
                                     GParamSpec             *has_more_pspec,
                                     GParamSpec             *error_pspec,
                                     GParamSpec             *n_items_pspec);
/* Stops pending work and drops the store; for the owner's dispose. */
void     fd_paged_list_dispose      (FdPagedList            *list);
/* Frees the rows; for the owner's finalize. */
void     fd_paged_list_finalize     (FdPagedList            *list);
gpointer fd_paged_list_get_item     (FdPagedList            *list,
                                     guint                   position);
/* Replaces every row by the first @limit matching ones, in one items-changed. */
void     fd_paged_list_reset        (FdPagedList            *list,
                                     guint                   limit);
/* Reads the rows shown so far again, at least a page. */
void     fd_paged_list_reload       (FdPagedList            *list);
/* Reloads from an idle, once for a burst of calls. */
void     fd_paged_list_queue_reload (FdPagedList            *list);
/* Appends the next page from an idle, when there is one. */
void     fd_paged_list_load_more    (FdPagedList            *list);

G_END_DECLS
