"""Integrity tests for the office-holder knowledge base (detente/actors/data/*.csv).

The CSVs are read with the csv module only: the tests do not import detente, so they check
the data itself, whatever the code that consumes it looks like.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2] / "detente" / "actors" / "data"
SEATS_CSV = DATA / "seats.csv"
HOLDERS_CSV = DATA / "office_holders.csv"

SEAT_COLUMNS = ["seat", "country", "role", "sector", "category", "titles"]
HOLDER_COLUMNS = ["seat", "person_id", "name", "aliases", "start", "end"]
CATEGORIES = {
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "national_security_adviser",
    "un_ambassador",
    "speaker",
    "diplomat",
    "chief_of_staff",
    "security_council_secretary",
    "deputy",
    "igo_head",
    "vice_president",
    "other",
}
SECTORS = {"GOV", "MIL", "LEG", "JUD", "OPP", "REB", "CVL", "BUS", "MED", "IGO", "NGO"}
# Categories whose seats may have several holders at once.
CONCURRENT_CATEGORIES = {"deputy"}

COVERAGE_FROM = dt.date(1990, 1, 1)
COVERAGE_TO = dt.date(2026, 11, 23)  # "today" for this knowledge base
SOVIET_END = dt.date(1991, 12, 25)

DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MONTH_RE = re.compile(r"^\d{4}-\d{2}$")
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SEAT_RE = re.compile(r"^[A-Z]{2,4}\.[a-z0-9_]+$")


# --------------------------------------------------------------------------- loading


def _read(path: Path, columns: list[str]) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == columns, f"{path.name}: header {reader.fieldnames}"
        return list(reader)


@pytest.fixture(scope="module")
def seats() -> dict[str, dict[str, str]]:
    rows = _read(SEATS_CSV, SEAT_COLUMNS)
    ids = [r["seat"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate seat ids"
    return {r["seat"]: r for r in rows}


@pytest.fixture(scope="module")
def holders() -> list[dict[str, str]]:
    return _read(HOLDERS_CSV, HOLDER_COLUMNS)


# --------------------------------------------------------------------------- dates


class Bound:
    """A YYYY-MM-DD or YYYY-MM date: `lo` is its first possible day, `hi` its last."""

    def __init__(self, text: str) -> None:
        self.text = text
        if DAY_RE.match(text):
            self.lo = self.hi = dt.date.fromisoformat(text)
            self.month_only = False
        elif MONTH_RE.match(text):
            y, m = int(text[:4]), int(text[5:])
            self.lo = dt.date(y, m, 1)
            self.hi = dt.date(y, m, calendar.monthrange(y, m)[1])
            self.month_only = True
        else:
            raise ValueError(f"bad date {text!r}")

    @property
    def ym(self) -> tuple[int, int]:
        return (self.lo.year, self.lo.month)


def not_before(later: Bound, earlier: Bound) -> bool:
    """later >= earlier, comparing by month when either side has month precision."""
    if later.month_only or earlier.month_only:
        return later.ym >= earlier.ym
    return later.lo >= earlier.lo


def term_bounds(row: dict[str, str]) -> tuple[dt.date, dt.date]:
    """The days a term covers, widest reading: [first day of start, last day of end]."""
    start = Bound(row["start"])
    end = Bound(row["end"]).hi if row["end"] else COVERAGE_TO
    return start.lo, end


def holds_on(row: dict[str, str], day: dt.date) -> bool:
    """Whether the holder of `row` was in office on `day` (end day exclusive)."""
    start = Bound(row["start"])
    if day < start.lo:
        return False
    if not row["end"]:
        return True
    end = Bound(row["end"])
    return day <= end.hi if end.month_only else day < end.lo


# --------------------------------------------------------------------------- 1. schema


def test_seats_schema(seats):
    for seat_id, s in seats.items():
        assert SEAT_RE.match(seat_id), seat_id
        assert s["country"] == "IGO" or re.fullmatch(r"[A-Z]{3}", s["country"]), seat_id
        assert s["role"].strip(), seat_id
        assert s["sector"] in SECTORS, (seat_id, s["sector"])
        assert s["category"] in CATEGORIES, (seat_id, s["category"])
        titles = s["titles"].split("|")
        assert titles and all(t and t == t.strip() for t in titles), seat_id
        assert all(t == t.lower() for t in titles), (seat_id, "titles must be lowercase")
        assert len(titles) == len(set(titles)), (seat_id, "duplicate titles")
    # Soviet seats are filed under Russia; IGO seats under IGO.
    for seat_id, s in seats.items():
        if seat_id.startswith("SUN."):
            assert s["country"] == "RUS", seat_id
        if seat_id.split(".")[0] in {"EU", "UN", "NATO"}:
            assert s["country"] == "IGO", seat_id


def test_required_seats_exist(seats):
    required = [
        "USA.president",
        "USA.vice_president",
        "USA.secretary_of_state",
        "USA.secretary_of_defense",
        "USA.national_security_adviser",
        "USA.un_ambassador",
        "USA.deputy_secretary_of_state",
        "USA.ambassador_to_russia",
        "USA.house_speaker",
        "SUN.president",
        "SUN.premier",
        "SUN.foreign_minister",
        "SUN.defence_minister",
        "RUS.president",
        "RUS.prime_minister",
        "RUS.foreign_minister",
        "RUS.defence_minister",
        "RUS.security_council_secretary",
        "RUS.chief_of_staff",
        "RUS.un_ambassador",
        "RUS.ambassador_to_usa",
        "RUS.deputy_foreign_minister",
        "RUS.foreign_ministry_spokesperson",
        "RUS.duma_speaker",
        "GBR.monarch",
        "GBR.prime_minister",
        "GBR.foreign_secretary",
        "EU.high_representative",
        "EU.commission_president",
        "EU.council_president",
        "UN.secretary_general",
        "NATO.secretary_general",
    ]
    missing = [s for s in required if s not in seats]
    assert not missing, missing
    assert seats["RUS.deputy_foreign_minister"]["category"] == "deputy"
    # Every G20 country (and the extra countries) has a head of state, a head of government
    # (presidential systems excepted) and a foreign minister seat.
    by_country = defaultdict(set)
    for s in seats.values():
        by_country[s["country"]].add(s["category"])
    for country in [
        "ARG",
        "AUS",
        "BRA",
        "CAN",
        "CHN",
        "FRA",
        "DEU",
        "IND",
        "IDN",
        "ITA",
        "JPN",
        "MEX",
        "RUS",
        "SAU",
        "ZAF",
        "KOR",
        "TUR",
        "GBR",
        "USA",
        "UKR",
        "IRN",
        "ISR",
        "SYR",
        "POL",
        "CZE",
        "AZE",
    ]:
        cats = by_country[country]
        assert "head_of_state" in cats, country
        assert "foreign_minister" in cats, country
        assert "defence_minister" in cats, country


def test_holders_schema(seats, holders):
    names_by_pid: dict[str, set[str]] = defaultdict(set)
    for i, r in enumerate(holders, start=2):
        where = f"office_holders.csv line {i}: {r['seat']} {r['person_id']}"
        assert r["seat"] in seats, where
        assert SLUG_RE.match(r["person_id"]), where
        assert r["name"].strip() and r["name"] == r["name"].strip(), where
        start = Bound(r["start"])
        assert start.lo <= COVERAGE_TO, where
        if r["end"]:
            end = Bound(r["end"])
            if start.month_only or end.month_only:
                assert start.ym <= end.ym, where
            else:
                assert start.lo < end.lo, where
            # Only terms that overlap the covered period belong here.
            assert end.hi >= COVERAGE_FROM, where
        aliases = r["aliases"].split("|") if r["aliases"] else []
        assert all(a and a == a.strip() for a in aliases), where
        assert r["name"] not in aliases, where
        assert len(aliases) == len(set(aliases)), where
        # No bare surnames: the code derives those from the name.
        surname = r["name"].split()[-1]
        assert surname not in aliases or len(r["name"].split()) == 1, (where, surname)
        names_by_pid[r["person_id"]].add(r["name"])
    inconsistent = {p: n for p, n in names_by_pid.items() if len(n) > 1}
    assert not inconsistent, inconsistent


def test_person_aliases_consistent(holders):
    aliases_by_pid: dict[str, set[str]] = defaultdict(set)
    for r in holders:
        aliases_by_pid[r["person_id"]].add(r["aliases"])
    inconsistent = {p: a for p, a in aliases_by_pid.items() if len(a) > 1}
    assert not inconsistent, inconsistent


def test_distinct_names_for_distinct_people(holders):
    pids_by_name: dict[str, set[str]] = defaultdict(set)
    for r in holders:
        pids_by_name[r["name"]].add(r["person_id"])
    shared = {n: p for n, p in pids_by_name.items() if len(p) > 1}
    assert not shared, shared


def test_coverage_size(seats, holders):
    people = {r["person_id"] for r in holders}
    assert len(people) >= 400, len(people)
    used = {r["seat"] for r in holders}
    assert used == set(seats), set(seats) - used


def test_only_incumbents_open(seats, holders):
    open_terms = defaultdict(list)
    for r in holders:
        if not r["end"]:
            open_terms[r["seat"]].append(r["person_id"])
    for seat_id, pids in open_terms.items():
        if seats[seat_id]["category"] not in CONCURRENT_CATEGORIES:
            assert len(pids) == 1, (seat_id, pids)


# --------------------------------------------------------------------------- 2. overlaps


def _terms_by_seat(holders):
    out = defaultdict(list)
    for r in holders:
        out[r["seat"]].append(r)
    for terms in out.values():
        terms.sort(key=lambda r: Bound(r["start"]).lo)
    return out


def test_no_overlapping_terms(seats, holders):
    problems = []
    for seat_id, terms in _terms_by_seat(holders).items():
        if seats[seat_id]["category"] in CONCURRENT_CATEGORIES:
            continue
        for prev, nxt in zip(terms, terms[1:], strict=False):
            if not prev["end"]:
                problems.append(f"{seat_id}: open term of {prev['person_id']} is not the last")
            elif not not_before(Bound(nxt["start"]), Bound(prev["end"])):
                problems.append(
                    f"{seat_id}: {prev['person_id']} ({prev['start']}..{prev['end']}) overlaps "
                    f"{nxt['person_id']} ({nxt['start']}..)"
                )
    assert not problems, "\n".join(problems)


def test_no_overlap_for_same_person_in_concurrent_seats(seats, holders):
    problems = []
    for seat_id, terms in _terms_by_seat(holders).items():
        by_person = defaultdict(list)
        for r in terms:
            by_person[r["person_id"]].append(r)
        for pid, own in by_person.items():
            for prev, nxt in zip(own, own[1:], strict=False):
                if not prev["end"] or not not_before(Bound(nxt["start"]), Bound(prev["end"])):
                    problems.append(f"{seat_id}: {pid} has overlapping terms")
    assert not problems, "\n".join(problems)


def test_consecutive_terms_of_one_person_are_merged(seats, holders):
    """Two back-to-back terms of the same person in one seat should be one row."""
    problems = []
    for seat_id, terms in _terms_by_seat(holders).items():
        if seats[seat_id]["category"] in CONCURRENT_CATEGORIES:
            continue
        for prev, nxt in zip(terms, terms[1:], strict=False):
            if prev["person_id"] == nxt["person_id"] and prev["end"] == nxt["start"]:
                problems.append(f"{seat_id}: {prev['person_id']} split at {prev['end']}")
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------- 3. no gaps

P5 = ["USA", "RUS", "CHN", "GBR", "FRA"]
GAPLESS_CATEGORIES = ["head_of_state", "head_of_government", "foreign_minister"]


def _coverage_gaps(terms: list[dict[str, str]]) -> list[tuple[dt.date, dt.date]]:
    intervals = sorted(term_bounds(r) for r in terms)
    gaps = []
    covered = COVERAGE_FROM - dt.timedelta(days=1)  # last day known to be covered
    for lo, hi in intervals:
        if lo > covered + dt.timedelta(days=1) and covered < COVERAGE_TO:
            gaps.append((covered + dt.timedelta(days=1), min(lo, COVERAGE_TO)))
        covered = max(covered, hi)
    # A term that ends on day D is followed by one that starts on D: D itself is covered
    # by the successor, so coverage must reach the end of the period through open terms.
    if covered < COVERAGE_TO:
        gaps.append((covered + dt.timedelta(days=1), COVERAGE_TO))
    return gaps


@pytest.mark.parametrize("country", P5)
@pytest.mark.parametrize("category", GAPLESS_CATEGORIES)
def test_no_gaps_for_p5(seats, holders, country, category):
    # The US president is head of state and head of government alike.
    seat_category = "head_of_state" if (country, category) == ("USA", "head_of_government") else category
    seat_ids = {s for s, row in seats.items() if row["country"] == country and row["category"] == seat_category}
    assert seat_ids, (country, category)
    if country == "USA":
        assert len(seat_ids) == 1
    terms = [r for r in holders if r["seat"] in seat_ids]
    gaps = _coverage_gaps(terms)
    assert not gaps, f"{country} {category} ({sorted(seat_ids)}): gaps {gaps}"


def test_gap_check_catches_gaps():
    """The coverage check itself: a missing day and a missing tail are found; a shared
    boundary day and month precision are not gaps."""
    ok = [
        {"start": "1989-01-01", "end": "2000-01-20"},
        {"start": "2000-01-20", "end": "2010-05"},
        {"start": "2010-05", "end": ""},
    ]
    assert _coverage_gaps(ok) == []
    day_gap = [
        {"start": "1989-01-01", "end": "2000-01-20"},
        {"start": "2000-01-22", "end": ""},
    ]
    assert _coverage_gaps(day_gap) == [(dt.date(2000, 1, 21), dt.date(2000, 1, 22))]
    tail = [{"start": "1989-01-01", "end": "2020-01-01"}]
    assert _coverage_gaps(tail)


def test_soviet_seats_hand_over_to_russia(seats, holders):
    for r in holders:
        if r["seat"].startswith("SUN."):
            assert r["end"], r
            assert Bound(r["end"]).hi <= SOVIET_END, r
    for category in GAPLESS_CATEGORIES:
        soviet = [s for s, row in seats.items() if s.startswith("SUN.") and row["category"] == category]
        assert soviet, category
        ends = [r["end"] for r in holders if r["seat"] in soviet]
        assert SOVIET_END.isoformat() in ends, (category, ends)
        russian = [s for s, row in seats.items() if s.startswith("RUS.") and row["category"] == category]
        on_handover = [r["person_id"] for r in holders if r["seat"] in russian and holds_on(r, SOVIET_END)]
        assert on_handover, category


# --------------------------------------------------------------------------- 4. facts

FACTS = [
    # The Ivanovs: the reason this table exists.
    ("RUS.chief_of_staff", "2013-10-28", "sergei-ivanov"),
    ("RUS.security_council_secretary", "2007-02-22", "igor-ivanov"),
    ("RUS.foreign_minister", "2001-06-01", "igor-ivanov"),
    ("RUS.defence_minister", "2005-05-09", "sergei-ivanov"),
    ("RUS.security_council_secretary", "2000-06-01", "sergei-ivanov"),
    ("RUS.foreign_minister", "2005-01-01", "sergei-lavrov"),
    ("RUS.foreign_minister", "2022-02-24", "sergei-lavrov"),
    ("RUS.president", "2008-03-17", "vladimir-putin"),
    ("RUS.president", "2009-01-01", "dmitry-medvedev"),
    ("RUS.president", "1995-01-01", "boris-yeltsin"),
    ("RUS.prime_minister", "2010-01-01", "vladimir-putin"),
    ("RUS.prime_minister", "2015-06-01", "dmitry-medvedev"),
    ("RUS.prime_minister", "1998-06-01", "sergei-kiriyenko"),
    ("RUS.defence_minister", "2015-09-30", "sergei-shoigu"),
    ("RUS.security_council_secretary", "2014-03-18", "nikolai-patrushev"),
    ("RUS.chief_of_staff", "2007-01-01", "sergei-sobyanin"),
    ("RUS.chief_of_staff", "2004-06-01", "dmitry-medvedev"),
    ("RUS.un_ambassador", "2010-01-01", "vitaly-churkin"),
    ("RUS.un_ambassador", "2000-01-01", "sergei-lavrov"),
    ("RUS.ambassador_to_usa", "2016-12-29", "sergei-kislyak"),
    ("RUS.foreign_ministry_spokesperson", "2020-01-01", "maria-zakharova"),
    ("RUS.deputy_foreign_minister", "2018-01-01", "sergei-ryabkov"),
    ("RUS.duma_speaker", "2010-01-01", "boris-gryzlov"),
    ("SUN.president", "1990-06-01", "mikhail-gorbachev"),
    ("SUN.foreign_minister", "1990-09-01", "eduard-shevardnadze"),
    # United States
    ("USA.secretary_of_state", "2008-03-17", "condoleezza-rice"),
    ("USA.secretary_of_state", "2016-03-24", "john-kerry"),
    ("USA.secretary_of_state", "1991-01-17", "james-baker"),
    ("USA.president", "1991-01-17", "george-h-w-bush"),
    ("USA.president", "2003-03-20", "george-w-bush"),
    ("USA.president", "2022-02-24", "joe-biden"),
    ("USA.vice_president", "2003-03-20", "dick-cheney"),
    ("USA.secretary_of_defense", "2003-03-20", "donald-rumsfeld"),
    ("USA.secretary_of_defense", "2010-01-01", "robert-gates"),
    ("USA.national_security_adviser", "2003-03-20", "condoleezza-rice"),
    ("USA.ambassador_to_russia", "2013-01-01", "michael-mcfaul"),
    ("USA.deputy_secretary_of_state", "2012-01-01", "william-burns"),
    ("USA.house_speaker", "2008-01-01", "nancy-pelosi"),
    # United Kingdom
    ("GBR.prime_minister", "2019-07-23", "theresa-may"),
    ("GBR.prime_minister", "2019-07-25", "boris-johnson"),
    ("GBR.prime_minister", "2003-03-20", "tony-blair"),
    ("GBR.foreign_secretary", "2003-03-20", "jack-straw"),
    ("GBR.monarch", "2020-01-01", "elizabeth-ii"),
    ("GBR.monarch", "2023-01-01", "charles-iii"),
    # China, France, Germany
    ("CHN.president", "2000-01-01", "jiang-zemin"),
    ("CHN.premier", "2010-01-01", "wen-jiabao"),
    ("CHN.foreign_minister", "2019-06-01", "wang-yi"),
    ("CHN.foreign_minister", "2023-05-01", "qin-gang"),
    ("FRA.president", "2003-02-14", "jacques-chirac"),
    ("FRA.foreign_minister", "2003-02-14", "dominique-de-villepin"),
    ("DEU.chancellor", "2003-02-14", "gerhard-schroeder"),
    ("DEU.chancellor", "2015-01-01", "angela-merkel"),
    # Elsewhere
    ("UKR.president", "2014-04-01", "oleksandr-turchynov"),
    ("UKR.president", "2022-02-24", "volodymyr-zelenskyy"),
    ("UKR.president", "2008-08-08", "viktor-yushchenko"),
    ("IRN.president", "2015-07-14", "hassan-rouhani"),
    ("IRN.foreign_minister", "2015-07-14", "mohammad-javad-zarif"),
    ("IRN.supreme_leader", "2015-07-14", "ali-khamenei"),
    ("ISR.prime_minister", "1995-01-01", "yitzhak-rabin"),
    ("JPN.prime_minister", "2015-01-01", "shinzo-abe"),
    ("IND.prime_minister", "2010-01-01", "manmohan-singh"),
    ("TUR.president", "2016-07-15", "recep-tayyip-erdogan"),
    ("SAU.king", "2010-01-01", "king-abdullah"),
    ("SYR.president", "2013-08-21", "bashar-al-assad"),
    ("POL.president", "2008-08-12", "lech-kaczynski"),
    ("KOR.president", "2018-04-27", "moon-jae-in"),
    ("AZE.president", "2008-01-01", "ilham-aliyev"),
    ("CZE.president", "2010-01-01", "vaclav-klaus"),
    ("BRA.president", "2006-01-01", "lula"),
    ("ITA.prime_minister", "2003-03-20", "silvio-berlusconi"),
    ("EU.high_representative", "2015-07-14", "federica-mogherini"),
    ("UN.secretary_general", "2003-03-20", "kofi-annan"),
    ("NATO.secretary_general", "2020-01-01", "jens-stoltenberg"),
]


def test_enough_facts():
    assert len(FACTS) >= 35
    assert len({f[0].split(".")[0] for f in FACTS}) >= 15


@pytest.mark.parametrize("seat_id,day,expected", FACTS, ids=[f"{s}@{d}" for s, d, _ in FACTS])
def test_spot_check(seats, holders, seat_id, day, expected):
    assert seat_id in seats
    when = dt.date.fromisoformat(day)
    found = [r["person_id"] for r in holders if r["seat"] == seat_id and holds_on(r, when)]
    if seats[seat_id]["category"] in CONCURRENT_CATEGORIES:
        assert expected in found, found
    else:
        assert found == [expected], found


def test_one_person_many_seats(holders):
    """Sergei Ivanov held three seats under one person_id, Igor Ivanov two."""
    seats_of = defaultdict(set)
    for r in holders:
        seats_of[r["person_id"]].add(r["seat"])
    assert {"RUS.defence_minister", "RUS.chief_of_staff", "RUS.security_council_secretary"} <= seats_of["sergei-ivanov"]
    assert {"RUS.foreign_minister", "RUS.security_council_secretary"} <= seats_of["igor-ivanov"]
    assert seats_of["sergei-ivanov"].isdisjoint({"RUS.foreign_minister"})


# --------------------------------------------------------------------------- 5. the rest of the world

# Heads of state and government beyond the G20 and the original extra countries.
WORLD_COUNTRIES = [
    "IRQ",
    "AFG",
    "PAK",
    "EGY",
    "LBY",
    "DZA",
    "MAR",
    "TUN",
    "SDN",
    "SSD",
    "ETH",
    "SOM",
    "KEN",
    "NGA",
    "ZWE",
    "COD",
    "RWA",
    "UGA",
    "LBR",
    "SLE",
    "MLI",
    "JOR",
    "LBN",
    "PSE",
    "YEM",
    "QAT",
    "ARE",
    "KWT",
    "BHR",
    "OMN",
    "PRK",
    "TWN",
    "VNM",
    "MMR",
    "THA",
    "PHL",
    "MYS",
    "SGP",
    "LKA",
    "BGD",
    "NPL",
    "GEO",
    "ARM",
    "BLR",
    "KAZ",
    "UZB",
    "MDA",
    "SRB",
    "HRV",
    "XKX",
    "ALB",
    "GRC",
    "CYP",
    "HUN",
    "ROU",
    "BGR",
    "SVK",
    "EST",
    "LVA",
    "LTU",
    "FIN",
    "SWE",
    "NOR",
    "DNK",
    "NLD",
    "BEL",
    "ESP",
    "PRT",
    "AUT",
    "CHE",
    "IRL",
    "VEN",
    "CUB",
    "COL",
    "CHL",
    "PER",
    "BOL",
    "ECU",
    "NIC",
    "HTI",
    "NZL",
    "SVN",
    "MKD",
    "MNE",
    "LUX",
    "GHA",
    "SEN",
    "CIV",
    "TZA",
    "AGO",
    "MOZ",
    "BFA",
    "NER",
    "TCD",
    "CMR",
    "ERI",
    "KGZ",
    "TJK",
    "TKM",
    "MNG",
    "KHM",
    "URY",
    "PRY",
    "CRI",
    "SLV",
    "GTM",
    "HND",
    "PAN",
    "DOM",
]

WORLD_FACTS = [
    ("ZWE.president", "2000-01-01", "robert-mugabe"),
    ("ZWE.president", "2018-01-01", "emmerson-mnangagwa"),
    ("DZA.president", "2005-01-01", "abdelaziz-bouteflika"),
    ("IRQ.prime_minister", "2005-01-01", "iyad-allawi"),
    ("IRQ.president", "2002-01-01", "saddam-hussein"),
    ("IRQ.prime_minister", "2010-01-01", "nouri-al-maliki"),
    ("EGY.president", "2000-01-01", "hosni-mubarak"),
    ("EGY.president", "2013-01-01", "mohamed-morsi"),
    ("PSE.president", "2000-01-01", "yasser-arafat"),
    ("PSE.president", "2010-01-01", "mahmoud-abbas"),
    ("PSE.prime_minister", "2006-06-01", "ismail-haniyeh"),
    ("AFG.president", "2010-01-01", "hamid-karzai"),
    ("AFG.supreme_leader", "2022-01-01", "hibatullah-akhundzada"),
    ("PAK.president", "2005-01-01", "pervez-musharraf"),
    ("PAK.prime_minister", "2019-01-01", "imran-khan"),
    ("LBY.guide", "2005-01-01", "muammar-gaddafi"),
    ("TUN.president", "2010-01-01", "zine-el-abidine-ben-ali"),
    ("SDN.head_of_state", "2010-01-01", "omar-al-bashir"),
    ("ETH.prime_minister", "2000-01-01", "meles-zenawi"),
    ("LBR.president", "2000-01-01", "charles-taylor"),
    ("JOR.king", "2005-01-01", "abdullah-ii-of-jordan"),
    ("LBN.prime_minister", "2005-02-14", "omar-karami"),
    ("YEM.president", "2000-01-01", "ali-abdullah-saleh"),
    ("QAT.emir", "2020-01-01", "tamim-bin-hamad-al-thani"),
    ("PRK.supreme_leader", "2000-01-01", "kim-jong-il"),
    ("TWN.president", "2005-01-01", "chen-shui-bian"),
    ("VNM.general_secretary", "2015-01-01", "nguyen-phu-trong"),
    ("MMR.state_counsellor", "2018-01-01", "aung-san-suu-kyi"),
    ("THA.prime_minister", "2003-01-01", "thaksin-shinawatra"),
    ("PHL.president", "2018-01-01", "rodrigo-duterte"),
    ("MYS.prime_minister", "2000-01-01", "mahathir-mohamad"),
    ("LKA.president", "2009-05-18", "mahinda-rajapaksa"),
    ("BGD.prime_minister", "2015-01-01", "sheikh-hasina"),
    ("GEO.president", "2008-08-08", "mikheil-saakashvili"),
    ("GEO.president", "1995-01-01", "eduard-shevardnadze"),
    ("BLR.head_of_state", "2020-08-09", "alexander-lukashenko"),
    ("YUG.president", "1999-03-24", "slobodan-milosevic"),
    ("SRB.prime_minister", "2002-01-01", "zoran-djindjic"),
    ("HRV.president", "1995-08-04", "franjo-tudjman"),
    ("XKX.prime_minister", "2008-02-17", "hashim-thaci"),
    ("GRC.prime_minister", "2015-07-05", "alexis-tsipras"),
    ("HUN.prime_minister", "2015-01-01", "viktor-orban"),
    ("NLD.prime_minister", "2015-01-01", "mark-rutte"),
    ("NOR.prime_minister", "2011-07-22", "jens-stoltenberg"),
    ("ESP.prime_minister", "2004-03-11", "jose-maria-aznar"),
    ("PRT.prime_minister", "2000-01-01", "antonio-guterres"),
    ("VEN.president", "2005-01-01", "hugo-chavez"),
    ("VEN.president", "2020-01-01", "nicolas-maduro"),
    ("CUB.president", "2000-01-01", "fidel-castro"),
    ("CHL.president", "2008-01-01", "michelle-bachelet"),
    ("COL.president", "2005-01-01", "alvaro-uribe"),
    ("NZL.prime_minister", "2019-03-15", "jacinda-ardern"),
    ("EST.prime_minister", "2022-02-24", "kaja-kallas"),
    ("CIV.president", "2005-01-01", "laurent-gbagbo"),
    ("MKD.prime_minister", "2010-01-01", "nikola-gruevski"),
    ("HND.president", "2009-07-01", "roberto-micheletti"),
    ("KHM.prime_minister", "2010-01-01", "hun-sen"),
]


def test_world_heads_of_state_exist(seats, holders):
    heads = defaultdict(set)
    for s in seats.values():
        if s["category"] == "head_of_state":
            heads[s["country"]].add(s["seat"])
    used = {r["seat"] for r in holders}
    for country in WORLD_COUNTRIES:
        assert heads[country], country
        assert heads[country] & used, country
    assert len(WORLD_COUNTRIES) >= 60
    assert len(WORLD_FACTS) >= 25


@pytest.mark.parametrize("seat_id,day,expected", WORLD_FACTS, ids=[f"{s}@{d}" for s, d, _ in WORLD_FACTS])
def test_world_spot_check(seats, holders, seat_id, day, expected):
    assert seat_id in seats
    when = dt.date.fromisoformat(day)
    found = [r["person_id"] for r in holders if r["seat"] == seat_id and holds_on(r, when)]
    assert found == [expected], found


def test_world_people_shared_with_igo_seats(holders):
    """Heads of government who later led an IGO keep one person_id across both seats."""
    seats_of = defaultdict(set)
    for r in holders:
        seats_of[r["person_id"]].add(r["seat"])
    assert {"NLD.prime_minister", "NATO.secretary_general"} <= seats_of["mark-rutte"]
    assert {"NOR.prime_minister", "NATO.secretary_general"} <= seats_of["jens-stoltenberg"]
    assert {"PRT.prime_minister", "UN.secretary_general"} <= seats_of["antonio-guterres"]
    assert {"EST.prime_minister", "EU.high_representative"} <= seats_of["kaja-kallas"]
    assert {"SRB.president", "YUG.president"} <= seats_of["slobodan-milosevic"]
