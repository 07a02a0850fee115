"""Benchmark: the cost of one article grows linearly with its length (issue #16, item 1).

A long article is built from real news (the PolNeAR train texts, concatenated in name order, to
``--words`` words), then doubled three times by repeating it (so every length has the same kind
of text: the same share of quotes, names and event sentences per thousand words); each length is processed end to end (parsed as a run parses it, in
sections when long, then every stage) in one process with a warm model, and the CPU seconds per
thousand words are printed (CPU time of this process: other work on the machine does not move it). The figure should
stay flat within 20% from the shortest to the longest.

    python bench/long_article.py [--words 6000] [--doublings 3] [--gold DIR] [--profile N] [--marks]

``--marks``: instead of news, one paragraph of invented sentences in which every other sentence
opens a quotation mark that never closes (the hostile case for the quotes' mark pairing).

``--profile N`` prints the N costliest functions of the stages (cProfile) at the longest length.
The last line is ``LONG_ARTICLE words=... s_per_kword=... spread=S stages_spread=T`` (S = max ÷
min - 1 of the whole cost per thousand words, T the same for the stages after the parse).
"""

from __future__ import annotations

import argparse
import cProfile
import hashlib
import pstats
import time
from pathlib import Path

from detente.config import load_config
from detente.core import Pipeline, analyse
from detente.records import Article

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "gold" / "polnear" / "train" / "text"


def long_text(gold: Path, words: int) -> str:
    """Whole articles, paragraph after paragraph, until `words` words."""
    parts: list[str] = []
    count = 0
    for path in sorted(gold.glob("*.txt")):
        text = path.read_text(encoding="utf-8").strip()
        parts.append(text)
        count += len(text.split())
        if count >= words:
            break
    if count < words:
        raise SystemExit(f"{gold} holds only {count} words; give a smaller --words")
    return "\n\n".join(parts)


MARKED = (
    'The envoy said "the ceasefire would hold through the winter.',
    "Negotiators met again at the lakeside hotel on Thursday.",
    'A spokeswoman called the proposal "a first step toward a settlement.',
    "Officials from both sides declined to comment on the schedule.",
)


def marked_text(words: int) -> str:
    """One paragraph of sentences, every other one with an unbalanced quotation mark."""
    out: list[str] = []
    count = k = 0
    while count < words:
        sentence = MARKED[k % len(MARKED)]
        out.append(sentence)
        count += len(sentence.split())
        k += 1
    return " ".join(out)


def article(text: str) -> Article:
    return Article(doc_id=f"long-{len(text)}", text=text, sha256=hashlib.sha256(text.encode()).hexdigest())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=6000, help="words at the shortest length")
    parser.add_argument("--doublings", type=int, default=3)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--profile", type=int, default=0, metavar="N")
    parser.add_argument("--marks", action="store_true", help="unbalanced quotation marks instead of news")
    args = parser.parse_args()

    config = load_config(environ={})
    pipeline = Pipeline(config)
    longest = args.words * 2**args.doublings
    base = marked_text(args.words) if args.marks else _first_words(long_text(args.gold, args.words), args.words)
    pipeline.extract_one(article(base))  # warm up: the first article pays for lazy loading

    rates: list[float] = []
    stage_rates: list[float] = []  # the stages alone: spaCy's parse time is noisy on a busy machine
    for k in range(args.doublings + 1):
        text = "\n\n".join([base] * 2**k)
        art = article(text)
        words = len(text.split())
        start = time.process_time()
        doc, _ = next(pipeline.parse([art]))  # as a run parses it: in sections when long
        parsed = time.process_time() - start
        profiler = cProfile.Profile() if args.profile and k == args.doublings else None
        start = time.process_time()
        if profiler is not None:
            profiler.enable()
        result = analyse(doc, art, pipeline.resources)
        if profiler is not None:
            profiler.disable()
        stages = time.process_time() - start
        rate = (parsed + stages) / words * 1000
        rates.append(rate)
        stage_rates.append(stages / words * 1000)
        print(
            f"words={words:>7} parse={parsed:7.2f}s stages={stages:7.2f}s "
            f"s_per_kword={rate:.3f} (stages {stages / words * 1000:.3f}) "
            f"events={len(result.events)} quotes={len(result.quotes)}",
            flush=True,
        )
        if profiler is not None:
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(args.profile)
    spread = max(rates) / min(rates) - 1
    stages_spread = max(stage_rates) / min(stage_rates) - 1
    print(
        f"LONG_ARTICLE words={longest} s_per_kword={rates[-1]:.3f} spread={spread:.2f} "
        f"stages_spread={stages_spread:.2f}"
    )


def _first_words(text: str, n: int) -> str:
    count = 0
    out: list[str] = []
    for para in text.split("\n"):
        out.append(para)
        count += len(para.split())
        if count >= n:
            break
    return "\n".join(out)


if __name__ == "__main__":
    main()
