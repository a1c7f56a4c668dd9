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
  GObject       parent_instance;

  FdDatabase   *db;

  /* Changes by other processes: a monitor on the WAL file wakes us, data_version says
   * whether another connection really committed. */
  GFileMonitor *wal_monitor;
  gint64        data_version;
  guint         check_source;

  /* Service-time quantiles per (branch, weekday, hour), for wait estimates. */
  GHashTable   *service_times;

  /* Who is working, for claims' history and letters. */
  gint64        current_staff;
};

enum {
  CUSTOMERS_CHANGED,
  VISITS_CHANGED,
  BRANCHES_CHANGED,
  CLAIMS_CHANGED,
  FOLLOWUPS_CHANGED,
  CORRUPT,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdStore, fd_store, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

static void
fd_store_finalize (GObject *object)
{
  FdStore *self = FD_STORE (object);

  g_clear_handle_id (&self->check_source, g_source_remove);
  if (self->wal_monitor)
    g_file_monitor_cancel (self->wal_monitor);
  g_clear_object (&self->wal_monitor);
  g_clear_pointer (&self->service_times, g_hash_table_unref);
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
   * FdStore::visits-changed:
   *
   * Emitted after any change to the queue or to a visit, here or (with fd_store_watch())
   * in another process.
   */
  signals[VISITS_CHANGED] =
    g_signal_new ("visits-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * FdStore::branches-changed:
   *
   * Emitted after a change to branches, desks, staff, purposes or questionnaires.
   */
  signals[BRANCHES_CHANGED] =
    g_signal_new ("branches-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * FdStore::claims-changed:
   *
   * Emitted after any change to a claim or its correspondence, here or (with
   * fd_store_watch()) in another process.
   */
  signals[CLAIMS_CHANGED] =
    g_signal_new ("claims-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * FdStore::followups-changed:
   *
   * Emitted after any change to follow-ups or services, here or (with fd_store_watch())
   * in another process.
   */
  signals[FOLLOWUPS_CHANGED] =
    g_signal_new ("followups-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
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
  self->service_times = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
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

void
_fd_store_emit_visits_changed (FdStore *self)
{
  g_signal_emit (self, signals[VISITS_CHANGED], 0);
}

void
_fd_store_emit_branches_changed (FdStore *self)
{
  g_signal_emit (self, signals[BRANCHES_CHANGED], 0);
}

void
_fd_store_emit_claims_changed (FdStore *self)
{
  g_signal_emit (self, signals[CLAIMS_CHANGED], 0);
}

void
_fd_store_emit_followups_changed (FdStore *self)
{
  g_signal_emit (self, signals[FOLLOWUPS_CHANGED], 0);
}

void
fd_store_set_current_staff (FdStore *self,
                            gint64   staff_id)
{
  g_return_if_fail (FD_IS_STORE (self));
  self->current_staff = staff_id;
}

gint64
fd_store_get_current_staff (FdStore *self)
{
  g_return_val_if_fail (FD_IS_STORE (self), 0);
  return self->current_staff;
}

/**
 * fd_store_dup_staff_name:
 *
 * Returns: (transfer full) (nullable): the staff member's name
 */
char *
fd_store_dup_staff_name (FdStore *self,
                         gint64   staff_id)
{
  sqlite3_stmt *stmt;
  char *name = NULL;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (staff_id <= 0 ||
      !(stmt = fd_database_prepare (self->db, "SELECT name FROM staff WHERE id = ?1", NULL)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, staff_id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    name = g_strdup (fd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  return name;
}

/* Codes and labels from @sql (code, label — NULL: @default_label's), in the statement's
 * order: purposes, claim categories. */
gboolean
_fd_store_list_labelled_codes (FdStore      *self,
                               const char   *sql,
                               const char *(*default_label) (const char *code),
                               GStrv        *codes,
                               GStrv        *labels,
                               GError      **error)
{
  g_autoptr(GStrvBuilder) code_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) label_builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = fd_database_prepare (self->db, sql, error)))
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *code = fd_column_text (stmt, 0);
      const char *label = fd_column_text (stmt, 1);

      g_strv_builder_add (code_builder, code);
      g_strv_builder_add (label_builder, label ? label : default_label (code));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (self->db, rc, error);
      return FALSE;
    }
  if (codes)
    *codes = g_strv_builder_end (code_builder);
  if (labels)
    *labels = g_strv_builder_end (label_builder);
  return TRUE;
}

/* Who acts, as history records it: the current staff member, else the system user. */
char *
_fd_store_dup_actor (FdStore *self)
{
  char *name = fd_store_dup_staff_name (self, self->current_staff);
  const char *real;

  if (name != NULL)
    return name;
  real = g_get_real_name ();
  return g_strdup (real && *real && !g_str_equal (real, "Unknown") ? real : g_get_user_name ());
}

GHashTable *
_fd_store_get_service_times (FdStore *self)
{
  return self->service_times;
}

static gint64
read_data_version (FdStore *self)
{
  sqlite3_stmt *stmt = fd_database_prepare (self->db, "PRAGMA data_version", NULL);
  gint64 version = 0;

  if (stmt && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  if (stmt)
    sqlite3_reset (stmt);
  return version;
}

/* data_version changes only when another connection commits: our own writes already
 * emitted their signals. */
static gboolean
check_data_version_cb (gpointer user_data)
{
  FdStore *self = user_data;
  gint64 version = read_data_version (self);

  self->check_source = 0;
  if (version != self->data_version)
    {
      self->data_version = version;
      g_hash_table_remove_all (self->service_times);
      g_signal_emit (self, signals[BRANCHES_CHANGED], 0);
      g_signal_emit (self, signals[CUSTOMERS_CHANGED], 0);
      g_signal_emit (self, signals[VISITS_CHANGED], 0);
      g_signal_emit (self, signals[CLAIMS_CHANGED], 0);
      g_signal_emit (self, signals[FOLLOWUPS_CHANGED], 0);
    }
  return G_SOURCE_REMOVE;
}

static void
on_wal_monitor_changed_cb (FdStore           *self,
                           GFile             *file,
                           GFile             *other_file,
                           GFileMonitorEvent  event,
                           GFileMonitor      *monitor)
{
  if (self->check_source == 0)
    self->check_source = g_timeout_add (50, check_data_version_cb, self);
}

/**
 * fd_store_watch:
 *
 * Notices commits by other processes on this database (another Frontdesk, the board, the
 * CLI) and re-emits the change signals, within a second. Uses a file monitor on the
 * write-ahead log, so it costs nothing while nothing happens.
 */
void
fd_store_watch (FdStore *self)
{
  g_autofree char *wal_path = NULL;
  g_autoptr(GFile) wal = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FD_IS_STORE (self));

  if (self->wal_monitor != NULL)
    return;

  self->data_version = read_data_version (self);
  wal_path = g_strconcat (fd_store_get_path (self), "-wal", NULL);
  wal = g_file_new_for_path (wal_path);
  self->wal_monitor = g_file_monitor_file (wal, G_FILE_MONITOR_NONE, NULL, &error);
  if (self->wal_monitor == NULL)
    {
      g_warning ("Cannot watch %s for changes by other programs: %s", wal_path, error->message);
      return;
    }
  g_file_monitor_set_rate_limit (self->wal_monitor, 100);
  g_signal_connect_object (self->wal_monitor, "changed",
                           G_CALLBACK (on_wal_monitor_changed_cb), self, G_CONNECT_SWAPPED);
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
