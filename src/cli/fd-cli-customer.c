/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "fd-customer.h"
#include "fd-error.h"
#include "fd-history-entry.h"
#include "fd-store.h"

#include "fd-cli-private.h"

typedef struct
{
  char     *given;
  char     *family;
  char     *email;
  char     *phone;
  char     *language;
  char     *kind;
  char     *address;
  char     *channel;
  char     *birth_year;
  char     *notes;
  gboolean  json;
} CustomerOptions;

static void
customer_options_clear (CustomerOptions *options)
{
  g_clear_pointer (&options->given, g_free);
  g_clear_pointer (&options->family, g_free);
  g_clear_pointer (&options->email, g_free);
  g_clear_pointer (&options->phone, g_free);
  g_clear_pointer (&options->language, g_free);
  g_clear_pointer (&options->kind, g_free);
  g_clear_pointer (&options->address, g_free);
  g_clear_pointer (&options->channel, g_free);
  g_clear_pointer (&options->birth_year, g_free);
  g_clear_pointer (&options->notes, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CustomerOptions, customer_options_clear)

static GOptionEntry *
customer_entries_new (CustomerOptions *options)
{
  /* Text options are G_OPTION_ARG_FILENAME, i.e. raw bytes: _fd_cli_arg_to_utf8() checks
   * them, so a non-UTF-8 value becomes an error naming the field. */
  const GOptionEntry entries[] = {
    { "given", 0, 0, G_OPTION_ARG_FILENAME, &options->given,
      N_("Given name"), N_("NAME") },
    { "family", 0, 0, G_OPTION_ARG_FILENAME, &options->family,
      N_("Family name, or the name of an organisation or department"), N_("NAME") },
    { "email", 0, 0, G_OPTION_ARG_FILENAME, &options->email,
      N_("E-mail address"), N_("ADDRESS") },
    { "phone", 0, 0, G_OPTION_ARG_FILENAME, &options->phone,
      N_("Phone number"), N_("NUMBER") },
    /* Translators: the codes en, nl, sr, sr@latin and lv must stay as they are */
    { "language", 0, 0, G_OPTION_ARG_FILENAME, &options->language,
      N_("Preferred language: en, nl, sr, sr@latin or lv"), N_("CODE") },
    /* Translators: the codes person, organisation and internal must stay as they are */
    { "kind", 0, 0, G_OPTION_ARG_FILENAME, &options->kind,
      N_("person (the default), organisation or internal"), N_("KIND") },
    { "address", 0, 0, G_OPTION_ARG_FILENAME, &options->address,
      N_("Postal address"), N_("TEXT") },
    /* Translators: the codes in_person, phone, email and letter must stay as they are */
    { "channel", 0, 0, G_OPTION_ARG_FILENAME, &options->channel,
      N_("Preferred channel: in_person, phone, email or letter"), N_("CHANNEL") },
    { "birth-year", 0, 0, G_OPTION_ARG_FILENAME, &options->birth_year,
      N_("Year of birth"), N_("YEAR") },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &options->notes,
      N_("Notes"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &options->json,
      N_("Print the record as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  return g_memdup2 (entries, sizeof entries);
}

/* An empty value means “no value”: it leaves a new record's field unset and clears it
 * on update. */
static gboolean
apply_text (const char  *arg,
            const char  *option,
            const char  *field,
            FdCustomer  *draft,
            void       (*setter) (FdCustomer *, const char *),
            GError     **error)
{
  g_autofree char *value = NULL;

  if (arg == NULL)
    return TRUE;

  if (!(value = _fd_cli_arg_to_utf8 (arg, option, field, error)))
    return FALSE;

  setter (draft, value[0] != '\0' ? value : NULL);

  return TRUE;
}

/* A number too large for an int is still a number: clamp it, so core's range check
 * gives the same message as for any other year out of range. */
static gboolean
is_out_of_range_integer (const char *text,
                         gint64     *clamped)
{
  const char *digits = text[0] == '-' ? text + 1 : text;

  if (digits[0] == '\0')
    return FALSE;

  for (const char *p = digits; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;

  *clamped = text[0] == '-' ? G_MININT : G_MAXINT;

  return TRUE;
}

static gboolean
apply_options (CustomerOptions  *options,
               FdCustomer       *draft,
               GError          **error)
{
  if (!apply_text (options->given, "--given", "given_name", draft,
                   fd_customer_set_given_name, error) ||
      !apply_text (options->family, "--family", "family_name", draft,
                   fd_customer_set_family_name, error) ||
      !apply_text (options->email, "--email", "email", draft,
                   fd_customer_set_email, error) ||
      !apply_text (options->phone, "--phone", "phone", draft,
                   fd_customer_set_phone, error) ||
      !apply_text (options->language, "--language", "language", draft,
                   fd_customer_set_language, error) ||
      !apply_text (options->address, "--address", "address", draft,
                   fd_customer_set_address, error) ||
      !apply_text (options->notes, "--notes", "notes", draft,
                   fd_customer_set_notes, error))
    return FALSE;

  if (options->kind != NULL)
    {
      FdCustomerKind kind;

      if (!fd_customer_kind_from_code (options->kind, &kind))
        {
          g_autofree char *shown = g_utf8_make_valid (options->kind, -1);

          fd_set_invalid (error, "kind",
                          /* Translators: “%s” is what the user typed; the codes person,
                           * organisation and internal must stay as they are */
                          _("Unknown kind “%s”: use person, organisation or internal."),
                          shown);
          return FALSE;
        }

      fd_customer_set_kind (draft, kind);
    }

  if (options->channel != NULL)
    {
      FdChannel channel = FD_CHANNEL_NONE;

      if (options->channel[0] != '\0' &&
          !fd_channel_from_code (options->channel, &channel))
        {
          g_autofree char *shown = g_utf8_make_valid (options->channel, -1);

          fd_set_invalid (error, "channel",
                          /* Translators: “%s” is what the user typed; the codes in_person,
                           * phone, email and letter must stay as they are */
                          _("Unknown channel “%s”: use in_person, phone, email or letter."),
                          shown);
          return FALSE;
        }

      fd_customer_set_channel (draft, channel);
    }

  if (options->birth_year != NULL)
    {
      gint64 year = 0;

      if (options->birth_year[0] != '\0' &&
          !g_ascii_string_to_signed (options->birth_year, 10, G_MININT, G_MAXINT,
                                     &year, NULL) &&
          !is_out_of_range_integer (options->birth_year, &year))
        {
          g_autofree char *shown = g_utf8_make_valid (options->birth_year, -1);

          fd_set_invalid (error, "birth_year",
                          /* Translators: “%s” is what the user typed */
                          _("The birth year “%s” is not a year."),
                          shown);
          return FALSE;
        }

      fd_customer_set_birth_year (draft, (int) year);
    }

  return TRUE;
}

static void
print_customer (FdCustomer *customer,
                gboolean    json)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *year = NULL;
  g_autofree char *created = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *archived = NULL;
  FdChannel channel;
  const char *language;
  const char *labels[13];
  guint width;

  if (json)
    {
      g_autoptr(JsonNode) node = _fd_cli_customer_to_json (customer);

      _fd_cli_print_json (node);
      return;
    }

  labels[0] = _("ID:");
  labels[1] = _("Name:");
  labels[2] = _("Kind:");
  labels[3] = _("E-mail:");
  labels[4] = _("Phone:");
  labels[5] = _("Address:");
  labels[6] = _("Language:");
  labels[7] = _("Preferred channel:");
  labels[8] = _("Birth year:");
  labels[9] = _("Notes:");
  labels[10] = _("Created:");
  labels[11] = _("Updated:");
  labels[12] = _("Archived:");

  width = _fd_cli_max_width (labels, G_N_ELEMENTS (labels));

  id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_customer_get_id (customer));
  name = fd_customer_dup_display_name (customer);
  channel = fd_customer_get_channel (customer);
  language = fd_customer_get_language (customer);
  if (fd_customer_get_birth_year (customer) != 0)
    year = g_strdup_printf ("%d", fd_customer_get_birth_year (customer));
  if (fd_customer_get_created_at (customer) != 0)
    created = _fd_cli_format_local_time (fd_customer_get_created_at (customer));
  if (fd_customer_get_updated_at (customer) != 0)
    updated = _fd_cli_format_local_time (fd_customer_get_updated_at (customer));
  if (fd_customer_get_archived_at (customer) != 0)
    archived = _fd_cli_format_local_time (fd_customer_get_archived_at (customer));

  out = g_string_new (NULL);
  _fd_cli_add_row (out, labels[0], width, id);
  _fd_cli_add_row (out, labels[1], width, name);
  _fd_cli_add_row (out, labels[2], width, fd_customer_kind_to_label (fd_customer_get_kind (customer)));
  _fd_cli_add_row (out, labels[3], width, fd_customer_get_email (customer));
  _fd_cli_add_row (out, labels[4], width, fd_customer_get_phone (customer));
  _fd_cli_add_row (out, labels[5], width, fd_customer_get_address (customer));
  _fd_cli_add_row (out, labels[6], width,
                   language != NULL && language[0] != '\0' ? fd_language_to_label (language) : NULL);
  _fd_cli_add_row (out, labels[7], width,
                   channel != FD_CHANNEL_NONE ? fd_channel_to_label (channel) : NULL);
  _fd_cli_add_row (out, labels[8], width, year);
  _fd_cli_add_row (out, labels[9], width, fd_customer_get_notes (customer));
  _fd_cli_add_row (out, labels[10], width, created);
  _fd_cli_add_row (out, labels[11], width, updated);
  _fd_cli_add_row (out, labels[12], width, archived);

  _fd_cli_print ("%s", out->str);
}

static int
customer_add (FdCli  *cli,
              char  **args)
{
  g_auto(CustomerOptions) options = { 0 };
  g_autofree GOptionEntry *entries = customer_entries_new (&options);
  g_autoptr(FdCustomer) draft = NULL;
  g_autoptr(FdCustomer) saved = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;

  if (!_fd_cli_parse_options (cli, &args, "customer add", NULL,
                              N_("Adds a customer and prints the saved record."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  draft = fd_customer_new ();
  if (!apply_options (&options, draft, &error))
    goto failed;

  /* Validate before opening, so invalid input never creates or touches a database. */
  if (!fd_customer_validate (draft, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(saved = fd_store_add_customer (store, draft, &error)))
    goto failed;

  print_customer (saved, options.json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
customer_update (FdCli  *cli,
                 char  **args)
{
  g_auto(CustomerOptions) options = { 0 };
  g_autofree GOptionEntry *entries = customer_entries_new (&options);
  g_autoptr(FdCustomer) current = NULL;
  g_autoptr(FdCustomer) draft = NULL;
  g_autoptr(FdCustomer) saved = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gint64 id = 0;

  if (!_fd_cli_parse_options (cli, &args, "customer update", N_("ID"),
                              N_("Changes the given fields of a customer and prints the "
                                 "saved record. An empty value clears a field."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_CUSTOMER, &id, &error))
    goto failed;

  /* Check the options before opening, as for add. */
  draft = fd_customer_new ();
  if (!apply_options (&options, draft, &error))
    goto failed;
  g_clear_object (&draft);

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(current = fd_store_get_customer (store, id, &error)))
    goto failed;

  draft = fd_customer_copy (current);
  if (!apply_options (&options, draft, &error) ||
      !fd_customer_validate (draft, &error) ||
      !(saved = fd_store_update_customer (store, draft, &error)))
    goto failed;

  print_customer (saved, options.json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static JsonNode *
summary_to_json (FdCustomerSummary *summary)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *since = _fd_cli_format_iso_time (summary->customer_since);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "customer_since");
  json_builder_add_string_value (builder, since);
  json_builder_set_member_name (builder, "visits_last_12_months");
  json_builder_add_int_value (builder, summary->visits_last_year);
  json_builder_set_member_name (builder, "claims_last_12_months");
  json_builder_add_int_value (builder, summary->claims_last_year);
  json_builder_set_member_name (builder, "open_claims");
  json_builder_add_int_value (builder, summary->open_claims);
  json_builder_set_member_name (builder, "open_followups");
  json_builder_add_int_value (builder, summary->open_followups);
  json_builder_set_member_name (builder, "rated_visits");
  json_builder_add_int_value (builder, summary->rated_visits);
  json_builder_set_member_name (builder, "avg_rating_solved");
  if (summary->rated_visits > 0)
    json_builder_add_double_value (builder, summary->avg_rating_solved);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "avg_rating_staff");
  if (summary->rated_visits > 0)
    json_builder_add_double_value (builder, summary->avg_rating_staff);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "channel");
  if (summary->channel != FD_CHANNEL_NONE)
    json_builder_add_string_value (builder, fd_channel_to_code (summary->channel));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "language");
  if (summary->language != NULL)
    json_builder_add_string_value (builder, summary->language);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "age_group");
  json_builder_add_string_value (builder, summary->age_group);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
customer_show (FdCli  *cli,
               char  **args)
{
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gboolean with_summary = FALSE;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the record as JSON"), NULL },
    { "summary", 0, 0, G_OPTION_ARG_NONE, &with_summary,
      N_("With --json, add a “summary”: customer since, visits and claims in the last 12 months, "
         "open claims and follow-ups, average ratings, preferred channel and language, age group"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "customer show", N_("ID"),
                              N_("Prints a customer’s record, archived or not."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_CUSTOMER, &id, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(customer = fd_store_get_customer (store, id, &error)))
    goto failed;

  /* The record alone is exactly what “customer add --json” printed. */
  if (json && with_summary)
    {
      g_autoptr(FdCustomerSummary) summary = NULL;
      g_autoptr(JsonNode) node = NULL;

      if (!(summary = fd_store_get_customer_summary (store, id, 0, &error)))
        goto failed;
      node = _fd_cli_customer_to_json (customer);
      json_object_set_member (json_node_get_object (node), "summary", summary_to_json (summary));
      _fd_cli_print_json (node);
    }
  else
    print_customer (customer, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static void
print_search_table (GPtrArray  *customers,
                    const char *query,
                    guint       limit)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *id_header = C_("column", "ID");
  const char *name_header = C_("column", "Name");
  const char *email_header = C_("column", "E-mail");
  const char *phone_header = C_("column", "Phone");
  guint id_width = _fd_cli_width (id_header);
  guint name_width = _fd_cli_width (name_header);
  guint email_width = _fd_cli_width (email_header);

  if (customers->len == 0)
    {
      /* Translators: %s is the search text */
      _fd_cli_print (_("No customers match “%s”.\n"), query);
      return;
    }

  for (guint i = 0; i < customers->len; i++)
    {
      FdCustomer *customer = g_ptr_array_index (customers, i);
      char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_customer_get_id (customer));
      char *name = fd_customer_dup_display_name (customer);

      g_ptr_array_add (ids, id);
      g_ptr_array_add (names, name);
      id_width = MAX (id_width, _fd_cli_width (id));
      name_width = MAX (name_width, _fd_cli_width (name));
      email_width = MAX (email_width, _fd_cli_width (fd_customer_get_email (customer)));
    }

  {
    g_autofree char *id_cell = _fd_cli_pad (id_header, id_width);
    g_autofree char *name_cell = _fd_cli_pad (name_header, name_width);
    g_autofree char *email_cell = _fd_cli_pad (email_header, email_width);

    g_string_append_printf (out, "%s  %s  %s  %s\n", id_cell, name_cell, email_cell, phone_header);
  }

  for (guint i = 0; i < customers->len; i++)
    {
      FdCustomer *customer = g_ptr_array_index (customers, i);
      const char *id = g_ptr_array_index (ids, i);
      const char *phone = fd_customer_get_phone (customer);
      g_autofree char *id_cell = NULL;
      g_autofree char *name_cell = _fd_cli_pad (g_ptr_array_index (names, i), name_width);
      g_autofree char *email_cell = _fd_cli_pad (fd_customer_get_email (customer), email_width);
      g_autofree char *line = NULL;

      /* IDs are right-aligned, like any column of numbers. */
      id_cell = g_strnfill (id_width - _fd_cli_width (id), ' ');
      line = g_strdup_printf ("%s%s  %s  %s  %s", id_cell, id, name_cell, email_cell,
                              phone != NULL ? phone : "");
      g_strchomp (line);
      g_string_append_printf (out, "%s\n", line);
    }

  if (customers->len >= limit)
    g_string_append_printf (out,
                            /* Translators: %u is the number of customers shown */
                            ngettext ("Showing the first %u match; use --limit to see more.",
                                      "Showing the first %u matches; use --limit to see more.",
                                      customers->len),
                            customers->len);
  else
    g_string_append_printf (out,
                            ngettext ("%u customer found.",
                                      "%u customers found.",
                                      customers->len),
                            customers->len);
  g_string_append_c (out, '\n');

  _fd_cli_print ("%s", out->str);
}

static int
customer_search (FdCli  *cli,
                 char  **args)
{
  g_autoptr(GPtrArray) customers = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *query = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  guint64 limit = FD_CLI_DEFAULT_LIMIT;
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Show at most N customers (default: 50)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of records"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "customer search", N_("QUERY…"),
                              N_("Finds active customers by name (word prefixes in any order, "
                                 "in any script, with or without accents), e-mail prefix or "
                                 "phone digits."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (limit_text != NULL &&
      !_fd_cli_parse_unsigned (limit_text, "--limit", 1, FD_CLI_MAX_LIMIT, &limit, &error))
    goto failed;

  if (!_fd_cli_require (args[1], _("Missing search text."), &error))
    goto failed;

  /* `customer search ana djordjevic` means the same as `customer search "ana djordjevic"`. */
  joined = g_strjoinv (" ", &args[1]);
  if (!(query = _fd_cli_arg_to_utf8 (joined, "QUERY", NULL, &error)))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(customers = fd_store_search_customers (store, query, (guint) limit, &error)))
    goto failed;

  if (json)
    {
      _fd_cli_print_json_array (customers, (FdCliAddJsonFunc) _fd_cli_add_customer_json);
    }
  else
    {
      print_search_table (customers, query, (guint) limit);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
customer_set_archived (FdCli    *cli,
                       char    **args,
                       gboolean  archive)
{
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *id_text = NULL;
  gboolean help_shown = FALSE;
  gint64 id = 0;

  if (!_fd_cli_parse_options (cli, &args,
                              archive ? "customer archive" : "customer restore",
                              N_("ID"),
                              archive
                                ? N_("Archives a customer: the record and its history are "
                                     "kept, but it leaves searches and lists.")
                                : N_("Brings an archived customer back."),
                              NULL, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_CUSTOMER, &id, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)))
    goto failed;

  if (archive ? !fd_store_archive_customer (store, id, &error)
              : !fd_store_restore_customer (store, id, &error))
    goto failed;

  if (!(customer = fd_store_get_customer (store, id, &error)))
    goto failed;

  name = fd_customer_dup_display_name (customer);
  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  if (archive)
    /* Translators: the first %s is the customer's name, the second the ID */
    _fd_cli_print (_("Archived %s (ID %s).\n"), name, id_text);
  else
    /* Translators: the first %s is the customer's name, the second the ID */
    _fd_cli_print (_("Restored %s (ID %s).\n"), name, id_text);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
customer_archive (FdCli  *cli,
                  char  **args)
{
  return customer_set_archived (cli, args, TRUE);
}

static int
customer_restore (FdCli  *cli,
                  char  **args)
{
  return customer_set_archived (cli, args, FALSE);
}

/* --kind values: codes, repeated or separated by commas. */
static gboolean
parse_kinds (char   **texts,
             guint   *kinds,
             GError **error)
{
  *kinds = 0;
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      g_auto(GStrv) codes = g_strsplit (texts[i], ",", -1);

      for (guint j = 0; codes[j] != NULL; j++)
        {
          FdHistoryKinds kind;

          if (!fd_history_kind_from_code (g_strstrip (codes[j]), &kind))
            {
              g_autofree char *shown = g_utf8_make_valid (codes[j], -1);

              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           /* Translators: %s is what the user typed; keep the codes as they are */
                           _("Invalid value “%s” for --kind: expected visit, claim, correspondence, "
                             "follow_up, renewal or change."), shown);
              return FALSE;
            }
          *kinds |= kind;
        }
    }
  return TRUE;
}

static gboolean
parse_day (const char  *text,
           const char  *option,
           int         *day,
           GError     **error)
{
  GDate date;

  *day = 0;
  if (text == NULL)
    return TRUE;
  if (!_fd_cli_parse_date (text, option, &date, error))
    return FALSE;
  *day = g_date_get_year (&date) * 10000 + g_date_get_month (&date) * 100 + g_date_get_day (&date);
  return TRUE;
}

static int
customer_history (FdCli  *cli,
                  char  **args)
{
  g_autoptr(GPtrArray) entries_found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *limit_text = NULL;
  g_autofree char *from_text = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *search_text = NULL;
  g_autofree char *search = NULL;
  g_auto(GStrv) kind_texts = NULL;
  FdHistoryFilter filter = FD_HISTORY_FILTER_INIT;
  FdHistoryCursor cursor = FD_HISTORY_CURSOR_INIT;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  guint64 limit = 100;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "kind", 0, 0, G_OPTION_ARG_STRING_ARRAY, &kind_texts,
      N_("Only entries of this kind: visit, claim, correspondence, follow_up, renewal or change "
         "(repeat or separate with commas)"), N_("KIND") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &from_text,
      N_("Only entries on or after this local day"), N_("DATE") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("Only entries on or before this local day"), N_("DATE") },
    { "search", 0, 0, G_OPTION_ARG_STRING, &search_text,
      N_("Only entries whose text has all these words, in any case, script or accents"), N_("TEXT") },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Show at most N entries (default: 100)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of entries"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "customer history", N_("ID"),
                              N_("Prints a customer’s history, newest first: visits, claims, "
                                 "their correspondence, follow-ups, renewals and changes to the "
                                 "record."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if ((limit_text != NULL &&
       !_fd_cli_parse_unsigned (limit_text, "--limit", 1, FD_CLI_MAX_LIMIT, &limit, &error)) ||
      !parse_kinds (kind_texts, &filter.kinds, &error) ||
      !parse_day (from_text, "--from", &filter.from_day, &error) ||
      !parse_day (to_text, "--to", &filter.to_day, &error) ||
      !_fd_cli_optional_text (search_text, "--search", "search", &search, &error))
    goto failed;
  filter.search = search;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_CUSTOMER, &id, &error))
    goto failed;

  /* Look the customer up first, so an unknown ID is an error rather than an empty list. */
  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(customer = fd_store_get_customer (store, id, &error)))
    goto failed;

  /* Keyset pages until the limit or the end: a search may return short pages. */
  while (!cursor.end && entries_found->len < limit)
    {
      g_autoptr(GPtrArray) page = NULL;

      page = fd_store_list_history_page (store, id, &filter, &cursor,
                                         MIN ((guint) limit - entries_found->len, FD_CLI_PAGE_SIZE), &error);
      if (page == NULL)
        goto failed;
      for (guint i = 0; i < page->len; i++)
        g_ptr_array_add (entries_found, g_object_ref (page->pdata[i]));
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < entries_found->len; i++)
        {
          FdHistoryEntry *entry = g_ptr_array_index (entries_found, i);
          g_autofree char *at = _fd_cli_format_iso_time (fd_history_entry_get_at (entry));
          const char *detail = fd_history_entry_get_detail (entry);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "kind");
          json_builder_add_string_value (builder, fd_history_entry_get_kind (entry));
          json_builder_set_member_name (builder, "at");
          if (at != NULL)
            json_builder_add_string_value (builder, at);
          else
            json_builder_add_null_value (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, fd_history_entry_get_id (entry));
          json_builder_set_member_name (builder, "title");
          json_builder_add_string_value (builder, fd_history_entry_get_title (entry));
          json_builder_set_member_name (builder, "detail");
          if (detail != NULL && detail[0] != '\0')
            json_builder_add_string_value (builder, detail);
          else
            json_builder_add_null_value (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);

      _fd_cli_print_json_builder (builder);
    }
  else if (entries_found->len == 0)
    {
      _fd_cli_print ("%s\n", _("No history yet."));
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < entries_found->len; i++)
        _fd_cli_append_history_entry (out, g_ptr_array_index (entries_found, i), "");

      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

/* Sets @field of @fields to the duplicate's value. Field names are the JSON keys. */
static gboolean
take_field (FdCustomer  *fields,
            FdCustomer  *duplicate,
            const char  *field,
            GError     **error)
{
  if (g_str_equal (field, "kind"))
    fd_customer_set_kind (fields, fd_customer_get_kind (duplicate));
  else if (g_str_equal (field, "given_name"))
    fd_customer_set_given_name (fields, fd_customer_get_given_name (duplicate));
  else if (g_str_equal (field, "family_name"))
    fd_customer_set_family_name (fields, fd_customer_get_family_name (duplicate));
  else if (g_str_equal (field, "email"))
    fd_customer_set_email (fields, fd_customer_get_email (duplicate));
  else if (g_str_equal (field, "phone"))
    fd_customer_set_phone (fields, fd_customer_get_phone (duplicate));
  else if (g_str_equal (field, "address"))
    fd_customer_set_address (fields, fd_customer_get_address (duplicate));
  else if (g_str_equal (field, "language"))
    fd_customer_set_language (fields, fd_customer_get_language (duplicate));
  else if (g_str_equal (field, "channel"))
    fd_customer_set_channel (fields, fd_customer_get_channel (duplicate));
  else if (g_str_equal (field, "birth_year"))
    fd_customer_set_birth_year (fields, fd_customer_get_birth_year (duplicate));
  else if (g_str_equal (field, "notes"))
    fd_customer_set_notes (fields, fd_customer_get_notes (duplicate));
  else
    {
      g_autofree char *shown = g_utf8_make_valid (field, -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed; keep the field names as they are */
                   _("Invalid value “%s” for --take: expected kind, given_name, family_name, email, "
                     "phone, address, language, channel, birth_year or notes, optionally followed "
                     "by =duplicate."), shown);
      return FALSE;
    }
  return TRUE;
}

static int
customer_merge (FdCli  *cli,
                char  **args)
{
  g_autoptr(FdCustomer) survivor = NULL;
  g_autoptr(FdCustomer) duplicate = NULL;
  g_autoptr(FdCustomer) fields = NULL;
  g_autoptr(FdCustomer) merged = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) takes = NULL;
  g_autofree char *survivor_name = NULL;
  g_autofree char *duplicate_name = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 survivor_id = 0, duplicate_id = 0, merge_id = 0;
  const GOptionEntry entries[] = {
    { "take", 0, 0, G_OPTION_ARG_STRING_ARRAY, &takes,
      N_("Keep the duplicate’s value of this field (kind, given_name, family_name, email, phone, "
         "address, language, channel, birth_year, notes); repeat for more fields"), N_("FIELD=duplicate") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the merge and the surviving record as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "customer merge", N_("SURVIVOR DUPLICATE"),
                              N_("Merges a duplicate customer into another: every visit, claim, "
                                 "follow-up, service and change moves to the survivor, which keeps "
                                 "its own values unless --take says otherwise, and the duplicate is "
                                 "archived. “customer unmerge” undoes it."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (args[1] == NULL || args[2] == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Missing customer IDs: the surviving customer, then the duplicate."));
      goto failed;
    }
  if (!_fd_cli_parse_id_of (args[1], FD_CLI_ID_CUSTOMER, &survivor_id, &error) ||
      !_fd_cli_parse_id_of (args[2], FD_CLI_ID_CUSTOMER, &duplicate_id, &error) ||
      !_fd_cli_no_extra_arguments (args, 3, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(survivor = fd_store_get_customer (store, survivor_id, &error)) ||
      !(duplicate = fd_store_get_customer (store, duplicate_id, &error)))
    goto failed;

  fields = fd_customer_copy (survivor);
  for (guint i = 0; takes != NULL && takes[i] != NULL; i++)
    {
      g_autofree char *field = g_strdup (takes[i]);
      char *equals = strchr (field, '=');

      if (equals != NULL)
        {
          if (g_strcmp0 (equals + 1, "survivor") == 0)
            continue;
          if (g_strcmp0 (equals + 1, "duplicate") != 0)
            {
              /* Make take_field () report the whole text. */
              if (!take_field (fields, duplicate, takes[i], &error))
                goto failed;
            }
          *equals = '\0';
        }
      if (!take_field (fields, duplicate, field, &error))
        goto failed;
    }

  if (!fd_store_merge_customers (store, survivor_id, duplicate_id, fields, &merge_id, &error) ||
      !(merged = fd_store_get_customer (store, survivor_id, &error)))
    goto failed;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "merge_id");
      json_builder_add_int_value (builder, merge_id);
      json_builder_set_member_name (builder, "duplicate_id");
      json_builder_add_int_value (builder, duplicate_id);
      json_builder_set_member_name (builder, "survivor");
      _fd_cli_add_customer_json (builder, merged);
      json_builder_end_object (builder);
      _fd_cli_print_json_builder (builder);
    }
  else
    {
      g_autofree char *merge_text = g_strdup_printf ("%" G_GINT64_FORMAT, merge_id);

      survivor_name = _fd_cli_format_customer (store, survivor_id);
      duplicate_name = _fd_cli_format_customer (store, duplicate_id);
      /* Translators: %1$s and %2$s are customers, as “Ana Jansen (ID 12)”; %3$s the merge's number */
      _fd_cli_print (_("Merged %1$s into %2$s (merge %3$s; “customer unmerge %3$s” undoes it).\n"),
                     duplicate_name, survivor_name, merge_text);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
customer_unmerge (FdCli  *cli,
                  char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  gboolean help_shown = FALSE;
  gint64 merge_id = 0;

  if (!_fd_cli_parse_options (cli, &args, "customer unmerge", N_("MERGE_ID"),
                              N_("Undoes a merge of two customers: the duplicate’s rows move back, "
                                 "the survivor gets its values back and the duplicate is restored."),
                              NULL, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (args[1] == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED, _("Missing merge ID."));
      goto failed;
    }
  if (!g_ascii_string_to_signed (args[1], 10, 1, G_MAXINT64, &merge_id, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (args[1], -1);

      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed */
                   _("“%s” is not a merge ID: expected a positive whole number."), shown);
      goto failed;
    }
  if (!_fd_cli_no_extra_arguments (args, 2, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !fd_store_undo_merge (store, merge_id, &error))
    goto failed;

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, merge_id);
  /* Translators: %s is the number of a merge of two customers */
  _fd_cli_print (_("Undid merge %s.\n"), id_text);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

int
_fd_cli_customer (FdCli  *cli,
                  char  **args)
{
  static const FdCliAction actions[] = {
    { "add", customer_add },
    { "archive", customer_archive },
    { "history", customer_history },
    { "merge", customer_merge },
    { "restore", customer_restore },
    { "search", customer_search },
    { "show", customer_show },
    { "unmerge", customer_unmerge },
    { "update", customer_update },
  };

  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli customer add --given NAME --family NAME [OPTION…]\n"
                             "  frontdesk-cli customer update ID [OPTION…]\n"
                             "  frontdesk-cli customer show ID [--json [--summary]]\n"
                             "  frontdesk-cli customer search QUERY… [--limit N] [--json]\n"
                             "  frontdesk-cli customer history ID [--kind KIND…] [--from DATE] [--to DATE]\n"
                             "                                    [--search TEXT] [--limit N] [--json]\n"
                             "  frontdesk-cli customer archive ID\n"
                             "  frontdesk-cli customer restore ID\n"
                             "  frontdesk-cli customer merge SURVIVOR DUPLICATE [--take FIELD=duplicate…] [--json]\n"
                             "  frontdesk-cli customer unmerge MERGE_ID\n"
                             "\n"
                             "Run “frontdesk-cli customer COMMAND --help” for the options of a "
                             "command.\n"),
                           /* Translators: %s is what the user typed after “customer” */
                           _("Unknown customer command “%s”.\n"));
}
