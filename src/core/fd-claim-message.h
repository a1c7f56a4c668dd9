/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  FD_MESSAGE_IN,
  FD_MESSAGE_OUT,
} FdMessageDirection;

#define FD_TYPE_CLAIM_MESSAGE (fd_claim_message_get_type ())

G_DECLARE_FINAL_TYPE (FdClaimMessage, fd_claim_message, FD, CLAIM_MESSAGE, GObject)

/* One item of a claim's correspondence: a letter, an e-mail or a call note, in or out. */
const char        *fd_message_direction_to_code  (FdMessageDirection direction);   /* in, out */
gboolean           fd_message_direction_from_code (const char *code, FdMessageDirection *direction);
const char        *fd_message_direction_to_label (FdMessageDirection direction);
/* The claim and correspondence channels: in_person, phone, email, letter. */
const char * const *fd_claim_channels            (void);
const char        *fd_claim_channel_to_label     (const char *code);

gint64             fd_claim_message_get_id          (FdClaimMessage *self);
gint64             fd_claim_message_get_claim_id    (FdClaimMessage *self);
FdMessageDirection fd_claim_message_get_direction   (FdClaimMessage *self);
const char        *fd_claim_message_get_channel     (FdClaimMessage *self);
gint64             fd_claim_message_get_at          (FdClaimMessage *self);
const char        *fd_claim_message_get_subject     (FdClaimMessage *self);
const char        *fd_claim_message_get_body        (FdClaimMessage *self);
const char        *fd_claim_message_get_language    (FdClaimMessage *self);
const char        *fd_claim_message_get_template    (FdClaimMessage *self);
const char        *fd_claim_message_get_author      (FdClaimMessage *self);
/* Its attachments: ids, names and sizes in bytes, in the order they were added. */
guint              fd_claim_message_get_n_attachments (FdClaimMessage *self);
gboolean           fd_claim_message_get_attachment    (FdClaimMessage *self,
                                                       guint           index,
                                                       gint64         *id,
                                                       const char    **name,
                                                       gint64         *size);

G_END_DECLS
