"""What the parse says about a time expression: the token it attaches to, and the tense of the
verb that governs it (which decides whether "on Thursday" is last Thursday or next)."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.dates.lexicon import Lexicon
from detente.dates.values import Tense

_FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
# Modals of obligation and possibility look ahead too ("must leave by Friday", "could vote on
# Tuesday"), unless perfect ("may have died Sunday").
_FORWARD_MODALS = frozenset({"must", "should", "can", "could", "may", "might", "ca"})
# Heads of an infinitive that point forward: "plans to visit on Tuesday", "is due to meet".
_FORWARD_HEADS = frozenset(
    {
        "plan",
        "expect",
        "schedule",
        "due",
        "likely",
        "set",
        "hope",
        "intend",
        "want",
        "agree",
        "go",
        "prepare",
        "aim",
        "promise",
        "propose",
        "seek",
        "try",
        "decide",
        "invite",
        "ready",
        "able",
        "be",
    }
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
    while (
        token.head.i != token.i
        and (token.head.pos_ in ("ADP", "SCONJ") or span.start <= token.head.i < span.end)
        and steps < _CLIMB
    ):
        token = token.head
        steps += 1
    if token.head.i == token.i:
        return token.i
    head = token.head
    return _reported_speech_head(doc, span.start, span.end, head) or _arranged_object(token, head) or head.i


def _reported_speech_head(doc: Doc, start: int, end: int, head: Token) -> int | None:
    """'said on Monday it would expel ...': the parser often hangs the time on the reported
    clause, but a time standing between the telling verb and the reported clause's subject
    belongs to the telling. The head of that clause is returned, else None."""
    if head.dep_ not in ("ccomp", "acl") or head.head.i == head.i:
        return None
    teller = head.head
    # the telling is a verb ("said on Monday it would ...") or, for a clause of content, a
    # noun ("warnings on Thursday that strikes could ...")
    if not (teller.pos_ in (("VERB", "AUX") if head.dep_ == "ccomp" else ("NOUN",)) and teller.i < start):
        return None
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subjects or any(s.left_edge.i < end for s in subjects):
        return None  # the time is inside the reported clause, after its subject
    if any(c.left_edge.i < start and not (c.i <= start and c.right_edge.i >= end - 1) for c in head.children):
        return None  # "agreed that by May 30 they would ...": the clause opens before the time
    if any(teller.i < t.i < start and t.pos_ in ("VERB", "AUX") for t in doc[teller.i + 1 : start]):
        return None  # another verb stands between: the time is not next to the telling
    return teller.i


def _arranged_object(token: Token, head: Token) -> int | None:
    """'called a meeting for Wednesday', 'reported earnings for 1991': a 'for' time of an
    active verb with a direct object is the object's time (the meeting's, the earnings'), not
    the calling's or the reporting's: the object becomes the anchor."""
    prep = token if token.dep_ == "prep" else None
    if prep is None or prep.lower_ != "for" or head.pos_ not in ("VERB", "AUX"):
        return None
    objects = [c for c in head.children if c.dep_ == "dobj" and c.i < prep.i]
    return objects[0].i if objects else None


def _finite_tense(verb: Token, lex: Lexicon) -> Tense | None:
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    lowers = {a.lower_ for a in auxes}
    if (lowers & _FUTURE_AUX or lowers & _FORWARD_MODALS) and "have" in {a.lemma_ for a in auxes}:
        return "past"  # "would have met on Friday", "may have died Sunday": a past conjecture
    if lowers & _FUTURE_AUX or lowers & _FORWARD_MODALS:
        return "future"
    if "to" in lowers or (verb.tag_ == "VB" and not auxes and verb.dep_ in ("xcomp", "advcl")):
        return None  # an infinitive: its head decides
    if (
        verb.tag_ == "VBN"
        and not auxes
        and verb.dep_ in ("acl", "advcl")
        and not any(c.dep_ == "mark" for c in verb.children)
    ):
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
        if verb.lemma_ in lex.telling_verbs:
            return "none"  # "officials say Friday ...": no timetable
        if verb.lemma_ == "be":
            # "the vote is Sunday", "he is due in Berlin on Thursday": a day the present copula
            # names is today or ahead, like a timetable
            return "present"
        if verb.tag_ == "VBP" and _singular_subject(verb):
            # "the slump hurt shares on Friday": a plural-form present with a singular subject
            # is a past form the tagger misread (hurt, cut, set, hit)
            return "past" if verb.lower_ == verb.lemma_ else "none"
        return "present"
    if verb.tag_ == "VBG" and any(a.tag_ == "VBD" for a in auxes):
        return "past"
    return None


def _singular_subject(verb: Token) -> bool:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    subject = subjects[0]
    if any(c.dep_ == "conj" for c in subject.children):
        return False  # "Paris and Berlin meet ..."
    return subject.tag_ in ("NN", "NNP") or subject.lower_ in ("he", "she", "it")


def tense(doc: Doc, anchor: int | None, lex: Lexicon) -> Tense:
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
    from_noun = steps > 0
    for _ in range(_CLIMB):
        found = _finite_tense(token, lex)
        if found == "present" and token.lemma_ == "be" and (from_noun or infinitive_seen):
            # the copula's timetable reading holds for a time on the copula itself ("the vote
            # is Sunday"), not for one on a noun or clause below it
            found = "none"
        if found is not None:
            if infinitive_seen and found == "present":
                return "future"  # "is likely to face talks on Tuesday"
            if infinitive_seen and found == "past":
                # "agreed to buy it in January": the infinitive's time follows its past head,
                # before or after the telling; no direction
                return "open"
            return found
        marked_to = any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
        infinitive_seen = infinitive_seen or marked_to
        if token.head.i == token.i:
            break
        head = token.head
        if head.lemma_ in _FORWARD_HEADS and head.tag_ != "VBD" and (marked_to or token.dep_ == "xcomp"):
            # "is scheduled to close Monday", "set to resume Monday": forward, unless the plan
            # itself is told in the past ("had been due to expire Friday")
            head_aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
            if head.dep_ == "acomp" and any(c.lemma_ == "have" for c in head.head.children if c.dep_ == "aux"):
                # "had been due to expire Friday": a plan whose day has passed; the perfect is
                # on the copula the adjective hangs from ("was likely to buy ... Monday" is a
                # plan told in the past and may still lie ahead)
                head_aux.append(next(c for c in head.head.children if c.lemma_ == "have"))
            if any(a.tag_ == "VBD" or a.lemma_ == "have" for a in head_aux):
                return "past"
            return "future"
        token = head
    return "none"


def object_of(doc: Doc, anchor: int | None) -> int | None:
    """The direct object of the verb at anchor (the thing a misplaced time belongs to), else
    None: the time then dates no clause."""
    if anchor is None:
        return None
    objects = [c for c in doc[anchor].children if c.dep_ in ("dobj", "nsubjpass")]
    return objects[0].i if objects else None
