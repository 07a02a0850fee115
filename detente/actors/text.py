"""Reading an article for the actors stage: the knowledge base's names found in the text (cues),
person titles and what they describe, person names (with the ones spaCy missed), and the working
lists the passes fill. Built once per article (``ArticleState``), used by every pass."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token

from detente.actors.knowledge import Entry, KnowledgeBase, Title, is_transnational
from detente.reading import Reading
from detente.records import Actor, Mention

MAX_TITLE_TOKENS = 14
# Dependency labels of a clause's subject (active and passive).
SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Title phrases that only mark a holder as former ("former", "ex-"): no office of their own.
FORMER_TITLES = ("former", "ex")
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
    # "Georgia Gov. X": a country's name read as the US state it shares, before a state office.
    state_country: str | None = None

    @property
    def head(self) -> TitleHit | None:
        real = [h for h in self.hits if h.title.phrase not in FORMER_TITLES]
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
        if self.state_country is not None:
            return self.state_country
        if self.country_cue is not None:
            return self.country_cue.entry.country
        # A title that is one country's own office ("Taoiseach") names that country.
        national = {h.title.country for h in self.hits if h.title.country}
        return national.pop() if len(national) == 1 else None


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


class ArticleState:
    """Per-article working state (never leaves this module)."""

    def __init__(self, reading: Reading, kb: KnowledgeBase, day: date | None) -> None:
        doc = reading.doc
        self.doc = doc
        self.article = reading.article
        self.kb = kb
        self.day = day
        self.rules = kb.rules
        self.text = reading.text
        self.quoted = reading.quoted  # quotation mark to quotation mark, from the one scanner
        n = len(doc)
        self.low: list[str] = []
        self.ws: list[str] = []
        self.tag: list[str] = []
        self.punct: list[bool] = []
        # Tokens that are capitalised proper nouns outside any entity, or inside one: the
        # later scans (typos, first names, bare surnames) only look at these.
        self.propn: list[int] = []
        # Read as arrays: a Token object per word per attribute costs more than the work done here.
        strings = doc.vocab.strings
        for i, (lower, orth, tag, pos, punct, space) in enumerate(
            doc.to_array(["LOWER", "ORTH", "TAG", "POS", "IS_PUNCT", "SPACY"]).tolist() if n else ()
        ):
            self.low.append(strings[lower].replace("’", "'"))
            self.ws.append(" " if space else "")
            self.tag.append(strings[tag])
            self.punct.append(bool(punct) and strings[orth] not in (".", ""))
            if pos == PROPN:
                self.propn.append(i)
        # Per token, where its sentence starts and ends (token indexes), from the reading's bounds.
        self.sent_start: list[int] = [0] * n
        self.sent_end: list[int] = [0] * n
        for a, b in reading.sentences.bounds:
            self.sent_start[a:b] = [a] * (b - a)
            self.sent_end[a:b] = [b] * (b - a)
        self.sents: list[Span] = [doc[a:b] for a, b in reading.sentences.bounds if b > a]
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
            for k in range(span.start, span.end):
                self.cue_at[k] = cue
        # Doc.ents builds its spans on every read (a scan of the whole document): read it once.
        self.ents: tuple[Span, ...] = tuple(doc.ents)
        self.ent_at: dict[int, Span] = {t: ent for ent in self.ents for t in range(ent.start, ent.end)}
        self.full_name_surnames: frozenset[str] = frozenset(
            ent[-1].text for ent in self.ents if ent.label_ == "PERSON" and len(ent) > 1
        )
        self._add_misspelt(doc)
        self.person_ents: list[Span] = [ent for ent in self.ents if ent.label_ == "PERSON"]
        self.person_tok: set[int] = {t for ent in self.person_ents for t in range(ent.start, ent.end)}
        self.hits = self._title_hits()
        self.hit_at: dict[int, TitleHit] = {}
        for h in self.hits:
            for k in range(h.i, h.j):
                self.hit_at[k] = h
        self._drop_party_words_in_names()
        self._add_titled_names()
        self.consumed: set[int] = set()
        self.mentions: list[Mention] = []
        self.people: list[PersonRecord] = []

    def _drop_party_words_in_names(self) -> None:
        """A party's own word is that party only where no other capitalised name runs into it
        ("Republican Sen. X" and "Democrats said", not "Social Democrats", "Republican Guard",
        "Democratic Party of Japan"); a title or a known form next to it is no such name."""
        doc, forms = self.doc, self.rules.party_forms
        dropped = []
        for cue in self.cues:
            if self.text[cue.start : cue.end] not in forms:
                continue
            before = doc[cue.i - 1] if cue.i > self.sent_start[cue.i] else None
            after = doc[cue.j] if cue.j < self.sent_end[cue.i] else None
            named = [
                t
                for t in (before, after)
                if t is not None
                and t.is_title
                and t.is_alpha
                and not self._known(t.i)
                and t.text not in self.rules.party_chambers
            ]
            # ("Democratic Party of Japan", "France's Republicans": the party of another country.)
            possessed = before is not None and before.tag_ == "POS"
            if named or possessed or (after is not None and cue.j + 1 < len(doc) and doc[cue.j + 1].lower_ == "of"):
                dropped.append(cue)
        for cue in dropped:
            self.cues.remove(cue)
            for k in range(cue.i, cue.j):
                del self.cue_at[k]

    def _known(self, k: int) -> bool:
        """A title word, a known form or a person's name."""
        return k in self.hit_at or k in self.cue_at or self.doc[k].ent_type_ == "PERSON"

    def _add_titled_names(self) -> None:
        """Capitalised words right after a person title are a name even when spaCy missed
        it ("Minister of Foreign Affairs of Russia Sergey Lavrov")."""
        doc = self.doc
        extra = []
        for hit in self.hits:
            if hit.title.kind != "person" or hit.title.phrase in FORMER_TITLES:
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
            while (
                m < len(doc)
                and m - k < 4
                and doc[m].pos_ == "PROPN"
                and doc[m].is_title
                and m not in self.cue_at
                and m not in self.hit_at
                and m not in self.person_tok
            ):
                m += 1
            # (Not the rest of an entity the title word starts: "the National Strategy Institute".)
            if (
                m - k >= 2
                and doc[k].ent_iob_ != "I"
                and not any(doc[t].ent_type_ in ("GPE", "NORP", "LOC", "DATE") for t in range(k, m))
            ):
                extra.append(Span(doc, k, m, label="PERSON"))
                self.person_tok.update(range(k, m))
        # "Pavel Orlov" labelled ORG (or inside a longer ORG): two or three capitalised words led
        # by a common first name, not continuing a capitalised phrase.
        for tok in (doc[k] for k in self.propn):
            if (
                tok.pos_ != "PROPN"
                or not tok.is_title
                or tok.ent_type_ not in ("ORG", "NORP", "")
                or self.kb.gender(tok.text) is None
            ):
                continue
            if tok.i in self.person_tok or tok.i in self.cue_at or tok.i in self.hit_at:
                continue
            if tok.i > 0 and doc[tok.i - 1].is_title and doc[tok.i - 1].pos_ == "PROPN":
                continue
            m = tok.i + 1
            while (
                m < len(doc)
                and m - tok.i < 3
                and doc[m].pos_ == "PROPN"
                and doc[m].is_title
                and m not in self.cue_at
                and m not in self.hit_at
                and m not in self.person_tok
            ):
                m += 1
            if m - tok.i >= 2 and not (m < len(doc) and doc[m].pos_ == "PROPN" and doc[m].is_title):
                extra.append(Span(doc, tok.i, m, label="PERSON"))
                self.person_tok.update(range(tok.i, m))
        if extra:
            self.person_ents = sorted([*self.person_ents, *extra], key=lambda e: e.start)

    def _add_misspelt(self, doc: Doc) -> None:
        """Country names spaCy labels GPE/NORP that are one typing slip away from a known name
        ("Ethopia"): news copy has typos, and the nearest name is unambiguous at that length."""
        memo: dict[tuple[str, tuple[str, ...]], dict[str, Entry]] = {}  # names recur in an article
        for ent in self.ents:
            if ent.label_ not in ("GPE", "NORP", "ORG") or len(ent.text) < MIN_TYPO_LENGTH:
                continue
            if any(t in self.cue_at or t in self.rejected for t in range(ent.start, ent.end)):
                continue
            # Plurals and adjectives of known forms are not typos ("Russian" vs "Russians").
            if ent.text.rstrip("s") in self.kb.form_stems or ent.text in self.rules.not_typos:
                continue  # (and real names one slip from a country's: "Columbia" is no "Colombia")
            kinds = ("name",) if ent.label_ == "ORG" else ("name", "adjective", "demonym")
            near = self._near(ent.text, kinds, memo)
            if len(near) == 1 and not self._is_surname(ent.text):
                cue = Cue(ent.start_char, ent.end_char, ent.start, ent.end, next(iter(near.values())))
                self.cues.append(cue)
                for t in range(ent.start, ent.end):
                    self.cue_at[t] = cue
        # An unlabelled capitalised word one slip from a long country name ("Ethopia"); only
        # names (adjectives are too close to surnames), and only at a length where that is safe.
        for tok in (doc[k] for k in self.propn):
            size = len(tok.text)
            if (
                tok.ent_type_
                or tok.pos_ != "PROPN"
                or not tok.is_title
                or size < MIN_TYPO_NAME_LENGTH
                or tok.i in self.cue_at
                or tok.i in self.rejected
            ):
                continue
            if tok.text.rstrip("s") in self.kb.form_stems or tok.text in self.rules.not_typos:
                continue
            near = self._near(tok.text, ("name",), memo)
            if len(near) == 1 and not self._is_surname(tok.text):
                cue = Cue(tok.idx, tok.idx + size, tok.i, tok.i + 1, next(iter(near.values())))
                self.cues.append(cue)
                self.cue_at[tok.i] = cue
        self.cues.sort(key=lambda c: c.start)

    def _near(
        self, word: str, kinds: tuple[str, ...], memo: dict[tuple[str, tuple[str, ...]], dict[str, Entry]]
    ) -> dict[str, Entry]:
        """The known forms of these kinds one typing slip from the word, by country."""
        key = (word, kinds)
        if key not in memo:
            size = len(word)
            memo[key] = {
                e.country: e
                for length in (size - 1, size, size + 1)
                for form in self.kb.forms_by_length.get((word[:1], length), ())
                if one_edit(form, word)
                for e in self.kb.entries[form]
                if e.kind in kinds
            }
        return memo[key]

    def _is_surname(self, word: str) -> bool:
        """A surname of a person the knowledge base knows or the text names in full ("Hollande"
        after "Francois Hollande") is no misspelt country ("Holland")."""
        if self.kb.people_with_surname(word):
            return True
        return word in self.full_name_surnames

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
        if cue.entry.kind == "adjective" and not cue.entry.subnational:
            m = _NEXT_WORD.match(text, cue.end)
            if m is not None and m.group(1).lower() in rules.diaspora_nouns and m.group(1) != text[cue.start : cue.end]:
                return True  # "Cuban Americans": Americans of Cuban descent
        form = text[cue.start : cue.end]
        for continent in rules.continents:
            lead, _, last = continent.rpartition(" ")
            if form.startswith(last) and text[: cue.start].endswith(lead + " "):
                return True  # "Latin American": a continent, not the country named "America"
        return False

    def affiliation(self, end: int) -> tuple[str, int] | None:
        """The country whose press writes a legislator's party and state after the name, as in
        "(D-Ohio)" or ", R-Texas,", starting at character `end`, with the notation's end; None
        when there is none."""
        m = _AFFILIATION.match(self.text, end)
        if m is None:
            return None
        found = {c for c, letters in self.rules.affiliation_notations.items() if m.group(1) in letters}
        return (found.pop(), m.end()) if len(found) == 1 else None

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
        ent = self.ent_at.get(first.i)
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
        if low in ("'s", "’s", "'") and tok.i + 1 == right.i:
            return True
        # A hyphen inside a word ("ex-president"), not a dash between phrases ("spies - Mr. X").
        if low in ("-", "–") and tok.i + 1 == right.i and not tok.whitespace_:
            return tok.i == 0 or not self.doc[tok.i - 1].whitespace_
        if low in self.rules.honorifics or low.rstrip("-") in self.rules.former_markers:
            return True
        if low in ("of", "for") and right.pos_ in ("PROPN", "NOUN", "ADJ", "DET"):
            return True
        if low == "the" and tok.i > 0 and self.doc[tok.i - 1].lower_ == "of":
            return True
        if (
            tok.pos_ in ("PROPN", "NOUN", "ADJ")
            and not tok.is_punct
            and tok.ent_type_ not in ("DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "ORDINAL")
        ):
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
            t in self.cue_at
            or t in self.hit_at
            or low in self.rules.honorifics
            or low.rstrip("-") in self.rules.former_markers
            or self.doc[t].pos_ == "PROPN"
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
        cue = info.country_cue
        if cue is not None and self.text[cue.start : cue.end] in self.rules.state_homonyms:
            if any(h.i >= cue.j and h.title.phrase in self.rules.state_offices for h in info.hits):
                info.state_country = self.rules.state_homonyms[self.text[cue.start : cue.end]]
        # A national body with a transnational name ("Russia's Security Council") is national.
        if info.org_cue and info.country_cue and is_transnational(info.org_cue.entry.country):
            info.org_cue = None
        info.text = self.doc[i:j].text if j > i else ""
        return info

    def _institution_sector(self, i: int, j: int) -> str | None:
        """The sector of an institution the knowledge base does not know, from its words."""
        words = {
            self.doc[t].lower_ for t in range(i, j) if self.doc[t].ent_type_ in ("ORG", "FAC") and t not in self.cue_at
        }
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
        # The title ends at the noun ("the director of ..."), or starts there and runs on
        # ("the secretary of the Treasury, Jane Roe").
        if hit is None or hit.title.kind != "person" or (hit.j != head.i + 1 and hit.i != head.i):
            return None
        start = np_left(self, hit.i)
        info = self._describe(start, ent.start - 1)
        return info if info.hits else None

    def title_right(self, ent_end: int, root: Token) -> TitleInfo | None:
        """An apposition after a name: "Anna Berg, a political analyst"."""
        doc = self.doc
        if ent_end >= len(doc) or doc[ent_end].text != ",":
            return None
        sent_end = self.sent_end[ent_end]
        j = ent_end + 1
        while (
            j < sent_end
            and j - ent_end <= MAX_TITLE_TOKENS
            and doc[j].text not in (",", ";", ".", "(", ")", '"', "“", "”")
            and (doc[j].pos_ not in ("VERB", "AUX", "PRON") or doc[j].dep_ == "amod")
        ):
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


# The word right after a form, across one space or hyphen.
_NEXT_WORD = re.compile(r"[ \-–]([A-Za-z]+)")
# "(D-Ohio)", ", R-N.Y.,": a party letter, a hyphen and a capitalised state.
_AFFILIATION = re.compile(r"\s*[(,]\s*([A-Z])\s?[-–]\s?[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*)?\s*[),]")


def one_edit(a: str, b: str) -> bool:
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


def strip_name(state: ArticleState, ent: Span) -> tuple[int, int]:
    """The name proper inside a PERSON entity: without honorifics, titles and "'s"."""
    i, j = ent.start, ent.end
    doc = state.doc
    while i < j - 1 and (
        doc[i].lower_ in state.rules.honorifics
        or i in state.hit_at
        or i in state.cue_at
        or doc[i].lower_ in state.rules.former_markers
    ):
        i += 1
    while j > i + 1 and doc[j - 1].lower_ in ("'s", "’s", "'"):
        j -= 1
    return i, j


def name_is_cue(state: ArticleState, i: int, j: int) -> bool:
    cue = state.cue_at.get(i)
    return cue is not None and cue.i <= i and cue.j >= j


def np_left(state: ArticleState, i: int) -> int:
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
        if (
            state._allowed_left(tok, doc[k])
            or tok.lower_ in ("the", "a", "an", "its", "their")
            or (tok.i in state.cue_at)
        ):
            k -= 1
            if tok.lower_ in ("the", "a", "an", "its", "their"):
                break
            continue
        break
    return k
