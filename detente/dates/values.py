"""What the date rules compute with: the context a normaliser sees, the rule record, and the
calendar arithmetic the normalisers share (shifting a day by units, a TIMEX3 value at a unit)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

from detente.dates.lexicon import Lexicon
from detente.dates.timex import add_months, add_years, quarter_of, week_value

# "open": the clause looks neither back nor ahead from publication ("agreed to meet on Friday":
# a plan told in the past); a weekday then takes the nearer of the two.
Tense = Literal["past", "present", "future", "none", "open"]
Kind = Literal["DATE", "TIME", "DURATION", "SET"]
Value = tuple[Kind, str | None]


@dataclass(frozen=True, slots=True)
class Ctx:
    """What a normaliser may look at besides the match."""

    ref: date | None  # the reference day (publication); None when unknown
    tense: Tense
    last: str | None = None  # the last absolute date value mentioned before (for "a year earlier")
    quarter: str | None = None  # the last quarter mentioned before ("the quarter", "a year ago")


Normaliser = Callable[[re.Match[str], Ctx, Lexicon], Value | None]


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    normalise: Normaliser
    relative: bool = True  # the value depends on the reference day or tense
    # Lowercase words (or single digits) of which every match holds at least one: a chunk of
    # text without any of them is not scanned with this rule's pattern (the scan is the cost).
    triggers: frozenset[str] = frozenset()


# ---- small helpers --------------------------------------------------------------------------------


def alternation(words: object) -> str:
    """A regex alternation of the given words, longest first, spaces flexible."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def number_value(raw: str, lex: Lexicon) -> float | str | None:
    """'3', 'three', 'twenty-four', 'a couple of', 'several' -> 3, 3, 24, 2, 'X'."""
    raw = re.sub(r"\s+", " ", raw.strip().lower())
    if raw.replace(",", "").isdigit():
        return int(raw.replace(",", ""))
    if raw in lex.numbers:
        return lex.numbers[raw]
    parts = re.split(r"[- ]", raw)
    if len(parts) == 2 and parts[0] in lex.numbers and parts[1] in lex.numbers:
        a, b = lex.numbers[parts[0]], lex.numbers[parts[1]]
        if isinstance(a, int) and isinstance(b, int) and a >= 20 and b < 10:
            return a + b
    return None


def unit_code(raw: str, lex: Lexicon) -> str | None:
    w = raw.lower().replace("-", "")
    for form in (w, w[:-1] if w.endswith("s") else w, w[:-3] + "y" if w.endswith("ies") else w):
        if form in lex.units:
            return lex.units[form]
    if w in ("millennia",):
        return "ML"
    return None


def shift_date(d: date, n: int, unit: str) -> date:
    if unit == "D":
        return d + timedelta(days=n)
    if unit in ("W", "WE"):
        return d + timedelta(weeks=n)
    if unit == "2W":
        return d + timedelta(weeks=2 * n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "Y":
        return add_years(d, n)
    if unit == "DE":
        return add_years(d, 10 * n)
    if unit == "CE":
        return add_years(d, 100 * n)
    return d


def value_at(d: date, unit: str) -> str:
    """The value of the unit-sized period holding d ('week' -> 2013-W43)."""
    if unit in ("D", "H", "S", "MIN"):
        return d.isoformat()
    if unit in ("W", "2W"):
        return week_value(d)
    if unit == "WE":
        return week_value(d) + "-WE"
    if unit == "M":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "Q":
        return f"{d.year:04d}-Q{quarter_of(d)}"
    if unit == "DE":
        return f"{d.year // 10:03d}"
    if unit == "CE":
        return f"{d.year // 100:02d}"
    return f"{d.year:04d}"


def duration_value(n: float | str, unit: str) -> str:
    if unit == "2W":
        n, unit = (n * 2 if isinstance(n, (int, float)) else n), "W"
    if unit == "DE":
        # annotators write decades as years ("two decades" P20Y, "decades" PXY)
        n, unit = (n * 10 if isinstance(n, (int, float)) else n), "Y"
    if isinstance(n, float) and (n * 2).is_integer() and not n.is_integer() and unit in ("Y", "H", "MIN"):
        # and a half: whole numbers of the unit and of the next smaller one (P2Y6M, PT1M30S)
        whole = int(n)
        return {"Y": f"P{whole}Y6M", "H": f"PT{whole}H30M", "MIN": f"PT{whole}M30S"}[unit]
    if isinstance(n, float) and not n.is_integer():
        # TIMEX3 wants whole numbers: a day and a half is P36H
        smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN")}
        if unit in smaller:
            factor, unit = smaller[unit]
            n = n * factor
    count = "X" if isinstance(n, str) else str(int(n))
    if unit in ("H", "S"):
        return f"PT{count}{unit}"
    if unit == "MIN":
        return f"PT{count}M"
    return f"P{count}{unit}"


def valid_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def pick(candidates: list[date], ref: date, tense: Tense) -> date | None:
    """The candidate the tense points to: past on or before ref, future after, else nearest."""
    if not candidates:
        return None
    if tense == "past":
        before = [c for c in candidates if c <= ref]
        return max(before) if before else None
    if tense == "future":
        after = [c for c in candidates if c >= ref]
        return min(after) if after else None
    return min(candidates, key=lambda c: (abs((c - ref).days), c > ref))


def month_number(raw: str, lex: Lexicon) -> int | None:
    return lex.months.get(raw.lower().rstrip("."))


def weekday_near(ref: date, wd: int, tense: Tense, rel: str) -> date:
    """Weekday wd relative to ref: 'last' and past tense the most recent on or before ref ('last'
    strictly before), 'next' and future tense the next one after ref."""
    back = (ref.isoweekday() - wd) % 7
    forward = (wd - ref.isoweekday()) % 7
    if rel in ("last", "past", "previous"):
        return ref - timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return ref + timedelta(days=forward or 7)
    if rel == "this":
        return ref + timedelta(days=forward) if tense == "future" else ref - timedelta(days=back)
    if tense == "future":
        return ref + timedelta(days=forward or 7)
    if tense == "open":
        return ref + timedelta(days=forward) if forward < back else ref - timedelta(days=back)
    if tense == "present":
        # "the summit opens on Monday": the simple present with a day is a timetable
        return ref + timedelta(days=forward)
    return ref - timedelta(days=back)
