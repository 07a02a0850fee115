"""The writers' registry: format resolution, and JSONL and Parquet outputs of the same records."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from detente.errors import OutputError
from detente.writers import resolve, writers

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from test_store_roundtrip import make_result


@pytest.mark.parametrize(
    ("fmt", "path", "expected"),
    [
        ("jsonl", "out.parquet", "jsonl"),  # --format wins
        ("parquet", "out", "parquet"),
        (None, "out.jsonl", "jsonl"),
        (None, "OUT.JSONL", "jsonl"),
        (None, "out.ndjson", "jsonl"),
        (None, "out.parquet", "parquet"),
        (None, "out.CSV", "csv"),
        ("gdelt", "out.tsv", "gdelt"),
        (None, None, "jsonl"),  # standard output
    ],
)
def test_format_from_the_flag_else_the_extension(fmt, path, expected):
    assert resolve(fmt, Path(path) if path else None).name == expected


@pytest.mark.parametrize(
    ("fmt", "path", "message"),
    [
        (None, "out.xml", "'.xml'"),
        (None, "out.tsv", "'.tsv'"),  # GDELT is chosen by --format gdelt only: its files are not GDELT's by name
        (None, "out", "no extension"),
        ("xml", "out.xml", "unknown output format 'xml'"),
    ],
)
def test_an_unknown_format_is_refused_naming_the_formats(fmt, path, message):
    with pytest.raises(OutputError) as info:
        resolve(fmt, Path(path))
    assert message in str(info.value) and "jsonl, parquet" in str(info.value)


def test_every_writer_has_its_extensions_and_a_description():
    for name, writer in writers().items():
        assert writer.name == name and writer.description
        assert writer.extensions or name == "gdelt"
        assert all(e.startswith(".") and e == e.lower() for e in writer.extensions)


def test_jsonl_writes_the_contract_records(tmp_path):
    results = [make_result("a", "One."), make_result("b", "Two.", events=2)]
    sink = writers()["jsonl"].open(tmp_path / "sub" / "out.jsonl")
    for r in results:
        sink.write(r.records(), sha256=r.sha256, version=r.version)
    count = sink.close()
    lines = (tmp_path / "sub" / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert count == len(lines) == 5 + 6  # a document, two mentions, the events and a quote each
    assert [json.loads(line) for line in lines] == [rec for r in results for rec in r.records()]


def test_parquet_writes_one_file_per_record_type_with_bookkeeping(tmp_path):
    import pyarrow.parquet as pq

    result = make_result("a", "One.", events=2)
    sink = writers()["parquet"].open(tmp_path / "out.parquet")
    sink.write(result.records(), sha256=result.sha256, version=result.version)
    assert sink.close() == 1 + 2 + 2 + 1
    events = pq.read_table(tmp_path / "out.parquet" / "events.parquet").to_pylist()
    assert [e["event_id"] for e in events] == ["a:e1", "a:e2"]
    assert events[0]["source"]["country"] == "RUS" and events[0]["pipeline_version"] == "0.1.0"
    assert events[0]["sha256"] == result.sha256
    documents = pq.read_table(tmp_path / "out.parquet" / "documents.parquet").to_pylist()
    assert documents[0]["published"]["method"] == "given"


def test_a_folder_writer_refuses_a_file_and_a_file_writer_a_folder(tmp_path):
    (tmp_path / "file.parquet").write_text("x")
    with pytest.raises(OutputError, match="is a file"):
        writers()["parquet"].open(tmp_path / "file.parquet")
    (tmp_path / "dir.jsonl").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        writers()["jsonl"].open(tmp_path / "dir.jsonl")
