"""The actors stage: who is acting, for which country, in which role, at the article's date.

Entry points:
- ``KnowledgeBase.load(...)``: countries, metonyms, IGOs, titles, seats, office holders.
- ``evidence_stage`` (core, before the dates stage): office holders named with their role; they
  narrow the publication window. ``dating_evidence(reading, kb)`` is the same pass alone.
- ``mentions_stage`` (core, after the publication date): every actor mention, resolved at the
  publication date. ``resolve(reading, published, kb)`` is the same pass alone.
"""

from __future__ import annotations

from detente.actors.stage import (
    KnowledgeBase,
    dating_evidence,
    evidence_stage,
    mentions_stage,
    resolve,
)

__all__ = ["KnowledgeBase", "dating_evidence", "evidence_stage", "mentions_stage", "resolve"]
