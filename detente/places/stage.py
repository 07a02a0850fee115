"""The places stage: where each event happened.

An event's place is the place phrase attached to its clause in the parse ("met in Geneva",
"talks at the Kremlin"), or in an adverbial clause of that clause ("resigned as protesters
stormed his office in X"); else the article's dateline city, for events of the dateline's day;
else none. Names are resolved by the gazetteer with the context of the article (countries named
anywhere, the event's actors) and of the event's sentence (countries and regions named there).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from datetime import date
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from detente.places.gazetteer import Gazetteer, Place
from detente.places.phrases import Context, PlaceFinder
from detente.reading import Reading, SoFar
from detente.records import Article, Dateline, Event, replace

if TYPE_CHECKING:
    from detente.core import Resources

__all__ = ["Gazetteer", "locate", "places_stage"]


def places_stage(reading: Reading, so_far: SoFar, res: Resources) -> SoFar:
    """The events found so far, with their places."""
    return replace(so_far, events=locate(reading, so_far.events, res.gazetteer))


def locate(reading: Reading, events: Sequence[Event], gazetteer: Gazetteer) -> tuple[Event, ...]:
    """The events with ``location`` filled where the text says (or the dateline implies) it."""
    doc, article = reading.doc, reading.article
    if not events:
        return tuple(events)
    finder = PlaceFinder(doc, gazetteer)
    doc_countries, _ = finder.countries_named(doc)
    sentence_context: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    dateline = reading.dateline
    dateline_place = gazetteer.resolve(dateline.place_name, doc_countries) if dateline else None
    day_of = _day_matcher(dateline, article, events) if dateline_place else None

    def context_of(token_sent: Span, event: Event | None) -> Context:
        if token_sent.start not in sentence_context:
            sentence_context[token_sent.start] = finder.countries_named(token_sent, as_place=True)
        near, regions = sentence_context[token_sent.start]
        actors = _actor_countries(event, gazetteer) if event is not None else frozenset()
        return Context(weak=doc_countries | actors, near=near, regions=regions)

    earlier_nouns: dict[str, list[int]] | None = None
    located: list[Event] = []
    for event in events:
        place: Place | None = None
        trigger = doc.char_span(event.trigger[0], event.trigger[1], alignment_mode="expand")
        if trigger is not None and len(trigger):
            context = context_of(trigger.root.sent, event)
            place = finder.attached_place(trigger, context)
            if place is None and (noun := finder.event_noun(trigger)) is not None:
                if earlier_nouns is None:
                    earlier_nouns = _event_nouns(doc, gazetteer)
                place = _antecedent_place(noun, earlier_nouns, finder, context_of)
            if place is None:
                # Material actions (quad classes 2 and 4) happen where their objects are;
                # statements and appeals do not happen where their topics are.
                place = finder.clause_place(trigger, context, deep=event.quad_class in (2, 4))
            if place is None:
                place = finder.argument_place(trigger, context, material=event.quad_class in (2, 4))
            if place is None:
                place = finder.circumstance_place(trigger, context)
            if place is None:
                place = finder.subject_place(trigger, context)
        if place is None and day_of is not None and day_of(event):
            place = dateline_place
        located.append(replace(event, location=place.location) if place is not None else event)
    return tuple(located)


def _event_nouns(doc: Doc, gazetteer: Gazetteer) -> dict[str, list[int]]:
    """Where each event noun ("meeting", "talks") occurs in the document, in text order."""
    nouns = gazetteer.phrasing.event_nouns
    found: dict[str, list[int]] = defaultdict(list)
    for token in doc:
        lemma = token.lemma_.lower()
        if lemma in nouns and token.pos_ == "NOUN":
            found[lemma].append(token.i)
    return found


def _antecedent_place(
    noun: Token,
    earlier: dict[str, list[int]],
    finder: PlaceFinder,
    context_of: Callable[[Span, Event | None], Context],
) -> Place | None:
    """The place of the nearest earlier mention of the same event noun that has one."""
    doc = noun.doc
    for i in reversed(earlier.get(noun.lemma_.lower(), ())):
        if i >= noun.i:
            continue
        mention = doc[i : i + 1]
        place = finder.attached_place(mention, context_of(mention.sent, None))
        if place is not None:
            return place
    return None


def _actor_countries(event: Event, gazetteer: Gazetteer) -> frozenset[str]:
    codes = {event.source.country, event.target.country if event.target else None}
    return frozenset(c for c in codes if c is not None and c in gazetteer.countries)


def _day_matcher(dateline: Dateline | None, article: Article, events: Sequence[Event]) -> Callable[[Event], bool]:
    """Which events happened on the dateline's day (and so, without a place of their own,
    in the dateline's city).

    The day is the dateline's month and day when it gives them, else the given publication
    date, else the day most events of the article are dated to (events without a time
    expression of their own carry the publication window). An event with no date at all has
    no time expression of its own either, so it counts as the dateline's day.
    """
    if dateline is not None and dateline.month is not None and dateline.day is not None:
        month, day, year = dateline.month, dateline.day, dateline.year

        def on_dateline_day(event: Event) -> bool:
            d = event.date.date
            if not event.date.known:
                return True
            return d is not None and d.month == month and d.day == day and (year is None or d.year == year)

        return on_dateline_day
    reference: date | None = article.published
    if reference is None:
        days = Counter(e.date.date for e in events if e.date.date is not None)
        reference = days.most_common(1)[0][0] if days else None

    def on_reference_day(event: Event) -> bool:
        if not event.date.known:
            return True
        return reference is not None and event.date.date == reference

    return on_reference_day
