/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "fd-claim.h"
#include "fd-claim-message.h"
#include "fd-customer.h"
#include "fd-error.h"
#include "fd-reply-template.h"
#include "fd-store.h"

#include "fd-cli-private.h"

/* A message's text read from a file: no letter or e-mail is longer, and the limit keeps
 * a mistaken --body-file (a video, /dev/zero) from filling memory. */
#define MAX_BODY_BYTES FD_ATTACHMENT_MAX_BYTES

static gboolean
check_direction (const char          *text,
                 FdMessageDirection  *direction,
                 GError             **error)
{
  g_autofree char *shown = NULL;

  if (text == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           /* Translators: the codes in and out must stay as they are */
                           _("Missing --direction: in (from the customer) or out (to the "
                             "customer)."));
      return FALSE;
    }

  if (fd_message_direction_from_code (text, direction))
    return TRUE;

  shown = g_utf8_make_valid (text, -1);
  fd_set_invalid (error, "direction",
                  /* Translators: “%s” is what the user typed; the codes in and out must
                   * stay as they are */
                  _("Unknown direction “%s”: use in or out."), shown);

  return FALSE;
}

static gboolean
check_channel (const char  *text,
               GError     **error)
{
  g_autofree char *shown = NULL;

  if (text == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           /* Translators: the codes must stay as they are */
                           _("Missing --channel: in_person, phone, email or letter."));
      return FALSE;
    }

  if (g_strv_contains (fd_claim_channels (), text))
    return TRUE;

  shown = g_utf8_make_valid (text, -1);
  fd_set_invalid (error, "channel",
                  /* Translators: “%s” is what the user typed; the codes must stay as they
                   * are */
                  _("Unknown channel “%s”: use in_person, phone, email or letter."), shown);

  return FALSE;
}

/* A template name as typed: the code in any case, with dashes for underscores
 * (“Request-Information”). Replaces @code with the stable code when it names one. */
static gboolean
check_template (char   **code,
                GError **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *codes = NULL;
  g_autofree char *normal = NULL;

  normal = g_strdelimit (g_ascii_strdown (*code, -1), "-", '_');
  if (g_strv_contains (fd_reply_template_codes (), normal))
    {
      g_free (*code);
      *code = g_steal_pointer (&normal);
      return TRUE;
    }

  shown = g_utf8_make_valid (*code, -1);
  codes = g_strjoinv (", ", (char **) fd_reply_template_codes ());
  fd_set_invalid (error, "template",
                  /* Translators: “%s” is what the user typed, then the list of template
                   * names, which must stay as they are */
                  _("Unknown template “%s”: use one of %s."), shown, codes);

  return FALSE;
}

static gboolean
check_language (const char  *code,
                GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *codes = NULL;

  if (g_strv_contains (fd_languages (), code))
    return TRUE;

  shown = g_utf8_make_valid (code, -1);
  codes = g_strjoinv (", ", (char **) fd_languages ());
  fd_set_invalid (error, "language",
                  /* Translators: “%s” is what the user typed, then the list of language
                   * codes, which must stay as they are */
                  _("Unknown language “%s”: use one of %s."), shown, codes);

  return FALSE;
}

/* Checks each --attach before anything is written, so the user hears which file is wrong
 * in the CLI's words; the store checks them again as it reads them. */
static gboolean
check_attachments (char    **paths,
                   GError  **error)
{
  for (guint i = 0; paths != NULL && paths[i] != NULL; i++)
    {
      g_autofree char *shown = g_filename_display_name (paths[i]);
      GStatBuf info;

      if (g_stat (paths[i], &info) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, FD_ERROR, FD_ERROR_INVALID,
                       /* Translators: %s is a file name, then the system's reason */
                       _("Cannot attach “%s”: %s."), shown, g_strerror (saved_errno));
          return FALSE;
        }

      if (!S_ISREG (info.st_mode))
        {
          g_set_error (error, FD_ERROR, FD_ERROR_INVALID,
                       /* Translators: %s is a file name */
                       _("Cannot attach “%s”: it is not a regular file."), shown);
          return FALSE;
        }

      if (info.st_size > FD_ATTACHMENT_MAX_BYTES)
        {
          g_autofree char *size = g_format_size_full ((guint64) info.st_size,
                                                      G_FORMAT_SIZE_IEC_UNITS);
          g_autofree char *max = g_format_size_full (FD_ATTACHMENT_MAX_BYTES,
                                                     G_FORMAT_SIZE_IEC_UNITS);

          g_set_error (error, FD_ERROR, FD_ERROR_INVALID,
                       /* Translators: a file name, its size and the largest size allowed,
                        * as in “Cannot attach “scan.pdf”: it is 25.0 MiB, more than the
                        * 20.0 MiB allowed.” */
                       _("Cannot attach “%s”: it is %s, more than the %s allowed."),
                       shown, size, max);
          return FALSE;
        }

      if (g_access (paths[i], R_OK) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, FD_ERROR, FD_ERROR_INVALID,
                       _("Cannot attach “%s”: %s."), shown, g_strerror (saved_errno));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
read_stdin (GString  *text,
            GError  **error)
{
  char buffer[8192];
  size_t n_read;

  while ((n_read = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    {
      g_string_append_len (text, buffer, (gssize) n_read);
      if (text->len > MAX_BODY_BYTES)
        return TRUE;
    }

  if (ferror (stdin))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("Cannot read the message from standard input."));
      return FALSE;
    }

  return TRUE;
}

/* The text of --body-file: the file's contents, or standard input for “-”. It must be
 * UTF-8 text, without NUL bytes. */
static char *
read_body_file (const char  *path,
                GError     **error)
{
  g_autofree char *shown = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (g_str_equal (path, "-"))
    {
      g_autoptr(GString) text = g_string_new (NULL);

      /* Translators: where --body-file - reads the message from */
      shown = g_strdup (_("standard input"));
      if (!read_stdin (text, error))
        return NULL;
      length = text->len;
      contents = g_string_free (g_steal_pointer (&text), FALSE);
    }
  else
    {
      g_autoptr(GError) local_error = NULL;

      shown = g_filename_display_name (path);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        {
          g_set_error (error, FD_ERROR, FD_ERROR_INVALID,
                       /* Translators: %s is the file name given with --body-file */
                       _("Cannot read the message from “%s”: it is a folder."), shown);
          return NULL;
        }

      if (!g_file_get_contents (path, &contents, &length, &local_error))
        {
          g_set_error (error, FD_ERROR, FD_ERROR_INVALID,
                       /* Translators: %s is the file name given with --body-file, then
                        * the reason */
                       _("Cannot read the message from “%s”: %s"), shown,
                       local_error->message);
          return NULL;
        }
    }

  if (length > MAX_BODY_BYTES)
    {
      g_autofree char *max = g_format_size_full (MAX_BODY_BYTES, G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, FD_ERROR, FD_ERROR_INVALID,
                   /* Translators: the file name given with --body-file, then the largest
                    * size allowed, as in “20.0 MiB” */
                   _("The message in “%s” is too long: at most %s."), shown, max);
      return NULL;
    }

  if (!g_utf8_validate_len (contents, length, NULL))
    {
      g_set_error (error, FD_ERROR, FD_ERROR_INVALID,
                   /* Translators: %s is the file name given with --body-file */
                   _("The message in “%s” is not UTF-8 text."), shown);
      return NULL;
    }

  /* Editors on Windows start UTF-8 files with a byte order mark; it is not text. */
  if (g_str_has_prefix (contents, "\xef\xbb\xbf"))
    memmove (contents, contents + 3, length - 3 + 1);

  return g_steal_pointer (&contents);
}

/* An attachment as “name (size)”, or NULL past the last one. */
char *
_fd_cli_format_attachment (FdClaimMessage *message,
                           guint           index)
{
  g_autofree char *size_text = NULL;
  const char *name = NULL;
  gint64 attachment_id = 0;
  gint64 size = 0;

  if (!fd_claim_message_get_attachment (message, index, &attachment_id, &name, &size))
    return NULL;

  size_text = g_format_size ((guint64) MAX (size, 0));

  /* Translators: an attachment's file name and size, as in “photo.jpg (1.2 MB)” */
  return g_strdup_printf (_("%s (%s)"), name, size_text);
}

static void
print_message (FdClaimMessage *message,
               FdClaim        *claim,
               gboolean        json)
{
  g_autoptr(GString) out = NULL;
  g_autoptr(GString) attachments = NULL;
  g_autofree char *id = NULL;
  g_autofree char *at = NULL;
  const char *channel = fd_claim_message_get_channel (message);
  const char *channel_text = fd_claim_channel_to_label (channel);
  const char *template_code = fd_claim_message_get_template (message);
  const char *template_text = NULL;
  const char *language = fd_claim_message_get_language (message);
  const char *body = fd_claim_message_get_body (message);
  const char *labels[9];
  guint n_attachments = fd_claim_message_get_n_attachments (message);
  guint width;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      _fd_cli_add_message_json (builder, message, claim);
      _fd_cli_print_json_builder (builder);
      return;
    }

  labels[0] = _("Message:");
  labels[1] = _("Claim:");
  labels[2] = _("Direction:");
  labels[3] = _("Channel:");
  labels[4] = _("Date:");
  labels[5] = _("Language:");
  labels[6] = _("Template:");
  labels[7] = _("Subject:");
  labels[8] = _("Attachments:");

  width = _fd_cli_max_width (labels, G_N_ELEMENTS (labels));

  id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_claim_message_get_id (message));
  at = _fd_cli_format_time_or_null (fd_claim_message_get_at (message));
  if (template_code != NULL)
    template_text = fd_reply_template_to_label (template_code);

  attachments = g_string_new (NULL);
  for (guint i = 0; i < n_attachments; i++)
    {
      g_autofree char *attachment = _fd_cli_format_attachment (message, i);

      if (attachment == NULL)
        continue;
      if (attachments->len > 0)
        g_string_append_c (attachments, '\n');
      g_string_append (attachments, attachment);
    }

  out = g_string_new (NULL);
  _fd_cli_add_row (out, labels[0], width, id);
  _fd_cli_add_row (out, labels[1], width, fd_claim_get_reference (claim));
  _fd_cli_add_row (out, labels[2], width,
                   fd_message_direction_to_label (fd_claim_message_get_direction (message)));
  _fd_cli_add_row (out, labels[3], width, channel_text != NULL ? channel_text : channel);
  _fd_cli_add_row (out, labels[4], width, at);
  _fd_cli_add_row (out, labels[5], width,
                   language != NULL && fd_language_to_label (language) != NULL
                   ? fd_language_to_label (language) : language);
  _fd_cli_add_row (out, labels[6], width,
                   template_text != NULL ? template_text : template_code);
  _fd_cli_add_row (out, labels[7], width, fd_claim_message_get_subject (message));
  _fd_cli_add_row (out, labels[8], width, attachments->str);

  if (body != NULL && body[0] != '\0')
    g_string_append_printf (out, "\n%s%s", body, g_str_has_suffix (body, "\n") ? "" : "\n");

  _fd_cli_print ("%s", out->str);
}

int
_fd_cli_claim_reply (FdCli  *cli,
                     char  **args)
{
  g_autoptr(FdClaimMessage) message = NULL;
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) attach = NULL;
  g_autofree char *direction_text = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *template_code = NULL;
  g_autofree char *body_file = NULL;
  g_autofree char *subject_arg = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *language = NULL;
  g_autofree char *at_text = NULL;
  g_autofree char *body = NULL;
  g_autofree char *filled_subject = NULL;
  g_autofree char *filled_body = NULL;
  const char *reference = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  FdMessageDirection direction = FD_MESSAGE_OUT;
  FdMessageDraft draft = { 0 };
  gint64 at = 0;
  const GOptionEntry entries[] = {
    /* Translators: the codes in and out must stay as they are */
    { "direction", 0, 0, G_OPTION_ARG_STRING, &direction_text,
      N_("in (from the customer) or out (to the customer)"), N_("in|out") },
    /* Translators: the codes in_person, phone, email and letter must stay as they are */
    { "channel", 0, 0, G_OPTION_ARG_STRING, &channel,
      N_("in_person, phone, email or letter"), N_("CHANNEL") },
    { "template", 0, 0, G_OPTION_ARG_STRING, &template_code,
      N_("Write the message from this reply template, filled in for the claim (see "
         "“claim template list”)"), N_("NAME") },
    { "body-file", 0, 0, G_OPTION_ARG_FILENAME, &body_file,
      N_("Read the message’s text from FILE (UTF-8), or from standard input for -"),
      N_("FILE") },
    { "subject", 0, 0, G_OPTION_ARG_FILENAME, &subject_arg,
      N_("The subject (default: the template’s)"), N_("TEXT") },
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The message’s language: en, nl, sr, sr@latin or lv (default: the customer’s)"),
      N_("LANG") },
    { "attach", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &attach,
      N_("Attach this file (at most 20 MiB); may be repeated"), N_("FILE") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("When it was sent or received, if not now (ISO 8601, local time unless an offset "
         "is given)"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the message as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim reply", N_("REF|ID"),
                              N_("Adds a letter, e-mail or call note to a claim’s thread, "
                                 "incoming or outgoing: written from a template in the "
                                 "customer’s language (or --language), or read from a file. "
                                 "Give exactly one of --template and --body-file."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_claim_argument (args, &reference, &error))
    goto failed;

  if (!check_direction (direction_text, &direction, &error) ||
      !check_channel (channel, &error))
    goto failed;

  if (template_code != NULL && body_file != NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give either --template or --body-file, not both."));
      goto failed;
    }
  if (template_code == NULL && body_file == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Missing --template or --body-file: what does the message "
                             "say?"));
      goto failed;
    }

  if ((template_code != NULL && !check_template (&template_code, &error)) ||
      (language != NULL && !check_language (language, &error)) ||
      !_fd_cli_optional_text (subject_arg, "--subject", "subject", &subject, &error) ||
      (at_text != NULL && !_fd_cli_parse_time (at_text, "--at", &at, &error)) ||
      !check_attachments (attach, &error))
    goto failed;

  if (body_file != NULL && !(body = read_body_file (body_file, &error)))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claim = _fd_cli_lookup_claim (store, reference, &error)))
    goto failed;

  /* The template filled in for this claim, in the customer's language unless --language. */
  if (template_code != NULL)
    {
      if (!fd_store_fill_reply (store, fd_claim_get_id (claim), template_code, language,
                                &filled_subject, &filled_body, &error))
        goto failed;
      body = g_steal_pointer (&filled_body);
      if (subject == NULL)
        subject = g_steal_pointer (&filled_subject);
    }

  draft.claim_id = fd_claim_get_id (claim);
  draft.direction = direction;
  draft.channel = channel;
  draft.at = at;
  draft.subject = subject;
  draft.body = body;
  draft.language = language;
  draft.template_code = template_code;
  draft.attachments = (const char * const *) attach;

  if (!(message = fd_store_add_message (store, &draft, &error)))
    goto failed;

  print_message (message, claim, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
template_list (FdCli  *cli,
               char  **args)
{
  g_autoptr(GError) error = NULL;
  const char * const *codes = fd_reply_template_codes ();
  g_autofree const char **labels = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of templates"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim template list", NULL,
                              N_("Lists the reply templates by name, for “claim reply "
                                 "--template NAME”."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  labels = g_new0 (const char *, g_strv_length ((char **) codes) + 1);
  for (guint i = 0; codes[i] != NULL; i++)
    labels[i] = fd_reply_template_to_label (codes[i]);

  if (json)
    _fd_cli_print_code_labels_json (codes, labels);
  else
    _fd_cli_print_code_label_table (C_("column", "Name"), C_("column", "Template"),
                                    codes, labels);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
template_show (FdCli  *cli,
               char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *language = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *body = NULL;
  g_autofree char *code = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "language", 0, 0, G_OPTION_ARG_STRING, &language,
      N_("The template in this language: en, nl, sr, sr@latin or lv (default: en)"),
      N_("LANG") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the template as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim template show", N_("NAME"),
                              N_("Prints a reply template’s subject and text, with its "
                                 "{placeholders}: the branch’s own version if one was saved, "
                                 "else the built-in one."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (!_fd_cli_require (args[1],
                        _("Missing template name: see “frontdesk-cli claim template "
                          "list”."),
                        &error))
    goto failed;
  code = g_strdup (args[1]);

  if (!_fd_cli_no_extra_arguments (args, 2, &error) ||
      !check_template (&code, &error) ||
      (language != NULL && !check_language (language, &error)))
    goto failed;

  if (language == NULL)
    language = g_strdup ("en");

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !fd_store_get_reply_template (store, code, language, &subject, &body, &error))
    goto failed;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, code);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, fd_reply_template_to_label (code));
      json_builder_set_member_name (builder, "language");
      json_builder_add_string_value (builder, language);
      json_builder_set_member_name (builder, "subject");
      if (subject != NULL)
        json_builder_add_string_value (builder, subject);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "body");
      json_builder_add_string_value (builder, body != NULL ? body : "");
      json_builder_end_object (builder);

      _fd_cli_print_json_builder (builder);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      const char *labels[] = { _("Template:"), _("Language:"), _("Subject:") };
      guint width = _fd_cli_max_width (labels, G_N_ELEMENTS (labels));

      _fd_cli_add_row (out, labels[0], width, fd_reply_template_to_label (code));
      _fd_cli_add_row (out, labels[1], width, fd_language_to_label (language));
      _fd_cli_add_row (out, labels[2], width, subject);
      if (body != NULL && body[0] != '\0')
        g_string_append_printf (out, "\n%s%s", body, g_str_has_suffix (body, "\n") ? "" : "\n");

      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

int
_fd_cli_claim_template (FdCli  *cli,
                        char  **args)
{
  static const FdCliAction actions[] = {
    { "list", template_list },
    { "show", template_show },
  };

  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli claim template list [--json]\n"
                             "  frontdesk-cli claim template show NAME [--language LANG] "
                             "[--json]\n"
                             "\n"
                             "Run “frontdesk-cli claim template COMMAND --help” for the "
                             "options of a command.\n"),
                           /* Translators: %s is what the user typed after “claim template” */
                           _("Unknown template command “%s”."));
}
