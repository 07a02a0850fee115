"""Query parameters shared by the API and the pages, checked at the edge: a bad value is a 400
with a message that says what would be right. Empty values (a blank form field) mean "any"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated

from fastapi import HTTPException, Query

from detente.analytics.browse import EventFilter, valid_partial_date

_COUNTRY = re.compile(r"^[A-Z]{3}$")
_ROOT = re.compile(r"^\d{2}$")
MAX_LIMIT = 500


def _blank(value: str | None) -> str | None:
    value = value.strip() if value is not None else None
    return value or None


def bad_request(message: str) -> HTTPException:
    return HTTPException(status_code=400, detail=message)


def country_code(value: str, name: str = "country") -> str:
    code = value.strip().upper()
    if not _COUNTRY.match(code):
        raise bad_request(f"{name}: {value!r} is not a three-letter country code (e.g. USA, RUS)")
    return code


def optional_country(value: str | None, name: str = "country") -> str | None:
    """A country code, or None for a blank or missing value."""
    value = _blank(value)
    return country_code(value, name) if value is not None else None


def partial_date(value: str | None, name: str) -> str | None:
    value = _blank(value)
    if value is not None and not valid_partial_date(value):
        raise bad_request(f"{name}: {value!r} is not a date; give YYYY, YYYY-MM or YYYY-MM-DD")
    return value


def event_filter(
    country: Annotated[str | None, Query(description="ISO 3166 alpha-3 code of the source or target, e.g. RUS")] = None,
    actor: Annotated[str | None, Query(description="actor id of the source or target, e.g. vladimir-putin")] = None,
    dyad: Annotated[str | None, Query(description="two countries, either direction: USA-RUS")] = None,
    root: Annotated[str | None, Query(description="CAMEO root code, two digits: 04")] = None,
    plover: Annotated[str | None, Query(description="PLOVER event type: CONSULT")] = None,
    context: Annotated[str | None, Query(description="PLOVER context: cbrn")] = None,
    since: Annotated[
        str | None,
        Query(description="events whose date window reaches this date or later: YYYY, YYYY-MM or YYYY-MM-DD"),
    ] = None,
    until: Annotated[str | None, Query(description="events whose date window starts by the end of this date")] = None,
    q: Annotated[str | None, Query(description="words in the evidence sentence (case-insensitive)")] = None,
) -> EventFilter:
    pair: tuple[str, str] | None = None
    dyad = _blank(dyad)
    if dyad is not None:
        parts = re.split(r"[-/,]", dyad)
        if len(parts) != 2:
            raise bad_request(f"dyad: {dyad!r} is not two countries; give them as USA-RUS")
        pair = (country_code(parts[0], "dyad"), country_code(parts[1], "dyad"))
    root = _blank(root)
    if root is not None and not _ROOT.match(root):
        raise bad_request(f"root: {root!r} is not a CAMEO root; give two digits, 01 to 20")
    since, until = partial_date(since, "since"), partial_date(until, "until")
    return EventFilter(
        country=optional_country(country),
        actor=_blank(actor),
        dyad=pair,
        root=root,
        plover=_blank(plover.upper() if plover else None),
        context=_blank(context.lower() if context else None),
        since=since,
        until=until,
        q=_blank(q),
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class Paging:
    limit: int
    offset: int


def paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="items per page")] = 50,
    offset: Annotated[int, Query(ge=0, description="items to skip")] = 0,
) -> Paging:
    return Paging(limit=limit, offset=offset)


def text(value: str | None) -> str | None:
    return _blank(value)
