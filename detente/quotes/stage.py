"""The quotes stage: direct, indirect and mixed quotations with their cue, speaker and date.

One pass over the quotation marks (``marks.scan``) finds the direct quotes; the dependency parse
of the sentences around each quote gives its cue and speaker. A second pass over the reporting
verbs finds indirect speech (a reporting verb's that-clause, "according to X, ..."); a paraphrase
that contains quoted words is ``mixed`` and absorbs the direct quote inside it.

A direct quote with no cue in its sentence may still be signed: a name label before its colon
("Headline - Jane Doe: "..."", "Continued Doe: "...""), a "- Jane Doe." line after it, the
attribution sentence between two quotes ("A," said Doe, a lawyer. "B"). A "he"/"she" speaker the
actors stage left unresolved takes the person who spoke last, in the paragraph or the one before.

Text of a quote split by its attribution: the parts' texts joined with a single space
("We are pleased," he said, "to see you" -> "We are pleased to see you"); ``parts`` keeps the
pieces, so the split stays visible.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from detente.actors.lookup import MentionIndex
from detente.dates import TimeIndex
from detente.quotes.direct import (
    attribute_direct,
    inside_mask,
    merge_split,
    paraphrase_around,
)
from detente.quotes.found import (
    MARK_CHARS,
    MIN_WORDS_LOOSE,
    MIN_WORDS_UNATTRIBUTED,
    Found,
    Span,
    word_count,
)
from detente.quotes.indirect import (
    colon_lines,
    indirect_speech,
    nested,
    reaches_outside,
)
from detente.quotes.lexicon import Cues
from detente.quotes.speakers import (
    carry_speakers,
    resolve_pronouns,
    speaker_from_previous_sentence,
)
from detente.reading import Reading, SoFar
from detente.records import (
    Quote,
)

if TYPE_CHECKING:
    from detente.core import Resources


def extract(
    reading: Reading,
    index: MentionIndex,
    when: TimeIndex,
    cues: Cues,
) -> tuple[Quote, ...]:
    """Every quotation in the article, numbered ``{doc_id}:q{n}`` in text order.

    The assembly, in order (each step reads what the steps before found):
    1. the marks, joined where an attribution splits one quote ("A," he said, "b");
    2. each direct quote's own attribution (``direct.ATTRIBUTION_STEPS``), then the speaker of
       the quote just before it when nothing separates them (a speech going on);
    3. direct quotes kept (attributed, or long enough to be speech), those of a few words inside
       a paraphrase made mixed, quotes nested inside them;
    4. indirect speech and "Name: statement" lines, which may absorb direct quotes as mixed;
    5. a direct quote still unattributed takes the speaker of the sentence before it;
    6. "he"/"she" that the actors stage left unresolved take the last speaker;
    7. parts cut at the end of the dateline, numbered and dated.
    """
    doc, text = reading.doc, reading.text
    article = reading.article
    raws = merge_split(doc, reading, list(reading.marks), cues)
    inside = inside_mask(doc, raws)
    direct = [attribute_direct(doc, reading, raw, inside, cues, index) for raw in raws]
    carry_speakers(doc, reading, raws, direct)
    found: list[Found] = []
    for raw, attribution in zip(raws, direct, strict=True):
        if attribution is None and word_count(text, raw) < MIN_WORDS_UNATTRIBUTED:
            continue
        mixed = paraphrase_around(doc, raw, attribution) if word_count(text, raw) < MIN_WORDS_LOOSE else None
        if mixed:
            # "Bush called Trump "unhinged"": the quoted words are part of a paraphrase.
            found.append(Found(parts=mixed, kind="mixed", attribution=attribution, raw=raw))
        else:
            found.append(Found(parts=list(raw.parts), kind="direct", attribution=attribution, raw=raw))
        found.extend(nested(doc, reading, raw, cues, index))
    found = (
        indirect_speech(doc, text, found, inside, cues, index) + colon_lines(doc, reading, found, cues, index) + found
    )
    _absorb_into_mixed(text, found)
    found = [f for f in found if f.parts]
    found.sort(key=lambda f: (f.parts[0][0], -f.parts[-1][1]))
    speaker_from_previous_sentence(doc, reading, found, inside, cues, index)
    resolve_pronouns(text, found)
    # A report the parser ran back into the dateline ("MOSCOW (Agency) - The ministry said ...")
    # starts after it.
    after_dateline = reading.dateline.span[1] if reading.dateline else 0
    out: list[Quote] = []
    for f in found:
        parts = tuple(_clean_part(text, _past_dateline(p, after_dateline)) for p in f.parts)
        parts = tuple(p for p in parts if p[1] > p[0])
        if not parts:
            continue
        words = " ".join(text[s:e] for s, e in parts)
        if f.kind == "mixed":
            words = _strip_marks(words)
        a = f.attribution
        out.append(
            Quote(
                doc_id=article.doc_id,
                quote_id=f"{article.doc_id}:q{len(out) + 1}",
                text=words,
                span=(parts[0][0], parts[-1][1]),
                parts=parts,
                kind=f.kind,
                cue=a.cue_text if a else None,
                speaker=a.speaker if a else None,
                # The time expression of the cue's clause ("said on Tuesday"), else publication.
                date=when.date_for(a.cue.i, doc) if a else when.published.window,
            )
        )
    return tuple(out)


def quotes_stage(reading: Reading, so_far: SoFar, res: Resources) -> SoFar:
    """The article's quotes, their speakers among the actors found, dated like events."""
    index = so_far.mention_index if so_far.mention_index is not None else MentionIndex(so_far.mentions)
    when = so_far.time_index if so_far.time_index is not None else TimeIndex(so_far.times, so_far.published)
    return replace(so_far, quotes=extract(reading, index, when, res.cues))


def _past_dateline(part: Span, dateline_end: int) -> Span:
    """A part that runs across the end of the dateline starts after it; others stay as they are
    (a headline above the dateline keeps its quotes)."""
    start, end = part
    return (dateline_end, end) if start < dateline_end < end else part


def _absorb_into_mixed(text: str, found: list[Found]) -> None:
    """A direct quote lying within a mixed quote is part of it ("said Doe was "a lightweight"
    while Roe is "a basket case.""): the second quoted piece is not a quote of its own."""
    for m in found:
        if m.kind != "mixed" or not m.parts:
            continue
        start, end = m.parts[0][0], m.parts[-1][1]
        for f in found:
            if f is m or f.kind != "direct" or f.raw is None or not f.parts:
                continue
            if start <= f.raw.open_at + 1 and f.raw.open_at < end:
                if not reaches_outside(text, f.raw.open_at, f.raw.close_end, start, end):
                    f.parts = []


def _strip_marks(words: str) -> str:
    """The words of a mixed quote without its quotation marks (apostrophes inside words stay)."""
    out = []
    for i, ch in enumerate(words):
        if ch in MARK_CHARS:
            inner_apostrophe = (
                ch in "’'" and 0 < i < len(words) - 1 and words[i - 1].isalnum() and words[i + 1].isalnum()
            )
            if not inner_apostrophe:
                continue
        out.append(ch)
    return "".join(out)


# ---- direct quotes ---------------------------------------------------------------------------


def _clean_part(text: str, part: Span) -> Span:
    """Drop the comma a quote ends on before its attribution ("We are pleased," he said)."""
    s, e = part
    while e > s and (text[e - 1] in ",;" or text[e - 1].isspace()):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return (s, e)
