"""Coreference: "he"/"she" resolved to a person named before, by salience and gender; quoted
words are not antecedents of a pronoun in an attribution. "The kingdom", "the Gulf kingdom":
a definite description of a country resolved to the country named last before it."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Span, Token

from detente.actors.passes import emit
from detente.actors.text import PRONOUN_REACH_SENTENCES, SUBJECT_DEPS, ArticleState
from detente.records import Actor, Mention


@dataclass(slots=True)
class _Antecedent:
    """A person mention (or a pronoun already resolved) that a later pronoun may refer to."""

    start: int
    end: int
    sent: int  # sentence number
    subject: bool
    main: bool  # subject of its sentence's main verb
    gender: str | None
    quoted: bool
    actor: Actor
    verb: int = -1  # token index of the verb it is the subject of


def _inside(ranges: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    k = bisect_right(starts, offset) - 1
    return k >= 0 and ranges[k][0] < offset < ranges[k][1]


def _gender_of(state: ArticleState, m: Mention) -> str | None:
    words = {w.lower().strip(",") for w in m.actor.text.split()}
    rules = state.rules
    if words & rules.female_markers:
        return "f"
    if words & rules.male_markers:
        return "m"
    name = m.actor.name or ""
    first = name.split()[0] if name.split() else ""
    return state.kb.gender(first) if first else None


def resolve_pronouns(state: ArticleState) -> None:
    """he/she → a person named before, by salience: the subject of the same sentence, then the
    subjects of the preceding sentences (most recent first), then the nearest person. A known
    gender (first name, "Mrs.") must agree; quoted words are not the antecedent of a pronoun in
    the attribution ('"...," he added' → the speaker introduced before the quote)."""
    doc = state.doc
    people = sorted(
        (m for m in state.mentions if m.kind == "person" and (m.actor.name or m.actor.country)), key=lambda m: m.span[0]
    )
    if not people:
        return
    ranges = list(state.quoted)
    starts = [r[0] for r in ranges]
    sents = state.sents
    sent_starts = [s.start_char for s in sents]
    quoted_sent = [
        _inside(ranges, starts, s.start_char) or state.text[s.start_char : s.start_char + 1] in ('"', "“")
        for s in sents
    ]

    def sent_no(offset: int) -> int:
        return bisect_right(sent_starts, offset) - 1

    def subject_of(tokens: Span) -> tuple[bool, bool, int]:
        for t in tokens:
            dep, head = t.dep_, t.head
            if dep == "appos" and head.dep_ in SUBJECT_DEPS and head.i < tokens.start:
                dep, head = head.dep_, head.head
            if dep in SUBJECT_DEPS:
                return True, head.dep_ == "ROOT", head.i
        return False, False, -1

    pool: list[_Antecedent] = []
    for m in people:
        span = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
        if span is None:
            continue
        subj, main, verb = subject_of(span)
        pool.append(
            _Antecedent(
                m.span[0],
                m.span[1],
                sent_no(m.span[0]),
                subj,
                main,
                _gender_of(state, m),
                _inside(ranges, starts, m.span[0]),
                m.actor,
                verb,
            )
        )
    pool_starts = [c.start for c in pool]  # pool is kept in text order; a pronoun looks back a few sentences

    def reach_start(here: int) -> int:
        """The first sentence ``_choose`` may look at from sentence `here` (its reach, quoted
        sentences not counted), so each pronoun reads only the antecedents near it."""
        reach = 0
        for n in range(here - 1, -1, -1):
            reach += not quoted_sent[n]
            if reach > PRONOUN_REACH_SENTENCES:
                return n + 1
        return 0

    male = {"he", "him", "himself", "his"}
    pronouns = state.rules.person_pronouns
    for tok in (doc[k] for k, w in enumerate(state.low) if w in pronouns):
        low = tok.lower_
        if low not in state.rules.person_pronouns or tok.pos_ != "PRON" or tok.i in state.consumed:
            continue
        gender = "m" if low in male else "f"
        here = sent_no(tok.idx)
        quoted = _inside(ranges, starts, tok.idx)
        # "Burns briefed him": an object pronoun is not the subject of its own verb.
        own_verb = (
            tok.head.i if tok.dep_ in ("dobj", "dative", "iobj") else (tok.head.head.i if tok.dep_ == "pobj" else -2)
        )
        if tok.tag_ == "PRP$" and _unknown_subject(tok, pool_starts):
            continue  # "After X's visit, Boric repeated his request": likely the clause's own subject's
        near = pool[bisect_left(pool_starts, sent_starts[reach_start(here)]) : bisect_left(pool_starts, tok.idx)]
        before = [
            c
            for c in near
            if c.end <= tok.idx and (c.gender is None or c.gender == gender) and not (c.subject and c.verb == own_verb)
        ]
        chosen = _choose(before, here, quoted, quoted_sent)
        if chosen is None:
            continue
        mention = emit(state, tok.i, tok.i + 1, chosen.actor, "person")
        is_subject = tok.dep_ in SUBJECT_DEPS
        at = bisect_right(pool_starts, mention.span[0])  # after equal starts, as a stable sort puts it
        pool_starts.insert(at, mention.span[0])
        pool.insert(
            at,
            _Antecedent(
                mention.span[0],
                mention.span[1],
                here,
                is_subject,
                is_subject and tok.head.dep_ == "ROOT",
                gender,
                quoted,
                chosen.actor,
                tok.head.i if is_subject else -1,
            ),
        )


def _unknown_subject(tok: Token, known_starts: list[int]) -> bool:
    """Whether a possessive pronoun most likely refers to its clause's named subject that no
    earlier person antecedent can stand for: a name after it ("At the end of his visit,
    Boric thanked the hosts": the name comes later), or one before it that no person mention covers."""
    verb = tok
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    subj = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subj is None or subj.pos_ != "PROPN":
        return False
    if subj.i > tok.i:
        return True
    first = subj.left_edge.idx
    return not any(first <= s <= subj.idx for s in known_starts)


def _choose(before: list[_Antecedent], here: int, quoted: bool, quoted_sent: list[bool]) -> _Antecedent | None:
    """The most salient antecedent (see resolve_pronouns)."""
    if not before:
        return None
    same = [c for c in before if c.sent == here and c.quoted == quoted]
    subjects = [c for c in same if c.subject]
    if subjects:
        return subjects[-1]
    if same:
        return same[-1]
    # Earlier sentences, most recent first; sentences inside a quote do not count towards the
    # reach, so an attribution after a long quote still finds its speaker.
    outside = [c for c in before if not c.quoted] if not quoted else [c for c in before if c.quoted]
    reach = 0
    for n in range(here - 1, -1, -1):
        if not quoted_sent[n]:
            reach += 1
        if reach > PRONOUN_REACH_SENTENCES:
            break
        in_sent = [c for c in outside if c.sent == n]
        if not in_sent:
            continue
        subjects = [c for c in in_sent if c.subject]
        if subjects:
            main = [c for c in subjects if c.main]
            return (main or subjects)[0]
        if quoted:
            return None  # inside a quote, only a clear subject is taken
        return in_sent[-1]
    return None


def resolve_country_descriptions(state: ArticleState) -> None:
    """ "The kingdom", "the Gulf kingdom", "the Andean nation": a definite description of
    a country (``country_description_nouns`` with a modifier, ``bare_country_nouns`` alone) names
    the country mentioned last before it, in its sentence or the few before ("the kingdom": the
    last monarchy, ``monarchies``). Not a description with an owner, a defining phrase or clause
    ("the country of X", "the country that ..."), a number or a modifier naming a country or
    making it generic ("the other country"); and not the subject of its own clause when it is
    that clause's object ("X condemned the country" is not X)."""
    rules, doc = state.rules, state.doc
    nouns = rules.country_description_nouns | rules.bare_country_nouns
    if not nouns:
        return
    named = sorted(
        (m for m in state.mentions if m.kind in ("country", "place") and m.actor.country),
        key=lambda m: m.span[0],
    )
    starts = [m.span[0] for m in named]
    sent_starts = [s.start_char for s in state.sents]
    for tok in (doc[k] for k, w in enumerate(state.low) if w in nouns):
        if tok.tag_ not in ("NN", "NNP") or tok.i in state.consumed:
            continue
        kids = list(tok.children)
        mods = [c for c in kids if c.dep_ in ("amod", "compound", "npadvmod")]
        if not any(c.dep_ == "det" and c.lower_ == "the" for c in kids) or any(
            c.dep_ in ("poss", "nummod", "relcl", "acl") or (c.dep_ == "prep" and c.lower_ == "of") for c in kids
        ):
            continue
        if tok.lower_ not in rules.bare_country_nouns and not mods:
            continue
        words = [w for c in mods for w in c.subtree]
        if any(w.lower_ in rules.generic_country_modifiers or w.i in state.consumed for w in words):
            continue
        # "the former Soviet republic": not the Soviet Union, but a country that was part of it
        former = tok.lower_ in rules.former_part_nouns and any(w.lower_ in rules.former_markers for w in words)
        was_part_of = {
            e.country for w in words for e in state.kb.lookup(w.text) if e.kind in ("adjective", "name", "demonym")
        }
        if was_part_of and not former:
            continue  # "the Syrian state": a country of its own, not a description
        here = bisect_right(sent_starts, tok.idx) - 1
        reach = sent_starts[max(0, here - PRONOUN_REACH_SENTENCES)]
        verb = tok.head if tok.dep_ in ("dobj", "pobj", "attr") else None
        binding = (
            {g.i for c in verb.children if c.dep_ in SUBJECT_DEPS for g in c.subtree} if verb is not None else set()
        )
        before = named[bisect_left(starts, reach) : bisect_left(starts, tok.idx)]
        before = [m for m in before if not any(doc[k].idx == m.span[0] for k in binding)]
        if tok.lower_ in rules.monarchy_nouns:
            before = [m for m in before if m.actor.country in rules.monarchies]
        before = [m for m in before if m.actor.country not in was_part_of]
        if not before:
            continue
        antecedent = before[-1]
        code = antecedent.actor.country
        country = state.kb.country(code) if code else None
        if country is None:
            continue
        first = min(c.i for c in kids if c.dep_ == "det")
        emit(
            state, first, tok.i + 1, Actor(text="", name=country.name, actor_id=country.alpha3, country=code), "country"
        )
