/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "fd-error.h"
#include "fd-test-util.h"

/* The queue and the visit log: ticket numbers, call order, state changes, time. */

static gint64 branch_id;
static gint64 desk_id;

static void
reception_set_up (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(FdDesk) desk = NULL;
  g_autoptr(GError) error = NULL;

  store_fixture_set_up (fixture, data);
  fd_branch_set_name (draft, "Amsterdam Centrum");
  fd_branch_set_country (draft, "nl");
  fd_branch_set_address (draft, "Damrak 1\n1012 LG Amsterdam");
  branch = fd_store_add_branch (fixture->store, draft, &error);
  g_assert_no_error (error);
  branch_id = fd_branch_get_id (branch);
  desk = fd_store_add_desk (fixture->store, branch_id, "Desk 1", &error);
  g_assert_no_error (error);
  desk_id = fd_desk_get_id (desk);
}

static gint64
local_time (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (dt);
}

static FdVisit *
check_in (StoreFixture *fixture,
          gint64        customer_id,
          const char   *purpose,
          FdPriority    priority,
          gint64        at)
{
  g_autoptr(GError) error = NULL;
  FdVisit *visit = fd_store_check_in (fixture->store, branch_id, customer_id, purpose, priority, at, &error);

  g_assert_no_error (error);
  return visit;
}

static void
test_branch (StoreFixture  *fixture,
             gconstpointer  data)
{
  g_autoptr(FdBranch) bad = fd_branch_new ();
  g_autoptr(FdBranch) branch = fd_store_get_branch (fixture->store, branch_id, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *card = fd_branch_dup_card_text (branch);
  g_autoptr(FdBranch) saved = NULL;

  g_assert_cmpstr (fd_branch_get_country (branch), ==, "NL");
  g_assert_nonnull (strstr (card, "Damrak 1"));
  g_assert_nonnull (strstr (card, "09:00–17:00"));
  g_assert_cmpint (fd_store_get_current_branch (fixture->store), ==, branch_id);

  fd_branch_set_name (bad, "Nowhere");
  fd_branch_set_country (bad, "Netherlands");
  saved = fd_store_add_branch (fixture->store, bad, &error);
  g_assert_null (saved);
  g_assert_cmpstr (fd_error_get_field (error), ==, "country");

  g_clear_error (&error);
  g_assert_null (fd_store_add_desk (fixture->store, branch_id, "Desk 1", &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "name");
}

static void
test_tickets (StoreFixture  *fixture,
              gconstpointer  data)
{
  g_autoptr(FdVisit) a = check_in (fixture, 0, "information", FD_PRIORITY_NONE, 0);
  g_autoptr(FdVisit) b = check_in (fixture, 0, "purchase", FD_PRIORITY_NONE, 0);
  g_autoptr(FdVisit) c = check_in (fixture, 0, "claim", FD_PRIORITY_NONE, 0);
  g_autoptr(FdVisit) bad = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (fd_visit_get_ticket (a), ==, "A-001");
  g_assert_cmpstr (fd_visit_get_ticket (b), ==, "B-002");
  g_assert_cmpstr (fd_visit_get_ticket (c), ==, "D-003");
  g_assert_cmpint (fd_visit_get_state (a), ==, FD_VISIT_STATE_WAITING);

  bad = fd_store_check_in (fixture->store, branch_id, 0, "haircut", FD_PRIORITY_NONE, 0, &error);
  g_assert_null (bad);
  g_assert_cmpstr (fd_error_get_field (error), ==, "purpose");
  g_clear_error (&error);
  bad = fd_store_check_in (fixture->store, branch_id, 4242, "information", FD_PRIORITY_NONE, 0, &error);
  g_assert_error (error, FD_ERROR, FD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  bad = fd_store_check_in (fixture->store, branch_id, 0, "information", FD_PRIORITY_NONE,
                           g_get_real_time () / G_USEC_PER_SEC + 3600, &error);
  g_assert_cmpstr (fd_error_get_field (error), ==, "at");
}

/* Numbers restart each local day, DST days included. */
static void
test_tickets_per_day (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(FdVisit) late = check_in (fixture, 0, "information", FD_PRIORITY_NONE, local_time (2026, 3, 28, 23, 59));
  g_autoptr(FdVisit) early = check_in (fixture, 0, "information", FD_PRIORITY_NONE, local_time (2026, 3, 29, 0, 1));
  g_autoptr(FdVisit) before_dst = check_in (fixture, 0, "information", FD_PRIORITY_NONE, local_time (2026, 3, 29, 1, 59));
  g_autoptr(FdVisit) after_dst = check_in (fixture, 0, "information", FD_PRIORITY_NONE, local_time (2026, 3, 29, 3, 1));

  g_assert_cmpstr (fd_visit_get_ticket (late), ==, "A-001");
  g_assert_cmpstr (fd_visit_get_ticket (early), ==, "A-001");
  g_assert_cmpstr (fd_visit_get_ticket (before_dst), ==, "A-002");
  g_assert_cmpstr (fd_visit_get_ticket (after_dst), ==, "A-003");
  /* 01:59 to 03:01 on the night clocks go forward is two minutes, not an hour and two. */
  g_assert_cmpint (fd_visit_get_arrived_at (after_dst) - fd_visit_get_arrived_at (before_dst), ==, 2 * 60);
}

static void
test_queue_order_and_states (StoreFixture  *fixture,
                             gconstpointer  data)
{
  gint64 t0 = g_get_real_time () / G_USEC_PER_SEC - 3600;
  g_autoptr(FdVisit) first = check_in (fixture, 0, "information", FD_PRIORITY_NONE, t0);
  g_autoptr(FdVisit) second = check_in (fixture, 0, "purchase", FD_PRIORITY_NONE, t0 + 60);
  g_autoptr(FdVisit) urgent = check_in (fixture, 0, "renewal", FD_PRIORITY_ASSISTANCE, t0 + 120);
  g_autoptr(GPtrArray) queue = fd_store_list_queue (fixture->store, branch_id, NULL);
  g_autoptr(FdVisit) called = NULL;
  g_autoptr(FdVisit) finished = NULL;
  g_autoptr(FdVisit) bad = NULL;
  g_autoptr(GError) error = NULL;
  FdVisitReport report = { FD_TECHNIQUE_EMPATHY, FD_OUTCOME_RESOLVED, "Explained the bill", 5, 4, NULL, 0 };

  g_assert_cmpuint (queue->len, ==, 3);
  g_assert_cmpint (fd_visit_get_id (queue->pdata[0]), ==, fd_visit_get_id (urgent));
  g_assert_cmpint (fd_visit_get_id (queue->pdata[1]), ==, fd_visit_get_id (first));
  g_assert_cmpint (fd_visit_get_id (queue->pdata[2]), ==, fd_visit_get_id (second));

  /* Finishing a visit never called is refused, and changes nothing. */
  bad = fd_store_finish_visit (fixture->store, fd_visit_get_id (first), &report, 0, &error);
  g_assert_null (bad);
  g_assert_cmpstr (fd_error_get_field (error), ==, "state");
  g_clear_error (&error);

  called = fd_store_call (fixture->store, branch_id, desk_id, NULL, t0 + 300, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_visit_get_id (called), ==, fd_visit_get_id (urgent));
  g_assert_cmpint (fd_visit_get_desk_id (called), ==, desk_id);
  g_clear_object (&called);

  /* A specific ticket, in any case and spacing. */
  called = fd_store_call (fixture->store, branch_id, desk_id, " b 2 ", t0 + 400, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_visit_get_id (called), ==, fd_visit_get_id (second));
  g_clear_object (&called);
  g_assert_null (fd_store_call (fixture->store, branch_id, desk_id, "B-002", t0 + 410, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "ticket");
  g_clear_error (&error);
  g_assert_null (fd_store_call (fixture->store, branch_id, 999, NULL, t0 + 410, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "desk");
  g_clear_error (&error);

  /* Ratings out of range, or a finish before the call, change nothing. */
  report.rating_solved = 7;
  g_assert_null (fd_store_finish_visit (fixture->store, fd_visit_get_id (second), &report, t0 + 500, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "rating_solved");
  g_clear_error (&error);
  report.rating_solved = 5;
  g_assert_null (fd_store_finish_visit (fixture->store, fd_visit_get_id (second), &report, t0 + 100, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "at");
  g_clear_error (&error);

  finished = fd_store_finish_visit (fixture->store, fd_visit_get_id (second), &report, t0 + 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_visit_get_state (finished), ==, FD_VISIT_STATE_FINISHED);
  g_assert_cmpint (fd_visit_get_finished_at (finished) - fd_visit_get_called_at (finished), ==, 600);
  g_assert_cmpint (fd_visit_get_called_at (finished) - fd_visit_get_arrived_at (finished), ==, 340);
  g_assert_cmpint (fd_visit_get_rating_solved (finished), ==, 5);
  g_assert_cmpint (fd_visit_get_technique (finished), ==, FD_TECHNIQUE_EMPATHY);
  g_assert_cmpstr (fd_visit_get_notes (finished), ==, "Explained the bill");

  /* Twice is refused. */
  g_assert_null (fd_store_finish_visit (fixture->store, fd_visit_get_id (second), &report, t0 + 1100, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "state");
  g_clear_error (&error);

  g_clear_pointer (&queue, g_ptr_array_unref);
  queue = fd_store_list_queue (fixture->store, branch_id, NULL);
  g_assert_cmpuint (queue->len, ==, 1);
}

static void
test_questionnaire_and_history (StoreFixture  *fixture,
                                gconstpointer  data)
{
  const char * const questions[] = { "What do you need?", "Since when?", NULL };
  const char * const answers[] = { "A new card", "Yesterday", NULL };
  g_autoptr(FdCustomer) customer = add_customer (fixture->store, "Ana", "Јовановић", NULL, NULL);
  g_autoptr(FdVisit) visit = check_in (fixture, fd_customer_get_id (customer), "renewal", FD_PRIORITY_APPOINTMENT, 0);
  g_autoptr(FdVisit) called = fd_store_call (fixture->store, branch_id, desk_id, NULL, 0, NULL);
  g_autoptr(FdVisit) finished = NULL;
  g_auto(GStrv) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GError) error = NULL;
  FdVisitReport report = { FD_TECHNIQUE_QUESTIONING, FD_OUTCOME_FOLLOW_UP, NULL, 0, 0, answers, 0 };

  g_assert_true (fd_store_set_questions (fixture->store, branch_id, questions, &error));
  finished = fd_store_finish_visit (fixture->store, fd_visit_get_id (visit), &report, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_visit_get_rating_solved (finished), ==, 0);
  stored = fd_store_get_visit_answers (fixture->store, fd_visit_get_id (visit), &error);
  g_assert_cmpstrv (stored, answers);

  visits = fd_store_list_customer_visits (fixture->store, fd_customer_get_id (customer), 0, 10, &error);
  g_assert_cmpuint (visits->len, ==, 1);
  history = fd_store_list_history (fixture->store, fd_customer_get_id (customer), 10, &error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (fd_history_entry_get_kind (history->pdata[0]), ==, "visit");
  g_assert_cmpstr (fd_history_entry_get_kind (history->pdata[1]), ==, "change");
}

static void
test_estimate (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr(FdVisit) a = check_in (fixture, 0, "information", FD_PRIORITY_NONE, 0);
  g_autoptr(FdVisit) b = check_in (fixture, 0, "information", FD_PRIORITY_NONE, 0);
  int low_a, high_a, low_b, high_b;

  g_assert_true (fd_store_estimate_wait (fixture->store, a, &low_a, &high_a, NULL));
  g_assert_true (fd_store_estimate_wait (fixture->store, b, &low_b, &high_b, NULL));
  /* Always a range, never one number; later in line waits longer. */
  g_assert_cmpint (low_a, <, high_a);
  g_assert_cmpint (low_b, <, high_b);
  g_assert_cmpint (high_b, >, high_a);
  g_assert_cmpint (low_a % 5, ==, 0);
}

/* Two processes check in at once: every ticket number of the day is taken exactly once. */
static void
test_concurrent_check_ins (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *branch = g_strdup_printf ("%" G_GINT64_FORMAT, branch_id);
  char *argv[] = { self_path, (char *) "--check-in-worker", fixture->path, branch, NULL };
  GPid pids[2];
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(GError) error = NULL;
      g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pids[i], &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 2; i++)
    {
      int status = 0;
      g_assert_cmpint (waitpid (pids[i], &status, 0), ==, pids[i]);
      g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
    }

  queue = fd_store_list_queue (fixture->store, branch_id, NULL);
  g_assert_cmpuint (queue->len, ==, 2 * 40);
  for (guint i = 0; i < queue->len; i++)
    g_assert_true (g_hash_table_add (seen, g_strdup (fd_visit_get_ticket (queue->pdata[i]))));
  for (guint n = 1; n <= 80; n++)
    {
      g_autofree char *ticket = g_strdup_printf ("A-%03u", n);
      g_assert_true (g_hash_table_contains (seen, ticket));
    }
}

static int
check_in_worker (const char *path,
                 gint64      branch)
{
  g_autoptr(FdStore) store = fd_store_open (path, NULL);

  for (guint i = 0; store && i < 40; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(FdVisit) visit = fd_store_check_in (store, branch, 0, "information", FD_PRIORITY_NONE, 0, &error);

      if (visit == NULL)
        {
          g_printerr ("check-in failed: %s\n", error->message);
          return 1;
        }
    }
  return store ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--check-in-worker"))
    return check_in_worker (argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  /* A time zone with daylight saving time, whatever the machine's. */
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, StoreFixture, NULL, reception_set_up, fn, store_fixture_tear_down)
  ADD ("/fd/visits/branch", test_branch);
  ADD ("/fd/visits/tickets", test_tickets);
  ADD ("/fd/visits/tickets-per-day", test_tickets_per_day);
  ADD ("/fd/visits/queue-order-and-states", test_queue_order_and_states);
  ADD ("/fd/visits/questionnaire-and-history", test_questionnaire_and_history);
  ADD ("/fd/visits/estimate", test_estimate);
  ADD ("/fd/visits/concurrent-check-ins", test_concurrent_check_ins);
  return g_test_run ();
}
