/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "fd-claim.h"
#include "fd-customer.h"
#include "fd-report-private.h"
#include "fd-store-private.h"
#include "fd-visit.h"

/* Codes, labels and the adding-up of facts into a report's GVariant: everything both
 * the summaries and the base-table reference share. */

static const char * const kind_codes[FD_REPORT_N_KINDS] = {
  "peaks", "seasons", "waiting", "claims", "satisfaction", "customers",
};

const char *
fd_report_kind_to_code (FdReportKind kind)
{
  g_return_val_if_fail (kind < FD_REPORT_N_KINDS, NULL);
  return kind_codes[kind];
}

gboolean
fd_report_kind_from_code (const char   *code,
                          FdReportKind *kind)
{
  for (guint i = 0; i < FD_REPORT_N_KINDS; i++)
    if (g_strcmp0 (code, kind_codes[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

const char *
fd_report_kind_to_label (FdReportKind kind)
{
  switch (kind)
    {
    case FD_REPORT_PEAKS:        return C_("report", "Peaks");
    case FD_REPORT_SEASONS:      return C_("report", "Seasons");
    case FD_REPORT_WAITING:      return C_("report", "Waiting");
    case FD_REPORT_CLAIMS:       return C_("report", "Claims");
    case FD_REPORT_SATISFACTION: return C_("report", "Satisfaction");
    case FD_REPORT_CUSTOMERS:    return C_("report", "Customers");
    case FD_REPORT_N_KINDS:
    default:                     g_return_val_if_reached (NULL);
    }
}

static const struct { const char *key; const char *label; } key_labels[] = {
  { "cells",                      N_("Visits by Weekday and Hour") },
  { "busiest",                    N_("Busiest Hours") },
  { "months",                     N_("By Month") },
  { "by_weekday",                 N_("By Weekday") },
  { "by_hour",                    N_("By Hour") },
  { "by_weekday_hour",            N_("By Weekday and Hour") },
  { "by_category",                N_("By Category") },
  { "by_kind",                    N_("By Kind") },
  { "by_channel",                 N_("By Channel") },
  { "by_age_group",               N_("By Age Group") },
  { "open_by_age",                N_("Open Claims by Age") },
  { "by_month",                   N_("By Month") },
  { "by_branch",                  N_("By Branch") },
  { "by_technique",               N_("By Technique") },
  { "by_staff",                   N_("By Staff Member") },
  { "weekday",                    N_("Weekday") },
  { "hour",                       N_("Hour") },
  { "visits",                     N_("Visits") },
  { "month",                      N_("Month") },
  { "claims",                     N_("Claims") },
  { "visits_year_before",         N_("Visits a Year Before") },
  { "claims_year_before",         N_("Claims a Year Before") },
  { "median_wait_s",              N_("Median Wait") },
  { "p90_wait_s",                 N_("Wait, 90th Percentile") },
  { "median_service_s",           N_("Median Service Time") },
  { "p90_service_s",              N_("Service Time, 90th Percentile") },
  { "share_called_within_target", N_("Called Within Target") },
  { "target_s",                   N_("Wait Target") },
  { "called",                     N_("Called") },
  { "served",                     N_("Served") },
  { "category",                   N_("Category") },
  { "label",                      N_("Name") },
  { "kind",                       N_("Kind") },
  { "channel",                    N_("Channel") },
  { "age_group",                  N_("Age Group") },
  { "age",                        N_("Age in Days") },
  { "open_claims",                N_("Open Claims") },
  { "resolved",                   N_("Resolved") },
  { "resolved_past_due",          N_("Resolved Past Due") },
  { "share_closed_past_due",      N_("Closed Past Due") },
  { "median_ack_s",               N_("Median Time to Acknowledgement") },
  { "median_resolution_s",        N_("Median Time to Resolution") },
  { "visits_finished",            N_("Visits Served") },
  { "visits_first_contact",       N_("Resolved at First Contact") },
  { "first_contact_resolution",   N_("First-Contact Resolution") },
  { "rated_visits",               N_("Rated Visits") },
  { "avg_rating_solved",          N_("Problem Solved (Average)") },
  { "avg_rating_staff",           N_("Staff (Average)") },
  { "rated_claims",               N_("Rated Claims") },
  { "avg_claim_satisfaction",     N_("Claim Satisfaction (Average)") },
  { "branch_id",                  N_("Branch Number") },
  { "branch",                     N_("Branch") },
  { "technique",                  N_("Technique") },
  { "share_resolved",             N_("Resolved") },
  { "staff_id",                   N_("Staff Number") },
  { "staff",                      N_("Staff Member") },
  { "visitors",                   N_("Customers") },
  { "new",                        N_("New") },
  { "returning",                  N_("Returning") },
  { "anonymous_visits",           N_("Anonymous Visits") },
};

const char *
fd_report_key_to_label (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (key_labels); i++)
    if (g_strcmp0 (key, key_labels[i].key) == 0)
      return _(key_labels[i].label);
  return key;
}

static const char * const age_codes[FD_AGE_GROUP_N] = {
  "unknown", "under_25", "25_34", "35_44", "45_54", "55_64", "65_plus",
};

const char *
_fd_age_group_to_code (int group)
{
  g_return_val_if_fail (group >= 0 && group < FD_AGE_GROUP_N, NULL);
  return age_codes[group];
}

int
_fd_age_group_for (int birth_year,
                   int year)
{
  int age = year - birth_year;

  if (birth_year <= 0 || age < 0)
    return FD_AGE_GROUP_UNKNOWN;
  if (age < 25)
    return FD_AGE_GROUP_UNDER_25;
  if (age >= 65)
    return FD_AGE_GROUP_65_PLUS;
  return FD_AGE_GROUP_25_34 + (age - 25) / 10;
}

const char *
fd_age_group_to_label (const char *code)
{
  if (g_strcmp0 (code, "under_25") == 0) return C_("age group", "Under 25");
  if (g_strcmp0 (code, "25_34") == 0)    return C_("age group", "25–34");
  if (g_strcmp0 (code, "35_44") == 0)    return C_("age group", "35–44");
  if (g_strcmp0 (code, "45_54") == 0)    return C_("age group", "45–54");
  if (g_strcmp0 (code, "55_64") == 0)    return C_("age group", "55–64");
  if (g_strcmp0 (code, "65_plus") == 0)  return C_("age group", "65 and Over");
  return C_("age group", "Unknown");
}

int
_fd_report_day_to_julian (int yyyymmdd)
{
  int y = yyyymmdd / 10000, m = yyyymmdd / 100 % 100, d = yyyymmdd % 100;
  GDate date;

  if (!g_date_valid_dmy (d, m, y))
    return 0;
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return g_date_get_julian (&date);
}

int
_fd_report_julian_to_day (int julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_year (&date) * 10000 + g_date_get_month (&date) * 100 + g_date_get_day (&date);
}

gint64
_fd_report_julian_start (int julian)
{
  g_autoptr(GDateTime) midnight = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  midnight = g_date_time_new (_fd_local_time_zone (), g_date_get_year (&date),
                              g_date_get_month (&date), g_date_get_day (&date), 0, 0, 0);
  return g_date_time_to_unix (midnight);
}

int
_fd_report_julian_of_time (gint64 at)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, _fd_local_time_zone ());
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return g_date_get_julian (&date);
}

static int
julian_month (int julian)   /* months since year 0 */
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  return g_date_get_year (&date) * 12 + g_date_get_month (&date) - 1;
}

/* The same calendar day a year earlier (29 February becomes the 28th). */
static int
julian_year_before (int julian)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, julian);
  g_date_subtract_years (&date, 1);
  return g_date_get_julian (&date);
}

/* Percentiles: values are sorted as 32-bit keys, a group in the high bits and the
 * value in the low ones, by an LSD radix sort (a report sorts up to a few million). */
static void
radix_sort (guint32 *keys,
            gsize    n)
{
  g_autofree guint32 *tmp = g_new (guint32, n ? n : 1);
  guint32 *src = keys, *dst = tmp;

  for (int shift = 0; shift < 32; shift += 8)
    {
      gsize count[257] = { 0 };

      for (gsize i = 0; i < n; i++)
        count[((src[i] >> shift) & 0xff) + 1]++;
      for (int b = 0; b < 256; b++)
        count[b + 1] += count[b];
      for (gsize i = 0; i < n; i++)
        dst[count[(src[i] >> shift) & 0xff]++] = src[i];
      { guint32 *swap = src; src = dst; dst = swap; }
    }
  /* Four passes: the result is back in keys. */
}

/* PostgreSQL's percentile_cont over sorted values. */
static double
percentile (const guint32 *sorted,
            gsize          n,
            guint32        mask,
            double         p)
{
  double h = p * (double) (n - 1);
  gsize lo = (gsize) floor (h);
  double below = sorted[lo] & mask;

  if (lo + 1 >= n)
    return below;
  return below + (h - (double) lo) * ((double) (sorted[lo + 1] & mask) - below);
}

/* percentile_cont over a histogram: @counts[v] values equal v, @n in all. */
static double
histogram_percentile (const guint32 *counts,
                      guint64        n,
                      double         p)
{
  double h = p * (double) (n - 1);
  guint64 lo = (guint64) floor (h), seen = 0;
  double below = -1;

  for (guint32 v = 0; v < G_MAXUINT16; v++)
    {
      seen += counts[v];
      if (below < 0 && seen > lo)
        below = v;
      if (seen > lo + 1 || (seen == n && below >= 0))
        return lo + 1 >= n ? below : below + (h - (double) lo) * ((double) v - below);
    }
  return below;
}

/* Adding up. */

#define NO_DURATION G_MAXUINT32

typedef struct
{
  guint16 wait;
  guint16 service;   /* G_MAXUINT16: none */
  guint8  weekday;
  guint8  hour;
} Times;

typedef struct
{
  guint64  visits;      /* finished */
  guint64  resolved;
  guint64  rated;       /* with either rating */
  guint64  n_solved, sum_solved, n_staff, sum_staff;
  guint32 *service;     /* how many visits took each number of seconds, or NULL */
  guint64  n_service;
} Care;

typedef struct
{
  guint64 claims, by_kind[4], by_channel[5], by_age[FD_AGE_GROUP_N];
  guint64 resolved, late, open, open_by_age[4];
  guint64 finished, first_contact;
  guint64 rated, sum_satisfaction;
  GHashTable *by_category;   /* code → guint64* */
  GArray *ack, *resolution;  /* guint32 seconds */
} Claims;

struct _FdReportAcc
{
  FdReportKind kind;
  int          from_jd, to_jd, before_from_jd, before_to_jd;
  gint64       branch_id;
  int          wait_target;
  int          first_month, n_months;

  guint64      cells[7][24];
  guint64     *month_visits, *month_claims, *before_visits, *before_claims;
  GArray      *times;
  Claims       claims;
  Care         all, technique[4], *month_care;
  GHashTable  *branch_care, *staff_care;   /* id → Care* */
  Care       **staff_index;                /* the same, by id below 65,536 */
  Care         day_care;
  int          day_care_day;
  gint64       day_care_branch;
  guint64      visitors, new_, returning, anonymous;
  guint64      age_customers[FD_AGE_GROUP_N][2], channel_customers[5][2];

  GHashTable  *branch_names, *staff_names, *category_names;
};

static void
care_clear (Care *care)
{
  g_clear_pointer (&care->service, g_free);
}

static void
care_merge (Care       *into,
            const Care *from)
{
  into->visits += from->visits;
  into->resolved += from->resolved;
  into->rated += from->rated;
  into->n_solved += from->n_solved;
  into->sum_solved += from->sum_solved;
  into->n_staff += from->n_staff;
  into->sum_staff += from->sum_staff;
}

static void
care_free (gpointer data)
{
  care_clear (data);
  g_free (data);
}

FdReportAcc *
_fd_report_acc_new (FdReportKind kind,
                    int          from_jd,
                    int          to_jd,
                    gint64       branch_id,
                    int          wait_target)
{
  FdReportAcc *acc = g_new0 (FdReportAcc, 1);

  acc->kind = kind;
  acc->from_jd = from_jd;
  acc->to_jd = to_jd;
  acc->before_from_jd = julian_year_before (from_jd);
  acc->before_to_jd = julian_year_before (to_jd);
  acc->branch_id = branch_id;
  acc->wait_target = wait_target;
  acc->first_month = julian_month (from_jd);
  acc->n_months = MAX (julian_month (to_jd) - acc->first_month + 1, 1);
  acc->month_visits = g_new0 (guint64, acc->n_months);
  acc->month_claims = g_new0 (guint64, acc->n_months);
  acc->before_visits = g_new0 (guint64, acc->n_months);
  acc->before_claims = g_new0 (guint64, acc->n_months);
  acc->month_care = g_new0 (Care, acc->n_months);
  acc->times = g_array_new (FALSE, FALSE, sizeof (Times));
  acc->claims.by_category = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  acc->claims.ack = g_array_new (FALSE, FALSE, sizeof (guint32));
  acc->claims.resolution = g_array_new (FALSE, FALSE, sizeof (guint32));
  acc->branch_care = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, care_free);
  acc->staff_care = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, care_free);
  return acc;
}

void
_fd_report_acc_free (FdReportAcc *acc)
{
  g_free (acc->month_visits);
  g_free (acc->month_claims);
  g_free (acc->before_visits);
  g_free (acc->before_claims);
  for (int i = 0; i < acc->n_months; i++)
    care_clear (&acc->month_care[i]);
  g_free (acc->month_care);
  care_clear (&acc->all);
  for (guint i = 0; i < G_N_ELEMENTS (acc->technique); i++)
    care_clear (&acc->technique[i]);
  g_array_unref (acc->times);
  g_hash_table_unref (acc->claims.by_category);
  g_array_unref (acc->claims.ack);
  g_array_unref (acc->claims.resolution);
  g_hash_table_unref (acc->branch_care);
  g_hash_table_unref (acc->staff_care);
  g_free (acc->staff_index);
  g_clear_pointer (&acc->branch_names, g_hash_table_unref);
  g_clear_pointer (&acc->staff_names, g_hash_table_unref);
  g_clear_pointer (&acc->category_names, g_hash_table_unref);
  g_free (acc);
}

void
_fd_report_acc_set_names (FdReportAcc *acc,
                          GHashTable  *branches,
                          GHashTable  *staff,
                          GHashTable  *categories)
{
  acc->branch_names = branches ? g_hash_table_ref (branches) : NULL;
  acc->staff_names = staff ? g_hash_table_ref (staff) : NULL;
  acc->category_names = categories ? g_hash_table_ref (categories) : NULL;
}

static gboolean
in_range (FdReportAcc *acc,
          int          julian)
{
  return julian >= acc->from_jd && julian <= acc->to_jd;
}

/* The month slot of a day in the range, or of a day in the year before it. */
static int
month_slot (FdReportAcc *acc,
            int          julian,
            gboolean    *before)
{
  *before = !in_range (acc, julian);
  if (*before)
    {
      if (julian < acc->before_from_jd || julian > acc->before_to_jd)
        return -1;
      return julian_month (julian) + 12 - acc->first_month;
    }
  return julian_month (julian) - acc->first_month;
}

void
_fd_report_acc_add_counts (FdReportAcc *acc,
                           int          julian,
                           int          weekday,
                           int          hour,
                           guint64      visits,
                           guint64      claims)
{
  gboolean before;
  int slot = month_slot (acc, julian, &before);

  if (!before && weekday >= 1 && weekday <= 7 && hour >= 0 && hour < 24)
    acc->cells[weekday - 1][hour] += visits;
  if (slot < 0 || slot >= acc->n_months)
    return;
  (before ? acc->before_visits : acc->month_visits)[slot] += visits;
  (before ? acc->before_claims : acc->month_claims)[slot] += claims;
}

void
_fd_report_acc_add_first_contact (FdReportAcc *acc,
                                  guint64      finished,
                                  guint64      first_contact)
{
  acc->claims.finished += finished;
  acc->claims.first_contact += first_contact;
}

void
_fd_report_acc_add_open_claim (FdReportAcc *acc,
                               int          age_days)
{
  int bucket = age_days <= 2 ? 0 : age_days <= 7 ? 1 : age_days <= 30 ? 2 : 3;

  acc->claims.open++;
  acc->claims.open_by_age[bucket]++;
}

static void
care_add (Care              *care,
          const FdVisitFact *fact,
          gboolean           keep_service)
{
  care->visits++;
  care->resolved += fact->outcome == FD_OUTCOME_RESOLVED;
  care->rated += fact->rating_solved > 0 || fact->rating_staff > 0;
  if (fact->rating_solved > 0)
    {
      care->n_solved++;
      care->sum_solved += fact->rating_solved;
    }
  if (fact->rating_staff > 0)
    {
      care->n_staff++;
      care->sum_staff += fact->rating_staff;
    }
  if (keep_service && fact->service >= 0)
    {
      if (care->service == NULL)
        care->service = g_new0 (guint32, G_MAXUINT16);
      care->service[MIN ((guint32) fact->service, G_MAXUINT16 - 1)]++;
      care->n_service++;
    }
}

static Care *
care_lookup (GHashTable *table,
             gint64      id)
{
  Care *care = g_hash_table_lookup (table, &id);

  if (care == NULL)
    {
      care = g_new0 (Care, 1);
      g_hash_table_insert (table, g_memdup2 (&id, sizeof id), care);
    }
  return care;
}

static void
add_customer (FdReportAcc       *acc,
              const FdVisitFact *fact)
{
  int prev = acc->branch_id ? fact->prev_branch_day : fact->prev_day;
  int returning;

  if (!fact->has_customer)
    {
      acc->anonymous++;
      return;
    }
  /* Each customer's first visit in the range counts them once. */
  if (prev != 0 && prev >= acc->from_jd)
    return;
  returning = fact->first_day != 0 && fact->first_day < acc->from_jd;
  acc->visitors++;
  if (returning)
    acc->returning++;
  else
    acc->new_++;
  acc->age_customers[CLAMP (fact->age_group, 0, FD_AGE_GROUP_N - 1)][returning]++;
  acc->channel_customers[CLAMP (fact->channel, 0, 4)][returning]++;
}

static void
flush_day_care (FdReportAcc *acc)
{
  if (acc->day_care.visits == 0)
    return;
  care_merge (&acc->all, &acc->day_care);
  care_merge (&acc->month_care[julian_month (acc->day_care_day) - acc->first_month], &acc->day_care);
  care_merge (care_lookup (acc->branch_care, acc->day_care_branch), &acc->day_care);
  memset (&acc->day_care, 0, sizeof acc->day_care);
}

#define STAFF_INDEX_SIZE 65536

static Care *
staff_care (FdReportAcc *acc,
            gint64       staff_id)
{
  Care *care;

  if (staff_id < 0 || staff_id >= STAFF_INDEX_SIZE)
    return care_lookup (acc->staff_care, staff_id);
  if (acc->staff_index == NULL)
    acc->staff_index = g_new0 (Care *, STAFF_INDEX_SIZE);
  if (!(care = acc->staff_index[staff_id]))
    care = acc->staff_index[staff_id] = care_lookup (acc->staff_care, staff_id);
  return care;
}

void
_fd_report_acc_add_visit (FdReportAcc       *acc,
                          const FdVisitFact *fact)
{
  if (!in_range (acc, fact->day))
    return;

  if (fact->wait >= 0 && acc->kind == FD_REPORT_WAITING)
    {
      Times t = {
        .wait = MIN ((guint32) fact->wait, G_MAXUINT16 - 1),
        .service = fact->service >= 0 ? MIN ((guint32) fact->service, G_MAXUINT16 - 1) : G_MAXUINT16,
        .weekday = fact->weekday,
        .hour = fact->hour,
      };
      g_array_append_val (acc->times, t);
    }

  if (fact->finished && acc->kind == FD_REPORT_SATISFACTION)
    {
      /* Facts come a branch day at a time: they add up into one Care for the day,
       * which goes to the totals, the month and the branch when the next day starts. */
      if (fact->day != acc->day_care_day || fact->branch_id != acc->day_care_branch)
        {
          flush_day_care (acc);
          acc->day_care_day = fact->day;
          acc->day_care_branch = fact->branch_id;
        }
      care_add (&acc->day_care, fact, FALSE);
      if (fact->staff_id != 0)
        care_add (staff_care (acc, fact->staff_id), fact, FALSE);
      if (fact->technique > 0 && fact->technique < (int) G_N_ELEMENTS (acc->technique))
        care_add (&acc->technique[fact->technique], fact, TRUE);
    }

  if (acc->kind == FD_REPORT_CUSTOMERS)
    add_customer (acc, fact);
}

static int
claim_kind_index (int kind)
{
  return CLAMP (kind, 0, 3);
}

void
_fd_report_acc_add_claim (FdReportAcc       *acc,
                          const FdClaimFact *fact)
{
  Claims *c = &acc->claims;
  guint64 *count;

  if (!in_range (acc, fact->day))
    return;

  c->claims++;
  c->by_kind[claim_kind_index (fact->kind)]++;
  c->by_channel[CLAMP (fact->channel, 0, 4)]++;
  c->by_age[CLAMP (fact->age_group, 0, FD_AGE_GROUP_N - 1)]++;
  if (!(count = g_hash_table_lookup (c->by_category, fact->category)))
    {
      count = g_new0 (guint64, 1);
      g_hash_table_insert (c->by_category, g_strdup (fact->category), count);
    }
  (*count)++;
  if (fact->ack >= 0)
    {
      guint32 ack = MIN (fact->ack, (gint64) G_MAXUINT32 - 1);
      g_array_append_val (c->ack, ack);
    }
  if (fact->resolution >= 0)
    {
      guint32 resolution = MIN (fact->resolution, (gint64) G_MAXUINT32 - 1);
      g_array_append_val (c->resolution, resolution);
      c->resolved++;
      c->late += fact->late;
    }
  if (fact->satisfaction > 0)
    {
      c->rated++;
      c->sum_satisfaction += fact->satisfaction;
    }
}

/* Writing the GVariant. */

static void
put_int (GVariantBuilder *b,
         const char      *key,
         gint64           value)
{
  g_variant_builder_add (b, "{sv}", key, g_variant_new_int64 (value));
}

static void
put_string (GVariantBuilder *b,
            const char      *key,
            const char      *value)
{
  g_variant_builder_add (b, "{sv}", key, g_variant_new_string (value ? value : ""));
}

/* A double that may be missing: an empty range has no median. */
static void
put_maybe (GVariantBuilder *b,
           const char      *key,
           gboolean         present,
           double           value)
{
  g_variant_builder_add (b, "{sv}", key,
                         g_variant_new_maybe (G_VARIANT_TYPE_DOUBLE,
                                              present ? g_variant_new_double (value) : NULL));
}

static void
put_share (GVariantBuilder *b,
           const char      *key,
           guint64          part,
           guint64          whole)
{
  put_maybe (b, key, whole > 0, whole > 0 ? (double) part / (double) whole : 0);
}

static void
put_average (GVariantBuilder *b,
             const char      *key,
             guint64          sum,
             guint64          n)
{
  put_maybe (b, key, n > 0, n > 0 ? (double) sum / (double) n : 0);
}

static void
put_table (GVariantBuilder *b,
           const char      *key,
           GVariantBuilder *rows)
{
  g_variant_builder_add (b, "{sv}", key, g_variant_builder_end (rows));
}

static void
put_percentiles (GVariantBuilder *row,
                 const char      *median_key,
                 const char      *p90_key,
                 const guint32   *sorted,
                 gsize            n,
                 guint32          mask)
{
  put_maybe (row, median_key, n > 0, n > 0 ? percentile (sorted, n, mask, 0.5) : 0);
  if (p90_key)
    put_maybe (row, p90_key, n > 0, n > 0 ? percentile (sorted, n, mask, 0.9) : 0);
}

static gint
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const guint64 *x = *(const guint64 * const *) a, *y = *(const guint64 * const *) b;

  return *x < *y ? 1 : *x > *y ? -1 : (x < y ? -1 : x > y);
}

static GVariant *
end_peaks (FdReportAcc *acc)
{
  g_auto(GVariantBuilder) b = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) cells = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_auto(GVariantBuilder) busiest = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  guint64 total = 0;

  for (int d = 0; d < 7; d++)
    for (int h = 0; h < 24; h++)
      {
        g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

        put_int (&row, "weekday", d + 1);
        put_int (&row, "hour", h);
        put_int (&row, "visits", acc->cells[d][h]);
        g_variant_builder_add_value (&cells, g_variant_builder_end (&row));
        total += acc->cells[d][h];
        if (acc->cells[d][h] > 0)
          g_ptr_array_add (order, &acc->cells[d][h]);
      }
  /* Busiest first; equal counts in weekday and hour order. */
  g_ptr_array_sort (order, compare_cells);
  for (guint i = 0; i < MIN (order->len, 5); i++)
    {
      g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
      gsize cell = (guint64 *) order->pdata[i] - &acc->cells[0][0];

      put_int (&row, "weekday", cell / 24 + 1);
      put_int (&row, "hour", cell % 24);
      put_int (&row, "visits", *(guint64 *) order->pdata[i]);
      g_variant_builder_add_value (&busiest, g_variant_builder_end (&row));
    }
  put_int (&b, "visits", total);
  put_table (&b, "cells", &cells);
  put_table (&b, "busiest", &busiest);
  return g_variant_builder_end (&b);
}

static char *
month_code (int month)
{
  return g_strdup_printf ("%04d-%02d", month / 12, month % 12 + 1);
}

static GVariant *
end_seasons (FdReportAcc *acc)
{
  g_auto(GVariantBuilder) b = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) months = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  guint64 sums[4] = { 0 };

  for (int i = 0; i < acc->n_months; i++)
    {
      g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
      g_autofree char *code = month_code (acc->first_month + i);

      put_string (&row, "month", code);
      put_int (&row, "visits", acc->month_visits[i]);
      put_int (&row, "claims", acc->month_claims[i]);
      put_int (&row, "visits_year_before", acc->before_visits[i]);
      put_int (&row, "claims_year_before", acc->before_claims[i]);
      g_variant_builder_add_value (&months, g_variant_builder_end (&row));
      sums[0] += acc->month_visits[i];
      sums[1] += acc->month_claims[i];
      sums[2] += acc->before_visits[i];
      sums[3] += acc->before_claims[i];
    }
  put_int (&b, "visits", sums[0]);
  put_int (&b, "claims", sums[1]);
  put_int (&b, "visits_year_before", sums[2]);
  put_int (&b, "claims_year_before", sums[3]);
  put_table (&b, "months", &months);
  return g_variant_builder_end (&b);
}

typedef enum { GROUP_ALL, GROUP_WEEKDAY, GROUP_HOUR, GROUP_WEEKDAY_HOUR } Grouping;

/* The wait or service times sorted by value, as weekday << 21 | hour << 16 | seconds: a
 * counting sort over the 65,536 possible values, one pass to count and one to place. */
static GArray *
times_by_value (FdReportAcc *acc,
                gboolean     service)
{
  g_autofree guint32 *start = g_new0 (guint32, G_MAXUINT16 + 2);
  GArray *keys;
  guint32 n = 0, *out;

  for (guint i = 0; i < acc->times->len; i++)
    {
      const Times *t = &g_array_index (acc->times, Times, i);
      guint32 value = service ? t->service : t->wait;

      if (value != G_MAXUINT16)
        start[value + 1]++;
    }
  for (guint v = 0; v <= G_MAXUINT16; v++)
    start[v + 1] += start[v];
  n = start[G_MAXUINT16];
  keys = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  g_array_set_size (keys, n);
  out = (guint32 *) keys->data;
  for (guint i = 0; i < acc->times->len; i++)
    {
      const Times *t = &g_array_index (acc->times, Times, i);
      guint32 value = service ? t->service : t->wait;

      if (value != G_MAXUINT16)
        out[start[value]++] = (guint32) t->weekday << 21 | (guint32) t->hour << 16 | value;
    }
  return keys;
}

#define N_GROUPS (8 * 24)

/* A group's median and 90th percentile, found in one walk over all values in value
 * order: the values at the four ranks percentile_cont interpolates between. */
typedef struct
{
  guint64 n, within, seen;
  guint64 rank[4];
  guint32 value[4];
} GroupStat;

#define N_GROUPINGS 4

static void
group_stat_ranks (GroupStat *st)
{
  static const double ps[2] = { 0.5, 0.9 };

  for (int k = 0; k < 2; k++)
    {
      guint64 lo = st->n ? (guint64) floor (ps[k] * (double) (st->n - 1)) : 0;

      st->rank[2 * k] = lo;
      st->rank[2 * k + 1] = MIN (lo + 1, st->n ? st->n - 1 : 0);
    }
}

static double
group_stat_percentile (const GroupStat *st,
                       int              k)
{
  static const double ps[2] = { 0.5, 0.9 };
  double h = ps[k] * (double) (st->n - 1);
  double below = st->value[2 * k], above = st->value[2 * k + 1];

  return below + (h - floor (h)) * (above - below);
}

static inline void
group_stat_count (GroupStat *st,
                  guint32    value,
                  guint32    target)
{
  st->n++;
  st->within += value <= target;
}

static inline void
group_stat_take (GroupStat *st,
                 guint32    value)
{
  guint64 rank = st->seen++;

  /* Only four ranks matter (the median's and the 90th percentile's may coincide). */
  if (rank < st->rank[0] || rank > st->rank[3])
    return;
  for (int r = 0; r < 4; r++)
    if (st->rank[r] == rank)
      st->value[r] = value;
}

/* Every group of every grouping at once: a walk to count, a walk to take the values at
 * the ranks. @stats holds GROUPINGS × N_GROUPS entries, by Grouping. */
static void
group_stats (GArray    *by_value,
             guint32    target,
             GroupStat *stats)
{
  const guint32 *keys = (const guint32 *) by_value->data;

  memset (stats, 0, N_GROUPINGS * N_GROUPS * sizeof *stats);
  for (guint i = 0; i < by_value->len; i++)
    {
      guint32 weekday = keys[i] >> 21, hour = (keys[i] >> 16) & 0x1f, value = keys[i] & 0xffff;

      group_stat_count (&stats[GROUP_ALL * N_GROUPS], value, target);
      group_stat_count (&stats[GROUP_WEEKDAY * N_GROUPS + weekday], value, target);
      group_stat_count (&stats[GROUP_HOUR * N_GROUPS + hour], value, target);
      group_stat_count (&stats[GROUP_WEEKDAY_HOUR * N_GROUPS + weekday * 24 + hour], value, target);
    }
  for (guint g = 0; g < N_GROUPINGS * N_GROUPS; g++)
    group_stat_ranks (&stats[g]);
  for (guint i = 0; i < by_value->len; i++)
    {
      guint32 weekday = keys[i] >> 21, hour = (keys[i] >> 16) & 0x1f, value = keys[i] & 0xffff;

      group_stat_take (&stats[GROUP_ALL * N_GROUPS], value);
      group_stat_take (&stats[GROUP_WEEKDAY * N_GROUPS + weekday], value);
      group_stat_take (&stats[GROUP_HOUR * N_GROUPS + hour], value);
      group_stat_take (&stats[GROUP_WEEKDAY_HOUR * N_GROUPS + weekday * 24 + hour], value);
    }
}

static void
put_group_stat (GVariantBuilder *row,
                const char      *median_key,
                const char      *p90_key,
                const GroupStat *st)
{
  put_maybe (row, median_key, st->n > 0, st->n > 0 ? group_stat_percentile (st, 0) : 0);
  put_maybe (row, p90_key, st->n > 0, st->n > 0 ? group_stat_percentile (st, 1) : 0);
}

static void
waiting_row (FdReportAcc     *acc,
             GVariantBuilder *row,
             const GroupStat *waits,
             const GroupStat *services)
{
  (void) acc;
  put_int (row, "called", waits->n);
  put_group_stat (row, "median_wait_s", "p90_wait_s", waits);
  put_group_stat (row, "median_service_s", "p90_service_s", services);
  put_share (row, "share_called_within_target", waits->within, waits->n);
}

static void
waiting_table (FdReportAcc     *acc,
               GVariantBuilder *b,
               const char      *key,
               Grouping         grouping,
               const GroupStat *wait_stats,
               const GroupStat *service_stats)
{
  g_auto(GVariantBuilder) rows = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  const GroupStat *waits = wait_stats + grouping * N_GROUPS;
  const GroupStat *services = service_stats + grouping * N_GROUPS;

  if (grouping == GROUP_ALL)
    {
      waiting_row (acc, b, &waits[0], &services[0]);
      put_int (b, "served", services[0].n);
      return;
    }

  for (guint32 group = 0; group < N_GROUPS; group++)
    {
      g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

      if (waits[group].n == 0)
        continue;
      if (grouping != GROUP_HOUR)
        put_int (&row, "weekday", grouping == GROUP_WEEKDAY ? group : group / 24);
      if (grouping != GROUP_WEEKDAY)
        put_int (&row, "hour", grouping == GROUP_HOUR ? group : group % 24);
      waiting_row (acc, &row, &waits[group], &services[group]);
      g_variant_builder_add_value (&rows, g_variant_builder_end (&row));
    }
  put_table (b, key, &rows);
}

/* The group stats from a histogram of @bins seconds for each of @n_groups groups. */
static void
stats_from_histograms (const guint32 *hist,
                       guint          n_groups,
                       guint32        bins,
                       guint32        target,
                       GroupStat     *stats)
{
  for (guint g = 0; g < n_groups; g++)
    {
      const guint32 *h = hist + (gsize) g * bins;
      GroupStat *st = &stats[g];
      guint64 seen = 0;

      for (guint32 v = 0; v < bins; v++)
        {
          st->n += h[v];
          if (v <= target)
            st->within += h[v];
        }
      group_stat_ranks (st);
      for (guint32 v = 0; v < bins && st->n > 0; v++)
        {
          guint64 next = seen + h[v];

          /* The ranks seen .. next - 1 all hold v. */
          for (int r = 0; r < 4; r++)
            if (st->rank[r] >= seen && st->rank[r] < next)
              st->value[r] = v;
          seen = next;
          if (seen > st->rank[3])
            break;
        }
    }
}

static guint
times_group_of (const Times *t,
                Grouping     grouping)
{
  return grouping == GROUP_WEEKDAY ? t->weekday
       : grouping == GROUP_HOUR ? t->hour
       : grouping == GROUP_WEEKDAY_HOUR ? t->weekday * 24u + t->hour : 0;
}

/* Real waits and services are short: when every one is under @MAX_HISTOGRAM_BINS
 * seconds, per-group histograms find the percentiles without sorting anything. */
#define MAX_HISTOGRAM_BINS 8192

static gboolean
histogram_stats (FdReportAcc *acc,
                 guint32      target,
                 GroupStat   *waits,
                 GroupStat   *services)
{
  static const guint n_groups[N_GROUPINGS] = { 1, 8, 24, N_GROUPS };
  guint32 max = 0, bins;

  for (guint i = 0; i < acc->times->len; i++)
    {
      const Times *t = &g_array_index (acc->times, Times, i);

      max = MAX (max, t->wait);
      if (t->service != G_MAXUINT16)
        max = MAX (max, t->service);
    }
  if (max >= MAX_HISTOGRAM_BINS)
    return FALSE;
  bins = max + 1;

  memset (waits, 0, N_GROUPINGS * N_GROUPS * sizeof *waits);
  memset (services, 0, N_GROUPINGS * N_GROUPS * sizeof *services);
  for (Grouping grouping = GROUP_ALL; grouping <= GROUP_WEEKDAY_HOUR; grouping++)
    {
      g_autofree guint32 *wait_hist = g_new0 (guint32, (gsize) n_groups[grouping] * bins);
      g_autofree guint32 *service_hist = g_new0 (guint32, (gsize) n_groups[grouping] * bins);

      for (guint i = 0; i < acc->times->len; i++)
        {
          const Times *t = &g_array_index (acc->times, Times, i);
          gsize base = (gsize) times_group_of (t, grouping) * bins;

          wait_hist[base + t->wait]++;
          if (t->service != G_MAXUINT16)
            service_hist[base + t->service]++;
        }
      stats_from_histograms (wait_hist, n_groups[grouping], bins, target, waits + grouping * N_GROUPS);
      stats_from_histograms (service_hist, n_groups[grouping], bins, target, services + grouping * N_GROUPS);
    }
  return TRUE;
}

static GVariant *
end_waiting (FdReportAcc *acc)
{
  g_auto(GVariantBuilder) b = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_autofree GroupStat *waits = g_new (GroupStat, N_GROUPINGS * N_GROUPS);
  g_autofree GroupStat *services = g_new (GroupStat, N_GROUPINGS * N_GROUPS);
  guint32 target = (guint32) CLAMP (acc->wait_target, 0, G_MAXUINT16);

  if (!histogram_stats (acc, target, waits, services))
    {
      g_autoptr(GArray) waits_by_value = times_by_value (acc, FALSE);
      g_autoptr(GArray) services_by_value = times_by_value (acc, TRUE);

      group_stats (waits_by_value, target, waits);
      group_stats (services_by_value, target, services);
    }

  waiting_table (acc, &b, NULL, GROUP_ALL, waits, services);
  put_int (&b, "target_s", acc->wait_target);
  waiting_table (acc, &b, "by_weekday", GROUP_WEEKDAY, waits, services);
  waiting_table (acc, &b, "by_hour", GROUP_HOUR, waits, services);
  waiting_table (acc, &b, "by_weekday_hour", GROUP_WEEKDAY_HOUR, waits, services);
  return g_variant_builder_end (&b);
}

static void
count_row (GVariantBuilder *rows,
           const char      *key,
           const char      *code,
           guint64          claims)
{
  g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

  put_string (&row, key, code);
  put_int (&row, "claims", claims);
  g_variant_builder_add_value (rows, g_variant_builder_end (&row));
}

static gint
compare_category_counts (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  GHashTable *counts = user_data;
  guint64 x = *(guint64 *) g_hash_table_lookup (counts, *(const char * const *) a);
  guint64 y = *(guint64 *) g_hash_table_lookup (counts, *(const char * const *) b);

  if (x != y)
    return x < y ? 1 : -1;
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static void
claims_by_category (FdReportAcc     *acc,
                    GVariantBuilder *b)
{
  g_auto(GVariantBuilder) rows = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_autofree const char **codes = (const char **) g_hash_table_get_keys_as_array (acc->claims.by_category, NULL);
  guint n = g_hash_table_size (acc->claims.by_category);

  g_qsort_with_data (codes, n, sizeof (char *), compare_category_counts, acc->claims.by_category);
  for (guint i = 0; i < n; i++)
    {
      g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
      const char *label = acc->category_names ? g_hash_table_lookup (acc->category_names, codes[i]) : NULL;

      put_string (&row, "category", codes[i]);
      put_string (&row, "label", label ? label : codes[i]);
      put_int (&row, "claims", *(guint64 *) g_hash_table_lookup (acc->claims.by_category, codes[i]));
      g_variant_builder_add_value (&rows, g_variant_builder_end (&row));
    }
  put_table (b, "by_category", &rows);
}

static void
put_sorted_median (GVariantBuilder *b,
                   const char      *key,
                   GArray          *values)
{
  radix_sort ((guint32 *) values->data, values->len);
  put_percentiles (b, key, NULL, (guint32 *) values->data, values->len, G_MAXUINT32);
}

static GVariant *
end_claims (FdReportAcc *acc)
{
  static const char * const ages[] = { "0-2", "3-7", "8-30", "30+" };
  g_auto(GVariantBuilder) b = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) kinds = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_auto(GVariantBuilder) channels = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_auto(GVariantBuilder) age_groups = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_auto(GVariantBuilder) open = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  Claims *c = &acc->claims;

  put_int (&b, "claims", c->claims);
  claims_by_category (acc, &b);
  for (int i = 0; i < 4; i++)
    count_row (&kinds, "kind", fd_claim_kind_to_code (i), c->by_kind[i]);
  put_table (&b, "by_kind", &kinds);
  for (int i = 1; i < 5; i++)
    count_row (&channels, "channel", fd_channel_to_code (i), c->by_channel[i]);
  put_table (&b, "by_channel", &channels);
  for (int i = 1; i <= FD_AGE_GROUP_N; i++)   /* unknown last */
    count_row (&age_groups, "age_group", age_codes[i % FD_AGE_GROUP_N], c->by_age[i % FD_AGE_GROUP_N]);
  put_table (&b, "by_age_group", &age_groups);
  put_int (&b, "open_claims", c->open);
  for (int i = 0; i < 4; i++)
    {
      g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

      put_string (&row, "age", ages[i]);
      put_int (&row, "claims", c->open_by_age[i]);
      g_variant_builder_add_value (&open, g_variant_builder_end (&row));
    }
  put_table (&b, "open_by_age", &open);
  put_int (&b, "resolved", c->resolved);
  put_int (&b, "resolved_past_due", c->late);
  put_share (&b, "share_closed_past_due", c->late, c->resolved);
  put_sorted_median (&b, "median_ack_s", c->ack);
  put_sorted_median (&b, "median_resolution_s", c->resolution);
  put_int (&b, "visits_finished", c->finished);
  put_int (&b, "visits_first_contact", c->first_contact);
  put_share (&b, "first_contact_resolution", c->first_contact, c->finished);
  return g_variant_builder_end (&b);
}

static void
put_care (GVariantBuilder *row,
          Care            *care,
          gboolean         technique)
{
  if (technique)
    {
      put_int (row, "visits", care->visits);
      put_maybe (row, "median_service_s", care->n_service > 0,
                 care->n_service > 0 ? histogram_percentile (care->service, care->n_service, 0.5) : 0);
    }
  else
    put_int (row, "rated_visits", care->rated);
  put_average (row, "avg_rating_solved", care->sum_solved, care->n_solved);
  put_average (row, "avg_rating_staff", care->sum_staff, care->n_staff);
  if (technique)
    put_share (row, "share_resolved", care->resolved, care->visits);
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = **(const gint64 * const *) a, y = **(const gint64 * const *) b;

  return x < y ? -1 : x > y;
}

static void
care_table (GVariantBuilder *b,
            const char      *key,
            const char      *id_key,
            const char      *name_key,
            GHashTable      *cares,
            GHashTable      *names)
{
  g_auto(GVariantBuilder) rows = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer id_key_ptr;

  g_hash_table_iter_init (&iter, cares);
  while (g_hash_table_iter_next (&iter, &id_key_ptr, NULL))
    g_ptr_array_add (ids, id_key_ptr);

  g_ptr_array_sort (ids, compare_ids);
  for (guint i = 0; i < ids->len; i++)
    {
      g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
      gint64 id = *(gint64 *) ids->pdata[i];

      put_int (&row, id_key, id);
      put_string (&row, name_key, names ? g_hash_table_lookup (names, &id) : NULL);
      put_care (&row, g_hash_table_lookup (cares, &id), FALSE);
      g_variant_builder_add_value (&rows, g_variant_builder_end (&row));
    }
  put_table (b, key, &rows);
}

static GVariant *
end_satisfaction (FdReportAcc *acc)
{
  g_auto(GVariantBuilder) b = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) months = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_auto(GVariantBuilder) techniques = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));

  flush_day_care (acc);
  put_care (&b, &acc->all, FALSE);
  put_int (&b, "rated_claims", acc->claims.rated);
  put_average (&b, "avg_claim_satisfaction", acc->claims.sum_satisfaction, acc->claims.rated);
  for (int i = 0; i < acc->n_months; i++)
    {
      g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
      g_autofree char *code = month_code (acc->first_month + i);

      put_string (&row, "month", code);
      put_care (&row, &acc->month_care[i], FALSE);
      g_variant_builder_add_value (&months, g_variant_builder_end (&row));
    }
  put_table (&b, "by_month", &months);
  care_table (&b, "by_branch", "branch_id", "branch", acc->branch_care, acc->branch_names);
  for (int t = FD_TECHNIQUE_EXPLANATION; t <= FD_TECHNIQUE_QUESTIONING; t++)
    {
      g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

      put_string (&row, "technique", fd_technique_to_code (t));
      put_care (&row, &acc->technique[t], TRUE);
      g_variant_builder_add_value (&techniques, g_variant_builder_end (&row));
    }
  put_table (&b, "by_technique", &techniques);
  care_table (&b, "by_staff", "staff_id", "staff", acc->staff_care, acc->staff_names);
  return g_variant_builder_end (&b);
}

static void
customers_row (GVariantBuilder *rows,
               const char      *key,
               const char      *code,
               const guint64    counts[2])
{
  g_auto(GVariantBuilder) row = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);

  put_string (&row, key, code);
  put_int (&row, "visitors", counts[0] + counts[1]);
  put_int (&row, "new", counts[0]);
  put_int (&row, "returning", counts[1]);
  g_variant_builder_add_value (rows, g_variant_builder_end (&row));
}

static GVariant *
end_customers (FdReportAcc *acc)
{
  g_auto(GVariantBuilder) b = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE_VARDICT);
  g_auto(GVariantBuilder) ages = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));
  g_auto(GVariantBuilder) channels = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("aa{sv}"));

  put_int (&b, "visitors", acc->visitors);
  put_int (&b, "new", acc->new_);
  put_int (&b, "returning", acc->returning);
  put_int (&b, "anonymous_visits", acc->anonymous);
  for (int i = 1; i <= FD_AGE_GROUP_N; i++)
    customers_row (&ages, "age_group", age_codes[i % FD_AGE_GROUP_N],
                   acc->age_customers[i % FD_AGE_GROUP_N]);
  put_table (&b, "by_age_group", &ages);
  for (int i = 1; i <= 5; i++)
    customers_row (&channels, "channel", i < 5 ? fd_channel_to_code (i) : "unknown",
                   acc->channel_customers[i % 5]);
  put_table (&b, "by_channel", &channels);
  return g_variant_builder_end (&b);
}

GVariant *
_fd_report_acc_end (FdReportAcc *acc)
{
  switch (acc->kind)
    {
    case FD_REPORT_PEAKS:        return g_variant_ref_sink (end_peaks (acc));
    case FD_REPORT_SEASONS:      return g_variant_ref_sink (end_seasons (acc));
    case FD_REPORT_WAITING:      return g_variant_ref_sink (end_waiting (acc));
    case FD_REPORT_CLAIMS:       return g_variant_ref_sink (end_claims (acc));
    case FD_REPORT_SATISFACTION: return g_variant_ref_sink (end_satisfaction (acc));
    case FD_REPORT_CUSTOMERS:    return g_variant_ref_sink (end_customers (acc));
    case FD_REPORT_N_KINDS:
    default:                     g_return_val_if_reached (NULL);
    }
}

/* CSV. */

static void
csv_value (GString  *out,
           GVariant *value)
{
  g_autoptr(GVariant) inner = NULL;

  if (g_variant_is_of_type (value, G_VARIANT_TYPE_VARIANT))
    value = inner = g_variant_get_variant (value);
  if (g_variant_is_of_type (value, G_VARIANT_TYPE ("md")))
    {
      g_autoptr(GVariant) child = g_variant_get_maybe (value);

      if (child)
        csv_value (out, child);
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    g_string_append_printf (out, "%lld", (long long) g_variant_get_int64 (value));
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_DOUBLE))
    {
      char buffer[G_ASCII_DTOSTR_BUF_SIZE];
      g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.6g", g_variant_get_double (value)));
    }
  else if (g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    {
      const char *text = g_variant_get_string (value, NULL);

      if (strpbrk (text, ",\"\n\r") == NULL)
        g_string_append (out, text);
      else
        {
          g_autoptr(GString) quoted = g_string_new (text);
          g_string_replace (quoted, "\"", "\"\"", 0);
          g_string_append_printf (out, "\"%s\"", quoted->str);
        }
    }
}

static void
csv_table (GString  *out,
           GVariant *rows)
{
  for (gsize i = 0; i < g_variant_n_children (rows); i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, i);

      for (int pass = i == 0 ? 0 : 1; pass < 2; pass++)
        {
          for (gsize c = 0; c < g_variant_n_children (row); c++)
            {
              g_autoptr(GVariant) entry = g_variant_get_child_value (row, c);
              g_autoptr(GVariant) key = g_variant_get_child_value (entry, 0);
              g_autoptr(GVariant) value = g_variant_get_child_value (entry, 1);

              if (c > 0)
                g_string_append_c (out, ',');
              if (pass == 0)
                g_string_append (out, g_variant_get_string (key, NULL));
              else
                csv_value (out, value);
            }
          g_string_append (out, "\r\n");
        }
    }
}

char *
fd_report_to_csv (FdReportKind  kind,
                  GVariant     *report,
                  const char   *table)
{
  GString *out = g_string_new (NULL);
  gboolean scalars = FALSE;

  (void) kind;
  g_return_val_if_fail (g_variant_is_of_type (report, G_VARIANT_TYPE_VARDICT), NULL);

  if (table == NULL)
    for (gsize i = 0; i < g_variant_n_children (report); i++)
      {
        const char *key;
        g_autoptr(GVariant) value = NULL;

        g_variant_get_child (report, i, "{&sv}", &key, &value);
        if (g_variant_is_of_type (value, G_VARIANT_TYPE ("aa{sv}")))
          continue;
        if (!scalars)
          g_string_append (out, "metric,value\r\n");
        scalars = TRUE;
        g_string_append_printf (out, "%s,", key);
        csv_value (out, value);
        g_string_append (out, "\r\n");
      }

  for (gsize i = 0; i < g_variant_n_children (report); i++)
    {
      const char *key;
      g_autoptr(GVariant) value = NULL;

      g_variant_get_child (report, i, "{&sv}", &key, &value);
      if (!g_variant_is_of_type (value, G_VARIANT_TYPE ("aa{sv}")) ||
          (table != NULL && g_strcmp0 (key, table) != 0))
        continue;
      if (out->len > 0)
        g_string_append (out, "\r\n");
      csv_table (out, value);
    }
  return g_string_free (out, FALSE);
}
