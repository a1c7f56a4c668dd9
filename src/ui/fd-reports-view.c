/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-reports-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-date-time.h"
#include "fd-report-format.h"
#include "fd-report-print.h"
#include "fd-reports-view.h"

/* The waiting target is saved this long after the spin button last moved. */
#define TARGET_SAVE_DELAY_MS 600

struct _FdReportsView
{
  AdwBin           parent_instance;

  /* Template children */
  GtkDropDown     *range_dropdown;
  GtkWidget       *custom_box;
  GtkMenuButton   *from_button;
  GtkMenuButton   *to_button;
  GtkCalendar     *from_calendar;
  GtkCalendar     *to_calendar;
  GtkDropDown     *branch_dropdown;
  GtkStringList   *branch_list;
  GtkLabel        *range_label;
  GtkSpinner      *spinner;
  GtkStack        *report_stack;

  /* Owned */
  FdStore         *store;
  GArray          *branch_ids;        /* gint64, parallel to branch_list */
  FdReportSection *sections[FD_REPORT_N_KINDS];
  GtkSpinButton   *target_spin;
  guint            target_timeout_id;

  int              from_day;
  int              to_day;
  guint            dirty : 1;
  guint            updating : 1;      /* filling the controls: their signals run nothing */
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdReportsView, fd_reports_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
add_toast (FdReportsView *self,
           const char    *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static gint64
get_branch_id (FdReportsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->branch_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->branch_ids->len)
    return 0;

  return g_array_index (self->branch_ids, gint64, selected);
}

static const char *
get_branch_name (FdReportsView *self)
{
  guint selected = gtk_drop_down_get_selected (self->branch_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->branch_ids->len)
    return _("All Branches");

  return gtk_string_list_get_string (self->branch_list, selected);
}

static gboolean
all_reports_ready (FdReportsView *self)
{
  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    if (fd_report_section_get_report (self->sections[kind]) == NULL)
      return FALSE;

  return TRUE;
}

static void
update_actions (FdReportsView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.refresh", self->store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.export-pdf",
                                 self->store != NULL && all_reports_ready (self));
}

static void
update_spinner (FdReportsView *self)
{
  gboolean running = FALSE;

  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    running |= fd_report_section_get_running (self->sections[kind]);

  gtk_spinner_set_spinning (self->spinner, running);
}

/* The days the chosen period covers, up to today. */
static void
compute_days (FdReportsView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) from = NULL;
  g_autofree char *range = NULL;
  int quarter_month;

  switch (gtk_drop_down_get_selected (self->range_dropdown))
    {
    case FD_REPORTS_RANGE_THIS_QUARTER:
      quarter_month = (g_date_time_get_month (now) - 1) / 3 * 3 + 1;
      from = g_date_time_new_local (g_date_time_get_year (now), quarter_month, 1, 12, 0, 0);
      break;
    case FD_REPORTS_RANGE_LAST_12_MONTHS:
      {
        g_autoptr(GDateTime) year_ago = g_date_time_add_years (now, -1);

        from = g_date_time_add_days (year_ago, 1);
      }
      break;
    case FD_REPORTS_RANGE_CUSTOM:
      {
        int a = fd_date_time_get_calendar_day (self->from_calendar);
        int b = fd_date_time_get_calendar_day (self->to_calendar);

        self->from_day = MIN (a, b);
        self->to_day = MAX (a, b);
      }
      break;
    case FD_REPORTS_RANGE_LAST_4_WEEKS:
    default:
      from = g_date_time_add_days (now, -27);
      break;
    }

  if (from != NULL)
    {
      self->from_day = fd_date_time_to_day (from);
      self->to_day = fd_date_time_to_day (now);
    }

  /* The presets say which days they are; a custom period shows them on its buttons. */
  range = fd_report_format_range (self->from_day, self->to_day);
  gtk_label_set_label (self->range_label,
                       gtk_drop_down_get_selected (self->range_dropdown) == FD_REPORTS_RANGE_CUSTOM ? "" : range);
}

static void
run_all (FdReportsView *self)
{
  gint64 branch_id = get_branch_id (self);

  if (self->store == NULL)
    return;

  self->dirty = FALSE;
  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    fd_report_section_run (self->sections[kind], self->store, self->from_day, self->to_day, branch_id);
}

/* Runs now when the page is on screen, else when it is next shown. */
static void
queue_run (FdReportsView *self)
{
  self->dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    run_all (self);
}

static void
fill_branches (FdReportsView *self)
{
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  gint64 selected_id = get_branch_id (self);
  guint selected = 0;

  if (self->store != NULL)
    {
      branches = fd_store_list_branches (self->store, &error);
      if (branches == NULL)
        g_warning ("Could not list branches: %s", error->message);
    }

  g_array_set_size (self->branch_ids, 0);
  g_array_append_val (self->branch_ids, (gint64) { 0 });
  g_ptr_array_add (names, (gpointer) _("All Branches"));
  for (guint i = 0; branches != NULL && i < branches->len; i++)
    {
      FdBranch *branch = g_ptr_array_index (branches, i);
      gint64 id = fd_branch_get_id (branch);

      g_array_append_val (self->branch_ids, id);
      g_ptr_array_add (names, (gpointer) fd_branch_get_name (branch));
      if (id == selected_id)
        selected = i + 1;
    }
  g_ptr_array_add (names, NULL);

  self->updating = TRUE;
  gtk_string_list_splice (self->branch_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->branch_list)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->branch_dropdown, selected);
  self->updating = FALSE;
}

static void
on_store_branches_changed_cb (FdReportsView *self)
{
  gint64 before = get_branch_id (self);

  fill_branches (self);
  if (get_branch_id (self) != before)
    queue_run (self);
}

static void
on_store_data_changed_cb (FdReportsView *self)
{
  /* Never recalculated behind the manager's back while they read: F5, or the next time
   * the page is shown. */
  self->dirty = TRUE;
}

static void
on_range_dropdown_selected_cb (FdReportsView *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->range_dropdown) == FD_REPORTS_RANGE_CUSTOM;

  if (self->updating)
    return;

  if (custom)
    {
      /* A custom period starts from the one shown. */
      self->updating = TRUE;
      fd_date_time_select_calendar_day (self->from_calendar, self->from_day);
      fd_date_time_select_calendar_day (self->to_calendar, self->to_day);
      fd_date_time_set_button_day (self->from_button, _("First day"), self->from_day);
      fd_date_time_set_button_day (self->to_button, _("Last day"), self->to_day);
      self->updating = FALSE;
    }
  gtk_widget_set_visible (self->custom_box, custom);

  compute_days (self);
  queue_run (self);
}

static void
on_calendar_day_selected_cb (FdReportsView *self,
                             GtkCalendar   *calendar)
{
  if (self->updating)
    return;

  compute_days (self);
  fd_date_time_set_button_day (self->from_button, _("First day"), self->from_day);
  fd_date_time_set_button_day (self->to_button, _("Last day"), self->to_day);
  gtk_menu_button_popdown (calendar == self->from_calendar ? self->from_button : self->to_button);
  queue_run (self);
}

static void
on_branch_dropdown_selected_cb (FdReportsView *self)
{
  if (self->updating)
    return;

  queue_run (self);
}

static gboolean
save_target_cb (gpointer user_data)
{
  FdReportsView *self = user_data;
  g_autoptr(GError) error = NULL;
  int seconds = gtk_spin_button_get_value_as_int (self->target_spin) * 60;

  self->target_timeout_id = 0;

  if (self->store == NULL || seconds == fd_store_get_wait_target (self->store))
    return G_SOURCE_REMOVE;

  if (!fd_store_set_wait_target (self->store, seconds, &error))
    {
      add_toast (self, error->message);
      return G_SOURCE_REMOVE;
    }

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    fd_report_section_run (self->sections[FD_REPORT_WAITING], self->store, self->from_day, self->to_day,
                           get_branch_id (self));
  else
    self->dirty = TRUE;

  return G_SOURCE_REMOVE;
}

static void
on_target_spin_value_changed_cb (FdReportsView *self)
{
  if (self->updating)
    return;

  g_clear_handle_id (&self->target_timeout_id, g_source_remove);
  self->target_timeout_id = g_timeout_add (TARGET_SAVE_DELAY_MS, save_target_cb, self);
}

static void
on_section_running_changed_cb (FdReportsView *self)
{
  update_spinner (self);
}

static void
on_section_report_changed_cb (FdReportsView *self)
{
  update_actions (self);
}

static void
on_map_cb (FdReportsView *self)
{
  if (self->dirty)
    run_all (self);
}

/* PDF export */

typedef struct
{
  GVariant *reports[FD_REPORT_N_KINDS];
  char     *branch_name;
  char     *path;
  int       from_day;
  int       to_day;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    g_clear_pointer (&export->reports[kind], g_variant_unref);
  g_free (export->branch_name);
  g_free (export->path);
  g_free (export);
}

static void
export_pdf_worker (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  ExportData *export = task_data;
  GError *error = NULL;

  if (!fd_report_print_write_pdf (export->reports, export->from_day, export->to_day, export->branch_name,
                                  export->path, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

void
fd_reports_view_export_pdf_async (FdReportsView       *self,
                                  GFile               *file,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (FD_IS_REPORTS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, fd_reports_view_export_pdf_async);

  if (g_file_peek_path (file) == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                               _("Choose a folder on this computer to save the reports in."));
      return;
    }

  export = g_new0 (ExportData, 1);
  /* The reports shown, as they are: the PDF says what the page says. */
  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    {
      GVariant *report = fd_report_section_get_report (self->sections[kind]);

      export->reports[kind] = report != NULL ? g_variant_ref (report) : NULL;
    }
  export->branch_name = g_strdup (get_branch_name (self));
  export->path = g_file_get_path (file);
  export->from_day = self->from_day;
  export->to_day = self->to_day;
  g_task_set_task_data (task, export, export_data_free);
  g_task_run_in_thread (task, export_pdf_worker);
}

gboolean
fd_reports_view_export_pdf_finish (FdReportsView  *self,
                                   GAsyncResult   *result,
                                   GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

static void
export_pdf_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  FdReportsView *self = FD_REPORTS_VIEW (source);
  g_autoptr(GFile) file = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (!fd_reports_view_export_pdf_finish (self, result, &error))
    {
      add_toast (self, error->message);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the PDF file the reports were saved to */
  message = g_strdup_printf (_("Saved as %s"), name);
  add_toast (self, message);
}

static void
on_export_dialog_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              gpointer         user_data)
{
  g_autoptr(FdReportsView) self = user_data;
  GFile *file;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (dialog);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);
  fd_reports_view_export_pdf_async (self, file, NULL, export_pdf_cb, file);
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FdReportsView *self = FD_REPORTS_VIEW (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  if (!all_reports_ready (self))
    return;

  dialog = gtk_file_chooser_native_new (_("Export Reports as PDF"),
                                        GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Translators: the suggested file name of the reports exported as PDF */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _("Reports.pdf"));
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_pattern (filter, "*.pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_dialog_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  fd_reports_view_refresh (FD_REPORTS_VIEW (widget));
}

static void
build_target_control (FdReportsView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (_("_Target"));
  GtkWidget *unit = gtk_label_new (C_("waiting target unit", "min"));
  GtkWidget *spin = gtk_spin_button_new_with_range (1, 120, 1);

  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), spin);
  gtk_widget_set_tooltip_text (spin, _("Customers called within this many minutes count as called on time"));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_RELATION_LABELLED_BY, label, NULL, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Waiting target in minutes"), -1);
  gtk_widget_add_css_class (unit, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), spin);
  gtk_box_append (GTK_BOX (box), unit);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (on_target_spin_value_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->target_spin = GTK_SPIN_BUTTON (spin);
  fd_report_section_add_header_widget (self->sections[FD_REPORT_WAITING], box);
}

static void
fd_reports_view_dispose (GObject *object)
{
  FdReportsView *self = FD_REPORTS_VIEW (object);

  g_clear_handle_id (&self->target_timeout_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_REPORTS_VIEW);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_reports_view_parent_class)->dispose (object);
}

static void
fd_reports_view_finalize (GObject *object)
{
  FdReportsView *self = FD_REPORTS_VIEW (object);

  g_clear_pointer (&self->branch_ids, g_array_unref);

  G_OBJECT_CLASS (fd_reports_view_parent_class)->finalize (object);
}

static void
fd_reports_view_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  FdReportsView *self = FD_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_reports_view_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  FdReportsView *self = FD_REPORTS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_reports_view_set_store (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_reports_view_class_init (FdReportsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_reports_view_dispose;
  object_class->finalize = fd_reports_view_finalize;
  object_class->get_property = fd_reports_view_get_property;
  object_class->set_property = fd_reports_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/frontdesk/Frontdesk/ui/fd-reports-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, range_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, custom_box);
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, from_button);
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, to_button);
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, branch_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, branch_list);
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, range_label);
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, FdReportsView, report_stack);
  gtk_widget_class_bind_template_callback (widget_class, on_range_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_branch_dropdown_selected_cb);

  gtk_widget_class_install_action (widget_class, "reports.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "reports.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "reports.export-pdf", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "reports.refresh", NULL);

  g_type_ensure (FD_TYPE_REPORT_SECTION);
}

static void
fd_reports_view_init (FdReportsView *self)
{
  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->dirty = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (int kind = 0; kind < FD_REPORT_N_KINDS; kind++)
    {
      GtkWidget *section = fd_report_section_new (kind);

      self->sections[kind] = FD_REPORT_SECTION (section);
      gtk_stack_add_titled (self->report_stack, section, fd_report_kind_to_code (kind),
                            fd_report_kind_to_label (kind));
      g_signal_connect_object (section, "notify::running", G_CALLBACK (on_section_running_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (section, "notify::report", G_CALLBACK (on_section_report_changed_cb), self,
                               G_CONNECT_SWAPPED);
    }

  build_target_control (self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  fill_branches (self);
  compute_days (self);
  update_actions (self);
}

FdStore *
fd_reports_view_get_store (FdReportsView *self)
{
  g_return_val_if_fail (FD_IS_REPORTS_VIEW (self), NULL);

  return self->store;
}

void
fd_reports_view_set_store (FdReportsView *self,
                           FdStore       *store)
{
  g_return_if_fail (FD_IS_REPORTS_VIEW (self));
  g_return_if_fail (store == NULL || FD_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  if (store != NULL)
    {
      g_signal_connect_object (store, "branches-changed", G_CALLBACK (on_store_branches_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "visits-changed", G_CALLBACK (on_store_data_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "claims-changed", G_CALLBACK (on_store_data_changed_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "customers-changed", G_CALLBACK (on_store_data_changed_cb), self,
                               G_CONNECT_SWAPPED);

      self->updating = TRUE;
      gtk_spin_button_set_value (self->target_spin, MAX (1, fd_store_get_wait_target (store) / 60));
      self->updating = FALSE;
    }

  fill_branches (self);
  update_actions (self);
  queue_run (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

FdReportSection *
fd_reports_view_get_section (FdReportsView *self,
                             FdReportKind   kind)
{
  g_return_val_if_fail (FD_IS_REPORTS_VIEW (self), NULL);
  g_return_val_if_fail (kind < FD_REPORT_N_KINDS, NULL);

  return self->sections[kind];
}

void
fd_reports_view_get_days (FdReportsView *self,
                          int           *from_day,
                          int           *to_day)
{
  g_return_if_fail (FD_IS_REPORTS_VIEW (self));

  if (from_day != NULL)
    *from_day = self->from_day;
  if (to_day != NULL)
    *to_day = self->to_day;
}

void
fd_reports_view_set_range (FdReportsView  *self,
                           FdReportsRange  range)
{
  g_return_if_fail (FD_IS_REPORTS_VIEW (self));
  g_return_if_fail (range <= FD_REPORTS_RANGE_CUSTOM);

  gtk_drop_down_set_selected (self->range_dropdown, range);
}

void
fd_reports_view_refresh (FdReportsView *self)
{
  g_return_if_fail (FD_IS_REPORTS_VIEW (self));

  compute_days (self);
  run_all (self);
}

void
fd_reports_view_focus (FdReportsView *self)
{
  g_return_if_fail (FD_IS_REPORTS_VIEW (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->range_dropdown));
}
