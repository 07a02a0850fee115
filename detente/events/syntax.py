"""Shapes of the dependency parse that the coder and its participants read: the labels they
look for, and small questions about a clause ("is this participle a reduced passive?", "which
words are this clause's own?"). Pure functions of spaCy tokens; no knowledge."""

from __future__ import annotations

from spacy.tokens import Doc, Token

# Dependency labels (spaCy's English ClearNLP-style scheme) used below.
SUBJ = ("nsubj", "csubj")
PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
OBJ = ("dobj", "obj")
DATIVE = ("dative", "iobj")
# Children that are not part of a noun phrase's own words when locating its actor.
OUTSIDE_PHRASE = {"conj", "cc", "relcl", "acl", "appos", "punct", "advcl", "prep", "preconj"}
RELATIVE = {"who", "that", "which", "whom"}
PRONOUNS = {"he", "she", "they", "it", "we"}
FINITE = {"VBD", "VBZ", "VBP", "MD"}
ACTOR_MODIFIERS = ("poss", "compound", "amod", "nmod")


_QUOTES = {'"', "“", "”", "``", "''"}


def quoted_stretch(doc: Doc, lo: int, hi: int, reach: int = 6) -> tuple[int, int] | None:
    """The characters of a short quoted title around tokens lo..hi ('the "Good Day Britain"
    show', 'a book called "Letters to Moscow"'): the nearest quotation marks on either side within
    ``reach`` tokens, holding no finite verb (a quoted clause, '"Russia will win," he said', is
    speech, not a title) and without punctuation at its end. None when there is none."""
    left = next((k for k in range(lo - 1, max(lo - 1 - reach, -1), -1) if doc[k].text in _QUOTES), None)
    right = next((k for k in range(hi + 1, min(hi + 1 + reach, len(doc))) if doc[k].text in _QUOTES), None)
    if left is None or right is None:
        return None
    inside = doc[left + 1 : right]
    if any(t.text in _QUOTES or t.tag_ in FINITE or t.is_sent_start for t in inside):
        return None
    last = right - 1
    while last > left + 1 and doc[last].is_punct:
        last -= 1  # 'on "Good Day Britain," she said': American punctuation inside the quotes
    return doc[left + 1].idx, doc[last].idx + len(doc[last])


def reduced_passive(verb: Token) -> bool:
    """A participle said of a noun, with an agent: "the accord brokered by X", "the leader, aided
    by X". The noun is what was acted on; the agent acts."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and agent_noun(verb) is not None


def agent_noun(verb: Token) -> Token | None:
    """The noun of a passive's "by" phrase ("aided by X": X), or None."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None


def stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the parser left without one because it read a reduced
    relative as a clause ("gave shelter to two dissidents hiding in ...": "dissidents" becomes
    the subject of "hiding"): the subject of the clause that starts right after the preposition."""
    if any(True for _ in prep.children):
        return None
    for clause in prep.head.children:
        if clause.dep_ not in ("advcl", "ccomp", "relcl") or clause.i < prep.i:
            continue
        subj = next((c for c in clause.children if c.dep_ in SUBJ + PASSIVE_SUBJ), None)
        if subj is not None and subj.left_edge.i == prep.i + 1:
            return subj
    return None


def small_clause_subjects(verb: Token) -> list[Token]:
    """ "offered to help X reach a deal": the parser reads a bare-infinitive complement as a
    clause whose subject is, in meaning, the complement verb's object; only right after the
    verb and with no "that" (a content clause's subject is no object)."""
    out = []
    for c in verb.children:
        if c.dep_ != "ccomp" or c.i < verb.i or any(g.dep_ == "mark" for g in c.children):
            continue
        subj = next((g for g in c.children if g.dep_ in SUBJ), None)
        if subj is not None and subj.left_edge.i == verb.i + 1:
            out.append(subj)
    return out


def plural_name(token: Token) -> bool:
    """A plural proper noun names a people or a group of people ("Turkish Kurds", "Sudanese
    Arabs"): modified by an actor, it stands for that actor like "officials" does."""
    return token.tag_ == "NNPS"


# Dependents that start another clause or name the actor: not part of the verb's own phrase.
_OTHER_CLAUSE = {
    "nsubj",
    "nsubjpass",
    "csubj",
    "csubjpass",
    "ccomp",
    "advcl",
    "relcl",
    "conj",
    "parataxis",
    "punct",
    "cc",
    "mark",
    "acl",
}


def clause_words(verb: Token, depth: int = 4) -> list[Token]:
    """The verb's own phrase, breadth first, without other clauses or the subject (a noun's
    conjuncts are its phrase: "launched artillery and rocket fire against X")."""
    out: list[Token] = []
    level = [verb]
    for _ in range(depth):
        level = [
            c
            for t in level
            for c in t.children
            if c.dep_ not in _OTHER_CLAUSE or (c.dep_ == "conj" and t.i != verb.i and t.pos_ in ("NOUN", "PROPN"))
        ]
        out.extend(level)
    return out


def xcomp_chain(verb: Token) -> list[Token]:
    """The open complements under a verb, outermost first ("promised to continue to send")."""
    out: list[Token] = []
    t = verb
    for _ in range(4):
        nxt = next((c for c in t.children if c.dep_ == "xcomp"), None)
        if nxt is None:
            break
        out.append(nxt)
        t = nxt
    return out


def object_control(clause: Token) -> bool:
    """ "pushed X to cut tariffs": the parser often hangs the infinitive an object is pushed,
    urged or asked to do as an adverbial clause; with an object before it, it is the complement."""
    return (
        clause.dep_ == "advcl"
        and clause.tag_ == "VB"
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


def contrasting(clause: Token, marks: frozenset[str]) -> bool:
    """ "X did A, while Y did B": an adverbial clause of contrast with its own subject states a
    second fact beside the main clause, not a part of it."""
    return (
        clause.dep_ == "advcl"
        and any(c.dep_ in SUBJ for c in clause.children)
        and any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children)
    )


def sympathy_phrases(words: list[Token], preps: frozenset[str]) -> list[Token]:
    """The prepositions of a predicate's words that open the phrase a sympathy is about
    ("condolences over the earthquake in X", "sympathy for the X bombing")."""
    return [p for w in words for p in w.children if p.dep_ in ("prep", "dative") and p.lower_ in preps]


def went_on(verb: Token) -> bool:
    """ "X went on to criticize Y": an infinitive after "go on", told as done next (the parser
    reads it as an open complement or as a clause of purpose)."""
    head = verb.head
    return (
        verb.dep_ in ("xcomp", "advcl")
        and head.i != verb.i
        and head.lemma_.lower() == "go"
        and any(c.dep_ in ("prt", "advmod") and c.lower_ == "on" for c in head.children)
        and any(c.tag_ == "TO" for c in verb.children)
    )
