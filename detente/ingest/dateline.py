"""Wire-service datelines: "MOSCOW (Reuters) - ", "MOSCOW. Oct 28 (Interfax) – ",
"WASHINGTON, March 26 (AP) — ". Found once per article at ingest and carried on ``Article.dateline``
(its type lives with the records): ingest reads the publisher from it, dates the publication day,
places the city the day's events happened in."""

from __future__ import annotations

import re

from detente.records import Dateline

__all__ = ["Dateline", "find_dateline"]

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}

_DATELINE = re.compile(
    r"""^[ \t]*
    (?P<place>[A-Z][A-Z'’.\-]+(?:[ \t]+[A-Z][A-Z'’.\-]+){0,3})        # MOSCOW, NEW YORK, ST. PETERSBURG
    (?:,[ \t]*(?P<region>[A-Z][A-Za-z.]+(?:[ \t][A-Z][A-Za-z.]+)?)(?=[ \t]*[,(.\-–—]))?  # , Calif.
    [ \t]*[.,]?[ \t]*
    (?:(?P<month>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ \t]+(?P<day>\d{1,2})
       (?:,[ \t]*(?P<year>\d{4}))?[ \t]*)?
    (?:\((?P<agency>[^()\n]{2,40})\)[ \t]*)?
    (?P<dash>[-–—]{1,2})[ \t]*""",
    re.VERBOSE | re.MULTILINE,
)


def find_dateline(text: str, within: int = 600) -> Dateline | None:
    """The first dateline starting a line within the first `within` characters, if any.

    A dateline needs an all-capitals place and either an agency in parentheses, a month-day, or
    a dash directly after the place; a lone capitalised word before a dash is not enough when it
    is a common heading (e.g. "UPDATE -") — callers treat the place as a candidate only.
    """
    for match in _DATELINE.finditer(text[:within]):
        place = match.group("place").rstrip(".")
        if len(place) < 3 or not any(c.isalpha() for c in place):
            continue
        has_marker = match.group("agency") or match.group("month")
        if not has_marker and len(place.split()) > 2:
            continue
        month = match.group("month")
        return Dateline(
            span=(match.start("place"), match.end()),
            place=place,
            place_span=(match.start("place"), match.start("place") + len(place)),
            month=_MONTHS[month.lower()] if month else None,
            day=int(match.group("day")) if match.group("day") else None,
            year=int(match.group("year")) if match.group("year") else None,
            agency=match.group("agency").strip() if match.group("agency") else None,
        )
    return None
