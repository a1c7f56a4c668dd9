#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Translation checks, one per meson test (suite 'i18n').

  check-i18n.py SRCDIR BUILDDIR catalogue LANG   po/LANG.po passes msgfmt --check and is
                                                 complete against a fresh template
  check-i18n.py SRCDIR BUILDDIR sr-latin         po/sr@latin.po equals sr-latin.py of sr.po
  check-i18n.py SRCDIR BUILDDIR potfiles         every file under src/ and ui/ with
                                                 translatable strings is in POTFILES.in
  check-i18n.py SRCDIR BUILDDIR mo LANG          the build made a loadable
                                                 BUILDDIR/po/LANG/LC_MESSAGES/frontdesk.mo
  check-i18n.py SRCDIR BUILDDIR merged LANG      the built desktop and metainfo files carry
                                                 LANG's translations

Exit status 0 passes, 1 fails; messages say what to fix.
"""

import gettext
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

PACKAGE = 'frontdesk'
APP_ID = 'io.github.frontdesk.Frontdesk'

PLURAL_FORMS = {
    'nl': 'nplurals=2; plural=(n != 1);',
    'sr': 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
          '(n%100<10 || n%100>=20) ? 1 : 2);',
    'sr@latin': 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && '
                '(n%100<10 || n%100>=20) ? 1 : 2);',
    'lv': 'nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);',
}

# Marks a string for translation in C (gettext keywords of the glib preset)...
C_MARK = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|ngettext|g_dngettext|g_dcgettext|g_dpgettext2)\s*\(')
# ... and in GtkBuilder XML.
UI_MARK = re.compile(r'''translatable\s*=\s*["'](?:yes|true|1)["']''')
COMMENTS = re.compile(r'/\*.*?\*/|//[^\n]*', re.DOTALL)

ENV = dict(os.environ, LC_ALL='C', LANGUAGE='')


def fail(message):
    print(f'FAIL: {message}')
    sys.exit(1)


def run(argv, **kwargs):
    return subprocess.run(argv, env=ENV, encoding='utf-8', capture_output=True, **kwargs)


def statistics(po):
    """msgfmt --check --statistics on po: (translated, fuzzy, untranslated), or fails."""
    r = run(['msgfmt', '--check', '--statistics', '--output-file=/dev/null', po])
    if r.returncode != 0:
        fail(f'msgfmt --check {po}:\n{r.stderr}')
    numbers = {}
    for kind in ('translated', 'fuzzy', 'untranslated'):
        m = re.search(r'(\d+) ' + kind, r.stderr)
        numbers[kind] = int(m.group(1)) if m else 0
    return numbers, r.stderr.strip()


def header(po):
    r = run(['msgcat', '--no-wrap', po])
    if r.returncode != 0:
        fail(f'msgcat {po}:\n{r.stderr}')
    fields = {}
    for m in re.finditer(r'^"([A-Za-z-]+): (.*?)\\n"$', r.stdout, re.MULTILINE):
        fields.setdefault(m.group(1), m.group(2))
    return fields


def list_entries(po, flag):
    r = run(['msgattrib', flag, '--no-obsolete', '--no-wrap', po])
    return [m for m in re.findall(r'^msgid "(.+)"$', r.stdout, re.MULTILINE)]


def check_catalogue(srcdir, lang):
    po = os.path.join(srcdir, 'po', f'{lang}.po')
    if not os.path.exists(po):
        fail(f'{po} is missing: run po/update-po.sh')

    fields = header(po)
    if fields.get('Language') != lang:
        fail(f'{po}: header says Language: {fields.get("Language")!r}, expected {lang!r}')
    want = PLURAL_FORMS.get(lang)
    if want and fields.get('Plural-Forms') != want:
        fail(f'{po}: Plural-Forms is {fields.get("Plural-Forms")!r}, expected {want!r}')

    numbers, text = statistics(po)
    print(f'{lang}.po as committed: {text}')

    with tempfile.TemporaryDirectory() as tmp:
        pot = os.path.join(tmp, f'{PACKAGE}.pot')
        r = run(['sh', os.path.join(srcdir, 'po', 'make-pot.sh'), pot])
        if r.returncode != 0:
            fail(f'extracting the template failed (is every file in po/POTFILES.in there?):\n'
                 f'{r.stderr}')
        merged = os.path.join(tmp, f'{lang}.po')
        r = run(['msgmerge', '--quiet', '--output-file=' + merged, po, pot])
        if r.returncode != 0:
            fail(f'msgmerge {po}:\n{r.stderr}')
        numbers, text = statistics(merged)
        print(f'{lang}.po against the current sources: {text}')
        if numbers['untranslated'] or numbers['fuzzy']:
            for title, flag in (('Untranslated', '--untranslated'), ('Fuzzy', '--only-fuzzy')):
                entries = [e for e in list_entries(merged, flag) if e]
                if entries:
                    print(f'{title}:')
                    for e in entries[:40]:
                        print(f'  {e}')
                    if len(entries) > 40:
                        print(f'  … and {len(entries) - 40} more')
            fail(f'{lang}.po is incomplete: {numbers["untranslated"]} untranslated, '
                 f'{numbers["fuzzy"]} fuzzy. Run po/update-po.sh and translate.')
    print(f'{lang}: complete')


def check_sr_latin(srcdir):
    script = os.path.join(srcdir, 'po', 'sr-latin.py')
    r = run([sys.executable, script, os.path.join(srcdir, 'po', 'sr.po'), '-'])
    if r.returncode != 0:
        fail(f'sr-latin.py failed:\n{r.stderr}')
    with open(os.path.join(srcdir, 'po', 'sr@latin.po'), encoding='utf-8') as f:
        committed = f.read()
    if committed != r.stdout:
        import difflib
        diff = difflib.unified_diff(committed.splitlines(True), r.stdout.splitlines(True),
                                    'po/sr@latin.po (committed)', 'sr-latin.py po/sr.po')
        sys.stdout.writelines(list(diff)[:80])
        fail('po/sr@latin.po is stale: run po/sr-latin.py po/sr.po po/sr@latin.po '
             '(or po/update-po.sh) and commit it')
    print('po/sr@latin.po matches po/sr.po')


def read_list(path):
    if not os.path.exists(path):
        return []
    with open(path, encoding='utf-8') as f:
        return [line.strip() for line in f if line.strip() and not line.startswith('#')]


def check_potfiles(srcdir):
    listed = read_list(os.path.join(srcdir, 'po', 'POTFILES.in'))
    skipped = set(read_list(os.path.join(srcdir, 'po', 'POTFILES.skip')))
    problems = []

    if listed != sorted(listed, key=lambda s: s.encode()):
        problems.append('po/POTFILES.in is not sorted (LC_ALL=C sort)')
    if len(set(listed)) != len(listed):
        problems.append('po/POTFILES.in lists a file twice')
    for path in listed:
        if not os.path.isfile(os.path.join(srcdir, path)):
            problems.append(f'po/POTFILES.in lists {path}, which does not exist')

    missing = []
    for top in ('src', 'ui'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(srcdir, top)):
            dirnames.sort()
            for name in sorted(filenames):
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, srcdir)
                try:
                    with open(path, encoding='utf-8') as f:
                        text = f.read()
                except (UnicodeDecodeError, OSError):
                    continue
                code = COMMENTS.sub('', text) if name.endswith(('.c', '.h')) else text
                if (C_MARK.search(code) or UI_MARK.search(text)) and rel not in listed \
                        and rel not in skipped:
                    missing.append(rel)
    for rel in missing:
        problems.append(f'{rel} has translatable strings but is not in po/POTFILES.in')

    if problems:
        print('\n'.join(problems))
        fail(f'{len(problems)} problem(s) with po/POTFILES.in')
    print(f'po/POTFILES.in lists all {len(listed)} files with translatable strings')


def check_mo(builddir, lang):
    localedir = os.path.join(builddir, 'po')
    mo = os.path.join(localedir, lang, 'LC_MESSAGES', f'{PACKAGE}.mo')
    if not os.path.exists(mo):
        fail(f'{mo} was not built')
    t = gettext.translation(PACKAGE, localedir=localedir, languages=[lang])
    language = t.info().get('language')
    if language != lang:
        fail(f'{mo}: header says Language: {language!r}, expected {lang!r}')
    catalog = getattr(t, '_catalog', {})
    if lang == 'sr@latin' and re.search('[\u0400-\u04ff]', ''.join(catalog.values())):
        fail(f'{mo} still contains Cyrillic letters')
    print(f'{mo}: OK, {len(catalog)} entries')


def check_merged(builddir, lang):
    desktop = os.path.join(builddir, 'data', f'{APP_ID}.desktop')
    metainfo = os.path.join(builddir, 'data', f'{APP_ID}.metainfo.xml')
    with open(desktop, encoding='utf-8') as f:
        text = f.read()
    for key in ('Comment', 'Keywords'):
        if f'\n{key}[{lang}]=' not in text:
            fail(f'{desktop} has no {key}[{lang}]: translate it in po/{lang}.po')
    root = ET.parse(metainfo).getroot()
    lang_attr = '{http://www.w3.org/XML/1998/namespace}lang'
    summaries = [e for e in root.findall('summary') if e.get(lang_attr) == lang]
    if not summaries:
        fail(f'{metainfo} has no <summary xml:lang="{lang}">: translate it in po/{lang}.po')
    print(f'{lang}: desktop entry and metainfo are translated')


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    srcdir, builddir, what, *rest = argv[1:]
    if what == 'catalogue':
        check_catalogue(srcdir, rest[0])
    elif what == 'sr-latin':
        check_sr_latin(srcdir)
    elif what == 'potfiles':
        check_potfiles(srcdir)
    elif what == 'mo':
        check_mo(builddir, rest[0])
    elif what == 'merged':
        check_merged(builddir, rest[0])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main(sys.argv)
