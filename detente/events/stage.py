"""Placeholder until the events stage lands: codes nothing (never a default code)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from detente.config import KnowledgeConfig
from detente.records import Article, Event, Mention, Published, TimeExpression


@dataclass(frozen=True, slots=True)
class Lexicon:
    @classmethod
    def load(cls, config: KnowledgeConfig) -> "Lexicon":
        return cls()


def code(
    doc: Doc,
    article: Article,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    published: Published,
    lexicon: Lexicon,
) -> tuple[Event, ...]:
    return ()
