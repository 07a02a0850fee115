"""Report: how many of the wire set's true events the pipeline finds, before any folding.

    python bench/folding/coverage.py [FILE] [--list]

FILE defaults to bench/folding/wire.jsonl. Runs the pipeline on every article and matches its
events to the article's truth: same source and target country (either way round when the truth
is symmetric) and the same CAMEO root. Prints the share of articles with at least one matched
event, the share of truth items matched, and the events that match no truth item (extras, which
a folding score leaves out). --list prints every article's truth and events, for rewording.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from detente.config import load_config
from detente.core import Pipeline
from detente.errors import DetenteError
from detente.ingest import read_inputs

HERE = Path(__file__).resolve().parent


def matches(
    truth: dict[str, Any], source: str | None, target: str | None, root: str | None
) -> bool:
    if root != truth["root"]:
        return False
    pair = (source, target)
    if pair == (truth["source"], truth["target"]):
        return True
    return bool(truth["symmetric"]) and pair == (truth["target"], truth["source"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=HERE / "wire.jsonl")
    parser.add_argument(
        "--list", action="store_true", help="print each article's truth and events"
    )
    args = parser.parse_args()

    truths = {}
    for line in args.file.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        truths[record["id"]] = record["truth"]
    articles = [
        a for a in read_inputs([str(args.file)]) if not isinstance(a, DetenteError)
    ]
    pipeline = Pipeline(load_config(environ={}))

    found_articles = items = found_items = extras = 0
    for result in pipeline.process(articles):
        if isinstance(result, DetenteError):
            print(f"failed: {result}")
            continue
        doc_id = result.document.doc_id
        truth = truths[doc_id]
        coded = [
            (
                e.source.country if e.source else None,
                e.target.country if e.target else None,
                e.cameo[:2] if e.cameo else None,
            )
            for e in result.events
        ]
        hit = [any(matches(t, *c) for c in coded) for t in truth]
        extra = [
            c
            for c in coded
            if c[0] and c[1] and c[0] != c[1] and not any(matches(t, *c) for t in truth)
        ]
        items += len(truth)
        found_items += sum(hit)
        found_articles += any(hit)
        extras += len(extra)
        if args.list:
            wanted = ", ".join(
                f"{t['event']} {t['source']}-{t['target']} {t['root']}{'' if h else ' MISSED'}"
                for t, h in zip(truth, hit, strict=True)
            )
            print(
                f"{doc_id}: {wanted} | events: {' '.join(f'{s}>{t}:{r}' for s, t, r in coded)}"
            )
    print(f"articles with a true event found: {found_articles}/{len(truths)}")
    print(f"truth items found: {found_items}/{items}")
    print(f"country-to-country events matching no truth item: {extras}")


if __name__ == "__main__":
    main()
