/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-claim-row"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-claim-row.h"
#include "fd-date-time.h"

struct _FdClaimRow
{
  AdwBin    parent_instance;

  /* Template children */
  GtkLabel *reference_label;
  GtkLabel *due_label;
  GtkLabel *status_label;
  GtkLabel *customer_label;
  GtkLabel *details_label;

  /* Owned */
  FdClaim  *claim;
};

G_DEFINE_FINAL_TYPE (FdClaimRow, fd_claim_row, ADW_TYPE_BIN)

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
update (FdClaimRow *self,
        const char *customer_name,
        const char *category_label)
{
  g_autofree char *due_text = NULL;
  g_autofree char *details = NULL;
  FdClaimStatus status;
  FdClaimDue due;
  const char *category;

  status = fd_claim_get_status (self->claim);
  due = fd_claim_row_get_due (self->claim, g_get_real_time () / G_USEC_PER_SEC, &due_text);
  category = category_label != NULL ? category_label
                                    : fd_claim_category_to_label (fd_claim_get_category (self->claim));

  gtk_label_set_text (self->reference_label, fd_claim_get_reference (self->claim));
  gtk_label_set_text (self->status_label, fd_claim_status_to_label (status));
  set_tag_style (self->status_label,
                 status == FD_CLAIM_STATUS_RESOLVED || status == FD_CLAIM_STATUS_CLOSED ? "success" : NULL);

  gtk_label_set_text (self->due_label, due_text != NULL ? due_text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->due_label), due != FD_CLAIM_DUE_NONE);
  set_tag_style (self->due_label,
                 due == FD_CLAIM_DUE_OVERDUE ? "error" : due == FD_CLAIM_DUE_TODAY ? "warning" : NULL);

  if (due == FD_CLAIM_DUE_OVERDUE)
    gtk_widget_add_css_class (GTK_WIDGET (self), "fd-claim-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "fd-claim-overdue");

  gtk_label_set_text (self->customer_label,
                      customer_name != NULL && *customer_name != '\0'
                        ? customer_name : C_("customer", "Unknown customer"));

  /* Translators: a claim's kind and category on one line, e.g. "Complaint · Slow response" */
  details = g_strdup_printf (C_("claim row", "%1$s · %2$s"),
                             fd_claim_kind_to_label (fd_claim_get_kind (self->claim)),
                             category != NULL ? category : fd_claim_get_category (self->claim));
  gtk_label_set_text (self->details_label, details);
}

static void
clear (FdClaimRow *self)
{
  gtk_label_set_text (self->reference_label, "");
  gtk_label_set_text (self->status_label, "");
  gtk_label_set_text (self->due_label, "");
  gtk_label_set_text (self->customer_label, "");
  gtk_label_set_text (self->details_label, "");
  gtk_widget_remove_css_class (GTK_WIDGET (self), "fd-claim-overdue");
}

static void
fd_claim_row_dispose (GObject *object)
{
  FdClaimRow *self = (FdClaimRow *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CLAIM_ROW);
  g_clear_object (&self->claim);

  G_OBJECT_CLASS (fd_claim_row_parent_class)->dispose (object);
}

static void
fd_claim_row_class_init (FdClaimRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_claim_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-claim-row.ui");
  gtk_widget_class_bind_template_child (widget_class, FdClaimRow, reference_label);
  gtk_widget_class_bind_template_child (widget_class, FdClaimRow, due_label);
  gtk_widget_class_bind_template_child (widget_class, FdClaimRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, FdClaimRow, customer_label);
  gtk_widget_class_bind_template_child (widget_class, FdClaimRow, details_label);
}

static void
fd_claim_row_init (FdClaimRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
fd_claim_row_new (void)
{
  return g_object_new (FD_TYPE_CLAIM_ROW, NULL);
}

FdClaim *
fd_claim_row_get_claim (FdClaimRow *self)
{
  g_return_val_if_fail (FD_IS_CLAIM_ROW (self), NULL);

  return self->claim;
}

void
fd_claim_row_set_claim (FdClaimRow *self,
                        FdClaim    *claim,
                        const char *customer_name,
                        const char *category_label)
{
  g_return_if_fail (FD_IS_CLAIM_ROW (self));
  g_return_if_fail (!claim || FD_IS_CLAIM (claim));

  g_set_object (&self->claim, claim);

  if (claim == NULL)
    clear (self);
  else
    update (self, customer_name, category_label);
}

FdClaimDue
fd_claim_row_get_due (FdClaim  *claim,
                      gint64    now,
                      char    **text)
{
  g_autoptr(GDateTime) due = NULL;
  g_autoptr(GDateTime) today = NULL;
  FdClaimStatus status;

  g_return_val_if_fail (FD_IS_CLAIM (claim), FD_CLAIM_DUE_NONE);

  if (text != NULL)
    *text = NULL;

  status = fd_claim_get_status (claim);
  if (status == FD_CLAIM_STATUS_RESOLVED || status == FD_CLAIM_STATUS_CLOSED ||
      fd_claim_get_due_at (claim) <= 0)
    return FD_CLAIM_DUE_NONE;

  if (fd_claim_is_overdue (claim, now))
    {
      if (text != NULL)
        *text = g_strdup (C_("claim due", "Overdue"));
      return FD_CLAIM_DUE_OVERDUE;
    }

  due = fd_date_time_local_from_unix (fd_claim_get_due_at (claim));
  today = fd_date_time_local_from_unix (now);

  if (due != NULL && today != NULL &&
      g_date_time_get_year (due) == g_date_time_get_year (today) &&
      g_date_time_get_day_of_year (due) == g_date_time_get_day_of_year (today))
    {
      if (text != NULL)
        *text = g_strdup (C_("claim due", "Due today"));
      return FD_CLAIM_DUE_TODAY;
    }

  if (text != NULL && due != NULL)
    {
      /* Translators: when a claim must be resolved, in g_date_time_format() syntax,
       * e.g. "Due 14 Mar" */
      *text = g_date_time_format (due, C_("claim due", "Due %-d %b"));
    }

  return FD_CLAIM_DUE_LATER;
}
