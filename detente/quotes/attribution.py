"""Who said it: the cue verb and the speaker phrase of a quotation, read off the dependency parse.

Patterns covered (the speaker is the token returned; the cue is the verb as written):
- "X said", "said X", "X told reporters", "Kerry stressed", "X, a political analyst, said";
- "X was quoted as saying", "an agency quoted X as saying", "an agency cites X as saying": X, the
  object (or passive subject) of quote/cite, never the agency;
- "according to X": X, the object of "to";
- "who said" in a relative clause: the noun the clause hangs on;
- "..., saying" / "and said": the subject of the verb the cue is attached to.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.actors.lookup import MentionIndex
from detente.quotes.lexicon import Cues
from detente.records import Actor, replace

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Children that are not part of the speaker's own phrase: "Makarenko[, a political analyst,]",
# "Burns[, who told him]", "Kerry [and Lavrov]".
_NOT_IN_PHRASE = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis", "prep"})
# Punctuation that ends the speaker's phrase ("president-elect" keeps its hyphen).
_PHRASE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "\"", "“", "”"})
_RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
# Speaker phrases that name nobody: "it" in "it is said", expletives.
_EMPTY_SPEAKERS = frozenset({"it", "there", "this", "that", "what", "which"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    cue: Token  # the cue word ("said", "quoted", "according")
    cue_text: str  # as written: "said", "according to"
    speaker: Actor
    speaker_token: Token | None = None  # the head of the speaker phrase


def is_cue(tok: Token, cues: Cues, *, indirect: bool = False) -> bool:
    """A reporting verb (or "according" of "according to") that can attribute a quote."""
    lemma = tok.lemma_.lower()
    if according_length(tok, cues):
        return True
    if lemma not in (cues.indirect if indirect else cues.speech):
        return False
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False  # "would not comment": nothing said
    if lemma in cues.not_with_xcomp and any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "will continue to be": not reporting anything
    particle = cues.needs_particle.get(lemma)
    if particle is not None:
        return any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children)
    return True


def according_length(tok: Token, cues: Cues) -> int:
    """The number of words of the multi-word cue ("according to") starting at `tok`, else 0."""
    doc = tok.doc
    for words in cues.according:
        if tok.lower_ == words[0] and tok.i + len(words) <= len(doc):
            if all(doc[tok.i + k].lower_ == w for k, w in enumerate(words[1:], start=1)):
                return len(words)
    return 0


def speaker_token(cue: Token, cues: Cues) -> Token | None:
    """The token heading the speaker phrase of `cue`, or None when the parse names nobody."""
    n = according_length(cue, cues)
    if n:
        last = cue.doc[cue.i + n - 1]
        for c in list(last.children) + list(cue.children):
            if c.dep_ == "pobj":
                return c
        return None
    quoting = _quoting_verb(cue, cues)
    if quoting is not None:
        # The quoted person is the object ("quoted Hadley as saying") or, in the passive, the
        # subject ("Hadley was quoted as saying"); the agency doing the quoting never speaks.
        for dep in ("dobj", "nsubjpass"):
            for c in quoting.children:
                if c.dep_ == dep:
                    return c
        return None
    verb = cue
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is not None:
            if subj.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
                return verb.head
            return subj
        # "..., saying", "met and said", "went on to say": the subject of the verb it hangs on.
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            if verb.dep_ == "xcomp" and verb.head.pos_ not in ("VERB", "AUX"):
                return None  # "it will be possible to say": nobody is saying anything
            verb = verb.head
            if verb.dep_ == "ccomp" and verb.head is not verb and verb.head.lemma_.lower() in cues.speech:
                # "He said the convention could be "messy," adding ...": the adding hangs on
                # the reported clause; the speaker is the one who said it.
                verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        if verb is not cue:
            return None
        return _left_neighbour(cue) or _right_neighbour(cue, cues)
    return None


def _right_neighbour(cue: Token, cues: Cues) -> Token | None:
    """An inverted cue whose name the parser did not take as its subject ("Continued Stone:")."""
    if cue.lemma_.lower() in cues.addressee_verbs:
        return None
    doc = cue.doc
    i = cue.i + 1
    while i < len(doc) and doc[i].dep_ == "compound" and doc[i].head.i > i:
        i = doc[i].head.i
    if i >= len(doc):
        return None
    tok = doc[i]
    if tok.pos_ != "PROPN" or tok.head.i != cue.i:
        return None
    return tok


def _left_neighbour(cue: Token) -> Token | None:
    """When the parser lost the subject ("Rep. Paul Ryan (R-WI) said", "her adviser, Jake
    Sullivan, said" parsed as appositions of an opening phrase): the name right before the cue,
    if it hangs below the cue."""
    i = cue.i - 1
    doc = cue.doc
    while i >= 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if i < 0:
        return None
    tok = doc[i]
    if tok.dep_ == "appos" and tok.head.pos_ == "PROPN" and tok.head.i < tok.i:
        tok = tok.head  # "Ryan (R-WI)": the name, not its label
    while tok.dep_ == "compound" and tok.head.i > tok.i and tok.head.i < cue.i:
        tok = tok.head
    if tok.pos_ not in ("PROPN", "PRON") or tok.tag_ in ("PRP$", "WP", "WDT"):
        return None
    if cue not in tok.ancestors:
        return None
    return tok


def _quoting_verb(cue: Token, cues: Cues) -> Token | None:
    """quote/cite governing this cue: the cue itself, or the verb of "... as saying"."""
    if cue.lemma_.lower() in cues.quoting:
        return cue
    head = cue.head
    if head.lower_ == "as":
        head = head.head
    if head is not cue and head.lemma_.lower() in cues.quoting:
        return head
    return None


def cue_text(cue: Token, cues: Cues) -> str:
    n = according_length(cue, cues)
    return cue.doc[cue.i : cue.i + n].text if n else cue.text


def phrase_bounds(tok: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the speaker's own phrase around its head `tok`."""
    if tok.pos_ != "PROPN":
        # "The President of the Institute, Mikhail Remizov, said": the name says who.
        for c in tok.children:
            if c.dep_ == "appos" and c.pos_ == "PROPN":
                tok = c
                break
    excluded: set[int] = set()
    for c in tok.children:
        if c.dep_ == "punct" and c.text not in _PHRASE_BREAKS:
            continue
        if c.dep_ in _NOT_IN_PHRASE and not _role_of(tok, c):
            excluded.update(t.i for t in c.subtree)
    kept = {t.i for t in tok.subtree} - excluded
    start = end = tok.i
    while start - 1 in kept:
        start -= 1
    while end + 1 in kept:
        end += 1
    doc = tok.doc
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return start, end + 1


def _role_of(head: Token, child: Token) -> bool:
    """ "the head of state", "the Secretary of State": an "of" phrase that is part of a title."""
    return child.dep_ == "prep" and child.lower_ == "of" and child.i > head.i and head.pos_ != "PRON"


def speaker_actor(tok: Token, index: MentionIndex, bounds: tuple[int, int] | None = None) -> Actor | None:
    """The Actor for the phrase headed by `tok` (or spanning token `bounds`): the resolved actor
    of the mention there (with `text` the phrase as written here), else the phrase, unresolved."""
    start, end = bounds or phrase_bounds(tok)
    doc: Doc = tok.doc
    span = doc[start:end]
    if not span.text or span.text.lower() in _EMPTY_SPEAKERS or not span.text[0].isalnum():
        return None
    head = tok if start <= tok.i < end else span.root
    mention = index.at(span.start_char, span.end_char, head=head.idx)
    if mention is not None and mention.kind != "place":
        return replace(mention.actor, text=span.text)
    return Actor(text=span.text)


def attribute(cue: Token, cues: Cues, index: MentionIndex) -> Attribution | None:
    tok = speaker_token(cue, cues)
    if tok is None:
        return None
    actor = speaker_actor(tok, index)
    if actor is None:
        return None
    return Attribution(cue=cue, cue_text=cue_text(cue, cues), speaker=actor, speaker_token=tok)
