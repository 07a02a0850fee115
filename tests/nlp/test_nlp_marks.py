"""The quotation-mark scanner: pure text, no model."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.nlp.marks import scan


def _texts(text: str) -> list[list[str]]:
    return [[text[s:e] for s, e in q.parts] for q in scan(text)]


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        pytest.param("The envoy said: “Talks went well.” Then he left.", [["Talks went well."]], id="curly"),
        pytest.param(
            'A "first" word and "a second one" here.', [["first"], ["a second one"]], id="straight-pair-by-position"
        ),
        pytest.param("Il a dit «nous verrons» hier.", [["nous verrons"]], id="guillemets"),
        pytest.param("Er sagte „wir werden sehen“ gestern.", [["wir werden sehen"]], id="low-9-opening"),
        pytest.param(
            "''The figures are sobering,'' the economist said. \"A deal is near,’’ the aide added.",
            [["The figures are sobering,"], ["A deal is near,"]],
            id="doubled-apostrophes",
        ),
        pytest.param(
            "“We don’t agree with the minister’s plan,” she said.",
            [["We don’t agree with the minister’s plan,"]],
            id="apostrophes-are-not-marks",
        ),
        pytest.param("He called it ‘a mistake’ on Monday.", [["a mistake"]], id="single-curly-at-top-level"),
        pytest.param("A stray ” mark, then “a real one” here.", [["a real one"]], id="stray-closing-mark-ignored"),
        # “...,“ said X: after a comma and before a space the mark can only close the quote.
        pytest.param(
            "“The harbour will reopen in spring,“ said the port director. “We are ready.”",
            [["The harbour will reopen in spring,"], ["We are ready."]],
            id="opening-mark-typed-for-closing",
        ),
    ],
)
def test_quoted_pieces(text: str, quoted: list[list[str]]) -> None:
    assert _texts(text) == quoted


def test_nested_quote_inside_a_double_quote() -> None:
    text = "“The memo read, ‘Delay the vote’, and nobody objected,” the clerk said."
    (outer,) = scan(text)
    assert [text[s:e] for s, e in outer.inner[0].parts] == ["Delay the vote"]


def test_quote_continued_over_paragraphs() -> None:
    text = "The mayor said “We will rebuild the bridge.\n\n“It will take two years.”\n\nOther news."
    (q,) = scan(text)
    assert [text[s:e] for s, e in q.parts] == ["We will rebuild the bridge.", "It will take two years."]
    assert q.closed


def test_unclosed_quote_stops_at_its_paragraph() -> None:
    text = "The sign read “Closed for repairs\n\nThe shop reopened later. “Welcome back,” the owner said."
    quotes = scan(text)
    assert [text[s:e] for s, e in quotes[0].parts] == ["Closed for repairs"]
    assert not quotes[0].closed
    assert [text[s:e] for s, e in quotes[1].parts] == ["Welcome back,"]


def test_stray_closing_mark_is_ignored() -> None:
    assert _texts("A stray ” mark, then “a real one” here.") == [["a real one"]]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n“”\"'’‘«»")), max_size=120))
def test_never_crashes_and_stays_in_bounds(text: str) -> None:
    for q in scan(text):
        for s, e in q.parts:
            assert 0 <= s < e <= len(text)
            # A quote never crosses a paragraph break inside one piece.
            assert "\n\n" not in text[s:e]
