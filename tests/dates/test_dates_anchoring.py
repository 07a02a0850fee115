"""Unit tests (issue #5, second round): which clause a time belongs to, arranged days
("for Wednesday"), frequency adjectives, quarters and decades. Sentences written for these tests.

Model-backed: each sentence is parsed by the model (behaviour on running text). The same rules on
the parse shapes they read, built by hand, are in ``test_dates_syntax.py``."""

from __future__ import annotations

from datetime import date

import pytest

from detente.dates import DateKnowledge, find
from detente.dates.rules import candidates
from detente.dates.values import Ctx
from detente.knowledge import Knowledge
from detente.records import DateWindow, Published

# The dates stage's knowledge, as Resources loads it (shipped tables only).
KNOW = DateKnowledge.load(Knowledge.load())


MONDAY = date(2013, 10, 28)  # a Monday
SUNDAY = date(2013, 10, 27)


def pub(d: date) -> Published:
    return Published(window=DateWindow.day(d), method="given")


def values(nlp, text: str, published: Published) -> dict[str, str | None]:
    return {t.text: t.value for t in find(nlp(text), published, KNOW)}


def value_of(text: str, ref: date, tense="none", quarter: str | None = None) -> str | None:
    (cand,) = candidates(text, KNOW.rules)
    out = cand.rule.normalise(cand.match, Ctx(ref=ref, tense=tense, quarter=quarter), KNOW.lexicon)
    return out[1] if out else None


@pytest.mark.parametrize(
    ("text", "published", "expression", "expected"),
    [
        pytest.param(
            "The league has called a special session of its council for Thursday.",
            MONDAY,
            "Thursday",
            "2013-10-31",
            id="arranged-for-lies-ahead",
        ),
        pytest.param(
            "The hearing is scheduled for Wednesday.", MONDAY, "Wednesday", "2013-10-30", id="scheduled-for-lies-ahead"
        ),
        # told in the past: the nearer of last and next Wednesday
        pytest.param(
            "The vote was set for Wednesday.", MONDAY, "Wednesday", "2013-10-30", id="set-for-told-in-the-past"
        ),
        # told on a Sunday: the concert planned for Saturday was yesterday's
        pytest.param(
            "A concert planned for Saturday was called off because of the storm.",
            SUNDAY,
            "Saturday",
            "2013-10-26",
            id="arranged-for-in-the-past-takes-the-nearer-day",
        ),
        pytest.param(
            "The summit opens on Monday.",
            date(2013, 10, 30),
            "Monday",
            "2013-11-04",
            id="simple-present-is-a-timetable",
        ),
        pytest.param(
            "Voters go to the polls on Sunday.",
            date(2013, 10, 30),
            "Sunday",
            "2013-11-03",
            id="simple-present-plural-is-a-timetable",
        ),
        # the day itself when told on that day
        pytest.param(
            "The talks resume on Wednesday.",
            date(2013, 10, 30),
            "Wednesday",
            "2013-10-30",
            id="timetable-day-told-that-day",
        ),
        pytest.param(
            "The president is due in Berlin on Thursday.",
            date(2024, 3, 13),
            "Thursday",
            "2024-03-14",
            id="present-copula-due-lies-ahead",
        ),
        # the plan may lie on either side of publication: the nearer weekday, not always the past one
        pytest.param(
            "The two sides agreed to meet again on Friday.",
            date(2024, 3, 13),
            "Friday",
            "2024-03-15",
            id="plan-told-in-the-past-nearer-day-ahead",
        ),
        pytest.param(
            "The two sides agreed to meet again on Tuesday.",
            date(2024, 3, 13),
            "Tuesday",
            "2024-03-12",
            id="plan-told-in-the-past-nearer-day-behind",
        ),
        pytest.param(
            "The ministers were to meet on Friday.",
            date(2024, 3, 13),
            "Friday",
            "2024-03-15",
            id="were-to-meet-nearer-day",
        ),
        pytest.param(
            "Shares rose after Friday's report.",
            date(2013, 10, 30),
            "Friday",
            "2013-10-25",
            id="possessive-day-is-past",
        ),
        pytest.param(
            "Candidates campaigned ahead of Sunday's vote.",
            date(2013, 10, 30),
            "Sunday",
            "2013-11-03",
            id="possessive-day-ahead-of",
        ),
        # told in October: "since November" is last November, not next month
        pytest.param(
            "The fleet will stay in port, where it has been since November.",
            MONDAY,
            "November",
            "2012-11",
            id="since-a-month-is-behind",
        ),
    ],
)
def test_day_in_its_clause(nlp, text: str, published: date, expression: str, expected: str):
    assert values(nlp, text, pub(published))[expression] == expected


@pytest.mark.parametrize(
    ("expression", "quarter", "expected"),
    [
        pytest.param("this quarter", "2013-Q3", "2013-Q3", id="this-quarter-is-the-quarter-reported-on"),
        pytest.param("this quarter", None, "2013-Q3", id="this-quarter-is-the-last-complete-one"),
        pytest.param("two decades", None, "P20Y", id="decades-in-years"),
        pytest.param("a decade", None, "P10Y", id="a-decade-in-years"),
        pytest.param("each April", None, "XXXX-04", id="each-month-is-a-set"),
        pytest.param("every June", None, "XXXX-06", id="every-month-is-a-set"),
        pytest.param("two weeks later", None, "P2W", id="units-later-is-the-time-that-passed"),
        pytest.param("a few days later", None, "PXD", id="a-few-days-later"),
        pytest.param("recent years", None, "PXY", id="recent-years"),
        pytest.param("recent weeks", None, "PXW", id="recent-weeks"),
        pytest.param("the 1991 quarter", "2013-Q3", "1991-Q3", id="a-year-s-quarter"),
        pytest.param("coming weeks", None, "PXW", id="coming-weeks"),
        pytest.param("the years ahead", None, "PXY", id="the-years-ahead"),
        pytest.param("the next couple of years", None, "P2Y", id="the-next-couple-of-years"),
    ],
)
def test_expression_value(expression: str, quarter: str | None, expected: str):
    """The pattern's value alone (no parse): told on a Monday, tense unknown."""
    assert value_of(expression, MONDAY, quarter=quarter) == expected


def test_year_ago_is_not_read_as_the_year(nlp):
    got = values(nlp, "The year-ago figures were revised.", pub(MONDAY))
    assert "The year" not in got
    assert any("year-ago" in k for k in got)


def test_a_capitalised_week_is_a_title(nlp):
    got = values(nlp, 'The senator said on "This Week" that the bill would pass this week.', pub(MONDAY))
    assert "This Week" not in got
    assert got["this week"] == "2013-W44"


@pytest.mark.parametrize(
    "text", ["The senator told USA Today that she would run.", 'He watched "World News Tonight" at home.']
)
def test_a_deictic_word_continuing_a_capitalised_name_is_no_time(nlp, text: str) -> None:
    assert values(nlp, text, pub(MONDAY)) == {}


def test_the_day_before_an_event_is_left_undated(nlp):
    got = values(nlp, "They met the day before the vote.", pub(MONDAY))
    assert got == {}
    got = values(nlp, "He had called the week before, and again on Friday.", pub(MONDAY))
    assert "the week before" in got


def test_a_clock_time_in_local_time_takes_its_day(nlp):
    got = values(nlp, "Polls will open at 8 a.m. local time on Friday.", pub(MONDAY))
    assert list(got.values()) == ["2013-11-01T08:00"]
