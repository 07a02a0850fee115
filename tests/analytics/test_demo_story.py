"""The demo tells the story: the demo corpus (examples/) ingested as `scripts/demo.sh` does, and
the US–Russia yearly series over folded events has the known shape (real model)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from detente.analytics.fold_sql import fold_counts
from detente.analytics.series import DyadSeries, dyad_series, plot
from detente.cli import main
from detente.store import Store

pytestmark = pytest.mark.model

REPO = Path(__file__).resolve().parents[2]
WARMER = 1.0  # Goldstein points a "warmer" year must clear (as bench/demo_series.py)
SHARPLY = 2.5  # Goldstein points a "sharply colder" year must clear


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["ingest", str(REPO / "examples"), "--db", str(db)]) == 0
    return db


@pytest.fixture(scope="session")
def series(demo_db) -> DyadSeries:
    with Store.open(demo_db, read_only=True) as store:
        return dyad_series(store.connection, "USA", "RUS", by="year")


def _mean(series: DyadSeries, year: int) -> float:
    (period,) = [p for p in series.periods if p.period == str(year)]
    assert period.goldstein_mean is not None, f"no US–Russia events in {year}"
    return period.goldstein_mean


def test_every_year_from_1991_to_2024_has_folded_events(series):
    assert series.folded
    years = {p.period: p.events for p in series.periods}
    assert all(years.get(str(y), 0) > 0 for y in range(1991, 2025))


@pytest.mark.parametrize("year", [2009, 2010])
def test_the_reset_is_warmer_than_2008(series, year):
    assert _mean(series, year) >= _mean(series, 2008) + WARMER


@pytest.mark.parametrize(("year", "before"), [(2014, 2013), (2022, 2021)])
def test_crimea_and_the_invasion_are_sharply_colder(series, year, before):
    assert _mean(series, year) <= _mean(series, before) - SHARPLY
    (period,) = [p for p in series.periods if p.period == str(year)]
    assert period.index is not None and period.index < 0


def test_folding_counts_each_event_once(demo_db):
    with Store.open(demo_db, read_only=True) as store:
        events, reports, articles = fold_counts(store.connection)
        stored = store.counts()["events"]
    assert 0 < events < reports <= stored and articles > 100


def test_the_chart_is_written(series, tmp_path):
    chart = plot(series, tmp_path / "usa-rus.png")
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
