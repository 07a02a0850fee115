"""Inputs to Articles: files, folders (recursively), JSON Lines and standard input.

Nothing here raises on bad input: a file or line that cannot be read becomes an ``InputError``
naming it (and its line), and the other inputs are read as usual.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import BinaryIO, TextIO

from detente.config import LimitsConfig
from detente.errors import InputError
from detente.ingest import decode
from detente.ingest.dateline import find_dateline
from detente.ingest.html import read_page
from detente.ingest.identity import sha256
from detente.ingest.jsonl import parse_lines
from detente.ingest.lexicon import Lexicon
from detente.ingest.text import clean
from detente.ingest.walk import special_kind, walk
from detente.records import Article

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN_ID = "stdin"
STDIN_ORIGIN = "<stdin>"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_SNIFF = decode.SNIFF
log = logging.getLogger(__name__)


def read_inputs(
    paths: Sequence[str],
    stdin: TextIO | BinaryIO | None = None,
    *,
    lexicon: Lexicon | None = None,
    limits: LimitsConfig | None = None,
    exclude: Collection[str | Path] = (),
) -> Iterator[Article | InputError]:
    """Every article in `paths`, in order: an Article, or an InputError for what cannot be read.

    A doc_id seen before is an InputError for the later input (the first one wins). Texts over
    ``limits.max_article_chars`` are refused; `exclude` names files never read (the run's output).
    """
    lex = lexicon or Lexicon.load()
    reading = _Reading(lex, limits or LimitsConfig(), frozenset(Path(p).resolve() for p in exclude))
    seen: dict[str, str] = {}
    for raw in paths:
        for item in _read_path(raw, stdin, reading):
            if isinstance(item, Article):
                first = seen.get(item.doc_id)
                if first is not None:
                    yield InputError(
                        f"{item.origin}: duplicate doc_id {item.doc_id!r} (first read from {first}); "
                        "give each article its own id",
                        None,
                    )
                    continue
                seen[item.doc_id] = item.origin
            yield item


class _Reading:
    """What every reader of one run needs: the lexicon, the limits, the files not to read, and
    the JSONL fields already warned about (once per run)."""

    def __init__(self, lexicon: Lexicon, limits: LimitsConfig, exclude: frozenset[Path]) -> None:
        self.lexicon = lexicon
        self.limits = limits
        self.exclude = exclude
        self.warned: set[str] = set()

    def too_long(self, length: int, origin: str) -> InputError | None:
        limit = self.limits.max_article_chars
        if length <= limit:
            return None
        return InputError(
            f"{origin}: {length:,} characters, over limits.max_article_chars ({limit:,}); "
            "split the article or raise the limit (--set limits.max_article_chars=N)"
        )


def check_paths(paths: Sequence[str]) -> list[InputError]:
    """What is wrong with the paths given, before anything is read (or a model loaded)."""
    problems = []
    for raw in paths:
        problem = _path_problem(raw)
        if problem is not None:
            problems.append(problem)
    return problems


def _path_problem(raw: str) -> InputError | None:
    if raw == "-":
        return None
    root = Path(raw)
    try:
        mode = root.stat().st_mode  # follows links; never opens (a FIFO would block)
    except OSError as exc:
        if root.is_symlink():
            return InputError(f"{raw}: a link to nothing ({exc.strerror or exc}); check the path")
        return InputError(f"{raw}: no such file or folder; check the path")
    kind = special_kind(mode)
    if kind is None or kind == "a folder":
        return None
    return InputError(f"{raw}: {kind}, not a regular file or folder; give an article file, a folder or -")


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many articles the paths hold (for a progress bar's total), counted cheaply: files, and
    the non-blank lines of JSONL files. None when it cannot be known (standard input)."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        if _path_problem(raw) is not None:
            total += 1
            continue
        root = Path(raw)
        files = walk(root, KNOWN_SUFFIXES, warn=False) if root.is_dir() else [root]
        for path in files:
            if isinstance(path, Path) and path.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with path.open("rb") as f:
                        total += sum(1 for line in f if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _read_path(raw: str, stdin: TextIO | BinaryIO | None, reading: _Reading) -> Iterator[Article | InputError]:
    if raw == "-":
        yield from _read_stdin(stdin, reading)
        return
    problem = _path_problem(raw)
    if problem is not None:
        yield problem
        return
    root = Path(raw)
    if root.is_dir():
        for path in walk(root, KNOWN_SUFFIXES, reading.exclude):
            if isinstance(path, InputError):
                yield path
            else:
                yield from _read_file(path, _doc_id(path, root), reading)
    else:
        yield from _read_file(root, root.stem, reading)


def _doc_id(path: Path, root: Path) -> str:
    """The path relative to the folder given, without extension: "seeds/002_x" or "002_x"."""
    return path.relative_to(root).with_suffix("").as_posix()


def _read_file(path: Path, doc_id: str, reading: _Reading) -> Iterator[Article | InputError]:
    origin = str(path)
    # A text over the limit is refused unread (each character takes at least one byte, at
    # most four); HTML markup may be many times its text, so pages are checked once extracted.
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError as exc:
        yield InputError(f"{origin}: cannot be read ({exc.strerror or exc}); check its permissions")
        return
    if suffix in TEXT_SUFFIXES and size // 4 > reading.limits.max_article_chars:
        yield InputError(
            f"{origin}: {size:,} bytes, over limits.max_article_chars ({reading.limits.max_article_chars:,} "
            "characters); split the article or raise the limit (--set limits.max_article_chars=N)"
        )
        return
    try:
        if suffix in JSONL_SUFFIXES:
            # Streamed line by line: a file of millions of articles is never held in memory.
            with path.open("rb") as f:
                yield from _read_jsonl_file(f, origin, reading)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"{origin}: cannot be read ({exc.strerror or exc}); check its permissions")
        return
    yield from _read_bytes(data, suffix, doc_id, origin, reading)


def _read_jsonl_file(f: BinaryIO, origin: str, reading: _Reading) -> Iterator[Article | InputError]:
    head = f.read(_SNIFF)
    f.seek(0)
    marked = decode.bom(head)
    if not head.strip() or (marked is not None and marked[0] != "utf-8") or b"\x00" in head:
        # Empty, or UTF-16/32 (decoded whole: a line cannot be split on a byte there).
        yield from _read_bytes(f.read(), ".jsonl", "", origin, reading)
        return
    yield from _jsonl_articles(_utf8_lines(f, origin), origin, reading)


def _utf8_lines(raw_lines: Iterable[bytes], origin: str) -> Iterator[tuple[int, str | InputError]]:
    """Numbered lines decoded one by one, so that one bad line does not lose the others."""
    for number, raw in enumerate(raw_lines, 1):
        raw = raw.removesuffix(b"\n")
        try:
            line = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield (
                number,
                InputError(f"{origin}:{number}: invalid UTF-8 (byte {exc.start} of the line); save the file as UTF-8"),
            )
            continue
        yield number, line.lstrip("\ufeff") if number == 1 else line


def _read_bytes(
    data: bytes, suffix: str, doc_id: str, origin: str, reading: _Reading
) -> Iterator[Article | InputError]:
    if not data.strip():
        what = "one JSON article per line" if suffix in JSONL_SUFFIXES else "the article text"
        yield InputError(f"{origin}: the file is empty; remove it or add {what}")
        return
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_bytes(data, origin, reading)
        return
    if suffix in HTML_SUFFIXES:
        yield _html_article(data, doc_id, origin, reading)
        return
    # .txt, or any file named explicitly whatever its extension: plain scraped text.
    text = decode.decode(data, origin)
    if isinstance(text, InputError):
        yield text
        return
    yield _text_article(text, doc_id, origin, reading)


def _text_article(text: str, doc_id: str, origin: str, reading: _Reading) -> Article | InputError:
    too_long = reading.too_long(len(text), origin)
    if too_long is not None:
        return too_long
    cleaned = clean(text, reading.lexicon)
    if not cleaned.text.strip():
        return InputError(
            f"{origin}: no article text found (only headings or web debris, no paragraph with a sentence)"
        )
    return Article(
        doc_id=doc_id,
        text=cleaned.text,
        title=cleaned.title,
        source=cleaned.source,
        published=cleaned.published or date_in_name(doc_id),
        captions=cleaned.captions,
        origin=origin,
        sha256=sha256(cleaned.text),
        dateline=find_dateline(cleaned.text),
    )


def _html_article(data: bytes, doc_id: str, origin: str, reading: _Reading) -> Article | InputError:
    charset = _CHARSET.search(data[:_SNIFF])
    if charset is not None:
        encoding = charset.group(1).decode("ascii").lower()
        html = decode.declared(data, origin, "utf-8" if encoding == "utf8" else encoding)
    else:
        html = decode.decode(data, origin)
    if isinstance(html, InputError):
        return html
    page = read_page(html, reading.lexicon)
    if not page.text.strip():
        return InputError(
            f"{origin}: no article body could be extracted (malformed HTML, or a page without an article)"
        )
    too_long = reading.too_long(len(page.text), origin)
    if too_long is not None:
        return too_long
    return Article(
        doc_id=doc_id,
        text=page.text,
        title=page.title,
        source=page.source,
        url=page.url,
        published=page.published or date_in_name(doc_id),
        captions=page.captions,
        origin=origin,
        sha256=sha256(page.text),
        dateline=find_dateline(page.text),
    )


# "nyt_2016-06-07_talks-resume", "20160607-talks": a full date in a file's name, as scrapers
# name what they save; the publication date when the page itself gives none.
_NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_name(name: str) -> date | None:
    """The one full date a file name holds ("nyt_2016-06-07_x", "20160607"), else None."""
    found = {(int(m[1]), int(m[3]), int(m[4])) for m in _NAME_DATE.finditer(name)}
    if len(found) != 1:
        return None
    try:
        return date(*found.pop())
    except ValueError:
        return None  # "2016-02-30"


def _read_jsonl_bytes(data: bytes, origin: str, reading: _Reading) -> Iterator[Article | InputError]:
    marked = decode.bom(data)
    if (marked is not None and marked[0] != "utf-8") or b"\x00" in data[:_SNIFF]:
        # UTF-16 or UTF-32: decoded whole (a line cannot be split on a byte there).
        text = decode.decode(data, origin)
        if isinstance(text, InputError):
            yield text
            return
        yield from _jsonl_articles(((n, line) for n, line in enumerate(text.split("\n"), 1)), origin, reading)
        return

    yield from _jsonl_articles(_utf8_lines(data.split(b"\n"), origin), origin, reading)


def _jsonl_articles(
    lines: Iterator[tuple[int, str | InputError]], origin: str, reading: _Reading
) -> Iterator[Article | InputError]:
    for item in parse_lines(lines, origin, reading.warned):
        if isinstance(item, Article):
            yield reading.too_long(len(item.text), f"{item.origin} (article {item.doc_id!r})") or item
        else:
            yield item


def _read_stdin(stdin: TextIO | BinaryIO | None, reading: _Reading) -> Iterator[Article | InputError]:
    if stdin is None:
        yield InputError(f"{STDIN_ORIGIN}: no standard input to read; pipe articles in or give a path")
        return
    # Read as bytes where the stream has them, so that a mark, UTF-16 or invalid bytes are seen
    # (a text stream decodes with the locale's encoding, and may turn bad bytes into surrogates).
    source = getattr(stdin, "buffer", stdin)
    try:
        raw = source.read()
    except UnicodeDecodeError as exc:
        yield InputError(f"{STDIN_ORIGIN}: invalid UTF-8 (byte {exc.start}); send UTF-8 text")
        return
    data = raw if isinstance(raw, bytes) else raw.encode("utf-8", "surrogateescape")
    if not data.strip():
        yield InputError(f"{STDIN_ORIGIN}: standard input is empty; pipe an article or JSON Lines in")
        return
    marked = decode.bom(data)
    skip = marked[1] if marked is not None and marked[0] == "utf-8" else 0
    if data[skip:].lstrip().startswith(b"{"):
        yield from _read_jsonl_bytes(data, STDIN_ORIGIN, reading)
        return
    text = decode.decode(data, STDIN_ORIGIN)
    if isinstance(text, InputError):
        yield text
    elif text.lstrip().startswith("{"):  # JSON Lines in UTF-16 or another encoding
        yield from _jsonl_articles(enumerate(text.split("\n"), 1), STDIN_ORIGIN, reading)
    else:
        yield _text_article(text, STDIN_ID, STDIN_ORIGIN, reading)
