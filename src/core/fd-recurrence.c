/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-recurrence"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <libical/ical.h>
#include <string.h>

#include "fd-error.h"
#include "fd-recurrence.h"

/* Occurrences are counted in local wall-clock time, as a person means "every month at
 * 10:00", then turned back into Unix time in @zone: the time stays 10:00 across daylight
 * saving changes. libical works on floating times here; GLib does the zone. */

static struct icaltimetype
to_floating (gint64     unix_time,
             GTimeZone *zone)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, zone);
  struct icaltimetype t = icaltime_null_time ();

  t.year = g_date_time_get_year (local);
  t.month = g_date_time_get_month (local);
  t.day = g_date_time_get_day_of_month (local);
  t.hour = g_date_time_get_hour (local);
  t.minute = g_date_time_get_minute (local);
  t.second = g_date_time_get_second (local);
  return t;
}

static gint64
from_floating (struct icaltimetype  t,
               GTimeZone           *zone)
{
  g_autoptr(GDateTime) local = g_date_time_new (zone, t.year, t.month, t.day, t.hour, t.minute, t.second);

  return local ? g_date_time_to_unix (local) : 0;
}

static gboolean
parse (const char                 *rrule,
       struct icalrecurrencetype  *recur)
{
  if (rrule == NULL || *rrule == '\0' || !g_str_is_ascii (rrule) || strlen (rrule) > 500)
    return FALSE;
  icalerror_set_errno (ICAL_NO_ERROR);
  *recur = icalrecurrencetype_from_string (rrule);
  return icalerrno == ICAL_NO_ERROR && recur->freq != ICAL_NO_RECURRENCE;
}

/**
 * fd_recurrence_validate:
 *
 * Returns: whether @rrule repeats from @start
 */
gboolean
fd_recurrence_validate (const char  *rrule,
                        gint64       start,
                        GError     **error)
{
  struct icalrecurrencetype recur;
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();

  if (!parse (rrule, &recur))
    {
      fd_set_invalid (error, "rrule",
                      /* Translators: %s is what the user gave as a recurrence rule */
                      _("“%s” is not a recurrence rule: write one like FREQ=MONTHLY;INTERVAL=12."),
                      rrule ? rrule : "");
      return FALSE;
    }
  if (recur.count == 1 || fd_recurrence_next (rrule, start, start, utc) == 0)
    {
      fd_set_invalid (error, "rrule", _("The recurrence rule “%s” never repeats after the first time."), rrule);
      return FALSE;
    }
  return TRUE;
}

gint64
fd_recurrence_next (const char *rrule,
                    gint64      start,
                    gint64      after,
                    GTimeZone  *zone)
{
  struct icalrecurrencetype recur;
  icalrecur_iterator *iter;
  gint64 found = 0;

  if (!parse (rrule, &recur))
    return 0;
  iter = icalrecur_iterator_new (recur, to_floating (start, zone));
  if (iter == NULL)
    return 0;
  /* A bounded walk: a rule that matches nothing (BYMONTHDAY=31;BYMONTH=2) must not spin. */
  for (guint i = 0; i < 100000; i++)
    {
      struct icaltimetype next = icalrecur_iterator_next (iter);
      gint64 at;

      if (icaltime_is_null_time (next))
        break;
      at = from_floating (next, zone);
      if (at > after)
        {
          found = at;
          break;
        }
    }
  icalrecur_iterator_free (iter);
  return found;
}
