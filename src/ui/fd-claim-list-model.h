/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fd-store.h"

G_BEGIN_DECLS

/* Rows fetched per page: the first screenful and some, never every claim. */
#define FD_CLAIM_LIST_MODEL_PAGE_SIZE 50

#define FD_TYPE_CLAIM_LIST_MODEL (fd_claim_list_model_get_type ())

G_DECLARE_FINAL_TYPE (FdClaimListModel, fd_claim_list_model, FD, CLAIM_LIST_MODEL, GObject)

FdClaimListModel *fd_claim_list_model_new               (FdStore             *store);
FdStore          *fd_claim_list_model_get_store         (FdClaimListModel    *self);
void              fd_claim_list_model_get_filter        (FdClaimListModel    *self,
                                                         FdClaimFilter       *filter);
void              fd_claim_list_model_set_filter        (FdClaimListModel    *self,
                                                         const FdClaimFilter *filter);
const char       *fd_claim_list_model_get_query         (FdClaimListModel    *self);
void              fd_claim_list_model_set_query         (FdClaimListModel    *self,
                                                         const char          *query);
gboolean          fd_claim_list_model_get_has_more      (FdClaimListModel    *self);
const char       *fd_claim_list_model_get_error         (FdClaimListModel    *self);
/* The name of a customer of a loaded claim, looked up once when its page was read. */
const char       *fd_claim_list_model_get_customer_name (FdClaimListModel    *self,
                                                         gint64               customer_id);
const char       *fd_claim_list_model_get_category_label (FdClaimListModel *self,
                                                          const char       *code);
/* Appends the next page from an idle, when there is one. */
void              fd_claim_list_model_load_more         (FdClaimListModel    *self);
/* Reads the rows shown so far again, as after a change in the store. */
void              fd_claim_list_model_reload            (FdClaimListModel    *self);

G_END_DECLS
