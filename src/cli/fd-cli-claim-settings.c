/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "fd-claim.h"
#include "fd-error.h"
#include "fd-store.h"

#include "fd-cli-private.h"

static const FdClaimKind kinds[] = {
  FD_CLAIM_KIND_COMPLAINT,
  FD_CLAIM_KIND_COMPLIMENT,
  FD_CLAIM_KIND_SUGGESTION,
  FD_CLAIM_KIND_REQUEST,
};

static const FdClaimPriority priorities[] = {
  FD_CLAIM_PRIORITY_LOW,
  FD_CLAIM_PRIORITY_NORMAL,
  FD_CLAIM_PRIORITY_HIGH,
};

static char *
format_working_days (int days)
{
  /* Translators: a deadline in working days, as in “3 working days” */
  return g_strdup_printf (ngettext ("%d working day", "%d working days", days), days);
}

/* --ack and --resolve: a whole number; core says which numbers a deadline may have. */
static gboolean
parse_days (const char  *text,
            const char  *option,
            const char  *field,
            int         *out,
            GError     **error)
{
  guint64 value = 0;

  if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT, &value, NULL))
    {
      g_autofree char *shown = g_utf8_make_valid (text, -1);

      fd_set_invalid (error, field,
                      /* Translators: “%s” is what the user typed, the second %s an option
                       * such as --ack */
                      _("Invalid value “%s” for %s: expected a number of working days."),
                      shown, option);
      return FALSE;
    }

  *out = (int) value;

  return TRUE;
}

static void
add_deadline_json (JsonBuilder     *builder,
                   FdClaimKind      kind,
                   FdClaimPriority  priority,
                   int              ack_days,
                   int              resolve_days)
{
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, fd_claim_kind_to_code (kind));
  json_builder_set_member_name (builder, "priority");
  json_builder_add_string_value (builder, fd_claim_priority_to_code (priority));
  json_builder_set_member_name (builder, "ack_days");
  json_builder_add_int_value (builder, ack_days);
  json_builder_set_member_name (builder, "resolve_days");
  json_builder_add_int_value (builder, resolve_days);
  json_builder_end_object (builder);
}

static int
deadline_list (FdCli  *cli,
               char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of deadlines"), NULL },
    G_OPTION_ENTRY_NULL
  };
  const char *headers[] = {
    C_("column", "Kind"),
    C_("column", "Priority"),
    C_("column", "Acknowledge within"),
    C_("column", "Resolve within"),
    NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim deadline list", NULL,
                              N_("Lists the working days to acknowledge and to resolve a "
                                 "claim, for each kind and priority."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)))
    goto failed;

  /* Read everything before printing anything, so an error leaves stdout empty. */
  builder = json_builder_new ();
  json_builder_begin_array (builder);
  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_ptr_array_add (rows, g_strdupv ((char **) headers));

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      for (guint p = 0; p < G_N_ELEMENTS (priorities); p++)
        {
          int ack_days = 0;
          int resolve_days = 0;
          char **row;

          if (!fd_store_get_claim_deadline (store, kinds[k], priorities[p],
                                            &ack_days, &resolve_days, &error))
            goto failed;

          add_deadline_json (builder, kinds[k], priorities[p], ack_days, resolve_days);

          row = g_new0 (char *, G_N_ELEMENTS (headers));
          row[0] = g_strdup (fd_claim_kind_to_label (kinds[k]));
          row[1] = g_strdup (fd_claim_priority_to_label (priorities[p]));
          row[2] = format_working_days (ack_days);
          row[3] = format_working_days (resolve_days);
          g_ptr_array_add (rows, row);
        }
    }

  json_builder_end_array (builder);

  if (json)
    {
      _fd_cli_print_json_builder (builder);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);

      _fd_cli_append_table (out, rows, G_N_ELEMENTS (headers) - 1);
      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
deadline_set (FdCli  *cli,
              char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *kind_text = NULL;
  g_autofree char *priority_text = NULL;
  g_autofree char *ack_text = NULL;
  g_autofree char *resolve_text = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  FdClaimKind kind = FD_CLAIM_KIND_COMPLAINT;
  FdClaimPriority priority = FD_CLAIM_PRIORITY_NORMAL;
  int ack_days = 0;
  int resolve_days = 0;
  const GOptionEntry entries[] = {
    /* Translators: the codes complaint, compliment, suggestion and request must stay as
     * they are */
    { "kind", 0, 0, G_OPTION_ARG_STRING, &kind_text,
      N_("complaint, compliment, suggestion or request"), N_("KIND") },
    /* Translators: the codes low, normal and high must stay as they are */
    { "priority", 0, 0, G_OPTION_ARG_STRING, &priority_text,
      N_("low, normal or high"), N_("PRIORITY") },
    { "ack", 0, 0, G_OPTION_ARG_STRING, &ack_text,
      N_("Working days to acknowledge a claim"), N_("DAYS") },
    { "resolve", 0, 0, G_OPTION_ARG_STRING, &resolve_text,
      N_("Working days to resolve a claim, no fewer than to acknowledge it"), N_("DAYS") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the deadline as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim deadline set", NULL,
                              N_("Sets the working days to acknowledge and to resolve claims "
                                 "of one kind and priority. Claims opened from then on get "
                                 "the new deadlines; those already open keep theirs."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!_fd_cli_require (kind_text,
                        _("Missing --kind: complaint, compliment, suggestion or "
                          "request."),
                        &error))
    goto failed;
  if (!_fd_cli_require (priority_text, _("Missing --priority: low, normal or high."), &error))
    goto failed;
  if (ack_text == NULL || resolve_text == NULL)
    {
      g_set_error (&error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                   /* Translators: %s is a command-line option such as --category */
                   _("Missing %s."), ack_text == NULL ? "--ack" : "--resolve");
      goto failed;
    }

  /* Everything checked before the database is opened; core checks the ranges. */
  if (!_fd_cli_parse_claim_kind (kind_text, &kind, &error) ||
      !_fd_cli_parse_claim_priority (priority_text, &priority, &error) ||
      !parse_days (ack_text, "--ack", "ack_days", &ack_days, &error) ||
      !parse_days (resolve_text, "--resolve", "resolve_days", &resolve_days, &error))
    goto failed;

  /* What is printed is what was stored. */
  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !fd_store_set_claim_deadline (store, kind, priority, ack_days, resolve_days, &error) ||
      !fd_store_get_claim_deadline (store, kind, priority, &ack_days, &resolve_days, &error))
    goto failed;

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      add_deadline_json (builder, kind, priority, ack_days, resolve_days);
      _fd_cli_print_json_builder (builder);
    }
  else
    {
      g_autoptr(GString) out = g_string_new (NULL);
      g_autofree char *ack = format_working_days (ack_days);
      g_autofree char *resolve = format_working_days (resolve_days);
      const char *labels[] = {
        _("Kind:"),
        _("Priority:"),
        _("Acknowledge within:"),
        _("Resolve within:"),
      };
      guint width = _fd_cli_max_width (labels, G_N_ELEMENTS (labels));

      _fd_cli_add_row (out, labels[0], width, fd_claim_kind_to_label (kind));
      _fd_cli_add_row (out, labels[1], width, fd_claim_priority_to_label (priority));
      _fd_cli_add_row (out, labels[2], width, ack);
      _fd_cli_add_row (out, labels[3], width, resolve);
      _fd_cli_print ("%s", out->str);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

/* The position of @code in @codes, or -1. */
static int
find_code (char       **codes,
           const char  *code)
{
  for (guint i = 0; codes != NULL && codes[i] != NULL; i++)
    {
      if (g_str_equal (codes[i], code))
        return (int) i;
    }

  return -1;
}

char *
_fd_cli_dup_category_label (FdStore    *store,
                            const char *code)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) labels = NULL;
  int i;

  if (code == NULL)
    return NULL;

  /* A name is a nicety: if the categories cannot be read, the default name is shown. */
  if (!fd_store_list_claim_categories (store, &codes, &labels, &error))
    {
      g_debug ("Could not read the claim categories: %s", error->message);
      return g_strdup (fd_claim_category_to_label (code));
    }

  if ((i = find_code (codes, code)) >= 0)
    return g_strdup (labels[i]);

  return g_strdup (fd_claim_category_to_label (code));
}

static int
category_list (FdCli  *cli,
               char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) labels = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  const GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print a JSON array of categories"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim category list", NULL,
                              N_("Lists the claim categories in order, by code and name, for "
                                 "“claim open --category CODE”."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;
  if (!_fd_cli_no_extra_arguments (args, 1, &error))
    goto failed;

  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !fd_store_list_claim_categories (store, &codes, &labels, &error))
    goto failed;

  if (json)
    _fd_cli_print_code_labels_json ((const char * const *) codes,
                                    (const char * const *) labels);
  else
    _fd_cli_print_code_label_table (C_("column", "Code"), C_("column", "Name"),
                                    (const char * const *) codes,
                                    (const char * const *) labels);

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

static int
category_set (FdCli  *cli,
              char  **args)
{
  g_autoptr(FdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) old_codes = NULL;
  g_auto(GStrv) codes = NULL;
  g_auto(GStrv) labels = NULL;
  g_autofree char *code = NULL;
  g_autofree char *label_arg = NULL;
  g_autofree char *label = NULL;
  gboolean help_shown = FALSE;
  gboolean json = FALSE;
  gboolean existed;
  int i;
  const GOptionEntry entries[] = {
    { "label", 0, 0, G_OPTION_ARG_FILENAME, &label_arg,
      N_("The category’s name (default: its translated default name)"), N_("TEXT") },
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print the category as JSON"), NULL },
    G_OPTION_ENTRY_NULL
  };

  if (!_fd_cli_parse_options (cli, &args, "claim category set", N_("CODE"),
                              N_("Adds a claim category, or renames one. Without --label, a "
                                 "category gets its translated default name back. Codes are "
                                 "lower-case letters, digits and underscores."),
                              entries, &help_shown, &error))
    goto failed;
  if (help_shown)
    return FD_CLI_EXIT_OK;

  if (!_fd_cli_require (args[1], _("Missing category code."), &error))
    goto failed;
  if (!_fd_cli_no_extra_arguments (args, 2, &error) ||
      !(code = _fd_cli_arg_to_utf8 (args[1], "CODE", "code", &error)) ||
      !_fd_cli_optional_text (label_arg, "--label", "label", &label, &error))
    goto failed;

  /* What is printed is what was stored. */
  if (!(store = _fd_cli_open_store (cli, &error)) ||
      !fd_store_list_claim_categories (store, &old_codes, NULL, &error) ||
      !fd_store_set_claim_category (store, code, label, &error) ||
      !fd_store_list_claim_categories (store, &codes, &labels, &error))
    goto failed;

  existed = find_code (old_codes, code) >= 0;
  if ((i = find_code (codes, code)) < 0)
    {
      g_set_error (&error, FD_ERROR, FD_ERROR_NOT_FOUND,
                   /* Translators: %s is a claim category's code */
                   _("The category %s was not saved."), code);
      goto failed;
    }

  if (json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "code");
      json_builder_add_string_value (builder, codes[i]);
      json_builder_set_member_name (builder, "label");
      json_builder_add_string_value (builder, labels[i]);
      json_builder_end_object (builder);

      _fd_cli_print_json_builder (builder);
    }
  else if (!existed)
    {
      /* Translators: the first %s is a claim category's code, the second its name */
      _fd_cli_print (_("Added category %s: “%s”.\n"), codes[i], labels[i]);
    }
  else if (label != NULL && label[0] != '\0')
    {
      /* Translators: the first %s is a claim category's code, the second its new name */
      _fd_cli_print (_("Renamed category %s to “%s”.\n"), codes[i], labels[i]);
    }
  else
    {
      /* Translators: the first %s is a claim category's code, the second its default
       * name */
      _fd_cli_print (_("Category %s has its default name again: “%s”.\n"),
                     codes[i], labels[i]);
    }

  return FD_CLI_EXIT_OK;

failed:
  return _fd_cli_fail (error);
}

int
_fd_cli_claim_deadline (FdCli  *cli,
                        char  **args)
{
  static const FdCliAction actions[] = {
    { "list", deadline_list },
    { "set", deadline_set },
  };

  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli claim deadline list [--json]\n"
                             "  frontdesk-cli claim deadline set --kind KIND "
                             "--priority PRIORITY --ack DAYS --resolve DAYS [--json]\n"
                             "\n"
                             "Deadlines are counted in working days: the branch’s opening "
                             "days, without public holidays or its own closed days (see "
                             "“frontdesk-cli branch closed-day”).\n"),
                           /* Translators: %s is what the user typed after “claim deadline” */
                           _("Unknown deadline command “%s”."));
}

int
_fd_cli_claim_category (FdCli  *cli,
                        char  **args)
{
  static const FdCliAction actions[] = {
    { "list", category_list },
    { "set", category_set },
  };

  return _fd_cli_dispatch (cli, args, actions, G_N_ELEMENTS (actions),
                           _("Usage:\n"
                             "  frontdesk-cli claim category list [--json]\n"
                             "  frontdesk-cli claim category set CODE [--label TEXT] "
                             "[--json]\n"
                             "\n"
                             "Run “frontdesk-cli claim category COMMAND --help” for the "
                             "options of a command.\n"),
                           /* Translators: %s is what the user typed after “claim category” */
                           _("Unknown category command “%s”."));
}
