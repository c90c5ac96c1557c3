#!/usr/bin/python3
"""paddock-cli follow, refresh, changes and imports from URLs, through the
real binary, against an HTTP server on loopback (port 0) in a thread.

Run as: test-cli-feeds.py [TestCaseName ...], with PADDOCK_CLI set (see
tests/meson.build). The harness is test-cli.py's.
"""

import datetime
import http.server
import importlib.util
import json
import os
import sys
import threading
import unittest
import zoneinfo

_spec = importlib.util.spec_from_file_location(
    'test_cli', os.path.join(os.path.dirname(os.path.abspath(__file__)), 'test-cli.py'))
test_cli = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(test_cli)

SEASON = test_cli.SEASON


class Server:
    """Serves self.documents[path] = (etag, bytes, content type), with
    If-None-Match answered by 304, and self.status[path] = code for faults."""

    def __init__(self):
        self.documents = {}
        self.status = {}
        self.requests = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                server.requests.append((self.path, self.headers.get('If-None-Match')))
                if self.path in server.status:
                    self.send_response(server.status[self.path])
                    self.send_header('Content-Length', '0')
                    self.end_headers()
                    return
                if self.path not in server.documents:
                    self.send_response(404)
                    self.send_header('Content-Length', '0')
                    self.end_headers()
                    return
                etag, body, content_type = server.documents[self.path]
                if self.headers.get('If-None-Match') == etag:
                    self.send_response(304)
                    self.send_header('ETag', etag)
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header('ETag', etag)
                self.send_header('Content-Type', content_type)
                self.send_header('Content-Length', str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return 'http://127.0.0.1:%d%s' % (self.httpd.server_address[1], path)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def local_text(instant, zone='Europe/Stockholm'):
    """How a change shows an instant in en_US: "%a %-d %b %H:%M"."""
    t = datetime.datetime.fromisoformat(instant.replace('Z', '+00:00')).astimezone(zoneinfo.ZoneInfo(zone))
    return '%s %d %s %s' % (t.strftime('%a'), t.day, t.strftime('%b'), t.strftime('%H:%M'))


class FeedCliTest(test_cli.CliTestCase):
    """A published season (the embedded GT4 2023, exported from a database
    of its own) followed by another database."""

    def setUp(self):
        super().setUp()
        self.server = Server()
        self.addCleanup(self.server.close)
        self.publisher_db = os.path.join(self.tmp, 'publisher.db')
        path = os.path.join(self.tmp, 'published.json')
        self.ok('--database', self.publisher_db, 'export', SEASON, '--output', path, database=False)
        with open(path, encoding='utf-8') as f:
            self.doc = json.load(f)
        self.publish('"v1"')

    def publish(self, etag):
        body = json.dumps(self.doc).encode('utf-8')
        self.server.documents['/gt4.json'] = (etag, body, 'application/json')

    def race1(self):
        for r in self.doc['rounds']:
            for s in r['sessions']:
                if s.get('start_utc') and s['kind'] == 'race':
                    return r, s
        self.fail('no race with a time in the published season')

    def test_follow_refresh_changes(self):
        url = self.server.url('/gt4.json')
        out = self.ok('follow', SEASON, url)
        self.assertIn('%s follows %s.' % (SEASON, url), out)
        self.assertIn(SEASON, self.ok('seasons'))

        # Nothing new: a conditional request answered 304.
        out = self.ok('refresh', SEASON)
        self.assertIn('%s: not changed since the last refresh' % SEASON, out)
        self.assertEqual(self.server.requests[-1], ('/gt4.json', '"v1"'))

        # The race moves by a quarter of an hour.
        round_, race = self.race1()
        before = race['start_utc']
        t = datetime.datetime.fromisoformat(before.replace('Z', '+00:00')) + datetime.timedelta(minutes=15)
        race['start_utc'] = t.strftime('%Y-%m-%dT%H:%M:%SZ')
        self.publish('"v2"')
        out = self.ok('refresh')
        expected = '%s · %s moved from %s to %s' % (round_['name'], race['name'],
                                                   local_text(before), local_text(race['start_utc']))
        self.assertIn('%s: 1 change' % SEASON, out)
        self.assertIn(expected, out)

        # The schedule has the new time.
        rows = self.json_ok('schedule', SEASON, '--format', 'json')
        starts = [r['start_utc'] for r in rows if r['session'] == race['name'] and r['round_name'] == round_['name']]
        self.assertIn(race['start_utc'], starts)

        # Listed until seen.
        out = self.ok('changes', SEASON, '--unseen')
        self.assertIn(expected + ' (new)', out)
        self.assertIn('%s follows %s' % (SEASON, url), out)
        self.ok('changes', SEASON, '--mark-seen')
        out = self.ok('changes', SEASON, '--unseen')
        self.assertIn('No changes.', out)
        self.assertNotIn(expected, out)
        out = self.ok('changes', SEASON)
        self.assertIn(expected, out)
        self.assertNotIn('(new)', out)

    def test_failed_follow_stores_nothing(self):
        self.server.status['/broken'] = 500
        code, out, err = self.run_cli('follow', 'club-2026', self.server.url('/broken'))
        self.assertEqual(code, 1)
        self.assertEqual(out, '')
        self.assertIn('answered 500 Internal Server Error', err)
        self.assertIn('nothing was stored', err)
        self.assertNotIn('club-2026', self.ok('seasons'))

    def test_failed_refresh_is_kept(self):
        url = self.server.url('/gt4.json')
        self.ok('follow', SEASON, url)
        before = self.ok('export', SEASON)
        self.server.status['/gt4.json'] = 503
        code, out, err = self.run_cli('refresh')
        self.assertEqual(code, 1)
        self.assertIn('%s: %s answered 503' % (SEASON, url), err)
        self.assertEqual(self.ok('export', SEASON), before)
        out = self.ok('changes', SEASON)
        self.assertIn('The last try failed', out)
        self.assertIn('answered 503', out)

        # Back again: fine, and the failure is forgotten.
        del self.server.status['/gt4.json']
        self.ok('refresh')
        self.assertNotIn('The last try failed', self.ok('changes', SEASON))

    def test_usage(self):
        code, out, err = self.run_cli('follow', SEASON, 'ftp://example.org/gt4.json')
        self.assertEqual((code, out), (2, ''))
        self.assertIn('https://', err)
        code, out, err = self.run_cli('follow', SEASON)
        self.assertEqual((code, out), (2, ''))
        code, out, err = self.run_cli('refresh', SEASON)
        self.assertEqual((code, out), (1, ''))
        self.assertIn('does not follow a feed', err)

    def test_import_from_url(self):
        path = os.path.join(self.tmp, 'gt4.ics')
        self.ok('--database', self.publisher_db, 'export', SEASON, '--format', 'ics', '--output', path,
                database=False)
        with open(path, 'rb') as f:
            self.server.documents['/gt4.ics'] = ('"i1"', f.read(), 'text/calendar')
        out = self.ok('import', 'ics', self.server.url('/gt4.ics'), '--season', 'copy-2023')
        self.assertIn('into copy-2023', out)
        rows = self.json_ok('schedule', 'copy-2023', '--format', 'json')
        self.assertTrue(any(r['start_utc'] for r in rows))


if __name__ == '__main__':
    unittest.main(argv=[sys.argv[0]] + sys.argv[1:], verbosity=2)
