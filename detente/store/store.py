"""The store: records in a DuckDB file, one transaction per article.

An article is identified by the SHA-256 of its text. Writing an article replaces whatever was
stored for it before (same text, or same doc_id), so re-ingesting never duplicates and
``--reprocess`` recodes in place. Reading gives back exactly the records ``extract`` writes.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from detente import __version__
from detente.errors import StoreError, StoreFailed
from detente.ingest.identity import sha256 as text_sha256
from detente.records import Result
from detente.store import bulk, migrations
from detente.store.migrations import SCHEMA_VERSION
from detente.store.schema import BOOKKEEPING, Table, tables

_EXPORT_BATCH = 1000  # documents per read query: bounded memory on large databases
_DYADS = 5


@dataclass(frozen=True, slots=True, kw_only=True)
class Hooks:
    """What the caller runs inside the store's transactions: the store does not know analytics
    (``detente.analytics.fold_sql.STORE_HOOKS`` folds events), so a killed ingest leaves no
    article without its folding."""

    # (connection, doc_ids, new=...), before the articles commit, in their order; new: nothing
    # was stored under those ids or texts before (nothing to undo).
    after_write: Callable[..., object] | None = None
    after_upgrade: Callable[[Any], object] | None = None  # (connection), when a migration asks for a refold


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
    dyads: tuple[Dyad, ...]  # the busiest pairs of countries, source to target


@dataclass(frozen=True, slots=True, kw_only=True)
class StoredArticle:
    """One stored article's records, in the order `extract` writes them."""

    records: tuple[dict[str, Any], ...]
    sha256: str
    version: str  # the detente that coded it


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def _is_disk_failure(exc: Exception) -> bool:
    """The file system refused a write (full, read-only, quota): every next article would fail too."""
    import duckdb

    text = str(exc).lower()
    return isinstance(exc, (duckdb.IOException, duckdb.FatalException)) or any(
        words in text for words in ("no space left", "could not write file", "read-only file system", "quota")
    )


def is_corruption(exc: Exception) -> bool:
    """DuckDB found a damaged block (its checksums on read) or a truncated file."""
    text = str(exc).lower()
    return any(
        words in text
        for words in (
            "checksum",
            "corrupt",
            "could not read enough bytes",
            "failed to read",
            "invalid block",
            "truncated",
        )
    )


def corruption_error(path: Path, exc: Exception) -> StoreError:
    return StoreError(
        f"{path} is damaged ({_first_line(exc)}); restore it from a copy, or ingest the articles again into a new --db file"
    )


def _store_error(exc: Exception, path: Path) -> StoreError:
    text = str(exc)
    if is_corruption(exc):  # before the lock test: "block" holds "lock"
        return corruption_error(path, exc)
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

    def __init__(self, connection: Any, path: Path, read_only: bool, hooks: Hooks | None = None) -> None:
        self._con = connection
        self.path = path
        self.read_only = read_only
        self.hooks = hooks or Hooks()
        self.upgraded_from: int | None = None  # the schema version an older database was at

    @classmethod
    @contextmanager
    def open(cls, path: Path, read_only: bool = False, hooks: Hooks | None = None) -> Iterator[Store]:
        """Open (or create) a database. `hooks`: what runs inside its transactions (folding)."""
        import duckdb

        path = Path(path)
        if read_only and not path.exists():
            raise StoreError(f"no database at {path}; create one with `detente ingest PATH --db {path}`")
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            # Writing is a stream of small transactions: DuckDB's thread pool only spins on them
            # (a third more CPU for an ingest) and takes cores from the workers that parse; and its
            # buffer keeps what it wrote, so without a limit an ingest's memory grows with the store.
            writing: dict[str, str | bool | int | float | list[str]] = {"threads": 1, "memory_limit": "64MB"}
            con = duckdb.connect(str(path), read_only=read_only, config={} if read_only else writing)
        except duckdb.Error as exc:
            raise _store_error(exc, path) from None
        try:
            store = cls(con, path, read_only, hooks)
            store._prepare()
            yield store
        except duckdb.Error as exc:
            # A damaged block met by any query of the caller's (DuckDB checks each block it reads).
            if is_corruption(exc):
                raise corruption_error(path, exc) from None
            raise
        finally:
            with contextlib.suppress(
                duckdb.Error
            ):  # closing after a failed write: the error that stopped us is the one reported
                con.close()

    @property
    def connection(self) -> Any:
        """The DuckDB connection, for queries over the tables (analytics, the Python API)."""
        return self._con

    def _prepare(self) -> None:
        import duckdb

        names = {
            row[0]
            for row in self._con.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        }
        if not names:
            if self.read_only:
                raise StoreError(
                    f"{self.path} is an empty database; store articles with `detente ingest PATH --db {self.path}`"
                )
            self._transaction(lambda: migrations.create(self._con, __version__), "create the tables in")
            return
        if "schema_info" not in names:
            raise StoreError(
                f"{self.path} is a DuckDB database but not a detente one (no schema_info table); give another --db file"
            )
        try:
            row = self._con.execute("SELECT max(version) FROM schema_info").fetchone()
        except duckdb.Error:
            row = None
        version = row[0] if row else None
        if version is None:
            raise StoreError(
                f"{self.path} has no schema version in schema_info; it was not written by detente, give another --db file"
            )
        if version > SCHEMA_VERSION:
            raise StoreError(
                f"{self.path} was written by a newer detente (schema {version}; this detente {__version__} "
                f"reads up to schema {SCHEMA_VERSION}); upgrade detente: pip install -U detente"
            )
        missing = {t.name for t in tables()} - names
        if missing:
            raise StoreError(
                f"{self.path} lacks the tables {', '.join(sorted(missing))}; it is damaged, ingest into a new --db file"
            )
        self._verify(names)
        if version < SCHEMA_VERSION:
            if self.read_only:
                raise StoreError(
                    f"{self.path} was written by an older detente (schema {version}, now {SCHEMA_VERSION}); "
                    f"upgrade it once with `detente migrate --db {self.path}`"
                )
            self._transaction(lambda: self._upgrade(version), "upgrade")
            self.upgraded_from = version

    def _verify(self, names: Iterable[str]) -> None:
        """Read every block of every table once, so that DuckDB's checksums catch a damaged or
        truncated file now, whichever command opened it (a count alone reads no data blocks)."""
        import duckdb

        try:
            for name in sorted(names):
                self._con.execute(f'SELECT count(*), bit_xor(hash(COLUMNS(*))) FROM "{name}"').fetchall()
        except duckdb.Error as exc:
            if is_corruption(exc):
                raise corruption_error(self.path, exc) from None
            raise

    def _upgrade(self, version: int) -> None:
        steps = migrations.upgrade(self._con, version, __version__)
        after = self.hooks.after_upgrade
        if after is not None and any(step.refold for step in steps):
            after(self._con)

    def _transaction(self, work: Any, what: str) -> None:
        import duckdb

        try:
            self._con.begin()
            work()
            self._con.commit()
        except duckdb.Error as exc:
            self._con.rollback()
            raise StoreError(f"cannot {what} {self.path} ({exc}); check the file's permissions") from None

    @property
    def version(self) -> int:
        row = self._con.execute("SELECT max(version) FROM schema_info").fetchone()
        return int(row[0]) if row else 0

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
        by_type: dict[str, list[dict[str, Any]]] = {t.record: [] for t in tables()}
        for record in result.records():
            by_type[record["type"]].append(record)
        for t in tables():
            expected = {"type", *t.fields}
            for record in by_type[t.record]:
                if set(record) != expected:
                    raise StoreError(
                        f"a {t.record} record has fields {sorted(set(record) ^ expected)} that the "
                        f"database schema {SCHEMA_VERSION} does not match; upgrade detente's store schema",
                        doc.doc_id,
                    )
        try:
            self._con.begin()
            seq = self._con.execute("SELECT nextval('article_seq')").fetchone()[0]
            # The same text stored under another id is replaced: its folding is undone too.
            others = [
                row[0]
                for row in self._con.execute(
                    "SELECT DISTINCT doc_id FROM documents WHERE sha256 = ? AND doc_id <> ?", [digest, doc.doc_id]
                ).fetchall()
            ]
            # Every id of the text is kept: the others as aliases of the stored one (said, not silent).
            self._con.execute("DELETE FROM aliases WHERE doc_id = ?", [doc.doc_id])
            for other in others:
                self._con.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?)", [other, digest])
            for t in reversed(tables()):  # children first, the document last
                self._con.execute(f"DELETE FROM {t.name} WHERE sha256 = ? OR doc_id = ?", [digest, doc.doc_id])
            for t in tables():
                rows = by_type[t.record]
                if not rows:
                    continue
                names = t.fields + tuple(c.name for c in BOOKKEEPING)
                columns = ", ".join(f'"{n}"' for n in names)
                marks = ", ".join("?" for _ in names)
                self._con.executemany(
                    f"INSERT INTO {t.name} ({columns}) VALUES ({marks})",
                    [[r[f] for f in t.fields] + [digest, version, seq, n] for n, r in enumerate(rows, 1)],
                )
            if self.hooks.after_write is not None:
                self.hooks.after_write(self._con, [*others, doc.doc_id], new=False)
            self._con.commit()
            for other in others:
                logging.getLogger("detente").warning("%s: same text as doc %s: stored once", doc.doc_id, other)
        except duckdb.Error as exc:
            self._rollback()
            if _is_disk_failure(exc):
                raise StoreFailed(
                    f"cannot write {self.path} ({_first_line(exc)}); the database is consistent: the articles "
                    "stored before this one are complete and this one was not stored; free some space "
                    "(or give another --db) and run ingest again to store the rest",
                    doc.doc_id,
                ) from None
            raise StoreError(f"could not store the article ({exc}); nothing of it was written", doc.doc_id) from None
        except (OverflowError, TypeError, ValueError) as exc:
            self._rollback()
            raise StoreError(f"could not store the article ({exc}); nothing of it was written", doc.doc_id) from None
        except BaseException:
            self._rollback()  # an interrupt or a hook's bug: the article and its folding go together
            raise

    def write_many(self, results: Sequence[Result]) -> None:
        """Store several articles in one transaction (bulk inserts), as ``write`` would one by
        one: all of them, or on an error none (then ``write`` each to find the bad one)."""
        self.write_batches(
            [
                bulk.batch(
                    r.records(),
                    doc_id=r.document.doc_id,
                    sha256=r.sha256 or text_sha256(r.document.text),
                    version=r.version or __version__,
                )
                for r in results
            ]
        )

    def write_batches(self, articles: Sequence[bulk.Batch]) -> None:
        """Store articles' records (from results, or read back from Parquet shards) in one
        transaction."""
        import duckdb

        if self.read_only:
            raise StoreError(f"{self.path} is open read-only; open it for writing to store articles")
        for a in articles:
            for t in tables():
                expected = {"type", *t.fields}
                for record in a.rows[t.record]:
                    if set(record) != expected:
                        raise StoreError(
                            f"a {t.record} record has fields {sorted(set(record) ^ expected)} that the "
                            f"database schema {SCHEMA_VERSION} does not match; upgrade detente's store schema",
                            a.doc_id,
                        )
        try:
            self._con.begin()
            replaced = bulk.insert(self._con, articles, self.hooks.after_write)  # folding, in the same transaction
            self._con.commit()
        except duckdb.Error as exc:
            self._rollback()
            if _is_disk_failure(exc):
                raise StoreFailed(
                    f"cannot write {self.path} ({_first_line(exc)}); the database is consistent: the articles "
                    "stored before these are complete and these were not stored; free some space "
                    "(or give another --db) and run ingest again to store the rest"
                ) from None
            raise StoreError(f"could not store {len(articles)} articles ({exc}); none of them was written") from None
        except (OverflowError, TypeError, ValueError) as exc:
            self._rollback()
            raise StoreError(f"could not store {len(articles)} articles ({exc}); none of them was written") from None
        except BaseException:
            self._rollback()  # an interrupt or a hook's bug: the articles and their folding go together
            raise
        stored = {a.sha256: a.doc_id for a in articles}
        for other, digest in replaced:
            logging.getLogger("detente").warning("%s: same text as doc %s: stored once", stored.get(digest, "?"), other)

    def hashes(self) -> set[str]:
        """The SHA-256 of every stored article (read once by a run that skips them)."""
        return {row[0] for row in self._con.execute("SELECT sha256 FROM documents").fetchall()}

    def _rollback(self) -> None:
        import duckdb

        with contextlib.suppress(duckdb.Error):  # a failed commit has already ended the transaction (and undone it)
            self._con.rollback()

    def add_alias(self, doc_id: str, sha256: str) -> str | None:
        """Record `doc_id` as another id of the stored text `sha256`; returns the id the text is
        stored under, or None when `doc_id` is that id (or the text is not stored)."""
        import duckdb

        row = self._con.execute("SELECT doc_id FROM documents WHERE sha256 = ? LIMIT 1", [sha256]).fetchone()
        if row is None or row[0] == doc_id:
            return None
        try:
            self._con.begin()
            self._con.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?)", [doc_id, sha256])
            if self.hooks.after_write is not None:
                self.hooks.after_write(self._con, [str(row[0])], new=False)  # its events now count one more article
            self._con.commit()
        except duckdb.Error as exc:
            self._rollback()
            if _is_disk_failure(exc):
                raise StoreFailed(
                    f"cannot write {self.path} ({_first_line(exc)}); free some space and run again"
                ) from None
            raise StoreError(f"could not record the alias ({_first_line(exc)})", doc_id) from None
        return str(row[0])

    def resolve(self, doc_id: str) -> str:
        """The id a document is stored under: `doc_id` itself, or the stored id of its alias."""
        row = self._con.execute(
            "SELECT d.doc_id FROM aliases a JOIN documents d USING (sha256) WHERE a.doc_id = ? LIMIT 1", [doc_id]
        ).fetchone()
        return str(row[0]) if row else doc_id

    def aliases(self, doc_id: str) -> tuple[str, ...]:
        """The other ids of a stored document's text, sorted."""
        rows = self._con.execute(
            "SELECT a.doc_id FROM aliases a JOIN documents d USING (sha256) WHERE d.doc_id = ? ORDER BY 1", [doc_id]
        ).fetchall()
        return tuple(r[0] for r in rows)

    # --- reading -----------------------------------------------------------------------------

    def _rows(self, t: Table, lo: int, hi: int) -> list[tuple[int, str, str, dict[str, Any]]]:
        columns = ", ".join(f'"{n}"' for n in t.fields)
        cursor = self._con.execute(
            f"SELECT seq, sha256, pipeline_version, {columns} FROM {t.name} WHERE seq BETWEEN ? AND ? ORDER BY seq, n",
            [lo, hi],
        )
        return [
            (row[0], row[1], row[2], {"type": t.record, **dict(zip(t.fields, row[3:], strict=True))})
            for row in cursor.fetchall()
        ]

    def articles(self) -> Iterator[StoredArticle]:
        """Every stored article in the order they were stored."""
        seqs = [row[0] for row in self._con.execute("SELECT seq FROM documents ORDER BY seq").fetchall()]
        for start in range(0, len(seqs), _EXPORT_BATCH):
            batch = seqs[start : start + _EXPORT_BATCH]
            by_seq: dict[int, list[dict[str, Any]]] = {seq: [] for seq in batch}
            meta: dict[int, tuple[str, str]] = {}
            for t in tables():
                for seq, digest, version, record in self._rows(t, batch[0], batch[-1]):
                    if seq in by_seq:
                        by_seq[seq].append(record)
                        meta.setdefault(seq, (digest, version))
            for seq in batch:
                digest, version = meta[seq]
                yield StoredArticle(records=tuple(by_seq[seq]), sha256=digest, version=version)

    def records(self) -> Iterator[dict[str, Any]]:
        """Every stored record, article by article, each article's records in `extract`'s order."""
        for article in self.articles():
            yield from article.records

    def export(self, fmt: str | None, path: Path, folded: Iterable[Any] | None = None) -> int:
        """Write every record out with a writer of the registry; returns how many were written.
        `folded`: the folded events (``fold_sql.load_folded``), for the writers that take them
        (after the articles' records; a writer of folded events only takes nothing else)."""
        from detente.writers import resolve

        writer = resolve(fmt, Path(path))
        sink = writer.open(Path(path))
        try:
            if not (writer.folded_only and folded is not None):
                for article in self.articles():
                    sink.write(article.records, sha256=article.sha256, version=article.version)
            if folded is not None and writer.takes_folded:
                sink.write_folded(folded)  # type: ignore[attr-defined]
        except BaseException:
            sink.discard()  # nothing half-written: the target keeps what it had
            raise
        return sink.close()

    def counts(self) -> dict[str, int]:
        return {t.name: self._con.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0] for t in tables()}

    def summary(self, dyads: int = _DYADS) -> Summary:
        counts = self.counts()
        # Dyads are between two countries; hypothetical events are not counted (as in analytics).
        rows = self._con.execute(
            """
            SELECT source.country, target.country, count(*) AS n FROM events
            WHERE source.country IS NOT NULL AND target.country IS NOT NULL
              AND source.country <> target.country AND modality <> 'hypothetical'
            GROUP BY 1, 2 ORDER BY n DESC, 1, 2 LIMIT ?
            """,
            [dyads],
        ).fetchall()
        return Summary(
            articles=counts["documents"],
            mentions=counts["mentions"],
            events=counts["events"],
            quotes=counts["quotes"],
            dyads=tuple(Dyad(source=s, target=t, events=n) for s, t, n in rows),
        )

    def sql(self, query: str, params: Sequence[Any] = ()) -> Any:
        """Run a query; returns DuckDB's relation result (``.df()``, ``.arrow()``, ``.fetchall()``)."""
        import duckdb

        try:
            return self._con.execute(query, list(params))
        except duckdb.Error as exc:
            raise StoreError(
                f"the query failed ({str(exc).splitlines()[0]}); check it against the tables documents, mentions, events, quotes"
            ) from None
