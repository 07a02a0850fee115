"""`detente ingest` / `export` / `summary` end to end (real model) on articles of our own."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from detente.cli import main

ARTICLES = [
    {
        "id": "oslo-1",
        "text": "Norway's foreign minister met the Canadian foreign minister in Oslo on Tuesday. "
        '"We agreed to work together in the Arctic," the Norwegian minister said.',
        "published": "2019-05-14",
    },
    {
        "id": "oslo-2",
        "text": "Canada will host the next round of talks in Ottawa in September, officials said.",
        "title": "Next round in Ottawa",
        "source": "Example Wire",
    },
]


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def test_export_jsonl_is_exactly_what_extract_writes(tmp_path, inputs, capsys):
    assert main(["extract", str(inputs), "-o", str(tmp_path / "extract.jsonl")]) == 0
    db = tmp_path / "db" / "detente.duckdb"
    assert main(["ingest", str(inputs), "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "articles  2" in out and f"database: {db.resolve()}" in out
    assert main(["export", "--db", str(db), "--format", "jsonl", "-o", str(tmp_path / "export.jsonl")]) == 0
    exported = [json.loads(line) for line in (tmp_path / "export.jsonl").read_text(encoding="utf-8").splitlines()]
    extracted = [json.loads(line) for line in (tmp_path / "extract.jsonl").read_text(encoding="utf-8").splitlines()]
    # The store adds each report's folded event, and the folded events after the articles' records.
    folded = [r for r in exported if r["type"] == "folded_event"]
    records = exported[: len(exported) - len(folded)]
    assert folded and all(r["type"] != "folded_event" for r in records)
    fold_ids = {r["fold_id"] for r in records if r["type"] == "event" and r["fold_id"] is not None}
    assert fold_ids == {f["fold_id"] for f in folded}
    assert all(r.get("fold_id") is None for r in extracted)
    assert [{**r, "fold_id": None} if r["type"] == "event" else r for r in records] == extracted


def test_ingesting_again_adds_nothing_and_reprocess_recodes(tmp_path, inputs, capsys):
    db = tmp_path / "detente.duckdb"

    def ingest(*extra: str) -> tuple[str, str]:
        assert main(["ingest", str(inputs), "--db", str(db), *extra]) == 0
        report, _, summary = capsys.readouterr().out.partition("\n")
        return report, summary

    report, first = ingest()
    assert report.startswith("2 new, 0 already stored, 0 failed (")
    report, again = ingest()
    assert report.startswith("0 new, 2 already stored, 0 failed (0 events, 0 quotes,") and again == first
    report, recoded = ingest("--reprocess")
    assert report.startswith("0 new, 2 recoded, 0 already stored, 0 failed (") and recoded == first
    assert main(["summary", "--db", str(db)]) == 0
    assert capsys.readouterr().out == first


def test_parquet_export_folder(tmp_path, inputs, capsys):
    db = tmp_path / "detente.duckdb"
    assert main(["ingest", str(inputs), "--db", str(db)]) == 0
    assert main(["export", "--db", str(db), "--format", "parquet", "-o", str(tmp_path / "pq")]) == 0
    assert {p.name for p in (tmp_path / "pq").iterdir()} == {
        "documents.parquet",
        "mentions.parquet",
        "events.parquet",
        "quotes.parquet",
        "folded_events.parquet",
    }
    assert "wrote" in capsys.readouterr().err


def test_one_bad_input_gives_exit_1_and_one_line_while_the_others_are_stored(tmp_path, inputs, capsys):
    bad = tmp_path / "broken.jsonl"
    bad.write_text('{"id": "x", "text": "Fine text about talks in Oslo, officials said."}\n{oops\n', encoding="utf-8")
    db = tmp_path / "detente.duckdb"
    assert main(["ingest", str(inputs), str(bad), "--db", str(db)]) == 1
    captured = capsys.readouterr()
    errors = captured.err.strip().splitlines()
    assert errors[0].startswith(f"detente: {bad}:2: not valid JSON")
    assert "1 input(s) failed" in errors[-1]
    assert "articles  3" in captured.out


def test_export_of_a_missing_database_says_what_to_do(tmp_path, capsys):
    code = main(["export", "--db", str(tmp_path / "none.duckdb"), "-o", str(tmp_path / "x.jsonl")])
    assert code == 4
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "detente ingest" in err


def test_extract_to_csv_and_gdelt_without_a_store(tmp_path, inputs):
    import csv

    sheet, gdelt = tmp_path / "rows.csv", tmp_path / "events.tsv"
    assert main(["extract", str(inputs), "-o", str(sheet)]) == 0
    assert main(["extract", str(inputs), "--format", "gdelt", "-o", str(gdelt)]) == 0
    with sheet.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and all(r["evidence"] and r["doc_id"] in ("oslo-1", "oslo-2") for r in rows)
    events = gdelt.read_text(encoding="utf-8").splitlines()
    mentions = (tmp_path / "events.tsv.mentions.tsv").read_text(encoding="utf-8").splitlines()
    assert 0 < len(events) <= len(rows) and len(mentions) == sum(
        1 for r in rows if r["modality"] in ("asserted", "future")
    )
    assert all(len(line.split("\t")) == 61 for line in events)
