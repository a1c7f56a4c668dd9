/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "fd-store.h"

G_BEGIN_DECLS

#define FD_TYPE_REPLY_DIALOG (fd_reply_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FdReplyDialog, fd_reply_dialog, FD, REPLY_DIALOG, AdwWindow)

/* A letter, e-mail or call note for @claim's thread, written from a template in the
 * customer's language or typed. Emits "sent" (FdClaimMessage) once it is stored. */
GtkWidget      *fd_reply_dialog_new            (GtkWindow     *parent,
                                                FdStore       *store,
                                                FdClaim       *claim);
/* Adds a file to send with the message (what the file chooser does). */
void            fd_reply_dialog_add_attachment (FdReplyDialog *self,
                                                const char    *path);
FdClaimMessage *fd_reply_dialog_get_message    (FdReplyDialog *self);
/* Something was typed or attached that closing would lose. */
gboolean        fd_reply_dialog_get_modified   (FdReplyDialog *self);

G_END_DECLS
