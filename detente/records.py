"""Records: the frozen types that cross stage, process, file and database boundaries.

Offsets are half-open ``[start, end)`` character offsets (code points) into the article text.
Records never hold spaCy objects. ``to_dict`` gives the JSON shape of the output contract
(``../shared/spec/output-contract.md``); field names here are the contract's names.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date
from datetime import date as _Date  # for annotations inside classes with a `date` member
from typing import Any, Literal

Precision = Literal["day", "week", "month", "quarter", "season", "year", "decade", "century", "unknown"]
PublishedMethod = Literal["given", "explicit", "dateline", "inferred", "unknown"]
Modality = Literal["asserted", "future", "hypothetical"]
QuoteKind = Literal["direct", "indirect", "mixed"]
LocationKind = Literal["country", "region", "city", "site"]
Span = tuple[int, int]

SECTORS: frozenset[str] = frozenset(
    "GOV MIL COP JUD LEG PRM PTY REB SPY UAF UNK AGR BUS CRM CVL EDU ELI JRN LAB MED REF OPP PRE REL SOC".split()
)
TRANSNATIONAL: frozenset[str] = frozenset({"IGO", "NGO", "IMG", "MNC"})


@dataclass(frozen=True, slots=True, kw_only=True)
class DateWindow:
    """A date known to lie in ``[earliest, latest]`` (both inclusive); both None when unknown."""

    earliest: date | None = None
    latest: date | None = None
    precision: Precision = "unknown"
    timex: str | None = None

    def __post_init__(self) -> None:
        if (self.earliest is None) != (self.latest is None):
            raise ValueError("earliest and latest are both set or both None")
        if self.earliest is not None and self.latest is not None and self.earliest > self.latest:
            raise ValueError(f"earliest {self.earliest} is after latest {self.latest}")

    @property
    def date(self) -> date | None:
        """The single day, set exactly when earliest == latest."""
        if self.earliest is not None and self.earliest == self.latest:
            return self.earliest
        return None

    @property
    def known(self) -> bool:
        return self.earliest is not None

    @property
    def width_days(self) -> int | None:
        if self.earliest is None or self.latest is None:
            return None
        return (self.latest - self.earliest).days + 1

    @classmethod
    def unknown(cls) -> DateWindow:
        return cls()

    @classmethod
    def day(cls, d: _Date) -> DateWindow:
        return cls(earliest=d, latest=d, precision="day", timex=d.isoformat())

    def to_dict(self) -> dict[str, Any]:
        day = self.date
        return {
            "date": day.isoformat() if day else None,
            "earliest": self.earliest.isoformat() if self.earliest else None,
            "latest": self.latest.isoformat() if self.latest else None,
            "precision": self.precision,
            "timex": self.timex,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Published:
    """The publication date of an article and how it was found."""

    window: DateWindow = field(default_factory=DateWindow)
    method: PublishedMethod = "unknown"
    evidence: tuple[str, ...] = ()  # short human-readable reasons, e.g. "dateline Oct 28"

    def to_dict(self) -> dict[str, Any]:
        return {**self.window.to_dict(), "method": self.method}


@dataclass(frozen=True, slots=True, kw_only=True)
class Dateline:
    """A wire-service dateline opening the article ("MOSCOW, Oct 28 (Reuters) - "), found once at
    ingest (``detente.ingest.dateline``): the publisher, the publication day, the place events
    happened in, and words no stage should read as the first sentence's subject."""

    span: Span  # the whole dateline, dash included
    place: str  # as written, e.g. "MOSCOW"
    place_span: Span
    month: int | None = None
    day: int | None = None
    year: int | None = None
    agency: str | None = None  # "Reuters", "Interfax"

    @property
    def place_name(self) -> str:
        """'MOSCOW' -> 'Moscow', 'ST. PETERSBURG' -> 'St. Petersburg'."""
        return " ".join(w.capitalize() if w.isupper() else w for w in self.place.split())


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """An input article after ingest: the text every offset refers to."""

    doc_id: str
    text: str
    title: str | None = None
    source: str | None = None
    url: str | None = None
    published: date | None = None  # given by the input's metadata (JSONL, HTML meta)
    captions: tuple[str, ...] = ()
    origin: str = ""  # where it came from, for messages: "path" or "path:line"
    sha256: str = ""  # of `text`; the article's identity in the store
    # Found at ingest; None when the text has none, or when the article was built elsewhere (then
    # core's reading looks for it, see ``detente.reading.read``).
    dateline: Dateline | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    text: str
    name: str | None = None
    actor_id: str | None = None
    country: str | None = None
    sector: str | None = None
    role: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "name": self.name,
            "actor_id": self.actor_id,
            "country": self.country,
            "sector": self.sector,
            "role": self.role,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Mention:
    doc_id: str
    span: Span
    actor: Actor
    # "place": a country or city named only as a location ("talks in Hungary"). Stages may use
    # it (a visit's destination); it is not an actor, so it is not output as a mention record.
    kind: Literal["person", "organization", "country", "group", "place"] = "person"

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "mention",
            "doc_id": self.doc_id,
            "span": list(self.span),
            "actor": self.actor.to_dict(),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class TermEvidence:
    """A named office holder in a role, whose term bounds when the article can have been written."""

    span: Span
    person_id: str
    seat: str
    start: date
    end: date | None  # None: still in office
    text: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class TimeExpression:
    """A time expression found in the text, resolved against the publication window."""

    span: Span
    text: str
    kind: Literal["DATE", "TIME", "DURATION", "SET"] = "DATE"
    value: str | None = None  # TIMEX3 value
    window: DateWindow = field(default_factory=DateWindow)
    anchor_token: int | None = None  # index of the token the expression attaches to (head)


@dataclass(frozen=True, slots=True, kw_only=True)
class Location:
    name: str
    kind: LocationKind
    country: str | None
    lat: float | None
    lon: float | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "country": self.country,
            "lat": self.lat,
            "lon": self.lon,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    doc_id: str
    event_id: str
    span: Span
    trigger: Span
    source: Actor
    target: Actor | None
    cameo: str
    cameo_root: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None
    modality: Modality
    date: DateWindow
    location: Location | None = None
    contexts: tuple[str, ...] = ()
    confidence: float = 0.5
    # The folded event this report belongs to: set by the store when it folds the article; None
    # from `extract` (no store) and for reports that are not folded (hypothetical, negated).
    fold_id: str | None = None
    tone: float | None = None  # the evidence sentence's, on GDELT's AvgTone scale
    pattern_id: str | None = None  # the lexicon pattern (or rule) that coded it ("verb:meet @with")

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "event",
            "doc_id": self.doc_id,
            "event_id": self.event_id,
            "span": list(self.span),
            "trigger": list(self.trigger),
            "source": self.source.to_dict(),
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "cameo_root": self.cameo_root,
            "goldstein": self.goldstein,
            "quad_class": self.quad_class,
            "plover": self.plover,
            "plover_mode": self.plover_mode,
            "modality": self.modality,
            "date": self.date.to_dict(),
            "location": self.location.to_dict() if self.location else None,
            "contexts": list(self.contexts),
            "confidence": self.confidence,
            "fold_id": self.fold_id,
            "tone": self.tone,
            "pattern_id": self.pattern_id,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    doc_id: str
    quote_id: str
    text: str
    span: Span
    parts: tuple[Span, ...]
    kind: QuoteKind
    cue: str | None
    speaker: Actor | None
    date: DateWindow

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "quote",
            "doc_id": self.doc_id,
            "quote_id": self.quote_id,
            "text": self.text,
            "span": list(self.span),
            "parts": [list(p) for p in self.parts],
            "kind": self.kind,
            "cue": self.cue,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "date": self.date.to_dict(),
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    doc_id: str
    title: str | None
    source: str | None
    url: str | None
    text: str
    captions: tuple[str, ...]
    published: Published
    tone: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "type": "document",
            "doc_id": self.doc_id,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "text": self.text,
            "captions": list(self.captions),
            "published": self.published.to_dict(),
            "tone": self.tone,
        }


@dataclass(frozen=True, slots=True, kw_only=True)
class Result:
    """Everything extracted from one article: what crosses a worker boundary."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    events: tuple[Event, ...] = ()
    quotes: tuple[Quote, ...] = ()
    sha256: str = ""
    version: str = ""

    def records(self) -> list[dict[str, Any]]:
        """The contract's JSON records, in the order extract writes them."""
        out: list[dict[str, Any]] = [self.document.to_dict()]
        out += [m.to_dict() for m in self.mentions]
        out += [e.to_dict() for e in self.events]
        out += [q.to_dict() for q in self.quotes]
        return out

    def to_records(self) -> list[dict[str, Any]]:
        """The contract's records as dicts (the Python API's name for ``records``)."""
        return self.records()


def replace(record: Any, **changes: Any) -> Any:
    """dataclasses.replace, re-exported so stages need one import for records."""
    return dataclasses.replace(record, **changes)
