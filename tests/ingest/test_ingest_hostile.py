"""What scrapers produce, read without a model: encodings and marks, binary data, special files,
linked folders and loops, the run's own output, bad bytes on standard input, broken markup."""

from __future__ import annotations

import codecs
import io
import logging
import os
from pathlib import Path

import pytest

from detente.config import LimitsConfig
from detente.errors import InputError
from detente.ingest import read_inputs
from detente.ingest.decode import decode
from detente.ingest.html import read_page, text_only
from detente.ingest.lexicon import Lexicon
from detente.ingest.walk import walk
from detente.records import Article

TEXT = "Bolivia and Paraguay agreed on Friday to build a road across the Chaco. “It is a start,” one envoy said.\n"


def _read(paths: list[str], stdin: io.IOBase | None = None, **options) -> tuple[list[Article], list[InputError]]:
    items = list(read_inputs(paths, stdin, **options))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-16"), "UTF-16"),
        (TEXT.encode("utf-16-le"), "UTF-16-LE"),
        (TEXT.encode("utf-16-be"), "UTF-16-BE"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "UTF-32-LE"),
        (TEXT.encode("cp1252"), "cp1252"),
    ],
)
def test_other_encodings_are_read_with_a_warning_naming_them(caplog, data: bytes, encoding: str) -> None:
    with caplog.at_level(logging.WARNING, logger="detente"):
        assert decode(data, "x.txt") == TEXT
    assert encoding in caplog.text


@pytest.mark.parametrize(
    "data",
    [bytes(range(256)) * 4, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), b"ab\x01\x02\x03\x04\x05\x06" * 50],
)
def test_binary_data_is_refused(data: bytes) -> None:
    assert "binary" in str(decode(data, "x.txt"))


def test_a_linked_folder_is_read_once_and_a_loop_is_named(tmp_path: Path, caplog) -> None:
    root, other = tmp_path / "root", tmp_path / "other"
    root.mkdir()
    other.mkdir()
    (other / "a.txt").write_text(TEXT)
    (root / "linked").symlink_to(other, target_is_directory=True)
    (root / "again").symlink_to(other, target_is_directory=True)
    (root / "sub").mkdir()
    (root / "sub" / "up").symlink_to(root, target_is_directory=True)
    with caplog.at_level(logging.WARNING, logger="detente"):
        (article,), errors = _read([str(root)])
    assert not errors and article.doc_id in {"again/a", "linked/a"}
    assert "sub/up" in caplog.text and "read already" in caplog.text


@pytest.mark.parametrize("make", [os.mkfifo, lambda p: __import__("socket").socket(1, 1).bind(str(p))])
def test_special_files_are_named_and_never_opened(tmp_path: Path, make) -> None:
    (tmp_path / "ok.txt").write_text(TEXT)
    make(tmp_path / "special.txt")  # a FIFO opened for reading would block this test forever
    articles, (error,) = _read([str(tmp_path)])
    assert [a.doc_id for a in articles] == ["ok"]
    assert "special.txt" in str(error) and "never opened" in str(error)


def test_the_runs_output_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(TEXT)
    (tmp_path / "out.jsonl").write_text('{"id": "stale", "text": "An earlier run wrote this."}\n')
    articles, errors = _read([str(tmp_path)], exclude=[tmp_path / "out.jsonl"])
    assert [a.doc_id for a in articles] == ["ok"] and not errors


def test_a_text_over_the_article_limit_is_refused_naming_the_setting(tmp_path: Path) -> None:
    (tmp_path / "long.txt").write_text(TEXT * 20)
    (tmp_path / "ok.txt").write_text(TEXT)
    articles, (error,) = _read([str(tmp_path)], limits=LimitsConfig(max_article_chars=1000))
    assert [a.doc_id for a in articles] == ["ok"] and "limits.max_article_chars" in str(error)


@pytest.mark.parametrize(
    ("data", "doc_ids"),
    [
        (codecs.BOM_UTF8 + b'{"id": "b1", "text": "Peru thanked Chile."}\n', ["b1"]),
        ('{"id": "w1", "text": "Peru thanked Chile."}\n'.encode("utf-16"), ["w1"]),
        (TEXT.encode("cp1252"), ["stdin"]),
    ],
)
def test_standard_input_as_bytes(data: bytes, doc_ids: list[str]) -> None:
    articles, errors = _read(["-"], io.BytesIO(data))
    assert [a.doc_id for a in articles] == doc_ids and not errors


def test_invalid_bytes_read_by_a_text_stream_are_decoded_not_a_crash() -> None:
    # A C.UTF-8 locale reads bad bytes on standard input as surrogates ("surrogateescape").
    stream = io.StringIO(TEXT.encode("cp1252").decode("utf-8", "surrogateescape"))
    (article,), errors = _read(["-"], stream)
    assert not errors and "“It is a start,”" in article.text
    article.text.encode("utf-8")


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "s", "text": "Peru \\ud800 met Chile."}', "lone surrogate"),
        ("[" * 100_000, "nested too deeply"),
        ('{"id": "t", "text": "Peru met Chile.", "published": "2023-02-30"}', "not a real date"),
        ('{"id": "u", "text": ["Peru"]}', '"text"'),
    ],
)
def test_bad_jsonl_lines_are_one_line_naming_the_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "ok", "text": "Peru met Chile."}\n' + line + "\n")
    (article,), (error,) = _read([str(path)])
    assert article.doc_id == "ok" and f"{path}:2:" in str(error) and reason in str(error)
    assert "\n" not in str(error)


@pytest.mark.parametrize("published", ["9999-12-31", "0001-01-01"])
def test_the_first_and_last_days_are_dates(tmp_path: Path, published: str) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(f'{{"id": "d", "text": "Peru met Chile.", "published": "{published}"}}\n')
    (article,), _ = _read([str(path)])
    assert article.published is not None and article.published.isoformat() == published


PARAGRAPHS = [
    "The envoy of Oman arrived in Tehran on Saturday for talks on shipping.",
    "Both governments said the meeting had been cordial and productive.",
    "A second round is planned for the spring in Muscat, officials added.",
]


@pytest.mark.parametrize(
    "html",
    [
        # a stray end tag before the text goes on
        f"<html><body><article><p>{PARAGRAPHS[0]}</p></html><p>{PARAGRAPHS[1]}</p><p>{PARAGRAPHS[2]}</p></article></body></html>",
        # nesting deeper than the parser allows
        "<html><body>"
        + "<div>" * 10_000
        + "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
        + "</div>" * 10_000
        + "</body></html>",
    ],
)
def test_broken_markup_keeps_its_text(html: str) -> None:
    page = read_page(html, Lexicon.load())
    assert all(p in page.text for p in PARAGRAPHS)


def test_text_only_skips_scripts_and_splits_blocks() -> None:
    html = "<html><head><title>T</title><script>var x = 1;</script></head><body><p>One.</p><div>Two <b>more</b>.</div></body></html>"
    assert text_only(html) == "One.\n\nTwo more."


def test_walk_lists_article_files_only(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "c.jsonl", "d.png", ".hidden.txt", "README.md"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in walk(tmp_path, {".txt", ".html", ".jsonl"})] == ["a.txt", "b.html", "c.jsonl"]
