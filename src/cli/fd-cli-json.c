/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include "fd-customer.h"

#include "fd-cli-private.h"

static void
add_text (JsonBuilder *builder,
          const char  *key,
          const char  *value)
{
  json_builder_set_member_name (builder, key);

  if (value == NULL || value[0] == '\0')
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

static void
add_time (JsonBuilder *builder,
          const char  *key,
          gint64       unix_time)
{
  g_autofree char *iso = NULL;

  /* 0 is how the API says “never” (archived_at of an active customer). */
  if (unix_time != 0)
    iso = _fd_cli_format_iso_time (unix_time);

  json_builder_set_member_name (builder, key);

  if (iso == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, iso);
}

/* Keys are the database's column names, so scripts can move between the two. */
void
_fd_cli_add_customer_json (JsonBuilder *builder,
                           FdCustomer  *customer)
{
  FdChannel channel = fd_customer_get_channel (customer);
  int birth_year = fd_customer_get_birth_year (customer);

  json_builder_begin_object (builder);

  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, fd_customer_get_id (customer));

  add_text (builder, "kind", fd_customer_kind_to_code (fd_customer_get_kind (customer)));
  add_text (builder, "given_name", fd_customer_get_given_name (customer));
  add_text (builder, "family_name", fd_customer_get_family_name (customer));
  add_text (builder, "email", fd_customer_get_email (customer));
  add_text (builder, "phone", fd_customer_get_phone (customer));
  add_text (builder, "address", fd_customer_get_address (customer));
  add_text (builder, "language", fd_customer_get_language (customer));
  add_text (builder, "channel",
            channel == FD_CHANNEL_NONE ? NULL : fd_channel_to_code (channel));

  json_builder_set_member_name (builder, "birth_year");
  if (birth_year == 0)
    json_builder_add_null_value (builder);
  else
    json_builder_add_int_value (builder, birth_year);

  add_text (builder, "notes", fd_customer_get_notes (customer));
  add_time (builder, "created_at", fd_customer_get_created_at (customer));
  add_time (builder, "updated_at", fd_customer_get_updated_at (customer));
  add_time (builder, "archived_at", fd_customer_get_archived_at (customer));

  json_builder_end_object (builder);
}

JsonNode *
_fd_cli_customer_to_json (FdCustomer *customer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  _fd_cli_add_customer_json (builder, customer);

  return json_builder_get_root (builder);
}
