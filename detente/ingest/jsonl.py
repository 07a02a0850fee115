"""JSON Lines input: one article per line, `text` taken verbatim (offsets refer to it exactly)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date

from detente.errors import InputError
from detente.records import Article
from detente.ingest.dateline import find_dateline
from detente.ingest.identity import sha256

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_OPTIONAL = ("title", "source", "url")


def parse_line(line: str, origin: str) -> Article | InputError:
    """One JSONL line as an Article, or the InputError saying what is wrong with it."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(f"{origin}: not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line")
    if not isinstance(obj, dict):
        return InputError(f"{origin}: a line must be a JSON object with \"id\" and \"text\"")
    doc_id = obj.get("id")
    if not isinstance(doc_id, str) or not doc_id.strip():
        return InputError(f"{origin}: no \"id\" (a non-empty string); add one to the line")
    text = obj.get("text")
    if not isinstance(text, str):
        return InputError(f"{origin}: no \"text\" (a string) in article {doc_id!r}; add the article text")
    if not text.strip():
        return InputError(f"{origin}: \"text\" of article {doc_id!r} is empty")
    fields: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return InputError(f"{origin}: \"{key}\" of article {doc_id!r} must be a string or null")
        fields[key] = value
    published: date | None = None
    raw = obj.get("published")
    if raw is not None:
        # A timestamp ("2021-06-16T10:00:00Z") is accepted for its day.
        if not isinstance(raw, str) or not _DATE.match(raw):
            return InputError(f"{origin}: \"published\" of article {doc_id!r} must be YYYY-MM-DD, got {raw!r}")
        try:
            published = date.fromisoformat(raw[:10])
        except ValueError:
            return InputError(f"{origin}: \"published\" of article {doc_id!r} is not a real date: {raw!r}")
    return Article(
        doc_id=doc_id,
        text=text,
        title=fields["title"],
        source=fields["source"],
        url=fields["url"],
        published=published,
        origin=origin,
        sha256=sha256(text),
        dateline=find_dateline(text),
    )


def parse_lines(lines: Iterator[tuple[int, str | InputError]], where: str) -> Iterator[Article | InputError]:
    """Articles from numbered lines (blank lines skipped); a line that failed to decode passes through."""
    for number, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        yield parse_line(line, f"{where}:{number}")
