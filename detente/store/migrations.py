"""Schema versions: an older database is upgraded on open by the migrations after its version,
in order, in one transaction; each step is recorded in ``schema_info`` (version, detente version,
when, what). ``SCHEMA_VERSION`` is the last migration's version.

A new database gets the record tables derived from the record types, then every migration: so a
migration must be idempotent (``ADD COLUMN IF NOT EXISTS``, ``CREATE TABLE IF NOT EXISTS``). A
field added to a record needs a migration adding its column to older databases; a table that is
not a record's (analytics' folded events) is created by its migration, for new databases too.
``tests/store/test_store_migrations.py`` checks that an upgraded database has exactly the layout
of a new one.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from detente.store.schema import BOOKKEEPING, column_sql, create_table_statements, folded_events_statements, table


@dataclass(frozen=True, slots=True, kw_only=True)
class Migration:
    version: int  # the schema version the database is at after this step
    description: str
    apply: Callable[[Any], None]  # given a DuckDB connection inside a transaction
    refold: bool = False  # stored articles must be folded again after it (the store's after_upgrade hook)


def _record_every_step(con: Any) -> None:
    # Version 1 kept one row (version, written_by); from 2 on every step is a row of its own.
    con.execute("ALTER TABLE schema_info ADD COLUMN IF NOT EXISTS applied_at TIMESTAMP")
    con.execute("ALTER TABLE schema_info ADD COLUMN IF NOT EXISTS description VARCHAR")
    con.execute(
        "UPDATE schema_info SET description = 'record tables created' WHERE version = 1 AND description IS NULL"
    )


def _rebuild(con: Any, name: str) -> None:
    """Give a record table this version's columns, in this version's order: a field added to a
    record sits among the record's fields, where ADD COLUMN could only append it."""
    t = table(name)
    have = {
        row[0]
        for row in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = 'main' AND table_name = ?", [name]
        ).fetchall()
    }
    columns = t.columns + BOOKKEEPING
    if have == {c.name for c in columns}:
        return  # a new database: already this version's layout
    kept = ", ".join(f'"{c.name}"' for c in columns if c.name in have)
    con.execute(f"CREATE TABLE {name}__new ({', '.join(column_sql(c) for c in columns)})")
    con.execute(f"INSERT INTO {name}__new ({kept}) SELECT {kept} FROM {name}")
    con.execute(f"DROP TABLE {name}")
    con.execute(f"ALTER TABLE {name}__new RENAME TO {name}")


def _add_folding(con: Any) -> None:
    # Every event report names its folded event (fold_id); folded events get their own table.
    _rebuild(con, "events")
    for statement in folded_events_statements():
        con.execute(statement)


def _add_aliases(con: Any) -> None:
    # The same text ingested under several ids is stored once; its other ids are kept here.
    con.execute("CREATE TABLE IF NOT EXISTS aliases (doc_id VARCHAR PRIMARY KEY, sha256 VARCHAR NOT NULL)")


MIGRATIONS: tuple[Migration, ...] = (
    Migration(version=2, description="schema_info records each migration with its time", apply=_record_every_step),
    Migration(
        version=3, description="events folded: events.fold_id, the folded_events table", apply=_add_folding, refold=True
    ),
    Migration(
        version=4,
        description="events.tone: the tone of each event's sentence",
        apply=lambda con: _rebuild(con, "events"),
    ),
    Migration(
        version=5,
        description="events.pattern_id: the pattern or rule that coded each event",
        apply=lambda con: _rebuild(con, "events"),
    ),
    Migration(version=6, description="aliases: other ids of a stored text (doc_id -> sha256)", apply=_add_aliases),
)
SCHEMA_VERSION = MIGRATIONS[-1].version if MIGRATIONS else 1

SCHEMA_INFO = (
    "CREATE TABLE schema_info "
    "(version INTEGER NOT NULL, written_by VARCHAR NOT NULL, applied_at TIMESTAMP, description VARCHAR)"
)
_RECORD_STEP = "INSERT INTO schema_info VALUES (?, ?, current_timestamp, ?)"


def create(con: Any, written_by: str) -> None:
    """A new database at the current version (inside the caller's transaction)."""
    con.execute(SCHEMA_INFO)
    for statement in create_table_statements():
        con.execute(statement)
    for migration in MIGRATIONS:
        migration.apply(con)
    con.execute(_RECORD_STEP, [SCHEMA_VERSION, written_by, "created"])


def pending(version: int) -> tuple[Migration, ...]:
    return tuple(m for m in MIGRATIONS if m.version > version)


def upgrade(con: Any, version: int, written_by: str) -> tuple[Migration, ...]:
    """Bring a database at `version` to SCHEMA_VERSION (inside the caller's transaction)."""
    steps = pending(version)
    for migration in steps:
        migration.apply(con)
        con.execute(_RECORD_STEP, [migration.version, written_by, migration.description])
    return steps
