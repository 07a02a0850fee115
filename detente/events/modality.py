"""The modality of a predicate: asserted, planned (future), possible (hypothetical), or not an
event at all (negated, denied). Read off the parse around the predicate and up the chain of
clauses that govern it: open complements ("plans to visit", "failed to agree"), co-ordination,
and content clauses of sayings, denials and wishes ("did not say X attacked", "hoped X would")."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from detente.events.lexicon import Settings
from detente.events.syntax import went_on
from detente.records import Modality


def modality(verb: Token, settings: Settings, lemma: Callable[[Token], str]) -> Modality | None:
    """asserted / future / hypothetical, or None when the action is negated."""
    s = settings
    result: Modality = "asserted"
    t = verb
    first = True
    for _ in range(8):
        kids = list(t.children)
        if first or t.dep_ != "conj":
            if any(c.dep_ == "neg" or (c.lower_ in s.negators and c.dep_ in ("advmod", "neg")) for c in kids):
                return None
            if any(
                c.dep_ in ("nsubj", "nsubjpass")
                and any(g.dep_ in ("det", "preconj") and g.lower_ in s.negators for g in c.children)
                for c in kids
            ):
                return None  # "no country has recognized ...", "neither X nor Y asked ..."
        for c in kids:
            if c.dep_ == "aux" and c.tag_ == "MD":
                word = c.lower_
                if word in s.future_aux:
                    result = _stronger(result, "future")
                elif word == "would":
                    result = _stronger(result, "future" if _reported(t, s.speech_verbs) else "hypothetical")
                elif word in s.hypothetical_aux:
                    result = "hypothetical"
            elif c.dep_ == "mark" and c.lower_ in s.conditional_marks | s.irrealis_marks:
                result = "hypothetical"
            elif (
                c.dep_ == "advcl"
                and any(g.dep_ == "mark" and g.lower_ in s.conditional_marks for g in c.children)
                and not any(g.dep_ == "advmod" and g.lower_ in s.concessive_adverbs for g in c.children)
            ):  # ("welcomed X, even if ...": a concession, not a condition)
                # "will withdraw unless ...", "said they would meet X if ...": a planned action
                # on a condition is still a stated intent (or threat); anything else is a maybe.
                if not any(a.dep_ == "aux" and a.tag_ == "MD" and a.lower_ in s.future_aux | {"would"} for a in kids):
                    result = "hypothetical"
        if first and t.dep_ != "ROOT" and _inverted(kids):
            result = "hypothetical"  # "it would have helped had X agreed": a condition
        first = False
        if t.dep_ == "acomp" and t.head.lemma_.lower() == "be":
            t = t.head  # "is ready to ...": the copula adds nothing
            continue
        if t.dep_ == "xcomp" or (t.dep_ == "acomp") or _open_clause(t) or went_on(t):
            head = t.head
            word = head.lemma_.lower()
            if word in s.negating_heads:
                return None
            if word == "be" and any(
                c.dep_ in ("acomp", "attr", "expl") or (c.dep_ == "nsubj" and c.lower_ == "it") for c in head.children
            ):
                result = "hypothetical"  # "it was premature to back X": judged, not planned ("was to arrive" is)
            elif word in s.future_heads and not went_on(t):
                # ("is going to meet X" is planned; "went on to attack X" is told as done)
                result = _stronger(result, "future")
            elif word in s.hypothetical_heads:
                result = "hypothetical"
            elif word not in s.transparent_heads:
                # "called on X to resume talks": the complement is asked for, not done.
                result = "hypothetical"
            t = head
            continue
        if t.dep_ == "conj" and t.head.i != t.i:
            t = t.head
            continue
        if t.dep_ == "acl" and t.head.pos_ in ("NOUN", "PROPN") and lemma(t.head) in s.irrealis_nouns:
            return "hypothetical"  # "his request that X extradite Y": asked for, not done
        if t.dep_ == "ccomp" and t.head.i != t.i:
            word = lemma(t.head)
            if word in s.negating_heads:
                return None  # "denied that X had attacked"
            if word in s.irrealis_heads:
                return "hypothetical"  # "hoped X would attack", "suggested X send troops"
            if word in s.speech_verbs:
                # "did not say X attacked", "if X says Y attacked": the saying's own negation,
                # modal or condition governs what it reports.
                t = t.head
                continue
        break
    return result


def _stronger(a: Modality, b: Modality) -> Modality:
    order = {"asserted": 0, "future": 1, "hypothetical": 2}
    return a if order[a] >= order[b] else b


def _reported(verb: Token, speech: frozenset[str]) -> bool:
    t = verb
    for _ in range(4):
        if t.dep_ in ("ccomp", "conj") and t.head.i != t.i:
            t = t.head
            if t.lemma_.lower() in speech:
                return True
            continue
        return False
    return False


# Verbs whose complement is a bare infinitive with its own subject ("let X go", "made X pay").
_BARE_INFINITIVE_HEADS = ("let", "make", "have", "help", "see", "watch", "hear")


def _open_clause(verb: Token) -> bool:
    """ "allow X to support Y", "let X advise Y", "get X and Y working together": a complement
    with its own subject but no tense of its own, which the parser reads as a content clause. Like
    an open complement it is what the governing verb asks for, allows or plans, not what was done;
    a finite clause ("said X supported Y") and a subjunctive one ("demanded that X withdraw") are
    not."""
    if verb.dep_ != "ccomp" or verb.head.i == verb.i:
        return False
    # "Let the Nations advise": after a verb that takes a bare infinitive, the model often tags
    # the infinitive as a present (its form is the same).
    bare = verb.tag_ == "VBP" and verb.head.lemma_.lower() in _BARE_INFINITIVE_HEADS
    if verb.tag_ not in ("VB", "VBG") and not bare:
        return False
    kids = list(verb.children)
    if any(c.dep_ == "mark" for c in kids) or any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in kids):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in kids)


def _inverted(kids: list[Token]) -> bool:
    """A subordinate clause with its auxiliary before its subject and no question ("had X
    agreed", "were Y to attack", "should Z refuse"): a condition, not a fact."""
    aux = next((c for c in kids if c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "were", "should")), None)
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    return aux is not None and subj is not None and aux.i < subj.i and not any(c.text == "?" for c in kids)
