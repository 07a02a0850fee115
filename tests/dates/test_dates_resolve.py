"""Unit tests of the time-expression rules, on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from detente.dates import DateKnowledge, date_for, find
from detente.dates.rules import candidates
from detente.dates.timex import window_of
from detente.dates.values import Ctx
from detente.knowledge import Knowledge
from detente.records import DateWindow, Published

# The dates stage's knowledge, as Resources loads it (shipped tables only).
KNOW = DateKnowledge.load(Knowledge.load())


MONDAY = date(2013, 10, 28)  # a Monday


def pub(d: date) -> Published:
    return Published(window=DateWindow.day(d), method="given")


def values(nlp, text: str, published: Published) -> dict[str, str | None]:
    return {t.text: t.value for t in find(nlp(text), published, KNOW)}


def value_of(text: str, ref: date, tense="none") -> str | None:
    (cand,) = candidates(text, KNOW.rules)
    out = cand.rule.normalise(cand.match, Ctx(ref=ref, tense=tense), KNOW.lexicon)
    return out[1] if out else None


@pytest.mark.parametrize(
    ("text", "published", "expression", "expected"),
    [
        pytest.param(
            "The envoys met on Thursday in Geneva.",
            MONDAY,
            "Thursday",
            "2013-10-24",
            id="past-weekday-is-the-latest-on-or-before-publication",
        ),
        pytest.param(
            "The envoys met on Monday in Geneva.",
            MONDAY,
            "Monday",
            "2013-10-28",
            id="past-weekday-includes-the-publication-day",
        ),
        pytest.param(
            "The envoys will meet on Tuesday in Geneva.",
            MONDAY,
            "Tuesday",
            "2013-10-29",
            id="future-weekday-is-the-next-one",
        ),
        pytest.param(
            "The envoys will meet on Monday in Geneva.",
            MONDAY,
            "Monday",
            "2013-11-04",
            id="future-weekday-never-the-publication-day",
        ),
        pytest.param(
            "The ministers are scheduled to meet on Friday.",
            MONDAY,
            "Friday",
            "2013-11-01",
            id="infinitive-after-a-plan-looks-forward",
        ),
        pytest.param(
            "The talks ended on Friday without a deal.",
            date(2014, 1, 1),
            "Friday",
            "2013-12-27",
            id="weekday-across-a-year-boundary",
        ),
        pytest.param(
            "The minister said on December 20 that talks had failed.",
            date(2013, 12, 3),
            "December 20",
            "2012-12-20",
            id="past-month-day-with-on-is-not-after-publication",
        ),
    ],
)
def test_day_in_a_sentence(nlp, text: str, published: date, expression: str, expected: str):
    assert values(nlp, text, pub(published))[expression] == expected


@pytest.mark.parametrize(
    ("expression", "ref", "tense", "expected"),
    [
        # a month and day without a year: the nearest year
        pytest.param("November 28", date(2023, 12, 3), "none", "2023-11-28", id="month-day-nearest-year-same"),
        pytest.param("Jan. 2", date(1989, 11, 2), "none", "1990-01-02", id="month-day-nearest-year-next"),
        pytest.param("Dec. 30", date(2014, 1, 3), "none", "2013-12-30", id="month-day-nearest-year-previous"),
        pytest.param("February 29", date(2013, 3, 5), "past", "2012-02-29", id="leap-day-in-a-leap-year"),
        pytest.param("Feb. 29, 2016", date(2020, 1, 1), "none", "2016-02-29", id="leap-day-with-its-year"),
        # 25 April was a Saturday in 2015, not in 2014 or 2016
        pytest.param("Saturday, April 25", date(2015, 4, 24), "past", "2015-04-25", id="weekday-picks-the-year"),
        pytest.param("last week", MONDAY, "none", "2013-W43", id="last-week"),
        pytest.param("this week", MONDAY, "none", "2013-W44", id="this-week"),
        pytest.param("next year", MONDAY, "none", "2014", id="next-year"),
        pytest.param("last month", date(2014, 1, 10), "none", "2013-12", id="last-month-across-a-year"),
        pytest.param("earlier this week", MONDAY, "none", "2013-W44", id="earlier-this-week"),
        pytest.param("yesterday", date(2014, 1, 1), "none", "2013-12-31", id="yesterday-across-a-year"),
        pytest.param("two years ago", MONDAY, "none", "2011", id="years-ago"),
        pytest.param("three days ago", MONDAY, "none", "2013-10-25", id="days-ago"),
        pytest.param("in 1945", MONDAY, "none", "1945", id="year"),
        pytest.param("the 1990s", MONDAY, "none", "199", id="decade"),
        pytest.param("the 20th century", MONDAY, "none", "19", id="century"),
        pytest.param("the third quarter", MONDAY, "none", "2013-Q3", id="quarter"),
        pytest.param("the first quarter of 1990", MONDAY, "none", "1990-Q1", id="quarter-of-a-year"),
        pytest.param("three years", MONDAY, "none", "P3Y", id="duration-years"),
        pytest.param("four hours", MONDAY, "none", "PT4H", id="duration-hours"),
        pytest.param("ten minutes", MONDAY, "none", "PT10M", id="duration-minutes"),
        pytest.param("every Monday", MONDAY, "none", "XXXX-WXX-1", id="set-weekday"),
        pytest.param("daily", MONDAY, "none", "P1D", id="set-daily"),
    ],
)
def test_expression_value(expression: str, ref: date, tense: str, expected: str):
    """The pattern's value alone (no parse), against the reference day and a given tense."""
    assert value_of(expression, ref, tense=tense) == expected


@pytest.mark.parametrize(
    ("value", "earliest", "latest", "precision"),
    [
        pytest.param("2016-02-29", date(2016, 2, 29), date(2016, 2, 29), "day", id="leap-day"),
        pytest.param("2013-Q3", date(2013, 7, 1), date(2013, 9, 30), "quarter", id="quarter"),
        pytest.param("199", date(1990, 1, 1), date(1999, 12, 31), "decade", id="decade"),
    ],
)
def test_window_of_a_value(value: str, earliest: date, latest: date, precision: str):
    w = window_of(value)
    assert (w.earliest, w.latest, w.precision) == (earliest, latest, precision)


def test_the_week_before_is_the_previous_week(nlp):
    (t,) = [t for t in find(nlp("He had met the envoy the week before."), pub(MONDAY), KNOW) if "week" in t.text]
    assert t.value == "2013-W43"
    assert (t.window.earliest, t.window.latest) == (date(2013, 10, 21), date(2013, 10, 27))
    assert t.window.precision == "week"


def test_a_day_after_gives_a_window_ending_at_publication(nlp):
    (t,) = find(nlp("The talks came a day after the minister spoke."), pub(MONDAY), KNOW)
    assert t.kind == "DURATION" and t.value == "P1D"
    assert (t.window.earliest, t.window.latest) == (date(2013, 10, 27), MONDAY)


def test_references(nlp):
    got = values(nlp, "Relations are now strained, and recently talks stalled.", pub(MONDAY))
    assert got["now"] == "PRESENT_REF"
    assert got["recently"] == "PAST_REF"


def test_date_for_without_expression_is_the_publication_window(nlp):
    doc = nlp("The minister criticised the plan.")
    published = pub(MONDAY)
    assert date_for(2, find(doc, published, KNOW), published) == published.window


def test_unknown_publication_leaves_relative_expressions_unknown(nlp):
    (t,) = [t for t in find(nlp("They met on Thursday in 1991."), Published(), KNOW) if t.text == "Thursday"]
    assert not t.window.known
    (y,) = [t for t in find(nlp("They met on Thursday in 1991."), Published(), KNOW) if t.text == "1991"]
    assert y.value == "1991" and y.window.known


def test_publication_window_of_several_days_gives_a_union(nlp):
    published = Published(
        window=DateWindow(earliest=date(2013, 10, 28), latest=date(2013, 10, 30), precision="week"),
        method="inferred",
    )
    (t,) = find(nlp("The envoys met on Sunday."), published, KNOW)
    assert t.window.earliest == date(2013, 10, 27) and t.window.latest == date(2013, 10, 27)
    (t,) = find(nlp("The envoys met yesterday."), published, KNOW)
    assert (t.window.earliest, t.window.latest) == (date(2013, 10, 27), date(2013, 10, 29))
    assert t.value is None and t.window.date is None


@pytest.mark.parametrize("text", ["on Thursday", "last week", "in March 2014", "the 1990s"])
def test_anchor_is_the_clause_head(nlp, text):
    doc = nlp(f"The ministers met {text}.")
    (t,) = find(doc, pub(MONDAY), KNOW)
    assert doc[t.anchor_token].text == "met"
