"""The dates stage: the publication window of an article, and every time expression in it.

Entry points:
- ``DateKnowledge.load(knowledge)``: the lexicon and the rule table compiled from it.
- ``publication_stage`` (core, after the actors' first pass): the publication window with its
  method; ``publication(reading, evidence, knowledge)`` is the same step alone.
- ``times_stage`` (core, after the actors' second pass): every time expression, resolved against
  the publication window; ``find(doc, published, knowledge)`` is the same step alone.
- ``TimeIndex(times, published).date_for(token_index, doc)``: the date of the clause a token
  heads (events, quotes); ``date_for(token_index, times, published, doc)`` asks it once.
"""

from __future__ import annotations

from detente.dates.stage import (
    DateKnowledge,
    TimeIndex,
    date_for,
    find,
    publication,
    publication_stage,
    times_stage,
)

__all__ = ["DateKnowledge", "TimeIndex", "date_for", "find", "publication", "publication_stage", "times_stage"]
