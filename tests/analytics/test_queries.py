"""Queries over a small store: filters, paging, actors with roles, who met whom."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date

import duckdb
import pytest
from analytics_builders import (
    KERRY,
    LAVROV,
    event,
    result,
    standard_results,
    store_db,
    window,
)

from detente.analytics.queries import actors, find_events, who_met_whom


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    extra = "Kerry and Lavrov might meet again in the autumn."
    results = standard_results() + [
        result(
            "d8",
            extra,
            [event("d8", 1, "040", KERRY, LAVROV, window("2015-10-01", "2015-11-30"), extra, modality="hypothetical")],
            outlet="Wire E",
            published="2015-09-01",
        ),
    ]
    return duckdb.connect(str(store_db(tmp_path_factory.mktemp("q") / "q.duckdb", results)))


def _ids(page):
    return sorted(page.rows["event_id"])


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["d1:e1", "d2:e1", "d3:e1", "d4:e1", "d5:e1", "d6:e1", "d8:e1"]),
        ({"actor": "sergey-lavrov"}, ["d1:e1", "d2:e1", "d3:e1", "d8:e1"]),
        ({"actor": "John Kerry", "include_hypothetical": False}, ["d1:e1", "d2:e1", "d3:e1"]),
        ({"actor": "moscow"}, ["d4:e1", "d5:e1", "d6:e1"]),  # the words as written, any case
        ({"country": "RUS", "root": "11"}, ["d5:e1"]),
        ({"dyad": ("RUS", "USA"), "cameo": "04"}, ["d1:e1", "d2:e1", "d3:e1", "d8:e1"]),
        ({"cameo": "042"}, ["d2:e1"]),
        ({"plover": "sanction"}, ["d4:e1"]),
        ({"context": "cbrn"}, ["d4:e1", "d5:e1"]),
        ({"since": date(2015, 3, 6), "until": date(2015, 12, 31)}, ["d2:e1", "d4:e1", "d8:e1"]),  # overlap
        ({"text": "SIGNED a trade"}, ["d6:e1"]),
        ({"text": "50% off"}, []),  # wildcards in the text are plain characters
        ({"actor": "x' OR '1'='1"}, []),  # bound, not spliced
    ],
)
def test_event_filters(con, filters, expected):
    page = find_events(con, **filters)
    assert _ids(page) == expected and page.total == len(expected)


def test_paging_gives_the_total_and_each_row_once(con):
    first = find_events(con, limit=3)
    second = find_events(con, limit=3, offset=3)
    third = find_events(con, limit=3, offset=6)
    assert first.total == second.total == third.total == 7
    assert first.has_more and not third.has_more
    seen = list(first.rows.event_id) + list(second.rows.event_id) + list(third.rows.event_id)
    assert len(seen) == len(set(seen)) == 7
    data = first.to_dict()
    assert data["total"] == 7 and data["rows"][0]["date_earliest"] == "2015-03-03"
    json.dumps(data)  # JSON-ready for the web layer
    with pytest.raises(ValueError, match="limit"):
        find_events(con, limit=0)


def test_actors_with_roles_over_time(con):
    page = actors(con, name="lavrov")
    (row,) = page.rows.to_dict(orient="records")
    assert row["actor_id"] == "sergey-lavrov" and row["role"] == "Foreign Minister"
    assert (row["events"], row["as_source"], row["as_target"]) == (4, 1, 3)
    assert row["first"] == date(2015, 3, 2) and row["last"] == date(2015, 11, 30)
    usa = actors(con, country="USA")
    assert usa.total == 2 and list(usa.rows.actor_id) == ["john-kerry", "USA"]  # busiest first: 4 events, 3


def test_who_met_whom_counts_folded_meetings_between_people(con, tmp_path):
    net = who_met_whom(con)
    assert [n.node_id for n in net.nodes] == ["john-kerry", "sergey-lavrov"]
    (edge,) = net.edges
    # Three reports of one meeting fold into one; the hypothetical meeting is left out; the
    # country-to-country treaty is not between people.
    assert (edge.weight, edge.first, edge.types) == (1, "2015-03-03", ("CONSULT",))
    assert who_met_whom(con, since=date(2016, 1, 1)).edges == ()
    graphml = ET.fromstring(net.write(tmp_path / "net.graphml").read_text(encoding="utf-8"))
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(graphml.findall(".//g:node", ns)) == 2 and len(graphml.findall(".//g:edge", ns)) == 1
    data = json.loads(net.write(tmp_path / "net.json").read_text(encoding="utf-8"))
    assert data["edges"][0]["source"] == "john-kerry" and data["nodes"][1]["role"] == "Foreign Minister"
    with pytest.raises(ValueError, match="graphml"):
        net.write(tmp_path / "net.txt")
