"""The whole-article scorer (`detente eval articles`) on hand-built events and gold."""

from __future__ import annotations

from datetime import date

import pytest

from detente.evaluate.articles import GoldArticle, GoldEvent, MustNot, report, score_article
from detente.records import Actor, DateWindow, Event

PUBLISHED = date(2016, 5, 10)


def _event(
    n: int, source: str, target: str | None, root: str, day: date | None, *, span=(0, 40), modality="asserted"
) -> Event:
    return Event(
        doc_id="a",
        event_id=f"a:e{n}",
        span=span,
        trigger=(span[0], span[0] + 3),
        source=Actor(text=source, country=source),
        target=Actor(text=target, country=target) if target else None,
        cameo=root + "0",
        cameo_root=root,
        goldstein=0.0,
        quad_class=1,
        plover=None,
        plover_mode=None,
        modality=modality,
        date=DateWindow.day(day) if day else DateWindow.unknown(),
    )


GOLD = GoldArticle(
    file="a.txt",
    published=PUBLISHED,
    events=(
        GoldEvent(
            id="e1",
            source="USA",
            target="CHN",
            roots=frozenset({"11", "12"}),
            symmetric=False,
            window=(date(2016, 5, 3), PUBLISHED),
            offset=(0, 40),
        ),
        GoldEvent(
            id="e2", source="RUS", target="TUR", roots=frozenset({"04"}), symmetric=True, window=None, offset=(50, 90)
        ),
    ),
    must_not=(
        MustNot(id="n1", kind="historical", source="USA", target="IRQ", roots=frozenset({"19"}), offset=(100, 140)),
        MustNot(id="n2", kind="hypothetical", source="USA", target="MEX", roots=frozenset({"16"}), offset=(150, 190)),
    ),
)


def test_found_needs_root_countries_and_window() -> None:
    events = [
        _event(1, "USA", "CHN", "11", date(2016, 4, 1)),  # outside the window
        _event(2, "TUR", "RUS", "04", None, span=(50, 90)),  # symmetric: either order, no window
    ]
    outcome = score_article(GOLD, "x" * 200, events)
    assert outcome.found == ("e2",)
    outcome = score_article(GOLD, "x" * 200, [_event(3, "USA", "CHN", "12", date(2016, 5, 9))])
    assert outcome.found == ("e1",)


def test_direction_counts_when_not_symmetric() -> None:
    outcome = score_article(GOLD, "x" * 200, [_event(1, "CHN", "USA", "11", date(2016, 5, 9))])
    assert outcome.found == ()
    assert len(outcome.unmatched) == 1


@pytest.mark.parametrize(
    ("event", "violated"),
    [
        (_event(1, "USA", "IRQ", "19", date(2016, 5, 9), span=(100, 140)), True),  # war dated as news
        (_event(1, "USA", "IRQ", "19", date(2003, 3, 20), span=(100, 140)), False),  # kept in its time
        (_event(1, "USA", "IRQ", "19", None, span=(100, 140)), False),  # unknown date is no claim
        (_event(1, "USA", "IRQ", "19", date(2016, 5, 9), span=(0, 40)), False),  # another sentence
        (_event(1, "USA", "MEX", "16", None, span=(150, 190)), True),  # hypothetical asserted
        (_event(1, "USA", "MEX", "16", None, span=(150, 190), modality="hypothetical"), False),
    ],
)
def test_must_not(event: Event, violated: bool) -> None:
    assert bool(score_article(GOLD, "x" * 200, [event]).violations) is violated


def test_precision_counts_judged_events_and_reports_bounds() -> None:
    wrong = _event(2, "FRA", "DEU", "05", None, span=(60, 80))
    right = _event(3, "GBR", "FRA", "04", None, span=(0, 20))
    unjudged = _event(4, "JPN", "KOR", "11", None, span=(20, 30))
    domestic = _event(5, "USA", "USA", "11", None)
    monadic = _event(6, "USA", None, "01", None)
    matched = _event(1, "USA", "CHN", "11", date(2016, 5, 9))
    outcome = score_article(GOLD, "x" * 200, [matched, wrong, right, unjudged, domestic, monadic])
    from detente.evaluate.articles import judgment_key

    judged = {judgment_key("a.txt", wrong): False, judgment_key("a.txt", right): True}
    rep = report([outcome], judged, "model", listing=True)
    assert rep.metrics["recall"] == pytest.approx(0.5)
    assert rep.metrics["precision"] == pytest.approx(2 / 3)  # matched + right over the judged three
    assert rep.metrics["precision_lower"] == pytest.approx(2 / 4)
    assert rep.metrics["unjudged"] == 1
    assert any("unjudged" in line and "JPN>KOR" in line for line in rep.lines)
    assert any("missed" in line and "e2" in line for line in rep.lines)
