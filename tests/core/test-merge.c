/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "fd-error.h"
#include "fd-store-private.h"
#include "fd-test-util.h"

/* Merging duplicate customers and undoing it, compared table by table; the history's
 * filters, keyset pages and search; the summary on a hand-made fixture. */

typedef struct
{
  StoreFixture base;
  gint64       branch_id;
  gint64       desk_id;
  gint64       survivor_id;
  gint64       duplicate_id;
  gint64       bystander_id;
} Fixture;

/* Every table a merge may touch. The reports' day marks are caches and left out; word
 * counts that fell to zero are the same as absent ones. */
static const char * const dumped[] = {
  "SELECT * FROM customers ORDER BY id",
  "SELECT * FROM customer_words ORDER BY word, sort_key, customer_id",
  "SELECT * FROM word_counts WHERE n <> 0 ORDER BY word",
  "SELECT * FROM customer_events ORDER BY id",
  "SELECT * FROM counters ORDER BY name",
  "SELECT * FROM visits ORDER BY id",
  "SELECT * FROM visit_answers ORDER BY visit_id, position",
  "SELECT * FROM claims ORDER BY id",
  "SELECT * FROM claim_events ORDER BY id",
  "SELECT * FROM claim_messages ORDER BY id",
  "SELECT * FROM claim_attachments ORDER BY id",
  "SELECT * FROM followups ORDER BY id",
  "SELECT * FROM followup_notices ORDER BY followup_id, recipient, notify_at",
  "SELECT * FROM services ORDER BY id",
};

static char *
dump (FdStore    *store,
      const char *sql)
{
  sqlite3 *db = fd_database_get_handle (_fd_store_get_database (store));
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int i = 0; i < sqlite3_column_count (stmt); i++)
        {
          const char *text = (const char *) sqlite3_column_text (stmt, i);
          g_string_append_printf (out, "%s|", text ? text : "∅");
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GPtrArray *
dump_all (FdStore *store)
{
  GPtrArray *dumps = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < G_N_ELEMENTS (dumped); i++)
    g_ptr_array_add (dumps, dump (store, dumped[i]));
  return dumps;
}

static void
assert_same_dumps (GPtrArray *a,
                   GPtrArray *b)
{
  for (guint i = 0; i < a->len; i++)
    {
      if (g_strcmp0 (a->pdata[i], b->pdata[i]) != 0)
        g_test_message ("%s:\n%s\n≠\n%s", dumped[i], (char *) a->pdata[i], (char *) b->pdata[i]);
      g_assert_cmpstr (a->pdata[i], ==, b->pdata[i]);
    }
}

static gint64
count (FdStore    *store,
       const char *sql,
       gint64      id)
{
  sqlite3 *db = fd_database_get_handle (_fd_store_get_database (store));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  return sqlite3_column_int64 (stmt, 0);
}

static void
exec (FdStore    *store,
      const char *sql)
{
  g_autoptr(GError) error = NULL;

  fd_database_exec (_fd_store_get_database (store), sql, &error);
  g_assert_no_error (error);
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* A finished visit of @customer_id with a technique, an outcome and ratings. */
static gint64
add_visit (Fixture *fixture,
           gint64   customer_id,
           gint64   at)
{
  FdVisitReport report = { FD_TECHNIQUE_EMPATHY, FD_OUTCOME_RESOLVED, "Explained the bill", 5, 4, NULL, 0 };
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(FdVisit) called = NULL;
  g_autoptr(FdVisit) finished = NULL;
  g_autoptr(GError) error = NULL;

  visit = fd_store_check_in (fixture->base.store, fixture->branch_id, customer_id, "information",
                             FD_PRIORITY_NONE, at, &error);
  g_assert_no_error (error);
  called = fd_store_call (fixture->base.store, fixture->branch_id, fixture->desk_id,
                          fd_visit_get_ticket (visit), at + 60, &error);
  g_assert_no_error (error);
  finished = fd_store_finish_visit (fixture->base.store, fd_visit_get_id (visit), &report, at + 600, &error);
  g_assert_no_error (error);
  return fd_visit_get_id (finished);
}

/* Everything a customer can have: visits, a claim with letters, a follow-up, a renewable
 * service (with its renewal follow-up) and record changes. */
static void
add_everything (Fixture    *fixture,
                gint64      customer_id,
                const char *note)
{
  FdStore *store = fixture->base.store;
  FdClaimDraft claim_draft = { fixture->branch_id, customer_id, FD_CLAIM_KIND_COMPLAINT, "letter",
                               "slow_response", FD_CLAIM_PRIORITY_NORMAL, note, now_s () - 7200, 0 };
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdClaimMessage) message = NULL;
  g_autoptr(FdClaimMessage) reply = NULL;
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdCustomer) edited = NULL;
  g_autoptr(GError) error = NULL;
  FdFollowupDraft followup_draft = { FD_FOLLOWUP_CALL_BACK, customer_id, 0, 0, now_s () + 86400, NULL, 0, note };

  add_visit (fixture, customer_id, now_s () - 86400 * 30);
  add_visit (fixture, customer_id, now_s () - 86400 * 2);

  claim = fd_store_open_claim (store, &claim_draft, &error);
  g_assert_no_error (error);
  {
    FdMessageDraft in = { fd_claim_get_id (claim), FD_MESSAGE_IN, "letter", now_s () - 7000, "Meter",
                          "The meter is wrong.", NULL, NULL, NULL };
    FdMessageDraft out = { fd_claim_get_id (claim), FD_MESSAGE_OUT, "email", now_s () - 3600, "Re: Meter",
                           "We are looking into it.", NULL, NULL, NULL };

    message = fd_store_add_message (store, &in, &error);
    g_assert_no_error (error);
    reply = fd_store_add_message (store, &out, &error);
    g_assert_no_error (error);
  }

  followup = fd_store_add_followup (store, &followup_draft, &error);
  g_assert_no_error (error);
  fd_store_add_service (store, customer_id, "Boiler service", "FREQ=YEARLY", now_s () + 86400 * 60, 14, &error);
  g_assert_no_error (error);

  customer = fd_store_get_customer (store, customer_id, &error);
  g_assert_no_error (error);
  edited = fd_customer_copy (customer);
  fd_customer_set_notes (edited, note);
  g_clear_object (&customer);
  customer = fd_store_update_customer (store, edited, &error);
  g_assert_no_error (error);
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(FdDesk) desk = NULL;
  g_autoptr(FdCustomer) survivor = NULL;
  g_autoptr(FdCustomer) duplicate = NULL;
  g_autoptr(FdCustomer) bystander = NULL;

  store_fixture_set_up (&fixture->base, data);
  fd_branch_set_name (draft, "Beograd Centar");
  fd_branch_set_country (draft, "RS");
  branch = fd_store_add_branch (fixture->base.store, draft, NULL);
  fixture->branch_id = fd_branch_get_id (branch);
  desk = fd_store_add_desk (fixture->base.store, fixture->branch_id, "Šalter 1", NULL);
  fixture->desk_id = fd_desk_get_id (desk);

  survivor = add_customer (fixture->base.store, "Đorđe", "Đorđević", "djordje@primer.rs", NULL);
  duplicate = add_customer (fixture->base.store, "Ђорђе", "Ђорђевић", "dj@primer.rs", "+381 11 123 4567");
  bystander = add_customer (fixture->base.store, "Jelena", "Jovanović", NULL, NULL);
  fixture->survivor_id = fd_customer_get_id (survivor);
  fixture->duplicate_id = fd_customer_get_id (duplicate);
  fixture->bystander_id = fd_customer_get_id (bystander);

  add_everything (fixture, fixture->survivor_id, "Survivor's own");
  add_everything (fixture, fixture->duplicate_id, "Duplicate's");
  add_everything (fixture, fixture->bystander_id, "Someone else's");
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  store_fixture_tear_down (&fixture->base, data);
}

static GHashTable *
history_keys (FdStore *store,
              gint64   customer_id)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  GHashTable *keys = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  history = fd_store_list_history (store, customer_id, 1000, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    g_hash_table_add (keys, g_strdup_printf ("%s %" G_GINT64_FORMAT,
                                             fd_history_entry_get_kind (history->pdata[i]),
                                             fd_history_entry_get_id (history->pdata[i])));
  return keys;
}

static void
on_changed_cb (FdStore *store,
               guint   *n)
{
  (*n)++;
}

static void
test_merge_and_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  static const char * const keyed[] = {
    "SELECT count (*) FROM visits WHERE customer_id = ?1",
    "SELECT count (*) FROM claims WHERE customer_id = ?1",
    "SELECT count (*) FROM claim_messages m JOIN claims c ON c.id = m.claim_id WHERE c.customer_id = ?1",
    "SELECT count (*) FROM followups WHERE customer_id = ?1",
    "SELECT count (*) FROM followups WHERE customer_id = ?1 AND service_id IS NOT NULL",
    "SELECT count (*) FROM services WHERE customer_id = ?1",
    "SELECT count (*) FROM customer_events WHERE customer_id = ?1 AND kind = 'updated'",
  };
  g_autoptr(GPtrArray) before = dump_all (store);
  g_autoptr(GPtrArray) after_undo = NULL;
  g_autoptr(GHashTable) survivor_history = history_keys (store, fixture->survivor_id);
  g_autoptr(GHashTable) duplicate_history = history_keys (store, fixture->duplicate_id);
  g_autoptr(GHashTable) merged_history = NULL;
  g_autoptr(FdCustomer) survivor = fd_store_get_customer (store, fixture->survivor_id, NULL);
  g_autoptr(FdCustomer) fields = fd_customer_copy (survivor);
  g_autoptr(FdCustomer) merged = NULL;
  g_autoptr(FdCustomer) duplicate = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  gint64 survivor_counts[G_N_ELEMENTS (keyed)], duplicate_counts[G_N_ELEMENTS (keyed)];
  gint64 merge_id = 0;
  guint customers_changed = 0, claims_changed = 0;
  GHashTableIter iter;
  const char *key;

  for (guint i = 0; i < G_N_ELEMENTS (keyed); i++)
    {
      survivor_counts[i] = count (store, keyed[i], fixture->survivor_id);
      duplicate_counts[i] = count (store, keyed[i], fixture->duplicate_id);
      g_assert_cmpint (duplicate_counts[i], >, 0);
    }

  g_signal_connect (store, "customers-changed", G_CALLBACK (on_changed_cb), &customers_changed);
  g_signal_connect (store, "claims-changed", G_CALLBACK (on_changed_cb), &claims_changed);

  /* The phone is taken from the duplicate; the rest stays the survivor's. */
  fd_customer_set_phone (fields, "+381 11 123 4567");
  g_assert_true (fd_store_merge_customers (store, fixture->survivor_id, fixture->duplicate_id, fields,
                                           &merge_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (merge_id, >, 0);
  g_assert_cmpuint (customers_changed, ==, 1);
  g_assert_cmpuint (claims_changed, ==, 1);

  /* Every kind of row moved; nothing is left with the duplicate, nothing is lost. */
  for (guint i = 0; i < G_N_ELEMENTS (keyed); i++)
    {
      g_assert_cmpint (count (store, keyed[i], fixture->duplicate_id), ==, 0);
      g_assert_cmpint (count (store, keyed[i], fixture->survivor_id), ==, survivor_counts[i] + duplicate_counts[i]);
    }
  g_assert_cmpint (count (store, "SELECT count (*) FROM customer_events WHERE customer_id = ?1 AND kind = 'merged'",
                          fixture->survivor_id), ==, 1);
  g_assert_cmpint (count (store, "SELECT count (*) FROM customer_events WHERE customer_id = ?1 AND kind = 'merged_into'",
                          fixture->duplicate_id), ==, 1);

  /* The survivor's history holds all of the duplicate's but its creation. */
  merged_history = history_keys (store, fixture->survivor_id);
  g_hash_table_iter_init (&iter, duplicate_history);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    if (!g_str_has_prefix (key, "change "))
      g_assert_true (g_hash_table_contains (merged_history, key));
  g_hash_table_iter_init (&iter, survivor_history);
  while (g_hash_table_iter_next (&iter, (gpointer *) &key, NULL))
    g_assert_true (g_hash_table_contains (merged_history, key));

  {
    FdHistoryFilter changes = { FD_HISTORY_CHANGES, 0, 0, NULL };
    FdHistoryCursor cursor = FD_HISTORY_CURSOR_INIT;

    history = fd_store_list_history_page (store, fixture->survivor_id, &changes, &cursor, 1, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpstr (fd_history_entry_get_kind (history->pdata[0]), ==, "change");
  g_assert_cmpstr (fd_history_entry_get_title (history->pdata[0]), ==, "Duplicate record merged in");
  g_assert_nonnull (strstr (fd_history_entry_get_detail (history->pdata[0]), "Ђорђе Ђорђевић"));
  g_assert_nonnull (strstr (fd_history_entry_get_detail (history->pdata[0]), "Phone"));

  merged = fd_store_get_customer (store, fixture->survivor_id, &error);
  g_assert_cmpstr (fd_customer_get_phone (merged), ==, "+381 11 123 4567");
  g_assert_cmpstr (fd_customer_get_email (merged), ==, "djordje@primer.rs");
  duplicate = fd_store_get_customer (store, fixture->duplicate_id, &error);
  g_assert_cmpint (fd_customer_get_archived_at (duplicate), !=, 0);
  g_assert_cmpuint (fd_store_count_customers (store), ==, 2);
  /* The duplicate leaves search; the survivor is found by the phone it took. */
  found = fd_store_search_customers (store, "0111234567", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (fd_customer_get_id (found->pdata[0]), ==, fixture->survivor_id);

  /* Undo restores every row exactly, and only once. */
  g_assert_true (fd_store_undo_merge (store, merge_id, &error));
  g_assert_no_error (error);
  after_undo = dump_all (store);
  assert_same_dumps (before, after_undo);
  g_assert_cmpint (count (store, "SELECT count (*) FROM customer_merges WHERE id = ?1 AND undone_at IS NOT NULL",
                          merge_id), ==, 1);

  g_assert_false (fd_store_undo_merge (store, merge_id, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_assert_cmpstr (fd_error_get_field (error), ==, "merge");
  g_clear_error (&error);
  g_assert_false (fd_store_undo_merge (store, merge_id + 100, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&after_undo, g_ptr_array_unref);
  after_undo = dump_all (store);
  assert_same_dumps (before, after_undo);

  g_signal_handlers_disconnect_by_data (store, &customers_changed);
  g_signal_handlers_disconnect_by_data (store, &claims_changed);
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(FdCustomer) bad = fd_customer_new ();
  g_autoptr(GError) error = NULL;
  gint64 merge_id = 0;

  g_assert_true (fd_store_archive_customer (store, fixture->bystander_id, &error));
  before = dump_all (store);

  g_assert_false (fd_store_merge_customers (store, fixture->survivor_id, fixture->survivor_id, NULL, &merge_id, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_assert_cmpstr (fd_error_get_field (error), ==, "duplicate");
  g_clear_error (&error);

  g_assert_false (fd_store_merge_customers (store, fixture->survivor_id, 999, NULL, &merge_id, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_assert_cmpstr (fd_error_get_field (error), ==, "duplicate");
  g_clear_error (&error);

  g_assert_false (fd_store_merge_customers (store, 999, fixture->duplicate_id, NULL, &merge_id, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "survivor");
  g_clear_error (&error);

  g_assert_false (fd_store_merge_customers (store, fixture->survivor_id, fixture->bystander_id, NULL, &merge_id, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_assert_cmpstr (fd_error_get_field (error), ==, "duplicate");
  g_clear_error (&error);

  g_assert_false (fd_store_merge_customers (store, fixture->bystander_id, fixture->duplicate_id, NULL, &merge_id, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "survivor");
  g_clear_error (&error);

  /* Invalid surviving values (no name at all) are refused before anything is written. */
  g_assert_false (fd_store_merge_customers (store, fixture->survivor_id, fixture->duplicate_id, bad, &merge_id, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (merge_id, ==, 0);
  after = dump_all (store);
  assert_same_dumps (before, after);
  g_assert_cmpint (count (store, "SELECT count (*) FROM customer_merges WHERE ?1 = ?1", 0), ==, 0);
}

/* Undoing a merge the window no longer remembers still works after later merges. */
static void
test_merge_chain (Fixture       *fixture,
                  gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(GPtrArray) before = dump_all (store);
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first = 0, second = 0;

  g_assert_true (fd_store_merge_customers (store, fixture->survivor_id, fixture->duplicate_id, NULL, &first, &error));
  g_assert_true (fd_store_merge_customers (store, fixture->bystander_id, fixture->survivor_id, NULL, &second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT count (*) FROM visits WHERE customer_id = ?1", fixture->bystander_id), ==, 6);
  g_assert_true (fd_store_undo_merge (store, second, &error));
  g_assert_true (fd_store_undo_merge (store, first, &error));
  g_assert_no_error (error);
  after = dump_all (store);
  assert_same_dumps (before, after);
}

static GPtrArray *
all_pages (FdStore               *store,
           gint64                 customer_id,
           const FdHistoryFilter *filter,
           guint                  size)
{
  GPtrArray *all = g_ptr_array_new_with_free_func (g_object_unref);
  FdHistoryCursor cursor = FD_HISTORY_CURSOR_INIT;
  guint pages = 0;

  while (!cursor.end)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) page = fd_store_list_history_page (store, customer_id, filter, &cursor, size, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (page->len, <=, size);
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (all, g_object_ref (page->pdata[i]));
      g_assert_cmpuint (++pages, <, 1000);
    }
  return all;
}

static void
test_history_pages (Fixture       *fixture,
                    gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  FdHistoryFilter filter = FD_HISTORY_FILTER_INIT;
  FdHistoryCursor cursor = FD_HISTORY_CURSOR_INIT;
  g_autoptr(GPtrArray) everything = NULL;
  g_autoptr(GPtrArray) paged = NULL;
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_now_local ();
  g_autoptr(GDateTime) week_ago = g_date_time_add_days (today, -7);
  gint64 id = fixture->survivor_id;

  /* Many entries on the same second: the cursor's kind and id break the ties. */
  for (int i = 0; i < 40; i++)
    add_visit (fixture, id, now_s () - 86400 * 100);
  exec (store, "UPDATE customer_events SET at = (SELECT min (arrived_at) FROM visits)");

  everything = fd_store_list_history (store, id, 1000, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (everything->len, >, 50);
  for (guint size = 1; size <= 13; size += 4)
    {
      g_clear_pointer (&paged, g_ptr_array_unref);
      paged = all_pages (store, id, NULL, size);
      g_assert_cmpuint (paged->len, ==, everything->len);
      for (guint i = 0; i < paged->len; i++)
        {
          g_assert_cmpstr (fd_history_entry_get_kind (paged->pdata[i]), ==, fd_history_entry_get_kind (everything->pdata[i]));
          g_assert_cmpint (fd_history_entry_get_id (paged->pdata[i]), ==, fd_history_entry_get_id (everything->pdata[i]));
        }
    }
  for (guint i = 1; i < everything->len; i++)
    g_assert_cmpint (fd_history_entry_get_at (everything->pdata[i - 1]), >=, fd_history_entry_get_at (everything->pdata[i]));

  /* Visits carry technique, outcome and ratings; claims their status. */
  filter.kinds = FD_HISTORY_VISITS;
  visits = all_pages (store, id, &filter, 10);
  g_assert_cmpuint (visits->len, ==, 42);
  for (guint i = 0; i < visits->len; i++)
    {
      g_assert_cmpstr (fd_history_entry_get_kind (visits->pdata[i]), ==, "visit");
      g_assert_cmpstr (fd_history_entry_get_detail (visits->pdata[i]), ==, "Empathy, Resolved, rated 5/5 solved, 4/5 staff");
    }
  filter.kinds = FD_HISTORY_CLAIMS | FD_HISTORY_RENEWALS;
  g_clear_pointer (&found, g_ptr_array_unref);
  found = all_pages (store, id, &filter, 10);
  g_assert_cmpuint (found->len, ==, 2);
  g_assert_cmpstr (fd_history_entry_get_kind (found->pdata[0]), ==, "renewal");
  g_assert_cmpstr (fd_history_entry_get_kind (found->pdata[1]), ==, "claim");
  g_assert_true (g_str_has_prefix (fd_history_entry_get_detail (found->pdata[1]), "New, "));

  /* Days: the last week holds one visit, the claim and its two letters. */
  filter.kinds = FD_HISTORY_VISITS | FD_HISTORY_CLAIMS | FD_HISTORY_CORRESPONDENCE;
  filter.from_day = g_date_time_get_year (week_ago) * 10000 + g_date_time_get_month (week_ago) * 100
                    + g_date_time_get_day_of_month (week_ago);
  filter.to_day = g_date_time_get_year (today) * 10000 + g_date_time_get_month (today) * 100
                  + g_date_time_get_day_of_month (today);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = all_pages (store, id, &filter, 2);
  g_assert_cmpuint (found->len, ==, 4);

  /* Words, folded: any case, script or accents, in title or detail. */
  filter = (FdHistoryFilter) FD_HISTORY_FILTER_INIT;
  filter.search = "RE: METER";
  g_clear_pointer (&found, g_ptr_array_unref);
  found = all_pages (store, id, &filter, 5);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (fd_history_entry_get_kind (found->pdata[0]), ==, "correspondence");
  filter.search = "boiler";
  g_clear_pointer (&found, g_ptr_array_unref);
  found = all_pages (store, id, &filter, 5);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpstr (fd_history_entry_get_kind (found->pdata[0]), ==, "renewal");
  filter.search = "nothing like this";
  g_clear_pointer (&found, g_ptr_array_unref);
  found = all_pages (store, id, &filter, 5);
  g_assert_cmpuint (found->len, ==, 0);
  filter.search = "rénewal due";
  g_clear_pointer (&found, g_ptr_array_unref);
  found = all_pages (store, id, &filter, 5);
  g_assert_cmpuint (found->len, ==, 1);
  filter.search = "empathy";
  g_clear_pointer (&found, g_ptr_array_unref);
  found = all_pages (store, id, &filter, 7);
  g_assert_cmpuint (found->len, ==, 42);

  /* Bad days are refused, naming the field. */
  filter = (FdHistoryFilter) FD_HISTORY_FILTER_INIT;
  filter.from_day = 20261340;
  page = fd_store_list_history_page (store, id, &filter, &cursor, 10, &error);
  g_assert_null (page);
  g_assert_cmpstr (fd_error_get_field (error), ==, "from");
  g_clear_error (&error);
  filter.from_day = 20261124;
  filter.to_day = 20261123;
  page = fd_store_list_history_page (store, id, &filter, &cursor, 10, &error);
  g_assert_null (page);
  g_assert_cmpstr (fd_error_get_field (error), ==, "to");
  g_clear_error (&error);
}

static gint64
local (int year, int month, int day, int hour)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, 0, 0);
  return g_date_time_to_unix (dt);
}

static void
insert_visit (FdStore *store,
              gint64   branch_id,
              gint64   customer_id,
              int      number,
              gint64   at,
              int      solved,
              int      staff)
{
  sqlite3 *db = fd_database_get_handle (_fd_store_get_database (store));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db,
    "INSERT INTO visits (branch_id, customer_id, day, number, ticket, purpose, queue_rank, state,"
    " arrived_at, weekday, hour, rating_solved, rating_staff)"
    " VALUES (?1, ?2, 20200101, ?3, 'A-' || ?3, 'information', 1, 'finished', ?4, 1, 9,"
    " nullif (?5, 0), nullif (?6, 0))", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_int64 (stmt, 1, branch_id);
  sqlite3_bind_int64 (stmt, 2, customer_id);
  sqlite3_bind_int (stmt, 3, number);
  sqlite3_bind_int64 (stmt, 4, at);
  sqlite3_bind_int (stmt, 5, solved);
  sqlite3_bind_int (stmt, 6, staff);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
}

static void
test_summary (Fixture       *fixture,
              gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdCustomerSummary) summary = NULL;
  g_autoptr(FdCustomerSummary) copy = NULL;
  g_autoptr(GError) error = NULL;
  gint64 now = local (2026, 11, 23, 12), id;
  g_autofree char *sql = NULL;

  fd_customer_set_given_name (draft, "Anna");
  fd_customer_set_family_name (draft, "Bērziņa");
  fd_customer_set_birth_year (draft, 1980);
  fd_customer_set_language (draft, "lv");
  fd_customer_set_channel (draft, FD_CHANNEL_EMAIL);
  customer = fd_store_add_customer (store, draft, &error);
  g_assert_no_error (error);
  id = fd_customer_get_id (customer);

  /* Three visits in the last 12 months (two rated), one before: averages over all rated. */
  insert_visit (store, fixture->branch_id, id, 901, local (2026, 11, 20, 10), 5, 4);
  insert_visit (store, fixture->branch_id, id, 902, local (2026, 3, 2, 10), 3, 2);
  insert_visit (store, fixture->branch_id, id, 903, local (2026, 1, 5, 10), 0, 0);
  insert_visit (store, fixture->branch_id, id, 904, local (2025, 10, 1, 10), 1, 3);
  /* A visit after @now does not count in the last 12 months. */
  insert_visit (store, fixture->branch_id, id, 905, local (2026, 12, 1, 10), 0, 0);
  sql = g_strdup_printf ("UPDATE customers SET created_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                         local (2026, 1, 1, 0), id);
  exec (store, sql);

  /* Claims: two in the last 12 months (one resolved), one older and still open. */
  for (int i = 0; i < 3; i++)
    {
      FdClaimDraft claim_draft = { fixture->branch_id, id, FD_CLAIM_KIND_COMPLAINT, "letter",
                                   "slow_response", FD_CLAIM_PRIORITY_NORMAL, "Meter", 0, 0 };
      g_autoptr(FdClaim) claim = fd_store_open_claim (store, &claim_draft, &error);
      g_autofree char *update = NULL;

      g_assert_no_error (error);
      update = g_strdup_printf ("UPDATE claims SET received_at = %" G_GINT64_FORMAT "%s WHERE id = %" G_GINT64_FORMAT,
                                i == 0 ? local (2026, 6, 1, 9) : i == 1 ? local (2026, 2, 1, 9) : local (2024, 5, 1, 9),
                                i == 1 ? ", resolved_at = received_at + 86400" : "", fd_claim_get_id (claim));
      exec (store, update);
    }
  /* Follow-ups: the claims' own (acknowledge, resolve: 2 × 2 open; none for the resolved
   * one after the update above, which bypassed the workflow), and one done. */
  exec (store, "UPDATE followups SET state = 'done' WHERE id = (SELECT max (id) FROM followups)");

  summary = fd_store_get_customer_summary (store, id, now, &error);
  g_assert_no_error (error);
  g_assert_cmpint (summary->customer_since, ==, local (2024, 5, 1, 9));  /* the old claim */
  g_assert_cmpuint (summary->visits_last_year, ==, 3);
  g_assert_cmpuint (summary->claims_last_year, ==, 2);
  g_assert_cmpuint (summary->open_claims, ==, 2);
  g_assert_cmpuint (summary->open_followups,
                    ==, (guint) count (store, "SELECT count (*) FROM followups WHERE customer_id = ?1 AND state = 'open'", id));
  g_assert_cmpuint (summary->open_followups, >, 0);
  g_assert_cmpuint (summary->rated_visits, ==, 3);
  g_assert_cmpfloat_with_epsilon (summary->avg_rating_solved, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (summary->avg_rating_staff, 3.0, 1e-9);
  g_assert_cmpint (summary->channel, ==, FD_CHANNEL_EMAIL);
  g_assert_cmpstr (summary->language, ==, "lv");
  g_assert_cmpstr (summary->age_group, ==, "45_54");

  copy = fd_customer_summary_copy (summary);
  g_assert_cmpstr (copy->language, ==, "lv");

  g_assert_cmpstr (fd_customer_age_group (0, 2026), ==, "unknown");
  g_assert_cmpstr (fd_customer_age_group (2002, 2026), ==, "under_25");
  g_assert_cmpstr (fd_customer_age_group (2001, 2026), ==, "25_34");
  g_assert_cmpstr (fd_customer_age_group (1961, 2026), ==, "65_plus");
  g_assert_cmpstr (fd_customer_age_group (1962, 2026), ==, "55_64");

  g_assert_null (fd_store_get_customer_summary (store, 4242, now, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/fd/merge/moves-everything-and-undoes", Fixture, NULL, set_up, test_merge_and_undo, tear_down);
  g_test_add ("/fd/merge/refusals-write-nothing", Fixture, NULL, set_up, test_refusals, tear_down);
  g_test_add ("/fd/merge/chain", Fixture, NULL, set_up, test_merge_chain, tear_down);
  g_test_add ("/fd/history/pages-filters-search", Fixture, NULL, set_up, test_history_pages, tear_down);
  g_test_add ("/fd/history/summary", Fixture, NULL, set_up, test_summary, tear_down);

  return g_test_run ();
}
