"""An article's records (as `extract` writes them) back into what the analytics rows need."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from detente.analytics import rows
from detente.analytics.records import DocRef
from detente.records import Event


def document(records: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The article's document record (every article's records start with one)."""
    for record in records:
        if record["type"] == "document":
            return record
    raise ValueError("an article's records have no document record")


def doc_ref(records: Sequence[dict[str, Any]], sha256: str) -> DocRef:
    return rows.doc_ref({**document(records), "sha256": sha256})


def events(records: Sequence[dict[str, Any]]) -> list[Event]:
    return [rows.event(r) for r in records if r["type"] == "event"]


def event_rows(records: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each event record with its article's fields, as ``gdelt.flat_row`` reads a stored row."""
    doc = document(records)
    extra = {"outlet": doc["source"], "url": doc["url"], "published": doc["published"], "doc_text": doc["text"]}
    return [{**r, **extra} for r in records if r["type"] == "event"]
