#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Unit tests for po/sr-latin.py, the Serbian Cyrillic to Latin transliterator."""

import importlib.util
import os
import sys
import unittest

srcdir = sys.argv.pop(1) if len(sys.argv) > 1 else os.environ['FRONTDESK_SOURCE_DIR']
spec = importlib.util.spec_from_file_location('sr_latin', os.path.join(srcdir, 'po', 'sr-latin.py'))
sr_latin = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sr_latin)


def convert(text):
    return ''.join(sr_latin.convert(text.splitlines(True)))


class Letters(unittest.TestCase):
    def test_alphabet(self):
        self.assertEqual(sr_latin.latin('абвгдђежзијклљмнњопрстћуфхцчџш'),
                         'abvgdđežzijklljmnnjoprstćufhcčdžš')
        self.assertEqual(sr_latin.latin('АБВГДЂЕЖЗИЈКЛМНОПРСТЋУФХЦЧШ'),
                         'ABVGDĐEŽZIJKLMNOPRSTĆUFHCČŠ')

    def test_digraphs(self):
        self.assertEqual(sr_latin.latin('Љубав Његош Џеп'), 'Ljubav Njegoš Džep')
        self.assertEqual(sr_latin.latin('ЉУБАВ ЊЕГОШ ЏЕП'), 'LJUBAV NJEGOŠ DŽEP')
        self.assertEqual(sr_latin.latin('КОЊ ПОЉЕ Коњ'), 'KONJ POLJE Konj')
        self.assertEqual(sr_latin.latin('Љ'), 'Lj')

    def test_other_text_unchanged(self):
        self.assertEqual(sr_latin.latin('Frontdesk 1.0 — “ok”'), 'Frontdesk 1.0 — “ok”')


class Protected(unittest.TestCase):
    def test_printf(self):
        self.assertEqual(sr_latin.latin('%s клијент %d %\'d %1$s %2$d %-5.2f %lld %%'),
                         '%s klijent %d %\'d %1$s %2$d %-5.2f %lld %%')

    def test_markup_and_escapes(self):
        self.assertEqual(sr_latin.latin('<b>Име</b> <a href="x">веза</a> &amp; ред\\nнови \\"цитат\\"'),
                         '<b>Ime</b> <a href="x">veza</a> &amp; red\\nnovi \\"citat\\"')


class Files(unittest.TestCase):
    def test_only_translations_change(self):
        po = ('# Коментар\n'
              'msgid ""\n'
              'msgstr ""\n'
              '"Last-Translator: Ђорђе <djordje@example.org>\\n"\n'
              '"Language: sr\\n"\n'
              '\n'
              '#. Translators: нешто\n'
              'msgctxt "контекст"\n'
              'msgid "Клијент %s"\n'
              'msgstr "Клијент %s"\n'
              '\n'
              'msgid ""\n'
              '"Два "\n'
              '"реда"\n'
              'msgid_plural "више"\n'
              'msgstr[0] ""\n'
              '"%d клијент"\n'
              'msgstr[1] "%d клијента"\n'
              '\n'
              '#~ msgid "старо"\n'
              '#~ msgstr "старо"\n')
        want = ('# Коментар\n'
                'msgid ""\n'
                'msgstr ""\n'
                '"Last-Translator: Đorđe <djordje@example.org>\\n"\n'
                '"Language: sr@latin\\n"\n'
                '\n'
                '#. Translators: нешто\n'
                'msgctxt "контекст"\n'
                'msgid "Клијент %s"\n'
                'msgstr "Klijent %s"\n'
                '\n'
                'msgid ""\n'
                '"Два "\n'
                '"реда"\n'
                'msgid_plural "више"\n'
                'msgstr[0] ""\n'
                '"%d klijent"\n'
                'msgstr[1] "%d klijenta"\n'
                '\n'
                '#~ msgid "старо"\n'
                '#~ msgstr "staro"\n')
        self.assertEqual(convert(po), want)

    def test_msgctxt_with_empty_msgid_is_not_a_header(self):
        po = 'msgctxt "x"\nmsgid ""\nmsgstr ""\n"Language: ср\\n"\n'
        self.assertEqual(convert(po), 'msgctxt "x"\nmsgid ""\nmsgstr ""\n"Language: sr\\n"\n')


if __name__ == '__main__':
    unittest.main(verbosity=2)
