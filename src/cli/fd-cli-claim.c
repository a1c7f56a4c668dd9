/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-claim.h"
#include "fd-customer.h"
#include "fd-error.h"
#include "fd-store.h"

#include "fd-cli-private.h"

/* As for visit lists: enough for any screenful or script, never billions of rows. */
#define MAX_LIMIT 100000
#define DEFAULT_LIMIT 50


/* The channel's label where it is one of the customers' contact channels, else the code. */
static const char *
channel_label (const char *code)
{
  FdChannel channel = FD_CHANNEL_NONE;

  if (code == NULL)
    return NULL;

  if (fd_channel_from_code (code, &channel) && channel != FD_CHANNEL_NONE)
    return fd_channel_to_label (channel);

  return code;
}

static const char *
category_label (const char *code)
{
  const char *label;

  if (code == NULL)
    return NULL;

  label = fd_claim_category_to_label (code);

  return label != NULL ? label : code;
}

static char *
format_customer (FdStore *store,
                 gint64   customer_id)
{
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  if (customer_id == 0)
    return NULL;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, customer_id);

  /* A name is a nicety: if it cannot be read, the ID is shown alone. */
  if ((customer = fd_store_get_customer (store, customer_id, &error)))
    name = fd_customer_dup_display_name (customer);
  else
    g_debug ("Could not read customer %s: %s", id, error->message);

  if (name != NULL && name[0] != '\0')
    /* Translators: the customer's name, then the ID, as in “Ana Jansen (ID 12)” */
    return g_strdup_printf (_("%s (ID %s)"), name, id);

  /* Translators: a customer shown by ID only, as in “ID 12” */
  return g_strdup_printf (_("ID %s"), id);
}

static void
print_history (GString   *out,
               GPtrArray *history)
{
  if (history == NULL || history->len == 0)
    return;

  g_string_append_printf (out, "\n%s\n", _("History:"));

  for (guint i = 0; i < history->len; i++)
    _fd_cli_append_history_entry (out, g_ptr_array_index (history, i), "  ");
}

/* The claim as the clerk reads it. With @with_history, what happened to it, oldest first;
 * in JSON that is the “history” array. */
static gboolean
print_claim (FdStore   *store,
             FdClaim   *claim,
             gboolean   json,
             gboolean   with_history,
             GError   **error)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *id = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *received = NULL;
  g_autofree char *ack_due = NULL;
  g_autofree char *due = NULL;
  g_autofree char *closed = NULL;
  const char *labels[16];
  guint width;

  /* Read everything before printing anything, so an error leaves stdout empty. */
  if (with_history &&
      !(history = fd_store_list_claim_history (store, fd_claim_get_id (claim), error)))
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      _fd_cli_add_claim_json (builder, claim, history);
      _fd_cli_print_json_builder (builder);
      return TRUE;
    }

  labels[0] = _("Reference:");
  labels[1] = _("ID:");
  labels[2] = _("Kind:");
  labels[3] = _("Status:");
  labels[4] = _("Priority:");
  labels[5] = _("Customer:");
  labels[6] = _("Channel:");
  labels[7] = _("Category:");
  labels[8] = _("Received:");
  labels[9] = _("Acknowledge by:");
  labels[10] = _("Resolve by:");
  labels[11] = _("Closed:");
  labels[12] = _("Summary:");
  labels[13] = _("Problem:");
  labels[14] = _("Solution:");
  labels[15] = _("Benefit:");

  width = _fd_cli_max_width (labels, G_N_ELEMENTS (labels));

  id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_claim_get_id (claim));
  customer = format_customer (store, fd_claim_get_customer_id (claim));
  received = _fd_cli_format_time_or_null (fd_claim_get_received_at (claim));
  ack_due = _fd_cli_format_time_or_null (fd_claim_get_ack_due_at (claim));
  due = _fd_cli_format_time_or_null (fd_claim_get_due_at (claim));
  closed = _fd_cli_format_time_or_null (fd_claim_get_closed_at (claim));

  out = g_string_new (NULL);
  _fd_cli_add_row (out, labels[0], width, fd_claim_get_reference (claim));
  _fd_cli_add_row (out, labels[1], width, id);
  _fd_cli_add_row (out, labels[2], width, fd_claim_kind_to_label (fd_claim_get_kind (claim)));
  _fd_cli_add_row (out, labels[3], width, fd_claim_status_to_label (fd_claim_get_status (claim)));
  _fd_cli_add_row (out, labels[4], width, fd_claim_priority_to_code (fd_claim_get_priority (claim)));
  _fd_cli_add_row (out, labels[5], width, customer);
  _fd_cli_add_row (out, labels[6], width, channel_label (fd_claim_get_channel (claim)));
  _fd_cli_add_row (out, labels[7], width, category_label (fd_claim_get_category (claim)));
  _fd_cli_add_row (out, labels[8], width, received);
  _fd_cli_add_row (out, labels[9], width, ack_due);
  _fd_cli_add_row (out, labels[10], width, due);
  _fd_cli_add_row (out, labels[11], width, closed);
  _fd_cli_add_row (out, labels[12], width, fd_claim_get_summary (claim));
  _fd_cli_add_row (out, labels[13], width, fd_claim_get_problem (claim));
  _fd_cli_add_row (out, labels[14], width, fd_claim_get_solution (claim));
  _fd_cli_add_row (out, labels[15], width, fd_claim_get_benefit (claim));

  print_history (out, history);

  _fd_cli_print ("%s", out->str);

  return TRUE;
}

static gboolean
all_digits (const char *text)
{
  if (text[0] == '\0')
    return FALSE;

  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
    }

  return TRUE;
}

/* A claim by ID (all digits) or by reference, in any case, with or without spaces or
 * dashes: core checks the check letter and says which it is. */
static FdClaim *
lookup_claim (FdStore     *store,
              const char  *text,
              GError     **error)
{
  g_autofree char *reference = NULL;
  gint64 id = 0;

  if (all_digits (text))
    {
      if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &id, NULL))
        {
          g_autofree char *shown = g_utf8_make_valid (text, -1);

          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       /* Translators: %s is what the user typed */
                       _("“%s” is not a claim ID: expected a positive whole number."),
                       shown);
          return NULL;
        }

      return fd_store_get_claim (store, id, error);
    }

  if (!(reference = _fd_cli_arg_to_utf8 (text, "REF", NULL, error)))
    return NULL;

  return fd_store_find_claim (store, reference, error);
}

/* The one positional argument, REF or ID, of show, move and resolve. */
static gboolean
take_reference_argument (char        **args,
                         const char  **reference,
                         GError      **error)
{
  if (args[1] == NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Missing claim reference or ID."));
      return FALSE;
    }

  *reference = args[1];

  return _fd_cli_no_extra_arguments (args, 2, error);
}

static gboolean
parse_status (const char     *text,
              FdClaimStatus  *status,
              GError        **error)
{
  if (fd_claim_status_from_code (text, status))
    return TRUE;

  {
    g_autofree char *shown = g_utf8_make_valid (text, -1);

    fd_set_invalid (error, "status",
                    /* Translators: “%s” is what the user typed; the codes must stay as
                     * they are */
                    _("Unknown status “%s”: use new, acknowledged, in_progress, "
                      "waiting_for_customer, resolved or closed."),
                    shown);
  }

  return FALSE;
}

/* Copies a text option into UTF-8, leaving NULL when it was not given. */
static gboolean
optional_text (const char  *arg,
               const char  *option,
               const char  *field,
               char       **out,
               GError     **error)
{
  *out = NULL;

  if (arg == NULL)
    return TRUE;

  *out = _fd_cli_arg_to_utf8 (arg, option, field, error);

  return *out != NULL;
}

static gboolean
required_text (const char  *arg,
               const char  *option,
               const char  *field,
               char       **out,
               GError     **error)
{
  if (arg == NULL)
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   /* Translators: %s is a command-line option such as --category */
                   _("Missing %s."), option);
      return FALSE;
    }

  return optional_text (arg, option, field, out, error);
}

static int
claim_open (FdCli  *cli,
            char  **args)
{
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customer_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *channel_arg = NULL;
  g_autofree char *channel = NULL;
  g_autofree char *category_arg = NULL;
  g_autofree char *category = NULL;
  g_autofree char *priority_text = NULL;
  g_autofree char *received_text = NULL;
  g_autofree char *summary_arg = NULL;
  g_autofree char *summary = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  FdClaimDraft draft = { 0 };
  FdClaimKind kind = FD_CLAIM_KIND_COMPLAINT;
  FdClaimPriority priority = FD_CLAIM_PRIORITY_NORMAL;
  gint64 customer_id = 0;
  gint64 received = 0;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_text,
      N_("The customer the claim comes from"), N_("ID") },
    /* Translators: the codes complaint, compliment, suggestion and request must stay as
     * they are */
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("complaint, compliment, suggestion or request"), N_("KIND") },
    /* Translators: the codes in_person, phone, email and letter must stay as they are */
    { "channel", 0, 0, G_OPTION_ARG_FILENAME, &channel_arg,
      N_("How the claim came in: in_person, phone, email or letter"), N_("CHANNEL") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &category_arg,
      N_("What the claim is about: a category code such as poor_service or slow_response"),
      N_("CODE") },
    /* Translators: the codes low, normal and high must stay as they are */
    { "priority", 0, 0, G_OPTION_ARG_STRING, &priority_text,
      N_("low, normal or high (default: normal); high shortens the deadlines"),
      N_("PRIORITY") },
    { "received", 0, 0, G_OPTION_ARG_STRING, &received_text,
      N_("When the claim came in, if not now (ISO 8601, local time unless an offset is "
         "given)"), N_("TIME") },
    { "summary", 0, 0, G_OPTION_ARG_FILENAME, &summary_arg,
      N_("The claim in the customer’s words"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the claim as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim open", NULL,
                              N_("Records a complaint, compliment, suggestion or request at "
                                 "the current branch (or the one given with --branch) and "
                                 "prints it with its reference and deadlines."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (customer_text == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Missing --customer: whose claim is it?"));
      goto failed;
    }
  if (!_fd_cli_parse_id_of (customer_text, FD_CLI_ID_CUSTOMER, &customer_id, &error))
    goto failed;

  if (kind_text == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Missing --kind: complaint, compliment, suggestion or "
                             "request."));
      goto failed;
    }
  if (!fd_claim_kind_from_code (kind_text, &kind))
    {
      g_autofree char *shown = g_utf8_make_valid (kind_text, -1);

      fd_set_invalid (&error, "kind",
                      /* Translators: “%s” is what the user typed; the codes must stay as
                       * they are */
                      _("Unknown kind “%s”: use complaint, compliment, suggestion or "
                        "request."),
                      shown);
      goto failed;
    }

  if (!required_text (channel_arg, "--channel", "channel", &channel, &error) ||
      !required_text (category_arg, "--category", "category", &category, &error) ||
      !optional_text (summary_arg, "--summary", "summary", &summary, &error))
    goto failed;

  if (priority_text != NULL && !fd_claim_priority_from_code (priority_text, &priority))
    {
      g_autofree char *shown = g_utf8_make_valid (priority_text, -1);

      fd_set_invalid (&error, "priority",
                      /* Translators: “%s” is what the user typed; the codes low, normal
                       * and high must stay as they are */
                      _("Unknown priority “%s”: use low, normal or high."),
                      shown);
      goto failed;
    }

  if (received_text != NULL &&
      !_fd_cli_parse_time (received_text, "--received", &received, &error))
    goto failed;

  draft.customer_id = customer_id;
  draft.kind = kind;
  draft.channel = channel;
  draft.category = category;
  draft.priority = priority;
  draft.summary = summary;
  draft.received_at = received;
  draft.visit_id = 0;

  /* The customer first, so an unknown ID is core's “not found” whatever else is wrong. */
  if (!(store = _fd_cli_open_branch_store (cli, &draft.branch_id, &error)) ||
      !(customer = fd_store_get_customer (store, customer_id, &error)) ||
      !(claim = fd_store_open_claim (store, &draft, &error)) ||
      !print_claim (store, claim, json, FALSE, &error))
    goto failed;

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
claim_show (FdCli  *cli,
            char  **args)
{
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *reference = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the claim as JSON, with its history"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim show", N_("REF|ID"),
                              N_("Prints a claim and its history. The reference may be typed "
                                 "in any case, with or without spaces or dashes."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!take_reference_argument (args, &reference, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claim = lookup_claim (store, reference, &error)) ||
      !print_claim (store, claim, json, TRUE, &error))
    goto failed;

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static void
print_claim_table (GPtrArray *claims)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *headers[] = {
    C_("column", "Reference"),
    C_("column", "Received"),
    C_("column", "Kind"),
    C_("column", "Status"),
    C_("column", "Due"),
    C_("column", "Summary"),
    NULL
  };
  guint n_columns = G_N_ELEMENTS (headers) - 1;

  g_ptr_array_add (rows, g_strdupv ((char **) headers));

  for (guint i = 0; i < claims->len; i++)
    {
      FdClaim *claim = g_ptr_array_index (claims, i);
      const char *summary = fd_claim_get_summary (claim);
      char **row = g_new0 (char *, n_columns + 1);

      row[0] = g_strdup (fd_claim_get_reference (claim));
      row[1] = _fd_cli_format_local_time (fd_claim_get_received_at (claim));
      row[2] = g_strdup (fd_claim_kind_to_label (fd_claim_get_kind (claim)));
      row[3] = g_strdup (fd_claim_status_to_label (fd_claim_get_status (claim)));
      row[4] = fd_claim_get_due_at (claim) != 0
               ? _fd_cli_format_local_time (fd_claim_get_due_at (claim))
               : g_strdup ("");
      /* One line per claim: the summary's first line only. */
      row[5] = g_strdup (summary != NULL ? summary : "");
      g_strdelimit (row[5], "\r\n", '\0');
      g_ptr_array_add (rows, row);
    }

  _fd_cli_append_table (out, rows, n_columns);

  _fd_cli_print ("%s", out->str);
}

static int
claim_list (FdCli  *cli,
            char  **args)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *limit_text = NULL;
  gboolean help_shown = FALSE;
  gboolean overdue = FALSE;
  gboolean json = FALSE;
  guint64 limit = DEFAULT_LIMIT;
  FdClaimStatus status = FD_CLAIM_STATUS_NEW;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only claims with this status: new, acknowledged, in_progress, "
         "waiting_for_customer, resolved or closed"), N_("STATUS") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only claims not closed whose resolution was due before now"), NULL },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Show at most N claims (default: 50)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of claims"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim list", NULL,
                              N_("Lists claims, newest first."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if ((status_text != NULL && !parse_status (status_text, &status, &error)) ||
      (limit_text != NULL &&
       !_fd_cli_parse_unsigned (limit_text, "--limit", 1, MAX_LIMIT, &limit, &error)))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claims = fd_store_list_claims (store, status_text != NULL ? (int) status : -1,
                                       overdue, (guint) limit, &error)))
    goto failed;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < claims->len; i++)
        _fd_cli_add_claim_json (builder, g_ptr_array_index (claims, i), NULL);
      json_builder_end_array (builder);

      _fd_cli_print_json_builder (builder);
    }
  else if (claims->len == 0)
    {
      _fd_cli_print ("%s\n", _("No claims."));
    }
  else
    {
      print_claim_table (claims);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
claim_move (FdCli  *cli,
            char  **args)
{
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdClaim) moved = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *to_text = NULL;
  g_autofree char *comment_arg = NULL;
  g_autofree char *comment = NULL;
  const char *reference = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  FdClaimStatus to = FD_CLAIM_STATUS_NEW;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("The new status: new, acknowledged, in_progress, waiting_for_customer, resolved "
         "or closed"), N_("STATUS") },
    { "comment", 0, 0, G_OPTION_ARG_FILENAME, &comment_arg,
      N_("Why, for the claim’s history"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the claim as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim move", N_("REF|ID"),
                              N_("Moves a claim along the workflow: new → acknowledged → in "
                                 "progress ⇄ waiting for customer → resolved → closed, and "
                                 "back to in progress to reopen it. Use “claim resolve” to "
                                 "resolve it."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!take_reference_argument (args, &reference, &error))
    goto failed;

  if (to_text == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Missing --to: which status should the claim move to?"));
      goto failed;
    }
  if (!parse_status (to_text, &to, &error) ||
      !optional_text (comment_arg, "--comment", "comment", &comment, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claim = lookup_claim (store, reference, &error)) ||
      !(moved = fd_store_move_claim (store, fd_claim_get_id (claim), to, comment, &error)) ||
      !print_claim (store, moved, json, FALSE, &error))
    goto failed;

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
claim_resolve (FdCli  *cli,
               char  **args)
{
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdClaim) resolved = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem_arg = NULL;
  g_autofree char *problem = NULL;
  g_autofree char *solution_arg = NULL;
  g_autofree char *solution = NULL;
  g_autofree char *benefit_arg = NULL;
  g_autofree char *benefit = NULL;
  const char *reference = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "problem", 0, 0, G_OPTION_ARG_FILENAME, &problem_arg,
      N_("What went wrong, as the customer experienced it"), N_("TEXT") },
    { "solution", 0, 0, G_OPTION_ARG_FILENAME, &solution_arg,
      N_("What was done about it"), N_("TEXT") },
    { "benefit", 0, 0, G_OPTION_ARG_FILENAME, &benefit_arg,
      N_("What the customer gains from it"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the claim as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim resolve", N_("REF|ID"),
                              N_("Records the resolution (problem, solution, benefit) and "
                                 "moves the claim to resolved."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!take_reference_argument (args, &reference, &error))
    goto failed;

  if (!required_text (problem_arg, "--problem", "problem", &problem, &error) ||
      !required_text (solution_arg, "--solution", "solution", &solution, &error) ||
      !required_text (benefit_arg, "--benefit", "benefit", &benefit, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claim = lookup_claim (store, reference, &error)) ||
      !(resolved = fd_store_resolve_claim (store, fd_claim_get_id (claim), problem, solution,
                                           benefit, &error)) ||
      !print_claim (store, resolved, json, FALSE, &error))
    goto failed;

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

int
_fd_cli_claim (FdCli  *cli,
               char  **args)
{
  static const FdCliAction actions[] = {
    { "list", claim_list },
    { "move", claim_move },
    { "open", claim_open },
    { "resolve", claim_resolve },
    { "show", claim_show },
  };
  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli claim open --customer ID --kind KIND "
                             "--channel CHANNEL --category CODE [--priority PRIORITY] "
                             "[--received TIME] [--summary TEXT] [--json]\n"
                             "  frontdesk-cli claim show REF|ID [--json]\n"
                             "  frontdesk-cli claim list [--status STATUS] [--overdue] "
                             "[--limit N] [--json]\n"
                             "  frontdesk-cli claim move REF|ID --to STATUS "
                             "[--comment TEXT] [--json]\n"
                             "  frontdesk-cli claim resolve REF|ID --problem TEXT "
                             "--solution TEXT --benefit TEXT [--json]\n"
                             "\n"
                             "Run “frontdesk-cli claim COMMAND --help” for the options of a "
                             "command.\n"),
                           /* Translators: %s is what the user typed after “claim” */
                           _("Unknown claim command “%s”."));
}
