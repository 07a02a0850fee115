"""What a writer is: a name, the extensions that select it, and how to open a sink on a path."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol


class Sink(Protocol):
    """An open output. ``write`` takes one article's records in `extract`'s order."""

    def write(self, records: Sequence[dict[str, Any]], *, sha256: str, version: str) -> None: ...

    def close(self) -> int:
        """Finish the output (a file is renamed into place only now); returns how many records
        were written."""
        ...

    def discard(self) -> None:
        """The run failed: leave the target as it was (remove the temporary files)."""
        ...


@dataclass(frozen=True, slots=True, kw_only=True)
class Writer:
    name: str
    extensions: tuple[str, ...]  # lower case, with the dot
    folder: bool  # the output path is a folder of files rather than one file
    open: Callable[[Path], Sink]
    description: str
    # The sink has write_folded(folded events), called after the articles by `export`.
    takes_folded: bool = False
    # Its output is folded events only: given a store's folded events it needs no articles.
    folded_only: bool = False
