/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-customer-search"

#include "config.h"

#include <string.h>

#include "fd-fold.h"
#include "fd-store-private.h"

/* Customer search without ranking every match (a one-letter prefix matches a fifth of a
 * million customers). Name queries walk customer_words_by_word, whose entries are ordered
 * (word, sort_key, id): the customers of one word come out in name order, and the words of
 * a prefix are merged with a heap, one index seek per word and per result. Exact word
 * matches come first, then prefix matches; each phase keeps a keyset cursor so later
 * pages continue where the last one stopped. */

/* Below this many index entries a prefix is simply sorted; above it, merged. */
#define SMALL_RANGE 2000
/* A page never examines more candidates than this; the next page goes on from there. */
#define MAX_SCAN    100000

typedef enum
{
  PHASE_EXACT,
  PHASE_PREFIX,
  PHASE_EMAIL,
  PHASE_PHONE,
  PHASE_DONE,
} Phase;

typedef struct
{
  char   *word;
  char   *sort_key;
  gint64  id;
} Head;

struct _FdCustomerSearch
{
  FdStore       *store;
  FdDatabase    *db;

  char         **tokens;
  char         **exact_patterns;    /* " tok " */
  char         **prefix_patterns;   /* " tok" */
  guint          n_tokens;
  guint          driver;            /* the token with the fewest matches drives the walk */
  gboolean       small;
  char          *email_key;
  char          *phone_key;

  Phase          phase;
  FdCustomerKey  cursor;
  GHashTable    *seen;              /* ids already returned */
};

static void
head_clear (Head *head)
{
  g_clear_pointer (&head->word, g_free);
  g_clear_pointer (&head->sort_key, g_free);
}

static int
compare_key (const char *key_a,
             gint64      id_a,
             const char *key_b,
             gint64      id_b)
{
  int c = strcmp (key_a, key_b);

  if (c != 0)
    return c;
  return id_a < id_b ? -1 : id_a > id_b;
}

static gboolean
head_less (const Head *a,
           const Head *b)
{
  return compare_key (a->sort_key, a->id, b->sort_key, b->id) < 0;
}

static void
heap_sift_down (GArray *heap,
                guint   i)
{
  Head *h = (Head *) heap->data;

  for (;;)
    {
      guint l = 2 * i + 1, r = l + 1, m = i;

      if (l < heap->len && head_less (&h[l], &h[m]))
        m = l;
      if (r < heap->len && head_less (&h[r], &h[m]))
        m = r;
      if (m == i)
        return;

      Head tmp = h[i];
      h[i] = h[m];
      h[m] = tmp;
      i = m;
    }
}

static void
heap_push (GArray *heap,
           Head   *head)
{
  Head *h;
  guint i;

  g_array_append_vals (heap, head, 1);
  h = (Head *) heap->data;
  for (i = heap->len - 1; i > 0 && head_less (&h[i], &h[(i - 1) / 2]); i = (i - 1) / 2)
    {
      Head tmp = h[i];
      h[i] = h[(i - 1) / 2];
      h[(i - 1) / 2] = tmp;
    }
}

/* The upper bound of a prefix range: no UTF-8 text has a 0xFF byte, and SQLite compares
 * text bytewise (BINARY), so [p, p || x'FF') holds exactly the words starting with p. */
static char *
prefix_end (const char *prefix)
{
  return g_strconcat (prefix, "\xff", NULL);
}

static gboolean
is_phone_query (const char *query)
{
  guint digits = 0;

  for (const char *p = query; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        digits++;
      else if (strchr (" +-()/.", *p) == NULL)
        return FALSE;
    }
  return digits >= 3;
}

static gint64
count_range (FdDatabase *db,
             const char *lo,
             const char *hi)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "SELECT count(*) FROM (SELECT 1 FROM customer_words WHERE word >= ?1 AND word < ?2 LIMIT ?3)",
    NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  fd_bind_text (stmt, 1, lo);
  fd_bind_text (stmt, 2, hi);
  sqlite3_bind_int (stmt, 3, SMALL_RANGE + 1);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
choose_driver (FdCustomerSearch *self)
{
  gint64 best = G_MAXINT64;

  for (guint i = 0; i < self->n_tokens; i++)
    {
      g_autofree char *hi = prefix_end (self->tokens[i]);
      gint64 n = count_range (self->db, self->tokens[i], hi);

      /* Past the cap every count looks alike: the longest token is then the likeliest to
       * be rare ("de jong": jong, not de). */
      if (n < best || (n == best && strlen (self->tokens[i]) > strlen (self->tokens[self->driver])))
        {
          best = n;
          self->driver = i;
        }
    }
  self->small = best <= SMALL_RANGE;
}

FdCustomerSearch *
_fd_customer_search_new (FdStore    *store,
                         const char *query)
{
  FdCustomerSearch *self = g_new0 (FdCustomerSearch, 1);
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));

  self->store = g_object_ref (store);
  self->db = _fd_store_get_database (store);
  self->seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->cursor.sort_key = g_strdup ("");
  self->phase = PHASE_DONE;

  if (*trimmed == '\0' || !g_utf8_validate (trimmed, -1, NULL))
    return self;

  if (strchr (trimmed, '@') != NULL)
    {
      self->email_key = fd_fold (trimmed);
      self->phase = PHASE_EMAIL;
      return self;
    }

  if (is_phone_query (trimmed))
    {
      self->phone_key = fd_fold_phone (trimmed);
      self->phase = PHASE_PHONE;
      return self;
    }

  self->tokens = fd_fold_words (trimmed);
  self->n_tokens = g_strv_length (self->tokens);
  if (self->n_tokens == 0)
    return self;

  self->exact_patterns = g_new0 (char *, self->n_tokens + 1);
  self->prefix_patterns = g_new0 (char *, self->n_tokens + 1);
  for (guint i = 0; i < self->n_tokens; i++)
    {
      self->exact_patterns[i] = g_strconcat (" ", self->tokens[i], " ", NULL);
      self->prefix_patterns[i] = g_strconcat (" ", self->tokens[i], NULL);
    }

  /* A single word may also be the start of an e-mail address ("jjansen"). */
  if (self->n_tokens == 1 && strlen (self->tokens[0]) >= 3)
    self->email_key = fd_fold (trimmed);

  choose_driver (self);
  self->phase = PHASE_EXACT;
  return self;
}

void
_fd_customer_search_free (FdCustomerSearch *self)
{
  g_clear_object (&self->store);
  g_strfreev (self->tokens);
  g_strfreev (self->exact_patterns);
  g_strfreev (self->prefix_patterns);
  g_free (self->email_key);
  g_free (self->phone_key);
  _fd_customer_key_clear (&self->cursor);
  g_hash_table_unref (self->seen);
  g_free (self);
}

gboolean
_fd_customer_search_has_more (FdCustomerSearch *self)
{
  return self->phase != PHASE_DONE;
}

static void
set_cursor (FdCustomerSearch *self,
            const char       *key,
            gint64            id)
{
  if (self->cursor.sort_key != key)
    {
      g_free (self->cursor.sort_key);
      self->cursor.sort_key = g_strdup (key);
    }
  self->cursor.id = id;
}

static void
next_phase (FdCustomerSearch *self,
            Phase             phase)
{
  self->phase = phase;
  set_cursor (self, "", 0);
}

static gboolean
matches_all (char       **patterns,
             const char  *search_words)
{
  for (guint i = 0; patterns[i]; i++)
    if (strstr (search_words, patterns[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* Loads a candidate from the name walk and keeps it if it belongs to this phase:
 * exact — every token is a whole word; prefix — every token starts a word, not all whole. */
static gboolean
consider (FdCustomerSearch  *self,
          gint64             id,
          GPtrArray         *out,
          GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean keep = FALSE;
  int rc;

  if (g_hash_table_contains (self->seen, &id))
    return TRUE;

  if (!(stmt = fd_database_prepare (self->db,
          "SELECT " FD_CUSTOMER_COLUMNS ", search_words FROM customers"
          " WHERE id = ?1 AND archived_at IS NULL", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *words = fd_column_text (stmt, 15);
      gboolean exact = matches_all (self->exact_patterns, words);

      keep = self->phase == PHASE_EXACT ? exact
             : !exact && matches_all (self->prefix_patterns, words);
      if (keep)
        {
          g_ptr_array_add (out, _fd_customer_from_row (stmt));
          g_hash_table_add (self->seen, g_memdup2 (&id, sizeof id));
        }
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fd_database_set_error (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads the (sort_key, id) rows of a candidate statement into @batch. */
static gboolean
read_candidates (FdCustomerSearch  *self,
                 sqlite3_stmt      *stmt,
                 GArray            *batch,
                 GError           **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Head head = { NULL, g_strdup (fd_column_text (stmt, 0)), sqlite3_column_int64 (stmt, 1) };
      g_array_append_val (batch, head);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Walks candidates of one sorted statement, in batches from the cursor. Its parameters:
 * ?1 ?2 the word range, ?3 ?4 the cursor, ?5 the batch size. */
static gboolean
walk_sorted (FdCustomerSearch  *self,
             const char        *sql,
             const char        *lo,
             const char        *hi,
             GPtrArray         *out,
             guint              limit,
             gboolean          *exhausted,
             GError           **error)
{
  guint scanned = 0;

  *exhausted = FALSE;
  while (out->len < limit && scanned < MAX_SCAN)
    {
      g_autoptr(GArray) batch = g_array_new (FALSE, FALSE, sizeof (Head));
      guint size = MAX (limit - out->len, 16) + 1;
      sqlite3_stmt *stmt;

      g_array_set_clear_func (batch, (GDestroyNotify) head_clear);
      if (!(stmt = fd_database_prepare (self->db, sql, error)))
        return FALSE;
      fd_bind_text (stmt, 1, lo);
      fd_bind_text (stmt, 2, hi);
      fd_bind_text (stmt, 3, self->cursor.sort_key);
      sqlite3_bind_int64 (stmt, 4, self->cursor.id);
      sqlite3_bind_int (stmt, 5, size);
      if (!read_candidates (self, stmt, batch, error))
        return FALSE;

      for (guint i = 0; i < batch->len; i++)
        {
          Head *c = &g_array_index (batch, Head, i);

          if (out->len >= limit)
            return TRUE;
          if (!consider (self, c->id, out, error))
            return FALSE;
          set_cursor (self, c->sort_key, c->id);
          scanned++;
        }

      if (batch->len < size)
        {
          *exhausted = TRUE;
          return TRUE;
        }
    }
  return TRUE;
}

/* The first entry after the cursor of one word: a seek on customer_words_by_word. */
static gboolean
seek_word (FdCustomerSearch  *self,
           Head              *head,
           const char        *after_key,
           gint64             after_id,
           gboolean          *found,
           GError           **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (self->db,
    "SELECT sort_key, customer_id FROM customer_words WHERE word = ?1"
    " AND (sort_key, customer_id) > (?2, ?3) ORDER BY sort_key, customer_id LIMIT 1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  fd_bind_text (stmt, 1, head->word);
  fd_bind_text (stmt, 2, after_key);
  sqlite3_bind_int64 (stmt, 3, after_id);
  rc = sqlite3_step (stmt);
  *found = rc == SQLITE_ROW;
  if (*found)
    {
      g_free (head->sort_key);
      head->sort_key = g_strdup (fd_column_text (stmt, 0));
      head->id = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fd_database_set_error (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* One head per distinct word in [lo, hi), positioned after the cursor. Each step is one
 * seek: "word > previous" jumps over all entries of the previous word. */
static gboolean
collect_heads (FdCustomerSearch  *self,
               const char        *lo,
               const char        *hi,
               GArray            *heap,
               GError           **error)
{
  g_autofree char *previous = NULL;

  for (;;)
    {
      sqlite3_stmt *stmt = fd_database_prepare (self->db, previous
        ? "SELECT word, sort_key, customer_id FROM customer_words WHERE word > ?1 AND word < ?2"
          " ORDER BY word, sort_key, customer_id LIMIT 1"
        : "SELECT word, sort_key, customer_id FROM customer_words WHERE word >= ?1 AND word < ?2"
          " ORDER BY word, sort_key, customer_id LIMIT 1", error);
      Head head = { 0 };
      gboolean found = TRUE;
      int rc;

      if (stmt == NULL)
        return FALSE;
      fd_bind_text (stmt, 1, previous ? previous : lo);
      fd_bind_text (stmt, 2, hi);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        {
          head.word = g_strdup (fd_column_text (stmt, 0));
          head.sort_key = g_strdup (fd_column_text (stmt, 1));
          head.id = sqlite3_column_int64 (stmt, 2);
        }
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        return TRUE;
      if (rc != SQLITE_ROW)
        {
          fd_database_set_error (self->db, rc, error);
          return FALSE;
        }

      g_free (previous);
      previous = g_strdup (head.word);

      /* The word's first entry may lie before the cursor: seek past it. */
      if (compare_key (head.sort_key, head.id, self->cursor.sort_key, self->cursor.id) <= 0 &&
          !seek_word (self, &head, self->cursor.sort_key, self->cursor.id, &found, error))
        {
          head_clear (&head);
          return FALSE;
        }

      if (found)
        heap_push (heap, &head);
      else
        head_clear (&head);
    }
}

/* Merges the words of a big prefix range in name order with a heap. */
static gboolean
walk_merged (FdCustomerSearch  *self,
             const char        *lo,
             const char        *hi,
             GPtrArray         *out,
             guint              limit,
             gboolean          *exhausted,
             GError           **error)
{
  g_autoptr(GArray) heap = g_array_new (FALSE, FALSE, sizeof (Head));
  guint scanned = 0;

  g_array_set_clear_func (heap, (GDestroyNotify) head_clear);
  *exhausted = FALSE;
  if (!collect_heads (self, lo, hi, heap, error))
    return FALSE;

  while (heap->len > 0 && out->len < limit && scanned++ < MAX_SCAN)
    {
      Head *top = &g_array_index (heap, Head, 0);
      gboolean found;

      /* A customer with two words in the range comes up twice in a row: skip the twin. */
      if (compare_key (top->sort_key, top->id, self->cursor.sort_key, self->cursor.id) > 0)
        {
          if (!consider (self, top->id, out, error))
            return FALSE;
          set_cursor (self, top->sort_key, top->id);
        }

      if (!seek_word (self, top, top->sort_key, top->id, &found, error))
        return FALSE;
      if (!found)
        {
          Head gone = *top;

          *top = g_array_index (heap, Head, heap->len - 1);
          g_array_index (heap, Head, heap->len - 1) = (Head) { 0 };
          g_array_set_size (heap, heap->len - 1);
          head_clear (&gone);
        }
      if (heap->len > 0)
        heap_sift_down (heap, 0);
    }

  *exhausted = heap->len == 0;
  return TRUE;
}

static gboolean
walk_name (FdCustomerSearch  *self,
           GPtrArray         *out,
           guint              limit,
           gboolean          *exhausted,
           GError           **error)
{
  const char *token = self->tokens[self->driver];
  g_autofree char *hi = prefix_end (token);
  g_autofree char *lo = NULL;

  /* ?2 is bound but unused: walk_sorted binds a range for every statement. */
  if (self->phase == PHASE_EXACT)
    return walk_sorted (self,
      "SELECT sort_key, customer_id FROM customer_words WHERE word = ?1 AND ?2 IS NOT NULL"
      " AND (sort_key, customer_id) > (?3, ?4) ORDER BY sort_key, customer_id LIMIT ?5",
      token, token, out, limit, exhausted, error);

  /* With one token, the entries of the word itself are all exact matches: skip them.
   * Words are letters and digits, so "tok\x01" is just above "tok". */
  lo = self->n_tokens == 1 ? g_strconcat (token, "\x01", NULL) : g_strdup (token);

  if (self->small)
    return walk_sorted (self,
      "SELECT sort_key, customer_id FROM customer_words WHERE word >= ?1 AND word < ?2"
      " AND (sort_key, customer_id) > (?3, ?4) ORDER BY sort_key, customer_id LIMIT ?5",
      lo, hi, out, limit, exhausted, error);

  return walk_merged (self, lo, hi, out, limit, exhausted, error);
}

/* E-mail or phone matches in key order: ?1 ?2 the key range, ?3 ?4 the cursor, ?5 the
 * batch size; the key is the query's 16th column. */
static gboolean
walk_keys (FdCustomerSearch  *self,
           const char        *sql,
           const char        *prefix,
           GPtrArray         *out,
           guint              limit,
           gboolean          *exhausted,
           GError           **error)
{
  g_autofree char *hi = prefix_end (prefix);

  *exhausted = FALSE;
  while (out->len < limit)
    {
      sqlite3_stmt *stmt = fd_database_prepare (self->db, sql, error);
      guint size = limit - out->len;
      guint n = 0;
      int rc;

      if (stmt == NULL)
        return FALSE;
      fd_bind_text (stmt, 1, prefix);
      fd_bind_text (stmt, 2, hi);
      fd_bind_text (stmt, 3, self->cursor.sort_key);
      sqlite3_bind_int64 (stmt, 4, self->cursor.id);
      sqlite3_bind_int (stmt, 5, size);

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);

          n++;
          set_cursor (self, fd_column_text (stmt, 15), id);
          if (!g_hash_table_contains (self->seen, &id))
            {
              g_hash_table_add (self->seen, g_memdup2 (&id, sizeof id));
              g_ptr_array_add (out, _fd_customer_from_row (stmt));
            }
        }
      sqlite3_reset (stmt);
      if (rc != SQLITE_DONE)
        {
          fd_database_set_error (self->db, rc, error);
          return FALSE;
        }
      if (n < size)
        {
          *exhausted = TRUE;
          return TRUE;
        }
    }
  return TRUE;
}

/**
 * _fd_customer_search_next:
 *
 * Returns: (transfer full) (element-type FdCustomer): up to @limit further results (empty
 *   at the end), or %NULL with @error set
 */
GPtrArray *
_fd_customer_search_next (FdCustomerSearch  *self,
                          guint              limit,
                          GError           **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  while (out->len < limit && self->phase != PHASE_DONE)
    {
      gboolean exhausted = FALSE;
      gboolean ok = TRUE;

      switch (self->phase)
        {
        case PHASE_EXACT:
        case PHASE_PREFIX:
          ok = walk_name (self, out, limit, &exhausted, error);
          break;
        case PHASE_EMAIL:
          /* customers_by_email: (email_key, id) order within the prefix. */
          ok = walk_keys (self,
            "SELECT " FD_CUSTOMER_COLUMNS ", email_key FROM customers WHERE archived_at IS NULL"
            " AND email_key >= ?1 AND email_key < ?2 AND (email_key, id) > (?3, ?4)"
            " ORDER BY email_key, id LIMIT ?5",
            self->email_key, out, limit, &exhausted, error);
          break;
        case PHASE_PHONE:
          ok = walk_keys (self,
            "SELECT " FD_CUSTOMER_COLUMNS ", phone_key FROM customers WHERE archived_at IS NULL"
            " AND phone_key >= ?1 AND phone_key < ?2 AND (phone_key, id) > (?3, ?4)"
            " ORDER BY phone_key, id LIMIT ?5",
            self->phone_key, out, limit, &exhausted, error);
          break;
        case PHASE_DONE:
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        return NULL;
      if (!exhausted)
        break;

      switch (self->phase)
        {
        case PHASE_EXACT:  next_phase (self, PHASE_PREFIX); break;
        case PHASE_PREFIX: next_phase (self, self->email_key ? PHASE_EMAIL : PHASE_DONE); break;
        default:           next_phase (self, PHASE_DONE); break;
        }
    }

  return g_steal_pointer (&out);
}
