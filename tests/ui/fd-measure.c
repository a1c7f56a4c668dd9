/* SPDX-License-Identifier: GPL-3.0-or-later */

/* frontdesk-measure: checks two performance claims on a database.
 *
 *   first_frame_ms  process start to the first frame of the main window, through the real
 *                   application path (FdApplication --db PATH, activate, FdWindow).
 *   peak_rss_mb     the process's peak resident memory (VmHWM) after scrolling the customers
 *                   list from top to bottom, then jumping around like a dragged scrollbar.
 *
 * The tool runs in two processes. The parent copies the database (closing a store may run
 * PRAGMA optimize, a write, and the original must stay untouched) or generates one with
 * --demo N, then starts itself again on the copy (the hidden --child-spawn-us option). The child is the measured process, so
 * neither the copy nor the generation counts towards its start-up time or peak memory.
 *
 * Start time: the parent reads CLOCK_MONOTONIC just before spawning and passes it on; the
 * child's first frame is measured against it (fork, exec, dynamic linking, GTK and
 * libadwaita initialisation, opening the database, the first layout and paint: everything
 * a user waits for). As a cross-check the child also reports the kernel's own start time,
 * /proc/self/stat field 22 against CLOCK_BOOTTIME, which has only clock-tick (10 ms)
 * resolution. The first frame is the first "after-paint" of the window surface's frame
 * clock. The copy is synced to disk first; the page cache is warm unless --cold drops the
 * copy from it (posix_fadvise; shared libraries stay cached).
 *
 * The only difference from the installed app: G_APPLICATION_NON_UNIQUE, so a Frontdesk
 * already running on the same session bus (or a parallel test) cannot take over the
 * activation. The D-Bus connection and everything else still happen.
 *
 * Scrolling: once the first frame is out and the model's position index is ready (reported
 * as ready_ms; before it, far rows are placeholders), a tick callback checks the rows that
 * the last paint showed inside the viewport (rows_drawn counts real customers, placeholders
 * empty rows), then moves the list view's vertical adjustment on by max(one page,
 * height / --frames), which that frame lays out, binds and paints. It never moves twice
 * without a paint in between, so the whole list takes about --frames painted frames
 * (frames). Then --jumps random jumps (fixed seed), each held for two frames. The output is
 * one line of key=value pairs; --max-rss-mb and --max-first-frame-ms turn it into a test.
 * --renderer sets GSK_RENDERER for the measured process.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

#include "fd-application.h"
#include "fd-customer-row.h"
#include "fd-demo.h"
#include "fd-window.h"

#define HOLD_FRAMES 2

typedef enum
{
  PHASE_STARTING,
  PHASE_WAITING_READY,
  PHASE_SCROLLING,
  PHASE_JUMPING,
  PHASE_DONE,
} Phase;

typedef struct
{
  /* Options */
  gint64          spawn_us;
  int             n_frames;
  int             n_jumps;
  int             max_rss_mb;
  int             max_first_frame_ms;
  int             timeout_s;

  /* State */
  GApplication   *app;
  FdWindow       *window;
  GtkListView    *list_view;
  GtkAdjustment  *vadjustment;
  FdCustomerList *customers;
  GHashTable     *drawn_ids;
  GRand          *rand;
  Phase           phase;
  int             jumps_done;
  int             hold;
  int             at_end;
  int             status;
  gboolean        painted;

  /* Figures */
  double          first_frame_ms;
  double          first_frame_stat_ms;
  double          first_frame_rss_mb;
  double          ready_ms;
  gint64          scroll_start_us;
  gint64          scroll_end_us;
  guint           frames;
  guint           rows_drawn;
  guint           placeholders;
  double          height_px;
} Measure;

static Measure measure;

static double
boottime_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_BOOTTIME, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Field 22 of /proc/self/stat: when the kernel created this process, in clock ticks since
 * boot (the same origin as CLOCK_BOOTTIME). */
static double
process_start_ms (void)
{
  g_autofree char *stat = NULL;
  g_auto(GStrv) fields = NULL;
  const char *after_name;

  if (!g_file_get_contents ("/proc/self/stat", &stat, NULL, NULL) ||
      !(after_name = strrchr (stat, ')')))
    return -1;

  /* After "pid (comm)" comes field 3, so field 22 is the 20th. */
  fields = g_strsplit (after_name + 2, " ", 21);
  if (g_strv_length (fields) < 21)
    return -1;

  return g_ascii_strtod (fields[19], NULL) * 1000.0 / sysconf (_SC_CLK_TCK);
}

static double
status_mb (const char *key)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      !(line = strstr (status, key)))
    return -1;

  return g_ascii_strtod (line + strlen (key), NULL) / 1024.0;
}

static double
elapsed_ms (void)
{
  return (g_get_monotonic_time () - measure.spawn_us) / 1000.0;
}

static gboolean
shows_customers (GtkListView *list_view)
{
  GtkSelectionModel *model = gtk_list_view_get_model (list_view);

  return GTK_IS_NO_SELECTION (model) &&
         gtk_no_selection_get_model (GTK_NO_SELECTION (model)) == G_LIST_MODEL (measure.customers);
}

/* The list view over the customers model, wherever the template puts it. */
static GtkListView *
find_list_view (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget) && shows_customers (GTK_LIST_VIEW (widget)))
    return GTK_LIST_VIEW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkListView *found = find_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static FdCustomerRow *
find_row (GtkWidget *widget,
          int        depth)
{
  if (FD_IS_CUSTOMER_ROW (widget))
    return FD_CUSTOMER_ROW (widget);

  if (depth == 0)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      FdCustomerRow *row = find_row (child, depth - 1);

      if (row != NULL)
        return row;
    }

  return NULL;
}

/* The rows that the frame just painted showed, inside the viewport: real customers, or
 * the placeholders a lazy model hands out while it cannot seek. */
static void
check_drawn_rows (void)
{
  GtkWidget *list = GTK_WIDGET (measure.list_view);
  int height = gtk_widget_get_height (list);

  for (GtkWidget *child = gtk_widget_get_first_child (list);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      FdCustomerRow *row = find_row (child, 2);
      graphene_rect_t bounds;
      FdCustomer *customer;

      if (row == NULL ||
          !gtk_widget_get_mapped (child) ||
          !gtk_widget_get_child_visible (child) ||
          !gtk_widget_compute_bounds (child, list, &bounds) ||
          bounds.origin.y + bounds.size.height <= 0 ||
          bounds.origin.y >= height)
        continue;

      customer = fd_customer_row_get_customer (row);
      if (customer == NULL || fd_customer_get_id (customer) <= 0)
        {
          measure.placeholders++;
          continue;
        }

      measure.rows_drawn++;
      g_hash_table_add (measure.drawn_ids, g_memdup2 (&(gint64) { fd_customer_get_id (customer) }, sizeof (gint64)));
    }
}

static gboolean
last_row_drawn (void)
{
  GListModel *model = G_LIST_MODEL (measure.customers);
  guint n_items = g_list_model_get_n_items (model);
  g_autoptr(FdCustomer) last = NULL;
  gint64 id;

  if (n_items == 0 || !(last = g_list_model_get_item (model, n_items - 1)))
    return FALSE;

  id = fd_customer_get_id (last);
  return g_hash_table_contains (measure.drawn_ids, &id);
}

static void
finish (void)
{
  double peak_rss_mb = status_mb ("VmHWM:");
  double rss_mb = status_mb ("VmRSS:");
  double anon_mb = status_mb ("RssAnon:");
  double file_mb = status_mb ("RssFile:");
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (measure.customers));
  gboolean last = last_row_drawn ();
  const char *renderer = g_getenv ("GSK_RENDERER");

  measure.phase = PHASE_DONE;

  g_print ("first_frame_ms=%.0f first_frame_stat_ms=%.0f first_frame_rss_mb=%.1f ready_ms=%.0f "
           "peak_rss_mb=%.1f rss_mb=%.1f rss_anon_mb=%.1f rss_file_mb=%.1f frames=%u rows=%u height_px=%.0f rows_drawn=%u "
           "distinct_rows=%u placeholders=%u last_row_drawn=%d jumps=%d scroll_s=%.1f renderer=%s\n",
           measure.first_frame_ms, measure.first_frame_stat_ms, measure.first_frame_rss_mb,
           measure.ready_ms, peak_rss_mb, rss_mb, anon_mb, file_mb, measure.frames, n_items, measure.height_px,
           measure.rows_drawn, g_hash_table_size (measure.drawn_ids), measure.placeholders,
           last, measure.jumps_done,
           (measure.scroll_end_us - measure.scroll_start_us) / (double) G_USEC_PER_SEC,
           renderer != NULL ? renderer : "default");

  if (!last || measure.rows_drawn == 0)
    {
      g_printerr ("FAIL: the list was not drawn to its last row\n");
      measure.status = 1;
    }
  if (measure.placeholders > 0)
    {
      g_printerr ("FAIL: %u placeholder rows drawn after the position index was ready\n",
                  measure.placeholders);
      measure.status = 1;
    }
  if (measure.max_rss_mb > 0 && peak_rss_mb >= measure.max_rss_mb)
    {
      g_printerr ("FAIL: peak RSS %.1f MB ≥ %d MB\n", peak_rss_mb, measure.max_rss_mb);
      measure.status = 1;
    }
  if (measure.max_first_frame_ms > 0 && measure.first_frame_ms >= measure.max_first_frame_ms)
    {
      g_printerr ("FAIL: first frame after %.0f ms ≥ %d ms\n",
                  measure.first_frame_ms, measure.max_first_frame_ms);
      measure.status = 1;
    }

  g_application_quit (measure.app);
}

/* One step per painted frame: the rows of the last step were laid out, bound and drawn. */
static void
step (void)
{
  double upper = gtk_adjustment_get_upper (measure.vadjustment);
  double page = gtk_adjustment_get_page_size (measure.vadjustment);
  double value = gtk_adjustment_get_value (measure.vadjustment);
  double end = MAX (0, upper - page);

  measure.height_px = MAX (measure.height_px, upper);

  if (measure.phase == PHASE_SCROLLING)
    {
      /* The estimated height changes as rows are measured: stay at the end for a few
       * frames so the last rows really are on screen. */
      if (value >= end - 0.5)
        {
          if (++measure.at_end < HOLD_FRAMES)
            {
              gtk_adjustment_set_value (measure.vadjustment, end);
              return;
            }
          measure.phase = PHASE_JUMPING;
        }
      else
        {
          measure.at_end = 0;
          gtk_adjustment_set_value (measure.vadjustment,
                                    MIN (end, value + MAX (page, upper / measure.n_frames)));
          return;
        }
    }

  if (measure.phase == PHASE_JUMPING)
    {
      if (measure.hold > 0)
        {
          measure.hold--;
          return;
        }

      if (measure.jumps_done < measure.n_jumps)
        {
          measure.jumps_done++;
          measure.hold = HOLD_FRAMES - 1;
          gtk_adjustment_set_value (measure.vadjustment, g_rand_double (measure.rand) * end);
          return;
        }

      measure.scroll_end_us = g_get_monotonic_time ();
      finish ();
    }
}

/* Runs in the frame clock's update phase, before layout and paint: the rows that the last
 * paint showed are checked, then the next step is laid out and painted in this frame. A
 * frame without a paint does not advance. */
static gboolean
tick_cb (GtkWidget     *widget,
         GdkFrameClock *frame_clock,
         gpointer       user_data)
{
  if (measure.phase == PHASE_DONE)
    return G_SOURCE_REMOVE;

  if (!measure.painted)
    return G_SOURCE_CONTINUE;

  measure.painted = FALSE;
  check_drawn_rows ();
  step ();

  if (g_getenv ("FD_MEASURE_DEBUG") != NULL)
    g_printerr ("frame %u value %.0f upper %.0f page %.0f\n", measure.frames,
                gtk_adjustment_get_value (measure.vadjustment),
                gtk_adjustment_get_upper (measure.vadjustment),
                gtk_adjustment_get_page_size (measure.vadjustment));

  return measure.phase == PHASE_DONE ? G_SOURCE_REMOVE : G_SOURCE_CONTINUE;
}

static void
start_scrolling (void)
{
  measure.phase = PHASE_SCROLLING;
  measure.scroll_start_us = g_get_monotonic_time ();
  gtk_adjustment_set_value (measure.vadjustment, 0);
  gtk_widget_add_tick_callback (GTK_WIDGET (measure.list_view), tick_cb, NULL, NULL);
}

static void
on_customers_ready_cb (FdCustomerList *customers)
{
  if (measure.phase != PHASE_WAITING_READY || !fd_customer_list_get_ready (customers))
    return;

  measure.ready_ms = elapsed_ms ();
  start_scrolling ();
}

static void
on_frame_clock_after_paint_cb (GdkFrameClock *frame_clock)
{
  switch (measure.phase)
    {
    case PHASE_STARTING:
      measure.first_frame_ms = elapsed_ms ();
      measure.first_frame_stat_ms = boottime_ms () - process_start_ms ();
      measure.first_frame_rss_mb = status_mb ("VmRSS:");

      /* The window opens on the Reception page: scrolling is measured on the Customers page. */
      gtk_widget_activate_action (GTK_WIDGET (measure.window), "win.search", NULL);
      measure.customers = fd_customers_view_get_list (fd_window_get_customers_view (measure.window));
      measure.list_view = find_list_view (GTK_WIDGET (fd_window_get_customers_view (measure.window)));
      if (measure.customers == NULL || measure.list_view == NULL)
        g_error ("The window has no customers list");
      measure.vadjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (measure.list_view));

      measure.phase = PHASE_WAITING_READY;
      g_signal_connect (measure.customers, "notify::ready", G_CALLBACK (on_customers_ready_cb), NULL);
      on_customers_ready_cb (measure.customers);
      break;

    case PHASE_SCROLLING:
    case PHASE_JUMPING:
      measure.frames++;
      measure.painted = TRUE;
      break;

    case PHASE_WAITING_READY:
    case PHASE_DONE:
    default:
      break;
    }
}

static void
on_window_realize_cb (GtkWidget *widget)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

  g_signal_connect (gdk_surface_get_frame_clock (surface), "after-paint",
                    G_CALLBACK (on_frame_clock_after_paint_cb), NULL);
}

static void
on_app_window_added_cb (GtkApplication *app,
                        GtkWindow      *window)
{
  if (!FD_IS_WINDOW (window) || measure.window != NULL)
    return;

  measure.window = FD_WINDOW (window);
  g_signal_connect (window, "realize", G_CALLBACK (on_window_realize_cb), NULL);
}

static gboolean
timeout_cb (gpointer user_data)
{
  static const char * const phases[] = { "starting", "waiting-ready", "scrolling", "jumping", "done" };

  g_printerr ("FAIL: timed out after %d s while %s (%u frames)\n",
              measure.timeout_s, phases[measure.phase], measure.frames);
  measure.status = 2;
  g_application_quit (measure.app);

  return G_SOURCE_REMOVE;
}

static int
run_child (const char *argv0,
           const char *db_path)
{
  g_autoptr(FdApplication) app = NULL;
  char *app_argv[] = { (char *) argv0, (char *) "--db", (char *) db_path, NULL };

  /* As main.c does. */
  fd_application_init_i18n ();
  app = fd_application_new ();
  g_application_set_flags (G_APPLICATION (app),
                           g_application_get_flags (G_APPLICATION (app)) | G_APPLICATION_NON_UNIQUE);

  measure.app = G_APPLICATION (app);
  measure.drawn_ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  measure.rand = g_rand_new_with_seed (20240601);
  g_signal_connect (app, "window-added", G_CALLBACK (on_app_window_added_cb), NULL);
  g_timeout_add_seconds (measure.timeout_s, timeout_cb, NULL);

  if (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (app_argv) - 1, app_argv) != 0 &&
      measure.status == 0)
    measure.status = 1;

  if (measure.phase != PHASE_DONE && measure.status == 0)
    {
      g_printerr ("FAIL: the application ended before the measurement\n");
      measure.status = 1;
    }

  g_clear_pointer (&measure.drawn_ids, g_hash_table_unref);
  g_clear_pointer (&measure.rand, g_rand_free);

  return measure.status;
}

/* A database at rest: the copy's dirty pages are written out now, not by the kernel while
 * the child starts. With @cold the file then leaves the page cache too. */
static gboolean
settle_database (const char  *path,
                 gboolean     cold,
                 GError     **error)
{
  int fd = g_open (path, O_RDONLY, 0);

  if (fd < 0 || fdatasync (fd) != 0 ||
      (cold && (errno = posix_fadvise (fd, 0, 0, POSIX_FADV_DONTNEED)) != 0))
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "Cannot settle %s: %s", path, g_strerror (saved_errno));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static gboolean
prepare_database (const char  *source,
                  int          demo,
                  const char  *path,
                  GError     **error)
{
  if (demo > 0)
    {
      g_autoptr(FdStore) store = fd_store_open (path, error);

      return store != NULL && fd_demo_generate (store, demo, 1, error);
    }

  /* A WAL file holds committed pages that are not in the main file yet. */
  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *from = g_strconcat (source, i ? "-wal" : "", NULL);
      g_autofree char *to = g_strconcat (path, i ? "-wal" : "", NULL);
      g_autoptr(GFile) from_file = g_file_new_for_path (from);
      g_autoptr(GFile) to_file = g_file_new_for_path (to);

      if (i > 0 && !g_file_test (from, G_FILE_TEST_EXISTS))
        break;
      if (!g_file_copy (from_file, to_file, G_FILE_COPY_NONE, NULL, NULL, NULL, error))
        return FALSE;
    }

  return TRUE;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *file = g_build_filename (dir, name, NULL);
      g_unlink (file);
    }
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *spawn_us = NULL;
  g_autofree char *frames = NULL;
  g_autofree char *jumps = NULL;
  g_autofree char *max_rss = NULL;
  g_autofree char *max_first_frame = NULL;
  g_autofree char *timeout = NULL;
  g_autofree char *self_path = NULL;
  g_autofree char *renderer = NULL;
  gboolean cold = FALSE;
  int demo = 0;
  int wait_status = 0;
  gboolean child;

  measure.n_frames = 1000;
  measure.n_jumps = 20;
  measure.timeout_s = 600;

  {
    GOptionEntry entries[] = {
      { "db", 0, 0, G_OPTION_ARG_FILENAME, &db, "Measure on a copy of the database at PATH", "PATH" },
      { "demo", 0, 0, G_OPTION_ARG_INT, &demo, "Measure on a new database of N demo customers", "N" },
      { "frames", 0, 0, G_OPTION_ARG_INT, &measure.n_frames, "Scroll top to bottom in about N frames (1000)", "N" },
      { "jumps", 0, 0, G_OPTION_ARG_INT, &measure.n_jumps, "Random jumps after the scroll (20)", "N" },
      { "renderer", 0, 0, G_OPTION_ARG_STRING, &renderer, "Set GSK_RENDERER for the measured process", "NAME" },
      { "cold", 0, 0, G_OPTION_ARG_NONE, &cold, "Drop the database copy from the page cache first", NULL },
      { "max-rss-mb", 0, 0, G_OPTION_ARG_INT, &measure.max_rss_mb, "Fail if the peak RSS reaches MB", "MB" },
      { "max-first-frame-ms", 0, 0, G_OPTION_ARG_INT, &measure.max_first_frame_ms, "Fail if the first frame takes MS or more", "MS" },
      { "timeout", 0, 0, G_OPTION_ARG_INT, &measure.timeout_s, "Give up after S seconds (600)", "S" },
      { "child-spawn-us", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_INT64, &measure.spawn_us, NULL, NULL },
      { NULL }
    };

    context = g_option_context_new ("- measure Frontdesk's first frame and memory");
    g_option_context_add_main_entries (context, entries, NULL);
    if (!g_option_context_parse (context, &argc, &argv, &error))
      {
        g_printerr ("%s\n", error->message);
        return 2;
      }
  }

  child = measure.spawn_us > 0;
  if (child)
    return run_child (argv[0], db);

  if ((db == NULL) == (demo <= 0) || measure.n_frames <= 0 || measure.n_jumps < 0 || measure.timeout_s <= 0)
    {
      g_printerr ("Give either --db PATH or --demo N\n");
      return 2;
    }

  if (!(dir = g_dir_make_tmp ("frontdesk-measure-XXXXXX", &error)))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  path = g_build_filename (dir, "frontdesk.db", NULL);

  if (!prepare_database (db, demo, path, &error) ||
      !settle_database (path, cold, &error))
    {
      g_printerr ("%s\n", error->message);
      remove_dir (dir);
      return 2;
    }

  if (renderer != NULL)
    g_setenv ("GSK_RENDERER", renderer, TRUE);

  self_path = g_file_read_link ("/proc/self/exe", NULL);
  frames = g_strdup_printf ("--frames=%d", measure.n_frames);
  jumps = g_strdup_printf ("--jumps=%d", measure.n_jumps);
  max_rss = g_strdup_printf ("--max-rss-mb=%d", measure.max_rss_mb);
  max_first_frame = g_strdup_printf ("--max-first-frame-ms=%d", measure.max_first_frame_ms);
  timeout = g_strdup_printf ("--timeout=%d", measure.timeout_s);

  {
    char *child_argv[] = {
      self_path != NULL ? self_path : argv[0], (char *) "--db", path, frames, jumps, max_rss,
      max_first_frame, timeout, NULL, NULL
    };

    /* Read last: the child's clock starts here. */
    spawn_us = g_strdup_printf ("--child-spawn-us=%" G_GINT64_FORMAT, g_get_monotonic_time ());
    child_argv[8] = spawn_us;

    if (!g_spawn_sync (NULL, child_argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                       &wait_status, &error))
      {
        g_printerr ("%s\n", error->message);
        remove_dir (dir);
        return 2;
      }
  }

  remove_dir (dir);

  if (!g_spawn_check_wait_status (wait_status, &error))
    {
      g_printerr ("Measurement failed: %s\n", error->message);
      return 1;
    }

  return 0;
}
