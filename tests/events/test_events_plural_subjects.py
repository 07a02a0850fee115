"""Plural subjects with no actor of their own ("they", "both sides", "the two countries") stand
for the most recent plural subject before them; co-ordinated actors of a signing give one event
per pair. Sentences written for these tests."""

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
            "Japan and India held talks in Delhi on Monday. They also condemned North Korea's missile launch.",
            {("JPN", "PRK", "111"), ("IND", "PRK", "111")},
        ),
        (
            "Egypt and Ethiopia resumed negotiations on Sunday. Both sides accused Sudan of delaying the process.",
            {("EGY", "SDN", "112"), ("ETH", "SDN", "112")},
        ),
        (
            "Kenyan police arrested protesters on Monday. They accused Uganda of harbouring rebels.",
            {("KEN", "UGA", "112")},
        ),
    ],
)
def test_plural_subject_takes_the_actors_of_the_plural_subject_before_it(pipeline, text, expected) -> None:
    assert expected <= _dyads(pipeline, text)


@pytest.mark.parametrize(
    "text",
    [
        # the nearest subject is one country: "they" is not it
        "Germany criticised Poland on Monday. They accused Austria of hiding the files.",
        # the nearest subject naming an actor is one country, the plural one is further back
        "Chile and Peru met on Monday. Bolivia protested. They accused Bolivia of lying.",
        # the plural subject of a subordinate clause is no antecedent
        "The families left when the Soviets arrived; they went to Pakistan.",
        # too far back: three sentences lie between
        "Chile and Peru met on Monday. The weather was cold. Prices rose. Markets fell. They accused Bolivia of lying.",
    ],
)
def test_plural_subject_without_a_plural_antecedent_is_no_event(pipeline, text) -> None:
    assert not any(target in ("BOL", "AUT", "PAK") for _, target, _ in _dyads(pipeline, text))


@pytest.mark.parametrize(
    ("text", "code", "pair"),
    [
        ("Russia and China signed a trade deal on Friday.", "057", ("RUS", "CHN")),
        ("Norway and Denmark cooperated closely on fisheries last year.", "050", ("NOR", "DNK")),
        ("Spain and Portugal worked together on the bid.", "060", ("ESP", "PRT")),
    ],
)
def test_co_ordinated_partners_give_one_event_per_pair(pipeline, text, code, pair) -> None:
    coded = [(source, target) for source, target, c in _dyads(pipeline, text) if c == code]
    assert coded == [pair]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Egypt and Sudan met on Monday. Their talks focused on water.", ("EGY", "SDN", "040")),
        ("Norway and Iceland disagreed on Monday. Their phone call lasted an hour.", ("NOR", "ISL", "041")),
    ],
)
def test_their_on_an_event_noun_names_the_plural_subject_before_it(pipeline, text, expected) -> None:
    assert expected in _dyads(pipeline, text)


def test_their_with_no_plural_antecedent_names_no_one(pipeline) -> None:
    dyads = _dyads(pipeline, "Spain hosted Portugal. Their phone call was short.")
    assert not any(code == "041" for _, _, code in dyads)
