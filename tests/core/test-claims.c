/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include "fd-error.h"
#include "fd-test-util.h"

/* Claims: the workflow, references, deadlines in working time, history. */

static gint64 branch_id;
static gint64 customer_id;

static void
claims_set_up (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(FdCustomer) customer = NULL;

  store_fixture_set_up (fixture, data);
  fd_branch_set_name (draft, "Gent Kouter");
  fd_branch_set_country (draft, "BE");
  branch = fd_store_add_branch (fixture->store, draft, NULL);
  branch_id = fd_branch_get_id (branch);
  customer = add_customer (fixture->store, "Els", "Peeters", NULL, NULL);
  customer_id = fd_customer_get_id (customer);
}

static gint64
local (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (dt);
}

static FdClaim *
open_claim (StoreFixture *fixture,
            gint64        received_at)
{
  FdClaimDraft draft = { branch_id, customer_id, FD_CLAIM_KIND_COMPLAINT, "letter", "slow_response",
                         FD_CLAIM_PRIORITY_NORMAL, "Waited three weeks for an answer", received_at, 0 };
  g_autoptr(GError) error = NULL;
  FdClaim *claim = fd_store_open_claim (fixture->store, &draft, &error);

  g_assert_no_error (error);
  return claim;
}

static void
test_workflow_pairs (void)
{
  static const gboolean allowed[6][6] = {
    /* to:   new    ack    prog   wait   res    closed */
    /* new */ { 0, 1, 0, 0, 0, 0 },
    /* ack */ { 0, 0, 1, 0, 1, 0 },
    /* pro */ { 0, 0, 0, 1, 1, 0 },
    /* wai */ { 0, 0, 1, 0, 1, 0 },
    /* res */ { 0, 0, 1, 0, 0, 1 },
    /* clo */ { 0, 0, 1, 0, 0, 0 },
  };

  for (int from = 0; from < 6; from++)
    for (int to = 0; to < 6; to++)
      g_assert_cmpint (fd_claim_status_can_move (from, to), ==, allowed[from][to]);
}

static void
test_open_and_deadlines (StoreFixture  *fixture,
                         gconstpointer  data)
{
  /* A letter received on Friday evening: the days count from Monday morning. */
  g_autoptr(FdClaim) claim = open_claim (fixture, local (2026, 11, 20, 19, 0));
  g_autoptr(FdClaim) second = open_claim (fixture, 0);
  g_autoptr(FdClaim) found = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lower = NULL;
  char *dash;

  g_assert_cmpint (fd_claim_get_status (claim), ==, FD_CLAIM_STATUS_NEW);
  g_assert_cmpstr (fd_claim_get_reference (claim), ==, "K-2026-0001-H");
  g_assert_true (g_str_has_prefix (fd_claim_get_reference (second), "K-2026-0002-"));
  g_assert_cmpint (fd_claim_get_ack_due_at (claim), ==, local (2026, 11, 25, 9, 0));
  g_assert_cmpint (fd_claim_get_due_at (claim), ==, local (2026, 12, 7, 9, 0));

  lower = g_ascii_strdown (fd_claim_get_reference (claim), -1);
  while ((dash = strchr (lower, '-')))
    *dash = ' ';
  found = fd_store_find_claim (fixture->store, lower, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_claim_get_id (found), ==, fd_claim_get_id (claim));
  g_clear_object (&found);

  found = fd_store_find_claim (fixture->store, "K-2026-0001-A", &error);
  g_assert_null (found);
  g_assert_cmpstr (fd_error_get_field (error), ==, "reference");
}

/* The branch's own closed days and edited deadlines move the due dates of new claims. */
static void
test_closed_days_and_deadlines (StoreFixture  *fixture,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdClaim) later = NULL;
  GDate monday;
  int ack, resolve;

  g_date_clear (&monday, 1);
  g_date_set_dmy (&monday, 23, 11, 2026);
  g_assert_true (fd_store_set_closed_day (fixture->store, branch_id, &monday, TRUE, &error));
  g_assert_no_error (error);
  days = fd_store_list_closed_days (fixture->store, branch_id, &error);
  g_assert_cmpuint (days->len, ==, 1);
  g_assert_cmpint (g_date_compare (&g_array_index (days, GDate, 0), &monday), ==, 0);

  /* Friday evening, Monday closed: the days count from Tuesday morning. */
  claim = open_claim (fixture, local (2026, 11, 20, 19, 0));
  g_assert_cmpint (fd_claim_get_ack_due_at (claim), ==, local (2026, 11, 26, 9, 0));

  g_assert_false (fd_store_set_claim_deadline (fixture->store, FD_CLAIM_KIND_COMPLAINT, FD_CLAIM_PRIORITY_NORMAL, 5, 3, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (fd_store_set_claim_deadline (fixture->store, FD_CLAIM_KIND_COMPLAINT, FD_CLAIM_PRIORITY_NORMAL, 1, 3, &error));
  g_assert_true (fd_store_get_claim_deadline (fixture->store, FD_CLAIM_KIND_COMPLAINT, FD_CLAIM_PRIORITY_NORMAL, &ack, &resolve, &error));
  g_assert_cmpint (ack, ==, 1);
  g_assert_cmpint (resolve, ==, 3);
  later = open_claim (fixture, local (2026, 11, 20, 19, 0));
  g_assert_cmpint (fd_claim_get_ack_due_at (later), ==, local (2026, 11, 25, 9, 0));
  g_assert_cmpint (fd_claim_get_due_at (later), ==, local (2026, 11, 27, 9, 0));

  g_assert_true (fd_store_set_closed_day (fixture->store, branch_id, &monday, FALSE, &error));
  g_clear_pointer (&days, g_array_unref);
  days = fd_store_list_closed_days (fixture->store, branch_id, &error);
  g_assert_cmpuint (days->len, ==, 0);
}

static void
test_refusals (StoreFixture  *fixture,
               gconstpointer  data)
{
  FdClaimDraft draft = { branch_id, customer_id, FD_CLAIM_KIND_COMPLAINT, "letter", "rudeness",
                         FD_CLAIM_PRIORITY_NORMAL, NULL, 0, 0 };
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdClaim) moved = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_null (fd_store_open_claim (fixture->store, &draft, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "category");
  g_clear_error (&error);
  draft.category = "impolite";
  draft.channel = "fax";
  g_assert_null (fd_store_open_claim (fixture->store, &draft, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "channel");
  g_clear_error (&error);
  all = fd_store_list_claims (fixture->store, -1, FALSE, 10, NULL);
  g_assert_cmpuint (all->len, ==, 0);

  claim = open_claim (fixture, 0);
  g_assert_null (fd_store_move_claim (fixture->store, fd_claim_get_id (claim), FD_CLAIM_STATUS_CLOSED, NULL, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "status");
  g_clear_error (&error);
  moved = fd_store_get_claim (fixture->store, fd_claim_get_id (claim), NULL);
  g_assert_cmpint (fd_claim_get_status (moved), ==, FD_CLAIM_STATUS_NEW);
}

static void
test_full_path_and_history (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autoptr(FdClaim) claim = open_claim (fixture, 0);
  gint64 id = fd_claim_get_id (claim);
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  FdClaim *step;

  step = fd_store_move_claim (fixture->store, id, FD_CLAIM_STATUS_ACKNOWLEDGED, "Letter sent", &error);
  g_assert_no_error (error);
  g_object_unref (step);
  step = fd_store_move_claim (fixture->store, id, FD_CLAIM_STATUS_IN_PROGRESS, NULL, &error);
  g_object_unref (step);
  /* Resolved needs the resolution. */
  g_assert_null (fd_store_move_claim (fixture->store, id, FD_CLAIM_STATUS_RESOLVED, NULL, &error));
  g_clear_error (&error);
  g_assert_null (fd_store_resolve_claim (fixture->store, id, "Late answer", "", "Faster next time", &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "solution");
  g_clear_error (&error);
  step = fd_store_resolve_claim (fixture->store, id, "Late answer", "Answer within a week, apology sent",
                                 "The customer knows when to expect news", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_claim_get_status (step), ==, FD_CLAIM_STATUS_RESOLVED);
  g_assert_cmpstr (fd_claim_get_benefit (step), ==, "The customer knows when to expect news");
  g_object_unref (step);
  step = fd_store_move_claim (fixture->store, id, FD_CLAIM_STATUS_CLOSED, NULL, &error);
  g_assert_cmpint (fd_claim_get_closed_at (step), >, 0);
  g_object_unref (step);
  step = fd_store_move_claim (fixture->store, id, FD_CLAIM_STATUS_IN_PROGRESS, "Customer called again", &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_claim_get_closed_at (step), ==, 0);
  g_object_unref (step);

  {
    g_autoptr(GPtrArray) timeline = fd_store_list_history (fixture->store, customer_id, 10, &error);
    g_assert_no_error (error);
    FdHistoryEntry *entry = NULL;

    /* The claim's follow-ups (its survey, a week ahead) come first: they are the newest. */
    for (guint i = 0; i < timeline->len && entry == NULL; i++)
      if (g_str_equal (fd_history_entry_get_kind (timeline->pdata[i]), "claim"))
        entry = timeline->pdata[i];
    g_assert_nonnull (entry);
    g_assert_nonnull (strstr (fd_history_entry_get_title (entry), fd_claim_get_reference (claim)));
  }

  history = fd_store_list_claim_history (fixture->store, id, &error);
  /* new, acknowledged, in progress, resolution, resolved, closed, reopened */
  g_assert_cmpuint (history->len, ==, 7);
  g_assert_nonnull (strstr (fd_history_entry_get_detail (history->pdata[1]), "Letter sent"));
}

/* Two processes open claims at once: every reference is taken once. */
static void
test_concurrent_references (StoreFixture  *fixture,
                            gconstpointer  data)
{
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *branch = g_strdup_printf ("%" G_GINT64_FORMAT, branch_id);
  g_autofree char *customer = g_strdup_printf ("%" G_GINT64_FORMAT, customer_id);
  char *argv[] = { self_path, (char *) "--open-worker", fixture->path, branch, customer, NULL };
  g_autoptr(GPtrArray) all = NULL;
  GPid pids[2];

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

  all = fd_store_list_claims (fixture->store, -1, FALSE, 1000, NULL);
  g_assert_cmpuint (all->len, ==, 60);
  for (guint i = 0; i < all->len; i++)
    for (guint j = i + 1; j < all->len; j++)
      g_assert_cmpstr (fd_claim_get_reference (all->pdata[i]), !=, fd_claim_get_reference (all->pdata[j]));
}

static int
open_worker (const char *path,
             gint64      branch,
             gint64      customer)
{
  g_autoptr(FdStore) store = fd_store_open (path, NULL);

  for (guint i = 0; store && i < 30; i++)
    {
      FdClaimDraft draft = { branch, customer, FD_CLAIM_KIND_REQUEST, "phone", "other",
                             FD_CLAIM_PRIORITY_HIGH, NULL, 0, 0 };
      g_autoptr(GError) error = NULL;
      g_autoptr(FdClaim) claim = fd_store_open_claim (store, &draft, &error);

      if (claim == NULL)
        {
          g_printerr ("open failed: %s\n", error->message);
          return 1;
        }
    }
  return store ? 0 : 1;
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 5 && g_str_equal (argv[1], "--open-worker"))
    return open_worker (argv[2], g_ascii_strtoll (argv[3], NULL, 10), g_ascii_strtoll (argv[4], NULL, 10));

  g_setenv ("TZ", "Europe/Brussels", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, StoreFixture, NULL, claims_set_up, fn, store_fixture_tear_down)
  g_test_add_func ("/fd/claims/workflow-pairs", test_workflow_pairs);
  ADD ("/fd/claims/closed-days-and-deadlines", test_closed_days_and_deadlines);
  ADD ("/fd/claims/open-and-deadlines", test_open_and_deadlines);
  ADD ("/fd/claims/refusals", test_refusals);
  ADD ("/fd/claims/full-path-and-history", test_full_path_and_history);
  ADD ("/fd/claims/concurrent-references", test_concurrent_references);
  return g_test_run ();
}
