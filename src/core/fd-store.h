/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "fd-branch.h"
#include "fd-claim.h"
#include "fd-claim-message.h"
#include "fd-followup.h"
#include "fd-letter.h"
#include "fd-report.h"
#include "fd-customer.h"
#include "fd-customer-summary.h"
#include "fd-desk.h"
#include "fd-history-entry.h"
#include "fd-visit.h"

G_BEGIN_DECLS

#define FD_TYPE_STORE (fd_store_get_type ())

G_DECLARE_FINAL_TYPE (FdStore, fd_store, FD, STORE, GObject)

/* The default database: $FRONTDESK_DB, else <user data dir>/frontdesk/frontdesk.db. */
char        *fd_store_default_path          (void);

/* Opens (creating and migrating as needed) the database at @path. A file that is not a
 * Frontdesk database, is corrupt or comes from a newer version is refused, untouched. */
FdStore     *fd_store_open                  (const char   *path,
                                             GError      **error);
const char  *fd_store_get_path              (FdStore      *self);

/* Customers. Drafts are validated with fd_customer_validate(); saved snapshots returned. */
FdCustomer  *fd_store_add_customer          (FdStore      *self,
                                             FdCustomer   *draft,
                                             GError      **error);
FdCustomer  *fd_store_update_customer       (FdStore      *self,
                                             FdCustomer   *draft,
                                             GError      **error);
FdCustomer  *fd_store_get_customer          (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
gboolean     fd_store_archive_customer      (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
gboolean     fd_store_restore_customer      (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
/* Active (not archived) customers, from a counter kept by triggers: O(1). */
guint        fd_store_count_customers       (FdStore      *self);

/* Search: word prefixes of the name in any order, an e-mail prefix, or phone digits.
 * Exact word matches first, then prefix matches, each in name order. Element type FdCustomer. */
GPtrArray   *fd_store_search_customers      (FdStore      *self,
                                             const char   *query,
                                             guint         limit,
                                             GError      **error);
/* Likely existing records for a customer being typed: same folded name, e-mail or phone. */
GPtrArray   *fd_store_find_duplicates       (FdStore      *self,
                                             FdCustomer   *draft,
                                             guint         limit,
                                             GError      **error);
/* Everything about a customer, newest first: record changes ("change"), visits, claims,
 * their correspondence ("correspondence"), follow-ups ("follow_up") and renewals
 * ("renewal"). Element type FdHistoryEntry. */
GPtrArray   *fd_store_list_history          (FdStore      *self,
                                             gint64        customer_id,
                                             guint         limit,
                                             GError      **error);

/* What part of a customer's history to list: some kinds (FdHistoryKinds; 0: all), local
 * days from–to (yyyymmdd, both included; 0: open), and words every entry must contain in
 * its title or detail (folded: any case, script or accents; NULL or "": any). */
typedef struct
{
  guint        kinds;
  int          from_day;
  int          to_day;
  const char  *search;
} FdHistoryFilter;

#define FD_HISTORY_FILTER_INIT { 0, 0, 0, NULL }

/* Where a page of history ends, in the timeline's order (time, newest first; then kind;
 * then id): start from FD_HISTORY_CURSOR_INIT and pass the same cursor for the next page.
 * @end is set once nothing is left. */
typedef struct
{
  gint64    at;
  int       rank;
  gint64    id;
  gboolean  end;
} FdHistoryCursor;

#define FD_HISTORY_CURSOR_INIT { G_MAXINT64, -1, G_MAXINT64, FALSE }

/* The next page of at most @limit entries matching @filter (NULL: everything), read by a
 * keyset seek from @cursor. With a search, at most a few thousand entries are looked at
 * per call: a page may then come back short with @cursor->end still FALSE. A day that
 * does not exist, or from after to, is an %FD_ERROR_INVALID error naming "from" or "to".
 * Element type FdHistoryEntry. */
GPtrArray   *fd_store_list_history_page     (FdStore               *self,
                                             gint64                 customer_id,
                                             const FdHistoryFilter *filter,
                                             FdHistoryCursor       *cursor,
                                             guint                  limit,
                                             GError               **error);
/* The figures at the top of a customer's page, as of @now (0: now). */
FdCustomerSummary *fd_store_get_customer_summary (FdStore      *self,
                                                  gint64        customer_id,
                                                  gint64        now,
                                                  GError      **error);

/* Merges @duplicate_id into @survivor_id in one transaction: the survivor takes @fields
 * (the values chosen field by field; NULL keeps its own), every visit, claim (with its
 * correspondence), follow-up, service and record change of the duplicate moves to it, and
 * the duplicate is archived. Both histories get a "merged" change. The merge is recorded
 * (@merge_id) and fd_store_undo_merge() reverses it exactly. Merging a customer with
 * itself, an unknown or an archived customer is refused and nothing is written. */
gboolean     fd_store_merge_customers       (FdStore      *self,
                                             gint64        survivor_id,
                                             gint64        duplicate_id,
                                             FdCustomer   *fields,
                                             gint64       *merge_id,
                                             GError      **error);
/* Moves exactly the rows the merge moved back, restores the survivor's fields and the
 * duplicate, removes the merge's own history entries and marks the merge undone. A merge
 * is undone once: again is an %FD_ERROR_INVALID error. */
gboolean     fd_store_undo_merge            (FdStore      *self,
                                             gint64        merge_id,
                                             GError      **error);

/* Branches, desks, staff, purposes and the questionnaire. */
FdBranch    *fd_store_add_branch            (FdStore      *self,
                                             FdBranch     *draft,
                                             GError      **error);
FdBranch    *fd_store_update_branch         (FdStore      *self,
                                             FdBranch     *draft,
                                             GError      **error);
FdBranch    *fd_store_get_branch            (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
/* Element type FdBranch, by name. */
GPtrArray   *fd_store_list_branches         (FdStore      *self,
                                             GError      **error);
/* The branch this database works at: the one remembered with
 * fd_store_set_current_branch(), else the only one; 0 when there is no such branch. */
gint64       fd_store_get_current_branch    (FdStore      *self);
gboolean     fd_store_set_current_branch    (FdStore      *self,
                                             gint64        branch_id,
                                             GError      **error);
FdDesk      *fd_store_add_desk              (FdStore      *self,
                                             gint64        branch_id,
                                             const char   *name,
                                             GError      **error);
/* Element type FdDesk, by name. */
GPtrArray   *fd_store_list_desks            (FdStore      *self,
                                             gint64        branch_id,
                                             GError      **error);
/* Staff: @role is "receptionist", "branch_staff" or "manager". Returns the new id, 0 on error. */
gint64       fd_store_add_staff             (FdStore      *self,
                                             gint64        branch_id,
                                             const char   *name,
                                             const char   *role,
                                             GError      **error);
/* Staff of a branch by name: parallel arrays of ids (gint64), names and role codes. */
gboolean     fd_store_list_staff            (FdStore      *self,
                                             gint64        branch_id,
                                             GArray      **ids,
                                             GStrv        *names,
                                             GStrv        *roles,
                                             GError      **error);
/* Visit purposes, in order: codes (information, purchase, technical_service, claim,
 * renewal, other, and any added) and their labels, translated for the defaults. */
gboolean     fd_store_list_purposes         (FdStore      *self,
                                             GStrv        *codes,
                                             GStrv        *labels,
                                             GError      **error);
gboolean     fd_store_add_purpose           (FdStore      *self,
                                             const char   *code,
                                             const char   *label,
                                             GError      **error);
/* The branch's questionnaire for the questioning technique: questions in order. */
GStrv        fd_store_get_questions         (FdStore      *self,
                                             gint64        branch_id,
                                             GError      **error);
gboolean     fd_store_set_questions         (FdStore      *self,
                                             gint64        branch_id,
                                             const char * const *questions,
                                             GError      **error);

/* The queue and visits. @at is Unix seconds, 0 for now; a time in the future, or before
 * the visit's arrival, is refused. Each call is one durable transaction. */
FdVisit     *fd_store_check_in              (FdStore      *self,
                                             gint64        branch_id,
                                             gint64        customer_id,   /* 0: anonymous */
                                             const char   *purpose,
                                             FdPriority    priority,
                                             gint64        at,
                                             GError      **error);
/* Waiting visits of a branch in the order they will be called: priority first, then
 * first come. Element type FdVisit. */
GPtrArray   *fd_store_list_queue            (FdStore      *self,
                                             gint64        branch_id,
                                             GError      **error);
/* Visits being served at the branch's desks now, latest call first. Element type FdVisit. */
GPtrArray   *fd_store_list_serving          (FdStore      *self,
                                             gint64        branch_id,
                                             GError      **error);
/* Calls the next waiting visit (or the one with @ticket, of today) to @desk_id. */
FdVisit     *fd_store_call                  (FdStore      *self,
                                             gint64        branch_id,
                                             gint64        desk_id,
                                             const char   *ticket,        /* NULL: the next */
                                             gint64        at,
                                             GError      **error);
FdVisit     *fd_store_recall                (FdStore      *self,
                                             gint64        visit_id,
                                             gint64        at,
                                             GError      **error);
FdVisit     *fd_store_transfer              (FdStore      *self,
                                             gint64        visit_id,
                                             gint64        desk_id,
                                             GError      **error);
FdVisit     *fd_store_mark_no_show          (FdStore      *self,
                                             gint64        visit_id,
                                             gint64        at,
                                             GError      **error);
FdVisit     *fd_store_cancel_visit          (FdStore      *self,
                                             gint64        visit_id,
                                             gint64        at,
                                             GError      **error);

/* What the clerk records when a visit ends. Ratings 1–5, 0 when the customer skipped. */
typedef struct
{
  FdTechnique          technique;
  FdOutcome            outcome;
  const char          *notes;
  int                  rating_solved;
  int                  rating_staff;
  const char * const  *answers;       /* questionnaire answers, in question order, or NULL */
  gint64               staff_id;      /* who served, 0 when not recorded */
} FdVisitReport;

FdVisit     *fd_store_finish_visit          (FdStore      *self,
                                             gint64        visit_id,
                                             const FdVisitReport *report,
                                             gint64        at,
                                             GError      **error);
FdVisit     *fd_store_get_visit             (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
GStrv        fd_store_get_visit_answers     (FdStore      *self,
                                             gint64        visit_id,
                                             GError      **error);
/* A customer's visits, newest first, from before @before (0: from the newest). */
GPtrArray   *fd_store_list_customer_visits  (FdStore      *self,
                                             gint64        customer_id,
                                             gint64        before,
                                             guint         limit,
                                             GError      **error);
/* An honest range for how long a waiting visit will still wait, in minutes, from this
 * branch's service times at this weekday and hour, the visits ahead and the desks open. */
gboolean     fd_store_estimate_wait         (FdStore      *self,
                                             FdVisit      *visit,
                                             int          *low_minutes,
                                             int          *high_minutes,
                                             GError      **error);

/* Claims: complaints, compliments, suggestions and requests. Deadlines are counted in the
 * branch's working time from @received_at (0: now): acknowledgement and resolution after
 * the working days set for the kind and priority (defaults 2 and 10; high priority 1 and
 * 5; low 3 and 15). Every change is kept in the claim's history. */
typedef struct
{
  gint64           branch_id;
  gint64           customer_id;
  FdClaimKind      kind;
  const char      *channel;      /* in_person, phone, email, letter */
  const char      *category;     /* a category code */
  FdClaimPriority  priority;
  const char      *summary;
  gint64           received_at;
  gint64           visit_id;     /* 0 unless opened from a visit */
} FdClaimDraft;

FdClaim     *fd_store_open_claim            (FdStore            *self,
                                             const FdClaimDraft *draft,
                                             GError            **error);
FdClaim     *fd_store_get_claim             (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
/* @reference in any case, with or without spaces or dashes; a wrong check letter is an
 * %FD_ERROR_INVALID error, an unknown reference %FD_ERROR_NOT_FOUND. */
FdClaim     *fd_store_find_claim            (FdStore      *self,
                                             const char   *reference,
                                             GError      **error);
/* Moves a claim along the workflow; a transition it does not allow is refused. Moving to
 * resolved needs the resolution first (fd_store_resolve_claim()). */
FdClaim     *fd_store_move_claim            (FdStore      *self,
                                             gint64        claim_id,
                                             FdClaimStatus to,
                                             const char   *comment,
                                             GError      **error);
/* Records the resolution in the explanation formula and moves the claim to resolved. */
FdClaim     *fd_store_resolve_claim         (FdStore      *self,
                                             gint64        claim_id,
                                             const char   *problem,
                                             const char   *solution,
                                             const char   *benefit,
                                             GError      **error);
/* Claims newest first, optionally of one status (-1: any) and only the overdue ones
 * (not closed, resolution due before now). Element type FdClaim. */
GPtrArray   *fd_store_list_claims           (FdStore      *self,
                                             int           status,
                                             gboolean      overdue,
                                             guint         limit,
                                             GError      **error);
/* The claim's history, oldest first. Element type FdHistoryEntry (kind "claim-change",
 * title what changed, detail "from → to"). */
GPtrArray   *fd_store_list_claim_history    (FdStore      *self,
                                             gint64        claim_id,
                                             GError      **error);

/* Claim categories in order: codes (the defaults of fd_claim_default_categories(), and any
 * added) and labels (the branch's own name, else the translated default). */
gboolean     fd_store_list_claim_categories (FdStore      *self,
                                             GStrv        *codes,
                                             GStrv        *labels,
                                             GError      **error);
/* Adds a category, or renames one (NULL @label: the translated default again). */
gboolean     fd_store_set_claim_category    (FdStore      *self,
                                             const char   *code,
                                             const char   *label,
                                             GError      **error);

/* Working days to acknowledge and to resolve a claim of @kind and @priority: editable
 * defaults (normal 2 and 10, high 1 and 5, low 3 and 15). New values count for claims
 * opened from then on. */
gboolean     fd_store_get_claim_deadline    (FdStore         *self,
                                             FdClaimKind      kind,
                                             FdClaimPriority  priority,
                                             int             *ack_days,
                                             int             *resolve_days,
                                             GError         **error);
gboolean     fd_store_set_claim_deadline    (FdStore         *self,
                                             FdClaimKind      kind,
                                             FdClaimPriority  priority,
                                             int              ack_days,
                                             int              resolve_days,
                                             GError         **error);
/* A branch's own closed days (besides its weekly hours and the country's public
 * holidays), which claims' deadlines skip. Element type GDate, in date order. */
GArray      *fd_store_list_closed_days      (FdStore      *self,
                                             gint64        branch_id,
                                             GError      **error);
gboolean     fd_store_set_closed_day        (FdStore      *self,
                                             gint64        branch_id,
                                             const GDate  *day,
                                             gboolean      closed,
                                             GError      **error);

/* Who is working: the staff member whose name goes into claims' history and letters
 * (0: the operating system user's name). */
void         fd_store_set_current_staff     (FdStore      *self,
                                             gint64        staff_id);
gint64       fd_store_get_current_staff     (FdStore      *self);
/* A staff member's name, or NULL. */
char        *fd_store_dup_staff_name        (FdStore      *self,
                                             gint64        staff_id);

/* What a claim list shows: every field may be left at "any" (FD_CLAIM_FILTER_INIT). */
typedef struct
{
  int          status;        /* an FdClaimStatus, -1: any */
  int          kind;          /* an FdClaimKind, -1: any */
  const char  *category;      /* NULL: any */
  gint64       assignee_id;   /* 0: anyone, -1: unassigned */
  gint64       branch_id;     /* 0: every branch */
  gboolean     overdue;       /* only open claims past their resolution date */
} FdClaimFilter;

#define FD_CLAIM_FILTER_INIT { -1, -1, NULL, 0, 0, FALSE }

/* A page of claims matching @filter, newest received first (overdue ones: longest overdue
 * first), starting after @after, the last claim of the previous page (NULL: from the
 * start): a keyset page, never an offset. Element type FdClaim. */
GPtrArray   *fd_store_list_claims_page      (FdStore             *self,
                                             const FdClaimFilter *filter,
                                             FdClaim             *after,
                                             guint                limit,
                                             GError             **error);
/* Claims whose reference, summary, resolution or correspondence contains every word of
 * @query as a word prefix, folded like customer search (scripts, diacritics, case); a
 * claim reference in any spelling finds its claim first. Newest first; @before_id (0: from
 * the newest) continues a previous page. Element type FdClaim. */
GPtrArray   *fd_store_search_claims         (FdStore      *self,
                                             const char   *query,
                                             gint64        before_id,
                                             guint         limit,
                                             GError      **error);

/* Changes to a claim's fields; each field left at its INIT value stays as it is. A new
 * priority recomputes the deadlines unless @due_at is given. Every change is kept in the
 * claim's history with @comment. */
typedef struct
{
  const char  *category;
  int          priority;       /* -1: unchanged */
  gint64       assignee_id;    /* -1: unchanged, 0: nobody */
  const char  *concerns;       /* the department or staff member concerned; "" clears */
  const char  *summary;
  gint64       due_at;         /* 0: unchanged */
  int          satisfaction;   /* -1: unchanged, 0: clear, 1–5 */
} FdClaimChanges;

#define FD_CLAIM_CHANGES_INIT { NULL, -1, -1, NULL, NULL, 0, -1 }

FdClaim     *fd_store_update_claim          (FdStore              *self,
                                             gint64                claim_id,
                                             const FdClaimChanges *changes,
                                             const char           *comment,
                                             GError              **error);

/* Correspondence. Attachments are files read into the database in the same transaction;
 * a missing, unreadable or too large file (over FD_ATTACHMENT_MAX_BYTES) is an error and
 * nothing is written. */
#define FD_ATTACHMENT_MAX_BYTES (20 * 1024 * 1024)

typedef struct
{
  gint64               claim_id;
  FdMessageDirection   direction;
  const char          *channel;      /* in_person, phone, email, letter */
  gint64               at;           /* 0: now */
  const char          *subject;      /* may be NULL */
  const char          *body;
  const char          *language;     /* NULL: the customer's */
  const char          *template_code;/* the template it was written from, or NULL */
  const char * const  *attachments;  /* file paths, NULL-terminated, or NULL */
} FdMessageDraft;

FdClaimMessage *fd_store_add_message        (FdStore              *self,
                                             const FdMessageDraft *draft,
                                             GError              **error);
/* The claim's thread, oldest first. Element type FdClaimMessage. */
GPtrArray      *fd_store_list_messages      (FdStore      *self,
                                             gint64        claim_id,
                                             GError      **error);
/* An attachment's name and bytes. */
GBytes         *fd_store_read_attachment    (FdStore      *self,
                                             gint64        attachment_id,
                                             char        **name,
                                             GError      **error);

/* Reply templates: a branch's own version of @code in @language if it saved one, else
 * the built-in text. */
gboolean     fd_store_get_reply_template    (FdStore      *self,
                                             const char   *code,
                                             const char   *language,
                                             char        **subject,
                                             char        **body,
                                             GError      **error);
/* Saves an edited template; its placeholders are checked. NULL @body restores the default. */
gboolean     fd_store_set_reply_template    (FdStore      *self,
                                             const char   *code,
                                             const char   *language,
                                             const char   *subject,
                                             const char   *body,
                                             GError      **error);
/* The template filled in for this claim, in @language (NULL: the customer's preferred
 * language, else English): the text to edit before sending. */
gboolean     fd_store_fill_reply            (FdStore      *self,
                                             gint64        claim_id,
                                             const char   *code,
                                             const char   *language,
                                             char        **subject,
                                             char        **body,
                                             GError      **error);
/* The letter for an outgoing message (@message_id 0: the claim's latest outgoing letter,
 * else its latest outgoing message), laid out on the branch's letterhead. */
FdLetter    *fd_store_prepare_letter        (FdStore      *self,
                                             gint64        claim_id,
                                             gint64        message_id,
                                             GError      **error);

/* Follow-ups: what was promised to a customer, due at a time, for a staff member (0:
 * anyone at the branch). A claim's acknowledgement and resolution deadlines each keep one
 * (source claim_ack, claim_resolve) that moves with the deadline and is done when the
 * claim moves on; a renewable service keeps one "renewal due" its lead days before the
 * renewal. Recurring ones (@rrule, iCalendar) come back when done. */
typedef struct
{
  FdFollowupKind  kind;
  gint64          customer_id;   /* 0: the claim's customer, when @claim_id is given */
  gint64          claim_id;      /* 0: none */
  gint64          visit_id;      /* 0: none */
  gint64          due_at;        /* must not be in the past */
  const char     *rrule;         /* NULL: once */
  gint64          assignee_id;   /* 0: anyone */
  const char     *note;
} FdFollowupDraft;

FdFollowup  *fd_store_add_followup          (FdStore               *self,
                                             const FdFollowupDraft *draft,
                                             GError               **error);
FdFollowup  *fd_store_get_followup          (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
/* Done: a recurring follow-up gets its next occurrence (returned in @next, may be NULL). */
FdFollowup  *fd_store_complete_followup     (FdStore      *self,
                                             gint64        id,
                                             FdFollowup  **next,
                                             GError      **error);
/* Snoozed until @until (in the future); it is announced again then. */
FdFollowup  *fd_store_snooze_followup       (FdStore      *self,
                                             gint64        id,
                                             gint64        until,
                                             GError      **error);
FdFollowup  *fd_store_cancel_followup       (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
/* Undoes a cancellation: the follow-up is open again. */
FdFollowup  *fd_store_reopen_followup       (FdStore      *self,
                                             gint64        id,
                                             GError      **error);
/* @assignee_id 0: anyone. */
FdFollowup  *fd_store_reassign_followup     (FdStore      *self,
                                             gint64        id,
                                             gint64        assignee_id,
                                             GError      **error);

typedef enum
{
  FD_FOLLOWUPS_OVERDUE,    /* pending, announced before now */
  FD_FOLLOWUPS_TODAY,      /* pending, from now to the end of the local day */
  FD_FOLLOWUPS_UPCOMING,   /* pending, after today */
  FD_FOLLOWUPS_PENDING,    /* open or snoozed, any time */
  FD_FOLLOWUPS_ALL,        /* every state, newest due first */
} FdFollowupSection;

typedef struct
{
  FdFollowupSection section;
  gint64            assignee_id;   /* 0: anyone's, -1: nobody's */
  gint64            customer_id;   /* 0: every customer */
  gint64            due_before;    /* 0: no limit (PENDING and ALL only) */
  int               state;         /* an FdFollowupState, -1: any (ALL only) */
  gboolean          with_unassigned; /* with @assignee_id > 0: and nobody's too ("mine") */
} FdFollowupFilter;

#define FD_FOLLOWUP_FILTER_INIT { FD_FOLLOWUPS_PENDING, 0, 0, 0, -1, FALSE }

/* A keyset page in announcement order (ALL: newest due first), after @after (NULL: from
 * the start). Element type FdFollowup. */
GPtrArray   *fd_store_list_followups        (FdStore                *self,
                                             const FdFollowupFilter *filter,
                                             FdFollowup             *after,
                                             guint                   limit,
                                             GError                **error);
/* How many are in @section for @assignee_id (0: all; -1: nobody's), counting at most @cap.
 * The "my" variant counts a staff member's and nobody's together. */
guint        fd_store_count_followups       (FdStore           *self,
                                             FdFollowupSection  section,
                                             gint64             assignee_id,
                                             guint              cap,
                                             GError           **error);
guint        fd_store_count_my_followups    (FdStore           *self,
                                             FdFollowupSection  section,
                                             gint64             staff_id,
                                             guint              cap,
                                             GError           **error);
/* The next time after @now anything pending is to be announced; 0 when nothing is. */
gint64       fd_store_next_followup_time    (FdStore      *self,
                                             gint64        now,
                                             GError      **error);
/* The pending follow-ups due by @now that @recipient has not been told about yet, for
 * @staff_id (its own and everyone's; 0: only everyone's), each recorded as told in the
 * same transaction: exactly once per recipient and announcement. Element type FdFollowup,
 * oldest first. */
GPtrArray   *fd_store_take_due_followups    (FdStore      *self,
                                             const char   *recipient,
                                             gint64        staff_id,
                                             gint64        now,
                                             GError      **error);

/* Renewable services: a renewal every @rrule period from @next_renewal; a "renewal due"
 * follow-up @lead_days before each (FD_SERVICE_DEFAULT_LEAD_DAYS unless said). */
#define FD_SERVICE_DEFAULT_LEAD_DAYS 14

gint64       fd_store_add_service           (FdStore      *self,
                                             gint64        customer_id,
                                             const char   *name,
                                             const char   *rrule,
                                             gint64        next_renewal,
                                             int           lead_days,
                                             GError      **error);
/* Records the renewal: the service's next renewal moves one period on, its follow-up is
 * done and the next one made. Returns the new renewal time, 0 on error. */
gint64       fd_store_record_renewal        (FdStore      *self,
                                             gint64        service_id,
                                             GError      **error);
/* A customer's services: parallel arrays of ids, names, rules and next renewals. */
gboolean     fd_store_list_services         (FdStore      *self,
                                             gint64        customer_id,
                                             GArray      **ids,
                                             GStrv        *names,
                                             GStrv        *rrules,
                                             GArray      **next_renewals,
                                             GError      **error);
/* Days after a claim is resolved when a satisfaction survey falls due (0: none; default 7). */
int          fd_store_get_satisfaction_days (FdStore      *self);
gboolean     fd_store_set_satisfaction_days (FdStore      *self,
                                             int           days,
                                             GError      **error);
/* Writes the pending follow-ups as iCalendar VTODOs (libical) to @path. */
gboolean     fd_store_export_followups_ics  (FdStore      *self,
                                             const char   *path,
                                             GError      **error);

/* Signals: "customers-changed", "visits-changed" (the queue or any visit), "branches-changed"
 * (branches, desks, staff, purposes, questions), "claims-changed", "followups-changed", and
 * "corrupt" (GError). Changes made by
 * other processes on the same database (a second Frontdesk, the waiting-room board, the
 * CLI) are noticed once fd_store_watch() has been called: within a second, through a file
 * monitor and PRAGMA data_version, never by polling tables. */
void         fd_store_watch                 (FdStore      *self);

/* Reads the database file once in the background so first queries are warm. */
void         fd_store_prewarm_async         (FdStore      *self);

/* Reports (fd-report.h). Days are local yyyymmdd, both included; branch 0 = all. The
 * summaries of days changed since the last report are brought up to date first. The
 * async variant runs on a worker thread with its own connection. */
GVariant    *fd_store_run_report            (FdStore      *self,
                                             FdReportKind  kind,
                                             int           from_day,
                                             int           to_day,
                                             gint64        branch_id,
                                             GError      **error);
void         fd_store_run_report_async      (FdStore            *self,
                                             FdReportKind        kind,
                                             int                 from_day,
                                             int                 to_day,
                                             gint64              branch_id,
                                             GCancellable       *cancellable,
                                             GAsyncReadyCallback callback,
                                             gpointer            user_data);
GVariant    *fd_store_run_report_finish     (FdStore      *self,
                                             GAsyncResult *result,
                                             GError      **error);
/* Brings the reports' day summaries up to date now (after a bulk load, say); reports
 * do it themselves otherwise. */
gboolean     fd_store_prepare_reports       (FdStore      *self,
                                             GError      **error);
/* The waiting report's target: customers called within it count as served on time. */
int          fd_store_get_wait_target       (FdStore      *self);
gboolean     fd_store_set_wait_target       (FdStore      *self,
                                             int           seconds,
                                             GError      **error);

G_END_DECLS
