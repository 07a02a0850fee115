"""Benchmark: end-to-end throughput against bare spaCy, for 1 and 2 processes and Dask (issue #16).

Whole runs, start-up included, each in its own process tree: ``detente extract`` and
``detente ingest`` with 1 and 2 worker processes, ``detente ingest --engine dask`` on a
LocalCluster of 2 workers, and bare spaCy (the same model and enabled components, the same batch
size, ``nlp.pipe(n_process=N)``) on the same texts. The texts are the real-news corpus
(../shared/gold/polnear/train/text, 840 articles), repeated with new ids (and a marker line, so
the store does not skip them) when more are asked for. Peak RSS is the largest sum of resident
memory over the run's process tree, sampled every 0.1 s.

    python bench/throughput.py [--articles 300] [--gold DIR] [--skip-dask]

Prints one line per run and, last, ``THROUGHPUT processes=2 words_per_s=N ratio=R
peak_rss_mib=M dask_vs_local=D``: N and M for ``ingest --workers 2``, R = that ÷ bare spaCy with
2 processes, D = Dask LocalCluster ÷ local 2-process ingest (words/s).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "gold" / "polnear" / "train" / "text"

SPACY = """
import json, sys
from detente.config import load_config
from detente.nlp import load
config = load_config(environ={})
nlp = load(config.nlp)
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
n = 0
for doc in nlp.pipe(texts, batch_size=config.nlp.batch_size, n_process=int(sys.argv[2])):
    n += len(doc)
print(n, file=sys.stderr)
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class Measure:
    name: str
    seconds: float
    peak_rss_mib: float


def corpus(gold: Path, count: int, path: Path) -> tuple[int, int]:
    """`count` articles as JSON Lines at `path`; returns (articles, words)."""
    files = sorted(gold.glob("*.txt"))
    if not files:
        raise SystemExit(f"no .txt articles in {gold}; give --gold DIR")
    words = 0
    with path.open("w", encoding="utf-8") as out:
        for k in range(count):
            source = files[k % len(files)]
            text = source.read_text(encoding="utf-8")
            copy = k // len(files)
            if copy:
                text += f"\n\n(Copy {copy}.)"
            words += len(text.split())
            out.write(json.dumps({"id": f"{source.stem}-{copy}", "text": text}) + "\n")
    return count, words


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants (Linux /proc)."""
    total = 0
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status", encoding="ascii") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
                        break
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children", encoding="ascii") as f:
                    todo += [int(c) for c in f.read().split()]
        except (OSError, ValueError):
            continue
    return total


def measure(name: str, command: list[str], env: dict[str, str]) -> Measure:
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss(proc.pid))
            time.sleep(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    seconds = time.perf_counter() - start
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{name} failed ({proc.returncode}):\n{err[-2000:]}")
    return Measure(name=name, seconds=seconds, peak_rss_mib=peak / 2**20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--skip-dask", action="store_true", help="leave out the Dask LocalCluster run")
    args = parser.parse_args()

    python = sys.executable
    with tempfile.TemporaryDirectory(prefix="detente-bench-") as tmp:
        work = Path(tmp)
        data = work / "articles.jsonl"
        articles, words = corpus(args.gold, args.articles, data)
        env = {**os.environ, "PYTHONPATH": str(REPO), "DETENTE_CACHE_DIR": str(work / "cache")}
        cli = [python, "-m", "detente"]
        # A first short run builds the gazetteer cache, as any run after installation would.
        subprocess.run([*cli, "extract", str(data), "-o", str(work / "warm.jsonl"), "--set", "nlp.batch_size=8"],
                       cwd=REPO, env=env, check=False, capture_output=True, input="")
        print(f"{articles} articles, {words} words (whole runs, start-up included)", flush=True)
        runs: dict[str, Measure] = {}
        plan: list[tuple[str, list[str]]] = []
        for n in (1, 2):
            plan += [
                (f"spacy-{n}", [python, "-c", SPACY, str(data), str(n)]),
                (f"extract-{n}", [*cli, "extract", str(data), "-o", str(work / f"x{n}.jsonl"), "--workers", str(n)]),
                (f"ingest-{n}", [*cli, "ingest", str(data), "--db", str(work / f"i{n}.duckdb"), "--workers", str(n)]),
            ]
        if not args.skip_dask:
            plan.append(("dask-2", [*cli, "ingest", str(data), "--db", str(work / "d.duckdb"), "--engine", "dask", "--workers", "2"]))
        for name, command in plan:
            m = runs[name] = measure(name, command, env)
            print(
                f"{name:<10} {m.seconds:7.1f} s  {articles / m.seconds:6.2f} articles/s  "
                f"{words / m.seconds:7.0f} words/s  peak RSS {m.peak_rss_mib:6.0f} MiB",
                flush=True,
            )
        rate = {name: words / m.seconds for name, m in runs.items()}
        for n in (1, 2):
            print(
                f"processes={n} ratio extract/spacy={rate[f'extract-{n}'] / rate[f'spacy-{n}']:.2f} "
                f"ingest/spacy={rate[f'ingest-{n}'] / rate[f'spacy-{n}']:.2f} "
                f"ingest/extract={rate[f'ingest-{n}'] / rate[f'extract-{n}']:.2f}",
                flush=True,
            )
        dask = f"{rate['dask-2'] / rate['ingest-2']:.2f}" if "dask-2" in rate else "nan"
        print(
            f"THROUGHPUT processes=2 words_per_s={rate['ingest-2']:.0f} ratio={rate['ingest-2'] / rate['spacy-2']:.2f} "
            f"peak_rss_mib={runs['ingest-2'].peak_rss_mib:.0f} dask_vs_local={dask}"
        )


if __name__ == "__main__":
    main()
