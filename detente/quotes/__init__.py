"""The quotes stage: direct, indirect and mixed quotations with their speakers.

Entry point:
- ``quotes_stage`` (core, last): the article's quotes, numbered ``{doc_id}:q{n}`` in text order;
  ``extract(reading, mentions, times, published)`` is the same step alone.
"""

from __future__ import annotations

from detente.quotes.stage import extract, quotes_stage

__all__ = ["extract", "quotes_stage"]
