"""Benchmark: publication windows of articles whose input date is withheld.

For each article the input's ``published`` is removed; the window ``dates.publication`` infers
(through the same ``Pipeline.parse`` + ``actors.dating_evidence`` + ``dates.publication`` calls as
``core.analyse``, via ``detente.evaluate.dates.publication_windows``) is checked against the true
date: containment (the share of articles whose window holds it) and the median window width.

    python bench/publication_windows.py [--seeds DIR] [--demo FILE]

DIR defaults to ../shared/corpus/seeds (their true dates are listed below: facts, not text);
FILE defaults to examples/demo.jsonl (its ``published`` field is the truth). Either may be
given as ``none`` to skip it.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from detente.config import load_config
from detente.core import Pipeline
from detente.evaluate.dates import publication_windows
from detente.ingest import read_inputs
from detente.records import Article

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
DEFAULT_DEMO = REPO / "examples" / "demo.jsonl"

# The seed articles' publication dates (from their sources).
SEED_DATES = {
    "000_7e5f218cc65ababf": date(2013, 10, 28),
    "001_0cfbf426513677e2": date(2023, 12, 3),
    "002_4d98e5539bdb5e39": date(2007, 2, 22),
    "003_8f24e08f11af80d3": date(2008, 3, 17),
    "004_aee61f491a169a4d": date(2016, 3, 24),
}


def _articles(path: Path) -> list[Article]:
    return [a for a in read_inputs([str(path)], sys.stdin) if isinstance(a, Article)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=str(DEFAULT_SEEDS))
    parser.add_argument("--demo", default=str(DEFAULT_DEMO))
    args = parser.parse_args()
    pipeline = Pipeline(load_config(environ={}))
    sets: list[tuple[str, list[Article], dict[str, date]]] = []
    if args.seeds != "none":
        seeds = [a for a in _articles(Path(args.seeds)) if a.doc_id in SEED_DATES]
        if not seeds:
            raise SystemExit(f"no seed articles found in {args.seeds}")
        sets.append(("seeds", seeds, SEED_DATES))
    if args.demo != "none":
        demo = [a for a in _articles(Path(args.demo)) if a.published is not None]
        if not demo:
            raise SystemExit(f"no dated articles in {args.demo}")
        sets.append(("demo", demo, {a.doc_id: a.published for a in demo if a.published}))
    for name, articles, truth in sets:
        report = publication_windows(articles, truth, pipeline)
        m = report.metrics
        print(f"{name}: {int(m['articles'])} articles, containment {m['containment']:.1%}, "
              f"median width {m['median_width_days']:g} days")
        for line in report.lines:
            print("  " + line)


if __name__ == "__main__":
    main()
