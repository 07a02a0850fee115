"""The analytics formats in the writers' registry: CSV rows per report, GDELT rows per folded
event (folded in memory for `extract`, the store's folding for `export`), folded events in the
JSONL and Parquet exports, typed dates and evidence in Parquet."""

from __future__ import annotations

import csv
import json
import sys
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from detente.analytics.fold_sql import STORE_HOOKS, load_folded
from detente.analytics.gdelt import CSV_COLUMNS, EVENT_COLUMNS, MENTION_COLUMNS
from detente.store import Store
from detente.writers import writers

sys.path.insert(0, str(Path(__file__).parents[1] / "analytics"))
from analytics_builders import standard_results


def _through_sink(name: str, path: Path) -> int:
    """As `extract` writes: one article's records at a time, no store."""
    sink = writers()[name].open(path)
    for r in standard_results():
        sink.write(r.records(), sha256=r.sha256, version=r.version)
    return sink.close()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "story.duckdb"
    with Store.open(path, hooks=STORE_HOOKS) as store:
        for r in standard_results():
            store.write(r)
    return path


def _export(path: Path, fmt: str, out: Path) -> int:
    with Store.open(path, read_only=True) as store:
        return store.export(fmt, out, folded=load_folded(store.connection))


def _tsv(path: Path) -> list[list[str]]:
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()]


def test_csv_from_records_has_one_row_per_report_with_evidence(tmp_path):
    out = tmp_path / "sheet.csv"
    assert _through_sink("csv", out) == 6
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == list(CSV_COLUMNS) and len(rows) == 6
    first = rows[0]
    assert first["evidence"] == "Kerry and Lavrov held talks on Tuesday about the ceasefire."
    assert (
        first["date"] == "2015-03-03" and first["source_country"] == "USA" and first["target_name"] == "Sergey Lavrov"
    )
    assert first["fold_id"] == ""  # no store, no folding
    assert rows[1]["date"] == "" and rows[1]["date_earliest"] == "2015-03-02"  # a week: a window, no single day


def test_csv_export_names_each_reports_folded_event(store_path, tmp_path):
    out = tmp_path / "sheet.csv"
    assert _export(store_path, "csv", out) == 6
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [r["fold_id"] for r in rows[:3]] == ["F1", "F1", "F1"]  # three outlets, one meeting
    assert len({r["fold_id"] for r in rows}) == 4


def test_gdelt_from_extract_folds_in_memory_like_the_store(store_path, tmp_path):
    extracted, exported = tmp_path / "run.tsv", tmp_path / "db.tsv"
    assert _through_sink("gdelt", extracted) == 4
    assert _export(store_path, "gdelt", exported) == 4
    for path in (extracted, exported):
        events, mentions = _tsv(path), _tsv(Path(f"{path}.mentions.tsv"))
        assert len(events) == 4 and all(len(row) == len(EVENT_COLUMNS) for row in events)
        assert len(mentions) == 6 and all(len(row) == len(MENTION_COLUMNS) for row in mentions)
        meeting = events[0]
        names = [n for n, _ in EVENT_COLUMNS]
        assert meeting[names.index("NumMentions")] == "3" and meeting[names.index("NumArticles")] == "3"
        assert meeting[names.index("SQLDATE")] == "20150303" and meeting[names.index("Actor1Code")] == "USAGOV"
    assert _tsv(extracted) == _tsv(exported)


def test_jsonl_export_ends_with_the_folded_events(store_path, tmp_path):
    out = tmp_path / "all.jsonl"
    count = _export(store_path, "jsonl", out)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert count == len(records)
    kinds = [r["type"] for r in records]
    folded = [r for r in records if r["type"] == "folded_event"]
    assert kinds[-len(folded) :] == ["folded_event"] * 4 and "folded_event" not in kinds[:-4]
    meeting = folded[0]
    assert meeting["num_mentions"] == 3 and len(meeting["reports"]) == 3
    assert all(r["evidence"] for r in meeting["reports"])


def test_parquet_has_typed_dates_evidence_and_folded_events(store_path, tmp_path):
    import pyarrow as pa

    out = tmp_path / "pq"
    _export(store_path, "parquet", out)
    events = pq.read_table(out / "events.parquet")
    assert events.schema.field("date_earliest").type == pa.date32()
    assert events.column("date_earliest").to_pylist()[0] == date(2015, 3, 3)
    assert events.column("evidence").to_pylist()[0].startswith("Kerry and Lavrov held talks")
    assert events.column("fold_id").to_pylist()[:3] == ["F1", "F1", "F1"]
    folded = pq.read_table(out / "folded_events.parquet")
    assert folded.num_rows == 4 and folded.schema.field("first_report").type == pa.date32()
    assert folded.column("num_mentions").to_pylist()[0] == 3


def test_parquet_from_records_has_no_folded_events_file(tmp_path):
    out = tmp_path / "pq"
    _through_sink("parquet", out)
    assert not (out / "folded_events.parquet").exists()
    assert pq.read_table(out / "events.parquet").column("evidence").to_pylist()[3].startswith("Washington imposed")
