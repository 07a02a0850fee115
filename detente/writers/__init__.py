"""Output formats: one registry of writers, used by `extract -o`, `export` and the Python API.

A writer opens a sink on a path; the sink takes one article's records at a time (with the
article's identity and the detente that coded it) and says on close how many records it wrote.
Adding a format is one more entry in ``_WRITERS``.

Which writer: ``resolve(fmt, path)``: the format given wins, else the output's extension decides,
else a one-line error naming the formats (never JSON written into a ``.csv``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import TextIO

from detente.errors import OutputError
from detente.writers.base import Sink, Writer
from detente.writers.gdelt import GdeltSink
from detente.writers.jsonl import JsonlSink
from detente.writers.parquet import ParquetSink
from detente.writers.spreadsheet import CsvSink

_WRITERS: tuple[Writer, ...] = (
    Writer(
        name="jsonl",
        extensions=(".jsonl", ".ndjson"),
        folder=False,
        open=JsonlSink.to_path,
        description="JSON Lines: one contract record per line, articles in input order (then folded events)",
        takes_folded=True,
    ),
    Writer(
        name="parquet",
        extensions=(".parquet",),
        folder=True,
        open=ParquetSink.to_folder,
        description="a folder with one Parquet file per record type (documents, mentions, events, quotes, folded_events)",
        takes_folded=True,
    ),
    Writer(
        name="csv",
        extensions=(".csv",),
        folder=False,
        open=CsvSink.to_path,
        description="CSV: one spreadsheet row per event report (actors flattened, dates, evidence, fold_id)",
    ),
    Writer(
        name="gdelt",
        extensions=(),
        folder=False,
        open=GdeltSink.to_path,
        description="GDELT 2.0 event rows (61 columns, tab-separated) per folded event, and FILE.mentions.tsv",
        takes_folded=True,
        folded_only=True,
    ),
)


def writers() -> Mapping[str, Writer]:
    """Every writer by name."""
    return MappingProxyType({w.name: w for w in _WRITERS})


def names() -> tuple[str, ...]:
    return tuple(w.name for w in _WRITERS)


def resolve(fmt: str | None, path: Path | None) -> Writer:
    """The writer for an output: `fmt` when given, else by `path`'s extension."""
    known = writers()
    formats = ", ".join(names())
    if fmt is not None:
        if fmt not in known:
            raise OutputError(f"unknown output format {fmt!r}; use one of {formats}")
        return known[fmt]
    if path is None:
        return known["jsonl"]  # standard output
    suffix = path.suffix.lower()
    for writer in _WRITERS:
        if suffix in writer.extensions:
            return writer
    shown = f"extension {suffix!r}" if suffix else "no extension"
    raise OutputError(
        f"cannot tell the output format of {path} ({shown}); give --format ({formats}) or a known extension"
    )


def open_stream(stream: TextIO) -> Sink:
    """JSON Lines to an open text stream (standard output)."""
    return JsonlSink.to_stream(stream)


__all__ = ["Sink", "Writer", "names", "open_stream", "resolve", "writers"]
