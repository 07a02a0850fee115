"""Draw a fixed random sample of both-country events for judging (issue #13, item 3).

    python bench/dyads.py --cache /tmp/polnear.spacy --events /tmp/events.jsonl
    python bench/dyad_sample.py /tmp/events.jsonl [--n 100] [--seed 13] [--out bench/dyad_sample.jsonl]

Reads the events ``bench/dyads.py --events`` wrote, keeps those with both a source and a target
country, and writes ``n`` of them drawn with a fixed seed (doc, the sentence's character offsets,
source, target, code), one JSON object a line, each with ``"right": null`` for a judge to fill
(right countries and right CAMEO root). The article text stays in ``../shared`` (the sample keeps
offsets and the trigger words only); ``--show`` prints each sample line's sentence from there for
the judge. The judging is done by someone other than the coder's author.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("events", type=Path, nargs="?", help="the JSON lines bench/dyads.py --events wrote")
    parser.add_argument("--show", action="store_true", help="print the sample's sentences for judging")
    parser.add_argument("--texts", type=Path, default=REPO.parent / "shared" / "gold" / "polnear" / "train" / "text")
    parser.add_argument("--n", type=int, default=100)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=REPO / "bench" / "dyad_sample.jsonl")
    args = parser.parse_args()

    if args.show:
        show(args.out, args.texts)
        return
    if args.events is None:
        raise SystemExit("give the events file bench/dyads.py --events wrote (or --show)")
    rows = [json.loads(line) for line in args.events.read_text(encoding="utf-8").splitlines() if line.strip()]
    both = [r for r in rows if r["source"] and r["source"]["country"] and r["target"] and r["target"]["country"]]
    if len(both) < args.n:
        raise SystemExit(f"only {len(both)} both-country events in {args.events}; ask for --n {len(both)} or fewer")
    sample = random.Random(args.seed).sample(both, args.n)
    with args.out.open("w", encoding="utf-8") as fh:
        for r in sample:
            row = {
                "doc": r["doc"],
                "span": r["span"],
                "trigger": " ".join(str(r["trigger"]).split()[:6]),
                "source": r["source"],
                "target": r["target"],
                "code": r["code"],
                "right": None,
            }
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{args.n} of {len(both)} both-country events written to {args.out}")


def show(sample: Path, texts: Path) -> None:
    """Each sample line with its sentence read from the article in ``texts``."""
    for n, line in enumerate(sample.read_text(encoding="utf-8").splitlines(), start=1):
        r = json.loads(line)
        text = (texts / f"{r['doc']}.txt").read_text(encoding="utf-8")
        start, end = r["span"]
        src, tgt = r["source"], r["target"]
        print(f"{n:3d} {r['code']} {src['country']}>{tgt['country']} ({src['text']} -> {tgt['text']}) [{r['trigger']}]")
        print("    " + " ".join(text[start:end].split()))


if __name__ == "__main__":
    main()
