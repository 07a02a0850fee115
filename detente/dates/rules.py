"""The rule table: patterns that find time expressions, and the normaliser each one uses.

Modelled on HeidelTime: a pattern finds an expression; its normaliser turns the match into a
TIMEX3 value given a context (reference day, tense of the governing verb, the last date the text
mentioned). Word lists come from ``data/lexicon.toml``. Patterns run over the raw text; where the
longest matches overlap the longest wins (``candidates``). For speed a rule's pattern only runs
over paragraphs holding one of its trigger words (a set test is far cheaper than a regex scan).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Literal

from detente.dates import lexicon as lexicon_module
from detente.dates.lexicon import Lexicon
from detente.errors import KnowledgeError
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


def _alt(words: object) -> str:
    """A regex alternation of the given words, longest first, spaces flexible."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


def _number(raw: str, lex: Lexicon) -> float | str | None:
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


def _unit(raw: str, lex: Lexicon) -> str | None:
    w = raw.lower().replace("-", "")
    for form in (w, w[:-1] if w.endswith("s") else w, w[:-3] + "y" if w.endswith("ies") else w):
        if form in lex.units:
            return lex.units[form]
    if w in ("millennia",):
        return "ML"
    return None


def _shift(d: date, n: int, unit: str) -> date:
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


def _at(d: date, unit: str) -> str:
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


def _duration(n: float | str, unit: str) -> str:
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


def _valid(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _pick(candidates: list[date], ref: date, tense: Tense) -> date | None:
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


def _month_of(raw: str, lex: Lexicon) -> int | None:
    return lex.months.get(raw.lower().rstrip("."))


def _weekday(ref: date, wd: int, tense: Tense, rel: str) -> date:
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


# ---- normalisers ----------------------------------------------------------------------------------


def _full_date(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    month = _month_of(m["month"], lex) if m["month"] else int(m["mon"])
    year = int(m["year"])
    if year < 100:
        year += 1900 if year >= 30 else 2000
    d = _valid(year, month or 0, int(m["day"]))
    return ("DATE", d.isoformat()) if d else None


def _month_day(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    month = _month_of(m["month"], lex)
    day = int(m["day"])
    if month is None or not 1 <= day <= 31 or ctx.ref is None:
        return ("DATE", None) if month and 1 <= day <= 31 else None
    cands = [d for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1) if (d := _valid(y, month, day))]
    if not cands:  # 29 February: look for the nearest leap years
        cands = [d for y in range(ctx.ref.year - 4, ctx.ref.year + 5) if (d := _valid(y, month, day))]
    wdp = m.groupdict().get("wdp")
    if wdp and (wd := lex.weekdays.get(wdp.lower())):
        # "Saturday, April 25": the year in which that day is a Saturday
        pinned = [d for d in cands if d.isoweekday() == wd]
        if pinned:
            # the weekday settles the year: the nearest such day, whatever the clause's tense
            picked = _pick(pinned, ctx.ref, "none")
            return ("DATE", picked.isoformat()) if picked else None
    # A month-day is usually the nearest one ("extended to Nov. 20", "had been set to expire
    # Nov. 6"); only a clause that happened "on" that day must lie on or before the reference.
    on = re.search(r"\b(?:on|ended|since)\s*$", m.string[max(0, m.start() - 8):m.start()], re.IGNORECASE) is not None
    tense: Tense = ctx.tense if (ctx.tense == "past" and on) else "none"
    if ctx.tense == "future":
        # a future clause's day is not long past; the nearest of the rest (a strict "after the
        # reference" sends a day two weeks back, often a tense slip, a year ahead)
        cands = [d for d in cands if d >= ctx.ref - timedelta(days=31)] or cands
    # a tense that rules out every candidate is a misparse: the nearest day then
    picked = _pick(cands, ctx.ref, tense) or _pick(cands, ctx.ref, "none")
    return ("DATE", picked.isoformat()) if picked else None


def _month_year(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    month = _month_of(m["month"], lex)
    if month is None:
        return None
    if m["year"]:
        return ("DATE", f"{int(m['year']):04d}-{month:02d}")
    if ctx.ref is None:
        return ("DATE", None)
    rel = m["rel"].lower()
    y = ctx.ref.year + {"last": -1, "next": 1}.get(rel, 0)
    return ("DATE", f"{y:04d}-{month:02d}")


def _month_alone(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    month = _month_of(m["month"], lex)
    if month is None:
        return None
    if ctx.ref is None:
        return ("DATE", None)
    rel = (m["rel"] or "").lower()
    y = ctx.ref.year
    if rel == "last":
        y = y if month < ctx.ref.month else y - 1
    elif rel in ("next", "coming"):
        y = y if month > ctx.ref.month else y + 1
    elif rel == "this":
        pass
    else:
        firsts = [date(yy, month, 1) for yy in (y - 1, y, y + 1)]
        this_month = date(ctx.ref.year, ctx.ref.month, 1)
        since = re.search(r"\bsince\s+$", m.string[max(0, m.start() - 8):m.start()], re.IGNORECASE)
        # "on patrol since March": a month things have gone on since is behind, whatever the verb
        picked = _pick(firsts, this_month, "past" if since else ctx.tense)
        nearest = _pick(firsts, this_month, "none")
        if not since and picked is not None and nearest is not None and nearest > this_month and (this_month - picked).days > 240 and (nearest - this_month).days <= 62:
            # a past clause naming next month ("bids are due in mid-November") is a plan told
            # in the past, far likelier than the same month eleven months back
            picked = nearest
        if picked is None:
            return ("DATE", None)
        y = picked.year
    return ("DATE", f"{y:04d}-{month:02d}")


def _weekday_expr(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    wd = lex.weekdays.get(m["wd"].lower())
    if wd is None:
        return None
    if m["plural"]:
        return ("SET", f"XXXX-WXX-{wd}")
    if ctx.ref is None:
        return ("DATE", None)
    tense = ctx.tense
    arranged = not m["rel"] and re.search(r"\bfor\s+$", m.string[max(0, m.start() - 5):m.start()], re.IGNORECASE)
    if arranged:
        # "a meeting (scheduled) for Wednesday": the day of something arranged, ahead of the
        # telling, unless told in the past ("the service planned for Saturday was cancelled"):
        # then the nearer of the two
        if tense == "past":
            back, ahead = _weekday(ctx.ref, wd, "past", ""), _weekday(ctx.ref, wd, "future", "")
            tense = "future" if (ahead - ctx.ref) < (ctx.ref - back) else "past"
        else:
            tense = "future"
    if m.string.startswith("'s", m.end()) or m.string.startswith("’s", m.end()):
        # "Friday's session", "Thursday's closing price": reported results, whatever the
        # clause (often misread as future); but "ahead of Sunday's vote" looks forward
        ahead = re.search(r"\b(?:ahead\s+of|upcoming)\s+$", m.string[max(0, m.start() - 12):m.start()], re.IGNORECASE)
        tense = "future" if ahead or tense == "future" else "past"
    rel = (m["rel"] or "").lower()
    base = ctx.ref
    if rel == "previous" and ctx.last and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.last):
        base = date.fromisoformat(ctx.last)  # "down from the previous Friday": before the day just named
    d = _weekday(base, wd, tense, rel)
    part = (m["part"] or "").lower()
    if part:
        return ("TIME", d.isoformat() + "T" + lex.parts_of_day[part])
    return ("DATE", d.isoformat())


def _clock(m: re.Match[str]) -> str | None:
    if m["noon"]:
        return "12:00" if m["noon"].lower() == "noon" else "24:00"
    h = int(m["h"])
    minutes = int(m["min"]) if m["min"] else 0
    ampm = (m["ampm"] or "").lower().replace(".", "")
    if ampm == "pm" and h < 12:
        h += 12
    elif ampm == "am" and h == 12:
        h = 0
    if not (0 <= h <= 24 and 0 <= minutes < 60):
        return None
    return f"{h:02d}:{minutes:02d}"


def _time_expr(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    clock = _clock(m)
    if clock is None:
        return None
    day: date | None = ctx.ref
    if m["wd"]:
        wd = lex.weekdays.get(m["wd"].lower())
        day = _weekday(ctx.ref, wd, ctx.tense, "") if ctx.ref and wd else None
    elif m["deictic"]:
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[m["deictic"].lower()]
        day = ctx.ref + timedelta(days=shift) if ctx.ref else None
    elif m["month"]:
        value = _month_day(m, ctx, lex)
        day = date.fromisoformat(value[1]) if value and value[1] else None
    if day is None:
        return ("TIME", None)
    return ("TIME", f"{day.isoformat()}T{clock}")


def _deictic(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    word = m["word"].lower()
    if ctx.ref is None:
        return ("DATE", None)
    if word == "tonight":
        return ("TIME", ctx.ref.isoformat() + "TNI")
    shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[word]
    if m["before"]:
        shift -= 1 if word == "yesterday" else 0
        shift += 1 if word == "tomorrow" else 0
    d = ctx.ref + timedelta(days=shift)
    part = (m["part"] or "").lower()
    if part:
        return ("TIME", d.isoformat() + "T" + lex.parts_of_day[part])
    return ("DATE", d.isoformat())


def _part_of_today(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    if ctx.ref is None:
        return ("TIME", None)
    d = ctx.ref - timedelta(days=1) if m["rel"].lower() == "last" else ctx.ref
    return ("TIME", d.isoformat() + "T" + lex.parts_of_day[m["part"].lower()])


_REL_SHIFT = {
    "last": -1, "past": -1, "previous": -1, "the past": -1, "the previous": -1, "the last": -1,
    "this past": -1, "next": 1, "coming": 1, "the next": 1, "the coming": 1, "following": 1,
    "the following": 1, "this": 0, "the current": 0, "current": 0, "the latest": 0, "this coming": 1,
}


def _relative_unit(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    unit = _unit(m["unit"], lex)
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if unit is None or rel not in _REL_SHIFT:
        return None
    base = ctx.ref
    if rel in ("the following", "the previous", "the next") and ctx.last:
        base = _anchor_of(ctx.last) or ctx.ref  # "the following month" counts from the last date mentioned
    if base is None:
        return ("DATE", None)
    if unit == "Q" and rel in ("the latest", "the current", "current") :
        return _quarter_context(ctx, 0)
    shift = _REL_SHIFT[rel]
    if unit == "WE":
        d = _weekday(base, 6, "future" if shift > 0 else "past", "")
        return ("DATE", week_value(d) + "-WE")
    return ("DATE", _at(_shift(base, shift, unit), unit))


def _season(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    code = lex.seasons.get(m["season"].lower())
    if code is None:
        return None
    if m["year"]:
        return ("DATE", f"{int(m['year']):04d}-{code}")
    if ctx.ref is None:
        return ("DATE", None)
    first, last = lex.season_months[code]
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    y = ctx.ref.year
    if code == "WI" and ctx.ref.month <= last:
        y -= 1  # January's winter began the December before
    if rel == "this past":
        # the latest such season that is over: this year's unless it has not ended yet
        end_month = last if last >= first else 12
        y = y if end_month < ctx.ref.month and code != "WI" else y - 1
    elif rel in ("last", "past"):
        y -= 1
    elif rel in ("next", "coming"):
        y += 1
    elif not rel and ctx.tense == "future" and ctx.ref.month > (last if last >= first else 12):
        y += 1  # a future summer mentioned in October is next year's
    return ("DATE", f"{y:04d}-{code}")


def _anchor_of(value: str) -> date | None:
    """A representative day of an absolute value (its first day), for anaphoric shifts."""
    from detente.dates.timex import window_of

    w = window_of(value)
    return w.earliest


def _ago(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    n = _number(m["num"], lex)
    unit = _unit(m["unit"], lex)
    if unit is None or n is None:
        return None
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if direction in ("before", "after", "later"):
        # "a day after X": X is not resolved here; the clause lies within n units of the
        # reference. "Three days later" is annotated the same way: the amount of time that passed
        return ("DURATION", _duration(n, unit))
    if isinstance(n, str) or (isinstance(n, float) and not n.is_integer()):
        return ("DATE", "PAST_REF" if direction in ("ago", "earlier") else "FUTURE_REF")
    sign = -1 if direction in ("ago", "earlier") else 1
    base = ctx.ref
    if direction in ("earlier", "later") and ctx.last:
        base = _anchor_of(ctx.last) or ctx.ref
    if base is None:
        return ("DATE", None)
    if unit == "Y" and ctx.quarter and (ctx.ref is None or int(ctx.quarter[:4]) >= ctx.ref.year - 1):
        # in a report on quarters "a year ago" is the same quarter a year before
        y, q = int(ctx.quarter[:4]), ctx.quarter[-1]
        return ("DATE", f"{y + sign * int(n):04d}-Q{q}")
    if unit in ("H", "S", "MIN"):
        return ("DATE", base.isoformat())
    return ("DATE", _at(_shift(base, sign * int(n), unit), unit if direction == "ago" or unit != "Y" else _granularity(ctx.last)))


def _granularity(value: str | None) -> str:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "D"
    if value and re.fullmatch(r"\d{4}-\d{2}", value):
        return "M"
    return "Y"


def _duration_expr(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    unit = _unit(m["unit"], lex)
    if unit is None:
        return None
    n: float | str | None = _number(m["num"], lex) if m["num"] else "X"
    if n is None:
        return None
    if unit in ("Q", "S") and (m["num"].lower() in ("a", "an") or "-" in m[0] or m.string[m.end():m.end() + 4] == " of "):
        return None  # "a quarter of", "three-quarters", "a second group": fractions and ordinals
    if re.search(r"[\s-](?:old)$", m[0], re.IGNORECASE):
        return None  # ages ("52 years old") are not times in news
    if m.string[m.end():m.end() + 3] in ("'s ",) or re.match(r"\s+(?:of|in|for)\b", m.string[m.end():m.end() + 5]) and m["num"].lower() in ("a", "an") and unit in ("D", "W", "M", "Y") and re.search(r"[\d%]\s*$", m.string[max(0, m.start() - 3):m.start()]):
        return None
    if (m["half"] or m["half_after"]) and isinstance(n, (int, float)):
        n = float(n) + 0.5
    return ("DURATION", _duration(n, unit))


def _vague_plural(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    unit = _unit(m["unit"], lex)
    return ("DURATION", _duration("X", unit)) if unit else None


def _year(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    return ("DATE", f"{int(m['year']):04d}")


def _decade(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    if m["full"]:
        return ("DATE", m["full"][:3])
    two = int(m["short"])
    if ctx.ref is None:
        century = 19 if two >= 30 else 20
    else:
        century = ctx.ref.year // 100 if two * 1 <= ctx.ref.year % 100 else ctx.ref.year // 100 - 1
    return ("DATE", f"{century:02d}{two // 10}")


def _century(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    raw = m["ord"].lower()
    n = int(re.sub(r"\D", "", raw)) if raw[0].isdigit() else lex.ordinals.get(raw)
    return ("DATE", f"{n - 1:02d}") if n else None


def _quarter_context(ctx: Ctx, shift_years: int) -> Value | None:
    """'the quarter', 'the latest quarter': the last quarter mentioned (when recent), else the
    last complete one."""
    q = ctx.quarter
    recent = q is not None and (ctx.ref is None or int(q[:4]) >= ctx.ref.year - 1)
    if q and recent:
        return ("DATE", f"{int(q[:4]) + shift_years:04d}-{q[5:]}")
    if ctx.ref is None:
        return ("DATE", None)
    d = add_months(ctx.ref, -3)
    return ("DATE", f"{d.year + shift_years:04d}-Q{quarter_of(d)}")


def _quarter(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    unit = m["qunit"].lower()
    if not (m[0].lower().startswith("the") or m["rel"] or m["ord"] or m["year"] or m["year2"] or m["yrel2"]):
        return None  # a bare "quarter" is a fraction or a coin
    if unit == "period":
        # "the latest period" in a quarterly report is the latest quarter; other periods are vague
        if (m["rel"] or "").lower() not in ("latest", "year-earlier", "year-ago", "year earlier", "year ago", "most recent"):
            return None
        unit = "quarter"
    rel = re.sub(r"\s+", " ", (m["rel"] or "").lower())
    ordinal = (m["ord"] or "").lower()
    n = int(ordinal[0]) if ordinal[:1].isdigit() else lex.ordinals.get(ordinal) if ordinal else None
    code = "Q" if unit == "quarter" else "H"
    if n is not None and (n > (4 if code == "Q" else 2)):
        return None
    year: int | None = int(m["year"] or m["year2"]) if (m["year"] or m["year2"]) else None
    yrel = m["yrel"] or m["yrel2"]
    if yrel and ctx.ref is not None:
        year = ctx.ref.year + {"last": -1, "next": 1, "this": 0}[yrel.lower()]
    if n is None and rel in ("last", "final") and m["year"]:
        n = 4 if code == "Q" else 2  # "the last half of 1989": the year's last one, not the previous
    if year is not None and n is None and code == "Q":
        if yrel == "this":
            return _quarter_context(Ctx(ref=ctx.ref, tense=ctx.tense), 0)
        return ("DATE", f"{year:04d}-Q{ctx.quarter[-1]}") if ctx.quarter else ("DATE", f"{year:04d}-Q{quarter_of(add_months(ctx.ref, -3))}" if ctx.ref else f"{year:04d}")
    if rel in ("year-earlier", "year-ago", "year earlier", "year ago"):
        if n is None:
            return _quarter_context(ctx, -1) if code == "Q" else None
        base = int(ctx.last[:4]) if ctx.last and ctx.last[:4].isdigit() else (ctx.ref.year if ctx.ref else None)
        return ("DATE", f"{base - 1:04d}-{code}{n}") if base else ("DATE", None)
    if n is None:
        if code == "H":
            return None
        if rel in ("latest", "most recent", "recent"):
            return _quarter_context(Ctx(ref=ctx.ref, tense=ctx.tense), 0)
        if rel in ("", "same", "the", "this"):
            # "this quarter's loss" in a report: the quarter reported on, not the calendar's
            return _quarter_context(ctx, 0)
        if rel == "current" and ctx.ref is not None:
            return ("DATE", f"{ctx.ref.year:04d}-Q{quarter_of(ctx.ref)}")
        if ctx.ref is None:
            return ("DATE", None)
        shift = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}.get(rel)
        if shift is None:
            return None
        d = add_months(ctx.ref, 3 * shift)
        return ("DATE", f"{d.year:04d}-Q{quarter_of(d)}")
    if year is None:
        if ctx.ref is None:
            return ("DATE", None)
        # the most recent such quarter that has begun: reports talk of quarters past
        first_month = (n - 1) * (3 if code == "Q" else 6) + 1
        start = date(ctx.ref.year, first_month, 1)
        year = ctx.ref.year if start <= ctx.ref else ctx.ref.year - 1
        if rel in ("next", "coming"):
            year += 1
        elif rel in ("last", "past", "previous") and start <= ctx.ref:
            year -= 1 if quarter_of(ctx.ref) == n else 0
    return ("DATE", f"{year:04d}-{code}{n}")


def _year_ago_adj(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    """'year-earlier', 'year-ago' used alone: the last mentioned period a year before."""
    if ctx.quarter:
        return ("DATE", f"{int(ctx.quarter[:4]) - 1:04d}{ctx.quarter[4:]}")
    last = ctx.last
    if last and re.fullmatch(r"\d{4}(-\d{2})?", last):
        return ("DATE", f"{int(last[:4]) - 1:04d}{last[4:]}")
    if ctx.ref is None:
        return ("DATE", None)
    return ("DATE", f"{ctx.ref.year - 1:04d}")


def _reference(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    value = lex.references.get(re.sub(r"\s+", " ", m[0].lower()))
    if value and value.startswith("P") and value != "PAST_REF" and value != "PRESENT_REF":
        return ("DURATION", value)  # "recent years": PXY
    return ("DATE", value) if value else None


def _set(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    word = m[0].lower()
    adverbs = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
               "nightly": "P1D", "hourly": "PT1H", "quarterly": "P3M"}
    if word in adverbs:
        return ("SET", adverbs[word])
    if m["wd"]:
        wd = lex.weekdays.get(m["wd"].lower())
        return ("SET", f"XXXX-WXX-{wd}") if wd else None
    if m["smonth"]:
        month = _month_of(m["smonth"], lex)
        return ("SET", f"XXXX-{month:02d}") if month else None  # "each July"
    unit = _unit(m["unit"], lex)
    return ("SET", _duration(1, unit)) if unit else None


def _holiday(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    spec = lex.holidays.get(re.sub(r"\s+", " ", m["name"].lower()))
    if spec is None:
        return None
    month = int(spec[:2])

    def on(year: int) -> date | None:
        rest = spec[3:]
        if "N" not in rest:
            return _valid(year, month, int(rest))
        wd, nth = rest.split("N")
        first = date(year, month, 1)
        days = [first + timedelta(days=i) for i in range(31) if (first + timedelta(days=i)).month == month]
        hits = [d for d in days if d.isoweekday() == int(wd)]
        return hits[-1] if nth == "L" else hits[int(nth) - 1]

    if m["year"]:
        d = on(int(m["year"]))
        return ("DATE", d.isoformat()) if d else None
    if ctx.ref is None:
        return ("DATE", None)
    cands = [d for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1) if (d := on(y))]
    picked = _pick(cands, ctx.ref, ctx.tense)
    return ("DATE", picked.isoformat()) if picked else None


def _unit_before(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    """'the week before', 'the day after': one unit from the last day the text named, else
    from the reference."""
    unit = _unit(m["unit"], lex)
    if unit is None:
        return None
    base = ctx.ref
    if ctx.last and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.last):
        base = date.fromisoformat(ctx.last)
    if base is None:
        return ("DATE", None)
    sign = -1 if m["dir"].lower() in ("before", "earlier") else 1
    return ("DATE", _at(_shift(base, sign, unit), unit))


def _the_year(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    """'the year', 'year-end', 'the end of the year': the reference year; 'the year ended X' is a
    twelve-month duration."""
    if m["ended"]:
        return ("DURATION", "P1Y")
    if ctx.ref is None:
        return ("DATE", None)
    return ("DATE", f"{ctx.ref.year:04d}")


def _weekend(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    if ctx.ref is None:
        return ("DATE", None)
    d = _weekday(ctx.ref, 6, "future" if ctx.tense == "future" else "past", "")
    return ("DATE", week_value(d) + "-WE")


_TENS = {"ten": 1, "twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def _spoken_year(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    """'nineteen ninety-one' (broadcast transcripts) -> 1991; 'the nineties' -> 199."""
    century = {"nineteen": 19, "eighteen": 18, "twenty": 20}.get((m["century"] or "").lower())
    tens = _TENS.get(m["tens"].lower(), 0)
    if m["decade"]:
        base = century if century else (19 if ctx.ref is None or ctx.ref.year < 2000 or tens > 2 else 20)
        return ("DATE", f"{base:02d}{tens}")
    ones = _ONES.get((m["ones"] or "").lower(), 0)
    if not century:
        return None
    year = f"{century:02d}{tens}{ones}"
    groups = m.groupdict()
    if groups.get("smonth") and (month := _month_of(groups["smonth"], lex)):
        return ("DATE", f"{year}-{month:02d}")  # "January nineteen ninety-seven"
    if groups.get("sseason") and (code := lex.seasons.get(groups["sseason"].lower())):
        return ("DATE", f"{year}-{code}")  # "the winter of nineteen ninety-four"
    return ("DATE", year)


def _spoken_year_decade(m: re.Match[str], ctx: Ctx) -> Value | None:
    tens = _TENS.get(m["tens"].lower()[:-3] + "y" if m["tens"].lower().endswith("ies") else m["tens"].lower(), 0)
    base = 19 if ctx.ref is None or ctx.ref.year < 2000 or tens > 2 else 20
    return ("DATE", f"{base:02d}{tens}") if tens else None


def _that_unit(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    """'that year', 'that quarter': the period of that size holding the last date the text named;
    nothing when the text named none fine enough."""
    unit = m["unit"].lower()
    if unit == "quarter":
        return ("DATE", ctx.quarter) if ctx.quarter else None
    last = ctx.last
    if not last or not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", last):
        return None
    size = {"year": 4, "month": 7, "day": 10}[unit]
    return ("DATE", last[:size]) if len(last) >= size else None


def _era(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    # eras carry a window (set by the finder from the eras table), not a TIMEX3 value
    return ("DATE", None)


# ---- the table ------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The compiled rule table (constant; cached)."""
    lex = lexicon_module.load()
    full_months = [m for m in lex.months if len(m) > 4 or m in ("may", "june", "july")]
    abbr_months = [m for m in lex.months if m not in full_months]
    month = rf"(?P<month>{_alt(full_months)}|{_alt(abbr_months)}\.?)"
    month_full = rf"(?P<month>{_alt(full_months)}|{_alt(abbr_months)}\.)"
    full_wd = [w for w in lex.weekdays if len(w) > 4]
    wd = rf"(?P<wd>{_alt(full_wd)})"
    wd_prefix = rf"(?:(?P<wdp>{_alt(full_wd)}),?\s+)?"
    nums = [k for k in lex.numbers]
    num = rf"(?P<num>\d+(?:,\d{{3}})*|{_alt(nums)}(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
    units = [u for u in lex.units]
    unit_pl = rf"(?P<unit>{_alt(units)}(?:s|es)?|centuries|millennia)"
    ords = rf"(?:{_alt(lex.ordinals)}|1st|2nd|3rd|4th)"
    seasons = _alt(lex.seasons)
    parts = _alt(["morning", "afternoon", "evening", "night"])
    refs = _alt(lex.references)
    holidays = _alt(lex.holidays)
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
    eras = _alt([a for row in lex.eras for g in row.groups for a in g])
    flags = re.IGNORECASE


    digits = frozenset("0123456789")
    month_words = frozenset(lex.months)
    wd_words = frozenset(lex.weekdays)
    unit_words = frozenset(w for u in lex.units for w in (u, u + "s", u + "es")) | {"centuries", "millennia"}

    def longest_words(phrases: object) -> frozenset[str]:
        # every match of a listed phrase holds the phrase's longest word
        return frozenset(max(re.findall(r"[a-z]+|[0-9]+", str(p).lower()), key=len) for p in phrases)  # type: ignore[attr-defined]

    triggers = {
        "iso_date": digits, "slash_date": digits, "month_day_year": month_words, "day_month_year": month_words,
        "time": digits | {"noon", "midnight"}, "time_wd_first": wd_words, "month_day": month_words,
        "day_month": month_words, "month_year": month_words, "month": month_words, "weekday": wd_words,
        "deictic": frozenset({"today", "yesterday", "tomorrow", "tonight"}),
        "part_of_day": frozenset({"morning", "afternoon", "evening", "night"}),
        "relative_unit": frozenset({"week", "weekend", "month", "year", "decade", "century"}),
        "season": frozenset(lex.seasons), "ago": frozenset({"ago", "earlier", "later", "before", "after", "now", "hence"}),
        "duration": unit_words, "vague_duration": unit_words, "plural_unit": unit_words,
        "quarter": frozenset({"quarter", "half", "period"}), "year_ago_adj": frozenset({"year"}),
        "century": frozenset({"century"}), "decade": digits, "year": digits, "holiday": longest_words(lex.holidays),
        "set": frozenset({"daily", "weekly", "monthly", "yearly", "annually", "nightly", "hourly", "quarterly", "every", "each"}),
        "reference": longest_words(lex.references),
        "era": longest_words(a for row in lex.eras for g in row.groups for a in g),
        "the_year": frozenset({"year", "years"}), "unit_before": frozenset({"before", "after", "earlier", "later"}),
        "weekend": frozenset({"weekend"}), "that_unit": frozenset({"that"}),
        "spoken_year": frozenset({"nineteen", "eighteen", "twenty"}),
        "spoken_decade": frozenset({"twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"}),
        "year_two_thousand": frozenset({"thousand"}),
    }

    def rx(pattern: str) -> re.Pattern[str]:
        return re.compile(r"(?<![\w$£€])" + pattern + r"(?![\w])", flags)

    table = (
        Rule("iso_date", rx(r"(?P<year>\d{4})-(?P<mon>[01]\d)-(?P<day>[0-3]\d)(?P<month>)"), _full_date, relative=False),
        Rule("slash_date", rx(r"(?P<mon>[01]?\d)/(?P<day>[0-3]?\d)/(?P<year>\d{4}|\d{2})(?P<month>)"), _full_date, relative=False),
        Rule("month_day_year", rx(wd_prefix + month + r"\s+" + day + r",?\s+(?P<year>\d{4})"), _full_date, relative=False),
        Rule("day_month_year", rx(wd_prefix + r"(?:the\s+)?" + day + r"\s+(?:of\s+)?" + month + r",?\s+(?P<year>\d{4})"), _full_date, relative=False),
        Rule("time", rx(
            r"(?:(?P<noon>noon|midnight)|(?P<h>[012]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm|a\.m|p\.m))"
            r"(?:\s+(?:[A-Z]{2,4}T|GMT|UTC|local\s+time))?"
            rf"(?:,?\s+(?:on\s+)?(?:(?P<wd>{_alt(full_wd)})|(?P<deictic>today|yesterday|tomorrow|tonight)|{month}\s+{day}))?"
        ), _time_expr),
        Rule("time_wd_first", rx(
            rf"(?P<wd>{_alt(full_wd)})(?:\s+at)?\s+(?:(?P<noon>noon|midnight)|(?P<h>[012]?\d)(?::(?P<min>[0-5]\d))?\s*(?P<ampm>a\.m\.|p\.m\.|am|pm))(?P<deictic>)(?P<month>)(?P<day>)"
        ), _time_expr),
        Rule("month_day", rx(wd_prefix + r"(?:(?:early|late|mid)[\s-]+)?" + month + r"\s+" + day + r"(?!\s*,?\s*\d)(?![.,]\d)"), _month_day),
        Rule("day_month", rx(wd_prefix + r"(?:the\s+)?" + day + r"\s+(?:of\s+)?" + month_full.replace("(?P<month>", "(?P<month>") + r"(?!\s*,?\s*\d)"), _month_day),
        Rule("month_year", rx(r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?" + month_full + r",?\s+(?:of\s+)?(?:(?P<year>\d{4})|(?P<rel>last|next|this)\s+year)"), _month_year, relative=True),
        Rule("month", rx(r"(?:(?:early|late|mid|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+middle\s+of)[\s-]+)?(?:(?P<rel>last|next|this|coming)\s+)?" + month_full), _month_alone),
        Rule("weekday", rx(r"(?:(?P<rel>last|next|this|coming|past|previous)\s+)?" + wd + r"(?P<plural>s)?(?:\s+(?P<part>" + parts + r"))?"), _weekday_expr),
        Rule("deictic", rx(r"(?:(?:early|late|earlier|later)\s+)?(?P<before>the\s+day\s+(?:before|after)\s+)?(?P<word>today|yesterday|tomorrow|tonight)(?:\s+(?P<part>" + parts + r"))?"), _deictic),
        Rule("part_of_day", rx(r"(?P<rel>this|last)\s+(?P<part>" + parts + r")"), _part_of_today),
        Rule("relative_unit", rx(
            r"(?:(?:early|earlier|late|later|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|the\s+rest\s+of)\s+(?:in\s+)?)?"
            r"(?P<rel>this\s+past|this\s+coming|the\s+past|the\s+previous|the\s+last|the\s+coming|the\s+next|the\s+following|the\s+current|the\s+latest|last|next|this|past|previous|coming|current|following)"
            r"\s+(?:fiscal\s+|calendar\s+)?(?P<unit>week|weekend|month|year|decade|century)"
        ), _relative_unit),
        Rule("season", rx(r"(?:(?:the\s+)?(?:early|late|mid)[\s-]+)?(?:(?P<rel>this\s+past|last|next|this|past|coming)\s+)?(?P<season>" + seasons + r")(?:\s+(?:of\s+)?(?P<year>\d{4}))?"), _season),
        Rule("ago", rx(
            r"(?:(?:about|nearly|almost|some|just|only|more\s+than|less\s+than|over|at\s+least|roughly|around)\s+)?"
            + num + r"(?:[\s-]+and\s+a\s+half)?\s+" + unit_pl + r"\s+(?P<dir>ago|earlier|later|before|after|from\s+now|hence)"
        ), _ago),
        Rule("duration", rx(
            r"(?:(?:the|a|an)\s+(?:(?:past|last|next|first|final|previous|coming|latest|remaining|following|full)\s+)?)?"
            r"(?:(?:about|nearly|almost|some|just|only|more\s+than|less\s+than|over|at\s+least|roughly|around|another|more)\s+)?"
            # "the 1988 quarter" is a year's quarter, not 1988 of them
            + r"(?!(?:1[5-9]|20)\d\d\s+(?:quarter|year|month|week|day|period|half)(?!\w))"
            + num + r"(?P<half>[\s-]+and\s+a\s+half|\s+1/2|\s*½)?(?:[\s-]+more)?[\s-]+" + unit_pl
            + r"(?P<half_after>\s+and\s+a\s+half)?(?:[\s-]+(?:old|long))?"
        ), _duration_expr),
        Rule("vague_duration", rx(
            r"(?:(?:the\s+)?(?:past|last|next|coming)\s+)?(?:several|a\s+few|few|many|some)\s+(?P<unit>years|months|quarters|weeks|days|decades|hours|minutes|centuries)"
        ), _vague_plural),
        Rule("plural_unit", rx(r"(?:(?<=for\s)|(?<=in\s)|(?<=over\s))(?P<unit>years|months|weeks|decades|centuries)"), _vague_plural),
        Rule("quarter", rx(
            r"(?:the\s+)?(?:(?P<year2>\d{4})(?:'s)?\s+|(?P<yrel2>last|next|this)\s+year's\s+)?"
            r"(?:(?P<rel>year[\s-]earlier|year[\s-]ago|latest|current|final|last|past|previous|next|coming|same|this|most\s+recent|recent)\s+)?"
            r"(?:fiscal\s+)?(?:(?P<ord>" + ords + r")[\s-]+)?(?:fiscal\s+)?(?P<qunit>quarter|half|period)(?![\w-])(?!\s+of\s+(?!\d|[$£€]|fiscal|last|next|this))"
            r"(?:\s+of\s+(?:fiscal\s+)?(?:(?P<year>\d{4})|(?P<yrel>last|next|this)\s+year))?"
        ), _quarter),
        Rule("year_ago_adj", rx(r"year[\s-](?:earlier|ago)(?:\s+(?:period|quarter))?"), _year_ago_adj),
        Rule("century", rx(r"(?:the\s+)?(?P<ord>\d{1,2}(?:st|nd|rd|th)|" + _alt(lex.ordinals) + r")[\s-]+century"), _century, relative=False),
        Rule("decade", rx(r"(?:the\s+)?(?:(?:early|late|mid)[\s-]+)?(?:(?P<full>1[0-9]{2}0|20[0-9]0)'?s|'(?P<short>[0-9]0)s)"), _decade, relative=False),
        Rule("year", rx(r"(?:(?:fiscal|the\s+year|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|early|late|mid)[\s-]+)?(?P<year>1[5-9]\d\d|20\d\d)(?![-/]\d)(?!\s*(?:%|percent|per\s+cent))"), _year, relative=False),
        Rule("holiday", rx(r"(?P<name>" + holidays + r")(?:\s+(?P<year>\d{4}))?"), _holiday),
        Rule("set", rx(r"(?:daily|weekly|monthly|yearly|annually|nightly|hourly|quarterly)|(?:every|each)\s+(?:(?P<wd>" + _alt(full_wd) + r")|(?P<unit>day|week|month|year|night)|" + month_full.replace("(?P<month>", "(?P<smonth>") + r")"), _set),
        Rule("reference", rx(refs), _reference),
        Rule("era", rx(r"(?:the\s+)?" + eras), _era, relative=False),
        Rule("the_year", rx(
            r"(?:the\s+(?:full\s+|fiscal\s+|calendar\s+)?year(?P<ended>\s+(?:ended|ending))?(?!\s+(?:\d|two|nineteen))(?![\s-](?:ago|earlier|old|long))|(?:the\s+end\s+of\s+the\s+year|year[\s-]end|year's\s+end))"
        ), _the_year),
        Rule("unit_before", rx(
            # only standing alone ("the week before, ..."): "the day before the vote" or "the
            # day after he spoke" counts from an event this rule cannot date
            r"the\s+(?P<unit>day|week|month|year)\s+(?P<dir>before|after|earlier|later)(?!\s+\w)"
        ), _unit_before),
        Rule("weekend", rx(r"(?:the|this|last|next)\s+weekend"), _weekend),
        Rule("that_unit", rx(r"that\s+(?P<unit>year|month|day|quarter)"), _that_unit),
        Rule("spoken_year", rx(
            rf"(?:the\s+year\s+|(?P<smonth>{_alt(full_months)})\s+|(?:the\s+)?(?P<sseason>{seasons})\s+of\s+)?"
            r"(?P<century>nineteen|eighteen|twenty)(?:\s+hundred(?:\s+and)?)?\s+(?P<tens>ten|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?P<ones>one|two|three|four|five|six|seven|eight|nine))?(?P<decade>)"
        ), _spoken_year, relative=False),
        Rule("spoken_decade", rx(r"the\s+(?P<century>)(?P<tens>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)(?P<ones>)(?P<decade>)"), lambda m, c, l: _spoken_year_decade(m, c), relative=True),
        Rule("year_two_thousand", rx(r"the\s+year\s+two\s+thousand"), lambda m, c, l: ("DATE", "2000"), relative=False),
    )
    missing = {r.name for r in table} - set(triggers)
    if missing:  # a rule without triggers would never run
        raise KnowledgeError(f"dates rules without triggers: {sorted(missing)}; add them to the triggers table in rules.py")
    return tuple(replace(r, triggers=triggers[r.name]) for r in table)


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


# Chunks are scanned one by one: a line break after closing punctuation, or a blank line, ends
# one (no expression spans a paragraph), and only the rules one of whose triggers the chunk
# holds are run over it. Hard-wrapped lines (no closing punctuation) stay together.
_CHUNK_END = re.compile(r"(?<=[.!?:;\"'”’)\]])[ \t]*\n|\n[ \t]*\n")
_WORDS = re.compile(r"[A-Za-z]+|[0-9]")


@lru_cache(maxsize=32)
def candidates(text: str) -> tuple[Candidate, ...]:
    """Every rule's matches, overlaps resolved: the longest wins, then the earlier rule.

    Cached (a pure function of the text): publication and find both scan the same text."""
    table = rules()
    found: list[tuple[int, int, int, Candidate]] = []
    start = 0
    bounds = [m.end() for m in _CHUNK_END.finditer(text)] + [len(text)]
    for end in bounds:
        if end <= start:
            continue
        words = {w.lower() for w in _WORDS.findall(text, start, end)}
        for order, rule in enumerate(table):
            if rule.triggers.isdisjoint(words):
                continue
            for m in rule.pattern.finditer(text, start, end):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), order, Candidate(m.start(), m.end(), rule, m)))
        start = end
    found.sort(key=lambda t: (t[1], t[0], t[2]))
    taken: list[Candidate] = []
    occupied: list[tuple[int, int]] = []
    for start, _, _, cand in found:
        if any(start < e and cand.end > s for s, e in occupied):
            continue
        taken.append(cand)
        occupied.append((start, cand.end))
    taken.sort(key=lambda c: c.start)
    return tuple(taken)
