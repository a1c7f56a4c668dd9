/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-notifications"

#include "config.h"

#include <glib/gi18n.h>
#include <libnotify/notify.h>

#include "fd-claim.h"
#include "fd-customer.h"
#include "fd-followup-notifier.h"
#include "fd-notifications.h"

/* libnotify 0.8 declares no cleanup function of its own. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NotifyNotification, g_object_unref)

#define CATEGORY       "x-frontdesk.followup"
#define SNOOZE_SECONDS 3600
/* A group lists this many follow-ups by name, then "and N more". */
#define GROUP_LISTED   3
/* Announced this long after it fell due, a follow-up counts as overdue. */
#define OVERDUE_AFTER  60

struct _FdNotifications
{
  GObject             parent_instance;

  /* Owned */
  FdStore            *store;
  FdFollowupNotifier *notifier;
  GHashTable         *shown;           /* NotifyNotification set: kept alive for their actions */

  gboolean            failure_logged;
  int                 body_markup;     /* -1: not asked yet */
};

enum {
  OPEN,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdNotifications, fd_notifications, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

typedef struct
{
  FdNotifications    *self;
  NotifyNotification *notification;
} Forget;

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gint64
notification_followup_id (NotifyNotification *notification)
{
  gint64 *id = g_object_get_data (G_OBJECT (notification), "fd-followup-id");

  return id != NULL ? *id : 0;
}

static gboolean
forget_cb (gpointer user_data)
{
  Forget *forget = user_data;

  if (forget->self->shown != NULL)
    g_hash_table_remove (forget->self->shown, forget->notification);
  g_object_unref (forget->notification);
  g_object_unref (forget->self);
  g_free (forget);

  return G_SOURCE_REMOVE;
}

/* libnotify still uses the notification after its "closed" signal and action callbacks
 * return: drop it from an idle, not from inside them. */
static void
forget_later (FdNotifications    *self,
              NotifyNotification *notification)
{
  Forget *forget = g_new0 (Forget, 1);

  forget->self = g_object_ref (self);
  forget->notification = g_object_ref (notification);
  g_idle_add (forget_cb, forget);
}

/* Servers that understand markup in the body need & and < escaped; others show the text
 * as is. Asked once the server answers: it does not change while we run, or rarely.
 * Asked here rather than with notify_get_server_caps(), which warns on every call while
 * there is no server: that case is logged once, by show(). */
static gboolean
server_has_body_markup (FdNotifications *self)
{
  g_autoptr(GDBusConnection) bus = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree const char **caps = NULL;

  if (self->body_markup >= 0)
    return self->body_markup;

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (bus != NULL)
    reply = g_dbus_connection_call_sync (bus, "org.freedesktop.Notifications", "/org/freedesktop/Notifications",
                                         "org.freedesktop.Notifications", "GetCapabilities", NULL,
                                         G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply == NULL)
    return FALSE;

  g_variant_get (reply, "(^a&s)", &caps);
  self->body_markup = g_strv_contains (caps, "body-markup");
  return self->body_markup;
}

static char *
dup_customer_name (FdNotifications *self,
                   gint64           customer_id)
{
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  if (customer_id <= 0)
    return NULL;
  customer = fd_store_get_customer (self->store, customer_id, &error);
  if (customer == NULL)
    {
      g_debug ("No customer %" G_GINT64_FORMAT " for a follow-up: %s", customer_id, error->message);
      return NULL;
    }

  return fd_customer_dup_display_name (customer);
}

static char *
dup_claim_reference (FdNotifications *self,
                     gint64           claim_id)
{
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  if (claim_id <= 0)
    return NULL;
  claim = fd_store_get_claim (self->store, claim_id, &error);
  if (claim == NULL)
    {
      g_debug ("No claim %" G_GINT64_FORMAT " for a follow-up: %s", claim_id, error->message);
      return NULL;
    }

  return g_strdup (fd_claim_get_reference (claim));
}

/* One line that says what to do, e.g. "Call back Jānis Bērziņš". */
static char *
dup_summary (FdFollowup *followup,
             const char *name,
             const char *reference)
{
  const char *source = fd_followup_get_source (followup);

  if (name == NULL)
    /* Translators: stands for a customer whose record cannot be read */
    name = _("a customer");

  switch (fd_followup_get_kind (followup))
    {
    case FD_FOLLOWUP_CALL_BACK:
      /* Translators: notification title; %s is the customer's name */
      return g_strdup_printf (_("Call back %s"), name);

    case FD_FOLLOWUP_RENEWAL_DUE:
      /* Translators: notification title; %s is the customer's name */
      return g_strdup_printf (_("Renewal due for %s"), name);

    case FD_FOLLOWUP_CLAIM_DUE:
      if (reference == NULL)
        /* Translators: notification title; %s is the customer's name */
        return g_strdup_printf (_("A claim by %s is due"), name);
      if (g_strcmp0 (source, "claim_ack") == 0)
        /* Translators: notification title; %s is a claim reference, e.g. RK-2024-000123-X */
        return g_strdup_printf (_("Acknowledge claim %s"), reference);
      if (g_strcmp0 (source, "claim_resolve") == 0)
        /* Translators: notification title; %s is a claim reference, e.g. RK-2024-000123-X */
        return g_strdup_printf (_("Resolve claim %s"), reference);
      /* Translators: notification title; %s is a claim reference, e.g. RK-2024-000123-X */
      return g_strdup_printf (_("Claim %s is due"), reference);

    case FD_FOLLOWUP_SATISFACTION_SURVEY:
      /* Translators: notification title: a satisfaction call; %s is the customer's name */
      return g_strdup_printf (_("Ask %s how it went"), name);

    case FD_FOLLOWUP_OTHER:
    default:
      /* Translators: notification title; %s is the customer's name */
      return g_strdup_printf (_("Follow up with %s"), name);
    }
}

static char *
dup_due_text (gint64 due_at)
{
  g_autoptr(GDateTime) due = g_date_time_new_from_unix_local (due_at);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *text = NULL;

  if (due == NULL || now == NULL)
    return NULL;

  if (g_date_time_get_year (due) == g_date_time_get_year (now) &&
      g_date_time_get_day_of_year (due) == g_date_time_get_day_of_year (now))
    {
      /* Translators: time format of a follow-up due today, see g_date_time_format() */
      text = g_date_time_format (due, _("%H:%M"));
      /* Translators: in a notification; %s is a time of today, e.g. 14:30 */
      return g_strdup_printf (_("Due at %s"), text);
    }

  /* Translators: date and time format of a follow-up due on another day, see g_date_time_format() */
  text = g_date_time_format (due, _("%-d %B %Y, %H:%M"));
  /* Translators: in a notification; %s is a date and time, e.g. 3 March 2025, 14:30 */
  return g_strdup_printf (_("Due on %s"), text);
}

static char *
dup_body (FdFollowup *followup,
          const char *name,
          const char *reference)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  const char *note = fd_followup_get_note (followup);
  char *due = dup_due_text (fd_followup_get_due_at (followup));

  if (due != NULL)
    g_ptr_array_add (lines, due);

  /* A claim's title names the claim; the customer then goes in the body, and the other
   * way round. */
  if (fd_followup_get_kind (followup) == FD_FOLLOWUP_CLAIM_DUE && reference != NULL)
    {
      if (name != NULL)
        /* Translators: in a notification about a claim; %s is the customer's name */
        g_ptr_array_add (lines, g_strdup_printf (_("Customer: %s"), name));
    }
  else if (reference != NULL)
    /* Translators: in a notification; %s is a claim reference, e.g. RK-2024-000123-X */
    g_ptr_array_add (lines, g_strdup_printf (_("Claim %s"), reference));

  if (note != NULL && *note != '\0')
    g_ptr_array_add (lines, g_strdup (note));

  g_ptr_array_add (lines, NULL);
  return g_strjoinv ("\n", (char **) lines->pdata);
}

static gboolean
show (FdNotifications    *self,
      NotifyNotification *notification)
{
  g_autoptr(GError) error = NULL;

  /* This is a synchronous D-Bus call; announcements are rare, at due times only. */
  if (!notify_notification_show (notification, &error))
    {
      /* Not an error for the app: the follow-ups are in the view all the same. */
      if (!self->failure_logged)
        g_message ("Cannot show follow-up notifications: %s", error->message);
      else
        g_debug ("Cannot show a follow-up notification: %s", error->message);
      self->failure_logged = TRUE;
      return FALSE;
    }

  self->failure_logged = FALSE;
  g_hash_table_add (self->shown, g_object_ref (notification));
  return TRUE;
}

static void
open_action_cb (NotifyNotification *notification,
                char               *action,
                gpointer            user_data)
{
  FdNotifications *self = user_data;

  /* The token lets the window take the focus; it is valid during this callback only. */
  g_signal_emit (self, signals[OPEN], 0, notification_followup_id (notification),
                 notify_notification_get_activation_token (notification));
  forget_later (self, notification);
}

static void
done_action_cb (NotifyNotification *notification,
                char               *action,
                gpointer            user_data)
{
  FdNotifications *self = user_data;
  g_autoptr(FdFollowup) done = NULL;
  g_autoptr(GError) error = NULL;

  done = fd_store_complete_followup (self->store, notification_followup_id (notification), NULL, &error);
  if (done == NULL)
    g_message ("Cannot mark a follow-up done from its notification: %s", error->message);
  forget_later (self, notification);
}

static void
snooze_action_cb (NotifyNotification *notification,
                  char               *action,
                  gpointer            user_data)
{
  FdNotifications *self = user_data;
  g_autoptr(FdFollowup) snoozed = NULL;
  g_autoptr(GError) error = NULL;

  snoozed = fd_store_snooze_followup (self->store, notification_followup_id (notification),
                                      now_seconds () + SNOOZE_SECONDS, &error);
  if (snoozed == NULL)
    g_message ("Cannot snooze a follow-up from its notification: %s", error->message);
  forget_later (self, notification);
}

static void
on_notification_closed_cb (NotifyNotification *notification,
                           FdNotifications    *self)
{
  forget_later (self, notification);
}

static NotifyNotification *
new_notification (FdNotifications *self,
                  const char      *summary,
                  const char      *body,
                  gint64           followup_id)
{
  g_autofree char *escaped = server_has_body_markup (self) ? g_markup_escape_text (body, -1) : NULL;
  NotifyNotification *notification = notify_notification_new (summary, escaped ? escaped : body, APP_ID);

  notify_notification_set_category (notification, CATEGORY);
  notify_notification_set_hint_string (notification, "desktop-entry", APP_ID);
  g_object_set_data_full (G_OBJECT (notification), "fd-followup-id",
                          g_memdup2 (&followup_id, sizeof followup_id), g_free);
  g_signal_connect_object (notification, "closed", G_CALLBACK (on_notification_closed_cb), self, 0);

  /* "default" is a click on the notification itself. */
  notify_notification_add_action (notification, "default", C_("notification action", "Open"),
                                  open_action_cb, self, NULL);
  /* Translators: a button in a follow-up notification: shows it in Frontdesk */
  notify_notification_add_action (notification, "open", C_("notification action", "Open"),
                                  open_action_cb, self, NULL);

  return notification;
}

static void
on_notifier_announce_cb (FdNotifications *self,
                         FdFollowup      *followup)
{
  g_autofree char *name = dup_customer_name (self, fd_followup_get_customer_id (followup));
  g_autofree char *reference = dup_claim_reference (self, fd_followup_get_claim_id (followup));
  g_autofree char *summary = dup_summary (followup, name, reference);
  g_autofree char *body = dup_body (followup, name, reference);
  g_autoptr(NotifyNotification) notification = NULL;
  gboolean overdue = fd_followup_get_due_at (followup) + OVERDUE_AFTER < now_seconds ();

  notification = new_notification (self, summary, body, fd_followup_get_id (followup));
  notify_notification_set_urgency (notification,
                                   fd_followup_get_kind (followup) == FD_FOLLOWUP_CLAIM_DUE && overdue
                                   ? NOTIFY_URGENCY_CRITICAL : NOTIFY_URGENCY_NORMAL);
  /* Translators: a button in a follow-up notification: it comes back in an hour */
  notify_notification_add_action (notification, "snooze", C_("notification action", "Snooze 1 Hour"),
                                  snooze_action_cb, self, NULL);
  /* Translators: a button in a follow-up notification: marks it done */
  notify_notification_add_action (notification, "done", C_("notification action", "Done"),
                                  done_action_cb, self, NULL);
  show (self, notification);
}

static void
on_notifier_announce_group_cb (FdNotifications *self,
                               guint            count,
                               GPtrArray       *followups)
{
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(NotifyNotification) notification = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  gboolean overdue = FALSE;

  for (guint i = 0; i < followups->len; i++)
    {
      FdFollowup *followup = g_ptr_array_index (followups, i);
      g_autofree char *name = NULL;
      g_autofree char *reference = NULL;

      if (fd_followup_get_notify_at (followup) + OVERDUE_AFTER < now_seconds ())
        overdue = TRUE;
      if (i >= GROUP_LISTED)
        continue;

      name = dup_customer_name (self, fd_followup_get_customer_id (followup));
      reference = dup_claim_reference (self, fd_followup_get_claim_id (followup));
      g_ptr_array_add (lines, dup_summary (followup, name, reference));
    }

  if (count > GROUP_LISTED)
    g_ptr_array_add (lines, g_strdup_printf (ngettext (/* Translators: the last line of a list of follow-ups in a notification */
                                                       "and %u more", "and %u more",
                                                       count - GROUP_LISTED),
                                             count - GROUP_LISTED));
  g_ptr_array_add (lines, NULL);
  body = g_strjoinv ("\n", (char **) lines->pdata);

  /* Overdue: they fell due while Frontdesk was not running. Due: several at the same time. */
  if (overdue)
    summary = g_strdup_printf (ngettext (/* Translators: notification title; %u is how many */
                                         "%u follow-up overdue", "%u follow-ups overdue", count),
                               count);
  else
    summary = g_strdup_printf (ngettext (/* Translators: notification title; %u is how many */
                                         "%u follow-up due", "%u follow-ups due", count),
                               count);

  notification = new_notification (self, summary, body, 0);
  notify_notification_set_urgency (notification, NOTIFY_URGENCY_NORMAL);
  show (self, notification);
}

static void
fd_notifications_dispose (GObject *object)
{
  FdNotifications *self = FD_NOTIFICATIONS (object);

  g_clear_object (&self->notifier);
  g_clear_pointer (&self->shown, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_notifications_parent_class)->dispose (object);
}

static void
fd_notifications_class_init (FdNotificationsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_notifications_dispose;

  signals[OPEN] =
    g_signal_new ("open", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_STRING);
}

static void
fd_notifications_init (FdNotifications *self)
{
  self->shown = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  self->body_markup = -1;
}

/**
 * fd_notifications_new:
 * @recipient: who is told, usually fd_followup_notifier_default_recipient()
 * @staff_id: the staff member working here (0: follow-ups for anyone only)
 */
FdNotifications *
fd_notifications_new (FdStore    *store,
                      const char *recipient,
                      gint64      staff_id)
{
  FdNotifications *self;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (recipient != NULL, NULL);

  /* Only names the app to the server: no D-Bus traffic yet. */
  if (!notify_is_initted ())
    notify_init ("Frontdesk");

  self = g_object_new (FD_TYPE_NOTIFICATIONS, NULL);
  self->store = g_object_ref (store);
  self->notifier = fd_followup_notifier_new (store, recipient, staff_id);
  g_signal_connect_object (self->notifier, "announce",
                           G_CALLBACK (on_notifier_announce_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->notifier, "announce-group",
                           G_CALLBACK (on_notifier_announce_group_cb), self, G_CONNECT_SWAPPED);

  return self;
}

void
fd_notifications_start (FdNotifications *self)
{
  g_return_if_fail (FD_IS_NOTIFICATIONS (self));

  fd_followup_notifier_start (self->notifier);
}

void
fd_notifications_check (FdNotifications *self)
{
  g_return_if_fail (FD_IS_NOTIFICATIONS (self));

  fd_followup_notifier_check (self->notifier);
}

guint
fd_notifications_get_n_shown (FdNotifications *self)
{
  g_return_val_if_fail (FD_IS_NOTIFICATIONS (self), 0);

  return g_hash_table_size (self->shown);
}
