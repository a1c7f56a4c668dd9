/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fd-calendar.h"
#include "fd-claim-private.h"
#include "fd-claim-reference.h"
#include "fd-error.h"
#include "fd-store-private.h"

/* Claims and their history. The reference number is taken inside the write transaction,
 * so two processes opening claims at once never share one. */

#define CLAIM_COLUMNS \
  "id, reference, branch_id, customer_id, kind, channel, category, priority, status, summary," \
  " received_at, ack_due_at, due_at, closed_at, problem, solution, benefit FROM claims"

static FdClaim *
claim_from_row (sqlite3_stmt *stmt)
{
  FdClaim *claim = g_object_new (FD_TYPE_CLAIM, NULL);

  claim->id = sqlite3_column_int64 (stmt, 0);
  claim->reference = g_strdup (fd_column_text (stmt, 1));
  claim->branch_id = sqlite3_column_int64 (stmt, 2);
  claim->customer_id = sqlite3_column_int64 (stmt, 3);
  fd_claim_kind_from_code (fd_column_text (stmt, 4), &claim->kind);
  claim->channel = g_strdup (fd_column_text (stmt, 5));
  claim->category = g_strdup (fd_column_text (stmt, 6));
  fd_claim_priority_from_code (fd_column_text (stmt, 7), &claim->priority);
  fd_claim_status_from_code (fd_column_text (stmt, 8), &claim->status);
  claim->summary = g_strdup (fd_column_text (stmt, 9));
  claim->received_at = sqlite3_column_int64 (stmt, 10);
  claim->ack_due_at = sqlite3_column_int64 (stmt, 11);
  claim->due_at = sqlite3_column_int64 (stmt, 12);
  claim->closed_at = sqlite3_column_int64 (stmt, 13);
  claim->problem = g_strdup (fd_column_text (stmt, 14));
  claim->solution = g_strdup (fd_column_text (stmt, 15));
  claim->benefit = g_strdup (fd_column_text (stmt, 16));
  return claim;
}

static FdClaim *
get_claim_by (FdStore     *self,
              const char  *sql,
              gint64       key,
              const char  *text_key,
              GError     **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  sqlite3_stmt *stmt = fd_database_prepare (db, sql, error);
  FdClaim *claim = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;
  if (text_key)
    fd_bind_text (stmt, 1, text_key);
  else
    sqlite3_bind_int64 (stmt, 1, key);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    claim = claim_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      if (text_key)
        g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                     /* Translators: %s is a claim reference */
                     _("There is no claim %s."), text_key);
      else
        g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                     /* Translators: %lld is a claim number */
                     _("There is no claim with number %lld."), (long long) key);
    }
  else if (rc != SQLITE_ROW)
    fd_database_set_error (db, rc, error);
  return claim;
}

FdClaim *
fd_store_get_claim (FdStore  *self,
                    gint64    id,
                    GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  return get_claim_by (self, "SELECT " CLAIM_COLUMNS " WHERE id = ?1", id, NULL, error);
}

/**
 * fd_store_find_claim:
 *
 * Returns: (transfer full): the claim with this reference, or %NULL with @error set
 */
FdClaim *
fd_store_find_claim (FdStore     *self,
                     const char  *reference,
                     GError     **error)
{
  g_autofree char *canonical = NULL;
  gint64 number;
  int year;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (!fd_claim_reference_parse (reference, &year, &number, error))
    return NULL;
  canonical = fd_claim_reference_format (year, number);
  return get_claim_by (self, "SELECT " CLAIM_COLUMNS " WHERE reference = ?1", 0, canonical, error);
}

static gboolean
record_change (FdDatabase  *db,
               gint64       claim_id,
               gint64       at,
               const char  *field,
               const char  *old_value,
               const char  *new_value,
               const char  *comment,
               GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO claim_events (claim_id, at, field, old_value, new_value, comment)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, at);
  fd_bind_text (stmt, 3, field);
  fd_bind_text (stmt, 4, old_value);
  fd_bind_text (stmt, 5, new_value);
  fd_bind_text (stmt, 6, comment && *comment ? comment : NULL);
  return fd_database_step_done (db, stmt, error);
}

/* The branch's working calendar: hours, country holidays, its own closed days. */
static FdWorkingCalendar *
branch_calendar (FdStore  *self,
                 gint64    branch_id,
                 GError  **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(FdBranch) branch = fd_store_get_branch (self, branch_id, error);
  g_autoptr(GArray) closed = g_array_new (FALSE, TRUE, sizeof (GDate));
  sqlite3_stmt *stmt;

  if (branch == NULL ||
      !(stmt = fd_database_prepare (db, "SELECT day FROM branch_closed_days WHERE branch_id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      int day = sqlite3_column_int (stmt, 0);
      GDate date;

      g_date_clear (&date, 1);
      if (g_date_valid_dmy (day % 100, (day / 100) % 100, day / 10000))
        {
          g_date_set_dmy (&date, day % 100, (day / 100) % 100, day / 10000);
          g_array_append_val (closed, date);
        }
    }
  sqlite3_reset (stmt);
  return fd_working_calendar_new (branch, closed, _fd_local_time_zone ());
}

static gboolean
deadline_days (FdDatabase       *db,
               FdClaimKind       kind,
               FdClaimPriority   priority,
               int              *ack_days,
               int              *resolve_days,
               GError          **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "SELECT ack_days, resolve_days FROM claim_deadlines WHERE kind = ?1 AND priority = ?2", error);

  *ack_days = 2;
  *resolve_days = 10;
  if (stmt == NULL)
    return FALSE;
  fd_bind_text (stmt, 1, fd_claim_kind_to_code (kind));
  fd_bind_text (stmt, 2, fd_claim_priority_to_code (priority));
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      *ack_days = sqlite3_column_int (stmt, 0);
      *resolve_days = sqlite3_column_int (stmt, 1);
    }
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
validate_draft (FdDatabase          *db,
                const FdClaimDraft  *draft,
                GError             **error)
{
  static const char * const channels[] = { "in_person", "phone", "email", "letter", NULL };
  sqlite3_stmt *stmt;
  gboolean known;

  if (draft->kind > FD_CLAIM_KIND_REQUEST)
    {
      fd_set_invalid (error, "kind", _("The kind is complaint, compliment, suggestion or request."));
      return FALSE;
    }
  if (draft->channel == NULL || !g_strv_contains (channels, draft->channel))
    {
      fd_set_invalid (error, "channel", _("The channel is in_person, phone, email or letter."));
      return FALSE;
    }
  if (draft->priority > FD_CLAIM_PRIORITY_HIGH)
    {
      fd_set_invalid (error, "priority", _("The priority is low, normal or high."));
      return FALSE;
    }
  if (draft->summary && (!g_utf8_validate (draft->summary, -1, NULL) || g_utf8_strlen (draft->summary, -1) > 2000))
    {
      fd_set_invalid (error, "summary", _("The summary must be text of at most 2,000 characters."));
      return FALSE;
    }

  if (!(stmt = fd_database_prepare (db, "SELECT 1 FROM claim_categories WHERE code = ?1", error)))
    return FALSE;
  fd_bind_text (stmt, 1, draft->category);
  known = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (!known)
    {
      /* Translators: %s is what the user gave as a claim category */
      fd_set_invalid (error, "category", _("“%s” is not a claim category."), draft->category ? draft->category : "");
      return FALSE;
    }
  return TRUE;
}

/**
 * fd_store_open_claim:
 *
 * Returns: (transfer full): the new claim, status new, with its reference and deadlines
 */
FdClaim *
fd_store_open_claim (FdStore             *self,
                     const FdClaimDraft  *draft,
                     GError             **error)
{
  FdDatabase *db;
  g_autoptr(FdWorkingCalendar) calendar = NULL;
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(GDateTime) received = NULL;
  g_autofree char *reference = NULL;
  sqlite3_stmt *stmt;
  gint64 at, number = 1, ack_due, due, id;
  int ack_days, resolve_days, year;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  db = _fd_store_get_database (self);
  if ((at = _fd_store_resolve_time (draft->received_at, error)) < 0 ||
      !validate_draft (db, draft, error) ||
      !(customer = fd_store_get_customer (self, draft->customer_id, error)) ||
      !(calendar = branch_calendar (self, draft->branch_id, error)) ||
      !deadline_days (db, draft->kind, draft->priority, &ack_days, &resolve_days, error))
    return NULL;

  ack_due = fd_working_calendar_add_days (calendar, at, ack_days);
  due = fd_working_calendar_add_days (calendar, at, resolve_days);
  if (ack_due == 0 || due == 0)
    {
      fd_set_invalid (error, "branch", _("This branch is never open: set its opening hours first."));
      return NULL;
    }

  received = g_date_time_new_from_unix_utc (at);
  year = g_date_time_get_year (received);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(stmt = fd_database_prepare (db, "SELECT coalesce (max (number), 0) + 1 FROM claims WHERE year = ?1", error)))
    return NULL;
  sqlite3_bind_int (stmt, 1, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    number = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  reference = fd_claim_reference_format (year, number);
  if (!(stmt = fd_database_prepare (db,
          "INSERT INTO claims (reference, year, number, branch_id, customer_id, visit_id, kind, channel,"
          " category, priority, status, summary, received_at, ack_due_at, due_at, updated_at)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, 'new', ?11, ?12, ?13, ?14, ?12)", error)))
    return NULL;
  fd_bind_text (stmt, 1, reference);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, number);
  sqlite3_bind_int64 (stmt, 4, draft->branch_id);
  sqlite3_bind_int64 (stmt, 5, draft->customer_id);
  if (draft->visit_id)
    sqlite3_bind_int64 (stmt, 6, draft->visit_id);
  fd_bind_text (stmt, 7, fd_claim_kind_to_code (draft->kind));
  fd_bind_text (stmt, 8, draft->channel);
  fd_bind_text (stmt, 9, draft->category);
  fd_bind_text (stmt, 10, fd_claim_priority_to_code (draft->priority));
  fd_bind_text (stmt, 11, draft->summary && *draft->summary ? draft->summary : NULL);
  sqlite3_bind_int64 (stmt, 12, at);
  sqlite3_bind_int64 (stmt, 13, ack_due);
  sqlite3_bind_int64 (stmt, 14, due);
  if (!fd_database_step_done (db, stmt, error))
    return NULL;

  id = sqlite3_last_insert_rowid (fd_database_get_handle (db));
  if (!record_change (db, id, at, "status", NULL, "new", NULL, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  return fd_store_get_claim (self, id, error);
}

/**
 * fd_store_move_claim:
 *
 * Returns: (transfer full): the claim in its new status, or %NULL with @error set
 */
FdClaim *
fd_store_move_claim (FdStore        *self,
                     gint64          claim_id,
                     FdClaimStatus   to,
                     const char     *comment,
                     GError        **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdClaim) claim = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (to > FD_CLAIM_STATUS_CLOSED)
    {
      fd_set_invalid (error, "status", _("That is not a claim status."));
      return NULL;
    }
  if (comment && !g_utf8_validate (comment, -1, NULL))
    {
      fd_set_invalid (error, "comment", _("The comment contains characters that are not valid text."));
      return NULL;
    }
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(claim = fd_store_get_claim (self, claim_id, error)))
    return NULL;

  if (!fd_claim_status_can_move (claim->status, to))
    {
      fd_set_invalid (error, "status",
                      /* Translators: a refused step of a claim's workflow, e.g. “from New to Closed” */
                      _("A claim cannot go from “%s” to “%s”."),
                      fd_claim_status_to_label (claim->status), fd_claim_status_to_label (to));
      return NULL;
    }
  if (to == FD_CLAIM_STATUS_RESOLVED && (!claim->problem || !claim->solution || !claim->benefit))
    {
      fd_set_invalid (error, "status", _("Record the resolution first: the problem, the solution and the benefit."));
      return NULL;
    }

  if (!(stmt = fd_database_prepare (db,
          "UPDATE claims SET status = ?2, updated_at = ?3,"
          " acknowledged_at = CASE WHEN ?2 = 'acknowledged' THEN coalesce (acknowledged_at, ?3) ELSE acknowledged_at END,"
          " resolved_at = CASE WHEN ?2 = 'resolved' THEN ?3 WHEN ?2 = 'in_progress' THEN NULL ELSE resolved_at END,"
          " closed_at = CASE WHEN ?2 = 'closed' THEN ?3 WHEN ?2 = 'in_progress' THEN NULL ELSE closed_at END"
          " WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  fd_bind_text (stmt, 2, fd_claim_status_to_code (to));
  sqlite3_bind_int64 (stmt, 3, now);
  if (!fd_database_step_done (db, stmt, error) ||
      !record_change (db, claim_id, now, "status", fd_claim_status_to_code (claim->status),
                      fd_claim_status_to_code (to), comment, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  return fd_store_get_claim (self, claim_id, error);
}

static gboolean
validate_resolution_text (const char  *text,
                          const char  *field,
                          const char  *message,
                          GError     **error)
{
  if (text == NULL || text[strspn (text, " \t\n")] == '\0' || !g_utf8_validate (text, -1, NULL) ||
      g_utf8_strlen (text, -1) > 5000)
    {
      fd_set_invalid (error, field, "%s", message);
      return FALSE;
    }
  return TRUE;
}

/**
 * fd_store_resolve_claim:
 *
 * Records the resolution in the explanation formula — problem, solution, benefit — and
 * moves the claim to resolved, in one transaction.
 */
FdClaim *
fd_store_resolve_claim (FdStore     *self,
                        gint64       claim_id,
                        const char  *problem,
                        const char  *solution,
                        const char  *benefit,
                        GError     **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdClaim) claim = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (!validate_resolution_text (problem, "problem", _("Describe the problem (at most 5,000 characters)."), error) ||
      !validate_resolution_text (solution, "solution", _("Describe the solution (at most 5,000 characters)."), error) ||
      !validate_resolution_text (benefit, "benefit", _("Describe the benefit to the customer (at most 5,000 characters)."), error))
    return NULL;

  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(claim = fd_store_get_claim (self, claim_id, error)))
    return NULL;
  if (!fd_claim_status_can_move (claim->status, FD_CLAIM_STATUS_RESOLVED))
    {
      fd_set_invalid (error, "status", _("A claim cannot go from “%s” to “%s”."),
                      fd_claim_status_to_label (claim->status),
                      fd_claim_status_to_label (FD_CLAIM_STATUS_RESOLVED));
      return NULL;
    }

  if (!(stmt = fd_database_prepare (db,
          "UPDATE claims SET problem = ?2, solution = ?3, benefit = ?4, status = 'resolved',"
          " resolved_at = ?5, updated_at = ?5 WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  fd_bind_text (stmt, 2, problem);
  fd_bind_text (stmt, 3, solution);
  fd_bind_text (stmt, 4, benefit);
  sqlite3_bind_int64 (stmt, 5, now);
  if (!fd_database_step_done (db, stmt, error) ||
      !record_change (db, claim_id, now, "resolution", claim->solution, solution, NULL, error) ||
      !record_change (db, claim_id, now, "status", fd_claim_status_to_code (claim->status), "resolved", NULL, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  return fd_store_get_claim (self, claim_id, error);
}

/**
 * fd_store_list_claims:
 * @status: an #FdClaimStatus, or -1 for any
 *
 * Returns: (transfer full) (element-type FdClaim): newest first
 */
GPtrArray *
fd_store_list_claims (FdStore   *self,
                      int        status,
                      gboolean   overdue,
                      guint      limit,
                      GError   **error)
{
  FdDatabase *db;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  /* claims_open_by_due for overdue, claims_by_status or claims_by_received otherwise. */
  if (overdue)
    stmt = fd_database_prepare (db,
      "SELECT " CLAIM_COLUMNS " WHERE closed_at IS NULL AND due_at < ?1 AND (?2 < 0 OR status = ?3)"
      " ORDER BY due_at LIMIT ?4", error);
  else if (status >= 0)
    stmt = fd_database_prepare (db,
      "SELECT " CLAIM_COLUMNS " WHERE status = ?3 AND ?1 = ?1 AND ?2 = ?2"
      " ORDER BY received_at DESC, id DESC LIMIT ?4", error);
  else
    stmt = fd_database_prepare (db,
      "SELECT " CLAIM_COLUMNS " WHERE ?1 = ?1 AND ?2 = ?2 AND ?3 IS ?3"
      " ORDER BY received_at DESC, id DESC LIMIT ?4", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int (stmt, 2, status);
  fd_bind_text (stmt, 3, status >= 0 && status <= FD_CLAIM_STATUS_CLOSED ? fd_claim_status_to_code (status) : NULL);
  sqlite3_bind_int (stmt, 4, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, claim_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static char *
value_label (const char *field,
             const char *value)
{
  FdClaimStatus status;

  if (value == NULL)
    return g_strdup ("—");
  if (g_str_equal (field, "status") && fd_claim_status_from_code (value, &status))
    return g_strdup (fd_claim_status_to_label (status));
  return g_strdup (value);
}

/**
 * fd_store_list_claim_history:
 *
 * Returns: (transfer full) (element-type FdHistoryEntry): oldest first
 */
GPtrArray *
fd_store_list_claim_history (FdStore  *self,
                             gint64    claim_id,
                             GError  **error)
{
  FdDatabase *db;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT id, at, field, old_value, new_value, comment FROM claim_events"
          " WHERE claim_id = ?1 ORDER BY at, id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *field = fd_column_text (stmt, 2);
      const char *comment = fd_column_text (stmt, 5);
      g_autofree char *from = value_label (field, fd_column_text (stmt, 3));
      g_autofree char *to = value_label (field, fd_column_text (stmt, 4));
      g_autofree char *detail = NULL;
      const char *title = g_str_equal (field, "status") ? _("Status changed")
                        : g_str_equal (field, "resolution") ? _("Resolution recorded")
                        : _("Changed");

      /* Translators: a change in a claim's history: from the old value to the new one */
      detail = comment ? g_strdup_printf (_("%s → %s: %s"), from, to, comment)
                       : g_strdup_printf (_("%s → %s"), from, to);
      g_ptr_array_add (out, fd_history_entry_new ("claim-change", sqlite3_column_int64 (stmt, 0),
                                                  sqlite3_column_int64 (stmt, 1), title, detail));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/* A customer's claims, newest first: claims_by_customer. For the customer's History. */
GPtrArray *
_fd_store_list_customer_claims (FdStore  *self,
                                gint64    customer_id,
                                guint     limit,
                                GError  **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = fd_database_prepare (db,
          "SELECT " CLAIM_COLUMNS " WHERE customer_id = ?1 ORDER BY received_at DESC, id DESC LIMIT ?2", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, limit);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, claim_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
