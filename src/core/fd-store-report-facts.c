/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fd-claim.h"
#include "fd-customer.h"
#include "fd-report-private.h"
#include "fd-store-private.h"
#include "fd-visit.h"

/* Reports' facts read from the base tables: what the day summaries store, and what the
 * reference computation (bench, tests) adds up directly. Cancelled visits are not
 * visits; a customer's first and previous visits skip them too. */

/* With @people, each visit's customer's first and previous visits (three index
 * searches a visit) and whether a claim or follow-up came of it; without, NULLs: the
 * waiting and satisfaction reports do not need them. */
#define VISIT_FACTS_COLUMNS \
  "SELECT v.branch_id, v.day, v.weekday, v.hour, v.state, v.arrived_at, v.called_at," \
  "  v.finished_at, v.technique, v.outcome, v.rating_solved, v.rating_staff, v.staff_id," \
  "  v.customer_id, c.birth_year, c.channel,"
#define VISIT_FACTS_PEOPLE \
  "  (SELECT p.day FROM visits p WHERE p.customer_id = v.customer_id AND p.state <> 'cancelled'" \
  "     ORDER BY p.arrived_at, p.id LIMIT 1)," \
  "  (SELECT p.day FROM visits p WHERE p.customer_id = v.customer_id AND p.state <> 'cancelled'" \
  "     AND (p.arrived_at, p.id) < (v.arrived_at, v.id) ORDER BY p.arrived_at DESC, p.id DESC LIMIT 1)," \
  "  (SELECT p.day FROM visits p WHERE p.customer_id = v.customer_id AND p.state <> 'cancelled'" \
  "     AND p.branch_id = v.branch_id AND (p.arrived_at, p.id) < (v.arrived_at, v.id)" \
  "     ORDER BY p.arrived_at DESC, p.id DESC LIMIT 1)," \
  "  EXISTS (SELECT 1 FROM claims WHERE visit_id = v.id)" \
  "    OR EXISTS (SELECT 1 FROM followups WHERE visit_id = v.id)"
#define VISIT_FACTS_NO_PEOPLE "  NULL, NULL, NULL, 0"
#define VISIT_FACTS_FROM " FROM visits v LEFT JOIN customers c ON c.id = v.customer_id"
#define VISIT_FACTS_BRANCH " WHERE v.branch_id = ?3 AND v.day BETWEEN ?1 AND ?2 AND v.state <> 'cancelled'"
#define VISIT_FACTS_ALL " WHERE v.day BETWEEN ?1 AND ?2 AND v.state <> 'cancelled'"

static int
julian_column (sqlite3_stmt *stmt,
               int           column)
{
  return sqlite3_column_type (stmt, column) == SQLITE_NULL
    ? 0 : _fd_report_day_to_julian (sqlite3_column_int (stmt, column));
}

static int
channel_column (sqlite3_stmt *stmt,
                int           column)
{
  FdChannel channel = FD_CHANNEL_NONE;

  if (!fd_channel_from_code (fd_column_text (stmt, column), &channel))
    channel = FD_CHANNEL_NONE;
  return channel;
}

static void
visit_fact_from_row (sqlite3_stmt *stmt,
                     FdVisitFact  *fact)
{
  const char *state = fd_column_text (stmt, 4);
  gint64 arrived = sqlite3_column_int64 (stmt, 5);
  gboolean called = sqlite3_column_type (stmt, 6) != SQLITE_NULL;
  gint64 called_at = sqlite3_column_int64 (stmt, 6);
  FdTechnique technique = FD_TECHNIQUE_NONE;
  FdOutcome outcome = FD_OUTCOME_NONE;

  memset (fact, 0, sizeof *fact);
  fact->branch_id = sqlite3_column_int64 (stmt, 0);
  fact->day = julian_column (stmt, 1);
  fact->weekday = sqlite3_column_int (stmt, 2);
  fact->hour = sqlite3_column_int (stmt, 3);
  fact->finished = g_strcmp0 (state, "finished") == 0;
  fact->wait = called ? (int) MAX (called_at - arrived, 0) : -1;
  fact->service = fact->finished && called && sqlite3_column_type (stmt, 7) != SQLITE_NULL
    ? (int) MAX (sqlite3_column_int64 (stmt, 7) - called_at, 0) : -1;
  if (fd_technique_from_code (fd_column_text (stmt, 8), &technique))
    fact->technique = technique;
  if (fd_outcome_from_code (fd_column_text (stmt, 9), &outcome))
    fact->outcome = outcome;
  fact->rating_solved = sqlite3_column_int (stmt, 10);
  fact->rating_staff = sqlite3_column_int (stmt, 11);
  fact->staff_id = sqlite3_column_int64 (stmt, 12);
  fact->has_customer = sqlite3_column_type (stmt, 13) != SQLITE_NULL;
  if (fact->has_customer)
    {
      fact->age_group = _fd_age_group_for (sqlite3_column_int (stmt, 14),
                                           sqlite3_column_int (stmt, 1) / 10000);
      fact->channel = channel_column (stmt, 15);
      fact->first_day = julian_column (stmt, 16);
      fact->prev_day = julian_column (stmt, 17);
      fact->prev_branch_day = julian_column (stmt, 18);
    }
  fact->followed = sqlite3_column_int (stmt, 19) != 0;
}

gboolean
_fd_report_read_visit_facts (FdDatabase       *db,
                             int               from_jd,
                             int               to_jd,
                             gint64            branch_id,
                             gboolean          people,
                             FdVisitFactFunc   func,
                             gpointer          user_data,
                             GError          **error)
{
  static const char * const sql[2][2] = {
    { VISIT_FACTS_COLUMNS VISIT_FACTS_NO_PEOPLE VISIT_FACTS_FROM VISIT_FACTS_ALL,
      VISIT_FACTS_COLUMNS VISIT_FACTS_NO_PEOPLE VISIT_FACTS_FROM VISIT_FACTS_BRANCH },
    { VISIT_FACTS_COLUMNS VISIT_FACTS_PEOPLE VISIT_FACTS_FROM VISIT_FACTS_ALL,
      VISIT_FACTS_COLUMNS VISIT_FACTS_PEOPLE VISIT_FACTS_FROM VISIT_FACTS_BRANCH },
  };
  sqlite3_stmt *stmt;
  int rc;

  stmt = fd_database_prepare (db, sql[people != 0][branch_id != 0], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, _fd_report_julian_to_day (from_jd));
  sqlite3_bind_int (stmt, 2, _fd_report_julian_to_day (to_jd));
  if (branch_id != 0)
    sqlite3_bind_int64 (stmt, 3, branch_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdVisitFact fact;

      visit_fact_from_row (stmt, &fact);
      if (!func (&fact, user_data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  return fd_database_end_rows (db, stmt, rc, error);
}

static void
claim_fact_from_row (sqlite3_stmt *stmt,
                     FdClaimFact  *fact)
{
  gint64 received = sqlite3_column_int64 (stmt, 1);
  FdClaimKind kind = FD_CLAIM_KIND_COMPLAINT;
  int local_day;

  memset (fact, 0, sizeof *fact);
  fact->branch_id = sqlite3_column_int64 (stmt, 0);
  fact->day = _fd_report_julian_of_time (received);
  if (fd_claim_kind_from_code (fd_column_text (stmt, 2), &kind))
    fact->kind = kind;
  fact->channel = channel_column (stmt, 3);
  g_strlcpy (fact->category, fd_column_text (stmt, 4) ? fd_column_text (stmt, 4) : "",
             sizeof fact->category);
  fact->ack = sqlite3_column_type (stmt, 6) != SQLITE_NULL
    ? MAX (sqlite3_column_int64 (stmt, 6) - received, 0) : -1;
  fact->resolution = sqlite3_column_type (stmt, 7) != SQLITE_NULL
    ? MAX (sqlite3_column_int64 (stmt, 7) - received, 0) : -1;
  fact->late = fact->resolution >= 0 && sqlite3_column_int64 (stmt, 7) > sqlite3_column_int64 (stmt, 5);
  fact->satisfaction = sqlite3_column_int (stmt, 8);
  local_day = _fd_report_julian_to_day (fact->day);
  fact->age_group = sqlite3_column_type (stmt, 9) == SQLITE_NULL
    ? FD_AGE_GROUP_UNKNOWN : _fd_age_group_for (sqlite3_column_int (stmt, 9), local_day / 10000);
}

#define CLAIM_FACTS_SELECT \
  "SELECT cl.branch_id, cl.received_at, cl.kind, cl.channel, cl.category, cl.due_at," \
  "  cl.acknowledged_at, coalesce (cl.resolved_at, cl.closed_at), cl.satisfaction, c.birth_year" \
  " FROM claims cl LEFT JOIN customers c ON c.id = cl.customer_id"

gboolean
_fd_report_read_claim_facts (FdDatabase       *db,
                             int               from_jd,
                             int               to_jd,
                             gint64            branch_id,
                             FdClaimFactFunc   func,
                             gpointer          user_data,
                             GError          **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (branch_id != 0)
    stmt = fd_database_prepare (db, CLAIM_FACTS_SELECT
                                " WHERE cl.branch_id = ?3 AND cl.received_at >= ?1 AND cl.received_at < ?2",
                                error);
  else
    stmt = fd_database_prepare (db, CLAIM_FACTS_SELECT
                                " WHERE cl.received_at >= ?1 AND cl.received_at < ?2", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, _fd_report_julian_start (from_jd));
  sqlite3_bind_int64 (stmt, 2, _fd_report_julian_start (to_jd + 1));
  if (branch_id != 0)
    sqlite3_bind_int64 (stmt, 3, branch_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      FdClaimFact fact;

      claim_fact_from_row (stmt, &fact);
      if (!func (&fact, user_data, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
    }
  return fd_database_end_rows (db, stmt, rc, error);
}
