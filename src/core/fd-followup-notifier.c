/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-followup-notifier"

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <sys/timerfd.h>
#include <unistd.h>

#include "fd-followup-notifier.h"

/* More than this many falling due at one check are announced as one group. */
#define GROUP_ABOVE 3

struct _FdFollowupNotifier
{
  GObject   parent_instance;

  FdStore  *store;
  char     *recipient;
  gint64    staff_id;

  /* A real-time clock timer: it keeps counting through a suspend, and setting the clock
   * cancels it (TFD_TIMER_CANCEL_ON_SET), which wakes us to look again. */
  int       timer_fd;
  guint     timer_source;
  gint64    next_wake;
  gboolean  started;
  gulong    changed_handler;
};

enum {
  ANNOUNCE,
  ANNOUNCE_GROUP,
  N_SIGNALS
};

G_DEFINE_FINAL_TYPE (FdFollowupNotifier, fd_followup_notifier, G_TYPE_OBJECT)

static guint signals[N_SIGNALS];

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/* Arms the timer for @at (0: disarms it). */
static void
arm (FdFollowupNotifier *self,
     gint64              at)
{
  struct itimerspec spec = { 0 };

  self->next_wake = at;
  if (self->timer_fd < 0)
    return;
  /* A far-off time still arms the timer, so a clock change cancels it and we look again. */
  spec.it_value.tv_sec = at > 0 ? at : now_seconds () + 365 * 86400;
  if (timerfd_settime (self->timer_fd, TFD_TIMER_ABSTIME | TFD_TIMER_CANCEL_ON_SET, &spec, NULL) < 0)
    g_warning ("Cannot arm the follow-up timer: %s", g_strerror (errno));
}

static void
schedule (FdFollowupNotifier *self)
{
  g_autoptr(GError) error = NULL;
  gint64 next = fd_store_next_followup_time (self->store, now_seconds (), &error);

  if (error != NULL)
    g_warning ("Cannot find the next follow-up: %s", error->message);
  arm (self, next);
}

static void
announce_due (FdFollowupNotifier *self,
              gboolean            group_any)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) due = fd_store_take_due_followups (self->store, self->recipient, self->staff_id,
                                                          now_seconds (), &error);

  if (due == NULL)
    {
      g_warning ("Cannot read due follow-ups: %s", error->message);
      return;
    }
  if (due->len == 0)
    return;
  if ((group_any && due->len > 1) || due->len > GROUP_ABOVE)
    g_signal_emit (self, signals[ANNOUNCE_GROUP], 0, due->len, due);
  else
    for (guint i = 0; i < due->len; i++)
      g_signal_emit (self, signals[ANNOUNCE], 0, g_ptr_array_index (due, i));
}

static gboolean
on_timer_cb (int          fd,
             GIOCondition condition,
             gpointer     user_data)
{
  FdFollowupNotifier *self = user_data;
  guint64 expirations;

  /* ECANCELED: the clock was set. Either way, look now and sleep until the next one. */
  if (read (fd, &expirations, sizeof expirations) < 0 && errno != ECANCELED && errno != EAGAIN)
    g_warning ("Follow-up timer: %s", g_strerror (errno));
  fd_followup_notifier_check (self);
  return G_SOURCE_CONTINUE;
}

static void
on_store_changed_cb (FdFollowupNotifier *self)
{
  /* Something may have fallen due already (a follow-up added for now, a snooze ended by
   * another process), or the next time may have moved. */
  fd_followup_notifier_check (self);
}

static void
fd_followup_notifier_dispose (GObject *object)
{
  FdFollowupNotifier *self = FD_FOLLOWUP_NOTIFIER (object);

  g_clear_handle_id (&self->timer_source, g_source_remove);
  g_clear_signal_handler (&self->changed_handler, self->store);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (fd_followup_notifier_parent_class)->dispose (object);
}

static void
fd_followup_notifier_finalize (GObject *object)
{
  FdFollowupNotifier *self = FD_FOLLOWUP_NOTIFIER (object);

  if (self->timer_fd >= 0)
    close (self->timer_fd);
  g_free (self->recipient);
  G_OBJECT_CLASS (fd_followup_notifier_parent_class)->finalize (object);
}

static void
fd_followup_notifier_class_init (FdFollowupNotifierClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = fd_followup_notifier_dispose;
  object_class->finalize = fd_followup_notifier_finalize;

  signals[ANNOUNCE] =
    g_signal_new ("announce", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, FD_TYPE_FOLLOWUP);
  signals[ANNOUNCE_GROUP] =
    g_signal_new ("announce-group", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_PTR_ARRAY);
}

static void
fd_followup_notifier_init (FdFollowupNotifier *self)
{
  self->timer_fd = -1;
}

/**
 * fd_followup_notifier_new:
 * @recipient: who is told, e.g. fd_followup_notifier_default_recipient()
 * @staff_id: the staff member working here (0: nobody in particular)
 */
FdFollowupNotifier *
fd_followup_notifier_new (FdStore    *store,
                          const char *recipient,
                          gint64      staff_id)
{
  FdFollowupNotifier *self;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);
  g_return_val_if_fail (recipient != NULL, NULL);

  self = g_object_new (FD_TYPE_FOLLOWUP_NOTIFIER, NULL);
  self->store = g_object_ref (store);
  self->recipient = g_strdup (recipient);
  self->staff_id = staff_id;
  return self;
}

void
fd_followup_notifier_start (FdFollowupNotifier *self)
{
  g_return_if_fail (FD_IS_FOLLOWUP_NOTIFIER (self));

  if (self->started)
    return;
  self->started = TRUE;
  self->timer_fd = timerfd_create (CLOCK_REALTIME, TFD_NONBLOCK | TFD_CLOEXEC);
  if (self->timer_fd < 0)
    g_warning ("Cannot create the follow-up timer: %s", g_strerror (errno));
  else
    self->timer_source = g_unix_fd_add (self->timer_fd, G_IO_IN, on_timer_cb, self);
  self->changed_handler = g_signal_connect_swapped (self->store, "followups-changed",
                                                    G_CALLBACK (on_store_changed_cb), self);

  /* What fell due while Frontdesk was not running: one message, not a burst. */
  announce_due (self, TRUE);
  schedule (self);
}

void
fd_followup_notifier_check (FdFollowupNotifier *self)
{
  g_return_if_fail (FD_IS_FOLLOWUP_NOTIFIER (self));

  if (!self->started)
    return;
  announce_due (self, FALSE);
  schedule (self);
}

gint64
fd_followup_notifier_get_next_wake (FdFollowupNotifier *self)
{
  g_return_val_if_fail (FD_IS_FOLLOWUP_NOTIFIER (self), 0);
  return self->next_wake;
}

char *
fd_followup_notifier_default_recipient (void)
{
  return g_strdup_printf ("%s@%s", g_get_user_name (), g_get_host_name ());
}
