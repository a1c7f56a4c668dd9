/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "fd-letter.h"

G_BEGIN_DECLS

/* Lays out an FdLetter on the branch's letterhead with Pango and cairo, for printing
 * (GtkPrintOperation) and for PDF files alike. Sizes are in points; A4 is 595.28 × 841.89. */
#define FD_LETTER_A4_WIDTH  595.28
#define FD_LETTER_A4_HEIGHT 841.89

int      fd_letter_print_count_pages (FdLetter    *letter,
                                      double       width,
                                      double       height);
void     fd_letter_print_draw_page   (FdLetter    *letter,
                                      cairo_t     *cr,
                                      double       width,
                                      double       height,
                                      int          page);
/* Writes the letter as an A4 PDF; an unwritable path is an error, never a crash. */
gboolean fd_letter_print_write_pdf   (FdLetter    *letter,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
