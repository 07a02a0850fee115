"""What a newcomer tries first: a one-sentence text, numeric ids, dates as people write them,
other names for `published`, extra fields, a Latin-1 file, a missing path."""

from __future__ import annotations

import io
import json
import logging
from datetime import date
from pathlib import Path

import pytest

from detente.errors import InputError
from detente.ingest import check_paths, count_inputs, read_inputs
from detente.ingest.jsonl import parse_date
from detente.records import Article

SENTENCE = "Uruguay recalled its ambassador from Paraguay."


def _read(paths: list[str], stdin: str | None = None) -> tuple[list[Article], list[InputError]]:
    items = list(read_inputs(paths, io.StringIO(stdin) if stdin is not None else None))
    return [i for i in items if isinstance(i, Article)], [i for i in items if isinstance(i, InputError)]


def _jsonl(tmp_path: Path, *objects: dict) -> Path:
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(o) + "\n" for o in objects), encoding="utf-8")
    return path


@pytest.mark.parametrize("text", [SENTENCE + "\n", "Breaking news\n\n" + SENTENCE + "\n", "Talks resumed today."])
def test_a_text_of_one_sentence_is_an_article(tmp_path, text):
    path = tmp_path / "one.txt"
    path.write_text(text, encoding="utf-8")
    (article,), errors = _read([str(path)])
    assert not errors and article.text.strip().endswith(".") and article.text.strip() in text


def test_a_one_sentence_stdin_is_an_article():
    (article,), _ = _read(["-"], stdin=SENTENCE)
    assert article.text == SENTENCE and article.doc_id == "stdin"


@pytest.mark.parametrize("text", ["Read more.", "Home\n\nWorld\n\nShare on Facebook\n", "Subscribe now."])
def test_debris_alone_is_still_no_article(tmp_path, text):
    path = tmp_path / "menu.txt"
    path.write_text(text, encoding="utf-8")
    articles, errors = _read([str(path)])
    assert not articles and "no article text" in str(errors[0])


def test_a_numeric_id_is_read_as_a_string(tmp_path):
    (article,), _ = _read([str(_jsonl(tmp_path, {"id": 42, "text": SENTENCE}))])
    assert article.doc_id == "42"


@pytest.mark.parametrize("bad_id", [True, 4.5, None, ""])
def test_ids_that_are_not_names_are_refused(tmp_path, bad_id):
    articles, (error,) = _read([str(_jsonl(tmp_path, {"id": bad_id, "text": SENTENCE}))])
    assert not articles and 'no "id"' in str(error)


@pytest.mark.parametrize(
    ("written", "day"),
    [
        ("2019-05-02", date(2019, 5, 2)),
        ("2019-05-02T23:10:00+02:00", date(2019, 5, 2)),
        ("May 2, 2019", date(2019, 5, 2)),
        ("2 May 2019", date(2019, 5, 2)),
        ("Thursday, 2 May 2019 10:15 GMT", date(2019, 5, 2)),
        ("2019/05/02", date(2019, 5, 2)),
        ("25/12/2018", date(2018, 12, 25)),  # only one order gives a month
    ],
)
def test_published_in_any_unambiguous_form(written, day):
    assert parse_date(written) == day


@pytest.mark.parametrize("written", ["03/04/2019", "March 3", "yesterday", "soon"])
def test_ambiguous_or_relative_dates_are_no_day(written):
    assert parse_date(written) is None


@pytest.mark.parametrize("key", ["published", "date", "publish_date", "published_at"])
def test_published_and_its_aliases(tmp_path, key):
    (article,), _ = _read([str(_jsonl(tmp_path, {"id": "a", "text": SENTENCE, key: "June 5, 2020"}))])
    assert article.published == date(2020, 6, 5)


def test_an_ambiguous_date_says_how_to_write_it(tmp_path):
    articles, (error,) = _read([str(_jsonl(tmp_path, {"id": "a", "text": SENTENCE, "date": "04/05/2020"}))])
    assert not articles and '"date" of article' in str(error) and "YYYY-MM-DD" in str(error)


def test_ignored_fields_are_warned_about_once(tmp_path, caplog):
    path = _jsonl(
        tmp_path,
        {"id": "a", "text": SENTENCE, "author": "x", "lang": "en"},
        {"id": "b", "text": SENTENCE + " Again.", "author": "y"},
    )
    with caplog.at_level(logging.WARNING, logger="detente"):
        articles, errors = _read([str(path)])
    assert len(articles) == 2 and not errors
    warnings = [r.getMessage() for r in caplog.records]
    assert len(warnings) == 1 and "'author', 'lang'" in warnings[0] and f"{path}:1" in warnings[0]


@pytest.mark.parametrize(("encoding", "named"), [("latin-1", "cp1252"), ("cp1252", "cp1252")])
def test_a_legacy_encoded_text_file_is_decoded_with_a_warning(tmp_path, caplog, encoding, named):
    text = "Le président a reçu l'ambassadeur à l'Élysée, a indiqué son cabinet jeudi soir à Paris.\n"
    path = tmp_path / "old.txt"
    path.write_bytes(text.encode(encoding))
    with caplog.at_level(logging.WARNING, logger="detente"):
        (article,), errors = _read([str(path)])
    assert not errors and article.text == text.strip()
    (warning,) = [r.getMessage() for r in caplog.records]
    assert f"read as {named}" in warning and str(path) in warning


def test_paths_are_checked_before_reading(tmp_path):
    (tmp_path / "ok.txt").write_text(SENTENCE, encoding="utf-8")
    problems = check_paths([str(tmp_path / "ok.txt"), str(tmp_path / "missing.txt"), "-", str(tmp_path)])
    assert [str(p) for p in problems] == [f"{tmp_path / 'missing.txt'}: no such file or folder; check the path"]


def test_inputs_are_counted_for_a_progress_total(tmp_path):
    (tmp_path / "a.txt").write_text(SENTENCE, encoding="utf-8")
    (tmp_path / "b.jsonl").write_text('{"id": 1, "text": "x"}\n\n{"id": 2, "text": "y"}\n', encoding="utf-8")
    assert count_inputs([str(tmp_path)]) == 3
    assert count_inputs([str(tmp_path / "a.txt"), "-"]) is None


def test_a_cyrillic_legacy_file_is_not_forced_into_a_western_code_page(tmp_path, caplog):
    text = "Министр иностранных дел встретился с послом в понедельник, сообщило министерство.\n"
    path = tmp_path / "ru.txt"
    path.write_bytes(text.encode("cp1251"))
    with caplog.at_level(logging.WARNING, logger="detente"):
        (article,), _ = _read([str(path)])
    assert article.text == text.strip()
    assert "cp1252" not in caplog.records[0].getMessage()
