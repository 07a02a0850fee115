"""A definite description of a country ("the kingdom", "the Andean nation") names the country
mentioned last before it, through the whole pipeline, on texts written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from detente.records import Article


def _described(pipeline, text: str) -> list[tuple[str, str | None]]:
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=date(2023, 5, 10)))
    return [(m.actor.text, m.actor.country) for m in result.mentions if m.actor.text.lower().startswith("the ")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jordan hosted the talks. The kingdom said it would send aid.", ("The kingdom", "JOR")),
        ("Spain sent envoys to Bolivia. The Andean nation welcomed them.", ("The Andean nation", "BOL")),
        # the subject of its own clause is not what its object describes
        ("Peru sent troops to Chile. Argentina criticized the Andean country.", ("the Andean country", "CHL")),
        # "the kingdom" is the last monarchy named, not the last country
        ("Morocco signed a deal with Brazil. The kingdom will export phosphates.", ("The kingdom", "MAR")),
        # a former part of a country is not that country, nor is the country it was part of an actor
        (
            "Armenia and Russia held talks. Moscow praised the former Soviet republic.",
            ("the former Soviet republic", "ARM"),
        ),
    ],
)
def test_a_country_description_names_the_country_before_it(pipeline, text: str, expected: tuple) -> None:
    assert expected in _described(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peru sent troops to Chile. Officials said the country needs more roads.",  # bare: often one's own
        "Peru sent troops to Chile. The other country protested.",  # generic
        "Peru sent troops to Chile. The country of origin was not named.",  # a defining phrase
        "Brazil signed a deal with Chile. The kingdom will export coffee.",  # no monarchy named
    ],
)
def test_no_country_for_a_generic_or_unsupported_description(pipeline, text: str) -> None:
    assert all(country is None for _, country in _described(pipeline, text))


def test_the_country_a_former_part_was_part_of_is_no_actor(pipeline) -> None:
    text = "Armenia and Russia held talks. Moscow praised the former Soviet republic."
    result = pipeline.extract_one(Article(doc_id="t", text=text, published=date(2023, 5, 10)))
    assert [m.actor.text for m in result.mentions if m.actor.text == "Soviet"] == []
