/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "fd-branch.h"
#include "fd-desk.h"
#include "fd-store.h"

#include "fd-cli-private.h"

/* Converts an option's raw bytes to UTF-8; an empty value means “no value”. */
static gboolean
take_text (const char  *arg,
           const char  *option,
           const char  *field,
           char       **out,
           GError     **error)
{
  g_autofree char *value = NULL;

  *out = NULL;

  if (arg == NULL)
    return TRUE;

  if (!(value = _fd_cli_arg_to_utf8 (arg, option, field, error)))
    return FALSE;

  if (value[0] != '\0')
    *out = g_steal_pointer (&value);

  return TRUE;
}

static void
print_branch (FdBranch *branch,
              gboolean  json)
{
  g_autoptr(GString) out = NULL;
  g_autofree char *id = NULL;
  g_autofree char *card = NULL;
  const char *labels[2];
  guint width;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      _fd_cli_add_branch_json (builder, branch);
      _fd_cli_print_json_builder (builder);
      return;
    }

  labels[0] = _("ID:");
  labels[1] = _("Country:");

  width = _fd_cli_max_width (labels, G_N_ELEMENTS (labels));

  id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_branch_get_id (branch));
  card = fd_branch_dup_card_text (branch);

  out = g_string_new (NULL);
  _fd_cli_add_row (out, labels[0], width, id);
  _fd_cli_add_row (out, labels[1], width, fd_branch_get_country (branch));

  /* The card is what a customer is handed: name, address, phone, e-mail and the opening
   * hours, in the user's language. */
  if (card != NULL && card[0] != '\0')
    {
      g_strchomp (card);
      g_string_append_printf (out, "\n%s\n", card);
    }

  _fd_cli_print ("%s", out->str);
}

static void
print_desk (FdDesk   *desk,
            gboolean  json)
{
  g_autofree char *id = NULL;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      _fd_cli_add_desk_json (builder, desk);
      _fd_cli_print_json_builder (builder);
      return;
    }

  id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_desk_get_id (desk));
  /* Translators: the first %s is the desk's name, the second its ID */
  _fd_cli_print (_("Added desk %s (ID %s).\n"), fd_desk_get_name (desk), id);
}

static int
branch_add (FdCli  *cli,
            char  **args)
{
  g_autoptr(FdBranch) draft = NULL;
  g_autoptr(FdBranch) saved = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name_arg = NULL;
  g_autofree char *country_arg = NULL;
  g_autofree char *address_arg = NULL;
  g_autofree char *phone_arg = NULL;
  g_autofree char *email_arg = NULL;
  g_autofree char *name = NULL;
  g_autofree char *country = NULL;
  g_autofree char *address = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *email = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name_arg,
      N_("Name of the branch"), N_("NAME") },
    { "country", 0, 0, G_OPTION_ARG_FILENAME, &country_arg,
      N_("Country, as a two-letter code such as NL, BE, RS or LV"), N_("CC") },
    { "address", 0, 0, G_OPTION_ARG_FILENAME, &address_arg,
      N_("Street address where customers are met"), N_("TEXT") },
    { "phone", 0, 0, G_OPTION_ARG_FILENAME, &phone_arg,
      N_("Phone number"), N_("NUMBER") },
    { "email", 0, 0, G_OPTION_ARG_FILENAME, &email_arg,
      N_("E-mail address"), N_("ADDRESS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the record as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "branch add", NULL,
                              N_("Adds a branch office and prints the saved record."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!take_text (name_arg, "--name", "name", &name, &error) ||
      !take_text (country_arg, "--country", "country", &country, &error) ||
      !take_text (address_arg, "--address", "address", &address, &error) ||
      !take_text (phone_arg, "--phone", "phone", &phone, &error) ||
      !take_text (email_arg, "--email", "email", &email, &error))
    goto failed;

  /* “nl” is as good as “NL”; only ASCII letters change, anything else stays for core to
   * refuse. */
  if (country != NULL)
    {
      for (char *p = country; *p != '\0'; p++)
        *p = g_ascii_toupper (*p);
    }

  draft = fd_branch_new ();
  fd_branch_set_name (draft, name);
  fd_branch_set_country (draft, country);
  fd_branch_set_address (draft, address);
  fd_branch_set_phone (draft, phone);
  fd_branch_set_email (draft, email);

  /* Validate before opening, so invalid input never creates or touches a database. */
  if (!fd_branch_validate (draft, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(saved = fd_store_add_branch (store, draft, &error)))
    goto failed;

  print_branch (saved, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static void
print_branch_table (GPtrArray *branches,
                    gint64     current_id)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const char *id_header = C_("column", "ID");
  const char *name_header = C_("column", "Name");
  const char *country_header = C_("column", "Country");
  const char *address_header = C_("column", "Address");
  guint id_width = _fd_cli_width (id_header);
  guint name_width = _fd_cli_width (name_header);
  guint country_width = _fd_cli_width (country_header);

  if (branches->len == 0)
    {
      _fd_cli_print ("%s\n", _("No branches yet. Add one with “frontdesk-cli branch add”."));
      return;
    }

  for (guint i = 0; i < branches->len; i++)
    {
      FdBranch *branch = g_ptr_array_index (branches, i);
      char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_branch_get_id (branch));

      g_ptr_array_add (ids, id);
      id_width = MAX (id_width, _fd_cli_width (id));
      name_width = MAX (name_width, _fd_cli_width (fd_branch_get_name (branch)));
      country_width = MAX (country_width, _fd_cli_width (fd_branch_get_country (branch)));
    }

  {
    g_autofree char *id_cell = _fd_cli_pad (id_header, id_width);
    g_autofree char *name_cell = _fd_cli_pad (name_header, name_width);
    g_autofree char *country_cell = _fd_cli_pad (country_header, country_width);

    g_string_append_printf (out, "  %s  %s  %s  %s\n",
                            id_cell, name_cell, country_cell, address_header);
  }

  for (guint i = 0; i < branches->len; i++)
    {
      FdBranch *branch = g_ptr_array_index (branches, i);
      const char *id = g_ptr_array_index (ids, i);
      const char *address = fd_branch_get_address (branch);
      g_autofree char *id_cell = g_strnfill (id_width - _fd_cli_width (id), ' ');
      g_autofree char *name_cell = _fd_cli_pad (fd_branch_get_name (branch), name_width);
      g_autofree char *country_cell = _fd_cli_pad (fd_branch_get_country (branch),
                                                   country_width);
      g_autofree char *first_line = g_strdup (address != NULL ? address : "");
      g_autofree char *line = NULL;
      char *newline;

      /* One line per branch: the address's first line is enough to tell them apart. */
      if ((newline = strchr (first_line, '\n')) != NULL)
        *newline = '\0';

      /* The current branch is marked with a star, like the current git branch. */
      line = g_strdup_printf ("%s %s%s  %s  %s  %s",
                              fd_branch_get_id (branch) == current_id ? "*" : " ",
                              id_cell, id, name_cell, country_cell, first_line);
      g_strchomp (line);
      g_string_append_printf (out, "%s\n", line);
    }

  _fd_cli_print ("%s", out->str);
}

static int
branch_list (FdCli  *cli,
             char  **args)
{
  g_autoptr(GPtrArray) branches = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of records"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "branch list", NULL,
                              N_("Lists the branches by name; a star marks the current one."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !(branches = fd_store_list_branches (store, &error)))
    goto failed;

  if (json)
    {
      _fd_cli_print_json_array (branches, (FdCliAddJsonFunc) _fd_cli_add_branch_json);
    }
  else
    {
      print_branch_table (branches, fd_store_get_current_branch (store));
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
branch_show (FdCli  *cli,
             char  **args)
{
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the record as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "branch show", N_("[ID]"),
                              N_("Prints a branch with its address and opening hours: the "
                                 "given one, else the current one."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (args[1] != NULL && !_fd_cli_take_id_argument (args, FD_CLI_ID_BRANCH, &id, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)))
    goto failed;
  if (id == 0 && !(id = _fd_cli_resolve_branch (cli, store, &error)))
    goto failed;
  if (!(branch = fd_store_get_branch (store, id, &error)))
    goto failed;

  print_branch (branch, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
branch_use (FdCli  *cli,
            char  **args)
{
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id_text = NULL;
  gboolean help_shown = FALSE;
  gint64 id = 0;

  if (!_fd_cli_parse_options (cli, &args, "branch use", N_("ID"),
                              N_("Makes a branch the current one: commands work there unless "
                                 "--branch says otherwise."),
                              NULL, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_take_id_argument (args, FD_CLI_ID_BRANCH, &id, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !fd_store_set_current_branch (store, id, &error) ||
      !(branch = fd_store_get_branch (store, id, &error)))
    goto failed;

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  /* Translators: the first %s is the branch's name, the second its ID */
  _fd_cli_print (_("Now working at %s (ID %s).\n"), fd_branch_get_name (branch), id_text);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
desk_add (FdCli  *cli,
          char  **args)
{
  g_autoptr(FdDesk) desk = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name_arg = NULL;
  g_autofree char *name = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 branch_id;
  const GOptionEntry entries[] = {
    { "name", 0, 0, G_OPTION_ARG_FILENAME, &name_arg,
      N_("Name of the desk, as shown to waiting customers"), N_("NAME") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the record as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "desk add", NULL,
                              N_("Adds a desk to the current branch (or the one given with "
                                 "--branch) and prints it."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!_fd_cli_require (name_arg, _("Missing --name: a desk needs a name."), &error))
    goto failed;
  if (!(name = _fd_cli_arg_to_utf8 (name_arg, "--name", "name", &error)))
    goto failed;

  if (!(store = _fd_cli_open_branch_store (cli, &branch_id, &error)) ||
      !(desk = fd_store_add_desk (store, branch_id, name, &error)))
    goto failed;

  print_desk (desk, json);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
desk_list (FdCli  *cli,
           char  **args)
{
  g_autoptr(GPtrArray) desks = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 branch_id;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of records"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "desk list", NULL,
                              N_("Lists the desks of the current branch (or the one given "
                                 "with --branch) by name."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!(store = _fd_cli_open_branch_store (cli, &branch_id, &error)) ||
      !(desks = fd_store_list_desks (store, branch_id, &error)))
    goto failed;

  if (json)
    {
      _fd_cli_print_json_array (desks, (FdCliAddJsonFunc) _fd_cli_add_desk_json);
    }
  else if (desks->len == 0)
    {
      _fd_cli_print ("%s\n", _("This branch has no desks yet. Add one with "
                               "“frontdesk-cli desk add”."));
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      const char *id_header = C_("column", "ID");
      const char *name_header = C_("column", "Name");
      guint id_width = _fd_cli_width (id_header);

      for (guint i = 0; i < desks->len; i++)
        {
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                                 fd_desk_get_id (g_ptr_array_index (desks, i)));

          id_width = MAX (id_width, _fd_cli_width (id));
        }

      {
        g_autofree char *id_cell = _fd_cli_pad (id_header, id_width);

        g_string_append_printf (out, "%s  %s\n", id_cell, name_header);
      }

      for (guint i = 0; i < desks->len; i++)
        {
          FdDesk *desk = g_ptr_array_index (desks, i);
          g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, fd_desk_get_id (desk));
          g_autofree char *id_cell = g_strnfill (id_width - _fd_cli_width (id), ' ');

          g_string_append_printf (out, "%s%s  %s\n", id_cell, id, fd_desk_get_name (desk));
        }

      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

/* A closed day as the clerk reads it, with its weekday. */
static char *
format_day (const GDate *day)
{
  g_autoptr(GDateTime) date_time = g_date_time_new_utc (g_date_get_year (day),
                                                        g_date_get_month (day),
                                                        g_date_get_day (day), 0, 0, 0);

  /* Translators: a date with its weekday in the terminal, see the strftime-like codes of
   * g_date_time_format() */
  return g_date_time_format (date_time, C_("closed day", "%Y-%m-%d (%A)"));
}

static gboolean
contains_day (GArray      *days,
              const GDate *day)
{
  for (guint i = 0; i < days->len; i++)
    {
      if (g_date_compare (&g_array_index (days, GDate, i), day) == 0)
        return TRUE;
    }

  return FALSE;
}

static int
closed_day_list (FdCli  *cli,
                 char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gint64 branch_id;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json,
      N_("Print a JSON array of dates (YYYY-MM-DD)"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "branch closed-day list", NULL,
                              N_("Lists the days the current branch (or the one given with "
                                 "--branch) is closed besides its weekly hours and public "
                                 "holidays, in date order. Claims’ deadlines skip them."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!(store = _fd_cli_open_branch_store (cli, &branch_id, &error)) ||
      !(days = fd_store_list_closed_days (store, branch_id, &error)))
    goto failed;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_array (builder);
      for (guint i = 0; i < days->len; i++)
        {
          GDate *day = &g_array_index (days, GDate, i);
          g_autofree char *text = g_strdup_printf ("%04u-%02u-%02u",
                                                   (guint) g_date_get_year (day),
                                                   (guint) g_date_get_month (day),
                                                   (guint) g_date_get_day (day));

          json_builder_add_string_value (builder, text);
        }
      json_builder_end_array (builder);

      _fd_cli_print_json_builder (builder);
    }
  else if (days->len == 0)
    {
      _fd_cli_print ("%s\n", _("This branch has no closed days of its own. Add one with "
                               "“frontdesk-cli branch closed-day add DATE”."));
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < days->len; i++)
        {
          g_autofree char *text = format_day (&g_array_index (days, GDate, i));

          g_string_append_printf (out, "%s\n", text);
        }

      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

/* add and remove: the same but for what they ask of the store and what they say. */
static int
closed_day_change (FdCli       *cli,
                   char       **args,
                   const char  *command,
                   const char  *summary,
                   gboolean     closed)
{
  g_autoptr(FdBranch) branch = NULL;
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GArray) days = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *shown = NULL;
  gboolean help_shown = FALSE;
  gboolean was_closed;
  gint64 branch_id;
  GDate day;

  if (!_fd_cli_parse_options (cli, &args, command, N_("DATE"), summary, NULL,
                              &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (!_fd_cli_require (args[1], _("Missing date: give it as YYYY-MM-DD."), &error))
    goto failed;
  if (!_fd_cli_no_extra_arguments (args, 2, &error) ||
      !_fd_cli_parse_date (args[1], "DATE", &day, &error))
    goto failed;

  if (!(store = _fd_cli_open_branch_store (cli, &branch_id, &error)) ||
      !(branch = fd_store_get_branch (store, branch_id, &error)) ||
      !(days = fd_store_list_closed_days (store, branch_id, &error)))
    goto failed;

  was_closed = contains_day (days, &day);
  if (was_closed != closed &&
      !fd_store_set_closed_day (store, branch_id, &day, closed, &error))
    goto failed;

  id = g_strdup_printf ("%" G_GINT64_FORMAT, branch_id);
  shown = format_day (&day);

  if (closed && !was_closed)
    /* Translators: a date, then the branch's name and its ID */
    _fd_cli_print (_("%s is now a closed day at %s (ID %s).\n"),
                   shown, fd_branch_get_name (branch), id);
  else if (closed)
    /* Translators: a date, then the branch's name and its ID */
    _fd_cli_print (_("%s already was a closed day at %s (ID %s).\n"),
                   shown, fd_branch_get_name (branch), id);
  else if (was_closed)
    /* Translators: a date, then the branch's name and its ID */
    _fd_cli_print (_("%s is no longer a closed day at %s (ID %s).\n"),
                   shown, fd_branch_get_name (branch), id);
  else
    /* Translators: a date, then the branch's name and its ID */
    _fd_cli_print (_("%s was not a closed day at %s (ID %s): nothing changed.\n"),
                   shown, fd_branch_get_name (branch), id);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
closed_day_add (FdCli  *cli,
                char  **args)
{
  return closed_day_change (cli, args, "branch closed-day add",
                            N_("Closes the current branch (or the one given with --branch) "
                               "on a day, given as YYYY-MM-DD: claims’ deadlines skip it. "
                               "Claims already open keep their deadlines."),
                            TRUE);
}

static int
closed_day_remove (FdCli  *cli,
                   char  **args)
{
  return closed_day_change (cli, args, "branch closed-day remove",
                            N_("Opens the current branch (or the one given with --branch) "
                               "again on a day it was closed, given as YYYY-MM-DD."),
                            FALSE);
}

static int
branch_closed_day (FdCli  *cli,
                   char  **args)
{
  static const FdCliAction actions[] = {
    { "add", closed_day_add },
    { "list", closed_day_list },
    { "remove", closed_day_remove },
  };

  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli branch closed-day list [--json]\n"
                             "  frontdesk-cli branch closed-day add DATE\n"
                             "  frontdesk-cli branch closed-day remove DATE\n"
                             "\n"
                             "All work at the current branch, or at the one given with "
                             "--branch ID. DATE is YYYY-MM-DD.\n"),
                           /* Translators: %s is what the user typed after
                            * “branch closed-day” */
                           _("Unknown closed-day command “%s”."));
}

int
_fd_cli_branch (FdCli  *cli,
                char  **args)
{
  static const FdCliAction actions[] = {
    { "add", branch_add },
    { "closed-day", branch_closed_day },
    { "list", branch_list },
    { "show", branch_show },
    { "use", branch_use },
  };
  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                   _("Usage:\n"
                     "  frontdesk-cli branch add --name NAME --country CC --address TEXT "
                     "[--phone NUMBER] [--email ADDRESS] [--json]\n"
                     "  frontdesk-cli branch list [--json]\n"
                     "  frontdesk-cli branch show [ID] [--json]\n"
                     "  frontdesk-cli branch use ID\n"
                     "  frontdesk-cli branch closed-day list [--json]\n"
                     "  frontdesk-cli branch closed-day add DATE\n"
                     "  frontdesk-cli branch closed-day remove DATE\n"
                     "\n"
                     "Run “frontdesk-cli branch COMMAND --help” for the options of a "
                     "command.\n"),
                   /* Translators: %s is what the user typed after “branch” */
                   _("Unknown branch command “%s”."));
}

int
_fd_cli_desk (FdCli  *cli,
              char  **args)
{
  static const FdCliAction actions[] = {
    { "add", desk_add },
    { "list", desk_list },
  };
  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                   _("Usage:\n"
                     "  frontdesk-cli desk add --name NAME [--json]\n"
                     "  frontdesk-cli desk list [--json]\n"
                     "\n"
                     "Both work at the current branch, or at the one given with --branch ID.\n"),
                   /* Translators: %s is what the user typed after “desk” */
                   _("Unknown desk command “%s”."));
}
