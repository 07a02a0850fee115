"""Direct quotes: the marks joined into quotes ("A," he said, "b"), and each quote's cue and
speaker, tried in the order ``ATTRIBUTION_STEPS`` states."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from detente.actors.lookup import MentionIndex
from detente.nlp.marks import RawQuote
from detente.quotes.attribution import Attribution, attribute, is_cue, speaker_actor
from detente.quotes.found import (
    MARK_CHARS,
    MAX_COLON_WORDS,
    MAX_NEXT_SENTENCE,
    MAX_SPLIT_GAP,
    MIN_SPLIT_WORDS,
    MIN_WORDS_LOOSE,
    Span,
    char_pieces,
    sentences_around,
    token_distance,
    word_count,
)
from detente.quotes.lexicon import Cues
from detente.reading import Reading


def merge_split(doc: Doc, r: Reading, raws: list[RawQuote], cues: Cues) -> list[RawQuote]:
    """Join "A," he said, "b" into one quote with two parts."""
    out: list[RawQuote] = []
    for raw in raws:
        if out and _is_split(doc, r.text, out[-1], raw, cues):
            prev = out.pop()
            raw = RawQuote(
                parts=prev.parts + raw.parts,
                open_at=prev.open_at,
                close_end=raw.close_end,
                closed=raw.closed,
                inner=prev.inner + raw.inner,
                mark=prev.mark,
            )
        out.append(raw)
    return out


def _is_split(doc: Doc, text: str, a: RawQuote, b: RawQuote, cues: Cues) -> bool:
    if not a.closed:
        return False
    gap = text[a.close_end : b.open_at]
    if "\n" in gap or len(gap) > MAX_SPLIT_GAP:
        return False
    stripped = gap.strip()
    last = text[a.end - 1] if a.end > 0 else ""
    if not (stripped.startswith(",") or last in ",?!"):
        return False
    if word_count(text, a) < MIN_SPLIT_WORDS and last not in ",?!":
        # "meant "overload" rather than "reset", Doe said. "We ...": a term, not speech ("No,"
        # he said, "..." keeps its comma inside the marks)
        return False
    # "A," he said, "b..." and also "A," he said. "B...": the attribution between two pieces of
    # one speech (the newswire convention; a new speaker would need a new attribution).
    if not stripped.endswith((",", ".", ":")):
        return False
    span = doc.char_span(a.close_end, b.open_at, alignment_mode="expand")
    return span is not None and any(is_cue(t, cues) for t in span)


def inside_mask(doc: Doc, raws: Sequence[RawQuote]) -> list[bool]:
    """Per token: inside some quote's quoted words."""
    inside = [False] * len(doc)
    for raw in raws:
        for s, e in raw.parts:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None:
                for t in span:
                    inside[t.i] = True
    return inside


@dataclass(frozen=True, slots=True, kw_only=True)
class Around:
    """One direct quote and what the attribution steps look at around it."""

    doc: Doc
    r: Reading
    raw: RawQuote
    inside: list[bool]  # per token: inside some quote's words
    cues: Cues
    index: MentionIndex
    frame: SpacySpan  # the sentences covering the quote
    # The parser's sentences may run over a paragraph break (a headline into the body): the
    # attribution of a quote is in its own paragraph.
    para_start: int
    para_end: int


def attribute_direct(
    doc: Doc, r: Reading, raw: RawQuote, inside: list[bool], cues: Cues, index: MentionIndex
) -> Attribution | None:
    """The cue and speaker of a direct quote: the first of ``ATTRIBUTION_STEPS`` that finds one."""
    frame = sentences_around(doc, r, raw.open_at, raw.close_end)
    if frame is None:
        return None
    text = r.text
    para_end = text.find("\n", raw.close_end)
    around = Around(
        doc=doc,
        r=r,
        raw=raw,
        inside=inside,
        cues=cues,
        index=index,
        frame=frame,
        para_start=text.rfind("\n", 0, raw.open_at) + 1,
        para_end=len(text) if para_end < 0 else para_end,
    )
    for _name, step, _reason in ATTRIBUTION_STEPS:
        found = step(around)
        if found is not None:
            return found
    return None


def _by_label(q: Around) -> Attribution | None:
    return _label_attribution(q.doc, q.r.text, q.raw, q.para_start, q.cues, q.index)


def _by_own_sentence(q: Around) -> Attribution | None:
    doc, raw, inside = q.doc, q.raw, q.inside
    zone = list(q.frame)
    after = _trailing_attribution(doc, q.r, raw, q.frame)
    if after is not None:
        zone += list(after)
    heads = _heads_outside(doc, raw)
    candidates = [t for t in zone if q.para_start <= t.idx < q.para_end and not inside[t.i] and is_cue(t, q.cues)]
    # The verb the quote hangs on in the parse first, then the nearest.
    candidates.sort(key=lambda t: (t.i not in heads, token_distance(t, raw)))
    if word_count(q.r.text, raw) < MIN_WORDS_LOOSE:
        # A few quoted words are a speech only when a cue governs them as what was said; a cue
        # elsewhere in the sentence is about something else ("the so-called "reset", he said,
        # failed"), and a title or a name in quotes is not speech ("said on "Meet the Press"").
        candidates = [t for t in candidates if t.i in heads and _governs_as_said(doc, raw, t)]
    for cue in candidates:
        found = attribute(cue, q.cues, q.index, inside)
        if found is not None and not _inside_quote(found, raw):
            return found
    return None


def _by_introduction(q: Around) -> Attribution | None:
    """ "Kerry put it this way: "...": the sentence that introduces the quote with a colon."""
    doc, text = q.doc, q.r.text
    intro_start = max(q.frame.start_char, q.para_start)
    before = text[intro_start : q.raw.open_at].rstrip()
    if not before and q.para_start > 0:
        # A quote that opens its paragraph, after a paragraph ending in a colon ("He said:").
        prev_end = len(text[: q.para_start].rstrip())
        if prev_end > 0 and text[prev_end - 1] == ":":
            last = doc.char_span(prev_end - 1, prev_end, alignment_mode="expand")
            if last is not None:
                sent = q.r.sentences.sentence(doc, last.start)
                intro_start, before = sent.start_char, text[sent.start_char : prev_end]
    if not before.endswith(":"):
        return None
    intro = doc.char_span(intro_start, intro_start + len(before), alignment_mode="contract")
    if intro is None:
        return None
    nearest = sorted((t for t in intro if is_cue(t, q.cues)), key=lambda t: -t.i)
    for cue in nearest:
        found = attribute(cue, q.cues, q.index, q.inside)
        if found is not None:
            return found
    return _root_attribution(intro, q.cues, q.index)


def _by_byline(q: Around) -> Attribution | None:
    return _byline_attribution(q.doc, q.r.text, q.raw, q.para_end, q.index)


def _by_next_sentence(q: Around) -> Attribution | None:
    return _next_sentence_attribution(q.doc, q.r, q.raw, q.frame, q.para_end, q.inside, q.cues, q.index)


# The attribution of one direct quote, in order; the first step that finds a speaker wins. Later
# steps are weaker evidence, tried only when the stronger ones found nothing. (A quote that none
# of them signs may still take a neighbour's speaker: ``speakers.py``, run by ``stage.extract``.)
ATTRIBUTION_STEPS: tuple[tuple[str, Callable[[Around], Attribution | None], str], ...] = (
    (
        "label",
        _by_label,
        "a name label before the quote's colon ('Jane Doe: \"...\"') is the writer's explicit signature",
    ),
    (
        "own sentence",
        _by_own_sentence,
        "a cue in the quote's sentence and paragraph: the verb the quote hangs on, then the nearest",
    ),
    (
        "colon introduction",
        _by_introduction,
        "a sentence ending in a colon introduces the quote: its nearest cue, else its root's subject",
    ),
    ("byline", _by_byline, "a quote standing as its own paragraph, signed '- Jane Doe' on the next line"),
    (
        "next sentence",
        _by_next_sentence,
        "a short sentence right after the quote whose main verb is a cue ('He said so later.')",
    ),
)


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
    if dash is None or name is None or not 1 <= len(name) <= MAX_COLON_WORDS:
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
    while start > 0 and end - start < MAX_COLON_WORDS and _label_word(toks[start - 1], toks, start - 1):
        start -= 1
    if start == end:
        return None
    run = toks[start:end]
    opener = toks[start - 1] if start > 0 else None
    after_from = opener is not None and opener.lower_ == "from"
    # "Continued Stone: "..."": a cue opening the paragraph, inverted before the name.
    inverted = opener is not None and start == 1 and is_cue(opener, cues) and opener.text[:1].isupper()
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
    if inverted and opener is not None:
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
    doc: Doc,
    r: Reading,
    raw: RawQuote,
    frame: SpacySpan,
    para_end: int,
    inside: list[bool],
    cues: Cues,
    index: MentionIndex,
) -> Attribution | None:
    """ "...". That is what Kerry told reporters.": a short sentence right after the quote, in
    its paragraph, whose main verb is a cue and which quotes nothing itself."""
    if frame.end >= len(doc) or r.text[raw.close_end : frame.end_char].strip(" .,!?”\"’'"):
        return None
    nxt = r.sentences.sentence(doc, frame.end)
    words = sum(not t.is_space for t in nxt)
    if nxt.end_char > para_end or words > MAX_NEXT_SENTENCE or any(inside[t.i] for t in nxt):
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


def paraphrase_around(doc: Doc, raw: RawQuote, attribution: Attribution | None) -> list[Span] | None:
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
    pieces = char_pieces(doc, ids)
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


def _trailing_attribution(doc: Doc, r: Reading, raw: RawQuote, frame: SpacySpan) -> SpacySpan | None:
    """The sentence after a quote when the parser cut "..., " she said." in two: the quote ends
    its frame and ends on a comma (or the next sentence opens in lower case)."""
    text = r.text
    if text[raw.close_end : frame.end_char].strip(" \t.,”\"’'") or frame.end >= len(doc):
        return None
    nxt = r.sentences.sentence(doc, frame.end)
    if nxt.text[:1] in MARK_CHARS or "\n" in text[raw.close_end : nxt.start_char]:
        return None
    # The quote's own last sign, past the marks of a quote it ends with (",’”).
    own = text[raw.start : raw.end].rstrip(MARK_CHARS + " ")
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


def _root_attribution(intro: SpacySpan, cues: Cues, index: MentionIndex) -> Attribution | None:
    """The subject of the clause ending with a colon before a quote: "Cruz called them on it:"."""
    root = intro.root
    if root.pos_ not in ("VERB", "AUX"):
        return None
    found = attribute(root, cues, index)
    return found
