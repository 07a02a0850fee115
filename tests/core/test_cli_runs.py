"""The CLI on real runs (real model): formats from the flag or the extension, warnings, reports."""

from __future__ import annotations

import json

import pytest

from detente.cli import main

pytestmark = pytest.mark.model

LINES = [
    {
        "id": 1,
        "text": "Ghana's president met the Nigerian foreign minister in Accra.",
        "date": "March 4, 2021",
        "lang": "en",
    },
    {"id": 2, "text": "Nigeria will host the regional summit in Abuja next year.", "publish_date": "2021-03-05"},
]


@pytest.fixture
def inputs(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in LINES), encoding="utf-8")
    return path


def test_extract_by_extension_and_by_flag(tmp_path, inputs, capsys):
    assert main(["extract", str(inputs), "-o", str(tmp_path / "a.jsonl")]) == 0
    err = capsys.readouterr().err
    assert err.count("ignoring the field 'lang'") == 1
    records = [json.loads(line) for line in (tmp_path / "a.jsonl").read_text(encoding="utf-8").splitlines()]
    documents = [r for r in records if r["type"] == "document"]
    assert [d["doc_id"] for d in documents] == ["1", "2"]
    assert [d["published"]["date"] for d in documents] == ["2021-03-04", "2021-03-05"]
    assert main(["extract", str(inputs), "-o", str(tmp_path / "b.parquet")]) == 0
    assert sorted(p.name for p in (tmp_path / "b.parquet").iterdir()) == [
        "documents.parquet",
        "events.parquet",
        "mentions.parquet",
        "quotes.parquet",
    ]
    assert main(["extract", str(inputs), "--format", "jsonl", "-o", str(tmp_path / "c.out")]) == 0
    assert (tmp_path / "c.out").read_text(encoding="utf-8") == (tmp_path / "a.jsonl").read_text(encoding="utf-8")


def test_extract_parquet_equals_export_parquet(tmp_path, inputs):
    import pyarrow.parquet as pq

    assert main(["extract", str(inputs), "-o", str(tmp_path / "x.parquet")]) == 0
    db = tmp_path / "db.duckdb"
    assert main(["ingest", str(inputs), "--db", str(db)]) == 0
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "y.parquet")]) == 0
    for name in ("documents", "mentions", "events", "quotes"):
        extracted = pq.read_table(tmp_path / "x.parquet" / f"{name}.parquet")
        exported = pq.read_table(tmp_path / "y.parquet" / f"{name}.parquet")
        if name == "events":  # the store folds: each report names its folded event, extract's are empty
            assert set(exported.column("fold_id").to_pylist()) - {None}
            assert set(extracted.column("fold_id").to_pylist()) == {None}
            extracted, exported = extracted.drop_columns(["fold_id"]), exported.drop_columns(["fold_id"])
        assert extracted.equals(exported), name


def test_export_refuses_an_unknown_extension_rather_than_write_json_into_it(tmp_path, inputs, capsys):
    db = tmp_path / "db.duckdb"
    assert main(["ingest", str(inputs), "--db", str(db)]) == 0
    capsys.readouterr()
    assert main(["export", "--db", str(db), "-o", str(tmp_path / "x.xml")]) == 2
    assert "--format" in capsys.readouterr().err and not (tmp_path / "x.xml").exists()


def test_a_one_sentence_text_file_is_extracted(tmp_path, capsys):
    path = tmp_path / "one.txt"
    path.write_text("Argentina expelled two Chilean diplomats.\n", encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records[0]["text"] == "Argentina expelled two Chilean diplomats."
    assert any(r["type"] == "event" for r in records)


def test_workers_give_the_same_output(tmp_path, inputs, capsys):
    assert main(["extract", str(inputs), "--workers", "1", "-o", str(tmp_path / "one.jsonl")]) == 0
    assert main(["extract", str(inputs), "--workers", "2", "-o", str(tmp_path / "two.jsonl")]) == 0
    assert (tmp_path / "one.jsonl").read_bytes() == (tmp_path / "two.jsonl").read_bytes()
    assert main(["ingest", str(inputs), "--workers", "0", "--db", str(tmp_path / "x.duckdb")]) == 2
    assert "--workers 0" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("requested", "total", "cores", "expected"),
    [
        (None, None, 2, 2),  # standard input: all cores
        (None, 1000, 2, 2),
        (None, 5, 2, 1),  # one batch: one process, no second model to load
        (None, 33, 4, 2),  # two batches of 32
        (None, 0, 2, 1),
        (3, 5, 2, 3),  # as asked
    ],
)
def test_workers_default_to_all_cores_but_not_more_than_batches(monkeypatch, requested, total, cores, expected):
    from detente.cli import _worker_count
    from detente.config import load_config

    monkeypatch.setattr("os.sched_getaffinity", lambda pid: set(range(cores)))
    assert _worker_count(requested, total, load_config(environ={})) == expected
