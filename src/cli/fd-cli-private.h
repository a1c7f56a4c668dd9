/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "fd-store.h"

G_BEGIN_DECLS

/* Exit statuses, documented in `frontdesk-cli --help`. */
#define FD_CLI_EXIT_OK    0
#define FD_CLI_EXIT_ERROR 1

/* List limits: enough for any screenful or script, small enough that a typo cannot ask
 * the store for billions of rows. */
#define FD_CLI_MAX_LIMIT     100000
#define FD_CLI_DEFAULT_LIMIT 50
/* Rows asked of the store at a time: keyset pages, the size the lists page in. */
#define FD_CLI_PAGE_SIZE     100

typedef struct
{
  /* From --db before the command, in the file name encoding; NULL when not given. */
  char *db_path;
  /* From --branch, before or after the command, as typed; NULL when not given. */
  char *branch;
  /* From --staff, before or after the command, as typed; NULL when not given (then
   * $FRONTDESK_STAFF, if set, names who is working). */
  char *staff;
} FdCli;

/* What an ID on the command line names, for the error message when it is not one. */
typedef enum
{
  FD_CLI_ID_CUSTOMER,
  FD_CLI_ID_BRANCH,
  FD_CLI_ID_DESK,
  FD_CLI_ID_VISIT,
  FD_CLI_ID_STAFF,
  FD_CLI_ID_MESSAGE,
  FD_CLI_ID_FOLLOWUP,
  FD_CLI_ID_SERVICE,
} FdCliIdKind;

/* Subcommand entry point: @args is a NULL-terminated copy of the command line where
 * args[0] names the command and the rest are its arguments (options included). */
typedef int (*FdCliCommandFunc) (FdCli  *cli,
                                 char  **args);

typedef struct
{
  const char       *name;
  FdCliCommandFunc  func;
} FdCliAction;

/* Adds one item of a list to @builder, as the _fd_cli_add_*_json() functions do. */
typedef void (*FdCliAddJsonFunc) (JsonBuilder *builder,
                                  gpointer     item);

/* Fetches the page of at most @wanted items that comes after @last (NULL for the first
 * page), for _fd_cli_collect_pages(). */
typedef GPtrArray *(*FdCliPageFunc) (FdStore        *store,
                                     gconstpointer   query,
                                     gpointer        last,
                                     guint           wanted,
                                     GError        **error);

int         _fd_cli_customer            (FdCli               *cli,
                                         char               **args);
/* fd-cli-branch.c */
int         _fd_cli_branch              (FdCli               *cli,
                                         char               **args);
int         _fd_cli_desk                (FdCli               *cli,
                                         char               **args);
/* fd-cli-visit.c */
int         _fd_cli_visit               (FdCli               *cli,
                                         char               **args);
int         _fd_cli_queue               (FdCli               *cli,
                                         char               **args);
/* fd-cli-claim.c */
int         _fd_cli_claim               (FdCli               *cli,
                                         char               **args);
/* “Ana Jansen (ID 12)”, or “ID 12” when the name cannot be read; NULL for 0. */
char       *_fd_cli_format_customer     (FdStore             *store,
                                         gint64               customer_id);
char       *_fd_cli_format_staff        (FdStore             *store,
                                         gint64               staff_id);
FdClaim    *_fd_cli_lookup_claim        (FdStore             *store,
                                         const char          *text,
                                         GError             **error);
gboolean    _fd_cli_take_claim_argument (char               **args,
                                         const char         **reference,
                                         GError             **error);
gboolean    _fd_cli_parse_claim_kind    (const char          *text,
                                         FdClaimKind         *kind,
                                         GError             **error);
gboolean    _fd_cli_parse_claim_priority (const char         *text,
                                          FdClaimPriority    *priority,
                                          GError            **error);
/* fd-cli-followup.c */
int         _fd_cli_followup            (FdCli               *cli,
                                         char               **args);
/* fd-cli-report.c */
int         _fd_cli_report              (FdCli               *cli,
                                         char               **args);
/* fd-cli-service.c */
int         _fd_cli_service             (FdCli               *cli,
                                         char               **args);
/* fd-cli-claim-settings.c */
int         _fd_cli_claim_deadline      (FdCli               *cli,
                                         char               **args);
int         _fd_cli_claim_category      (FdCli               *cli,
                                         char               **args);
/* The category's name at this store (its own, else the translated default), or @code. */
char       *_fd_cli_dup_category_label  (FdStore             *store,
                                         const char          *code);
/* fd-cli-claim-letter.c */
int         _fd_cli_claim_letter        (FdCli               *cli,
                                         char               **args);
/* fd-cli-claim-reply.c */
int         _fd_cli_claim_reply         (FdCli               *cli,
                                         char               **args);
int         _fd_cli_claim_template      (FdCli               *cli,
                                         char               **args);
char       *_fd_cli_format_attachment   (FdClaimMessage      *message,
                                         guint                index);

/* fd-cli-util.c */
void        _fd_cli_print               (const char          *format,
                                         ...) G_GNUC_PRINTF (1, 2);
void        _fd_cli_printerr            (const char          *format,
                                         ...) G_GNUC_PRINTF (1, 2);
void        _fd_cli_print_error         (const GError        *error);
gboolean    _fd_cli_parse_options       (FdCli               *cli,
                                         char              ***args,
                                         const char          *command,
                                         const char          *parameter_string,
                                         const char          *summary,
                                         const GOptionEntry  *entries,
                                         gboolean            *help_shown,
                                         GError             **error);
FdStore    *_fd_cli_open_store          (FdCli               *cli,
                                         GError             **error);
char       *_fd_cli_arg_to_utf8         (const char          *arg,
                                         const char          *option,
                                         const char          *field,
                                         GError             **error);
gboolean    _fd_cli_optional_text       (const char          *arg,
                                         const char          *option,
                                         const char          *field,
                                         char               **out,
                                         GError             **error);
gboolean    _fd_cli_parse_unsigned      (const char          *text,
                                         const char          *option,
                                         guint64              min,
                                         guint64              max,
                                         guint64             *out,
                                         GError             **error);
gboolean    _fd_cli_parse_id            (const char          *text,
                                         gint64              *out,
                                         GError             **error);
gboolean    _fd_cli_parse_id_of         (const char          *text,
                                         FdCliIdKind          kind,
                                         gint64              *out,
                                         GError             **error);
gboolean    _fd_cli_parse_time          (const char          *text,
                                         const char          *option,
                                         gint64              *out,
                                         GError             **error);
gboolean    _fd_cli_parse_date          (const char          *text,
                                         const char          *option,
                                         GDate               *out,
                                         GError             **error);
gboolean    _fd_cli_require             (const char          *value,
                                         const char          *message,
                                         GError             **error);
gboolean    _fd_cli_no_extra_arguments  (char               **args,
                                         guint                expected,
                                         GError             **error);
gboolean    _fd_cli_take_id_argument    (char               **args,
                                         FdCliIdKind          kind,
                                         gint64              *id,
                                         GError             **error);
int         _fd_cli_dispatch            (FdCli               *cli,
                                         char               **args,
                                         const FdCliAction   *actions,
                                         guint                n_actions,
                                         const char          *usage,
                                         const char          *unknown_format);
gint64      _fd_cli_resolve_branch      (FdCli               *cli,
                                         FdStore             *store,
                                         GError             **error);
FdStore    *_fd_cli_open_branch_store   (FdCli               *cli,
                                         gint64              *branch_id,
                                         GError             **error);
char       *_fd_cli_format_iso_time     (gint64               unix_time);
char       *_fd_cli_format_local_time   (gint64               unix_time);
void        _fd_cli_print_json          (JsonNode            *node);
void        _fd_cli_print_json_builder  (JsonBuilder         *builder);
int         _fd_cli_fail                (const GError        *error);
char       *_fd_cli_pad                 (const char          *text,
                                         guint                width);
guint       _fd_cli_width               (const char          *text);
guint       _fd_cli_max_width           (const char * const  *texts,
                                         guint                n_texts);
void        _fd_cli_add_row             (GString             *out,
                                         const char          *label,
                                         guint                label_width,
                                         const char          *value);
char       *_fd_cli_format_time_or_null (gint64               unix_time);
void        _fd_cli_append_table        (GString             *out,
                                         GPtrArray           *rows,
                                         guint                n_columns);
GPtrArray  *_fd_cli_collect_pages       (FdStore             *store,
                                         FdCliPageFunc        fetch_page,
                                         gconstpointer        query,
                                         guint                limit,
                                         GError             **error);
void        _fd_cli_print_code_label_table (const char         *code_header,
                                            const char         *label_header,
                                            const char * const *codes,
                                            const char * const *labels);
void        _fd_cli_append_history_entry (GString            *out,
                                          FdHistoryEntry     *entry,
                                          const char         *margin);

/* fd-cli-json.c */
void        _fd_cli_print_json_array    (GPtrArray           *items,
                                         FdCliAddJsonFunc     add_item);
/* A JSON array of {code, label} objects; a code without a label (@labels NULL, or its
 * entry NULL) is its own label. @codes may be NULL: an empty array. */
void        _fd_cli_print_code_labels_json (const char * const *codes,
                                            const char * const *labels);
void        _fd_cli_add_customer_json   (JsonBuilder         *builder,
                                         FdCustomer          *customer);
JsonNode   *_fd_cli_customer_to_json    (FdCustomer          *customer);
void        _fd_cli_add_branch_json     (JsonBuilder         *builder,
                                         FdBranch            *branch);
void        _fd_cli_add_desk_json       (JsonBuilder         *builder,
                                         FdDesk              *desk);
/* The full visit object; with @wait_low ≥ 0 it also carries estimated_wait_min. */
void        _fd_cli_add_visit_json      (JsonBuilder         *builder,
                                         FdVisit             *visit,
                                         int                  wait_low,
                                         int                  wait_high);
/* The full claim object; with @messages (FdClaimMessage) it also carries “messages”,
 * with @history (FdHistoryEntry) “history”. */
void        _fd_cli_add_claim_json      (JsonBuilder         *builder,
                                         FdClaim             *claim,
                                         GPtrArray           *messages,
                                         GPtrArray           *history);
/* One message of a claim's thread; with @claim it also carries claim_id and reference. */
void        _fd_cli_add_message_json    (JsonBuilder         *builder,
                                         FdClaimMessage      *message,
                                         FdClaim             *claim);
void        _fd_cli_add_followup_json   (JsonBuilder         *builder,
                                         FdFollowup          *followup);
/* A follow-up just done, with “next”: its next occurrence, or null when it does not
 * repeat. */
void        _fd_cli_add_done_followup_json (JsonBuilder      *builder,
                                            FdFollowup       *followup,
                                            FdFollowup       *next);
/* A renewable service; with @with_followup also “followup”: its pending “renewal due”
 * follow-up (@followup), or null. */
void        _fd_cli_add_service_json    (JsonBuilder         *builder,
                                         gint64               id,
                                         gint64               customer_id,
                                         const char          *name,
                                         const char          *rrule,
                                         gint64               next_renewal,
                                         gboolean             with_followup,
                                         FdFollowup          *followup);

G_END_DECLS
