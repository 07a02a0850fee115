"""Indirect and mixed speech: a reporting verb's that-clause ("Doe said the talks had failed"),
"according to X, ...", quotes nested inside quotes, and "Name: statement" lines."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.actors.lookup import MentionIndex
from detente.nlp.marks import RawQuote
from detente.quotes.attribution import (
    Attribution,
    according_length,
    attribute,
    is_cue,
    speaker_actor,
)
from detente.quotes.found import (
    DIRECT_SHARE,
    MAX_COLON_LABEL,
    MAX_COLON_WORDS,
    Found,
    Span,
    char_pieces,
    sentences_around,
    token_distance,
)
from detente.quotes.lexicon import Cues
from detente.reading import Reading
from detente.records import QuoteKind


def nested(doc: Doc, r: Reading, raw: RawQuote, cues: Cues, index: MentionIndex) -> list[Found]:
    """A quote inside a quote keeps its own speaker when the outer quote says who said it
    ("You wrote one day, 'There can't be a crisis'")."""
    out: list[Found] = []
    for inner in raw.inner:
        frame = sentences_around(doc, r, inner.open_at, inner.close_end)
        if frame is None:
            continue
        lo, hi = raw.start, raw.end
        candidates = [
            t for t in frame if lo <= t.idx < hi and not (inner.start <= t.idx < inner.end) and is_cue(t, cues)
        ]
        candidates.sort(key=lambda t: token_distance(t, inner))
        for cue in candidates:
            found = attribute(cue, cues, index)
            if found is not None:
                out.append(Found(parts=list(inner.parts), kind="direct", attribution=found, raw=inner))
                break
    return out


def colon_lines(doc: Doc, r: Reading, direct: list[Found], cues: Cues, index: MentionIndex) -> list[Found]:
    """ "Kerry: Talks were useful": a line opened by a name and a colon is that name's statement
    (headlines, interview transcripts). A direct quote after the colon takes the name as speaker."""
    text = r.text
    out: list[Found] = []
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
    doc: Doc, text: str, start: int, end: int, direct: list[Found], cues: Cues, index: MentionIndex
) -> Found | None:
    colon = text.find(":", start, min(end, start + MAX_COLON_LABEL))
    if colon < 0 or colon + 1 >= end or not text[colon + 1].isspace():
        return None
    label = text[start:colon].strip()
    if not label or not label[0].isupper() or label.lower() in cues.colon_labels:
        return None
    span = doc.char_span(start + text[start:colon].index(label), colon, alignment_mode="contract")
    colon_tok = doc.char_span(colon, colon + 1, alignment_mode="expand")
    if span is None or colon_tok is None or not 1 <= len(span) <= MAX_COLON_WORDS:
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
    return Found(parts=[content], kind="indirect", attribution=attribution)


def _trim_span(text: str, start: int, end: int) -> Span:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


# ---- indirect and mixed speech ---------------------------------------------------------------


def indirect_speech(
    doc: Doc, text: str, direct: list[Found], inside: list[bool], cues: Cues, index: MentionIndex
) -> list[Found]:
    """Reported speech: a reporting verb's that-clause, and "according to X, <clause>".
    Direct quotes that lie inside such a clause become part of it (kind mixed); a clause that
    mostly is a direct quote is that quote's attribution, not a second quote."""
    out: list[Found] = []
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
            content = _without_other_reports(doc, tok, _in_paragraph(text, doc, tok, content), cues)
        if not content or len(content) < 3:
            continue
        found = attribute(tok, cues, index, inside)
        if found is None:
            continue
        pieces = char_pieces(doc, content)
        if not pieces:
            continue
        kind = _classify(text, tok, pieces, direct)
        if kind is None:
            continue
        out.append(Found(parts=pieces, kind=kind, attribution=found))
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


def _in_paragraph(text: str, doc: Doc, cue: Token, ids: list[int]) -> list[int]:
    """The content tokens in the cue's own paragraph: the parser may join a paragraph to the
    one before (a quote ending a line, then "Doe said he was ready."), and hang the quote on the
    cue as a second clause; what the cue reports stays within its paragraph. (The paragraph is
    found by character offsets: walking its tokens for every cue is quadratic in a long one.)"""
    after = text.rfind("\n", 0, cue.idx)  # the paragraph starts after this newline
    end = text.find("\n", cue.idx)
    until = len(text) if end < 0 else end
    return [i for i in ids if after < doc[i].idx <= until and not doc[i].is_space]


def _clause_content(verb: Token) -> list[int] | None:
    # Several clauses hang on the verb when the parser joined two paragraphs: the one in the
    # verb's own paragraph is what it reports.
    comps = [c for c in verb.children if c.dep_ == "ccomp" and not _reduced_relative(c)]
    own = [c for c in comps if "\n" not in verb.doc[min(c.i, verb.i) : max(c.i, verb.i)].text]
    comp: Token | None = (own or comps)[0] if (own or comps) else None
    if comp is None:
        # "He said building it could help": the parser takes a clause opening with a gerund for
        # the verb's complement (xcomp); an infinitive ("told them to leave") reports no words.
        comp = next(
            (
                c
                for c in verb.children
                if c.dep_ == "xcomp"
                and c.i > verb.i
                and c.tag_ == "VBG"
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
        parenthetical = {t.i for t in verb.subtree}
        return [t.i for t in verb.head.subtree if t.i not in parenthetical]
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
            if t.dep_ in ("relcl", "acl") and any(
                g.dep_ == "mark" and g.lower_ == "that" and g.i < t.i for g in t.children
            ):
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
        if (holder == "dobj" and c.dep_ == "dobj") or (
            holder == "dobj" and c.dep_ == "prep" and c.lower_ == "as" and ids
        ):
            ids.extend(t.i for t in c.subtree)
        elif holder != "dobj" and c.dep_ in ("prep", "prt") and c.lower_ == holder:
            ids.extend(t.i for g in c.children if g.dep_ == "pobj" for t in g.subtree)
        elif (
            holder != "dobj" and c.dep_ == "prep" and c.lower_ == "on" and any(g.dep_ == "xcomp" for g in verb.children)
        ):
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


def reaches_outside(text: str, q_start: int, q_end: int, start: int, end: int) -> bool:
    """Whether a quote holds words outside the clause [start, end); the marks and the full stop
    that the parse leaves out of the clause ("said the plan “will fail.”") do not count."""
    outside = text[q_start : max(q_start, start)] + text[min(q_end, end) : q_end]
    return any(ch.isalnum() for ch in outside)


def _classify(text: str, cue: Token, pieces: list[Span], direct: list[Found]) -> QuoteKind | None:
    """indirect, mixed (and the direct quotes inside it are dropped), or None when the clause is
    itself a direct quote."""
    start, end = pieces[0][0], pieces[-1][1]
    size = sum(e - s for s, e in pieces)
    covered = 0
    inner: list[Found] = []
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
        if reaches_outside(text, q_start, q_end, start, end):
            # The quote reaches outside the clause: the clause is part of the quote's story.
            if overlap >= 0.5 * size:
                return None
            continue
        covered += overlap
        inner.append(f)
    if covered >= DIRECT_SHARE * size:
        return None
    if inner:
        for f in inner:
            f.parts = []  # absorbed into the mixed quote
        return "mixed"
    return "indirect"
