/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define FD_TYPE_LETTER (fd_letter_get_type ())

G_DECLARE_FINAL_TYPE (FdLetter, fd_letter, FD, LETTER, GObject)

/* An outgoing letter, ready to lay out on the branch's letterhead: every text already in
 * the letter's language. Built by fd_store_prepare_letter(); drawn by fd-print. */
const char *fd_letter_get_language       (FdLetter *self);
const char *fd_letter_get_branch_name    (FdLetter *self);
/* The branch's address, phone and e-mail, one per line. */
const char *fd_letter_get_branch_lines   (FdLetter *self);
/* The customer's name and postal address, one per line. */
const char *fd_letter_get_recipient      (FdLetter *self);
/* e.g. “Our reference: K-2026-0417-X” */
const char *fd_letter_get_reference_line (FdLetter *self);
/* e.g. “Amsterdam, 23 november 2026” */
const char *fd_letter_get_date_line      (FdLetter *self);
const char *fd_letter_get_subject        (FdLetter *self);
const char *fd_letter_get_body           (FdLetter *self);
/* Opening hours, for the letter's footer. */
const char *fd_letter_get_footer         (FdLetter *self);

FdLetter   *fd_letter_new                (const char *language,
                                          const char *branch_name,
                                          const char *branch_lines,
                                          const char *recipient,
                                          const char *reference_line,
                                          const char *date_line,
                                          const char *subject,
                                          const char *body,
                                          const char *footer);

G_END_DECLS
