"""The dates lexicon: word lists, the anniversary base dates and the eras, from the knowledge
registry's ``dates_lexicon``, ``anniversaries`` and ``eras`` tables (``detente.knowledge``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from detente.errors import KnowledgeError
from detente.knowledge import Knowledge


@dataclass(frozen=True, slots=True, kw_only=True)
class KeywordRow:
    """A row of a keyword table: every group must occur (any one of its alternatives)."""

    groups: tuple[tuple[str, ...], ...]
    start: date | None  # None when the base is a bare year
    year: int
    end: date | None = None
    note: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, float | str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    season_months: dict[str, tuple[int, int]]
    parts_of_day: dict[str, str]
    references: dict[str, str]
    holidays: dict[str, str]
    # frequency words that, as an adjective before a noun, name a kind, not a time
    kind_adjectives: frozenset[str]
    # verbs of saying: their simple present tells ("officials say Friday ..."), it plans nothing
    telling_verbs: frozenset[str]
    anniversaries: tuple[KeywordRow, ...]
    eras: tuple[KeywordRow, ...]


def _day_or_year(raw: str, name: str) -> tuple[date | None, int]:
    raw = raw.strip()
    try:
        if len(raw) == 4:
            return None, int(raw)
        d = date.fromisoformat(raw)
        return d, d.year
    except ValueError:
        raise KnowledgeError(f"{name}: {raw!r} is not YYYY or YYYY-MM-DD; fix the row") from None


def _groups(raw: str) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(a.strip() for a in g.split("|") if a.strip()) for g in raw.split(";") if g.strip())


def _rows(rows: list[dict[str, str]], name: str, with_end: bool) -> tuple[KeywordRow, ...]:
    out = []
    for row in rows:
        start, year = _day_or_year(row["start" if with_end else "base"], name)
        end = _day_or_year(row["end"], name)[0] if with_end else None
        out.append(
            KeywordRow(groups=_groups(row["keywords"]), start=start, year=year, end=end, note=row.get("note") or "")
        )
    return tuple(out)


def load(knowledge: Knowledge) -> Lexicon:
    """The lexicon from the registry's tables (``dates_lexicon``, ``anniversaries``, ``eras``)."""
    try:
        t = knowledge.toml("dates_lexicon")
        return Lexicon(
            months=t["months"],
            weekdays=t["weekdays"],
            numbers=t["numbers"],
            ordinals=t["ordinals"],
            units=t["units"],
            seasons=t["seasons"],
            season_months={k: (v[0], v[1]) for k, v in t["season_months"].items()},
            parts_of_day=t["parts_of_day"],
            references=t["references"],
            holidays=t["holidays"],
            kind_adjectives=frozenset(w.lower() for w in t["kind_adjectives"]["words"]),
            telling_verbs=frozenset(w.lower() for w in t["telling_verbs"]["lemmas"]),
            anniversaries=_rows(knowledge.rows("anniversaries"), "anniversaries.csv", with_end=False),
            eras=_rows(knowledge.rows("eras"), "eras.csv", with_end=True),
        )
    except (KeyError, TypeError, IndexError) as exc:
        raise KnowledgeError(
            f"the dates lexicon lacks or misshapes {exc}; compare with detente/dates/data/lexicon.toml"
        ) from None
