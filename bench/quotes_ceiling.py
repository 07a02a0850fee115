"""Report: the best source F1 any system could reach on a PolNeAR folder under issue #6's rules.

    python bench/quotes_ceiling.py [FOLDER]

FOLDER defaults to ../shared/gold/polnear/dev. The oracle emits one quote per *speech*
attribution, with exactly the gold Content pieces (perfect content) and the gold Source text as its
speaker (perfect speaker), and is scored by the evaluation's own ``score_article``. What it misses
are the attributions whose Source has no word of three or more letters ("he", "I", "we", none),
which the source rule can never match. A second line leaves out the Sources that are only a
relative pronoun ("who"): a speaker naming the person ("X, who said") cannot share that word.
No pipeline run: it reads the gold only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from detente.evaluate.quotes import Counts, _words, load_gold, score_article
from detente.records import Actor, DateWindow, Quote

REPO = Path(__file__).resolve().parents[1]


def _oracle(gold_pieces: tuple[tuple[int, int], ...], source: str, n: int) -> Quote:
    return Quote(
        doc_id="", quote_id=f"q{n}", text="", span=(gold_pieces[0][0], gold_pieces[-1][1]),
        parts=gold_pieces, kind="direct", cue=None, speaker=Actor(text=source) if source else None,
        date=DateWindow(),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=REPO.parent / "shared" / "gold" / "polnear" / "dev")
    args = parser.parse_args()

    golds = load_gold(args.folder)
    total = Counts()
    unmatchable: Counter[str] = Counter()
    for g in golds:
        speech = [a for a in g.attributions if a.speech]
        quotes = [_oracle(a.pieces, a.source, n) for n, a in enumerate(speech)]
        total.add(score_article(quotes, g.attributions))
        for a in speech:
            if not _words(a.source):
                unmatchable[a.source.strip().lower() or "(no source)"] += 1
    p, r, f = total.source()
    print(f"{args.folder}: {len(golds)} articles, {total.speech} speech attributions")
    print(
        f"oracle (perfect content, gold Source as speaker): content matched "
        f"{total.matched_speech}/{total.speech}; source P {p:.3f} R {r:.3f} F1 {f:.3f} "
        f"({total.source_speech}/{total.speech})"
    )
    named = total.source_speech - total.relative_speech
    print(
        f"leaving out the {total.relative_speech} Sources that are only a relative pronoun: "
        f"source P {named / total.quotes:.3f} R {named / total.speech:.3f} "
        f"F1 {named / total.speech:.3f} ({named}/{total.speech})"
    )
    print("speech attributions no speaker can match (Source without a 3+ letter word), most common:")
    for source, n in unmatchable.most_common(12):
        print(f"  {n:>4}  {source}")


if __name__ == "__main__":
    main()
