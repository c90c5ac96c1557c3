#!/usr/bin/env python3
# Writes the points-rules presets in data/rules/ and their resource list.
#
# The Formula 1 presets follow the eras in shared/data/README.md (points
# tables, fastest-lap point, best-N and split-season counting, shared
# drives, constructors' best car only). Each season's exceptional
# decisions (half points, double points, ineligible finishers,
# exclusions, deductions) are listed with the decision they come from.
# Run it after changing this table, and commit its output:
#   build-aux/gen-rules-presets.py data/rules
import json
import os
import re
import sys

SOURCE_ERAS = ("FIA Formula One World Championship sporting regulations of the season: points "
               "table, fastest-lap point, results counted, shared drives and constructors' scoring")

def table(year):
    if year <= 1959:
        return [8, 6, 4, 3, 2]
    if year == 1960:
        return [8, 6, 4, 3, 2, 1]
    if year <= 1990:
        return [9, 6, 4, 3, 2, 1]
    if year <= 2002:
        return [10, 6, 4, 3, 2, 1]
    if year <= 2009:
        return [10, 8, 6, 5, 4, 3, 2, 1]
    return [25, 18, 15, 12, 10, 8, 6, 4, 2, 1]

BEST = {1950: 4, 1951: 4, 1952: 4, 1953: 4, 1954: 5, 1955: 5, 1956: 5, 1957: 5,
        1958: 6, 1959: 5, 1960: 6, 1961: 5, 1962: 5, 1963: 6, 1964: 6, 1965: 6, 1966: 5}
for y in range(1981, 1991):
    BEST[y] = 11

# Split seasons: (first n1 rounds, best k1) | (rest, best k2).
SPLIT = {1967: (6, 5, 5, 4), 1968: (6, 5, 6, 5), 1969: (6, 5, 5, 4), 1970: (7, 6, 6, 5),
         1971: (6, 5, 5, 4), 1972: (6, 5, 6, 5), 1973: (8, 7, 7, 6), 1974: (8, 7, 7, 6),
         1975: (7, 6, 7, 6), 1976: (8, 7, 8, 7), 1977: (9, 8, 8, 7), 1978: (8, 7, 8, 7),
         1979: (7, 4, 8, 4), 1980: (7, 5, 7, 5)}

INDY_500 = {1950: 3, 1951: 2, 1952: 2, 1953: 2, 1954: 2, 1955: 3, 1956: 3, 1957: 3,
            1958: 4, 1959: 2, 1960: 3}

HALF_POINTS = {
    1975: [(4, "1975 Spanish Grand Prix stopped after 29 of 75 laps (Rolf Stommelen's accident): half points"),
           (12, "1975 Austrian Grand Prix stopped after 29 of 54 laps (rain): half points")],
    1984: [(6, "1984 Monaco Grand Prix stopped after 31 of 77 laps (rain): half points")],
    1991: [(16, "1991 Australian Grand Prix stopped after 14 of 81 laps (rain): half points")],
    2009: [(2, "2009 Malaysian Grand Prix stopped after 31 of 56 laps (rain): half points")],
    2021: [(12, "2021 Belgian Grand Prix: one lap behind the safety car, under 75 % of the distance; "
                "half points and no fastest-lap point (FIA classification, 29 August 2021)")],
}

DOUBLE_POINTS = {2014: [(19, "2014 Formula One Sporting Regulations, article 6.4: double points at the "
                             "final race, the Abu Dhabi Grand Prix")]}

INELIGIBLE = {
    1958: [(8, "mclaren", False, "1958 German Grand Prix: Formula 2 cars ran with the Formula 1 field but could not "
                                "score; McLaren's Formula 2 Cooper (5th, first of the Formula 2 cars) scored nothing and the "
                                "points for fifth were not passed down (F1DB race-results.yml and Ergast results.csv "
                                "both give 0 points to 5th and below)"),
           (10, "gregory", False, "1958 Italian Grand Prix: Masten Gregory and Carroll Shelby shared Maserati car 32 "
                                 "to 4th; from 1958 a car driven by more than one driver scored nothing, for its "
                                 "drivers or its constructor, and the points were not passed down (F1DB race-results.yml "
                                 "and Ergast results.csv give 4th nothing; official constructors' table: Maserati 6, "
                                 "from Argentina and France)")],
    1967: [(7, "oliver", True, "1967 German Grand Prix: Formula 2 cars ran with the Formula 1 field but could not "
                              "score; Oliver's Lotus 48 (5th) passed its points to the next Formula 1 car"),
           (7, "rees", True, "1967 German Grand Prix: Formula 2 cars ran with the Formula 1 field but could not "
                            "score; Rees's Brabham BT23 (7th) passed its points to the next Formula 1 car")],
    1963: [(4, "hill", False, "1963 French Grand Prix: Graham Hill classified third but given no points "
                             "(a push start; stewards' decision)")],
    1984: [(14, "berger", False, "1984 Italian Grand Prix: ATS's second car was not nominated for the "
                                "championship; Berger's sixth place scored nothing and the point was not passed down"),
           (14, "gartner", False, "1984 Italian Grand Prix: Osella's second car was not nominated for the "
                                 "championship; Gärtner's fifth place scored nothing and the points were not passed down")],
    1987: [(16, "dalmas", False, "1987 Australian Grand Prix: Larrousse's second car was not nominated for "
                                "the championship; Dalmas's fifth place scored nothing")],
}

# Drivers of a shared car left out of its points, which its other drivers
# share instead.
LEFT_OUT_OF_SHARED_CAR = {
    1957: [(5, "collins", "1957 British Grand Prix: car 16 (Trintignant, Collins) finished 4th; the official "
                          "classification gives Trintignant all 3 points and Collins, who drove it for part of the "
                          "race, none (F1DB seasons/1957/races/05-great-britain/race-results.yml and Ergast "
                          "results.csv agree)")],
}

ADJUSTMENTS = {
    1997: [("drivers", "michael_schumacher", "exclude", None,
            "FIA World Motor Sport Council, 11 November 1997: Michael Schumacher excluded from the 1997 "
            "drivers' championship for the collision at Jerez; his results stand")],
    2007: [("teams", "mclaren", "exclude", None,
            "FIA World Motor Sport Council, 13 September 2007: McLaren excluded from the 2007 constructors' "
            "championship; its drivers keep their points")],
    1995: [("teams", "benetton", "deduct", 10,
            "1995 Brazilian Grand Prix: the FIA Court of Appeal reinstated Schumacher's win but not "
            "Benetton's constructor points (fuel irregularity)"),
           ("teams", "williams", "deduct", 6,
            "1995 Brazilian Grand Prix: the FIA Court of Appeal reinstated Coulthard's second place but "
            "not Williams's constructor points (fuel irregularity)")],
    2000: [("teams", "mclaren", "deduct", 10,
            "2000 Austrian Grand Prix: McLaren lost its ten constructor points for a missing seal on "
            "Häkkinen's electronic control unit (stewards' decision)")],
    2018: [("teams", "force_india", "reset", 13,
            "FIA, August 2018: Racing Point Force India entered as a new constructor from the Belgian "
            "Grand Prix (round 13); the points of the earlier Force India entry were not carried over")],
    2020: [("teams", "racing_point", "deduct", 15,
            "FIA stewards, 7 August 2020: Racing Point fined and docked 15 constructor points over its "
            "brake ducts")],
}


def f1(year):
    drivers = {"race": {"points": table(year)}}
    if year <= 1959:
        drivers["race"]["fastest_lap"] = {"points": 1}
    elif 2019 <= year <= 2024:
        drivers["race"]["fastest_lap"] = {"points": 1, "top": 10}
    if year == 2021:
        drivers["sprint"] = {"points": [3, 2, 1]}
    elif year >= 2022:
        drivers["sprint"] = {"points": [8, 7, 6, 5, 4, 3, 2, 1]}
    drivers["shared_cars"] = "split" if year <= 1957 else "none"

    counting = None
    if year in BEST:
        counting = {"best": BEST[year]}
    elif year in SPLIT:
        n1, k1, n2, k2 = SPLIT[year]
        counting = {"parts": [{"rounds": n1, "best": k1}, {"best": k2}]}
    if counting:
        drivers["counting"] = counting

    rules = {
        "format": "paddock-rules",
        "version": 1,
        "id": "f1-%d" % year,
        "name": "Formula 1 %d" % year,
        "source": SOURCE_ERAS,
        "drivers": drivers,
        "tie_break": "countback",
    }

    if year >= 1958:
        teams = {"best_car_only": year <= 1978}
        if year == 1961:
            teams["race"] = {"points": [8, 6, 4, 3, 2, 1]}
        teams["fastest_lap"] = 2019 <= year <= 2024
        if year <= 1978 and counting:
            teams["counting"] = counting
        rules["teams"] = teams
    else:
        rules["teams"] = {"enabled": False}

    if year in INDY_500:
        rules["drivers_only"] = [{"round": INDY_500[year], "session": "race",
                                  "source": "The Indianapolis 500 counted for the drivers' championship only (1950-1960)"}]

    multipliers = []
    for rnd, source in HALF_POINTS.get(year, []):
        m = {"round": rnd, "session": "race", "factor": "1/2", "source": source}
        if year == 2021:
            m["bonuses"] = False
        multipliers.append(m)
    for rnd, source in DOUBLE_POINTS.get(year, []):
        multipliers.append({"round": rnd, "session": "race", "factor": 2, "source": source})
    if multipliers:
        rules["multipliers"] = multipliers

    if year >= 2022:
        rules["shortened"] = [
            {"below_percent": 25, "min_laps": 2, "points": [6, 4, 3, 2, 1]},
            {"below_percent": 50, "min_laps": 2, "points": [13, 10, 8, 6, 5, 4, 3, 2, 1]},
            {"below_percent": 75, "min_laps": 2, "points": [19, 14, 12, 9, 8, 6, 5, 3, 2, 1]},
        ]

    if year in INELIGIBLE:
        rules["ineligible"] = [{"round": r, "session": "race", "driver": d, "pass_down": p, "source": s}
                               for r, d, p, s in INELIGIBLE[year]]
    if year in LEFT_OUT_OF_SHARED_CAR:
        rules.setdefault("ineligible", []).extend(
            {"round": r, "session": "race", "driver": d, "to_co_drivers": True, "source": s}
            for r, d, s in LEFT_OUT_OF_SHARED_CAR[year])
    if year in ADJUSTMENTS:
        adjustments = []
        for champ, ident, kind, points, source in ADJUSTMENTS[year]:
            a = {"championship": champ, "id": ident, "kind": kind, "source": source}
            if kind == "reset":
                a["round"] = points
            elif points is not None:
                a["points"] = points
            adjustments.append(a)
        rules["adjustments"] = adjustments
    return rules


OTHERS = [
    {
        "format": "paddock-rules", "version": 1,
        "id": "gt4-european",
        "name": "GT4 European Series",
        "source": "As the 2023 press material describes it: points to the top 10 of each race in each class and "
                  "to the fastest car of each qualifying in each class; the drivers of a car share its points "
                  "and its title. The scale is SRO's usual 25-18-15-12-10-8-6-4-2-1 and one point for the fastest "
                  "qualifier; the press material gives no numbers, so check them against the season's sporting "
                  "regulations.",
        "drivers": {
            "race": {"points": [25, 18, 15, 12, 10, 8, 6, 4, 2, 1], "per_class": True},
            "qualifying": {"points": [1], "per_class": True},
            "shared_cars": "full",
        },
        "teams": {"race": {"points": [25, 18, 15, 12, 10, 8, 6, 4, 2, 1], "per_class": True}},
        "tie_break": "countback",
    },
    {
        "format": "paddock-rules", "version": 1,
        "id": "motogp",
        "name": "MotoGP (from 2023)",
        "source": "FIM Grand Prix World Championship regulations from 2023: Grand Prix 25-20-16-13-11-10-9-8-7-6-5-4-3-2-1, "
                  "Tissot Sprint 12-9-7-6-5-4-3-2-1; all results count.",
        "drivers": {
            "race": {"points": [25, 20, 16, 13, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1]},
            "sprint": {"points": [12, 9, 7, 6, 5, 4, 3, 2, 1]},
            "shared_cars": "none",
        },
        "teams": {},
        "tie_break": "countback",
    },
    {
        "format": "paddock-rules", "version": 1,
        "id": "indycar",
        "name": "IndyCar Series",
        "source": "IndyCar rulebook: 50-40-35-32-30-28-26-24-22-20-19-18-17-16-15-14-13-12-11-10-9-8-7-6-5, then 5 "
                  "points to every starter down to 33rd; 1 point for pole. Laps-led bonuses (+1, +2 for the most) "
                  "are not expressed by this format yet.",
        "drivers": {
            "race": {"points": [50, 40, 35, 32, 30, 28, 26, 24, 22, 20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10,
                                9, 8, 7, 6, 5, 5, 5, 5, 5, 5, 5, 5, 5],
                     "pole": {"points": 1}},
            "shared_cars": "none",
        },
        "teams": {},
        "tie_break": "countback",
    },
    {
        "format": "paddock-rules", "version": 1,
        "id": "club-dropped-rounds",
        "name": "Club championship with dropped rounds",
        "source": "A common club-racing scheme: 20-17-15-13-11-10-9-8-7-6-5-4-3-2-1 per race, one point for the fastest "
                  "lap, and each driver's two worst results dropped over a 14-race season (best 12 count).",
        "drivers": {
            "race": {"points": [20, 17, 15, 13, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1], "fastest_lap": {"points": 1}},
            "shared_cars": "split",
            "counting": {"best": 12},
        },
        "tie_break": "shared",
    },
]


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "data/rules"
    os.makedirs(out, exist_ok=True)
    presets = [f1(y) for y in range(1950, 2026)] + OTHERS
    for rules in presets:
        with open(os.path.join(out, rules["id"] + ".json"), "w", encoding="utf-8") as f:
            text = json.dumps(rules, ensure_ascii=False, indent=2)
            # Points tables on one line each, as people write them.
            text = re.sub(r"\[\s*([0-9\",\s/]+?)\s*\]",
                          lambda m: "[" + ", ".join(x.strip() for x in m.group(1).split(",")) + "]", text)
            f.write(text + "\n")
    with open(os.path.join(out, "rules.gresource.xml"), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n<!-- Generated by build-aux/gen-rules-presets.py -->\n')
        f.write('<gresources>\n  <gresource prefix="/io/github/paddock/Paddock/rules">\n')
        # Not compressed: standings read their season's preset each time,
        # and inflating it cost more than parsing it (the files are small).
        for rules in sorted(presets, key=lambda r: r["id"]):
            f.write('    <file>%s.json</file>\n' % rules["id"])
        f.write('  </gresource>\n</gresources>\n')


if __name__ == "__main__":
    main()
