/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fd-report-private.h"
#include "fd-store-private.h"

/* The reports' day summaries: one row per branch and local day, holding the day's
 * counts and its visits' and claims' facts packed in blobs. A report over a year reads
 * ~1,500 rows instead of ~1.6 million visits, and still computes exact medians.
 *
 * Triggers mark the days a write touches (report_dirty_days, report_dirty_claims); a
 * report first redoes those days from the base tables, with the very code the
 * reference computation uses (fd-store-report-facts.c). */

#define NONE16 0xffff

/* visit_data: 12 bytes a visit; people_data: 6 bytes a visit. Little-endian. */
#define VISIT_BYTES 12
#define PEOPLE_BYTES 6

enum { FLAG_FINISHED = 1, FLAG_FOLLOWED = 2, FLAG_CUSTOMER = 4 };

static void
put16 (guint8  *p,
       guint32  value)
{
  p[0] = value & 0xff;
  p[1] = (value >> 8) & 0xff;
}

static guint32
get16 (const guint8 *p)
{
  return p[0] | (guint32) p[1] << 8;
}

static void
put32 (guint8  *p,
       guint32  value)
{
  put16 (p, value & 0xffff);
  put16 (p + 2, value >> 16);
}

static guint32
get32 (const guint8 *p)
{
  return get16 (p) | get16 (p + 2) << 16;
}

static guint32
clamp16 (int value)
{
  return value < 0 ? NONE16 : (guint32) MIN (value, NONE16 - 1);
}

/* A day before the row's day, as a distance back: 0xffff = none. */
static guint32
day_offset (int row_jd,
            int jd)
{
  return jd == 0 ? NONE16 : clamp16 (row_jd - jd);
}

static int
offset_day (int     row_jd,
            guint32 offset)
{
  return offset == NONE16 ? 0 : row_jd - (int) offset;
}

static void
encode_visit (GByteArray        *visits,
              GByteArray        *people,
              const FdVisitFact *f)
{
  guint8 v[VISIT_BYTES], p[PEOPLE_BYTES];

  put16 (v, clamp16 (f->wait));
  put16 (v + 2, clamp16 (f->service));
  v[4] = f->hour;
  v[5] = (f->finished ? FLAG_FINISHED : 0) | (f->followed ? FLAG_FOLLOWED : 0) |
         (f->has_customer ? FLAG_CUSTOMER : 0);
  v[6] = f->technique;
  v[7] = f->outcome;
  v[8] = f->rating_solved | f->rating_staff << 4;
  v[9] = f->age_group | f->channel << 4;
  put16 (v + 10, f->staff_id > 0 && f->staff_id < NONE16 ? (guint32) f->staff_id : 0);
  g_byte_array_append (visits, v, sizeof v);

  put16 (p, day_offset (f->day, f->first_day));
  put16 (p + 2, day_offset (f->day, f->prev_day));
  put16 (p + 4, day_offset (f->day, f->prev_branch_day));
  g_byte_array_append (people, p, sizeof p);
}

static void
decode_visit (const guint8 *v,
              const guint8 *p,
              gint64        branch_id,
              int           jd,
              int           weekday,
              FdVisitFact  *f)
{
  guint32 wait = get16 (v), service = get16 (v + 2);

  memset (f, 0, sizeof *f);
  f->branch_id = branch_id;
  f->day = jd;
  f->weekday = weekday;
  f->wait = wait == NONE16 ? -1 : (int) wait;
  f->service = service == NONE16 ? -1 : (int) service;
  f->hour = v[4];
  f->finished = (v[5] & FLAG_FINISHED) != 0;
  f->followed = (v[5] & FLAG_FOLLOWED) != 0;
  f->has_customer = (v[5] & FLAG_CUSTOMER) != 0;
  f->technique = v[6];
  f->outcome = v[7];
  f->rating_solved = v[8] & 0x0f;
  f->rating_staff = v[8] >> 4;
  f->age_group = v[9] & 0x0f;
  f->channel = v[9] >> 4;
  f->staff_id = get16 (v + 10);
  if (p != NULL)
    {
      f->first_day = offset_day (jd, get16 (p));
      f->prev_day = offset_day (jd, get16 (p + 2));
      f->prev_branch_day = offset_day (jd, get16 (p + 4));
    }
}

/* claim_data: per claim, kind, channel, age group, satisfaction, flags, ack and
 * resolution seconds (u32, 0xffffffff = none), then the category as a length and bytes. */
static void
encode_claim (GByteArray        *claims,
              const FdClaimFact *f)
{
  guint8 c[15];
  gsize len = strlen (f->category);

  c[0] = f->kind;
  c[1] = f->channel;
  c[2] = f->age_group;
  c[3] = f->satisfaction;
  c[4] = f->late ? 1 : 0;
  put32 (c + 5, f->ack < 0 ? G_MAXUINT32 : (guint32) MIN (f->ack, (gint64) G_MAXUINT32 - 1));
  put32 (c + 9, f->resolution < 0 ? G_MAXUINT32 : (guint32) MIN (f->resolution, (gint64) G_MAXUINT32 - 1));
  c[13] = (guint8) MIN (len, 63);
  g_byte_array_append (claims, c, 14);
  g_byte_array_append (claims, (const guint8 *) f->category, c[13]);
}

static gsize
decode_claim (const guint8 *c,
              gsize         available,
              gint64        branch_id,
              int           jd,
              FdClaimFact  *f)
{
  guint32 ack, resolution;
  gsize len;

  if (available < 14 || available < 14u + c[13])
    return 0;
  memset (f, 0, sizeof *f);
  f->branch_id = branch_id;
  f->day = jd;
  f->kind = c[0];
  f->channel = c[1];
  f->age_group = c[2];
  f->satisfaction = c[3];
  f->late = c[4] != 0;
  ack = get32 (c + 5);
  resolution = get32 (c + 9);
  f->ack = ack == G_MAXUINT32 ? -1 : (gint64) ack;
  f->resolution = resolution == G_MAXUINT32 ? -1 : (gint64) resolution;
  len = c[13];
  memcpy (f->category, c + 14, len);
  f->category[len] = '\0';
  return 14 + len;
}

/* Recomputing one branch day. */

typedef struct
{
  int         jd;
  guint64     visits, finished, first_contact, claims;
  guint32     hours[24];
  GByteArray *visit_data, *people_data, *claim_data;
} Day;

static gboolean
day_add_visit (const FdVisitFact *fact,
               gpointer           user_data,
               GError           **error)
{
  Day *day = user_data;

  (void) error;
  day->visits++;
  day->hours[CLAMP (fact->hour, 0, 23)]++;
  if (fact->finished)
    {
      day->finished++;
      day->first_contact += fact->outcome == 1 /* FD_OUTCOME_RESOLVED */ && !fact->followed;
    }
  encode_visit (day->visit_data, day->people_data, fact);
  return TRUE;
}

static gboolean
day_add_claim (const FdClaimFact *fact,
               gpointer           user_data,
               GError           **error)
{
  Day *day = user_data;

  (void) error;
  day->claims++;
  encode_claim (day->claim_data, fact);
  return TRUE;
}

static int
julian_weekday (int jd)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, jd);
  return g_date_get_weekday (&date);   /* 1 = Monday */
}

static gboolean
recompute_day (FdDatabase  *db,
               gint64       branch_id,
               int          jd,
               GError     **error)
{
  g_autoptr(GByteArray) visit_data = g_byte_array_new ();
  g_autoptr(GByteArray) people_data = g_byte_array_new ();
  g_autoptr(GByteArray) claim_data = g_byte_array_new ();
  Day day = { .jd = jd, .visit_data = visit_data, .people_data = people_data, .claim_data = claim_data };
  guint8 hours[sizeof day.hours];
  sqlite3_stmt *stmt;

  if (!_fd_report_read_visit_facts (db, jd, jd, branch_id, TRUE, day_add_visit, &day, error) ||
      !_fd_report_read_claim_facts (db, jd, jd, branch_id, day_add_claim, &day, error))
    return FALSE;

  if (day.visits == 0 && day.claims == 0)
    {
      if (!(stmt = fd_database_prepare (db, "DELETE FROM report_days WHERE branch_id = ?1 AND day = ?2", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, branch_id);
      sqlite3_bind_int (stmt, 2, _fd_report_julian_to_day (jd));
      return fd_database_step_done (db, stmt, error);
    }

  for (int h = 0; h < 24; h++)
    put32 (hours + 4 * h, day.hours[h]);
  if (!(stmt = fd_database_prepare (db,
          "INSERT OR REPLACE INTO report_days (branch_id, day, weekday, visits, finished,"
          " first_contact, claims, hours, claim_data, visit_data, people_data)"
          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  sqlite3_bind_int (stmt, 2, _fd_report_julian_to_day (jd));
  sqlite3_bind_int (stmt, 3, julian_weekday (jd));
  sqlite3_bind_int64 (stmt, 4, day.visits);
  sqlite3_bind_int64 (stmt, 5, day.finished);
  sqlite3_bind_int64 (stmt, 6, day.first_contact);
  sqlite3_bind_int64 (stmt, 7, day.claims);
  sqlite3_bind_blob (stmt, 8, hours, sizeof hours, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 9, claim_data->data, claim_data->len, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 10, visit_data->data, visit_data->len, SQLITE_STATIC);
  sqlite3_bind_blob (stmt, 11, people_data->data, people_data->len, SQLITE_STATIC);
  return fd_database_step_done (db, stmt, error);
}

/* Dirty days: (branch, day) pairs packed in one integer. */
#define DAY_KEY(branch, jd) ((branch) * 10000000 + (jd))

static gboolean
collect_dirty (FdDatabase  *db,
               GHashTable  *keys,
               GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = fd_database_prepare (db, "SELECT branch_id, day FROM report_dirty_days", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = DAY_KEY (sqlite3_column_int64 (stmt, 0),
                            _fd_report_day_to_julian (sqlite3_column_int (stmt, 1)));
      g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    goto failed;

  if (!(stmt = fd_database_prepare (db, "SELECT branch_id, at FROM report_dirty_claims", error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 key = DAY_KEY (sqlite3_column_int64 (stmt, 0),
                            _fd_report_julian_of_time (sqlite3_column_int64 (stmt, 1)));
      g_hash_table_add (keys, g_memdup2 (&key, sizeof key));
    }
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

failed:
  fd_database_set_error (db, rc, error);
  return FALSE;
}

static gboolean
anything_dirty (FdDatabase *db)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "SELECT EXISTS (SELECT 1 FROM report_dirty_days) OR EXISTS (SELECT 1 FROM report_dirty_claims)", NULL);
  gboolean dirty = TRUE;

  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    dirty = sqlite3_column_int (stmt, 0) != 0;
  if (stmt)
    sqlite3_reset (stmt);
  return dirty;
}

/**
 * _fd_store_flush_report_days:
 *
 * Redoes the summaries of every day marked since the last flush, in one transaction.
 */
gboolean
_fd_store_flush_report_days (FdDatabase  *db,
                             GError     **error)
{
  g_autoptr(GHashTable) keys = NULL;
  g_autoptr(FdTransaction) tx = NULL;
  GHashTableIter iter;
  gpointer key;

  if (!anything_dirty (db))
    return TRUE;

  keys = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  if (!(tx = fd_transaction_begin (db, error)) || !collect_dirty (db, keys, error))
    return FALSE;

  g_hash_table_iter_init (&iter, keys);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      gint64 k = *(gint64 *) key;

      if (!recompute_day (db, k / 10000000, (int) (k % 10000000), error))
        return FALSE;
    }
  return fd_database_exec (db, "DELETE FROM report_dirty_days; DELETE FROM report_dirty_claims", error) &&
         fd_transaction_commit (tx, error);
}

gboolean
_fd_store_mark_report_days_dirty (FdDatabase  *db,
                                  GError     **error)
{
  return fd_database_exec (db,
    "INSERT OR IGNORE INTO report_dirty_days SELECT DISTINCT branch_id, day FROM visits;"
    "INSERT OR IGNORE INTO report_dirty_claims SELECT branch_id, received_at FROM claims;",
    error);
}

/**
 * _fd_store_rebuild_report_days:
 *
 * Throws every summary away and computes them all again from the base tables.
 */
gboolean
_fd_store_rebuild_report_days (FdDatabase  *db,
                               GError     **error)
{
  g_autoptr(FdTransaction) tx = fd_transaction_begin (db, error);

  if (tx == NULL ||
      !fd_database_exec (db, "DELETE FROM report_days", error) ||
      !_fd_store_mark_report_days_dirty (db, error) ||
      !fd_transaction_commit (tx, error))
    return FALSE;
  return _fd_store_flush_report_days (db, error);
}

/* Reading the summaries into a report. */

#define DAYS_WHERE " FROM report_days WHERE day BETWEEN ?1 AND ?2 AND (?3 = 0 OR branch_id = ?3)"

static sqlite3_stmt *
prepare_days (FdDatabase  *db,
              const char  *sql,
              int          from_jd,
              int          to_jd,
              gint64       branch_id,
              GError     **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (db, sql, error);

  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int (stmt, 1, _fd_report_julian_to_day (from_jd));
  sqlite3_bind_int (stmt, 2, _fd_report_julian_to_day (to_jd));
  sqlite3_bind_int64 (stmt, 3, branch_id);
  return stmt;
}

static gboolean
add_day_counts (FdDatabase   *db,
                FdReportAcc  *acc,
                int           from_jd,
                int           to_jd,
                gint64        branch_id,
                gboolean      by_hour,
                GError      **error)
{
  sqlite3_stmt *stmt = prepare_days (db, by_hour
                                       ? "SELECT day, weekday, hours" DAYS_WHERE
                                       : "SELECT day, visits, claims" DAYS_WHERE,
                                     from_jd, to_jd, branch_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int jd = _fd_report_day_to_julian (sqlite3_column_int (stmt, 0));

      if (!by_hour)
        _fd_report_acc_add_counts (acc, jd, 0, -1, sqlite3_column_int64 (stmt, 1),
                                   sqlite3_column_int64 (stmt, 2));
      else if (sqlite3_column_bytes (stmt, 2) == 24 * 4)
        {
          const guint8 *hours = sqlite3_column_blob (stmt, 2);
          int weekday = sqlite3_column_int (stmt, 1);

          for (int h = 0; h < 24; h++)
            if (get32 (hours + 4 * h) > 0)
              _fd_report_acc_add_counts (acc, jd, weekday, h, get32 (hours + 4 * h), 0);
        }
    }
  return fd_database_end_rows (db, stmt, rc, error);
}

static gboolean
add_day_visits (FdDatabase   *db,
                FdReportAcc  *acc,
                int           from_jd,
                int           to_jd,
                gint64        branch_id,
                gboolean      people,
                GError      **error)
{
  sqlite3_stmt *stmt = prepare_days (db, people
                                       ? "SELECT branch_id, day, weekday, visit_data, people_data" DAYS_WHERE
                                       : "SELECT branch_id, day, weekday, visit_data, NULL" DAYS_WHERE,
                                     from_jd, to_jd, branch_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 branch = sqlite3_column_int64 (stmt, 0);
      int jd = _fd_report_day_to_julian (sqlite3_column_int (stmt, 1));
      int weekday = sqlite3_column_int (stmt, 2);
      const guint8 *v = sqlite3_column_blob (stmt, 3);
      gsize n = sqlite3_column_bytes (stmt, 3) / VISIT_BYTES;
      const guint8 *p = people ? sqlite3_column_blob (stmt, 4) : NULL;

      if (p != NULL && (gsize) sqlite3_column_bytes (stmt, 4) != n * PEOPLE_BYTES)
        p = NULL;
      for (gsize i = 0; i < n; i++)
        {
          FdVisitFact fact;

          decode_visit (v + i * VISIT_BYTES, p ? p + i * PEOPLE_BYTES : NULL, branch, jd, weekday, &fact);
          _fd_report_acc_add_visit (acc, &fact);
        }
    }
  return fd_database_end_rows (db, stmt, rc, error);
}

static gboolean
add_day_claims (FdDatabase   *db,
                FdReportAcc  *acc,
                int           from_jd,
                int           to_jd,
                gint64        branch_id,
                GError      **error)
{
  sqlite3_stmt *stmt = prepare_days (db, "SELECT branch_id, day, claim_data, finished, first_contact"
                                     DAYS_WHERE " AND (claims > 0 OR finished > 0)",
                                     from_jd, to_jd, branch_id, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 branch = sqlite3_column_int64 (stmt, 0);
      int jd = _fd_report_day_to_julian (sqlite3_column_int (stmt, 1));
      const guint8 *c = sqlite3_column_blob (stmt, 2);
      gsize left = sqlite3_column_bytes (stmt, 2), used;
      FdClaimFact fact;

      while (left > 0 && (used = decode_claim (c, left, branch, jd, &fact)) > 0)
        {
          _fd_report_acc_add_claim (acc, &fact);
          c += used;
          left -= used;
        }
      _fd_report_acc_add_first_contact (acc, sqlite3_column_int64 (stmt, 3), sqlite3_column_int64 (stmt, 4));
    }
  return fd_database_end_rows (db, stmt, rc, error);
}

/* Adds a range's summaries to @acc: what _fd_report_add_raw() adds from the base tables. */
gboolean
_fd_report_add_summaries (FdDatabase   *db,
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
      return add_day_counts (db, acc, from_jd, to_jd, branch_id, TRUE, error);
    case FD_REPORT_SEASONS:
      return add_day_counts (db, acc, from_jd, to_jd, branch_id, FALSE, error) &&
             add_day_counts (db, acc, before_from_jd, before_to_jd, branch_id, FALSE, error);
    case FD_REPORT_WAITING:
      return add_day_visits (db, acc, from_jd, to_jd, branch_id, FALSE, error);
    case FD_REPORT_CLAIMS:
      return add_day_claims (db, acc, from_jd, to_jd, branch_id, error);
    case FD_REPORT_SATISFACTION:
      return add_day_visits (db, acc, from_jd, to_jd, branch_id, FALSE, error) &&
             add_day_claims (db, acc, from_jd, to_jd, branch_id, error);
    case FD_REPORT_CUSTOMERS:
      return add_day_visits (db, acc, from_jd, to_jd, branch_id, TRUE, error);
    case FD_REPORT_N_KINDS:
    default:
      g_return_val_if_reached (FALSE);
    }
}
