import duckdb

from detente.analytics import YearPoint, dyad_by_year, render_series


def _events(con):
    con.execute(
        """CREATE TABLE events (source STRUCT(country VARCHAR), target STRUCT(country VARCHAR),
           goldstein DOUBLE, modality VARCHAR, date STRUCT(earliest VARCHAR))"""
    )
    rows = [
        ("USA", "RUS", 4.0, "asserted", "2009-03-06"),
        ("RUS", "USA", 2.0, "asserted", "2009-07-06"),
        ("USA", "RUS", -5.0, "asserted", "2014-03-17"),
        ("USA", "RUS", -10.0, "hypothetical", "2014-03-18"),  # not counted
        ("USA", "RUS", 3.0, "asserted", None),  # no date: not in a year
        ("USA", "CHN", 1.0, "asserted", "2009-01-01"),  # another dyad
    ]
    for s, t, g, m, d in rows:
        con.execute(
            "INSERT INTO events VALUES ({'country': ?}, {'country': ?}, ?, ?, {'earliest': ?})", [s, t, g, m, d]
        )


def test_both_directions_per_year_without_hypothetical_or_undated():
    con = duckdb.connect()
    _events(con)
    assert dyad_by_year(con, "USA", "RUS") == (
        YearPoint(year=2009, events=2, goldstein=3.0),
        YearPoint(year=2014, events=1, goldstein=-5.0),
    )


def test_chart_draws_cooperation_right_and_conflict_left():
    lines = render_series("USA", "RUS", [YearPoint(year=2009, events=2, goldstein=5.0),
                                         YearPoint(year=2014, events=1, goldstein=-10.0)])
    assert lines[0].startswith("USA–RUS relations by year")
    coop, conflict = lines[1], lines[2]
    left, right = coop.split("|")
    assert "█" * 10 in right and "░" not in left
    left, right = conflict.split("|")
    assert "░" * 20 in left and "█" not in right
    assert render_series("USA", "RUS", []) == []
