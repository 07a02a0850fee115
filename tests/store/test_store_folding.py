"""Folding inside the store's transactions: the hooks the caller passes (analytics' folding) run
in each article's transaction and after the migration that introduced folding; the store itself
does not import analytics."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from detente.analytics.fold_sql import STORE_HOOKS, fold_counts
from detente.cli import main
from detente.store import Hooks, Store

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "analytics"))
import make_v1_db
from analytics_builders import standard_results


def _folds(store: Store) -> list[tuple[str, str | None]]:
    return store.connection.execute("SELECT event_id, fold_id FROM events ORDER BY seq, n").fetchall()


def test_each_article_is_folded_in_its_own_transaction(tmp_path):
    with Store.open(tmp_path / "f.duckdb", hooks=STORE_HOOKS) as store:
        for r in standard_results():
            store.write(r)
        assert fold_counts(store.connection) == (4, 6, 6)
        assert [f for _, f in _folds(store)] == ["F1", "F1", "F1", "F2", "F3", "F4"]
        # Writing the articles again (a re-ingest) folds them the same way, without duplicates.
        for r in standard_results():
            store.write(r)
        assert fold_counts(store.connection) == (4, 6, 6)


def test_a_failing_hook_leaves_neither_the_article_nor_its_folding(tmp_path):
    def broken(con, doc_ids, **kw):
        STORE_HOOKS.after_write(con, doc_ids, **kw)  # type: ignore[misc]
        raise KeyboardInterrupt  # killed after folding, before the commit

    results = standard_results()
    with Store.open(tmp_path / "f.duckdb", hooks=STORE_HOOKS) as store:
        store.write(results[0])
    with Store.open(tmp_path / "f.duckdb", hooks=Hooks(after_write=broken)) as store:
        with pytest.raises(KeyboardInterrupt):
            store.write(results[1])
        assert store.counts()["documents"] == 1 and fold_counts(store.connection) == (1, 1, 1)


def test_the_same_text_under_a_new_id_takes_the_old_reports_out(tmp_path):
    first, *_ = standard_results()
    renamed = first.__class__(
        document=first.document.__class__(
            **{**{f: getattr(first.document, f) for f in first.document.__slots__}, "doc_id": "d1-again"}
        ),
        events=tuple(
            e.__class__(**{**{f: getattr(e, f) for f in e.__slots__}, "doc_id": "d1-again"}) for e in first.events
        ),
        sha256=first.sha256,
        version=first.version,
    )
    with Store.open(tmp_path / "f.duckdb", hooks=STORE_HOOKS) as store:
        store.write(first)
        store.write(renamed)
        docs = store.connection.execute("SELECT doc_ids FROM folded_events").fetchall()
        assert docs == [(["d1-again"],)] and fold_counts(store.connection) == (1, 1, 1)


def test_upgrading_an_old_store_folds_what_it_holds(tmp_path):
    path = tmp_path / "old.duckdb"
    make_v1_db.build(path)
    assert main(["migrate", "--db", str(path)]) == 0
    with Store.open(path, read_only=True) as store:
        assert fold_counts(store.connection) == (1, 1, 1)
        assert _folds(store)[0][1] == "F1"


def test_an_upgrade_without_hooks_leaves_reports_unfolded(tmp_path):
    path = tmp_path / "old.duckdb"
    make_v1_db.build(path)
    with Store.open(path) as store:
        assert fold_counts(store.connection) == (0, 0, 0) and _folds(store)[0][1] is None


def test_the_store_does_not_import_analytics():
    code = "import sys, detente.store; print(any(m.startswith('detente.analytics') for m in sys.modules))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
