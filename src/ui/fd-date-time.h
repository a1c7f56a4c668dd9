/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* A day in a GtkCalendar and a time of day typed as HH:MM, as the forms ask for a moment. */

/* HH:MM or H:MM, 00:00 … 23:59, with spaces around it. */
gboolean   fd_date_time_parse_time_of_day (const char  *text,
                                           int         *hour,
                                           int         *minute);
/* (nullable): NULL when @unix_time is out of range. */
GDateTime *fd_date_time_local_from_unix   (gint64       unix_time);
/* @hour:@minute local time on @day's date; (nullable): NULL when there is none. */
GDateTime *fd_date_time_new_on_day        (GDateTime   *day,
                                           int          hour,
                                           int          minute);
/* The moment @calendar and @time_entry say, in Unix seconds; 0 when the time is not HH:MM. */
gint64     fd_date_time_get_fields        (GtkCalendar *calendar,
                                           GtkEditable *time_entry);
/* Shows @unix_time in @calendar and @time_entry, to the minute. FALSE, and nothing changed,
 * when it is out of range. */
gboolean   fd_date_time_set_fields        (GtkCalendar *calendar,
                                           GtkEditable *time_entry,
                                           gint64       unix_time);

/* Days as the store's day filters take them: a local date as yyyymmdd. */
int        fd_date_time_to_day            (GDateTime   *date);
/* Noon, local time, on @day (yyyymmdd); (nullable): NULL when @day is no date. */
GDateTime *fd_date_time_new_from_day      (int          day);
/* The day selected in @calendar, as yyyymmdd. */
int        fd_date_time_get_calendar_day  (GtkCalendar *calendar);
/* Selects @day (yyyymmdd) in @calendar; nothing when it is no date. */
void       fd_date_time_select_calendar_day (GtkCalendar *calendar,
                                             int          day);
/* Shows @day (yyyymmdd) on a button that opens a calendar, and names it "@what: day" for
 * screen readers; @what says which day it is ("First day"). Nothing when it is no date. */
void       fd_date_time_set_button_day    (GtkMenuButton *button,
                                           const char    *what,
                                           int            day);

G_END_DECLS
