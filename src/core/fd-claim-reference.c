/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-claim-reference"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fd-claim-reference.h"
#include "fd-error.h"

/* Eleven letters that cannot be mistaken for digits or for each other when read aloud in
 * Dutch, Serbian or Latvian: no I, O, B, D, G, Q, S, U, V, Z. */
static const char check_letters[] = "ACEFHJKLMNP";

/* Weighted sum modulo 11 over the digits of year and number, weights 1, 2, 3, …: with a
 * prime modulus and distinct non-zero weights, changing one digit or swapping two
 * neighbours always changes the sum. Weights wrap after ten digits. */
static char
check_letter (const char *digits)
{
  guint sum = 0;
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    sum += (guint) (digits[n - 1 - i] - '0') * (guint) (i % 10 + 1);
  return check_letters[sum % 11];
}

char *
fd_claim_reference_format (int    year,
                           gint64 number)
{
  g_autofree char *digits = NULL;

  g_return_val_if_fail (year >= 1000 && year <= 9999, NULL);
  g_return_val_if_fail (number > 0, NULL);

  digits = g_strdup_printf ("%04d%04" G_GINT64_FORMAT, year, number);
  return g_strdup_printf ("K-%04d-%04" G_GINT64_FORMAT "-%c", year, number, check_letter (digits));
}

gboolean
fd_claim_reference_parse (const char  *text,
                          int         *year,
                          gint64      *number,
                          GError     **error)
{
  g_autoptr(GString) compact = g_string_new (NULL);
  g_autofree char *digits = NULL;
  gsize len;

  /* Keep letters and digits only, upper-cased. */
  for (const char *p = text ? text : ""; *p; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (compact, g_ascii_toupper (*p));
    else if (*p != ' ' && *p != '-' && *p != '\t')
      goto invalid;

  len = compact->len;
  /* K, four digits of year, at least four of number, the check letter. */
  if (len < 10 || compact->str[0] != 'K' || !g_ascii_isalpha (compact->str[len - 1]))
    goto invalid;
  for (gsize i = 1; i < len - 1; i++)
    if (!g_ascii_isdigit (compact->str[i]))
      goto invalid;
  if (len - 2 > 4 + 12)
    goto invalid;

  digits = g_strndup (compact->str + 1, len - 2);
  if (check_letter (digits) != compact->str[len - 1])
    {
      fd_set_invalid (error, "reference",
                      /* Translators: %s is what the user typed as a claim reference */
                      _("“%s” has a wrong check letter: a character was probably mistyped."), text);
      return FALSE;
    }

  if (year)
    *year = (digits[0] - '0') * 1000 + (digits[1] - '0') * 100 + (digits[2] - '0') * 10 + (digits[3] - '0');
  if (number)
    *number = g_ascii_strtoll (digits + 4, NULL, 10);
  if (number && *number <= 0)
    goto invalid;
  return TRUE;

invalid:
  fd_set_invalid (error, "reference",
                  /* Translators: %s is what the user typed as a claim reference */
                  _("“%s” is not a claim reference like K-2026-0417-E."), text ? text : "");
  return FALSE;
}
