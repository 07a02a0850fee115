"""Whom a matched predicate acts on: its objects, the phrases of its pattern and of its open
complements, whose its object is, and weaker evidence after that, read off the dependency parse
and looked up among the article's actors (``Participants``)."""

from __future__ import annotations

from spacy.tokens import Token

from detente.events.lexicon import Lexicon, Pattern
from detente.events.participants import Participants
from detente.events.syntax import (
    ACTOR_MODIFIERS,
    DATIVE,
    OBJ,
    PASSIVE_SUBJ,
    PRONOUNS,
    SUBJ,
    clause_words,
    reduced_passive,
    small_clause_subjects,
    stranded_object,
    sympathy_phrases,
    xcomp_chain,
)


class Targets:
    """The target finder of one article, over its ``Participants``."""

    def __init__(self, lexicon: Lexicon, who: Participants) -> None:
        self.lex = lexicon
        self.s = lexicon.settings
        self.who = who

    def verb_targets(self, verb: Token, pattern: Pattern, words: list[Token], passive: bool) -> list[Token]:
        kids = list(verb.children)
        if reduced_passive(verb):
            # "the leader, aided by X": the noun the participle is said of, when it names an
            # actor; else the participle's own phrases, as in the active ("sanctions imposed
            # by X on Y").
            if verb.head not in words and self.who.actors(verb.head, allow_place=True):
                return [verb.head]
        elif passive:
            found = [c for c in kids if c.dep_ in PASSIVE_SUBJ]
            named = [t for t in found if self.who.actors(t, allow_place=True)]
            return named or self.fallback_targets(verb, found)
        used = {t.i for t in words}
        if any(pattern.code.startswith(p) for p in self.s.harm_stance_prefixes):
            # "condemned X's attack on Y": a stance on a harm is aimed at who did it, never at
            # the victim; with no one named as the doer it has no second party
            harms = [c for c in kids if c.dep_ in OBJ and self.who.lemma(c) in self.s.harms]
            harms += [
                g
                for c in kids
                if c.dep_ == "prep" and c.lower_ == pattern.prep
                for g in c.children
                if g.dep_ == "pobj" and self.who.lemma(g) in self.s.harms
            ]
            if harms:
                return self.owners(harms[0])
        # "offered to work with X", "promised to continue aid to X": the complements carry the target.
        holders = [verb] + xcomp_chain(verb)
        obj = None
        if pattern.obj is not None:
            if verb.head in words[1:] and reduced_passive(verb):
                obj = verb.head  # "sanctions imposed by X": the noun is the pattern's object
            else:
                obj = next(t for t in words[1:] if t.dep_ not in ("prep", "prt", "xcomp", "agent", "dative", "pobj"))
        preps: list[Token] = []
        plain_objs: list[Token] = []
        for h in holders:
            hk = list(h.children)
            if obj is None:
                objs = [c for c in hk if c.dep_ in OBJ + DATIVE and c.i not in used]
            else:
                objs = [c for c in hk if c.dep_ in DATIVE and c.i not in used]
            objs = [next((g for g in o.children if g.dep_ == "pobj"), o) for o in objs]
            if obj is None and h.i != verb.i:
                objs += small_clause_subjects(h)
            plain_objs += [o for o in objs if o.dep_ in OBJ]
            # "discussed relations with X": an object that names no actor leaves the target open.
            objs = [o for o in objs if self.who.actors(o, allow_place=True)]
            if objs:
                return objs
            if h.i == verb.i and len(holders) > 1 and pattern.prep is not None:
                # "called on X to sanction Y": the pattern's own phrase names the party before the
                # complement's object does
                for prep in hk:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if prep.dep_ == "prep" and prep.lower_ == pattern.prep and pobj is not None:
                        if pobj.i not in used and self.who.actors(pobj, allow_place=True):
                            return [pobj]
            if obj is not None and h.i == verb.i:
                preps += [c for c in obj.children if c.dep_ == "prep"]
                if self.who.lemma(obj) in self.s.measure_nouns:
                    # "imposed a package of sanctions on X": the phrase hangs off what is counted
                    preps += [
                        g
                        for c in obj.children
                        if c.dep_ == "prep" and c.lower_ == "of"
                        for pobj in c.children
                        for g in pobj.children
                        if pobj.dep_ == "pobj" and g.dep_ == "prep"
                    ]
            # ("provided intelligence to X": the parser may read the pattern's "to" as a dative)
            preps += [c for c in hk if c.dep_ == "prep" or (c.dep_ == "dative" and c.tag_ == "IN")]
            if obj is None:  # "discussed relations with X": the phrase may hang off the object
                preps += [g for c in hk if c.dep_ in OBJ for g in c.children if g.dep_ == "prep"]
        wanted = [c for c in preps if c.lower_ == pattern.prep and pattern.pobj is None]
        # "agreed with X on Syria", "offered help at the summit": unless the pattern names it, a
        # topic or venue preposition does not carry the target of a statement, a meeting, an
        # agreement or a rebuke; and where the pattern names one ("agree @on"), a partner named
        # with "with" comes first.
        aside = self.aside_preps(pattern.code)
        if pattern.prep in aside:
            wanted = [c for c in preps if c.lower_ == "with"] + wanted
        # (Only the predicate's own phrases, its pattern's object's included, "held talks on X":
        # "refused to lift the curfew on X" names whom the curfew is on.)
        own = [*holders, obj] if obj is not None else holders
        wanted += [
            c
            for c in preps
            if c.lower_ in self.s.target_preps
            and c not in wanted
            and not (c.lower_ in aside and (c.head in own or c.lower_ in self.s.against_preps))
            # "seized the districts between X and Y": where the object lies, not a party ("hosted
            # a meeting between X and Y": an event noun's parties are)
            and not (c.lower_ == "between" and c.head not in own and self.who.lemma(c.head) not in self.lex.nouns)
        ]
        for prep in wanted:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = stranded_object(prep)
            if pobj is not None and pobj.i not in used and self.who.actors(pobj, allow_place=True):
                return [pobj]
            if pobj is not None and pattern.prep is not None and prep.lower_ == pattern.prep and prep.lower_ != "with":
                # "complained to the UN over Israeli raids": the pattern's own phrase says whose the
                # grievance is before an audience in another phrase does.
                mods = [c for c in pobj.children if c.dep_ in ACTOR_MODIFIERS and self.who.actors(c, allow_place=False)]
                if mods:
                    return mods
        for prep in wanted:
            # "restrictions against German goods": whose the thing is.
            if prep.lower_ == "with":
                continue  # "with X's help": a helper, not the party acted on
            # ("opposed to French mediation": the pattern's own object may still say whose it is.)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None and (mods := self.owners(pobj)):
                return mods  # ("hit back at complaints from X": whose the thing is)
        root = self.lex.codes[pattern.code].root
        if root in self.s.clause_target_roots:
            clause = self.who.clause_subject(verb)
            if not clause and root in self.s.threat_roots:
                clause = self.threatened(verb)
            if clause:
                return clause
        if pattern.code in self.s.sympathy_codes:
            struck = self.struck_place(verb, words)
            if struck:
                return struck
        # "said on Tuesday in Paris": a statement is made in a place, not to it; "signed a pact in
        # Geneva": an agreement is made at a venue.
        placed = not any(pattern.code.startswith(p) for p in self.s.placeless_roots)
        venue = any(pattern.code.startswith(p) for p in self.s.venue_prefixes)
        return self.fallback_targets(verb, ([obj] if obj is not None else []) + plain_objs, placed, venue, aside)

    def owners(self, thing: Token) -> list[Token]:
        """Whose a thing is, or who did it: its possessor or actor modifiers ("Russia's attack",
        "the Russian attack"), else the actor it is "by" or "from" ("complaints from X")."""
        mods = [c for c in thing.children if c.dep_ in ACTOR_MODIFIERS and self.who.actors(c, allow_place=False)]
        if mods:
            return mods
        return [
            g
            for c in thing.children
            if c.dep_ == "prep" and c.lower_ in self.s.noun_source_preps
            for g in c.children
            if g.dep_ == "pobj" and self.who.actors(g, allow_place=False)
        ][:1]

    def threatened(self, verb: Token) -> list[Token]:
        """ "warned it could freeze X's accounts", "threatened that it would impose tariffs on X": a
        threat the speaker will carry out (its content clause has no subject but a pronoun) is
        aimed at whom the threatened act is aimed at: its object when that names an actor, else
        the object of a directed phrase of the act ("tariffs on X"), else an actor modifying a noun
        in its object or phrases ("freeze millions in Japanese bonds")."""
        for c in verb.children:
            subj = next((g for g in c.children if g.dep_ in SUBJ), None) if c.dep_ == "ccomp" else None
            if c.dep_ != "ccomp" or (subj is not None and subj.lower_ not in PRONOUNS):
                continue
            for h in [c, *xcomp_chain(c)]:
                objs = [o for o in h.children if o.dep_ in OBJ]
                phrases = [(p, g) for p in h.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
                named = objs + [g for p, g in phrases if p.lower_ in self.s.target_preps]
                for o in named:
                    if self.who.actors(o, allow_place=False):
                        return [o]
                for o in objs + [g for _, g in phrases]:
                    owners = [
                        t for t in o.subtree if t.dep_ in ACTOR_MODIFIERS and self.who.actors(t, allow_place=False)
                    ]
                    if owners:
                        return owners[:1]
        return []

    def struck_place(self, verb: Token, words: list[Token]) -> list[Token]:
        """ "offered condolences over the earthquake in X", "sympathy for the X bombing": the
        country a tragedy struck, named by a place in the phrase of the sympathy, is whom the
        sympathy is for."""
        for prep in sympathy_phrases(words, self.s.sympathy_preps):
            lo, hi = prep.left_edge.idx, prep.right_edge.idx + len(prep.right_edge)
            for m in self.who.index.overlapping(lo, hi):
                if m.kind in ("place", "country") and m.actor.country:
                    return [t for t in prep.subtree if t.idx == m.span[0]][:1]
        return []

    def aside_preps(self, code: str) -> frozenset[str]:
        """Prepositions whose phrase is the topic ("talks on Syria") or the venue ("agreed at a
        summit") of an event of this code, not its party."""
        out = self.s.topic_preps if self.lex.codes[code].root in self.s.topic_roots else frozenset()
        if any(code.startswith(p) for p in self.s.venue_prefixes):
            out = out | self.s.venue_preps
        if self.lex.codes[code].root in self.s.ally_roots:
            out = out | self.s.against_preps  # "defended his record against X": the foe, not the party
        return out

    def fallback_targets(
        self,
        verb: Token,
        objects: list[Token],
        placed: bool = True,
        venue: bool = False,
        aside: frozenset[str] = frozenset(),
    ) -> list[Token]:
        """Weaker evidence for the target, in order: whose the object is ("rejected a U.S.
        proposal", "an offer from X"); the object of a contact participle ("Addressing X, Y
        offered ..."); the place the action happens in ("imposed a curfew in X")."""
        for o in objects:
            mods = [c for c in o.children if c.dep_ in ACTOR_MODIFIERS and self.who.actors(c, allow_place=True)]
            if self.who.lemma(o) in self.s.ally_nouns:
                # "backs America's foes", "Iranian foes": whose foe, not who; with an
                # owner named, a country adjective says who ("Russia's Syrian allies")
                owned = any(c.dep_ == "poss" for c in o.children)
                mods = [c for c in mods if owned and c.dep_ != "poss"]
            if mods:
                return mods
            for prep in o.children:
                if prep.dep_ == "prep" and prep.lower_ in self.s.owner_preps:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None and self.who.actors(pobj, allow_place=True):
                        return [pobj]
        for c in verb.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in self.s.contact_participles:
                if any(g.dep_ in SUBJ for g in c.children):
                    continue  # a participle with its own subject is not the main subject's act
                for g in c.children:
                    if g.dep_ in OBJ and self.who.actors(g, allow_place=False):
                        return [g]
                    if g.dep_ == "prep" and g.lower_ in self.s.target_preps:
                        pobj = next((x for x in g.children if x.dep_ == "pobj"), None)
                        if pobj is not None and self.who.actors(pobj, allow_place=False):
                            return [pobj]
        clause = clause_words(verb)
        for prep in clause:
            # "mobilized reservists for a war against X": a hostile "against" anywhere in the clause.
            if prep.dep_ == "prep" and prep.lower_ in self.s.against_preps and prep.lower_ not in aside:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if self.who.actors(pobj, allow_place=True):
                    return [pobj]
                mods = [c for c in pobj.children if c.dep_ in ACTOR_MODIFIERS and self.who.actors(c, allow_place=False)]
                if mods:
                    return mods
        if not placed:
            return []
        # "rioted at a prison in X", "fired at targets in X": the place of the verb's own phrase.
        phrase = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for h in objects if venue else [verb, *xcomp_chain(verb), *objects, *phrase]:
            for prep in h.children:
                if prep.dep_ == "prep" and prep.lower_ in self.s.location_preps:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        places = [m for m in self.who.actors(pobj, allow_place=True) if m.kind in ("place", "country")]
                        if places:
                            return [pobj]
        return []
