/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "fd-calendar.h"

static void
assert_easter (int year, gboolean orthodox, int day, int month)
{
  g_autoptr(GDate) easter = fd_calendar_easter (year, orthodox);

  g_assert_cmpint (g_date_get_day (easter), ==, day);
  g_assert_cmpint (g_date_get_month (easter), ==, month);
}

static void
test_easter (void)
{
  assert_easter (2024, FALSE, 31, 3);
  assert_easter (2025, FALSE, 20, 4);
  assert_easter (2026, FALSE, 5, 4);
  assert_easter (2027, FALSE, 28, 3);
  assert_easter (2000, FALSE, 23, 4);
  /* Orthodox Easter, as a Gregorian date. */
  assert_easter (2024, TRUE, 5, 5);
  assert_easter (2025, TRUE, 20, 4);
  assert_easter (2026, TRUE, 12, 4);
  assert_easter (2027, TRUE, 2, 5);
  assert_easter (2010, TRUE, 4, 4);
}

static gboolean
holiday (const char *country, int day, int month, int year)
{
  g_autoptr(GDate) date = g_date_new_dmy (day, month, year);
  return fd_calendar_is_holiday (country, date);
}

static void
test_holidays (void)
{
  /* The Netherlands: King's Day moves off a Sunday; Liberation Day every fifth year. */
  g_assert_true (holiday ("NL", 27, 4, 2026));
  g_assert_true (holiday ("NL", 26, 4, 2025));
  g_assert_false (holiday ("NL", 27, 4, 2025));
  g_assert_true (holiday ("NL", 5, 5, 2025));
  g_assert_false (holiday ("NL", 5, 5, 2026));
  g_assert_true (holiday ("NL", 14, 5, 2026));   /* Ascension */
  g_assert_true (holiday ("NL", 25, 5, 2026));   /* Whit Monday */
  /* Belgium. */
  g_assert_true (holiday ("BE", 21, 7, 2026));
  g_assert_true (holiday ("BE", 11, 11, 2026));
  g_assert_false (holiday ("BE", 26, 12, 2026));
  /* Serbia: Orthodox Christmas and Easter; Statehood Day on a Sunday gives Tuesday off. */
  g_assert_true (holiday ("RS", 7, 1, 2026));
  g_assert_true (holiday ("RS", 10, 4, 2026));   /* Orthodox Good Friday */
  g_assert_true (holiday ("RS", 13, 4, 2026));   /* Orthodox Easter Monday */
  g_assert_false (holiday ("RS", 6, 4, 2026));   /* not Western Easter Monday */
  g_assert_true (holiday ("RS", 17, 2, 2026));
  g_assert_false (holiday ("RS", 18, 2, 2026));
  /* Latvia: Midsummer, and Proclamation Day on a Saturday gives Monday off. */
  g_assert_true (holiday ("LV", 24, 6, 2026));
  g_assert_true (holiday ("LV", 18, 11, 2023));  /* a Saturday */
  g_assert_true (holiday ("LV", 20, 11, 2023));
  g_assert_false (holiday ("XX", 1, 1, 2026));
}

static gint64
local (int year, int month, int day, int hour, int minute)
{
  g_autoptr(GDateTime) dt = g_date_time_new_local (year, month, day, hour, minute, 0);
  return g_date_time_to_unix (dt);
}

static void
test_working_days (void)
{
  g_autoptr(FdBranch) branch = fd_branch_new ();   /* Monday–Friday 9:00–17:00 */
  g_autoptr(FdWorkingCalendar) calendar = NULL;
  g_autoptr(GArray) closed = g_array_new (FALSE, TRUE, sizeof (GDate));
  GDate closed_day;

  fd_branch_set_country (branch, "NL");
  g_date_clear (&closed_day, 1);
  g_date_set_dmy (&closed_day, 9, 12, 2026);   /* the branch's own closed Wednesday */
  g_array_append_val (closed, closed_day);
  calendar = fd_working_calendar_new (branch, closed, NULL);

  /* Friday evening: counting starts Monday morning; two working days → Wednesday 9:00. */
  g_assert_cmpint (fd_working_calendar_add_days (calendar, local (2026, 11, 20, 19, 30), 2), ==,
                   local (2026, 11, 25, 9, 0));
  /* Monday 10:15 + 2 → Wednesday 10:15. */
  g_assert_cmpint (fd_working_calendar_add_days (calendar, local (2026, 11, 23, 10, 15), 2), ==,
                   local (2026, 11, 25, 10, 15));
  /* Over Christmas (25, 26 December) and a weekend. */
  g_assert_cmpint (fd_working_calendar_add_days (calendar, local (2026, 12, 24, 11, 0), 1), ==,
                   local (2026, 12, 28, 11, 0));
  /* Over the branch's own closed day. */
  g_assert_cmpint (fd_working_calendar_add_days (calendar, local (2026, 12, 8, 11, 0), 1), ==,
                   local (2026, 12, 10, 11, 0));
  /* Across the change to summer time: the same wall-clock time. */
  g_assert_cmpint (fd_working_calendar_add_days (calendar, local (2026, 3, 27, 10, 0), 1), ==,
                   local (2026, 3, 30, 10, 0));
  /* Ten working days across Easter (Monday 6 April 2026 closed). */
  g_assert_cmpint (fd_working_calendar_add_days (calendar, local (2026, 4, 1, 9, 30), 10), ==,
                   local (2026, 4, 16, 9, 30));

  g_assert_true (fd_working_calendar_is_open (calendar, local (2026, 11, 23, 9, 0)));
  g_assert_false (fd_working_calendar_is_open (calendar, local (2026, 11, 23, 17, 0)));
  g_assert_false (fd_working_calendar_is_open (calendar, local (2026, 12, 25, 11, 0)));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/Amsterdam", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/fd/calendar/easter", test_easter);
  g_test_add_func ("/fd/calendar/holidays", test_holidays);
  g_test_add_func ("/fd/calendar/working-days", test_working_days);
  return g_test_run ();
}
