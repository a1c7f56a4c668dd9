/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-database"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "fd-database.h"
#include "fd-fold.h"
#include "fd-error.h"

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

struct _FdDatabase
{
  GObject     parent_instance;

  sqlite3    *db;
  char       *path;
  GHashTable *statements;   /* SQL literal (by address) → sqlite3_stmt */
  GPtrArray  *trace;        /* borrowed; expanded SQL of each statement run, for the bench */
};

struct _FdTransaction
{
  FdDatabase *db;
  gboolean    committed;
};

G_DEFINE_FINAL_TYPE (FdDatabase, fd_database, G_TYPE_OBJECT)

/* Small databases are checked page by page when opened; big ones in the background
 * (fd_store_prewarm_async), which reads the whole file anyway. */
#define QUICK_CHECK_MAX_BYTES (32 * 1024 * 1024)

/* Each migration runs in its own transaction and sets user_version to its index + 1. */
static const char * const migrations[] = {
  /* 1: customers, their name words for search, their change history, counters. */
  "CREATE TABLE customers ("
  "  id           INTEGER PRIMARY KEY,"
  "  kind         TEXT NOT NULL DEFAULT 'person'"
  "                 CHECK (kind IN ('person', 'organisation', 'internal')),"
  "  given_name   TEXT,"
  "  family_name  TEXT,"
  "  email        TEXT,"
  "  phone        TEXT,"
  "  address      TEXT,"
  "  language     TEXT,"
  "  channel      TEXT,"
  "  birth_year   INTEGER,"
  "  notes        TEXT,"
  "  created_at   INTEGER NOT NULL,"
  "  updated_at   INTEGER NOT NULL,"
  "  archived_at  INTEGER,"
  /* Folded keys kept by core: name order, and exact-match columns for search. */
  "  sort_key     TEXT NOT NULL,"
  "  email_key    TEXT,"
  "  phone_key    TEXT"
  ");"
  "CREATE INDEX customers_by_name ON customers (sort_key, id) WHERE archived_at IS NULL;"
  "CREATE INDEX customers_by_email ON customers (email_key) WHERE archived_at IS NULL AND email_key IS NOT NULL;"
  "CREATE INDEX customers_by_phone ON customers (phone_key) WHERE archived_at IS NULL AND phone_key IS NOT NULL;"
  /* One row per folded name word of each active customer; sort_key lets a word's
   * customers come out in name order straight from the index. */
  "CREATE TABLE customer_words ("
  "  word        TEXT NOT NULL,"
  "  sort_key    TEXT NOT NULL,"
  "  customer_id INTEGER NOT NULL,"
  "  words       TEXT NOT NULL,"  /* all the customer's words, " w1 w2 ": filters need no row fetch */
  "  PRIMARY KEY (word, sort_key, customer_id)"
  ") WITHOUT ROWID;"
  /* How many entries each word has in customer_words: search picks the rarest token of
   * a query to walk, and knows when a whole-word match is impossible. */
  "CREATE TABLE word_counts ("
  "  word TEXT PRIMARY KEY,"
  "  n    INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "CREATE TABLE customer_events ("
  "  id          INTEGER PRIMARY KEY,"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id) ON DELETE CASCADE,"
  "  at          INTEGER NOT NULL,"
  "  kind        TEXT NOT NULL,"
  "  fields      TEXT"
  ");"
  "CREATE INDEX customer_events_by_customer ON customer_events (customer_id, at);"
  "CREATE TABLE counters ("
  "  name  TEXT PRIMARY KEY,"
  "  value INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO counters (name, value) VALUES ('customers', 0);",

  /* 2: reception — branches, desks, staff, visit purposes, questionnaires, visits. */
  "CREATE TABLE branches ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL,"
  "  country     TEXT NOT NULL,"
  "  address     TEXT,"
  "  phone       TEXT,"
  "  email       TEXT,"
  "  hours       TEXT NOT NULL,"  /* Monday first: "540-1020,…,-" in minutes, "-" closed */
  "  created_at  INTEGER NOT NULL"
  ");"
  "CREATE TABLE desks ("
  "  id          INTEGER PRIMARY KEY,"
  "  branch_id   INTEGER NOT NULL REFERENCES branches (id),"
  "  name        TEXT NOT NULL,"
  "  UNIQUE (branch_id, name)"
  ");"
  "CREATE TABLE staff ("
  "  id          INTEGER PRIMARY KEY,"
  "  branch_id   INTEGER REFERENCES branches (id),"
  "  name        TEXT NOT NULL,"
  "  role        TEXT NOT NULL CHECK (role IN ('receptionist', 'branch_staff', 'manager'))"
  ");"
  /* A NULL label means the translated default of a built-in code. */
  "CREATE TABLE purposes ("
  "  code        TEXT PRIMARY KEY,"
  "  label       TEXT,"
  "  letter      TEXT NOT NULL,"    /* the ticket's letter: A-017 */
  "  position    INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO purposes (code, label, letter, position) VALUES"
  "  ('information', NULL, 'A', 1), ('purchase', NULL, 'B', 2),"
  "  ('technical_service', NULL, 'C', 3), ('claim', NULL, 'D', 4),"
  "  ('renewal', NULL, 'E', 5), ('other', NULL, 'F', 6);"
  "CREATE TABLE questions ("
  "  branch_id   INTEGER NOT NULL REFERENCES branches (id),"
  "  position    INTEGER NOT NULL,"
  "  text        TEXT NOT NULL,"
  "  PRIMARY KEY (branch_id, position)"
  ") WITHOUT ROWID;"
  "CREATE TABLE app_state ("
  "  key         TEXT PRIMARY KEY,"
  "  value"
  ") WITHOUT ROWID;"
  "CREATE TABLE visits ("
  "  id            INTEGER PRIMARY KEY,"
  "  branch_id     INTEGER NOT NULL REFERENCES branches (id),"
  "  customer_id   INTEGER REFERENCES customers (id),"
  "  day           INTEGER NOT NULL,"  /* local date of arrival, yyyymmdd */
  "  number        INTEGER NOT NULL,"  /* the ticket's number: per branch, per day */
  "  ticket        TEXT NOT NULL,"
  "  purpose       TEXT NOT NULL,"
  "  priority      TEXT,"
  "  queue_rank    INTEGER NOT NULL,"  /* 0 with a priority, 1 without: called first */
  "  state         TEXT NOT NULL"
  "                  CHECK (state IN ('waiting', 'called', 'finished', 'no_show', 'cancelled')),"
  "  arrived_at    INTEGER NOT NULL,"
  "  called_at     INTEGER,"
  "  announced_at  INTEGER,"           /* last call, recall or transfer: the board's order */
  "  finished_at   INTEGER,"
  "  desk_id       INTEGER REFERENCES desks (id),"
  "  staff_id      INTEGER REFERENCES staff (id),"
  "  weekday       INTEGER NOT NULL,"  /* local weekday (1 = Monday) and hour of arrival */
  "  hour          INTEGER NOT NULL,"
  "  technique     TEXT,"
  "  outcome       TEXT,"
  "  notes         TEXT,"
  "  rating_solved INTEGER CHECK (rating_solved BETWEEN 1 AND 5),"
  "  rating_staff  INTEGER CHECK (rating_staff BETWEEN 1 AND 5),"
  "  UNIQUE (branch_id, day, number)"
  ");"
  "CREATE INDEX visits_queue ON visits (branch_id, queue_rank, arrived_at, id) WHERE state = 'waiting';"
  "CREATE INDEX visits_serving ON visits (branch_id, announced_at) WHERE state = 'called';"
  "CREATE INDEX visits_by_customer ON visits (customer_id, arrived_at, id) WHERE customer_id IS NOT NULL;"
  "CREATE INDEX visits_service_times ON visits (branch_id, weekday, hour, finished_at, called_at)"
  "  WHERE state = 'finished';"
  "CREATE TABLE visit_answers ("
  "  visit_id    INTEGER NOT NULL REFERENCES visits (id),"
  "  position    INTEGER NOT NULL,"
  "  question    TEXT NOT NULL,"
  "  answer      TEXT,"
  "  PRIMARY KEY (visit_id, position)"
  ") WITHOUT ROWID;",

  /* 3: claims, their history, deadlines and the branch's own closed days. */
  "CREATE TABLE claim_categories ("
  "  code     TEXT PRIMARY KEY,"
  "  label    TEXT,"                  /* NULL: the translated default */
  "  position INTEGER NOT NULL"
  ") WITHOUT ROWID;"
  "INSERT INTO claim_categories (code, position) VALUES"
  "  ('poor_service', 1), ('treated_as_number', 2), ('not_right_first_time', 3),"
  "  ('bad_result', 4), ('concern_unresolved', 5), ('impolite', 6),"
  "  ('price_higher_than_agreed', 7), ('slow_response', 8), ('other', 9);"
  /* Working days to acknowledge and to resolve, per kind and priority: editable. */
  "CREATE TABLE claim_deadlines ("
  "  kind         TEXT NOT NULL,"
  "  priority     TEXT NOT NULL,"
  "  ack_days     INTEGER NOT NULL,"
  "  resolve_days INTEGER NOT NULL,"
  "  PRIMARY KEY (kind, priority)"
  ") WITHOUT ROWID;"
  "INSERT INTO claim_deadlines (kind, priority, ack_days, resolve_days)"
  "  SELECT k.kind, p.priority, p.ack, p.resolve FROM"
  "  (SELECT 'complaint' AS kind UNION ALL SELECT 'compliment' UNION ALL SELECT 'suggestion'"
  "   UNION ALL SELECT 'request') k,"
  "  (SELECT 'low' AS priority, 3 AS ack, 15 AS resolve UNION ALL SELECT 'normal', 2, 10"
  "   UNION ALL SELECT 'high', 1, 5) p;"
  "CREATE TABLE branch_closed_days ("
  "  branch_id INTEGER NOT NULL REFERENCES branches (id),"
  "  day       INTEGER NOT NULL,"     /* yyyymmdd */
  "  PRIMARY KEY (branch_id, day)"
  ") WITHOUT ROWID;"
  "CREATE TABLE claims ("
  "  id              INTEGER PRIMARY KEY,"
  "  reference       TEXT NOT NULL UNIQUE,"
  "  year            INTEGER NOT NULL,"
  "  number          INTEGER NOT NULL,"
  "  branch_id       INTEGER NOT NULL REFERENCES branches (id),"
  "  customer_id     INTEGER NOT NULL REFERENCES customers (id),"
  "  visit_id        INTEGER REFERENCES visits (id),"
  "  kind            TEXT NOT NULL CHECK (kind IN ('complaint', 'compliment', 'suggestion', 'request')),"
  "  channel         TEXT NOT NULL CHECK (channel IN ('in_person', 'phone', 'email', 'letter')),"
  "  category        TEXT NOT NULL REFERENCES claim_categories (code),"
  "  priority        TEXT NOT NULL CHECK (priority IN ('low', 'normal', 'high')),"
  "  status          TEXT NOT NULL,"
  "  summary         TEXT,"
  "  received_at     INTEGER NOT NULL,"
  "  ack_due_at      INTEGER NOT NULL,"
  "  due_at          INTEGER NOT NULL,"
  "  acknowledged_at INTEGER,"
  "  resolved_at     INTEGER,"
  "  closed_at       INTEGER,"
  "  problem         TEXT,"
  "  solution        TEXT,"
  "  benefit         TEXT,"
  "  updated_at      INTEGER NOT NULL,"
  "  UNIQUE (year, number)"
  ");"
  "CREATE INDEX claims_by_received ON claims (received_at, id);"
  "CREATE INDEX claims_by_status ON claims (status, received_at, id);"
  "CREATE INDEX claims_open_by_due ON claims (due_at) WHERE closed_at IS NULL;"
  "CREATE INDEX claims_by_customer ON claims (customer_id, received_at);"
  "CREATE TABLE claim_events ("
  "  id        INTEGER PRIMARY KEY,"
  "  claim_id  INTEGER NOT NULL REFERENCES claims (id),"
  "  at        INTEGER NOT NULL,"
  "  field     TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT,"
  "  comment   TEXT"
  ");"
  "CREATE INDEX claim_events_by_claim ON claim_events (claim_id, at, id);",

  /* 4: who handles a claim and who acted, correspondence with attachments, a branch's own
   * reply templates, and full-text search. claim_fts is contentless: its text is folded in
   * the application (fd_fold: scripts, diacritics, case), which unicode61 cannot do. A
   * document's rowid is claim_id * 4096 + position (0: the claim itself, else its
   * message's position), so a match names its claim without a lookup and rowid order is
   * claim order. */
  "ALTER TABLE claims ADD COLUMN assignee_id INTEGER REFERENCES staff (id);"
  "ALTER TABLE claims ADD COLUMN concerns TEXT;"
  "ALTER TABLE claims ADD COLUMN satisfaction INTEGER CHECK (satisfaction BETWEEN 1 AND 5);"
  "ALTER TABLE claim_events ADD COLUMN actor TEXT;"
  "DROP INDEX claims_open_by_due;"
  "CREATE INDEX claims_open_by_due ON claims (due_at, id)"
  "  WHERE resolved_at IS NULL AND closed_at IS NULL;"
  "CREATE INDEX claims_by_branch ON claims (branch_id, received_at, id);"
  "CREATE INDEX claims_by_assignee ON claims (assignee_id, received_at, id);"
  "CREATE TABLE claim_messages ("
  "  id          INTEGER PRIMARY KEY,"
  "  claim_id    INTEGER NOT NULL REFERENCES claims (id),"
  "  position    INTEGER NOT NULL CHECK (position BETWEEN 1 AND 4095),"
  "  direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),"
  "  channel     TEXT NOT NULL CHECK (channel IN ('in_person', 'phone', 'email', 'letter')),"
  "  at          INTEGER NOT NULL,"
  "  subject     TEXT,"
  "  body        TEXT NOT NULL,"
  "  language    TEXT,"
  "  template    TEXT,"
  "  author      TEXT,"
  "  UNIQUE (claim_id, position)"
  ");"
  "CREATE TABLE claim_attachments ("
  "  id           INTEGER PRIMARY KEY,"
  "  message_id   INTEGER NOT NULL REFERENCES claim_messages (id),"
  "  name         TEXT NOT NULL,"
  "  content_type TEXT,"
  "  size         INTEGER NOT NULL,"
  "  sha256       TEXT NOT NULL,"
  "  data         BLOB NOT NULL"
  ");"
  "CREATE INDEX claim_attachments_by_message ON claim_attachments (message_id, id);"
  "CREATE TABLE reply_templates ("
  "  code     TEXT NOT NULL,"
  "  language TEXT NOT NULL,"
  "  subject  TEXT,"
  "  body     TEXT NOT NULL,"
  "  PRIMARY KEY (code, language)"
  ") WITHOUT ROWID;"
  "CREATE VIRTUAL TABLE claim_fts USING fts5 (text, content = '', prefix = '2 3',"
  "  tokenize = 'unicode61 remove_diacritics 0');"
  "INSERT INTO claim_fts (rowid, text)"
  "  SELECT id * 4096, fd_fold (reference || ' ' || coalesce (summary, '') || ' ' || coalesce (problem, '')"
  "    || ' ' || coalesce (solution, '') || ' ' || coalesce (benefit, ''))"
  "  FROM claims;",

  /* 5: follow-ups, renewable services, and who has been told about which follow-up.
   * notify_at is when a pending follow-up is next announced: its due time, or the end of
   * a snooze; the partial index holds only pending ones, in that order. */
  "CREATE TABLE services ("
  "  id           INTEGER PRIMARY KEY,"
  "  customer_id  INTEGER NOT NULL REFERENCES customers (id),"
  "  name         TEXT NOT NULL,"
  "  rrule        TEXT NOT NULL,"
  "  next_renewal INTEGER NOT NULL,"
  "  lead_days    INTEGER NOT NULL,"
  "  created_at   INTEGER NOT NULL"
  ");"
  "CREATE INDEX services_by_customer ON services (customer_id, id);"
  "CREATE TABLE followups ("
  "  id          INTEGER PRIMARY KEY,"
  "  kind        TEXT NOT NULL CHECK (kind IN ('call_back', 'renewal_due', 'claim_due',"
  "                                           'satisfaction_survey', 'other')),"
  "  customer_id INTEGER NOT NULL REFERENCES customers (id),"
  "  claim_id    INTEGER REFERENCES claims (id),"
  "  visit_id    INTEGER REFERENCES visits (id),"
  "  service_id  INTEGER REFERENCES services (id),"
  "  source      TEXT,"
  "  due_at      INTEGER NOT NULL,"
  "  notify_at   INTEGER NOT NULL,"
  "  rrule       TEXT,"
  "  assignee_id INTEGER REFERENCES staff (id),"
  "  note        TEXT,"
  "  state       TEXT NOT NULL CHECK (state IN ('open', 'snoozed', 'done', 'cancelled')),"
  "  state_at    INTEGER NOT NULL,"
  "  state_by    TEXT,"
  "  created_at  INTEGER NOT NULL"
  ");"
  "CREATE INDEX followups_pending ON followups (notify_at, id) WHERE state IN ('open', 'snoozed');"
  "CREATE INDEX followups_pending_by_assignee ON followups (assignee_id, notify_at, id)"
  "  WHERE state IN ('open', 'snoozed');"
  "CREATE INDEX followups_by_due ON followups (due_at, id);"
  "CREATE INDEX followups_by_customer ON followups (customer_id, due_at);"
  "CREATE INDEX followups_by_claim ON followups (claim_id) WHERE claim_id IS NOT NULL;"
  "CREATE TABLE followup_notices ("
  "  followup_id INTEGER NOT NULL REFERENCES followups (id),"
  "  recipient   TEXT NOT NULL,"
  "  notify_at   INTEGER NOT NULL,"
  "  at          INTEGER NOT NULL,"
  "  PRIMARY KEY (followup_id, recipient, notify_at)"
  ") WITHOUT ROWID;",

  /* 6: the reports' day summaries and customer merges. Triggers only mark the branch
   * days a write touches (claims by their receipt time, turned into a local day in C);
   * the store recomputes those days from the base tables before a report reads them
   * (fd-store-report-days.c). A visit's later visits are marked too: their "previous
   * visit" and "first visit" change with it. */
  "CREATE TABLE report_days ("
  "  branch_id   INTEGER NOT NULL,"
  "  day         INTEGER NOT NULL,"
  "  weekday     INTEGER NOT NULL,"
  "  visits      INTEGER NOT NULL,"
  "  finished    INTEGER NOT NULL,"
  "  first_contact INTEGER NOT NULL,"
  "  claims      INTEGER NOT NULL,"
  "  hours       BLOB,"
  "  claim_data  BLOB,"
  "  visit_data  BLOB,"
  "  people_data BLOB,"
  "  PRIMARY KEY (branch_id, day)"
  ");"
  "CREATE INDEX report_days_by_day ON report_days (day, branch_id);"
  "CREATE TABLE report_dirty_days ("
  "  branch_id INTEGER NOT NULL,"
  "  day       INTEGER NOT NULL,"
  "  PRIMARY KEY (branch_id, day)"
  ") WITHOUT ROWID;"
  "CREATE TABLE report_dirty_claims ("
  "  branch_id INTEGER NOT NULL,"
  "  at        INTEGER NOT NULL,"
  "  PRIMARY KEY (branch_id, at)"
  ") WITHOUT ROWID;"
  "CREATE INDEX claims_by_visit ON claims (visit_id) WHERE visit_id IS NOT NULL;"
  "CREATE INDEX followups_by_visit ON followups (visit_id) WHERE visit_id IS NOT NULL;"
  "CREATE INDEX claims_open_by_branch ON claims (branch_id, received_at)"
  "  WHERE resolved_at IS NULL AND closed_at IS NULL;"
  "CREATE TRIGGER visits_report_insert AFTER INSERT ON visits BEGIN"
  "  INSERT OR IGNORE INTO report_dirty_days VALUES (NEW.branch_id, NEW.day);"
  "  INSERT OR IGNORE INTO report_dirty_days SELECT branch_id, day FROM visits"
  "    WHERE customer_id = NEW.customer_id AND arrived_at >= NEW.arrived_at;"
  "END;"
  "CREATE TRIGGER visits_report_update AFTER UPDATE ON visits BEGIN"
  "  INSERT OR IGNORE INTO report_dirty_days VALUES (OLD.branch_id, OLD.day), (NEW.branch_id, NEW.day);"
  "  INSERT OR IGNORE INTO report_dirty_days SELECT branch_id, day FROM visits"
  "    WHERE customer_id IN (OLD.customer_id, NEW.customer_id)"
  "      AND arrived_at >= min (OLD.arrived_at, NEW.arrived_at)"
  "      AND (OLD.customer_id IS NOT NEW.customer_id OR OLD.arrived_at <> NEW.arrived_at"
  "           OR OLD.branch_id <> NEW.branch_id OR OLD.state IS NOT NEW.state);"
  "END;"
  "CREATE TRIGGER visits_report_delete AFTER DELETE ON visits BEGIN"
  "  INSERT OR IGNORE INTO report_dirty_days VALUES (OLD.branch_id, OLD.day);"
  "  INSERT OR IGNORE INTO report_dirty_days SELECT branch_id, day FROM visits"
  "    WHERE customer_id = OLD.customer_id AND arrived_at >= OLD.arrived_at;"
  "END;"
  "CREATE TRIGGER claims_report_insert AFTER INSERT ON claims BEGIN"
  "  INSERT OR IGNORE INTO report_dirty_claims VALUES (NEW.branch_id, NEW.received_at);"
  "  INSERT OR IGNORE INTO report_dirty_days SELECT branch_id, day FROM visits WHERE id = NEW.visit_id;"
  "END;"
  "CREATE TRIGGER claims_report_update AFTER UPDATE OF branch_id, customer_id, visit_id, kind,"
  "  channel, category, received_at, due_at, acknowledged_at, resolved_at, closed_at, satisfaction"
  "  ON claims BEGIN"
  "  INSERT OR IGNORE INTO report_dirty_claims VALUES (OLD.branch_id, OLD.received_at),"
  "    (NEW.branch_id, NEW.received_at);"
  "  INSERT OR IGNORE INTO report_dirty_days SELECT branch_id, day FROM visits"
  "    WHERE id IN (OLD.visit_id, NEW.visit_id);"
  "END;"
  "CREATE TRIGGER claims_report_delete AFTER DELETE ON claims BEGIN"
  "  INSERT OR IGNORE INTO report_dirty_claims VALUES (OLD.branch_id, OLD.received_at);"
  "  INSERT OR IGNORE INTO report_dirty_days SELECT branch_id, day FROM visits WHERE id = OLD.visit_id;"
  "END;"
  "CREATE TRIGGER followups_report_insert AFTER INSERT ON followups"
  "  WHEN NEW.visit_id IS NOT NULL BEGIN"
  "  INSERT OR IGNORE INTO report_dirty_days SELECT branch_id, day FROM visits WHERE id = NEW.visit_id;"
  "END;"
  "CREATE TRIGGER followups_report_update AFTER UPDATE OF visit_id ON followups BEGIN"
  "  INSERT OR IGNORE INTO report_dirty_days SELECT branch_id, day FROM visits"
  "    WHERE id IN (OLD.visit_id, NEW.visit_id);"
  "END;"
  "CREATE TRIGGER followups_report_delete AFTER DELETE ON followups"
  "  WHEN OLD.visit_id IS NOT NULL BEGIN"
  "  INSERT OR IGNORE INTO report_dirty_days SELECT branch_id, day FROM visits WHERE id = OLD.visit_id;"
  "END;"
  "CREATE TRIGGER customers_report_update AFTER UPDATE OF birth_year, channel ON customers"
  "  WHEN OLD.birth_year IS NOT NEW.birth_year OR OLD.channel IS NOT NEW.channel BEGIN"
  "  INSERT OR IGNORE INTO report_dirty_days SELECT branch_id, day FROM visits WHERE customer_id = NEW.id;"
  "  INSERT OR IGNORE INTO report_dirty_claims SELECT branch_id, received_at FROM claims"
  "    WHERE customer_id = NEW.id;"
  "END;"
  "INSERT INTO report_dirty_days SELECT DISTINCT branch_id, day FROM visits;"
  "INSERT OR IGNORE INTO report_dirty_claims SELECT branch_id, received_at FROM claims;"
  /* A merge keeps what it needs to be undone: the survivor's fields before, and the ids
   * of every row it moved from the duplicate, by table (JSON). */
  "CREATE TABLE customer_merges ("
  "  id           INTEGER PRIMARY KEY,"
  "  survivor_id  INTEGER NOT NULL REFERENCES customers (id),"
  "  duplicate_id INTEGER NOT NULL REFERENCES customers (id),"
  "  at           INTEGER NOT NULL,"
  "  actor        TEXT,"
  "  survivor_before TEXT NOT NULL,"
  "  moved        TEXT NOT NULL,"
  "  undone_at    INTEGER"
  ");"
  "CREATE INDEX customer_merges_by_survivor ON customer_merges (survivor_id, at);",
};

static void
fd_database_finalize (GObject *object)
{
  FdDatabase *self = FD_DATABASE (object);

  g_clear_pointer (&self->statements, g_hash_table_unref);
  if (self->db != NULL)
    {
      /* Bounded: an index never analysed (a new, empty partial one) would otherwise have
       * its whole table read at every close — a second and more at our scale. */
      sqlite3_exec (self->db, "PRAGMA analysis_limit = 1000; PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
    }
  g_free (self->path);

  G_OBJECT_CLASS (fd_database_parent_class)->finalize (object);
}

static void
fd_database_class_init (FdDatabaseClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = fd_database_finalize;
}

static void
fd_database_init (FdDatabase *self)
{
  /* Keyed by the SQL's address: every statement is a string literal in core, and hashing
   * long SQL text on each call showed up in profiles. */
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

int
fd_database_latest_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
fd_database_end_rows (FdDatabase    *self,
                      sqlite3_stmt  *stmt,
                      int            rc,
                      GError       **error)
{
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;
  fd_database_set_error (self, rc, error);
  return FALSE;
}

void
fd_database_set_error (FdDatabase  *self,
                       int          rc,
                       GError     **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  g_debug ("SQLite error %d on %s: %s", rc, self->path, detail);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, FD_ERROR, FD_ERROR_NOT_A_DATABASE,
                   /* Translators: %s is a file name */
                   _("“%s” is not a Frontdesk database."), self->path);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, FD_ERROR, FD_ERROR_CORRUPT,
                   /* Translators: %s is a file name */
                   _("The database “%s” is damaged. Restore it from a backup."), self->path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, FD_ERROR, FD_ERROR_BUSY,
                   _("The database is in use by another program. Try again in a moment."));
      break;
    case SQLITE_FULL:
      g_set_error (error, FD_ERROR, FD_ERROR_FAILED,
                   _("The disk is full: nothing was saved."));
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_READONLY:
      g_set_error (error, FD_ERROR, FD_ERROR_FAILED,
                   /* Translators: %s is a file name */
                   _("The database “%s” cannot be opened for writing."), self->path);
      break;
    default:
      g_set_error (error, FD_ERROR, FD_ERROR_FAILED,
                   /* Translators: %s is SQLite's own (English) description of the error */
                   _("The database reported an error: %s"), detail);
      break;
    }
}

gboolean
fd_database_exec (FdDatabase  *self,
                  const char  *sql,
                  GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      fd_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

/**
 * fd_database_prepare:
 *
 * @sql: a string literal: statements are cached by its address
 *
 * Returns: (transfer none): a cached statement, reset, with no bindings
 */
sqlite3_stmt *
fd_database_prepare (FdDatabase  *self,
                     const char  *sql,
                     GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_critical ("Cannot prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      fd_database_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, (gpointer) sql, stmt);
  return stmt;
}

gboolean
fd_database_step_done (FdDatabase    *self,
                       sqlite3_stmt  *stmt,
                       GError       **error)
{
  int rc = sqlite3_step (stmt);

  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fd_database_set_error (self, rc, error);
      return FALSE;
    }
  return TRUE;
}

static int
trace_cb (unsigned  type,
          void     *user_data,
          void     *p,
          void     *x)
{
  FdDatabase *self = user_data;
  const char *text = x;
  char *expanded;

  /* Statements run by triggers are reported as "-- …" comments: they run anyway. */
  if (self->trace == NULL || (text && g_str_has_prefix (text, "--")))
    return 0;

  expanded = sqlite3_expanded_sql (p);
  if (expanded)
    {
      g_ptr_array_add (self->trace, g_strdup (expanded));
      sqlite3_free (expanded);
    }
  return 0;
}

/* Collects the expanded SQL of every statement run into @sink (NULL stops), so the bench
 * can replay exactly what the core ran through raw SQLite. */
void
fd_database_set_trace (FdDatabase *self,
                       GPtrArray  *sink)
{
  self->trace = sink;
  sqlite3_trace_v2 (self->db, sink ? SQLITE_TRACE_STMT : 0, sink ? trace_cb : NULL, self);
}

static gboolean
query_int (FdDatabase  *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      fd_database_set_error (self, rc, error);
      return FALSE;
    }
  *value = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

gboolean
fd_database_check_integrity (FdDatabase  *self,
                             GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "PRAGMA quick_check(1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      fd_database_set_error (self, rc, error);
      return FALSE;
    }
  if (g_strcmp0 (fd_column_text (stmt, 0), "ok") != 0)
    {
      g_debug ("quick_check: %s", fd_column_text (stmt, 0));
      fd_database_set_error (self, SQLITE_CORRUPT, error);
      return FALSE;
    }
  return TRUE;
}

/* Refuses, without writing a byte, anything but an empty file or our own database of a
 * version we know. */
static gboolean
check_identity (FdDatabase  *self,
                gint64      *version,
                GError     **error)
{
  gint64 application_id = 0;
  gint64 n_objects = 0;
  GStatBuf st;

  if (!query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error) ||
      !query_int (self, "PRAGMA application_id", &application_id, error) ||
      !query_int (self, "PRAGMA user_version", version, error))
    return FALSE;

  if (application_id != FD_DATABASE_APPLICATION_ID && (n_objects > 0 || application_id != 0 || *version != 0))
    {
      fd_database_set_error (self, SQLITE_NOTADB, error);
      return FALSE;
    }

  if (*version > fd_database_latest_version ())
    {
      g_set_error (error, FD_ERROR, FD_ERROR_TOO_NEW,
                   /* Translators: %s is a file name */
                   _("The database “%s” was written by a newer version of Frontdesk. "
                     "Update Frontdesk to open it."), self->path);
      return FALSE;
    }

  if (n_objects > 0 && g_stat (self->path, &st) == 0 && st.st_size <= QUICK_CHECK_MAX_BYTES)
    return fd_database_check_integrity (self, error);

  return TRUE;
}

static gboolean
migrate (FdDatabase  *self,
         gint64       version,
         GError     **error)
{
  for (gint64 v = version; v < fd_database_latest_version (); v++)
    {
      g_autoptr(FdTransaction) tx = NULL;
      g_autofree char *set_version = NULL;

      if (!(tx = fd_transaction_begin (self, error)))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA application_id = %d; PRAGMA user_version = %" G_GINT64_FORMAT,
                                     FD_DATABASE_APPLICATION_ID, v + 1);
      if (!fd_database_exec (self, migrations[v], error) ||
          !fd_database_exec (self, set_version, error) ||
          !fd_transaction_commit (tx, error))
        return FALSE;
    }
  return TRUE;
}

/* fd_fold() as an SQL function, for migrations that index existing text. */
static void
fold_sql_function (sqlite3_context  *context,
                   int               argc,
                   sqlite3_value   **argv)
{
  const char *text = (const char *) sqlite3_value_text (argv[0]);

  (void) argc;
  if (text == NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_text (context, fd_fold (text), -1, g_free);
}

static FdDatabase *
open_connection (const char  *path,
                 int          flags,
                 GError     **error)
{
  g_autoptr(FdDatabase) self = g_object_new (FD_TYPE_DATABASE, NULL);
  int rc;

  self->path = g_strdup (path);
  rc = sqlite3_open_v2 (path, &self->db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      fd_database_set_error (self, rc, error);
      return NULL;
    }
  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_create_function (self->db, "fd_fold", 1,
                           SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                           NULL, fold_sql_function, NULL, NULL);
  return g_steal_pointer (&self);
}

/**
 * fd_database_open:
 *
 * Opens or creates the database at @path, refusing a file that is not ours, is newer or
 * is damaged, then brings its schema up to date.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
FdDatabase *
fd_database_open (const char  *path,
                  GError     **error)
{
  g_autoptr(FdDatabase) self = NULL;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, FD_ERROR, FD_ERROR_NOT_A_DATABASE,
                   _("“%s” is a folder, not a Frontdesk database."), path);
      return NULL;
    }

  if (!(self = open_connection (path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error)) ||
      !check_identity (self, &version, error))
    return NULL;

  /* Only now that the file is known to be ours may anything be written to it. Durable
   * commits (synchronous=FULL) cost ≈0.2 ms here: worth it for front-desk records. */
  /* 16 KiB pages: fewer, fuller pages made bulk loads 20 % faster here, and a name page of
   * the customers usually sits in one page. Only a new file can choose. */
  if ((version == 0 && !fd_database_exec (self, "PRAGMA page_size = 16384", error)) ||
      !fd_database_exec (self,
                         "PRAGMA journal_mode = WAL;"
                         "PRAGMA synchronous = FULL;"
                         "PRAGMA foreign_keys = ON;"
                         "PRAGMA temp_store = MEMORY;"
                         "PRAGMA cache_size = -16384;",
                         error) ||
      !migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * fd_database_open_reader:
 *
 * A read-only connection for a worker thread. The database must already exist and be
 * up to date.
 */
FdDatabase *
fd_database_open_reader (const char  *path,
                         GError     **error)
{
  return open_connection (path, SQLITE_OPEN_READONLY, error);
}

const char *
fd_database_get_path (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  return self->path;
}

sqlite3 *
fd_database_get_handle (FdDatabase *self)
{
  g_return_val_if_fail (FD_IS_DATABASE (self), NULL);
  return self->db;
}

FdTransaction *
fd_transaction_begin (FdDatabase  *db,
                      GError     **error)
{
  FdTransaction *self;
  sqlite3_stmt *stmt;

  if (!(stmt = fd_database_prepare (db, "BEGIN IMMEDIATE", error)) ||
      !fd_database_step_done (db, stmt, error))
    return NULL;

  self = g_new0 (FdTransaction, 1);
  self->db = g_object_ref (db);
  return self;
}

gboolean
fd_transaction_commit (FdTransaction  *self,
                       GError        **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (!self->committed, FALSE);

  if (!(stmt = fd_database_prepare (self->db, "COMMIT", error)) ||
      !fd_database_step_done (self->db, stmt, error))
    return FALSE;

  self->committed = TRUE;
  return TRUE;
}

/* Rolls back unless committed: every early return from a write leaves nothing behind. */
void
fd_transaction_free (FdTransaction *self)
{
  if (!self->committed)
    sqlite3_exec (fd_database_get_handle (self->db), "ROLLBACK", NULL, NULL, NULL);
  g_object_unref (self->db);
  g_free (self);
}

/**
 * fd_database_begin_bulk:
 * @big: a load big enough to be worth leaving WAL for
 * @wal_off: (out): whether WAL was left, for fd_database_end_bulk()
 *
 * Settings for one big load transaction: no syncs until the commit, a large cache. With
 * a rollback journal, pages added past the old end of the file are not journaled: a load
 * into a new database writes each page once instead of twice. That only works when no
 * other connection is open; otherwise the load simply stays in WAL mode.
 */
gboolean
fd_database_begin_bulk (FdDatabase  *self,
                        gboolean     big,
                        gboolean    *wal_off,
                        GError     **error)
{
  sqlite3_stmt *stmt = NULL;

  *wal_off = FALSE;
  if (big && (stmt = fd_database_prepare (self, "PRAGMA journal_mode = DELETE", NULL)) &&
      sqlite3_step (stmt) == SQLITE_ROW)
    *wal_off = g_strcmp0 (fd_column_text (stmt, 0), "delete") == 0;
  if (stmt)
    sqlite3_reset (stmt);

  return fd_database_exec (self, "PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; PRAGMA threads = 2", error);
}

void
fd_database_end_bulk (FdDatabase *self,
                      gboolean    wal_off)
{
  fd_database_exec (self, "PRAGMA synchronous = FULL; PRAGMA cache_size = -16384; PRAGMA threads = 0", NULL);
  if (wal_off)
    fd_database_exec (self, "PRAGMA journal_mode = WAL", NULL);
}

/**
 * fd_database_drop_indexes:
 *
 * Drops the secondary indexes of @table for a big load: building them once at the end,
 * by sorting, is about ten times faster than inserting into each B-tree row by row. Its
 * report triggers go too (they would search the unindexed table on every row): the
 * caller marks the report days dirty after creating everything again.
 *
 * Returns: (transfer full): the CREATE INDEX and CREATE TRIGGER statements to run again,
 * indexes first, or %NULL on error
 */
GPtrArray *
fd_database_drop_indexes (FdDatabase  *self,
                          const char  *table,
                          GError     **error)
{
  g_autoptr(GPtrArray) indexes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;
  int rc;

  if (!(stmt = fd_database_prepare (self,
          "SELECT upper (type), name, sql FROM sqlite_schema WHERE sql IS NOT NULL AND tbl_name = ?1"
          " AND (type = 'index' OR (type = 'trigger' AND name GLOB '*_report_*'))"
          " ORDER BY type = 'trigger', name", error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, table, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (names, g_strdup_printf ("DROP %s \"%s\"", fd_column_text (stmt, 0),
                                               fd_column_text (stmt, 1)));
      g_ptr_array_add (indexes, g_strdup (fd_column_text (stmt, 2)));
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (self, rc, error);
      return NULL;
    }

  for (guint i = 0; i < names->len; i++)
    {
      if (!fd_database_exec (self, names->pdata[i], error))
        return NULL;
    }
  return g_steal_pointer (&indexes);
}
