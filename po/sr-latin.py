#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Make the Serbian Latin catalogue (sr@latin.po) from the Cyrillic one (sr.po).

Usage: sr-latin.py INPUT.po OUTPUT.po   (OUTPUT may be - for standard output)

Only translations change: the text of msgstr and msgstr[N] strings (obsolete "#~" ones
too). msgid, msgid_plural, msgctxt and comments are copied unchanged. Inside a
translation, printf conversions (%s, %d, %'d, %1$s, %%, …), markup tags (<b>, </a>,
<a href="…">), entities (&amp;, &#8230;) and backslash escapes (\\n) are left alone. In the
header only the field values change, and Language becomes sr@latin.

Љ, Њ and Џ become Lj, Nj and Dž, or LJ, NJ and DŽ when the letter after them is
uppercase, or when no letter follows and the one before is uppercase ("КОЊ" → "KONJ").

The build runs this to make the sr@latin .mo file; po/update-po.sh runs it to refresh
the committed po/sr@latin.po, and tests/i18n checks that the two agree.
"""

import re
import sys

LOWER = {
    'а': 'a', 'б': 'b', 'в': 'v', 'г': 'g', 'д': 'd', 'ђ': 'đ', 'е': 'e', 'ж': 'ž',
    'з': 'z', 'и': 'i', 'ј': 'j', 'к': 'k', 'л': 'l', 'љ': 'lj', 'м': 'm', 'н': 'n',
    'њ': 'nj', 'о': 'o', 'п': 'p', 'р': 'r', 'с': 's', 'т': 't', 'ћ': 'ć', 'у': 'u',
    'ф': 'f', 'х': 'h', 'ц': 'c', 'ч': 'č', 'џ': 'dž', 'ш': 'š',
}
UPPER = {c.upper(): v[0].upper() + v[1:] for c, v in LOWER.items()}
DIGRAPHS = {'Љ': 'LJ', 'Њ': 'NJ', 'Џ': 'DŽ'}
TABLE = {**LOWER, **UPPER}

# Runs of a translation that are copied unchanged.
PROTECTED = re.compile(r'''
    %%                                              # a literal percent sign
  | %(?:\d+\$)?[-+ #0']*(?:\d+|\*)?(?:\.(?:\d+|\*)?)?
     (?:hh|h|ll|l|L|q|j|z|Z|t|I64|I32|I)?[diouxXeEfFgGaAcCsSpn]   # printf conversion
  | </?[A-Za-z][^<>]*>                              # markup tag
  | &(?:[A-Za-z][A-Za-z0-9]*|\#[0-9]+|\#x[0-9A-Fa-f]+);  # entity
  | \\(?:[0-7]{1,3}|x[0-9A-Fa-f]+|.)                # backslash escape in a PO string
''', re.VERBOSE)


def latin_text(text):
    """Transliterates plain text: no placeholders or markup in it."""
    out = []
    for i, ch in enumerate(text):
        if ch in DIGRAPHS:
            after = text[i + 1] if i + 1 < len(text) else ''
            before = text[i - 1] if i > 0 else ''
            if after.isalpha():
                shout = after.isupper()
            else:
                shout = before.isalpha() and before.isupper()
            out.append(DIGRAPHS[ch] if shout else TABLE[ch])
        else:
            out.append(TABLE.get(ch, ch))
    return ''.join(out)


def latin(text):
    """Transliterates the inside of a PO string, leaving protected runs alone."""
    out, at = [], 0
    for m in PROTECTED.finditer(text):
        out.append(latin_text(text[at:m.start()]))
        out.append(m.group(0))
        at = m.end()
    out.append(latin_text(text[at:]))
    return ''.join(out)


def latin_header(text):
    """Transliterates one line of the header (inside its quotes): the value, not the name."""
    m = re.match(r'([A-Za-z0-9-]+):( ?)(.*)$', text)
    if not m:
        return latin(text)
    name, space, value = m.groups()
    if name == 'Language':
        nl = '\\n' if value.endswith('\\n') else ''
        return f'{name}:{space}sr@latin{nl}'
    return f'{name}:{space}{latin(value)}'


STRING = re.compile(r'^(?P<lead>(?:#~ )?(?:(?P<key>msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?) )?)"(?P<body>.*)"(?P<tail>\s*)$')


def convert(lines):
    out = []
    key = None            # the keyword the current string belongs to
    header = False        # inside the header's msgstr
    msgid_empty = False   # the current entry's msgid is ""
    msgid_seen_text = False
    msgctxt = False
    for line in lines:
        m = STRING.match(line)
        if not m:
            if not line.strip():
                key, header, msgid_empty, msgctxt = None, False, False, False
            out.append(line)
            continue
        if m.group('key'):
            key = m.group('key')
            if key == 'msgctxt':
                msgctxt = True
            elif key == 'msgid':
                msgid_empty = m.group('body') == ''
                msgid_seen_text = False
            elif key.startswith('msgstr'):
                header = msgid_empty and not msgid_seen_text and not msgctxt
        elif key == 'msgid' and m.group('body'):
            msgid_seen_text = True
        body = m.group('body')
        if key and key.startswith('msgstr'):
            body = latin_header(body) if header else latin(body)
        out.append(f'{m.group("lead")}"{body}"{m.group("tail")}')
    return out


NOTE = '# This file is generated from sr.po by po/sr-latin.py: edit sr.po instead.\n'


def main(argv):
    if len(argv) != 3:
        sys.exit(f'usage: {argv[0]} INPUT.po OUTPUT.po')
    with open(argv[1], encoding='utf-8') as f:
        lines = f.read().splitlines(keepends=True)
    result = [NOTE] + convert(lines)
    if argv[2] == '-':
        sys.stdout.reconfigure(encoding='utf-8')
        sys.stdout.write(''.join(result))
    else:
        with open(argv[2], 'w', encoding='utf-8', newline='') as f:
            f.write(''.join(result))


if __name__ == '__main__':
    main(sys.argv)
