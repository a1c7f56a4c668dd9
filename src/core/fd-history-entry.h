/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_HISTORY_ENTRY (fd_history_entry_get_type ())

G_DECLARE_FINAL_TYPE (FdHistoryEntry, fd_history_entry, FD, HISTORY_ENTRY, GObject)

/* One line of a customer's timeline. @kind is a stable code ("change" today;
 * "visit", "claim", … later); @title is translated, ready to show. */
FdHistoryEntry *fd_history_entry_new        (const char *kind,
                                             gint64      id,
                                             gint64      at,
                                             const char *title,
                                             const char *detail);
const char     *fd_history_entry_get_kind   (FdHistoryEntry *self);
gint64          fd_history_entry_get_id     (FdHistoryEntry *self);
gint64          fd_history_entry_get_at     (FdHistoryEntry *self);
const char     *fd_history_entry_get_title  (FdHistoryEntry *self);
const char     *fd_history_entry_get_detail (FdHistoryEntry *self);

/* A recorded change (claims' history): who made it, which field, stored values before and
 * after; NULL for other entries. */
void            fd_history_entry_set_change (FdHistoryEntry *self,
                                             const char     *actor,
                                             const char     *field,
                                             const char     *old_value,
                                             const char     *new_value);
const char     *fd_history_entry_get_actor  (FdHistoryEntry *self);
const char     *fd_history_entry_get_field  (FdHistoryEntry *self);
const char     *fd_history_entry_get_old_value (FdHistoryEntry *self);
const char     *fd_history_entry_get_new_value (FdHistoryEntry *self);

G_END_DECLS
