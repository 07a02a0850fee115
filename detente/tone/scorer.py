"""Tone on GDELT's AvgTone scale, from VADER's sentiment lexicon (the vaderSentiment package).

GDELT's tone is the percentage of positive words minus the percentage of negative words, so it
runs from -100 to +100 and news mostly lies within -10..+10. VADER's ``pos`` and ``neg`` scores
are the shares of the text that carry positive and negative sentiment; the mapping is

    tone = 100 * (pos - neg), rounded to two decimals

which is 0 for neutral text, +100 for a text of only positive words and -100 for only negative
ones. An event's tone is its evidence sentence's. A longer text (an article) is scored in pieces
of whole sentences of at most ``PIECE_WORDS`` words, and the pieces' scores are averaged weighted by
their words: VADER's rules look a few words around each word (negation, "but"), and its cost grows
with the square of the text's length, so one pass over a whole article would be slow on long ones
for no gain. Most of an article's words are neutral, so its tone is small.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

PIECE_WORDS = 100
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class ToneScorer:
    """Holds VADER's analyzer (its lexicon is loaded once per scorer, not per text)."""

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._analyzer: Any = SentimentIntensityAnalyzer()

    def tone(self, text: str) -> float | None:
        """The text's tone (-100..+100); None for a text without words."""
        if not text or not text.strip():
            return None
        total = weighted = 0.0
        for piece, words in _pieces(text):
            scores: dict[str, float] = self._analyzer.polarity_scores(piece)
            weighted += words * (scores["pos"] - scores["neg"])
            total += words
        return round(100.0 * weighted / total, 2) if total else 0.0


def _pieces(text: str) -> Iterator[tuple[str, int]]:
    """Runs of whole sentences of at most PIECE_WORDS words (a longer sentence cut by words), with
    their word counts."""
    run: list[str] = []
    for sentence in _SENTENCE_END.split(text.strip()):
        words = sentence.split()
        while len(words) > PIECE_WORDS:  # one very long sentence
            if run:
                yield " ".join(run), len(run)
                run = []
            yield " ".join(words[:PIECE_WORDS]), PIECE_WORDS
            words = words[PIECE_WORDS:]
        if run and len(run) + len(words) > PIECE_WORDS:
            yield " ".join(run), len(run)
            run = []
        run.extend(words)
    if run:
        yield " ".join(run), len(run)
