"""Benchmark: how complete the events' dyads are on real news (issue #13, item 3).

    python bench/dyads.py [--gold DIR] [--articles N] [--cache FILE] [--events OUT.jsonl]

Runs the default pipeline over the PolNeAR train articles (840 by default) and prints the
number and the share of events with both a source and a target country, of events with a
source country and no target, and of target-less "make statement" (010) events. ``--cache``
keeps the spaCy parses in a DocBin file so that a second run (before/after a change to the
stages) skips the parse; ``--events`` writes every event (doc, sentence, source, target, code)
as JSON lines for ``bench/dyad_sample.py``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from spacy.tokens import DocBin

from detente.config import load_config
from detente.core import Pipeline, analyse
from detente.records import Actor, Article, Event

REPO = Path(__file__).resolve().parents[1]
DEFAULT_GOLD = REPO.parent / "shared" / "gold" / "polnear" / "train" / "text"


def _articles(folder: Path, limit: int | None) -> list[Article]:
    files = sorted(folder.glob("*.txt"))[:limit]
    out = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        out.append(Article(doc_id=path.stem, text=text, sha256=hashlib.sha256(text.encode()).hexdigest()))
    return out


def _row(event: Event, text: str) -> dict[str, object]:
    def side(actor: Actor | None) -> dict[str, object] | None:
        return None if actor is None else {"text": actor.text, "name": actor.name, "country": actor.country}

    return {
        "doc": event.doc_id,
        "span": list(event.span),
        "sentence": text[event.span[0] : event.span[1]],
        "trigger": text[event.trigger[0] : event.trigger[1]],
        "source": side(event.source),
        "target": side(event.target),
        "code": event.cameo,
        "root": event.cameo_root,
        "modality": event.modality,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--articles", type=int, default=None)
    parser.add_argument("--cache", type=Path, default=None, help="DocBin of the parses (written if absent)")
    parser.add_argument("--events", type=Path, default=None, help="write every event here (JSON lines)")
    args = parser.parse_args()

    articles = _articles(args.gold, args.articles)
    pipeline = Pipeline(load_config(environ={}))
    nlp = pipeline.resources.nlp
    if args.cache is not None and args.cache.exists():
        docs = list(DocBin().from_disk(args.cache).get_docs(nlp.vocab))
        if len(docs) != len(articles):
            raise SystemExit(f"{args.cache} holds {len(docs)} parses for {len(articles)} articles: delete it and rerun")
    else:
        docs = [doc for doc, _ in pipeline.parse(articles)]  # as a run parses them (long ones in sections)
        if args.cache is not None:
            DocBin(store_user_data=True, docs=docs).to_disk(args.cache)

    total = both = src_only = bare_010 = 0
    rows: list[dict[str, object]] = []
    for doc, article in zip(docs, articles, strict=True):
        for e in analyse(doc, article, pipeline.resources).events:
            total += 1
            src_c = e.source.country is not None
            tgt_c = e.target is not None and e.target.country is not None
            both += src_c and tgt_c
            src_only += src_c and e.target is None
            bare_010 += e.cameo == "010" and e.target is None
            rows.append(_row(e, article.text))
    if args.events is not None:
        with args.events.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    def share(n: int) -> str:
        return f"{n:6d}  ({n / total:.1%})" if total else f"{n:6d}"

    print(f"articles: {len(articles)}; events: {total}")
    print(f"both a source and a target country: {share(both)}")
    print(f"source country, no target:          {share(src_only)}")
    print(f"target-less 010:                    {share(bare_010)}")


if __name__ == "__main__":
    main()
