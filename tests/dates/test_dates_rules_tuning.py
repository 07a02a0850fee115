"""Unit tests of the rules added while tuning on TimeBank, on sentences written for these tests;
and of the scanning shortcuts (triggers, chunks) that must not change what is found."""

from __future__ import annotations

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from detente.dates import DateKnowledge, find
from detente.dates.rules import _CHUNK_END, Candidate, candidates
from detente.dates.values import Ctx
from detente.knowledge import Knowledge
from detente.records import DateWindow, Published
from docs import parse

# The dates stage's knowledge, as Resources loads it (shipped tables only).
KNOW = DateKnowledge.load(Knowledge.load())


MONDAY = date(2013, 10, 28)  # a Monday


def pub(d: date) -> Published:
    return Published(window=DateWindow.day(d), method="given")


def values(nlp, text: str, published: Published) -> dict[str, str | None]:
    return {t.text: t.value for t in find(nlp(text), published, KNOW)}


def test_current_as_an_adjective_is_the_present(nlp):
    got = values(nlp, "Officials blamed the current unrest on the drought.", pub(MONDAY))
    assert got["current"] == "PRESENT_REF"


def test_the_current_year_stays_a_year(nlp):
    got = values(nlp, "Exports will grow in the current year, the ministry said.", pub(MONDAY))
    assert got["the current year"] == "2013"


def test_weekday_prefix_settles_the_year_of_a_month_day(nlp):
    # 25 April 1998 was a Saturday; the parse calls the clause past, the weekday decides
    got = values(nlp, "The paper wrote in an editorial on Saturday, April 25: rates must fall.", pub(date(1998, 4, 24)))
    assert got["Saturday, April 25"] == "1998-04-25"


def test_future_clause_with_a_day_just_gone_keeps_the_nearest(nlp):
    got = values(nlp, "The bonds will be repaid from funds frozen on Aug. 2.", pub(date(1990, 8, 16)))
    assert got["Aug. 2"] == "1990-08-02"


def test_every_rule_has_triggers():
    assert all(rule.triggers for rule in KNOW.rules)


def _full_scan(text: str) -> list[tuple[int, int, str]]:
    """The reference: every pattern (no trigger test) over each paragraph, overlaps resolved as
    ``candidates`` does. Expressions never span paragraphs ("earlier" and "last week" below it)."""
    found = []
    bounds = [m.end() for m in _CHUNK_END.finditer(text)] + [len(text)]
    start = 0
    for end in bounds:
        for order, rule in enumerate(KNOW.rules):
            for m in rule.pattern.finditer(text, start, end):
                if m.end() > m.start():
                    found.append((m.start(), -(m.end() - m.start()), order, Candidate(m.start(), m.end(), rule, m)))
        start = max(start, end)
    found.sort(key=lambda t: (t[1], t[0], t[2]))
    taken: list[Candidate] = []
    for start, _, _, cand in found:
        if not any(start < c.end and cand.end > c.start for c in taken):
            taken.append(cand)
    return sorted((c.start, c.end, c.rule.name) for c in taken)


PIECES = [
    "The talks ended on Friday.",
    "Prices rose 3% in the third quarter of 1998.",
    "He left office",
    "two years ago",
    "last week",
    "on March",
    "5, 2001",
    "since the 1990s",
    "Currently,",
    "next month.",
    "at 5 p.m. Tuesday",
    "A year earlier",
    "the future",
    "Christmas",
    "\n",
    "\n\n",
    "fiscal 1999",
    " ",
]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=12))
def test_triggers_and_chunks_find_what_a_full_scan_finds(parts):
    text = " ".join(parts)
    assert sorted((c.start, c.end, c.rule.name) for c in candidates(text, KNOW.rules)) == _full_scan(text)


def test_hard_wrapped_line_stays_one_chunk():
    (cand,) = candidates("The accord signed on March\n5, 2001 holds.", KNOW.rules)
    assert cand.rule.name == "month_day_year" and re.sub(r"\s+", " ", cand.match[0]) == "March 5, 2001"


def test_past_floor_ignores_dates_of_subjectless_participles(en_vocab):
    """The misread shape the rule guards against: "deployed" tagged as a past verb (VBD) heading
    "until February 2031", with no subject. Its date is no floor for the publication; the dated
    past clause with a subject ("The negotiators began ... in March 2010") is."""
    from detente.dates.publication import _past_floor

    text = (
        "The pact keeps a cap of 700 deployed launchers until February 2031. "
        "The negotiators began their work in March 2010."
    )
    doc = parse(
        en_vocab,
        text,
        """
        The          the         DT   DET    det      1  # 0
        pact         pact        NN   NOUN   nsubj    2  # 1
        keeps        keep        VBZ  VERB   ROOT     2  # 2
        a            a           DT   DET    det      4  # 3
        cap          cap         NN   NOUN   dobj     2  # 4
        of           of          IN   ADP    prep     4  # 5
        700          700         CD   NUM    nummod   8  # 6
        deployed     deploy      VBD  VERB   amod     8  # 7
        launchers    launcher    NNS  NOUN   pobj     5  # 8
        until        until       IN   ADP    prep     7  # 9
        February     February    NNP  PROPN  pobj     9  # 10
        2031         2031        CD   NUM    nummod  10  # 11
        .            .           .    PUNCT  punct    2  # 12
        The          the         DT   DET    det     14  # 13
        negotiators  negotiator  NNS  NOUN   nsubj   15  # 14
        began        begin       VBD  VERB   ROOT    15  # 15
        their        their       PRP$ PRON   poss    17  # 16
        work         work        NN   NOUN   dobj    15  # 17
        in           in          IN   ADP    prep    15  # 18
        March        March       NNP  PROPN  pobj    18  # 19
        2010         2010        CD   NUM    nummod  19  # 20
        .            .           .    PUNCT  punct   15  # 21
    """,
    )
    assert _past_floor(doc, text, KNOW) == date(2010, 3, 1)


def test_quarter_followed_by_an_amount_is_still_a_quarter(nlp):
    got = values(nlp, "The bank reported a loss for the second quarter of $12 million.", pub(date(2011, 10, 3)))
    assert got["the second quarter"] == "2011-Q2"


def test_rates_are_not_durations(nlp):
    got = values(
        nlp, "The airline flies four flights a week and earns $3 million a year. The strike lasted a week.", pub(MONDAY)
    )
    assert "a year" not in got
    assert list(got.values()).count("P1W") == 1  # the strike's week, not the flights'


def test_vague_future_phrases(nlp):
    got = values(nlp, "Rates will stay low in the near term, and rise in coming months.", pub(MONDAY))
    # "coming months" is an unspecified stretch (PXM), as "coming weeks" and "the years ahead"
    assert got["the near term"] == "FUTURE_REF" and got["coming months"] == "PXM"


def test_expressions_do_not_span_paragraphs():
    got = [c.match[0] for c in candidates("Sales rose 5% from a year earlier.\n\nLast week the board met.", KNOW.rules)]
    assert got == ["a year earlier", "Last week"]


def test_that_year_follows_the_last_date_named(nlp):
    got = values(nlp, "The plant opened in March 1987. Sales doubled that year.", pub(MONDAY))
    assert got["that year"] == "1987"
    got = values(nlp, "Sales doubled that year.", pub(MONDAY))
    assert "that year" not in got  # no date named before: nothing rather than a guess


def test_previous_weekday_counts_from_the_day_just_named(nlp):
    got = values(nlp, "Shares closed at 20 on Friday, down from 22 the previous Friday.", pub(MONDAY))
    assert got["Friday"] == "2013-10-25" and got["previous Friday"] == "2013-10-18"


def _value(text: str, ref: date, tense: str = "none") -> str | None:
    (cand,) = candidates(text, KNOW.rules)
    out = cand.rule.normalise(cand.match, Ctx(ref=ref, tense=tense), KNOW.lexicon)
    return out[1] if out else None


@pytest.mark.parametrize(
    ("expression", "ref", "tense", "expected"),
    [
        pytest.param("this past spring", date(2011, 10, 3), "past", "2011-SP", id="this-past-season-this-year"),
        pytest.param("this past summer", date(2011, 7, 3), "past", "2010-SU", id="this-past-season-last-year"),
        pytest.param("the last half of 2011", date(2011, 10, 3), "none", "2011-H2", id="last-half-is-the-second"),
        pytest.param("the final quarter of 2004", date(2011, 10, 3), "none", "2004-Q4", id="final-quarter"),
        pytest.param("March nineteen eighty-two", date(1998, 1, 5), "none", "1982-03", id="spoken-year-with-a-month"),
        pytest.param(
            "the summer of nineteen sixty-eight", date(1998, 1, 5), "none", "1968-SU", id="spoken-year-with-a-season"
        ),
        # written in late October: "bids were due in mid-November" is this November, not last year's
        pytest.param("mid-November", date(2011, 10, 30), "past", "2011-11", id="past-clause-naming-next-month"),
        pytest.param("April", date(2011, 10, 30), "past", "2011-04", id="past-clause-naming-a-month-gone"),
        pytest.param("for 2 1/2 years", date(2011, 1, 1), "none", "P2Y6M", id="and-a-half-years-in-figures"),
        pytest.param("a minute and a half", date(2011, 1, 1), "none", "PT1M30S", id="a-minute-and-a-half"),
    ],
)
def test_expression_value(expression: str, ref: date, tense: str, expected: str):
    """The pattern's value alone (no parse), against the reference day and a given tense."""
    assert _value(expression, ref, tense) == expected
