/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-claim-page"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-claim-page-private.h"
#include "fd-claim-row.h"
#include "fd-date-time.h"
#include "fd-error.h"
#include "fd-reply-dialog.h"

#define N_SATISFACTION 5

struct _FdClaimPage
{
  AdwBin               parent_instance;

  /* Template children */
  GtkStack            *stack;
  GtkLabel            *title_label;
  GtkScrolledWindow   *scroller;
  GtkLabel            *reference_label;
  GtkLabel            *status_tag;
  GtkLabel            *due_tag;
  GtkLabel            *summary_label;
  GtkLabel            *error_label;
  AdwPreferencesGroup *status_group;
  GtkFlowBox          *status_box;
  GtkEntry            *move_comment_entry;
  AdwPreferencesGroup *resolve_group;
  GtkTextView         *problem_view;
  GtkTextView         *solution_view;
  GtkTextView         *benefit_view;
  GtkLabel            *resolve_error;
  AdwPreferencesGroup *resolution_group;
  AdwActionRow        *problem_row;
  AdwActionRow        *solution_row;
  AdwActionRow        *benefit_row;
  GtkBox              *satisfaction_box;
  AdwActionRow        *customer_row;
  GtkWidget           *followup_button;
  AdwActionRow        *kind_row;
  AdwActionRow        *channel_row;
  AdwComboRow         *category_row;
  AdwComboRow         *priority_row;
  AdwComboRow         *assignee_row;
  AdwEntryRow         *concerns_row;
  AdwPreferencesRow   *details_error_row;
  GtkLabel            *details_error;
  AdwActionRow        *received_row;
  AdwActionRow        *ack_due_row;
  AdwActionRow        *due_row;
  GtkMenuButton       *due_button;
  GtkPopover          *due_popover;
  GtkCalendar         *due_calendar;
  GtkEntry            *due_time_entry;
  GtkWidget           *due_set_button;
  AdwPreferencesRow   *due_error_row;
  GtkLabel            *due_error;
  GtkListBox          *thread_list;
  GtkListBox          *history_list;

  /* Owned */
  FdStore             *store;
  FdClaim             *claim;
  GPtrArray           *category_codes;   /* char *, parallel to category_row */
  GArray              *staff_ids;        /* gint64, parallel to assignee_row after "Nobody" */
  GtkToggleButton     *satisfaction[N_SATISFACTION];
  char                *concerns_shown;   /* what fill put in concerns_row */

  guint                loading : 1;
  guint                folded : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CLAIM,
  PROP_FOLDED,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdClaimPage, fd_claim_page, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static const FdClaimPriority priorities[] = {
  FD_CLAIM_PRIORITY_LOW,
  FD_CLAIM_PRIORITY_NORMAL,
  FD_CLAIM_PRIORITY_HIGH,
};

/* Helpers */

void
_fd_claim_page_add_toast (FdClaimPage *self,
                          const char  *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (message));
  else
    g_message ("%s", message);
}

GtkWindow *
_fd_claim_page_get_window (FdClaimPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

FdStore *
_fd_claim_page_get_store (FdClaimPage *self)
{
  return self->store;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

/* Rows only: the placeholder is a child too, and stays. */
static void
clear_list_box (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (unix_time <= 0)
    return g_strdup ("—");

  utc = g_date_time_new_from_unix_utc (unix_time);
  if (utc == NULL)
    return g_strdup ("—");

  local = g_date_time_to_local (utc);

  /* Translators: a date and time on a claim, in g_date_time_format() syntax,
   * e.g. "3 March 2026, 14:05" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

static void
set_subtitle (AdwActionRow *row,
              const char   *text)
{
  adw_action_row_set_subtitle (row, is_blank (text) ? "—" : text);
}

static void
set_time_subtitle (AdwActionRow *row,
                   gint64        unix_time)
{
  g_autofree char *text = format_time (unix_time);

  adw_action_row_set_subtitle (row, text);
}

static char *
dup_buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
set_tag_style (GtkLabel   *label,
               const char *style)
{
  gtk_widget_remove_css_class (GTK_WIDGET (label), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
  gtk_widget_remove_css_class (GTK_WIDGET (label), "success");
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (label), style);
}

static void
update_actions (FdClaimPage *self)
{
  gboolean open = self->store != NULL && self->claim != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.copy-reference", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.reply", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.move", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.set-due", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.resolve",
                                 open && gtk_widget_get_visible (GTK_WIDGET (self->resolve_group)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.cancel-resolve",
                                 open && gtk_widget_get_visible (GTK_WIDGET (self->resolve_group)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.save-attachment", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.export-letter", open);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claim.print-letter", open);
}

/* Errors */

static GtkWidget *
field_widget (FdClaimPage *self,
              const char  *field)
{
  if (g_strcmp0 (field, "category") == 0)
    return GTK_WIDGET (self->category_row);
  if (g_strcmp0 (field, "priority") == 0)
    return GTK_WIDGET (self->priority_row);
  if (g_strcmp0 (field, "assignee") == 0 || g_strcmp0 (field, "assignee_id") == 0)
    return GTK_WIDGET (self->assignee_row);
  if (g_strcmp0 (field, "concerns") == 0)
    return GTK_WIDGET (self->concerns_row);
  if (g_strcmp0 (field, "problem") == 0)
    return GTK_WIDGET (self->problem_view);
  if (g_strcmp0 (field, "solution") == 0)
    return GTK_WIDGET (self->solution_view);
  if (g_strcmp0 (field, "benefit") == 0)
    return GTK_WIDGET (self->benefit_view);
  if (g_strcmp0 (field, "due_at") == 0)
    return GTK_WIDGET (self->due_row);
  if (g_strcmp0 (field, "comment") == 0)
    return GTK_WIDGET (self->move_comment_entry);
  return NULL;
}

static void
clear_errors (FdClaimPage *self)
{
  const char *fields[] = { "category", "priority", "assignee", "concerns",
                           "problem", "solution", "benefit", "due_at", "comment" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      GtkWidget *widget = field_widget (self, fields[i]);

      gtk_widget_remove_css_class (widget, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_STATE_INVALID);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->details_error_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->due_error_row), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->resolve_error), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* Beside the field the error names when the page shows it, else in the banner at the top
 * and a toast: never lost. */
static void
show_error (FdClaimPage  *self,
            const GError *error)
{
  const char *field = fd_error_get_field (error);
  GtkWidget *widget = field_widget (self, field);
  GtkLabel *label = NULL;
  GtkWidget *label_row = NULL;

  if (widget == GTK_WIDGET (self->due_row))
    {
      label = self->due_error;
      label_row = GTK_WIDGET (self->due_error_row);
    }
  else if (widget == GTK_WIDGET (self->move_comment_entry))
    label = self->error_label;
  else if (widget == GTK_WIDGET (self->problem_view) || widget == GTK_WIDGET (self->solution_view) ||
      widget == GTK_WIDGET (self->benefit_view))
    label = self->resolve_error;
  else if (widget != NULL)
    {
      label = self->details_error;
      label_row = GTK_WIDGET (self->details_error_row);
    }

  if (label == NULL)
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      _fd_claim_page_add_toast (self, error->message);
      return;
    }

  gtk_label_set_text (label, error->message);
  gtk_widget_set_visible (label_row != NULL ? label_row : GTK_WIDGET (label), TRUE);
  gtk_widget_add_css_class (widget, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (widget),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_widget_grab_focus (widget);
}

/* Filling the page */

static void
fill_header (FdClaimPage *self)
{
  g_autofree char *due_text = NULL;
  FdClaimStatus status = fd_claim_get_status (self->claim);
  FdClaimDue due = fd_claim_row_get_due (self->claim, g_get_real_time () / G_USEC_PER_SEC, &due_text);

  gtk_label_set_text (self->title_label, fd_claim_get_reference (self->claim));
  gtk_label_set_text (self->reference_label, fd_claim_get_reference (self->claim));
  gtk_label_set_text (self->status_tag, fd_claim_status_to_label (status));
  set_tag_style (self->status_tag,
                 status == FD_CLAIM_STATUS_RESOLVED || status == FD_CLAIM_STATUS_CLOSED ? "success" : NULL);
  gtk_label_set_text (self->due_tag, due_text != NULL ? due_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_tag), due != FD_CLAIM_DUE_NONE);
  set_tag_style (self->due_tag,
                 due == FD_CLAIM_DUE_OVERDUE ? "error" : due == FD_CLAIM_DUE_TODAY ? "warning" : NULL);
  gtk_label_set_text (self->summary_label, fd_claim_get_summary (self->claim));
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), !is_blank (fd_claim_get_summary (self->claim)));
}

static const char *
move_label (FdClaimStatus from,
            FdClaimStatus to)
{
  switch (to)
    {
    case FD_CLAIM_STATUS_ACKNOWLEDGED:
      return _("_Acknowledge");
    case FD_CLAIM_STATUS_IN_PROGRESS:
      if (from == FD_CLAIM_STATUS_RESOLVED || from == FD_CLAIM_STATUS_CLOSED)
        return _("Re_open");
      return _("Start _Work");
    case FD_CLAIM_STATUS_WAITING_FOR_CUSTOMER:
      return _("_Wait for Customer");
    case FD_CLAIM_STATUS_RESOLVED:
      return _("Re_solve…");
    case FD_CLAIM_STATUS_CLOSED:
      return C_("claim action", "C_lose");
    case FD_CLAIM_STATUS_NEW:
    default:
      return fd_claim_status_to_label (to);
    }
}

/* The step a claim usually takes from @from, shown as the suggested button. */
static FdClaimStatus
usual_next (FdClaimStatus from)
{
  switch (from)
    {
    case FD_CLAIM_STATUS_NEW:
      return FD_CLAIM_STATUS_ACKNOWLEDGED;
    case FD_CLAIM_STATUS_ACKNOWLEDGED:
    case FD_CLAIM_STATUS_WAITING_FOR_CUSTOMER:
      return FD_CLAIM_STATUS_IN_PROGRESS;
    case FD_CLAIM_STATUS_IN_PROGRESS:
      return FD_CLAIM_STATUS_RESOLVED;
    case FD_CLAIM_STATUS_RESOLVED:
      return FD_CLAIM_STATUS_CLOSED;
    case FD_CLAIM_STATUS_CLOSED:
    default:
      return FD_CLAIM_STATUS_IN_PROGRESS;
    }
}

/* One button per transition the workflow allows from here, the usual next step suggested. */
static void
fill_status (FdClaimPage *self)
{
  FdClaimStatus from = fd_claim_get_status (self->claim);
  g_autofree char *description = NULL;
  GtkWidget *child;
  gboolean first = TRUE;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->status_box))) != NULL)
    gtk_flow_box_remove (self->status_box, child);

  for (int to = FD_CLAIM_STATUS_NEW; to <= FD_CLAIM_STATUS_CLOSED; to++)
    {
      GtkWidget *button;

      if (!fd_claim_status_can_move (from, to))
        continue;

      button = gtk_button_new_with_mnemonic (move_label (from, to));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "claim.move");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int32 (to));
      if ((FdClaimStatus) to == usual_next (from))
        gtk_widget_add_css_class (button, "suggested-action");
      first = FALSE;
      gtk_flow_box_append (self->status_box, button);
      gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
    }

  /* Translators: %s is the status of a claim, e.g. "In progress" */
  description = g_strdup_printf (_("Now: %s"), fd_claim_status_to_label (from));
  adw_preferences_group_set_description (self->status_group, description);
  gtk_widget_set_visible (GTK_WIDGET (self->status_box), !first);
}

static void
fill_resolution (FdClaimPage *self)
{
  int satisfaction = fd_claim_get_satisfaction (self->claim);
  gboolean resolved = fd_claim_get_resolved_at (self->claim) > 0 ||
                      !is_blank (fd_claim_get_problem (self->claim));

  gtk_widget_set_visible (GTK_WIDGET (self->resolution_group), resolved);
  if (!resolved)
    return;

  set_subtitle (self->problem_row, fd_claim_get_problem (self->claim));
  set_subtitle (self->solution_row, fd_claim_get_solution (self->claim));
  set_subtitle (self->benefit_row, fd_claim_get_benefit (self->claim));

  for (int i = 0; i < N_SATISFACTION; i++)
    gtk_toggle_button_set_active (self->satisfaction[i], satisfaction == i + 1);
}

static gboolean
same_strings (GListModel    *model,
              GtkStringList *labels)
{
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (labels));

  if (model == NULL || g_list_model_get_n_items (model) != n_items)
    return FALSE;

  for (guint i = 0; i < n_items; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i),
                   gtk_string_list_get_string (labels, i)) != 0)
      return FALSE;

  return TRUE;
}

/* The model is only replaced when its choices changed: the refill after an edit runs inside
 * the combo's own notify::selected, where a new model would free the one being changed. */
static void
fill_combo_strings (AdwComboRow   *row,
                    GtkStringList *labels,
                    guint          selected)
{
  if (!same_strings (adw_combo_row_get_model (row), labels))
    adw_combo_row_set_model (row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (row, selected);
}

/* The branch's categories, as it names them. */
static void
fill_categories (FdClaimPage *self)
{
  const char *current = fd_claim_get_category (self->claim);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  guint selected = GTK_INVALID_LIST_POSITION;

  g_ptr_array_set_size (self->category_codes, 0);

  if (!fd_store_list_claim_categories (self->store, &codes, &names, &error))
    g_warning ("Could not read the claim categories: %s", error->message);

  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      g_ptr_array_add (self->category_codes, g_strdup (codes[i]));
      gtk_string_list_append (labels, names[i]);
      if (g_strcmp0 (codes[i], current) == 0)
        selected = i;
    }

  /* A category the list no longer has is kept as it is. */
  if (!is_blank (current) && selected == GTK_INVALID_LIST_POSITION)
    {
      const char *label = fd_claim_category_to_label (current);

      g_ptr_array_add (self->category_codes, g_strdup (current));
      gtk_string_list_append (labels, label != NULL ? label : current);
      selected = self->category_codes->len - 1;
    }

  fill_combo_strings (self->category_row, labels, selected);
}

static void
fill_assignees (FdClaimPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) roles = NULL;
  g_autoptr(GError) error = NULL;
  gint64 assignee = fd_claim_get_assignee_id (self->claim);
  guint selected = 0;

  g_array_set_size (self->staff_ids, 0);
  /* Translators: a claim nobody handles yet */
  gtk_string_list_append (labels, C_("assignee", "Nobody"));

  if (!fd_store_list_staff (self->store, fd_claim_get_branch_id (self->claim), &ids, &names, &roles, &error))
    g_warning ("Could not read the staff: %s", error->message);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);

      g_array_append_val (self->staff_ids, id);
      gtk_string_list_append (labels, names[i]);
      if (id == assignee)
        selected = i + 1;
    }

  /* Someone from another branch keeps their name. */
  if (assignee > 0 && selected == 0)
    {
      g_autofree char *name = fd_store_dup_staff_name (self->store, assignee);

      g_array_append_val (self->staff_ids, assignee);
      gtk_string_list_append (labels, name != NULL ? name : "?");
      selected = self->staff_ids->len;
    }

  fill_combo_strings (self->assignee_row, labels, selected);
}

static void
fill_concerns (FdClaimPage *self,
               gboolean     same_claim)
{
  const char *concerns = fd_claim_get_concerns (self->claim);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->concerns_row));

  /* A reload (a change elsewhere) keeps what is being typed here. */
  if (same_claim && self->concerns_shown != NULL && g_strcmp0 (text, self->concerns_shown) != 0)
    return;

  g_free (self->concerns_shown);
  self->concerns_shown = g_strdup (concerns != NULL ? concerns : "");
  gtk_editable_set_text (GTK_EDITABLE (self->concerns_row), self->concerns_shown);
}

static void
fill_details (FdClaimPage *self)
{
  g_autoptr(FdCustomer) customer = NULL;
  g_autofree char *name = NULL;
  gint64 customer_id = fd_claim_get_customer_id (self->claim);

  if (customer_id > 0)
    customer = fd_store_get_customer (self->store, customer_id, NULL);
  name = customer != NULL ? fd_customer_dup_display_name (customer) : NULL;

  set_subtitle (self->customer_row, name);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->customer_row),
                                          g_variant_new_int64 (customer_id));
  gtk_widget_set_sensitive (GTK_WIDGET (self->customer_row), customer != NULL);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->followup_button),
                                          g_variant_new ("(xxx)", customer_id, fd_claim_get_id (self->claim),
                                                         fd_claim_get_visit_id (self->claim)));
  set_subtitle (self->kind_row, fd_claim_kind_to_label (fd_claim_get_kind (self->claim)));
  set_subtitle (self->channel_row, fd_claim_channel_to_label (fd_claim_get_channel (self->claim)));

  fill_categories (self);
  adw_combo_row_set_selected (self->priority_row, fd_claim_get_priority (self->claim));
  fill_assignees (self);

  set_time_subtitle (self->received_row, fd_claim_get_received_at (self->claim));
  set_time_subtitle (self->ack_due_row, fd_claim_get_ack_due_at (self->claim));
  set_time_subtitle (self->due_row, fd_claim_get_due_at (self->claim));
}

static GtkWidget *
new_caption (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");

  return label;
}

static GtkWidget *
new_attachment_row (FdClaimMessage *message,
                    guint           index)
{
  g_autofree char *size_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *save_label = NULL;
  const char *name = NULL;
  gint64 id = 0, size = 0;
  GtkWidget *box, *label, *button;

  fd_claim_message_get_attachment (message, index, &id, &name, &size);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("mail-attachment-symbolic"));

  size_text = g_format_size (size);
  /* Translators: an attachment's file name and size, e.g. "receipt.pdf (120 kB)" */
  text = g_strdup_printf (_("%1$s (%2$s)"), name, size_text);
  label = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);

  button = gtk_button_new_with_mnemonic (_("_Save…"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "claim.save-attachment");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new ("(xs)", id, name));
  /* Translators: accessible name of the button saving an attachment; %s is its file name */
  save_label = g_strdup_printf (_("Save “%s”"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, save_label, -1);
  gtk_widget_set_tooltip_text (button, save_label);
  gtk_widget_add_css_class (button, "flat");
  gtk_box_append (GTK_BOX (box), button);

  return box;
}

static GtkWidget *
new_letter_buttons (FdClaimMessage *message)
{
  GVariant *target = g_variant_new_int64 (fd_claim_message_get_id (message));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *pdf = gtk_button_new_with_mnemonic (_("Export _PDF…"));
  GtkWidget *print = gtk_button_new_with_mnemonic (_("_Print…"));

  gtk_widget_set_halign (box, GTK_ALIGN_END);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (pdf), "claim.export-letter");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (pdf), target);
  gtk_widget_set_tooltip_text (pdf, _("Save this letter on the branch’s letterhead as a PDF file"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (print), "claim.print-letter");
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (print), target);
  gtk_widget_set_tooltip_text (print, _("Print this letter on the branch’s letterhead"));
  gtk_box_append (GTK_BOX (box), pdf);
  gtk_box_append (GTK_BOX (box), print);

  return box;
}

static char *
dup_message_line (FdClaimMessage *message)
{
  g_autofree char *when = format_time (fd_claim_message_get_at (message));
  const char *direction = fd_message_direction_to_label (fd_claim_message_get_direction (message));
  const char *channel = fd_claim_channel_to_label (fd_claim_message_get_channel (message));
  const char *author = fd_claim_message_get_author (message);

  if (!is_blank (author))
    /* Translators: the line above a letter, e-mail or call note: direction, channel, date and
     * who recorded it, e.g. "Outgoing · Letter · 3 March 2026, 14:05 · Ana Jovanović" */
    return g_strdup_printf (C_("message line", "%1$s · %2$s · %3$s · %4$s"),
                            direction, channel != NULL ? channel : "", when, author);

  /* Translators: the line above a letter, e-mail or call note: direction, channel and date,
   * e.g. "Incoming · E-mail · 3 March 2026, 14:05" */
  return g_strdup_printf (C_("message line", "%1$s · %2$s · %3$s"),
                          direction, channel != NULL ? channel : "", when);
}

static GtkWidget *
new_message_row (FdClaimMessage *message)
{
  gboolean outgoing = fd_claim_message_get_direction (message) == FD_MESSAGE_OUT;
  g_autofree char *line = dup_message_line (message);
  const char *subject = fd_claim_message_get_subject (message);
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon = gtk_image_new_from_icon_name (outgoing ? "mail-send-symbolic" : "mail-unread-symbolic");
  GtkWidget *body;

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_add_css_class (row, outgoing ? "fd-message-out" : "fd-message-in");

  /* The direction is in the words of the line too, not only in the icon. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  fd_message_direction_to_label (fd_claim_message_get_direction (message)), -1);
  gtk_box_append (GTK_BOX (header), icon);
  gtk_box_append (GTK_BOX (header), new_caption (line));
  gtk_box_append (GTK_BOX (box), header);

  if (!is_blank (subject))
    {
      GtkWidget *label = gtk_label_new (subject);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_box_append (GTK_BOX (box), label);
    }

  body = gtk_label_new (fd_claim_message_get_body (message));
  gtk_label_set_xalign (GTK_LABEL (body), 0);
  gtk_label_set_wrap (GTK_LABEL (body), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (body), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (body), TRUE);
  gtk_box_append (GTK_BOX (box), body);

  for (guint i = 0; i < fd_claim_message_get_n_attachments (message); i++)
    gtk_box_append (GTK_BOX (box), new_attachment_row (message, i));

  if (outgoing)
    gtk_box_append (GTK_BOX (box), new_letter_buttons (message));

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  return row;
}

static GtkWidget *
new_placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static void
fill_thread (FdClaimPage *self)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->thread_list);

  messages = fd_store_list_messages (self->store, fd_claim_get_id (self->claim), &error);
  if (messages == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < messages->len; i++)
    gtk_list_box_append (self->thread_list, new_message_row (g_ptr_array_index (messages, i)));
}

static void
fill_history (FdClaimPage *self)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GError) error = NULL;

  clear_list_box (self->history_list);

  entries = fd_store_list_claim_history (self->store, fd_claim_get_id (self->claim), &error);
  if (entries == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      FdHistoryEntry *entry = g_ptr_array_index (entries, i);
      g_autofree char *when = format_time (fd_history_entry_get_at (entry));
      const char *detail = fd_history_entry_get_detail (entry);
      const char *actor = fd_history_entry_get_actor (entry);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();

      if (!is_blank (actor))
        {
          /* Translators: when a claim changed and who changed it, e.g. "3 March 2026, 14:05 · Ana" */
          char *when_who = g_strdup_printf (C_("claim history", "%1$s · %2$s"), when, actor);

          g_free (when);
          when = when_who;
        }

      if (!is_blank (detail))
        /* Translators: a claim history line: what changed (e.g. "New → Acknowledged"), then when */
        subtitle = g_strdup_printf (C_("claim history", "%1$s\n%2$s"), detail, when);
      else
        subtitle = g_strdup (when);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fd_history_entry_get_title (entry));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
      gtk_list_box_append (self->history_list, row);
    }
}

static void
fill (FdClaimPage *self,
      gboolean     same_claim)
{
  self->loading = TRUE;
  fill_header (self);
  fill_status (self);
  fill_resolution (self);
  fill_details (self);
  fill_concerns (self, same_claim);
  fill_thread (self);
  fill_history (self);
  self->loading = FALSE;
}

static void
reset_resolve_form (FdClaimPage *self)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->problem_view), "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->solution_view), "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->benefit_view), "", -1);
  gtk_widget_set_visible (GTK_WIDGET (self->resolve_group), FALSE);
}

/* Writes @changes; on success shows the saved claim, on error the message beside the field
 * and the page as it was stored. */
static void
apply_changes (FdClaimPage          *self,
               const FdClaimChanges *changes,
               const char           *done_message)
{
  g_autoptr(FdClaim) saved = NULL;
  g_autoptr(GError) error = NULL;

  if (self->loading || self->claim == NULL || self->store == NULL)
    return;

  clear_errors (self);
  saved = fd_store_update_claim (self->store, fd_claim_get_id (self->claim), changes, NULL, &error);
  if (saved == NULL)
    {
      fill (self, TRUE);
      show_error (self, error);
      return;
    }

  /* The entry's text is now the stored one. */
  g_clear_pointer (&self->concerns_shown, g_free);
  fd_claim_page_load (self, saved);
  if (done_message != NULL)
    _fd_claim_page_add_toast (self, done_message);
}

/* Signal callbacks */

static void
on_category_row_selected_cb (FdClaimPage *self)
{
  FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;
  guint selected = adw_combo_row_get_selected (self->category_row);

  if (self->loading || self->claim == NULL || selected >= self->category_codes->len)
    return;

  changes.category = g_ptr_array_index (self->category_codes, selected);
  if (g_strcmp0 (changes.category, fd_claim_get_category (self->claim)) == 0)
    return;

  apply_changes (self, &changes, _("Category changed"));
}

static void
on_priority_row_selected_cb (FdClaimPage *self)
{
  FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;
  guint selected = adw_combo_row_get_selected (self->priority_row);

  if (self->loading || self->claim == NULL || selected >= G_N_ELEMENTS (priorities) ||
      priorities[selected] == fd_claim_get_priority (self->claim))
    return;

  changes.priority = priorities[selected];
  apply_changes (self, &changes, _("Priority changed; the due dates follow it"));
}

static void
on_assignee_row_selected_cb (FdClaimPage *self)
{
  FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;
  guint selected = adw_combo_row_get_selected (self->assignee_row);

  if (self->loading || self->claim == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  changes.assignee_id = selected == 0 ? 0 : g_array_index (self->staff_ids, gint64, selected - 1);
  if (changes.assignee_id == fd_claim_get_assignee_id (self->claim))
    return;

  apply_changes (self, &changes, _("Claim assigned"));
}

static void
on_concerns_row_apply_cb (FdClaimPage *self)
{
  FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;

  changes.concerns = gtk_editable_get_text (GTK_EDITABLE (self->concerns_row));
  apply_changes (self, &changes, _("Saved who the claim concerns"));
}

static void
on_satisfaction_toggled_cb (GtkToggleButton *button,
                            FdClaimPage     *self)
{
  FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;

  if (self->loading || !gtk_toggle_button_get_active (button))
    return;

  changes.satisfaction = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "fd-value"));
  if (self->claim == NULL || changes.satisfaction == fd_claim_get_satisfaction (self->claim))
    return;

  apply_changes (self, &changes, _("Satisfaction recorded"));
}

static void
on_reply_dialog_sent_cb (FdClaimPage    *self,
                         FdClaimMessage *message)
{
  fd_claim_page_reload (self);
  _fd_claim_page_add_toast (self, fd_claim_message_get_direction (message) == FD_MESSAGE_OUT
                                    ? _("Reply added to the correspondence")
                                    : _("Incoming message recorded"));
}

static void
on_store_claims_changed_cb (FdClaimPage *self)
{
  fd_claim_page_reload (self);
}

/* Actions */

static void
copy_reference_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  FdClaimPage *self = FD_CLAIM_PAGE (widget);

  if (self->claim == NULL)
    return;

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), fd_claim_get_reference (self->claim));
  _fd_claim_page_add_toast (self, _("Reference copied"));
}

static void
reply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *param)
{
  FdClaimPage *self = FD_CLAIM_PAGE (widget);
  GtkWidget *dialog;

  if (self->claim == NULL || self->store == NULL)
    return;

  dialog = fd_reply_dialog_new (_fd_claim_page_get_window (self), self->store, self->claim);
  g_signal_connect_object (dialog, "sent", G_CALLBACK (on_reply_dialog_sent_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FdClaimPage *self = FD_CLAIM_PAGE (widget);
  FdClaimStatus to = g_variant_get_int32 (param);
  g_autofree char *comment = NULL;
  g_autoptr(FdClaim) moved = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (self->claim == NULL || self->store == NULL)
    return;

  clear_errors (self);

  /* Resolving asks for the explanation first. */
  if (to == FD_CLAIM_STATUS_RESOLVED)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->resolve_group), TRUE);
      update_actions (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->problem_view));
      return;
    }

  comment = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->move_comment_entry))));
  moved = fd_store_move_claim (self->store, fd_claim_get_id (self->claim), to,
                               *comment != '\0' ? comment : NULL, &error);
  if (moved == NULL)
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->move_comment_entry), "");
  fd_claim_page_load (self, moved);
  /* Translators: %s is the claim's new status, e.g. "Acknowledged" */
  message = g_strdup_printf (_("Claim is now “%s”"), fd_claim_status_to_label (to));
  _fd_claim_page_add_toast (self, message);
}

static void
set_due_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  FdClaimPage *self = FD_CLAIM_PAGE (widget);
  FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;
  g_autoptr(GDateTime) day = NULL;
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GError) error = NULL;
  int hour, minute;

  if (self->claim == NULL || self->store == NULL)
    return;

  clear_errors (self);
  if (!fd_date_time_parse_time_of_day (gtk_editable_get_text (GTK_EDITABLE (self->due_time_entry)), &hour, &minute))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->due_time_entry), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->due_time_entry));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_time_entry),
                                   _("Enter the time as HH:MM, for example 17:00."));
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->due_time_entry), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->due_time_entry), "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (self->due_time_entry), GTK_ACCESSIBLE_STATE_INVALID);
  day = gtk_calendar_get_date (self->due_calendar);
  due = fd_date_time_new_on_day (day, hour, minute);
  gtk_popover_popdown (self->due_popover);
  if (due == NULL)
    return;

  changes.due_at = g_date_time_to_unix (due);
  if (changes.due_at == fd_claim_get_due_at (self->claim))
    return;

  apply_changes (self, &changes, _("Due date changed"));
  gtk_widget_grab_focus (GTK_WIDGET (self->due_button));
}

static void
on_due_popover_show_cb (FdClaimPage *self)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *time = NULL;

  if (self->claim == NULL)
    return;

  utc = g_date_time_new_from_unix_utc (MAX (fd_claim_get_due_at (self->claim), 0));
  local = g_date_time_to_local (utc);
  gtk_calendar_select_day (self->due_calendar, local);
  time = g_date_time_format (local, "%H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->due_time_entry), time);
  gtk_widget_remove_css_class (GTK_WIDGET (self->due_time_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->due_time_entry), _("The time, as HH:MM"));
  gtk_widget_grab_focus (GTK_WIDGET (self->due_calendar));
}

static void
resolve_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  FdClaimPage *self = FD_CLAIM_PAGE (widget);
  g_autofree char *problem = dup_buffer_text (self->problem_view);
  g_autofree char *solution = dup_buffer_text (self->solution_view);
  g_autofree char *benefit = dup_buffer_text (self->benefit_view);
  g_autoptr(FdClaim) resolved = NULL;
  g_autoptr(GError) error = NULL;

  if (self->claim == NULL || self->store == NULL)
    return;

  clear_errors (self);
  resolved = fd_store_resolve_claim (self->store, fd_claim_get_id (self->claim),
                                     problem, solution, benefit, &error);
  if (resolved == NULL)
    {
      show_error (self, error);
      return;
    }

  reset_resolve_form (self);
  fd_claim_page_load (self, resolved);
  _fd_claim_page_add_toast (self, _("Claim resolved. Ask the customer how satisfied they are."));
}

static void
cancel_resolve_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *param)
{
  FdClaimPage *self = FD_CLAIM_PAGE (widget);

  clear_errors (self);
  reset_resolve_form (self);
  update_actions (self);
}

/* Saving an attachment */

static void
on_save_dialog_response_cb (GtkNativeDialog *dialog,
                            int              response,
                            gpointer         user_data)
{
  g_autoptr(FdClaimPage) self = user_data;
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (dialog), "fd-attachment-id");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  if (response != GTK_RESPONSE_ACCEPT || self->store == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  bytes = fd_store_read_attachment (self->store, id, &name, &error);
  if (bytes == NULL ||
      !g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION, NULL, NULL, &error))
    {
      _fd_claim_page_add_toast (self, error->message);
      goto out;
    }

  /* Translators: %s is the attachment's file name */
  message = g_strdup_printf (_("Saved “%s”"), name);
  _fd_claim_page_add_toast (self, message);

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
save_attachment_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  FdClaimPage *self = FD_CLAIM_PAGE (widget);
  gint64 *id = g_new (gint64, 1);
  const char *name = NULL;
  GtkFileChooserNative *dialog;

  g_variant_get (param, "(x&s)", id, &name);

  dialog = gtk_file_chooser_native_new (_("Save Attachment"), _fd_claim_page_get_window (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  if (!is_blank (name))
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_object_set_data_full (G_OBJECT (dialog), "fd-attachment-id", id, g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_dialog_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_letter_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *param)
{
  FdClaimPage *self = FD_CLAIM_PAGE (widget);

  if (self->claim != NULL)
    _fd_claim_page_export_letter (self, fd_claim_get_id (self->claim), g_variant_get_int64 (param));
}

static void
print_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *param)
{
  FdClaimPage *self = FD_CLAIM_PAGE (widget);

  if (self->claim != NULL)
    _fd_claim_page_print_letter (self, fd_claim_get_id (self->claim), g_variant_get_int64 (param));
}

/* GObject */

static void
build_satisfaction (FdClaimPage *self)
{
  GtkWidget *label = gtk_label_new (_("How satisfied is the customer with the resolution?"));
  GtkWidget *toggles = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_box_append (self->satisfaction_box, label);

  gtk_widget_add_css_class (toggles, "linked");
  gtk_accessible_update_relation (GTK_ACCESSIBLE (toggles), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  label, NULL, -1);
  gtk_box_append (self->satisfaction_box, toggles);

  for (int i = 0; i < N_SATISFACTION; i++)
    {
      g_autofree char *text = g_strdup_printf ("%d", i + 1);
      /* Translators: accessible name of a satisfaction button, e.g. "4 of 5" */
      g_autofree char *description = g_strdup_printf (_("%d of 5"), i + 1);
      GtkWidget *button = gtk_toggle_button_new_with_label (text);

      gtk_widget_set_hexpand (button, TRUE);
      gtk_widget_set_tooltip_text (button, description);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      description, -1);
      if (i > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->satisfaction[0]);
      g_object_set_data (G_OBJECT (button), "fd-value", GINT_TO_POINTER (i + 1));
      g_signal_connect (button, "toggled", G_CALLBACK (on_satisfaction_toggled_cb), self);
      gtk_box_append (GTK_BOX (toggles), button);
      self->satisfaction[i] = GTK_TOGGLE_BUTTON (button);
    }
}

static void
fd_claim_page_dispose (GObject *object)
{
  FdClaimPage *self = (FdClaimPage *)object;

  /* The bin's child is also a template child: detach it first so AdwBin does not
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CLAIM_PAGE);
  g_clear_object (&self->claim);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_claim_page_parent_class)->dispose (object);
}

static void
fd_claim_page_finalize (GObject *object)
{
  FdClaimPage *self = (FdClaimPage *)object;

  g_clear_pointer (&self->category_codes, g_ptr_array_unref);
  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->concerns_shown, g_free);

  G_OBJECT_CLASS (fd_claim_page_parent_class)->finalize (object);
}

static void
fd_claim_page_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  FdClaimPage *self = FD_CLAIM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_CLAIM:
      g_value_set_object (value, self->claim);
      break;

    case PROP_FOLDED:
      g_value_set_boolean (value, self->folded);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_claim_page_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  FdClaimPage *self = FD_CLAIM_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_claim_page_set_store (self, g_value_get_object (value));
      break;

    case PROP_FOLDED:
      if (self->folded != !!g_value_get_boolean (value))
        {
          self->folded = !!g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_claim_page_class_init (FdClaimPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_claim_page_dispose;
  object_class->finalize = fd_claim_page_finalize;
  object_class->get_property = fd_claim_page_get_property;
  object_class->set_property = fd_claim_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_CLAIM] =
    g_param_spec_object ("claim", NULL, NULL,
                         FD_TYPE_CLAIM,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_FOLDED] =
    g_param_spec_boolean ("folded", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-claim-page.ui");
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, stack);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, reference_label);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, status_tag);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, due_tag);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, status_group);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, status_box);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, move_comment_entry);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, resolve_group);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, problem_view);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, solution_view);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, benefit_view);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, resolve_error);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, resolution_group);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, problem_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, solution_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, benefit_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, satisfaction_box);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, customer_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, followup_button);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, channel_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, category_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, priority_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, concerns_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, details_error_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, details_error);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, received_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, ack_due_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, due_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, due_button);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, due_popover);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, due_calendar);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, due_time_entry);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, due_set_button);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, due_error_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, due_error);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, thread_list);
  gtk_widget_class_bind_template_child (widget_class, FdClaimPage, history_list);
  gtk_widget_class_bind_template_callback (widget_class, on_category_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_priority_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_assignee_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_concerns_row_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_due_popover_show_cb);

  gtk_widget_class_install_action (widget_class, "claim.copy-reference", NULL, copy_reference_action);
  gtk_widget_class_install_action (widget_class, "claim.reply", NULL, reply_action);
  gtk_widget_class_install_action (widget_class, "claim.move", "i", move_action);
  gtk_widget_class_install_action (widget_class, "claim.resolve", NULL, resolve_action);
  gtk_widget_class_install_action (widget_class, "claim.set-due", NULL, set_due_action);
  gtk_widget_class_install_action (widget_class, "claim.cancel-resolve", NULL, cancel_resolve_action);
  gtk_widget_class_install_action (widget_class, "claim.save-attachment", "(xs)", save_attachment_action);
  gtk_widget_class_install_action (widget_class, "claim.export-letter", "x", export_letter_action);
  gtk_widget_class_install_action (widget_class, "claim.print-letter", "x", print_letter_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "claim.reply", NULL);
}

static void
fd_claim_page_init (FdClaimPage *self)
{
  g_autoptr(GtkStringList) priority_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->category_codes = g_ptr_array_new_with_free_func (g_free);
  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < G_N_ELEMENTS (priorities); i++)
    gtk_string_list_append (priority_labels, fd_claim_priority_to_label (priorities[i]));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priority_labels));

  gtk_list_box_set_placeholder (self->thread_list,
                                new_placeholder (_("No letters, e-mails or calls yet.")));
  gtk_list_box_set_placeholder (self->history_list, new_placeholder (_("No changes yet.")));

  gtk_popover_set_default_widget (self->due_popover, self->due_set_button);

  build_satisfaction (self);
  update_actions (self);
}

FdStore *
fd_claim_page_get_store (FdClaimPage *self)
{
  g_return_val_if_fail (FD_IS_CLAIM_PAGE (self), NULL);

  return self->store;
}

void
fd_claim_page_set_store (FdClaimPage *self,
                         FdStore     *store)
{
  g_return_if_fail (FD_IS_CLAIM_PAGE (self));
  g_return_if_fail (!store || FD_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);

  fd_claim_page_load (self, NULL);
  g_set_object (&self->store, store);

  if (store != NULL && g_signal_lookup ("claims-changed", FD_TYPE_STORE) != 0)
    g_signal_connect_object (store, "claims-changed", G_CALLBACK (on_store_claims_changed_cb),
                             self, G_CONNECT_SWAPPED);

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

FdClaim *
fd_claim_page_get_claim (FdClaimPage *self)
{
  g_return_val_if_fail (FD_IS_CLAIM_PAGE (self), NULL);

  return self->claim;
}

void
fd_claim_page_load (FdClaimPage *self,
                    FdClaim     *claim)
{
  gboolean same;

  g_return_if_fail (FD_IS_CLAIM_PAGE (self));
  g_return_if_fail (!claim || FD_IS_CLAIM (claim));

  same = claim != NULL && self->claim != NULL && fd_claim_get_id (claim) == fd_claim_get_id (self->claim);

  if (claim != self->claim)
    {
      g_set_object (&self->claim, claim);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLAIM]);
    }

  if (!same)
    {
      clear_errors (self);
      reset_resolve_form (self);
    }

  if (self->claim == NULL || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      update_actions (self);
      return;
    }

  fill (self, same);
  gtk_stack_set_visible_child_name (self->stack, "claim");
  if (!same)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  update_actions (self);
}

void
fd_claim_page_reload (FdClaimPage *self)
{
  g_autoptr(FdClaim) fresh = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FD_IS_CLAIM_PAGE (self));

  if (self->claim == NULL || self->store == NULL)
    return;

  fresh = fd_store_get_claim (self->store, fd_claim_get_id (self->claim), &error);
  if (fresh == NULL)
    {
      show_error (self, error);
      return;
    }

  fd_claim_page_load (self, fresh);
}
