#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Extracts the translation template from the files in po/POTFILES.in.
# Usage: po/make-pot.sh [OUTPUT.pot]   (default: po/frontdesk.pot)
# The keywords and flags are those of meson's 'glib' gettext preset, plus ngettext and
# fd_set_invalid. po/update-po.sh and the tests in tests/i18n both use this script.
set -eu

podir=$(cd "$(dirname "$0")" && pwd)
srcdir=$(dirname "$podir")
output=${1:-$podir/frontdesk.pot}
case $output in /*) ;; *) output=$(pwd)/$output ;; esac

cd "$srcdir"
exec xgettext \
  --package-name=frontdesk \
  --msgid-bugs-address=https://github.com/frontdesk/frontdesk/issues \
  --from-code=UTF-8 \
  --add-comments \
  --sort-by-file \
  --directory="$srcdir" \
  --files-from="$podir/POTFILES.in" \
  --output="$output" \
  --keyword=_ \
  --keyword=N_ \
  --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 \
  --keyword=ngettext:1,2 \
  --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 \
  --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format \
  --flag=C_:2:pass-c-format \
  --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format \
  --flag=g_task_return_new_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format \
  --flag=g_log:3:c-format \
  --flag=g_print:1:c-format \
  --flag=g_printerr:1:c-format \
  --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format \
  --flag=g_sprintf:2:c-format \
  --flag=g_snprintf:3:c-format \
  --flag=fd_set_invalid:3:c-format
