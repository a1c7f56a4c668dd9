/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-claim-message.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *name;
  gint64  size;
} FdAttachmentInfo;

/* The snapshot's fields, filled by the store from a row. */
struct _FdClaimMessage
{
  GObject             parent_instance;

  gint64              id;
  gint64              claim_id;
  FdMessageDirection  direction;
  char               *channel;
  gint64              at;
  char               *subject;
  char               *body;
  char               *language;
  char               *template;
  char               *author;
  GArray             *attachments;   /* FdAttachmentInfo */
};

void _fd_claim_message_add_attachment (FdClaimMessage *self,
                                       gint64          id,
                                       const char     *name,
                                       gint64          size);

G_END_DECLS
