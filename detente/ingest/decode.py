"""Bytes to text: UTF-8, a byte-order mark (UTF-8, UTF-16, UTF-32), UTF-16 without one, or a
legacy encoding found by detection. Every encoding but UTF-8 is named in a warning; binary data
is refused. Nothing here raises on bad input: a problem is an ``InputError`` naming the input."""

from __future__ import annotations

import codecs
import logging
import re

from detente.errors import InputError

log = logging.getLogger(__name__)

SNIFF = 8192
_WESTERN = "cp1252"  # Windows Latin-1, the commonest legacy encoding of English news text
_CHAOS_MARGIN = 0.1  # how much worse (charset_normalizer's "chaos", 0-1) cp1252 may read and still win
# Longest first: the UTF-32-LE mark begins with the UTF-16-LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that no text holds (tab, newlines, form feed and escape excepted).
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_BINARY_SHARE = 0.01  # a text with more control characters than this (as a share) is binary


def bom(data: bytes) -> tuple[str, int] | None:
    """The encoding a byte-order mark announces, and the mark's length."""
    for mark, encoding in _BOMS:
        if data.startswith(mark):
            return encoding, len(mark)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le" or "utf-16-be" when the bytes read as UTF-16 text without a mark: mostly
    Latin-script text has a zero byte in every other position, and none in the others."""
    head = data[:SNIFF]
    half = len(head) // 2
    if half < 2:
        return None
    even = head[0::2].count(0)
    odd = head[1::2].count(0)
    if odd >= 0.3 * half and even <= 0.02 * half:
        return "utf-16-le"
    if even >= 0.3 * half and odd <= 0.02 * half:
        return "utf-16-be"
    return None


def looks_binary(text: str) -> bool:
    sample = text[:SNIFF]
    return bool(sample) and len(_CONTROL.findall(sample)) > _BINARY_SHARE * len(sample)


def decode(data: bytes, origin: str) -> str | InputError:
    """The text of `data`: UTF-8 unless a mark or detection says otherwise (with a warning)."""
    marked = bom(data)
    if marked is not None:
        encoding, length = marked
        return _checked(data[length:], origin, encoding, warn=encoding != "utf-8")
    if b"\x00" in data[:SNIFF]:
        utf16 = _utf16_without_bom(data)
        if utf16 is None:
            return InputError(f"{origin}: looks like a binary file, not text; give .txt, .html or .jsonl articles")
        return _checked(data, origin, utf16, warn=True)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return _detected(data, origin, exc)
    if looks_binary(text):
        return InputError(f"{origin}: looks like a binary file, not text; give .txt, .html or .jsonl articles")
    return text


def declared(data: bytes, origin: str, encoding: str) -> str | InputError:
    """The text of `data` in the encoding its markup declares (a byte-order mark wins)."""
    marked = bom(data)
    if marked is not None:
        return _checked(data[marked[1] :], origin, marked[0], warn=marked[0] != "utf-8")
    return _checked(data, origin, encoding, warn=False)


def _checked(data: bytes, origin: str, encoding: str, *, warn: bool) -> str | InputError:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        return InputError(f"{origin}:{line}: invalid {encoding.upper()} (byte {exc.start}); save the file as UTF-8")
    except LookupError:
        return InputError(f"{origin}: declares an unknown character set {encoding!r}; save it as UTF-8")
    if looks_binary(text):
        return InputError(f"{origin}: looks like a binary file, not text; give .txt, .html or .jsonl articles")
    if warn:
        log.warning("%s: not UTF-8; read as %s; save it as UTF-8 to be sure", origin, encoding.upper())
    return text


def _detected(data: bytes, origin: str, error: UnicodeDecodeError) -> str | InputError:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # On a short text a detector cannot tell the single-byte code pages apart (cp1250 reads "à"
    # as "ŕ" as smoothly); Windows Latin-1 is the usual one for news text, so it is taken unless
    # it reads clearly worse than the detector's choice.
    western = from_bytes(data, cp_isolation=[_WESTERN]).best()
    if western is not None and (best is None or western.chaos <= best.chaos + _CHAOS_MARGIN):
        best = western
    if best is None or best.encoding in {"utf_8", "utf-8"}:
        line = data[: error.start].count(b"\n") + 1
        return InputError(
            f"{origin}:{line}: invalid UTF-8 (byte {error.start}) in no other encoding either; save the file as UTF-8"
        )
    text = str(best)
    if looks_binary(text):
        return InputError(f"{origin}: looks like a binary file, not text; give .txt, .html or .jsonl articles")
    log.warning("%s: not UTF-8; read as %s (detected); save it as UTF-8 to be sure", origin, best.encoding)
    return text
