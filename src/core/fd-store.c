/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>

#include "fd-error.h"
#include "fd-store-private.h"

struct _FdStore
{
  GObject     parent_instance;

  FdDatabase *db;
};

enum {
  CUSTOMERS_CHANGED,
  CORRUPT,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdStore, fd_store, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

static void
fd_store_finalize (GObject *object)
{
  FdStore *self = FD_STORE (object);

  g_clear_object (&self->db);

  G_OBJECT_CLASS (fd_store_parent_class)->finalize (object);
}

static void
fd_store_class_init (FdStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_store_finalize;

  /**
   * FdStore::customers-changed:
   *
   * Emitted after any write to customers, so lists recount and reload.
   */
  signals[CUSTOMERS_CHANGED] =
    g_signal_new ("customers-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * FdStore::corrupt:
   * @error: what the background check found
   *
   * The background integrity check found damage: stop writing and tell the user.
   */
  signals[CORRUPT] =
    g_signal_new ("corrupt", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
fd_store_init (FdStore *self)
{
}

/**
 * fd_store_default_path:
 *
 * Returns: (transfer full): $FRONTDESK_DB, or the database in the user data folder
 */
char *
fd_store_default_path (void)
{
  const char *env = g_getenv ("FRONTDESK_DB");

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  return g_build_filename (g_get_user_data_dir (), "frontdesk", "frontdesk.db", NULL);
}

/**
 * fd_store_open:
 * @path: the database file; created with its folder when missing
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
FdStore *
fd_store_open (const char  *path,
               GError     **error)
{
  g_autoptr(FdStore) self = NULL;
  g_autofree char *dir = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  if (*path == '\0')
    {
      g_set_error (error, FD_ERROR, FD_ERROR_FAILED, _("No database file was given."));
      return NULL;
    }

  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, FD_ERROR, FD_ERROR_FAILED,
                   /* Translators: %s is a folder, %s the system's reason */
                   _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  self = g_object_new (FD_TYPE_STORE, NULL);
  if (!(self->db = fd_database_open (path, error)))
    return NULL;

  return g_steal_pointer (&self);
}

const char *
fd_store_get_path (FdStore *self)
{
  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  return fd_database_get_path (self->db);
}

FdDatabase *
_fd_store_get_database (FdStore *self)
{
  return self->db;
}

void
_fd_store_emit_changed (FdStore *self)
{
  g_signal_emit (self, signals[CUSTOMERS_CHANGED], 0);
}

static void
prewarm_worker (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  g_autoptr(FdDatabase) reader = NULL;
  g_autoptr(GError) error = NULL;

  /* quick_check reads every page: it warms the OS cache and finds damage at once. */
  if (!(reader = fd_database_open_reader (task_data, &error)) ||
      !fd_database_check_integrity (reader, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
prewarm_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  FdStore *self = FD_STORE (object);
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, FD_ERROR, FD_ERROR_CORRUPT))
    g_signal_emit (self, signals[CORRUPT], 0, error);
  else if (error != NULL)
    g_debug ("Prewarm: %s", error->message);
}

/**
 * fd_store_prewarm_async:
 *
 * Reads the database once on a worker thread, checking its integrity: later queries are
 * warm, and a damaged file is reported through #FdStore::corrupt.
 */
void
fd_store_prewarm_async (FdStore *self)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (FD_IS_STORE (self));

  task = g_task_new (self, NULL, prewarm_cb, NULL);
  g_task_set_source_tag (task, fd_store_prewarm_async);
  g_task_set_task_data (task, g_strdup (fd_store_get_path (self)), g_free);
  g_task_set_priority (task, G_PRIORITY_LOW);
  g_task_run_in_thread (task, prewarm_worker);
}
