#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the app icons: each SVG parses, has the right canvas, renders with
gdk-pixbuf (librsvg) to a PNG that is not empty, and the symbolic one uses one colour.

Usage: check-icons.py GDK_PIXBUF_THUMBNAILER OUTDIR ICON.svg...
"""

import os
import re
import struct
import subprocess
import sys
import xml.etree.ElementTree as ET

SVG = '{http://www.w3.org/2000/svg}'
SYMBOLIC_COLOURS = {'#2e3436', '#222222', '#000000', 'none', 'currentcolor'}


def fail(message):
    print(f'FAIL: {message}')
    sys.exit(1)


def check(thumbnailer, outdir, path):
    name = os.path.basename(path)
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        fail(f'{name} is not well-formed XML: {e}')
    if root.tag != SVG + 'svg':
        fail(f'{name}: the root element is {root.tag}, not an SVG <svg>')

    symbolic = name.endswith('-symbolic.svg')
    size = 16 if symbolic else 128
    if root.get('viewBox', '').split() != ['0', '0', str(size), str(size)]:
        fail(f'{name}: viewBox is {root.get("viewBox")!r}, expected "0 0 {size} {size}"')
    for attr in ('width', 'height'):
        if root.get(attr) not in (None, str(size), f'{size}px'):
            fail(f'{name}: {attr} is {root.get(attr)!r}, expected {size}')

    if symbolic:
        colours = set()
        for element in root.iter():
            for attr in ('fill', 'stroke'):
                if element.get(attr):
                    colours.add(element.get(attr).lower())
            for m in re.finditer(r'(?:fill|stroke)\s*:\s*([^;]+)', element.get('style', '')):
                colours.add(m.group(1).strip().lower())
        if not colours <= SYMBOLIC_COLOURS:
            fail(f'{name}: a symbolic icon must be one colour (#2e3436), found {sorted(colours)}')
        if root.find(f'.//{SVG}linearGradient') is not None or root.find(f'.//{SVG}radialGradient') is not None:
            fail(f'{name}: a symbolic icon must not use gradients')

    png = os.path.join(outdir, name + '.check.png')
    if os.path.exists(png):
        os.unlink(png)
    r = subprocess.run([thumbnailer, '-s', '128', path, png], capture_output=True, text=True)
    if r.returncode != 0 or not os.path.exists(png):
        fail(f'{name}: gdk-pixbuf could not render it: {r.stderr.strip()}')
    with open(png, 'rb') as f:
        head = f.read(24)
    if head[:8] != b'\x89PNG\r\n\x1a\n':
        fail(f'{name}: the rendering is not a PNG')
    width, height = struct.unpack('>II', head[16:24])
    if (width, height) != (128, 128):
        fail(f'{name}: rendered at {width}x{height}, expected 128x128')
    os.unlink(png)
    print(f'{name}: OK')


def main(argv):
    if len(argv) < 4:
        sys.exit(__doc__)
    thumbnailer, outdir, *icons = argv[1:]
    for icon in icons:
        check(thumbnailer, outdir, icon)


if __name__ == '__main__':
    main(sys.argv)
