/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gstdio.h>

#include "fd-store.h"

/* A fresh database in a temporary folder, removed with the fixture. */
typedef struct
{
  char    *dir;
  char    *path;
  FdStore *store;
} StoreFixture;

static inline void
store_fixture_set_up (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("fd-test-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->path = g_build_filename (fixture->dir, "test.db", NULL);
  fixture->store = fd_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->store);
}

static inline void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d && (name = g_dir_read_name (d)))
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static inline void
store_fixture_tear_down (StoreFixture  *fixture,
                         gconstpointer  data)
{
  if (fixture->store != NULL)
    g_assert_finalize_object (fixture->store);
  remove_tree (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

static inline FdCustomer *
add_customer (FdStore    *store,
              const char *given,
              const char *family,
              const char *email,
              const char *phone)
{
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(GError) error = NULL;
  FdCustomer *saved;

  fd_customer_set_given_name (draft, given);
  fd_customer_set_family_name (draft, family);
  fd_customer_set_email (draft, email);
  fd_customer_set_phone (draft, phone);
  saved = fd_store_add_customer (store, draft, &error);
  g_assert_no_error (error);
  g_assert_nonnull (saved);
  return saved;
}
