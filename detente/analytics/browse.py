"""Browsing a store: event lists with their evidence, folded events, articles, quotes, speakers,
actors, facets and search, as the dashboard and its JSON API show them (built on ``queries`` and
``series`` where those already answer).

Each function takes an open DuckDB connection (read-only) and returns plain rows ready for JSON.
Values are always bound parameters; the SQL strings are fixed fragments chosen by code, never
built from what a request sent. ``first_day``/``last_day`` widen a partial date (YYYY, YYYY-MM)
for every caller (the web's filters, the CLI's --since/--until).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from detente.analytics import queries, series
from detente.analytics.rows import has_folding

Period = Literal["month", "quarter", "year"]

_PARTIAL_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")

# The evidence sentence and trigger words of an event row `e` in its document `d` (1-based slices).
_EVIDENCE = "substr(d.text, e.span[1] + 1, e.span[2] - e.span[1])"
_TRIGGER = "substr(d.text, e.trigger[1] + 1, e.trigger[2] - e.trigger[1])"
_EVENT_COLUMNS = f"""
    e.event_id, e.doc_id, d.title, e.date.earliest AS date_earliest, e.date.latest AS date_latest,
    e.source.name AS source_name, e.source.actor_id AS source_actor_id, e.source.country AS source_country,
    e.target.name AS target_name, e.target.actor_id AS target_actor_id, e.target.country AS target_country,
    e.cameo, e.cameo_root, e.plover, e.goldstein, e.quad_class, e.modality,
    array_to_string(e.contexts, '; ') AS contexts, e.confidence,
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


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    total: int
    limit: int
    offset: int
    rows: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset, "rows": self.rows}


def valid_partial_date(value: str) -> bool:
    """YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month or day."""
    if not _PARTIAL_DATE.match(value):
        return False
    try:
        date.fromisoformat(first_day(value))
        date.fromisoformat(last_day(value))
    except ValueError:
        return False
    return True


def first_day(value: str) -> str:
    """'2014' -> '2014-01-01', '2014-03' -> '2014-03-01'."""
    if len(value) == 4:
        return value + "-01-01"
    if len(value) == 7:
        return value + "-01"
    return value


def last_day(value: str) -> str:
    """'2014' -> '2014-12-31', '2014-02' -> '2014-02-28'."""
    if len(value) == 4:
        return value + "-12-31"
    if len(value) == 7:
        year, month = int(value[:4]), int(value[5:7])
        if not 1 <= month <= 12:
            return value + "-00"  # not a day: valid_partial_date rejects it
        return f"{value}-{calendar.monthrange(year, month)[1]:02d}"
    return value


def _rows(con: Any, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _scalar(con: Any, sql: str, params: Sequence[Any] = ()) -> Any:
    row = con.execute(sql, list(params)).fetchone()
    return row[0] if row else None


def _event_where(f: EventFilter, folded: bool = False) -> tuple[str, list[Any]]:
    """The WHERE clause over events `e` (and documents `d`) for a filter, with its parameters;
    `folded`: over folded events `e`, whose text filter looks in their reports' evidence."""
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
    if f.since:  # the event's window overlaps [since, until], as in analytics.queries.find_events
        clauses.append("e.date.latest >= ?")
        params.append(first_day(f.since))
    if f.until:
        clauses.append("e.date.earliest <= ?")
        params.append(last_day(f.until))
    if f.q and folded:
        clauses.append(
            f"e.fold_id IN (SELECT e.fold_id FROM events e JOIN documents d ON d.doc_id = e.doc_id "
            f"WHERE contains(lower({_EVIDENCE}), lower(?)))"
        )
        params.append(f.q)
    elif f.q:
        clauses.append(f"contains(lower({_EVIDENCE}), lower(?))")
        params.append(f.q)
    if f.doc_id:
        clauses.append("e.doc_id = ?")
        params.append(f.doc_id)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def event_list(con: Any, f: EventFilter, limit: int = 50, offset: int = 0) -> dict[str, Any]:
    """A page of event reports from `analytics.queries.find_events` (storage order), each row with
    its article's title."""
    page = queries.find_events(
        con,
        country=f.country,
        actor=f.actor,
        dyad=f.dyad,
        root=f.root,
        plover=f.plover,
        context=f.context,
        since=date.fromisoformat(first_day(f.since)) if f.since else None,
        until=date.fromisoformat(last_day(f.until)) if f.until else None,
        text=f.q,
        limit=limit,
        offset=offset,
    ).to_dict()
    found = titles(con, sorted({r["doc_id"] for r in page["rows"]}))
    for row in page["rows"]:
        row["title"] = found.get(row["doc_id"])
    return page


def titles(con: Any, doc_ids: list[str]) -> dict[str, str | None]:
    if not doc_ids:
        return {}
    return dict(con.execute("SELECT doc_id, title FROM documents WHERE list_contains(?, doc_id)", [doc_ids]).fetchall())


def events(con: Any, f: EventFilter, limit: int = 50, offset: int = 0, latest_first: bool = True) -> Page:
    """Event reports with their spans and trigger words, latest first: what the article, actor and
    overview pages show (find_events has no order by date, no side and no trigger)."""
    where, params = _event_where(f)
    base = f"FROM events e JOIN documents d ON d.doc_id = e.doc_id{where}"
    total = _scalar(con, f"SELECT count(*) {base}", params)
    order = "DESC" if latest_first else "ASC"
    items = _rows(
        con,
        f"SELECT {_EVENT_COLUMNS} {base} ORDER BY e.date.earliest {order} NULLS LAST, e.doc_id, e.n LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(total=total, limit=limit, offset=offset, rows=items)


def folded_events(con: Any, f: EventFilter, limit: int = 50, offset: int = 0) -> Page:
    """Events counted once, latest first: rows of the analytics' `folded_events` table when the
    store folds; otherwise every report stands alone (one mention, one article)."""
    if has_folding(con):
        where, params = _event_where(f, folded=True)
        base = f"FROM folded_events e{where}"
        columns = """e.fold_id, e.date.earliest AS date_earliest, e.date.latest AS date_latest,
            e.source.name AS source_name, e.source.actor_id AS source_actor_id, e.source.country AS source_country,
            e.target.name AS target_name, e.target.actor_id AS target_actor_id, e.target.country AS target_country,
            e.cameo, e.cameo_root, e.plover, e.goldstein, e.quad_class, e.modality, e.num_mentions,
            e.num_sources, e.num_articles, e.first_report::VARCHAR AS first_report,
            e.last_report::VARCHAR AS last_report, e.evidence, e.event_ids, e.doc_ids"""
    else:
        where, params = _event_where(f)
        base = f"FROM events e JOIN documents d ON d.doc_id = e.doc_id{where}"
        columns = (
            """e.event_id AS fold_id, e.date.earliest AS date_earliest, e.date.latest AS date_latest,
            e.source.name AS source_name, e.source.actor_id AS source_actor_id, e.source.country AS source_country,
            e.target.name AS target_name, e.target.actor_id AS target_actor_id, e.target.country AS target_country,
            e.cameo, e.cameo_root, e.plover, e.goldstein, e.quad_class, e.modality, 1 AS num_mentions,
            1 AS num_sources, 1 AS num_articles, d.published.earliest AS first_report,
            d.published.earliest AS last_report, """
            + _EVIDENCE
            + """ AS evidence,
            [e.event_id] AS event_ids, [e.doc_id] AS doc_ids"""
        )
    total = _scalar(con, f"SELECT count(*) {base}", params)
    found = _rows(
        con,
        f"SELECT {columns} {base} ORDER BY date_earliest DESC NULLS LAST, fold_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return Page(total=total, limit=limit, offset=offset, rows=found)


def summary(con: Any, dyads: int = 6, latest: int = 8) -> dict[str, Any]:
    folded = has_folding(con)
    counts = {
        "articles": _scalar(con, "SELECT count(*) FROM documents"),
        "events": _scalar(con, "SELECT count(*) FROM folded_events") if folded else None,  # None: not folded
        "reports": _scalar(con, "SELECT count(*) FROM events"),
        "quotes": _scalar(con, "SELECT count(*) FROM quotes"),
        "actors": _scalar(con, "SELECT count(DISTINCT actor.actor_id) FROM mentions"),
        "mentions": _scalar(con, "SELECT count(*) FROM mentions"),
    }
    return {
        "counts": counts,
        "dyads": busiest_dyads(con, dyads),
        "latest": events(con, EventFilter(), limit=latest).rows,
    }


def busiest_dyads(con: Any, limit: int = 10) -> list[dict[str, Any]]:
    """Pairs of countries (alphabetical order, both directions counted) with most events, each
    with its events per year for a sparkline."""
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
        yearly = dyad_series(con, pair["a"], pair["b"], by="year", since=since, until=until)
        pair["years"] = [
            {"period": p["period"], "events": p["events"], "goldstein_mean": p["goldstein_mean"]}
            for p in yearly["periods"]
        ]
    return pairs


def dyad_series(
    con: Any,
    a: str,
    b: str,
    *,
    by: Period = "year",
    context: str | None = None,
    since: str | None = None,
    until: str | None = None,
    directed: bool = False,
) -> dict[str, Any]:
    """`analytics.series.dyad_series` as JSON, each period with its first and last day (the
    dashboard links a period to the events list over those days)."""
    result = series.dyad_series(
        con,
        a,
        b,
        by=by,
        context=context,
        directed=directed,
        since=date.fromisoformat(first_day(since)) if since else None,
        until=date.fromisoformat(last_day(until)) if until else None,
    ).to_dict()
    for p in result["periods"]:
        p["start"], p["end"] = period_bounds(p["period"])
    return result


def period_bounds(period: str) -> tuple[str, str]:
    """The first and last day of a period label ('2014', '2014-03', '2014-Q2')."""
    if "-Q" in period:
        year, quarter = int(period[:4]), int(period[6])
        return f"{year}-{3 * quarter - 2:02d}-01", last_day(f"{year}-{3 * quarter:02d}")
    return first_day(period), last_day(period)


def articles(con: Any, q: str | None = None, source: str | None = None, limit: int = 50, offset: int = 0) -> Page:
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
    return Page(total=total, limit=limit, offset=offset, rows=items)


def _has_table(con: Any, name: str) -> bool:
    return _scalar(con, "SELECT count(*) FROM information_schema.tables WHERE table_name = ?", [name]) > 0


def article(con: Any, doc_id: str) -> dict[str, Any] | None:
    """One article with every record that points into it; None when there is no such id."""
    docs = _rows(
        con,
        "SELECT doc_id, title, source, url, text, published, tone FROM documents WHERE doc_id = ?",
        [doc_id],
    )
    if not docs:
        # Another id of a stored text (ingested twice under two ids): the stored article.
        stored = (
            _rows(
                con,
                "SELECT d.doc_id FROM aliases a JOIN documents d USING (sha256) WHERE a.doc_id = ? LIMIT 1",
                [doc_id],
            )
            if _has_table(con, "aliases")
            else []
        )
        return article(con, stored[0]["doc_id"]) if stored and stored[0]["doc_id"] != doc_id else None
    doc = docs[0]
    doc["mentions"] = _rows(con, "SELECT span, actor FROM mentions WHERE doc_id = ? ORDER BY n", [doc_id])
    doc["events"] = events(con, EventFilter(doc_id=doc_id), limit=10_000, latest_first=False).rows
    doc["events"].sort(key=lambda e: (e["span"][0], e["event_id"]))
    doc["quotes"] = _rows(
        con,
        "SELECT quote_id, text, span, parts, kind, cue, speaker, date FROM quotes WHERE doc_id = ? ORDER BY n",
        [doc_id],
    )
    return doc


def quotes(
    con: Any,
    speaker: str | None = None,
    q: str | None = None,
    doc_id: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> Page:
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
    return Page(total=total, limit=limit, offset=offset, rows=items)


def speakers(con: Any, limit: int = 30) -> list[dict[str, Any]]:
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


def actor(con: Any, actor_id: str, limit: int = 20) -> dict[str, Any] | None:
    """One actor: counts, roles over time (by the publication year of the articles naming it),
    events as source and as target, quotes; None when the id is never mentioned."""
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
    result["recent_quotes"] = quotes(con, speaker=actor_id, limit=limit).rows
    result["met_with"] = met_with(con, actor_id)
    return result


def met_with(con: Any, actor_id: str) -> list[dict[str, Any]]:
    """The people an actor met or cooperated with (its edges in `queries.who_met_whom`)."""
    network = queries.who_met_whom(con).to_dict()
    names = {n["id"]: n for n in network["nodes"]}
    found = []
    for edge in network["edges"]:
        if actor_id in (edge["source"], edge["target"]):
            other = edge["target"] if edge["source"] == actor_id else edge["source"]
            found.append(
                {
                    **names[other],
                    "events": edge["weight"],
                    "first": edge["first"],
                    "last": edge["last"],
                    "types": edge["types"],
                }
            )
    return sorted(found, key=lambda r: (-r["events"], r["name"]))


def facets(con: Any) -> dict[str, list[Any]]:
    """The values the filters can take: CAMEO roots, PLOVER types, contexts, countries."""

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
        "events": event_list(con, EventFilter(q=q), limit=limit),
        "quotes": quotes(con, q=q, limit=limit).to_dict(),
        "actors": queries.actors(con, name=q, limit=limit).to_dict(),
    }
