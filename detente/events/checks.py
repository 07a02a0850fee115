"""Checks that keep an event to what happened between the parties it names (issue #13, precision).

Each check reads the parse around a matched predicate and answers one question: is this
person of the press (no party to a statement or an interview), is this saying a question (no
appeal), is this warning about another actor (criticism, not a threat), is this act of force a
figure of speech, is this phrase the topic of the act rather than a party to it. The coder asks
them; the word lists are settings in ``patterns.toml``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from spacy.tokens import Token

from detente.actors.knowledge import KnowledgeBase
from detente.events.lexicon import Lexicon, Pattern
from detente.events.participants import Participants
from detente.events.syntax import ACTOR_MODIFIERS, OBJ, PASSIVE_SUBJ, PRONOUNS, SUBJ, reduced_passive, sympathy_phrases
from detente.records import Actor, Mention

# Dependents of an object that say whose it is or what it is about ("the Kuwait invasion", "a
# memo on Syria"): the phrases a topic noun carries.
_MODIFIERS = ("poss", "compound", "amod", "nmod")
# "CNN's host", "a network’s anchor": the possessive that folds a news organization into a
# person's mention.
_POSSESSIVE = re.compile(r"['’]s\s")


def _office(tok: Token, titles: Collection[str]) -> bool:
    """Whether a phrase names an office ("as prime minister"), not a kind of person ("as an
    ineffective leader"): a title noun without "a" or "an"."""
    return tok.lemma_.lower() in titles and not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


# Possessives of the subject's own side ("its army", "their forces").
_OWN = frozenset({"its", "their", "our", "his", "her"})


class Checks:
    """The precision checks of one article (its participants and knowledge base)."""

    def __init__(self, lexicon: Lexicon, who: Participants, kb: KnowledgeBase | None = None) -> None:
        self.lex = lexicon
        self.s = lexicon.settings
        self.who = who
        self.kb = kb

    # ---- the press --------------------------------------------------------------------------

    def of_the_press(self, mention: Mention) -> bool:
        """Whether an actor is the press: a news organization (sector JRN), or a person the text
        introduces by one ("a network's anchor": the actors stage folds the possessive into the
        person's mention) or by a press title ("talk-show host X", "moderator X")."""
        if mention.actor.sector == "JRN":
            return True
        if mention.kind not in ("person", "group"):
            return False
        text = mention.actor.text
        words = {w.lower().strip(".,") for w in text.split()[:-1]}
        if words & self.s.press_titles:
            return True
        owner = _POSSESSIVE.split(text, maxsplit=1)
        if len(owner) == 2 and self.kb is not None:
            name = owner[0].strip()
            for form in (name, name.removeprefix("the ").removeprefix("The ")):
                if any(e.sector == "JRN" for e in self.kb.lookup(form)):
                    return True
        return False

    def when(self, prep: Token) -> bool:
        """ "fired back on Monday", "pushed for a decade": a preposition of time (``time_preps``)
        whose object is a date or a time says when, and is not the phrase a pattern's preposition
        names ("fire @on"); "warned of a hard winter" names what."""
        if prep.lower_ not in self.s.time_preps:
            return False
        pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
        return pobj is not None and pobj.ent_type_ in ("DATE", "TIME")

    # ---- what is no event ----------------------------------------------------------------------

    def question(self, pred: Token, pattern: Pattern) -> bool:
        """ "asked X whether Y would ...", "asked X about Y": a question asks for an answer, not
        for an act; it is no appeal (CAMEO 02 is a request for something to be done or given).
        An interrogative content clause makes a question whatever else the pattern matched ("for
        example, asked X whether ..."); a question preposition only where the pattern names no
        request ("ask @for", "ask to *")."""
        if self.lex.codes[pattern.code].root != "02" or self.who.lemma(pred) not in self.s.question_verbs:
            return False
        kids = list(pred.children)
        if any(c.dep_ == "xcomp" for c in kids) or pattern.xcomp is not None:
            return False  # "asked X to withdraw": a request
        for c in kids:
            if c.dep_ != "ccomp":
                continue
            if any(g.dep_ == "mark" and g.lower_ in self.s.question_marks for g in c.children):
                return True
            if c.left_edge.tag_ in ("WDT", "WP", "WP$", "WRB"):
                return True  # "asked X what Y would do"
        if pattern.prep is not None or pattern.obj is not None:
            return False
        return any(c.dep_ == "prep" and c.lower_ in self.s.question_preps for c in kids)

    def title(self, tok: Token) -> bool:
        """ "told a network's 'Good Evening Britain'": a name the parser reads as the title of a
        work (a show, a paper, a book) is no actor one speaks to."""
        return tok.ent_type_ == "WORK_OF_ART"

    def private_visit(self, code: str, pred: Token, source: Mention, target: Mention | None) -> bool:
        """ "an American citizen visited Cuba", "X visited Spain for a family wedding": a trip to
        a country or a place by people of a private sector (``private_sectors``), or by a person
        with no office whose trip the text gives a private purpose ("for" a wedding, a holiday, a
        golf course: ``private_occasions``), is no meeting of states. A visit to a host actor
        ("visited the president") is coded as it stands, and so is a trip with no purpose named:
        the text may not say the visitor holds no office."""
        if target is None or not any(code.startswith(p) for p in self.s.private_visit_prefixes):
            return False
        if source.kind not in ("person", "group") or target.kind not in ("place", "country"):
            return False
        if source.actor.sector in self.s.private_sectors:
            return True
        if source.actor.sector is not None:
            return False
        purpose = [t for c in pred.children if c.dep_ == "prep" and c.lower_ == "for" for t in c.subtree]
        return any(self.who.lemma(t) in self.s.private_occasions for t in purpose)

    # ---- codes ---------------------------------------------------------------------------------

    def warning(self, verb: Token, pattern: Pattern) -> Pattern:
        """A warning is a threat (13) only when it names a consequence the speaker will bring
        about ("warned X that it would retaliate"). A warning that another actor is or would be
        a danger ("warned that X would ruin the economy", "warned about X") says something about
        that actor: criticism (PETRARCH2 codes a warning of a fight or a crisis as disapproval,
        11), coded with ``warning_code``; its target is that actor."""
        code = next(iter(self.s.warning_code), None)
        if (
            code is None
            or self.who.lemma(verb) not in self.s.warning_verbs
            or self.lex.codes[pattern.code].root != "13"
            or pattern.prep is not None
            or pattern.xcomp is not None
        ):
            return pattern
        kids = list(verb.children)
        if any(c.dep_ in OBJ + ("dative",) and self.who.actors(c, allow_place=False) for c in kids):
            return pattern  # "warned Iran that ...": the party warned is the target of a threat
        for c in kids:
            if c.dep_ == "prep" and c.lower_ in self.s.warning_preps:
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None and self.who.actors(pobj, allow_place=False):
                    return replace(pattern, code=code, prep=c.lower_)
            if c.dep_ == "ccomp":
                subj = next((g for g in c.children if g.dep_ in SUBJ + ("nsubjpass",)), None)
                if subj is None or subj.lower_ in PRONOUNS or subj.lower_ in ("i", "we", "you"):
                    continue  # "warned that it would respond": the speaker's own act, a threat
                if self.who.actors(subj, allow_place=False):
                    return replace(pattern, code=code)
        return pattern

    def obstruction(self, verb: Token, pattern: Pattern) -> Pattern:
        """To block a way ("blocked the road", "blocked grain trucks") is a protest blockade (14);
        to block anything else ("blocked the loan", "blocked the sale") is to reject or obstruct
        it, coded ``obstruction_code`` (12)."""
        code = next(iter(self.s.obstruction_code), None)
        if code is None or pattern.lemma not in self.s.blockade_verbs or pattern.obj is not None:
            return pattern
        if self.lex.codes[pattern.code].root != "14":
            return pattern
        objects = [c for c in verb.children if c.dep_ in OBJ]
        if not objects or any(self.who.lemma(o) in self.s.ways for o in objects):
            return pattern
        return replace(pattern, code=code)

    # ---- targets -------------------------------------------------------------------------------

    def topic(self, tok: Token, pred: Token, root: str, own: Collection[int] = ()) -> bool:
        """Whether a target position is only the topic of the act: a country named in a phrase
        of a war, a policy or a deal the act is about ("opposed the Kuwait invasion", "criticized
        the war in X", "signed a memo on X"), for the roots of stances and agreements
        (``topic_object_roots``; a demand made of "the warring sides in X" is made of X). Not
        a possessor or a person ("Obama's intervention", "the Trump campaign": its author), and
        not the phrases of the predicate's own words ("a deal with X", "signed a pact with X":
        ``own``, the indices of the words its pattern matched)."""
        if root not in self.s.topic_object_roots or tok.dep_ == "poss":
            return False
        if any(m.kind not in ("country", "place") for m in self.who.actors(tok, allow_place=True)):
            return False
        t = tok
        for _ in range(4):
            if t.i == pred.i or t.head.i == t.i or t.head.i == pred.i or t.head.i in own:
                return False
            head = t.head
            if t.dep_ == "prep" and t.lower_ in ("to", "toward", "towards"):
                return False  # "its position to Japan": whom it is put to, not what it is about
            if t.dep_ in _MODIFIERS + ("pobj", "prep") and self.who.lemma(head) in self.s.topic_nouns:
                return True
            if t.dep_ in OBJ + ("pobj", "prep"):
                t = head
                continue
            return False
        return False

    def answered(self, tok: Token, pred: Token, root: str) -> bool:
        """ "fired back that the voters of X had ...", "said, 'Let X decide'": the subject of the
        content clause of an answer or a statement is what it says, not whom it answers or is
        addressed to (unlike a demand's: "demanded that X withdraw"); their party is an object
        or a "to" phrase."""
        if tok.dep_ not in SUBJ or (root != "01" and self.who.lemma(pred) not in self.s.answer_verbs):
            return False
        t = tok.head
        for _ in range(3):
            if t.head.i == pred.i and t.dep_ in ("ccomp", "xcomp"):
                return True
            if t.dep_ not in ("ccomp", "xcomp") or t.head.i == t.i:
                return False
            t = t.head
        return False

    def armed(self, subj: Token, sources: list[Mention]) -> bool:
        """Whether the subject is an armed group by its own words ("two rebel movements", "the X
        Liberation Front"): a word of its phrase before the verb, or of its actors' names."""
        words = [t.lower_ for t in subj.subtree if t.i < subj.head.i or subj.head.i == subj.i]
        words += [w.lower().strip(".,'’") for m in sources for w in m.actor.text.split()]
        words += [w.lower() for m in sources if m.actor.name for w in m.actor.name.split()]
        return any(w in self.s.armed_name_words for w in words)

    def means(self, tok: Token, pred: Token) -> bool:
        """ "deployed its soldiers", "evacuated the embassy": the object of a verb that moves
        people or things is what is moved; when it is the source's own, it is not the party acted
        on (the coder then drops it; "evacuated its citizens from X" keeps X)."""
        if self.who.lemma(pred) not in self.s.means_object_verbs:
            return False
        t = tok
        if t.dep_ in _MODIFIERS and t.head.i != t.i:
            t = t.head
        return t.dep_ in OBJ and t.head.i == pred.i

    def commanded(self, tok: Token, pred: Token, own: Collection[int] = ()) -> bool:
        """ "ordered 200 marines to X to train ...", "ordered envoys to mend ties
        with X": a command's party is the one commanded, its direct object; a place or an actor
        in the rest of its phrase is where or about what it was commanded. (Not when the object
        is the pattern's own word, ``own``: "ordered an investigation into X".)"""
        if self.who.lemma(pred) not in self.s.command_verbs:
            return False
        obj = next((c for c in pred.children if c.dep_ in OBJ), None)
        if obj is None or obj.i in own or (tok.dep_ in ("dative", "iobj") and tok.head.i == pred.i):
            return False  # "told Russia the news": the one told
        return not (obj.left_edge.i <= tok.i <= obj.right_edge.i)

    # ---- senses a verb's object decides ----------------------------------------------------------

    def wrong_sense(self, verb: Token, pattern: Pattern) -> bool:
        """Whether the verb's complements show it is not in its pattern's sense: "abused their
        privileges", "questioned his motives" (``people_object_verbs``: only people are abused
        or questioned); "admitted the migrants", "admitted to X" (``thing_object_verbs``: a mistake is admitted,
        people are let in); "released a statement" (``publication_verbs``: a publication is put out, not
        freed); "signed a letter" (``signing_verbs``: a name put to a paper, no agreement); "agrees with X" and nothing more (``view_verbs``: a view shared, not a deal); "linked the economy to X"
        (``harm_object_verbs``: only a harm tied to an actor accuses it); "armed its soldiers"
        (``outward_roots``: aid is given to another, not to one's own forces)."""
        kids = list(verb.children)
        objects = [c for c in kids if c.dep_ in OBJ]
        if self.lex.codes[pattern.code].root in self.s.outward_roots and any(
            self.who.lemma(c) in self.s.armed_nouns
            and any(g.lower_ in _OWN or (g.dep_ == "amod" and g.lower_ == "own") for g in c.children)
            for c in objects
        ):
            return True  # "bolstered its army": strengthening one's own forces is no aid
        if pattern.obj is not None:
            return False  # the pattern names its own object ("admit inspector")
        lemma = pattern.lemma
        if lemma in self.s.people_object_verbs:
            return any(
                self.who.lemma(c) not in self.s.actor_nouns and not self.who.actors(c, allow_place=False)
                for c in objects
            )
        if lemma in self.s.thing_object_verbs:
            patients = objects + [c for c in kids if c.dep_ in PASSIVE_SUBJ]
            if reduced_passive(verb):
                patients.append(verb.head)
            if any(self.who.lemma(c) in self.s.actor_nouns or self.who.actors(c, allow_place=False) for c in patients):
                return True
            # "admitted to Canada", "admitted into the alliance": let into a country or a body
            into = [g for c in kids if c.dep_ == "prep" and c.lower_ in ("to", "into") for g in c.children]
            return any(
                m.kind in ("country", "place", "organization")
                for g in into
                if g.dep_ == "pobj"
                for m in self.who.actors(g, allow_place=True)
            )
        # what is acted on: the objects with their conjuncts, or the noun a participle is said of
        # ("a letter signed by 200 lawmakers", "a video released by the group")
        things = [t for c in objects for t in (c, *c.conjuncts)] + ([verb.head] if reduced_passive(verb) else [])
        if lemma in self.s.removal_verbs and any(
            c.dep_ == "prep"
            and (c.lower_ == "from" or (c.lower_ == "as" and any(_office(g, self.s.actor_nouns) for g in c.children)))
            for c in kids
        ):
            return True  # "dismissed X as prime minister", "dismissed from his post": removed from office
        if lemma in self.s.judging_verbs and any(
            c.dep_ == "oprd" or (c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("ADJ", "NOUN")) for c in kids
        ):
            return True  # "considers X an ally": a view, not a deliberation
        if lemma in self.s.harm_object_verbs:
            # ("a breach, which X linked to Y": the relative pronoun stands for its noun)
            tied = things + [c for c in kids if c.dep_ in PASSIVE_SUBJ]
            tied = [c.head.head if c.lower_ in ("which", "that") and c.head.dep_ == "relcl" else c for c in tied]
            # ("the theft of files, which X linked to Y": the noun the antecedent is "of")
            tied += [c.head.head for c in tied if c.dep_ == "pobj" and c.head.lower_ == "of"]
            return not any(self.who.lemma(c) in self.s.harms for c in tied)
        if lemma in self.s.publication_verbs:
            return any(self.who.lemma(c) in self.s.publications for c in things)
        if lemma in self.s.signing_verbs:
            return any(self.who.lemma(c) in self.s.signed_papers for c in things)
        if lemma in self.s.view_verbs and pattern.prep is None and pattern.xcomp is None:
            others = [
                c
                for c in kids
                if c.dep_ in OBJ + ("xcomp", "ccomp", "dative") or (c.dep_ == "prep" and c.lower_ != "with")
            ]
            return not others and any(c.dep_ == "prep" and c.lower_ == "with" for c in kids)
        return False

    def polled(self, pred: Token, source: Mention) -> bool:
        """Whether the source is a share of people counted by a poll ("60 percent of voters
        now back X", "55 percent of Poles say they will vote for Y"): a finding about
        voters, not an act of theirs."""
        root = _root(pred, source)
        return (
            root is not None
            and root.dep_ == "pobj"
            and root.head.lower_ == "of"
            and self.who.lemma(root.head.head) in self.s.poll_nouns
        )

    def published_noun(self, noun: Token, pattern: Pattern) -> bool:
        """ "the release of a new video", "a video release": a publication put out, not freed."""
        if pattern.lemma not in self.s.publication_verbs:
            return False
        things = [c for c in noun.children if c.dep_ in ("compound", "amod")]
        things += [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return any(self.who.lemma(t) in self.s.publications for t in things)

    def struck_city(self, verb: Token, words: list[Token]) -> list[Mention]:
        """ "condolences over the Lima earthquake": a city the sympathy's phrase names that no
        actor mention covers, found in the gazetteer, stands for its country."""
        if self.who.places is None:
            return []
        doc = verb.doc
        for prep in sympathy_phrases(words, self.s.sympathy_preps):
            for ent in doc[prep.left_edge.i : prep.right_edge.i + 1].ents:
                place = self.who.places(ent.text) if ent.label_ in ("GPE", "LOC") else None
                if place is None or place.country is None or place.kind == "country":
                    continue
                actor = Actor(text=ent.text, name=place.name, country=place.country)
                return [Mention(doc_id=self.who.doc_id, span=(ent.start_char, ent.end_char), actor=actor, kind="place")]
        return []

    # ---- words around the predicate --------------------------------------------------------------

    def whole_country(self, pred: Token, m: Mention) -> bool:
        """Whether a mention is a country named as a whole ("the United States"), not a
        modifier of another actor ("his Rwandan Patriotic Front")."""
        root = _root(pred, m)
        return m.kind == "country" and root is not None and root.dep_ not in ACTOR_MODIFIERS

    def modifies_thing(self, pred: Token, m: Mention) -> bool:
        """Whether a country mention only modifies a thing ("Polish spending", "a French role"),
        not people or a body ("a German group")."""
        root = _root(pred, m)
        if m.kind != "country" or root is None or root.dep_ not in ACTOR_MODIFIERS:
            return False
        head = root.head
        return self.who.lemma(head) not in self.s.actor_nouns and not self.who.actors(head, allow_place=False)

    def by_phone(self, pred: Token) -> bool:
        """Whether a preposition of the predicate has a phone as its object ("by telephone", "in
        a phone call", "on the phone")."""
        for prep in pred.children:
            if prep.dep_ != "prep":
                continue
            for pobj in prep.children:
                if pobj.dep_ == "pobj" and (
                    self.who.lemma(pobj) in self.s.phone_nouns
                    or any(c.dep_ == "compound" and self.who.lemma(c) in self.s.phone_nouns for c in pobj.children)
                ):
                    return True
        return False

    def armed_sentence(self, pred: Token, words: list[Token]) -> bool:
        """Whether the sentence names a means of violence besides the predicate's own words, not
        as a topic ("attacked X for being soft on weapons exports": the weapons are what it is about)."""
        own = {w.i for w in words}
        return any(
            t.i not in own and self.who.lemma(t) in self.s.violent_means and not self._topical(t, own)
            for t in pred.sent
        )

    def _topical(self, tok: Token, own: set[int]) -> bool:
        """Whether a word sits in a phrase of what something is about ("soft on weapons exports",
        "a debate over weapons", "a law regarding arms") or names a kind of policy ("gun control",
        "missile defence spending"; not "a missile attack", the act's own word)."""
        head = tok.head
        if tok.dep_ == "compound" and head.i not in own and self.who.lemma(head) not in self.s.violent_means:
            return True
        t = tok
        for _ in range(6):
            if t.head.i == t.i:
                return False
            if t.dep_ == "pobj" and t.head.lower_ in self.s.topic_preps_of_means:
                return True
            t = t.head
        return False

    # ---- figures of speech -------------------------------------------------------------------

    def prize(self, pred: Token) -> bool:
        """Whether the predicate's direct object is a prize of politics ("captured the
        nomination", "destroyed her chances", "killed the bill": ``figurative_objects``)."""
        obj = next((c for c in pred.children if c.dep_ in OBJ), None)
        return obj is not None and self.who.lemma(obj) in self.s.figurative_objects

    def figure(self, pred: Token, source: Mention, target: Mention | None) -> bool:
        """Whether an act of force may be a figure of speech: aimed at a prize of politics, or
        taken between persons or political parties ("destroyed the party", "attacked her
        rival"). The coder then keeps it as force only when a means of violence is named."""
        if self.prize(pred):
            return True
        if target is None:
            # "the former minister lashed out again": a politician's attack on no one named is
            # rhetoric unless a weapon is named
            return source.actor.sector in self.s.figurative_sectors

        def political(m: Mention) -> bool:
            return m.kind == "person" or m.actor.sector in self.s.figurative_sectors

        if (
            source.kind == "person"
            and target.kind == "group"
            and source.actor.sector in self.s.figurative_sectors | {None}
        ):
            return True  # "the candidate's attacks on immigrants": a politician's words about a people
        return political(source) and political(target)


def _root(pred: Token, m: Mention) -> Token | None:
    """The syntactic root of a mention's words in the predicate's doc."""
    words = pred.doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
    return words.root if words is not None else None
