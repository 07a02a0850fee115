"""The actors stage's entry points, as core calls them (see detente/actors/__init__.py)."""

from __future__ import annotations

from spacy.tokens import Doc

from detente.actors.knowledge import KnowledgeBase
from detente.actors.resolve import resolve_article, term_evidence
from detente.records import Article, Mention, Published, TermEvidence

__all__ = ["KnowledgeBase", "dating_evidence", "resolve"]


def dating_evidence(doc: Doc, article: Article, kb: KnowledgeBase) -> tuple[TermEvidence, ...]:
    """Pass 1: office holders named in full with a matching title; their terms bound the
    publication date ("former X": after the term's end; "X-elect": shortly before its start)."""
    return term_evidence(doc, article, kb)


def resolve(doc: Doc, article: Article, published: Published, kb: KnowledgeBase) -> tuple[Mention, ...]:
    """Pass 2: every actor mention, resolved at the publication window's middle day."""
    return resolve_article(doc, article, published, kb)
