/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-report-section"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fd-report-chart.h"
#include "fd-report-format.h"
#include "fd-report-section.h"

struct _FdReportSection
{
  AdwBin        parent_instance;

  /* Template children */
  GtkBox       *header_box;
  GtkLabel     *title_label;
  GtkSpinner   *spinner;
  GtkWidget    *export_button;
  GtkLabel     *error_label;
  GtkFlowBox   *figures_box;
  GtkBox       *charts_box;
  GtkBox       *tables_box;

  /* Owned */
  GVariant     *report;
  GCancellable *cancellable;
  GPtrArray    *charts;       /* FdReportChartView, borrowed from charts_box */
  GHashTable   *tables;       /* table key → GtkGrid, borrowed from tables_box */

  FdReportKind  kind;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_REPORT,
  PROP_RUNNING,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdReportSection, fd_report_section, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static void
add_toast (FdReportSection *self,
           const char      *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
}

static void
update_actions (FdReportSection *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.export-csv", self->report != NULL);
}

static void
remove_children (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
show_figures (FdReportSection *self)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  remove_children (GTK_WIDGET (self->figures_box));

  g_variant_iter_init (&iter, self->report);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      g_autofree char *text = NULL;
      g_autofree char *spoken = NULL;
      GtkWidget *box, *number, *caption, *child;

      if (fd_report_value_is_table (value))
        continue;

      text = fd_report_format_value (self->kind, key, value, NULL);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      gtk_widget_add_css_class (box, "fd-report-figure");
      number = gtk_label_new (text);
      gtk_label_set_xalign (GTK_LABEL (number), 0);
      gtk_widget_add_css_class (number, "title-1");
      gtk_widget_add_css_class (number, "fd-report-number");
      caption = gtk_label_new (fd_report_key_to_label (key));
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_box_append (GTK_BOX (box), number);
      gtk_box_append (GTK_BOX (box), caption);

      gtk_flow_box_append (self->figures_box, box);
      child = gtk_widget_get_parent (box);
      gtk_widget_set_focusable (child, FALSE);
      /* Read as one: "Visits: 1,204", the caption first as on a form. */
      /* Translators: a report's key figure read by a screen reader: "Median wait: 7 min 20 s" */
      spoken = g_strdup_printf (_("%1$s: %2$s"), fd_report_key_to_label (key), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
    }
}

static GtkWidget *
new_cell (const char     *text,
          const char     *column_label,
          gboolean        header,
          gboolean        numeric)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "label", text,
                                   "xalign", numeric ? 1.0 : 0.0,
                                   "accessible-role", header ? GTK_ACCESSIBLE_ROLE_COLUMN_HEADER : GTK_ACCESSIBLE_ROLE_CELL,
                                   NULL);

  if (header)
    {
      /* Long column names wrap: the table fits beside the sidebar in a narrow window. */
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_justify (GTK_LABEL (label), numeric ? GTK_JUSTIFY_RIGHT : GTK_JUSTIFY_LEFT);
      gtk_widget_set_valign (label, GTK_ALIGN_END);
      gtk_widget_add_css_class (label, "heading");
    }
  else
    {
      if (numeric)
        gtk_widget_add_css_class (label, "fd-report-number");
      /* A screen reader reading cell by cell says which column the value is in. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      column_label, -1);
    }
  return label;
}

static gboolean
row_is_shown (FdReportSection *self,
              const char      *table,
              GVariant        *row)
{
  gint64 visits = 0;

  /* The 168 weekday-and-hour cells: the empty hours, mostly nights, say nothing. */
  if (self->kind == FD_REPORT_PEAKS && g_str_equal (table, "cells"))
    return g_variant_lookup (row, "visits", "x", &visits) && visits > 0;

  return TRUE;
}

static GtkWidget *
new_table (FdReportSection *self,
           const char      *key,
           GVariant        *rows)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new ();
  g_autoptr(GVariant) first = NULL;
  GtkWidget *grid;
  GVariantIter iter;
  const char *column;
  gsize n = g_variant_n_children (rows);
  int line = 1;

  grid = g_object_new (GTK_TYPE_GRID,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_TABLE,
                       "column-spacing", 18,
                       "column-homogeneous", TRUE,
                       "row-spacing", 6,
                       "margin-top", 12,
                       "margin-bottom", 12,
                       "margin-start", 12,
                       "margin-end", 12,
                       NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fd_report_key_to_label (key), -1);

  if (n == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No data for this period"));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_grid_attach (GTK_GRID (grid), empty, 0, 0, 1, 1);
      return grid;
    }

  first = g_variant_get_child_value (rows, 0);
  g_variant_iter_init (&iter, first);
  while (g_variant_iter_next (&iter, "{&sv}", &column, NULL))
    if (fd_report_column_is_shown (column))
      g_ptr_array_add (columns, (gpointer) column);

  for (guint c = 0; c < columns->len; c++)
    {
      const char *name = g_ptr_array_index (columns, c);

      gtk_grid_attach (GTK_GRID (grid), new_cell (fd_report_key_to_label (name), NULL, TRUE, c > 0),
                       c, 0, 1, 1);
    }

  for (gsize i = 0; i < n; i++)
    {
      g_autoptr(GVariant) row = g_variant_get_child_value (rows, i);

      if (!row_is_shown (self, key, row))
        continue;

      for (guint c = 0; c < columns->len; c++)
        {
          const char *name = g_ptr_array_index (columns, c);
          g_autoptr(GVariant) value = g_variant_lookup_value (row, name, NULL);
          g_autofree char *text = fd_report_format_value (self->kind, name, value, row);
          GtkWidget *cell = new_cell (text, fd_report_key_to_label (name), FALSE, c > 0);

          gtk_grid_attach (GTK_GRID (grid), cell, c, line, 1, 1);
        }
      line++;
    }

  return grid;
}

static void
show_tables (FdReportSection *self)
{
  GVariantIter iter;
  const char *key;
  GVariant *value;

  remove_children (GTK_WIDGET (self->tables_box));
  g_hash_table_remove_all (self->tables);

  g_variant_iter_init (&iter, self->report);
  while (g_variant_iter_loop (&iter, "{&sv}", &key, &value))
    {
      GtkWidget *box, *heading, *card, *grid;

      if (!fd_report_value_is_table (value))
        continue;

      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      heading = gtk_label_new (fd_report_key_to_label (key));
      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_accessible_update_property (GTK_ACCESSIBLE (heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
      grid = new_table (self, key, value);
      card = adw_bin_new ();
      gtk_widget_add_css_class (card, "card");
      adw_bin_set_child (ADW_BIN (card), grid);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), card);
      gtk_box_append (self->tables_box, box);

      g_hash_table_insert (self->tables, g_strdup (key), grid);
    }
}

static void
set_report (FdReportSection *self,
            GVariant        *report)
{
  g_clear_pointer (&self->report, g_variant_unref);
  self->report = g_variant_ref_sink (report);

  show_figures (self);
  for (guint i = 0; i < self->charts->len; i++)
    fd_report_chart_view_set_report (g_ptr_array_index (self->charts, i), self->report);
  show_tables (self);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPORT]);
}

static void
set_running (FdReportSection *self,
             gboolean         running)
{
  if (gtk_spinner_get_spinning (self->spinner) == running)
    return;

  gtk_spinner_set_spinning (self->spinner, running);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->figures_box), GTK_ACCESSIBLE_STATE_BUSY, running, -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
}

static void
run_report_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(FdReportSection) self = user_data;
  g_autoptr(GVariant) report = NULL;
  g_autoptr(GError) error = NULL;

  report = fd_store_run_report_finish (FD_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_running (self, FALSE);

  if (report == NULL)
    {
      g_warning ("Could not run the %s report: %s", fd_report_kind_to_code (self->kind), error->message);
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  set_report (self, report);
}

static void
on_export_dialog_response_cb (GtkNativeDialog *dialog,
                              int              response,
                              gpointer         user_data)
{
  g_autoptr(FdReportSection) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      g_object_unref (dialog);
      return;
    }

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_object_unref (dialog);

  if (!fd_report_section_write_csv (self, file, &error))
    {
      add_toast (self, error->message);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: %s is the name of the CSV file a report was saved to */
  message = g_strdup_printf (_("Saved as %s"), name);
  add_toast (self, message);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *param)
{
  FdReportSection *self = FD_REPORT_SECTION (widget);
  GtkNative *native = gtk_widget_get_native (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *dialog;

  if (self->report == NULL)
    return;

  dialog = gtk_file_chooser_native_new (_("Export Report as CSV"),
                                        GTK_IS_WINDOW (native) ? GTK_WINDOW (native) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  /* Translators: the suggested file name of a report exported as CSV; %s is the report's name */
  name = g_strdup_printf (_("%s.csv"), fd_report_kind_to_label (self->kind));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  gtk_file_filter_set_name (filter, _("Spreadsheets (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_pattern (filter, "*.csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  g_signal_connect (dialog, "response", G_CALLBACK (on_export_dialog_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
fd_report_section_dispose (GObject *object)
{
  FdReportSection *self = FD_REPORT_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_REPORT_SECTION);
  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_clear_pointer (&self->tables, g_hash_table_unref);

  G_OBJECT_CLASS (fd_report_section_parent_class)->dispose (object);
}

static void
fd_report_section_finalize (GObject *object)
{
  FdReportSection *self = FD_REPORT_SECTION (object);

  g_clear_pointer (&self->report, g_variant_unref);

  G_OBJECT_CLASS (fd_report_section_parent_class)->finalize (object);
}

static void
fd_report_section_constructed (GObject *object)
{
  FdReportSection *self = FD_REPORT_SECTION (object);

  G_OBJECT_CLASS (fd_report_section_parent_class)->constructed (object);

  gtk_label_set_label (self->title_label, fd_report_kind_to_label (self->kind));

  for (guint i = 0; i < fd_report_chart_count (self->kind); i++)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *heading = gtk_label_new (fd_report_chart_get_title (self->kind, i));
      GtkWidget *card = adw_bin_new ();
      GtkWidget *chart = fd_report_chart_view_new (self->kind, i);

      gtk_label_set_xalign (GTK_LABEL (heading), 0);
      gtk_widget_add_css_class (heading, "heading");
      gtk_widget_add_css_class (card, "card");
      gtk_widget_set_margin_top (chart, 12);
      gtk_widget_set_margin_bottom (chart, 12);
      gtk_widget_set_margin_start (chart, 12);
      gtk_widget_set_margin_end (chart, 12);
      adw_bin_set_child (ADW_BIN (card), chart);
      gtk_box_append (GTK_BOX (box), heading);
      gtk_box_append (GTK_BOX (box), card);
      gtk_box_append (self->charts_box, box);
      g_ptr_array_add (self->charts, chart);
    }
}

static void
fd_report_section_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  FdReportSection *self = FD_REPORT_SECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_int (value, self->kind);
      break;
    case PROP_REPORT:
      g_value_set_variant (value, self->report);
      break;
    case PROP_RUNNING:
      g_value_set_boolean (value, fd_report_section_get_running (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_report_section_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  FdReportSection *self = FD_REPORT_SECTION (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_int (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_report_section_class_init (FdReportSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = fd_report_section_constructed;
  object_class->dispose = fd_report_section_dispose;
  object_class->finalize = fd_report_section_finalize;
  object_class->get_property = fd_report_section_get_property;
  object_class->set_property = fd_report_section_set_property;

  properties[PROP_KIND] =
    g_param_spec_int ("kind", NULL, NULL, 0, FD_REPORT_N_KINDS - 1, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REPORT] =
    g_param_spec_variant ("report", NULL, NULL, G_VARIANT_TYPE_VARDICT, NULL,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/frontdesk/Frontdesk/ui/fd-report-section.ui");
  gtk_widget_class_bind_template_child (widget_class, FdReportSection, header_box);
  gtk_widget_class_bind_template_child (widget_class, FdReportSection, title_label);
  gtk_widget_class_bind_template_child (widget_class, FdReportSection, spinner);
  gtk_widget_class_bind_template_child (widget_class, FdReportSection, export_button);
  gtk_widget_class_bind_template_child (widget_class, FdReportSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdReportSection, figures_box);
  gtk_widget_class_bind_template_child (widget_class, FdReportSection, charts_box);
  gtk_widget_class_bind_template_child (widget_class, FdReportSection, tables_box);

  gtk_widget_class_install_action (widget_class, "section.export-csv", NULL, export_csv_action);

  g_type_ensure (FD_TYPE_REPORT_CHART_VIEW);
}

static void
fd_report_section_init (FdReportSection *self)
{
  self->charts = g_ptr_array_new ();
  self->tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

GtkWidget *
fd_report_section_new (FdReportKind kind)
{
  g_return_val_if_fail (kind < FD_REPORT_N_KINDS, NULL);

  return g_object_new (FD_TYPE_REPORT_SECTION, "kind", kind, NULL);
}

FdReportKind
fd_report_section_get_kind (FdReportSection *self)
{
  g_return_val_if_fail (FD_IS_REPORT_SECTION (self), 0);

  return self->kind;
}

GVariant *
fd_report_section_get_report (FdReportSection *self)
{
  g_return_val_if_fail (FD_IS_REPORT_SECTION (self), NULL);

  return self->report;
}

gboolean
fd_report_section_get_running (FdReportSection *self)
{
  g_return_val_if_fail (FD_IS_REPORT_SECTION (self), FALSE);

  return self->cancellable != NULL;
}

void
fd_report_section_run (FdReportSection *self,
                       FdStore         *store,
                       int              from_day,
                       int              to_day,
                       gint64           branch_id)
{
  g_return_if_fail (FD_IS_REPORT_SECTION (self));
  g_return_if_fail (FD_IS_STORE (store));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_running (self, TRUE);
  fd_store_run_report_async (store, self->kind, from_day, to_day, branch_id, self->cancellable,
                             run_report_cb, g_object_ref (self));
}

void
fd_report_section_add_header_widget (FdReportSection *self,
                                     GtkWidget       *widget)
{
  g_return_if_fail (FD_IS_REPORT_SECTION (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_insert_child_after (self->header_box, widget, GTK_WIDGET (self->spinner));
}

gboolean
fd_report_section_write_csv (FdReportSection  *self,
                             GFile            *file,
                             GError          **error)
{
  g_autofree char *csv = NULL;

  g_return_val_if_fail (FD_IS_REPORT_SECTION (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->report != NULL, FALSE);

  csv = fd_report_to_csv (self->kind, self->report, NULL);
  return g_file_replace_contents (file, csv, strlen (csv), NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                  NULL, NULL, error);
}

FdReportChartView *
fd_report_section_get_chart (FdReportSection *self,
                             guint            index)
{
  g_return_val_if_fail (FD_IS_REPORT_SECTION (self), NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);

  return g_ptr_array_index (self->charts, index);
}

GtkGrid *
fd_report_section_get_table (FdReportSection *self,
                             const char      *key)
{
  g_return_val_if_fail (FD_IS_REPORT_SECTION (self), NULL);

  return g_hash_table_lookup (self->tables, key);
}
