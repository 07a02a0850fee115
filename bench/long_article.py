"""Benchmark: the cost of one article grows linearly with its length (issue #16, item 1).

A long article is built from real news (the PolNeAR train texts, concatenated in name order),
then doubled three times; each length is processed end to end (parse and every stage) in one
process with a warm model, and the seconds per thousand words are printed. The figure should
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
    nlp = pipeline.resources.nlp
    nlp.max_length = max(nlp.max_length, 10_000_000)
    longest = args.words * 2**args.doublings
    full = marked_text(longest) if args.marks else long_text(args.gold, longest)
    tokens = full.split()
    pipeline.extract_one(article(" ".join(tokens[:300])))  # warm up

    rates: list[float] = []
    stage_rates: list[float] = []  # the stages alone: spaCy's parse time is noisy on a busy machine
    for k in range(args.doublings + 1):
        n = args.words * 2**k
        # Cut at a paragraph break near n words, so every length is made of whole paragraphs.
        text = " ".join(full.split(" ")[: len(full.split(" ")) * n // longest]) if args.marks else _first_words(full, n)
        art = article(text)
        words = len(text.split())
        start = time.perf_counter()
        doc = nlp(text)
        parsed = time.perf_counter() - start
        profiler = cProfile.Profile() if args.profile and k == args.doublings else None
        start = time.perf_counter()
        if profiler is not None:
            profiler.enable()
        result = analyse(doc, art, pipeline.resources)
        if profiler is not None:
            profiler.disable()
        stages = time.perf_counter() - start
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
