"""Long articles in sections: spaCy parses at most ``limits.max_chars`` characters at once, so a
longer text is cut into sections at paragraph ends (else sentence ends, else spaces), each
parsed on its own, and the parsed sections joined back into one Doc whose text is the article's
exactly (so every offset is relative to the whole text: one reading per article)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

# The longest section parsed at once. spaCy's time per word grows with the text it parses at once
# (here about 0.18 ms a word up to 35,000 characters, 0.30 at 70,000) and so does its memory
# (about 0.4 GB per 100,000 characters), so a long article is parsed in sections of a length
# news articles seldom reach: most are parsed whole, as they were written.
SECTION_CHARS = 20_000
# Where a section may end, best first: after a blank line, after a sentence's end, after a space.
_BREAKS = (re.compile(r"\n[ \t]*\n\s*"), re.compile(r"[.!?][\"'”’)\]]*\s+"), re.compile(r"\s+"))


def sections(text: str, max_chars: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive sections covering `text`, none longer than `max_chars`."""
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > max_chars:
        end = _cut(text, start, start + max_chars)
        bounds.append((start, end))
        start = end
    bounds.append((start, len(text)))
    return bounds


def _cut(text: str, start: int, limit: int) -> int:
    """The best end for a section starting at `start` and ending by `limit`: the last break of
    the best kind in the section's second half (sections stay large), else a hard cut."""
    floor = start + (limit - start) // 2
    for pattern in _BREAKS:
        last = None
        for match in pattern.finditer(text, floor, limit):
            last = match
        if last is not None and last.end() <= limit:
            return last.end()
    return limit


def join(docs: Sequence[Doc]) -> Doc:
    """The parsed sections as one Doc (text, tokens, sentences and entities kept)."""
    from spacy.tokens import Doc

    if len(docs) == 1:
        return docs[0]
    return Doc.from_docs(list(docs), ensure_whitespace=False)
