/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-bench"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <time.h>

#include "fd-bench.h"
#include "fd-customer-list.h"
#include "fd-demo.h"
#include "fd-error.h"
#include "fd-report-private.h"
#include "fd-store-private.h"

/* Every case runs twice: through the core API, and as raw SQLite running exactly the
 * statements the core ran (captured with sqlite3_trace_v2 and replayed with their values
 * inlined, prepared once), so the ratio is the cost of the core itself. */

#define SEARCH_ROUNDS  3
#define PAGE_SAMPLES   400
#define CREATE_SAMPLES 200

/* Typed one keystroke at a time: prefixes of the commonest names in each script, full
 * names in either order, e-mail and phone fragments. */
static const char * const search_queries[] = {
  "jansen", "jovanović", "peeters", "bērziņš", "ђорђевић", "djordjevic", "de jong",
  "jan de vries", "ana jovanović", "Милица Јовановић", "kalniņa ilze", "van den berg",
  "smith", "o'brien", "janssens", "pe", "jansen.jan@", "djordje.djordjevic@primer",
  "+31 6 12", "0612 34", "+381 64", "2123",
};

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

typedef struct
{
  sqlite3    *db;
  GHashTable *statements;   /* expanded SQL → sqlite3_stmt */
} Raw;

static double
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
percentile (GArray *samples,
            double  p)
{
  guint index;

  if (samples->len == 0)
    return 0;
  g_array_sort (samples, compare_double);
  index = (guint) ceil (p * samples->len);
  return g_array_index (samples, double, CLAMP (index, 1, samples->len) - 1);
}

void
fd_bench_case_free (FdBenchCase *bench_case)
{
  g_free (bench_case->name);
  g_free (bench_case->note);
  g_free (bench_case);
}

static FdBenchCase *
make_case (const char *name,
           GArray     *core,
           GArray     *raw,
           double      target_us,
           char       *note)
{
  FdBenchCase *c = g_new0 (FdBenchCase, 1);

  c->name = g_strdup (name);
  c->samples = core->len;
  c->p50_us = percentile (core, 0.50);
  c->p95_us = percentile (core, 0.95);
  if (raw != NULL)
    {
      c->raw_p50_us = percentile (raw, 0.50);
      c->raw_p95_us = percentile (raw, 0.95);
      c->ratio = c->raw_p95_us > 0 ? c->p95_us / c->raw_p95_us : 0;
    }
  c->target_us = target_us;
  c->note = note;
  return c;
}

static gboolean
raw_open (Raw         *raw,
          const char  *path,
          GError     **error)
{
  raw->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           finalize_statement);
  if (sqlite3_open_v2 (path, &raw->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
      sqlite3_exec (raw->db, "PRAGMA synchronous = FULL; PRAGMA busy_timeout = 5000", NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, FD_ERROR, FD_ERROR_FAILED,
                   /* Translators: %s is SQLite's own (English) description of the error */
                   _("The benchmark cannot open its own connection: %s"), sqlite3_errmsg (raw->db));
      return FALSE;
    }
  return TRUE;
}

static void
raw_close (Raw *raw)
{
  g_clear_pointer (&raw->statements, g_hash_table_unref);
  if (raw->db)
    sqlite3_close_v2 (raw->db);
  raw->db = NULL;
}

/* Prepares every captured statement before timing, as the core's cache does. */
static gboolean
raw_prepare (Raw        *raw,
             GPtrArray  *trace,
             GError    **error)
{
  for (guint i = 0; i < trace->len; i++)
    {
      const char *sql = trace->pdata[i];
      sqlite3_stmt *stmt = NULL;

      if (g_hash_table_contains (raw->statements, sql))
        continue;
      if (sqlite3_prepare_v3 (raw->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL) != SQLITE_OK)
        {
          g_set_error (error, FD_ERROR, FD_ERROR_FAILED,
                       /* Translators: %s is SQLite's own (English) description of the error */
                       _("The benchmark cannot replay a statement: %s"), sqlite3_errmsg (raw->db));
          return FALSE;
        }
      g_hash_table_insert (raw->statements, g_strdup (sql), stmt);
    }
  return TRUE;
}

/* Runs the captured statements in order, reading every row; returns the time taken. */
static double
raw_replay (Raw       *raw,
            GPtrArray *trace)
{
  double start = now_us ();

  for (guint i = 0; i < trace->len; i++)
    {
      sqlite3_stmt *stmt = g_hash_table_lookup (raw->statements, trace->pdata[i]);
      int n = sqlite3_column_count (stmt);

      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < n; c++)
          sqlite3_column_text (stmt, c);
      sqlite3_reset (stmt);
    }
  return now_us () - start;
}

static void
report (FdBenchProgress  progress,
        gpointer         user_data,
        const char      *format,
        ...) G_GNUC_PRINTF (3, 4);

static void
report (FdBenchProgress  progress,
        gpointer         user_data,
        const char      *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  if (progress == NULL)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  progress (message, user_data);
}

/* One read-only operation through the core, returning its result array (NULL on error). */
typedef GPtrArray *(*CoreOp) (FdStore *store, gconstpointer input, GError **error);

/* Runs @op once with the trace hook to capture its statements (untimed), once timed
 * without it, then replays the captured statements raw: one sample for each side. */
static gboolean
sample_read (FdStore        *store,
             Raw            *raw,
             CoreOp          op,
             gconstpointer   input,
             GArray         *core,
             GArray         *raw_times,
             GError        **error)
{
  FdDatabase *db = _fd_store_get_database (store);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) results = NULL;
  double start, elapsed;

  fd_database_set_trace (db, trace);
  results = op (store, input, error);
  fd_database_set_trace (db, NULL);
  if (results == NULL)
    return FALSE;
  g_clear_pointer (&results, g_ptr_array_unref);

  start = now_us ();
  results = op (store, input, error);
  elapsed = now_us () - start;
  if (results == NULL)
    return FALSE;
  g_array_append_val (core, elapsed);

  if (!raw_prepare (raw, trace, error))
    return FALSE;
  elapsed = raw_replay (raw, trace);
  g_array_append_val (raw_times, elapsed);
  return TRUE;
}

static GPtrArray *
search_op (FdStore        *store,
           gconstpointer   input,
           GError        **error)
{
  return fd_store_search_customers (store, input, 50, error);
}

static GPtrArray *
duplicates_op (FdStore        *store,
               gconstpointer   input,
               GError        **error)
{
  return fd_store_find_duplicates (store, (FdCustomer *) input, 10, error);
}

static FdBenchCase *
bench_search (FdStore  *store,
              Raw      *raw,
              GError  **error)
{
  g_autoptr(GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_times = g_array_new (FALSE, FALSE, sizeof (double));
  guint keystrokes = 0;

  for (guint round = 0; round < SEARCH_ROUNDS; round++)
    for (guint q = 0; q < G_N_ELEMENTS (search_queries); q++)
      {
        const char *query = search_queries[q];

        for (const char *end = g_utf8_next_char (query); ; end = g_utf8_next_char (end))
          {
            g_autofree char *typed = g_strndup (query, end - query);

            if (!sample_read (store, raw, search_op, typed, core, raw_times, error))
              return NULL;
            keystrokes++;

            if (*end == '\0')
              break;
          }
      }

  return make_case ("search_keystroke", core, raw_times, 10000,
                    g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u keystrokes of %u queries, first page of 50 results",
                                                 "%u keystrokes of %u queries, first page of 50 results",
                                                 keystrokes / SEARCH_ROUNDS),
                                     keystrokes / SEARCH_ROUNDS, (guint) G_N_ELEMENTS (search_queries)));
}

static void
on_ready_cb (GObject    *object,
             GParamSpec *pspec,
             gpointer    user_data)
{
  *(gboolean *) user_data = TRUE;
}

static FdBenchCase *
bench_pages (FdStore  *store,
             Raw      *raw,
             GError  **error)
{
  FdDatabase *db = _fd_store_get_database (store);
  g_autoptr(FdCustomerList) list = fd_customer_list_new (store);
  g_autoptr(FdCustomerList) twin = fd_customer_list_new (store);
  g_autoptr(GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  gboolean ready = FALSE, twin_ready = FALSE;
  double start, built;

  if (n == 0)
    return NULL;

  /* The position index is built on a worker thread, as in the app. */
  start = now_us ();
  g_signal_connect (list, "notify::ready", G_CALLBACK (on_ready_cb), &ready);
  g_signal_connect (twin, "notify::ready", G_CALLBACK (on_ready_cb), &twin_ready);
  while (!ready || !twin_ready)
    g_main_context_iteration (NULL, TRUE);
  built = now_us () - start;

  for (guint i = 0; i < PAGE_SAMPLES; i++)
    {
      g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
      guint position = g_rand_int_range (rand, 0, n);
      gpointer item;
      double elapsed;

      /* A twin list fetches the same page first, traced and untimed, so the timed seek
       * and the raw replay both meet the file as the other did (as the other cases'
       * traced twin runs do). */
      fd_database_set_trace (db, trace);
      item = g_list_model_get_item (G_LIST_MODEL (twin), position);
      fd_database_set_trace (db, NULL);
      g_clear_object (&item);
      if (trace->len == 0)
        continue;   /* that page was cached: not a seek */

      /* A page not yet loaded: the model seeks from the nearest indexed key. */
      start = now_us ();
      item = g_list_model_get_item (G_LIST_MODEL (list), position);
      elapsed = now_us () - start;
      g_clear_object (&item);
      g_array_append_val (core, elapsed);
      if (!raw_prepare (raw, trace, error))
        return NULL;
      elapsed = raw_replay (raw, trace);
      g_array_append_val (raw_times, elapsed);
    }

  return make_case ("page_at_random_position", core, raw_times, 2000,
                    g_strdup_printf (_("pages of 100 by keyset seek; position index built in %.0f ms off the main thread"),
                                     built / 1000));
}

static FdBenchCase *
bench_create (FdStore  *store,
              Raw      *raw,
              GError  **error)
{
  FdDatabase *db = _fd_store_get_database (store);
  g_autoptr(GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_times = g_array_new (FALSE, FALSE, sizeof (double));

  /* As for check-ins: a traced twin, then the raw replay and the core call back to back. */
  for (guint i = 0; i < CREATE_SAMPLES; i++)
    {
      g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(FdCustomer) draft = fd_customer_new ();
      g_autoptr(FdCustomer) saved = NULL;
      g_autoptr(FdCustomer) twin = NULL;
      g_autofree char *email = g_strdup_printf ("bench.%u@example.nl", i);
      g_autofree char *phone = g_strdup_printf ("+31 6 5555 %04u", i);
      double start, elapsed;

      fd_customer_set_given_name (draft, i % 2 ? "Sanne" : "Ђорђе");
      fd_customer_set_family_name (draft, i % 2 ? "van der Meer" : "Петровић");
      fd_customer_set_email (draft, email);
      fd_customer_set_phone (draft, phone);
      fd_customer_set_language (draft, i % 2 ? "nl" : "sr");

      fd_database_set_trace (db, trace);
      twin = fd_store_add_customer (store, draft, error);
      fd_database_set_trace (db, NULL);
      if (twin == NULL || !raw_prepare (raw, trace, error))
        return NULL;

      elapsed = raw_replay (raw, trace);
      g_array_append_val (raw_times, elapsed);

      start = now_us ();
      saved = fd_store_add_customer (store, draft, error);
      elapsed = now_us () - start;
      if (saved == NULL)
        return NULL;
      g_array_append_val (core, elapsed);
    }

  return make_case ("create_customer", core, raw_times, 3000,
                    g_strdup (_("one durable transaction (WAL, synchronous=FULL), words and counter included")));
}

static FdBenchCase *
bench_duplicates (FdStore  *store,
                  Raw      *raw,
                  GError  **error)
{
  g_autoptr(GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_times = g_array_new (FALSE, FALSE, sizeof (double));
  static const char * const names[][2] = {
    { "Jan", "de Jong" }, { "Милица", "Јовановић" }, { "Jānis", "Bērziņš" }, { "Oliver", "Smith" },
  };

  for (guint i = 0; i < 200; i++)
    {
      g_autoptr(FdCustomer) draft = fd_customer_new ();

      fd_customer_set_given_name (draft, names[i % 4][0]);
      fd_customer_set_family_name (draft, names[i % 4][1]);
      fd_customer_set_phone (draft, "+31 6 1234 5678");
      if (!sample_read (store, raw, duplicates_op, draft, core, raw_times, error))
        return NULL;
    }

  return make_case ("find_duplicates", core, raw_times, 10000,
                    g_strdup (_("same folded name either order, e-mail or phone; 10 at most")));
}

static GPtrArray *
queue_op (FdStore        *store,
          gconstpointer   input,
          GError        **error)
{
  return fd_store_list_queue (store, *(const gint64 *) input, error);
}

static GPtrArray *
visit_history_op (FdStore        *store,
                  gconstpointer   input,
                  GError        **error)
{
  return fd_store_list_customer_visits (store, *(const gint64 *) input, 0, 50, error);
}

/* Check-ins through the core (durable) and raw. Each sample first runs a traced twin
 * (untimed) for the same customer, removes it raw, then times the raw replay and the
 * core call one after the other: both find the same pages warm, and both follow a write
 * of the other connection, which empties a connection's page cache. */
static FdBenchCase *
bench_check_in (FdStore  *store,
                Raw      *raw,
                gint64    branch_id,
                GError  **error)
{
  FdDatabase *db = _fd_store_get_database (store);
  g_autoptr(GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  gint64 first, last;

  _fd_store_customer_id_range (store, &first, &last);
  for (guint i = 0; i < CREATE_SAMPLES; i++)
    {
      g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(FdVisit) twin = NULL;
      g_autoptr(FdVisit) visit = NULL;
      g_autofree char *forget = NULL;
      gint64 customer = last > 0 ? g_rand_int_range (rand, first, last + 1) : 0;
      double start, elapsed;

      fd_database_set_trace (db, trace);
      twin = fd_store_check_in (store, branch_id, customer, "information", FD_PRIORITY_NONE, 0, error);
      fd_database_set_trace (db, NULL);
      if (twin == NULL)
        return NULL;
      forget = g_strdup_printf ("DELETE FROM visits WHERE id = %" G_GINT64_FORMAT, fd_visit_get_id (twin));
      if (sqlite3_exec (raw->db, forget, NULL, NULL, NULL) != SQLITE_OK || !raw_prepare (raw, trace, error))
        return NULL;

      elapsed = raw_replay (raw, trace);
      g_array_append_val (raw_times, elapsed);

      start = now_us ();
      visit = fd_store_check_in (store, branch_id, customer, "information", FD_PRIORITY_NONE, 0, error);
      elapsed = now_us () - start;
      if (visit == NULL)
        return NULL;
      g_array_append_val (core, elapsed);
    }

  return make_case ("visit_check_in", core, raw_times, 3000,
                    g_strdup (_("one durable transaction: ticket number, visit row")));
}

/* Refreshing a queue of 25 waiting visits, and a customer's visits, first page. */
static gboolean
bench_reception_reads (FdStore    *store,
                       Raw        *raw,
                       gint64      branch_id,
                       GPtrArray  *cases,
                       GError    **error)
{
  g_autoptr(GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  gint64 first, last;

  /* A queue as long as a busy morning's: earlier runs' check-ins leave the hall. */
  if (sqlite3_exec (raw->db, "UPDATE visits SET state = 'cancelled' WHERE state = 'waiting'",
                    NULL, NULL, NULL) != SQLITE_OK)
    {
      g_set_error (error, FD_ERROR, FD_ERROR_FAILED, "%s", sqlite3_errmsg (raw->db));
      return FALSE;
    }
  for (guint i = 0; i < 25; i++)
    {
      g_autoptr(FdVisit) visit = fd_store_check_in (store, branch_id, 0, "purchase", FD_PRIORITY_NONE, 0, error);
      if (visit == NULL)
        return FALSE;
    }
  for (guint i = 0; i < 300; i++)
    if (!sample_read (store, raw, queue_op, &branch_id, core, raw_times, error))
      return FALSE;
  g_ptr_array_add (cases, make_case ("queue_refresh", core, raw_times, 2000,
                                     g_strdup (_("25 waiting visits, in call order"))));

  g_array_set_size (core, 0);
  g_array_set_size (raw_times, 0);
  _fd_store_customer_id_range (store, &first, &last);
  for (guint i = 0; i < 300 && last > 0; i++)
    {
      gint64 customer = g_rand_int_range (rand, first, last + 1);

      if (!sample_read (store, raw, visit_history_op, &customer, core, raw_times, error))
        return FALSE;
    }
  g_ptr_array_add (cases, make_case ("customer_visits_first_page", core, raw_times, 2000,
                                     g_strdup (_("a customer's newest 50 visits"))));
  return TRUE;
}

static GPtrArray *
claims_page_op (FdStore        *store,
                gconstpointer   input,
                GError        **error)
{
  return fd_store_list_claims_page (store, input, NULL, 50, error);
}

static GPtrArray *
claim_lookup_op (FdStore        *store,
                 gconstpointer   input,
                 GError        **error)
{
  FdClaim *claim = fd_store_find_claim (store, input, error);
  GPtrArray *out;

  if (claim == NULL)
    return NULL;
  out = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (out, claim);
  return out;
}

static GPtrArray *
claims_search_op (FdStore        *store,
                  gconstpointer   input,
                  GError        **error)
{
  return fd_store_search_claims (store, input, 0, 50, error);
}

/* Words of the demo's letters in each language and script, whole and as prefixes. */
static const char * const claim_queries[] = {
  "meter", "meterstanden", "factuur", "fact", "balie", "onbeleefd", "wachtruimte", "contract kopie",
  "brojilo", "бројило", "šalter", "шалтер", "salter", "racun", "рачун", "ugov", "уговор", "ljubaz",
  "rēķins", "rekins", "lodzins", "lodziņa", "ierīce", "paldies", "laipno",
  "invoice", "rude", "waiting", "device repair", "advice desk", "three weeks", "we", "an",
};

/* The claims list with the filters a handler uses, a reference typed any way, and
 * full-text search over claims and their correspondence. */
static gboolean
bench_claims (FdStore    *store,
              Raw        *raw,
              GPtrArray  *cases,
              GError    **error)
{
  g_autoptr(GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  g_autoptr(GArray) staff = NULL;
  gint64 branch = fd_store_get_current_branch (store), max_id = 0;
  sqlite3_stmt *stmt = NULL;

  if (!fd_store_list_staff (store, branch, &staff, NULL, NULL, error))
    return FALSE;
  for (guint i = 0; i < 300; i++)
    {
      FdClaimFilter filter = FD_CLAIM_FILTER_INIT;

      switch (i % 7)
        {
        case 0: filter.status = FD_CLAIM_STATUS_IN_PROGRESS; break;
        case 1: filter.kind = FD_CLAIM_KIND_COMPLAINT; filter.category = "slow_response"; break;
        case 2: filter.assignee_id = staff->len ? g_array_index (staff, gint64, i % staff->len) : -1; break;
        case 3: filter.overdue = TRUE; break;
        case 4: filter.branch_id = branch; filter.kind = FD_CLAIM_KIND_COMPLIMENT; break;
        case 5: filter.status = FD_CLAIM_STATUS_CLOSED; filter.category = "impolite"; break;
        default: break;
        }
      if (!sample_read (store, raw, claims_page_op, &filter, core, raw_times, error))
        return FALSE;
    }
  g_ptr_array_add (cases, make_case ("claims_list_first_page", core, raw_times, 3000,
                                     g_strdup (_("50 claims, newest first, by status, kind and category, handler, overdue, branch"))));

  g_array_set_size (core, 0);
  g_array_set_size (raw_times, 0);
  if (sqlite3_prepare_v2 (raw->db, "SELECT max (id) FROM claims", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    max_id = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  for (guint i = 0; i < 300 && max_id > 0; i++)
    {
      g_autoptr(FdClaim) claim = fd_store_get_claim (store, g_rand_int_range (rand, 1, (gint32) MIN (max_id, G_MAXINT32 - 1) + 1), NULL);
      g_autofree char *typed = NULL;

      if (claim == NULL)
        continue;
      /* As read over the phone: lower case, spaces for dashes. */
      typed = g_ascii_strdown (fd_claim_get_reference (claim), -1);
      g_strdelimit (typed, "-", i % 2 ? ' ' : '-');
      if (!sample_read (store, raw, claim_lookup_op, typed, core, raw_times, error))
        return FALSE;
    }
  g_ptr_array_add (cases, make_case ("claim_by_reference", core, raw_times, 1000,
                                     g_strdup (_("a reference in any case and spacing"))));

  g_array_set_size (core, 0);
  g_array_set_size (raw_times, 0);
  for (guint round = 0; round < 6; round++)
    for (guint i = 0; i < G_N_ELEMENTS (claim_queries); i++)
      if (!sample_read (store, raw, claims_search_op, claim_queries[i], core, raw_times, error))
        return FALSE;
  g_ptr_array_add (cases, make_case ("claims_fulltext_first_page", core, raw_times, 15000,
                                     g_strdup_printf (_("%u queries in four languages, both scripts, words and prefixes; 50 claims"),
                                                      (guint) G_N_ELEMENTS (claim_queries))));
  return TRUE;
}

static GPtrArray *
followups_page_op (FdStore        *store,
                   gconstpointer   input,
                   GError        **error)
{
  return fd_store_list_followups (store, input, NULL, 50, error);
}

static GPtrArray *
next_followup_op (FdStore        *store,
                  gconstpointer   input,
                  GError        **error)
{
  g_autoptr(GError) local = NULL;
  gint64 next = fd_store_next_followup_time (store, g_get_real_time () / G_USEC_PER_SEC, &local);
  GPtrArray *out;

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return NULL;
    }
  out = g_ptr_array_new ();
  g_ptr_array_add (out, GSIZE_TO_POINTER ((gsize) next));
  return out;
}

/* The Overdue and Today lists (everyone's and one handler's), and finding when the
 * notifier must next wake. */
static gboolean
bench_followups (FdStore    *store,
                 Raw        *raw,
                 GPtrArray  *cases,
                 GError    **error)
{
  g_autoptr(GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) raw_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) staff = NULL;
  gint64 branch = fd_store_get_current_branch (store);
  guint pending = fd_store_count_followups (store, FD_FOLLOWUPS_PENDING, 0, G_MAXUINT, NULL);
  sqlite3_stmt *stmt = NULL;
  gint64 total = 0;

  if (!fd_store_list_staff (store, branch, &staff, NULL, NULL, error))
    return FALSE;
  if (sqlite3_prepare_v2 (raw->db, "SELECT count(*) FROM followups", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    total = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  for (guint i = 0; i < 400; i++)
    {
      FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;

      filter.section = i % 2 ? FD_FOLLOWUPS_TODAY : FD_FOLLOWUPS_OVERDUE;
      if ((i / 2) % 2 && staff->len)
        filter.assignee_id = g_array_index (staff, gint64, (i / 4) % staff->len);
      if (!sample_read (store, raw, followups_page_op, &filter, core, raw_times, error))
        return FALSE;
    }
  g_ptr_array_add (cases, make_case ("followups_overdue_today_first_page", core, raw_times, 2000,
                                     g_strdup_printf (_("Overdue and Today, everyone’s and one handler’s; %lld follow-ups, %u pending"),
                                                      (long long) total, pending)));

  g_array_set_size (core, 0);
  g_array_set_size (raw_times, 0);
  for (guint i = 0; i < 300; i++)
    if (!sample_read (store, raw, next_followup_op, NULL, core, raw_times, error))
      return FALSE;
  g_ptr_array_add (cases, make_case ("followups_next_due_time", core, raw_times, 1000,
                                     g_strdup (_("when the notifier must next wake"))));
  return TRUE;
}

/* Each report over the twelve months up to today, for all branches and for one: through
 * the store (day summaries, after bringing them up to date) and computed from the base
 * tables alone on a connection of its own (the reference). Summaries must match it. */
#define REPORT_SAMPLES     20
#define REPORT_RAW_SAMPLES 2

static gboolean
bench_reports (FdStore    *store,
               const char *path,
               GPtrArray  *cases,
               GError    **error)
{
  g_autoptr(FdDatabase) reference = fd_database_open (path, error);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) year_ago = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) start = NULL;
  gint64 branch = fd_store_get_current_branch (store);
  int to_day, from_day;

  if (reference == NULL || !_fd_store_flush_report_days (_fd_store_get_database (store), error))
    return FALSE;
  start = g_date_time_add_years (year_ago, -1);
  to_day = g_date_time_get_year (now) * 10000 + g_date_time_get_month (now) * 100 + g_date_time_get_day_of_month (now);
  from_day = g_date_time_get_year (start) * 10000 + g_date_time_get_month (start) * 100 +
             g_date_time_get_day_of_month (start);

  for (FdReportKind kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    for (int one = 0; one < 2; one++)
      {
        g_autoptr(GArray) core = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GArray) raw_times = g_array_new (FALSE, FALSE, sizeof (double));
        g_autoptr(GVariant) summarised = NULL, computed = NULL;
        g_autofree char *name = g_strdup_printf ("report_%s_%s", fd_report_kind_to_code (kind),
                                                 one ? "one_branch" : "all_branches");
        gint64 branch_id = one ? branch : 0;

        for (guint i = 0; i < REPORT_SAMPLES; i++)
          {
            double t0 = now_us (), elapsed;

            g_clear_pointer (&summarised, g_variant_unref);
            if (!(summarised = fd_store_run_report (store, kind, from_day, to_day, branch_id, error)))
              return FALSE;
            elapsed = now_us () - t0;
            g_array_append_val (core, elapsed);
          }
        for (guint i = 0; i < REPORT_RAW_SAMPLES; i++)
          {
            double t0 = now_us (), elapsed;

            g_clear_pointer (&computed, g_variant_unref);
            if (!(computed = _fd_report_run (reference, kind, from_day, to_day, branch_id,
                                             fd_store_get_wait_target (store), TRUE, error)))
              return FALSE;
            elapsed = now_us () - t0;
            g_array_append_val (raw_times, elapsed);
          }
        if (!g_variant_equal (summarised, computed))
          {
            g_set_error (error, FD_ERROR, FD_ERROR_FAILED,
                         /* Translators: %s is a report's code, such as peaks */
                         _("The “%s” report from the day summaries differs from the base tables."),
                         fd_report_kind_to_code (kind));
            return FALSE;
          }
        g_ptr_array_add (cases, make_case (name, core, raw_times, one ? 50000 : 150000,
                                           g_strdup (one ? _("12 months, one branch; raw: the same numbers from the base tables")
                                                         : _("12 months, all branches; raw: the same numbers from the base tables"))));
      }
  return TRUE;
}

/**
 * fd_bench_run:
 *
 * Returns: (transfer full) (element-type FdBenchCase): the cases, or %NULL with @error set
 */
GPtrArray *
fd_bench_run (const char       *path,
              guint             n_customers,
              const char       *only,
              FdBenchProgress   progress,
              gpointer          user_data,
              GError          **error)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func ((GDestroyNotify) fd_bench_case_free);
  g_autoptr(FdStore) store = NULL;
  g_autofree char *temp_dir = NULL;
  g_autofree char *db_path = NULL;
  Raw raw = { 0 };
  FdBenchCase *c;
  guint existing;

  if (path == NULL)
    {
      if (!(temp_dir = g_dir_make_tmp ("frontdesk-bench-XXXXXX", NULL)))
        {
          g_set_error (error, FD_ERROR, FD_ERROR_FAILED, _("Cannot create a temporary folder for the benchmark."));
          return NULL;
        }
      db_path = g_build_filename (temp_dir, "bench.db", NULL);
    }
  else
    db_path = g_strdup (path);

  if (!(store = fd_store_open (db_path, error)))
    return NULL;

  existing = fd_store_count_customers (store);
  if (existing < n_customers)
    {
      guint missing = n_customers - existing;
      g_autoptr(GArray) per = g_array_new (FALSE, FALSE, sizeof (double));
      double start, elapsed, us_per;

      report (progress, user_data,
              g_dngettext (GETTEXT_PACKAGE, "Generating %u demo customer…", "Generating %u demo customers…", missing),
              missing);
      start = now_us ();
      if (!fd_demo_generate (store, missing, 1, error))
        return NULL;
      elapsed = now_us () - start;
      us_per = elapsed / missing;
      g_array_append_val (per, us_per);
      c = make_case ("demo_generate_per_customer", per, NULL, 10,
                     g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u customer in %.2f s: %.0f customers/s",
                                                  "%u customers in %.2f s: %.0f customers/s", missing),
                                      missing, elapsed / 1e6, missing / (elapsed / 1e6)));
      g_ptr_array_add (cases, c);
    }

  if (fd_store_get_current_branch (store) == 0)
    {
      guint n_visits = 5 * n_customers;
      g_autoptr(GArray) per = g_array_new (FALSE, FALSE, sizeof (double));
      double start, elapsed, us_per;

      report (progress, user_data,
              g_dngettext (GETTEXT_PACKAGE, "Generating %u demo visit…", "Generating %u demo visits…", n_visits),
              n_visits);
      start = now_us ();
      if (!fd_demo_generate_visits (store, n_visits, 1, g_get_real_time () / G_USEC_PER_SEC, error))
        return NULL;
      elapsed = now_us () - start;
      us_per = elapsed / MAX (n_visits, 1);
      g_array_append_val (per, us_per);
      g_ptr_array_add (cases, make_case ("demo_visits_per_visit", per, NULL, 0,
                                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                       "%u visit in %.2f s: %.0f visits/s",
                                                                       "%u visits in %.2f s: %.0f visits/s",
                                                                       n_visits),
                                                          n_visits, elapsed / 1e6, n_visits / (elapsed / 1e6))));
    }

  if (_fd_store_count_claims (store) < n_customers / 2)
    {
      guint n_claims = n_customers / 2 - _fd_store_count_claims (store);
      g_autoptr(GArray) per = g_array_new (FALSE, FALSE, sizeof (double));
      double start, elapsed, us_per;

      report (progress, user_data,
              g_dngettext (GETTEXT_PACKAGE, "Generating %u demo claim with its correspondence…",
                           "Generating %u demo claims with their correspondence…", n_claims),
              n_claims);
      start = now_us ();
      if (!fd_demo_generate_claims (store, n_claims, 1, g_get_real_time () / G_USEC_PER_SEC, error))
        return NULL;
      elapsed = now_us () - start;
      us_per = elapsed / MAX (n_claims, 1);
      g_array_append_val (per, us_per);
      g_ptr_array_add (cases, make_case ("demo_claims_per_claim", per, NULL, 0,
                                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                       "%u claim with its thread in %.2f s: %.0f claims/s",
                                                                       "%u claims with their threads in %.2f s: %.0f claims/s",
                                                                       n_claims),
                                                          n_claims, elapsed / 1e6, n_claims / (elapsed / 1e6))));
    }

  if (!raw_open (&raw, db_path, error))
    goto fail;

#define WANT(group) (only == NULL || g_str_equal (only, group))
  if (WANT ("customers"))
    {
      report (progress, user_data, "%s", _("Timing search as you type…"));
      if (!(c = bench_search (store, &raw, error)))
        goto fail;
      g_ptr_array_add (cases, c);

      report (progress, user_data, "%s", _("Timing pages at random positions…"));
      if ((c = bench_pages (store, &raw, error)))
        g_ptr_array_add (cases, c);
      else if (error && *error)
        goto fail;

      report (progress, user_data, "%s", _("Timing duplicate detection…"));
      if (!(c = bench_duplicates (store, &raw, error)))
        goto fail;
      g_ptr_array_add (cases, c);

      report (progress, user_data, "%s", _("Timing customer creation…"));
      if (!(c = bench_create (store, &raw, error)))
        goto fail;
      g_ptr_array_add (cases, c);
    }
  if (WANT ("reception"))
    {
      report (progress, user_data, "%s", _("Timing reception: check-in, queue, visit history…"));
      if (!(c = bench_check_in (store, &raw, fd_store_get_current_branch (store), error)))
        goto fail;
      g_ptr_array_add (cases, c);
      if (!bench_reception_reads (store, &raw, fd_store_get_current_branch (store), cases, error))
        goto fail;
    }
  if (WANT ("claims"))
    {
      report (progress, user_data, "%s", _("Timing claims: lists, references, full-text search…"));
      if (!bench_claims (store, &raw, cases, error))
        goto fail;
    }
  if (WANT ("followups"))
    {
      report (progress, user_data, "%s", _("Timing follow-ups: overdue and today, the next due time…"));
      if (!bench_followups (store, &raw, cases, error))
        goto fail;
    }
  if (WANT ("reports"))
    {
      report (progress, user_data, "%s", _("Timing reports: twelve months, all branches and one…"));
      if (!bench_reports (store, db_path, cases, error))
        goto fail;
    }
#undef WANT

  raw_close (&raw);
  g_clear_object (&store);
  if (temp_dir != NULL)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
      g_rmdir (temp_dir);
    }
  return g_steal_pointer (&cases);

fail:
  raw_close (&raw);
  return NULL;
}
