"""Files, folders, JSONL and stdin; doc_ids; every kind of bad input is one InputError and the
run goes on."""

from __future__ import annotations

import hashlib
import io
import json
from datetime import date
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.ingest import read_inputs
from detente.records import Article

ARTICLE = (
    "Envoys resume talks in Geneva\n\n"
    "GENEVA (AP) - Envoys from the two countries met on Wednesday to resume talks on arms control.\n\n"
    "The talks lasted four hours and ended with a joint statement, officials said.\n"
)


def _read(paths: list[str], stdin: str | None = None) -> tuple[list[Article], list[InputError]]:
    items = list(read_inputs(paths, io.StringIO(stdin) if stdin is not None else None))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    root = tmp_path / "corpus"
    (root / "batch" / "deep").mkdir(parents=True)
    (root / "batch" / "001_talks.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "batch" / "deep" / "002_more.txt").write_text(ARTICLE.replace("four", "five"), encoding="utf-8")
    (root / "batch" / "README.md").write_text("notes", encoding="utf-8")
    (root / "batch" / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "batch" / ".cache").mkdir()
    (root / "batch" / ".cache" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def test_doc_id_is_relative_to_the_path_given_without_extension(corpus):
    articles, errors = _read([str(corpus)])
    assert not errors
    assert [a.doc_id for a in articles] == ["batch/001_talks", "batch/deep/002_more"]
    articles, _ = _read([str(corpus / "batch")])
    assert [a.doc_id for a in articles] == ["001_talks", "deep/002_more"]
    articles, _ = _read([str(corpus / "batch" / "001_talks.txt")])
    assert [a.doc_id for a in articles] == ["001_talks"]
    assert articles[0].origin == str(corpus / "batch" / "001_talks.txt")


def test_hidden_files_and_unknown_extensions_in_folders_are_skipped_quietly(corpus):
    articles, errors = _read([str(corpus)])
    assert len(articles) == 2 and not errors


def test_a_file_named_explicitly_with_an_unknown_extension_is_text(tmp_path):
    path = tmp_path / "notes.article"
    path.write_text(ARTICLE, encoding="utf-8")
    (article,) = _read([str(path)])[0]
    assert article.doc_id == "notes" and article.title == "Envoys resume talks in Geneva"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("wire_2019-03-14_envoys-resume-talks.txt", date(2019, 3, 14)),
        ("20190314-talks.txt", date(2019, 3, 14)),
        ("talks.txt", None),
        ("talks-2019-02-30.txt", None),  # no such day
        ("talks-2019-03-14-and-2019-03-15.txt", None),  # two dates: neither is sure
    ],
)
def test_a_full_date_in_a_file_name_is_its_publication_date(tmp_path, name, expected):
    path = tmp_path / name
    path.write_text(ARTICLE, encoding="utf-8")
    (article,) = _read([str(path)])[0]
    assert article.published == expected


def test_text_file_becomes_a_cleaned_article_with_sha_of_its_text(corpus):
    (article, _), _ = _read([str(corpus / "batch")])
    assert article.title == "Envoys resume talks in Geneva"
    assert article.source == "AP"
    assert article.text.startswith("GENEVA (AP) - ")
    assert article.sha256 == hashlib.sha256(article.text.encode("utf-8")).hexdigest()


def test_jsonl_text_is_verbatim(tmp_path):
    messy = "  Home | World\n\nBreaking News\n\nHeadline here\n\nBody text, verbatim.  \r\n"
    lines = [
        {
            "id": "j1",
            "text": messy,
            "title": "Given title",
            "source": "Given Source",
            "url": "https://x.example/1",
            "published": "2020-02-29",
        },
        {"id": "j2", "text": "Second article."},
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(json.dumps(x) for x in lines) + "\n\n", encoding="utf-8")
    articles, errors = _read([str(path)])
    assert not errors
    first, second = articles
    assert first.text == messy
    assert (first.doc_id, first.title, first.source, first.url) == (
        "j1",
        "Given title",
        "Given Source",
        "https://x.example/1",
    )
    assert first.published == date(2020, 2, 29)
    assert first.captions == ()
    assert first.origin == f"{path}:1" and second.origin == f"{path}:2"
    assert second.title is None and second.source is None and second.published is None


def test_stdin_plain_text_is_one_article_called_stdin():
    articles, errors = _read(["-"], stdin=ARTICLE)
    assert not errors
    assert [a.doc_id for a in articles] == ["stdin"]
    assert articles[0].title == "Envoys resume talks in Geneva"


def test_stdin_jsonl_when_the_first_non_blank_character_is_a_brace():
    data = (
        "\n  " + json.dumps({"id": "s1", "text": " verbatim "}) + "\n" + json.dumps({"id": "s2", "text": "two"}) + "\n"
    )
    articles, errors = _read(["-"], stdin=data)
    assert not errors
    assert [(a.doc_id, a.text) for a in articles] == [("s1", " verbatim "), ("s2", "two")]
    assert articles[0].origin == "<stdin>:2"


# --- bad input --------------------------------------------------------------------------------


@pytest.fixture
def bad_and_good(tmp_path: Path) -> Path:
    root = tmp_path / "mixed"
    root.mkdir()
    (root / "a_good.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b_empty.txt").write_bytes(b"")
    (root / "c_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")
    (root / "d_latin1.txt").write_bytes(
        ("Headline\n\nFirst line is fine.\nThe caf\u00e9 line is not UTF-8.\n").encode("latin-1")
    )
    (root / "e_broken.html").write_text("<html><body><div><p>Unclosed <b>tags", encoding="utf-8")
    (root / "f_lines.jsonl").write_text(
        json.dumps({"id": "ok1", "text": "Fine."})
        + "\n"
        + "{not json\n"
        + json.dumps({"id": "nt", "title": "no text"})
        + "\n"
        + json.dumps({"id": "ok1", "text": "Same id again."})
        + "\n"
        + json.dumps({"id": "ok2", "text": "Also fine."})
        + "\n",
        encoding="utf-8",
    )
    (root / "g_good.txt").write_text(ARTICLE.replace("four", "six"), encoding="utf-8")
    return root


def test_each_bad_input_is_one_error_naming_file_and_line_and_the_rest_is_read(bad_and_good):
    articles, errors = _read([str(bad_and_good)])
    # The Latin-1 file is read by detection (issue #12), the other six bad inputs are errors.
    assert [a.doc_id for a in articles] == ["a_good", "d_latin1", "ok1", "ok2", "g_good"]
    messages = [str(e) for e in errors]
    assert len(messages) == 6
    for message in messages:
        assert "\n" not in message and str(bad_and_good) in message
    by_file = {Path(m.split(":")[0]).name: m for m in messages}
    assert "empty" in by_file["b_empty.txt"]
    assert "binary" in by_file["c_binary.txt"]
    assert "no article body" in by_file["e_broken.html"]
    jsonl = [m for m in messages if "f_lines.jsonl" in m]
    assert "f_lines.jsonl:2: not valid JSON" in jsonl[0]
    assert 'f_lines.jsonl:3: no "text"' in jsonl[1]
    assert "f_lines.jsonl:4: duplicate doc_id 'ok1'" in jsonl[2] and "f_lines.jsonl:1" in jsonl[2]


def test_duplicate_doc_id_across_files(tmp_path):
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "x.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "two" / "x.txt").write_text(ARTICLE.replace("four", "two"), encoding="utf-8")
    articles, errors = _read([str(tmp_path / "one"), str(tmp_path / "two")])
    assert [a.doc_id for a in articles] == ["x"]
    assert (
        len(errors) == 1
        and "duplicate doc_id 'x'" in str(errors[0])
        and str(tmp_path / "two" / "x.txt") in str(errors[0])
    )


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ('["a list"]', "JSON object"),
        ('{"text": "no id"}', 'no "id"'),
        ('{"id": "x", "text": ""}', "empty"),
        ('{"id": "x", "text": "t", "published": "March 3"}', "YYYY-MM-DD"),
        ('{"id": "x", "text": "t", "published": "2021-02-30"}', "not a real date"),
        ('{"id": "x", "text": "t", "title": 5}', "string or null"),
    ],
)
def test_invalid_jsonl_fields(tmp_path, line, expected):
    path = tmp_path / "in.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    articles, errors = _read([str(path)])
    assert not articles and len(errors) == 1
    assert f"{path}:1:" in str(errors[0]) and expected in str(errors[0])


def test_missing_path_and_empty_stdin_are_errors(tmp_path):
    articles, errors = _read([str(tmp_path / "nope.txt"), "-"], stdin="  \n")
    assert not articles
    assert "no such file" in str(errors[0]) and "standard input is empty" in str(errors[1])


def test_a_text_file_of_debris_only_is_an_error(tmp_path):
    path = tmp_path / "menu.txt"
    path.write_text("Home\n\nWorld\n\nShare on Facebook\n", encoding="utf-8")
    articles, errors = _read([str(path)])
    assert not articles and "no article text" in str(errors[0])


def test_invalid_utf8_line_in_jsonl_loses_only_that_line(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b'{"id": "a", "text": "fine"}\n{"id": "b", "text": "caf\xe9"}\n{"id": "c", "text": "fine too"}\n')
    articles, errors = _read([str(path)])
    assert [a.doc_id for a in articles] == ["a", "c"]
    assert f"{path}:2: invalid UTF-8" in str(errors[0])
