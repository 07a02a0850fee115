"""The dashboard pages. Each builds one JSON-ready payload from `detente.analytics.browse` and renders it
with a template, or returns it as is for the page's JSON twin (`.json` or Accept: application/json)."""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from detente.analytics import browse as data
from detente.web import markup
from detente.web.api import series
from detente.web.app import connection, wants_json
from detente.web.params import Paging, event_filter, paging, text

router = APIRouter(include_in_schema=False)
Db = Annotated[Any, Depends(connection)]
Pages = Annotated[Paging, Depends(paging)]


def respond(request: Request, template: str, payload: dict[str, Any], **view: Any) -> Response:
    """The payload as JSON for the twin, else the page rendered from it (plus view-only values)."""
    if wants_json(request):
        return JSONResponse(payload)
    page = request.app.state.templates.get_template(template)
    return HTMLResponse(page.render(request=request, data=payload, **view))


def _strip_json(value: str) -> str:
    return value.removesuffix(".json")


@router.get("/")
@router.get("/.json")
@router.get("/index.json")
def overview(request: Request, db: Db) -> Response:
    return respond(request, "overview.html", data.summary(db), title="Overview")


@router.get("/events")
@router.get("/events.json")
def events(request: Request, db: Db, f: Annotated[data.EventFilter, Depends(event_filter)], pages: Pages) -> Response:
    payload = {"filters": _filters(f), **data.event_list(db, f, limit=pages.limit, offset=pages.offset)}
    return respond(request, "events.html", payload, title="Events", facets=data.facets(db))


def _filters(f: data.EventFilter) -> dict[str, Any]:
    values = dataclasses.asdict(f)
    del values["doc_id"]
    values["dyad"] = "-".join(f.dyad) if f.dyad else None
    return values


@router.get("/dyads/{a}/{b}")
def dyad(
    request: Request,
    db: Db,
    a: str,
    b: str,
    by: Annotated[Literal["month", "quarter", "year"], Query()] = "year",
    context: str | None = None,
    since: str | None = None,
    until: str | None = None,
    directed: bool = False,
) -> Response:
    payload = series(db, a, _strip_json(b), by, context, since, until, directed)
    first, second = payload["dyad"]
    return respond(
        request,
        "dyad.html",
        payload,
        title=f"{first}–{second}",
        contexts=data.facets(db)["contexts"],
        totals=_totals(payload["periods"]),
    )


def _totals(periods: list[dict[str, Any]]) -> dict[str, Any]:
    events = sum(p["events"] for p in periods)
    weights = sum(p["goldstein_sum"] for p in periods)
    return {
        "events": events,
        "goldstein_mean": round(weights / events, 2) if events else None,
        "periods": len(periods),
        "active": sum(1 for p in periods if p["events"]),
    }


@router.get("/articles")
@router.get("/articles.json")
def articles(request: Request, db: Db, pages: Pages, q: str | None = None) -> Response:
    found = data.articles(db, q=text(q), limit=pages.limit, offset=pages.offset)
    return respond(request, "articles.html", {"q": text(q), **found.to_dict()}, title="Articles")


@router.get("/articles/{doc_id:path}")
def article(request: Request, db: Db, doc_id: str, event: str | None = None) -> Response:
    found = data.article(db, doc_id)
    if found is None and doc_id.endswith(".json"):
        found = data.article(db, _strip_json(doc_id))
    if found is None:
        raise HTTPException(404, f"no article with id {doc_id!r}; find it at /articles")
    text_html = markup.render(found["text"], markup.marks(found, focus=event))
    return respond(
        request, "article.html", found, title=found["title"] or found["doc_id"], text_html=text_html, focus=event
    )


@router.get("/actors/{actor_id}")
def actor(request: Request, db: Db, actor_id: str) -> Response:
    found = data.actor(db, actor_id)
    if found is None and actor_id.endswith(".json"):
        found = data.actor(db, _strip_json(actor_id))
    if found is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}; find actors at /api/actors")
    return respond(request, "actor.html", found, title=found["name"] or found["actor_id"])


@router.get("/quotes")
@router.get("/quotes.json")
def quotes(request: Request, db: Db, pages: Pages, speaker: str | None = None, q: str | None = None) -> Response:
    found = data.quotes(db, speaker=text(speaker), q=text(q), limit=pages.limit, offset=pages.offset)
    payload = {"filters": {"speaker": text(speaker), "q": text(q)}, **found.to_dict()}
    return respond(request, "quotes.html", payload, title="Quotes", speakers=data.speakers(db))
