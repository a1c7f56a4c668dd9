/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-followup-row"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fd-date-time.h"
#include "fd-followup-row.h"

struct _FdFollowupRow
{
  GtkListBoxRow   parent_instance;

  /* Template children */
  GtkLabel       *kind_label;
  GtkLabel       *overdue_label;
  GtkLabel       *due_label;
  GtkLabel       *customer_label;
  GtkLabel       *note_label;
  GtkLabel       *details_label;
  GtkButton      *done_button;
  GtkMenuButton  *snooze_button;
  GtkPopover     *snooze_popover;
  GtkStack       *snooze_stack;
  GtkWidget      *hour_button;
  GtkCalendar    *pick_calendar;
  GtkEntry       *pick_time_entry;
  GtkMenuButton  *more_button;

  /* Owned */
  FdFollowup     *followup;
};

G_DEFINE_FINAL_TYPE (FdFollowupRow, fd_followup_row, GTK_TYPE_LIST_BOX_ROW)

/* Whole days between the local dates of @a and @b (b − a). */
static int
days_between (GDateTime *a,
              GDateTime *b)
{
  g_autoptr(GDateTime) day_a = g_date_time_new_local (g_date_time_get_year (a), g_date_time_get_month (a),
                                                       g_date_time_get_day_of_month (a), 12, 0, 0);
  g_autoptr(GDateTime) day_b = g_date_time_new_local (g_date_time_get_year (b), g_date_time_get_month (b),
                                                       g_date_time_get_day_of_month (b), 12, 0, 0);
  double hours = g_date_time_difference (day_b, day_a) / (double) G_TIME_SPAN_HOUR;

  /* Noon to noon: a daylight-saving change moves it an hour, never a day. */
  return (int) (hours >= 0 ? (hours + 12) / 24 : (hours - 12) / 24);
}

static char *
format_past (GDateTime *due,
             gint64     minutes,
             int        days)
{
  if (minutes < 1)
    return g_strdup (C_("follow-up due", "just now"));
  if (minutes < 60)
    /* Translators: a follow-up fell due this many minutes ago */
    return g_strdup_printf (ngettext ("%'d minute ago", "%'d minutes ago", (gulong) minutes), (int) minutes);
  if (days == 0)
    /* Translators: a follow-up fell due this many hours ago, today */
    return g_strdup_printf (ngettext ("%'d hour ago", "%'d hours ago", (gulong) (minutes / 60)),
                            (int) (minutes / 60));
  if (days == 1)
    /* Translators: when a follow-up fell due, in g_date_time_format() syntax */
    return g_date_time_format (due, C_("follow-up due", "yesterday at %H:%M"));

  if (days <= 14)
    /* Translators: a follow-up fell due this many days ago */
    return g_strdup_printf (ngettext ("%'d day ago", "%'d days ago", (gulong) days), days);

  /* Long overdue: the date says more than "1056 days ago". */
  return g_date_time_format (due, C_("follow-up due", "%-d %B %Y"));
}

static char *
format_future (GDateTime *due,
               GDateTime *now,
               gint64     minutes,
               int        days)
{
  if (minutes < 1)
    return g_strdup (C_("follow-up due", "now"));
  if (minutes < 60)
    /* Translators: a follow-up falls due in this many minutes */
    return g_strdup_printf (ngettext ("in %'d minute", "in %'d minutes", (gulong) minutes), (int) minutes);
  if (days == 0)
    /* Translators: a follow-up falls due in this many hours, today */
    return g_strdup_printf (ngettext ("in %'d hour", "in %'d hours", (gulong) (minutes / 60)),
                            (int) (minutes / 60));
  if (days == 1)
    /* Translators: when a follow-up falls due, in g_date_time_format() syntax */
    return g_date_time_format (due, C_("follow-up due", "tomorrow at %H:%M"));
  if (days < 7)
    /* Translators: when a follow-up falls due this week, in g_date_time_format() syntax,
     * e.g. "Friday at 09:00" */
    return g_date_time_format (due, C_("follow-up due", "%A at %H:%M"));
  if (g_date_time_get_year (due) == g_date_time_get_year (now))
    /* Translators: when a follow-up falls due this year, in g_date_time_format() syntax,
     * e.g. "14 March at 09:00" */
    return g_date_time_format (due, C_("follow-up due", "%-d %B at %H:%M"));

  /* Translators: when a follow-up falls due in a later year, in g_date_time_format()
   * syntax, e.g. "14 March 2027" */
  return g_date_time_format (due, C_("follow-up due", "%-d %B %Y"));
}

static void
update_accessible_label (FdFollowupRow *self,
                         const char    *customer,
                         const char    *due_text,
                         gboolean       overdue)
{
  g_autofree char *label = NULL;
  const char *kind = fd_followup_kind_to_label (fd_followup_get_kind (self->followup));

  if (overdue)
    /* Translators: a follow-up for screen readers: its kind, the customer, when it was due,
     * e.g. "Call back, Jānis Bērziņš, overdue, yesterday at 16:00" */
    label = g_strdup_printf (C_("follow-up row", "%1$s, %2$s, overdue, %3$s"), kind, customer, due_text);
  else
    /* Translators: a follow-up for screen readers: its kind, the customer, when it is due,
     * e.g. "Call back, Jānis Bērziņš, due in 2 hours" */
    label = g_strdup_printf (C_("follow-up row", "%1$s, %2$s, due %3$s"), kind, customer, due_text);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static char *
dup_details (const char *claim_reference,
             const char *assignee_name)
{
  if (claim_reference != NULL && assignee_name != NULL)
    /* Translators: a follow-up's claim and who it is for, e.g. "Claim K-2026-0417-E · For Anna" */
    return g_strdup_printf (C_("follow-up row", "Claim %1$s · For %2$s"), claim_reference, assignee_name);
  if (claim_reference != NULL)
    /* Translators: a follow-up's claim, for anyone at the branch */
    return g_strdup_printf (C_("follow-up row", "Claim %s · For anyone"), claim_reference);
  if (assignee_name != NULL)
    /* Translators: who a follow-up is for, e.g. "For Anna" */
    return g_strdup_printf (C_("follow-up row", "For %s"), assignee_name);

  return g_strdup (C_("follow-up row", "For anyone"));
}

static GMenuItem *
new_id_item (const char *label,
             const char *action,
             gint64      id)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_int64 (id));
  return item;
}

static GMenuItem *
new_reassign_item (const char *label,
                   gint64      followup_id,
                   gint64      staff_id)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, "followups.reassign",
                                           g_variant_new ("(xx)", followup_id, staff_id));
  return item;
}

/* Reassign to anyone or a staff member, open what it is about, cancel it. */
static void
build_more_menu (FdFollowupRow      *self,
                 GArray             *staff_ids,
                 const char * const *staff_names)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) reassign = g_menu_new ();
  g_autoptr(GMenu) open = g_menu_new ();
  g_autoptr(GMenu) cancel = g_menu_new ();
  g_autoptr(GMenuItem) anyone = NULL;
  gint64 id = fd_followup_get_id (self->followup);
  gint64 assignee = fd_followup_get_assignee_id (self->followup);

  if (assignee != 0)
    {
      /* Translators: reassign a follow-up to anyone at the branch */
      anyone = new_reassign_item (C_("follow-up assignee", "Anyone"), id, 0);
      g_menu_append_item (reassign, anyone);
    }
  for (guint i = 0; staff_ids != NULL && staff_names != NULL && i < staff_ids->len; i++)
    {
      g_autoptr(GMenuItem) item = NULL;

      if (g_array_index (staff_ids, gint64, i) == assignee)
        continue;
      item = new_reassign_item (staff_names[i], id, g_array_index (staff_ids, gint64, i));
      g_menu_append_item (reassign, item);
    }
  if (g_menu_model_get_n_items (G_MENU_MODEL (reassign)) > 0)
    g_menu_append_submenu (menu, _("_Reassign"), G_MENU_MODEL (reassign));

  if (fd_followup_get_customer_id (self->followup) > 0)
    {
      g_autoptr(GMenuItem) item = new_id_item (_("Open _Customer"), "win.open-customer",
                                               fd_followup_get_customer_id (self->followup));
      g_menu_append_item (open, item);
    }
  if (fd_followup_get_claim_id (self->followup) > 0)
    {
      g_autoptr(GMenuItem) item = new_id_item (_("Open C_laim"), "win.open-claim",
                                               fd_followup_get_claim_id (self->followup));
      g_menu_append_item (open, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (open));

  {
    g_autoptr(GMenuItem) item = new_id_item (_("C_ancel Follow-up"), "followups.cancel", id);
    g_menu_append_item (cancel, item);
  }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (cancel));

  gtk_menu_button_set_menu_model (self->more_button, G_MENU_MODEL (menu));
}

static void
clear (FdFollowupRow *self)
{
  gtk_label_set_text (self->kind_label, "");
  gtk_label_set_text (self->due_label, "");
  gtk_label_set_text (self->customer_label, "");
  gtk_label_set_text (self->note_label, "");
  gtk_label_set_text (self->details_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "fd-followup-overdue");
  gtk_menu_button_set_menu_model (self->more_button, NULL);
}

/* Actions */

static void
snooze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FdFollowupRow *self = FD_FOLLOWUP_ROW (widget);

  if (self->followup == NULL)
    return;

  gtk_popover_popdown (self->snooze_popover);
  gtk_widget_activate_action (widget, "followups.snooze", "(xs)",
                              fd_followup_get_id (self->followup), g_variant_get_string (param, NULL));
}

static void
pick_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FdFollowupRow *self = FD_FOLLOWUP_ROW (widget);
  g_autoptr(GDateTime) due = NULL;
  g_autofree char *time = NULL;

  if (self->followup == NULL)
    return;

  /* From the current due time, a day on: the usual case is "not today". */
  due = fd_date_time_local_from_unix (MAX (fd_followup_get_notify_at (self->followup),
                                           g_get_real_time () / G_USEC_PER_SEC));
  if (due != NULL)
    {
      g_autoptr(GDateTime) next = g_date_time_add_days (due, 1);

      gtk_calendar_select_day (self->pick_calendar, next);
      time = g_date_time_format (next, "%H:%M");
      gtk_editable_set_text (GTK_EDITABLE (self->pick_time_entry), time);
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->pick_time_entry), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->pick_time_entry), GTK_ACCESSIBLE_STATE_INVALID);
  gtk_stack_set_visible_child_name (self->snooze_stack, "pick");
  gtk_widget_grab_focus (GTK_WIDGET (self->pick_calendar));
}

static void
snooze_until_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FdFollowupRow *self = FD_FOLLOWUP_ROW (widget);
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) until = NULL;
  int hour, minute;

  if (self->followup == NULL)
    return;

  if (!fd_date_time_parse_time_of_day (gtk_editable_get_text (GTK_EDITABLE (self->pick_time_entry)), &hour, &minute))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->pick_time_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->pick_time_entry),
                                   _("Enter the time as HH:MM, for example 17:00."));
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->pick_time_entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_widget_grab_focus (GTK_WIDGET (self->pick_time_entry));
      return;
    }

  day = gtk_calendar_get_date (self->pick_calendar);
  until = fd_date_time_new_on_day (day, hour, minute);
  gtk_popover_popdown (self->snooze_popover);
  if (until == NULL)
    return;

  /* A time in the past is refused by the store, which says so in a toast. */
  gtk_widget_activate_action (widget, "followups.snooze-until", "(xx)",
                              fd_followup_get_id (self->followup), g_date_time_to_unix (until));
}

/* Signal callbacks */

static void
on_snooze_popover_show_cb (FdFollowupRow *self)
{
  gtk_stack_set_visible_child_name (self->snooze_stack, "menu");
  gtk_widget_grab_focus (self->hour_button);
}

static void
on_pick_time_entry_activate_cb (FdFollowupRow *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "followup.snooze-until", NULL);
}

/* GObject */

static void
fd_followup_row_dispose (GObject *object)
{
  FdFollowupRow *self = (FdFollowupRow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_FOLLOWUP_ROW);
  g_clear_object (&self->followup);

  G_OBJECT_CLASS (fd_followup_row_parent_class)->dispose (object);
}

static void
fd_followup_row_class_init (FdFollowupRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_followup_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-followup-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, kind_label);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, customer_label);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, note_label);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, details_label);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, done_button);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, snooze_button);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, snooze_popover);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, snooze_stack);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, hour_button);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, pick_calendar);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, pick_time_entry);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupRow, more_button);
  gtk_widget_class_bind_template_callback (widget_class, on_snooze_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pick_time_entry_activate_cb);

  gtk_widget_class_install_action (widget_class, "followup.snooze", "s", snooze_action);
  gtk_widget_class_install_action (widget_class, "followup.pick", NULL, pick_action);
  gtk_widget_class_install_action (widget_class, "followup.snooze-until", NULL, snooze_until_action);
}

static void
fd_followup_row_init (FdFollowupRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fd_followup_row_new (void)
{
  return g_object_new (FD_TYPE_FOLLOWUP_ROW, NULL);
}

FdFollowup *
fd_followup_row_get_followup (FdFollowupRow *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_ROW (self), NULL);

  return self->followup;
}

/* What to do, said plainly: a claim's deadlines say which step is due (as the desktop
 * notification does); other follow-ups their kind. */
static char *
dup_title (FdFollowup *followup,
           const char *claim_reference)
{
  const char *source = fd_followup_get_source (followup);

  if (claim_reference != NULL && g_strcmp0 (source, "claim_ack") == 0)
    return g_strdup_printf (_("Acknowledge claim %s"), claim_reference);
  if (claim_reference != NULL && g_strcmp0 (source, "claim_resolve") == 0)
    return g_strdup_printf (_("Resolve claim %s"), claim_reference);
  return g_strdup (fd_followup_kind_to_label (fd_followup_get_kind (followup)));
}

void
fd_followup_row_set_followup (FdFollowupRow      *self,
                              FdFollowup         *followup,
                              const char         *customer_name,
                              const char         *claim_reference,
                              const char         *assignee_name,
                              GArray             *staff_ids,
                              const char * const *staff_names,
                              gint64              now)
{
  g_autofree char *due_text = NULL;
  g_autofree char *details = NULL;
  g_autofree char *title = NULL;
  const char *note;
  const char *customer;
  gboolean overdue;

  g_return_if_fail (FD_IS_FOLLOWUP_ROW (self));
  g_return_if_fail (!followup || FD_IS_FOLLOWUP (followup));

  g_set_object (&self->followup, followup);
  if (followup == NULL)
    {
      clear (self);
      return;
    }

  /* A snoozed one is announced again at the end of its snooze: that is when it is due now. */
  overdue = fd_followup_get_notify_at (followup) < now;
  due_text = fd_followup_row_format_due (fd_followup_get_notify_at (followup), now);
  note = fd_followup_get_note (followup);
  customer = customer_name != NULL && *customer_name != '\0' ? customer_name : C_("customer", "Unknown customer");
  title = dup_title (followup, claim_reference);
  /* A title that names the claim need not say it again below. */
  details = dup_details (claim_reference != NULL && strstr (title, claim_reference) ? NULL : claim_reference,
                         assignee_name);

  gtk_label_set_text (self->kind_label, title);
  gtk_label_set_text (self->due_label, due_text);
  gtk_widget_set_visible (GTK_WIDGET (self->overdue_label), overdue);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "fd-followup-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "fd-followup-overdue");
  gtk_label_set_text (self->customer_label, customer);
  /* Older databases kept a claim's reference as its follow-ups' note: it is said below. */
  if (note != NULL && g_strcmp0 (note, claim_reference) == 0)
    note = NULL;
  gtk_label_set_text (self->note_label, note != NULL ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');
  gtk_label_set_text (self->details_label, details);

  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->done_button),
                                          g_variant_new_int64 (fd_followup_get_id (followup)));
  build_more_menu (self, staff_ids, staff_names);
  update_accessible_label (self, customer, due_text, overdue);
}

char *
fd_followup_row_format_due (gint64 due,
                            gint64 now)
{
  g_autoptr(GDateTime) due_local = fd_date_time_local_from_unix (due);
  g_autoptr(GDateTime) now_local = fd_date_time_local_from_unix (now);
  int days;

  if (due_local == NULL || now_local == NULL)
    return g_strdup ("");

  days = days_between (now_local, due_local);

  if (due < now)
    return format_past (due_local, (now - due) / 60, -days);

  return format_future (due_local, now_local, (due - now) / 60, days);
}
