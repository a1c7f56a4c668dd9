/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fd-fold.h"

static void
assert_fold (const char *input,
             const char *expected)
{
  g_autofree char *folded = fd_fold (input);
  g_assert_cmpstr (folded, ==, expected);
}

static void
test_fold_scripts (void)
{
  assert_fold ("Đorđević", "djordjevic");
  assert_fold ("Ђорђевић", "djordjevic");
  assert_fold ("djordjevic", "djordjevic");
  assert_fold ("DJORDJEVIĆ", "djordjevic");
  assert_fold ("Bērziņš", "berzins");
  assert_fold ("Љубичић Његован Џунић", "ljubicic njegovan dzunic");
  assert_fold ("Živković Šarić Čolić", "zivkovic saric colic");
  assert_fold ("Kļaviņš Ģirts Āboliņa", "klavins girts abolina");
  assert_fold ("Zoë Müller Straße IJzerman", "zoe muller strasse ijzerman");
  assert_fold ("Jan.Jansen@Example.NL", "jan.jansen@example.nl");
  assert_fold (NULL, "");
  /* Invalid UTF-8 is skipped, never crashes. */
  assert_fold ("ab\xff\xfe" "c", "abc");
}

static void
test_fold_words (void)
{
  g_auto(GStrv) words = fd_fold_words ("  Jan  de Vries-Ђорђевић, jan ");

  g_assert_cmpuint (g_strv_length (words), ==, 4);
  g_assert_cmpstr (words[0], ==, "jan");
  g_assert_cmpstr (words[1], ==, "de");
  g_assert_cmpstr (words[2], ==, "vries");
  g_assert_cmpstr (words[3], ==, "djordjevic");
}

static void
test_fold_digits (void)
{
  g_autofree char *a = fd_fold_digits ("+31 (6) 12-34 56.78");
  g_autofree char *b = fd_fold_digits ("no digits");

  g_assert_cmpstr (a, ==, "31612345678");
  g_assert_cmpstr (b, ==, "");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fd/fold/scripts", test_fold_scripts);
  g_test_add_func ("/fd/fold/words", test_fold_words);
  g_test_add_func ("/fd/fold/digits", test_fold_digits);
  return g_test_run ();
}
