"""The dates stage: the publication window of an article, and every time expression in it.

Entry points (called by detente.core):
- ``publication(doc, article, evidence)``: the publication window with its method.
- ``find(doc, published)``: every time expression, resolved against the publication window.
"""

from __future__ import annotations

from detente.dates.stage import find, publication

__all__ = ["find", "publication"]
