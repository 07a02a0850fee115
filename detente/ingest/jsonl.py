"""JSON Lines input: one article per line, `text` taken verbatim (offsets refer to it exactly).

Lenient where the meaning is plain: a numeric id is read as a string, `published` may be written
in any unambiguous form ("May 2, 2019", "2019-05-02T10:00Z") and may be called `date`,
`publish_date` or `published_at`. Other fields are ignored, with one warning per run.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterator, Mapping
from datetime import date
from typing import Any

from detente.errors import InputError
from detente.ingest.dateline import find_dateline
from detente.ingest.identity import sha256
from detente.records import Article

log = logging.getLogger(__name__)

_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")
_SURROGATE = re.compile("[\ud800-\udfff]")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_OPTIONAL = ("title", "source", "url")
PUBLISHED_FIELDS = ("published", "date", "publish_date", "published_at")  # the first present wins
KNOWN_FIELDS = frozenset({"id", "text", *_OPTIONAL, *PUBLISHED_FIELDS})


def parse_date(raw: str) -> date | None:
    """The day a date string names, or None when it names none or could be two days."""
    text = raw.strip()
    if _ISO.match(text):
        return date.fromisoformat(text[:10])  # raises ValueError for a day that does not exist
    if not _YEAR.search(text):
        return None  # "March 3", "yesterday": the day depends on when it is read
    import dateparser

    days = set()
    for order in ("DMY", "MDY"):
        settings: Any = {"DATE_ORDER": order, "REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"}
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
        days.add(parsed.date() if parsed else None)
    if len(days) != 1:
        return None  # 03/04/2019: March or April
    return days.pop()


def _published(obj: Mapping[str, Any], origin: str, doc_id: str) -> date | InputError | None:
    key = next((k for k in PUBLISHED_FIELDS if obj.get(k) is not None), None)
    if key is None:
        return None
    raw = obj[key]
    if not isinstance(raw, str):
        return InputError(
            f'{origin}: "{key}" of article {doc_id!r} must be a date string such as YYYY-MM-DD, got {raw!r}'
        )
    try:
        day = parse_date(raw)
    except ValueError:
        return InputError(f'{origin}: "{key}" of article {doc_id!r} is not a real date: {raw!r}')
    if day is None:
        return InputError(
            f'{origin}: "{key}" of article {doc_id!r} is not one unambiguous day ({raw!r}); write it as YYYY-MM-DD'
        )
    return day


def parse_line(line: str, origin: str, warned: set[str] | None = None) -> Article | InputError:
    """One JSONL line as an Article, or the InputError saying what is wrong with it. Fields not
    read are logged once each (`warned` holds those already told, for one run)."""
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return InputError(f"{origin}: not valid JSON ({exc.msg} at column {exc.colno}); fix or remove the line")
    except RecursionError:
        return InputError(f"{origin}: JSON nested too deeply to read; a line must be one flat article object")
    if not isinstance(obj, dict):
        return InputError(f'{origin}: a line must be a JSON object with "id" and "text"')
    return article_from_mapping(obj, origin, warned)


def article_from_mapping(obj: Mapping[str, Any], origin: str, warned: set[str] | None = None) -> Article | InputError:
    """An article from a JSONL object (or a dict given to the Python API)."""
    doc_id = obj.get("id")
    if isinstance(doc_id, int) and not isinstance(doc_id, bool):
        doc_id = str(doc_id)
    if not isinstance(doc_id, str) or not doc_id.strip():
        return InputError(f'{origin}: no "id" (a non-empty string or a whole number); add one to the line')
    text = obj.get("text")
    if not isinstance(text, str):
        return InputError(f'{origin}: no "text" (a string) in article {doc_id!r}; add the article text')
    if not text.strip():
        return InputError(f'{origin}: "text" of article {doc_id!r} is empty')
    surrogate = next((k for k in ("id", "text", *_OPTIONAL) if _has_surrogate(obj.get(k))), None)
    if surrogate is not None:
        return InputError(
            f'{origin}: "{surrogate}" of article {doc_id!r} holds a lone surrogate (such as \\ud800), '
            "which is no character; fix the text's encoding"
        )
    fields: dict[str, str | None] = {}
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            return InputError(f'{origin}: "{key}" of article {doc_id!r} must be a string or null')
        fields[key] = value
    published = _published(obj, origin, doc_id)
    if isinstance(published, InputError):
        return published
    if warned is not None:
        _warn_ignored(obj, origin, warned)
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


def _has_surrogate(value: object) -> bool:
    """A JSON escape such as "\\ud800" decodes to half a UTF-16 pair, which no file can hold."""
    return isinstance(value, str) and _SURROGATE.search(value) is not None


def _warn_ignored(obj: Mapping[str, Any], origin: str, warned: set[str]) -> None:
    new = sorted(set(obj) - KNOWN_FIELDS - warned)
    if new:
        warned.update(new)
        log.warning(
            "%s: ignoring the field%s %s (detente reads %s)",
            origin,
            "s" if len(new) > 1 else "",
            ", ".join(repr(k) for k in new),
            ", ".join(["id", "text", *_OPTIONAL, "published"]),
        )


def parse_lines(
    lines: Iterator[tuple[int, str | InputError]], where: str, warned: set[str] | None = None
) -> Iterator[Article | InputError]:
    """Articles from numbered lines (blank lines skipped); a line that failed to decode passes through."""
    for number, line in lines:
        if isinstance(line, InputError):
            yield line
            continue
        if not line.strip():
            continue
        yield parse_line(line, f"{where}:{number}", warned)
