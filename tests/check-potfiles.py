#!/usr/bin/python3
"""Checks po/POTFILES.in against the sources.

Usage: check-potfiles.py SOURCE_ROOT

Every file under src/ (C sources and headers, GtkBuilder .ui files) that
marks a string for translation, and every desktop and AppStream template
under data/ (all of their names and descriptions are translatable), must
be listed; every listed file must exist; the list must be sorted and have
no duplicates. Prints each difference and exits 1 if there is any.
"""

import os
import re
import sys

# The keywords of meson's glib preset, plus plain gettext's.
C_MARKERS = re.compile(r'(?<![A-Za-z0-9_])(_|N_|C_|NC_|Q_|g_dgettext|g_dngettext|g_dcgettext|g_dpgettext2|'
                       r'ngettext|dngettext|gettext|dgettext|pgettext)\s*\(')
UI_MARKER = re.compile(r'translatable\s*=\s*"(yes|true|1)"')
DATA_PATTERNS = ('.desktop.in.in', '.desktop.in', '.metainfo.xml.in.in', '.metainfo.xml.in',
                 '.appdata.xml.in.in', '.appdata.xml.in')


def strip_c_comments(text):
    """Removes comments and string contents that could hold a marker."""
    out = []
    i, n = 0, len(text)
    while i < n:
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = n if j < 0 else j + 2
        elif text.startswith('//', i):
            j = text.find('\n', i)
            i = n if j < 0 else j
        elif text[i] in '"\'':
            quote = text[i]
            j = i + 1
            while j < n and text[j] != quote:
                j += 2 if text[j] == '\\' else 1
            out.append(quote + quote)
            i = j + 1
        else:
            out.append(text[i])
            i += 1
    return ''.join(out)


def needs_translation(root, rel):
    path = os.path.join(root, rel)
    with open(path, encoding='utf-8', errors='replace') as f:
        text = f.read()
    if rel.endswith(('.c', '.h')):
        return C_MARKERS.search(strip_c_comments(text)) is not None
    if rel.endswith('.ui'):
        return UI_MARKER.search(text) is not None
    return rel.endswith(DATA_PATTERNS)


def candidates(root):
    found = []
    for top in ('src', 'data'):
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, top)):
            dirnames.sort()
            for name in sorted(filenames):
                rel = os.path.relpath(os.path.join(dirpath, name), root)
                if top == 'src' and name.endswith(('.c', '.h', '.ui')):
                    found.append(rel)
                elif top == 'data' and name.endswith(DATA_PATTERNS):
                    found.append(rel)
    return found


def read_potfiles(root):
    entries = []
    with open(os.path.join(root, 'po', 'POTFILES.in'), encoding='utf-8') as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith('#'):
                entries.append(line)
    return entries


def main():
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = sys.argv[1]
    listed = read_potfiles(root)
    wanted = [rel for rel in candidates(root) if needs_translation(root, rel)]
    problems = []

    for rel in wanted:
        if rel not in listed:
            problems.append('missing from po/POTFILES.in: %s' % rel)
    for rel in listed:
        if not os.path.isfile(os.path.join(root, rel)):
            problems.append('listed in po/POTFILES.in but does not exist: %s' % rel)
    seen = set()
    for rel in listed:
        if rel in seen:
            problems.append('listed twice in po/POTFILES.in: %s' % rel)
        seen.add(rel)
    if listed != sorted(listed):
        for a, b in zip(listed, listed[1:]):
            if a > b:
                problems.append('po/POTFILES.in is not sorted: %s comes before %s' % (a, b))
    for rel in listed:
        if os.path.isfile(os.path.join(root, rel)) and rel not in wanted:
            # Harmless, but worth knowing.
            print('note: %s is listed but has no translatable strings' % rel)

    for p in problems:
        print(p)
    if problems:
        print('%d problem(s) with po/POTFILES.in' % len(problems))
        return 1
    print('po/POTFILES.in lists all %d files with translatable strings' % len(wanted))
    return 0


if __name__ == '__main__':
    sys.exit(main())
