"""Resolving actor mentions in one parsed article.

Order of evidence, strongest first: the mention's own title or apposition ("Ukraine's Defence
Minister Olena Hrytsenko", "Anna Berg, a political analyst"); links inside the
document (a later "Berg", "the Russian leader", "he" → the person named earlier); the knowledge
base at the article's date (who held which office when).

Choices (documented because other stages rely on them):
- A country named as an actor ("Russia rejected ...") gets sector None: the text does not say
  which part of the state acts. Seats of government used as metonyms ("the Kremlin", "Moscow"
  as a subject) get GOV (MIL for the Pentagon), because the word itself names the government.
- A country or capital governed by a locative preposition ("in Hungary") or a destination verb
  ("visited Moscow") is a `place` mention: core keeps it internal.
- News organisations are JRN; an agency reporting an event is still emitted (as JRN) so that
  events and quotes can recognise and skip it.
- The International Committee of the Red Cross, Amnesty International and similar bodies are NGO
  (organizations.csv), although some gold sets code the Red Cross IGO: the ICRC is a private
  association under Swiss law with a treaty mandate, not an organisation of states.
- Regions and peoples inside one country (regions.csv: "Darfur", "Yoruba") give that country
  but no GOV sector; ambiguous ones (Kashmir, Punjab, Kurds, Pashtuns) are left out on purpose.
- he/she: salience (same-sentence subject, then subjects of earlier sentences, most recent
  first), gender agreement from first_names.csv and words like "Mrs."; quoted words are not
  antecedents of a pronoun in an attribution.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date, timedelta

from spacy.tokens import Doc, Span, Token

from detente.actors.knowledge import INHERIT, Entry, KnowledgeBase, Person, Seat, Term, Title, is_transnational
from detente.records import Actor, Article, Mention, Published, TermEvidence

MAX_TITLE_TOKENS = 14
PRONOUN_REACH_SENTENCES = 3
ELECT_LEAD_DAYS = 180
MIN_TYPO_NAME_LENGTH = 7  # ... and for a word spaCy did not even label as a place
MIN_TYPO_LENGTH = 6  # shorter names are too close to each other to correct a typo  # how long before a term's start "-elect" can be written


@dataclass(frozen=True, slots=True)
class Cue:
    """A knowledge-base surface form found in the text, aligned to tokens [i, j)."""

    start: int
    end: int
    i: int
    j: int
    entry: Entry


@dataclass(frozen=True, slots=True)
class TitleHit:
    """A title or role noun phrase in the text, tokens [i, j)."""

    i: int
    j: int
    title: Title


@dataclass(slots=True)
class TitleInfo:
    """What the words around a name or role noun say about it."""

    start: int  # first token of the title words (== the name's start when there are none)
    end: int
    country_cue: Cue | None = None
    org_cue: Cue | None = None
    hits: list[TitleHit] = field(default_factory=list)
    former: bool = False
    elect: bool = False
    definite: bool = False
    text: str = ""
    # The sector an unknown institution named in the title implies ("director of the X
    # Institute" → EDU, "editor of the Y Times" → JRN).
    institution_sector: str | None = None

    @property
    def head(self) -> TitleHit | None:
        real = [h for h in self.hits if h.title.phrase not in ("former", "ex")]
        return real[-1] if real else None

    @property
    def offices(self) -> set[str]:
        out = {h.title.office for h in self.hits if h.title.office}
        out.update(h.title.phrase for h in self.hits)
        return out

    @property
    def country(self) -> str | None:
        if self.org_cue is not None:
            return self.org_cue.entry.country
        return self.country_cue.entry.country if self.country_cue else None


@dataclass(slots=True)
class PersonRecord:
    """A person resolved in this document, for later surnames, role phrases and pronouns."""

    token: int  # head token index of the mention
    sent: int  # sentence start token
    full: str  # lowercase full name ("" for role-phrase mentions)
    surname: str
    actor: Actor
    offices: set[str]
    subject: bool
    text_offices: set[str] = field(default_factory=set)  # offices its own title states


class _Article:
    """Per-article working state (never leaves this module)."""

    def __init__(self, doc: Doc, article: Article, kb: KnowledgeBase, day: date | None) -> None:
        self.doc = doc
        self.article = article
        self.kb = kb
        self.day = day
        self.rules = kb.rules
        # Doc.text and Token.sent rebuild their answer on every call: compute them once.
        self.text = doc.text
        n = len(doc)
        self.low: list[str] = []
        self.ws: list[str] = []
        self.tag: list[str] = []
        self.punct: list[bool] = []
        # Tokens that are capitalised proper nouns outside any entity, or inside one: the
        # later scans (typos, first names, bare surnames) only look at these.
        self.propn: list[int] = []
        bounds = [0]
        for t in doc:
            self.low.append(t.lower_.replace("’", "'"))
            self.ws.append(t.whitespace_)
            self.tag.append(t.tag_)
            self.punct.append(t.is_punct and t.text != "." and t.text != "")
            if t.pos_ == "PROPN":
                self.propn.append(t.i)
            if t.i and t.is_sent_start:
                bounds.append(t.i)
        bounds.append(n)
        self.sent_start: list[int] = [0] * n
        self.sent_end: list[int] = [0] * n
        for a, b in zip(bounds, bounds[1:]):
            self.sent_start[a:b] = [a] * (b - a)
            self.sent_end[a:b] = [b] * (b - a)
        self.sents: list[Span] = [doc[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
        self.cues: list[Cue] = []
        self.cue_at: dict[int, Cue] = {}
        self.rejected: set[int] = set()  # tokens of forms that are not actors ("anti-Syrian")
        for s, e, entry in kb.scan(self.text):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or span.start_char != s:
                continue
            cue = Cue(s, e, span.start, span.end, entry)
            if self._not_actor_form(cue):
                self.rejected.update(range(span.start, span.end))
                continue
            self.cues.append(cue)
            for t in range(span.start, span.end):
                self.cue_at[t] = cue
        self._add_misspelt(doc)
        self.person_ents: list[Span] = [ent for ent in doc.ents if ent.label_ == "PERSON"]
        self.person_tok: set[int] = {t for ent in self.person_ents for t in range(ent.start, ent.end)}
        self.hits = self._title_hits()
        self.hit_at: dict[int, TitleHit] = {}
        for h in self.hits:
            for t in range(h.i, h.j):
                self.hit_at[t] = h
        self._add_titled_names()
        self.consumed: set[int] = set()
        self.mentions: list[Mention] = []
        self.people: list[PersonRecord] = []

    def _add_titled_names(self) -> None:
        """Capitalised words right after a person title are a name even when spaCy missed
        it ("Minister of Foreign Affairs of Russia Sergey Lavrov")."""
        doc = self.doc
        extra = []
        for hit in self.hits:
            if hit.title.kind != "person" or hit.title.phrase in ("former", "ex"):
                continue
            k = hit.j
            cue = self.cue_at.get(k)
            if k < len(doc) and doc[k].lower_ in ("of", "for"):
                k += 1
                if k < len(doc) and doc[k].lower_ == "the":
                    k += 1
                cue = self.cue_at.get(k)
                if cue is None:
                    continue
                k = cue.j
            m = k
            while m < len(doc) and m - k < 4 and doc[m].pos_ == "PROPN" and doc[m].is_title and m not in self.cue_at and m not in self.hit_at and m not in self.person_tok:
                m += 1
            # (Not the rest of an entity the title word starts: "the National Strategy Institute".)
            if m - k >= 2 and doc[k].ent_iob_ != "I" and not any(doc[t].ent_type_ in ("GPE", "NORP", "LOC", "DATE") for t in range(k, m)):
                extra.append(Span(doc, k, m, label="PERSON"))
                self.person_tok.update(range(k, m))
        # "Pavel Orlov" labelled ORG (or inside a longer ORG): two or three capitalised words led
        # by a common first name, not continuing a capitalised phrase.
        for tok in (doc[k] for k in self.propn):
            if tok.pos_ != "PROPN" or not tok.is_title or tok.ent_type_ not in ("ORG", "NORP", "") or self.kb.gender(tok.text) is None:
                continue
            if tok.i in self.person_tok or tok.i in self.cue_at or tok.i in self.hit_at:
                continue
            if tok.i > 0 and doc[tok.i - 1].is_title and doc[tok.i - 1].pos_ == "PROPN":
                continue
            m = tok.i + 1
            while m < len(doc) and m - tok.i < 3 and doc[m].pos_ == "PROPN" and doc[m].is_title and m not in self.cue_at and m not in self.hit_at and m not in self.person_tok:
                m += 1
            if m - tok.i >= 2 and not (m < len(doc) and doc[m].pos_ == "PROPN" and doc[m].is_title):
                extra.append(Span(doc, tok.i, m, label="PERSON"))
                self.person_tok.update(range(tok.i, m))
        if extra:
            self.person_ents = sorted([*self.person_ents, *extra], key=lambda e: e.start)

    def _add_misspelt(self, doc: Doc) -> None:
        """Country names spaCy labels GPE/NORP that are one typing slip away from a known name
        ("Ethopia"): news copy has typos, and the nearest name is unambiguous at that length."""
        for ent in doc.ents:
            if ent.label_ not in ("GPE", "NORP", "ORG") or len(ent.text) < MIN_TYPO_LENGTH:
                continue
            if any(t in self.cue_at or t in self.rejected for t in range(ent.start, ent.end)):
                continue
            # Plurals and adjectives of known forms are not typos ("Russian" vs "Russians").
            if ent.text.rstrip("s") in self.kb.form_stems:
                continue
            kinds = ("name",) if ent.label_ == "ORG" else ("name", "adjective", "demonym")
            size = len(ent.text)
            near = {
                e.country: e for length in (size - 1, size, size + 1) for form in self.kb.forms_by_length.get((ent.text[:1], length), ())
                if _one_edit(form, ent.text) for e in self.kb.entries[form] if e.kind in kinds
            }
            if len(near) == 1 and not self._is_surname(ent.text):
                cue = Cue(ent.start_char, ent.end_char, ent.start, ent.end, next(iter(near.values())))
                self.cues.append(cue)
                for t in range(ent.start, ent.end):
                    self.cue_at[t] = cue
        # An unlabelled capitalised word one slip from a long country name ("Ethopia"); only
        # names (adjectives are too close to surnames), and only at a length where that is safe.
        for tok in (doc[k] for k in self.propn):
            size = len(tok.text)
            if tok.ent_type_ or tok.pos_ != "PROPN" or not tok.is_title or size < MIN_TYPO_NAME_LENGTH or tok.i in self.cue_at or tok.i in self.rejected:
                continue
            if tok.text.rstrip("s") in self.kb.form_stems:
                continue
            near = {
                e.country: e for length in (size - 1, size, size + 1) for form in self.kb.forms_by_length.get((tok.text[:1], length), ())
                if _one_edit(form, tok.text) for e in self.kb.entries[form] if e.kind == "name"
            }
            if len(near) == 1 and not self._is_surname(tok.text):
                cue = Cue(tok.idx, tok.idx + size, tok.i, tok.i + 1, next(iter(near.values())))
                self.cues.append(cue)
                self.cue_at[tok.i] = cue
        self.cues.sort(key=lambda c: c.start)

    def _is_surname(self, word: str) -> bool:
        """A surname of a person the knowledge base knows or the text names in full ("Hollande"
        after "Francois Hollande") is no misspelt country ("Holland")."""
        if self.kb.people_with_surname(word):
            return True
        return any(ent.label_ == "PERSON" and len(ent) > 1 and ent[-1].text == word for ent in self.doc.ents)

    def _not_actor_form(self, cue: Cue) -> bool:
        """ "anti-Syria", "Russian-made", "ethnic Albanians": the country is not the actor."""
        doc, rules = self.doc, self.kb.rules
        text = self.text
        before = text[max(0, cue.start - 12) : cue.start]
        if before.endswith(("-", "–")):
            word = before[:-1].split()[-1].lower() if before[:-1].split() else ""
            if word in rules.stance_prefixes:
                return True
        after = text[cue.end : cue.end + 16]
        if after.startswith(("-", "–")):
            word = "".join(ch for ch in after[1:].split(" ")[0] if ch.isalpha()).lower()
            if word in rules.origin_suffixes:
                return True
        if cue.entry.kind in ("demonym", "adjective") and cue.i > 0 and doc[cue.i - 1].lower_ in rules.ethnic_markers:
            return True
        return False

    # ---- titles --------------------------------------------------------------------------

    def _title_hits(self) -> list[TitleHit]:
        """Longest title phrases, left to right, matched on the lowercase text and on the
        lemma of the last word ("officials" → "official")."""
        doc, kb = self.doc, self.kb
        low, ws, tags, punct = self.low, self.ws, self.tag, self.punct
        prefixes = kb.title_prefixes
        hits: list[TitleHit] = []
        i, n = 0, len(doc)
        while i < n:
            # Grow the phrase while it still starts some title; remember each full match.
            found = None
            text = ""
            k = i
            limit = min(n, i + kb.max_title_words * 2)
            candidates: list[tuple[int, Title]] = []
            while k < limit:
                text = text + (ws[k - 1] if k > i else "") + low[k]
                if not punct[k]:
                    title = kb.titles.get(text)
                    if title is None and tags[k] in ("NNS", "NNPS"):
                        stem = text[: len(text) - len(low[k])] + doc[k].lemma_.lower()
                        title = kb.titles.get(stem.strip())
                    if title is not None:
                        candidates.append((k + 1, title))
                if text not in prefixes:
                    break  # no title starts with these words: longer phrases cannot match
                k += 1
            for j, title in reversed(candidates):
                if title.kind == "person" and self._inside_institution(doc[i:j]):
                    continue  # "the National Strategy Institute" has no "national" in it
                found = TitleHit(i, j, title)
                break
            if found:
                hits.append(found)
                i = found.j
            else:
                i += 1
        return hits

    def _inside_institution(self, span: Span) -> bool:
        """The words continue an organisation's name that has an institution word in it."""
        first = span[0]
        if first.ent_iob_ != "I" or first.ent_type_ not in ("ORG", "FAC"):
            return False
        ent = next((e for e in self.doc.ents if e.start <= first.i < e.end), None)
        if ent is None:
            return False
        words = {t.lower_ for t in ent}
        return any(words & keywords for keywords in self.rules.institution_sectors.values())

    def _allowed_left(self, tok: Token, right: Token) -> bool:
        """May `tok` belong to the title words before `right` (scanning leftwards)?"""
        low = tok.lower_
        if tok.i in self.person_tok or tok.i in self.consumed:
            return False
        if tok.i in self.cue_at or tok.i in self.hit_at:
            return True
        if low in ("'s", "’s", "'", "-", "–") and tok.i + 1 == right.i:
            return True
        if low in self.rules.honorifics or low.rstrip("-") in self.rules.former_markers:
            return True
        if low in ("of", "for") and right.pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
            return True
        if low == "the" and tok.i > 0 and self.doc[tok.i - 1].lower_ == "of":
            return True
        if tok.pos_ in ("PROPN", "NOUN", "ADJ") and not tok.is_punct and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL"):
            return tok.is_alpha or "." in tok.text or "-" in tok.text
        return False

    def title_left(self, start: int, limit: int) -> TitleInfo:
        """The title words right before token `start` (not before token `limit`)."""
        doc = self.doc
        i = start
        while i > limit and start - i < MAX_TITLE_TOKENS and self._allowed_left(doc[i - 1], doc[i]):
            i -= 1
        # Never start on a connector or a possessive marker.
        while i < start and doc[i].lower_ in ("of", "for", "the", "'s", "’s", "'", "-", "–"):
            i += 1
        # Drop leading words that are neither titles, cues nor markers ("new", "visiting").
        info = self._describe(i, start)
        while info.start < start and not self._meaningful(info.start):
            info = self._describe(info.start + 1, start)
        return info

    def _meaningful(self, t: int) -> bool:
        low = self.doc[t].lower_
        return (
            t in self.cue_at or t in self.hit_at or low in self.rules.honorifics
            or low.rstrip("-") in self.rules.former_markers or self.doc[t].pos_ == "PROPN"
        )

    def _describe(self, i: int, j: int) -> TitleInfo:
        info = TitleInfo(start=i, end=j)
        seen: set[int] = set()
        for t in range(i, j):
            cue = self.cue_at.get(t)
            if cue and id(cue) not in seen and cue.i >= i and cue.j <= j:
                seen.add(id(cue))
                kind = cue.entry.kind
                if kind in ("organization", "metonym"):
                    info.org_cue = info.org_cue or cue
                elif kind in ("name", "adjective", "demonym", "region"):
                    info.country_cue = info.country_cue or cue
            hit = self.hit_at.get(t)
            if hit and hit.i >= i and hit.j <= j and (not info.hits or info.hits[-1] is not hit):
                # A cue inside a title phrase ("head of the State Department") is part of it.
                info.hits.append(hit)
            low = self.doc[t].lower_.rstrip("-")
            if low in self.rules.former_markers:
                info.former = True
        info.institution_sector = self._institution_sector(i, j)
        # A national body with a transnational name ("Russia's Security Council") is national.
        if info.org_cue and info.country_cue and is_transnational(info.org_cue.entry.country):
            info.org_cue = None
        info.text = self.doc[i:j].text if j > i else ""
        return info

    def _institution_sector(self, i: int, j: int) -> str | None:
        """The sector of an institution the knowledge base does not know, from its words."""
        words = {self.doc[t].lower_ for t in range(i, j) if self.doc[t].ent_type_ in ("ORG", "FAC") and t not in self.cue_at}
        if not words:
            return None
        for sector, keywords in self.rules.institution_sectors.items():
            if words & keywords:
                return sector
        return None

    def title_left_apposition(self, ent: Span) -> TitleInfo | None:
        """A title before the name, set off by commas: "The director of the X Institute,
        Pavel Orlov, said" (the name is an apposition of the title noun)."""
        root = ent.root
        head = root.head
        if root.dep_ != "appos" or head.i >= ent.start or ent.start == 0 or self.doc[ent.start - 1].text != ",":
            return None
        # The parser often hangs the name on the title's complement ("a correspondent for the
        # Daily Herald, Anna Petrova"): climb from it to the title noun.
        climbs = 0
        while head.i not in self.hit_at and head.dep_ == "pobj" and head.head.dep_ == "prep" and climbs < 2:
            head = head.head.head
            climbs += 1
        hit = self.hit_at.get(head.i)
        if hit is None or hit.title.kind != "person" or hit.j != head.i + 1:
            return None
        start = _np_left(self, hit.i)
        info = self._describe(start, ent.start - 1)
        return info if info.hits else None

    def title_right(self, ent_end: int, root: Token) -> TitleInfo | None:
        """An apposition after a name: "Anna Berg, a political analyst"."""
        doc = self.doc
        if ent_end >= len(doc) or doc[ent_end].text != ",":
            return None
        sent_end = self.sent_end[ent_end]
        j = ent_end + 1
        while j < sent_end and j - ent_end <= MAX_TITLE_TOKENS and doc[j].text not in (",", ";", ".", "(", ")", "\"", "“", "”") and (doc[j].pos_ not in ("VERB", "AUX", "PRON") or doc[j].dep_ == "amod"):
            j += 1
        if j == ent_end + 1:
            return None
        span = doc[ent_end + 1 : j]
        # It must hang on the name (apposition), not start a new clause.
        if not any(t.dep_ == "appos" and (t.head.i < ent_end and t.head.i >= root.left_edge.i) for t in span):
            return None
        # Only up to the head of the apposition: "a political analyst at a think tank" keeps
        # its institution, but not a following clause.
        info = self._describe(ent_end + 1, j)
        return info if info.hits else None

    # ---- identity ------------------------------------------------------------------------

    def kb_person(self, name: str, info: TitleInfo | None, full: bool) -> tuple[Person, Term | None] | None:
        kb = self.kb
        candidates = kb.people_named(name) if full else kb.people_with_surname(name.split()[-1])
        if not candidates and full:
            candidates = self._misspelt_people(name)
        if not candidates:
            return None
        country = info.country if info else None
        if country:
            candidates = tuple(p for p in candidates if any((kb.seat(t.seat) or _NOSEAT).country == country for t in p.terms)) or ()
        offices = (info.offices - {"former", "ex"}) if info else set()
        groups = self.rules.role_groups
        if offices and not full:
            # "President Mugabe": a bare surname is only as good as its title: the person must
            # have held an office with that title (in office at the date, when it is known).
            return self._titled_surname(candidates, offices, info)
        if offices and len(candidates) > 1:
            matching = tuple(p for p in candidates if _offices_match(offices, kb.offices(p), groups))
            candidates = matching or candidates
        if not candidates:
            return None
        day = self.day
        if day is not None:
            holding = [(p, t) for p in candidates for t in p.terms_on(day)]
            people = {p.person_id for p, _ in holding}
            if len(people) == 1:
                return holding[0]
            if len(people) > 1:
                if offices:
                    narrowed = [(p, t) for p, t in holding if _offices_match(offices, kb.offices(p, t), groups)]
                    if len({p.person_id for p, _ in narrowed}) == 1:
                        return narrowed[0]
                return None
            if len(candidates) == 1:
                return candidates[0], None
            return None
        # Date unknown: the most recent holder, but nothing about the term is certain.
        if len(candidates) == 1 and offices:
            return candidates[0], _only_term(kb, candidates[0], offices, groups)
        latest = max(candidates, key=lambda p: p.terms[-1].start)
        return latest, None

    def _titled_surname(self, candidates: tuple[Person, ...], offices: set[str], info: TitleInfo | None) -> tuple[Person, Term | None] | None:
        kb, groups, day = self.kb, self.rules.role_groups, self.day
        matching = [p for p in candidates if _offices_match(offices, kb.offices(p), groups)]
        if not matching:
            return None
        if day is None:
            return (matching[0], _only_term(kb, matching[0], offices, groups)) if len(matching) == 1 else None
        if info is not None and info.former:
            past = [(p, t) for p in matching for t in p.terms if t.end is not None and t.end < day and _offices_match(offices, kb.offices(p, t), groups)]
            return (past[-1][0], None) if len({p.person_id for p, _ in past}) == 1 else None
        holding = [(p, t) for p in matching for t in p.terms_on(day) if _offices_match(offices, kb.offices(p, t), groups)]
        return holding[0] if len({p.person_id for p, _ in holding}) == 1 else None

    def shared_seat(self, name: str, info: TitleInfo) -> Seat | None:
        """ "President Bush" at an unknown date: two holders, but one office, so the country
        and role are known even though the person is not."""
        kb, groups, day = self.kb, self.rules.role_groups, self.day
        offices = info.offices - {"former", "ex"}
        if not offices:
            return None
        seats = {
            t.seat for p in kb.people_with_surname(name.split()[-1]) for t in p.terms
            if (day is None or t.holds_on(day) or info.former) and _offices_match(offices, kb.offices(p, t), groups)
        }
        if len(seats) != 1:
            return None
        seat = kb.seat(seats.pop())
        return seat if seat is not None and (info.country is None or seat.country == info.country) else None

    def _misspelt_people(self, name: str) -> tuple[Person, ...]:
        """ "Francois Mitterand": the same first words and a surname one typing slip away from
        a known holder's; the first name keeps the correction safe."""
        words = name.replace("’", "'").lower().split()
        surname = words[-1]
        found: dict[str, Person] = {}
        size = len(surname)
        for known in (k for n in (size - 1, size, size + 1) for k in self.kb.surnames_by_length.get((surname[:1], n), ())):
            if max(len(known), size) < MIN_TYPO_LENGTH or not _one_edit(known, surname):
                continue
            for pid in self.kb.by_surname[known]:
                person = self.kb.people[pid]
                if any(n.lower().split()[:-1] == words[:-1] for n in person.names if len(n.split()) == len(words)):
                    found[pid] = person
        return tuple(found.values())

    def person_actor(self, text: str, name: str, info: TitleInfo | None, found: tuple[Person, Term | None] | None) -> Actor:
        kb, day = self.kb, self.day
        country = info.country if info else None
        sector = _title_sector(info) if info else None
        role = _role_text(self, info) if info else None
        if found is not None:
            person, term = found
            if term is None and day is not None:
                past = [t for t in person.terms if t.end is not None and t.end < day]
                future = [t for t in person.terms if t.start > day]
                if past and not future and not person.terms_on(day):
                    term = past[-1]
                    seat = kb.seat(term.seat)
                    # Out of office at the article's date: a former official is an elite, unless
                    # the text gives a present role of another kind ("opposition leader").
                    own = sector if sector not in (None, "GOV", "ELI") and not (info and info.former) else None
                    return Actor(text=text, name=person.name, actor_id=person.person_id,
                                 country=seat.country if seat else country, sector=own or "ELI",
                                 role=(role if own else f"former {seat.role}" if seat and seat.role else role))
            if term is None:
                term = person.terms[-1] if person.terms else None
                if day is not None and term is not None and term.start > day:
                    term = None  # only holds office later: the title (if any) says more
            seat = kb.seat(term.seat) if term else None
            if seat is None:
                # Not in a known office at that date: nationality still follows from the seats.
                held = {(kb.seat(t.seat) or _NOSEAT).country for t in person.terms} - {""}
                country = held.pop() if len(held) == 1 else country
            # A role of another kind in the text ("opposition leader") says more than an office
            # the knowledge base knows from another time.
            own = sector if sector not in (None, "GOV", "ELI") and not (info and info.former) and (term is None or not term.holds_on(day or term.start)) else None
            return Actor(
                text=text, name=person.name, actor_id=person.person_id,
                country=(seat.country if seat else country),
                sector="ELI" if info and info.former else own or (seat.sector if seat else sector),
                role=(seat.role if seat and seat.role else role),
            )
        return Actor(text=text, name=name, actor_id=None, country=country, sector=sector, role=role)


def _only_term(kb: KnowledgeBase, person: Person, offices: set[str], groups: object) -> Term | None:
    """The one term of `person` whose office the title names, if exactly one."""
    terms = [t for t in person.terms if _offices_match(offices, kb.offices(person, t), groups)]
    return terms[0] if len(terms) == 1 else None


def _one_edit(a: str, b: str) -> bool:
    """Exactly one insertion, deletion, substitution or swap of neighbours apart."""
    if a == b:
        return False
    if len(a) == len(b):
        diff = [k for k in range(len(a)) if a[k] != b[k]]
        if len(diff) == 1:
            return True
        return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    k = 0
    while k < len(short) and short[k] == long_[k]:
        k += 1
    return short[k:] == long_[k + 1 :]


class _NoSeat:
    country = ""


_NOSEAT = _NoSeat()


def _offices_match(wanted: set[str], held: frozenset[str] | set[str], groups: dict[str, frozenset[str]] | object) -> bool:
    expanded: set[str] = set()
    for w in wanted:
        expanded.add(w)
        expanded.update(groups.get(w, ()))  # type: ignore[union-attr]
    for h in held:
        for w in expanded:
            if not w:
                continue
            if h == w or (len(w.split()) > 1 and w in h) or (len(h.split()) > 1 and h in w) or (len(w.split()) == 1 and h.split()[-1:] == [w]):
                if "vice" in h and "vice" not in w or "deputy" in h and "deputy" not in w:
                    continue
                return True
    return False


def _title_sector(info: TitleInfo) -> str | None:
    if info.former:
        return "ELI"
    head = info.head
    if head is None:
        return None
    if info.institution_sector and info.org_cue is None and head.title.sector in (INHERIT, "GOV"):
        return info.institution_sector  # "President of the National Strategy Institute"
    if head.title.sector != INHERIT:
        return head.title.sector
    if info.org_cue is not None:
        return info.org_cue.entry.sector or (None if is_transnational(info.org_cue.entry.country) else "GOV")
    if info.country_cue is not None:
        if info.country_cue.entry.subnational:
            return None  # "Yoruba leaders", "Darfur officials": not the national government
        return "GOV"  # "a Russian official", "the Russian leader"
    return None


def _role_text(state: _Article, info: TitleInfo) -> str | None:
    """The title words without the country word ("Security Council Secretary")."""
    if not info.hits:
        return None
    doc = state.doc
    words = []
    for t in range(info.start, info.end):
        tok = doc[t]
        cue = state.cue_at.get(t)
        if cue and cue.entry.kind in ("name", "adjective", "demonym", "capital", "region") and t not in state.hit_at:
            continue
        if tok.lower_ in ("'s", "’s", "'") or tok.lower_ in state.rules.honorifics:
            continue
        words.append(tok.text_with_ws)
    text = "".join(words).strip()
    for article in ("a ", "an ", "the ", "A ", "An ", "The "):
        if text.startswith(article):
            text = text[len(article):]
    for prefix in ("of the ", "of "):
        if text.lower().endswith(" " + prefix.strip()):
            text = text[: -len(prefix.strip())].strip()
    return text or None


def publication_day(published: Published) -> date | None:
    """The day the article is resolved at: the middle of the publication window."""
    w = published.window
    if w.earliest is None or w.latest is None:
        return None
    return w.earliest + timedelta(days=(w.latest - w.earliest).days // 2)


# ---- entry points -------------------------------------------------------------------------


def _strip_name(state: _Article, ent: Span) -> tuple[int, int]:
    """The name proper inside a PERSON entity: without honorifics, titles and "'s"."""
    i, j = ent.start, ent.end
    doc = state.doc
    while i < j - 1 and (doc[i].lower_ in state.rules.honorifics or i in state.hit_at or i in state.cue_at or doc[i].lower_ in state.rules.former_markers):
        i += 1
    while j > i + 1 and doc[j - 1].lower_ in ("'s", "’s", "'"):
        j -= 1
    return i, j


def _name_is_cue(state: _Article, i: int, j: int) -> bool:
    cue = state.cue_at.get(i)
    return cue is not None and cue.i <= i and cue.j >= j


STATE_KEY = "detente.actors.state"



def _state(doc: Doc, article: Article, kb: KnowledgeBase, day: date | None) -> _Article:
    """The per-article reading (cues, titles, names), built once for both passes: pass 1 leaves
    it on the doc, pass 2 takes it back with fresh working lists and the resolved date."""
    cached = doc.user_data.pop(STATE_KEY, None)
    if isinstance(cached, _Article) and cached.article is article and cached.kb is kb:
        cached.day = day
        cached.consumed = set()
        cached.mentions = []
        cached.people = []
        return cached
    return _Article(doc, article, kb, day)


def resolve_article(doc: Doc, article: Article, published: Published, kb: KnowledgeBase) -> tuple[Mention, ...]:
    state = _state(doc, article, kb, publication_day(published))
    _resolve_people(state)
    _resolve_role_phrases(state)
    _resolve_bare_surnames(state)
    _resolve_cues(state)
    _resolve_pronouns(state)
    return tuple(sorted(state.mentions, key=lambda m: (m.span[0], m.span[1])))


def _emit(state: _Article, i: int, j: int, actor: Actor, kind: str) -> Mention:
    doc = state.doc
    start, end = doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)
    text = state.text[start:end]
    actor = Actor(text=text, name=actor.name, actor_id=actor.actor_id, country=actor.country, sector=actor.sector, role=actor.role)
    mention = Mention(doc_id=state.article.doc_id, span=(start, end), actor=actor, kind=kind)  # type: ignore[arg-type]
    state.mentions.append(mention)
    state.consumed.update(range(i, j))
    return mention


def _resolve_people(state: _Article) -> None:
    doc = state.doc
    for ent in state.person_ents:
        i, j = _strip_name(state, ent)
        if _name_is_cue(state, i, j) or any(t in state.consumed for t in range(i, j)):
            continue
        name_span = doc[i:j]
        name = name_span.text.replace("’", "'")
        if not any(t.is_alpha for t in name_span):
            continue
        left = state.title_left(i, state.sent_start[ent.start])
        info: TitleInfo | None = left if (left.hits or left.country_cue or left.org_cue or left.former) else None
        if info is None or not info.hits:
            appos = state.title_left_apposition(ent)
            if appos is not None:
                info = appos
        if info is None or not info.hits:
            right = state.title_right(ent.end, ent.root)
            if right is not None:
                if info is not None and info.country_cue and not right.country_cue:
                    right.country_cue = info.country_cue
                info = right
        full = len(name.split()) > 1
        surname = name.split()[-1].lower()
        record = _in_document(state, name, surname, full)
        if record is not None and (info is None or not info.hits or record.actor.actor_id is not None):
            actor = record.actor
        else:
            found = state.kb_person(name, info, full)
            actor = state.person_actor(name, name, info, found)
            if found is None and info is not None and info.hits and actor.country is None:
                seat = state.shared_seat(name, info)
                if seat is not None:
                    actor = Actor(text=name, name=name, actor_id=None, country=seat.country,
                                  sector="ELI" if info.former else seat.sector, role=seat.role)
        start = left.start if (info is left and left.start < i) else i
        if info is not None and info is not left and info.end < i:
            start = info.start  # "The director of the X Institute, Pavel Orlov": one mention
        head = ent.root
        _emit(state, start, j, actor, "person")
        if info is not None and info is not left:
            state.consumed.update(range(info.start, info.end))  # the apposition is not re-read
        offices = set(info.offices) if info else set()
        if record is not None and actor is record.actor:
            offices |= record.offices
        if actor.actor_id and actor.actor_id in state.kb.people:
            offices |= state.kb.offices(state.kb.people[actor.actor_id])
        state.people.append(PersonRecord(
            token=head.i, sent=state.sent_start[ent.start], full=name.lower() if full else "", surname=surname,
            actor=actor, offices=offices, subject=head.dep_ in ("nsubj", "nsubjpass"),
            text_offices=set(info.offices) if info else set(),
        ))


def _in_document(state: _Article, name: str, surname: str, full: bool) -> PersonRecord | None:
    low = name.lower()
    for record in reversed(state.people):
        if full and record.full == low:
            return record
        if not full and record.full and record.surname == surname:
            return record
    return None


def _np_left(state: _Article, i: int) -> int:
    """Start of the noun phrase ending before token i: determiners, countries, adjectives."""
    doc = state.doc
    k = i
    sent_start = state.sent_start[i]
    while k > sent_start:
        tok = doc[k - 1]
        if tok.i in state.consumed and tok.i not in state.cue_at:
            break
        if tok.i in state.person_tok:
            break
        if tok.lower_ in ("of", "for"):
            break
        if state._allowed_left(tok, doc[k]) or tok.lower_ in ("the", "a", "an", "its", "their") or (tok.i in state.cue_at):
            k -= 1
            if tok.lower_ in ("the", "a", "an", "its", "their"):
                break
            continue
        break
    return k


def _complement(state: _Article, j: int) -> tuple[int, Cue | None]:
    """A country after a role noun: "president of Armenia", "rebels in Darfur"."""
    doc = state.doc
    if j < len(doc) and doc[j].lower_ in ("of", "in", "from"):
        k = j + 1
        if k < len(doc) and doc[k].lower_ == "the":
            k += 1
        cue = state.cue_at.get(k)
        if cue is None or cue.i != k:
            return j, None
        if cue.j < len(doc) and doc[cue.j].lower_ in ("'s", "’s", "'"):
            return j, None  # "the chief of Israel's militia": Israel owns something else
        if cue.entry.kind in ("name", "organization", "metonym", "region"):
            return cue.j, cue
        if cue.entry.kind == "adjective":
            hit = state.hit_at.get(cue.j) or (state.hit_at.get(cue.j + 1) if cue.j + 1 < len(doc) else None)
            if hit is not None and hit.title.kind == "body" and hit.i <= cue.j + 1:
                return hit.j, cue
    return j, None


def _resolve_role_phrases(state: _Article) -> None:
    doc = state.doc
    groups: dict[str, set[str]] = {}  # group title → countries it was named with
    for hit in state.hits:
        if any(t in state.consumed for t in range(hit.i, hit.j)):
            continue
        title = hit.title
        if title.phrase in ("former", "ex"):
            continue
        inside = state.cue_at.get(hit.i)
        if inside is not None and inside.i <= hit.i and inside.j >= hit.j and inside.entry.kind in ("name", "organization", "metonym"):
            continue  # "the Soviet Union" is a country, not a trade union
        last = doc[hit.j - 1]
        # A title that modifies a following noun is not the head ("government officials").
        if last.dep_ in ("compound", "amod") and last.head.i >= hit.j and last.head.pos_ in ("NOUN", "PROPN") and not (
            last.head.lower_ in {m.strip("-") for m in state.rules.elect_markers} and last.head.i <= hit.j + 1
        ):  # ("president-elect" parses as a compound of "elect")
            continue
        if last.pos_ not in ("NOUN", "PROPN"):
            continue
        start = _np_left(state, hit.i)
        end, comp = _complement(state, hit.j)
        info = state._describe(start, end)
        if comp is not None:
            if comp.entry.kind == "name":
                info.country_cue = info.country_cue or comp
            else:
                info.org_cue = info.org_cue or comp
        # "-elect" / "designate" right after the title.
        k = end
        while k < len(doc) and doc[k].text in ("-", "–"):
            k += 1
        if k < len(doc) and doc[k].lower_ in {m.strip("-") for m in state.rules.elect_markers}:
            info.elect = True
            end = k + 1
        if any(_elect_phrase(state, h.title.phrase) for h in info.hits):
            info.elect = True  # "president-elect" read as one title
        first = doc[start]
        info.definite = first.lower_ in ("the",) or (info.country_cue is not None and any(doc[t].lower_ in ("'s", "’s") for t in range(start, hit.i)))
        country = info.country
        sector = _title_sector(info)
        role = _role_text(state, info)
        plural = last.tag_ in ("NNS", "NNPS") and " of " not in title.phrase
        kind = "person" if title.kind == "person" and not plural else ("organization" if title.kind == "body" else "group")
        if kind == "person" and info.definite:
            record = _link_role(state, info, hit)
            if record is not None:
                actor = record.actor
                if actor.sector is None and sector is not None:
                    # The person's own mentions gave no sector; the role phrase does.
                    actor = Actor(text=actor.text, name=actor.name, actor_id=actor.actor_id, country=actor.country or country, sector=sector, role=actor.role or role)
                if info.former and actor.sector != "ELI":
                    actor = Actor(text=actor.text, name=actor.name, actor_id=actor.actor_id, country=actor.country, sector="ELI", role=actor.role)
                _emit(state, start, end, actor, "person")
                state.people.append(PersonRecord(token=last.i, sent=state.sent_start[last.i], full="", surname="", actor=actor, offices=record.offices, subject=last.dep_ in ("nsubj", "nsubjpass")))
                continue
        if country is None and kind == "group" and first.lower_ == "the":
            # "the rebels" after "Darfur rebels": the same group, when the document named only
            # one such group with a country.
            seen = groups.get(title.office or title.phrase, set())
            if len(seen) == 1:
                country = next(iter(seen))
        if country is None:
            continue  # a role without a country says too little to be an actor
        if kind == "group":
            groups.setdefault(title.office or title.phrase, set()).add(country)
        if sector is None and title.sector == INHERIT and info.org_cue is None and info.country_cue is None:
            continue
        actor = Actor(text="", name=None, actor_id=None, country=country, sector=sector, role=role if kind == "person" else None)
        if info.org_cue is not None and kind != "person":
            actor = Actor(text="", name=info.org_cue.entry.name, actor_id=info.org_cue.entry.actor_id, country=country, sector=sector, role=None)
        _emit(state, start, end, actor, kind)
        if kind == "person":
            state.people.append(PersonRecord(token=last.i, sent=state.sent_start[last.i], full="", surname="", actor=actor, offices=info.offices, subject=last.dep_ in ("nsubj", "nsubjpass")))


BRIEF_TERM_DAYS = 30  # an acting stint this short does not make its holder "the secretary of state"


def _kb_offices(state: _Article, actor: Actor, categories: bool) -> set[str]:
    """Offices the knowledge base says the actor held, leaving out brief acting stints; a
    seat's category ("foreign minister") only when `categories`."""
    person = state.kb.people.get(actor.actor_id or "")
    if person is None:
        return set()
    out: set[str] = set()
    for term in person.terms:
        if term.end is not None and (term.end - term.start).days < BRIEF_TERM_DAYS:
            continue
        seat = state.kb.seat(term.seat)
        if seat is None:
            continue
        out.update(seat.titles)
        out.add(seat.role.lower())
        if categories and seat.category:
            out.add(seat.category.replace("_", " "))
    return out


def _elect_phrase(state: _Article, phrase: str) -> str | None:
    """The office of an "-elect" / "designate" title ("president-elect" → "president"), else None."""
    for marker in state.rules.elect_markers:
        m = marker.strip("-")
        for joiner in ("-", " "):
            if phrase.endswith(joiner + m):
                return phrase[: -len(joiner + m)]
            if phrase.startswith(m + joiner):
                return phrase[len(m + joiner):]
    return None


def _takes_office_later(state: _Article, actor: Actor, wanted: set[str]) -> bool:
    person = state.kb.people.get(actor.actor_id or "")
    if person is None or state.day is None:
        return False
    day = state.day
    return any(
        day < t.start <= day + timedelta(days=ELECT_LEAD_DAYS) and _offices_match(wanted, state.kb.offices(person, t), state.rules.role_groups)
        for t in person.terms
    )


def _link_role(state: _Article, info: TitleInfo, hit: TitleHit) -> PersonRecord | None:
    """The person named earlier that a definite role phrase refers to: first someone the
    document itself gave that title, then someone the knowledge base says held it (not for a
    brief acting stint), most recent first. Without a country, only an unambiguous referent."""
    wanted = {_elect_phrase(state, w) or w for w in info.offices - {"former", "ex"}}
    if not wanted:
        return None
    country = info.country
    groups = state.rules.role_groups
    generic = all(len(w.split()) == 1 for w in wanted) and not any(w in groups for w in wanted)
    stated: dict[str, set[str]] = {}
    for record in state.people:
        stated.setdefault(record.actor.actor_id or record.actor.name or "", set()).update(record.text_offices)
    by_text: list[PersonRecord] = []
    by_kb: list[PersonRecord] = []
    for record in state.people:
        if record.token >= hit.i or not record.actor.name:
            continue
        if country and record.actor.country and record.actor.country != country:
            continue
        key = record.actor.actor_id or record.actor.name
        text_offices = stated.get(key, set()) - {"former", "ex"}
        if info.elect and _offices_match(wanted, text_offices, groups):
            continue  # "the president-elect" is not the president the text names as such
        if info.elect and not _takes_office_later(state, record.actor, wanted):
            continue  # ... nor anyone not known to take that office after the article's date
        if info.former and record.actor.sector not in ("ELI", None) and "former" not in stated.get(key, set()):
            continue  # "the former minister" is not someone the text presents in office
        if _offices_match(wanted, text_offices, groups):
            by_text.append(record)
        elif _offices_match(wanted, _kb_offices(state, record.actor, categories=not generic), groups):
            by_kb.append(record)
    # "the expert", "the analyst": a title with a sector but no office refers to the one person
    # of that sector named before.
    sector = hit.title.sector
    by_sector = [] if (by_text or by_kb or sector in (INHERIT, "GOV") or hit.title.office) else [
        r for r in state.people if r.token < hit.i and r.actor.name and r.actor.sector == sector
    ]
    for tier in (by_text, by_kb, by_sector):
        if not tier:
            continue
        if tier is by_sector and len({r.actor.actor_id or r.actor.name for r in tier}) > 1:
            return None
        if country is None and len({r.actor.actor_id or r.actor.name for r in tier}) > 1:
            return None  # "the minister" with two ministers named: say nothing
        return tier[-1]
    return None


def _resolve_bare_surnames(state: _Article) -> None:
    """A surname spaCy did not label PERSON ("Berg responded") that names a person above, or
    else the one person of that surname in office at the article's date."""
    doc = state.doc
    _resolve_office_holder_surnames(state)
    if not state.people:
        return
    by_surname: dict[str, PersonRecord] = {}
    for record in state.people:
        if record.full and record.surname:
            by_surname[record.surname] = record
    for tok in (doc[k] for k in state.propn if state.low[k] in by_surname):
        if tok.i in state.consumed or tok.pos_ != "PROPN" or tok.i in state.cue_at:
            continue
        record = by_surname.get(tok.lower_)
        if record is None or record.token >= tok.i:
            continue
        _emit(state, tok.i, tok.i + 1, record.actor, "person")
        state.people.append(PersonRecord(token=tok.i, sent=state.sent_start[tok.i], full="", surname=record.surname, actor=record.actor, offices=record.offices, subject=tok.dep_ in ("nsubj", "nsubjpass")))


def _resolve_office_holder_surnames(state: _Article) -> None:
    """A lone capitalised surname of someone in office at the article's date ("Lavrov met
    Blinken" in 2022), whatever label spaCy gave it (the small model often calls such names ORG
    or GPE). Only when the date is known and exactly one person of that surname held an office
    that day; a name already read as a country, body or title is left alone."""
    if state.day is None:
        return
    doc, kb = state.doc, state.kb
    known = {r.surname for r in state.people}
    for k in state.propn:
        tok = doc[k]
        if tok.i in state.consumed or tok.i in state.cue_at or tok.i in state.hit_at or tok.i in state.person_tok:
            continue
        if not tok.is_title or tok.lower_ in known or not tok.is_alpha:
            continue
        # Part of a longer name ("Lavrov Street", "John Smith") is not a lone surname.
        neighbours = [n for n in (k - 1, k + 1) if state.sent_start[k] <= n < len(doc) and state.sent_start[n] == state.sent_start[k]]
        if any(doc[n].pos_ == "PROPN" and doc[n].is_title for n in neighbours):
            continue
        holding = [(p, t) for p in kb.people_with_surname(tok.text) for t in p.terms_on(state.day)]
        if len({p.person_id for p, _ in holding}) != 1:
            continue
        actor = state.person_actor(tok.text, tok.text, None, holding[0])
        _emit(state, tok.i, tok.i + 1, actor, "person")
        state.people.append(PersonRecord(token=tok.i, sent=state.sent_start[tok.i], full="", surname=tok.lower_, actor=actor, offices=kb.offices(holding[0][0]), subject=tok.dep_ in ("nsubj", "nsubjpass")))
        known.add(tok.lower_)


def _is_place(state: _Article, cue: Cue) -> bool:
    """A country or city named only as a location: "in Hungary", "visited Moscow"."""
    doc = state.doc
    tok = doc[cue.j - 1]
    # Climb over the name's own compounds / flat parts and a leading "the".
    while tok.dep_ in ("compound", "flat") and tok.head.i >= cue.i and tok.head.i != tok.i and tok.head.i < cue.j + 2:
        if tok.head.i >= cue.j:
            break
        tok = tok.head
    rules = state.rules
    if tok.dep_ == "pobj" and tok.head.lower_ in rules.locative_prepositions:
        return True
    if tok.dep_ == "pobj" and tok.head.lower_ in ("to", "from", "for") and tok.head.head.lemma_ in rules.destination_verbs | {"flight", "journey", "way", "return"}:
        return True
    if tok.dep_ == "dobj" and tok.head.lemma_ in rules.destination_verbs:
        return True
    if tok.dep_ in ("conj", "appos") and tok.head.i < cue.i and tok.head.i in state.cue_at:
        return _is_place(state, state.cue_at[tok.head.i])
    # Datelines ("MOSCOW, Oct 28") sit alone before the first comma or dash of a line.
    if cue.i == state.sent_start[tok.i] and cue.j < len(doc) and doc[cue.j].text in (",", "(", "–", "-", "—") and doc[cue.i].text.isupper():
        return True
    return False


def _head_noun(state: _Article, cue: Cue) -> Token | None:
    """The noun an adjective or name modifies: "Russian support", "U.S. plans"."""
    tok = state.doc[cue.j - 1]
    if tok.dep_ in ("amod", "compound", "nmod", "poss", "npadvmod") and tok.head.i >= cue.j and tok.head.pos_ in ("NOUN", "PROPN"):
        head = tok.head
        # Hyphenated pairs ("Russian-U.S. relations"): climb to the noun.
        while head.dep_ in ("amod", "compound") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        return head
    return None


def _modifies_noun(state: _Article, cue: Cue) -> bool:
    """The form is followed by a lowercase noun it modifies ("Karen guerrillas")."""
    doc = state.doc
    if cue.j >= len(doc):
        return False
    nxt = doc[cue.j]
    return nxt.is_lower and nxt.pos_ in ("NOUN", "ADJ") or cue.j in state.hit_at


def _resolve_cues(state: _Article) -> None:
    doc = state.doc
    for cue in state.cues:
        if any(t in state.consumed for t in range(cue.i, cue.j)):
            continue
        # A longer PERSON name containing the form ("Michael Jordan") is not the country.
        ent_types = {doc[t].ent_type_ for t in range(cue.i, cue.j)}
        # ("Bosnian Serbs" labelled PERSON is made only of known forms: not a name.)
        if "PERSON" in ent_types and any(
            (e.start < cue.i or e.end > cue.j) and not all(t in state.cue_at for t in range(e.start, e.end))
            for e in state.person_ents if e.start <= cue.i < e.end
        ):
            continue
        e = cue.entry
        name, actor_id, country = e.name, e.actor_id, e.country
        if e.needs_noun and not _modifies_noun(state, cue):
            continue  # "Karen said": a first name, not the people
        if e.kind == "organization":
            actor = Actor(text="", name=name, actor_id=actor_id, country=country, sector=e.sector)
            _emit(state, cue.i, cue.j, actor, "organization")
            continue
        if e.kind == "metonym":
            if _is_place(state, cue):
                _emit(state, cue.i, cue.j, Actor(text="", name=name, actor_id=actor_id, country=country, sector=None), "place")
            else:
                _emit(state, cue.i, cue.j, Actor(text="", name=name, actor_id=actor_id, country=country, sector=e.sector), "organization")
            continue
        if e.kind == "demonym":
            _emit(state, cue.i, cue.j, Actor(text="", name=name, actor_id=actor_id, country=country, sector=None), "group")
            continue
        if e.kind == "adjective":
            nxt = state.cue_at.get(cue.j)
            if nxt is not None and nxt.i == cue.j and nxt.entry.kind == "demonym":
                # "Bosnian Serbs": the place adjective is the country, the demonym an ethnicity.
                _emit(state, cue.i, nxt.j, Actor(text="", name=name, actor_id=actor_id, country=country, sector=None), "group")
                continue
            head = _head_noun(state, cue)
            if head is not None and (head.lower_ in state.rules.place_nouns or head.lemma_.lower() in state.rules.place_nouns) and not any(
                c.dep_ == "compound" and c.i in state.hit_at and c.i > cue.i for c in head.children
            ):
                continue  # ("Cambodian guerrilla camps": the guerrillas are the actor)
            if head is None and doc[cue.i].ent_type_ not in ("NORP", "GPE", "ORG"):
                continue  # "Russian" alone as a language or an adjective with no noun
            _emit(state, cue.i, cue.j, Actor(text="", name=name, actor_id=actor_id, country=country, sector=None), "country")
            continue
        # Country names, capitals and regions.
        if _is_place(state, cue):
            _emit(state, cue.i, cue.j, Actor(text="", name=name, actor_id=actor_id, country=country, sector=None), "place")
            continue
        head = _head_noun(state, cue)
        if head is not None and head.lower_ in state.rules.place_nouns:
            continue
        sector = "GOV" if e.kind == "capital" and not e.subnational else None
        _emit(state, cue.i, cue.j, Actor(text="", name=name, actor_id=actor_id, country=country, sector=sector), "country")


@dataclass(slots=True)
class _Antecedent:
    """A person mention (or a pronoun already resolved) that a later pronoun may refer to."""

    start: int
    end: int
    sent: int  # sentence number
    subject: bool
    main: bool  # subject of its sentence's main verb
    gender: str | None
    quoted: bool
    actor: Actor
    verb: int = -1  # token index of the verb it is the subject of


def quoted_ranges(text: str) -> list[tuple[int, int]]:
    """Character ranges inside quotation marks, paired within each paragraph (an unclosed
    quote runs to the paragraph's end, as in news copy that continues a quote). Typewriter
    doubles count too: ``...'' and "...’’ are common in agency copy."""
    out: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        open_at: int | None = None
        k = 0
        while k < len(para):
            pair = para[k : k + 2]
            width = 2 if pair in ("``", "‘‘", "''", "’’") else 1
            mark = pair if width == 2 else para[k]
            if open_at is None and mark in ("“", '"', "``", "‘‘"):
                open_at = pos + k
            elif open_at is not None and mark in ("”", '"', "''", "’’"):
                out.append((open_at, pos + k + width))
                open_at = None
            k += width
        if open_at is not None:
            out.append((open_at, pos + len(para)))
        pos += len(para) + 1
    return out


def _inside(ranges: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    k = bisect_right(starts, offset) - 1
    return k >= 0 and ranges[k][0] < offset < ranges[k][1]


def _gender_of(state: _Article, m: Mention) -> str | None:
    words = {w.lower().strip(",") for w in m.actor.text.split()}
    rules = state.rules
    if words & rules.female_markers:
        return "f"
    if words & rules.male_markers:
        return "m"
    name = m.actor.name or ""
    first = name.split()[0] if name.split() else ""
    return state.kb.gender(first) if first else None


def _resolve_pronouns(state: _Article) -> None:
    """he/she → a person named before, by salience: the subject of the same sentence, then the
    subjects of the preceding sentences (most recent first), then the nearest person. A known
    gender (first name, "Mrs.") must agree; quoted words are not the antecedent of a pronoun in
    the attribution ('"...," he added' → the speaker introduced before the quote)."""
    doc = state.doc
    people = sorted((m for m in state.mentions if m.kind == "person" and (m.actor.name or m.actor.country)), key=lambda m: m.span[0])
    if not people:
        return
    ranges = quoted_ranges(state.text)
    starts = [r[0] for r in ranges]
    sents = state.sents
    sent_starts = [s.start_char for s in sents]
    quoted_sent = [_inside(ranges, starts, s.start_char) or state.text[s.start_char:s.start_char + 1] in ('"', "“") for s in sents]

    def sent_no(offset: int) -> int:
        return bisect_right(sent_starts, offset) - 1

    def subject_of(tokens: Span) -> tuple[bool, bool, int]:
        for t in tokens:
            dep, head = t.dep_, t.head
            if dep == "appos" and head.dep_ in ("nsubj", "nsubjpass") and head.i < tokens.start:
                dep, head = head.dep_, head.head
            if dep in ("nsubj", "nsubjpass"):
                return True, head.dep_ == "ROOT", head.i
        return False, False, -1

    pool: list[_Antecedent] = []
    for m in people:
        span = doc.char_span(m.span[0], m.span[1], alignment_mode="expand")
        if span is None:
            continue
        subj, main, verb = subject_of(span)
        pool.append(_Antecedent(m.span[0], m.span[1], sent_no(m.span[0]), subj, main, _gender_of(state, m), _inside(ranges, starts, m.span[0]), m.actor, verb))
    male = {"he", "him", "himself"}
    pronouns = state.rules.person_pronouns
    for tok in (doc[k] for k, w in enumerate(state.low) if w in pronouns):
        low = tok.lower_
        if low not in state.rules.person_pronouns or tok.pos_ != "PRON" or tok.i in state.consumed:
            continue
        gender = "m" if low in male else "f"
        here = sent_no(tok.idx)
        quoted = _inside(ranges, starts, tok.idx)
        # "Burns briefed him": an object pronoun is not the subject of its own verb.
        own_verb = tok.head.i if tok.dep_ in ("dobj", "dative", "iobj") else (tok.head.head.i if tok.dep_ == "pobj" else -2)
        before = [c for c in pool if c.end <= tok.idx and (c.gender is None or c.gender == gender) and not (c.subject and c.verb == own_verb)]
        chosen = _choose(before, here, quoted, quoted_sent)
        if chosen is None:
            continue
        mention = _emit(state, tok.i, tok.i + 1, chosen.actor, "person")
        is_subject = tok.dep_ in ("nsubj", "nsubjpass")
        pool.append(_Antecedent(mention.span[0], mention.span[1], here, is_subject, is_subject and tok.head.dep_ == "ROOT", gender, quoted, chosen.actor, tok.head.i if is_subject else -1))
        pool.sort(key=lambda c: c.start)


def _choose(before: list[_Antecedent], here: int, quoted: bool, quoted_sent: list[bool]) -> _Antecedent | None:
    """The most salient antecedent (see _resolve_pronouns)."""
    if not before:
        return None
    same = [c for c in before if c.sent == here and c.quoted == quoted]
    subjects = [c for c in same if c.subject]
    if subjects:
        return subjects[-1]
    if same:
        return same[-1]
    # Earlier sentences, most recent first; sentences inside a quote do not count towards the
    # reach, so an attribution after a long quote still finds its speaker.
    outside = [c for c in before if not c.quoted] if not quoted else [c for c in before if c.quoted]
    reach = 0
    for n in range(here - 1, -1, -1):
        if not quoted_sent[n]:
            reach += 1
        if reach > PRONOUN_REACH_SENTENCES:
            break
        in_sent = [c for c in outside if c.sent == n]
        if not in_sent:
            continue
        subjects = [c for c in in_sent if c.subject]
        if subjects:
            main = [c for c in subjects if c.main]
            return (main or subjects)[0]
        if quoted:
            return None  # inside a quote, only a clear subject is taken
        return in_sent[-1]
    return None


# ---- pass 1: dating evidence -------------------------------------------------------------


def term_evidence(doc: Doc, article: Article, kb: KnowledgeBase) -> tuple[TermEvidence, ...]:
    """Office holders named in full with a title matching one of their seats."""
    if not kb.people:
        return ()
    state = _Article(doc, article, kb, None)
    doc.user_data[STATE_KEY] = state
    out: list[TermEvidence] = []
    for ent in state.person_ents:
        i, j = _strip_name(state, ent)
        name = doc[i:j].text.replace("’", "'")
        if len(name.split()) < 2:
            continue
        people = kb.people_named(name)
        if len(people) != 1:
            continue
        person = people[0]
        info = state.title_left(i, state.sent_start[ent.start])
        k = j
        while k < len(doc) and doc[k].text in ("-", "–"):
            k += 1
        elect = k < len(doc) and doc[k].lower_ in {m.strip("-") for m in kb.rules.elect_markers}
        if not info.hits:
            right = state.title_right(ent.end, ent.root)
            if right is None:
                continue
            info = right
        elect = elect or any(doc[t].lower_ in {m.strip("-") for m in kb.rules.elect_markers} for t in range(info.start, min(info.end + 2, len(doc))))
        offices = info.offices - {"former", "ex"}
        terms = [
            t for t in person.terms
            if _offices_match(offices, kb.offices(person, t), kb.rules.role_groups)
            and (info.country is None or (kb.seat(t.seat) or _NOSEAT).country == info.country)
        ]
        if len(terms) != 1:
            continue  # none, or several terms in that office: not unambiguous
        term = terms[0]
        span = (doc[info.start].idx if info.hits else doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text))
        text = state.text[span[0] : span[1]]
        if info.former:
            if term.end is None:
                continue
            out.append(TermEvidence(span=span, person_id=person.person_id, seat=term.seat, start=term.end, end=None, text=text))
        elif elect:
            out.append(TermEvidence(span=span, person_id=person.person_id, seat=term.seat, start=term.start - timedelta(days=ELECT_LEAD_DAYS), end=term.start, text=text))
        else:
            out.append(TermEvidence(span=span, person_id=person.person_id, seat=term.seat, start=term.start, end=term.end, text=text))
    return tuple(out)

