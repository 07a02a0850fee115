"""Unit tests (issue #5, second round): which clause a time belongs to, arranged days
("for Wednesday"), frequency adjectives, quarters and decades. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

from detente.dates import DateKnowledge, date_for, find
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


def token(doc, word: str) -> int:
    return next(t.i for t in doc if t.text == word)


def test_reported_speech_time_belongs_to_the_telling(nlp):
    # the parser tends to hang "on Monday" on "close"; it is the day of the announcing
    doc = nlp("Norway announced on Monday it would close its consulate in the port city.")
    published = pub(date(2013, 11, 4))  # a Monday
    times = find(doc, published, KNOW)
    (t,) = times
    assert t.value == "2013-11-04"
    assert doc[t.anchor_token].text == "announced"
    announced = date_for(token(doc, "announced"), times, published, doc=doc)
    assert announced.date == date(2013, 11, 4)


def test_reported_speech_with_a_weekday_after_the_subject_stays_in_the_clause(nlp):
    doc = nlp("The mayor said the bridge would reopen on Friday.")
    (t,) = find(doc, pub(MONDAY), KNOW)
    assert doc[t.anchor_token].text == "reopen"
    assert t.value == "2013-11-01"


def test_a_day_arranged_for_lies_ahead(nlp):
    got = values(nlp, "The league has called a special session of its council for Thursday.", pub(MONDAY))
    assert got["Thursday"] == "2013-10-31"
    got = values(nlp, "The hearing is scheduled for Wednesday.", pub(MONDAY))
    assert got["Wednesday"] == "2013-10-30"
    # told in the past: the nearer of last and next Wednesday
    got = values(nlp, "The vote was set for Wednesday.", pub(MONDAY))
    assert got["Wednesday"] == "2013-10-30"


def test_a_day_arranged_for_in_the_past_takes_the_nearer_day(nlp):
    # told on a Sunday: the concert planned for Saturday was yesterday's
    got = values(nlp, "A concert planned for Saturday was called off because of the storm.", pub(SUNDAY))
    assert got["Saturday"] == "2013-10-26"


def test_the_arranging_is_not_dated_by_the_day_arranged(nlp):
    doc = nlp("The league has called a special session of its council for Thursday.")
    published = pub(MONDAY)
    times = find(doc, published, KNOW)
    (t,) = times
    assert doc[t.anchor_token].text == "session"
    assert date_for(token(doc, "called"), times, published, doc=doc) == published.window


def test_a_plan_that_had_been_due_has_passed(nlp):
    got = values(nlp, "The offer had been due to expire Friday evening.", pub(MONDAY))
    assert got["Friday evening"] == "2013-10-25TEV"


def test_a_plan_that_is_due_lies_ahead(nlp):
    got = values(nlp, "The offer is due to expire on Friday.", pub(MONDAY))
    assert got["Friday"] == "2013-11-01"


def test_quarterly_before_a_noun_is_a_kind_not_a_time(nlp):
    got = values(nlp, "The brewer raised its quarterly payout and paid the bonus quarterly.", pub(MONDAY))
    assert got == {"quarterly": "P3M"}  # the adverb only


def test_this_quarter_is_the_quarter_reported_on():
    assert value_of("this quarter", MONDAY, quarter="2013-Q3") == "2013-Q3"
    assert value_of("this quarter", MONDAY) == "2013-Q3"  # the last complete one


def test_decades_as_durations_are_written_in_years():
    assert value_of("two decades", MONDAY) == "P20Y"
    assert value_of("a decade", MONDAY) == "P10Y"


def test_a_time_after_that_belongs_to_the_reported_clause(nlp):
    doc = nlp("The two leaders agreed that by June 30 their armies would leave the valley.")
    (t,) = find(doc, pub(MONDAY), KNOW)
    assert doc[t.anchor_token].text != "agreed"
    assert date_for(token(doc, "agreed"), find(doc, pub(MONDAY), KNOW), pub(MONDAY), doc=doc) == pub(MONDAY).window


def test_simple_present_with_a_day_is_a_timetable(nlp):
    wednesday = pub(date(2013, 10, 30))
    assert values(nlp, "The summit opens on Monday.", wednesday)["Monday"] == "2013-11-04"
    assert values(nlp, "Voters go to the polls on Sunday.", wednesday)["Sunday"] == "2013-11-03"
    # the day itself when told on that day
    assert values(nlp, "The talks resume on Wednesday.", wednesday)["Wednesday"] == "2013-10-30"


def test_a_day_named_by_the_present_copula_lies_ahead(nlp):
    wednesday = pub(date(2024, 3, 13))
    assert values(nlp, "The vote is Sunday.", wednesday)["Sunday"] == "2024-03-17"
    assert values(nlp, "The president is due in Berlin on Thursday.", wednesday)["Thursday"] == "2024-03-14"


def test_a_day_on_a_noun_below_the_copula_keeps_no_timetable(nlp):
    # the possessive day is a reported result; the copula above it says nothing of its direction
    got = values(nlp, "The bonds are priced at a discount to Tuesday's closing level.", pub(date(2024, 3, 13)))
    assert got["Tuesday"] == "2024-03-12"


def test_a_forward_head_needs_an_infinitive(nlp):
    # "be" heads "is to visit" forward, but a participle under a copula is no plan
    wednesday = pub(date(2024, 3, 13))
    assert values(nlp, "The envoy is to visit Rome on Friday.", wednesday)["Friday"] == "2024-03-15"
    got = values(nlp, "Markets are calm, reflecting relief after the ceasefire on Monday.", wednesday)
    assert got["Monday"] == "2024-03-11"


def test_a_possessive_day_in_a_future_clause_lies_ahead(nlp):
    got = values(nlp, "Saturday's election will decide the new parliament.", pub(date(2024, 3, 13)))
    assert got["Saturday"] == "2024-03-16"
    # and in a past clause it is a reported day
    got = values(nlp, "Saturday's election decided the new parliament.", pub(date(2024, 3, 13)))
    assert got["Saturday"] == "2024-03-09"


def test_a_plan_told_in_the_past_takes_the_nearer_day(nlp):
    # the plan may lie on either side of publication: the nearer weekday, not always the past one
    wednesday = pub(date(2024, 3, 13))
    assert values(nlp, "The two sides agreed to meet again on Friday.", wednesday)["Friday"] == "2024-03-15"
    assert values(nlp, "The two sides agreed to meet again on Tuesday.", wednesday)["Tuesday"] == "2024-03-12"
    assert values(nlp, "The ministers were to meet on Friday.", wednesday)["Friday"] == "2024-03-15"


def test_simple_present_of_saying_is_no_timetable(nlp):
    got = values(nlp, "Officials say Friday the ship will dock in Malta.", pub(date(2013, 10, 30)))
    assert got["Friday"] == "2013-10-25"


def test_a_past_form_read_as_present_stays_past(nlp):
    # "hurt" with a singular subject is the past tense
    got = values(nlp, "The slump in chip makers hurt the index on Monday.", pub(date(2013, 10, 30)))
    assert got["Monday"] == "2013-10-28"


def test_each_month_is_a_set():
    assert value_of("each April", MONDAY) == "XXXX-04"
    assert value_of("every June", MONDAY) == "XXXX-06"


def test_a_frequency_after_an_amount_is_a_rate(nlp):
    got = values(nlp, "Exports should grow 6% annually, and the mill makes 500 tons monthly.", pub(MONDAY))
    assert got == {}
    got = values(nlp, "Pilgrims gather at the shrine annually.", pub(MONDAY))
    assert got == {"annually": "P1Y"}


def test_year_ago_is_not_read_as_the_year(nlp):
    got = values(nlp, "The year-ago figures were revised.", pub(MONDAY))
    assert "The year" not in got
    assert any("year-ago" in k for k in got)


def test_so_many_units_later_is_the_time_that_passed():
    assert value_of("two weeks later", MONDAY) == "P2W"
    assert value_of("a few days later", MONDAY) == "PXD"


def test_modals_of_obligation_look_ahead_unless_perfect(nlp):
    wednesday = pub(date(2013, 10, 30))
    assert values(nlp, "By Friday, the troops must leave.", wednesday)["Friday"] == "2013-11-01"
    assert values(nlp, "The rebels may have fled on Sunday.", wednesday)["Sunday"] == "2013-10-27"


def test_a_possessive_day_is_past_unless_ahead_of(nlp):
    wednesday = pub(date(2013, 10, 30))
    assert values(nlp, "Shares rose after Friday's report.", wednesday)["Friday"] == "2013-10-25"
    assert values(nlp, "Candidates campaigned ahead of Sunday's vote.", wednesday)["Sunday"] == "2013-11-03"


def test_a_warning_on_a_day_that_something_could_happen_is_dated_by_the_warning(nlp):
    doc = nlp("The ministry issued a warning on Thursday that the dam could burst.")
    (t,) = find(doc, pub(date(2013, 10, 30)), KNOW)
    assert t.value == "2013-10-24"


def test_since_a_month_is_behind(nlp):
    # told in October: "since November" is last November, not next month
    got = values(nlp, "The fleet will stay in port, where it has been since November.", pub(MONDAY))
    assert got["November"] == "2012-11"


def test_recent_stretches_and_a_year_s_quarter():
    assert value_of("recent years", MONDAY) == "PXY"
    assert value_of("recent weeks", MONDAY) == "PXW"
    assert value_of("the 1991 quarter", MONDAY, quarter="2013-Q3") == "1991-Q3"


def test_fall_the_verb_is_not_autumn(nlp):
    got = values(nlp, "Analysts expect prices to fall in the fall.", pub(MONDAY))
    assert list(got.values()) == ["2013-FA"]


def test_a_capitalised_week_is_a_title(nlp):
    got = values(nlp, 'The senator said on "This Week" that the bill would pass this week.', pub(MONDAY))
    assert "This Week" not in got
    assert got["this week"] == "2013-W44"


def test_the_day_before_an_event_is_left_undated(nlp):
    got = values(nlp, "They met the day before the vote.", pub(MONDAY))
    assert got == {}
    got = values(nlp, "He had called the week before, and again on Friday.", pub(MONDAY))
    assert "the week before" in got


def test_coming_weeks_and_the_years_ahead_are_unspecified_stretches():
    assert value_of("coming weeks", MONDAY) == "PXW"
    assert value_of("the years ahead", MONDAY) == "PXY"
    assert value_of("the next couple of years", MONDAY) == "P2Y"


def test_a_clock_time_in_local_time_takes_its_day(nlp):
    got = values(nlp, "Polls will open at 8 a.m. local time on Friday.", pub(MONDAY))
    assert list(got.values()) == ["2013-11-01T08:00"]


def test_a_time_wholly_after_publication_does_not_date_a_past_clause(nlp):
    doc = nlp("The premier has cancelled a planned visit to Rome next month.")
    published = pub(MONDAY)
    times = find(doc, published, KNOW)
    (t,) = times
    assert t.value == "2013-11"
    assert date_for(token(doc, "cancelled"), times, published, doc=doc) == published.window
