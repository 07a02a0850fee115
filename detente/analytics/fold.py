"""Folding: reports of one real-world event, within an article and across articles, become one
``FoldedEvent`` (GDELT counts reports; detente counts events).

Two reports fold together when all of these hold (``compatible``):
1. the same modality class: a report that something will happen (``future``) stays apart from
   reports that it happened (``asserted``); hypothetical reports are never folded;
2. compatible codes: the same CAMEO root, or the same (non-null) PLOVER type;
3. the same source and target: two actors match when their actor ids are equal or, when either
   lacks an id, when their countries are equal (a country's own id, its code, counts as no id:
   "Pakistan" and "Nawaz Sharif" both stand for Pakistan's side). Symmetric actions (04x meetings and consultations,
   joint 03x/05x/06x intents, agreements and cooperation, see ``SYMMETRIC``) match either way round;
4. overlapping date windows, with ``FoldRules.date_slack_days`` of slack (an article that gives no
   day dates the event to its publication day, often a day after it happened); an unknown date
   only folds with another unknown date;
5. compatible places: places conflict only when both lie outside the two actors' countries (a
   place inside one of them is often a dateline or a capital standing for its government) and
   differ: another country, or two different cities or sites.

A report joins the closest compatible folded event (nearest date midpoint, then most reports);
when none is compatible it starts a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from statistics import fmean

from detente.analytics.records import DocRef, FoldedEvent, Report, best_report
from detente.records import Actor, DateWindow, Event, Location

# Actions that two parties do together: the direction a sentence gives them is incidental.
SYMMETRIC_CODES: frozenset[str] = frozenset(
    {"030", "031", "0311", "0312", "0313", "0314", "036", "050", "057", "060", "061", "062", "063", "064"}
)
FOLDED_MODALITIES: frozenset[str] = frozenset({"asserted", "future"})


@dataclass(frozen=True, slots=True, kw_only=True)
class FoldRules:
    date_slack_days: int = 1


DEFAULT_RULES = FoldRules()  # frozen: a constant, not shared mutable state


def symmetric(cameo: str) -> bool:
    return cameo.startswith("04") or cameo in SYMMETRIC_CODES


def _own_id(actor: Actor) -> str | None:
    """The actor's id when it names a specific person or body. A country's own id (its code,
    "RUS" for Russia) says no more than its country, so it counts as no id."""
    if actor.actor_id is None or actor.actor_id == actor.country:
        return None
    return actor.actor_id


def actors_match(a: Actor | None, b: Actor | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    id_a, id_b = _own_id(a), _own_id(b)
    if id_a is not None and id_b is not None:
        return id_a == id_b
    if a.country is not None or b.country is not None:
        return a.country == b.country
    # Neither has an id nor a country: only the same name can tell they are one actor.
    return (a.name or a.text).casefold() == (b.name or b.text).casefold()


def dates_overlap(a: DateWindow, b: DateWindow, slack_days: int = 0) -> bool:
    if a.earliest is None or b.earliest is None or a.latest is None or b.latest is None:
        return a.earliest is None and b.earliest is None
    slack = timedelta(days=slack_days)
    return a.earliest <= b.latest + slack and b.earliest <= a.latest + slack


def _third_country_place(e: Event) -> Location | None:
    """The event's place when it lies outside both actors' countries. A place inside one of them
    is weak evidence: often a dateline or a capital standing for its government ("Moscow said")."""
    place = e.location
    if place is None or place.country is None:
        return None
    actors = {e.source.country, e.target.country if e.target else None}
    return None if place.country in actors else place


def places_compatible(a: Event, b: Event) -> bool:
    """Two reports' places conflict only when both lie in third countries and differ: another
    country, or two different cities or sites."""
    pa, pb = _third_country_place(a), _third_country_place(b)
    if pa is None or pb is None:
        return True
    if pa.country != pb.country:
        return False
    if pa.kind in ("city", "site") and pb.kind in ("city", "site"):
        return pa.name.casefold() == pb.name.casefold()
    return True


def codes_compatible(a: Event, b: Event) -> bool:
    return a.cameo_root == b.cameo_root or (a.plover is not None and a.plover == b.plover)


def compatible(a: Event, b: Event, rules: FoldRules = DEFAULT_RULES) -> bool:
    """Whether two reports can be of one event (the module docstring's rules)."""
    if a.modality not in FOLDED_MODALITIES or b.modality not in FOLDED_MODALITIES:
        return False
    if a.modality != b.modality or not codes_compatible(a, b):
        return False
    same_way = actors_match(a.source, b.source) and actors_match(a.target, b.target)
    if not same_way:
        either_way = symmetric(a.cameo) and symmetric(b.cameo)
        if not (either_way and actors_match(a.source, b.target) and actors_match(a.target, b.source)):
            return False
    return dates_overlap(a.date, b.date, rules.date_slack_days) and places_compatible(a, b)


def dyad_key(event: Event | FoldedEvent) -> str:
    """The lookup key of an event's pair of countries, in sorted order so that both directions of
    a dyad share it (folding then checks direction). Actors without a country use ``?``."""
    a = event.source.country or "?"
    b = (event.target.country or "?") if event.target else "-"
    return "|".join(sorted((a, b)))


def aggregate(fold_id: str, reports: Sequence[Report]) -> FoldedEvent:
    """The folded event of these reports: codes, actors and date from the best-dated one."""
    if not reports:
        raise ValueError("a folded event needs at least one report")
    ordered = tuple(sorted(reports, key=lambda r: (r.doc.published or date.max, r.event.event_id)))
    best = best_report(ordered).event
    published = [r.doc.published for r in ordered if r.doc.published is not None]
    tones = {r.doc.doc_id: r.doc.tone for r in ordered if r.doc.tone is not None}
    located = [r.event.location for r in ordered if r.event.location is not None]
    # The most precise place reported: a city or site over a region over a country.
    precision = {"site": 0, "city": 1, "region": 2, "country": 3}
    location = min(located, key=lambda loc: precision.get(loc.kind, 4)) if located else None
    return FoldedEvent(
        fold_id=fold_id,
        source=best.source,
        target=best.target,
        cameo=best.cameo,
        cameo_root=best.cameo_root,
        plover=best.plover,
        goldstein=best.goldstein,
        quad_class=best.quad_class,
        modality=best.modality,
        symmetric=symmetric(best.cameo),
        date=best.date,
        first_report=min(published) if published else None,
        last_report=max(published) if published else None,
        num_mentions=len(ordered),
        num_sources=len({r.outlet_key for r in ordered}),
        num_articles=sum(1 + doc.aliases for doc in {r.doc.doc_id: r.doc for r in ordered}.values()),
        location=location,
        contexts=tuple(sorted({c for r in ordered for c in r.event.contexts})),
        tone=round(fmean(tones.values()), 4) if tones else None,
        reports=ordered,
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class FoldOutcome:
    """What folding one article changed: the new or updated folded events, and each report's fold."""

    folded: tuple[FoldedEvent, ...]
    fold_ids: dict[str, str] = field(default_factory=dict)  # event_id -> fold_id


def _midpoint(window: DateWindow) -> date | None:
    if window.earliest is None or window.latest is None:
        return None
    return window.earliest + (window.latest - window.earliest) / 2


def _distance(a: DateWindow, b: DateWindow) -> int:
    ma, mb = _midpoint(a), _midpoint(b)
    return abs((ma - mb).days) if ma is not None and mb is not None else 0


class Folder:
    """Folds one article's reports at a time into the folded events known so far.

    ``new_id`` gives a fresh fold id (a counter here, a database sequence in ``fold_sql``).
    """

    def __init__(self, new_id: Callable[[], str], rules: FoldRules = DEFAULT_RULES) -> None:
        self.new_id = new_id
        self.rules = rules

    def _joins(self, event: Event, folded: FoldedEvent) -> bool:
        # Every report must be compatible with the event: the best-dated one alone could admit
        # a report that is far from the others.
        return all(compatible(event, r.event, self.rules) for r in folded.reports)

    def fold(self, doc: DocRef, events: Iterable[Event], candidates: Iterable[FoldedEvent]) -> FoldOutcome:
        """Fold an article's reports into ``candidates`` (the folded events that share a dyad key
        with them); returns the folded events created or changed and each report's fold id."""
        pool: dict[str, list[Report]] = {f.fold_id: list(f.reports) for f in candidates}
        current: dict[str, FoldedEvent] = {}
        for fid, reps in pool.items():
            current[fid] = aggregate(fid, reps)
        changed: set[str] = set()
        fold_ids: dict[str, str] = {}
        for event in events:
            if event.modality not in FOLDED_MODALITIES:
                continue
            matches = [f for f in current.values() if self._joins(event, f)]
            if matches:
                chosen = min(matches, key=lambda f: (_distance(event.date, f.date), -f.num_mentions, f.fold_id))
                fid = chosen.fold_id
            else:
                fid = self.new_id()
                pool[fid] = []
            pool[fid].append(Report(event=event, doc=doc))
            current[fid] = aggregate(fid, pool[fid])
            changed.add(fid)
            fold_ids[event.event_id] = fid
        return FoldOutcome(folded=tuple(current[f] for f in sorted(changed)), fold_ids=fold_ids)


def fold_all(
    articles: Iterable[tuple[DocRef, Sequence[Event]]], rules: FoldRules = DEFAULT_RULES
) -> tuple[FoldedEvent, ...]:
    """Fold whole collections in memory (benchmarks, tests): candidates looked up by dyad key."""
    counter = iter(range(1, 2**62))
    folder = Folder(lambda: f"F{next(counter)}", rules)
    by_key: dict[str, dict[str, FoldedEvent]] = {}
    for doc, events in articles:
        keys = {dyad_key(e) for e in events}
        candidates = [f for k in keys for f in by_key.get(k, {}).values()]
        outcome = folder.fold(doc, events, candidates)
        for f in outcome.folded:
            by_key.setdefault(dyad_key(f), {})[f.fold_id] = f
    return tuple(f for group in by_key.values() for f in group.values())
