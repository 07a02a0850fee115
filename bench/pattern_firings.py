"""Benchmark: how often each event pattern fires, per corpus (issue #13 item 5).

    python bench/pattern_firings.py [--jobs N] [--json FILE] [--limit N]

Runs the default pipeline over PolNeAR train (../shared/gold/polnear/train/text, 840 articles),
the demo corpus (examples/demo.jsonl) and the PLOVER development sentences
(../shared/gold/plover/plover_gsr_dev.json) and prints, per pattern id (``verb:meet @with``), its
events per corpus (for PLOVER also the number of distinct sentences). The removal rule of item 5
reads off it: a pattern whose only firing is one PLOVER sentence (PolNeAR 0, demo 0, PLOVER 1
sentence) goes, unless the CAMEO codebook names that verb for the code. ``--json`` writes the table.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import multiprocessing
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from detente.config import load_config  # noqa: E402
from detente.core import Pipeline  # noqa: E402
from detente.errors import DetenteError  # noqa: E402
from detente.events.lexicon import Pattern  # noqa: E402
from detente.records import Article, Result  # noqa: E402

SHARED = REPO.parent / "shared"
POLNEAR = SHARED / "gold" / "polnear" / "train" / "text"
DEMO = REPO / "examples" / "demo.jsonl"
PLOVER = SHARED / "gold" / "plover" / "plover_gsr_dev.json"
CODEBOOK = SHARED / "gold" / "cameo" / "cameo_codes.csv"

Summarise = Callable[[Any, Article, Result], Any]


def _article(doc_id: str, text: str, published: date | None = None) -> Article:
    return Article(doc_id=doc_id, text=text, published=published, sha256=hashlib.sha256(text.encode()).hexdigest())


def polnear(folder: Path = POLNEAR) -> list[Article]:
    return [_article(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]


def demo(path: Path = DEMO) -> list[Article]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line)
            out.append(_article(r["id"], r["text"], date.fromisoformat(r["published"]) if r.get("published") else None))
    return out


def plover(path: Path = PLOVER) -> list[Article]:
    seen: dict[str, Article] = {}
    for r in json.loads(path.read_text(encoding="utf-8")):
        text = r.get("text")
        if text and text not in seen:
            try:
                published = date.fromisoformat(str(r.get("date", ""))[:10])
            except ValueError:
                published = None
            seen[text] = _article(f"plover{len(seen) + 1}", text, published)
    return list(seen.values())


# One pipeline per worker process, built once by the pool's initializer (a worker's own state).
_WORKER: dict[str, Any] = {}


def _init(summarise: Summarise) -> None:
    _WORKER["pipeline"] = Pipeline(load_config(environ={}))
    _WORKER["summarise"] = summarise


def _chunk(articles: list[Article]) -> list[Any]:
    pipeline: Pipeline = _WORKER["pipeline"]
    docs = pipeline.resources.nlp.pipe([a.text for a in articles], batch_size=pipeline.config.nlp.batch_size)
    out = []
    for doc, article in zip(docs, articles, strict=True):
        result = pipeline.process_doc(doc, article)
        out.append(None if isinstance(result, DetenteError) else _WORKER["summarise"](doc, article, result))
    return out


def run(articles: list[Article], summarise: Summarise, jobs: int = 1, chunk: int = 20) -> Iterator[Any]:
    """summarise(doc, article, result) for each article (None where the article failed), in order."""
    chunks = [articles[i : i + chunk] for i in range(0, len(articles), chunk)]
    if jobs <= 1:
        _init(summarise)
        for c in chunks:
            yield from _chunk(c)
        return
    with multiprocessing.get_context("fork").Pool(jobs, initializer=_init, initargs=(summarise,)) as pool:
        for out in pool.imap(_chunk, chunks):
            yield from out


def codebook_names(pattern: Pattern, rows: dict[str, dict[str, str]]) -> bool:
    """Whether the codebook's entry for the pattern's code names its verb (or its object)."""
    row = rows.get(pattern.code, {})
    text = " ".join(row.get(k, "") for k in ("name", "description", "usage_notes")).lower()
    words = [pattern.lemma] + ([pattern.obj] if pattern.obj else [])
    return any(re.search(r"\b" + re.escape(w[:-1] if w.endswith("e") else w), text) for w in words)


def _fired(doc: Any, article: Article, result: Result) -> list[str]:
    return [e.pattern_id for e in result.events if e.pattern_id]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="articles per corpus (0: all)")
    parser.add_argument("--json", type=Path, help="write {pattern id: {corpus: count}} here")
    args = parser.parse_args()

    corpora = {"polnear": polnear(), "demo": demo(), "plover": plover()}
    events: dict[str, Counter[str]] = {name: Counter() for name in corpora}
    plover_sentences: Counter[str] = Counter()
    for name, articles in corpora.items():
        if args.limit:
            articles = articles[: args.limit]
        for ids in run(articles, _fired, args.jobs):
            events[name].update(ids or [])
            if name == "plover":
                plover_sentences.update(set(ids or []))

    lexicon = Pipeline(load_config(environ={})).resources.lexicon
    patterns = {p.id: p for table in (lexicon.verbs, lexicon.nouns) for ps in table.values() for p in ps}
    ids = sorted(patterns)
    table = {
        i: {
            "polnear": events["polnear"][i],
            "demo": events["demo"][i],
            "plover": events["plover"][i],
            "plover_sentences": plover_sentences[i],
        }
        for i in ids
    }
    unknown = sorted(set().union(*events.values()) - set(ids))
    print(f"{'pattern':40} {'polnear':>8} {'demo':>6} {'plover':>7} {'(sents)':>8}")
    for i, c in sorted(table.items(), key=lambda kv: (-(kv[1]["polnear"] + kv[1]["demo"] + kv[1]["plover"]), kv[0])):
        print(f"{i:40} {c['polnear']:8} {c['demo']:6} {c['plover']:7} {c['plover_sentences']:8}")
    never = [i for i, c in table.items() if not (c["polnear"] or c["demo"] or c["plover"])]
    single = [i for i, c in table.items() if not c["polnear"] and not c["demo"] and c["plover_sentences"] == 1]
    print(
        f"\npatterns: {len(ids)}; fire on none of the corpora: {len(never)}; "
        f"only on a single PLOVER dev sentence: {len(single)}"
    )
    if CODEBOOK.is_file():
        rows = {r["code"]: r for r in csv.DictReader(CODEBOOK.open(encoding="utf-8"))}
        for i in single:
            named = codebook_names(patterns[i], rows)
            print(f"  {i:40} {patterns[i].code:5} {'kept: the codebook names it' if named else 'remove'}")
    if unknown:
        print(f"events from patterns not in the lexicon (user files?): {', '.join(unknown)}")
    if args.json:
        args.json.write_text(json.dumps(table, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
