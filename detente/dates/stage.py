"""The dates stage's entry points, as detente.core calls them.

- ``publication(doc, article, evidence)``: the publication window with its method.
- ``find(doc, published)``: every time expression, resolved against the publication window.
- ``date_for(token_index, times, published, doc=None)``: the date of a clause (events, quotes).
"""

from __future__ import annotations

from detente.dates.finder import date_for, find
from detente.dates.publication import publication

__all__ = ["date_for", "find", "publication"]
