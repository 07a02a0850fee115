"""The database layout, derived from the record types: one table per record type (plural names,
the contract's field names), nested values as STRUCTs and lists so the records read back exactly
as they were written.

A field added to a record is a column of its table without editing this module; a change to the
tables of an existing database is a migration (``detente.store.migrations``).
"""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, Union

from detente import records
from detente.records import Actor, DateWindow, Document, Event, Location, Mention, Published, Quote

# A column type, independent of the engine: a scalar name, ("list", item) or ("struct", fields).
Scalar = Literal["VARCHAR", "INTEGER", "BIGINT", "DOUBLE", "BOOLEAN", "DATE"]
ColumnType = Union[  # noqa: UP007 (a recursive alias needs the string form)
    Scalar, tuple[Literal["list"], "ColumnType"], tuple[Literal["struct"], tuple[tuple[str, "ColumnType"], ...]]
]


@dataclass(frozen=True, slots=True, kw_only=True)
class Column:
    name: str
    kind: ColumnType
    required: bool = False  # NOT NULL


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    name: str  # plural
    record: str  # the records' "type"
    cls: type
    columns: tuple[Column, ...]  # the contract's fields, in the contract's order

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)


# Fields that records keep for the stages but do not output (their to_dict leaves them out).
_NOT_OUTPUT: dict[type, frozenset[str]] = {
    Mention: frozenset({"kind"}),
    Published: frozenset({"evidence"}),
}
# Identity columns may never be empty.
_REQUIRED = frozenset({"doc_id", "event_id", "quote_id"})
_RECORDS: tuple[tuple[str, str, type, frozenset[str]], ...] = (
    ("documents", "document", Document, frozenset({"text"})),
    ("mentions", "mention", Mention, frozenset()),
    ("events", "event", Event, frozenset()),
    ("quotes", "quote", Quote, frozenset()),
)

# sha256: the article's identity (of its text); seq: the order articles were stored in (export
# order); n: a record's position within its article; pipeline_version: the detente that coded it.
BOOKKEEPING: tuple[Column, ...] = (
    Column(name="sha256", kind="VARCHAR", required=True),
    Column(name="pipeline_version", kind="VARCHAR", required=True),
    Column(name="seq", kind="BIGINT", required=True),
    Column(name="n", kind="INTEGER", required=True),
)


def _output_fields(cls: type) -> list[tuple[str, Any]]:
    # The module namespace as locals too: a class attribute (DateWindow.date) must not shadow a type.
    hints = typing.get_type_hints(cls, vars(records), vars(records))
    skip = _NOT_OUTPUT.get(cls, frozenset())
    return [(f.name, hints[f.name]) for f in dataclasses.fields(cls) if f.name not in skip]


def _struct_fields(cls: type) -> tuple[tuple[str, ColumnType], ...]:
    """A nested record's fields as its to_dict writes them."""
    if cls is DateWindow:
        # to_dict leads with `date`, the single day (a property), then the window's fields.
        return (("date", "VARCHAR"), *((name, column_type(hint)) for name, hint in _output_fields(cls)))
    if cls is Published:
        # to_dict flattens the window into the published record.
        rest = tuple((name, column_type(hint)) for name, hint in _output_fields(cls) if name != "window")
        return (*_struct_fields(DateWindow), *rest)
    return tuple((name, column_type(hint)) for name, hint in _output_fields(cls))


def column_type(hint: Any) -> ColumnType:
    """The column type of a record field's type hint."""
    origin = typing.get_origin(hint)
    if origin in (Union, types.UnionType):
        (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
        return column_type(inner)
    if origin is Literal or hint is str or hint is date:
        return "VARCHAR"  # dates travel as ISO strings, as in the JSON records
    if hint is bool or hint is int:
        return "INTEGER"
    if hint is float:
        return "DOUBLE"
    if origin is tuple:
        args = typing.get_args(hint)
        item = args[0]
        if not (len(args) == 2 and args[1] is Ellipsis) and any(a != item for a in args):
            raise TypeError(f"a tuple field must hold one type, got {hint}")
        return ("list", column_type(item))
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return ("struct", _struct_fields(hint))
    raise TypeError(f"no column type for {hint!r}; teach detente.store.schema.column_type about it")


def _table(name: str, record: str, cls: type, required: frozenset[str]) -> Table:
    columns = tuple(
        Column(name=field, kind=column_type(hint), required=field in _REQUIRED | required)
        for field, hint in _output_fields(cls)
    )
    return Table(name=name, record=record, cls=cls, columns=columns)


# Derived once, when the module loads: the records' fields do not change while a program runs, and
# deriving them from the type hints takes milliseconds, which a store's writes paid per batch.
def derive_tables(specs: tuple[tuple[str, str, type, frozenset[str]], ...] = _RECORDS) -> tuple[Table, ...]:
    """The tables of these records (name, record type, class, required fields): their columns
    are the classes' fields."""
    return tuple(_table(*spec) for spec in specs)


_TABLES: tuple[Table, ...] = derive_tables()


def tables() -> tuple[Table, ...]:
    """Every record table, in the order an article's records are written."""
    return _TABLES


def table(name: str) -> Table:
    for t in tables():
        if t.name == name:
            return t
    raise KeyError(name)


def sql_type(kind: ColumnType) -> str:
    """DuckDB's spelling of a column type."""
    if isinstance(kind, str):
        return kind
    if kind[0] == "list":
        return f"{sql_type(kind[1])}[]"
    return "STRUCT(" + ", ".join(f"{name} {sql_type(inner)}" for name, inner in kind[1]) + ")"


def column_sql(column: Column) -> str:
    return f'"{column.name}" {sql_type(column.kind)}' + (" NOT NULL" if column.required else "")


def create_table_statements() -> list[str]:
    """The record tables as this version of detente writes them."""
    statements = ["CREATE SEQUENCE article_seq START 1"]
    for t in tables():
        cols = ", ".join(column_sql(c) for c in t.columns + BOOKKEEPING)
        statements.append(f"CREATE TABLE {t.name} ({cols})")
    statements += [
        "CREATE INDEX documents_sha256 ON documents (sha256)",
        "CREATE INDEX documents_doc_id ON documents (doc_id)",
    ]
    return statements


# --- folded events (analytics' fold: one row per real-world event) ---------------------------------
# Not a record type of the pipeline: the analytics layer (detente.analytics.fold_sql) fills it
# inside each article's transaction. Its layout lives here so that the store creates and migrates
# it without importing analytics.


def _struct(cls: type) -> ColumnType:
    return ("struct", _struct_fields(cls))


FOLDED_EVENTS: tuple[Column, ...] = (
    Column(name="fold_id", kind="VARCHAR", required=True),
    Column(name="dyad", kind="VARCHAR", required=True),  # sorted pair of countries, "RUS|USA": the lookup key
    Column(name="source", kind=_struct(Actor)),
    Column(name="target", kind=_struct(Actor)),
    Column(name="cameo", kind="VARCHAR"),
    Column(name="cameo_root", kind="VARCHAR"),
    Column(name="plover", kind="VARCHAR"),
    Column(name="goldstein", kind="DOUBLE"),
    Column(name="quad_class", kind="INTEGER"),
    Column(name="modality", kind="VARCHAR"),
    Column(name="symmetric", kind="BOOLEAN"),
    Column(name="date", kind=_struct(DateWindow)),
    Column(name="first_report", kind="DATE"),
    Column(name="last_report", kind="DATE"),
    Column(name="num_mentions", kind="INTEGER"),
    Column(name="num_sources", kind="INTEGER"),
    Column(name="num_articles", kind="INTEGER"),
    Column(name="location", kind=_struct(Location)),
    Column(name="contexts", kind=("list", "VARCHAR")),
    Column(name="tone", kind="DOUBLE"),
    Column(name="evidence", kind="VARCHAR"),  # the best-dated report's sentence
    Column(name="source_url", kind="VARCHAR"),  # the first report's URL (GDELT's SOURCEURL)
    Column(name="event_ids", kind=("list", "VARCHAR")),
    Column(name="doc_ids", kind=("list", "VARCHAR")),
)


def folded_events_statements() -> list[str]:
    """The folded events' table, its dyad index and the sequence fold ids come from; idempotent
    (run for new databases and by the migration that introduced them)."""
    cols = ", ".join(column_sql(c) for c in FOLDED_EVENTS)
    return [
        f"CREATE TABLE IF NOT EXISTS folded_events ({cols}, PRIMARY KEY (fold_id))",
        "CREATE INDEX IF NOT EXISTS folded_events_dyad ON folded_events (dyad)",
        "CREATE SEQUENCE IF NOT EXISTS fold_seq START 1",
    ]
