"""Reported advice and gerund clauses, on sentences written for these tests: "X said Y should"
is an appeal to Y (020, weaker than the demand of "must"); "X responded by accusing Y" has X as
the subject of the gerund; "the head of X's delegation" is X's."""

from __future__ import annotations

import pytest

from detente.records import Article


def _dyads(pipeline, text: str) -> set[tuple[str | None, str | None, str]]:
    events = pipeline.extract_one(Article(doc_id="t", text=text)).events
    return {(e.source.country, e.target.country if e.target else None, e.cameo) for e in events}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The deputy head of Japan's delegation said the United States should reduce its patrols.",
            ("JPN", "USA", "020"),
        ),
        ("Kenyan officials said Somalia must close the camps by June.", ("KEN", "SOM", "100")),
        ("A Chinese official responded by saying Japan should stop its patrols.", ("CHN", "JPN", "020")),
        ("Turkey responded by accusing Greece of provocation.", ("TUR", "GRC", "112")),
    ],
)
def test_reported_advice_demands_and_gerunds(pipeline, text, expected) -> None:
    assert expected in _dyads(pipeline, text)


def test_advice_about_oneself_is_no_appeal(pipeline) -> None:
    dyads = _dyads(pipeline, "Brazil said it should spend more on schools.")
    assert not any(code == "020" for _, _, code in dyads)


def test_a_gerund_after_a_comparison_has_no_subject(pipeline) -> None:
    text = "Neither Spain nor Italy went as far as Portugal in criticising Morocco."
    assert not any(source in ("ESP", "ITA") and target == "MAR" for source, target, _ in _dyads(pipeline, text))
