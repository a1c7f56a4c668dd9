/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "fd-customer-list.h"
#include "fd-demo.h"
#include "fd-fold.h"
#include "fd-test-util.h"

/* Search is checked against a brute-force oracle over every customer: exact word matches
 * first, then prefix matches, each in name order (folded family, given, id); then, for a
 * single word of three letters or more, e-mail prefixes not listed yet. */

typedef struct
{
  gint64  id;
  char   *sort_key;
  char  **words;
  char   *email_key;
} Known;

static GArray *known;   /* Known, every active customer */

static void
known_clear (Known *k)
{
  g_free (k->sort_key);
  g_strfreev (k->words);
  g_free (k->email_key);
}

static void
load_known (FdStore *store)
{
  gint64 n = fd_store_count_customers (store);

  known = g_array_new (FALSE, TRUE, sizeof (Known));
  g_array_set_clear_func (known, (GDestroyNotify) known_clear);
  for (gint64 id = 1; known->len < n; id++)
    {
      g_autoptr(FdCustomer) c = fd_store_get_customer (store, id, NULL);
      g_autofree char *names = NULL;
      g_autofree char *family = NULL;
      g_autofree char *given = NULL;
      Known k = { 0 };

      g_assert_nonnull (c);
      if (fd_customer_get_archived_at (c) != 0)
        continue;
      names = g_strjoin (" ", fd_customer_get_given_name (c) ?: "", fd_customer_get_family_name (c) ?: "", NULL);
      family = fd_fold (fd_customer_get_family_name (c));
      given = fd_fold (fd_customer_get_given_name (c));
      k.id = id;
      k.sort_key = g_strconcat (family, "\x01", given, NULL);
      k.words = fd_fold_words (names);
      k.email_key = fd_customer_get_email (c) ? fd_fold (fd_customer_get_email (c)) : NULL;
      g_array_append_val (known, k);
    }
}

static gboolean
has_word (char       **words,
          const char  *token,
          gboolean     whole)
{
  for (guint i = 0; words[i]; i++)
    if (whole ? g_str_equal (words[i], token) : g_str_has_prefix (words[i], token))
      return TRUE;
  return FALSE;
}

static int
compare_by_name (gconstpointer a,
                 gconstpointer b)
{
  const Known *x = *(Known * const *) a, *y = *(Known * const *) b;
  int c = strcmp (x->sort_key, y->sort_key);

  return c ? c : (x->id > y->id) - (x->id < y->id);
}

static int
compare_by_email (gconstpointer a,
                  gconstpointer b)
{
  const Known *x = *(Known * const *) a, *y = *(Known * const *) b;
  int c = strcmp (x->email_key, y->email_key);

  return c ? c : (x->id > y->id) - (x->id < y->id);
}

/* The ids the oracle expects for a name query, in order. */
static GArray *
expected_ids (const char *query)
{
  g_auto(GStrv) tokens = fd_fold_words (query);
  g_autofree char *trimmed = g_strstrip (g_strdup (query));
  g_autofree char *email = fd_fold (trimmed);
  g_autoptr(GPtrArray) exact = g_ptr_array_new ();
  g_autoptr(GPtrArray) prefix = g_ptr_array_new ();
  g_autoptr(GPtrArray) mail = g_ptr_array_new ();
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n_tokens = g_strv_length (tokens);

  for (guint i = 0; i < known->len && n_tokens > 0; i++)
    {
      Known *k = &g_array_index (known, Known, i);
      gboolean all_exact = TRUE, all_prefix = TRUE;

      for (guint t = 0; t < n_tokens; t++)
        {
          all_exact &= has_word (k->words, tokens[t], TRUE);
          all_prefix &= has_word (k->words, tokens[t], FALSE);
        }
      if (all_exact)
        g_ptr_array_add (exact, k);
      else if (all_prefix)
        g_ptr_array_add (prefix, k);
      else if (n_tokens == 1 && strlen (tokens[0]) >= 3 && k->email_key &&
               g_str_has_prefix (k->email_key, email))
        g_ptr_array_add (mail, k);
    }

  g_ptr_array_sort (exact, compare_by_name);
  g_ptr_array_sort (prefix, compare_by_name);
  g_ptr_array_sort (mail, compare_by_email);
  for (guint i = 0; i < exact->len; i++)
    g_array_append_val (ids, ((Known *) exact->pdata[i])->id);
  for (guint i = 0; i < prefix->len; i++)
    g_array_append_val (ids, ((Known *) prefix->pdata[i])->id);
  for (guint i = 0; i < mail->len; i++)
    g_array_append_val (ids, ((Known *) mail->pdata[i])->id);
  return ids;
}

static void
assert_search_matches_oracle (FdStore    *store,
                              const char *query)
{
  g_autoptr(GArray) expected = expected_ids (query);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  found = fd_store_search_customers (store, query, 100000, &error);
  g_assert_no_error (error);

  if (found->len != expected->len)
    g_error ("“%s”: %u results, the oracle expects %u", query, found->len, expected->len);
  for (guint i = 0; i < found->len; i++)
    if (fd_customer_get_id (found->pdata[i]) != g_array_index (expected, gint64, i))
      g_error ("“%s”: result %u is customer %" G_GINT64_FORMAT ", the oracle expects %" G_GINT64_FORMAT,
               query, i, fd_customer_get_id (found->pdata[i]), g_array_index (expected, gint64, i));
}

static FdStore *store;
static char *dir;

static void
test_search_oracle_fixed (void)
{
  static const char * const queries[] = {
    "j", "ja", "jan", "jans", "jansen", "p", "pe", "bē", "berz", "ђ", "ђор", "djordj", "Đorđević",
    "Ђорђевић", "de", "de jong", "jong de", "jan de", "jan de vries", "de v", "van den b", "van d",
    "ana jov", "Милица Ј", "kalniņa ilze", "o'brien", "o b", "a b c", "jan smith", "smith", "zz",
    "x", "IJzer", "ijzerman", "zoe", "Zoë", "muller", "  jan   ", "JAN", "Jan-Jansen",
  };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    assert_search_matches_oracle (store, queries[i]);
}

/* Random queries built from real names: prefixes of one to three of a customer's words,
 * in any order, in either script — matches are guaranteed, the order is the oracle's. */
static void
test_search_oracle_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);

  for (guint round = 0; round < 150; round++)
    {
      Known *k = &g_array_index (known, Known, g_rand_int_range (rand, 0, known->len));
      guint n_words = g_strv_length (k->words);
      guint n_tokens = g_rand_int_range (rand, 1, MIN (n_words, 3) + 1);
      g_autoptr(GString) query = g_string_new (NULL);

      for (guint t = 0; t < n_tokens; t++)
        {
          const char *word = k->words[(t + round) % n_words];
          guint len = g_rand_int_range (rand, 1, strlen (word) + 1);

          g_string_append_len (query, word, len);
          g_string_append_c (query, ' ');
        }
      assert_search_matches_oracle (store, query->str);
    }
}

static void
test_search_email_and_phone (void)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  found = fd_store_search_customers (store, "Djordje.Djordjevic@PRIMER", 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, >=, 1);
  for (guint i = 0; i < found->len; i++)
    g_assert_true (g_str_has_prefix (fd_customer_get_email (found->pdata[i]), "djordje.djordjevic@primer"));
  g_clear_pointer (&found, g_ptr_array_unref);

  /* The same number, however it is written. */
  for (guint q = 0; q < 4; q++)
    {
      static const char * const forms[] = { "+381 64 555 0101", "00381645550101", "064/555-0101", "064 555 010" };

      found = fd_store_search_customers (store, forms[q], 10, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (found->len, ==, 1);
      g_assert_cmpstr (fd_customer_get_family_name (found->pdata[0]), ==, "Тестић");
      g_clear_pointer (&found, g_ptr_array_unref);
    }

  found = fd_store_search_customers (store, "", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = fd_store_search_customers (store, "!!! ???", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);
}

static void
on_ready_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  *(gboolean *) user_data = TRUE;
}

/* The model pages a search in budgeted steps; all of them together are the oracle's list. */
static void
test_list_search_pages (void)
{
  g_autoptr(FdCustomerList) list = fd_customer_list_new (store);
  g_autoptr(GArray) expected = expected_ids ("j");
  guint n;

  fd_customer_list_set_query (list, "j");
  /* Ask for items near the end until the model has them all, as a scrolling view does. */
  for (guint spins = 0; spins < 100000; spins++)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      if (n == expected->len)
        break;
      if (n > 0)
        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), n - 1));
      g_main_context_iteration (NULL, FALSE);
    }

  g_assert_cmpuint (n, ==, expected->len);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(FdCustomer) c = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpint (fd_customer_get_id (c), ==, g_array_index (expected, gint64, i));
    }
}

static guint changes;
static guint last_removed, last_added;

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  changes++;
  last_removed = removed;
  last_added = added;
}

/* Browsing: every position, in name order, from keyset pages; one items-changed per edit. */
static void
test_list_browse (void)
{
  g_autoptr(FdCustomerList) list = fd_customer_list_new (store);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new ();
  gboolean ready = FALSE;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));

  g_assert_cmpuint (n, ==, known->len);
  g_signal_connect (list, "notify::ready", G_CALLBACK (on_ready_cb), &ready);
  while (!ready)
    g_main_context_iteration (NULL, TRUE);

  for (guint i = 0; i < known->len; i++)
    g_ptr_array_add (sorted, &g_array_index (known, Known, i));
  g_ptr_array_sort (sorted, compare_by_name);

  /* Backwards, so that every page is reached by a seek from the position index. */
  for (guint i = n; i-- > 0; )
    {
      g_autoptr(FdCustomer) c = g_list_model_get_item (G_LIST_MODEL (list), i);
      g_assert_cmpint (fd_customer_get_id (c), ==, ((Known *) sorted->pdata[i])->id);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), n));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), NULL);
  g_assert_true (fd_store_archive_customer (store, ((Known *) sorted->pdata[5])->id, NULL));
  g_assert_cmpuint (changes, ==, 1);
  g_assert_cmpuint (last_removed, ==, n);
  g_assert_cmpuint (last_added, ==, n - 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, n - 1);
  {
    g_autoptr(FdCustomer) c = g_list_model_get_item (G_LIST_MODEL (list), 5);
    g_assert_cmpint (fd_customer_get_id (c), ==, ((Known *) sorted->pdata[6])->id);
  }
  g_assert_true (fd_store_restore_customer (store, ((Known *) sorted->pdata[5])->id, NULL));
  g_assert_cmpuint (changes, ==, 2);
  g_signal_handlers_disconnect_by_func (list, on_items_changed_cb, NULL);
}

/* Every name-order page is a seek on customers_by_name, never a scan or a sort. */
static void
test_query_plans (void)
{
  static const char * const plans[][2] = {
    { "SELECT id FROM customers WHERE archived_at IS NULL AND (sort_key, id) >= (?1, ?2) ORDER BY sort_key, id LIMIT ?3",
      "customers_by_name" },
    { "SELECT sort_key, customer_id, words FROM customer_words WHERE word = ?1"
      " AND (sort_key, customer_id) > (?2, ?3) ORDER BY sort_key, customer_id LIMIT ?4", "PRIMARY KEY" },
    { "SELECT id FROM customers WHERE archived_at IS NULL AND email_key >= ?1 AND email_key < ?2"
      " AND (email_key, id) > (?3, ?4) ORDER BY email_key, id LIMIT ?5", "customers_by_email" },
    { "SELECT id FROM customers WHERE archived_at IS NULL AND phone_key >= ?1 AND phone_key < ?2"
      " AND (phone_key, id) > (?3, ?4) ORDER BY phone_key, id LIMIT ?5", "customers_by_phone" },
  };
  g_autofree char *path = g_build_filename (dir, "search.db", NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (plans); i++)
    {
      g_autofree char *sql = g_strconcat ("EXPLAIN QUERY PLAN ", plans[i][0], NULL);
      g_autoptr(GString) plan = g_string_new (NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_string_append_printf (plan, "%s\n", sqlite3_column_text (stmt, 3));
      sqlite3_finalize (stmt);

      g_test_message ("%s\n→ %s", plans[i][0], plan->str);
      g_assert_nonnull (strstr (plan->str, plans[i][1]));
      g_assert_null (strstr (plan->str, "TEMP B-TREE"));
      g_assert_null (strstr (plan->str, "SCAN"));
    }
  sqlite3_close (db);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  g_test_init (&argc, &argv, NULL);

  dir = g_dir_make_tmp ("fd-search-XXXXXX", NULL);
  path = g_build_filename (dir, "search.db", NULL);
  store = fd_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (fd_demo_generate (store, 3000, 5, &error));
  g_object_unref (add_customer (store, "Đorđe", "Đorđević", "djordje.djordjevic@primer.rs", NULL));
  g_object_unref (add_customer (store, "Ђорђе", "Ђорђевић", "djordje.djordjevic2@primer.rs", NULL));
  g_object_unref (add_customer (store, "Jānis", "Bērziņš", NULL, NULL));
  g_object_unref (add_customer (store, "Zoë", "IJzerman-Müller", NULL, NULL));
  g_object_unref (add_customer (store, "Тест", "Тестић", NULL, "+381 64 555 0101"));
  load_known (store);

  g_test_add_func ("/fd/search/oracle-fixed", test_search_oracle_fixed);
  g_test_add_func ("/fd/search/oracle-random", test_search_oracle_random);
  g_test_add_func ("/fd/search/email-and-phone", test_search_email_and_phone);
  g_test_add_func ("/fd/customer-list/search-pages", test_list_search_pages);
  g_test_add_func ("/fd/customer-list/browse", test_list_browse);
  g_test_add_func ("/fd/customer-list/query-plans", test_query_plans);
  status = g_test_run ();

  g_clear_pointer (&known, g_array_unref);
  /* Position-index workers still hold the store until their results come back. */
  for (guint i = 0; i < 500 && G_OBJECT (store)->ref_count > 1; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (10000);
    }
  g_assert_finalize_object (store);
  remove_tree (dir);
  g_free (dir);
  return status;
}
