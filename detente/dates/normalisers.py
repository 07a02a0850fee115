"""The normalisers: each turns one rule's match into a TIMEX3 value, given the context (the
reference day, the tense of the governing verb, the last date mentioned). The table that pairs
them with their patterns is ``rules.rules``."""

from __future__ import annotations

import re
from datetime import date, timedelta

from detente.dates.lexicon import Lexicon
from detente.dates.timex import add_months, quarter_of, week_value
from detente.dates.values import (
    Ctx,
    Tense,
    Value,
    duration_value,
    month_number,
    number_value,
    pick,
    shift_date,
    unit_code,
    valid_date,
    value_at,
    weekday_near,
)

# ---- normalisers ----------------------------------------------------------------------------------


def full_date(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    month = month_number(m["month"], lex) if m["month"] else int(m["mon"])
    year = int(m["year"])
    if year < 100:
        year += 1900 if year >= 30 else 2000
    d = valid_date(year, month or 0, int(m["day"]))
    return ("DATE", d.isoformat()) if d else None


def month_day(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    month = month_number(m["month"], lex)
    day = int(m["day"])
    if month is None or not 1 <= day <= 31 or ctx.ref is None:
        return ("DATE", None) if month and 1 <= day <= 31 else None
    cands = [d for y in (ctx.ref.year - 1, ctx.ref.year, ctx.ref.year + 1) if (d := valid_date(y, month, day))]
    if not cands:  # 29 February: look for the nearest leap years
        cands = [d for y in range(ctx.ref.year - 4, ctx.ref.year + 5) if (d := valid_date(y, month, day))]
    wdp = m.groupdict().get("wdp")
    if wdp and (wd := lex.weekdays.get(wdp.lower())):
        # "Saturday, April 25": the year in which that day is a Saturday
        pinned = [d for d in cands if d.isoweekday() == wd]
        if pinned:
            # the weekday settles the year: the nearest such day, whatever the clause's tense
            picked = pick(pinned, ctx.ref, "none")
            return ("DATE", picked.isoformat()) if picked else None
    # A month-day is usually the nearest one ("extended to Nov. 20", "had been set to expire
    # Nov. 6"); only a clause that happened "on" that day must lie on or before the reference.
    on = re.search(r"\b(?:on|ended|since)\s*$", m.string[max(0, m.start() - 8) : m.start()], re.IGNORECASE) is not None
    tense: Tense = ctx.tense if (ctx.tense == "past" and on) else "none"
    if ctx.tense == "future":
        # a future clause's day is not long past; the nearest of the rest (a strict "after the
        # reference" sends a day two weeks back, often a tense slip, a year ahead)
        cands = [d for d in cands if d >= ctx.ref - timedelta(days=31)] or cands
    # a tense that rules out every candidate is a misparse: the nearest day then
    picked = pick(cands, ctx.ref, tense) or pick(cands, ctx.ref, "none")
    return ("DATE", picked.isoformat()) if picked else None


def month_year(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    month = month_number(m["month"], lex)
    if month is None:
        return None
    if m["year"]:
        return ("DATE", f"{int(m['year']):04d}-{month:02d}")
    if ctx.ref is None:
        return ("DATE", None)
    rel = m["rel"].lower()
    y = ctx.ref.year + {"last": -1, "next": 1}.get(rel, 0)
    return ("DATE", f"{y:04d}-{month:02d}")


def month_alone(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    month = month_number(m["month"], lex)
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
        since = re.search(r"\bsince\s+$", m.string[max(0, m.start() - 8) : m.start()], re.IGNORECASE)
        # "on patrol since March": a month things have gone on since is behind, whatever the verb
        picked = pick(firsts, this_month, "past" if since else ctx.tense)
        nearest = pick(firsts, this_month, "none")
        if (
            not since
            and picked is not None
            and nearest is not None
            and nearest > this_month
            and (this_month - picked).days > 240
            and (nearest - this_month).days <= 62
        ):
            # a past clause naming next month ("bids are due in mid-November") is a plan told
            # in the past, far likelier than the same month eleven months back
            picked = nearest
        if picked is None:
            return ("DATE", None)
        y = picked.year
    return ("DATE", f"{y:04d}-{month:02d}")


def weekday_expr(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    wd = lex.weekdays.get(m["wd"].lower())
    if wd is None:
        return None
    if m["plural"]:
        return ("SET", f"XXXX-WXX-{wd}")
    if ctx.ref is None:
        return ("DATE", None)
    tense = ctx.tense
    arranged = not m["rel"] and re.search(r"\bfor\s+$", m.string[max(0, m.start() - 5) : m.start()], re.IGNORECASE)
    if arranged:
        # "a meeting (scheduled) for Wednesday": the day of something arranged, ahead of the
        # telling, unless told in the past ("the service planned for Saturday was cancelled"):
        # then the nearer of the two
        if tense == "past":
            back, ahead = weekday_near(ctx.ref, wd, "past", ""), weekday_near(ctx.ref, wd, "future", "")
            tense = "future" if (ahead - ctx.ref) < (ctx.ref - back) else "past"
        else:
            tense = "future"
    if m.string.startswith("'s", m.end()) or m.string.startswith("’s", m.end()):
        # "Friday's session", "Thursday's closing price": reported results, whatever the
        # clause (often misread as future); but "ahead of Sunday's vote" looks forward
        before = re.search(
            r"\b(?:ahead\s+of|upcoming)\s+$", m.string[max(0, m.start() - 12) : m.start()], re.IGNORECASE
        )
        tense = "future" if before or tense == "future" else "past"
    rel = (m["rel"] or "").lower()
    base = ctx.ref
    if rel == "previous" and ctx.last and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.last):
        base = date.fromisoformat(ctx.last)  # "down from the previous Friday": before the day just named
    d = weekday_near(base, wd, tense, rel)
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


def time_expr(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    clock = _clock(m)
    if clock is None:
        return None
    day: date | None = ctx.ref
    if m["wd"]:
        wd = lex.weekdays.get(m["wd"].lower())
        day = weekday_near(ctx.ref, wd, ctx.tense, "") if ctx.ref and wd else None
    elif m["deictic"]:
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0}[m["deictic"].lower()]
        day = ctx.ref + timedelta(days=shift) if ctx.ref else None
    elif m["month"]:
        value = month_day(m, ctx, lex)
        day = date.fromisoformat(value[1]) if value and value[1] else None
    if day is None:
        return ("TIME", None)
    return ("TIME", f"{day.isoformat()}T{clock}")


def deictic(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
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


def part_of_today(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    if ctx.ref is None:
        return ("TIME", None)
    d = ctx.ref - timedelta(days=1) if m["rel"].lower() == "last" else ctx.ref
    return ("TIME", d.isoformat() + "T" + lex.parts_of_day[m["part"].lower()])


_REL_SHIFT = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "the past": -1,
    "the previous": -1,
    "the last": -1,
    "this past": -1,
    "next": 1,
    "coming": 1,
    "the next": 1,
    "the coming": 1,
    "following": 1,
    "the following": 1,
    "this": 0,
    "the current": 0,
    "current": 0,
    "the latest": 0,
    "this coming": 1,
}


def relative_unit(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    unit = unit_code(m["unit"], lex)
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if unit is None or rel not in _REL_SHIFT:
        return None
    base = ctx.ref
    if rel in ("the following", "the previous", "the next") and ctx.last:
        base = _anchor_of(ctx.last) or ctx.ref  # "the following month" counts from the last date mentioned
    if base is None:
        return ("DATE", None)
    if unit == "Q" and rel in ("the latest", "the current", "current"):
        return _quarter_context(ctx, 0)
    shift = _REL_SHIFT[rel]
    if unit == "WE":
        d = weekday_near(base, 6, "future" if shift > 0 else "past", "")
        return ("DATE", week_value(d) + "-WE")
    return ("DATE", value_at(shift_date(base, shift, unit), unit))


def season(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
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


def ago(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    n = number_value(m["num"], lex)
    unit = unit_code(m["unit"], lex)
    if unit is None or n is None:
        return None
    direction = re.sub(r"\s+", " ", m["dir"].lower())
    if direction in ("before", "after", "later"):
        # "a day after X": X is not resolved here; the clause lies within n units of the
        # reference. "Three days later" is annotated the same way: the amount of time that passed
        return ("DURATION", duration_value(n, unit))
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
    return (
        "DATE",
        value_at(
            shift_date(base, sign * int(n), unit), unit if direction == "ago" or unit != "Y" else _granularity(ctx.last)
        ),
    )


def _granularity(value: str | None) -> str:
    if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "D"
    if value and re.fullmatch(r"\d{4}-\d{2}", value):
        return "M"
    return "Y"


def duration_expr(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    unit = unit_code(m["unit"], lex)
    if unit is None:
        return None
    n: float | str | None = number_value(m["num"], lex) if m["num"] else "X"
    if n is None:
        return None
    if unit in ("Q", "S") and (
        m["num"].lower() in ("a", "an") or "-" in m[0] or m.string[m.end() : m.end() + 4] == " of "
    ):
        return None  # "a quarter of", "three-quarters", "a second group": fractions and ordinals
    if re.search(r"[\s-](?:old)$", m[0], re.IGNORECASE):
        return None  # ages ("52 years old") are not times in news
    if m.string[m.end() : m.end() + 3] in ("'s ",) or (
        re.match(r"\s+(?:of|in|for)\b", m.string[m.end() : m.end() + 5])
        and m["num"].lower() in ("a", "an")
        and unit in ("D", "W", "M", "Y")
        and re.search(r"[\d%]\s*$", m.string[max(0, m.start() - 3) : m.start()])
    ):
        return None
    if (m["half"] or m["half_after"]) and isinstance(n, (int, float)):
        n = float(n) + 0.5
    return ("DURATION", duration_value(n, unit))


def vague_plural(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    unit = unit_code(m["unit"], lex)
    return ("DURATION", duration_value("X", unit)) if unit else None


def year(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    return ("DATE", f"{int(m['year']):04d}")


def decade(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    if m["full"]:
        return ("DATE", m["full"][:3])
    two = int(m["short"])
    if ctx.ref is None:
        century = 19 if two >= 30 else 20
    else:
        century = ctx.ref.year // 100 if two * 1 <= ctx.ref.year % 100 else ctx.ref.year // 100 - 1
    return ("DATE", f"{century:02d}{two // 10}")


def century(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
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


def quarter(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    unit = m["qunit"].lower()
    if not (m[0].lower().startswith("the") or m["rel"] or m["ord"] or m["year"] or m["year2"] or m["yrel2"]):
        return None  # a bare "quarter" is a fraction or a coin
    if unit == "period":
        # "the latest period" in a quarterly report is the latest quarter; other periods are vague
        if (m["rel"] or "").lower() not in (
            "latest",
            "year-earlier",
            "year-ago",
            "year earlier",
            "year ago",
            "most recent",
        ):
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
        return (
            ("DATE", f"{year:04d}-Q{ctx.quarter[-1]}")
            if ctx.quarter
            else ("DATE", f"{year:04d}-Q{quarter_of(add_months(ctx.ref, -3))}" if ctx.ref else f"{year:04d}")
        )
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


def year_ago_adj(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    """'year-earlier', 'year-ago' used alone: the last mentioned period a year before."""
    if ctx.quarter:
        return ("DATE", f"{int(ctx.quarter[:4]) - 1:04d}{ctx.quarter[4:]}")
    last = ctx.last
    if last and re.fullmatch(r"\d{4}(-\d{2})?", last):
        return ("DATE", f"{int(last[:4]) - 1:04d}{last[4:]}")
    if ctx.ref is None:
        return ("DATE", None)
    return ("DATE", f"{ctx.ref.year - 1:04d}")


def reference(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    value = lex.references.get(re.sub(r"\s+", " ", m[0].lower()))
    if value and value.startswith("P") and value != "PAST_REF" and value != "PRESENT_REF":
        return ("DURATION", value)  # "recent years": PXY
    return ("DATE", value) if value else None


def set_expression(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    word = m[0].lower()
    adverbs = {
        "daily": "P1D",
        "weekly": "P1W",
        "monthly": "P1M",
        "yearly": "P1Y",
        "annually": "P1Y",
        "nightly": "P1D",
        "hourly": "PT1H",
        "quarterly": "P3M",
    }
    if word in adverbs:
        return ("SET", adverbs[word])
    if m["wd"]:
        wd = lex.weekdays.get(m["wd"].lower())
        return ("SET", f"XXXX-WXX-{wd}") if wd else None
    if m["smonth"]:
        month = month_number(m["smonth"], lex)
        return ("SET", f"XXXX-{month:02d}") if month else None  # "each July"
    unit = unit_code(m["unit"], lex)
    return ("SET", duration_value(1, unit)) if unit else None


def holiday(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    spec = lex.holidays.get(re.sub(r"\s+", " ", m["name"].lower()))
    if spec is None:
        return None
    month = int(spec[:2])

    def on(year: int) -> date | None:
        rest = spec[3:]
        if "N" not in rest:
            return valid_date(year, month, int(rest))
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
    picked = pick(cands, ctx.ref, ctx.tense)
    return ("DATE", picked.isoformat()) if picked else None


def unit_before(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    """'the week before', 'the day after': one unit from the last day the text named, else
    from the reference."""
    unit = unit_code(m["unit"], lex)
    if unit is None:
        return None
    base = ctx.ref
    if ctx.last and re.fullmatch(r"\d{4}-\d{2}-\d{2}", ctx.last):
        base = date.fromisoformat(ctx.last)
    if base is None:
        return ("DATE", None)
    sign = -1 if m["dir"].lower() in ("before", "earlier") else 1
    return ("DATE", value_at(shift_date(base, sign, unit), unit))


def the_year(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    """'the year', 'year-end', 'the end of the year': the reference year; 'the year ended X' is a
    twelve-month duration."""
    if m["ended"]:
        return ("DURATION", "P1Y")
    if ctx.ref is None:
        return ("DATE", None)
    return ("DATE", f"{ctx.ref.year:04d}")


def weekend(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    if ctx.ref is None:
        return ("DATE", None)
    d = weekday_near(ctx.ref, 6, "future" if ctx.tense == "future" else "past", "")
    return ("DATE", week_value(d) + "-WE")


_TENS = {"ten": 1, "twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}
_ONES = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}


def spoken_year(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
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
    if groups.get("smonth") and (month := month_number(groups["smonth"], lex)):
        return ("DATE", f"{year}-{month:02d}")  # "January nineteen ninety-seven"
    if groups.get("sseason") and (code := lex.seasons.get(groups["sseason"].lower())):
        return ("DATE", f"{year}-{code}")  # "the winter of nineteen ninety-four"
    return ("DATE", year)


def spoken_year_decade(m: re.Match[str], ctx: Ctx) -> Value | None:
    tens = _TENS.get(m["tens"].lower()[:-3] + "y" if m["tens"].lower().endswith("ies") else m["tens"].lower(), 0)
    base = 19 if ctx.ref is None or ctx.ref.year < 2000 or tens > 2 else 20
    return ("DATE", f"{base:02d}{tens}") if tens else None


def that_unit(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
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


def era(m: re.Match[str], ctx: Ctx, lex: Lexicon) -> Value | None:
    # eras carry a window (set by the finder from the eras table), not a TIMEX3 value
    return ("DATE", None)
