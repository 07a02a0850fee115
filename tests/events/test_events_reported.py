"""Issue #13 on sentences written for these tests, through the whole pipeline (actors, dates,
events): reported speech composed, events in reports dated by the report, complete dyads."""

from __future__ import annotations

from datetime import date

import pytest

from detente.core import analyse
from detente.records import Article, Event

PUBLISHED = date(2021, 6, 10)  # a Thursday


def events_of(pipeline, text: str) -> tuple[Event, ...]:
    doc = pipeline.resources.nlp(text)
    return analyse(doc, Article(doc_id="t", text=text, published=PUBLISHED), pipeline.resources).events


def dyads(events: tuple[Event, ...]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.country, e.target.country if e.target else None, e.cameo) for e in events}


# ---- item 1: reported speech ------------------------------------------------------------------


def test_report_of_an_attack_on_the_speakers_side_is_an_accusation(pipeline) -> None:
    events = events_of(
        pipeline, "The Chilean foreign minister said on June 2 that Peruvian troops had attacked a Chilean border post."
    )
    # PETRARCH2: "a (b . ATTACK) SAY = a b 112", and the attack the report states stays.
    assert dyads(events) == {("CHL", "PER", "112"), ("PER", "CHL", "190")}


def test_reported_cooperation_is_the_event_not_the_saying(pipeline) -> None:
    events = events_of(
        pipeline, "The Chilean foreign minister said on June 2 that Peru had signed an agreement with Bolivia."
    )
    assert dyads(events) == {("PER", "BOL", "057")}


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean minister told reporters that the talks went well.",
        "The Chilean president said on Tuesday in Lima that the summer had been long.",
    ],
)
def test_statement_to_the_press_or_in_a_place_is_no_event(pipeline, text: str) -> None:
    assert events_of(pipeline, text) == ()


# ---- item 2: dates ------------------------------------------------------------------------------


def test_event_in_a_dated_report_has_the_reports_date(pipeline) -> None:
    events = events_of(
        pipeline, "The Chilean foreign minister said on June 2 that Peru had signed an agreement with Bolivia."
    )
    (e,) = events
    assert (e.date.earliest, e.date.latest) == (date(2021, 6, 2), date(2021, 6, 2))


@pytest.mark.parametrize(
    "text",
    [
        "Peruvian troops attacked a Chilean town decades ago.",
        "Peru previously signed a treaty with Bolivia.",
        "Peru formerly supplied weapons to Bolivia.",
        "Chile had long blocked Bolivia's requests for access to the sea.",
    ],
)
def test_act_placed_in_the_past_without_a_date_is_undated(pipeline, text: str) -> None:
    events = events_of(pipeline, text)
    assert events
    assert all(not e.date.known for e in events)


def test_clause_hanging_from_a_dated_one_takes_its_date(pipeline) -> None:
    events = events_of(pipeline, "In 1975, the region saw a war in which Peruvian troops attacked a Chilean town.")
    assert {(e.source.country, e.target.country if e.target else None) for e in events} == {("PER", "CHL")}
    assert all((e.date.earliest, e.date.latest) == (date(1975, 1, 1), date(1975, 12, 31)) for e in events)


@pytest.mark.parametrize(
    "text",
    [
        "The Chilean president arrived in Lima on Tuesday. He met the Peruvian president at the palace.",
        "The Chilean president flew to Lima on Tuesday.\n\nHe signed a trade pact with Peru.",
        # "now" is the present, not a day the story is told in
        "The Chilean president flew to Lima on Tuesday. Prices are now high.\n\nHe signed a trade pact with Peru.",
    ],
)
def test_past_act_without_a_date_is_told_in_the_news_day_named_before_it(pipeline, text: str) -> None:
    events = [e for e in events_of(pipeline, text) if e.target is not None and e.target.country == "PER"]
    assert events
    assert all((e.date.earliest, e.date.latest) == (date(2021, 6, 8), date(2021, 6, 8)) for e in events)


@pytest.mark.parametrize(
    "text",
    [
        # a perfect is before the time the text is telling
        "The Chilean president flew to Lima on Tuesday. Chile had signed a trade pact with Peru.",
        "The Chilean president flew to Lima on Tuesday. Chile has signed a trade pact with Peru.",
        # a time that dates a noun names another event's day
        "Tuesday's vote was close. The Chilean president signed a trade pact with Peru.",
    ],
)
def test_news_day_is_not_the_date_of_a_perfect_or_taken_from_a_noun(pipeline, text: str) -> None:
    (e,) = [e for e in events_of(pipeline, text) if e.cameo == "057"]
    assert (e.date.earliest, e.date.latest) == (PUBLISHED, PUBLISHED)


def test_own_time_naming_the_publication_day_is_kept(pipeline) -> None:
    text = "The Chilean president flew to Lima on Tuesday. He met the Peruvian president on Thursday."
    (e,) = [e for e in events_of(pipeline, text) if e.cameo == "040"]
    assert (e.date.earliest, e.date.latest) == (PUBLISHED, PUBLISHED)


def test_past_act_after_a_time_years_back_keeps_the_publication_window(pipeline) -> None:
    text = "The Chilean president visited Lima in 2015. He met the Peruvian president at the palace."
    (met,) = [e for e in events_of(pipeline, text) if e.cameo == "040"]
    assert (met.date.earliest, met.date.latest) == (PUBLISHED, PUBLISHED)


def test_a_plan_is_not_told_in_the_news_day_named_before_it(pipeline) -> None:
    text = "The Chilean president arrived in Lima on Tuesday. He will meet the Peruvian president at the palace."
    (plan,) = [e for e in events_of(pipeline, text) if e.modality == "future"]
    assert plan.date.earliest is not None and plan.date.earliest >= PUBLISHED


def test_time_of_another_object_does_not_date_the_event(pipeline) -> None:
    text = "Peru freed two Chilean soldiers, the largest release since the war of 1879."
    (e,) = [e for e in events_of(pipeline, text) if e.target is not None]
    assert (e.date.earliest, e.date.latest) == (PUBLISHED, PUBLISHED)


def test_time_of_a_light_verbs_noun_dates_the_event(pipeline) -> None:
    (e,) = events_of(pipeline, "The Chilean president had a talk this week with the Peruvian president.")
    assert (e.date.earliest, e.date.latest) == (date(2021, 6, 7), PUBLISHED)


def test_what_happens_during_a_dated_event_has_its_date(pipeline) -> None:
    text = (
        'During their phone call Monday, the Chilean president "criticized Peru over the fishing dispute," '
        "his office said."
    )
    (e,) = [e for e in events_of(pipeline, text) if e.cameo == "111"]
    assert (e.date.earliest, e.date.latest) == (date(2021, 6, 7), date(2021, 6, 7))


@pytest.mark.parametrize(
    "text",
    [
        "When the Chilean president visited Lima on Monday, he met the Peruvian president.",
        "As talks went on in Lima on Monday, the Chilean president met the Peruvian president.",
    ],
)
def test_a_when_clause_or_a_leading_as_clause_dates_its_clause(pipeline, text: str) -> None:
    (e,) = [e for e in events_of(pipeline, text) if e.cameo == "040"]
    assert (e.date.earliest, e.date.latest) == (date(2021, 6, 7), date(2021, 6, 7))


def test_a_trailing_as_clause_gives_no_date(pipeline) -> None:
    text = "The Chilean president met the Peruvian president, as the Chilean foreign ministry said on Monday."
    (e,) = [e for e in events_of(pipeline, text) if e.cameo == "040"]
    assert (e.date.earliest, e.date.latest) == (PUBLISHED, PUBLISHED)


@pytest.mark.parametrize(
    ("text", "earliest"),
    [
        # the seven days before publication, not the calendar week before this one
        ("Over the past week, the Chilean president met the Peruvian president twice.", date(2021, 6, 3)),
        ("This past week the Chilean president met the Peruvian president.", date(2021, 6, 3)),
        # a span that ends at publication dates the clause
        ("Over the past two weeks, the Chilean president met the Peruvian president twice.", date(2021, 5, 27)),
        ("The Chilean president met the Peruvian president three times in the last 10 days.", date(2021, 5, 31)),
    ],
)
def test_the_past_week_or_days_are_the_days_before_publication(pipeline, text: str, earliest: date) -> None:
    (e,) = [e for e in events_of(pipeline, text) if e.cameo == "040"]
    assert (e.date.earliest, e.date.latest) == (earliest, PUBLISHED)


def test_a_span_counted_from_another_event_does_not_date_the_clause(pipeline) -> None:
    # "a day after X": a day from X, which the rule cannot date; not the days around publication
    text = "Chilean troops are advancing on Lima a day after launching the invasion of Peru."
    assert all(e.date.latest is None or e.date.latest <= PUBLISHED for e in events_of(pipeline, text))


# ---- item 3: dyads ------------------------------------------------------------------------------


def test_country_adjective_on_the_object_is_the_target(pipeline) -> None:
    events = events_of(pipeline, "Chilean jets bombed Peruvian villages on Tuesday.")
    assert {(e.source.country, e.target.country if e.target else None) for e in events} == {("CHL", "PER")}


def test_hyphenated_stance_is_not_a_target(pipeline) -> None:
    events = events_of(pipeline, "The Chilean minister said that an anti-Peru activist was killed in a car bombing.")
    assert all(e.target is None or e.target.country != "PER" for e in events)


def test_every_country_of_an_of_phrase_is_a_target(pipeline) -> None:
    events = events_of(pipeline, "The Chilean president spoke with the leaders of Peru, Bolivia and Ecuador.")
    assert {(e.source.country, e.target.country) for e in events if e.target} == {
        ("CHL", "PER"),
        ("CHL", "BOL"),
        ("CHL", "ECU"),
    }


def test_coordinated_actors_of_a_meeting_give_one_event_per_pair(pipeline) -> None:
    events = events_of(pipeline, "Peru and Bolivia met on Monday.")
    assert {(e.source.country, e.target.country if e.target else None) for e in events} == {("PER", "BOL")}


def test_pronoun_subject_is_resolved_through_coreference(pipeline) -> None:
    events = events_of(
        pipeline, "Chancellor Angela Merkel landed in Lima on Monday. She met the Peruvian president there."
    )
    assert ("DEU", "PER", "040") in dyads(events)


def test_object_of_a_bare_infinitive_complement_is_the_target(pipeline) -> None:
    events = events_of(pipeline, "The Chilean president promised to help Peru rebuild its ports.")
    assert {(e.source.country, e.target.country if e.target else None) for e in events} == {("CHL", "PER")}


def test_capital_before_an_event_noun_is_the_place_not_the_source(pipeline) -> None:
    assert events_of(pipeline, "The Lima attacks on Chilean diplomats shocked the region.") == ()


def test_country_adjective_before_an_event_noun_is_the_source(pipeline) -> None:
    events = events_of(pipeline, "Russian sanctions against Peru began on Monday.")
    assert {(e.source.country, e.target.country if e.target else None, e.cameo_root) for e in events} == {
        ("RUS", "PER", "16")
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Peruvian president, aided by Chilean troops, recaptured the port.", {("CHL", "PER", "070")}),
        ("Sanctions imposed by Japan on North Korea took effect on Monday.", {("JPN", "PRK", "163")}),
        ("Aid sent by Japan to Nepal arrived on Monday.", {("JPN", "NPL", "070")}),
    ],
)
def test_participle_with_an_agent_is_the_agents_act(pipeline, text: str, expected: set) -> None:
    assert dyads(events_of(pipeline, text)) == expected


def test_participle_on_a_prepositions_object_is_coded_too(pipeline) -> None:
    events = events_of(pipeline, "Nepal's minister spoke about the aid sent by Japan to Nepal.")
    assert ("JPN", "NPL", "070") in dyads(events)


def test_participle_with_an_agent_and_no_party_acted_on_is_no_event(pipeline) -> None:
    # background to the clause ("land seized by X decades ago"): coded only as a dyad
    assert events_of(pipeline, "The plan, rejected by Chile, was dropped.") == ()


def test_coordinated_parties_meeting_in_a_place_meet_each_other(pipeline) -> None:
    assert dyads(events_of(pipeline, "Chile and Peru met in Lima on Tuesday.")) == {("CHL", "PER", "040")}


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("The Chilean president expressed his condolences over the Lima earthquake.", "PER"),
        ("The Chilean president offered condolences for the bombing in Lima.", "PER"),
        # "for" read as a dative
        ("The Chilean president offered his own condolences for the flood in Lima.", "PER"),
        # a recipient named is the target
        ("The Chilean president offered condolences to Peru for the bombing in Quito.", "PER"),
    ],
)
def test_sympathy_is_for_the_country_a_tragedy_struck(pipeline, text: str, target: str) -> None:
    assert dyads(events_of(pipeline, text)) == {("CHL", target, "018")}


def test_a_countrys_leadership_is_an_actor(pipeline) -> None:
    events = events_of(pipeline, "The Chilean foreign minister held talks with the Bolivian leadership.")
    assert dyads(events) == {("CHL", "BOL", "040")}


def test_a_monitors_report_of_an_attack_accuses_the_attacker(pipeline) -> None:
    # An international body has no side: an attack it reports on no one named still accuses.
    text = "The report was drafted by a UN panel, which said Sudanese troops had shelled villages near the river."
    assert ("IGO", "SDN", "112") in dyads(events_of(pipeline, text))
    # A national authority's report of an attack on no one named is a report, not an accusation.
    text = "Police said Sudanese troops had shelled villages near the river."
    assert not any(code == "112" for _, _, code in dyads(events_of(pipeline, text)))


def test_a_report_that_another_broke_a_ceasefire_accuses_it(pipeline) -> None:
    text = "The Chilean foreign minister said on June 2 that Peru had violated the ceasefire."
    assert ("CHL", "PER", "112") in dyads(events_of(pipeline, text))
