/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-claim-message"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-claim-message-private.h"
#include "fd-util.h"

G_DEFINE_FINAL_TYPE (FdClaimMessage, fd_claim_message, G_TYPE_OBJECT)

static const char * const direction_codes[] = { "in", "out" };
static const char * const channels[] = { "in_person", "phone", "email", "letter", NULL };

const char *
fd_message_direction_to_code (FdMessageDirection direction)
{
  g_return_val_if_fail (direction <= FD_MESSAGE_OUT, NULL);
  return direction_codes[direction];
}

gboolean
fd_message_direction_from_code (const char         *code,
                                FdMessageDirection *direction)
{
  return fd_code_lookup (direction_codes, G_N_ELEMENTS (direction_codes), code, (int *) direction);
}

const char *
fd_message_direction_to_label (FdMessageDirection direction)
{
  switch (direction)
    {
    case FD_MESSAGE_IN:  return C_("correspondence", "Incoming");
    case FD_MESSAGE_OUT: return C_("correspondence", "Outgoing");
    default:             g_return_val_if_reached (NULL);
    }
}

const char * const *
fd_claim_channels (void)
{
  return channels;
}

const char *
fd_claim_channel_to_label (const char *code)
{
  if (g_strcmp0 (code, "in_person") == 0) return C_("claim channel", "In person");
  if (g_strcmp0 (code, "phone") == 0)     return C_("claim channel", "Phone");
  if (g_strcmp0 (code, "email") == 0)     return C_("claim channel", "E-mail");
  if (g_strcmp0 (code, "letter") == 0)    return C_("claim channel", "Letter");
  return code;
}

static void
clear_attachment (gpointer data)
{
  FdAttachmentInfo *info = data;

  g_free (info->name);
}

static void
fd_claim_message_finalize (GObject *object)
{
  FdClaimMessage *self = FD_CLAIM_MESSAGE (object);

  g_free (self->channel);
  g_free (self->subject);
  g_free (self->body);
  g_free (self->language);
  g_free (self->template);
  g_free (self->author);
  g_clear_pointer (&self->attachments, g_array_unref);
  G_OBJECT_CLASS (fd_claim_message_parent_class)->finalize (object);
}

static void
fd_claim_message_class_init (FdClaimMessageClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_claim_message_finalize;
}

static void
fd_claim_message_init (FdClaimMessage *self)
{
  self->attachments = g_array_new (FALSE, TRUE, sizeof (FdAttachmentInfo));
  g_array_set_clear_func (self->attachments, clear_attachment);
}

void
_fd_claim_message_add_attachment (FdClaimMessage *self,
                                  gint64          id,
                                  const char     *name,
                                  gint64          size)
{
  FdAttachmentInfo info = { id, g_strdup (name), size };

  g_array_append_val (self->attachments, info);
}

#define GETTER(type, name) \
  type fd_claim_message_get_##name (FdClaimMessage *self) \
  { \
    g_return_val_if_fail (FD_IS_CLAIM_MESSAGE (self), 0); \
    return self->name; \
  }

GETTER (gint64, id)
GETTER (gint64, claim_id)
GETTER (FdMessageDirection, direction)
GETTER (const char *, channel)
GETTER (gint64, at)
GETTER (const char *, subject)
GETTER (const char *, body)
GETTER (const char *, language)
GETTER (const char *, template)
GETTER (const char *, author)

guint
fd_claim_message_get_n_attachments (FdClaimMessage *self)
{
  g_return_val_if_fail (FD_IS_CLAIM_MESSAGE (self), 0);
  return self->attachments->len;
}

gboolean
fd_claim_message_get_attachment (FdClaimMessage  *self,
                                 guint            index,
                                 gint64          *id,
                                 const char     **name,
                                 gint64          *size)
{
  const FdAttachmentInfo *info;

  g_return_val_if_fail (FD_IS_CLAIM_MESSAGE (self), FALSE);
  if (index >= self->attachments->len)
    return FALSE;
  info = &g_array_index (self->attachments, FdAttachmentInfo, index);
  if (id)
    *id = info->id;
  if (name)
    *name = info->name;
  if (size)
    *size = info->size;
  return TRUE;
}
