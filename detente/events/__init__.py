"""The events stage: CAMEO and PLOVER events with source, target, trigger and evidence.

Entry points:
- ``Lexicon.load(...)``: the CAMEO table, the CAMEO→PLOVER table and the pattern lexicon.
- ``events_stage`` (core, after the dates stage): the article's events, numbered
  ``{doc_id}:e{n}`` in text order; ``code(reading, mention_index, time_index, lexicon)`` is the
  same step alone.
"""

from __future__ import annotations

from detente.events.stage import Lexicon, code, events_stage

__all__ = ["Lexicon", "code", "events_stage"]
