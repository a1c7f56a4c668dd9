/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-customer"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "fd-customer-private.h"
#include "fd-error.h"
#include "fd-fold.h"

struct _FdCustomer
{
  GObject         parent_instance;

  gint64          id;
  FdCustomerKind  kind;
  char           *given_name;
  char           *family_name;
  char           *email;
  char           *phone;
  char           *address;
  char           *language;
  FdChannel       channel;
  int             birth_year;
  char           *notes;
  gint64          created_at;
  gint64          updated_at;
  gint64          archived_at;
};

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_GIVEN_NAME,
  PROP_FAMILY_NAME,
  PROP_EMAIL,
  PROP_PHONE,
  PROP_ADDRESS,
  PROP_LANGUAGE,
  PROP_CHANNEL,
  PROP_BIRTH_YEAR,
  PROP_NOTES,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_ARCHIVED_AT,
  PROP_DISPLAY_NAME,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FdCustomer, fd_customer, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static const GEnumValue kind_values[] = {
  { FD_CUSTOMER_KIND_PERSON, "FD_CUSTOMER_KIND_PERSON", "person" },
  { FD_CUSTOMER_KIND_ORGANISATION, "FD_CUSTOMER_KIND_ORGANISATION", "organisation" },
  { FD_CUSTOMER_KIND_INTERNAL, "FD_CUSTOMER_KIND_INTERNAL", "internal" },
  { 0, NULL, NULL }
};

static const GEnumValue channel_values[] = {
  { FD_CHANNEL_NONE, "FD_CHANNEL_NONE", "none" },
  { FD_CHANNEL_IN_PERSON, "FD_CHANNEL_IN_PERSON", "in_person" },
  { FD_CHANNEL_PHONE, "FD_CHANNEL_PHONE", "phone" },
  { FD_CHANNEL_EMAIL, "FD_CHANNEL_EMAIL", "email" },
  { FD_CHANNEL_LETTER, "FD_CHANNEL_LETTER", "letter" },
  { 0, NULL, NULL }
};

GType
fd_customer_kind_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("FdCustomerKind", kind_values));
  return type;
}

GType
fd_channel_get_type (void)
{
  static gsize type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("FdChannel", channel_values));
  return type;
}

const char *
fd_customer_kind_to_code (FdCustomerKind kind)
{
  g_return_val_if_fail (kind <= FD_CUSTOMER_KIND_INTERNAL, NULL);
  return kind_values[kind].value_nick;
}

gboolean
fd_customer_kind_from_code (const char     *code,
                            FdCustomerKind *kind)
{
  for (guint i = 0; code && kind_values[i].value_nick; i++)
    if (g_str_equal (code, kind_values[i].value_nick))
      {
        *kind = kind_values[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
fd_customer_kind_to_label (FdCustomerKind kind)
{
  switch (kind)
    {
    case FD_CUSTOMER_KIND_PERSON:       return C_("customer kind", "Person");
    case FD_CUSTOMER_KIND_ORGANISATION: return C_("customer kind", "Organisation");
    case FD_CUSTOMER_KIND_INTERNAL:     return C_("customer kind", "Internal department");
    default:                            g_return_val_if_reached (NULL);
    }
}

const char *
fd_channel_to_code (FdChannel channel)
{
  g_return_val_if_fail (channel <= FD_CHANNEL_LETTER, NULL);
  return channel_values[channel].value_nick;
}

gboolean
fd_channel_from_code (const char *code,
                      FdChannel  *channel)
{
  for (guint i = 0; code && channel_values[i].value_nick; i++)
    if (g_str_equal (code, channel_values[i].value_nick))
      {
        *channel = channel_values[i].value;
        return TRUE;
      }
  return FALSE;
}

const char *
fd_channel_to_label (FdChannel channel)
{
  switch (channel)
    {
    case FD_CHANNEL_NONE:      return C_("channel", "No preference");
    case FD_CHANNEL_IN_PERSON: return C_("channel", "In person");
    case FD_CHANNEL_PHONE:     return C_("channel", "Phone");
    case FD_CHANNEL_EMAIL:     return C_("channel", "E-mail");
    case FD_CHANNEL_LETTER:    return C_("channel", "Letter");
    default:                   g_return_val_if_reached (NULL);
    }
}

const char * const *
fd_languages (void)
{
  static const char * const languages[] = { "en", "nl", "sr", "sr@latin", "lv", NULL };
  return languages;
}

const char *
fd_language_to_label (const char *code)
{
  if (code == NULL || *code == '\0')
    return C_("language", "Not set");
  if (g_str_equal (code, "en"))
    return C_("language", "English");
  if (g_str_equal (code, "nl"))
    return C_("language", "Dutch");
  if (g_str_equal (code, "sr"))
    return C_("language", "Serbian (Cyrillic)");
  if (g_str_equal (code, "sr@latin"))
    return C_("language", "Serbian (Latin)");
  if (g_str_equal (code, "lv"))
    return C_("language", "Latvian");
  return code;
}

static gboolean
is_language (const char *code)
{
  return g_strv_contains (fd_languages (), code);
}

/* Empty or blank strings are stored as NULL; the rest is trimmed. */
static gboolean
set_text (char       **field,
          const char  *value)
{
  g_autofree char *clean = NULL;

  if (value != NULL)
    {
      clean = g_strstrip (g_strdup (value));
      if (*clean == '\0')
        g_clear_pointer (&clean, g_free);
    }

  if (g_strcmp0 (*field, clean) == 0)
    return FALSE;

  g_free (*field);
  *field = g_steal_pointer (&clean);
  return TRUE;
}

static void
fd_customer_finalize (GObject *object)
{
  FdCustomer *self = FD_CUSTOMER (object);

  g_free (self->given_name);
  g_free (self->family_name);
  g_free (self->email);
  g_free (self->phone);
  g_free (self->address);
  g_free (self->language);
  g_free (self->notes);

  G_OBJECT_CLASS (fd_customer_parent_class)->finalize (object);
}

static void
fd_customer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  FdCustomer *self = FD_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:           g_value_set_int64 (value, self->id); break;
    case PROP_KIND:         g_value_set_enum (value, self->kind); break;
    case PROP_GIVEN_NAME:   g_value_set_string (value, self->given_name); break;
    case PROP_FAMILY_NAME:  g_value_set_string (value, self->family_name); break;
    case PROP_EMAIL:        g_value_set_string (value, self->email); break;
    case PROP_PHONE:        g_value_set_string (value, self->phone); break;
    case PROP_ADDRESS:      g_value_set_string (value, self->address); break;
    case PROP_LANGUAGE:     g_value_set_string (value, self->language); break;
    case PROP_CHANNEL:      g_value_set_enum (value, self->channel); break;
    case PROP_BIRTH_YEAR:   g_value_set_int (value, self->birth_year); break;
    case PROP_NOTES:        g_value_set_string (value, self->notes); break;
    case PROP_CREATED_AT:   g_value_set_int64 (value, self->created_at); break;
    case PROP_UPDATED_AT:   g_value_set_int64 (value, self->updated_at); break;
    case PROP_ARCHIVED_AT:  g_value_set_int64 (value, self->archived_at); break;
    case PROP_DISPLAY_NAME: g_value_take_string (value, fd_customer_dup_display_name (self)); break;
    default:                G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  FdCustomer *self = FD_CUSTOMER (object);

  switch (prop_id)
    {
    case PROP_ID:          fd_customer_set_id (self, g_value_get_int64 (value)); break;
    case PROP_KIND:        fd_customer_set_kind (self, g_value_get_enum (value)); break;
    case PROP_GIVEN_NAME:  fd_customer_set_given_name (self, g_value_get_string (value)); break;
    case PROP_FAMILY_NAME: fd_customer_set_family_name (self, g_value_get_string (value)); break;
    case PROP_EMAIL:       fd_customer_set_email (self, g_value_get_string (value)); break;
    case PROP_PHONE:       fd_customer_set_phone (self, g_value_get_string (value)); break;
    case PROP_ADDRESS:     fd_customer_set_address (self, g_value_get_string (value)); break;
    case PROP_LANGUAGE:    fd_customer_set_language (self, g_value_get_string (value)); break;
    case PROP_CHANNEL:     fd_customer_set_channel (self, g_value_get_enum (value)); break;
    case PROP_BIRTH_YEAR:  fd_customer_set_birth_year (self, g_value_get_int (value)); break;
    case PROP_NOTES:       fd_customer_set_notes (self, g_value_get_string (value)); break;
    case PROP_CREATED_AT:  fd_customer_set_created_at (self, g_value_get_int64 (value)); break;
    case PROP_UPDATED_AT:  fd_customer_set_updated_at (self, g_value_get_int64 (value)); break;
    case PROP_ARCHIVED_AT: fd_customer_set_archived_at (self, g_value_get_int64 (value)); break;
    default:               G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
fd_customer_class_init (FdCustomerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = fd_customer_finalize;
  object_class->get_property = fd_customer_get_property;
  object_class->set_property = fd_customer_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, FD_TYPE_CUSTOMER_KIND,
                                             FD_CUSTOMER_KIND_PERSON, rw);
  properties[PROP_GIVEN_NAME] = g_param_spec_string ("given-name", NULL, NULL, NULL, rw);
  properties[PROP_FAMILY_NAME] = g_param_spec_string ("family-name", NULL, NULL, NULL, rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, NULL, rw);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, NULL, rw);
  properties[PROP_ADDRESS] = g_param_spec_string ("address", NULL, NULL, NULL, rw);
  properties[PROP_LANGUAGE] = g_param_spec_string ("language", NULL, NULL, NULL, rw);
  properties[PROP_CHANNEL] = g_param_spec_enum ("channel", NULL, NULL, FD_TYPE_CHANNEL,
                                                FD_CHANNEL_NONE, rw);
  properties[PROP_BIRTH_YEAR] = g_param_spec_int ("birth-year", NULL, NULL, 0, G_MAXINT, 0, rw);
  properties[PROP_NOTES] = g_param_spec_string ("notes", NULL, NULL, NULL, rw);
  properties[PROP_CREATED_AT] = g_param_spec_int64 ("created-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_UPDATED_AT] = g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ARCHIVED_AT] = g_param_spec_int64 ("archived-at", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_DISPLAY_NAME] =
    g_param_spec_string ("display-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
fd_customer_init (FdCustomer *self)
{
}

FdCustomer *
fd_customer_new (void)
{
  return g_object_new (FD_TYPE_CUSTOMER, NULL);
}

/**
 * fd_customer_copy:
 *
 * Returns: (transfer full): an independent copy, e.g. a draft to edit
 */
FdCustomer *
fd_customer_copy (FdCustomer *self)
{
  FdCustomer *copy;

  g_return_val_if_fail (FD_IS_CUSTOMER (self), NULL);

  copy = fd_customer_new ();
  copy->id = self->id;
  copy->kind = self->kind;
  copy->given_name = g_strdup (self->given_name);
  copy->family_name = g_strdup (self->family_name);
  copy->email = g_strdup (self->email);
  copy->phone = g_strdup (self->phone);
  copy->address = g_strdup (self->address);
  copy->language = g_strdup (self->language);
  copy->channel = self->channel;
  copy->birth_year = self->birth_year;
  copy->notes = g_strdup (self->notes);
  copy->created_at = self->created_at;
  copy->updated_at = self->updated_at;
  copy->archived_at = self->archived_at;
  return copy;
}

/**
 * fd_customer_equal_content:
 *
 * Returns: whether the user-editable fields of @a and @b are the same
 */
gboolean
fd_customer_equal_content (FdCustomer *a,
                           FdCustomer *b)
{
  g_return_val_if_fail (FD_IS_CUSTOMER (a) && FD_IS_CUSTOMER (b), FALSE);

  return a->kind == b->kind &&
         g_strcmp0 (a->given_name, b->given_name) == 0 &&
         g_strcmp0 (a->family_name, b->family_name) == 0 &&
         g_strcmp0 (a->email, b->email) == 0 &&
         g_strcmp0 (a->phone, b->phone) == 0 &&
         g_strcmp0 (a->address, b->address) == 0 &&
         g_strcmp0 (a->language, b->language) == 0 &&
         a->channel == b->channel &&
         a->birth_year == b->birth_year &&
         g_strcmp0 (a->notes, b->notes) == 0;
}

static gboolean
validate_email (const char  *email,
                GError     **error)
{
  const char *at;
  const char *dot;

  if (email == NULL)
    return TRUE;

  at = strchr (email, '@');
  dot = at ? strrchr (at, '.') : NULL;
  if (at == NULL || at == email || strchr (at + 1, '@') != NULL ||
      dot == NULL || dot == at + 1 || dot[1] == '\0' ||
      strpbrk (email, " \t\n,;<>()[]\\\"") != NULL)
    {
      /* Translators: %s is what the user typed as an e-mail address */
      fd_set_invalid (error, "email", _("“%s” is not a valid e-mail address."), email);
      return FALSE;
    }
  return TRUE;
}

static gboolean
validate_phone (const char  *phone,
                GError     **error)
{
  g_autofree char *digits = NULL;

  if (phone == NULL)
    return TRUE;

  for (const char *p = phone; *p; p++)
    if (!g_ascii_isdigit (*p) && strchr (" +-()./", *p) == NULL)
      {
        /* Translators: %s is what the user typed as a phone number */
        fd_set_invalid (error, "phone",
                        _("“%s” is not a valid phone number: use digits, spaces and + - ( ) / only."),
                        phone);
        return FALSE;
      }

  digits = fd_fold_digits (phone);
  if (strlen (digits) < 5 || strlen (digits) > 15)
    {
      fd_set_invalid (error, "phone", _("A phone number has 5 to 15 digits."));
      return FALSE;
    }
  return TRUE;
}

/* Checks one text field is valid UTF-8 and not too long. */
static gboolean
validate_text (const char  *value,
               const char  *field,
               const char  *label,
               glong        max_chars,
               GError     **error)
{
  if (value == NULL)
    return TRUE;

  if (!g_utf8_validate (value, -1, NULL))
    {
      /* Translators: %s is the name of a field, e.g. “Family name” */
      fd_set_invalid (error, field, _("%s contains characters that are not valid text."), label);
      return FALSE;
    }
  if (g_utf8_strlen (value, -1) > max_chars)
    {
      /* Translators: %s is the name of a field, %ld the maximum number of characters */
      fd_set_invalid (error, field, _("%s is too long: at most %ld characters."), label, max_chars);
      return FALSE;
    }
  return TRUE;
}

/**
 * fd_customer_validate:
 *
 * Checks a draft before it is written. On failure the error is %FD_ERROR_INVALID, its
 * message is translated, and fd_error_get_field() names the offending field.
 */
gboolean
fd_customer_validate (FdCustomer  *self,
                      GError     **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (FD_IS_CUSTOMER (self), FALSE);

  if (!validate_text (self->given_name, "given_name", _("Given name"), 200, error) ||
      !validate_text (self->family_name, "family_name", _("Family name"), 200, error) ||
      !validate_text (self->email, "email", _("E-mail"), 254, error) ||
      !validate_text (self->phone, "phone", _("Phone"), 40, error) ||
      !validate_text (self->address, "address", _("Address"), 1000, error) ||
      !validate_text (self->notes, "notes", _("Notes"), 20000, error))
    return FALSE;

  if (self->kind == FD_CUSTOMER_KIND_PERSON && self->family_name == NULL && self->given_name == NULL)
    {
      fd_set_invalid (error, "family_name", _("Enter a given name or a family name."));
      return FALSE;
    }
  if (self->kind != FD_CUSTOMER_KIND_PERSON && self->family_name == NULL)
    {
      fd_set_invalid (error, "family_name", _("Enter the name of the organisation or department."));
      return FALSE;
    }

  if (!validate_email (self->email, error) || !validate_phone (self->phone, error))
    return FALSE;

  if (self->language != NULL && !is_language (self->language))
    {
      /* Translators: %s is a language code the user gave, e.g. “de” */
      fd_set_invalid (error, "language",
                      _("“%s” is not a supported language: use en, nl, sr, sr@latin or lv."),
                      self->language);
      return FALSE;
    }

  if (self->birth_year != 0 &&
      (self->birth_year < 1900 || self->birth_year > g_date_time_get_year (now)))
    {
      /* Translators: %d is the current year */
      fd_set_invalid (error, "birth_year", _("The birth year must be between 1900 and %d."),
                      g_date_time_get_year (now));
      return FALSE;
    }

  return TRUE;
}

/**
 * fd_customer_dup_display_name:
 *
 * Returns: (transfer full): "Given Family", or the organisation's name
 */
char *
fd_customer_dup_display_name (FdCustomer *self)
{
  g_return_val_if_fail (FD_IS_CUSTOMER (self), NULL);

  if (self->given_name && self->family_name)
    /* Translators: how a person's full name is written: %1$s given name, %2$s family name */
    return g_strdup_printf (C_("full name", "%1$s %2$s"), self->given_name, self->family_name);
  return g_strdup (self->family_name ? self->family_name
                   : self->given_name ? self->given_name : "");
}

#define GETTER(type, name) \
  type fd_customer_get_##name (FdCustomer *self) \
  { \
    g_return_val_if_fail (FD_IS_CUSTOMER (self), 0); \
    return self->name; \
  }

GETTER (gint64, id)
GETTER (FdCustomerKind, kind)
GETTER (const char *, given_name)
GETTER (const char *, family_name)
GETTER (const char *, email)
GETTER (const char *, phone)
GETTER (const char *, address)
GETTER (const char *, language)
GETTER (FdChannel, channel)
GETTER (int, birth_year)
GETTER (const char *, notes)
GETTER (gint64, created_at)
GETTER (gint64, updated_at)
GETTER (gint64, archived_at)

#define SETTER_TEXT(name, PROP) \
  void fd_customer_set_##name (FdCustomer *self, const char *value) \
  { \
    g_return_if_fail (FD_IS_CUSTOMER (self)); \
    if (set_text (&self->name, value)) \
      { \
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
        if (PROP == PROP_GIVEN_NAME || PROP == PROP_FAMILY_NAME) \
          g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]); \
      } \
  }

#define SETTER_VALUE(type, name, PROP) \
  void fd_customer_set_##name (FdCustomer *self, type value) \
  { \
    g_return_if_fail (FD_IS_CUSTOMER (self)); \
    if (self->name == value) \
      return; \
    self->name = value; \
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP]); \
  }

SETTER_TEXT (given_name, PROP_GIVEN_NAME)
SETTER_TEXT (family_name, PROP_FAMILY_NAME)
SETTER_TEXT (email, PROP_EMAIL)
SETTER_TEXT (phone, PROP_PHONE)
SETTER_TEXT (address, PROP_ADDRESS)
SETTER_TEXT (language, PROP_LANGUAGE)
SETTER_TEXT (notes, PROP_NOTES)
SETTER_VALUE (gint64, id, PROP_ID)
SETTER_VALUE (FdCustomerKind, kind, PROP_KIND)
SETTER_VALUE (FdChannel, channel, PROP_CHANNEL)
SETTER_VALUE (int, birth_year, PROP_BIRTH_YEAR)
SETTER_VALUE (gint64, created_at, PROP_CREATED_AT)
SETTER_VALUE (gint64, updated_at, PROP_UPDATED_AT)
SETTER_VALUE (gint64, archived_at, PROP_ARCHIVED_AT)

static char *
dup_or_null (const char *text)
{
  return text && *text ? g_strdup (text) : NULL;
}

void
_fd_customer_load (FdCustomer     *self,
                   gint64          id,
                   FdCustomerKind  kind,
                   FdChannel       channel,
                   int             birth_year,
                   gint64          created_at,
                   gint64          updated_at,
                   gint64          archived_at,
                   const char     *given_name,
                   const char     *family_name,
                   const char     *email,
                   const char     *phone,
                   const char     *address,
                   const char     *language,
                   const char     *notes)
{
  self->id = id;
  self->kind = kind;
  self->channel = channel;
  self->birth_year = birth_year;
  self->created_at = created_at;
  self->updated_at = updated_at;
  self->archived_at = archived_at;
  self->given_name = dup_or_null (given_name);
  self->family_name = dup_or_null (family_name);
  self->email = dup_or_null (email);
  self->phone = dup_or_null (phone);
  self->address = dup_or_null (address);
  self->language = dup_or_null (language);
  self->notes = dup_or_null (notes);
}
