"""The JSON API under /api/: each endpoint parses its parameters and calls one data function."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel

from detente.analytics import browse as data
from detente.analytics import queries
from detente.web.app import connection
from detente.web.params import (
    Paging,
    bad_request,
    country_code,
    event_filter,
    optional_country,
    paging,
    partial_date,
    text,
)


class ErrorDetail(BaseModel):
    status: int
    message: str


class Error(BaseModel):
    """Every error the API answers: `{"error": {"status": 400, "message": "..."}}`."""

    error: ErrorDetail


router = APIRouter(
    prefix="/api",
    tags=["api"],
    responses={
        400: {"model": Error, "description": "a parameter is wrong; the message says how"},
        404: {"model": Error, "description": "no such record"},
    },
)
Db = Annotated[Any, Depends(connection)]
Filter = Annotated[data.EventFilter, Depends(event_filter)]
Pages = Annotated[Paging, Depends(paging)]
Text = Annotated[str | None, Query(description="words to look for (case-insensitive)")]


@router.get("/summary", summary="Counts, the busiest dyads and the latest events")
def summary(db: Db) -> dict[str, Any]:
    return data.summary(db)


@router.get("/facets", summary="The values the event filters can take")
def facets(db: Db) -> dict[str, Any]:
    return data.facets(db)


@router.get("/articles", summary="Articles, latest first")
def articles(
    db: Db, pages: Pages, q: Text = None, source: Annotated[str | None, Query(description="outlet")] = None
) -> dict[str, Any]:
    return data.articles(db, q=text(q), source=text(source), limit=pages.limit, offset=pages.offset).to_dict()


@router.get("/articles/{doc_id:path}", summary="One article with its mentions, events and quotes")
def article(db: Db, doc_id: Annotated[str, Path(description="the document id; may contain /")]) -> dict[str, Any]:
    found = data.article(db, doc_id)
    if found is None:
        raise HTTPException(404, f"no article with id {doc_id!r}; list them at /api/articles")
    return found


@router.get("/events", summary="Event reports (one per sentence), filtered and paged, in storage order")
def events(db: Db, f: Filter, pages: Pages) -> dict[str, Any]:
    return data.event_list(db, f, limit=pages.limit, offset=pages.offset)


@router.get("/events/folded", summary="Events counted once, with their reports")
def folded(db: Db, f: Filter, pages: Pages) -> dict[str, Any]:
    return data.folded_events(db, f, limit=pages.limit, offset=pages.offset).to_dict()


@router.get("/quotes", summary="Quotes, filtered by speaker and words")
def quotes(
    db: Db,
    pages: Pages,
    q: Text = None,
    speaker: Annotated[str | None, Query(description="the speaker's actor id")] = None,
    doc_id: Annotated[str | None, Query(description="only this article's quotes")] = None,
) -> dict[str, Any]:
    return data.quotes(
        db, speaker=text(speaker), q=text(q), doc_id=text(doc_id), limit=pages.limit, offset=pages.offset
    ).to_dict()


@router.get("/speakers", summary="Who is quoted most")
def speakers(db: Db, limit: Annotated[int, Query(ge=1, le=500)] = 30) -> dict[str, Any]:
    return {"rows": data.speakers(db, limit=limit)}


@router.get("/actors", summary="Actors in each role they held: first and last event, events as source and target")
def actors(
    db: Db,
    pages: Pages,
    q: Annotated[str | None, Query(description="words in the actor's name")] = None,
    country: Annotated[str | None, Query(description="ISO alpha-3 code")] = None,
) -> dict[str, Any]:
    code = optional_country(country)
    return queries.actors(db, name=text(q), country=code, limit=pages.limit, offset=pages.offset).to_dict()


@router.get("/actors/{actor_id}", summary="One actor: roles over time, events as source and target, quotes")
def actor(db: Db, actor_id: str) -> dict[str, Any]:
    found = data.actor(db, actor_id)
    if found is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}; list them at /api/actors")
    return found


@router.get("/dyads", summary="The busiest pairs of countries, with events per year")
def dyads(db: Db, limit: Annotated[int, Query(ge=1, le=100)] = 10) -> dict[str, Any]:
    return {"rows": data.busiest_dyads(db, limit=limit)}


@router.get("/dyads/{a}/{b}", summary="A dyad's cooperation–conflict series by period")
def dyad(
    db: Db,
    a: str,
    b: str,
    by: Annotated[Literal["month", "quarter", "year"], Query(description="period")] = "year",
    context: Annotated[str | None, Query(description="PLOVER context, e.g. cbrn")] = None,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    directed: Annotated[bool, Query(description="only events from a to b")] = False,
) -> dict[str, Any]:
    return series(db, a, b, by, context, since, until, directed)


def series(
    db: Any,
    a: str,
    b: str,
    by: Literal["month", "quarter", "year"],
    context: str | None,
    since: str | None,
    until: str | None,
    directed: bool,
) -> dict[str, Any]:
    """The dyad series, parameters checked (shared with the dyad page)."""
    first, second = country_code(a, "a"), country_code(b, "b")
    if first == second:
        raise bad_request(f"a dyad needs two different countries, not {first} twice")
    since, until = partial_date(since, "since"), partial_date(until, "until")
    return data.dyad_series(
        db, first, second, by=by, context=text(context), since=since, until=until, directed=directed
    )


@router.get("/network", summary="Who met whom: meetings and cooperation between people, as nodes and edges")
def network(
    db: Db,
    since: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    until: Annotated[str | None, Query(description="YYYY, YYYY-MM or YYYY-MM-DD")] = None,
    country: Annotated[str | None, Query(description="one side's country")] = None,
) -> dict[str, Any]:
    code = optional_country(country)
    since, until = partial_date(since, "since"), partial_date(until, "until")
    return queries.who_met_whom(
        db,
        country=code,
        since=date.fromisoformat(data.first_day(since)) if since else None,
        until=date.fromisoformat(data.last_day(until)) if until else None,
    ).to_dict()


@router.get("/search", summary="Words across articles, event evidence, quotes and actors")
def search(
    db: Db,
    q: Annotated[str, Query(min_length=1, description="words to look for")],
    limit: Annotated[int, Query(ge=1, le=100)] = 10,
) -> dict[str, Any]:
    if not q.strip():
        raise bad_request("q: give some words to search for")
    return data.search(db, q.strip(), limit=limit)
