"""Finding the place phrase attached to an event's clause in the dependency parse.

Order of evidence, most direct first (``detente.places.stage`` applies it):
1. the trigger's own phrases: "met in Geneva", "talks at the Kremlin", "travelled to Beijing",
   "withdrew from Kidal", "visited Tehran", "the Moscow summit";
2. for a definite event noun ("the meeting was attended"), the place of its earlier mention;
3. a locative phrase elsewhere in the same clause, outside embedded clauses ("militias
   clashed ... in a suburb of Tripoli"), nearest to the trigger first.

Only proper-noun phrases are looked up, and an unknown name is skipped (the next candidate is
tried), never fatal.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType

from spacy.tokens import Doc, Span, Token

from detente.places.gazetteer import Gazetteer, Phrasing, Place

# Entity labels that can name a place. spaCy's small model often labels "the Kremlin" ORG and a
# small town NORP or PERSON; the locative preposition is the stronger evidence, and the
# gazetteer decides whether the name is a place at all.
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_NAME_LABELS = frozenset({"ORG", "NORP", "PERSON", ""})

# Dependencies that start another clause: another event's place, not this one's.
CLAUSE_DEPS = frozenset({"ccomp", "advcl", "relcl", "parataxis", "csubj", "csubjpass", "conj"})
# Children that leave a noun phrase for another clause when searching inside it.
NP_EXITS = frozenset({"relcl", "acl", "advcl", "ccomp", "conj", "cc", "punct", "parataxis"})
# Modifiers that can carry a place name inside a noun phrase ("a West Bank refugee camp",
# "East Timor's capital Dili").
NAME_MODIFIERS = frozenset({"compound", "nmod", "poss", "amod", "npadvmod"})

# How many argument prepositions deep a place is still the event's ("denounced X's suppression
# of unrest in Y": two); deeper ones belong to the arguments' own arguments.
ARGUMENT_HOPS = 2

SPECIFICITY: Mapping[str, int] = MappingProxyType({"site": 0, "city": 1, "region": 2, "country": 3})


@dataclass(frozen=True, slots=True, kw_only=True)
class Context:
    """What the article and the event's sentence say about which country is meant."""

    weak: frozenset[str]  # alpha-3 codes named in the article or held by the event's actors
    near: frozenset[str]  # named in the event's sentence
    regions: frozenset[str]  # first-level regions named in the sentence ("USA.ID")


class PlaceFinder:
    """Place phrases of one parsed document (built once per document by ``locate``)."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.phrasing: Phrasing = gazetteer.phrasing
        self._entity_at: dict[int, Span] = {}
        # Doc.ents and Span.ents scan every entity of the document on each read: read them
        # once, in order, and find a stretch's entities by bisection.
        self._ents: tuple[Span, ...] = tuple(doc.ents)
        self._ent_starts: list[int] = [ent.start for ent in self._ents]
        for ent in self._ents:
            for i in range(ent.start, ent.end):
                self._entity_at[i] = ent

    def _ents_in(self, span: Span | Doc) -> Iterator[Span]:
        """The entities wholly inside `span` (what ``span.ents`` gives), without a scan."""
        start, end = (0, len(span)) if isinstance(span, Doc) else (span.start, span.end)
        for k in range(bisect_left(self._ent_starts, start), len(self._ents)):
            ent = self._ents[k]
            if ent.start >= end:
                break
            if ent.end <= end:
                yield ent

    # --- context ---------------------------------------------------------------------------
    def countries_named(self, span: Span | Doc, as_place: bool = False) -> tuple[frozenset[str], frozenset[str]]:
        """Countries and first-level regions a stretch of text names: by place name
        ("Lebanon", "Idaho") or by adjective ("Lebanese").

        ``as_place``: only countries named as where something is ("the Lebanese port",
        "Lebanon's Tripoli", "in northern Lebanon"), not as who acts ("a U.S. official",
        "Syrian officers", "Iraq said"): only those say which same-named city is meant.
        """
        countries: set[str] = set()
        regions: set[str] = set()
        for ent in self._ents_in(span):
            if ent.label_ in PLACE_LABELS:
                place = self.gazetteer.resolve(ent.text)
                if place is None:
                    continue
                if place.kind == "region" and place.admin1:
                    regions.add(place.admin1)
                    continue
                if place.kind != "country" or not place.country:
                    continue
                code: str | None = place.country
            elif ent.label_ == "NORP":
                code = self.gazetteer.country_of_adjective(ent.text)
            else:
                continue
            if code and (not as_place or self._names_a_place(ent.root)):
                countries.add(code)
        return frozenset(countries), frozenset(regions)

    def _names_a_place(self, root: Token) -> bool:
        head = root.head
        if root.dep_ in ("appos", "npadvmod"):
            return True
        if root.dep_ in ("compound", "amod", "nmod", "poss"):
            if head.lemma_.lower() in self.phrasing.place_nouns:
                return True
            # "Lebanon's Tripoli", but not "U.S. Secretary of State John Kerry".
            name = self._name_at(head) if head.pos_ == "PROPN" else None
            if name is None or root.i in range(name.start, name.end):
                return False
            place = self.gazetteer.resolve(name.text)
            return place is not None and place.kind != "country"
        if root.dep_ == "pobj":
            prep = head.lower_
            if prep in self.phrasing.locative:
                return True
            return prep == "of" and head.head.lemma_.lower() in self.phrasing.place_nouns
        return False

    # --- the event's place -----------------------------------------------------------------
    def place_of(self, trigger: Span, context: Context) -> Place | None:
        """The place of the event whose trigger is ``trigger``, or None."""
        return self.attached_place(trigger, context) or self.clause_place(trigger, context)

    def attached_place(self, trigger: Span, context: Context) -> Place | None:
        """The place in a phrase attached to the trigger or its clause head."""
        return self._first_place(self._attached(trigger, self._clause_path(trigger)), context)

    def clause_place(self, trigger: Span, context: Context, deep: bool = True) -> Place | None:
        """The place in a locative phrase elsewhere in the trigger's clause.

        ``deep``: also inside the clause's other prepositional phrases ("ended mediation
        between militias in Tripoli"). Right for physical actions; for statements such a place
        is usually the topic, not where it was said ("sanctions over Russia's actions in
        Crimea"), so callers turn it off there.
        """
        return self._first_place(self._clause_locatives(trigger, self._walk(trigger)[-1], deep), context)

    def circumstance_place(self, trigger: Span, context: Context) -> Place | None:
        """The place in an adverbial clause of the trigger's clause, which tells the
        circumstances the event happened in ("resigned as the opposition threatened to storm
        his residence in Tbilisi"). Relative and noun clauses ("a plan to station missiles in
        Norway", "who was born in Kyiv") describe something else and are not searched."""
        clauses = (c for c in self._walk(trigger)[-1].children if c.dep_ == "advcl")
        return self._first_place((n for c in clauses for n in self._clause_locatives(trigger, c, deep=False)), context)

    def argument_place(self, trigger: Span, context: Context, material: bool = False) -> Place | None:
        """The place in a locative phrase inside the event's arguments: its direct object and
        the objects of its argument prepositions ("called for a ceasefire with militias in northern X",
        "appealed to the parties to the conflict in X", "condemned the crackdown on protesters
        in X"), at most ``ARGUMENT_HOPS`` argument prepositions down, nearest to the trigger
        first. Clauses inside the arguments ("a plan to deploy troops in X", "a man who was
        born in X") describe something else and are not searched.

        ``material``: for physical actions, a path the object runs along also places it ("cut
        the roads into X", "blew up the pipelines leading to X"): the action is done on it."""
        ph = self.phrasing
        head = self._walk(trigger)[-1]
        stack: list[tuple[Token, int]] = []
        for child in head.children:
            if child.dep_ in ("dobj", "obj", "dative"):
                stack.append((child, 0))
            elif child.dep_ == "prep" and child.lower_ in ph.argument_preps:
                stack.append((child, 1))
        found: list[Token] = []
        while stack:
            token, hops = stack.pop()
            for child in token.children:
                dep = child.dep_
                if dep == "prep":
                    objects = [o for o in child.children if o.dep_ in ("pobj", "obj")]
                    if any(o.lemma_.lower() in ph.idiom_nouns for o in objects):
                        continue
                    if child.lower_ in ph.locative or (material and hops == 0 and child.lower_ in ph.path_preps):
                        found.append(child)
                    elif child.lower_ in ph.argument_preps and hops < ARGUMENT_HOPS:
                        stack.append((child, hops + 1))
                elif dep in ("pobj", "obj", "appos"):
                    stack.append((child, hops))
                elif material and hops == 0 and dep == "acl" and child.tag_ == "VBG":
                    # "pipelines leading into X": the participle only says where the object runs.
                    # Only "into" there: "a bridge spanning the river from X to Y" names both ends.
                    found.extend(p for p in child.children if p.dep_ == "prep" and p.lower_ == "into")
        centre = trigger.root.i
        nearest_first = sorted(found, key=lambda t: abs(t.i - centre))
        return self._first_place((c for prep in nearest_first for c in _objects(prep, countries=True)), context)

    def subject_place(self, trigger: Span, context: Context) -> Place | None:
        """The place in a participle phrase on the clause's subject ("the agency working in X
        said", "troops stationed near X fired"): where the actor is, when nothing says where
        the action is. The parser often makes such a participle the subject itself, with the
        actor as its own subject; both shapes are read."""
        participles: list[Token] = []
        for subject in self._walk(trigger)[-1].children:
            if subject.dep_ not in ("nsubj", "nsubjpass"):
                continue
            if subject.tag_ == "VBG" and any(c.dep_ == "nsubj" for c in subject.children):
                participles.append(subject)
            else:
                participles += [c for c in subject.children if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")]
        preps = (
            p for pt in participles for p in pt.children if p.dep_ == "prep" and p.lower_ in self.phrasing.locative
        )
        return self._first_place((c for prep in preps for c in _objects(prep, countries=True)), context)

    def _first_place(self, candidates: Iterable[_Candidate], context: Context) -> Place | None:
        """The first candidate phrase that resolves to a place, in the order given."""
        for candidate in candidates:
            place = self._resolve_np(candidate, context)
            if place is not None:
                return place
        return None

    def event_noun(self, trigger: Span) -> Token | None:
        """The definite event noun a trigger refers back with ("the meeting was attended",
        "the talks ended"), if any."""
        for token in trigger:
            if token.lemma_.lower() in self.phrasing.event_nouns and token.pos_ == "NOUN":
                if any(c.dep_ in ("det", "poss") and c.lower_ in self.phrasing.definite for c in token.children):
                    return token
        return None

    def _clause_path(self, trigger: Span) -> list[Token]:
        """The trigger's root, its heads up to the clause's verb ("talks" -> "held"; "talk" in
        "return to Geneva for talk" -> "for" -> "return"), then the trigger's other tokens.
        """
        walk = self._walk(trigger)
        seen = {t.i for t in walk}
        return walk + [t for t in trigger if t.i not in seen]

    def _walk(self, trigger: Span) -> list[Token]:
        token = trigger.root
        walk = [token]
        while token.dep_ not in CLAUSE_DEPS and token.head.i != token.i:
            if token.pos_ in ("VERB", "AUX") and token.dep_ != "xcomp":
                break
            token = token.head
            walk.append(token)
        return walk

    def _attached(self, trigger: Span, path: list[Token]) -> Iterator[_Candidate]:
        """Place phrases attached directly to the trigger or its clause head."""
        ph = self.phrasing
        trigger_ids = {t.i for t in trigger}
        for token in path:
            lemma = token.lemma_.lower()
            for child in token.children:
                # A trigger's own words are not its place, but a preposition inside a long
                # trigger still can give one ("returned to X for talks" spans "to X").
                if child.i in trigger_ids and child.dep_ != "prep":
                    continue
                if child.dep_ == "prep":
                    prep = child.lower_
                    if prep in ph.locative:
                        yield from _objects(child, countries=True)
                    elif prep in ph.surface:
                        yield from _objects(child, countries=False)
                    elif (prep == "to" and lemma in ph.motion_verbs) or (
                        prep == "from" and lemma in ph.departure_verbs
                    ):
                        yield from _objects(child, countries=True)
                elif child.dep_ in ("dobj", "obj"):
                    if lemma in ph.object_verbs:
                        yield _Candidate(child, countries=True)
                    # "evacuated the wounded from Gorazde", "sent troops to Mali": the parser
                    # often hangs the direction on the object.
                    for grandchild in child.children:
                        if grandchild.dep_ != "prep":
                            continue
                        if (grandchild.lower_ == "to" and lemma in ph.motion_verbs) or (
                            grandchild.lower_ == "from" and lemma in ph.departure_verbs
                        ):
                            yield from _objects(grandchild, countries=True)
                elif (
                    child.dep_ in ("compound", "nmod", "amod") and token.pos_ in ("NOUN", "PROPN") and child.i < token.i
                ):
                    # "the Moscow summit", "the Geneva talks": a name that modifies the event
                    # noun. A country there is the actor ("the U.S. strike"), not the place.
                    yield _Candidate(child, countries=False, bare=True)

    def _clause_locatives(self, trigger: Span, head: Token, deep: bool) -> Iterator[_Candidate]:
        """Locative phrases in the clause headed by ``head``, nearest to the trigger first.

        They are searched on the clause's own words and, when ``deep``, one prepositional
        phrase further ("ended mediation between militias in Tripoli"), never deeper: a place
        three phrases down belongs to something else ("in response to the death of a leader in
        an Arctic prison").
        """
        found: list[Token] = []
        stack: list[tuple[Token, int]] = [(head, 0)]
        max_hops = 1 if deep else 0
        idioms = self.phrasing.idiom_nouns
        while stack:
            token, hops = stack.pop()
            for child in token.children:
                # Other clauses, and clauses inside noun phrases ("a plan to deploy missiles
                # in Poland", "the charity working in Chad"): their places are theirs.
                if child.dep_ in CLAUSE_DEPS or child.dep_ == "acl":
                    continue
                # "agreed to meet in Geneva" is one clause; "plans to place missiles in
                # Poland" inside an object is not.
                if child.dep_ == "xcomp" and token.i != head.i:
                    continue
                if child.dep_ == "prep":
                    objects = [o for o in child.children if o.dep_ in ("pobj", "obj")]
                    # "in response to", "in return for": not a place, and nothing below is.
                    if any(o.lemma_.lower() in idioms for o in objects):
                        continue
                    if child.lower_ in self.phrasing.locative:
                        # "in an attack on a depot in Basra": a place inside a place phrase
                        # still says where.
                        found.append(child)
                        stack.append((child, hops))
                    elif hops < max_hops:
                        stack.append((child, hops + 1))
                    continue
                stack.append((child, hops))
        centre = trigger.root.i
        for prep in sorted(found, key=lambda t: abs(t.i - centre)):
            yield from _objects(prep, countries=True)

    def _resolve_np(self, candidate: _Candidate, context: Context) -> Place | None:
        """The most specific known place named in a noun phrase."""
        best: Place | None = None
        for name in self._names_in_np(candidate.token, bare=candidate.bare):
            place = self._lookup(name, context)
            if place is None:
                continue
            if place.kind == "country" and not candidate.countries:
                continue
            if best is None or SPECIFICITY[place.kind] < SPECIFICITY[best.kind]:
                best = place
        return best

    def _names_in_np(self, token: Token, bare: bool = False) -> Iterator[Span]:
        """Proper-noun names inside the noun phrase headed by ``token``: the head itself, names
        modifying a place noun ("the Iraqi city of Basra", "a West Bank camp"), appositions, and
        names in nested locative phrases ("a jail in Dili")."""
        name = self._name_at(token)
        if name is not None:
            yield name
            if bare:
                return
        elif bare:
            return
        place_noun = token.lemma_.lower() in self.phrasing.place_nouns
        for child in token.children:
            dep = child.dep_
            if dep in NP_EXITS:
                continue
            if dep in NAME_MODIFIERS and place_noun:
                inner = self._name_at(child)
                if inner is not None:
                    yield inner
            elif dep == "poss" and token.lemma_.lower() in self.phrasing.domestic_events:
                # "in Kenya's disputed election": a country's own election happens there.
                inner = self._name_at(child)
                if inner is not None:
                    yield inner
            elif dep == "appos":
                yield from self._names_in_np(child)
            elif dep == "prep":
                prep = child.lower_
                if (prep == "of" and place_noun) or prep in self.phrasing.locative:
                    for obj in child.children:
                        if obj.dep_ in ("pobj", "obj"):
                            yield from self._names_in_np(obj)

    def _name_at(self, token: Token) -> Span | None:
        """The proper-noun name that ``token`` is part of, if any."""
        ent = self._entity_at.get(token.i)
        if ent is not None:
            if ent.label_ in PLACE_LABELS or (ent.label_ in OTHER_NAME_LABELS and token.pos_ == "PROPN"):
                return ent
            return None
        if token.pos_ != "PROPN":
            return None
        # A name the model did not label: the token with its proper-noun compounds.
        start = token.i
        for left in reversed(list(token.lefts)):
            if left.dep_ == "compound" and left.pos_ == "PROPN" and left.i == start - 1:
                start = left.i
        return self.doc[start : token.i + 1]

    def _lookup(self, name: Span, context: Context) -> Place | None:
        """A name, then the name without the leading words an entity swept in ("south
        Lebanon", "mostly Christian eastern Beirut"); a leading proper noun is kept ("New York"
        never becomes "York") unless it is a compass word ("South Lebanon")."""
        gz = self.gazetteer
        start = name.start
        while start < name.end:
            text = self.doc[start : name.end].text
            place = gz.resolve(text, context.weak, near_countries=context.near, regions=context.regions)
            if place is not None:
                return place
            first = self.doc[start]
            if first.pos_ == "PROPN" and first.lower_ not in self.phrasing.directions:
                return None
            start += 1
        return None


@dataclass(frozen=True, slots=True)
class _Candidate:
    token: Token  # the head of the noun phrase that may name the place
    countries: bool = True  # whether a country is an acceptable answer
    bare: bool = False  # only the token's own name, not what its phrase contains


def _objects(prep: Token, countries: bool) -> Iterator[_Candidate]:
    for obj in prep.children:
        if obj.dep_ in ("pobj", "obj"):
            yield _Candidate(obj, countries=countries)
        elif obj.dep_ in ("pcomp", "prep") and obj.lower_ == "of":
            # "outside of the Iraqi city of Basra": a preposition inside a preposition.
            yield from _objects(obj, countries)
