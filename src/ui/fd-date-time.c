/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-date-time"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fd-date-time.h"

gboolean
fd_date_time_parse_time_of_day (const char *text,
                                int        *hour,
                                int        *minute)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_auto(GStrv) parts = g_strsplit (clean, ":", -1);
  guint64 h, m;

  if (g_strv_length (parts) != 2 ||
      !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &h, NULL) ||
      strlen (parts[1]) != 2 ||
      !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL))
    return FALSE;

  *hour = (int) h;
  *minute = (int) m;
  return TRUE;
}

GDateTime *
fd_date_time_local_from_unix (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);

  return utc != NULL ? g_date_time_to_local (utc) : NULL;
}

GDateTime *
fd_date_time_new_on_day (GDateTime *day,
                         int        hour,
                         int        minute)
{
  g_return_val_if_fail (day != NULL, NULL);

  return g_date_time_new_local (g_date_time_get_year (day), g_date_time_get_month (day),
                                g_date_time_get_day_of_month (day), hour, minute, 0);
}

gint64
fd_date_time_get_fields (GtkCalendar *calendar,
                         GtkEditable *time_entry)
{
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) moment = NULL;
  int hour, minute;

  g_return_val_if_fail (GTK_IS_CALENDAR (calendar), 0);
  g_return_val_if_fail (GTK_IS_EDITABLE (time_entry), 0);

  if (!fd_date_time_parse_time_of_day (gtk_editable_get_text (time_entry), &hour, &minute))
    return 0;

  day = gtk_calendar_get_date (calendar);
  moment = fd_date_time_new_on_day (day, hour, minute);

  return moment != NULL ? g_date_time_to_unix (moment) : 0;
}

gboolean
fd_date_time_set_fields (GtkCalendar *calendar,
                         GtkEditable *time_entry,
                         gint64       unix_time)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;

  g_return_val_if_fail (GTK_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (GTK_IS_EDITABLE (time_entry), FALSE);

  local = fd_date_time_local_from_unix (unix_time);
  if (local == NULL)
    return FALSE;

  gtk_calendar_select_day (calendar, local);
  time = g_date_time_format (local, "%H:%M");
  gtk_editable_set_text (time_entry, time);
  return TRUE;
}

int
fd_date_time_to_day (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, 0);

  return g_date_time_get_year (date) * 10000 + g_date_time_get_month (date) * 100 +
         g_date_time_get_day_of_month (date);
}

GDateTime *
fd_date_time_new_from_day (int day)
{
  /* Noon: every local day has one, whatever summer time does at midnight. */
  return g_date_time_new_local (day / 10000, day / 100 % 100, day % 100, 12, 0, 0);
}

int
fd_date_time_get_calendar_day (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_val_if_fail (GTK_IS_CALENDAR (calendar), 0);

  date = gtk_calendar_get_date (calendar);
  return fd_date_time_to_day (date);
}

void
fd_date_time_select_calendar_day (GtkCalendar *calendar,
                                  int          day)
{
  g_autoptr(GDateTime) date = NULL;

  g_return_if_fail (GTK_IS_CALENDAR (calendar));

  date = fd_date_time_new_from_day (day);
  if (date != NULL)
    gtk_calendar_select_day (calendar, date);
}

void
fd_date_time_set_button_day (GtkMenuButton *button,
                             const char    *what,
                             int            day)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *text = NULL;
  g_autofree char *spoken = NULL;

  g_return_if_fail (GTK_IS_MENU_BUTTON (button));
  g_return_if_fail (what != NULL);

  date = fd_date_time_new_from_day (day);
  /* Translators: a day on the buttons choosing a period (reports, a customer's history): "23 Nov 2026" */
  text = date != NULL ? g_date_time_format (date, _("%e %b %Y")) : NULL;
  if (text == NULL)
    return;

  gtk_menu_button_set_label (button, g_strstrip (text));
  /* Translators: accessible name of a date button: "First day: 1 Oct 2026" */
  spoken = g_strdup_printf (_("%1$s: %2$s"), what, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
}
