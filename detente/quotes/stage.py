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

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan, Token

from detente.actors.lookup import MentionIndex
from detente.dates import date_for
from detente.ingest.dateline import find_dateline
from detente.quotes.attribution import Attribution, according_length, attribute, is_cue, speaker_actor
from detente.quotes.lexicon import Cues, load_cues
from detente.quotes.marks import RawQuote, scan
from detente.records import Article, DateWindow, Mention, Published, Quote, QuoteKind, TimeExpression, replace

Span = tuple[int, int]

# Marks stripped from the text of a mixed quote (its span keeps them).
_MARK_CHARS = "“”„«»\"‘’"
# An unattributed direct quote shorter than this many words is a scare quote or a title, not speech.
_MIN_WORDS_UNATTRIBUTED = 8
# Below this many words, a quote needs a cue that governs it in the parse.
_MIN_WORDS_LOOSE = 4
# "Name: statement" lines: the label before the colon is this short at most.
_MAX_COLON_LABEL = 60
_MAX_COLON_WORDS = 6
# "...". He said so at the summit.": the next sentence names the speaker when this short.
_MAX_NEXT_SENTENCE = 10
# A direct quote's attribution between two of its parts ("A," he said, "b") is this short at most.
_MAX_SPLIT_GAP = 80
# The fewest words the first piece of a quote split by its attribution has, unless its own
# punctuation closes it inside the marks.
_MIN_SPLIT_WORDS = 2
# Share of a that-clause covered by quotation marks above which the clause *is* the direct quote.
_DIRECT_SHARE = 0.5


@dataclass(slots=True)
class _Found:
    parts: list[Span]
    kind: QuoteKind
    attribution: Attribution | None
    raw: RawQuote | None = None  # the marks scanned, for direct quotes (and mixed ones made of them)


def extract(
    doc: Doc,
    article: Article,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    published: Published,
) -> tuple[Quote, ...]:
    """Every quotation in the article, numbered ``{doc_id}:q{n}`` in text order."""
    cues = load_cues()
    index = MentionIndex(mentions)
    sents = _Sentences(doc, article.text)
    text = sents.text
    raws = _merge_split(doc, sents, scan(text), cues)
    inside = _inside_mask(doc, raws)
    direct = [_attribute_direct(doc, sents, raw, inside, cues, index) for raw in raws]
    _carry_speakers(doc, sents, raws, direct)
    found: list[_Found] = []
    for raw, attribution in zip(raws, direct):
        if attribution is None and _words(text, raw) < _MIN_WORDS_UNATTRIBUTED:
            continue
        mixed = _paraphrase_around(doc, raw, attribution) if _words(text, raw) < _MIN_WORDS_LOOSE else None
        if mixed:
            # "Bush called Trump "unhinged"": the quoted words are part of a paraphrase.
            found.append(_Found(parts=mixed, kind="mixed", attribution=attribution, raw=raw))
        else:
            found.append(_Found(parts=list(raw.parts), kind="direct", attribution=attribution, raw=raw))
        found.extend(_nested(doc, sents, raw, cues, index))
    found = _indirect(doc, text, found, inside, cues, index) + _colon_lines(doc, sents, found, cues, index) + found
    _absorb_into_mixed(text, found)
    found = [f for f in found if f.parts]
    found.sort(key=lambda f: (f.parts[0][0], -f.parts[-1][1]))
    _speaker_from_previous_sentence(doc, sents, found, inside, cues, index)
    _resolve_pronouns(sents.text, found)
    # A report the parser ran back into the dateline ("MOSCOW (Agency) - The ministry said ...")
    # starts after it.
    dateline = find_dateline(text)
    after_dateline = dateline.span[1] if dateline else 0
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
                date=_date(doc, a.cue.i if a else None, times, published),
            )
        )
    return tuple(out)


def _past_dateline(part: Span, dateline_end: int) -> Span:
    """A part that runs across the end of the dateline starts after it; others stay as they are
    (a headline above the dateline keeps its quotes)."""
    start, end = part
    return (dateline_end, end) if start < dateline_end < end else part


def _absorb_into_mixed(text: str, found: list[_Found]) -> None:
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
                if not _reaches_outside(text, f.raw.open_at, f.raw.close_end, start, end):
                    f.parts = []


def _strip_marks(words: str) -> str:
    """The words of a mixed quote without its quotation marks (apostrophes inside words stay)."""
    out = []
    for i, ch in enumerate(words):
        if ch in _MARK_CHARS:
            inner_apostrophe = ch in "’'" and 0 < i < len(words) - 1 and words[i - 1].isalnum() and words[i + 1].isalnum()
            if not inner_apostrophe:
                continue
        out.append(ch)
    return "".join(out)


def _date(doc: Doc, token_index: int | None, times: Sequence[TimeExpression], published: Published) -> DateWindow:
    """The time expression of the cue's clause ("said on Tuesday"), else the publication window."""
    if token_index is None:
        return published.window
    return date_for(token_index, tuple(times), published, doc=doc)


# ---- direct quotes ---------------------------------------------------------------------------


def _words(text: str, raw: RawQuote) -> int:
    return sum(len(text[s:e].split()) for s, e in raw.parts)


def _clean_part(text: str, part: Span) -> Span:
    """Drop the comma a quote ends on before its attribution ("We are pleased," he said)."""
    s, e = part
    while e > s and (text[e - 1] in ",;" or text[e - 1].isspace()):
        e -= 1
    while s < e and text[s].isspace():
        s += 1
    return (s, e)


def _merge_split(doc: Doc, sents: _Sentences, raws: list[RawQuote], cues: Cues) -> list[RawQuote]:
    """Join "A," he said, "b" into one quote with two parts."""
    out: list[RawQuote] = []
    for raw in raws:
        if out and _is_split(doc, sents.text, out[-1], raw, cues):
            prev = out.pop()
            raw = RawQuote(
                parts=prev.parts + raw.parts, open_at=prev.open_at, close_end=raw.close_end,
                closed=raw.closed, inner=prev.inner + raw.inner, mark=prev.mark,
            )
        out.append(raw)
    return out


def _is_split(doc: Doc, text: str, a: RawQuote, b: RawQuote, cues: Cues) -> bool:
    if not a.closed:
        return False
    gap = text[a.close_end : b.open_at]
    if "\n" in gap or len(gap) > _MAX_SPLIT_GAP:
        return False
    stripped = gap.strip()
    last = text[a.end - 1] if a.end > 0 else ""
    if not (stripped.startswith(",") or last in ",?!"):
        return False
    if _words(text, a) < _MIN_SPLIT_WORDS and last not in ",?!":
        # "meant "overload" rather than "reset", Doe said. "We ...": a term, not speech ("No,"
        # he said, "..." keeps its comma inside the marks)
        return False
    # "A," he said, "b..." and also "A," he said. "B...": the attribution between two pieces of
    # one speech (the newswire convention; a new speaker would need a new attribution).
    if not stripped.endswith((",", ".", ":")):
        return False
    span = doc.char_span(a.close_end, b.open_at, alignment_mode="expand")
    return span is not None and any(is_cue(t, cues) for t in span)


def _inside_mask(doc: Doc, raws: Sequence[RawQuote]) -> list[bool]:
    """Per token: inside some quote's quoted words."""
    inside = [False] * len(doc)
    for raw in raws:
        for s, e in raw.parts:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                for t in span:
                    inside[t.i] = True
    return inside


class _Sentences:
    """Sentence bounds per token, computed once per document (Token.sent walks the whole doc)."""

    def __init__(self, doc: Doc, text: str) -> None:
        self.text = text  # the article's text (Doc.text would join every token on each access)
        self.bounds: list[tuple[int, int]] = []
        self.of: list[int] = [0] * len(doc)
        for n, sent in enumerate(doc.sents):
            self.bounds.append((sent.start, sent.end))
            for i in range(sent.start, sent.end):
                self.of[i] = n

    def sentence(self, doc: Doc, token_index: int) -> SpacySpan:
        start, end = self.bounds[self.of[token_index]]
        return doc[start:end]


def _frame(doc: Doc, sents: _Sentences, start: int, end: int) -> SpacySpan | None:
    """The sentences covering [start, end)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    first = sents.bounds[sents.of[span.start]][0]
    last = sents.bounds[sents.of[span.end - 1]][1]
    return doc[first:last]


def _attribute_direct(
    doc: Doc, sents: _Sentences, raw: RawQuote, inside: list[bool], cues: Cues, index: MentionIndex
) -> Attribution | None:
    """The cue and speaker of a direct quote: in its own sentence (the verb it hangs on first,
    then the nearest cue), else an introduction ending in a colon, else the next sentence."""
    frame = _frame(doc, sents, raw.open_at, raw.close_end)
    if frame is None:
        return None
    zone = list(frame)
    after = _trailing_attribution(doc, sents, raw, frame)
    if after is not None:
        zone += list(after)
    # The parser's sentences may run over a paragraph break (a headline into the body): the
    # attribution of a quote is in its own paragraph.
    text = sents.text
    para_start = text.rfind("\n", 0, raw.open_at) + 1
    para_end = text.find("\n", raw.close_end)
    para_end = len(text) if para_end < 0 else para_end
    label = _label_attribution(doc, text, raw, para_start, cues, index)
    if label is not None:
        return label
    heads = _heads_outside(doc, raw)
    candidates = [
        t for t in zone if para_start <= t.idx < para_end and not inside[t.i] and is_cue(t, cues)
    ]
    # The verb the quote hangs on in the parse first, then the nearest.
    candidates.sort(key=lambda t: (t.i not in heads, _distance(t, raw)))
    if _words(sents.text, raw) < _MIN_WORDS_LOOSE:
        # A few quoted words are a speech only when a cue governs them as what was said; a cue
        # elsewhere in the sentence is about something else ("the so-called "reset", he said,
        # failed"), and a title or a name in quotes is not speech ("said on "Meet the Press"").
        candidates = [t for t in candidates if t.i in heads and _governs_as_said(doc, raw, t)]
    for cue in candidates:
        found = attribute(cue, cues, index, inside)
        if found is not None and not _inside_quote(found, raw):
            return found
    # "Kerry put it this way: "...": the sentence that introduces the quote with a colon.
    intro_start = max(frame.start_char, para_start)
    before = text[intro_start : raw.open_at].rstrip()
    if not before and para_start > 0:
        # A quote that opens its paragraph, after a paragraph ending in a colon ("He said:").
        prev_end = len(text[:para_start].rstrip())
        if prev_end > 0 and text[prev_end - 1] == ":":
            last = doc.char_span(prev_end - 1, prev_end, alignment_mode="expand")
            if last is not None:
                sent = sents.sentence(doc, last.start)
                intro_start, before = sent.start_char, text[sent.start_char : prev_end]
    if before.endswith(":"):
        intro = doc.char_span(intro_start, intro_start + len(before), alignment_mode="contract")
        if intro is not None:
            nearest = sorted((t for t in intro if is_cue(t, cues)), key=lambda t: -t.i)
            for cue in nearest:
                found = attribute(cue, cues, index, inside)
                if found is not None:
                    return found
            found = _root_attribution(intro, cues, index)
            if found is not None:
                return found
    byline = _byline_attribution(doc, text, raw, para_end, index)
    if byline is not None:
        return byline
    return _next_sentence_attribution(doc, sents, raw, frame, para_end, inside, cues, index)


def _byline_attribution(doc: Doc, text: str, raw: RawQuote, para_end: int, index: MentionIndex) -> Attribution | None:
    """A quote standing as its own paragraph, signed on the next line: ""..." / - Jane Doe."."""
    if text[raw.close_end : para_end].strip(" \t.,"):
        return None
    start = para_end
    while start < len(text) and text[start].isspace():
        start += 1
    end = text.find("\n", start)
    end = len(text) if end < 0 else end
    line = text[start:end].rstrip(" \t.")
    if not line or line[0] not in _BYLINE_DASHES:
        return None
    dash = doc.char_span(start, start + 1, alignment_mode="expand")
    name = doc.char_span(start + 1, start + len(line), alignment_mode="contract")
    if dash is None or name is None or not 1 <= len(name) <= _MAX_COLON_WORDS:
        return None
    words = [t for t in name if not t.is_space]
    if not words or not all(t.pos_ == "PROPN" or t.is_punct or t.tag_ == "POS" for t in words):
        return None
    if not name.text[:1].isupper():
        return None
    head = next(t for t in reversed(words) if t.pos_ == "PROPN")
    speaker = speaker_actor(head, index, bounds=(words[0].i, words[-1].i + 1))
    if speaker is None:
        return None
    return Attribution(cue=dash[0], cue_text=dash.text, speaker=speaker, speaker_token=head)


_BYLINE_DASHES = "-—–"


def _label_attribution(
    doc: Doc, text: str, raw: RawQuote, para_start: int, cues: Cues, index: MentionIndex
) -> Attribution | None:
    """ "Headline - Jane Doe: "..."", "More from Doe: "..."", "From the report: "..."": a name
    standing alone before the colon that opens the quote (set off by a dash, "from", an ellipsis
    or the start of the paragraph) is its source; a clause before the colon is not read for one."""
    before = text[para_start : raw.open_at].rstrip()
    if not before.endswith(":"):
        return None
    colon = para_start + len(before) - 1
    head = doc.char_span(para_start, colon, alignment_mode="contract") if colon > para_start else None
    colon_span = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if head is None or colon_span is None or len(head) == 0:
        return None
    toks = list(head)
    end = len(toks)
    start = end
    while start > 0 and end - start < _MAX_COLON_WORDS and _label_word(toks[start - 1], toks, start - 1):
        start -= 1
    if start == end:
        return None
    run = toks[start:end]
    opener = toks[start - 1] if start > 0 else None
    after_from = opener is not None and opener.lower_ == "from"
    # "Continued Stone: "..."": a cue opening the paragraph, inverted before the name.
    inverted = (
        opener is not None and start == 1 and is_cue(opener, cues) and opener.text[:1].isupper()
    )
    if opener is not None and not (after_from or inverted or opener.text in _LABEL_OPENERS):
        return None
    while run and run[0].pos_ == "DET" and not after_from:
        run = run[1:]
    if not run or run[-1].pos_ not in ("PROPN", "NOUN"):
        return None
    if not (any(t.pos_ == "PROPN" for t in run) or after_from):
        return None
    speaker = speaker_actor(run[-1], index, bounds=(run[0].i, run[-1].i + 1))
    if speaker is None:
        return None
    if inverted:
        return Attribution(cue=opener, cue_text=opener.text, speaker=speaker, speaker_token=run[-1])
    return Attribution(cue=colon_span[0], cue_text=":", speaker=speaker, speaker_token=run[-1])


# What may set a name off before a colon: dashes and ellipses ("Headline - Jane Doe:").
_LABEL_OPENERS = frozenset({"-", "—", "–", "--", "...", "…", "|"})


def _label_word(tok: Token, toks: list[Token], n: int) -> bool:
    """A word of a name label: proper nouns, "and" between them, a determiner and nouns."""
    if tok.pos_ in ("PROPN", "NOUN", "DET"):
        return True
    return tok.lower_ == "and" and 0 < n < len(toks) - 1 and toks[n - 1].pos_ == "PROPN" and toks[n + 1].pos_ == "PROPN"


def _next_sentence_attribution(
    doc: Doc, sents: _Sentences, raw: RawQuote, frame: SpacySpan, para_end: int,
    inside: list[bool], cues: Cues, index: MentionIndex,
) -> Attribution | None:
    """ "...". That is what Kerry told reporters.": a short sentence right after the quote, in
    its paragraph, whose main verb is a cue and which quotes nothing itself."""
    if frame.end >= len(doc) or sents.text[raw.close_end : frame.end_char].strip(" .,!?”\"’'"):
        return None
    nxt = sents.sentence(doc, frame.end)
    words = sum(not t.is_space for t in nxt)
    if nxt.end_char > para_end or words > _MAX_NEXT_SENTENCE or any(inside[t.i] for t in nxt):
        return None
    root = nxt.root
    if not is_cue(root, cues) or any(c.dep_ == "ccomp" for c in root.children):
        return None
    return attribute(root, cues, index, inside)


# Relations on the way from a few quoted words up to their cue that make them a name or a
# title rather than what was said ("the "Avatar" star", "said on "Meet the Press"").
_NAMING_DEPS = frozenset({"compound", "amod", "poss", "nmod", "appos", "nummod"})
# Prepositions through which quoted words can still be what was said ("accused him of "lies"").
_SAYING_PREPS = frozenset({"as", "of", "for", "about", "to", "that", "with", "like"})


def _quote_tops(doc: Doc, raw: RawQuote) -> list[Token]:
    """The tokens of the quote whose heads lie outside it."""
    out: list[Token] = []
    for s, e in raw.parts:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None:
            out.extend(t for t in span if not span.start <= t.head.i < span.end)
    return out


def _path_to(tok: Token, cue: Token) -> list[Token] | None:
    """The tokens from `tok` up to (not including) `cue`, or None if `cue` does not govern it."""
    path: list[Token] = []
    while tok.i != cue.i:
        path.append(tok)
        if tok.head.i == tok.i or len(path) > 12:
            return None
        tok = tok.head
    return path


def _governs_as_said(doc: Doc, raw: RawQuote, cue: Token) -> bool:
    for top in _quote_tops(doc, raw):
        path = _path_to(top, cue)
        if path is None:
            continue
        if any(t.dep_ in _NAMING_DEPS for t in path):
            continue
        if any(t.dep_ == "prep" and t.lower_ not in _SAYING_PREPS for t in path):
            continue
        return True
    return False


def _paraphrase_around(doc: Doc, raw: RawQuote, attribution: Attribution | None) -> list[Span] | None:
    """For a few quoted words governed by their cue from the left ("called Trump "unhinged"",
    "insists Sanders is mounting a "phony attack""): the cue's complements that hold them."""
    if attribution is None or attribution.cue_text == ":":
        return None
    cue = attribution.cue
    if cue.idx >= raw.open_at:
        return None
    tops = _quote_tops(doc, raw)
    if not tops or any(_path_to(t, cue) is None for t in tops):
        return None
    ids: list[int] = []
    for c in cue.children:
        if c.i > cue.i and c.dep_ in _COMPLEMENT_DEPS:
            ids.extend(t.i for t in c.subtree)
    while ids and doc[ids[0]].dep_ == "mark" and doc[ids[0]].lower_ == "that":
        ids = ids[1:]
    pieces = _pieces(doc, ids)
    if not pieces or not (pieces[0][0] <= raw.start and raw.end <= pieces[-1][1]):
        return None
    if sum(e - s for s, e in pieces) <= sum(e - s for s, e in raw.parts) + 2:
        return None  # nothing around the quoted words: it stays direct
    return pieces


_COMPLEMENT_DEPS = frozenset({"ccomp", "dobj", "oprd", "xcomp", "attr", "acomp", "prep", "dative", "advcl"})


def _heads_outside(doc: Doc, raw: RawQuote) -> set[int]:
    """Tokens outside the quote that govern it: the ancestors of its words."""
    out: set[int] = set()
    for s, e in raw.parts:
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        for t in span:
            head = t.head
            while not span.start <= head.i < span.end and head.i not in out:
                out.add(head.i)
                if head.head.i == head.i:
                    break
                head = head.head
    return out


def _trailing_attribution(doc: Doc, sents: _Sentences, raw: RawQuote, frame: SpacySpan) -> SpacySpan | None:
    """The sentence after a quote when the parser cut "..., " she said." in two: the quote ends
    its frame and ends on a comma (or the next sentence opens in lower case)."""
    text = sents.text
    if text[raw.close_end : frame.end_char].strip(" \t.,”\"’'") or frame.end >= len(doc):
        return None
    nxt = sents.sentence(doc, frame.end)
    if nxt.text[:1] in _MARK_CHARS or "\n" in text[raw.close_end : nxt.start_char]:
        return None
    # The quote's own last sign, past the marks of a quote it ends with (",’”).
    own = text[raw.start : raw.end].rstrip(_MARK_CHARS + " ")
    last = own[-1:] if own else ""
    if last in ",?!—–-" or nxt.text[:1].islower():
        return nxt
    return None


def _inside_quote(found: Attribution, raw: RawQuote) -> bool:
    """The cue inside the quoted words, or the quote inside the speaker's own phrase
    ("the hacker known as "Guccifer" stated")."""
    idx = found.cue.idx
    if any(s <= idx < e for s, e in raw.parts):
        return True
    if found.speaker_token is not None:
        sub = found.speaker_token.subtree
        first = next(sub, None)
        if first is not None:
            last_tok = found.speaker_token.doc[found.speaker_token.right_edge.i]
            lo, hi = found.speaker_token.left_edge.idx, last_tok.idx + len(last_tok)
            # Only a phrase whose head comes first holds the quote ("the hacker known as
            # "Guccifer""); a quote before the name is what the parse hung on it by mistake.
            return lo <= raw.open_at and raw.close_end <= hi and found.speaker_token.idx < raw.open_at
    return False


def _distance(tok: Token, raw: RawQuote) -> int:
    at = tok.idx
    return min(abs(at - s) if at < s else abs(at - e) if at >= e else 0 for s, e in raw.parts)


def _root_attribution(intro: SpacySpan, cues: Cues, index: MentionIndex) -> Attribution | None:
    """The subject of the clause ending with a colon before a quote: "Cruz called them on it:"."""
    root = intro.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    found = attribute(root, cues, index)
    return found


def _carry_speakers(doc: Doc, sents: _Sentences, raws: Sequence[RawQuote], direct: list[Attribution | None]) -> None:
    """A quote whose own sentence names no speaker: the speaker of the quote just before it
    when nothing but white space or one short sentence separates them (a quote going on in the
    next paragraph), else a cue in the next sentence ("He said so later.")."""
    text = sents.text
    for n, raw in enumerate(raws):
        if direct[n] is not None:
            continue
        if n > 0 and direct[n - 1] is not None:
            prev = raws[n - 1]
            frame = _frame(doc, sents, prev.open_at, prev.close_end)
            frame_end = max(frame.end_char, prev.close_end) if frame is not None else prev.close_end
            if frame_end <= raw.open_at and not text[frame_end : raw.open_at].strip():
                direct[n] = direct[n - 1]
                continue
            # "A," said Jane Doe, a lawyer from the city. "B": the attribution between the two
            # quotes of one paragraph ends with a full stop (the parser may have cut it in two).
            gap = text[prev.close_end : raw.open_at]
            cue_at = direct[n - 1].cue.idx
            if "\n" not in gap and prev.close_end <= cue_at < raw.open_at and gap.rstrip().endswith("."):
                direct[n] = direct[n - 1]


def _speaker_from_previous_sentence(
    doc: Doc, sents: _Sentences, found: list[_Found], inside: list[bool], cues: Cues, index: MentionIndex
) -> None:
    """A direct quote with no attribution of its own, right after a sentence with one
    ("Kerry said talks would go on.\n\n"We are not giving up."): that sentence's speaker; or
    after a sentence whose main verb is a cue reporting nothing itself ("Doe said in a
    statement. "We are ready.""): that verb's speaker."""
    by_sentence: dict[int, Attribution] = {}
    for f in found:
        if f.attribution is not None and f.attribution.cue_text != ":":
            by_sentence[sents.of[f.attribution.cue.i]] = f.attribution
    for f in found:
        if f.attribution is not None or f.raw is None:
            continue
        first = doc.char_span(f.raw.open_at, f.raw.open_at + 1, alignment_mode="expand")
        if first is None:
            continue
        n = sents.of[first.start]
        start, _ = sents.bounds[n]
        if n == 0 or sents.text[doc[start].idx : f.raw.open_at].strip():
            continue  # the quote does not open its sentence
        f.attribution = by_sentence.get(n - 1) or _bare_cue_attribution(doc, sents, n - 1, inside, cues, index)


def _bare_cue_attribution(
    doc: Doc, sents: _Sentences, n: int, inside: list[bool], cues: Cues, index: MentionIndex
) -> Attribution | None:
    """The attribution of sentence `n` when its main verb is a cue and it quotes nothing itself
    ("Doe said in a statement.", "Doe praised the plan.", "Doe spoke at length."), or whose
    subject is a named person: the words quoted next are what that person said."""
    start, end = sents.bounds[n]
    root = doc[start:end].root
    if inside[root.i] or any(inside[i] for i in range(start, end)):
        return None
    if is_cue(root, cues):
        return attribute(root, cues, index, inside)
    # "Doe is upbeat about the race.\n\n"We will win."": a sentence about a named person, then
    # their words with no cue at all; the newswriting convention makes that person the speaker.
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.ent_type_ != "PERSON" or subject.pos_ != "PROPN":
        return None
    speaker = speaker_actor(subject, index)
    if speaker is None:
        return None
    return Attribution(cue=root, cue_text=None, speaker=speaker, speaker_token=subject)


def _resolve_pronouns(text: str, found: list[_Found]) -> None:
    """ "he said" where the actors stage resolved the pronoun to nobody: the person who spoke last
    before it, in its paragraph or the one before (the usual reading of a run of quotes)."""
    for n, f in enumerate(found):
        a = f.attribution
        if a is None or a.speaker.name is not None or a.speaker.text.lower() not in _SINGULAR_PRONOUNS:
            continue
        at = a.cue.idx
        for g in reversed(found[:n]):
            b = g.attribution
            if b is None or b.cue.idx >= at:
                continue
            if len(_PARAGRAPH_BREAK.findall(text, b.cue.idx, at)) > _PRONOUN_PARAGRAPHS:
                break
            if b.speaker.name is None or b.speaker.text.lower() in _SINGULAR_PRONOUNS:
                continue
            if b.speaker_token is None or b.speaker_token.ent_type_ != "PERSON":
                break  # the last speaker is no person: "he" is someone else
            f.attribution = Attribution(
                cue=a.cue, cue_text=a.cue_text, speaker=replace(b.speaker, text=a.speaker.text),
                speaker_token=a.speaker_token,
            )
            break


# Pronouns resolved to the last speaker; and how many paragraphs back that speaker may be.
_SINGULAR_PRONOUNS = frozenset({"he", "she"})
_PRONOUN_PARAGRAPHS = 1
_PARAGRAPH_BREAK = re.compile(r"\n\s*")


def _nested(doc: Doc, sents: _Sentences, raw: RawQuote, cues: Cues, index: MentionIndex) -> list[_Found]:
    """A quote inside a quote keeps its own speaker when the outer quote says who said it
    ("You wrote one day, 'There can't be a crisis'")."""
    out: list[_Found] = []
    for inner in raw.inner:
        frame = _frame(doc, sents, inner.open_at, inner.close_end)
        if frame is None:
            continue
        lo, hi = raw.start, raw.end
        candidates = [
            t for t in frame
            if lo <= t.idx < hi and not (inner.start <= t.idx < inner.end) and is_cue(t, cues)
        ]
        candidates.sort(key=lambda t: _distance(t, inner))
        for cue in candidates:
            found = attribute(cue, cues, index)
            if found is not None:
                out.append(_Found(parts=list(inner.parts), kind="direct", attribution=found, raw=inner))
                break
    return out


def _colon_lines(
    doc: Doc, sents: _Sentences, direct: list[_Found], cues: Cues, index: MentionIndex
) -> list[_Found]:
    """ "Kerry: Talks were useful": a line opened by a name and a colon is that name's statement
    (headlines, interview transcripts). A direct quote after the colon takes the name as speaker."""
    text = sents.text
    out: list[_Found] = []
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        end = len(text) if end < 0 else end
        found = _colon_line(doc, text, start, end, direct, cues, index)
        if found is not None:
            out.append(found)
        start = end + 1
    return out


def _colon_line(
    doc: Doc, text: str, start: int, end: int, direct: list[_Found], cues: Cues, index: MentionIndex
) -> _Found | None:
    colon = text.find(":", start, min(end, start + _MAX_COLON_LABEL))
    if colon < 0 or colon + 1 >= end or not text[colon + 1].isspace():
        return None
    label = text[start:colon].strip()
    if not label or not label[0].isupper() or label.lower() in cues.colon_labels:
        return None
    span = doc.char_span(start + text[start:colon].index(label), colon, alignment_mode="contract")
    colon_tok = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None or colon_tok is None or not 1 <= len(span) <= _MAX_COLON_WORDS:
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.ent_type_ in ("DATE", "TIME") or t.like_num for t in span):
        return None
    # A name, or a label written like one ("Matthews:", "TRUMP:", which the tagger may take for
    # common nouns when they open a line).
    named = all(t.text[:1].isupper() or not t.is_alpha for t in span)
    if not any(t.pos_ == "PROPN" for t in span) and not named:
        return None
    speaker = speaker_actor(span.root, index, bounds=(span.start, span.end))
    if speaker is None:
        return None
    content = _trim_span(text, colon + 1, end)
    if len(text[content[0] : content[1]].split()) < 3:
        return None
    attribution = Attribution(cue=colon_tok[0], cue_text=":", speaker=speaker, speaker_token=span.root)
    for f in direct:
        if f.raw is not None and f.raw.open_at <= content[0] + 1 and f.raw.close_end >= content[1] - 1:
            if f.attribution is None:
                f.attribution = attribution  # "Kerry: "We will not give up""
            return None
    return _Found(parts=[content], kind="indirect", attribution=attribution)


def _trim_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


# ---- indirect and mixed speech ---------------------------------------------------------------


def _indirect(
    doc: Doc, text: str, direct: list[_Found], inside: list[bool], cues: Cues, index: MentionIndex
) -> list[_Found]:
    """Reported speech: a reporting verb's that-clause, and "according to X, <clause>".
    Direct quotes that lie inside such a clause become part of it (kind mixed); a clause that
    mostly is a direct quote is that quote's attribution, not a second quote."""
    out: list[_Found] = []
    for tok in doc:
        if inside[tok.i]:
            continue
        content: list[int] | None = None
        n = according_length(tok, cues)
        if n:
            content = _according_content(tok, n)
        elif is_cue(tok, cues, indirect=True) and not any(c.dep_ == "neg" for c in tok.children):
            content = _clause_content(tok)
            if content is None and tok.lemma_.lower() in cues.questions:
                content = _question_content(tok)
        if content is None and tok.lemma_.lower() in cues.object_cues and tok.pos_ == "VERB":
            content = _object_content(tok, cues.object_cues[tok.lemma_.lower()])
        if content:
            content = _without_other_reports(doc, tok, _in_paragraph(doc, tok, content), cues)
        if not content or len(content) < 3:
            continue
        found = attribute(tok, cues, index, inside)
        if found is None:
            continue
        pieces = _pieces(doc, content)
        if not pieces:
            continue
        kind = _classify(text, tok, pieces, direct)
        if kind is None:
            continue
        out.append(_Found(parts=pieces, kind=kind, attribution=found))
    return out


def _without_other_reports(doc: Doc, cue: Token, ids: list[int], cues: Cues) -> list[int]:
    """The content less a second report joined to it ("says the answer was to act and says he
    wrote a bill"): a coordinated cue with a clause of its own is its own quote, not part of this
    one, and the "and" before it goes with it."""
    drop: set[int] = set()
    for i in ids:
        t = doc[i]
        if t.i == cue.i or t.dep_ != "conj" or i in drop:
            continue
        if is_cue(t, cues, indirect=True) and any(c.dep_ == "ccomp" for c in t.children):
            drop.update(x.i for x in t.subtree)
            j = t.left_edge.i - 1
            while j >= 0 and (doc[j].dep_ == "cc" or doc[j].is_punct) and doc[j].head.i in (t.head.i, t.i):
                drop.add(j)
                j -= 1
    return [i for i in ids if i not in drop]


def _in_paragraph(doc: Doc, cue: Token, ids: list[int]) -> list[int]:
    """The content tokens in the cue's own paragraph: the parser may join a paragraph to the
    one before (a quote ending a line, then "Doe said he was ready."), and hang the quote on the
    cue as a second clause; what the cue reports stays within its paragraph."""
    lo = cue.i
    while lo > 0 and "\n" not in doc[lo - 1].text_with_ws:
        lo -= 1
    hi = cue.i
    while hi < len(doc) - 1 and "\n" not in doc[hi].text_with_ws:
        hi += 1
    return [i for i in ids if lo <= i <= hi and not doc[i].is_space]


def _clause_content(verb: Token) -> list[int] | None:
    # Several clauses hang on the verb when the parser joined two paragraphs: the one in the
    # verb's own paragraph is what it reports.
    comps = [c for c in verb.children if c.dep_ == "ccomp" and not _reduced_relative(c)]
    own = [c for c in comps if "\n" not in verb.doc[min(c.i, verb.i) : max(c.i, verb.i)].text]
    comp = (own or comps or [None])[0]
    if comp is None:
        # "He said building it could help": the parser takes a clause opening with a gerund for
        # the verb's complement (xcomp); an infinitive ("told them to leave") reports no words.
        comp = next(
            (
                c for c in verb.children
                if c.dep_ == "xcomp" and c.i > verb.i and c.tag_ == "VBG"
                and not any(g.dep_ == "aux" for g in c.children)
                and any(g.dep_ == "ccomp" for g in c.children)
            ),
            None,
        )
    if comp is None:
        comp = _misattached_that_clause(verb)
    if comp is not None:
        ids = [t.i for t in comp.subtree]
        # The complementizer is not said: "said [that] there is no basis".
        while ids and comp.doc[ids[0]].dep_ == "mark" and comp.doc[ids[0]].lower_ == "that":
            ids = ids[1:]
        return ids
    if verb.dep_ == "parataxis" and verb.head is not verb:
        # "The plan, he said, is sound": the clause around the parenthetical attribution.
        own = {t.i for t in verb.subtree}
        return [t.i for t in verb.head.subtree if t.i not in own]
    return None


def _question_content(verb: Token) -> list[int] | None:
    """ "asked voters if they planned to come": the parser hangs the if-clause on the verb as a
    condition; after a verb of asking it is the question."""
    for c in verb.children:
        if c.dep_ == "advcl" and c.i > verb.i and any(g.dep_ == "mark" and g.lower_ == "if" for g in c.children):
            return [t.i for t in c.subtree]
    return None


def _reduced_relative(clause: Token) -> bool:
    """ "said in an interview aired on Sunday that ...": a bare past participle with no subject
    or auxiliary, which the parser took for the report, modifies the noun before it."""
    return clause.tag_ == "VBN" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass") for c in clause.children
    )


def _misattached_that_clause(verb: Token) -> Token | None:
    """ "said at a briefing for donors that the fund would close": the parser hangs the
    that-clause on the last noun of the phrases after the verb, as if relative. A clause opened
    by "that" as a complementizer (a relative "that" is its subject or object) is the report."""
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.i > verb.i):
        for t in prep.subtree:
            if t.dep_ in ("relcl", "acl") and any(g.dep_ == "mark" and g.lower_ == "that" and g.i < t.i for g in t.children):
                return t
    return None


def _object_content(verb: Token, holder: str) -> list[int] | None:
    """The noun phrase a cue reports: its direct object (with an "as" phrase: "described the
    plan as a threat"), or the object of the given preposition ("called for a ceasefire")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if any(t.lower_ == "as" and any(g.tag_ == "VBG" for g in t.subtree) for t in verb.subtree):
        return None  # "cites Berg as saying": the quote is elsewhere, Berg is its speaker
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    complements = [c for c in verb.children if c.dep_ == "oprd"]
    if objects and complements and objects[0].tag_ not in ("WP", "WDT"):
        # "called the plan a dangerous gamble": the object and what it was called
        return [t.i for t in objects[0].subtree] + [t.i for t in complements[0].subtree]
    ids: list[int] = []
    for c in verb.children:
        if c.dep_ == "dobj" and c.tag_ in ("WP", "WDT"):
            return None  # "the envoys, whom Doe described as spies": the object is elsewhere
        if holder == "dobj" and c.dep_ == "dobj":
            ids.extend(t.i for t in c.subtree)
        elif holder == "dobj" and c.dep_ == "prep" and c.lower_ == "as" and ids:
            ids.extend(t.i for t in c.subtree)
        elif holder != "dobj" and c.dep_ in ("prep", "prt") and c.lower_ == holder:
            ids.extend(t.i for g in c.children if g.dep_ == "pobj" for t in g.subtree)
        elif holder != "dobj" and c.dep_ == "prep" and c.lower_ == "on" and any(g.dep_ == "xcomp" for g in verb.children):
            # "called on the government to reopen the talks": who is to act, and the act
            ids.extend(t.i for g in c.children if g.dep_ == "pobj" for t in g.subtree)
            ids.extend(t.i for g in verb.children if g.dep_ == "xcomp" for t in g.subtree)
    return ids if len(ids) >= 2 else None


def _according_content(tok: Token, n: int) -> list[int] | None:
    head = tok.head
    if head is tok:
        return None
    own = {t.i for t in tok.subtree} | set(range(tok.i, tok.i + n))
    return [t.i for t in head.subtree if t.i not in own]


def _pieces(doc: Doc, ids: list[int]) -> list[Span]:
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
        while toks and (toks[0].is_punct and toks[0].text not in _MARK_CHARS or toks[0].is_space):
            toks = toks[1:]
        while toks and (toks[-1].is_punct and toks[-1].text not in _MARK_CHARS + ".?!" or toks[-1].is_space):
            toks = toks[:-1]
        if toks:
            out.append((toks[0].idx, toks[-1].idx + len(toks[-1].text)))
    return out


def _reaches_outside(text: str, q_start: int, q_end: int, start: int, end: int) -> bool:
    """Whether a quote holds words outside the clause [start, end); the marks and the full stop
    that the parse leaves out of the clause ("said the plan “will fail.”") do not count."""
    outside = text[q_start : max(q_start, start)] + text[min(q_end, end) : q_end]
    return any(ch.isalnum() for ch in outside)


def _classify(text: str, cue: Token, pieces: list[Span], direct: list[_Found]) -> QuoteKind | None:
    """indirect, mixed (and the direct quotes inside it are dropped), or None when the clause is
    itself a direct quote."""
    start, end = pieces[0][0], pieces[-1][1]
    size = sum(e - s for s, e in pieces)
    covered = 0
    inner: list[_Found] = []
    for f in direct:
        if f.raw is None:
            continue
        claimed = f.attribution is not None and f.attribution.cue.i == cue.i
        if claimed and not (len(pieces) == 1 and start > cue.idx):
            # The verb already attributes a direct quote and the clause wraps around it
            # ("Asked about X, he said, "..."): the quote is what was said.
            if f.raw.open_at < end and f.raw.close_end > start:
                return None
        q_start, q_end = f.raw.open_at, f.raw.close_end
        if q_end <= start or q_start >= end:
            continue
        overlap = sum(max(0, min(e, qe) - max(s, qs)) for s, e in pieces for qs, qe in f.parts)
        if _reaches_outside(text, q_start, q_end, start, end):
            # The quote reaches outside the clause: the clause is part of the quote's story.
            if overlap >= 0.5 * size:
                return None
            continue
        covered += overlap
        inner.append(f)
    if covered >= _DIRECT_SHARE * size:
        return None
    if inner:
        for f in inner:
            f.parts = []  # absorbed into the mixed quote
        return "mixed"
    return "indirect"
