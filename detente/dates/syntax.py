"""What the parse says about a time expression: the token it attaches to, and the tense of the
verb that governs it (which decides whether "on Thursday" is last Thursday or next)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.dates.rules import Tense

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
# Heads of an infinitive that point forward: "plans to visit on Tuesday", "is due to meet".
_FORWARD_HEADS = frozenset(
    {"plan", "expect", "schedule", "due", "likely", "set", "hope", "intend", "want", "agree", "go",
     "prepare", "aim", "promise", "propose", "seek", "try", "decide", "invite", "ready", "able", "be"}
)
_CLIMB = 6  # parse paths longer than this are not trusted for tense


def anchor_token(doc: Doc, start: int, end: int) -> int | None:
    """Index of the token the expression at [start, end) attaches to: through its preposition
    to the verb or noun of its clause ("met on Thursday" -> met; "the 1991 treaty" -> treaty)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    steps = 0
    while token.head.i != token.i and (token.head.pos_ in ("ADP", "SCONJ") or span.start <= token.head.i < span.end) and steps < _CLIMB:
        token = token.head
        steps += 1
    if token.head.i == token.i:
        return token.i
    return token.head.i


def _finite_tense(verb: Token) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if lowers & _FUTURE_AUX:
        return "future"
    if "to" in lowers or (verb.tag_ == "VB" and not auxes and verb.dep_ in ("xcomp", "advcl")):
        return None  # an infinitive: its head decides
    if verb.tag_ == "VBN" and not auxes and verb.dep_ in ("acl", "advcl") and not any(c.dep_ == "mark" for c in verb.children):
        # a reduced relative or a participle aside ("the terms, announced Friday, ..."): done
        # by the telling; "if approved Friday" (a mark) is not
        return "past"
    if verb.tag_ == "VBN" and verb.lemma_ in _FORWARD_HEADS and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "is expected in December", "are scheduled for Monday"
    if verb.tag_ in ("VBG", "VBN") and not auxes:
        return None  # a participle ("representing", "set to resume"): its head decides
    if verb.tag_ in ("VBD", "VBN") or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if any(a.lemma_ == "have" for a in auxes):
        return "past"  # present perfect: done by now
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "are meeting on Tuesday": the present progressive plans
    if verb.tag_ in ("VBZ", "VBP", "MD"):
        return "present"
    if verb.tag_ == "VBG" and any(a.tag_ == "VBD" for a in auxes):
        return "past"
    return None


def tense(doc: Doc, anchor: int | None) -> Tense:
    """The tense of the clause the anchor token belongs to, climbing infinitives to their head."""
    if anchor is None:
        return "none"
    token = doc[anchor]
    steps = 0
    while token.pos_ not in ("VERB", "AUX") and token.head.i != token.i and steps < _CLIMB:
        token = token.head
        steps += 1
    if token.pos_ not in ("VERB", "AUX"):
        return "none"
    infinitive_seen = False
    for _ in range(_CLIMB):
        found = _finite_tense(token)
        if found is not None:
            if infinitive_seen and found == "present":
                return "future"  # "is likely to face talks on Tuesday"
            if infinitive_seen and found == "past":
                # "agreed to buy it in January": the infinitive's time follows its past head,
                # before or after the telling; no direction
                return "none"
            return found
        infinitive_seen = infinitive_seen or any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        if token.head.i == token.i:
            break
        head = token.head
        if head.lemma_ in _FORWARD_HEADS and head.tag_ != "VBD":
            # "is scheduled to close Monday", "set to resume Monday": forward, unless the plan
            # itself is told in the past ("had been due to expire Friday")
            head_aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
            if any(a.tag_ == "VBD" or a.lemma_ == "have" for a in head_aux):
                return "past"
            return "future"
        token = head
    return "none"
