/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_HISTORY_ENTRY (fd_history_entry_get_type ())

/* The kinds of a customer's history, as flags for filters (fd_store_list_history_page()). */
typedef enum
{
  FD_HISTORY_VISITS         = 1 << 0,
  FD_HISTORY_CLAIMS         = 1 << 1,
  FD_HISTORY_CORRESPONDENCE = 1 << 2,
  FD_HISTORY_FOLLOW_UPS     = 1 << 3,
  FD_HISTORY_RENEWALS       = 1 << 4,
  FD_HISTORY_CHANGES        = 1 << 5,
} FdHistoryKinds;

#define FD_HISTORY_ALL_KINDS 0x3f

/* Stable codes ("visit", "claim", "correspondence", "follow_up", "renewal", "change") and
 * their translated plural labels ("Visits"), one flag at a time. */
const char     *fd_history_kind_to_code     (FdHistoryKinds kind);
gboolean        fd_history_kind_from_code   (const char     *code,
                                             FdHistoryKinds *kind);
const char     *fd_history_kind_to_label    (FdHistoryKinds kind);

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
