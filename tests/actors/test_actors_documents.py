"""A document that speaks ("the statement said") names the author of the last such document the
article introduced, through the whole pipeline, on texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from detente.records import Article

PUBLISHED = date(2021, 6, 10)


def _authors(pipeline, text: str) -> list[str | None]:
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=PUBLISHED))
    return [m.actor.country for m in result.mentions if m.actor.text.lower() == "the statement"]


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean government issued a statement on Monday. The statement said talks would resume.",
        "Chile said in a statement that it would reply. Lima was silent. The statement called for calm.",
    ],
)
def test_the_statement_is_its_authors(pipeline, text: str) -> None:
    assert _authors(pipeline, text) == ["CHL"]


@pytest.mark.parametrize(
    "text",
    [
        # no author introduced before it
        "The statement said talks would resume.",
        # a statement with an owner of its own is not the last one put out
        "Chile issued a statement on Monday. Peru's statement said talks would resume.",
    ],
)
def test_a_statement_with_no_author_introduced_names_no_one(pipeline, text: str) -> None:
    assert _authors(pipeline, text) == []


def test_what_the_statement_says_has_its_author_as_source(pipeline) -> None:
    text = 'Chile issued a statement on Monday. "We stand in solidarity with Peru," the statement said.'
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=PUBLISHED))
    assert {(e.source.country, e.target.country if e.target else None, e.cameo) for e in result.events} == {
        ("CHL", "PER", "019")
    }
