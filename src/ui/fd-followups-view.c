/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-followups-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-application.h"
#include "fd-followup-row.h"
#include "fd-followups-view.h"

/* Counts beside the section titles stop here: beyond it the number says nothing more. */
#define SECTION_COUNT_CAP 999

/* Due times read "in 2 hours": while someone looks at the view they are redrawn this often. */
#define REFRESH_SECONDS 60

/* The counts are recounted at the next moment they can change, and at the latest after
 * this long: the timer runs on the monotonic clock, which a suspend or a change of the wall
 * clock leaves behind. */
#define MAX_WAKE_SECONDS 3600

enum {
  SECTION_OVERDUE,
  SECTION_TODAY,
  SECTION_UPCOMING,
  N_SECTIONS
};

struct _FdFollowupsView
{
  AdwBin               parent_instance;

  /* Template children */
  GtkWidget           *assignee_box;
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkLabel            *error_label;
  AdwPreferencesGroup *overdue_group;
  AdwPreferencesGroup *today_group;
  AdwPreferencesGroup *upcoming_group;
  GtkListBox          *overdue_list;
  GtkListBox          *today_list;
  GtkListBox          *upcoming_list;
  GtkWidget           *overdue_more_button;
  GtkWidget           *today_more_button;
  GtkWidget           *upcoming_more_button;

  /* Owned */
  FdStore             *store;
  FdFollowupListModel *lists[N_SECTIONS];
  GArray              *staff_ids;     /* gint64, the current branch's staff */
  GStrv                staff_names;
  char                *filter;        /* "mine" or "everyone" */
  guint                counts[N_SECTIONS];
  guint                attention_count;
  guint                refresh_source;  /* redraws the due times, while looked at */
  guint                wake_source;     /* recounts when a count can next change */
  GtkWindow           *window;        /* not owned: the root, while rooted */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILTER,
  PROP_ATTENTION_COUNT,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdFollowupsView, fd_followups_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void set_filter (FdFollowupsView *self,
                        const char      *filter);

static const FdFollowupSection sections[N_SECTIONS] = {
  FD_FOLLOWUPS_OVERDUE,
  FD_FOLLOWUPS_TODAY,
  FD_FOLLOWUPS_UPCOMING,
};

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static GSettings *
get_settings (void)
{
  GApplication *app = g_application_get_default ();

  if (!FD_IS_APPLICATION (app))
    return NULL;

  return fd_application_get_settings (FD_APPLICATION (app));
}

static gboolean
settings_has_key (GSettings  *settings,
                  const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;

  g_object_get (settings, "settings-schema", &schema, NULL);

  return schema != NULL && g_settings_schema_has_key (schema, key);
}

/* Takes @toast. */
static void
show_toast (FdFollowupsView *self,
            AdwToast        *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    {
      g_message ("%s", adw_toast_get_title (toast));
      g_object_unref (g_object_ref_sink (toast));
    }
}

static void
add_toast (FdFollowupsView *self,
           const char      *message)
{
  show_toast (self, adw_toast_new (message));
}

/* Errors from the store are shown, never lost. */
static void
show_error (FdFollowupsView *self,
            const GError    *error)
{
  g_warning ("Follow-up: %s", error->message);
  add_toast (self, error->message);
}

static gint64
assignee_filter (FdFollowupsView *self)
{
  if (g_strcmp0 (self->filter, "mine") == 0)
    return fd_followups_view_get_staff_id (self);

  return 0;
}

/* "Mine" is a staff member's own and those for anyone at the branch. */
static gboolean
showing_mine (FdFollowupsView *self)
{
  return assignee_filter (self) > 0;
}

static GtkListBox *
list_box (FdFollowupsView *self,
          guint            section)
{
  GtkListBox *boxes[N_SECTIONS] = { self->overdue_list, self->today_list, self->upcoming_list };

  return boxes[section];
}

static AdwPreferencesGroup *
group (FdFollowupsView *self,
       guint            section)
{
  AdwPreferencesGroup *groups[N_SECTIONS] = { self->overdue_group, self->today_group, self->upcoming_group };

  return groups[section];
}

static GtkWidget *
more_button (FdFollowupsView *self,
             guint            section)
{
  GtkWidget *buttons[N_SECTIONS] = { self->overdue_more_button, self->today_more_button,
                                     self->upcoming_more_button };

  return buttons[section];
}

static char *
dup_count_text (guint count)
{
  if (count >= SECTION_COUNT_CAP)
    /* Translators: a section of the follow-ups has at least this many */
    return g_strdup_printf (ngettext ("%'u follow-up or more", "%'u follow-ups or more", count), count);

  /* Translators: how many follow-ups a section has */
  return g_strdup_printf (ngettext ("%'u follow-up", "%'u follow-ups", count), count);
}

/* The sections, the empty page and the error line follow the lists. */
static void
update_sections (FdFollowupsView *self)
{
  const char *error = NULL;
  gboolean any = FALSE;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      guint n_items = self->lists[i] != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->lists[i])) : 0;
      g_autofree char *count = dup_count_text (MAX (self->counts[i], n_items));

      gtk_widget_set_visible (GTK_WIDGET (group (self, i)), n_items > 0);
      adw_preferences_group_set_description (group (self, i), count);
      gtk_widget_set_visible (more_button (self, i),
                              self->lists[i] != NULL && fd_followup_list_model_get_has_more (self->lists[i]));
      any |= n_items > 0;
      if (error == NULL && self->lists[i] != NULL)
        error = fd_followup_list_model_get_error (self->lists[i]);
    }

  gtk_label_set_text (self->error_label, error != NULL ? error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  gtk_stack_set_visible_child_name (self->stack, any ? "list" : "empty");
}

static void
update_counts (FdFollowupsView *self)
{
  gint64 assignee = assignee_filter (self);
  guint attention;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      g_autoptr(GError) error = NULL;

      self->counts[i] = 0;
      if (self->store == NULL)
        continue;

      if (showing_mine (self))
        self->counts[i] = fd_store_count_my_followups (self->store, sections[i], assignee, SECTION_COUNT_CAP, &error);
      else
        self->counts[i] = fd_store_count_followups (self->store, sections[i], assignee, SECTION_COUNT_CAP, &error);
      if (error != NULL)
        g_warning ("Could not count follow-ups: %s", error->message);
    }

  attention = MIN (self->counts[SECTION_OVERDUE] + self->counts[SECTION_TODAY], FD_FOLLOWUPS_VIEW_BADGE_CAP);
  if (attention != self->attention_count)
    {
      self->attention_count = attention;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENTION_COUNT]);
    }

  update_sections (self);
}

static void
read_staff (FdFollowupsView *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) roles = NULL;
  gint64 branch;

  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->staff_names, g_strfreev);

  if (self->store == NULL)
    return;

  branch = fd_store_get_current_branch (self->store);
  if (branch > 0 &&
      !fd_store_list_staff (self->store, branch, &self->staff_ids, &self->staff_names, &roles, &error))
    g_warning ("Could not read the staff: %s", error->message);
}

/* The branch's staff are listed; someone from elsewhere is asked for by name. */
static char *
dup_staff_name (FdFollowupsView *self,
                gint64           staff_id)
{
  if (staff_id <= 0)
    return NULL;

  for (guint i = 0; self->staff_ids != NULL && i < self->staff_ids->len; i++)
    if (g_array_index (self->staff_ids, gint64, i) == staff_id)
      return g_strdup (self->staff_names[i]);

  return self->store != NULL ? fd_store_dup_staff_name (self->store, staff_id) : NULL;
}

static GtkWidget *
create_row (FdFollowupsView *self,
            guint            section,
            FdFollowup      *followup)
{
  FdFollowupListModel *model = self->lists[section];
  GtkWidget *row = fd_followup_row_new ();
  g_autofree char *assignee = dup_staff_name (self, fd_followup_get_assignee_id (followup));

  fd_followup_row_set_followup (FD_FOLLOWUP_ROW (row), followup,
                                fd_followup_list_model_get_customer_name (model, fd_followup_get_customer_id (followup)),
                                fd_followup_list_model_get_claim_reference (model, fd_followup_get_claim_id (followup)),
                                assignee,
                                self->staff_ids,
                                (const char * const *) self->staff_names,
                                now_unix ());

  return row;
}

static GtkWidget *
create_overdue_row_cb (gpointer item,
                       gpointer user_data)
{
  return create_row (user_data, SECTION_OVERDUE, item);
}

static GtkWidget *
create_today_row_cb (gpointer item,
                     gpointer user_data)
{
  return create_row (user_data, SECTION_TODAY, item);
}

static GtkWidget *
create_upcoming_row_cb (gpointer item,
                        gpointer user_data)
{
  return create_row (user_data, SECTION_UPCOMING, item);
}

static const GtkListBoxCreateWidgetFunc create_row_funcs[N_SECTIONS] = {
  create_overdue_row_cb,
  create_today_row_cb,
  create_upcoming_row_cb,
};

static void
reload_lists (FdFollowupsView *self)
{
  gint64 assignee = assignee_filter (self);
  gboolean mine = showing_mine (self);

  for (guint i = 0; i < N_SECTIONS; i++)
    if (self->lists[i] != NULL)
      {
        if (fd_followup_list_model_get_assignee_id (self->lists[i]) != assignee ||
            fd_followup_list_model_get_with_unassigned (self->lists[i]) != mine)
          fd_followup_list_model_set_assignee (self->lists[i], assignee, mine);
        else
          fd_followup_list_model_reload (self->lists[i]);
      }
}

static void
update_assignee_box (FdFollowupsView *self)
{
  gtk_widget_set_visible (self->assignee_box, fd_followups_view_get_staff_id (self) > 0);
}

/* Signal callbacks */

static void
on_list_changed_cb (FdFollowupsView *self)
{
  update_sections (self);
}

static void arm_wake (FdFollowupsView *self);

static void
on_store_followups_changed_cb (FdFollowupsView *self)
{
  /* The lists reload themselves on the same signal. */
  update_counts (self);
  arm_wake (self);
}

static void
on_store_branches_changed_cb (FdFollowupsView *self)
{
  read_staff (self);
  update_assignee_box (self);
  reload_lists (self);
  update_counts (self);
}

/* Who works at this desk was chosen in the Preferences: "Mine" follows. */
static void
on_settings_staff_id_changed_cb (FdFollowupsView *self)
{
  gboolean known = fd_followups_view_get_staff_id (self) > 0;

  update_assignee_box (self);
  if (known != (g_strcmp0 (self->filter, "mine") == 0))
    set_filter (self, known ? "mine" : "everyone");
  else
    {
      reload_lists (self);
      update_counts (self);
    }
}

/* The next local midnight after @now: "today" and "upcoming" change then. */
static gint64
next_midnight (gint64 now)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) tomorrow = NULL;

  if (local == NULL)
    return now + MAX_WAKE_SECONDS;

  midnight = g_date_time_new_local (g_date_time_get_year (local), g_date_time_get_month (local),
                                    g_date_time_get_day_of_month (local), 0, 0, 0);
  tomorrow = midnight != NULL ? g_date_time_add_days (midnight, 1) : NULL;

  return tomorrow != NULL ? g_date_time_to_unix (tomorrow) : now + MAX_WAKE_SECONDS;
}

static gboolean
wake_cb (gpointer user_data)
{
  FdFollowupsView *self = user_data;

  self->wake_source = 0;

  /* Hidden, only the badge needs the time: the lists are read again when shown. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload_lists (self);
  update_counts (self);
  arm_wake (self);

  return G_SOURCE_REMOVE;
}

/* One timer, for the next moment a count can change: the next pending announcement or the
 * next local midnight, whichever is first. Nothing runs while the view's window is not
 * mapped: closed, hidden in the background, or not shown yet. */
static void
arm_wake (FdFollowupsView *self)
{
  g_autoptr(GError) error = NULL;
  gint64 now = now_unix ();
  gint64 next, wake;

  g_clear_handle_id (&self->wake_source, g_source_remove);

  if (self->store == NULL || self->window == NULL || !gtk_widget_get_mapped (GTK_WIDGET (self->window)))
    return;

  wake = next_midnight (now);
  next = fd_store_next_followup_time (self->store, now, &error);
  if (error != NULL)
    g_warning ("Could not find the next follow-up time: %s", error->message);
  else if (next > 0 && next < wake)
    wake = next;

  /* A second after: a follow-up is overdue once its time has passed. */
  wake = CLAMP (wake - now + 1, 1, MAX_WAKE_SECONDS);
  self->wake_source = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, (guint) wake, wake_cb, self, NULL);
  g_source_set_name_by_id (self->wake_source, "[fd-followups-view] wake");
}

static gboolean
refresh_cb (gpointer user_data)
{
  FdFollowupsView *self = user_data;

  reload_lists (self);
  update_counts (self);

  return G_SOURCE_CONTINUE;
}

/* "In 5 minutes" is redrawn each minute only while someone can read it: the view is shown
 * in the window that has the focus. */
static void
update_refresh (FdFollowupsView *self)
{
  gboolean looked_at = self->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)) &&
                       gtk_window_is_active (self->window);

  if (!looked_at)
    g_clear_handle_id (&self->refresh_source, g_source_remove);
  else if (self->refresh_source == 0)
    {
      self->refresh_source = g_timeout_add_seconds (REFRESH_SECONDS, refresh_cb, self);
      g_source_set_name_by_id (self->refresh_source, "[fd-followups-view] refresh");
    }
}

static void
on_map_cb (FdFollowupsView *self)
{
  reload_lists (self);
  update_counts (self);
  update_refresh (self);
}

static void
on_unmap_cb (FdFollowupsView *self)
{
  update_refresh (self);
}

/* Shown again: the time has moved on. Closed (unmapped, whether or not the window is
 * freed yet) or hidden: no timer. */
static void
on_window_map_cb (FdFollowupsView *self)
{
  if (self->window != NULL && gtk_widget_get_mapped (GTK_WIDGET (self->window)))
    update_counts (self);
  arm_wake (self);
  update_refresh (self);
}

static void
on_window_active_cb (FdFollowupsView *self)
{
  if (self->window != NULL && gtk_window_is_active (self->window))
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        reload_lists (self);
      update_counts (self);
      arm_wake (self);
    }
  update_refresh (self);
}

static void
set_window (FdFollowupsView *self,
            GtkWindow       *window)
{
  if (self->window == window)
    return;

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_data (self->window, self);
  self->window = window;
  if (window != NULL)
    {
      g_signal_connect_swapped (window, "map", G_CALLBACK (on_window_map_cb), self);
      g_signal_connect_swapped (window, "unmap", G_CALLBACK (on_window_map_cb), self);
      g_signal_connect_swapped (window, "notify::is-active", G_CALLBACK (on_window_active_cb), self);
    }

  arm_wake (self);
  update_refresh (self);
}

/* Actions */

static char *
format_moment (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_time);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup ("");

  /* Translators: a date and time in g_date_time_format() syntax, e.g. "14 March 2027 at 09:00" */
  return g_date_time_format (local, C_("follow-up time", "%-d %B %Y at %H:%M"));
}

static void
done_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FdFollowupsView *self = FD_FOLLOWUPS_VIEW (widget);
  g_autoptr(FdFollowup) done = NULL;
  g_autoptr(FdFollowup) next = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL)
    return;

  done = fd_store_complete_followup (self->store, g_variant_get_int64 (param), &next, &error);
  if (done == NULL)
    {
      show_error (self, error);
      return;
    }

  if (next != NULL)
    {
      g_autofree char *when = format_moment (fd_followup_get_due_at (next));

      /* Translators: %s is when a repeating follow-up comes back, e.g. "14 March 2027 at 09:00" */
      message = g_strdup_printf (_("Done. The next one is due %s."), when);
    }
  else
    message = g_strdup (_("Follow-up done"));

  add_toast (self, message);
}

/* Tomorrow when the branch opens, else at nine. */
static gint64
tomorrow_morning (FdFollowupsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) morning = NULL;
  g_autoptr(FdBranch) branch = NULL;
  gint64 branch_id = self->store != NULL ? fd_store_get_current_branch (self->store) : 0;
  int opens = 9 * 60, closes = -1;

  if (branch_id > 0)
    branch = fd_store_get_branch (self->store, branch_id, NULL);
  if (branch != NULL &&
      (!fd_branch_get_hours (branch, g_date_time_get_day_of_week (tomorrow), &opens, &closes) || opens < 0))
    opens = 9 * 60;

  morning = g_date_time_new_local (g_date_time_get_year (tomorrow), g_date_time_get_month (tomorrow),
                                   g_date_time_get_day_of_month (tomorrow), opens / 60, opens % 60, 0);

  return morning != NULL ? g_date_time_to_unix (morning) : now_unix () + 24 * 3600;
}

static void
snooze_to (FdFollowupsView *self,
           gint64           id,
           gint64           until)
{
  g_autoptr(FdFollowup) snoozed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  if (self->store == NULL)
    return;

  snoozed = fd_store_snooze_followup (self->store, id, until, &error);
  if (snoozed == NULL)
    {
      show_error (self, error);
      return;
    }

  when = format_moment (until);
  /* Translators: %s is when a snoozed follow-up comes back, e.g. "14 March 2027 at 09:00" */
  message = g_strdup_printf (_("Snoozed until %s"), when);
  add_toast (self, message);
}

static void
snooze_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FdFollowupsView *self = FD_FOLLOWUPS_VIEW (widget);
  const char *choice = NULL;
  gint64 id = 0;

  g_variant_get (param, "(x&s)", &id, &choice);

  if (g_strcmp0 (choice, "morning") == 0)
    snooze_to (self, id, tomorrow_morning (self));
  else
    snooze_to (self, id, now_unix () + 3600);
}

static void
snooze_until_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  gint64 id = 0, until = 0;

  g_variant_get (param, "(xx)", &id, &until);
  snooze_to (FD_FOLLOWUPS_VIEW (widget), id, until);
}

static void
reassign_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *param)
{
  FdFollowupsView *self = FD_FOLLOWUPS_VIEW (widget);
  g_autoptr(FdFollowup) reassigned = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  gint64 id = 0, staff_id = 0;

  g_variant_get (param, "(xx)", &id, &staff_id);
  if (self->store == NULL)
    return;

  reassigned = fd_store_reassign_followup (self->store, id, staff_id, &error);
  if (reassigned == NULL)
    {
      show_error (self, error);
      return;
    }

  name = dup_staff_name (self, staff_id);
  if (name != NULL)
    /* Translators: %s is the staff member a follow-up is now for */
    message = g_strdup_printf (_("Reassigned to %s"), name);
  else
    message = g_strdup (_("Reassigned to anyone at the branch"));
  add_toast (self, message);
}

static void
reopen (FdFollowupsView *self,
        gint64           id)
{
  g_autoptr(FdFollowup) reopened = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  reopened = fd_store_reopen_followup (self->store, id, &error);
  if (reopened == NULL)
    show_error (self, error);
}


static void
reopen_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  reopen (FD_FOLLOWUPS_VIEW (widget), g_variant_get_int64 (param));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *param)
{
  FdFollowupsView *self = FD_FOLLOWUPS_VIEW (widget);
  g_autoptr(FdFollowup) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->store == NULL)
    return;

  cancelled = fd_store_cancel_followup (self->store, g_variant_get_int64 (param), &error);
  if (cancelled == NULL)
    {
      show_error (self, error);
      return;
    }

  toast = adw_toast_new (_("Follow-up cancelled"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  /* The button runs an action, not a callback: the toast may outlive this view's state. */
  adw_toast_set_action_name (toast, "followups.reopen");
  adw_toast_set_action_target_value (toast, g_variant_new_int64 (fd_followup_get_id (cancelled)));
  show_toast (self, toast);
}

static void
load_more_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FdFollowupsView *self = FD_FOLLOWUPS_VIEW (widget);
  int section = g_variant_get_int32 (param);

  if (section >= 0 && section < N_SECTIONS && self->lists[section] != NULL)
    fd_followup_list_model_load_more (self->lists[section]);
}

/* GtkWidget */

/* The timers follow the window: none runs once it is closed or hidden. */
static void
fd_followups_view_root (GtkWidget *widget)
{
  FdFollowupsView *self = FD_FOLLOWUPS_VIEW (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (fd_followups_view_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  set_window (self, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
fd_followups_view_unroot (GtkWidget *widget)
{
  set_window (FD_FOLLOWUPS_VIEW (widget), NULL);

  GTK_WIDGET_CLASS (fd_followups_view_parent_class)->unroot (widget);
}

/* GObject */

static void
fd_followups_view_dispose (GObject *object)
{
  FdFollowupsView *self = (FdFollowupsView *)object;

  set_window (self, NULL);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_handle_id (&self->wake_source, g_source_remove);
  for (guint i = 0; i < N_SECTIONS; i++)
    {
      if (self->lists[i] != NULL)
        gtk_list_box_bind_model (list_box (self, i), NULL, NULL, NULL, NULL);
      g_clear_object (&self->lists[i]);
    }

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_FOLLOWUPS_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_followups_view_parent_class)->dispose (object);
}

static void
fd_followups_view_finalize (GObject *object)
{
  FdFollowupsView *self = (FdFollowupsView *)object;

  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->staff_names, g_strfreev);
  g_clear_pointer (&self->filter, g_free);

  G_OBJECT_CLASS (fd_followups_view_parent_class)->finalize (object);
}

static void
set_filter (FdFollowupsView *self,
            const char      *filter)
{
  if (filter == NULL || g_strcmp0 (self->filter, filter) == 0)
    return;

  g_free (self->filter);
  self->filter = g_strdup (filter);
  reload_lists (self);
  update_counts (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

static void
fd_followups_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdFollowupsView *self = FD_FOLLOWUPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILTER:
      g_value_set_string (value, self->filter);
      break;

    case PROP_ATTENTION_COUNT:
      g_value_set_uint (value, self->attention_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_followups_view_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdFollowupsView *self = FD_FOLLOWUPS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_followups_view_set_store (self, g_value_get_object (value));
      break;

    case PROP_FILTER:
      set_filter (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_followups_view_class_init (FdFollowupsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_followups_view_dispose;
  object_class->finalize = fd_followups_view_finalize;
  object_class->get_property = fd_followups_view_get_property;
  object_class->set_property = fd_followups_view_set_property;

  widget_class->root = fd_followups_view_root;
  widget_class->unroot = fd_followups_view_unroot;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /* Whose follow-ups are listed: "mine" (the desk's staff member) or "everyone". */
  properties[PROP_FILTER] =
    g_param_spec_string ("filter", NULL, NULL,
                         "everyone",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_ATTENTION_COUNT] =
    g_param_spec_uint ("attention-count", NULL, NULL,
                       0, FD_FOLLOWUPS_VIEW_BADGE_CAP, 0,
                       (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_FOLLOWUP_ROW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-followups-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, assignee_box);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, stack);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, overdue_group);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, today_group);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, upcoming_group);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, today_list);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, upcoming_list);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, overdue_more_button);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, today_more_button);
  gtk_widget_class_bind_template_child (widget_class, FdFollowupsView, upcoming_more_button);

  gtk_widget_class_install_property_action (widget_class, "followups.filter", "filter");
  gtk_widget_class_install_action (widget_class, "followups.done", "x", done_action);
  gtk_widget_class_install_action (widget_class, "followups.snooze", "(xs)", snooze_action);
  gtk_widget_class_install_action (widget_class, "followups.snooze-until", "(xx)", snooze_until_action);
  gtk_widget_class_install_action (widget_class, "followups.reassign", "(xx)", reassign_action);
  gtk_widget_class_install_action (widget_class, "followups.cancel", "x", cancel_action);
  gtk_widget_class_install_action (widget_class, "followups.reopen", "x", reopen_action);
  gtk_widget_class_install_action (widget_class, "followups.load-more", "i", load_more_action);
}

static void
fd_followups_view_init (FdFollowupsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = g_strdup ("everyone");

  for (guint i = 0; i < N_SECTIONS; i++)
    gtk_actionable_set_action_target_value (GTK_ACTIONABLE (more_button (self, i)), g_variant_new_int32 (i));

  g_signal_connect_swapped (self, "map", G_CALLBACK (on_map_cb), self);
  g_signal_connect_swapped (self, "unmap", G_CALLBACK (on_unmap_cb), self);

  if (settings_has_key (get_settings (), "staff-id"))
    g_signal_connect_object (get_settings (), "changed::staff-id",
                             G_CALLBACK (on_settings_staff_id_changed_cb), self, G_CONNECT_SWAPPED);

  update_assignee_box (self);
  update_sections (self);
}

FdStore *
fd_followups_view_get_store (FdFollowupsView *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUPS_VIEW (self), NULL);

  return self->store;
}

void
fd_followups_view_set_store (FdFollowupsView *self,
                             FdStore         *store)
{
  g_return_if_fail (FD_IS_FOLLOWUPS_VIEW (self));
  g_return_if_fail (!store || FD_IS_STORE (store));

  if (self->store == store)
    return;

  for (guint i = 0; i < N_SECTIONS; i++)
    {
      gtk_list_box_bind_model (list_box (self, i), NULL, NULL, NULL, NULL);
      g_clear_object (&self->lists[i]);
    }
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  read_staff (self);

  /* Someone who works at this desk sees their own first. */
  g_free (self->filter);
  self->filter = g_strdup (fd_followups_view_get_staff_id (self) > 0 ? "mine" : "everyone");
  update_assignee_box (self);

  if (store != NULL)
    {
      g_signal_connect_object (store, "followups-changed", G_CALLBACK (on_store_followups_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "branches-changed", G_CALLBACK (on_store_branches_changed_cb),
                               self, G_CONNECT_SWAPPED);

      for (guint i = 0; i < N_SECTIONS; i++)
        {
          self->lists[i] = fd_followup_list_model_new (store, sections[i]);
          fd_followup_list_model_set_assignee_id (self->lists[i], assignee_filter (self));
          g_signal_connect_object (self->lists[i], "items-changed", G_CALLBACK (on_list_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (self->lists[i], "notify::has-more", G_CALLBACK (on_list_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          g_signal_connect_object (self->lists[i], "notify::error", G_CALLBACK (on_list_changed_cb), self,
                                   G_CONNECT_SWAPPED);
          gtk_list_box_bind_model (list_box (self, i), G_LIST_MODEL (self->lists[i]), create_row_funcs[i],
                                   self, NULL);
        }
    }

  update_counts (self);
  arm_wake (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILTER]);
}

FdFollowupListModel *
fd_followups_view_get_list (FdFollowupsView   *self,
                            FdFollowupSection  section)
{
  g_return_val_if_fail (FD_IS_FOLLOWUPS_VIEW (self), NULL);

  for (guint i = 0; i < N_SECTIONS; i++)
    if (sections[i] == section)
      return self->lists[i];

  return NULL;
}

guint
fd_followups_view_get_attention_count (FdFollowupsView *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUPS_VIEW (self), 0);

  return self->attention_count;
}

/* Who works at this desk: the store's current staff member, else the one this computer
 * remembers (a "staff-id" key, where the schema has one). */
gint64
fd_followups_view_get_staff_id (FdFollowupsView *self)
{
  GSettings *settings = get_settings ();
  gint64 staff_id;

  g_return_val_if_fail (FD_IS_FOLLOWUPS_VIEW (self), 0);

  staff_id = self->store != NULL ? fd_store_get_current_staff (self->store) : 0;
  if (staff_id <= 0 && settings_has_key (settings, "staff-id"))
    staff_id = g_settings_get_int64 (settings, "staff-id");

  return MAX (staff_id, 0);
}

void
fd_followups_view_refresh (FdFollowupsView *self)
{
  g_return_if_fail (FD_IS_FOLLOWUPS_VIEW (self));

  reload_lists (self);
  update_counts (self);
}

void
fd_followups_view_focus (FdFollowupsView *self)
{
  g_return_if_fail (FD_IS_FOLLOWUPS_VIEW (self));

  if (!gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (self));
}
