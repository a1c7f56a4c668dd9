/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-branch"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fd-branch.h"
#include "fd-error.h"

struct _FdBranch
{
  GObject  parent_instance;

  gint64   id;
  char    *name;
  char    *country;
  char    *address;
  char    *phone;
  char    *email;
  int      opens[7];     /* minutes after midnight, Monday first; -1 closed */
  int      closes[7];
};

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_COUNTRY,
  PROP_ADDRESS,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdBranch, fd_branch, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
fd_branch_finalize (GObject *object)
{
  FdBranch *self = FD_BRANCH (object);

  g_free (self->name);
  g_free (self->country);
  g_free (self->address);
  g_free (self->phone);
  g_free (self->email);
  G_OBJECT_CLASS (fd_branch_parent_class)->finalize (object);
}

static void
fd_branch_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  FdBranch *self = FD_BRANCH (object);

  switch (prop_id)
    {
    case PROP_ID:      g_value_set_int64 (value, self->id); break;
    case PROP_NAME:    g_value_set_string (value, self->name); break;
    case PROP_COUNTRY: g_value_set_string (value, self->country); break;
    case PROP_ADDRESS: g_value_set_string (value, self->address); break;
    default:           G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_branch_class_init (FdBranchClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fd_branch_finalize;
  object_class->get_property = fd_branch_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);
  properties[PROP_COUNTRY] = g_param_spec_string ("country", NULL, NULL, NULL, ro);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_branch_init (FdBranch *self)
{
  /* A new branch opens 9:00–17:00 on weekdays until told otherwise. */
  for (int d = 0; d < 7; d++)
    {
      self->opens[d] = d < 5 ? 9 * 60 : -1;
      self->closes[d] = d < 5 ? 17 * 60 : -1;
    }
}

FdBranch *
fd_branch_new (void)
{
  return g_object_new (FD_TYPE_BRANCH, NULL);
}

static char *
clean (const char *text)
{
  char *copy;

  if (text == NULL)
    return NULL;
  copy = g_strstrip (g_strdup (text));
  if (*copy == '\0')
    g_clear_pointer (&copy, g_free);
  return copy;
}

#define TEXT_ACCESSORS(field) \
  const char *fd_branch_get_##field (FdBranch *self) \
  { \
    g_return_val_if_fail (FD_IS_BRANCH (self), NULL); \
    return self->field; \
  } \
  void fd_branch_set_##field (FdBranch *self, const char *value) \
  { \
    g_return_if_fail (FD_IS_BRANCH (self)); \
    g_free (self->field); \
    self->field = clean (value); \
  }

TEXT_ACCESSORS (name)
TEXT_ACCESSORS (address)
TEXT_ACCESSORS (phone)
TEXT_ACCESSORS (email)

const char *
fd_branch_get_country (FdBranch *self)
{
  g_return_val_if_fail (FD_IS_BRANCH (self), NULL);
  return self->country;
}

void
fd_branch_set_country (FdBranch   *self,
                       const char *country)
{
  g_return_if_fail (FD_IS_BRANCH (self));
  g_free (self->country);
  self->country = clean (country);
  if (self->country)
    {
      char *upper = g_ascii_strup (self->country, -1);
      g_free (self->country);
      self->country = upper;
    }
}

gint64
fd_branch_get_id (FdBranch *self)
{
  g_return_val_if_fail (FD_IS_BRANCH (self), 0);
  return self->id;
}

void
fd_branch_set_id (FdBranch *self,
                  gint64    id)
{
  g_return_if_fail (FD_IS_BRANCH (self));
  self->id = id;
}

/**
 * fd_branch_get_hours:
 * @weekday: 1 (Monday) … 7 (Sunday)
 *
 * Returns: whether the branch opens that day; the span in minutes after midnight
 */
gboolean
fd_branch_get_hours (FdBranch *self,
                     int       weekday,
                     int      *opens_min,
                     int      *closes_min)
{
  g_return_val_if_fail (FD_IS_BRANCH (self), FALSE);
  g_return_val_if_fail (weekday >= 1 && weekday <= 7, FALSE);

  if (opens_min)
    *opens_min = self->opens[weekday - 1];
  if (closes_min)
    *closes_min = self->closes[weekday - 1];
  return self->opens[weekday - 1] >= 0;
}

/* @opens_min < 0 marks the day closed. */
void
fd_branch_set_hours (FdBranch *self,
                     int       weekday,
                     int       opens_min,
                     int       closes_min)
{
  g_return_if_fail (FD_IS_BRANCH (self));
  g_return_if_fail (weekday >= 1 && weekday <= 7);

  self->opens[weekday - 1] = opens_min < 0 ? -1 : opens_min;
  self->closes[weekday - 1] = opens_min < 0 ? -1 : closes_min;
}

gboolean
fd_branch_validate (FdBranch  *self,
                    GError   **error)
{
  g_return_val_if_fail (FD_IS_BRANCH (self), FALSE);

  if (self->name == NULL)
    {
      fd_set_invalid (error, "name", _("Enter the name of the branch."));
      return FALSE;
    }
  if (self->country == NULL || strlen (self->country) != 2 ||
      !g_ascii_isalpha (self->country[0]) || !g_ascii_isalpha (self->country[1]))
    {
      fd_set_invalid (error, "country",
                      _("The country is a two-letter code, such as NL, BE, RS or LV."));
      return FALSE;
    }
  if (self->email && (strchr (self->email, '@') == NULL || strchr (self->email, ' ')))
    {
      /* Translators: %s is what the user typed as an e-mail address */
      fd_set_invalid (error, "email", _("“%s” is not a valid e-mail address."), self->email);
      return FALSE;
    }
  for (int d = 0; d < 7; d++)
    if (self->opens[d] >= 0 &&
        (self->opens[d] >= self->closes[d] || self->closes[d] > 24 * 60))
      {
        fd_set_invalid (error, "hours", _("A branch must open before it closes, within the day."));
        return FALSE;
      }
  return TRUE;
}

static const char *
weekday_name (int weekday)
{
  switch (weekday)
    {
    case 1:  return _("Monday");
    case 2:  return _("Tuesday");
    case 3:  return _("Wednesday");
    case 4:  return _("Thursday");
    case 5:  return _("Friday");
    case 6:  return _("Saturday");
    default: return _("Sunday");
    }
}

/**
 * fd_branch_dup_card_text:
 *
 * Returns: (transfer full): name, address, phone, e-mail and the weekly hours, one per
 *   line, ready to copy for a customer
 */
char *
fd_branch_dup_card_text (FdBranch *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (FD_IS_BRANCH (self), NULL);

  g_string_append_printf (text, "%s\n", self->name ? self->name : "");
  if (self->address)
    g_string_append_printf (text, "%s\n", self->address);
  if (self->phone)
    {
      /* Translators: %s is a phone number */
      g_string_append_printf (text, _("Phone: %s"), self->phone);
      g_string_append_c (text, '\n');
    }
  if (self->email)
    {
      /* Translators: %s is an e-mail address */
      g_string_append_printf (text, _("E-mail: %s"), self->email);
      g_string_append_c (text, '\n');
    }

  g_string_append_printf (text, "\n%s\n", _("Opening hours"));
  for (int d = 1; d <= 7; d++)
    {
      if (self->opens[d - 1] < 0)
        /* Translators: %s is a weekday */
        g_string_append_printf (text, _("%s: closed"), weekday_name (d));
      else
        /* Translators: a weekday and its opening hours, e.g. “Monday: 09:00–17:00” */
        g_string_append_printf (text, _("%s: %02d:%02d–%02d:%02d"), weekday_name (d),
                                self->opens[d - 1] / 60, self->opens[d - 1] % 60,
                                self->closes[d - 1] / 60, self->closes[d - 1] % 60);
      g_string_append_c (text, '\n');
    }
  return g_string_free (text, FALSE);
}
