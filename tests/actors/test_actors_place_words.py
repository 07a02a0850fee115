"""Words of place that change whose an actor is, through the whole pipeline, on texts written for
these tests: a country named like a US state ("Georgia") among other states is the state; a people
named "of" a country ("the Greeks of Turkey") is of that country."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.tokens import Span

from detente.core import analyse
from detente.records import Article


def _countries(pipeline, text: str) -> list[str | None]:
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=date(2020, 3, 4)))
    return [m.actor.country for m in result.mentions]


def test_georgia_named_with_other_states_is_the_state(pipeline) -> None:
    assert "GEO" not in _countries(pipeline, "The senator carried Virginia, Georgia and Texas on Tuesday.")


def test_georgia_named_alone_is_the_country(pipeline) -> None:
    assert "GEO" in _countries(pipeline, "Armenia signed a transit deal with Georgia on Tuesday.")


def test_a_people_of_a_country_is_of_that_country(pipeline) -> None:
    result = pipeline.extract_one(
        Article(doc_id="t", text="The Greeks of Turkey protested the new law on Monday.", published=date(2020, 3, 4))
    )
    people = [m for m in result.mentions if m.actor.text == "Greeks"]
    assert [m.actor.country for m in people] == ["TUR"]
    result = pipeline.extract_one(
        Article(doc_id="t", text="Greeks protested the new law in Athens.", published=date(2020, 3, 4))
    )
    assert [m.actor.country for m in result.mentions if m.actor.text == "Greeks"] == ["GRC"]


def test_a_real_name_one_slip_from_a_country_is_not_that_country(pipeline) -> None:
    assert "COL" not in _countries(pipeline, "Columbia defended its climate research, the university said.")
    assert "ETH" in _countries(pipeline, "Ethopia signed a water deal with Kenya.")  # a typo still is


def test_a_lone_word_that_begins_a_named_body_is_that_body(pipeline) -> None:
    text = "A Fox News poll put the senator ahead. Jane Roe told Fox on Sunday that she would run."
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=date(2016, 2, 18)))
    fox = [m for m in result.mentions if m.actor.text == "Fox"]
    assert [(m.kind, m.actor.name) for m in fox] == [("organization", "Fox News")]


def test_a_country_one_puts_faith_in_is_an_actor_not_a_place(pipeline) -> None:
    assert "FRA" in _countries(pipeline, "The senator said Washington had put too much trust in France and Italy.")
    assert "FRA" not in _countries(pipeline, "The senator spent a week in France.")


def test_a_lowercase_word_the_tagger_calls_a_name_is_no_person(pipeline) -> None:
    text = "The Peruvian trade minister snapped back on Friday at objections from his Chilean counterpart."
    doc = pipeline.resources.nlp(text)
    # The small model sometimes labels the verb after a title as a PERSON; make it do so here.
    verb = next(t for t in doc if t.text == "snapped")
    doc.ents = [Span(doc, verb.i, verb.i + 1, label="PERSON")]
    result = analyse(doc, Article(doc_id="t", text=text, published=date(2020, 3, 4)), pipeline.resources)
    assert not any("snapped" in m.actor.text or m.actor.name == "snapped" for m in result.mentions)


def test_a_first_name_alone_names_an_office_holder_only_where_his_country_is_named(pipeline) -> None:
    # "Paul" is a common first name and the surname of a Haitian prime minister in office then.
    published = date(2015, 6, 3)
    text = "Paul said the campaign would spend more on television next month."
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=published))
    assert [m.actor.country for m in result.mentions if m.actor.text == "Paul"] == [None]
    text = "Haiti will hold elections in August. Paul said the vote would be fair."
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=published))
    assert [m.actor.country for m in result.mentions if m.actor.text == "Paul"] == ["HTI"]


@pytest.mark.parametrize(
    ("text", "published", "name"),
    [
        ("South Korean President Kim Dae-jung arrived in Pyongyang on Tuesday.", date(2000, 6, 13), "Kim Dae-jung"),
        ("Syrian President Bashar al-Assad met Iranian officials on Tuesday.", date(2012, 6, 19), "Bashar al-Assad"),
    ],
)
def test_a_name_whose_last_word_begins_in_lowercase_is_still_a_name(pipeline, text, published, name) -> None:
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=published))
    assert name in {m.actor.name for m in result.mentions}


def test_a_lone_surname_is_no_later_office_holder_where_his_country_is_never_named(pipeline) -> None:
    # "Cruz" is the surname of a Cuban prime minister who took office years after 2016.
    text = "Cruz criticized the governor on Tuesday."
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=date(2016, 3, 10)))
    assert [m.actor.country for m in result.mentions if m.actor.text == "Cruz"] == [None]
