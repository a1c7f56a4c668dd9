/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-database.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* A position in the name order: the list's keyset cursor. */
typedef struct
{
  char   *sort_key;
  gint64  id;
} FdCustomerKey;

void        _fd_customer_key_clear        (FdCustomerKey *key);

FdDatabase *_fd_store_get_database        (FdStore       *self);
void        _fd_store_emit_changed        (FdStore       *self);
void        _fd_store_emit_visits_changed (FdStore       *self);
void        _fd_store_emit_branches_changed (FdStore     *self);
void        _fd_store_emit_claims_changed (FdStore       *self);
void        _fd_store_emit_followups_changed (FdStore    *self);
/* Keeps a claim's follow-ups in step with it, inside the caller's transaction. */
gboolean    _fd_store_sync_claim_followups (FdStore      *self,
                                            gint64        claim_id,
                                            gboolean      just_resolved,
                                            GError      **error);
char       *_fd_store_dup_actor           (FdStore       *self);
gboolean    _fd_store_list_labelled_codes (FdStore       *self,
                                           const char    *sql,
                                           const char  *(*default_label) (const char *code),
                                           GStrv         *codes,
                                           GStrv         *labels,
                                           GError       **error);
/* Claims' full-text index: a document's rowid is claim id × 4096 + position (0: the
 * claim's own text); its text is folded here before it is indexed. Contentless, so a
 * document is deleted by giving its old text back. */
#define FD_CLAIM_FTS_STRIDE 4096
gboolean    _fd_claim_fts_write           (FdDatabase    *db,
                                           gint64         rowid,
                                           const char    *old_text,
                                           const char    *new_text,
                                           GError       **error);
/* After a bulk load without the report triggers: every day's summary is redone. */
gboolean    _fd_store_mark_report_days_dirty (FdDatabase *db,
                                              GError    **error);
GHashTable *_fd_store_get_service_times   (FdStore       *self);
const char *_fd_purpose_default_label     (const char    *code);
GTimeZone  *_fd_local_time_zone           (void);
/* Customer writes inside the caller's transaction, for merges (fd-store-customers.c). */
gboolean    _fd_store_write_customer      (FdStore       *self,
                                           gint64         id,
                                           FdCustomer    *fields,
                                           gint64         updated_at,
                                           char         **changed,
                                           GError       **error);
gboolean    _fd_store_write_archived      (FdStore       *self,
                                           gint64         id,
                                           gint64         archived_at,
                                           GError       **error);
gboolean    _fd_store_record_customer_event (FdStore     *self,
                                             gint64       id,
                                             gint64       at,
                                             const char  *kind,
                                             const char  *fields,
                                             gint64      *event_id,
                                             GError     **error);
gint64      _fd_store_resolve_time        (gint64         at,
                                           GError       **error);

/* Column list and row reader shared by every customer query. */
#define FD_CUSTOMER_COLUMNS \
  "id, kind, given_name, family_name, email, phone, address, language, channel, " \
  "birth_year, notes, created_at, updated_at, archived_at, sort_key"
FdCustomer *_fd_customer_from_row         (sqlite3_stmt  *stmt);

/* A page of active customers in name order from @after (NULL: from the start), which is
 * included when @inclusive; @last receives the key of the page's last row. Element type
 * FdCustomer. */
GPtrArray  *_fd_store_customer_page       (FdStore       *self,
                                           const FdCustomerKey *after,
                                           gboolean       inclusive,
                                           guint          limit,
                                           FdCustomerKey *last,
                                           GError       **error);
/* Every @stride-th key of the name order, built on a worker thread with its own
 * connection. Element type FdCustomerKey. */
void        _fd_store_build_positions_async  (FdStore            *self,
                                              guint               stride,
                                              GCancellable       *cancellable,
                                              GAsyncReadyCallback callback,
                                              gpointer            user_data);
GArray     *_fd_store_build_positions_finish (FdStore            *self,
                                              GAsyncResult       *result,
                                              GError            **error);

/* Bulk loading (demo data, imports): one transaction, indexes rebuilt at the end. */
typedef struct
{
  FdCustomerKind  kind;
  const char     *given_name;
  const char     *family_name;
  const char     *email;
  const char     *phone;
  const char     *address;
  const char     *language;
  FdChannel       channel;
  int             birth_year;
  gint64          created_at;
} FdCustomerFields;

typedef struct _FdBulkInsert FdBulkInsert;
typedef struct _FdBulkRow FdBulkRow;

FdBulkRow    *_fd_bulk_row_new      (const FdCustomerFields *fields);
void          _fd_bulk_row_free     (FdBulkRow              *row);

FdBulkInsert *_fd_store_bulk_begin  (FdStore                *self,
                                     guint                   expected,
                                     GError                **error);
gboolean      _fd_store_bulk_add    (FdBulkInsert           *bulk,
                                     const FdBulkRow        *row,
                                     GError                **error);
gboolean      _fd_store_bulk_commit (FdBulkInsert           *bulk,
                                     GError                **error);
void          _fd_store_bulk_free   (FdBulkInsert           *bulk);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdBulkInsert, _fd_store_bulk_free)

/* Bulk loading of visits, in chronological order. */
typedef struct
{
  gint64      branch_id;
  gint64      customer_id;   /* 0: anonymous */
  int         day;
  int         number;
  const char *ticket;
  const char *purpose;
  const char *priority;      /* NULL or a code */
  const char *state;
  gint64      arrived_at;
  gint64      called_at;
  gint64      finished_at;
  gint64      desk_id;
  gint64      staff_id;
  int         weekday;
  int         hour;
  const char *technique;
  const char *outcome;
  int         rating_solved;
  int         rating_staff;
} FdVisitRow;

typedef struct _FdBulkVisits FdBulkVisits;

FdBulkVisits *_fd_store_bulk_visits_begin  (FdStore            *self,
                                            guint               expected,
                                            GError            **error);
gboolean      _fd_store_bulk_visits_add    (FdBulkVisits       *bulk,
                                            const FdVisitRow   *row,
                                            GError            **error);
gboolean      _fd_store_bulk_visits_commit (FdBulkVisits       *bulk,
                                            GError            **error);
void          _fd_store_bulk_visits_free   (FdBulkVisits       *bulk);
void          _fd_store_customer_id_range  (FdStore            *self,
                                            gint64             *first,
                                            gint64             *last);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdBulkVisits, _fd_store_bulk_visits_free)

/* A search in progress: pages of results, fetched as the view scrolls. */
typedef struct _FdCustomerSearch FdCustomerSearch;

FdCustomerSearch *_fd_customer_search_new      (FdStore          *store,
                                                const char       *query);
GPtrArray        *_fd_customer_search_next     (FdCustomerSearch *self,
                                                guint             limit,
                                                guint             max_scan,
                                                GError          **error);
gboolean          _fd_customer_search_has_more (FdCustomerSearch *self);
void              _fd_customer_search_free     (FdCustomerSearch *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdCustomerSearch, _fd_customer_search_free)

/* Bulk loading of claims and their threads (demo data, imports). */
typedef struct
{
  gint64      branch_id;
  gint64      customer_id;
  gint64      assignee_id;
  const char *kind;
  const char *channel;
  const char *category;
  const char *priority;
  const char *status;        /* the last status; its change is recorded at @updated_at */
  const char *summary;
  const char *concerns;
  gint64      received_at;
  gint64      ack_due_at;
  gint64      due_at;
  gint64      acknowledged_at;
  gint64      resolved_at;
  gint64      closed_at;
  gint64      updated_at;
  const char *problem;
  const char *solution;
  const char *benefit;
  int         satisfaction;
  const char *actor;
  gint64      call_back_at;  /* 0, or when the handler promised to call back */
} FdClaimRow;

typedef struct
{
  const char *direction;
  const char *channel;
  gint64      at;
  const char *subject;
  const char *body;
  const char *language;
  const char *template_code;
  const char *author;
} FdMessageRow;

typedef struct _FdBulkClaims FdBulkClaims;

FdBulkClaims *_fd_store_bulk_claims_begin       (FdStore             *self,
                                                 guint                expected,
                                                 GError             **error);
gint64        _fd_store_bulk_claims_add         (FdBulkClaims        *bulk,
                                                 const FdClaimRow    *row,
                                                 char               **reference,
                                                 GError             **error);
gboolean      _fd_store_bulk_claims_add_message (FdBulkClaims        *bulk,
                                                 gint64               claim_id,
                                                 int                  position,
                                                 const FdMessageRow  *row,
                                                 GError             **error);
gboolean      _fd_store_bulk_claims_commit      (FdBulkClaims        *bulk,
                                                 GError             **error);
void          _fd_store_bulk_claims_free        (FdBulkClaims        *bulk);
guint         _fd_store_count_claims            (FdStore             *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdBulkClaims, _fd_store_bulk_claims_free)

G_END_DECLS
