#!/usr/bin/python3
"""Entering a race end to end, through the accessibility bus.

Drives the real app the way a team manager would, with the keyboard only,
finding every widget by its role and accessible name over AT-SPI: Results
(Ctrl+3), round and session chosen in their drop-downs, Edit Results, car
numbers typed in finishing order with Enter after each, laps and race
times or gaps typed into their cells, a +11 s time penalty added through
the penalty form, the standings looked at (Ctrl+4), and the penalty undone
with Ctrl+Z. After each step it reads the labels the app shows (an entry's
text cannot be read back through AT-SPI on GTK 4.8) and compares them
with what the test computes itself from the values it typed.

The season is the one every new database starts with (the GT4 European
Series 2023); an Al Kamel practice classification
(tests/data/alkamel/hockenheim-fp1.csv) gives it eight new cars in two
classes through `paddock-cli import alkamel`, and the race is entered into
round 5's empty Race 1.

Run by meson (suite 'atspi'). It starts itself again under its own
`xvfb-run -a` and `dbus-run-session` (with --inner), so that its key
presses reach only its own window and the accessibility bus is its own.
By hand, from the source folder:

    PADDOCK_APP=build/src/ui/paddock PADDOCK_CLI=build/src/cli/paddock-cli \\
    PADDOCK_FIXTURE=tests/data/alkamel/hockenheim-fp1.csv \\
    GSETTINGS_SCHEMA_DIR=build/data /usr/bin/python3 tests/ui/test-results-atspi.py

or `meson test -C build --suite atspi`.
"""

import ctypes
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

Atspi = GLib = pyatspi = None


def import_atspi():
    """Imported in the inner run only: pyatspi connects to the buses."""
    global Atspi, GLib, pyatspi
    try:
        import gi
        gi.require_version('Atspi', '2.0')
        from gi.repository import Atspi, GLib
        import pyatspi
    except (ImportError, ValueError) as error:
        sys.exit('pyatspi is missing (Debian: python3-pyatspi gir1.2-atspi-2.0, '
                 'see build-aux/setup.sh): %s' % error)

SEASON = 'gt4-european-2023'
ROUND = 5
ROUND_LABEL = 'Round 5 · Hockenheim'
PRACTICE = 'Free Practice 1'
RACE = 'Race 1'

# What the team manager types, in finishing order on the road: car number,
# laps (or None) and race time or gap (the leader's time, gaps to it, one
# car's own time and a car a lap down).
TYPED = [
    ('21', '24', "1:00'10.000"),
    ('44', None, '+1.000'),
    ('31', None, '+3.500'),
    ('23', '24', "1:00'15.200"),
    ('55', None, '+7.900'),
    ('66', None, '+10.400'),
    ('88', None, '+12.600'),
    ('99', None, '1 lap'),
]
PENALISED = '44'
PENALTY_SECONDS = 11

# X keysyms: printable ASCII characters are their own keysym.
KEY_TAB = 0xff09
KEY_RETURN = 0xff0d
KEY_UP = 0xff52
KEY_DOWN = 0xff54
KEY_SPACE = 0x20
CONTROL_MASK = 1 << 2

TIMEOUT = float(os.environ.get('PADDOCK_ATSPI_TIMEOUT', '20'))

# Set by main() and prepare_database().
DATABASE = CHILD_ENV = None
CLASSES = DRIVERS = BASELINE = RACE_POINTS = None


class Failure(Exception):
    pass


START = time.monotonic()


def log(message):
    print('# %6.1f s  %s' % (time.monotonic() - START, message), flush=True)


# ---------------------------------------------------------------------------
# What the test expects, computed from what it types

def parse_race_time(text):
    """h:mm'ss.fff, mm'ss.fff or m:ss.fff, in milliseconds."""
    match = re.fullmatch(r"(?:(\d+):)?(\d+)['’:](\d+(?:\.\d+)?)", text)
    if match is None:
        raise ValueError('not a race time: %r' % text)
    hours = int(match.group(1) or 0)
    minutes = int(match.group(2))
    seconds = float(match.group(3))
    return round(((hours * 60 + minutes) * 60 + seconds) * 1000)


def classify(cars, penalties):
    """The classification of @cars (dicts in typed order, with laps and
    time_ms, either None), the way timing sheets derive it: more laps
    first, then less race time plus time penalties, then typed order.
    Returns the car numbers in order and the class positions."""
    def key(item):
        index, car = item
        laps = car['laps'] if car['laps'] is not None else -1
        time_ms = car['time_ms']
        if time_ms is not None:
            time_ms += penalties.get(car['number'], 0)
        return (-laps, time_ms if time_ms is not None else float('inf'), index)

    order = [car['number'] for _, car in sorted(enumerate(cars), key=key)]
    class_positions = {}
    seen = {}
    for number in order:
        cls = CLASSES[number]
        seen[cls] = seen.get(cls, 0) + 1
        class_positions[number] = seen[cls]
    return order, class_positions


def typed_results():
    """Applies TYPED the way the editor does: a gap counts from the
    leader at the moment it is typed (the first car of the classification
    with a race time), and gives the car the leader's laps."""
    cars = [{'number': number, 'laps': None, 'time_ms': None} for number, _, _ in TYPED]
    by_number = {car['number']: car for car in cars}
    for number, laps, value in TYPED:
        car = by_number[number]
        if laps is not None:
            car['laps'] = int(laps)
        order, _ = classify(cars, {})
        leader = next(by_number[n] for n in order if by_number[n]['time_ms'] is not None) \
            if any(c['time_ms'] is not None for c in cars) else None
        lap_gap = re.fullmatch(r'(\d+) laps?', value)
        if value.startswith('+'):
            car['time_ms'] = leader['time_ms'] + round(float(value[1:]) * 1000)
            if car['laps'] is None:
                car['laps'] = leader['laps']
        elif lap_gap:
            car['laps'] = leader['laps'] - int(lap_gap.group(1))
            car['time_ms'] = None
        else:
            car['time_ms'] = parse_race_time(value)
    return cars


def expected_table(cars, penalties):
    order, class_positions = classify(cars, penalties)
    return {number: (str(i + 1), '%d %s' % (class_positions[number], CLASSES[number]))
            for i, number in enumerate(order)}


def expected_standings(cars, penalties):
    """Drivers' points: the season before the race plus the race's class
    points for each driver of a car."""
    _, class_positions = classify(cars, penalties)
    points = dict(BASELINE)
    for number, position in class_positions.items():
        scored = RACE_POINTS[position - 1] if position <= len(RACE_POINTS) else 0
        for driver in DRIVERS[number]:
            points[driver] = points.get(driver, 0) + scored
    return points


# ---------------------------------------------------------------------------
# The database, prepared with paddock-cli

def cli(*args):
    command = [os.environ['PADDOCK_CLI'], '--database', DATABASE] + list(args)
    done = subprocess.run(command, capture_output=True, text=True, env=CHILD_ENV)
    if done.returncode != 0:
        raise Failure('%s failed (%d): %s%s' % (' '.join(command), done.returncode, done.stdout, done.stderr))
    return done.stdout


def prepare_database():
    global CLASSES, DRIVERS, BASELINE, RACE_POINTS

    cli('import', 'alkamel', os.environ['PADDOCK_FIXTURE'], '--season', SEASON,
        '--round', str(ROUND), '--session', PRACTICE)
    rows = json.loads(cli('results', SEASON, '--round', str(ROUND), '--session', PRACTICE, '--format', 'json'))
    CLASSES = {row['number']: row['class'] for row in rows}
    DRIVERS = {row['number']: row['drivers'] for row in rows}
    for number, _, _ in TYPED:
        if number not in CLASSES:
            raise Failure('car %s is not in the fixture’s entry list' % number)
    if len(set(CLASSES[n] for n, _, _ in TYPED)) < 2:
        raise Failure('the fixture should have cars in two classes')

    race = cli('results', SEASON, '--round', str(ROUND), '--session', RACE, '--format', 'json')
    if json.loads(race):
        raise Failure('round %d %s of %s is expected to be empty in a new database' % (ROUND, RACE, SEASON))

    rules = cli('rules', SEASON)
    match = re.search(r'^\s*Race: ([\d, ]+?), in each class$', rules, re.M)
    if match is None:
        raise Failure('the season’s rules no longer give race points per class:\n' + rules)
    RACE_POINTS = [int(p) for p in match.group(1).split(',')]

    BASELINE = {row['name']: row['points']
                for row in json.loads(cli('standings', SEASON, '--format', 'json'))['standings']}


# ---------------------------------------------------------------------------
# AT-SPI: keys, focus, waiting, reading labels

class App:
    def __init__(self, process):
        self.process = process
        self.root = None
        self.focused = None
        self.focus_events = 0
        self.tables = {}
        pyatspi.Registry.registerEventListener(self._focus_cb, 'object:state-changed:focused')

    def _focus_cb(self, event):
        if event.detail1 == 1:
            self.focused = event.source
            self.focus_events += 1

    def pump(self, seconds=0.0):
        """Lets the events that AT-SPI queued arrive."""
        context = GLib.MainContext.default()
        end = time.monotonic() + seconds
        while True:
            while context.pending():
                context.iteration(False)
            if time.monotonic() >= end:
                break
            time.sleep(0.02)

    def wait(self, check, what, timeout=TIMEOUT, describe=None):
        """Polls @check until it returns something true."""
        end = time.monotonic() + timeout
        last_error = None
        while True:
            self.pump()
            if self.process.poll() is not None:
                raise Failure('the app exited (%d) while waiting for %s' % (self.process.returncode, what))
            try:
                result = check()
                if result:
                    return result
            except (GLib.GError, AttributeError, IndexError) as error:
                last_error = error
            if time.monotonic() >= end:
                detail = describe() if describe else (repr(last_error) if last_error else '')
                raise Failure('timed out after %.0f s waiting for %s%s' % (timeout, what,
                                                                           ('\n' + detail) if detail else ''))
            time.sleep(0.05)

    def find_app(self):
        def lookup():
            desktop = pyatspi.Registry.getDesktop(0)
            for i in range(desktop.childCount):
                child = desktop.getChildAtIndex(i)
                if child is not None and child.name == 'paddock':
                    return child
            return None
        self.root = self.wait(lookup, 'the app on the accessibility bus')
        # GTK 4.8 does not announce every change of name: read live values.
        Atspi.Accessible.set_cache_mask(self.root, Atspi.Cache.NONE)
        log('the app is on the accessibility bus')

    # Keys ------------------------------------------------------------------

    def key(self, keysym):
        pyatspi.Registry.generateKeyboardEvent(keysym, None, pyatspi.KEY_SYM)
        self.pump(0.05)

    def ctrl(self, char):
        pyatspi.Registry.generateKeyboardEvent(CONTROL_MASK, None, pyatspi.KEY_LOCKMODIFIERS)
        try:
            pyatspi.Registry.generateKeyboardEvent(ord(char), None, pyatspi.KEY_SYM)
        finally:
            pyatspi.Registry.generateKeyboardEvent(CONTROL_MASK, None, pyatspi.KEY_UNLOCKMODIFIERS)
        self.pump(0.1)

    def type(self, text):
        for char in text:
            if not ' ' <= char <= '~':
                raise ValueError('only ASCII is typed: %r' % text)
            pyatspi.Registry.generateKeyboardEvent(ord(char), None, pyatspi.KEY_SYM)
        self.pump(0.05)

    # Finding widgets -------------------------------------------------------

    def find_all(self, root, predicate, first=False):
        """The widgets under @root that @predicate accepts, depth first;
        with @first, only the first one (a walk of the whole window takes
        seconds: every property is a D-Bus call)."""
        found = []

        def walk(node):
            try:
                if predicate(node):
                    found.append(node)
                    if first:
                        return True
                for i in range(node.childCount):
                    child = node.getChildAtIndex(i)
                    if child is not None and walk(child):
                        return True
            except GLib.GError:
                pass  # a widget that went away while we looked
            return False
        walk(root)
        return found

    def find(self, role, name, root=None):
        matches = self.find_all(root or self.root,
                                lambda n: n.getRoleName() == role and names_match(n.name, name), first=True)
        return matches[0] if matches else None

    def describe_focus(self):
        return 'focus is on %s' % describe(self.focused)

    def tab_to(self, predicate, what, limit=150):
        """Presses Tab until the focused widget is the one wanted."""
        for _ in range(limit):
            if self.focused is not None and safe(lambda: predicate(self.focused)):
                return self.focused
            events = self.focus_events
            self.key(KEY_TAB)
            try:
                self.wait(lambda: self.focus_events != events, 'the focus to move on Tab', timeout=3)
            except Failure:
                pass  # a Tab that moves nowhere is tried again, up to the limit
        raise Failure('Tab never reached %s; %s' % (what, self.describe_focus()))

    def choose(self, combo_name, item):
        """Chooses @item in the drop-down named @combo_name, by keyboard:
        Tab to it, Space to open it, arrows to the item, Enter."""
        log('choosing %s in %s' % (item, combo_name))
        self.tab_to(lambda f: f.getRoleName() == 'push button' and f.parent.getRoleName() == 'combo box'
                    and names_match(f.parent.name, combo_name), 'the drop-down “%s”' % combo_name)
        combo = self.focused.parent
        self.key(KEY_SPACE)
        self.wait(lambda: self.focused.getRoleName() == 'list item', 'the list of “%s” to open' % combo_name,
                  describe=self.describe_focus)
        for _ in range(100):
            items = [self.focused.parent.getChildAtIndex(i) for i in range(self.focused.parent.childCount)]
            labels = [first_label(i) for i in items]
            current = first_label(self.focused)
            if current == item:
                break
            if item not in labels:
                raise Failure('“%s” is not in the drop-down “%s”: %s' % (item, combo_name, labels))
            events = self.focus_events
            self.key(KEY_DOWN if labels.index(item) > labels.index(current) else KEY_UP)
            self.wait(lambda: self.focus_events != events, 'an arrow key to move in “%s”' % combo_name)
        self.key(KEY_RETURN)
        self.wait(lambda: item in [l.name for l in self.find_all(combo, lambda n: n.getRoleName() == 'label')]
                  and self.focused.getRoleName() != 'list item',
                  '“%s” to show %s' % (combo_name, item))

    def press_button(self, name):
        self.tab_to(lambda f: f.getRoleName() in ('push button', 'toggle button') and names_match(f.name, name),
                    'the button “%s”' % name)
        self.key(KEY_SPACE)

    def fill(self, name, text, enter=True):
        """Types @text into the entry (or cell) named @name."""
        self.tab_to(lambda f: f.getRoleName() == 'text' and f.name == name, 'the field “%s”' % name)
        self.type(text)
        if enter:
            self.key(KEY_RETURN)

    # Reading tables --------------------------------------------------------

    def read_table(self, table_name, key_column, columns):
        """The labels of a GtkColumnView (header row, then a list of rows
        of cells): {key: {column: label}}. Only the realized rows are
        there, which is every row of these tables."""
        # The GtkColumnView stays for the life of its view; its rows change.
        table = self.tables.get(table_name)
        if table is None:
            table = self.find('tree table', table_name)
            if table is None:
                raise Failure('no table “%s”' % table_name)
            self.tables[table_name] = table
        header = table.getChildAtIndex(0)
        titles = [first_label(header.getChildAtIndex(i)) for i in range(header.childCount)]
        for title in [key_column] + columns:
            if title not in titles:
                raise Failure('the table “%s” has no column “%s”: %s' % (table_name, title, titles))
        body = table.getChildAtIndex(1)
        rows = {}
        for r in range(body.childCount):
            row = body.getChildAtIndex(r)
            if row.childCount != len(titles):
                continue
            # Only the cells wanted: every property read is a D-Bus call.
            record = {title: cell_text(row.getChildAtIndex(titles.index(title)))
                      for title in [key_column] + columns}
            key = record[key_column]
            if not key:
                continue
            if key in rows:
                return None  # rows being rebuilt: read again
            rows[key] = {c: record[c] for c in columns}
        return rows


def names_match(actual, wanted):
    """GTK 4.8 names a button with a mnemonic "_Label Label"."""
    return actual == wanted or actual.endswith(' ' + wanted)


def safe(function):
    try:
        return function()
    except (GLib.GError, AttributeError):
        return False


def describe(node):
    if node is None:
        return 'nothing'
    try:
        return '[%s] “%s” in [%s] “%s”' % (node.getRoleName(), node.name,
                                         node.parent.getRoleName(), node.parent.name)
    except (GLib.GError, AttributeError) as error:
        return 'a widget that went away (%s)' % error


def first_label(node):
    if node.getRoleName() == 'label':
        return node.name
    for i in range(node.childCount):
        found = first_label(node.getChildAtIndex(i))
        if found is not None:
            return found
    return None


def cell_text(cell):
    """A cell's label; an unset GtkLabel is named after its type."""
    text = first_label(cell)
    if text is None or text == 'GtkLabel':
        return ''
    return text


# ---------------------------------------------------------------------------
# The steps

def check_results(app, expected, penalty_text, when):
    log('checking the positions shown %s' % when)
    shown = {}

    def matches():
        nonlocal shown
        shown = app.read_table('Results being entered', 'No.', ['Pos.', 'Class', 'Penalties']) or {}
        return (set(shown) == set(expected)
                and all((shown[n]['Pos.'], shown[n]['Class']) == expected[n] for n in expected)
                and shown[PENALISED]['Penalties'] == penalty_text)

    def explain():
        lines = ['car  expected (pos., class)   shown (pos., class, penalties)']
        for number in sorted(set(expected) | set(shown), key=lambda n: int(expected.get(n, ('99',))[0])):
            lines.append('#%-3s %-24s %s' % (number, expected.get(number),
                                             tuple(shown[number].values()) if number in shown else 'not shown'))
        lines.append('expected penalties of #%s: “%s”' % (PENALISED, penalty_text))
        return '\n'.join(lines)

    app.wait(matches, 'the results table %s' % when, describe=explain)


def check_standings(app, expected, when):
    log('checking the standings shown %s' % when)
    app.ctrl('4')
    shown = {}
    ours = sorted({driver for drivers in DRIVERS.values() for driver in drivers})

    def matches():
        nonlocal shown
        shown = app.read_table('Standings', 'Name', ['Points']) or {}
        if not all(d in shown for d in ours):
            return False
        return all(abs(parse_points(shown[name]['Points']) - points) < 1e-6
                   for name, points in expected.items() if name in shown)

    def explain():
        lines = ['driver                     expected  shown']
        for name in sorted(expected, key=lambda n: -expected[n]):
            value = shown[name]['Points'] if name in shown else 'not shown'
            mark = '' if name in shown and abs(parse_points(value) - expected[name]) < 1e-6 else '   <--'
            lines.append('%-26s %8g  %s%s' % (name, expected[name], value, mark))
        return '\n'.join(lines)

    app.wait(matches, 'the standings %s' % when, describe=explain)
    app.ctrl('3')


def parse_points(text):
    return float(text.replace(',', '.')) if text else 0.0


def screenshot(name):
    directory = os.environ.get('PADDOCK_SCREENSHOT_DIR')
    tool = shutil.which('import')
    if directory and tool:
        subprocess.run([tool, '-window', 'root', os.path.join(directory, name)],
                       env=CHILD_ENV, capture_output=True, timeout=30)


def run(app):
    cars = typed_results()
    road = expected_table(cars, {})
    penalised = expected_table(cars, {PENALISED: PENALTY_SECONDS * 1000})
    if road[PENALISED][0] == penalised[PENALISED][0] or road[PENALISED][1] == penalised[PENALISED][1]:
        raise Failure('the penalty should move car %s overall and in class; the test data are wrong' % PENALISED)
    if expected_standings(cars, {}) == expected_standings(cars, {PENALISED: PENALTY_SECONDS * 1000}):
        raise Failure('the penalty should change the standings; the test data are wrong')

    app.find_app()
    app.wait(lambda: app.find('combo box', 'Round') is not None, 'the Results view to be built')

    # Results, round 5, Race 1, Edit Results.
    log('Ctrl+3: Results')
    app.ctrl('3')
    switcher = app.find_all(app.root, lambda n: n.getRoleName() == 'page tab list', first=True)[0]
    app.wait(lambda: any(t.name == 'Results' and t.getState().contains(pyatspi.STATE_SELECTED)
                         for t in (switcher.getChildAtIndex(i) for i in range(switcher.childCount))),
             'the Results view')
    app.choose('Round', ROUND_LABEL)
    app.choose('Session', RACE)
    app.press_button('Edit Results')
    app.wait(lambda: app.read_table('Results being entered', 'No.', []) == {},
             'an empty results editor for %s' % RACE)

    # Car numbers in finishing order, Enter after each.
    app.tab_to(lambda f: f.getRoleName() == 'text' and f.name == 'Car number, then Enter', 'the car number field')
    for number, _, _ in TYPED:
        log('car %s, Enter' % number)
        app.type(number)
        app.key(KEY_RETURN)
        app.wait(lambda: number in (app.read_table('Results being entered', 'No.', []) or {}),
                 'car %s in the table' % number)

    # Laps and race times or gaps, in their cells.
    for number, laps, value in TYPED:
        if laps is not None:
            log('laps of %s: %s' % (number, laps))
            app.fill('Laps, %s' % number, laps)
        log('time or gap of %s: %s' % (number, value))
        app.fill('Time or Gap, %s' % number, value)
    check_results(app, road, '', 'after the race was typed')
    check_standings(app, expected_standings(cars, {}), 'after the race')

    # The stewards: +11 s for one car.
    log('penalty: car %s, +%d s' % (PENALISED, PENALTY_SECONDS))
    app.choose('Car', PENALISED)
    app.choose('Kind of penalty', 'Time penalty')
    app.fill('Seconds or places', str(PENALTY_SECONDS), enter=False)
    app.fill('Reason', 'Pit stop under the minimum time', enter=False)
    app.press_button('Add Penalty')
    check_results(app, penalised, '+%d.000' % PENALTY_SECONDS, 'after the penalty')
    moved = 'Car %s: %s → %s overall, %s → %s in class' % (
        PENALISED, road[PENALISED][0], penalised[PENALISED][0],
        road[PENALISED][1].split()[0], penalised[PENALISED][1].split()[0])
    editor = app.tables['Results being entered'].parent.parent
    app.wait(lambda: app.find('label', moved, root=editor) is not None, 'the message “%s”' % moved,
             describe=lambda: 'labels shown: %s' % [l.name for l in app.find_all(
                 editor, lambda n: n.getRoleName() == 'label' and n.parent.getRoleName() != 'table cell')])
    screenshot('results-atspi.png')
    check_standings(app, expected_standings(cars, {PENALISED: PENALTY_SECONDS * 1000}), 'after the penalty')

    # Undo: the focus back in the editor (on Add Penalty), then Ctrl+Z.
    log('Ctrl+Z')
    app.tab_to(lambda f: names_match(f.name, 'Add Penalty'), 'the Add Penalty button')
    app.ctrl('z')
    check_results(app, road, '', 'after undoing the penalty')
    check_standings(app, expected_standings(cars, {}), 'after undoing the penalty')

    log('Ctrl+Q')
    app.ctrl('q')
    try:
        app.process.wait(timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        raise Failure('the app did not quit on Ctrl+Q')
    if app.process.returncode != 0:
        raise Failure('the app exited with %d' % app.process.returncode)


# The inner run's exit status when its X display cannot be opened.
NO_DISPLAY = 75


def display_works():
    """Whether $DISPLAY opens. Two xvfb-run -a started at the same moment
    (another test run on the same machine) can pick the same display
    number; the one whose Xvfb lost gets a display it cannot open."""
    try:
        x11 = ctypes.CDLL('libX11.so.6')
    except OSError:
        return True  # the app will say what is wrong
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    display = x11.XOpenDisplay(None)
    if not display:
        return False
    x11.XCloseDisplay(display)
    return True


def outer():
    """Runs this file again under its own Xvfb and session bus, again
    (up to three times) if the display it got was not its own or went
    away."""
    for attempt in range(3):
        # xvfb-run -a takes the first free display from the number given;
        # a random start keeps clear of the other runs, which start at 99.
        # -noreset: an X server resets when its last client leaves, and
        # refuses connections while it does; libatspi opens and closes the
        # display as it looks for the accessibility bus, just as the app
        # starts.
        command = ['xvfb-run', '-a', '-n', str(random.randrange(200, 900)),
                   '-s', '-screen 0 1280x800x24 -noreset',
                   'dbus-run-session', '--', sys.executable, os.path.abspath(__file__), '--inner']
        status = subprocess.call(command)
        if status != NO_DISPLAY:
            return status
        log('the X display could not be opened; again with another one')
    print('FAIL: no X display could be opened under xvfb-run -a', flush=True)
    return 1


def main():
    global DATABASE, CHILD_ENV

    for variable in ('PADDOCK_APP', 'PADDOCK_CLI', 'PADDOCK_FIXTURE'):
        if not os.environ.get(variable):
            sys.exit('%s is not set (meson sets it; see the top of this file)' % variable)
    if sys.argv[1:] != ['--inner']:
        return outer()
    if not os.environ.get('DISPLAY') or not os.environ.get('DBUS_SESSION_BUS_ADDRESS'):
        sys.exit('--inner runs under xvfb-run -a and dbus-run-session')
    if not display_works():
        return NO_DISPLAY
    import_atspi()

    workdir = tempfile.mkdtemp(prefix='paddock-atspi-')
    DATABASE = os.path.join(workdir, 'paddock.db')
    CHILD_ENV = dict(os.environ)
    # GTK talks AT-SPI itself; the other app tests switch that off.
    CHILD_ENV.pop('NO_AT_BRIDGE', None)
    CHILD_ENV.update({
        'PADDOCK_DATABASE': DATABASE,
        'PADDOCK_NOW': '2023-09-30T12:00:00Z',
        'LC_ALL': 'en_US.UTF-8',
        'LANGUAGE': '',
        'GSK_RENDERER': 'cairo',
        'GSETTINGS_BACKEND': 'memory',
        'TZ': 'America/New_York',
    })

    process = None
    status = 0
    try:
        prepare_database()
        log('starting %s' % os.environ['PADDOCK_APP'])
        process = subprocess.Popen([os.environ['PADDOCK_APP']], env=CHILD_ENV)
        run(App(process))
        print('ok - a race entered, a +%d s penalty and its undo, seen in the results and standings'
              % PENALTY_SECONDS)
    except Failure as failure:
        if display_works():
            screenshot('results-atspi-failure.png')
            print('FAIL: %s' % failure, flush=True)
            status = 1
        else:
            print('# the X display went away (%s)' % failure, flush=True)
            status = NO_DISPLAY
    finally:
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(workdir, ignore_errors=True)
    return status


if __name__ == '__main__':
    sys.exit(main())
