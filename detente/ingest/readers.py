"""Placeholder readers (JSONL and plain text) until the ingest stage lands."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from detente.errors import InputError
from detente.records import Article


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_inputs(paths: Sequence[str], stdin: TextIO | None = None) -> Iterator[Article | InputError]:
    for raw in paths:
        root = Path(raw)
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            base = root if root.is_dir() else root.parent
            doc_id = str(path.relative_to(base).with_suffix(""))
            if path.suffix == ".jsonl":
                for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if not line.strip():
                        continue
                    obj = json.loads(line)
                    pub = obj.get("published")
                    yield Article(
                        doc_id=obj["id"], text=obj["text"], title=obj.get("title"),
                        source=obj.get("source"), url=obj.get("url"),
                        published=date.fromisoformat(pub) if pub else None,
                        origin=f"{path}:{n}", sha256=_sha(obj["text"]),
                    )
            else:
                text = path.read_text(encoding="utf-8")
                yield Article(doc_id=doc_id, text=text, origin=str(path), sha256=_sha(text))
