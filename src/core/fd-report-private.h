/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "fd-database.h"
#include "fd-report.h"
#include "fd-store.h"

G_BEGIN_DECLS

/* What a report needs to know of one visit (cancelled ones are left out) and one claim.
 * The same facts come from the base tables (fd_report_read_*_facts) or from the day
 * summaries that store them packed (fd-store-report-days.c). Days are Julian days
 * (GDate), 0 = none; durations are seconds, -1 = none. */
typedef struct
{
  gint64   branch_id;
  int      day;
  int      weekday;          /* 1 = Monday … 7 */
  int      hour;             /* of arrival, local */
  gboolean finished;
  gboolean followed;         /* a claim or a follow-up came of it */
  int      wait;             /* arrival → call */
  int      service;          /* call → finish */
  int      technique;        /* FdTechnique */
  int      outcome;          /* FdOutcome */
  int      rating_solved;    /* 1–5, 0 = none */
  int      rating_staff;
  gint64   staff_id;
  gboolean has_customer;
  int      age_group;        /* FdAgeGroup */
  int      channel;          /* FdChannel */
  int      first_day;        /* the customer's first visit anywhere */
  int      prev_day;         /* their previous visit anywhere */
  int      prev_branch_day;  /* their previous visit at this branch */
} FdVisitFact;

typedef struct
{
  gint64   branch_id;
  int      day;              /* received, local */
  int      kind;             /* FdClaimKind */
  int      channel;          /* FdChannel */
  int      age_group;
  int      satisfaction;     /* 1–5, 0 = none */
  gint64   ack;              /* received → acknowledged, -1 = not yet */
  gint64   resolution;       /* received → resolved or closed, -1 = still open */
  gboolean late;             /* resolved or closed after its due time */
  char     category[64];
} FdClaimFact;

typedef enum
{
  FD_AGE_GROUP_UNKNOWN,
  FD_AGE_GROUP_UNDER_25,
  FD_AGE_GROUP_25_34,
  FD_AGE_GROUP_35_44,
  FD_AGE_GROUP_45_54,
  FD_AGE_GROUP_55_64,
  FD_AGE_GROUP_65_PLUS,
  FD_AGE_GROUP_N,
} FdAgeGroup;

int         _fd_age_group_for         (int birth_year, int year);
const char *_fd_age_group_to_code     (int group);

int         _fd_report_day_to_julian  (int yyyymmdd);
int         _fd_report_julian_to_day  (int julian);
/* Unix time of local midnight starting a Julian day. */
gint64      _fd_report_julian_start   (int julian);
int         _fd_report_julian_of_time (gint64 at);

/* Adding up facts into a report. */
typedef struct _FdReportAcc FdReportAcc;

typedef struct
{
  gint64 id;
  char  *name;
} FdReportName;

FdReportAcc *_fd_report_acc_new         (FdReportKind       kind,
                                         int                from_jd,
                                         int                to_jd,
                                         gint64             branch_id,
                                         int                wait_target);
void         _fd_report_acc_free        (FdReportAcc       *acc);
void         _fd_report_acc_add_visit   (FdReportAcc       *acc,
                                         const FdVisitFact *fact);
void         _fd_report_acc_add_claim   (FdReportAcc       *acc,
                                         const FdClaimFact *fact);
/* Peaks and seasons count visits and claims without their facts. @before: a day of the
 * year before the range (seasons). */
void         _fd_report_acc_add_counts  (FdReportAcc       *acc,
                                         int                julian,
                                         int                weekday,
                                         int                hour,
                                         guint64            visits,
                                         guint64            claims);
void         _fd_report_acc_add_first_contact (FdReportAcc *acc,
                                         guint64            finished,
                                         guint64            first_contact);
void         _fd_report_acc_add_open_claim (FdReportAcc    *acc,
                                         int                age_days);
void         _fd_report_acc_set_names   (FdReportAcc       *acc,
                                         GHashTable        *branches,
                                         GHashTable        *staff,
                                         GHashTable        *categories);
GVariant    *_fd_report_acc_end         (FdReportAcc       *acc);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdReportAcc, _fd_report_acc_free)

/* Reading facts from the base tables, shared by the raw report and the summaries.
 * Visits of days from–to (Julian) at @branch_id (0: all), with or without what concerns
 * their customers' other visits (@people); claims received then. */
typedef gboolean (*FdVisitFactFunc) (const FdVisitFact *fact, gpointer user_data, GError **error);
typedef gboolean (*FdClaimFactFunc) (const FdClaimFact *fact, gpointer user_data, GError **error);

gboolean    _fd_report_read_visit_facts (FdDatabase      *db,
                                         int              from_jd,
                                         int              to_jd,
                                         gint64           branch_id,
                                         gboolean         people,
                                         FdVisitFactFunc  func,
                                         gpointer         user_data,
                                         GError         **error);
gboolean    _fd_report_read_claim_facts (FdDatabase      *db,
                                         int              from_jd,
                                         int              to_jd,
                                         gint64           branch_id,
                                         FdClaimFactFunc  func,
                                         gpointer         user_data,
                                         GError         **error);

/* The day summaries (fd-store-report-days.c). */
gboolean    _fd_store_flush_report_days (FdDatabase      *db,
                                         GError         **error);
gboolean    _fd_store_rebuild_report_days (FdDatabase    *db,
                                         GError         **error);
gboolean    _fd_report_add_summaries    (FdDatabase      *db,
                                         FdReportAcc     *acc,
                                         FdReportKind     kind,
                                         int              from_jd,
                                         int              to_jd,
                                         int              before_from_jd,
                                         int              before_to_jd,
                                         gint64           branch_id,
                                         GError         **error);

/* A report over local days from–to (yyyymmdd), from the summaries (after flushing what
 * changed) or, with @raw, from the base tables alone: the bench's and the tests'
 * reference. */
GVariant    *_fd_report_run             (FdDatabase      *db,
                                         FdReportKind     kind,
                                         int              from_day,
                                         int              to_day,
                                         gint64           branch_id,
                                         int              wait_target,
                                         gboolean         raw,
                                         GError         **error);

G_END_DECLS
