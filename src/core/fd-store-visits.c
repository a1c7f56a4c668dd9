/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "fd-error.h"
#include "fd-store-private.h"
#include "fd-visit-private.h"

/* The queue at the counter and the visit log. Every state change is one durable
 * transaction that checks the visit's state inside it, so two desks calling at once, or a
 * second process, can never call the same ticket twice or finish a visit twice. */

#define VISIT_COLUMNS \
  "v.id, v.branch_id, v.customer_id, v.ticket, v.purpose, v.priority, v.state, v.arrived_at," \
  " v.called_at, v.finished_at, v.desk_id, v.staff_id, v.technique, v.outcome, v.notes," \
  " v.rating_solved, v.rating_staff, d.name, c.given_name, c.family_name" \
  " FROM visits v LEFT JOIN desks d ON d.id = v.desk_id LEFT JOIN customers c ON c.id = v.customer_id"

/* Waiting visits of a branch, in call order, from visits_queue. */
#define QUEUE_ORDER "v.queue_rank, v.arrived_at, v.id"

/* A page of the queue is never longer than this: a branch's hall is not a stadium. */
#define MAX_QUEUE 1000

static FdVisit *
visit_from_row (sqlite3_stmt *stmt)
{
  FdVisit *visit = g_object_new (FD_TYPE_VISIT, NULL);
  const char *given = fd_column_text (stmt, 18);
  const char *family = fd_column_text (stmt, 19);

  visit->id = sqlite3_column_int64 (stmt, 0);
  visit->branch_id = sqlite3_column_int64 (stmt, 1);
  visit->customer_id = sqlite3_column_int64 (stmt, 2);
  visit->ticket = g_strdup (fd_column_text (stmt, 3));
  visit->purpose = g_strdup (fd_column_text (stmt, 4));
  fd_priority_from_code (fd_column_text (stmt, 5), &visit->priority);
  fd_visit_state_from_code (fd_column_text (stmt, 6), &visit->state);
  visit->arrived_at = sqlite3_column_int64 (stmt, 7);
  visit->called_at = sqlite3_column_int64 (stmt, 8);
  visit->finished_at = sqlite3_column_int64 (stmt, 9);
  visit->desk_id = sqlite3_column_int64 (stmt, 10);
  visit->staff_id = sqlite3_column_int64 (stmt, 11);
  fd_technique_from_code (fd_column_text (stmt, 12), &visit->technique);
  fd_outcome_from_code (fd_column_text (stmt, 13), &visit->outcome);
  visit->notes = g_strdup (fd_column_text (stmt, 14));
  visit->rating_solved = sqlite3_column_int (stmt, 15);
  visit->rating_staff = sqlite3_column_int (stmt, 16);
  visit->desk_name = g_strdup (fd_column_text (stmt, 17));

  if (given && family)
    /* Translators: how a person's full name is written: %1$s given name, %2$s family name */
    visit->customer_name = g_strdup_printf (C_("full name", "%1$s %2$s"), given, family);
  else if (given || family)
    visit->customer_name = g_strdup (family ? family : given);
  return visit;
}

static GPtrArray *
collect_visits (FdDatabase    *db,
                sqlite3_stmt  *stmt,
                GError       **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, visit_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

/**
 * fd_store_get_visit:
 *
 * Returns: (transfer full): the visit, or %NULL with %FD_ERROR_NOT_FOUND
 */
FdVisit *
fd_store_get_visit (FdStore  *self,
                    gint64    id,
                    GError  **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;
  FdVisit *visit = NULL;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "SELECT " VISIT_COLUMNS " WHERE v.id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    visit = visit_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                 /* Translators: %lld is a visit number */
                 _("There is no visit with number %lld."), (long long) id);
  else if (rc != SQLITE_ROW)
    fd_database_set_error (db, rc, error);
  return visit;
}

/**
 * _fd_store_resolve_time:
 * @at: Unix seconds, or 0 for now
 *
 * Returns: the time, or -1 with an error when it lies in the future
 */
gint64
_fd_store_resolve_time (gint64   at,
                        GError **error)
{
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  if (at == 0)
    return now;
  /* A minute's grace for clocks of two PCs on one database. */
  if (at > now + 60)
    {
      fd_set_invalid (error, "at", _("That time is in the future: record what has happened."));
      return -1;
    }
  if (at < 946684800)   /* 2000-01-01 */
    {
      fd_set_invalid (error, "at", _("That time is too long ago."));
      return -1;
    }
  return at;
}

/**
 * _fd_local_time_zone:
 *
 * The local time zone, read once: GLib 2.74's g_time_zone_new_local() reads
 * /etc/localtime again on every call when $TZ is unset, which cost more than the rest
 * of a check-in's own work.
 *
 * Returns: (transfer none): the local time zone
 */
GTimeZone *
_fd_local_time_zone (void)
{
  static gsize zone = 0;

  if (g_once_init_enter (&zone))
    g_once_init_leave (&zone, (gsize) g_time_zone_new_local ());
  return (GTimeZone *) zone;
}

/* The branch's local calendar: the day a ticket number belongs to, and the weekday and
 * hour service times are kept by. Computed in the local time zone, so DST is handled. */
static void
local_time_parts (gint64  at,
                  int    *day,
                  int    *weekday,
                  int    *hour)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, _fd_local_time_zone ());

  if (day)
    *day = g_date_time_get_year (local) * 10000 + g_date_time_get_month (local) * 100 +
           g_date_time_get_day_of_month (local);
  if (weekday)
    *weekday = g_date_time_get_day_of_week (local);
  if (hour)
    *hour = g_date_time_get_hour (local);
}

static gboolean
check_not_before (gint64       at,
                  gint64       earlier,
                  const char  *message,
                  GError     **error)
{
  if (at < earlier)
    {
      fd_set_invalid (error, "at", "%s", message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
lookup_purpose_letter (FdDatabase  *db,
                       const char  *purpose,
                       char       **letter,
                       GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db, "SELECT letter FROM purposes WHERE code = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  fd_bind_text (stmt, 1, purpose);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *letter = g_strdup (fd_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      /* Translators: %s is what the user gave as the purpose of a visit */
      fd_set_invalid (error, "purpose", _("“%s” is not a visit purpose."), purpose ? purpose : "");
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* One indexed lookup each, no objects: check-in is on the counter's critical path. */
static gboolean
check_exists (FdDatabase  *db,
              const char  *sql,
              gint64       id,
              gint64      *value,
              GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && value)
    *value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }
  return rc == SQLITE_ROW;
}

static gboolean
check_branch (FdDatabase  *db,
              gint64       branch_id,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  if (check_exists (db, "SELECT 1 FROM branches WHERE id = ?1", branch_id, NULL, &local_error))
    return TRUE;
  if (local_error)
    g_propagate_error (error, g_steal_pointer (&local_error));
  else
    g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                 /* Translators: %lld is a branch number */
                 _("There is no branch with number %lld."), (long long) branch_id);
  return FALSE;
}

static gboolean
check_customer (FdDatabase  *db,
                gint64       customer_id,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 archived_at = 0;

  if (customer_id == 0)
    return TRUE;
  if (!check_exists (db, "SELECT coalesce (archived_at, 0) FROM customers WHERE id = ?1",
                     customer_id, &archived_at, &local_error))
    {
      if (local_error)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                     /* Translators: %lld is a customer number */
                     _("There is no customer with number %lld."), (long long) customer_id);
      return FALSE;
    }
  if (archived_at != 0)
    {
      fd_set_invalid (error, "customer", _("This customer is archived: restore the record first."));
      return FALSE;
    }
  return TRUE;
}

/**
 * fd_store_check_in:
 *
 * Puts a walk-in in the queue with a ticket number unique for the branch and the day
 * . The number is taken inside the write transaction, so check-ins from several
 * desks or processes never share one.
 *
 * Returns: (transfer full): the waiting visit, or %NULL with @error set
 */
FdVisit *
fd_store_check_in (FdStore     *self,
                   gint64       branch_id,
                   gint64       customer_id,
                   const char  *purpose,
                   FdPriority   priority,
                   gint64       at,
                   GError     **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autofree char *letter = NULL;
  g_autofree char *ticket = NULL;
  sqlite3_stmt *stmt;
  int day, weekday, hour;
  gint64 number = 0, id;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if ((at = _fd_store_resolve_time (at, error)) < 0 ||
      !check_branch (db, branch_id, error) ||
      !check_customer (db, customer_id, error) ||
      !lookup_purpose_letter (db, purpose, &letter, error))
    return NULL;
  if (priority > FD_PRIORITY_ASSISTANCE)
    {
      fd_set_invalid (error, "priority", _("The priority is appointment or assistance."));
      return NULL;
    }

  local_time_parts (at, &day, &weekday, &hour);
  if (!(tx = fd_transaction_begin (db, error)) ||
      /* The table's UNIQUE (branch_id, day, number) index answers this with one seek. */
      !(stmt = fd_database_prepare (db,
          "SELECT coalesce (max (number), 0) + 1 FROM visits WHERE branch_id = ?1 AND day = ?2", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  sqlite3_bind_int (stmt, 2, day);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    number = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  ticket = g_strdup_printf ("%s-%03" G_GINT64_FORMAT, letter, number);
  if (!(stmt = fd_database_prepare (db,
          "INSERT INTO visits (branch_id, customer_id, day, number, ticket, purpose, priority,"
          " queue_rank, state, arrived_at, weekday, hour)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'waiting', ?9, ?10, ?11)", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  if (customer_id != 0)
    sqlite3_bind_int64 (stmt, 2, customer_id);
  sqlite3_bind_int (stmt, 3, day);
  sqlite3_bind_int64 (stmt, 4, number);
  fd_bind_text (stmt, 5, ticket);
  fd_bind_text (stmt, 6, purpose);
  fd_bind_text (stmt, 7, priority != FD_PRIORITY_NONE ? fd_priority_to_code (priority) : NULL);
  sqlite3_bind_int (stmt, 8, priority != FD_PRIORITY_NONE ? 0 : 1);
  sqlite3_bind_int64 (stmt, 9, at);
  sqlite3_bind_int (stmt, 10, weekday);
  sqlite3_bind_int (stmt, 11, hour);
  if (!fd_database_step_done (db, stmt, error))
    return NULL;

  id = sqlite3_last_insert_rowid (fd_database_get_handle (db));
  if (!fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_visits_changed (self);
  return fd_store_get_visit (self, id, error);
}

/**
 * fd_store_list_queue:
 *
 * Returns: (transfer full) (element-type FdVisit): waiting visits in call order
 */
GPtrArray *
fd_store_list_queue (FdStore  *self,
                     gint64    branch_id,
                     GError  **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT " VISIT_COLUMNS " WHERE v.branch_id = ?1 AND v.state = 'waiting'"
          " ORDER BY " QUEUE_ORDER " LIMIT ?2", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  sqlite3_bind_int (stmt, 2, MAX_QUEUE);
  return collect_visits (db, stmt, error);
}

/**
 * fd_store_list_serving:
 *
 * Returns: (transfer full) (element-type FdVisit): visits at the desks now, the latest
 *   called (or recalled, or transferred) first
 */
GPtrArray *
fd_store_list_serving (FdStore  *self,
                       gint64    branch_id,
                       GError  **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT " VISIT_COLUMNS " WHERE v.branch_id = ?1 AND v.state = 'called'"
          " ORDER BY v.announced_at DESC, v.id DESC LIMIT ?2", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  sqlite3_bind_int (stmt, 2, MAX_QUEUE);
  return collect_visits (db, stmt, error);
}

static gboolean
check_desk (FdDatabase  *db,
            gint64       branch_id,
            gint64       desk_id,
            GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db, "SELECT branch_id FROM desks WHERE id = ?1", error);
  gint64 owner = 0;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, desk_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    owner = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }
  if (owner == 0 || owner != branch_id)
    {
      fd_set_invalid (error, "desk",
                      /* Translators: %lld is a desk number */
                      _("There is no desk with number %lld at this branch."), (long long) desk_id);
      return FALSE;
    }
  return TRUE;
}

/* "a17", "A-017", " a 17 " → letter 'A' and number 17. */
static gboolean
parse_ticket (const char *text,
              char       *letter,
              gint64     *number)
{
  const char *p = text;
  char *end = NULL;

  while (p && g_ascii_isspace (*p))
    p++;
  if (p == NULL || !g_ascii_isalpha (*p))
    return FALSE;
  *letter = g_ascii_toupper (*p++);
  while (*p == '-' || *p == ' ')
    p++;
  if (!g_ascii_isdigit (*p))
    return FALSE;
  *number = g_ascii_strtoll (p, &end, 10);
  while (end && g_ascii_isspace (*end))
    end++;
  return end && *end == '\0' && *number > 0;
}

/* The visit to call, checked inside the transaction: the next waiting one, or today's
 * ticket @ticket if it is waiting. */
static gint64
find_visit_to_call (FdStore     *self,
                    gint64       branch_id,
                    const char  *ticket,
                    gint64       at,
                    GError     **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autofree char *state = NULL;
  sqlite3_stmt *stmt;
  gint64 id = 0;
  char letter = 0;
  gint64 number = 0;
  int day, rc;

  if (ticket == NULL)
    {
      if (!(stmt = fd_database_prepare (db,
              "SELECT v.id FROM visits v WHERE v.branch_id = ?1 AND v.state = 'waiting'"
              " ORDER BY " QUEUE_ORDER " LIMIT 1", error)))
        return 0;
      sqlite3_bind_int64 (stmt, 1, branch_id);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        id = sqlite3_column_int64 (stmt, 0);
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND, _("Nobody is waiting."));
      else if (rc != SQLITE_ROW)
        fd_database_set_error (db, rc, error);
      return id;
    }

  if (!parse_ticket (ticket, &letter, &number))
    {
      /* Translators: %s is what the user typed as a ticket, e.g. “A-017” */
      fd_set_invalid (error, "ticket", _("“%s” is not a ticket number like A-017."), ticket);
      return 0;
    }

  local_time_parts (at, &day, NULL, NULL);
  if (!(stmt = fd_database_prepare (db,
          "SELECT id, state, ticket FROM visits WHERE branch_id = ?1 AND day = ?2 AND number = ?3", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  sqlite3_bind_int (stmt, 2, day);
  sqlite3_bind_int64 (stmt, 3, number);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW && fd_column_text (stmt, 2)[0] == letter)
    {
      id = sqlite3_column_int64 (stmt, 0);
      state = g_strdup (fd_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return 0;
    }
  if (id == 0)
    {
      /* Translators: %s is a ticket number */
      fd_set_invalid (error, "ticket", _("There is no ticket %s today."), ticket);
      return 0;
    }
  if (g_strcmp0 (state, "waiting") != 0)
    {
      /* Translators: %s is a ticket number */
      fd_set_invalid (error, "ticket", _("Ticket %s is not waiting any more."), ticket);
      return 0;
    }
  return id;
}

/* Reads the state and times of a visit inside a transaction. */
static gboolean
read_visit_state (FdStore       *self,
                  gint64         visit_id,
                  FdVisitState  *state,
                  gint64        *branch_id,
                  gint64        *arrived_at,
                  gint64        *called_at,
                  GError       **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "SELECT state, branch_id, arrived_at, called_at FROM visits WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      fd_visit_state_from_code (fd_column_text (stmt, 0), state);
      *branch_id = sqlite3_column_int64 (stmt, 1);
      *arrived_at = sqlite3_column_int64 (stmt, 2);
      *called_at = sqlite3_column_int64 (stmt, 3);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                   _("There is no visit with number %lld."), (long long) visit_id);
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }
  return TRUE;
}

static gboolean
refuse_state (FdVisitState   state,
              GError       **error)
{
  switch (state)
    {
    case FD_VISIT_STATE_WAITING:
      fd_set_invalid (error, "state", _("This visit has not been called to a desk yet."));
      break;
    case FD_VISIT_STATE_CALLED:
      fd_set_invalid (error, "state", _("This visit is being served at a desk."));
      break;
    case FD_VISIT_STATE_FINISHED:
      fd_set_invalid (error, "state", _("This visit is already finished."));
      break;
    case FD_VISIT_STATE_NO_SHOW:
      fd_set_invalid (error, "state", _("This visit was marked as a no-show."));
      break;
    case FD_VISIT_STATE_CANCELLED:
    default:
      fd_set_invalid (error, "state", _("This visit was cancelled."));
      break;
    }
  return FALSE;
}

/**
 * fd_store_call:
 * @ticket: (nullable): today's ticket to call, or %NULL for the next in line
 *
 * Starts a visit at @desk_id.
 *
 * Returns: (transfer full): the called visit, or %NULL with @error set
 */
FdVisit *
fd_store_call (FdStore     *self,
               gint64       branch_id,
               gint64       desk_id,
               const char  *ticket,
               gint64       at,
               GError     **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  FdVisitState state;
  gint64 id, owner, arrived_at, called_at;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if ((at = _fd_store_resolve_time (at, error)) < 0 ||
      !(tx = fd_transaction_begin (db, error)) ||
      !check_desk (db, branch_id, desk_id, error) ||
      !(id = find_visit_to_call (self, branch_id, ticket, at, error)) ||
      !read_visit_state (self, id, &state, &owner, &arrived_at, &called_at, error) ||
      !check_not_before (at, arrived_at, _("A visit cannot be called before the customer arrived."), error) ||
      !(stmt = fd_database_prepare (db,
          "UPDATE visits SET state = 'called', called_at = ?2, announced_at = ?2, desk_id = ?3"
          " WHERE id = ?1 AND state = 'waiting'", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, at);
  sqlite3_bind_int64 (stmt, 3, desk_id);
  if (!fd_database_step_done (db, stmt, error) || !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_visits_changed (self);
  return fd_store_get_visit (self, id, error);
}

/* One state change of a visit already in the queue or at a desk: @sql updates it with
 * ?1 the id, ?2 the time and ?3 @value, only if it is in one of @allowed. */
static FdVisit *
change_visit (FdStore             *self,
              gint64               visit_id,
              gint64               at,
              const FdVisitState  *allowed,
              guint                n_allowed,
              const char          *sql,
              gint64               value,
              GError             **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(FdTransaction) tx = NULL;
  FdVisitState state;
  gint64 branch_id, arrived_at, called_at;
  gboolean ok = FALSE;
  sqlite3_stmt *stmt;

  if ((at = _fd_store_resolve_time (at, error)) < 0 ||
      !(tx = fd_transaction_begin (db, error)) ||
      !read_visit_state (self, visit_id, &state, &branch_id, &arrived_at, &called_at, error))
    return NULL;

  for (guint i = 0; i < n_allowed; i++)
    ok |= state == allowed[i];
  if (!ok)
    {
      refuse_state (state, error);
      return NULL;
    }
  if (!check_not_before (at, MAX (arrived_at, called_at),
                         _("That time is before the visit began."), error) ||
      !(stmt = fd_database_prepare (db, sql, error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, at);
  sqlite3_bind_int64 (stmt, 3, value);
  if (!fd_database_step_done (db, stmt, error) || !fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_visits_changed (self);
  return fd_store_get_visit (self, visit_id, error);
}

/**
 * fd_store_recall:
 *
 * Calls a visit already at a desk again (the customer did not come): the board shows it
 * on top once more.
 */
FdVisit *
fd_store_recall (FdStore  *self,
                 gint64    visit_id,
                 gint64    at,
                 GError  **error)
{
  static const FdVisitState allowed[] = { FD_VISIT_STATE_CALLED };

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  return change_visit (self, visit_id, at, allowed, G_N_ELEMENTS (allowed),
                       "UPDATE visits SET announced_at = ?2 WHERE id = ?1 AND ?3 = 0", 0, error);
}

/**
 * fd_store_transfer:
 *
 * Sends a visit being served to another desk of the same branch.
 */
FdVisit *
fd_store_transfer (FdStore  *self,
                   gint64    visit_id,
                   gint64    desk_id,
                   GError  **error)
{
  static const FdVisitState allowed[] = { FD_VISIT_STATE_CALLED };
  g_autoptr(FdVisit) visit = NULL;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (!(visit = fd_store_get_visit (self, visit_id, error)) ||
      !check_desk (_fd_store_get_database (self), fd_visit_get_branch_id (visit), desk_id, error))
    return NULL;
  return change_visit (self, visit_id, 0, allowed, G_N_ELEMENTS (allowed),
                       "UPDATE visits SET announced_at = ?2, desk_id = ?3 WHERE id = ?1", desk_id, error);
}

FdVisit *
fd_store_mark_no_show (FdStore  *self,
                       gint64    visit_id,
                       gint64    at,
                       GError  **error)
{
  static const FdVisitState allowed[] = { FD_VISIT_STATE_WAITING, FD_VISIT_STATE_CALLED };

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  return change_visit (self, visit_id, at, allowed, G_N_ELEMENTS (allowed),
                       "UPDATE visits SET state = 'no_show', finished_at = ?2 WHERE id = ?1 AND ?3 = 0",
                       0, error);
}

FdVisit *
fd_store_cancel_visit (FdStore  *self,
                       gint64    visit_id,
                       gint64    at,
                       GError  **error)
{
  static const FdVisitState allowed[] = { FD_VISIT_STATE_WAITING };

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  return change_visit (self, visit_id, at, allowed, G_N_ELEMENTS (allowed),
                       "UPDATE visits SET state = 'cancelled', finished_at = ?2 WHERE id = ?1 AND ?3 = 0",
                       0, error);
}

static gboolean
validate_report (const FdVisitReport  *report,
                 guint                 n_questions,
                 GError              **error)
{
  if (report->technique == FD_TECHNIQUE_NONE || report->technique > FD_TECHNIQUE_QUESTIONING)
    {
      fd_set_invalid (error, "technique", _("Choose the technique used: explanation, empathy or questioning."));
      return FALSE;
    }
  if (report->outcome == FD_OUTCOME_NONE || report->outcome > FD_OUTCOME_CLAIM_OPENED)
    {
      fd_set_invalid (error, "outcome",
                      _("Choose the outcome: resolved, follow-up needed, referred or claim opened."));
      return FALSE;
    }
  if (report->rating_solved < 0 || report->rating_solved > 5)
    {
      fd_set_invalid (error, "rating_solved", _("A rating is from 1 to 5, or skipped."));
      return FALSE;
    }
  if (report->rating_staff < 0 || report->rating_staff > 5)
    {
      fd_set_invalid (error, "rating_staff", _("A rating is from 1 to 5, or skipped."));
      return FALSE;
    }
  if (report->notes && (!g_utf8_validate (report->notes, -1, NULL) || g_utf8_strlen (report->notes, -1) > 20000))
    {
      fd_set_invalid (error, "notes", _("The notes must be text of at most 20,000 characters."));
      return FALSE;
    }
  if (report->answers && g_strv_length ((GStrv) report->answers) > n_questions)
    {
      fd_set_invalid (error, "answers", _("There are more answers than questions in the questionnaire."));
      return FALSE;
    }
  for (guint i = 0; report->answers && report->answers[i]; i++)
    if (!g_utf8_validate (report->answers[i], -1, NULL))
      {
        fd_set_invalid (error, "answers", _("An answer contains characters that are not valid text."));
        return FALSE;
      }
  return TRUE;
}

static gboolean
save_answers (FdDatabase           *db,
              gint64                visit_id,
              const char * const   *questions,
              const char * const   *answers,
              GError              **error)
{
  for (guint i = 0; answers && answers[i]; i++)
    {
      sqlite3_stmt *stmt = fd_database_prepare (db,
        "INSERT INTO visit_answers (visit_id, position, question, answer) VALUES (?1, ?2, ?3, ?4)", error);

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, visit_id);
      sqlite3_bind_int (stmt, 2, i + 1);
      fd_bind_text (stmt, 3, questions[i]);
      fd_bind_text (stmt, 4, *answers[i] ? answers[i] : NULL);
      if (!fd_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * fd_store_finish_visit:
 *
 * Ends a visit being served: technique, outcome, notes, the customer's ratings and the
 * questionnaire's answers, all or nothing.
 *
 * Returns: (transfer full): the finished visit, or %NULL with @error set
 */
FdVisit *
fd_store_finish_visit (FdStore              *self,
                       gint64                visit_id,
                       const FdVisitReport  *report,
                       gint64                at,
                       GError              **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_auto(GStrv) questions = NULL;
  FdVisitState state;
  gint64 branch_id, arrived_at, called_at;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (report != NULL, NULL);

  db = _fd_store_get_database (self);
  if ((at = _fd_store_resolve_time (at, error)) < 0 ||
      !(tx = fd_transaction_begin (db, error)) ||
      !read_visit_state (self, visit_id, &state, &branch_id, &arrived_at, &called_at, error))
    return NULL;
  if (state != FD_VISIT_STATE_CALLED)
    {
      refuse_state (state, error);
      return NULL;
    }
  if (!check_not_before (at, called_at, _("A visit cannot finish before it was called."), error) ||
      !(questions = fd_store_get_questions (self, branch_id, error)) ||
      !validate_report (report, g_strv_length (questions), error) ||
      !(stmt = fd_database_prepare (db,
          "UPDATE visits SET state = 'finished', finished_at = ?2, technique = ?3, outcome = ?4,"
          " notes = ?5, rating_solved = ?6, rating_staff = ?7, staff_id = ?8"
          " WHERE id = ?1 AND state = 'called'", error)))
    return NULL;

  sqlite3_bind_int64 (stmt, 1, visit_id);
  sqlite3_bind_int64 (stmt, 2, at);
  fd_bind_text (stmt, 3, fd_technique_to_code (report->technique));
  fd_bind_text (stmt, 4, fd_outcome_to_code (report->outcome));
  fd_bind_text (stmt, 5, report->notes && *report->notes ? report->notes : NULL);
  if (report->rating_solved > 0)
    sqlite3_bind_int (stmt, 6, report->rating_solved);
  if (report->rating_staff > 0)
    sqlite3_bind_int (stmt, 7, report->rating_staff);
  if (report->staff_id > 0)
    sqlite3_bind_int64 (stmt, 8, report->staff_id);
  if (!fd_database_step_done (db, stmt, error) ||
      !save_answers (db, visit_id, (const char * const *) questions, report->answers, error) ||
      !fd_transaction_commit (tx, error))
    return NULL;

  g_hash_table_remove_all (_fd_store_get_service_times (self));
  _fd_store_emit_visits_changed (self);
  return fd_store_get_visit (self, visit_id, error);
}

/**
 * fd_store_get_visit_answers:
 *
 * Returns: (transfer full): the answers given, in question order ("" when skipped)
 */
GStrv
fd_store_get_visit_answers (FdStore  *self,
                            gint64    visit_id,
                            GError  **error)
{
  FdDatabase *db;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT answer FROM visit_answers WHERE visit_id = ?1 ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, visit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, fd_column_text (stmt, 0) ? fd_column_text (stmt, 0) : "");
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/**
 * fd_store_list_customer_visits:
 * @before: list visits that arrived before this time; 0 for the newest
 *
 * Returns: (transfer full) (element-type FdVisit): newest first, from visits_by_customer
 */
GPtrArray *
fd_store_list_customer_visits (FdStore  *self,
                               gint64    customer_id,
                               gint64    before,
                               guint     limit,
                               GError  **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT " VISIT_COLUMNS " WHERE v.customer_id = ?1 AND v.arrived_at < ?2"
          " ORDER BY v.arrived_at DESC, v.id DESC LIMIT ?3", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, before > 0 ? before : G_MAXINT64);
  sqlite3_bind_int (stmt, 3, limit);
  return collect_visits (db, stmt, error);
}

typedef struct
{
  gint64 computed_at;
  double low_s;    /* 25th percentile of service time */
  double high_s;   /* 75th */
} ServiceTimes;

static int
compare_gint64 (gconstpointer a,
                gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;
  return (x > y) - (x < y);
}

/* Service-time quartiles of the branch at a weekday and hour, from its last 200 visits
 * then (visits_service_times, covering), cached for ten minutes. */
static ServiceTimes *
service_times (FdStore  *self,
               gint64    branch_id,
               int       weekday,
               int       hour,
               gint64    now)
{
  GHashTable *cache = _fd_store_get_service_times (self);
  gint64 key = branch_id * 1000 + weekday * 100 + hour;
  ServiceTimes *times = g_hash_table_lookup (cache, &key);
  g_autoptr(GArray) samples = NULL;
  sqlite3_stmt *stmt;

  if (times && now - times->computed_at < 600)
    return times;

  samples = g_array_new (FALSE, FALSE, sizeof (gint64));
  stmt = fd_database_prepare (_fd_store_get_database (self),
    "SELECT finished_at - called_at FROM visits WHERE branch_id = ?1 AND weekday = ?2"
    " AND hour = ?3 AND state = 'finished' ORDER BY finished_at DESC LIMIT 200", NULL);
  if (stmt != NULL)
    {
      sqlite3_bind_int64 (stmt, 1, branch_id);
      sqlite3_bind_int (stmt, 2, weekday);
      sqlite3_bind_int (stmt, 3, hour);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          gint64 s = sqlite3_column_int64 (stmt, 0);
          if (s > 0)
            g_array_append_val (samples, s);
        }
      sqlite3_reset (stmt);
    }

  times = g_new0 (ServiceTimes, 1);
  times->computed_at = now;
  if (samples->len >= 10)
    {
      g_array_sort (samples, compare_gint64);
      times->low_s = g_array_index (samples, gint64, samples->len / 4);
      times->high_s = g_array_index (samples, gint64, samples->len * 3 / 4);
    }
  else
    {
      /* No history at this hour yet: a front desk's usual 5 to 12 minutes. */
      times->low_s = 5 * 60;
      times->high_s = 12 * 60;
    }
  g_hash_table_insert (cache, g_memdup2 (&key, sizeof key), times);
  return times;
}

static gint64
query_count (FdDatabase *db,
             const char *sql,
             gint64      a,
             gint64      b,
             gint64      c,
             gint64      d)
{
  sqlite3_stmt *stmt = fd_database_prepare (db, sql, NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, a);
  sqlite3_bind_int64 (stmt, 2, b);
  sqlite3_bind_int64 (stmt, 3, c);
  sqlite3_bind_int64 (stmt, 4, d);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/**
 * fd_store_estimate_wait:
 *
 * The range is honest: from a quarter of the visits ahead going fast (25th percentile of
 * service times) to all of them and this one going slowly (75th), shared by the desks at
 * work, rounded out to 5 minutes. Never a single optimistic number.
 */
gboolean
fd_store_estimate_wait (FdStore  *self,
                        FdVisit  *visit,
                        int      *low_minutes,
                        int      *high_minutes,
                        GError  **error)
{
  FdDatabase *db;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 ahead, desks, total_desks;
  ServiceTimes *times;
  int weekday, hour, low, high;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);
  g_return_val_if_fail (FD_IS_VISIT (visit), FALSE);

  *low_minutes = *high_minutes = 0;
  if (fd_visit_get_state (visit) != FD_VISIT_STATE_WAITING)
    return TRUE;

  db = _fd_store_get_database (self);
  local_time_parts (now, NULL, &weekday, &hour);
  times = service_times (self, visit->branch_id, weekday, hour, now);

  /* Visits ahead in call order: a short range of visits_queue. */
  ahead = query_count (db,
    "SELECT count(*) FROM visits WHERE branch_id = ?1 AND state = 'waiting'"
    " AND (queue_rank, arrived_at, id) < (?2, ?3, ?4)",
    visit->branch_id, visit->priority != FD_PRIORITY_NONE ? 0 : 1, visit->arrived_at, visit->id);
  /* Desks at work: serving now, or finished someone in the last hour. */
  desks = query_count (db,
    "SELECT count(DISTINCT desk_id) FROM visits WHERE branch_id = ?1 AND desk_id IS NOT NULL"
    " AND (state = 'called' OR (state = 'finished' AND weekday = ?2 AND hour IN (?3, ?3 - 1)"
    " AND finished_at >= ?4))",
    visit->branch_id, weekday, hour, now - 3600);
  total_desks = query_count (db, "SELECT count(*) FROM desks WHERE branch_id = ?1 AND ?2 = ?3 AND ?4 = ?4",
                             visit->branch_id, 0, 0, 0);
  desks = CLAMP (desks, 1, MAX (total_desks, 1));

  low = (int) (ahead * times->low_s / desks / 60);
  high = (int) ((ahead + 1) * times->high_s / desks / 60 + 0.999);
  low = low / 5 * 5;
  high = MAX ((high + 4) / 5 * 5, low + 5);

  *low_minutes = low;
  *high_minutes = high;
  return TRUE;
}

struct _FdBulkVisits
{
  FdStore       *store;
  FdTransaction *tx;
  GPtrArray     *indexes;
  gboolean       wal_off;
};

/**
 * _fd_store_bulk_visits_begin:
 *
 * One transaction for a load of visits (demo data, imports): all rows or none; a big
 * load drops the visits' indexes and builds them again at the end.
 */
FdBulkVisits *
_fd_store_bulk_visits_begin (FdStore  *self,
                             guint     expected,
                             GError  **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(FdBulkVisits) bulk = g_new0 (FdBulkVisits, 1);

  bulk->store = g_object_ref (self);
  if (!fd_database_begin_bulk (db, expected >= 20000, &bulk->wal_off, error) ||
      !(bulk->tx = fd_transaction_begin (db, error)))
    return NULL;
  if (expected >= 20000 && !(bulk->indexes = fd_database_drop_indexes (db, "visits", error)))
    return NULL;
  return g_steal_pointer (&bulk);
}

gboolean
_fd_store_bulk_visits_add (FdBulkVisits       *bulk,
                           const FdVisitRow   *row,
                           GError            **error)
{
  FdDatabase *db = _fd_store_get_database (bulk->store);
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "INSERT INTO visits (branch_id, customer_id, day, number, ticket, purpose, priority, queue_rank,"
    " state, arrived_at, called_at, announced_at, finished_at, desk_id, staff_id, weekday, hour,"
    " technique, outcome, rating_solved, rating_staff)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20)",
    error);

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, row->branch_id);
  if (row->customer_id)
    sqlite3_bind_int64 (stmt, 2, row->customer_id);
  sqlite3_bind_int (stmt, 3, row->day);
  sqlite3_bind_int (stmt, 4, row->number);
  fd_bind_text (stmt, 5, row->ticket);
  fd_bind_text (stmt, 6, row->purpose);
  fd_bind_text (stmt, 7, row->priority);
  sqlite3_bind_int (stmt, 8, row->priority ? 0 : 1);
  fd_bind_text (stmt, 9, row->state);
  sqlite3_bind_int64 (stmt, 10, row->arrived_at);
  if (row->called_at)
    sqlite3_bind_int64 (stmt, 11, row->called_at);
  if (row->finished_at)
    sqlite3_bind_int64 (stmt, 12, row->finished_at);
  if (row->desk_id)
    sqlite3_bind_int64 (stmt, 13, row->desk_id);
  if (row->staff_id)
    sqlite3_bind_int64 (stmt, 14, row->staff_id);
  sqlite3_bind_int (stmt, 15, row->weekday);
  sqlite3_bind_int (stmt, 16, row->hour);
  fd_bind_text (stmt, 17, row->technique);
  fd_bind_text (stmt, 18, row->outcome);
  if (row->rating_solved)
    sqlite3_bind_int (stmt, 19, row->rating_solved);
  if (row->rating_staff)
    sqlite3_bind_int (stmt, 20, row->rating_staff);
  return fd_database_step_done (db, stmt, error);
}

gboolean
_fd_store_bulk_visits_commit (FdBulkVisits  *bulk,
                              GError       **error)
{
  FdDatabase *db = _fd_store_get_database (bulk->store);

  for (guint i = 0; bulk->indexes && i < bulk->indexes->len; i++)
    if (!fd_database_exec (db, bulk->indexes->pdata[i], error))
      return FALSE;
  if ((bulk->indexes && !_fd_store_mark_report_days_dirty (db, error)) ||
      !fd_transaction_commit (bulk->tx, error))
    return FALSE;

  g_hash_table_remove_all (_fd_store_get_service_times (bulk->store));
  _fd_store_emit_visits_changed (bulk->store);
  return TRUE;
}

void
_fd_store_bulk_visits_free (FdBulkVisits *bulk)
{
  g_clear_pointer (&bulk->tx, fd_transaction_free);
  fd_database_end_bulk (_fd_store_get_database (bulk->store), bulk->wal_off);
  g_clear_pointer (&bulk->indexes, g_ptr_array_unref);
  g_object_unref (bulk->store);
  g_free (bulk);
}

/* The range of customer ids to spread demo visits over (0, 0 when there are none). */
void
_fd_store_customer_id_range (FdStore *self,
                             gint64  *first,
                             gint64  *last)
{
  sqlite3_stmt *stmt = fd_database_prepare (_fd_store_get_database (self),
    "SELECT coalesce (min (id), 0), coalesce (max (id), 0) FROM customers", NULL);

  *first = *last = 0;
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    {
      *first = sqlite3_column_int64 (stmt, 0);
      *last = sqlite3_column_int64 (stmt, 1);
    }
  if (stmt)
    sqlite3_reset (stmt);
}
