"""The actors knowledge base: countries, metonyms, organisations, titles, seats and office holders.

Everything here is data shipped in ``detente/actors/data`` (written by the project), extended by
the user's files; both come through the knowledge registry (``detente.knowledge``). It is built
once per process and read-only afterwards; other stages read it through ``KnowledgeBase``.
"""

from __future__ import annotations

import calendar
import logging
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any, Literal

from detente.errors import KnowledgeError
from detente.knowledge import Knowledge
from detente.records import SECTORS, TRANSNATIONAL

log = logging.getLogger(__name__)

CueKind = Literal["name", "adjective", "demonym", "capital", "metonym", "organization", "region"]
TitleKind = Literal["person", "group", "body"]
INHERIT = "*"  # a title whose sector comes from its organisation or country ("spokesman")
# Countries whose people's names English writes family name first ("Xi Jinping", "Kim Jong Un",
# "Nguyen Xuan Phuc"): their office holders are also found by the first word of the name.
FAMILY_NAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "KOR", "PRK", "VNM", "KHM", "MNG", "SGP"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    alpha3: str
    alpha2: str
    name: str
    names: tuple[str, ...]  # the name and its aliases ("U.S.", "America")
    adjectives: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Entry:
    """What one surface form ("Russian", "the Kremlin", "NATO") denotes."""

    kind: CueKind
    country: str  # ISO alpha-3 or a transnational code
    sector: str | None
    name: str  # canonical name of the country or body
    actor_id: str
    # From regions.csv: a region or a people inside one country ("Darfur", "Yoruba"): the
    # country follows, but not that the government acts (no default GOV sector).
    subnational: bool = False
    # A form that is also a common first name ("Karen"): an actor only before a noun.
    needs_noun: bool = False
    # A form that names its country only inside the title words of a person or body ("Ohio Sen.
    # Anna Berg", "Texas officials"), never as an actor alone ("won Ohio").
    title_only: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Title:
    phrase: str  # lowercase
    sector: str  # a PLOVER sector or INHERIT
    kind: TitleKind
    office: str  # canonical office name for linking role phrases to people ("" if none)
    # The one country whose own office this is ("taoiseach" → IRL, "chancellor of the exchequer"
    # → GBR): the title alone names the country. "" for titles many countries use.
    country: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Seat:
    seat: str
    country: str
    role: str
    sector: str
    category: str
    titles: tuple[str, ...]  # lowercase phrases without the country word


@dataclass(frozen=True, slots=True, kw_only=True)
class Term:
    seat: str
    person_id: str
    start: date
    end: date | None  # None: incumbent

    def holds_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True, slots=True, kw_only=True)
class Person:
    person_id: str
    name: str
    aliases: tuple[str, ...]
    terms: tuple[Term, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def terms_on(self, day: date) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.holds_on(day))


@dataclass(frozen=True, slots=True, kw_only=True)
class Rules:
    locative_prepositions: frozenset[str]
    trust_nouns: frozenset[str]
    destination_verbs: frozenset[str]
    place_nouns: frozenset[str]
    honorifics: frozenset[str]
    former_markers: frozenset[str]
    former_part_nouns: frozenset[str]
    document_nouns: frozenset[str]
    document_verbs: frozenset[str]
    elect_markers: frozenset[str]
    person_pronouns: frozenset[str]
    stance_prefixes: frozenset[str]
    origin_suffixes: frozenset[str]
    ethnic_markers: frozenset[str]
    role_groups: Mapping[str, frozenset[str]]
    # Words in a mention that say a person's gender ("Mrs.", "spokeswoman"): pronoun agreement.
    institution_sectors: Mapping[str, frozenset[str]] = field(default_factory=dict)
    male_markers: frozenset[str] = frozenset()
    female_markers: frozenset[str] = frozenset()
    continents: tuple[str, ...] = ()
    diaspora_nouns: frozenset[str] = frozenset()
    party_forms: frozenset[str] = frozenset()  # as written (case kept)
    party_adjectives: frozenset[str] = frozenset()  # as written (case kept)
    party_chambers: frozenset[str] = frozenset()  # as written (case kept)
    state_homonyms: Mapping[str, str] = field(default_factory=dict)  # form (case kept) -> country
    state_offices: frozenset[str] = frozenset()
    affiliation_notations: Mapping[str, frozenset[str]] = field(default_factory=dict)
    country_description_nouns: frozenset[str] = frozenset()
    bare_country_nouns: frozenset[str] = frozenset()
    monarchy_nouns: frozenset[str] = frozenset()
    monarchies: frozenset[str] = frozenset()  # ISO alpha-3, upper case
    generic_country_modifiers: frozenset[str] = frozenset()
    not_typos: frozenset[str] = frozenset()  # as written (case kept)


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    """Read-only tables; build with ``KnowledgeBase.load(config)``."""

    countries: Mapping[str, Country]
    entries: Mapping[str, tuple[Entry, ...]]  # surface form (case as written) -> meanings
    pattern: re.Pattern[str]  # finds every surface form in a text
    titles: Mapping[str, Title]
    max_title_words: int
    seats: Mapping[str, Seat]
    people: Mapping[str, Person]
    by_name: Mapping[str, tuple[str, ...]]  # lowercase full name or alias -> person ids
    by_surname: Mapping[str, tuple[str, ...]]  # lowercase last word of a name -> person ids
    rules: Rules
    _by_country_name: Mapping[str, str] = field(default_factory=dict)
    first_names: Mapping[str, str] = field(default_factory=dict)  # lowercase first name -> "m" | "f"
    # Indexes for speed: every character prefix of a title phrase (title matching stops as soon
    # as the words read so far start no title), forms by length (typo search) and forms
    # without a final "s".
    title_prefixes: frozenset[str] = frozenset()
    forms_by_length: Mapping[tuple[str, int], tuple[str, ...]] = field(default_factory=dict)  # (first letter, length)
    form_stems: frozenset[str] = frozenset()
    scan_index: Mapping[str, tuple[str, ...]] = field(
        default_factory=dict
    )  # first two characters -> forms, longest first
    surnames_by_length: Mapping[tuple[str, int], tuple[str, ...]] = field(
        default_factory=dict
    )  # (first letter, length)

    # ---- loading -------------------------------------------------------------------------

    @classmethod
    def load(cls, knowledge: Knowledge) -> KnowledgeBase:
        """The knowledge base from the registry's tables (shipped rows, then the user's)."""
        return build(
            knowledge.rows("countries"),
            knowledge.rows("metonyms"),
            knowledge.rows("organizations"),
            knowledge.rows("titles"),
            knowledge.rows("seats"),
            knowledge.rows("office_holders"),
            rules_from(knowledge.toml("actor_rules")),
            knowledge.rows("regions"),
            knowledge.rows("first_names"),
        )

    # ---- reading -------------------------------------------------------------------------

    def country(self, alpha3: str) -> Country | None:
        return self.countries.get(alpha3)

    def country_by_name(self, text: str) -> Country | None:
        """The country a name, short name, adjective, demonym or capital denotes ("U.S.",
        "Russian", "Moscow"); None when unknown or ambiguous."""
        code = self._by_country_name.get(text.strip())
        return self.countries.get(code) if code else None

    def lookup(self, text: str) -> tuple[Entry, ...]:
        """Every meaning of a surface form as written (case-sensitive)."""
        return self.entries.get(text, ())

    def scan(self, text: str) -> Iterator[tuple[int, int, Entry]]:
        """Known names, adjectives, metonyms and organisations in `text`, longest first, as
        character offsets; ambiguous forms are left out."""
        if not self.scan_index:  # built without the index: the (slower) regular expression
            for m in self.pattern.finditer(text):
                meanings = self.entries.get(m.group(0), ())
                if len(meanings) == 1:
                    yield m.start(), m.end(), meanings[0]
            return
        # Same matches as `pattern` (longest form at the leftmost position, not inside a word),
        # by looking up the forms that begin with the two characters at each word start.
        n = len(text)
        pos = 0
        index = self.scan_index
        for m in _WORD_START.finditer(text):
            s = m.start()
            if s < pos:
                continue
            for form in index.get(text[s : s + 2], ()):
                e = s + len(form)
                if text.startswith(form, s) and (e >= n or not (text[e].isalnum() or text[e] == "_")):
                    pos = e
                    meanings = self.entries[form]
                    if len(meanings) == 1:
                        yield s, e, meanings[0]
                    break

    def title(self, phrase: str) -> Title | None:
        return self.titles.get(phrase.lower())

    def seat(self, seat: str) -> Seat | None:
        return self.seats.get(seat)

    def person(self, person_id: str) -> Person | None:
        return self.people.get(person_id)

    def holders(self, seat: str, on: date) -> tuple[Person, ...]:
        """Who held `seat` on the day `on`."""
        out = []
        for person in self.people.values():
            if any(t.seat == seat and t.holds_on(on) for t in person.terms):
                out.append(person)
        return tuple(out)

    def people_named(self, name: str) -> tuple[Person, ...]:
        """People whose full name or alias is `name` (case-insensitive)."""
        return tuple(self.people[p] for p in self.by_name.get(_norm(name), ()))

    def gender(self, first_name: str) -> str | None:
        """ "m" or "f" for a common first name, else None (unknown or used for both)."""
        return self.first_names.get(_norm(first_name))

    def people_with_surname(self, surname: str) -> tuple[Person, ...]:
        return tuple(self.people[p] for p in self.by_surname.get(_norm(surname), ()))

    def offices(self, person: Person, term: Term | None = None) -> frozenset[str]:
        """Lowercase office names a person held (or held in one term): seat titles and role."""
        out: set[str] = set()
        for t in (term,) if term else person.terms:
            seat = self.seats.get(t.seat)
            if seat:
                out.update(seat.titles)
                out.add(seat.role.lower())
                if seat.category:
                    out.add(seat.category.replace("_", " ").lower())
        return frozenset(out)


# ---- building ------------------------------------------------------------------------------


def _norm(text: str) -> str:
    return " ".join(text.replace("’", "'").lower().split())


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(v.strip() for v in (value or "").split("|") if v.strip())


def _date(value: str, end: bool) -> date | None:
    """YYYY-MM-DD or YYYY-MM (an end month means its last day); None if empty or unreadable."""
    value = value.strip()
    try:
        if len(value) == 10:
            return date.fromisoformat(value)
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            return date(y, m, calendar.monthrange(y, m)[1] if end else 1)
        if len(value) == 4:
            return date(int(value), 12, 31) if end else date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def rules_from(table: Mapping[str, Any]) -> Rules:
    """The actors stage's word lists from the registry's ``actor_rules`` table."""

    def words(key: str) -> frozenset[str]:
        return frozenset(w.lower() for w in table.get(key, []))

    return Rules(
        locative_prepositions=words("locative_prepositions"),
        trust_nouns=words("trust_nouns"),
        destination_verbs=words("destination_verbs"),
        place_nouns=words("place_nouns"),
        honorifics=words("honorifics"),
        former_markers=words("former_markers"),
        former_part_nouns=words("former_part_nouns"),
        document_nouns=words("document_nouns"),
        document_verbs=words("document_verbs"),
        elect_markers=words("elect_markers"),
        person_pronouns=words("person_pronouns"),
        stance_prefixes=words("stance_prefixes"),
        origin_suffixes=words("origin_suffixes"),
        ethnic_markers=words("ethnic_markers"),
        institution_sectors=MappingProxyType(
            {k.upper(): frozenset(v.lower() for v in vs) for k, vs in table.get("institution_sectors", {}).items()}
        ),
        male_markers=words("male_markers"),
        continents=tuple(table.get("continents", [])),
        diaspora_nouns=words("diaspora_nouns"),
        party_forms=frozenset(table.get("party_forms", [])),
        party_adjectives=frozenset(table.get("party_adjectives", [])),
        party_chambers=frozenset(table.get("party_chambers", [])),
        state_homonyms=MappingProxyType({str(k): str(v) for k, v in table.get("state_homonyms", {}).items()}),
        state_offices=words("state_offices"),
        affiliation_notations=MappingProxyType(
            {k.upper(): frozenset(vs) for k, vs in table.get("affiliation_notations", {}).items()}
        ),
        female_markers=words("female_markers"),
        country_description_nouns=words("country_description_nouns"),
        bare_country_nouns=words("bare_country_nouns"),
        monarchy_nouns=words("monarchy_nouns"),
        monarchies=frozenset(str(c).upper() for c in table.get("monarchies", [])),
        generic_country_modifiers=words("generic_country_modifiers"),
        not_typos=frozenset(table.get("not_typos", [])),
        role_groups=MappingProxyType(
            {k.lower(): frozenset(v.lower() for v in vs) for k, vs in table.get("role_groups", {}).items()}
        ),
    )


def build(
    country_rows: Iterable[Mapping[str, str]],
    metonym_rows: Iterable[Mapping[str, str]],
    organization_rows: Iterable[Mapping[str, str]],
    title_rows: Iterable[Mapping[str, str]],
    seat_rows: Iterable[Mapping[str, str]],
    holder_rows: Iterable[Mapping[str, str]],
    rules: Rules,
    region_rows: Iterable[Mapping[str, str]] = (),
    first_name_rows: Iterable[Mapping[str, str]] = (),
) -> KnowledgeBase:
    """Assemble a KnowledgeBase from rows (also used by tests with rows of their own)."""
    merged: dict[str, dict[str, list[str]]] = {}
    entries: dict[str, dict[tuple[str, str], Entry]] = defaultdict(dict)

    def add(surface: str, entry: Entry) -> None:
        # The same form meaning one country twice (name and capital) is not ambiguous.
        key = (entry.country, entry.kind if entry.kind == "organization" else "country")
        if surface.lower().startswith("the ") and surface[4:] in entries:
            return
        entries[surface].setdefault(key, entry)

    for row in country_rows:
        code = row["alpha3"].upper()
        m = merged.setdefault(
            code, {"alpha2": [], "name": [], "names": [], "adjectives": [], "demonyms": [], "capitals": []}
        )
        if row.get("alpha2"):
            m["alpha2"].append(row["alpha2"])
        if not row.get("from") and not row.get("to") and row.get("name"):
            m["name"].append(row["name"])
        m["names"] += [row["name"], *_split(row.get("aliases"))]
        m["adjectives"] += list(_split(row.get("adjectives")))
        m["demonyms"] += list(_split(row.get("demonyms")))
        m["capitals"] += list(_split(row.get("capital")))
    countries: dict[str, Country] = {}
    for code, m in merged.items():
        names = tuple(dict.fromkeys(n for n in m["names"] if n))
        adjectives = tuple(dict.fromkeys(m["adjectives"]))
        demonyms = list(dict.fromkeys(m["demonyms"]))
        # Plural demonyms follow from -an/-i adjectives ("Russians", "Iraqis").
        for adj in adjectives:
            if adj.endswith(("an", "i")) and " " not in adj and adj + "s" not in demonyms:
                demonyms.append(adj + "s")
        capitals = tuple(c for c in dict.fromkeys(m["capitals"]) if c not in names)
        canonical = (m["name"] or list(names))[0]
        countries[code] = Country(
            alpha3=code,
            alpha2=(m["alpha2"] or [""])[0],
            name=canonical,
            names=names,
            adjectives=adjectives,
            demonyms=tuple(demonyms),
            capitals=capitals,
        )
        country_forms: tuple[tuple[CueKind, tuple[str, ...]], ...] = (
            ("name", tuple(names)),
            ("adjective", tuple(adjectives)),
            ("demonym", tuple(demonyms)),
            ("capital", capitals),
        )
        for kind, forms in country_forms:
            for form in forms:
                add(
                    form,
                    Entry(
                        kind=kind,
                        country=code,
                        sector="GOV" if kind == "capital" else None,
                        name=canonical,
                        actor_id=code,
                    ),
                )

    # Regions and peoples come after the countries so that a country's own forms win.
    for row in region_rows:
        code = row["country"].upper()
        named_as: CueKind = "region" if row.get("kind", "region") == "region" else "demonym"
        needs_noun = row.get("needs_noun", "").lower() in ("yes", "true", "1")
        title_only = (row.get("title_only") or "").lower() in ("yes", "true", "1")
        region_forms: tuple[tuple[tuple[str, ...], CueKind], ...] = (
            ((row["name"], *_split(row.get("aliases"))), named_as),
            (tuple(_split(row.get("adjectives"))), "adjective"),
            (tuple(_split(row.get("demonyms"))), "demonym"),
        )
        for forms, form_kind in region_forms:
            for form in forms:
                if form in entries:
                    continue  # a form a country already uses keeps that meaning
                add(
                    form,
                    Entry(
                        kind=form_kind,
                        country=code,
                        sector=None,
                        name=form if form_kind == "region" else row["name"],
                        actor_id=code,
                        subnational=True,
                        needs_noun=needs_noun,
                        title_only=title_only,
                    ),
                )

    for row in metonym_rows:
        _check_sector(row.get("sector"), "metonyms.csv")
        add(
            row["text"],
            Entry(
                kind="metonym",
                country=row["country"],
                sector=row.get("sector") or None,
                name=row["name"],
                actor_id=row["country"],
            ),
        )

    for row in organization_rows:
        _check_sector(row.get("sector"), "organizations.csv")
        entry = Entry(
            kind="organization",
            country=row["country"],
            sector=row.get("sector") or None,
            name=row["name"],
            actor_id=row["org_id"],
        )
        for form in dict.fromkeys([row["name"], *_split(row.get("aliases"))]):
            add(form, entry)

    titles: dict[str, Title] = {}
    for row in title_rows:
        sector = row.get("sector") or INHERIT
        _check_sector(None if sector == INHERIT else sector, "titles.csv")
        phrase = _norm(row["phrase"])
        titles[phrase] = Title(
            phrase=phrase,
            sector=sector,
            kind=row.get("kind") or "person",  # type: ignore[arg-type]
            office=_norm(row.get("same_as") or ""),
            country=(row.get("country") or "").strip().upper(),
        )

    seats: dict[str, Seat] = {}
    for row in seat_rows:
        if not row.get("seat") or not row.get("country"):
            continue
        seats[row["seat"]] = Seat(
            seat=row["seat"],
            country=row["country"],
            role=row.get("role", ""),
            sector=row.get("sector") or "GOV",
            category=row.get("category", ""),
            titles=tuple(_norm(t) for t in _split(row.get("titles"))),
        )
        # Seats' titles are also titles ("security council secretary"), unless more specific.
        for phrase in seats[row["seat"]].titles:
            titles.setdefault(
                phrase, Title(phrase=phrase, sector=seats[row["seat"]].sector, kind="person", office=phrase)
            )

    people_terms: dict[str, list[Term]] = defaultdict(list)
    people_names: dict[str, tuple[str, list[str]]] = {}
    for row in holder_rows:
        start = _date(row.get("start", ""), end=False)
        pid = row.get("person_id", "")
        if not pid or not row.get("name") or start is None:
            continue  # a row still being written: skip it rather than guess
        end = _date(row["end"], end=True) if row.get("end") else None
        people_terms[pid].append(Term(seat=row["seat"], person_id=pid, start=start, end=end))
        name, aliases = people_names.setdefault(pid, (row["name"], []))
        aliases += [a for a in _split(row.get("aliases")) if a not in aliases and a != name]
    first_name_rows = list(first_name_rows)  # read twice: here and for genders below
    given_names = {_norm(r["name"]) for r in first_name_rows if r.get("name")}
    people: dict[str, Person] = {}
    by_name: dict[str, list[str]] = defaultdict(list)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for pid, (name, aliases) in people_names.items():
        person = Person(
            person_id=pid,
            name=name,
            aliases=tuple(aliases),
            terms=tuple(sorted(people_terms[pid], key=lambda t: t.start)),
        )
        people[pid] = person
        family_first = any(t.seat in seats and seats[t.seat].country in FAMILY_NAME_FIRST for t in person.terms)
        for n in person.names:
            if pid not in by_name[_norm(n)]:
                by_name[_norm(n)].append(pid)
            words = _norm(n).split()
            surname = words[-1] if words else ""
            if surname and pid not in by_surname[surname]:
                by_surname[surname].append(pid)
            # Names written family name first ("Xi Jinping", "Park Geun-hye"): for office holders
            # of countries whose names English keeps in that order, a first word that is no known
            # first name is a family name too, so a later bare "Xi" finds the person.
            if (
                family_first
                and 2 <= len(words) <= 3
                and words[0].isalpha()
                and words[0] not in given_names
                and pid not in by_surname[words[0]]
            ):
                by_surname[words[0]].append(pid)

    frozen_entries = {k: tuple(v.values()) for k, v in entries.items()}
    surfaces = sorted(frozen_entries, key=len, reverse=True)
    pattern = re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(s) for s in surfaces) + r")(?![\w])")
    by_country_name: dict[str, str] = {}
    for surface, meanings in frozen_entries.items():
        codes = {e.country for e in meanings if e.kind in ("name", "adjective", "demonym", "capital", "region")}
        if len(codes) == 1 and len(meanings) == 1:
            by_country_name[surface] = codes.pop()
    return KnowledgeBase(
        countries=MappingProxyType(countries),
        entries=MappingProxyType(frozen_entries),
        pattern=pattern,
        titles=MappingProxyType(titles),
        max_title_words=max((len(t.split()) for t in titles), default=1),
        seats=MappingProxyType(seats),
        people=MappingProxyType(people),
        by_name=MappingProxyType({k: tuple(v) for k, v in by_name.items()}),
        by_surname=MappingProxyType({k: tuple(v) for k, v in by_surname.items()}),
        rules=rules,
        _by_country_name=MappingProxyType(by_country_name),
        title_prefixes=frozenset(t[:k] for t in titles for k in range(1, len(t) + 1)),
        forms_by_length=MappingProxyType(_by_length(frozen_entries)),
        form_stems=frozenset(f.rstrip("s") for f in frozen_entries),
        scan_index=MappingProxyType(_scan_index(surfaces)),
        surnames_by_length=MappingProxyType(_by_length(by_surname)),
        first_names=MappingProxyType(
            {
                _norm(r["name"]): r["gender"].lower()
                for r in first_name_rows
                if r.get("name") and r.get("gender", "").lower() in ("m", "f")
            }
        ),
    )


# Where a form may begin: not inside a word or right after a dot (the pattern's look-behind).
_WORD_START = re.compile(r"(?<![\w.])\S")


def _scan_index(surfaces: Iterable[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = defaultdict(list)
    for form in surfaces:  # already longest first
        if len(form) >= 2:
            out[form[:2]].append(form)
    return {k: tuple(v) for k, v in out.items()}


def _by_length(forms: Iterable[str]) -> dict[tuple[str, int], tuple[str, ...]]:
    out: dict[tuple[str, int], list[str]] = defaultdict(list)
    for form in forms:
        out[(form[:1], len(form))].append(form)
    return {k: tuple(v) for k, v in out.items()}


def _check_sector(sector: str | None, where: str) -> None:
    if sector and sector not in SECTORS:
        raise KnowledgeError(f"{where}: sector {sector!r} is not a PLOVER sector ({' '.join(sorted(SECTORS))})")


def is_transnational(code: str) -> bool:
    return code in TRANSNATIONAL
