"""Parquet: a folder with one file per record type (documents, mentions, events, quotes), the
columns of the store's tables plus each article's sha256 and pipeline_version. The events file
adds typed dates (``date_earliest``/``date_latest``, date32) and the ``evidence`` sentence; an
export from a store adds ``folded_events.parquet`` (one row per folded event, its reports' ids)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from detente.analytics.fold import dyad_key
from detente.errors import OutputFailed
from detente.store.schema import FOLDED_EVENTS, ColumnType, Table, tables
from detente.writers.files import failure, new_temporary, remove_quietly

if TYPE_CHECKING:
    from detente.analytics.records import FoldedEvent

_ROWS_PER_GROUP = 10_000  # rows buffered per table before a row group is written


def _arrow_type(kind: ColumnType) -> Any:
    import pyarrow as pa

    if isinstance(kind, str):
        return {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64()}[kind]
    if kind[0] == "list":
        return pa.list_(_arrow_type(kind[1]))
    return pa.struct([(name, _arrow_type(inner)) for name, inner in kind[1]])


def arrow_schema(t: Table) -> Any:
    import pyarrow as pa

    fields = [pa.field(c.name, _arrow_type(c.kind), nullable=not c.required) for c in t.columns]
    fields += [
        pa.field("sha256", pa.string(), nullable=False),
        pa.field("pipeline_version", pa.string(), nullable=False),
    ]
    if t.record == "event":
        fields += [
            pa.field("date_earliest", pa.date32()),
            pa.field("date_latest", pa.date32()),
            pa.field("evidence", pa.string()),
        ]
    return pa.schema(fields)


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def folded_schema() -> Any:
    import pyarrow as pa

    fields = [
        pa.field(c.name, _arrow_type(c.kind), nullable=not c.required)
        for c in FOLDED_EVENTS
        if c.name not in ("first_report", "last_report", "symmetric")
    ]
    fields += [
        pa.field("symmetric", pa.bool_()),
        pa.field("first_report", pa.date32()),
        pa.field("last_report", pa.date32()),
        pa.field("date_earliest", pa.date32()),
        pa.field("date_latest", pa.date32()),
    ]
    return pa.schema(fields)


def folded_row(f: FoldedEvent) -> dict[str, Any]:
    """A folded event as a row of ``folded_schema``: its columns in the store, with typed dates."""
    d = f.to_dict()
    return {
        "fold_id": f.fold_id,
        "dyad": dyad_key(f),
        "source": d["source"],
        "target": d["target"],
        "cameo": f.cameo,
        "cameo_root": f.cameo_root,
        "plover": f.plover,
        "goldstein": f.goldstein,
        "quad_class": f.quad_class,
        "modality": f.modality,
        "date": d["date"],
        "num_mentions": f.num_mentions,
        "num_sources": f.num_sources,
        "num_articles": f.num_articles,
        "location": d["location"],
        "contexts": list(f.contexts),
        "tone": f.tone,
        "evidence": f.evidence,
        "source_url": next((r.doc.url for r in f.reports if r.doc.url), None),
        "event_ids": [r.event.event_id for r in f.reports],
        "doc_ids": sorted({r.doc.doc_id for r in f.reports}),
        "symmetric": f.symmetric,
        "first_report": f.first_report,
        "last_report": f.last_report,
        "date_earliest": f.date.earliest,
        "date_latest": f.date.latest,
    }


class ParquetSink:
    """Each file is written under a temporary name in the folder and renamed on ``close``: a run
    that fails leaves the folder's earlier files as they were."""

    def __init__(self, folder: Path) -> None:
        import pyarrow.parquet as pq

        self.folder = folder
        self._tables = {t.record: t for t in tables()}
        self._schemas = {t.record: arrow_schema(t) for t in tables()}
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in self._tables}
        self._pending: list[tuple[Path, Path]] = []  # (temporary, final) paths
        self._files: dict[str, Any] = {}
        try:
            for name, t in self._tables.items():
                self._files[name] = pq.ParquetWriter(str(self._temporary(f"{t.name}.parquet")), self._schemas[name])
        except OSError as exc:
            self.discard()
            raise failure(folder, exc) from None
        except OutputFailed:
            self.discard()
            raise
        self.count = 0

    def _temporary(self, name: str) -> Path:
        final = self.folder / name
        tmp = new_temporary(final)
        self._pending.append((tmp, final))
        return tmp

    @classmethod
    def to_folder(cls, path: Path) -> ParquetSink:
        if path.exists() and not path.is_dir():
            raise OutputFailed(
                f"{path} is a file; Parquet output is a folder (one file per record type), give a folder path"
            )
        try:
            path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise OutputFailed(
                f"cannot create the folder {path} ({exc.strerror or exc}); check the path and its permissions"
            ) from None
        return cls(path)

    def write(self, records: Sequence[dict[str, Any]], *, sha256: str, version: str) -> None:
        try:
            self._write(records, sha256=sha256, version=version)
        except OSError as exc:
            self.discard()
            raise failure(self.folder, exc) from None

    def _write(self, records: Sequence[dict[str, Any]], *, sha256: str, version: str) -> None:
        text = next((r["text"] for r in records if r["type"] == "document"), "")
        for record in records:
            kind = record["type"]
            row = {k: v for k, v in record.items() if k != "type"}
            row["sha256"], row["pipeline_version"] = sha256, version
            if kind == "event":
                row["date_earliest"] = _day(record["date"]["earliest"])
                row["date_latest"] = _day(record["date"]["latest"])
                row["evidence"] = text[record["span"][0] : record["span"][1]]
            self._rows[kind].append(row)
            if len(self._rows[kind]) >= _ROWS_PER_GROUP:
                self._flush(kind)
        self.count += len(records)

    def _flush(self, kind: str) -> None:
        import pyarrow as pa

        if self._rows[kind]:
            self._files[kind].write_table(pa.Table.from_pylist(self._rows[kind], schema=self._schemas[kind]))
            self._rows[kind] = []

    def write_folded(self, folded: Iterable[FoldedEvent]) -> None:
        schema = folded_schema()
        try:
            self._write_folded(folded, schema)
        except OSError as exc:
            self.discard()
            raise failure(self.folder, exc) from None

    def _write_folded(self, folded: Iterable[FoldedEvent], schema: Any) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        with pq.ParquetWriter(str(self._temporary("folded_events.parquet")), schema) as out:
            batch: list[dict[str, Any]] = []
            for f in folded:
                batch.append(folded_row(f))
                self.count += 1
                if len(batch) >= _ROWS_PER_GROUP:
                    out.write_table(pa.Table.from_pylist(batch, schema=schema))
                    batch = []
            out.write_table(pa.Table.from_pylist(batch, schema=schema))

    def close(self) -> int:
        import os

        try:
            try:
                for kind in self._files:
                    self._flush(kind)
            finally:
                for f in self._files.values():
                    f.close()
            for tmp, final in self._pending:
                os.replace(tmp, final)
        except OSError as exc:
            self.discard()
            raise failure(self.folder, exc) from None
        self._pending = []
        return self.count

    def discard(self) -> None:
        """The run failed: remove the temporary files; the folder keeps what it had."""
        for f in self._files.values():
            with contextlib.suppress(OSError):  # the error that made us discard is the one reported
                f.close()
        self._files = {}
        for tmp, _ in self._pending:
            remove_quietly(tmp)
        self._pending = []
