"""The NLP stage's tokenizer: quotation marks glued to words in scraped text become tokens."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ('He said,"No."', ["He", "said", ",", '"', "No", ".", '"']),
        ("He said:“No.”", ["He", "said", ":", "“", "No", ".", "”"]),
        ("the “reset”was over", ["the", "“", "reset", "”", "was", "over"]),
        # apostrophes inside words are left alone
        ("it’s rock’n’roll", ["it", "’s", "rock’n’roll"]),
        # well-spaced text tokenizes as before
        ('He said, "No," and left.', ["He", "said", ",", '"', "No", ",", '"', "and", "left", "."]),
    ],
)
def test_glued_quotation_marks_split(nlp, text: str, tokens: list[str]) -> None:
    assert [t.text for t in nlp.tokenizer(text)] == tokens
