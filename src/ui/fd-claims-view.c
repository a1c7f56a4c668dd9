/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-claims-view"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-claim-row.h"
#include "fd-claims-view.h"

struct _FdClaimsView
{
  AdwBin            parent_instance;

  /* Template children */
  AdwLeaflet       *leaflet;
  GtkWidget        *list_pane;
  GtkSearchEntry   *search_entry;
  GtkToggleButton  *filter_button;
  AdwComboRow      *status_row;
  AdwComboRow      *kind_row;
  AdwComboRow      *category_row;
  AdwComboRow      *assignee_row;
  AdwComboRow      *branch_row;
  GtkSwitch        *overdue_switch;
  GtkStack         *list_stack;
  GtkScrolledWindow *list_scroller;
  GtkListView      *list_view;
  AdwStatusPage    *empty_page;
  GtkLabel         *count_label;
  FdClaimPage      *page;

  /* Owned */
  FdStore          *store;
  FdClaimListModel *claims;
  GtkNoSelection   *selection;
  GArray           *staff_ids;    /* gint64, after "Anyone" and "Unassigned" */
  GArray           *branch_ids;   /* gint64, after "All Branches" */
  GStrv             category_codes; /* after "Any" */

  guint             loading : 1;
};

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdClaimsView, fd_claims_view, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

static const FdClaimKind kinds[] = {
  FD_CLAIM_KIND_COMPLAINT,
  FD_CLAIM_KIND_COMPLIMENT,
  FD_CLAIM_KIND_SUGGESTION,
  FD_CLAIM_KIND_REQUEST,
};

/* Filters */

static gint64
selected_id (AdwComboRow *row,
             GArray      *ids,
             guint        offset)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected < offset || selected - offset >= ids->len)
    return 0;

  return g_array_index (ids, gint64, selected - offset);
}

static guint
position_of_id (GArray *ids,
                gint64  id,
                guint   offset)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i + offset;

  return 0;
}

/* Every combo starts with "any": position 0 leaves that field of the filter open. */
static void
build_filter (FdClaimsView  *self,
              FdClaimFilter *filter)
{
  guint status = adw_combo_row_get_selected (self->status_row);
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint category = adw_combo_row_get_selected (self->category_row);
  guint assignee = adw_combo_row_get_selected (self->assignee_row);

  if (status > 0 && status != GTK_INVALID_LIST_POSITION && status - 1 <= FD_CLAIM_STATUS_CLOSED)
    filter->status = status - 1;
  if (kind > 0 && kind != GTK_INVALID_LIST_POSITION && kind - 1 < G_N_ELEMENTS (kinds))
    filter->kind = kinds[kind - 1];
  if (category > 0 && category != GTK_INVALID_LIST_POSITION && self->category_codes != NULL &&
      category - 1 < g_strv_length (self->category_codes))
    filter->category = self->category_codes[category - 1];
  if (assignee == 1)
    filter->assignee_id = -1;
  else
    filter->assignee_id = selected_id (self->assignee_row, self->staff_ids, 2);
  filter->branch_id = selected_id (self->branch_row, self->branch_ids, 1);
  filter->overdue = gtk_switch_get_active (self->overdue_switch);
}

static gboolean
filter_is_open (const FdClaimFilter *filter)
{
  return filter->status < 0 && filter->kind < 0 && filter->category == NULL &&
         filter->assignee_id == 0 && filter->branch_id == 0 && !filter->overdue;
}

static void
fill_static_filters (FdClaimsView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);

  /* Translators: claim filter: claims of every status */
  gtk_string_list_append (statuses, C_("claim filter", "Any"));
  for (int status = FD_CLAIM_STATUS_NEW; status <= FD_CLAIM_STATUS_CLOSED; status++)
    gtk_string_list_append (statuses, fd_claim_status_to_label (status));

  /* Translators: claim filter: claims of every kind */
  gtk_string_list_append (kind_labels, C_("claim filter", "Any"));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    gtk_string_list_append (kind_labels, fd_claim_kind_to_label (kinds[i]));

  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));
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

/* The branch's categories, editable: rebuilt when they change, keeping the chosen one. */
static void
fill_categories (FdClaimsView *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *chosen = NULL;
  guint category = adw_combo_row_get_selected (self->category_row);
  guint selected = 0;

  if (self->category_codes != NULL && category > 0 && category != GTK_INVALID_LIST_POSITION &&
      category - 1 < g_strv_length (self->category_codes))
    chosen = g_strdup (self->category_codes[category - 1]);

  if (self->store != NULL && !fd_store_list_claim_categories (self->store, &codes, &names, &error))
    g_warning ("Could not read the claim categories: %s", error->message);

  /* Translators: claim filter: claims of every category */
  gtk_string_list_append (labels, C_("claim filter", "Any"));
  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      gtk_string_list_append (labels, names[i]);
      if (g_strcmp0 (codes[i], chosen) == 0)
        selected = i + 1;
    }

  g_strfreev (self->category_codes);
  self->category_codes = g_steal_pointer (&codes);

  self->loading = TRUE;
  if (!same_strings (adw_combo_row_get_model (self->category_row), labels))
    adw_combo_row_set_model (self->category_row, G_LIST_MODEL (labels));
  adw_combo_row_set_selected (self->category_row, selected);
  self->loading = FALSE;
}

/* Staff and branches change with the store: rebuilt, keeping what was chosen. */
static void
fill_store_filters (FdClaimsView *self)
{
  g_autoptr(GtkStringList) staff = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) branch_names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(GArray) ids = NULL;
  g_auto(GStrv) names = NULL;
  g_auto(GStrv) roles = NULL;
  g_autoptr(GError) error = NULL;
  gint64 staff_id = selected_id (self->assignee_row, self->staff_ids, 2);
  gint64 branch_id = selected_id (self->branch_row, self->branch_ids, 1);
  guint assignee = adw_combo_row_get_selected (self->assignee_row);

  self->loading = TRUE;
  g_array_set_size (self->staff_ids, 0);
  g_array_set_size (self->branch_ids, 0);

  /* Translators: claim filter: claims handled by anyone or nobody */
  gtk_string_list_append (staff, C_("claim filter", "Anyone"));
  /* Translators: claim filter: claims nobody handles yet */
  gtk_string_list_append (staff, C_("claim filter", "Nobody"));
  /* Translators: claim filter: claims of every branch */
  gtk_string_list_append (branch_names, C_("claim filter", "All Branches"));

  if (self->store != NULL)
    {
      gint64 current = fd_store_get_current_branch (self->store);

      if (current > 0 && !fd_store_list_staff (self->store, current, &ids, &names, &roles, &error))
        g_warning ("Could not read the staff: %s", error->message);
      for (guint i = 0; ids != NULL && i < ids->len; i++)
        {
          g_array_append_val (self->staff_ids, g_array_index (ids, gint64, i));
          gtk_string_list_append (staff, names[i]);
        }

      g_clear_error (&error);
      branches = fd_store_list_branches (self->store, &error);
      if (branches == NULL)
        g_warning ("Could not read the branches: %s", error->message);
      for (guint i = 0; branches != NULL && i < branches->len; i++)
        {
          FdBranch *branch = g_ptr_array_index (branches, i);
          gint64 id = fd_branch_get_id (branch);

          g_array_append_val (self->branch_ids, id);
          gtk_string_list_append (branch_names, fd_branch_get_name (branch));
        }
    }

  adw_combo_row_set_model (self->assignee_row, G_LIST_MODEL (staff));
  adw_combo_row_set_selected (self->assignee_row,
                              assignee == 1 ? 1 : position_of_id (self->staff_ids, staff_id, 2));
  adw_combo_row_set_model (self->branch_row, G_LIST_MODEL (branch_names));
  adw_combo_row_set_selected (self->branch_row, position_of_id (self->branch_ids, branch_id, 1));
  gtk_widget_set_visible (GTK_WIDGET (self->branch_row), self->branch_ids->len > 1);
  self->loading = FALSE;

  fill_categories (self);
}

/* The list */

static void
update_actions (FdClaimsView *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "claims.go-back",
                                 adw_leaflet_get_folded (self->leaflet));
}

static char *
dup_count_text (FdClaimsView *self,
                guint         n_items,
                gboolean      searching)
{
  gboolean more = fd_claim_list_model_get_has_more (self->claims);

  if (searching && more)
    /* Translators: a search found this many claims so far, and there are more */
    return g_strdup_printf (ngettext ("More than %'u result", "More than %'u results", n_items), n_items);
  if (searching)
    /* Translators: number of claims found by a search */
    return g_strdup_printf (ngettext ("%'u result", "%'u results", n_items), n_items);
  if (more)
    /* Translators: number of claims read so far; scrolling down reads more */
    return g_strdup_printf (ngettext ("%'u claim, more below", "%'u claims, more below", n_items), n_items);

  /* Translators: number of claims in the list */
  return g_strdup_printf (ngettext ("%'u claim", "%'u claims", n_items), n_items);
}

static void
show_empty (FdClaimsView *self,
            const char   *query,
            gboolean      filtered)
{
  if (query != NULL && *query != '\0')
    {
      /* Translators: %s is what the user searched for */
      g_autofree char *description = g_markup_printf_escaped (_("No claim or correspondence matches “%s”. Try a reference, a name or words from a letter."), query);

      adw_status_page_set_icon_name (self->empty_page, "edit-find-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Results"));
      adw_status_page_set_description (self->empty_page, description);
    }
  else if (filtered)
    {
      adw_status_page_set_icon_name (self->empty_page, "mail-unread-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Matching Claims"));
      adw_status_page_set_description (self->empty_page, _("No claim fits these filters."));
    }
  else
    {
      adw_status_page_set_icon_name (self->empty_page, "mail-unread-symbolic");
      adw_status_page_set_title (self->empty_page, _("No Claims"));
      adw_status_page_set_description (self->empty_page,
                                       _("Open the first complaint, compliment, suggestion or request with Ctrl+N."));
    }

  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

static void
update_count (FdClaimsView *self)
{
  g_autofree char *count = NULL;
  FdClaimFilter filter = FD_CLAIM_FILTER_INIT;
  const char *query = NULL;
  const char *error;
  guint n_items;

  if (self->claims == NULL)
    {
      gtk_label_set_text (self->count_label, "");
      show_empty (self, NULL, FALSE);
      return;
    }

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->claims));
  query = fd_claim_list_model_get_query (self->claims);
  error = fd_claim_list_model_get_error (self->claims);
  fd_claim_list_model_get_filter (self->claims, &filter);

  /* A failed read says so where the count would be. */
  if (error != NULL)
    {
      gtk_label_set_text (self->count_label, error);
      gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "error");
    }
  else
    {
      count = dup_count_text (self, n_items, query != NULL && *query != '\0');
      gtk_label_set_text (self->count_label, count);
      gtk_widget_remove_css_class (GTK_WIDGET (self->count_label), "error");
    }

  if (n_items > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else
    show_empty (self, query, !filter_is_open (&filter));
}

static void
show_page (FdClaimsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, GTK_WIDGET (self->page));
}

static void
show_list (FdClaimsView *self)
{
  adw_leaflet_set_visible_child (self->leaflet, self->list_pane);
}

static void
open_position (FdClaimsView *self,
               guint         position)
{
  g_autoptr(FdClaim) claim = NULL;

  if (self->claims == NULL)
    return;

  claim = g_list_model_get_item (G_LIST_MODEL (self->claims), position);
  if (claim == NULL)
    return;

  fd_claim_page_load (self->page, claim);
  show_page (self);
}

/* Signal callbacks */

static void
on_factory_setup_cb (GtkListItemFactory *factory,
                     GtkListItem        *item,
                     gpointer            user_data)
{
  gtk_list_item_set_child (item, fd_claim_row_new ());
}

/* Rows never query: the customer's name was read with the claim's page. */
static void
on_factory_bind_cb (GtkListItemFactory *factory,
                    GtkListItem        *item,
                    FdClaimsView       *self)
{
  FdClaim *claim = gtk_list_item_get_item (item);
  const char *name = NULL;
  const char *category = NULL;

  if (self->claims != NULL && claim != NULL)
    {
      name = fd_claim_list_model_get_customer_name (self->claims, fd_claim_get_customer_id (claim));
      category = fd_claim_list_model_get_category_label (self->claims, fd_claim_get_category (claim));
    }

  fd_claim_row_set_claim (FD_CLAIM_ROW (gtk_list_item_get_child (item)), claim, name, category);
}

static void
on_factory_unbind_cb (GtkListItemFactory *factory,
                      GtkListItem        *item,
                      gpointer            user_data)
{
  fd_claim_row_set_claim (FD_CLAIM_ROW (gtk_list_item_get_child (item)), NULL, NULL, NULL);
}

static void
on_search_entry_search_changed_cb (FdClaimsView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = *text != '\0';

  if (self->claims == NULL)
    return;

  /* Search covers every claim: the filters wait until the search is cleared. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->filter_button), !searching);
  if (searching)
    gtk_toggle_button_set_active (self->filter_button, FALSE);

  fd_claim_list_model_set_query (self->claims, text);
  update_count (self);
}

static void
on_search_entry_activate_cb (FdClaimsView *self)
{
  open_position (self, 0);
}

static void
on_list_view_activate_cb (FdClaimsView *self,
                          guint         position)
{
  open_position (self, position);
}

static void
on_filter_changed_cb (FdClaimsView *self)
{
  FdClaimFilter filter = FD_CLAIM_FILTER_INIT;

  if (self->loading || self->claims == NULL)
    return;

  build_filter (self, &filter);
  fd_claim_list_model_set_filter (self->claims, &filter);
  update_count (self);
}

/* Within a screenful of the end, the next page is read. */
static void
on_list_adjustment_changed_cb (FdClaimsView  *self,
                               GtkAdjustment *adjustment)
{
  double left = gtk_adjustment_get_upper (adjustment) -
                (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment));

  if (self->claims != NULL && gtk_adjustment_get_page_size (adjustment) > 0 &&
      left < gtk_adjustment_get_page_size (adjustment))
    fd_claim_list_model_load_more (self->claims);
}

static void
on_leaflet_folded_changed_cb (FdClaimsView *self)
{
  update_actions (self);
}

/* A category added or renamed elsewhere shows up in the filter. */
static void
on_store_claims_changed_cb (FdClaimsView *self)
{
  fill_categories (self);
  on_filter_changed_cb (self);
}

static void
on_store_branches_changed_cb (FdClaimsView *self)
{
  fill_store_filters (self);
  on_filter_changed_cb (self);
}

/* Actions */

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *param)
{
  show_list (FD_CLAIMS_VIEW (widget));
}

/* Ctrl+R replies to the open claim from the list as well. */
static gboolean
reply_shortcut_cb (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   user_data)
{
  FdClaimsView *self = FD_CLAIMS_VIEW (widget);

  if (fd_claim_page_get_claim (self->page) == NULL)
    return FALSE;

  return gtk_widget_activate_action (GTK_WIDGET (self->page), "claim.reply", NULL);
}

/* GObject */

static void
fd_claims_view_dispose (GObject *object)
{
  FdClaimsView *self = (FdClaimsView *)object;

  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);

  /* The bin's child is also a template child: detach it first so AdwBin does not
   * unparent it a second time. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CLAIMS_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->claims);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (fd_claims_view_parent_class)->dispose (object);
}

static void
fd_claims_view_finalize (GObject *object)
{
  FdClaimsView *self = (FdClaimsView *)object;

  g_clear_pointer (&self->staff_ids, g_array_unref);
  g_clear_pointer (&self->branch_ids, g_array_unref);
  g_clear_pointer (&self->category_codes, g_strfreev);

  G_OBJECT_CLASS (fd_claims_view_parent_class)->finalize (object);
}

static void
fd_claims_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  FdClaimsView *self = FD_CLAIMS_VIEW (object);

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
fd_claims_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  FdClaimsView *self = FD_CLAIMS_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_claims_view_set_store (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_claims_view_class_init (FdClaimsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_claims_view_dispose;
  object_class->finalize = fd_claims_view_finalize;
  object_class->get_property = fd_claims_view_get_property;
  object_class->set_property = fd_claims_view_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         FD_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (FD_TYPE_CLAIM_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/fd-claims-view.ui");
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, list_pane);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, status_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, kind_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, category_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, assignee_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, branch_row);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, overdue_switch);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, list_scroller);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, list_view);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, FdClaimsView, page);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_leaflet_folded_changed_cb);

  gtk_widget_class_install_action (widget_class, "claims.go-back", NULL, go_back_action);

  gtk_widget_class_add_binding (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, reply_shortcut_cb, NULL);
}

static void
fd_claims_view_init (FdClaimsView *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->staff_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->branch_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);

  self->loading = TRUE;
  fill_static_filters (self);
  self->loading = FALSE;
  fill_store_filters (self);

  g_object_bind_property (self->leaflet, "folded", self->page, "folded", G_BINDING_SYNC_CREATE);

  adjustment = gtk_scrolled_window_get_vadjustment (self->list_scroller);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_list_adjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_list_adjustment_changed_cb),
                           self, G_CONNECT_SWAPPED);

  update_count (self);
  update_actions (self);
}

FdStore *
fd_claims_view_get_store (FdClaimsView *self)
{
  g_return_val_if_fail (FD_IS_CLAIMS_VIEW (self), NULL);

  return self->store;
}

void
fd_claims_view_set_store (FdClaimsView *self,
                          FdStore      *store)
{
  FdClaimFilter filter = FD_CLAIM_FILTER_INIT;

  g_return_if_fail (FD_IS_CLAIMS_VIEW (self));
  g_return_if_fail (!store || FD_IS_STORE (store));

  if (self->store == store)
    return;

  gtk_list_view_set_model (self->list_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->claims);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);

  fd_claim_page_set_store (self->page, store);
  fill_store_filters (self);

  if (store != NULL)
    {
      g_signal_connect_object (store, "branches-changed", G_CALLBACK (on_store_branches_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (store, "claims-changed", G_CALLBACK (on_store_claims_changed_cb),
                               self, G_CONNECT_SWAPPED);

      /* The lazy model goes straight into the view: a filter or sort model on top would read
       * every row. */
      self->claims = fd_claim_list_model_new (store);
      build_filter (self, &filter);
      fd_claim_list_model_set_filter (self->claims, &filter);
      g_signal_connect_object (self->claims, "items-changed", G_CALLBACK (update_count), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->claims, "notify::has-more", G_CALLBACK (update_count), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->claims, "notify::error", G_CALLBACK (update_count), self,
                               G_CONNECT_SWAPPED);

      self->selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->claims)));
      gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
    }

  update_count (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

FdClaimListModel *
fd_claims_view_get_list (FdClaimsView *self)
{
  g_return_val_if_fail (FD_IS_CLAIMS_VIEW (self), NULL);

  return self->claims;
}

FdClaimPage *
fd_claims_view_get_page (FdClaimsView *self)
{
  g_return_val_if_fail (FD_IS_CLAIMS_VIEW (self), NULL);

  return self->page;
}

void
fd_claims_view_focus_search (FdClaimsView *self)
{
  g_return_if_fail (FD_IS_CLAIMS_VIEW (self));

  show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Puts the keyboard where the view is: the search over the list, or the open claim. */
void
fd_claims_view_focus (FdClaimsView *self)
{
  g_return_if_fail (FD_IS_CLAIMS_VIEW (self));

  if (adw_leaflet_get_visible_child (self->leaflet) == self->list_pane ||
      !gtk_widget_child_focus (GTK_WIDGET (self->page), GTK_DIR_TAB_FORWARD))
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
fd_claims_view_open_claim (FdClaimsView *self,
                           gint64        id)
{
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (FD_IS_CLAIMS_VIEW (self));

  if (self->store == NULL)
    return;

  claim = fd_store_get_claim (self->store, id, &error);
  if (claim == NULL)
    {
      GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

      if (overlay != NULL)
        adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (error->message));
      else
        g_warning ("Could not open claim %" G_GINT64_FORMAT ": %s", id, error->message);
      return;
    }

  fd_claim_page_load (self->page, claim);
  show_page (self);
}
