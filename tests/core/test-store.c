/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "fd-database.h"
#include "fd-error.h"
#include <string.h>

#include "fd-demo.h"
#include "fd-test-util.h"

static gint64
count_rows (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n = -1;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return n;
}

static void
test_open_creates_schema (StoreFixture  *fixture,
                          gconstpointer  data)
{
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA user_version"), ==, fd_database_latest_version ());
  g_assert_cmpint (count_rows (fixture->path, "PRAGMA application_id"), ==, FD_DATABASE_APPLICATION_ID);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM sqlite_schema WHERE name = 'customers'"), ==, 1);
  g_assert_cmpuint (fd_store_count_customers (fixture->store), ==, 0);
}

static void
test_reopen_keeps_data (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(FdCustomer) saved = add_customer (fixture->store, "Anna", "de Vries", NULL, NULL);
  g_autoptr(FdStore) again = NULL;
  g_autoptr(FdCustomer) read = NULL;
  g_autoptr(GError) error = NULL;

  again = fd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  read = fd_store_get_customer (again, fd_customer_get_id (saved), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_customer_get_family_name (read), ==, "de Vries");
  g_assert_cmpuint (fd_store_count_customers (again), ==, 1);
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* The file must be refused with @code, and be byte for byte what it was. */
static void
assert_refused (const char *path,
                FdError     code)
{
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gsize len_before, len_after;

  g_file_get_contents (path, &before, &len_before, NULL);
  store = fd_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, FD_ERROR, (int) code);
  g_assert_nonnull (error->message);
  g_file_get_contents (path, &after, &len_after, NULL);
  g_assert_cmpmem (before, len_before, after, len_after);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_refuse_text_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fd-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "notes.txt", NULL);

  write_file (path, "Dear customer,\nthis is not a database at all, just a letter.\n", -1);
  assert_refused (path, FD_ERROR_NOT_A_DATABASE);
  remove_tree (dir);
}

static void
make_foreign_db (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_refuse_other_database (void)
{
  g_autofree char *dir = g_dir_make_tmp ("fd-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "other.db", NULL);

  make_foreign_db (path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('x');");
  assert_refused (path, FD_ERROR_NOT_A_DATABASE);
  remove_tree (dir);
}

static void
test_refuse_newer (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d", fd_database_latest_version () + 1);

  g_clear_object (&fixture->store);
  make_foreign_db (fixture->path, "PRAGMA journal_mode = DELETE");
  make_foreign_db (fixture->path, sql);
  assert_refused (fixture->path, FD_ERROR_TOO_NEW);
}

static void
test_refuse_corrupt (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autofree char *contents = NULL;
  gsize length, page;

  for (guint i = 0; i < 200; i++)
    g_object_unref (add_customer (fixture->store, "Jan", "Jansen", NULL, NULL));
  g_clear_object (&fixture->store);
  make_foreign_db (fixture->path, "PRAGMA journal_mode = DELETE");

  /* Scribble over the second page, a b-tree page of the schema's tables. The page size
   * is in the header, big-endian at offset 16. */
  g_file_get_contents (fixture->path, &contents, &length, NULL);
  page = ((guchar) contents[16] << 8) | (guchar) contents[17];
  g_assert_cmpuint (length, >, 3 * page);
  memset (contents + page, 0x5a, page);
  write_file (fixture->path, contents, length);

  assert_refused (fixture->path, FD_ERROR_CORRUPT);
}

static void
assert_invalid (FdStore    *store,
                FdCustomer *draft,
                const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(FdCustomer) saved = NULL;
  guint before = fd_store_count_customers (store);

  saved = fd_store_add_customer (store, draft, &error);
  g_assert_null (saved);
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_assert_cmpstr (fd_error_get_field (error), ==, field);
  g_assert_cmpuint (fd_store_count_customers (store), ==, before);
}

static void
test_validation (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(FdCustomer) saved = NULL;

  assert_invalid (fixture->store, draft, "family_name");

  fd_customer_set_given_name (draft, "Jan");
  fd_customer_set_family_name (draft, "Jansen");
  fd_customer_set_email (draft, "not-an-email");
  assert_invalid (fixture->store, draft, "email");
  fd_customer_set_email (draft, "jan@example");
  assert_invalid (fixture->store, draft, "email");
  fd_customer_set_email (draft, "jan.jansen@example.nl");

  fd_customer_set_phone (draft, "call me");
  assert_invalid (fixture->store, draft, "phone");
  fd_customer_set_phone (draft, "12");
  assert_invalid (fixture->store, draft, "phone");
  fd_customer_set_phone (draft, "+31 (6) 1234-5678");

  fd_customer_set_language (draft, "de");
  assert_invalid (fixture->store, draft, "language");
  fd_customer_set_language (draft, "sr@latin");

  fd_customer_set_birth_year (draft, 1800);
  assert_invalid (fixture->store, draft, "birth_year");
  fd_customer_set_birth_year (draft, 1961);

  fd_customer_set_kind (draft, FD_CUSTOMER_KIND_ORGANISATION);
  fd_customer_set_family_name (draft, "   ");
  assert_invalid (fixture->store, draft, "family_name");
  fd_customer_set_family_name (draft, "Jansen B.V.");

  saved = fd_store_add_customer (fixture->store, draft, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (fd_customer_get_id (saved), >, 0);
  g_assert_cmpstr (fd_customer_get_email (saved), ==, "jan.jansen@example.nl");
  g_assert_cmpstr (fd_customer_get_language (saved), ==, "sr@latin");
  g_assert_cmpint (fd_customer_get_birth_year (saved), ==, 1961);
  g_assert_cmpint (fd_customer_get_created_at (saved), >, 0);
}

static void
test_update_and_history (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(FdCustomer) saved = add_customer (fixture->store, "Jānis", "Bērziņš", NULL, NULL);
  g_autoptr(FdCustomer) draft = fd_customer_copy (saved);
  g_autoptr(FdCustomer) updated = NULL;
  g_autoptr(FdCustomer) bad = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;

  fd_customer_set_family_name (draft, "Kalniņš");
  fd_customer_set_email (draft, "janis@piemers.lv");
  updated = fd_store_update_customer (fixture->store, draft, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (fd_customer_get_family_name (updated), ==, "Kalniņš");

  /* Search follows the new name, not the old one. */
  found = fd_store_search_customers (fixture->store, "kalnins", 10, &error);
  g_assert_cmpuint (found->len, ==, 1);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = fd_store_search_customers (fixture->store, "berzins", 10, &error);
  g_assert_cmpuint (found->len, ==, 0);

  /* A failed update changes nothing. */
  fd_customer_set_email (draft, "broken");
  bad = fd_store_update_customer (fixture->store, draft, &error);
  g_assert_null (bad);
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&updated);
  updated = fd_store_get_customer (fixture->store, fd_customer_get_id (saved), NULL);
  g_assert_cmpstr (fd_customer_get_email (updated), ==, "janis@piemers.lv");

  history = fd_store_list_history (fixture->store, fd_customer_get_id (saved), 50, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (fd_history_entry_get_kind (history->pdata[0]), ==, "change");
  g_assert_nonnull (strstr (fd_history_entry_get_detail (history->pdata[0]), "E-mail"));
  g_assert_cmpstr (fd_history_entry_get_title (history->pdata[1]), ==, "Record created");
}

static void
test_archive_restore (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(FdCustomer) saved = add_customer (fixture->store, "Đorđe", "Đorđević", "djordje@primer.rs", "+381 64 123 4567");
  gint64 id = fd_customer_get_id (saved);
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(FdCustomer) archived = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_store_archive_customer (fixture->store, id, &error));
  g_assert_cmpuint (fd_store_count_customers (fixture->store), ==, 0);
  found = fd_store_search_customers (fixture->store, "djordj", 10, NULL);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  found = fd_store_search_customers (fixture->store, "064 123", 10, NULL);
  g_assert_cmpuint (found->len, ==, 0);
  g_clear_pointer (&found, g_ptr_array_unref);
  archived = fd_store_get_customer (fixture->store, id, NULL);
  g_assert_cmpint (fd_customer_get_archived_at (archived), >, 0);

  g_assert_true (fd_store_restore_customer (fixture->store, id, &error));
  g_assert_cmpuint (fd_store_count_customers (fixture->store), ==, 1);
  found = fd_store_search_customers (fixture->store, "Ђорђ", 10, NULL);
  g_assert_cmpuint (found->len, ==, 1);

  g_assert_false (fd_store_archive_customer (fixture->store, 999999, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_NOT_FOUND);
}

static void
test_duplicates (StoreFixture  *fixture,
                 gconstpointer  data)
{
  g_autoptr(FdCustomer) a = add_customer (fixture->store, "Милица", "Јовановић", NULL, NULL);
  g_autoptr(FdCustomer) b = add_customer (fixture->store, "Anna", "Smit", "anna.smit@example.nl", NULL);
  g_autoptr(FdCustomer) c = add_customer (fixture->store, "Piet", "Smit", NULL, "+31 6 1234 5678");
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(GPtrArray) found = NULL;

  fd_customer_set_given_name (draft, "Milica");
  fd_customer_set_family_name (draft, "Jovanović");
  found = fd_store_find_duplicates (fixture->store, draft, 10, NULL);
  g_assert_cmpuint (found->len, ==, 1);
  g_assert_cmpint (fd_customer_get_id (found->pdata[0]), ==, fd_customer_get_id (a));
  g_clear_pointer (&found, g_ptr_array_unref);

  fd_customer_set_given_name (draft, "A.");
  fd_customer_set_family_name (draft, "Smit");
  fd_customer_set_email (draft, "Anna.Smit@Example.nl");
  fd_customer_set_phone (draft, "06-12345678");
  found = fd_store_find_duplicates (fixture->store, draft, 10, NULL);
  g_assert_cmpuint (found->len, ==, 2);
}

static void
test_bulk_is_atomic (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_demo_generate (fixture->store, 300, 9, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (fd_store_count_customers (fixture->store), ==, 300);
  g_assert_cmpint (count_rows (fixture->path, "SELECT count(*) FROM customers"), ==, 300);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, StoreFixture, NULL, store_fixture_set_up, fn, store_fixture_tear_down)
  ADD ("/fd/store/open-creates-schema", test_open_creates_schema);
  ADD ("/fd/store/reopen", test_reopen_keeps_data);
  ADD ("/fd/store/refuse-newer", test_refuse_newer);
  ADD ("/fd/store/refuse-corrupt", test_refuse_corrupt);
  ADD ("/fd/store/validation", test_validation);
  ADD ("/fd/store/update-and-history", test_update_and_history);
  ADD ("/fd/store/archive-restore", test_archive_restore);
  ADD ("/fd/store/duplicates", test_duplicates);
  ADD ("/fd/store/bulk", test_bulk_is_atomic);
  g_test_add_func ("/fd/store/refuse-text-file", test_refuse_text_file);
  g_test_add_func ("/fd/store/refuse-other-database", test_refuse_other_database);
  return g_test_run ();
}
