/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-claim.h"
#include "fd-letter.h"
#include "fd-letter-print.h"
#include "fd-store.h"

#include "fd-cli-private.h"

int
_fd_cli_claim_letter (FdCli  *cli,
                      char  **args)
{
  g_autoptr(FdLetter) letter = NULL;
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *message_text = NULL;
  g_autofree char *shown = NULL;
  const char *reference = NULL;
  gboolean help_shown = FALSE;
  gint64 message_id = 0;
  const GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf,
      N_("Write the letter to this PDF file"), N_("FILE") },
    { "message", 0, 0, G_OPTION_ARG_STRING, &message_text,
      N_("The outgoing message to print (default: the claim’s latest outgoing letter)"),
      N_("ID") },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim letter", N_("REF|ID"),
                              N_("Writes a claim’s latest outgoing letter (or the message "
                                 "given with --message) to a PDF file, laid out on the "
                                 "branch’s letterhead, and prints the file’s path."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_claim_argument (args, &reference, &error))
    goto failed;

  if (pdf == NULL || pdf[0] == '\0')
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Missing --pdf: which file should the letter be written to?"));
      goto failed;
    }

  if (message_text != NULL &&
      !_fd_cli_parse_id_of (message_text, FD_CLI_ID_MESSAGE, &message_id, &error))
    goto failed;

  /* The letter is complete before the file is created: a claim without a letter, or a
   * message of another claim, leaves no file behind. */
  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claim = _fd_cli_lookup_claim (store, reference, &error)) ||
      !(letter = fd_store_prepare_letter (store, fd_claim_get_id (claim), message_id,
                                          &error)) ||
      !fd_letter_print_write_pdf (letter, pdf, &error))
    goto failed;

  shown = g_filename_display_name (pdf);
  _fd_cli_print ("%s\n", shown);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}
