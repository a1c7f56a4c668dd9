/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_BRANCH (fd_branch_get_type ())

G_DECLARE_FINAL_TYPE (FdBranch, fd_branch, FD, BRANCH, GObject)

/* A branch office: where customers are met face to face. Immutable snapshot; drafts are
 * made with fd_branch_new() and the setters, and saved through the store.
 * Opening hours: for each weekday 1 (Monday) … 7 (Sunday), minutes after midnight it opens
 * and closes, or -1/-1 when closed that day (one span a day). */
FdBranch   *fd_branch_new            (void);
gint64      fd_branch_get_id         (FdBranch   *self);
const char *fd_branch_get_name       (FdBranch   *self);
const char *fd_branch_get_country    (FdBranch   *self);   /* ISO 3166 alpha-2: NL, BE, RS, LV, … */
const char *fd_branch_get_address    (FdBranch   *self);
const char *fd_branch_get_phone      (FdBranch   *self);
const char *fd_branch_get_email      (FdBranch   *self);
gboolean    fd_branch_get_hours      (FdBranch   *self,
                                      int         weekday,
                                      int        *opens_min,
                                      int        *closes_min);
void        fd_branch_set_id         (FdBranch   *self, gint64 id);
void        fd_branch_set_name       (FdBranch   *self, const char *name);
void        fd_branch_set_country    (FdBranch   *self, const char *country);
void        fd_branch_set_address    (FdBranch   *self, const char *address);
void        fd_branch_set_phone      (FdBranch   *self, const char *phone);
void        fd_branch_set_email      (FdBranch   *self, const char *email);
void        fd_branch_set_hours      (FdBranch   *self,
                                      int         weekday,
                                      int         opens_min,
                                      int         closes_min);
gboolean    fd_branch_validate       (FdBranch   *self,
                                      GError    **error);
/* The address and weekly hours as text to hand to a customer, in the user's language. */
char       *fd_branch_dup_card_text  (FdBranch   *self);

G_END_DECLS
