"""Property tests: invariants of every resolved window."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from detente.dates import DateKnowledge, find
from detente.dates.rules import candidates
from detente.dates.values import Ctx
from detente.knowledge import Knowledge
from detente.records import DateWindow, Published

# The dates stage's knowledge, as Resources loads it (shipped tables only).
KNOW = DateKnowledge.load(Knowledge.load())


WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
days = st.dates(min_value=date(1950, 1, 1), max_value=date(2040, 12, 31))
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

past_phrases = st.one_of(
    st.sampled_from(WEEKDAYS).map(lambda w: f"on {w}"),
    st.tuples(st.sampled_from(MONTHS), st.integers(1, 28)).map(lambda t: f"on {t[0]} {t[1]}"),
    st.sampled_from(["yesterday", "last week", "last month", "last year", "two days ago", "earlier this week"]),
)


@SETTINGS
@given(day=days, phrase=past_phrases, span_days=st.integers(0, 40))
def test_past_tense_never_after_the_publication_window(nlp, day, phrase, span_days):
    published = Published(
        window=DateWindow(earliest=day, latest=day + timedelta(days=span_days), precision="month"),
        method="inferred",
    )
    for t in find(nlp(f"The two ministers met {phrase} in Vienna."), published, KNOW):
        if t.window.known and t.kind in ("DATE", "TIME"):
            assert t.window.latest <= published.window.latest, (phrase, t)


@SETTINGS
@given(
    day=days,
    phrase=st.one_of(
        past_phrases,
        st.sampled_from(
            ["next week", "on Tuesday", "the third quarter", "this summer", "in 1991", "the 1980s", "next year"]
        ),
    ),
)
def test_windows_are_ordered_and_date_is_set_exactly_for_one_day(nlp, day, phrase):
    for t in find(
        nlp(f"The delegations will discuss it {phrase}."), Published(window=DateWindow.day(day), method="given"), KNOW
    ):
        w = t.window
        assert (w.earliest is None) == (w.latest is None)
        if w.known:
            assert w.earliest <= w.latest
            assert (w.date is not None) == (w.earliest == w.latest)
            assert (w.to_dict()["date"] is not None) == (w.earliest == w.latest)


@settings(max_examples=200, deadline=None)
@given(ref=days, wd=st.sampled_from(WEEKDAYS), tense=st.sampled_from(["past", "future", "present", "none"]))
def test_weekday_lands_on_its_weekday_within_a_week(ref, wd, tense):
    (cand,) = candidates(wd, KNOW.rules)
    value = cand.rule.normalise(cand.match, Ctx(ref=ref, tense=tense), KNOW.lexicon)[1]
    got = date.fromisoformat(value)
    assert got.isoweekday() == WEEKDAYS.index(wd) + 1
    assert abs((got - ref).days) <= 7
    if tense == "past":
        assert got <= ref
    if tense == "future":
        assert got > ref
