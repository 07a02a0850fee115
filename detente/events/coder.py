"""The event coder: predicates from the lexicon, actors from the dependency parse.

One pass over each sentence's tokens (dict lookups by lemma), then short walks over the parse
around each matched predicate. Precision first: no source actor, no event; nothing matched, no
event; a negated action is not an event.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Span, Token

from detente.actors.knowledge import KnowledgeBase
from detente.actors.lookup import MentionIndex
from detente.dates import TimeIndex
from detente.events.checks import Checks
from detente.events.drafts import Draft, key, outermost, same
from detente.events.lexicon import Lexicon, Pattern
from detente.events.modality import modality
from detente.events.nouns import noun_events
from detente.events.participants import Participants
from detente.events.reported import accusations, event_date
from detente.events.syntax import (
    FINITE,
    OBJ,
    PASSIVE_SUBJ,
    PRONOUNS,
    SUBJ,
    object_control,
    reduced_passive,
)
from detente.events.targets import Targets
from detente.reading import Reading
from detente.records import (
    Event,
    Location,
    Mention,
    Modality,
)


def code(
    reading: Reading,
    index: MentionIndex,
    when: TimeIndex,
    lexicon: Lexicon,
    kb: KnowledgeBase | None = None,
    places: Callable[[str], Location | None] | None = None,
) -> tuple[Event, ...]:
    """The article's events, numbered ``{doc_id}:e{n}`` in text order. With ``kb``, a country
    adjective on the phrase an action is aimed at names its target ("bombed Syrian villages");
    with ``places`` (a place name to the place), a city the sympathy is for names its country."""
    doc, article = reading.doc, reading.article
    if not len(index):
        return ()
    # Words of a dateline ("KYIV. May 3 (Ukrinform) -") are glued by the parser into the first
    # sentence and can be taken as its subject: they never name the actor.
    dateline = reading.dateline
    who = Participants(
        lexicon, index, dateline_end=dateline.span[1] if dateline else 0, kb=kb, places=places, doc_id=article.doc_id
    )
    coder = SentenceCoder(lexicon, who)
    drafts: list[Draft] = []
    for start, end in reading.sentences.bounds:  # (the bounds Doc.sents gives, read once)
        drafts.extend(coder.sentence(doc[start:end]))
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
                date=event_date(d.predicate, doc, when, lexicon, d.trigger),
                confidence=d.confidence,
                pattern_id=d.pattern,
            )
        )
    return tuple(events)


class SentenceCoder:
    def __init__(self, lexicon: Lexicon, who: Participants) -> None:
        self.lex = lexicon
        self.s = lexicon.settings
        self.index = who.index
        self.who = who  # the article's actors around a predicate
        self.targets = Targets(lexicon, who)
        self.check = Checks(lexicon, who, who.kb)

    def lemma(self, tok: Token) -> str:
        """The token's lemma, with the model's known slips corrected."""
        return self.who.lemma(tok)

    # ---- the sentence pass -------------------------------------------------------------------

    def sentence(self, sent: Span) -> list[Draft]:
        consumed: set[int] = set()
        matched: list[tuple[Token, Pattern, list[Token]]] = []
        naming: list[tuple[Token, list[Token], str]] = []  # "called X a liar" (``named_as``)
        nouns: list[Token] = []
        for tok in sent:
            # "is opposed to": a predicative adjective can carry the event like a verb.
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB") or (tok.pos_ == "ADJ" and tok.dep_ == "acomp"):
                patterns = self.lex.verbs.get(self.lemma(tok))
                hit = self._match(tok, patterns, verb=True) if patterns else None
                if hit is not None:
                    matched.append((tok, hit[0], hit[1]))
                    consumed.update(t.i for t in hit[1])
                elif self.lemma(tok) in self.s.naming_verbs and (named := self.who.named_as(tok)) is not None:
                    naming.append((tok, *named))
            elif tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in self.lex.nouns:
                nouns.append(tok)
        # A predicate that is the complement of a matched one ("refused to meet") is part of it.
        inner = {t.i for _, _, words in matched for t in words[1:]}
        matched = [m for m in matched if m[0].i not in inner]
        out: list[Draft] = []
        seen: set[tuple] = set()
        speech: list[tuple[Token, Pattern, list[Token]]] = []
        sent_span = (sent.start_char, sent.end_char)
        for verb, pattern, words in matched:
            if self.lex.codes[pattern.code].root == "01" and verb.lemma_.lower() in self.s.speech_verbs:
                speech.append((verb, pattern, words))
                continue
            if verb.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.s.background_preps for c in verb.children
            ):
                continue  # "recalled its envoy after troops attacked ...": the earlier act only dates the news
            pattern = self.check.obstruction(verb, self.check.warning(verb, self._composed(verb, pattern)))
            out.extend(self._verb_events(verb, pattern, words, sent_span, seen))
        for verb, parties, code_ in naming:
            rule = Pattern(lemma=self.lemma(verb), code=code_, text="name-calling", table="rule")
            out.extend(self._verb_events(verb, rule, [verb], sent_span, seen, targets=parties))
        has_finite = bool(nouns) and any(t.tag_ in FINITE for t in sent)
        for noun in nouns:
            if noun.i in consumed or not has_finite:
                continue
            # A noun that is the object or subject of a coded predicate is that predicate's.
            # Not so for an announcement ("announced a suspension of links"): the saying is only
            # a statement and the noun is the event.
            if noun.dep_ in OBJ + SUBJ + PASSIVE_SUBJ + ("attr",) and any(
                noun.head.i == v.i
                and not (v.lemma_.lower() in self.s.speech_verbs and v.lemma_.lower() in self.s.light_verbs)
                for v, _, _ in matched
            ):
                continue
            patterns = self.lex.nouns[noun.lemma_.lower()]
            hit = self._match(noun, patterns, verb=False)
            if hit is not None:
                out.extend(noun_events(self, noun, hit[0], hit[1], sent_span, seen))
        out = outermost(out, sent.doc, self.s.contrast_marks | self.s.contemporary_preps)
        # Reported speech: the saying is a statement only when nothing more specific is in it.
        composed: list[Draft] = []
        for verb, pattern, words in speech:
            demand = self.who.demanded(verb) or self.who.denigrated(verb)
            if demand is not None:
                told, code_ = demand
                out.extend(self._verb_events(verb, replace(pattern, code=code_), words, sent_span, seen, targets=told))
                continue
            inner = {t.i for t in verb.subtree}
            reported = [d for d in out if d.predicate in inner and d.predicate != verb.i]
            if reported:
                # The report is composed with what it states (PETRARCH2): the stated event stays,
                # and a speaker who says another actor attacked or broke the law accuses it.
                composed.extend(self._accusations(verb, words, reported, sent_span, seen))
                continue
            # A statement with no one it is about or addressed to is no event (`drafts`).
            out.extend(self._verb_events(verb, pattern, words, sent_span, seen, confidence=0.3))
        # Again with the demands read from reported speech: what they contain is part of them.
        # An accusation composed from a report stands beside the event reported, not over it.
        return outermost(out, sent.doc, self.s.contrast_marks | self.s.contemporary_preps) + composed

    def _composed(self, verb: Token, pattern: Pattern) -> Pattern:
        """ "vowed to impose sanctions": a promise whose pattern leaves its open complement
        unnamed, and whose complement is a coercive act, is the threat of that act ([future]), as
        PETRARCH2 composes a promise with what is promised; not a pledge of cooperation (03)."""
        if self.lex.codes[pattern.code].root != "03" or pattern.xcomp not in (None, "*"):
            return pattern
        for xc in verb.children:
            inner = self.lex.verbs.get(self.lemma(xc)) if xc.dep_ == "xcomp" else None
            hit = self._match(xc, inner, verb=True) if inner else None
            if hit is None:
                continue
            planned = self.lex.future_code(hit[0].code)
            if self.lex.codes[planned].root == "13":
                return replace(pattern, code=planned)
        return pattern

    # ---- matching -------------------------------------------------------------------------------

    def _match(self, head: Token, patterns: Iterable[Pattern], verb: bool) -> tuple[Pattern, list[Token]] | None:
        """The most specific pattern whose constraints hold, with the trigger's tokens."""
        children = list(head.children)
        has_object = any(c.dep_ in OBJ for c in children)
        for p in patterns:
            if verb and p.obj is None and has_object and p.lemma in self.s.intransitive_only:
                continue
            if (
                verb
                and p.particle is None
                and any(c.dep_ == "prt" and c.lower_ in self.s.reversing_particles for c in children)
            ):
                continue  # "eased off": not "ease"
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
                    (
                        c
                        for c in children
                        if c.dep_ in OBJ + PASSIVE_SUBJ + ("attr", "npadvmod") and c.lemma_.lower() == p.obj
                    ),
                    None,
                )
                if obj_tok is None and verb and reduced_passive(head) and head.head.lemma_.lower() == p.obj:
                    obj_tok = head.head  # "sanctions imposed by X on Y": the noun is the object
                if obj_tok is None and not verb:
                    # Nouns: "hunger strike", "air strike": the lemma is a modifier of the noun.
                    obj_tok = next(
                        (c for c in children if c.dep_ in ("compound", "amod") and c.lemma_.lower() == p.obj), None
                    )
                counted = None
                if obj_tok is None:
                    # "sent a consignment of weapons", "imposed a new round of sanctions":
                    # the lemma may be what a measure of the object counts (the measure stands
                    # as the object, and both are the trigger's words)
                    obj_tok, counted = next(
                        (
                            (c, g)
                            for c in children
                            if c.dep_ in OBJ + PASSIVE_SUBJ and c.lemma_.lower() in self.s.measure_nouns
                            for prep in c.children
                            if prep.dep_ == "prep" and prep.lower_ == "of"
                            for pobj in prep.children
                            if pobj.dep_ == "pobj"
                            for g in (pobj, *pobj.conjuncts)
                            if g.lemma_.lower() == p.obj
                        ),
                        (None, None),
                    )
                if obj_tok is None:
                    # "hold phone talks": the lemma may sit in the object's compound.
                    obj = next((c for c in children if c.dep_ in OBJ), None)
                    if obj is not None and any(
                        c.dep_ == "compound" and c.lemma_.lower() == p.obj for c in obj.children
                    ):
                        obj_tok = obj
                if obj_tok is None:
                    continue
                words.append(obj_tok)
                if counted is not None:
                    words.append(counted)
            if p.xcomp is not None:
                xc = next(
                    (
                        c
                        for c in children
                        if (c.dep_ == "xcomp" or (has_object and object_control(c)))
                        and (p.xcomp == "*" or c.lemma_.lower() == p.xcomp)
                    ),
                    None,
                )
                if xc is None:
                    continue
                words.append(xc)
            if p.prep is not None:
                holders = [head] + ([obj_tok] if obj_tok is not None else [])
                # "linked the attack to X", "left Paris for X": the object is part of the pattern,
                # and the parser may hang the preposition on it
                tied = [c for c in children if c.dep_ in OBJ] if verb and p.lemma in self.s.object_prep_verbs else []
                holders += tied
                prep = next(
                    (
                        c
                        for h in holders
                        for c in h.children
                        if c.dep_ in ("prep", "agent", "dative")
                        and c.lower_ == p.prep
                        and not self.check.when(c)
                        # "On Monday's show, X called Y ...": a phrase before a verb is an adjunct
                        # set in front, not the verb's own ("called on Y")
                        and not (verb and h is head and c.i < head.i)
                    ),
                    None,
                )
                if prep is None:
                    continue
                words += [c for c in tied if c is not obj_tok and c.i > head.i]  # (not a relative "which")
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
    ) -> list[Draft]:
        modality = self.clause_modality(verb)
        if modality is None:
            return []
        if self.check.wrong_sense(verb, pattern):
            return []  # "abused their privileges", "released a statement", "admitted refugees"
        if any(c.dep_ == "xcomp" and any(g.dep_ == "neg" for g in c.children) for c in verb.children):
            return []  # "vowed not to return": the promise is of the opposite; no guess
        passive = any(c.dep_ in PASSIVE_SUBJ or c.dep_ == "auxpass" for c in verb.children) or reduced_passive(verb)
        stative = (
            passive
            and self.lemma(verb) in self.s.stative_passives
            and not any(c.dep_ == "agent" for c in verb.children)
        )
        if stative:
            # "Israel is opposed to ...", "X is committed to ...": a state of the subject, not a
            # passive whose agent acts.
            passive = False
            subj = next((c for c in verb.children if c.dep_ in PASSIVE_SUBJ), None)
        else:
            subj = self.who.subject(verb, passive)
        # A pronoun subject is who the actors stage's coreference says it is; failing that, in
        # reported speech ("X said he would ..."), the speaker.
        plural = (
            self.who.plural_subject(subj) if subj is not None and not self.who.actors(subj, allow_place=False) else []
        )
        if not plural and subj is not None and subj.lower_ in PRONOUNS and not self.who.actors(subj, allow_place=False):
            subj = self.who.speaker(verb, subj.lower_)
        sources = plural or (self.who.actors(subj, allow_place=False) if subj is not None else [])
        # No actor acts: an agentless attack by a named means ("was killed in a bomb blast") or a
        # crowd with no country protesting at a named place; the source is then unidentified.
        unidentified = self.who.unidentified(verb, pattern, subj) if passive and not sources else None
        if unidentified is None and subj is not None and not sources:
            unidentified = self.who.crowd(verb, pattern, subj)
        if unidentified is not None:
            if targets is None:
                targets = self.targets.verb_targets(verb, pattern, words, passive)
            return self.drafts(
                verb,
                pattern,
                words,
                [unidentified],
                targets,
                modality,
                sent_span,
                seen,
                confidence,
                anonymous=True,
            )
        if subj is None:
            return []
        if not any(m.actor.country for m in sources):
            # "Jane Roe, the U.N. refugee envoy, urged": the apposition says who.
            for c in subj.children:
                if c.dep_ == "appos":
                    placed = self.who.actors(c, allow_place=False)
                    if any(m.actor.country for m in placed):
                        sources = placed
                        break
        if not sources:
            return []
        if self.lex.codes[pattern.code].root in self.s.crowd_roots and (
            self.lemma(self.who.counted(subj)) in self.s.armed_nouns
            or any(m.actor.sector in self.s.armed_sectors for m in sources)
            or self.check.armed(subj, sources)
        ):
            return []  # "troops marched on the capital": an advance, not a protest
        if targets is None:
            targets = self.targets.verb_targets(verb, pattern, words, passive)
            if not targets and any(pattern.code.startswith(p) for p in self.s.reciprocal_prefixes):
                # "the talks held by X with Y": the parser often hangs the partner on the source
                targets = [
                    g
                    for c in subj.children
                    if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children
                    if g.dep_ == "pobj" and self.who.actors(g, allow_place=False)
                ]
        if not targets and reduced_passive(verb):
            return []  # "property seized by X in the 1970s": background to the clause, coded only as a dyad
        # ("his condolences": a possessive is the sympathiser, not whom the sympathy is for)
        open_target = all(t.tag_ == "PRP$" for t in targets)
        struck = self.check.struck_city(verb, words) if open_target and pattern.code in self.s.sympathy_codes else []
        return self.drafts(
            verb, pattern, words, sources, [] if struck else targets, modality, sent_span, seen, confidence, struck
        )

    def _accusations(
        self, verb: Token, words: list[Token], reported: list[Draft], sent_span: tuple[int, int], seen: set[tuple]
    ) -> list[Draft]:
        """The speaker's accusation of the actors a report says attacked or broke the law."""
        if self.clause_modality(verb) != "asserted":
            return []
        subj = self.who.subject(verb, passive=False)
        if subj is not None and subj.lower_ in PRONOUNS and not self.who.actors(subj, allow_place=False):
            subj = self.who.speaker(verb, subj.lower_)
        speakers = self.who.actors(subj, allow_place=False) if subj is not None else []
        accused = accusations(speakers, [(d.source, d.target, d.code, d.modality) for d in reported], self.s)
        code_ = next(iter(self.s.accusation_code), None)
        if not accused or code_ is None:
            return []
        # Composed from the report, not matched in the lexicon: its id names the rule.
        rule = Pattern(lemma=verb.lemma_.lower(), code=code_, text="reported accusation", table="rule")
        out: list[Draft] = []
        for speaker, target in accused:
            out.extend(
                self.drafts(
                    verb, rule, words, [speaker], [], "asserted", sent_span, seen, 0.5, target_mentions=[target]
                )
            )
        return out

    # ---- nouns --------------------------------------------------------------------------------------

    # ---- shared -------------------------------------------------------------------------------------

    def drafts(
        self,
        pred: Token,
        pattern: Pattern,
        words: list[Token],
        sources: list[Mention],
        target_toks: list[Token],
        modality: Modality,
        sent_span: tuple[int, int],
        seen: set[tuple],
        confidence: float,
        target_mentions: list[Mention] | None = None,
        anonymous: bool = False,
    ) -> list[Draft]:
        if modality == "hypothetical":
            return []  # possible, conditional, wished for or suggested: it did not happen
        if self.check.question(pred, pattern):
            return []  # "asked X whether ...": a question, no appeal
        if self.lex.codes[pattern.code].root in self.s.habit_roots and any(
            c.dep_ == "advmod" and c.lower_ in self.s.habitual_adverbs for c in pred.children
        ):
            return []  # "speaks often with X": a habit of talk, no particular event
        code = pattern.code
        if modality == "future":
            code = self.lex.future_code(code)
            if code == pattern.code and self.lex.codes[code].root not in self.s.intent_roots:
                return []  # "will criticize X": CAMEO has no intent to code it as; it has not happened
        targets: list[Mention | None] = list(target_mentions or [])
        reciprocal = (
            any(code.startswith(p) for p in self.s.reciprocal_prefixes)
            or pattern.lemma in self.s.reciprocal_lemmas
            or any(c.dep_ == "amod" and c.lower_ in self.s.shared_modifiers for w in words[1:] for c in w.children)
        )
        if reciprocal and len({m.actor.country for m in sources}) >= 2:
            # "X and Y met in Z": the place is where the pair met, not a third party.
            target_toks = [t for t in target_toks if not (t.dep_ == "pobj" and t.head.lower_ in self.s.location_preps)]
        # "told reporters", "spoke to a network's anchor": the press or an audience a statement
        # is made or an interview given to is not its target; a journalist acted on ("arrested
        # an American reporter") is.
        root = self.lex.codes[code].root
        statement = root == "01"
        audience = root in self.s.audience_roots
        own = {w.i for w in words}
        moved: set[tuple[int, int]] = set()  # "deployed its soldiers": what is moved, if the source's own
        topics = False  # a target position held only the act's topic
        for tok in target_toks:
            if audience and (
                self.lemma(tok) in self.s.audience_nouns
                or self.who.of_the_press(tok, pred if statement else None)
                or self.check.title(tok)
            ):
                continue
            if self.check.topic(tok, pred, root, own) or self.check.answered(tok, pred, root):
                topics = True
                continue  # "opposed the Kuwait invasion", "fired back that X ...": the topic, no party
            if self.check.commanded(tok, pred, own):
                continue  # "ordered troops to X": the party of a command is the one commanded
            # A target position may hold a country the actors stage read as a place ("sent arms
            # to Pakistan", "a visit to Moscow"): the country is the party acted on. A statement is
            # made in a city, not to it ("told an audience in X"), unless the place is a country
            # or a capital that stands for its government.
            found = [
                m
                for m in self.who.actors(tok, allow_place=True)
                if not (audience and self.check.of_the_press(m))
                and not (statement and m.kind == "place" and not self.who.names_country(m))
            ]
            if self.check.means(tok, pred):
                moved.update(m.span for m in found)
            targets.extend(found)
        if topics and not targets:
            # "criticized Russia's statement on Ukraine": with the topic set aside, whose the object is
            owners = [
                g for c in pred.children if c.dep_ in OBJ for g in c.children if g.dep_ == "poss" and g.i not in own
            ]
            targets.extend(m for g in owners for m in self.who.actors(g, allow_place=False))
        phone = next(iter(self.s.phone_code), None)
        if statement and targets and phone is not None and self.check.by_phone(pred):
            code = phone  # "weighed in by phone with X": a telephone discussion (041)
        at_home = any(pattern.code.startswith(p) for p in self.s.abroad_prefixes)
        figurative = any(pattern.code.startswith(p) for p in self.s.figurative_prefixes)
        verbal = next(iter(self.s.verbal_attack_code), None)
        attack_words = {w for w in (pattern.lemma, pattern.obj) if w} & self.s.verbal_attack_lemmas
        pairs: list[tuple[Mention, Mention | None]]
        if not targets:
            # "The cabinet met on Sunday": a meeting needs a second party; one actor meeting
            # alone is its own business, not an interaction.
            if code in self.s.partner_codes and len(sources) < 2:
                return []
            if reciprocal and len(sources) >= 2:
                # "X and Y met", "X and Y signed a pact": one event per pair of co-ordinated
                # actors, in text order, not mirrored (output contract).
                pairs = [(a, b) for n, a in enumerate(sources) for b in sources[n + 1 :]]
            else:
                pairs = [(src, None) for src in sources]
        else:
            pairs = [(src, tgt) for src in sources for tgt in targets]
        start = min(w.idx for w in words)
        end = max(w.idx + len(w) for w in words)
        out = []
        for src, tgt in pairs:
            if self.check.of_the_press(src) or self.check.polled(pred, src):
                continue  # a news agency or a reporter asking, or a poll's share of voters, is not a source
            # An actor with no country (an unresolved name) cannot be placed in a dyad: the event
            # would be a guess about who acted, so none is emitted.
            if src.actor.country is None and not anonymous:
                continue
            home = tgt is not None and tgt.actor.country == src.actor.country
            if home and tgt is not None and root in self.s.topic_object_roots and self.check.modifies_thing(pred, tgt):
                tgt = None  # "opposes Polish spending abroad", said by a Pole: a stance
            if home and tgt is not None and root in self.s.own_country_roots and self.check.whole_country(pred, tgt):
                continue  # "X said Poland should lead", said by a Pole: a policy, no appeal
            if tgt is not None and (
                same(src, tgt)
                or (at_home and home and tgt.kind in ("place", "country"))
                or (tgt.span in moved and home)
            ):
                tgt = None  # "arrived in Chicago" said of an American: a place at home is no host
            if tgt is None and code in self.s.bare_statement_codes:
                continue  # a statement about or to no one: the quote record holds it
            if self.check.private_visit(code, pred, src, tgt):
                continue  # a trip by a person with no office to a place is no meeting of states
            this = code
            if figurative and self.check.figure(pred, src, tgt):
                # A prize of politics ("captured the nomination") is won by no weapon.
                if self.check.prize(pred) or not self.check.armed_sentence(pred, words):
                    # Campaign rhetoric: "attacked her rival" is criticism; "beat him in the
                    # polls", "seized on his words" are no event.
                    if not attack_words or verbal is None or modality == "future":
                        continue  # ("will attack her rival": criticism to come has not happened)
                    this = verbal
            done = (sent_span, key(src), key(tgt) if tgt else None, this)
            if done in seen:
                continue
            seen.add(done)
            conf = confidence + (0.1 if tgt is not None else 0.0)
            out.append(
                Draft(
                    sent=sent_span,
                    trigger=(start, end),
                    predicate=pred.i,
                    source=src,
                    target=tgt,
                    code=this,
                    modality=modality,
                    confidence=round(min(conf, 0.9), 2),
                    pattern=pattern.id,
                )
            )
        return out

    def clause_modality(self, verb: Token) -> Modality | None:
        """asserted / future / hypothetical, or None when the action is negated (``modality``)."""
        return modality(verb, self.s, self.lemma)
