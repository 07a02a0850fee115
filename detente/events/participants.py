"""Who takes part in a matched predicate: the source (subject, speaker, an unidentified attacker, a
crowd), read off the dependency parse around the predicate, and the article's actors any phrase
names (the actors stage's mentions). Whom the predicate acts on is ``events.targets``."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from detente.actors.knowledge import KnowledgeBase
from detente.actors.lookup import MentionIndex
from detente.events.lexicon import Lexicon, Pattern
from detente.events.syntax import (
    DATIVE,
    OBJ,
    OUTSIDE_PHRASE,
    PASSIVE_SUBJ,
    PRONOUNS,
    RELATIVE,
    SUBJ,
    agent_noun,
    plural_name,
    quoted_stretch,
    went_on,
)
from detente.records import Actor, Location, Mention


class Participants:
    """Finds the actors around a predicate in one article (its mentions, the end of its dateline)."""

    def __init__(
        self,
        lexicon: Lexicon,
        index: MentionIndex,
        dateline_end: int = 0,
        kb: KnowledgeBase | None = None,
        places: Callable[[str], Location | None] | None = None,
        doc_id: str = "",
    ) -> None:
        self.kb = kb
        self.places = places  # a place name to the place (the gazetteer), for cities no actor names
        self.doc_id = doc_id
        self.lex = lexicon
        self.s = lexicon.settings
        self.index = index
        self.dateline_end = dateline_end
        self.fixes = dict(f.split(":", 1) for f in self.s.lemma_fixes if ":" in f)

    def lemma(self, tok: Token) -> str:
        """The token's lemma, with the model's known slips corrected."""
        return self.fixes.get(tok.lower_) or tok.lemma_.lower()

    def unidentified(self, verb: Token, pattern: Pattern, agent: Token | None) -> Mention | None:
        """The unknown attacker of a passive act of violence whose agent is no actor: "was
        killed in a bomb blast", "were wounded by a roadside bomb", "was shot by gunmen". The
        means of violence must be named (a "killed in a car crash" is no attack); the source is
        then an actor without a country, written as the agent phrase (or empty when there is
        none), so that the target and the place are not lost. None otherwise."""
        if self.lex.codes[pattern.code].root not in self.s.unidentified_roots:
            return None
        means = self.s.violent_means
        heads = [agent] if agent is not None else []
        heads += [
            g
            for c in verb.children
            if c.dep_ == "prep" and c.lower_ in ("in", "by")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        named = None
        for h in heads:
            words = [h] + [c for c in h.children if c.dep_ in ("compound", "amod")]
            if any(self.lemma(w) in means for w in words) or (h is agent and self.lemma(h) in self.s.actor_nouns):
                named = h
                break
        if named is None:
            return None
        if agent is not None:
            outside = ("relcl", "acl", "prep", "punct", "conj", "cc")
            phrase = [agent] + [t for c in agent.children if c.dep_ not in outside for t in c.subtree]
            start, end = min(t.idx for t in phrase), max(t.idx + len(t) for t in phrase)
            text = verb.doc.text[start:end]
        else:
            start, end, text = verb.idx, verb.idx + len(verb), ""
        return Mention(doc_id="", span=(start, end), actor=Actor(text=text), kind="group")

    def crowd(self, verb: Token, pattern: Pattern, subj: Token) -> Mention | None:
        """People who protest without being an actor with a country: "ethnic Hungarians
        demonstrated", "inmates rioted". A people named by its ethnonym is not the state of that
        name, and a crowd has no country of its own, so none is guessed: the source is an actor
        without a country, written as the subject, so that the protest and its place are not
        lost. Only for the protest roots, only for a plural noun naming people (a people
        noun, or a nationality or ethnic group), and only where the verb's own phrase says where
        it happened: a protest with neither a country nor a place says nothing one can count or
        map. None otherwise."""
        if self.lex.codes[pattern.code].root not in self.s.crowd_roots:
            return None
        if not any(c.dep_ == "prep" and c.lower_ in self.s.crowd_place_preps for c in verb.children):
            return None
        subj = self.counted(subj)  # "Hundreds of ethnic Hungarians"
        if subj.tag_ not in ("NNS", "NNPS"):
            return None
        if self.lemma(subj) not in self.s.actor_nouns and subj.ent_type_ != "NORP":
            return None
        words = [subj] + [c for c in subj.children if c.dep_ in ("amod", "compound") and c.i < subj.i]
        start, end = min(t.idx for t in words), subj.idx + len(subj)
        return Mention(doc_id="", span=(start, end), actor=Actor(text=subj.doc.text[start:end]), kind="group")

    def counted(self, head: Token) -> Token:
        """What a count counts: "Thousands of Kenyan students protested": the count heads the
        phrase, the people are in its "of" phrase; the head itself when it is no count."""
        for _ in range(3):  # "tens of thousands of students": counts nest
            if head.lemma_.lower() not in self.s.quantity_nouns and head.lower_ not in self.s.quantity_nouns:
                break
            of = next((c for c in head.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            people = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
            if people is None:
                break
            head = people
        return head

    def demanded(self, speech: Token) -> tuple[list[Token], str] | None:
        """'X said Y must ...' (a demand), 'X said Y should ...' (an appeal): the actors told
        what to do and the code, else None."""
        kinds = [(self.s.demand_modals, self.s.demand_code), (self.s.appeal_modals, self.s.appeal_code)]
        for c in speech.children:
            if c.dep_ != "ccomp":
                continue
            for modals, codes in kinds:
                if not modals or not codes or not any(g.dep_ == "aux" and g.lower_ in modals for g in c.children):
                    continue
                subj = next((g for g in c.children if g.dep_ in SUBJ), None)
                if subj is not None and subj.lower_ not in PRONOUNS and self.actors(subj, allow_place=False):
                    return [subj], next(iter(codes))
        return None

    def denigrated(self, speech: Token) -> tuple[list[Token], str] | None:
        """'X said Y is a liar', '"Y's plan is reckless," X said': a saying whose content clause
        calls another actor, or what that actor said or did (``conduct_nouns``), something
        disparaging (``denigrating_words``) denigrates it: CAMEO 111 "criticize, defame,
        denigrate responsible parties". The party is the clause's named subject or its named
        owner; not a pronoun (often the speaker), and not when the clause is negated."""
        code = next(iter(self.s.denigration_code), None)
        if code is None:
            return None
        for c in speech.children:
            if c.dep_ != "ccomp" or any(g.dep_ == "neg" for g in c.children):
                continue
            if c.lemma_ == "be":
                said = [g for g in c.children if g.dep_ in ("acomp", "attr")]
            elif c.tag_ == "VBG" and any(g.dep_ == "aux" and g.lemma_ == "be" for g in c.children):
                said = [c]  # "are insulting": the parser may read an adjective in -ing as a verb
            else:
                continue
            words = [g for p in said if not any(n.dep_ == "neg" for n in p.children) for g in (p, *p.children)]
            if not any(
                (g.lower_ in self.s.denigrating_words or g.lemma_.lower() in self.s.denigrating_words)
                and g.dep_ in ("acomp", "attr", "amod", "ccomp")
                for g in words
            ):
                continue
            subj = next((g for g in c.children if g.dep_ in SUBJ), None)
            if subj is None or subj.lower_ in PRONOUNS:
                continue
            if self.actors(subj, allow_place=False):
                return [subj], code
            if subj.lemma_.lower() in self.s.conduct_nouns:
                # (the parser may hang "X's" as a nominal modifier)
                owners = [g for g in subj.children if g.dep_ in ("poss", "nmod") and g.lower_ not in PRONOUNS]
                owners = [g for g in owners if self.actors(g, allow_place=False)]
                if owners:
                    return owners, code
        return None

    def named_as(self, verb: Token) -> tuple[list[Token], str] | None:
        """'X called Y a liar', 'X called Y's remarks reckless', 'what X called Y's reckless
        acts': naming another actor, or what it said or did (``conduct_nouns``), with a
        disparaging word (``denigrating_words``) denigrates it (CAMEO 111), as a saying does
        (``denigrated``). Its party is the first actor named in the verb's complements."""
        code = next(iter(self.s.denigration_code), None)
        if code is None or any(c.dep_ == "neg" for c in verb.children):
            return None
        phrase = [c for c in verb.children if c.dep_ in OBJ + ("oprd", "ccomp", "xcomp", "attr", "acomp")]
        words = sorted((t for c in phrase for t in c.subtree), key=lambda t: t.i)
        judged = [
            t
            for t in words
            if (t.lower_ in self.s.denigrating_words or t.lemma_.lower() in self.s.denigrating_words)
            and t.dep_ in ("amod", "oprd", "attr", "acomp", "dobj", "ccomp", "xcomp", "appos")
            and not any(n.dep_ == "neg" for n in t.children)
        ]
        if not judged:
            return None
        for t in words:
            if t in judged or t.lower_ in PRONOUNS or t.dep_ not in ("dobj", "oprd", "poss", "nmod"):
                continue
            if t.dep_ in ("poss", "nmod") and self.lemma(t.head) not in self.s.conduct_nouns and t.head not in judged:
                continue  # "called China's economy weak": a state, not what China did
            if any(a.pos_ == "VERB" for a in t.ancestors if a.i != verb.i and verb in a.ancestors):
                continue  # "called X stupid for backing Y": Y is in a clause of its own
            if self.actors(t, allow_place=False):
                return [t], code
        return None

    def clause_subject(self, verb: Token) -> list[Token]:
        """'demanded that X ...': the subject of the verb's content clause, when it names an actor."""
        for c in verb.children:
            if c.dep_ != "ccomp":
                continue
            subj = next((g for g in c.children if g.dep_ in SUBJ + PASSIVE_SUBJ), None)
            if subj is not None and subj.lower_ not in PRONOUNS and self.actors(subj, allow_place=False):
                return [subj]
        return []

    def subject(self, verb: Token, passive: bool) -> Token | None:
        t = verb
        for _ in range(8):
            kids = list(t.children)
            if any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in kids):
                if t.i != verb.i and not passive:
                    # "X was indicted by Y and will resign": an active verb sharing a passive
                    # clause's subject acts for its patient, not its agent.
                    return next((c for c in kids if c.dep_ in PASSIVE_SUBJ), None)
                agent = next((c for c in kids if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                return pobj
            # Two subjects ("Oct 28 (Agency) - X discussed"): the nearest one outside a dateline.
            subjs = [c for c in kids if c.dep_ in SUBJ and c.idx >= self.dateline_end]
            # "MOSCOW (Agency) - X met Y": the parser often makes the dateline's place the
            # subject and hangs the real one on it as an apposition.
            subjs += [
                g
                for c in kids
                if c.dep_ in SUBJ and c.idx < self.dateline_end
                for g in c.children
                if g.dep_ == "appos" and g.idx >= self.dateline_end
            ]
            subj = max(subjs, key=lambda c: c.i if c.i < t.i else -c.i) if subjs else None
            if subj is not None:
                if subj.lower_ in RELATIVE and t.dep_ == "relcl":
                    return t.head
                return subj
            # "X, the head of Y, called on Z": the parser may hang a finite verb on a name it made
            # the sentence's root; the name is then the verb's subject.
            if t.dep_ == "acl" and t.tag_ == "VBD" and t.head.dep_ == "ROOT" and t.head.pos_ in ("PROPN", "NOUN"):
                return t.head
            # "France is ready to contribute": the complement of a predicative adjective; "X went
            # on to criticize Y", which the parser often reads as a clause of purpose.
            if (t.dep_ in ("xcomp", "conj", "acomp") and t.head.i != t.i) or went_on(t):
                t = t.head
                continue
            # "X responded by accusing Y", "spoke before ending a trip to Y": the gerund after a
            # preposition of means or time shares the clause's subject. Not others: "went as far
            # as X in chiding Y" compares, no one acts.
            if (
                t.dep_ == "pcomp"
                and t.tag_ == "VBG"
                and t.head.lower_ in self.s.gerund_preps
                and t.head.head.pos_ in ("VERB", "AUX")
            ):
                t = t.head.head
                continue
            if t.dep_ == "pcomp" and t.tag_ == "VBG" and t.head.lower_ == "for" and (reason := self._reason_of(t.head)):
                t = reason
                continue
            # "X spoke for an hour, reassuring Z": a participle clause set off after its clause,
            # with no subject or marker of its own, tells more of what the clause's subject did.
            # (Not one straight after a noun, "militias using drones", which is the noun's; nor
            # one before its clause, "With X looking on, Y said", often another's.)
            if (
                t.dep_ == "advcl"
                and t.tag_ == "VBG"
                and t.i > t.head.i
                and t.i > 0
                and t.doc[t.i - 1].text in (",", "-", "—", "–")
                and not any(c.dep_ in ("mark", "advmod") and c.i < t.i for c in kids)
            ):
                t = t.head
                continue
            if t.dep_ in ("acl", "relcl") and t.tag_ in ("VBG", "VBD", "VBN"):
                if t.tag_ == "VBG":
                    return t.head
                # "the accord brokered by X", "the leader, aided by X": the agent of a participle.
                return agent_noun(t) if t.i == verb.i and passive else None
            return None
        return None

    def _reason_of(self, prep: Token) -> Token | None:
        """The verb whose subject acts in a "for" gerund: "won praise for mediating between X and Y",
        "was praised for helping X" (the passive's patient acts, as ``subject`` knows). Not when
        an actor is the object: "thanked X for helping" and "blamed X for attacking" are X's
        acts, not the subject's."""
        head = prep.head
        if head.dep_ in OBJ and head.pos_ == "NOUN":
            head = head.head  # "won praise for ...": the phrase hangs on a plain object
        if head.pos_ not in ("VERB", "AUX"):
            return None
        if any(c.dep_ in OBJ + DATIVE and self.actors(c, allow_place=True) for c in head.children):
            return None
        # "spoke out against X for refusing ...": an actor in a phrase before it is the one who did
        for c in head.children:
            pobj = next((g for g in c.children if g.dep_ == "pobj"), None) if c.dep_ == "prep" else None
            if pobj is not None and c.i < prep.i and self.actors(pobj, allow_place=False):
                return None
        if prep.head is not head and self.actors(prep.head, allow_place=True):
            return None
        return head

    def plural_subject(self, subj: Token) -> list[Mention]:
        """ "They", "both sides", "the two countries" as a subject with no actor of its own: the
        actors of the most recent plural subject before it (co-ordinated actors, or a plural
        group such as "Chinese officials"), in its own sentence or the two before. A pair noun
        needs two or more actors there. Empty when the nearest such subject names no actor: a
        guess further back would be a guess about who acted."""
        pair = self._pair_noun(subj)
        if subj.lower_ not in self.s.plural_pronouns and not pair:
            return []
        return self._plural_before(subj, pair)

    def plural_possessor(self, noun: Token) -> list[Mention]:
        """ "During their phone call, X and Y agreed": a plural possessive pronoun on an event
        noun names the co-ordinated subject of the clause it sits in, else the most recent plural
        subject before it (as ``plural_subject``)."""
        verb = noun
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subj = self.subject(verb, passive=False) if verb.pos_ in ("VERB", "AUX") else None
        if subj is not None:
            found = [m for m in self.actors(subj, allow_place=False) if m.actor.country]
            if len(found) >= 2 and len({m.actor.country for m in found}) >= 2:
                return found
            # "X warned Y during their meeting": the clause's subject and its object.
            objs = [c for c in verb.children if c.dep_ in OBJ]
            found += [m for o in objs for m in self.actors(o, allow_place=False) if m.actor.country]
            if len(found) == 2 and len({m.actor.country for m in found}) == 2:
                return found
        poss = next((c for c in noun.children if c.dep_ == "poss"), noun)
        return self._plural_before(poss, pair=True)

    def _plural_before(self, subj: Token, pair: bool) -> list[Mention]:
        doc = subj.doc
        sent = subj.sent
        first = sent.start
        for _ in range(2):  # reach: this sentence and two before it
            if first == 0:
                break
            first = doc[first - 1].sent.start
        for k in range(subj.i - 1, first - 1, -1):
            tok = doc[k]
            if tok.dep_ not in SUBJ + PASSIVE_SUBJ or tok.lower_ in PRONOUNS or self._pair_noun(tok):
                continue
            if tok.head.dep_ in ("advcl", "relcl", "acl"):
                continue  # "when the Soviets came": a subordinate clause's subject is no antecedent
            found = [m for m in self.actors(tok, allow_place=False) if m.actor.country]
            countries = {m.actor.country for m in found}
            if len(found) >= 2 and len(countries) >= 2:
                return found
            if not pair and found and self.counted(tok).tag_ in ("NNS", "NNPS"):
                return found[:1]
            if found or tok.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in tok.children):
                # The nearest subject names one actor (a country is "it", not "they"), or is
                # plural and names none: no guess further back.
                return []
        return []

    def _pair_noun(self, tok: Token) -> bool:
        """ "both sides", "the two countries", "both governments"."""
        if tok.tag_ not in ("NNS", "NNPS") or self.lemma(tok) not in self.s.pair_nouns:
            return False
        return any(
            c.lower_ in ("both", "two") and c.dep_ in ("det", "predet", "nummod", "preconj") for c in tok.children
        )

    def speaker(self, verb: Token, pronoun: str = "") -> Token | None:
        """ "X said he would visit": a pronoun subject of reported speech is the speaker ("it"
        only a speaker that is not a person: "the senator said it would pass" is about a thing)."""
        t = verb
        for _ in range(6):
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.s.speech_verbs:
                subj = self.subject(t.head, passive=False)
                if subj is None or subj.lower_ in PRONOUNS:
                    return None
                if pronoun == "it" and all(m.kind == "person" for m in self.actors(subj, allow_place=False)):
                    return None
                return subj
            if t.dep_ in ("xcomp", "conj", "ccomp") and t.head.i != t.i:
                t = t.head
                continue
            return None
        return None

    def actors(self, tok: Token, allow_place: bool) -> list[Mention]:
        """The actors a noun phrase names, one per conjunct ("Rice and Gates")."""
        out: list[Mention] = []
        for head in (tok, *tok.conjuncts):
            found = self.actor_of(head)
            if not found and allow_place:
                found = self.country_modifier(head)
            for m in found:
                if m.kind == "place" and not allow_place:
                    continue
                if all(m.span != o.span for o in out):
                    out.append(m)
        return out

    def of_the_press(self, tok: Token, pred: Token | None = None) -> bool:
        """Whether the phrase is the press or an audience: someone of the press ("a TV network's
        anchor", "the paper's editor": its possessor or modifier names a news organization, sector
        JRN, as a mention of its own or in the knowledge base, as the actors stage may fold it into
        the person's), or people in an audience ("told a meeting with young leaders in X": the
        phrase hangs from an audience noun under the predicate ``pred``, when given)."""
        t = tok
        for _ in range(4 if pred is not None else 0):
            if t.head.i == t.i or (pred is not None and t.head.i == pred.i):
                break
            t = t.head
            if self.lemma(t) in self.s.audience_nouns or any(
                c.dep_ == "compound" and self.lemma(c) in self.s.audience_nouns for c in t.children
            ):
                return True  # ("the Vilnius daily X": the press noun may be the name's modifier)
        for c in tok.children:
            if c.dep_ not in ("poss", "compound", "amod"):
                continue
            if any(self.lemma(t) in self.s.audience_nouns for t in c.subtree):
                return True  # "a television station", "a news network host", "the X daily Y"
            if any(m.actor.sector == "JRN" for m in self.index.overlapping(c.left_edge.idx, c.idx + len(c))):
                return True
            first = next((t.i for t in c.subtree if t.dep_ not in ("det", "case")), c.i)
            words = tok.doc[first : c.i + 1].text
            if self.kb is not None and any(e.sector == "JRN" for e in self.kb.lookup(words)):
                return True
        return False

    def names_country(self, mention: Mention) -> bool:
        """Whether the mention's words are a country's name or its capital's ("Nepal", "Paris"),
        not a city or a region that stands for no government."""
        if self.kb is None:
            return False
        return any(e.kind in ("name", "capital") and not e.subnational for e in self.kb.lookup(mention.actor.text))

    def is_capital(self, mention: Mention) -> bool:
        """Whether the mention's words are a capital city's name ("Paris", "Beijing")."""
        if self.kb is None:
            return False
        return any(e.kind == "capital" for e in self.kb.lookup(mention.actor.text))

    def country_modifier(self, tok: Token) -> list[Mention]:
        """A country adjective modifying the phrase an action is aimed at ("bombed Syrian
        villages", "seized Iranian tankers"): the country is the party acted on. The actors
        stage leaves such adjectives out (a topic, "Syrian affairs", names no actor), so they
        are read here, for target positions only."""
        if self.kb is None or tok.dep_ not in ("amod", "compound", "nmod") or tok.head.i == tok.i:
            return []
        if tok.i > 0 and tok.doc[tok.i - 1].text == "-":
            return []  # "an anti-Syria journalist", "pro-Russian forces": a stance, not the party
        if quoted_stretch(tok.doc, tok.i, tok.i) is not None:
            return []  # 'a film called "The Syrian Bride"': a word of a title
        entries = [e for e in self.kb.lookup(tok.text) if e.kind in ("adjective", "name") and not e.subnational]
        if len({e.country for e in entries}) != 1:
            return []
        e = entries[0]
        actor = Actor(text=tok.text, name=e.name, actor_id=e.actor_id, country=e.country)
        return [Mention(doc_id="", span=(tok.idx, tok.idx + len(tok)), actor=actor, kind="country")]

    def alliance(self, modifier: Token) -> bool:
        """ "NATO allies", "EU partners": an international organization named before an ally
        noun is the body whose members the phrase names, so the phrase stands for it."""
        return modifier.dep_ == "compound" and any(
            m.actor.country == "IGO" for m in self.index.overlapping(modifier.idx, modifier.idx + len(modifier))
        )

    def actor_of(self, head: Token) -> list[Mention]:
        if head.lower_ in RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head
        # "The agency operating in X said": the parser often makes a reduced relative's
        # participle the clause's subject, with the actor as the participle's own subject.
        if head.tag_ == "VBG" and head.dep_ in SUBJ:
            inner = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if inner is not None:
                head = inner
        head = self.counted(head)
        toks = [head]
        stack = [head]
        owned: list[tuple[int, int]] = []  # character ranges of phrases that say whose, not who
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in OUTSIDE_PHRASE and not (c.dep_ == "prep" and c.lower_ == "of" and t.i == head.i):
                    continue
                if (
                    self.lemma(t) in self.s.ally_nouns
                    and (
                        c.dep_ == "poss"
                        or (c.dep_ in ("amod", "compound") and not any(g.dep_ == "poss" for g in t.children))
                    )
                    and not self.alliance(c)
                ):
                    # "America's allies", "Iranian foes": whose ally, not who the ally is
                    # (with an owner named, "Russia's Syrian allies", the adjective says who;
                    # "NATO allies" are the alliance's members, see `alliance`)
                    owned.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge)))
                    continue
                toks.append(c)
                stack.append(c)
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t) for t in toks)
        # "his rivals", "his voters": a possessive pronoun names the owner, not the phrase;
        # only those who speak or act for the owner are the owner ("his aides", "her campaign
        # staff")
        for_owner = self.lemma(head) in self.s.agent_nouns
        owners = {t.idx for t in toks if t.tag_ == "PRP$" and t.i != head.i and not for_owner}
        found = [
            m
            for m in self.index.overlapping(start, end)
            if m.span[0] not in owners and not any(lo <= m.span[0] and m.span[1] <= hi for lo, hi in owned)
        ]
        title = quoted_stretch(head.doc, min(t.i for t in toks), max(t.i for t in toks))
        if title is not None:
            # A name inside a quoted title ('the "Good Day Britain" show') is no actor; a name
            # that is all the quotation holds ('the so-called "Islamic State"') is.
            found = [m for m in found if not (title[0] <= m.span[0] and m.span[1] <= title[1] and m.span != title)]
        people = (
            head.lemma_.lower() in self.s.actor_nouns
            or plural_name(head)
            or (self.lemma(head) in self.s.ally_nouns and any(self.alliance(c) for c in head.children))
        )
        if not found and people:
            # "his counterpart, Jane Roe": the name in apposition says who the role is
            for c in head.children:
                if c.dep_ == "appos" and c.pos_ == "PROPN" and (named := self.actor_of(c)):
                    return named
        if not found and not people:
            return []
        containing = [m for m in found if m.span[0] <= head.idx < m.span[1]]
        if containing:
            best = max(containing, key=lambda m: m.span[1] - m.span[0])
            # "the leaders of France, Brazil and India": one mention may take the first country
            # with the head; the others are the conjuncts of its "of" phrase.
            more = [
                m
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ == "of"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for conj in pobj.conjuncts
                for m in self.index.overlapping(conj.idx, conj.idx + len(conj))
                if m.span[0] >= best.span[1] and m.actor.country and m.actor.country != best.actor.country
            ]
            # "senior Chinese and American officials": each co-ordinated country adjective of a
            # people noun names one side.
            more += [
                m
                for mod in head.children
                if mod.dep_ in ("amod", "compound", "nmod") and mod.conjuncts
                for adj in (mod, *mod.conjuncts)
                for m in self.index.overlapping(adj.idx, adj.idx + len(adj))
                if m.actor.country
                and m.actor.country != best.actor.country
                and not (best.span[0] <= m.span[0] < best.span[1])
                and all(m.actor.country != o.actor.country for o in more)
            ]
            return sorted([best, *more], key=lambda m: m.span[0]) if people else [best]
        # "Senior Hungarian and Romanian officials": each modifier names an actor, but only when
        # the head names people ("relations" in "Russian-U.S. relations" is a topic, not a party).
        if not people:
            return []
        named = [m for m in found if m.kind in ("country", "organization", "group", "person")]
        if named:
            return named
        # "Demonstrators in Baghdad", "refugees from Iraq": people placed by a preposition stand
        # for the country of the place.
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in self.s.people_place_preps:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj":
                        placed = self.index.overlapping(pobj.idx, pobj.idx + len(pobj))
                        placed = [m for m in placed if m.actor.country]
                        if placed:
                            return placed[:1]
        return []
