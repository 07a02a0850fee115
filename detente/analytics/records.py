"""Records of the analytics layer: one report of an event with its article's identity, and the
folded event that gathers every report of one real-world event.

``Report`` wraps a stored ``Event`` (one sentence reporting an action) with what folding and the
exports need from its article; ``FoldedEvent`` is the event counted once, with GDELT's counts.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from detente.records import Actor, DateWindow, Event, Location


@dataclass(frozen=True, slots=True, kw_only=True)
class DocRef:
    """The article a report comes from: its identity and what the exports print about it."""

    doc_id: str
    outlet: str | None = None  # the document's `source`: the outlet that published it
    sha256: str = ""
    published: datetime.date | None = None  # the earliest day of the publication window
    url: str | None = None
    tone: float | None = None
    text: str = ""
    aliases: int = 0  # other ids the same text was given (each counts as an article)


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    """One event record (a sentence reporting an action) and the article it comes from."""

    event: Event
    doc: DocRef

    @property
    def evidence(self) -> str:
        start, end = self.event.span
        return self.doc.text[start:end]

    @property
    def outlet_key(self) -> str:
        # An article without an outlet counts as its own source rather than merging with others.
        return self.doc.outlet or f"doc:{self.doc.doc_id}"

    def actor_offset(self, actor: Actor | None) -> int:
        """Where the actor's words start in the text, searched within the evidence sentence; -1
        when absent (GDELT's convention for an unknown offset)."""
        if actor is None or not actor.text:
            return -1
        start, end = self.event.span
        at = self.doc.text.find(actor.text, start, max(end, start + len(actor.text)))
        return at

    @property
    def sentence_id(self) -> int:
        """The evidence sentence's number in the article (1-based), counting sentence ends before it."""
        before = self.doc.text[: self.event.span[0]]
        return 1 + sum(before.count(mark) for mark in (". ", "! ", "? ", ".\n", "!\n", "?\n"))

    def to_dict(self) -> dict[str, Any]:
        return {
            "event_id": self.event.event_id,
            "doc_id": self.doc.doc_id,
            "outlet": self.doc.outlet,
            "published": self.doc.published.isoformat() if self.doc.published else None,
            "url": self.doc.url,
            "span": list(self.event.span),
            "evidence": self.evidence,
            "date": self.event.date.to_dict(),
            "confidence": self.event.confidence,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class FoldedEvent:
    """One real-world event and every report of it. Codes, actors and date come from the
    best-dated report (narrowest window, then highest confidence); ``date`` is its window, and
    GDELT's SQLDATE is its earliest day."""

    fold_id: str
    source: Actor
    target: Actor | None
    cameo: str
    cameo_root: str
    plover: str | None
    goldstein: float
    quad_class: int
    modality: str
    symmetric: bool
    date: DateWindow
    first_report: datetime.date | None  # the earliest publication day among the reports
    last_report: datetime.date | None
    num_mentions: int  # reports
    num_sources: int  # distinct outlets
    num_articles: int  # distinct doc_ids (a text stored under several ids counts every id)
    location: Location | None
    contexts: tuple[str, ...]
    tone: float | None  # mean tone of the reporting articles (GDELT's AvgTone)
    reports: tuple[Report, ...]

    @property
    def best(self) -> Report:
        """The best-dated report: the one whose codes, actors and date the event carries."""
        return best_report(self.reports)

    @property
    def evidence(self) -> str:
        return self.best.evidence

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "folded_event",
            "fold_id": self.fold_id,
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "plover": self.plover,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "modality": self.modality,
            "symmetric": self.symmetric,
            "date": self.date.to_dict(),
            "first_report": self.first_report.isoformat() if self.first_report else None,
            "last_report": self.last_report.isoformat() if self.last_report else None,
            "num_mentions": self.num_mentions,
            "num_sources": self.num_sources,
            "num_articles": self.num_articles,
            "location": self.location.to_dict() if self.location else None,
            "contexts": list(self.contexts),
            "tone": self.tone,
            "reports": [r.to_dict() for r in self.reports],
        }


def best_report(reports: tuple[Report, ...]) -> Report:
    """Narrowest known date window first, then highest confidence, then the earliest report."""

    def rank(r: Report) -> tuple[int, float, str]:
        width = r.event.date.width_days
        return (width if width is not None else 10**9, -r.event.confidence, r.event.event_id)

    return min(reports, key=rank)
