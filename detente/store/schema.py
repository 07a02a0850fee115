"""The database layout: one table per record type (plural names, the contract's field names),
nested values as DuckDB STRUCTs and lists so the records read back exactly as they were written.

Bump SCHEMA_VERSION whenever a table changes, and teach ``Store`` to migrate the older layout.
"""

from __future__ import annotations

SCHEMA_VERSION = 1

ACTOR = "STRUCT(text VARCHAR, name VARCHAR, actor_id VARCHAR, country VARCHAR, sector VARCHAR, role VARCHAR)"
DATE = "STRUCT(date VARCHAR, earliest VARCHAR, latest VARCHAR, precision VARCHAR, timex VARCHAR)"
PUBLISHED = (
    "STRUCT(date VARCHAR, earliest VARCHAR, latest VARCHAR, precision VARCHAR, timex VARCHAR, method VARCHAR)"
)
LOCATION = "STRUCT(name VARCHAR, kind VARCHAR, country VARCHAR, lat DOUBLE, lon DOUBLE)"

# Per table: the record type, then its contract fields in the contract's order (what export
# writes back), each with its column type. Every table also has the bookkeeping columns below.
TABLES: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "documents": ("document", (
        ("doc_id", "VARCHAR NOT NULL"),
        ("title", "VARCHAR"),
        ("source", "VARCHAR"),
        ("url", "VARCHAR"),
        ("text", "VARCHAR NOT NULL"),
        ("captions", "VARCHAR[]"),
        ("published", PUBLISHED),
        ("tone", "DOUBLE"),
    )),
    "mentions": ("mention", (
        ("doc_id", "VARCHAR NOT NULL"),
        ("span", "INTEGER[]"),
        ("actor", ACTOR),
    )),
    "events": ("event", (
        ("doc_id", "VARCHAR NOT NULL"),
        ("event_id", "VARCHAR NOT NULL"),
        ("span", "INTEGER[]"),
        ("trigger", "INTEGER[]"),
        ("source", ACTOR),
        ("target", ACTOR),
        ("cameo", "VARCHAR"),
        ("cameo_root", "VARCHAR"),
        ("goldstein", "DOUBLE"),
        ("quad_class", "INTEGER"),
        ("plover", "VARCHAR"),
        ("plover_mode", "VARCHAR"),
        ("modality", "VARCHAR"),
        ("date", DATE),
        ("location", LOCATION),
        ("contexts", "VARCHAR[]"),
        ("confidence", "DOUBLE"),
    )),
    "quotes": ("quote", (
        ("doc_id", "VARCHAR NOT NULL"),
        ("quote_id", "VARCHAR NOT NULL"),
        ("text", "VARCHAR"),
        ("span", "INTEGER[]"),
        ("parts", "INTEGER[][]"),
        ("kind", "VARCHAR"),
        ("cue", "VARCHAR"),
        ("speaker", ACTOR),
        ("date", DATE),
    )),
}

# sha256: the article's identity (of its text); seq: the order articles were stored in (export
# order); n: a record's position within its article; pipeline_version: the detente that coded it.
BOOKKEEPING: tuple[tuple[str, str], ...] = (
    ("sha256", "VARCHAR NOT NULL"),
    ("pipeline_version", "VARCHAR NOT NULL"),
    ("seq", "BIGINT NOT NULL"),
    ("n", "INTEGER NOT NULL"),
)


def fields(table: str) -> tuple[str, ...]:
    return tuple(name for name, _ in TABLES[table][1])


def create_statements() -> list[str]:
    statements = [
        "CREATE TABLE schema_info (version INTEGER NOT NULL, written_by VARCHAR NOT NULL)",
        "CREATE SEQUENCE article_seq START 1",
    ]
    for table, (_, columns) in TABLES.items():
        cols = ", ".join(f'"{name}" {kind}' for name, kind in columns + BOOKKEEPING)
        statements.append(f"CREATE TABLE {table} ({cols})")
    statements += [
        "CREATE INDEX documents_sha256 ON documents (sha256)",
        "CREATE INDEX documents_doc_id ON documents (doc_id)",
    ]
    return statements
