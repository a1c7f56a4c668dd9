/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-board-window"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-board-window.h"

/* Readable across a room: a handful of lines, not the whole queue. */
#define MAX_SERVING 5
#define MAX_NEXT 6

struct _FdBoardWindow
{
  AdwWindow       parent_instance;

  /* Template children */
  GtkRevealer    *header_revealer;
  AdwWindowTitle *window_title;
  GtkButton      *fullscreen_button;
  GtkLabel       *serving_heading;
  GtkLabel       *next_heading;
  GtkBox         *serving_box;
  GtkBox         *next_box;

  /* Owned */
  FdStore        *store;
  gint64          branch_id;
  GListStore     *serving;
  GListStore     *next;
  /* The board's words, in the branch's language (see load_strings()) */
  char           *empty_text;
  char           *spoken_format;
};

G_DEFINE_FINAL_TYPE (FdBoardWindow, fd_board_window, ADW_TYPE_WINDOW)

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, css_class);

  return label;
}

/* The language customers at a branch in @country read; NULL for the UI language. */
static const char *
language_for_country (const char *country)
{
  if (g_strcmp0 (country, "NL") == 0 || g_strcmp0 (country, "BE") == 0)
    return "nl";
  if (g_strcmp0 (country, "RS") == 0)
    return "sr";
  if (g_strcmp0 (country, "LV") == 0)
    return "lv";

  return NULL;
}

/* The board is read by the customers in the waiting room, so it speaks the branch's language
 * whatever language the staff run Frontdesk in. gettext has no per-call language, but glibc
 * reads LANGUAGE on each lookup (unless the locale is plain C) and keeps the translations it
 * found in a cache: textdomain (textdomain (NULL)) bumps its catalogue counter, dropping that
 * cache. So: switch LANGUAGE, flush, read the board's few strings, restore LANGUAGE, flush
 * again so the rest of the UI is not left in the board's language. setenv() is not
 * thread-safe: this runs on the main thread, for a moment, when the branch is loaded. */
static void
load_strings (FdBoardWindow *self,
              const char    *language)
{
  g_autofree char *saved = g_strdup (g_getenv ("LANGUAGE"));

  if (language != NULL)
    {
      g_setenv ("LANGUAGE", language, TRUE);
      textdomain (textdomain (NULL));
    }

  /* Translators: heading on the waiting-room board, above the tickets called to a desk */
  gtk_label_set_text (self->serving_heading, _("Now Serving"));
  /* Translators: heading on the waiting-room board, above the tickets that will be called next */
  gtk_label_set_text (self->next_heading, _("Next"));
  g_free (self->empty_text);
  self->empty_text = g_strdup (_("Please take a seat. Your number will appear here."));
  g_free (self->spoken_format);
  /* Translators: what a screen reader says for a line of the board: %1$s is a ticket
   * number, %2$s the desk's name */
  self->spoken_format = g_strdup (_("Ticket %1$s, please go to %2$s"));

  if (language != NULL)
    {
      if (saved != NULL)
        g_setenv ("LANGUAGE", saved, TRUE);
      else
        g_unsetenv ("LANGUAGE");
      textdomain (textdomain (NULL));
    }
}

static GtkWidget *
new_serving_row (FdBoardWindow *self,
                 FdVisit       *visit,
                 gboolean       latest)
{
  const char *desk = fd_visit_get_desk_name (visit) ? fd_visit_get_desk_name (visit) : "";
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  GtkWidget *desk_label = new_label (desk, "fd-board-desk");
  g_autofree char *spoken = NULL;

  gtk_widget_add_css_class (row, "fd-board-row");
  if (latest)
    gtk_widget_add_css_class (row, "fd-board-latest");

  gtk_box_append (GTK_BOX (row), new_label (fd_visit_get_ticket (visit), "fd-board-ticket"));
  gtk_image_set_pixel_size (GTK_IMAGE (arrow), 48);
  gtk_box_append (GTK_BOX (row), arrow);
  gtk_label_set_wrap (GTK_LABEL (desk_label), TRUE);
  gtk_widget_set_hexpand (desk_label, TRUE);
  gtk_box_append (GTK_BOX (row), desk_label);

  /* The format comes from the catalogue, in the branch's language: see load_strings(). */
  spoken = g_strdup_printf (self->spoken_format, fd_visit_get_ticket (visit), desk);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);

  return row;
}

static void
refresh (FdBoardWindow *self)
{
  g_autoptr(GPtrArray) serving = NULL;
  g_autoptr(GPtrArray) queue = NULL;
  g_autoptr(GError) error = NULL;
  guint n_serving, n_next;

  if (self->store == NULL || self->branch_id <= 0)
    return;

  serving = fd_store_list_serving (self->store, self->branch_id, &error);
  if (serving == NULL)
    {
      g_warning ("Could not read the visits being served: %s", error->message);
      return;
    }

  queue = fd_store_list_queue (self->store, self->branch_id, &error);
  if (queue == NULL)
    {
      g_warning ("Could not read the queue: %s", error->message);
      return;
    }

  n_serving = MIN (serving->len, MAX_SERVING);
  n_next = MIN (queue->len, MAX_NEXT);
  g_list_store_splice (self->serving, 0, g_list_model_get_n_items (G_LIST_MODEL (self->serving)),
                       serving->pdata, n_serving);
  g_list_store_splice (self->next, 0, g_list_model_get_n_items (G_LIST_MODEL (self->next)),
                       queue->pdata, n_next);

  clear_box (self->serving_box);
  for (guint i = 0; i < n_serving; i++)
    gtk_box_append (self->serving_box, new_serving_row (self, g_ptr_array_index (serving, i), i == 0));
  if (n_serving == 0)
    gtk_box_append (self->serving_box, new_label (self->empty_text, "fd-board-empty"));

  clear_box (self->next_box);
  for (guint i = 0; i < n_next; i++)
    gtk_box_append (self->next_box, new_label (fd_visit_get_ticket (g_ptr_array_index (queue, i)),
                                               "fd-board-next"));

  /* The labels wrap inside their column. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->serving_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child))
      gtk_label_set_wrap (GTK_LABEL (child), TRUE);
}

static void
load_branch (FdBoardWindow *self)
{
  g_autoptr(FdBranch) branch = NULL;

  if (self->store != NULL && self->branch_id > 0)
    branch = fd_store_get_branch (self->store, self->branch_id, NULL);

  adw_window_title_set_subtitle (self->window_title, branch != NULL ? fd_branch_get_name (branch) : NULL);
  load_strings (self, branch != NULL ? language_for_country (fd_branch_get_country (branch)) : NULL);
}

/* Signal callbacks */

static void
on_store_visits_changed_cb (FdBoardWindow *self)
{
  refresh (self);
}

static void
on_store_branches_changed_cb (FdBoardWindow *self)
{
  load_branch (self);
  refresh (self);
}

static void
on_fullscreened_changed_cb (FdBoardWindow *self)
{
  gboolean fullscreen = gtk_window_is_fullscreen (GTK_WINDOW (self));

  /* Fullscreen shows the board alone; F11 or Escape bring the header back. */
  gtk_revealer_set_reveal_child (self->header_revealer, !fullscreen);
  gtk_button_set_icon_name (self->fullscreen_button,
                            fullscreen ? "view-restore-symbolic" : "view-fullscreen-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->fullscreen_button),
                               fullscreen ? _("Leave Fullscreen (F11)") : _("Fullscreen (F11)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fullscreen_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fullscreen ? _("Leave Fullscreen") : _("Fullscreen"), -1);
}

/* Actions */

static void
toggle_fullscreen_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  if (gtk_window_is_fullscreen (GTK_WINDOW (widget)))
    gtk_window_unfullscreen (GTK_WINDOW (widget));
  else
    gtk_window_fullscreen (GTK_WINDOW (widget));
}

static void
leave_fullscreen_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *param)
{
  gtk_window_unfullscreen (GTK_WINDOW (widget));
}

/* GObject */

static void
fd_board_window_dispose (GObject *object)
{
  FdBoardWindow *self = (FdBoardWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_BOARD_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->serving);
  g_clear_object (&self->next);

  G_OBJECT_CLASS (fd_board_window_parent_class)->dispose (object);
}

static void
fd_board_window_finalize (GObject *object)
{
  FdBoardWindow *self = (FdBoardWindow *)object;

  g_free (self->empty_text);
  g_free (self->spoken_format);

  G_OBJECT_CLASS (fd_board_window_parent_class)->finalize (object);
}

static void
fd_board_window_class_init (FdBoardWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_board_window_dispose;
  object_class->finalize = fd_board_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-board-window.ui");
  gtk_widget_class_bind_template_child (widget_class, FdBoardWindow, header_revealer);
  gtk_widget_class_bind_template_child (widget_class, FdBoardWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, FdBoardWindow, fullscreen_button);
  gtk_widget_class_bind_template_child (widget_class, FdBoardWindow, serving_heading);
  gtk_widget_class_bind_template_child (widget_class, FdBoardWindow, next_heading);
  gtk_widget_class_bind_template_child (widget_class, FdBoardWindow, serving_box);
  gtk_widget_class_bind_template_child (widget_class, FdBoardWindow, next_box);
  gtk_widget_class_bind_template_callback (widget_class, on_fullscreened_changed_cb);

  gtk_widget_class_install_action (widget_class, "board.toggle-fullscreen", NULL, toggle_fullscreen_action);
  gtk_widget_class_install_action (widget_class, "board.leave-fullscreen", NULL, leave_fullscreen_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F11, 0, "board.toggle-fullscreen", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "board.leave-fullscreen", NULL);
}

static void
fd_board_window_init (FdBoardWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->serving = g_list_store_new (FD_TYPE_VISIT);
  self->next = g_list_store_new (FD_TYPE_VISIT);
  load_strings (self, NULL);
}

FdBoardWindow *
fd_board_window_new (FdStore *store,
                     gint64   branch_id)
{
  FdBoardWindow *self;

  g_return_val_if_fail (FD_IS_STORE (store), NULL);

  self = g_object_new (FD_TYPE_BOARD_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->branch_id = branch_id;

  g_signal_connect_object (store, "visits-changed", G_CALLBACK (on_store_visits_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "branches-changed", G_CALLBACK (on_store_branches_changed_cb), self,
                           G_CONNECT_SWAPPED);

  load_branch (self);
  refresh (self);

  return self;
}

GListModel *
fd_board_window_get_serving (FdBoardWindow *self)
{
  g_return_val_if_fail (FD_IS_BOARD_WINDOW (self), NULL);

  return G_LIST_MODEL (self->serving);
}

GListModel *
fd_board_window_get_next (FdBoardWindow *self)
{
  g_return_val_if_fail (FD_IS_BOARD_WINDOW (self), NULL);

  return G_LIST_MODEL (self->next);
}
