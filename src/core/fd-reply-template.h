/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fd-branch.h"

G_BEGIN_DECLS

/* Reply templates: the built-in texts in each customer language (en, nl, sr, sr@latin, lv)
 * and the placeholders they may use. The store keeps a branch's own versions on top. */

/* acknowledgement, request_information, resolution, compliment_thanks. NULL-terminated. */
const char * const *fd_reply_template_codes        (void);
/* The template's name in the user's language; NULL for an unknown code. */
const char         *fd_reply_template_to_label     (const char  *code);
/* The built-in subject and body in @language (en for any other); FALSE for an unknown code. */
gboolean            fd_reply_template_get_default  (const char  *code,
                                                    const char  *language,
                                                    const char **subject,
                                                    const char **body);
/* customer_name, reference, due_date, ack_due_date, received_date, today, summary, problem,
 * solution, benefit, branch_name, branch_address, branch_phone, branch_email,
 * opening_hours, staff_name. Written {name} in a template. NULL-terminated. */
const char * const *fd_reply_template_placeholders (void);
/* Every {name} in @text is a known placeholder; otherwise an %FD_ERROR_INVALID error
 * naming the first unknown one. */
gboolean            fd_reply_template_check        (const char  *text,
                                                    GError     **error);
/* @text with each {name} replaced by its value in @values (unknown names are kept as
 * written). */
char               *fd_reply_template_fill         (const char  *text,
                                                    GHashTable  *values);

/* Dates and opening hours as a letter in @language writes them. */
char               *fd_letter_format_date          (GDateTime   *date,
                                                    const char  *language);
const char         *fd_letter_weekday_name         (int          weekday,   /* 1 = Monday */
                                                    const char  *language);
/* The branch's week in @language, days with the same hours together, joined by @separator. */
char               *fd_letter_format_hours         (FdBranch    *branch,
                                                    const char  *language,
                                                    const char  *separator);
/* The words of a letter's frame: reference, phone, email, opening_hours, closed. */
const char         *fd_letter_phrase               (const char  *key,
                                                    const char  *language);

G_END_DECLS
