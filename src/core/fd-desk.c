/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-desk"

#include "config.h"

#include "fd-desk.h"

struct _FdDesk
{
  GObject  parent_instance;

  gint64   id;
  gint64   branch_id;
  char    *name;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_BRANCH_ID,
  PROP_NAME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdDesk, fd_desk, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
fd_desk_finalize (GObject *object)
{
  g_free (FD_DESK (object)->name);
  G_OBJECT_CLASS (fd_desk_parent_class)->finalize (object);
}

static void
fd_desk_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  FdDesk *self = FD_DESK (object);

  switch (prop_id)
    {
    case PROP_ID:        g_value_set_int64 (value, self->id); break;
    case PROP_BRANCH_ID: g_value_set_int64 (value, self->branch_id); break;
    case PROP_NAME:      g_value_set_string (value, self->name); break;
    default:             G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_desk_class_init (FdDeskClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fd_desk_finalize;
  object_class->get_property = fd_desk_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_BRANCH_ID] = g_param_spec_int64 ("branch-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_desk_init (FdDesk *self)
{
}

FdDesk *
fd_desk_new (gint64      id,
             gint64      branch_id,
             const char *name)
{
  FdDesk *self = g_object_new (FD_TYPE_DESK, NULL);

  self->id = id;
  self->branch_id = branch_id;
  self->name = g_strdup (name);
  return self;
}

gint64
fd_desk_get_id (FdDesk *self)
{
  g_return_val_if_fail (FD_IS_DESK (self), 0);
  return self->id;
}

gint64
fd_desk_get_branch_id (FdDesk *self)
{
  g_return_val_if_fail (FD_IS_DESK (self), 0);
  return self->branch_id;
}

const char *
fd_desk_get_name (FdDesk *self)
{
  g_return_val_if_fail (FD_IS_DESK (self), NULL);
  return self->name;
}
