/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Follow-up notifications over D-Bus: python3-dbusmock's notification_daemon template owns
 * org.freedesktop.Notifications on this test's private session bus (meson wraps each run in
 * dbus-run-session) and records every call; the test reads them back with the mock's
 * GetCalls and invokes actions with its EmitSignal, as a notification server would.
 *
 * One binary, several runs (each its own process and bus):
 *   (none)              FdNotifications in this process: announcement, exactly once, restart,
 *                       Done, Snooze, Open, the group at start, a claim's overdue deadline
 *   --lang LANGUAGE     the same in a language (FRONTDESK_LOCALEDIR: a test catalogue)
 *   --no-server         nobody owns org.freedesktop.Notifications: logged once, no harm
 *   --background PATH   `PATH --background` as a process: announces, stays, a second
 *                       `PATH` opens its window in the same process, Done works
 *   --autostart         the run-in-background setting writes and removes the autostart entry
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libnotify/notify.h>
#include <signal.h>
#include <string.h>

#include "fd-application.h"
#include "fd-followup-notifier.h"
#include "fd-notifications.h"
#include "fd-store-private.h"

#define MOCK_NAME  "org.freedesktop.Notifications"
#define MOCK_PATH  "/org/freedesktop/Notifications"
#define MOCK_IFACE "org.freedesktop.DBus.Mock"

static GDBusConnection *bus;
static GSubprocess     *mock;
static const char      *language;       /* --lang */
static const char      *frontdesk_path; /* --background */

typedef struct
{
  char     *dir;
  char     *db_path;
  FdStore  *store;
  gint64    customer_id;
  guint     first_call;    /* Notify calls before this test */
} Fixture;

/* The bus and the mock */

static gboolean
name_has_owner (const char *name)
{
  g_autoptr(GVariant) reply = NULL;
  gboolean owned = FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner", g_variant_new ("(s)", name),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &owned);
  return owned;
}

static void
start_mock (void)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  const char *python = g_getenv ("FRONTDESK_TEST_PYTHON");
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  /* Its output would break TAP. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  mock = g_subprocess_launcher_spawn (launcher, &error, python ? python : "/usr/bin/python3",
                                      "-m", "dbusmock", "--template", "notification_daemon",
                                      "-p", "{\"capabilities\": \"body actions\"}", NULL);
  g_assert_no_error (error);

  while (!name_has_owner (MOCK_NAME))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50 * 1000);
    }
}

static void
stop_mock (void)
{
  if (mock == NULL)
    return;
  g_subprocess_force_exit (mock);
  g_subprocess_wait (mock, NULL, NULL);
  g_clear_object (&mock);
}

/* The arguments (av) of every Notify call so far, oldest first. The mock numbers
 * notifications from 1 in call order, so the call at index i made notification i + 1. */
static GPtrArray *
get_notify_calls (void)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *calls = g_ptr_array_new_with_free_func ((GDestroyNotify) g_variant_unref);
  const char *method;
  GVariant *args;
  guint64 stamp;

  reply = g_dbus_connection_call_sync (bus, MOCK_NAME, MOCK_PATH, MOCK_IFACE, "GetCalls", NULL,
                                       G_VARIANT_TYPE ("(a(tsav))"), G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
  g_variant_get (reply, "(a(tsav))", &iter);
  while (g_variant_iter_next (iter, "(t&s@av)", &stamp, &method, &args))
    {
      if (g_str_equal (method, "Notify"))
        g_ptr_array_add (calls, args);
      else
        g_variant_unref (args);
    }

  return calls;
}

static guint
count_notify_calls (void)
{
  g_autoptr(GPtrArray) calls = get_notify_calls ();

  return calls->len;
}

static GVariant *
call_arg (GVariant *args,
          gsize     index)
{
  g_autoptr(GVariant) boxed = g_variant_get_child_value (args, index);

  return g_variant_get_variant (boxed);
}

static char *
call_string (GVariant *args,
             gsize     index)
{
  g_autoptr(GVariant) value = call_arg (args, index);

  return g_variant_dup_string (value, NULL);
}

/* Notify (app_name, replaces_id, app_icon, summary, body, actions, hints, expire_timeout) */
static gboolean
call_has_action (GVariant   *args,
                 const char *action,
                 const char *label)
{
  g_autoptr(GVariant) actions = call_arg (args, 5);
  g_autofree const char **strv = g_variant_get_strv (actions, NULL);

  for (guint i = 0; strv[i] != NULL && strv[i + 1] != NULL; i += 2)
    if (g_str_equal (strv[i], action))
      return label == NULL || g_str_equal (strv[i + 1], label);
  return FALSE;
}

static guchar
call_urgency (GVariant *args)
{
  g_autoptr(GVariant) hints = call_arg (args, 6);
  guchar urgency = 255;

  g_assert_true (g_variant_lookup (hints, "urgency", "y", &urgency));
  return urgency;
}

static void
emit_action (guint32     id,
             const char *action)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GError) error = NULL;
  GVariantBuilder args;

  g_variant_builder_init (&args, G_VARIANT_TYPE ("av"));
  g_variant_builder_add (&args, "v", g_variant_new_uint32 (id));
  g_variant_builder_add (&args, "v", g_variant_new_string (action));
  reply = g_dbus_connection_call_sync (bus, MOCK_NAME, MOCK_PATH, MOCK_IFACE, "EmitSignal",
                                       g_variant_new ("(sssav)", "org.freedesktop.Notifications",
                                                      "ActionInvoked", "us", &args),
                                       NULL, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);
}

/* Runs the main loop (the notifier's timer, D-Bus signals) until @done or @timeout_ms. */
typedef gboolean (*Condition) (gpointer data);

static gboolean
spin_until (Condition condition,
            gpointer  data,
            guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + timeout_ms * 1000;

  while (g_get_monotonic_time () < deadline)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (condition != NULL && condition (data))
        return TRUE;
      g_usleep (20 * 1000);
    }

  while (g_main_context_iteration (NULL, FALSE))
    ;
  return condition != NULL && condition (data);
}

static gboolean
has_notify_calls (gpointer data)
{
  return count_notify_calls () >= GPOINTER_TO_UINT (data);
}

/* The store */

static gint64
now_s (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FdCustomer) draft = fd_customer_new ();
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("frontdesk-notify-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->db_path = g_build_filename (fixture->dir, "frontdesk.db", NULL);
  fixture->store = fd_store_open (fixture->db_path, &error);
  g_assert_no_error (error);

  fd_customer_set_given_name (draft, "Jānis");
  fd_customer_set_family_name (draft, "Bērziņš");
  customer = fd_store_add_customer (fixture->store, draft, &error);
  g_assert_no_error (error);
  fixture->customer_id = fd_customer_get_id (customer);

  fixture->first_call = mock != NULL ? count_notify_calls () : 0;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  g_assert_finalize_object (fixture->store);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static FdFollowup *
add_followup (Fixture        *fixture,
              FdFollowupKind  kind,
              gint64          due,
              const char     *note)
{
  FdFollowupDraft draft = { kind, fixture->customer_id, 0, 0, due, NULL, 0, note };
  g_autoptr(GError) error = NULL;
  FdFollowup *followup = fd_store_add_followup (fixture->store, &draft, &error);

  g_assert_no_error (error);
  return followup;
}

/* Time passes while Frontdesk is not running: the API refuses due times in the past. */
static void
age (Fixture *fixture,
     gint64   id,
     gint64   due)
{
  g_autofree char *sql = g_strdup_printf ("UPDATE followups SET due_at = %" G_GINT64_FORMAT
                                          ", notify_at = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                                          due, due, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (fd_database_exec (_fd_store_get_database (fixture->store), sql, &error));
  g_assert_no_error (error);
}

static FdFollowupState
followup_state (Fixture *fixture,
                gint64   id)
{
  g_autoptr(FdFollowup) followup = fd_store_get_followup (fixture->store, id, NULL);

  g_assert_nonnull (followup);
  return fd_followup_get_state (followup);
}

static FdNotifications *
start_notifications (Fixture *fixture)
{
  g_autofree char *recipient = fd_followup_notifier_default_recipient ();
  FdNotifications *notifications = fd_notifications_new (fixture->store, recipient, 0);

  fd_notifications_start (notifications);
  return notifications;
}

/* Expected texts, in English or in the test catalogue's Dutch */

static gboolean
dutch (void)
{
  return g_strcmp0 (language, "nl") == 0;
}

static const char *
expected_call_back (void)
{
  return dutch () ? "Jānis Bērziņš terugbellen" : "Call back Jānis Bērziņš";
}

static const char *
expected_due_prefix (void)
{
  return dutch () ? "Te doen om " : "Due at ";
}

/* Tests */

static void
test_announce_once (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FdFollowup) followup = add_followup (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 1,
                                                 "About the meter & the bill");
  g_autoptr(FdNotifications) notifications = start_notifications (fixture);
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *app_icon = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  g_autoptr(GVariant) hints = NULL;
  const char *category = NULL;
  GVariant *args;

  /* Not due yet: nothing is said. */
  g_assert_cmpuint (count_notify_calls (), ==, fixture->first_call);

  g_assert_true (spin_until (has_notify_calls, GUINT_TO_POINTER (fixture->first_call + 1), 5000));
  calls = get_notify_calls ();
  args = g_ptr_array_index (calls, fixture->first_call);

  app_icon = call_string (args, 2);
  summary = call_string (args, 3);
  body = call_string (args, 4);
  g_assert_cmpstr (app_icon, ==, APP_ID);
  g_assert_cmpstr (summary, ==, expected_call_back ());
  g_assert_true (g_str_has_prefix (body, expected_due_prefix ()));
  /* The mock has no body-markup: the note is as typed. */
  g_assert_nonnull (strstr (body, "\nAbout the meter & the bill"));
  g_assert_cmpint (call_urgency (args), ==, NOTIFY_URGENCY_NORMAL);
  hints = call_arg (args, 6);
  g_assert_true (g_variant_lookup (hints, "category", "&s", &category));
  g_assert_cmpstr (category, ==, "x-frontdesk.followup");
  g_assert_true (call_has_action (args, "open", dutch () ? "Openen" : "Open"));
  g_assert_true (call_has_action (args, "snooze", dutch () ? "1 uur uitstellen" : "Snooze 1 Hour"));
  g_assert_true (call_has_action (args, "done", dutch () ? "Klaar" : "Done"));
  g_assert_cmpuint (fd_notifications_get_n_shown (notifications), ==, 1);

  /* Exactly once: not again on another look, nor after a restart. */
  fd_notifications_check (notifications);
  spin_until (NULL, NULL, 1500);
  g_assert_cmpuint (count_notify_calls (), ==, fixture->first_call + 1);

  g_clear_object (&notifications);
  notifications = start_notifications (fixture);
  spin_until (NULL, NULL, 500);
  g_assert_cmpuint (count_notify_calls (), ==, fixture->first_call + 1);
  g_assert_cmpint (followup_state (fixture, fd_followup_get_id (followup)), ==, FD_FOLLOWUP_OPEN);
}

typedef struct
{
  Fixture         *fixture;
  gint64           id;
  FdFollowupState  state;
} StateWait;

static gboolean
has_state (gpointer data)
{
  StateWait *wait = data;

  return followup_state (wait->fixture, wait->id) == wait->state;
}

static void
run_action (Fixture         *fixture,
            const char      *action,
            FdFollowupState  expected)
{
  g_autoptr(FdFollowup) followup = add_followup (fixture, FD_FOLLOWUP_RENEWAL_DUE, now_s () + 1, NULL);
  g_autoptr(FdNotifications) notifications = start_notifications (fixture);
  StateWait wait = { fixture, fd_followup_get_id (followup), expected };

  g_assert_true (spin_until (has_notify_calls, GUINT_TO_POINTER (fixture->first_call + 1), 5000));
  emit_action (fixture->first_call + 1, action);
  g_assert_true (spin_until (has_state, &wait, 5000));

  /* The notification has done its work and is let go. */
  spin_until (NULL, NULL, 100);
  g_assert_cmpuint (fd_notifications_get_n_shown (notifications), ==, 0);

  if (expected == FD_FOLLOWUP_SNOOZED)
    {
      g_autoptr(FdFollowup) snoozed = fd_store_get_followup (fixture->store, wait.id, NULL);

      g_assert_cmpint (fd_followup_get_notify_at (snoozed), >=, now_s () + 3600 - 10);
      g_assert_cmpint (fd_followup_get_notify_at (snoozed), <=, now_s () + 3600);
    }
}

static void
test_action_done (Fixture       *fixture,
                  gconstpointer  data)
{
  run_action (fixture, "done", FD_FOLLOWUP_DONE);
}

static void
test_action_snooze (Fixture       *fixture,
                    gconstpointer  data)
{
  run_action (fixture, "snooze", FD_FOLLOWUP_SNOOZED);
}

static void
on_open_cb (FdNotifications *notifications,
            gint64           followup_id,
            const char      *token,
            gint64          *opened)
{
  *opened = followup_id;
}

static gboolean
is_nonzero (gpointer data)
{
  return *(gint64 *) data != 0;
}

static void
test_action_open (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(FdFollowup) followup = add_followup (fixture, FD_FOLLOWUP_OTHER, now_s () + 1, NULL);
  g_autoptr(FdNotifications) notifications = start_notifications (fixture);
  gint64 opened = 0;

  g_signal_connect (notifications, "open", G_CALLBACK (on_open_cb), &opened);
  g_assert_true (spin_until (has_notify_calls, GUINT_TO_POINTER (fixture->first_call + 1), 5000));
  emit_action (fixture->first_call + 1, "open");
  g_assert_true (spin_until (is_nonzero, &opened, 5000));
  g_assert_cmpint (opened, ==, fd_followup_get_id (followup));
  /* Opening it does not settle it. */
  g_assert_cmpint (followup_state (fixture, opened), ==, FD_FOLLOWUP_OPEN);
}

static void
test_group_at_start (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(FdNotifications) notifications = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *body = NULL;
  GVariant *args;

  /* Five fell due yesterday while Frontdesk was not running. */
  for (guint i = 0; i < 5; i++)
    {
      g_autoptr(FdFollowup) followup = add_followup (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 3600, NULL);

      age (fixture, fd_followup_get_id (followup), now_s () - 86400 + i * 60);
    }

  notifications = start_notifications (fixture);
  spin_until (NULL, NULL, 500);
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, fixture->first_call + 1);
  args = g_ptr_array_index (calls, fixture->first_call);
  summary = call_string (args, 3);
  body = call_string (args, 4);
  g_assert_cmpstr (summary, ==, dutch () ? "5 opvolgingen achterstallig" : "5 follow-ups overdue");
  g_assert_true (g_str_has_prefix (body, expected_call_back ()));
  g_assert_true (g_str_has_suffix (body, dutch () ? "en nog 2" : "and 2 more"));
  g_assert_true (call_has_action (args, "open", NULL));
  g_assert_false (call_has_action (args, "done", NULL));

  /* Restarted: said once. */
  g_clear_object (&notifications);
  notifications = start_notifications (fixture);
  spin_until (NULL, NULL, 300);
  g_assert_cmpuint (count_notify_calls (), ==, fixture->first_call + 1);
}

/* A claim's deadline that passed while Frontdesk was off is critical, and names the claim. */
static void
test_claim_overdue (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(FdNotifications) notifications = NULL;
  g_autoptr(FdFollowup) followup = add_followup (fixture, FD_FOLLOWUP_CLAIM_DUE, now_s () + 3600, NULL);
  g_autoptr(GPtrArray) calls = NULL;
  g_autofree char *summary = NULL;
  GVariant *args;

  age (fixture, fd_followup_get_id (followup), now_s () - 7200);
  notifications = start_notifications (fixture);
  spin_until (NULL, NULL, 300);
  calls = get_notify_calls ();
  g_assert_cmpuint (calls->len, ==, fixture->first_call + 1);
  args = g_ptr_array_index (calls, fixture->first_call);
  summary = call_string (args, 3);
  /* No claim: named by the customer. */
  g_assert_nonnull (strstr (summary, "Jānis Bērziņš"));
  g_assert_cmpint (call_urgency (args), ==, NOTIFY_URGENCY_CRITICAL);
  g_assert_true (call_has_action (args, "done", NULL));
}

/* No notification server */

static guint n_messages;

static void
count_messages_cb (const char     *domain,
                   GLogLevelFlags  level,
                   const char     *message,
                   gpointer        data)
{
  if (level & G_LOG_LEVEL_MESSAGE)
    n_messages++;
}

static void
test_no_server (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FdFollowup) first = add_followup (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 1, NULL);
  g_autoptr(FdFollowup) second = add_followup (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 2, NULL);
  g_autoptr(FdNotifications) notifications = NULL;
  guint handler;

  g_assert_false (name_has_owner (MOCK_NAME));
  handler = g_log_set_handler ("fd-notifications", G_LOG_LEVEL_MESSAGE, count_messages_cb, NULL);
  notifications = start_notifications (fixture);
  spin_until (NULL, NULL, 3500);
  g_log_remove_handler ("fd-notifications", handler);

  /* Both fell due and failed to show: one message, and the follow-ups are still to do. */
  g_assert_cmpuint (n_messages, ==, 1);
  g_assert_cmpuint (fd_notifications_get_n_shown (notifications), ==, 0);
  g_assert_cmpint (followup_state (fixture, fd_followup_get_id (first)), ==, FD_FOLLOWUP_OPEN);
  g_assert_cmpint (followup_state (fixture, fd_followup_get_id (second)), ==, FD_FOLLOWUP_OPEN);
  g_assert_cmpuint (fd_store_count_followups (fixture->store, FD_FOLLOWUPS_OVERDUE, 0, 100, NULL), ==, 2);
}

/* `frontdesk --background` */

static GSubprocess *
spawn_frontdesk (Fixture             *fixture,
                 GSubprocessFlags     flags,
                 const char          *first_arg,
                 ...)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GSubprocess *process;
  va_list args;

  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", fixture->dir, TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", fixture->dir, TRUE);
  g_ptr_array_add (argv, (gpointer) frontdesk_path);
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  return process;
}

static gboolean
has_window (gpointer data)
{
  g_autoptr(GVariant) reply = NULL;

  /* GtkApplication exports each application window's actions here. */
  reply = g_dbus_connection_call_sync (bus, APP_ID, "/io/github/frontdesk/Frontdesk/window/1",
                                       "org.gtk.Actions", "List", NULL, G_VARIANT_TYPE ("(as)"),
                                       G_DBUS_CALL_FLAGS_NONE, -1, NULL, NULL);
  return reply != NULL;
}

static gboolean
has_app (gpointer data)
{
  return name_has_owner (APP_ID);
}

static gboolean
state_in_new_store (gpointer data)
{
  StateWait *wait = data;
  g_autoptr(FdFollowup) followup = fd_store_get_followup (wait->fixture->store, wait->id, NULL);

  return followup != NULL && fd_followup_get_state (followup) == wait->state;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
on_background_exited_cb (GObject      *object,
                         GAsyncResult *result,
                         gpointer      user_data)
{
  gboolean *exited = user_data;

  g_subprocess_wait_finish (G_SUBPROCESS (object), result, NULL);
  *exited = TRUE;
}

static void
test_background (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(FdFollowup) followup = add_followup (fixture, FD_FOLLOWUP_CALL_BACK, now_s () + 2, NULL);
  g_autoptr(GSubprocess) background = NULL;
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GSubprocess) third = NULL;
  g_autoptr(GPtrArray) calls = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(GVariant) hints = NULL;
  g_autofree char *pid = NULL;
  StateWait wait = { fixture, fd_followup_get_id (followup), FD_FOLLOWUP_DONE };
  gint64 sender_pid = 0;
  gboolean exited = FALSE;

  background = spawn_frontdesk (fixture, G_SUBPROCESS_FLAGS_NONE, "--background", "--db", fixture->db_path, NULL);
  g_subprocess_wait_async (background, NULL, on_background_exited_cb, &exited);
  g_assert_true (spin_until (has_app, NULL, 20000));
  g_assert_false (has_window (NULL));

  /* It announces when the follow-up falls due. */
  g_assert_true (spin_until (has_notify_calls, GUINT_TO_POINTER (fixture->first_call + 1), 10000));
  calls = get_notify_calls ();
  summary = call_string (g_ptr_array_index (calls, fixture->first_call), 3);
  g_assert_cmpstr (summary, ==, "Call back Jānis Bērziņš");
  hints = call_arg (g_ptr_array_index (calls, fixture->first_call), 6);
  g_assert_true (g_variant_lookup (hints, "sender-pid", "x", &sender_pid));
  /* Said by the background process, not by the test. */
  pid = g_strdup_printf ("%" G_GINT64_FORMAT, sender_pid);
  g_assert_cmpstr (g_subprocess_get_identifier (background), ==, pid);

  /* It stays, with no window. */
  spin_until (NULL, NULL, 1000);
  g_assert_false (exited);
  g_assert_false (has_window (NULL));

  /* `frontdesk --background` again does nothing; `frontdesk` opens the window in it. */
  third = spawn_frontdesk (fixture, G_SUBPROCESS_FLAGS_NONE, "--background", NULL);
  g_assert_true (g_subprocess_wait_check (third, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (has_window (NULL));
  second = spawn_frontdesk (fixture, G_SUBPROCESS_FLAGS_NONE, NULL);
  g_assert_true (g_subprocess_wait_check (second, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (spin_until (has_window, NULL, 10000));

  /* Done in the notification is done in the database. */
  emit_action (fixture->first_call + 1, "done");
  g_assert_true (spin_until (state_in_new_store, &wait, 5000));

  g_assert_false (exited);
  g_subprocess_send_signal (background, SIGTERM);
  g_assert_true (spin_until (is_true, &exited, 10000));
}

/* The autostart entry */

static void
test_autostart (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(FdApplication) app = fd_application_new ();
  g_autofree char *path = g_build_filename (g_get_user_config_dir (), "autostart", APP_ID ".desktop", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const char *validate = g_getenv ("FRONTDESK_TEST_DESKTOP_FILE_VALIDATE");
  GSettings *settings;

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);
  settings = fd_application_get_settings (app);
  g_assert_nonnull (settings);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_settings_set_boolean (settings, "run-in-background", TRUE);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "\nExec=frontdesk --background\n"));
  g_assert_nonnull (strstr (contents, "\nX-GNOME-Autostart-enabled=true\n"));
  if (validate != NULL && *validate != '\0')
    {
      const char *argv[] = { validate, path, NULL };
      int status = -1;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                                   &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
    }

  g_settings_set_boolean (settings, "run-in-background", FALSE);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

/* tests/notify/LANGUAGE.po holds the notification strings alone, so this run does not wait
 * for po/LANGUAGE.po to catch up: the test is that the texts go through gettext in the
 * user's language, not the translation itself. */
static char *
compile_catalogue (const char *lang)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("frontdesk-notify-locale-XXXXXX", &error);
  g_autofree char *messages = NULL;
  g_autofree char *mo = NULL;
  g_autofree char *po_name = g_strconcat (lang, ".po", NULL);
  g_autofree char *po = g_build_filename (g_getenv ("FRONTDESK_TEST_PO_DIR"), po_name, NULL);
  const char *msgfmt = g_getenv ("FRONTDESK_TEST_MSGFMT");
  int status = -1;

  g_assert_no_error (error);
  messages = g_build_filename (dir, lang, "LC_MESSAGES", NULL);
  g_assert_cmpint (g_mkdir_with_parents (messages, 0700), ==, 0);
  mo = g_build_filename (messages, GETTEXT_PACKAGE ".mo", NULL);
  {
    const char *argv[] = { msgfmt ? msgfmt : "msgfmt", "--check", "-o", mo, po, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                                 &status, &error));
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return g_steal_pointer (&dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *config = NULL;
  g_autofree char *localedir = NULL;
  gboolean no_server = FALSE, autostart = FALSE;
  int result;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--lang") && i + 1 < argc)
        language = argv[++i];
      else if (g_str_equal (argv[i], "--background") && i + 1 < argc)
        frontdesk_path = argv[++i];
      else if (g_str_equal (argv[i], "--no-server"))
        no_server = TRUE;
      else if (g_str_equal (argv[i], "--autostart"))
        autostart = TRUE;
    }

  /* Nothing of the user's: the autostart entry goes to a folder of our own. */
  config = g_dir_make_tmp ("frontdesk-notify-config-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CONFIG_HOME", config, TRUE);
  if (language != NULL)
    {
      localedir = compile_catalogue (language);
      g_setenv ("FRONTDESK_LOCALEDIR", localedir, TRUE);
      g_setenv ("LANGUAGE", language, TRUE);
      g_setenv ("LC_ALL", "C.UTF-8", TRUE);
    }
  fd_application_init_i18n ();

  g_test_init (&argc, &argv, NULL);

  bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_assert_no_error (error);

  if (no_server)
    g_test_add ("/fd/notify/no-server", Fixture, NULL, fixture_set_up, test_no_server, fixture_tear_down);
  else if (autostart)
    g_test_add ("/fd/notify/autostart", Fixture, NULL, fixture_set_up, test_autostart, fixture_tear_down);
  else
    {
      start_mock ();
      if (frontdesk_path != NULL)
        g_test_add ("/fd/notify/background", Fixture, NULL, fixture_set_up, test_background, fixture_tear_down);
      else
        {
          g_test_add ("/fd/notify/announce-once", Fixture, NULL, fixture_set_up, test_announce_once, fixture_tear_down);
          g_test_add ("/fd/notify/group-at-start", Fixture, NULL, fixture_set_up, test_group_at_start, fixture_tear_down);
          if (language == NULL)
            {
              g_test_add ("/fd/notify/action/done", Fixture, NULL, fixture_set_up, test_action_done, fixture_tear_down);
              g_test_add ("/fd/notify/action/snooze", Fixture, NULL, fixture_set_up, test_action_snooze, fixture_tear_down);
              g_test_add ("/fd/notify/action/open", Fixture, NULL, fixture_set_up, test_action_open, fixture_tear_down);
              g_test_add ("/fd/notify/claim-overdue", Fixture, NULL, fixture_set_up, test_claim_overdue, fixture_tear_down);
            }
        }
    }

  result = g_test_run ();

  stop_mock ();
  if (notify_is_initted ())
    notify_uninit ();
  g_clear_object (&bus);
  remove_tree (config);
  if (localedir != NULL)
    remove_tree (localedir);

  return result;
}
