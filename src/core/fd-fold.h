/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char   *fd_fold        (const char *text);
char  **fd_fold_words  (const char *text);
char   *fd_fold_digits (const char *text);
char   *fd_fold_phone  (const char *phone);

G_END_DECLS
