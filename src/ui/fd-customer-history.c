/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "fd-customer-history"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-customer-history.h"
#include "fd-date-time.h"
#include "fd-error.h"

#define PAGE_SIZE 30
/* The next page is read once the list's end is less than this many screens below the
 * bottom of what is shown: a page (30 rows, about 1,800 pixels) is usually there before
 * the user reaches it. */
#define MORE_SCREENS 1.0

struct _FdCustomerHistory
{
  AdwBin               parent_instance;

  /* Template children */
  AdwPreferencesGroup *history_group;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *kind_dropdown;
  GtkDropDown         *period_dropdown;
  GtkWidget           *custom_box;
  GtkMenuButton       *from_button;
  GtkMenuButton       *to_button;
  GtkCalendar         *from_calendar;
  GtkCalendar         *to_calendar;
  GtkLabel            *range_error;
  GtkListBox          *history_list;
  GtkWidget           *more_button;
  GtkWidget           *new_claim_button;
  GtkWidget           *new_followup_button;

  /* Owned */
  GtkLabel            *placeholder;   /* the list's, which holds it */
  FdStore             *store;
  GSignalGroup        *store_signals;
  GSignalGroup        *adjustment_signals;  /* the scrolled window's, while mapped */
  GtkScrolledWindow   *scroller;            /* the ancestor, while mapped */
  FdHistoryCursor      cursor;
  gint64               customer_id;
  guint                reload_source;
  guint                more_tick;
  int                  from_day;            /* the custom period, yyyymmdd; 0: not chosen yet */
  int                  to_day;
  gboolean             updating;            /* filling the calendars: their signals run nothing */
};

enum {
  PROP_0,
  PROP_STORE,
  PROP_CUSTOMER_ID,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdCustomerHistory, fd_customer_history, ADW_TYPE_BIN)

static GParamSpec *properties[N_PROPS];

/* The kind filter's choices after "All Kinds", in order. */
static const FdHistoryKinds kind_choices[] = {
  FD_HISTORY_VISITS,
  FD_HISTORY_CLAIMS,
  FD_HISTORY_CORRESPONDENCE,
  FD_HISTORY_FOLLOW_UPS,
  FD_HISTORY_RENEWALS,
  FD_HISTORY_CHANGES,
};

/* The period filter's choices: days back from today, 0 for any time; then "Custom…". */
static const int period_days[] = { 0, 7, 30, 365 };
#define PERIOD_CUSTOM G_N_ELEMENTS (period_days)

static char *
format_time (gint64 unix_time)
{
  g_autoptr(GDateTime) local = g_date_time_new_from_unix_local (unix_time);

  if (local == NULL)
    return NULL;
  /* Translators: date and time of a history entry, in g_date_time_format() syntax,
   * e.g. "3 March 2024, 14:05" */
  return g_date_time_format (local, _("%-d %B %Y, %H:%M"));
}

/* Each kind of history entry gets its own icon, so the timeline reads at a glance. */
static const char *
history_icon (const char *kind)
{
  if (g_strcmp0 (kind, "visit") == 0)          return "avatar-default-symbolic";
  if (g_strcmp0 (kind, "claim") == 0)          return "mail-unread-symbolic";
  if (g_strcmp0 (kind, "correspondence") == 0) return "mail-send-symbolic";
  if (g_strcmp0 (kind, "follow_up") == 0)      return "alarm-symbolic";
  if (g_strcmp0 (kind, "renewal") == 0)        return "view-refresh-symbolic";
  return "document-edit-symbolic";
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static FdHistoryFilter
current_filter (FdCustomerHistory *self)
{
  FdHistoryFilter filter = FD_HISTORY_FILTER_INIT;
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  guint period = gtk_drop_down_get_selected (self->period_dropdown);

  if (kind > 0 && kind <= G_N_ELEMENTS (kind_choices))
    filter.kinds = kind_choices[kind - 1];
  if (period > 0 && period < G_N_ELEMENTS (period_days))
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) from = g_date_time_add_days (now, -period_days[period]);

      filter.from_day = fd_date_time_to_day (from);
    }
  else if (period == PERIOD_CUSTOM)
    {
      /* Both days included, as the store takes them. */
      filter.from_day = self->from_day;
      filter.to_day = self->to_day;
    }
  filter.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  return filter;
}

static GtkWidget *
create_row (FdHistoryEntry *entry)
{
  g_autofree char *when = format_time (fd_history_entry_get_at (entry));
  const char *detail = fd_history_entry_get_detail (entry);
  const char *kind = fd_history_entry_get_kind (entry);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), fd_history_entry_get_title (entry));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  if (detail != NULL && *detail != '\0' && when != NULL)
    {
      /* Translators: subtitle of a history entry: %1$s is the date, %2$s what changed */
      g_autofree char *subtitle = g_strdup_printf (C_("history", "%1$s — %2$s"), when, detail);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  else if (when != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), when);
  else if (detail != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), detail);

  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name (history_icon (kind)));

  /* A claim opens on the Claims page. */
  if (g_strcmp0 (kind, "claim") == 0)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-claim");
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row),
                                              g_variant_new_int64 (fd_history_entry_get_id (entry)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }
  return row;
}

/* The store's own sentence, beside the day buttons, for a period it refuses; NULL clears it. */
static void
show_range_error (FdCustomerHistory *self,
                  const GError      *error)
{
  gboolean from = error != NULL && g_strcmp0 (fd_error_get_field (error), "from") == 0;
  gboolean to = error != NULL && !from;

  gtk_label_set_label (self->range_error, error != NULL ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->range_error), error != NULL);
  /* Nothing is listed for a period that does not exist, not even "nothing matches". */
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), error == NULL);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->from_button), GTK_ACCESSIBLE_STATE_INVALID,
                               from ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->to_button), GTK_ACCESSIBLE_STATE_INVALID,
                               to ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE, -1);
}

/* Whether the list's end is near enough to the bottom of the scrolled window to read the
 * next page. Measured in the scrolled content, which scrolling does not move, against the
 * adjustment, so it holds before the next layout too. */
static gboolean
list_end_is_near (FdCustomerHistory *self)
{
  GtkWidget *list = GTK_WIDGET (self->history_list);
  GtkAdjustment *adjustment;
  GtkWidget *content;
  double x, y;

  if (self->scroller == NULL || !gtk_widget_get_mapped (list))
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  content = gtk_scrolled_window_get_child (self->scroller);
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  if (content == NULL || gtk_adjustment_get_page_size (adjustment) <= 0 ||
      !gtk_widget_translate_coordinates (list, content, 0, gtk_widget_get_height (list), &x, &y))
    return FALSE;

  return y <= gtk_adjustment_get_value (adjustment)
              + (1.0 + MORE_SCREENS) * gtk_adjustment_get_page_size (adjustment);
}

static gboolean
can_load_more (FdCustomerHistory *self)
{
  return self->store != NULL && self->customer_id > 0 && !self->cursor.end;
}

static void queue_more (FdCustomerHistory *self);

static void
load_page (FdCustomerHistory *self)
{
  FdHistoryFilter filter = current_filter (self);
  g_autoptr(GPtrArray) page = NULL;
  g_autoptr(GError) error = NULL;

  page = fd_store_list_history_page (self->store, self->customer_id, &filter, &self->cursor, PAGE_SIZE, &error);
  if (page == NULL)
    {
      if (g_error_matches (error, FD_ERROR, FD_ERROR_INVALID))
        show_range_error (self, error);
      else
        g_warning ("Could not read history: %s", error->message);
      self->cursor.end = TRUE;
    }
  for (guint i = 0; page != NULL && i < page->len; i++)
    gtk_list_box_append (self->history_list, create_row (g_ptr_array_index (page, i)));
  gtk_widget_set_visible (self->more_button, !self->cursor.end);
  /* A short page may leave the end in sight: look again once it is laid out. A search
   * page that found nothing waits for the user, so a search never reads on by itself. */
  if (page != NULL && page->len > 0)
    queue_more (self);
}

static gboolean
more_tick_cb (GtkWidget     *widget,
              GdkFrameClock *frame_clock,
              gpointer       user_data)
{
  FdCustomerHistory *self = FD_CUSTOMER_HISTORY (widget);

  self->more_tick = 0;
  if (can_load_more (self) && list_end_is_near (self))
    load_page (self);
  return G_SOURCE_REMOVE;
}

/* At the start of the next frame: the rows just added have been laid out by then, and rows
 * added there are laid out in the same frame. An idle would wait behind every frame while
 * something animates (frames are slow without a GPU). */
static void
queue_more (FdCustomerHistory *self)
{
  if (self->more_tick == 0 && self->scroller != NULL && can_load_more (self))
    self->more_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), more_tick_cb, NULL, NULL);
}

static void
cancel_more (FdCustomerHistory *self)
{
  if (self->more_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->more_tick);
  self->more_tick = 0;
}

static void
reload_history (FdCustomerHistory *self)
{
  FdHistoryFilter filter = current_filter (self);
  gboolean filtered = filter.kinds != 0 || filter.from_day != 0 || (filter.search && *filter.search);

  clear_list (self->history_list);
  cancel_more (self);
  self->cursor = (FdHistoryCursor) FD_HISTORY_CURSOR_INIT;
  show_range_error (self, NULL);
  gtk_label_set_label (self->placeholder, filtered ? _("Nothing matches these filters.")
                                                   : _("No visits, claims or changes yet."));
  if (self->store == NULL || self->customer_id <= 0)
    return;
  load_page (self);
}

static void
update_visibility (FdCustomerHistory *self)
{
  gboolean shown = self->store != NULL && self->customer_id > 0;

  gtk_widget_set_visible (GTK_WIDGET (self->history_group), shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.more", shown);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->new_claim_button),
                                          g_variant_new ("(xx)", self->customer_id, (gint64) 0));
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->new_followup_button),
                                          g_variant_new ("(xxx)", self->customer_id, (gint64) 0, (gint64) 0));
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  FdCustomerHistory *self = user_data;

  self->reload_source = 0;
  fd_customer_history_reload (self);
  return G_SOURCE_REMOVE;
}

/* A burst of changes reloads once. */
static void
on_store_changed_cb (FdCustomerHistory *self)
{
  if (self->customer_id > 0 && self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_LOW, reload_idle_cb, self, NULL);
}

static void
on_filter_changed_cb (FdCustomerHistory *self)
{
  /* Disposing the template clears the drop-downs' models too. */
  if (self->store_signals == NULL)
    return;
  reload_history (self);
}

/* The custom period's days on its buttons and in its calendars. */
static void
show_custom_days (FdCustomerHistory *self)
{
  self->updating = TRUE;
  fd_date_time_select_calendar_day (self->from_calendar, self->from_day);
  fd_date_time_select_calendar_day (self->to_calendar, self->to_day);
  self->updating = FALSE;
  fd_date_time_set_button_day (self->from_button, _("First day"), self->from_day);
  fd_date_time_set_button_day (self->to_button, _("Last day"), self->to_day);
}

static void
on_period_changed_cb (FdCustomerHistory *self)
{
  gboolean custom;

  if (self->store_signals == NULL)
    return;

  custom = gtk_drop_down_get_selected (self->period_dropdown) == PERIOD_CUSTOM;
  if (custom && self->from_day == 0)
    {
      /* The first custom period is the last 30 days, to be narrowed or moved from there. */
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autoptr(GDateTime) from = g_date_time_add_days (now, -30);

      self->from_day = fd_date_time_to_day (from);
      self->to_day = fd_date_time_to_day (now);
    }
  if (custom)
    show_custom_days (self);
  gtk_widget_set_visible (self->custom_box, custom);
  reload_history (self);
}

static void
on_calendar_day_selected_cb (FdCustomerHistory *self,
                             GtkCalendar       *calendar)
{
  if (self->updating || self->store_signals == NULL)
    return;

  /* Taken as chosen, even the first day after the last: the store refuses that, and its
   * sentence shows beside the buttons until one of them moves. */
  self->from_day = fd_date_time_get_calendar_day (self->from_calendar);
  self->to_day = fd_date_time_get_calendar_day (self->to_calendar);
  fd_date_time_set_button_day (self->from_button, _("First day"), self->from_day);
  fd_date_time_set_button_day (self->to_button, _("Last day"), self->to_day);
  gtk_menu_button_popdown (calendar == self->from_calendar ? self->from_button : self->to_button);
  reload_history (self);
}

static void
on_adjustment_changed_cb (FdCustomerHistory *self)
{
  queue_more (self);
}

static void
more_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *param)
{
  FdCustomerHistory *self = FD_CUSTOMER_HISTORY (widget);
  GtkWidget *last = gtk_widget_get_last_child (GTK_WIDGET (self->history_list));

  if (self->store == NULL || self->customer_id <= 0 || self->cursor.end)
    return;
  load_page (self);
  /* Keep the keyboard where the new rows start, not on a button that may hide. */
  if (last != NULL && gtk_widget_get_next_sibling (last) != NULL)
    gtk_widget_grab_focus (gtk_widget_get_next_sibling (last));
}

static void
fd_customer_history_dispose (GObject *object)
{
  FdCustomerHistory *self = FD_CUSTOMER_HISTORY (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  cancel_more (self);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  if (self->adjustment_signals != NULL)
    g_signal_group_set_target (self->adjustment_signals, NULL);
  g_clear_object (&self->adjustment_signals);
  self->scroller = NULL;
  g_clear_object (&self->store);
  /* The bin's child is a template child: let it go first, as AdwBin would later. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), FD_TYPE_CUSTOMER_HISTORY);
  g_clear_object (&self->placeholder);

  G_OBJECT_CLASS (fd_customer_history_parent_class)->dispose (object);
}

/* The page scrolls in an ancestor: its adjustment says when the list's end comes near. */
static void
fd_customer_history_map (GtkWidget *widget)
{
  FdCustomerHistory *self = FD_CUSTOMER_HISTORY (widget);
  GtkWidget *scroller;

  GTK_WIDGET_CLASS (fd_customer_history_parent_class)->map (widget);

  scroller = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  self->scroller = scroller != NULL ? GTK_SCROLLED_WINDOW (scroller) : NULL;
  g_signal_group_set_target (self->adjustment_signals,
                             scroller != NULL ? gtk_scrolled_window_get_vadjustment (self->scroller) : NULL);
  queue_more (self);
}

static void
fd_customer_history_unmap (GtkWidget *widget)
{
  FdCustomerHistory *self = FD_CUSTOMER_HISTORY (widget);

  cancel_more (self);
  g_signal_group_set_target (self->adjustment_signals, NULL);
  self->scroller = NULL;

  GTK_WIDGET_CLASS (fd_customer_history_parent_class)->unmap (widget);
}

static void
fd_customer_history_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  FdCustomerHistory *self = FD_CUSTOMER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CUSTOMER_ID:
      g_value_set_int64 (value, self->customer_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_history_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  FdCustomerHistory *self = FD_CUSTOMER_HISTORY (object);

  switch (prop_id)
    {
    case PROP_STORE:
      fd_customer_history_set_store (self, g_value_get_object (value));
      break;
    case PROP_CUSTOMER_ID:
      fd_customer_history_set_customer_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_history_class_init (FdCustomerHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = fd_customer_history_dispose;
  object_class->get_property = fd_customer_history_get_property;
  object_class->set_property = fd_customer_history_set_property;
  widget_class->map = fd_customer_history_map;
  widget_class->unmap = fd_customer_history_unmap;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, FD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CUSTOMER_ID] =
    g_param_spec_int64 ("customer-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/frontdesk/Frontdesk/ui/fd-customer-history.ui");
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, history_group);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, search_entry);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, period_dropdown);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, custom_box);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, from_button);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, to_button);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, from_calendar);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, to_calendar);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, range_error);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, history_list);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, more_button);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, new_claim_button);
  gtk_widget_class_bind_template_child (widget_class, FdCustomerHistory, new_followup_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_period_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_calendar_day_selected_cb);

  gtk_widget_class_install_action (widget_class, "history.more", NULL, more_action);
}

static void
fd_customer_history_init (FdCustomerHistory *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) periods = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cursor = (FdHistoryCursor) FD_HISTORY_CURSOR_INIT;

  /* GTK 4.8's list box has no placeholder property for the template to set. */
  self->placeholder = g_object_ref_sink (GTK_LABEL (gtk_label_new (NULL)));
  gtk_label_set_wrap (self->placeholder, TRUE);
  gtk_widget_set_margin_top (GTK_WIDGET (self->placeholder), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->placeholder), 18);
  gtk_widget_set_margin_start (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->placeholder), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->placeholder), "dim-label");
  gtk_list_box_set_placeholder (self->history_list, GTK_WIDGET (self->placeholder));

  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; i < G_N_ELEMENTS (kind_choices); i++)
    gtk_string_list_append (kinds, fd_history_kind_to_label (kind_choices[i]));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));

  gtk_string_list_append (periods, _("Any Time"));
  gtk_string_list_append (periods, _("Last 7 Days"));
  gtk_string_list_append (periods, _("Last 30 Days"));
  gtk_string_list_append (periods, _("Last 12 Months"));
  /* Translators: the last choice of the history's period: opens two day buttons */
  gtk_string_list_append (periods, C_("history period", "Custom…"));
  gtk_drop_down_set_model (self->period_dropdown, G_LIST_MODEL (periods));

  self->store_signals = g_signal_group_new (FD_TYPE_STORE);
  g_signal_group_connect_swapped (self->store_signals, "customers-changed", G_CALLBACK (on_store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "visits-changed", G_CALLBACK (on_store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "claims-changed", G_CALLBACK (on_store_changed_cb), self);
  g_signal_group_connect_swapped (self->store_signals, "followups-changed", G_CALLBACK (on_store_changed_cb), self);

  /* Scrolled, or laid out anew (rows added, the window resized). */
  self->adjustment_signals = g_signal_group_new (GTK_TYPE_ADJUSTMENT);
  g_signal_group_connect_swapped (self->adjustment_signals, "value-changed", G_CALLBACK (on_adjustment_changed_cb), self);
  g_signal_group_connect_swapped (self->adjustment_signals, "changed", G_CALLBACK (on_adjustment_changed_cb), self);

  /* Screen readers hear why a refused period lists nothing. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->from_button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->range_error, NULL, -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->to_button), GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->range_error, NULL, -1);

  update_visibility (self);
}

FdStore *
fd_customer_history_get_store (FdCustomerHistory *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_HISTORY (self), NULL);
  return self->store;
}

void
fd_customer_history_set_store (FdCustomerHistory *self,
                               FdStore           *store)
{
  g_return_if_fail (FD_IS_CUSTOMER_HISTORY (self));
  g_return_if_fail (store == NULL || FD_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;
  g_signal_group_set_target (self->store_signals, store);
  fd_customer_history_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

gint64
fd_customer_history_get_customer_id (FdCustomerHistory *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER_HISTORY (self), 0);
  return self->customer_id;
}

void
fd_customer_history_set_customer_id (FdCustomerHistory *self,
                                     gint64             customer_id)
{
  g_return_if_fail (FD_IS_CUSTOMER_HISTORY (self));

  if (self->customer_id == customer_id)
    return;

  self->customer_id = customer_id;
  /* Another customer starts without the previous one's filters. */
  g_signal_handlers_block_by_func (self->search_entry, on_filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->kind_dropdown, on_filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->period_dropdown, on_period_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->kind_dropdown, 0);
  gtk_drop_down_set_selected (self->period_dropdown, 0);
  g_signal_handlers_unblock_by_func (self->search_entry, on_filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->kind_dropdown, on_filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->period_dropdown, on_period_changed_cb, self);
  gtk_widget_set_visible (self->custom_box, FALSE);
  self->from_day = self->to_day = 0;
  fd_customer_history_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CUSTOMER_ID]);
}

void
fd_customer_history_reload (FdCustomerHistory *self)
{
  g_return_if_fail (FD_IS_CUSTOMER_HISTORY (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  update_visibility (self);
  if (self->store == NULL || self->customer_id <= 0)
    {
      clear_list (self->history_list);
      return;
    }
  reload_history (self);
}
