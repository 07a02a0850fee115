"""Stored rows back into records: the store keeps the contract's shape (STRUCTs and lists), and
these turn a row read from DuckDB (as a dict of column name to value) into ``Event``/``DocRef``."""

from __future__ import annotations

from datetime import date
from typing import Any

from detente.analytics.records import DocRef
from detente.records import Actor, DateWindow, Event, Location

EVENT_COLUMNS: tuple[str, ...] = (
    "doc_id",
    "event_id",
    "span",
    "trigger",
    "source",
    "target",
    "cameo",
    "cameo_root",
    "goldstein",
    "quad_class",
    "plover",
    "plover_mode",
    "modality",
    "date",
    "location",
    "contexts",
    "confidence",
)


def _day(value: Any) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def actor(value: dict[str, Any] | None) -> Actor | None:
    if value is None:
        return None
    return Actor(
        text=value.get("text") or "",
        name=value.get("name"),
        actor_id=value.get("actor_id"),
        country=value.get("country"),
        sector=value.get("sector"),
        role=value.get("role"),
    )


def window(value: dict[str, Any] | None) -> DateWindow:
    if value is None or value.get("earliest") is None:
        return DateWindow(precision="unknown", timex=(value or {}).get("timex"))
    return DateWindow(
        earliest=_day(value["earliest"]),
        latest=_day(value["latest"]),
        precision=value.get("precision") or "unknown",
        timex=value.get("timex"),
    )


def location(value: dict[str, Any] | None) -> Location | None:
    if value is None or value.get("name") is None:
        return None
    return Location(
        name=value["name"], kind=value["kind"], country=value.get("country"), lat=value.get("lat"), lon=value.get("lon")
    )


def event(row: dict[str, Any]) -> Event:
    source = actor(row["source"])
    return Event(
        doc_id=row["doc_id"],
        event_id=row["event_id"],
        span=(int(row["span"][0]), int(row["span"][1])),
        trigger=(int(row["trigger"][0]), int(row["trigger"][1])) if row["trigger"] else (0, 0),
        source=source if source is not None else Actor(text=""),
        target=actor(row["target"]),
        cameo=row["cameo"],
        cameo_root=row["cameo_root"],
        goldstein=float(row["goldstein"]),
        quad_class=int(row["quad_class"]),
        plover=row["plover"],
        plover_mode=row["plover_mode"],
        modality=row["modality"],
        date=window(row["date"]),
        location=location(row["location"]),
        contexts=tuple(row["contexts"] or ()),
        confidence=float(row["confidence"]) if row["confidence"] is not None else 0.5,
    )


def doc_ref(row: dict[str, Any]) -> DocRef:
    """From a documents row (doc_id, source, sha256, published, url, tone, text)."""
    published = row.get("published") or {}
    return DocRef(
        doc_id=row["doc_id"],
        outlet=row.get("source"),
        sha256=row.get("sha256") or "",
        published=_day(published.get("earliest")),
        url=row.get("url"),
        tone=row.get("tone"),
        text=row.get("text") or "",
        aliases=int(row.get("aliases") or 0),
    )


def fetch_dicts(con: Any, sql: str, params: list[Any] | tuple[Any, ...] = ()) -> list[dict[str, Any]]:
    cursor = con.execute(sql, list(params))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def has_folding(con: Any) -> bool:
    """Whether the store's events are folded: it has the ``folded_events`` table, filled (a store
    written without the folding hooks keeps its reports unfolded, and is read report by report)."""
    row = con.execute("SELECT count(*) FROM information_schema.tables WHERE table_name = 'folded_events'").fetchone()
    if not (row and row[0]):
        return False
    folded = con.execute("SELECT count(*) FROM (SELECT 1 FROM folded_events LIMIT 1)").fetchone()
    reports = con.execute("SELECT count(*) FROM (SELECT 1 FROM events LIMIT 1)").fetchone()
    return bool((folded and folded[0]) or not (reports and reports[0]))
