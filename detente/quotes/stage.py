"""Placeholder until the quotes stage lands."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from detente.records import Article, Mention, Published, Quote, TimeExpression


def extract(
    doc: Doc,
    article: Article,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    published: Published,
) -> tuple[Quote, ...]:
    return ()
