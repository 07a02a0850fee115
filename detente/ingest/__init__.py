"""The ingest stage: files, folders, JSONL and standard input become Articles.

Entry point: ``read_inputs(paths, stdin)`` yields an ``Article`` per article, or an
``InputError`` for input that cannot be read (the run goes on).
"""

from __future__ import annotations

from detente.ingest.readers import check_paths, count_inputs, read_inputs

__all__ = ["check_paths", "count_inputs", "read_inputs"]
