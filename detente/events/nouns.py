"""Events stated by an event noun ("the visit of X to Y", "X's condemnation of Y", "talks between
X and Y"): the noun's own phrases name its parties, its governing verb its modality."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from detente.events.drafts import Draft
from detente.events.lexicon import Pattern
from detente.events.syntax import ACTOR_MODIFIERS, OBJ, PRONOUNS, SUBJ
from detente.records import Mention, Modality

if TYPE_CHECKING:
    from detente.events.coder import SentenceCoder


def noun_events(
    coder: SentenceCoder,
    noun: Token,
    pattern: Pattern,
    words: list[Token],
    sent_span: tuple[int, int],
    seen: set[tuple],
) -> list[Draft]:
    """The drafts of one matched event noun (none when it is negated, a publication, a time
    frame, or has no source)."""
    if any(c.lower_ in coder.s.negators and c.dep_ in ("det", "neg") for c in noun.children):
        return []
    if coder.check.published_noun(noun, pattern):
        return []  # "the release of a video": put out, not freed
    framed = noun.dep_ == "pobj" and noun.head.lower_ in coder.s.background_preps
    if framed and noun.head.lower_ not in coder.s.contemporary_preps:
        return []  # "after the attack", "since the summit": a time frame, not the news
    governor = noun.head
    while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
        governor = governor.head
    modality: Modality | None = "asserted"
    if governor.pos_ in ("VERB", "AUX"):
        modality = coder.clause_modality(governor)
    if modality is None:
        return []
    preps = [c for c in noun.children if c.dep_ == "prep"]
    source_tok: Token | None = None
    targets: list[Token] = []
    between = next((p for p in preps if p.lower_ == "between"), None)
    if between is not None:
        pobj = next((c for c in between.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            actors = coder.who.actors(pobj, allow_place=False)
            if len(actors) >= 2:
                return coder.drafts(
                    noun,
                    pattern,
                    words,
                    actors[:1],
                    [],
                    modality,
                    sent_span,
                    seen,
                    0.45,
                    target_mentions=actors[1:],
                )
    poss = next((c for c in noun.children if c.dep_ == "poss"), None)
    if poss is not None:
        source_tok = poss
    aside = coder.targets.aside_preps(pattern.code)
    for p in preps:
        if p.lower_ in coder.s.noun_source_preps and source_tok is None:
            source_tok = next((c for c in p.children if c.dep_ == "pobj"), None)
        elif p.lower_ in coder.s.noun_target_preps and not targets:
            if p.lower_ in aside and p.lower_ != pattern.prep:
                continue  # "talks on Syria", "an agreement at the summit": the topic or the venue
            targets = [c for c in p.children if c.dep_ == "pobj"]
    harms = [
        g
        for p in preps
        if p.lower_ == "of" and any(pattern.code.startswith(x) for x in coder.s.harm_stance_prefixes)
        for g in p.children
        if g.dep_ == "pobj" and coder.who.lemma(g) in coder.s.harms
    ]
    if not targets and harms:
        # "a condemnation of X's attack on Y": aimed at who did the harm, not at its victim
        targets = coder.targets.owners(harms[0])
    if not targets and not harms:
        # "a suspension of air links with X": the target phrase may hang off the "of" object.
        for p in preps:
            if p.lower_ == "of":
                for pobj in p.children:
                    for q in pobj.children:
                        if q.dep_ == "prep" and q.lower_ in coder.s.noun_target_preps and not targets:
                            targets = [c for c in q.children if c.dep_ == "pobj"]
    if not targets and not harms and coder.lex.codes[pattern.code].root in coder.s.of_object_roots:
        # "a condemnation of X's test": what a stance is of names (or its owner names) its party
        things = [g for p in preps if p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        targets = [t for t in things if coder.who.actors(t, allow_place=False)] or [
            g
            for t in things
            for g in t.children
            if g.dep_ in ACTOR_MODIFIERS
            and any(m.kind != "place" and not coder.who.is_capital(m) for m in coder.who.actors(g, allow_place=True))
        ][:1]
    if not targets and coder.lex.codes[pattern.code].root in coder.s.clause_target_roots:
        # "its request that X extradite Y": the subject of the noun's content clause.
        targets = [
            g
            for c in noun.children
            if c.dep_ == "acl" and any(m.dep_ == "mark" for m in c.children)
            for g in c.children
            if g.dep_ in SUBJ and g.lower_ not in PRONOUNS
        ][:1]
    sources: list[Mention] = []
    if source_tok is not None:
        sources = coder.who.actors(source_tok, allow_place=False)
        if not sources and source_tok is poss and poss.lower_ in coder.s.plural_possessives:
            sources = coder.who.plural_possessor(noun)
    else:
        # "Russian sanctions against Iran": an actor modifier is the source.
        for c in noun.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                # "the Paris attacks", "a Beijing summit": a capital before an event noun says
                # where it happened, not who acted.
                sources = [m for m in coder.who.actors(c, allow_place=False) if not coder.who.is_capital(m)]
                if sources:
                    break
    if not sources and noun.dep_ in OBJ and coder.lemma(noun.head) in coder.s.light_verbs:
        # "Students staged a demonstration": the light verb's subject is the noun's source.
        subj = coder.who.subject(noun.head, passive=False)
        plural = (
            coder.who.plural_subject(subj) if subj is not None and not coder.who.actors(subj, allow_place=False) else []
        )
        if (
            not plural
            and subj is not None
            and subj.lower_ in PRONOUNS
            and not coder.who.actors(subj, allow_place=False)
        ):
            subj = coder.who.speaker(noun.head, subj.lower_)
        if plural:
            sources = plural
        elif subj is not None:
            sources = coder.who.actors(subj, allow_place=False)
        if sources and not targets:
            for p in noun.head.children:
                if p.dep_ == "prep" and p.lower_ in coder.s.noun_target_preps:
                    targets = [c for c in p.children if c.dep_ == "pobj"]
                    break
    if sources and not targets and source_tok is poss and poss is not None:
        # "the minister's Cuban visit", "X's Syrian airstrikes": with the source its possessor, a
        # country modifier of the noun is the party it is aimed at ("X's television attacks":
        # not a body)
        targets = [
            c
            for c in noun.children
            if c.dep_ in ("amod", "compound", "nmod")
            and any(m.kind in ("country", "place") for m in coder.who.actors(c, allow_place=True))
        ][:1]
    if not sources or (framed and not targets and len(sources) < 2):
        # "during a summit": a time frame; "during X's visit to Y", "during their meeting":
        # both parties named
        return []
    return coder.drafts(noun, pattern, words, sources, targets, modality, sent_span, seen, 0.45)
