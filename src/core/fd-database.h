/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The SQLite connection behind FdStore: opening, refusing foreign or newer files,
 * migrations, cached statements and transactions. Private to src/core. */

#define FD_TYPE_DATABASE (fd_database_get_type ())

G_DECLARE_FINAL_TYPE (FdDatabase, fd_database, FD, DATABASE, GObject)

#define FD_DATABASE_APPLICATION_ID 0x46444B31 /* "FDK1" */

typedef struct _FdTransaction FdTransaction;

FdDatabase    *fd_database_open          (const char    *path,
                                          GError       **error);
FdDatabase    *fd_database_open_reader   (const char    *path,
                                          GError       **error);
int            fd_database_latest_version (void);
const char    *fd_database_get_path      (FdDatabase    *self);
sqlite3       *fd_database_get_handle    (FdDatabase    *self);
sqlite3_stmt  *fd_database_prepare       (FdDatabase    *self,
                                          const char    *sql,
                                          GError       **error);
gboolean       fd_database_exec          (FdDatabase    *self,
                                          const char    *sql,
                                          GError       **error);
gboolean       fd_database_step_done     (FdDatabase    *self,
                                          sqlite3_stmt  *stmt,
                                          GError       **error);
/* After a loop of sqlite3_step() that ended with @rc: resets @stmt, and fails unless the
 * rows simply ran out. */
gboolean       fd_database_end_rows      (FdDatabase    *self,
                                          sqlite3_stmt  *stmt,
                                          int            rc,
                                          GError       **error);
void           fd_database_set_error     (FdDatabase    *self,
                                          int            rc,
                                          GError       **error);
gboolean       fd_database_check_integrity (FdDatabase  *self,
                                          GError       **error);
void           fd_database_set_trace     (FdDatabase    *self,
                                          GPtrArray     *sink);
gboolean       fd_database_begin_bulk    (FdDatabase    *self,
                                          gboolean       big,
                                          gboolean      *wal_off,
                                          GError       **error);
void           fd_database_end_bulk      (FdDatabase    *self,
                                          gboolean       wal_off);
GPtrArray     *fd_database_drop_indexes  (FdDatabase    *self,
                                          const char    *table,
                                          GError       **error);

FdTransaction *fd_transaction_begin      (FdDatabase    *db,
                                          GError       **error);
gboolean       fd_transaction_commit     (FdTransaction *self,
                                          GError       **error);
void           fd_transaction_free       (FdTransaction *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdTransaction, fd_transaction_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* Text column or NULL. */
static inline const char *
fd_column_text (sqlite3_stmt *stmt,
                int           column)
{
  return (const char *) sqlite3_column_text (stmt, column);
}

/* Binds a string, NULL as SQL NULL. The string must outlive the statement's step. */
static inline int
fd_bind_text (sqlite3_stmt *stmt,
              int           index,
              const char   *text)
{
  return text ? sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC)
              : sqlite3_bind_null (stmt, index);
}

G_END_DECLS
