"""The quotes stage: direct, indirect and mixed quotations with their speakers.

Entry point (called by detente.core):
- ``extract(doc, article, mentions, times, published)``: the article's quotes, numbered
  ``{doc_id}:q{n}`` in text order.
"""

from __future__ import annotations

from detente.quotes.stage import extract

__all__ = ["extract"]
