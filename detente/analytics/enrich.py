"""Filling what the coding stages leave empty: the article's tone and each event's contexts (and
the tone of each event's sentence), from one article's ``Result``.

Kept apart from the stages so the pipeline calls it as one step after coding:
``enrich(result, Enricher.load())``.
"""

from __future__ import annotations

from dataclasses import dataclass

from detente.analytics.contexts import ContextLexicon
from detente.analytics.tone import ToneScorer
from detente.records import Event, Result, replace


@dataclass(frozen=True, slots=True)
class Enricher:
    """The lexicons, loaded once per process."""

    scorer: ToneScorer
    lexicon: ContextLexicon

    @classmethod
    def load(cls) -> Enricher:
        return cls(scorer=ToneScorer(), lexicon=ContextLexicon.load())

    def event_tone(self, event: Event, text: str) -> float | None:
        """The tone of the event's evidence sentence."""
        return self.scorer.tone(text[event.span[0]:event.span[1]])

    def sentence_tones(self, result: Result) -> dict[str, float | None]:
        """event_id -> the tone of its evidence sentence (for an event ``tone`` column)."""
        text = result.document.text
        return {e.event_id: self.event_tone(e, text) for e in result.events}


def enrich(result: Result, enricher: Enricher) -> Result:
    """The result with the document's tone set and every event's contexts filled (contexts the
    stages already gave are kept)."""
    text = result.document.text
    events = tuple(
        replace(e, contexts=tuple(dict.fromkeys(
            e.contexts + enricher.lexicon.contexts(text[e.span[0]:e.span[1]], e.cameo, e.plover))))
        for e in result.events
    )
    document = replace(result.document, tone=enricher.scorer.tone(text))
    enriched: Result = replace(result, document=document, events=events)
    return enriched
