/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Claim references a customer can quote on the phone: K-2026-0417-E. Year, a number
 * (at least four digits) and a check letter that catches every single mistyped
 * character and every swap of two neighbouring digits. */
char     *fd_claim_reference_format (int          year,
                                     gint64       number);
/* Accepts any case, spaces or dashes ("k 2026 0417 e", "K20260417E"). Fails with
 * %FD_ERROR_INVALID (field "reference") when it is not a reference or the check letter
 * does not match. */
gboolean  fd_claim_reference_parse  (const char  *text,
                                     int         *year,
                                     gint64      *number,
                                     GError     **error);

G_END_DECLS
