"""The analytics over a store built by the real pipeline from a few short articles written here:
coded (with tone and contexts), stored, fold in the article's transaction, then series, exports and queries."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from detente.analytics.fold_sql import fold_article, load_folded, migrate_fold
from detente.analytics.gdelt import csv_rows, write_gdelt
from detente.analytics.queries import find_events
from detente.analytics.series import dyad_series
from detente.records import Article
from detente.store.store import Store

ARTICLES = [
    (
        "n1",
        "Wire A",
        date(2021, 4, 15),
        "WASHINGTON, April 15 - The United States imposed sanctions on Russia on Thursday over a wave of cyber attacks.",
    ),
    ("n2", "Wire B", date(2021, 4, 16), "Washington slapped sanctions on Moscow on Thursday over the hacking."),
    (
        "n3",
        "Wire C",
        date(2021, 6, 17),
        "GENEVA, June 17 - President Biden met President Putin in Geneva on Wednesday to discuss nuclear arms control.",
    ),
]

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def con(pipeline, tmp_path_factory):
    path = tmp_path_factory.mktemp("e2e") / "e.duckdb"
    articles = [Article(doc_id=i, text=t, source=s, published=p) for i, s, p, t in ARTICLES]
    with Store.open(path) as store:
        migrate_fold(store._con)
        for result in pipeline.process(articles):
            store.write(result)
            store._con.begin()
            fold_article(store._con, result.document.doc_id)
            store._con.commit()
    return duckdb.connect(str(path), read_only=True)


def test_tone_and_contexts_are_filled(con):
    tones = dict(con.execute("SELECT doc_id, tone FROM documents").fetchall())
    assert all(t is not None for t in tones.values()) and tones["n1"] < 0
    contexts = dict(
        con.execute("SELECT doc_id, list_distinct(flatten(list(contexts))) FROM events GROUP BY 1").fetchall()
    )
    assert "cyber" in contexts["n1"] and "cbrn" in contexts["n3"]


def test_two_reports_of_the_sanctions_fold_into_one_event(con):
    (sanctions,) = [f for f in load_folded(con) if f.cameo_root == "16"]
    assert (sanctions.num_mentions, sanctions.num_sources, sanctions.num_articles) == (2, 2, 2)
    assert sanctions.date.earliest == date(2021, 4, 15)
    s = dyad_series(con, "USA", "RUS", by="month", context="cyber")
    assert [(p.period, p.events) for p in s.periods] == [("2021-04", 1)]


def test_exports_and_queries_run_on_a_real_store(con, tmp_path):
    n_events, n_mentions = write_gdelt(load_folded(con), tmp_path / "g.tsv")
    assert n_mentions == len(list(csv_rows(con))) and n_events < n_mentions
    page = find_events(con, text="arms control")
    assert page.total >= 1 and set(page.rows.doc_id) == {"n3"}
