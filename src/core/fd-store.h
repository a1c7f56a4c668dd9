/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fd-customer.h"
#include "fd-history-entry.h"

G_BEGIN_DECLS

#define FD_TYPE_STORE (fd_store_get_type ())

G_DECLARE_FINAL_TYPE (FdStore, fd_store, FD, STORE, GObject)

/* The default database: $FRONTDESK_DB, else <user data dir>/frontdesk/frontdesk.db. */
char        *fd_store_default_path          (void);

/* Opens (creating and migrating as needed) the database at @path. A file that is not a
 * Frontdesk database, is corrupt or comes from a newer version is refused, untouched. */
FdStore     *fd_store_open                  (const char   *path,
                                             GError      **error);
const char  *fd_store_get_path              (FdStore      *self);

/* Customers. Drafts are validated with fd_customer_validate(); saved snapshots returned. */
FdCustomer  *fd_store_add_customer          (FdStore      *self,
                                             FdCustomer   *draft,
                                             GError      **error);
FdCustomer  *fd_store_update_customer       (FdStore      *self,
                                             FdCustomer   *draft,
                                             GError      **error);
FdCustomer  *fd_store_get_customer          (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
gboolean     fd_store_archive_customer      (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
gboolean     fd_store_restore_customer      (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
/* Active (not archived) customers, from a counter kept by triggers: O(1). */
guint        fd_store_count_customers       (FdStore      *self);

/* Search: word prefixes of the name in any order, an e-mail prefix, or phone digits.
 * Exact word matches first, then prefix matches, each in name order. Element type FdCustomer. */
GPtrArray   *fd_store_search_customers      (FdStore      *self,
                                             const char   *query,
                                             guint         limit,
                                             GError      **error);
/* Likely existing records for a customer being typed: same folded name, e-mail or phone. */
GPtrArray   *fd_store_find_duplicates       (FdStore      *self,
                                             FdCustomer   *draft,
                                             guint         limit,
                                             GError      **error);
/* Newest first. Element type FdHistoryEntry. */
GPtrArray   *fd_store_list_history          (FdStore      *self,
                                             gint64        customer_id,
                                             guint         limit,
                                             GError      **error);

/* Reads the database file once in the background so first queries are warm. */
void         fd_store_prewarm_async         (FdStore      *self);

G_END_DECLS
