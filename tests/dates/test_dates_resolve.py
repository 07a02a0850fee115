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


def test_past_weekday_is_the_latest_on_or_before_publication(nlp):
    got = values(nlp, "The envoys met on Thursday in Geneva.", pub(MONDAY))
    assert got["Thursday"] == "2013-10-24"


def test_past_weekday_includes_the_publication_day(nlp):
    got = values(nlp, "The envoys met on Monday in Geneva.", pub(MONDAY))
    assert got["Monday"] == "2013-10-28"


def test_future_weekday_is_the_next_one(nlp):
    got = values(nlp, "The envoys will meet on Tuesday in Geneva.", pub(MONDAY))
    assert got["Tuesday"] == "2013-10-29"
    got = values(nlp, "The envoys will meet on Monday in Geneva.", pub(MONDAY))
    assert got["Monday"] == "2013-11-04"


def test_infinitive_after_a_plan_looks_forward(nlp):
    got = values(nlp, "The ministers are scheduled to meet on Friday.", pub(MONDAY))
    assert got["Friday"] == "2013-11-01"


def test_weekday_across_a_year_boundary(nlp):
    got = values(nlp, "The talks ended on Friday without a deal.", pub(date(2014, 1, 1)))
    assert got["Friday"] == "2013-12-27"


def test_month_day_without_year_takes_the_nearest_year():
    assert value_of("November 28", date(2023, 12, 3)) == "2023-11-28"
    assert value_of("Jan. 2", date(1989, 11, 2)) == "1990-01-02"
    assert value_of("Dec. 30", date(2014, 1, 3)) == "2013-12-30"


def test_past_month_day_with_on_is_not_after_publication(nlp):
    got = values(nlp, "The minister said on December 20 that talks had failed.", pub(date(2013, 12, 3)))
    assert got["December 20"] == "2012-12-20"


def test_leap_day_resolves_to_a_leap_year():
    assert value_of("February 29", date(2013, 3, 5), tense="past") == "2012-02-29"
    assert value_of("Feb. 29, 2016", date(2020, 1, 1)) == "2016-02-29"
    assert window_of("2016-02-29").precision == "day"


def test_weekday_named_with_a_date_picks_the_matching_year():
    # 25 April was a Saturday in 2015, not in 2014 or 2016
    assert value_of("Saturday, April 25", date(2015, 4, 24), tense="past") == "2015-04-25"


def test_relative_spans():
    ref = date(2013, 10, 28)
    assert value_of("last week", ref) == "2013-W43"
    assert value_of("this week", ref) == "2013-W44"
    assert value_of("next year", ref) == "2014"
    assert value_of("last month", date(2014, 1, 10)) == "2013-12"
    assert value_of("earlier this week", ref) == "2013-W44"
    assert value_of("yesterday", date(2014, 1, 1)) == "2013-12-31"
    assert value_of("two years ago", ref) == "2011"
    assert value_of("three days ago", ref) == "2013-10-25"


def test_the_week_before_is_the_previous_week(nlp):
    (t,) = [t for t in find(nlp("He had met the envoy the week before."), pub(MONDAY), KNOW) if "week" in t.text]
    assert t.value == "2013-W43"
    assert (t.window.earliest, t.window.latest) == (date(2013, 10, 21), date(2013, 10, 27))
    assert t.window.precision == "week"


def test_a_day_after_gives_a_window_ending_at_publication(nlp):
    (t,) = find(nlp("The talks came a day after the minister spoke."), pub(MONDAY), KNOW)
    assert t.kind == "DURATION" and t.value == "P1D"
    assert (t.window.earliest, t.window.latest) == (date(2013, 10, 27), MONDAY)


def test_years_decades_centuries_and_quarters():
    ref = date(2013, 10, 28)
    assert value_of("in 1945", ref) == "1945"
    assert value_of("the 1990s", ref) == "199"
    assert value_of("the 20th century", ref) == "19"
    assert value_of("the third quarter", ref) == "2013-Q3"
    assert value_of("the first quarter of 1990", ref) == "1990-Q1"
    assert window_of("2013-Q3").earliest == date(2013, 7, 1)
    assert window_of("199").latest == date(1999, 12, 31)


def test_durations_and_sets():
    ref = date(2013, 10, 28)
    assert value_of("three years", ref) == "P3Y"
    assert value_of("four hours", ref) == "PT4H"
    assert value_of("ten minutes", ref) == "PT10M"
    assert value_of("every Monday", ref) == "XXXX-WXX-1"
    assert value_of("daily", ref) == "P1D"


def test_references(nlp):
    got = values(nlp, "Relations are now strained, and recently talks stalled.", pub(MONDAY))
    assert got["now"] == "PRESENT_REF"
    assert got["recently"] == "PAST_REF"


def test_a_bare_year_that_is_an_amount_is_not_a_date(nlp):
    got = values(nlp, "The plant employs 2000 workers.", pub(MONDAY))
    assert "2000" not in got


def test_may_the_verb_is_not_a_month(nlp):
    got = values(nlp, "The sides may meet again. They met in May.", pub(MONDAY))
    assert got == {"May": "2013-05"}


def test_historical_event_keeps_its_time(nlp):
    doc = nlp("The veteran said he fought in World War II and met Soviet troops in 1945.")
    published = pub(MONDAY)
    times = find(doc, published, KNOW)
    fought = next(t.i for t in doc if t.text == "fought")
    met = next(t.i for t in doc if t.text == "met")
    assert date_for(fought, times, published, doc=doc).latest == date(1945, 9, 2)
    assert date_for(met, times, published, doc=doc) == window_of("1945")
    said = next(t.i for t in doc if t.text == "said")
    assert date_for(said, times, published, doc=doc) == published.window


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
