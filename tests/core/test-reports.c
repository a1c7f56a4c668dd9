/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include "fd-error.h"
#include "fd-report-private.h"
#include "fd-store-private.h"
#include "fd-test-util.h"

/* The reports: every figure of a small fixture computed by hand (Amsterdam time, with a
 * visit and a claim on the day summer time starts), and the day summaries equal to the
 * base tables after random inserts, updates and deletes. */

typedef struct
{
  StoreFixture base;
  gint64 branch_a, branch_b, desk_a, desk_b, staff_1, staff_2;
  gint64 c1, c2;
  gint64 v1, v2, v3, v4, v5;
  gint64 k1, k2;
} ReportFixture;

static gint64
local_time (int year, int month, int day, int hour, int minute, int second)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, second);
  return g_date_time_to_unix (dt);
}

static gint64
add_branch (FdStore    *store,
            const char *name)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(GError) error = NULL;

  fd_branch_set_name (draft, name);
  fd_branch_set_country (draft, "nl");
  branch = fd_store_add_branch (store, draft, &error);
  g_assert_no_error (error);
  return fd_branch_get_id (branch);
}

static gint64
add_desk (FdStore *store,
          gint64   branch_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdDesk) desk = fd_store_add_desk (store, branch_id, "Desk 1", &error);

  g_assert_no_error (error);
  return fd_desk_get_id (desk);
}

static gint64
add_person (FdStore    *store,
            const char *given,
            int         birth_year,
            FdChannel   channel)
{
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(FdCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;

  fd_customer_set_given_name (draft, given);
  fd_customer_set_family_name (draft, "Test");
  fd_customer_set_birth_year (draft, birth_year);
  fd_customer_set_channel (draft, channel);
  saved = fd_store_add_customer (store, draft, &error);
  g_assert_no_error (error);
  return fd_customer_get_id (saved);
}

static gint64
visit (FdStore     *store,
       gint64       branch_id,
       gint64       desk_id,
       gint64       customer_id,
       gint64       arrived,
       gint64       called,     /* 0: stays waiting */
       gint64       finished,   /* 0: no-show when called */
       FdTechnique  technique,
       FdOutcome    outcome,
       int          solved,
       int          staff_rating,
       gint64       staff_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdVisit) checked = fd_store_check_in (store, branch_id, customer_id, "information",
                                                  FD_PRIORITY_NONE, arrived, &error);
  gint64 id;

  g_assert_no_error (error);
  id = fd_visit_get_id (checked);
  if (called != 0)
    {
      g_autoptr(FdVisit) call = fd_store_call (store, branch_id, desk_id, NULL, called, &error);
      g_autoptr(FdVisit) end = NULL;

      g_assert_no_error (error);
      g_assert_cmpint (fd_visit_get_id (call), ==, id);
      if (finished != 0)
        {
          FdVisitReport report = { technique, outcome, NULL, solved, staff_rating, NULL, staff_id };
          end = fd_store_finish_visit (store, id, &report, finished, &error);
        }
      else
        end = fd_store_mark_no_show (store, id, called + 300, &error);
      g_assert_no_error (error);
    }
  return id;
}

static void
exec (StoreFixture *fixture,
      const char   *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_database_exec (_fd_store_get_database (fixture->store), sql, &error));
  g_assert_no_error (error);
}

static gint64
open_claim (FdStore     *store,
            gint64       branch_id,
            gint64       customer_id,
            FdClaimKind  kind,
            const char  *channel,
            const char  *category,
            gint64       received,
            gint64       visit_id)
{
  FdClaimDraft draft = { branch_id, customer_id, kind, channel, category, FD_CLAIM_PRIORITY_NORMAL,
                         "Test", received, visit_id };
  g_autoptr(GError) error = NULL;
  g_autoptr(FdClaim) claim = fd_store_open_claim (store, &draft, &error);

  g_assert_no_error (error);
  return fd_claim_get_id (claim);
}

/* March 2026 at two branches, by hand:
 *   v1  A  Mon 2 March 09:00, called 09:05 (wait 300), done 09:15 (service 600): C1,
 *          empathy, resolved, rated 5/4 by staff 1 — resolved at first contact
 *   v2  A  Mon 2 March 09:10, called 09:30 (1200), done 09:50 (1200): C2, explanation,
 *          follow-up, 3/5, staff 1 — claim K2 came of it
 *   v3  A  Mon 2 March 10:00, never called (still waiting): anonymous
 *   v4  A  Sun 29 March, summer time starts at 02:00: arrived 01:50, called 03:05 (900
 *          real seconds, not 75 minutes), done 03:15 (600): C1, questioning, resolved,
 *          4/4, staff 2 — a follow-up came of it
 *   v5  B  Tue 10 February 11:00, called 11:02 (120), done 11:12: C2's first visit
 *   K1  A  complaint by e-mail, slow_response, C2, received 29 March 23:30 (still the
 *          29th: that day has 23 hours), acknowledged 30 March 10:00 (37,800 s), resolved
 *          31 March 12:00 (131,400 s), due later
 *   K2  A  compliment in person, poor_service, C2, from v2 at 09:45 on 2 March, open */
static void
report_set_up (ReportFixture *fixture,
               gconstpointer  data)
{
  FdStore *store;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  store_fixture_set_up (&fixture->base, data);
  store = fixture->base.store;
  fixture->branch_a = add_branch (store, "Amsterdam");
  fixture->branch_b = add_branch (store, "Utrecht");
  fixture->desk_a = add_desk (store, fixture->branch_a);
  fixture->desk_b = add_desk (store, fixture->branch_b);
  fixture->staff_1 = fd_store_add_staff (store, fixture->branch_a, "Anna", "branch_staff", &error);
  fixture->staff_2 = fd_store_add_staff (store, fixture->branch_a, "Bram", "branch_staff", &error);
  g_assert_no_error (error);
  fixture->c1 = add_person (store, "Eva", 1990, FD_CHANNEL_PHONE);
  fixture->c2 = add_person (store, "Olga", 1950, FD_CHANNEL_EMAIL);

  fixture->v5 = visit (store, fixture->branch_b, fixture->desk_b, fixture->c2,
                       local_time (2026, 2, 10, 11, 0, 0), local_time (2026, 2, 10, 11, 2, 0),
                       local_time (2026, 2, 10, 11, 12, 0), FD_TECHNIQUE_EXPLANATION,
                       FD_OUTCOME_RESOLVED, 0, 0, 0);
  fixture->v1 = visit (store, fixture->branch_a, fixture->desk_a, fixture->c1,
                       local_time (2026, 3, 2, 9, 0, 0), local_time (2026, 3, 2, 9, 5, 0),
                       local_time (2026, 3, 2, 9, 15, 0), FD_TECHNIQUE_EMPATHY,
                       FD_OUTCOME_RESOLVED, 5, 4, fixture->staff_1);
  fixture->v2 = visit (store, fixture->branch_a, fixture->desk_a, fixture->c2,
                       local_time (2026, 3, 2, 9, 10, 0), local_time (2026, 3, 2, 9, 30, 0),
                       local_time (2026, 3, 2, 9, 50, 0), FD_TECHNIQUE_EXPLANATION,
                       FD_OUTCOME_FOLLOW_UP, 3, 5, fixture->staff_1);
  fixture->k2 = open_claim (store, fixture->branch_a, fixture->c2, FD_CLAIM_KIND_COMPLIMENT,
                            "in_person", "poor_service", local_time (2026, 3, 2, 9, 45, 0), fixture->v2);
  fixture->v4 = visit (store, fixture->branch_a, fixture->desk_a, fixture->c1,
                       local_time (2026, 3, 29, 1, 50, 0), local_time (2026, 3, 29, 3, 5, 0),
                       local_time (2026, 3, 29, 3, 15, 0), FD_TECHNIQUE_QUESTIONING,
                       FD_OUTCOME_RESOLVED, 4, 4, fixture->staff_2);
  fixture->k1 = open_claim (store, fixture->branch_a, fixture->c2, FD_CLAIM_KIND_COMPLAINT,
                            "email", "slow_response", local_time (2026, 3, 29, 23, 30, 0), 0);
  sql = g_strdup_printf ("UPDATE claims SET status = 'resolved', acknowledged_at = %lld,"
                         " resolved_at = %lld WHERE id = %lld",
                         (long long) local_time (2026, 3, 30, 10, 0, 0),
                         (long long) local_time (2026, 3, 31, 12, 0, 0), (long long) fixture->k1);
  exec (&fixture->base, sql);
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autoptr(GDateTime) later = g_date_time_add_days (now, 3);
    FdFollowupDraft draft = { FD_FOLLOWUP_CALL_BACK, fixture->c1, 0, fixture->v4,
                              g_date_time_to_unix (later), NULL, 0, "Call back" };
    g_autoptr(FdFollowup) followup = fd_store_add_followup (store, &draft, &error);

    g_assert_no_error (error);
  }
  /* Waits last: a waiting visit would be called before the later ones. */
  fixture->v3 = visit (store, fixture->branch_a, fixture->desk_a, 0,
                       local_time (2026, 3, 2, 10, 0, 0), 0, 0, 0, 0, 0, 0, 0);
}

static void
report_tear_down (ReportFixture *fixture,
                  gconstpointer  data)
{
  store_fixture_tear_down (&fixture->base, data);
}

static GVariant *
run (ReportFixture *fixture,
     FdReportKind   kind,
     int            from,
     int            to,
     gint64         branch_id)
{
  g_autoptr(GError) error = NULL;
  GVariant *report = fd_store_run_report (fixture->base.store, kind, from, to, branch_id, &error);
  g_autoptr(GVariant) raw = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (report);
  /* The summaries and the base tables agree on every report of every test. */
  raw = _fd_report_run (_fd_store_get_database (fixture->base.store), kind, from, to, branch_id,
                        fd_store_get_wait_target (fixture->base.store), TRUE, &error);
  g_assert_no_error (error);
  if (!g_variant_equal (report, raw))
    {
      g_autofree char *a = g_variant_print (report, FALSE);
      g_autofree char *b = g_variant_print (raw, FALSE);
      g_error ("summaries %s\n   differ from the base tables %s", a, b);
    }
  return report;
}

static gint64
get_int (GVariant   *dict,
         const char *key)
{
  gint64 value = -1;

  g_assert_true (g_variant_lookup (dict, key, "x", &value));
  return value;
}

/* A double figure; NAN when the report has none (an empty range has no median). */
static double
get_double (GVariant   *dict,
            const char *key)
{
  g_autoptr(GVariant) maybe = g_variant_lookup_value (dict, key, G_VARIANT_TYPE ("md"));
  g_autoptr(GVariant) value = NULL;

  g_assert_nonnull (maybe);
  value = g_variant_get_maybe (maybe);
  return value ? g_variant_get_double (value) : NAN;
}

static GVariant *
table (GVariant   *dict,
       const char *key)
{
  GVariant *rows = g_variant_lookup_value (dict, key, G_VARIANT_TYPE ("aa{sv}"));

  g_assert_nonnull (rows);
  return rows;
}

/* The row of @rows whose @key is the string @code. */
static GVariant *
row_with (GVariant   *rows,
          const char *key,
          const char *code)
{
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, i);
      const char *value = NULL;

      if (g_variant_lookup (row, key, "&s", &value) && g_strcmp0 (value, code) == 0)
        return g_steal_pointer (&row);
    }
  g_error ("no row with %s = %s", key, code);
}

static gint64
cell (GVariant *peaks,
      int       weekday,
      int       hour)
{
  g_autoptr(GVariant) cells = table (peaks, "cells");

  g_assert_cmpuint (g_variant_n_children (cells), ==, 7 * 24);
  for (gsize i = 0; i < g_variant_n_children (cells); i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (cells, i);

      if (get_int (row, "weekday") == weekday && get_int (row, "hour") == hour)
        return get_int (row, "visits");
    }
  g_assert_not_reached ();
}

static void
test_peaks (ReportFixture *fixture,
            gconstpointer  data)
{
  g_autoptr(GVariant) march = run (fixture, FD_REPORT_PEAKS, 20260301, 20260331, 0);
  g_autoptr(GVariant) branch_b = run (fixture, FD_REPORT_PEAKS, 20260301, 20260331, fixture->branch_b);
  g_autoptr(GVariant) empty = run (fixture, FD_REPORT_PEAKS, 20250101, 20250131, 0);
  g_autoptr(GVariant) busiest = NULL, top = NULL;

  g_assert_cmpint (get_int (march, "visits"), ==, 4);
  g_assert_cmpint (cell (march, 1, 9), ==, 2);
  g_assert_cmpint (cell (march, 1, 10), ==, 1);   /* the visit never called counts */
  g_assert_cmpint (cell (march, 7, 1), ==, 1);    /* summer time: 01:50 on Sunday */
  g_assert_cmpint (cell (march, 2, 11), ==, 0);   /* February's visit is not in March */
  busiest = table (march, "busiest");
  g_assert_cmpuint (g_variant_n_children (busiest), ==, 3);
  top = g_variant_get_child_value (busiest, 0);
  g_assert_cmpint (get_int (top, "weekday"), ==, 1);
  g_assert_cmpint (get_int (top, "hour"), ==, 9);
  g_assert_cmpint (get_int (branch_b, "visits"), ==, 0);
  g_assert_cmpint (get_int (empty, "visits"), ==, 0);
  g_assert_cmpint (cell (empty, 1, 9), ==, 0);
}

static void
test_seasons (ReportFixture *fixture,
              gconstpointer  data)
{
  g_autoptr(GVariant) report = run (fixture, FD_REPORT_SEASONS, 20260201, 20260331, 0);
  g_autoptr(GVariant) months = table (report, "months");
  g_autoptr(GVariant) february = row_with (months, "month", "2026-02");
  g_autoptr(GVariant) march = row_with (months, "month", "2026-03");
  g_autoptr(GVariant) next_year = run (fixture, FD_REPORT_SEASONS, 20270301, 20270331, fixture->branch_a);
  g_autoptr(GVariant) later = table (next_year, "months");
  g_autoptr(GVariant) march_before = row_with (later, "month", "2027-03");

  g_assert_cmpuint (g_variant_n_children (months), ==, 2);
  g_assert_cmpint (get_int (february, "visits"), ==, 1);
  g_assert_cmpint (get_int (march, "visits"), ==, 4);
  g_assert_cmpint (get_int (march, "claims"), ==, 2);
  g_assert_cmpint (get_int (march, "visits_year_before"), ==, 0);
  g_assert_cmpint (get_int (report, "visits"), ==, 5);
  /* A year on, March 2026 is the year before. */
  g_assert_cmpint (get_int (march_before, "visits"), ==, 0);
  g_assert_cmpint (get_int (march_before, "visits_year_before"), ==, 4);
  g_assert_cmpint (get_int (march_before, "claims_year_before"), ==, 2);
}

static void
test_waiting (ReportFixture *fixture,
              gconstpointer  data)
{
  g_autoptr(GVariant) march = run (fixture, FD_REPORT_WAITING, 20260301, 20260331, 0);
  g_autoptr(GVariant) one = run (fixture, FD_REPORT_WAITING, 20260210, 20260210, 0);
  g_autoptr(GVariant) empty = run (fixture, FD_REPORT_WAITING, 20250101, 20251231, 0);
  g_autoptr(GVariant) by_weekday = table (march, "by_weekday");
  g_autoptr(GVariant) monday = g_variant_get_child_value (by_weekday, 0);
  g_autoptr(GVariant) sunday = g_variant_get_child_value (by_weekday, 1);
  g_autoptr(GError) error = NULL;

  /* Waits 300, 900 (not 4,500: the clock jumped), 1,200; services 600, 600, 1,200. */
  g_assert_cmpint (get_int (march, "called"), ==, 3);
  g_assert_cmpint (get_int (march, "served"), ==, 3);
  g_assert_cmpfloat (get_double (march, "median_wait_s"), ==, 900);
  g_assert_cmpfloat_with_epsilon (get_double (march, "p90_wait_s"), 1140, 1e-9);
  g_assert_cmpfloat (get_double (march, "median_service_s"), ==, 600);
  g_assert_cmpfloat_with_epsilon (get_double (march, "p90_service_s"), 1080, 1e-9);
  g_assert_cmpfloat_with_epsilon (get_double (march, "share_called_within_target"), 1.0 / 3, 1e-12);
  g_assert_cmpint (get_int (march, "target_s"), ==, 600);

  g_assert_cmpuint (g_variant_n_children (by_weekday), ==, 2);
  g_assert_cmpint (get_int (monday, "weekday"), ==, 1);
  g_assert_cmpfloat (get_double (monday, "median_wait_s"), ==, 750);   /* 300 and 1,200 */
  g_assert_cmpint (get_int (sunday, "weekday"), ==, 7);
  g_assert_cmpfloat (get_double (sunday, "p90_wait_s"), ==, 900);

  /* One visit is its own median and 90th percentile. */
  g_assert_cmpfloat (get_double (one, "median_wait_s"), ==, 120);
  g_assert_cmpfloat (get_double (one, "p90_service_s"), ==, 600);
  g_assert_cmpfloat (get_double (one, "share_called_within_target"), ==, 1);

  g_assert_cmpint (get_int (empty, "called"), ==, 0);
  g_assert_true (isnan (get_double (empty, "median_wait_s")));
  g_assert_true (isnan (get_double (empty, "share_called_within_target")));

  /* A stricter target: 5 minutes leaves the 300-second wait within it, 4 minutes not. */
  g_assert_true (fd_store_set_wait_target (fixture->base.store, 240, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GVariant) strict = run (fixture, FD_REPORT_WAITING, 20260301, 20260331, 0);
    g_assert_cmpfloat (get_double (strict, "share_called_within_target"), ==, 0);
  }
  g_assert_false (fd_store_set_wait_target (fixture->base.store, 5, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_assert_cmpint (fd_store_get_wait_target (fixture->base.store), ==, 240);
}

static void
test_claims (ReportFixture *fixture,
             gconstpointer  data)
{
  g_autoptr(GVariant) march = run (fixture, FD_REPORT_CLAIMS, 20260301, 20260331, 0);
  g_autoptr(GVariant) kinds = table (march, "by_kind");
  g_autoptr(GVariant) complaints = row_with (kinds, "kind", "complaint");
  g_autoptr(GVariant) channels = table (march, "by_channel");
  g_autoptr(GVariant) email = row_with (channels, "channel", "email");
  g_autoptr(GVariant) categories = table (march, "by_category");
  g_autoptr(GVariant) slow = row_with (categories, "category", "slow_response");
  g_autoptr(GVariant) ages = table (march, "by_age_group");
  g_autoptr(GVariant) older = row_with (ages, "age_group", "65_plus");
  g_autoptr(GVariant) open = table (march, "open_by_age");
  g_autoptr(GVariant) old_open = row_with (open, "age", "30+");
  g_autoptr(GVariant) new_open = row_with (open, "age", "0-2");
  g_autoptr(GVariant) day_after = run (fixture, FD_REPORT_CLAIMS, 20260330, 20260330, 0);

  g_assert_cmpint (get_int (march, "claims"), ==, 2);
  g_assert_cmpint (get_int (complaints, "claims"), ==, 1);
  g_assert_cmpint (get_int (email, "claims"), ==, 1);
  g_assert_cmpint (get_int (slow, "claims"), ==, 1);
  g_assert_cmpint (get_int (older, "claims"), ==, 2);
  g_assert_cmpint (get_int (march, "open_claims"), ==, 1);
  g_assert_cmpint (get_int (old_open, "claims"), ==, 1);
  g_assert_cmpint (get_int (new_open, "claims"), ==, 0);
  g_assert_cmpint (get_int (march, "resolved"), ==, 1);
  g_assert_cmpint (get_int (march, "resolved_past_due"), ==, 0);
  g_assert_cmpfloat (get_double (march, "share_closed_past_due"), ==, 0);
  g_assert_cmpfloat (get_double (march, "median_ack_s"), ==, 37800);
  g_assert_cmpfloat (get_double (march, "median_resolution_s"), ==, 131400);
  /* v1 only: v2 led to a claim, v4 to a follow-up. */
  g_assert_cmpint (get_int (march, "visits_finished"), ==, 3);
  g_assert_cmpint (get_int (march, "visits_first_contact"), ==, 1);
  g_assert_cmpfloat_with_epsilon (get_double (march, "first_contact_resolution"), 1.0 / 3, 1e-12);
  /* Received at 23:30 on the 29th: not a claim of the 30th. */
  g_assert_cmpint (get_int (day_after, "claims"), ==, 0);
  g_assert_true (isnan (get_double (day_after, "median_ack_s")));
}

static void
test_satisfaction (ReportFixture *fixture,
                   gconstpointer  data)
{
  g_autoptr(GVariant) march = run (fixture, FD_REPORT_SATISFACTION, 20260301, 20260331, 0);
  g_autoptr(GVariant) techniques = table (march, "by_technique");
  g_autoptr(GVariant) empathy = row_with (techniques, "technique", "empathy");
  g_autoptr(GVariant) questioning = row_with (techniques, "technique", "questioning");
  g_autoptr(GVariant) staff = table (march, "by_staff");
  g_autoptr(GVariant) anna = row_with (staff, "staff", "Anna");
  g_autoptr(GVariant) months = table (march, "by_month");
  g_autoptr(GVariant) branches = table (march, "by_branch");

  g_assert_cmpint (get_int (march, "rated_visits"), ==, 3);
  g_assert_cmpfloat_with_epsilon (get_double (march, "avg_rating_solved"), 4.0, 1e-12);   /* 5, 3, 4 */
  g_assert_cmpfloat_with_epsilon (get_double (march, "avg_rating_staff"), 13.0 / 3, 1e-12);
  g_assert_cmpint (get_int (empathy, "visits"), ==, 1);
  g_assert_cmpfloat (get_double (empathy, "median_service_s"), ==, 600);
  g_assert_cmpfloat (get_double (empathy, "avg_rating_solved"), ==, 5);
  g_assert_cmpfloat (get_double (empathy, "avg_rating_staff"), ==, 4);
  g_assert_cmpfloat (get_double (empathy, "share_resolved"), ==, 1);
  g_assert_cmpfloat (get_double (questioning, "median_service_s"), ==, 600);
  g_assert_cmpint (get_int (anna, "rated_visits"), ==, 2);
  g_assert_cmpfloat (get_double (anna, "avg_rating_solved"), ==, 4);   /* 5 and 3 */
  g_assert_cmpuint (g_variant_n_children (months), ==, 1);
  g_assert_cmpuint (g_variant_n_children (branches), ==, 1);
  g_assert_cmpint (get_int (march, "rated_claims"), ==, 0);
}

static void
test_customers (ReportFixture *fixture,
                gconstpointer  data)
{
  g_autoptr(GVariant) march = run (fixture, FD_REPORT_CUSTOMERS, 20260301, 20260331, 0);
  g_autoptr(GVariant) at_a = run (fixture, FD_REPORT_CUSTOMERS, 20260301, 20260331, fixture->branch_a);
  g_autoptr(GVariant) spring = run (fixture, FD_REPORT_CUSTOMERS, 20260201, 20260331, 0);
  g_autoptr(GVariant) ages = table (march, "by_age_group");
  g_autoptr(GVariant) thirties = row_with (ages, "age_group", "35_44");
  g_autoptr(GVariant) older = row_with (ages, "age_group", "65_plus");
  g_autoptr(GVariant) channels = table (march, "by_channel");
  g_autoptr(GVariant) phone = row_with (channels, "channel", "phone");

  /* Eva twice in March, new; Olga once, back after February. */
  g_assert_cmpint (get_int (march, "visitors"), ==, 2);
  g_assert_cmpint (get_int (march, "new"), ==, 1);
  g_assert_cmpint (get_int (march, "returning"), ==, 1);
  g_assert_cmpint (get_int (march, "anonymous_visits"), ==, 1);
  g_assert_cmpint (get_int (thirties, "new"), ==, 1);
  g_assert_cmpint (get_int (older, "returning"), ==, 1);
  g_assert_cmpint (get_int (phone, "visitors"), ==, 1);
  /* At Amsterdam, Olga is still returning: her first visit was at Utrecht. */
  g_assert_cmpint (get_int (at_a, "visitors"), ==, 2);
  g_assert_cmpint (get_int (at_a, "returning"), ==, 1);
  /* From February on, both are new. */
  g_assert_cmpint (get_int (spring, "visitors"), ==, 2);
  g_assert_cmpint (get_int (spring, "new"), ==, 2);
}

static void
test_refused (ReportFixture *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (fd_store_run_report (fixture->base.store, FD_REPORT_PEAKS, 20260331, 20260301, 0, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_assert_cmpstr (fd_error_get_field (error), ==, "to");
  g_clear_error (&error);
  g_assert_null (fd_store_run_report (fixture->base.store, FD_REPORT_PEAKS, 20260230, 20260301, 0, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "from");
}

/* Changes to the base tables reach the summaries: a customer's birth year moves their
 * visits to another age group, a moved visit changes who is new. */
static void
test_changes (ReportFixture *fixture,
              gconstpointer  data)
{
  g_autofree char *sql = NULL;
  g_autoptr(GVariant) after = NULL;
  g_autoptr(GVariant) ages = NULL, young = NULL;
  g_autoptr(FdCustomer) eva = fd_store_get_customer (fixture->base.store, fixture->c1, NULL);
  g_autoptr(FdCustomer) draft = fd_customer_copy (eva);
  g_autoptr(FdCustomer) saved = NULL;
  g_autoptr(GError) error = NULL;

  fd_customer_set_birth_year (draft, 2005);
  saved = fd_store_update_customer (fixture->base.store, draft, &error);
  g_assert_no_error (error);
  /* Olga's February visit becomes Eva's: Eva is then returning, Olga new. */
  sql = g_strdup_printf ("UPDATE visits SET customer_id = %lld WHERE id = %lld",
                         (long long) fixture->c1, (long long) fixture->v5);
  exec (&fixture->base, sql);
  after = run (fixture, FD_REPORT_CUSTOMERS, 20260301, 20260331, 0);
  ages = table (after, "by_age_group");
  young = row_with (ages, "age_group", "under_25");
  g_assert_cmpint (get_int (young, "returning"), ==, 1);
  g_assert_cmpint (get_int (after, "new"), ==, 1);

  g_clear_pointer (&sql, g_free);
  sql = g_strdup_printf ("DELETE FROM visits WHERE id = %lld", (long long) fixture->v3);
  exec (&fixture->base, sql);
  g_clear_pointer (&after, g_variant_unref);
  after = run (fixture, FD_REPORT_PEAKS, 20260301, 20260331, 0);
  g_assert_cmpint (cell (after, 1, 10), ==, 0);

  /* The waiting visit is gone: a second empathy visit: the median of 600 and 1,201 seconds is 900.5. */
  visit (fixture->base.store, fixture->branch_a, fixture->desk_a, fixture->c2,
         local_time (2026, 3, 3, 9, 0, 0), local_time (2026, 3, 3, 9, 1, 0), local_time (2026, 3, 3, 9, 21, 1),
         FD_TECHNIQUE_EMPATHY, FD_OUTCOME_REFERRED, 2, 0, fixture->staff_2);
  {
    g_autoptr(GVariant) care = run (fixture, FD_REPORT_SATISFACTION, 20260301, 20260331, 0);
    g_autoptr(GVariant) techniques = table (care, "by_technique");
    g_autoptr(GVariant) empathy = row_with (techniques, "technique", "empathy");

    g_assert_cmpint (get_int (empathy, "visits"), ==, 2);
    g_assert_cmpfloat (get_double (empathy, "median_service_s"), ==, 900.5);
    g_assert_cmpfloat (get_double (empathy, "avg_rating_solved"), ==, 3.5);
    g_assert_cmpfloat (get_double (empathy, "avg_rating_staff"), ==, 4);   /* one rated */
    g_assert_cmpfloat (get_double (empathy, "share_resolved"), ==, 0.5);
  }

}

/* Random work on the base tables; after each round the summaries must give exactly what
 * the base tables give, for every report, range and branch. */
static void
test_random (ReportFixture *fixture,
             gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autoptr(GArray) customers = g_array_new (FALSE, FALSE, sizeof (gint64));
  static const int ranges[][2] = {
    { 20250101, 20261231 }, { 20250601, 20250630 }, { 20251026, 20251026 }, { 20260101, 20260331 },
  };
  static const char * const categories[] = { "slow_response", "impolite", "other" };
  static const char * const channels[] = { "in_person", "phone", "email", "letter" };

  g_array_append_val (customers, fixture->c1);
  g_array_append_val (customers, fixture->c2);
  for (int i = 0; i < 20; i++)
    {
      gint64 id = add_person (store, "Random", 1940 + g_rand_int_range (rand, 0, 70),
                              g_rand_int_range (rand, 0, 5));
      g_array_append_val (customers, id);
    }

  for (int round = 0; round < 6; round++)
    {
      for (int op = 0; op < 40; op++)
        {
          gint64 customer = g_rand_boolean (rand)
            ? g_array_index (customers, gint64, g_rand_int_range (rand, 0, customers->len)) : 0;
          gboolean at_a = g_rand_boolean (rand);
          gint64 arrived = local_time (2025, g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                                       g_rand_int_range (rand, 8, 18), g_rand_int_range (rand, 0, 60),
                                       g_rand_int_range (rand, 0, 60));
          gint64 called = arrived + g_rand_int_range (rand, 0, 3000);
          gint64 finished = g_rand_int_range (rand, 0, 5) ? called + g_rand_int_range (rand, 30, 2400) : 0;
          gint64 visit_id;
          g_autofree char *sql = NULL;

          visit_id = visit (store, at_a ? fixture->branch_a : fixture->branch_b,
                            at_a ? fixture->desk_a : fixture->desk_b, customer, arrived, called, finished,
                            g_rand_int_range (rand, 1, 4), g_rand_int_range (rand, 1, 5),
                            g_rand_int_range (rand, 0, 6), g_rand_int_range (rand, 0, 6),
                            g_rand_boolean (rand) ? fixture->staff_1 : fixture->staff_2);

          switch (g_rand_int_range (rand, 0, 8))
            {
            case 0:   /* a claim, from the visit or not */
              if (customer != 0)
                open_claim (store, at_a ? fixture->branch_a : fixture->branch_b, customer,
                            g_rand_int_range (rand, 0, 4), channels[g_rand_int_range (rand, 0, 4)],
                            categories[g_rand_int_range (rand, 0, 3)],
                            /* mostly on days without visits: only the claim marks them */
                            g_rand_boolean (rand) ? arrived + 600
                              : local_time (2026, g_rand_int_range (rand, 1, 4),
                                            g_rand_int_range (rand, 1, 29), 12, 0, 0),
                            g_rand_boolean (rand) ? visit_id : 0);
              break;
            case 1:   /* acknowledge and resolve claims, late or not */
              sql = g_strdup_printf ("UPDATE claims SET acknowledged_at = received_at + %d,"
                                     " resolved_at = received_at + %d WHERE id %% 3 = %d",
                                     g_rand_int_range (rand, 0, 90000), g_rand_int_range (rand, 0, 2000000),
                                     g_rand_int_range (rand, 0, 3));
              break;
            case 2:   /* a visit deleted */
              sql = g_strdup_printf ("DELETE FROM visits WHERE id = (SELECT id FROM visits v"
                                     " WHERE NOT EXISTS (SELECT 1 FROM claims WHERE visit_id = v.id)"
                                     " AND NOT EXISTS (SELECT 1 FROM followups WHERE visit_id = v.id)"
                                     " ORDER BY (id * %d) %% 101 LIMIT 1)", g_rand_int_range (rand, 1, 100));
              break;
            case 3:   /* a visit given to someone else, or taken from them */
              sql = g_strdup_printf ("UPDATE visits SET customer_id = %s WHERE id %% 17 = %d",
                                     customer ? "(SELECT max (id) FROM customers)" : "NULL",
                                     g_rand_int_range (rand, 0, 17));
              break;
            case 4:   /* a customer's age and channel */
              sql = g_strdup_printf ("UPDATE customers SET birth_year = %d, channel = '%s' WHERE id = %lld",
                                     1930 + g_rand_int_range (rand, 0, 90), channels[g_rand_int_range (rand, 0, 4)],
                                     (long long) g_array_index (customers, gint64, g_rand_int_range (rand, 0, customers->len)));
              break;
            case 5:   /* ratings and technique changed afterwards */
              sql = g_strdup_printf ("UPDATE visits SET rating_solved = %d, technique = 'empathy'"
                                     " WHERE id = %lld AND state = 'finished'",
                                     g_rand_int_range (rand, 1, 6), (long long) visit_id);
              break;
            case 6:   /* a claim deleted with what hangs on it */
              sql = g_strdup ("DELETE FROM followups WHERE claim_id = (SELECT max (id) FROM claims);"
                              "DELETE FROM claim_events WHERE claim_id = (SELECT max (id) FROM claims);"
                              "DELETE FROM claim_messages WHERE claim_id = (SELECT max (id) FROM claims);"
                              "DELETE FROM claims WHERE id = (SELECT max (id) FROM claims)");
              break;
            default:
              break;
            }
          if (sql)
            exec (&fixture->base, sql);
        }

      for (guint r = 0; r < G_N_ELEMENTS (ranges); r++)
        for (FdReportKind kind = 0; kind < FD_REPORT_N_KINDS; kind++)
          {
            g_autoptr(GVariant) all = run (fixture, kind, ranges[r][0], ranges[r][1], 0);
            g_autoptr(GVariant) a = run (fixture, kind, ranges[r][0], ranges[r][1], fixture->branch_a);
          }
    }

  /* And a full rebuild gives the same summaries as the increments did. */
  {
    sqlite3 *db = fd_database_get_handle (_fd_store_get_database (store));
    g_autoptr(GError) error = NULL;
    char *before = NULL, *after = NULL;

    g_assert_cmpint (sqlite3_exec (db, "CREATE TEMP TABLE kept AS SELECT * FROM report_days", NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_true (_fd_store_rebuild_report_days (_fd_store_get_database (store), &error));
    g_assert_no_error (error);
    before = sqlite3_mprintf ("%s", "SELECT count(*) FROM (SELECT * FROM kept EXCEPT SELECT * FROM report_days)");
    after = sqlite3_mprintf ("%s", "SELECT count(*) FROM (SELECT * FROM report_days EXCEPT SELECT * FROM kept)");
    {
      sqlite3_stmt *stmt;
      const char *queries[] = { before, after };

      for (int q = 0; q < 2; q++)
        {
          g_assert_cmpint (sqlite3_prepare_v2 (db, queries[q], -1, &stmt, NULL), ==, SQLITE_OK);
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
          g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
          sqlite3_finalize (stmt);
        }
    }
    sqlite3_free (before);
    sqlite3_free (after);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* The fixture's times are Amsterdam's, summer time included. */
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  tzset ();
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/reports/" name, ReportFixture, NULL, report_set_up, func, report_tear_down)
  ADD ("peaks", test_peaks);
  ADD ("seasons", test_seasons);
  ADD ("waiting", test_waiting);
  ADD ("claims", test_claims);
  ADD ("satisfaction", test_satisfaction);
  ADD ("customers", test_customers);
  ADD ("refused", test_refused);
  ADD ("changes", test_changes);
  ADD ("random", test_random);
#undef ADD

  return g_test_run ();
}
