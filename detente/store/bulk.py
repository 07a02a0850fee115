"""Bulk writes: several articles per transaction, each table filled by one Arrow insert.

Row-by-row inserts cost about 50 ms an article; one Arrow table per record type for a batch of
articles costs a few milliseconds. A batch is one transaction: a process killed in the middle
leaves none of the batch's articles stored (never part of one), and a run again stores them.
An article replaces what was stored for the same text or the same doc_id, as ``Store.write``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from detente.store.schema import Table, tables


@dataclass(frozen=True, slots=True, kw_only=True)
class Batch:
    """One article's records for the store, grouped by record type."""

    doc_id: str
    sha256: str
    version: str
    rows: dict[str, list[dict[str, Any]]]  # record type -> records (without "type"), in order


def batch(records: Sequence[dict[str, Any]], *, doc_id: str, sha256: str, version: str) -> Batch:
    rows: dict[str, list[dict[str, Any]]] = {t.record: [] for t in tables()}
    for record in records:
        rows[record["type"]].append(record)
    return Batch(doc_id=doc_id, sha256=sha256, version=version, rows=rows)


def arrow_schema(t: Table) -> Any:
    """A table's columns as Arrow types, with the bookkeeping columns (sha256 ... n)."""
    import pyarrow as pa

    from detente.writers.parquet import arrow_schema as parquet_schema

    parquet = parquet_schema(t)
    fields = [parquet.field(name) for name in t.fields]
    fields += [
        pa.field("sha256", pa.string(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
        pa.field("seq", pa.int64(), nullable=False),
        pa.field("n", pa.int32(), nullable=False),
    ]
    return pa.schema(fields)


def insert(
    con: Any, articles: Sequence[Batch], after_write: Callable[..., object] | None = None
) -> list[tuple[str, str]]:
    """Store `articles` (in order) on `con`, inside the caller's transaction: what was stored
    for the same texts or doc_ids is deleted first, then each table gets one Arrow insert.
    `after_write(con, doc_ids, new=...)` runs, before the caller commits, for the stored doc_ids
    that replace something (and the doc_ids whose text was stored under another id) with ``new``
    false, then for the others, whose id and text were not stored before, with ``new`` true. Returns the (doc_id,
    sha256) of the texts that were stored under another id, now aliases."""
    import pyarrow as pa

    # The same text or doc_id twice in one batch: the later one wins, as with one write each.
    last: dict[str, int] = {}
    for k, a in enumerate(articles):
        last[a.sha256] = last[a.doc_id] = k
    kept = [a for k, a in enumerate(articles) if last[a.sha256] == k and last[a.doc_id] == k]
    if not kept:
        return []
    keys = pa.table({"sha256": [a.sha256 for a in kept], "doc_id": [a.doc_id for a in kept]})
    con.register("_detente_keys", keys)
    try:
        # The same text stored under another id is replaced; every id of the text is kept, the
        # others as aliases of the stored one (and said, by the caller, after the commit).
        replaced = con.execute(
            "SELECT DISTINCT d.doc_id, d.sha256 FROM documents d JOIN _detente_keys k ON d.sha256 = k.sha256 "
            "WHERE d.doc_id NOT IN (SELECT doc_id FROM _detente_keys)"
        ).fetchall()
        others = [row[0] for row in replaced]
        # What the batch replaces; when nothing, there is nothing to delete or unfold (the usual
        # case, and the deletes would read every table: a cost that grows with the store).
        stored_before = {
            row[0]
            for row in con.execute(
                "SELECT DISTINCT d.doc_id FROM documents d JOIN _detente_keys k "
                "ON d.sha256 = k.sha256 OR d.doc_id = k.doc_id"
            ).fetchall()
        }
        # Within the batch too: an earlier article whose text a later one repeats under another id.
        replaced += [
            (a.doc_id, a.sha256)
            for k, a in enumerate(articles)
            if last[a.sha256] != k and articles[last[a.sha256]].doc_id != a.doc_id
        ]
        con.execute("DELETE FROM aliases WHERE doc_id IN (SELECT doc_id FROM _detente_keys)")
        for other, digest in replaced:
            con.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?)", [other, digest])
        for t in reversed(tables()) if stored_before else ():  # children first, the document last
            con.execute(
                f"DELETE FROM {t.name} WHERE sha256 IN (SELECT sha256 FROM _detente_keys) "
                "OR doc_id IN (SELECT doc_id FROM _detente_keys)"
            )
    finally:
        con.unregister("_detente_keys")
    first = con.execute(f"SELECT nextval('article_seq') FROM range({len(kept)})").fetchall()
    seqs = sorted(row[0] for row in first)  # in the order they were drawn
    for t in tables():
        columns: dict[str, list[Any]] = {name: [] for name in (*t.fields, "sha256", "pipeline_version", "seq", "n")}
        for a, seq in zip(kept, seqs, strict=True):
            for n, record in enumerate(a.rows[t.record], 1):
                for name in t.fields:
                    columns[name].append(record[name])
                columns["sha256"].append(a.sha256)
                columns["pipeline_version"].append(a.version)
                columns["seq"].append(seq)
                columns["n"].append(n)
        if not columns["seq"]:
            continue
        data = pa.table(columns, schema=arrow_schema(t))
        names = ", ".join(f'"{n}"' for n in data.column_names)
        con.register("_detente_rows", data)
        try:
            con.execute(f"INSERT INTO {t.name} ({names}) SELECT {names} FROM _detente_rows")
        finally:
            con.unregister("_detente_rows")
    if after_write is not None:
        again = [*others, *(a.doc_id for a in kept if a.doc_id in stored_before)]
        if again:
            after_write(con, again, new=False)
        fresh = [a.doc_id for a in kept if a.doc_id not in stored_before]
        if fresh:
            after_write(con, fresh, new=True)
    return [(other, digest) for other, digest in replaced]
