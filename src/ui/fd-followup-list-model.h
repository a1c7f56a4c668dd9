/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fd-store.h"

G_BEGIN_DECLS

/* Rows fetched per page: a screenful and some, never every follow-up. */
#define FD_FOLLOWUP_LIST_MODEL_PAGE_SIZE 50

#define FD_TYPE_FOLLOWUP_LIST_MODEL (fd_followup_list_model_get_type ())

G_DECLARE_FINAL_TYPE (FdFollowupListModel, fd_followup_list_model, FD, FOLLOWUP_LIST_MODEL, GObject)

FdFollowupListModel *fd_followup_list_model_new               (FdStore             *store,
                                                               FdFollowupSection    section);
FdStore             *fd_followup_list_model_get_store         (FdFollowupListModel *self);
FdFollowupSection    fd_followup_list_model_get_section       (FdFollowupListModel *self);
gint64               fd_followup_list_model_get_assignee_id   (FdFollowupListModel *self);
void                 fd_followup_list_model_set_assignee_id   (FdFollowupListModel *self,
                                                               gint64               assignee_id);
gboolean             fd_followup_list_model_get_with_unassigned (FdFollowupListModel *self);
void                 fd_followup_list_model_set_assignee      (FdFollowupListModel *self,
                                                               gint64               assignee_id,
                                                               gboolean             with_unassigned);
gboolean             fd_followup_list_model_get_has_more      (FdFollowupListModel *self);
const char          *fd_followup_list_model_get_error         (FdFollowupListModel *self);
/* Names read once per page, so rows never query. */
const char          *fd_followup_list_model_get_customer_name (FdFollowupListModel *self,
                                                               gint64               customer_id);
const char          *fd_followup_list_model_get_claim_reference (FdFollowupListModel *self,
                                                                 gint64               claim_id);
/* Appends the next page from an idle, when there is one. */
void                 fd_followup_list_model_load_more         (FdFollowupListModel *self);
/* Reads the rows shown so far again, as after a change in the store. */
void                 fd_followup_list_model_reload            (FdFollowupListModel *self);

G_END_DECLS
