"""The store: exact round trips, idempotent writes, reprocessing, one transaction per article,
Parquet export, schema versions and errors that say what to do. Results are built by hand."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.cli import render_summary
from detente.errors import StoreError
from detente.records import (
    Actor,
    DateWindow,
    Document,
    Event,
    Location,
    Mention,
    Published,
    Quote,
    Result,
)
from detente.store import SCHEMA_VERSION, Store

LAVROV = Actor(
    text="Lavrov", name="Sergei Lavrov", actor_id="lavrov_s", country="RUS", sector="GOV", role="Foreign Minister"
)
KERRY = Actor(text="Kerry", name="John Kerry", actor_id=None, country="USA", sector="GOV", role=None)
DAY = DateWindow.day(date(2016, 3, 23))


def make_result(
    doc_id: str = "d1",
    text: str = "Lavrov met Kerry in Moscow.",
    version: str = "0.1.0",
    events: int = 1,
    sha: str | None = None,
) -> Result:
    doc = Document(
        doc_id=doc_id,
        title="Talks",
        source="Example Wire",
        url=None,
        text=text,
        captions=("Lavrov and Kerry, March 23, 2016.",),
        published=Published(window=DAY, method="given"),
    )
    found = tuple(
        Event(
            doc_id=doc_id,
            event_id=f"{doc_id}:e{n}",
            span=(0, len(text)),
            trigger=(7, 10),
            source=LAVROV,
            target=KERRY,
            cameo="043",
            cameo_root="04",
            goldstein=2.8,
            quad_class=1,
            plover="CONSULT",
            plover_mode="visit",
            modality="asserted",
            date=DAY,
            location=Location(name="Moscow", kind="city", country="RUS", lat=55.75, lon=37.62),
            contexts=("diplomatic",),
            confidence=0.7,
        )
        for n in range(1, events + 1)
    )
    said = (
        Quote(
            doc_id=doc_id,
            quote_id=f"{doc_id}:q1",
            text="met",
            span=(7, 10),
            parts=((7, 10),),
            kind="direct",
            cue="said",
            speaker=None,
            date=DateWindow(),
        ),
    )
    return Result(
        document=doc,
        mentions=(
            Mention(doc_id=doc_id, span=(0, 6), actor=LAVROV),
            Mention(doc_id=doc_id, span=(11, 16), actor=KERRY),
        ),
        events=found,
        quotes=said,
        sha256=sha or f"sha-{text}",
        version=version,
    )


def exported(store: Store, tmp: Path) -> list[str]:
    out = tmp / "out.jsonl"
    store.export("jsonl", out)
    # split on "\n" only: JSON strings may hold U+0085 or U+2028, which splitlines() breaks on.
    return out.read_text(encoding="utf-8").split("\n")[:-1]


def expected_lines(*results: Result) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for res in results for r in res.records()]


# --- hypothesis: any Result round-trips exactly ----------------------------------------------

texts = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=40)
opt_texts = st.none() | texts
spans = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)).map(lambda t: (min(t), max(t)))
floats = st.floats(allow_nan=False, allow_infinity=False, width=64)


@st.composite
def windows(draw) -> DateWindow:
    if draw(st.booleans()):
        return DateWindow()
    start = draw(st.dates(date(1800, 1, 1), date(2100, 1, 1)))
    width = draw(st.integers(0, 400))
    return DateWindow(
        earliest=start,
        latest=start + timedelta(days=width),
        precision=draw(st.sampled_from(["day", "month", "year"])),
        timex=draw(opt_texts),
    )


actors = st.builds(
    Actor,
    text=texts,
    name=opt_texts,
    actor_id=opt_texts,
    country=st.none() | st.sampled_from(["RUS", "USA", "IGO"]),
    sector=st.none() | st.sampled_from(["GOV", "MIL"]),
    role=opt_texts,
)
locations = st.none() | st.builds(
    Location,
    name=texts,
    kind=st.sampled_from(["country", "city"]),
    country=st.none() | st.just("RUS"),
    lat=st.none() | floats,
    lon=st.none() | floats,
)


@st.composite
def results(draw) -> Result:
    doc_id = draw(st.text("abcdefgh0123456789_/", min_size=1, max_size=12))
    text = draw(texts)
    doc = Document(
        doc_id=doc_id,
        title=draw(opt_texts),
        source=draw(opt_texts),
        url=draw(opt_texts),
        text=text,
        captions=tuple(draw(st.lists(texts, max_size=3))),
        published=Published(window=draw(windows()), method=draw(st.sampled_from(["given", "unknown", "inferred"]))),
        tone=draw(st.none() | floats),
    )
    mentions = tuple(
        Mention(doc_id=doc_id, span=draw(spans), actor=draw(actors)) for _ in range(draw(st.integers(0, 3)))
    )
    events = tuple(
        Event(
            doc_id=doc_id,
            event_id=f"{doc_id}:e{n}",
            span=draw(spans),
            trigger=draw(spans),
            source=draw(actors),
            target=draw(st.none() | actors),
            cameo=draw(st.sampled_from(["010", "10", "043", "1213"])),
            cameo_root=draw(st.sampled_from(["01", "04", "12"])),
            goldstein=draw(floats),
            quad_class=draw(st.integers(1, 4)),
            plover=draw(st.none() | st.just("CONSULT")),
            plover_mode=draw(st.none() | texts),
            modality=draw(st.sampled_from(["asserted", "future", "hypothetical"])),
            date=draw(windows()),
            location=draw(locations),
            contexts=tuple(draw(st.lists(texts, max_size=2))),
            confidence=draw(floats),
        )
        for n in range(1, draw(st.integers(0, 3)) + 1)
    )
    quotes = tuple(
        Quote(
            doc_id=doc_id,
            quote_id=f"{doc_id}:q{n}",
            text=draw(texts),
            span=draw(spans),
            parts=tuple(draw(st.lists(spans, min_size=1, max_size=3))),
            kind=draw(st.sampled_from(["direct", "mixed"])),
            cue=draw(opt_texts),
            speaker=draw(st.none() | actors),
            date=draw(windows()),
        )
        for n in range(1, draw(st.integers(0, 2)) + 1)
    )
    return Result(
        document=doc,
        mentions=mentions,
        events=events,
        quotes=quotes,
        sha256=draw(st.text("0123456789abcdef", min_size=8, max_size=8)),
        version="9.9",
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(result=results())
def test_any_result_round_trips_exactly(result):
    with tempfile.TemporaryDirectory() as tmp:
        with Store.open(Path(tmp) / "db.duckdb") as store:
            store.write(result)
            assert exported(store, Path(tmp)) == expected_lines(result)


# --- behaviour ---------------------------------------------------------------------------------


def test_round_trip_keeps_article_order_and_record_order(tmp_path):
    first, second = make_result("b", "Second text."), make_result("a", "First text.", events=3)
    with Store.open(tmp_path / "db.duckdb") as store:
        store.write(first)
        store.write(second)
        assert exported(store, tmp_path) == expected_lines(first, second)


def test_writing_the_same_article_again_adds_nothing(tmp_path):
    result = make_result()
    with Store.open(tmp_path / "db.duckdb") as store:
        store.write(result)
        store.write(result)
        summary = store.summary()
        assert (summary.articles, summary.mentions, summary.events, summary.quotes) == (1, 2, 1, 1)
        assert store.contains(result.sha256) and not store.contains("other")


def test_reprocess_replaces_the_article_and_records_the_version(tmp_path):
    db = tmp_path / "db.duckdb"
    with Store.open(db) as store:
        store.write(make_result(version="0.1.0", events=3))
        store.write(make_result(version="0.2.0", events=1))
        assert store.summary().events == 1
    con = duckdb.connect(str(db), read_only=True)
    assert con.execute("SELECT DISTINCT pipeline_version FROM events").fetchall() == [("0.2.0",)]
    assert con.execute("SELECT DISTINCT pipeline_version FROM documents").fetchall() == [("0.2.0",)]
    con.close()


def test_same_doc_id_with_new_text_replaces_the_old_article(tmp_path):
    with Store.open(tmp_path / "db.duckdb") as store:
        store.write(make_result("d1", "Old text."))
        new = make_result("d1", "New text.")
        store.write(new)
        assert exported(store, tmp_path) == expected_lines(new)
        assert not store.contains("sha-Old text.")


def test_one_transaction_per_article(tmp_path):
    good = make_result("d1", "Good text.")
    with Store.open(tmp_path / "db.duckdb") as store:
        store.write(good)
        broken = make_result("d1", "Good text.", version="0.2.0", events=2, sha=good.sha256)
        bad_event = broken.events[1]
        object.__setattr__(bad_event, "span", (0, 2**40))  # does not fit the column: the insert fails
        with pytest.raises(StoreError) as info:
            store.write(broken)
        assert "nothing of it was written" in str(info.value) and info.value.doc_id == "d1"
        # The previous version of the article is intact, nothing of the failed one is there.
        assert exported(store, tmp_path) == expected_lines(good)
        store.write(make_result("d2", "Another text."))  # the store is still usable
        assert store.summary().articles == 2


def test_parquet_export_writes_one_file_per_record_type(tmp_path):
    import pyarrow.parquet as pq

    with Store.open(tmp_path / "db.duckdb") as store:
        store.write(make_result(events=2))
        count = store.export("parquet", tmp_path / "out")
    assert count == 1 + 2 + 2 + 1
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "documents.parquet",
        "events.parquet",
        "mentions.parquet",
        "quotes.parquet",
    ]
    events = pq.read_table(tmp_path / "out" / "events.parquet").to_pylist()
    assert [e["event_id"] for e in events] == ["d1:e1", "d1:e2"]
    assert events[0]["source"]["country"] == "RUS" and events[0]["date"]["date"] == "2016-03-23"
    assert events[0]["pipeline_version"] == "0.1.0"


def test_summary_counts_and_busiest_dyads(tmp_path):
    db = tmp_path / "db.duckdb"
    with Store.open(db) as store:
        store.write(make_result("d1", "One.", events=3))
        store.write(make_result("d2", "Two.", events=2))
        summary = store.summary()
    assert (summary.articles, summary.events) == (2, 5)
    text = render_summary(summary, (), db)  # the CLI renders; the store gives the data
    assert "RUS–USA 5" in text
    assert f"database: {db.resolve()}" in text
    assert text.splitlines()[0].split() == ["articles", "2"]


def test_tables_are_plural_with_a_schema_version(tmp_path):
    db = tmp_path / "db.duckdb"
    with Store.open(db) as store:
        store.write(make_result())
    con = duckdb.connect(str(db), read_only=True)
    tables = {r[0] for r in con.execute("SELECT table_name FROM information_schema.tables").fetchall()}
    assert {"documents", "mentions", "events", "quotes", "schema_info"} <= tables
    assert con.execute("SELECT version FROM schema_info").fetchall() == [(SCHEMA_VERSION,)]
    con.close()


# --- errors that say what to do ---------------------------------------------------------------


def test_a_newer_schema_asks_to_upgrade(tmp_path):
    db = tmp_path / "db.duckdb"
    with Store.open(db):
        pass
    con = duckdb.connect(str(db))
    con.execute("UPDATE schema_info SET version = ?", [SCHEMA_VERSION + 1])
    con.close()
    with pytest.raises(StoreError, match="upgrade detente"):
        with Store.open(db, read_only=True):
            pass


def test_not_a_detente_database(tmp_path):
    db = tmp_path / "other.duckdb"
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE sales (id INTEGER)")
    con.close()
    with pytest.raises(StoreError, match="not a detente one"):
        with Store.open(db):
            pass
    text = tmp_path / "notes.duckdb"
    text.write_text("not a database at all" * 200)
    with pytest.raises(StoreError, match="not a DuckDB database"):
        with Store.open(text):
            pass


def test_missing_database_for_reading(tmp_path):
    with pytest.raises(StoreError, match="detente ingest"):
        with Store.open(tmp_path / "none.duckdb", read_only=True):
            pass


def test_a_database_locked_by_another_process(tmp_path):
    db = tmp_path / "db.duckdb"
    with Store.open(db):
        pass
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db)!r}); print('ready', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="in use by another process") as info:
            with Store.open(db):
                pass
        assert "\n" not in str(info.value)
    finally:
        holder.kill()
        holder.wait()
