"""Who said it: the cue verb and the speaker phrase of a quotation, read off the dependency parse.

Patterns covered (the speaker is the token returned; the cue is the verb as written):
- "X said", "said X", "X told reporters", "Kerry stressed", "X, a political analyst, said";
- "X was quoted as saying", "an agency quoted X as saying", "an agency cites X as saying": X, the
  object (or passive subject) of quote/cite, never the agency;
- "according to X": X, the object of "to";
- "who said" in a relative clause: the noun the clause hangs on;
- "..., saying" / "and said": the subject of the verb the cue is attached to;
- "The result led Doe to declare": the object of the verb above the infinitive cue;
- "the statement read": a document verb, only with a text as its subject.
When the parse's speaker cannot be one (inside the quoted words, a date or time, a dateline, a
line above the cue), or the parse gives none, the name next to the quote or the cue is taken
(""...," Doe, now 81, said", ""...," said Jane Doe, a lawyer").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from detente.actors.lookup import MentionIndex
from detente.quotes.lexicon import Cues
from detente.records import Actor, replace

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Children that are not part of the speaker's own phrase: "Berg[, a political analyst,]",
# "Burns[, who told him]", "Kerry [and Lavrov]".
_NOT_IN_PHRASE = frozenset({"appos", "relcl", "acl", "punct", "cc", "conj", "advcl", "parataxis", "prep"})
# Punctuation that ends the speaker's phrase ("president-elect" keeps its hyphen).
_PHRASE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", '"', "“", "”"})
_RELATIVE_TAGS = frozenset({"WP", "WDT", "WP$"})
# Speaker phrases that name nobody: "it" in "it is said", expletives.
_EMPTY_SPEAKERS = frozenset({"it", "there", "this", "that", "what", "which"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Attribution:
    cue: Token  # the cue word ("said", "quoted", "according")
    # As written: "said", "according to"; None when no word cues the quote (a quote standing
    # after a sentence about its speaker).
    cue_text: str | None
    speaker: Actor
    speaker_token: Token | None = None  # the head of the speaker phrase


def is_cue(tok: Token, cues: Cues, *, indirect: bool = False) -> bool:
    """A reporting verb (or "according" of "according to") that can attribute a quote."""
    lemma = tok.lemma_.lower()
    if according_length(tok, cues):
        return True
    if not indirect and lemma in cues.document_verbs and tok.pos_ == "VERB":
        # "the statement read: ...": only a text reads out words ("she read the report" does not).
        subject = next((c for c in tok.children if c.dep_ in _SUBJECT_DEPS), None)
        return subject is not None and subject.lemma_.lower() in cues.documents
    if lemma not in (cues.indirect if indirect else cues.speech):
        return False
    if tok.pos_ not in ("VERB", "AUX") and not tok.tag_.startswith("VB"):
        return False
    if any(c.dep_ == "neg" for c in tok.children):
        return False  # "would not comment": nothing said
    if lemma in cues.not_with_xcomp and any(c.dep_ == "xcomp" for c in tok.children):
        return False  # "will continue to be": not reporting anything
    if lemma in cues.bare_only and any(c.dep_ in ("dobj", "prep", "xcomp") for c in tok.children):
        return False  # "the talks went on for hours": nobody speaking
    particle = cues.needs_particle.get(lemma)
    if particle is not None:
        return any(c.dep_ == "prt" and c.lower_ == particle for c in tok.children)
    return True


def according_length(tok: Token, cues: Cues) -> int:
    """The number of words of the multi-word cue ("according to") starting at `tok`, else 0."""
    low = tok.lower_
    if low not in cues.according_starts:
        return 0  # (most words: read the token once)
    doc = tok.doc
    for words in cues.according:
        if low == words[0] and tok.i + len(words) <= len(doc):
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
                return _author_of_source(c, cues)
        return None
    quoting = _quoting_verb(cue, cues)
    if quoting is not None and (quoting.lemma_.lower() == "quote" or quoting is not cue or _has_as(quoting)):
        # The quoted person is the object ("quoted Berg as saying") or, in the passive, the
        # subject ("Berg was quoted as saying"); the agency doing the quoting never speaks.
        for dep in ("dobj", "nsubjpass"):
            for c in quoting.children:
                if c.dep_ == dep:
                    return c
        return None
    if cue.lemma_.lower() in cues.addressee_verbs and any(c.dep_ == "auxpass" for c in cue.children):
        # "the minister was asked whether ...": the one asked is no speaker; the asker is the
        # agent ("was asked by reporters"), or nobody the text names
        return _object_of(next((c for c in cue.children if c.dep_ == "agent"), None))
    verb = cue
    for _ in range(3):
        subj = next((c for c in verb.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is not None:
            if subj.tag_ in _RELATIVE_TAGS and verb.dep_ == "relcl":
                return verb.head
            return subj
        # "ended by saying", "in saying so": the subject of the verb the preposition hangs on.
        if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" and verb.head.head.pos_ in ("VERB", "AUX"):
            verb = verb.head.head
            continue
        # "..., saying", "met and said", "went on to say": the subject of the verb it hangs on.
        if verb.dep_ in ("conj", "advcl", "xcomp") and verb.head is not verb:
            if verb.dep_ == "xcomp" and verb.head.pos_ == "ADJ" and verb.head.dep_ == "acomp":
                # "farmers are more inclined to say", "he was quick to add": the copula's subject
                # speaks; "it will be possible to say" names nobody
                subj = next((c for c in verb.head.head.children if c.dep_ in _SUBJECT_DEPS), None)
                if subj is None or subj.dep_ == "expl" or subj.lower_ in ("it", "there"):
                    return None
                return subj
            if verb.dep_ == "xcomp" and verb.head.pos_ not in ("VERB", "AUX"):
                return None  # nobody is saying anything
            if verb.dep_ == "xcomp":
                # "The result led her to declare", "urged Doe to say": the object of the verb
                # above is the one who speaks (object control), not its subject.
                obj = next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
                # Only a person or a body can be made to speak ("used an expletive to describe").
                someone = obj is not None and (
                    obj.pos_ in ("PROPN", "PRON") or obj.ent_type_ in ("PERSON", "ORG", "NORP")
                )
                if someone and verb.head.lemma_.lower() not in cues.subject_control:
                    return obj
            verb = verb.head
            if verb.dep_ == "ccomp" and verb.head is not verb and verb.head.lemma_.lower() in cues.speech:
                # "He said the convention could be "messy," adding ...": the adding hangs on
                # the reported clause; the speaker is the one who said it.
                verb = verb.head
            continue
        if verb.dep_ == "relcl":
            return verb.head
        if verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.lemma_.lower() in cues.documents:
            return _document_author(verb.head)
        if verb is not cue:
            return None
        return _mislabelled_subject(cue) or _left_neighbour(cue) or _right_neighbour(cue, cues)
    return None


# Prepositions that name who made a report: "a report from X", "an analysis by X", "interviews
# with X"; and the agent of a participle on it ("a filing lodged by X").
_AUTHOR_PREPS = frozenset({"from", "by", "with"})


def _author_of_source(source: Token, cues: Cues) -> Token:
    """ "according to a new study from the Grain Council": the council, not the study, when
    the text names who made it."""
    if source.lemma_.lower() not in cues.documents:
        return source
    for c in source.children:
        if c.dep_ == "prep" and c.lower_ in _AUTHOR_PREPS:
            return _object_of(c) or source
        if c.dep_ == "acl" and any(g.dep_ == "agent" for g in c.children):
            return _object_of(next(g for g in c.children if g.dep_ == "agent")) or source
    return source


def _object_of(preposition: Token | None) -> Token | None:
    """The object of a preposition or an agent's "by" ("by reporters" -> reporters)."""
    if preposition is None:
        return None
    return next((g for g in preposition.children if g.dep_ == "pobj"), None)


def _document_author(document: Token) -> Token:
    """ "Doe issued a statement saying ...": the one who issued the text speaks; a text with no
    issuer in the clause ("a banner saying ...", "the statement, saying ...") speaks itself."""
    if document.dep_ == "dobj":
        subj = next((c for c in document.head.children if c.dep_ in _SUBJECT_DEPS), None)
        if subj is not None and subj.tag_ not in _RELATIVE_TAGS:
            return subj
    return document


def _mislabelled_subject(cue: Token) -> Token | None:
    """ "About 4 in 10 say ...", "Half said ...": a count or share before the cue that the parser
    hung on it as a modifier rather than as its subject."""
    lefts = [c for c in cue.lefts if not c.is_punct]
    if not lefts:
        return None
    tok = lefts[-1]  # the one next to the verb
    if tok.dep_ in ("nummod", "npadvmod", "dep", "nmod") and (tok.pos_ == "NUM" or tok.like_num):
        return tok
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


def _has_as(verb: Token) -> bool:
    """ "cites Berg as saying": the "as" that makes the object the one quoted ("citing fears of
    terrorism" names no speaker: its subject cites)."""
    ases = [c for c in verb.children if c.lower_ == "as"]
    ases += [g for c in verb.children if c.dep_ == "dobj" for g in c.children if g.lower_ == "as"]
    # "as saying", "as having said": the "as" governs a verb ("cited the drought as a cause" is no
    # quoting of the tax)
    return any(any(c.pos_ in ("VERB", "AUX") for c in a.children) for a in ases)


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
        # "The director of the Institute, Anna Berg, said": the name says who.
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
    doc = tok.doc
    # A phrase stops at a paragraph break (a timestamp line the parser joined to the sentence)
    # and at a spaced dash ("BERLIN, Feb 22 (Agency) - Chancellor Doe said").
    while start - 1 in kept and "\n" not in doc[start - 1].text_with_ws and not _spaced_dash(doc, start - 1):
        start -= 1
    while end + 1 in kept and "\n" not in doc[end].text_with_ws:
        end += 1
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end].is_punct or doc[end].is_space):
        end -= 1
    return start, end + 1


def _spaced_dash(doc: Doc, i: int) -> bool:
    """A dash standing apart from the words on both sides (not "U.S.-backed")."""
    return doc[i].text in ("-", "--", "–", "—") and bool(doc[i].whitespace_) and i > 0 and bool(doc[i - 1].whitespace_)


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


# Entity types that never speak: "said Wednesday", a timestamp line parsed as a subject.
_NOT_SPEAKER_ENTS = frozenset({"DATE", "TIME"})
# Words that may make up a speaker phrase next to its cue when the parse gives none.
_PHRASE_POS = frozenset({"PROPN", "NOUN", "DET", "ADJ", "PART", "NUM"})
# How far (tokens) a speaker phrase next to its cue may reach.
_MAX_ADJACENT = 8


def attribute(cue: Token, cues: Cues, index: MentionIndex, inside: Sequence[bool] | None = None) -> Attribution | None:
    """The speaker of `cue`. `inside` marks the tokens within quotation marks: a speaker there is
    the parser taking the quote's last noun for the subject (""... the more people," Briggs
    said"), so the name next to the cue is taken instead."""
    tok = speaker_token(cue, cues)
    if tok is not None and not _plausible(tok, cue, cues, inside):
        # ""..., telling the crowd, "Some people..."": the parser hung the participle on the
        # quoted words; its subject is the main clause's, before it.
        tok = _participle_subject(cue, inside) or tok
    if tok is None or not _plausible(tok, cue, cues, inside):
        # With no subject at all, only the name right after the quote is safe to take.
        bounds = _after_quote(cue, inside) if tok is None else _adjacent_speaker(cue, cues, inside)
        if bounds is None:
            return None
        start, end = bounds
        actor = speaker_actor(cue.doc[end - 1], index, bounds=(start, end))
        if actor is None:
            return None
        return Attribution(cue=cue, cue_text=cue_text(cue, cues), speaker=actor, speaker_token=cue.doc[end - 1])
    actor = speaker_actor(tok, index)
    if actor is None:
        return None
    return Attribution(cue=cue, cue_text=cue_text(cue, cues), speaker=actor, speaker_token=tok)


def _participle_subject(cue: Token, inside: Sequence[bool] | None) -> Token | None:
    """The subject of the main clause before a participle cue set off by a comma ("Doe seemed
    ready, telling reporters, "...""), when the parse attached the participle elsewhere."""
    doc = cue.doc
    if cue.tag_ != "VBG" or inside is None or cue.i == 0 or doc[cue.i - 1].text != ",":
        return None
    j = cue.i - 2
    while j >= 0 and cue.i - j <= _MAX_PARTICIPLE_REACH and "\n" not in doc[j].text_with_ws:
        t = doc[j]
        if (
            not inside[t.i]
            and t.dep_ in _SUBJECT_DEPS
            and (t.head.dep_ == "ROOT" or t.head.i == cue.head.i or t.head in cue.ancestors)
            and t.head.i < cue.i
            and not inside[t.head.i]
            and t.tag_ not in _RELATIVE_TAGS
        ):
            return t
        j -= 1
    return None


# How far back (tokens) the main clause's subject of a participle cue may stand.
_MAX_PARTICIPLE_REACH = 40


def _plausible(tok: Token, cue: Token, cues: Cues, inside: Sequence[bool] | None) -> bool:
    """A speaker the parse gives is one when it lies outside the quoted words, is no date, time
    or dateline, and stands in the cue's paragraph (a timestamp line above is not a subject)."""
    if inside is not None and inside[tok.i] and not according_length(cue, cues):
        return False  # ("according to" may well name a title in quotes)
    if (tok.ent_type_ in _NOT_SPEAKER_ENTS and not _is_age(tok)) or _is_dateline(tok):
        return False
    # A name in a line above the cue (a headline, a dateline, a timestamp) does not speak; the
    # parse may join paragraphs, but a subject is not separated from its verb by a paragraph.
    return not (tok.i < cue.i and "\n" in tok.doc[tok.i : cue.i].text)


def _is_age(tok: Token) -> bool:
    """ "said the 52-year-old": a person named by age, which the tagger marks as a date."""
    doc = tok.doc
    return (
        tok.lower_ == "old" and tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("year", "years")
    )


def _adjacent_speaker(cue: Token, cues: Cues, inside: Sequence[bool] | None) -> tuple[int, int] | None:
    """Token bounds of the noun phrase right before the cue ("...," Briggs said), else right after
    it ("...," said former executive Jane Doe), when the parse named no plausible speaker."""
    doc = cue.doc
    if cue.tag_ == "VBG":
        return None  # "..., saying": the words next to a participle are not its subject

    def usable(t: Token) -> bool:
        return (
            t.pos_ in _PHRASE_POS
            and not (inside is not None and inside[t.i])
            and t.ent_type_ not in _NOT_SPEAKER_ENTS
            and "\n" not in t.text_with_ws
        )

    # Before the cue, between it and the quote: a subject the parse hung on some other verb
    # (""...," Mr. Doe, now 81 and retired, said": "Doe" is the subject of "retired").
    j = cue.i - 1
    while j >= 0 and cue.i - j <= 2 * _MAX_ADJACENT and not (inside is not None and inside[j]):
        t = doc[j]
        if "\n" in t.text_with_ws and j < cue.i - 1:
            break
        if t.dep_ in _SUBJECT_DEPS and t.pos_ in ("PROPN", "NOUN", "PRON") and t.tag_ not in _RELATIVE_TAGS:
            if t.lower_ not in _EMPTY_SPEAKERS and _plausible(t, cue, cues, inside):
                return phrase_bounds(t)
            break
        j -= 1
    after = _after_quote(cue, inside)
    if after is not None:
        return after
    # Before the cue: the run of nominal words ending right before it.
    end = cue.i
    start = end
    while start - 1 >= 0 and cue.i - (start - 1) <= _MAX_ADJACENT and usable(doc[start - 1]):
        start -= 1
    last = doc[end - 1] if end > 0 else cue
    # The object of another verb ("who spoke to discuss strategy said") is not the speaker.
    taken = last.dep_ in ("dobj", "pobj", "attr") and last.head is not cue
    if start < end and last.pos_ in ("PROPN", "NOUN") and not taken:
        return start, end
    if cue.i > 0 and doc[cue.i - 1].tag_ == "PRP" and not (inside is not None and inside[cue.i - 1]):
        return cue.i - 1, cue.i  # "...," he said
    # After the cue (not for "told Megyn": its object is the one spoken to).
    # Only inverted after the quote ("...," said Jane Doe); elsewhere the words after a cue are
    # what was said, not who said it.
    if cue.lemma_.lower() in cues.addressee_verbs or cue.i == 0 or not doc[cue.i - 1].is_punct:
        return None
    start = end = cue.i + 1
    while end < len(doc) and end - cue.i <= _MAX_ADJACENT and usable(doc[end]):
        end += 1
    while end > start and doc[end - 1].pos_ not in ("PROPN", "NOUN"):
        end -= 1
    if end > start and (doc[start].pos_ in ("DET", "PROPN", "ADJ") or doc[start].pos_ == "NOUN"):
        return start, end
    return None


def _after_quote(cue: Token, inside: Sequence[bool] | None) -> tuple[int, int] | None:
    """ ""...," Jane Doe, a senior adviser, said": the name that opens the attribution right after
    the quote, when the parse gave the cue no subject outside it. Token bounds, or None."""
    if inside is None:
        return None
    doc = cue.doc
    j = cue.i - 1
    while j >= 0 and not inside[j] and cue.i - j <= _MAX_AFTER_QUOTE:
        if "\n" in doc[j].text_with_ws:
            return None
        j -= 1
    if j < 0 or not inside[j]:
        return None
    start = j + 1
    while start < cue.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    if start == cue.i:
        # ""...," said Jane Doe, a lawyer": the cue right after the quote, the name after it.
        start = end = cue.i + 1
        while end < len(doc) and end - start < _MAX_ADJACENT and doc[end].pos_ in _PHRASE_POS:
            end += 1
        if end == start or doc[end - 1].pos_ not in ("PROPN", "NOUN") or doc[start].pos_ in ("NUM", "PART"):
            return None
        if end < len(doc) and doc[end].text not in (",", ".", "(", ";") and not doc[end].is_space:
            return None
        return start, end
    end = start
    while end < cue.i and doc[end].pos_ in _PHRASE_POS and doc[end].ent_type_ not in _NOT_SPEAKER_ENTS:
        end += 1
    if end == start or doc[end - 1].pos_ not in ("PROPN", "NOUN"):
        return None
    if end < cue.i and doc[end].text != ",":
        return None  # the name must be followed by its apposition or by the cue
    return start, end


# How far (tokens) a cue may follow the quote for the name after the quote to be its speaker.
_MAX_AFTER_QUOTE = 30


def _is_dateline(tok: Token) -> bool:
    """ "LONDON (Reuters) - Doe said": the place in capitals opening a paragraph before a dash."""
    doc = tok.doc
    first = tok.i == 0 or "\n" in doc[tok.i - 1].text_with_ws
    if not first or not tok.text.isupper() or len(tok.text) < 3:
        return False
    return any(t.text in ("-", "—", "–", "(") for t in doc[tok.i + 1 : tok.i + 5])
