#!/usr/bin/env python3
# Writes data/ergast-corrections.json: the facts about Formula 1 races that
# the Ergast CSVs lack or get wrong, which the Ergast import applies
# (src/formats/pd-ergast-fixes.c; docs/ergast-import.md).
#
# Fastest laps. Until 1959, and again in 2019-2024, the fastest lap scored a
# point. Ergast's results.csv says who set it in its `rank` column, except
# for every race of 1950-1959 and two races since 2019 (2021 Belgian GP,
# 2024 Monaco GP). F1DB has no fastest-laps.yml in our subset, but its
# race-results.yml gives each result's points as awarded. A result whose
# points exceed what its place gave under that season's table (a shared
# car's place points divided among its drivers until 1957) holds the
# fastest lap; the excess is the point, or an equal share of it when
# several drivers tied (1/2 in 1952 Italy, 1953 and 1959 Britain; 1/7 in
# 1954 Britain). Each holder is then found in Ergast's results.csv (same
# race, same car number, same driver name) and cross-checked against
# Ergast's own points column, which carries the point too, except the
# 1954 British GP shares of the three drivers who retired. A race where
# no result has the excess gave no fastest-lap point (2021 Belgium, half
# points and no bonus); the script says so.
#
# Positions. Stewards' decisions that Ergast's order does not have are
# listed by hand in POSITIONS below, each with its source, and checked
# against both data sets.
#
# Usage (the build does not run it; commit its output):
#   build-aux/gen-ergast-corrections.py ../shared/data/ergast \
#       ../shared/data/f1db/f1db-seasons-subset.tar.gz data/ergast-corrections.json
#
# F1DB's YAML is read with PyYAML's BaseLoader, which keeps every scalar a
# string: under YAML 1.1 an unquoted "15:00" would become 900.

import csv
import json
import os
import re
import sys
import tarfile
import unicodedata
from fractions import Fraction

import yaml

F1DB = "F1DB, https://github.com/f1db/f1db @ 6a5845b8, CC BY 4.0"

# Stewards' decisions that change a race's order after the finish, which
# Ergast's results.csv does not hold: (year, round, driverRef, Ergast's
# place, the official place, source).
POSITIONS = [
    (2011, 7, "karthikeyan", 14, 17,
     "2011 Canadian Grand Prix: the stewards added a 20-second time penalty to Narain Karthikeyan's "
     "race time after the race, which dropped him from 14th to 17th, behind d'Ambrosio, Glock and "
     "Trulli (official classification). F1DB seasons/2011/races/07-canada/race-results.yml has him "
     "17th with timePenalty 20.000; Ergast's results.csv keeps 14th. " + F1DB),
]

TABLES = {
    "1950s": [8, 6, 4, 3, 2],
    "2019": [25, 18, 15, 12, 10, 8, 6, 4, 2, 1],
}

# Ergast's positionText for F1DB's position codes.
POSITION_TEXT = {"DNF": "R", "DSQ": "D", "EX": "E", "NC": "N", "DNS": "W", "DNQ": "F", "DNPQ": "F"}


def slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def points(text):
    return Fraction(text) if text not in ("", "\\N") else Fraction(0)


def fmt(value):
    """A fraction as people write it: 9, 3/2, 1/7."""
    return str(value) if value.denominator != 1 else str(value.numerator)


def read_csv(ergast, name):
    with open(os.path.join(ergast, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


class Ergast:
    def __init__(self, path):
        self.drivers = {r["driverId"]: r for r in read_csv(path, "drivers.csv")}
        self.races = {}
        for r in read_csv(path, "races.csv"):
            self.races[(int(r["year"]), int(r["round"]))] = r
        self.results = {}
        for r in read_csv(path, "results.csv"):
            self.results.setdefault(r["raceId"], []).append(r)

    def rows(self, year, rnd):
        return self.results.get(self.races[(year, rnd)]["raceId"], [])

    def ref(self, row):
        return self.drivers[row["driverId"]]["driverRef"]

    def name(self, row):
        d = self.drivers[row["driverId"]]
        return "%s %s" % (d["forename"], d["surname"])


class F1db:
    def __init__(self, path):
        self.races = {}
        with tarfile.open(path) as tar:
            for member in tar.getmembers():
                m = re.search(r"seasons/(\d{4})/races/(\d\d)-([^/]+)/race-results\.yml$", member.name)
                if m:
                    rows = yaml.load(tar.extractfile(member), Loader=yaml.BaseLoader) or []
                    self.races[(int(m.group(1)), int(m.group(2)))] = (m.group(3), rows)

    def race(self, year, rnd):
        return self.races[(year, rnd)]


def place_points(year, rows):
    """Each row's points for its place alone, under the season's table."""
    table = TABLES["1950s"] if year <= 1959 else TABLES["2019"]
    cars = {}
    for r in rows:
        if r["position"].isdigit():
            cars.setdefault((r["driverNumber"], r["position"]), []).append(r)
    out = []
    for r in rows:
        value = Fraction(0)
        if r["position"].isdigit() and int(r["position"]) <= len(table):
            crew = cars[(r["driverNumber"], r["position"])]
            # Until 1957 a shared car's points were divided among its
            # drivers; from 1958 a shared car scored nothing.
            if len(crew) == 1:
                value = Fraction(table[int(r["position"]) - 1])
            elif year <= 1957:
                value = Fraction(table[int(r["position"]) - 1], len(crew))
        out.append(value)
    return out


def car_excesses(year, rows, base):
    """For each car (a shared car's crew together), the points F1DB gives
    it beyond its place points. A crew may share its place points
    unequally (1957 British GP: Trintignant 3, Collins 0), so only the
    car's total tells a bonus."""
    cars = {}
    order = []
    for i, r in enumerate(rows):
        key = (r["driverNumber"], r["position"]) if r["position"].isdigit() else ("row", i)
        if key not in cars:
            cars[key] = []
            order.append(key)
        cars[key].append(r)
    out = []
    for key in order:
        crew = cars[key]
        if year <= 1957:
            place = sum(base[rows.index(r)] for r in crew)
        else:
            # From 1958 a shared car scored nothing.
            place = base[rows.index(crew[0])] if len(crew) == 1 else Fraction(0)
        out.append((crew, sum(points(r["points"]) for r in crew) - place))
    return out


def find_ergast_row(ergast, year, rnd, f1db_row):
    """The Ergast result of the same car and driver."""
    found = []
    for row in ergast.rows(year, rnd):
        if row["number"] != f1db_row["driverNumber"]:
            continue
        name = slug(ergast.name(row))
        surname = slug(ergast.drivers[row["driverId"]]["surname"])
        if name == f1db_row["driverId"] or surname in f1db_row["driverId"].split("-") or \
           surname.replace("-", "") in f1db_row["driverId"].replace("-", ""):
            found.append(row)
    if len(found) != 1:
        raise SystemExit("%d round %d: %d Ergast rows for %s in car %s" %
                         (year, rnd, len(found), f1db_row["driverId"], f1db_row["driverNumber"]))
    return found[0]


def position_words(row):
    text = row["positionText"]
    return {"R": "retired", "D": "disqualified", "N": "not classified", "E": "excluded",
            "W": "withdrawn", "F": "did not qualify"}.get(text, "finished %s" % text)


def fastest_laps(ergast, f1db, report):
    corrections = []
    years = list(range(1950, 1960)) + list(range(2019, 2025))
    for year in years:
        rounds = sorted(r for (y, r) in ergast.races if y == year)
        for rnd in rounds:
            erows = ergast.rows(year, rnd)
            if any(r["rank"] == "1" for r in erows):
                continue  # Ergast says who set it
            gp, rows = f1db.race(year, rnd)
            path = "seasons/%d/races/%02d-%s/race-results.yml" % (year, rnd, gp)
            base = place_points(year, rows)
            holders = []
            for crew, excess in car_excesses(year, rows, base):
                if excess < -Fraction(1, 20):
                    report.append("  note: %d R%d car %s (%s): F1DB gives %s less than the place (not a fastest lap)"
                                  % (year, rnd, crew[0]["driverNumber"],
                                     ", ".join(r["driverId"] for r in crew), fmt(-excess)))
                if excess <= Fraction(1, 20):
                    continue
                # In a shared car, the driver who set the lap is the one
                # above his share of the place points.
                over = [(points(r["points"]) - base[rows.index(r)], r) for r in crew]
                best = max(x for x, _ in over)
                holder = [r for x, r in over if x == best]
                if len(holder) != 1:
                    raise SystemExit("%d R%d: car %s has a fastest-lap point, but whose?" %
                                     (year, rnd, crew[0]["driverNumber"]))
                holders.append((holder[0], excess))
            if not holders:
                report.append("%d R%d %s: no result has a fastest-lap point in F1DB: none was awarded" %
                              (year, rnd, gp))
                continue

            # Every share equal, the shares adding up to one point (F1DB
            # rounds 1/7 to 0.14).
            share = Fraction(1, len(holders))
            for r, excess in holders:
                if abs(excess - share) > Fraction(1, 100):
                    raise SystemExit("%d R%d: %s has %s over its place, not a 1/%d share" %
                                     (year, rnd, r["driverId"], fmt(excess), len(holders)))
            if year >= 2019:
                for r, _ in holders:
                    if not r["position"].isdigit() or int(r["position"]) > 10:
                        raise SystemExit("%d R%d: %s outside the top 10 with the point" %
                                         (year, rnd, r["driverId"]))

            names = []
            for r, excess in holders:
                erow = find_ergast_row(ergast, year, rnd, r)
                expected = POSITION_TEXT.get(r["position"], r["position"])
                if erow["positionText"] != expected and not (year <= 1960 and gp == "indianapolis"):
                    raise SystemExit("%d R%d: %s is %s in F1DB, %s in Ergast" %
                                     (year, rnd, r["driverId"], r["position"], erow["positionText"]))
                place = base[rows.index(r)]
                ergast_excess = points(erow["points"]) - place
                if abs(ergast_excess - excess) <= Fraction(1, 100):
                    check = "Ergast's points column agrees (%s)" % erow["points"]
                else:
                    check = "Ergast's points column has %s, without the share" % erow["points"]
                    report.append("  cross-check: %d R%d %s: Ergast points %s, F1DB %s" %
                                  (year, rnd, ergast.ref(erow), erow["points"], r["points"]))
                tie = "" if len(holders) == 1 else ", a 1/%d share of the point: %d drivers tied" % (
                    len(holders), len(holders))
                source = ("Fastest lap, %d %s: F1DB %s gives %s %s points in car %s (%s), where the "
                          "place gives %s%s; %s. %s" %
                          (year, gp, path, ergast.name(erow), r["points"], r["driverNumber"],
                           position_words(erow), fmt(place), tie, check, F1DB))
                corrections.append({
                    "kind": "fastest-lap",
                    "year": year,
                    "round": rnd,
                    "driver": ergast.ref(erow),
                    "number": erow["number"],
                    "position_text": erow["positionText"],
                    "source": source,
                })
                names.append("%s (car %s, %s)" % (ergast.ref(erow), erow["number"], erow["positionText"]))
            report.append("%d R%d %s: %s" % (year, rnd, gp, ", ".join(names)))
    return corrections


def positions(ergast, f1db, report):
    corrections = []
    for year, rnd, ref, old, new, source in POSITIONS:
        erows = ergast.rows(year, rnd)
        target = [r for r in erows if ergast.ref(r) == ref]
        if len(target) != 1 or target[0]["positionText"] != str(old):
            raise SystemExit("%d R%d: Ergast does not have %s %d" % (year, rnd, ref, old))
        gp, rows = f1db.race(year, rnd)
        f1row = [r for r in rows if r["driverNumber"] == target[0]["number"]]
        if len(f1row) != 1 or f1row[0]["position"] != str(new):
            raise SystemExit("%d R%d: F1DB does not have %s %d" % (year, rnd, ref, new))
        # Those in between move up one place in F1DB as well.
        for r in erows:
            if r["positionText"].isdigit() and old < int(r["positionText"]) <= new:
                same = [x for x in rows if x["driverNumber"] == r["number"]]
                if len(same) != 1 or same[0]["position"] != str(int(r["positionText"]) - 1):
                    raise SystemExit("%d R%d: %s is not one place up in F1DB" % (year, rnd, ergast.ref(r)))
        corrections.append({
            "kind": "position",
            "year": year,
            "round": rnd,
            "driver": ref,
            "number": target[0]["number"],
            "from": old,
            "to": new,
            "source": source,
        })
        report.append("%d R%d %s: %s %d -> %d" % (year, rnd, gp, ref, old, new))
    return corrections


def main():
    if len(sys.argv) != 4:
        raise SystemExit("usage: gen-ergast-corrections.py ERGAST-DIR F1DB-SUBSET.tar.gz OUTPUT.json")
    ergast = Ergast(sys.argv[1])
    f1db = F1db(sys.argv[2])
    report = []

    corrections = fastest_laps(ergast, f1db, report) + positions(ergast, f1db, report)
    document = {
        "format": "paddock-ergast-corrections",
        "version": 1,
        "_comment": [
            "Facts about Formula 1 races that the Ergast CSVs lack or get wrong; the Ergast import "
            "applies them (docs/ergast-import.md).",
            "Generated by build-aux/gen-ergast-corrections.py from Ergast's CSVs (TracingInsights/RaceData "
            "@ 7688b1dc, CC0) and F1DB's race-results.yml (" + F1DB + "); do not edit by hand.",
            "fastest-lap: the driver's result in that race (car `number`, Ergast positionText "
            "`position_text`) set the fastest lap; applied only where no result of the race has it yet.",
            "position: the driver's classified place changes from `from` to `to`, the cars in between "
            "moving up one; applied only while the driver is still at `from`.",
        ],
        "corrections": corrections,
    }
    with open(sys.argv[3], "w", encoding="utf-8") as f:
        f.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    print("\n".join(report))
    print("%d corrections: %d fastest laps, %d positions" %
          (len(corrections), sum(c["kind"] == "fastest-lap" for c in corrections),
           sum(c["kind"] == "position" for c in corrections)))


if __name__ == "__main__":
    main()
