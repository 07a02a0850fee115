"""The store: records in a DuckDB file, one transaction per article.

An article is identified by the SHA-256 of its text. Writing an article replaces whatever was
stored for it before (same text, or same doc_id), so re-ingesting never duplicates and
``--reprocess`` recodes in place. Export gives back exactly the records ``extract`` writes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from detente import __version__
from detente.analytics import YearPoint, dyad_by_year, render_series
from detente.errors import StoreError
from detente.ingest.identity import sha256 as text_sha256
from detente.records import Result
from detente.store.schema import BOOKKEEPING, SCHEMA_VERSION, TABLES, create_statements, fields

ExportFormat = Literal["jsonl", "parquet"]
_CHILDREN = ("mentions", "events", "quotes")
_EXPORT_BATCH = 1000  # documents per export query: bounded memory on large databases
_DYADS = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class Dyad:
    source: str
    target: str
    events: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Summary:
    articles: int
    mentions: int
    events: int
    quotes: int
    dyads: tuple[Dyad, ...]
    series: tuple[YearPoint, ...] = ()  # the busiest pair of countries, both directions, by year

    def render(self, db_path: Path) -> str:
        dyads = ", ".join(f"{d.source}–{d.target} {d.events}" for d in self.dyads) or "none yet"
        return "\n".join([
            f"articles  {self.articles}",
            f"mentions  {self.mentions}",
            f"events    {self.events}",
            f"quotes    {self.quotes}",
            f"busiest dyads (source–target country, events asserted or planned): {dyads}",
            *(render_series(self.dyads[0].source, self.dyads[0].target, self.series) if self.dyads else []),
            f"database: {Path(db_path).resolve()}",
        ])


def _store_error(exc: Exception, path: Path) -> StoreError:
    text = str(exc)
    if "lock" in text.lower():
        return StoreError(
            f"{path} is in use by another process ({text.split(': ', 1)[-1].split('. See')[0]}); "
            "wait for it to finish, or use another --db file"
        )
    if "not a valid DuckDB database" in text:
        return StoreError(f"{path} is not a DuckDB database; give a detente database file or a new path with --db")
    if "does not exist" in text:
        return StoreError(f"no database at {path}; create one with `detente ingest PATH --db {path}`")
    if "newer" in text.lower() or "version" in text.lower():
        return StoreError(f"cannot open {path} ({text}); upgrade detente (pip install -U detente)")
    return StoreError(f"cannot open {path} ({text}); check the path and its permissions")


class Store:
    """A detente database. Use ``Store.open(path)`` as a context manager."""

    def __init__(self, connection: Any, path: Path, read_only: bool) -> None:
        self._con = connection
        self.path = path
        self.read_only = read_only

    @classmethod
    @contextmanager
    def open(cls, path: Path, read_only: bool = False) -> Iterator[Store]:
        import duckdb

        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"no database at {path}; create one with `detente ingest PATH --db {path}`")
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise _store_error(exc, path) from None
        try:
            store = cls(con, path, read_only)
            store._prepare()
            yield store
        finally:
            con.close()

    def _prepare(self) -> None:
        import duckdb

        tables = {row[0] for row in self._con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        ).fetchall()}
        if not tables:
            if self.read_only:
                raise StoreError(f"{self.path} is an empty database; store articles with `detente ingest PATH --db {self.path}`")
            try:
                self._con.begin()
                for statement in create_statements():
                    self._con.execute(statement)
                self._con.execute("INSERT INTO schema_info VALUES (?, ?)", [SCHEMA_VERSION, __version__])
                self._con.commit()
            except duckdb.Error as exc:
                self._con.rollback()
                raise StoreError(f"cannot create the tables in {self.path} ({exc}); check the file's permissions") from None
            return
        if "schema_info" not in tables:
            raise StoreError(
                f"{self.path} is a DuckDB database but not a detente one (no schema_info table); "
                "give another --db file"
            )
        row = self._con.execute("SELECT max(version) FROM schema_info").fetchone()
        version = row[0] if row else None
        if version is None:
            raise StoreError(f"{self.path} has no schema version in schema_info; it was not written by detente, give another --db file")
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer detente (schema {version}; this detente {__version__} "
                f"reads up to schema {SCHEMA_VERSION}); upgrade detente: pip install -U detente"
            )
        missing = set(TABLES) - tables
        if missing:
            raise StoreError(f"{self.path} lacks the tables {', '.join(sorted(missing))}; it is damaged, ingest into a new --db file")

    # --- writing -----------------------------------------------------------------------------

    def contains(self, sha256: str) -> bool:
        """Whether an article with this text (by SHA-256) is stored."""
        row = self._con.execute("SELECT 1 FROM documents WHERE sha256 = ? LIMIT 1", [sha256]).fetchone()
        return row is not None

    def write(self, result: Result) -> None:
        """Store one article's records in one transaction, replacing what was stored for the
        same text or the same doc_id."""
        import duckdb

        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; open it for writing to store articles")
        doc = result.document
        digest = result.sha256 or text_sha256(doc.text)
        version = result.version or __version__
        rows = {
            "documents": [doc.to_dict()],
            "mentions": [m.to_dict() for m in result.mentions],
            "events": [e.to_dict() for e in result.events],
            "quotes": [q.to_dict() for q in result.quotes],
        }
        for table, records in rows.items():
            expected = {"type", *fields(table)}
            for record in records:
                if set(record) != expected:
                    raise StoreError(
                        f"a {TABLES[table][0]} record has fields {sorted(set(record) ^ expected)} that the "
                        f"database schema {SCHEMA_VERSION} does not match; upgrade detente's store schema",
                        doc.doc_id,
                    )
        try:
            self._con.begin()
            seq = self._con.execute("SELECT nextval('article_seq')").fetchone()[0]  # type: ignore[index]
            for table in (*_CHILDREN, "documents"):
                self._con.execute(f"DELETE FROM {table} WHERE sha256 = ? OR doc_id = ?", [digest, doc.doc_id])
            for table, records in rows.items():
                if not records:
                    continue
                names = fields(table) + tuple(name for name, _ in BOOKKEEPING)
                columns = ", ".join(f'"{n}"' for n in names)
                marks = ", ".join("?" for _ in names)
                self._con.executemany(
                    f"INSERT INTO {table} ({columns}) VALUES ({marks})",
                    [[r[f] for f in fields(table)] + [digest, version, seq, n] for n, r in enumerate(records, 1)],
                )
            self._con.commit()
        except (duckdb.Error, OverflowError, TypeError, ValueError) as exc:
            self._con.rollback()
            raise StoreError(f"could not store the article ({exc}); nothing of it was written", doc.doc_id) from None

    # --- reading -----------------------------------------------------------------------------

    def _records(self, table: str, lo: int, hi: int) -> list[tuple[int, dict[str, Any]]]:
        kind, _ = TABLES[table]
        names = fields(table)
        columns = ", ".join(f'"{n}"' for n in names)
        cursor = self._con.execute(
            f"SELECT seq, {columns} FROM {table} WHERE seq BETWEEN ? AND ? ORDER BY seq, n", [lo, hi]
        )
        return [(row[0], {"type": kind, **dict(zip(names, row[1:]))}) for row in cursor.fetchall()]

    def records(self) -> Iterator[dict[str, Any]]:
        """Every stored record, article by article in the order they were stored, each article's
        records in the order `extract` writes them."""
        seqs = [row[0] for row in self._con.execute("SELECT seq FROM documents ORDER BY seq").fetchall()]
        for start in range(0, len(seqs), _EXPORT_BATCH):
            batch = seqs[start:start + _EXPORT_BATCH]
            lo, hi = batch[0], batch[-1]
            by_seq: dict[int, list[dict[str, Any]]] = {seq: [] for seq in batch}
            for table in ("documents", *_CHILDREN):
                for seq, record in self._records(table, lo, hi):
                    if seq in by_seq:
                        by_seq[seq].append(record)
            for seq in batch:
                yield from by_seq[seq]

    def export(self, fmt: ExportFormat, path: Path) -> int:
        """Write every record out; returns how many were written."""
        import duckdb

        path = Path(path)
        if fmt == "jsonl":
            path.parent.mkdir(parents=True, exist_ok=True)
            count = 0
            with path.open("w", encoding="utf-8") as out:
                for record in self.records():
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
                    count += 1
            return count
        if fmt == "parquet":
            if path.exists() and not path.is_dir():
                raise StoreError(f"{path} is a file; Parquet export writes a folder, give a folder path")
            path.mkdir(parents=True, exist_ok=True)
            count = 0
            for table in TABLES:
                columns = ", ".join(f'"{n}"' for n in fields(table) + ("sha256", "pipeline_version"))
                target = str(path / f"{table}.parquet").replace("'", "''")
                try:
                    self._con.execute(
                        f"COPY (SELECT {columns} FROM {table} ORDER BY seq, n) TO '{target}' (FORMAT parquet)"
                    )
                except duckdb.Error as exc:
                    raise StoreError(f"could not write {target} ({exc}); check the folder's permissions") from None
                count += self._con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
            return count
        raise StoreError(f"unknown export format {fmt!r}; use jsonl or parquet")

    def summary(self) -> Summary:
        counts = {
            table: self._con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # type: ignore[index]
            for table in TABLES
        }
        # Dyads are between two countries; hypothetical events are not counted (as in analytics).
        rows = self._con.execute(
            """
            SELECT source.country, target.country, count(*) AS n FROM events
            WHERE source.country IS NOT NULL AND target.country IS NOT NULL
              AND source.country <> target.country AND modality <> 'hypothetical'
            GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?
            """,
            [_DYADS],
        ).fetchall()
        return Summary(
            articles=counts["documents"],
            mentions=counts["mentions"],
            events=counts["events"],
            quotes=counts["quotes"],
            dyads=tuple(Dyad(source=s, target=t, events=n) for s, t, n in rows),
            series=dyad_by_year(self._con, rows[0][0], rows[0][1]) if rows else (),
        )
