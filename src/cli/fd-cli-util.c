/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fd-error.h"

#include "fd-cli-private.h"

/* In the C locale g_print() would turn every letter outside ASCII into “?”. Like Python's
 * C-locale coercion, treat a plain-ASCII locale as UTF-8 and write the bytes unchanged,
 * so scripts run from a bare environment still see names such as “Ђорђевић”. */
static gboolean
locale_is_ascii (void)
{
  const char *charset = NULL;

  if (g_get_charset (&charset))
    return FALSE;

  return g_ascii_strcasecmp (charset, "ANSI_X3.4-1968") == 0 ||
         g_ascii_strcasecmp (charset, "ASCII") == 0 ||
         g_ascii_strcasecmp (charset, "US-ASCII") == 0;
}

static void
print_to (FILE       *stream,
          const char *text)
{
  if (locale_is_ascii ())
    {
      fputs (text, stream);
      fflush (stream);
    }
  else if (stream == stderr)
    {
      g_printerr ("%s", text);
    }
  else
    {
      g_print ("%s", text);
    }
}

void
_fd_cli_print (const char *format,
               ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  print_to (stdout, text);
}

void
_fd_cli_printerr (const char *format,
                  ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  print_to (stderr, text);
}

void
_fd_cli_print_error (const GError *error)
{
  g_autofree char *line = NULL;

  g_assert (error != NULL);

  /* The contract is one line per error, so a stray newline in a message (from SQLite, say)
   * must not split it. */
  line = g_strdelimit (g_strdup (error->message), "\r\n", ' ');
  _fd_cli_printerr ("%s\n", line);
}

gboolean
_fd_cli_parse_options (FdCli               *cli,
                       char              ***args,
                       const char          *command,
                       const char          *parameter_string,
                       const char          *summary,
                       const GOptionEntry  *entries,
                       gboolean            *help_shown,
                       GError             **error)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *prgname = NULL;
  gboolean help = FALSE;
  const GOptionEntry common_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database at PATH instead of the default one"), N_("PATH") },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help,
      N_("Show help options"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_assert (help_shown != NULL);

  *help_shown = FALSE;

  /* Usage lines then read “frontdesk-cli customer add [OPTION…]”. */
  prgname = g_strdup_printf ("frontdesk-cli %s", command);
  g_set_prgname (prgname);

  context = g_option_context_new (parameter_string);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Our own --help, so that asking for help returns through main() instead of exit(). */
  g_option_context_set_help_enabled (context, FALSE);
  if (summary != NULL)
    g_option_context_set_summary (context, summary);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, common_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, args, error))
    return FALSE;

  /* GOption leaves the “--” that ends the options (as in `customer search -- -0612`);
   * it is not an argument. */
  for (guint i = 1; (*args)[i] != NULL; i++)
    {
      if (g_str_equal ((*args)[i], "--"))
        {
          char **rest = &(*args)[i + 1];

          g_free ((*args)[i]);
          memmove (&(*args)[i], rest, (g_strv_length (rest) + 1) * sizeof (char *));
          break;
        }
    }

  if (db_path != NULL)
    {
      g_free (cli->db_path);
      cli->db_path = g_steal_pointer (&db_path);
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      _fd_cli_print ("%s", text);
      *help_shown = TRUE;
    }

  return TRUE;
}

FdStore *
_fd_cli_open_store (FdCli   *cli,
                    GError **error)
{
  g_autofree char *path = NULL;

  /* fd_store_default_path() already honours $FRONTDESK_DB. */
  path = cli->db_path != NULL ? g_strdup (cli->db_path) : fd_store_default_path ();

  return fd_store_open (path, error);
}

char *
_fd_cli_arg_to_utf8 (const char  *arg,
                     const char  *option,
                     const char  *field,
                     GError     **error)
{
  g_autofree char *utf8 = NULL;

  g_assert (arg != NULL);
  g_assert (option != NULL);

  /* Options arrive as raw bytes. Text that is already UTF-8 is taken as such even in the
   * C locale, where GLib's own conversion would refuse every accented name. */
  if (g_utf8_validate (arg, -1, NULL))
    utf8 = g_strdup (arg);
  else
    utf8 = g_locale_to_utf8 (arg, -1, NULL, NULL, NULL);

  if (utf8 == NULL || !g_utf8_validate (utf8, -1, NULL))
    {
      if (field != NULL)
        /* Translators: %s is a command-line option such as --given */
        fd_set_invalid (error, field, _("The value of %s is not valid text."), option);
      else
        g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                     /* Translators: %s is a command-line argument such as QUERY */
                     _("The value of %s is not valid text."), option);
      return NULL;
    }

  /* The same name typed on two systems must be stored the same way. */
  return g_utf8_normalize (utf8, -1, G_NORMALIZE_NFC);
}

gboolean
_fd_cli_parse_unsigned (const char  *text,
                        const char  *option,
                        guint64      min,
                        guint64      max,
                        guint64     *out,
                        GError     **error)
{
  g_assert (text != NULL);
  g_assert (out != NULL);

  if (!g_ascii_string_to_unsigned (text, 10, min, max, out, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);
      g_autofree char *min_text = g_strdup_printf ("%" G_GUINT64_FORMAT, min);
      g_autofree char *max_text = g_strdup_printf ("%" G_GUINT64_FORMAT, max);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: “%s” is what the user typed, the second %s an option
                    * such as --limit, then the smallest and largest allowed numbers */
                   _("Invalid value “%s” for %s: expected a whole number from %s to %s."),
                   shown, option, min_text, max_text);
      return FALSE;
    }

  return TRUE;
}

gboolean
_fd_cli_parse_id (const char  *text,
                  gint64      *out,
                  GError     **error)
{
  g_assert (text != NULL);
  g_assert (out != NULL);

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a customer ID: expected a positive whole number."),
                   shown);
      return FALSE;
    }

  return TRUE;
}

char *
_fd_cli_format_iso_time (gint64 unix_time)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_utc (unix_time);

  if (date_time == NULL)
    return NULL;

  return g_date_time_format (date_time, "%Y-%m-%dT%H:%M:%SZ");
}

char *
_fd_cli_format_local_time (gint64 unix_time)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_from_unix_local (unix_time);

  if (date_time == NULL)
    return g_strdup ("?");

  /* Translators: date and time in the terminal, see the strftime-like codes of
   * g_date_time_format(); keep it short */
  return g_date_time_format (date_time, C_("date and time", "%Y-%m-%d %H:%M"));
}

void
_fd_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *data = NULL;
  gsize length = 0;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  json_generator_set_root (generator, node);
  data = json_generator_to_data (generator, &length);

  /* JSON is UTF-8 whatever the locale: no charset conversion. */
  fwrite (data, 1, length, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

guint
_fd_cli_width (const char *text)
{
  if (text == NULL)
    return 0;

  return (guint) g_utf8_strlen (text, -1);
}

char *
_fd_cli_pad (const char *text,
             guint       width)
{
  GString *padded = g_string_new (text != NULL ? text : "");
  guint current = _fd_cli_width (padded->str);

  while (current < width)
    {
      g_string_append_c (padded, ' ');
      current++;
    }

  return g_string_free (padded, FALSE);
}
