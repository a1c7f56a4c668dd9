/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-fold"

#include "config.h"

#include <string.h>

#include "fd-fold.h"

/* Serbian (and common Russian/Macedonian) Cyrillic, lower case, U+0430..U+045F, folded to
 * the ASCII spelling a Latin-script user types: ђ → dj, ж → z, љ → lj, џ → dz. */
static const char * const cyrillic[] = {
  /* U+0430 */ "a", "b", "v", "g", "d", "e", "z", "z", "i", "j", "k", "l", "m", "n", "o", "p",
  /* U+0440 */ "r", "s", "t", "u", "f", "h", "c", "c", "s", "sc", "", "y", "", "e", "ju", "ja",
  /* U+0450 */ "e", "e", "dj", "g", "e", "dz", "i", "i", "j", "lj", "nj", "c", "k", "i", "u", "dz",
};

/* Latin letters with no canonical decomposition to a base letter. */
static const char *
fold_special_latin (gunichar c)
{
  switch (c)
    {
    case 0x0111: return "dj";  /* đ */
    case 0x00DF: return "ss";  /* ß */
    case 0x0142: return "l";   /* ł */
    case 0x0133: return "ij";  /* ĳ */
    case 0x00E6: return "ae";  /* æ */
    case 0x0153: return "oe";  /* œ */
    case 0x00F8: return "o";   /* ø */
    case 0x00FE: return "th";  /* þ */
    case 0x00F0: return "d";   /* ð */
    case 0x0131: return "i";   /* ı */
    case 0x0127: return "h";   /* ħ */
    case 0x0167: return "t";   /* ŧ */
    default:     return NULL;
    }
}

static gboolean
is_mark (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

static void
fold_char (GString  *out,
           gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  const char *special;
  gsize n;

  if (c < 0x80)
    {
      g_string_append_c (out, g_ascii_tolower ((char) c));
      return;
    }

  c = g_unichar_tolower (c);

  if (c >= 0x0430 && c <= 0x045F)
    {
      g_string_append (out, cyrillic[c - 0x0430]);
      return;
    }

  if ((special = fold_special_latin (c)))
    {
      g_string_append (out, special);
      return;
    }

  if (is_mark (c))
    return;

  /* Strip diacritics: keep the decomposition's non-mark characters (é → e, ņ → n). */
  n = g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      if (is_mark (decomposed[i]))
        continue;
      if (decomposed[i] < 0x80)
        g_string_append_c (out, g_ascii_tolower ((char) decomposed[i]));
      else
        g_string_append_unichar (out, g_unichar_tolower (decomposed[i]));
    }
}

/**
 * fd_fold:
 * @text: (nullable): UTF-8 text
 *
 * The one text-folding function used both to index and to query: Serbian Cyrillic to Latin
 * (ђ/đ → dj, …), diacritics stripped, case folded. "Ђорђевић", "Đorđević" and "djordjevic"
 * fold alike; punctuation is kept, so e-mail addresses fold too. Invalid UTF-8 is skipped.
 *
 * Returns: (transfer full): the folded text
 */
char *
fd_fold (const char *text)
{
  GString *out;
  const char *p;

  if (text == NULL)
    return g_strdup ("");

  out = g_string_sized_new (strlen (text));
  for (p = text; *p; )
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          p++;
          continue;
        }
      fold_char (out, c);
      p = g_utf8_next_char (p);
    }

  return g_string_free (out, FALSE);
}

/**
 * fd_fold_words:
 * @text: (nullable): UTF-8 text
 *
 * Folds @text and splits it into words of letters and digits, in order, without duplicates.
 *
 * Returns: (transfer full): a %NULL-terminated array of folded words
 */
char **
fd_fold_words (const char *text)
{
  g_autofree char *folded = fd_fold (text);
  GPtrArray *words = g_ptr_array_new ();
  char *p = folded;

  while (*p)
    {
      char *start;
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isalnum (c))
        {
          p = g_utf8_next_char (p);
          continue;
        }

      start = p;
      while (*p && g_unichar_isalnum (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);

      {
        g_autofree char *word = g_strndup (start, p - start);
        gboolean seen = FALSE;

        for (guint i = 0; i < words->len && !seen; i++)
          seen = g_str_equal (words->pdata[i], word);
        if (!seen)
          g_ptr_array_add (words, g_steal_pointer (&word));
      }
    }

  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (words, FALSE);
}

/**
 * fd_fold_digits:
 * @text: (nullable): a phone number in any formatting
 *
 * Returns: (transfer full): only the decimal digits of @text
 */
char *
fd_fold_digits (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p; p = g_utf8_next_char (p))
    {
      int digit = g_unichar_digit_value (g_utf8_get_char (p));

      if (digit >= 0)
        g_string_append_c (out, (char) ('0' + digit));
    }

  return g_string_free (out, FALSE);
}

/**
 * fd_fold_phone:
 * @phone: (nullable): a phone number, or the start of one, in any formatting
 *
 * The key phone numbers are indexed and searched by: the national form ("06…") for an
 * international number ("+31 6…", "0031 6…") of a country our branches are in or next
 * to, so a number is found however it is read out; otherwise its digits.
 *
 * Returns: (transfer full) (nullable): the key, or %NULL when @phone has no digits
 */
char *
fd_fold_phone (const char *phone)
{
  static const char * const codes[] = { "381", "371", "31", "32", "49", "33", "44", NULL };
  g_autofree char *digits = fd_fold_digits (phone);
  const char *number = digits;

  if (*digits == '\0')
    return NULL;

  while (g_ascii_isspace (*phone))
    phone++;
  if (g_str_has_prefix (digits, "00"))
    number = digits + 2;
  else if (phone[0] != '+')
    return g_steal_pointer (&digits);

  for (guint i = 0; codes[i]; i++)
    if (g_str_has_prefix (number, codes[i]))
      return g_strconcat ("0", number + strlen (codes[i]), NULL);
  return g_strdup (number);
}
