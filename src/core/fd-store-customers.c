/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fd-customer-private.h"
#include "fd-error.h"
#include "fd-fold.h"
#include "fd-store-private.h"

/* Keys derived from a customer, written beside the row so search and name order never
 * fold at query time. */
typedef struct
{
  char  *sort_key;
  char  *search_words;   /* " w1 w2 … ": each folded name word between spaces */
  char **words;
  char  *email_key;
  char  *phone_key;
} CustomerKeys;

static void
customer_keys_clear (CustomerKeys *keys)
{
  g_free (keys->sort_key);
  g_free (keys->search_words);
  g_strfreev (keys->words);
  g_free (keys->email_key);
  g_free (keys->phone_key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CustomerKeys, customer_keys_clear)

void
_fd_customer_key_clear (FdCustomerKey *key)
{
  g_clear_pointer (&key->sort_key, g_free);
}

/* Name order: family name, then given name, folded, so scripts and accents sort together. */
static char *
sort_key_for (const char *family,
              const char *given)
{
  g_autofree char *f = fd_fold (family);
  g_autofree char *g = fd_fold (given);

  return g_strconcat (f, "\x01", g, NULL);
}

static void
compute_keys_for (const char   *given,
                  const char   *family,
                  const char   *email,
                  const char   *phone,
                  CustomerKeys *keys)
{
  g_autofree char *names = g_strjoin (" ", given ? given : "", family ? family : "", NULL);
  g_autofree char *joined = NULL;

  keys->sort_key = sort_key_for (family, given);
  keys->words = fd_fold_words (names);
  joined = g_strjoinv (" ", keys->words);
  keys->search_words = g_strconcat (" ", joined, " ", NULL);
  keys->email_key = email ? fd_fold (email) : NULL;
  keys->phone_key = fd_fold_phone (phone);
}

static void
compute_keys (FdCustomer   *customer,
              CustomerKeys *keys)
{
  compute_keys_for (fd_customer_get_given_name (customer),
                    fd_customer_get_family_name (customer),
                    fd_customer_get_email (customer),
                    fd_customer_get_phone (customer),
                    keys);
}

FdCustomer *
_fd_customer_from_row (sqlite3_stmt *stmt)
{
  FdCustomer *customer = fd_customer_new ();
  FdCustomerKind kind = FD_CUSTOMER_KIND_PERSON;
  FdChannel channel = FD_CHANNEL_NONE;

  fd_customer_kind_from_code (fd_column_text (stmt, 1), &kind);
  fd_channel_from_code (fd_column_text (stmt, 8), &channel);
  _fd_customer_load (customer, sqlite3_column_int64 (stmt, 0), kind, channel,
                     sqlite3_column_int (stmt, 9), sqlite3_column_int64 (stmt, 11),
                     sqlite3_column_int64 (stmt, 12), sqlite3_column_int64 (stmt, 13),
                     fd_column_text (stmt, 2), fd_column_text (stmt, 3), fd_column_text (stmt, 4),
                     fd_column_text (stmt, 5), fd_column_text (stmt, 6), fd_column_text (stmt, 7),
                     fd_column_text (stmt, 10));
  return customer;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static const char insert_word_sql[] =
  "INSERT INTO customer_words (word, sort_key, customer_id, words) VALUES (?1, ?2, ?3, ?4)";

static gboolean
count_word (FdDatabase  *db,
            const char  *word,
            gint64       delta,
            GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO word_counts (word, n) VALUES (?1, ?2)"
    " ON CONFLICT (word) DO UPDATE SET n = n + excluded.n", error);

  if (stmt == NULL)
    return FALSE;
  fd_bind_text (stmt, 1, word);
  sqlite3_bind_int64 (stmt, 2, delta);
  return fd_database_step_done (db, stmt, error);
}

static gboolean
insert_word (FdDatabase  *db,
             const char  *word,
             const char  *sort_key,
             gint64       id,
             const char  *words,
             GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db, insert_word_sql, error);

  if (stmt == NULL)
    return FALSE;
  fd_bind_text (stmt, 1, word);
  fd_bind_text (stmt, 2, sort_key);
  sqlite3_bind_int64 (stmt, 3, id);
  fd_bind_text (stmt, 4, words);
  return fd_database_step_done (db, stmt, error);
}

static gboolean
insert_words (FdDatabase          *db,
              gint64               id,
              const CustomerKeys  *keys,
              GError             **error)
{
  for (guint i = 0; keys->words[i]; i++)
    if (!insert_word (db, keys->words[i], keys->sort_key, id, keys->search_words, error) ||
        !count_word (db, keys->words[i], 1, error))
      return FALSE;
  return TRUE;
}

/* Deletes by the full index key (customer_words_by_word): no index on customer_id needed. */
static gboolean
delete_words (FdDatabase          *db,
              gint64               id,
              const CustomerKeys  *keys,
              GError             **error)
{
  for (guint i = 0; keys->words[i]; i++)
    {
      sqlite3_stmt *stmt = fd_database_prepare (db,
        "DELETE FROM customer_words WHERE word = ?1 AND sort_key = ?2 AND customer_id = ?3", error);

      if (stmt == NULL)
        return FALSE;
      fd_bind_text (stmt, 1, keys->words[i]);
      fd_bind_text (stmt, 2, keys->sort_key);
      sqlite3_bind_int64 (stmt, 3, id);
      if (!fd_database_step_done (db, stmt, error) ||
          !count_word (db, keys->words[i], -1, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
add_to_count (FdDatabase  *db,
              int          delta,
              GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "UPDATE counters SET value = value + ?1 WHERE name = 'customers'", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, delta);
  return fd_database_step_done (db, stmt, error);
}

static gboolean
record_event (FdDatabase  *db,
              gint64       id,
              gint64       at,
              const char  *kind,
              const char  *fields,
              GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO customer_events (customer_id, at, kind, fields) VALUES (?1, ?2, ?3, ?4)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, at);
  fd_bind_text (stmt, 3, kind);
  fd_bind_text (stmt, 4, fields);
  return fd_database_step_done (db, stmt, error);
}

/* Binds the stored columns as ?1…?14 of the INSERT and UPDATE below. */
static void
bind_customer (sqlite3_stmt       *stmt,
               FdCustomer         *customer,
               const CustomerKeys *keys)
{
  FdChannel channel = fd_customer_get_channel (customer);

  fd_bind_text (stmt, 1, fd_customer_kind_to_code (fd_customer_get_kind (customer)));
  fd_bind_text (stmt, 2, fd_customer_get_given_name (customer));
  fd_bind_text (stmt, 3, fd_customer_get_family_name (customer));
  fd_bind_text (stmt, 4, fd_customer_get_email (customer));
  fd_bind_text (stmt, 5, fd_customer_get_phone (customer));
  fd_bind_text (stmt, 6, fd_customer_get_address (customer));
  fd_bind_text (stmt, 7, fd_customer_get_language (customer));
  fd_bind_text (stmt, 8, channel != FD_CHANNEL_NONE ? fd_channel_to_code (channel) : NULL);
  if (fd_customer_get_birth_year (customer) != 0)
    sqlite3_bind_int (stmt, 9, fd_customer_get_birth_year (customer));
  fd_bind_text (stmt, 10, fd_customer_get_notes (customer));
  fd_bind_text (stmt, 11, keys->sort_key);
  fd_bind_text (stmt, 13, keys->email_key);
  fd_bind_text (stmt, 14, keys->phone_key);
}

/**
 * fd_store_add_customer:
 * @draft: the new customer; its id and times are ignored
 *
 * Validates and writes a new customer in one durable transaction.
 *
 * Returns: (transfer full): the saved customer, or %NULL with @error set
 */
FdCustomer *
fd_store_add_customer (FdStore     *self,
                       FdCustomer  *draft,
                       GError     **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_auto(CustomerKeys) keys = { 0 };
  g_autoptr(FdTransaction) tx = NULL;
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();
  gint64 id;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (FD_IS_CUSTOMER (draft), NULL);

  if (!fd_customer_validate (draft, error))
    return NULL;

  compute_keys (draft, &keys);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(stmt = fd_database_prepare (db,
          "INSERT INTO customers (kind, given_name, family_name, email, phone, address, language,"
          " channel, birth_year, notes, sort_key, email_key, phone_key,"
          " created_at, updated_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?13, ?14, ?16, ?16)",
          error)))
    return NULL;

  bind_customer (stmt, draft, &keys);
  sqlite3_bind_int64 (stmt, 16, now);
  if (!fd_database_step_done (db, stmt, error))
    return NULL;

  id = sqlite3_last_insert_rowid (fd_database_get_handle (db));
  if (!insert_words (db, id, &keys, error) ||
      !add_to_count (db, 1, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_changed (self);
  return fd_store_get_customer (self, id, error);
}

/**
 * fd_store_get_customer:
 *
 * Returns: (transfer full): the customer (archived ones too), or %NULL with
 *   %FD_ERROR_NOT_FOUND
 */
FdCustomer *
fd_store_get_customer (FdStore     *self,
                       gint64       id,
                       GError     **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;
  FdCustomer *customer;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "SELECT " FD_CUSTOMER_COLUMNS " FROM customers WHERE id = ?1", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      sqlite3_reset (stmt);
      g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                   /* Translators: %lld is a customer number */
                   _("There is no customer with number %lld."), (long long) id);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      sqlite3_reset (stmt);
      fd_database_set_error (db, rc, error);
      return NULL;
    }

  customer = _fd_customer_from_row (stmt);
  sqlite3_reset (stmt);
  return customer;
}

static char *
changed_fields (FdCustomer *before,
                FdCustomer *after)
{
  static const char * const names[] = {
    "kind", "given-name", "family-name", "email", "phone", "address", "language",
    "channel", "birth-year", "notes", NULL
  };
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) fields = NULL;

  for (guint i = 0; names[i]; i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (before), names[i]);

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (G_OBJECT (before), names[i], &a);
      g_object_get_property (G_OBJECT (after), names[i], &b);
      if (g_param_values_cmp (pspec, &a, &b) != 0)
        g_strv_builder_add (builder, names[i]);
    }

  fields = g_strv_builder_end (builder);
  return fields[0] ? g_strjoinv (",", fields) : NULL;
}

/**
 * fd_store_update_customer:
 * @draft: the edited customer, with the id of an existing one
 *
 * Returns: (transfer full): the saved customer, or %NULL with @error set
 */
FdCustomer *
fd_store_update_customer (FdStore     *self,
                          FdCustomer  *draft,
                          GError     **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(FdCustomer) before = NULL;
  g_auto(CustomerKeys) old_keys = { 0 };
  g_auto(CustomerKeys) keys = { 0 };
  g_autoptr(FdTransaction) tx = NULL;
  g_autofree char *fields = NULL;
  sqlite3_stmt *stmt;
  gboolean active;
  gint64 id, now = now_seconds ();

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (FD_IS_CUSTOMER (draft), NULL);

  if (!fd_customer_validate (draft, error))
    return NULL;

  id = fd_customer_get_id (draft);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(before = fd_store_get_customer (self, id, error)))
    return NULL;

  if (!(fields = changed_fields (before, draft)))
    return g_steal_pointer (&before);

  active = fd_customer_get_archived_at (before) == 0;
  compute_keys (before, &old_keys);
  compute_keys (draft, &keys);
  if ((active && !delete_words (db, id, &old_keys, error)) ||
      !(stmt = fd_database_prepare (db,
          "UPDATE customers SET kind = ?1, given_name = ?2, family_name = ?3, email = ?4,"
          " phone = ?5, address = ?6, language = ?7, channel = ?8, birth_year = ?9, notes = ?10,"
          " sort_key = ?11, email_key = ?13, phone_key = ?14,"
          " updated_at = ?16 WHERE id = ?17",
          error)))
    return NULL;

  bind_customer (stmt, draft, &keys);
  sqlite3_bind_int64 (stmt, 16, now);
  sqlite3_bind_int64 (stmt, 17, id);
  if (!fd_database_step_done (db, stmt, error) ||
      (active && !insert_words (db, id, &keys, error)) ||
      !record_event (db, id, now, "updated", fields, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_changed (self);
  return fd_store_get_customer (self, id, error);
}

static gboolean
set_archived (FdStore     *self,
              gint64       id,
              gboolean     archived,
              GError     **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdTransaction) tx = NULL;
  g_auto(CustomerKeys) keys = { 0 };
  sqlite3_stmt *stmt;
  gint64 now = now_seconds ();

  if (!(tx = fd_transaction_begin (db, error)) ||
      !(customer = fd_store_get_customer (self, id, error)))
    return FALSE;

  /* Archiving twice, or restoring an active customer, changes nothing. */
  if ((fd_customer_get_archived_at (customer) != 0) == archived)
    return TRUE;

  compute_keys (customer, &keys);
  if (!(stmt = fd_database_prepare (db, "UPDATE customers SET archived_at = ?1 WHERE id = ?2", error)))
    return FALSE;
  if (archived)
    sqlite3_bind_int64 (stmt, 1, now);
  sqlite3_bind_int64 (stmt, 2, id);

  if (!fd_database_step_done (db, stmt, error) ||
      !(archived ? delete_words (db, id, &keys, error) : insert_words (db, id, &keys, error)) ||
      !add_to_count (db, archived ? -1 : 1, error) ||
      !record_event (db, id, now, archived ? "archived" : "restored", NULL, error) ||
      !fd_transaction_commit (tx, error))
    return FALSE;

  _fd_store_emit_changed (self);
  return TRUE;
}

/* Inside the caller's transaction (a merge and its undo): writes @fields over customer
 * @id's stored columns and its update time, keeping its search words in step when it is
 * active; when no field differs nothing is written. Records no event; @changed receives
 * the changed fields' names, or NULL. */
gboolean
_fd_store_write_customer (FdStore     *self,
                          gint64       id,
                          FdCustomer  *fields,
                          gint64       updated_at,
                          char       **changed,
                          GError     **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(FdCustomer) before = NULL;
  g_auto(CustomerKeys) old_keys = { 0 };
  g_auto(CustomerKeys) keys = { 0 };
  g_autofree char *names = NULL;
  sqlite3_stmt *stmt;
  gboolean active;

  if (changed != NULL)
    *changed = NULL;
  if (!(before = fd_store_get_customer (self, id, error)))
    return FALSE;

  /* Nothing to write: the record and its update time stay as they are. */
  if (!(names = changed_fields (before, fields)))
    return TRUE;

  active = fd_customer_get_archived_at (before) == 0;
  compute_keys (before, &old_keys);
  compute_keys (fields, &keys);
  if ((active && !delete_words (db, id, &old_keys, error)) ||
      !(stmt = fd_database_prepare (db,
          "UPDATE customers SET kind = ?1, given_name = ?2, family_name = ?3, email = ?4,"
          " phone = ?5, address = ?6, language = ?7, channel = ?8, birth_year = ?9, notes = ?10,"
          " sort_key = ?11, email_key = ?13, phone_key = ?14,"
          " updated_at = ?16 WHERE id = ?17",
          error)))
    return FALSE;

  bind_customer (stmt, fields, &keys);
  sqlite3_bind_int64 (stmt, 16, updated_at);
  sqlite3_bind_int64 (stmt, 17, id);
  if (!fd_database_step_done (db, stmt, error) ||
      (active && !insert_words (db, id, &keys, error)))
    return FALSE;

  if (changed != NULL)
    *changed = g_steal_pointer (&names);
  return TRUE;
}

/* Inside the caller's transaction: archives customer @id at @archived_at, or makes it
 * active again (0), with its search words and the count of active customers. No event. */
gboolean
_fd_store_write_archived (FdStore  *self,
                          gint64    id,
                          gint64    archived_at,
                          GError  **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(FdCustomer) customer = NULL;
  g_auto(CustomerKeys) keys = { 0 };
  sqlite3_stmt *stmt;
  gboolean archive = archived_at != 0;

  if (!(customer = fd_store_get_customer (self, id, error)))
    return FALSE;
  if ((fd_customer_get_archived_at (customer) != 0) == archive)
    return TRUE;

  compute_keys (customer, &keys);
  if (!(stmt = fd_database_prepare (db, "UPDATE customers SET archived_at = ?1 WHERE id = ?2", error)))
    return FALSE;
  if (archive)
    sqlite3_bind_int64 (stmt, 1, archived_at);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_int64 (stmt, 2, id);
  return fd_database_step_done (db, stmt, error) &&
         (archive ? delete_words (db, id, &keys, error) : insert_words (db, id, &keys, error)) &&
         add_to_count (db, archive ? -1 : 1, error);
}

/* Inside the caller's transaction: a line of the customer's record changes. */
gboolean
_fd_store_record_customer_event (FdStore     *self,
                                 gint64       id,
                                 gint64       at,
                                 const char  *kind,
                                 const char  *fields,
                                 gint64      *event_id,
                                 GError     **error)
{
  FdDatabase *db = _fd_store_get_database (self);

  if (!record_event (db, id, at, kind, fields, error))
    return FALSE;
  if (event_id != NULL)
    *event_id = sqlite3_last_insert_rowid (fd_database_get_handle (db));
  return TRUE;
}

/**
 * fd_store_archive_customer:
 *
 * Hides a customer from lists and search; history is kept, and
 * fd_store_restore_customer() undoes it.
 */
gboolean
fd_store_archive_customer (FdStore  *self,
                           gint64    id,
                           GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), FALSE);
  return set_archived (self, id, TRUE, error);
}

gboolean
fd_store_restore_customer (FdStore  *self,
                           gint64    id,
                           GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), FALSE);
  return set_archived (self, id, FALSE, error);
}

guint
fd_store_count_customers (FdStore *self)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;
  gint64 count = 0;

  g_return_val_if_fail (FD_IS_STORE (self), 0);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "SELECT value FROM counters WHERE name = 'customers'", NULL)))
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return (guint) MAX (count, 0);
}

/* Keyset page over customers_by_name; never OFFSET. */
GPtrArray *
_fd_store_customer_page (FdStore              *self,
                         const FdCustomerKey  *after,
                         gboolean              inclusive,
                         guint                 limit,
                         FdCustomerKey        *last,
                         GError              **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(GPtrArray) page = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = fd_database_prepare (db, inclusive
    ? "SELECT " FD_CUSTOMER_COLUMNS " FROM customers WHERE archived_at IS NULL"
      " AND (sort_key, id) >= (?1, ?2) ORDER BY sort_key, id LIMIT ?3"
    : "SELECT " FD_CUSTOMER_COLUMNS " FROM customers WHERE archived_at IS NULL"
      " AND (sort_key, id) > (?1, ?2) ORDER BY sort_key, id LIMIT ?3",
    error);
  if (stmt == NULL)
    return NULL;

  fd_bind_text (stmt, 1, after ? after->sort_key : "");
  sqlite3_bind_int64 (stmt, 2, after ? after->id : 0);
  sqlite3_bind_int (stmt, 3, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (page, _fd_customer_from_row (stmt));
      if (last != NULL)
        {
          g_free (last->sort_key);
          last->sort_key = g_strdup (fd_column_text (stmt, 14));
          last->id = sqlite3_column_int64 (stmt, 0);
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&page);
}

typedef struct
{
  char  *path;
  guint  stride;
} PositionsJob;

static void
positions_job_free (PositionsJob *job)
{
  g_free (job->path);
  g_free (job);
}

static void
positions_worker (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  PositionsJob *job = task_data;
  g_autoptr(FdDatabase) reader = NULL;
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (FdCustomerKey));
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  guint64 n = 0;
  int rc;

  g_array_set_clear_func (keys, (GDestroyNotify) _fd_customer_key_clear);

  /* A covering scan of customers_by_name: about 0.2 µs a row. */
  if (!(reader = fd_database_open_reader (job->path, &error)) ||
      !(stmt = fd_database_prepare (reader,
          "SELECT sort_key, id FROM customers WHERE archived_at IS NULL ORDER BY sort_key, id",
          &error)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (n++ % job->stride == 0)
        {
          FdCustomerKey key = { g_strdup (fd_column_text (stmt, 0)), sqlite3_column_int64 (stmt, 1) };

          g_array_append_val (keys, key);
          if (g_cancellable_is_cancelled (cancellable))
            break;
        }
    }
  sqlite3_reset (stmt);

  if (g_task_return_error_if_cancelled (task))
    return;
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (reader, rc, &error);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&keys), (GDestroyNotify) g_array_unref);
}

void
_fd_store_build_positions_async (FdStore             *self,
                                 guint                stride,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  PositionsJob *job = g_new0 (PositionsJob, 1);

  job->path = g_strdup (fd_store_get_path (self));
  job->stride = stride;
  g_task_set_source_tag (task, _fd_store_build_positions_async);
  g_task_set_task_data (task, job, (GDestroyNotify) positions_job_free);
  g_task_run_in_thread (task, positions_worker);
}

GArray *
_fd_store_build_positions_finish (FdStore       *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * fd_store_search_customers:
 *
 * The first @limit results of the search; see #FdCustomerList for the rest.
 *
 * Returns: (transfer full) (element-type FdCustomer): the matches, or %NULL with @error set
 */
GPtrArray *
fd_store_search_customers (FdStore     *self,
                           const char  *query,
                           guint        limit,
                           GError     **error)
{
  g_autoptr(FdCustomerSearch) search = NULL;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  search = _fd_customer_search_new (self, query);
  return _fd_customer_search_next (search, limit, G_MAXUINT, error);
}

static gboolean
add_matches (FdDatabase  *db,
             const char  *sql,
             const char  *key,
             GHashTable  *seen,
             GPtrArray   *out,
             guint        limit,
             GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (key == NULL || *key == '\0' || out->len >= limit)
    return TRUE;
  if (!(stmt = fd_database_prepare (db, sql, error)))
    return FALSE;

  fd_bind_text (stmt, 1, key);
  sqlite3_bind_int (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW && out->len < limit)
    {
      g_autoptr(FdCustomer) customer = _fd_customer_from_row (stmt);
      gint64 id = fd_customer_get_id (customer);

      if (!g_hash_table_contains (seen, &id))
        {
          g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
          g_ptr_array_add (out, g_steal_pointer (&customer));
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * fd_store_find_duplicates:
 * @draft: a customer being typed (its id, if any, is left out of the result)
 *
 * Active customers with the same folded name (either order, any script), e-mail or phone.
 *
 * Returns: (transfer full) (element-type FdCustomer): likely duplicates
 */
GPtrArray *
fd_store_find_duplicates (FdStore     *self,
                          FdCustomer  *draft,
                          guint        limit,
                          GError     **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_auto(CustomerKeys) keys = { 0 };
  g_autofree char *swapped = NULL;
  gint64 own_id = fd_customer_get_id (draft);

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (FD_IS_CUSTOMER (draft), NULL);

  if (own_id != 0)
    g_hash_table_add (seen, g_memdup2 (&own_id, sizeof own_id));

  compute_keys (draft, &keys);
  swapped = sort_key_for (fd_customer_get_given_name (draft), fd_customer_get_family_name (draft));

  /* Each lookup is an equality seek on one of the partial indexes of customers. */
  if ((fd_customer_get_family_name (draft) || fd_customer_get_given_name (draft)) &&
      (!add_matches (db, "SELECT " FD_CUSTOMER_COLUMNS " FROM customers WHERE archived_at IS NULL"
                         " AND sort_key = ?1 ORDER BY id LIMIT ?2", keys.sort_key, seen, out, limit, error) ||
       !add_matches (db, "SELECT " FD_CUSTOMER_COLUMNS " FROM customers WHERE archived_at IS NULL"
                         " AND sort_key = ?1 ORDER BY id LIMIT ?2", swapped, seen, out, limit, error)))
    return NULL;

  if (!add_matches (db, "SELECT " FD_CUSTOMER_COLUMNS " FROM customers WHERE archived_at IS NULL"
                        " AND email_key = ?1 ORDER BY id LIMIT ?2", keys.email_key, seen, out, limit, error) ||
      !add_matches (db, "SELECT " FD_CUSTOMER_COLUMNS " FROM customers WHERE archived_at IS NULL"
                        " AND phone_key = ?1 ORDER BY id LIMIT ?2", keys.phone_key, seen, out, limit, error))
    return NULL;

  return g_steal_pointer (&out);
}

typedef struct
{
  const char *word;
  const char *sort_key;
  gint64      id;
  const char *words;
} WordRow;

struct _FdBulkInsert
{
  FdStore       *store;
  FdTransaction *tx;
  GPtrArray     *indexes;    /* CREATE INDEX statements to run again at the end */
  GArray        *words;      /* WordRow, written in key order at the end */
  GStringChunk  *strings;
  guint          added;
  gboolean       wal_off;
  gint64         started;
};

static int
compare_word_rows (gconstpointer a,
                   gconstpointer b)
{
  const WordRow *x = a, *y = b;
  int c;

  /* Words are interned: equal words are usually the same pointer. */
  if (x->word != y->word && (c = strcmp (x->word, y->word)) != 0)
    return c;
  if (x->sort_key != y->sort_key && (c = strcmp (x->sort_key, y->sort_key)) != 0)
    return c;
  return x->id < y->id ? -1 : x->id > y->id;
}

static gpointer
sort_words (gpointer data)
{
  g_array_sort (data, compare_word_rows);
  return NULL;
}

/* customer_words is a WITHOUT ROWID B-tree: rows written in key order are appended to
 * its right edge instead of landing all over it. The rows were sorted on a worker thread
 * while the customers' indexes were built. */
static gboolean
write_words (FdBulkInsert  *bulk,
             GError       **error)
{
  FdDatabase *db = _fd_store_get_database (bulk->store);
  gint64 run = 0;

  for (guint i = 0; i < bulk->words->len; i++)
    {
      const WordRow *row = &g_array_index (bulk->words, WordRow, i);

      if (!insert_word (db, row->word, row->sort_key, row->id, row->words, error))
        return FALSE;

      /* Sorted, so each word's count is one run: one upsert per distinct word. */
      run++;
      if ((i + 1 == bulk->words->len ||
           strcmp (row->word, g_array_index (bulk->words, WordRow, i + 1).word) != 0))
        {
          if (!count_word (db, row->word, run, error))
            return FALSE;
          run = 0;
        }
    }
  g_array_set_size (bulk->words, 0);
  return TRUE;
}

/**
 * _fd_store_bulk_begin:
 * @expected: how many customers will be added; a big load drops and rebuilds indexes
 *
 * Starts one transaction for a bulk load (demo data, import): all rows or none.
 */
FdBulkInsert *
_fd_store_bulk_begin (FdStore  *self,
                      guint     expected,
                      GError  **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(FdBulkInsert) bulk = g_new0 (FdBulkInsert, 1);

  bulk->store = g_object_ref (self);
  bulk->started = g_get_monotonic_time ();
  bulk->words = g_array_new (FALSE, FALSE, sizeof (WordRow));
  bulk->strings = g_string_chunk_new (1 << 20);

  if (!fd_database_begin_bulk (db, expected >= 20000, &bulk->wal_off, error) ||
      !(bulk->tx = fd_transaction_begin (db, error)))
    return NULL;

  if (expected >= 20000 && !(bulk->indexes = fd_database_drop_indexes (db, "customers", error)))
    return NULL;

  return g_steal_pointer (&bulk);
}

struct _FdBulkRow
{
  FdCustomerFields fields;   /* its strings belong to the row */
  CustomerKeys     keys;
};

/**
 * _fd_bulk_row_new:
 *
 * Copies @fields and folds its keys. Safe on any thread: a producer thread prepares rows
 * while the connection's thread writes them.
 */
FdBulkRow *
_fd_bulk_row_new (const FdCustomerFields *fields)
{
  FdBulkRow *row = g_new0 (FdBulkRow, 1);

  row->fields = *fields;
  row->fields.given_name = g_strdup (fields->given_name);
  row->fields.family_name = g_strdup (fields->family_name);
  row->fields.email = g_strdup (fields->email);
  row->fields.phone = g_strdup (fields->phone);
  row->fields.address = g_strdup (fields->address);
  row->fields.language = g_strdup (fields->language);
  compute_keys_for (fields->given_name, fields->family_name, fields->email, fields->phone, &row->keys);
  return row;
}

void
_fd_bulk_row_free (FdBulkRow *row)
{
  g_free ((char *) row->fields.given_name);
  g_free ((char *) row->fields.family_name);
  g_free ((char *) row->fields.email);
  g_free ((char *) row->fields.phone);
  g_free ((char *) row->fields.address);
  g_free ((char *) row->fields.language);
  customer_keys_clear (&row->keys);
  g_free (row);
}

gboolean
_fd_store_bulk_add (FdBulkInsert     *bulk,
                    const FdBulkRow  *row,
                    GError          **error)
{
  FdDatabase *db = _fd_store_get_database (bulk->store);
  const FdCustomerFields *fields = &row->fields;
  const CustomerKeys *keys = &row->keys;
  const char *sort_key;
  const char *words;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!(stmt = fd_database_prepare (db,
          "INSERT INTO customers (kind, given_name, family_name, email, phone, address, language,"
          " channel, birth_year, sort_key, email_key, phone_key, created_at, updated_at) "
          "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)",
          error)))
    return FALSE;

  fd_bind_text (stmt, 1, fd_customer_kind_to_code (fields->kind));
  fd_bind_text (stmt, 2, fields->given_name);
  fd_bind_text (stmt, 3, fields->family_name);
  fd_bind_text (stmt, 4, fields->email);
  fd_bind_text (stmt, 5, fields->phone);
  fd_bind_text (stmt, 6, fields->address);
  fd_bind_text (stmt, 7, fields->language);
  fd_bind_text (stmt, 8, fields->channel != FD_CHANNEL_NONE ? fd_channel_to_code (fields->channel) : NULL);
  if (fields->birth_year != 0)
    sqlite3_bind_int (stmt, 9, fields->birth_year);
  fd_bind_text (stmt, 10, keys->sort_key);
  fd_bind_text (stmt, 11, keys->email_key);
  fd_bind_text (stmt, 12, keys->phone_key);
  sqlite3_bind_int64 (stmt, 13, fields->created_at);
  if (!fd_database_step_done (db, stmt, error))
    return FALSE;

  id = sqlite3_last_insert_rowid (fd_database_get_handle (db));
  sort_key = g_string_chunk_insert (bulk->strings, keys->sort_key);
  words = g_string_chunk_insert (bulk->strings, keys->search_words);
  for (guint i = 0; keys->words[i]; i++)
    {
      WordRow word = { g_string_chunk_insert_const (bulk->strings, keys->words[i]), sort_key, id, words };
      g_array_append_val (bulk->words, word);
    }

  bulk->added++;
  return TRUE;
}

gboolean
_fd_store_bulk_commit (FdBulkInsert  *bulk,
                       GError       **error)
{
  FdDatabase *db = _fd_store_get_database (bulk->store);
  gint64 start = g_get_monotonic_time ();
  GThread *sorter;

  g_debug ("Bulk: %u customers inserted in %.2f s", bulk->added, (start - bulk->started) / 1e6);
  sorter = g_thread_new ("fd-sort-words", sort_words, bulk->words);
  gboolean ok = TRUE;

  for (guint i = 0; ok && bulk->indexes && i < bulk->indexes->len; i++)
    ok = fd_database_exec (db, bulk->indexes->pdata[i], error);
  g_thread_join (sorter);
  g_debug ("Bulk: indexes rebuilt in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  if (!ok || !write_words (bulk, error))
    return FALSE;
  g_debug ("Bulk: %u customers' words written in %.2f s", bulk->added,
           (g_get_monotonic_time () - start) / 1e6);

  start = g_get_monotonic_time ();
  if (!add_to_count (db, bulk->added, error) ||
      !fd_transaction_commit (bulk->tx, error))
    return FALSE;
  g_debug ("Bulk: committed in %.2f s", (g_get_monotonic_time () - start) / 1e6);

  _fd_store_emit_changed (bulk->store);
  return TRUE;
}

/* Rolls back unless committed, and puts the connection back to durable WAL. */
void
_fd_store_bulk_free (FdBulkInsert *bulk)
{
  FdDatabase *db = _fd_store_get_database (bulk->store);

  g_clear_pointer (&bulk->tx, fd_transaction_free);
  fd_database_end_bulk (db, bulk->wal_off);
  g_clear_pointer (&bulk->indexes, g_ptr_array_unref);
  g_clear_pointer (&bulk->words, g_array_unref);
  g_clear_pointer (&bulk->strings, g_string_chunk_free);
  g_object_unref (bulk->store);
  g_free (bulk);
}
