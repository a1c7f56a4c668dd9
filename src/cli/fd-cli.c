/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <locale.h>
#include <stdio.h>

#include <glib/gi18n.h>

#include "fd-bench.h"
#include "fd-demo.h"
#include "fd-store.h"

#include "fd-cli-private.h"

/* A generous ceiling: a million customers is the size the app is tuned for. */
#define MAX_CUSTOMERS 10000000
#define DEFAULT_BENCH_CUSTOMERS 100000
#define DEMO_VISITS_PER_CUSTOMER 5
/* fd_demo_generate_visits() counts in a guint. */
#define MAX_VISITS ((guint64) G_MAXUINT)
#define MAX_CLAIMS ((guint64) G_MAXUINT)

static int
command_init (FdCli  *cli,
              char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;

  if (!_fd_cli_parse_options (cli, &args, "init", NULL,
                              N_("Creates the database, or brings it up to date, and "
                                 "prints its path."),
                              NULL, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (args[1] != NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (args[1], -1);

      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   /* Translators: %s is a command-line argument */
                   _("Unexpected argument “%s”."), shown);
      goto failed;
    }

  if (!(store = _fd_cli_open_store (cli, &error)))
    goto failed;

  /* The path as bytes, unconverted, so scripts can use it as is. */
  fputs (fd_store_get_path (store), stdout);
  fputc ('\n', stdout);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

/* Midnight at the start of today, local time: the default end of the demo's visits. */
static gint64
today_midnight (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) midnight = g_date_time_new_local (g_date_time_get_year (now),
                                                         g_date_time_get_month (now),
                                                         g_date_time_get_day_of_month (now),
                                                         0, 0, 0);

  return g_date_time_to_unix (midnight);
}

static int
command_demo (FdCli  *cli,
              char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customers_text = NULL;
  g_autofree char *visits_text = NULL;
  g_autofree char *claims_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *until_text = NULL;
  gboolean help_shown = FALSE;
  guint64 n_customers = 1000;
  guint64 n_visits = 0;
  guint64 n_claims = 0;
  guint64 seed = 1;
  gint64 until = 0;
  gint64 start;
  double seconds;
  double rate;
  const GOptionEntry entries[] = {
    { "customers", 0, 0, G_OPTION_ARG_STRING, &customers_text,
      N_("Number of customers to add (default: 1000)"), N_("N") },
    { "visits", 0, 0, G_OPTION_ARG_STRING, &visits_text,
      N_("Number of visits to add, with branches, desks and staff; 0 for none (default: "
         "five per customer)"), N_("N") },
    { "claims", 0, 0, G_OPTION_ARG_STRING, &claims_text,
      N_("Number of claims to add, each with its correspondence; 0 for none (default: "
         "one per ten visits)"), N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_STRING, &seed_text,
      N_("Seed of the generator; the same seed gives the same data (default: 1)"),
      N_("S") },
    { "until", 0, 0, G_OPTION_ARG_STRING, &until_text,
      N_("Visits cover the three years before this date or time (default: midnight at "
         "the start of today, local time). Give it to get the same visits on any day."),
      N_("DATE") },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "demo", NULL,
                              N_("Adds realistic demonstration customers, then branches with "
                                 "desks and staff, three years of visits, and claims with "
                                 "their correspondence."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if ((customers_text != NULL &&
       !_fd_cli_parse_unsigned (customers_text, "--customers", 0, MAX_CUSTOMERS,
                                &n_customers, &error)) ||
      (seed_text != NULL &&
       !_fd_cli_parse_unsigned (seed_text, "--seed", 0, G_MAXUINT64, &seed, &error)))
    goto failed;

  n_visits = MIN (n_customers * DEMO_VISITS_PER_CUSTOMER, MAX_VISITS);
  if ((visits_text != NULL &&
       !_fd_cli_parse_unsigned (visits_text, "--visits", 0, MAX_VISITS, &n_visits, &error)) ||
      (until_text != NULL && !_fd_cli_parse_time (until_text, "--until", &until, &error)))
    goto failed;
  n_claims = n_visits / 10;
  if (claims_text != NULL &&
      !_fd_cli_parse_unsigned (claims_text, "--claims", 0, MAX_CLAIMS, &n_claims, &error))
    goto failed;

  if (until_text == NULL)
    until = today_midnight ();

  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)))
    goto failed;

  start = g_get_monotonic_time ();
  if (!fd_demo_generate (store, (guint) n_customers, seed, &error))
    goto failed;
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  rate = seconds > 0 ? n_customers / seconds : 0;

  _fd_cli_print (ngettext ("Added %u customer in %.2f s (%.0f customers/s).\n",
                     "Added %u customers in %.2f s (%.0f customers/s).\n",
                     (gulong) n_customers),
           (guint) n_customers, seconds, rate);

  if (n_visits > 0)
    {
      start = g_get_monotonic_time ();
      if (!fd_demo_generate_visits (store, (guint) n_visits, seed, until, &error))
        goto failed;
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      rate = seconds > 0 ? n_visits / seconds : 0;

      _fd_cli_print (ngettext ("Added %u visit in %.2f s (%.0f visits/s).\n",
                               "Added %u visits in %.2f s (%.0f visits/s).\n",
                               (gulong) n_visits),
                     (guint) n_visits, seconds, rate);
    }

  if (n_claims > 0)
    {
      start = g_get_monotonic_time ();
      if (!fd_demo_generate_claims (store, (guint) n_claims, seed, until, &error))
        goto failed;
      seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
      rate = seconds > 0 ? n_claims / seconds : 0;

      _fd_cli_print (ngettext ("Added %u claim with its correspondence in %.2f s (%.0f claims/s).\n",
                               "Added %u claims with their correspondence in %.2f s (%.0f claims/s).\n",
                               (gulong) n_claims),
                     (guint) n_claims, seconds, rate);
    }

  /* The reports' day summaries now, rather than on the first report. */
  start = g_get_monotonic_time ();
  if (!fd_store_prepare_reports (store, &error))
    goto failed;
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (seconds >= 0.5)
    _fd_cli_print (_("Summarised the days for the reports in %.2f s.\n"), seconds);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static void
on_bench_progress_cb (const char *message,
                      gpointer    user_data)
{
  _fd_cli_printerr ("%s\n", message);
}

static char *
format_us (double us)
{
  if (us >= 1000.0)
    /* Translators: a duration in milliseconds */
    return g_strdup_printf (_("%.2f ms"), us / 1000.0);

  /* Translators: a duration in microseconds */
  return g_strdup_printf (_("%.0f µs"), us);
}

static void
print_bench_table (GPtrArray *cases,
                   guint      n_customers)
{
  const char *headers[] = {
    C_("benchmark column", "Case"),
    C_("benchmark column", "p50"),
    C_("benchmark column", "p95"),
    C_("benchmark column", "raw p50"),
    C_("benchmark column", "raw p95"),
    C_("benchmark column", "ratio"),
    C_("benchmark column", "target"),
    C_("benchmark column", "met"),
    NULL
  };
  guint n_columns = G_N_ELEMENTS (headers) - 1;
  guint widths[G_N_ELEMENTS (headers) - 1] = { 0 };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_met = 0;
  guint n_targets = 0;

  g_ptr_array_add (rows, g_strdupv ((char **) headers));

  for (guint i = 0; i < cases->len; i++)
    {
      FdBenchCase *bench_case = g_ptr_array_index (cases, i);
      char **row = g_new0 (char *, n_columns + 1);

      row[0] = g_strdup (bench_case->name);
      row[1] = format_us (bench_case->p50_us);
      row[2] = format_us (bench_case->p95_us);
      /* Throughput cases have no raw SQLite counterpart. */
      if (bench_case->raw_p95_us > 0)
        {
          row[3] = format_us (bench_case->raw_p50_us);
          row[4] = format_us (bench_case->raw_p95_us);
          row[5] = g_strdup_printf ("%.2f", bench_case->ratio);
        }
      else
        {
          row[3] = g_strdup ("—");
          row[4] = g_strdup ("—");
          row[5] = g_strdup ("—");
        }

      if (bench_case->target_us > 0)
        {
          gboolean met = bench_case->p95_us <= bench_case->target_us;

          n_targets++;
          if (met)
            n_met++;

          row[6] = format_us (bench_case->target_us);
          /* Translators: whether a benchmark case meets its target */
          row[7] = g_strdup (met ? C_("target met", "yes") : C_("target met", "NO"));
        }
      else
        {
          row[6] = g_strdup ("—");
          row[7] = g_strdup ("—");
        }

      g_ptr_array_add (rows, row);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = MAX (widths[c], _fd_cli_width (row[c]));
    }

  g_string_append_printf (out,
                          /* Translators: %u is the size of the benchmark database */
                          ngettext ("Benchmark on %u customer",
                                    "Benchmark on %u customers",
                                    n_customers),
                          n_customers);
  g_string_append (out, "\n\n");

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = g_ptr_array_index (rows, i);
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          guint width = _fd_cli_width (row[c]);

          if (c > 0)
            g_string_append (line, "  ");

          /* The name column reads left to right; figures line up on the right. */
          if (c == 0)
            {
              g_string_append (line, row[c]);
              for (; width < widths[c]; width++)
                g_string_append_c (line, ' ');
            }
          else
            {
              for (; width < widths[c]; width++)
                g_string_append_c (line, ' ');
              g_string_append (line, row[c]);
            }
        }

      g_string_append_printf (out, "%s\n", line->str);

      /* rows[0] is the header; rows[i] shows cases[i - 1]. */
      if (i > 0)
        {
          FdBenchCase *bench_case = g_ptr_array_index (cases, i - 1);

          if (bench_case->note != NULL && bench_case->note[0] != '\0')
            g_string_append_printf (out, "    %s\n", bench_case->note);
        }
    }

  if (n_targets > 0)
    {
      g_string_append_c (out, '\n');
      g_string_append_printf (out,
                              /* Translators: “%u of %u” counts benchmark targets met */
                              ngettext ("%u of %u target met.",
                                        "%u of %u targets met.",
                                        n_targets),
                              n_met, n_targets);
      g_string_append_c (out, '\n');
    }

  _fd_cli_print ("%s", out->str);
}

static void
print_bench_json (GPtrArray *cases,
                  guint      n_customers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "customers");
  json_builder_add_int_value (builder, n_customers);
  json_builder_set_member_name (builder, "cases");
  json_builder_begin_array (builder);

  for (guint i = 0; i < cases->len; i++)
    {
      FdBenchCase *bench_case = g_ptr_array_index (cases, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "name");
      json_builder_add_string_value (builder, bench_case->name);
      json_builder_set_member_name (builder, "p50_us");
      json_builder_add_double_value (builder, bench_case->p50_us);
      json_builder_set_member_name (builder, "p95_us");
      json_builder_add_double_value (builder, bench_case->p95_us);
      json_builder_set_member_name (builder, "raw_p50_us");
      json_builder_add_double_value (builder, bench_case->raw_p50_us);
      json_builder_set_member_name (builder, "raw_p95_us");
      json_builder_add_double_value (builder, bench_case->raw_p95_us);
      json_builder_set_member_name (builder, "ratio");
      json_builder_add_double_value (builder, bench_case->ratio);
      json_builder_set_member_name (builder, "target_us");
      if (bench_case->target_us > 0)
        json_builder_add_double_value (builder, bench_case->target_us);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "met");
      if (bench_case->target_us > 0)
        json_builder_add_boolean_value (builder, bench_case->p95_us <= bench_case->target_us);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "samples");
      json_builder_add_int_value (builder, bench_case->samples);
      json_builder_set_member_name (builder, "note");
      if (bench_case->note != NULL && bench_case->note[0] != '\0')
        json_builder_add_string_value (builder, bench_case->note);
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }

  json_builder_end_array (builder);
  json_builder_end_object (builder);

  _fd_cli_print_json_builder (builder);
}

static int
command_bench (FdCli  *cli,
               char  **args)
{
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *customers_text = NULL;
  g_autofree char *only = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  guint64 n_customers = DEFAULT_BENCH_CUSTOMERS;
  const GOptionEntry entries[] = {
    { "customers", 0, 0, G_OPTION_ARG_STRING, &customers_text,
      N_("Size of the benchmark database (default: 100000)"), N_("N") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the results as JSON"), NULL },
    { "only", 0, 0, G_OPTION_ARG_STRING, &only,
      N_("Time one group: customers, reception, claims, followups or reports"), N_("GROUP") },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "bench", NULL,
                              N_("Times searches and lists through Frontdesk and through raw "
                                 "SQLite on a generated database. Progress goes to standard "
                                 "error. Without --db, a temporary file is used and removed; "
                                 "$FRONTDESK_DB is ignored. With --db, the file is kept for the "
                                 "next run, and customers are added to it: never point it at "
                                 "real data."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (customers_text != NULL &&
      !_fd_cli_parse_unsigned (customers_text, "--customers", 1, MAX_CUSTOMERS,
                               &n_customers, &error))
    goto failed;

  if (args[1] != NULL)
    {
      g_autofree char *shown = g_utf8_make_valid (args[1], -1);

      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   _("Unexpected argument “%s”."), shown);
      goto failed;
    }

  if (cli->db_path != NULL && cli->db_path[0] == '\0')
    {
      g_set_error_literal (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("The database path must not be empty."));
      goto failed;
    }

  if (only != NULL && !g_strv_contains ((const char * const[]) { "customers", "reception", "claims",
                                                                  "followups", "reports", NULL }, only))
    {
      g_autofree char *shown = g_utf8_make_valid (only, -1);

      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   /* Translators: %s is what the user typed; keep the group names as they are */
                   _("Unknown group “%s”: expected customers, reception, claims, followups or reports."),
                   shown);
      goto failed;
    }

  /* Only an explicit --db names the benchmark file: the default database holds real data. */
  if (!(cases = fd_bench_run (cli->db_path, (guint) n_customers, only,
                              on_bench_progress_cb, NULL, &error)))
    goto failed;

  if (json)
    print_bench_json (cases, (guint) n_customers);
  else
    print_bench_table (cases, (guint) n_customers);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static const FdCliAction commands[] = {
  { "bench", command_bench },
  { "branch", _fd_cli_branch },
  { "claim", _fd_cli_claim },
  { "customer", _fd_cli_customer },
  { "demo", command_demo },
  { "desk", _fd_cli_desk },
  { "followup", _fd_cli_followup },
  { "init", command_init },
  { "queue", _fd_cli_queue },
  { "report", _fd_cli_report },
  { "service", _fd_cli_service },
  { "visit", _fd_cli_visit },
};

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) args = NULL;
  g_autofree char *help_text = NULL;
  const char *localedir;
  const char *command;
  FdCli cli = { NULL };
  gboolean version = FALSE;
  gboolean help = FALSE;
  int status = FD_CLI_EXIT_ERROR;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &cli.db_path,
      N_("Use the database at PATH (default: $FRONTDESK_DB, else the user’s data folder)"),
      N_("PATH") },
    { "branch", 0, 0, G_OPTION_ARG_STRING, &cli.branch,
      N_("Work at the branch with this ID (default: the one chosen with “branch use”, or "
         "the only one)"), N_("ID") },
    { "staff", 0, 0, G_OPTION_ARG_STRING, &cli.staff,
      N_("Act as the staff member with this ID: claims’ history and letters name them "
         "(default: $FRONTDESK_STAFF)"), N_("ID") },
    { "version", 0, 0, G_OPTION_ARG_NONE, &version, N_("Show the version and exit"), NULL },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &help, N_("Show help options"), NULL },
    G_OPTION_ENTRY_NULL
  };

  setlocale (LC_ALL, "");
  localedir = g_getenv ("FRONTDESK_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_set_prgname ("frontdesk-cli");

  args = g_strdupv (argv);

  context = g_option_context_new (N_("COMMAND [ARGUMENT…]"));
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  /* Stop at the command: its options belong to it. */
  g_option_context_set_strict_posix (context, TRUE);
  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_summary (context,
                                N_("The command-line companion of Frontdesk.\n"
                                   "\n"
                                   "Commands:\n"
                                   "  init                 Create or update the database and print its path\n"
                                   "  demo                 Add demonstration customers and visits\n"
                                   "  customer add         Add a customer\n"
                                   "  customer update      Change a customer\n"
                                   "  customer show        Print a customer\n"
                                   "  customer search      Find customers\n"
                                   "  customer history     Print a customer’s history\n"
                                   "  customer archive     Archive a customer\n"
                                   "  customer restore     Bring an archived customer back\n"
                                   "  branch add           Add a branch office\n"
                                   "  branch list          List the branches\n"
                                   "  branch show          Print a branch’s address and hours\n"
                                   "  branch use           Choose the branch to work at\n"
                                   "  branch closed-day    List, add or remove the branch’s own closed days\n"
                                   "  desk add             Add a desk to the branch\n"
                                   "  desk list            List the branch’s desks\n"
                                   "  visit checkin        Check a customer in: a ticket in the queue\n"
                                   "  visit finish         Record how a visit ended, with ratings\n"
                                   "  visit show           Print a visit\n"
                                   "  visit list           List a customer’s visits\n"
                                   "  visit no-show        A called customer did not come\n"
                                   "  visit cancel         A waiting customer left\n"
                                   "  visit recall         Call a ticket again\n"
                                   "  visit transfer       Send a visit to another desk\n"
                                   "  visit purposes       List the purposes of a visit\n"
                                   "  queue list           List the customers waiting, in call order\n"
                                   "  queue call           Call the next customer (or a ticket) to a desk\n"
                                   "  queue serving        List the visits under way at the desks\n"
                                   "  claim open           Record a complaint, compliment, suggestion or request\n"
                                   "  claim show           Print a claim, its correspondence and its history\n"
                                   "  claim list           List the claims, filtered by status, kind, category, …\n"
                                   "  claim search         Find claims by reference, text or correspondence\n"
                                   "  claim move           Move a claim along the workflow\n"
                                   "  claim update         Assign a claim, change its priority, due date, …\n"
                                   "  claim reply          Add a letter, e-mail or call note to a claim’s thread\n"
                                   "  claim resolve        Record a claim’s resolution\n"
                                   "  claim letter         Write a claim’s outgoing letter to a PDF file\n"
                                   "  claim template       List and print the reply templates\n"
                                   "  claim deadline       List and set claims’ deadlines, in working days\n"
                                   "  claim category       List, add and rename the claim categories\n"
                                   "  followup add         Record something promised to a customer, due at a time\n"
                                   "  followup list        List the pending follow-ups, or those done or cancelled\n"
                                   "  followup show        Print a follow-up\n"
                                   "  followup done        Mark a follow-up done; a recurring one comes back\n"
                                   "  followup snooze      Put a follow-up off until a later time\n"
                                   "  followup cancel      Cancel a follow-up\n"
                                   "  followup assign      Give a follow-up to a staff member, or to anyone\n"
                                   "  followup export      Write the pending follow-ups to an iCalendar file\n"
                                   "  service add          Record a customer’s renewable service\n"
                                   "  service list         List a customer’s services and their renewals\n"
                                   "  service renew        Record a service’s renewal\n"
                                   "  report               Print a report: peaks, seasons, waiting, claims, …\n"
                                   "  bench                Measure the speed of searches and lists"));
  g_option_context_set_description (context,
                                    N_("Run “frontdesk-cli COMMAND --help” for the options of a "
                                       "command. --db, --branch and --staff may also follow the "
                                       "command. Times (--at, --received, --due, --until, --next, "
                                       "--due-before) are ISO 8601, in local time unless an "
                                       "offset is given; --at and --received default to now.\n"
                                       "\n"
                                       "Exit status: 0 on success, 1 on any error (including an "
                                       "unknown command or option). Errors are printed as one "
                                       "line on standard error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, &args, &error))
    {
      _fd_cli_print_error (error);
      goto out;
    }

  help_text = g_option_context_get_help (context, TRUE, NULL);
  command = args[1];

  if (version)
    {
      _fd_cli_print ("frontdesk-cli %s\n", PACKAGE_VERSION);
      status = FD_CLI_EXIT_OK;
      goto out;
    }

  if (help || g_strcmp0 (command, "help") == 0)
    {
      _fd_cli_print ("%s", help_text);
      status = FD_CLI_EXIT_OK;
      goto out;
    }

  if (command == NULL)
    {
      _fd_cli_printerr ("%s", help_text);
      goto out;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_str_equal (command, commands[i].name))
        {
          status = commands[i].func (&cli, &args[1]);
          goto out;
        }
    }

  {
    g_autofree char *shown = g_utf8_make_valid (command, -1);

    /* Translators: %s is what the user typed as the command */
    _fd_cli_printerr (_("Unknown command “%s”.\n"), shown);
    _fd_cli_printerr ("%s", help_text);
  }

out:
  g_free (cli.db_path);
  g_free (cli.branch);
  g_free (cli.staff);
  fflush (stdout);

  return status;
}
