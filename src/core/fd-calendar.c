/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-calendar"

#include "config.h"

#include "fd-calendar.h"

/* Public holidays of the countries Frontdesk's branches are in, computed for any year
 * rather than listed, so deadlines are right next year too. */

GDate *
fd_calendar_easter (int      year,
                    gboolean orthodox)
{
  int month, day;

  if (orthodox)
    {
      /* Meeus' Julian algorithm, then Julian → Gregorian (13 days for 1900–2099). */
      int a = year % 4, b = year % 7, c = year % 19;
      int d = (19 * c + 15) % 30;
      int e = (2 * a + 4 * b - d + 34) % 7;
      int julian_month = (d + e + 114) / 31;
      int julian_day = (d + e + 114) % 31 + 1;
      int shift = year / 100 - year / 400 - 2;
      GDate *date = g_date_new_dmy (julian_day, julian_month, year);

      g_date_add_days (date, shift);
      return date;
    }

  /* The anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
  {
    int a = year % 19, b = year / 100, c = year % 100;
    int d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3;
    int h = (19 * a + b - d - g + 15) % 30;
    int i = c / 4, k = c % 4;
    int l = (32 + 2 * e + 2 * i - h - k) % 7;
    int m = (a + 11 * h + 22 * l) / 451;

    month = (h + l - 7 * m + 114) / 31;
    day = (h + l - 7 * m + 114) % 31 + 1;
  }
  return g_date_new_dmy (day, month, year);
}

static void
add_date (GArray *dates,
          int     day,
          int     month,
          int     year)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_array_append_val (dates, date);
}

static void
add_easter_offset (GArray  *dates,
                   int      year,
                   gboolean orthodox,
                   int      offset)
{
  g_autoptr(GDate) easter = fd_calendar_easter (year, orthodox);

  g_date_add_days (easter, offset);
  g_array_append_val (dates, *easter);
}

static void
add_easter_before (GArray  *dates,
                   int      year,
                   gboolean orthodox,
                   int      days_before)
{
  g_autoptr(GDate) easter = fd_calendar_easter (year, orthodox);

  g_date_subtract_days (easter, days_before);
  g_array_append_val (dates, *easter);
}

static gboolean
contains_date (GArray      *dates,
               const GDate *date)
{
  for (guint i = 0; i < dates->len; i++)
    if (g_date_compare (&g_array_index (dates, GDate, i), date) == 0)
      return TRUE;
  return FALSE;
}

/* Serbia gives the next working day off for a holiday on a Sunday (Saturday too, in
 * Latvia): the first later day that is neither a weekend day nor a holiday already —
 * 15 and 16 February on Sunday and Monday give Tuesday the 17th off. */
static void
add_moved_off_weekend (GArray   *dates,
                       int       day,
                       int       month,
                       int       year,
                       gboolean  saturday_too)
{
  GDate date;
  GDateWeekday weekday;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  weekday = g_date_get_weekday (&date);
  if (weekday != G_DATE_SUNDAY && !(saturday_too && weekday == G_DATE_SATURDAY))
    return;

  do
    g_date_add_days (&date, 1);
  while (g_date_get_weekday (&date) >= G_DATE_SATURDAY || contains_date (dates, &date));
  g_array_append_val (dates, date);
}

static int
compare_dates (gconstpointer a,
               gconstpointer b)
{
  return g_date_compare (a, b);
}

GArray *
fd_calendar_list_holidays (const char *country,
                           int         year)
{
  GArray *dates = g_array_new (FALSE, TRUE, sizeof (GDate));

  if (g_strcmp0 (country, "NL") == 0)
    {
      add_date (dates, 1, 1, year);
      add_easter_offset (dates, year, FALSE, 0);
      add_easter_offset (dates, year, FALSE, 1);
      /* King's Day moves to the 26th when the 27th is a Sunday. */
      {
        GDate kings;
        g_date_clear (&kings, 1);
        g_date_set_dmy (&kings, 27, 4, year);
        add_date (dates, g_date_get_weekday (&kings) == G_DATE_SUNDAY ? 26 : 27, 4, year);
      }
      /* Liberation Day is a day off every fifth year. */
      if (year % 5 == 0)
        add_date (dates, 5, 5, year);
      add_easter_offset (dates, year, FALSE, 39);
      add_easter_offset (dates, year, FALSE, 49);
      add_easter_offset (dates, year, FALSE, 50);
      add_date (dates, 25, 12, year);
      add_date (dates, 26, 12, year);
    }
  else if (g_strcmp0 (country, "BE") == 0)
    {
      add_date (dates, 1, 1, year);
      add_easter_offset (dates, year, FALSE, 1);
      add_date (dates, 1, 5, year);
      add_easter_offset (dates, year, FALSE, 39);
      add_easter_offset (dates, year, FALSE, 50);
      add_date (dates, 21, 7, year);
      add_date (dates, 15, 8, year);
      add_date (dates, 1, 11, year);
      add_date (dates, 11, 11, year);
      add_date (dates, 25, 12, year);
    }
  else if (g_strcmp0 (country, "RS") == 0)
    {
      static const int movable[][2] = { { 1, 1 }, { 2, 1 }, { 15, 2 }, { 16, 2 }, { 1, 5 }, { 2, 5 }, { 11, 11 } };

      for (guint i = 0; i < G_N_ELEMENTS (movable); i++)
        add_date (dates, movable[i][0], movable[i][1], year);
      add_date (dates, 7, 1, year);                       /* Orthodox Christmas */
      add_easter_before (dates, year, TRUE, 2);           /* Orthodox Good Friday … */
      add_easter_before (dates, year, TRUE, 1);
      add_easter_offset (dates, year, TRUE, 0);
      add_easter_offset (dates, year, TRUE, 1);           /* … to Easter Monday */
      for (guint i = 0; i < G_N_ELEMENTS (movable); i++)
        add_moved_off_weekend (dates, movable[i][0], movable[i][1], year, FALSE);
    }
  else if (g_strcmp0 (country, "LV") == 0)
    {
      add_date (dates, 1, 1, year);
      add_easter_before (dates, year, FALSE, 2);
      add_easter_offset (dates, year, FALSE, 0);
      add_easter_offset (dates, year, FALSE, 1);
      add_date (dates, 1, 5, year);
      add_date (dates, 4, 5, year);
      add_date (dates, 23, 6, year);
      add_date (dates, 24, 6, year);
      add_date (dates, 18, 11, year);
      add_date (dates, 24, 12, year);
      add_date (dates, 25, 12, year);
      add_date (dates, 26, 12, year);
      add_date (dates, 31, 12, year);
      add_moved_off_weekend (dates, 4, 5, year, TRUE);
      add_moved_off_weekend (dates, 18, 11, year, TRUE);
    }

  g_array_sort (dates, compare_dates);
  /* Two feasts may share a day (Western and Orthodox Easter coincide some years): once. */
  for (guint i = 1; i < dates->len; )
    if (g_date_compare (&g_array_index (dates, GDate, i), &g_array_index (dates, GDate, i - 1)) == 0)
      g_array_remove_index (dates, i);
    else
      i++;
  return dates;
}

gboolean
fd_calendar_is_holiday (const char  *country,
                        const GDate *date)
{
  g_autoptr(GArray) dates = NULL;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  dates = fd_calendar_list_holidays (country, g_date_get_year (date));
  for (guint i = 0; i < dates->len; i++)
    if (g_date_compare (&g_array_index (dates, GDate, i), date) == 0)
      return TRUE;
  return FALSE;
}

struct _FdWorkingCalendar
{
  char       *country;
  int         opens[7];     /* minutes after midnight, Monday first; -1 closed */
  int         closes[7];
  GArray     *closed;       /* GDate: the branch's own closed dates */
  GTimeZone  *zone;
  GHashTable *holidays;     /* year → GArray of GDate, computed once per year */
};

FdWorkingCalendar *
fd_working_calendar_new (FdBranch  *branch,
                         GArray    *closed_dates,
                         GTimeZone *zone)
{
  FdWorkingCalendar *self = g_new0 (FdWorkingCalendar, 1);

  g_return_val_if_fail (FD_IS_BRANCH (branch), NULL);

  self->country = g_strdup (fd_branch_get_country (branch));
  for (int d = 1; d <= 7; d++)
    if (!fd_branch_get_hours (branch, d, &self->opens[d - 1], &self->closes[d - 1]))
      self->opens[d - 1] = self->closes[d - 1] = -1;
  self->closed = closed_dates ? g_array_ref (closed_dates) : g_array_new (FALSE, TRUE, sizeof (GDate));
  self->zone = zone ? g_time_zone_ref (zone) : g_time_zone_new_local ();
  self->holidays = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  return self;
}

void
fd_working_calendar_free (FdWorkingCalendar *self)
{
  g_free (self->country);
  g_array_unref (self->closed);
  g_time_zone_unref (self->zone);
  g_hash_table_unref (self->holidays);
  g_free (self);
}

static gboolean
is_working_day (FdWorkingCalendar *self,
                GDateTime         *day)
{
  int weekday = g_date_time_get_day_of_week (day);
  int year = g_date_time_get_year (day);
  GArray *holidays;
  GDate date;

  if (self->opens[weekday - 1] < 0)
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day), year);

  if (!(holidays = g_hash_table_lookup (self->holidays, GINT_TO_POINTER (year))))
    {
      holidays = fd_calendar_list_holidays (self->country, year);
      g_hash_table_insert (self->holidays, GINT_TO_POINTER (year), holidays);
    }
  for (guint i = 0; i < holidays->len; i++)
    if (g_date_compare (&g_array_index (holidays, GDate, i), &date) == 0)
      return FALSE;
  for (guint i = 0; i < self->closed->len; i++)
    if (g_date_compare (&g_array_index (self->closed, GDate, i), &date) == 0)
      return FALSE;
  return TRUE;
}

/* Local midnight of the day of @t, in the calendar's zone. */
static GDateTime *
day_start (FdWorkingCalendar *self,
           GDateTime         *t)
{
  return g_date_time_new (self->zone, g_date_time_get_year (t), g_date_time_get_month (t),
                          g_date_time_get_day_of_month (t), 0, 0, 0);
}

/* A wall-clock time on a day, DST-safe: built from the local date, not by adding seconds. */
static GDateTime *
at_minutes (FdWorkingCalendar *self,
            GDateTime         *day,
            int                minutes)
{
  return g_date_time_new (self->zone, g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day), minutes / 60, minutes % 60, 0);
}

gboolean
fd_working_calendar_is_open (FdWorkingCalendar *self,
                             gint64             unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) t = g_date_time_to_timezone (utc, self->zone);
  int weekday = g_date_time_get_day_of_week (t);
  int minutes = g_date_time_get_hour (t) * 60 + g_date_time_get_minute (t);

  return is_working_day (self, t) &&
         minutes >= self->opens[weekday - 1] && minutes < self->closes[weekday - 1];
}

gint64
fd_working_calendar_add_days (FdWorkingCalendar *self,
                              gint64             start,
                              guint              days)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);
  g_autoptr(GDateTime) t = g_date_time_to_timezone (utc, self->zone);
  g_autoptr(GDateTime) day = day_start (self, t);
  int minutes = g_date_time_get_hour (t) * 60 + g_date_time_get_minute (t);
  int weekday = g_date_time_get_day_of_week (t);
  g_autoptr(GDateTime) due = NULL;
  guint guard = 0;

  /* 1. The first moment the branch is open at or after @start. */
  if (!is_working_day (self, day) || minutes >= self->closes[weekday - 1])
    {
      do
        {
          GDateTime *next = g_date_time_add_days (day, 1);
          g_date_time_unref (day);
          day = next;
          if (++guard > 3700)
            return 0;   /* never open */
        }
      while (!is_working_day (self, day));
      minutes = self->opens[g_date_time_get_day_of_week (day) - 1];
    }
  else if (minutes < self->opens[weekday - 1])
    minutes = self->opens[weekday - 1];

  /* 2. The same time on the days-th following working day. */
  for (guint n = 0; n < days; n++)
    do
      {
        GDateTime *next = g_date_time_add_days (day, 1);
        g_date_time_unref (day);
        day = next;
        if (++guard > 3700)
          return 0;
      }
    while (!is_working_day (self, day));

  weekday = g_date_time_get_day_of_week (day);
  due = at_minutes (self, day, CLAMP (minutes, self->opens[weekday - 1], self->closes[weekday - 1]));
  return g_date_time_to_unix (due);
}
