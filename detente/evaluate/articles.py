"""`detente eval articles --gold FILE`: the key country-to-country events of whole articles.

The gold (``bench/articles/gold.jsonl``, coded by hand under ``bench/articles/CODING.md`` by a coder
who never saw detente's output) lists per article its key events (source and target country, the
CAMEO roots a careful coder accepts, the date window the text gives) and events that must not come
out (historical acts dated as news, hypotheticals asserted). Each article is read whole, as a user's
article would be, through the same core as ``extract``.

- Recall: a gold event is found when an asserted or future event of its article has one of its roots,
  its source and target countries (either order when the gold marks it symmetric) and a date window
  that overlaps the gold's (any date when the gold gives no window).
- Precision: the emitted events with two different known countries ("dyadic") that match a gold event
  (same rule), plus those a person judged right in the judgments file (``judgments.jsonl`` beside the
  gold: one line per judged event, keyed by file, span and codes, with ``"right": true|false``). The
  lower bound counts unjudged events as wrong; the judged estimate leaves them out. ``--list`` prints
  the unjudged ones, ready to be judged.
- Must-not violations: an event in the must-not's sentence with its dyad and root that is dated inside
  the 30 days before publication (``historical``) or asserted (``hypothetical``).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Literal

from detente.core import Pipeline
from detente.errors import DetenteError, EvaluationError
from detente.evaluate.report import Report
from detente.records import Article, DateWindow, Event

DEFAULT_TEXTS = Path("../shared/gold/polnear/train/text")
# A historical act reported as if it had just happened is one dated this close to publication.
HISTORICAL_DAYS = 30


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldEvent:
    id: str
    source: str
    target: str
    roots: frozenset[str]
    symmetric: bool
    window: tuple[date, date] | None
    offset: tuple[int, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class MustNot:
    id: str
    kind: Literal["historical", "hypothetical"]
    source: str
    target: str
    roots: frozenset[str]
    offset: tuple[int, int]


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldArticle:
    file: str
    published: date
    events: tuple[GoldEvent, ...]
    must_not: tuple[MustNot, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleOutcome:
    """One article's events against its gold."""

    gold: GoldArticle
    text: str
    events: tuple[Event, ...]
    found: tuple[str, ...]  # ids of gold events found
    matched: tuple[Event, ...]  # dyadic events that match a gold event
    unmatched: tuple[Event, ...]  # dyadic events that match none
    violations: tuple[tuple[MustNot, Event], ...]


def load_gold(path: Path) -> tuple[GoldArticle, ...]:
    if not path.is_file():
        raise EvaluationError(f"gold file {path} not found; give the articles gold (bench/articles/gold.jsonl)")
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            out.append(_gold_article(json.loads(line)))
        except (KeyError, ValueError, TypeError) as exc:
            raise EvaluationError(
                f"{path}:{n}: not an articles-gold line ({exc}); see bench/articles/CODING.md"
            ) from exc
    return tuple(out)


def _gold_article(raw: dict[str, Any]) -> GoldArticle:
    events = tuple(
        GoldEvent(
            id=e["id"],
            source=e["source"],
            target=e["target"],
            roots=frozenset(e["roots"]),
            symmetric=bool(e.get("symmetric", False)),
            window=(date.fromisoformat(e["window"][0]), date.fromisoformat(e["window"][1]))
            if e.get("window")
            else None,
            offset=(int(e["offset"][0]), int(e["offset"][1])),
        )
        for e in raw["events"]
    )
    must_not = tuple(
        MustNot(
            id=m["id"],
            kind=m["kind"],
            source=m["source"],
            target=m["target"],
            roots=frozenset(m["roots"]),
            offset=(int(m["offset"][0]), int(m["offset"][1])),
        )
        for m in raw.get("must_not", ())
    )
    return GoldArticle(
        file=raw["file"], published=date.fromisoformat(raw["published"]), events=events, must_not=must_not
    )


def countries(event: Event) -> tuple[str | None, str | None]:
    return event.source.country, event.target.country if event.target else None


def is_dyadic(event: Event) -> bool:
    source, target = countries(event)
    return source is not None and target is not None and source != target and event.modality != "hypothetical"


def _same_dyad(event: Event, source: str, target: str, symmetric: bool) -> bool:
    got = countries(event)
    return got == (source, target) or (symmetric and got == (target, source))


def _overlaps(window: DateWindow, lo: date, hi: date) -> bool:
    return window.earliest is not None and window.latest is not None and window.earliest <= hi and lo <= window.latest


def matches(event: Event, gold: GoldEvent) -> bool:
    if event.modality == "hypothetical" or event.cameo_root not in gold.roots:
        return False
    if not _same_dyad(event, gold.source, gold.target, gold.symmetric):
        return False
    return gold.window is None or _overlaps(event.date, *gold.window)


def violates(event: Event, rule: MustNot, published: date) -> bool:
    inside = event.span[0] < rule.offset[1] and rule.offset[0] < event.span[1]
    if not inside or event.cameo_root not in rule.roots or not _same_dyad(event, rule.source, rule.target, True):
        return False
    if rule.kind == "hypothetical":
        return event.modality == "asserted"
    return _overlaps(event.date, published - timedelta(days=HISTORICAL_DAYS), published)


def score_article(gold: GoldArticle, text: str, events: Sequence[Event]) -> ArticleOutcome:
    dyadic = [e for e in events if is_dyadic(e)]
    matched = [e for e in dyadic if any(matches(e, g) for g in gold.events)]
    return ArticleOutcome(
        gold=gold,
        text=text,
        events=tuple(events),
        found=tuple(g.id for g in gold.events if any(matches(e, g) for e in events)),
        matched=tuple(matched),
        unmatched=tuple(e for e in dyadic if e not in matched),
        violations=tuple((m, e) for m in gold.must_not for e in events if violates(e, m, gold.published)),
    )


def judgment_key(file: str, event: Event) -> str:
    source, target = countries(event)
    return f"{file}|{event.span[0]}-{event.span[1]}|{source}>{target}|{event.cameo_root}"


def load_judgments(path: Path) -> dict[str, bool]:
    if not path.is_file():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            out[row["key"]] = bool(row["right"])
    return out


def outcomes(gold: Sequence[GoldArticle], pipeline: Pipeline, texts: Path) -> list[ArticleOutcome]:
    articles = []
    for g in gold:
        path = texts / g.file
        if not path.is_file():
            raise EvaluationError(
                f"article {g.file} not found in {texts}; give the folder of the gold's texts with --texts"
            )
        articles.append(
            Article(
                doc_id=Path(g.file).stem, text=path.read_text(encoding="utf-8"), published=g.published, origin=str(path)
            )
        )
    out = []
    for g, a, outcome in zip(gold, articles, pipeline.process(articles), strict=True):
        out.append(score_article(g, a.text, () if isinstance(outcome, DetenteError) else outcome.events))
    return out


def run(gold: Path, pipeline: Pipeline, texts: Path | None = None, listing: bool = False) -> Report:
    texts = texts or DEFAULT_TEXTS
    if not texts.is_dir():
        raise EvaluationError(f"texts folder {texts} not found; give it with --texts (PolNeAR's train/text)")
    articles = load_gold(gold)
    judged = load_judgments(gold.with_name("judgments.jsonl"))
    scored = outcomes(articles, pipeline, texts)
    return report(scored, judged, pipeline.model, listing)


def report(scored: Sequence[ArticleOutcome], judged: dict[str, bool], model: str, listing: bool = False) -> Report:
    gold_events = sum(len(o.gold.events) for o in scored)
    found = sum(len(o.found) for o in scored)
    dyadic = sum(len(o.matched) + len(o.unmatched) for o in scored)
    matched = sum(len(o.matched) for o in scored)
    verdicts = [judged.get(judgment_key(o.gold.file, e)) for o in scored for e in o.unmatched]
    right = sum(1 for v in verdicts if v is True)
    wrong = sum(1 for v in verdicts if v is False)
    unjudged = sum(1 for v in verdicts if v is None)
    violations = [v for o in scored for v in o.violations]
    recall = found / gold_events if gold_events else 0.0
    lower = (matched + right) / dyadic if dyadic else 0.0
    judged_total = matched + right + wrong
    estimate = (matched + right) / judged_total if judged_total else 0.0
    lines = [
        f"articles {len(scored)}, gold events {gold_events}, must-not events {sum(len(o.gold.must_not) for o in scored)}",
        f"recall            {recall:.3f}  ({found}/{gold_events} gold events found)",
        f"precision         {estimate:.3f}  ({matched} match the gold, {right} judged right, {wrong} judged wrong; "
        f"{unjudged} unjudged left out)",
        f"precision (lower) {lower:.3f}  (unjudged counted as wrong; {dyadic} dyadic events emitted)",
        f"must-not violations {len(violations)}",
    ]
    lines += [
        f"  violation: {o.gold.file} {m.id} ({m.kind}) by {e.event_id} {e.cameo}"
        for o in scored
        for m, e in o.violations
    ]
    if listing:
        lines += list(_listing(scored, judged))
    return Report(
        title="events on whole articles (key country-to-country events)",
        model=model,
        metrics={
            "recall": recall,
            "precision": estimate,
            "precision_lower": lower,
            "violations": float(len(violations)),
            "unjudged": float(unjudged),
        },
        lines=tuple(lines),
    )


def _listing(scored: Iterable[ArticleOutcome], judged: dict[str, bool]) -> Iterable[str]:
    """Each article's missed gold events and its unjudged dyadic events (as judgment lines to fill in)."""
    for o in scored:
        for g in o.gold.events:
            if g.id not in o.found:
                yield f"  missed: {o.gold.file} {g.id} {g.source}>{g.target} roots {sorted(g.roots)} window {g.window}"
        for e in o.unmatched:
            key = judgment_key(o.gold.file, e)
            if key not in judged:
                evidence = " ".join(o.text[e.span[0] : e.span[1]].split())
                yield "  unjudged: " + json.dumps({"key": key, "cameo": e.cameo, "evidence": evidence, "right": None})
