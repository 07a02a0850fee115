"""Schema versions: tables derived from the records, a version-1 database (built by the fixture
script as detente 0.1.0 wrote it) upgraded on open, every step recorded."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from detente.cli import main
from detente.errors import StoreError
from detente.store import SCHEMA_VERSION, Store
from detente.store.migrations import MIGRATIONS
from detente.store.schema import tables

sys.path.insert(0, str(Path(__file__).parent))
import make_v1_db


@pytest.fixture
def v1_db(tmp_path: Path) -> Path:
    path = tmp_path / "old.duckdb"
    make_v1_db.build(path)
    return path


def layout(path: Path) -> dict[str, list[tuple[str, str, str]]]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        rows = con.execute(
            "SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns "
            "WHERE table_schema = 'main' ORDER BY table_name, ordinal_position"
        ).fetchall()
    finally:
        con.close()
    out: dict[str, list[tuple[str, str, str]]] = {}
    for table, column, kind, nullable in rows:
        out.setdefault(table, []).append((column, kind, nullable))
    return out


def test_the_fixture_script_runs_on_its_own(tmp_path):
    path = tmp_path / "cli.duckdb"
    subprocess.run([sys.executable, str(Path(make_v1_db.__file__)), str(path)], check=True)
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("SELECT version FROM schema_info").fetchall() == [(1,)]
    con.close()


def test_an_upgraded_database_has_exactly_the_layout_of_a_new_one(tmp_path, v1_db):
    with Store.open(v1_db) as store:
        assert store.upgraded_from == 1 and store.version == SCHEMA_VERSION
    with Store.open(tmp_path / "new.duckdb"):
        pass
    assert layout(v1_db) == layout(tmp_path / "new.duckdb")


def test_upgrading_keeps_the_records_and_records_each_step(v1_db):
    with Store.open(v1_db) as store:
        records = list(store.records())
        steps = store.connection.execute("SELECT version, description FROM schema_info ORDER BY version").fetchall()
    assert [r["type"] for r in records] == ["document", "mention", "mention", "event"]
    assert records[0]["text"] == make_v1_db.TEXT and records[3]["location"]["name"] == "Lima"
    assert [v for v, _ in steps] == [1, *(m.version for m in MIGRATIONS)]
    assert all(description for _, description in steps)
    # Opening again changes nothing.
    with Store.open(v1_db) as store:
        assert store.upgraded_from is None and list(store.records()) == records


def test_new_articles_go_into_an_upgraded_database(v1_db, tmp_path):
    from test_store_roundtrip import expected_lines, exported, make_result

    with Store.open(v1_db) as store:
        result = make_result("d9", "Another text.")
        store.write(result)
        lines = exported(store, tmp_path)
    assert lines[-len(expected_lines(result)) :] == expected_lines(result)
    assert json.loads(lines[0])["doc_id"] == "lima"


def test_reading_an_old_database_asks_to_migrate_once(v1_db, capsys):
    with pytest.raises(StoreError, match="detente migrate --db"), Store.open(v1_db, read_only=True):
        pass
    assert main(["summary", "--db", str(v1_db)]) == 4
    assert "detente migrate" in capsys.readouterr().err
    assert main(["migrate", "--db", str(v1_db)]) == 0
    assert f"upgraded from schema 1 to {SCHEMA_VERSION}" in capsys.readouterr().out
    assert main(["migrate", "--db", str(v1_db)]) == 0
    assert "nothing to do" in capsys.readouterr().out
    assert main(["summary", "--db", str(v1_db)]) == 0
    assert "articles  1" in capsys.readouterr().out


def test_columns_are_the_fields_each_record_writes():
    from test_store_roundtrip import make_result

    result = make_result()
    by_type = {r["type"]: r for r in result.records()}
    for t in tables():
        assert ("type", *t.fields) == tuple(by_type[t.record]), t.name


def test_a_field_added_to_a_record_becomes_a_column():
    from dataclasses import dataclass

    from detente import records
    from detente.store import schema

    @dataclass(frozen=True, slots=True, kw_only=True)
    class Wider(records.Quote):
        sentiment: float | None = None

    (quotes,) = schema.derive_tables((("quotes", "quote", Wider, frozenset()),))
    assert quotes.fields[-1] == "sentiment" and quotes.columns[-1].kind == "DOUBLE"


def test_migrations_are_idempotent_as_a_new_database_runs_them_all(tmp_path):
    path = tmp_path / "new.duckdb"
    with Store.open(path):
        pass
    before = layout(path)
    con = duckdb.connect(str(path))
    for migration in MIGRATIONS:
        migration.apply(con)
    con.close()
    assert layout(path) == before
