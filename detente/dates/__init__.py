"""The dates stage: the publication window of an article, and every time expression in it.

Entry points (called by detente.core, events and quotes):
- ``publication(doc, article, evidence)``: the publication window with its method.
- ``find(doc, published)``: every time expression, resolved against the publication window.
- ``date_for(token_index, times, published, doc=None)``: the date of the clause a token heads.
"""

from __future__ import annotations

from detente.dates.stage import date_for, find, publication

__all__ = ["date_for", "find", "publication"]
