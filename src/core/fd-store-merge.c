/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-customer-private.h"
#include "fd-error.h"
#include "fd-store-private.h"

/* Merging duplicate customers, and undoing a merge.
 *
 * A merge records in customer_merges what it needs to be reversed exactly: the survivor's
 * stored fields before (survivor_before, a JSON object) and, per table, the ids of the rows
 * it moved from the duplicate, with the ids of the two "merged" events it wrote (moved, a
 * JSON object of arrays). SQLite's JSON functions build and read both, so an undo moves
 * back exactly those rows with one statement per table. A claim's correspondence, events
 * and attachments, a visit's answers and a follow-up's notices hang off their parent's id
 * and move with it. */

typedef struct
{
  const char *name;      /* the key in moved */
  const char *move;      /* ?1 survivor, ?2 duplicate */
  const char *move_back; /* ?1 duplicate, ?2 survivor, ?3 moved */
} MovedTable;

static const MovedTable moved_tables[] = {
  { "visits",
    "UPDATE visits SET customer_id = ?1 WHERE customer_id = ?2",
    "UPDATE visits SET customer_id = ?1 WHERE customer_id = ?2"
    " AND id IN (SELECT value FROM json_each (?3, '$.visits'))" },
  { "claims",
    "UPDATE claims SET customer_id = ?1 WHERE customer_id = ?2",
    "UPDATE claims SET customer_id = ?1 WHERE customer_id = ?2"
    " AND id IN (SELECT value FROM json_each (?3, '$.claims'))" },
  { "followups",
    "UPDATE followups SET customer_id = ?1 WHERE customer_id = ?2",
    "UPDATE followups SET customer_id = ?1 WHERE customer_id = ?2"
    " AND id IN (SELECT value FROM json_each (?3, '$.followups'))" },
  { "services",
    "UPDATE services SET customer_id = ?1 WHERE customer_id = ?2",
    "UPDATE services SET customer_id = ?1 WHERE customer_id = ?2"
    " AND id IN (SELECT value FROM json_each (?3, '$.services'))" },
  { "customer_events",
    "UPDATE customer_events SET customer_id = ?1 WHERE customer_id = ?2",
    "UPDATE customer_events SET customer_id = ?1 WHERE customer_id = ?2"
    " AND id IN (SELECT value FROM json_each (?3, '$.customer_events'))" },
};

/* The ids of every row keyed by the duplicate, by table, each list by id: the per-customer
 * indexes (visits_by_customer, claims_by_customer, followups_by_customer,
 * services_by_customer, customer_events_by_customer). */
static const char moved_sql[] =
  "SELECT json_object ("
  " 'visits', (SELECT json_group_array (id) FROM (SELECT id FROM visits WHERE customer_id = ?1 ORDER BY id)),"
  " 'claims', (SELECT json_group_array (id) FROM (SELECT id FROM claims WHERE customer_id = ?1 ORDER BY id)),"
  " 'followups', (SELECT json_group_array (id) FROM (SELECT id FROM followups WHERE customer_id = ?1 ORDER BY id)),"
  " 'services', (SELECT json_group_array (id) FROM (SELECT id FROM services WHERE customer_id = ?1 ORDER BY id)),"
  " 'customer_events', (SELECT json_group_array (id) FROM (SELECT id FROM customer_events WHERE customer_id = ?1 ORDER BY id)))";

static const char survivor_sql[] =
  "SELECT json_object ('kind', kind, 'given_name', given_name, 'family_name', family_name,"
  " 'email', email, 'phone', phone, 'address', address, 'language', language,"
  " 'channel', channel, 'birth_year', birth_year, 'notes', notes, 'updated_at', updated_at)"
  " FROM customers WHERE id = ?1";

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* One text value from a statement with ?1 bound to @id. */
static char *
query_text (FdDatabase  *db,
            const char  *sql,
            gint64       id,
            GError     **error)
{
  sqlite3_stmt *stmt;
  char *text = NULL;
  int rc;

  if (!(stmt = fd_database_prepare (db, sql, error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    text = g_strdup (fd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      fd_database_set_error (db, rc == SQLITE_DONE ? SQLITE_NOTFOUND : rc, error);
      return NULL;
    }
  return text;
}

/* An active customer, or an error naming @field. */
static FdCustomer *
get_active (FdStore     *self,
            gint64       id,
            const char  *field,
            GError     **error)
{
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(GError) local_error = NULL;

  if (!(customer = fd_store_get_customer (self, id, &local_error)))
    {
      if (g_error_matches (local_error, FD_ERROR, FD_ERROR_NOT_FOUND))
        /* Translators: %lld is a customer number */
        fd_set_invalid (error, field, _("There is no customer with number %lld."), (long long) id);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (fd_customer_get_archived_at (customer) != 0)
    {
      g_autofree char *name = fd_customer_dup_display_name (customer);

      /* Translators: %s is a customer's name */
      fd_set_invalid (error, field, _("%s is archived: restore the record before merging it."), name);
      return NULL;
    }
  return g_steal_pointer (&customer);
}

static gboolean
move_rows (FdDatabase   *db,
           const char   *sql,
           gint64        to,
           gint64        from,
           const char   *moved,
           GError      **error)
{
  sqlite3_stmt *stmt;

  if (!(stmt = fd_database_prepare (db, sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, to);
  sqlite3_bind_int64 (stmt, 2, from);
  if (moved != NULL)
    fd_bind_text (stmt, 3, moved);
  return fd_database_step_done (db, stmt, error);
}

static void
emit_all (FdStore *self)
{
  _fd_store_emit_changed (self);
  _fd_store_emit_visits_changed (self);
  _fd_store_emit_claims_changed (self);
  _fd_store_emit_followups_changed (self);
}

/**
 * fd_store_merge_customers:
 * @fields: (nullable): the surviving values, chosen field by field; %NULL keeps the
 *   survivor's own
 * @merge_id: (out) (optional): the merge, for fd_store_undo_merge()
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
fd_store_merge_customers (FdStore     *self,
                          gint64       survivor_id,
                          gint64       duplicate_id,
                          FdCustomer  *fields,
                          gint64      *merge_id,
                          GError     **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdCustomer) survivor = NULL;
  g_autoptr(FdCustomer) duplicate = NULL;
  g_autofree char *before = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *changed = NULL;
  g_autofree char *actor = NULL;
  sqlite3_stmt *stmt;
  gint64 now = now_seconds (), survivor_event = 0, duplicate_event = 0;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);
  g_return_val_if_fail (fields == NULL || FD_IS_CUSTOMER (fields), FALSE);

  if (survivor_id == duplicate_id)
    {
      fd_set_invalid (error, "duplicate", _("A customer cannot be merged with itself."));
      return FALSE;
    }
  if (fields != NULL && !fd_customer_validate (fields, error))
    return FALSE;

  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(survivor = get_active (self, survivor_id, "survivor", error)) ||
      !(duplicate = get_active (self, duplicate_id, "duplicate", error)) ||
      !(before = query_text (db, survivor_sql, survivor_id, error)))
    return FALSE;

  if (fields != NULL &&
      !_fd_store_write_customer (self, survivor_id, fields, now, &changed, error))
    return FALSE;

  /* The ids are read before the rows move, and the merge's own events written after. */
  if (!(moved = query_text (db, moved_sql, duplicate_id, error)))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (moved_tables); i++)
    if (!move_rows (db, moved_tables[i].move, survivor_id, duplicate_id, NULL, error))
      return FALSE;

  actor = _fd_store_dup_actor (self);
  if (!_fd_store_record_customer_event (self, survivor_id, now, "merged", changed,
                                        &survivor_event, error) ||
      !_fd_store_record_customer_event (self, duplicate_id, now, "merged_into", NULL,
                                        &duplicate_event, error) ||
      !_fd_store_write_archived (self, duplicate_id, now, error) ||
      !(stmt = fd_database_prepare (db,
          "INSERT INTO customer_merges (survivor_id, duplicate_id, at, actor, survivor_before, moved)"
          " VALUES (?1, ?2, ?3, ?4, ?5, json_set (?6, '$.merge_events', json_array (?7, ?8)))", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, survivor_id);
  sqlite3_bind_int64 (stmt, 2, duplicate_id);
  sqlite3_bind_int64 (stmt, 3, now);
  fd_bind_text (stmt, 4, actor);
  fd_bind_text (stmt, 5, before);
  fd_bind_text (stmt, 6, moved);
  sqlite3_bind_int64 (stmt, 7, survivor_event);
  sqlite3_bind_int64 (stmt, 8, duplicate_event);
  if (!fd_database_step_done (db, stmt, error))
    return FALSE;
  if (merge_id != NULL)
    *merge_id = sqlite3_last_insert_rowid (fd_database_get_handle (db));

  if (!fd_transaction_commit (tx, error))
    return FALSE;

  emit_all (self);
  return TRUE;
}

/* The survivor's fields as they were before the merge. */
static FdCustomer *
customer_from_json (FdDatabase  *db,
                    gint64       id,
                    const char  *json,
                    gint64      *updated_at,
                    GError     **error)
{
  sqlite3_stmt *stmt;
  FdCustomer *customer = NULL;
  int rc;

  if (!(stmt = fd_database_prepare (db,
          "SELECT ?1, json_extract (?2, '$.kind'), json_extract (?2, '$.given_name'),"
          " json_extract (?2, '$.family_name'), json_extract (?2, '$.email'),"
          " json_extract (?2, '$.phone'), json_extract (?2, '$.address'),"
          " json_extract (?2, '$.language'), json_extract (?2, '$.channel'),"
          " json_extract (?2, '$.birth_year'), json_extract (?2, '$.notes'),"
          " 0, json_extract (?2, '$.updated_at'), NULL", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  fd_bind_text (stmt, 2, json);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      customer = _fd_customer_from_row (stmt);
      *updated_at = sqlite3_column_int64 (stmt, 12);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    fd_database_set_error (db, rc, error);
  return customer;
}

/**
 * fd_store_undo_merge:
 *
 * Returns: %TRUE, or %FALSE with @error set and nothing written
 */
gboolean
fd_store_undo_merge (FdStore  *self,
                     gint64    merge_id,
                     GError  **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdCustomer) before = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *moved = NULL;
  sqlite3_stmt *stmt;
  gint64 survivor_id = 0, duplicate_id = 0, updated_at = 0;
  gboolean undone = FALSE;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(stmt = fd_database_prepare (db,
          "SELECT survivor_id, duplicate_id, survivor_before, moved, undone_at IS NOT NULL"
          " FROM customer_merges WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, merge_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      survivor_id = sqlite3_column_int64 (stmt, 0);
      duplicate_id = sqlite3_column_int64 (stmt, 1);
      before_json = g_strdup (fd_column_text (stmt, 2));
      moved = g_strdup (fd_column_text (stmt, 3));
      undone = sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                   /* Translators: %lld is the number of a merge of two customers */
                   _("There is no merge with number %lld."), (long long) merge_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }
  if (undone)
    {
      fd_set_invalid (error, "merge", _("This merge has already been undone."));
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (moved_tables); i++)
    if (!move_rows (db, moved_tables[i].move_back, duplicate_id, survivor_id, moved, error))
      return FALSE;

  if (!(stmt = fd_database_prepare (db,
          "DELETE FROM customer_events WHERE id IN (SELECT value FROM json_each (?1, '$.merge_events'))",
          error)))
    return FALSE;
  fd_bind_text (stmt, 1, moved);
  if (!fd_database_step_done (db, stmt, error) ||
      !(before = customer_from_json (db, survivor_id, before_json, &updated_at, error)) ||
      !_fd_store_write_customer (self, survivor_id, before, updated_at, NULL, error) ||
      !_fd_store_write_archived (self, duplicate_id, 0, error) ||
      !(stmt = fd_database_prepare (db, "UPDATE customer_merges SET undone_at = ?2 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, merge_id);
  sqlite3_bind_int64 (stmt, 2, now_seconds ());
  if (!fd_database_step_done (db, stmt, error) ||
      !fd_transaction_commit (tx, error))
    return FALSE;

  emit_all (self);
  return TRUE;
}
