/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdio.h>
#include <string.h>

#include "fd-error.h"
#include "fd-store-private.h"

/* Branches, desks, staff, visit purposes and questionnaires: what reception needs to know
 * about where it works. */

static char *
hours_to_text (FdBranch *branch)
{
  GString *text = g_string_new (NULL);

  for (int d = 1; d <= 7; d++)
    {
      int opens, closes;

      if (d > 1)
        g_string_append_c (text, ',');
      if (fd_branch_get_hours (branch, d, &opens, &closes))
        g_string_append_printf (text, "%d-%d", opens, closes);
      else
        g_string_append_c (text, '-');
    }
  return g_string_free (text, FALSE);
}

static void
hours_from_text (FdBranch   *branch,
                 const char *text)
{
  g_auto(GStrv) days = g_strsplit (text ? text : "", ",", 7);

  for (int d = 1; d <= 7 && days[d - 1]; d++)
    {
      int opens = -1, closes = -1;

      if (sscanf (days[d - 1], "%d-%d", &opens, &closes) != 2)
        opens = closes = -1;
      fd_branch_set_hours (branch, d, opens, closes);
    }
}

#define BRANCH_COLUMNS "id, name, country, address, phone, email, hours"

static FdBranch *
branch_from_row (sqlite3_stmt *stmt)
{
  FdBranch *branch = fd_branch_new ();

  fd_branch_set_id (branch, sqlite3_column_int64 (stmt, 0));
  fd_branch_set_name (branch, fd_column_text (stmt, 1));
  fd_branch_set_country (branch, fd_column_text (stmt, 2));
  fd_branch_set_address (branch, fd_column_text (stmt, 3));
  fd_branch_set_phone (branch, fd_column_text (stmt, 4));
  fd_branch_set_email (branch, fd_column_text (stmt, 5));
  hours_from_text (branch, fd_column_text (stmt, 6));
  return branch;
}

FdBranch *
fd_store_get_branch (FdStore  *self,
                     gint64    id,
                     GError  **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;
  FdBranch *branch = NULL;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "SELECT " BRANCH_COLUMNS " FROM branches WHERE id = ?1", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    branch = branch_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, FD_ERROR, FD_ERROR_NOT_FOUND,
                 /* Translators: %lld is a branch number */
                 _("There is no branch with number %lld."), (long long) id);
  else if (rc != SQLITE_ROW)
    fd_database_set_error (db, rc, error);
  return branch;
}

static FdBranch *
save_branch (FdStore   *self,
             FdBranch  *draft,
             gboolean   insert,
             GError   **error)
{
  FdDatabase *db = _fd_store_get_database (self);
  g_autoptr(FdTransaction) tx = NULL;
  g_autofree char *hours = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  if (!fd_branch_validate (draft, error))
    return NULL;

  hours = hours_to_text (draft);
  if (!(tx = fd_transaction_begin (db, error)) ||
      !(stmt = fd_database_prepare (db, insert
          ? "INSERT INTO branches (name, country, address, phone, email, hours, created_at)"
            " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"
          : "UPDATE branches SET name = ?1, country = ?2, address = ?3, phone = ?4, email = ?5,"
            " hours = ?6 WHERE id = ?8", error)))
    return NULL;

  fd_bind_text (stmt, 1, fd_branch_get_name (draft));
  fd_bind_text (stmt, 2, fd_branch_get_country (draft));
  fd_bind_text (stmt, 3, fd_branch_get_address (draft));
  fd_bind_text (stmt, 4, fd_branch_get_phone (draft));
  fd_bind_text (stmt, 5, fd_branch_get_email (draft));
  fd_bind_text (stmt, 6, hours);
  if (insert)
    sqlite3_bind_int64 (stmt, 7, g_get_real_time () / G_USEC_PER_SEC);
  else
    sqlite3_bind_int64 (stmt, 8, fd_branch_get_id (draft));
  if (!fd_database_step_done (db, stmt, error))
    return NULL;

  id = insert ? sqlite3_last_insert_rowid (fd_database_get_handle (db)) : fd_branch_get_id (draft);
  if (!insert && sqlite3_changes (fd_database_get_handle (db)) == 0)
    return fd_store_get_branch (self, id, error);   /* NOT_FOUND */
  if (!fd_transaction_commit (tx, error))
    return NULL;

  _fd_store_emit_branches_changed (self);
  return fd_store_get_branch (self, id, error);
}

/**
 * fd_store_add_branch:
 *
 * Returns: (transfer full): the saved branch, or %NULL with @error set
 */
FdBranch *
fd_store_add_branch (FdStore   *self,
                     FdBranch  *draft,
                     GError   **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (FD_IS_BRANCH (draft), NULL);
  return save_branch (self, draft, TRUE, error);
}

FdBranch *
fd_store_update_branch (FdStore   *self,
                        FdBranch  *draft,
                        GError   **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), NULL);
  g_return_val_if_fail (FD_IS_BRANCH (draft), NULL);
  return save_branch (self, draft, FALSE, error);
}

GPtrArray *
fd_store_list_branches (FdStore  *self,
                        GError  **error)
{
  FdDatabase *db;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "SELECT " BRANCH_COLUMNS " FROM branches ORDER BY name, id", error)))
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, branch_from_row (stmt));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gint64
fd_store_get_current_branch (FdStore *self)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;
  gint64 id = 0;

  g_return_val_if_fail (FD_IS_STORE (self), 0);

  /* The remembered branch if it still exists, else the only one there is. */
  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT coalesce ("
          "  (SELECT b.id FROM app_state s JOIN branches b ON b.id = s.value WHERE s.key = 'branch'),"
          "  (SELECT CASE WHEN count(*) = 1 THEN max(id) END FROM branches))", NULL)))
    return 0;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

gboolean
fd_store_set_current_branch (FdStore  *self,
                             gint64    branch_id,
                             GError  **error)
{
  FdDatabase *db;
  g_autoptr(FdBranch) branch = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  db = _fd_store_get_database (self);
  if (!(branch = fd_store_get_branch (self, branch_id, error)) ||
      !(stmt = fd_database_prepare (db,
          "INSERT INTO app_state (key, value) VALUES ('branch', ?1)"
          " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  if (!fd_database_step_done (db, stmt, error))
    return FALSE;

  _fd_store_emit_branches_changed (self);
  return TRUE;
}

/**
 * fd_store_add_desk:
 *
 * Returns: (transfer full): the new desk, or %NULL with @error set
 */
FdDesk *
fd_store_add_desk (FdStore     *self,
                   gint64       branch_id,
                   const char  *name,
                   GError     **error)
{
  FdDatabase *db;
  g_autoptr(FdBranch) branch = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  if (*clean == '\0' || !g_utf8_validate (clean, -1, NULL))
    {
      fd_set_invalid (error, "name", _("Enter the name of the desk."));
      return NULL;
    }
  if (!(branch = fd_store_get_branch (self, branch_id, error)))
    return NULL;

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "INSERT INTO desks (branch_id, name) VALUES (?1, ?2)", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  fd_bind_text (stmt, 2, clean);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      /* Translators: %s is the name of a desk */
      fd_set_invalid (error, "name", _("This branch already has a desk called “%s”."), clean);
      return NULL;
    }
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }

  _fd_store_emit_branches_changed (self);
  return fd_desk_new (sqlite3_last_insert_rowid (fd_database_get_handle (db)), branch_id, clean);
}

GPtrArray *
fd_store_list_desks (FdStore  *self,
                     gint64    branch_id,
                     GError  **error)
{
  FdDatabase *db;
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT id, branch_id, name FROM desks WHERE branch_id = ?1 ORDER BY name, id", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, fd_desk_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                                       fd_column_text (stmt, 2)));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_steal_pointer (&out);
}

gint64
fd_store_add_staff (FdStore     *self,
                    gint64       branch_id,
                    const char  *name,
                    const char  *role,
                    GError     **error)
{
  static const char * const roles[] = { "receptionist", "branch_staff", "manager", NULL };
  FdDatabase *db;
  g_autoptr(FdBranch) branch = NULL;
  g_autofree char *clean = g_strstrip (g_strdup (name ? name : ""));
  sqlite3_stmt *stmt;

  g_return_val_if_fail (FD_IS_STORE (self), 0);

  if (*clean == '\0' || !g_utf8_validate (clean, -1, NULL))
    {
      fd_set_invalid (error, "name", _("Enter the staff member’s name."));
      return 0;
    }
  if (role == NULL || !g_strv_contains (roles, role))
    {
      fd_set_invalid (error, "role", _("The role is receptionist, branch_staff or manager."));
      return 0;
    }
  if (!(branch = fd_store_get_branch (self, branch_id, error)))
    return 0;

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db, "INSERT INTO staff (branch_id, name, role) VALUES (?1, ?2, ?3)", error)))
    return 0;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  fd_bind_text (stmt, 2, clean);
  fd_bind_text (stmt, 3, role);
  if (!fd_database_step_done (db, stmt, error))
    return 0;

  _fd_store_emit_branches_changed (self);
  return sqlite3_last_insert_rowid (fd_database_get_handle (db));
}

/**
 * fd_store_list_staff:
 * @ids: (out) (transfer full) (element-type gint64): the staff members' ids
 * @names: (out) (transfer full): their names, in the same order
 * @roles: (out) (transfer full): their role codes
 */
gboolean
fd_store_list_staff (FdStore  *self,
                     gint64    branch_id,
                     GArray  **ids,
                     GStrv    *names,
                     GStrv    *roles,
                     GError  **error)
{
  FdDatabase *db;
  g_autoptr(GArray) id_array = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GStrvBuilder) name_builder = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) role_builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT id, name, role FROM staff WHERE branch_id = ?1 ORDER BY name, id", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (id_array, id);
      g_strv_builder_add (name_builder, fd_column_text (stmt, 1));
      g_strv_builder_add (role_builder, fd_column_text (stmt, 2));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }

  if (ids)
    *ids = g_steal_pointer (&id_array);
  if (names)
    *names = g_strv_builder_end (name_builder);
  if (roles)
    *roles = g_strv_builder_end (role_builder);
  return TRUE;
}

const char *
_fd_purpose_default_label (const char *code)
{
  if (g_strcmp0 (code, "information") == 0)       return C_("purpose", "Information");
  if (g_strcmp0 (code, "purchase") == 0)          return C_("purpose", "Purchase");
  if (g_strcmp0 (code, "technical_service") == 0) return C_("purpose", "Technical service");
  if (g_strcmp0 (code, "claim") == 0)             return C_("purpose", "Claim");
  if (g_strcmp0 (code, "renewal") == 0)           return C_("purpose", "Renewal");
  if (g_strcmp0 (code, "other") == 0)             return C_("purpose", "Other");
  return code;
}

/**
 * fd_store_list_purposes:
 * @codes: (out) (transfer full): the purposes' codes, in order
 * @labels: (out) (transfer full): their labels, in the same order
 */
gboolean
fd_store_list_purposes (FdStore  *self,
                        GStrv    *codes,
                        GStrv    *labels,
                        GError  **error)
{
  g_return_val_if_fail (FD_IS_STORE (self), FALSE);
  return _fd_store_list_labelled_codes (self, "SELECT code, label FROM purposes ORDER BY position, code",
                                        _fd_purpose_default_label, codes, labels, error);
}

gboolean
fd_store_add_purpose (FdStore     *self,
                      const char  *code,
                      const char  *label,
                      GError     **error)
{
  FdDatabase *db;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  if (code == NULL || *code == '\0' || strspn (code, "abcdefghijklmnopqrstuvwxyz_") != strlen (code))
    {
      fd_set_invalid (error, "code", _("A purpose code is made of lower-case letters and underscores."));
      return FALSE;
    }
  if (label == NULL || *label == '\0' || !g_utf8_validate (label, -1, NULL))
    {
      fd_set_invalid (error, "label", _("Enter a label for the purpose."));
      return FALSE;
    }

  /* New purposes take the next free ticket letter after the built-in A–F. */
  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "INSERT INTO purposes (code, label, letter, position)"
          " SELECT ?1, ?2, char (unicode ('A') + count(*) % 26), count(*) + 1 FROM purposes", error)))
    return FALSE;
  fd_bind_text (stmt, 1, code);
  fd_bind_text (stmt, 2, label);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    {
      /* Translators: %s is a purpose code */
      fd_set_invalid (error, "code", _("There is already a purpose “%s”."), code);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return FALSE;
    }
  _fd_store_emit_branches_changed (self);
  return TRUE;
}

GStrv
fd_store_get_questions (FdStore  *self,
                        gint64    branch_id,
                        GError  **error)
{
  FdDatabase *db;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (FD_IS_STORE (self), NULL);

  db = _fd_store_get_database (self);
  if (!(stmt = fd_database_prepare (db,
          "SELECT text FROM questions WHERE branch_id = ?1 ORDER BY position", error)))
    return NULL;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, fd_column_text (stmt, 0));
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (db, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/* Replaces the questionnaire in one transaction. */
gboolean
fd_store_set_questions (FdStore             *self,
                        gint64               branch_id,
                        const char * const  *questions,
                        GError             **error)
{
  FdDatabase *db;
  g_autoptr(FdTransaction) tx = NULL;
  g_autoptr(FdBranch) branch = NULL;
  sqlite3_stmt *stmt;
  guint position = 0;

  g_return_val_if_fail (FD_IS_STORE (self), FALSE);

  for (guint i = 0; questions && questions[i]; i++)
    if (!g_utf8_validate (questions[i], -1, NULL) || questions[i][strspn (questions[i], " \t\n")] == '\0')
      {
        /* Translators: %u is the number of a question in a list */
        fd_set_invalid (error, "questions", _("Question %u is empty."), i + 1);
        return FALSE;
      }

  db = _fd_store_get_database (self);
  if (!(branch = fd_store_get_branch (self, branch_id, error)) ||
      !(tx = fd_transaction_begin (db, error)) ||
      !(stmt = fd_database_prepare (db, "DELETE FROM questions WHERE branch_id = ?1", error)))
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, branch_id);
  if (!fd_database_step_done (db, stmt, error))
    return FALSE;

  for (guint i = 0; questions && questions[i]; i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (questions[i]));

      if (!(stmt = fd_database_prepare (db,
              "INSERT INTO questions (branch_id, position, text) VALUES (?1, ?2, ?3)", error)))
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, branch_id);
      sqlite3_bind_int (stmt, 2, ++position);
      fd_bind_text (stmt, 3, text);
      if (!fd_database_step_done (db, stmt, error))
        return FALSE;
    }

  if (!fd_transaction_commit (tx, error))
    return FALSE;
  _fd_store_emit_branches_changed (self);
  return TRUE;
}
