"""`detente eval places --gold FILE`: event locations against PLOVER gold JSON.

Only records with an ``eventLoc`` are scored. Each sentence is fed to the same core as
``extract`` (an Article per sentence, text verbatim). A record is right when some event detente
emits for its sentence has a location whose name equals the gold name, or one of the gazetteer's
alternate names for that location (ignoring case and a leading "the", "town of", "city of"),
and whose country matches the gold's where the gold gives one (alpha-2 there). A sentence with
no event is a miss; coverage is the share of scored sentences with any event.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from detente.core import Pipeline
from detente.errors import DetenteError, EvaluationError
from detente.evaluate.report import Report
from detente.places import Gazetteer
from detente.records import Article, Event, Location

_PREFIX = re.compile(r"^(?:the|town of|city of)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Gold:
    record_id: str
    text: str
    name: str
    country: str | None  # alpha-2, as the gold gives it
    published: date | None


def _key(name: str) -> str:
    text = " ".join(name.split()).casefold()
    while True:
        stripped = _PREFIX.sub("", text)
        if stripped == text:
            return text
        text = stripped


def _load(gold: Path) -> list[_Gold]:
    if not gold.is_file():
        raise EvaluationError(f"gold file {gold} not found; give a PLOVER .json file (e.g. plover_gsr_dev.json)")
    try:
        records: Any = json.loads(gold.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise EvaluationError(f"cannot read {gold} as PLOVER gold JSON: {exc}") from None
    if not isinstance(records, list):
        raise EvaluationError(f"{gold}: expected a JSON list of PLOVER records")
    out: list[_Gold] = []
    for record in records:
        loc = record.get("eventLoc") if isinstance(record, dict) else None
        if not isinstance(loc, dict) or not str(loc.get("name") or "").strip() or not record.get("text"):
            continue
        try:
            published = date.fromisoformat(str(record.get("date")))
        except ValueError:
            published = None
        code = str(loc.get("country code") or "").strip().upper() or None
        out.append(
            _Gold(
                record_id=str(record.get("id") or f"record{len(out) + 1}"),
                text=record["text"],
                name=str(loc["name"]).strip(),
                country=code,
                published=published,
            )
        )
    if not out:
        raise EvaluationError(f"{gold}: no record has an eventLoc with a name; nothing to score")
    return out


def _matches(location: Location, gold: _Gold, gazetteer: Gazetteer) -> bool:
    names = {_key(n) for n in gazetteer.alternate_names(location)}
    if _key(gold.name) not in names:
        return False
    if gold.country is None:
        return True
    return location.country is not None and gazetteer.alpha3_of(gold.country) == location.country


def run(gold: Path, pipeline: Pipeline) -> Report:
    golds = _load(gold)
    gazetteer = pipeline.resources.gazetteer
    articles = [
        Article(doc_id=g.record_id, text=g.text, published=g.published, origin=f"{gold}:{g.record_id}") for g in golds
    ]
    right = with_event = with_location = 0
    misses: list[str] = []
    no_event = no_location = wrong = 0
    for g, outcome in zip(golds, pipeline.process(articles), strict=True):
        events: tuple[Event, ...] = () if isinstance(outcome, DetenteError) else outcome.events
        located = [e.location for e in events if e.location is not None]
        if events:
            with_event += 1
        if located:
            with_location += 1
        if any(_matches(loc, g, gazetteer) for loc in located):
            right += 1
            continue
        expected = g.name + (f" ({g.country})" if g.country else "")
        if not events:
            no_event += 1
            misses.append(f"  no event      {g.record_id}: gold {expected}")
        elif not located:
            no_location += 1
            misses.append(f"  no location   {g.record_id}: gold {expected}")
        else:
            wrong += 1
            found = ", ".join(sorted({f"{loc.name} ({loc.country})" for loc in located}))
            misses.append(f"  wrong place   {g.record_id}: gold {expected}, found {found}")
    n = len(golds)
    metrics = {
        "accuracy": right / n,
        "coverage": with_event / n,
        "located": with_location / n,
        "precision_when_located": right / with_location if with_location else 0.0,
        "scored": float(n),
        "right": float(right),
        "miss_no_event": float(no_event),
        "miss_no_location": float(no_location),
        "miss_wrong_place": float(wrong),
    }
    lines = [
        f"gold: {gold} ({n} records with eventLoc)",
        f"{'accuracy':<34} {metrics['accuracy']:.3f}  "
        f"({right}/{n} sentences with the gold place among their events' locations)",
        f"{'coverage':<34} {metrics['coverage']:.3f}  ({with_event}/{n} sentences with any event)",
        f"{'located':<34} {metrics['located']:.3f}  ({with_location}/{n} sentences with any located event)",
        f"{'precision when located':<34} {metrics['precision_when_located']:.3f}  ({right}/{with_location})",
        f"misses: {no_event} no event, {no_location} events without a location, {wrong} wrong place",
        *misses,
    ]
    return Report(
        title="places: event locations vs PLOVER eventLoc",
        model=pipeline.model,
        metrics=metrics,
        lines=tuple(lines),
    )
