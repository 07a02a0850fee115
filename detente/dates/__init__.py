"""The dates stage: the publication window of an article, and every time expression in it.

Entry points:
- ``publication_stage`` (core, after the actors' first pass): the publication window with its
  method; ``publication(reading, evidence)`` is the same step alone.
- ``times_stage`` (core, after the actors' second pass): every time expression, resolved against
  the publication window; ``find(doc, published)`` is the same step alone.
- ``date_for(token_index, times, published, doc=None)``: the date of the clause a token heads
  (events, quotes).
"""

from __future__ import annotations

from detente.dates.stage import date_for, find, publication, publication_stage, times_stage

__all__ = ["date_for", "find", "publication", "publication_stage", "times_stage"]
