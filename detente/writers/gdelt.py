"""GDELT 2.0: one event row per folded event (61 tab-separated columns, no header) in FILE and
one mention row per report in FILE.mentions.tsv (``detente.analytics.gdelt``).

From a store (`export`) the stored folded events are written; from `extract` (no store) the
run's events are folded in memory when the output closes, with the same rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from detente.analytics.fold import fold_all
from detente.analytics.gdelt import write_gdelt
from detente.analytics.records import DocRef, FoldedEvent
from detente.errors import OutputFailed
from detente.records import Event
from detente.writers.files import check_writable, replacing
from detente.writers.records import doc_ref, events


class GdeltSink:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._articles: list[tuple[DocRef, list[Event]]] = []  # only when folding in memory
        self._written: tuple[int, int] | None = None

    @classmethod
    def to_path(cls, path: Path) -> GdeltSink:
        if path.is_dir():
            raise OutputFailed(
                f"{path} is a folder; GDELT output is one file (and FILE.mentions.tsv), give a file path"
            )
        check_writable(path)
        return cls(path)

    def write(self, records: Sequence[dict[str, Any]], *, sha256: str = "", version: str = "") -> None:
        found = events(records)
        if found:
            self._articles.append((doc_ref(records, sha256), found))

    def write_folded(self, folded: Iterable[FoldedEvent]) -> None:
        self._written = self._write(folded)

    def _write(self, folded: Iterable[FoldedEvent]) -> tuple[int, int]:
        # Both files through temporary ones, renamed together once both are written.
        with replacing(self.path, companions=(".mentions.tsv",)) as tmp:
            return write_gdelt(folded, tmp)

    def close(self) -> int:
        """Returns the event rows written (the mentions file has one row per report)."""
        if self._written is None:
            folded = sorted(fold_all(self._articles), key=lambda f: (len(f.fold_id), f.fold_id))
            self._written = self._write(folded)
        return self._written[0]

    def discard(self) -> None:
        self._written = (0, 0)  # nothing is written until the end
