"""Benchmark: peak memory does not grow with the number of articles (issue #16, item 3).

Runs ``detente ingest`` (all cores, the default) into a new database on 1,000 and on 20,000
articles and prints the peak resident memory of each run's process tree (sampled every 0.1 s).
The articles are the real-news corpus (../shared/gold/polnear/train/text) cut to their first
``--words`` words (whole sentences where the text allows), repeated with new ids and a marker line
so that none is skipped as stored: the count of articles, not their length, is what a leak or an
unbounded buffer would grow with, and short articles reach 20,000 in minutes.

    python bench/memory.py [--small 1000] [--large 20000] [--words 120] [--workers N]

Last line: ``MEMORY small=1000 large=20000 peak_small_mib=A peak_large_mib=B growth=G`` (G = B ÷ A
- 1; the target is at most 0.10).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_GOLD, REPO, measure


def short_corpus(gold: Path, count: int, words: int, path: Path) -> int:
    """`count` articles of about `words` words as JSON Lines at `path`; returns the words."""
    files = sorted(gold.glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt articles in {gold}; give --gold DIR")
    heads = []
    for f in files:
        text = f.read_text(encoding="utf-8").split()
        cut = words
        while cut < min(len(text), 2 * words) and not text[cut - 1].endswith((".", '"', "”")):
            cut += 1  # end on a sentence where one ends soon
        heads.append(" ".join(text[:cut]))
    total = 0
    with path.open("w", encoding="utf-8") as out:
        for k in range(count):
            n, copy = k % len(files), k // len(files)
            text = heads[n] + (f"\n\n(Copy {copy}.)" if copy else "")
            total += len(text.split())
            out.write(json.dumps({"id": f"{files[n].stem}-{copy}", "text": text}) + "\n")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=1000)
    parser.add_argument("--large", type=int, default=20000)
    parser.add_argument("--words", type=int, default=120)
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: ingest's, all cores)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    args = parser.parse_args()

    peaks: dict[int, float] = {}
    with tempfile.TemporaryDirectory(prefix="detente-memory-") as tmp:
        work = Path(tmp)
        env = {**os.environ, "PYTHONPATH": str(REPO), "DETENTE_CACHE_DIR": str(work / "cache")}
        for count in (args.small, args.large):
            data = work / f"a{count}.jsonl"
            words = short_corpus(args.gold, count, args.words, data)
            command = [sys.executable, "-m", "detente", "ingest", str(data), "--db", str(work / f"m{count}.duckdb")]
            if args.workers is not None:
                command += ["--workers", str(args.workers)]
            m = measure(f"ingest-{count}", command, env)
            peaks[count] = m.peak_rss_mib
            print(
                f"{count:>6} articles {words:>9} words {m.seconds:7.1f} s {words / m.seconds:6.0f} words/s  "
                f"peak RSS {m.peak_rss_mib:6.0f} MiB",
                flush=True,
            )
    small, large = peaks[args.small], peaks[args.large]
    print(
        f"MEMORY small={args.small} large={args.large} peak_small_mib={small:.0f} peak_large_mib={large:.0f} "
        f"growth={large / small - 1:.2f}"
    )


if __name__ == "__main__":
    main()
