"""The batch runner (real model): read, skip stored, process, write, report."""

from __future__ import annotations

import pytest

from detente.errors import InputError, StoreError
from detente.records import Article
from detente.runners import Progress, run
from detente.store import Store
from detente.writers import writers

pytestmark = pytest.mark.model


def article(doc_id: str, text: str) -> Article:
    from detente.ingest.identity import sha256

    return Article(doc_id=doc_id, text=text, origin=f"{doc_id}.txt", sha256=sha256(text))


TEXTS = {
    "a": "Ecuador's president visited Colombia on Tuesday.",
    "b": "Kenya and Uganda signed an agreement on border trade.",
}


def test_report_counts_new_stored_and_failed_in_input_order(pipeline, tmp_path):
    items = [article("a", TEXTS["a"]), InputError("bad.jsonl:3: not valid JSON"), article("b", TEXTS["b"])]
    seen: list[Progress] = []
    failures = []
    with Store.open(tmp_path / "db.duckdb") as store:
        first = run(items, pipeline, store=store, total=3, progress=seen.append, on_failure=failures.append)
        again = run(items, pipeline, store=store, total=3)
        recoded = run(items[:1], pipeline, store=store, reprocess=True)
        assert store.summary().articles == 2
    assert (first.read, first.new, first.already_stored, first.recoded) == (3, 2, 0, 0)
    assert [(f.where, f.reason) for f in first.failed] == [("bad.jsonl:3", "not valid JSON")]
    assert failures == list(first.failed)
    assert first.events >= 2 and first.words == sum(len(t.split()) for t in TEXTS.values())
    assert [p.done for p in seen] == [1, 2, 3] and {p.total for p in seen} == {3}
    assert (again.new, again.already_stored, again.events, len(again.failed)) == (0, 2, 0, 1)
    assert (recoded.new, recoded.recoded) == (0, 1)


def test_the_sink_gets_what_the_store_would_export(pipeline, tmp_path):
    items = [article("a", TEXTS["a"]), article("b", TEXTS["b"])]
    sink = writers()["jsonl"].open(tmp_path / "run.jsonl")
    with Store.open(tmp_path / "db.duckdb") as store:
        run(items, pipeline, store=store, sink=sink)
        sink.close()
        store.export("jsonl", tmp_path / "export.jsonl")
    assert (tmp_path / "run.jsonl").read_text(encoding="utf-8") == (tmp_path / "export.jsonl").read_text(
        encoding="utf-8"
    )


def test_two_workers_write_byte_for_byte_what_one_writes(pipeline, tmp_path):
    from detente.config import load_config
    from detente.errors import ConfigError

    # Small chunks so that the two workers really share the input and finish out of order.
    config = load_config(overrides=["nlp.batch_size=2"], environ={})
    items = [article(f"d{n}", f"{text} It was the {n}th meeting.") for n in range(7) for text in TEXTS.values()]
    items.insert(5, InputError("bad.txt: the file is empty; remove it or add the article text"))
    outputs = {}
    for workers in (1, 2):
        sink = writers()["jsonl"].open(tmp_path / f"w{workers}.jsonl")
        with Store.open(tmp_path / f"w{workers}.duckdb") as store:
            store.write(pipeline.extract_one(items[0]))  # one article is stored already
            report = run(items, pipeline if workers == 1 else config, store=store, sink=sink, workers=workers)
        sink.close()
        outputs[workers] = (tmp_path / f"w{workers}.jsonl").read_bytes()
        assert (report.read, report.new, report.already_stored, len(report.failed)) == (15, 13, 1, 1)
    assert outputs[1] == outputs[2] and outputs[1].count(b'"type": "document"') == 13
    with pytest.raises(ConfigError, match="workers=0"):
        list(run(items, pipeline, workers=0))


def test_core_run_is_the_runner():
    from detente import core, runners

    assert core.run is runners.run


def test_nothing_to_parse_loads_no_model(tmp_path):
    from detente.config import load_config
    from detente.core import Pipeline

    items = [article("a", TEXTS["a"])]
    with Store.open(tmp_path / "db.duckdb") as store:
        loaded = Pipeline(load_config(environ={}))
        run(items, loaded, store=store)
        assert store.contains(items[0].sha256)
        fresh = Pipeline(load_config(environ={}))
        for workers, pipeline in ((1, fresh), (2, fresh.config)):
            report = run(items + [InputError("x.txt: empty")], pipeline, store=store, workers=workers)
            assert (report.already_stored, len(report.failed)) == (1, 1)
        assert fresh._resources is None  # re-ingesting what is stored never loaded the model


def test_store_batches_are_stored_whole_and_a_bad_article_alone_fails(pipeline, tmp_path):
    from dataclasses import replace

    items = [article(f"d{n}", f"{TEXTS['a']} Day {n}.") for n in range(5)]
    results = [pipeline.extract_one(a) for a in items]
    # A result whose document breaks the schema (a required id missing) fails alone.
    bad = replace(results[2], document=replace(results[2].document, doc_id=None))
    with Store.open(tmp_path / "db.duckdb") as store:
        with pytest.raises(StoreError, match="none of them was written"):
            store.write_many([results[0], bad])
        assert store.summary().articles == 0  # the batch is one transaction: nothing of it
        store.write_many(results[:2])
        store.write_many(results[1:])
        assert [r["doc_id"] for r in store.records() if r["type"] == "document"] == ["d0", "d1", "d2", "d3", "d4"]
