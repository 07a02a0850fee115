"""The ingest stage's knowledge: news outlets (for the publisher) and the vocabulary of web debris.

Both are data files shipped in ``detente/ingest/data`` and loaded once per process.
"""

from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from detente.errors import KnowledgeError

_DATA = "detente.ingest"


def _norm(name: str) -> str:
    """Key for outlet lookup: case, a leading "the", spacing and outer punctuation ignored."""
    key = " ".join(name.casefold().replace("’", "'").split()).strip(" .,:;\"'()[]")
    if key.endswith("'s"):
        key = key[:-2]
    if key.startswith("the "):
        key = key[4:]
    return key


@dataclass(frozen=True, slots=True, kw_only=True)
class Outlet:
    name: str  # the canonical name, as the outlet styles itself ("VOA", "Reuters")
    kind: str  # agency, broadcaster, newspaper, magazine, online
    country: str | None


@dataclass(frozen=True, slots=True)
class Outlets:
    """Known news organisations, by every name they go by."""

    by_key: dict[str, Outlet]
    max_words: int

    def find(self, name: str) -> Outlet | None:
        return self.by_key.get(_norm(name))

    def prefix(self, text: str) -> tuple[Outlet, int] | None:
        """The longest known outlet name `text` starts with, and where that name ends."""
        words = list(re.finditer(r"\S+", text[:200]))
        for n in range(min(self.max_words, len(words)), 0, -1):
            end = words[n - 1].end()
            outlet = self.find(text[:end])
            if outlet is not None:
                return outlet, end
        return None

    @classmethod
    def from_csv(cls, text: str, where: str) -> Outlets:
        by_key: dict[str, Outlet] = {}
        longest = 1
        for n, row in enumerate(csv.DictReader(text.splitlines()), 2):
            name = (row.get("name") or "").strip()
            if not name:
                raise KnowledgeError(f"{where}:{n}: an outlet needs a name; fix or remove the line")
            # "ABC (Australia)": the qualifier tells apart outlets sharing a short name.
            shown = re.sub(r"\s*\(.*\)$", "", name)
            outlet = Outlet(name=shown, kind=(row.get("kind") or "").strip(), country=(row.get("country") or "").strip() or None)
            names = [name] + [a for a in (row.get("aliases") or "").split(";") if a.strip()]
            for alias in names:
                key = _norm(alias)
                # The first row claiming a name wins: the file lists the better-known outlet first.
                by_key.setdefault(key, outlet)
                longest = max(longest, len(key.split()))
        return cls(by_key=by_key, max_words=longest)


@dataclass(frozen=True, slots=True, kw_only=True)
class DebrisVocabulary:
    nav_words: frozenset[str]
    nav_max_words: int
    prompt_starts: tuple[str, ...]
    share_words: frozenset[str]
    byline_starts: tuple[str, ...]
    credit_words: tuple[str, ...]
    credit_sources: tuple[str, ...]
    published_words: tuple[str, ...]
    other_date_words: tuple[str, ...]

    @classmethod
    def from_toml(cls, text: str, where: str) -> DebrisVocabulary:
        try:
            table = tomllib.loads(text)
            return cls(
                nav_words=frozenset(w.casefold() for w in table["navigation"]["words"]),
                nav_max_words=int(table["navigation"]["max_words"]),
                prompt_starts=tuple(p.casefold() for p in table["prompts"]["starts"]),
                share_words=frozenset(w.casefold() for w in table["prompts"]["share_words"]),
                byline_starts=tuple(p.casefold() for p in table["bylines"]["starts"]),
                credit_words=tuple(w.casefold() for w in table["captions"]["credit_words"]),
                credit_sources=tuple(w.casefold() for w in table["captions"]["credit_sources"]),
                published_words=tuple(w.casefold() for w in table["dates"]["published_words"]),
                other_date_words=tuple(w.casefold() for w in table["dates"]["other_words"]),
            )
        except (tomllib.TOMLDecodeError, KeyError, TypeError, ValueError) as exc:
            raise KnowledgeError(f"{where} is malformed ({exc}); restore the shipped file") from None


@dataclass(frozen=True, slots=True)
class Lexicon:
    outlets: Outlets
    debris: DebrisVocabulary

    @classmethod
    def load(cls, outlets: Path | None = None, debris: Path | None = None) -> Lexicon:
        """The shipped tables, or the given files instead (tests, users' own lists)."""
        if outlets is None and debris is None:
            return _shipped()
        return cls(
            outlets=Outlets.from_csv(_read(outlets, "outlets.csv"), str(outlets or "outlets.csv")),
            debris=DebrisVocabulary.from_toml(_read(debris, "debris.toml"), str(debris or "debris.toml")),
        )


def _read(path: Path | None, shipped: str) -> str:
    try:
        if path is not None:
            return path.read_text(encoding="utf-8")
        return resources.files(_DATA).joinpath("data", shipped).read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError(f"cannot read {path or shipped}: {exc}; check the path") from None


@cache
def _shipped() -> Lexicon:
    return Lexicon(
        outlets=Outlets.from_csv(_read(None, "outlets.csv"), "detente/ingest/data/outlets.csv"),
        debris=DebrisVocabulary.from_toml(_read(None, "debris.toml"), "detente/ingest/data/debris.toml"),
    )
