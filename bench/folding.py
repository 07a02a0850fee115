"""Report: how well folding puts the reports of one real event together, and keeps others apart.

    python bench/folding.py [FILE] [--list]

FILE (default bench/folding/wire.jsonl) has one wire-style article per line: ``{"id", "source",
"published", "title", "text", "truth": [{"event", "source", "target", "root", "symmetric"}]}``.
The pipeline codes every article; each report is labelled with the article's truth event whose
countries (either order when symmetric) and CAMEO root match it (reports matching none are left
out, and counted); the reports are folded in publication order, incrementally, as ingest does;
then B-cubed and pairwise precision, recall and F1 are printed. ``--list`` prints every truth
event split over several folds and every fold mixing truth events.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from datetime import date
from pathlib import Path

from detente.analytics.fold import fold_all
from detente.analytics.fold_score import TruthEvent, bcubed, labelled, pairwise
from detente.analytics.records import DocRef
from detente.config import load_config
from detente.core import Pipeline
from detente.errors import DetenteError
from detente.ingest.identity import sha256
from detente.records import Article

REPO = Path(__file__).resolve().parents[1]


def read(path: Path) -> list[tuple[Article, list[TruthEvent]]]:
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        published = date.fromisoformat(d["published"]) if d.get("published") else None
        article = Article(doc_id=d["id"], text=d["text"], title=d.get("title"), source=d.get("source"),
                          published=published, sha256=sha256(d["text"]))
        out.append((article, [TruthEvent.from_dict(t) for t in d.get("truth", [])]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=REPO / "bench" / "folding" / "wire.jsonl")
    parser.add_argument("--list", action="store_true", help="print the split and merged events")
    args = parser.parse_args()

    items = read(args.file)
    truth = {a.doc_id: t for a, t in items}
    pipeline = Pipeline(load_config(environ={}))
    coded = []
    for result in pipeline.process(a for a, _ in items):
        if isinstance(result, DetenteError):
            print(f"failed: {result}")
            continue
        doc = result.document
        ref = DocRef(doc_id=doc.doc_id, outlet=doc.source, sha256=result.sha256, published=doc.published.window.earliest,
                     url=doc.url, text=doc.text)
        coded.append((ref, [e for e in result.events if e.modality != "hypothetical"]))
    coded.sort(key=lambda pair: (pair[0].published or date.max, pair[0].doc_id))
    folded = fold_all(coded)
    clusters = {r.event.event_id: f.fold_id for f in folded for r in f.reports}
    events = {e.event_id: e for _, evs in coded for e in evs}
    labels, unlabelled = labelled((e, truth[e.doc_id]) for e in events.values())

    b3, pw = bcubed(clusters, labels), pairwise(clusters, labels)
    n_truth = len({t.event for ts in truth.values() for t in ts})
    print(f"{len(items)} articles, {len(events)} reports ({len(labels)} labelled, {unlabelled} matching no truth "
          f"event, left out), {n_truth} truth events, {len({clusters[i] for i in labels})} folds over labelled reports")
    print(f"B-cubed   precision {b3.precision:.3f}  recall {b3.recall:.3f}  F1 {b3.f1:.3f}")
    print(f"pairwise  precision {pw.precision:.3f}  recall {pw.recall:.3f}  F1 {pw.f1:.3f}")
    if args.list:
        folds_of: dict[str, set[str]] = defaultdict(set)
        labels_of: dict[str, set[str]] = defaultdict(set)
        for i, t in labels.items():
            folds_of[t].add(clusters[i])
            labels_of[clusters[i]].add(t)
        for t, fs in sorted(folds_of.items()):
            if len(fs) > 1:
                print(f"split  {t}: " + "; ".join(
                    f"{f}=" + ",".join(sorted(i for i in labels if clusters[i] == f and labels[i] == t)) for f in sorted(fs)))
        for f, ts in sorted(labels_of.items()):
            if len(ts) > 1:
                print(f"merged {f}: " + ", ".join(sorted(ts)))
        for i in sorted(set(events) - set(labels)):
            e = events[i]
            print(f"unlabelled {i} {e.cameo} {e.source.country}->{e.target.country if e.target else None}")


if __name__ == "__main__":
    main()
