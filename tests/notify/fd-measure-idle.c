/* SPDX-License-Identifier: GPL-3.0-or-later */

/* frontdesk-measure-idle: what `frontdesk --background` costs while nothing falls due.
 *
 *   frontdesk-measure-idle --frontdesk PATH [--demo N | --db PATH] [--seconds 60]
 *
 * It generates a database of N demo customers with one follow-up due in an hour (or copies
 * --db, which stays untouched), starts `PATH --background --db COPY`, lets it settle, and
 * then watches it for --seconds:
 *
 *   wakeups          context switches of all its threads (/proc/PID/task/TID/status,
 *                    voluntary + nonvoluntary): each is a thread that was woken or
 *                    preempted. A process that sleeps until the next due time has none.
 *   wakeups_per_min  the same per minute
 *   cpu_ms           user + system CPU time over the window (/proc/PID/stat)
 *   rss_mb, hwm_mb   resident memory at the end, and its peak (VmRSS, VmHWM)
 *
 * One line of key=value pairs; --max-rss-mb and --max-wakeups-per-min turn it into a test.
 * Run it on a session bus of its own (dbus-run-session), or a Frontdesk already running
 * there would take the activation; with a display (xvfb-run), as the app opens GTK.
 */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "fd-demo.h"
#include "fd-store.h"

typedef struct
{
  GHashTable *switches;   /* thread id (string) → context switches so far (guint64 *) */
  guint64     cpu_ticks;
} Sample;

static char *
read_status_field (const char *path,
                   const char *field)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  gsize field_len = strlen (field);

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (strncmp (lines[i], field, field_len) == 0 && lines[i][field_len] == ':')
      return g_strstrip (g_strdup (lines[i] + field_len + 1));
  return NULL;
}

static guint64
read_status_number (const char *path,
                    const char *field)
{
  g_autofree char *value = read_status_field (path, field);

  return value != NULL ? g_ascii_strtoull (value, NULL, 10) : 0;
}

static gboolean
take_sample (GPid    pid,
             Sample *sample)
{
  g_autofree char *task_dir = g_strdup_printf ("/proc/%d/task", pid);
  g_autofree char *stat_path = g_strdup_printf ("/proc/%d/stat", pid);
  g_autofree char *stat = NULL;
  g_autoptr(GDir) dir = g_dir_open (task_dir, 0, NULL);
  const char *tid;
  const char *after_comm;

  if (dir == NULL || !g_file_get_contents (stat_path, &stat, NULL, NULL))
    return FALSE;

  sample->switches = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sample->cpu_ticks = 0;
  while ((tid = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *status = g_build_filename (task_dir, tid, "status", NULL);
      guint64 switches = read_status_number (status, "voluntary_ctxt_switches") +
                         read_status_number (status, "nonvoluntary_ctxt_switches");

      g_hash_table_insert (sample->switches, g_strdup (tid), g_memdup2 (&switches, sizeof switches));
    }

  /* Fields after "(comm)": state is field 3, utime 14 and stime 15. */
  after_comm = strrchr (stat, ')');
  if (after_comm != NULL)
    {
      g_auto(GStrv) fields = g_strsplit (after_comm + 2, " ", -1);

      if (g_strv_length (fields) > 12)
        sample->cpu_ticks = g_ascii_strtoull (fields[11], NULL, 10) + g_ascii_strtoull (fields[12], NULL, 10);
    }

  return TRUE;
}

/* Per thread: a thread that ended in between (an idle pool thread retiring) woke at least
 * to end; one that started counts all its switches. */
static guint64
count_wakeups (Sample *before,
               Sample *after,
               guint  *ended)
{
  GHashTableIter iter;
  gpointer tid, value;
  guint64 wakeups = 0;

  *ended = 0;
  g_hash_table_iter_init (&iter, after->switches);
  while (g_hash_table_iter_next (&iter, &tid, &value))
    {
      guint64 *then = g_hash_table_lookup (before->switches, tid);

      wakeups += *(guint64 *) value - (then != NULL ? MIN (*then, *(guint64 *) value) : 0);
    }

  g_hash_table_iter_init (&iter, before->switches);
  while (g_hash_table_iter_next (&iter, &tid, NULL))
    if (!g_hash_table_contains (after->switches, tid))
      (*ended)++;

  return wakeups + *ended;
}

static double
read_memory_mb (GPid        pid,
                const char *field)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", pid);

  /* In kB. */
  return read_status_number (path, field) / 1024.0;
}

static gboolean
make_database (const char  *path,
               guint        n_demo,
               GError     **error)
{
  g_autoptr(FdStore) store = fd_store_open (path, error);
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdFollowup) followup = NULL;
  FdFollowupDraft draft = { FD_FOLLOWUP_CALL_BACK, 1, 0, 0, 0, NULL, 0, NULL };

  if (store == NULL || !fd_demo_generate (store, MAX (n_demo, 1), 1, error))
    return FALSE;

  /* Something to wait for: the notifier sleeps until then. */
  draft.due_at = g_get_real_time () / G_USEC_PER_SEC + 3600;
  followup = fd_store_add_followup (store, &draft, error);
  return followup != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *frontdesk = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *copy = NULL;
  int n_demo = 2000;
  int seconds = 60;
  int settle = 20;
  int max_rss_mb = 0;
  int max_wakeups = -1;
  GPid pid = 0;
  Sample before, after;
  guint64 wakeups;
  guint ended;
  double rss_mb, hwm_mb, per_min;
  long ticks_per_s = sysconf (_SC_CLK_TCK);
  int status = 0;
  gboolean ok = TRUE;
  GOptionEntry entries[] = {
    { "frontdesk", 0, 0, G_OPTION_ARG_FILENAME, &frontdesk, "The frontdesk executable", "PATH" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "A database to copy (default: generated)", "PATH" },
    { "demo", 0, 0, G_OPTION_ARG_INT, &n_demo, "Customers in the generated database (2000)", "N" },
    { "seconds", 0, 0, G_OPTION_ARG_INT, &seconds, "How long to watch (60)", "S" },
    /* GLib retires an idle pool thread 15 s after its last task: let that pass too. */
    { "settle", 0, 0, G_OPTION_ARG_INT, &settle, "Seconds to let it start first (20)", "S" },
    { "max-rss-mb", 0, 0, G_OPTION_ARG_INT, &max_rss_mb, "Fail above this resident size", "MB" },
    { "max-wakeups-per-min", 0, 0, G_OPTION_ARG_INT, &max_wakeups, "Fail above this many wake-ups a minute", "N" },
    { NULL }
  };

  context = g_option_context_new ("- measure frontdesk --background at rest");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || frontdesk == NULL || seconds <= 0)
    {
      g_printerr ("%s\n", error ? error->message : "--frontdesk PATH is required");
      return 2;
    }

  dir = g_dir_make_tmp ("frontdesk-idle-XXXXXX", &error);
  if (dir == NULL)
    g_error ("%s", error->message);
  copy = g_build_filename (dir, "frontdesk.db", NULL);
  if (db != NULL)
    {
      g_autoptr(GFile) from = g_file_new_for_path (db);
      g_autoptr(GFile) to = g_file_new_for_path (copy);

      if (!g_file_copy (from, to, G_FILE_COPY_NONE, NULL, NULL, NULL, &error))
        g_error ("%s", error->message);
    }
  else if (!make_database (copy, n_demo, &error))
    g_error ("Cannot make the database: %s", error->message);

  {
    const char *child_argv[] = { frontdesk, "--background", "--db", copy, NULL };
    g_auto(GStrv) env = g_get_environ ();

    env = g_environ_setenv (env, "XDG_CONFIG_HOME", dir, TRUE);
    if (!g_spawn_async (NULL, (char **) child_argv, env, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid, &error))
      g_error ("%s", error->message);
  }

  g_usleep (settle * G_USEC_PER_SEC);
  if (!take_sample (pid, &before))
    g_error ("frontdesk --background is not running");
  g_usleep ((gulong) seconds * G_USEC_PER_SEC);
  if (!take_sample (pid, &after))
    g_error ("frontdesk --background ended on its own");
  rss_mb = read_memory_mb (pid, "VmRSS");
  hwm_mb = read_memory_mb (pid, "VmHWM");

  kill (pid, SIGTERM);
  waitpid (pid, &status, 0);
  g_spawn_close_pid (pid);

  wakeups = count_wakeups (&before, &after, &ended);
  per_min = wakeups * 60.0 / seconds;
  printf ("seconds=%d wakeups=%" G_GUINT64_FORMAT " wakeups_per_min=%.1f cpu_ms=%.0f rss_mb=%.1f hwm_mb=%.1f "
          "threads=%u threads_ended=%u\n",
          seconds, wakeups, per_min, (after.cpu_ticks - before.cpu_ticks) * 1000.0 / ticks_per_s,
          rss_mb, hwm_mb, g_hash_table_size (after.switches), ended);
  g_hash_table_unref (before.switches);
  g_hash_table_unref (after.switches);

  if (max_rss_mb > 0 && hwm_mb > max_rss_mb)
    {
      printf ("FAIL: peak resident size %.1f MB is above %d MB\n", hwm_mb, max_rss_mb);
      ok = FALSE;
    }
  if (max_wakeups >= 0 && per_min > max_wakeups)
    {
      printf ("FAIL: %.1f wake-ups a minute is above %d\n", per_min, max_wakeups);
      ok = FALSE;
    }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (dir);
  }

  return ok ? EXIT_SUCCESS : EXIT_FAILURE;
}
