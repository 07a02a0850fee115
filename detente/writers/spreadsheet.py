"""CSV: one flat, spreadsheet-ready row per event report (``gdelt.CSV_COLUMNS``): actor fields
flattened, dates as ISO days, the evidence sentence as text, the folded event's id."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from detente.analytics.gdelt import CSV_COLUMNS, flat_row
from detente.errors import OutputError
from detente.writers.records import event_rows


class CsvSink:
    def __init__(self, stream: TextIO) -> None:
        self._out = stream
        self._csv = csv.DictWriter(stream, fieldnames=list(CSV_COLUMNS))
        self._csv.writeheader()
        self.count = 0

    @classmethod
    def to_path(cls, path: Path) -> CsvSink:
        if path.is_dir():
            raise OutputError(f"{path} is a folder; CSV output is one file, give a file path")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(path.open("w", encoding="utf-8", newline=""))
        except OSError as exc:
            raise OutputError(f"cannot write {path} ({exc.strerror or exc}); check the folder and its permissions") from None

    def write(self, records: Sequence[dict[str, Any]], *, sha256: str = "", version: str = "") -> None:
        for row in event_rows(records):
            self._csv.writerow({k: ("" if v is None else v) for k, v in flat_row(row).items()})
            self.count += 1

    def close(self) -> int:
        self._out.close()
        return self.count
