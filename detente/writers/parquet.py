"""Parquet: a folder with one file per record type (documents, mentions, events, quotes), the
columns of the store's tables plus each article's sha256 and pipeline_version."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from detente.errors import OutputError
from detente.store.schema import ColumnType, Table, tables

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
    fields += [pa.field("sha256", pa.string(), nullable=False), pa.field("pipeline_version", pa.string(), nullable=False)]
    return pa.schema(fields)


class ParquetSink:
    def __init__(self, folder: Path) -> None:
        import pyarrow.parquet as pq

        self._tables = {t.record: t for t in tables()}
        self._schemas = {t.record: arrow_schema(t) for t in tables()}
        self._rows: dict[str, list[dict[str, Any]]] = {name: [] for name in self._tables}
        self._files = {
            name: pq.ParquetWriter(str(folder / f"{t.name}.parquet"), self._schemas[name])
            for name, t in self._tables.items()
        }
        self.count = 0

    @classmethod
    def to_folder(cls, path: Path) -> ParquetSink:
        if path.exists() and not path.is_dir():
            raise OutputError(f"{path} is a file; Parquet output is a folder (one file per record type), give a folder path")
        try:
            path.mkdir(parents=True, exist_ok=True)
            return cls(path)
        except OSError as exc:
            raise OutputError(f"cannot write Parquet files in {path} ({exc.strerror or exc}); check its permissions") from None

    def write(self, records: Sequence[dict[str, Any]], *, sha256: str, version: str) -> None:
        for record in records:
            kind = record["type"]
            row = {k: v for k, v in record.items() if k != "type"}
            row["sha256"], row["pipeline_version"] = sha256, version
            self._rows[kind].append(row)
            if len(self._rows[kind]) >= _ROWS_PER_GROUP:
                self._flush(kind)
        self.count += len(records)

    def _flush(self, kind: str) -> None:
        import pyarrow as pa

        if self._rows[kind]:
            self._files[kind].write_table(pa.Table.from_pylist(self._rows[kind], schema=self._schemas[kind]))
            self._rows[kind] = []

    def close(self) -> int:
        try:
            for kind in self._files:
                self._flush(kind)
        finally:
            for f in self._files.values():
                f.close()
        return self.count
