/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-application"

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <libnotify/notify.h>

#include "fd-application.h"
#include "fd-followup-notifier.h"
#include "fd-notifications.h"
#include "fd-preferences-window.h"
#include "fd-window.h"

struct _FdApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  char            *db_path;
  FdStore         *store;
  GSettings       *settings;
  FdNotifications *notifications;

  /* --background: the first activation opens no window, and the app never ends on its own */
  gboolean         background;
  gboolean         background_pending;
  /* A hold that keeps follow-up notifications coming while no window is open */
  gboolean         held;
  gboolean         quitting;
};

G_DEFINE_FINAL_TYPE (FdApplication, fd_application, ADW_TYPE_APPLICATION)

static GSettings *
new_settings_if_installed (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  /* g_settings_new() aborts on a missing schema; an uninstalled run simply goes without. */
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);

  if (schema == NULL)
    {
      g_debug ("GSettings schema %s is not installed; window state is not kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
show_open_error (FdApplication *self,
                 const GError  *error)
{
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  /* Translators: %s is why the database was refused, a whole sentence that names the file */
  body = g_strdup_printf (_("%s Nothing was changed."), error->message);

  dialog = adw_message_dialog_new (NULL, _("Cannot Open Database"), body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  /* The dialog closes itself on any response; as the only window it also ends the app. */
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The main window, not a dialog or the board: NULL when none is open. */
static FdWindow *
find_main_window (FdApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (FD_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

static gboolean
want_background (FdApplication *self)
{
  if (self->quitting || self->store == NULL)
    return FALSE;

  return self->background ||
         (self->settings != NULL && g_settings_get_boolean (self->settings, "run-in-background"));
}

/* With the window closed, the hold is what keeps the process, and so the notifications. */
static void
update_hold (FdApplication *self)
{
  gboolean want = want_background (self);

  if (want == self->held)
    return;

  self->held = want;
  if (want)
    g_application_hold (G_APPLICATION (self));
  else
    g_application_release (G_APPLICATION (self));
}

/* Desktop entry Exec quoting: a double-quoted argument, with " ` $ and \ escaped, and
 * % doubled (the file's own string escaping is added by GKeyFile). */
static char *
quote_exec_arg (const char *arg)
{
  GString *quoted = g_string_new ("\"");

  for (const char *p = arg; *p != '\0'; p++)
    {
      if (strchr ("\"`$\\", *p) != NULL)
        g_string_append_c (quoted, '\\');
      if (*p == '%')
        g_string_append_c (quoted, '%');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '"');

  return g_string_free (quoted, FALSE);
}

/* $XDG_CONFIG_HOME/autostart/APP_ID.desktop starts `frontdesk --background` at login.
 * GTK 4.8 has no API for the XDG background portal; under flatpak the manifest's
 * --filesystem=xdg-config/autostart:create (or, later, the portal's RequestBackground with
 * autostart) is needed, and Exec would be `flatpak run APP_ID --background`. */
static gboolean
update_autostart (FdApplication  *self,
                  gboolean        enabled,
                  GError        **error)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "autostart", NULL);
  g_autofree char *path = g_build_filename (dir, APP_ID ".desktop", NULL);
  g_autoptr(GKeyFile) entry = NULL;
  g_autofree char *exec = NULL;

  if (!enabled)
    {
      if (g_unlink (path) != 0 && errno != ENOENT)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       "%s: %s", path, g_strerror (saved_errno));
          return FALSE;
        }
      return TRUE;
    }

  if (self->db_path != NULL)
    {
      g_autofree char *db = quote_exec_arg (self->db_path);

      exec = g_strconcat ("frontdesk --background --db ", db, NULL);
    }
  else
    exec = g_strdup ("frontdesk --background");

  entry = g_key_file_new ();
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TYPE,
                         G_KEY_FILE_DESKTOP_TYPE_APPLICATION);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NAME, _("Frontdesk"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_COMMENT,
                         /* Translators: description of Frontdesk started at login */
                         _("Announces follow-ups as notifications when they fall due"));
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_EXEC, exec);
  g_key_file_set_string (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_ICON, APP_ID);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_TERMINAL, FALSE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, G_KEY_FILE_DESKTOP_KEY_NO_DISPLAY, TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-Autostart-enabled", TRUE);
  g_key_file_set_boolean (entry, G_KEY_FILE_DESKTOP_GROUP, "X-GNOME-UsesNotifications", TRUE);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_key_file_save_to_file (entry, path, error);
}

/* Shows the main window, creating it when the app runs in the background. */
static FdWindow *
present_main_window (FdApplication *self,
                     const char    *startup_id)
{
  FdWindow *window = find_main_window (self);

  if (window == NULL)
    {
      if (self->store == NULL)
        return NULL;
      window = FD_WINDOW (fd_window_new (ADW_APPLICATION (self), self->store));
    }

  if (startup_id != NULL)
    gtk_window_set_startup_id (GTK_WINDOW (window), startup_id);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* Shows the window's Follow-ups page, found by its name in the view stack: the window has
 * no action for it. FALSE when it has no such page. */
static gboolean
show_followups_page (GtkWidget *widget)
{
  if (ADW_IS_VIEW_STACK (widget) &&
      adw_view_stack_get_child_by_name (ADW_VIEW_STACK (widget), "followups") != NULL)
    {
      adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (widget), "followups");
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (show_followups_page (child))
      return TRUE;

  return FALSE;
}

static void
on_notifications_open_cb (FdApplication *self,
                          gint64         followup_id,
                          const char    *activation_token)
{
  g_autoptr(FdFollowup) followup = NULL;
  FdWindow *window = present_main_window (self, activation_token);

  if (window == NULL)
    return;

  if (followup_id > 0)
    followup = fd_store_get_followup (self->store, followup_id, NULL);

  /* A claim's follow-up opens the claim; the others, and a group, the Follow-ups page. */
  if (followup != NULL && fd_followup_get_claim_id (followup) > 0)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-claim", "x",
                                fd_followup_get_claim_id (followup));
  else if (!show_followups_page (GTK_WIDGET (window)) && followup != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.open-customer", "x",
                                fd_followup_get_customer_id (followup));
}

static void
start_notifications (FdApplication *self)
{
  g_autofree char *recipient = fd_followup_notifier_default_recipient ();
  gint64 staff_id = self->settings != NULL ? g_settings_get_int64 (self->settings, "staff-id") : 0;

  g_clear_object (&self->notifications);
  self->notifications = fd_notifications_new (self->store, recipient, MAX (staff_id, 0));
  g_signal_connect_object (self->notifications, "open", G_CALLBACK (on_notifications_open_cb), self,
                           G_CONNECT_SWAPPED);
  fd_notifications_start (self->notifications);
}

static void
on_settings_staff_id_changed_cb (FdApplication *self)
{
  if (self->notifications != NULL)
    start_notifications (self);
}

static void
on_settings_run_in_background_changed_cb (FdApplication *self)
{
  g_autoptr(GError) error = NULL;

  if (!update_autostart (self, g_settings_get_boolean (self->settings, "run-in-background"), &error))
    g_warning ("Cannot change the autostart entry: %s", error->message);
  update_hold (self);
}

/* Opens the database once per process: the window, the notifications and the background
 * share it. */
static gboolean
ensure_store (FdApplication  *self,
              GError        **error)
{
  g_autofree char *path = NULL;
  g_autoptr(FdStore) store = NULL;

  if (self->store != NULL)
    return TRUE;

  path = self->db_path ? g_strdup (self->db_path) : fd_store_default_path ();
  store = fd_store_open (path, error);
  if (store == NULL)
    return FALSE;

  self->store = g_steal_pointer (&store);
  /* The queue changes from other desks, the board and the CLI: follow them. */
  fd_store_watch (self->store);

  if (self->settings != NULL)
    g_settings_set_string (self->settings, "last-database", fd_store_get_path (self->store));

  start_notifications (self);
  update_hold (self);

  return TRUE;
}

static gboolean
prewarm_cb (gpointer user_data)
{
  g_autoptr(FdApplication) self = user_data;

  if (self->store != NULL)
    fd_store_prewarm_async (self->store);

  return G_SOURCE_REMOVE;
}

static void
quit_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  FdApplication *self = user_data;
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Quit means quit, in the background too: no hold keeps the app once the windows close. */
  self->quitting = TRUE;
  update_hold (self);

  /* Closing goes through each window's unsaved-changes check; the app ends with the last. */
  for (const GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (GTK_WINDOW (l->data));
}

static void
about_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  FdApplication *self = user_data;
  const char *developers[] = { _("The Frontdesk developers"), NULL };
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", parent,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Frontdesk"),
                        "developer-name", _("The Frontdesk developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Customer service at the front desk: customers, visits, claims and follow-ups in one place."),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);

  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  FdApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (self->store == NULL)
    return;

  gtk_window_present (GTK_WINDOW (fd_preferences_window_new (parent, self->store)));
}

static void
shortcuts_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  FdApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* GtkApplicationWindow owns the help overlay; this only reaches it from outside a window. */
  if (window != NULL)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "preferences", preferences_action },
  { "shortcuts", shortcuts_action },
};

static int
fd_application_handle_local_options (GApplication *application,
                                     GVariantDict *options)
{
  FdApplication *self = FD_APPLICATION (application);
  g_autofree char *path = NULL;

  if (g_variant_dict_lookup (options, "db", "^ay", &path) && path[0] != '\0')
    {
      g_free (self->db_path);
      self->db_path = g_canonicalize_filename (path, NULL);
    }

  if (g_variant_dict_contains (options, "background"))
    {
      g_autoptr(GError) error = NULL;
      const char *debug = g_getenv ("GDK_DEBUG");

      /* GDK sets up GL when it opens the display (on X11, to pick the visual), which maps
       * the GL driver: about 60 MB resident with Mesa's llvmpipe, against under 30 MB for
       * the whole process without. A process that mostly waits for due times does without
       * GL, before GTK starts (register runs startup); a window it opens later draws with
       * the cairo renderer. */
      if (debug == NULL || strstr (debug, "gl-") == NULL)
        {
          g_autofree char *value = debug != NULL && *debug != '\0' ? g_strconcat (debug, ",gl-disable", NULL)
                                                                 : g_strdup ("gl-disable");
          g_setenv ("GDK_DEBUG", value, TRUE);
        }

      if (!g_application_register (application, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return EXIT_FAILURE;
        }
      /* Already running: it is the notifier, and it must not open a window for this. */
      if (g_application_get_is_remote (application))
        return EXIT_SUCCESS;

      self->background = TRUE;
      self->background_pending = TRUE;
    }

  return G_APPLICATION_CLASS (fd_application_parent_class)->handle_local_options (application, options);
}

static void
fd_application_startup (GApplication *application)
{
  FdApplication *self = FD_APPLICATION (application);
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *preferences_accels[] = { "<Control>comma", NULL };

  G_APPLICATION_CLASS (fd_application_parent_class)->startup (application);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.preferences", preferences_accels);

  self->settings = new_settings_if_installed ();
  if (self->settings != NULL)
    {
      g_signal_connect_object (self->settings, "changed::staff-id",
                               G_CALLBACK (on_settings_staff_id_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->settings, "changed::run-in-background",
                               G_CALLBACK (on_settings_run_in_background_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
fd_application_shutdown (GApplication *application)
{
  FdApplication *self = FD_APPLICATION (application);

  g_clear_object (&self->notifications);
  if (notify_is_initted ())
    notify_uninit ();

  G_APPLICATION_CLASS (fd_application_parent_class)->shutdown (application);
}

static void
fd_application_activate (GApplication *application)
{
  FdApplication *self = FD_APPLICATION (application);
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  /* `frontdesk --background`: the notifier alone, no window. A later `frontdesk` reaches
   * this process (GApplication uniqueness) and opens the window below. */
  if (self->background_pending)
    {
      self->background_pending = FALSE;
      if (!ensure_store (self, &error))
        g_printerr ("%s\n", error->message);
      return;
    }

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (!ensure_store (self, &error))
    {
      show_open_error (self, error);
      return;
    }

  window = GTK_WINDOW (fd_window_new (ADW_APPLICATION (self), self->store));
  gtk_window_present (window);

  /* Warming the page cache is I/O: start it only once the first frame is out. */
  g_idle_add_full (G_PRIORITY_LOW, prewarm_cb, g_object_ref (self), NULL);
}

static void
fd_application_dispose (GObject *object)
{
  FdApplication *self = (FdApplication *)object;

  g_clear_object (&self->notifications);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (fd_application_parent_class)->dispose (object);
}

static void
fd_application_finalize (GObject *object)
{
  FdApplication *self = (FdApplication *)object;

  g_clear_pointer (&self->db_path, g_free);

  G_OBJECT_CLASS (fd_application_parent_class)->finalize (object);
}

static void
fd_application_class_init (FdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = fd_application_dispose;
  object_class->finalize = fd_application_finalize;

  app_class->handle_local_options = fd_application_handle_local_options;
  app_class->startup = fd_application_startup;
  app_class->activate = fd_application_activate;
  app_class->shutdown = fd_application_shutdown;
}

static void
fd_application_init (FdApplication *self)
{
  g_application_add_main_option (G_APPLICATION (self), "db", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_FILENAME,
                                 /* Translators: help for the --db command line option */
                                 _("Open the database at PATH"),
                                 /* Translators: placeholder in the --db option's help */
                                 _("PATH"));
  g_application_add_main_option (G_APPLICATION (self), "background", 0, G_OPTION_FLAG_NONE,
                                 G_OPTION_ARG_NONE,
                                 /* Translators: help for the --background command line option */
                                 _("Run without a window and announce follow-ups as they fall due"),
                                 NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Customer service at the front desk."));
}

/* Binds the message catalogue; FRONTDESK_LOCALEDIR lets uninstalled runs and tests use the
 * catalogues in the build directory. */
void
fd_application_init_i18n (void)
{
  const char *localedir = g_getenv ("FRONTDESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

FdApplication *
fd_application_new (void)
{
  return g_object_new (FD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

FdStore *
fd_application_get_store (FdApplication *self)
{
  g_return_val_if_fail (FD_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * fd_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings, or %NULL when the
 *   schema is not installed
 */
GSettings *
fd_application_get_settings (FdApplication *self)
{
  g_return_val_if_fail (FD_IS_APPLICATION (self), NULL);

  return self->settings;
}
