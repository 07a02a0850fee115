"""Placeholder until the actors stage lands: resolves nothing."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from detente.config import KnowledgeConfig
from detente.records import Article, Mention, Published, TermEvidence


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    @classmethod
    def load(cls, config: KnowledgeConfig) -> "KnowledgeBase":
        return cls()


def dating_evidence(doc: Doc, article: Article, kb: KnowledgeBase) -> tuple[TermEvidence, ...]:
    return ()


def resolve(doc: Doc, article: Article, published: Published, kb: KnowledgeBase) -> tuple[Mention, ...]:
    return ()
