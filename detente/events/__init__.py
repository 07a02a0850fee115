"""The events stage: CAMEO and PLOVER events with source, target, trigger and evidence.

Entry points (called by detente.core):
- ``Lexicon.load(config)``: the CAMEO table, the CAMEO→PLOVER table and the pattern lexicon.
- ``code(doc, article, mentions, times, published, lexicon)``: the article's events, numbered
  ``{doc_id}:e{n}`` in text order.
"""

from __future__ import annotations

from detente.events.stage import Lexicon, code

__all__ = ["Lexicon", "code"]
