"""`detente eval dates --gold DIR`: time expressions against TimeML (TempEval-3 style).

Each ``.tml`` file under DIR becomes an ``Article`` whose text is the TimeML TEXT element's
plain text, verbatim (tags removed, entities decoded), with ``published`` = the DCT's date (its
first ten characters; the DCT itself is not scored). The articles are parsed by the pipeline's
own ``Pipeline.parse`` and each parsed doc goes through ``detente.core.findings``, the stages of
``core.analyse`` up to the dates stage's time expressions. ``Result`` records carry no time
expressions, so the evaluation reads them there rather than from ``pipeline.process``; it is the
same code path, minus the stages after dates.

Scoring follows TempEval-3: a found expression matches a gold TIMEX3 when they share at least
one token (overlapping character spans); its value is correct when its TIMEX3 value string
equals the gold one. Value precision = correct / expressions found, value recall = correct /
gold expressions, value F1. Reported for all types (DATE, TIME, DURATION, SET) and for DATE
alone (gold DATE expressions; found expressions of kind DATE), plus detection P/R/F1.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from detente import dates
from detente.core import Pipeline, findings
from detente.errors import EvaluationError
from detente.evaluate.report import Report, Score
from detente.records import Article, TimeExpression


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldTimex:
    span: tuple[int, int]
    kind: str
    value: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeMLDoc:
    doc_id: str
    text: str
    dct: date | None
    timexes: tuple[GoldTimex, ...] = field(default_factory=tuple)


def _walk(element: ET.Element, parts: list[str], found: list[tuple[int, int, ET.Element]], pos: int) -> int:
    if element.text:
        parts.append(element.text)
        pos += len(element.text)
    for child in element:
        start = pos
        pos = _walk(child, parts, found, pos)
        if child.tag == "TIMEX3":
            found.append((start, pos, child))
        if child.tail:
            parts.append(child.tail)
            pos += len(child.tail)
    return pos


def read_timeml(path: Path) -> TimeMLDoc:
    """The plain text of a TimeML file's TEXT element, its DCT and its TIMEX3s with offsets."""
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise EvaluationError(f"{path}: not well-formed TimeML XML ({exc}); fix or remove the file") from None
    body = root.find("TEXT")
    if body is None:
        raise EvaluationError(f"{path}: no <TEXT> element; is this a TimeML file?")
    dct_el = root.find("DCT/TIMEX3")
    dct: date | None = None
    if dct_el is not None and dct_el.get("value"):
        try:
            dct = date.fromisoformat(dct_el.get("value", "")[:10])
        except ValueError:
            dct = None
    parts: list[str] = []
    found: list[tuple[int, int, ET.Element]] = []
    _walk(body, parts, found, 0)
    text = "".join(parts)
    timexes = tuple(
        GoldTimex(span=(s, e), kind=el.get("type", "DATE"), value=el.get("value", ""), text=text[s:e])
        for s, e, el in found
        if e > s
    )
    return TimeMLDoc(doc_id=path.stem, text=text, dct=dct, timexes=timexes)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass(slots=True)
class _Tally:
    found: int = 0
    gold: int = 0
    detected_found: int = 0  # found expressions overlapping a gold one
    detected_gold: int = 0  # gold expressions overlapped by a found one
    correct: int = 0  # matched pairs with equal values

    def add(self, predicted: Sequence[TimeExpression], gold: Sequence[GoldTimex]) -> None:
        self.found += len(predicted)
        self.gold += len(gold)
        used: set[int] = set()
        for p in predicted:
            hits = [i for i, g in enumerate(gold) if _overlaps(p.span, g.span)]
            if hits:
                self.detected_found += 1
            # the pair for the value: the first overlapping gold not yet paired
            free = [i for i in hits if i not in used]
            if free:
                used.add(free[0])
                if p.value is not None and p.value == gold[free[0]].value:
                    self.correct += 1
        self.detected_gold += sum(1 for g in gold if any(_overlaps(p.span, g.span) for p in predicted))

    def value_score(self) -> Score:
        return Score(true_positives=self.correct, found=self.found, gold=self.gold)

    def detection(self) -> tuple[float, float, float]:
        p = self.detected_found / self.found if self.found else 0.0
        r = self.detected_gold / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _files(gold: Path) -> list[Path]:
    if gold.is_file():
        return [gold]
    if not gold.is_dir():
        raise EvaluationError(f"gold path {gold} not found; give a folder of TimeML .tml files")
    files = sorted(gold.rglob("*.tml"))
    if not files:
        raise EvaluationError(f"no .tml files under {gold}; give a folder of TimeML files (e.g. TBAQ-cleaned)")
    return files


def predict(docs: Iterable[TimeMLDoc], pipeline: Pipeline) -> list[tuple[TimeMLDoc, tuple[TimeExpression, ...]]]:
    """Run the dates stage over TimeML documents as ``core.analyse`` does."""
    docs = list(docs)
    by_id = {d.doc_id: d for d in docs}
    articles = [Article(doc_id=d.doc_id, text=d.text, published=d.dct, origin=f"TimeML {d.doc_id}") for d in docs]
    out = []
    for doc, article in pipeline.parse(articles):
        so_far = findings(doc, article, pipeline.resources, through=dates.times_stage)
        out.append((by_id[article.doc_id], so_far.times))
    return out


def score(predicted: Iterable[tuple[TimeMLDoc, Sequence[TimeExpression]]]) -> tuple[dict[str, float], tuple[str, ...]]:
    """TempEval-3 figures of predictions against their documents' gold: the metrics (stable
    keys) and the human lines of the report."""
    all_types, date_only = _Tally(), _Tally()
    documents = 0
    for doc, found in predicted:
        documents += 1
        all_types.add(found, doc.timexes)
        date_only.add([t for t in found if t.kind == "DATE"], [g for g in doc.timexes if g.kind == "DATE"])
    value_all, value_date = all_types.value_score(), date_only.value_score()
    dp, dr, df = all_types.detection()
    metrics = {
        "value_precision": value_all.precision,
        "value_recall": value_all.recall,
        "value_f1": value_all.f1,
        "date_value_precision": value_date.precision,
        "date_value_recall": value_date.recall,
        "date_value_f1": value_date.f1,
        "detection_precision": dp,
        "detection_recall": dr,
        "detection_f1": df,
        "documents": float(documents),
        "gold_timexes": float(all_types.gold),
    }
    lines = (
        value_all.line("value, all types"),
        value_date.line("value, DATE"),
        f"{'detection (overlap), all types':<34} P {dp:.3f}  R {dr:.3f}  F1 {df:.3f}"
        f"  (found {all_types.found}, matched {all_types.detected_found}; gold matched {all_types.detected_gold})",
    )
    return metrics, lines


def run(gold: Path, pipeline: Pipeline) -> Report:
    docs = [read_timeml(f) for f in _files(gold)]
    metrics, lines = score(predict(docs, pipeline))
    head = f"gold: {gold} ({len(docs)} documents, {int(metrics['gold_timexes'])} TIMEX3, DCT excluded)"
    return Report(
        title="dates: TIMEX3 values (TempEval-3 scoring)", model=pipeline.model, metrics=metrics, lines=(head, *lines)
    )


def publication_windows(articles: Sequence[Article], truth: dict[str, date], pipeline: Pipeline) -> Report:
    """Publication windows of articles whose input date is withheld: how often the window holds
    the true date, and how wide it is. The articles go through ``Pipeline.parse`` and the same
    stages of ``core.analyse`` up to the publication window (``core.findings``)."""
    from detente.records import replace

    stripped = [replace(a, published=None) for a in articles]
    rows: list[tuple[str, str, bool, int | None]] = []
    for doc, article in pipeline.parse(stripped):
        published = findings(doc, article, pipeline.resources, through=dates.publication_stage).published
        true = truth.get(article.doc_id)
        w = published.window
        inside = bool(true and w.earliest and w.latest and w.earliest <= true <= w.latest)
        rows.append((article.doc_id, published.method, inside, w.width_days))
    dated = [r for r in rows if r[3] is not None]
    widths = sorted(r[3] for r in dated if r[3] is not None)
    median = (
        float(widths[len(widths) // 2])
        if len(widths) % 2
        else (widths[len(widths) // 2 - 1] + widths[len(widths) // 2]) / 2
        if widths
        else float("nan")
    )
    contained = sum(1 for r in rows if r[2])
    methods: dict[str, int] = {}
    for r in rows:
        methods[r[1]] = methods.get(r[1], 0) + 1
    metrics = {
        "articles": float(len(rows)),
        "dated": float(len(dated)),
        "containment": contained / len(rows) if rows else 0.0,
        "containment_of_dated": contained / len(dated) if dated else 0.0,
        "median_width_days": median,
    }
    lines = (
        f"articles {len(rows)}, with a window {len(dated)}, holding the true date {contained}"
        f" ({metrics['containment']:.1%} of all, {metrics['containment_of_dated']:.1%} of dated)",
        f"median window width {median:g} days; methods: " + ", ".join(f"{k} {v}" for k, v in sorted(methods.items())),
        *(
            f"  {doc_id}: {method}, {'holds' if inside else 'MISSES'} the true date, width {width}"
            for doc_id, method, inside, width in rows
        ),
    )
    return Report(
        title="dates: publication windows with input dates withheld", model=pipeline.model, metrics=metrics, lines=lines
    )
