"""Report: the US–Russia yearly series of the demo corpus, and whether it has the known shape.

    python bench/demo_series.py [--db FILE] [--corpus FILE] [--list YEAR]

Without --db, ingests the corpus (default examples/demo.jsonl) into a temporary database first.
Counts the events between the United States and Russia (either direction, hypothetical ones left
out) per year of the event's own date (its earliest day; the article's publication day when the
event has none), prints each year's count and mean Goldstein weight, then five checks as PASS/FAIL:
every year from 1991 to 2024 has events from at least two articles, the 2009 and 2010 "reset" years are warmer than 2008, and
2014 and 2022 are sharply colder than 2013 and 2021. --list YEAR prints that year's events with
their evidence sentences, for checking by hand.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import tempfile
from pathlib import Path

import duckdb

REPO = Path(__file__).resolve().parents[1]
FIRST, LAST = 1991, 2024
WARMER = 1.0  # Goldstein points a "warmer" year must clear
SHARPLY = 2.5  # Goldstein points a "sharply colder" year must clear
MIN_ARTICLES = 2  # articles with US–Russia events that every year needs

_YEAR = "CAST(substr(coalesce(e.date.earliest, d.published.earliest), 1, 4) AS INTEGER)"
_DYAD = f"""
    FROM events e JOIN documents d USING (doc_id)
    WHERE e.modality IS DISTINCT FROM 'hypothetical'
      AND ((e.source.country = 'USA' AND e.target.country = 'RUS')
        OR (e.source.country = 'RUS' AND e.target.country = 'USA'))
      AND {_YEAR} IS NOT NULL
"""


def ingest(corpus: Path, db: Path) -> None:
    """Build the database with the CLI, as a user would; its summary is not needed here."""
    from detente.cli import main

    with contextlib.redirect_stdout(io.StringIO()):
        code = main(["ingest", str(corpus), "--db", str(db)])
    if code:
        sys.exit(f"ingest of {corpus} failed (exit {code}); run it by hand to see why")


def yearly(con: duckdb.DuckDBPyConnection) -> dict[int, tuple[int, int, float]]:
    """Year -> (events, articles they come from, mean Goldstein)."""
    rows = con.execute(
        f"SELECT {_YEAR}, count(*), count(DISTINCT e.doc_id), avg(e.goldstein) {_DYAD} GROUP BY 1 ORDER BY 1"
    ).fetchall()
    return {int(y): (int(n), int(a), float(g)) for y, n, a, g in rows}


def listing(con: duckdb.DuckDBPyConnection, year: int) -> list[str]:
    rows = con.execute(
        f"""SELECT e.doc_id, e.source.country, e.target.country, e.cameo, e.goldstein, e.modality,
                   substr(d.text, e.span[1] + 1, e.span[2] - e.span[1])
            {_DYAD} AND {_YEAR} = ? ORDER BY e.doc_id, e.span[1]""",
        [year],
    ).fetchall()
    return [
        f"{doc} {s}->{t} {code} {g:+.1f} {mode}: {text}"
        for doc, s, t, code, g, mode, text in rows
    ]


def checks(series: dict[int, tuple[int, int, float]]) -> list[tuple[str, bool]]:
    def mean(year: int) -> float:
        return series.get(year, (0, 0, float("nan")))[2]

    thin = [
        y
        for y in range(FIRST, LAST + 1)
        if series.get(y, (0, 0, 0.0))[1] < MIN_ARTICLES
    ]
    label = f"every year {FIRST}-{LAST} has events from >= {MIN_ARTICLES} articles"
    out = [(label + (f" (not: {thin})" if thin else ""), not thin)]
    for later, earlier in ((2009, 2008), (2010, 2008)):
        gap = mean(later) - mean(earlier)
        out.append(
            (
                f"{later} warmer than {earlier} by >= {WARMER} ({gap:+.1f})",
                gap >= WARMER,
            )
        )
    for later, earlier in ((2014, 2013), (2022, 2021)):
        gap = mean(later) - mean(earlier)
        out.append(
            (
                f"{later} sharply colder than {earlier} by >= {SHARPLY} ({gap:+.1f})",
                gap <= -SHARPLY,
            )
        )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--db",
        type=Path,
        help="an existing detente database (default: ingest the corpus)",
    )
    parser.add_argument("--corpus", type=Path, default=REPO / "examples" / "demo.jsonl")
    parser.add_argument(
        "--list", type=int, metavar="YEAR", help="print that year's events"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            db = Path(tmp) / "demo.duckdb"
            ingest(args.corpus, db)
        con = duckdb.connect(str(db), read_only=True)
        series = yearly(con)
        listed = listing(con, args.list) if args.list else []
        con.close()

    print("year  events  articles  goldstein")
    for year in range(FIRST, LAST + 1):
        n, a, g = series.get(year, (0, 0, float("nan")))
        print(f"{year}  {n:6d}  {a:8d}  {g:+9.2f}")
    others = sorted(y for y in series if not FIRST <= y <= LAST)
    if others:
        print(
            "outside the range: " + ", ".join(f"{y} ({series[y][0]})" for y in others)
        )
    results = checks(series)
    for label, ok in results:
        print(f"{'PASS' if ok else 'FAIL'}  {label}")
    for line in listed:
        print(line)
    sys.exit(0 if all(ok for _, ok in results) else 1)


if __name__ == "__main__":
    main()
