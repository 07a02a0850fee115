"""Event shapes the coder used to miss, through the whole pipeline, on sentences written for
these tests: a people named by a plural proper noun, a participle the parser took for the
subject, going somewhere for talks."""

from __future__ import annotations

from detente.records import Article, Event


def _events(pipeline, text: str) -> tuple[Event, ...]:
    return pipeline.extract_one(Article(doc_id="t", text=text)).events


def _tuples(events: tuple[Event, ...]) -> set[tuple[str | None, str | None, str | None]]:
    return {(e.source.country, e.target.country if e.target else None, e.plover) for e in events}


def test_plural_proper_noun_with_a_country_is_that_country(pipeline) -> None:
    events = _events(pipeline, "Hundreds of Turkish Kurds sought refuge in Iraq last year.")
    assert ("TUR", "IRQ", "REQUEST") in _tuples(events)


def test_participle_taken_for_the_subject_leaves_the_actor(pipeline) -> None:
    text = "The French agency working in Sudan said Sudanese militias must open the roads."
    events = _events(pipeline, text)
    assert ("FRA", "SDN", "REQUEST") in _tuples(events)


def test_going_somewhere_for_talks_is_a_visit(pipeline) -> None:
    events = _events(pipeline, "The Iranian delegation travelled to Vienna on Monday for talks.")
    assert [(e.source.country, e.cameo) for e in events] == [("IRN", "042")]
    assert events[0].location is not None and events[0].location.name == "Vienna"


def test_going_somewhere_without_talks_is_not_coded_as_talks(pipeline) -> None:
    events = _events(pipeline, "The Iranian delegation returned to Tehran for the holidays.")
    assert all(e.cameo != "042" for e in events)


def test_passive_attack_by_a_named_means_has_an_unidentified_source(pipeline) -> None:
    text = "Two Kenyan police officers were killed in a roadside bomb blast near Garissa on Monday."
    events = _events(pipeline, text)
    assault = [e for e in events if e.plover == "ASSAULT"]
    assert assault, "a passive killing by a named means of violence is coded"
    # who attacked is not said: no country, no sector, no name is guessed for the source
    assert all(e.source.country is None and e.source.name is None and e.source.sector is None for e in assault)
    assert any(e.target is not None and e.target.country == "KEN" for e in assault)


def test_passive_death_without_a_means_of_violence_is_no_event(pipeline) -> None:
    events = _events(pipeline, "Two Kenyan police officers were killed in a car crash near Garissa on Monday.")
    assert not [e for e in events if e.cameo_root in ("18", "19")]


def test_object_left_stranded_by_a_reduced_relative_is_the_target(pipeline) -> None:
    text = "Canada granted asylum to three Iranian diplomats holed up in its embassy."
    events = _events(pipeline, text)
    assert any(e.source.country == "CAN" and e.target is not None and e.target.country == "IRN" for e in events)
