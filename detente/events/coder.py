"""The event coder: predicates from the lexicon, actors from the dependency parse.

One pass over each sentence's tokens (dict lookups by lemma), then short walks over the parse
around each matched predicate. Precision first: no source actor, no event; nothing matched, no
event; a negated action is not an event.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from detente.actors.lookup import MentionIndex
from detente.dates import date_for
from detente.events.lexicon import Lexicon, Pattern
from detente.ingest.dateline import find_dateline
from detente.records import (
    Actor,
    Article,
    DateWindow,
    Event,
    Mention,
    Modality,
    Published,
    TimeExpression,
)

# Dependency labels (spaCy's English ClearNLP-style scheme) used below.
_SUBJ = ("nsubj", "csubj")
_PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
_OBJ = ("dobj", "obj")
_DATIVE = ("dative", "iobj")
# Children that are not part of a noun phrase's own words when locating its actor.
_OUTSIDE_PHRASE = {"conj", "cc", "relcl", "acl", "appos", "punct", "advcl", "prep", "preconj"}
_RELATIVE = {"who", "that", "which", "whom"}
_PRONOUNS = {"he", "she", "they", "it", "we"}
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_ACTOR_MODIFIERS = ("poss", "compound", "amod", "nmod")


@dataclass(frozen=True, slots=True)
class _Draft:
    """An event before numbering: spaCy-free except for the token index of its predicate."""

    sent: tuple[int, int]
    trigger: tuple[int, int]
    predicate: int  # token index, for the date
    source: Mention
    target: Mention | None
    code: str
    modality: Modality
    confidence: float


def code(
    doc: Doc,
    article: Article,
    mentions: Sequence[Mention],
    times: Sequence[TimeExpression],
    published: Published,
    lexicon: Lexicon,
) -> tuple[Event, ...]:
    """The article's events, numbered ``{doc_id}:e{n}`` in text order."""
    index = MentionIndex(mentions)
    if not len(index):
        return ()
    # Words of a dateline ("KYIV. May 3 (Ukrinform) -") are glued by the parser into the first
    # sentence and can be taken as its subject: they never name the actor.
    dateline = find_dateline(doc.text)
    coder = _SentenceCoder(lexicon, index, dateline_end=dateline.span[1] if dateline else 0)
    drafts: list[_Draft] = []
    for sent in doc.sents:
        drafts.extend(coder.sentence(sent))
    drafts.sort(key=lambda d: (d.trigger[0], d.source.span[0], d.target.span[0] if d.target else -1))
    events = []
    for n, d in enumerate(drafts, start=1):
        entry = lexicon.codes[d.code]
        events.append(
            Event(
                doc_id=article.doc_id,
                event_id=f"{article.doc_id}:e{n}",
                span=d.sent,
                trigger=d.trigger,
                source=d.source.actor,
                target=d.target.actor if d.target else None,
                cameo=entry.code,
                cameo_root=entry.root,
                goldstein=entry.goldstein,
                quad_class=entry.quad_class,
                plover=entry.plover,
                plover_mode=entry.plover_mode,
                modality=d.modality,
                date=_date(doc, d.predicate, times, published),
                confidence=d.confidence,
            )
        )
    return tuple(events)


def _date(doc: Doc, token_index: int, times: Sequence[TimeExpression], published: Published) -> DateWindow:
    """The date of the clause headed by `token_index`, as the dates stage reads it."""
    return date_for(token_index, tuple(times), published, doc=doc)


class _SentenceCoder:
    def __init__(self, lexicon: Lexicon, index: MentionIndex, dateline_end: int = 0) -> None:
        self.lex = lexicon
        self.s = lexicon.settings
        self.index = index
        self.dateline_end = dateline_end
        self.fixes = dict(f.split(":", 1) for f in self.s.lemma_fixes if ":" in f)

    def lemma(self, tok: Token) -> str:
        """The token's lemma, with the model's known slips corrected."""
        return self.fixes.get(tok.lower_) or tok.lemma_.lower()

    # ---- the sentence pass -------------------------------------------------------------------

    def sentence(self, sent: Span) -> list[_Draft]:
        consumed: set[int] = set()
        matched: list[tuple[Token, Pattern, list[Token]]] = []
        nouns: list[Token] = []
        for tok in sent:
            # "is opposed to": a predicative adjective can carry the event like a verb.
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or (tok.pos_ == "ADJ" and tok.dep_ == "acomp"):
                patterns = self.lex.verbs.get(self.lemma(tok))
                if patterns:
                    hit = self._match(tok, patterns, verb=True)
                    if hit is not None:
                        matched.append((tok, hit[0], hit[1]))
                        consumed.update(t.i for t in hit[1])
            elif tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in self.lex.nouns:
                nouns.append(tok)
        # A predicate that is the complement of a matched one ("refused to meet") is part of it.
        inner = {t.i for _, _, words in matched for t in words[1:]}
        matched = [m for m in matched if m[0].i not in inner]
        out: list[_Draft] = []
        seen: set[tuple] = set()
        speech: list[tuple[Token, Pattern, list[Token]]] = []
        sent_span = (sent.start_char, sent.end_char)
        for verb, pattern, words in matched:
            if self.lex.codes[pattern.code].root == "01" and verb.lemma_.lower() in self.s.speech_verbs:
                speech.append((verb, pattern, words))
                continue
            if verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in self.s.background_preps for c in verb.children):
                continue  # "recalled its envoy after troops attacked ...": the earlier act only dates the news
            out.extend(self._verb_events(verb, pattern, words, sent_span, seen))
        has_finite = any(t.tag_ in _FINITE for t in sent)
        for noun in nouns:
            if noun.i in consumed or not has_finite:
                continue
            # A noun that is the object or subject of a coded predicate is that predicate's.
            # Not so for an announcement ("announced a suspension of links"): the saying is only
            # a statement and the noun is the event.
            if noun.dep_ in _OBJ + _SUBJ + _PASSIVE_SUBJ + ("attr",) and any(
                noun.head.i == v.i and not (v.lemma_.lower() in self.s.speech_verbs and v.lemma_.lower() in self.s.light_verbs)
                for v, _, _ in matched
            ):
                continue
            patterns = self.lex.nouns[noun.lemma_.lower()]
            hit = self._match(noun, patterns, verb=False)
            if hit is not None:
                out.extend(self._noun_events(noun, hit[0], hit[1], sent_span, seen))
        out = _outermost(out, sent.doc)
        # Reported speech: the saying is a statement only when nothing more specific is in it.
        for verb, pattern, words in speech:
            demand = self._demanded(verb)
            if demand is not None:
                code_ = next(iter(self.s.demand_code))
                out.extend(self._verb_events(verb, replace(pattern, code=code_), words, sent_span, seen, targets=demand))
                continue
            inner = {t.i for t in verb.subtree}
            if any(d.predicate in inner and d.predicate != verb.i for d in out):
                continue
            out.extend(self._verb_events(verb, pattern, words, sent_span, seen, confidence=0.3))
        # Again with the demands read from reported speech: what they contain is part of them.
        return _outermost(out, sent.doc)

    # ---- matching -------------------------------------------------------------------------------

    def _match(self, head: Token, patterns: Iterable[Pattern], verb: bool) -> tuple[Pattern, list[Token]] | None:
        """The most specific pattern whose constraints hold, with the trigger's tokens."""
        children = list(head.children)
        has_object = any(c.dep_ in _OBJ for c in children)
        for p in patterns:
            if verb and p.obj is None and has_object and p.lemma in self.s.intransitive_only:
                continue
            words = [head]
            if p.particle is not None:
                # The parser often reads a particle as an adverb ("fired back at").
                prt = next((c for c in children if c.dep_ in ("prt", "advmod") and c.lower_ == p.particle), None)
                if prt is None:
                    continue
                words.append(prt)
            obj_tok = None
            if p.obj is not None:
                obj_tok = next(
                    (c for c in children if c.dep_ in _OBJ + _PASSIVE_SUBJ + ("attr", "npadvmod") and c.lemma_.lower() == p.obj),
                    None,
                )
                if obj_tok is None and not verb:
                    # Nouns: "hunger strike", "air strike": the lemma is a modifier of the noun.
                    obj_tok = next(
                        (c for c in children if c.dep_ in ("compound", "amod") and c.lemma_.lower() == p.obj), None
                    )
                if obj_tok is None:
                    # "hold phone talks": the lemma may sit in the object's compound.
                    obj = next((c for c in children if c.dep_ in _OBJ), None)
                    if obj is not None and any(c.dep_ == "compound" and c.lemma_.lower() == p.obj for c in obj.children):
                        obj_tok = obj
                if obj_tok is None:
                    continue
                words.append(obj_tok)
            if p.xcomp is not None:
                xc = next(
                    (c for c in children if c.dep_ == "xcomp" and (p.xcomp == "*" or c.lemma_.lower() == p.xcomp)),
                    None,
                )
                if xc is None:
                    continue
                words.append(xc)
            if p.prep is not None:
                holders = [head] + ([obj_tok] if obj_tok is not None else [])
                prep = next(
                    (c for h in holders for c in h.children if c.dep_ in ("prep", "agent", "dative") and c.lower_ == p.prep),
                    None,
                )
                if prep is None:
                    continue
                if p.pobj is not None:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is None or (
                        pobj.lemma_.lower() != p.pobj
                        and not any(c.dep_ == "compound" and c.lemma_.lower() == p.pobj for c in pobj.children)
                    ):
                        continue
                    words.append(pobj)
                words.insert(1, prep)
            return p, words
        return None

    # ---- verbs ------------------------------------------------------------------------------------

    def _verb_events(
        self,
        verb: Token,
        pattern: Pattern,
        words: list[Token],
        sent_span: tuple[int, int],
        seen: set[tuple],
        confidence: float = 0.6,
        targets: list[Token] | None = None,
    ) -> list[_Draft]:
        modality = self._modality(verb)
        if modality is None:
            return []
        if any(c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children) for c in verb.children):
            return []  # "vowed not to return": the promise is of the opposite; no guess
        passive = any(c.dep_ in _PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children)
        stative = passive and self.lemma(verb) in self.s.stative_passives and not any(c.dep_ == "agent" for c in verb.children)
        if stative:
            # "Israel is opposed to ...", "X is committed to ...": a state of the subject, not a
            # passive whose agent acts.
            passive = False
            subj = next((c for c in verb.children if c.dep_ in _PASSIVE_SUBJ), None)
        else:
            subj = self._subject(verb, passive)
        if subj is not None and subj.lower_ in _PRONOUNS:
            subj = self._speaker(verb)
        sources = self._actors(subj, allow_place=False) if subj is not None else []
        # No actor acts: an agentless attack by a named means ("was killed in a bomb blast") or a
        # crowd with no country protesting at a named place; the source is then unidentified.
        unidentified = self._unidentified(verb, pattern, subj) if passive and not sources else None
        if unidentified is None and subj is not None and not sources:
            unidentified = self._crowd(verb, pattern, subj)
        if unidentified is not None:
            if targets is None:
                targets = self._verb_targets(verb, pattern, words, passive)
            return self._drafts(
                verb, pattern.code, words, [unidentified], targets, modality, sent_span, seen, confidence,
                anonymous=True,
            )
        if subj is None:
            return []
        if not any(m.actor.country for m in sources):
            # "Jane Roe, the U.N. refugee envoy, urged": the apposition says who.
            for c in subj.children:
                if c.dep_ == "appos":
                    placed = self._actors(c, allow_place=False)
                    if any(m.actor.country for m in placed):
                        sources = placed
                        break
        if not sources:
            return []
        if targets is None:
            targets = self._verb_targets(verb, pattern, words, passive)
        return self._drafts(verb, pattern.code, words, sources, targets, modality, sent_span, seen, confidence)

    def _unidentified(self, verb: Token, pattern: Pattern, agent: Token | None) -> Mention | None:
        """The unknown attacker of a passive act of violence whose agent is no actor: "was
        killed in a bomb blast", "were wounded by a roadside bomb", "was shot by gunmen". The
        means of violence must be named (a "killed in a car crash" is no attack); the source is
        then an actor without a country, written as the agent phrase (or empty when there is
        none), so that the target and the place are not lost. None otherwise."""
        if self.lex.codes[pattern.code].root not in self.s.unidentified_roots:
            return None
        means = self.s.violent_means
        heads = [agent] if agent is not None else []
        heads += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "by") for g in c.children if g.dep_ == "pobj"]
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

    def _crowd(self, verb: Token, pattern: Pattern, subj: Token) -> Mention | None:
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
        subj = self._counted(subj)  # "Hundreds of ethnic Hungarians"
        if subj.tag_ not in ("NNS", "NNPS"):
            return None
        if self.lemma(subj) not in self.s.actor_nouns and subj.ent_type_ != "NORP":
            return None
        words = [subj] + [c for c in subj.children if c.dep_ in ("amod", "compound") and c.i < subj.i]
        start, end = min(t.idx for t in words), subj.idx + len(subj)
        return Mention(doc_id="", span=(start, end), actor=Actor(text=subj.doc.text[start:end]), kind="group")

    def _counted(self, head: Token) -> Token:
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

    def _demanded(self, speech: Token) -> list[Token] | None:
        """'X said Y must ...': the actors told what they must do, else None."""
        if not self.s.demand_modals or not self.s.demand_code:
            return None
        for c in speech.children:
            if c.dep_ != "ccomp":
                continue
            if not any(g.dep_ == "aux" and g.lower_ in self.s.demand_modals for g in c.children):
                continue
            subj = next((g for g in c.children if g.dep_ in _SUBJ), None)
            if subj is not None and subj.lower_ not in _PRONOUNS and self._actors(subj, allow_place=False):
                return [subj]
        return None

    def _clause_subject(self, verb: Token) -> list[Token]:
        """'demanded that X ...': the subject of the verb's content clause, when it names an actor."""
        for c in verb.children:
            if c.dep_ != "ccomp":
                continue
            subj = next((g for g in c.children if g.dep_ in _SUBJ + _PASSIVE_SUBJ), None)
            if subj is not None and subj.lower_ not in _PRONOUNS and self._actors(subj, allow_place=False):
                return [subj]
        return []

    def _subject(self, verb: Token, passive: bool) -> Token | None:
        t = verb
        for _ in range(8):
            kids = list(t.children)
            if any(c.dep_ in _PASSIVE_SUBJ or c.dep_ == "auxpass" for c in kids):
                if t.i != verb.i and not passive:
                    # "X was indicted by Y and will resign": an active verb sharing a passive
                    # clause's subject acts for its patient, not its agent.
                    return next((c for c in kids if c.dep_ in _PASSIVE_SUBJ), None)
                agent = next((c for c in kids if c.dep_ == "agent"), None)
                pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
                return pobj
            # Two subjects ("Oct 28 (Agency) - X discussed"): the nearest one outside a dateline.
            subjs = [c for c in kids if c.dep_ in _SUBJ and c.idx >= self.dateline_end]
            # "MOSCOW (Agency) - X met Y": the parser often makes the dateline's place the
            # subject and hangs the real one on it as an apposition.
            subjs += [
                g
                for c in kids
                if c.dep_ in _SUBJ and c.idx < self.dateline_end
                for g in c.children
                if g.dep_ == "appos" and g.idx >= self.dateline_end
            ]
            subj = max(subjs, key=lambda c: c.i if c.i < t.i else -c.i) if subjs else None
            if subj is not None:
                if subj.lower_ in _RELATIVE and t.dep_ == "relcl":
                    return t.head
                return subj
            # "France is ready to contribute": the complement of a predicative adjective.
            if t.dep_ in ("xcomp", "conj", "acomp") and t.head.i != t.i:
                t = t.head
                continue
            if t.dep_ in ("acl", "relcl") and t.tag_ in ("VBG", "VBD", "VBN"):
                return t.head if t.tag_ == "VBG" else None
            return None
        return None

    def _speaker(self, verb: Token) -> Token | None:
        """"X said he would visit": a pronoun subject of reported speech is the speaker."""
        t = verb
        for _ in range(6):
            if t.dep_ == "ccomp" and t.head.lemma_.lower() in self.s.speech_verbs:
                subj = self._subject(t.head, passive=False)
                return subj if subj is not None and subj.lower_ not in _PRONOUNS else None
            if t.dep_ in ("xcomp", "conj", "ccomp") and t.head.i != t.i:
                t = t.head
                continue
            return None
        return None

    def _verb_targets(self, verb: Token, pattern: Pattern, words: list[Token], passive: bool) -> list[Token]:
        kids = list(verb.children)
        if passive:
            found = [c for c in kids if c.dep_ in _PASSIVE_SUBJ]
            named = [t for t in found if self._actors(t, allow_place=True)]
            return named or self._fallback_targets(verb, found)
        used = {t.i for t in words}
        # "offered to work with X", "promised to continue aid to X": the complements carry the target.
        holders = [verb] + _xcomp_chain(verb)
        obj = None
        if pattern.obj is not None:
            obj = next(t for t in words[1:] if t.dep_ not in ("prep", "prt", "xcomp", "agent", "dative", "pobj"))
        preps: list[Token] = []
        plain_objs: list[Token] = []
        for h in holders:
            hk = list(h.children)
            if obj is None:
                objs = [c for c in hk if c.dep_ in _OBJ + _DATIVE and c.i not in used]
            else:
                objs = [c for c in hk if c.dep_ in _DATIVE and c.i not in used]
            objs = [next((g for g in o.children if g.dep_ == "pobj"), o) for o in objs]
            plain_objs += [o for o in objs if o.dep_ in _OBJ]
            # "discussed relations with X": an object that names no actor leaves the target open.
            objs = [o for o in objs if self._actors(o, allow_place=True)]
            if objs:
                return objs
            if obj is not None and h.i == verb.i:
                preps += [c for c in obj.children if c.dep_ == "prep"]
            preps += [c for c in hk if c.dep_ == "prep"]
            if obj is None:  # "discussed relations with X": the phrase may hang off the object
                preps += [g for c in hk if c.dep_ in _OBJ for g in c.children if g.dep_ == "prep"]
        wanted = [c for c in preps if c.lower_ == pattern.prep and pattern.pobj is None]
        wanted += [c for c in preps if c.lower_ in self.s.target_preps and c not in wanted]
        for prep in wanted:
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = _stranded_object(prep)
            if pobj is not None and pobj.i not in used and self._actors(pobj, allow_place=True):
                return [pobj]
            if pobj is not None and pattern.prep is not None and prep.lower_ == pattern.prep and prep.lower_ != "with":
                # "complained to the UN over Israeli raids": the pattern's own phrase says whose the
                # grievance is before an audience in another phrase does.
                mods = [c for c in pobj.children if c.dep_ in _ACTOR_MODIFIERS and self._actors(c, allow_place=False)]
                if mods:
                    return mods
        for prep in wanted:
            # "restrictions against German goods": whose the thing is.
            if prep.lower_ == "with":
                continue  # "with X's help": a helper, not the party acted on
            # ("opposed to French mediation": the pattern's own object may still say whose it is.)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                mods = [c for c in pobj.children if c.dep_ in _ACTOR_MODIFIERS and self._actors(c, allow_place=False)]
                if mods:
                    return mods
        if self.lex.codes[pattern.code].root in self.s.clause_target_roots:
            clause = self._clause_subject(verb)
            if clause:
                return clause
        return self._fallback_targets(verb, ([obj] if obj is not None else []) + plain_objs)

    def _fallback_targets(self, verb: Token, objects: list[Token]) -> list[Token]:
        """Weaker evidence for the target, in order: whose the object is ("rejected a U.S.
        proposal", "an offer from X"); the object of a contact participle ("Addressing X, Y
        offered ..."); the place the action happens in ("imposed a curfew in X")."""
        for o in objects:
            mods = [c for c in o.children if c.dep_ in _ACTOR_MODIFIERS and self._actors(c, allow_place=True)]
            if mods:
                return mods
            for prep in o.children:
                if prep.dep_ == "prep" and prep.lower_ in self.s.owner_preps:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None and self._actors(pobj, allow_place=True):
                        return [pobj]
        for c in verb.children:
            if c.dep_ == "advcl" and c.tag_ == "VBG" and c.lemma_.lower() in self.s.contact_participles:
                if any(g.dep_ in _SUBJ for g in c.children):
                    continue  # a participle with its own subject is not the main subject's act
                for g in c.children:
                    if g.dep_ in _OBJ and self._actors(g, allow_place=False):
                        return [g]
                    if g.dep_ == "prep" and g.lower_ in self.s.target_preps:
                        pobj = next((x for x in g.children if x.dep_ == "pobj"), None)
                        if pobj is not None and self._actors(pobj, allow_place=False):
                            return [pobj]
        clause = _clause_words(verb)
        for prep in clause:
            # "mobilized reservists for a war against X": a hostile "against" anywhere in the clause.
            if prep.dep_ == "prep" and prep.lower_ in self.s.against_preps:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is None:
                    continue
                if self._actors(pobj, allow_place=True):
                    return [pobj]
                mods = [c for c in pobj.children if c.dep_ in _ACTOR_MODIFIERS and self._actors(c, allow_place=False)]
                if mods:
                    return mods
        # "rioted at a prison in X", "fired at targets in X": the place of the verb's own phrase.
        phrase = [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for h in [verb] + _xcomp_chain(verb) + objects + phrase:
            for prep in h.children:
                if prep.dep_ == "prep" and prep.lower_ in self.s.location_preps:
                    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                    if pobj is not None:
                        places = [m for m in self._actors(pobj, allow_place=True) if m.kind in ("place", "country")]
                        if places:
                            return [pobj]
        return []

    # ---- nouns --------------------------------------------------------------------------------------

    def _noun_events(
        self, noun: Token, pattern: Pattern, words: list[Token], sent_span: tuple[int, int], seen: set[tuple]
    ) -> list[_Draft]:
        if any(c.lower_ in self.s.negators and c.dep_ in ("det", "neg") for c in noun.children):
            return []
        if noun.dep_ == "pobj" and noun.head.lower_ in self.s.background_preps:
            return []  # "during a summit", "after the attack": a time frame, not the news
        governor = noun.head
        while governor.pos_ not in ("VERB", "AUX") and governor.head.i != governor.i:
            governor = governor.head
        modality: Modality | None = "asserted"
        if governor.pos_ in ("VERB", "AUX"):
            modality = self._modality(governor)
        if modality is None:
            return []
        preps = [c for c in noun.children if c.dep_ == "prep"]
        source_tok: Token | None = None
        targets: list[Token] = []
        between = next((p for p in preps if p.lower_ == "between"), None)
        if between is not None:
            pobj = next((c for c in between.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                actors = self._actors(pobj, allow_place=False)
                if len(actors) >= 2:
                    return self._drafts(
                        noun, pattern.code, words, actors[:1], [], modality, sent_span, seen, 0.45,
                        target_mentions=actors[1:],
                    )
        poss = next((c for c in noun.children if c.dep_ == "poss"), None)
        if poss is not None:
            source_tok = poss
        for p in preps:
            if p.lower_ in self.s.noun_source_preps and source_tok is None:
                source_tok = next((c for c in p.children if c.dep_ == "pobj"), None)
            elif p.lower_ in self.s.noun_target_preps and not targets:
                targets = [c for c in p.children if c.dep_ == "pobj"]
        if not targets:
            # "a suspension of air links with X": the target phrase may hang off the "of" object.
            for p in preps:
                if p.lower_ == "of":
                    for pobj in p.children:
                        for q in pobj.children:
                            if q.dep_ == "prep" and q.lower_ in self.s.noun_target_preps and not targets:
                                targets = [c for c in q.children if c.dep_ == "pobj"]
        sources: list[Mention] = []
        if source_tok is not None:
            sources = self._actors(source_tok, allow_place=False)
        else:
            # "Russian sanctions against Iran": an actor modifier is the source.
            for c in noun.children:
                if c.dep_ in ("amod", "compound", "nmod"):
                    sources = self._actors(c, allow_place=False)
                    if sources:
                        break
        if not sources and noun.dep_ in _OBJ and self.lemma(noun.head) in self.s.light_verbs:
            # "Students staged a demonstration": the light verb's subject is the noun's source.
            subj = self._subject(noun.head, passive=False)
            if subj is not None and subj.lower_ in _PRONOUNS:
                subj = self._speaker(noun.head)
            if subj is not None:
                sources = self._actors(subj, allow_place=False)
            if sources and not targets:
                for p in noun.head.children:
                    if p.dep_ == "prep" and p.lower_ in self.s.noun_target_preps:
                        targets = [c for c in p.children if c.dep_ == "pobj"]
                        break
        if not sources:
            return []
        return self._drafts(noun, pattern.code, words, sources, targets, modality, sent_span, seen, 0.45)

    # ---- shared -------------------------------------------------------------------------------------

    def _drafts(
        self,
        pred: Token,
        code: str,
        words: list[Token],
        sources: list[Mention],
        target_toks: list[Token],
        modality: Modality,
        sent_span: tuple[int, int],
        seen: set[tuple],
        confidence: float,
        target_mentions: list[Mention] | None = None,
        anonymous: bool = False,
    ) -> list[_Draft]:
        if modality == "future":
            code = self.lex.future_code(code)
        targets: list[Mention | None] = list(target_mentions or [])
        for tok in target_toks:
            # A target position may hold a country the actors stage read as a place ("sent arms
            # to Pakistan", "a visit to Moscow"): the country is the party acted on.
            targets.extend(self._actors(tok, allow_place=True))
        if not targets:
            # "The cabinet met on Sunday": a meeting needs a second party; one actor meeting
            # alone is its own business, not an interaction.
            if code in self.s.partner_codes and len(sources) < 2:
                return []
            targets = [None]
        start = min(w.idx for w in words)
        end = max(w.idx + len(w) for w in words)
        out = []
        for src in sources:
            if src.actor.sector == "JRN":  # a news agency reporting something is not its source
                continue
            # An actor with no country (an unresolved name) cannot be placed in a dyad: the event
            # would be a guess about who acted, so none is emitted.
            if src.actor.country is None and not anonymous:
                continue
            for tgt in targets:
                if tgt is not None and _same(src, tgt):
                    tgt = None
                key = (sent_span, _key(src), _key(tgt) if tgt else None, code)
                if key in seen:
                    continue
                seen.add(key)
                conf = confidence + (0.1 if tgt is not None else 0.0)
                out.append(
                    _Draft(
                        sent=sent_span, trigger=(start, end), predicate=pred.i, source=src, target=tgt,
                        code=code, modality=modality, confidence=round(min(conf, 0.9), 2),
                    )
                )
        return out

    def _modality(self, verb: Token) -> Modality | None:
        """asserted / future / hypothetical, or None when the action is negated."""
        s = self.s
        result: Modality = "asserted"
        t = verb
        first = True
        for _ in range(8):
            kids = list(t.children)
            if first or t.dep_ != "conj":
                if any(c.dep_ == "neg" or (c.lower_ in s.negators and c.dep_ in ("advmod", "neg")) for c in kids):
                    return None
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
                elif c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in s.conditional_marks for g in c.children):
                    # "will withdraw unless ...", "said they would meet X if ...": a planned action
                    # on a condition is still a stated intent (or threat); anything else is a maybe.
                    if not any(a.dep_ == "aux" and a.tag_ == "MD" and a.lower_ in s.future_aux | {"would"} for a in kids):
                        result = "hypothetical"
            first = False
            if t.dep_ == "acomp" and t.head.lemma_.lower() == "be":
                t = t.head  # "is ready to ...": the copula adds nothing
                continue
            if t.dep_ == "xcomp" or (t.dep_ == "acomp"):
                head = t.head
                lemma = head.lemma_.lower()
                if lemma in s.negating_heads:
                    return None
                if lemma in s.future_heads:
                    result = _stronger(result, "future")
                elif lemma in s.hypothetical_heads:
                    result = "hypothetical"
                elif lemma not in s.transparent_heads:
                    # "called on X to resume talks": the complement is asked for, not done.
                    result = "hypothetical"
                t = head
                continue
            if t.dep_ == "conj" and t.head.i != t.i:
                t = t.head
                continue
            break
        return result

    def _actors(self, tok: Token, allow_place: bool) -> list[Mention]:
        """The actors a noun phrase names, one per conjunct ("Rice and Gates")."""
        out: list[Mention] = []
        for head in (tok, *tok.conjuncts):
            for m in self._actor_of(head):
                if m.kind == "place" and not allow_place:
                    continue
                if all(m.span != o.span for o in out):
                    out.append(m)
        return out

    def _actor_of(self, head: Token) -> list[Mention]:
        if head.lower_ in _RELATIVE and head.head.dep_ == "relcl":
            head = head.head.head
        # "The agency operating in X said": the parser often makes a reduced relative's
        # participle the clause's subject, with the actor as the participle's own subject.
        if head.tag_ == "VBG" and head.dep_ in _SUBJ:
            inner = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if inner is not None:
                head = inner
        head = self._counted(head)
        toks = [head]
        stack = [head]
        while stack:
            t = stack.pop()
            for c in t.children:
                if c.dep_ in _OUTSIDE_PHRASE and not (c.dep_ == "prep" and c.lower_ == "of" and t.i == head.i):
                    continue
                toks.append(c)
                stack.append(c)
        start = min(t.idx for t in toks)
        end = max(t.idx + len(t) for t in toks)
        found = self.index.overlapping(start, end)
        people = head.lemma_.lower() in self.s.actor_nouns or _plural_name(head)
        if not found and not people:
            return []
        containing = [m for m in found if m.span[0] <= head.idx < m.span[1]]
        if containing:
            return [max(containing, key=lambda m: m.span[1] - m.span[0])]
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


def _stranded_object(prep: Token) -> Token | None:
    """The object of a preposition the parser left without one because it read a reduced
    relative as a clause ("gave shelter to two dissidents hiding in ...": "dissidents" becomes
    the subject of "hiding"): the subject of the clause that starts right after the preposition."""
    if any(True for _ in prep.children):
        return None
    for clause in prep.head.children:
        if clause.dep_ not in ("advcl", "ccomp", "relcl") or clause.i < prep.i:
            continue
        subj = next((c for c in clause.children if c.dep_ in _SUBJ + _PASSIVE_SUBJ), None)
        if subj is not None and subj.left_edge.i == prep.i + 1:
            return subj
    return None


def _plural_name(token: Token) -> bool:
    """A plural proper noun names a people or a group of people ("Turkish Kurds", "Sudanese
    Arabs"): modified by an actor, it stands for that actor like "officials" does."""
    return token.tag_ == "NNPS"


def _outermost(drafts: list[_Draft], doc: Doc) -> list[_Draft]:
    """One event per clause: an event whose predicate is an argument of another coded predicate
    ("complained over the raids", "demanded that X ease ...") is part of that event, not a second
    one. Coordinated predicates ("arrested X and expelled Y") stay separate events."""
    preds = {d.predicate for d in drafts}
    if len(preds) < 2:
        return drafts
    nested: set[int] = set()
    for p in preds:
        t = doc[p]
        only_conj = True
        for _ in range(12):
            if t.head.i == t.i:
                break
            only_conj = only_conj and t.dep_ == "conj"
            t = t.head
            if t.i in preds and t.i != p and not only_conj:
                nested.add(p)
                break
    return [d for d in drafts if d.predicate not in nested]


# Dependents that start another clause or name the actor: not part of the verb's own phrase.
_OTHER_CLAUSE = {"nsubj", "nsubjpass", "csubj", "csubjpass", "ccomp", "advcl", "relcl", "conj", "parataxis", "punct", "cc", "mark", "acl"}


def _clause_words(verb: Token, depth: int = 4) -> list[Token]:
    """The verb's own phrase, breadth first, without other clauses or the subject."""
    out: list[Token] = []
    level = [verb]
    for _ in range(depth):
        level = [c for t in level for c in t.children if c.dep_ not in _OTHER_CLAUSE]
        out.extend(level)
    return out


def _xcomp_chain(verb: Token) -> list[Token]:
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


def _key(m: Mention) -> tuple:
    return (m.actor.actor_id or m.actor.name or m.actor.text, m.span)


def _same(a: Mention, b: Mention) -> bool:
    if a.span == b.span:
        return True
    return a.actor.actor_id is not None and a.actor.actor_id == b.actor.actor_id

