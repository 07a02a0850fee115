"""PLOVER contexts of an event: the 2024 manual's general contexts (``CONTEXTS``), found from a
lexicon written by the project (``data/contexts.toml``: keywords per context, and CAMEO code
prefixes that carry a context by themselves). Contexts say what an event is *about* ("cbrn":
arms control and weapons of mass destruction), whatever its action; an event may have several.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from detente.errors import KnowledgeError
from detente.knowledge import Knowledge

CONTEXTS: tuple[str, ...] = (
    "military",
    "intelligence",
    "executive",
    "legislative",
    "election",
    "political_institutions",
    "pro_democracy",
    "pro_autocracy",
    "economic",
    "legal",
    "reparations",
    "human_rights",
    "rights_freedoms",
    "repression",
    "human_security",
    "gender",
    "lgbt",
    "religion_ethnicity",
    "inequality",
    "diplomatic",
    "territory",
    "peacekeeping",
    "health",
    "asylum",
    "migration",
    "disasters",
    "natural_resource",
    "environment",
    "technology",
    "terrorism",
    "cbrn",
    "cyber",
    "misinformation",
    "crime",
    "corruption",
    "illegal_drugs",
    "trafficking",
)


def _pattern(keyword: str) -> str:
    stem = keyword.rstrip("*")
    words = r"\s+".join(re.escape(w) for w in stem.split())
    return rf"\b{words}" + (r"[\w-]*" if keyword.endswith("*") else r"\b")


@dataclass(frozen=True, slots=True)
class ContextLexicon:
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (context, one regex of all its keywords)
    codes: tuple[tuple[str, tuple[str, ...]], ...]  # (CAMEO prefix, contexts)

    @classmethod
    def load(cls, knowledge: Knowledge) -> ContextLexicon:
        return cls.from_table(knowledge.toml("contexts"), "the contexts table (knowledge.contexts)")

    @classmethod
    def from_table(cls, data: dict[str, Any], where: str) -> ContextLexicon:
        keywords: dict[str, list[str]] = data.get("keywords", {})
        codes: dict[str, list[str]] = data.get("codes", {})
        unknown = (set(keywords) | {c for names in codes.values() for c in names}) - set(CONTEXTS)
        if unknown:
            raise KnowledgeError(
                f"{where} names contexts PLOVER does not have: {sorted(unknown)}; use: {', '.join(CONTEXTS)}"
            )
        patterns = tuple(
            (name, re.compile("|".join(_pattern(k) for k in words), re.IGNORECASE))
            for name, words in keywords.items()
            if words
        )
        return cls(patterns=patterns, codes=tuple((prefix, tuple(names)) for prefix, names in codes.items()))

    def contexts(self, sentence_text: str, cameo: str | None = None, plover: str | None = None) -> tuple[str, ...]:
        """The contexts of an event from its evidence sentence and its codes, in PLOVER's order."""
        found = {name for name, pattern in self.patterns if pattern.search(sentence_text)}
        if cameo:
            found |= {c for prefix, names in self.codes if cameo.startswith(prefix) for c in names}
        if plover in ("CONSULT", "AGREE") and cameo is None:
            found.add("diplomatic")  # without a CAMEO code, PLOVER's diplomatic types still say it
        return tuple(c for c in CONTEXTS if c in found)
