"""CSV: one flat, spreadsheet-ready row per event report (``gdelt.CSV_COLUMNS``): actor fields
flattened, dates as ISO days, the evidence sentence as text, the folded event's id."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from detente.analytics.gdelt import CSV_COLUMNS, flat_row
from detente.writers.files import OutputFile
from detente.writers.records import event_rows


class CsvSink:
    def __init__(self, out: OutputFile) -> None:
        self._out = out
        self._csv = csv.DictWriter(out, fieldnames=list(CSV_COLUMNS))  # calls out.write
        self._csv.writeheader()
        self.count = 0

    @classmethod
    def to_path(cls, path: Path) -> CsvSink:
        return cls(OutputFile.open(path, what="CSV", newline=""))

    def write(self, records: Sequence[dict[str, Any]], *, sha256: str = "", version: str = "") -> None:
        for row in event_rows(records):
            self._csv.writerow({k: ("" if v is None else v) for k, v in flat_row(row).items()})
            self.count += 1

    def close(self) -> int:
        self._out.commit()
        return self.count

    def discard(self) -> None:
        self._out.discard()
