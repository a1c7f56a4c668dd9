/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "fd-branch.h"

G_BEGIN_DECLS

/* Public holidays and working time: claims' deadlines are counted in a branch's opening
 * hours and days, skipping its country's public holidays and its own closed dates. */

/* Easter Sunday of @year in the Gregorian calendar, Western and Orthodox (the Julian
 * computus, given as a Gregorian date), for 1900–2099 at least. */
GDate    *fd_calendar_easter            (int          year,
                                         gboolean     orthodox);
/* Whether @date is a public holiday in @country (NL, BE, RS, LV; others have none). */
gboolean  fd_calendar_is_holiday        (const char  *country,
                                         const GDate *date);
/* The public holidays of @country in @year, in date order. Element type GDate. */
GArray   *fd_calendar_list_holidays     (const char  *country,
                                         int          year);

/* A branch's working calendar: its weekly opening hours, its country's holidays and its
 * own closed dates (element type GDate, may be NULL). */
typedef struct _FdWorkingCalendar FdWorkingCalendar;

FdWorkingCalendar *fd_working_calendar_new   (FdBranch          *branch,
                                              GArray            *closed_dates,
                                              GTimeZone         *zone);
void               fd_working_calendar_free  (FdWorkingCalendar *self);
/* Whether the branch is open at @unix_time. */
gboolean           fd_working_calendar_is_open (FdWorkingCalendar *self,
                                              gint64             unix_time);
/* @start moved on by @days working days: first to the next moment the branch is open
 * (a claim received on Friday evening starts on Monday morning), then to the same
 * opening time on the @days-th following working day, or that day's closing time when
 * it closes earlier. Returns 0 when the branch never opens. */
gint64             fd_working_calendar_add_days (FdWorkingCalendar *self,
                                              gint64             start,
                                              guint              days);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FdWorkingCalendar, fd_working_calendar_free)

G_END_DECLS
