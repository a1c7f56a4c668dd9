/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-history-entry"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "fd-history-entry.h"

struct _FdHistoryEntry
{
  GObject  parent_instance;

  char    *kind;
  gint64   id;
  gint64   at;
  char    *title;
  char    *detail;
  char    *actor;
  char    *field;
  char    *old_value;
  char    *new_value;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_ID,
  PROP_AT,
  PROP_TITLE,
  PROP_DETAIL,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdHistoryEntry, fd_history_entry, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const struct
{
  FdHistoryKinds  kind;
  const char     *code;
  const char     *label;
} kinds[] = {
  { FD_HISTORY_VISITS, "visit", N_("Visits") },
  { FD_HISTORY_CLAIMS, "claim", N_("Claims") },
  { FD_HISTORY_CORRESPONDENCE, "correspondence", N_("Correspondence") },
  { FD_HISTORY_FOLLOW_UPS, "follow_up", N_("Follow-ups") },
  { FD_HISTORY_RENEWALS, "renewal", N_("Renewals") },
  { FD_HISTORY_CHANGES, "change", N_("Record changes") },
};

const char *
fd_history_kind_to_code (FdHistoryKinds kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return kinds[i].code;
  return NULL;
}

gboolean
fd_history_kind_from_code (const char     *code,
                           FdHistoryKinds *kind)
{
  for (guint i = 0; code != NULL && i < G_N_ELEMENTS (kinds); i++)
    if (g_str_equal (kinds[i].code, code))
      {
        *kind = kinds[i].kind;
        return TRUE;
      }
  return FALSE;
}

const char *
fd_history_kind_to_label (FdHistoryKinds kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].kind == kind)
      return _(kinds[i].label);
  return NULL;
}

static void
fd_history_entry_finalize (GObject *object)
{
  FdHistoryEntry *self = FD_HISTORY_ENTRY (object);

  g_free (self->kind);
  g_free (self->title);
  g_free (self->detail);
  g_free (self->actor);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);

  G_OBJECT_CLASS (fd_history_entry_parent_class)->finalize (object);
}

static void
fd_history_entry_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  FdHistoryEntry *self = FD_HISTORY_ENTRY (object);

  switch (prop_id)
    {
    case PROP_KIND:   g_value_set_string (value, self->kind); break;
    case PROP_ID:     g_value_set_int64 (value, self->id); break;
    case PROP_AT:     g_value_set_int64 (value, self->at); break;
    case PROP_TITLE:  g_value_set_string (value, self->title); break;
    case PROP_DETAIL: g_value_set_string (value, self->detail); break;
    default:          G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_history_entry_class_init (FdHistoryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fd_history_entry_finalize;
  object_class->get_property = fd_history_entry_get_property;

  properties[PROP_KIND] = g_param_spec_string ("kind", NULL, NULL, NULL, ro);
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_AT] = g_param_spec_int64 ("at", NULL, NULL, G_MININT64, G_MAXINT64, 0, ro);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);
  properties[PROP_DETAIL] = g_param_spec_string ("detail", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_history_entry_init (FdHistoryEntry *self)
{
}

FdHistoryEntry *
fd_history_entry_new (const char *kind,
                      gint64      id,
                      gint64      at,
                      const char *title,
                      const char *detail)
{
  FdHistoryEntry *self = g_object_new (FD_TYPE_HISTORY_ENTRY, NULL);

  self->kind = g_strdup (kind);
  self->id = id;
  self->at = at;
  self->title = g_strdup (title);
  self->detail = g_strdup (detail);
  return self;
}

const char *
fd_history_entry_get_kind (FdHistoryEntry *self)
{
  g_return_val_if_fail (FD_IS_HISTORY_ENTRY (self), NULL);
  return self->kind;
}

gint64
fd_history_entry_get_id (FdHistoryEntry *self)
{
  g_return_val_if_fail (FD_IS_HISTORY_ENTRY (self), 0);
  return self->id;
}

gint64
fd_history_entry_get_at (FdHistoryEntry *self)
{
  g_return_val_if_fail (FD_IS_HISTORY_ENTRY (self), 0);
  return self->at;
}

const char *
fd_history_entry_get_title (FdHistoryEntry *self)
{
  g_return_val_if_fail (FD_IS_HISTORY_ENTRY (self), NULL);
  return self->title;
}

const char *
fd_history_entry_get_detail (FdHistoryEntry *self)
{
  g_return_val_if_fail (FD_IS_HISTORY_ENTRY (self), NULL);
  return self->detail;
}

/* For a recorded change: who made it, and the field's stored values before and after. */
void
fd_history_entry_set_change (FdHistoryEntry *self,
                             const char     *actor,
                             const char     *field,
                             const char     *old_value,
                             const char     *new_value)
{
  g_return_if_fail (FD_IS_HISTORY_ENTRY (self));
  g_free (self->actor);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);
  self->actor = g_strdup (actor);
  self->field = g_strdup (field);
  self->old_value = g_strdup (old_value);
  self->new_value = g_strdup (new_value);
}

const char *
fd_history_entry_get_actor (FdHistoryEntry *self)
{
  g_return_val_if_fail (FD_IS_HISTORY_ENTRY (self), NULL);
  return self->actor;
}

const char *
fd_history_entry_get_field (FdHistoryEntry *self)
{
  g_return_val_if_fail (FD_IS_HISTORY_ENTRY (self), NULL);
  return self->field;
}

const char *
fd_history_entry_get_old_value (FdHistoryEntry *self)
{
  g_return_val_if_fail (FD_IS_HISTORY_ENTRY (self), NULL);
  return self->old_value;
}

const char *
fd_history_entry_get_new_value (FdHistoryEntry *self)
{
  g_return_val_if_fail (FD_IS_HISTORY_ENTRY (self), NULL);
  return self->new_value;
}
