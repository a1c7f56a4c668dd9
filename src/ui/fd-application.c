/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-application"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "fd-application.h"
#include "fd-preferences-window.h"
#include "fd-window.h"

struct _FdApplication
{
  AdwApplication  parent_instance;

  /* Owned */
  char           *db_path;
  FdStore        *store;
  GSettings      *settings;
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
}

static void
fd_application_activate (GApplication *application)
{
  FdApplication *self = FD_APPLICATION (application);
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;

  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  path = self->db_path ? g_strdup (self->db_path) : fd_store_default_path ();

  if (self->store == NULL)
    {
      g_autoptr(FdStore) store = fd_store_open (path, &error);

      if (store == NULL)
        {
          show_open_error (self, error);
          return;
        }

      self->store = g_steal_pointer (&store);
      /* The queue changes from other desks, the board and the CLI: follow them. */
      fd_store_watch (self->store);

      if (self->settings != NULL)
        g_settings_set_string (self->settings, "last-database", fd_store_get_path (self->store));
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
