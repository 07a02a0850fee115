"""Queries over a detente store, for the Python API, the CLI and the web layer: events by actor,
country, dyad, CAMEO code or root, PLOVER type, context, date range and evidence text (pages of
rows with the total); actors with their roles over time; and who met whom as a network.

Every value is bound as a query parameter, never spliced into the SQL text.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from detente.analytics import rows
from detente.analytics.gdelt import CSV_COLUMNS, flat_row

MAX_LIMIT = 10_000
NETWORK_TYPES = ("CONSULT", "COOPERATE", "AGREE")  # meetings and cooperation
_EVIDENCE = "substr(d.text, e.span[1] + 1, e.span[2] - e.span[1])"


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    """One page of a query's rows, and how many rows the whole query has."""

    total: int
    limit: int
    offset: int
    rows: pd.DataFrame

    @property
    def has_more(self) -> bool:
        return self.offset + len(self.rows) < self.total

    def to_dict(self) -> dict[str, Any]:
        records = self.rows.astype(object).where(self.rows.notna(), None).to_dict(orient="records")
        return {
            "total": self.total,
            "limit": self.limit,
            "offset": self.offset,
            "rows": [{k: (v.isoformat() if isinstance(v, date) else v) for k, v in r.items()} for r in records],
        }


def _page_bounds(limit: int, offset: int) -> tuple[int, int]:
    if limit < 1 or limit > MAX_LIMIT:
        raise ValueError(f"limit {limit} is out of range; give 1 to {MAX_LIMIT}")
    if offset < 0:
        raise ValueError(f"offset {offset} is negative; give 0 or more")
    return limit, offset


def _actor_clause(side: str) -> str:
    return (
        f"(lower(e.{side}.actor_id) = lower(?) OR lower(e.{side}.name) = lower(?) OR lower(e.{side}.text) = lower(?))"
    )


def find_events(
    con: Any,
    *,
    actor: str | None = None,
    country: str | None = None,
    dyad: tuple[str, str] | None = None,
    cameo: str | None = None,
    root: str | None = None,
    plover: str | None = None,
    context: str | None = None,
    since: date | None = None,
    until: date | None = None,
    text: str | None = None,
    include_hypothetical: bool = True,
    limit: int = 50,
    offset: int = 0,
) -> Page:
    """Event reports matching every filter given, in storage order, one flat row each (the CSV
    export's columns). ``actor`` matches an actor id, canonical name or the words as written, on
    either side; ``cameo`` matches a code and the codes under it ("04" finds 040–046); the date
    range keeps events whose window overlaps [since, until]; ``text`` searches the evidence
    sentences (case-insensitive)."""
    limit, offset = _page_bounds(limit, offset)
    where: list[str] = []
    params: list[Any] = []
    if actor is not None:
        where.append(f"({_actor_clause('source')} OR {_actor_clause('target')})")
        params += [actor] * 6
    if country is not None:
        where.append("(e.source.country = ? OR e.target.country = ?)")
        params += [country, country]
    if dyad is not None:
        a, b = dyad
        where.append(
            "((e.source.country = ? AND e.target.country = ?) OR (e.source.country = ? AND e.target.country = ?))"
        )
        params += [a, b, b, a]
    if cameo is not None:
        where.append("starts_with(e.cameo, ?)")
        params.append(cameo)
    if root is not None:
        where.append("e.cameo_root = ?")
        params.append(root)
    if plover is not None:
        where.append("e.plover = ?")
        params.append(plover.upper())
    if context is not None:
        where.append("list_contains(e.contexts, ?)")
        params.append(context)
    if since is not None:
        where.append("e.date.latest >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("e.date.earliest <= ?")
        params.append(until.isoformat())
    if text is not None:
        where.append(f"contains(lower({_EVIDENCE}), lower(?))")
        params.append(text)
    if not include_hypothetical:
        where.append("e.modality <> 'hypothetical'")
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    base = "FROM events e JOIN documents d ON d.doc_id = e.doc_id AND d.sha256 = e.sha256" + clause
    total = con.execute(f"SELECT count(*) {base}", params).fetchone()[0]
    fold = "e.fold_id" if rows.has_folding(con) else "NULL"
    cols = ", ".join(f'e."{c}"' for c in rows.EVENT_COLUMNS)
    found = rows.fetch_dicts(
        con,
        f"""SELECT {cols}, {fold} AS fold_id, d.source AS outlet, d.url, d.published, d.text AS doc_text
                 {base} ORDER BY e.seq, e.n LIMIT ? OFFSET ?""",
        params + [limit, offset],
    )
    frame = pd.DataFrame([flat_row(r) for r in found], columns=list(CSV_COLUMNS))
    return Page(total=int(total), limit=limit, offset=offset, rows=frame)


def actors(con: Any, *, country: str | None = None, name: str | None = None, limit: int = 50, offset: int = 0) -> Page:
    """Actors with each role they held in events: the first and last event date in that role and
    how many events they were source and target of, busiest first."""
    limit, offset = _page_bounds(limit, offset)
    where, params = [], []
    if country is not None:
        where.append("a.country = ?")
        params.append(country)
    if name is not None:
        where.append("contains(lower(coalesce(a.name, a.text)), lower(?))")
        params.append(name)
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    body = f"""
        WITH sides AS (
            SELECT e.source AS a, 'source' AS side, e.date.earliest AS first, e.date.latest AS last FROM events e
            UNION ALL
            SELECT e.target, 'target', e.date.earliest, e.date.latest FROM events e WHERE e.target IS NOT NULL
        ), grouped AS (
            SELECT coalesce(a.actor_id, a.name, a.text) AS actor, any_value(a.actor_id) AS actor_id,
                   coalesce(any_value(a.name), any_value(a.text)) AS name, any_value(a.country) AS country,
                   a.role AS role, min(first) AS first, max(last) AS last, count(*) AS events,
                   count(*) FILTER (WHERE side = 'source') AS as_source,
                   count(*) FILTER (WHERE side = 'target') AS as_target
            FROM sides{clause} GROUP BY 1, a.role
        )"""
    total = con.execute(f"{body} SELECT count(*) FROM grouped", params).fetchone()[0]
    frame = con.execute(
        f"{body} SELECT * FROM grouped ORDER BY events DESC, actor, role NULLS FIRST LIMIT ? OFFSET ?",
        params + [limit, offset],
    ).df()
    for col in ("first", "last"):
        frame[col] = [date.fromisoformat(v) if isinstance(v, str) else None for v in frame[col]]
    return Page(total=int(total), limit=limit, offset=offset, rows=frame)


# --- who met whom -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Node:
    node_id: str
    name: str
    country: str | None
    role: str | None
    events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Edge:
    source: str
    target: str
    weight: int  # events between the two (folded events when the store folds)
    first: str | None  # earliest event day
    last: str | None
    types: tuple[str, ...]  # PLOVER types seen


@dataclass(frozen=True, slots=True, kw_only=True)
class Network:
    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": [
                {"id": n.node_id, "name": n.name, "country": n.country, "role": n.role, "events": n.events}
                for n in self.nodes
            ],
            "edges": [
                {
                    "source": e.source,
                    "target": e.target,
                    "weight": e.weight,
                    "first": e.first,
                    "last": e.last,
                    "types": list(e.types),
                }
                for e in self.edges
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_graphml(self) -> str:
        ns = "http://graphml.graphdrawing.org/xmlns"
        root = ET.Element("graphml", xmlns=ns)
        keys = (
            ("name", "node", "string"),
            ("country", "node", "string"),
            ("role", "node", "string"),
            ("events", "node", "int"),
            ("weight", "edge", "int"),
            ("first", "edge", "string"),
            ("last", "edge", "string"),
            ("types", "edge", "string"),
        )
        for key, where, kind in keys:
            ET.SubElement(root, "key", {"id": key, "for": where, "attr.name": key, "attr.type": kind})
        graph = ET.SubElement(root, "graph", id="who_met_whom", edgedefault="undirected")
        for n in self.nodes:
            node = ET.SubElement(graph, "node", id=n.node_id)
            for key, value in (("name", n.name), ("country", n.country), ("role", n.role), ("events", n.events)):
                if value is not None:
                    ET.SubElement(node, "data", key=key).text = str(value)
        for i, e in enumerate(self.edges):
            edge = ET.SubElement(graph, "edge", id=f"e{i}", source=e.source, target=e.target)
            for key, value in (
                ("weight", e.weight),
                ("first", e.first),
                ("last", e.last),
                ("types", " ".join(e.types)),
            ):
                if value is not None:
                    ET.SubElement(edge, "data", key=key).text = str(value)
        ET.indent(root)
        return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"

    def write(self, path: Path) -> Path:
        """Write GraphML (.graphml) or JSON (.json), by the file's extension."""
        path = Path(path)
        if path.suffix.lower() == ".graphml":
            path.write_text(self.to_graphml(), encoding="utf-8")
        elif path.suffix.lower() == ".json":
            path.write_text(self.to_json() + "\n", encoding="utf-8")
        else:
            raise ValueError(f"cannot write a network to {path.name}; give a .graphml or .json file")
        return path


def is_person(actor: dict[str, Any] | None) -> bool:
    """A person: an actor with a person's id (people's ids are lowercase slugs, bodies' and
    countries' are upper case) or, without an id, one named by an office ("the foreign minister")."""
    if not actor:
        return False
    actor_id = actor.get("actor_id")
    if actor_id:
        return bool(actor_id == actor_id.lower())
    return actor.get("role") is not None


def _node_key(actor: dict[str, Any]) -> str:
    return actor.get("actor_id") or f"{actor.get('country') or '?'}:{actor.get('role') or actor.get('text')}"


def who_met_whom(
    con: Any, *, since: date | None = None, until: date | None = None, country: str | None = None
) -> Network:
    """Meetings and cooperation (PLOVER CONSULT, COOPERATE, AGREE) between people, as an
    undirected network; counted over folded events when the store folds, else over reports.
    ``country`` keeps the edges with a person of that country on either end."""
    table = "folded_events" if rows.has_folding(con) else "events"
    where = ["list_contains(?, plover)", "modality <> 'hypothetical'", "target IS NOT NULL"]
    params: list[Any] = [list(NETWORK_TYPES)]
    if since is not None:
        where.append("date.latest >= ?")
        params.append(since.isoformat())
    if until is not None:
        where.append("date.earliest <= ?")
        params.append(until.isoformat())
    found = con.execute(
        f"SELECT source, target, plover, date.earliest FROM {table} WHERE {' AND '.join(where)}", params
    ).fetchall()
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, plover, day in found:
        if not (is_person(source) and is_person(target)):
            continue
        if country is not None and country not in (source.get("country"), target.get("country")):
            continue
        a, b = _node_key(source), _node_key(target)
        if a == b:
            continue
        for key, actor in ((a, source), (b, target)):
            node = nodes.setdefault(
                key,
                {
                    "name": actor.get("name") or actor.get("text"),
                    "country": actor.get("country"),
                    "role": actor.get("role"),
                    "events": 0,
                },
            )
            node["events"] += 1
            node["role"] = actor.get("role") or node["role"]
        pair = (min(a, b), max(a, b))
        edge = edges.setdefault(pair, {"weight": 0, "days": [], "types": set()})
        edge["weight"] += 1
        edge["types"].add(plover)
        if day:
            edge["days"].append(day)
    return Network(
        nodes=tuple(
            Node(node_id=k, name=v["name"] or k, country=v["country"], role=v["role"], events=v["events"])
            for k, v in sorted(nodes.items())
        ),
        edges=tuple(
            Edge(
                source=a,
                target=b,
                weight=v["weight"],
                first=min(v["days"], default=None),
                last=max(v["days"], default=None),
                types=tuple(sorted(v["types"])),
            )
            for (a, b), v in sorted(edges.items())
        ),
    )
