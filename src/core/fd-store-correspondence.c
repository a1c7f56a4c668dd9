/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fd-claim-message-private.h"
#include "fd-claim-private.h"
#include "fd-error.h"
#include "fd-reply-template.h"
#include "fd-store-private.h"

/* A claim's correspondence: letters, e-mails and call notes with their attachments, the
 * reply templates they are written from, and the letter an outgoing one prints as. */

#define MESSAGE_COLUMNS \
  "id, claim_id, direction, channel, at, subject, body, language, template, author FROM claim_messages"

typedef struct
{
  char   *name;
  char   *content_type;
  GBytes *bytes;
  char   *sha256;
} Attachment;

static void
attachment_free (gpointer data)
{
  Attachment *a = data;

  g_free (a->name);
  g_free (a->content_type);
  g_clear_pointer (&a->bytes, g_bytes_unref);
  g_free (a->sha256);
  g_free (a);
}

/* Reads one attachment before the write transaction starts, so a slow disk never holds
 * the database's lock. The size is checked before reading: a huge file is refused
 * without being loaded. */
static Attachment *
read_attachment_file (const char  *path,
                      GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) local = NULL;
  g_autofree char *display = g_file_get_parse_name (file);
  Attachment *a;
  gsize length;
  char *data;

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local);
  if (info == NULL)
    {
      fd_set_invalid (error, "attachment",
                      /* Translators: %s is a file name, then the system's reason */
                      _("The attachment “%s” cannot be read: %s"), display, local->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      fd_set_invalid (error, "attachment", _("The attachment “%s” is not a file."), display);
      return NULL;
    }
  if (g_file_info_get_size (info) > FD_ATTACHMENT_MAX_BYTES)
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));
      g_autofree char *max = g_format_size (FD_ATTACHMENT_MAX_BYTES);

      fd_set_invalid (error, "attachment",
                      /* Translators: a file name, its size, and the largest size allowed */
                      _("The attachment “%s” is %s; an attachment can be at most %s."),
                      display, size, max);
      return NULL;
    }
  if (!g_file_load_contents (file, NULL, &data, &length, NULL, &local))
    {
      fd_set_invalid (error, "attachment", _("The attachment “%s” cannot be read: %s"), display, local->message);
      return NULL;
    }
  if (length > FD_ATTACHMENT_MAX_BYTES)   /* it grew while we looked */
    {
      g_autofree char *max = g_format_size (FD_ATTACHMENT_MAX_BYTES);

      g_free (data);
      fd_set_invalid (error, "attachment", _("The attachment “%s” is larger than %s."), display, max);
      return NULL;
    }

  a = g_new0 (Attachment, 1);
  a->name = g_strdup (g_file_info_get_display_name (info));
  a->content_type = g_strdup (g_file_info_get_content_type (info));
  a->sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, length);
  a->bytes = g_bytes_new_take (data, length);
  return a;
}

static gboolean
validate_message (const FdMessageDraft  *draft,
                  GError               **error)
{
  if (draft->direction > FD_MESSAGE_OUT)
    {
      fd_set_invalid (error, "direction", _("The direction is in or out."));
      return FALSE;
    }
  if (draft->channel == NULL || !g_strv_contains (fd_claim_channels (), draft->channel))
    {
      fd_set_invalid (error, "channel", _("The channel is in_person, phone, email or letter."));
      return FALSE;
    }
  if (draft->body == NULL || draft->body[strspn (draft->body, " \t\r\n")] == '\0' ||
      !g_utf8_validate (draft->body, -1, NULL) || g_utf8_strlen (draft->body, -1) > 100000)
    {
      fd_set_invalid (error, "body", _("Write the text of the message (at most 100,000 characters)."));
      return FALSE;
    }
  if (draft->subject && (!g_utf8_validate (draft->subject, -1, NULL) || g_utf8_strlen (draft->subject, -1) > 500))
    {
      fd_set_invalid (error, "subject", _("The subject must be text of at most 500 characters."));
      return FALSE;
    }
  if (draft->language && !g_strv_contains (fd_languages (), draft->language))
    {
      /* Translators: %s is what the user gave as a language */
      fd_set_invalid (error, "language", _("“%s” is not a language Frontdesk writes in."), draft->language);
      return FALSE;
    }
  return TRUE;
}

static gint64
next_position (FdDatabase  *db,
               gint64       claim_id,
               GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "SELECT coalesce (max (position), 0) + 1 FROM claim_messages WHERE claim_id = ?1", error);
  gint64 position = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    position = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (position >= FD_CLAIM_FTS_STRIDE)
    {
      fd_set_invalid (error, "claim", _("This claim’s thread is full: open a new claim."));
      return 0;
    }
  return position;
}

static gboolean
insert_attachment (FdDatabase        *db,
                   gint64             message_id,
                   const Attachment  *a,
                   GError           **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO claim_attachments (message_id, name, content_type, size, sha256, data)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  gsize size;
  gconstpointer data;

  if (stmt == NULL)
    return FALSE;
  data = g_bytes_get_data (a->bytes, &size);
  sqlite3_bind_int64 (stmt, 1, message_id);
  fd_bind_text (stmt, 2, a->name);
  fd_bind_text (stmt, 3, a->content_type);
  sqlite3_bind_int64 (stmt, 4, size);
  fd_bind_text (stmt, 5, a->sha256);
  sqlite3_bind_blob64 (stmt, 6, size ? data : "", size, SQLITE_STATIC);
  return fd_database_step_done (db, stmt, error);
}

/* The message's searchable text: subject, body and the attachments' names. */
static char *
message_text (const FdMessageDraft *draft,
              GPtrArray            *attachments)
{
  GString *text = g_string_new (draft->subject);

  g_string_append_c (text, ' ');
  g_string_append (text, draft->body);
  for (guint i = 0; i < attachments->len; i++)
    {
      Attachment *a = g_ptr_array_index (attachments, i);

      g_string_append_c (text, ' ');
      g_string_append (text, a->name);
    }
  return g_string_free (text, FALSE);
}

static gboolean
record_message_event (FdStore            *self,
                      gint64              claim_id,
                      gint64              at,
                      const FdMessageDraft *draft,
                      GError            **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autofree char *actor = _fd_store_dup_actor (self);
  g_autofree char *what = g_strdup_printf ("%s %s", fd_message_direction_to_code (draft->direction), draft->channel);
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO claim_events (claim_id, at, field, new_value, comment, actor)"
    " VALUES (?1, ?2, 'message', ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, at);
  fd_bind_text (stmt, 3, what);
  fd_bind_text (stmt, 4, draft->subject && *draft->subject ? draft->subject : NULL);
  fd_bind_text (stmt, 5, actor);
  return fd_database_step_done (db, stmt, error);
}

static FdClaimMessage *
get_message (FdStore  *self,
             gint64    id,
             GError  **error);

/**
 * fd_store_add_message:
 *
 * Adds a letter, e-mail or call note to a claim's thread, with its attachments, in one
 * transaction.
 *
 * Returns: (transfer full): the message, or %NULL with @error set and nothing written
 */
FdClaimMessage *
fd_store_add_message (FdStore              *self,
                      const FdMessageDraft *draft,
                      GError              **error)
{
  FdDatabase *db;
  g_autoptr(GPtrArray) attachments = g_ptr_array_new_with_free_func (attachment_free);
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdCustomer) customer = NULL;
  g_autofree char *author = NULL;
  g_autofree char *text = NULL;
  const char *language;
  sqlite3_stmt *stmt;
  gint64 at, position, id;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  if (!validate_message (draft, error) ||
      (at = _fd_store_resolve_time (draft->at, error)) < 0)
    return NULL;
  for (guint i = 0; draft->attachments && draft->attachments[i]; i++)
    {
      Attachment *a = read_attachment_file (draft->attachments[i], error);

      if (a == NULL)
        return NULL;
      g_ptr_array_add (attachments, a);
    }

  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(claim = fd_store_get_claim (self, draft->claim_id, error)) ||
      !(customer = fd_store_get_customer (self, claim->customer_id, error)))
    return NULL;
  if (at < claim->received_at)
    {
      fd_set_invalid (error, "at", _("The message cannot be dated before the claim was received."));
      return NULL;
    }
  if ((position = next_position (db, claim->id, error)) == 0)
    return NULL;

  language = draft->language ? draft->language : fd_customer_get_language (customer);
  author = _fd_store_dup_actor (self);
  if (!(stmt = fd_database_prepare (db,
          "INSERT INTO claim_messages (claim_id, position, direction, channel, at, subject, body,"
          " language, template, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim->id);
  sqlite3_bind_int64 (stmt, 2, position);
  fd_bind_text (stmt, 3, fd_message_direction_to_code (draft->direction));
  fd_bind_text (stmt, 4, draft->channel);
  sqlite3_bind_int64 (stmt, 5, at);
  fd_bind_text (stmt, 6, draft->subject && *draft->subject ? draft->subject : NULL);
  fd_bind_text (stmt, 7, draft->body);
  fd_bind_text (stmt, 8, language);
  fd_bind_text (stmt, 9, draft->template_code);
  fd_bind_text (stmt, 10, author);
  if (!fd_database_step_done (db, stmt, error))
    return NULL;
  id = sqlite3_last_insert_rowid (fd_database_get_handle (db));

  for (guint i = 0; i < attachments->len; i++)
    if (!insert_attachment (db, id, g_ptr_array_index (attachments, i), error))
      return NULL;

  text = message_text (draft, attachments);
  if (!_fd_claim_fts_write (db, claim->id * FD_CLAIM_FTS_STRIDE + position, NULL, text, error) ||
      !record_message_event (self, claim->id, at, draft, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_claims_changed (self);
  return get_message (self, id, error);
}

static FdClaimMessage *
message_from_row (sqlite3_stmt *stmt)
{
  FdClaimMessage *message = g_object_new (FD_TYPE_CLAIM_MESSAGE, NULL);

  message->id = sqlite3_column_int64 (stmt, 0);
  message->claim_id = sqlite3_column_int64 (stmt, 1);
  fd_message_direction_from_code (fd_column_text (stmt, 2), &message->direction);
  message->channel = g_strdup (fd_column_text (stmt, 3));
  message->at = sqlite3_column_int64 (stmt, 4);
  message->subject = g_strdup (fd_column_text (stmt, 5));
  message->body = g_strdup (fd_column_text (stmt, 6));
  message->language = g_strdup (fd_column_text (stmt, 7));
  message->template = g_strdup (fd_column_text (stmt, 8));
  message->author = g_strdup (fd_column_text (stmt, 9));
  return message;
}

static gboolean
load_attachments (FdDatabase      *db,
                  FdClaimMessage  *message,
                  GError         **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "SELECT id, name, size FROM claim_attachments WHERE message_id = ?1 ORDER BY id", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, message->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _fd_claim_message_add_attachment (message, sqlite3_column_int64 (stmt, 0),
                                      fd_column_text (stmt, 1), sqlite3_column_int64 (stmt, 2));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Messages from a prepared statement, each with its attachments. */
static GPtrArray *
collect_messages (FdDatabase    *db,
                  sqlite3_stmt  *stmt,
                  GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, message_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  for (guint i = 0; i < out->len; i++)
    if (!load_attachments (db, g_ptr_array_index (out, i), error))
      return NULL;
  return g_steal_pointer (&out);
}

static FdClaimMessage *
get_message (FdStore  *self,
             gint64    id,
             GError  **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  sqlite3_stmt *stmt = fd_database_prepare (db, "SELECT " MESSAGE_COLUMNS " WHERE id = ?1", error);
  g_autoptr(GPtrArray) found = NULL;

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!(found = collect_messages (db, stmt, error)))
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                   /* Translators: %lld is a message's number */
                   _("There is no message with number %lld."), (long long) id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * fd_store_list_messages:
 *
 * Returns: (transfer full) (element-type FdClaimMessage): the thread, oldest first
 */
GPtrArray *
fd_store_list_messages (FdStore  *self,
                        gint64    claim_id,
                        GError  **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "SELECT " MESSAGE_COLUMNS " WHERE claim_id = ?1 ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  return collect_messages (db, stmt, error);
}

/**
 * fd_store_read_attachment:
 * @name: (out) (optional): the file's name
 *
 * Returns: (transfer full): the attachment's bytes, checked against the checksum stored
 *   with them
 */
GBytes *
fd_store_read_attachment (FdStore  *self,
                          gint64    attachment_id,
                          char    **name,
                          GError  **error)
{
  FdDatabase *db;
  g_autofree char *sum = NULL;
  sqlite3_stmt *stmt;
  GBytes *bytes = NULL;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "SELECT name, sha256, data FROM claim_attachments WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, attachment_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const void *data = sqlite3_column_blob (stmt, 2);
      gsize size = sqlite3_column_bytes (stmt, 2);

      sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data ? data : (const void *) "", size);
      if (g_strcmp0 (sum, fd_column_text (stmt, 1)) == 0)
        {
          bytes = g_bytes_new (data, size);
          if (name)
            *name = g_strdup (fd_column_text (stmt, 0));
        }
      else
        g_set_error (error, FD_ERROR, FD_ERROR_CORRUPT, _("The attachment “%s” is damaged."), fd_column_text (stmt, 0));
    }
  else if (rc == SQLITE_DONE)
    g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                 /* Translators: %lld is an attachment's number */
                 _("There is no attachment with number %lld."), (long long) attachment_id);
  else
    fd_database_set_error (db, rc, error);
  sqlite3_reset (stmt);
  return bytes;
}

static gboolean
validate_template_key (const char  *code,
                       const char  *language,
                       GError     **error)
{
  if (code == NULL || !g_strv_contains (fd_reply_template_codes (), code))
    {
      /* Translators: %s is what the user gave as a template name */
      fd_set_invalid (error, "template", _("“%s” is not a reply template."), code ? code : "");
      return FALSE;
    }
  if (language == NULL || !g_strv_contains (fd_languages (), language))
    {
      fd_set_invalid (error, "language", _("“%s” is not a language Frontdesk writes in."), language ? language : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * fd_store_get_reply_template:
 * @subject: (out): the subject line
 * @body: (out): the text, with {placeholders}
 */
gboolean
fd_store_get_reply_template (FdStore     *self,
                             const char  *code,
                             const char  *language,
                             char       **subject,
                             char       **body,
                             GError     **error)
{
  FdDatabase *db;
  const char *default_subject, *default_body;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (!validate_template_key (code, language, error))
    return FALSE;

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "SELECT subject, body FROM reply_templates WHERE code = ?1 AND language = ?2", error)))
    return FALSE;
  fd_bind_text (stmt, 1, code);
  fd_bind_text (stmt, 2, language);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      *subject = g_strdup (fd_column_text (stmt, 0));
      *body = g_strdup (fd_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }

  fd_reply_template_get_default (code, language, &default_subject, &default_body);
  *subject = g_strdup (default_subject);
  *body = g_strdup (default_body);
  return TRUE;
}

gboolean
fd_store_set_reply_template (FdStore     *self,
                             const char  *code,
                             const char  *language,
                             const char  *subject,
                             const char  *body,
                             GError     **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (!validate_template_key (code, language, error) ||
      (body != NULL && !fd_reply_template_check (body, error)) ||
      (subject != NULL && !fd_reply_template_check (subject, error)))
    return FALSE;

  db = _fd_store_get_database (self);
  if (body == NULL)
    stmt = fd_database_prepare (db, "DELETE FROM reply_templates WHERE code = ?1 AND language = ?2 AND ?3 IS ?3 AND ?4 IS ?4", error);
  else
    stmt = fd_database_prepare (db,
      "INSERT INTO reply_templates (code, language, subject, body) VALUES (?1, ?2, ?3, ?4)"
      " ON CONFLICT (code, language) DO UPDATE SET subject = excluded.subject, body = excluded.body", error);
  if (stmt == NULL)
    return FALSE;
  fd_bind_text (stmt, 1, code);
  fd_bind_text (stmt, 2, language);
  fd_bind_text (stmt, 3, subject);
  fd_bind_text (stmt, 4, body);
  if (!fd_database_step_done (db, stmt, error))
    return FALSE;
  _fd_store_emit_claims_changed (self);
  return TRUE;
}

static char *
format_local_date (gint64      at,
                   const char *language)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, _fd_local_time_zone ());

  return fd_letter_format_date (local, language);
}

/* The address on one line, as a sentence quotes it. */
static char *
one_line (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text ? text : "", "\n", -1);
  g_autoptr(GStrvBuilder) kept = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;

  for (guint i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]))
      g_strv_builder_add (kept, lines[i]);
  parts = g_strv_builder_end (kept);
  return g_strjoinv (", ", parts);
}

/* The values of every placeholder for this claim, in @language. */
static GHashTable *
placeholder_values (FdStore     *self,
                    FdClaim     *claim,
                    FdCustomer  *customer,
                    FdBranch    *branch,
                    const char  *language)
{
  GHashTable *values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autoptr(GDateTime) now = g_date_time_new_now (_fd_local_time_zone ());

  g_hash_table_insert (values, "customer_name", fd_customer_dup_display_name (customer));
  g_hash_table_insert (values, "reference", g_strdup (claim->reference));
  g_hash_table_insert (values, "due_date", format_local_date (claim->due_at, language));
  g_hash_table_insert (values, "ack_due_date", format_local_date (claim->ack_due_at, language));
  g_hash_table_insert (values, "received_date", format_local_date (claim->received_at, language));
  g_hash_table_insert (values, "today", fd_letter_format_date (now, language));
  g_hash_table_insert (values, "summary", g_strdup (claim->summary ? claim->summary : ""));
  /* Before the resolution is recorded, the summary is the problem as the customer put it;
   * the rest is left for the writer to fill in. */
  g_hash_table_insert (values, "problem", g_strdup (claim->problem ? claim->problem : claim->summary ? claim->summary : "…"));
  g_hash_table_insert (values, "solution", g_strdup (claim->solution ? claim->solution : "…"));
  g_hash_table_insert (values, "benefit", g_strdup (claim->benefit ? claim->benefit : "…"));
  g_hash_table_insert (values, "branch_name", g_strdup (fd_branch_get_name (branch)));
  g_hash_table_insert (values, "branch_address", one_line (fd_branch_get_address (branch)));
  g_hash_table_insert (values, "branch_phone", g_strdup (fd_branch_get_phone (branch) ? fd_branch_get_phone (branch) : ""));
  g_hash_table_insert (values, "branch_email", g_strdup (fd_branch_get_email (branch) ? fd_branch_get_email (branch) : ""));
  g_hash_table_insert (values, "opening_hours", fd_letter_format_hours (branch, language, "\n"));
  g_hash_table_insert (values, "staff_name", _fd_store_dup_actor (self));
  return values;
}

static const char *
letter_language (const char *wanted,
                 FdCustomer *customer)
{
  const char *language = wanted ? wanted : fd_customer_get_language (customer);

  return language && g_strv_contains (fd_languages (), language) ? language : "en";
}

/**
 * fd_store_fill_reply:
 * @subject: (out): the filled subject
 * @body: (out): the filled text, to edit before sending
 */
gboolean
fd_store_fill_reply (FdStore     *self,
                     gint64       claim_id,
                     const char  *code,
                     const char  *language,
                     char       **subject,
                     char       **body,
                     GError     **error)
{
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *template_subject = NULL;
  g_autofree char *template_body = NULL;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (language && !g_strv_contains (fd_languages (), language))
    {
      fd_set_invalid (error, "language", _("“%s” is not a language Frontdesk writes in."), language);
      return FALSE;
    }
  if (!(claim = fd_store_get_claim (self, claim_id, error)) ||
      !(customer = fd_store_get_customer (self, claim->customer_id, error)) ||
      !(branch = fd_store_get_branch (self, claim->branch_id, error)))
    return FALSE;
  language = letter_language (language, customer);
  if (!fd_store_get_reply_template (self, code, language, &template_subject, &template_body, error))
    return FALSE;

  values = placeholder_values (self, claim, customer, branch, language);
  *subject = fd_reply_template_fill (template_subject ? template_subject : "", values);
  *body = fd_reply_template_fill (template_body, values);
  return TRUE;
}

/* The claim's latest outgoing letter, else its latest outgoing message. */
static gint64
latest_outgoing (FdDatabase  *db,
                 gint64       claim_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "SELECT id FROM claim_messages WHERE claim_id = ?1 AND direction = 'out'"
    " ORDER BY channel = 'letter' DESC, position DESC LIMIT 1", error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static char *
branch_lines (FdBranch   *branch,
              const char *language)
{
  GString *text = g_string_new (fd_branch_get_address (branch));

  if (fd_branch_get_phone (branch))
    g_string_append_printf (text, "%s%s: %s", text->len ? "\n" : "",
                            fd_letter_phrase ("phone", language), fd_branch_get_phone (branch));
  if (fd_branch_get_email (branch))
    g_string_append_printf (text, "%s%s: %s", text->len ? "\n" : "",
                            fd_letter_phrase ("email", language), fd_branch_get_email (branch));
  return g_string_free (text, FALSE);
}

/**
 * fd_store_prepare_letter:
 *
 * Returns: (transfer full): the letter, every word of its frame in the message's
 *   language, or %NULL with @error set
 */
FdLetter *
fd_store_prepare_letter (FdStore  *self,
                         gint64    claim_id,
                         gint64    message_id,
                         GError  **error)
{
  FdDatabase *db;
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdClaimMessage) message = NULL;
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdBranch) branch = NULL;
  g_autofree char *name = NULL, *recipient = NULL, *reference = NULL, *date = NULL;
  g_autofree char *lines = NULL, *hours = NULL, *footer = NULL;
  const char *language;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(claim = fd_store_get_claim (self, claim_id, error)))
    return NULL;
  if (message_id == 0 && (message_id = latest_outgoing (db, claim_id, error)) <= 0)
    {
      if (message_id == 0)
        g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                     /* Translators: %s is a claim reference */
                     _("Claim %s has no outgoing letter yet: write a reply first."), claim->reference);
      return NULL;
    }
  if (!(message = get_message (self, message_id, error)) ||
      !(customer = fd_store_get_customer (self, claim->customer_id, error)) ||
      !(branch = fd_store_get_branch (self, claim->branch_id, error)))
    return NULL;
  if (message->claim_id != claim->id || message->direction != FD_MESSAGE_OUT)
    {
      fd_set_invalid (error, "message", _("Only an outgoing message of this claim can be printed as its letter."));
      return NULL;
    }

  language = letter_language (message->language, customer);
  name = fd_customer_dup_display_name (customer);
  recipient = fd_customer_get_address (customer) ? g_strdup_printf ("%s\n%s", name, fd_customer_get_address (customer))
                                                 : g_strdup (name);
  reference = g_strdup_printf ("%s: %s", fd_letter_phrase ("reference", language), claim->reference);
  date = format_local_date (message->at, language);
  lines = branch_lines (branch, language);
  hours = fd_letter_format_hours (branch, language, " · ");
  footer = g_strdup_printf ("%s: %s", fd_letter_phrase ("opening_hours", language), hours);
  return fd_letter_new (language, fd_branch_get_name (branch), lines, recipient, reference, date,
                        message->subject, message->body, footer);
}
