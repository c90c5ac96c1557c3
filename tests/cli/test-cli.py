#!/usr/bin/python3
"""Tests of paddock-cli, through the real binary.

Run as: test-cli.py [TestCaseName ...], with PADDOCK_CLI set to the
binary (meson does this; see tests/meson.build). Every test works on a
database of its own in a temporary folder, with LC_ALL=en_US.UTF-8 unless
it tests Swedish.

Expected values come from the sources, not from the program: Barcelona's
times are the Swedish release's ("alla tidsangivelser avser svensk tid":
Race 1 at 16:50 CEST = 14:50 UTC; Barcelona is in Europe/Madrid, also
CEST then; New York is on EDT, -04:00, until 5 November 2023); Spa's
times were not published.
"""

import csv
import gettext
import io
import json
import os
import re
import shutil
import sqlite3
import struct
import subprocess
import sys
import tempfile
import unittest
import xml.etree.ElementTree as ET

CLI = os.environ.get('PADDOCK_CLI')
LOCALEDIR = os.environ.get('PADDOCK_LOCALEDIR')
SEASON = 'gt4-european-2023'

REQUIRED_KEYS = ('round', 'round_name', 'circuit', 'session', 'kind', 'start_utc',
                 'start_track', 'track_zone', 'start_local', 'duration_min',
                 'driver_change', 'status')
UTC_RE = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$')
OFFSET_RE = re.compile(r'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$')


class CliTestCase(unittest.TestCase):
    """A temporary folder with a database path, and ways to run the tool."""

    def setUp(self):
        if not CLI or not os.access(CLI, os.X_OK):
            self.fail('PADDOCK_CLI must name the paddock-cli binary (got %r)' % CLI)
        self.tmp = tempfile.mkdtemp(prefix='paddock-cli-test-')
        self.addCleanup(shutil.rmtree, self.tmp, True)
        self.db = os.path.join(self.tmp, 'paddock.db')
        self.data_home = os.path.join(self.tmp, 'xdg-data')

    def env(self, **extra):
        """The environment of the tool: nothing of the user's own set-up."""
        env = {k: v for k, v in os.environ.items()
               if not k.startswith('LC_') and k not in (
                   'LANG', 'LANGUAGE', 'PADDOCK_DATABASE', 'XDG_DATA_HOME', 'TZ')}
        env.update({
            'LC_ALL': 'en_US.UTF-8',
            'HOME': self.tmp,
            'XDG_DATA_HOME': self.data_home,
            # The user's zone, for "start_local" when --tz is not given.
            'TZ': 'Europe/Stockholm',
            'G_DEBUG': 'fatal-warnings',
        })
        if LOCALEDIR:
            env['PADDOCK_LOCALEDIR'] = LOCALEDIR
        for k, v in extra.items():
            if v is None:
                env.pop(k, None)
            else:
                env[k] = v
        return env

    def run_cli(self, *args, env=None, database=True):
        argv = [CLI]
        if database:
            argv += ['--database', self.db]
        argv += list(args)
        proc = subprocess.run(argv, env=env if env is not None else self.env(),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=60, check=False)
        return proc.returncode, proc.stdout.decode('utf-8'), proc.stderr.decode('utf-8')

    def ok(self, *args, **kwargs):
        code, out, err = self.run_cli(*args, **kwargs)
        self.assertEqual(code, 0, 'exit status %d, stderr: %s' % (code, err))
        self.assertEqual(err, '')
        return out

    def json_ok(self, *args, **kwargs):
        out = self.ok(*args, **kwargs)
        try:
            return json.loads(out)
        except ValueError as e:
            self.fail('not JSON (%s): %r' % (e, out[:500]))

    def schedule(self, *args, **kwargs):
        rows = self.json_ok('schedule', SEASON, '--format', 'json', *args, **kwargs)
        self.assertIsInstance(rows, list)
        return rows

    @staticmethod
    def by_session(rows, name, round_number=None):
        found = [r for r in rows if r['session'] == name and
                 (round_number is None or r['round'] == round_number)]
        if len(found) != 1:
            raise AssertionError('%d rows for %s' % (len(found), name))
        return found[0]


class SeasonsTest(CliTestCase):

    def test_text(self):
        out = self.ok('seasons')
        lines = out.splitlines()
        self.assertEqual(len(lines), 1, out)
        self.assertTrue(lines[0].startswith(SEASON), out)
        self.assertIn('GT4 European Series 2023', lines[0])
        # Six championship rounds; the cancelled Vallelunga event is not one.
        self.assertIn('6 rounds', lines[0])
        self.assertTrue(os.path.exists(self.db))

    def test_json(self):
        seasons = self.json_ok('seasons', '--format', 'json')
        self.assertIsInstance(seasons, list)
        self.assertEqual(len(seasons), 1)
        season = seasons[0]
        self.assertEqual(season['id'], SEASON)
        self.assertEqual(season['year'], 2023)
        self.assertEqual(season['rounds'], 6)
        self.assertIn('GT4 European Series', season['name'])

    def test_text_is_default(self):
        self.assertEqual(self.ok('seasons'), self.ok('seasons', '--format', 'text'))

    def test_help_and_version(self):
        out = self.ok('--help', database=False)
        self.assertIn('schedule', out)
        self.assertIn('seasons', out)
        out = self.ok('--version', database=False)
        self.assertTrue(out.startswith('paddock-cli '), out)


class ScheduleJsonTest(CliTestCase):

    def test_required_keys(self):
        rows = self.schedule('--round', '6')
        self.assertEqual(len(rows), 6)
        for row in rows:
            for key in REQUIRED_KEYS:
                self.assertIn(key, row, '%s missing in %s' % (key, row))
            self.assertEqual(row['round'], 6)
            self.assertEqual(row['round_name'], 'Barcelona')
            self.assertIn('Barcelona', row['circuit'])
            self.assertEqual(row['track_zone'], 'Europe/Madrid')
            self.assertIn(row['kind'], ('practice', 'qualifying', 'race'))
            self.assertEqual(row['status'], 'scheduled')
            self.assertIsInstance(row['driver_change'], bool)
            if row['start_utc'] is None:
                self.assertIsNone(row['start_track'])
                self.assertIsNone(row['start_local'])
            else:
                self.assertRegex(row['start_utc'], UTC_RE)
                self.assertRegex(row['start_track'], OFFSET_RE)
                self.assertRegex(row['start_local'], OFFSET_RE)
        self.assertEqual([r['session'] for r in rows],
                         ['Free Practice 1', 'Free Practice 2', 'Qualifying 1',
                          'Qualifying 2', 'Race 1', 'Race 2'])

    def test_race1(self):
        race1 = self.by_session(self.schedule('--round', '6'), 'Race 1')
        self.assertEqual(race1['kind'], 'race')
        self.assertEqual(race1['start_utc'], '2023-09-30T14:50:00Z')
        self.assertEqual(race1['start_track'], '2023-09-30T16:50:00+02:00')
        self.assertEqual(race1['duration_min'], 60)
        self.assertIs(race1['driver_change'], True)

    def test_barcelona_times(self):
        # The Swedish release, minus two hours.
        rows = self.schedule('--round', '6')
        expected = {
            'Free Practice 1': '2023-09-29T09:20:00Z',
            'Free Practice 2': '2023-09-29T13:40:00Z',
            'Qualifying 1': '2023-09-30T09:25:00Z',
            'Qualifying 2': None,
            'Race 1': '2023-09-30T14:50:00Z',
            'Race 2': '2023-10-01T09:20:00Z',
        }
        self.assertEqual({r['session']: r['start_utc'] for r in rows}, expected)

    def test_tz_stockholm(self):
        race1 = self.by_session(self.schedule('--round', '6', '--tz', 'Europe/Stockholm'), 'Race 1')
        self.assertEqual(race1['start_local'], '2023-09-30T16:50:00+02:00')

    def test_tz_new_york(self):
        race1 = self.by_session(self.schedule('--round', '6', '--tz', 'America/New_York'), 'Race 1')
        self.assertEqual(race1['start_local'], '2023-09-30T10:50:00-04:00')
        # The track's time does not depend on the user's zone.
        self.assertEqual(race1['start_track'], '2023-09-30T16:50:00+02:00')

    def test_default_zone_is_users(self):
        race1 = self.by_session(
            self.schedule('--round', '6', env=self.env(TZ='America/New_York')), 'Race 1')
        self.assertEqual(race1['start_local'], '2023-09-30T10:50:00-04:00')

    def test_spa_times_unknown(self):
        rows = self.schedule('--round', '3')
        self.assertEqual(len(rows), 6)
        for row in rows:
            self.assertIsNone(row['start_utc'])
            self.assertIsNone(row['start_track'])
            self.assertIsNone(row['start_local'])
            self.assertEqual(row['track_zone'], 'Europe/Brussels')

    def test_whole_season(self):
        rows = self.schedule()
        # Six sessions in each of six rounds, in calendar order.
        self.assertEqual(len(rows), 36)
        self.assertEqual([r['round'] for r in rows], sorted(r['round'] for r in rows))
        timed = [r for r in rows if r['start_utc'] is not None]
        # Only Barcelona's times were published.
        self.assertEqual({r['round'] for r in timed}, {6})


class ScheduleTextTest(CliTestCase):

    def test_round6(self):
        out = self.ok('schedule', SEASON, '--round', '6')
        self.assertIn('16:50', out)
        race1 = [line for line in out.splitlines() if 'Race 1' in line]
        self.assertEqual(len(race1), 1, out)
        self.assertIn('16:50 CEST', race1[0])
        self.assertIn('Barcelona', out)
        self.assertIn('Europe/Madrid', out)
        self.assertIn('Saturday 30 September', out)

    def test_round6_new_york(self):
        out = self.ok('schedule', SEASON, '--round', '6', '--tz', 'America/New_York')
        race1 = [line for line in out.splitlines() if 'Race 1' in line][0]
        self.assertIn('16:50 CEST', race1)
        self.assertIn('10:50 EDT', race1)

    def test_spa_time_not_announced(self):
        out = self.ok('schedule', SEASON, '--round', '3')
        self.assertIn('time not announced', out)
        # Not shown as midnight.
        self.assertNotIn('00:00', out)


class UpcomingTest(CliTestCase):

    def test_race_running(self):
        # Race 1 runs 14:50-15:50 UTC: at 15:00 it still counts.
        rows = self.schedule('--upcoming', '--now', '2023-09-30T15:00:00Z')
        names = [(r['round'], r['session']) for r in rows]
        self.assertIn((6, 'Race 1'), names)
        self.assertIn((6, 'Race 2'), names)
        self.assertNotIn((6, 'Free Practice 1'), names)
        self.assertNotIn((6, 'Qualifying 1'), names)
        self.assertTrue(all(r['round'] == 6 for r in rows), names)

    def test_race_running_text(self):
        out = self.ok('schedule', SEASON, '--upcoming', '--now', '2023-09-30T15:00:00Z')
        self.assertIn('Race 1', out)
        self.assertNotIn('Free Practice 1', out)

    def test_now_with_offset(self):
        # The same instant in Swedish time.
        a = self.schedule('--upcoming', '--now', '2023-09-30T17:00:00+02:00')
        b = self.schedule('--upcoming', '--now', '2023-09-30T15:00:00Z')
        self.assertEqual(a, b)

    def test_season_over(self):
        out = self.ok('schedule', SEASON, '--upcoming', '--now', '2024-01-01T00:00:00Z')
        self.assertIn('season is over', out)
        self.assertEqual(self.schedule('--upcoming', '--now', '2024-01-01T00:00:00Z'), [])


class UsageErrorTest(CliTestCase):
    """A wrong request: exit status 2, a message naming the bad value on
    stderr, nothing on stdout."""

    def usage_error(self, *args, names, creates_nothing=True):
        code, out, err = self.run_cli(*args)
        self.assertEqual(code, 2, 'exit status %d; stdout %r; stderr %r' % (code, out, err))
        self.assertEqual(out, '')
        self.assertIn(names, err)
        self.assertTrue(err.startswith('paddock-cli: '), err)
        if creates_nothing:
            # Checked before the database is opened, so none is made.
            self.assertFalse(os.path.exists(self.db), 'the database was created')
        return err

    def test_unknown_season(self):
        self.usage_error('schedule', 'nope-2099', names='nope-2099', creates_nothing=False)

    def test_unknown_round(self):
        self.usage_error('schedule', SEASON, '--round', '7', names='7', creates_nothing=False)

    def test_invalid_zone(self):
        self.usage_error('schedule', SEASON, '--tz', 'Mars/Base', names='Mars/Base')

    def test_zone_is_a_path(self):
        self.usage_error('schedule', SEASON, '--tz', '/etc/passwd', names='/etc/passwd')

    def test_malformed_now(self):
        self.usage_error('schedule', SEASON, '--upcoming', '--now', 'yesterday', names='yesterday')

    def test_now_without_offset(self):
        self.usage_error('schedule', SEASON, '--now', '2023-09-30T15:00:00',
                         names='2023-09-30T15:00:00')

    def test_unknown_command(self):
        self.usage_error('frobnicate', names='frobnicate')

    def test_schedule_format_xml(self):
        self.usage_error('schedule', SEASON, '--format', 'xml', names='xml')

    def test_seasons_format_xml(self):
        self.usage_error('seasons', '--format', 'xml', names='xml')

    def test_unknown_option(self):
        self.usage_error('schedule', SEASON, '--colour', names='--colour')

    def test_no_season(self):
        code, out, err = self.run_cli('schedule')
        self.assertEqual(code, 2)
        self.assertEqual(out, '')
        self.assertIn(SEASON, err)  # the message suggests one

    def test_no_command(self):
        code, out, err = self.run_cli()
        self.assertEqual(code, 2)
        self.assertEqual(out, '')
        self.assertIn('schedule', err)
        self.assertFalse(os.path.exists(self.db))


class EntriesTest(CliTestCase):
    """The entry list shown, and cars added, changed and removed."""

    def entries(self):
        return {r['number']: r for r in self.json_ok('entries', SEASON, '--format', 'json')}

    def test_list_and_add(self):
        cars = self.entries()
        self.assertEqual(cars['2']['team'], 'Hofor Racing by Bonk Motorsport')
        self.assertEqual(cars['2']['class'], 'Silver')
        self.assertEqual([d['name'] for d in cars['2']['drivers']], ['Michael Schrey', 'Gabriele Piana'])
        self.assertNotIn('101', cars)

        rows = self.json_ok('entries', SEASON, '--car', '101', '--team', 'Paddock Racing', '--model', 'Supra',
                            '--class', 'silver', '--driver', 'Anna SVENSSON', '--driver', 'Jessica Bäckman',
                            '--nationality', 'anna svensson=se', '--grading', 'Anna Svensson=bronze',
                            '--format', 'json')
        self.assertEqual(len(rows), 1)
        car = rows[0]
        self.assertEqual((car['number'], car['team'], car['car'], car['class']),
                         ('101', 'Paddock Racing', 'Supra', 'Silver'))
        self.assertEqual(car['drivers'][0], {'id': 'anna-svensson', 'name': 'Anna Svensson',
                                             'nationality': 'SE', 'grading': 'bronze'})
        # The seeds' Jessica Bäckman, reused rather than created again.
        self.assertEqual(car['drivers'][1]['id'], 'jessica-backman')
        self.assertEqual(len(self.entries()), len(cars) + 1)

        # A stand-in for round 4 only.
        rows = self.json_ok('entries', SEASON, '--car', '101', '--round', '4', '--driver', 'Bo Berg',
                            '--format', 'json')
        self.assertEqual([d['name'] for d in rows[0]['drivers']], ['Anna Svensson', 'Jessica Bäckman'])
        self.assertEqual([d['name'] for d in rows[0]['round_crews']['4']],
                         ['Anna Svensson', 'Jessica Bäckman', 'Bo Berg'])
        self.assertIn('round 4: Anna Svensson (SE) Bronze, Jessica Bäckman (SE), Bo Berg',
                      self.ok('entries', SEASON))

    def test_refused_changes_nothing(self):
        before = self.entries()
        # Car 2 exists: renumbering 3 onto it is refused.
        code, out, err = self.run_cli('entries', SEASON, '--car', '3', '--number', '2')
        self.assertEqual(code, 2)
        self.assertIn('2', err)
        self.assertIn('Hofor Racing', err)
        # A new car whose last option is wrong: the car is not kept.
        code, out, err = self.run_cli('entries', SEASON, '--car', '102', '--team', 'New Team',
                                      '--driver', 'Cy Dahl', '--grading', 'Cy Dahl=diamond')
        self.assertEqual(code, 2)
        self.assertIn('diamond', err)
        code, out, err = self.run_cli('entries', SEASON, '--car', '5', '--nationality', 'Jamie Day=Sweden')
        self.assertEqual(code, 2)
        self.assertIn('Sweden', err)
        self.assertEqual(self.entries(), before)
        # A car with results is kept.
        code, out, err = self.run_cli('entries', SEASON, '--car', '2', '--remove')
        self.assertEqual(code, 1)
        self.assertIn('results', err)
        self.assertEqual(self.entries(), before)
        for args, names in ((['--team', 'X'], '--car'), (['--car', '7', '--class', 'Platinum'], 'Platinum')):
            code, out, err = self.run_cli('entries', SEASON, *args)
            self.assertEqual(code, 2)
            self.assertEqual(out, '')
            self.assertIn(names, err)
        self.assertEqual(self.entries(), before)

    def test_remove(self):
        self.ok('entries', SEASON, '--car', '103', '--team', 'Gone Racing')
        self.assertIn('103', self.entries())
        self.ok('entries', SEASON, '--car', '103', '--remove')
        self.assertNotIn('103', self.entries())


class StandingsAndRulesTest(CliTestCase):
    """Standings computed from the stored results, and the season's rules."""

    def standings(self, *args):
        rows = self.json_ok('standings', SEASON, '--format', 'json', *args)['standings']
        self.assertIsInstance(rows, list)
        return {r['ref']: r for r in rows}

    def test_gt4_standings_from_the_seeds(self):
        # The seeds' partial results with the GT4 preset (25-18-... per
        # class, drivers of a car share its points): #2 Schrey/Piana won
        # Race 2 at Barcelona (25) and were the second Silver car known to
        # finish Race 1, behind #3 (18): 43 each, level, so a shared first.
        rows = self.standings()
        for ref in ('michael-schrey', 'gabriele-piana'):
            self.assertEqual(rows[ref]['points'], 43)
            self.assertEqual(rows[ref]['position'], 1)
            self.assertEqual(rows[ref]['position_text'], '=1')
        # The Bäckmans were 20th and 24th in class at Spa: no points.
        self.assertEqual(rows['andreas-backman']['points'], 0)
        silver = self.standings('--kind', 'entries', '--class', 'Silver')
        self.assertEqual(silver['gt4-european-2023.2']['position'], 1)
        self.assertEqual(silver['gt4-european-2023.3']['points'], 25)
        r6 = [r for r in silver['gt4-european-2023.2']['rounds'] if r['round'] == 6][0]
        self.assertEqual(r6['counted'], 43)
        self.assertEqual(r6['dropped'], 0)

    def test_unknown_class_and_kind(self):
        for args, word in ((['--class', 'Platinum'], 'Platinum'), (['--kind', 'cars'], 'cars')):
            code, out, err = self.run_cli('standings', SEASON, *args)
            self.assertEqual(code, 2)
            self.assertEqual(out, '')
            self.assertIn(word, err)

    def test_csv(self):
        out = self.ok('standings', SEASON, '--format', 'csv')
        lines = out.split('\r\n')
        self.assertTrue(lines[0].startswith('position,name,ref,points,wins,R3,R6'))
        self.assertIn('=1,Gabriele Piana,gabriele-piana,43.00,1,', out)

    def test_csv_only_where_written(self):
        # seasons and schedule write text or JSON; a CSV request is refused
        # rather than answered with nothing or with text.
        for args in (['seasons'], ['schedule', SEASON]):
            code, out, err = self.run_cli(*args, '--format', 'csv')
            self.assertEqual(code, 2)
            self.assertEqual(out, '')
            self.assertIn('csv', err)
        code, out, err = self.run_cli('standings', SEASON, '--format', 'xml')
        self.assertEqual(code, 2)
        self.assertIn('xml', err)
        self.assertIn('csv', err)

    def test_rules_shown_and_set(self):
        out = self.ok('rules', SEASON)
        self.assertIn('GT4 European Series', out)
        self.assertIn('25, 18, 15, 12, 10, 8, 6, 4, 2, 1, in each class', out)
        self.ok('rules', SEASON, '--preset', 'club-dropped-rounds')
        rows = self.standings()
        # The club scale gives 20 for a win, and a shared car's points are
        # split: #77 Rattican/Emson won Race 1 at Barcelona, 10 each.
        self.assertEqual(rows['josh-rattican']['points'], 10)
        self.assertEqual(rows['tom-emson']['points'], 10)

        rules_file = os.path.join(self.tmp, 'rules.json')
        with open(rules_file, 'w', encoding='utf-8') as f:
            json.dump({'format': 'paddock-rules', 'version': 1, 'id': 'mine', 'name': 'Mine',
                       'drivers': {'race': {'points': [7]}}}, f)
        self.assertIn('Mine', self.ok('rules', SEASON, '--file', rules_file))
        # 7 for a win, split between the car's two drivers by default.
        self.assertEqual(self.standings()['josh-rattican']['points'], 3.5)

    def test_bad_rules_file_changes_nothing(self):
        before = self.ok('rules', SEASON)
        bad = os.path.join(self.tmp, 'bad.json')
        with open(bad, 'w', encoding='utf-8') as f:
            f.write('{"format": "paddock-rules", "version": 1, "id": "x", "name": "X",'
                    ' "drivers": {"race": {"points": [1, "a"]}}}')
        code, out, err = self.run_cli('rules', SEASON, '--file', bad)
        self.assertEqual(code, 2)
        self.assertEqual(out, '')
        self.assertIn('drivers.race.points[1]', err)
        self.assertEqual(self.ok('rules', SEASON), before)
        code, out, err = self.run_cli('rules', SEASON, '--preset', 'no-such-rules')
        self.assertEqual(code, 2)
        self.assertIn('no-such-rules', err)
        self.assertEqual(self.ok('rules', SEASON), before)


ALKAMEL = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'data', 'alkamel')


class ResultsTest(CliTestCase):
    """Al Kamel classifications imported, and a session's results shown.

    Expected values are the fixture's (tests/data/alkamel/gt4-spa-race2.csv)."""

    def import_gt4(self, *extra):
        return self.ok('import', 'alkamel', os.path.join(ALKAMEL, 'gt4-spa-race2.csv'),
                       '--season', 'gt4-test-2023', '--round', '3', '--session', 'Race 2', *extra)

    def results(self, *args):
        return self.json_ok('results', 'gt4-test-2023', '--round', '3', '--session', 'Race 2',
                            '--format', 'json', *args)

    def test_import_and_json(self):
        out = self.import_gt4()
        self.assertIn('9 cars', out)
        rows = self.results()
        self.assertEqual(len(rows), 9)
        for key in ('position', 'class', 'class_position', 'number', 'team', 'car', 'drivers',
                    'status', 'laps', 'total_time_ms', 'best_lap_ms', 'penalties'):
            self.assertIn(key, rows[0])
        first = rows[0]
        self.assertEqual(first['position'], 1)
        self.assertEqual(first['number'], '2')
        self.assertEqual(first['class'], 'Silver')
        self.assertEqual(first['class_position'], 1)
        self.assertEqual(first['drivers'], ['Michael Schrey', 'Gabriele Piana'])
        self.assertEqual(first['total_time_ms'], 1 * 3600000 + 1 * 60000 + 12345)
        self.assertEqual(first['best_lap_ms'], 2 * 60000 + 25101)
        self.assertEqual(first['status'], 'classified')
        self.assertEqual(first['penalties'], [])
        by_number = {r['number']: r for r in rows}
        self.assertEqual(by_number['89']['drivers'], ['Andreas Bäckman', 'Jessica Bäckman'])
        self.assertEqual(by_number['89']['class_position'], 4)
        self.assertEqual(by_number['3']['status'], 'not-classified')
        self.assertEqual(by_number['78']['status'], 'dns')
        self.assertIsNone(by_number['78']['total_time_ms'])
        self.assertEqual([r['number'] for r in rows], ['2', '42', '12', '10', '77', '89', '36', '3', '78'])

    def test_standings_say_provisional(self):
        # An imported classification is provisional until marked final;
        # the embedded season's results are final.
        self.import_gt4()
        self.ok('rules', 'gt4-test-2023', '--preset', 'gt4-european')
        rows = self.json_ok('standings', 'gt4-test-2023', '--format', 'json')['standings']
        self.assertTrue(rows)
        self.assertTrue(all(r['provisional'] for r in rows))
        self.assertEqual([r['provisional'] for r in rows[0]['rounds']], [True])
        out = self.ok('standings', 'gt4-test-2023')
        self.assertIn('Provisional', out.splitlines()[-1])
        self.assertIn('Race 2', out.splitlines()[-1])
        seeded = self.json_ok('standings', 'gt4-european-2023', '--format', 'json')['standings']
        self.assertFalse(any(r['provisional'] for r in seeded))
        self.assertNotIn('Provisional', self.ok('standings', 'gt4-european-2023'))

    def test_import_twice_changes_nothing(self):
        self.import_gt4()
        before = self.results()
        out = self.import_gt4()
        self.assertIn('new: 0 cars, 0 teams, 0 drivers, 0 classes', out)
        self.assertEqual(self.results(), before)

    def test_text_and_csv(self):
        self.import_gt4()
        text = self.ok('results', 'gt4-test-2023', '--round', '3', '--session', 'race 2')
        self.assertIn('Michael Schrey / Gabriele Piana', text)
        self.assertIn('1:01:12.345', text)
        self.assertIn('Not classified', text)
        csv_text = self.ok('results', 'gt4-test-2023', '--round', '3', '--session', 'Race 2', '--format', 'csv')
        lines = csv_text.split('\r\n')
        self.assertEqual(lines[0], 'position,class,class_position,number,team,car,drivers,status,laps,'
                                   'total_time_ms,best_lap_ms,fastest_lap,penalties')
        self.assertEqual(lines[1], '1,Silver,1,2,Hofor Racing by Bonk Motorsport,BMW M4 GT4,'
                                   'Michael Schrey / Gabriele Piana,classified,25,3672345,145101,false,')

    def test_broken_file_imports_nothing(self):
        self.import_gt4()
        before = self.results()
        code, out, err = self.run_cli('import', 'alkamel', os.path.join(ALKAMEL, 'broken-time.csv'),
                                      '--season', 'gt4-test-2023', '--round', '3', '--session', 'Race 2')
        self.assertEqual(code, 1)
        self.assertEqual(out, '')
        self.assertIn('broken-time.csv, line 3', err)
        self.assertIn("40'0x.500", err)
        self.assertIn('nothing was imported', err)
        self.assertEqual(self.results(), before)

    def test_usage_errors(self):
        gt4 = os.path.join(ALKAMEL, 'gt4-spa-race2.csv')
        for args, word in ((['import', 'alkamel', gt4], '--season'),
                           (['import', 'timing', gt4], 'timing'),
                           (['results', 'gt4-european-2023', '--round', '3'], '--session'),
                           (['results', 'gt4-european-2023', '--round', '9', '--session', 'Race 1'], '9'),
                           (['results', 'gt4-european-2023', '--round', '3', '--session', 'Race 9'], 'Race 2')):
            code, out, err = self.run_cli(*args)
            self.assertEqual(code, 2, args)
            self.assertEqual(out, '')
            self.assertIn(word, err)

    def test_seeded_results(self):
        # The embedded season's Spa Race 2, as the Bäckman release gives
        # it: 18th on the road, +11 s, 26th overall and 20th in class; the
        # laps were not published.
        rows = self.json_ok('results', SEASON, '--round', '3', '--session', 'Race 2', '--format', 'json')
        self.assertEqual(len(rows), 1)
        row = rows[0]
        self.assertCountEqual(row['drivers'], ['Andreas Bäckman', 'Jessica Bäckman'])
        self.assertEqual((row['position'], row['class'], row['class_position']), (26, 'Silver', 20))
        self.assertIsNone(row['laps'])
        self.assertEqual(len(row['penalties']), 1)
        self.assertEqual((row['penalties'][0]['kind'], row['penalties'][0]['time_ms']), ('time', 11000))
        text = self.ok('results', SEASON, '--round', '3', '--session', 'Race 2')
        self.assertIn('+11.000', text)


class DatabasePathTest(CliTestCase):
    """--database, else PADDOCK_DATABASE, else $XDG_DATA_HOME/paddock/paddock.db."""

    def setUp(self):
        super().setUp()
        self.explicit = os.path.join(self.tmp, 'explicit.db')
        self.from_env = os.path.join(self.tmp, 'from-env.db')
        self.default = os.path.join(self.data_home, 'paddock', 'paddock.db')

    def created(self):
        return [p for p in (self.explicit, self.from_env, self.default) if os.path.exists(p)]

    def test_option_beats_environment(self):
        self.ok('--database', self.explicit, 'seasons', database=False,
                env=self.env(PADDOCK_DATABASE=self.from_env))
        self.assertEqual(self.created(), [self.explicit])

    def test_option_after_command(self):
        self.ok('seasons', '--database', self.explicit, database=False,
                env=self.env(PADDOCK_DATABASE=self.from_env))
        self.assertEqual(self.created(), [self.explicit])

    def test_option_with_equals(self):
        self.ok('--database=' + self.explicit, 'seasons', database=False,
                env=self.env(PADDOCK_DATABASE=self.from_env))
        self.assertEqual(self.created(), [self.explicit])

    def test_environment_beats_data_folder(self):
        self.ok('seasons', database=False, env=self.env(PADDOCK_DATABASE=self.from_env))
        self.assertEqual(self.created(), [self.from_env])

    def test_data_folder(self):
        self.ok('seasons', database=False)
        self.assertEqual(self.created(), [self.default])

    def test_empty_environment_is_unset(self):
        self.ok('seasons', database=False, env=self.env(PADDOCK_DATABASE=''))
        self.assertEqual(self.created(), [self.default])

    def test_same_database_twice(self):
        # The second run opens what the first one made, and adds nothing.
        first = self.ok('seasons', '--format', 'json')
        with open(self.db, 'rb') as f:
            self.assertTrue(f.read(16).startswith(b'SQLite format 3'))
        second = self.ok('seasons', '--format', 'json')
        self.assertEqual(first, second)


class RefusedDatabaseTest(CliTestCase):
    """A file that is not a database this Paddock can open: exit status 1,
    a message naming the file, and the file left as it was."""

    def assert_refused(self, *args):
        with open(self.db, 'rb') as f:
            before = f.read()
        code, out, err = self.run_cli(*args)
        self.assertEqual(code, 1, 'exit status %d; stderr %r' % (code, err))
        self.assertEqual(out, '')
        self.assertIn(self.db, err)
        with open(self.db, 'rb') as f:
            self.assertEqual(f.read(), before)
        self.assertFalse(os.path.exists(self.db + '-wal') and os.path.getsize(self.db + '-wal') > 0)
        return err

    def test_text_file(self):
        with open(self.db, 'w', encoding='utf-8') as f:
            f.write('Shopping list: milk, bread, tyres.\n' * 100)
        self.assert_refused('seasons')
        self.assert_refused('schedule', SEASON)

    def test_other_application(self):
        db = sqlite3.connect(self.db)
        db.execute('CREATE TABLE notes (text TEXT)')
        db.execute("INSERT INTO notes VALUES ('not Paddock')")
        db.commit()
        db.close()
        self.assert_refused('seasons')

    def test_newer_paddock(self):
        db = sqlite3.connect(self.db)
        db.execute('PRAGMA application_id = %d' % 0x50444b31)
        db.execute('PRAGMA user_version = 9999')
        db.execute('CREATE TABLE future (x)')
        db.commit()
        db.close()
        err = self.assert_refused('seasons')
        self.assertIn('newer', err)


class PdfTestCase(CliTestCase):
    """Writes a standings PDF and reads it back with poppler-utils."""

    def pdf(self, *args, env=None, command='standings'):
        path = os.path.join(self.tmp, 'standings.pdf')
        self.ok(command, *args, '--format', 'pdf', '--output', path, env=env)
        self.assertTrue(os.path.isfile(path))
        with open(path, 'rb') as f:
            self.assertEqual(f.read(5), b'%PDF-')
        text = subprocess.run(['pdftotext', '-layout', path, '-'], stdout=subprocess.PIPE,
                              check=True).stdout.decode('utf-8')
        info = subprocess.run(['pdfinfo', path], stdout=subprocess.PIPE,
                              check=True).stdout.decode('utf-8')
        fonts = subprocess.run(['pdffonts', path], stdout=subprocess.PIPE,
                               check=True).stdout.decode('utf-8')
        os.unlink(path)
        return text, info, fonts


class StandingsPdfTest(PdfTestCase):
    """standings --format pdf: the sheet, read back with pdftotext -layout.
    English runs on en_US: Letter paper by the locale."""

    def test_seeded(self):
        text, info, fonts = self.pdf(SEASON)
        self.assertIn('Pages:           1', info)
        self.assertIn('612 x 792 pts (letter)', info)
        self.assertIn('GT4 European Series 2023', text)
        self.assertIn('Drivers’ Standings after round 6 of 6: Barcelona, 1 October 2023', text)
        self.assertRegex(text, r'=1 +Michael Schrey +2 +Hofor Racing by Bonk Motorsport +18 +25 +43\n')
        self.assertRegex(text, r'Andreas Bäckman +SE ')
        self.assertIn('Page 1 of 1', text)
        # Every font is embedded (the "emb" column of pdffonts).
        rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
        self.assertTrue(rows)
        for row in rows:
            self.assertEqual(row[-5], 'yes', fonts)

    def test_paper_class_and_kind(self):
        text, info, _ = self.pdf(SEASON, '--kind', 'entries', '--class', 'Pro-Am', '--paper', 'a4')
        self.assertIn('(A4)', info)
        self.assertIn('Cars’ Standings', text)
        self.assertIn('Antoine Leclerc / Jean-Bernard Bouvet', text)
        self.assertNotIn('Silver', text)
        text, _, _ = self.pdf(SEASON, '--kind', 'teams', '--after-round', '3')
        self.assertIn('Teams’ Standings after round 3 of 6: Spa-Francorchamps', text)

    def test_swedish(self):
        text, info, _ = self.pdf(SEASON, env=self.env(LC_ALL='sv_SE.UTF-8'))
        self.assertIn('(A4)', info)
        self.assertIn('Förarställning efter omgång 6 av 6: Barcelona, 1 oktober 2023', text)
        self.assertIn('Plac. Förare', text)
        self.assertIn('Poäng', text)
        self.assertIn('Sida 1 av 1', text)
        self.assertNotIn('Page', text)

    def usage_error(self, *args, names):
        path = os.path.join(self.tmp, 'standings.pdf')
        code, out, err = self.run_cli('standings', *[a.replace('OUT', path) for a in args])
        self.assertEqual(code, 2, 'exit status %d; stderr %r' % (code, err))
        self.assertEqual(out, '')
        self.assertIn(names, err)
        self.assertFalse(os.path.exists(path), 'a PDF was written')

    def test_usage_errors(self):
        self.usage_error(SEASON, '--format', 'pdf', names='--output')
        self.usage_error(SEASON, '--output', 'OUT', names='--output')
        self.usage_error(SEASON, '--format', 'pdf', '--output', 'OUT', '--paper', 'a5', names='a5')
        self.usage_error(SEASON, '--paper', 'a4', names='--paper')
        self.usage_error('nope-2099', '--format', 'pdf', '--output', 'OUT', names='nope-2099')
        self.usage_error(SEASON, '--format', 'pdf', '--output', 'OUT', '--class', 'GT3', names='GT3')
        self.usage_error(SEASON, '--format', 'xml', names='pdf')

    def test_unwritable(self):
        path = os.path.join(self.tmp, 'no-such-folder', 'standings.pdf')
        code, out, err = self.run_cli('standings', SEASON, '--format', 'pdf', '--output', path)
        self.assertEqual(code, 1)
        self.assertIn('no-such-folder', err)
        self.assertFalse(os.path.exists(path))


class StandingsPdfF1Test(PdfTestCase):
    """The sheet of real Formula 1 seasons, imported from the Ergast data
    (PADDOCK_ERGAST_DIR): 2007 (Räikkönen by a point), 1988 (only the best
    eleven results counted: Senna 90, Prost 87 of 105) and 2023 (22 rounds
    and 6 sprints: too wide upright, landscape)."""

    def test_f1(self):
        ergast = os.environ.get('PADDOCK_ERGAST_DIR')
        self.assertTrue(ergast and os.path.isdir(ergast), 'PADDOCK_ERGAST_DIR is not set')
        self.ok('import', 'ergast', ergast)

        # The numbers the cars raced with (the Ergast entries have none).
        text, info, _ = self.pdf('f1-2007')
        self.assertRegex(text, r'\n +1 Kimi Räikkönen +6 +Ferrari +FI .* 110\n')
        self.assertRegex(text, r'\n +2 Lewis Hamilton .* 109\n')

        text, info, _ = self.pdf('f1-1988')
        senna = re.search(r'\n +1 Ayrton Senna .*\n', text).group(0)
        self.assertEqual(re.findall(r'\(\d+\)', senna), ['(1)', '(3)'])
        self.assertTrue(senna.rstrip().endswith(' 90'), senna)
        prost = re.search(r'\n +2 Alain Prost .*\n', text).group(0)
        self.assertEqual(re.findall(r'\(\d+\)', prost), ['(6)', '(6)', '(6)'])
        self.assertTrue(prost.rstrip().endswith(' 87'), prost)
        self.assertIn('Pages:           2', info)
        self.assertEqual(text.count('Pos. Driver'), 2)
        self.assertIn('Overall (continued)', text)
        self.assertIn('Page 2 of 2', text)

        text, info, _ = self.pdf('f1-2023', '--paper', 'a4')
        self.assertIn('841.89 x 595.276 pts (A4)', info)
        self.assertRegex(text, r'\n +1 Max Verstappen +1 +Red Bull +NL .* 575\n')
        self.assertRegex(text, r'\n +2 Sergio Pérez +11 +Red Bull ')
        self.assertIn('Nico Hülkenberg', text)
        text, info, _ = self.pdf('f1-2023', '--kind', 'teams')
        self.assertRegex(text, r'\n +1 Red Bull +1, 11 +AT ')
        # In the 1950s a driver had a number a race: the first three.
        text, info, _ = self.pdf('f1-1953')
        self.assertRegex(text, r'\n +1 Alberto Ascari +10, 2, 5, … +Ferrari ')


class ResultsPdfTest(PdfTestCase):
    """results --format pdf: a session's classification sheet, read back
    with pdftotext -layout."""

    def test_seeded(self):
        # The embedded season's Spa Race 2: 26th and 20th in Silver after
        # +11 s, a note under the table says why.
        text, info, fonts = self.pdf(SEASON, '--round', '3', '--session', 'Race 2', command='results')
        self.assertIn('Pages:           1', info)
        self.assertIn('612 x 792 pts (letter)', info)
        self.assertIn('GT4 European Series 2023', text)
        self.assertIn('Round 3, Spa-Francorchamps: Race 2', text)
        self.assertIn('2 July 2023', text)
        self.assertIn('Final classification', text)
        self.assertRegex(text, r'\n +26 +Silver +20 +Jessica Bäckman / Andreas Bäckman +Aston Martin Vantage GT4 +\[1\]\n')
        self.assertIn('[1] Jessica Bäckman / Andreas Bäckman: 18 on the road; Time penalty, +11 s: '
                      'Pit stop 0.3 s under the minimum time', text)
        self.assertIn('Page 1 of 1', text)
        rows = [line.split() for line in fonts.splitlines()[2:] if line.strip()]
        self.assertTrue(rows)
        for row in rows:
            self.assertEqual(row[-5], 'yes', fonts)

    def test_imported_swedish_a4(self):
        self.ok('import', 'alkamel', os.path.join(ALKAMEL, 'gt4-spa-race2.csv'),
                '--season', 'gt4-test-2023', '--round', '3', '--session', 'Race 2')
        text, info, _ = self.pdf('gt4-test-2023', '--round', '3', '--session', 'race 2', '--paper', 'a4',
                                 command='results', env=self.env(LC_ALL='sv_SE.UTF-8'))
        self.assertIn('(A4)', info)
        self.assertIn('Preliminär resultatlista', text)
        self.assertRegex(text, r'\n +1 +2 +Silver +1 +Michael Schrey / Gabriele Piana .* 25 +1:01:12\.345 +2:25\.101\n')
        self.assertRegex(text, r'\n +6 +89 +Silver +4 +Andreas Bäckman / Jessica Bäckman .* \+1 varv +\+1 varv ')
        self.assertIn('Snabbaste varv: 2:25.044, #12 Berkay Besler / Tom Edgar', text)
        self.assertIn('Sida 1 av 1', text)

    def test_usage_errors(self):
        path = os.path.join(self.tmp, 'results.pdf')
        session = ['results', SEASON, '--round', '3', '--session', 'Race 2']
        for args, word in ((['--format', 'pdf'], '--output'),
                           (['--output', path], '--output'),
                           (['--format', 'pdf', '--output', path, '--paper', 'a5'], 'a5'),
                           (['--format', 'pdf', '--output', path, '--headers', 'stable'], '--headers'),
                           (['--format', 'xml'], 'pdf')):
            code, out, err = self.run_cli(*session, *args)
            self.assertEqual(code, 2, args)
            self.assertEqual(out, '')
            self.assertIn(word, err)
            self.assertFalse(os.path.exists(path))
        code, out, err = self.run_cli('results', SEASON, '--round', '3', '--session', 'Race 9',
                                      '--format', 'pdf', '--output', path)
        self.assertEqual(code, 2)
        self.assertIn('Race 9', err)
        self.assertFalse(os.path.exists(path))


class CsvTest(CliTestCase):
    """standings and results as CSV: RFC 4180 (CRLF, quoting), UTF-8,
    with stable column names (the default) or names in the user's
    language; the fields are the same either way, in every language."""

    def setUp(self):
        super().setUp()
        self.ok('import', 'alkamel', os.path.join(ALKAMEL, 'gt4-spa-race2.csv'),
                '--season', 'gt4-test-2023', '--round', '3', '--session', 'Race 2')
        self.ok('rules', 'gt4-test-2023', '--preset', 'gt4-european')

    def csv(self, command, *args, lang='en_US.UTF-8'):
        argv = [command, 'gt4-test-2023']
        if command == 'results':
            argv += ['--round', '3', '--session', 'Race 2']
        out = self.ok(*argv, '--format', 'csv', *args, env=self.env(LC_ALL=lang))
        # RFC 4180: every record ends in CRLF, the last one too, and no
        # bare LF stands outside quotes.
        self.assertTrue(out.endswith('\r\n'), repr(out[-20:]))
        rows = list(csv.reader(io.StringIO(out, newline=''), strict=True))
        self.assertTrue(rows)
        self.assertEqual(len({len(r) for r in rows}), 1, 'rows of different lengths')
        self.assertEqual(out.count('\r\n'), len(rows) + sum(f.count('\r\n') for r in rows for f in r))
        return rows

    def test_results_headers(self):
        stable = self.csv('results')
        self.assertEqual(stable[0], ['position', 'class', 'class_position', 'number', 'team', 'car', 'drivers',
                                     'status', 'laps', 'total_time_ms', 'best_lap_ms', 'fastest_lap', 'penalties'])
        self.assertEqual(self.csv('results', '--headers', 'stable', lang='sv_SE.UTF-8'), stable)
        english = self.csv('results', '--headers', 'translated')
        self.assertEqual(english[0], ['Position', 'Class', 'Class position', 'Number', 'Team', 'Car', 'Drivers',
                                      'Status', 'Laps', 'Total time (ms)', 'Best lap (ms)', 'Fastest lap',
                                      'Penalties'])
        swedish = self.csv('results', '--headers', 'translated', lang='sv_SE.UTF-8')
        self.assertEqual(swedish[0], ['Placering', 'Klass', 'Placering i klassen', 'Nummer', 'Team', 'Bil',
                                      'Förare', 'Status', 'Varv', 'Total tid (ms)', 'Bästa varv (ms)',
                                      'Snabbaste varv', 'Straff'])
        # The same fields under every header, in every language.
        self.assertEqual(english[1:], stable[1:])
        self.assertEqual(swedish[1:], stable[1:])
        self.assertIn(['6', 'Silver', '4', '89', 'Toksport WRT', 'Mercedes-AMG GT4',
                       'Andreas Bäckman / Jessica Bäckman', 'classified', '24', '3700000', '147500', 'false', ''],
                      stable)

    def test_standings_headers(self):
        stable = self.csv('standings')
        self.assertEqual(stable[0], ['position', 'name', 'ref', 'points', 'wins', 'R3'])
        swedish = self.csv('standings', '--headers', 'translated', lang='sv_SE.UTF-8')
        self.assertEqual(swedish[0], ['Placering', 'Namn', 'Id', 'Poäng', 'Segrar', 'Omgång 3'])
        english = self.csv('standings', '--headers', 'translated')
        self.assertEqual(english[0], ['Position', 'Name', 'Identifier', 'Points', 'Wins', 'Round 3'])
        # Points with a decimal point in Swedish too.
        self.assertEqual(swedish[1:], stable[1:])
        self.assertEqual(english[1:], stable[1:])
        self.assertIn('25.00', [r[3] for r in stable])

    def test_quoting(self):
        # A team whose name holds a comma and quotes, and a driver's name
        # with a comma: quoted, quotes doubled.
        team = 'Hofor Racing, "Bonk" Motorsport'
        self.ok('entries', 'gt4-test-2023', '--car', '2', '--team', team)
        code, out, err = self.run_cli('results', 'gt4-test-2023', '--round', '3', '--session', 'Race 2',
                                      '--format', 'csv')
        self.assertEqual(code, 0, err)
        self.assertIn(',"Hofor Racing, ""Bonk"" Motorsport",BMW M4 GT4,', out)
        rows = self.csv('results')
        self.assertEqual(rows[1][4], team)
        teams = self.csv('standings', '--kind', 'teams')
        self.assertIn(team, [r[1] for r in teams])
        out = self.ok('standings', 'gt4-test-2023', '--kind', 'teams', '--format', 'csv')
        self.assertIn('"Hofor Racing, ""Bonk"" Motorsport"', out)

    def test_usage_errors(self):
        for args, word in ((['--headers', 'translated'], '--headers'),
                           (['--format', 'json', '--headers', 'stable'], '--headers'),
                           (['--format', 'csv', '--headers', 'pretty'], 'pretty')):
            for command in (['standings', 'gt4-test-2023'],
                            ['results', 'gt4-test-2023', '--round', '3', '--session', 'Race 2']):
                code, out, err = self.run_cli(*command, *args)
                self.assertEqual(code, 2, (command, args))
                self.assertEqual(out, '')
                self.assertIn(word, err)


class StandingsChartTest(CliTestCase):
    """standings --chart: the progression chart as PNG, SVG and PDF, read
    back (the PNG's header, the SVG as XML, the PDF with poppler-utils).
    English runs on en_US: Letter paper by the locale, sideways."""

    def chart(self, name, *args, env=None):
        path = os.path.join(self.tmp, name)
        self.ok('standings', *args, '--output', path, env=env)
        with open(path, 'rb') as f:
            data = f.read()
        os.unlink(path)
        return data

    def svg(self, *args, env=None):
        root = ET.fromstring(self.chart('chart.svg', *args, env=env))
        self.assertEqual(root.tag, '{http://www.w3.org/2000/svg}svg')
        title = root.find('{http://www.w3.org/2000/svg}title').text
        desc = root.find('{http://www.w3.org/2000/svg}desc').text
        return root, title, desc

    def test_png(self):
        data = self.chart('chart.png', SEASON, '--format', 'png')
        self.assertEqual(data[:8], b'\x89PNG\r\n\x1a\n')
        # IHDR: Letter sideways, 792 x 612 points, two pixels a point.
        self.assertEqual(data[12:16], b'IHDR')
        self.assertEqual(struct.unpack('>II', data[16:24]), (1584, 1224))

    def test_svg_by_extension(self):
        root, title, desc = self.svg(SEASON, '--chart')
        self.assertEqual(root.get('width'), '792pt')
        self.assertEqual(title, 'GT4 European Series 2023: Drivers · points after each round')
        self.assertTrue(desc.startswith(
            'Gabriele Piana / Michael Schrey leads with 43 points after round 6. '
            '3. Josh Rattican / Tom Emson, 25. '), desc)

    def test_pdf(self):
        path = os.path.join(self.tmp, 'chart.pdf')
        self.ok('standings', SEASON, '--chart', '--format', 'pdf', '--output', path)
        text = subprocess.run(['pdftotext', '-layout', path, '-'], stdout=subprocess.PIPE,
                              check=True).stdout.decode('utf-8')
        info = subprocess.run(['pdfinfo', path], stdout=subprocess.PIPE,
                              check=True).stdout.decode('utf-8')
        self.assertIn('Pages:           1', info)
        self.assertIn('792 x 612 pts (letter)', info)
        self.assertIn('Drivers · points after each round', text)
        self.assertIn('Gabriele Piana / Michael Schrey', text)
        self.assertIn('Del Sarte / Jamie Day', text)
        self.assertIn('Barcelona', text)

    def test_mode_top_class_paper(self):
        root, title, desc = self.svg(SEASON, '--format', 'svg', '--class', 'Silver', '--chart-mode',
                                     'position', '--top', '2', '--paper', 'a4', '--kind', 'entries')
        self.assertEqual(root.get('width'), '841.8898pt')
        self.assertEqual(title, 'GT4 European Series 2023: Cars · Silver · position after each round')
        self.assertIn('#2 Schrey / Piana leads with 43 points', desc)
        self.assertIn('Lariche', desc)
        self.assertNotIn('Bäckman', desc)

    def test_swedish(self):
        _, title, desc = self.svg(SEASON, '--chart', '--after-round', '6', env=self.env(LC_ALL='sv_SE.UTF-8'))
        self.assertEqual(title, 'GT4 European Series 2023: Förare · poäng efter varje omgång')
        self.assertIn('leder med 43 poäng efter omgång 6.', desc)

    def usage_error(self, *args, names):
        path = os.path.join(self.tmp, 'chart.png')
        code, out, err = self.run_cli('standings', *[a.replace('OUT', path) for a in args])
        self.assertEqual(code, 2, 'exit status %d; stderr %r' % (code, err))
        self.assertEqual(out, '')
        self.assertIn(names, err)
        written = [n for n in os.listdir(self.tmp) if not n.startswith('paddock.db')]
        self.assertEqual(written, [], 'a chart was written')

    def test_usage_errors(self):
        self.usage_error(SEASON, '--chart', names='--output')
        self.usage_error(SEASON, '--format', 'svg', names='--output')
        self.usage_error(SEASON, '--chart', '--output', os.path.join(self.tmp, 'chart.gif'), names='--format')
        self.usage_error(SEASON, '--chart', '--format', 'gif', '--output', 'OUT', names='gif')
        self.usage_error(SEASON, '--chart', '--format', 'csv', '--output', 'OUT', names='csv')
        self.usage_error(SEASON, '--chart', '--output', 'OUT', '--chart-mode', 'laps', names='laps')
        self.usage_error(SEASON, '--chart', '--output', 'OUT', '--top', '0', names='--top')
        self.usage_error(SEASON, '--chart', '--output', 'OUT', '--top', '21', names='--top')
        self.usage_error(SEASON, '--top', '3', names='--chart')
        self.usage_error(SEASON, '--format', 'json', '--chart-mode', 'points', names='--chart')
        self.usage_error('nope-2099', '--chart', '--output', 'OUT', names='nope-2099')
        self.usage_error(SEASON, '--chart', '--output', 'OUT', '--class', 'GT3', names='GT3')

    def test_unwritable(self):
        path = os.path.join(self.tmp, 'no-such-folder', 'chart.svg')
        code, out, err = self.run_cli('standings', SEASON, '--chart', '--output', path)
        self.assertEqual(code, 1)
        self.assertIn('no-such-folder', err)
        self.assertFalse(os.path.exists(path))

    def test_f1_best_eleven(self):
        # 1988 counted the best eleven results: Senna 90 and Prost 87 (of
        # 105) after the last round, not their sums of every result.
        ergast = os.environ.get('PADDOCK_ERGAST_DIR')
        self.assertTrue(ergast and os.path.isdir(ergast), 'PADDOCK_ERGAST_DIR is not set')
        self.ok('import', 'ergast', ergast)
        _, _, desc = self.svg('f1-1988', '--chart')
        self.assertTrue(desc.startswith('Ayrton Senna leads with 90 points after round 16. 2. Alain Prost, 87.'),
                        desc)
        # The rounds by their names, without the "Grand Prix" they all end in.
        path = os.path.join(self.tmp, 'chart.pdf')
        self.ok('standings', 'f1-2021', '--kind', 'teams', '--after-round', '9', '--chart', '--output', path)
        text = subprocess.run(['pdftotext', path, '-'], stdout=subprocess.PIPE,
                              check=True).stdout.decode('utf-8')
        for name in ('Red Bull', 'Mercedes', 'Bahrain', 'Portuguese', 'Austrian', 'R9', '286'):
            self.assertIn(name, text)
        self.assertNotIn('Grand Prix', text)
        self.assertNotIn('R10', text)


class TitleTest(CliTestCase):
    """The title maths beside the standings: who can still win, what each
    needs, and the round the title was decided at. Real seasons imported
    from the Ergast data, checked against the record: 2023, Verstappen
    champion at the Qatar sprint (round 17); 1988, only the best eleven
    results counted, and Senna, second after Spain (round 14), could take
    the title at Suzuka (round 15) while Prost, ahead, could not."""

    @classmethod
    def setUpClass(cls):
        # The history is imported once (it takes a while under the
        # sanitizers), and each test starts from a copy of that database.
        cls.imported = tempfile.mkdtemp(prefix='paddock-cli-title-')
        ergast = os.environ.get('PADDOCK_ERGAST_DIR')
        if not ergast or not os.path.isdir(ergast) or not CLI:
            raise RuntimeError('PADDOCK_ERGAST_DIR and PADDOCK_CLI must be set')
        proc = subprocess.run([CLI, '--database', os.path.join(cls.imported, 'paddock.db'), 'import', 'ergast',
                               ergast], env=dict(os.environ, LC_ALL='en_US.UTF-8'),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300, check=False)
        if proc.returncode != 0:
            raise RuntimeError('the Ergast import failed: %s' % proc.stderr.decode('utf-8'))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.imported, True)

    def setUp(self):
        super().setUp()
        for name in os.listdir(self.imported):
            shutil.copy(os.path.join(self.imported, name), os.path.join(self.tmp, name))

    def title(self, season, *args, env=None):
        data = self.json_ok('standings', season, '--format', 'json', *args, env=env)
        self.assertEqual(len(data['title']['contenders']), len(data['standings']))
        return data['title']

    def test_open(self):
        # After Japan (round 16): Verstappen 400, Pérez 223, Hamilton 190;
        # six rounds left, three with a sprint: 6 × (25 + 1) + 3 × 8 = 180.
        title = self.title('f1-2023', '--after-round', '16')
        self.assertEqual(title['after_round'], 16)
        self.assertFalse(title['over'])
        self.assertEqual(title['points_available'], 180)
        self.assertEqual(title['points_available_exact'], '180/1')
        self.assertEqual((title['rounds_left'], title['sessions_left'], title['next_round']), (6, 9, 17))
        self.assertIsNone(title['decided_round'])
        self.assertEqual(title['champions'], [])
        self.assertFalse(title['newcomer_can_win'])
        contenders = {c['ref']: c for c in title['contenders']}
        self.assertEqual([c['ref'] for c in title['contenders'] if c['can_win']], ['max_verstappen', 'perez'])
        verstappen, perez, hamilton = contenders['max_verstappen'], contenders['perez'], contenders['hamilton']
        self.assertEqual((verstappen['points'], verstappen['max_points'], verstappen['gap']), (400, 580, 177))
        self.assertTrue(verstappen['can_clinch_next'])
        self.assertIsNone(verstappen['needs'])
        self.assertEqual((perez['points'], perez['max_points'], perez['needs']), (223, 403, 177))
        self.assertFalse(perez['can_clinch_next'])
        self.assertEqual((hamilton['points'], hamilton['max_points'], hamilton['can_win']), (190, 370, False))
        self.assertIsNone(hamilton['needs'])

    def test_best_eleven(self):
        # 1988 after Spain: Prost 84 counted (six wins and five seconds;
        # a sixth second dropped), Senna 79 (seven wins, two seconds, a
        # 3 and a 1); 18 left. A win replaces Prost's worst counted result,
        # a 6: 90 at most. Senna's two wins replace his 1 and his 3: 93.
        # Prost cannot clinch at Suzuka; Senna can.
        title = self.title('f1-1988', '--after-round', '14')
        contenders = {c['ref']: c for c in title['contenders']}
        self.assertEqual(title['points_available'], 18)
        self.assertEqual([c['ref'] for c in title['contenders'] if c['can_win']], ['prost', 'senna'])
        self.assertEqual((contenders['prost']['points'], contenders['prost']['max_points']), (84, 90))
        self.assertEqual((contenders['senna']['points'], contenders['senna']['max_points']), (79, 93))
        self.assertFalse(contenders['prost']['can_clinch_next'])
        self.assertTrue(contenders['senna']['can_clinch_next'])

    def test_decided(self):
        for season, args, round_number, champion in (('f1-2023', [], 17, 'max_verstappen'),
                                                     ('f1-2023', ['--after-round', '17'], 17, 'max_verstappen'),
                                                     ('f1-1988', [], 15, 'senna')):
            title = self.title(season, *args)
            self.assertEqual(title['decided_round'], round_number, season)
            self.assertEqual(title['champions'], [champion])
            self.assertEqual([c['ref'] for c in title['contenders'] if c['can_win']], [champion])
        self.assertTrue(self.title('f1-1988')['over'])
        self.assertIsNone(self.title('f1-2023', '--after-round', '16')['decided_round'])

    def test_text(self):
        out = self.ok('standings', 'f1-2023', '--after-round', '16')
        self.assertIn('\nTitle: 180 points still available in 6 rounds\n'
                      '  Max Verstappen: Leads by 177 points. Can clinch the title at round 17.\n'
                      '  Sergio Pérez: Must make up 177 points on Max Verstappen\n'
                      '  Out of contention: Lewis Hamilton, Fernando Alonso, ', out)
        self.assertRegex(out, r'Nico Hülkenberg and 8 more\n')
        out = self.ok('standings', 'f1-1988')
        self.assertIn('\nTitle: Decided at round 15; champion: Ayrton Senna\n', out)
        self.assertNotIn('Out of contention', out)

    def test_swedish(self):
        env = self.env(LC_ALL='sv_SE.UTF-8')
        out = self.ok('standings', 'f1-2023', '--after-round', '16', env=env)
        self.assertIn('\nTiteln: 180 poäng kvar att ta i 6 omgångar\n'
                      '  Max Verstappen: Leder med 177 poäng. Kan säkra titeln i omgång 17.\n'
                      '  Sergio Pérez: Måste ta in 177 poäng på Max Verstappen\n'
                      '  Ur räkningen: Lewis Hamilton, ', out)
        out = self.ok('standings', 'f1-1988', env=env)
        self.assertIn('\nTiteln: Avgjord i omgång 15; mästare: Ayrton Senna\n', out)
        # JSON is for programs: the same in every language.
        self.assertEqual(self.title('f1-2023', '--after-round', '16', env=env),
                         self.title('f1-2023', '--after-round', '16'))

    def test_seeded_gt4(self):
        # The embedded season has results at Spa and Barcelona only: the
        # sessions of the other rounds, and Barcelona's qualifying, count
        # as still to come: four rounds of 1 + 1 + 25 + 25 and two
        # qualifyings, 210 points, none of them after round 6.
        title = self.title(SEASON, '--class', 'Silver')
        self.assertEqual(title['after_round'], 6)
        self.assertEqual((title['points_available'], title['rounds_left'], title['next_round']), (210, 5, None))
        self.assertTrue(title['newcomer_can_win'])
        self.assertTrue(all(c['can_win'] for c in title['contenders']))
        out = self.ok('standings', SEASON, '--class', 'Silver')
        self.assertIn('Title: 210 points still available in 5 rounds\n', out)
        self.assertIn('  Michael Schrey: Level on points for the lead\n', out)
        self.assertIn('  Sessions of rounds already run that have no results yet count as still to come.\n', out)


TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.join(TESTS_DIR, '..', '..')
ERGAST_GOOD = os.path.join(TESTS_DIR, '..', 'data', 'ergast', 'good')


class SeasonFileTestCase(CliTestCase):
    """export and import of Paddock season files."""

    def path(self, name):
        return os.path.join(self.tmp, name)

    def export(self, season, name, *args, database=None):
        path = self.path(name)
        env_db = ['--database', database] if database else []
        code, out, err = self.run_cli(*env_db, 'export', season, '--output', path, *args,
                                      database=database is None)
        self.assertEqual(code, 0, 'exit status %d, stderr: %s' % (code, err))
        self.assertEqual((out, err), ('', ''))
        with open(path, 'rb') as f:
            return f.read()

    def dump(self, database=None):
        """Every row of the database, to tell whether anything changed."""
        con = sqlite3.connect(database or self.db)
        try:
            return '\n'.join(con.iterdump())
        finally:
            con.close()


class SeasonExportTest(SeasonFileTestCase):
    """export --format paddock and import paddock: exact inverses."""

    def test_round_trip(self):
        first = self.export(SEASON, 'first.json')
        self.assertTrue(first.startswith(b'{\n  "format" : "paddock-season",\n  "version" : 2,\n'), first[:80])
        # The default format, and the standard output.
        self.assertEqual(self.export(SEASON, 'again.json', '--format', 'paddock'), first)
        self.assertEqual(self.ok('export', SEASON).encode('utf-8'), first)

        other = self.path('other.db')
        out = self.ok('--database', other, 'import', 'paddock', self.path('first.json'), database=False)
        self.assertIn(SEASON, out)
        self.assertIn('rounds: 7', out)
        self.assertEqual(self.export(SEASON, 'second.json', database=other), first)

        # Importing it again changes nothing.
        before = self.dump(other)
        self.ok('--database', other, 'import', 'paddock', self.path('first.json'), '--season', SEASON,
                database=False)
        self.assertEqual(self.dump(other), before)

    def test_f1_round_trip(self):
        """Formula 1 seasons of the Ergast fixture: shared drives, car numbers
        per race, sprints."""
        self.ok('import', 'ergast', ERGAST_GOOD)
        other = self.path('other.db')
        for season in ('f1-1951', 'f1-2024'):
            first = self.export(season, season + '.json')
            data = json.loads(first)
            self.assertEqual(data['season']['rules_id'], season)
            self.ok('--database', other, 'import', 'paddock', self.path(season + '.json'), database=False)
            self.assertEqual(self.export(season, season + '-2.json', database=other), first)
        # The copy's standings are the original's.
        self.assertEqual(self.json_ok('--database', other, 'standings', 'f1-2024', '--format', 'json',
                                      database=False),
                         self.json_ok('standings', 'f1-2024', '--format', 'json'))

    def test_round_crew_and_rules(self):
        self.ok('entries', SEASON, '--car', '7', '--round', '3', '--driver', 'Åsa Öberg')
        self.ok('rules', SEASON, '--preset', 'club-dropped-rounds')
        rules = os.path.join(SOURCE_DIR, 'data', 'rules', 'gt4-european.json')
        self.ok('rules', SEASON, '--file', rules)
        first = self.export(SEASON, 'first.json')
        data = json.loads(first)
        self.assertEqual(data['season']['rules']['format'], 'paddock-rules')
        spa = [r for r in data['rounds'] if r.get('number') == 3][0]
        self.assertEqual(len(spa['crews']), 1)
        self.assertIn('asa-oberg', spa['crews'][0]['crew_ids'])

        other = self.path('other.db')
        self.ok('--database', other, 'import', 'paddock', self.path('first.json'), database=False)
        self.assertEqual(self.export(SEASON, 'second.json', database=other), first)
        entries = {e['number']: e for e in self.json_ok('--database', other, 'entries', SEASON,
                                                        '--format', 'json', database=False)}
        self.assertIn('Åsa Öberg', [d['name'] for d in entries['7']['round_crews']['3']])

    def test_other_season_refused(self):
        self.export(SEASON, 'gt4.json')
        before = self.dump()
        code, out, err = self.run_cli('import', 'paddock', self.path('gt4.json'), '--season', 'gt4-european-2024')
        self.assertEqual(code, 2, err)
        self.assertEqual(out, '')
        self.assertIn('gt4-european-2024', err)
        self.assertIn(SEASON, err)
        self.assertIn('nothing was imported', err)
        self.assertEqual(self.dump(), before)

    def test_broken_file_imports_nothing(self):
        data = json.loads(self.export(SEASON, 'gt4.json'))
        data['season']['name'] = 'Renamed'
        data['rounds'][2]['sessions'][1]['start_utc'] = '2023-07-28T25:00:00Z'
        with open(self.path('bad.json'), 'w', encoding='utf-8') as f:
            json.dump(data, f)
        before = self.dump()
        code, out, err = self.run_cli('import', 'paddock', self.path('bad.json'))
        self.assertEqual(code, 1, err)
        self.assertEqual(out, '')
        self.assertIn('rounds[2].sessions[1].start_utc', err)
        self.assertIn('nothing was imported', err)
        self.assertEqual(self.dump(), before)

        code, out, err = self.run_cli('import', 'paddock', self.path('missing.json'))
        self.assertEqual(code, 1)
        self.assertEqual(out, '')
        self.assertIn('missing.json', err)

    def usage_error(self, *args, names, creates_database=False):
        code, out, err = self.run_cli(*args)
        self.assertEqual(code, 2, 'exit status %d; stdout %r; stderr %r' % (code, out, err))
        self.assertEqual(out, '')
        self.assertTrue(err.startswith('paddock-cli: '), err)
        self.assertIn(names, err)
        self.assertEqual(os.path.exists(self.db), creates_database)

    def test_usage_errors(self):
        out = self.path('out.json')
        self.usage_error('export', SEASON, '--format', 'ics2', '--output', out, names='ics2')
        self.usage_error('export', '--output', out, names=SEASON)
        self.usage_error('export', SEASON, '--colour', names='--colour')
        self.usage_error('import', 'paddoc', out, names='paddoc')
        self.usage_error('import', 'paddock', out, '--round', '3', names='--round')
        self.usage_error('export', 'nope-2099', '--output', out, names='nope-2099', creates_database=True)
        self.usage_error('export', 'nope-2099', '--format', 'csv', '--output', out, names='nope-2099',
                         creates_database=True)
        self.assertFalse(os.path.exists(out))

    def test_unwritable(self):
        path = os.path.join(self.tmp, 'no-such-folder', 'gt4.json')
        code, out, err = self.run_cli('export', SEASON, '--output', path)
        self.assertEqual(code, 1)
        self.assertEqual(out, '')
        self.assertIn('no-such-folder', err)
        self.assertFalse(os.path.exists(path))


class IcsTest(SeasonFileTestCase):
    """export --format ics and import ics."""

    QUIRKS = os.path.join(TESTS_DIR, '..', 'data', 'ics', 'quirks.ics')

    def export_ics(self, name, *args, database=None):
        env_db = ['--database', database] if database else []
        path = self.path(name)
        code, out, err = self.run_cli(*env_db, 'export', SEASON, '--format', 'ics', '--output', path, *args,
                                      env=self.env(SOURCE_DATE_EPOCH='1700000000'), database=database is None)
        self.assertEqual((code, out, err), (0, '', ''))
        with open(path, 'rb') as f:
            return f.read()

    def test_export(self):
        text = self.export_ics('gt4.ics', '--reminder', '15')
        self.assertTrue(text.startswith(b'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Paddock//'), text[:80])
        self.assertIn(b'BEGIN:VTIMEZONE\r\nTZID:Europe/Madrid\r\n', text)
        self.assertIn(b'UID:gt4-european-2023.r6.race1@paddock\r\n', text)
        self.assertIn(b'DTSTART;TZID=Europe/Madrid:20230930T165000\r\n', text)
        self.assertIn(b'DTSTAMP:20231114T221320Z\r\n', text)
        self.assertIn(b'TRIGGER:-PT15M\r\n', text)
        self.assertEqual(self.export_ics('again.ics', '--reminder', '15'), text)
        self.assertNotIn(b'VALARM', self.export_ics('plain.ics'))

    def test_round_trip(self):
        first = self.export_ics('first.ics')
        other = self.path('other.db')
        out = self.ok('--database', other, 'import', 'ics', self.path('first.ics'), '--season', SEASON,
                      database=False)
        self.assertEqual(out, 'Imported 12 sessions in 2 rounds into %s.\n' % SEASON)
        self.assertEqual(self.export_ics('second.ics', database=other), first)

    def test_import_quirks(self):
        code, out, err = self.run_cli('import', 'ics', self.QUIRKS, '--season', 'quirks')
        self.assertEqual(code, 0, err)
        self.assertEqual(out, 'Imported 5 sessions in 3 rounds into quirks '
                              '(5 events or parts of events left out, see above).\n')
        lines = [re.match(r'paddock-cli: .*quirks\.ics: Line (\d+): ', line).group(1)
                 for line in err.splitlines()]
        self.assertEqual(lines, ['53', '59', '65', '68', '75'])
        self.assertIn('unknown time zone, “America/Soa_Paulo”', err)
        rows = self.json_ok('schedule', 'quirks', '--format', 'json')
        self.assertEqual(len(rows), 5)
        self.assertIn('2024-03-08T12:45:00Z', [r.get('start_utc') for r in rows])

        # Again: nothing changes.
        before = self.dump()
        code, out, err = self.run_cli('import', 'ics', self.QUIRKS, '--season', 'quirks')
        self.assertEqual(code, 0, err)
        self.assertEqual(self.dump(), before)

    def test_not_icalendar(self):
        self.ok('seasons')
        before = self.dump()
        bad = self.path('bad.ics')
        with open(bad, 'w') as f:
            f.write('{"format": "paddock-season"}\n')
        code, out, err = self.run_cli('import', 'ics', bad, '--season', 'nothing')
        self.assertEqual(code, 1)
        self.assertEqual(out, '')
        self.assertIn('not an iCalendar file', err)
        self.assertIn('nothing was imported', err)
        self.assertEqual(self.dump(), before)

    def test_usage(self):
        code, out, err = self.run_cli('import', 'ics', self.QUIRKS)
        self.assertEqual(code, 2)
        self.assertIn('--season', err)
        code, out, err = self.run_cli('export', SEASON, '--reminder', '10')
        self.assertEqual(code, 2)
        self.assertIn('--reminder', err)
        code, out, err = self.run_cli('export', SEASON, '--format', 'ics', '--reminder', '-5')
        self.assertEqual(code, 2)


class SportstimesTest(SeasonFileTestCase):
    """import sportstimes: the calendars of f1calendar.com and its sister
    sites (tests/data/sportstimes, see its README)."""

    DATA = os.path.join(TESTS_DIR, '..', 'data', 'sportstimes')

    def test_import_f1_2024(self):
        path = os.path.join(self.DATA, 'f1', '2024.json')
        # No --season: f1/2024.json gives "f1-2024" and the series.
        out = self.ok('import', 'sportstimes', path)
        self.assertEqual(out, 'Imported 120 sessions in 24 rounds into f1-2024.\n')
        rows = self.json_ok('schedule', 'f1-2024', '--round', '4', '--format', 'json')
        # Japanese is "round": 18 in the file, and fourth by time.
        self.assertEqual({r['round_name'] for r in rows}, {'Japanese'})
        self.assertEqual([r['session'] for r in rows],
                         ['Free Practice 1', 'Free Practice 2', 'Free Practice 3', 'Qualifying', 'Grand Prix'])
        race = rows[-1]
        self.assertEqual(race['start_utc'], '2024-04-07T05:00:00Z')
        self.assertEqual(race['start_track'], '2024-04-07T14:00:00+09:00')
        self.assertEqual(race['track_zone'], 'Asia/Tokyo')
        self.assertEqual(race['duration_min'], 120)
        self.assertEqual(race['kind'], 'race')

        # Again: nothing changes.
        before = self.dump()
        self.assertEqual(self.ok('import', 'sportstimes', path, '--season', 'f1-2024'), out)
        self.assertEqual(self.dump(), before)

    def test_problems(self):
        path = os.path.join(self.DATA, 'motogp', '2024.json')
        code, out, err = self.run_cli('import', 'sportstimes', path, '--season', 'moto', '--series', 'motogp')
        self.assertEqual(code, 0, err)
        self.assertEqual(out, 'Imported 126 sessions in 21 rounds into moto (4 problems, see above).\n')
        lines = err.splitlines()
        self.assertEqual(len(lines), 4, err)
        for line in lines:
            self.assertRegex(line, r'^paddock-cli: .*2024\.json: Race \d+, “.*”: the time zone of “.*” is not known')
        self.assertIn('“Kazakhstan”', err)

    def test_swedish(self):
        path = os.path.join(self.DATA, 'f2', '2023.json')
        out = self.ok('import', 'sportstimes', path, env=self.env(LC_ALL='sv_SE.UTF-8'))
        self.assertEqual(out, 'Importerade 56 pass i 14 omgångar till f2-2023.\n')
        rows = self.json_ok('schedule', 'f2-2023', '--round', '1', '--format', 'json')
        self.assertEqual([r['session'] for r in rows], ['Practice', 'Qualifying', 'Sprint', 'Feature Race'])

    def test_not_sportstimes(self):
        self.ok('seasons')
        before = self.dump()
        bad = self.path('bad.json')
        with open(bad, 'w') as f:
            f.write('{"races": [\n  {"name": 1,,}]}\n')
        code, out, err = self.run_cli('import', 'sportstimes', bad, '--season', 'nothing')
        self.assertEqual(code, 1)
        self.assertEqual(out, '')
        self.assertIn('not a sportstimes calendar', err)
        self.assertIn(':2:', err)
        self.assertIn('nothing was imported', err)
        self.assertEqual(self.dump(), before)

    def test_usage(self):
        self.ok('seasons')
        before = self.dump()
        bad = self.path('calendar.json')
        with open(bad, 'w') as f:
            f.write('{"races": []}')
        # Neither --season nor a SERIES/YEAR.json path.
        code, out, err = self.run_cli('import', 'sportstimes', bad)
        self.assertEqual((code, out), (2, ''))
        self.assertIn('--season', err)
        code, out, err = self.run_cli('import', 'sportstimes', bad, '--season', 'x', '--series', 'wec')
        self.assertEqual((code, out), (2, ''))
        self.assertIn('“wec”', err)
        code, out, err = self.run_cli('import', 'ics', bad, '--season', 'x', '--series', 'f1')
        self.assertEqual((code, out), (2, ''))
        self.assertIn('--series', err)
        code, out, err = self.run_cli('import', 'calendar', bad)
        self.assertEqual(code, 2)
        self.assertIn('“sportstimes”', err)
        self.assertEqual(self.dump(), before)


class SeasonCsvTest(SeasonFileTestCase):
    """export --format csv: the season's sessions, with the columns of
    `schedule --format json`."""

    def test_schedule_csv(self):
        text = self.export(SEASON, 'gt4.csv', '--format', 'csv').decode('utf-8')
        self.assertTrue(text.endswith('\r\n'))
        rows = list(csv.reader(io.StringIO(text, newline='')))
        schedule = self.schedule()
        self.assertEqual(rows[0], list(schedule[0].keys()))
        self.assertEqual(len(rows), 1 + len(schedule))
        header = rows[0]
        for row, expected in zip(rows[1:], schedule):
            record = dict(zip(header, row))
            for key, value in expected.items():
                if value is None:
                    self.assertEqual(record[key], '', key)
                elif isinstance(value, bool):
                    self.assertEqual(record[key], 'true' if value else 'false', key)
                else:
                    self.assertEqual(record[key], str(value), key)
        race1 = [dict(zip(header, r)) for r in rows[1:] if r[header.index('session_id')] ==
                 'gt4-european-2023.r6.race1'][0]
        self.assertEqual(race1['start_utc'], '2023-09-30T14:50:00Z')
        self.assertEqual(race1['start_track'], '2023-09-30T16:50:00+02:00')
        self.assertEqual(race1['driver_change'], 'true')
        # A name with a comma is quoted (RFC 4180).
        self.ok('import', 'alkamel', os.path.join(ALKAMEL, 'gt4-spa-race2.csv'), '--season', 'test-2023',
                '--round', '1', '--session', 'Race 2, Sunday')
        text = self.export('test-2023', 'test.csv', '--format', 'csv').decode('utf-8')
        self.assertIn('"Race 2, Sunday"', text)


class SeasonSchemaTest(SeasonFileTestCase):
    """data/season.schema.json (JSON Schema 2020-12, checked with Debian's
    python3-jsonschema) holds for the embedded season and for exported
    files, and their own rules for data/rules.schema.json."""

    def validator(self, name):
        import jsonschema
        with open(os.path.join(SOURCE_DIR, 'data', name), encoding='utf-8') as f:
            schema = json.load(f)
        jsonschema.Draft202012Validator.check_schema(schema)
        return jsonschema.Draft202012Validator(schema)

    def assertValid(self, validator, document, what):
        errors = ['%s: %s' % ('/'.join(str(p) for p in e.absolute_path), e.message)
                  for e in validator.iter_errors(document)]
        self.assertEqual(errors, [], what)

    def test_schema(self):
        season_schema = self.validator('season.schema.json')
        rules_schema = self.validator('rules.schema.json')
        with open(os.path.join(SOURCE_DIR, 'data', 'seasons', 'gt4-european-2023.json'), encoding='utf-8') as f:
            embedded = json.load(f)
        self.assertValid(season_schema, embedded, 'the embedded season')

        self.ok('import', 'ergast', ERGAST_GOOD)
        self.ok('entries', SEASON, '--car', '7', '--round', '3', '--driver', 'Åsa Öberg')
        self.ok('rules', SEASON, '--preset', 'club-dropped-rounds')
        self.ok('rules', SEASON, '--file', os.path.join(SOURCE_DIR, 'data', 'rules', 'gt4-european.json'))
        for season in (SEASON, 'f1-1951', 'f1-2024', 'f1-2025'):
            document = json.loads(self.export(season, season + '.json'))
            self.assertValid(season_schema, document, season)
            if 'rules' in document['season']:
                self.assertValid(rules_schema, document['season']['rules'], season + ' rules')

        # The check is not empty: a misspelt member and a bad id fail it.
        embedded['rounds'][0]['sesions'] = []
        embedded['entries'][0]['team_id'] = 'a team'
        self.assertEqual(len(list(season_schema.iter_errors(embedded))), 2)


def swedish_mo():
    return os.path.join(LOCALEDIR or '', 'sv', 'LC_MESSAGES', 'paddock.mo')


class SwedishTest(CliTestCase):
    """Under LC_ALL=sv_SE.UTF-8. Day and month names come from the C
    library's locale data (`LC_ALL=sv_SE.UTF-8 locale day mon`)."""

    def sv_env(self):
        return self.env(LC_ALL='sv_SE.UTF-8')

    def test_catalogue_built(self):
        self.assertTrue(LOCALEDIR, 'PADDOCK_LOCALEDIR is not set')
        self.assertTrue(os.path.isfile(swedish_mo()), '%s does not exist' % swedish_mo())

    def test_day_headings(self):
        out = self.ok('schedule', SEASON, '--round', '6', env=self.sv_env())
        self.assertIn('fredag 29 september', out)
        self.assertIn('lördag 30 september', out)
        self.assertIn('söndag 1 oktober', out)
        self.assertIn('16:50 CEST', out)

    def test_json_is_not_localized(self):
        # JSON is for programs: the same in every language.
        sv = self.schedule('--round', '6', env=self.sv_env())
        en = self.schedule('--round', '6')
        self.assertEqual(sv, en)


class SwedishMessagesTest(CliTestCase):
    """The tool's own messages in Swedish, from build/po/sv/LC_MESSAGES/
    paddock.mo. This fails until po/sv.po translates them: that is the
    point, Swedish is to be complete at all times."""

    def setUp(self):
        super().setUp()
        path = swedish_mo()
        self.assertTrue(os.path.isfile(path), '%s does not exist' % path)
        with open(path, 'rb') as f:
            self.catalogue = gettext.GNUTranslations(f)

    def translation(self, msgid):
        text = self.catalogue.gettext(msgid)
        self.assertNotEqual(text, msgid, '“%s” is not translated in sv.po' % msgid)
        return text

    def sv(self, *args):
        return self.ok(*args, env=self.env(LC_ALL='sv_SE.UTF-8'))

    def test_driver_change(self):
        out = self.sv('schedule', SEASON, '--round', '6')
        self.assertIn(self.translation('driver change'), out)
        self.assertNotIn('driver change', out)

    def test_time_not_announced(self):
        out = self.sv('schedule', SEASON, '--round', '3')
        self.assertIn(self.translation('time not announced'), out)

    def test_season_over(self):
        out = self.sv('schedule', SEASON, '--upcoming', '--now', '2024-01-01T00:00:00Z')
        self.assertEqual(out.strip(), self.translation('No sessions to come: the season is over.'))

    def test_import_of_another_season(self):
        path = os.path.join(self.tmp, 'gt4.json')
        self.ok('export', SEASON, '--output', path)
        code, out, err = self.run_cli('import', 'paddock', path, '--season', 'gt4-european-2024',
                                      env=self.env(LC_ALL='sv_SE.UTF-8'))
        self.assertEqual((code, out), (2, ''))
        template = self.translation('the file holds the season “%s”, not “%s”')
        self.assertIn(template.replace('%s', SEASON, 1).replace('%s', 'gt4-european-2024', 1), err)

    def test_usage_error(self):
        code, out, err = self.run_cli('schedule', SEASON, '--tz', 'Mars/Base',
                                      env=self.env(LC_ALL='sv_SE.UTF-8'))
        self.assertEqual(code, 2)
        template = self.translation(
            '“%s” is not a known time zone (expected a name such as “Europe/Madrid”)')
        self.assertIn(template.replace('%s', 'Mars/Base'), err)


if __name__ == '__main__':
    unittest.main(argv=[sys.argv[0]] + sys.argv[1:], verbosity=2)
