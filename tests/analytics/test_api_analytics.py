"""The Python API's analytics: ``detente.open(db)`` gives the dyad series, event and actor
queries, the network and the folded events (a small folded store, no model)."""

from __future__ import annotations

from datetime import date

import pytest
from analytics_builders import standard_results

import detente
from detente.analytics.fold_sql import STORE_HOOKS
from detente.errors import InputError
from detente.store import Store


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "story.duckdb"
    with Store.open(path, hooks=STORE_HOOKS) as store:
        for r in standard_results():
            store.write(r)
    with detente.open(path) as handle:
        yield handle


def test_dyad_series_over_folded_events(db):
    series = db.dyad("usa", "rus", by="year", since="2015-01-01")
    assert series.folded and [p.period for p in series.periods] == ["2015", "2016", "2017"]
    assert series.periods[0].events == 2 and series.periods[0].top_events[0].articles == 3


@pytest.mark.parametrize(
    ("filters", "total"),
    [
        ({"dyad": ("RUS", "USA")}, 6),
        ({"cameo": "04"}, 3),
        ({"context": "cbrn"}, 2),
        ({"text": "sanctions"}, 1),
        ({"since": date(2017, 1, 1)}, 1),
    ],
)
def test_find_events(db, filters, total):
    page = db.find_events(**filters)
    assert page.total == total and list(page.rows["evidence"]) and page.rows["fold_id"].notna().all()


def test_events_frame_names_the_folded_event(db):
    frame = db.events(root="04")
    assert list(frame["fold_id"]) == ["F1", "F1", "F1"]


def test_actors_network_and_folded_events(db):
    assert set(db.actors(country="USA").rows["name"]) == {"John Kerry", "United States"}
    network = db.network()
    assert [(e.source, e.target, e.weight) for e in network.edges] == [("john-kerry", "sergey-lavrov", 1)]
    folded = list(db.folded_events())
    assert [f.num_mentions for f in folded] == [3, 1, 1, 1] and folded[0].to_dict()["type"] == "folded_event"


def test_a_bad_page_is_an_input_error(db):
    with pytest.raises(InputError, match="limit 0 is out of range"):
        db.find_events(limit=0)
