"""Placeholder until the dates stage lands."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from detente.records import Article, DateWindow, Published, TermEvidence, TimeExpression


def publication(doc: Doc, article: Article, evidence: Sequence[TermEvidence]) -> Published:
    if article.published is not None:
        return Published(window=DateWindow.day(article.published), method="given")
    return Published()


def find(doc: Doc, published: Published) -> tuple[TimeExpression, ...]:
    return ()
