"""JSON Lines: the contract's records, one per line, exactly as `extract` writes them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from detente.errors import OutputError

if TYPE_CHECKING:
    from detente.analytics.records import FoldedEvent


class JsonlSink:
    def __init__(self, stream: TextIO, *, owned: bool) -> None:
        self._out = stream
        self._owned = owned  # a file we opened is closed; standard output is not
        self.count = 0

    @classmethod
    def to_path(cls, path: Path) -> JsonlSink:
        if path.is_dir():
            raise OutputError(f"{path} is a folder; JSON Lines output is one file, give a file path")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            return cls(path.open("w", encoding="utf-8"), owned=True)
        except OSError as exc:
            raise OutputError(f"cannot write {path} ({exc.strerror or exc}); check the folder and its permissions") from None

    def write(self, records: Sequence[dict[str, Any]], *, sha256: str = "", version: str = "") -> None:
        for record in records:
            self._out.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.count += len(records)

    def write_folded(self, folded: Iterable[FoldedEvent]) -> None:
        """Folded event records (``"type": "folded_event"``), after the articles' records."""
        for f in folded:
            self._out.write(json.dumps(f.to_dict(), ensure_ascii=False) + "\n")
            self.count += 1

    def close(self) -> int:
        if self._owned:
            self._out.close()
        else:
            self._out.flush()
        return self.count
