"""The per-article reading every stage reads, and what the stages have found so far.

Core parses an article once and builds its ``Reading`` once (``read``): the parse, the text, the
dateline, the sentence bounds, the quotation marks. Every stage has one signature, ``stage(reading, so_far, resources)
-> SoFar``: it reads the reading and what the stages before it found, and returns ``so_far`` with
its own findings added. The order of the stages is ``detente.core.STAGES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from detente.ingest.dateline import find_dateline
from detente.nlp.marks import RawQuote, outer_spans, scan
from detente.records import (
    Article,
    Dateline,
    Event,
    Mention,
    Published,
    Quote,
    Span,
    TermEvidence,
    TimeExpression,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.tokens import Span as SpacySpan

    from detente.actors.lookup import MentionIndex
    from detente.core import Resources
    from detente.dates.finder import TimeIndex


@dataclass(frozen=True, slots=True, kw_only=True)
class Sentences:
    """Sentence bounds per token, computed once per article (``Token.sent`` walks the whole doc)."""

    bounds: tuple[tuple[int, int], ...]  # token [start, end) of each sentence, in order
    of: tuple[int, ...]  # per token: the number of its sentence

    @classmethod
    def of_doc(cls, doc: Doc) -> Sentences:
        # As Doc.sents reads them, but a doc without sentence boundaries (built by hand) is one
        # sentence instead of an error.
        # One array read instead of a Token object per word (the cost of a Python loop here was
        # a tenth of the stages' time): 1 marks a sentence start.
        starts: list[int] = []
        if len(doc):
            flags = doc.to_array("SENT_START")
            starts = [0, *(int(i) for i in (flags == 1).nonzero()[0] if i != 0)]
        bounds = tuple(zip(starts, [*starts[1:], len(doc)], strict=False))  # not strict: an empty doc has none
        of = [0] * len(doc)
        for n, (a, b) in enumerate(bounds):
            of[a:b] = [n] * (b - a)
        return cls(bounds=bounds, of=tuple(of))

    def sentence(self, doc: Doc, token_index: int) -> SpacySpan:
        start, end = self.bounds[self.of[token_index]]
        return doc[start:end]


@dataclass(frozen=True, slots=True, kw_only=True)
class Reading:
    """One parsed article as every stage reads it. Holds spaCy objects: it never leaves core."""

    doc: Doc
    article: Article
    text: str  # the article's text (Doc.text rebuilds the string on every access)
    dateline: Dateline | None
    sentences: Sentences
    # The quotation marks, paired once (``detente.nlp.marks``): the quotes stage reads the quotes,
    # the actors stage which words are quoted.
    marks: tuple[RawQuote, ...]
    quoted: tuple[Span, ...]  # each quote from its opening mark to its closing one, in text order


def read(doc: Doc, article: Article) -> Reading:
    """The reading of a parsed article. The dateline comes from ingest; an article built elsewhere
    (an evaluation reader, a test) has it looked for here, so every path reads the same text alike."""
    text = article.text
    dateline = article.dateline if article.dateline is not None else find_dateline(text)
    marks = tuple(scan(text))
    return Reading(
        doc=doc,
        article=article,
        text=text,
        dateline=dateline,
        sentences=Sentences.of_doc(doc),
        marks=marks,
        quoted=tuple(outer_spans(marks)),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class SoFar:
    """What the stages have found so far in one article; each stage returns it with its part set."""

    evidence: tuple[TermEvidence, ...] = ()  # actors, pass 1: office holders that bound the date
    published: Published = field(default_factory=Published)  # dates: the publication window
    mentions: tuple[Mention, ...] = ()  # actors, pass 2
    mention_index: MentionIndex | None = None  # the mentions by offset, built once with them
    times: tuple[TimeExpression, ...] = ()  # dates: every time expression
    time_index: TimeIndex | None = None  # the date of any clause, built once with the times
    events: tuple[Event, ...] = ()  # events, then places (their locations), contexts and tone
    tone: float | None = None  # the article's tone (GDELT's AvgTone scale)
    quotes: tuple[Quote, ...] = ()  # quotes
    # The actors stage's reading of the text (cues, titles, names), built in pass 1 and taken back
    # by pass 2; private to that stage (``detente.actors.text.ArticleState``).
    actors_text: Any = None


Stage = Callable[[Reading, SoFar, "Resources"], SoFar]
