"""The ingest stage's knowledge: news outlets (for the publisher) and the vocabulary of web debris.

Both are data files shipped in ``detente/ingest/data``, read through the knowledge registry
(``detente.knowledge``), which adds the user's files.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from detente.errors import KnowledgeError
from detente.knowledge import Knowledge, Source

# The registry's tables this stage reads.
INGEST_TABLES = ("outlets", "debris")


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
    def from_sources(cls, sources: Sequence[Source]) -> Outlets:
        """The outlets of the shipped table, then of the user's files (the first claim to a name wins)."""
        by_key: dict[str, Outlet] = {}
        longest = 1
        for source in sources:
            for n, row in enumerate(csv.DictReader(source.text.splitlines()), 2):
                name = (row.get("name") or "").strip()
                if not name:
                    raise KnowledgeError(f"{source.where}:{n}: an outlet needs a name; fix or remove the line")
                # "ABC (Australia)": the qualifier tells apart outlets sharing a short name.
                shown = re.sub(r"\s*\(.*\)$", "", name)
                outlet = Outlet(
                    name=shown, kind=(row.get("kind") or "").strip(), country=(row.get("country") or "").strip() or None
                )
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
    def from_table(cls, table: Mapping[str, Any]) -> DebrisVocabulary:
        try:
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
        except (KeyError, TypeError, ValueError) as exc:
            raise KnowledgeError(
                f"the debris vocabulary lacks or misshapes {exc}; compare with detente/ingest/data/debris.toml"
            ) from None


@dataclass(frozen=True, slots=True)
class Lexicon:
    outlets: Outlets
    debris: DebrisVocabulary

    @classmethod
    def load(cls, knowledge: Knowledge | None = None) -> Lexicon:
        """From the registry's ``outlets`` and ``debris`` tables (the shipped files, and the user's
        files when ``knowledge`` was loaded with a configuration)."""
        knowledge = knowledge or Knowledge.load(keys=INGEST_TABLES)
        return cls(
            outlets=Outlets.from_sources(knowledge.texts("outlets")),
            debris=DebrisVocabulary.from_table(knowledge.toml("debris")),
        )
