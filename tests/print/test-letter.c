/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>

#include "fd-letter-print.h"

/* The letter as a PDF, parsed back with pdftotext: the reference, the address blocks and
 * every word of a long body survive, across pages, in every script. */

static char *
pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static int
pdf_pages (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdfinfo", pdf, NULL };
  const char *line;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  line = strstr (out, "Pages:");
  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

static FdLetter *
letter_with_body (const char *body)
{
  return fd_letter_new ("sr", "Beograd Centar", "Knez Mihailova 12\n11000 Beograd\nТелефон: +381 11 123 4567",
                        "Ђорђе Петровић\nБулевар ослобођења 7\n21000 Нови Сад",
                        "Наш број: K-2026-0417-F", "23. новембар 2026.",
                        "Ваша порука – број предмета K-2026-0417-F", body,
                        "Радно време: Понедељак–Петак: 09:00–17:00 · Субота–Недеља: затворено");
}

static void
test_one_page (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fd-letter-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "letter.pdf", NULL);
  g_autoptr(FdLetter) letter = letter_with_body ("Поштовани/а Ђорђе Петровићу,\n\nХвала.\n\nСрдачан поздрав");
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  g_assert_true (fd_letter_print_write_pdf (letter, pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pdf_pages (pdf), ==, 1);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "K-2026-0417-F"));
  g_assert_nonnull (strstr (text, "Knez Mihailova 12"));
  g_assert_nonnull (strstr (text, "Булевар ослобођења 7"));
  g_assert_nonnull (strstr (text, "23. новембар 2026."));
  g_assert_nonnull (strstr (text, "Радно време"));
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_long_body_pages (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fd-letter-XXXXXX", NULL);
  g_autofree char *pdf = g_build_filename (dir, "long.pdf", NULL);
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(FdLetter) letter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int pages;

  for (int i = 1; i <= 150; i++)
    g_string_append_printf (body, "Paragraph %d: the meter was read twice.\n", i);
  letter = letter_with_body (body->str);
  pages = fd_letter_print_count_pages (letter, FD_LETTER_A4_WIDTH, FD_LETTER_A4_HEIGHT);
  g_assert_cmpint (pages, >=, 3);
  g_assert_true (fd_letter_print_write_pdf (letter, pdf, &error));
  g_assert_cmpint (pdf_pages (pdf), ==, pages);
  text = pdf_text (pdf);
  /* Every line is printed exactly once: none lost at a page break, none doubled. */
  for (int i = 1; i <= 150; i++)
    {
      g_autofree char *needle = g_strdup_printf ("Paragraph %d:", i);
      const char *hit = strstr (text, needle);

      g_assert_nonnull (hit);
      g_assert_null (strstr (hit + 1, needle));
    }
  g_unlink (pdf);
  g_rmdir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(FdLetter) letter = letter_with_body ("x");
  g_autoptr(GError) error = NULL;

  g_assert_false (fd_letter_print_write_pdf (letter, "/nonexistent-dir/letter.pdf", &error));
  g_assert_nonnull (error);
}

int
main (int argc, char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fd/letter/one-page", test_one_page);
  g_test_add_func ("/fd/letter/long-body-pages", test_long_body_pages);
  g_test_add_func ("/fd/letter/unwritable", test_unwritable);
  return g_test_run ();
}
