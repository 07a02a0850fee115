"""Adapters: the few queries the web layer needs that the store and analytics do not offer yet.

Each function takes an open DuckDB connection (read-only) and returns plain rows ready for JSON.
Values are always bound parameters; the SQL strings are fixed fragments chosen by code, never
built from what a request sent. Every function here is marked for the lead to move.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

Period = Literal["month", "quarter", "year"]

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QUADS = {1: "verbal_cooperation", 2: "material_cooperation", 3: "verbal_conflict", 4: "material_conflict"}
TOP_EVENTS = 3  # events shown per period when a point of the timeline is hovered

# The evidence sentence and trigger words of an event row `e` in its document `d` (1-based slices).
_EVIDENCE = "substr(d.text, e.span[1] + 1, e.span[2] - e.span[1])"
_TRIGGER = "substr(d.text, e.trigger[1] + 1, e.trigger[2] - e.trigger[1])"
_EVENT_COLUMNS = f"""
    e.event_id, e.doc_id, d.title, e.date.earliest AS day, e.date.latest AS until_day, e.date.precision AS precision,
    e.source.name AS source_name, e.source.actor_id AS source_id, e.source.country AS source_country,
    e.target.name AS target_name, e.target.actor_id AS target_id, e.target.country AS target_country,
    e.cameo, e.cameo_root, e.plover, e.goldstein, e.quad_class, e.modality, e.contexts, e.confidence,
    e.span, e.trigger, {_EVIDENCE} AS evidence, {_TRIGGER} AS trigger_text
"""


@dataclass(frozen=True, slots=True, kw_only=True)
class EventFilter:
    """What a request asks of the events; every field optional, all given ones must hold."""

    country: str | None = None
    actor: str | None = None
    dyad: tuple[str, str] | None = None  # two countries, either direction
    root: str | None = None  # CAMEO root, two digits
    plover: str | None = None
    context: str | None = None
    since: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD: from the first day of it
    until: str | None = None  # ... to the last day of it
    q: str | None = None  # words in the evidence sentence, case-insensitive
    doc_id: str | None = None
    modality: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    total: int
    limit: int
    offset: int
    items: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "items": self.items}


def valid_partial_date(value: str) -> bool:
    return bool(_PARTIAL_DATE.match(value))


def first_day(value: str) -> str:
    """'2014' -> '2014-01-01', '2014-03' -> '2014-03-01'."""
    return value + "-01-01"[len(value) - 4:] if len(value) < 10 else value


def last_day(value: str) -> str:
    """'2014' -> '2014-12-31', '2014-02' -> '2014-02-28'."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def _rows(con: Any, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def _scalar(con: Any, sql: str, params: Sequence[Any] = ()) -> Any:
    row = con.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def tables(con: Any) -> set[str]:
    return {r[0] for r in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
    ).fetchall()}


def _event_where(f: EventFilter) -> tuple[str, list[Any]]:
    """The WHERE clause over events `e` (and documents `d`) for a filter, with its parameters."""
    clauses: list[str] = []
    params: list[Any] = []
    if f.country:
        clauses.append("(e.source.country = ? OR e.target.country = ?)")
        params += [f.country, f.country]
    if f.actor:
        clauses.append("(e.source.actor_id = ? OR e.target.actor_id = ?)")
        params += [f.actor, f.actor]
    if f.dyad:
        a, b = f.dyad
        clauses.append(
            "((e.source.country = ? AND e.target.country = ?) OR (e.source.country = ? AND e.target.country = ?))"
        )
        params += [a, b, b, a]
    if f.root:
        clauses.append("e.cameo_root = ?")
        params.append(f.root)
    if f.plover:
        clauses.append("e.plover = ?")
        params.append(f.plover)
    if f.context:
        clauses.append("list_contains(e.contexts, ?)")
        params.append(f.context)
    if f.since:
        clauses.append("e.date.earliest >= ?")
        params.append(first_day(f.since))
    if f.until:
        clauses.append("e.date.earliest <= ?")
        params.append(last_day(f.until))
    if f.q:
        clauses.append(f"contains(lower({_EVIDENCE}), lower(?))")
        params.append(f.q)
    if f.doc_id:
        clauses.append("e.doc_id = ?")
        params.append(f.doc_id)
    if f.modality:
        clauses.append("e.modality = ?")
        params.append(f.modality)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def events(con: Any, f: EventFilter, limit: int = 50, offset: int = 0, latest_first: bool = True) -> Page:
    # lead: move into analytics.queries
    where, params = _event_where(f)
    base = f"FROM events e JOIN documents d ON d.doc_id = e.doc_id{where}"
    total = _scalar(con, f"SELECT count(*) {base}", params)
    order = "DESC" if latest_first else "ASC"
    items = _rows(
        con,
        f"SELECT {_EVENT_COLUMNS} {base} ORDER BY e.date.earliest {order} NULLS LAST, e.doc_id, e.n LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(total=total, limit=limit, offset=offset, items=items)


def folded_events(con: Any, f: EventFilter, limit: int = 50, offset: int = 0) -> Page:
    """Events counted once: the analytics layer's folds when the database has them (a `fold_id`
    on events); otherwise each report stands alone, with one mention."""
    # lead: move into analytics.queries (read the folded_events table once it exists)
    has_fold = bool(_scalar(
        con, "SELECT count(*) FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'fold_id'"
    ))
    key = "e.fold_id" if has_fold else "e.event_id"
    where, params = _event_where(f)
    base = f"FROM events e JOIN documents d ON d.doc_id = e.doc_id{where}"
    total = _scalar(con, f"SELECT count(DISTINCT {key}) {base}", params)
    items = _rows(
        con,
        f"""
        SELECT {key} AS fold_id, arg_min(e.event_id, e.date.earliest) AS event_id,
               min(e.date.earliest) AS day, arg_min(e.source.name, e.date.earliest) AS source_name,
               arg_min(e.target.name, e.date.earliest) AS target_name, arg_min(e.cameo, e.date.earliest) AS cameo,
               arg_min(e.plover, e.date.earliest) AS plover, avg(e.goldstein) AS goldstein,
               count(*) AS num_mentions, count(DISTINCT d.source) AS num_sources,
               count(DISTINCT e.doc_id) AS num_articles, list(e.event_id ORDER BY e.event_id) AS reports
        {base} GROUP BY {key} ORDER BY day DESC NULLS LAST, fold_id LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    )
    return Page(total=total, limit=limit, offset=offset, items=items)


def summary(con: Any, dyads: int = 6, latest: int = 8) -> dict[str, Any]:
    # lead: move into analytics.queries (the store's summary, with dyads undirected)
    counts = {
        "articles": _scalar(con, "SELECT count(*) FROM documents"),
        "reports": _scalar(con, "SELECT count(*) FROM events"),
        "quotes": _scalar(con, "SELECT count(*) FROM quotes"),
        "actors": _scalar(con, "SELECT count(DISTINCT actor.actor_id) FROM mentions"),
        "mentions": _scalar(con, "SELECT count(*) FROM mentions"),
    }
    return {
        "counts": counts,
        "dyads": busiest_dyads(con, dyads),
        "latest": events(con, EventFilter(), limit=latest).items,
    }


def busiest_dyads(con: Any, limit: int = 10) -> list[dict[str, Any]]:
    """Pairs of countries (alphabetical order, both directions counted) with most events, each
    with its events per year for a sparkline."""
    # lead: move into analytics.queries
    pairs = _rows(
        con,
        """
        SELECT least(source.country, target.country) AS a, greatest(source.country, target.country) AS b,
               count(*) AS events, avg(goldstein) AS goldstein
        FROM events
        WHERE source.country IS NOT NULL AND target.country IS NOT NULL AND source.country <> target.country
          AND modality <> 'hypothetical'
        GROUP BY 1, 2 ORDER BY events DESC, a, b LIMIT ?
        """,
        [limit],
    )
    # One span of years for every sparkline, so that their bars line up and compare.
    years = con.execute(
        "SELECT min(date.earliest)[:4], max(date.earliest)[:4] FROM events WHERE modality <> 'hypothetical'"
    ).fetchone()
    since, until = years if years and years[0] else (None, None)
    for pair in pairs:
        series = dyad_series(con, pair["a"], pair["b"], by="year", since=since, until=until)
        pair["years"] = [{"period": p["period"], "events": p["events"], "goldstein_mean": p["goldstein_mean"]}
                         for p in series["periods"]]
    return pairs


def _period(day: str, by: Period) -> str:
    if by == "year":
        return day[:4]
    if by == "month":
        return day[:7]
    return f"{day[:4]}-Q{(int(day[5:7]) - 1) // 3 + 1}"


def _periods_between(first: str, last: str, by: Period) -> list[str]:
    """Every period from first to last inclusive, so empty ones show as gaps."""
    def ordinal(p: str) -> int:
        if by == "year":
            return int(p)
        if by == "month":
            return int(p[:4]) * 12 + int(p[5:7]) - 1
        return int(p[:4]) * 4 + int(p[6]) - 1

    def label(n: int) -> str:
        if by == "year":
            return str(n)
        if by == "month":
            return f"{n // 12:04d}-{n % 12 + 1:02d}"
        return f"{n // 4:04d}-Q{n % 4 + 1}"

    return [label(n) for n in range(ordinal(first), ordinal(last) + 1)]


def period_bounds(period: str) -> tuple[str, str]:
    """The first and last day of a period label ('2014', '2014-03', '2014-Q2')."""
    if "-Q" in period:
        year, quarter = int(period[:4]), int(period[6])
        return f"{year}-{3 * quarter - 2:02d}-01", last_day(f"{year}-{3 * quarter:02d}")
    return first_day(period), last_day(period)


def dyad_series(
    con: Any, a: str, b: str, *, by: Period = "year", context: str | None = None,
    since: str | None = None, until: str | None = None, directed: bool = False,
) -> dict[str, Any]:
    """Events between countries a and b per period of their earliest day (a window spanning
    periods counts in its first), empty periods included; hypothetical events left out."""
    # lead: move into analytics.series (its JSON shape is the one issue 14 gives)
    f = EventFilter(dyad=(a, b), context=context, since=since, until=until)
    where, params = _event_where(f)
    extra = " AND e.modality <> 'hypothetical' AND e.date.earliest IS NOT NULL"
    if directed:
        extra += " AND e.source.country = ?"
        params.append(a)
    rows = _rows(
        con,
        f"SELECT {_EVENT_COLUMNS} FROM events e JOIN documents d ON d.doc_id = e.doc_id{where}{extra} "
        "ORDER BY e.date.earliest, e.doc_id, e.n",
        params,
    )
    buckets: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        buckets.setdefault(_period(row["day"], by), []).append(row)
    labels: list[str] = []
    if buckets or (since and until):
        first = _period(first_day(since), by) if since else min(buckets)
        last = _period(last_day(until), by) if until else max(buckets)
        labels = _periods_between(first, last, by)
    periods = []
    for label in labels:
        items = buckets.get(label, [])
        weights = [r["goldstein"] for r in items if r["goldstein"] is not None]
        counts = {name: sum(1 for r in items if r["quad_class"] == q) for q, name in _QUADS.items()}
        cooperation = counts["verbal_cooperation"] + counts["material_cooperation"]
        conflict = counts["verbal_conflict"] + counts["material_conflict"]
        start, end = period_bounds(label)
        top = sorted(items, key=lambda r: -abs(r["goldstein"] or 0))[:TOP_EVENTS]
        periods.append({
            "period": label,
            "start": start,
            "end": end,
            "events": len(items),
            "counts": counts,
            "goldstein_mean": round(sum(weights) / len(weights), 2) if weights else None,
            "goldstein_sum": round(sum(weights), 2),
            "balance": round((cooperation - conflict) / len(items), 2) if items else None,
            "top_events": [
                {k: r[k] for k in ("event_id", "doc_id", "day", "source_name", "target_name", "cameo",
                                   "plover", "goldstein", "evidence")}
                for r in top
            ],
        })
    return {"dyad": [a, b], "by": by, "directed": directed, "context": context, "periods": periods}


def articles(con: Any, q: str | None = None, source: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    # lead: move into analytics.queries
    clauses, params = [], []
    if q:
        clauses.append("(contains(lower(d.title), lower(?)) OR contains(lower(d.text), lower(?)))")
        params += [q, q]
    if source:
        clauses.append("d.source = ?")
        params.append(source)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = _scalar(con, f"SELECT count(*) FROM documents d{where}", params)
    items = _rows(
        con,
        f"""
        SELECT d.doc_id, d.title, d.source, d.url, d.published.earliest AS published, d.tone,
               (SELECT count(*) FROM events e WHERE e.doc_id = d.doc_id) AS events,
               (SELECT count(*) FROM quotes x WHERE x.doc_id = d.doc_id) AS quotes
        FROM documents d{where} ORDER BY d.published.earliest DESC NULLS LAST, d.doc_id LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    )
    return Page(total=total, limit=limit, offset=offset, items=items)


def article(con: Any, doc_id: str) -> dict[str, Any] | None:
    """One article with every record that points into it; None when there is no such id."""
    # lead: move into the store's read API
    docs = _rows(
        con,
        "SELECT doc_id, title, source, url, text, published, tone FROM documents WHERE doc_id = ?",
        [doc_id],
    )
    if not docs:
        return None
    doc = docs[0]
    doc["mentions"] = _rows(con, "SELECT span, actor FROM mentions WHERE doc_id = ? ORDER BY n", [doc_id])
    doc["events"] = events(con, EventFilter(doc_id=doc_id), limit=10_000, latest_first=False).items
    doc["events"].sort(key=lambda e: (e["span"][0], e["event_id"]))
    doc["quotes"] = _rows(
        con, "SELECT quote_id, text, span, parts, kind, cue, speaker, date FROM quotes WHERE doc_id = ? ORDER BY n",
        [doc_id],
    )
    return doc


def quotes(con: Any, speaker: str | None = None, q: str | None = None, doc_id: str | None = None,
           limit: int = 50, offset: int = 0) -> Page:
    # lead: move into analytics.queries
    clauses, params = [], []
    if speaker:
        clauses.append("x.speaker.actor_id = ?")
        params.append(speaker)
    if q:
        clauses.append("contains(lower(x.text), lower(?))")
        params.append(q)
    if doc_id:
        clauses.append("x.doc_id = ?")
        params.append(doc_id)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    base = f"FROM quotes x JOIN documents d ON d.doc_id = x.doc_id{where}"
    total = _scalar(con, f"SELECT count(*) {base}", params)
    items = _rows(
        con,
        f"""
        SELECT x.quote_id, x.doc_id, d.title, x.text, x.kind, x.cue, x.span,
               x.speaker.name AS speaker_name, x.speaker.actor_id AS speaker_id, x.speaker.text AS speaker_text,
               coalesce(x.date.earliest, d.published.earliest) AS day
        {base} ORDER BY day DESC NULLS LAST, x.doc_id, x.n LIMIT ? OFFSET ?
        """,
        [*params, limit, offset],
    )
    return Page(total=total, limit=limit, offset=offset, items=items)


def speakers(con: Any, limit: int = 30) -> list[dict[str, Any]]:
    # lead: move into analytics.queries
    return _rows(
        con,
        """
        SELECT speaker.actor_id AS actor_id, any_value(speaker.name) AS name, count(*) AS quotes
        FROM quotes WHERE speaker.actor_id IS NOT NULL GROUP BY 1 ORDER BY quotes DESC, name LIMIT ?
        """,
        [limit],
    )


_ACTOR_COUNTS = """
    WITH m AS (SELECT actor.actor_id AS actor_id, any_value(actor.name) AS name, any_value(actor.country) AS country,
                      count(*) AS mentions FROM mentions WHERE actor.actor_id IS NOT NULL GROUP BY 1),
         s AS (SELECT source.actor_id AS actor_id, count(*) AS n FROM events GROUP BY 1),
         t AS (SELECT target.actor_id AS actor_id, count(*) AS n FROM events GROUP BY 1),
         x AS (SELECT speaker.actor_id AS actor_id, count(*) AS n FROM quotes GROUP BY 1)
    SELECT m.actor_id, m.name, m.country, m.mentions, coalesce(s.n, 0) AS as_source,
           coalesce(t.n, 0) AS as_target, coalesce(x.n, 0) AS quotes
    FROM m LEFT JOIN s USING (actor_id) LEFT JOIN t USING (actor_id) LEFT JOIN x USING (actor_id)
"""


def actors(con: Any, q: str | None = None, country: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Actors with an id, with how often they are mentioned, act, are acted on and speak."""
    # lead: move into analytics.queries
    clauses, params = [], []
    if q:
        clauses.append("(contains(lower(name), lower(?)) OR contains(lower(actor_id), lower(?)))")
        params += [q, q]
    if country:
        clauses.append("country = ?")
        params.append(country)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    total = _scalar(con, f"SELECT count(*) FROM ({_ACTOR_COUNTS}){where}", params)
    items = _rows(
        con, f"SELECT * FROM ({_ACTOR_COUNTS}){where} ORDER BY mentions DESC, actor_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(total=total, limit=limit, offset=offset, items=items)


def actor(con: Any, actor_id: str, limit: int = 20) -> dict[str, Any] | None:
    """One actor: counts, roles over time (by the publication year of the articles naming it),
    events as source and as target, quotes; None when the id is never mentioned."""
    # lead: move into analytics.queries (actors with roles over time)
    found = _rows(con, f"SELECT * FROM ({_ACTOR_COUNTS}) WHERE actor_id = ?", [actor_id])
    if not found:
        return None
    result = found[0]
    result["roles"] = _rows(
        con,
        """
        SELECT m.actor.role AS role, min(d.published.earliest) AS first, max(d.published.earliest) AS last,
               count(*) AS mentions
        FROM mentions m JOIN documents d ON d.doc_id = m.doc_id
        WHERE m.actor.actor_id = ? GROUP BY 1 ORDER BY first NULLS LAST, role
        """,
        [actor_id],
    )
    result["as_source_events"] = _rows(
        con,
        f"SELECT {_EVENT_COLUMNS} FROM events e JOIN documents d ON d.doc_id = e.doc_id "
        "WHERE e.source.actor_id = ? ORDER BY e.date.earliest DESC NULLS LAST, e.doc_id, e.n LIMIT ?",
        [actor_id, limit],
    )
    result["as_target_events"] = _rows(
        con,
        f"SELECT {_EVENT_COLUMNS} FROM events e JOIN documents d ON d.doc_id = e.doc_id "
        "WHERE e.target.actor_id = ? ORDER BY e.date.earliest DESC NULLS LAST, e.doc_id, e.n LIMIT ?",
        [actor_id, limit],
    )
    result["recent_quotes"] = quotes(con, speaker=actor_id, limit=limit).items
    return result


def network(con: Any, since: str | None = None, until: str | None = None, country: str | None = None) -> dict[str, Any]:
    """Who met whom: asserted consultations and cooperation (PLOVER CONSULT, quad classes 1–2)
    between two identified people (actors with a role: office holders), as nodes and weighted
    undirected edges."""
    # lead: move into analytics.queries (the who-met-whom network)
    f = EventFilter(since=since, until=until, country=country)
    where, params = _event_where(f)
    where = (where + " AND" if where else " WHERE") + (
        " (e.plover = 'CONSULT' OR e.quad_class IN (1, 2)) AND e.source.actor_id IS NOT NULL"
        " AND e.target.actor_id IS NOT NULL AND e.source.actor_id <> e.target.actor_id"
        " AND e.modality = 'asserted' AND e.source.role IS NOT NULL AND e.target.role IS NOT NULL"
    )
    edges = _rows(
        con,
        f"""
        SELECT least(e.source.actor_id, e.target.actor_id) AS a, greatest(e.source.actor_id, e.target.actor_id) AS b,
               count(*) AS events, min(e.date.earliest) AS first, max(e.date.earliest) AS last
        FROM events e JOIN documents d ON d.doc_id = e.doc_id{where}
        GROUP BY 1, 2 ORDER BY events DESC, a, b
        """,
        params,
    )
    ids = sorted({e["a"] for e in edges} | {e["b"] for e in edges})
    names = {r["actor_id"]: r for r in _rows(
        con,
        "SELECT actor.actor_id AS actor_id, any_value(actor.name) AS name, any_value(actor.country) AS country "
        "FROM mentions WHERE list_contains(?, actor.actor_id) GROUP BY 1",
        [ids],
    )} if ids else {}
    nodes = [{"id": i, "name": names.get(i, {}).get("name") or i, "country": names.get(i, {}).get("country")} for i in ids]
    return {"nodes": nodes, "edges": edges}


def facets(con: Any) -> dict[str, list[Any]]:
    """The values the filters can take: CAMEO roots, PLOVER types, contexts, countries."""
    # lead: move into analytics.queries
    def column(sql: str) -> list[Any]:
        return [r[0] for r in con.execute(sql).fetchall()]

    return {
        "roots": column("SELECT DISTINCT cameo_root FROM events WHERE cameo_root IS NOT NULL ORDER BY 1"),
        "plover": column("SELECT DISTINCT plover FROM events WHERE plover IS NOT NULL ORDER BY 1"),
        "contexts": column("SELECT DISTINCT unnest(contexts) FROM events ORDER BY 1"),
        "countries": column(
            "SELECT DISTINCT c FROM (SELECT source.country AS c FROM events UNION SELECT target.country FROM events) "
            "WHERE c IS NOT NULL ORDER BY 1"
        ),
    }


def search(con: Any, q: str, limit: int = 10) -> dict[str, Any]:
    """Words across articles, event evidence, quotes and actor names, a few of each with totals."""
    return {
        "q": q,
        "articles": articles(con, q=q, limit=limit).to_dict(),
        "events": events(con, EventFilter(q=q), limit=limit).to_dict(),
        "quotes": quotes(con, q=q, limit=limit).to_dict(),
        "actors": actors(con, q=q, limit=limit).to_dict(),
    }
