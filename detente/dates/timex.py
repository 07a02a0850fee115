"""TIMEX3 values and date windows: calendar arithmetic and the window a value denotes."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from detente.records import DateWindow, Precision

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T.*)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})(?:-WE)?$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")


def add_months(d: date, n: int) -> date:
    """d plus n months, the day clamped to the month's length."""
    m = d.month - 1 + n
    y, m = d.year + m // 12, m % 12 + 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def add_years(d: date, n: int) -> date:
    """d plus n years; 29 February becomes 28 February in a common year."""
    y = d.year + n
    return date(y, d.month, min(d.day, calendar.monthrange(y, d.month)[1]))


def week_value(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def quarter_of(d: date) -> int:
    return (d.month - 1) // 3 + 1


def _span(a: date, b: date, precision: Precision, value: str) -> DateWindow:
    return DateWindow(earliest=a, latest=b, precision=precision, timex=value)


def _month_end(y: int, m: int) -> date:
    return date(y, m, calendar.monthrange(y, m)[1])


def window_of(value: str | None) -> DateWindow:
    """The days a TIMEX3 value covers; unknown for references, durations and sets.

    Out-of-range calendar values (a 31 June from a typo) give an unknown window, never an error.
    """
    if not value:
        return DateWindow.unknown()
    try:
        if m := _DAY.match(value):
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return _span(d, d, "day", value)
        if m := _WEEK.match(value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if value.endswith("-WE"):
                return _span(monday + timedelta(days=5), monday + timedelta(days=6), "week", value)
            return _span(monday, monday + timedelta(days=6), "week", value)
        if m := _MONTH.match(value):
            y, mo = int(m[1]), int(m[2])
            return _span(date(y, mo, 1), _month_end(y, mo), "month", value)
        if m := _QUARTER.match(value):
            y, q = int(m[1]), int(m[2])
            return _span(date(y, 3 * q - 2, 1), _month_end(y, 3 * q), "quarter", value)
        if m := _HALF.match(value):
            y, h = int(m[1]), int(m[2])
            return _span(date(y, 6 * h - 5, 1), _month_end(y, 6 * h), "quarter", value)
        if m := _SEASON.match(value):
            y = int(m[1])
            first, last = _SEASON_MONTHS[m[2]]
            end_year = y + 1 if last < first else y
            return _span(date(y, first, 1), _month_end(end_year, last), "season", value)
        if m := _YEAR.match(value):
            y = int(m[1])
            return _span(date(y, 1, 1), date(y, 12, 31), "year", value)
        if m := _DECADE.match(value):
            y = int(m[1]) * 10
            return _span(date(max(y, 1), 1, 1), date(y + 9, 12, 31), "decade", value)
        if m := _CENTURY.match(value):
            y = int(m[1]) * 100
            return _span(date(max(y, 1), 1, 1), date(y + 99, 12, 31), "century", value)
    except ValueError:
        return DateWindow.unknown()
    return DateWindow.unknown()


def union(a: DateWindow, b: DateWindow, timex: str | None) -> DateWindow:
    """The smallest window holding both (both known)."""
    if a.earliest is None or b.earliest is None or a.latest is None or b.latest is None:
        return DateWindow.unknown()
    lo, hi = min(a.earliest, b.earliest), max(a.latest, b.latest)
    precision: Precision = (
        a.precision
        if a.precision == b.precision and lo == a.earliest and hi == a.latest
        else _coarser(lo, hi, a.precision)
    )
    return DateWindow(earliest=lo, latest=hi, precision=precision, timex=timex)


def _coarser(lo: date, hi: date, base: Precision) -> Precision:
    days = (hi - lo).days + 1
    for limit, precision in ((1, "day"), (7, "week"), (31, "month"), (92, "quarter"), (366, "year"), (3653, "decade")):
        if days <= limit:
            return precision  # type: ignore[return-value]
    return "century"


def intersect(a: DateWindow, b: DateWindow) -> DateWindow | None:
    """The overlap of two known windows, None when they do not overlap."""
    if a.earliest is None or b.earliest is None or a.latest is None or b.latest is None:
        return None
    lo, hi = max(a.earliest, b.earliest), min(a.latest, b.latest)
    if lo > hi:
        return None
    return span(lo, hi)


def span(lo: date, hi: date, timex: str | None = None) -> DateWindow:
    """A window from lo to hi with the precision its width implies."""
    if lo == hi:
        return DateWindow(earliest=lo, latest=hi, precision="day", timex=timex or lo.isoformat())
    return DateWindow(earliest=lo, latest=hi, precision=_coarser(lo, hi, "day"), timex=timex)
