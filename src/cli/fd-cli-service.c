/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-error.h"
#include "fd-followup.h"
#include "fd-store.h"

#include "fd-cli-private.h"

/* How many days before each renewal its “renewal due” follow-up falls, unless told. */
#define DEFAULT_LEAD_DAYS 14
/* Core says how many days are allowed; this only keeps the number an int. */
#define MAX_LEAD_DAYS G_MAXINT

/* A customer's services as the store lists them, in parallel arrays. */
typedef struct
{
  GArray *ids;
  GStrv   names;
  GStrv   rrules;
  GArray *next_renewals;
} Services;

static void
services_clear (Services *services)
{
  g_clear_pointer (&services->ids, g_array_unref);
  g_clear_pointer (&services->names, g_strfreev);
  g_clear_pointer (&services->rrules, g_strfreev);
  g_clear_pointer (&services->next_renewals, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Services, services_clear)

static gboolean
list_services (FdStore   *store,
               gint64     customer_id,
               Services  *services,
               GError   **error)
{
  if (!fd_store_list_services (store, customer_id, &services->ids, &services->names,
                               &services->rrules, &services->next_renewals, error))
    return FALSE;

  /* Empty lists may come back as NULL; the loops below want arrays. */
  if (services->ids == NULL)
    services->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  if (services->next_renewals == NULL)
    services->next_renewals = g_array_new (FALSE, FALSE, sizeof (gint64));

  return TRUE;
}

/* The service's pending “renewal due” follow-up, or NULL when it has none. */
static FdFollowup *
find_renewal_followup (FdStore  *store,
                       gint64    customer_id,
                       gint64    service_id,
                       GError  **error)
{
  g_autoptr(FdFollowup) last = NULL;
  FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;

  filter.customer_id = customer_id;

  for (;;)
    {
      g_autoptr(GPtrArray) page = NULL;

      if (!(page = fd_store_list_followups (store, &filter, last, FD_CLI_PAGE_SIZE, error)))
        return NULL;

      for (guint i = 0; i < page->len; i++)
        {
          FdFollowup *followup = g_ptr_array_index (page, i);

          if (fd_followup_get_service_id (followup) == service_id)
            return g_object_ref (followup);
        }

      if (page->len < FD_CLI_PAGE_SIZE)
        return NULL;

      g_set_object (&last, g_ptr_array_index (page, page->len - 1));
    }
}

static void
print_service (FdStore    *store,
               gint64      id,
               gint64      customer_id,
               const char *name,
               const char *rrule,
               gint64      next_renewal,
               FdFollowup *followup,
               gboolean    json)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *id_text = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *next = NULL;
  g_autofree char *reminder = NULL;
  const char *labels[6];
  guint width;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      _fd_cli_add_service_json (builder, id, customer_id, name, rrule, next_renewal,
                                TRUE, followup);
      _fd_cli_print_json_builder (builder);
      return;
    }

  labels[0] = _("ID:");
  labels[1] = _("Service:");
  labels[2] = _("Customer:");
  labels[3] = _("Repeats:");
  labels[4] = _("Next renewal:");
  labels[5] = _("Follow-up:");
  width = _fd_cli_max_width (labels, G_N_ELEMENTS (labels));

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  customer = _fd_cli_format_customer (store, customer_id);
  next = _fd_cli_format_time_or_null (next_renewal);
  if (followup != NULL)
    {
      g_autofree char *followup_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                      fd_followup_get_id (followup));
      g_autofree char *due = _fd_cli_format_local_time (fd_followup_get_due_at (followup));

      /* Translators: the service's “renewal due” follow-up, by ID and due time, as in
       * “ID 12, due 2026-05-04 09:30” */
      reminder = g_strdup_printf (_("ID %s, due %s"), followup_id, due);
    }

  out = g_string_new (NULL);
  _fd_cli_add_row (out, labels[0], width, id_text);
  _fd_cli_add_row (out, labels[1], width, name);
  _fd_cli_add_row (out, labels[2], width, customer);
  _fd_cli_add_row (out, labels[3], width, rrule);
  _fd_cli_add_row (out, labels[4], width, next);
  _fd_cli_add_row (out, labels[5], width, reminder);

  _fd_cli_print ("%s", out->str);
}

static int
service_add (FdCli  *cli,
             char  **args)
{
  g_auto(Services) services = { NULL };
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customer_text = NULL;
  g_autofree char *name_arg = NULL;
  g_autofree char *name = NULL;
  g_autofree char *rrule_arg = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *next_text = NULL;
  g_autofree char *lead_text = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 customer_id = 0;
  gint64 next_renewal = 0;
  gint64 id = 0;
  guint64 lead_days = DEFAULT_LEAD_DAYS;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_text,
      N_("The customer who has the service"), N_("ID") },
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name_arg,
      N_("What the service is, such as “Home insurance”"), N_("TEXT") },
    { "rrule", 0, 0, G_OPTION_ARG_FILENAME, &rrule_arg,
      N_("How often it is renewed, as an iCalendar recurrence rule such as FREQ=YEARLY"),
      N_("RULE") },
    { "next", 0, 0, G_OPTION_ARG_STRING, &next_text,
      N_("The next renewal (ISO 8601, local time unless an offset is given)"), N_("TIME") },
    { "lead-days", 0, 0, G_OPTION_ARG_STRING, &lead_text,
      N_("Days before each renewal when its follow-up falls due (default: 14)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the service as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "service add", NULL,
                              N_("Records a customer’s renewable service, and prints it with "
                                 "the “renewal due” follow-up made for its next renewal."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!_fd_cli_require (customer_text, _("Missing --customer: whose service is it?"), &error))
    goto failed;
  if (!_fd_cli_parse_id_of (customer_text, FD_CLI_ID_CUSTOMER, &customer_id, &error))
    goto failed;

  if (!_fd_cli_require (name_arg, _("Missing --name: what is the service?"), &error))
    goto failed;
  if (!_fd_cli_require (rrule_arg,
                        _("Missing --rrule: how often is the service renewed?"),
                        &error))
    goto failed;
  if (!_fd_cli_require (next_text,
                        _("Missing --next: when is the service next renewed?"),
                        &error))
    goto failed;

  if (!_fd_cli_optional_text (name_arg, "--name", "name", &name, &error) ||
      !_fd_cli_optional_text (rrule_arg, "--rrule", "rrule", &rrule, &error) ||
      !_fd_cli_parse_time (next_text, "--next", &next_renewal, &error) ||
      (lead_text != NULL &&
       !_fd_cli_parse_unsigned (lead_text, "--lead-days", 0, MAX_LEAD_DAYS, &lead_days,
                                &error)))
    goto failed;

  /* The customer first, so an unknown ID is core's “not found” whatever else is wrong. */
  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(customer = fd_store_get_customer (store, customer_id, &error)) ||
      !(id = fd_store_add_service (store, customer_id, name, rrule, next_renewal,
                                   (int) lead_days, &error)))
    goto failed;

  /* Read back as stored, with the follow-up it made; what was written stays written even
   * if this fails, so a failure here only leaves out the details. */
  if (list_services (store, customer_id, &services, &error))
    {
      for (guint i = 0; i < services.ids->len; i++)
        {
          if (g_array_index (services.ids, gint64, i) != id)
            continue;
          g_free (name);
          name = g_strdup (services.names[i]);
          g_free (rrule);
          rrule = g_strdup (services.rrules[i]);
          next_renewal = g_array_index (services.next_renewals, gint64, i);
          break;
        }
    }
  else
    {
      g_debug ("Could not read the services back: %s", error->message);
      g_clear_error (&error);
    }

  if (!(followup = find_renewal_followup (store, customer_id, id, &error)) && error != NULL)
    {
      g_debug ("Could not read the renewal follow-up: %s", error->message);
      g_clear_error (&error);
    }

  print_service (store, id, customer_id, name, rrule, next_renewal, followup, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
service_list (FdCli  *cli,
              char  **args)
{
  g_auto(Services) services = { NULL };
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customer_text = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 customer_id = 0;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_text,
      N_("The customer whose services to list"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of services"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "service list", NULL,
                              N_("Lists a customer’s renewable services with their next "
                                 "renewals."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!_fd_cli_require (customer_text,
                        _("Missing --customer: whose services should be listed?"),
                        &error))
    goto failed;
  if (!_fd_cli_parse_id_of (customer_text, FD_CLI_ID_CUSTOMER, &customer_id, &error))
    goto failed;

  /* The customer first, so an unknown ID is an error rather than an empty list. */
  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(customer = fd_store_get_customer (store, customer_id, &error)) ||
      !list_services (store, customer_id, &services, &error))
    goto failed;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < services.ids->len; i++)
        _fd_cli_add_service_json (builder, g_array_index (services.ids, gint64, i),
                                  customer_id, services.names[i], services.rrules[i],
                                  g_array_index (services.next_renewals, gint64, i),
                                  FALSE, NULL);
      json_builder_end_array (builder);

      _fd_cli_print_json_builder (builder);
    }
  else if (services.ids->len == 0)
    {
      _fd_cli_print ("%s\n", _("No services."));
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr(GString) out = g_string_new (NULL);
      const char *headers[] = {
        C_("column", "ID"),
        C_("column", "Service"),
        C_("column", "Repeats"),
        C_("column", "Next renewal"),
        NULL
      };
      guint n_columns = G_N_ELEMENTS (headers) - 1;

      g_ptr_array_add (rows, g_strdupv ((char **) headers));

      for (guint i = 0; i < services.ids->len; i++)
        {
          char **row = g_new0 (char *, n_columns + 1);

          row[0] = g_strdup_printf ("%" G_GINT64_FORMAT,
                                    g_array_index (services.ids, gint64, i));
          row[1] = g_strdup (services.names[i]);
          row[2] = g_strdup (services.rrules[i]);
          row[3] = _fd_cli_format_local_time (g_array_index (services.next_renewals,
                                                             gint64, i));
          g_ptr_array_add (rows, row);
        }

      _fd_cli_append_table (out, rows, n_columns);
      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
service_renew (FdCli  *cli,
               char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 id = 0;
  gint64 next_renewal = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the service’s ID and next renewal as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "service renew", N_("ID"),
                              N_("Records that a service was renewed: its next renewal moves "
                                 "one period on, its “renewal due” follow-up is done and the "
                                 "next one is made."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_SERVICE, &id, &error) ||
      !(store = _fd_cli_open_store (cli, &error)) ||
      !(next_renewal = fd_store_record_renewal (store, id, &error)))
    goto failed;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autofree char *next = _fd_cli_format_iso_time (next_renewal);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, id);
      json_builder_set_member_name (builder, "next_renewal_at");
      json_builder_add_string_value (builder, next);
      json_builder_end_object (builder);

      _fd_cli_print_json_builder (builder);
    }
  else
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *next = _fd_cli_format_local_time (next_renewal);

      /* Translators: the first %s is a service's ID, the second the date and time of its
       * next renewal */
      _fd_cli_print (_("Renewal recorded. Service %s is next renewed on %s.\n"), id_text,
                     next);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

int
_fd_cli_service (FdCli  *cli,
                 char  **args)
{
  static const FdCliAction actions[] = {
    { "add", service_add },
    { "list", service_list },
    { "renew", service_renew },
  };

  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli service add --customer ID --name TEXT "
                             "--rrule RULE --next TIME [--lead-days N] [--json]\n"
                             "  frontdesk-cli service list --customer ID [--json]\n"
                             "  frontdesk-cli service renew ID [--json]\n"
                             "\n"
                             "Run “frontdesk-cli service COMMAND --help” for the options of "
                             "a command.\n"),
                           /* Translators: %s is what the user typed after “service” */
                           _("Unknown service command “%s”."));
}
