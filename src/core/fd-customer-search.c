/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-customer-search"

#include "config.h"

#include <string.h>

#include "fd-fold.h"
#include "fd-store-private.h"

/* Customer search without ranking every match (a one-letter prefix matches a fifth of a
 * million customers). Name queries walk customer_words, a WITHOUT ROWID B-tree ordered
 * (word, sort_key, customer_id): one word's customers come out in name order, and the
 * words of a prefix are merged with a heap. Each index entry carries the customer's
 * folded words, so the other tokens of a query are checked without touching the table;
 * only kept results cost a row fetch. Exact word matches come first, then prefix
 * matches; each phase keeps a keyset cursor, so later pages go on where the last ended. */

/* Below this many index entries a prefix range is simply sorted; above it, merged. */
#define SMALL_RANGE 2000
/* Entries read at once from one word of a merged prefix. */
#define HEAD_BATCH  64

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
  char   *sort_key;
  gint64  id;
  char   *words;      /* the customer's search_words, " w1 w2 " */
} Entry;

/* One word of a merged prefix: a buffered run of its entries, in name order. */
typedef struct
{
  char    *word;
  GArray  *entries;   /* Entry */
  guint    pos;
  gboolean done;      /* no more entries after the buffer */
} Head;

struct _FdCustomerSearch
{
  FdStore       *store;
  FdDatabase    *db;

  char         **tokens;
  char         **exact_patterns;    /* " tok " */
  char         **prefix_patterns;   /* " tok" */
  guint          n_tokens;
  guint          exact_driver;      /* the token whose entries each phase walks */
  guint          prefix_driver;
  gboolean       small;
  char          *email_key;
  char          *phone_key;

  Phase          phase;
  guint          budget;            /* index entries this page may still examine */
  FdCustomerKey  cursor;
  GHashTable    *seen;              /* ids already returned */
};

static void
entry_clear (Entry *entry)
{
  g_clear_pointer (&entry->sort_key, g_free);
  g_clear_pointer (&entry->words, g_free);
}

static GArray *
entry_array_new (void)
{
  GArray *entries = g_array_new (FALSE, FALSE, sizeof (Entry));

  g_array_set_clear_func (entries, (GDestroyNotify) entry_clear);
  return entries;
}

static void
head_clear (Head *head)
{
  g_clear_pointer (&head->word, g_free);
  g_clear_pointer (&head->entries, g_array_unref);
}

static Entry *
head_entry (const Head *head)
{
  return &g_array_index (head->entries, Entry, head->pos);
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
  const Entry *x = head_entry (a), *y = head_entry (b);

  return compare_key (x->sort_key, x->id, y->sort_key, y->id) < 0;
}

static void
heap_swap (Head  *h,
           guint  i,
           guint  j)
{
  Head tmp = h[i];

  h[i] = h[j];
  h[j] = tmp;
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
      heap_swap (h, i, m);
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
    heap_swap (h, i, (i - 1) / 2);
}

static void
heap_pop (GArray *heap)
{
  Head gone = g_array_index (heap, Head, 0);

  g_array_index (heap, Head, 0) = g_array_index (heap, Head, heap->len - 1);
  g_array_index (heap, Head, heap->len - 1) = (Head) { 0 };
  g_array_set_size (heap, heap->len - 1);
  head_clear (&gone);
  if (heap->len > 0)
    heap_sift_down (heap, 0);
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

/* How many index entries have a word in [lo, hi]: a sum over word_counts, one row per
 * distinct word, so it costs the number of words, not of customers. */
static gint64
count_range (FdDatabase *db,
             const char *lo,
             const char *hi)
{
  sqlite3_stmt *stmt = fd_database_prepare (db,
    "SELECT total(n) FROM word_counts WHERE word >= ?1 AND word <= ?2", NULL);
  gint64 n = 0;

  if (stmt == NULL)
    return 0;
  fd_bind_text (stmt, 1, lo);
  fd_bind_text (stmt, 2, hi);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* On a tie the longest token is likelier to narrow what the others match. */
static gboolean
better_driver (FdCustomerSearch *self,
               gint64            n,
               gint64            best,
               guint             i,
               guint             current)
{
  return n < best || (n == best && strlen (self->tokens[i]) > strlen (self->tokens[current]));
}

/* Each phase walks the entries of its rarest token. When some token is no whole word of
 * anyone, there can be no exact match: that phase is skipped without a scan. */
static void
choose_drivers (FdCustomerSearch *self)
{
  gint64 best_exact = G_MAXINT64, best_prefix = G_MAXINT64;

  for (guint i = 0; i < self->n_tokens; i++)
    {
      g_autofree char *hi = prefix_end (self->tokens[i]);
      gint64 exact = count_range (self->db, self->tokens[i], self->tokens[i]);
      gint64 prefix = count_range (self->db, self->tokens[i], hi);

      if (better_driver (self, exact, best_exact, i, self->exact_driver))
        {
          best_exact = exact;
          self->exact_driver = i;
        }
      if (better_driver (self, prefix, best_prefix, i, self->prefix_driver))
        {
          best_prefix = prefix;
          self->prefix_driver = i;
        }
    }

  self->small = best_prefix <= SMALL_RANGE;
  self->phase = best_exact > 0 ? PHASE_EXACT : PHASE_PREFIX;
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

  choose_drivers (self);
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

/* Keeps a candidate of the name walk if it belongs to this phase: exact — every token is
 * a whole word; prefix — every token starts a word, not all whole. Only kept candidates
 * cost a row fetch. */
static gboolean
consider (FdCustomerSearch  *self,
          const Entry       *entry,
          GPtrArray         *out,
          GError           **error)
{
  sqlite3_stmt *stmt;
  gboolean exact;
  int rc;

  exact = matches_all (self->exact_patterns, entry->words);
  if (self->phase == PHASE_EXACT ? !exact : exact || !matches_all (self->prefix_patterns, entry->words))
    return TRUE;
  if (g_hash_table_contains (self->seen, &entry->id))
    return TRUE;

  if (!(stmt = fd_database_prepare (self->db,
          "SELECT " FD_CUSTOMER_COLUMNS " FROM customers WHERE id = ?1 AND archived_at IS NULL", error)))
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, entry->id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      g_ptr_array_add (out, _fd_customer_from_row (stmt));
      g_hash_table_add (self->seen, g_memdup2 (&entry->id, sizeof entry->id));
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      fd_database_set_error (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Reads (sort_key, customer_id, words) rows into @entries. */
static gboolean
read_entries (FdCustomerSearch  *self,
              sqlite3_stmt      *stmt,
              GArray            *entries,
              GError           **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Entry entry = { g_strdup (fd_column_text (stmt, 0)), sqlite3_column_int64 (stmt, 1),
                      g_strdup (fd_column_text (stmt, 2)) };
      g_array_append_val (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      fd_database_set_error (self->db, rc, error);
      return FALSE;
    }
  return TRUE;
}

/* Examines one entry of the walk, in order; FALSE stops the walk (page full, or error). */
static gboolean
visit (FdCustomerSearch  *self,
       const Entry       *entry,
       GPtrArray         *out,
       guint              limit,
       gboolean          *failed,
       GError           **error)
{
  if (out->len >= limit)
    return FALSE;
  /* A customer with two words in a prefix comes up twice in a row: the twin is not
   * after the cursor. */
  if (compare_key (entry->sort_key, entry->id, self->cursor.sort_key, self->cursor.id) <= 0)
    return TRUE;
  if (!consider (self, entry, out, error))
    {
      *failed = TRUE;
      return FALSE;
    }
  set_cursor (self, entry->sort_key, entry->id);
  return TRUE;
}

/* Walks the entries of one sorted statement in batches from the cursor, examining rows
 * in place (no copies: most are rejected). Its parameters: ?1 ?2 the word range, ?3 ?4
 * the cursor, ?5 the batch size, which grows while the filter keeps rejecting. */
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
  guint size = MAX (limit - out->len, 16) * 4;

  *exhausted = FALSE;
  while (out->len < limit && self->budget > 0)
    {
      g_autofree char *last_key = NULL;
      gint64 last_id = 0;
      sqlite3_stmt *stmt;
      gboolean failed = FALSE;
      gboolean full = FALSE;
      guint n = 0;
      int rc;

      if (!(stmt = fd_database_prepare (self->db, sql, error)))
        return FALSE;
      fd_bind_text (stmt, 1, lo);
      fd_bind_text (stmt, 2, hi);
      fd_bind_text (stmt, 3, self->cursor.sort_key);
      sqlite3_bind_int64 (stmt, 4, self->cursor.id);
      sqlite3_bind_int (stmt, 5, size);

      while (!full && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          Entry entry = { (char *) fd_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1),
                          (char *) fd_column_text (stmt, 2) };

          if (out->len >= limit)
            {
              full = TRUE;
              break;
            }
          n++;
          self->budget -= self->budget > 0;
          if (!consider (self, &entry, out, error))
            {
              failed = TRUE;
              break;
            }
          g_free (last_key);
          last_key = g_strdup (entry.sort_key);
          last_id = entry.id;
        }
      sqlite3_reset (stmt);

      if (last_key != NULL)
        set_cursor (self, last_key, last_id);
      if (failed)
        return FALSE;
      if (full)
        return TRUE;
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
      size = MIN (size * 4, 4096);
    }
  return TRUE;
}

/* Refills a head with the entries of its word after @after: one seek, then a run. */
static gboolean
fill_head (FdCustomerSearch  *self,
           Head              *head,
           const char        *after_key,
           gint64             after_id,
           guint              size,
           GError           **error)
{
  sqlite3_stmt *stmt = fd_database_prepare (self->db,
    "SELECT sort_key, customer_id, words FROM customer_words WHERE word = ?1"
    " AND (sort_key, customer_id) > (?2, ?3) ORDER BY sort_key, customer_id LIMIT ?4", error);
  g_autofree char *key = g_strdup (after_key);

  if (stmt == NULL)
    return FALSE;

  g_array_set_size (head->entries, 0);
  head->pos = 0;
  fd_bind_text (stmt, 1, head->word);
  fd_bind_text (stmt, 2, key);
  sqlite3_bind_int64 (stmt, 3, after_id);
  sqlite3_bind_int (stmt, 4, size);
  if (!read_entries (self, stmt, head->entries, error))
    return FALSE;

  head->done = head->entries->len < size;
  return TRUE;
}

/* One head per distinct word in [lo, hi), positioned after the cursor. Finding the next
 * word is one seek: "word > previous" jumps over all entries of the previous word. */
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
        ? "SELECT word FROM customer_words WHERE word > ?1 AND word < ?2 ORDER BY word LIMIT 1"
        : "SELECT word FROM customer_words WHERE word >= ?1 AND word < ?2 ORDER BY word LIMIT 1",
        error);
      Head head = { 0 };
      int rc;

      if (stmt == NULL)
        return FALSE;
      fd_bind_text (stmt, 1, previous ? previous : lo);
      fd_bind_text (stmt, 2, hi);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        head.word = g_strdup (fd_column_text (stmt, 0));
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
      head.entries = entry_array_new ();

      /* A short first run: most words never reach the top of the heap. */
      if (!fill_head (self, &head, self->cursor.sort_key, self->cursor.id, 4, error))
        {
          head_clear (&head);
          return FALSE;
        }
      if (head.entries->len > 0)
        heap_push (heap, &head);
      else
        head_clear (&head);
    }
}

/* Merges the words of a big prefix range in name order. */
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
  gboolean failed = FALSE;

  g_array_set_clear_func (heap, (GDestroyNotify) head_clear);
  *exhausted = FALSE;
  if (!collect_heads (self, lo, hi, heap, error))
    return FALSE;

  while (heap->len > 0 && self->budget > 0)
    {
      self->budget--;
      Head *top = &g_array_index (heap, Head, 0);
      Entry *entry = head_entry (top);

      if (!visit (self, entry, out, limit, &failed, error))
        return !failed;

      if (++top->pos == top->entries->len)
        {
          g_autofree char *key = g_strdup (entry->sort_key);
          gint64 id = entry->id;

          if (top->done)
            {
              heap_pop (heap);
              continue;
            }
          if (!fill_head (self, top, key, id, HEAD_BATCH, error))
            return FALSE;
          if (top->entries->len == 0)
            {
              heap_pop (heap);
              continue;
            }
        }
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
  const char *token;
  g_autofree char *hi = NULL;
  g_autofree char *lo = NULL;

  /* ?2 is bound but unused: walk_sorted binds a range for every statement. */
  if (self->phase == PHASE_EXACT)
    return walk_sorted (self,
      "SELECT sort_key, customer_id, words FROM customer_words WHERE word = ?1 AND ?2 IS NOT NULL"
      " AND (sort_key, customer_id) > (?3, ?4) ORDER BY sort_key, customer_id LIMIT ?5",
      self->tokens[self->exact_driver], "", out, limit, exhausted, error);

  /* With one token, the entries of the word itself are all exact matches: skip them.
   * Words are letters and digits, so "tok\x01" is just above "tok". */
  token = self->tokens[self->prefix_driver];
  hi = prefix_end (token);
  lo = self->n_tokens == 1 ? g_strconcat (token, "\x01", NULL) : g_strdup (token);

  if (self->small)
    return walk_sorted (self,
      "SELECT sort_key, customer_id, words FROM customer_words WHERE word >= ?1 AND word < ?2"
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
 * @max_scan: index entries to examine at most; %G_MAXUINT for all it takes. A list model
 *   passes a budget so that a rare combination of common words never freezes typing,
 *   and fetches the rest later.
 *
 * Returns: (transfer full) (element-type FdCustomer): up to @limit further results (empty
 *   at the end), or %NULL with @error set
 */
GPtrArray *
_fd_customer_search_next (FdCustomerSearch  *self,
                          guint              limit,
                          guint              max_scan,
                          GError           **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);

  self->budget = max_scan;
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
