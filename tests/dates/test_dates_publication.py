"""Publication windows: each rule on articles written for these tests."""

from __future__ import annotations

from datetime import date

from detente.dates import DateKnowledge, publication
from detente.knowledge import Knowledge
from detente.reading import read
from detente.records import Article, TermEvidence

# The dates stage's knowledge, as Resources loads it (shipped tables only).
KNOW = DateKnowledge.load(Knowledge.load())


TODAY = date(2025, 1, 1)


def term(text: str, start: date, end: date | None, where: tuple[int, int] = (0, 1)) -> TermEvidence:
    return TermEvidence(
        span=where, person_id=text.lower().replace(" ", "-"), seat="X.office", start=start, end=end, text=text
    )


def run(nlp, text: str, evidence=(), captions=(), published=None):
    article = Article(doc_id="t", text=text, captions=tuple(captions), published=published)
    return publication(read(nlp(text), article), evidence, KNOW, today=TODAY)


def test_given_date_comes_first(nlp):
    p = run(nlp, "date 2020-05-05 Talks resumed.", published=date(2019, 1, 2))
    assert p.method == "given" and p.window.date == date(2019, 1, 2)


def test_explicit_date_in_the_head(nlp):
    p = run(nlp, "date 2021-06-14 The two delegations met in Vienna on Friday.")
    assert p.method == "explicit" and p.window.date == date(2021, 6, 14)


def test_a_historical_date_in_running_text_is_not_the_publication(nlp):
    p = run(nlp, "The treaty signed on May 26, 1972 limited missile defences.")
    assert p.method == "unknown" and not p.window.known


def test_caption_date_counts_when_the_weekday_agrees(nlp):
    text = "GENEVA (Wire) - The envoys met on Tuesday to discuss arms control."
    ok = run(nlp, text, captions=["The envoys in Geneva, March 4, 2014. Photo: Agency"])
    assert ok.method == "explicit" and ok.window.date == date(2014, 3, 4)  # a Tuesday
    disagree = run(nlp, text, captions=["The envoys in Geneva, March 5, 2014. Photo: Agency"])
    assert disagree.method != "explicit"


def test_dateline_year_from_office_terms(nlp):
    text = "VIENNA, June 3 (Wire) - Foreign Minister Jane Doe met her counterpart."
    ev = [term("Jane Doe", date(2015, 1, 10), date(2016, 5, 1))]
    p = run(nlp, text, evidence=ev)
    assert p.method == "dateline" and p.window.date == date(2015, 6, 3)


def test_dateline_without_year_evidence_is_not_a_date(nlp):
    p = run(nlp, "VIENNA, June 3 (Wire) - The ministers met.")
    assert p.method == "unknown" and not p.window.known


def test_dateline_with_several_possible_years_gives_a_window(nlp):
    text = "VIENNA, June 3 (Wire) - Foreign Minister Jane Doe met her counterpart."
    p = run(nlp, text, evidence=[term("Jane Doe", date(2015, 1, 10), date(2018, 5, 1))])
    assert p.method == "inferred"
    assert (p.window.earliest, p.window.latest) == (date(2015, 6, 3), date(2017, 6, 3))


def test_inferred_from_the_intersection_of_terms(nlp):
    text = "Secretary Jane Doe met President-elect John Roe in the capital."
    ev = [term("Jane Doe", date(2005, 1, 26), date(2009, 1, 20)), term("John Roe", date(2008, 3, 2), date(2008, 5, 7))]
    p = run(nlp, text, evidence=ev)
    assert p.method == "inferred"
    assert (p.window.earliest, p.window.latest) == (date(2008, 3, 2), date(2008, 5, 7))


def test_a_former_office_holder_bounds_only_from_below(nlp):
    text = "The court tried the ousted President John Roe in absentia."
    start = text.index("President")
    ev = [term("John Roe", date(2010, 2, 25), date(2014, 2, 22), where=(start, start + 18))]
    p = run(nlp, text, evidence=ev)
    assert p.window.earliest == date(2010, 2, 25) and p.window.latest == TODAY


def test_anniversary_ahead_narrows_to_the_year_before_it(nlp):
    text = "The 25th anniversary of the fall of the Berlin Wall will be marked next month."
    p = run(nlp, text, evidence=[term("Jane Doe", date(2005, 1, 1), None)])
    assert p.method == "inferred"
    assert p.window.latest == date(2014, 11, 9)
    assert p.window.earliest >= date(2013, 11, 1)


def test_anniversary_fixes_the_dateline_year(nlp):
    text = (
        "BERLIN, Oct 20 (Wire) - Officials said the 30th anniversary of the fall of the Berlin Wall "
        "is to be celebrated next month."
    )
    p = run(nlp, text)
    assert p.method == "dateline" and p.window.date == date(2019, 10, 20)


def test_conflicting_terms_keep_the_union(nlp):
    ev = [term("A", date(2001, 1, 1), date(2002, 1, 1)), term("B", date(2005, 1, 1), date(2006, 1, 1))]
    p = run(nlp, "A met B.", evidence=ev)
    assert (p.window.earliest, p.window.latest) == (date(2001, 1, 1), date(2006, 1, 1))
