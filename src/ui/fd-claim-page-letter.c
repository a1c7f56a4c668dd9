/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The claim page's letters: an outgoing message laid out on the branch's letterhead by
 * fd-print, saved as PDF or sent to a printer. */

#define G_LOG_DOMAIN "fd-claim-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-claim-page-private.h"
#include "fd-letter-print.h"

static FdLetter *
prepare_letter (FdClaimPage *self,
                gint64       claim_id,
                gint64       message_id)
{
  FdStore *store = _fd_claim_page_get_store (self);
  g_autoptr(GError) error = NULL;
  FdLetter *letter;

  if (store == NULL)
    return NULL;

  letter = fd_store_prepare_letter (store, claim_id, message_id, &error);
  if (letter == NULL)
    _fd_claim_page_add_toast (self, error->message);

  return letter;
}

static void
on_export_dialog_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              gpointer         user_data)
{
  g_autoptr(FdClaimPage) self = user_data;
  FdLetter *letter = g_object_get_data (G_OBJECT (dialog), "fd-letter");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *message = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = file != NULL ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      _fd_claim_page_add_toast (self, _("Choose a folder on this computer to save the letter in."));
      goto out;
    }

  if (!fd_letter_print_write_pdf (letter, path, &error))
    {
      _fd_claim_page_add_toast (self, error->message);
      goto out;
    }

  basename = g_file_get_basename (file);
  /* Translators: %s is the PDF file's name */
  message = g_strdup_printf (_("Letter saved as “%s”"), basename);
  _fd_claim_page_add_toast (self, message);

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
on_begin_print_cb (GtkPrintOperation *operation,
                   GtkPrintContext   *context,
                   FdLetter          *letter)
{
  int n_pages = fd_letter_print_count_pages (letter,
                                             gtk_print_context_get_width (context),
                                             gtk_print_context_get_height (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page_cb (GtkPrintOperation *operation,
                 GtkPrintContext   *context,
                 int                page,
                 FdLetter          *letter)
{
  fd_letter_print_draw_page (letter, gtk_print_context_get_cairo_context (context),
                             gtk_print_context_get_width (context),
                             gtk_print_context_get_height (context),
                             page);
}

static void
on_print_done_cb (FdClaimPage             *self,
                  GtkPrintOperationResult  result,
                  GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR)
    return;

  gtk_print_operation_get_error (operation, &error);
  if (error != NULL)
    _fd_claim_page_add_toast (self, error->message);
}

void
_fd_claim_page_export_letter (FdClaimPage *self,
                              gint64       claim_id,
                              gint64       message_id)
{
  g_autoptr(FdLetter) letter = prepare_letter (self, claim_id, message_id);
  FdClaim *claim = fd_claim_page_get_claim (self);
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (letter == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Letter as PDF"), _fd_claim_page_get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (claim != NULL)
    {
      /* Translators: the suggested file name of an exported letter; %s is the claim's reference */
      name = g_strdup_printf (_("Letter %s.pdf"), fd_claim_get_reference (claim));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
    }
  g_object_set_data_full (G_OBJECT (dialog), "fd-letter", g_steal_pointer (&letter), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_dialog_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

void
_fd_claim_page_print_letter (FdClaimPage *self,
                             gint64       claim_id,
                             gint64       message_id)
{
  g_autoptr(FdLetter) letter = prepare_letter (self, claim_id, message_id);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  FdClaim *claim = fd_claim_page_get_claim (self);
  GtkPrintOperationResult result;

  if (letter == NULL)
    return;

  operation = gtk_print_operation_new ();
  if (claim != NULL)
    gtk_print_operation_set_job_name (operation, fd_claim_get_reference (claim));
  /* The letterhead is laid out on the whole sheet, in points. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);

  /* The operation keeps the letter for as long as it prints. */
  g_object_set_data_full (G_OBJECT (operation), "fd-letter", g_object_ref (letter), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (on_begin_print_cb), letter);
  g_signal_connect (operation, "draw-page", G_CALLBACK (on_draw_page_cb), letter);
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self, G_CONNECT_SWAPPED);

  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    _fd_claim_page_get_window (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    _fd_claim_page_add_toast (self, error->message);
}
