"""The actors stage's entry points (see detente/actors/__init__.py): two stages for core, and the
same two passes for a caller holding one reading."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.actors.knowledge import KnowledgeBase
from detente.actors.lookup import MentionIndex
from detente.actors.resolve import resolve_article, term_evidence
from detente.actors.text import ArticleState
from detente.reading import Reading, SoFar
from detente.records import Mention, Published, TermEvidence

if TYPE_CHECKING:
    from detente.core import Resources

__all__ = ["KnowledgeBase", "dating_evidence", "evidence_stage", "mentions_stage", "resolve"]


def evidence_stage(reading: Reading, so_far: SoFar, res: Resources) -> SoFar:
    """Pass 1: office holders named with their role, which bound the publication date. The
    reading of the text it builds is handed on to pass 2 in ``so_far``."""
    if not res.kb.people:
        return so_far  # no office holders to find; pass 2 reads the text itself
    state = ArticleState(reading, res.kb, None)
    return replace(so_far, evidence=term_evidence(state), actors_text=state)


def mentions_stage(reading: Reading, so_far: SoFar, res: Resources) -> SoFar:
    """Pass 2: every actor mention, resolved at the publication window's middle day."""
    state = so_far.actors_text
    if not isinstance(state, ArticleState) or state.article is not reading.article or state.kb is not res.kb:
        state = ArticleState(reading, res.kb, None)
    mentions = resolve_article(state, so_far.published)
    return replace(so_far, mentions=mentions, mention_index=MentionIndex(mentions), actors_text=None)


def dating_evidence(reading: Reading, kb: KnowledgeBase) -> tuple[TermEvidence, ...]:
    """Pass 1: office holders named in full with a matching title; their terms bound the
    publication date ("former X": after the term's end; "X-elect": shortly before its start)."""
    if not kb.people:
        return ()
    return term_evidence(ArticleState(reading, kb, None))


def resolve(reading: Reading, published: Published, kb: KnowledgeBase) -> tuple[Mention, ...]:
    """Pass 2: every actor mention, resolved at the publication window's middle day."""
    return resolve_article(ArticleState(reading, kb, None), published)
