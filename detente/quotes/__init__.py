"""The quotes stage: direct, indirect and mixed quotations with their speakers.

Entry points:
- ``load_cues(knowledge)``: the reporting verbs and phrases.
- ``quotes_stage`` (core, last): the article's quotes, numbered ``{doc_id}:q{n}`` in text order;
  ``extract(reading, mention_index, time_index, cues)`` is the same step alone.
"""

from __future__ import annotations

from detente.quotes.lexicon import Cues, load_cues
from detente.quotes.stage import extract, quotes_stage

__all__ = ["Cues", "extract", "load_cues", "quotes_stage"]
