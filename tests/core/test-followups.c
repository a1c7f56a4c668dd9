/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libical/ical.h>
#include <string.h>

#include "fd-error.h"
#include "fd-followup-notifier.h"
#include "fd-recurrence.h"
#include "fd-store-private.h"
#include "fd-test-util.h"

/* Follow-ups: validation, recurrence, sections, claims' own follow-ups, renewals, the
 * notifier's exactly-once rule and grouping, and the iCalendar export parsed back. */

typedef struct
{
  StoreFixture base;
  gint64       branch_id;
  gint64       customer_id;
  gint64       staff_id;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(FdBranch) draft = fd_branch_new ();
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(FdCustomer) customer = NULL;

  store_fixture_set_up (&fixture->base, data);
  fd_branch_set_name (draft, "Rīga Centrs");
  fd_branch_set_country (draft, "LV");
  branch = fd_store_add_branch (fixture->base.store, draft, NULL);
  fixture->branch_id = fd_branch_get_id (branch);
  customer = add_customer (fixture->base.store, "Jānis", "Bērziņš", NULL, NULL);
  fixture->customer_id = fd_customer_get_id (customer);
  fixture->staff_id = fd_store_add_staff (fixture->base.store, fixture->branch_id, "Inese Ozola", "branch_staff", NULL);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  store_fixture_tear_down (&fixture->base, data);
}

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static FdFollowup *
add (Fixture        *fixture,
     FdFollowupKind  kind,
     gint64          due,
     const char     *rrule,
     gint64          assignee)
{
  FdFollowupDraft draft = { kind, fixture->customer_id, 0, 0, due, rrule, assignee, "Bel terug over de meter" };
  g_autoptr(GError) error = NULL;
  FdFollowup *f = fd_store_add_followup (fixture->base.store, &draft, &error);

  g_assert_no_error (error);
  return f;
}

/* Time passes: moves a follow-up's due and announcement times (the API refuses the past). */
static void
age (Fixture *fixture,
     gint64   id,
     gint64   due)
{
  FdDatabase *db = _fd_store_get_database (fixture->base.store);
  g_autofree char *sql = g_strdup_printf ("UPDATE followups SET due_at = %" G_GINT64_FORMAT
                                          ", notify_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                                          due, due, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_database_exec (db, sql, &error));
}

static gint64
count_rows (Fixture    *fixture,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  sqlite3_prepare_v2 (fd_database_get_handle (_fd_store_get_database (fixture->base.store)), sql, -1, &stmt, NULL);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
test_refusals (Fixture       *fixture,
               gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  FdFollowupDraft draft = { FD_FOLLOWUP_CALL_BACK, fixture->customer_id, 0, 0, now_s () - 3600, NULL, 0, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_null (fd_store_add_followup (store, &draft, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "due_at");
  g_clear_error (&error);

  draft.due_at = now_s () + 3600;
  draft.rrule = "FREQ=SOMETIMES";
  g_assert_null (fd_store_add_followup (store, &draft, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "rrule");
  g_clear_error (&error);
  draft.rrule = "FREQ=DAILY;COUNT=1";
  g_assert_null (fd_store_add_followup (store, &draft, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "rrule");
  g_clear_error (&error);

  draft.rrule = NULL;
  draft.customer_id = 9999;
  g_assert_null (fd_store_add_followup (store, &draft, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_NOT_FOUND);
  g_clear_error (&error);

  draft.customer_id = fixture->customer_id;
  draft.assignee_id = 777;
  g_assert_null (fd_store_add_followup (store, &draft, &error));
  g_assert_cmpstr (fd_error_get_field (error), ==, "assignee");
  g_clear_error (&error);

  g_assert_cmpint (count_rows (fixture, "followups"), ==, 0);
}

/* Every 12 months at the same wall-clock time, across daylight saving time. */
static void
test_recurrence (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GTimeZone) riga = g_time_zone_new_identifier ("Europe/Riga");
  g_autoptr(GDateTime) winter = g_date_time_new (riga, 2027, 1, 15, 10, 0, 0);
  g_autoptr(GDateTime) summer = g_date_time_new (riga, 2027, 7, 15, 10, 0, 0);
  g_autoptr(GDateTime) next_winter = g_date_time_new (riga, 2028, 1, 15, 10, 0, 0);
  g_autoptr(FdFollowup) f = NULL;
  g_autoptr(FdFollowup) done = NULL;
  g_autoptr(FdFollowup) next = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (fd_recurrence_next ("FREQ=MONTHLY;INTERVAL=6", g_date_time_to_unix (winter),
                                       g_date_time_to_unix (winter), riga), ==, g_date_time_to_unix (summer));

  f = add (fixture, FD_FOLLOWUP_RENEWAL_DUE, g_date_time_to_unix (winter), "FREQ=MONTHLY;INTERVAL=12", 0);
  done = fd_store_complete_followup (fixture->base.store, fd_followup_get_id (f), &next, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_followup_get_state (done), ==, FD_FOLLOWUP_DONE);
  g_assert_nonnull (fd_followup_get_state_by (done));
  g_assert_nonnull (next);
  g_assert_cmpint (fd_followup_get_state (next), ==, FD_FOLLOWUP_OPEN);
  g_assert_cmpstr (fd_followup_get_rrule (next), ==, "FREQ=MONTHLY;INTERVAL=12");
  /* The test's zone is Europe/Riga (main), so the store counts in it too. */
  g_assert_cmpint (fd_followup_get_due_at (next), ==, g_date_time_to_unix (next_winter));

  g_assert_null (fd_store_complete_followup (fixture->base.store, fd_followup_get_id (f), NULL, &error));
  g_assert_error (error, FD_ERROR, FD_ERROR_INVALID);
}

static GPtrArray *
section (Fixture           *fixture,
         FdFollowupSection  which,
         gint64             assignee)
{
  FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;
  g_autoptr(GError) error = NULL;
  GPtrArray *page;

  filter.section = which;
  filter.assignee_id = assignee;
  page = fd_store_list_followups (fixture->base.store, &filter, NULL, 100, &error);
  g_assert_no_error (error);
  return page;
}

static void
test_sections_snooze_reassign (Fixture       *fixture,
                               gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now), 23, 59, 59);
  g_autoptr(FdFollowup) overdue = add (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 600, NULL, 0);
  g_autoptr(FdFollowup) today = add (fixture, FD_FOLLOWUP_CALL_BACK, g_date_time_to_unix (midnight), NULL, fixture->staff_id);
  g_autoptr(FdFollowup) upcoming = add (fixture, FD_FOLLOWUP_OTHER, now_s () + 3 * 86400, NULL, 0);
  g_autoptr(FdFollowup) snoozed = NULL;
  g_autoptr(FdFollowup) moved = NULL;
  g_autoptr(GPtrArray) o = NULL, t = NULL, u = NULL, mine = NULL, nobody = NULL, later = NULL;
  g_autoptr(GError) error = NULL;

  age (fixture, fd_followup_get_id (overdue), now_s () - 7200);
  o = section (fixture, FD_FOLLOWUPS_OVERDUE, 0);
  t = section (fixture, FD_FOLLOWUPS_TODAY, 0);
  u = section (fixture, FD_FOLLOWUPS_UPCOMING, 0);
  g_assert_cmpuint (o->len, ==, 1);
  g_assert_cmpint (fd_followup_get_id (g_ptr_array_index (o, 0)), ==, fd_followup_get_id (overdue));
  /* Just before midnight: today unless the test runs in the last second of the day. */
  if (g_date_time_to_unix (midnight) > now_s ())
    g_assert_cmpuint (t->len, ==, 1);
  g_assert_cmpuint (u->len, ==, 1);
  g_assert_cmpuint (fd_store_count_followups (store, FD_FOLLOWUPS_OVERDUE, 0, 99, NULL), ==, 1);
  g_assert_cmpuint (fd_store_count_followups (store, FD_FOLLOWUPS_PENDING, 0, 2, NULL), ==, 2);   /* capped */

  mine = section (fixture, FD_FOLLOWUPS_PENDING, fixture->staff_id);
  nobody = section (fixture, FD_FOLLOWUPS_PENDING, -1);
  g_assert_cmpuint (mine->len, ==, 1);
  g_assert_cmpuint (nobody->len, ==, 2);
  {
    FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;
    g_autoptr(GPtrArray) mine_and_anyones = NULL;

    filter.assignee_id = fixture->staff_id;
    filter.with_unassigned = TRUE;
    mine_and_anyones = fd_store_list_followups (store, &filter, NULL, 10, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (mine_and_anyones->len, ==, 3);
    g_assert_cmpuint (fd_store_count_my_followups (store, FD_FOLLOWUPS_PENDING, fixture->staff_id, 99, NULL), ==, 3);
  }

  /* Snoozing moves the announcement, not the due time. */
  g_assert_null (fd_store_snooze_followup (store, fd_followup_get_id (overdue), now_s () - 1, &error));
  g_clear_error (&error);
  snoozed = fd_store_snooze_followup (store, fd_followup_get_id (overdue), now_s () + 3600, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_followup_get_state (snoozed), ==, FD_FOLLOWUP_SNOOZED);
  g_assert_cmpint (fd_followup_get_notify_at (snoozed), ==, now_s () + 3600);
  g_assert_cmpint (fd_followup_get_due_at (snoozed), <, now_s ());
  g_clear_pointer (&o, g_ptr_array_unref);
  o = section (fixture, FD_FOLLOWUPS_OVERDUE, 0);
  g_assert_cmpuint (o->len, ==, 0);
  g_assert_cmpint (fd_store_next_followup_time (store, now_s (), NULL), <=, now_s () + 3600);

  {
    g_autoptr(FdFollowup) cancelled = fd_store_cancel_followup (store, fd_followup_get_id (upcoming), &error);
    g_autoptr(FdFollowup) reopened = fd_store_reopen_followup (store, fd_followup_get_id (upcoming), &error);

    g_assert_no_error (error);
    g_assert_cmpint (fd_followup_get_state (cancelled), ==, FD_FOLLOWUP_CANCELLED);
    g_assert_cmpint (fd_followup_get_state (reopened), ==, FD_FOLLOWUP_OPEN);
  }
  moved = fd_store_reassign_followup (store, fd_followup_get_id (upcoming), fixture->staff_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fd_followup_get_assignee_id (moved), ==, fixture->staff_id);
  later = section (fixture, FD_FOLLOWUPS_PENDING, fixture->staff_id);
  g_assert_cmpuint (later->len, ==, 2);
}

static void
test_claim_followups (Fixture       *fixture,
                      gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  FdClaimDraft draft = { fixture->branch_id, fixture->customer_id, FD_CLAIM_KIND_COMPLAINT, "letter",
                         "slow_response", FD_CLAIM_PRIORITY_NORMAL, "Nav atbildes", 0, 0 };
  FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;
  FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;
  g_autoptr(FdClaim) claim = NULL, moved = NULL, updated = NULL, resolved = NULL;
  g_autoptr(GPtrArray) pending = NULL, after_ack = NULL, after_update = NULL, after_resolve = NULL;
  g_autoptr(GError) error = NULL;
  gboolean saw_ack = FALSE, saw_resolve = FALSE, saw_survey = FALSE;

  claim = fd_store_open_claim (store, &draft, &error);
  g_assert_no_error (error);
  filter.customer_id = fixture->customer_id;
  pending = fd_store_list_followups (store, &filter, NULL, 10, &error);
  g_assert_cmpuint (pending->len, ==, 2);
  for (guint i = 0; i < pending->len; i++)
    {
      FdFollowup *f = g_ptr_array_index (pending, i);

      g_assert_cmpint (fd_followup_get_claim_id (f), ==, fd_claim_get_id (claim));
      g_assert_cmpint (fd_followup_get_kind (f), ==, FD_FOLLOWUP_CLAIM_DUE);
      if (g_str_equal (fd_followup_get_source (f), "claim_ack"))
        saw_ack = fd_followup_get_due_at (f) == fd_claim_get_ack_due_at (claim);
      if (g_str_equal (fd_followup_get_source (f), "claim_resolve"))
        saw_resolve = fd_followup_get_due_at (f) == fd_claim_get_due_at (claim);
    }
  g_assert_true (saw_ack && saw_resolve);

  /* Acknowledged: its follow-up is done; the resolution's stays. */
  moved = fd_store_move_claim (store, fd_claim_get_id (claim), FD_CLAIM_STATUS_ACKNOWLEDGED, NULL, &error);
  g_assert_no_error (error);
  after_ack = fd_store_list_followups (store, &filter, NULL, 10, &error);
  g_assert_cmpuint (after_ack->len, ==, 1);
  g_assert_cmpstr (fd_followup_get_source (g_ptr_array_index (after_ack, 0)), ==, "claim_resolve");

  /* The due date moves and a handler is named: the follow-up moves and goes to them. */
  changes.due_at = fd_claim_get_due_at (claim) + 86400;
  changes.assignee_id = fixture->staff_id;
  updated = fd_store_update_claim (store, fd_claim_get_id (claim), &changes, NULL, &error);
  g_assert_no_error (error);
  after_update = fd_store_list_followups (store, &filter, NULL, 10, &error);
  g_assert_cmpint (fd_followup_get_due_at (g_ptr_array_index (after_update, 0)), ==, fd_claim_get_due_at (updated));
  g_assert_cmpint (fd_followup_get_assignee_id (g_ptr_array_index (after_update, 0)), ==, fixture->staff_id);

  /* Resolved: done, and a satisfaction survey a week later. */
  resolved = fd_store_resolve_claim (store, fd_claim_get_id (claim), "Vēstule pazuda", "Atbildējām", "Zināt atbildi", &error);
  g_assert_no_error (error);
  after_resolve = fd_store_list_followups (store, &filter, NULL, 10, &error);
  g_assert_cmpuint (after_resolve->len, ==, 1);
  saw_survey = fd_followup_get_kind (g_ptr_array_index (after_resolve, 0)) == FD_FOLLOWUP_SATISFACTION_SURVEY &&
               fd_followup_get_due_at (g_ptr_array_index (after_resolve, 0)) >= now_s () + 7 * 86400 - 5;
  g_assert_true (saw_survey);
}

static void
test_renewals (Fixture       *fixture,
               gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  gint64 renewal = now_s () + 30 * 86400;
  FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;
  g_autoptr(GPtrArray) pending = NULL, after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 service, next;

  g_assert_cmpint (fd_store_add_service (store, fixture->customer_id, "Apkope", "FREQ=SOMETIMES", renewal, 14, &error), ==, 0);
  g_clear_error (&error);
  service = fd_store_add_service (store, fixture->customer_id, "Apkope", "FREQ=YEARLY", renewal, 14, &error);
  g_assert_no_error (error);
  filter.customer_id = fixture->customer_id;
  pending = fd_store_list_followups (store, &filter, NULL, 10, &error);
  g_assert_cmpuint (pending->len, ==, 1);
  g_assert_cmpint (fd_followup_get_kind (g_ptr_array_index (pending, 0)), ==, FD_FOLLOWUP_RENEWAL_DUE);
  g_assert_cmpint (fd_followup_get_due_at (g_ptr_array_index (pending, 0)), ==, renewal - 14 * 86400);

  next = fd_store_record_renewal (store, service, &error);
  g_assert_no_error (error);
  g_assert_cmpint (next, >, renewal + 364 * 86400);
  after = fd_store_list_followups (store, &filter, NULL, 10, &error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpint (fd_followup_get_due_at (g_ptr_array_index (after, 0)), ==, next - 14 * 86400);
  g_assert_cmpint (fd_followup_get_id (g_ptr_array_index (after, 0)), !=, fd_followup_get_id (g_ptr_array_index (pending, 0)));
}

/* Exactly once per recipient: a staff member's follow-up once to them wherever they work,
 * anyone's once per running Frontdesk — across restarts. */
static void
test_take_due_exactly_once (Fixture       *fixture,
                            gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(FdFollowup) anyones = add (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 600, NULL, 0);
  g_autoptr(FdFollowup) ineses = add (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 600, NULL, fixture->staff_id);
  g_autoptr(GPtrArray) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL;
  g_autoptr(FdStore) reopened = NULL;
  g_autoptr(FdFollowup) snoozed = NULL;

  age (fixture, fd_followup_get_id (anyones), now_s () - 60);
  age (fixture, fd_followup_get_id (ineses), now_s () - 60);

  a = fd_store_take_due_followups (store, "desk1@pc1", fixture->staff_id, now_s (), NULL);
  g_assert_cmpuint (a->len, ==, 2);
  b = fd_store_take_due_followups (store, "desk1@pc1", fixture->staff_id, now_s (), NULL);
  g_assert_cmpuint (b->len, ==, 0);
  /* Inese on another PC is not told again; that PC still hears about anyone's. */
  c = fd_store_take_due_followups (store, "desk2@pc2", fixture->staff_id, now_s (), NULL);
  g_assert_cmpuint (c->len, ==, 1);
  g_assert_cmpint (fd_followup_get_id (g_ptr_array_index (c, 0)), ==, fd_followup_get_id (anyones));

  /* After a restart, nothing again. */
  reopened = fd_store_open (fixture->base.path, NULL);
  d = fd_store_take_due_followups (reopened, "desk1@pc1", fixture->staff_id, now_s (), NULL);
  g_assert_cmpuint (d->len, ==, 0);

  /* A snooze that ends is announced again. */
  snoozed = fd_store_snooze_followup (store, fd_followup_get_id (anyones), now_s () + 60, NULL);
  e = fd_store_take_due_followups (store, "desk1@pc1", fixture->staff_id, now_s () + 120, NULL);
  g_assert_cmpuint (e->len, ==, 1);
}

typedef struct
{
  guint  singles;
  guint  groups;
  guint  grouped;
} Heard;

static void
on_announce_cb (FdFollowupNotifier *notifier,
                FdFollowup         *followup,
                Heard              *heard)
{
  heard->singles++;
}

static void
on_announce_group_cb (FdFollowupNotifier *notifier,
                      guint               count,
                      GPtrArray          *followups,
                      Heard              *heard)
{
  heard->groups++;
  heard->grouped += count;
  g_assert_cmpuint (followups->len, ==, count);
}

static gboolean
quit_cb (gpointer loop)
{
  g_main_loop_quit (loop);
  return G_SOURCE_REMOVE;
}

/* Five overdue at start: one grouped message. One falling due two seconds later: woken by
 * the timer, announced alone. */
static void
test_notifier (Fixture       *fixture,
               gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  g_autoptr(FdFollowupNotifier) notifier = NULL;
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(FdFollowup) soon = NULL;
  Heard heard = { 0 };

  for (int i = 0; i < 5; i++)
    {
      g_autoptr(FdFollowup) f = add (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 600, NULL, 0);

      age (fixture, fd_followup_get_id (f), now_s () - 3600 * (i + 1));
    }
  notifier = fd_followup_notifier_new (store, "desk1@pc1", 0);
  g_signal_connect (notifier, "announce", G_CALLBACK (on_announce_cb), &heard);
  g_signal_connect (notifier, "announce-group", G_CALLBACK (on_announce_group_cb), &heard);
  fd_followup_notifier_start (notifier);
  g_assert_cmpuint (heard.groups, ==, 1);
  g_assert_cmpuint (heard.grouped, ==, 5);
  g_assert_cmpuint (heard.singles, ==, 0);
  g_assert_cmpint (fd_followup_notifier_get_next_wake (notifier), ==, 0);

  soon = add (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 2, NULL, 0);
  g_assert_cmpint (fd_followup_notifier_get_next_wake (notifier), ==, fd_followup_get_due_at (soon));
  g_timeout_add_seconds (4, quit_cb, loop);
  g_main_loop_run (loop);
  g_assert_cmpuint (heard.singles, ==, 1);
  g_assert_cmpuint (heard.groups, ==, 1);
}

static void
test_export_ics (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FdFollowup) once = add (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 3600, NULL, fixture->staff_id);
  g_autoptr(FdFollowup) yearly = add (fixture, FD_FOLLOWUP_RENEWAL_DUE, now_s () + 86400, "FREQ=YEARLY", 0);
  g_autofree char *path = g_build_filename (fixture->base.dir, "followups.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar, *todo;
  guint n = 0;

  g_assert_true (fd_store_export_followups_ics (fixture->base.store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  for (todo = icalcomponent_get_first_component (calendar, ICAL_VTODO_COMPONENT); todo;
       todo = icalcomponent_get_next_component (calendar, ICAL_VTODO_COMPONENT), n++)
    {
      g_autofree char *once_uid = g_strdup_printf ("followup-%" G_GINT64_FORMAT "@frontdesk", fd_followup_get_id (once));
      FdFollowup *f = g_str_equal (icalcomponent_get_uid (todo), once_uid) ? once : yearly;
      icalproperty *rrule = icalcomponent_get_first_property (todo, ICAL_RRULE_PROPERTY);
      icalproperty *category = icalcomponent_get_first_property (todo, ICAL_CATEGORIES_PROPERTY);

      g_assert_cmpint (icaltime_as_timet (icalcomponent_get_due (todo)), ==, fd_followup_get_due_at (f));
      g_assert_nonnull (strstr (icalcomponent_get_summary (todo), "Jānis Bērziņš"));
      g_assert_cmpstr (icalcomponent_get_description (todo), ==, "Bel terug over de meter");
      g_assert_cmpint (icalcomponent_get_status (todo), ==, ICAL_STATUS_NEEDSACTION);
      g_assert_cmpstr (icalproperty_get_categories (category), ==, fd_followup_kind_to_code (fd_followup_get_kind (f)));
      if (f == yearly)
        {
          g_assert_cmpint (icaltime_as_timet (icalcomponent_get_dtstart (todo)), ==, fd_followup_get_due_at (f));
          g_assert_nonnull (rrule);
          g_assert_cmpint (icalproperty_get_rrule (rrule).freq, ==, ICAL_YEARLY_RECURRENCE);
        }
      else
        g_assert_null (rrule);
    }
  g_assert_cmpuint (n, ==, 2);
  icalcomponent_free (calendar);
}

/* The customer's history holds every kind of record, newest first. */
static void
test_history_kinds (Fixture       *fixture,
                    gconstpointer  data)
{
  FdStore *store = fixture->base.store;
  FdClaimDraft draft = { fixture->branch_id, fixture->customer_id, FD_CLAIM_KIND_COMPLAINT, "email",
                         "impolite", FD_CLAIM_PRIORITY_NORMAL, "Rupjš darbinieks", 0, 0 };
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdClaimMessage) message = NULL;
  g_autoptr(FdFollowup) call = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;

  claim = fd_store_open_claim (store, &draft, &error);
  g_assert_no_error (error);
  {
    FdMessageDraft m = { fd_claim_get_id (claim), FD_MESSAGE_IN, "email", 0, "Sūdzība", "Darbinieks bija rupjš.",
                         NULL, NULL, NULL };
    message = fd_store_add_message (store, &m, &error);
    g_assert_no_error (error);
  }
  call = add (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 3600, NULL, 0);
  g_assert_cmpint (fd_store_add_service (store, fixture->customer_id, "Apkope", "FREQ=YEARLY", now_s () + 40 * 86400, 14, &error), >, 0);

  history = fd_store_list_history (store, fixture->customer_id, 100, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < history->len; i++)
    {
      FdHistoryEntry *entry = g_ptr_array_index (history, i);

      g_hash_table_add (kinds, (gpointer) fd_history_entry_get_kind (entry));
      if (i > 0)
        g_assert_cmpint (fd_history_entry_get_at (g_ptr_array_index (history, i - 1)), >=, fd_history_entry_get_at (entry));
    }
  g_assert_true (g_hash_table_contains (kinds, "change"));
  g_assert_true (g_hash_table_contains (kinds, "claim"));
  g_assert_true (g_hash_table_contains (kinds, "correspondence"));
  g_assert_true (g_hash_table_contains (kinds, "follow_up"));
  g_assert_true (g_hash_table_contains (kinds, "renewal"));
}

int
main (int argc, char *argv[])
{
  g_setenv ("TZ", "Europe/Riga", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, fn) g_test_add (path, Fixture, NULL, set_up, fn, tear_down)
  ADD ("/fd/followups/refusals", test_refusals);
  ADD ("/fd/followups/recurrence", test_recurrence);
  ADD ("/fd/followups/sections-snooze-reassign", test_sections_snooze_reassign);
  ADD ("/fd/followups/claims", test_claim_followups);
  ADD ("/fd/followups/renewals", test_renewals);
  ADD ("/fd/followups/take-due-exactly-once", test_take_due_exactly_once);
  ADD ("/fd/followups/notifier", test_notifier);
  ADD ("/fd/followups/export-ics", test_export_ics);
  ADD ("/fd/followups/history-kinds", test_history_kinds);
  return g_test_run ();
}
