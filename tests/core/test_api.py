"""The Python API (real model): load, call, pipe, run, open."""

from __future__ import annotations

from datetime import date

import pytest

import detente
from detente.api import Detente
from detente.errors import ConfigError, DetenteError, InputError

pytestmark = pytest.mark.model

TEXT = "Peru's foreign minister met the Bolivian ambassador in Lima on Tuesday."


@pytest.fixture(scope="module")
def d(pipeline) -> Detente:
    return Detente(pipeline)


def test_a_call_gives_the_records_of_one_text(d):
    result = d(TEXT, published="June 4, 2020", doc_id="lima")
    assert result.document.doc_id == "lima" and result.document.text == TEXT
    assert result.document.published.method == "given"
    assert result.document.published.window.earliest == date(2020, 6, 4)
    assert result.events and all(TEXT[slice(*e.span)] for e in result.events)
    assert {m.actor.country for m in result.mentions} >= {"PER", "BOL"}
    records = result.to_records()
    assert records == result.records() and records[0]["type"] == "document"
    assert sum(r["type"] == "event" for r in records) == len(result.events)


def test_pipe_is_in_input_order_and_takes_strings_dicts_and_articles(d):
    from detente.records import Article

    article = Article(doc_id="own", text="Bolivia closed its border with Chile.")
    results = list(d.pipe([TEXT, {"id": 9, "text": TEXT.replace("Tuesday", "Friday")}, article]))
    assert [r.document.doc_id for r in results] == ["1", "9", "own"]
    assert results[0].to_records()[1:] != [] and results[2].document.text == article.text


def test_pipe_errors_raise_or_come_back_in_place(d):
    with pytest.raises(InputError, match="item 2"):
        list(d.pipe([TEXT, {"text": "no id"}]))
    outcomes = list(d.pipe([TEXT, {"text": "no id"}, TEXT + " Again."], errors="return"))
    assert [type(o).__name__ for o in outcomes] == ["Result", "InputError", "Result"]
    assert isinstance(outcomes[1], DetenteError)


def test_pipe_with_two_processes_gives_the_same_results(d):
    texts = [TEXT, "Bolivia closed its border with Chile.", TEXT.replace("Tuesday", "Monday")]
    assert list(d.pipe(texts, n_process=2)) == list(d.pipe(texts))


def test_an_ambiguous_published_is_an_error(d):
    with pytest.raises(InputError, match="YYYY-MM-DD"):
        d(TEXT, published="04/06/2020")


def test_settings_as_keywords():
    from detente.api import _setting_overrides

    assert _setting_overrides({"batch_size": 8, "nlp__disable": ["ner"], "progress_after_seconds": 0}) == [
        "nlp.batch_size=8",
        "nlp.disable=ner",
        "run.progress_after_seconds=0",
    ]
    with pytest.raises(ConfigError, match="colour is not a setting"):
        _setting_overrides({"colour": "blue"})
    with pytest.raises(ConfigError, match="batch_size must be at least 1"):
        detente.load(batch_size=0)


def test_run_then_open_the_database(d, tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(TEXT + "\n", encoding="utf-8")
    (tmp_path / "in" / "b.txt").write_text("Chile's president will visit Argentina next week.\n", encoding="utf-8")
    db_path = tmp_path / "news.duckdb"
    first = d.run([tmp_path / "in"], db=db_path, output=tmp_path / "out.jsonl")
    again = d.run([tmp_path / "in"], db=db_path)
    assert (first.read, first.new, first.already_stored) == (2, 2, 0)
    assert (again.new, again.already_stored) == (0, 2)
    assert (tmp_path / "out.jsonl").read_text(encoding="utf-8").count('"type": "document"') == 2
    with detente.open(db_path) as db:
        documents = db.documents()
        assert list(documents["doc_id"]) == ["a", "b"]
        peru = db.events(country="PER")
        assert len(peru) >= 1 and set(peru["doc_id"]) == {"a"}
        assert len(db.events(country="PER", root="99")) == 0
        assert db.events(as_arrow=True).num_rows == first.events
        assert db.mentions(country="BOL")["country"].tolist() == ["BOL"] * len(db.mentions(country="BOL"))
        counted = db.sql("SELECT count(*) AS n FROM events WHERE doc_id = ?", ["a"])
        assert int(counted["n"][0]) == len(peru)
        assert db.summary().articles == 2
