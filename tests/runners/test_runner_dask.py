"""The Dask runner on a two-worker LocalCluster: the same records as a local run."""

from __future__ import annotations

import pytest

from detente.analytics.fold_sql import STORE_HOOKS
from detente.errors import InputError
from detente.records import Article
from detente.runners import run
from detente.store import Store

pytestmark = pytest.mark.model


def article(doc_id: str, text: str) -> Article:
    from detente.ingest.identity import sha256

    return Article(doc_id=doc_id, text=text, origin=f"{doc_id}.txt", sha256=sha256(text))


SENTENCES = (
    "Peru's foreign minister met his Chilean counterpart in Lima on Monday.",
    "The Kenyan government accused Somalia of sheltering armed groups.",
    '"We will not accept this," the spokesman for the Norwegian ministry said.',
    "Protesters clashed with police in the Bolivian capital after the vote.",
)


def items() -> list[Article | InputError]:
    out: list[Article | InputError] = [
        article(f"n{n}", f"{SENTENCES[n % 4]} Talks resumed on day {n}. {SENTENCES[(n + 1) % 4]}") for n in range(9)
    ]
    out.insert(4, InputError("broken.html: the file is empty; remove it or add the article text"))
    return out


def test_two_worker_cluster_stores_exactly_what_a_local_run_stores(pipeline, tmp_path, monkeypatch):
    from detente.config import load_config
    from detente.runners.dask import run_dask

    monkeypatch.setenv("DETENTE_CACHE_DIR", str(tmp_path / "cache"))
    config = load_config(environ={})
    with Store.open(tmp_path / "local.duckdb", hooks=STORE_HOOKS) as store:
        store.write(pipeline.extract_one(items()[0]))  # stored before: skipped by both
        local = run(items(), pipeline, store=store)
        expected = list(store.records())
    with Store.open(tmp_path / "dask.duckdb", hooks=STORE_HOOKS) as store:
        store.write(pipeline.extract_one(items()[0]))
        report = run_dask(items(), config, store=store, workers=2, partition=3)
        got = list(store.records())
        # Run again: everything is stored, so no cluster is started (and no model loaded).
        import distributed

        with monkeypatch.context() as m:
            m.setattr(distributed, "LocalCluster", None)
            again = run_dask(items(), config, store=store, workers=2)
        assert (again.new, again.already_stored, len(again.failed)) == (0, 9, 1)
    assert got == expected and len(expected) > 30
    assert (
        (report.read, report.new, report.already_stored) == (local.read, local.new, local.already_stored) == (10, 8, 1)
    )
    assert [f.where for f in report.failed] == ["broken.html"]
    assert (report.events, report.quotes, report.words) == (local.events, local.quotes, local.words)
    assert not list(tmp_path.glob(".detente-shards-*")), "the shards are removed once loaded"

    # --format parquet: the shards stay as a dataset, in input order.
    dataset = tmp_path / "dataset"
    report = run_dask(items(), config, output=dataset, workers=2, partition=4)
    import duckdb

    docs = duckdb.sql(
        f"SELECT doc_id FROM read_parquet('{dataset}/part-*/documents.parquet', filename=true) ORDER BY filename"
    ).fetchall()
    assert [d for (d,) in docs] == [f"n{n}" for n in range(9)]
    assert report.new == 9


def test_folding_ran_on_the_loaded_shards(tmp_path):
    """The store's folding runs in the client when the shards are loaded (fold ids set)."""
    from detente.config import load_config
    from detente.runners.dask import run_dask

    with Store.open(tmp_path / "dask.duckdb", hooks=STORE_HOOKS) as store:
        run_dask(items()[:3], load_config(environ={}), store=store, workers=1, partition=2)
        rows = store.sql("SELECT count(*), count(fold_id) FROM events").fetchone()
    assert rows[0] > 0 and rows[0] == rows[1]
