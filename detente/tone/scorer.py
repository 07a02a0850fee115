"""Tone on GDELT's AvgTone scale, from VADER's sentiment lexicon (the vaderSentiment package).

GDELT's tone is the percentage of positive words minus the percentage of negative words, so it
runs from -100 to +100 and news mostly lies within -10..+10. VADER's ``pos`` and ``neg`` scores
are the shares of the text that carry positive and negative sentiment; the mapping is

    tone = 100 * (pos - neg), rounded to two decimals

which is 0 for neutral text, +100 for a text of only positive words and -100 for only negative
ones. A whole article is scored as one text (most of its words are neutral, so its tone is small);
an event's tone is its evidence sentence's.
"""

from __future__ import annotations

from typing import Any


class ToneScorer:
    """Holds VADER's analyzer (its lexicon is loaded once per scorer, not per text)."""

    def __init__(self) -> None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        self._analyzer: Any = SentimentIntensityAnalyzer()

    def tone(self, text: str) -> float | None:
        """The text's tone (-100..+100); None for a text without words."""
        if not text or not text.strip():
            return None
        scores: dict[str, float] = self._analyzer.polarity_scores(text)
        return round(100.0 * (scores["pos"] - scores["neg"]), 2)
