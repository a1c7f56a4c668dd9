#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that each screenshot the metainfo points at in this repository is in the tree
as a PNG of a sensible size. Skips (exit 77) while a screenshot has not been added yet.

Usage: check-screenshots.py SRCDIR METAINFO.xml.in
"""

import os
import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = 'https://raw.githubusercontent.com/frontdesk/frontdesk/main/'


def main(srcdir, metainfo):
    images = [e.text.strip() for e in ET.parse(metainfo).getroot().iter('image') if e.text]
    if not images:
        print('FAIL: the metainfo has no screenshot')
        return 1
    missing = []
    for url in images:
        if not url.startswith(PREFIX):
            print(f'FAIL: {url} does not point into this repository ({PREFIX}…)')
            return 1
        path = os.path.join(srcdir, url[len(PREFIX):])
        if not os.path.exists(path):
            missing.append(os.path.relpath(path, srcdir))
            continue
        with open(path, 'rb') as f:
            head = f.read(24)
        if head[:8] != b'\x89PNG\r\n\x1a\n':
            print(f'FAIL: {path} is not a PNG')
            return 1
        width, height = struct.unpack('>II', head[16:24])
        if width < 360 or height < 360 or width > 3840 or height > 2160:
            print(f'FAIL: {path} is {width}x{height}; expected 360x360 to 3840x2160')
            return 1
        print(f'{os.path.relpath(path, srcdir)}: {width}x{height} PNG')
    if missing:
        print('SKIP: not added yet: ' + ', '.join(missing))
        return 77
    return 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
