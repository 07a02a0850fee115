"""The same text under several ids: stored once, said so, and every id kept (aliases)."""

from __future__ import annotations

import json
from pathlib import Path

from test_store_roundtrip import make_result

from detente.cli import main
from detente.store import Store


def test_an_alias_is_recorded_and_resolved(tmp_path: Path) -> None:
    with Store.open(tmp_path / "db.duckdb") as store:
        store.write(make_result("first", "Lavrov met Kerry in Moscow."))
        sha = make_result("first", "Lavrov met Kerry in Moscow.").sha256
        assert store.add_alias("first", sha) is None  # its own id
        assert store.add_alias("copy", sha) == "first"
        assert store.add_alias("new", "sha-of-nothing-stored") is None
        assert store.resolve("copy") == "first" and store.resolve("first") == "first"
        assert store.resolve("unknown") == "unknown"
        assert store.aliases("first") == ("copy",)


def test_ingest_says_same_text_and_the_web_finds_the_alias(tmp_path: Path, capsys) -> None:
    text = "The Norwegian foreign minister met his Canadian counterpart in Oslo on Tuesday."
    inputs = tmp_path / "twice.jsonl"
    inputs.write_text(
        json.dumps({"id": "one", "text": text}) + "\n" + json.dumps({"id": "two", "text": text}) + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "db.duckdb"
    assert main(["ingest", str(inputs), "--db", str(db)]) == 0
    captured = capsys.readouterr()
    # Within one batch the second is coded before the first is stored: either way, it is said.
    assert "two: same text as doc one: stored once" in captured.err
    with Store.open(db, read_only=True) as store:
        assert store.counts()["documents"] == 1
        stored = store.resolve("one")
        assert {stored, *store.aliases(stored)} == {"one", "two"}
        from detente.analytics.browse import article

        assert article(store.connection, "one")["doc_id"] == stored == article(store.connection, "two")["doc_id"]


def test_a_text_stored_under_two_ids_counts_as_two_articles_in_its_folded_events(tmp_path: Path) -> None:
    text = "The Norwegian foreign minister met his Canadian counterpart in Oslo on Tuesday."
    db = tmp_path / "db.duckdb"
    for doc_id in ("one", "two"):  # two runs: the second finds the text stored and adds an alias
        inputs = tmp_path / f"{doc_id}.jsonl"
        inputs.write_text(json.dumps({"id": doc_id, "text": text, "published": "2021-03-04"}) + "\n", encoding="utf-8")
        assert main(["ingest", str(inputs), "--db", str(db)]) == 0
    with Store.open(db, read_only=True) as store:
        counts = store.connection.execute("SELECT num_articles, num_mentions FROM folded_events").fetchall()
    assert counts and all(articles == 2 and mentions == 1 for articles, mentions in counts)
