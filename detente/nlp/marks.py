"""Finding direct quotations by their quotation marks: one linear scan over the text.

Pure text, no parse: the scanner pairs opening and closing marks and returns the quoted pieces
(offsets exclude the marks). It knows the marks found in real news text:

- curly double quotes “ ”, guillemets « », low-9 „, straight " (opens before a word, closes after one);
- doubled apostrophes as marks: '' (both ways, as some wire archives write them), ‘‘ opening and a
  doubled closing ’’ (often after a straight opening ");
- curly single quotes ‘ ’ as a top-level quote, and as a quote inside a double-quoted one; a ’
  followed by a letter is an apostrophe (don’t), never a closing mark.

A quote never crosses a paragraph break unless the next paragraph opens with a quotation mark
(the newswire convention for a quote that goes on over several paragraphs: no closing mark at the
end of the first). A quote still open at a paragraph end that is not continued stops there, marked
``closed=False``, so an unbalanced mark can never swallow the rest of the article.

The one scanner of quotation marks: core's reading of an article runs it once; the quotes stage
reads the quotes, the actors stage which words are quoted (``outer_spans``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

Span = tuple[int, int]

# Family of the opening mark -> closing marks accepted for it.
_DOUBLE_OPEN = ("“", "„", "‘‘", "«")
_DOUBLE_CLOSE = ("”", "’’", "»")
_SYMMETRIC = ("''", '"')
_ALL_MARKS = ("''", "‘‘", "’’", "“", "”", "„", "«", "»", '"', "‘", "’")
# Characters the scan stops at; everything else is skipped in one regex step.
_INTERESTING = re.compile("[\n“”„«»\"'‘’]")
# Marks that may open a continuation paragraph.
_CONTINUATION_OPENERS = ("“", "„", "‘‘", "«", "''", '"')


@dataclass(frozen=True, slots=True, kw_only=True)
class RawQuote:
    """Quoted text between marks: the pieces (one per paragraph it spans), marks excluded."""

    parts: tuple[Span, ...]
    open_at: int  # offset of the opening mark
    close_end: int  # offset just after the closing mark (or the end of the last piece if unclosed)
    closed: bool
    inner: tuple[RawQuote, ...] = ()  # quotes nested inside this one
    mark: str = '"'

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


def outer_spans(quotes: Sequence[RawQuote]) -> list[Span]:
    """Each quote from its opening mark to just after its closing one (to the end of its last
    piece when unclosed): the stretches of text that are quoted words."""
    return [(q.open_at, q.close_end) for q in quotes]


def quoted_ranges(text: str) -> list[Span]:
    """The quoted stretches of `text` (``outer_spans`` of its ``scan``)."""
    return outer_spans(scan(text))


@dataclass(slots=True)
class _Open:
    mark: str
    at: int
    piece_start: int
    pieces: list[Span] = field(default_factory=list)
    inner: list[RawQuote] = field(default_factory=list)


def _mark_at(text: str, i: int) -> str | None:
    for m in _ALL_MARKS:
        if text.startswith(m, i):
            return m
    return None


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _trim(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def _closes(open_mark: str, mark: str) -> bool:
    if open_mark in ("“", '"') and mark == "“":
        return True  # a typo for ”, when _can_close agrees
    if open_mark in _SYMMETRIC:
        return mark in _SYMMETRIC or mark in _DOUBLE_CLOSE
    if open_mark == "«":
        return mark == "»"
    if open_mark == "‘":
        return mark == "’"
    if open_mark == "„":
        return mark in ("“", "”", '"')  # German „...“
    return mark in _DOUBLE_CLOSE or mark in _SYMMETRIC


def scan(text: str) -> list[RawQuote]:
    """Every top-level quote in `text`, in text order (nested ones are in ``inner``)."""
    out: list[RawQuote] = []
    n = len(text)
    top: _Open | None = None
    nested: _Open | None = None
    i = 0
    while i < n:
        hit = _INTERESTING.search(text, i)
        if hit is None:
            break
        i = hit.start()
        ch = text[i]
        if ch == "\n":
            if top is not None:
                i = _paragraph_break(text, i, top, nested, out)
                if i < 0:  # the quote ended with its paragraph
                    top = nested = None
                    i = -i
                else:
                    nested = None
                continue
            i += 1
            continue
        mark = _mark_at(text, i)
        if mark is None:
            i += 1
            continue
        prev = text[i - 1] if i > 0 else " "
        after = i + len(mark)
        nxt = text[after] if after < n else " "
        if top is None:
            if _can_open(mark, prev, nxt):
                top = _Open(mark=mark, at=i, piece_start=after)
            i = after
            continue
        # Inside a quote: a nested single quote, or the closing mark.
        if nested is not None:
            if mark in ("’", "'") and not _is_word(nxt):
                span = _trim(text, nested.piece_start, i)
                if span[1] > span[0]:
                    top.inner.append(
                        RawQuote(parts=(span,), open_at=nested.at, close_end=after, closed=True, mark=nested.mark)
                    )
                nested = None
                i = after
                continue
        if top.mark != "‘" and mark == "‘" and not _is_word(prev) and not nxt.isspace():
            nested = _Open(mark=mark, at=i, piece_start=after)
            i = after
            continue
        if top.mark == "‘" and mark == "“":
            nested = _Open(mark=mark, at=i, piece_start=after)
            i = after
            continue
        if _closes(top.mark, mark) and _can_close(top.mark, mark, prev, nxt):
            piece = _trim(text, top.piece_start, i)
            pieces = [*top.pieces, piece] if piece[1] > piece[0] else top.pieces
            if pieces:
                out.append(
                    RawQuote(
                        parts=tuple(pieces),
                        open_at=top.at,
                        close_end=after,
                        closed=True,
                        inner=tuple(top.inner),
                        mark=top.mark,
                    )
                )
            top = nested = None
        i = after
    if top is not None:
        _finish_unclosed(text, n, top, out)
    return out


def _can_open(mark: str, prev: str, nxt: str) -> bool:
    if mark in ("”", "’’", "»", "’"):
        return False
    if nxt.isspace():
        return False
    if mark in ("'", "''", '"', "‘"):
        # A symmetric or single mark opens only at a word's start: not after a letter (5'11", don't).
        return not _is_word(prev)
    return True


def _can_close(open_mark: str, mark: str, prev: str, nxt: str) -> bool:
    if open_mark == "„" and mark == "“":
        return not _is_word(nxt)
    if mark == "“" and open_mark in ("“", '"') and prev in ",.?!" and (nxt.isspace() or nxt == ""):
        return True  # an opening mark typed for the closing one ("...,“ said Doe"): it can only close
    if mark in ("“", "„", "‘‘", "«"):
        return False
    if mark == "’":
        return not _is_word(nxt)
    if mark in ('"', "''"):
        # A straight mark right before a word, after a space, opens rather than closes.
        return not (prev.isspace() and _is_word(nxt))
    return True


def _paragraph_break(text: str, i: int, top: _Open, nested: _Open | None, out: list[RawQuote]) -> int:
    """At a newline inside an open quote: continue into the next paragraph if it opens with a
    quotation mark (returns the offset to go on from), else end the quote here (returns -offset)."""
    j = i
    n = len(text)
    while j < n and text[j].isspace():
        j += 1
    mark = _mark_at(text, j) if j < n else None
    if mark in _CONTINUATION_OPENERS and top.mark != "‘":
        piece = _trim(text, top.piece_start, i)
        if piece[1] > piece[0]:
            top.pieces.append(piece)
        top.piece_start = j + len(mark)
        return j + len(mark)
    _finish_unclosed(text, i, top, out)
    return -max(i + 1, 1)


def _finish_unclosed(text: str, end: int, top: _Open, out: list[RawQuote]) -> None:
    piece = _trim(text, top.piece_start, end)
    pieces = [*top.pieces, piece] if piece[1] > piece[0] else top.pieces
    if pieces:
        out.append(
            RawQuote(
                parts=tuple(pieces),
                open_at=top.at,
                close_end=pieces[-1][1],
                closed=False,
                inner=tuple(top.inner),
                mark=top.mark,
            )
        )
