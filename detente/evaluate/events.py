"""`detente eval events --gold FILE`: event coding against PLOVER gold JSON or PETRARCH validation XML.

Each gold sentence is fed to the same core as ``extract`` (an Article per sentence, text verbatim,
published = the gold's date) and scored as micro precision/recall/F1 over per-sentence sets.
Hypothetical events are left out (analytics do not count them).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from detente.core import Pipeline
from detente.errors import DetenteError, EvaluationError
from detente.evaluate.report import Report, Score
from detente.records import Article, Event

# Older PLOVER labels in the gold, renamed to the 2024 manual's types.
_RENAMES = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}
# Misspelled country codes in the PLOVER gold.
_CODE_FIXES = {"JAP": "JPN", "ITL": "ITA"}
_TRANSNATIONAL = ("IGO", "NGO", "IMG", "MNC")

Tuple3 = tuple[str | None, str | None, str]


@dataclass(slots=True)
class _Sentence:
    text: str
    published: date | None
    gold: list[Tuple3] = field(default_factory=list)  # (source, target, type) per gold event
    gold_full: list[Tuple3] = field(default_factory=list)  # PETRARCH: full codes


def run(gold: Path, pipeline: Pipeline) -> Report:
    if not gold.is_file():
        raise EvaluationError(f"gold file {gold} not found; give a PLOVER .json or a PETRARCH .xml file")
    if gold.suffix.lower() == ".json":
        return _run_plover(gold, pipeline)
    if gold.suffix.lower() == ".xml":
        return _run_petrarch(gold, pipeline)
    raise EvaluationError(f"{gold}: unknown gold format; give a PLOVER .json or a PETRARCH validation .xml file")


# ---- running the core -----------------------------------------------------------------------------


def _events(sentences: Sequence[_Sentence], pipeline: Pipeline) -> list[tuple[Event, ...]]:
    articles = [
        Article(doc_id=f"gold{n}", text=s.text, published=s.published, origin=f"gold sentence {n}")
        for n, s in enumerate(sentences, start=1)
    ]
    out: list[tuple[Event, ...]] = []
    for outcome in pipeline.process(articles):
        out.append(() if isinstance(outcome, DetenteError) else outcome.events)
    return out


def _score(pairs: Iterable[tuple[set[Any], set[Any]]]) -> Score:
    tp = found = gold = 0
    for pred, ref in pairs:
        tp += len(pred & ref)
        found += len(pred)
        gold += len(ref)
    return Score(true_positives=tp, found=found, gold=gold)


def _extra(pairs: Iterable[tuple[set[Tuple3], set[Tuple3]]]) -> tuple[float, str]:
    """The share of extra events (tuples not in the sentence's gold over all gold tuples) and
    its report line."""
    extra = gold = 0
    for pred, ref in pairs:
        extra += len(pred - ref)
        gold += len(ref)
    share = extra / gold if gold else 0.0
    return share, f"{'extra events':<34} {share:.1%}  ({extra} tuples not in gold / {gold} gold tuples)"


# ---- PLOVER gold JSON ---------------------------------------------------------------------------


def _plover_code(actor: Any) -> str | None:
    if not isinstance(actor, dict) or not actor.get("code"):
        return None
    code = str(actor["code"]).strip().upper()
    if code.startswith("IGO"):
        return "IGO"
    code = code[:3]
    return _CODE_FIXES.get(code, code)


def _read_plover(path: Path) -> list[_Sentence]:
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise EvaluationError(f"cannot read PLOVER gold {path}: {exc}") from None
    by_text: dict[str, _Sentence] = {}
    for r in records:
        text = r.get("text")
        label = r.get("event")
        if not text or not label:
            continue
        label = _RENAMES.get(label, label)
        published = _parse_date(str(r.get("date", "")))
        s = by_text.setdefault(text, _Sentence(text=text, published=published))
        sources = r.get("source") if isinstance(r.get("source"), list) else []
        targets = r.get("target") if isinstance(r.get("target"), list) else []
        src_codes = [_plover_code(a) for a in sources] or [None]
        tgt_codes = [_plover_code(a) for a in targets] or [None]
        for src in src_codes:
            for tgt in tgt_codes:
                s.gold.append((src, tgt, label))
    return list(by_text.values())


def _run_plover(path: Path, pipeline: Pipeline) -> Report:
    sentences = _read_plover(path)
    coded = _events(sentences, pipeline)
    types, src_types, dyads = [], [], []
    for s, events in zip(sentences, coded, strict=True):
        pred = [
            (e.source.country, e.target.country if e.target else None, e.plover)
            for e in events
            if e.modality != "hypothetical" and e.plover is not None
        ]
        types.append(({p[2] for p in pred}, {g[2] for g in s.gold}))
        src_types.append(({(p[0], p[2]) for p in pred}, {(g[0], g[2]) for g in s.gold if g[0] is not None}))
        dyads.append((set(pred), {g for g in s.gold if g[0] is not None}))
    t, st, d = _score(types), _score(src_types), _score(dyads)
    share, extra_line = _extra(dyads)
    metrics = {
        "sentences": float(len(sentences)),
        "type_precision": t.precision,
        "type_recall": t.recall,
        "type_f1": t.f1,
        "source_type_precision": st.precision,
        "source_type_recall": st.recall,
        "source_type_f1": st.f1,
        "dyad_type_precision": d.precision,
        "dyad_type_recall": d.recall,
        "dyad_type_f1": d.f1,
        "extra_events": share,
    }
    lines = (
        f"gold: {path} ({len(sentences)} sentences, PLOVER)",
        t.line("PLOVER type"),
        st.line("(source country, type)"),
        d.line("(source, target country, type)"),
        extra_line,
    )
    return Report(title="events: PLOVER gold", model=pipeline.model, metrics=metrics, lines=lines)


# ---- PETRARCH validation XML ------------------------------------------------------------------------

_TAG = re.compile(r"<(Sentence|EventCoding|Text)\b([^>]*?)(/?)>", re.IGNORECASE)
_ATTR = re.compile(r'(\w+)\s*=\s*"([^"]*)"')
_TEXT_END = re.compile(r"</Text\s*>", re.IGNORECASE)


def _petrarch_country(code: str | None) -> str | None:
    if not code:
        return None
    code = code.strip().upper()
    if not code or code.startswith("---"):
        return None
    for t in _TRANSNATIONAL:
        if code.startswith(t):
            return t
    return code[:3]


def _read_petrarch(path: Path) -> list[_Sentence]:
    """Scan tags in document order: real files are mis-nested (a self-closing Sentence followed by
    its EventCoding and Text as siblings), so nesting is not trusted."""
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"cannot read PETRARCH gold {path}: {exc}") from None
    raw = re.sub(r"<!--.*?-->", "", raw, flags=re.DOTALL)
    out: list[_Sentence] = []
    current: _Sentence | None = None
    pos = 0
    while True:
        m = _TAG.search(raw, pos)
        if m is None:
            break
        pos = m.end()
        name = m.group(1).lower()
        attrs = dict(_ATTR.findall(m.group(2)))
        if name == "sentence":
            current = _Sentence(text="", published=_parse_date(attrs.get("date", "")))
            out.append(current)
        elif name == "eventcoding" and current is not None:
            if attrs.get("noevents", "").lower() == "true" or "eventcode" not in attrs:
                continue
            code = attrs["eventcode"].strip()
            src = _petrarch_country(attrs.get("sourcecode"))
            tgt = _petrarch_country(attrs.get("targetcode"))
            current.gold.append((src, tgt, code[:2]))
            current.gold_full.append((src, tgt, code))
        elif name == "text" and current is not None and not m.group(3):
            end = _TEXT_END.search(raw, pos)
            if end is None:
                raise EvaluationError(f"{path}: a <Text> element is not closed; check the file")
            current.text = _unescape(raw[pos : end.start()]).strip()
            pos = end.end()
    return [s for s in out if s.text]


def _unescape(text: str) -> str:
    return (
        text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", '"')
        .replace("&apos;", "'")
        .replace("&amp;", "&")
    )


def _run_petrarch(path: Path, pipeline: Pipeline) -> Report:
    sentences = _read_petrarch(path)
    coded = _events(sentences, pipeline)
    roots, fulls = [], []
    for s, events in zip(sentences, coded, strict=True):
        kept = [e for e in events if e.modality != "hypothetical"]
        pr = {(e.source.country, e.target.country if e.target else None, e.cameo_root) for e in kept}
        pf = {(e.source.country, e.target.country if e.target else None, e.cameo) for e in kept}
        roots.append((pr, set(s.gold)))
        fulls.append((pf, set(s.gold_full)))
    r, f = _score(roots), _score(fulls)
    share, extra_line = _extra(roots)
    metrics = {
        "sentences": float(len(sentences)),
        "root_precision": r.precision,
        "root_recall": r.recall,
        "root_f1": r.f1,
        "code_precision": f.precision,
        "code_recall": f.recall,
        "code_f1": f.f1,
        "extra_events": share,
    }
    lines = (
        f"gold: {path} ({len(sentences)} sentences, PETRARCH validation)",
        r.line("(source, target, CAMEO root)"),
        f.line("(source, target, CAMEO code)"),
        extra_line,
    )
    return Report(title="events: PETRARCH gold", model=pipeline.model, metrics=metrics, lines=lines)


def _parse_date(raw: str) -> date | None:
    digits = raw.replace("-", "").strip()
    if len(digits) != 8 or not digits.isdigit():
        return None
    try:
        return date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return None
