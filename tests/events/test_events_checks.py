"""Issue #13, precision round 2 (detente/events/checks.py): the press is no party, a question is no
appeal, a warning about another actor is criticism, force against politics is a figure, a topic
is no target, an open clause is not done, what is moved is not acted on, an armed group does not
protest, withholding what is not aid is no aid cut, a private trip is no visit. Sentences written
for these tests, through the whole pipeline (actors, dates, events). Each row pairs the sentence
the rule changes with, where the rule is narrow, one it must leave as it is."""

from __future__ import annotations

from datetime import date

import pytest

from detente.core import analyse
from detente.records import Article, Event

PUBLISHED = date(2023, 6, 15)


def events_of(pipeline, text: str) -> tuple[Event, ...]:
    doc = pipeline.resources.nlp(text)
    return analyse(doc, Article(doc_id="t", text=text, published=PUBLISHED), pipeline.resources).events


def dyads(events: tuple[Event, ...]) -> set[tuple[str | None, str | None, str]]:
    return {(e.source.country, e.target.country if e.target else None, e.cameo_root) for e in events}


def pairs(events: tuple[Event, ...]) -> set[tuple[str | None, str | None]]:
    return {(e.source.country, e.target.country if e.target else None) for e in events}


def roots(events: tuple[Event, ...]) -> set[str]:
    return {e.cameo_root for e in events}


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A person a news organization introduces (its possessive folded into the person's mention).
        ("Macron told CNN’s Peter Lane that France would stay.", ("FRA", "USA")),
        # An interview given to a network is no offer to it.
        ("Macron accepted interviews with NBC and Fox News.", ("FRA", "USA")),
        # A reporter asking is no source.
        ("NBC’s Peter Lane asked Scholz whether Germany would send tanks.", ("USA", "DEU")),
        # A show's title is no one spoken to.
        ('"Iran is a dangerous country," the French president told WXYZ\'s "Good Evening America."', ("FRA", "USA")),
        ('"Iran is a dangerous country," the French president told Sky\'s "Good Evening Britain."', ("FRA", "GBR")),
    ],
)
def test_the_press_is_no_party(pipeline, text, absent) -> None:
    assert absent not in pairs(events_of(pipeline, text))


@pytest.mark.parametrize(
    ("question", "asked_for"),
    [
        ("Scholz asked Macron whether France would send tanks.", "Scholz asked Macron for tanks."),
        ("Scholz asked Macron about the summit.", "Scholz asked Macron to send tanks."),
        ("Scholz asked Macron what France would do.", "Scholz asked Macron for tanks."),
        # An interrogative clause makes a question whatever else the pattern matched.
        (
            "Scholz, for example, asked Macron whether France would send tanks.",
            "Scholz, for example, asked Macron for tanks.",
        ),
    ],
)
def test_a_question_is_no_appeal(pipeline, question, asked_for) -> None:
    assert ("DEU", "FRA", "02") not in dyads(events_of(pipeline, question))
    assert ("DEU", "FRA", "02") in dyads(events_of(pipeline, asked_for))


@pytest.mark.parametrize(
    "text",
    [
        "Macron warned that Scholz would ruin the European economy.",
        "Macron warns about Scholz in a new interview.",
    ],
)
def test_a_warning_about_another_actor_is_criticism(pipeline, text) -> None:
    found = dyads(events_of(pipeline, text))
    assert ("FRA", "DEU", "11") in found
    assert not any(root == "13" for _, _, root in found)
    # A consequence the speaker will bring about, told to the party warned, stays a threat.
    assert ("DEU", "RUS", "13") in dyads(events_of(pipeline, "Germany warned Russia that it would impose sanctions."))


@pytest.mark.parametrize(
    ("text", "absent_roots", "expected"),
    [
        ("Macron captured the Socialist nomination in April.", {"19"}, None),
        # A prize of politics is won by no weapon, whatever other clause names one.
        ("His aides blasted out a statement as Macron captured the party nomination.", {"19"}, None),
        ("Macron is destroying the Socialist Party's chances.", {"17"}, None),
        ("Macron attacked the Republican Party.", {"19"}, ("FRA", "USA", "11")),
    ],
)
def test_force_against_politics_is_a_figure(pipeline, text, absent_roots, expected) -> None:
    events = events_of(pipeline, text)
    assert not roots(events) & absent_roots
    if expected is not None:
        assert expected in dyads(events)


@pytest.mark.parametrize(
    ("text", "absent", "kept_text", "kept"),
    [
        ("Macron opposed the Kuwait invasion.", ("FRA", "KWT"), "Macron opposed Kuwait.", ("FRA", "KWT", "11")),
        (
            "Macron opposed the war in Yemen.",
            ("FRA", "YEM"),
            "Macron criticized Obama's intervention in Somalia.",
            ("FRA", "USA", "11"),
        ),
        (
            "Macron signed a petition on Syria.",
            ("FRA", "SYR"),
            "France signed an agreement with Syria.",
            ("FRA", "SYR", "05"),
        ),
    ],
)
def test_a_topic_is_no_target(pipeline, text, absent, kept_text, kept) -> None:
    assert absent not in pairs(events_of(pipeline, text))
    assert kept in dyads(events_of(pipeline, kept_text))


def test_the_content_of_an_answer_is_no_target(pipeline) -> None:
    assert ("FRA", "DEU") not in pairs(
        events_of(pipeline, "Macron fired back that the residents of Berlin had elected him.")
    )
    assert ("FRA", "DEU", "11") in dyads(events_of(pipeline, "Macron fired back at Scholz."))


@pytest.mark.parametrize(
    ("text", "absent_source"),
    [
        ("Only a miracle would allow Republicans to support Macron.", "USA"),
        ("Scholz said the best way forward is to get France and Germany working together.", "FRA"),
        ('Scholz said, "Let the European Union urge its members to take in the migrants."', "IGO"),
        # The bare infinitive after "let" tagged as a present by the model.
        ("Macron declared, “Let the United Arab Emirates urge its neighbours to take in the migrants.”", "ARE"),
    ],
)
def test_an_open_clause_is_not_done(pipeline, text, absent_source) -> None:
    assert all(e.source.country != absent_source for e in events_of(pipeline, text))
    # A reported intent stays an intent.
    assert ("DEU", "FRA", "03") in dyads(events_of(pipeline, "Scholz said Germany would support Macron."))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Macron said he would deploy 5,000 French soldiers in Mali.", ("FRA", "FRA")),
        ("Britain evacuated the British embassy in Khartoum.", ("GBR", "GBR")),
    ],
)
def test_what_is_moved_is_not_acted_on(pipeline, text, absent) -> None:
    assert absent not in pairs(events_of(pipeline, text))
    # Another country's people moved out of a place: the place stays the target.
    assert ("KOR", "SDN", "07") in dyads(events_of(pipeline, "South Korea evacuated its citizens from Sudan."))


@pytest.mark.parametrize(
    "text",
    [
        "The Ogaden National Liberation Front marched on Dire Dawa.",
        "Two rebel movements, the Ogaden National Liberation Front among them, marched into Dire Dawa.",
    ],
)
def test_an_armed_group_named_as_such_does_not_protest(pipeline, text) -> None:
    assert "14" not in roots(events_of(pipeline, text))


def test_withholding_what_is_not_aid_is_no_aid_cut(pipeline) -> None:
    assert "16" not in roots(events_of(pipeline, "Germany withheld its endorsement from Macron."))
    assert "16" in roots(events_of(pipeline, "Germany withheld funds."))


@pytest.mark.parametrize(
    "text",
    [
        "An American citizen visited Cuba for a wedding.",
        "Two American students visited Cuba.",
        # A person with no office, on a trip the text gives a private purpose.
        "Republican nominee Jane Roe visited Cuba for a family wedding.",
    ],
)
def test_a_private_trip_is_no_visit(pipeline, text) -> None:
    assert ("USA", "CUB") not in pairs(events_of(pipeline, text))
    assert ("USA", "CUB", "04") in dyads(events_of(pipeline, "American diplomats visited Cuba."))
    # With no private purpose named, a person with no office may be a candidate on a political trip.
    assert ("USA", "CUB", "04") in dyads(events_of(pipeline, "Republican nominee Jane Roe visited Cuba on Monday."))


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # A place in a command's phrase is where, not whom.
        ("Obama ordered 200 marines to Chad to train the army.", ("USA", "TCD")),
        # Officials commanded; the actor in their task is no party to the command.
        ("Macron ordered envoys to mend ties with Germany.", ("FRA", "DEU")),
        # A request's party is the one asked, not the actor in what it is asked to do.
        ("Macron asked lawmakers to sanction Iran.", ("FRA", "IRN")),
        ("Macron urged the cabinet to enter a NATO mission.", ("FRA", "IGO")),
    ],
)
def test_a_command_or_a_request_is_to_the_one_asked(pipeline, text, absent) -> None:
    assert absent not in pairs(events_of(pipeline, text))
    assert ("RUS", "UKR", "10") in dyads(events_of(pipeline, "Russia ordered Ukraine to withdraw its troops."))
    assert ("FRA", "DEU", "01") in dyads(events_of(pipeline, "Macron told Scholz the news."))


@pytest.mark.parametrize(
    ("text", "absent_roots"),
    [
        # "on Monday" is no "fire @on" (gunfire) nor "insist @on" (a demand): it says when.
        ("Macron fired back on Monday.", {"19"}),
        ("Macron insisted on Monday that France would stay.", {"10"}),
    ],
)
def test_a_time_phrase_is_no_pattern_preposition(pipeline, text, absent_roots) -> None:
    assert not roots(events_of(pipeline, text)) & absent_roots
    # The pattern's own preposition still counts beside a time phrase.
    assert ("FRA", "DEU", "02") in dyads(events_of(pipeline, "Macron called on Scholz on Monday to resign."))


@pytest.mark.parametrize(
    ("wrong_sense", "right_sense", "root"),
    [
        # a publication is put out, not freed
        ("Iran released a statement on the British sailors.", "Iran released the British sailors.", "08"),
        # only people are questioned
        ("The Dutch minister questioned Belgium's motives.", "Dutch police questioned two Belgian officers.", "09"),
        # people are let in, a mistake is admitted
        ("Syrian refugees admitted to Canada found work quickly.", "Syria admitted the mistake.", "01"),
        # a view shared is no deal
        ("The Danish minister agrees with Norway.", "Denmark agreed with Norway on a fishing quota.", "03"),
        # only a harm tied to an actor accuses it
        (
            "Finnish officials linked the price rise to Russia.",
            "Finnish officials linked the sabotage to Russia.",
            "11",
        ),
        # aid is given to another, not to one's own forces
        ("Poland bolstered its army with new tanks.", "Poland bolstered Ukraine's army with new tanks.", "07"),
        # a reversing particle is another verb
        ("Germany backed off on Monday.", "Germany backed France on Monday.", "05"),
        # only a state or a government is recognized
        ("Russia recognized the danger of the war.", "Russia recognized Kosovo.", "05"),
        # a view held is no deliberation
        ("Japan considers China's navy dangerous.", "Japan considered new sanctions against China.", "01"),
        # a removal from office is no criticism
        (
            "The Peruvian president dismissed Jane Roe as prime minister.",
            "The Peruvian president dismissed Chile's claim as nonsense.",
            "12",
        ),
    ],
)
def test_a_verbs_complements_decide_its_sense(pipeline, wrong_sense: str, right_sense: str, root: str) -> None:
    assert root not in roots(events_of(pipeline, wrong_sense))
    assert root in roots(events_of(pipeline, right_sense))


def test_a_pattern_preposition_before_its_verb_is_an_adjunct(pipeline) -> None:
    # "On X, Y called Z ...": not "called on"
    assert "02" not in roots(
        events_of(pipeline, "On the campaign trail, Poland's president called Germany unreliable.")
    )


def test_the_party_called_on_is_the_target_not_the_complements_object(pipeline) -> None:
    assert dyads(events_of(pipeline, "France called on Iran to release the British sailors.")) == {("FRA", "IRN", "02")}


def test_attacking_legislators_without_a_weapon_is_criticism(pipeline) -> None:
    events = events_of(pipeline, "The Polish president attacked Polish lawmakers over the budget.")
    assert "19" not in roots(events)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # an appeal to the speaker's own country as a whole is a policy stated
        ("The Polish president said that Poland should lead the region.", set()),
        # ... not one to another country, nor to a body of one's own ("his Rwandan front")
        ("The Polish president said that Germany should lead the region.", {("POL", "DEU", "02")}),
    ],
)
def test_an_appeal_to_ones_own_country_is_no_event(pipeline, text: str, kept: set) -> None:
    assert {d for d in dyads(events_of(pipeline, text)) if d[2] in ("02", "10")} == kept


def test_a_place_between_two_countries_is_no_party(pipeline) -> None:
    events = events_of(pipeline, "Polish forces seized the villages between Poland and Lithuania.")
    assert all(e.target is None for e in events)


@pytest.mark.parametrize(
    ("text", "refused_by_poland"),
    [
        # the one spoken out against refused, not the officials ...
        ("Polish officials spoke out against Germany for refusing to give the Lithuanian president a hearing.", False),
        # ... while the criticized refused themselves
        ("Polish officials were criticized for refusing to give the Lithuanian president a hearing.", True),
    ],
)
def test_a_for_gerund_after_an_actor_in_a_phrase_is_that_actors(pipeline, text: str, refused_by_poland: bool) -> None:
    assert (("POL", "LTU", "12") in dyads(events_of(pipeline, text))) is refused_by_poland


def test_an_unnamed_source_and_his_are_one_person(pipeline) -> None:
    assert all(e.target is None for e in events_of(pipeline, "A Polish senator stated his intention to resign."))


@pytest.mark.parametrize(
    "text",
    [
        # a condition told by inversion did not happen
        "The Polish president said it would have been better had Germany supported Lithuania.",
        # a poll's share of voters is a finding, not an act
        "The survey found that 60 percent of Poles support Lithuania's bid.",
        # a newspaper named by its city is the press, not the city's country
        '"We will not yield," the Polish president told the Vilnius daily Lietuvos Rytas.',
    ],
)
def test_conditions_polls_and_the_press_give_no_dyad(pipeline, text: str) -> None:
    assert all(e.target is None for e in events_of(pipeline, text))


@pytest.mark.parametrize(
    ("text", "force"),
    [
        # weapons as a topic do not make an attack between politicians literal
        ("The Polish president attacked the Lithuanian president for being soft on weapons exports.", False),
        ("The Polish president backed gun control and attacked the Lithuanian president.", False),
        # a weapon the act is done with does
        ("The Polish president attacked the Lithuanian president with a knife.", True),
    ],
)
def test_weapons_named_as_a_topic_are_no_means_of_violence(pipeline, text: str, force: bool) -> None:
    assert ("19" in roots(events_of(pipeline, text))) is force


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" in a person's report is a thing, not the speaker
        ("The Polish senator said it would help Lithuania.", set()),
        # ... but a country's "it" is the country
        ("Poland said it will help Lithuania.", {("POL", "LTU", "03")}),
        # a stance on one's own country's thing has no second party; a body of it is one
        ("The Polish president opposes Polish spending abroad.", {("POL", None, "11")}),
        ("The Polish president sued a Polish veterans group.", {("POL", "POL", "11")}),
        # a name put to a paper is no agreement; a pact is
        ("The Polish president signed a letter to Lithuania.", set()),
        ("Poland signed a pact with Lithuania.", {("POL", "LTU", "05")}),
        # a publication is put out, not freed
        ("The group released a propaganda video and a statement.", set()),
    ],
)
def test_speakers_stances_papers_and_publications(pipeline, text: str, expected: set) -> None:
    assert dyads(events_of(pipeline, text)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # with the topic set aside, whose the object is names the party
        ("Poland criticized Russia's statement on Ukraine.", {("POL", "RUS", "11")}),
        # a position put to a country is addressed to it, not about it
        ("Poland reiterated its position to Lithuania.", {("POL", "LTU", "01")}),
    ],
)
def test_topics_owners_and_addressees(pipeline, text: str, expected: set) -> None:
    assert dyads(events_of(pipeline, text)) == expected


def test_those_who_act_for_a_possessive_are_its_owner(pipeline) -> None:
    text = "The Polish president spoke on Monday. His aides criticized Lithuania."
    assert ("POL", "LTU", "11") in dyads(events_of(pipeline, text))


@pytest.mark.parametrize(
    ("text", "root"),
    [
        ("Polish farmers blocked the road to the border on Monday.", "14"),  # a way: a blockade
        ("Senate Democrats blocked a funding package on Monday.", "12"),  # anything else: rejected
    ],
)
def test_what_is_blocked_decides_blockade_or_rejection(pipeline, text: str, root: str) -> None:
    assert roots(events_of(pipeline, text)) == {root}
