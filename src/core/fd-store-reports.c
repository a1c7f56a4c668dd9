/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-claim.h"
#include "fd-error.h"
#include "fd-report-private.h"
#include "fd-store-private.h"

/* Running reports: from the day summaries, or from the base tables (the reference the
 * bench and the tests compare with). Both add the same facts into one FdReportAcc. */

#define DEFAULT_WAIT_TARGET (10 * 60)

static gboolean
visit_fact_cb (const FdVisitFact *fact,
               gpointer           user_data,
               GError           **error)
{
  (void) error;
  _fd_report_acc_add_visit (user_data, fact);
  return TRUE;
}

static gboolean
claim_fact_cb (const FdClaimFact *fact,
               gpointer           user_data,
               GError           **error)
{
  (void) error;
  _fd_report_acc_add_claim (user_data, fact);
  return TRUE;
}

static sqlite3_stmt *
prepare_range (FdDatabase  *db,
               const char  *sql_all,
               const char  *sql_branch,
               gint64       branch_id,
               gint64       from,
               gint64       to,
               GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db, branch_id ? sql_branch : sql_all, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, from);
  sqlite3_bind_int64 (stmt, 2, to);
  if (branch_id)
    sqlite3_bind_int64 (stmt, 3, branch_id);
  return stmt;
}

/* Visits by weekday and hour, straight from the visits. */
static gboolean
raw_peaks (FdDatabase   *db,
           FdReportAcc  *acc,
           int           from_jd,
           int           to_jd,
           gint64        branch_id,
           GError      **error)
{
  sqlite3_stmt *stmt = prepare_range (db,
    "SELECT weekday, hour, count(*) FROM visits"
    " WHERE day BETWEEN ?1 AND ?2 AND state <> 'cancelled' GROUP BY weekday, hour",
    "SELECT weekday, hour, count(*) FROM visits"
    " WHERE branch_id = ?3 AND day BETWEEN ?1 AND ?2 AND state <> 'cancelled' GROUP BY weekday, hour",
    branch_id, _fd_report_julian_to_day (from_jd), _fd_report_julian_to_day (to_jd), error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _fd_report_acc_add_counts (acc, from_jd, sqlite3_column_int (stmt, 0), sqlite3_column_int (stmt, 1),
                               sqlite3_column_int64 (stmt, 2), 0);
  return fd_database_end_rows (db, stmt, rc, error);
}

/* Visits and claims by day, straight from the base tables. */
static gboolean
raw_daily_counts (FdDatabase   *db,
                  FdReportAcc  *acc,
                  int           from_jd,
                  int           to_jd,
                  gint64        branch_id,
                  GError      **error)
{
  sqlite3_stmt *stmt = prepare_range (db,
    "SELECT day, count(*) FROM visits WHERE day BETWEEN ?1 AND ?2 AND state <> 'cancelled' GROUP BY day",
    "SELECT day, count(*) FROM visits"
    " WHERE branch_id = ?3 AND day BETWEEN ?1 AND ?2 AND state <> 'cancelled' GROUP BY day",
    branch_id, _fd_report_julian_to_day (from_jd), _fd_report_julian_to_day (to_jd), error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _fd_report_acc_add_counts (acc, _fd_report_day_to_julian (sqlite3_column_int (stmt, 0)), 0, -1,
                               sqlite3_column_int64 (stmt, 1), 0);
  if (!fd_database_end_rows (db, stmt, rc, error))
    return FALSE;

  stmt = prepare_range (db,
    "SELECT received_at FROM claims WHERE received_at >= ?1 AND received_at < ?2",
    "SELECT received_at FROM claims WHERE branch_id = ?3 AND received_at >= ?1 AND received_at < ?2",
    branch_id, _fd_report_julian_start (from_jd), _fd_report_julian_start (to_jd + 1), error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _fd_report_acc_add_counts (acc, _fd_report_julian_of_time (sqlite3_column_int64 (stmt, 0)), 0, -1, 0, 1);
  return fd_database_end_rows (db, stmt, rc, error);
}

static gboolean
raw_first_contact (FdDatabase   *db,
                   FdReportAcc  *acc,
                   int           from_jd,
                   int           to_jd,
                   gint64        branch_id,
                   GError      **error)
{
#define FIRST_CONTACT \
  "SELECT count(*), coalesce (sum (outcome = 'resolved'" \
  "  AND NOT EXISTS (SELECT 1 FROM claims c WHERE c.visit_id = v.id)" \
  "  AND NOT EXISTS (SELECT 1 FROM followups f WHERE f.visit_id = v.id)), 0) FROM visits v"
  sqlite3_stmt *stmt = prepare_range (db,
    FIRST_CONTACT " WHERE day BETWEEN ?1 AND ?2 AND state = 'finished'",
    FIRST_CONTACT " WHERE branch_id = ?3 AND day BETWEEN ?1 AND ?2 AND state = 'finished'",
    branch_id, _fd_report_julian_to_day (from_jd), _fd_report_julian_to_day (to_jd), error);
#undef FIRST_CONTACT
  int rc;

  if (stmt == NULL)
    return FALSE;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      _fd_report_acc_add_first_contact (acc, sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1));
      rc = sqlite3_step (stmt);
    }
  return fd_database_end_rows (db, stmt, rc, error);
}

static gboolean
add_raw (FdDatabase   *db,
         FdReportAcc  *acc,
         FdReportKind  kind,
         int           from_jd,
         int           to_jd,
         int           before_from_jd,
         int           before_to_jd,
         gint64        branch_id,
         GError      **error)
{
  switch (kind)
    {
    case FD_REPORT_PEAKS:
      return raw_peaks (db, acc, from_jd, to_jd, branch_id, error);
    case FD_REPORT_SEASONS:
      return raw_daily_counts (db, acc, from_jd, to_jd, branch_id, error) &&
             raw_daily_counts (db, acc, before_from_jd, before_to_jd, branch_id, error);
    case FD_REPORT_WAITING:
      return _fd_report_read_visit_facts (db, from_jd, to_jd, branch_id, FALSE, visit_fact_cb, acc, error);
    case FD_REPORT_CUSTOMERS:
      return _fd_report_read_visit_facts (db, from_jd, to_jd, branch_id, TRUE, visit_fact_cb, acc, error);
    case FD_REPORT_CLAIMS:
      return _fd_report_read_claim_facts (db, from_jd, to_jd, branch_id, claim_fact_cb, acc, error) &&
             raw_first_contact (db, acc, from_jd, to_jd, branch_id, error);
    case FD_REPORT_SATISFACTION:
      return _fd_report_read_visit_facts (db, from_jd, to_jd, branch_id, FALSE, visit_fact_cb, acc, error) &&
             _fd_report_read_claim_facts (db, from_jd, to_jd, branch_id, claim_fact_cb, acc, error);
    case FD_REPORT_N_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* Claims open now, by age in calendar days: a snapshot, whatever the range. */
static gboolean
add_open_claims (FdDatabase   *db,
                 FdReportAcc  *acc,
                 gint64        branch_id,
                 GError      **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int today = _fd_report_julian_of_time (g_date_time_to_unix (now));
  sqlite3_stmt *stmt = prepare_range (db,
    "SELECT received_at FROM claims INDEXED BY claims_open_by_branch"
    " WHERE resolved_at IS NULL AND closed_at IS NULL AND ?1 = ?2",
    "SELECT received_at FROM claims INDEXED BY claims_open_by_branch"
    " WHERE branch_id = ?3 AND resolved_at IS NULL AND closed_at IS NULL AND ?1 = ?2",
    branch_id, 0, 0, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    _fd_report_acc_add_open_claim (acc, MAX (today - _fd_report_julian_of_time (sqlite3_column_int64 (stmt, 0)), 0));
  return fd_database_end_rows (db, stmt, rc, error);
}

static GHashTable *
read_names (FdDatabase  *db,
            const char  *sql,
            gboolean     by_code,
            GError     **error)
{
  g_autoptr(GHashTable) names = by_code
    ? g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free)
    : g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt = fd_database_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *name = fd_column_text (stmt, 1);

      if (by_code)
        {
          const char *code = fd_column_text (stmt, 0);
          g_hash_table_insert (names, g_strdup (code),
                               g_strdup (name ? name : fd_claim_category_to_label (code)));
        }
      else
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          g_hash_table_insert (names, g_memdup2 (&id, sizeof id), g_strdup (name));
        }
    }
  if (!fd_database_end_rows (db, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&names);
}

static gboolean
check_day (int          day,
           const char  *field,
           GError     **error)
{
  if (_fd_report_day_to_julian (day) == 0)
    {
      fd_set_invalid (error, field, _("The date is not a valid calendar date."));
      return FALSE;
    }
  return TRUE;
}

GVariant *
_fd_report_run (FdDatabase    *db,
                FdReportKind   kind,
                int            from_day,
                int            to_day,
                gint64         branch_id,
                int            wait_target,
                gboolean       raw,
                GError       **error)
{
  g_autoptr(FdReportAcc) acc = NULL;
  g_autoptr(GHashTable) branches = NULL, staff = NULL, categories = NULL;
  int from_jd, to_jd, before_from_jd, before_to_jd;
  gboolean ok;

  g_return_val_if_fail (kind < FD_REPORT_N_KINDS, NULL);

  if (!check_day (from_day, "from", error) || !check_day (to_day, "to", error))
    return NULL;
  if (from_day > to_day)
    {
      fd_set_invalid (error, "to", _("The end of the range comes before its start."));
      return NULL;
    }
  if (!raw && !_fd_store_flush_report_days (db, error))
    return NULL;

  from_jd = _fd_report_day_to_julian (from_day);
  to_jd = _fd_report_day_to_julian (to_day);
  acc = _fd_report_acc_new (kind, from_jd, to_jd, branch_id, wait_target);
  {
    /* The year before, for seasons: the same calendar days. */
    GDate d;

    g_date_clear (&d, 1);
    g_date_set_julian (&d, from_jd);
    g_date_subtract_years (&d, 1);
    before_from_jd = g_date_get_julian (&d);
    g_date_set_julian (&d, to_jd);
    g_date_subtract_years (&d, 1);
    before_to_jd = g_date_get_julian (&d);
  }

  if (kind == FD_REPORT_SATISFACTION &&
      (!(branches = read_names (db, "SELECT id, name FROM branches", FALSE, error)) ||
       !(staff = read_names (db, "SELECT id, name FROM staff", FALSE, error))))
    return NULL;
  if (kind == FD_REPORT_CLAIMS &&
      (!(categories = read_names (db, "SELECT code, label FROM claim_categories", TRUE, error)) ||
       !add_open_claims (db, acc, branch_id, error)))
    return NULL;
  _fd_report_acc_set_names (acc, branches, staff, categories);

  if (raw)
    ok = add_raw (db, acc, kind, from_jd, to_jd, before_from_jd, before_to_jd, branch_id, error);
  else
    ok = _fd_report_add_summaries (db, acc, kind, from_jd, to_jd, before_from_jd, before_to_jd,
                                   branch_id, error);
  return ok ? _fd_report_acc_end (acc) : NULL;
}

gboolean
fd_store_prepare_reports (FdStore  *self,
                          GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  return _fd_store_flush_report_days (_fd_store_get_database (self), error);
}

int
fd_store_get_wait_target (FdStore *self)
{
  sqlite3_stmt *stmt;
  int seconds = DEFAULT_WAIT_TARGET;

  g_return_val_if_fail (FD_IS_STORE (self), DEFAULT_WAIT_TARGET);

  stmt = fd_database_prepare (_fd_store_get_database (self),
                              "SELECT value FROM app_state WHERE key = 'report_wait_target_s'", NULL);
  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    seconds = sqlite3_column_int (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return seconds;
}

gboolean
fd_store_set_wait_target (FdStore  *self,
                          int       seconds,
                          GError  **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (seconds < 60 || seconds > 4 * 3600)
    {
      fd_set_invalid (error, "target", _("The wait target is 1 minute to 4 hours."));
      return FALSE;
    }
  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "INSERT INTO app_state (key, value) VALUES ('report_wait_target_s', ?1)"
          " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error)))
    return FALSE;
  sqlite3_bind_int (stmt, 1, seconds);
  return fd_database_step_done (db, stmt, error);
}

/**
 * fd_store_run_report:
 *
 * Returns: (transfer full): the report (a{sv}, see fd-report.h), or %NULL with @error set
 */
GVariant *
fd_store_run_report (FdStore       *self,
                     FdReportKind   kind,
                     int            from_day,
                     int            to_day,
                     gint64         branch_id,
                     GError       **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  return _fd_report_run (_fd_store_get_database (self), kind, from_day, to_day, branch_id,
                         fd_store_get_wait_target (self), FALSE, error);
}

/* The worker threads share one connection of their own, one report at a time. */
typedef struct
{
  GMutex      lock;
  FdDatabase *db;
} Worker;

static void
worker_free (gpointer data)
{
  Worker *worker = data;

  g_clear_object (&worker->db);
  g_mutex_clear (&worker->lock);
  g_free (worker);
}

typedef struct
{
  FdReportKind kind;
  int          from_day, to_day;
  gint64       branch_id;
  int          wait_target;
  char        *path;
  Worker      *worker;
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->path);
  g_free (job);
}

static void
run_in_thread (GTask        *task,
               gpointer      source,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GVariant) report = NULL;
  g_autoptr(GMutexLocker) locker = NULL;
  GError *error = NULL;

  (void) source;
  if (g_task_return_error_if_cancelled (task))
    return;
  locker = g_mutex_locker_new (&job->worker->lock);
  if (job->worker->db == NULL && !(job->worker->db = fd_database_open (job->path, &error)))
    {
      g_task_return_error (task, error);
      return;
    }
  if (g_cancellable_is_cancelled (cancellable))
    {
      g_task_return_error_if_cancelled (task);
      return;
    }
  report = _fd_report_run (job->worker->db, job->kind, job->from_day, job->to_day, job->branch_id,
                           job->wait_target, FALSE, &error);
  if (report == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, g_steal_pointer (&report), (GDestroyNotify) g_variant_unref);
}

void
fd_store_run_report_async (FdStore            *self,
                           FdReportKind        kind,
                           int                 from_day,
                           int                 to_day,
                           gint64              branch_id,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  Worker *worker;
  Job *job;

  g_return_if_fail (FD_IS_STORE (self));

  if (!(worker = g_object_get_data (G_OBJECT (self), "fd-report-worker")))
    {
      worker = g_new0 (Worker, 1);
      g_mutex_init (&worker->lock);
      g_object_set_data_full (G_OBJECT (self), "fd-report-worker", worker, worker_free);
    }
  job = g_new0 (Job, 1);
  job->kind = kind;
  job->from_day = from_day;
  job->to_day = to_day;
  job->branch_id = branch_id;
  job->wait_target = fd_store_get_wait_target (self);
  job->path = g_strdup (fd_store_get_path (self));
  job->worker = worker;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_store_run_report_async);
  g_task_set_task_data (task, job, job_free);
  g_task_run_in_thread (task, run_in_thread);
}

GVariant *
fd_store_run_report_finish (FdStore       *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
