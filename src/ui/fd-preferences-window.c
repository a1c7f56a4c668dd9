/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-application.h"
#include "fd-preferences-window.h"

struct _FdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  /* Template children */
  AdwActionRow         *path_row;
  AdwActionRow         *count_row;
  AdwPreferencesGroup  *window_group;
  GtkSwitch            *maximized_switch;

  /* Owned */
  FdStore              *store;
};

G_DEFINE_FINAL_TYPE (FdPreferencesWindow, fd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static void
copy_path_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *param)
{
  FdPreferencesWindow *self = FD_PREFERENCES_WINDOW (widget);
  g_autofree char *display = NULL;

  if (self->store == NULL)
    return;

  display = g_filename_display_name (fd_store_get_path (self->store));
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), display);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                    adw_toast_new (_("File name copied")));
}

static void
fd_preferences_window_dispose (GObject *object)
{
  FdPreferencesWindow *self = (FdPreferencesWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_preferences_window_parent_class)->dispose (object);
}

static void
fd_preferences_window_class_init (FdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, path_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, count_row);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, window_group);
  gtk_widget_class_bind_template_child (widget_class, FdPreferencesWindow, maximized_switch);

  gtk_widget_class_install_action (widget_class, "preferences.copy-path", NULL, copy_path_action);
}

static void
fd_preferences_window_init (FdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fd_preferences_window_new (GtkWindow *parent,
                           FdStore   *store)
{
  FdPreferencesWindow *self;
  g_autofree char *display = NULL;
  g_autofree char *count = NULL;
  GApplication *app = g_application_get_default ();
  GSettings *settings = NULL;
  guint n_customers;

  g_return_val_if_fail (!parent || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  self = g_object_new (FD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
  self->store = g_object_ref (store);

  display = g_filename_display_name (fd_store_get_path (store));
  adw_action_row_set_subtitle (self->path_row, display);

  n_customers = fd_store_count_customers (store);
  /* Translators: number of customers that are not archived */
  count = g_strdup_printf (ngettext ("%'u customer", "%'u customers", n_customers), n_customers);
  adw_action_row_set_subtitle (self->count_row, count);

  if (FD_IS_APPLICATION (app))
    settings = fd_application_get_settings (FD_APPLICATION (app));

  if (settings != NULL)
    g_settings_bind (settings, "window-maximized", self->maximized_switch, "active", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_visible (GTK_WIDGET (self->window_group), FALSE);

  return GTK_WIDGET (self);
}
