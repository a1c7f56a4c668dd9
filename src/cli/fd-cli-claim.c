/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-claim.h"
#include "fd-claim-message.h"
#include "fd-customer.h"
#include "fd-error.h"
#include "fd-history-entry.h"
#include "fd-reply-template.h"
#include "fd-store.h"

#include "fd-cli-private.h"

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

char *
_fd_cli_format_customer (FdStore *store,
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

char *
_fd_cli_format_staff (FdStore *store,
                      gint64   staff_id)
{
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;

  if (staff_id == 0)
    return NULL;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, staff_id);
  name = fd_store_dup_staff_name (store, staff_id);

  if (name != NULL && name[0] != '\0')
    /* Translators: a staff member's name, then the ID, as in “Ana Jansen (ID 12)” */
    return g_strdup_printf (_("%s (ID %s)"), name, id);

  /* Translators: a staff member shown by ID only, as in “ID 12” */
  return g_strdup_printf (_("ID %s"), id);
}

static char *
format_satisfaction (int satisfaction)
{
  if (satisfaction <= 0)
    return NULL;

  /* Translators: the customer's satisfaction on a scale of 1 to 5, such as “4 of 5” */
  return g_strdup_printf (_("%d of 5"), satisfaction);
}

/* The thread, oldest first: each message's time, direction, channel and ID, then its
 * subject, text and attachments indented under it. */
static void
print_messages (GString   *out,
                GPtrArray *messages)
{
  if (messages == NULL || messages->len == 0)
    return;

  g_string_append_printf (out, "\n%s\n", _("Correspondence:"));

  for (guint i = 0; i < messages->len; i++)
    {
      FdClaimMessage *message = g_ptr_array_index (messages, i);
      FdMessageDirection direction = fd_claim_message_get_direction (message);
      const char *channel = fd_claim_message_get_channel (message);
      const char *channel_text = fd_claim_channel_to_label (channel);
      const char *subject = fd_claim_message_get_subject (message);
      const char *body = fd_claim_message_get_body (message);
      const char *template_code = fd_claim_message_get_template (message);
      const char *author = fd_claim_message_get_author (message);
      guint n_attachments = fd_claim_message_get_n_attachments (message);
      g_autofree char *at = _fd_cli_format_local_time (fd_claim_message_get_at (message));
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             fd_claim_message_get_id (message));
      g_autofree char *heading = NULL;

      heading = g_strdup_printf (/* Translators: a message of a claim's thread: its
                                  * direction (“Outgoing”), its channel (“E-mail”) and its
                                  * ID, as in “Outgoing · E-mail · message 12” */
                                 _("%s · %s · message %s"),
                                 fd_message_direction_to_label (direction),
                                 channel_text != NULL ? channel_text : channel, id);

      if (i > 0)
        g_string_append_c (out, '\n');
      g_string_append_printf (out, "  %s  %s\n", at, heading);

      if (subject != NULL && subject[0] != '\0')
        {
          /* Translators: %s is a message's subject */
          g_autofree char *line = g_strdup_printf (_("Subject: %s"), subject);

          g_string_append_printf (out, "    %s\n", line);
        }

      if (author != NULL && author[0] != '\0')
        {
          /* Translators: %s is the name of the staff member who wrote or recorded a
           * message */
          g_autofree char *line = g_strdup_printf (_("Recorded by %s"), author);

          g_string_append_printf (out, "    %s\n", line);
        }

      if (template_code != NULL && template_code[0] != '\0')
        {
          const char *label = fd_reply_template_to_label (template_code);
          g_autofree char *line = NULL;

          /* Translators: %s is the name of the reply template a message was written from */
          line = g_strdup_printf (_("Template: %s"), label != NULL ? label : template_code);
          g_string_append_printf (out, "    %s\n", line);
        }

      if (body != NULL && body[0] != '\0')
        {
          g_auto(GStrv) lines = g_strsplit (body, "\n", -1);

          for (guint j = 0; lines[j] != NULL; j++)
            {
              /* No trailing blank line for a body that ends with a newline. */
              if (lines[j + 1] == NULL && lines[j][0] == '\0')
                break;
              if (lines[j][0] == '\0')
                g_string_append (out, "    │\n");
              else
                g_string_append_printf (out, "    │ %s\n", lines[j]);
            }
        }

      for (guint j = 0; j < n_attachments; j++)
        {
          g_autofree char *attachment = _fd_cli_format_attachment (message, j);
          g_autofree char *line = NULL;

          if (attachment == NULL)
            continue;

          /* Translators: %s is an attachment's name and size, as in
           * “Attachment: photo.jpg (1.2 MB)” */
          line = g_strdup_printf (_("Attachment: %s"), attachment);
          g_string_append_printf (out, "    %s\n", line);
        }
    }
}

static void
print_history (GString   *out,
               GPtrArray *history)
{
  if (history == NULL || history->len == 0)
    return;

  g_string_append_printf (out, "\n%s\n", _("History:"));

  for (guint i = 0; i < history->len; i++)
    {
      FdHistoryEntry *entry = g_ptr_array_index (history, i);
      const char *actor = fd_history_entry_get_actor (entry);
      g_autoptr(FdHistoryEntry) shown = NULL;
      g_autofree char *title = NULL;

      if (actor == NULL || actor[0] == '\0')
        {
          _fd_cli_append_history_entry (out, entry, "  ");
          continue;
        }

      /* Who made the change, after what changed. */
      /* Translators: a change in a claim's history, then who made it, as in
       * “Priority changed (Ana Jansen)” */
      title = g_strdup_printf (_("%s (%s)"), fd_history_entry_get_title (entry), actor);
      shown = fd_history_entry_new (fd_history_entry_get_kind (entry),
                                    fd_history_entry_get_id (entry),
                                    fd_history_entry_get_at (entry),
                                    title,
                                    fd_history_entry_get_detail (entry));
      _fd_cli_append_history_entry (out, shown, "  ");
    }
}

/* The claim as the clerk reads it. With @with_thread, also its correspondence and what
 * happened to it, oldest first; in JSON those are the “messages” and “history” arrays. */
static gboolean
print_claim (FdStore   *store,
             FdClaim   *claim,
             gboolean   json,
             gboolean   with_thread,
             GError   **error)
{
  g_autoptr(GPtrArray) messages = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GString) out = NULL;
  g_autofree char *id = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *assignee = NULL;
  g_autofree char *received = NULL;
  g_autofree char *ack_due = NULL;
  g_autofree char *acknowledged = NULL;
  g_autofree char *due = NULL;
  g_autofree char *resolved = NULL;
  g_autofree char *closed = NULL;
  g_autofree char *satisfaction = NULL;
  g_autofree char *category = NULL;
  const char *labels[22];
  const char *overdue = NULL;
  guint width;

  /* Read everything before printing anything, so an error leaves stdout empty. */
  if (with_thread &&
      (!(messages = fd_store_list_messages (store, fd_claim_get_id (claim), error)) ||
       !(history = fd_store_list_claim_history (store, fd_claim_get_id (claim), error))))
    return FALSE;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      _fd_cli_add_claim_json (builder, claim, messages, history);
      _fd_cli_print_json_builder (builder);
      return TRUE;
    }

  labels[0] = _("Reference:");
  labels[1] = _("ID:");
  labels[2] = _("Kind:");
  labels[3] = _("Status:");
  labels[4] = _("Overdue:");
  labels[5] = _("Priority:");
  labels[6] = _("Customer:");
  labels[7] = _("Channel:");
  labels[8] = _("Category:");
  labels[9] = _("Concerns:");
  labels[10] = _("Assigned to:");
  labels[11] = _("Received:");
  labels[12] = _("Acknowledge by:");
  labels[13] = _("Acknowledged:");
  labels[14] = _("Resolve by:");
  labels[15] = _("Resolved:");
  labels[16] = _("Closed:");
  labels[17] = _("Summary:");
  labels[18] = _("Problem:");
  labels[19] = _("Solution:");
  labels[20] = _("Benefit:");
  labels[21] = _("Satisfaction:");

  width = _fd_cli_max_width (labels, G_N_ELEMENTS (labels));

  id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_claim_get_id (claim));
  customer = _fd_cli_format_customer (store, fd_claim_get_customer_id (claim));
  assignee = _fd_cli_format_staff (store, fd_claim_get_assignee_id (claim));
  received = _fd_cli_format_time_or_null (fd_claim_get_received_at (claim));
  ack_due = _fd_cli_format_time_or_null (fd_claim_get_ack_due_at (claim));
  acknowledged = _fd_cli_format_time_or_null (fd_claim_get_acknowledged_at (claim));
  due = _fd_cli_format_time_or_null (fd_claim_get_due_at (claim));
  resolved = _fd_cli_format_time_or_null (fd_claim_get_resolved_at (claim));
  closed = _fd_cli_format_time_or_null (fd_claim_get_closed_at (claim));
  satisfaction = format_satisfaction (fd_claim_get_satisfaction (claim));
  category = _fd_cli_dup_category_label (store, fd_claim_get_category (claim));
  if (fd_claim_is_overdue (claim, g_get_real_time () / G_USEC_PER_SEC))
    /* Translators: shown after “Overdue:” for a claim past its resolution date */
    overdue = C_("overdue", "yes");

  out = g_string_new (NULL);
  _fd_cli_add_row (out, labels[0], width, fd_claim_get_reference (claim));
  _fd_cli_add_row (out, labels[1], width, id);
  _fd_cli_add_row (out, labels[2], width, fd_claim_kind_to_label (fd_claim_get_kind (claim)));
  _fd_cli_add_row (out, labels[3], width, fd_claim_status_to_label (fd_claim_get_status (claim)));
  _fd_cli_add_row (out, labels[4], width, overdue);
  _fd_cli_add_row (out, labels[5], width,
                   fd_claim_priority_to_label (fd_claim_get_priority (claim)));
  _fd_cli_add_row (out, labels[6], width, customer);
  _fd_cli_add_row (out, labels[7], width, channel_label (fd_claim_get_channel (claim)));
  _fd_cli_add_row (out, labels[8], width, category);
  _fd_cli_add_row (out, labels[9], width, fd_claim_get_concerns (claim));
  _fd_cli_add_row (out, labels[10], width, assignee);
  _fd_cli_add_row (out, labels[11], width, received);
  _fd_cli_add_row (out, labels[12], width, ack_due);
  _fd_cli_add_row (out, labels[13], width, acknowledged);
  _fd_cli_add_row (out, labels[14], width, due);
  _fd_cli_add_row (out, labels[15], width, resolved);
  _fd_cli_add_row (out, labels[16], width, closed);
  _fd_cli_add_row (out, labels[17], width, fd_claim_get_summary (claim));
  _fd_cli_add_row (out, labels[18], width, fd_claim_get_problem (claim));
  _fd_cli_add_row (out, labels[19], width, fd_claim_get_solution (claim));
  _fd_cli_add_row (out, labels[20], width, fd_claim_get_benefit (claim));
  _fd_cli_add_row (out, labels[21], width, satisfaction);

  print_messages (out, messages);
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
FdClaim *
_fd_cli_lookup_claim (FdStore     *store,
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

/* The one positional argument, REF or ID, of show, move, resolve, update, reply and
 * letter. */
gboolean
_fd_cli_take_claim_argument (char        **args,
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

gboolean
_fd_cli_parse_claim_kind (const char   *text,
                          FdClaimKind  *kind,
                          GError      **error)
{
  g_autofree char *shown = NULL;

  if (fd_claim_kind_from_code (text, kind))
    return TRUE;

  shown = g_utf8_make_valid (text, -1);
  fd_set_invalid (error, "kind",
                  /* Translators: “%s” is what the user typed; the codes must stay as
                   * they are */
                  _("Unknown kind “%s”: use complaint, compliment, suggestion or "
                    "request."),
                  shown);

  return FALSE;
}

gboolean
_fd_cli_parse_claim_priority (const char       *text,
                              FdClaimPriority  *priority,
                              GError          **error)
{
  g_autofree char *shown = NULL;

  if (fd_claim_priority_from_code (text, priority))
    return TRUE;

  shown = g_utf8_make_valid (text, -1);
  fd_set_invalid (error, "priority",
                  /* Translators: “%s” is what the user typed; the codes low, normal
                   * and high must stay as they are */
                  _("Unknown priority “%s”: use low, normal or high."),
                  shown);

  return FALSE;
}

/* --assignee: a staff member's ID, checked against the staff, or “none” (@none_value). */
static gboolean
parse_assignee (FdStore     *store,
                const char  *text,
                gint64       none_value,
                gint64      *out,
                GError     **error)
{
  g_autofree char *name = NULL;
  gint64 staff_id = 0;

  if (g_str_equal (text, "none"))
    {
      *out = none_value;
      return TRUE;
    }

  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT64, &staff_id, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      fd_set_invalid (error, "assignee",
                      /* Translators: “%s” is what the user typed; keep “none” as it is */
                      _("Invalid value “%s” for --assignee: expected a staff member’s ID "
                        "or none."),
                      shown);
      return FALSE;
    }

  if (!(name = fd_store_dup_staff_name (store, staff_id)))
    {
      fd_set_invalid (error, "assignee",
                      /* Translators: %s is the staff ID the user typed */
                      _("No staff member with ID %s to assign."), text);
      return FALSE;
    }

  *out = staff_id;

  return TRUE;
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

  return _fd_cli_optional_text (arg, option, field, out, error);
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

  if (!_fd_cli_require (customer_text, _("Missing --customer: whose claim is it?"), &error))
    goto failed;
  if (!_fd_cli_parse_id_of (customer_text, FD_CLI_ID_CUSTOMER, &customer_id, &error))
    goto failed;

  if (!_fd_cli_require (kind_text,
                        _("Missing --kind: complaint, compliment, suggestion or "
                          "request."),
                        &error))
    goto failed;
  if (!_fd_cli_parse_claim_kind (kind_text, &kind, &error))
    goto failed;

  if (!required_text (channel_arg, "--channel", "channel", &channel, &error) ||
      !required_text (category_arg, "--category", "category", &category, &error) ||
      !_fd_cli_optional_text (summary_arg, "--summary", "summary", &summary, &error))
    goto failed;

  if (priority_text != NULL && !_fd_cli_parse_claim_priority (priority_text, &priority, &error))
    goto failed;

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
      N_("Print the claim as JSON, with its messages and history"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim show", N_("REF|ID"),
                              N_("Prints a claim, its correspondence and its history. The "
                                 "reference may be typed in any case, with or without spaces "
                                 "or dashes."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_claim_argument (args, &reference, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claim = _fd_cli_lookup_claim (store, reference, &error)) ||
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
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
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
      const char *status = fd_claim_status_to_label (fd_claim_get_status (claim));
      char **row = g_new0 (char *, n_columns + 1);

      row[0] = g_strdup (fd_claim_get_reference (claim));
      row[1] = _fd_cli_format_local_time (fd_claim_get_received_at (claim));
      row[2] = g_strdup (fd_claim_kind_to_label (fd_claim_get_kind (claim)));
      /* Overdue claims stand out in words, not only in the due date. */
      if (fd_claim_is_overdue (claim, now))
        /* Translators: %s is a claim's status, as in “In progress, overdue” */
        row[3] = g_strdup_printf (C_("claim status", "%s, overdue"), status);
      else
        row[3] = g_strdup (status);
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

/* A claim in a list: without its messages and history. */
static void
add_claim_json (JsonBuilder *builder,
                gpointer     claim)
{
  _fd_cli_add_claim_json (builder, claim, NULL, NULL);
}

static GPtrArray *
fetch_claims_page (FdStore        *store,
                   gconstpointer   filter,
                   gpointer        last,
                   guint           wanted,
                   GError        **error)
{
  return fd_store_list_claims_page (store, filter, last, wanted, error);
}

static int
claim_list (FdCli  *cli,
            char  **args)
{
  g_autoptr(GPtrArray) claims = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *status_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *category_arg = NULL;
  g_autofree char *category = NULL;
  g_autofree char *assignee_text = NULL;
  g_autofree char *limit_text = NULL;
  gboolean help_shown = FALSE;
  gboolean overdue = FALSE;
  gboolean json = FALSE;
  guint64 limit = FD_CLI_DEFAULT_LIMIT;
  FdClaimStatus status = FD_CLAIM_STATUS_NEW;
  FdClaimKind kind = FD_CLAIM_KIND_COMPLAINT;
  FdClaimFilter filter = FD_CLAIM_FILTER_INIT;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_text,
      N_("Only claims with this status: new, acknowledged, in_progress, "
         "waiting_for_customer, resolved or closed"), N_("STATUS") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &overdue,
      N_("Only claims not resolved or closed whose resolution was due before now"), NULL },
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("Only claims of this kind: complaint, compliment, suggestion or request"),
      N_("KIND") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &category_arg,
      N_("Only claims in this category, by code (such as slow_response)"), N_("CODE") },
    { "assignee", 0, 0, G_OPTION_ARG_STRING, &assignee_text,
      N_("Only claims assigned to the staff member with this ID, or “none” for the "
         "unassigned ones"), N_("ID|none") },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Show at most N claims (default: 50)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of claims"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim list", NULL,
                              N_("Lists claims, newest received first: those of every branch, "
                                 "or with --branch ID only that branch’s."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if ((status_text != NULL && !parse_status (status_text, &status, &error)) ||
      (kind_text != NULL && !_fd_cli_parse_claim_kind (kind_text, &kind, &error)) ||
      !_fd_cli_optional_text (category_arg, "--category", "category", &category, &error) ||
      (limit_text != NULL &&
       !_fd_cli_parse_unsigned (limit_text, "--limit", 1, FD_CLI_MAX_LIMIT, &limit, &error)))
    goto failed;

  if (category != NULL && category[0] == '\0')
    {
      fd_set_invalid (&error, "category", _("The value of --category must not be empty."));
      goto failed;
    }

  filter.status = status_text != NULL ? (int) status : -1;
  filter.kind = kind_text != NULL ? (int) kind : -1;
  filter.category = category;
  filter.overdue = overdue;

  /* Every branch unless --branch names one; then it must exist. */
  if (!(store = _fd_cli_open_store (cli, &error)) ||
      (cli->branch != NULL && !(filter.branch_id = _fd_cli_resolve_branch (cli, store, &error))) ||
      (assignee_text != NULL &&
       !parse_assignee (store, assignee_text, -1, &filter.assignee_id, &error)) ||
      !(claims = _fd_cli_collect_pages (store, fetch_claims_page, &filter,
                                              (guint) limit, &error)))
    goto failed;

  if (json)
    _fd_cli_print_json_array (claims, add_claim_json);
  else if (claims->len == 0)
    _fd_cli_print ("%s\n", _("No claims."));
  else
    print_claim_table (claims);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

/* Claims found by the search text @query, newest first, older than @last. */
static GPtrArray *
fetch_search_page (FdStore        *store,
                   gconstpointer   query,
                   gpointer        last,
                   guint           wanted,
                   GError        **error)
{
  gint64 before_id = last != NULL ? fd_claim_get_id (last) : 0;

  return fd_store_search_claims (store, query, before_id, wanted, error);
}

static int
claim_search (FdCli  *cli,
              char  **args)
{
  g_autoptr(GPtrArray) claims = NULL;
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
      N_("Show at most N claims (default: 50)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of claims"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim search", N_("QUERY…"),
                              N_("Finds claims by their reference (in any spelling), summary, "
                                 "resolution and correspondence: every word as a word prefix, "
                                 "in any script, with or without accents. Newest first."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (limit_text != NULL &&
      !_fd_cli_parse_unsigned (limit_text, "--limit", 1, FD_CLI_MAX_LIMIT, &limit, &error))
    goto failed;

  if (!_fd_cli_require (args[1], _("Missing search text."), &error))
    goto failed;

  /* `claim search k 2026 0417 x` means the same as `claim search "k 2026 0417 x"`. */
  joined = g_strjoinv (" ", &args[1]);
  if (!(query = _fd_cli_arg_to_utf8 (joined, "QUERY", NULL, &error)))
    goto failed;

  if (g_strstrip (query)[0] == '\0')
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Missing search text."));
      goto failed;
    }

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claims = _fd_cli_collect_pages (store, fetch_search_page, query,
                                              (guint) limit, &error)))
    goto failed;

  if (json)
    {
      _fd_cli_print_json_array (claims, add_claim_json);
    }
  else if (claims->len == 0)
    {
      /* Translators: %s is the search text */
      _fd_cli_print (_("No claims match “%s”.\n"), query);
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
  if (!_fd_cli_take_claim_argument (args, &reference, &error))
    goto failed;

  if (!_fd_cli_require (to_text,
                        _("Missing --to: which status should the claim move to?"),
                        &error))
    goto failed;
  if (!parse_status (to_text, &to, &error) ||
      !_fd_cli_optional_text (comment_arg, "--comment", "comment", &comment, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claim = _fd_cli_lookup_claim (store, reference, &error)) ||
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
  if (!_fd_cli_take_claim_argument (args, &reference, &error))
    goto failed;

  if (!required_text (problem_arg, "--problem", "problem", &problem, &error) ||
      !required_text (solution_arg, "--solution", "solution", &solution, &error) ||
      !required_text (benefit_arg, "--benefit", "benefit", &benefit, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claim = _fd_cli_lookup_claim (store, reference, &error)) ||
      !(resolved = fd_store_resolve_claim (store, fd_claim_get_id (claim), problem, solution,
                                           benefit, &error)) ||
      !print_claim (store, resolved, json, FALSE, &error))
    goto failed;

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

/* --satisfaction: 1 to 5, or “none” to clear it. */
static gboolean
parse_satisfaction (const char  *text,
                    int         *out,
                    GError     **error)
{
  guint64 value = 0;

  if (g_str_equal (text, "none"))
    {
      *out = 0;
      return TRUE;
    }

  if (!g_ascii_string_to_unsigned (text, 10, 1, 5, &value, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      fd_set_invalid (error, "satisfaction",
                      /* Translators: “%s” is what the user typed; keep “none” as it is */
                      _("Invalid value “%s” for --satisfaction: expected a whole number "
                        "from 1 to 5, or none."),
                      shown);
      return FALSE;
    }

  *out = (int) value;

  return TRUE;
}

static int
claim_update (FdCli  *cli,
              char  **args)
{
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdClaim) updated = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *assignee_text = NULL;
  g_autofree char *priority_text = NULL;
  g_autofree char *category_arg = NULL;
  g_autofree char *category = NULL;
  g_autofree char *concerns_arg = NULL;
  g_autofree char *concerns = NULL;
  g_autofree char *summary_arg = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *satisfaction_text = NULL;
  g_autofree char *comment_arg = NULL;
  g_autofree char *comment = NULL;
  const char *reference = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  FdClaimPriority priority = FD_CLAIM_PRIORITY_NORMAL;
  FdClaimChanges changes = FD_CLAIM_CHANGES_INIT;
  const GOptionEntry entries[] = {
    { "assignee", 0, 0, G_OPTION_ARG_STRING, &assignee_text,
      N_("Assign the claim to the staff member with this ID, or “none” to unassign it"),
      N_("ID|none") },
    /* Translators: the codes low, normal and high must stay as they are */
    { "priority", 0, 0, G_OPTION_ARG_STRING, &priority_text,
      N_("low, normal or high; the deadlines are counted again unless --due is given"),
      N_("PRIORITY") },
    { "category", 0, 0, G_OPTION_ARG_FILENAME, &category_arg,
      N_("What the claim is about: a category code such as poor_service or slow_response"),
      N_("CODE") },
    { "concerns", 0, 0, G_OPTION_ARG_FILENAME, &concerns_arg,
      N_("The department or staff member concerned (\"\" clears it)"), N_("TEXT") },
    { "summary", 0, 0, G_OPTION_ARG_FILENAME, &summary_arg,
      N_("The claim in the customer’s words"), N_("TEXT") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due_text,
      N_("A new resolution date (ISO 8601, local time unless an offset is given)"),
      N_("TIME") },
    { "satisfaction", 0, 0, G_OPTION_ARG_STRING, &satisfaction_text,
      N_("The customer’s satisfaction with the resolution, 1 to 5, or “none” to clear it"),
      N_("1-5") },
    { "comment", 0, 0, G_OPTION_ARG_FILENAME, &comment_arg,
      N_("Why, for the claim’s history"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the claim as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim update", N_("REF|ID"),
                              N_("Changes a claim’s fields; the fields not given stay as they "
                                 "are. Every change goes into the claim’s history, with who "
                                 "made it (see --staff)."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_claim_argument (args, &reference, &error))
    goto failed;

  if (assignee_text == NULL && priority_text == NULL && category_arg == NULL &&
      concerns_arg == NULL && summary_arg == NULL && due_text == NULL &&
      satisfaction_text == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Nothing to change: give --assignee, --priority, --category, "
                             "--concerns, --summary, --due or --satisfaction."));
      goto failed;
    }

  if (priority_text != NULL)
    {
      if (!_fd_cli_parse_claim_priority (priority_text, &priority, &error))
        goto failed;
      changes.priority = (int) priority;
    }

  if (due_text != NULL && !_fd_cli_parse_time (due_text, "--due", &changes.due_at, &error))
    goto failed;

  if (satisfaction_text != NULL &&
      !parse_satisfaction (satisfaction_text, &changes.satisfaction, &error))
    goto failed;

  if (!_fd_cli_optional_text (category_arg, "--category", "category", &category, &error) ||
      !_fd_cli_optional_text (concerns_arg, "--concerns", "concerns", &concerns, &error) ||
      !_fd_cli_optional_text (summary_arg, "--summary", "summary", &summary, &error) ||
      !_fd_cli_optional_text (comment_arg, "--comment", "comment", &comment, &error))
    goto failed;

  changes.category = category;
  changes.concerns = concerns;
  changes.summary = summary;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(claim = _fd_cli_lookup_claim (store, reference, &error)) ||
      (assignee_text != NULL &&
       !parse_assignee (store, assignee_text, 0, &changes.assignee_id, &error)) ||
      !(updated = fd_store_update_claim (store, fd_claim_get_id (claim), &changes, comment,
                                         &error)) ||
      !print_claim (store, updated, json, FALSE, &error))
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
    { "category", _fd_cli_claim_category },
    { "deadline", _fd_cli_claim_deadline },
    { "letter", _fd_cli_claim_letter },
    { "list", claim_list },
    { "move", claim_move },
    { "open", claim_open },
    { "reply", _fd_cli_claim_reply },
    { "resolve", claim_resolve },
    { "search", claim_search },
    { "show", claim_show },
    { "template", _fd_cli_claim_template },
    { "update", claim_update },
  };
  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli claim open --customer ID --kind KIND "
                             "--channel CHANNEL --category CODE [--priority PRIORITY] "
                             "[--received TIME] [--summary TEXT] [--json]\n"
                             "  frontdesk-cli claim show REF|ID [--json]\n"
                             "  frontdesk-cli claim list [--status STATUS] [--overdue] "
                             "[--kind KIND] [--category CODE] [--assignee ID|none] "
                             "[--branch ID] [--limit N] [--json]\n"
                             "  frontdesk-cli claim search QUERY… [--limit N] [--json]\n"
                             "  frontdesk-cli claim move REF|ID --to STATUS "
                             "[--comment TEXT] [--json]\n"
                             "  frontdesk-cli claim update REF|ID [--assignee ID|none] "
                             "[--priority PRIORITY] [--category CODE] [--concerns TEXT] "
                             "[--summary TEXT] [--due TIME] [--satisfaction 1-5] "
                             "[--comment TEXT] [--json]\n"
                             "  frontdesk-cli claim reply REF|ID --direction in|out "
                             "--channel CHANNEL (--template NAME|--body-file FILE) "
                             "[--subject TEXT] [--language LANG] [--attach FILE]… "
                             "[--at TIME] [--json]\n"
                             "  frontdesk-cli claim resolve REF|ID --problem TEXT "
                             "--solution TEXT --benefit TEXT [--json]\n"
                             "  frontdesk-cli claim letter REF|ID --pdf FILE "
                             "[--message ID]\n"
                             "  frontdesk-cli claim template list [--json]\n"
                             "  frontdesk-cli claim template show NAME [--language LANG] "
                             "[--json]\n"
                             "  frontdesk-cli claim deadline list [--json]\n"
                             "  frontdesk-cli claim deadline set --kind KIND "
                             "--priority PRIORITY --ack DAYS --resolve DAYS [--json]\n"
                             "  frontdesk-cli claim category list [--json]\n"
                             "  frontdesk-cli claim category set CODE [--label TEXT] "
                             "[--json]\n"
                             "\n"
                             "Run “frontdesk-cli claim COMMAND --help” for the options of a "
                             "command.\n"),
                           /* Translators: %s is what the user typed after “claim” */
                           _("Unknown claim command “%s”."));
}
