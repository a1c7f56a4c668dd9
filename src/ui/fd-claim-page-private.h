/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-claim-page.h"

G_BEGIN_DECLS

/* Shared by fd-claim-page.c and fd-claim-page-letter.c. */
void       _fd_claim_page_add_toast     (FdClaimPage *self,
                                         const char  *message);
GtkWindow *_fd_claim_page_get_window    (FdClaimPage *self);
FdStore   *_fd_claim_page_get_store     (FdClaimPage *self);

/* Letters, laid out by fd-print. */
void       _fd_claim_page_export_letter (FdClaimPage *self,
                                         gint64       claim_id,
                                         gint64       message_id);
void       _fd_claim_page_print_letter  (FdClaimPage *self,
                                         gint64       claim_id,
                                         gint64       message_id);

G_END_DECLS
