"""Report: which events are dated away from their article's publication window, and to what.

    python bench/event_dates.py [FILE] [--list] [--jsonl OUT] [--judged JUDGMENTS]

FILE defaults to examples/demo.jsonl (publication dates given). Prints the share of events whose
date window differs from the publication window and, with --list, each such event with its
trigger, evidence sentence and resolved window, for checking by hand.

--jsonl OUT writes one JSON line per event dated away: doc, span (the evidence sentence's
[start, end]), trigger (its text), cameo, earliest, latest (ISO dates or null).
--judged JUDGMENTS reads hand judgments (bench/event_dates_judged.jsonl: the same keys plus
"right": true|false and "why" for wrong ones), matches them on doc + span + trigger + cameo + window, and
prints how many events dated away are judged right, wrong and unjudged, then each wrong one.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path
from typing import Any

from detente.config import load_config
from detente.core import Pipeline
from detente.errors import DetenteError
from detente.ingest import read_inputs

REPO = Path(__file__).resolve().parents[1]

Key = tuple[str, int, int, str, str, str | None, str | None]


def _key(row: dict[str, Any]) -> Key:
    """A verdict is on one event's date window: the same event dated otherwise is unjudged."""
    span = (int(row["span"][0]), int(row["span"][1]))
    return (row["doc"], *span, row["trigger"], row["cameo"], row["earliest"], row["latest"])


def _judge(away: list[dict[str, Any]], path: Path) -> None:
    """Print right / wrong / unjudged counts of the events dated away, from a judgments file."""
    lines = path.read_text(encoding="utf-8").splitlines()
    judged = {_key(row): row for row in (json.loads(line) for line in lines if line.strip())}
    verdicts: Counter[str] = Counter()
    wrong: list[dict[str, Any]] = []
    for row in away:
        judgment = judged.get(_key(row))
        if judgment is None:
            verdicts["unjudged"] += 1
        elif judgment["right"]:
            verdicts["right"] += 1
        else:
            verdicts["wrong"] += 1
            wrong.append(judgment)
    matched = verdicts["right"] + verdicts["wrong"]
    print(f"judged {matched} of {len(away)} dated away: right {verdicts['right']}, "
          f"wrong {verdicts['wrong']}, unjudged {verdicts['unjudged']}; "
          f"right/judged {verdicts['right'] / max(matched, 1):.1%}")
    stale = set(judged) - {_key(row) for row in away}
    print(f"judgments matching no event dated away (stale): {len(stale)}")
    for row in wrong:
        print(f"- wrong {row['doc']} [{row['trigger']}] {row['earliest']}..{row['latest']}: {row.get('why', '')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=REPO / "examples" / "demo.jsonl")
    parser.add_argument("--list", action="store_true", help="print every event dated away")
    parser.add_argument("--jsonl", type=Path, help="write every event dated away as JSON lines")
    parser.add_argument("--judged", type=Path, help="score the events dated away against judgments")
    args = parser.parse_args()

    pipeline = Pipeline(load_config(environ={}))
    articles = [a for a in read_inputs([str(args.file)]) if not isinstance(a, DetenteError)]
    total = 0
    away: list[dict[str, Any]] = []
    listing: list[str] = []
    precisions: Counter[str] = Counter()
    for result in pipeline.process(articles):
        if isinstance(result, DetenteError):
            continue
        published = result.document.published.window
        text = result.document.text
        for event in result.events:
            total += 1
            if event.date == published:
                continue
            precisions[event.date.precision] += 1
            earliest, latest = event.date.earliest, event.date.latest
            trigger = text[event.trigger[0] : event.trigger[1]]
            away.append({
                "doc": result.document.doc_id, "span": list(event.span), "trigger": trigger,
                "cameo": event.cameo, "earliest": earliest.isoformat() if earliest else None,
                "latest": latest.isoformat() if latest else None,
            })
            window = f"{earliest}..{latest}" if event.date.date is None else str(event.date.date)
            sentence = text[event.span[0] : event.span[1]]
            listing.append(f"- {result.document.doc_id} (published {published.date}) -> {window} "
                           f"[{trigger}]: {sentence[:160]}")
    print(f"model: {pipeline.model}")
    print(f"events: {total}; dated away from the publication window: {len(away)} ({len(away) / max(total, 1):.1%})")
    print("their precision: " + ", ".join(f"{p} {n}" for p, n in precisions.most_common()))
    if args.list:
        print("\n".join(listing))
    if args.jsonl:
        args.jsonl.write_text("".join(json.dumps(row) + "\n" for row in away), encoding="utf-8")
    if args.judged:
        _judge(away, args.judged)


if __name__ == "__main__":
    main()
