"""A country named like a US state ("Georgia") is the state when the sentence names other
states with it, through the whole pipeline, on texts written for these tests."""

from __future__ import annotations

from datetime import date

from detente.records import Article


def _countries(pipeline, text: str) -> list[str | None]:
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=date(2020, 3, 4)))
    return [m.actor.country for m in result.mentions]


def test_georgia_named_with_other_states_is_the_state(pipeline) -> None:
    assert "GEO" not in _countries(pipeline, "The senator carried Virginia, Georgia and Texas on Tuesday.")


def test_georgia_named_alone_is_the_country(pipeline) -> None:
    assert "GEO" in _countries(pipeline, "Armenia signed a transit deal with Georgia on Tuesday.")
