/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "fd-claim.h"
#include "fd-error.h"
#include "fd-followup.h"
#include "fd-store.h"

#include "fd-cli-private.h"

static gint64
now_unix (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

static gboolean
is_pending (FdFollowup *followup)
{
  FdFollowupState state = fd_followup_get_state (followup);

  return state == FD_FOLLOWUP_OPEN || state == FD_FOLLOWUP_SNOOZED;
}

/* Pending, and its announcement time has passed: the Overdue section's rule. */
static gboolean
is_overdue (FdFollowup *followup,
            gint64      now)
{
  return is_pending (followup) && fd_followup_get_notify_at (followup) < now;
}

/* What made a follow-up, in words; NULL for one made by hand. */
static const char *
source_label (const char *source)
{
  if (source == NULL || source[0] == '\0')
    return NULL;
  if (g_str_equal (source, "claim_ack"))
    return _("The claim’s acknowledgement deadline");
  if (g_str_equal (source, "claim_resolve"))
    return _("The claim’s resolution deadline");
  if (g_str_equal (source, "claim_satisfaction"))
    return _("The claim’s resolution: a satisfaction survey");
  if (g_str_equal (source, "renewal"))
    return _("The service’s next renewal");

  return source;
}

/* The claim's reference and ID, or its ID alone when it cannot be read. */
static char *
format_claim (FdStore *store,
              gint64   claim_id)
{
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;

  if (claim_id == 0)
    return NULL;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, claim_id);

  if ((claim = fd_store_get_claim (store, claim_id, &error)))
    /* Translators: a claim's reference, then its ID, as in “K-2026-0001-X (ID 12)” */
    return g_strdup_printf (_("%s (ID %s)"), fd_claim_get_reference (claim), id);

  g_debug ("Could not read claim %s: %s", id, error->message);

  /* Translators: a record shown by ID only, as in “ID 12” */
  return g_strdup_printf (_("ID %s"), id);
}

static char *
format_state_change (FdFollowup *followup)
{
  g_autofree char *at = _fd_cli_format_time_or_null (fd_followup_get_state_at (followup));
  const char *by = fd_followup_get_state_by (followup);

  if (at == NULL)
    return NULL;

  if (by == NULL || by[0] == '\0')
    return g_steal_pointer (&at);

  /* Translators: when a follow-up's state changed, then who changed it, as in
   * “2026-05-04 09:30 by Ana Jansen” */
  return g_strdup_printf (_("%s by %s"), at, by);
}

/* The follow-up as the clerk reads it, one “Label:  value” row per field that is set. */
static void
append_followup (GString    *out,
                 FdStore    *store,
                 FdFollowup *followup)
{
  g_autofree char *id = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *claim = NULL;
  g_autofree char *visit = NULL;
  g_autofree char *due = NULL;
  g_autofree char *notify = NULL;
  g_autofree char *assignee = NULL;
  g_autofree char *state_change = NULL;
  g_autofree char *created = NULL;
  const char *labels[15];
  const char *overdue = NULL;
  guint width;

  labels[0] = _("ID:");
  labels[1] = _("Kind:");
  labels[2] = _("State:");
  labels[3] = _("Overdue:");
  labels[4] = _("Customer:");
  labels[5] = _("Claim:");
  labels[6] = _("Visit:");
  labels[7] = _("Due:");
  labels[8] = _("Announced at:");
  labels[9] = _("Repeats:");
  labels[10] = _("Assigned to:");
  labels[11] = _("Note:");
  labels[12] = _("Made by:");
  labels[13] = _("State changed:");
  labels[14] = _("Created:");

  width = _fd_cli_max_width (labels, G_N_ELEMENTS (labels));

  id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_followup_get_id (followup));
  customer = _fd_cli_format_customer (store, fd_followup_get_customer_id (followup));
  claim = format_claim (store, fd_followup_get_claim_id (followup));
  if (fd_followup_get_visit_id (followup) != 0)
    visit = g_strdup_printf ("%" G_GINT64_FORMAT, fd_followup_get_visit_id (followup));
  due = _fd_cli_format_time_or_null (fd_followup_get_due_at (followup));
  /* The announcement time only when a snooze moved it off the due time. */
  if (fd_followup_get_notify_at (followup) != fd_followup_get_due_at (followup))
    notify = _fd_cli_format_time_or_null (fd_followup_get_notify_at (followup));
  if (fd_followup_get_assignee_id (followup) != 0)
    assignee = _fd_cli_format_staff (store, fd_followup_get_assignee_id (followup));
  else
    /* Translators: shown after “Assigned to:” for a follow-up anyone at the branch may do */
    assignee = g_strdup (C_("assignee", "Anyone"));
  state_change = format_state_change (followup);
  created = _fd_cli_format_time_or_null (fd_followup_get_created_at (followup));
  if (is_overdue (followup, now_unix ()))
    /* Translators: shown after “Overdue:” for a follow-up past its time */
    overdue = C_("overdue", "yes");

  _fd_cli_add_row (out, labels[0], width, id);
  _fd_cli_add_row (out, labels[1], width,
                   fd_followup_kind_to_label (fd_followup_get_kind (followup)));
  _fd_cli_add_row (out, labels[2], width,
                   fd_followup_state_to_label (fd_followup_get_state (followup)));
  _fd_cli_add_row (out, labels[3], width, overdue);
  _fd_cli_add_row (out, labels[4], width, customer);
  _fd_cli_add_row (out, labels[5], width, claim);
  _fd_cli_add_row (out, labels[6], width, visit);
  _fd_cli_add_row (out, labels[7], width, due);
  _fd_cli_add_row (out, labels[8], width, notify);
  _fd_cli_add_row (out, labels[9], width, fd_followup_get_rrule (followup));
  _fd_cli_add_row (out, labels[10], width, assignee);
  _fd_cli_add_row (out, labels[11], width, fd_followup_get_note (followup));
  _fd_cli_add_row (out, labels[12], width, source_label (fd_followup_get_source (followup)));
  _fd_cli_add_row (out, labels[13], width, state_change);
  _fd_cli_add_row (out, labels[14], width, created);
}

static void
print_followup (FdStore    *store,
                FdFollowup *followup,
                gboolean    json)
{
  g_autoptr(GString) out = NULL;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      _fd_cli_add_followup_json (builder, followup);
      _fd_cli_print_json_builder (builder);
      return;
    }

  out = g_string_new (NULL);
  append_followup (out, store, followup);
  _fd_cli_print ("%s", out->str);
}

static gboolean
parse_kind (const char      *text,
            FdFollowupKind  *kind,
            GError         **error)
{
  g_autofree char *shown = NULL;

  if (fd_followup_kind_from_code (text, kind))
    return TRUE;

  shown = g_utf8_make_valid (text, -1);
  fd_set_invalid (error, "kind",
                  /* Translators: “%s” is what the user typed; the codes must stay as
                   * they are */
                  _("Unknown kind “%s”: use call_back, renewal_due, claim_due, "
                    "satisfaction_survey or other."),
                  shown);

  return FALSE;
}

static gboolean
parse_state (const char       *text,
             FdFollowupState  *state,
             GError          **error)
{
  g_autofree char *shown = NULL;

  if (fd_followup_state_from_code (text, state))
    return TRUE;

  shown = g_utf8_make_valid (text, -1);
  fd_set_invalid (error, "state",
                  /* Translators: “%s” is what the user typed; the codes must stay as
                   * they are */
                  _("Unknown state “%s”: use open, snoozed, done or cancelled."),
                  shown);

  return FALSE;
}

static gboolean
parse_section (const char         *text,
               FdFollowupSection  *section,
               GError            **error)
{
  g_autofree char *shown = NULL;

  if (g_str_equal (text, "overdue"))
    *section = FD_FOLLOWUPS_OVERDUE;
  else if (g_str_equal (text, "today"))
    *section = FD_FOLLOWUPS_TODAY;
  else if (g_str_equal (text, "upcoming"))
    *section = FD_FOLLOWUPS_UPCOMING;
  else
    {
      shown = g_utf8_make_valid (text, -1);
      fd_set_invalid (error, "section",
                      /* Translators: “%s” is what the user typed; the words overdue, today
                       * and upcoming must stay as they are */
                      _("Unknown section “%s”: use overdue, today or upcoming."),
                      shown);
      return FALSE;
    }

  return TRUE;
}

/* A staff member's ID given with @option, checked against the staff, or “none”
 * (@none_value). */
static gboolean
parse_staff (FdStore     *store,
             const char  *text,
             const char  *option,
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
                      /* Translators: “%s” is what the user typed, the second %s an option
                       * such as --assignee; keep “none” as it is */
                      _("Invalid value “%s” for %s: expected a staff member’s ID or none."),
                      shown, option);
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

static int
followup_add (FdCli  *cli,
              char  **args)
{
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdClaim) claim = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customer_text = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *due_text = NULL;
  g_autofree char *claim_text = NULL;
  g_autofree char *visit_text = NULL;
  g_autofree char *rrule_arg = NULL;
  g_autofree char *rrule = NULL;
  g_autofree char *assignee_text = NULL;
  g_autofree char *note_arg = NULL;
  g_autofree char *note = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  FdFollowupKind kind = FD_FOLLOWUP_CALL_BACK;
  FdFollowupDraft draft = { 0 };
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_text,
      N_("The customer it was promised to (default: the claim’s customer)"), N_("ID") },
    /* Translators: the codes must stay as they are */
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("call_back, renewal_due, claim_due, satisfaction_survey or other"), N_("KIND") },
    { "due", 0, 0, G_OPTION_ARG_STRING, &due_text,
      N_("When it is due, not in the past (ISO 8601, local time unless an offset is given)"),
      N_("TIME") },
    { "claim", 0, 0, G_OPTION_ARG_STRING, &claim_text,
      N_("The claim it is about, by reference (in any spelling) or ID"), N_("REF|ID") },
    { "visit", 0, 0, G_OPTION_ARG_STRING, &visit_text,
      N_("The visit it comes from"), N_("ID") },
    { "rrule", 0, 0, G_OPTION_ARG_FILENAME, &rrule_arg,
      N_("Repeat it by this iCalendar recurrence rule, such as FREQ=MONTHLY;INTERVAL=12"),
      N_("RULE") },
    { "assignee", 0, 0, G_OPTION_ARG_STRING, &assignee_text,
      N_("The staff member who should do it (default: anyone at the branch)"), N_("ID") },
    { "note", 0, 0, G_OPTION_ARG_FILENAME, &note_arg,
      N_("What was promised"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the follow-up as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "followup add", NULL,
                              N_("Records something promised to a customer — a call back, a "
                                 "renewal, a survey — due at a time, and prints it. A "
                                 "recurring one comes back when it is done."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (customer_text == NULL && claim_text == NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Missing --customer: whose follow-up is it?"));
      goto failed;
    }
  if (customer_text != NULL &&
      !_fd_cli_parse_id_of (customer_text, FD_CLI_ID_CUSTOMER, &draft.customer_id, &error))
    goto failed;

  if (!_fd_cli_require (kind_text,
                        /* Translators: the codes must stay as they are */
                        _("Missing --kind: call_back, renewal_due, claim_due, "
                          "satisfaction_survey or other."),
                        &error))
    goto failed;
  if (!parse_kind (kind_text, &kind, &error))
    goto failed;

  if (!_fd_cli_require (due_text, _("Missing --due: when is the follow-up due?"), &error))
    goto failed;
  if (!_fd_cli_parse_time (due_text, "--due", &draft.due_at, &error))
    goto failed;

  if (visit_text != NULL &&
      !_fd_cli_parse_id_of (visit_text, FD_CLI_ID_VISIT, &draft.visit_id, &error))
    goto failed;

  if (!_fd_cli_optional_text (rrule_arg, "--rrule", "rrule", &rrule, &error) ||
      !_fd_cli_optional_text (note_arg, "--note", "note", &note, &error))
    goto failed;

  draft.kind = kind;
  /* An empty rule, like no rule, is a follow-up that does not repeat. */
  draft.rrule = rrule != NULL && rrule[0] != '\0' ? rrule : NULL;
  draft.note = note != NULL && note[0] != '\0' ? note : NULL;

  if (!(store = _fd_cli_open_store (cli, &error)))
    goto failed;

  if (claim_text != NULL)
    {
      if (!(claim = _fd_cli_lookup_claim (store, claim_text, &error)))
        goto failed;
      draft.claim_id = fd_claim_get_id (claim);
      /* Core also takes the claim's customer for 0; saying it here keeps the draft whole. */
      if (draft.customer_id == 0)
        draft.customer_id = fd_claim_get_customer_id (claim);
    }

  if ((assignee_text != NULL &&
       !parse_staff (store, assignee_text, "--assignee", 0, &draft.assignee_id, &error)) ||
      !(followup = fd_store_add_followup (store, &draft, &error)))
    goto failed;

  print_followup (store, followup, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static void
print_followup_table (FdStore   *store,
                      GPtrArray *followups)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  gint64 now = now_unix ();
  const char *headers[] = {
    C_("column", "ID"),
    C_("column", "Due"),
    C_("column", "Kind"),
    C_("column", "State"),
    C_("column", "Customer"),
    C_("column", "Assigned to"),
    C_("column", "Note"),
    NULL
  };
  guint n_columns = G_N_ELEMENTS (headers) - 1;

  g_ptr_array_add (rows, g_strdupv ((char **) headers));

  for (guint i = 0; i < followups->len; i++)
    {
      FdFollowup *followup = g_ptr_array_index (followups, i);
      const char *state = fd_followup_state_to_label (fd_followup_get_state (followup));
      const char *note = fd_followup_get_note (followup);
      char **row = g_new0 (char *, n_columns + 1);

      row[0] = g_strdup_printf ("%" G_GINT64_FORMAT, fd_followup_get_id (followup));
      row[1] = _fd_cli_format_local_time (fd_followup_get_due_at (followup));
      row[2] = g_strdup (fd_followup_kind_to_label (fd_followup_get_kind (followup)));
      /* Overdue ones stand out in words, not only in the due time. */
      if (is_overdue (followup, now))
        /* Translators: %s is a follow-up's state, as in “Open, overdue” */
        row[3] = g_strdup_printf (C_("follow-up state", "%s, overdue"), state);
      else
        row[3] = g_strdup (state);
      row[4] = _fd_cli_format_customer (store, fd_followup_get_customer_id (followup));
      if (row[4] == NULL)
        row[4] = g_strdup ("");
      if (fd_followup_get_assignee_id (followup) != 0)
        row[5] = _fd_cli_format_staff (store, fd_followup_get_assignee_id (followup));
      else
        row[5] = g_strdup (C_("assignee", "Anyone"));
      /* One line per follow-up: the note's first line only. */
      row[6] = g_strdup (note != NULL ? note : "");
      g_strdelimit (row[6], "\r\n", '\0');
      g_ptr_array_add (rows, row);
    }

  _fd_cli_append_table (out, rows, n_columns);

  _fd_cli_print ("%s", out->str);
}

static GPtrArray *
fetch_followups_page (FdStore        *store,
                      gconstpointer   filter,
                      gpointer        last,
                      guint           wanted,
                      GError        **error)
{
  return fd_store_list_followups (store, filter, last, wanted, error);
}

static int
followup_list (FdCli  *cli,
               char  **args)
{
  g_autoptr(GPtrArray) followups = NULL;
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due_before_text = NULL;
  g_autofree char *state_text = NULL;
  g_autofree char *section_text = NULL;
  g_autofree char *assignee_text = NULL;
  g_autofree char *customer_text = NULL;
  g_autofree char *limit_text = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  guint64 limit = FD_CLI_DEFAULT_LIMIT;
  FdFollowupState state = FD_FOLLOWUP_OPEN;
  FdFollowupFilter filter = FD_FOLLOWUP_FILTER_INIT;
  const GOptionEntry entries[] = {
    { "due-before", 0, 0, G_OPTION_ARG_STRING, &due_before_text,
      N_("Only follow-ups due before this time (ISO 8601, local time unless an offset is "
         "given)"), N_("TIME") },
    { "state", 0, 0, G_OPTION_ARG_STRING, &state_text,
      N_("Only follow-ups in this state, newest due first: open, snoozed, done or "
         "cancelled"), N_("STATE") },
    { "section", 0, 0, G_OPTION_ARG_STRING, &section_text,
      N_("Only the pending follow-ups of this section of the Follow-ups view: overdue, "
         "today or upcoming"), N_("SECTION") },
    { "assignee", 0, 0, G_OPTION_ARG_STRING, &assignee_text,
      N_("Only follow-ups for the staff member with this ID, or “none” for those for "
         "anyone"), N_("ID|none") },
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_text,
      N_("Only the follow-ups of this customer"), N_("ID") },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Show at most N follow-ups (default: 50)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of follow-ups"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "followup list", NULL,
                              N_("Lists the pending (open and snoozed) follow-ups in the order "
                                 "they are announced, or with --state those in that state, "
                                 "newest due first."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if ((state_text != NULL && !parse_state (state_text, &state, &error)) ||
      (section_text != NULL && !parse_section (section_text, &filter.section, &error)) ||
      (due_before_text != NULL &&
       !_fd_cli_parse_time (due_before_text, "--due-before", &filter.due_before, &error)) ||
      (customer_text != NULL &&
       !_fd_cli_parse_id_of (customer_text, FD_CLI_ID_CUSTOMER, &filter.customer_id, &error)) ||
      (limit_text != NULL &&
       !_fd_cli_parse_unsigned (limit_text, "--limit", 1, FD_CLI_MAX_LIMIT, &limit, &error)))
    goto failed;

  /* The sections are parts of the pending ones, by time: a state or a time limit of
   * their own would contradict them. */
  if (section_text != NULL && state_text != NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--section and --state cannot be used together: a section "
                             "lists pending follow-ups."));
      goto failed;
    }
  if (section_text != NULL && due_before_text != NULL)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("--section and --due-before cannot be used together."));
      goto failed;
    }

  if (state_text != NULL)
    {
      filter.section = FD_FOLLOWUPS_ALL;
      filter.state = (int) state;
    }

  /* The customer first, so an unknown ID is an error rather than an empty list. */
  if (!(store = _fd_cli_open_store (cli, &error)) ||
      (filter.customer_id != 0 &&
       !(customer = fd_store_get_customer (store, filter.customer_id, &error))) ||
      (assignee_text != NULL &&
       !parse_staff (store, assignee_text, "--assignee", -1, &filter.assignee_id, &error)) ||
      !(followups = _fd_cli_collect_pages (store, fetch_followups_page, &filter,
                                                    (guint) limit, &error)))
    goto failed;

  if (json)
    {
      _fd_cli_print_json_array (followups, (FdCliAddJsonFunc) _fd_cli_add_followup_json);
    }
  else if (followups->len == 0)
    {
      _fd_cli_print ("%s\n", _("No follow-ups."));
    }
  else
    {
      print_followup_table (store, followups);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
followup_show (FdCli  *cli,
               char  **args)
{
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the follow-up as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "followup show", N_("ID"),
                              N_("Prints a follow-up."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_FOLLOWUP, &id, &error) ||
      !(store = _fd_cli_open_store (cli, &error)) ||
      !(followup = fd_store_get_followup (store, id, &error)))
    goto failed;

  print_followup (store, followup, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
followup_done (FdCli  *cli,
               char  **args)
{
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdFollowup) next = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print the follow-up as JSON, with its next occurrence as “next” (null when it "
         "does not repeat)"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "followup done", N_("ID"),
                              N_("Marks a follow-up done and prints it; a recurring one gets "
                                 "its next occurrence, which is printed too."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_FOLLOWUP, &id, &error) ||
      !(store = _fd_cli_open_store (cli, &error)) ||
      !(followup = fd_store_complete_followup (store, id, &next, &error)))
    goto failed;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      _fd_cli_add_done_followup_json (builder, followup, next);
      _fd_cli_print_json_builder (builder);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      append_followup (out, store, followup);
      if (next != NULL)
        {
          g_string_append_printf (out, "\n%s\n", _("Next occurrence:"));
          append_followup (out, store, next);
        }
      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
followup_snooze (FdCli  *cli,
                 char  **args)
{
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *until_text = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 id = 0;
  gint64 until = 0;
  const GOptionEntry entries[] = {
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text,
      N_("When to announce it again, in the future (ISO 8601, local time unless an offset "
         "is given)"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the follow-up as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "followup snooze", N_("ID"),
                              N_("Puts a follow-up off: it is announced again at the time "
                                 "given. Its due time stays as it is."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_FOLLOWUP, &id, &error))
    goto failed;

  if (!_fd_cli_require (until_text,
                        _("Missing --until: when should the follow-up be announced "
                          "again?"),
                        &error))
    goto failed;

  if (!_fd_cli_parse_time (until_text, "--until", &until, &error) ||
      !(store = _fd_cli_open_store (cli, &error)) ||
      !(followup = fd_store_snooze_followup (store, id, until, &error)))
    goto failed;

  print_followup (store, followup, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
followup_cancel (FdCli  *cli,
                 char  **args)
{
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the follow-up as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "followup cancel", N_("ID"),
                              N_("Cancels a follow-up that is no longer needed; a recurring "
                                 "one does not come back."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_FOLLOWUP, &id, &error) ||
      !(store = _fd_cli_open_store (cli, &error)) ||
      !(followup = fd_store_cancel_followup (store, id, &error)))
    goto failed;

  print_followup (store, followup, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
followup_assign (FdCli  *cli,
                 char  **args)
{
  g_autoptr(FdFollowup) followup = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *to_text = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 id = 0;
  gint64 assignee_id = 0;
  const GOptionEntry entries[] = {
    { "to", 0, 0, G_OPTION_ARG_STRING, &to_text,
      N_("The staff member who should do it, or “none” for anyone at the branch"),
      N_("ID|none") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the follow-up as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "followup assign", N_("ID"),
                              N_("Gives a follow-up to another staff member, or to anyone."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_FOLLOWUP, &id, &error))
    goto failed;

  if (!_fd_cli_require (to_text,
                        /* Translators: keep “none” as it is */
                        _("Missing --to: a staff member’s ID, or none for anyone."),
                        &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !parse_staff (store, to_text, "--to", 0, &assignee_id, &error) ||
      !(followup = fd_store_reassign_followup (store, id, assignee_id, &error)))
    goto failed;

  print_followup (store, followup, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
followup_export (FdCli  *cli,
                 char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *ics_path = NULL;
  gboolean help_shown = FALSE;
  const GOptionEntry entries[] = {
    { "ics", 0, 0, G_OPTION_ARG_FILENAME, &ics_path,
      N_("Write to this iCalendar file (replaced if it exists)"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "followup export", NULL,
                              N_("Writes the pending follow-ups as iCalendar to-dos (VTODO), "
                                 "which GNOME Calendar and Evolution can import, and prints "
                                 "the file’s path."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (ics_path == NULL || ics_path[0] == '\0')
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Missing --ics: which file should the follow-ups be written "
                             "to?"));
      goto failed;
    }

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !fd_store_export_followups_ics (store, ics_path, &error))
    goto failed;

  /* The path as bytes, unconverted, so scripts can use it as is. */
  fputs (ics_path, stdout);
  fputc ('\n', stdout);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

int
_fd_cli_followup (FdCli  *cli,
                  char  **args)
{
  static const FdCliAction actions[] = {
    { "add", followup_add },
    { "assign", followup_assign },
    { "cancel", followup_cancel },
    { "done", followup_done },
    { "export", followup_export },
    { "list", followup_list },
    { "show", followup_show },
    { "snooze", followup_snooze },
  };

  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli followup add [--customer ID] --kind KIND "
                             "--due TIME [--claim REF|ID] [--visit ID] [--rrule RULE] "
                             "[--assignee ID] [--note TEXT] [--json]\n"
                             "  frontdesk-cli followup list [--due-before TIME] "
                             "[--state STATE] [--section overdue|today|upcoming] "
                             "[--assignee ID|none] [--customer ID] [--limit N] [--json]\n"
                             "  frontdesk-cli followup show ID [--json]\n"
                             "  frontdesk-cli followup done ID [--json]\n"
                             "  frontdesk-cli followup snooze ID --until TIME [--json]\n"
                             "  frontdesk-cli followup cancel ID [--json]\n"
                             "  frontdesk-cli followup assign ID --to ID|none [--json]\n"
                             "  frontdesk-cli followup export --ics FILE\n"
                             "\n"
                             "Kinds: call_back, renewal_due, claim_due, satisfaction_survey, "
                             "other. States: open, snoozed, done, cancelled.\n"
                             "\n"
                             "Run “frontdesk-cli followup COMMAND --help” for the options of "
                             "a command.\n"),
                           /* Translators: %s is what the user typed after “followup” */
                           _("Unknown follow-up command “%s”."));
}
