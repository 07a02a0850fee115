"""Benchmark: how much the stages after the parse add to spaCy's parse time.

Target (issue: event coding, speed): all stages after the parse together add at most 15% to
the time ``nlp.pipe`` takes on the same articles, measured in one process with a warm model.

    python bench/bench_stages.py [--articles 200] [--gold DIR]

DIR defaults to ../shared/gold/polnear/train/text (real news articles). Prints both times and
the ratio. Each side is timed `--repeat` times and the best run kept, since the machine is noisy.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from detente.config import load_config
from detente.core import Pipeline, analyse
from detente.records import Article

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "gold" / "polnear" / "train" / "text"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()

    files = sorted(args.gold.glob("*.txt"))[: args.articles]
    if len(files) < args.articles:
        raise SystemExit(f"need {args.articles} articles in {args.gold}, found {len(files)}")
    articles = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        articles.append(
            Article(doc_id=path.stem, text=text, sha256=hashlib.sha256(text.encode()).hexdigest())
        )
    pipeline = Pipeline(load_config(environ={}))
    nlp = pipeline.resources.nlp
    batch = pipeline.config.nlp.batch_size
    list(nlp.pipe([a.text for a in articles[:10]], batch_size=batch))  # warm up

    parse_times, stage_times = [], []
    docs = []
    for _ in range(args.repeat):
        start = time.perf_counter()
        docs = list(nlp.pipe([a.text for a in articles], batch_size=batch))
        parse_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        events = quotes = 0
        for doc, article in zip(docs, articles, strict=True):
            result = analyse(doc, article, pipeline.resources)
            events += len(result.events)
            quotes += len(result.quotes)
        stage_times.append(time.perf_counter() - start)

    parse, stages = min(parse_times), min(stage_times)
    chars = sum(len(a.text) for a in articles)
    print(f"model: {pipeline.model}")
    print(f"articles: {len(articles)} ({chars:,} characters); events {events}, quotes {quotes}")
    print(f"nlp.pipe:            {parse:8.2f} s  ({len(articles) / parse:.1f} articles/s)")
    print(f"stages after parse:  {stages:8.2f} s")
    print(f"ratio stages/parse:  {stages / parse:8.1%}  (target <= 15%)")


if __name__ == "__main__":
    main()
