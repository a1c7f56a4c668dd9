/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include "fd-claim-reference.h"
#include "fd-store-private.h"

/* Bulk loading of claims with their threads (demo data, imports): one transaction, all
 * or nothing; a big load drops the secondary indexes and builds them again at the end.
 * Rows come in any order; references are numbered per year as they come. */

struct _FdBulkClaims
{
  FdStore       *store;
  FdTransaction *tx;
  GPtrArray     *claim_indexes;
  GPtrArray     *message_indexes;
  GPtrArray     *followup_indexes;
  GHashTable    *next_number;   /* year → next number */
  gboolean       wal_off;
};

FdBulkClaims *
_fd_store_bulk_claims_begin (FdStore  *self,
                             guint     expected,
                             GError  **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(FdBulkClaims) bulk = g_new0 (FdBulkClaims, 1);
  gboolean big = expected >= 20000;

  bulk->store = g_object_ref (self);
  bulk->next_number = g_hash_table_new (NULL, NULL);
  if (!fd_database_begin_bulk (db, big, &bulk->wal_off, error) ||
      !(bulk->tx = fd_transaction_begin (db, error)))
    return NULL;
  if (big && (!(bulk->claim_indexes = fd_database_drop_indexes (db, "claims", error)) ||
              !(bulk->message_indexes = fd_database_drop_indexes (db, "claim_messages", error)) ||
              !(bulk->followup_indexes = fd_database_drop_indexes (db, "followups", error))))
    return NULL;
  return g_steal_pointer (&bulk);
}

static gint64
next_number (FdBulkClaims  *bulk,
             int            year,
             GError       **error)
{
  FdDatabase *db = _fd_store_get_database (bulk->store);
  gpointer value;
  gint64 number;

  if (g_hash_table_lookup_extended (bulk->next_number, GINT_TO_POINTER (year), NULL, &value))
    number = GPOINTER_TO_SIZE (value);
  else
    {
      sqlite3_stmt *stmt = fd_database_prepare (db, "SELECT coalesce (max (number), 0) + 1 FROM claims WHERE year = ?1", error);

      if (stmt == NULL)
        return 0;
      sqlite3_bind_int (stmt, 1, year);
      number = sqlite3_step (stmt) == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 1;
      sqlite3_reset (stmt);
    }
  g_hash_table_insert (bulk->next_number, GINT_TO_POINTER (year), GSIZE_TO_POINTER (number + 1));
  return number;
}

static gboolean
add_event (FdDatabase  *db,
           gint64       claim_id,
           gint64       at,
           const char  *old_value,
           const char  *new_value,
           const char  *actor,
           GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO claim_events (claim_id, at, field, old_value, new_value, actor)"
    " VALUES (?1, ?2, 'status', ?3, ?4, ?5)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, at);
  fd_bind_text (stmt, 3, old_value);
  fd_bind_text (stmt, 4, new_value);
  fd_bind_text (stmt, 5, actor);
  return fd_database_step_done (db, stmt, error);
}

/* The workflow's steps from new to the row's status, at the times the row gives. */
static gboolean
add_history (FdDatabase        *db,
             gint64             id,
             const FdClaimRow  *row,
             GError           **error)
{
  gboolean working = g_str_equal (row->status, "in_progress") || g_str_equal (row->status, "waiting_for_customer");
  gint64 started = row->acknowledged_at + 3600;

  if (!add_event (db, id, row->received_at, NULL, "new", row->actor, error))
    return FALSE;
  if (row->acknowledged_at == 0)
    return TRUE;
  if (!add_event (db, id, row->acknowledged_at, "new", "acknowledged", row->actor, error))
    return FALSE;
  if (working && !add_event (db, id, started, "acknowledged", "in_progress", row->actor, error))
    return FALSE;
  if (g_str_equal (row->status, "waiting_for_customer") &&
      !add_event (db, id, started + 86400, "in_progress", "waiting_for_customer", row->actor, error))
    return FALSE;
  if (row->resolved_at && !add_event (db, id, row->resolved_at, "acknowledged", "resolved", row->actor, error))
    return FALSE;
  if (row->closed_at && !add_event (db, id, row->closed_at, "resolved", "closed", row->actor, error))
    return FALSE;
  return TRUE;
}

/* One follow-up of a loaded claim: done at @done_at, else open. */
static gboolean
add_followup (FdDatabase        *db,
              gint64             claim_id,
              const FdClaimRow  *row,
              const char        *kind,
              const char        *source,
              gint64             due,
              gint64             done_at,
              const char        *reference,
              GError           **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO followups (kind, customer_id, claim_id, source, due_at, notify_at, assignee_id, note,"
    " state, state_at, state_by, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);

  if (stmt == NULL)
    return FALSE;
  fd_bind_text (stmt, 1, kind);
  sqlite3_bind_int64 (stmt, 2, row->customer_id);
  sqlite3_bind_int64 (stmt, 3, claim_id);
  fd_bind_text (stmt, 4, source);
  sqlite3_bind_int64 (stmt, 5, due);
  if (row->assignee_id)
    sqlite3_bind_int64 (stmt, 6, row->assignee_id);
  fd_bind_text (stmt, 7, reference);
  fd_bind_text (stmt, 8, done_at ? "done" : "open");
  sqlite3_bind_int64 (stmt, 9, done_at ? done_at : row->received_at);
  fd_bind_text (stmt, 10, row->actor);
  sqlite3_bind_int64 (stmt, 11, row->received_at);
  return fd_database_step_done (db, stmt, error);
}

/* The claim's own follow-ups, as the store keeps them: its acknowledgement and resolution
 * deadlines, and a call back the handler promised, if any. */
static gboolean
add_followups (FdDatabase        *db,
               gint64             id,
               const FdClaimRow  *row,
               const char        *reference,
               GError           **error)
{
  gint64 resolved = row->resolved_at ? row->resolved_at : row->closed_at;

  return add_followup (db, id, row, "claim_due", "claim_ack", row->ack_due_at, row->acknowledged_at, reference, error) &&
         add_followup (db, id, row, "claim_due", "claim_resolve", row->due_at, resolved, reference, error) &&
         (row->call_back_at == 0 ||
          add_followup (db, id, row, "call_back", NULL, row->call_back_at, 0, reference, error));
}

/* Adds a claim, its history (opened, and its last status) and its search text; returns
 * its id, 0 on error. */
gint64
_fd_store_bulk_claims_add (FdBulkClaims      *bulk,
                           const FdClaimRow  *row,
                           char             **reference_out,
                           GError           **error)
{
  FdDatabase *db = _fd_store_get_database (bulk->store);
  g_autoptr(GDateTime) received = g_date_time_new_from_unix_utc (row->received_at);
  int year = g_date_time_get_year (received);
  gint64 number = next_number (bulk, year, error), id;
  g_autofree char *reference = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;

  if (number == 0 ||
      !(stmt = fd_database_prepare (db,
          "INSERT INTO claims (reference, year, number, branch_id, customer_id, kind, channel, category,"
          " priority, status, summary, received_at, ack_due_at, due_at, acknowledged_at, resolved_at,"
          " closed_at, problem, solution, benefit, updated_at, assignee_id, concerns, satisfaction)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18,"
          " ?19, ?20, ?21, ?22, ?23, ?24)", error)))
    return 0;
  reference = fd_claim_reference_format (year, number);
  fd_bind_text (stmt, 1, reference);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, number);
  sqlite3_bind_int64 (stmt, 4, row->branch_id);
  sqlite3_bind_int64 (stmt, 5, row->customer_id);
  fd_bind_text (stmt, 6, row->kind);
  fd_bind_text (stmt, 7, row->channel);
  fd_bind_text (stmt, 8, row->category);
  fd_bind_text (stmt, 9, row->priority);
  fd_bind_text (stmt, 10, row->status);
  fd_bind_text (stmt, 11, row->summary);
  sqlite3_bind_int64 (stmt, 12, row->received_at);
  sqlite3_bind_int64 (stmt, 13, row->ack_due_at);
  sqlite3_bind_int64 (stmt, 14, row->due_at);
  if (row->acknowledged_at)
    sqlite3_bind_int64 (stmt, 15, row->acknowledged_at);
  if (row->resolved_at)
    sqlite3_bind_int64 (stmt, 16, row->resolved_at);
  if (row->closed_at)
    sqlite3_bind_int64 (stmt, 17, row->closed_at);
  fd_bind_text (stmt, 18, row->problem);
  fd_bind_text (stmt, 19, row->solution);
  fd_bind_text (stmt, 20, row->benefit);
  sqlite3_bind_int64 (stmt, 21, MAX (row->closed_at, MAX (row->resolved_at, row->received_at)));
  if (row->assignee_id)
    sqlite3_bind_int64 (stmt, 22, row->assignee_id);
  fd_bind_text (stmt, 23, row->concerns);
  if (row->satisfaction)
    sqlite3_bind_int (stmt, 24, row->satisfaction);
  if (!fd_database_step_done (db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (fd_database_get_handle (db));

  text = g_strjoin (" ", reference, row->summary ? row->summary : "", row->problem ? row->problem : "",
                    row->solution ? row->solution : "", row->benefit ? row->benefit : "", NULL);
  if (!add_history (db, id, row, error) ||
      !add_followups (db, id, row, reference, error) ||
      !_fd_claim_fts_write (db, id * FD_CLAIM_FTS_STRIDE, NULL, text, error))
    return 0;
  if (reference_out)
    *reference_out = g_steal_pointer (&reference);
  return id;
}

gboolean
_fd_store_bulk_claims_add_message (FdBulkClaims        *bulk,
                                   gint64               claim_id,
                                   int                  position,
                                   const FdMessageRow  *row,
                                   GError             **error)
{
  FdDatabase *db = _fd_store_get_database (bulk->store);
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO claim_messages (claim_id, position, direction, channel, at, subject, body,"
    " language, template, author) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int (stmt, 2, position);
  fd_bind_text (stmt, 3, row->direction);
  fd_bind_text (stmt, 4, row->channel);
  sqlite3_bind_int64 (stmt, 5, row->at);
  fd_bind_text (stmt, 6, row->subject);
  fd_bind_text (stmt, 7, row->body);
  fd_bind_text (stmt, 8, row->language);
  fd_bind_text (stmt, 9, row->template_code);
  fd_bind_text (stmt, 10, row->author);
  if (!fd_database_step_done (db, stmt, error))
    return FALSE;
  text = g_strjoin (" ", row->subject ? row->subject : "", row->body, NULL);
  return _fd_claim_fts_write (db, claim_id * FD_CLAIM_FTS_STRIDE + position, NULL, text, error);
}

gboolean
_fd_store_bulk_claims_commit (FdBulkClaims  *bulk,
                              GError       **error)
{
  FdDatabase *db = _fd_store_get_database (bulk->store);

  for (guint i = 0; bulk->claim_indexes && i < bulk->claim_indexes->len; i++)
    if (!fd_database_exec (db, bulk->claim_indexes->pdata[i], error))
      return FALSE;
  for (guint i = 0; bulk->message_indexes && i < bulk->message_indexes->len; i++)
    if (!fd_database_exec (db, bulk->message_indexes->pdata[i], error))
      return FALSE;
  for (guint i = 0; bulk->followup_indexes && i < bulk->followup_indexes->len; i++)
    if (!fd_database_exec (db, bulk->followup_indexes->pdata[i], error))
      return FALSE;
  /* A freshly loaded index is many small segments: merge them once, now. */
  if (!fd_database_exec (db, "INSERT INTO claim_fts (claim_fts) VALUES ('optimize')", error) ||
      (bulk->claim_indexes && !_fd_store_mark_report_days_dirty (db, error)) ||
      !fd_transaction_commit (bulk->tx, error))
    return FALSE;

  _fd_store_emit_claims_changed (bulk->store);
  _fd_store_emit_followups_changed (bulk->store);
  return TRUE;
}

void
_fd_store_bulk_claims_free (FdBulkClaims *bulk)
{
  g_clear_pointer (&bulk->tx, fd_transaction_free);
  fd_database_end_bulk (_fd_store_get_database (bulk->store), bulk->wal_off);
  g_clear_pointer (&bulk->claim_indexes, g_ptr_array_unref);
  g_clear_pointer (&bulk->message_indexes, g_ptr_array_unref);
  g_clear_pointer (&bulk->followup_indexes, g_ptr_array_unref);
  g_clear_pointer (&bulk->next_number, g_hash_table_unref);
  g_object_unref (bulk->store);
  g_free (bulk);
}

/* How many claims there are: for the bench, which tops them up to its scale. */
guint
_fd_store_count_claims (FdStore *self)
{
  sqlite3_stmt *stmt = fd_database_prepare (_fd_store_get_database (self), "SELECT count(*) FROM claims", NULL);
  guint n = 0;

  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return n;
}
