/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "fd-error.h"
#include "fd-history-entry.h"

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
  g_autofree char *branch = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *prgname = NULL;
  gboolean help = FALSE;
  const GOptionEntry common_entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path,
      N_("Use the database at PATH instead of the default one"), N_("PATH") },
    { "branch", 0, 0, G_OPTION_ARG_STRING, &branch,
      N_("Work at the branch with this ID instead of the current one"), N_("ID") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &staff,
      N_("Act as the staff member with this ID, for claims’ history and letters "
         "(default: $FRONTDESK_STAFF)"), N_("ID") },
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

  if (branch != NULL)
    {
      g_free (cli->branch);
      cli->branch = g_steal_pointer (&branch);
    }

  if (staff != NULL)
    {
      g_free (cli->staff);
      cli->staff = g_steal_pointer (&staff);
    }

  if (help)
    {
      g_autofree char *text = g_option_context_get_help (context, TRUE, NULL);

      _fd_cli_print ("%s", text);
      *help_shown = TRUE;
    }

  return TRUE;
}

/* Who is working, from --staff or else $FRONTDESK_STAFF: the store then names them in
 * claims' history and letters. A staff member who does not exist is an error, not a
 * silent “nobody”. */
static gboolean
apply_staff (FdCli    *cli,
             FdStore  *store,
             GError  **error)
{
  g_autofree char *name = NULL;
  const char *text = cli->staff;
  gint64 staff_id = 0;

  if (text == NULL)
    {
      text = g_getenv ("FRONTDESK_STAFF");
      if (text == NULL || text[0] == '\0')
        return TRUE;
    }

  if (!_fd_cli_parse_id_of (text, FD_CLI_ID_STAFF, &staff_id, error))
    return FALSE;

  if (!(name = fd_store_dup_staff_name (store, staff_id)))
    {
      g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                   /* Translators: %s is a staff member's ID */
                   _("No staff member with ID %s."), text);
      return FALSE;
    }

  fd_store_set_current_staff (store, staff_id);

  return TRUE;
}

FdStore *
_fd_cli_open_store (FdCli   *cli,
                    GError **error)
{
  g_autoptr(FdStore) store = NULL;
  g_autofree char *path = NULL;

  /* fd_store_default_path() already honours $FRONTDESK_DB. */
  path = cli->db_path != NULL ? g_strdup (cli->db_path) : fd_store_default_path ();

  if (!(store = fd_store_open (path, error)) ||
      !apply_staff (cli, store, error))
    return NULL;

  return g_steal_pointer (&store);
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

/* Copies a text option into UTF-8, leaving NULL when it was not given. */
gboolean
_fd_cli_optional_text (const char  *arg,
                       const char  *option,
                       const char  *field,
                       char       **out,
                       GError     **error)
{
  *out = NULL;

  if (arg == NULL)
    return TRUE;

  *out = _fd_cli_arg_to_utf8 (arg, option, field, error);

  return *out != NULL;
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

gboolean
_fd_cli_parse_id_of (const char   *text,
                     FdCliIdKind   kind,
                     gint64       *out,
                     GError      **error)
{
  g_autofree char *shown = NULL;

  g_assert (text != NULL);
  g_assert (out != NULL);

  if (g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, out, NULL))
    return TRUE;

  shown = g_utf8_make_valid (text, -1);

  /* Whole sentences for each kind of record, so that translations can inflect. */
  switch (kind)
    {
    case FD_CLI_ID_CUSTOMER:
      return _fd_cli_parse_id (text, out, error);

    case FD_CLI_ID_BRANCH:
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a branch ID: expected a positive whole number."),
                   shown);
      break;

    case FD_CLI_ID_DESK:
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a desk ID: expected a positive whole number."),
                   shown);
      break;

    case FD_CLI_ID_VISIT:
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a visit ID: expected a positive whole number."),
                   shown);
      break;

    case FD_CLI_ID_STAFF:
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a staff ID: expected a positive whole number."),
                   shown);
      break;

    case FD_CLI_ID_MESSAGE:
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a message ID: expected a positive whole number."),
                   shown);
      break;

    case FD_CLI_ID_FOLLOWUP:
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a follow-up ID: expected a positive whole number."),
                   shown);
      break;

    case FD_CLI_ID_SERVICE:
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a service ID: expected a positive whole number."),
                   shown);
      break;

    default:
      g_assert_not_reached ();
    }

  return FALSE;
}

/* Only a calendar date, YYYY-MM-DD, which g_date_time_new_from_iso8601() does not take. */
static gboolean
is_plain_date (const char *text)
{
  static const char pattern[] = "dddd-dd-dd";

  if (strlen (text) != strlen (pattern))
    return FALSE;

  for (guint i = 0; pattern[i] != '\0'; i++)
    {
      if (pattern[i] == 'd' ? !g_ascii_isdigit (text[i]) : text[i] != pattern[i])
        return FALSE;
    }

  return TRUE;
}

/* ISO 8601 allows leaving the seconds out ("2026-05-04T09:30"); GLib wants them. */
static char *
with_seconds (const char *text)
{
  const char *t = strchr (text, 'T');

  if (t != NULL && strlen (t) >= 6 && g_ascii_isdigit (t[1]) && g_ascii_isdigit (t[2]) && t[3] == ':' &&
      g_ascii_isdigit (t[4]) && g_ascii_isdigit (t[5]) && (t[6] == '\0' || strchr ("Z+-", t[6])))
    return g_strdup_printf ("%.*s:00%s", (int) (t + 6 - text), text, t + 6);
  return g_strdup (text);
}

gboolean
_fd_cli_parse_time (const char  *text,
                    const char  *option,
                    gint64      *out,
                    GError     **error)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();
  g_autoptr(GDateTime) date_time = NULL;

  g_assert (text != NULL);
  g_assert (out != NULL);

  /* A time without an offset is the wall-clock time here, as a clerk would write it. */
  if (g_utf8_validate (text, -1, NULL))
    {
      if (is_plain_date (text))
        {
          g_autofree char *midnight = g_strconcat (text, "T00:00:00", NULL);

          date_time = g_date_time_new_from_iso8601 (midnight, local);
        }
      else
        {
          g_autofree char *full = with_seconds (text);

          date_time = g_date_time_new_from_iso8601 (full, local);
        }
    }

  /* 0 means “now” to the store, so the first second of 1970 cannot be given. */
  if (date_time == NULL || g_date_time_to_unix (date_time) <= 0)
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: “%s” is what the user typed, the second %s an option
                    * such as --at; keep the example date as it is */
                   _("Invalid value “%s” for %s: expected a date and time such as "
                     "2026-05-04T09:30:00 or 2026-05-04T09:30:00+02:00."),
                   shown, option);
      return FALSE;
    }

  *out = g_date_time_to_unix (date_time);

  return TRUE;
}

/* A calendar date, YYYY-MM-DD, that exists: 2026-02-30 is refused, not moved on. */
gboolean
_fd_cli_parse_date (const char  *text,
                    const char  *option,
                    GDate       *out,
                    GError     **error)
{
  guint64 year = 0;
  guint64 month = 0;
  guint64 day = 0;

  g_assert (text != NULL);
  g_assert (out != NULL);

  if (is_plain_date (text))
    {
      g_autofree char *year_text = g_strndup (text, 4);
      g_autofree char *month_text = g_strndup (text + 5, 2);
      g_autofree char *day_text = g_strndup (text + 8, 2);

      year = g_ascii_strtoull (year_text, NULL, 10);
      month = g_ascii_strtoull (month_text, NULL, 10);
      day = g_ascii_strtoull (day_text, NULL, 10);
    }

  /* Four and two digits fit GDate's fields; year 0 and month 13 are not valid. */
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: “%s” is what the user typed, the second %s an argument
                    * such as DATE; keep the example date as it is */
                   _("Invalid value “%s” for %s: expected a date that exists, such as "
                     "2026-12-24."),
                   shown, option);
      return FALSE;
    }

  g_date_clear (out, 1);
  g_date_set_dmy (out, (GDateDay) day, (GDateMonth) month, (GDateYear) year);

  return TRUE;
}

/* Fails with @message, a whole sentence saying what is missing, when a required option
 * or argument (@value) was not given. */
gboolean
_fd_cli_require (const char  *value,
                 const char  *message,
                 GError     **error)
{
  if (value != NULL)
    return TRUE;

  g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);

  return FALSE;
}

gboolean
_fd_cli_no_extra_arguments (char    **args,
                            guint     expected,
                            GError  **error)
{
  guint n_args = g_strv_length (args);

  if (n_args > expected)
    {
      g_autofree char *shown = g_utf8_make_valid (args[expected], -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   /* Translators: %s is a command-line argument */
                   _("Unexpected argument “%s”."), shown);
      return FALSE;
    }

  return TRUE;
}

gboolean
_fd_cli_take_id_argument (char         **args,
                          FdCliIdKind    kind,
                          gint64        *id,
                          GError       **error)
{
  if (args[1] == NULL)
    {
      const char *message = NULL;

      switch (kind)
        {
        case FD_CLI_ID_CUSTOMER:
          message = _("Missing customer ID.");
          break;
        case FD_CLI_ID_BRANCH:
          message = _("Missing branch ID.");
          break;
        case FD_CLI_ID_DESK:
          message = _("Missing desk ID.");
          break;
        case FD_CLI_ID_VISIT:
          message = _("Missing visit ID.");
          break;
        case FD_CLI_ID_STAFF:
          message = _("Missing staff ID.");
          break;
        case FD_CLI_ID_MESSAGE:
          message = _("Missing message ID.");
          break;
        case FD_CLI_ID_FOLLOWUP:
          message = _("Missing follow-up ID.");
          break;
        case FD_CLI_ID_SERVICE:
          message = _("Missing service ID.");
          break;
        default:
          g_assert_not_reached ();
        }

      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, message);
      return FALSE;
    }

  return _fd_cli_parse_id_of (args[1], kind, id, error) &&
         _fd_cli_no_extra_arguments (args, 2, error);
}

/* Runs the action named by args[1] of a command group (“branch add”). @usage ends with a
 * newline; @unknown_format is the one-line message for an unknown action, where %s stands
 * for what the user typed (its newline, if any, is added when missing). */
int
_fd_cli_dispatch (FdCli              *cli,
                  char              **args,
                  const FdCliAction  *actions,
                  guint               n_actions,
                  const char         *usage,
                  const char         *unknown_format)
{
  const char *action = args[1];
  g_autofree char *shown = NULL;
  g_autofree char *unknown = NULL;

  if (action == NULL)
    {
      _fd_cli_printerr ("%s", usage);
      return FD_CLI_EXIT_ERROR;
    }

  if (g_str_equal (action, "--help") || g_str_equal (action, "-h") ||
      g_str_equal (action, "help"))
    {
      _fd_cli_print ("%s", usage);
      return FD_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n_actions; i++)
    {
      if (g_str_equal (action, actions[i].name))
        return actions[i].func (cli, &args[1]);
    }

  shown = g_utf8_make_valid (action, -1);
  unknown = g_strdup_printf (unknown_format, shown);
  _fd_cli_printerr ("%s%s", unknown, g_str_has_suffix (unknown, "\n") ? "" : "\n");
  _fd_cli_printerr ("%s", usage);

  return FD_CLI_EXIT_ERROR;
}

/* The branch a command works at: --branch, else the store's current branch. Returns 0
 * with @error set when there is none, or when --branch names no branch. */
gint64
_fd_cli_resolve_branch (FdCli    *cli,
                        FdStore  *store,
                        GError  **error)
{
  gint64 branch_id = 0;

  if (cli->branch != NULL)
    {
      g_autoptr(FdBranch) branch = NULL;

      if (!_fd_cli_parse_id_of (cli->branch, FD_CLI_ID_BRANCH, &branch_id, error) ||
          !(branch = fd_store_get_branch (store, branch_id, error)))
        return 0;

      return branch_id;
    }

  branch_id = fd_store_get_current_branch (store);
  if (branch_id <= 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("No branch chosen: add one with “frontdesk-cli branch add”, "
                             "choose one with “frontdesk-cli branch use ID”, or pass "
                             "--branch ID."));
      return 0;
    }

  return branch_id;
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

/* The width of the widest of @texts, to line up what follows them. */
guint
_fd_cli_max_width (const char * const *texts,
                   guint               n_texts)
{
  guint width = 0;

  for (guint i = 0; i < n_texts; i++)
    width = MAX (width, _fd_cli_width (texts[i]));

  return width;
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

/* Appends “label  value” to @out, with @label padded to @label_width; nothing when @value
 * is NULL or empty. */
void
_fd_cli_add_row (GString    *out,
                 const char *label,
                 guint       label_width,
                 const char *value)
{
  g_autofree char *padded = NULL;
  g_auto(GStrv) lines = NULL;

  if (value == NULL || value[0] == '\0')
    return;

  padded = _fd_cli_pad (label, label_width);
  lines = g_strsplit (value, "\n", -1);

  g_string_append_printf (out, "%s  %s\n", padded, lines[0]);

  /* Continuation lines of an address or notes line up under the first one. */
  for (guint i = 1; lines[i] != NULL; i++)
    {
      g_autofree char *blank = _fd_cli_pad ("", label_width);

      g_string_append_printf (out, "%s  %s\n", blank, lines[i]);
    }
}

/* The local time, or NULL for 0 (“never”), so that _fd_cli_add_row() skips the row. */
char *
_fd_cli_format_time_or_null (gint64 unix_time)
{
  if (unix_time == 0)
    return NULL;

  return _fd_cli_format_local_time (unix_time);
}

/* Appends @rows (each a string vector of @n_columns cells, the header first) to @out,
 * each column padded to its widest cell and two spaces between columns. */
void
_fd_cli_append_table (GString   *out,
                      GPtrArray *rows,
                      guint      n_columns)
{
  g_autofree guint *widths = g_new0 (guint, n_columns);

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], _fd_cli_width (row[c]));
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *cell = _fd_cli_pad (row[c], widths[c]);

          if (c > 0)
            g_string_append (line, "  ");
          g_string_append (line, cell);
        }

      g_strchomp (line->str);
      g_string_append_printf (out, "%s\n", line->str);
    }
}

/* Prints @codes and their @labels as a two-column table under the given headers. */
void
_fd_cli_print_code_label_table (const char         *code_header,
                                const char         *label_header,
                                const char * const *codes,
                                const char * const *labels)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *headers[] = { code_header, label_header, NULL };

  g_ptr_array_add (rows, g_strdupv ((char **) headers));
  for (guint i = 0; codes[i] != NULL; i++)
    {
      char **row = g_new0 (char *, 3);

      row[0] = g_strdup (codes[i]);
      row[1] = g_strdup (labels[i]);
      g_ptr_array_add (rows, row);
    }

  _fd_cli_append_table (out, rows, 2);
  _fd_cli_print ("%s", out->str);
}

/* Prints what @builder has built so far. */
void
_fd_cli_print_json_builder (JsonBuilder *builder)
{
  g_autoptr(JsonNode) root = json_builder_get_root (builder);

  _fd_cli_print_json (root);
}

/* Up to @limit items, page after keyset page: each page starts after the last item of the
 * one before, never at an offset. */
GPtrArray *
_fd_cli_collect_pages (FdStore        *store,
                       FdCliPageFunc   fetch_page,
                       gconstpointer   query,
                       guint           limit,
                       GError        **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  while (items->len < limit)
    {
      g_autoptr(GPtrArray) page = NULL;
      gpointer last = NULL;
      guint wanted = MIN (FD_CLI_PAGE_SIZE, limit - items->len);

      if (items->len > 0)
        last = g_ptr_array_index (items, items->len - 1);

      if (!(page = fetch_page (store, query, last, wanted, error)))
        return NULL;

      for (guint i = 0; i < page->len && items->len < limit; i++)
        g_ptr_array_add (items, g_object_ref (g_ptr_array_index (page, i)));

      if (page->len < wanted)
        break;
    }

  return g_steal_pointer (&items);
}

/* Reports @error on stderr; returns the exit status for a failed command. */
int
_fd_cli_fail (const GError *error)
{
  _fd_cli_print_error (error);

  return FD_CLI_EXIT_ERROR;
}

/* Opens the store and resolves the branch to work at (see _fd_cli_resolve_branch()). */
FdStore *
_fd_cli_open_branch_store (FdCli   *cli,
                           gint64  *branch_id,
                           GError **error)
{
  g_autoptr(FdStore) store = NULL;

  if (!(store = _fd_cli_open_store (cli, error)) ||
      !(*branch_id = _fd_cli_resolve_branch (cli, store, error)))
    return NULL;

  return g_steal_pointer (&store);
}

/* Appends one history entry as “@margin TIME  TITLE”, its detail lines under the title. */
void
_fd_cli_append_history_entry (GString        *out,
                              FdHistoryEntry *entry,
                              const char     *margin)
{
  g_autofree char *at = _fd_cli_format_local_time (fd_history_entry_get_at (entry));
  const char *detail = fd_history_entry_get_detail (entry);

  g_string_append_printf (out, "%s%s  %s\n", margin, at, fd_history_entry_get_title (entry));
  if (detail != NULL && detail[0] != '\0')
    {
      guint width = _fd_cli_width (margin) + _fd_cli_width (at) + 2;
      g_autofree char *indent = _fd_cli_pad ("", width);
      g_auto(GStrv) lines = g_strsplit (detail, "\n", -1);

      for (guint j = 0; lines[j] != NULL; j++)
        g_string_append_printf (out, "%s%s\n", indent, lines[j]);
    }
}
