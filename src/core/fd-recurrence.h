/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* iCalendar recurrence rules (RFC 5545 RRULE, e.g. "FREQ=YEARLY" or
 * "FREQ=MONTHLY;INTERVAL=12"), through libical. Occurrences keep their local wall-clock
 * time across daylight-saving changes. */

/* Whether @rrule is a rule libical accepts and that repeats (no COUNT=1, no UNTIL in the
 * past of @start); an %FD_ERROR_INVALID error naming field "rrule" otherwise. */
gboolean fd_recurrence_validate (const char  *rrule,
                                 gint64       start,
                                 GError     **error);
/* The first occurrence of @rrule started at @start that is later than @after, in local
 * time @zone; 0 when there is none. */
gint64   fd_recurrence_next     (const char  *rrule,
                                 gint64       start,
                                 gint64       after,
                                 GTimeZone   *zone);

G_END_DECLS
