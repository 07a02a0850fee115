"""What every part of the quotes stage works with: a quotation found (before numbering), the
thresholds that tell speech from scare quotes and labels, and small helpers over the reading's
sentences and tokens."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from detente.nlp.marks import RawQuote
from detente.quotes.attribution import Attribution
from detente.reading import Reading
from detente.records import QuoteKind

Span = tuple[int, int]

# Marks stripped from the text of a mixed quote (its span keeps them).
MARK_CHARS = '“”„«»"‘’'
# An unattributed direct quote shorter than this many words is a scare quote or a title, not speech.
MIN_WORDS_UNATTRIBUTED = 8
# Below this many words, a quote needs a cue that governs it in the parse.
MIN_WORDS_LOOSE = 4
# "Name: statement" lines: the label before the colon is this short at most.
MAX_COLON_LABEL = 60
MAX_COLON_WORDS = 6
# "...". He said so at the summit.": the next sentence names the speaker when this short.
MAX_NEXT_SENTENCE = 10
# A direct quote's attribution between two of its parts ("A," he said, "b") is this short at most.
MAX_SPLIT_GAP = 80
# The fewest words the first piece of a quote split by its attribution has, unless its own
# punctuation closes it inside the marks.
MIN_SPLIT_WORDS = 2
# Share of a that-clause covered by quotation marks above which the clause *is* the direct quote.
DIRECT_SHARE = 0.5


@dataclass(slots=True)
class Found:
    parts: list[Span]
    kind: QuoteKind
    attribution: Attribution | None
    raw: RawQuote | None = None  # the marks scanned, for direct quotes (and mixed ones made of them)


def word_count(text: str, raw: RawQuote) -> int:
    return sum(len(text[s:e].split()) for s, e in raw.parts)


def sentences_around(doc: Doc, r: Reading, start: int, end: int) -> SpacySpan | None:
    """The sentences covering [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first = r.sentences.bounds[r.sentences.of[span.start]][0]
    last = r.sentences.bounds[r.sentences.of[span.end - 1]][1]
    return doc[first:last]


def token_distance(tok: Token, raw: RawQuote) -> int:
    at = tok.idx
    return min(abs(at - s) if at < s else abs(at - e) if at >= e else 0 for s, e in raw.parts)


def char_pieces(doc: Doc, ids: list[int]) -> list[Span]:
    """Contiguous runs of tokens as character spans, punctuation trimmed at the edges."""
    runs: list[list[int]] = []
    for i in sorted(set(ids)):
        if runs and i == runs[-1][-1] + 1:
            runs[-1].append(i)
        else:
            runs.append([i])
    out: list[Span] = []
    for run in runs:
        toks = [doc[i] for i in run]
        while toks and ((toks[0].is_punct and toks[0].text not in MARK_CHARS) or toks[0].is_space):
            toks = toks[1:]
        while toks and ((toks[-1].is_punct and toks[-1].text not in MARK_CHARS + ".?!") or toks[-1].is_space):
            toks = toks[:-1]
        if toks:
            out.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return out
