/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  FD_CUSTOMER_KIND_PERSON,
  FD_CUSTOMER_KIND_ORGANISATION,
  FD_CUSTOMER_KIND_INTERNAL,
} FdCustomerKind;

typedef enum
{
  FD_CHANNEL_NONE,
  FD_CHANNEL_IN_PERSON,
  FD_CHANNEL_PHONE,
  FD_CHANNEL_EMAIL,
  FD_CHANNEL_LETTER,
} FdChannel;

#define FD_TYPE_CUSTOMER_KIND (fd_customer_kind_get_type ())
#define FD_TYPE_CHANNEL       (fd_channel_get_type ())
#define FD_TYPE_CUSTOMER      (fd_customer_get_type ())

GType fd_customer_kind_get_type (void) G_GNUC_CONST;
GType fd_channel_get_type       (void) G_GNUC_CONST;

G_DECLARE_FINAL_TYPE (FdCustomer, fd_customer, FD, CUSTOMER, GObject)

/* Enum <-> stable codes used in the database, JSON and the CLI. */
const char     *fd_customer_kind_to_code    (FdCustomerKind kind);
gboolean        fd_customer_kind_from_code  (const char *code, FdCustomerKind *kind);
const char     *fd_customer_kind_to_label   (FdCustomerKind kind);
const char     *fd_channel_to_code          (FdChannel channel);
gboolean        fd_channel_from_code        (const char *code, FdChannel *channel);
const char     *fd_channel_to_label         (FdChannel channel);
/* Languages users work in: "en", "nl", "sr", "sr@latin", "lv". NULL-terminated. */
const char * const *fd_languages            (void);
const char     *fd_language_to_label        (const char *code);

FdCustomer     *fd_customer_new             (void);
FdCustomer     *fd_customer_copy            (FdCustomer *self);
gboolean        fd_customer_validate        (FdCustomer *self, GError **error);
gboolean        fd_customer_equal_content   (FdCustomer *a, FdCustomer *b);

gint64          fd_customer_get_id          (FdCustomer *self);
FdCustomerKind  fd_customer_get_kind        (FdCustomer *self);
const char     *fd_customer_get_given_name  (FdCustomer *self);
const char     *fd_customer_get_family_name (FdCustomer *self);
const char     *fd_customer_get_email       (FdCustomer *self);
const char     *fd_customer_get_phone       (FdCustomer *self);
const char     *fd_customer_get_address     (FdCustomer *self);
const char     *fd_customer_get_language    (FdCustomer *self);
FdChannel       fd_customer_get_channel     (FdCustomer *self);
int             fd_customer_get_birth_year  (FdCustomer *self);
const char     *fd_customer_get_notes       (FdCustomer *self);
gint64          fd_customer_get_created_at  (FdCustomer *self);
gint64          fd_customer_get_updated_at  (FdCustomer *self);
gint64          fd_customer_get_archived_at (FdCustomer *self);
char           *fd_customer_dup_display_name (FdCustomer *self);

void            fd_customer_set_id          (FdCustomer *self, gint64 id);
void            fd_customer_set_kind        (FdCustomer *self, FdCustomerKind kind);
void            fd_customer_set_given_name  (FdCustomer *self, const char *value);
void            fd_customer_set_family_name (FdCustomer *self, const char *value);
void            fd_customer_set_email       (FdCustomer *self, const char *value);
void            fd_customer_set_phone       (FdCustomer *self, const char *value);
void            fd_customer_set_address     (FdCustomer *self, const char *value);
void            fd_customer_set_language    (FdCustomer *self, const char *value);
void            fd_customer_set_channel     (FdCustomer *self, FdChannel channel);
void            fd_customer_set_birth_year  (FdCustomer *self, int year);
void            fd_customer_set_notes       (FdCustomer *self, const char *value);
void            fd_customer_set_created_at  (FdCustomer *self, gint64 unix_time);
void            fd_customer_set_updated_at  (FdCustomer *self, gint64 unix_time);
void            fd_customer_set_archived_at (FdCustomer *self, gint64 unix_time);

G_END_DECLS
