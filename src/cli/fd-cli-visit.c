/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-customer.h"
#include "fd-error.h"
#include "fd-store.h"
#include "fd-visit.h"

#include "fd-cli-private.h"

/* Purpose codes and their labels, for human-readable output only. */
typedef struct
{
  GStrv codes;
  GStrv labels;
} Purposes;

static void
purposes_clear (Purposes *purposes)
{
  g_clear_pointer (&purposes->codes, g_strfreev);
  g_clear_pointer (&purposes->labels, g_strfreev);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Purposes, purposes_clear)

static void
purposes_load (Purposes *purposes,
               FdStore  *store)
{
  g_autoptr(GError) error = NULL;

  /* A label is a nicety: if they cannot be read, the codes are shown instead. */
  if (!fd_store_list_purposes (store, &purposes->codes, &purposes->labels, &error))
    {
      g_debug ("Could not read the visit purposes: %s", error->message);
      purposes_clear (purposes);
    }
}

static const char *
purposes_lookup (Purposes   *purposes,
                 const char *code)
{
  if (code == NULL)
    return NULL;

  for (guint i = 0;
       purposes->codes != NULL && purposes->labels != NULL &&
       purposes->codes[i] != NULL && purposes->labels[i] != NULL;
       i++)
    {
      if (g_str_equal (purposes->codes[i], code))
        return purposes->labels[i];
    }

  return code;
}


static char *
format_rating (int rating)
{
  if (rating == 0)
    return NULL;

  /* Translators: a customer's rating on a scale of 1 to 5, such as “4 of 5” */
  return g_strdup_printf (_("%d of 5"), rating);
}

static char *
format_wait (int low,
             int high)
{
  if (high <= low)
    /* Translators: an estimated wait in minutes */
    return g_strdup_printf (ngettext ("%d min", "%d min", low), low);

  /* Translators: an estimated wait in minutes, from the first to the second number */
  return g_strdup_printf (ngettext ("%d–%d min", "%d–%d min", high), low, high);
}

/* A visit in a list: without an estimated wait. */
static void
add_visit_json (JsonBuilder *builder,
                gpointer     visit)
{
  _fd_cli_add_visit_json (builder, visit, -1, -1);
}

static void
print_visit_json (FdVisit *visit)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  _fd_cli_add_visit_json (builder, visit, -1, -1);
  _fd_cli_print_json_builder (builder);
}

/* The record as the clerk reads it. With @with_answers, the questionnaire's questions and
 * the answers given. */
static void
print_visit (FdStore  *store,
             FdVisit  *visit,
             gboolean  json,
             gboolean  with_answers)
{
  g_auto(Purposes) purposes = { NULL };
  g_autoptr(GString) out = NULL;
  g_autofree char *id = NULL;
  g_autofree char *arrived = NULL;
  g_autofree char *called = NULL;
  g_autofree char *finished = NULL;
  g_autofree char *solved = NULL;
  g_autofree char *staff = NULL;
  g_autofree char *customer = NULL;
  g_autofree char *customer_id = NULL;
  FdPriority priority;
  FdTechnique technique;
  FdOutcome outcome;
  const char *labels[15];
  guint width;

  if (json)
    {
      print_visit_json (visit);
      return;
    }

  purposes_load (&purposes, store);

  labels[0] = _("ID:");
  labels[1] = _("Ticket:");
  labels[2] = _("Customer:");
  labels[3] = _("Purpose:");
  labels[4] = _("Priority:");
  labels[5] = _("State:");
  labels[6] = _("Arrived:");
  labels[7] = _("Called:");
  labels[8] = _("Desk:");
  labels[9] = _("Finished:");
  labels[10] = _("Technique:");
  labels[11] = _("Outcome:");
  labels[12] = _("Problem solved:");
  labels[13] = _("Staff rating:");
  labels[14] = _("Notes:");

  width = _fd_cli_max_width (labels, G_N_ELEMENTS (labels));

  id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_visit_get_id (visit));
  arrived = _fd_cli_format_time_or_null (fd_visit_get_arrived_at (visit));
  called = _fd_cli_format_time_or_null (fd_visit_get_called_at (visit));
  finished = _fd_cli_format_time_or_null (fd_visit_get_finished_at (visit));
  solved = format_rating (fd_visit_get_rating_solved (visit));
  staff = format_rating (fd_visit_get_rating_staff (visit));
  priority = fd_visit_get_priority (visit);
  technique = fd_visit_get_technique (visit);
  outcome = fd_visit_get_outcome (visit);

  customer_id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_visit_get_customer_id (visit));
  if (fd_visit_get_customer_id (visit) == 0)
    customer = g_strdup (_("Anonymous walk-in"));
  else if (fd_visit_get_customer_name (visit) != NULL)
    /* Translators: the customer's name, then the ID, as in “Ana Jansen (ID 12)” */
    customer = g_strdup_printf (_("%s (ID %s)"), fd_visit_get_customer_name (visit),
                                customer_id);
  else
    /* Translators: a customer shown by ID only, as in “ID 12” */
    customer = g_strdup_printf (_("ID %s"), customer_id);

  out = g_string_new (NULL);
  _fd_cli_add_row (out, labels[0], width, id);
  _fd_cli_add_row (out, labels[1], width, fd_visit_get_ticket (visit));
  _fd_cli_add_row (out, labels[2], width, customer);
  _fd_cli_add_row (out, labels[3], width, purposes_lookup (&purposes, fd_visit_get_purpose (visit)));
  _fd_cli_add_row (out, labels[4], width,
                   priority != FD_PRIORITY_NONE ? fd_priority_to_label (priority) : NULL);
  _fd_cli_add_row (out, labels[5], width, fd_visit_state_to_label (fd_visit_get_state (visit)));
  _fd_cli_add_row (out, labels[6], width, arrived);
  _fd_cli_add_row (out, labels[7], width, called);
  _fd_cli_add_row (out, labels[8], width, fd_visit_get_desk_name (visit));
  _fd_cli_add_row (out, labels[9], width, finished);
  _fd_cli_add_row (out, labels[10], width,
                   technique != FD_TECHNIQUE_NONE ? fd_technique_to_label (technique) : NULL);
  _fd_cli_add_row (out, labels[11], width,
                   outcome != FD_OUTCOME_NONE ? fd_outcome_to_label (outcome) : NULL);
  _fd_cli_add_row (out, labels[12], width, solved);
  _fd_cli_add_row (out, labels[13], width, staff);
  _fd_cli_add_row (out, labels[14], width, fd_visit_get_notes (visit));

  if (with_answers)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) answers = fd_store_get_visit_answers (store, fd_visit_get_id (visit),
                                                          &error);
      g_auto(GStrv) questions = NULL;

      if (answers == NULL)
        g_debug ("Could not read the answers: %s", error->message);
      else if (answers[0] != NULL)
        questions = fd_store_get_questions (store, fd_visit_get_branch_id (visit), NULL);

      if (answers != NULL && answers[0] != NULL)
        {
          guint n_questions = questions != NULL ? g_strv_length (questions) : 0;

          g_string_append_printf (out, "\n%s\n", _("Questionnaire:"));
          for (guint i = 0; answers[i] != NULL; i++)
            {
              /* Answers are stored in question order; a question since removed from the
               * questionnaire is shown by its number only. */
              if (i < n_questions)
                g_string_append_printf (out, "  %u. %s\n", i + 1, questions[i]);
              else
                g_string_append_printf (out, "  %u.\n", i + 1);
              g_string_append_printf (out, "     %s\n",
                                      answers[i][0] != '\0' ? answers[i] : "—");
            }
        }
    }

  _fd_cli_print ("%s", out->str);
}

static gboolean
parse_at (const char  *text,
          gint64      *at,
          GError     **error)
{
  *at = 0;

  return text == NULL || _fd_cli_parse_time (text, "--at", at, error);
}

static int
visit_checkin (FdCli  *cli,
               char  **args)
{
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customer_text = NULL;
  g_autofree char *purpose_arg = NULL;
  g_autofree char *purpose = NULL;
  g_autofree char *priority_text = NULL;
  g_autofree char *at_text = NULL;
  gboolean anonymous = FALSE;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  FdPriority priority = FD_PRIORITY_NONE;
  gint64 customer_id = 0;
  gint64 branch_id;
  gint64 at = 0;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_text,
      N_("The customer who arrived"), N_("ID") },
    { "anonymous", 0, 0, G_OPTION_ARG_NONE, &anonymous,
      N_("A walk-in who does not give a name"), NULL },
    { "purpose", 0, 0, G_OPTION_ARG_FILENAME, &purpose_arg,
      N_("Why the customer came: a code from “frontdesk-cli visit purposes”"), N_("CODE") },
    /* Translators: the codes appointment and assistance must stay as they are */
    { "priority", 0, 0, G_OPTION_ARG_STRING, &priority_text,
      N_("Serve first: appointment, or assistance for customers who need help"),
      N_("PRIORITY") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("When the customer arrived, if not now (ISO 8601, local time unless an offset "
         "is given)"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the visit as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "visit checkin", NULL,
                              N_("Checks a customer in at the current branch (or the one given "
                                 "with --branch): the visit joins the queue with a ticket "
                                 "number."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if ((customer_text != NULL) == anonymous)
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Give either --customer ID or --anonymous."));
      goto failed;
    }
  if (customer_text != NULL &&
      !_fd_cli_parse_id_of (customer_text, FD_CLI_ID_CUSTOMER, &customer_id, &error))
    goto failed;

  if (!_fd_cli_require (purpose_arg,
                        _("Missing --purpose: “frontdesk-cli visit purposes” lists "
                          "the codes."),
                        &error))
    goto failed;
  if (!(purpose = _fd_cli_arg_to_utf8 (purpose_arg, "--purpose", "purpose", &error)))
    goto failed;

  if (priority_text != NULL && !fd_priority_from_code (priority_text, &priority))
    {
      g_autofree char *shown = g_utf8_make_valid (priority_text, -1);

      fd_set_invalid (&error, "priority",
                      /* Translators: “%s” is what the user typed; the codes appointment
                       * and assistance must stay as they are */
                      _("Unknown priority “%s”: use appointment or assistance."),
                      shown);
      goto failed;
    }

  if (!parse_at (at_text, &at, &error))
    goto failed;

  if (!(store = _fd_cli_open_branch_store (cli, &branch_id, &error)) ||
      !(visit = fd_store_check_in (store, branch_id, customer_id, purpose, priority, at,
                                   &error)))
    goto failed;

  print_visit (store, visit, json, FALSE);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static gboolean
parse_rating (const char  *text,
              const char  *option,
              int         *rating,
              GError     **error)
{
  gint64 value = 0;
  const char *digits;

  *rating = 0;

  if (text == NULL)
    return TRUE;

  digits = text[0] == '-' ? text + 1 : text;

  if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &value, NULL))
    {
      gboolean all_digits = digits[0] != '\0';

      for (const char *p = digits; *p != '\0'; p++)
        all_digits = all_digits && g_ascii_isdigit (*p);

      /* A number too large for an int is still a number out of range: core says so. */
      if (all_digits)
        value = text[0] == '-' ? G_MININT : G_MAXINT;
      else
        value = 0;
    }

  /* 0 is how the store records a skipped question, so it cannot be given as a rating;
   * every other number goes to the store, which owns the rule. */
  if (value == 0)
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: “%s” is what the user typed, the second %s an option
                    * such as --rating-staff */
                   _("Invalid value “%s” for %s: expected a rating from 1 to 5, or leave "
                     "the option out when the customer did not answer."),
                   shown, option);
      return FALSE;
    }

  *rating = (int) value;

  return TRUE;
}

static int
visit_finish (FdCli  *cli,
              char  **args)
{
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *technique_text = NULL;
  g_autofree char *outcome_text = NULL;
  g_autofree char *solved_text = NULL;
  g_autofree char *staff_text = NULL;
  g_autofree char *notes_arg = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *at_text = NULL;
  g_auto(GStrv) answer_args = NULL;
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func (g_free);
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  FdVisitReport report = { 0 };
  gint64 id = 0;
  gint64 at = 0;
  const GOptionEntry entries[] = {
    /* Translators: the codes explanation, empathy and questioning must stay as they are */
    { "technique", 0, 0, G_OPTION_ARG_STRING, &technique_text,
      N_("How the customer was served: explanation, empathy or questioning"),
      N_("TECHNIQUE") },
    /* Translators: the codes resolved, follow_up, referred and claim_opened must stay as
     * they are */
    { "outcome", 0, 0, G_OPTION_ARG_STRING, &outcome_text,
      N_("How the visit ended: resolved, follow_up, referred or claim_opened"),
      N_("OUTCOME") },
    { "rating-solved", 0, 0, G_OPTION_ARG_STRING, &solved_text,
      N_("The customer’s answer to “Was your problem solved?”, 1 to 5"), N_("N") },
    { "rating-staff", 0, 0, G_OPTION_ARG_STRING, &staff_text,
      N_("The customer’s rating of the staff member, 1 to 5"), N_("N") },
    { "notes", 0, 0, G_OPTION_ARG_FILENAME, &notes_arg,
      N_("Notes"), N_("TEXT") },
    { "answer", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &answer_args,
      N_("An answer to the branch’s questionnaire; repeat in question order"), N_("TEXT") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("When the visit ended, if not now (ISO 8601, local time unless an offset is "
         "given)"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the visit as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "visit finish", N_("ID"),
                              N_("Records how a visit under way at a desk ended, with the "
                                 "customer’s ratings."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_VISIT, &id, &error))
    goto failed;

  if (!_fd_cli_require (technique_text,
                        /* Translators: the codes must stay as they are */
                        _("Missing --technique: explanation, empathy or questioning."),
                        &error))
    goto failed;
  if (!fd_technique_from_code (technique_text, &report.technique) ||
      report.technique == FD_TECHNIQUE_NONE)
    {
      g_autofree char *shown = g_utf8_make_valid (technique_text, -1);

      fd_set_invalid (&error, "technique",
                      /* Translators: “%s” is what the user typed; the codes must stay as
                       * they are */
                      _("Unknown technique “%s”: use explanation, empathy or questioning."),
                      shown);
      goto failed;
    }

  if (!_fd_cli_require (outcome_text,
                        /* Translators: the codes must stay as they are */
                        _("Missing --outcome: resolved, follow_up, referred or "
                          "claim_opened."),
                        &error))
    goto failed;
  if (!fd_outcome_from_code (outcome_text, &report.outcome) ||
      report.outcome == FD_OUTCOME_NONE)
    {
      g_autofree char *shown = g_utf8_make_valid (outcome_text, -1);

      fd_set_invalid (&error, "outcome",
                      /* Translators: “%s” is what the user typed; the codes must stay as
                       * they are */
                      _("Unknown outcome “%s”: use resolved, follow_up, referred or "
                        "claim_opened."),
                      shown);
      goto failed;
    }

  if (!parse_rating (solved_text, "--rating-solved", &report.rating_solved, &error) ||
      !parse_rating (staff_text, "--rating-staff", &report.rating_staff, &error))
    goto failed;

  if (notes_arg != NULL &&
      !(notes = _fd_cli_arg_to_utf8 (notes_arg, "--notes", "notes", &error)))
    goto failed;
  report.notes = notes != NULL && notes[0] != '\0' ? notes : NULL;

  if (answer_args != NULL)
    {
      for (guint i = 0; answer_args[i] != NULL; i++)
        {
          char *answer = _fd_cli_arg_to_utf8 (answer_args[i], "--answer", "answers", &error);

          if (answer == NULL)
            goto failed;
          g_ptr_array_add (answers, answer);
        }
      g_ptr_array_add (answers, NULL);
      report.answers = (const char * const *) answers->pdata;
    }

  if (!parse_at (at_text, &at, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(visit = fd_store_finish_visit (store, id, &report, at, &error)))
    goto failed;

  print_visit (store, visit, json, TRUE);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
visit_show (FdCli  *cli,
            char  **args)
{
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the visit as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "visit show", N_("ID"),
                              N_("Prints a visit, with the questionnaire's answers."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_VISIT, &id, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(visit = fd_store_get_visit (store, id, &error)))
    goto failed;

  print_visit (store, visit, json, TRUE);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

typedef enum
{
  VISIT_NO_SHOW,
  VISIT_CANCEL,
  VISIT_RECALL,
} VisitChange;

static int
visit_change (FdCli        *cli,
              char        **args,
              VisitChange   change)
{
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *at_text = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 id = 0;
  gint64 at = 0;
  const char *command = NULL;
  const char *summary = NULL;
  const GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("When it happened, if not now (ISO 8601, local time unless an offset is given)"),
      N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the visit as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  switch (change)
    {
    case VISIT_NO_SHOW:
      command = "visit no-show";
      summary = N_("Records that a called customer did not come to the desk.");
      break;
    case VISIT_CANCEL:
      command = "visit cancel";
      summary = N_("Takes a waiting visit out of the queue: the customer left.");
      break;
    case VISIT_RECALL:
      command = "visit recall";
      summary = N_("Calls a visit's ticket again, to the same desk.");
      break;
    default:
      g_assert_not_reached ();
    }

  if (!_fd_cli_parse_options (cli, &args, command, N_("ID"), summary,
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_VISIT, &id, &error) ||
      !parse_at (at_text, &at, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)))
    goto failed;

  switch (change)
    {
    case VISIT_NO_SHOW:
      visit = fd_store_mark_no_show (store, id, at, &error);
      break;
    case VISIT_CANCEL:
      visit = fd_store_cancel_visit (store, id, at, &error);
      break;
    case VISIT_RECALL:
      visit = fd_store_recall (store, id, at, &error);
      break;
    default:
      g_assert_not_reached ();
    }

  if (visit == NULL)
    goto failed;

  print_visit (store, visit, json, FALSE);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
visit_no_show (FdCli  *cli,
               char  **args)
{
  return visit_change (cli, args, VISIT_NO_SHOW);
}

static int
visit_cancel (FdCli  *cli,
              char  **args)
{
  return visit_change (cli, args, VISIT_CANCEL);
}

static int
visit_recall (FdCli  *cli,
              char  **args)
{
  return visit_change (cli, args, VISIT_RECALL);
}

static int
visit_transfer (FdCli  *cli,
                char  **args)
{
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *desk_text = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 desk_id = 0;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "desk", 0, 0, G_OPTION_ARG_STRING, &desk_text,
      N_("The desk that takes the visit over"), N_("ID") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the visit as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "visit transfer", N_("ID"),
                              N_("Sends a visit under way to another desk of its branch."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_VISIT, &id, &error))
    goto failed;

  if (!_fd_cli_require (desk_text,
                        _("Missing --desk: which desk takes the visit over?"),
                        &error))
    goto failed;
  if (!_fd_cli_parse_id_of (desk_text, FD_CLI_ID_DESK, &desk_id, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(visit = fd_store_transfer (store, id, desk_id, &error)))
    goto failed;

  print_visit (store, visit, json, FALSE);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static void
print_visit_table (FdStore   *store,
                   GPtrArray *visits)
{
  g_auto(Purposes) purposes = { NULL };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  const char *headers[] = {
    C_("column", "Arrived"),
    C_("column", "Ticket"),
    C_("column", "Purpose"),
    C_("column", "State"),
    C_("column", "Outcome"),
    NULL
  };
  guint n_columns = G_N_ELEMENTS (headers) - 1;

  purposes_load (&purposes, store);
  g_ptr_array_add (rows, g_strdupv ((char **) headers));

  for (guint i = 0; i < visits->len; i++)
    {
      FdVisit *visit = g_ptr_array_index (visits, i);
      FdOutcome outcome = fd_visit_get_outcome (visit);
      char **row = g_new0 (char *, n_columns + 1);

      row[0] = _fd_cli_format_local_time (fd_visit_get_arrived_at (visit));
      row[1] = g_strdup (fd_visit_get_ticket (visit));
      row[2] = g_strdup (purposes_lookup (&purposes, fd_visit_get_purpose (visit)));
      row[3] = g_strdup (fd_visit_state_to_label (fd_visit_get_state (visit)));
      row[4] = g_strdup (outcome != FD_OUTCOME_NONE ? fd_outcome_to_label (outcome) : "");
      g_ptr_array_add (rows, row);
    }

  _fd_cli_append_table (out, rows, n_columns);

  _fd_cli_print ("%s", out->str);
}

static int
visit_list (FdCli  *cli,
            char  **args)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(FdCustomer) customer = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customer_text = NULL;
  g_autofree char *limit_text = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  guint64 limit = FD_CLI_DEFAULT_LIMIT;
  gint64 customer_id = 0;
  const GOptionEntry entries[] = {
    { "customer", 0, 0, G_OPTION_ARG_STRING, &customer_text,
      N_("The customer whose visits to list"), N_("ID") },
    { "limit", 'n', 0, G_OPTION_ARG_STRING, &limit_text,
      N_("Show at most N visits (default: 50)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of visits"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "visit list", NULL,
                              N_("Lists a customer’s visits at every branch, newest first."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!_fd_cli_require (customer_text,
                        _("Missing --customer: whose visits should be listed?"),
                        &error))
    goto failed;
  if (!_fd_cli_parse_id_of (customer_text, FD_CLI_ID_CUSTOMER, &customer_id, &error) ||
      (limit_text != NULL &&
       !_fd_cli_parse_unsigned (limit_text, "--limit", 1, FD_CLI_MAX_LIMIT, &limit, &error)))
    goto failed;

  /* Look the customer up first, so an unknown ID is an error rather than an empty list. */
  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(customer = fd_store_get_customer (store, customer_id, &error)) ||
      !(visits = fd_store_list_customer_visits (store, customer_id, 0, (guint) limit,
                                                &error)))
    goto failed;

  if (json)
    {
      _fd_cli_print_json_array (visits, add_visit_json);
    }
  else if (visits->len == 0)
    {
      _fd_cli_print ("%s\n", _("No visits yet."));
    }
  else
    {
      print_visit_table (store, visits);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
visit_purposes (FdCli  *cli,
                char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) labels = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of {code, label} objects"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "visit purposes", NULL,
                              N_("Lists the purposes a visit can have: the codes for "
                                 "--purpose and their names."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !fd_store_list_purposes (store, &codes, &labels, &error))
    goto failed;

  if (json)
    {
      _fd_cli_print_code_labels_json ((const char * const *) codes,
                                      (const char * const *) labels);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      guint width = 0;

      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        width = MAX (width, _fd_cli_width (codes[i]));

      for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
        {
          g_autofree char *cell = _fd_cli_pad (codes[i], width);

          g_string_append_printf (out, "%s  %s\n", cell,
                                  labels != NULL && labels[i] != NULL ? labels[i] : "");
        }

      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
queue_list (FdCli  *cli,
            char  **args)
{
  g_auto(Purposes) purposes = { NULL };
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree int *lows = NULL;
  g_autofree int *highs = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 branch_id;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of visits"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "queue list", NULL,
                              N_("Lists the customers waiting at the current branch (or the "
                                 "one given with --branch) in the order they will be called, "
                                 "with an estimate of each one’s wait."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!(store = _fd_cli_open_branch_store (cli, &branch_id, &error)) ||
      !(visits = fd_store_list_queue (store, branch_id, &error)))
    goto failed;

  lows = g_new0 (int, visits->len + 1);
  highs = g_new0 (int, visits->len + 1);
  for (guint i = 0; i < visits->len; i++)
    {
      if (!fd_store_estimate_wait (store, g_ptr_array_index (visits, i),
                                   &lows[i], &highs[i], &error))
        goto failed;
      lows[i] = MAX (lows[i], 0);
      highs[i] = MAX (highs[i], lows[i]);
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < visits->len; i++)
        _fd_cli_add_visit_json (builder, g_ptr_array_index (visits, i), lows[i], highs[i]);
      json_builder_end_array (builder);

      _fd_cli_print_json_builder (builder);
    }
  else if (visits->len == 0)
    {
      _fd_cli_print ("%s\n", _("No one is waiting."));
    }
  else
    {
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autoptr(GString) out = g_string_new (NULL);
      const char *headers[] = {
        C_("column", "Ticket"),
        C_("column", "Priority"),
        C_("column", "Purpose"),
        C_("column", "Arrived"),
        C_("column", "Wait"),
        C_("column", "Customer"),
        NULL
      };
      guint n_columns = G_N_ELEMENTS (headers) - 1;

      purposes_load (&purposes, store);
      g_ptr_array_add (rows, g_strdupv ((char **) headers));

      for (guint i = 0; i < visits->len; i++)
        {
          FdVisit *visit = g_ptr_array_index (visits, i);
          FdPriority priority = fd_visit_get_priority (visit);
          const char *name = fd_visit_get_customer_name (visit);
          char **row = g_new0 (char *, n_columns + 1);

          row[0] = g_strdup (fd_visit_get_ticket (visit));
          row[1] = g_strdup (priority != FD_PRIORITY_NONE ? fd_priority_to_label (priority)
                                                         : "");
          row[2] = g_strdup (purposes_lookup (&purposes, fd_visit_get_purpose (visit)));
          row[3] = _fd_cli_format_local_time (fd_visit_get_arrived_at (visit));
          row[4] = format_wait (lows[i], highs[i]);
          if (fd_visit_get_customer_id (visit) == 0)
            row[5] = g_strdup (_("Anonymous walk-in"));
          else
            row[5] = g_strdup (name != NULL ? name : "");
          g_ptr_array_add (rows, row);
        }

      _fd_cli_append_table (out, rows, n_columns);

      g_string_append_printf (out,
                              /* Translators: %u is the number of customers in the queue */
                              ngettext ("%u customer waiting.", "%u customers waiting.",
                                        visits->len),
                              visits->len);
      g_string_append_c (out, '\n');

      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
queue_serving (FdCli  *cli,
               char  **args)
{
  g_autoptr(GPtrArray) visits = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 branch_id;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of visits"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "queue serving", NULL,
                              N_("Lists the visits under way at the desks of the current "
                                 "branch (or the one given with --branch), latest call "
                                 "first."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!(store = _fd_cli_open_branch_store (cli, &branch_id, &error)) ||
      !(visits = fd_store_list_serving (store, branch_id, &error)))
    goto failed;

  if (json)
    {
      _fd_cli_print_json_array (visits, add_visit_json);
    }
  else if (visits->len == 0)
    {
      _fd_cli_print ("%s\n", _("No one is being served."));
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < visits->len; i++)
        {
          FdVisit *visit = g_ptr_array_index (visits, i);
          const char *desk = fd_visit_get_desk_name (visit);

          g_string_append_printf (out,
                                  /* Translators: a ticket number, then the desk's name */
                                  _("%s → %s"),
                                  fd_visit_get_ticket (visit), desk != NULL ? desk : "?");
          g_string_append_c (out, '\n');
        }

      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
queue_call (FdCli  *cli,
            char  **args)
{
  g_autoptr(FdVisit) visit = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *desk_text = NULL;
  g_autofree char *ticket_arg = NULL;
  g_autofree char *ticket = NULL;
  g_autofree char *at_text = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 branch_id;
  gint64 desk_id = 0;
  gint64 at = 0;
  const GOptionEntry entries[] = {
    { "desk", 0, 0, G_OPTION_ARG_STRING, &desk_text,
      N_("The desk the customer is called to"), N_("ID") },
    { "ticket", 0, 0, G_OPTION_ARG_FILENAME, &ticket_arg,
      N_("Call this ticket of today instead of the next in line"), N_("TICKET") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &at_text,
      N_("When the customer was called, if not now (ISO 8601, local time unless an offset "
         "is given)"), N_("TIME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the visit as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "queue call", NULL,
                              N_("Calls the next customer in line (or a given ticket) to a "
                                 "desk, and prints the visit."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!_fd_cli_require (desk_text, _("Missing --desk: which desk is calling?"), &error))
    goto failed;
  if (!_fd_cli_parse_id_of (desk_text, FD_CLI_ID_DESK, &desk_id, &error))
    goto failed;

  if (ticket_arg != NULL)
    {
      if (!(ticket = _fd_cli_arg_to_utf8 (ticket_arg, "--ticket", "ticket", &error)))
        goto failed;

      /* Tickets are printed in capitals; “a-007” read off a slip is the same ticket. */
      for (char *p = ticket; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
    }

  if (!parse_at (at_text, &at, &error))
    goto failed;

  if (!(store = _fd_cli_open_branch_store (cli, &branch_id, &error)))
    goto failed;

  if (!(visit = fd_store_call (store, branch_id, desk_id, ticket, at, &error)))
    {
      /* The store reports an empty queue as an error; should it ever return nothing
       * without one, still say why. */
      if (error == NULL)
        g_set_error_literal (&error, FD_ERROR, FD_ERROR_NOT_FOUND, _("No one is waiting."));
      goto failed;
    }

  print_visit (store, visit, json, FALSE);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

int
_fd_cli_visit (FdCli  *cli,
               char  **args)
{
  static const FdCliAction actions[] = {
    { "cancel", visit_cancel },
    { "checkin", visit_checkin },
    { "finish", visit_finish },
    { "list", visit_list },
    { "no-show", visit_no_show },
    { "purposes", visit_purposes },
    { "recall", visit_recall },
    { "show", visit_show },
    { "transfer", visit_transfer },
  };
  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli visit checkin (--customer ID | --anonymous) "
                             "--purpose CODE [--priority PRIORITY] [--at TIME] [--json]\n"
                             "  frontdesk-cli visit finish ID --technique TECHNIQUE "
                             "--outcome OUTCOME [--rating-solved N] [--rating-staff N] "
                             "[--notes TEXT] [--answer TEXT…] [--at TIME] [--json]\n"
                             "  frontdesk-cli visit show ID [--json]\n"
                             "  frontdesk-cli visit list --customer ID [--limit N] [--json]\n"
                             "  frontdesk-cli visit no-show ID [--at TIME] [--json]\n"
                             "  frontdesk-cli visit cancel ID [--at TIME] [--json]\n"
                             "  frontdesk-cli visit recall ID [--at TIME] [--json]\n"
                             "  frontdesk-cli visit transfer ID --desk ID [--json]\n"
                             "  frontdesk-cli visit purposes [--json]\n"
                             "\n"
                             "Run “frontdesk-cli visit COMMAND --help” for the options of a "
                             "command.\n"),
                           /* Translators: %s is what the user typed after “visit” */
                           _("Unknown visit command “%s”."));
}

int
_fd_cli_queue (FdCli  *cli,
               char  **args)
{
  static const FdCliAction actions[] = {
    { "call", queue_call },
    { "list", queue_list },
    { "serving", queue_serving },
  };
  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli queue list [--json]\n"
                             "  frontdesk-cli queue call --desk ID [--ticket TICKET] "
                             "[--at TIME] [--json]\n"
                             "  frontdesk-cli queue serving [--json]\n"
                             "\n"
                             "They work at the current branch, or at the one given with "
                             "--branch ID.\n"),
                           /* Translators: %s is what the user typed after “queue” */
                           _("Unknown queue command “%s”."));
}
