"""The knowledge registry: every table and word list the stages use, declared once.

A table is a data file shipped in a stage's ``data`` folder. The user extends it with files of
the same format, named under ``[knowledge]`` in the configuration by the table's key
(``--set knowledge.countries=mine.csv``). ``Knowledge.load`` reads them all once; each stage
builds its own structures from the texts it is given (``detente.core.Resources``), so no stage
opens a data file, its own or another stage's.

How a user's file extends a table:
- CSV: its rows come after the shipped rows; its header must hold the table's ``columns``;
  lines starting with "#" are comments.
- TOML: merged into the shipped table: lists are extended, tables merged key by key, single
  values replaced (a stage that reads each file on its own, the event patterns, says so).
"""

from __future__ import annotations

import csv
import io
import logging
import tomllib
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from detente.config import KnowledgeConfig
from detente.errors import KnowledgeError

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    key: str  # its name, and its key under [knowledge]
    package: str  # the package whose data folder ships it
    file: str  # the shipped file's name in that folder
    columns: tuple[str, ...] = ()  # CSV: the columns a user's file must have (TOML: none)
    about: str
    optional: bool = False  # the shipped file may be left out of an installation

    @property
    def shipped(self) -> str:
        """Where the shipped file lives, as messages name it."""
        return f"{self.package.replace('.', '/')}/data/{self.file}"


TABLES: tuple[Table, ...] = (
    # actors
    Table(
        key="countries",
        package="detente.actors",
        file="countries.csv",
        columns=("alpha3", "name"),
        about="countries: names, aliases, adjectives, demonyms, capitals (also the places stage's countries)",
    ),
    Table(
        key="metonyms",
        package="detente.actors",
        file="metonyms.csv",
        columns=("text", "country"),
        about="names standing for a government or service ('the Kremlin', 'the Pentagon')",
    ),
    Table(
        key="organizations",
        package="detente.actors",
        file="organizations.csv",
        columns=("org_id", "name", "country"),
        about="international and non-governmental organisations, news outlets as actors",
    ),
    Table(
        key="regions",
        package="detente.actors",
        file="regions.csv",
        columns=("name", "country"),
        optional=True,
        about="regions and peoples inside one country",
    ),
    Table(
        key="titles",
        package="detente.actors",
        file="titles.csv",
        columns=("phrase", "sector", "kind"),
        about="person, group and body titles with their sector ('foreign minister', 'rebels')",
    ),
    Table(
        key="seats",
        package="detente.actors",
        file="seats.csv",
        optional=True,
        columns=("seat", "country", "role", "sector", "category", "titles"),
        about="offices (seats) and the titles that name them",
    ),
    Table(
        key="office_holders",
        package="detente.actors",
        file="office_holders.csv",
        optional=True,
        columns=("seat", "person_id", "name", "aliases", "start", "end"),
        about="who held which seat when",
    ),
    Table(
        key="first_names",
        package="detente.actors",
        file="first_names.csv",
        columns=("name", "gender"),
        optional=True,
        about="first names with their usual gender (pronoun agreement)",
    ),
    Table(
        key="actor_rules",
        package="detente.actors",
        file="rules.toml",
        about="the actors stage's word lists: locative prepositions, honorifics, 'former', 'elect', ...",
    ),
    # events
    Table(
        key="cameo",
        package="detente.events",
        file="cameo.csv",
        columns=("code", "name", "root", "goldstein", "quad_class"),
        about="CAMEO codes with their Goldstein score and quad class",
    ),
    Table(
        key="cameo_plover",
        package="detente.events",
        file="cameo_plover.csv",
        columns=("cameo", "plover"),
        about="CAMEO code to PLOVER event type and mode",
    ),
    Table(
        key="patterns",
        package="detente.events",
        file="patterns.toml",
        about="event patterns (verb and noun predicates to CAMEO codes) and the coder's settings",
    ),
    # places
    Table(
        key="places",
        package="detente.places",
        file="places.csv",
        columns=("name", "aliases", "kind", "country", "lat", "lon"),
        about="places the gazetteer lacks or must read differently",
    ),
    Table(
        key="place_phrases",
        package="detente.places",
        file="phrases.toml",
        about="the words of place phrases: locative prepositions, motion verbs, place nouns, ...",
    ),
    # dates
    Table(
        key="dates_lexicon",
        package="detente.dates",
        file="lexicon.toml",
        about="month, weekday, number, unit, season and holiday words of time expressions",
    ),
    Table(
        key="anniversaries",
        package="detente.dates",
        file="anniversaries.csv",
        columns=("keywords", "base"),
        about="anniversaries whose base date dates the article ('the 80th anniversary of ...')",
    ),
    Table(
        key="eras",
        package="detente.dates",
        file="eras.csv",
        columns=("keywords", "start", "end"),
        about="named periods with their dates ('the Cold War')",
    ),
    # quotes
    Table(
        key="quote_cues",
        package="detente.quotes",
        file="cues.toml",
        about="reporting verbs and phrases of direct and indirect speech",
    ),
    # ingest
    Table(
        key="outlets",
        package="detente.ingest",
        file="outlets.csv",
        columns=("name",),
        about="news outlets by every name they go by (the publisher)",
    ),
    Table(
        key="debris",
        package="detente.ingest",
        file="debris.toml",
        about="the vocabulary of web debris: navigation, prompts, bylines, credits",
    ),
    # analytics
    Table(
        key="contexts",
        package="detente.contexts",
        file="contexts.toml",
        about="PLOVER contexts: keywords and CAMEO codes that put an event in each context",
    ),
    Table(
        key="fips",
        package="detente.analytics",
        file="fips.csv",
        columns=("alpha3", "fips", "name"),
        about="ISO alpha-3 to FIPS 10-4 country codes, for GDELT's geography columns",
    ),
)

TABLE_BY_KEY: Mapping[str, Table] = {t.key: t for t in TABLES}


@dataclass(frozen=True, slots=True, kw_only=True)
class Source:
    where: str  # for messages: the shipped file's path, or the user's
    text: str
    shipped: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class Knowledge:
    """The text of every table: the shipped file, then the user's files, in order."""

    sources: Mapping[str, tuple[Source, ...]]

    @classmethod
    def load(cls, config: KnowledgeConfig | None = None, *, keys: Collection[str] | None = None) -> Knowledge:
        """Read every table (or those named in ``keys``): the shipped files, and the user's files
        named in ``config``."""
        config = config or KnowledgeConfig()
        out: dict[str, tuple[Source, ...]] = {}
        for table in TABLES if keys is None else [_table(k) for k in keys]:
            found = [] if (shipped := _shipped(table)) is None else [shipped]
            found += [_user(table, Path(p)) for p in getattr(config, table.key)]
            out[table.key] = tuple(found)
        return cls(sources=out)

    def texts(self, key: str) -> tuple[Source, ...]:
        """The table's files, shipped first (for a stage that reads each on its own)."""
        table = _table(key)
        if table.key not in self.sources:
            raise KnowledgeError(f"knowledge table {key!r} was not loaded; load it with the others (Knowledge.load)")
        return self.sources[table.key]

    def rows(self, key: str) -> list[dict[str, str]]:
        """A CSV table's rows: the shipped rows, then each user file's; malformed rows skipped."""
        return [row for source in self.texts(key) for row in _rows(source)]

    def toml(self, key: str) -> dict[str, Any]:
        """A TOML table: the shipped one with each user file merged into it (see the module's doc)."""
        merged: dict[str, Any] = {}
        for source in self.texts(key):
            try:
                _merge(merged, tomllib.loads(source.text))
            except tomllib.TOMLDecodeError as exc:
                hint = "restore the shipped file" if source.shipped else "fix the file"
                raise KnowledgeError(f"{source.where} is malformed TOML ({exc}); {hint}") from None
        return merged


def _table(key: str) -> Table:
    try:
        return TABLE_BY_KEY[key]
    except KeyError:
        raise KnowledgeError(f"no knowledge table {key!r}; known tables: {', '.join(TABLE_BY_KEY)}") from None


def _shipped(table: Table) -> Source | None:
    res = resources.files(table.package).joinpath("data", table.file)
    if not res.is_file():
        if table.optional:
            return None
        raise KnowledgeError(f"shipped knowledge file {table.shipped} is missing: reinstall detente")
    return Source(where=table.shipped, text=res.read_text(encoding="utf-8"), shipped=True)


def _user(table: Table, path: Path) -> Source:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"cannot read knowledge file {path}: {exc}; fix knowledge.{table.key}") from None
    if table.columns:
        header = [c.strip() for c in next(csv.reader(io.StringIO(text)), [])]
        missing = [c for c in table.columns if c not in header]
        if missing:
            raise KnowledgeError(
                f"knowledge file {path} lacks column(s) {', '.join(missing)}; "
                f"it needs the same header as the shipped file ({', '.join(table.columns)})"
            )
    return Source(where=str(path), text=text, shipped=False)


def _rows(source: Source) -> Iterator[dict[str, str]]:
    # Lines starting with "#" are comments (the places table explains its entries in them).
    lines = [line for line in source.text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    for row in csv.DictReader(io.StringIO("\n".join(lines))):
        if None in row:  # more fields than the header: a row being written or malformed
            log.warning("%s: skipping malformed row %r", source.where, row)
            continue
        yield {k.strip(): (v or "").strip() for k, v in row.items() if k}


def _merge(into: dict[str, Any], extra: Mapping[str, Any]) -> None:
    for key, value in extra.items():
        have = into.get(key)
        if isinstance(have, list) and isinstance(value, list):
            into[key] = have + value
        elif isinstance(have, dict) and isinstance(value, Mapping):
            _merge(have, value)
        else:
            into[key] = value
