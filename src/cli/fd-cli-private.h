/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "fd-store.h"

G_BEGIN_DECLS

/* Exit statuses, documented in `frontdesk-cli --help`. */
#define FD_CLI_EXIT_OK    0
#define FD_CLI_EXIT_ERROR 1

typedef struct
{
  /* From --db before the command, in the file name encoding; NULL when not given. */
  char *db_path;
} FdCli;

/* Subcommand entry point: @args is a NULL-terminated copy of the command line where
 * args[0] names the command and the rest are its arguments (options included). */
typedef int (*FdCliCommandFunc) (FdCli  *cli,
                                 char  **args);

int         _fd_cli_customer            (FdCli               *cli,
                                         char               **args);

/* fd-cli-util.c */
void        _fd_cli_print               (const char          *format,
                                         ...) G_GNUC_PRINTF (1, 2);
void        _fd_cli_printerr            (const char          *format,
                                         ...) G_GNUC_PRINTF (1, 2);
void        _fd_cli_print_error         (const GError        *error);
gboolean    _fd_cli_parse_options       (FdCli               *cli,
                                         char              ***args,
                                         const char          *command,
                                         const char          *parameter_string,
                                         const char          *summary,
                                         const GOptionEntry  *entries,
                                         gboolean            *help_shown,
                                         GError             **error);
FdStore    *_fd_cli_open_store          (FdCli               *cli,
                                         GError             **error);
char       *_fd_cli_arg_to_utf8         (const char          *arg,
                                         const char          *option,
                                         const char          *field,
                                         GError             **error);
gboolean    _fd_cli_parse_unsigned      (const char          *text,
                                         const char          *option,
                                         guint64              min,
                                         guint64              max,
                                         guint64             *out,
                                         GError             **error);
gboolean    _fd_cli_parse_id            (const char          *text,
                                         gint64              *out,
                                         GError             **error);
char       *_fd_cli_format_iso_time     (gint64               unix_time);
char       *_fd_cli_format_local_time   (gint64               unix_time);
void        _fd_cli_print_json          (JsonNode            *node);
char       *_fd_cli_pad                 (const char          *text,
                                         guint                width);
guint       _fd_cli_width               (const char          *text);

/* fd-cli-json.c */
void        _fd_cli_add_customer_json   (JsonBuilder         *builder,
                                         FdCustomer          *customer);
JsonNode   *_fd_cli_customer_to_json    (FdCustomer          *customer);

G_END_DECLS
