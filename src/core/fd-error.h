/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FD_ERROR (fd_error_quark ())

/**
 * FdError:
 * @FD_ERROR_FAILED: an unexpected storage or I/O failure; the message says what.
 * @FD_ERROR_INVALID: a value failed validation; fd_error_get_field() names the field.
 * @FD_ERROR_NOT_FOUND: the record does not exist (or is archived where that matters).
 * @FD_ERROR_NOT_A_DATABASE: the file is not a Frontdesk database.
 * @FD_ERROR_TOO_NEW: the database was written by a newer Frontdesk.
 * @FD_ERROR_CORRUPT: the database file is damaged.
 * @FD_ERROR_BUSY: another program holds the database locked for too long.
 *
 * Error codes of the %FD_ERROR domain. Messages are translated and meant for users.
 */
typedef enum
{
  FD_ERROR_FAILED,
  FD_ERROR_INVALID,
  FD_ERROR_NOT_FOUND,
  FD_ERROR_NOT_A_DATABASE,
  FD_ERROR_TOO_NEW,
  FD_ERROR_CORRUPT,
  FD_ERROR_BUSY,
} FdError;

GQuark      fd_error_quark      (void);
const char *fd_error_get_field  (const GError *error);
void        fd_set_invalid      (GError     **error,
                                 const char  *field,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
