#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates po/frontdesk.pot from the sources, merges it into every catalogue in
# po/LINGUAS (creating missing ones), regenerates po/sr@latin.po from po/sr.po and prints
# each catalogue's statistics. Needs no build directory.
#
#   po/update-po.sh          # then translate, then run it again (or just the last step:
#                            # po/sr-latin.py po/sr.po po/sr@latin.po) and commit po/
set -eu

podir=$(cd "$(dirname "$0")" && pwd)
cd "$podir"

python=/usr/bin/python3
[ -x "$python" ] || python=python3

sh ./make-pot.sh frontdesk.pot

for lang in $(sed -e 's/#.*//' LINGUAS); do
  [ "$lang" = sr@latin ] && continue    # generated below
  if [ -f "$lang.po" ]; then
    msgmerge --quiet --update --backup=none --previous "$lang.po" frontdesk.pot
  else
    msginit --no-translator --locale="$lang" --input=frontdesk.pot --output-file="$lang.po"
  fi
done

if grep -qx 'sr@latin' LINGUAS; then
  "$python" ./sr-latin.py sr.po sr@latin.po
fi

for lang in $(sed -e 's/#.*//' LINGUAS); do
  printf '%-9s ' "$lang:"
  msgfmt --check --statistics --output-file=/dev/null "$lang.po" 2>&1
done
