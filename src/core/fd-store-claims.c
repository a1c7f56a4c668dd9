/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fd-calendar.h"
#include "fd-claim-private.h"
#include "fd-claim-reference.h"
#include "fd-error.h"
#include "fd-fold.h"
#include "fd-store-private.h"

/* Claims and their history. The reference number is taken inside the write transaction,
 * so two processes opening claims at once never share one. */

#define CLAIM_COLUMNS \
  "id, reference, branch_id, customer_id, kind, channel, category, priority, status, summary," \
  " received_at, ack_due_at, due_at, closed_at, problem, solution, benefit, visit_id, assignee_id," \
  " concerns, satisfaction, acknowledged_at, resolved_at FROM claims"

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
  claim->visit_id = sqlite3_column_int64 (stmt, 17);
  claim->assignee_id = sqlite3_column_int64 (stmt, 18);
  claim->concerns = g_strdup (fd_column_text (stmt, 19));
  claim->satisfaction = sqlite3_column_int (stmt, 20);
  claim->acknowledged_at = sqlite3_column_int64 (stmt, 21);
  claim->resolved_at = sqlite3_column_int64 (stmt, 22);
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
record_change (FdStore     *self,
               gint64       claim_id,
               gint64       at,
               const char  *field,
               const char  *old_value,
               const char  *new_value,
               const char  *comment,
               GError     **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autofree char *actor = _fd_store_dup_actor (self);
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO claim_events (claim_id, at, field, old_value, new_value, comment, actor)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  sqlite3_bind_int64 (stmt, 2, at);
  fd_bind_text (stmt, 3, field);
  fd_bind_text (stmt, 4, old_value);
  fd_bind_text (stmt, 5, new_value);
  fd_bind_text (stmt, 6, comment && *comment ? comment : NULL);
  fd_bind_text (stmt, 7, actor);
  return fd_database_step_done (db, stmt, error);
}

gboolean
_fd_claim_fts_write (FdDatabase  *db,
                     gint64       rowid,
                     const char  *old_text,
                     const char  *new_text,
                     GError     **error)
{
  sqlite3_stmt *stmt;

  if (old_text != NULL)
    {
      g_autofree char *folded = fd_fold (old_text);

      if (!(stmt = fd_database_prepare (db,
              "INSERT INTO claim_fts (claim_fts, rowid, text) VALUES ('delete', ?1, ?2)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      fd_bind_text (stmt, 2, folded);
      if (!fd_database_step_done (db, stmt, error))
        return FALSE;
    }
  if (new_text != NULL)
    {
      g_autofree char *folded = fd_fold (new_text);

      if (!(stmt = fd_database_prepare (db, "INSERT INTO claim_fts (rowid, text) VALUES (?1, ?2)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, rowid);
      fd_bind_text (stmt, 2, folded);
      if (!fd_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The claim's own searchable text, as the v4 migration indexed it. */
static char *
claim_text (FdClaim *claim)
{
  return g_strjoin (" ", claim->reference, claim->summary ? claim->summary : "",
                    claim->problem ? claim->problem : "", claim->solution ? claim->solution : "",
                    claim->benefit ? claim->benefit : "", NULL);
}

/* Reindexes the claim's text after an update, inside the caller's transaction. */
static gboolean
reindex_claim (FdStore  *self,
               FdClaim  *before,
               GError  **error)
{
  g_autoptr(FdClaim) after = fd_store_get_claim (self, before->id, error);
  g_autofree char *old_text = NULL;
  g_autofree char *new_text = NULL;

  if (after == NULL)
    return FALSE;
  old_text = claim_text (before);
  new_text = claim_text (after);
  if (g_str_equal (old_text, new_text))
    return TRUE;
  return _fd_claim_fts_write (_fd_store_get_database (self), before->id * FD_CLAIM_FTS_STRIDE,
                              old_text, new_text, error);
}

/* The branch's working calendar: hours, country holidays, its own closed days. */
static FdWorkingCalendar *
branch_calendar (FdStore  *self,
                 gint64    branch_id,
                 GError  **error)
{
  g_autoptr(FdBranch) branch = fd_store_get_branch (self, branch_id, error);
  g_autoptr(GArray) closed = NULL;

  if (branch == NULL || !(closed = fd_store_list_closed_days (self, branch_id, error)))
    return NULL;
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

/* Acknowledgement and resolution due dates for a claim of @kind and @priority received at
 * @received, in the branch's working time. */
static gboolean
compute_deadlines (FdStore          *self,
                   gint64            branch_id,
                   FdClaimKind       kind,
                   FdClaimPriority   priority,
                   gint64            received,
                   gint64           *ack_due,
                   gint64           *due,
                   GError          **error)
{
  g_autoptr(FdWorkingCalendar) calendar = branch_calendar (self, branch_id, error);
  int ack_days, resolve_days;

  if (calendar == NULL ||
      !deadline_days (_fd_store_get_database (self), kind, priority, &ack_days, &resolve_days, error))
    return FALSE;
  *ack_due = fd_working_calendar_add_days (calendar, received, ack_days);
  *due = fd_working_calendar_add_days (calendar, received, resolve_days);
  if (*ack_due == 0 || *due == 0)
    {
      fd_set_invalid (error, "branch", _("This branch is never open: set its opening hours first."));
      return FALSE;
    }
  return TRUE;
}

static gboolean
category_exists (FdDatabase *db,
                 const char *code)
{
  sqlite3_stmt *stmt = fd_database_prepare (db, "SELECT 1 FROM claim_categories WHERE code = ?1", NULL);
  gboolean known;

  if (stmt == NULL || code == NULL)
    return FALSE;
  fd_bind_text (stmt, 1, code);
  known = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return known;
}

/* The branch's own name for a category, else the translated default. */
static char *
dup_category_label (FdDatabase *db,
                    const char *code)
{
  sqlite3_stmt *stmt = fd_database_prepare (db, "SELECT label FROM claim_categories WHERE code = ?1", NULL);
  char *label = NULL;

  if (stmt != NULL)
    {
      fd_bind_text (stmt, 1, code);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        label = g_strdup (fd_column_text (stmt, 0));
      sqlite3_reset (stmt);
    }
  return label ? label : g_strdup (fd_claim_category_to_label (code));
}

/**
 * fd_store_list_claim_categories:
 * @codes: (out) (transfer full): the categories' codes, in order
 * @labels: (out) (transfer full): their labels: the branch's own, else the translated default
 */
gboolean
fd_store_list_claim_categories (FdStore  *self,
                                GStrv    *codes,
                                GStrv    *labels,
                                GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), FALSE);
  return _fd_store_list_labelled_codes (self, "SELECT code, label FROM claim_categories ORDER BY position, code",
                                        fd_claim_category_to_label, codes, labels, error);
}

/* Adds a category or renames one (a NULL @label restores the translated default). */
gboolean
fd_store_set_claim_category (FdStore     *self,
                             const char  *code,
                             const char  *label,
                             GError     **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (code == NULL || strlen (code) == 0 || strlen (code) > 40 || code[strspn (code, "abcdefghijklmnopqrstuvwxyz0123456789_")] != '\0')
    {
      fd_set_invalid (error, "code", _("A category code is at most 40 lower-case letters, digits or underscores."));
      return FALSE;
    }
  if (label && (!g_utf8_validate (label, -1, NULL) || g_utf8_strlen (label, -1) > 100))
    {
      fd_set_invalid (error, "label", _("A category name is text of at most 100 characters."));
      return FALSE;
    }
  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "INSERT INTO claim_categories (code, label, position)"
          " VALUES (?1, ?2, (SELECT coalesce (max (position), 0) + 1 FROM claim_categories))"
          " ON CONFLICT (code) DO UPDATE SET label = excluded.label", error)))
    return FALSE;
  fd_bind_text (stmt, 1, code);
  fd_bind_text (stmt, 2, label && *label ? label : NULL);
  if (!fd_database_step_done (db, stmt, error))
    return FALSE;
  _fd_store_emit_claims_changed (self);
  return TRUE;
}

gboolean
fd_store_get_claim_deadline (FdStore          *self,
                             FdClaimKind       kind,
                             FdClaimPriority   priority,
                             int              *ack_days,
                             int              *resolve_days,
                             GError          **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), FALSE);
  g_return_val_if_fail (kind <= FD_CLAIM_KIND_REQUEST && priority <= FD_CLAIM_PRIORITY_HIGH, FALSE);
  return deadline_days (_fd_store_get_database (self), kind, priority, ack_days, resolve_days, error);
}

gboolean
fd_store_set_claim_deadline (FdStore          *self,
                             FdClaimKind       kind,
                             FdClaimPriority   priority,
                             int               ack_days,
                             int               resolve_days,
                             GError          **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (kind > FD_CLAIM_KIND_REQUEST || priority > FD_CLAIM_PRIORITY_HIGH)
    {
      fd_set_invalid (error, "kind", _("That is not a claim kind and priority."));
      return FALSE;
    }
  if (ack_days < 0 || ack_days > 60)
    {
      fd_set_invalid (error, "ack_days", _("Acknowledge within 0 to 60 working days."));
      return FALSE;
    }
  if (resolve_days < ack_days || resolve_days > 365)
    {
      fd_set_invalid (error, "resolve_days", _("Resolve within 365 working days at most, and not before the acknowledgement is due."));
      return FALSE;
    }
  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "INSERT INTO claim_deadlines (kind, priority, ack_days, resolve_days) VALUES (?1, ?2, ?3, ?4)"
          " ON CONFLICT (kind, priority) DO UPDATE SET ack_days = excluded.ack_days,"
          " resolve_days = excluded.resolve_days", error)))
    return FALSE;
  fd_bind_text (stmt, 1, fd_claim_kind_to_code (kind));
  fd_bind_text (stmt, 2, fd_claim_priority_to_code (priority));
  sqlite3_bind_int (stmt, 3, ack_days);
  sqlite3_bind_int (stmt, 4, resolve_days);
  if (!fd_database_step_done (db, stmt, error))
    return FALSE;
  _fd_store_emit_claims_changed (self);
  return TRUE;
}

/**
 * fd_store_list_closed_days:
 *
 * Returns: (transfer full) (element-type GDate): the branch's own closed days, in order
 */
GArray *
fd_store_list_closed_days (FdStore  *self,
                           gint64    branch_id,
                           GError  **error)
{
  FdDatabase *db;
  g_autoptr(GArray) days = g_array_new (FALSE, TRUE, sizeof (GDate));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "SELECT day FROM branch_closed_days WHERE branch_id = ?1 ORDER BY day", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int day = sqlite3_column_int (stmt, 0);
      GDate date;

      g_date_clear (&date, 1);
      if (g_date_valid_dmy (day % 100, (day / 100) % 100, day / 10000))
        {
          g_date_set_dmy (&date, day % 100, (day / 100) % 100, day / 10000);
          g_array_append_val (days, date);
        }
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&days);
}

gboolean
fd_store_set_closed_day (FdStore      *self,
                         gint64        branch_id,
                         const GDate  *day,
                         gboolean      closed,
                         GError      **error)
{
  FdDatabase *db;
  g_autoptr(FdBranch) branch = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (day == NULL || !g_date_valid (day))
    {
      fd_set_invalid (error, "day", _("That is not a date."));
      return FALSE;
    }
  if (!(branch = fd_store_get_branch (self, branch_id, error)))
    return FALSE;
  db = _fd_store_get_database (self);
  stmt = closed
    ? fd_database_prepare (db, "INSERT OR IGNORE INTO branch_closed_days (branch_id, day) VALUES (?1, ?2)", error)
    : fd_database_prepare (db, "DELETE FROM branch_closed_days WHERE branch_id = ?1 AND day = ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  sqlite3_bind_int (stmt, 2, g_date_get_year (day) * 10000 + g_date_get_month (day) * 100 + g_date_get_day (day));
  if (!fd_database_step_done (db, stmt, error))
    return FALSE;
  _fd_store_emit_branches_changed (self);
  return TRUE;
}

static gboolean
validate_draft (FdDatabase          *db,
                const FdClaimDraft  *draft,
                GError             **error)
{
  static const char * const channels[] = { "in_person", "phone", "email", "letter", NULL };

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

  if (!category_exists (db, draft->category))
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
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(GDateTime) received = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *text = NULL;
  sqlite3_stmt *stmt;
  gint64 at, number = 1, ack_due, due, id;
  int year;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  db = _fd_store_get_database (self);
  if ((at = _fd_store_resolve_time (draft->received_at, error)) < 0 ||
      !validate_draft (db, draft, error) ||
      !(customer = fd_store_get_customer (self, draft->customer_id, error)) ||
      !compute_deadlines (self, draft->branch_id, draft->kind, draft->priority, at, &ack_due, &due, error))
    return NULL;

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
  text = g_strjoin (" ", reference, draft->summary ? draft->summary : "", NULL);
  if (!record_change (self, id, at, "status", NULL, "new", NULL, error) ||
      !_fd_claim_fts_write (db, id * FD_CLAIM_FTS_STRIDE, NULL, text, error) ||
      !_fd_store_sync_claim_followups (self, id, FALSE, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_claims_changed (self);
  _fd_store_emit_followups_changed (self);
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
      !record_change (self, claim_id, now, "status", fd_claim_status_to_code (claim->status),
                      fd_claim_status_to_code (to), comment, error) ||
      !_fd_store_sync_claim_followups (self, claim_id, to == FD_CLAIM_STATUS_RESOLVED, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_claims_changed (self);
  _fd_store_emit_followups_changed (self);
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
      !record_change (self, claim_id, now, "resolution", claim->solution, solution, NULL, error) ||
      !record_change (self, claim_id, now, "status", fd_claim_status_to_code (claim->status), "resolved", NULL, error) ||
      !reindex_claim (self, claim, error) ||
      !_fd_store_sync_claim_followups (self, claim_id, TRUE, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_claims_changed (self);
  _fd_store_emit_followups_changed (self);
  return fd_store_get_claim (self, claim_id, error);
}

/* The filters every list statement applies after its index: ?1 status, ?2 kind,
 * ?3 category, ?4 assignee (0 any, -1 none), ?5 branch (0 any), ?6 overdue, ?7 now;
 * ?8/?9 the keyset cursor (NULL: from the start), ?10 the limit. */
#define CLAIM_FILTERS \
  " (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR kind = ?2) AND (?3 IS NULL OR category = ?3)" \
  " AND (?4 = 0 OR (?4 = -1 AND assignee_id IS NULL) OR assignee_id = ?4)" \
  " AND (?5 = 0 OR branch_id = ?5)" \
  " AND (?6 = 0 OR (resolved_at IS NULL AND closed_at IS NULL AND due_at < ?7))"
#define NEWEST_FIRST \
  " AND (?8 IS NULL OR (received_at, id) < (?8, ?9)) ORDER BY received_at DESC, id DESC LIMIT ?10"
#define MOST_OVERDUE_FIRST \
  " AND (?8 IS NULL OR (due_at, id) > (?8, ?9)) ORDER BY due_at, id LIMIT ?10"

/* One statement per driving index, each an equality or range the index serves in list
 * order, so a page reads about as many rows as it shows. */
static const char *
list_statement (const FdClaimFilter *filter)
{
  if (filter->overdue)
    return "SELECT " CLAIM_COLUMNS " INDEXED BY claims_open_by_due"
           " WHERE resolved_at IS NULL AND closed_at IS NULL AND due_at < ?7 AND" CLAIM_FILTERS MOST_OVERDUE_FIRST;
  if (filter->status >= 0)
    return "SELECT " CLAIM_COLUMNS " INDEXED BY claims_by_status WHERE status = ?1 AND" CLAIM_FILTERS NEWEST_FIRST;
  if (filter->assignee_id > 0)
    return "SELECT " CLAIM_COLUMNS " INDEXED BY claims_by_assignee WHERE assignee_id = ?4 AND" CLAIM_FILTERS NEWEST_FIRST;
  if (filter->branch_id > 0)
    return "SELECT " CLAIM_COLUMNS " INDEXED BY claims_by_branch WHERE branch_id = ?5 AND" CLAIM_FILTERS NEWEST_FIRST;
  return "SELECT " CLAIM_COLUMNS " INDEXED BY claims_by_received WHERE" CLAIM_FILTERS NEWEST_FIRST;
}

static GPtrArray *
collect_claims (FdDatabase    *db,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

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

/**
 * fd_store_list_claims_page:
 * @after: (nullable): the last claim of the previous page
 *
 * Returns: (transfer full) (element-type FdClaim): newest received first
 */
GPtrArray *
fd_store_list_claims_page (FdStore             *self,
                           const FdClaimFilter *filter,
                           FdClaim             *after,
                           guint                limit,
                           GError             **error)
{
  static const FdClaimFilter any = FD_CLAIM_FILTER_INIT;
  FdDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &any;
  if (filter->status > FD_CLAIM_STATUS_CLOSED || filter->kind > FD_CLAIM_KIND_REQUEST)
    {
      fd_set_invalid (error, "filter", _("That is not a claim status or kind."));
      return NULL;
    }

  db = _fd_store_get_database (self);
  if (filter->category != NULL && !category_exists (db, filter->category))
    {
      fd_set_invalid (error, "category", _("“%s” is not a claim category."), filter->category);
      return NULL;
    }
  if (!(stmt = fd_database_prepare (db, list_statement (filter), error)))
    return NULL;
  fd_bind_text (stmt, 1, filter->status >= 0 ? fd_claim_status_to_code (filter->status) : NULL);
  fd_bind_text (stmt, 2, filter->kind >= 0 ? fd_claim_kind_to_code (filter->kind) : NULL);
  fd_bind_text (stmt, 3, filter->category);
  sqlite3_bind_int64 (stmt, 4, filter->assignee_id);
  sqlite3_bind_int64 (stmt, 5, filter->branch_id);
  sqlite3_bind_int (stmt, 6, filter->overdue);
  sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  if (after != NULL)
    {
      sqlite3_bind_int64 (stmt, 8, filter->overdue ? after->due_at : after->received_at);
      sqlite3_bind_int64 (stmt, 9, after->id);
    }
  sqlite3_bind_int (stmt, 10, MIN (limit, G_MAXINT));
  return collect_claims (db, stmt, error);
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
  FdClaimFilter filter = FD_CLAIM_FILTER_INIT;

  filter.status = status;
  filter.overdue = overdue;
  return fd_store_list_claims_page (self, &filter, NULL, limit, error);
}

/* Documents read per statement while searching: a page's claims have a few each. */
#define SEARCH_BATCH 600

/* The FTS5 query for @text: every folded word, the last ones as prefixes. One-letter
 * words match whole words only: no prefix index serves them, and they match everything. */
static char *
fts_query (const char *text)
{
  g_auto(GStrv) words = fd_fold_words (text);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words && words[i]; i++)
    {
      g_autofree char *quoted = NULL;
      GString *word = g_string_new (NULL);

      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (word, '"');
          g_string_append_c (word, *p);
        }
      quoted = g_string_free (word, FALSE);
      g_string_append_printf (query, "%s\"%s\"%s", query->len ? " " : "", quoted,
                              g_utf8_strlen (words[i], -1) > 1 ? "*" : "");
    }
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  return g_string_free (query, FALSE);
}

/**
 * fd_store_search_claims:
 *
 * Returns: (transfer full) (element-type FdClaim): matching claims, newest first
 */
GPtrArray *
fd_store_search_claims (FdStore     *self,
                        const char  *query,
                        gint64       before_id,
                        guint        limit,
                        GError     **error)
{
  FdDatabase *db;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *match = NULL;
  g_autoptr(GArray) ids = NULL;
  gint64 reference_id = 0;
  sqlite3_stmt *stmt;
  int year, rc = SQLITE_DONE;
  gint64 number;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (query == NULL || !g_utf8_validate (query, -1, NULL))
    {
      fd_set_invalid (error, "query", _("The search must be valid text."));
      return NULL;
    }

  /* A reference, spelt any way, is the one claim the user means. */
  if (fd_claim_reference_parse (query, &year, &number, NULL))
    {
      g_autofree char *canonical = fd_claim_reference_format (year, number);
      FdClaim *claim = get_claim_by (self, "SELECT " CLAIM_COLUMNS " WHERE reference = ?1", 0, canonical, NULL);

      if (claim != NULL)
        {
          reference_id = claim->id;
          if (before_id == 0 || claim->id < before_id)
            g_ptr_array_add (out, claim);
          else
            g_object_unref (claim);
        }
    }

  if (!(match = fts_query (query)))
    return g_steal_pointer (&out);

  /* Matches come claim by claim in rowid order, a few documents each: read them in
   * batches from where the last one stopped, keeping each claim once, until the page is
   * full. Ordering by rowid keeps a common word as cheap as a rare one. */
  db = _fd_store_get_database (self);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (gint64 from = before_id > 0 ? before_id * FD_CLAIM_FTS_STRIDE : G_MAXINT64, last = 0;
       out->len + ids->len < limit; )
    {
      guint rows = 0;

      if (!(stmt = fd_database_prepare (db,
              "SELECT rowid FROM claim_fts WHERE claim_fts MATCH ?1 AND rowid < ?2"
              " ORDER BY rowid DESC LIMIT ?3", error)))
        return NULL;
      fd_bind_text (stmt, 1, match);
      sqlite3_bind_int64 (stmt, 2, from);
      sqlite3_bind_int (stmt, 3, SEARCH_BATCH);
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 rowid = sqlite3_column_int64 (stmt, 0);
          gint64 id = rowid / FD_CLAIM_FTS_STRIDE;

          rows++;
          from = rowid;
          if (id != last && id != reference_id && out->len + ids->len < limit)
            g_array_append_val (ids, id);
          last = id;
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fd_database_set_error (db, rc, error);
          return NULL;
        }
      if (rows < SEARCH_BATCH)
        break;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      FdClaim *claim = fd_store_get_claim (self, g_array_index (ids, gint64, i), error);

      if (claim == NULL)
        return NULL;
      g_ptr_array_add (out, claim);
    }
  return g_steal_pointer (&out);
}

static gboolean
staff_exists (FdDatabase *db,
              gint64      staff_id)
{
  sqlite3_stmt *stmt = fd_database_prepare (db, "SELECT 1 FROM staff WHERE id = ?1", NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

static gboolean
validate_changes (FdDatabase            *db,
                  FdClaim               *claim,
                  const FdClaimChanges  *changes,
                  GError               **error)
{
  FdClaimDraft draft = { 0 };

  if (changes->priority > FD_CLAIM_PRIORITY_HIGH)
    {
      fd_set_invalid (error, "priority", _("The priority is low, normal or high."));
      return FALSE;
    }
  /* The draft's checks cover the fields they share. */
  draft.kind = claim->kind;
  draft.channel = claim->channel;
  draft.category = changes->category ? changes->category : claim->category;
  draft.priority = changes->priority >= 0 ? (FdClaimPriority) changes->priority : claim->priority;
  draft.summary = changes->summary;
  if (!validate_draft (db, &draft, error))
    return FALSE;
  if (changes->assignee_id > 0 && !staff_exists (db, changes->assignee_id))
    {
      fd_set_invalid (error, "assignee",
                      /* Translators: %lld is a staff member's number */
                      _("There is no staff member with number %lld."), (long long) changes->assignee_id);
      return FALSE;
    }
  if (changes->concerns && (!g_utf8_validate (changes->concerns, -1, NULL) ||
                            g_utf8_strlen (changes->concerns, -1) > 200))
    {
      fd_set_invalid (error, "concerns", _("The department or person concerned must be text of at most 200 characters."));
      return FALSE;
    }
  if (changes->due_at != 0 && changes->due_at < claim->received_at)
    {
      fd_set_invalid (error, "due_at", _("The due date cannot be before the claim was received."));
      return FALSE;
    }
  if (changes->satisfaction > 5 || changes->satisfaction < -1)
    {
      fd_set_invalid (error, "satisfaction", _("Satisfaction is a score from 1 to 5."));
      return FALSE;
    }
  if (changes->satisfaction > 0 && claim->status != FD_CLAIM_STATUS_RESOLVED &&
      claim->status != FD_CLAIM_STATUS_CLOSED)
    {
      fd_set_invalid (error, "satisfaction", _("Ask about satisfaction once the claim is resolved."));
      return FALSE;
    }
  return TRUE;
}

static char *
int64_text (gint64 value)
{
  return value ? g_strdup_printf ("%" G_GINT64_FORMAT, value) : NULL;
}

/* Records one field's change, if it really changes. */
static gboolean
note_change (FdStore     *self,
             gint64       claim_id,
             gint64       at,
             const char  *field,
             const char  *old_value,
             const char  *new_value,
             const char  *comment,
             gboolean    *changed,
             GError     **error)
{
  if (g_strcmp0 (old_value, new_value) == 0)
    return TRUE;
  *changed = TRUE;
  return record_change (self, claim_id, at, field, old_value, new_value, comment, error);
}

/**
 * fd_store_update_claim:
 *
 * Returns: (transfer full): the claim as changed, or %NULL with @error set and nothing
 *   written
 */
FdClaim *
fd_store_update_claim (FdStore              *self,
                       gint64                claim_id,
                       const FdClaimChanges *changes,
                       const char           *comment,
                       GError              **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdClaim) claim = NULL;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 assignee, ack_due, due;
  g_autofree char *old_assignee = NULL, *new_assignee = NULL;
  g_autofree char *old_due = NULL, *new_due = NULL, *old_sat = NULL, *new_sat = NULL;
  const char *priority, *category, *concerns, *summary;
  gboolean changed = FALSE;
  sqlite3_stmt *stmt;
  int satisfaction;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (changes != NULL, NULL);

  db = _fd_store_get_database (self);
  if (comment && !g_utf8_validate (comment, -1, NULL))
    {
      fd_set_invalid (error, "comment", _("The comment contains characters that are not valid text."));
      return NULL;
    }
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(claim = fd_store_get_claim (self, claim_id, error)) ||
      !validate_changes (db, claim, changes, error))
    return NULL;

  priority = fd_claim_priority_to_code (changes->priority >= 0 ? (FdClaimPriority) changes->priority : claim->priority);
  category = changes->category ? changes->category : claim->category;
  assignee = changes->assignee_id >= 0 ? changes->assignee_id : claim->assignee_id;
  concerns = changes->concerns ? (*changes->concerns ? changes->concerns : NULL) : claim->concerns;
  summary = changes->summary ? (*changes->summary ? changes->summary : NULL) : claim->summary;
  satisfaction = changes->satisfaction >= 0 ? changes->satisfaction : claim->satisfaction;
  ack_due = claim->ack_due_at;
  due = claim->due_at;
  if (changes->priority >= 0 && (FdClaimPriority) changes->priority != claim->priority &&
      !compute_deadlines (self, claim->branch_id, claim->kind, changes->priority, claim->received_at,
                          &ack_due, &due, error))
    return NULL;
  if (changes->due_at != 0)
    due = changes->due_at;

  old_assignee = int64_text (claim->assignee_id);
  new_assignee = int64_text (assignee);
  old_due = int64_text (claim->due_at);
  new_due = int64_text (due);
  old_sat = int64_text (claim->satisfaction);
  new_sat = int64_text (satisfaction);
  if (!note_change (self, claim_id, now, "priority", fd_claim_priority_to_code (claim->priority), priority, comment, &changed, error) ||
      !note_change (self, claim_id, now, "category", claim->category, category, comment, &changed, error) ||
      !note_change (self, claim_id, now, "assignee", old_assignee, new_assignee, comment, &changed, error) ||
      !note_change (self, claim_id, now, "concerns", claim->concerns, concerns, comment, &changed, error) ||
      !note_change (self, claim_id, now, "summary", claim->summary, summary, comment, &changed, error) ||
      !note_change (self, claim_id, now, "due_at", old_due, new_due, comment, &changed, error) ||
      !note_change (self, claim_id, now, "satisfaction", old_sat, new_sat, comment, &changed, error))
    return NULL;
  if (!changed)
    return g_steal_pointer (&claim);

  if (!(stmt = fd_database_prepare (db,
          "UPDATE claims SET priority = ?2, category = ?3, assignee_id = ?4, concerns = ?5, summary = ?6,"
          " ack_due_at = ?7, due_at = ?8, satisfaction = ?9, updated_at = ?10 WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  fd_bind_text (stmt, 2, priority);
  fd_bind_text (stmt, 3, category);
  if (assignee > 0)
    sqlite3_bind_int64 (stmt, 4, assignee);
  fd_bind_text (stmt, 5, concerns);
  fd_bind_text (stmt, 6, summary);
  sqlite3_bind_int64 (stmt, 7, ack_due);
  sqlite3_bind_int64 (stmt, 8, due);
  if (satisfaction > 0)
    sqlite3_bind_int (stmt, 9, satisfaction);
  sqlite3_bind_int64 (stmt, 10, now);
  if (!fd_database_step_done (db, stmt, error) ||
      !reindex_claim (self, claim, error) ||
      !_fd_store_sync_claim_followups (self, claim_id, FALSE, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_claims_changed (self);
  _fd_store_emit_followups_changed (self);
  return fd_store_get_claim (self, claim_id, error);
}

static char *
value_label (FdStore    *self,
             const char *field,
             const char *value)
{
  FdClaimStatus status;
  FdClaimPriority priority;

  if (value == NULL)
    return g_strdup ("—");
  if (g_str_equal (field, "status") && fd_claim_status_from_code (value, &status))
    return g_strdup (fd_claim_status_to_label (status));
  if (g_str_equal (field, "priority") && fd_claim_priority_from_code (value, &priority))
    return g_strdup (fd_claim_priority_to_label (priority));
  if (g_str_equal (field, "category"))
    return dup_category_label (_fd_store_get_database (self), value);
  if (g_str_equal (field, "assignee"))
    {
      char *name = fd_store_dup_staff_name (self, g_ascii_strtoll (value, NULL, 10));
      return name ? name : g_strdup (value);
    }
  if (g_str_equal (field, "due_at"))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (g_ascii_strtoll (value, NULL, 10));
      g_autoptr(GDateTime) local = utc ? g_date_time_to_timezone (utc, _fd_local_time_zone ()) : NULL;

      return local ? g_date_time_format (local, "%x %H:%M") : g_strdup (value);
    }
  return g_strdup (value);
}

static const char *
field_title (const char *field)
{
  if (g_str_equal (field, "status"))       return _("Status changed");
  if (g_str_equal (field, "resolution"))   return _("Resolution recorded");
  if (g_str_equal (field, "priority"))     return _("Priority changed");
  if (g_str_equal (field, "category"))     return _("Category changed");
  if (g_str_equal (field, "assignee"))     return _("Handler changed");
  if (g_str_equal (field, "concerns"))     return _("Department or person concerned changed");
  if (g_str_equal (field, "summary"))      return _("Summary changed");
  if (g_str_equal (field, "due_at"))       return _("Due date changed");
  if (g_str_equal (field, "satisfaction")) return _("Satisfaction recorded");
  if (g_str_equal (field, "message"))      return _("Correspondence added");
  return _("Changed");
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
          "SELECT id, at, field, old_value, new_value, comment, actor FROM claim_events"
          " WHERE claim_id = ?1 ORDER BY at, id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, claim_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *field = fd_column_text (stmt, 2);
      const char *comment = fd_column_text (stmt, 5);
      g_autofree char *from = value_label (self, field, fd_column_text (stmt, 3));
      g_autofree char *to = value_label (self, field, fd_column_text (stmt, 4));
      g_autofree char *detail = NULL;
      FdHistoryEntry *entry;

      /* Translators: a change in a claim's history: from the old value to the new one */
      detail = comment ? g_strdup_printf (_("%s → %s: %s"), from, to, comment)
                       : g_strdup_printf (_("%s → %s"), from, to);
      entry = fd_history_entry_new ("claim-change", sqlite3_column_int64 (stmt, 0),
                                    sqlite3_column_int64 (stmt, 1), field_title (field), detail);
      fd_history_entry_set_change (entry, fd_column_text (stmt, 6), field,
                                   fd_column_text (stmt, 3), fd_column_text (stmt, 4));
      g_ptr_array_add (out, entry);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}
