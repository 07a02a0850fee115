"""The actors stage: who is acting, for which country, in which role, at the article's date.

Entry points (called by detente.core, in this order):
- ``KnowledgeBase.load(config)``: countries, metonyms, IGOs, titles, seats, office holders.
- ``dating_evidence(doc, article, kb)``: office holders named with their role (pass 1: they
  narrow the publication window in the dates stage).
- ``resolve(doc, article, published, kb)``: every actor mention, resolved at the publication date.
"""

from __future__ import annotations

from detente.actors.stage import KnowledgeBase, dating_evidence, resolve

__all__ = ["KnowledgeBase", "dating_evidence", "resolve"]
