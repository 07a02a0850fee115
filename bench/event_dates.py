"""Report: which events are dated away from their article's publication window, and to what.

    python bench/event_dates.py [FILE] [--list]

FILE defaults to examples/demo.jsonl (publication dates given). Prints the share of events whose
date window differs from the publication window and, with --list, each such event with its
trigger, evidence sentence and resolved window, for checking by hand.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from detente.config import load_config
from detente.core import Pipeline
from detente.errors import DetenteError
from detente.ingest import read_inputs

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=REPO / "examples" / "demo.jsonl")
    parser.add_argument("--list", action="store_true", help="print every event dated away")
    args = parser.parse_args()

    pipeline = Pipeline(load_config(environ={}))
    articles = [a for a in read_inputs([str(args.file)]) if not isinstance(a, DetenteError)]
    total = 0
    away: list[tuple[str, str, str, str, str]] = []
    precisions: Counter[str] = Counter()
    for result in pipeline.process(articles):
        if isinstance(result, DetenteError):
            continue
        published = result.document.published.window
        for event in result.events:
            total += 1
            if event.date != published:
                precisions[event.date.precision] += 1
                window = f"{event.date.earliest}..{event.date.latest}" if event.date.date is None else str(event.date.date)
                sentence = result.document.text[event.span[0] : event.span[1]]
                trigger = result.document.text[event.trigger[0] : event.trigger[1]]
                away.append((result.document.doc_id, str(published.date), window, trigger, sentence))
    print(f"model: {pipeline.model}")
    print(f"events: {total}; dated away from the publication window: {len(away)} ({len(away) / max(total, 1):.1%})")
    print("their precision: " + ", ".join(f"{p} {n}" for p, n in precisions.most_common()))
    if args.list:
        for doc_id, published, window, trigger, sentence in away:
            print(f"- {doc_id} (published {published}) -> {window} [{trigger}]: {sentence[:160]}")


if __name__ == "__main__":
    main()
