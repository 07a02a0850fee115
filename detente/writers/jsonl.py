"""JSON Lines: the contract's records, one per line, exactly as `extract` writes them."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from detente.writers.files import OutputFile

if TYPE_CHECKING:
    from detente.analytics.records import FoldedEvent


class JsonlSink:
    def __init__(self, out: OutputFile) -> None:
        self._out = out
        self.count = 0

    @classmethod
    def to_path(cls, path: Path) -> JsonlSink:
        return cls(OutputFile.open(path, what="JSON Lines"))

    @classmethod
    def to_stream(cls, stream: TextIO) -> JsonlSink:
        """Standard output (flushed, not closed, at the end)."""
        return cls(OutputFile(Path("-"), stream, tmp=None, owned=False))

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
        self._out.commit()
        return self.count

    def discard(self) -> None:
        """The run failed: the target file is left as it was."""
        self._out.discard()
