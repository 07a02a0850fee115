"""An event before it is numbered (``Draft``), and the rule that keeps one event per clause."""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc

from detente.events.syntax import contrasting
from detente.records import Mention, Modality


@dataclass(frozen=True, slots=True)
class Draft:
    """An event before numbering: spaCy-free except for the token index of its predicate."""

    sent: tuple[int, int]
    trigger: tuple[int, int]
    predicate: int  # token index, for the date
    source: Mention
    target: Mention | None
    code: str
    modality: Modality
    confidence: float
    pattern: str  # the id of the pattern that fired ("verb:meet @with")


def outermost(drafts: list[Draft], doc: Doc, apart: frozenset[str]) -> list[Draft]:
    """One event per clause: an event whose predicate is an argument of another coded predicate
    ("complained over the raids", "demanded that X ease ...") is part of that event, not a second
    one. Coordinated predicates ("arrested X and expelled Y"), a predicate inside a phrase
    co-ordinated with an event ("a trip to X, and talks that Y held"), a contrasting clause with
    a subject of its own ("X did A, while Y did B") and an event noun that frames another
    ("warned X during their meeting") stay separate events: ``apart`` holds the words that mark
    them."""
    preds = {d.predicate for d in drafts}
    if len(preds) < 2:
        return drafts
    nested: set[int] = set()
    for p in preds:
        t = doc[p]
        only_conj = True
        for _ in range(12):
            if t.head.i == t.i or contrasting(t, apart) or (t.dep_ == "pobj" and t.head.lower_ in apart):
                break
            if t.dep_ == "conj" and not only_conj and t.head.i in preds:
                break  # a conjunct of the event is never its argument
            only_conj = only_conj and t.dep_ == "conj"
            t = t.head
            if t.i in preds and t.i != p and not only_conj:
                nested.add(p)
                break
    return [d for d in drafts if d.predicate not in nested]


def key(m: Mention) -> tuple:
    return (m.actor.actor_id or m.actor.name or m.actor.text, m.span)


# Pronouns resolved through coreference: one that stands for the same actor as the other side
# of an event is that side ("the senator ended his bid").
_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers", "himself", "herself"})
_POSSESSIVES = frozenset({"his", "her"})


def same(a: Mention, b: Mention) -> bool:
    """Whether a source ``a`` and a target ``b`` are one actor."""
    if a.span == b.span:
        return True
    if a.actor.actor_id is not None and a.actor.actor_id == b.actor.actor_id:
        return True
    pronoun = a.actor.text.lower() in _PRONOUNS or b.actor.text.lower() in _PRONOUNS
    if (
        b.actor.text.lower() in _POSSESSIVES
        and a.kind == b.kind == "person"
        and a.actor.name is None
        and a.actor.country == b.actor.country
    ):
        # "A Polish senator stated his intention to resign": an unnamed source and a
        # possessive of its country may well be one person; no second party is told
        return True
    return pronoun and replace(a.actor, text="") == replace(b.actor, text="")
