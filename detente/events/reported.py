"""Reported speech and the time of an event: what a report adds to the events it states.

Composition follows PETRARCH2 (openeventdata/petrarch2, the TRANSFORMATIONS block of
``petrarch2/data/dictionaries/CAMEO.2.0.txt`` and ``utilities.combine_code``): a saying with a
nested event takes the nested event's code ("a (a b Q) SAY = a b Q"), and a speaker who says
that another actor attacked accuses it ("a (b . ATTACK) SAY = a b 112"). The saying itself is
no event unless it is about or addressed to another actor (output contract).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from detente.dates import TimeIndex
from detente.events.lexicon import Lexicon, Settings
from detente.records import DateWindow, Mention, Modality

# A past act with no date of its own is told in the time the text last named when that time is
# this many days before publication or fewer ("Mr. X arrived on Thursday. ... He met Y").
NEWS_DAYS = 5

# Dependents that start another clause: not part of the words that place an act in time.
_OTHER_CLAUSE = {"ccomp", "advcl", "conj", "parataxis", "relcl", "acl", "xcomp", "csubj"}


def accusations(
    speakers: list[Mention],
    reported: list[tuple[Mention, Mention | None, str, Modality]],
    settings: Settings,
) -> list[tuple[Mention, Mention]]:
    """(speaker, accused) for each reported act of another country's actor that is an attack,
    coercion or a breach of law (``accused_prefixes``), stated as done (not planned or
    possible). An act by the speaker's own side is the speaker's own claim, not an accusation;
    an act against a third party or against no one named ("police said troops of X seized a
    rebel base") is a report, not an accusation: the act must be against the speaker's side,
    or be a breach of law (``breach_prefixes``: "X says Y violated the treaty"). An
    international body or a non-governmental monitor (``monitor_countries``: "a UN panel said
    the army shelled villages") has no side: its report of another's attack accuses."""
    out: list[tuple[Mention, Mention]] = []
    for speaker in speakers:
        country = speaker.actor.country
        if country is None:
            continue
        monitor = country in settings.monitor_countries
        for source, target, code, modality in reported:
            if modality != "asserted" or source.actor.country in (None, country):
                continue
            if not monitor:
                if target is None and not any(code.startswith(p) for p in settings.breach_prefixes):
                    continue  # an attack on no one named: a report of fighting, not an accusation
                if target is not None and target.actor.country != country:
                    continue
            if not any(code.startswith(p) for p in settings.accused_prefixes):
                continue
            if all(source.span != accused.span for _, accused in out):
                out.append((speaker, source))
    return out


def reporting_verb(token: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The saying a clause is the content of ("X said Y had attacked": "said"), else None."""
    t = token
    for _ in range(6):
        if t.head.i == t.i:
            return None
        if t.dep_ == "ccomp" and t.head.lemma_.lower() in speech_verbs:
            return t.head
        if t.dep_ not in ("ccomp", "conj", "xcomp"):
            return None
        t = t.head
    return None


def placed_in_past(token: Token, markers: frozenset[str], longstanding: frozenset[str] = frozenset()) -> bool:
    """Whether the predicate's own words place it before the article without a date ("signed
    long ago", "the wartime alliance", "a letter his predecessor wrote"), or say it has gone on
    for long ("had long blocked", "has long backed": an adverb of the predicate itself)."""
    if any(c.dep_ == "advmod" and c.lower_ in longstanding for c in token.children):
        return True
    words = [token]
    level = [token]
    for _ in range(2):
        level = [c for t in level for c in t.children if c.dep_ not in _OTHER_CLAUSE]
        words.extend(level)
    if token.dep_ in ("acl", "relcl"):  # "the pact they signed decades ago": the noun's own words
        words.extend(c for c in token.head.children if c.dep_ in ("amod", "compound", "npadvmod"))
    return any(w.lemma_.lower() in markers or w.lower_ in markers for w in words)


def event_date(
    predicate: int, doc: Doc, when: TimeIndex, lexicon: Lexicon, trigger: tuple[int, int] = (0, 0)
) -> DateWindow:
    """The event's date: its own time expression; else unknown when its words place it in the
    past; else, inside a report, the report's date (an event reported in a dated statement is
    no later than the statement); else the date of the clause it hangs from; else, told in the
    simple past, the news day the text last named before it; else the publication window."""
    own = when.dated(predicate, doc)
    if own is not None:
        return own
    published = when.published.window
    # "had a talk this week": the time of the event noun in the trigger (``trigger``, characters)
    # is the event's; not of any object ("freed X ..., the largest swap since the war").
    for child in doc[predicate].children:
        if child.dep_ in ("dobj", "attr") and child.i in when.anchored and trigger[0] <= child.idx < trigger[1]:
            return when.anchored[child.i]
    s = lexicon.settings
    # "During their call on Tuesday, X and Y agreed": what happened during a dated event
    # happened on its date.
    for child in doc[predicate].children:
        if child.dep_ == "prep" and child.lower_ in s.contemporary_preps:
            for pobj in child.children:
                if pobj.dep_ == "pobj" and pobj.i in when.anchored:
                    return when.anchored[pobj.i]
    token = doc[predicate]
    if placed_in_past(token, s.past_markers, s.longstanding_adverbs):
        return DateWindow()
    report = reporting_verb(token, s.speech_verbs)
    if report is not None:
        return when.date_for(report.i, doc)
    # "a war in which X sank Y" in a sentence dated "in 1991": a clause hanging from a dated one
    # happens in its frame, not on the news day.
    t = token
    for _ in range(8):
        if t.head.i == t.i:
            break
        t = t.head
        framed = when.dated(t.i, doc)
        if framed is not None:
            return framed
    if told_in_simple_past(token):
        return when.news_day_before(token.idx, NEWS_DAYS, doc) or published
    return published


def told_in_simple_past(token: Token) -> bool:
    """Whether the clause of a predicate (a verb, or the verb a noun hangs from) is told in the
    simple past ("met", "was weighing", "was signed"), not a perfect: "had refused", "has
    accused" are before the time the text is telling, not in it."""
    verb = token
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i:
            break
        verb = verb.head
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lemma_ == "have" for a in auxiliaries):
        return False
    return verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxiliaries)
