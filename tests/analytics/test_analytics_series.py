"""Dyad series over folded events (and over reports in a store without folding)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import duckdb
import pytest
from analytics_builders import (
    RUS,
    USA,
    event,
    result,
    standard_results,
    store_db,
    window,
)

from detente.analytics.series import (
    YearPoint,
    dyad_by_year,
    dyad_series,
    midpoint,
    periods_between,
    plot,
    render_series,
    turning_points,
)


@pytest.fixture()
def folded_con(tmp_path):
    return duckdb.connect(str(store_db(tmp_path / "f.duckdb", standard_results())))


@pytest.fixture()
def unfolded_con(tmp_path):
    return duckdb.connect(str(store_db(tmp_path / "u.duckdb", standard_results(), fold=False)))


@pytest.mark.parametrize(
    ("first", "last", "by", "expected"),
    [
        (date(2015, 11, 5), date(2016, 2, 1), "month", ["2015-11", "2015-12", "2016-01", "2016-02"]),
        (date(2015, 11, 5), date(2016, 8, 1), "quarter", ["2015-Q4", "2016-Q1", "2016-Q2", "2016-Q3"]),
        (date(2015, 3, 3), date(2017, 5, 5), "year", ["2015", "2016", "2017"]),
    ],
)
def test_every_period_between_is_listed(first, last, by, expected):
    assert periods_between(first, last, by) == expected


def test_a_window_counts_at_its_midpoint():
    assert midpoint(date(2015, 3, 1), date(2015, 5, 31)) == date(2015, 4, 15)
    assert midpoint(date(2015, 12, 1), date(2016, 3, 31)).year == 2016


def test_yearly_series_counts_folded_events_once(folded_con):
    s = dyad_series(folded_con, "USA", "RUS")
    assert s.folded and [p.period for p in s.periods] == ["2015", "2016", "2017"]
    y2015, y2016, y2017 = s.periods
    # The meeting (three reports) is one event; the sanction is the other.
    assert y2015.events == 2
    assert y2015.counts == {
        "verbal_cooperation": 1,
        "material_cooperation": 0,
        "verbal_conflict": 0,
        "material_conflict": 1,
    }
    assert y2015.goldstein_sum == pytest.approx(1.0 - 8.0)
    assert y2015.goldstein_mean == pytest.approx(-3.5)
    assert y2015.balance == 0.0  # one CONSULT, one SANCTION
    # The meeting was reported by three articles: weight 1 + log2(3) against 1 for the sanction.
    w = 1 + 1.584962500721156
    assert y2015.index == pytest.approx((w * 1.0 - 8.0) / (w + 1), abs=1e-3)
    assert y2015.top_events[0].articles == 3 and y2015.top_events[0].evidence.startswith("Kerry")
    assert y2016.balance == -1.0 and y2017.balance == 1.0 and y2017.index == 8.0


def test_without_folding_every_report_counts(unfolded_con):
    s = dyad_series(unfolded_con, "USA", "RUS")
    assert not s.folded and s.periods[0].events == 4
    assert s.periods[0].top_events[0].evidence  # the sentence read from the article's text


def test_empty_periods_are_shown_and_bounds_apply(folded_con):
    s = dyad_series(folded_con, "USA", "RUS", by="quarter", since=date(2015, 1, 1), until=date(2016, 12, 31))
    labels = [p.period for p in s.periods]
    assert labels[0] == "2015-Q1" and labels[-1] == "2016-Q4" and len(labels) == 8
    empty = s.periods[labels.index("2015-Q3")]
    assert empty.events == 0 and empty.index is None and empty.goldstein_sum == 0
    assert sum(p.events for p in s.periods) == 3  # the 2017 treaty is after `until`


def test_directed_and_context_filters(folded_con):
    directed = dyad_series(folded_con, "RUS", "USA", directed=True)
    # RUS→USA: only symmetric actions (the meeting, the signing) count; the sanction and accusation go USA→RUS.
    assert sum(p.events for p in directed.periods) == 2
    cbrn = dyad_series(folded_con, "USA", "RUS", context="cbrn")
    assert [(p.period, p.events) for p in cbrn.periods] == [("2015", 1), ("2016", 1)]


def test_json_csv_and_text_outputs(folded_con):
    s = dyad_series(folded_con, "USA", "RUS")
    data = json.loads(s.to_json())
    assert data["dyad"] == ["USA", "RUS"] and data["by"] == "year"
    assert {"period", "goldstein_mean", "goldstein_sum", "balance", "index", "counts", "top_events"} <= set(
        data["periods"][0]
    )
    table = list(csv.DictReader(io.StringIO(s.to_csv())))
    assert [r["period"] for r in table] == ["2015", "2016", "2017"] and table[2]["index"] == "8.0"
    lines = s.render()
    assert lines[0].startswith("USA–RUS by year") and any(line.startswith("2017") and "█" in line for line in lines)
    assert any("Moscow and Washington signed" in line for line in lines)


@pytest.mark.parametrize("suffix", [".png", ".svg"])
def test_plot_writes_an_image(folded_con, tmp_path, suffix):
    s = dyad_series(folded_con, "USA", "RUS", by="quarter")
    out = plot(s, tmp_path / f"chart{suffix}")
    head = out.read_bytes()[:200]
    assert head.startswith(b"\x89PNG") if suffix == ".png" else b"<svg" in out.read_bytes()[:2000] or b"<?xml" in head
    assert [p.period for p in turning_points(s)]  # the labelled periods exist
    with pytest.raises(ValueError, match=r"\.png or \.svg"):
        plot(s, tmp_path / "chart.pdf")


def test_summary_helpers_keep_their_shape(folded_con, tmp_path):
    assert dyad_by_year(folded_con, "USA", "RUS") == (
        YearPoint(year=2015, events=2, goldstein=-3.5),
        YearPoint(year=2016, events=1, goldstein=-2.0),
        YearPoint(year=2017, events=1, goldstein=8.0),
    )
    text = "Washington might sanction Moscow."
    con = duckdb.connect(
        str(
            store_db(
                tmp_path / "h.duckdb",
                [
                    result(
                        "h1",
                        text,
                        [event("h1", 1, "163", USA, RUS, window("2015-01-01"), text, modality="hypothetical")],
                    )
                ],
            )
        )
    )
    assert dyad_by_year(con, "USA", "RUS") == ()


def test_chart_draws_cooperation_right_and_conflict_left():
    lines = render_series(
        "USA", "RUS", [YearPoint(year=2009, events=2, goldstein=5.0), YearPoint(year=2014, events=1, goldstein=-10.0)]
    )
    assert lines[0].startswith("USA–RUS relations by year")
    left, right = lines[1].split("|")
    assert "█" * 10 in right and "░" not in left
    left, right = lines[2].split("|")
    assert "░" * 20 in left and "█" not in right
    assert render_series("USA", "RUS", []) == []


@pytest.mark.parametrize(
    ("evidence", "shown"),
    [
        ("GENEVA, Jan 9 (Wire) - The envoys met for an hour.", "The envoys met for an hour."),
        ("OSLO - The envoys met.", "The envoys met."),
        ("U.S. envoys met in Oslo.", "U.S. envoys met in Oslo."),  # no dateline: kept whole
    ],
)
def test_labels_leave_the_dateline_out(evidence, shown):
    from detente.analytics.series import _short

    assert _short(evidence, 80) == shown
    assert _short(evidence, 10).endswith("…") and len(_short(evidence, 10)) == 10
