/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-error"

#include "config.h"

#include "fd-error.h"

typedef struct
{
  char *field;
} FdErrorPrivate;

static void
fd_error_private_init (FdErrorPrivate *priv)
{
  priv->field = NULL;
}

static void
fd_error_private_copy (const FdErrorPrivate *src,
                       FdErrorPrivate       *dest)
{
  dest->field = g_strdup (src->field);
}

static void
fd_error_private_clear (FdErrorPrivate *priv)
{
  g_clear_pointer (&priv->field, g_free);
}

/* An extended error domain, so validation errors carry the name of the field they are
 * about and the UI can show the message beside it. */
G_DEFINE_EXTENDED_ERROR (FdError, fd_error)

/**
 * fd_error_get_field:
 * @error: a #GError
 *
 * Returns: (nullable): the field an %FD_ERROR_INVALID error is about ("email", …).
 */
const char *
fd_error_get_field (const GError *error)
{
  FdErrorPrivate *priv;

  if (error == NULL || error->domain != FD_ERROR)
    return NULL;

  priv = fd_error_get_private (error);
  return priv ? priv->field : NULL;
}

void
fd_set_invalid (GError     **error,
                const char  *field,
                const char  *format,
                ...)
{
  g_autofree char *message = NULL;
  GError *new_error;
  va_list args;

  if (error == NULL)
    return;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  new_error = g_error_new_literal (FD_ERROR, FD_ERROR_INVALID, message);
  fd_error_get_private (new_error)->field = g_strdup (field);
  g_propagate_error (error, new_error);
}
