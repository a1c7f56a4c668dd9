/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fd-error.h"
#include "fd-fold.h"
#include "fd-store-private.h"
#include "fd-visit-private.h"

/* A customer's timeline and the summary above it.
 *
 * Every kind of entry comes out of one UNION ALL in the timeline's order: time, newest
 * first; on the same second visits, claims, correspondence, follow-ups and renewals, then
 * record changes, the record's creation last; then id, newest first. Its rank is the
 * position of the kind in that order, so (at, rank, id) is a keyset cursor. Each branch
 * seeks its table's per-customer index up to the cursor's time: visits_by_customer,
 * claims_by_customer (and the messages by claim_id), followups_by_customer,
 * customer_events_by_customer. */

#define RANK_VISIT          0
#define RANK_CLAIM          1
#define RANK_CORRESPONDENCE 2
#define RANK_FOLLOW_UP      3   /* follow-ups and renewals: one table, one order */
#define RANK_CHANGE         4
#define RANK_CREATED        5

/* Rows looked at per call when a search filters them in C. */
#define SEARCH_MAX_SCAN 2000
#define SEARCH_BATCH    200

static const char history_sql[] =
  "SELECT rank, id, at, t1, t2, t3, t4, t5, i1, i2 FROM ("
  "  SELECT 0 AS rank, id, arrived_at AS at, purpose AS t1, state AS t2, technique AS t3,"
  "         outcome AS t4, NULL AS t5, rating_solved AS i1, rating_staff AS i2"
  "    FROM visits WHERE customer_id = ?1 AND (?2 & 1) <> 0 AND arrived_at BETWEEN ?3 AND ?4"
  "  UNION ALL"
  "  SELECT 1, id, received_at, kind, reference, status, category, summary, NULL, NULL"
  "    FROM claims WHERE customer_id = ?1 AND (?2 & 2) <> 0 AND received_at BETWEEN ?3 AND ?4"
  "  UNION ALL"
  "  SELECT 2, m.id, m.at, m.direction, m.channel, m.subject, m.body, c.reference, NULL, NULL"
  "    FROM claims c JOIN claim_messages m ON m.claim_id = c.id"
  "    WHERE c.customer_id = ?1 AND (?2 & 4) <> 0 AND m.at BETWEEN ?3 AND ?4"
  "  UNION ALL"
  "  SELECT 3, id, due_at, kind, state, note, NULL, NULL, service_id, NULL"
  "    FROM followups WHERE customer_id = ?1 AND due_at BETWEEN ?3 AND ?4"
  "      AND CASE WHEN service_id IS NULL THEN (?2 & 8) <> 0 ELSE (?2 & 16) <> 0 END"
  "  UNION ALL"
  /* A merge's entries name the other customer: the merge recorded at the same second. */
  "  SELECT 4, e.id, e.at, e.kind, e.fields,"
  "         CASE e.kind"
  "           WHEN 'merged' THEN (SELECT trim (coalesce (o.given_name, '') || ' ' || coalesce (o.family_name, ''))"
  "             FROM customer_merges g JOIN customers o ON o.id = g.duplicate_id"
  "             WHERE g.survivor_id = e.customer_id AND g.at = e.at ORDER BY g.id DESC LIMIT 1)"
  "           WHEN 'merged_into' THEN (SELECT trim (coalesce (o.given_name, '') || ' ' || coalesce (o.family_name, ''))"
  "             FROM customer_merges g JOIN customers o ON o.id = g.survivor_id"
  "             WHERE g.duplicate_id = e.customer_id AND g.at = e.at ORDER BY g.id DESC LIMIT 1)"
  "         END, NULL, NULL, NULL, NULL"
  "    FROM customer_events e WHERE e.customer_id = ?1 AND (?2 & 32) <> 0 AND e.at BETWEEN ?3 AND ?4"
  "  UNION ALL"
  /* Creation comes from the row itself: bulk loads write no event rows. */
  "  SELECT 5, id, created_at, 'created', NULL, NULL, NULL, NULL, NULL, NULL"
  "    FROM customers WHERE id = ?1 AND (?2 & 32) <> 0 AND created_at BETWEEN ?3 AND ?4"
  ") WHERE at < ?5 OR (at = ?5 AND (rank > ?6 OR (rank = ?6 AND id < ?7)))"
  " ORDER BY at DESC, rank, id DESC LIMIT ?8";

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "kind")) return _("Kind");
  if (g_str_equal (field, "given-name")) return _("Given name");
  if (g_str_equal (field, "family-name")) return _("Family name");
  if (g_str_equal (field, "email")) return _("E-mail");
  if (g_str_equal (field, "phone")) return _("Phone");
  if (g_str_equal (field, "address")) return _("Address");
  if (g_str_equal (field, "language")) return _("Preferred language");
  if (g_str_equal (field, "channel")) return _("Preferred channel");
  if (g_str_equal (field, "birth-year")) return _("Birth year");
  if (g_str_equal (field, "notes")) return _("Notes");
  return field;
}

static char *
field_labels (const char *fields)
{
  g_auto(GStrv) names = NULL;
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();
  g_auto(GStrv) joined = NULL;

  if (fields == NULL || *fields == '\0')
    return NULL;

  names = g_strsplit (fields, ",", -1);
  for (guint i = 0; names[i]; i++)
    g_strv_builder_add (labels, field_label (names[i]));
  joined = g_strv_builder_end (labels);
  /* Translators: separator between the names of changed fields */
  return g_strjoinv (C_("list separator", ", "), joined);
}

static FdHistoryEntry *
change_entry (sqlite3_stmt *stmt)
{
  const char *kind = fd_column_text (stmt, 3);
  const char *fields = fd_column_text (stmt, 4);
  const char *other = fd_column_text (stmt, 5);
  g_autofree char *labels = field_labels (fields);
  g_autofree char *detail = NULL;
  const char *title;

  if (other != NULL && *other == '\0')
    other = NULL;

  if (g_strcmp0 (kind, "created") == 0)
    title = _("Record created");
  else if (g_strcmp0 (kind, "archived") == 0)
    title = _("Record archived");
  else if (g_strcmp0 (kind, "restored") == 0)
    title = _("Record restored");
  else if (g_strcmp0 (kind, "merged") == 0)
    {
      title = _("Duplicate record merged in");
      if (other != NULL && labels != NULL)
        /* Translators: a merge in the surviving customer's history: %1$s is the duplicate's
         * name, %2$s the fields whose values were taken from it, e.g. “E-mail, Phone” */
        detail = g_strdup_printf (_("From %1$s; kept from it: %2$s"), other, labels);
      else if (other != NULL)
        /* Translators: a merge in the surviving customer's history: %s is the duplicate's name */
        detail = g_strdup_printf (_("From %s"), other);
      else
        detail = g_steal_pointer (&labels);
    }
  else if (g_strcmp0 (kind, "merged_into") == 0)
    {
      title = _("Merged into another record");
      if (other != NULL)
        /* Translators: in a merged duplicate's history: %s is the surviving customer's name */
        detail = g_strdup_printf (_("Its history is now with %s"), other);
    }
  else
    title = _("Record edited");

  if (detail == NULL && labels != NULL && g_strcmp0 (kind, "merged_into") != 0)
    detail = g_steal_pointer (&labels);

  return fd_history_entry_new ("change", sqlite3_column_int64 (stmt, 1),
                               sqlite3_column_int64 (stmt, 2), title, detail);
}

static FdHistoryEntry *
visit_entry (sqlite3_stmt *stmt)
{
  g_autoptr(GStrvBuilder) parts = g_strv_builder_new ();
  g_auto(GStrv) details = NULL;
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  FdVisitState state = FD_VISIT_STATE_FINISHED;
  FdTechnique technique = FD_TECHNIQUE_NONE;
  FdOutcome outcome = FD_OUTCOME_NONE;
  int rating_solved = sqlite3_column_int (stmt, 8);
  int rating_staff = sqlite3_column_int (stmt, 9);

  fd_visit_state_from_code (fd_column_text (stmt, 4), &state);
  if (fd_column_text (stmt, 5))
    fd_technique_from_code (fd_column_text (stmt, 5), &technique);
  if (fd_column_text (stmt, 6))
    fd_outcome_from_code (fd_column_text (stmt, 6), &outcome);

  /* Translators: a visit in a customer's history; %s is its purpose, e.g. “Purchase” */
  title = g_strdup_printf (_("Visit: %s"), _fd_purpose_default_label (fd_column_text (stmt, 3)));

  if (state != FD_VISIT_STATE_FINISHED)
    g_strv_builder_add (parts, fd_visit_state_to_label (state));
  if (technique != FD_TECHNIQUE_NONE)
    g_strv_builder_add (parts, fd_technique_to_label (technique));
  if (outcome != FD_OUTCOME_NONE)
    g_strv_builder_add (parts, fd_outcome_to_label (outcome));
  if (rating_solved > 0 || rating_staff > 0)
    {
      /* Translators: the customer's two ratings of a visit, out of 5: problem solved, staff */
      g_autofree char *ratings = g_strdup_printf (_("rated %d/5 solved, %d/5 staff"),
                                                  rating_solved, rating_staff);
      g_strv_builder_add (parts, ratings);
    }
  details = g_strv_builder_end (parts);
  detail = g_strjoinv (C_("list separator", ", "), details);

  return fd_history_entry_new ("visit", sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                               title, *detail ? detail : NULL);
}

static FdHistoryEntry *
claim_entry (sqlite3_stmt *stmt)
{
  FdClaimKind kind = FD_CLAIM_KIND_COMPLAINT;
  FdClaimStatus status = FD_CLAIM_STATUS_NEW;
  const char *summary = fd_column_text (stmt, 7);
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  fd_claim_kind_from_code (fd_column_text (stmt, 3), &kind);
  fd_claim_status_from_code (fd_column_text (stmt, 5), &status);
  /* Translators: a claim in a customer's history: %1$s its kind (“Complaint”), %2$s its reference */
  title = g_strdup_printf (_("%1$s %2$s"), fd_claim_kind_to_label (kind), fd_column_text (stmt, 4));
  /* Translators: a claim's status and category, e.g. “In progress, Slow response” */
  detail = g_strdup_printf (_("%1$s, %2$s"), fd_claim_status_to_label (status),
                            fd_claim_category_to_label (fd_column_text (stmt, 6)));
  /* Its summary too, as a message's subject follows its claim's reference. */
  if (summary != NULL && *summary != '\0')
    {
      char *with_summary = g_strdup_printf ("%s · %s", detail, summary);

      g_free (detail);
      detail = with_summary;
    }

  return fd_history_entry_new ("claim", sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                               title, detail);
}

static FdHistoryEntry *
message_entry (sqlite3_stmt *stmt)
{
  FdMessageDirection direction = FD_MESSAGE_IN;
  const char *subject = fd_column_text (stmt, 5);
  const char *body = fd_column_text (stmt, 6);
  g_autofree char *first_line = g_strndup (body ? body : "", body ? strcspn (body, "\n") : 0);
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;

  fd_message_direction_from_code (fd_column_text (stmt, 3), &direction);
  /* Translators: a letter, e-mail or call note in a customer's history: its direction and
   * channel, e.g. “Incoming, Letter” */
  title = g_strdup_printf (_("%1$s, %2$s"), fd_message_direction_to_label (direction),
                           fd_claim_channel_to_label (fd_column_text (stmt, 4)));
  detail = g_strdup_printf ("%s · %s", fd_column_text (stmt, 7), subject && *subject ? subject : first_line);

  return fd_history_entry_new ("correspondence", sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                               title, detail);
}

static FdHistoryEntry *
followup_entry (sqlite3_stmt *stmt)
{
  FdFollowupKind kind = FD_FOLLOWUP_OTHER;
  FdFollowupState state = FD_FOLLOWUP_OPEN;
  const char *note = fd_column_text (stmt, 5);
  g_autofree char *detail = NULL;

  fd_followup_kind_from_code (fd_column_text (stmt, 3), &kind);
  fd_followup_state_from_code (fd_column_text (stmt, 4), &state);
  detail = note
    /* Translators: a follow-up in a customer's history: its state and note, e.g. “Open, Boiler service” */
    ? g_strdup_printf (_("%1$s, %2$s"), fd_followup_state_to_label (state), note)
    : g_strdup (fd_followup_state_to_label (state));

  return fd_history_entry_new (sqlite3_column_type (stmt, 8) != SQLITE_NULL ? "renewal" : "follow_up",
                               sqlite3_column_int64 (stmt, 1), sqlite3_column_int64 (stmt, 2),
                               fd_followup_kind_to_label (kind), detail);
}

static FdHistoryEntry *
entry_from_row (sqlite3_stmt *stmt)
{
  switch (sqlite3_column_int (stmt, 0))
    {
    case RANK_VISIT:          return visit_entry (stmt);
    case RANK_CLAIM:          return claim_entry (stmt);
    case RANK_CORRESPONDENCE: return message_entry (stmt);
    case RANK_FOLLOW_UP:      return followup_entry (stmt);
    default:                  return change_entry (stmt);
    }
}

/* Every folded word of the search is in the entry's folded title or detail. */
static gboolean
entry_matches (FdHistoryEntry     *entry,
               const char * const *words)
{
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (words == NULL || words[0] == NULL)
    return TRUE;

  text = g_strconcat (fd_history_entry_get_title (entry), " ",
                      fd_history_entry_get_detail (entry) ? fd_history_entry_get_detail (entry) : "", NULL);
  folded = fd_fold (text);
  for (guint i = 0; words[i]; i++)
    if (strstr (folded, words[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* The first second of a local day (yyyymmdd), or -1 when there is no such day. */
static gint64
day_start (int day)
{
  g_autoptr(GDateTime) dt = NULL;
  int y = day / 10000, m = day / 100 % 100, d = day % 100;

  if (y < 1 || y > 9999 || !g_date_valid_dmy (d, m, y))
    return -1;
  dt = g_date_time_new (_fd_local_time_zone (), y, m, d, 0, 0, 0);
  return dt ? g_date_time_to_unix (dt) : -1;
}

static int
next_day (int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day % 100, day / 100 % 100, day / 10000);
  g_date_add_days (&date, 1);
  return g_date_get_year (&date) * 10000 + g_date_get_month (&date) * 100 + g_date_get_day (&date);
}

/* The filter's days as [first, last] seconds. */
static gboolean
filter_bounds (const FdHistoryFilter  *filter,
               gint64                 *first,
               gint64                 *last,
               GError                **error)
{
  *first = G_MININT64;
  *last = G_MAXINT64;

  if (filter->from_day != 0 && (*first = day_start (filter->from_day)) < 0)
    {
      /* Translators: the first day of a history filter is not a date */
      fd_set_invalid (error, "from", _("The first day is not a valid date."));
      return FALSE;
    }
  if (filter->to_day != 0)
    {
      gint64 end;

      if (day_start (filter->to_day) < 0 || (end = day_start (next_day (filter->to_day))) < 0)
        {
          fd_set_invalid (error, "to", _("The last day is not a valid date."));
          return FALSE;
        }
      *last = end - 1;
    }
  if (filter->from_day != 0 && filter->to_day != 0 && filter->from_day > filter->to_day)
    {
      fd_set_invalid (error, "to", _("The last day comes before the first day."));
      return FALSE;
    }
  return TRUE;
}

/* One keyset batch from @cursor; the cursor moves to its last row. */
static gboolean
fetch_batch (FdDatabase       *db,
             gint64            customer_id,
             guint             kinds,
             gint64            first,
             gint64            last,
             FdHistoryCursor  *cursor,
             guint             limit,
             GPtrArray        *rows,
             GError          **error)
{
  sqlite3_stmt *stmt;
  guint n = 0;
  int rc;

  if (!(stmt = fd_database_prepare (db, history_sql, error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int (stmt, 2, (int) kinds);
  sqlite3_bind_int64 (stmt, 3, first);
  sqlite3_bind_int64 (stmt, 4, MIN (last, cursor->at));
  sqlite3_bind_int64 (stmt, 5, cursor->at);
  sqlite3_bind_int (stmt, 6, cursor->rank);
  sqlite3_bind_int64 (stmt, 7, cursor->id);
  sqlite3_bind_int (stmt, 8, (int) MIN (limit, (guint) G_MAXINT));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (rows, entry_from_row (stmt));
      cursor->rank = sqlite3_column_int (stmt, 0);
      cursor->id = sqlite3_column_int64 (stmt, 1);
      cursor->at = sqlite3_column_int64 (stmt, 2);
      n++;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }
  if (n < limit)
    cursor->end = TRUE;
  return TRUE;
}

/**
 * fd_store_list_history_page:
 * @filter: (nullable): what to list; %NULL: everything
 * @cursor: (inout): where the previous page ended; FD_HISTORY_CURSOR_INIT for the first
 *
 * Returns: (transfer full) (element-type FdHistoryEntry): the page, newest first, or
 *   %NULL with @error set
 */
GPtrArray *
fd_store_list_history_page (FdStore                *self,
                            gint64                  customer_id,
                            const FdHistoryFilter  *filter,
                            FdHistoryCursor        *cursor,
                            guint                   limit,
                            GError                **error)
{
  static const FdHistoryFilter everything = FD_HISTORY_FILTER_INIT;
  FdDatabase *db;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_auto(GStrv) words = NULL;
  FdHistoryCursor next;
  gint64 first, last;
  guint kinds, scanned = 0;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (cursor != NULL, NULL);

  if (filter == NULL)
    filter = &everything;
  if (!filter_bounds (filter, &first, &last, error))
    return NULL;
  if (cursor->end || limit == 0)
    return g_steal_pointer (&out);

  db = _fd_store_get_database (self);
  kinds = filter->kinds != 0 ? filter->kinds & FD_HISTORY_ALL_KINDS : FD_HISTORY_ALL_KINDS;
  if (filter->search != NULL)
    words = fd_fold_words (filter->search);

  /* Without a search every row is an entry: one batch of @limit. With one, batches are
   * read until the page is full, the history ends or enough rows were looked at. */
  next = *cursor;
  while (!next.end && out->len < limit && scanned < SEARCH_MAX_SCAN)
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
      FdHistoryCursor before = next;
      guint batch = words && words[0] ? SEARCH_BATCH : limit - out->len;

      if (!fetch_batch (db, customer_id, kinds, first, last, &next, batch, rows, error))
        return NULL;
      scanned += rows->len;
      for (guint i = 0; i < rows->len; i++)
        {
          FdHistoryEntry *entry = g_ptr_array_index (rows, i);

          if (!entry_matches (entry, (const char * const *) words))
            continue;
          g_ptr_array_add (out, g_object_ref (entry));
          if (out->len == limit)
            {
              /* The page is full inside the batch: it ends at this entry. Re-reading the
               * batch's rows up to here gives the exact cursor. */
              if (i + 1 < rows->len)
                {
                  g_autoptr(GPtrArray) again = g_ptr_array_new_with_free_func (g_object_unref);

                  next = before;
                  if (!fetch_batch (db, customer_id, kinds, first, last, &next, i + 1, again, error))
                    return NULL;
                  next.end = FALSE;
                }
              break;
            }
        }
    }

  *cursor = next;
  return g_steal_pointer (&out);
}

/**
 * fd_store_list_history:
 *
 * The customer's timeline: the newest @limit entries of every kind.
 *
 * Returns: (transfer full) (element-type FdHistoryEntry): at most @limit entries
 */
GPtrArray *
fd_store_list_history (FdStore     *self,
                       gint64       customer_id,
                       guint        limit,
                       GError     **error)
{
  FdHistoryCursor cursor = FD_HISTORY_CURSOR_INIT;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  return fd_store_list_history_page (self, customer_id, NULL, &cursor, limit, error);
}

/**
 * fd_store_get_customer_summary:
 * @now: Unix seconds, 0 for now: the last 12 months end there
 *
 * Returns: (transfer full): the figures, or %NULL with @error set (%FD_ERROR_NOT_FOUND
 *   for an unknown customer)
 */
FdCustomerSummary *
fd_store_get_customer_summary (FdStore  *self,
                               gint64    customer_id,
                               gint64    now,
                               GError  **error)
{
  FdDatabase *db;
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdCustomerSummary) summary = NULL;
  g_autoptr(GDateTime) local_now = NULL;
  g_autoptr(GDateTime) year_ago = NULL;
  sqlite3_stmt *stmt;
  gint64 since, visits[4] = { 0 }, claims[3] = { 0 }, followups = 0;
  double ratings[2] = { 0 };
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (!(customer = fd_store_get_customer (self, customer_id, error)))
    return NULL;

  db = _fd_store_get_database (self);
  if (now == 0)
    now = g_get_real_time () / G_USEC_PER_SEC;
  local_now = g_date_time_new_from_unix_local (now);
  year_ago = g_date_time_add_years (local_now, -1);
  since = g_date_time_to_unix (year_ago);

  /* One customer's rows each: visits_by_customer, claims_by_customer, followups_by_customer. */
  if (!(stmt = fd_database_prepare (db,
          "SELECT avg (rating_solved), avg (rating_staff), count (*) FILTER (WHERE arrived_at > ?2 AND arrived_at <= ?3),"
          " min (arrived_at), count (*) FILTER (WHERE rating_solved IS NOT NULL OR rating_staff IS NOT NULL)"
          " FROM visits WHERE customer_id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, since);
  sqlite3_bind_int64 (stmt, 3, now);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ratings[0] = sqlite3_column_double (stmt, 0);
      ratings[1] = sqlite3_column_double (stmt, 1);
      visits[0] = sqlite3_column_int64 (stmt, 2);
      visits[1] = sqlite3_column_type (stmt, 3) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 3) : 0;
      visits[3] = sqlite3_column_int64 (stmt, 4);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }

  if (!(stmt = fd_database_prepare (db,
          "SELECT count (*) FILTER (WHERE received_at > ?2 AND received_at <= ?3), min (received_at),"
          " count (*) FILTER (WHERE resolved_at IS NULL AND closed_at IS NULL)"
          " FROM claims WHERE customer_id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  sqlite3_bind_int64 (stmt, 2, since);
  sqlite3_bind_int64 (stmt, 3, now);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      claims[0] = sqlite3_column_int64 (stmt, 0);
      claims[1] = sqlite3_column_type (stmt, 1) != SQLITE_NULL ? sqlite3_column_int64 (stmt, 1) : 0;
      claims[2] = sqlite3_column_int64 (stmt, 2);
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }

  if (!(stmt = fd_database_prepare (db,
          "SELECT count (*) FROM followups WHERE customer_id = ?1 AND state IN ('open', 'snoozed')", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, customer_id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    followups = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }

  summary = fd_customer_summary_new ();
  summary->customer_since = fd_customer_get_created_at (customer);
  if (visits[1] != 0 && visits[1] < summary->customer_since)
    summary->customer_since = visits[1];
  if (claims[1] != 0 && claims[1] < summary->customer_since)
    summary->customer_since = claims[1];
  summary->visits_last_year = (guint) visits[0];
  summary->claims_last_year = (guint) claims[0];
  summary->open_claims = (guint) claims[2];
  summary->open_followups = (guint) followups;
  summary->rated_visits = (guint) visits[3];
  summary->avg_rating_solved = ratings[0];
  summary->avg_rating_staff = ratings[1];
  summary->channel = fd_customer_get_channel (customer);
  summary->language = g_strdup (fd_customer_get_language (customer));
  summary->age_group = g_strdup (fd_customer_age_group (fd_customer_get_birth_year (customer),
                                                        g_date_time_get_year (local_now)));
  return g_steal_pointer (&summary);
}
