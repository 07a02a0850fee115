"""Inputs to Articles: files, folders (recursively), JSON Lines and standard input.

Nothing here raises on bad input: a file or line that cannot be read becomes an ``InputError``
naming it (and its line), and the other inputs are read as usual.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TextIO

from detente.errors import InputError
from detente.ingest.html import read_page
from detente.ingest.identity import sha256
from detente.ingest.jsonl import parse_lines
from detente.ingest.lexicon import Lexicon
from detente.ingest.text import clean
from detente.records import Article

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
KNOWN_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
STDIN_ID = "stdin"
STDIN_ORIGIN = "<stdin>"
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)""", re.IGNORECASE)
_SNIFF = 8192
_WESTERN = "cp1252"  # Windows Latin-1, the commonest legacy encoding of English news text
_CHAOS_MARGIN = 0.1  # how much worse (charset_normalizer's "chaos", 0-1) cp1252 may read and still win
log = logging.getLogger(__name__)


def read_inputs(
    paths: Sequence[str], stdin: TextIO | None = None, *, lexicon: Lexicon | None = None
) -> Iterator[Article | InputError]:
    """Every article in `paths`, in order: an Article, or an InputError for what cannot be read.

    A doc_id seen before is an InputError for the later input (the first one wins).
    """
    lex = lexicon or Lexicon.load()
    seen: dict[str, str] = {}
    warned: set[str] = set()  # JSONL fields ignored and already told, once per run
    for raw in paths:
        for item in _read_path(raw, stdin, lex, warned):
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
    if root.is_dir() or root.is_file():
        return None
    if root.exists():
        return InputError(f"{raw}: not a regular file or folder; give an article file, a folder or -")
    return InputError(f"{raw}: no such file or folder; check the path")


def count_inputs(paths: Sequence[str]) -> int | None:
    """How many articles the paths hold (for a progress bar's total), counted cheaply: files, and
    the non-blank lines of JSONL files. None when it cannot be known (standard input)."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        root = Path(raw)
        files = _walk(root) if root.is_dir() else [root] if root.is_file() else []
        for path in files:
            if path.suffix.lower() in JSONL_SUFFIXES:
                try:
                    with path.open("rb") as f:
                        total += sum(1 for line in f if line.strip())
                except OSError:
                    total += 1
            else:
                total += 1
    return total


def _read_path(raw: str, stdin: TextIO | None, lex: Lexicon, warned: set[str]) -> Iterator[Article | InputError]:
    if raw == "-":
        yield from _read_stdin(stdin, lex, warned)
        return
    problem = _path_problem(raw)
    if problem is not None:
        yield problem
        return
    root = Path(raw)
    if root.is_dir():
        for path in _walk(root):
            yield from _read_file(path, _doc_id(path, root), lex, warned)
    else:
        yield from _read_file(root, root.stem, lex, warned)


def _walk(root: Path) -> list[Path]:
    """Article files under `root`, sorted; hidden files/folders and other extensions are skipped
    quietly (a folder of articles often holds a README or a .DS_Store)."""
    found: list[Path] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            path = Path(folder) / name
            if not name.startswith(".") and path.suffix.lower() in KNOWN_SUFFIXES:
                found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def _doc_id(path: Path, root: Path) -> str:
    """The path relative to the folder given, without extension: "seeds/002_x" or "002_x"."""
    return path.relative_to(root).with_suffix("").as_posix()


def _read_file(path: Path, doc_id: str, lex: Lexicon, warned: set[str]) -> Iterator[Article | InputError]:
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputError(f"{origin}: cannot be read ({exc.strerror or exc}); check its permissions")
        return
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        yield from _read_jsonl_bytes(data, origin, warned)
        return
    problem = _check_bytes(data)
    if problem:
        yield InputError(f"{origin}: {problem}")
        return
    if suffix in HTML_SUFFIXES:
        yield _html_article(data, doc_id, origin, lex)
        return
    # .txt, or any file named explicitly whatever its extension: plain scraped text.
    text = _decode_detected(data, origin)
    if isinstance(text, InputError):
        yield text
        return
    yield _text_article(text, doc_id, origin, lex)


def _check_bytes(data: bytes) -> str | None:
    if not data.strip():
        return "the file is empty; remove it or add the article text"
    if b"\x00" in data[:_SNIFF]:
        return "looks like a binary file, not text; give .txt, .html or .jsonl articles"
    return None


def _decode(data: bytes, origin: str, encoding: str = "utf-8") -> str | InputError:
    try:
        return data.decode(encoding).lstrip("\ufeff")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return InputError(
            f"{origin}:{line}: invalid {encoding.upper()} (byte {exc.start}); save the file as UTF-8"
        )
    except LookupError:
        return InputError(f"{origin}: declares an unknown character set {encoding!r}; save it as UTF-8")


def _decode_detected(data: bytes, origin: str) -> str | InputError:
    """UTF-8, or else the encoding the bytes are detected to be in (with a warning naming it)."""
    text = _decode(data, origin)
    if not isinstance(text, InputError):
        return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # On a short text a detector cannot tell the single-byte code pages apart (cp1250 reads "à"
    # as "ŕ" as smoothly); Windows Latin-1 is the usual one for news text, so it is taken unless
    # it reads clearly worse than the detector's choice.
    western = from_bytes(data, cp_isolation=[_WESTERN]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + _CHAOS_MARGIN):
        best = western
    if best is None or best.encoding in {"utf_8", "utf-8"}:
        return text
    log.warning("%s: not UTF-8; read as %s (detected); save it as UTF-8 to be sure", origin, best.encoding)
    return str(best)


def _text_article(text: str, doc_id: str, origin: str, lex: Lexicon) -> Article | InputError:
    cleaned = clean(text, lex)
    if not cleaned.text.strip():
        return InputError(
            f"{origin}: no article text found (only headings or web debris, no paragraph with a sentence)"
        )
    return Article(
        doc_id=doc_id,
        text=cleaned.text,
        title=cleaned.title,
        source=cleaned.source,
        published=cleaned.published,
        captions=cleaned.captions,
        origin=origin,
        sha256=sha256(cleaned.text),
    )


def _html_article(data: bytes, doc_id: str, origin: str, lex: Lexicon) -> Article | InputError:
    declared = _CHARSET.search(data[:_SNIFF])
    encoding = declared.group(1).decode("ascii").lower() if declared else "utf-8"
    if encoding in {"utf8", "utf-8"}:
        encoding = "utf-8"
    html = _decode(data, origin, encoding) if declared else _decode_detected(data, origin)
    if isinstance(html, InputError):
        return html
    page = read_page(html, lex)
    if not page.text.strip():
        return InputError(
            f"{origin}: no article body could be extracted (malformed HTML, or a page without an article)"
        )
    return Article(
        doc_id=doc_id,
        text=page.text,
        title=page.title,
        source=page.source,
        url=page.url,
        published=page.published,
        captions=page.captions,
        origin=origin,
        sha256=sha256(page.text),
    )


def _read_jsonl_bytes(data: bytes, origin: str, warned: set[str]) -> Iterator[Article | InputError]:
    if not data.strip():
        yield InputError(f"{origin}: the file is empty; remove it or add one JSON article per line")
        return
    if b"\x00" in data[:_SNIFF]:
        yield InputError(f"{origin}: looks like a binary file, not JSON Lines")
        return

    def lines() -> Iterator[tuple[int, str | InputError]]:
        # Decoded line by line so that one bad line does not lose the others.
        for number, raw in enumerate(data.split(b"\n"), 1):
            try:
                yield number, raw.decode("utf-8").lstrip("\ufeff") if number == 1 else raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield number, InputError(
                    f"{origin}:{number}: invalid UTF-8 (byte {exc.start} of the line); save the file as UTF-8"
                )

    yield from parse_lines(lines(), origin, warned)


def _read_stdin(stdin: TextIO | None, lex: Lexicon, warned: set[str]) -> Iterator[Article | InputError]:
    if stdin is None:
        yield InputError(f"{STDIN_ORIGIN}: no standard input to read; pipe articles in or give a path")
        return
    try:
        text = stdin.read()
    except UnicodeDecodeError as exc:
        yield InputError(f"{STDIN_ORIGIN}: invalid UTF-8 (byte {exc.start}); send UTF-8 text")
        return
    if not text.strip():
        yield InputError(f"{STDIN_ORIGIN}: standard input is empty; pipe an article or JSON Lines in")
        return
    if text.lstrip().startswith("{"):
        yield from parse_lines(enumerate(text.split("\n"), 1), STDIN_ORIGIN, warned)
        return
    if "\x00" in text[:_SNIFF]:
        yield InputError(f"{STDIN_ORIGIN}: looks like binary data, not text")
        return
    yield _text_article(text, STDIN_ID, STDIN_ORIGIN, lex)
