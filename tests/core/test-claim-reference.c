/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fd-claim-reference.h"
#include "fd-error.h"

static void
test_round_trip (void)
{
  for (int year = 2024; year <= 2030; year++)
    for (gint64 number = 1; number < 20000; number += 37)
      {
        g_autofree char *reference = fd_claim_reference_format (year, number);
        g_autofree char *lower = g_ascii_strdown (reference, -1);
        g_autoptr(GError) error = NULL;
        int parsed_year = 0;
        gint64 parsed_number = 0;

        g_assert_true (g_str_has_prefix (reference, "K-"));
        g_assert_true (fd_claim_reference_parse (reference, &parsed_year, &parsed_number, &error));
        g_assert_no_error (error);
        g_assert_cmpint (parsed_year, ==, year);
        g_assert_cmpint (parsed_number, ==, number);
        /* Any case, spaces instead of dashes, none at all. */
        g_assert_true (fd_claim_reference_parse (lower, NULL, NULL, NULL));
      }

  g_assert_true (fd_claim_reference_parse (" k 2026 0417 ", NULL, NULL, NULL) == FALSE);
}

/* Every single-character typo — a digit replaced, the check letter replaced, two
 * neighbouring digits swapped — is refused. */
static void
test_typos_are_caught (void)
{
  static const char alphabet[] = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  for (gint64 number = 1; number < 3000000; number = number * 3 + 7)
    {
      g_autofree char *reference = fd_claim_reference_format (2026, number);
      gsize len = strlen (reference);

      for (gsize i = 0; i < len; i++)
        {
          if (reference[i] == '-')
            continue;
          for (const char *c = alphabet; *c; c++)
            {
              g_autofree char *typo = g_strdup (reference);
              g_autoptr(GError) error = NULL;

              if (*c == typo[i])
                continue;
              typo[i] = *c;
              if (fd_claim_reference_parse (typo, NULL, NULL, &error))
                g_error ("typo %s of %s was accepted", typo, reference);
              g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
              g_assert_cmpstr (fd_error_get_field (error), ==, "reference");
            }
        }

      for (gsize i = 2; i + 1 < len; i++)
        {
          g_autofree char *swapped = g_strdup (reference);
          char tmp;

          if (!g_ascii_isdigit (swapped[i]) || !g_ascii_isdigit (swapped[i + 1]) || swapped[i] == swapped[i + 1])
            continue;
          tmp = swapped[i];
          swapped[i] = swapped[i + 1];
          swapped[i + 1] = tmp;
          g_assert_false (fd_claim_reference_parse (swapped, NULL, NULL, NULL));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fd/claim-reference/round-trip", test_round_trip);
  g_test_add_func ("/fd/claim-reference/typos", test_typos_are_caught);
  return g_test_run ();
}
