/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "fd-claim-private.h"
#include "fd-error.h"
#include "fd-followup-private.h"
#include "fd-recurrence.h"
#include "fd-store-private.h"

/* Follow-ups, renewable services and the record of who was told about what. Follow-ups
 * that claims and services make for themselves are kept in step here, inside the
 * transaction of the change that moves them. */

#define FOLLOWUP_COLUMNS \
  "id, kind, customer_id, claim_id, visit_id, service_id, source, due_at, notify_at, rrule," \
  " assignee_id, note, state, state_at, state_by, created_at FROM followups"

#define PENDING "state IN ('open', 'snoozed')"

static FdFollowup *
followup_from_row (sqlite3_stmt *stmt)
{
  FdFollowup *f = g_object_new (FD_TYPE_FOLLOWUP, NULL);

  f->id = sqlite3_column_int64 (stmt, 0);
  fd_followup_kind_from_code (fd_column_text (stmt, 1), &f->kind);
  f->customer_id = sqlite3_column_int64 (stmt, 2);
  f->claim_id = sqlite3_column_int64 (stmt, 3);
  f->visit_id = sqlite3_column_int64 (stmt, 4);
  f->service_id = sqlite3_column_int64 (stmt, 5);
  f->source = g_strdup (fd_column_text (stmt, 6));
  f->due_at = sqlite3_column_int64 (stmt, 7);
  f->notify_at = sqlite3_column_int64 (stmt, 8);
  f->rrule = g_strdup (fd_column_text (stmt, 9));
  f->assignee_id = sqlite3_column_int64 (stmt, 10);
  f->note = g_strdup (fd_column_text (stmt, 11));
  fd_followup_state_from_code (fd_column_text (stmt, 12), &f->state);
  f->state_at = sqlite3_column_int64 (stmt, 13);
  f->state_by = g_strdup (fd_column_text (stmt, 14));
  f->created_at = sqlite3_column_int64 (stmt, 15);
  return f;
}

static GPtrArray *
collect (FdDatabase    *db,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, followup_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

FdFollowup *
fd_store_get_followup (FdStore  *self,
                       gint64    id,
                       GError  **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "SELECT " FOLLOWUP_COLUMNS " WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (!(found = collect (db, stmt, error)))
    return NULL;
  if (found->len == 0)
    {
      g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                   /* Translators: %lld is a follow-up's number */
                   _("There is no follow-up with number %lld."), (long long) id);
      return NULL;
    }
  return g_object_ref (g_ptr_array_index (found, 0));
}

/* What an insert needs, by hand or made by a claim or a service. */
typedef struct
{
  FdFollowupKind  kind;
  gint64          customer_id;
  gint64          claim_id;
  gint64          visit_id;
  gint64          service_id;
  const char     *source;
  gint64          due_at;
  const char     *rrule;
  gint64          assignee_id;
  const char     *note;
} Row;

static gint64
insert_followup (FdStore    *self,
                 const Row  *row,
                 GError    **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autofree char *actor = _fd_store_dup_actor (self);
  gint64 now = now_seconds ();
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO followups (kind, customer_id, claim_id, visit_id, service_id, source, due_at,"
    " notify_at, rrule, assignee_id, note, state, state_at, state_by, created_at)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8, ?9, ?10, 'open', ?11, ?12, ?11)", error);

  if (stmt == NULL)
    return 0;
  fd_bind_text (stmt, 1, fd_followup_kind_to_code (row->kind));
  sqlite3_bind_int64 (stmt, 2, row->customer_id);
  if (row->claim_id)
    sqlite3_bind_int64 (stmt, 3, row->claim_id);
  if (row->visit_id)
    sqlite3_bind_int64 (stmt, 4, row->visit_id);
  if (row->service_id)
    sqlite3_bind_int64 (stmt, 5, row->service_id);
  fd_bind_text (stmt, 6, row->source);
  sqlite3_bind_int64 (stmt, 7, row->due_at);
  fd_bind_text (stmt, 8, row->rrule && *row->rrule ? row->rrule : NULL);
  if (row->assignee_id > 0)
    sqlite3_bind_int64 (stmt, 9, row->assignee_id);
  fd_bind_text (stmt, 10, row->note && *row->note ? row->note : NULL);
  sqlite3_bind_int64 (stmt, 11, now);
  fd_bind_text (stmt, 12, actor);
  if (!fd_database_step_done (db, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (fd_database_get_handle (db));
}

static gboolean
validate_draft (FdStore                *self,
                const FdFollowupDraft  *draft,
                gint64                 *customer_id,
                GError                **error)
{
  g_autoptr(FdCustomer) customer = NULL;
  g_autofree char *assignee = NULL;

  if (draft->kind > FD_FOLLOWUP_OTHER)
    {
      fd_set_invalid (error, "kind", _("The kind is call_back, renewal_due, claim_due, satisfaction_survey or other."));
      return FALSE;
    }
  *customer_id = draft->customer_id;
  if (draft->claim_id)
    {
      g_autoptr(FdClaim) claim = fd_store_get_claim (self, draft->claim_id, error);

      if (claim == NULL)
        return FALSE;
      if (*customer_id == 0)
        *customer_id = claim->customer_id;
      else if (*customer_id != claim->customer_id)
        {
          fd_set_invalid (error, "claim", _("That claim is another customer’s."));
          return FALSE;
        }
    }
  if (draft->visit_id)
    {
      g_autoptr(FdVisit) visit = fd_store_get_visit (self, draft->visit_id, error);

      if (visit == NULL)
        return FALSE;
    }
  if (!(customer = fd_store_get_customer (self, *customer_id, error)))
    return FALSE;
  /* A minute's grace for clocks of two PCs on one database. */
  if (draft->due_at < now_seconds () - 60)
    {
      fd_set_invalid (error, "due_at", _("That time is in the past: a follow-up is due later."));
      return FALSE;
    }
  if (draft->rrule && *draft->rrule && !fd_recurrence_validate (draft->rrule, draft->due_at, error))
    return FALSE;
  if (draft->assignee_id > 0 && !(assignee = fd_store_dup_staff_name (self, draft->assignee_id)))
    {
      fd_set_invalid (error, "assignee",
                      /* Translators: %lld is a staff member's number */
                      _("There is no staff member with number %lld."), (long long) draft->assignee_id);
      return FALSE;
    }
  if (draft->note && (!g_utf8_validate (draft->note, -1, NULL) || g_utf8_strlen (draft->note, -1) > 2000))
    {
      fd_set_invalid (error, "note", _("The note must be text of at most 2,000 characters."));
      return FALSE;
    }
  return TRUE;
}

/**
 * fd_store_add_followup:
 *
 * Returns: (transfer full): the new follow-up, open, or %NULL with @error set and nothing
 *   written
 */
FdFollowup *
fd_store_add_followup (FdStore               *self,
                       const FdFollowupDraft *draft,
                       GError               **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  gint64 customer_id, id;
  Row row = { 0 };

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (draft != NULL, NULL);

  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !validate_draft (self, draft, &customer_id, error))
    return NULL;

  row = (Row) { draft->kind, customer_id, draft->claim_id, draft->visit_id, 0, NULL, draft->due_at,
                draft->rrule, draft->assignee_id, draft->note };
  if (!(id = insert_followup (self, &row, error)) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_followups_changed (self);
  return fd_store_get_followup (self, id, error);
}

/* Moves a pending follow-up to @state, recording when and by whom. */
static gboolean
set_state (FdStore          *self,
           gint64            id,
           FdFollowupState   state,
           gint64            notify_at,
           GError          **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autofree char *actor = _fd_store_dup_actor (self);
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "UPDATE followups SET state = ?2, state_at = ?3, state_by = ?4,"
    " notify_at = CASE WHEN ?5 > 0 THEN ?5 ELSE notify_at END WHERE id = ?1", error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  fd_bind_text (stmt, 2, fd_followup_state_to_code (state));
  sqlite3_bind_int64 (stmt, 3, now_seconds ());
  fd_bind_text (stmt, 4, actor);
  sqlite3_bind_int64 (stmt, 5, notify_at);
  return fd_database_step_done (db, stmt, error);
}

/* The follow-up, in a transaction already begun, if it is still pending. */
static FdFollowup *
get_pending (FdStore  *self,
             gint64    id,
             GError  **error)
{
  FdFollowup *f = fd_store_get_followup (self, id, error);

  if (f != NULL && f->state != FD_FOLLOWUP_OPEN && f->state != FD_FOLLOWUP_SNOOZED)
    {
      fd_set_invalid (error, "state",
                      /* Translators: %s is a follow-up's state, e.g. “Done” */
                      _("This follow-up is already “%s”."), fd_followup_state_to_label (f->state));
      g_clear_object (&f);
    }
  return f;
}

/**
 * fd_store_complete_followup:
 * @next: (out) (optional) (transfer full): the next occurrence of a recurring one
 */
FdFollowup *
fd_store_complete_followup (FdStore      *self,
                            gint64        id,
                            FdFollowup  **next,
                            GError      **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdFollowup) f = NULL;
  gint64 next_id = 0;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(f = get_pending (self, id, error)) ||
      !set_state (self, id, FD_FOLLOWUP_DONE, 0, error))
    return NULL;

  /* The next time of the series, in the future even when this one was done late. */
  if (f->rrule)
    {
      gint64 due = fd_recurrence_next (f->rrule, f->due_at, MAX (f->due_at, now_seconds ()), _fd_local_time_zone ());
      Row row = { f->kind, f->customer_id, f->claim_id, f->visit_id, f->service_id, f->source, due,
                  f->rrule, f->assignee_id, f->note };

      if (due > 0 && !(next_id = insert_followup (self, &row, error)))
        return NULL;
    }
  if (!fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_followups_changed (self);
  if (next && next_id)
    *next = fd_store_get_followup (self, next_id, NULL);
  return fd_store_get_followup (self, id, error);
}

FdFollowup *
fd_store_snooze_followup (FdStore  *self,
                          gint64    id,
                          gint64    until,
                          GError  **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdFollowup) f = NULL;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (until <= now_seconds ())
    {
      fd_set_invalid (error, "until", _("Snooze until a time in the future."));
      return NULL;
    }
  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(f = get_pending (self, id, error)) ||
      !set_state (self, id, FD_FOLLOWUP_SNOOZED, until, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_followups_changed (self);
  return fd_store_get_followup (self, id, error);
}

FdFollowup *
fd_store_cancel_followup (FdStore  *self,
                          gint64    id,
                          GError  **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdFollowup) f = NULL;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(f = get_pending (self, id, error)) ||
      !set_state (self, id, FD_FOLLOWUP_CANCELLED, 0, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_followups_changed (self);
  return fd_store_get_followup (self, id, error);
}

FdFollowup *
fd_store_reopen_followup (FdStore  *self,
                          gint64    id,
                          GError  **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdFollowup) f = NULL;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(f = fd_store_get_followup (self, id, error)))
    return NULL;
  if (f->state != FD_FOLLOWUP_CANCELLED)
    {
      fd_set_invalid (error, "state", _("Only a cancelled follow-up can be opened again."));
      return NULL;
    }
  if (!set_state (self, id, FD_FOLLOWUP_OPEN, 0, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_followups_changed (self);
  return fd_store_get_followup (self, id, error);
}

FdFollowup *
fd_store_reassign_followup (FdStore  *self,
                            gint64    id,
                            gint64    assignee_id,
                            GError  **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdFollowup) f = NULL;
  g_autofree char *name = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (assignee_id > 0 && !(name = fd_store_dup_staff_name (self, assignee_id)))
    {
      fd_set_invalid (error, "assignee", _("There is no staff member with number %lld."), (long long) assignee_id);
      return NULL;
    }
  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(f = get_pending (self, id, error)) ||
      !(stmt = fd_database_prepare (db, "UPDATE followups SET assignee_id = ?2 WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (assignee_id > 0)
    sqlite3_bind_int64 (stmt, 2, assignee_id);
  if (!fd_database_step_done (db, stmt, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_followups_changed (self);
  return fd_store_get_followup (self, id, error);
}

/* The end of the local day that contains @now. */
static gint64
end_of_today (gint64 now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, _fd_local_time_zone ());
  g_autoptr(GDateTime) midnight = g_date_time_new (_fd_local_time_zone (), g_date_time_get_year (local),
                                                   g_date_time_get_month (local),
                                                   g_date_time_get_day_of_month (local), 0, 0, 0);
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (midnight, 1);

  return g_date_time_to_unix (tomorrow);
}

/* The notify_at range of a section: [*lo, *hi). */
static void
section_range (FdFollowupSection  section,
               gint64             now,
               gint64            *lo,
               gint64            *hi)
{
  *lo = G_MININT64;
  *hi = G_MAXINT64;
  switch (section)
    {
    case FD_FOLLOWUPS_OVERDUE:  *hi = now; break;
    case FD_FOLLOWUPS_TODAY:    *lo = now; *hi = end_of_today (now); break;
    case FD_FOLLOWUPS_UPCOMING: *lo = end_of_today (now); break;
    default: break;
    }
}

/* Pending lists: ?1/?2 the notify_at range, ?3 customer (0: any), ?4 due before (0: no
 * limit), ?5/?6 the cursor (notify_at, id), ?7 limit, ?8 assignee (NULL: nobody). */
#define PENDING_FILTERS \
  " AND notify_at >= ?1 AND notify_at < ?2 AND (?3 = 0 OR customer_id = ?3)" \
  " AND (?4 = 0 OR due_at < ?4) AND (?5 IS NULL OR (notify_at, id) > (?5, ?6))" \
  " ORDER BY notify_at, id LIMIT ?7"
/* All states, newest due first: ?9 state (NULL: any), ?10 assignee filter (0 any). */
#define ALL_FILTERS \
  " (?3 = 0 OR customer_id = ?3) AND (?4 = 0 OR due_at < ?4) AND (?9 IS NULL OR state = ?9)" \
  " AND (?10 = 0 OR assignee_id IS ?8) AND (?5 IS NULL OR (due_at, id) < (?5, ?6))" \
  " ORDER BY due_at DESC, id DESC LIMIT ?7"

static const char *
list_statement (const FdFollowupFilter *filter)
{
  if (filter->section == FD_FOLLOWUPS_ALL)
    return filter->customer_id
      ? "SELECT " FOLLOWUP_COLUMNS " INDEXED BY followups_by_customer WHERE customer_id = ?3 AND" ALL_FILTERS
      : "SELECT " FOLLOWUP_COLUMNS " INDEXED BY followups_by_due WHERE" ALL_FILTERS;
  if (filter->assignee_id > 0 && filter->with_unassigned)
    return "SELECT " FOLLOWUP_COLUMNS " INDEXED BY followups_pending_by_assignee"
           " WHERE " PENDING " AND (assignee_id = ?8 OR assignee_id IS NULL)" PENDING_FILTERS;
  if (filter->assignee_id != 0)
    return "SELECT " FOLLOWUP_COLUMNS " INDEXED BY followups_pending_by_assignee"
           " WHERE " PENDING " AND assignee_id IS ?8" PENDING_FILTERS;
  if (filter->customer_id)
    return "SELECT " FOLLOWUP_COLUMNS " INDEXED BY followups_by_customer"
           " WHERE customer_id = ?3 AND " PENDING PENDING_FILTERS;
  return "SELECT " FOLLOWUP_COLUMNS " INDEXED BY followups_pending WHERE " PENDING PENDING_FILTERS;
}

/**
 * fd_store_list_followups:
 * @after: (nullable): the last follow-up of the previous page
 *
 * Returns: (transfer full) (element-type FdFollowup): a page
 */
GPtrArray *
fd_store_list_followups (FdStore                *self,
                         const FdFollowupFilter *filter,
                         FdFollowup             *after,
                         guint                   limit,
                         GError                **error)
{
  static const FdFollowupFilter pending = FD_FOLLOWUP_FILTER_INIT;
  FdDatabase *db;
  sqlite3_stmt *stmt;
  gint64 lo, hi;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (filter == NULL)
    filter = &pending;
  if (filter->section > FD_FOLLOWUPS_ALL || filter->state > FD_FOLLOWUP_CANCELLED)
    {
      fd_set_invalid (error, "state", _("That is not a follow-up state."));
      return NULL;
    }
  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, list_statement (filter), error)))
    return NULL;

  section_range (filter->section, now_seconds (), &lo, &hi);
  sqlite3_bind_int64 (stmt, 1, lo);
  sqlite3_bind_int64 (stmt, 2, hi);
  sqlite3_bind_int64 (stmt, 3, filter->customer_id);
  sqlite3_bind_int64 (stmt, 4, filter->due_before);
  if (after)
    {
      sqlite3_bind_int64 (stmt, 5, filter->section == FD_FOLLOWUPS_ALL ? after->due_at : after->notify_at);
      sqlite3_bind_int64 (stmt, 6, after->id);
    }
  sqlite3_bind_int (stmt, 7, MIN (limit, G_MAXINT));
  if (filter->assignee_id > 0)
    sqlite3_bind_int64 (stmt, 8, filter->assignee_id);
  fd_bind_text (stmt, 9, filter->state >= 0 ? fd_followup_state_to_code (filter->state) : NULL);
  sqlite3_bind_int64 (stmt, 10, filter->assignee_id);
  return collect (db, stmt, error);
}

guint
fd_store_count_followups (FdStore           *self,
                          FdFollowupSection  section,
                          gint64             assignee_id,
                          guint              cap,
                          GError           **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;
  gint64 lo, hi;
  guint n = 0;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), 0);

  db = _fd_store_get_database (self);
  stmt = assignee_id != 0
    ? fd_database_prepare (db,
        "SELECT count(*) FROM (SELECT 1 FROM followups INDEXED BY followups_pending_by_assignee"
        " WHERE " PENDING " AND assignee_id IS ?4 AND notify_at >= ?1 AND notify_at < ?2 LIMIT ?3)", error)
    : fd_database_prepare (db,
        "SELECT count(*) FROM (SELECT 1 FROM followups INDEXED BY followups_pending"
        " WHERE " PENDING " AND notify_at >= ?1 AND notify_at < ?2 AND ?4 IS ?4 LIMIT ?3)", error);
  if (stmt == NULL)
    return 0;
  section_range (section, now_seconds (), &lo, &hi);
  sqlite3_bind_int64 (stmt, 1, lo);
  sqlite3_bind_int64 (stmt, 2, hi);
  sqlite3_bind_int (stmt, 3, MIN (cap, G_MAXINT));
  if (assignee_id > 0)
    sqlite3_bind_int64 (stmt, 4, assignee_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    n = sqlite3_column_int (stmt, 0);
  else
    fd_database_set_error (db, rc, error);
  sqlite3_reset (stmt);
  return n;
}

guint
fd_store_count_my_followups (FdStore           *self,
                             FdFollowupSection  section,
                             gint64             staff_id,
                             guint              cap,
                             GError           **error)
{
  guint mine, anyones;

  g_return_val_if_fail (FD_IS_STORE (self), 0);

  if (staff_id <= 0)
    return fd_store_count_followups (self, section, -1, cap, error);
  mine = fd_store_count_followups (self, section, staff_id, cap, error);
  anyones = fd_store_count_followups (self, section, -1, cap, error);
  return MIN ((guint64) mine + anyones, cap);
}

gint64
fd_store_next_followup_time (FdStore  *self,
                             gint64    now,
                             GError  **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;
  gint64 next = 0;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), 0);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT min (notify_at) FROM followups INDEXED BY followups_pending"
          " WHERE " PENDING " AND notify_at > ?1", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, now);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    next = sqlite3_column_int64 (stmt, 0);
  else
    fd_database_set_error (db, rc, error);
  sqlite3_reset (stmt);
  return next;
}

/**
 * fd_store_take_due_followups:
 *
 * Returns: (transfer full) (element-type FdFollowup): what to announce now to @recipient
 */
GPtrArray *
fd_store_take_due_followups (FdStore     *self,
                             const char  *recipient,
                             gint64       staff_id,
                             gint64       now,
                             GError     **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(GPtrArray) due = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (recipient != NULL, NULL);

  /* A staff member is told once, wherever they work; "anyone's" once per recipient. */
  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(stmt = fd_database_prepare (db,
          "SELECT " FOLLOWUP_COLUMNS " AS f INDEXED BY followups_pending"
          " WHERE " PENDING " AND notify_at <= ?1 AND (assignee_id IS NULL OR assignee_id = ?3)"
          " AND NOT EXISTS (SELECT 1 FROM followup_notices n WHERE n.followup_id = f.id"
          "   AND n.notify_at = f.notify_at"
          "   AND n.recipient = CASE WHEN f.assignee_id IS NULL THEN ?2 ELSE 'staff:' || f.assignee_id END)"
          " ORDER BY notify_at, id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, now);
  fd_bind_text (stmt, 2, recipient);
  sqlite3_bind_int64 (stmt, 3, staff_id > 0 ? staff_id : -1);
  if (!(due = collect (db, stmt, error)))
    return NULL;

  for (guint i = 0; i < due->len; i++)
    {
      FdFollowup *f = g_ptr_array_index (due, i);
      g_autofree char *who = f->assignee_id ? g_strdup_printf ("staff:%" G_GINT64_FORMAT, f->assignee_id)
                                            : g_strdup (recipient);

      if (!(stmt = fd_database_prepare (db,
              "INSERT OR IGNORE INTO followup_notices (followup_id, recipient, notify_at, at)"
              " VALUES (?1, ?2, ?3, ?4)", error)))
        return NULL;
      sqlite3_bind_int64 (stmt, 1, f->id);
      fd_bind_text (stmt, 2, who);
      sqlite3_bind_int64 (stmt, 3, f->notify_at);
      sqlite3_bind_int64 (stmt, 4, now);
      if (!fd_database_step_done (db, stmt, error))
        return NULL;
    }
  if (!fd_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&due);
}

/* The pending follow-up a claim or service made with @source, if there is one. */
static gint64
find_pending_source (FdDatabase   *db,
                     const char   *column,
                     gint64        owner,
                     const char   *source,
                     GError      **error)
{
  sqlite3_stmt *stmt = g_str_equal (column, "claim_id")
    ? fd_database_prepare (db, "SELECT id FROM followups WHERE claim_id = ?1 AND source = ?2 AND " PENDING, error)
    : fd_database_prepare (db, "SELECT id FROM followups WHERE service_id = ?1 AND source = ?2 AND " PENDING, error);
  gint64 id = 0;

  if (stmt == NULL)
    return -1;
  sqlite3_bind_int64 (stmt, 1, owner);
  fd_bind_text (stmt, 2, source);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

/* Keeps one claim deadline's follow-up in step: pending with the deadline and handler while
 * @wanted, done once it is not. */
static gboolean
sync_deadline (FdStore     *self,
               FdClaim     *claim,
               const char  *source,
               gint64       due,
               gboolean     wanted,
               GError     **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  gint64 id = find_pending_source (db, "claim_id", claim->id, source, error);
  sqlite3_stmt *stmt;

  if (id < 0)
    return FALSE;
  if (!wanted)
    return id == 0 || set_state (self, id, FD_FOLLOWUP_DONE, 0, error);
  if (id == 0)
    {
      Row row = { FD_FOLLOWUP_CLAIM_DUE, claim->customer_id, claim->id, claim->visit_id, 0, source, due,
                  NULL, claim->assignee_id, claim->reference };

      return insert_followup (self, &row, error) != 0;
    }
  /* A moved deadline is announced at its new time, even if it had been snoozed. */
  if (!(stmt = fd_database_prepare (db,
          "UPDATE followups SET assignee_id = ?2,"
          " notify_at = CASE WHEN due_at = ?3 THEN notify_at ELSE ?3 END,"
          " state = CASE WHEN due_at = ?3 THEN state ELSE 'open' END, due_at = ?3 WHERE id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if (claim->assignee_id > 0)
    sqlite3_bind_int64 (stmt, 2, claim->assignee_id);
  sqlite3_bind_int64 (stmt, 3, due);
  return fd_database_step_done (db, stmt, error);
}

/* Called inside every transaction that changes a claim, after the change: the
 * acknowledgement's follow-up lives while the claim is new, the resolution's until it is
 * resolved; a claim just resolved gets its satisfaction survey. */
gboolean
_fd_store_sync_claim_followups (FdStore   *self,
                                gint64     claim_id,
                                gboolean   just_resolved,
                                GError   **error)
{
  g_autoptr(FdClaim) claim = fd_store_get_claim (self, claim_id, error);
  gboolean open;
  int days;

  if (claim == NULL)
    return FALSE;
  open = claim->status != FD_CLAIM_STATUS_RESOLVED && claim->status != FD_CLAIM_STATUS_CLOSED;
  if (!sync_deadline (self, claim, "claim_ack", claim->ack_due_at, claim->status == FD_CLAIM_STATUS_NEW, error) ||
      !sync_deadline (self, claim, "claim_resolve", claim->due_at, open, error))
    return FALSE;

  if (just_resolved && (days = fd_store_get_satisfaction_days (self)) > 0)
    {
      Row row = { FD_FOLLOWUP_SATISFACTION_SURVEY, claim->customer_id, claim->id, claim->visit_id, 0,
                  "claim_satisfaction", now_seconds () + (gint64) days * 86400, NULL, claim->assignee_id,
                  claim->reference };

      if (!insert_followup (self, &row, error))
        return FALSE;
    }
  return TRUE;
}

int
fd_store_get_satisfaction_days (FdStore *self)
{
  sqlite3_stmt *stmt;
  int days = 7;

  g_return_val_if_fail (FD_IS_STORE (self), 0);

  stmt = fd_database_prepare (_fd_store_get_database (self),
                              "SELECT value FROM app_state WHERE key = 'claim_satisfaction_days'", NULL);
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    days = sqlite3_column_int (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return days;
}

gboolean
fd_store_set_satisfaction_days (FdStore  *self,
                                int       days,
                                GError  **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (days < 0 || days > 365)
    {
      fd_set_invalid (error, "days", _("The survey is due 0 to 365 days after the resolution."));
      return FALSE;
    }
  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "INSERT INTO app_state (key, value) VALUES ('claim_satisfaction_days', ?1)"
          " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, days);
  return fd_database_step_done (db, stmt, error);
}

/* The renewal's follow-up: @lead_days before the renewal, at the same time of day. */
static gint64
renewal_followup (FdStore     *self,
                  gint64       service_id,
                  gint64       customer_id,
                  const char  *name,
                  gint64       renewal,
                  int          lead_days,
                  GError     **error)
{
  Row row = { FD_FOLLOWUP_RENEWAL_DUE, customer_id, 0, 0, service_id, "renewal",
              renewal - (gint64) lead_days * 86400, NULL, 0, name };

  return insert_followup (self, &row, error);
}

gint64
fd_store_add_service (FdStore     *self,
                      gint64       customer_id,
                      const char  *name,
                      const char  *rrule,
                      gint64       next_renewal,
                      int          lead_days,
                      GError     **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdCustomer) customer = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (FD_IS_STORE (self), 0);

  if (name == NULL || !g_utf8_validate (name, -1, NULL) || name[strspn (name, " ")] == '\0' ||
      g_utf8_strlen (name, -1) > 200)
    {
      fd_set_invalid (error, "name", _("Name the service (at most 200 characters)."));
      return 0;
    }
  if (lead_days < 0 || lead_days > 365)
    {
      fd_set_invalid (error, "lead_days", _("Remind 0 to 365 days before the renewal."));
      return 0;
    }
  if (next_renewal < now_seconds () - 60)
    {
      fd_set_invalid (error, "next_renewal", _("The next renewal must be in the future."));
      return 0;
    }
  if (!fd_recurrence_validate (rrule, next_renewal, error))
    return 0;

  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(customer = fd_store_get_customer (self, customer_id, error)) ||
      !(stmt = fd_database_prepare (db,
          "INSERT INTO services (customer_id, name, rrule, next_renewal, lead_days, created_at)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  fd_bind_text (stmt, 2, name);
  fd_bind_text (stmt, 3, rrule);
  sqlite3_bind_int64 (stmt, 4, next_renewal);
  sqlite3_bind_int (stmt, 5, lead_days);
  sqlite3_bind_int64 (stmt, 6, now_seconds ());
  if (!fd_database_step_done (db, stmt, error))
    return 0;
  id = sqlite3_last_insert_rowid (fd_database_get_handle (db));
  if (!renewal_followup (self, id, customer_id, name, next_renewal, lead_days, error) ||
      !fd_transaction_commit (tx, error))
    return 0;

  _fd_store_emit_followups_changed (self);
  return id;
}

gint64
fd_store_record_renewal (FdStore  *self,
                         gint64    service_id,
                         GError  **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autofree char *name = NULL, *rrule = NULL;
  sqlite3_stmt *stmt;
  gint64 customer_id = 0, renewal = 0, next, pending;
  int lead_days = 0, rc;

  g_return_val_if_fail (FD_IS_STORE (self), 0);

  db = _fd_store_get_database (self);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(stmt = fd_database_prepare (db,
          "SELECT customer_id, name, rrule, next_renewal, lead_days FROM services WHERE id = ?1", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, service_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      customer_id = sqlite3_column_int64 (stmt, 0);
      name = g_strdup (fd_column_text (stmt, 1));
      rrule = g_strdup (fd_column_text (stmt, 2));
      renewal = sqlite3_column_int64 (stmt, 3);
      lead_days = sqlite3_column_int (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                   /* Translators: %lld is a service's number */
                   _("There is no service with number %lld."), (long long) service_id);
      return 0;
    }

  next = fd_recurrence_next (rrule, renewal, renewal, _fd_local_time_zone ());
  if (next == 0)
    {
      fd_set_invalid (error, "rrule", _("This service does not renew again."));
      return 0;
    }
  if ((pending = find_pending_source (db, "service_id", service_id, "renewal", error)) < 0 ||
      (pending > 0 && !set_state (self, pending, FD_FOLLOWUP_DONE, 0, error)) ||
      !(stmt = fd_database_prepare (db, "UPDATE services SET next_renewal = ?2 WHERE id = ?1", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, service_id);
  sqlite3_bind_int64 (stmt, 2, next);
  if (!fd_database_step_done (db, stmt, error) ||
      !renewal_followup (self, service_id, customer_id, name, next, lead_days, error) ||
      !fd_transaction_commit (tx, error))
    return 0;

  _fd_store_emit_followups_changed (self);
  return next;
}

gboolean
fd_store_list_services (FdStore   *self,
                        gint64     customer_id,
                        GArray   **ids,
                        GStrv     *names,
                        GStrv     *rrules,
                        GArray   **next_renewals,
                        GError   **error)
{
  FdDatabase *db;
  g_autoptr(GArray) id_array = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) renewal_array = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GStrvBuilder) name_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) rule_builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT id, name, rrule, next_renewal FROM services WHERE customer_id = ?1 ORDER BY id", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 renewal = sqlite3_column_int64 (stmt, 3);

      g_array_append_val (id_array, id);
      g_array_append_val (renewal_array, renewal);
      g_strv_builder_add (name_builder, fd_column_text (stmt, 1));
      g_strv_builder_add (rule_builder, fd_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }
  if (ids)
    *ids = g_steal_pointer (&id_array);
  if (next_renewals)
    *next_renewals = g_steal_pointer (&renewal_array);
  if (names)
    *names = g_strv_builder_end (name_builder);
  if (rrules)
    *rrules = g_strv_builder_end (rule_builder);
  return TRUE;
}

static icalcomponent *
todo_for (FdStore    *self,
          FdFollowup *f)
{
  g_autoptr(FdCustomer) customer = fd_store_get_customer (self, f->customer_id, NULL);
  g_autoptr(FdClaim) claim = f->claim_id ? fd_store_get_claim (self, f->claim_id, NULL) : NULL;
  g_autofree char *name = customer ? fd_customer_dup_display_name (customer) : g_strdup ("");
  g_autofree char *summary = g_strdup_printf ("%s: %s", fd_followup_kind_to_label (f->kind), name);
  g_autofree char *uid = g_strdup_printf ("followup-%" G_GINT64_FORMAT "@frontdesk", f->id);
  g_autofree char *assignee = fd_store_dup_staff_name (self, f->assignee_id);
  g_autoptr(GString) description = g_string_new (f->note);
  icaltimezone *utc = icaltimezone_get_utc_timezone ();
  icalcomponent *todo = icalcomponent_new_vtodo ();

  if (claim && !strstr (description->str, claim->reference))
    g_string_append_printf (description, "%s%s", description->len ? "\n" : "", claim->reference);
  icalcomponent_set_uid (todo, uid);
  icalcomponent_set_summary (todo, summary);
  if (description->len)
    icalcomponent_set_description (todo, description->str);
  icalcomponent_set_dtstamp (todo, icaltime_from_timet_with_zone (now_seconds (), FALSE, utc));
  icalcomponent_add_property (todo, icalproperty_new_created (icaltime_from_timet_with_zone (f->created_at, FALSE, utc)));
  icalcomponent_set_due (todo, icaltime_from_timet_with_zone (f->due_at, FALSE, utc));
  /* A repeating to-do needs a start for its rule to count from. */
  if (f->rrule)
    icalcomponent_set_dtstart (todo, icaltime_from_timet_with_zone (f->due_at, FALSE, utc));
  icalcomponent_set_status (todo, ICAL_STATUS_NEEDSACTION);
  icalcomponent_add_property (todo, icalproperty_new_categories (fd_followup_kind_to_code (f->kind)));
  if (f->rrule)
    icalcomponent_add_property (todo, icalproperty_new_rrule (icalrecurrencetype_from_string (f->rrule)));
  if (assignee)
    {
      icalproperty *property = icalproperty_new_x (assignee);

      icalproperty_set_x_name (property, "X-FRONTDESK-ASSIGNEE");
      icalcomponent_add_property (todo, property);
    }
  return todo;
}

gboolean
fd_store_export_followups_ics (FdStore     *self,
                               const char  *path,
                               GError     **error)
{
  FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;
  g_autoptr(FdFollowup) last = NULL;
  icalcomponent *calendar;
  char *text;
  gboolean ok;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                  icalproperty_new_version ("2.0"),
                                  icalproperty_new_prodid ("-//Frontdesk//Follow-ups//EN"),
                                  (void *) 0);
  for (;;)
    {
      g_autoptr(GPtrArray) page = fd_store_list_followups (self, &filter, last, 1000, error);

      if (page == NULL)
        {
          icalcomponent_free (calendar);
          return FALSE;
        }
      if (page->len == 0)
        break;
      for (guint i = 0; i < page->len; i++)
        icalcomponent_add_component (calendar, todo_for (self, g_ptr_array_index (page, i)));
      g_set_object (&last, g_ptr_array_index (page, page->len - 1));
    }

  text = icalcomponent_as_ical_string (calendar);
  ok = g_file_set_contents (path, text, -1, error);
  icalcomponent_free (calendar);
  return ok;
}
